/* pdw-message-notifier.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-identity.h"

#include "pdw-message-notifier.h"

struct _PdwMessageNotifier
{
  GObject     parent_instance;

  GtkWindow  *window;     /* weak */
  PdwContext *context;
  /* Messages up to this id were there already: not new. */
  gint64      seen_id;
  guint       n_sent;
  char       *last_id;
  char       *last_body;
};

G_DEFINE_FINAL_TYPE (PdwMessageNotifier, pdw_message_notifier, G_TYPE_OBJECT)

GNotification *
pdw_message_notifier_create_notification (PdwMessageNotifier *self,
                                          gint64              message_id)
{
  PdwStore *store;
  g_autoptr(PdwMessage) message = NULL;
  g_autoptr(PdwConversation) conversation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GNotification *notification;
  const char *text;

  g_return_val_if_fail (PDW_IS_MESSAGE_NOTIFIER (self), NULL);

  store = pdw_context_get_store (self->context);
  message = pdw_store_dup_message (store, message_id, &error);
  if (message == NULL || pdw_message_get_direction (message) != PDW_DIRECTION_IN)
    return NULL;

  conversation = pdw_store_dup_conversation (store, pdw_message_get_conversation_id (message), &error);
  if (conversation == NULL)
    return NULL;

  name = pdw_conversation_dup_display_name (conversation);
  text = pdw_message_get_text (message);
  body = text != NULL && *text != '\0' ? pdw_identity_mask_in_text (text)
                                       : g_strdup (pdw_conversation_get_last_message_text (conversation));

  g_free (self->last_body);
  self->last_body = g_strdup (body);
  notification = g_notification_new (name != NULL ? name : _("New message"));
  if (body != NULL)
    g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target_value (notification, "app.open-conversation",
                                                      g_variant_new_int64 (pdw_conversation_get_id (conversation)));
  return notification;
}

static void
message_changed_cb (PdwMessageNotifier *self,
                    gint64              conversation_id,
                    gint64              message_id)
{
  g_autoptr(GNotification) notification = NULL;
  GApplication *application;

  /* A status (a tick) changes an old message: only a new id is news. */
  if (message_id <= self->seen_id)
    return;
  self->seen_id = message_id;

  if (self->window == NULL || gtk_window_is_active (self->window))
    return;

  notification = pdw_message_notifier_create_notification (self, message_id);
  if (notification == NULL)
    return;

  /* One notification per citizen, the newest message replacing the last. */
  g_free (self->last_id);
  self->last_id = g_strdup_printf ("message-%" G_GINT64_FORMAT, conversation_id);
  self->n_sent++;

  application = G_APPLICATION (gtk_window_get_application (self->window));
  if (application != NULL)
    g_application_send_notification (application, self->last_id, notification);

  if (g_settings_get_boolean (pdw_context_get_settings (self->context), "notification-sound"))
    gdk_display_beep (gtk_widget_get_display (GTK_WIDGET (self->window)));
}

guint
pdw_message_notifier_get_n_sent (PdwMessageNotifier *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE_NOTIFIER (self), 0);
  return self->n_sent;
}

const char *
pdw_message_notifier_get_last_id (PdwMessageNotifier *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE_NOTIFIER (self), NULL);
  return self->last_id;
}

const char *
pdw_message_notifier_get_last_body (PdwMessageNotifier *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE_NOTIFIER (self), NULL);
  return self->last_body;
}

static void
pdw_message_notifier_dispose (GObject *object)
{
  PdwMessageNotifier *self = (PdwMessageNotifier *)object;

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pdw_message_notifier_parent_class)->dispose (object);
}

static void
pdw_message_notifier_finalize (GObject *object)
{
  PdwMessageNotifier *self = (PdwMessageNotifier *)object;

  g_free (self->last_id);
  g_free (self->last_body);

  G_OBJECT_CLASS (pdw_message_notifier_parent_class)->finalize (object);
}

static void
pdw_message_notifier_class_init (PdwMessageNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pdw_message_notifier_dispose;
  object_class->finalize = pdw_message_notifier_finalize;
}

static void
pdw_message_notifier_init (PdwMessageNotifier *self)
{
}

PdwMessageNotifier *
pdw_message_notifier_new (GtkWindow  *window,
                          PdwContext *context)
{
  PdwMessageNotifier *self;
  g_autoptr(GError) error = NULL;
  PdwStore *store;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (PDW_IS_CONTEXT (context), NULL);

  self = g_object_new (PDW_TYPE_MESSAGE_NOTIFIER, NULL);
  g_set_weak_pointer (&self->window, window);
  self->context = g_object_ref (context);

  store = pdw_context_get_store (context);
  self->seen_id = pdw_store_get_last_message_id (store, &error);
  if (error != NULL)
    g_warning ("Cannot read the newest message: %s", error->message);
  g_signal_connect_object (store, "message-changed", G_CALLBACK (message_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}
