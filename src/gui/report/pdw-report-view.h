/* pdw-report-view.h: the content of the report window for one computed
 * report: the headline figures, the charts, the tables (durations,
 * backlog, the breakdowns, SOP steps, rekapitulasi) and the SLA policy,
 * scrolled in a clamp.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pdw-report.h"
#include "export/pdw-report-charts.h"
#include "pdw-report-figures.h"
#include "pdw-report-table.h"

G_BEGIN_DECLS

#define PDW_TYPE_REPORT_VIEW (pdw_report_view_get_type ())
G_DECLARE_FINAL_TYPE (PdwReportView, pdw_report_view, PDW, REPORT_VIEW, GtkBox)

/* Property: report (PdwReport, may be NULL). */
GtkWidget        *pdw_report_view_new            (void);
PdwReport        *pdw_report_view_get_report     (PdwReportView     *self);
void              pdw_report_view_set_report     (PdwReportView     *self,
                                                  PdwReport         *report);
PdwReportFigures *pdw_report_view_get_figures    (PdwReportView     *self);
/* The drawing area of @chart. */
GtkWidget        *pdw_report_view_get_chart      (PdwReportView     *self,
                                                  PdwReportChart     chart);
/* The table of @breakdown. */
PdwReportTable   *pdw_report_view_get_breakdown  (PdwReportView     *self,
                                                  PdwReportBreakdown breakdown);

G_END_DECLS
