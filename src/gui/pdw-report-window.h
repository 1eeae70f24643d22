/* pdw-report-window.h: the monthly report (Laporan Bulanan Layanan
 * PANDAWA) in a window: the period, the figures, charts and tables
 * computed on a worker thread, and the report saved as PDF, XLSX, CSV or
 * JSON, or printed.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pdw-report.h"
#include "report/pdw-report-period-chooser.h"
#include "report/pdw-report-view.h"
#include "pdw-context.h"

G_BEGIN_DECLS

#define PDW_TYPE_REPORT_WINDOW (pdw_report_window_get_type ())
G_DECLARE_FINAL_TYPE (PdwReportWindow, pdw_report_window, PDW, REPORT_WINDOW, AdwWindow)

/* Property: context (PdwContext, construct-only).  Computes the current
 * month's report at once. */
GtkWindow              *pdw_report_window_new         (GtkWindow       *parent,
                                                       PdwContext      *context);
/* The report shown; NULL while computing or after an error. */
PdwReport              *pdw_report_window_get_report  (PdwReportWindow *self);
/* TRUE while a report is being computed. */
gboolean                pdw_report_window_is_busy     (PdwReportWindow *self);
/* Writes the report shown to @path as @format ("pdf", "xlsx", "csv",
 * "json"; csv: a folder with one file per table) on a worker thread, then
 * a toast (what Save As… does after its file chooser).  FALSE when no
 * report is shown. */
gboolean                pdw_report_window_save        (PdwReportWindow *self,
                                                       const char      *format,
                                                       const char      *path);
/* Prints the report shown to the PDF file @path through the printing
 * path (Print… without its dialog).  FALSE when no report is shown or
 * printing failed (a toast says why). */
gboolean                pdw_report_window_print_to_file (PdwReportWindow *self,
                                                         const char      *path);
PdwReportPeriodChooser *pdw_report_window_get_chooser (PdwReportWindow *self);
PdwReportView          *pdw_report_window_get_view    (PdwReportWindow *self);
/* "computing", "error", "empty" or "report". */
const char             *pdw_report_window_get_state   (PdwReportWindow *self);

G_END_DECLS
