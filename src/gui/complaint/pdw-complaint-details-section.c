/* pdw-complaint-details-section.c: the registered complaint's citizen data,
 * type, institution and WhatsApp numbers, as text rather than inputs.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/pdw-survey.h"
#include "gui/pdw-format.h"

#include "pdw-complaint-details-section.h"

struct _PdwComplaintDetailsSection
{
  GtkWidget        parent_instance;

  /* Template Widgets */
  GtkListBox      *details_list;

  /* Owned References */
  PdwStore        *store;
  PdwConversation *conversation;
  PdwComplaint    *complaint;
};

static void pdw_complaint_details_section_iface_init (PdwComplaintSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdwComplaintDetailsSection, pdw_complaint_details_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PDW_TYPE_COMPLAINT_SECTION,
                                                      pdw_complaint_details_section_iface_init))

static void
add_detail (PdwComplaintDetailsSection *self,
            const char                 *title,
            const char                 *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "detail");
  gtk_list_box_append (self->details_list, row);
}

static void
clear_details (PdwComplaintDetailsSection *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_list))) != NULL)
    gtk_list_box_remove (self->details_list, child);
}

/* One number a line, each with its "+" as the citizen dials it. */
static char *
dup_numbers_text (PdwComplaintDetailsSection *self)
{
  g_auto(GStrv) numbers = NULL;

  if (self->conversation != NULL)
    numbers = pdw_store_dup_conversation_numbers (self->store, pdw_conversation_get_id (self->conversation), NULL);
  if (numbers == NULL || numbers[0] == NULL)
    return NULL;

  for (guint i = 0; numbers[i] != NULL; i++)
    if (!g_str_has_prefix (numbers[i], "+"))
      {
        char *with_plus = g_strconcat ("+", numbers[i], NULL);

        g_free (numbers[i]);
        numbers[i] = with_plus;
      }

  return g_strjoinv ("\n", numbers);
}

/* The citizen's rating, or where the survey stands; NULL when the file
 * never asked. */
static char *
dup_survey_text (PdwComplaint *complaint)
{
  PdwSurveyState state = {
    pdw_complaint_get_status (complaint),
    pdw_complaint_get_survey_asked_at (complaint),
    pdw_complaint_get_survey_rating (complaint),
  };
  g_autofree char *asked = NULL;

  if (state.rating != 0)
    return pdw_survey_rating_dup_description (state.rating);
  if (state.asked_at <= 0)
    return NULL;

  asked = pdw_format_date_time (state.asked_at);
  if (pdw_survey_awaits_rating (&state, pdw_format_now ()))
    /* Translators: the survey went with the closing message at this time (WIB) */
    return g_strdup_printf (_("Asked on %s WIB, waiting for the citizen's answer"), asked);
  /* Translators: the survey went at this time (WIB), and no rating came within 3 days */
  return g_strdup_printf (_("Asked on %s WIB, not answered"), asked);
}

void
pdw_complaint_details_section_reload (PdwComplaintDetailsSection *self)
{
  g_autofree char *type = NULL;
  g_autofree char *institution = NULL;
  g_autofree char *numbers_text = NULL;
  g_autofree char *survey_text = NULL;
  PdwComplaint *complaint;

  g_return_if_fail (PDW_IS_COMPLAINT_DETAILS_SECTION (self));

  complaint = self->complaint;
  clear_details (self);

  if (complaint == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  if (pdw_complaint_get_complaint_type (complaint) != NULL)
    type = pdw_store_dup_catalog_label (self->store, PDW_CATALOG_COMPLAINT_TYPE,
                                        pdw_complaint_get_complaint_type (complaint));
  if (pdw_complaint_get_institution (complaint) != NULL)
    institution = pdw_store_dup_catalog_label (self->store, PDW_CATALOG_INSTITUTION,
                                               pdw_complaint_get_institution (complaint));
  numbers_text = dup_numbers_text (self);
  survey_text = dup_survey_text (complaint);

  add_detail (self, _("Name"), pdw_complaint_get_citizen_name (complaint));
  add_detail (self, _("NIK"), pdw_complaint_get_nik (complaint));
  add_detail (self, _("Family card number (KK)"), pdw_complaint_get_kk (complaint));
  add_detail (self, _("Phone"), pdw_complaint_get_phone (complaint));
  add_detail (self, _("Type"), type);
  add_detail (self, _("Institution"), institution);
  add_detail (self, _("WhatsApp numbers"), numbers_text);
  add_detail (self, _("Satisfaction rating"), survey_text);

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

/* ---- PdwComplaintSection ------------------------------------------------------ */

static void
pdw_complaint_details_section_attach (PdwComplaintSection *section,
                                      PdwContext          *context)
{
  PdwComplaintDetailsSection *self = PDW_COMPLAINT_DETAILS_SECTION (section);
  PdwStore *store = context != NULL ? pdw_context_get_store (context) : NULL;

  g_set_object (&self->store, store);
}

static void
pdw_complaint_details_section_set_complaint (PdwComplaintSection *section,
                                             PdwConversation     *conversation,
                                             PdwComplaint        *complaint)
{
  PdwComplaintDetailsSection *self = PDW_COMPLAINT_DETAILS_SECTION (section);

  g_set_object (&self->conversation, conversation);
  g_set_object (&self->complaint, complaint);
  pdw_complaint_details_section_reload (self);
}

static void
pdw_complaint_details_section_iface_init (PdwComplaintSectionInterface *iface)
{
  iface->attach = pdw_complaint_details_section_attach;
  iface->set_complaint = pdw_complaint_details_section_set_complaint;
}

/* ---- GObject ------------------------------------------------------------------ */

static void
pdw_complaint_details_section_dispose (GObject *object)
{
  PdwComplaintDetailsSection *self = (PdwComplaintDetailsSection *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_COMPLAINT_DETAILS_SECTION);
  /* GTK 4.8 only unparents the children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->complaint);
  g_clear_object (&self->conversation);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pdw_complaint_details_section_parent_class)->dispose (object);
}

static void
pdw_complaint_details_section_class_init (PdwComplaintDetailsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_complaint_details_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-complaint-details-section.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintDetailsSection, details_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pdw_complaint_details_section_init (PdwComplaintDetailsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
