/* pdw-card-pdf.h: the control card (kartu kendali) of one complaint as a
 * printable PDF, in the card's own layout under the office letterhead.
 *
 * One row per control-card event: No, Kegiatan (activity), Petugas
 * (officer), Diserahkan (handed over: date/time WIB and initials of the
 * officer who wrote the line), Diterima (received: date/time and initials
 * of whoever wrote the next line; empty for the last; for a coordination,
 * the division's officer recorded with the line as receiving the file, at
 * that time, or empty for a hand-written initial when none was recorded
 * and the sender wrote the next line too), Waktu standar (the
 * SOP's standard time), Waktu nyata (actual time: from the previous line to
 * this one; for the standard reply, the 2x24-hour promise, until the data
 * became active or the file closed, "berjalan" while it runs), Keterangan (remarks: note, to-party).  Masked NIK in the
 * header, phone +62…; written 0600, atomically.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "store/pdw-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *office_name;     /* GSettings office-name */
  const char *office_address;  /* GSettings office-address; may be empty */
  gint64      printed_at;      /* Unix s, shown in the footer; 0 = now */
} PdwCardOptions;

/* The card as pages, for the PDF file and for printing through
 * GtkPrintOperation (the view calls _paginate() from "begin-print" and
 * _draw_page() from "draw-page", with the operation's unit in points and
 * use-full-page set: the card draws its own margins).  It is laid out on
 * A4 landscape (PDW_CARD_PAGE_WIDTH x PDW_CARD_PAGE_HEIGHT points); on
 * other paper each page is scaled down to fit whole. */
typedef struct _PdwCardDocument PdwCardDocument;

#define PDW_CARD_PAGE_WIDTH  841.8898   /* A4 landscape, points */
#define PDW_CARD_PAGE_HEIGHT 595.2756

/* Reads the complaint and its lines (a few rows: fine on the main loop). */
PdwCardDocument *pdw_card_document_load      (PdwStore              *store,
                                              gint64                 complaint_id,
                                              const PdwCardOptions  *options,
                                              GError               **error);
void             pdw_card_document_free      (PdwCardDocument       *card);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwCardDocument, pdw_card_document_free)
/* Lays the rows out on pages, measuring text with @cr.  Returns the number
 * of pages (at least 1). */
guint            pdw_card_document_paginate  (PdwCardDocument       *card,
                                              cairo_t               *cr);
guint            pdw_card_document_get_n_pages (PdwCardDocument     *card);
const char      *pdw_card_document_get_ticket  (PdwCardDocument     *card);
/* Draws page @page_nr (0-based) on @cr, whose origin is the paper's corner,
 * scaled to fit @page_width x @page_height points.  Does not call
 * cairo_show_page(). */
void             pdw_card_document_draw_page (PdwCardDocument       *card,
                                              cairo_t               *cr,
                                              guint                  page_nr,
                                              double                 page_width,
                                              double                 page_height);

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
