/* pdw-service-page.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-service-calendar.h"

#include "pdw-holidays-group.h"
#include "pdw-service-page.h"

struct _PdwServicePage
{
  PdwPreferencesPage  parent_instance;

  /* Template Widgets */
  AdwActionRow       *service_days_row;
  AdwEntryRow        *hours_start_row;
  AdwEntryRow        *hours_end_row;
  PdwHolidaysGroup   *holidays_group;
  AdwComboRow        *sla_unit_row;
  GtkWidget          *sla_hours_row;
  GtkWidget          *sla_days_row;
  GtkSpinButton      *sla_hours_spin;
  GtkSpinButton      *sla_days_spin;
  GtkSpinButton      *due_soon_spin;
  GtkSwitch          *auto_reply_switch;
  GtkSwitch          *survey_switch;
  AdwEntryRow        *wa_template_name_row;
  AdwEntryRow        *wa_template_language_row;

  /* Borrowed References */
  GtkToggleButton    *day_buttons[7];
};

G_DEFINE_FINAL_TYPE (PdwServicePage, pdw_service_page, PDW_TYPE_PREFERENCES_PAGE)

static GSettings *
pdw_service_page_get_settings (PdwServicePage *self)
{
  return pdw_preferences_page_get_settings (PDW_PREFERENCES_PAGE (self));
}

static void
pdw_service_page_sync_days (PdwServicePage *self)
{
  g_autoptr(GVariant) days = g_settings_get_value (pdw_service_page_get_settings (self), "service-days");
  const gint32 *values;
  gsize n_values;
  gboolean on[7] = { FALSE };

  values = g_variant_get_fixed_array (days, &n_values, sizeof (gint32));
  for (gsize i = 0; i < n_values; i++)
    {
      if (values[i] >= 1 && values[i] <= 7)
        on[values[i] - 1] = TRUE;
    }

  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (self->day_buttons[i], on[i]);
}

static void
day_toggled_cb (PdwServicePage  *self,
                GtkToggleButton *button)
{
  GSettings *settings = pdw_service_page_get_settings (self);
  GVariantBuilder builder;
  g_autoptr(GVariant) current = NULL;
  GVariant *wanted;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("ai"));
  for (guint i = 0; i < 7; i++)
    {
      if (gtk_toggle_button_get_active (self->day_buttons[i]))
        g_variant_builder_add (&builder, "i", (gint32)(i + 1));
    }
  wanted = g_variant_ref_sink (g_variant_builder_end (&builder));

  current = g_settings_get_value (settings, "service-days");
  if (!g_variant_equal (current, wanted))
    g_settings_set_value (settings, "service-days", wanted);
  g_variant_unref (wanted);
}

static void
pdw_service_page_build_day_buttons (PdwServicePage *self)
{
  /* Monday first, as the office's week (GDateWeekday 1..7). */
  static const char *names[7] = {
    N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  for (guint i = 0; i < 7; i++)
    {
      self->day_buttons[i] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_(names[i])));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->day_buttons[i]));
    }

  adw_action_row_add_suffix (self->service_days_row, box);
  pdw_service_page_sync_days (self);

  for (guint i = 0; i < 7; i++)
    g_signal_connect_object (self->day_buttons[i], "toggled",
                             G_CALLBACK (day_toggled_cb), self, G_CONNECT_SWAPPED);
}

/* Only a valid HH:MM reaches the settings; anything else is marked and
 * left for the officer to correct. */
static void
hours_changed_cb (PdwServicePage *self,
                  AdwEntryRow    *row)
{
  GSettings *settings = pdw_service_page_get_settings (self);
  const char *key = row == self->hours_start_row ? "service-hours-start" : "service-hours-end";
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  guint minute;
  g_autofree char *normalized = NULL;
  g_autofree char *current = NULL;

  if (!pdw_service_calendar_parse_time_of_day (text, &minute) ||
      (row == self->hours_start_row && minute >= 24 * 60))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  normalized = g_strdup_printf ("%02u:%02u", minute / 60, minute % 60);
  current = g_settings_get_string (settings, key);
  if (g_strcmp0 (current, normalized) != 0)
    g_settings_set_string (settings, key, normalized);
}

static void
pdw_service_page_sync_sla_unit (PdwServicePage *self)
{
  g_autofree char *unit = g_settings_get_string (pdw_service_page_get_settings (self), "sla-unit");
  gboolean days = g_strcmp0 (unit, "working-days") == 0;

  if (adw_combo_row_get_selected (self->sla_unit_row) != (days ? 1u : 0u))
    adw_combo_row_set_selected (self->sla_unit_row, days ? 1 : 0);
  gtk_widget_set_visible (self->sla_hours_row, !days);
  gtk_widget_set_visible (self->sla_days_row, days);
}

static void
sla_unit_selected_cb (PdwServicePage *self)
{
  GSettings *settings = pdw_service_page_get_settings (self);
  const char *unit = adw_combo_row_get_selected (self->sla_unit_row) == 1 ? "working-days" : "clock-hours";
  g_autofree char *current = g_settings_get_string (settings, "sla-unit");

  if (g_strcmp0 (current, unit) != 0)
    g_settings_set_string (settings, "sla-unit", unit);
  pdw_service_page_sync_sla_unit (self);
}

static void
pdw_service_page_constructed (GObject *object)
{
  PdwServicePage *self = (PdwServicePage *)object;
  GSettings *settings;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  G_OBJECT_CLASS (pdw_service_page_parent_class)->constructed (object);

  settings = pdw_service_page_get_settings (self);
  g_assert (settings != NULL);

  g_settings_bind (settings, "wa-template-name", self->wa_template_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "wa-template-language", self->wa_template_language_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "auto-reply-enabled", self->auto_reply_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "survey-enabled", self->survey_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sla-hours", self->sla_hours_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sla-working-days", self->sla_days_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "due-soon-hours", self->due_soon_spin, "value", G_SETTINGS_BIND_DEFAULT);

  start = g_settings_get_string (settings, "service-hours-start");
  end = g_settings_get_string (settings, "service-hours-end");
  gtk_editable_set_text (GTK_EDITABLE (self->hours_start_row), start);
  gtk_editable_set_text (GTK_EDITABLE (self->hours_end_row), end);
  g_signal_connect_object (self->hours_start_row, "changed", G_CALLBACK (hours_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->hours_end_row, "changed", G_CALLBACK (hours_changed_cb), self, G_CONNECT_SWAPPED);

  pdw_service_page_sync_sla_unit (self);
  g_signal_connect_object (self->sla_unit_row, "notify::selected",
                           G_CALLBACK (sla_unit_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::sla-unit",
                           G_CALLBACK (pdw_service_page_sync_sla_unit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::service-days",
                           G_CALLBACK (pdw_service_page_sync_days), self, G_CONNECT_SWAPPED);

  pdw_service_page_build_day_buttons (self);
  pdw_holidays_group_set_context (self->holidays_group,
                                  pdw_preferences_page_get_context (PDW_PREFERENCES_PAGE (self)));
}

static void
pdw_service_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PDW_TYPE_SERVICE_PAGE);

  G_OBJECT_CLASS (pdw_service_page_parent_class)->dispose (object);
}

static void
pdw_service_page_class_init (PdwServicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pdw_service_page_constructed;
  object_class->dispose = pdw_service_page_dispose;

  g_type_ensure (PDW_TYPE_HOLIDAYS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-service-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwServicePage, service_days_row);
  gtk_widget_class_bind_template_child (widget_class, PdwServicePage, hours_start_row);
  gtk_widget_class_bind_template_child (widget_class, PdwServicePage, hours_end_row);
  gtk_widget_class_bind_template_child (widget_class, PdwServicePage, holidays_group);
  gtk_widget_class_bind_template_child (widget_class, PdwServicePage, sla_unit_row);
  gtk_widget_class_bind_template_child (widget_class, PdwServicePage, sla_hours_row);
  gtk_widget_class_bind_template_child (widget_class, PdwServicePage, sla_days_row);
  gtk_widget_class_bind_template_child (widget_class, PdwServicePage, sla_hours_spin);
  gtk_widget_class_bind_template_child (widget_class, PdwServicePage, sla_days_spin);
  gtk_widget_class_bind_template_child (widget_class, PdwServicePage, due_soon_spin);
  gtk_widget_class_bind_template_child (widget_class, PdwServicePage, auto_reply_switch);
  gtk_widget_class_bind_template_child (widget_class, PdwServicePage, survey_switch);
  gtk_widget_class_bind_template_child (widget_class, PdwServicePage, wa_template_name_row);
  gtk_widget_class_bind_template_child (widget_class, PdwServicePage, wa_template_language_row);
}

static void
pdw_service_page_init (PdwServicePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
