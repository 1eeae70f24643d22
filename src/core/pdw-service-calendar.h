/* pdw-service-calendar.h: service hours, national holidays and cuti bersama
 * of the office, in WIB (Asia/Jakarta), and the SLA deadline computed on
 * them.  Times are Unix seconds (UTC) as everywhere in PANDAWA.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pdw-time-zone.h"

G_BEGIN_DECLS

/* How the SOP's "2x24 jam" is counted (helpdesk-anchors.md 3.7: the office
 * chooses, and the number is a setting). */
typedef enum
{
  PDW_SLA_CLOCK_HOURS,   /* wall-clock hours from the start: what the citizen is promised */
  PDW_SLA_WORKING_DAYS,  /* service days that are not holidays; same time of day N such days later */
} PdwSlaUnit;

typedef struct
{
  PdwSlaUnit unit;
  guint      amount;     /* hours or working days */
} PdwSlaPolicy;

#define PDW_SLA_DEFAULT_HOURS 48

typedef enum
{
  PDW_SLA_ON_TIME,
  PDW_SLA_DUE_SOON,
  PDW_SLA_OVERDUE,
} PdwSlaState;

#define PDW_TYPE_SERVICE_CALENDAR (pdw_service_calendar_get_type ())
G_DECLARE_FINAL_TYPE (PdwServiceCalendar, pdw_service_calendar, PDW, SERVICE_CALENDAR, GObject)

/* Monday to Friday 08:00-16:00 WIB (the GSettings defaults), no holidays. */
PdwServiceCalendar *pdw_service_calendar_new                  (void);
GTimeZone          *pdw_service_calendar_get_timezone         (PdwServiceCalendar  *self);

/* Service hours.  Minutes after midnight WIB, 0 <= open < close <= 1440;
 * a day may have several periods (e.g. a Friday prayer break). */
void                pdw_service_calendar_clear_hours          (PdwServiceCalendar  *self,
                                                               GDateWeekday         weekday);
void                pdw_service_calendar_add_hours            (PdwServiceCalendar  *self,
                                                               GDateWeekday         weekday,
                                                               guint                open_minute,
                                                               guint                close_minute);
/* Replaces the hours of every weekday: @days are 1 = Monday ... 7 = Sunday
 * (the GSettings "service-days" key), all with one period. */
void                pdw_service_calendar_set_hours            (PdwServiceCalendar  *self,
                                                               const int           *days,
                                                               gsize                n_days,
                                                               guint                open_minute,
                                                               guint                close_minute);
/* "08:00" -> 480; "24:00" is accepted as a closing time. */
gboolean            pdw_service_calendar_parse_time_of_day    (const char          *hhmm,
                                                               guint               *minute);

/* Holidays.  The key file has a [holidays] group of YYYY-MM-DD=name lines.
 * Loading replaces the current set only when the whole file is valid. */
gboolean            pdw_service_calendar_load_holidays        (PdwServiceCalendar  *self,
                                                               GBytes              *key_file_data,
                                                               GError             **error);
gboolean            pdw_service_calendar_load_holidays_from_file (PdwServiceCalendar *self,
                                                               const char          *path,
                                                               GError             **error);
/* Adds the file's holidays to the current set (a date in both takes the
 * file's name); nothing changes unless the whole file is valid.  How an
 * office adds a year the built-in list does not have yet. */
gboolean            pdw_service_calendar_merge_holidays       (PdwServiceCalendar  *self,
                                                               GBytes              *key_file_data,
                                                               GError             **error);
/* The first and last year with at least one holiday; FALSE when none. */
gboolean            pdw_service_calendar_get_holiday_years    (PdwServiceCalendar  *self,
                                                               guint               *first_year,
                                                               guint               *last_year);
/* A year the office needs and the list lacks: the year of @now (WIB), or
 * from November the next one; 0 when both are listed. */
guint               pdw_service_calendar_find_uncovered_year  (PdwServiceCalendar  *self,
                                                               GDateTime           *now);
/* The list shipped in data/holidays-id.ini, compiled in. */
void                pdw_service_calendar_load_default_holidays (PdwServiceCalendar *self);
void                pdw_service_calendar_add_holiday          (PdwServiceCalendar  *self,
                                                               const GDate         *date,
                                                               const char          *name);
void                pdw_service_calendar_clear_holidays       (PdwServiceCalendar  *self);
guint               pdw_service_calendar_get_n_holidays       (PdwServiceCalendar  *self);
/* The holiday's name, or NULL on an ordinary day. */
const char         *pdw_service_calendar_get_holiday          (PdwServiceCalendar  *self,
                                                               const GDate         *date);

/* A weekday with service hours that is not a holiday. */
gboolean            pdw_service_calendar_is_service_day       (PdwServiceCalendar  *self,
                                                               const GDate         *date);
gboolean            pdw_service_calendar_is_open              (PdwServiceCalendar  *self,
                                                               gint64               t);
/* The earliest moment >= @t at which the service is open (@t itself when
 * open), or -1 if it never opens in the next two years. */
gint64              pdw_service_calendar_next_opening         (PdwServiceCalendar  *self,
                                                               gint64               t);
/* Deadline of a promise made at @start_unix, or -1 when none can be found.
 * Clock hours: @start_unix + hours.  Working days: counting starts at the
 * next opening (now if open), then the same time of day N service days
 * later, pulled back to that day's closing time if the day closes earlier. */
gint64              pdw_service_calendar_compute_due          (PdwServiceCalendar  *self,
                                                               const PdwSlaPolicy  *policy,
                                                               gint64               start_unix);

/* OVERDUE once @now is past @due; DUE_SOON when at most @soon_threshold
 * seconds are left; a negative @due (no deadline) is ON_TIME. */
PdwSlaState         pdw_sla_classify                          (gint64               due,
                                                               gint64               now,
                                                               gint64               soon_threshold);

G_END_DECLS
