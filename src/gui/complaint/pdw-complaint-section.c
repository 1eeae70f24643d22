/* pdw-complaint-section.c: the interface of the complaint pane's sections
 * and the helpers they share.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/pdw-classify.h"

#include "pdw-complaint-section.h"
#include "pdw-complaint-section-private.h"

G_DEFINE_INTERFACE (PdwComplaintSection, pdw_complaint_section, GTK_TYPE_WIDGET)

enum {
  COMPLAINT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pdw_complaint_section_default_init (PdwComplaintSectionInterface *iface)
{
  signals[COMPLAINT_CHANGED] =
    g_signal_new ("complaint-changed",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PDW_TYPE_COMPLAINT);
}

void
pdw_complaint_section_attach (PdwComplaintSection *self,
                              PdwContext          *context)
{
  PdwComplaintSectionInterface *iface;

  g_return_if_fail (PDW_IS_COMPLAINT_SECTION (self));
  g_return_if_fail (!context || PDW_IS_CONTEXT (context));

  iface = PDW_COMPLAINT_SECTION_GET_IFACE (self);
  if (iface->attach != NULL)
    iface->attach (self, context);
}

void
pdw_complaint_section_set_complaint (PdwComplaintSection *self,
                                     PdwConversation     *conversation,
                                     PdwComplaint        *complaint)
{
  PdwComplaintSectionInterface *iface;

  g_return_if_fail (PDW_IS_COMPLAINT_SECTION (self));
  g_return_if_fail (!conversation || PDW_IS_CONVERSATION (conversation));
  g_return_if_fail (!complaint || PDW_IS_COMPLAINT (complaint));

  iface = PDW_COMPLAINT_SECTION_GET_IFACE (self);
  if (iface->set_complaint != NULL)
    iface->set_complaint (self, conversation, complaint);
}

void
pdw_complaint_section_complaint_changed (PdwComplaintSection *self,
                                         PdwComplaint        *complaint)
{
  g_return_if_fail (PDW_IS_COMPLAINT_SECTION (self));
  g_return_if_fail (PDW_IS_COMPLAINT (complaint));

  g_signal_emit (self, signals[COMPLAINT_CHANGED], 0, complaint);
}

/* ---- Shared helpers ----------------------------------------------------------- */

static const char * const message_classes[] = { "error", "warning", "success", "dim-label" };

void
_pdw_complaint_set_message (GtkLabel   *label,
                            const char *text,
                            const char *css_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (message_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), message_classes[i]);

  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
}

const char *
_pdw_complaint_get_shown_text (GtkLabel *label)
{
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : NULL;
}

gboolean
_pdw_complaint_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

gboolean
_pdw_complaint_officer_is_blank (PdwContext *context)
{
  g_autofree char *name = NULL;

  if (context == NULL)
    return TRUE;

  name = g_settings_get_string (pdw_context_get_settings (context), "officer-name");
  return _pdw_complaint_text_is_blank (name);
}

void
_pdw_complaint_show_toast (GtkWidget  *widget,
                           const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

char *
_pdw_complaint_dup_consolidation_needs (PdwComplaint *complaint)
{
  g_autofree char *missing = NULL;

  if (complaint == NULL)
    return NULL;

  missing = pdw_classify_describe_missing (
    pdw_classify_missing_for_consolidation (pdw_complaint_get_complaint_type (complaint),
                                            pdw_complaint_get_citizen_name (complaint),
                                            pdw_complaint_get_nik (complaint),
                                            pdw_complaint_get_kk (complaint)));
  if (missing == NULL)
    return NULL;

  /* Translators: %s is e.g. "the name and the family card number (KK)"; Edit Data is the pane's button */
  return g_strdup_printf (_("Add %s with Edit Data before the file goes on the consolidation list."), missing);
}
