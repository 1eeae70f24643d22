/* pdw-desk-settings.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-desk-settings.h"

#define SHIPPED_OPEN_MINUTE  (8 * 60)
#define SHIPPED_CLOSE_MINUTE (16 * 60)

static guint
read_time_of_day (GSettings  *settings,
                  const char *key,
                  guint       fallback)
{
  g_autofree char *text = g_settings_get_string (settings, key);
  guint minute;

  if (!pdw_service_calendar_parse_time_of_day (text, &minute))
    {
      g_warning ("Setting %s “%s” is not a time of day (HH:MM); using the shipped hours",
                 key, text);
      return fallback;
    }

  return minute;
}

/* A list that cannot be read leaves the built-in one in force: the desk
 * keeps working, and Preferences shows which years are covered. */
static void
merge_office_holidays (PdwServiceCalendar *calendar,
                       GSettings          *settings)
{
  g_autofree char *path = g_settings_get_string (settings, "holidays-file");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (path[0] == '\0')
    return;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_warning ("Holiday list %s cannot be read, using the built-in one: %s", path, error->message);
      return;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (!pdw_service_calendar_merge_holidays (calendar, bytes, &error))
    g_warning ("Holiday list %s is not valid, using the built-in one: %s", path, error->message);
}

PdwServiceCalendar *
pdw_desk_settings_new_calendar (GSettings *settings)
{
  PdwServiceCalendar *calendar;
  g_autoptr(GVariant) days = NULL;
  const gint32 *day_values;
  gsize n_days = 0;
  g_autofree int *day_ints = NULL;
  guint open_minute, close_minute;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  calendar = pdw_service_calendar_new ();
  pdw_service_calendar_load_default_holidays (calendar);
  merge_office_holidays (calendar, settings);

  open_minute = read_time_of_day (settings, "service-hours-start", SHIPPED_OPEN_MINUTE);
  close_minute = read_time_of_day (settings, "service-hours-end", SHIPPED_CLOSE_MINUTE);
  if (close_minute <= open_minute)
    {
      open_minute = SHIPPED_OPEN_MINUTE;
      close_minute = SHIPPED_CLOSE_MINUTE;
    }

  days = g_settings_get_value (settings, "service-days");
  day_values = g_variant_get_fixed_array (days, &n_days, sizeof (gint32));
  day_ints = g_new0 (int, MAX (n_days, 1));
  for (gsize i = 0; i < n_days; i++)
    day_ints[i] = day_values[i];

  pdw_service_calendar_set_hours (calendar, day_ints, n_days, open_minute, close_minute);

  return calendar;
}

void
pdw_desk_settings_get_sla_policy (GSettings    *settings,
                                  PdwSlaPolicy *policy)
{
  g_autofree char *unit = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (policy != NULL);

  unit = g_settings_get_string (settings, "sla-unit");
  if (g_strcmp0 (unit, "working-days") == 0)
    {
      policy->unit = PDW_SLA_WORKING_DAYS;
      policy->amount = g_settings_get_uint (settings, "sla-working-days");
    }
  else
    {
      policy->unit = PDW_SLA_CLOCK_HOURS;
      policy->amount = g_settings_get_uint (settings, "sla-hours");
    }
}

gint64
pdw_desk_settings_get_due_soon_seconds (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), 0);

  return (gint64) g_settings_get_uint (settings, "due-soon-hours") * 3600;
}
