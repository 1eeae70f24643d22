/* test-report-window.c: the monthly report in its window, under Xvfb.  On
 * two generated months of a small office: the window computes on a worker
 * thread, its headline cards show what the report of the same period
 * says, choosing the next month computes again, the charts are drawn at
 * a real size, and everything fits a 1024x700 screen.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "demo/pdw-history.h"
#include "gui/pdw-context.h"
#include "gui/pdw-report-window.h"
#include "gui/report/pdw-report-text.h"
#include "pdw-resources.h"

#include "pdw-test-util.h"

/* March and April 2025, cut on 2025-04-23 14:00 WIB (a Wednesday), so that
 * April ends with files still open. */
#define HISTORY_YEAR  2025
#define HISTORY_MONTH 3
#define HISTORY_UNTIL ((gint64) 1745391600)

typedef struct
{
  char       *dir;
  char       *path;
  PdwStore   *store;
  PdwContext *context;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PdwHistoryOptions opts = PDW_HISTORY_OPTIONS_INIT;

  f->dir = g_dir_make_tmp ("pandawa-report-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "a.db", NULL);
  f->store = pdw_store_open (f->path, &error);
  g_assert_no_error (error);

  opts.start_year = HISTORY_YEAR;
  opts.start_month = HISTORY_MONTH;
  opts.months = 2;
  opts.seed = 5;
  opts.scale = 4;
  opts.until = HISTORY_UNTIL;
  g_assert_true (pdw_history_generate (f->store, &opts, NULL, &error));
  g_assert_no_error (error);

  f->context = pdw_context_new (f->store, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  pdw_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
wait_for_report (PdwReportWindow *window)
{
  SPIN_UNTIL (!pdw_report_window_is_busy (window));
  /* Let the content lay out. */
  for (guint i = 0; i < 20 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_for_layout (GtkWidget *widget)
{
  SPIN_UNTIL (gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0);
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The report of @year-@month computed directly, for comparison. */
static PdwReport *
compute (Fixture *f,
         int      year,
         int      month)
{
  g_autoptr(GError) error = NULL;
  PdwReportPeriod period;
  PdwReport *report;

  g_assert_true (pdw_report_period_init (&period, year, month, year, month, &error));
  report = pdw_store_compute_report (f->store, &period, pdw_context_get_calendar (f->context), NULL, &error);
  g_assert_no_error (error);
  return report;
}

/* Every card shows the figure of an independently computed report of the
 * same month. */
static void
assert_figures (PdwReportWindow *window,
                PdwReport       *expected)
{
  PdwReportFigures *figures = pdw_report_view_get_figures (pdw_report_window_get_view (window));
  guint shown = 0;

  for (PdwReportFigure figure = 0; figure < PDW_REPORT_N_FIGURES; figure++)
    {
      const char *text = pdw_report_figures_get_value_text (figures, figure);
      g_autofree char *want = NULL;

      if (text == NULL)
        continue;

      want = pdw_report_text_figure (pdw_report_get_figure (expected, figure));
      g_assert_cmpstr (text, ==, want);
      shown++;
    }

  g_assert_cmpuint (shown, >=, 10);
}

static void
assert_inside (GtkWidget *widget,
               GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
}

static void
test_months (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PdwReport) march = compute (f, 2025, 3);
  g_autoptr(PdwReport) april = compute (f, 2025, 4);
  PdwReportWindow *window;
  PdwReportView *view;
  PdwReport *shown;
  const PdwReportFigureValue *received;
  int min_width;

  /* The fixture is not empty, and the months differ. */
  received = pdw_report_get_figure (march, PDW_REPORT_FIGURE_RECEIVED);
  g_assert_cmpfloat (received->value, >, 20);
  g_assert_cmpfloat (received->value, !=, pdw_report_get_figure (april, PDW_REPORT_FIGURE_RECEIVED)->value);

  window = PDW_REPORT_WINDOW (pdw_report_window_new (NULL, f->context));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  view = pdw_report_window_get_view (window);

  /* The current month at first (the history's open files are still open). */
  g_assert_true (pdw_report_window_is_busy (window));
  g_assert_cmpstr (pdw_report_window_get_state (window), ==, "computing");
  wait_for_report (window);
  g_assert_cmpstr (pdw_report_window_get_state (window), ==, "report");

  /* Before the history: the empty state. */
  pdw_report_period_chooser_set (pdw_report_window_get_chooser (window), PDW_REPORT_PERIOD_MONTH,
                                 2025, 1, 2025, 1);
  wait_for_report (window);
  g_assert_cmpstr (pdw_report_window_get_state (window), ==, "empty");

  /* March. */
  pdw_report_period_chooser_set (pdw_report_window_get_chooser (window), PDW_REPORT_PERIOD_MONTH,
                                 2025, 3, 2025, 3);
  g_assert_true (pdw_report_window_is_busy (window));
  g_assert_null (pdw_report_window_get_report (window));
  wait_for_report (window);
  g_assert_cmpstr (pdw_report_window_get_state (window), ==, "report");
  shown = pdw_report_window_get_report (window);
  g_assert_nonnull (shown);
  g_assert_cmpint (pdw_report_get_period (shown)->from_month, ==, 3);
  assert_figures (window, march);
  g_assert_cmpuint (pdw_report_table_get_n_rows (pdw_report_view_get_breakdown (view, PDW_REPORT_BY_TYPE)), ==,
                    pdw_report_get_breakdown (march, PDW_REPORT_BY_TYPE)->len);

  /* Next month: computed again. */
  pdw_report_period_chooser_step (pdw_report_window_get_chooser (window), 1);
  g_assert_true (pdw_report_window_is_busy (window));
  wait_for_report (window);
  g_assert_cmpstr (pdw_report_window_get_state (window), ==, "report");
  g_assert_cmpint (pdw_report_get_period (pdw_report_window_get_report (window))->from_month, ==, 4);
  assert_figures (window, april);

  /* The charts are drawn at a real size, and everything fits 1024x700. */
  wait_for_layout (GTK_WIDGET (view));
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 1024);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1024);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 700);
  for (PdwReportChart chart = 0; chart < PDW_REPORT_N_CHARTS; chart++)
    {
      GtkWidget *area = pdw_report_view_get_chart (view, chart);

      g_assert_cmpint (gtk_widget_get_width (area), >, 200);
      g_assert_cmpint (gtk_widget_get_height (area), >, 50);
      assert_inside (area, GTK_WIDGET (window));
    }
  for (PdwReportBreakdown b = 0; b < PDW_REPORT_N_BREAKDOWNS; b++)
    assert_inside (GTK_WIDGET (pdw_report_view_get_breakdown (view, b)), GTK_WIDGET (window));
  assert_inside (GTK_WIDGET (pdw_report_view_get_figures (view)), GTK_WIDGET (window));

  gtk_window_destroy (GTK_WINDOW (window));
  pdw_test_drain_main_context ();
}

/* Choosing periods faster than they compute: only the last one shows,
 * and closing the window while computing is safe. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PdwReport) april = compute (f, 2025, 4);
  g_autoptr(GError) error = NULL;
  PdwReportWindow *window;
  PdwReportPeriodChooser *chooser;
  PdwReportPeriod period;

  window = PDW_REPORT_WINDOW (pdw_report_window_new (NULL, f->context));
  gtk_window_present (GTK_WINDOW (window));
  chooser = pdw_report_window_get_chooser (window);

  pdw_report_period_chooser_set (chooser, PDW_REPORT_PERIOD_MONTH, 2025, 2, 2025, 2);
  pdw_report_period_chooser_step (chooser, 1);
  pdw_report_period_chooser_step (chooser, 1);
  wait_for_report (window);
  g_assert_cmpint (pdw_report_get_period (pdw_report_window_get_report (window))->from_month, ==, 4);
  assert_figures (window, april);

  /* A range and a year come from the same chooser. */
  pdw_report_period_chooser_set (chooser, PDW_REPORT_PERIOD_RANGE, 2025, 3, 2025, 4);
  g_assert_true (pdw_report_period_chooser_get_period (chooser, &period, &error));
  g_assert_no_error (error);
  g_assert_cmpint (period.kind, ==, PDW_REPORT_PERIOD_RANGE);
  pdw_report_period_chooser_set (chooser, PDW_REPORT_PERIOD_YEAR, 2025, 7, 2025, 7);
  g_assert_true (pdw_report_period_chooser_get_period (chooser, &period, &error));
  g_assert_cmpint (period.kind, ==, PDW_REPORT_PERIOD_YEAR);
  g_assert_cmpint (period.from_month, ==, 1);
  g_assert_cmpint (period.to_month, ==, 12);

  /* A range the report refuses: the reason in the error page. */
  pdw_report_period_chooser_set (chooser, PDW_REPORT_PERIOD_RANGE, 2020, 1, 2025, 4);
  g_assert_false (pdw_report_window_is_busy (window));
  g_assert_cmpstr (pdw_report_window_get_state (window), ==, "error");

  /* Closed while computing. */
  pdw_report_period_chooser_set (chooser, PDW_REPORT_PERIOD_MONTH, 2025, 3, 2025, 3);
  g_assert_true (pdw_report_window_is_busy (window));
  gtk_window_destroy (GTK_WINDOW (window));
  pdw_test_drain_main_context ();
  g_usleep (G_USEC_PER_SEC / 5);
  pdw_test_drain_main_context ();
}

static void
wait_for_file (const char *path)
{
  SPIN_UNTIL (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Saving from the window writes on a worker thread, the PDF and the
 * table formats alike. */
static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "laporan.pdf", NULL);
  g_autofree char *json = g_build_filename (f->dir, "laporan.json", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "cetak.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  PdwReportWindow *window;
  GStatBuf st;

  window = PDW_REPORT_WINDOW (pdw_report_window_new (NULL, f->context));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (pdw_report_window_save (window, "json", json));
  pdw_report_period_chooser_set (pdw_report_window_get_chooser (window), PDW_REPORT_PERIOD_MONTH,
                                 2025, 3, 2025, 3);
  wait_for_report (window);

  g_assert_true (pdw_report_window_save (window, "pdf", pdf));
  g_assert_true (pdw_report_window_save (window, "json", json));
  wait_for_file (pdf);
  wait_for_file (json);
  /* Written atomically: once there, complete. */
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (json, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "\"received\""));
  g_assert_cmpint (g_stat (json, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Print… draws the document's pages: more than one A4 page. */
  g_assert_true (pdw_report_window_print_to_file (window, printed));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (printed, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  {
    const char *argv[] = { "pdftotext", printed, "-", NULL };
    g_autofree char *text = NULL;
    int status;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &text, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (text, "LAPORAN BULANAN LAYANAN PANDAWA"));
    g_assert_nonnull (strstr (text, "Maret 2025"));
    g_assert_nonnull (strstr (text, "Halaman 2 dari"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  pdw_test_drain_main_context ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  (void) pdw_get_resource ();

  g_test_add ("/report-window/months", Fixture, NULL, fixture_set_up, test_months, fixture_tear_down);
  g_test_add ("/report-window/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/report-window/save", Fixture, NULL, fixture_set_up, test_save, fixture_tear_down);

  return g_test_run ();
}
