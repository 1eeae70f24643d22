/* pdw-report-charts.h: the charts of the monthly report, drawn with cairo
 * and pango.  The report view (a GtkDrawingArea) and the PDF both call
 * pdw_report_chart_draw(), so the screen and the paper show the same
 * picture; only the style (colours, font) differs.
 *
 * Drawing never fails on empty data: a chart without anything to show
 * draws a "Tidak ada data" / "No data" state inside its area.  Numbers are
 * written the Indonesian way (pdw_report_format_number()).  The texts
 * inside the charts follow the style: the paper style writes Indonesian
 * whatever the locale (the PDF is an official document), the screen style
 * the translated English msgids.
 *
 * Units: @width, @height and the style's font_size are cairo user units
 * (pixels on screen, points on paper); the charts make their own pango
 * context at 72 units per inch, so font_size 8 is 8 pt on paper and 8 px
 * on screen.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "core/pdw-report.h"

G_BEGIN_DECLS

typedef enum
{
  PDW_REPORT_CHART_DAILY_VOLUME,   /* received and resolved per day */
  PDW_REPORT_CHART_TYPES,          /* received by complaint type */
  PDW_REPORT_CHART_INSTITUTIONS,   /* received by institution */
  PDW_REPORT_CHART_PROMISE,        /* the 2x24-hour promise kept / not kept */
  PDW_REPORT_CHART_SOP_STEPS,      /* median and P90 per SOP step against the standard */
  PDW_REPORT_CHART_SATISFACTION,   /* ratings 1-4, the index and grade */
  PDW_REPORT_CHART_HOURS,          /* citizens' messages, hour of day x weekday */
  PDW_REPORT_N_CHARTS
} PdwReportChart;

typedef struct
{
  double r, g, b, a;
} PdwChartColor;

typedef struct
{
  PdwChartColor  foreground;   /* text, axes */
  PdwChartColor  muted;        /* secondary text, "no data" */
  PdwChartColor  grid;         /* grid lines, weekend shading (with its alpha) */
  PdwChartColor  background;   /* what the chart is drawn on (not painted by the charts) */
  PdwChartColor  accent;       /* the main series */
  PdwChartColor  good;         /* kept / within standard */
  PdwChartColor  warning;
  PdwChartColor  bad;          /* not kept / over standard */
  PdwChartColor  series[6];    /* further series, rating 1..4 etc. */
  const char    *font_family;  /* static string, "Sans" */
  double         font_size;    /* user units, see above */
  gboolean       indonesian;   /* texts in Indonesian (paper) or translated (screen) */
} PdwChartStyle;

/* Black on white, print-friendly colours, 8 pt, Indonesian texts. */
void         pdw_chart_style_init_paper     (PdwChartStyle  *style);
/* The GNOME (libadwaita) palette for the light or dark style, 12 px,
 * translated texts.  The view paints its own background; the style's
 * background is only what the charts assume (for contrast). */
void         pdw_chart_style_init_screen    (PdwChartStyle  *style,
                                             gboolean        dark);

/* English msgid, translated ("Daily volume"). */
const char  *pdw_report_chart_get_title     (PdwReportChart  chart);
/* Indonesian whatever the locale ("Volume harian"), for documents. */
const char  *pdw_report_chart_get_title_id  (PdwReportChart  chart);
/* The title in the style's language. */
const char  *pdw_report_chart_get_title_for_style (PdwReportChart       chart,
                                                   const PdwChartStyle *style);
/* Preferred height / width (e.g. 0.45): a view or page gives a chart
 * width x width * aspect. */
double       pdw_report_chart_get_aspect    (PdwReportChart  chart);
/* The height the chart wants at @width: width x aspect, less for a
 * breakdown with few bars. */
double       pdw_report_chart_get_height    (PdwReport           *report,
                                             PdwReportChart       chart,
                                             double               width,
                                             const PdwChartStyle *style);
/* TRUE when the chart has something to show (it still draws without). */
gboolean     pdw_report_chart_has_data      (PdwReport      *report,
                                             PdwReportChart  chart);

/* Draws @chart into the rectangle (0, 0, @width, @height) of @cr (callers
 * translate first).  Does not paint the background, does not draw the
 * title (the view and the document put it above), saves and restores
 * @cr. */
void         pdw_report_chart_draw          (PdwReport            *report,
                                             PdwReportChart        chart,
                                             cairo_t              *cr,
                                             double                width,
                                             double                height,
                                             const PdwChartStyle  *style);

G_END_DECLS
