/* pdw-report-chart-view.h: one chart of the report on screen, drawn by
 * pdw_report_chart_draw() (the same function the PDF calls) in the screen
 * style, which follows libadwaita's light or dark style.  Its height is
 * its width times the chart's aspect.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/pdw-report.h"
#include "export/pdw-report-charts.h"

G_BEGIN_DECLS

#define PDW_TYPE_REPORT_CHART_VIEW (pdw_report_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (PdwReportChartView, pdw_report_chart_view, PDW, REPORT_CHART_VIEW, GtkDrawingArea)

/* Properties: report (PdwReport, may be NULL: nothing drawn), chart
 * (PdwReportChart as an int, construct). */
GtkWidget      *pdw_report_chart_view_new        (PdwReportChart      chart);
PdwReportChart  pdw_report_chart_view_get_chart  (PdwReportChartView *self);
PdwReport      *pdw_report_chart_view_get_report (PdwReportChartView *self);
void            pdw_report_chart_view_set_report (PdwReportChartView *self,
                                                  PdwReport          *report);

G_END_DECLS
