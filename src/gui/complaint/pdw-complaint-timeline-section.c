/* pdw-complaint-timeline-section.c: the complaint's control card, read from
 * the store into a list model and shown one row per line.  How a line reads
 * (action_label, status_label_of, create_event_row) lives here alone.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/pdw-workflow.h"
#include "gui/pdw-format.h"

#include "pdw-complaint-timeline-section.h"

struct _PdwComplaintTimelineSection
{
  GtkWidget     parent_instance;

  /* Template Widgets */
  GtkListBox   *timeline_list;

  /* Owned References */
  PdwStore     *store;
  GListStore   *events;
};

static void pdw_complaint_timeline_section_iface_init (PdwComplaintSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdwComplaintTimelineSection, pdw_complaint_timeline_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PDW_TYPE_COMPLAINT_SECTION,
                                                      pdw_complaint_timeline_section_iface_init))

/* ---- How a control-card line reads -------------------------------------------- */

static const char *
action_label (const char *action)
{
  if (action != NULL && pdw_workflow_action_is_known (action))
    {
      /* "Register" reads as a command; the card says what happened. */
      if (g_strcmp0 (action, "register") == 0)
        return _("Complaint registered");
      return pdw_workflow_action_get_label (action);
    }

  /* Lines written before the SOP desk. */
  if (g_strcmp0 (action, "status") == 0)
    return _("Status changed");
  if (g_strcmp0 (action, "handover") == 0)
    return _("Handed over");
  if (g_strcmp0 (action, "note") == 0)
    return _("Note");
  return action;
}

static const char *
status_label_of (const char *name)
{
  PdwComplaintStatus status;

  if (name != NULL && pdw_complaint_status_from_string (name, &status))
    return pdw_complaint_status_get_label (status);
  return name;
}

static GtkWidget *
create_event_row (gpointer item,
                  gpointer user_data)
{
  PdwComplaintEvent *event = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = pdw_format_date_time (pdw_complaint_event_get_timestamp (event));
  const char *actor = pdw_complaint_event_get_actor_name (event);
  const char *from = pdw_complaint_event_get_from_status (event);
  const char *to = pdw_complaint_event_get_to_status (event);
  const char *from_party = pdw_complaint_event_get_from_party (event);
  const char *to_party = pdw_complaint_event_get_to_party (event);
  const char *note = pdw_complaint_event_get_note (event);
  /* As written with the line: no query per row, and no change when the
   * officers list is edited later. */
  const char *initials = pdw_complaint_event_get_actor_initials (event);
  g_autofree char *subtitle_text = NULL;
  GString *subtitle = g_string_new (NULL);

  /* Translators: time of a control-card line, in Western Indonesian Time */
  g_string_append_printf (subtitle, _("%s WIB"), when);

  if (actor != NULL && *actor != '\0')
    {
      if (initials != NULL && *initials != '\0')
        g_string_append_printf (subtitle, " · %s (%s)", actor, initials);
      else
        g_string_append_printf (subtitle, " · %s", actor);
    }

  if (to != NULL && g_strcmp0 (from, to) != 0)
    {
      g_string_append_c (subtitle, '\n');
      if (from != NULL)
        g_string_append_printf (subtitle, "%s → %s", status_label_of (from), status_label_of (to));
      else
        g_string_append (subtitle, status_label_of (to));
    }

  if (to_party != NULL && *to_party != '\0')
    {
      g_string_append_c (subtitle, '\n');
      if (from_party != NULL && *from_party != '\0' && g_strcmp0 (from_party, to_party) != 0)
        /* Translators: a hand-over on the control card, from one officer or division to another */
        g_string_append_printf (subtitle, _("From %s to %s"), from_party, to_party);
      else
        /* Translators: the officer or division a file was handed over to */
        g_string_append_printf (subtitle, _("To: %s"), to_party);
    }

  if (note != NULL && *note != '\0')
    g_string_append_printf (subtitle, "\n%s", note);

  subtitle_text = g_string_free (subtitle, FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), action_label (pdw_complaint_event_get_action (event)));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

/* ---- Loading ----------------------------------------------------------------- */

static void
load_events (PdwComplaintTimelineSection *self,
             PdwComplaint                *complaint)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_remove_all (self->events);

  if (complaint == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  events = pdw_store_list_complaint_events (self->store, pdw_complaint_get_id (complaint), &error);
  if (events == NULL)
    {
      g_warning ("Cannot read the control card: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  /* One change for the whole card: the list box builds its rows once. */
  g_list_store_splice (self->events, 0, 0, events->pdata, events->len);
  gtk_widget_set_visible (GTK_WIDGET (self), events->len > 0);
}

/* ---- PdwComplaintSection ------------------------------------------------------ */

static void
pdw_complaint_timeline_section_attach (PdwComplaintSection *section,
                                       PdwContext          *context)
{
  PdwComplaintTimelineSection *self = PDW_COMPLAINT_TIMELINE_SECTION (section);
  PdwStore *store = context != NULL ? pdw_context_get_store (context) : NULL;

  g_set_object (&self->store, store);
}

static void
pdw_complaint_timeline_section_set_complaint (PdwComplaintSection *section,
                                              PdwConversation     *conversation,
                                              PdwComplaint        *complaint)
{
  load_events (PDW_COMPLAINT_TIMELINE_SECTION (section), complaint);
}

static void
pdw_complaint_timeline_section_iface_init (PdwComplaintSectionInterface *iface)
{
  iface->attach = pdw_complaint_timeline_section_attach;
  iface->set_complaint = pdw_complaint_timeline_section_set_complaint;
}

/* ---- Public API ------------------------------------------------------------- */

GListModel *
pdw_complaint_timeline_section_get_events (PdwComplaintTimelineSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_TIMELINE_SECTION (self), NULL);

  return G_LIST_MODEL (self->events);
}

char *
pdw_complaint_timeline_section_dup_event_text (PdwComplaintTimelineSection *self,
                                               guint                        index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (PDW_IS_COMPLAINT_TIMELINE_SECTION (self), NULL);

  row = gtk_list_box_get_row_at_index (self->timeline_list, index);
  if (row == NULL)
    return NULL;

  return g_strdup_printf ("%s\n%s",
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
}

/* ---- GObject ------------------------------------------------------------------ */

static void
pdw_complaint_timeline_section_dispose (GObject *object)
{
  PdwComplaintTimelineSection *self = (PdwComplaintTimelineSection *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_COMPLAINT_TIMELINE_SECTION);
  /* GTK 4.8 only unparents the children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->events);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pdw_complaint_timeline_section_parent_class)->dispose (object);
}

static void
pdw_complaint_timeline_section_class_init (PdwComplaintTimelineSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_complaint_timeline_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-complaint-timeline-section.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintTimelineSection, timeline_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pdw_complaint_timeline_section_init (PdwComplaintTimelineSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->events = g_list_store_new (PDW_TYPE_COMPLAINT_EVENT);
  gtk_list_box_bind_model (self->timeline_list, G_LIST_MODEL (self->events),
                           create_event_row, NULL, NULL);
}
