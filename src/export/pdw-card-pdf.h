/* pdw-card-pdf.h: the control card (kartu kendali) of one complaint as a
 * printable PDF, in the card's own layout under the office letterhead.
 *
 * One row per control-card event: No, Kegiatan (activity), Petugas
 * (officer), Diserahkan (handed over: date/time WIB and initials of the
 * officer who wrote the line), Diterima (received: date/time and initials
 * of whoever wrote the next line; empty for the last), Waktu standar (the
 * SOP's standard time), Waktu nyata (actual time: from the previous line to
 * this one; for the standard reply, the 2x24-hour promise, until the data
 * became active or the file closed, "berjalan" while it runs), Keterangan (remarks: note, to-party).  Masked NIK in the
 * header; written 0600, atomically.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/pdw-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *office_name;     /* GSettings office-name */
  const char *office_address;  /* GSettings office-address; may be empty */
  gint64      printed_at;      /* Unix s, shown in the footer; 0 = now */
} PdwCardOptions;

gboolean pdw_card_pdf_write        (PdwStore              *store,
                                    gint64                 complaint_id,
                                    const PdwCardOptions  *options,
                                    const char            *path,
                                    GError               **error);
/* In a thread: a card of a long-running file has many lines. */
void     pdw_card_pdf_write_async  (PdwStore              *store,
                                    gint64                 complaint_id,
                                    const PdwCardOptions  *options,
                                    const char            *path,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data);
gboolean pdw_card_pdf_write_finish (GAsyncResult          *result,
                                    GError               **error);

/* Formats an interval for the card's time columns: "1 menit", "2 jam 5
 * menit", "2 hari 3 jam" (Indonesian, as on the paper card); "" for 0. */
char    *pdw_card_format_duration  (gint64                 seconds);

G_END_DECLS
