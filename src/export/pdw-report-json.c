/* pdw-report-json.c: every figure of the report as one JSON document, the
 * keys being the identifiers of docs/report-definitions.md.  Durations are
 * seconds; times ISO 8601 in WIB ("2026-03-02T09:00:00+07:00"); a figure
 * with nothing to measure is null.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "pdw-report-export-private.h"

static const char *
unit_name (PdwReportUnit unit)
{
  switch (unit)
    {
    case PDW_REPORT_UNIT_PERCENT:
      return "percent";
    case PDW_REPORT_UNIT_SECONDS:
      return "seconds";
    case PDW_REPORT_UNIT_INDEX:
      return "index";
    case PDW_REPORT_UNIT_RATING:
      return "rating";
    case PDW_REPORT_UNIT_COUNT:
    default:
      return "count";
    }
}

static void
add_time (JsonBuilder *b,
          const char  *name,
          gint64       t)
{
  json_builder_set_member_name (b, name);
  if (t <= 0)
    json_builder_add_null_value (b);
  else
    {
      g_autoptr(GDateTime) local = _pdw_report_dup_wib_time (t);
      g_autofree char *iso = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");

      json_builder_add_string_value (b, iso);
    }
}

static void
add_number (JsonBuilder *b,
            const char  *name,
            gboolean     has_value,
            double       value,
            PdwReportUnit unit)
{
  json_builder_set_member_name (b, name);
  if (!has_value)
    json_builder_add_null_value (b);
  else if (unit == PDW_REPORT_UNIT_COUNT || unit == PDW_REPORT_UNIT_SECONDS)
    json_builder_add_int_value (b, (gint64) value);
  else
    json_builder_add_double_value (b, value);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value == NULL)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, value);
}

static void
add_stats (JsonBuilder                  *b,
           const char                   *name,
           const PdwReportDurationStats *stats)
{
  gboolean has = stats->count > 0;

  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  add_int (b, "count", stats->count);
  add_number (b, "median", has, stats->median, PDW_REPORT_UNIT_SECONDS);
  add_number (b, "p90", has, stats->p90, PDW_REPORT_UNIT_SECONDS);
  add_number (b, "mean", has, stats->mean, PDW_REPORT_UNIT_RATING);
  add_number (b, "max", has, stats->max, PDW_REPORT_UNIT_SECONDS);
  json_builder_end_object (b);
}

static void
add_period (JsonBuilder *b,
            PdwReport   *report)
{
  const PdwReportPeriod *period = pdw_report_get_period (report);
  static const char * const kinds[] = { "month", "range", "year" };
  g_autofree char *id = pdw_report_period_dup_id (period);
  g_autofree char *label = pdw_report_period_dup_label_id (period);
  g_autofree char *from = g_strdup_printf ("%04d-%02d", period->from_year, period->from_month);
  g_autofree char *to = g_strdup_printf ("%04d-%02d", period->to_year, period->to_month);

  json_builder_set_member_name (b, "period");
  json_builder_begin_object (b);
  add_string (b, "id", id);
  add_string (b, "kind", kinds[period->kind]);
  add_string (b, "label", label);
  add_string (b, "from", from);
  add_string (b, "to", to);
  add_time (b, "start", period->start);
  add_time (b, "end", period->end);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "policy");
  json_builder_begin_object (b);
  add_string (b, "unit", pdw_report_get_sla_policy (report)->unit == PDW_SLA_WORKING_DAYS
                          ? "working_days" : "clock_hours");
  add_int (b, "amount", pdw_report_get_sla_policy (report)->amount);
  add_string (b, "text", pdw_report_get_policy_text (report));
  json_builder_end_object (b);
}

static void
add_figures (JsonBuilder *b,
             PdwReport   *report)
{
  json_builder_set_member_name (b, "figures");
  json_builder_begin_object (b);
  for (guint i = 0; i < PDW_REPORT_N_FIGURES; i++)
    {
      const PdwReportFigureValue *f = pdw_report_get_figure (report, i);
      PdwReportUnit unit = pdw_report_figure_get_unit (i);

      json_builder_set_member_name (b, pdw_report_figure_get_id (i));
      json_builder_begin_object (b);
      add_string (b, "label", pdw_report_figure_get_label_id (i));
      add_string (b, "unit", unit_name (unit));
      add_number (b, "value", f->has_value, f->value, unit);
      add_number (b, "previous", f->has_previous, f->previous, unit);
      add_number (b, "change", f->has_value && f->has_previous, f->change, unit);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "durations");
  json_builder_begin_object (b);
  for (guint i = 0; i < PDW_REPORT_N_DURATIONS; i++)
    add_stats (b, pdw_report_duration_get_id (i), pdw_report_get_duration (report, i));
  json_builder_end_object (b);
}

static void
add_breakdowns (JsonBuilder *b,
                PdwReport   *report)
{
  for (guint i = 0; i < PDW_REPORT_N_BREAKDOWNS; i++)
    {
      GArray *rows = pdw_report_get_breakdown (report, i);

      json_builder_set_member_name (b, pdw_report_breakdown_get_id (i));
      json_builder_begin_array (b);
      for (guint r = 0; r < rows->len; r++)
        {
          const PdwReportRow *row = &g_array_index (rows, PdwReportRow, r);

          json_builder_begin_object (b);
          add_string (b, "key", row->key);
          add_string (b, "label", row->label);
          add_int (b, "received", row->received);
          add_int (b, "resolved", row->resolved);
          add_number (b, "share", TRUE, row->share, PDW_REPORT_UNIT_PERCENT);
          add_stats (b, "resolution", &row->resolution);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
}

static void
add_series (JsonBuilder *b,
            PdwReport   *report)
{
  GArray *days = pdw_report_get_days (report);

  json_builder_set_member_name (b, "days");
  json_builder_begin_array (b);
  for (guint i = 0; i < days->len; i++)
    {
      const PdwReportDay *day = &g_array_index (days, PdwReportDay, i);
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", day->year, day->month, day->day);

      json_builder_begin_object (b);
      add_string (b, "date", date);
      add_int (b, "received", day->received);
      add_int (b, "resolved", day->resolved);
      add_int (b, "first_messages", day->first_messages);
      add_int (b, "citizen_messages", day->citizen_messages);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  /* Monday first, hours 0-23 WIB. */
  json_builder_set_member_name (b, "hours");
  json_builder_begin_array (b);
  for (guint d = 0; d < 7; d++)
    {
      json_builder_begin_array (b);
      for (guint h = 0; h < 24; h++)
        json_builder_add_int_value (b, pdw_report_get_hour_count (report, d, h));
      json_builder_end_array (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "sop_steps");
  json_builder_begin_array (b);
  for (guint s = 1; s <= PDW_REPORT_N_SOP_STEPS; s++)
    {
      const PdwReportSopStep *step = pdw_report_get_sop_step (report, s);

      json_builder_begin_object (b);
      add_int (b, "step", s);
      add_string (b, "label", pdw_report_sop_step_get_label_id (s));
      add_int (b, "standard", step->standard);
      add_stats (b, "time", &step->stats);
      add_int (b, "over_standard", step->over_standard);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "backlog");
  json_builder_begin_object (b);
  for (guint a = 0; a < PDW_REPORT_N_AGES; a++)
    add_int (b, pdw_report_age_get_id (a), pdw_report_get_backlog_count (report, a));
  add_stats (b, "ages", pdw_report_get_backlog_ages (report));
  json_builder_end_object (b);
}

static void
add_months (JsonBuilder *b,
            PdwReport   *report)
{
  GArray *months = pdw_report_get_months (report);

  json_builder_set_member_name (b, "months");
  json_builder_begin_array (b);
  for (guint i = 0; i < months->len; i++)
    {
      const PdwReportMonth *m = &g_array_index (months, PdwReportMonth, i);
      g_autofree char *month = g_strdup_printf ("%04d-%02d", m->year, m->month);

      json_builder_begin_object (b);
      add_string (b, "month", month);
      add_int (b, "received", m->received);
      add_int (b, "first_messages", m->first_messages);
      add_int (b, "resolved", m->resolved);
      add_int (b, "rejected", m->rejected);
      add_int (b, "referred_biometric", m->referred_biometric);
      add_int (b, "open_at_end", m->open_at_end);
      add_int (b, "carried_over", m->carried_over);
      add_int (b, "reopened", m->reopened);
      add_int (b, "promise_files", m->promise_files);
      add_int (b, "promise_kept", m->promise_kept);
      add_number (b, "resolution_median", m->has_resolution_median, m->resolution_median,
                  PDW_REPORT_UNIT_SECONDS);
      add_number (b, "satisfaction_index", m->has_satisfaction_index, m->satisfaction_index,
                  PDW_REPORT_UNIT_INDEX);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_satisfaction (JsonBuilder *b,
                  PdwReport   *report)
{
  const PdwReportSatisfaction *s = pdw_report_get_satisfaction (report);
  char grade[2] = { s->grade, '\0' };

  json_builder_set_member_name (b, "satisfaction");
  json_builder_begin_object (b);
  add_int (b, "asked", s->asked);
  add_int (b, "answered", s->answered);
  add_number (b, "response_rate", s->asked > 0, s->response_rate, PDW_REPORT_UNIT_PERCENT);
  json_builder_set_member_name (b, "distribution");
  json_builder_begin_object (b);
  for (guint r = 0; r < 4; r++)
    {
      char key[2] = { (char) ('1' + r), '\0' };

      add_int (b, key, s->distribution[r]);
    }
  json_builder_end_object (b);
  add_number (b, "mean", s->has_index, s->mean, PDW_REPORT_UNIT_RATING);
  add_number (b, "index", s->has_index, s->index, PDW_REPORT_UNIT_INDEX);
  add_string (b, "grade", s->grade != '\0' ? grade : NULL);
  add_string (b, "grade_label", pdw_report_grade_get_label_id (s->grade));
  json_builder_end_object (b);
}

static void
add_files (JsonBuilder *b,
           PdwReport   *report)
{
  GArray *files = pdw_report_get_files (report);

  json_builder_set_member_name (b, "files");
  json_builder_begin_array (b);
  for (guint i = 0; i < files->len; i++)
    {
      const PdwReportFile *f = &g_array_index (files, PdwReportFile, i);

      json_builder_begin_object (b);
      add_string (b, "ticket", f->ticket);
      add_time (b, "registered_at", f->registered_at);
      add_time (b, "closed_at", f->closed_at);
      add_string (b, "complaint_type", f->complaint_type);
      add_string (b, "institution", f->institution);
      add_string (b, "kecamatan", f->kecamatan);
      add_string (b, "officer", f->officer);
      add_string (b, "status", f->status);
      add_string (b, "status_label", f->status_label);
      add_string (b, "nik", f->nik_masked);
      add_number (b, "first_response", f->has_first_response, f->first_response, PDW_REPORT_UNIT_SECONDS);
      add_number (b, "resolution", f->has_resolution, f->resolution, PDW_REPORT_UNIT_SECONDS);
      add_string (b, "promise", !f->promise_measured ? NULL : f->promise_kept ? "kept" : "broken");
      add_int (b, "reopened", f->reopened);
      add_number (b, "rating", f->rating > 0, f->rating, PDW_REPORT_UNIT_COUNT);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

char *
pdw_report_json_to_data (PdwReport *report,
                         gsize     *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (PDW_IS_REPORT (report), NULL);

  json_builder_begin_object (b);
  add_string (b, "format", "pandawa-report");
  add_int (b, "version", 1);
  add_time (b, "generated_at", pdw_report_get_generated_at (report));
  add_period (b, report);
  add_figures (b, report);
  add_breakdowns (b, report);
  add_series (b, report);
  add_months (b, report);
  add_satisfaction (b, report);
  add_files (b, report);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, length);
}

gboolean
pdw_report_json_write (PdwReport                     *report,
                       const char                    *path,
                       const PdwReportExportOptions  *options,
                       GError                       **error)
{
  gsize length = 0;
  g_autofree char *data = pdw_report_json_to_data (report, &length);

  return pdw_report_export_write_file (path, data, length, error);
}
