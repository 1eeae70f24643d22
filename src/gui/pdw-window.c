/* pdw-window.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gui/pdw-resources.h"

#include "pdw-conversation-row.h"
#include "pdw-format.h"
#include "pdw-inbox-tabs.h"
#include "pdw-gateway-status.h"
#include "pdw-merge-dialog.h"
#include "pdw-message-notifier.h"
#include "pdw-duty-officer.h"
#include "pdw-search-results.h"
#include "pdw-toast.h"
#include "pdw-window-private.h"

G_DEFINE_FINAL_TYPE (PdwWindow, pdw_window, ADW_TYPE_APPLICATION_WINDOW)

/* The window's filters are the queue model's, in the same order. */
G_STATIC_ASSERT ((int) PDW_N_QUEUE_FILTERS == (int) PDW_N_CONVERSATION_FILTERS);
G_STATIC_ASSERT ((int) PDW_QUEUE_FILTER_ATTENTION == (int) PDW_CONVERSATION_FILTER_ATTENTION);

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_DEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean keep_focus = self->selecting_by_keyboard && focus != NULL &&
                        gtk_widget_is_ancestor (focus, GTK_WIDGET (self->conversation_view));

  /* The open conversation stays in the queue even when it leaves the
   * filter (read, resolved), until the officer opens another. */
  pdw_conversation_list_set_pinned (self->conversations,
                                    conversation != NULL ? pdw_conversation_get_id (conversation) : 0);

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
      /* The chat puts the focus in the reply box: arrow keys walking the
       * queue must not end up typing there. */
      if (keep_focus)
        gtk_widget_grab_focus (focus);
    }

  g_signal_group_set_target (self->selected_signals, self->selected);

  /* Selecting is the officer opening it: read, whatever the focus. */
  if (self->selected != NULL)
    pdw_window_mark_read (self);
}

/* Position in the queue the list view shows, or G_MAXUINT. */
static guint
pdw_window_find_position (PdwWindow *self,
                          gint64     conversation_id)
{
  return pdw_conversation_list_find (self->conversations, conversation_id);
}

static void
pdw_window_sync_due_soon (PdwWindow *self)
{
  pdw_conversation_list_set_due_soon_seconds (self->conversations,
                                              pdw_context_get_due_soon_seconds (self->context));
}

/* Files become due soon or overdue, and conversations stop being recent,
 * as time passes, without any change in the store. */
static void
minute_changed_cb (PdwWindow *self)
{
  pdw_window_sync_due_soon (self);
  pdw_conversation_list_refresh (self->conversations);
  pdw_inbox_counter_refresh (self->counter);
}

static void
recent_days_changed_cb (PdwWindow *self)
{
  pdw_conversation_list_set_recent_days (self->conversations,
                                         g_settings_get_uint (pdw_context_get_settings (self->context),
                                                              "queue-recent-days"));
  if (self->counter != NULL)
    pdw_inbox_counter_refresh (self->counter);
}

/* Milik saya: the files of the officer on duty at this workstation. */
static void
officer_changed_cb (PdwWindow *self)
{
  g_auto(PdwDutyOfficer) officer = { { NULL, NULL, NULL }, NULL, NULL, NULL };

  pdw_duty_officer_load_from_context (&officer, self->context);
  pdw_conversation_list_set_officer (self->conversations, officer.name);
  if (self->counter != NULL)
    pdw_inbox_counter_refresh (self->counter);
}

/* "(3) PANDAWA": the conversations waiting unread, seen from the taskbar. */
static void
unread_changed_cb (PdwWindow *self)
{
  guint n_unread = pdw_inbox_counter_get_counts (self->counter)->unread;

  g_free (self->title);
  if (n_unread > 0)
    /* Translators: the window title with the number of unread conversations */
    self->title = g_strdup_printf (_("(%u) PANDAWA"), n_unread);
  else
    self->title = g_strdup ("PANDAWA");

  gtk_window_set_title (GTK_WINDOW (self), self->title);
  adw_window_title_set_title (self->window_title, self->title);
}

static void
filter_selected_cb (PdwWindow *self)
{
  PdwQueueFilter selected = (PdwQueueFilter) pdw_inbox_tabs_get_filter (self->inbox_tabs);

  if (self->queue_filter == selected)
    return;

  self->queue_filter = selected;
  _pdw_window_clear_new_messages (self);
  pdw_window_sync_due_soon (self);
  /* PdwQueueFilter's order is PdwConversationFilter's. */
  pdw_conversation_list_set_filter (self->conversations, (PdwConversationFilter) selected);
  /* Another list starts at its top, not where the old one's rows went. */
  gtk_adjustment_set_value (_pdw_window_get_queue_adjustment (self), 0);
  if (self->scroll_top_source == 0)
    self->scroll_top_source = g_idle_add (_pdw_window_scroll_queue_to_top_cb, self);
}

static gboolean
pdw_window_follow_selected (PdwWindow *self)
{
  guint position;

  if (self->selected == NULL ||
      gtk_single_selection_get_selected_item (self->selection) != NULL)
    return TRUE;

  position = pdw_window_find_position (self, pdw_conversation_get_id (self->selected));
  if (position == G_MAXUINT)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  /* The list keeps its scroll offset when a row moves to the top: bring the
   * open conversation back into view.  (GTK 4.8 has no
   * gtk_list_view_scroll_to(); the list's own action does the same.) */
  gtk_widget_activate_action (GTK_WIDGET (self->conversation_view), "list.scroll-to-item", "u", position);
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

  if (self->queue_filter == PDW_QUEUE_FILTER_ARCHIVE)
    {
      adw_status_page_set_title (self->empty_page, _("No Conversations Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Messages that citizens send to the office's WhatsApp number appear here."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("Nothing to Show"));
      adw_status_page_set_description (self->empty_page,
                                       _("No conversation matches this filter. Choose “Archive” to see every conversation."));
    }

  gtk_stack_set_visible_child_name (self->sidebar_stack, empty ? "empty" : "list");
}

static void
setup_conversation_row_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           gpointer                  user_data)
{
  PdwWindow *self = user_data;

  gtk_list_item_set_child (item, pdw_conversation_row_new (self->context));
}

static void
bind_conversation_row_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data)
{
  pdw_conversation_row_set_conversation (PDW_CONVERSATION_ROW (gtk_list_item_get_child (item)),
                                         gtk_list_item_get_item (item));
}

PdwWindow *
pdw_window_new (GtkApplication *application,
                PdwContext     *context,
                gboolean        demo)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PDW_IS_CONTEXT (context), NULL);

  return g_object_new (PDW_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       "demo", demo,
                       NULL);
}

void
pdw_window_set_gateway_error (PdwWindow  *self,
                              const char *message)
{
  g_return_if_fail (PDW_IS_WINDOW (self));
  pdw_gateway_banner_set_start_error (self->gateway_banner, message);
}

void
pdw_window_select_position (PdwWindow *self,
                            guint      position)
{
  g_return_if_fail (PDW_IS_WINDOW (self));

  gtk_single_selection_set_selected (self->selection,
                                     position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
}

void
pdw_window_set_queue_filter (PdwWindow      *self,
                             PdwQueueFilter  filter)
{
  g_return_if_fail (PDW_IS_WINDOW (self));
  g_return_if_fail (filter < PDW_N_QUEUE_FILTERS);

  pdw_inbox_tabs_set_filter (self->inbox_tabs, (PdwConversationFilter) filter);
}

PdwQueueFilter
pdw_window_get_queue_filter (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), PDW_QUEUE_FILTER_ALL);
  return self->queue_filter;
}

GListModel *
pdw_window_get_visible_conversations (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->conversations);
}

void
pdw_window_refresh_queue (PdwWindow *self)
{
  g_return_if_fail (PDW_IS_WINDOW (self));
  minute_changed_cb (self);
}

gboolean
pdw_window_select_conversation (PdwWindow *self,
                                gint64     conversation_id)
{
  guint position;

  g_return_val_if_fail (PDW_IS_WINDOW (self), FALSE);

  position = pdw_window_find_position (self, conversation_id);
  if (position == G_MAXUINT && self->queue_filter != PDW_QUEUE_FILTER_ALL &&
      self->queue_filter != PDW_QUEUE_FILTER_ARCHIVE)
    {
      /* Opened from a notification: show it even if the filter hides it. */
      pdw_window_set_queue_filter (self, PDW_QUEUE_FILTER_ALL);
      position = pdw_window_find_position (self, conversation_id);
    }
  if (position == G_MAXUINT)
    {
      /* Older than the working set (a search result): it joins the queue
       * while it is open. */
      pdw_conversation_list_set_pinned (self->conversations, conversation_id);
      position = pdw_window_find_position (self, conversation_id);
    }
  if (position == G_MAXUINT)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

PdwMergeDialog *
pdw_window_get_merge_dialog (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), NULL);
  return self->merge_dialog;
}

static void
template_requested_cb (PdwWindow        *self,
                       const char       *template_name,
                       PdwComplaintPane *pane)
{
  pdw_chat_view_insert_template (self->chat_view, template_name);
}

static void
step_requested_cb (PdwWindow        *self,
                   const char       *action,
                   const char       *note,
                   const char       *party,
                   PdwComplaintPane *pane)
{
  pdw_chat_view_begin_step (self->chat_view, action, note, party);
}

static void
show_toast (PdwWindow  *self,
            const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
toggle_pane_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PdwWindow *self = PDW_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
merge_response_cb (PdwWindow      *self,
                   const char     *response,
                   PdwMergeDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  g_auto(PdwDutyOfficer) officer = { { NULL, NULL, NULL }, NULL, NULL, NULL };
  gint64 from_id;
  gint64 into_id;

  if (self->merge_dialog == dialog)
    g_clear_weak_pointer (&self->merge_dialog);

  from_id = pdw_merge_dialog_get_selected_id (dialog);
  into_id = pdw_merge_dialog_get_into_id (dialog);
  if (g_strcmp0 (response, "merge") != 0 || from_id == 0)
    return;

  pdw_duty_officer_load_from_context (&officer, self->context);

  if (!pdw_store_merge_conversations (self->store, into_id, from_id, &officer.actor, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID))
        message = g_strdup_printf (_("The conversations were not merged: %s"), error->message);
      else
        message = g_strdup_printf (_("The conversations were not merged because of a database problem: %s"), error->message);
      show_toast (self, message);
      return;
    }

  show_toast (self, _("Conversations merged"));
  pdw_window_select_conversation (self, into_id);
}

static void
merge_conversation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  PdwWindow *self = PDW_WINDOW (widget);
  PdwMergeDialog *dialog;

  if (self->selected == NULL)
    return;

  dialog = pdw_merge_dialog_new (GTK_WINDOW (self), self->context, pdw_conversation_get_id (self->selected));
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->merge_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Search: Ctrl+F is captured in the .ui before the reply box sees it -- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PdwWindow *self = PDW_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (gtk_search_bar_get_child (self->search_bar));
}

/* Back in the queue (the .ui swaps it in), keys go to the list, not the reply box. */
static void
search_mode_changed_cb (PdwWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_widget_grab_focus (GTK_WIDGET (self->conversation_view));
}

static void
search_result_activated_cb (PdwWindow *self,
                            gint64     conversation_id)
{
  if (pdw_window_select_conversation (self, conversation_id))
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  else
    show_toast (self, _("This conversation can no longer be opened."));
}

PdwSearchResults *
pdw_window_get_search_results (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), NULL);
  return self->search_results;
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

PdwInboxTabs *
pdw_window_get_inbox_tabs (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), NULL);
  return self->inbox_tabs;
}

PdwInboxCounter *
pdw_window_get_inbox_counter (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), NULL);
  return self->counter;
}

PdwMessageNotifier *
pdw_window_get_message_notifier (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), NULL);
  return self->notifier;
}

AdwFlap *
pdw_window_get_flap (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), NULL);
  return self->flap;
}

PdwGatewayBanner *
pdw_window_get_gateway_banner (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), NULL);
  return self->gateway_banner;
}

const char *
pdw_window_get_error_text (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), NULL);
  return pdw_gateway_banner_get_error_text (self->gateway_banner);
}

static void
pdw_window_constructed (GObject *object)
{
  PdwWindow *self = (PdwWindow *)object;
  g_autoptr(GtkListItemFactory) factory = NULL;

  G_OBJECT_CLASS (pdw_window_parent_class)->constructed (object);

  g_assert (PDW_IS_CONTEXT (self->context));
  self->store = pdw_context_get_store (self->context);

  gtk_widget_set_visible (self->demo_badge, self->demo);

  self->conversations = pdw_conversation_list_new (self->store);
  recent_days_changed_cb (self);
  officer_changed_cb (self);
  pdw_window_sync_due_soon (self);
  pdw_conversation_list_set_filter (self->conversations, PDW_CONVERSATION_FILTER_WORKING_SET);
  g_signal_connect_object (pdw_context_get_settings (self->context), "changed::queue-recent-days",
                           G_CALLBACK (recent_days_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pdw_context_get_settings (self->context), "changed::officer-name",
                           G_CALLBACK (officer_changed_cb), self, G_CONNECT_SWAPPED);

  /* The tabs' counts and the title's unread count, off the main loop. */
  self->counter = pdw_inbox_counter_new (self->store, self->conversations);
  pdw_inbox_tabs_set_counter (self->inbox_tabs, self->counter);
  g_signal_connect_object (self->counter, "notify::unread",
                           G_CALLBACK (unread_changed_cb), self, G_CONNECT_SWAPPED);
  unread_changed_cb (self);
  self->notifier = pdw_message_notifier_new (GTK_WINDOW (self), self->context);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->conversations)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->conversations, "items-changed",
                           G_CALLBACK (conversations_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->conversations, "arrived",
                           G_CALLBACK (_pdw_window_conversation_arrived_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inbox_tabs, "notify::filter",
                           G_CALLBACK (filter_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->complaint_pane, "template-requested",
                           G_CALLBACK (template_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->complaint_pane, "step-requested",
                           G_CALLBACK (step_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pdw_context_get_clock (self->context), "minute-changed",
                           G_CALLBACK (minute_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_conversation_row_cb), self);
  /* No "unbind": GTK 4.8 unbinds and binds again every row below an
   * items-changed, and a row bound again to its own conversation then
   * costs nothing (it lets go when bound to another, or destroyed). */
  g_signal_connect (factory, "bind", G_CALLBACK (bind_conversation_row_cb), NULL);
  gtk_list_view_set_factory (self->conversation_view, factory);
  gtk_list_view_set_model (self->conversation_view, GTK_SELECTION_MODEL (self->selection));

  conversations_changed_cb (self, 0, 0, 0, G_LIST_MODEL (self->conversations));
  _pdw_window_watch_queue (self);

  pdw_search_results_set_store (self->search_results, self->store);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_results, "conversation-activated",
                           G_CALLBACK (search_result_activated_cb), self, G_CONNECT_SWAPPED);

  pdw_chat_view_set_context (self->chat_view, self->context);
  pdw_complaint_pane_set_context (self->complaint_pane, self->context);

  pdw_gateway_banner_set_context (self->gateway_banner, self->context);
  pdw_gateway_status_set_context (self->gateway_status, self->context);

  g_signal_connect (self, "notify::is-active", G_CALLBACK (pdw_window_mark_selected_read), NULL);
}

static void
pdw_window_dispose (GObject *object)
{
  PdwWindow *self = (PdwWindow *)object;

  if (self->selected_signals != NULL)
    g_signal_group_set_target (self->selected_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_WINDOW);

  g_clear_weak_pointer (&self->merge_dialog);
  g_clear_object (&self->selected_signals);
  g_clear_object (&self->selected);
  g_clear_handle_id (&self->thaw_source, g_source_remove);
  g_clear_handle_id (&self->scroll_top_source, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->notifier);
  g_clear_object (&self->counter);
  g_clear_object (&self->conversations);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->new_messages_text, g_free);
  self->store = NULL;
  g_clear_object (&self->context);

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
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
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
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
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

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PDW_TYPE_CONTEXT,
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
  g_type_ensure (PDW_TYPE_GATEWAY_BANNER);
  g_type_ensure (PDW_TYPE_GATEWAY_STATUS);
  g_type_ensure (PDW_TYPE_COMPLAINT_PANE);
  g_type_ensure (PDW_TYPE_SEARCH_RESULTS);
  g_type_ensure (PDW_TYPE_INBOX_TABS);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, demo_badge);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, gateway_banner);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, gateway_status);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, inbox_tabs);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, toast_overlay);

  gtk_widget_class_install_action (widget_class, "win.merge-conversation", NULL, merge_conversation_action);
  gtk_widget_class_install_action (widget_class, "win.previous-conversation", NULL, _pdw_window_adjacent_conversation_action);
  gtk_widget_class_install_action (widget_class, "win.next-conversation", NULL, _pdw_window_adjacent_conversation_action);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, queue_scroller);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, new_messages_button);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, conversation_view);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, chat_view);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, complaint_pane);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PdwWindow, search_results);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  pdw_toast_install_open_action (widget_class);
  gtk_widget_class_install_action (widget_class, "win.toggle-pane", NULL, toggle_pane_action);
}

static void
pdw_window_init (PdwWindow *self)
{
  GtkIconTheme *icon_theme;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The conversation open now: messages that arrive in it are read. */
  self->selected_signals = g_signal_group_new (PDW_TYPE_CONVERSATION);
  g_signal_group_connect_object (self->selected_signals, "notify::unread-count",
                                 G_CALLBACK (pdw_window_mark_selected_read), self, G_CONNECT_SWAPPED);

  /* GtkApplication adds this path itself; tests create windows without one. */
  icon_theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  if (!gtk_icon_theme_has_icon (icon_theme, "pdw-sent-symbolic"))
    gtk_icon_theme_add_resource_path (icon_theme, APP_PATH "/icons");
}
