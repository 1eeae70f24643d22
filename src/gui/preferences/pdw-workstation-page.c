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
};

G_DEFINE_FINAL_TYPE (PdwWorkstationPage, pdw_workstation_page, PDW_TYPE_PREFERENCES_PAGE)

/* The officer's own NIP: a wrong one would go on every control card, so
 * only a valid one reaches the settings. */
static void
officer_nip_changed_cb (PdwWorkstationPage *self,
                        AdwEntryRow        *row)
{
  GSettings *settings = pdw_preferences_page_get_settings (PDW_PREFERENCES_PAGE (self));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *current = g_settings_get_string (settings, "officer-nip");

  if (!pdw_preferences_nip_is_valid (text))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (g_strcmp0 (current, text) != 0)
    g_settings_set_string (settings, "officer-nip", text);
}

static void
pdw_workstation_page_constructed (GObject *object)
{
  PdwWorkstationPage *self = (PdwWorkstationPage *)object;
  GSettings *settings;
  g_autofree char *nip = NULL;

  G_OBJECT_CLASS (pdw_workstation_page_parent_class)->constructed (object);

  settings = pdw_preferences_page_get_settings (PDW_PREFERENCES_PAGE (self));
  g_assert (settings != NULL);

  g_settings_bind (settings, "officer-name", self->officer_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "officer-initials", self->officer_initials_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "office-name", self->office_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "office-address", self->office_address_row, "text", G_SETTINGS_BIND_DEFAULT);

  nip = g_settings_get_string (settings, "officer-nip");
  gtk_editable_set_text (GTK_EDITABLE (self->officer_nip_row), nip);
  g_signal_connect_object (self->officer_nip_row, "changed",
                           G_CALLBACK (officer_nip_changed_cb), self, G_CONNECT_SWAPPED);
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
}

static void
pdw_workstation_page_init (PdwWorkstationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
