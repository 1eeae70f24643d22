/* pdw-chat-view-window.c: the 24-hour customer-service window of the open
 * conversation, where the provider has one: the Cloud API drops a
 * free-form reply sent more than 24 hours after the citizen last wrote, a
 * linked device (WAHA) does not.  With a window, the bar when it is closed
 * (the composer locked, the approved template offered) and the hint before
 * it closes; without one, neither.  The provider is the context's gateway's
 * backend, followed across reloads that swap it.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-reply-rules.h"
#include "gateway/pdw-gateway-backend.h"

#include "pdw-chat-view-private.h"
#include "pdw-context.h"

/* Below this the officer is told the WhatsApp window is about to close, so
 * a long answer is sent before it does rather than after. */
#define WINDOW_WARNING_SECONDS (4 * 60 * 60)

static gint64
pdw_chat_view_get_last_inbound (PdwChatView *self)
{
  gint64 last = pdw_conversation_get_last_inbound_time (self->conversation);

  /* 0 is how the store says the citizen never wrote. */
  return last > 0 ? last : -1;
}

/* Whether the provider has the 24-hour window: the running gateway's
 * backend; without a gateway in this process (serve runs on another
 * machine, a test) the one the gateway-backend setting names. */
static gboolean
has_service_window (PdwChatView *self)
{
  PdwGatewayService *gateway = self->context != NULL ? pdw_context_get_gateway (self->context) : NULL;

  if (gateway != NULL)
    return pdw_gateway_backend_has_service_window (pdw_gateway_service_get_backend (gateway));

  if (self->settings_backend == NULL && self->settings != NULL)
    {
      g_autoptr(PdwGatewayConfig) config = pdw_gateway_config_new ();
      g_autoptr(GError) error = NULL;

      pdw_gateway_config_load_settings (config, self->settings);
      self->settings_backend = pdw_gateway_backend_new_for_config (config, &error);
      if (self->settings_backend == NULL)
        g_debug ("No backend for the chat's window: %s", error->message);
    }
  /* Unknown: the Cloud API's rule, a template too many rather than a reply lost. */
  return self->settings_backend == NULL || pdw_gateway_backend_has_service_window (self->settings_backend);
}

static gboolean
window_is_open (PdwChatView *self,
                gint64       now)
{
  return !has_service_window (self) || pdw_service_window_is_open (pdw_chat_view_get_last_inbound (self), now);
}

static void
pdw_chat_view_show_window_hint (PdwChatView *self,
                                gint64       remaining)
{
  g_autofree char *hint = NULL;

  if (remaining >= 60 * 60)
    {
      int hours = (int)(remaining / (60 * 60));

      hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The WhatsApp window closes in %d hour: after that only the approved template can be sent",
                                           "The WhatsApp window closes in %d hours: after that only the approved template can be sent",
                                           hours),
                              hours);
    }
  else
    {
      int minutes = MAX (1, (int)(remaining / 60));

      hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The WhatsApp window closes in %d minute: after that only the approved template can be sent",
                                           "The WhatsApp window closes in %d minutes: after that only the approved template can be sent",
                                           minutes),
                              minutes);
    }

  gtk_label_set_text (self->window_hint, hint);
  gtk_widget_set_visible (GTK_WIDGET (self->window_hint), TRUE);
}

/* WhatsApp drops a free-form message sent more than 24 hours after the
 * citizen last wrote (error 131047), and other helpdesks only showed that as
 * a missing tick (chatwoot #8503).  So say it before the officer types, keep
 * the draft, and offer the one message that does get through. */
void
_pdw_chat_view_sync_service_window (PdwChatView *self)
{
  gint64 last_inbound;
  gint64 now;
  gboolean open;

  g_assert (PDW_IS_CHAT_VIEW (self));

  if (self->conversation == NULL)
    {
      self->window_open = FALSE;
      gtk_widget_set_visible (self->window_notice, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->window_hint), FALSE);
      _pdw_chat_view_update_actions (self);
      return;
    }

  now = g_get_real_time () / G_USEC_PER_SEC;
  last_inbound = pdw_chat_view_get_last_inbound (self);
  open = window_is_open (self, now);

  if (open && !has_service_window (self))
    {
      gtk_widget_set_visible (self->window_notice, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->window_hint), FALSE);
    }
  else if (open)
    {
      gint64 remaining = pdw_service_window_remaining (last_inbound, now);

      gtk_widget_set_visible (self->window_notice, FALSE);
      if (remaining < WINDOW_WARNING_SECONDS)
        pdw_chat_view_show_window_hint (self, remaining);
      else
        gtk_widget_set_visible (GTK_WIDGET (self->window_hint), FALSE);
    }
  else
    {
      const char *text;
      g_autofree char *markup = NULL;

      if (last_inbound < 0)
        text = _("This citizen has not written to the office yet, so a free-form message will not be delivered. "
                 "Send the approved template message instead; your draft is kept.");
      else
        text = _("The citizen last wrote more than 24 hours ago, so a free-form message will not be delivered. "
                 "Send the approved template message: when the citizen replies, you can write freely again. "
                 "Your draft is kept.");

      /* One line with its button, as AdwBanner: the whole text on hover. */
      markup = g_markup_printf_escaped ("<b>%s.</b> %s", _("The 24-hour WhatsApp window is closed"), text);
      gtk_label_set_markup (self->window_notice_label, markup);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_notice_label), text);
      gtk_widget_set_visible (GTK_WIDGET (self->window_hint), FALSE);
      gtk_widget_set_visible (self->window_notice, TRUE);
    }

  if (open != self->window_open)
    {
      self->window_open = open;
      pdw_composer_set_placeholder (self->composer,
                                    open ? _("Write a reply… (Shift+Enter for a new line)")
                                         : _("Free-form replies cannot be sent until the citizen writes again"));
    }

  _pdw_chat_view_update_actions (self);
}

/* A new conversation: the composer's placeholder follows its window. */
void
_pdw_chat_view_reset_service_window (PdwChatView *self)
{
  self->window_open = !window_is_open (self, g_get_real_time () / G_USEC_PER_SEC);
  _pdw_chat_view_sync_service_window (self);
}

static void
gateway_changed_cb (PdwChatView *self)
{
  g_signal_group_set_target (self->gateway_signals,
                             self->context != NULL ? pdw_context_get_gateway (self->context) : NULL);
  _pdw_chat_view_sync_service_window (self);
}

static void
backend_setting_changed_cb (PdwChatView *self)
{
  g_clear_object (&self->settings_backend);
  _pdw_chat_view_sync_service_window (self);
}

void
_pdw_chat_view_set_window_context (PdwChatView *self)
{
  g_clear_object (&self->settings_backend);
  g_signal_group_set_target (self->context_signals, self->context);
  g_signal_group_set_target (self->settings_signals, self->settings);
  gateway_changed_cb (self);
}

void
_pdw_chat_view_init_window (PdwChatView *self)
{
  self->context_signals = g_signal_group_new (PDW_TYPE_CONTEXT);
  g_signal_group_connect_object (self->context_signals, "notify::gateway",
                                 G_CALLBACK (gateway_changed_cb), self, G_CONNECT_SWAPPED);
  /* A reload may swap the backend (the preferences chose another service). */
  self->gateway_signals = g_signal_group_new (PDW_TYPE_GATEWAY_SERVICE);
  g_signal_group_connect_object (self->gateway_signals, "config-changed",
                                 G_CALLBACK (_pdw_chat_view_sync_service_window), self, G_CONNECT_SWAPPED);
  self->settings_signals = g_signal_group_new (G_TYPE_SETTINGS);
  g_signal_group_connect_object (self->settings_signals, "changed::gateway-backend",
                                 G_CALLBACK (backend_setting_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_pdw_chat_view_dispose_window (PdwChatView *self)
{
  g_clear_object (&self->context_signals);
  g_clear_object (&self->gateway_signals);
  g_clear_object (&self->settings_signals);
  g_clear_object (&self->settings_backend);
}
