/* pdw-report.h: the monthly PANDAWA report (Laporan Bulanan Layanan
 * PANDAWA) as one computed object.  Every output (the report view, its
 * charts, the PDF, XLSX, CSV and JSON) reads the same PdwReport, so that no
 * two of them can disagree; the definitions of every figure are in
 * docs/report-definitions.md, and the identifiers below (the JSON keys) are
 * the ones named there.
 *
 * A PdwReport is immutable once built (pdw_report_build(), from the facts
 * the store reads, see pdw-report-facts.h), so it may be handed from the
 * worker thread that built it to the main loop.  All times are Unix seconds
 * (UTC); every calendar boundary (month, day, hour of day, weekday) is WIB.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pdw-service-calendar.h"

G_BEGIN_DECLS

/* ---- The period ------------------------------------------------------------ */

typedef enum
{
  PDW_REPORT_PERIOD_MONTH,   /* one calendar month */
  PDW_REPORT_PERIOD_RANGE,   /* several consecutive months */
  PDW_REPORT_PERIOD_YEAR,    /* January to December of one year */
} PdwReportPeriodKind;

/* Months are inclusive: from_year-from_month .. to_year-to_month.  The
 * instants are the WIB month boundaries: [start, end). */
typedef struct
{
  PdwReportPeriodKind kind;
  int                 from_year;
  int                 from_month;   /* 1-12 */
  int                 to_year;
  int                 to_month;     /* 1-12 */
  gint64              start;        /* first instant, 00:00 WIB on the 1st */
  gint64              end;          /* first instant after the period */
} PdwReportPeriod;

/* "2026-03" -> year 2026, month 3.  FALSE (with a translated reason in
 * @error, G_OPTION_ERROR_BAD_VALUE) for anything else, a month outside
 * 1-12 or a year outside 2000-2999. */
gboolean     pdw_report_parse_month         (const char       *text,
                                             int              *year,
                                             int              *month,
                                             GError          **error);
/* The period of the months from..to (inclusive).  A single month is a
 * MONTH period, January..December of one year a YEAR period, anything
 * else a RANGE.  FALSE with G_OPTION_ERROR_BAD_VALUE when to is before
 * from or the range is longer than 36 months. */
gboolean     pdw_report_period_init         (PdwReportPeriod  *period,
                                             int               from_year,
                                             int               from_month,
                                             int               to_year,
                                             int               to_month,
                                             GError          **error);
/* The period of the same number of months right before @period (the
 * "previous period" the changes are measured against). */
void         pdw_report_period_previous     (const PdwReportPeriod *period,
                                             PdwReportPeriod       *previous);
/* "Maret 2026", "Januari–Maret 2026", "Tahun 2026" in the current locale
 * (month names translated). */
char        *pdw_report_period_dup_label    (const PdwReportPeriod *period);
/* The same in Indonesian whatever the locale, for the documents. */
char        *pdw_report_period_dup_label_id (const PdwReportPeriod *period);
/* "Maret" for 3: the Indonesian month name, for the documents. */
const char  *pdw_report_month_get_name_id   (int               month);
/* "2026-03" or "2026-01_2026-03": for file names and the JSON. */
char        *pdw_report_period_dup_id       (const PdwReportPeriod *period);
/* The WIB month boundary: 00:00 WIB on the 1st of @month of @year. */
gint64       pdw_report_month_start         (int               year,
                                             int               month);

/* ---- Figures ----------------------------------------------------------------- */

typedef enum
{
  PDW_REPORT_UNIT_COUNT,     /* a number of files, messages, conversations */
  PDW_REPORT_UNIT_PERCENT,   /* 0-100 */
  PDW_REPORT_UNIT_SECONDS,   /* a duration */
  PDW_REPORT_UNIT_INDEX,     /* the satisfaction index, 0-100 */
  PDW_REPORT_UNIT_RATING,    /* a mean rating, 1-4 */
} PdwReportUnit;

/* The headline figures, in the order the report shows them.  Ids (JSON
 * keys) in comments; definitions in docs/report-definitions.md. */
typedef enum
{
  PDW_REPORT_FIGURE_RECEIVED = 0,            /* received */
  PDW_REPORT_FIGURE_FIRST_MESSAGES,          /* first_messages */
  PDW_REPORT_FIGURE_RESOLVED,                /* resolved */
  PDW_REPORT_FIGURE_REJECTED,                /* rejected */
  PDW_REPORT_FIGURE_REFERRED_BIOMETRIC,      /* referred_biometric */
  PDW_REPORT_FIGURE_OPEN_AT_END,             /* open_at_end */
  PDW_REPORT_FIGURE_CARRIED_OVER,            /* carried_over */
  PDW_REPORT_FIGURE_REOPENED,                /* reopened */
  PDW_REPORT_FIGURE_FIRST_RESPONSE_MEDIAN,   /* first_response_median */
  PDW_REPORT_FIGURE_RESOLUTION_MEDIAN,       /* resolution_median */
  PDW_REPORT_FIGURE_PROMISE_FILES,           /* promise_files */
  PDW_REPORT_FIGURE_PROMISE_KEPT,            /* promise_kept */
  PDW_REPORT_FIGURE_PROMISE_KEPT_SHARE,      /* promise_kept_share */
  PDW_REPORT_FIGURE_SURVEY_ASKED,            /* survey_asked */
  PDW_REPORT_FIGURE_SURVEY_ANSWERED,         /* survey_answered */
  PDW_REPORT_FIGURE_SURVEY_RESPONSE_RATE,    /* survey_response_rate */
  PDW_REPORT_FIGURE_SATISFACTION_INDEX,      /* satisfaction_index */
  PDW_REPORT_FIGURE_CITIZEN_MESSAGES,        /* citizen_messages */
  PDW_REPORT_N_FIGURES
} PdwReportFigure;

/* A figure of the period with the same figure of the previous period.
 * has_value FALSE: nothing to measure (a median with no sample, a share of
 * zero files): shown as "–", null in the JSON, empty in CSV/XLSX.  change:
 * value - previous, valid only when both have a value. */
typedef struct
{
  PdwReportFigure figure;
  gboolean        has_value;
  double          value;
  gboolean        has_previous;
  double          previous;
  double          change;
} PdwReportFigureValue;

const char  *pdw_report_figure_get_id       (PdwReportFigure   figure);   /* "received" */
/* English msgid, translated: "Complaints received". */
const char  *pdw_report_figure_get_label    (PdwReportFigure   figure);
/* The Indonesian label whatever the locale ("Pengaduan diterima"): the
 * official documents (PDF, XLSX) are in Indonesian. */
const char  *pdw_report_figure_get_label_id (PdwReportFigure   figure);
PdwReportUnit pdw_report_figure_get_unit    (PdwReportFigure   figure);
/* PDW_REPORT_N_FIGURES when @id is unknown. */
PdwReportFigure pdw_report_figure_from_id   (const char       *id);

/* ---- Durations --------------------------------------------------------------- */

typedef enum
{
  PDW_REPORT_DURATION_FIRST_RESPONSE = 0,  /* first_response */
  PDW_REPORT_DURATION_RESOLUTION,          /* resolution */
  PDW_REPORT_DURATION_PROMISE,             /* promise: standard reply to data active or closed */
  PDW_REPORT_N_DURATIONS
} PdwReportDuration;

/* Seconds.  count 0: median, p90 and mean are 0 and meaningless.
 * Median and P90 are nearest-rank values (a sample that happened), the
 * mean is arithmetic. */
typedef struct
{
  guint   count;
  gint64  median;
  gint64  p90;
  double  mean;
  gint64  max;
} PdwReportDurationStats;

const char  *pdw_report_duration_get_id     (PdwReportDuration  duration);
const char  *pdw_report_duration_get_label  (PdwReportDuration  duration);
const char  *pdw_report_duration_get_label_id (PdwReportDuration duration);

/* ---- Breakdown tables ---------------------------------------------------------- */

typedef enum
{
  PDW_REPORT_BY_TYPE = 0,        /* by_type: complaint type */
  PDW_REPORT_BY_INSTITUTION,     /* by_institution: where the data was refused */
  PDW_REPORT_BY_KECAMATAN,       /* by_kecamatan: from the NIK's region code */
  PDW_REPORT_BY_OFFICER,         /* by_officer: who registered / who resolved */
  PDW_REPORT_N_BREAKDOWNS
} PdwReportBreakdown;

/* One row.  key: the stored code ("nik_nonaktif", "147108", an officer's
 * name; "" for "not recorded"); label: what to show.  received: files of
 * the row received in the period; resolved: files of the row resolved in
 * the period (by_officer: resolved by that officer); share: received /
 * all received x 100 (0 when nothing was received). */
typedef struct
{
  char    *key;
  char    *label;
  guint    received;
  guint    resolved;
  double   share;
  PdwReportDurationStats resolution;
} PdwReportRow;

const char  *pdw_report_breakdown_get_id       (PdwReportBreakdown breakdown);
const char  *pdw_report_breakdown_get_label    (PdwReportBreakdown breakdown);
const char  *pdw_report_breakdown_get_label_id (PdwReportBreakdown breakdown);

/* ---- Series -------------------------------------------------------------------- */

/* One WIB calendar day of the period. */
typedef struct
{
  int     year;
  int     month;
  int     day;
  guint   received;          /* files registered that day */
  guint   resolved;          /* files resolved that day */
  guint   first_messages;    /* conversations started that day */
  guint   citizen_messages;  /* messages citizens sent that day */
} PdwReportDay;

/* SOP steps 1-6 (SOP 060/Dukcapil-PDIP/1240/2021). */
#define PDW_REPORT_N_SOP_STEPS 6

typedef struct
{
  guint                   step;           /* 1-6 */
  gint64                  standard;       /* the SOP's standard time, seconds */
  PdwReportDurationStats  stats;
  guint                   over_standard;  /* samples longer than the standard */
} PdwReportSopStep;

/* Label of a step ("Chat received"), translated / in Indonesian. */
const char  *pdw_report_sop_step_get_label    (guint step);
const char  *pdw_report_sop_step_get_label_id (guint step);

/* Age buckets of the files still open at the end of the period. */
typedef enum
{
  PDW_REPORT_AGE_UNDER_1_DAY = 0,  /* < 1 day */
  PDW_REPORT_AGE_1_2_DAYS,         /* 1 to < 2 days (within the 2x24 hours) */
  PDW_REPORT_AGE_2_7_DAYS,
  PDW_REPORT_AGE_7_30_DAYS,
  PDW_REPORT_AGE_OVER_30_DAYS,
  PDW_REPORT_N_AGES
} PdwReportAge;

const char  *pdw_report_age_get_id       (PdwReportAge age);   /* "under_1_day" */
const char  *pdw_report_age_get_label    (PdwReportAge age);
const char  *pdw_report_age_get_label_id (PdwReportAge age);

/* A row of the rekapitulasi: one month, computed exactly as the headline
 * figures of a one-month report of that month would be. */
typedef struct
{
  int      year;
  int      month;
  guint    received;
  guint    first_messages;
  guint    resolved;
  guint    rejected;
  guint    referred_biometric;
  guint    open_at_end;
  guint    carried_over;
  guint    reopened;
  guint    promise_files;
  guint    promise_kept;
  gboolean has_resolution_median;
  gint64   resolution_median;
  gboolean has_satisfaction_index;
  double   satisfaction_index;
} PdwReportMonth;

/* The Survei Kepuasan Masyarakat of the period. */
typedef struct
{
  guint    asked;              /* closing messages that asked for a rating */
  guint    answered;           /* of those, rated 1-4 within 3 days */
  double   response_rate;      /* answered / asked x 100; 0 when none asked */
  guint    distribution[4];    /* ratings 1, 2, 3, 4 */
  gboolean has_index;
  double   mean;               /* 1-4 */
  double   index;              /* mean / 4 x 100 */
  char     grade;              /* 'A'-'D' (PermenPAN-RB 14/2017), '\0' without index or below 25 */
} PdwReportSatisfaction;

/* 'A' 88.31-100, 'B' 76.61-88.30, 'C' 65.00-76.60, 'D' 25.00-64.99, else
 * '\0'.  The index is rounded to two decimals first, as the regulation's
 * table is. */
char         pdw_report_satisfaction_grade       (double index);
/* "Sangat baik" / "Very good" etc. for a grade; NULL for '\0'. */
const char  *pdw_report_grade_get_label          (char grade);
const char  *pdw_report_grade_get_label_id       (char grade);

/* One file of the period (received in it, or resolved/rejected in it), for
 * the per-complaint sheet and CSV.  NIK already masked. */
typedef struct
{
  char     *ticket;
  gint64    registered_at;
  gint64    closed_at;           /* 0: open at the end of the period */
  char     *complaint_type;      /* label */
  char     *institution;         /* label */
  char     *kecamatan;           /* name, "" when the NIK has no known region */
  char     *officer;             /* who registered it */
  char     *status;              /* status at the end of the period (stored name) */
  char     *status_label;        /* in Indonesian, as the documents show it */
  char     *nik_masked;
  gboolean  has_first_response;
  gint64    first_response;      /* seconds */
  gboolean  has_resolution;
  gint64    resolution;          /* seconds */
  gboolean  promise_measured;    /* the standard reply was sent in a cycle of the period */
  gboolean  promise_kept;
  guint     reopened;            /* reopenings in the period */
  int       rating;              /* 1-4, 0 none */
} PdwReportFile;

/* ---- The report ------------------------------------------------------------------ */

#define PDW_TYPE_REPORT (pdw_report_get_type ())
G_DECLARE_FINAL_TYPE (PdwReport, pdw_report, PDW, REPORT, GObject)

const PdwReportPeriod *pdw_report_get_period         (PdwReport *self);
/* When it was computed (Unix seconds). */
gint64       pdw_report_get_generated_at             (PdwReport *self);
/* The SLA policy the promise was measured under, and the policy in words
 * (Indonesian, for the documents: "2 hari kerja (Senin–Jumat 08.00–16.00
 * WIB, di luar hari libur nasional dan cuti bersama)"; English-language
 * text via _get_policy_label()). */
const PdwSlaPolicy *pdw_report_get_sla_policy        (PdwReport *self);
const char  *pdw_report_get_policy_text              (PdwReport *self);
const char  *pdw_report_get_policy_label             (PdwReport *self);

const PdwReportFigureValue *pdw_report_get_figure    (PdwReport        *self,
                                                      PdwReportFigure   figure);
const PdwReportDurationStats *pdw_report_get_duration (PdwReport        *self,
                                                      PdwReportDuration duration);
/* PdwReportRow, by received descending then label; borrowed. */
GArray      *pdw_report_get_breakdown                (PdwReport          *self,
                                                      PdwReportBreakdown  breakdown);
/* PdwReportDay, one per day of the period in order; borrowed. */
GArray      *pdw_report_get_days                     (PdwReport *self);
/* Citizens' messages by weekday (0 = Monday ... 6 = Sunday) and WIB hour
 * (0-23). */
guint        pdw_report_get_hour_count               (PdwReport *self,
                                                      guint      weekday,
                                                      guint      hour);
/* Step 1-6. */
const PdwReportSopStep *pdw_report_get_sop_step      (PdwReport *self,
                                                      guint      step);
guint        pdw_report_get_backlog_count            (PdwReport    *self,
                                                      PdwReportAge  age);
/* Ages (seconds, at the end of the period) of the files open then. */
const PdwReportDurationStats *pdw_report_get_backlog_ages (PdwReport *self);
/* PdwReportMonth: for a month report January..that month of its year (the
 * year to date), else every month of the period; borrowed. */
GArray      *pdw_report_get_months                   (PdwReport *self);
const PdwReportSatisfaction *pdw_report_get_satisfaction (PdwReport *self);
/* PdwReportFile, by registration time; borrowed. */
GArray      *pdw_report_get_files                    (PdwReport *self);

/* ---- Formatting shared by the outputs --------------------------------------------- */

/* "1 jam 5 menit", "2 hari 3 jam", "45 detik": the two largest units in
 * Indonesian, as on the control card; "0 detik" for 0, "–" for a negative
 * value. */
char        *pdw_report_format_duration              (gint64 seconds);
/* A number the Indonesian way: "1.234", "12,5" (@decimals digits). */
char        *pdw_report_format_number                (double value,
                                                      guint  decimals);

G_END_DECLS
