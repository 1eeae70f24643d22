/* pdw-report-charts.c
 *
 * Every chart is laid out inside the rectangle it is given: a band of
 * labels, a plot area and, where needed, a legend line on top.  Text is
 * measured before the plot area is decided, so that long labels are
 * ellipsized rather than clipped and nothing overlaps at any size the view
 * may give.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "pdw-pdf-common.h"
#include "pdw-report-charts-private.h"

static const Text chart_titles[PDW_REPORT_N_CHARTS] = {
  { N_("Daily volume"),                         "Volume harian" },
  { N_("Complaints by type"),                   "Pengaduan menurut jenis" },
  { N_("Complaints by institution"),            "Pengaduan menurut instansi" },
  { N_("2×24-hour promise"),                    "Janji layanan 2×24 jam" },
  { N_("Time per SOP step against the standard"), "Waktu per langkah SOP terhadap standar" },
  { N_("Citizen satisfaction"),                 "Kepuasan masyarakat" },
  { N_("When citizens write (hour × weekday)"), "Waktu masyarakat menghubungi (jam × hari)" },
};

static const double chart_aspects[PDW_REPORT_N_CHARTS] = {
  0.42, 0.50, 0.50, 0.36, 0.55, 0.40, 0.42,
};

const Text pdw_chart_text_no_data = { N_("No data"),       "Tidak ada data" };
/* ---- Styles ---------------------------------------------------------------- */

static PdwChartColor
rgb (guint32 hex,
     double  alpha)
{
  PdwChartColor color = {
    ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, alpha
  };

  return color;
}

void
pdw_chart_style_init_paper (PdwChartStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (PdwChartStyle) {
    .foreground = rgb (0x000000, 1.0),
    .muted = rgb (0x505050, 1.0),
    .grid = rgb (0x000000, 0.15),
    .background = rgb (0xffffff, 1.0),
    .accent = rgb (0x1c71d8, 1.0),
    .good = rgb (0x26a269, 1.0),
    .warning = rgb (0xe5a50a, 1.0),
    .bad = rgb (0xc01c28, 1.0),
    .series = { rgb (0x1c71d8, 1.0), rgb (0x26a269, 1.0), rgb (0xe5a50a, 1.0),
                rgb (0xc64600, 1.0), rgb (0x813d9c, 1.0), rgb (0x63452c, 1.0) },
    .font_family = "Sans",
    .font_size = 8.0,
    .indonesian = TRUE,
  };
}

/* The libadwaita named colours (window fg, accent, success, warning,
 * error) and the GNOME palette for the series. */
void
pdw_chart_style_init_screen (PdwChartStyle *style,
                             gboolean       dark)
{
  g_return_if_fail (style != NULL);

  if (dark)
    *style = (PdwChartStyle) {
      .foreground = rgb (0xffffff, 1.0),
      .muted = rgb (0xffffff, 0.6),
      .grid = rgb (0xffffff, 0.15),
      .background = rgb (0x242424, 1.0),
      .accent = rgb (0x78aeed, 1.0),
      .good = rgb (0x8ff0a4, 1.0),
      .warning = rgb (0xf8e45c, 1.0),
      .bad = rgb (0xff7b63, 1.0),
      .series = { rgb (0x78aeed, 1.0), rgb (0x8ff0a4, 1.0), rgb (0xf8e45c, 1.0),
                  rgb (0xffa348, 1.0), rgb (0xdc8add, 1.0), rgb (0xcdab8f, 1.0) },
    };
  else
    *style = (PdwChartStyle) {
      .foreground = rgb (0x000000, 0.8),
      .muted = rgb (0x000000, 0.55),
      .grid = rgb (0x000000, 0.12),
      .background = rgb (0xfafafa, 1.0),
      .accent = rgb (0x3584e4, 1.0),
      .good = rgb (0x26a269, 1.0),
      .warning = rgb (0xc88800, 1.0),
      .bad = rgb (0xc01c28, 1.0),
      .series = { rgb (0x3584e4, 1.0), rgb (0x26a269, 1.0), rgb (0xe5a50a, 1.0),
                  rgb (0xc64600, 1.0), rgb (0x813d9c, 1.0), rgb (0x865e3c, 1.0) },
    };

  style->font_family = "Sans";
  style->font_size = 12.0;
  style->indonesian = FALSE;
}

/* ---- Titles ---------------------------------------------------------------- */

const char *
pdw_report_chart_get_title (PdwReportChart chart)
{
  g_return_val_if_fail (chart < PDW_REPORT_N_CHARTS, NULL);
  return _(chart_titles[chart].msgid);
}

const char *
pdw_report_chart_get_title_id (PdwReportChart chart)
{
  g_return_val_if_fail (chart < PDW_REPORT_N_CHARTS, NULL);
  return chart_titles[chart].id;
}

const char *
pdw_chart_text_get (const Text          *text,
          const PdwChartStyle *style)
{
  return style->indonesian ? text->id : _(text->msgid);
}

const char *
pdw_report_chart_get_title_for_style (PdwReportChart       chart,
                                      const PdwChartStyle *style)
{
  g_return_val_if_fail (chart < PDW_REPORT_N_CHARTS, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  return pdw_chart_text_get (&chart_titles[chart], style);
}

double
pdw_report_chart_get_height (PdwReport           *report,
                             PdwReportChart       chart,
                             double               width,
                             const PdwChartStyle *style)
{
  double height;

  g_return_val_if_fail (PDW_IS_REPORT (report), 0);
  g_return_val_if_fail (chart < PDW_REPORT_N_CHARTS, 0);
  g_return_val_if_fail (style != NULL, 0);

  height = width * chart_aspects[chart];
  if ((chart == PDW_REPORT_CHART_TYPES || chart == PDW_REPORT_CHART_INSTITUTIONS) &&
      pdw_report_chart_has_data (report, chart))
    {
      PdwReportBreakdown breakdown = chart == PDW_REPORT_CHART_TYPES ? PDW_REPORT_BY_TYPE : PDW_REPORT_BY_INSTITUTION;

      /* As many rows as bars, at the bars' own height. */
      height = MIN (height, pdw_chart_breakdown_rows (report, breakdown) * style->font_size * 1.3 * 2.2);
    }
  return MAX (height, width * 0.2);
}

double
pdw_report_chart_get_aspect (PdwReportChart chart)
{
  g_return_val_if_fail (chart < PDW_REPORT_N_CHARTS, 0.5);
  return chart_aspects[chart];
}

/* ---- Data ------------------------------------------------------------------ */

static gboolean
breakdown_has_data (PdwReport          *report,
                    PdwReportBreakdown  breakdown)
{
  GArray *rows = pdw_report_get_breakdown (report, breakdown);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (g_array_index (rows, PdwReportRow, i).received > 0)
      return TRUE;
  return FALSE;
}

guint
pdw_chart_hours_max (PdwReport *report)
{
  guint max = 0;

  for (guint day = 0; day < 7; day++)
    for (guint hour = 0; hour < 24; hour++)
      max = MAX (max, pdw_report_get_hour_count (report, day, hour));
  return max;
}

guint
pdw_chart_satisfaction_answers (const PdwReportSatisfaction *satisfaction)
{
  return satisfaction->distribution[0] + satisfaction->distribution[1] +
         satisfaction->distribution[2] + satisfaction->distribution[3];
}

gboolean
pdw_report_chart_has_data (PdwReport      *report,
                           PdwReportChart  chart)
{
  g_return_val_if_fail (PDW_IS_REPORT (report), FALSE);

  switch (chart)
    {
    case PDW_REPORT_CHART_DAILY_VOLUME:
      {
        GArray *days = pdw_report_get_days (report);

        for (guint i = 0; days != NULL && i < days->len; i++)
          {
            const PdwReportDay *day = &g_array_index (days, PdwReportDay, i);

            if (day->received > 0 || day->resolved > 0)
              return TRUE;
          }
        return FALSE;
      }
    case PDW_REPORT_CHART_TYPES:
      return breakdown_has_data (report, PDW_REPORT_BY_TYPE);
    case PDW_REPORT_CHART_INSTITUTIONS:
      return breakdown_has_data (report, PDW_REPORT_BY_INSTITUTION);
    case PDW_REPORT_CHART_PROMISE:
      {
        const PdwReportFigureValue *files = pdw_report_get_figure (report, PDW_REPORT_FIGURE_PROMISE_FILES);

        return files->has_value && files->value > 0;
      }
    case PDW_REPORT_CHART_SOP_STEPS:
      for (guint step = 1; step <= PDW_REPORT_N_SOP_STEPS; step++)
        if (pdw_report_get_sop_step (report, step)->stats.count > 0)
          return TRUE;
      return FALSE;
    case PDW_REPORT_CHART_SATISFACTION:
      return pdw_chart_satisfaction_answers (pdw_report_get_satisfaction (report)) > 0;
    case PDW_REPORT_CHART_HOURS:
      return pdw_chart_hours_max (report) > 0;
    case PDW_REPORT_N_CHARTS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* ---- Drawing helpers ------------------------------------------------------- */

void
pdw_chart_set_color (Chart               *chart,
           const PdwChartColor *color)
{
  cairo_set_source_rgba (chart->cr, color->r, color->g, color->b, color->a);
}

void
pdw_chart_set_color_alpha (Chart               *chart,
                 const PdwChartColor *color,
                 double               alpha)
{
  cairo_set_source_rgba (chart->cr, color->r, color->g, color->b, color->a * alpha);
}

PangoLayout *
pdw_chart_layout (Chart                      *chart,
              const PangoFontDescription *font,
              const char                 *text,
              double                      max_width)
{
  PangoLayout *layout = pango_layout_new (chart->pango);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

double
pdw_chart_text_width (Chart                      *chart,
            const PangoFontDescription *font,
            const char                 *text)
{
  g_autoptr(PangoLayout) layout = pdw_chart_layout (chart, font, text, 0);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

/* Draws @text with its left edge (xalign 0), centre (0.5) or right edge
 * (1) at @x and its vertical middle at @y, ellipsized to @max_width (0: no
 * limit).  Returns the width drawn. */
double
pdw_chart_draw_label (Chart                      *chart,
            const PangoFontDescription *font,
            const PdwChartColor        *color,
            const char                 *text,
            double                      x,
            double                      y,
            double                      xalign,
            double                      max_width)
{
  g_autoptr(PangoLayout) layout = pdw_chart_layout (chart, font, text, max_width);
  PangoRectangle ink, logical;

  pdw_chart_set_color (chart, color);
  if (max_width > 0)
    {
      /* The layout is @max_width wide: align the text inside it. */
      pango_layout_set_alignment (layout, xalign >= 0.75 ? PANGO_ALIGN_RIGHT
                                          : xalign >= 0.25 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
      pango_layout_get_pixel_extents (layout, &ink, &logical);
      cairo_move_to (chart->cr, x - xalign * max_width, y - logical.height / 2.0);
      pango_cairo_show_layout (chart->cr, layout);
      return MIN (ink.width, max_width);
    }

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_move_to (chart->cr, x - xalign * logical.width, y - logical.height / 2.0);
  pango_cairo_show_layout (chart->cr, layout);
  return logical.width;
}

char *
pdw_chart_format_count (double value)
{
  return pdw_report_format_number (value, 0);
}

/* An axis from 0 to @value in at most 5 steps of 1, 2 or 5 x 10^k (at least 1):
 * returns the top of the axis, at or above @value. */
double
pdw_chart_nice_max (double  value,
          double *step)
{
  double raw, magnitude, scaled;

  if (!(value > 1))
    value = 1;
  raw = value / 5;
  magnitude = pow (10, floor (log10 (raw)));
  scaled = raw / magnitude;
  *step = (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * magnitude;
  if (*step < 1)
    *step = 1;
  return ceil (value / *step) * *step;
}

void
pdw_chart_draw_no_data (Chart *chart)
{
  const double inset = chart->pad;
  double w = chart->width - 2 * inset, h = chart->height - 2 * inset;
  const double dashes[] = { 4.0, 3.0 };

  if (w <= 0 || h <= 0)
    return;

  cairo_save (chart->cr);
  pdw_chart_set_color (chart, &chart->style->grid);
  cairo_set_line_width (chart->cr, 1.0);
  cairo_set_dash (chart->cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_rectangle (chart->cr, inset, inset, w, h);
  cairo_stroke (chart->cr);
  cairo_restore (chart->cr);

  pdw_chart_draw_label (chart, chart->font, &chart->style->muted, pdw_chart_text_get (&pdw_chart_text_no_data, chart->style),
              chart->width / 2, chart->height / 2, 0.5, w);
}

/* A small coloured square and a label; returns the x after it. */
double
pdw_chart_draw_legend_item (Chart               *chart,
                  const PdwChartColor *color,
                  gboolean             as_line,
                  const char          *label,
                  double               x,
                  double               y)
{
  double box = chart->line * 0.7;

  pdw_chart_set_color (chart, color);
  if (as_line)
    {
      cairo_set_line_width (chart->cr, 2.0);
      cairo_move_to (chart->cr, x, y);
      cairo_line_to (chart->cr, x + box * 1.4, y);
      cairo_stroke (chart->cr);
      box *= 1.4;
    }
  else
    {
      cairo_rectangle (chart->cr, x, y - box / 2, box, box);
      cairo_fill (chart->cr);
    }
  x += box + chart->pad / 2;
  x += pdw_chart_draw_label (chart, chart->small, &chart->style->foreground, label, x, y, 0, 0);
  return x + chart->pad * 1.5;
}

/* Horizontal grid lines and their values on the left of [left, right]
 * between @bottom (0) and @top (@max). */
void
pdw_chart_draw_value_grid (Chart  *chart,
                 double  left,
                 double  right,
                 double  top,
                 double  bottom,
                 double  max,
                 double  step)
{
  cairo_set_line_width (chart->cr, 1.0);
  for (double value = 0; value <= max + step / 2; value += step)
    {
      double y = round (bottom - (bottom - top) * value / max) + 0.5;
      g_autofree char *label = pdw_chart_format_count (value);

      pdw_chart_set_color (chart, &chart->style->grid);
      cairo_move_to (chart->cr, left, y);
      cairo_line_to (chart->cr, right, y);
      cairo_stroke (chart->cr);
      pdw_chart_draw_label (chart, chart->small, &chart->style->muted, label, left - chart->pad / 2, y, 1.0, 0);
    }
}

/* ---- Public drawing ----------------------------------------------------------------- */

static PangoFontDescription *
font_new (const PdwChartStyle *style,
          double               scale,
          PangoWeight          weight)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, style->font_family != NULL ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (font, style->font_size * scale * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  return font;
}

void
pdw_report_chart_draw (PdwReport            *report,
                       PdwReportChart        chart_kind,
                       cairo_t              *cr,
                       double                width,
                       double                height,
                       const PdwChartStyle  *style)
{
  Chart chart = { 0 };

  g_return_if_fail (PDW_IS_REPORT (report));
  g_return_if_fail (chart_kind < PDW_REPORT_N_CHARTS);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  if (!(width > 1 && height > 1) || !isfinite (width) || !isfinite (height))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  chart.cr = cr;
  chart.pango = pdw_pdf_create_pango_context (cr);
  chart.style = style;
  chart.report = report;
  chart.width = width;
  chart.height = height;
  chart.font = font_new (style, 1.0, PANGO_WEIGHT_NORMAL);
  chart.small = font_new (style, 0.88, PANGO_WEIGHT_NORMAL);
  chart.bold = font_new (style, 1.0, PANGO_WEIGHT_BOLD);
  chart.big = font_new (style, 1.9, PANGO_WEIGHT_BOLD);
  chart.line = style->font_size * 1.3;
  chart.pad = style->font_size * 0.6;

  if (!pdw_report_chart_has_data (report, chart_kind))
    pdw_chart_draw_no_data (&chart);
  else
    switch (chart_kind)
      {
      case PDW_REPORT_CHART_DAILY_VOLUME:
        pdw_chart_daily_volume (&chart);
        break;
      case PDW_REPORT_CHART_TYPES:
        pdw_chart_breakdown (&chart, PDW_REPORT_BY_TYPE);
        break;
      case PDW_REPORT_CHART_INSTITUTIONS:
        pdw_chart_breakdown (&chart, PDW_REPORT_BY_INSTITUTION);
        break;
      case PDW_REPORT_CHART_PROMISE:
        pdw_chart_promise (&chart);
        break;
      case PDW_REPORT_CHART_SOP_STEPS:
        pdw_chart_sop_steps (&chart);
        break;
      case PDW_REPORT_CHART_SATISFACTION:
        pdw_chart_satisfaction (&chart);
        break;
      case PDW_REPORT_CHART_HOURS:
        pdw_chart_hours (&chart);
        break;
      case PDW_REPORT_N_CHARTS:
      default:
        g_assert_not_reached ();
      }

  pango_font_description_free (chart.font);
  pango_font_description_free (chart.small);
  pango_font_description_free (chart.bold);
  pango_font_description_free (chart.big);
  g_object_unref (chart.pango);
  cairo_restore (cr);
}
