/* pdw-complaint-officer-section.c: the officer's name and NIP, bound to the
 * settings of the context the pane gives it.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "pdw-complaint-officer-section.h"
#include "pdw-complaint-section-private.h"

struct _PdwComplaintOfficerSection
{
  GtkWidget    parent_instance;

  /* Template Widgets */
  AdwEntryRow *officer_name_row;
  AdwEntryRow *officer_nip_row;

  /* Owned References */
  PdwContext  *context;
};

static void pdw_complaint_officer_section_iface_init (PdwComplaintSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdwComplaintOfficerSection, pdw_complaint_officer_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PDW_TYPE_COMPLAINT_SECTION,
                                                      pdw_complaint_officer_section_iface_init))

static gboolean
officer_is_blank (PdwComplaintOfficerSection *self)
{
  return _pdw_complaint_officer_is_blank (self->context);
}

void
pdw_complaint_officer_section_reset (PdwComplaintOfficerSection *self)
{
  g_return_if_fail (PDW_IS_COMPLAINT_OFFICER_SECTION (self));

  gtk_widget_set_visible (GTK_WIDGET (self), officer_is_blank (self));
}

void
pdw_complaint_officer_section_ask_if_blank (PdwComplaintOfficerSection *self)
{
  g_return_if_fail (PDW_IS_COMPLAINT_OFFICER_SECTION (self));

  if (officer_is_blank (self))
    gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

/* ---- PdwComplaintSection ------------------------------------------------------ */

static void
pdw_complaint_officer_section_attach (PdwComplaintSection *section,
                                      PdwContext          *context)
{
  PdwComplaintOfficerSection *self = PDW_COMPLAINT_OFFICER_SECTION (section);
  GSettings *settings;

  if (!g_set_object (&self->context, context))
    return;

  if (context == NULL)
    {
      g_settings_unbind (self->officer_name_row, "text");
      g_settings_unbind (self->officer_nip_row, "text");
      return;
    }

  /* A new binding replaces the one to a former context's settings. */
  settings = pdw_context_get_settings (context);
  g_settings_bind (settings, "officer-name", self->officer_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "officer-nip", self->officer_nip_row, "text", G_SETTINGS_BIND_DEFAULT);
}

static void
pdw_complaint_officer_section_iface_init (PdwComplaintSectionInterface *iface)
{
  iface->attach = pdw_complaint_officer_section_attach;
}

/* ---- GObject ------------------------------------------------------------------ */

static void
pdw_complaint_officer_section_dispose (GObject *object)
{
  PdwComplaintOfficerSection *self = (PdwComplaintOfficerSection *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_COMPLAINT_OFFICER_SECTION);
  /* GTK 4.8 only unparents the children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (pdw_complaint_officer_section_parent_class)->dispose (object);
}

static void
pdw_complaint_officer_section_class_init (PdwComplaintOfficerSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_complaint_officer_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-complaint-officer-section.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintOfficerSection, officer_name_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintOfficerSection, officer_nip_row);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pdw_complaint_officer_section_init (PdwComplaintOfficerSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
