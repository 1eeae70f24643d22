/* pdw-report-chart-kinds.c: the drawing of each chart of the report (the
 * shared parts and the public entry point are in pdw-report-charts.c).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/pdw-time-zone.h"
#include "pdw-report-charts-private.h"

/* At most this many bars in a breakdown chart; the rest is one "other" bar. */
#define MAX_BREAKDOWN_BARS 8

/* The SOP chart's time axis is logarithmic from this many seconds. */
#define SOP_AXIS_MIN 10.0

#define MINUTE 60
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

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
static const Text text_over_standard = { N_("Median over the standard"), "Median melewati standar" };
static const Text text_index        = { N_("Satisfaction index"), "Indeks kepuasan" };
static const Text text_grade        = { N_("Grade"),         "Mutu" };
static const Text text_answers      = { N_("answers"),       "jawaban" };
static const Text text_messages_max = { N_("most in one hour"), "terbanyak dalam satu jam" };

/* Ratings 1-4 as the survey's question names them. */
static const Text rating_labels[4] = {
  { N_("Very poor"), "Tidak baik" },
  { N_("Poor"),      "Kurang baik" },
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

/* ---- Daily volume ------------------------------------------------------------ */

/* The days of the period up to the WIB day the report was computed: a
 * month in progress has no figures yet for the days still to come, which
 * must not read as days without complaints. */
static guint
count_days_so_far (PdwReport *report,
                   GArray    *days)
{
  g_autoptr(GTimeZone) wib = pdw_time_zone_new_wib ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (pdw_report_get_generated_at (report));
  g_autoptr(GDateTime) now = g_date_time_to_timezone (utc, wib);
  int year, month, day_of_month;
  guint i;

  g_date_time_get_ymd (now, &year, &month, &day_of_month);
  for (i = 0; i < days->len; i++)
    {
      const PdwReportDay *day = &g_array_index (days, PdwReportDay, i);

      if (day->year * 10000 + day->month * 100 + day->day > year * 10000 + month * 100 + day_of_month)
        break;
    }

  return i;
}

void
pdw_chart_daily_volume (Chart *chart)
{
  GArray *days = pdw_report_get_days (chart->report);
  const PdwChartStyle *style = chart->style;
  guint max_count = 0;
  double max, step, left, right, top, bottom, slot, label_every;
  g_autofree char *max_label = NULL;
  gboolean one_month;
  guint so_far = count_days_so_far (chart->report, days);

  for (guint i = 0; i < days->len; i++)
    {
      const PdwReportDay *day = &g_array_index (days, PdwReportDay, i);

      max_count = MAX (max_count, MAX (day->received, day->resolved));
    }

  max = pdw_chart_nice_max (max_count, &step);
  max_label = pdw_chart_format_count (max);

  top = chart->line * 1.6;
  left = pdw_chart_text_width (chart, chart->small, max_label) + chart->pad;
  right = chart->width - chart->pad / 2;
  bottom = chart->height - chart->line * 1.3;
  if (right - left < 20 || bottom - top < 20)
    return;

  /* Legend. */
  {
    double x = left;

    x = pdw_chart_draw_legend_item (chart, &style->accent, FALSE, pdw_chart_text_get (&text_received, style), x, chart->line * 0.6);
    pdw_chart_draw_legend_item (chart, &style->good, TRUE, pdw_chart_text_get (&text_resolved, style), x, chart->line * 0.6);
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
          pdw_chart_set_color_alpha (chart, &style->grid, 0.6);
          cairo_rectangle (chart->cr, left + i * slot, top, slot, bottom - top);
          cairo_fill (chart->cr);
        }
    }

  pdw_chart_draw_value_grid (chart, left, right, top, bottom, max, step);

  /* Received: bars. */
  pdw_chart_set_color (chart, &style->accent);
  for (guint i = 0; i < so_far; i++)
    {
      const PdwReportDay *day = &g_array_index (days, PdwReportDay, i);
      double h = (bottom - top) * day->received / max;
      double gap = slot > 4 ? slot * 0.2 : 0;

      if (day->received > 0)
        cairo_rectangle (chart->cr, left + i * slot + gap / 2, bottom - h, slot - gap, h);
    }
  cairo_fill (chart->cr);

  /* Resolved: a line with dots. */
  pdw_chart_set_color (chart, &style->good);
  cairo_set_line_width (chart->cr, slot > 6 ? 2.0 : 1.2);
  cairo_set_line_join (chart->cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < so_far; i++)
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
    for (guint i = 0; i < so_far; i++)
      {
        const PdwReportDay *day = &g_array_index (days, PdwReportDay, i);

        cairo_arc (chart->cr, left + (i + 0.5) * slot, bottom - (bottom - top) * day->resolved / max,
                   MIN (2.5, slot / 5), 0, 2 * G_PI);
        cairo_fill (chart->cr);
      }

  /* Axis and day labels: every day when they fit, else every n-th; over
   * several months the first of each month. */
  pdw_chart_set_color (chart, &style->foreground);
  cairo_set_line_width (chart->cr, 1.0);
  cairo_move_to (chart->cr, left, round (bottom) + 0.5);
  cairo_line_to (chart->cr, right, round (bottom) + 0.5);
  cairo_stroke (chart->cr);

  label_every = ceil ((pdw_chart_text_width (chart, chart->small, "30") + chart->pad / 2) / slot);
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
          if (pdw_chart_text_width (chart, chart->small, label) > slot * 28)
            continue;
        }
      pdw_chart_draw_label (chart, chart->small, &style->muted, label, left + (i + 0.5) * slot,
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

guint
pdw_chart_breakdown_rows (PdwReport          *report,
                          PdwReportBreakdown  breakdown)
{
  GArray *rows = pdw_report_get_breakdown (report, breakdown);
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, PdwReportRow, i).received > 0)
      n++;
  return MIN (n, MAX_BREAKDOWN_BARS);
}

void
pdw_chart_breakdown (Chart              *chart,
                PdwReportBreakdown  breakdown)
{
  GArray *rows = pdw_report_get_breakdown (chart->report, breakdown);
  const PdwChartStyle *style = chart->style;
  Bar bars[MAX_BREAKDOWN_BARS];
  guint n_bars = 0, other = 0, max_count = 0;
  double other_share = 0, row_height, label_width, value_width = 0, left, right, bar_height, top;

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
                              ? row->label : pdw_chart_text_get (&text_not_recorded, style);

          bars[n_bars++] = (Bar) { label, row->received, row->share, FALSE };
        }
      else
        {
          other += row->received;
          other_share += row->share;
        }
    }
  if (other > 0)
    bars[n_bars++] = (Bar) { pdw_chart_text_get (&text_other, style), other, other_share, TRUE };

  for (guint i = 0; i < n_bars; i++)
    {
      g_autofree char *count = pdw_chart_format_count (bars[i].count);
      g_autofree char *share = pdw_report_format_number (bars[i].share, 1);
      g_autofree char *value = g_strdup_printf ("%s (%s%%)", count, share);

      max_count = MAX (max_count, bars[i].count);
      value_width = MAX (value_width, pdw_chart_text_width (chart, chart->small, value));
    }

  row_height = chart->height / MAX (n_bars, 3);
  row_height = MIN (row_height, chart->line * 2.2);
  label_width = chart->width * 0.36;
  left = label_width + chart->pad;
  right = chart->width - value_width - chart->pad;
  bar_height = MIN (row_height * 0.62, chart->line * 1.2);
  if (right - left < 10)
    return;

  /* Fewer bars than room: the block is centred, bars keep their size. */
  top = (chart->height - n_bars * row_height) / 2;
  for (guint i = 0; i < n_bars; i++)
    {
      double y = top + i * row_height + row_height / 2;
      double w = MAX ((right - left) * bars[i].count / MAX (max_count, 1), 1.0);
      g_autofree char *count = pdw_chart_format_count (bars[i].count);
      g_autofree char *share = pdw_report_format_number (bars[i].share, 1);
      g_autofree char *value = g_strdup_printf ("%s (%s%%)", count, share);

      pdw_chart_draw_label (chart, chart->font, &style->foreground, bars[i].label, label_width, y, 1.0, label_width);
      pdw_chart_set_color (chart, bars[i].is_other ? &style->muted : &style->accent);
      cairo_rectangle (chart->cr, left, y - bar_height / 2, w, bar_height);
      cairo_fill (chart->cr);
      pdw_chart_draw_label (chart, chart->small, &style->foreground, value, left + w + chart->pad / 2, y, 0, 0);
    }
}

/* ---- Promise ------------------------------------------------------------------- */

void
pdw_chart_promise (Chart *chart)
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
  g_autofree char *kept_text = pdw_chart_format_count (n_kept);
  g_autofree char *late_text = pdw_chart_format_count (total - n_kept);
  g_autofree char *files_text = pdw_chart_format_count (total);
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
  pdw_chart_set_color (chart, &style->bad);
  cairo_arc (chart->cr, cx, cy, radius - ring / 2, 0, 2 * G_PI);
  cairo_stroke (chart->cr);
  if (share > 0)
    {
      pdw_chart_set_color (chart, &style->good);
      cairo_arc (chart->cr, cx, cy, radius - ring / 2, -G_PI / 2, -G_PI / 2 + 2 * G_PI * share);
      cairo_stroke (chart->cr);
    }
  pdw_chart_draw_label (chart, chart->big, &style->foreground, big, cx, cy, 0.5, 2 * (radius - ring));

  /* Legend with the counts, then the policy the promise was measured under. */
  x = cx + radius + chart->pad * 2;
  y = cy - chart->line * 2.2;
  for (guint i = 0; i < G_N_ELEMENTS (legend); i++, y += chart->line * 1.4)
    {
      g_autofree char *line = g_strdup_printf ("%s: %s", pdw_chart_text_get (legend[i].label, style), legend[i].value);
      double tx = x;

      if (legend[i].color != NULL)
        {
          pdw_chart_set_color (chart, legend[i].color);
          cairo_rectangle (chart->cr, x, y - chart->line * 0.35, chart->line * 0.7, chart->line * 0.7);
          cairo_fill (chart->cr);
        }
      tx += chart->line * 0.7 + chart->pad / 2;
      pdw_chart_draw_label (chart, legend[i].color != NULL ? chart->font : chart->bold, &style->foreground,
                  line, tx, y, 0, chart->width - tx);
    }

  if (policy != NULL && *policy != '\0' && chart->width - x > 40)
    {
      g_autoptr(PangoLayout) layout = pdw_chart_layout (chart, chart->small, policy, chart->width - x);

      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -3);
      pdw_chart_set_color (chart, &style->muted);
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

void
pdw_chart_sop_steps (Chart *chart)
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
  label_width = chart->width * 0.36;
  left = label_width + chart->pad;
  right = chart->width - chart->pad;
  row_height = (bottom - top) / PDW_REPORT_N_SOP_STEPS;
  bar_height = MIN (row_height * 0.3, chart->line * 0.8);
  if (right - left < 20 || row_height < 4)
    return;

  /* Legend. */
  {
    double x = left;

    x = pdw_chart_draw_legend_item (chart, &style->good, FALSE, pdw_chart_text_get (&text_median, style), x, chart->line * 0.6);
    x = pdw_chart_draw_legend_item (chart, &style->bad, FALSE, pdw_chart_text_get (&text_over_standard, style), x, chart->line * 0.6);
    x = pdw_chart_draw_legend_item (chart, &style->foreground, TRUE, pdw_chart_text_get (&text_p90, style), x, chart->line * 0.6);
    pdw_chart_draw_legend_item (chart, &style->warning, TRUE, pdw_chart_text_get (&text_standard, style), x, chart->line * 0.6);
  }

  /* Time axis: the ticks that fit without touching. */
  {
    double last_end = -G_MAXDOUBLE;

    cairo_set_line_width (chart->cr, 1.0);
    for (guint i = 0; i < G_N_ELEMENTS (time_ticks); i++)
      {
        double x = round (log_position (time_ticks[i].seconds, axis_max, left, right)) + 0.5;
        const char *label = pdw_chart_text_get (&time_ticks[i].label, style);
        double w = pdw_chart_text_width (chart, chart->small, label);

        if (time_ticks[i].seconds > axis_max || x - w / 2 < last_end + chart->pad / 2)
          continue;
        pdw_chart_set_color (chart, &style->grid);
        cairo_move_to (chart->cr, x, top);
        cairo_line_to (chart->cr, x, bottom);
        cairo_stroke (chart->cr);
        pdw_chart_draw_label (chart, chart->small, &style->muted, label, x, bottom + chart->line * 0.7, 0.5, 0);
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

      pdw_chart_draw_label (chart, chart->font, &style->foreground, label, 0, y - chart->line * 0.4, 0, label_width);
      if (sop->stats.count > 0)
        {
          g_autofree char *median = pdw_report_format_duration (sop->stats.median);
          double median_x = log_position (sop->stats.median, axis_max, left, right);
          double p90_x = log_position (sop->stats.p90, axis_max, left, right);

          detail = g_strdup_printf ("%s %s", pdw_chart_text_get (&text_median, style), median);
          pdw_chart_set_color (chart, sop->stats.median > sop->standard ? &style->bad : &style->good);
          cairo_rectangle (chart->cr, left, y - bar_height / 2, MAX (median_x - left, 1.5), bar_height);
          cairo_fill (chart->cr);

          /* Whisker from the median to the P90. */
          pdw_chart_set_color (chart, &style->foreground);
          cairo_set_line_width (chart->cr, 1.2);
          cairo_move_to (chart->cr, median_x, y);
          cairo_line_to (chart->cr, p90_x, y);
          cairo_move_to (chart->cr, p90_x, y - bar_height * 0.6);
          cairo_line_to (chart->cr, p90_x, y + bar_height * 0.6);
          cairo_stroke (chart->cr);
        }
      else
        {
          detail = g_strdup (pdw_chart_text_get (&pdw_chart_text_no_data, style));
        }
      pdw_chart_draw_label (chart, chart->small, &style->muted, detail, 0, y + chart->line * 0.5, 0, label_width);

      /* The standard: a marker across the row. */
      pdw_chart_set_color (chart, &style->warning);
      cairo_set_line_width (chart->cr, 2.0);
      cairo_move_to (chart->cr, standard_x, y - row_height * 0.4);
      cairo_line_to (chart->cr, standard_x, y + row_height * 0.4);
      cairo_stroke (chart->cr);
    }
}

/* ---- Satisfaction ------------------------------------------------------------------- */

/* @text from @top down in @width (@x its left edge), wrapped on at most two
 * lines, so that "Sangat baik" under a narrow bar is read whole. */
static void
draw_two_lines (Chart          *chart,
                const char     *text,
                double          x,
                double          top,
                double          width,
                PangoAlignment  alignment)
{
  g_autoptr(PangoLayout) layout = pdw_chart_layout (chart, chart->small, text, width);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -2);
  pango_layout_set_alignment (layout, alignment);
  pdw_chart_set_color (chart, &chart->style->muted);
  cairo_move_to (chart->cr, x, top);
  pango_cairo_show_layout (chart->cr, layout);
}

void
pdw_chart_satisfaction (Chart *chart)
{
  const PdwChartStyle *style = chart->style;
  const PdwReportSatisfaction *survey = pdw_report_get_satisfaction (chart->report);
  const PdwChartColor *colors[4] = { &style->bad, &style->warning, &style->accent, &style->good };
  guint max_count = 0, answers = pdw_chart_satisfaction_answers (survey);
  double panel = chart->width * 0.34, left, right, top, bottom, slot, max, step, x, y;
  g_autofree char *max_label = NULL;

  for (guint i = 0; i < 4; i++)
    max_count = MAX (max_count, survey->distribution[i]);
  max = pdw_chart_nice_max (max_count, &step);
  max_label = pdw_chart_format_count (max);

  left = pdw_chart_text_width (chart, chart->small, max_label) + chart->pad;
  right = chart->width - panel - chart->pad;
  top = chart->line;
  /* Below the bars: the rating, then its name on up to two lines. */
  bottom = chart->height - chart->line * 3.3;
  if (right - left < 20 || bottom - top < 10)
    return;

  pdw_chart_draw_value_grid (chart, left, right, top, bottom, max, step);
  slot = (right - left) / 4;
  for (guint i = 0; i < 4; i++)
    {
      double h = (bottom - top) * survey->distribution[i] / max;
      double bx = left + i * slot + slot * 0.2;
      g_autofree char *count = pdw_chart_format_count (survey->distribution[i]);
      g_autofree char *rating = g_strdup_printf ("%u", i + 1);

      pdw_chart_set_color (chart, colors[i]);
      cairo_rectangle (chart->cr, bx, bottom - h, slot * 0.6, h);
      cairo_fill (chart->cr);
      pdw_chart_draw_label (chart, chart->small, &style->foreground, count, bx + slot * 0.3,
                  MAX (bottom - h - chart->line * 0.5, top * 0.5), 0.5, 0);
      pdw_chart_draw_label (chart, chart->bold, &style->foreground, rating, bx + slot * 0.3, bottom + chart->line * 0.6, 0.5, 0);
      draw_two_lines (chart, pdw_chart_text_get (&rating_labels[i], style), bx + slot * 0.3 - slot / 2,
                      bottom + chart->line * 1.15, slot, PANGO_ALIGN_CENTER);
    }

  /* Panel: the index, its grade and how many answered. */
  x = right + chart->pad * 2;
  y = chart->height / 2 - chart->line * 1.8;
  pdw_chart_draw_label (chart, chart->small, &style->muted, pdw_chart_text_get (&text_index, style), x, y, 0, panel - chart->pad);
  y += chart->line * 1.6;
  if (survey->has_index)
    {
      g_autofree char *index = pdw_report_format_number (survey->index, 2);
      const char *grade_label = style->indonesian ? pdw_report_grade_get_label_id (survey->grade)
                                                  : pdw_report_grade_get_label (survey->grade);

      pdw_chart_draw_label (chart, chart->big, &style->foreground, index, x, y, 0, panel - chart->pad);
      y += chart->line * 1.6;
      if (grade_label != NULL)
        {
          g_autofree char *grade = g_strdup_printf ("%s %c (%s)", pdw_chart_text_get (&text_grade, style),
                                                    survey->grade, grade_label);

          pdw_chart_draw_label (chart, chart->bold, &style->foreground, grade, x, y, 0, panel - chart->pad);
        }
    }
  else
    {
      pdw_chart_draw_label (chart, chart->big, &style->muted, "–", x, y, 0, 0);
      y += chart->line * 1.6;
    }
  y += chart->line * 1.3;
  {
    g_autofree char *count = pdw_chart_format_count (answers);
    g_autofree char *rate = pdw_report_format_number (survey->response_rate, 1);
    g_autofree char *line = g_strdup_printf ("%s %s (%s%%)", count, pdw_chart_text_get (&text_answers, style), rate);

    draw_two_lines (chart, line, x, y - chart->line / 2, panel - chart->pad, PANGO_ALIGN_LEFT);
  }
}

/* ---- Hours ------------------------------------------------------------------------ */

void
pdw_chart_hours (Chart *chart)
{
  const PdwChartStyle *style = chart->style;
  guint max = pdw_chart_hours_max (chart->report);
  double label_width = 0, left, right, top, bottom, cell_w, cell_h;
  g_autofree char *max_text = pdw_chart_format_count (max);
  g_autofree char *legend = g_strdup_printf ("%s: %s", pdw_chart_text_get (&text_messages_max, style), max_text);

  for (guint day = 0; day < 7; day++)
    label_width = MAX (label_width, pdw_chart_text_width (chart, chart->small, pdw_chart_text_get (&weekday_labels[day], style)));

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
      pdw_chart_set_color_alpha (chart, &style->accent, 0.12 + 0.22 * i);
      cairo_rectangle (chart->cr, left + i * chart->line * 0.8, chart->line * 0.3, chart->line * 0.8, chart->line * 0.6);
      cairo_fill (chart->cr);
    }
  pdw_chart_draw_label (chart, chart->small, &style->foreground, legend, left + 4.5 * chart->line, chart->line * 0.6, 0,
              right - left - 4.5 * chart->line);

  for (guint day = 0; day < 7; day++)
    {
      double y = top + day * cell_h;

      pdw_chart_draw_label (chart, chart->small, &style->foreground, pdw_chart_text_get (&weekday_labels[day], style),
                  left - chart->pad / 2, y + cell_h / 2, 1.0, 0);
      for (guint hour = 0; hour < 24; hour++)
        {
          guint count = pdw_report_get_hour_count (chart->report, day, hour);
          double x = left + hour * cell_w;

          if (count == 0)
            pdw_chart_set_color_alpha (chart, &style->grid, 0.5);
          else
            pdw_chart_set_color_alpha (chart, &style->accent, 0.12 + 0.88 * count / (double) max);
          cairo_rectangle (chart->cr, x + 0.5, y + 0.5, cell_w - 1, cell_h - 1);
          cairo_fill (chart->cr);
        }
    }

  for (guint hour = 0; hour < 24; hour += cell_w > chart->line * 1.2 ? 2 : 3)
    {
      g_autofree char *label = g_strdup_printf ("%02u", hour);

      pdw_chart_draw_label (chart, chart->small, &style->muted, label, left + (hour + 0.5) * cell_w,
                  bottom + chart->line * 0.7, 0.5, 0);
    }
}

