/* pdw-reply-rules.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-reply-rules.h"

gint64
pdw_service_window_closes_at (gint64 last_inbound)
{
  if (last_inbound < 0)
    return -1;

  return last_inbound + PDW_SERVICE_WINDOW_SECONDS;
}

gboolean
pdw_service_window_is_open (gint64 last_inbound,
                            gint64 now)
{
  return pdw_service_window_remaining (last_inbound, now) > 0;
}

gint64
pdw_service_window_remaining (gint64 last_inbound,
                              gint64 now)
{
  gint64 closes_at = pdw_service_window_closes_at (last_inbound);

  if (closes_at < 0 || now >= closes_at)
    return 0;

  /* A clock skewed behind the citizen's timestamp must not stretch the
   * window beyond 24 hours. */
  return MIN (closes_at - now, PDW_SERVICE_WINDOW_SECONDS);
}

static gboolean
same_wib_day (GTimeZone *tz,
              gint64     a,
              gint64     b)
{
  g_autoptr(GDateTime) utc_a = g_date_time_new_from_unix_utc (a);
  g_autoptr(GDateTime) utc_b = g_date_time_new_from_unix_utc (b);
  g_autoptr(GDateTime) local_a = g_date_time_to_timezone (utc_a, tz);
  g_autoptr(GDateTime) local_b = g_date_time_to_timezone (utc_b, tz);

  return g_date_time_get_year (local_a) == g_date_time_get_year (local_b) &&
         g_date_time_get_day_of_year (local_a) == g_date_time_get_day_of_year (local_b);
}

gboolean
pdw_auto_reply_should_send (PdwServiceCalendar *cal,
                            gint64              message_time,
                            gint64              last_auto_reply_time)
{
  g_return_val_if_fail (PDW_IS_SERVICE_CALENDAR (cal), FALSE);

  if (pdw_service_calendar_is_open (cal, message_time))
    return FALSE;

  if (last_auto_reply_time < 0)
    return TRUE;

  /* A webhook retry can bring an old message after a newer one was
   * already answered: the citizen has had the reply. */
  if (message_time < last_auto_reply_time)
    return FALSE;

  return !same_wib_day (pdw_service_calendar_get_timezone (cal),
                        message_time, last_auto_reply_time);
}
