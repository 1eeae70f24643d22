/* pdw-workstation-page.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-workstation-page.h"

struct _PdwWorkstationPage
{
  PdwPreferencesPage  parent_instance;

  /* Template Widgets */
  AdwEntryRow        *officer_name_row;
  AdwEntryRow        *officer_nip_row;
  AdwEntryRow        *officer_initials_row;
  AdwEntryRow        *office_name_row;
  AdwEntryRow        *office_address_row;
  AdwEntryRow        *head_title_row;
  AdwEntryRow        *head_name_row;
  AdwEntryRow        *head_rank_row;
  AdwEntryRow        *head_nip_row;
  GtkSwitch          *notification_sound_switch;
  AdwEntryRow        *report_place_row;
};

G_DEFINE_FINAL_TYPE (PdwWorkstationPage, pdw_workstation_page, PDW_TYPE_PREFERENCES_PAGE)

/* A NIP (the officer's, the head of office's): a wrong one would go on
 * every control card or report, so only a valid one reaches the settings.
 * The row's "settings-key" data names its key. */
static void
nip_changed_cb (PdwWorkstationPage *self,
                AdwEntryRow        *row)
{
  GSettings *settings = pdw_preferences_page_get_settings (PDW_PREFERENCES_PAGE (self));
  const char *key = g_object_get_data (G_OBJECT (row), "settings-key");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *current = g_settings_get_string (settings, key);

  if (!pdw_preferences_nip_is_valid (text))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (g_strcmp0 (current, text) != 0)
    g_settings_set_string (settings, key, text);
}

static void
pdw_workstation_page_bind_nip (PdwWorkstationPage *self,
                               AdwEntryRow        *row,
                               const char         *key)
{
  GSettings *settings = pdw_preferences_page_get_settings (PDW_PREFERENCES_PAGE (self));
  g_autofree char *nip = g_settings_get_string (settings, key);

  g_object_set_data (G_OBJECT (row), "settings-key", (gpointer) key);
  gtk_editable_set_text (GTK_EDITABLE (row), nip);
  g_signal_connect_object (row, "changed", G_CALLBACK (nip_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
pdw_workstation_page_constructed (GObject *object)
{
  PdwWorkstationPage *self = (PdwWorkstationPage *)object;
  GSettings *settings;

  G_OBJECT_CLASS (pdw_workstation_page_parent_class)->constructed (object);

  settings = pdw_preferences_page_get_settings (PDW_PREFERENCES_PAGE (self));
  g_assert (settings != NULL);

  g_settings_bind (settings, "officer-name", self->officer_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "officer-initials", self->officer_initials_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "office-name", self->office_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "office-address", self->office_address_row, "text", G_SETTINGS_BIND_DEFAULT);

  g_settings_bind (settings, "report-head-title", self->head_title_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "report-head-name", self->head_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "report-head-rank", self->head_rank_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "report-place", self->report_place_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "notification-sound", self->notification_sound_switch, "active", G_SETTINGS_BIND_DEFAULT);

  pdw_workstation_page_bind_nip (self, self->officer_nip_row, "officer-nip");
  pdw_workstation_page_bind_nip (self, self->head_nip_row, "report-head-nip");
}

static void
pdw_workstation_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PDW_TYPE_WORKSTATION_PAGE);

  G_OBJECT_CLASS (pdw_workstation_page_parent_class)->dispose (object);
}

static void
pdw_workstation_page_class_init (PdwWorkstationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pdw_workstation_page_constructed;
  object_class->dispose = pdw_workstation_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-workstation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwWorkstationPage, officer_name_row);
  gtk_widget_class_bind_template_child (widget_class, PdwWorkstationPage, officer_nip_row);
  gtk_widget_class_bind_template_child (widget_class, PdwWorkstationPage, officer_initials_row);
  gtk_widget_class_bind_template_child (widget_class, PdwWorkstationPage, office_name_row);
  gtk_widget_class_bind_template_child (widget_class, PdwWorkstationPage, office_address_row);
  gtk_widget_class_bind_template_child (widget_class, PdwWorkstationPage, head_title_row);
  gtk_widget_class_bind_template_child (widget_class, PdwWorkstationPage, head_name_row);
  gtk_widget_class_bind_template_child (widget_class, PdwWorkstationPage, head_rank_row);
  gtk_widget_class_bind_template_child (widget_class, PdwWorkstationPage, head_nip_row);
  gtk_widget_class_bind_template_child (widget_class, PdwWorkstationPage, notification_sound_switch);
  gtk_widget_class_bind_template_child (widget_class, PdwWorkstationPage, report_place_row);
}

static void
pdw_workstation_page_init (PdwWorkstationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
