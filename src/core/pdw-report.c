/* pdw-report.c: the PdwReport object, its period, and the names of its
 * figures and tables.  The computation is in pdw-report-build.c.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdw-report-private.h"
#include "pdw-time-zone.h"

#define DAY (24 * 60 * 60)
#define MAX_MONTHS 36

G_DEFINE_FINAL_TYPE (PdwReport, pdw_report, G_TYPE_OBJECT)

/* ---- Names -------------------------------------------------------------------- */

typedef struct
{
  const char    *id;
  const char    *label;     /* N_() msgid */
  const char    *label_id;  /* Indonesian, for the official documents */
  PdwReportUnit  unit;
} FigureDef;

static const FigureDef figures[] = {
  { "received", N_("Complaints received"), "Pengaduan diterima", PDW_REPORT_UNIT_COUNT },
  { "first_messages", N_("Conversations started"), "Percakapan baru", PDW_REPORT_UNIT_COUNT },
  { "resolved", N_("Resolved"), "Selesai", PDW_REPORT_UNIT_COUNT },
  { "rejected", N_("Rejected"), "Ditolak", PDW_REPORT_UNIT_COUNT },
  { "referred_biometric", N_("Referred for biometric check"), "Dirujuk perekaman biometrik", PDW_REPORT_UNIT_COUNT },
  { "open_at_end", N_("Open at the end of the period"), "Belum selesai di akhir periode", PDW_REPORT_UNIT_COUNT },
  { "carried_over", N_("Carried over from the previous period"), "Sisa periode sebelumnya", PDW_REPORT_UNIT_COUNT },
  { "reopened", N_("Reopened"), "Dibuka kembali", PDW_REPORT_UNIT_COUNT },
  { "first_response_median", N_("First response time (median)"), "Waktu respons pertama (median)", PDW_REPORT_UNIT_SECONDS },
  { "resolution_median", N_("Resolution time (median)"), "Waktu penyelesaian (median)", PDW_REPORT_UNIT_SECONDS },
  { "promise_files", N_("2×24-hour promises due"), "Janji 2x24 jam yang jatuh tempo", PDW_REPORT_UNIT_COUNT },
  { "promise_kept", N_("2×24-hour promises kept"), "Janji 2x24 jam ditepati", PDW_REPORT_UNIT_COUNT },
  { "promise_kept_share", N_("2×24-hour promises kept (%)"), "Janji 2x24 jam ditepati (%)", PDW_REPORT_UNIT_PERCENT },
  { "survey_asked", N_("Ratings asked"), "Survei dikirim", PDW_REPORT_UNIT_COUNT },
  { "survey_answered", N_("Ratings given"), "Survei dijawab", PDW_REPORT_UNIT_COUNT },
  { "survey_response_rate", N_("Survey response rate"), "Tingkat respons survei", PDW_REPORT_UNIT_PERCENT },
  { "satisfaction_index", N_("Satisfaction index (IKM)"), "Indeks Kepuasan Masyarakat (IKM)", PDW_REPORT_UNIT_INDEX },
  { "citizen_messages", N_("Messages from citizens"), "Pesan masuk dari warga", PDW_REPORT_UNIT_COUNT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (figures) == PDW_REPORT_N_FIGURES);

typedef struct
{
  const char *id;
  const char *label;
  const char *label_id;
} NameDef;

static const NameDef durations[] = {
  { "first_response", N_("First response time"), "Waktu respons pertama" },
  { "resolution", N_("Resolution time"), "Waktu penyelesaian" },
  { "promise", N_("Time to keep the 2×24-hour promise"), "Waktu pemenuhan janji 2x24 jam" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (durations) == PDW_REPORT_N_DURATIONS);

static const NameDef breakdowns[] = {
  { "by_type", N_("By complaint type"), "Menurut jenis pengaduan" },
  { "by_institution", N_("By institution"), "Menurut instansi" },
  { "by_kecamatan", N_("By kecamatan"), "Menurut kecamatan" },
  { "by_officer", N_("By officer"), "Menurut petugas" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (breakdowns) == PDW_REPORT_N_BREAKDOWNS);

static const NameDef steps[] = {
  { "step_1", N_("Chat answered"), "Chat masuk dijawab" },
  { "step_2", N_("Identity (NIK) received"), "Data NIK diterima" },
  { "step_3", N_("Complaint registered"), "Pengaduan diregistrasi" },
  { "step_4", N_("Put on the SIAK consolidation list"), "Masuk daftar konsolidasi SIAK" },
  { "step_5", N_("Standard reply until the data is active (2×24 hours)"), "Balasan standar sampai data aktif (2x24 jam)" },
  { "step_6", N_("Closing message sent"), "Pesan penutup dikirim" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (steps) == PDW_REPORT_N_SOP_STEPS);

static const struct
{
  NameDef name;
  gint64  min;
} ages[] = {
  { { "under_1_day", N_("Under 1 day"), "Kurang dari 1 hari" }, 0 },
  { { "1_2_days", N_("1–2 days"), "1–2 hari" }, 1 * DAY },
  { { "2_7_days", N_("2–7 days"), "2–7 hari" }, 2 * DAY },
  { { "7_30_days", N_("7–30 days"), "7–30 hari" }, 7 * DAY },
  { { "over_30_days", N_("Over 30 days"), "Lebih dari 30 hari" }, 30 * DAY },
};
G_STATIC_ASSERT (G_N_ELEMENTS (ages) == PDW_REPORT_N_AGES);

static const struct
{
  char        grade;
  double      min;      /* lowest index of the grade, two decimals */
  const char *label;
  const char *label_id;
} grades[] = {
  { 'A', 88.31, N_("Very good"), "Sangat baik" },
  { 'B', 76.61, N_("Good"), "Baik" },
  { 'C', 65.00, N_("Poor"), "Kurang baik" },
  { 'D', 25.00, N_("Very poor"), "Tidak baik" },
};

static const char * const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

static const char * const month_names_id[] = {
  "Januari", "Februari", "Maret", "April", "Mei", "Juni",
  "Juli", "Agustus", "September", "Oktober", "November", "Desember",
};

const char *
pdw_report_figure_get_id (PdwReportFigure figure)
{
  g_return_val_if_fail (figure < PDW_REPORT_N_FIGURES, NULL);
  return figures[figure].id;
}

const char *
pdw_report_figure_get_label (PdwReportFigure figure)
{
  g_return_val_if_fail (figure < PDW_REPORT_N_FIGURES, NULL);
  return _(figures[figure].label);
}

const char *
pdw_report_figure_get_label_id (PdwReportFigure figure)
{
  g_return_val_if_fail (figure < PDW_REPORT_N_FIGURES, NULL);
  return figures[figure].label_id;
}

PdwReportUnit
pdw_report_figure_get_unit (PdwReportFigure figure)
{
  g_return_val_if_fail (figure < PDW_REPORT_N_FIGURES, PDW_REPORT_UNIT_COUNT);
  return figures[figure].unit;
}

PdwReportFigure
pdw_report_figure_from_id (const char *id)
{
  for (guint i = 0; i < PDW_REPORT_N_FIGURES; i++)
    if (g_strcmp0 (figures[i].id, id) == 0)
      return (PdwReportFigure) i;
  return PDW_REPORT_N_FIGURES;
}

const char *
pdw_report_duration_get_id (PdwReportDuration duration)
{
  g_return_val_if_fail (duration < PDW_REPORT_N_DURATIONS, NULL);
  return durations[duration].id;
}

const char *
pdw_report_duration_get_label (PdwReportDuration duration)
{
  g_return_val_if_fail (duration < PDW_REPORT_N_DURATIONS, NULL);
  return _(durations[duration].label);
}

const char *
pdw_report_duration_get_label_id (PdwReportDuration duration)
{
  g_return_val_if_fail (duration < PDW_REPORT_N_DURATIONS, NULL);
  return durations[duration].label_id;
}

const char *
pdw_report_breakdown_get_id (PdwReportBreakdown breakdown)
{
  g_return_val_if_fail (breakdown < PDW_REPORT_N_BREAKDOWNS, NULL);
  return breakdowns[breakdown].id;
}

const char *
pdw_report_breakdown_get_label (PdwReportBreakdown breakdown)
{
  g_return_val_if_fail (breakdown < PDW_REPORT_N_BREAKDOWNS, NULL);
  return _(breakdowns[breakdown].label);
}

const char *
pdw_report_breakdown_get_label_id (PdwReportBreakdown breakdown)
{
  g_return_val_if_fail (breakdown < PDW_REPORT_N_BREAKDOWNS, NULL);
  return breakdowns[breakdown].label_id;
}

const char *
pdw_report_sop_step_get_label (guint step)
{
  g_return_val_if_fail (step >= 1 && step <= PDW_REPORT_N_SOP_STEPS, NULL);
  return _(steps[step - 1].label);
}

const char *
pdw_report_sop_step_get_label_id (guint step)
{
  g_return_val_if_fail (step >= 1 && step <= PDW_REPORT_N_SOP_STEPS, NULL);
  return steps[step - 1].label_id;
}

const char *
pdw_report_age_get_id (PdwReportAge age)
{
  g_return_val_if_fail (age < PDW_REPORT_N_AGES, NULL);
  return ages[age].name.id;
}

const char *
pdw_report_age_get_label (PdwReportAge age)
{
  g_return_val_if_fail (age < PDW_REPORT_N_AGES, NULL);
  return _(ages[age].name.label);
}

const char *
pdw_report_age_get_label_id (PdwReportAge age)
{
  g_return_val_if_fail (age < PDW_REPORT_N_AGES, NULL);
  return ages[age].name.label_id;
}

gint64
_pdw_report_age_get_min (PdwReportAge age)
{
  g_return_val_if_fail (age < PDW_REPORT_N_AGES, 0);
  return ages[age].min;
}

char
pdw_report_satisfaction_grade (double index)
{
  /* The regulation's table has two decimals: 88.305 is 88.31, an A. */
  double rounded = round (index * 100.0) / 100.0;

  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    if (rounded >= grades[i].min - 1e-9 && rounded <= 100.0 + 1e-9)
      return grades[i].grade;
  return '\0';
}

const char *
pdw_report_grade_get_label (char grade)
{
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    if (grades[i].grade == grade)
      return _(grades[i].label);
  return NULL;
}

const char *
pdw_report_grade_get_label_id (char grade)
{
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    if (grades[i].grade == grade)
      return grades[i].label_id;
  return NULL;
}

/* ---- The period ---------------------------------------------------------------- */

gboolean
pdw_report_parse_month (const char  *text,
                        int         *year,
                        int         *month,
                        GError     **error)
{
  guint64 y = 0, m = 0;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (year != NULL && month != NULL, FALSE);

  if (text != NULL)
    parts = g_strsplit (text, "-", -1);
  if (parts == NULL || g_strv_length (parts) != 2 ||
      strlen (parts[0]) != 4 || strlen (parts[1]) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 2000, 2999, &y, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a month: write it as YYYY-MM, e.g. 2026-03"),
                   text != NULL ? text : "");
      return FALSE;
    }

  *year = (int) y;
  *month = (int) m;
  return TRUE;
}

gint64
pdw_report_month_start (int year,
                        int month)
{
  g_autoptr(GTimeZone) wib = pdw_time_zone_new_wib ();
  g_autoptr(GDateTime) start = NULL;

  /* Month 13 is January of the next year, so that a period's end is the
   * start of the month after it. */
  year += (month - 1) / 12;
  month = (month - 1) % 12 + 1;
  start = g_date_time_new (wib, year, month, 1, 0, 0, 0);
  g_return_val_if_fail (start != NULL, 0);

  return g_date_time_to_unix (start);
}

gboolean
pdw_report_period_init (PdwReportPeriod  *period,
                        int               from_year,
                        int               from_month,
                        int               to_year,
                        int               to_month,
                        GError          **error)
{
  int n_months = (to_year * 12 + to_month) - (from_year * 12 + from_month) + 1;

  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (from_month >= 1 && from_month <= 12 && to_month >= 1 && to_month <= 12, FALSE);

  if (n_months < 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("The last month of the report is before its first month"));
      return FALSE;
    }
  if (n_months > MAX_MONTHS)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("A report covers at most %d months"), MAX_MONTHS);
      return FALSE;
    }

  period->from_year = from_year;
  period->from_month = from_month;
  period->to_year = to_year;
  period->to_month = to_month;
  if (n_months == 1)
    period->kind = PDW_REPORT_PERIOD_MONTH;
  else if (n_months == 12 && from_month == 1)
    period->kind = PDW_REPORT_PERIOD_YEAR;
  else
    period->kind = PDW_REPORT_PERIOD_RANGE;
  period->start = pdw_report_month_start (from_year, from_month);
  period->end = pdw_report_month_start (to_year, to_month + 1);
  return TRUE;
}

void
pdw_report_period_previous (const PdwReportPeriod *period,
                            PdwReportPeriod       *previous)
{
  int from = period->from_year * 12 + (period->from_month - 1);
  int to = period->to_year * 12 + (period->to_month - 1);
  int n = to - from + 1;
  gboolean ok;

  ok = pdw_report_period_init (previous, (from - n) / 12, (from - n) % 12 + 1,
                               (from - 1) / 12, (from - 1) % 12 + 1, NULL);
  g_return_if_fail (ok);
}

static char *
dup_period_label (const PdwReportPeriod *period,
                  gboolean               indonesian)
{
  const char *from = indonesian ? month_names_id[period->from_month - 1] : _(month_names[period->from_month - 1]);
  const char *to = indonesian ? month_names_id[period->to_month - 1] : _(month_names[period->to_month - 1]);

  switch (period->kind)
    {
    case PDW_REPORT_PERIOD_MONTH:
      return g_strdup_printf ("%s %d", from, period->from_year);
    case PDW_REPORT_PERIOD_YEAR:
      /* TRANSLATORS: a year report's period, e.g. "Year 2026" */
      return g_strdup_printf (indonesian ? "Tahun %d" : _("Year %d"), period->from_year);
    case PDW_REPORT_PERIOD_RANGE:
    default:
      if (period->from_year == period->to_year)
        return g_strdup_printf ("%s–%s %d", from, to, period->to_year);
      return g_strdup_printf ("%s %d – %s %d", from, period->from_year, to, period->to_year);
    }
}

char *
pdw_report_period_dup_label (const PdwReportPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);
  return dup_period_label (period, FALSE);
}

char *
pdw_report_period_dup_label_id (const PdwReportPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);
  return dup_period_label (period, TRUE);
}

const char *
pdw_report_month_get_name_id (int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  return month_names_id[month - 1];
}

char *
pdw_report_period_dup_id (const PdwReportPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  if (period->kind == PDW_REPORT_PERIOD_MONTH)
    return g_strdup_printf ("%04d-%02d", period->from_year, period->from_month);
  return g_strdup_printf ("%04d-%02d_%04d-%02d", period->from_year, period->from_month,
                          period->to_year, period->to_month);
}

/* ---- Formatting -------------------------------------------------------------------- */

char *
pdw_report_format_duration (gint64 seconds)
{
  static const struct {
    gint64      seconds;
    const char *unit;
  } units[] = {
    { 24 * 60 * 60, "hari" },
    { 60 * 60,      "jam" },
    { 60,           "menit" },
    { 1,            "detik" },
  };
  GString *text;
  guint shown = 0;

  if (seconds < 0)
    return g_strdup ("–");
  if (seconds == 0)
    return g_strdup ("0 detik");

  text = g_string_new (NULL);
  /* The two largest non-zero units, as an officer would write it on the
   * paper card: precise enough to see a delay, short enough to fit. */
  for (guint i = 0; i < G_N_ELEMENTS (units) && shown < 2 && seconds > 0; i++)
    {
      gint64 count = seconds / units[i].seconds;

      if (count == 0)
        continue;

      seconds -= count * units[i].seconds;
      if (shown++ > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, "%" G_GINT64_FORMAT " %s", count, units[i].unit);
    }

  return g_string_free (text, FALSE);
}

char *
pdw_report_format_number (double value,
                          guint  decimals)
{
  g_autofree char *plain = g_strdup_printf ("%.*f", (int) MIN (decimals, 6), fabs (value));
  const char *dot = strchr (plain, '.');
  gsize int_len = dot != NULL ? (gsize) (dot - plain) : strlen (plain);
  GString *text = g_string_new (value < 0 && strspn (plain, "0.") != strlen (plain) ? "-" : "");

  /* Indonesian: "." groups thousands, "," marks decimals. */
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (text, '.');
      g_string_append_c (text, plain[i]);
    }
  if (dot != NULL)
    {
      g_string_append_c (text, ',');
      g_string_append (text, dot + 1);
    }

  return g_string_free (text, FALSE);
}

/* ---- Statistics ---------------------------------------------------------------------- */

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Nearest rank: the value at rank ceil(p * n), 1-based. */
static gint64
nearest_rank (GArray *sorted,
              guint   percent)
{
  guint rank = (sorted->len * percent + 99) / 100;

  return g_array_index (sorted, gint64, MAX (rank, 1) - 1);
}

void
_pdw_report_stats_from_samples (GArray                 *samples,
                                PdwReportDurationStats *stats)
{
  double sum = 0;

  memset (stats, 0, sizeof *stats);
  if (samples == NULL || samples->len == 0)
    return;

  g_array_sort (samples, compare_gint64);
  for (guint i = 0; i < samples->len; i++)
    sum += (double) g_array_index (samples, gint64, i);

  stats->count = samples->len;
  stats->median = nearest_rank (samples, 50);
  stats->p90 = nearest_rank (samples, 90);
  stats->mean = sum / samples->len;
  stats->max = g_array_index (samples, gint64, samples->len - 1);
}

/* ---- The policy in words ----------------------------------------------------------------- */

char *
_pdw_report_dup_policy_text (const PdwSlaPolicy *policy,
                             PdwServiceCalendar *calendar,
                             gboolean            indonesian)
{
  guint holidays = calendar != NULL ? pdw_service_calendar_get_n_holidays (calendar) : 0;

  if (policy->unit == PDW_SLA_WORKING_DAYS)
    {
      if (indonesian)
        return g_strdup_printf ("Janji 2x24 jam dihitung %u hari kerja sejak balasan standar, menurut jam "
                                "layanan kantor; akhir pekan, hari libur nasional dan cuti bersama tidak "
                                "dihitung (%u hari libur terdaftar).", policy->amount, holidays);
      return g_strdup_printf (ngettext ("The 2×24-hour promise is counted as %u working day from the standard "
                                        "reply, on the office’s service hours; weekends, national holidays and "
                                        "collective leave days do not count (%u holidays listed).",
                                        "The 2×24-hour promise is counted as %u working days from the standard "
                                        "reply, on the office’s service hours; weekends, national holidays and "
                                        "collective leave days do not count (%u holidays listed).",
                                        policy->amount),
                              policy->amount, holidays);
    }

  if (indonesian)
    return g_strdup_printf ("Janji 2x24 jam dihitung %u jam sejak balasan standar (jam kalender, termasuk "
                            "malam, akhir pekan dan hari libur).", policy->amount);
  return g_strdup_printf (ngettext ("The 2×24-hour promise is counted as %u clock hour from the standard reply "
                                    "(nights, weekends and holidays included).",
                                    "The 2×24-hour promise is counted as %u clock hours from the standard reply "
                                    "(nights, weekends and holidays included).",
                                    policy->amount),
                          policy->amount);
}

/* ---- The object ---------------------------------------------------------------------------- */

static void
row_clear (gpointer data)
{
  PdwReportRow *row = data;

  g_free (row->key);
  g_free (row->label);
}

static void
file_clear (gpointer data)
{
  PdwReportFile *file = data;

  g_free (file->ticket);
  g_free (file->complaint_type);
  g_free (file->institution);
  g_free (file->kecamatan);
  g_free (file->officer);
  g_free (file->status);
  g_free (file->status_label);
  g_free (file->nik_masked);
}

static void
pdw_report_finalize (GObject *object)
{
  PdwReport *self = PDW_REPORT (object);

  g_free (self->policy_text);
  g_free (self->policy_label);
  for (guint i = 0; i < PDW_REPORT_N_BREAKDOWNS; i++)
    g_clear_pointer (&self->breakdowns[i], g_array_unref);
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->files, g_array_unref);

  G_OBJECT_CLASS (pdw_report_parent_class)->finalize (object);
}

static void
pdw_report_class_init (PdwReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pdw_report_finalize;
}

static void
pdw_report_init (PdwReport *self)
{
  for (guint i = 0; i < PDW_REPORT_N_BREAKDOWNS; i++)
    {
      self->breakdowns[i] = g_array_new (FALSE, TRUE, sizeof (PdwReportRow));
      g_array_set_clear_func (self->breakdowns[i], row_clear);
    }
  self->days = g_array_new (FALSE, TRUE, sizeof (PdwReportDay));
  self->months = g_array_new (FALSE, TRUE, sizeof (PdwReportMonth));
  self->files = g_array_new (FALSE, TRUE, sizeof (PdwReportFile));
  g_array_set_clear_func (self->files, file_clear);
}

PdwReport *
_pdw_report_new (void)
{
  return g_object_new (PDW_TYPE_REPORT, NULL);
}

const PdwReportPeriod *
pdw_report_get_period (PdwReport *self)
{
  g_return_val_if_fail (PDW_IS_REPORT (self), NULL);
  return &self->period;
}

gint64
pdw_report_get_generated_at (PdwReport *self)
{
  g_return_val_if_fail (PDW_IS_REPORT (self), 0);
  return self->generated_at;
}

const PdwSlaPolicy *
pdw_report_get_sla_policy (PdwReport *self)
{
  g_return_val_if_fail (PDW_IS_REPORT (self), NULL);
  return &self->policy;
}

const char *
pdw_report_get_policy_text (PdwReport *self)
{
  g_return_val_if_fail (PDW_IS_REPORT (self), NULL);
  return self->policy_text;
}

const char *
pdw_report_get_policy_label (PdwReport *self)
{
  g_return_val_if_fail (PDW_IS_REPORT (self), NULL);
  return self->policy_label;
}

const PdwReportFigureValue *
pdw_report_get_figure (PdwReport       *self,
                       PdwReportFigure  figure)
{
  g_return_val_if_fail (PDW_IS_REPORT (self), NULL);
  g_return_val_if_fail (figure < PDW_REPORT_N_FIGURES, NULL);
  return &self->figures[figure];
}

const PdwReportDurationStats *
pdw_report_get_duration (PdwReport         *self,
                         PdwReportDuration  duration)
{
  g_return_val_if_fail (PDW_IS_REPORT (self), NULL);
  g_return_val_if_fail (duration < PDW_REPORT_N_DURATIONS, NULL);
  return &self->durations[duration];
}

GArray *
pdw_report_get_breakdown (PdwReport          *self,
                          PdwReportBreakdown  breakdown)
{
  g_return_val_if_fail (PDW_IS_REPORT (self), NULL);
  g_return_val_if_fail (breakdown < PDW_REPORT_N_BREAKDOWNS, NULL);
  return self->breakdowns[breakdown];
}

GArray *
pdw_report_get_days (PdwReport *self)
{
  g_return_val_if_fail (PDW_IS_REPORT (self), NULL);
  return self->days;
}

guint
pdw_report_get_hour_count (PdwReport *self,
                           guint      weekday,
                           guint      hour)
{
  g_return_val_if_fail (PDW_IS_REPORT (self), 0);
  g_return_val_if_fail (weekday < 7 && hour < 24, 0);
  return self->hours[weekday][hour];
}

const PdwReportSopStep *
pdw_report_get_sop_step (PdwReport *self,
                         guint      step)
{
  g_return_val_if_fail (PDW_IS_REPORT (self), NULL);
  g_return_val_if_fail (step >= 1 && step <= PDW_REPORT_N_SOP_STEPS, NULL);
  return &self->steps[step - 1];
}

guint
pdw_report_get_backlog_count (PdwReport    *self,
                              PdwReportAge  age)
{
  g_return_val_if_fail (PDW_IS_REPORT (self), 0);
  g_return_val_if_fail (age < PDW_REPORT_N_AGES, 0);
  return self->backlog[age];
}

const PdwReportDurationStats *
pdw_report_get_backlog_ages (PdwReport *self)
{
  g_return_val_if_fail (PDW_IS_REPORT (self), NULL);
  return &self->backlog_ages;
}

GArray *
pdw_report_get_months (PdwReport *self)
{
  g_return_val_if_fail (PDW_IS_REPORT (self), NULL);
  return self->months;
}

const PdwReportSatisfaction *
pdw_report_get_satisfaction (PdwReport *self)
{
  g_return_val_if_fail (PDW_IS_REPORT (self), NULL);
  return &self->satisfaction;
}

GArray *
pdw_report_get_files (PdwReport *self)
{
  g_return_val_if_fail (PDW_IS_REPORT (self), NULL);
  return self->files;
}
