/* pdw-chat-view.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "core/pdw-approved-template.h"
#include "core/pdw-reply-rules.h"
#include "core/pdw-survey.h"
#include "core/pdw-template.h"
#include "core/pdw-workflow.h"
#include "store/pdw-message-list.h"

#include "pdw-chat-view-private.h"
#include "pdw-composer.h"
#include "pdw-context.h"
#include "pdw-duty-officer.h"
#include "pdw-message-row.h"

/* How close to the end (pixels) still counts as "reading the newest". */
#define AT_BOTTOM_SLACK 24.0


G_DEFINE_FINAL_TYPE (PdwChatView, pdw_chat_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CONVERSATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_pdw_chat_view_update_actions (PdwChatView *self)
{
  gboolean has_chat = self->conversation != NULL && self->store != NULL;
  gboolean can_send = has_chat &&
                      self->window_open &&
                      !pdw_composer_get_empty (self->composer);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.send", can_send);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.send-template", has_chat && !self->window_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.insert-template", has_chat);
}

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
pdw_chat_view_rebuild_templates_menu (PdwChatView *self)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  g_menu_remove_all (self->templates_menu);
  g_list_store_remove_all (self->templates);

  if (self->store == NULL)
    return;

  templates = pdw_store_list_reply_templates (self->store, &error);
  if (templates == NULL)
    {
      g_warning ("Cannot list the reply templates: %s", error->message);
      return;
    }

  g_list_store_splice (self->templates, 0, 0, templates->pdata, templates->len);

  for (guint i = 0; i < templates->len; i++)
    {
      PdwReplyTemplate *template = g_ptr_array_index (templates, i);
      g_autoptr(GMenuItem) item = NULL;

      item = g_menu_item_new (pdw_reply_template_get_title (template), NULL);
      g_menu_item_set_action_and_target (item, "chat.insert-template", "s",
                                         pdw_reply_template_get_name (template));
      g_menu_append_item (self->templates_menu, item);
    }
}

static void
store_settings_changed_cb (PdwChatView *self,
                           const char  *what,
                           PdwStore    *store)
{
  if (g_strcmp0 (what, "templates") == 0)
    pdw_chat_view_rebuild_templates_menu (self);
}

/* GtkListView scrolls to an item by the heights it estimates for rows
 * not measured yet, so the jump to the last message can stop a little
 * short of its end; for a few frames the end is held in view while the
 * real heights arrive. */
#define STICK_TO_END_USEC (300 * G_TIME_SPAN_MILLISECOND)

static gboolean
stick_to_end_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *frame_clock,
                      gpointer       user_data)
{
  PdwChatView *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (gtk_adjustment_get_value (adjustment) < bottom)
    gtk_adjustment_set_value (adjustment, bottom);
  if (g_get_monotonic_time () < self->stick_until)
    return G_SOURCE_CONTINUE;

  self->stick_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
pdw_chat_view_scroll_to_end (PdwChatView *self)
{
  guint n_items;

  if (self->messages == NULL)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->messages));
  if (n_items == 0)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", n_items - 1);
  self->stick_until = g_get_monotonic_time () + STICK_TO_END_USEC;
  if (self->stick_tick_id == 0)
    self->stick_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), stick_to_end_tick_cb,
                                                        self, NULL);
}

/* The list view keeps the row at the top of the viewport in place when
 * rows are inserted before it: the page appears above what is read. */
static gboolean
load_older_cb (gpointer user_data)
{
  PdwChatView *self = user_data;

  self->load_older_id = 0;
  if (self->messages != NULL)
    pdw_message_list_load_older (self->messages);

  return G_SOURCE_REMOVE;
}

static void
pdw_chat_view_queue_load_older (PdwChatView *self)
{
  if (self->messages == NULL || self->load_older_id != 0 ||
      !pdw_message_list_get_has_older (self->messages))
    return;

  self->load_older_id = g_idle_add (load_older_cb, self);
}

static void
vadjustment_value_changed_cb (PdwChatView   *self,
                              GtkAdjustment *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);
  double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  gboolean scrolled_up = value < self->last_value;

  self->last_value = value;
  self->at_bottom = value >= bottom - AT_BOTTOM_SLACK;

  /* Only the officer scrolling back reads history: opening at the end
   * reads the newest page alone. */
  if (scrolled_up && value < gtk_adjustment_get_page_size (adjustment))
    pdw_chat_view_queue_load_older (self);
}

/* A first page too short to scroll could never be scrolled back. */
static void
vadjustment_changed_cb (PdwChatView   *self,
                        GtkAdjustment *adjustment)
{
  if (gtk_adjustment_get_upper (adjustment) > 0 &&
      gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment))
    pdw_chat_view_queue_load_older (self);
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

  /* A new inbound message opens the window again. */
  if (added > 0)
    _pdw_chat_view_sync_service_window (self);
}

void
_pdw_chat_view_show_toast (PdwChatView *self,
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
  g_autofree char *step = NULL;
  PdwGatewayService *gateway;
  const char *text;
  gint64 message_id = 0;

  if (self->conversation == NULL || self->store == NULL)
    return;

  typed = pdw_composer_dup_text (self->composer);
  text = g_strstrip (typed);
  if (*text == '\0')
    return;

  officer = g_settings_get_string (self->settings, "officer-name");

  gateway = pdw_context_get_gateway (self->context);
  step = g_strdup (pdw_composer_get_step (self->composer));
  message_id = _pdw_chat_view_queue_step_reply (self, text, &error);
  if (message_id == 0 && error == NULL && step == NULL)
    message_id = _pdw_chat_view_queue_survey_reply (self, text, &error);
  if (message_id == 0 && error == NULL && step == NULL)
    {
      if (gateway != NULL)
        message_id = pdw_gateway_service_send_text (gateway,
                                                    pdw_conversation_get_id (self->conversation),
                                                    text, officer, &error);
      else
        message_id = pdw_store_queue_outgoing_text (self->store,
                                                    pdw_conversation_get_id (self->conversation),
                                                    text, officer, &error);
    }

  if (message_id <= 0)
    {
      g_autofree char *toast = NULL;

      /* The text stays in the composer: an officer's reply is never lost. */
      if (step != NULL)
        /* Translators: the step and its message are one act: neither happened */
        toast = g_strdup_printf (_("Not sent, and the step is not recorded: %s"),
                                 error != NULL ? error->message : _("unknown error"));
      else
        toast = g_strdup_printf (_("The reply was not saved: %s"),
                                 error != NULL ? error->message : _("unknown error"));
      _pdw_chat_view_show_toast (self, toast);
      return;
    }

  if (step != NULL)
    {
      /* Translators: a toast once a step went out with its message, e.g. "Send standard reply (2×24 hours): recorded with the message" */
      g_autofree char *toast = g_strdup_printf (_("%s: recorded with the message"),
                                                pdw_workflow_action_get_label (step));

      _pdw_chat_view_show_toast (self, toast);
    }

  pdw_composer_clear (self->composer);
  self->at_bottom = TRUE;
  pdw_chat_view_scroll_to_end (self);
}

/* Without a gateway (tests, a workstation offline) the template message is
 * only queued, exactly as the gateway would queue it. */
static gint64
pdw_chat_view_queue_approved_template (PdwChatView  *self,
                                       const char   *officer,
                                       GError      **error)
{
  g_autoptr(PdwApprovedTemplate) approved = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_auto(GStrv) params = NULL;
  g_autofree char *display_text = NULL;
  gint64 conversation_id = pdw_conversation_get_id (self->conversation);

  approved = pdw_approved_template_new_from_settings (self->settings);
  complaint = pdw_store_dup_conversation_complaint (self->store, conversation_id, error);
  if (error != NULL && *error != NULL)
    return 0;

  params = pdw_approved_template_build_params (complaint ? pdw_complaint_get_citizen_name (complaint) : NULL,
                                               pdw_conversation_get_profile_name (self->conversation),
                                               complaint ? pdw_complaint_get_ticket (complaint) : NULL);
  display_text = pdw_approved_template_render (approved, (const char * const *)params);

  return pdw_store_queue_outgoing_template (self->store, conversation_id,
                                            pdw_approved_template_get_name (approved),
                                            pdw_approved_template_get_language (approved),
                                            (const char * const *)params,
                                            display_text, officer, error);
}

static void
chat_send_template_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  PdwChatView *self = PDW_CHAT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *officer = NULL;
  PdwGatewayService *gateway;
  gint64 message_id;

  if (self->conversation == NULL || self->store == NULL)
    return;

  officer = g_settings_get_string (self->settings, "officer-name");
  gateway = pdw_context_get_gateway (self->context);
  if (gateway != NULL)
    message_id = pdw_gateway_service_send_template (gateway,
                                                    pdw_conversation_get_id (self->conversation),
                                                    officer, &error);
  else
    message_id = pdw_chat_view_queue_approved_template (self, officer, &error);

  if (message_id <= 0)
    {
      g_autofree char *toast = NULL;

      toast = g_strdup_printf (_("The template message was not saved: %s"),
                               error != NULL ? error->message : _("unknown error"));
      _pdw_chat_view_show_toast (self, toast);
      return;
    }

  /* The draft stays: the officer sends it once the citizen answers. */
  _pdw_chat_view_show_toast (self, _("Approved template message queued"));
  self->at_bottom = TRUE;
  pdw_chat_view_scroll_to_end (self);
}

static void
chat_insert_template_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  pdw_chat_view_insert_template (PDW_CHAT_VIEW (widget), g_variant_get_string (param, NULL));
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

  g_signal_group_set_target (self->messages_signals, NULL);
  g_clear_object (&self->messages);
  g_clear_handle_id (&self->load_older_id, g_source_remove);

  if (self->conversation == NULL || self->store == NULL)
    {
      gtk_list_view_set_model (self->list_view, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      pdw_composer_set_placeholder (self->composer, _("Select a conversation to reply"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->composer), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->templates_button), FALSE);
      _pdw_chat_view_sync_service_window (self);
      return;
    }

  self->messages = pdw_message_list_new (self->store, pdw_conversation_get_id (self->conversation));
  g_signal_group_set_target (self->messages_signals, self->messages);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->messages)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  pdw_chat_view_sync_header (self);
  gtk_stack_set_visible_child_name (self->stack, "chat");
  gtk_widget_set_sensitive (GTK_WIDGET (self->composer), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->templates_button), TRUE);

  _pdw_chat_view_reset_service_window (self);

  self->at_bottom = TRUE;
  self->last_value = 0;
  pdw_chat_view_scroll_to_end (self);
}

GtkWidget *
pdw_chat_view_new (void)
{
  return g_object_new (PDW_TYPE_CHAT_VIEW, NULL);
}

PdwContext *
pdw_chat_view_get_context (PdwChatView *self)
{
  g_return_val_if_fail (PDW_IS_CHAT_VIEW (self), NULL);

  return self->context;
}

void
pdw_chat_view_set_context (PdwChatView *self,
                           PdwContext  *context)
{
  g_return_if_fail (PDW_IS_CHAT_VIEW (self));
  g_return_if_fail (!context || PDW_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  self->store = context != NULL ? pdw_context_get_store (context) : NULL;
  self->settings = context != NULL ? pdw_context_get_settings (context) : NULL;
  g_signal_group_set_target (self->store_signals, self->store);
  g_signal_group_set_target (self->clock_signals, context != NULL ? pdw_context_get_clock (context) : NULL);
  _pdw_chat_view_set_window_context (self);

  pdw_chat_view_rebuild_templates_menu (self);
  pdw_chat_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
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
    _pdw_chat_view_flush_draft (self);

  g_set_object (&self->conversation, conversation);
  g_signal_group_set_target (self->conversation_signals, conversation);
  _pdw_chat_view_restore_draft (self);

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

gint64
_pdw_chat_view_next_opening (PdwChatView *self)
{
  return pdw_service_calendar_next_opening (pdw_context_get_calendar (self->context), now_unix ());
}

gboolean
_pdw_chat_view_fill_composer (PdwChatView *self,
                              const char  *template_name,
                              int          status_after,
                              gint64       due_at,
                              const char  *reason)
{
  g_autoptr(PdwReplyTemplate) template = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unknown = NULL;
  g_autofree char *officer = NULL;
  g_autofree char *rendered = NULL;
  g_autofree char *draft = NULL;

  if (self->store == NULL || self->conversation == NULL)
    return FALSE;

  template = pdw_store_dup_reply_template (self->store, template_name, &error);
  if (template == NULL)
    {
      g_autofree char *toast = g_strdup_printf (_("The reply template cannot be read: %s"), error->message);

      _pdw_chat_view_show_toast (self, toast);
      return FALSE;
    }

  complaint = pdw_store_dup_conversation_complaint (self->store,
                                                    pdw_conversation_get_id (self->conversation),
                                                    &error);
  if (error != NULL)
    g_warning ("Cannot read the complaint of the conversation: %s", error->message);
  if (complaint != NULL && status_after < 0)
    status_after = pdw_complaint_get_status (complaint);

  officer = g_settings_get_string (self->settings, "officer-name");
  rendered = pdw_template_render_for_step (pdw_reply_template_get_body (template),
                                           self->conversation, complaint, officer,
                                           _pdw_chat_view_next_opening (self), due_at, reason, &unknown);

  /* The closing message asks the citizen to rate the service, where the
   * officer sees it before it goes. */
  if (g_strcmp0 (template_name, PDW_TEMPLATE_CLOSING) == 0 &&
      g_settings_get_boolean (self->settings, "survey-enabled") && complaint != NULL &&
      pdw_survey_can_ask ((PdwComplaintStatus) status_after, pdw_complaint_get_survey_rating (complaint)))
    {
      g_autofree char *question = _pdw_chat_view_dup_survey_question (self, complaint);

      if (question != NULL)
        {
          char *with_question = g_strconcat (rendered, "\n\n", question, NULL);

          g_free (rendered);
          rendered = with_question;
        }
    }

  if (pdw_composer_get_empty (self->composer))
    pdw_composer_set_text (self->composer, rendered);
  else
    {
      g_autofree char *current = pdw_composer_dup_text (self->composer);

      draft = g_strdup_printf ("%s\n\n%s", g_strchomp (current), rendered);
      pdw_composer_set_text (self->composer, draft);
    }

  if (unknown != NULL && unknown[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", unknown);
      g_autofree char *toast = g_strdup_printf (_("Fill in before sending: %s"), names);

      _pdw_chat_view_show_toast (self, toast);
    }

  pdw_composer_grab_text_focus (self->composer);
  return TRUE;
}

void
pdw_chat_view_insert_template (PdwChatView *self,
                               const char  *template_name)
{
  g_return_if_fail (PDW_IS_CHAT_VIEW (self));
  g_return_if_fail (template_name != NULL);

  _pdw_chat_view_fill_composer (self, template_name, -1, 0, NULL);
}

/* A quick reply replaces the "/query" it was chosen with. */
static void
quick_reply_chosen_cb (PdwChatView *self,
                       const char  *template_name,
                       PdwComposer *composer)
{
  pdw_composer_clear (composer);
  _pdw_chat_view_fill_composer (self, template_name, -1, 0, NULL);
}

static void
chat_show_templates_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  PdwChatView *self = PDW_CHAT_VIEW (widget);

  if (self->conversation != NULL && gtk_widget_get_sensitive (GTK_WIDGET (self->templates_button)))
    gtk_menu_button_popup (self->templates_button);
}

gboolean
pdw_chat_view_get_service_window_open (PdwChatView *self)
{
  g_return_val_if_fail (PDW_IS_CHAT_VIEW (self), FALSE);

  return self->window_open;
}

GtkWidget *
pdw_chat_view_get_window_notice (PdwChatView *self)
{
  g_return_val_if_fail (PDW_IS_CHAT_VIEW (self), NULL);

  return self->window_notice;
}

GMenuModel *
pdw_chat_view_get_templates_menu (PdwChatView *self)
{
  g_return_val_if_fail (PDW_IS_CHAT_VIEW (self), NULL);

  return G_MENU_MODEL (self->templates_menu);
}

static void
pdw_chat_view_dispose (GObject *object)
{
  PdwChatView *self = (PdwChatView *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->load_older_id, g_source_remove);
  _pdw_chat_view_dispose_drafts (self);
  _pdw_chat_view_dispose_window (self);
  g_clear_object (&self->clock_signals);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->conversation_signals);
  g_clear_object (&self->messages_signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_CHAT_VIEW);
  /* GTK 4.8 only unparents the children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->messages);
  g_clear_object (&self->conversation);
  self->store = NULL;
  self->settings = NULL;
  g_clear_object (&self->context);
  g_clear_object (&self->templates_menu);
  g_clear_object (&self->templates);

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
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
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
    case PROP_CONTEXT:
      pdw_chat_view_set_context (self, g_value_get_object (value));
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

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PDW_TYPE_CONTEXT,
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
  gtk_widget_class_bind_template_child (widget_class, PdwChatView, window_notice);
  gtk_widget_class_bind_template_child (widget_class, PdwChatView, window_notice_label);
  gtk_widget_class_bind_template_child (widget_class, PdwChatView, window_hint);
  gtk_widget_class_bind_template_child (widget_class, PdwChatView, templates_button);

  gtk_widget_class_install_action (widget_class, "chat.send", NULL, chat_send_action);
  gtk_widget_class_install_action (widget_class, "chat.send-template", NULL, chat_send_template_action);
  gtk_widget_class_install_action (widget_class, "chat.insert-template", "s", chat_insert_template_action);
  gtk_widget_class_install_action (widget_class, "chat.attach", NULL, _pdw_chat_view_attach_action);
  gtk_widget_class_install_action (widget_class, "chat.retry-media", "x", _pdw_chat_view_retry_media_action);
  gtk_widget_class_install_action (widget_class, "chat.show-templates", NULL, chat_show_templates_action);
  _pdw_chat_view_class_init_outbox (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chatview");
}

static void
pdw_chat_view_init (PdwChatView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->at_bottom = TRUE;

  self->templates_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->templates_button, G_MENU_MODEL (self->templates_menu));
  self->templates = g_list_store_new (PDW_TYPE_REPLY_TEMPLATE);
  pdw_composer_set_templates (self->composer, G_LIST_MODEL (self->templates));
  g_signal_connect_object (self->composer, "template-chosen",
                           G_CALLBACK (quick_reply_chosen_cb), self, G_CONNECT_SWAPPED);

  /* Anywhere in the window, like the queue's Alt+Up/Down. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_t, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("chat.show-templates")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  _pdw_chat_view_init_drafts (self);
  _pdw_chat_view_init_window (self);

  self->clock_signals = g_signal_group_new (PDW_TYPE_CLOCK);
  g_signal_group_connect_object (self->clock_signals, "minute-changed",
                                 G_CALLBACK (_pdw_chat_view_sync_service_window), self, G_CONNECT_SWAPPED);
  self->store_signals = g_signal_group_new (PDW_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "settings-changed",
                                 G_CALLBACK (store_settings_changed_cb), self, G_CONNECT_SWAPPED);
  self->conversation_signals = g_signal_group_new (PDW_TYPE_CONVERSATION);
  g_signal_group_connect_object (self->conversation_signals, "notify::display-name",
                                 G_CALLBACK (pdw_chat_view_sync_header), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->conversation_signals, "notify::last-inbound-time",
                                 G_CALLBACK (_pdw_chat_view_sync_service_window), self, G_CONNECT_SWAPPED);
  self->messages_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->messages_signals, "items-changed",
                                 G_CALLBACK (messages_items_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_message_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_message_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_message_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (vadjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->composer, "notify::empty",
                           G_CALLBACK (_pdw_chat_view_update_actions), self, G_CONNECT_SWAPPED);

  pdw_chat_view_reload (self);
}
