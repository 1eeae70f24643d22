/* pdw-complaint-timeline-section.c: the complaint's control card, read from
 * the store into a list model and shown one row per line.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "core/pdw-card-line.h"
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
  PdwComplaint *complaint;
  /* A step's message that fails to deliver changes its line. */
  GSignalGroup *store_signals;
};

static void pdw_complaint_timeline_section_iface_init (PdwComplaintSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdwComplaintTimelineSection, pdw_complaint_timeline_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PDW_TYPE_COMPLAINT_SECTION,
                                                      pdw_complaint_timeline_section_iface_init))

/* ---- Rows -------------------------------------------------------------------- */

/* A line in the words of the core's one description of it
 * (pdw-card-line.h), which the printed card uses too. */
static GtkWidget *
create_event_row (gpointer item,
                  gpointer user_data)
{
  PdwComplaintEvent *event = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = pdw_format_card_line_subtitle (event);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pdw_card_line_get_title (event));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
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

static void
message_changed_cb (PdwComplaintTimelineSection *self,
                    gint64                       conversation_id,
                    gint64                       message_id,
                    PdwStore                    *store)
{
  guint n_events = g_list_model_get_n_items (G_LIST_MODEL (self->events));

  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(PdwComplaintEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), i);

      if (pdw_complaint_event_get_message_id (event) == message_id)
        {
          load_events (self, self->complaint);
          return;
        }
    }
}

/* ---- PdwComplaintSection ------------------------------------------------------ */

static void
pdw_complaint_timeline_section_attach (PdwComplaintSection *section,
                                       PdwContext          *context)
{
  PdwComplaintTimelineSection *self = PDW_COMPLAINT_TIMELINE_SECTION (section);
  PdwStore *store = context != NULL ? pdw_context_get_store (context) : NULL;

  g_set_object (&self->store, store);
  g_signal_group_set_target (self->store_signals, store);
}

static void
pdw_complaint_timeline_section_set_complaint (PdwComplaintSection *section,
                                              PdwConversation     *conversation,
                                              PdwComplaint        *complaint)
{
  PdwComplaintTimelineSection *self = PDW_COMPLAINT_TIMELINE_SECTION (section);

  g_set_object (&self->complaint, complaint);
  load_events (self, complaint);
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

  g_clear_object (&self->store_signals);
  g_clear_object (&self->events);
  g_clear_object (&self->store);
  g_clear_object (&self->complaint);

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
  self->store_signals = g_signal_group_new (PDW_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "message-changed",
                                 G_CALLBACK (message_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->timeline_list, G_LIST_MODEL (self->events),
                           create_event_row, NULL, NULL);
}
