/* pdw-media-download.h: the last step of every backend's media download:
 * the provider's answer streamed into a file only the user can read.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* WhatsApp's largest media is 100 MB; a little room for framing. */
#define PDW_MEDIA_MAX_BYTES ((goffset) 101 * 1024 * 1024)

/* Refuses an answer to @message that announces more than
 * PDW_MEDIA_MAX_BYTES (PDW_GRAPH_ERROR 131052), else streams @body (the
 * answer's, from soup_session_send_async()) into @dest_path, created 0600
 * or replaced, and resolves to the number of bytes written.  The answer's
 * status is the caller's to check first. */
void   pdw_media_download_save_async  (SoupMessage          *message,
                                       GInputStream         *body,
                                       const char           *dest_path,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
/* The bytes written, or -1 with @error. */
gint64 pdw_media_download_save_finish (GAsyncResult         *result,
                                       GError              **error);

G_END_DECLS
