/* test-store-report.c: the facts the store reads for the monthly report,
 * and the report computed from them, on report-fixture.h's November.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "report-fixture.h"

typedef struct
{
  char        *dir;
  PdwStore    *store;
  ReportClock  clock;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_make_db_path (&f->dir);

  f->store = pdw_store_open (path, &error);
  g_assert_no_error (error);
  report_fixture_build (f->store, &f->clock);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  pdw_test_remove_tree (f->dir);
  g_free (f->dir);
}

static const PdwReportFileFact *
find_file (PdwReportFacts *facts,
           gint64          created_at)
{
  for (guint i = 0; i < facts->files->len; i++)
    if (g_array_index (facts->files, PdwReportFileFact, i).created_at == created_at)
      return &g_array_index (facts->files, PdwReportFileFact, i);
  g_error ("no file registered at %" G_GINT64_FORMAT, created_at);
  return NULL;
}

static void
test_facts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwReportFacts) facts = NULL;
  const PdwReportFileFact *file;
  gboolean found_reopen = FALSE;

  facts = pdw_store_read_report_facts (f->store, report_wib (11, 1, 0, 0), report_wib (12, 1, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facts->files->len, ==, 4);

  /* The automatic reply at 07:50:02 has no officer: the first response is
   * Siti's at 08:10; the citizen's last message before registering, 08:12. */
  file = find_file (facts, report_wib (11, 2, 8, 15));
  g_assert_cmpint (file->first_inbound_at, ==, report_wib (11, 2, 7, 50));
  g_assert_cmpint (file->first_reply_at, ==, report_wib (11, 2, 8, 10));
  g_assert_cmpint (file->last_inbound_at, ==, report_wib (11, 2, 8, 12));
  g_assert_cmpint (file->survey_rating, ==, 4);
  g_assert_cmpstr (file->nik, ==, REPORT_NIK_1);
  for (guint i = file->first_event; i < file->first_event + file->n_events; i++)
    {
      const PdwReportEventFact *event = &g_array_index (facts->events, PdwReportEventFact, i);

      if (g_strcmp0 (event->action, "reopen") == 0)
        {
          g_assert_cmpint (event->reply_after, ==, report_wib (11, 4, 9, 20));
          found_reopen = TRUE;
        }
    }
  g_assert_true (found_reopen);

  /* Neither the automatic reply nor the failed one: the next morning's. */
  file = find_file (facts, report_wib (11, 30, 23, 50));
  g_assert_cmpint (file->first_inbound_at, ==, report_wib (11, 30, 23, 40));
  g_assert_cmpint (file->first_reply_at, ==, report_wib (12, 1, 8, 5));

  /* Citizen 1's next file starts after the rating reply of the last. */
  file = find_file (facts, report_wib (11, 9, 10, 5));
  g_assert_cmpint (file->first_inbound_at, ==, report_wib (11, 9, 10, 0));
  g_assert_cmpint (file->first_reply_at, ==, report_wib (11, 9, 10, 3));

  g_assert_cmpuint (facts->conversation_starts->len, ==, 3);
  g_assert_cmpuint (facts->citizen_messages->len, ==, 7);
}

static double
value (PdwReport       *report,
       PdwReportFigure  figure)
{
  const PdwReportFigureValue *v = pdw_report_get_figure (report, figure);

  g_assert_true (v->has_value);
  return v->value;
}

static void
test_november (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwReport) report = NULL;
  const PdwReportDurationStats *frt;
  PdwReportPeriod period;

  g_assert_true (pdw_report_period_init (&period, 2026, 11, 2026, 11, &error));
  report = pdw_store_compute_report (f->store, &period, NULL, NULL, &error);
  g_assert_no_error (error);

  /* The figures worked out in report-fixture.h. */
  g_assert_cmpfloat (value (report, PDW_REPORT_FIGURE_RECEIVED), ==, 4);
  g_assert_cmpfloat (value (report, PDW_REPORT_FIGURE_FIRST_MESSAGES), ==, 3);
  g_assert_cmpfloat (value (report, PDW_REPORT_FIGURE_CITIZEN_MESSAGES), ==, 7);
  g_assert_cmpfloat (value (report, PDW_REPORT_FIGURE_RESOLVED), ==, 1);
  g_assert_cmpfloat (value (report, PDW_REPORT_FIGURE_REJECTED), ==, 1);
  g_assert_cmpfloat (value (report, PDW_REPORT_FIGURE_OPEN_AT_END), ==, 2);
  g_assert_cmpfloat (value (report, PDW_REPORT_FIGURE_REOPENED), ==, 1);
  g_assert_cmpfloat (value (report, PDW_REPORT_FIGURE_CARRIED_OVER), ==, 0);
  frt = pdw_report_get_duration (report, PDW_REPORT_DURATION_FIRST_RESPONSE);
  g_assert_cmpuint (frt->count, ==, 5);
  g_assert_cmpint (frt->median, ==, 1200);
  g_assert_cmpint (frt->p90, ==, 113400);
  g_assert_cmpfloat (frt->mean, ==, 29256);
  g_assert_cmpint (pdw_report_get_duration (report, PDW_REPORT_DURATION_RESOLUTION)->median, ==, 86400);
  g_assert_cmpfloat (value (report, PDW_REPORT_FIGURE_PROMISE_KEPT_SHARE), ==, 100);
  g_assert_cmpfloat (value (report, PDW_REPORT_FIGURE_SATISFACTION_INDEX), ==, 100);
  g_assert_cmpint (pdw_report_get_satisfaction (report)->grade, ==, 'A');

  /* December: files 2 and 4 carried over, nothing received. */
  g_clear_object (&report);
  g_assert_true (pdw_report_period_init (&period, 2026, 12, 2026, 12, &error));
  report = pdw_store_compute_report (f->store, &period, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (value (report, PDW_REPORT_FIGURE_CARRIED_OVER), ==, 2);
  g_assert_cmpfloat (value (report, PDW_REPORT_FIGURE_RECEIVED), ==, 0);
  g_assert_cmpfloat (pdw_report_get_figure (report, PDW_REPORT_FIGURE_RECEIVED)->previous, ==, 4);
}

static void
computed (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  PdwReport **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = pdw_store_compute_report_finish (PDW_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwReport) report = NULL;
  PdwReportPeriod period;
  PdwSlaPolicy policy = { PDW_SLA_WORKING_DAYS, 2 };

  g_assert_true (pdw_report_period_init (&period, 2026, 11, 2026, 11, &error));
  pdw_store_compute_report_async (f->store, &period, NULL, &policy, NULL, computed, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (pdw_report_get_sla_policy (report)->unit, ==, PDW_SLA_WORKING_DAYS);
  g_assert_cmpfloat (value (report, PDW_REPORT_FIGURE_RECEIVED), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-report/facts", Fixture, NULL, fixture_set_up, test_facts, fixture_tear_down);
  g_test_add ("/store-report/november", Fixture, NULL, fixture_set_up, test_november, fixture_tear_down);
  g_test_add ("/store-report/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);

  return g_test_run ();
}
