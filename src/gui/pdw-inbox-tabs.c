/* pdw-inbox-tabs.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "pdw-inbox-tabs.h"

/* In the order of the template's buttons. */
static const PdwConversationFilter tab_filters[] = {
  PDW_CONVERSATION_FILTER_WORKING_SET,
  PDW_CONVERSATION_FILTER_UNANSWERED,
  PDW_CONVERSATION_FILTER_MINE,
  PDW_CONVERSATION_FILTER_ATTENTION,
  PDW_CONVERSATION_FILTER_ARCHIVE,
};

#define N_TABS G_N_ELEMENTS (tab_filters)

struct _PdwInboxTabs
{
  GtkWidget              parent_instance;

  /* Template Widgets */
  GtkWidget             *flow;
  GtkToggleButton       *buttons[N_TABS];
  GtkLabel              *counts[N_TABS];   /* NULL: a tab without a count */

  PdwInboxCounter       *counter;
  PdwConversationFilter  filter;
  gboolean               syncing;
};

G_DEFINE_FINAL_TYPE (PdwInboxTabs, pdw_inbox_tabs, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
tab_of (PdwConversationFilter filter)
{
  for (guint i = 0; i < N_TABS; i++)
    if (tab_filters[i] == filter)
      return i;
  return -1;
}

static void
pdw_inbox_tabs_sync_counts (PdwInboxTabs *self)
{
  for (guint i = 0; i < N_TABS; i++)
    {
      guint count;
      char text[16];

      if (self->counts[i] == NULL)
        continue;

      count = self->counter != NULL ? pdw_inbox_counter_get_count (self->counter, tab_filters[i]) : 0;
      g_snprintf (text, sizeof text, "%u", count);
      gtk_label_set_text (self->counts[i], text);
      /* An empty tab says so by its grey count. */
      if (count == 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->counts[i]), "dim-label");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->counts[i]), "dim-label");
    }
}

static void
pdw_inbox_tabs_sync_buttons (PdwInboxTabs *self)
{
  int active = tab_of (self->filter);

  self->syncing = TRUE;
  for (guint i = 0; i < N_TABS; i++)
    gtk_toggle_button_set_active (self->buttons[i], (int) i == active);
  self->syncing = FALSE;
}

static void
button_toggled_cb (PdwInboxTabs    *self,
                   GtkToggleButton *button)
{
  if (self->syncing)
    return;

  if (!gtk_toggle_button_get_active (button))
    {
      /* A pressed tab stays pressed: clicking it again keeps the filter. */
      if (self->buttons[MAX (tab_of (self->filter), 0)] == button)
        {
          self->syncing = TRUE;
          gtk_toggle_button_set_active (button, TRUE);
          self->syncing = FALSE;
        }
      return;
    }

  for (guint i = 0; i < N_TABS; i++)
    if (self->buttons[i] == button)
      pdw_inbox_tabs_set_filter (self, tab_filters[i]);
}

void
pdw_inbox_tabs_set_counter (PdwInboxTabs    *self,
                            PdwInboxCounter *counter)
{
  g_return_if_fail (PDW_IS_INBOX_TABS (self));
  g_return_if_fail (!counter || PDW_IS_INBOX_COUNTER (counter));

  if (self->counter != NULL)
    g_signal_handlers_disconnect_by_data (self->counter, self);
  if (!g_set_object (&self->counter, counter))
    return;

  if (counter != NULL)
    g_signal_connect_object (counter, "notify", G_CALLBACK (pdw_inbox_tabs_sync_counts),
                             self, G_CONNECT_SWAPPED);
  pdw_inbox_tabs_sync_counts (self);
}

PdwConversationFilter
pdw_inbox_tabs_get_filter (PdwInboxTabs *self)
{
  g_return_val_if_fail (PDW_IS_INBOX_TABS (self), PDW_CONVERSATION_FILTER_WORKING_SET);
  return self->filter;
}

void
pdw_inbox_tabs_set_filter (PdwInboxTabs          *self,
                           PdwConversationFilter  filter)
{
  g_return_if_fail (PDW_IS_INBOX_TABS (self));
  g_return_if_fail (filter < PDW_N_CONVERSATION_FILTERS);

  if (self->filter == filter)
    return;

  self->filter = filter;
  pdw_inbox_tabs_sync_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

const char *
pdw_inbox_tabs_get_count_text (PdwInboxTabs          *self,
                               PdwConversationFilter  filter)
{
  int tab;

  g_return_val_if_fail (PDW_IS_INBOX_TABS (self), NULL);

  tab = tab_of (filter);
  return tab >= 0 && self->counts[tab] != NULL ? gtk_label_get_text (self->counts[tab]) : NULL;
}

GtkWidget *
pdw_inbox_tabs_get_button (PdwInboxTabs          *self,
                           PdwConversationFilter  filter)
{
  int tab;

  g_return_val_if_fail (PDW_IS_INBOX_TABS (self), NULL);

  tab = tab_of (filter);
  return tab >= 0 ? GTK_WIDGET (self->buttons[tab]) : NULL;
}

static void
pdw_inbox_tabs_dispose (GObject *object)
{
  PdwInboxTabs *self = (PdwInboxTabs *)object;

  if (self->counter != NULL)
    g_signal_handlers_disconnect_by_data (self->counter, self);
  g_clear_object (&self->counter);
  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_INBOX_TABS);

  G_OBJECT_CLASS (pdw_inbox_tabs_parent_class)->dispose (object);
}

static void
pdw_inbox_tabs_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PdwInboxTabs *self = PDW_INBOX_TABS (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_int (value, self->filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_inbox_tabs_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PdwInboxTabs *self = PDW_INBOX_TABS (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      pdw_inbox_tabs_set_filter (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_inbox_tabs_class_init (PdwInboxTabsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_inbox_tabs_dispose;
  object_class->get_property = pdw_inbox_tabs_get_property;
  object_class->set_property = pdw_inbox_tabs_set_property;

  properties[PROP_FILTER] =
    g_param_spec_int ("filter", NULL, NULL, 0, PDW_N_CONVERSATION_FILTERS - 1,
                      PDW_CONVERSATION_FILTER_WORKING_SET,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-inbox-tabs.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwInboxTabs, flow);
  gtk_widget_class_bind_template_child_full (widget_class, "all_button", FALSE,
                                             G_STRUCT_OFFSET (PdwInboxTabs, buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "unanswered_button", FALSE,
                                             G_STRUCT_OFFSET (PdwInboxTabs, buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "mine_button", FALSE,
                                             G_STRUCT_OFFSET (PdwInboxTabs, buttons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "attention_button", FALSE,
                                             G_STRUCT_OFFSET (PdwInboxTabs, buttons[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "archive_button", FALSE,
                                             G_STRUCT_OFFSET (PdwInboxTabs, buttons[4]));
  gtk_widget_class_bind_template_child_full (widget_class, "all_count", FALSE,
                                             G_STRUCT_OFFSET (PdwInboxTabs, counts[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "unanswered_count", FALSE,
                                             G_STRUCT_OFFSET (PdwInboxTabs, counts[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "mine_count", FALSE,
                                             G_STRUCT_OFFSET (PdwInboxTabs, counts[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "attention_count", FALSE,
                                             G_STRUCT_OFFSET (PdwInboxTabs, counts[3]));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inboxtabs");
}

static void
pdw_inbox_tabs_init (PdwInboxTabs *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_TABS; i++)
    g_signal_connect_object (self->buttons[i], "toggled", G_CALLBACK (button_toggled_cb),
                             self, G_CONNECT_SWAPPED);

  self->filter = PDW_CONVERSATION_FILTER_WORKING_SET;
  pdw_inbox_tabs_sync_buttons (self);
  pdw_inbox_tabs_sync_counts (self);
}
