/* test-report.c: the monthly report's computation on facts written by hand.
 * Every expected figure below was worked out by hand from the fixture, in
 * the comments, following docs/report-definitions.md, not by running the
 * code.  The tests run with TZ=UTC: a boundary taken in the local zone
 * instead of WIB is off by seven hours and fails.
 *
 * The fixture: March 2026 (1 March is a Sunday; Mon 2, Fri 13, Mon 16,
 * Tue 17 (a holiday in this calendar), Tue 31).  Service hours Monday to
 * Friday 08:00-16:00 WIB.
 *
 *   A  registered Mon 2 Mar 09:00.  Citizen wrote 08:50 and 08:58, officer
 *      replied 08:55.  add 09:02, standard reply 09:03, consolidation done
 *      Tue 3 Mar 10:00, resolved 10:05 (Rina), a note on Wed 4 Mar (its
 *      line repeats "selesai").  nik_nonaktif, Sukajadi.
 *      Rated 4 two hours after the question.
 *   B  registered Tue 31 Mar 23:30 WIB (16:30 UTC): March.  Citizen wrote
 *      23:20; only the automatic reply that night, so the first officer
 *      reply is Wed 1 Apr 08:10.  Still open.  data_ganda, no NIK (Budi).
 *   C  registered Wed 1 Apr 00:30 WIB (31 Mar 17:30 UTC): April, not March.
 *   D  registered Wed 25 Feb 10:00, standard reply Thu 26 Feb 10:00, done
 *      Mon 2 Mar 09:00, resolved 09:30 (Budi).  Carried over into March.
 *      Rated 2 half an hour after the question.  Sail.
 *   E  registered 10 Feb, resolved 11 Feb, reopened Tue 10 Mar 10:00
 *      (first officer reply 10:20), resolved Thu 12 Mar 10:00 (Rina).
 *      Asked for a rating, no answer.  Sukajadi.
 *   F  registered Thu 5 Mar 14:00 (Rina), citizen 13:00, reply 13:30,
 *      rejected 14:10.  Limapuluh.
 *   G  registered Mon 16 Mar 10:00 (Budi), citizen 09:30, reply 09:40, add
 *      10:01, standard reply 10:02, duplicate found Tue 17 Mar 09:00: referred
 *      for the biometric check, still open.  data_ganda, Sukajadi.
 *   H  registered Fri 13 Mar 14:50 (Rina), citizen 14:40, reply 14:45, add
 *      14:55, standard reply 15:00, done Wed 18 Mar 09:00, resolved 09:10
 *      (Budi).  Rated 3 four days after the question (too late).
 *      perubahan_data, NIK of an unknown region.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-report-facts.h"

#define MINUTE 60
#define HOUR 3600
#define DAY 86400

/* Unix time of a WIB wall-clock moment, independently of the code under
 * test: WIB is UTC+7 without DST. */
static gint64
wib (int mo, int d, int h, int mi)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, mo, d, h, mi, 0);

  return g_date_time_to_unix (utc) - 7 * HOUR;
}

static void
line (PdwReportFacts     *facts,
      gint64              t,
      const char         *action,
      const char         *actor,
      PdwComplaintStatus  to)
{
  PdwReportEventFact *event = pdw_report_facts_add_event (facts, t, action, actor);

  event->has_to_status = TRUE;
  event->to_status = to;
}

/* A line that keeps the status ("consolidation_done"). */
static void
note (PdwReportFacts *facts,
      gint64          t,
      const char     *action,
      const char     *actor)
{
  pdw_report_facts_add_event (facts, t, action, actor);
}

static PdwReportFileFact *
file (PdwReportFacts *facts,
      gint64          id,
      const char     *ticket,
      gint64          created_at,
      const char     *type,
      const char     *nik)
{
  PdwReportFileFact *f = pdw_report_facts_add_file (facts, id, created_at);

  f->ticket = pdw_report_facts_intern (facts, ticket);
  f->complaint_type = pdw_report_facts_intern (facts, type);
  f->institution = pdw_report_facts_intern (facts, "bank");
  f->nik = pdw_report_facts_intern (facts, nik);
  return f;
}

static void
add_time (GArray *times,
          gint64  t)
{
  g_array_append_val (times, t);
}

static PdwReportFacts *
make_facts (void)
{
  PdwReportFacts *facts = pdw_report_facts_new (wib (1, 1, 0, 0), wib (4, 1, 0, 0) + 30 * DAY);
  PdwReportFileFact *f;
  PdwReportEventFact *reopen;

  g_hash_table_insert (facts->type_labels, (gpointer) "nik_nonaktif", (gpointer) "NIK nonaktif");
  g_hash_table_insert (facts->type_labels, (gpointer) "data_ganda", (gpointer) "Data ganda");

  f = file (facts, 1, "A", wib (3, 2, 9, 0), "nik_nonaktif", "1471010101900001");
  f->first_inbound_at = wib (3, 2, 8, 50);
  f->first_reply_at = wib (3, 2, 8, 55);
  f->last_inbound_at = wib (3, 2, 8, 58);
  f->survey_asked_at = wib (3, 3, 10, 5);
  f->survey_rating = 4;
  f->survey_rated_at = wib (3, 3, 12, 5);
  line (facts, wib (3, 2, 9, 0), "register", "Rina", PDW_COMPLAINT_TERDAFTAR);
  line (facts, wib (3, 2, 9, 2), "add_to_consolidation", "Rina", PDW_COMPLAINT_KONSOLIDASI);
  line (facts, wib (3, 2, 9, 3), "send_standard_reply", "Rina", PDW_COMPLAINT_MENUNGGU);
  note (facts, wib (3, 3, 10, 0), "consolidation_done", "Adi");
  line (facts, wib (3, 3, 10, 5), "resolve", "Rina", PDW_COMPLAINT_SELESAI);
  /* A note on the closed file repeats "selesai": not a resolution. */
  line (facts, wib (3, 4, 9, 0), "add_note", "Rina", PDW_COMPLAINT_SELESAI);

  f = file (facts, 2, "B", wib (3, 31, 23, 30), "data_ganda", NULL);
  f->first_inbound_at = wib (3, 31, 23, 20);
  f->first_reply_at = wib (4, 1, 8, 10);
  f->last_inbound_at = wib (3, 31, 23, 20);
  line (facts, wib (3, 31, 23, 30), "register", "Budi", PDW_COMPLAINT_TERDAFTAR);

  f = file (facts, 3, "C", wib (4, 1, 0, 30), "nik_nonaktif", "1471010101900007");
  line (facts, wib (4, 1, 0, 30), "register", "Budi", PDW_COMPLAINT_TERDAFTAR);

  f = file (facts, 4, "D", wib (2, 25, 10, 0), "nik_nonaktif", "1471030505900005");
  f->survey_asked_at = wib (3, 2, 9, 30);
  f->survey_rating = 2;
  f->survey_rated_at = wib (3, 2, 10, 0);
  line (facts, wib (2, 25, 10, 0), "register", "Budi", PDW_COMPLAINT_TERDAFTAR);
  line (facts, wib (2, 25, 10, 5), "add_to_consolidation", "Budi", PDW_COMPLAINT_KONSOLIDASI);
  line (facts, wib (2, 26, 10, 0), "send_standard_reply", "Budi", PDW_COMPLAINT_MENUNGGU);
  note (facts, wib (3, 2, 9, 0), "consolidation_done", "Adi");
  line (facts, wib (3, 2, 9, 30), "resolve", "Budi", PDW_COMPLAINT_SELESAI);

  f = file (facts, 5, "E", wib (2, 10, 9, 0), "nik_nonaktif", "1471010606900006");
  f->survey_asked_at = wib (3, 12, 10, 0);
  line (facts, wib (2, 10, 9, 0), "register", "Rina", PDW_COMPLAINT_TERDAFTAR);
  line (facts, wib (2, 11, 9, 0), "resolve", "Rina", PDW_COMPLAINT_SELESAI);
  line (facts, wib (3, 10, 10, 0), "reopen", "Rina", PDW_COMPLAINT_TERDAFTAR);
  reopen = &g_array_index (facts->events, PdwReportEventFact, facts->events->len - 1);
  reopen->reply_after = wib (3, 10, 10, 20);
  line (facts, wib (3, 12, 10, 0), "resolve", "Rina", PDW_COMPLAINT_SELESAI);

  f = file (facts, 6, "F", wib (3, 5, 14, 0), "nik_nonaktif", "1471040202900002");
  f->first_inbound_at = wib (3, 5, 13, 0);
  f->first_reply_at = wib (3, 5, 13, 30);
  line (facts, wib (3, 5, 14, 0), "register", "Rina", PDW_COMPLAINT_TERDAFTAR);
  line (facts, wib (3, 5, 14, 10), "reject", "Rina", PDW_COMPLAINT_DITOLAK);

  f = file (facts, 7, "G", wib (3, 16, 10, 0), "data_ganda", "1471010303900003");
  f->first_inbound_at = wib (3, 16, 9, 30);
  f->first_reply_at = wib (3, 16, 9, 40);
  line (facts, wib (3, 16, 10, 0), "register", "Budi", PDW_COMPLAINT_TERDAFTAR);
  line (facts, wib (3, 16, 10, 1), "add_to_consolidation", "Budi", PDW_COMPLAINT_KONSOLIDASI);
  line (facts, wib (3, 16, 10, 2), "send_standard_reply", "Budi", PDW_COMPLAINT_MENUNGGU);
  line (facts, wib (3, 17, 9, 0), "consolidation_duplicate", "Adi", PDW_COMPLAINT_RUJUK_BIOMETRIK);

  f = file (facts, 8, "H", wib (3, 13, 14, 50), "perubahan_data", "9999010101900004");
  f->first_inbound_at = wib (3, 13, 14, 40);
  f->first_reply_at = wib (3, 13, 14, 45);
  f->survey_asked_at = wib (3, 18, 9, 10);
  f->survey_rating = 3;
  f->survey_rated_at = wib (3, 22, 9, 10);
  line (facts, wib (3, 13, 14, 50), "register", "Rina", PDW_COMPLAINT_TERDAFTAR);
  line (facts, wib (3, 13, 14, 55), "add_to_consolidation", "Rina", PDW_COMPLAINT_KONSOLIDASI);
  line (facts, wib (3, 13, 15, 0), "send_standard_reply", "Rina", PDW_COMPLAINT_MENUNGGU);
  note (facts, wib (3, 18, 9, 0), "consolidation_done", "Adi");
  line (facts, wib (3, 18, 9, 10), "resolve", "Budi", PDW_COMPLAINT_SELESAI);

  /* Conversations: A's and B's in March, C's on 1 April 00:25 WIB. */
  add_time (facts->conversation_starts, wib (3, 2, 8, 50));
  add_time (facts->conversation_starts, wib (3, 31, 23, 20));
  add_time (facts->conversation_starts, wib (4, 1, 0, 25));
  /* Citizens' messages: Monday 2 March 08:50 and 08:58, Tuesday 31 March
   * 23:20 (16:20 UTC), and 1 April 00:10 WIB, which is April. */
  add_time (facts->citizen_messages, wib (3, 2, 8, 50));
  add_time (facts->citizen_messages, wib (3, 2, 8, 58));
  add_time (facts->citizen_messages, wib (3, 31, 23, 20));
  add_time (facts->citizen_messages, wib (4, 1, 0, 10));

  return facts;
}

static PdwServiceCalendar *
make_calendar (void)
{
  PdwServiceCalendar *calendar = pdw_service_calendar_new ();
  g_autoptr(GDate) holiday = g_date_new_dmy (17, G_DATE_MARCH, 2026);

  pdw_service_calendar_add_holiday (calendar, holiday, "Hari libur uji");
  return calendar;
}

static PdwReport *
build_march (PdwSlaUnit unit,
             guint      amount)
{
  g_autoptr(PdwReportFacts) facts = make_facts ();
  g_autoptr(PdwServiceCalendar) calendar = make_calendar ();
  g_autoptr(GError) error = NULL;
  PdwSlaPolicy policy = { unit, amount };
  PdwReportPeriod period;

  g_assert_true (pdw_report_period_init (&period, 2026, 3, 2026, 3, &error));
  g_assert_no_error (error);
  return pdw_report_build (&period, facts, calendar, &policy, wib (4, 15, 12, 0));
}

static double
figure (PdwReport       *report,
        PdwReportFigure  which)
{
  const PdwReportFigureValue *value = pdw_report_get_figure (report, which);

  g_assert_true (value->has_value);
  return value->value;
}

static void
test_period (void)
{
  g_autoptr(GError) error = NULL;
  PdwReportPeriod period, previous;
  int year, month;

  /* 1 March 2026 00:00 WIB = 28 February 17:00 UTC. */
  g_assert_cmpint (pdw_report_month_start (2026, 3), ==, 1772298000);
  g_assert_true (pdw_report_period_init (&period, 2026, 1, 2026, 12, &error));
  g_assert_cmpint (period.kind, ==, PDW_REPORT_PERIOD_YEAR);
  pdw_report_period_previous (&period, &previous);
  g_assert_cmpint (previous.from_year, ==, 2025);
  g_assert_cmpint (previous.to_month, ==, 12);
  g_assert_true (pdw_report_period_init (&period, 2026, 1, 2026, 1, &error));
  pdw_report_period_previous (&period, &previous);
  g_assert_cmpint (previous.from_year, ==, 2025);
  g_assert_cmpint (previous.from_month, ==, 12);
  g_assert_cmpint (previous.end, ==, period.start);

  g_assert_true (pdw_report_parse_month ("2026-03", &year, &month, &error));
  g_assert_cmpint (year * 100 + month, ==, 202603);
  g_assert_false (pdw_report_parse_month ("2026-13", &year, &month, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (pdw_report_parse_month ("03-2026", &year, &month, &error));
  g_clear_error (&error);
  g_assert_false (pdw_report_parse_month ("2026-3", &year, &month, &error));
  g_clear_error (&error);
  g_assert_false (pdw_report_period_init (&period, 2026, 5, 2026, 3, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
}

static void
test_headline (void)
{
  g_autoptr(PdwReport) report = build_march (PDW_SLA_CLOCK_HOURS, 48);
  const PdwReportFigureValue *received = pdw_report_get_figure (report, PDW_REPORT_FIGURE_RECEIVED);

  /* A, B, F, G, H.  C is 1 April in WIB although 31 March in UTC; B is
   * 31 March in WIB. */
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_RECEIVED), ==, 5);
  /* February: D and E. */
  g_assert_true (received->has_previous);
  g_assert_cmpfloat (received->previous, ==, 2);
  g_assert_cmpfloat (received->change, ==, 3);
  /* A (3 Mar), D (2 Mar, registered in February), E (12 Mar, after its
   * reopening), H (18 Mar). */
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_RESOLVED), ==, 4);
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_REJECTED), ==, 1);
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_REFERRED_BIOMETRIC), ==, 1);
  /* B (registered) and G (rujuk biometrik is open). */
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_OPEN_AT_END), ==, 2);
  /* D only: E was closed on 1 March. */
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_CARRIED_OVER), ==, 1);
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_REOPENED), ==, 1);
  /* carried 1 + received 5 + reopened 1 - closings 5 (A, D, E, F, H) = 2. */
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_CARRIED_OVER) + figure (report, PDW_REPORT_FIGURE_RECEIVED) +
                     figure (report, PDW_REPORT_FIGURE_REOPENED) - 5, ==,
                     figure (report, PDW_REPORT_FIGURE_OPEN_AT_END));
  /* February's open at its end (D) is March's carried over. */
  g_assert_cmpfloat (pdw_report_get_figure (report, PDW_REPORT_FIGURE_OPEN_AT_END)->previous, ==, 1);
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_FIRST_MESSAGES), ==, 2);
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_CITIZEN_MESSAGES), ==, 3);
}

static void
test_durations (void)
{
  g_autoptr(PdwReport) report = build_march (PDW_SLA_CLOCK_HOURS, 48);
  const PdwReportDurationStats *frt = pdw_report_get_duration (report, PDW_REPORT_DURATION_FIRST_RESPONSE);
  const PdwReportDurationStats *res = pdw_report_get_duration (report, PDW_REPORT_DURATION_RESOLUTION);

  /* First response: A 300, B 31800 (23:20 to 08:10 next morning: the
   * automatic reply at night does not end it), F 1800, G 600, H 300, and E's
   * reopening 1200 (measured from the reopening, not from 10 February).
   * Sorted 300 300 600 1200 1800 31800: median rank 3 = 600, P90 rank
   * ceil(5.4) = 6 = 31800, mean 36000 / 6 = 6000. */
  g_assert_cmpuint (frt->count, ==, 6);
  g_assert_cmpint (frt->median, ==, 600);
  g_assert_cmpint (frt->p90, ==, 31800);
  g_assert_cmpfloat (frt->mean, ==, 6000);
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_FIRST_RESPONSE_MEDIAN), ==, 600);

  /* Resolution: A 25h05m = 90300; D 25 Feb 10:00 to 2 Mar 09:30 = 4d 23h30m
   * (February 2026 has 28 days) = 430200; E from the reopening, 2 days =
   * 172800; H 13 Mar 14:50 to 18 Mar 09:10 = 4d 18h20m = 411600.  Median
   * rank 2 = 172800, P90 rank 4 = 430200, mean 1104900 / 4 = 276225. */
  g_assert_cmpuint (res->count, ==, 4);
  g_assert_cmpint (res->median, ==, 172800);
  g_assert_cmpint (res->p90, ==, 430200);
  g_assert_cmpfloat (res->mean, ==, 276225);
}

static void
test_promise_clock_hours (void)
{
  g_autoptr(PdwReport) report = build_march (PDW_SLA_CLOCK_HOURS, 48);
  const PdwReportSopStep *step5 = pdw_report_get_sop_step (report, 5);

  /* 48 clock hours.  A: 2 Mar 09:03 -> 4 Mar 09:03, done 3 Mar: kept.
   * D: 26 Feb 10:00 -> 28 Feb 10:00, broken and decided in February.
   * G: 16 Mar 10:02 -> 18 Mar 10:02, never done: broken.
   * H: 13 Mar 15:00 -> 15 Mar 15:00, done 18 Mar: broken.
   * March: 3 decided, 1 kept = 33.3 %. */
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_PROMISE_FILES), ==, 3);
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_PROMISE_KEPT), ==, 1);
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_PROMISE_KEPT_SHARE), ==, 100.0 / 3);
  g_assert_cmpfloat (pdw_report_get_figure (report, PDW_REPORT_FIGURE_PROMISE_FILES)->previous, ==, 1);
  /* Step 5 samples: A 3 Mar 10:00 - 2 Mar 09:03 = 24h57m = 89820 and H
   * 18 Mar 09:00 - 13 Mar 15:00 = 4d18h = 410400 (late); G has no end. */
  g_assert_cmpuint (step5->stats.count, ==, 2);
  g_assert_cmpint (step5->stats.max, ==, 410400);
  g_assert_cmpuint (step5->over_standard, ==, 1);
  g_assert_nonnull (strstr (pdw_report_get_policy_text (report), "48 jam"));
}

static void
test_promise_working_days (void)
{
  g_autoptr(PdwReport) report = build_march (PDW_SLA_WORKING_DAYS, 2);

  /* 2 working days, Monday-Friday, Tuesday 17 March a holiday.
   * A: Mon 2 Mar 09:03 -> Wed 4 Mar 09:03: kept.
   * D: Thu 26 Feb 10:00 -> Fri 27, Mon 2 Mar 10:00 (the weekend does not
   *    count); done 2 Mar 09:00: kept, decided in March.
   * G: Mon 16 Mar 10:02 -> Wed 18 (17 is the holiday), Thu 19 Mar 10:02:
   *    never done, broken.
   * H: Fri 13 Mar 15:00 -> Mon 16, Wed 18 Mar 15:00 (weekend and holiday
   *    skipped); done 18 Mar 09:00: kept.
   * 4 decided, 3 kept = 75 %. */
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_PROMISE_FILES), ==, 4);
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_PROMISE_KEPT), ==, 3);
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_PROMISE_KEPT_SHARE), ==, 75);
  g_assert_nonnull (strstr (pdw_report_get_policy_text (report), "2 hari kerja"));
}

static void
test_sop_steps (void)
{
  g_autoptr(PdwReport) report = build_march (PDW_SLA_CLOCK_HOURS, 48);
  const PdwReportSopStep *s1 = pdw_report_get_sop_step (report, 1);
  const PdwReportSopStep *s3 = pdw_report_get_sop_step (report, 3);
  const PdwReportSopStep *s4 = pdw_report_get_sop_step (report, 4);
  const PdwReportSopStep *s6 = pdw_report_get_sop_step (report, 6);

  /* Step 1 (first message to the first reply or registration): A 300,
   * B 600 (registered before any officer reply), F 1800, G 600, H 300;
   * median rank 3 of 300 300 600 600 1800 = 600; all over 1 minute. */
  g_assert_cmpuint (s1->stats.count, ==, 5);
  g_assert_cmpint (s1->stats.median, ==, 600);
  g_assert_cmpint (s1->standard, ==, 60);
  g_assert_cmpuint (s1->over_standard, ==, 5);
  /* Step 3 (last citizen message to registration): A 120, B 0, F 1800
   * (no message after the reply: from the reply), G 1200, H 300;
   * sorted 0 120 300 1200 1800, median 300. */
  g_assert_cmpint (s3->stats.median, ==, 300);
  /* Step 4: A 120, G 60, H 300 against 2 minutes: H over. */
  g_assert_cmpuint (s4->stats.count, ==, 3);
  g_assert_cmpint (s4->stats.median, ==, 120);
  g_assert_cmpint (s4->standard, ==, 120);
  g_assert_cmpuint (s4->over_standard, ==, 1);
  g_assert_cmpint (pdw_report_get_sop_step (report, 5)->standard, ==, 2 * DAY);
  /* Step 6: A 300, D 1800, E 172800 (from the reopening line), H 600. */
  g_assert_cmpuint (s6->stats.count, ==, 4);
  g_assert_cmpint (s6->stats.median, ==, 600);
  g_assert_cmpint (s6->stats.max, ==, 172800);
}

static const PdwReportRow *
find_row (PdwReport          *report,
          PdwReportBreakdown  breakdown,
          const char         *key)
{
  GArray *rows = pdw_report_get_breakdown (report, breakdown);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (g_array_index (rows, PdwReportRow, i).key, key) == 0)
      return &g_array_index (rows, PdwReportRow, i);
  g_error ("no row %s", key);
  return NULL;
}

static void
test_breakdowns (void)
{
  g_autoptr(PdwReport) report = build_march (PDW_SLA_CLOCK_HOURS, 48);
  GArray *types = pdw_report_get_breakdown (report, PDW_REPORT_BY_TYPE);
  const PdwReportRow *row;

  /* nik_nonaktif: received A, F; resolved A, D, E.  data_ganda: received
   * B, G.  perubahan_data: H, resolved.  Ordered by received, then resolved. */
  g_assert_cmpuint (types->len, ==, 3);
  row = &g_array_index (types, PdwReportRow, 0);
  g_assert_cmpstr (row->key, ==, "nik_nonaktif");
  g_assert_cmpstr (row->label, ==, "NIK nonaktif");
  g_assert_cmpuint (row->received, ==, 2);
  g_assert_cmpuint (row->resolved, ==, 3);
  g_assert_cmpfloat (row->share, ==, 40);
  g_assert_cmpstr (g_array_index (types, PdwReportRow, 1).key, ==, "data_ganda");
  /* No label in the list: the code. */
  g_assert_cmpstr (g_array_index (types, PdwReportRow, 2).label, ==, "perubahan_data");

  /* Kecamatan from the NIK: Sukajadi A, G (resolved A, E); Sail resolved D
   * only; Limapuluh F; H's region unknown; B without a NIK. */
  row = find_row (report, PDW_REPORT_BY_KECAMATAN, "147101");
  g_assert_cmpstr (row->label, ==, "Sukajadi");
  g_assert_cmpuint (row->received, ==, 2);
  g_assert_cmpuint (row->resolved, ==, 2);
  row = find_row (report, PDW_REPORT_BY_KECAMATAN, "147103");
  g_assert_cmpuint (row->received, ==, 0);
  g_assert_cmpuint (row->resolved, ==, 1);
  g_assert_cmpuint (find_row (report, PDW_REPORT_BY_KECAMATAN, "unknown")->received, ==, 1);
  g_assert_cmpuint (find_row (report, PDW_REPORT_BY_KECAMATAN, "")->received, ==, 1);

  /* Officers: Rina registered A, F, H and resolved A, E; Budi registered
   * B, G and resolved D, H. */
  row = find_row (report, PDW_REPORT_BY_OFFICER, "Rina");
  g_assert_cmpuint (row->received, ==, 3);
  g_assert_cmpuint (row->resolved, ==, 2);
  row = find_row (report, PDW_REPORT_BY_OFFICER, "Budi");
  g_assert_cmpuint (row->received, ==, 2);
  g_assert_cmpuint (row->resolved, ==, 2);

  /* Every breakdown adds up to the headline. */
  for (guint b = 0; b < PDW_REPORT_N_BREAKDOWNS; b++)
    {
      GArray *rows = pdw_report_get_breakdown (report, b);
      guint sum = 0;

      for (guint i = 0; i < rows->len; i++)
        sum += g_array_index (rows, PdwReportRow, i).received;
      g_assert_cmpuint (sum, ==, 5);
    }
}

static void
test_series (void)
{
  g_autoptr(PdwReport) report = build_march (PDW_SLA_CLOCK_HOURS, 48);
  GArray *days = pdw_report_get_days (report);
  guint received = 0, resolved = 0;

  g_assert_cmpuint (days->len, ==, 31);
  g_assert_cmpint (g_array_index (days, PdwReportDay, 30).day, ==, 31);
  /* B on 31 March (WIB), resolutions on 2 (D), 3 (A), 12 (E), 18 (H). */
  g_assert_cmpuint (g_array_index (days, PdwReportDay, 30).received, ==, 1);
  g_assert_cmpuint (g_array_index (days, PdwReportDay, 30).citizen_messages, ==, 1);
  g_assert_cmpuint (g_array_index (days, PdwReportDay, 1).resolved, ==, 1);
  g_assert_cmpuint (g_array_index (days, PdwReportDay, 1).first_messages, ==, 1);
  for (guint i = 0; i < days->len; i++)
    {
      received += g_array_index (days, PdwReportDay, i).received;
      resolved += g_array_index (days, PdwReportDay, i).resolved;
    }
  g_assert_cmpuint (received, ==, 5);
  g_assert_cmpuint (resolved, ==, 4);

  /* Monday 08:00 twice; Tuesday 23:00 WIB (16:00 in UTC) once. */
  g_assert_cmpuint (pdw_report_get_hour_count (report, 0, 8), ==, 2);
  g_assert_cmpuint (pdw_report_get_hour_count (report, 1, 23), ==, 1);
  g_assert_cmpuint (pdw_report_get_hour_count (report, 1, 16), ==, 0);
}

static void
test_backlog_and_files (void)
{
  g_autoptr(PdwReport) report = build_march (PDW_SLA_CLOCK_HOURS, 48);
  GArray *files = pdw_report_get_files (report);
  const PdwReportFile *e_row, *b_row;

  /* B 30 minutes old at the month's end; G since 16 Mar 10:00: 15d 14h. */
  g_assert_cmpuint (pdw_report_get_backlog_count (report, PDW_REPORT_AGE_UNDER_1_DAY), ==, 1);
  g_assert_cmpuint (pdw_report_get_backlog_count (report, PDW_REPORT_AGE_7_30_DAYS), ==, 1);
  g_assert_cmpint (pdw_report_get_backlog_ages (report)->max, ==, 15 * DAY + 14 * HOUR);

  /* Open at some moment of March: E (reopened), D (carried over), A, F, H,
   * G, B, by registration; not C. */
  g_assert_cmpuint (files->len, ==, 7);
  e_row = &g_array_index (files, PdwReportFile, 0);
  g_assert_cmpstr (e_row->ticket, ==, "E");
  g_assert_cmpuint (e_row->reopened, ==, 1);
  g_assert_cmpint (e_row->resolution, ==, 2 * DAY);
  g_assert_cmpint (e_row->closed_at, ==, wib (3, 12, 10, 0));
  g_assert_cmpstr (e_row->nik_masked, ==, "1471********0006");
  b_row = &g_array_index (files, PdwReportFile, 6);
  g_assert_cmpstr (b_row->ticket, ==, "B");
  g_assert_cmpint (b_row->closed_at, ==, 0);
  g_assert_cmpstr (b_row->status, ==, "terdaftar");
  g_assert_cmpstr (b_row->kecamatan, ==, "");
  g_assert_cmpint (g_array_index (files, PdwReportFile, 2).rating, ==, 4);
  /* A's note after the resolution does not move its closing. */
  g_assert_cmpstr (g_array_index (files, PdwReportFile, 2).ticket, ==, "A");
  g_assert_cmpint (g_array_index (files, PdwReportFile, 2).closed_at, ==, wib (3, 3, 10, 5));
}

static void
test_satisfaction (void)
{
  g_autoptr(PdwReport) report = build_march (PDW_SLA_CLOCK_HOURS, 48);
  const PdwReportSatisfaction *sat = pdw_report_get_satisfaction (report);

  /* Asked in March: A, D, E, H.  Answered within 3 days: A (4), D (2); H's
   * rating came after 4 days.  Mean 3, index 75.00: grade C. */
  g_assert_cmpuint (sat->asked, ==, 4);
  g_assert_cmpuint (sat->answered, ==, 2);
  g_assert_cmpfloat (sat->response_rate, ==, 50);
  g_assert_cmpuint (sat->distribution[1], ==, 1);
  g_assert_cmpuint (sat->distribution[2], ==, 0);
  g_assert_cmpuint (sat->distribution[3], ==, 1);
  g_assert_cmpfloat (sat->index, ==, 75);
  g_assert_cmpint (sat->grade, ==, 'C');
  g_assert_cmpfloat (figure (report, PDW_REPORT_FIGURE_SATISFACTION_INDEX), ==, 75);

  g_assert_cmpint (pdw_report_satisfaction_grade (100), ==, 'A');
  g_assert_cmpint (pdw_report_satisfaction_grade (88.31), ==, 'A');
  g_assert_cmpint (pdw_report_satisfaction_grade (88.30), ==, 'B');
  g_assert_cmpint (pdw_report_satisfaction_grade (76.61), ==, 'B');
  g_assert_cmpint (pdw_report_satisfaction_grade (76.60), ==, 'C');
  g_assert_cmpint (pdw_report_satisfaction_grade (65.00), ==, 'C');
  g_assert_cmpint (pdw_report_satisfaction_grade (64.99), ==, 'D');
  g_assert_cmpint (pdw_report_satisfaction_grade (25.00), ==, 'D');
  g_assert_cmpint (pdw_report_satisfaction_grade (24.99), ==, '\0');
}

static void
test_rekapitulasi (void)
{
  g_autoptr(PdwReport) report = build_march (PDW_SLA_CLOCK_HOURS, 48);
  GArray *months = pdw_report_get_months (report);
  const PdwReportMonth *feb, *mar;

  /* The year to date: January, February, March. */
  g_assert_cmpuint (months->len, ==, 3);
  g_assert_cmpuint (g_array_index (months, PdwReportMonth, 0).received, ==, 0);
  feb = &g_array_index (months, PdwReportMonth, 1);
  g_assert_cmpuint (feb->received, ==, 2);
  g_assert_cmpuint (feb->resolved, ==, 1);
  g_assert_cmpuint (feb->open_at_end, ==, 1);
  mar = &g_array_index (months, PdwReportMonth, 2);
  g_assert_cmpuint (mar->received, ==, 5);
  g_assert_cmpuint (mar->resolved, ==, 4);
  g_assert_cmpuint (mar->carried_over, ==, 1);
  g_assert_cmpuint (mar->promise_kept, ==, 1);
  g_assert_cmpint (mar->resolution_median, ==, 172800);
  g_assert_cmpfloat (mar->satisfaction_index, ==, 75);
}

static void
test_format (void)
{
  g_autofree char *big = pdw_report_format_number (1234567.891, 2);
  g_autofree char *small = pdw_report_format_number (12.5, 1);
  g_autofree char *whole = pdw_report_format_number (999, 0);
  g_autofree char *duration = pdw_report_format_duration (2 * DAY + 3 * HOUR + 5);
  g_autofree char *zero = pdw_report_format_duration (0);

  g_assert_cmpstr (big, ==, "1.234.567,89");
  g_assert_cmpstr (small, ==, "12,5");
  g_assert_cmpstr (whole, ==, "999");
  g_assert_cmpstr (duration, ==, "2 hari 3 jam");
  g_assert_cmpstr (zero, ==, "0 detik");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/period", test_period);
  g_test_add_func ("/report/headline", test_headline);
  g_test_add_func ("/report/durations", test_durations);
  g_test_add_func ("/report/promise/clock-hours", test_promise_clock_hours);
  g_test_add_func ("/report/promise/working-days", test_promise_working_days);
  g_test_add_func ("/report/sop-steps", test_sop_steps);
  g_test_add_func ("/report/breakdowns", test_breakdowns);
  g_test_add_func ("/report/series", test_series);
  g_test_add_func ("/report/backlog-and-files", test_backlog_and_files);
  g_test_add_func ("/report/satisfaction", test_satisfaction);
  g_test_add_func ("/report/rekapitulasi", test_rekapitulasi);
  g_test_add_func ("/report/format", test_format);

  return g_test_run ();
}
