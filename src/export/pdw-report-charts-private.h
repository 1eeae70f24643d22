/* pdw-report-charts-private.h: what the charts' files share: a chart being
 * drawn (its cairo context, fonts and style) and the drawing helpers of
 * pdw-report-charts.c that every chart of pdw-report-chart-kinds.c uses.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "pdw-report-charts.h"

G_BEGIN_DECLS

/* A text in the two languages a chart can speak. */
typedef struct
{
  const char *msgid;   /* English, translated on screen */
  const char *id;      /* Indonesian, on paper */
} Text;

typedef struct
{
  cairo_t              *cr;
  PangoContext         *pango;
  PangoFontDescription *font;
  PangoFontDescription *small;
  PangoFontDescription *bold;
  PangoFontDescription *big;
  const PdwChartStyle  *style;
  PdwReport            *report;
  double                width;
  double                height;
  double                line;      /* height of a line of the normal font */
  double                pad;       /* the gap between parts */
} Chart;

/* ---- Helpers (pdw-report-charts.c) --------------------------------------------- */

/* "No data" / "Tidak ada data". */
extern const Text pdw_chart_text_no_data;


/* The style's language: Indonesian, or the translated msgid. */
const char  *pdw_chart_text_get            (const Text          *text,
                                            const PdwChartStyle *style);
void         pdw_chart_set_color           (Chart               *chart,
                                            const PdwChartColor *color);
void         pdw_chart_set_color_alpha     (Chart               *chart,
                                            const PdwChartColor *color,
                                            double               alpha);
/* A layout of @text, ellipsized to @max_width (0: no limit). */
PangoLayout *pdw_chart_layout              (Chart                      *chart,
                                            const PangoFontDescription *font,
                                            const char                 *text,
                                            double                      max_width);
double       pdw_chart_text_width          (Chart                      *chart,
                                            const PangoFontDescription *font,
                                            const char                 *text);
/* Draws @text with its left edge (@xalign 0), centre (0.5) or right edge
 * (1) at @x and its vertical middle at @y, ellipsized to @max_width (0: no
 * limit).  Returns the width drawn. */
double       pdw_chart_draw_label          (Chart                      *chart,
                                            const PangoFontDescription *font,
                                            const PdwChartColor        *color,
                                            const char                 *text,
                                            double                      x,
                                            double                      y,
                                            double                      xalign,
                                            double                      max_width);
/* "1.234" */
char        *pdw_chart_format_count        (double               value);
/* The top of a 0-based axis at or above @value, and its step. */
double       pdw_chart_nice_max            (double               value,
                                            double              *step);
void         pdw_chart_draw_no_data        (Chart               *chart);
/* A coloured square (or a line) and a label; returns the x after it. */
double       pdw_chart_draw_legend_item    (Chart               *chart,
                                            const PdwChartColor *color,
                                            gboolean             as_line,
                                            const char          *label,
                                            double               x,
                                            double               y);
/* Horizontal grid lines and their values left of @left. */
void         pdw_chart_draw_value_grid     (Chart               *chart,
                                            double               left,
                                            double               right,
                                            double               top,
                                            double               bottom,
                                            double               max,
                                            double               step);
guint        pdw_chart_hours_max           (PdwReport           *report);
guint        pdw_chart_satisfaction_answers (const PdwReportSatisfaction *satisfaction);

/* ---- The charts (pdw-report-chart-kinds.c) -------------------------------------- */

void         pdw_chart_daily_volume        (Chart               *chart);
/* Bars a breakdown chart draws (the "other" bar included). */
guint        pdw_chart_breakdown_rows      (PdwReport           *report,
                                            PdwReportBreakdown   breakdown);
void         pdw_chart_breakdown           (Chart               *chart,
                                            PdwReportBreakdown   breakdown);
void         pdw_chart_promise             (Chart               *chart);
void         pdw_chart_sop_steps           (Chart               *chart);
void         pdw_chart_satisfaction        (Chart               *chart);
void         pdw_chart_hours               (Chart               *chart);

G_END_DECLS
