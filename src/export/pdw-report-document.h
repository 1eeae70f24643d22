/* pdw-report-document.h: the monthly report as an official A4 portrait
 * document (Laporan Bulanan Layanan PANDAWA), paged.  The same pages are
 * written to the PDF file (pdw_report_pdf_write()) and printed through
 * GtkPrintOperation (the view calls _paginate() from "begin-print" and
 * _draw_page() from "draw-page").
 *
 * Printing: set the operation's unit to GTK_UNIT_POINTS and use-full-page
 * to TRUE, so that (0, 0) is the paper's corner: the document draws its own
 * margins.  Everything on the pages is Indonesian whatever the locale.
 *
 * Layout: letterhead, title, period, a summary paragraph, the headline
 * figures, the charts (pdw-report-charts.h in the paper style), breakdown
 * tables, SOP steps against the standard, the rekapitulasi, the backlog,
 * the SLA policy, then place, date and the signature block.  A table row
 * never splits across pages; a table continued on the next page repeats
 * its header.  Footer: "Halaman x dari n".
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "core/pdw-report.h"
#include "pdw-report-export.h"

G_BEGIN_DECLS

/* Who signs the report.  Every member owned, may be NULL or empty:
 * place defaults to "Pekanbaru", date_text to the generation date
 * ("2 Desember 2026"), office_name to the office's full name, head_title
 * to "Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Pekanbaru"; an
 * empty name leaves a dotted line to write it by hand. */
typedef struct
{
  char *place;
  char *date_text;
  char *office_name;
  char *office_address;
  char *head_name;
  char *head_rank;     /* pangkat/golongan, "Pembina Utama Muda (IV/c)" */
  char *head_nip;
  char *head_title;
} PdwReportSignature;

void         pdw_report_signature_clear          (PdwReportSignature *signature);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdwReportSignature, pdw_report_signature_clear)
/* Copies every member of @src into @dest (owned copies). */
void         pdw_report_signature_copy           (PdwReportSignature       *dest,
                                                  const PdwReportSignature *src);
/* Fills @signature from the application's settings (keys report-place,
 * report-head-name, report-head-rank, report-head-nip, report-head-title,
 * office-name, office-address); date_text stays NULL.  Clears it first. */
void         pdw_report_signature_init_from_settings (PdwReportSignature *signature,
                                                      GSettings          *settings);
/* "2 Desember 2026" for @unix_time in WIB, Indonesian month name. */
char        *pdw_report_format_date_id           (gint64              unix_time);

#define PDW_TYPE_REPORT_DOCUMENT (pdw_report_document_get_type ())
G_DECLARE_FINAL_TYPE (PdwReportDocument, pdw_report_document, PDW, REPORT_DOCUMENT, GObject)

/* @signature may be NULL (defaults); copied. */
PdwReportDocument *pdw_report_document_new       (PdwReport                *report,
                                                  const PdwReportSignature *signature);
/* Lays the document out on pages of @page_width x @page_height points
 * (A4: 595.28 x 841.89), measuring text with @cr.  Returns the number of
 * pages (at least 1).  Call again when the page size changes. */
guint        pdw_report_document_paginate        (PdwReportDocument *doc,
                                                  cairo_t           *cr,
                                                  double             page_width,
                                                  double             page_height);
guint        pdw_report_document_get_n_pages     (PdwReportDocument *doc);
/* Draws page @page_nr (0-based, as GtkPrintOperation counts) on @cr,
 * whose origin is the paper's corner.  Does not call cairo_show_page(). */
void         pdw_report_document_draw_page       (PdwReportDocument *doc,
                                                  cairo_t           *cr,
                                                  guint              page_nr);

#define PDW_REPORT_PAGE_WIDTH  595.2756   /* A4, points */
#define PDW_REPORT_PAGE_HEIGHT 841.8898

/* The whole document as a PDF at @path: atomic, 0600. */
gboolean     pdw_report_pdf_write                (PdwReport                *report,
                                                  const PdwReportSignature *signature,
                                                  const char               *path,
                                                  GError                  **error);
/* In a thread (the view): @report is immutable, @signature copied. */
void         pdw_report_pdf_write_async          (PdwReport                *report,
                                                  const PdwReportSignature *signature,
                                                  const char               *path,
                                                  GCancellable             *cancellable,
                                                  GAsyncReadyCallback       callback,
                                                  gpointer                  user_data);
gboolean     pdw_report_pdf_write_finish         (GAsyncResult             *result,
                                                  GError                  **error);
/* The "pdf" entry of the export formats table: the signature from the
 * installed settings when the schema is there, else the defaults. */
gboolean     pdw_report_pdf_write_for_format     (PdwReport                     *report,
                                                  const char                    *path,
                                                  const PdwReportExportOptions  *options,
                                                  GError                       **error);

G_END_DECLS
