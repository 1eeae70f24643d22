/* pdw-report-period-chooser.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-time-zone.h"

#include "pdw-report-period-chooser.h"

struct _PdwReportPeriodChooser
{
  GtkBox           parent_instance;

  /* Template Widgets */
  GtkButton       *previous_button;
  GtkButton       *next_button;
  GtkToggleButton *month_toggle;
  GtkToggleButton *range_toggle;
  GtkToggleButton *year_toggle;
  GtkDropDown     *from_month;
  GtkSpinButton   *from_year;
  GtkLabel        *to_label;
  GtkDropDown     *to_month;
  GtkSpinButton   *to_year;

  PdwReportPeriodKind kind;
  /* Months as year * 12 + (month - 1). */
  int              from;
  int              to;
  /* The widgets are being set from the state: their signals are ours. */
  gboolean         syncing;
};

G_DEFINE_FINAL_TYPE (PdwReportPeriodChooser, pdw_report_period_chooser, GTK_TYPE_BOX)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The years pdw_report_parse_month() accepts. */
#define FIRST_YEAR 2000
#define LAST_YEAR  2999

static int
month_index (int year,
             int month)
{
  return year * 12 + (month - 1);
}

static int
clamp_index (int index)
{
  return CLAMP (index, month_index (FIRST_YEAR, 1), month_index (LAST_YEAR, 12));
}

static void
pdw_report_period_chooser_sync (PdwReportPeriodChooser *self)
{
  gboolean range = self->kind == PDW_REPORT_PERIOD_RANGE;
  gboolean year = self->kind == PDW_REPORT_PERIOD_YEAR;

  self->syncing = TRUE;

  gtk_toggle_button_set_active (self->month_toggle, self->kind == PDW_REPORT_PERIOD_MONTH);
  gtk_toggle_button_set_active (self->range_toggle, range);
  gtk_toggle_button_set_active (self->year_toggle, year);

  gtk_drop_down_set_selected (self->from_month, self->from % 12);
  gtk_spin_button_set_value (self->from_year, self->from / 12);
  gtk_drop_down_set_selected (self->to_month, self->to % 12);
  gtk_spin_button_set_value (self->to_year, self->to / 12);

  gtk_widget_set_visible (GTK_WIDGET (self->from_month), !year);
  gtk_widget_set_visible (GTK_WIDGET (self->to_label), range);
  gtk_widget_set_visible (GTK_WIDGET (self->to_month), range);
  gtk_widget_set_visible (GTK_WIDGET (self->to_year), range);

  self->syncing = FALSE;
}

/* Sets the state; the widgets follow, and changed is emitted once if the
 * period is another one. */
static void
pdw_report_period_chooser_update (PdwReportPeriodChooser *self,
                                  PdwReportPeriodKind     kind,
                                  int                     from,
                                  int                     to)
{
  gboolean changed;

  from = clamp_index (from);
  to = clamp_index (to);
  if (kind == PDW_REPORT_PERIOD_MONTH)
    to = from;
  else if (kind == PDW_REPORT_PERIOD_YEAR)
    {
      from = from - from % 12;
      to = from + 11;
    }

  changed = kind != self->kind || from != self->from || to != self->to;
  self->kind = kind;
  self->from = from;
  self->to = to;
  pdw_report_period_chooser_sync (self);

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

static int
widgets_index (GtkDropDown   *month,
               GtkSpinButton *year)
{
  return month_index (gtk_spin_button_get_value_as_int (year), (int) gtk_drop_down_get_selected (month) + 1);
}

static void
from_changed_cb (PdwReportPeriodChooser *self)
{
  int from;

  if (self->syncing)
    return;

  from = widgets_index (self->from_month, self->from_year);
  if (self->kind == PDW_REPORT_PERIOD_YEAR)
    from = month_index (gtk_spin_button_get_value_as_int (self->from_year), 1);

  pdw_report_period_chooser_update (self, self->kind, from, self->to);
}

static void
to_changed_cb (PdwReportPeriodChooser *self)
{
  if (self->syncing)
    return;

  pdw_report_period_chooser_update (self, self->kind, self->from, widgets_index (self->to_month, self->to_year));
}

static void
mode_toggled_cb (PdwReportPeriodChooser *self,
                 GtkToggleButton        *button)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->month_toggle)
    pdw_report_period_chooser_update (self, PDW_REPORT_PERIOD_MONTH, self->to, self->to);
  else if (button == self->range_toggle)
    /* The last three months, ending with the month shown. */
    pdw_report_period_chooser_update (self, PDW_REPORT_PERIOD_RANGE, self->to - 2, self->to);
  else
    pdw_report_period_chooser_update (self, PDW_REPORT_PERIOD_YEAR, self->to, self->to);
}

static void
previous_clicked_cb (PdwReportPeriodChooser *self)
{
  pdw_report_period_chooser_step (self, -1);
}

static void
next_clicked_cb (PdwReportPeriodChooser *self)
{
  pdw_report_period_chooser_step (self, 1);
}

GtkWidget *
pdw_report_period_chooser_new (void)
{
  return g_object_new (PDW_TYPE_REPORT_PERIOD_CHOOSER, NULL);
}

gboolean
pdw_report_period_chooser_get_period (PdwReportPeriodChooser *self,
                                      PdwReportPeriod        *period,
                                      GError                **error)
{
  g_return_val_if_fail (PDW_IS_REPORT_PERIOD_CHOOSER (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  return pdw_report_period_init (period, self->from / 12, self->from % 12 + 1,
                                 self->to / 12, self->to % 12 + 1, error);
}

void
pdw_report_period_chooser_set (PdwReportPeriodChooser *self,
                               PdwReportPeriodKind     kind,
                               int                     from_year,
                               int                     from_month,
                               int                     to_year,
                               int                     to_month)
{
  g_return_if_fail (PDW_IS_REPORT_PERIOD_CHOOSER (self));
  g_return_if_fail (from_month >= 1 && from_month <= 12);
  g_return_if_fail (to_month >= 1 && to_month <= 12);

  pdw_report_period_chooser_update (self, kind, month_index (from_year, from_month), month_index (to_year, to_month));
}

void
pdw_report_period_chooser_step (PdwReportPeriodChooser *self,
                                int                     direction)
{
  int length;

  g_return_if_fail (PDW_IS_REPORT_PERIOD_CHOOSER (self));

  /* A range moves by its length, so its months follow each other. */
  length = MAX (self->to - self->from + 1, 1) * (direction < 0 ? -1 : 1);
  pdw_report_period_chooser_update (self, self->kind, self->from + length, self->to + length);
}

static void
pdw_report_period_chooser_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PDW_TYPE_REPORT_PERIOD_CHOOSER);

  G_OBJECT_CLASS (pdw_report_period_chooser_parent_class)->dispose (object);
}

static void
pdw_report_period_chooser_class_init (PdwReportPeriodChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_report_period_chooser_dispose;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-report-period-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwReportPeriodChooser, month_toggle);
  gtk_widget_class_bind_template_child (widget_class, PdwReportPeriodChooser, range_toggle);
  gtk_widget_class_bind_template_child (widget_class, PdwReportPeriodChooser, year_toggle);
  gtk_widget_class_bind_template_child (widget_class, PdwReportPeriodChooser, from_month);
  gtk_widget_class_bind_template_child (widget_class, PdwReportPeriodChooser, from_year);
  gtk_widget_class_bind_template_child (widget_class, PdwReportPeriodChooser, to_label);
  gtk_widget_class_bind_template_child (widget_class, PdwReportPeriodChooser, to_month);
  gtk_widget_class_bind_template_child (widget_class, PdwReportPeriodChooser, to_year);
  gtk_widget_class_bind_template_child (widget_class, PdwReportPeriodChooser, previous_button);
  gtk_widget_class_bind_template_child (widget_class, PdwReportPeriodChooser, next_button);
}

static void
pdw_report_period_chooser_init (PdwReportPeriodChooser *self)
{
  g_autoptr(GTimeZone) wib = pdw_time_zone_new_wib ();
  g_autoptr(GDateTime) now = g_date_time_new_now (wib);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->previous_button, "clicked", G_CALLBACK (previous_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_month, "notify::selected", G_CALLBACK (from_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_year, "value-changed", G_CALLBACK (from_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_month, "notify::selected", G_CALLBACK (to_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_year, "value-changed", G_CALLBACK (to_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->month_toggle, "toggled", G_CALLBACK (mode_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->range_toggle, "toggled", G_CALLBACK (mode_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_toggle, "toggled", G_CALLBACK (mode_toggled_cb), self, G_CONNECT_SWAPPED);

  self->kind = PDW_REPORT_PERIOD_MONTH;
  self->from = self->to = clamp_index (month_index (g_date_time_get_year (now), g_date_time_get_month (now)));
  pdw_report_period_chooser_sync (self);
}
