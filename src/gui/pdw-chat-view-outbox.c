/* pdw-chat-view-outbox.c: what the chat does with a reply that failed:
 * send it again as it is, or put its text back in the composer to change
 * it (the failed one then leaves the list of failures).  The buttons are
 * on the message row (pdw-message-row.c); the actions take the message id.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-chat-view-private.h"

static void
show_error_toast (PdwChatView  *self,
                  const GError *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  /* Translators: %s is the reason */
  g_autofree char *text = g_strdup_printf (_("The message cannot be sent again: %s"), error->message);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_warning ("%s", text);
}

static void
chat_retry_message_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  PdwChatView *self = PDW_CHAT_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  /* Queued again in the store: the outbox (this app's or another
   * process's) sees it and sends it. */
  if (!pdw_store_retry_failed_outgoing (self->store, g_variant_get_int64 (param), &error))
    show_error_toast (self, error);
}

static void
chat_edit_message_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  PdwChatView *self = PDW_CHAT_VIEW (widget);
  g_autoptr(PdwMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  gint64 message_id = g_variant_get_int64 (param);

  if (self->store == NULL)
    return;

  message = pdw_store_dup_message (self->store, message_id, &error);
  if (message == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  pdw_composer_set_text (self->composer, pdw_message_get_text (message) ?: "");
  pdw_composer_grab_text_focus (self->composer);
  if (!pdw_store_set_failure_handled (self->store, message_id, &error))
    g_warning ("Cannot mark message %" G_GINT64_FORMAT " as dealt with: %s", message_id, error->message);
}

void
_pdw_chat_view_class_init_outbox (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "chat.retry-message", "x", chat_retry_message_action);
  gtk_widget_class_install_action (widget_class, "chat.edit-message", "x", chat_edit_message_action);
}
