/* pdw-store-loader.h: opening the store away from the main loop, with a
 * progress window while a migration of a big database runs.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/pdw-store.h"

G_BEGIN_DECLS

/* Opens the store at @path on a worker thread (pdw_store_open_with_progress):
 * building the search index of a year takes seconds, and meanwhile the main
 * loop answers Ctrl+Q and SIGTERM.  When the open takes more than a moment
 * a small window (of @application, may be NULL) shows its progress until it
 * ends.  Closing that window or cancelling @cancellable cancels the
 * migration: the open fails with G_IO_ERROR_CANCELLED once its transaction
 * is rolled back, and the next start begins it again. */
void       pdw_store_loader_open_async  (GtkApplication       *application,
                                         const char           *path,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
PdwStore  *pdw_store_loader_open_finish (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
