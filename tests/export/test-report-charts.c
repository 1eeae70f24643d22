/* test-report-charts.c: every chart of the report drawn on an image, in the
 * paper style and the light and dark screen styles, for an empty and a full
 * report: no cairo error, something drawn in the chart's area, the full
 * chart drawing clearly more than the "no data" state, and degenerate
 * sizes drawing nothing without failing.
 *
 * PDW_TEST_CHARTS_DIR=/some/dir keeps the images, to look at them.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "export/pdw-report-charts.h"
#include "report-pdf-fixture.h"

#define WIDTH 520

typedef enum
{
  STYLE_PAPER,
  STYLE_LIGHT,
  STYLE_DARK,
  N_STYLES
} StyleKind;

static const char * const style_names[N_STYLES] = { "paper", "light", "dark" };

static void
style_init (PdwChartStyle *style,
            StyleKind      kind)
{
  if (kind == STYLE_PAPER)
    pdw_chart_style_init_paper (style);
  else
    pdw_chart_style_init_screen (style, kind == STYLE_DARK);
}

/* Pixels of the image that are not the background. */
static guint
count_drawn (cairo_surface_t     *surface,
             const PdwChartColor *background)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint32 bg = 0xff000000 | ((guint32) lround (background->r * 255) << 16) |
               ((guint32) lround (background->g * 255) << 8) | (guint32) lround (background->b * 255);
  guint drawn = 0;

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + y * stride);

      for (int x = 0; x < width; x++)
        if (row[x] != bg)
          drawn++;
    }
  return drawn;
}

static guint
draw_chart (PdwReport      *report,
            PdwReportChart  chart,
            StyleKind       kind,
            const char     *report_name)
{
  PdwChartStyle style;
  int height = (int) (WIDTH * pdw_report_chart_get_aspect (chart));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, height);
  cairo_t *cr = cairo_create (surface);
  const char *keep = g_getenv ("PDW_TEST_CHARTS_DIR");
  guint drawn;

  style_init (&style, kind);
  cairo_set_source_rgb (cr, style.background.r, style.background.g, style.background.b);
  cairo_paint (cr);

  pdw_report_chart_draw (report, chart, cr, WIDTH, height, &style);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  drawn = count_drawn (surface, &style.background);

  if (keep != NULL)
    {
      g_autofree char *name = g_strdup_printf ("chart-%d-%s-%s.png", chart, style_names[kind], report_name);
      g_autofree char *path = g_build_filename (keep, name, NULL);

      cairo_surface_write_to_png (surface, path);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return drawn;
}

static void
test_charts_full_and_empty (void)
{
  g_autoptr(PdwReport) full = fixture_report (TRUE);
  g_autoptr(PdwReport) empty = fixture_report (FALSE);

  for (PdwReportChart chart = 0; chart < PDW_REPORT_N_CHARTS; chart++)
    {
      double aspect = pdw_report_chart_get_aspect (chart);

      g_assert_true (aspect > 0.2 && aspect < 1.0);
      g_assert_nonnull (pdw_report_chart_get_title (chart));
      g_assert_nonnull (pdw_report_chart_get_title_id (chart));
      g_assert_true (pdw_report_chart_has_data (full, chart));
      g_assert_false (pdw_report_chart_has_data (empty, chart));

      for (StyleKind kind = 0; kind < N_STYLES; kind++)
        {
          int height = (int) (WIDTH * aspect);
          guint area = WIDTH * height;
          guint drawn_full = draw_chart (full, chart, kind, "full");
          guint drawn_empty = draw_chart (empty, chart, kind, "empty");

          g_test_message ("chart %d, %s: %u pixels drawn full, %u empty", chart, style_names[kind],
                          drawn_full, drawn_empty);
          /* The "no data" state is drawn (a frame and a text)... */
          g_assert_cmpuint (drawn_empty, >, area / 200);
          /* ...and the data makes a real picture, well beyond it. */
          g_assert_cmpuint (drawn_full, >, area / 25);
          g_assert_cmpuint (drawn_full, >, 2 * drawn_empty);
        }
    }
}

/* Pixels of @color right of @from_x. */
static guint
count_color_right_of (cairo_surface_t     *surface,
                      const PdwChartColor *color,
                      int                  from_x)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 rgb = 0xff000000 | ((guint32) lround (color->r * 255) << 16) |
                ((guint32) lround (color->g * 255) << 8) | (guint32) lround (color->b * 255);
  guint found = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      const guint32 *row = (const guint32 *) (data + y * stride);

      for (int x = from_x; x < cairo_image_surface_get_width (surface); x++)
        found += (row[x] | 0xff000000) == rgb;
    }
  return found;
}

static guint
count_late_march_bars (gint64 now)
{
  g_autoptr(PdwReportFacts) facts = fixture_facts (TRUE);
  g_autoptr(PdwServiceCalendar) calendar = pdw_service_calendar_new ();
  g_autoptr(PdwReport) report = NULL;
  PdwSlaPolicy policy = { PDW_SLA_WORKING_DAYS, 2 };
  PdwReportPeriod period;
  PdwChartStyle style;
  int height = (int) (WIDTH * pdw_report_chart_get_aspect (PDW_REPORT_CHART_DAILY_VOLUME));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, height);
  cairo_t *cr = cairo_create (surface);
  guint found;

  g_assert_true (pdw_report_period_init (&period, 2026, 3, 2026, 3, NULL));
  report = pdw_report_build (&period, facts, calendar, &policy, now);
  pdw_chart_style_init_screen (&style, FALSE);
  cairo_set_source_rgb (cr, style.background.r, style.background.g, style.background.b);
  cairo_paint (cr);
  pdw_report_chart_draw (report, PDW_REPORT_CHART_DAILY_VOLUME, cr, WIDTH, height, &style);
  cairo_surface_flush (surface);
  /* The last quarter of the width: the days after the 24th. */
  found = count_color_right_of (surface, &style.accent, WIDTH * 3 / 4);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return found;
}

/* A month in progress: the days still to come are not drawn as days
 * without complaints. */
static void
test_daily_volume_month_in_progress (void)
{
  g_assert_cmpuint (count_late_march_bars (fixture_wib (4, 2, 10, 0)), >, 100);
  g_assert_cmpuint (count_late_march_bars (fixture_wib (3, 15, 10, 0)), ==, 0);
}

/* The screen and paper styles speak different languages. */
static void
test_chart_titles (void)
{
  PdwChartStyle paper, screen;

  pdw_chart_style_init_paper (&paper);
  pdw_chart_style_init_screen (&screen, FALSE);

  g_assert_cmpstr (pdw_report_chart_get_title_id (PDW_REPORT_CHART_DAILY_VOLUME), ==, "Volume harian");
  g_assert_cmpstr (pdw_report_chart_get_title_for_style (PDW_REPORT_CHART_SATISFACTION, &paper), ==,
                   "Kepuasan masyarakat");
  /* The tests run untranslated: the screen style shows the msgid. */
  g_assert_cmpstr (pdw_report_chart_get_title_for_style (PDW_REPORT_CHART_SATISFACTION, &screen), ==,
                   "Citizen satisfaction");
  /* Dark text on the light style, light text on the dark one. */
  g_assert_cmpfloat (screen.foreground.r, <, 0.5);
  pdw_chart_style_init_screen (&screen, TRUE);
  g_assert_cmpfloat (screen.foreground.r, >, 0.5);
  g_assert_cmpfloat (screen.background.r, <, 0.5);
}

/* Sizes a resized window may give: nothing drawn, nothing broken. */
static void
test_chart_degenerate_sizes (void)
{
  g_autoptr(PdwReport) full = fixture_report (TRUE);
  const double sizes[][2] = { { 0, 0 }, { 1, 1 }, { 12, 8 }, { 40, 3 }, { NAN, 100 }, { 3000, 20 } };
  PdwChartStyle style;

  pdw_chart_style_init_screen (&style, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (PdwReportChart chart = 0; chart < PDW_REPORT_N_CHARTS; chart++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
        cairo_t *cr = cairo_create (surface);

        pdw_report_chart_draw (full, chart, cr, sizes[i][0], sizes[i][1], &style);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-charts/full-and-empty", test_charts_full_and_empty);
  g_test_add_func ("/report-charts/titles", test_chart_titles);
  g_test_add_func ("/report-charts/month-in-progress", test_daily_volume_month_in_progress);
  g_test_add_func ("/report-charts/degenerate-sizes", test_chart_degenerate_sizes);

  return g_test_run ();
}
