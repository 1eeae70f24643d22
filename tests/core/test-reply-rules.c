/* test-reply-rules.c: the 24-hour customer-service window and the
 * out-of-hours automatic reply.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/pdw-reply-rules.h"

static gint64
wib (int y, int mo, int d, int h, int mi, int s)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (y, mo, d, h, mi, s);

  return g_date_time_to_unix (utc) - 7 * 3600;
}

static void
test_window_boundaries (void)
{
  const gint64 last = wib (2026, 1, 12, 21, 0, 0);
  const gint64 day = 24 * 3600;

  g_assert_true (pdw_service_window_is_open (last, last));
  g_assert_cmpint (pdw_service_window_remaining (last, last), ==, day);
  g_assert_true (pdw_service_window_is_open (last, last + day - 1));
  g_assert_cmpint (pdw_service_window_remaining (last, last + day - 1), ==, 1);
  g_assert_false (pdw_service_window_is_open (last, last + day));
  g_assert_cmpint (pdw_service_window_remaining (last, last + day), ==, 0);
  g_assert_false (pdw_service_window_is_open (last, last + 3 * day));
  g_assert_cmpint (pdw_service_window_remaining (last, last + 3 * day), ==, 0);
  g_assert_cmpint (pdw_service_window_closes_at (last), ==, last + day);

  /* Our clock behind the citizen's timestamp: still at most 24 hours. */
  g_assert_true (pdw_service_window_is_open (last, last - 600));
  g_assert_cmpint (pdw_service_window_remaining (last, last - 600), ==, day);

  /* Never wrote: closed, only templates may be sent. */
  g_assert_false (pdw_service_window_is_open (-1, last));
  g_assert_cmpint (pdw_service_window_remaining (-1, last), ==, 0);
  g_assert_cmpint (pdw_service_window_closes_at (-1), ==, -1);
}

static void
test_window_refreshed_by_inbound_only (void)
{
  /* The caller passes the last INBOUND time: an outbound reply an hour
   * later does not move it, a new inbound message does. */
  const gint64 inbound = wib (2026, 1, 12, 9, 0, 0);
  const gint64 check = inbound + 24 * 3600 + 60;

  g_assert_false (pdw_service_window_is_open (inbound, check));
  g_assert_true (pdw_service_window_is_open (inbound + 7200, check));
}

static void
test_auto_reply_hours (void)
{
  g_autoptr(PdwServiceCalendar) cal = pdw_service_calendar_new ();

  /* During service hours: never (an officer answers). */
  g_assert_false (pdw_auto_reply_should_send (cal, wib (2026, 1, 12, 10, 0, 0), -1));
  g_assert_false (pdw_auto_reply_should_send (cal, wib (2026, 1, 12, 8, 0, 0), -1));
  /* Outside: the first message gets one. */
  g_assert_true (pdw_auto_reply_should_send (cal, wib (2026, 1, 12, 16, 0, 0), -1));
  g_assert_true (pdw_auto_reply_should_send (cal, wib (2026, 1, 12, 7, 59, 59), -1));
  g_assert_true (pdw_auto_reply_should_send (cal, wib (2026, 1, 10, 12, 0, 0), -1));   /* Saturday noon */
}

static void
test_auto_reply_holiday (void)
{
  g_autoptr(PdwServiceCalendar) cal = pdw_service_calendar_new ();
  g_autoptr(GDate) day = g_date_new_dmy (16, 1, 2026);

  pdw_service_calendar_add_holiday (cal, day, "Isra Mikraj Nabi Muhammad SAW");
  /* Friday 10:00 on a holiday: closed, so an auto-reply. */
  g_assert_true (pdw_auto_reply_should_send (cal, wib (2026, 1, 16, 10, 0, 0), -1));
}

static void
test_auto_reply_once_per_wib_day (void)
{
  g_autoptr(PdwServiceCalendar) cal = pdw_service_calendar_new ();
  const gint64 first = wib (2026, 1, 12, 18, 0, 0);           /* Monday evening */

  /* Same WIB evening: no second auto-reply. */
  g_assert_false (pdw_auto_reply_should_send (cal, wib (2026, 1, 12, 19, 0, 0), first));
  g_assert_false (pdw_auto_reply_should_send (cal, wib (2026, 1, 12, 23, 59, 59), first));
  /* 00:00 WIB Tuesday is 17:00 UTC Monday: a new WIB day, so one more. */
  g_assert_true (pdw_auto_reply_should_send (cal, wib (2026, 1, 13, 0, 0, 0), first));
  g_assert_true (pdw_auto_reply_should_send (cal, wib (2026, 1, 13, 6, 30, 0), first));

  /* Early morning reply at 06:00 WIB (23:00 UTC the day before): the same
   * WIB day's 07:00 gets none, although the UTC dates differ. */
  {
    const gint64 early = wib (2026, 1, 13, 6, 0, 0);

    g_assert_false (pdw_auto_reply_should_send (cal, wib (2026, 1, 13, 7, 0, 0), early));
    g_assert_false (pdw_auto_reply_should_send (cal, wib (2026, 1, 13, 17, 0, 0), early));
    g_assert_true (pdw_auto_reply_should_send (cal, wib (2026, 1, 14, 6, 0, 0), early));
  }

  /* A weekend: Saturday and Sunday are separate days, one each. */
  {
    const gint64 sat = wib (2026, 1, 10, 9, 0, 0);

    g_assert_false (pdw_auto_reply_should_send (cal, wib (2026, 1, 10, 21, 0, 0), sat));
    g_assert_true (pdw_auto_reply_should_send (cal, wib (2026, 1, 11, 9, 0, 0), sat));
  }

  /* A late webhook retry older than the last auto-reply: none. */
  g_assert_false (pdw_auto_reply_should_send (cal, wib (2026, 1, 11, 22, 0, 0), first));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reply-rules/window-boundaries", test_window_boundaries);
  g_test_add_func ("/reply-rules/window-refreshed-by-inbound-only", test_window_refreshed_by_inbound_only);
  g_test_add_func ("/reply-rules/auto-reply-hours", test_auto_reply_hours);
  g_test_add_func ("/reply-rules/auto-reply-holiday", test_auto_reply_holiday);
  g_test_add_func ("/reply-rules/auto-reply-once-per-wib-day", test_auto_reply_once_per_wib_day);

  return g_test_run ();
}
