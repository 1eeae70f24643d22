/* bench-report.c: what the monthly report costs on a generated history
 * (issue #10): a month's figures and a year's, the facts read from the store
 * and the computation apart, and each file format of the month.  Prints a
 * table beside the targets; asserts nothing about time.
 *
 * Run with `meson test -C _build --benchmark report`.  It generates twelve
 * months up to now with `pandawa-cli generate` (PANDAWA_CLI, seed 1), which
 * takes minutes; PANDAWA_BENCH_REPORT_DB points it at an existing history
 * instead, which is copied first and never modified.  The month measured is
 * the last whole one, the year the current one.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/pdw-time-zone.h"
#include "export/pdw-report-export.h"
#include "store/pdw-store.h"

#include "pdw-test-util.h"

#define N_RUNS 3

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *samples)
{
  qsort (samples, N_RUNS, sizeof *samples, compare_double);
  return samples[N_RUNS / 2];
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

typedef struct
{
  double read_ms;
  double build_ms;
  double total_ms;
  guint  files;
  guint  received;
} Timing;

/* The facts and the computation apart, then the whole call as the view
 * makes it; medians of N_RUNS. */
static void
time_report (PdwStore              *store,
             const PdwReportPeriod *period,
             Timing                *timing)
{
  double read[N_RUNS], build[N_RUNS], total[N_RUNS];
  g_autoptr(PdwServiceCalendar) calendar = pdw_service_calendar_new ();
  PdwSlaPolicy policy = { PDW_SLA_CLOCK_HOURS, PDW_SLA_DEFAULT_HOURS };

  pdw_service_calendar_load_default_holidays (calendar);
  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PdwReportFacts) facts = NULL;
      g_autoptr(PdwReport) built = NULL;
      g_autoptr(PdwReport) report = NULL;
      gint64 start, end, t;

      pdw_report_facts_get_span (period, &start, &end);
      t = g_get_monotonic_time ();
      facts = pdw_store_read_report_facts (store, start, end, &error);
      g_assert_no_error (error);
      read[i] = elapsed_ms (t);
      t = g_get_monotonic_time ();
      built = pdw_report_build (period, facts, calendar, &policy, g_get_real_time () / G_USEC_PER_SEC);
      build[i] = elapsed_ms (t);

      t = g_get_monotonic_time ();
      report = pdw_store_compute_report (store, period, calendar, &policy, &error);
      g_assert_no_error (error);
      total[i] = elapsed_ms (t);
      timing->files = facts->files->len;
      timing->received = (guint) pdw_report_get_figure (report, PDW_REPORT_FIGURE_RECEIVED)->value;
    }

  timing->read_ms = median (read);
  timing->build_ms = median (build);
  timing->total_ms = median (total);
}

static double
time_format (PdwReport  *report,
             const char *name,
             const char *path)
{
  const PdwReportFormat *format = pdw_report_export_find_format (name);
  PdwReportExportOptions options = PDW_REPORT_EXPORT_OPTIONS_INIT;
  double samples[N_RUNS];

  g_assert_nonnull (format);
  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t = g_get_monotonic_time ();

      if (!format->write (report, path, &options, &error))
        g_error ("%s: %s", name, error->message);
      samples[i] = elapsed_ms (t);
    }
  return median (samples);
}

static void
print_row (const char *what,
           const char *measured,
           const char *target)
{
  g_print ("%-46s %-34s %s\n", what, measured, target);
}

static void
print_timing (const char   *what,
              const Timing *timing,
              const char   *target)
{
  g_autofree char *total = g_strdup_printf ("%.0f ms", timing->total_ms);
  g_autofree char *split = g_strdup_printf ("%.0f ms + %.0f ms (%u files, %u received)",
                                            timing->read_ms, timing->build_ms, timing->files, timing->received);
  /* pdw_store_read_report_facts() reads the chat facts of the whole span;
   * the report reads them only from the previous period on, so the two
   * parts can add up to more than the whole. */
  g_autofree char *split_what = g_strdup_printf ("  apart: all facts of the span + computation");

  print_row (what, total, target);
  print_row (split_what, split, "");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(PdwReport) month_report = NULL;
  g_autoptr(GTimeZone) wib = pdw_time_zone_new_wib ();
  g_autoptr(GDateTime) now = g_date_time_new_now (wib);
  g_autoptr(GDateTime) a_month_ago = g_date_time_add_months (now, -1);
  g_autofree char *dir = g_dir_make_tmp ("pandawa-bench-report-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *pdf = NULL;
  PdwReportPeriod month, year;
  Timing month_timing = { 0 }, year_timing = { 0 };
  double json_ms, csv_ms, xlsx_ms, pdf_ms, prepare_seconds;

  g_assert_no_error (error);
  db = pdw_test_prepare_history (dir, "history.db", "PANDAWA_BENCH_REPORT_DB", "12", NULL, &prepare_seconds);
  json = g_build_filename (dir, "laporan.json", NULL);
  csv = g_build_filename (dir, "csv", NULL);
  xlsx = g_build_filename (dir, "laporan.xlsx", NULL);
  pdf = g_build_filename (dir, "laporan.pdf", NULL);

  /* The first open of a copy may migrate it: not part of a report. */
  store = pdw_store_open (db, &error);
  g_assert_no_error (error);

  g_assert_true (pdw_report_period_init (&month, g_date_time_get_year (a_month_ago),
                                         g_date_time_get_month (a_month_ago),
                                         g_date_time_get_year (a_month_ago),
                                         g_date_time_get_month (a_month_ago), &error));
  g_assert_true (pdw_report_period_init (&year, g_date_time_get_year (now), 1,
                                         g_date_time_get_year (now), 12, &error));

  time_report (store, &month, &month_timing);
  time_report (store, &year, &year_timing);
  month_report = pdw_store_compute_report (store, &month, NULL, NULL, &error);
  g_assert_no_error (error);
  json_ms = time_format (month_report, "json", json);
  csv_ms = time_format (month_report, "csv", csv);
  xlsx_ms = time_format (month_report, "xlsx", xlsx);
  pdf_ms = time_format (month_report, "pdf", pdf);

  g_print ("\nPANDAWA report benchmark: %s (%.0f s to prepare), %u processors; medians of %u runs\n",
           g_getenv ("PANDAWA_BENCH_REPORT_DB") ? g_getenv ("PANDAWA_BENCH_REPORT_DB") : "twelve generated months",
           prepare_seconds, g_get_num_processors (), N_RUNS);
  print_row ("figure", "measured", "target");
  print_row ("----------------------------------------------", "----------------------------------", "----------");
  {
    g_autofree char *month_what = g_strdup_printf ("figures of a month (%04d-%02d)", month.from_year, month.from_month);
    g_autofree char *year_what = g_strdup_printf ("figures of the year %04d", year.from_year);
    g_autofree char *json_value = g_strdup_printf ("%.0f ms", json_ms);
    g_autofree char *csv_value = g_strdup_printf ("%.0f ms", csv_ms);
    g_autofree char *xlsx_value = g_strdup_printf ("%.0f ms", xlsx_ms);
    g_autofree char *pdf_value = g_strdup_printf ("%.0f ms", pdf_ms);
    g_autofree char *pdf_total = g_strdup_printf ("%.0f ms", month_timing.total_ms + pdf_ms);

    print_timing (month_what, &month_timing, "< 1000 ms on a year");
    print_timing (year_what, &year_timing, "< 5000 ms on a year");
    print_row ("  the month as JSON", json_value, "");
    print_row ("  the month as CSV (every table)", csv_value, "");
    print_row ("  the month as XLSX", xlsx_value, "");
    print_row ("  the month as PDF (drawing, every page)", pdf_value, "");
    print_row ("the month's PDF from the database", pdf_total, "< 3000 ms on a year");
  }

  g_clear_object (&store);
  pdw_test_remove_tree (dir);
  return 0;
}
