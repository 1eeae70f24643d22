/* pdw-window.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gui/pdw-resources.h"

#include "pdw-conversation-row.h"
#include "pdw-window.h"

struct _PdwWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template Widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *demo_badge;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkStack             *sidebar_stack;
  GtkListView          *conversation_view;
  PdwChatView          *chat_view;
  PdwComplaintPane     *complaint_pane;

  /* Owned References */
  PdwStore             *store;
  PdwGatewayService    *gateway;
  PdwConversationList  *conversations;
  GtkSingleSelection   *selection;
  PdwConversation      *selected;
  char                 *start_error;

  gboolean              demo;
};

G_DEFINE_FINAL_TYPE (PdwWindow, pdw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_GATEWAY,
  PROP_DEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pdw_window_sync_gateway (PdwWindow *self)
{
  const char *error = NULL;
  g_autofree char *subtitle = NULL;

  if (self->gateway == NULL)
    subtitle = g_strdup (_("Gateway off: replies are queued"));
  else if (pdw_gateway_service_get_listening (self->gateway))
    subtitle = g_strdup_printf (_("Receiving messages on port %u"),
                                pdw_gateway_service_get_port (self->gateway));
  else
    subtitle = g_strdup (_("Gateway not running: replies are queued"));

  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (self->start_error != NULL)
    error = self->start_error;
  else if (self->gateway != NULL)
    error = pdw_gateway_service_get_last_error (self->gateway);

  if (error != NULL)
    gtk_label_set_text (self->error_label, error);
  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);
}

static void
pdw_window_mark_read (PdwWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->selected == NULL || pdw_conversation_get_unread_count (self->selected) == 0)
    return;

  if (!pdw_store_mark_conversation_read (self->store, pdw_conversation_get_id (self->selected), &error))
    g_warning ("Cannot mark the conversation read: %s", error->message);
}

/* Messages that arrive in the open conversation count as read only while
 * the officer is looking at the window. */
static void
pdw_window_mark_selected_read (PdwWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    pdw_window_mark_read (self);
}

static void
pdw_window_set_selected (PdwWindow       *self,
                         PdwConversation *conversation)
{
  if (self->selected != NULL)
    g_signal_handlers_disconnect_by_func (self->selected, pdw_window_mark_selected_read, self);

  if (self->selected != NULL && conversation != NULL &&
      pdw_conversation_get_id (self->selected) == pdw_conversation_get_id (conversation) &&
      self->selected != conversation)
    {
      /* The model replaced the object of the same conversation: keep the
       * views (and the officer's draft) where they are. */
      g_set_object (&self->selected, conversation);
    }
  else if (g_set_object (&self->selected, conversation))
    {
      pdw_chat_view_set_conversation (self->chat_view, conversation);
      pdw_complaint_pane_set_conversation (self->complaint_pane, conversation);
    }

  if (self->selected != NULL)
    {
      g_signal_connect_object (self->selected, "notify::unread-count",
                               G_CALLBACK (pdw_window_mark_selected_read), self, G_CONNECT_SWAPPED);
      /* Selecting is the officer opening it: read, whatever the focus. */
      pdw_window_mark_read (self);
    }
}

static gboolean
pdw_window_follow_selected (PdwWindow *self)
{
  guint position;

  if (self->selected == NULL ||
      gtk_single_selection_get_selected_item (self->selection) != NULL)
    return TRUE;

  position = pdw_conversation_list_find (self->conversations,
                                         pdw_conversation_get_id (self->selected));
  if (position == G_MAXUINT)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

static gboolean
follow_selected_cb (gpointer data)
{
  PdwWindow *self = data;

  if (!pdw_window_follow_selected (self))
    pdw_window_set_selected (self, NULL);

  return G_SOURCE_REMOVE;
}

static void
selection_changed_cb (PdwWindow          *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  PdwConversation *conversation = gtk_single_selection_get_selected_item (selection);

  /* A conversation that moves to the top of the queue is removed and then
   * re-inserted by the model, which drops the selection in between.  Keep
   * the chat open and select it again once the model has settled: selecting
   * from inside the model's items-changed emission, before the list view has
   * seen the change, makes GTK 4.8 draw rows for the wrong items.  Only a
   * conversation still missing then is really gone. */
  if (conversation == NULL && self->selected != NULL)
    {
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, follow_selected_cb,
                       g_object_ref (self), g_object_unref);
      return;
    }

  pdw_window_set_selected (self, conversation);
}

static void
conversations_changed_cb (PdwWindow  *self,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *model)
{
  gboolean empty = g_list_model_get_n_items (model) == 0;

  gtk_stack_set_visible_child_name (self->sidebar_stack, empty ? "empty" : "list");
}

static void
setup_conversation_row_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           gpointer                  user_data)
{
  gtk_list_item_set_child (item, pdw_conversation_row_new ());
}

static void
bind_conversation_row_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data)
{
  pdw_conversation_row_set_conversation (PDW_CONVERSATION_ROW (gtk_list_item_get_child (item)),
                                         gtk_list_item_get_item (item));
}

static void
unbind_conversation_row_cb (GtkSignalListItemFactory *factory,
                            GtkListItem              *item,
                            gpointer                  user_data)
{
  pdw_conversation_row_set_conversation (PDW_CONVERSATION_ROW (gtk_list_item_get_child (item)), NULL);
}

PdwWindow *
pdw_window_new (GtkApplication    *application,
                PdwStore          *store,
                PdwGatewayService *gateway,
                gboolean           demo)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PDW_IS_STORE (store), NULL);
  g_return_val_if_fail (!gateway || PDW_IS_GATEWAY_SERVICE (gateway), NULL);

  return g_object_new (PDW_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "gateway", gateway,
                       "demo", demo,
                       NULL);
}

void
pdw_window_set_gateway_error (PdwWindow  *self,
                              const char *message)
{
  g_return_if_fail (PDW_IS_WINDOW (self));

  g_free (self->start_error);
  self->start_error = g_strdup (message);
  pdw_window_sync_gateway (self);
}

void
pdw_window_select_position (PdwWindow *self,
                            guint      position)
{
  g_return_if_fail (PDW_IS_WINDOW (self));

  gtk_single_selection_set_selected (self->selection,
                                     position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
}

PdwConversationList *
pdw_window_get_conversations (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), NULL);
  return self->conversations;
}

GtkWidget *
pdw_window_get_conversation_view (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->conversation_view);
}

PdwChatView *
pdw_window_get_chat_view (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), NULL);
  return self->chat_view;
}

PdwComplaintPane *
pdw_window_get_complaint_pane (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), NULL);
  return self->complaint_pane;
}

const char *
pdw_window_get_subtitle (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), NULL);
  return adw_window_title_get_subtitle (self->window_title);
}

const char *
pdw_window_get_error_text (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), NULL);
  return gtk_revealer_get_reveal_child (self->error_revealer) ? gtk_label_get_text (self->error_label) : NULL;
}

static void
pdw_window_constructed (GObject *object)
{
  PdwWindow *self = (PdwWindow *)object;
  g_autoptr(GtkListItemFactory) factory = NULL;

  G_OBJECT_CLASS (pdw_window_parent_class)->constructed (object);

  g_assert (PDW_IS_STORE (self->store));

  gtk_widget_set_visible (self->demo_badge, self->demo);

  self->conversations = pdw_conversation_list_new (self->store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->conversations)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->conversations, "items-changed",
                           G_CALLBACK (conversations_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_conversation_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_conversation_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_conversation_row_cb), NULL);
  gtk_list_view_set_factory (self->conversation_view, factory);
  gtk_list_view_set_model (self->conversation_view, GTK_SELECTION_MODEL (self->selection));

  conversations_changed_cb (self, 0, 0, 0, G_LIST_MODEL (self->conversations));

  pdw_chat_view_set_store (self->chat_view, self->store);
  pdw_chat_view_set_gateway (self->chat_view, self->gateway);
  pdw_complaint_pane_set_store (self->complaint_pane, self->store);

  if (self->gateway != NULL)
    {
      g_signal_connect_object (self->gateway, "notify::listening",
                               G_CALLBACK (pdw_window_sync_gateway), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->gateway, "notify::last-error",
                               G_CALLBACK (pdw_window_sync_gateway), self, G_CONNECT_SWAPPED);
    }
  pdw_window_sync_gateway (self);

  g_signal_connect (self, "notify::is-active", G_CALLBACK (pdw_window_mark_selected_read), NULL);
}

static void
pdw_window_dispose (GObject *object)
{
  PdwWindow *self = (PdwWindow *)object;

  if (self->selected != NULL)
    g_signal_handlers_disconnect_by_func (self->selected, pdw_window_mark_selected_read, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_WINDOW);

  g_clear_object (&self->selected);
  g_clear_object (&self->selection);
  g_clear_object (&self->conversations);
  g_clear_object (&self->gateway);
  g_clear_object (&self->store);
  g_clear_pointer (&self->start_error, g_free);

  G_OBJECT_CLASS (pdw_window_parent_class)->dispose (object);
}

static void
pdw_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PdwWindow *self = PDW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_GATEWAY:
      g_value_set_object (value, self->gateway);
      break;

    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PdwWindow *self = PDW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_GATEWAY:
      self->gateway = g_value_dup_object (value);
      break;

    case PROP_DEMO:
      self->demo = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_window_class_init (PdwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pdw_window_constructed;
  object_class->dispose = pdw_window_dispose;
  object_class->get_property = pdw_window_get_property;
  object_class->set_property = pdw_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PDW_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_GATEWAY] =
    g_param_spec_object ("gateway", NULL, NULL, PDW_TYPE_GATEWAY_SERVICE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Templates and icons are looked up by path only: referencing the
   * resource keeps its object file, whose constructor registers it, linked
   * in from the static library. */
  (void) pdw_get_resource ();

  g_type_ensure (PDW_TYPE_CHAT_VIEW);
  g_type_ensure (PDW_TYPE_COMPLAINT_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, demo_badge);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, conversation_view);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, chat_view);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, complaint_pane);
}

static void
pdw_window_init (PdwWindow *self)
{
  GtkIconTheme *icon_theme;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* GtkApplication adds this path itself; tests create windows without one. */
  icon_theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  if (!gtk_icon_theme_has_icon (icon_theme, "pdw-sent-symbolic"))
    gtk_icon_theme_add_resource_path (icon_theme, APP_PATH "/icons");
}
