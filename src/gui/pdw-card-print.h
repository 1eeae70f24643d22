/* pdw-card-print.h: printing a complaint's control card (kartu kendali)
 * through GtkPrintOperation: the print dialog with its preview, the card's
 * own pages (pdw-card-pdf.h) on whatever printer or file the officer picks.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "export/pdw-card-pdf.h"

G_BEGIN_DECLS

/* Opens the print dialog for the card of @complaint_id, transient for
 * @widget's window; or, given @export_path, prints straight to that PDF
 * file through the same operation (what tests use).  Problems are shown as
 * a toast in @widget's AdwToastOverlay.  FALSE when the card could not be
 * read or the operation failed at once. */
gboolean pdw_card_print (GtkWidget            *widget,
                         PdwStore             *store,
                         gint64                complaint_id,
                         const PdwCardOptions *options,
                         const char           *export_path);

G_END_DECLS
