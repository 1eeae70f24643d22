/* pdw-report-view.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gui/pdw-format.h"

#include "pdw-report-chart-view.h"
#include "pdw-report-text.h"
#include "pdw-report-view.h"

struct _PdwReportView
{
  GtkBox            parent_instance;

  /* Template Widgets */
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  PdwReportFigures *figures;
  GtkBox           *daily_box;
  GtkBox           *lists_box;
  GtkBox           *service_box;
  GtkBox           *sop_box;
  GtkBox           *hours_box;
  PdwReportTable   *durations_table;
  PdwReportTable   *backlog_table;
  PdwReportTable   *by_type_table;
  PdwReportTable   *by_institution_table;
  PdwReportTable   *by_kecamatan_table;
  PdwReportTable   *by_officer_table;
  PdwReportTable   *sop_table;
  PdwReportTable   *months_table;
  GtkLabel         *policy_label;

  /* Owned References */
  PdwReport        *report;

  GtkWidget        *charts[PDW_REPORT_N_CHARTS];
};

G_DEFINE_FINAL_TYPE (PdwReportView, pdw_report_view, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Charts ---------------------------------------------------------------- */

static void
pdw_report_view_add_chart (PdwReportView  *self,
                           GtkBox         *box,
                           PdwReportChart  chart)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (pdw_report_chart_get_title (chart));
  GtkWidget *view = pdw_report_chart_view_new (chart);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (card, TRUE);
  gtk_widget_add_css_class (view, "card");

  gtk_box_append (GTK_BOX (card), title);
  gtk_box_append (GTK_BOX (card), view);
  gtk_box_append (box, card);
  self->charts[chart] = view;
}

/* ---- Tables ---------------------------------------------------------------- */

static void
pdw_report_view_fill_durations (PdwReportView *self)
{
  static const char * const columns[] = {
    N_("Duration"), N_("Files"), N_("Median"), N_("P90"), N_("Mean"), NULL,
  };
  const char *titles[G_N_ELEMENTS (columns)];

  for (guint i = 0; columns[i] != NULL; i++)
    titles[i] = _(columns[i]);
  titles[G_N_ELEMENTS (columns) - 1] = NULL;
  pdw_report_table_set_columns (self->durations_table, titles);

  for (PdwReportDuration d = 0; d < PDW_REPORT_N_DURATIONS; d++)
    {
      const PdwReportDurationStats *stats = pdw_report_get_duration (self->report, d);
      g_autofree char *count = pdw_report_text_count (stats->count);
      g_autofree char *median = pdw_report_text_seconds (stats->count, stats->median);
      g_autofree char *p90 = pdw_report_text_seconds (stats->count, stats->p90);
      g_autofree char *mean = pdw_report_text_seconds (stats->count, (gint64) (stats->mean + 0.5));
      const char *cells[] = { pdw_report_duration_get_label (d), count, median, p90, mean, NULL };

      pdw_report_table_append_row (self->durations_table, cells);
    }
}

static void
pdw_report_view_fill_backlog (PdwReportView *self)
{
  const PdwReportDurationStats *ages = pdw_report_get_backlog_ages (self->report);
  const char *columns[] = { _("Age at the end of the period"), _("Files"), NULL };
  g_autofree char *description = NULL;

  pdw_report_table_set_columns (self->backlog_table, columns);
  for (PdwReportAge age = 0; age < PDW_REPORT_N_AGES; age++)
    {
      g_autofree char *count = pdw_report_text_count (pdw_report_get_backlog_count (self->report, age));
      const char *cells[] = { pdw_report_age_get_label (age), count, NULL };

      pdw_report_table_append_row (self->backlog_table, cells);
    }

  if (ages->count > 0)
    {
      g_autofree char *median = pdw_report_format_duration (ages->median);
      g_autofree char *oldest = pdw_report_format_duration (ages->max);

      /* TRANSLATORS: under the backlog table: "Median age 2 hari 3 jam, oldest 40 hari" */
      description = g_strdup_printf (_("Median age %s, oldest %s"), median, oldest);
    }
  pdw_report_table_set_description (self->backlog_table, description);
}

static PdwReportTable *
pdw_report_view_breakdown_table (PdwReportView      *self,
                                 PdwReportBreakdown  breakdown)
{
  switch (breakdown)
    {
    case PDW_REPORT_BY_TYPE:
      return self->by_type_table;
    case PDW_REPORT_BY_INSTITUTION:
      return self->by_institution_table;
    case PDW_REPORT_BY_KECAMATAN:
      return self->by_kecamatan_table;
    case PDW_REPORT_BY_OFFICER:
      return self->by_officer_table;
    case PDW_REPORT_N_BREAKDOWNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
pdw_report_view_fill_breakdown (PdwReportView      *self,
                                PdwReportBreakdown  breakdown)
{
  PdwReportTable *table = pdw_report_view_breakdown_table (self, breakdown);
  GArray *rows = pdw_report_get_breakdown (self->report, breakdown);
  static const char * const first_columns[] = {
    N_("Complaint type"), N_("Institution"), N_("Kecamatan"), N_("Officer"),
  };
  const char *columns[] = {
    _(first_columns[breakdown]),
    breakdown == PDW_REPORT_BY_OFFICER ? _("Registered") : _("Received"),
    _("Share"), _("Resolved"), _("Median resolution"), NULL,
  };

  pdw_report_table_set_title (table, pdw_report_breakdown_get_label (breakdown));
  pdw_report_table_set_columns (table, columns);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const PdwReportRow *row = &g_array_index (rows, PdwReportRow, i);
      g_autofree char *received = pdw_report_text_count (row->received);
      g_autofree char *share = pdw_report_text_percent (row->share);
      g_autofree char *resolved = pdw_report_text_count (row->resolved);
      g_autofree char *median = pdw_report_text_seconds (row->resolution.count, row->resolution.median);
      const char *cells[] = {
        row->label != NULL && *row->label != '\0' ? row->label : _("Not recorded"),
        received, share, resolved, median, NULL,
      };

      pdw_report_table_append_row (table, cells);
    }
}

static void
pdw_report_view_fill_sop (PdwReportView *self)
{
  const char *columns[] = {
    _("SOP step"), _("Standard"), _("Files"), _("Median"), _("P90"), _("Over the standard"), NULL,
  };

  pdw_report_table_set_columns (self->sop_table, columns);
  for (guint step = 1; step <= PDW_REPORT_N_SOP_STEPS; step++)
    {
      const PdwReportSopStep *sop = pdw_report_get_sop_step (self->report, step);
      g_autofree char *label = g_strdup_printf ("%u. %s", step, pdw_report_sop_step_get_label (step));
      g_autofree char *standard = pdw_report_format_duration (sop->standard);
      g_autofree char *count = pdw_report_text_count (sop->stats.count);
      g_autofree char *median = pdw_report_text_seconds (sop->stats.count, sop->stats.median);
      g_autofree char *p90 = pdw_report_text_seconds (sop->stats.count, sop->stats.p90);
      g_autofree char *over = pdw_report_text_count (sop->over_standard);
      const char *cells[] = { label, standard, count, median, p90, over, NULL };

      pdw_report_table_append_row (self->sop_table, cells);
    }
}

static char *
month_label (int year,
             int month)
{
  PdwReportPeriod period;

  if (!pdw_report_period_init (&period, year, month, year, month, NULL))
    return g_strdup_printf ("%04d-%02d", year, month);

  return pdw_report_period_dup_label (&period);
}

static void
pdw_report_view_fill_months (PdwReportView *self)
{
  GArray *months = pdw_report_get_months (self->report);
  const char *columns[] = {
    _("Month"), _("Received"), _("Conversations"), _("Resolved"), _("Rejected"),
    _("Biometric check"), _("Open at the end"), _("Promise kept"), _("Median resolution"),
    _("IKM"), NULL,
  };

  pdw_report_table_set_columns (self->months_table, columns);
  for (guint i = 0; months != NULL && i < months->len; i++)
    {
      const PdwReportMonth *m = &g_array_index (months, PdwReportMonth, i);
      g_autofree char *label = month_label (m->year, m->month);
      g_autofree char *received = pdw_report_text_count (m->received);
      g_autofree char *conversations = pdw_report_text_count (m->first_messages);
      g_autofree char *resolved = pdw_report_text_count (m->resolved);
      g_autofree char *rejected = pdw_report_text_count (m->rejected);
      g_autofree char *biometric = pdw_report_text_count (m->referred_biometric);
      g_autofree char *open = pdw_report_text_count (m->open_at_end);
      g_autofree char *kept = m->promise_files > 0 ? pdw_report_text_percent (100.0 * m->promise_kept / m->promise_files)
                                                   : g_strdup ("–");
      g_autofree char *median = pdw_report_text_seconds (m->has_resolution_median, m->resolution_median);
      g_autofree char *index = pdw_report_text_value (PDW_REPORT_UNIT_INDEX, m->has_satisfaction_index,
                                                      m->satisfaction_index);
      const char *cells[] = {
        label, received, conversations, resolved, rejected, biometric, open, kept, median, index, NULL,
      };

      pdw_report_table_append_row (self->months_table, cells);
    }
}

/* ---- The report ------------------------------------------------------------- */

static void
pdw_report_view_show (PdwReportView *self)
{
  g_autofree char *title = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *subtitle = NULL;

  pdw_report_figures_set_report (self->figures, self->report);
  for (guint i = 0; i < PDW_REPORT_N_CHARTS; i++)
    pdw_report_chart_view_set_report (PDW_REPORT_CHART_VIEW (self->charts[i]), self->report);

  if (self->report == NULL)
    return;

  title = pdw_report_period_dup_label (pdw_report_get_period (self->report));
  generated = pdw_format_date_time (pdw_report_get_generated_at (self->report));
  if (pdw_report_get_generated_at (self->report) < pdw_report_get_period (self->report)->end)
    /* TRANSLATORS: under the report's period when the period has not ended:
     * its figures stop at the time of computing, "02/12/2026 09:15" */
    subtitle = g_strdup_printf (_("Period in progress: figures up to %s WIB, all times in WIB; "
                                  "the changes compare with the whole previous period"), generated);
  else
    /* TRANSLATORS: under the report's period: "Computed 02/12/2026 09:15 WIB; all times in WIB" */
    subtitle = g_strdup_printf (_("Computed %s WIB; all times in WIB"), generated);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);

  pdw_report_view_fill_durations (self);
  pdw_report_view_fill_backlog (self);
  for (PdwReportBreakdown b = 0; b < PDW_REPORT_N_BREAKDOWNS; b++)
    pdw_report_view_fill_breakdown (self, b);
  pdw_report_view_fill_sop (self);
  pdw_report_view_fill_months (self);
  gtk_label_set_label (self->policy_label, pdw_report_get_policy_label (self->report));
}

GtkWidget *
pdw_report_view_new (void)
{
  return g_object_new (PDW_TYPE_REPORT_VIEW, NULL);
}

PdwReport *
pdw_report_view_get_report (PdwReportView *self)
{
  g_return_val_if_fail (PDW_IS_REPORT_VIEW (self), NULL);

  return self->report;
}

void
pdw_report_view_set_report (PdwReportView *self,
                            PdwReport     *report)
{
  g_return_if_fail (PDW_IS_REPORT_VIEW (self));
  g_return_if_fail (!report || PDW_IS_REPORT (report));

  if (!g_set_object (&self->report, report))
    return;

  pdw_report_view_show (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

PdwReportFigures *
pdw_report_view_get_figures (PdwReportView *self)
{
  g_return_val_if_fail (PDW_IS_REPORT_VIEW (self), NULL);

  return self->figures;
}

GtkWidget *
pdw_report_view_get_chart (PdwReportView  *self,
                           PdwReportChart  chart)
{
  g_return_val_if_fail (PDW_IS_REPORT_VIEW (self), NULL);
  g_return_val_if_fail (chart < PDW_REPORT_N_CHARTS, NULL);

  return self->charts[chart];
}

PdwReportTable *
pdw_report_view_get_breakdown (PdwReportView      *self,
                               PdwReportBreakdown  breakdown)
{
  g_return_val_if_fail (PDW_IS_REPORT_VIEW (self), NULL);
  g_return_val_if_fail (breakdown < PDW_REPORT_N_BREAKDOWNS, NULL);

  return pdw_report_view_breakdown_table (self, breakdown);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
pdw_report_view_dispose (GObject *object)
{
  PdwReportView *self = (PdwReportView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_REPORT_VIEW);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (pdw_report_view_parent_class)->dispose (object);
}

static void
pdw_report_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PdwReportView *self = PDW_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_report_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PdwReportView *self = PDW_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      pdw_report_view_set_report (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_report_view_class_init (PdwReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_report_view_dispose;
  object_class->get_property = pdw_report_view_get_property;
  object_class->set_property = pdw_report_view_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, PDW_TYPE_REPORT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PDW_TYPE_REPORT_FIGURES);
  g_type_ensure (PDW_TYPE_REPORT_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, figures);
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, daily_box);
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, lists_box);
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, service_box);
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, sop_box);
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, hours_box);
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, durations_table);
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, backlog_table);
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, by_type_table);
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, by_institution_table);
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, by_kecamatan_table);
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, by_officer_table);
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, sop_table);
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, months_table);
  gtk_widget_class_bind_template_child (widget_class, PdwReportView, policy_label);
}

static void
pdw_report_view_init (PdwReportView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  pdw_report_view_add_chart (self, self->daily_box, PDW_REPORT_CHART_DAILY_VOLUME);
  pdw_report_view_add_chart (self, self->lists_box, PDW_REPORT_CHART_TYPES);
  pdw_report_view_add_chart (self, self->lists_box, PDW_REPORT_CHART_INSTITUTIONS);
  pdw_report_view_add_chart (self, self->service_box, PDW_REPORT_CHART_PROMISE);
  pdw_report_view_add_chart (self, self->service_box, PDW_REPORT_CHART_SATISFACTION);
  pdw_report_view_add_chart (self, self->sop_box, PDW_REPORT_CHART_SOP_STEPS);
  pdw_report_view_add_chart (self, self->hours_box, PDW_REPORT_CHART_HOURS);
}
