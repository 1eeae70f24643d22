/* pdw-chat-view.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "store/pdw-message-list.h"

#include "pdw-chat-view.h"
#include "pdw-composer.h"
#include "pdw-message-row.h"

/* How close to the end (pixels) still counts as "reading the newest". */
#define AT_BOTTOM_SLACK 24.0

struct _PdwChatView
{
  GtkWidget          parent_instance;

  /* Template Widgets */
  GtkStack          *stack;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkScrolledWindow *scroller;
  GtkListView       *list_view;
  PdwComposer       *composer;

  /* Owned References */
  PdwStore          *store;
  PdwGatewayService *gateway;
  PdwConversation   *conversation;
  PdwMessageList    *messages;
  GSettings         *settings;
  /* conversation id -> unsent text, so a half-typed reply never follows the
   * officer to another citizen and is never lost by switching. */
  GHashTable        *drafts;

  gboolean           at_bottom;
};

G_DEFINE_FINAL_TYPE (PdwChatView, pdw_chat_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_GATEWAY,
  PROP_CONVERSATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pdw_chat_view_update_actions (PdwChatView *self)
{
  gboolean can_send = self->conversation != NULL &&
                      self->store != NULL &&
                      !pdw_composer_get_empty (self->composer);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.send", can_send);
}

static void
pdw_chat_view_scroll_to_end (PdwChatView *self)
{
  guint n_items;

  if (self->messages == NULL)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->messages));
  if (n_items > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", n_items - 1);
}

static void
vadjustment_value_changed_cb (PdwChatView   *self,
                              GtkAdjustment *adjustment)
{
  double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  self->at_bottom = gtk_adjustment_get_value (adjustment) >= bottom - AT_BOTTOM_SLACK;
}

static void
messages_items_changed_cb (PdwChatView *self,
                           guint        position,
                           guint        removed,
                           guint        added,
                           GListModel  *model)
{
  g_assert (PDW_IS_CHAT_VIEW (self));

  /* Follow new messages only when the officer was already reading the end;
   * someone scrolled up to read history must not be pulled away from it. */
  if (added > 0 && self->at_bottom)
    pdw_chat_view_scroll_to_end (self);
}

static void
show_toast (PdwChatView *self,
            const char  *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static void
chat_send_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PdwChatView *self = PDW_CHAT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *officer = NULL;
  const char *text;
  gint64 message_id;

  if (self->conversation == NULL || self->store == NULL)
    return;

  typed = pdw_composer_dup_text (self->composer);
  text = g_strstrip (typed);
  if (*text == '\0')
    return;

  officer = g_settings_get_string (self->settings, "officer-name");

  if (self->gateway != NULL)
    message_id = pdw_gateway_service_send_text (self->gateway,
                                                pdw_conversation_get_id (self->conversation),
                                                text, officer, &error);
  else
    message_id = pdw_store_queue_outgoing_text (self->store,
                                                pdw_conversation_get_id (self->conversation),
                                                text, officer, &error);

  if (message_id <= 0)
    {
      g_autofree char *toast = NULL;

      /* The text stays in the composer: an officer's reply is never lost. */
      toast = g_strdup_printf (_("The reply was not saved: %s"),
                               error != NULL ? error->message : _("unknown error"));
      show_toast (self, toast);
      return;
    }

  pdw_composer_clear (self->composer);
  self->at_bottom = TRUE;
  pdw_chat_view_scroll_to_end (self);
}

static void
setup_message_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, pdw_message_row_new ());
}

static void
bind_message_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  pdw_message_row_set_message (PDW_MESSAGE_ROW (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item));
}

static void
unbind_message_row_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  pdw_message_row_set_message (PDW_MESSAGE_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
pdw_chat_view_sync_header (PdwChatView *self)
{
  g_autofree char *name = NULL;
  const char *wa_id;

  if (self->conversation == NULL)
    return;

  name = pdw_conversation_dup_display_name (self->conversation);
  gtk_label_set_text (self->title_label, name != NULL ? name : "");

  wa_id = pdw_conversation_get_wa_id (self->conversation);
  if (wa_id != NULL && *wa_id != '\0')
    {
      g_autofree char *phone = g_strdup_printf ("+%s", wa_id);
      gtk_label_set_text (self->subtitle_label, phone);
    }
  else
    gtk_label_set_text (self->subtitle_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), wa_id != NULL && *wa_id != '\0');
}

static void
pdw_chat_view_reload (PdwChatView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->messages != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->messages, messages_items_changed_cb, self);
      g_clear_object (&self->messages);
    }

  if (self->conversation == NULL || self->store == NULL)
    {
      gtk_list_view_set_model (self->list_view, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      pdw_composer_set_placeholder (self->composer, _("Select a conversation to reply"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->composer), FALSE);
      pdw_chat_view_update_actions (self);
      return;
    }

  self->messages = pdw_message_list_new (self->store, pdw_conversation_get_id (self->conversation));
  g_signal_connect_object (self->messages, "items-changed",
                           G_CALLBACK (messages_items_changed_cb), self, G_CONNECT_SWAPPED);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->messages)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  pdw_chat_view_sync_header (self);
  gtk_stack_set_visible_child_name (self->stack, "chat");
  pdw_composer_set_placeholder (self->composer, _("Write a reply… (Shift+Enter for a new line)"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->composer), TRUE);

  self->at_bottom = TRUE;
  pdw_chat_view_scroll_to_end (self);
  pdw_chat_view_update_actions (self);
}

static void
pdw_chat_view_save_draft (PdwChatView *self)
{
  g_autofree char *text = pdw_composer_dup_text (self->composer);
  gint64 id = pdw_conversation_get_id (self->conversation);

  if (pdw_composer_get_empty (self->composer))
    g_hash_table_remove (self->drafts, &id);
  else
    g_hash_table_insert (self->drafts, g_memdup2 (&id, sizeof id), g_steal_pointer (&text));
}

static void
pdw_chat_view_restore_draft (PdwChatView *self)
{
  const char *draft = NULL;

  if (self->conversation != NULL)
    {
      gint64 id = pdw_conversation_get_id (self->conversation);

      draft = g_hash_table_lookup (self->drafts, &id);
    }

  pdw_composer_set_text (self->composer, draft);
}

GtkWidget *
pdw_chat_view_new (void)
{
  return g_object_new (PDW_TYPE_CHAT_VIEW, NULL);
}

void
pdw_chat_view_set_store (PdwChatView *self,
                         PdwStore    *store)
{
  g_return_if_fail (PDW_IS_CHAT_VIEW (self));
  g_return_if_fail (!store || PDW_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      pdw_chat_view_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

void
pdw_chat_view_set_gateway (PdwChatView       *self,
                           PdwGatewayService *gateway)
{
  g_return_if_fail (PDW_IS_CHAT_VIEW (self));
  g_return_if_fail (!gateway || PDW_IS_GATEWAY_SERVICE (gateway));

  if (g_set_object (&self->gateway, gateway))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GATEWAY]);
}

PdwConversation *
pdw_chat_view_get_conversation (PdwChatView *self)
{
  g_return_val_if_fail (PDW_IS_CHAT_VIEW (self), NULL);

  return self->conversation;
}

void
pdw_chat_view_set_conversation (PdwChatView     *self,
                                PdwConversation *conversation)
{
  g_return_if_fail (PDW_IS_CHAT_VIEW (self));
  g_return_if_fail (!conversation || PDW_IS_CONVERSATION (conversation));

  if (self->conversation == conversation)
    return;

  if (self->conversation != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->conversation, pdw_chat_view_sync_header, self);
      pdw_chat_view_save_draft (self);
    }

  g_set_object (&self->conversation, conversation);
  pdw_chat_view_restore_draft (self);

  if (conversation != NULL)
    g_signal_connect_object (conversation, "notify::display-name",
                             G_CALLBACK (pdw_chat_view_sync_header), self, G_CONNECT_SWAPPED);

  pdw_chat_view_reload (self);

  if (conversation != NULL)
    pdw_composer_grab_text_focus (self->composer);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSATION]);
}

GListModel *
pdw_chat_view_get_messages (PdwChatView *self)
{
  g_return_val_if_fail (PDW_IS_CHAT_VIEW (self), NULL);

  return self->messages ? G_LIST_MODEL (self->messages) : NULL;
}

GtkWidget *
pdw_chat_view_get_composer (PdwChatView *self)
{
  g_return_val_if_fail (PDW_IS_CHAT_VIEW (self), NULL);

  return GTK_WIDGET (self->composer);
}

GtkWidget *
pdw_chat_view_get_list_view (PdwChatView *self)
{
  g_return_val_if_fail (PDW_IS_CHAT_VIEW (self), NULL);

  return GTK_WIDGET (self->list_view);
}

static void
pdw_chat_view_dispose (GObject *object)
{
  PdwChatView *self = (PdwChatView *)object;
  GtkWidget *child;

  if (self->messages != NULL)
    g_signal_handlers_disconnect_by_func (self->messages, messages_items_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_CHAT_VIEW);
  /* GTK 4.8 only unparents the children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->messages);
  g_clear_object (&self->conversation);
  g_clear_object (&self->gateway);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->drafts, g_hash_table_unref);

  G_OBJECT_CLASS (pdw_chat_view_parent_class)->dispose (object);
}

static void
pdw_chat_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PdwChatView *self = PDW_CHAT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_GATEWAY:
      g_value_set_object (value, self->gateway);
      break;

    case PROP_CONVERSATION:
      g_value_set_object (value, self->conversation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_chat_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PdwChatView *self = PDW_CHAT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      pdw_chat_view_set_store (self, g_value_get_object (value));
      break;

    case PROP_GATEWAY:
      pdw_chat_view_set_gateway (self, g_value_get_object (value));
      break;

    case PROP_CONVERSATION:
      pdw_chat_view_set_conversation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_chat_view_class_init (PdwChatViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_chat_view_dispose;
  object_class->get_property = pdw_chat_view_get_property;
  object_class->set_property = pdw_chat_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PDW_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_GATEWAY] =
    g_param_spec_object ("gateway", NULL, NULL, PDW_TYPE_GATEWAY_SERVICE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONVERSATION] =
    g_param_spec_object ("conversation", NULL, NULL, PDW_TYPE_CONVERSATION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PDW_TYPE_COMPOSER);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-chat-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwChatView, stack);
  gtk_widget_class_bind_template_child (widget_class, PdwChatView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PdwChatView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PdwChatView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PdwChatView, list_view);
  gtk_widget_class_bind_template_child (widget_class, PdwChatView, composer);

  gtk_widget_class_install_action (widget_class, "chat.send", NULL, chat_send_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chatview");
}

static void
pdw_chat_view_init (PdwChatView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->at_bottom = TRUE;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_message_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_message_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_message_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (vadjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->composer, "notify::empty",
                           G_CALLBACK (pdw_chat_view_update_actions), self, G_CONNECT_SWAPPED);

  pdw_chat_view_reload (self);
}
