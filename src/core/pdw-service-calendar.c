/* pdw-service-calendar.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pdw-holidays-data.h"
#include "pdw-service-calendar.h"

#define MINUTES_PER_DAY  (24 * 60)
/* How far ahead to look for an opening: a calendar closed for longer than
 * this is misconfigured, not a long holiday. */
#define MAX_DAYS_AHEAD   (2 * 366)

typedef struct
{
  guint16 open;    /* minutes after midnight WIB */
  guint16 close;
} Period;

struct _PdwServiceCalendar
{
  GObject     parent_instance;

  GTimeZone  *tz;
  GArray     *hours[8];     /* Period, sorted by open; index G_DATE_MONDAY .. G_DATE_SUNDAY */
  GHashTable *holidays;     /* julian day -> name */
};

G_DEFINE_FINAL_TYPE (PdwServiceCalendar, pdw_service_calendar, G_TYPE_OBJECT)

static void
pdw_service_calendar_finalize (GObject *object)
{
  PdwServiceCalendar *self = (PdwServiceCalendar *)object;

  g_clear_pointer (&self->tz, g_time_zone_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->hours); i++)
    g_clear_pointer (&self->hours[i], g_array_unref);
  g_clear_pointer (&self->holidays, g_hash_table_unref);

  G_OBJECT_CLASS (pdw_service_calendar_parent_class)->finalize (object);
}

static void
pdw_service_calendar_class_init (PdwServiceCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pdw_service_calendar_finalize;
}

static void
pdw_service_calendar_init (PdwServiceCalendar *self)
{
  self->tz = pdw_time_zone_new_wib ();
  for (guint i = G_DATE_MONDAY; i <= G_DATE_SUNDAY; i++)
    self->hours[i] = g_array_new (FALSE, FALSE, sizeof (Period));
  self->holidays = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = G_DATE_MONDAY; i <= G_DATE_FRIDAY; i++)
    pdw_service_calendar_add_hours (self, i, 8 * 60, 16 * 60);
}

PdwServiceCalendar *
pdw_service_calendar_new (void)
{
  return g_object_new (PDW_TYPE_SERVICE_CALENDAR, NULL);
}

GTimeZone *
pdw_service_calendar_get_timezone (PdwServiceCalendar *self)
{
  g_return_val_if_fail (PDW_IS_SERVICE_CALENDAR (self), NULL);

  return self->tz;
}

/* Hours --------------------------------------------------------------- */

void
pdw_service_calendar_clear_hours (PdwServiceCalendar *self,
                                  GDateWeekday        weekday)
{
  g_return_if_fail (PDW_IS_SERVICE_CALENDAR (self));
  g_return_if_fail (g_date_valid_weekday (weekday));

  g_array_set_size (self->hours[weekday], 0);
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  const Period *pa = a;
  const Period *pb = b;

  return (int) pa->open - (int) pb->open;
}

void
pdw_service_calendar_add_hours (PdwServiceCalendar *self,
                                GDateWeekday        weekday,
                                guint               open_minute,
                                guint               close_minute)
{
  Period period;

  g_return_if_fail (PDW_IS_SERVICE_CALENDAR (self));
  g_return_if_fail (g_date_valid_weekday (weekday));
  g_return_if_fail (open_minute < close_minute);
  g_return_if_fail (close_minute <= MINUTES_PER_DAY);

  period.open = open_minute;
  period.close = close_minute;
  g_array_append_val (self->hours[weekday], period);
  g_array_sort (self->hours[weekday], compare_periods);
}

void
pdw_service_calendar_set_hours (PdwServiceCalendar *self,
                                const int          *days,
                                gsize               n_days,
                                guint               open_minute,
                                guint               close_minute)
{
  g_return_if_fail (PDW_IS_SERVICE_CALENDAR (self));
  g_return_if_fail (days != NULL || n_days == 0);
  g_return_if_fail (open_minute < close_minute);
  g_return_if_fail (close_minute <= MINUTES_PER_DAY);

  for (guint i = G_DATE_MONDAY; i <= G_DATE_SUNDAY; i++)
    g_array_set_size (self->hours[i], 0);

  for (gsize i = 0; i < n_days; i++)
    {
      if (!g_date_valid_weekday (days[i]))
        {
          g_warning ("Ignoring invalid service day %d", days[i]);
          continue;
        }
      /* A day listed twice must not get the period twice. */
      if (self->hours[days[i]]->len == 0)
        pdw_service_calendar_add_hours (self, days[i], open_minute, close_minute);
    }
}

gboolean
pdw_service_calendar_parse_time_of_day (const char *hhmm,
                                        guint      *minute)
{
  g_auto(GStrv) parts = NULL;
  guint64 h, m;

  g_return_val_if_fail (minute != NULL, FALSE);

  if (hhmm == NULL)
    return FALSE;

  parts = g_strsplit (hhmm, ":", -1);
  if (g_strv_length (parts) != 2 || strlen (parts[1]) != 2)
    return FALSE;
  if (!g_ascii_string_to_unsigned (parts[0], 10, 0, 24, &h, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &m, NULL))
    return FALSE;
  if (h == 24 && m != 0)
    return FALSE;

  *minute = h * 60 + m;
  return TRUE;
}

/* Holidays ------------------------------------------------------------ */

static gboolean
parse_iso_date (const char *str,
                GDate      *date)
{
  g_auto(GStrv) parts = g_strsplit (str, "-", -1);
  guint64 y, m, d;

  if (g_strv_length (parts) != 3 || strlen (parts[0]) != 4 ||
      strlen (parts[1]) != 2 || strlen (parts[2]) != 2)
    return FALSE;
  if (!g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &y, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL) ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* The [holidays] group of @key_file_data as julian day -> name, or NULL
 * with @error set when any line is not a valid date. */
static GHashTable *
parse_holidays (GBytes  *key_file_data,
                GError **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GHashTable) parsed = NULL;
  g_auto(GStrv) keys = NULL;
  gconstpointer data;
  gsize size;

  data = g_bytes_get_data (key_file_data, &size);
  if (!g_key_file_load_from_data (key_file, data, size, G_KEY_FILE_NONE, error))
    return NULL;

  keys = g_key_file_get_keys (key_file, "holidays", NULL, error);
  if (keys == NULL)
    return NULL;

  parsed = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      GDate date;

      if (!parse_iso_date (keys[i], &date))
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       _("“%s” in the holiday list is not a date of the form YYYY-MM-DD"),
                       keys[i]);
          return NULL;
        }

      name = g_key_file_get_string (key_file, "holidays", keys[i], error);
      if (name == NULL)
        return NULL;
      g_strstrip (name);

      g_hash_table_replace (parsed, GUINT_TO_POINTER (g_date_get_julian (&date)),
                            g_steal_pointer (&name));
    }

  return g_steal_pointer (&parsed);
}

gboolean
pdw_service_calendar_load_holidays (PdwServiceCalendar  *self,
                                    GBytes              *key_file_data,
                                    GError             **error)
{
  GHashTable *parsed;

  g_return_val_if_fail (PDW_IS_SERVICE_CALENDAR (self), FALSE);
  g_return_val_if_fail (key_file_data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parsed = parse_holidays (key_file_data, error);
  if (parsed == NULL)
    return FALSE;

  g_clear_pointer (&self->holidays, g_hash_table_unref);
  self->holidays = parsed;

  return TRUE;
}

gboolean
pdw_service_calendar_merge_holidays (PdwServiceCalendar  *self,
                                     GBytes              *key_file_data,
                                     GError             **error)
{
  g_autoptr(GHashTable) parsed = NULL;
  GHashTableIter iter;
  gpointer day, name;

  g_return_val_if_fail (PDW_IS_SERVICE_CALENDAR (self), FALSE);
  g_return_val_if_fail (key_file_data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parsed = parse_holidays (key_file_data, error);
  if (parsed == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, parsed);
  while (g_hash_table_iter_next (&iter, &day, &name))
    {
      g_hash_table_replace (self->holidays, day, name);
      g_hash_table_iter_steal (&iter);
    }

  return TRUE;
}

gboolean
pdw_service_calendar_get_holiday_years (PdwServiceCalendar *self,
                                        guint              *first_year,
                                        guint              *last_year)
{
  GHashTableIter iter;
  gpointer day;
  guint first = G_MAXUINT, last = 0;

  g_return_val_if_fail (PDW_IS_SERVICE_CALENDAR (self), FALSE);

  g_hash_table_iter_init (&iter, self->holidays);
  while (g_hash_table_iter_next (&iter, &day, NULL))
    {
      GDate date;
      guint year;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, GPOINTER_TO_UINT (day));
      year = g_date_get_year (&date);
      first = MIN (first, year);
      last = MAX (last, year);
    }

  if (last == 0)
    return FALSE;

  if (first_year != NULL)
    *first_year = first;
  if (last_year != NULL)
    *last_year = last;
  return TRUE;
}

gboolean
pdw_service_calendar_load_holidays_from_file (PdwServiceCalendar  *self,
                                              const char          *path,
                                              GError             **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  g_return_val_if_fail (PDW_IS_SERVICE_CALENDAR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return pdw_service_calendar_load_holidays (self, bytes, error);
}

void
pdw_service_calendar_load_default_holidays (PdwServiceCalendar *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PDW_IS_SERVICE_CALENDAR (self));

  bytes = g_bytes_new_static (pdw_holidays_default_ini, sizeof pdw_holidays_default_ini - 1);
  /* The build embeds a file the tests load, so failing here is a bug. */
  if (!pdw_service_calendar_load_holidays (self, bytes, &error))
    g_critical ("Built-in holiday list is invalid: %s", error->message);
}

void
pdw_service_calendar_add_holiday (PdwServiceCalendar *self,
                                  const GDate        *date,
                                  const char         *name)
{
  g_return_if_fail (PDW_IS_SERVICE_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_hash_table_replace (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)),
                        g_strdup (name != NULL ? name : ""));
}

void
pdw_service_calendar_clear_holidays (PdwServiceCalendar *self)
{
  g_return_if_fail (PDW_IS_SERVICE_CALENDAR (self));

  g_hash_table_remove_all (self->holidays);
}

guint
pdw_service_calendar_get_n_holidays (PdwServiceCalendar *self)
{
  g_return_val_if_fail (PDW_IS_SERVICE_CALENDAR (self), 0);

  return g_hash_table_size (self->holidays);
}

const char *
pdw_service_calendar_get_holiday (PdwServiceCalendar *self,
                                  const GDate        *date)
{
  g_return_val_if_fail (PDW_IS_SERVICE_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_hash_table_lookup (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)));
}

guint
pdw_service_calendar_find_uncovered_year (PdwServiceCalendar *self,
                                          GDateTime          *now)
{
  g_autoptr(GDateTime) local = NULL;
  guint first, last, year;

  g_return_val_if_fail (PDW_IS_SERVICE_CALENDAR (self), 0);
  g_return_val_if_fail (now != NULL, 0);

  local = g_date_time_to_timezone (now, self->tz);
  year = g_date_time_get_year (local);
  if (!pdw_service_calendar_get_holiday_years (self, &first, &last) || last < year)
    return year;
  /* The SKB for next year is published in September or October; from
   * November the office should have it. */
  if (g_date_time_get_month (local) >= 11 && last < year + 1)
    return year + 1;

  return 0;
}

/* Time ------------------------------------------------------------------ */

/* The WIB calendar date and the seconds since WIB midnight of @t. */
static void
split_local (PdwServiceCalendar *self,
             gint64              t,
             GDate              *date,
             int                *second_of_day)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->tz);

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local),
                  g_date_time_get_year (local));
  *second_of_day = g_date_time_get_hour (local) * 3600 +
                   g_date_time_get_minute (local) * 60 +
                   g_date_time_get_second (local);
}

/* @second_of_day may be 86400 (a period closing at 24:00). */
static gint64
join_local (PdwServiceCalendar *self,
            const GDate        *date,
            int                 second_of_day)
{
  g_autoptr(GDateTime) midnight = g_date_time_new (self->tz,
                                                   g_date_get_year (date),
                                                   g_date_get_month (date),
                                                   g_date_get_day (date),
                                                   0, 0, 0);

  return g_date_time_to_unix (midnight) + second_of_day;
}

static GArray *
periods_of (PdwServiceCalendar *self,
            const GDate        *date)
{
  return self->hours[g_date_get_weekday (date)];
}

gboolean
pdw_service_calendar_is_service_day (PdwServiceCalendar *self,
                                     const GDate        *date)
{
  g_return_val_if_fail (PDW_IS_SERVICE_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return periods_of (self, date)->len > 0 &&
         !g_hash_table_contains (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)));
}

static gboolean
is_open_at (PdwServiceCalendar *self,
            const GDate        *date,
            int                 second_of_day)
{
  GArray *periods;

  if (!pdw_service_calendar_is_service_day (self, date))
    return FALSE;

  periods = periods_of (self, date);
  for (guint i = 0; i < periods->len; i++)
    {
      const Period *p = &g_array_index (periods, Period, i);

      if (second_of_day >= p->open * 60 && second_of_day < p->close * 60)
        return TRUE;
    }

  return FALSE;
}

gboolean
pdw_service_calendar_is_open (PdwServiceCalendar *self,
                              gint64              t)
{
  GDate date;
  int sod;

  g_return_val_if_fail (PDW_IS_SERVICE_CALENDAR (self), FALSE);

  split_local (self, t, &date, &sod);
  return is_open_at (self, &date, sod);
}

/* Moves @date to the next service day after it; FALSE if none is near. */
static gboolean
advance_to_next_service_day (PdwServiceCalendar *self,
                             GDate              *date)
{
  for (guint i = 0; i < MAX_DAYS_AHEAD; i++)
    {
      g_date_add_days (date, 1);
      if (pdw_service_calendar_is_service_day (self, date))
        return TRUE;
    }

  return FALSE;
}

gint64
pdw_service_calendar_next_opening (PdwServiceCalendar *self,
                                   gint64              t)
{
  GDate date;
  int sod;

  g_return_val_if_fail (PDW_IS_SERVICE_CALENDAR (self), -1);

  split_local (self, t, &date, &sod);
  if (is_open_at (self, &date, sod))
    return t;

  if (pdw_service_calendar_is_service_day (self, &date))
    {
      GArray *periods = periods_of (self, &date);

      for (guint i = 0; i < periods->len; i++)
        {
          const Period *p = &g_array_index (periods, Period, i);

          if (p->open * 60 > sod)
            return join_local (self, &date, p->open * 60);
        }
    }

  if (!advance_to_next_service_day (self, &date))
    return -1;

  return join_local (self, &date, g_array_index (periods_of (self, &date), Period, 0).open * 60);
}

/* The moment on @date (a service day) closest to @second_of_day that is not
 * after it and lies in service hours: the time itself when open, else the
 * last closing before it, else the day's first opening. */
static int
clamp_to_service_hours (PdwServiceCalendar *self,
                        const GDate        *date,
                        int                 second_of_day)
{
  GArray *periods = periods_of (self, date);
  int best = -1;

  for (guint i = 0; i < periods->len; i++)
    {
      const Period *p = &g_array_index (periods, Period, i);

      if (second_of_day >= p->open * 60 && second_of_day < p->close * 60)
        return second_of_day;
      if (p->close * 60 <= second_of_day)
        best = MAX (best, p->close * 60);
    }

  if (best >= 0)
    return best;

  return g_array_index (periods, Period, 0).open * 60;
}

static gint64
compute_working_days_due (PdwServiceCalendar *self,
                          guint               days,
                          gint64              start_unix)
{
  gint64 start;
  GDate date;
  int sod;

  start = pdw_service_calendar_next_opening (self, start_unix);
  if (start < 0)
    return -1;

  split_local (self, start, &date, &sod);
  for (guint i = 0; i < days; i++)
    {
      if (!advance_to_next_service_day (self, &date))
        return -1;
    }

  return join_local (self, &date, clamp_to_service_hours (self, &date, sod));
}

gint64
pdw_service_calendar_compute_due (PdwServiceCalendar *self,
                                  const PdwSlaPolicy *policy,
                                  gint64              start_unix)
{
  g_return_val_if_fail (PDW_IS_SERVICE_CALENDAR (self), -1);
  g_return_val_if_fail (policy != NULL, -1);

  switch (policy->unit)
    {
    case PDW_SLA_CLOCK_HOURS:
      return start_unix + (gint64) policy->amount * 3600;
    case PDW_SLA_WORKING_DAYS:
      return compute_working_days_due (self, policy->amount, start_unix);
    default:
      g_return_val_if_reached (-1);
    }
}

PdwSlaState
pdw_sla_classify (gint64 due,
                  gint64 now,
                  gint64 soon_threshold)
{
  if (due < 0)
    return PDW_SLA_ON_TIME;
  if (now > due)
    return PDW_SLA_OVERDUE;
  if (due - now <= soon_threshold)
    return PDW_SLA_DUE_SOON;
  return PDW_SLA_ON_TIME;
}
