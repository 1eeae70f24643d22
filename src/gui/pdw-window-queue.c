/* pdw-window-queue.c: a queue that holds still under the pointer, the
 * "new messages" pill, and the keys that walk it.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-window-private.h"

/* How long the pointer must rest on the queue before rows move under it. */
#define THAW_DELAY_MS 1500

static gboolean
thaw_queue_cb (gpointer data)
{
  PdwWindow *self = data;

  self->thaw_source = 0;
  pdw_conversation_list_set_frozen (self->conversations, FALSE);
  return G_SOURCE_REMOVE;
}

/* Rows do not move under a pointer that is on its way to one of them: they
 * wait until it leaves the queue or rests a moment. */
static void
queue_pointer_moved_cb (PdwWindow *self)
{
  pdw_conversation_list_set_frozen (self->conversations, TRUE);
  g_clear_handle_id (&self->thaw_source, g_source_remove);
  self->thaw_source = g_timeout_add (THAW_DELAY_MS, thaw_queue_cb, self);
}

static void
queue_pointer_left_cb (PdwWindow *self)
{
  g_clear_handle_id (&self->thaw_source, g_source_remove);
  pdw_conversation_list_set_frozen (self->conversations, FALSE);
}

static gboolean
queue_key_pressed_cb (PdwWindow *self)
{
  self->selecting_by_keyboard = TRUE;
  return FALSE;
}

static void
queue_key_released_cb (PdwWindow *self)
{
  self->selecting_by_keyboard = FALSE;
}

GtkAdjustment *
_pdw_window_get_queue_adjustment (PdwWindow *self)
{
  return gtk_scrolled_window_get_vadjustment (self->queue_scroller);
}

static void
pdw_window_sync_new_messages (PdwWindow *self)
{
  g_clear_pointer (&self->new_messages_text, g_free);
  if (self->n_new_above > 0)
    {
      self->new_messages_text = g_strdup_printf (ngettext ("%u new message", "%u new messages",
                                                           self->n_new_above),
                                                 self->n_new_above);
      gtk_button_set_label (GTK_BUTTON (self->new_messages_button), self->new_messages_text);
    }
  gtk_widget_set_visible (self->new_messages_button, self->n_new_above > 0);
}

void
_pdw_window_clear_new_messages (PdwWindow *self)
{
  if (self->n_new_above == 0)
    return;

  self->n_new_above = 0;
  pdw_window_sync_new_messages (self);
}

gboolean
_pdw_window_scroll_queue_to_top_cb (gpointer data)
{
  PdwWindow *self = data;

  self->scroll_top_source = 0;
  gtk_adjustment_set_value (_pdw_window_get_queue_adjustment (self), 0);
  return G_SOURCE_REMOVE;
}

static void
new_messages_clicked_cb (PdwWindow *self)
{
  _pdw_window_clear_new_messages (self);
  _pdw_window_scroll_queue_to_top_cb (self);
}

static void
queue_scrolled_cb (PdwWindow     *self,
                   GParamSpec    *pspec,
                   GtkAdjustment *adjustment)
{
  if (gtk_adjustment_get_value (adjustment) <= 0)
    _pdw_window_clear_new_messages (self);
}

/* A citizen who writes comes to the top of the queue (the model's "arrived"):
 * in view if the officer is at the top, else announced by the pill instead
 * of hidden above the viewport. */
void
_pdw_window_conversation_arrived_cb (PdwWindow           *self,
                         guint                position,
                         PdwConversationList *list)
{
  GtkAdjustment *adjustment = _pdw_window_get_queue_adjustment (self);
  g_autoptr(PdwConversation) arrived = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  double row_height;

  if (n_items == 0)
    return;

  if (gtk_adjustment_get_value (adjustment) <= 0)
    {
      /* The list keeps its first row in place: show the new one instead. */
      if (position == 0 && self->scroll_top_source == 0)
        self->scroll_top_source = g_idle_add (_pdw_window_scroll_queue_to_top_cb, self);
      return;
    }

  row_height = gtk_adjustment_get_upper (adjustment) / n_items;
  if (row_height <= 0 || position * row_height >= gtk_adjustment_get_value (adjustment))
    return;

  arrived = g_list_model_get_item (G_LIST_MODEL (list), position);
  if (arrived == NULL || pdw_conversation_get_unread_count (arrived) == 0)
    return;

  self->n_new_above++;
  pdw_window_sync_new_messages (self);
}

void
_pdw_window_watch_queue (PdwWindow *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  g_signal_connect_object (motion, "motion", G_CALLBACK (queue_pointer_moved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (queue_pointer_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->conversation_view), motion);

  /* Captured before the list moves its cursor (and the selection). */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (queue_key_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (keys, "key-released", G_CALLBACK (queue_key_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->conversation_view), keys);

  g_signal_connect_object (self->new_messages_button, "clicked",
                           G_CALLBACK (new_messages_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (_pdw_window_get_queue_adjustment (self), "notify::value",
                           G_CALLBACK (queue_scrolled_cb), self, G_CONNECT_SWAPPED);

  /* Captured too: the reply box has its own Ctrl+Page_Up. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                                   gtk_keyval_trigger_new (GDK_KEY_Page_Up, GDK_CONTROL_MASK)),
                      gtk_named_action_new ("win.previous-conversation")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                                   gtk_keyval_trigger_new (GDK_KEY_Page_Down, GDK_CONTROL_MASK)),
                      gtk_named_action_new ("win.next-conversation")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

void
pdw_window_select_adjacent (PdwWindow *self,
                            int        direction)
{
  guint n_items, position, target;

  g_return_if_fail (PDW_IS_WINDOW (self));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->conversations));
  if (n_items == 0)
    return;

  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    target = 0;
  else if (direction < 0)
    target = position > 0 ? position - 1 : 0;
  else
    target = MIN (position + 1, n_items - 1);

  if (target == position)
    return;

  gtk_single_selection_set_selected (self->selection, target);
  gtk_widget_activate_action (GTK_WIDGET (self->conversation_view), "list.scroll-to-item", "u", target);
}

void
_pdw_window_adjacent_conversation_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  pdw_window_select_adjacent (PDW_WINDOW (widget),
                              g_str_equal (action_name, "win.previous-conversation") ? -1 : 1);
}

const char *
pdw_window_get_new_messages_text (PdwWindow *self)
{
  g_return_val_if_fail (PDW_IS_WINDOW (self), NULL);
  return self->n_new_above > 0 ? self->new_messages_text : NULL;
}

