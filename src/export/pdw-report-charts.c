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
#include "pdw-report-charts.h"

/* At most this many bars in a breakdown chart; the rest is one "other" bar. */
#define MAX_BREAKDOWN_BARS 8

/* The SOP chart's time axis is logarithmic from this many seconds. */
#define SOP_AXIS_MIN 10.0

#define MINUTE 60
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

typedef struct
{
  const char *msgid;   /* English, translated on screen */
  const char *id;      /* Indonesian, on paper */
} Text;

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

static const Text text_no_data      = { N_("No data"),       "Tidak ada data" };
static const Text text_received     = { N_("Received"),      "Diterima" };
static const Text text_resolved     = { N_("Resolved"),      "Selesai" };
static const Text text_other        = { N_("Other"),         "Lainnya" };
static const Text text_not_recorded = { N_("Not recorded"),  "Tidak tercatat" };
static const Text text_kept         = { N_("Kept"),          "Tepat waktu" };
static const Text text_not_kept     = { N_("Not kept"),      "Melewati batas" };
static const Text text_files        = { N_("Files measured"), "Berkas diukur" };
static const Text text_median       = { N_("Median"),        "Median" };
static const Text text_p90          = { N_("P90"),           "P90" };
static const Text text_standard     = { N_("Standard"),      "Standar" };
static const Text text_index        = { N_("Satisfaction index"), "Indeks kepuasan" };
static const Text text_grade        = { N_("Grade"),         "Mutu" };
static const Text text_answers      = { N_("answers"),       "jawaban" };
static const Text text_messages_max = { N_("most in one hour"), "terbanyak dalam satu jam" };

/* Ratings 1-4 as the survey's question names them. */
static const Text rating_labels[4] = {
  { N_("Poor"),      "Tidak baik" },
  { N_("Fair"),      "Kurang baik" },
  { N_("Good"),      "Baik" },
  { N_("Very good"), "Sangat baik" },
};

static const Text weekday_labels[7] = {
  { N_("Mon"), "Sen" }, { N_("Tue"), "Sel" }, { N_("Wed"), "Rab" }, { N_("Thu"), "Kam" },
  { N_("Fri"), "Jum" }, { N_("Sat"), "Sab" }, { N_("Sun"), "Min" },
};

/* The SOP axis ticks, short: "1 mnt" / "1 min". */
static const struct {
  gint64 seconds;
  Text   label;
} time_ticks[] = {
  { MINUTE,      { N_("1 min"),   "1 mnt" } },
  { 10 * MINUTE, { N_("10 min"),  "10 mnt" } },
  { HOUR,        { N_("1 h"),     "1 jam" } },
  { 8 * HOUR,    { N_("8 h"),     "8 jam" } },
  { DAY,         { N_("1 day"),   "1 hari" } },
  { 2 * DAY,     { N_("2 days"),  "2 hari" } },
  { 7 * DAY,     { N_("7 days"),  "7 hari" } },
  { 30 * DAY,    { N_("30 days"), "30 hari" } },
};

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

static const char *
text_get (const Text          *text,
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
  return text_get (&chart_titles[chart], style);
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

static guint
hours_max (PdwReport *report)
{
  guint max = 0;

  for (guint day = 0; day < 7; day++)
    for (guint hour = 0; hour < 24; hour++)
      max = MAX (max, pdw_report_get_hour_count (report, day, hour));
  return max;
}

static guint
satisfaction_answers (const PdwReportSatisfaction *satisfaction)
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
      return satisfaction_answers (pdw_report_get_satisfaction (report)) > 0;
    case PDW_REPORT_CHART_HOURS:
      return hours_max (report) > 0;
    case PDW_REPORT_N_CHARTS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* ---- Drawing helpers ------------------------------------------------------- */

static void
set_color (Chart               *chart,
           const PdwChartColor *color)
{
  cairo_set_source_rgba (chart->cr, color->r, color->g, color->b, color->a);
}

static void
set_color_alpha (Chart               *chart,
                 const PdwChartColor *color,
                 double               alpha)
{
  cairo_set_source_rgba (chart->cr, color->r, color->g, color->b, color->a * alpha);
}

static PangoLayout *
chart_layout (Chart                      *chart,
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

static double
text_width (Chart                      *chart,
            const PangoFontDescription *font,
            const char                 *text)
{
  g_autoptr(PangoLayout) layout = chart_layout (chart, font, text, 0);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

/* Draws @text with its left edge (xalign 0), centre (0.5) or right edge
 * (1) at @x and its vertical middle at @y, ellipsized to @max_width (0: no
 * limit).  Returns the width drawn. */
static double
draw_label (Chart                      *chart,
            const PangoFontDescription *font,
            const PdwChartColor        *color,
            const char                 *text,
            double                      x,
            double                      y,
            double                      xalign,
            double                      max_width)
{
  g_autoptr(PangoLayout) layout = chart_layout (chart, font, text, max_width);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  set_color (chart, color);
  cairo_move_to (chart->cr, x - xalign * logical.width, y - logical.height / 2.0);
  pango_cairo_show_layout (chart->cr, layout);
  return logical.width;
}

static char *
format_count (double value)
{
  return pdw_report_format_number (value, 0);
}

/* The smallest 1, 2 or 5 x 10^k at or above @value (at least 1), and the
 * step between 4-5 grid lines up to it. */
static double
nice_max (double  value,
          double *step)
{
  double magnitude, scaled, top;

  if (!(value > 1))
    value = 1;
  magnitude = pow (10, floor (log10 (value)));
  scaled = value / magnitude;
  if (scaled <= 1)
    top = 1;
  else if (scaled <= 2)
    top = 2;
  else if (scaled <= 5)
    top = 5;
  else
    top = 10;

  top *= magnitude;
  *step = top >= 5 && fmod (top / 5, 1) == 0 ? top / 5 : top / 4;
  if (*step < 1)
    *step = 1;
  return top;
}

static void
draw_no_data (Chart *chart)
{
  const double inset = chart->pad;
  double w = chart->width - 2 * inset, h = chart->height - 2 * inset;
  const double dashes[] = { 4.0, 3.0 };

  if (w <= 0 || h <= 0)
    return;

  cairo_save (chart->cr);
  set_color (chart, &chart->style->grid);
  cairo_set_line_width (chart->cr, 1.0);
  cairo_set_dash (chart->cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_rectangle (chart->cr, inset, inset, w, h);
  cairo_stroke (chart->cr);
  cairo_restore (chart->cr);

  draw_label (chart, chart->font, &chart->style->muted, text_get (&text_no_data, chart->style),
              chart->width / 2, chart->height / 2, 0.5, w);
}

/* A small coloured square and a label; returns the x after it. */
static double
draw_legend_item (Chart               *chart,
                  const PdwChartColor *color,
                  gboolean             as_line,
                  const char          *label,
                  double               x,
                  double               y)
{
  double box = chart->line * 0.7;

  set_color (chart, color);
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
  x += draw_label (chart, chart->small, &chart->style->foreground, label, x, y, 0, 0);
  return x + chart->pad * 1.5;
}

/* Horizontal grid lines and their values on the left of [left, right]
 * between @bottom (0) and @top (@max). */
static void
draw_value_grid (Chart  *chart,
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
      g_autofree char *label = format_count (value);

      set_color (chart, &chart->style->grid);
      cairo_move_to (chart->cr, left, y);
      cairo_line_to (chart->cr, right, y);
      cairo_stroke (chart->cr);
      draw_label (chart, chart->small, &chart->style->muted, label, left - chart->pad / 2, y, 1.0, 0);
    }
}

/* ---- Daily volume ------------------------------------------------------------ */

static void
draw_daily_volume (Chart *chart)
{
  GArray *days = pdw_report_get_days (chart->report);
  const PdwChartStyle *style = chart->style;
  guint max_count = 0;
  double max, step, left, right, top, bottom, slot, label_every;
  g_autofree char *max_label = NULL;
  gboolean one_month;

  for (guint i = 0; i < days->len; i++)
    {
      const PdwReportDay *day = &g_array_index (days, PdwReportDay, i);

      max_count = MAX (max_count, MAX (day->received, day->resolved));
    }

  max = nice_max (max_count, &step);
  max_label = format_count (max);

  top = chart->line * 1.6;
  left = text_width (chart, chart->small, max_label) + chart->pad;
  right = chart->width - chart->pad / 2;
  bottom = chart->height - chart->line * 1.3;
  if (right - left < 20 || bottom - top < 20)
    return;

  /* Legend. */
  {
    double x = left;

    x = draw_legend_item (chart, &style->accent, FALSE, text_get (&text_received, style), x, chart->line * 0.6);
    draw_legend_item (chart, &style->good, TRUE, text_get (&text_resolved, style), x, chart->line * 0.6);
  }

  slot = (right - left) / days->len;
  one_month = days->len <= 31;

  /* Weekends shaded, behind everything. */
  for (guint i = 0; i < days->len; i++)
    {
      const PdwReportDay *day = &g_array_index (days, PdwReportDay, i);
      g_autoptr(GDate) date = g_date_new_dmy (day->day, day->month, day->year);
      GDateWeekday weekday = g_date_get_weekday (date);

      if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
        {
          set_color_alpha (chart, &style->grid, 0.6);
          cairo_rectangle (chart->cr, left + i * slot, top, slot, bottom - top);
          cairo_fill (chart->cr);
        }
    }

  draw_value_grid (chart, left, right, top, bottom, max, step);

  /* Received: bars. */
  set_color (chart, &style->accent);
  for (guint i = 0; i < days->len; i++)
    {
      const PdwReportDay *day = &g_array_index (days, PdwReportDay, i);
      double h = (bottom - top) * day->received / max;
      double gap = slot > 4 ? slot * 0.2 : 0;

      if (day->received > 0)
        cairo_rectangle (chart->cr, left + i * slot + gap / 2, bottom - h, slot - gap, h);
    }
  cairo_fill (chart->cr);

  /* Resolved: a line with dots. */
  set_color (chart, &style->good);
  cairo_set_line_width (chart->cr, slot > 6 ? 2.0 : 1.2);
  cairo_set_line_join (chart->cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < days->len; i++)
    {
      const PdwReportDay *day = &g_array_index (days, PdwReportDay, i);
      double x = left + (i + 0.5) * slot, y = bottom - (bottom - top) * day->resolved / max;

      if (i == 0)
        cairo_move_to (chart->cr, x, y);
      else
        cairo_line_to (chart->cr, x, y);
    }
  cairo_stroke (chart->cr);
  if (slot > 8)
    for (guint i = 0; i < days->len; i++)
      {
        const PdwReportDay *day = &g_array_index (days, PdwReportDay, i);

        cairo_arc (chart->cr, left + (i + 0.5) * slot, bottom - (bottom - top) * day->resolved / max,
                   MIN (2.5, slot / 5), 0, 2 * G_PI);
        cairo_fill (chart->cr);
      }

  /* Axis and day labels: every day when they fit, else every n-th; over
   * several months the first of each month. */
  set_color (chart, &style->foreground);
  cairo_set_line_width (chart->cr, 1.0);
  cairo_move_to (chart->cr, left, round (bottom) + 0.5);
  cairo_line_to (chart->cr, right, round (bottom) + 0.5);
  cairo_stroke (chart->cr);

  label_every = ceil ((text_width (chart, chart->small, "30") + chart->pad / 2) / slot);
  for (guint i = 0; i < days->len; i++)
    {
      const PdwReportDay *day = &g_array_index (days, PdwReportDay, i);
      g_autofree char *label = NULL;

      if (one_month)
        {
          if ((day->day - 1) % (int) label_every != 0)
            continue;
          label = g_strdup_printf ("%d", day->day);
        }
      else
        {
          if (day->day != 1)
            continue;
          label = g_strdup_printf ("%d/%02d", day->month, day->year % 100);
          if (text_width (chart, chart->small, label) > slot * 28)
            continue;
        }
      draw_label (chart, chart->small, &style->muted, label, left + (i + 0.5) * slot,
                  bottom + chart->line * 0.7, one_month ? 0.5 : 0.0, 0);
    }
}

/* ---- Breakdown bars ------------------------------------------------------------ */

typedef struct
{
  const char *label;
  guint       count;
  double      share;
  gboolean    is_other;
} Bar;

static void
draw_breakdown (Chart              *chart,
                PdwReportBreakdown  breakdown)
{
  GArray *rows = pdw_report_get_breakdown (chart->report, breakdown);
  const PdwChartStyle *style = chart->style;
  Bar bars[MAX_BREAKDOWN_BARS];
  guint n_bars = 0, other = 0, max_count = 0;
  double other_share = 0, row_height, label_width, value_width = 0, left, right, bar_height;

  for (guint i = 0; i < rows->len; i++)
    {
      const PdwReportRow *row = &g_array_index (rows, PdwReportRow, i);

      if (row->received == 0)
        continue;
      if (n_bars < MAX_BREAKDOWN_BARS - 1 || (n_bars == MAX_BREAKDOWN_BARS - 1 && i == rows->len - 1))
        {
          /* The "not recorded" row's label follows the process locale:
           * the style's language instead. */
          const char *label = row->key != NULL && *row->key != '\0' && row->label != NULL
                              ? row->label : text_get (&text_not_recorded, style);

          bars[n_bars++] = (Bar) { label, row->received, row->share, FALSE };
        }
      else
        {
          other += row->received;
          other_share += row->share;
        }
    }
  if (other > 0)
    bars[n_bars++] = (Bar) { text_get (&text_other, style), other, other_share, TRUE };

  for (guint i = 0; i < n_bars; i++)
    {
      g_autofree char *count = format_count (bars[i].count);
      g_autofree char *share = pdw_report_format_number (bars[i].share, 1);
      g_autofree char *value = g_strdup_printf ("%s (%s%%)", count, share);

      max_count = MAX (max_count, bars[i].count);
      value_width = MAX (value_width, text_width (chart, chart->small, value));
    }

  row_height = MIN (chart->height / MAX_BREAKDOWN_BARS, chart->height / MAX (n_bars, 1));
  row_height = MIN (row_height, chart->line * 2.2);
  label_width = chart->width * 0.36;
  left = label_width + chart->pad;
  right = chart->width - value_width - chart->pad;
  bar_height = MIN (row_height * 0.62, chart->line * 1.2);
  if (right - left < 10)
    return;

  for (guint i = 0; i < n_bars; i++)
    {
      double y = i * row_height + row_height / 2;
      double w = MAX ((right - left) * bars[i].count / MAX (max_count, 1), 1.0);
      g_autofree char *count = format_count (bars[i].count);
      g_autofree char *share = pdw_report_format_number (bars[i].share, 1);
      g_autofree char *value = g_strdup_printf ("%s (%s%%)", count, share);

      draw_label (chart, chart->font, &style->foreground, bars[i].label, label_width, y, 1.0, label_width);
      set_color (chart, bars[i].is_other ? &style->muted : &style->accent);
      cairo_rectangle (chart->cr, left, y - bar_height / 2, w, bar_height);
      cairo_fill (chart->cr);
      draw_label (chart, chart->small, &style->foreground, value, left + w + chart->pad / 2, y, 0, 0);
    }
}

/* ---- Promise ------------------------------------------------------------------- */

static void
draw_promise (Chart *chart)
{
  const PdwChartStyle *style = chart->style;
  const PdwReportFigureValue *files = pdw_report_get_figure (chart->report, PDW_REPORT_FIGURE_PROMISE_FILES);
  const PdwReportFigureValue *kept = pdw_report_get_figure (chart->report, PDW_REPORT_FIGURE_PROMISE_KEPT);
  double total = files->value, n_kept = kept->has_value ? kept->value : 0;
  double share = total > 0 ? CLAMP (n_kept / total, 0, 1) : 0;
  double radius = MIN (chart->height, chart->width * 0.45) / 2 - chart->pad / 2;
  double cx = chart->pad / 2 + radius, cy = chart->height / 2, ring = radius * 0.32, x, y;
  g_autofree char *percent = pdw_report_format_number (share * 100, 1);
  g_autofree char *big = g_strdup_printf ("%s%%", percent);
  g_autofree char *kept_text = format_count (n_kept);
  g_autofree char *late_text = format_count (total - n_kept);
  g_autofree char *files_text = format_count (total);
  const char *policy = style->indonesian ? pdw_report_get_policy_text (chart->report)
                                         : pdw_report_get_policy_label (chart->report);
  const struct {
    const PdwChartColor *color;
    const Text          *label;
    const char          *value;
  } legend[] = {
    { &style->good, &text_kept,     kept_text },
    { &style->bad,  &text_not_kept, late_text },
    { NULL,         &text_files,    files_text },
  };

  if (radius < 8)
    return;

  /* Ring: kept from 12 o'clock clockwise, the rest after it. */
  cairo_set_line_width (chart->cr, ring);
  cairo_set_line_cap (chart->cr, CAIRO_LINE_CAP_BUTT);
  set_color (chart, &style->bad);
  cairo_arc (chart->cr, cx, cy, radius - ring / 2, 0, 2 * G_PI);
  cairo_stroke (chart->cr);
  if (share > 0)
    {
      set_color (chart, &style->good);
      cairo_arc (chart->cr, cx, cy, radius - ring / 2, -G_PI / 2, -G_PI / 2 + 2 * G_PI * share);
      cairo_stroke (chart->cr);
    }
  draw_label (chart, chart->big, &style->foreground, big, cx, cy, 0.5, 2 * (radius - ring));

  /* Legend with the counts, then the policy the promise was measured under. */
  x = cx + radius + chart->pad * 2;
  y = cy - chart->line * 2.2;
  for (guint i = 0; i < G_N_ELEMENTS (legend); i++, y += chart->line * 1.4)
    {
      g_autofree char *line = g_strdup_printf ("%s: %s", text_get (legend[i].label, style), legend[i].value);
      double tx = x;

      if (legend[i].color != NULL)
        {
          set_color (chart, legend[i].color);
          cairo_rectangle (chart->cr, x, y - chart->line * 0.35, chart->line * 0.7, chart->line * 0.7);
          cairo_fill (chart->cr);
        }
      tx += chart->line * 0.7 + chart->pad / 2;
      draw_label (chart, legend[i].color != NULL ? chart->font : chart->bold, &style->foreground,
                  line, tx, y, 0, chart->width - tx);
    }

  if (policy != NULL && *policy != '\0' && chart->width - x > 40)
    {
      g_autoptr(PangoLayout) layout = chart_layout (chart, chart->small, policy, chart->width - x);

      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -3);
      set_color (chart, &style->muted);
      cairo_move_to (chart->cr, x, y - chart->line * 0.3);
      pango_cairo_show_layout (chart->cr, layout);
    }
}

/* ---- SOP steps -------------------------------------------------------------------- */

static double
log_position (double seconds,
              double axis_max,
              double left,
              double right)
{
  double value = CLAMP (seconds, SOP_AXIS_MIN, axis_max);

  return left + (right - left) * log (value / SOP_AXIS_MIN) / log (axis_max / SOP_AXIS_MIN);
}

static void
draw_sop_steps (Chart *chart)
{
  const PdwChartStyle *style = chart->style;
  double axis_max = 2 * DAY, label_width, left, right, top, bottom, row_height, bar_height;

  for (guint step = 1; step <= PDW_REPORT_N_SOP_STEPS; step++)
    {
      const PdwReportSopStep *sop = pdw_report_get_sop_step (chart->report, step);

      axis_max = MAX (axis_max, sop->standard);
      if (sop->stats.count > 0)
        axis_max = MAX (axis_max, sop->stats.p90);
    }
  axis_max *= 1.5;

  top = chart->line * 1.6;
  bottom = chart->height - chart->line * 1.3;
  label_width = chart->width * 0.34;
  left = label_width + chart->pad;
  right = chart->width - chart->pad;
  row_height = (bottom - top) / PDW_REPORT_N_SOP_STEPS;
  bar_height = MIN (row_height * 0.3, chart->line * 0.8);
  if (right - left < 20 || row_height < 4)
    return;

  /* Legend. */
  {
    double x = left;

    x = draw_legend_item (chart, &style->good, FALSE, text_get (&text_median, style), x, chart->line * 0.6);
    x = draw_legend_item (chart, &style->foreground, TRUE, text_get (&text_p90, style), x, chart->line * 0.6);
    draw_legend_item (chart, &style->warning, TRUE, text_get (&text_standard, style), x, chart->line * 0.6);
  }

  /* Time axis: the ticks that fit without touching. */
  {
    double last_end = -G_MAXDOUBLE;

    cairo_set_line_width (chart->cr, 1.0);
    for (guint i = 0; i < G_N_ELEMENTS (time_ticks); i++)
      {
        double x = round (log_position (time_ticks[i].seconds, axis_max, left, right)) + 0.5;
        const char *label = text_get (&time_ticks[i].label, style);
        double w = text_width (chart, chart->small, label);

        if (time_ticks[i].seconds > axis_max || x - w / 2 < last_end + chart->pad / 2)
          continue;
        set_color (chart, &style->grid);
        cairo_move_to (chart->cr, x, top);
        cairo_line_to (chart->cr, x, bottom);
        cairo_stroke (chart->cr);
        draw_label (chart, chart->small, &style->muted, label, x, bottom + chart->line * 0.7, 0.5, 0);
        last_end = x + w / 2;
      }
  }

  for (guint step = 1; step <= PDW_REPORT_N_SOP_STEPS; step++)
    {
      const PdwReportSopStep *sop = pdw_report_get_sop_step (chart->report, step);
      const char *name = style->indonesian ? pdw_report_sop_step_get_label_id (step)
                                           : pdw_report_sop_step_get_label (step);
      g_autofree char *label = g_strdup_printf ("%u. %s", step, name);
      double y = top + (step - 0.5) * row_height;
      double standard_x = log_position (sop->standard, axis_max, left, right);
      g_autofree char *detail = NULL;

      draw_label (chart, chart->font, &style->foreground, label, 0, y - chart->line * 0.4, 0, label_width);
      if (sop->stats.count > 0)
        {
          g_autofree char *median = pdw_report_format_duration (sop->stats.median);
          double median_x = log_position (sop->stats.median, axis_max, left, right);
          double p90_x = log_position (sop->stats.p90, axis_max, left, right);

          detail = g_strdup_printf ("%s %s", text_get (&text_median, style), median);
          set_color (chart, sop->stats.median > sop->standard ? &style->bad : &style->good);
          cairo_rectangle (chart->cr, left, y - bar_height / 2, MAX (median_x - left, 1.5), bar_height);
          cairo_fill (chart->cr);

          /* Whisker from the median to the P90. */
          set_color (chart, &style->foreground);
          cairo_set_line_width (chart->cr, 1.2);
          cairo_move_to (chart->cr, median_x, y);
          cairo_line_to (chart->cr, p90_x, y);
          cairo_move_to (chart->cr, p90_x, y - bar_height * 0.6);
          cairo_line_to (chart->cr, p90_x, y + bar_height * 0.6);
          cairo_stroke (chart->cr);
        }
      else
        {
          detail = g_strdup (text_get (&text_no_data, style));
        }
      draw_label (chart, chart->small, &style->muted, detail, 0, y + chart->line * 0.5, 0, label_width);

      /* The standard: a marker across the row. */
      set_color (chart, &style->warning);
      cairo_set_line_width (chart->cr, 2.0);
      cairo_move_to (chart->cr, standard_x, y - row_height * 0.4);
      cairo_line_to (chart->cr, standard_x, y + row_height * 0.4);
      cairo_stroke (chart->cr);
    }
}

/* ---- Satisfaction ------------------------------------------------------------------- */

static void
draw_satisfaction (Chart *chart)
{
  const PdwChartStyle *style = chart->style;
  const PdwReportSatisfaction *survey = pdw_report_get_satisfaction (chart->report);
  const PdwChartColor *colors[4] = { &style->bad, &style->warning, &style->accent, &style->good };
  guint max_count = 0, answers = satisfaction_answers (survey);
  double panel = chart->width * 0.34, left, right, top, bottom, slot, max, step, x, y;
  g_autofree char *max_label = NULL;

  for (guint i = 0; i < 4; i++)
    max_count = MAX (max_count, survey->distribution[i]);
  max = nice_max (max_count, &step);
  max_label = format_count (max);

  left = text_width (chart, chart->small, max_label) + chart->pad;
  right = chart->width - panel - chart->pad;
  top = chart->line;
  bottom = chart->height - chart->line * 2.4;
  if (right - left < 20 || bottom - top < 10)
    return;

  draw_value_grid (chart, left, right, top, bottom, max, step);
  slot = (right - left) / 4;
  for (guint i = 0; i < 4; i++)
    {
      double h = (bottom - top) * survey->distribution[i] / max;
      double bx = left + i * slot + slot * 0.2;
      g_autofree char *count = format_count (survey->distribution[i]);
      g_autofree char *rating = g_strdup_printf ("%u", i + 1);

      set_color (chart, colors[i]);
      cairo_rectangle (chart->cr, bx, bottom - h, slot * 0.6, h);
      cairo_fill (chart->cr);
      draw_label (chart, chart->small, &style->foreground, count, bx + slot * 0.3,
                  MAX (bottom - h - chart->line * 0.5, top * 0.5), 0.5, 0);
      draw_label (chart, chart->bold, &style->foreground, rating, bx + slot * 0.3, bottom + chart->line * 0.6, 0.5, 0);
      draw_label (chart, chart->small, &style->muted, text_get (&rating_labels[i], style),
                  bx + slot * 0.3, bottom + chart->line * 1.6, 0.5, slot);
    }

  /* Panel: the index, its grade and how many answered. */
  x = right + chart->pad * 2;
  y = chart->height / 2 - chart->line * 1.8;
  draw_label (chart, chart->small, &style->muted, text_get (&text_index, style), x, y, 0, panel - chart->pad);
  y += chart->line * 1.6;
  if (survey->has_index)
    {
      g_autofree char *index = pdw_report_format_number (survey->index, 2);
      const char *grade_label = style->indonesian ? pdw_report_grade_get_label_id (survey->grade)
                                                  : pdw_report_grade_get_label (survey->grade);

      draw_label (chart, chart->big, &style->foreground, index, x, y, 0, panel - chart->pad);
      y += chart->line * 1.6;
      if (grade_label != NULL)
        {
          g_autofree char *grade = g_strdup_printf ("%s %c (%s)", text_get (&text_grade, style),
                                                    survey->grade, grade_label);

          draw_label (chart, chart->bold, &style->foreground, grade, x, y, 0, panel - chart->pad);
        }
    }
  else
    {
      draw_label (chart, chart->big, &style->muted, "–", x, y, 0, 0);
      y += chart->line * 1.6;
    }
  y += chart->line * 1.3;
  {
    g_autofree char *count = format_count (answers);
    g_autofree char *rate = pdw_report_format_number (survey->response_rate, 1);
    g_autofree char *line = g_strdup_printf ("%s %s (%s%%)", count, text_get (&text_answers, style), rate);

    draw_label (chart, chart->small, &style->muted, line, x, y, 0, panel - chart->pad);
  }
}

/* ---- Hours ------------------------------------------------------------------------ */

static void
draw_hours (Chart *chart)
{
  const PdwChartStyle *style = chart->style;
  guint max = hours_max (chart->report);
  double label_width = 0, left, right, top, bottom, cell_w, cell_h;
  g_autofree char *max_text = format_count (max);
  g_autofree char *legend = g_strdup_printf ("%s: %s", text_get (&text_messages_max, style), max_text);

  for (guint day = 0; day < 7; day++)
    label_width = MAX (label_width, text_width (chart, chart->small, text_get (&weekday_labels[day], style)));

  top = chart->line * 1.6;
  left = label_width + chart->pad;
  right = chart->width - chart->pad / 2;
  bottom = chart->height - chart->line * 1.3;
  cell_w = (right - left) / 24;
  cell_h = (bottom - top) / 7;
  if (cell_w < 2 || cell_h < 2)
    return;

  /* Legend: light to dark, and the largest count. */
  for (guint i = 0; i < 5; i++)
    {
      set_color_alpha (chart, &style->accent, 0.12 + 0.22 * i);
      cairo_rectangle (chart->cr, left + i * chart->line * 0.8, chart->line * 0.3, chart->line * 0.8, chart->line * 0.6);
      cairo_fill (chart->cr);
    }
  draw_label (chart, chart->small, &style->foreground, legend, left + 4.5 * chart->line, chart->line * 0.6, 0,
              right - left - 4.5 * chart->line);

  for (guint day = 0; day < 7; day++)
    {
      double y = top + day * cell_h;

      draw_label (chart, chart->small, &style->foreground, text_get (&weekday_labels[day], style),
                  left - chart->pad / 2, y + cell_h / 2, 1.0, 0);
      for (guint hour = 0; hour < 24; hour++)
        {
          guint count = pdw_report_get_hour_count (chart->report, day, hour);
          double x = left + hour * cell_w;

          if (count == 0)
            set_color_alpha (chart, &style->grid, 0.5);
          else
            set_color_alpha (chart, &style->accent, 0.12 + 0.88 * count / (double) max);
          cairo_rectangle (chart->cr, x + 0.5, y + 0.5, cell_w - 1, cell_h - 1);
          cairo_fill (chart->cr);
        }
    }

  for (guint hour = 0; hour < 24; hour += cell_w > chart->line * 1.2 ? 2 : 3)
    {
      g_autofree char *label = g_strdup_printf ("%02u", hour);

      draw_label (chart, chart->small, &style->muted, label, left + (hour + 0.5) * cell_w,
                  bottom + chart->line * 0.7, 0.5, 0);
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
    draw_no_data (&chart);
  else
    switch (chart_kind)
      {
      case PDW_REPORT_CHART_DAILY_VOLUME:
        draw_daily_volume (&chart);
        break;
      case PDW_REPORT_CHART_TYPES:
        draw_breakdown (&chart, PDW_REPORT_BY_TYPE);
        break;
      case PDW_REPORT_CHART_INSTITUTIONS:
        draw_breakdown (&chart, PDW_REPORT_BY_INSTITUTION);
        break;
      case PDW_REPORT_CHART_PROMISE:
        draw_promise (&chart);
        break;
      case PDW_REPORT_CHART_SOP_STEPS:
        draw_sop_steps (&chart);
        break;
      case PDW_REPORT_CHART_SATISFACTION:
        draw_satisfaction (&chart);
        break;
      case PDW_REPORT_CHART_HOURS:
        draw_hours (&chart);
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
