/* test-service-calendar.c: service hours, holidays and SLA deadlines in WIB.
 * The tests run with TZ=UTC, so any use of the local time zone instead of
 * WIB shows up as a seven-hour error.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-service-calendar.h"

/* Unix time of a WIB wall-clock moment, built independently of the code
 * under test: WIB is UTC+7 without DST. */
static gint64
wib (int y, int mo, int d, int h, int mi, int s)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (y, mo, d, h, mi, s);

  return g_date_time_to_unix (utc) - 7 * 3600;
}

static GDate *
date_new (int y, int m, int d)
{
  return g_date_new_dmy (d, m, y);
}

static PdwServiceCalendar *
calendar_with_default_holidays (void)
{
  PdwServiceCalendar *cal = pdw_service_calendar_new ();

  pdw_service_calendar_load_default_holidays (cal);
  return cal;
}

static void
assert_time_eq (gint64 got, gint64 expected)
{
  if (got != expected)
    {
      g_autoptr(GDateTime) a = g_date_time_new_from_unix_utc (got);
      g_autoptr(GDateTime) b = g_date_time_new_from_unix_utc (expected);
      g_autofree char *sa = a ? g_date_time_format_iso8601 (a) : g_strdup ("(invalid)");
      g_autofree char *sb = b ? g_date_time_format_iso8601 (b) : g_strdup ("(invalid)");

      g_error ("got %s (%" G_GINT64_FORMAT "), expected %s (%" G_GINT64_FORMAT ")",
               sa, got, sb, expected);
    }
}

static void
test_default_hours (void)
{
  g_autoptr(PdwServiceCalendar) cal = pdw_service_calendar_new ();

  /* Monday 2026-01-05. */
  g_assert_false (pdw_service_calendar_is_open (cal, wib (2026, 1, 5, 7, 59, 59)));
  g_assert_true (pdw_service_calendar_is_open (cal, wib (2026, 1, 5, 8, 0, 0)));
  g_assert_true (pdw_service_calendar_is_open (cal, wib (2026, 1, 5, 15, 59, 59)));
  g_assert_false (pdw_service_calendar_is_open (cal, wib (2026, 1, 5, 16, 0, 0)));
  /* Friday open, Saturday and Sunday closed. */
  g_assert_true (pdw_service_calendar_is_open (cal, wib (2026, 1, 9, 10, 0, 0)));
  g_assert_false (pdw_service_calendar_is_open (cal, wib (2026, 1, 10, 10, 0, 0)));
  g_assert_false (pdw_service_calendar_is_open (cal, wib (2026, 1, 11, 10, 0, 0)));
  /* 10:00 WIB Monday is 03:00 UTC: a calendar in UTC would call it closed. */
  g_assert_true (pdw_service_calendar_is_open (cal, wib (2026, 1, 5, 10, 0, 0)));
  /* 20:00 UTC Monday is 03:00 WIB Tuesday: closed, though 20:00 UTC looks like nothing special. */
  g_assert_false (pdw_service_calendar_is_open (cal, wib (2026, 1, 6, 3, 0, 0)));
}

static void
test_wib_has_no_dst (void)
{
  g_autoptr(GTimeZone) tz = pdw_time_zone_new_wib ();
  gint64 moments[] = { wib (2025, 1, 15, 12, 0, 0), wib (2026, 6, 15, 12, 0, 0),
                       wib (2026, 12, 15, 12, 0, 0), wib (2027, 3, 28, 3, 0, 0) };
  g_autoptr(PdwServiceCalendar) cal = pdw_service_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (moments[i]);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

      g_assert_cmpint (g_date_time_get_utc_offset (local), ==, G_GINT64_CONSTANT (7) * G_TIME_SPAN_HOUR);
      g_assert_cmpint (g_date_time_get_hour (local), ==, i == 3 ? 3 : 12);
    }

  /* Mondays in June and December open at the same UTC instant of day. */
  g_assert_true (pdw_service_calendar_is_open (cal, wib (2026, 6, 15, 8, 0, 0)));
  g_assert_false (pdw_service_calendar_is_open (cal, wib (2026, 6, 15, 8, 0, 0) - 1));
  g_assert_true (pdw_service_calendar_is_open (cal, wib (2026, 12, 14, 8, 0, 0)));
  g_assert_false (pdw_service_calendar_is_open (cal, wib (2026, 12, 14, 8, 0, 0) - 1));
}

static const char test_ini[] =
  "# synthetic test list\n"
  "[holidays]\n"
  "2030-01-01=Tahun Baru\n"
  "2030-01-02 = Cuti Bersama Uji\n";

static void
test_load_holidays (void)
{
  g_autoptr(PdwServiceCalendar) cal = pdw_service_calendar_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (test_ini, strlen (test_ini));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) d1 = date_new (2030, 1, 1);
  g_autoptr(GDate) d2 = date_new (2030, 1, 2);
  g_autoptr(GDate) d3 = date_new (2030, 1, 3);

  g_assert_true (pdw_service_calendar_load_holidays (cal, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdw_service_calendar_get_n_holidays (cal), ==, 2);
  g_assert_cmpstr (pdw_service_calendar_get_holiday (cal, d1), ==, "Tahun Baru");
  g_assert_cmpstr (pdw_service_calendar_get_holiday (cal, d2), ==, "Cuti Bersama Uji");
  g_assert_null (pdw_service_calendar_get_holiday (cal, d3));

  /* 2030-01-01 is a Tuesday: a weekday, but not a service day. */
  g_assert_cmpint (g_date_get_weekday (d1), ==, G_DATE_TUESDAY);
  g_assert_false (pdw_service_calendar_is_service_day (cal, d1));
  g_assert_false (pdw_service_calendar_is_service_day (cal, d2));
  g_assert_true (pdw_service_calendar_is_service_day (cal, d3));
  g_assert_false (pdw_service_calendar_is_open (cal, wib (2030, 1, 1, 10, 0, 0)));
  g_assert_true (pdw_service_calendar_is_open (cal, wib (2030, 1, 3, 10, 0, 0)));
}

static void
test_load_holidays_invalid (void)
{
  const char *bad[] = {
    "[holidays]\n2030-02-30=Tidak Ada\n",
    "[holidays]\n2030-1-5=Format Salah\n",
    "[holidays]\nbesok=Bukan Tanggal\n",
    "[libur]\n2030-01-01=Grup Salah\n",
    "this is not a key file\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(PdwServiceCalendar) cal = pdw_service_calendar_new ();
      g_autoptr(GBytes) good = g_bytes_new_static (test_ini, strlen (test_ini));
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(GDate) d1 = date_new (2030, 1, 1);

      g_assert_true (pdw_service_calendar_load_holidays (cal, good, NULL));
      g_assert_false (pdw_service_calendar_load_holidays (cal, bytes, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == G_KEY_FILE_ERROR);
      /* A broken file leaves the previous list in place. */
      g_assert_cmpuint (pdw_service_calendar_get_n_holidays (cal), ==, 2);
      g_assert_cmpstr (pdw_service_calendar_get_holiday (cal, d1), ==, "Tahun Baru");
    }
}

static void
test_default_holidays (void)
{
  g_autoptr(PdwServiceCalendar) cal = calendar_with_default_holidays ();
  g_autoptr(PdwServiceCalendar) from_file = pdw_service_calendar_new ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  struct { int y, m, d; const char *contains; } days[] = {
    { 2025, 1, 1, "Tahun Baru" },
    { 2025, 4, 7, "Cuti Bersama Idulfitri" },
    { 2025, 8, 18, "Cuti Bersama" },
    { 2026, 1, 16, "Isra Mikraj" },
    { 2026, 3, 20, "Cuti Bersama Idulfitri" },
    { 2026, 3, 21, "Idulfitri 1447" },
    { 2026, 8, 17, "Kemerdekaan" },
    { 2026, 12, 24, "Cuti Bersama" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GDate) date = date_new (days[i].y, days[i].m, days[i].d);
      const char *name = pdw_service_calendar_get_holiday (cal, date);

      g_assert_nonnull (name);
      g_assert_nonnull (strstr (name, days[i].contains));
    }

  /* The compiled-in list is the file in data/, not a stale copy. */
  path = g_build_filename (g_getenv ("PANDAWA_SOURCE_ROOT"), "data", "holidays-id.ini", NULL);
  g_assert_true (pdw_service_calendar_load_holidays_from_file (from_file, path, &error));
  g_assert_no_error (error);
  /* 2025: 17 holidays + 10 cuti bersama + 18 August; 2026: 17 + 8. */
  g_assert_cmpuint (pdw_service_calendar_get_n_holidays (cal), ==, 28 + 25);
  g_assert_cmpuint (pdw_service_calendar_get_n_holidays (from_file), ==,
                    pdw_service_calendar_get_n_holidays (cal));
}

static void
test_load_from_missing_file (void)
{
  g_autoptr(PdwServiceCalendar) cal = pdw_service_calendar_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (pdw_service_calendar_load_holidays_from_file (cal, "/nonexistent/holidays.ini", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* How an office adds a year the built-in list lacks: the file's days join
 * the list, a date in both takes the file's name, a broken file changes
 * nothing. */
static void
test_merge_holidays (void)
{
  g_autoptr(PdwServiceCalendar) cal = calendar_with_default_holidays ();
  const char *extra = "[holidays]\n"
                      "2027-01-01=Tahun Baru 2027 Masehi\n"
                      "2026-12-24=Cuti Bersama (diubah)\n";
  const char *broken = "[holidays]\n2027-02-30=Tidak Ada\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (extra, strlen (extra));
  g_autoptr(GBytes) bad = g_bytes_new_static (broken, strlen (broken));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) new_year = date_new (2027, 1, 1);
  g_autoptr(GDate) changed = date_new (2026, 12, 24);
  g_autoptr(GDate) kept = date_new (2026, 8, 17);
  guint before = pdw_service_calendar_get_n_holidays (cal);
  guint first = 0, last = 0;

  g_assert_true (pdw_service_calendar_get_holiday_years (cal, &first, &last));
  g_assert_cmpuint (first, ==, 2025);
  g_assert_cmpuint (last, ==, 2026);

  g_assert_true (pdw_service_calendar_merge_holidays (cal, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdw_service_calendar_get_n_holidays (cal), ==, before + 1);
  g_assert_cmpstr (pdw_service_calendar_get_holiday (cal, new_year), ==, "Tahun Baru 2027 Masehi");
  g_assert_cmpstr (pdw_service_calendar_get_holiday (cal, changed), ==, "Cuti Bersama (diubah)");
  g_assert_nonnull (pdw_service_calendar_get_holiday (cal, kept));
  g_assert_false (pdw_service_calendar_is_open (cal, wib (2027, 1, 1, 10, 0, 0)));
  g_assert_true (pdw_service_calendar_get_holiday_years (cal, &first, &last));
  g_assert_cmpuint (last, ==, 2027);

  g_assert_false (pdw_service_calendar_merge_holidays (cal, bad, &error));
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE);
  g_assert_cmpuint (pdw_service_calendar_get_n_holidays (cal), ==, before + 1);
}

static void
test_uncovered_year (void)
{
  g_autoptr(PdwServiceCalendar) cal = calendar_with_default_holidays ();
  g_autoptr(PdwServiceCalendar) empty = pdw_service_calendar_new ();
  const char *next = "[holidays]\n2027-01-01=Tahun Baru 2027 Masehi\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (next, strlen (next));
  g_autoptr(GDateTime) june = g_date_time_new_from_unix_utc (wib (2026, 6, 15, 10, 0, 0));
  g_autoptr(GDateTime) october = g_date_time_new_from_unix_utc (wib (2026, 10, 31, 23, 0, 0));
  /* 1 November 00:30 WIB is still 31 October in UTC: the office's date counts. */
  g_autoptr(GDateTime) november = g_date_time_new_from_unix_utc (wib (2026, 11, 1, 0, 30, 0));
  g_autoptr(GDateTime) later = g_date_time_new_from_unix_utc (wib (2028, 3, 1, 10, 0, 0));
  guint first, last;

  g_assert_cmpuint (pdw_service_calendar_find_uncovered_year (cal, june), ==, 0);
  g_assert_cmpuint (pdw_service_calendar_find_uncovered_year (cal, october), ==, 0);
  g_assert_cmpuint (pdw_service_calendar_find_uncovered_year (cal, november), ==, 2027);
  g_assert_cmpuint (pdw_service_calendar_find_uncovered_year (cal, later), ==, 2028);
  g_assert_cmpuint (pdw_service_calendar_find_uncovered_year (empty, june), ==, 2026);
  g_assert_false (pdw_service_calendar_get_holiday_years (empty, &first, &last));

  g_assert_true (pdw_service_calendar_merge_holidays (cal, bytes, NULL));
  g_assert_cmpuint (pdw_service_calendar_find_uncovered_year (cal, november), ==, 0);
}

static void
test_next_opening (void)
{
  g_autoptr(PdwServiceCalendar) cal = calendar_with_default_holidays ();
  struct { gint64 t, expected; } cases[] = {
    /* open: the moment itself */
    { wib (2026, 1, 5, 9, 15, 30), wib (2026, 1, 5, 9, 15, 30) },
    /* before opening on a service day */
    { wib (2026, 1, 5, 6, 0, 0), wib (2026, 1, 5, 8, 0, 0) },
    /* at closing time: the next morning */
    { wib (2026, 1, 5, 16, 0, 0), wib (2026, 1, 6, 8, 0, 0) },
    /* 01:00 WIB Wednesday is 18:00 UTC Tuesday: across midnight WIB */
    { wib (2026, 1, 7, 1, 0, 0), wib (2026, 1, 7, 8, 0, 0) },
    { wib (2026, 1, 6, 23, 59, 59), wib (2026, 1, 7, 8, 0, 0) },
    /* Friday evening: Monday */
    { wib (2026, 1, 9, 17, 0, 0), wib (2026, 1, 12, 8, 0, 0) },
    /* Thursday evening before Isra Mikraj (Friday 16 January): Monday 19 */
    { wib (2026, 1, 15, 17, 0, 0), wib (2026, 1, 19, 8, 0, 0) },
    /* month end: Friday 30 January evening to Monday 2 February */
    { wib (2026, 1, 30, 18, 0, 0), wib (2026, 2, 2, 8, 0, 0) },
    /* Nyepi and Idulfitri 2026: closed 18-24 March */
    { wib (2026, 3, 17, 16, 30, 0), wib (2026, 3, 25, 8, 0, 0) },
    /* year end 2026: 24-25 December, then the weekend */
    { wib (2026, 12, 23, 17, 0, 0), wib (2026, 12, 28, 8, 0, 0) },
    /* on a holiday morning */
    { wib (2025, 4, 2, 9, 0, 0), wib (2025, 4, 8, 8, 0, 0) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      assert_time_eq (pdw_service_calendar_next_opening (cal, cases[i].t), cases[i].expected);
    }
}

static void
test_several_periods (void)
{
  g_autoptr(PdwServiceCalendar) cal = pdw_service_calendar_new ();
  /* Friday with a prayer break: 08:00-11:30 and 13:30-16:30. */
  pdw_service_calendar_clear_hours (cal, G_DATE_FRIDAY);
  pdw_service_calendar_add_hours (cal, G_DATE_FRIDAY, 13 * 60 + 30, 16 * 60 + 30);
  pdw_service_calendar_add_hours (cal, G_DATE_FRIDAY, 8 * 60, 11 * 60 + 30);

  g_assert_true (pdw_service_calendar_is_open (cal, wib (2026, 1, 9, 11, 29, 59)));
  g_assert_false (pdw_service_calendar_is_open (cal, wib (2026, 1, 9, 11, 30, 0)));
  g_assert_false (pdw_service_calendar_is_open (cal, wib (2026, 1, 9, 12, 0, 0)));
  g_assert_true (pdw_service_calendar_is_open (cal, wib (2026, 1, 9, 16, 15, 0)));
  assert_time_eq (pdw_service_calendar_next_opening (cal, wib (2026, 1, 9, 12, 0, 0)),
                  wib (2026, 1, 9, 13, 30, 0));
  assert_time_eq (pdw_service_calendar_next_opening (cal, wib (2026, 1, 9, 7, 0, 0)),
                  wib (2026, 1, 9, 8, 0, 0));

  /* Closed every day: no opening at all. */
  for (int d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    pdw_service_calendar_clear_hours (cal, d);
  g_assert_cmpint (pdw_service_calendar_next_opening (cal, wib (2026, 1, 9, 7, 0, 0)), ==, -1);
}

static void
test_set_hours_from_settings (void)
{
  g_autoptr(PdwServiceCalendar) cal = pdw_service_calendar_new ();
  const int days[] = { 1, 2, 3, 4, 5, 6, 6 };
  guint open, close;

  g_assert_true (pdw_service_calendar_parse_time_of_day ("07:30", &open));
  g_assert_true (pdw_service_calendar_parse_time_of_day ("15:00", &close));
  pdw_service_calendar_set_hours (cal, days, G_N_ELEMENTS (days), open, close);

  g_assert_true (pdw_service_calendar_is_open (cal, wib (2026, 1, 10, 7, 30, 0)));   /* Saturday */
  g_assert_false (pdw_service_calendar_is_open (cal, wib (2026, 1, 10, 15, 0, 0)));
  g_assert_false (pdw_service_calendar_is_open (cal, wib (2026, 1, 11, 10, 0, 0)));  /* Sunday */
  g_assert_false (pdw_service_calendar_is_open (cal, wib (2026, 1, 12, 7, 29, 59))); /* Monday */
}

static void
test_parse_time_of_day (void)
{
  struct { const char *in; guint out; } good[] = {
    { "00:00", 0 }, { "08:00", 480 }, { "16:30", 990 }, { "23:59", 1439 }, { "24:00", 1440 }, { "7:05", 425 },
  };
  const char *bad[] = { NULL, "", "8", "08:60", "25:00", "24:01", "ab:cd", "08:0", "08:00:00", "-1:00", " 8:00" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      guint m = 9999;

      g_assert_true (pdw_service_calendar_parse_time_of_day (good[i].in, &m));
      g_assert_cmpuint (m, ==, good[i].out);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      guint m = 9999;

      g_assert_false (pdw_service_calendar_parse_time_of_day (bad[i], &m));
      g_assert_cmpuint (m, ==, 9999);
    }
}

static void
test_due_clock_hours (void)
{
  g_autoptr(PdwServiceCalendar) cal = calendar_with_default_holidays ();
  PdwSlaPolicy policy = { PDW_SLA_CLOCK_HOURS, PDW_SLA_DEFAULT_HOURS };

  /* 48 wall-clock hours whatever the calendar: Friday 15:00 -> Sunday 15:00. */
  assert_time_eq (pdw_service_calendar_compute_due (cal, &policy, wib (2026, 1, 9, 15, 0, 0)),
                  wib (2026, 1, 11, 15, 0, 0));
  /* Across a month end and Idulfitri, still 48 hours. */
  assert_time_eq (pdw_service_calendar_compute_due (cal, &policy, wib (2026, 3, 31, 22, 0, 0)),
                  wib (2026, 4, 2, 22, 0, 0));
  assert_time_eq (pdw_service_calendar_compute_due (cal, &policy, wib (2026, 3, 20, 3, 0, 0)),
                  wib (2026, 3, 22, 3, 0, 0));

  policy.amount = 72;  /* Depok's 3x24 jam */
  assert_time_eq (pdw_service_calendar_compute_due (cal, &policy, wib (2026, 1, 5, 9, 0, 0)),
                  wib (2026, 1, 8, 9, 0, 0));
}

static void
test_due_working_days (void)
{
  g_autoptr(PdwServiceCalendar) cal = calendar_with_default_holidays ();
  PdwSlaPolicy policy = { PDW_SLA_WORKING_DAYS, 2 };
  struct { gint64 start, expected; } cases[] = {
    /* Monday 10:00 -> Wednesday 10:00 */
    { wib (2026, 1, 12, 10, 0, 0), wib (2026, 1, 14, 10, 0, 0) },
    /* Thursday before the Friday holiday and the weekend -> Tuesday */
    { wib (2026, 1, 15, 10, 0, 0), wib (2026, 1, 20, 10, 0, 0) },
    /* Friday 15:00 -> Tuesday 15:00 (the weekend does not count) */
    { wib (2026, 1, 9, 15, 0, 0), wib (2026, 1, 13, 15, 0, 0) },
    /* started on Saturday evening: counting starts Monday 08:00 */
    { wib (2026, 1, 10, 20, 0, 0), wib (2026, 1, 14, 8, 0, 0) },
    /* after closing on Monday: counting starts Tuesday 08:00 */
    { wib (2026, 1, 12, 17, 0, 0), wib (2026, 1, 15, 8, 0, 0) },
    /* 02:00 WIB Tuesday (19:00 UTC Monday): counting starts Tuesday 08:00 */
    { wib (2026, 1, 13, 2, 0, 0), wib (2026, 1, 15, 8, 0, 0) },
    /* month end and Hari Buruh (Friday 1 May): Thursday 30 April -> Tuesday 5 May */
    { wib (2026, 4, 30, 10, 0, 0), wib (2026, 5, 5, 10, 0, 0) },
    /* the long Idulfitri break 2026 */
    { wib (2026, 3, 17, 11, 0, 0), wib (2026, 3, 26, 11, 0, 0) },
    /* year end 2025 into 2026: Wednesday 24 Dec -> 25, 26 off, weekend, Mon 29 (1), Tue 30 (2) */
    { wib (2025, 12, 24, 9, 30, 0), wib (2025, 12, 30, 9, 30, 0) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      assert_time_eq (pdw_service_calendar_compute_due (cal, &policy, cases[i].start), cases[i].expected);
    }

  /* Zero days: the promise falls due when the service opens. */
  policy.amount = 0;
  assert_time_eq (pdw_service_calendar_compute_due (cal, &policy, wib (2026, 1, 10, 20, 0, 0)),
                  wib (2026, 1, 12, 8, 0, 0));
}

static void
test_due_working_days_short_day (void)
{
  g_autoptr(PdwServiceCalendar) cal = pdw_service_calendar_new ();
  PdwSlaPolicy policy = { PDW_SLA_WORKING_DAYS, 1 };

  /* Friday closes at 11:00 with a second period 14:00-15:00. */
  pdw_service_calendar_clear_hours (cal, G_DATE_FRIDAY);
  pdw_service_calendar_add_hours (cal, G_DATE_FRIDAY, 8 * 60, 11 * 60);
  pdw_service_calendar_add_hours (cal, G_DATE_FRIDAY, 14 * 60, 15 * 60);

  /* Thursday 12:00 + 1 day: Friday 12:00 is in the break -> pulled back to 11:00. */
  assert_time_eq (pdw_service_calendar_compute_due (cal, &policy, wib (2026, 1, 8, 12, 0, 0)),
                  wib (2026, 1, 9, 11, 0, 0));
  /* Thursday 15:30 -> Friday has closed by then -> its last closing, 15:00. */
  assert_time_eq (pdw_service_calendar_compute_due (cal, &policy, wib (2026, 1, 8, 15, 30, 0)),
                  wib (2026, 1, 9, 15, 0, 0));
  /* Thursday 10:00 -> Friday 10:00, open. */
  assert_time_eq (pdw_service_calendar_compute_due (cal, &policy, wib (2026, 1, 8, 10, 0, 0)),
                  wib (2026, 1, 9, 10, 0, 0));
}

static void
test_classify (void)
{
  const gint64 due = wib (2026, 1, 14, 10, 0, 0);
  const gint64 hour = 3600;

  g_assert_cmpint (pdw_sla_classify (due, due - 5 * hour, 4 * hour), ==, PDW_SLA_ON_TIME);
  g_assert_cmpint (pdw_sla_classify (due, due - 4 * hour - 1, 4 * hour), ==, PDW_SLA_ON_TIME);
  g_assert_cmpint (pdw_sla_classify (due, due - 4 * hour, 4 * hour), ==, PDW_SLA_DUE_SOON);
  g_assert_cmpint (pdw_sla_classify (due, due, 4 * hour), ==, PDW_SLA_DUE_SOON);
  g_assert_cmpint (pdw_sla_classify (due, due + 1, 4 * hour), ==, PDW_SLA_OVERDUE);
  g_assert_cmpint (pdw_sla_classify (due, due + 30 * 24 * hour, 4 * hour), ==, PDW_SLA_OVERDUE);
  g_assert_cmpint (pdw_sla_classify (due, due - 1, 0), ==, PDW_SLA_ON_TIME);
  g_assert_cmpint (pdw_sla_classify (-1, due, 4 * hour), ==, PDW_SLA_ON_TIME);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/service-calendar/default-hours", test_default_hours);
  g_test_add_func ("/service-calendar/wib-has-no-dst", test_wib_has_no_dst);
  g_test_add_func ("/service-calendar/load-holidays", test_load_holidays);
  g_test_add_func ("/service-calendar/load-holidays-invalid", test_load_holidays_invalid);
  g_test_add_func ("/service-calendar/default-holidays", test_default_holidays);
  g_test_add_func ("/service-calendar/load-from-missing-file", test_load_from_missing_file);
  g_test_add_func ("/service-calendar/merge-holidays", test_merge_holidays);
  g_test_add_func ("/service-calendar/uncovered-year", test_uncovered_year);
  g_test_add_func ("/service-calendar/next-opening", test_next_opening);
  g_test_add_func ("/service-calendar/several-periods", test_several_periods);
  g_test_add_func ("/service-calendar/set-hours-from-settings", test_set_hours_from_settings);
  g_test_add_func ("/service-calendar/parse-time-of-day", test_parse_time_of_day);
  g_test_add_func ("/service-calendar/due-clock-hours", test_due_clock_hours);
  g_test_add_func ("/service-calendar/due-working-days", test_due_working_days);
  g_test_add_func ("/service-calendar/due-working-days-short-day", test_due_working_days_short_day);
  g_test_add_func ("/service-calendar/classify", test_classify);

  return g_test_run ();
}
