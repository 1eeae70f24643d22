/* pdw-send-error.c
 *
 * The codes are Meta's (research/whatsapp.md §1.6, "Error codes" of the
 * Cloud API reference).  Rate limits and Meta-side failures are retried;
 * a token that expired keeps the messages queued too (nothing is lost
 * while an officer renews it); the rest need an officer.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-send-error.h"

typedef struct
{
  int            code;
  gboolean       transient;
  PdwSendAction  action;
  guint          min_wait;
  const char    *explanation;
} SendErrorInfo;

/* Rate limits: Meta asks to back off; a pair (one recipient) takes about
 * one message every 6 s. */
#define RATE_WAIT 4
#define PAIR_RATE_WAIT 6

static const SendErrorInfo infos[] = {
  { PDW_SEND_ERROR_BAD_RESPONSE, TRUE, PDW_SEND_ACTION_WAIT, 0,
    N_("WhatsApp gave an unexpected answer. The message is sent again automatically.") },
  { PDW_SEND_ERROR_NOT_CONFIGURED, TRUE, PDW_SEND_ACTION_OPEN_SETTINGS, 0,
    N_("The WhatsApp connection is not set up. The message waits in the queue until the access token and phone number ID are entered in the settings.") },
  { PDW_SEND_ERROR_NO_RECIPIENT, FALSE, PDW_SEND_ACTION_NONE, 0,
    N_("This citizen has no WhatsApp number to reply to (only a user ID).") },
  { PDW_SEND_ERROR_INVALID, FALSE, PDW_SEND_ACTION_NONE, 0,
    N_("This message cannot be sent: the approved template's name is missing in the settings.") },
  { PDW_SEND_ERROR_HTTP, FALSE, PDW_SEND_ACTION_RETRY, 0,
    N_("WhatsApp refused the request. Try again; if it keeps failing, tell the administrator.") },
  { PDW_SEND_ERROR_SERVER, TRUE, PDW_SEND_ACTION_WAIT, 0,
    N_("WhatsApp's server had a problem. The message is sent again automatically.") },
  { PDW_SEND_ERROR_NETWORK, TRUE, PDW_SEND_ACTION_WAIT, 0,
    N_("The WhatsApp service cannot be reached (is the internet connection down?). The message waits in the queue and goes as soon as the connection is back.") },
  { PDW_SEND_ERROR_WAHA_API_KEY, FALSE, PDW_SEND_ACTION_OPEN_SETTINGS, 0,
    N_("The WAHA API key is wrong: fix it in Preferences → WhatsApp, then send the message again.") },
  { PDW_SEND_ERROR_WAHA_SESSION, FALSE, PDW_SEND_ACTION_OPEN_SETTINGS, 0,
    N_("The WAHA server has no session with the name in the settings. Check the session name in Preferences → WhatsApp, then send the message again.") },
  { PDW_SEND_ERROR_WAHA_NOT_READY, TRUE, PDW_SEND_ACTION_WAIT, 0,
    N_("The office's WhatsApp is not connected on the WAHA server (the office phone may need to scan the QR code again). The message waits in the queue and goes once it is connected.") },

  { 1, TRUE, PDW_SEND_ACTION_WAIT, 0,
    N_("WhatsApp had a temporary problem. The message is sent again automatically.") },
  { 2, TRUE, PDW_SEND_ACTION_WAIT, 0,
    N_("WhatsApp had a temporary problem. The message is sent again automatically.") },
  { 4, TRUE, PDW_SEND_ACTION_WAIT, RATE_WAIT,
    N_("Too many messages at once: WhatsApp's sending limit was reached. The message is sent again automatically in a moment.") },
  { 10, FALSE, PDW_SEND_ACTION_OPEN_SETTINGS, 0,
    N_("The access token may not send messages for this number. Check the WhatsApp connection in the settings.") },
  { 17, TRUE, PDW_SEND_ACTION_WAIT, RATE_WAIT,
    N_("Too many messages at once: WhatsApp's sending limit was reached. The message is sent again automatically in a moment.") },
  { 100, FALSE, PDW_SEND_ACTION_EDIT, 0,
    N_("WhatsApp refused a part of the message (for example it is too long or contains something not allowed). Change the message and send it again.") },
  { 190, TRUE, PDW_SEND_ACTION_OPEN_SETTINGS, 0,
    N_("The WhatsApp access token was refused (expired or wrong). No message can go out until a new token is entered in the settings; the messages wait in the queue.") },
  { 341, TRUE, PDW_SEND_ACTION_WAIT, RATE_WAIT,
    N_("Too many messages at once: WhatsApp's sending limit was reached. The message is sent again automatically in a moment.") },
  { 368, FALSE, PDW_SEND_ACTION_NONE, 0,
    N_("WhatsApp has temporarily blocked this business number for a policy violation, so messages cannot be sent for now. Tell the supervisor: the block is handled in Meta Business Manager.") },
  { 80007, TRUE, PDW_SEND_ACTION_WAIT, RATE_WAIT,
    N_("Too many messages at once: WhatsApp's sending limit was reached. The message is sent again automatically in a moment.") },
  { 130429, TRUE, PDW_SEND_ACTION_WAIT, RATE_WAIT,
    N_("Too many messages at once: WhatsApp's sending limit was reached. The message is sent again automatically in a moment.") },
  { 131000, TRUE, PDW_SEND_ACTION_WAIT, 0,
    N_("WhatsApp had a temporary problem. The message is sent again automatically.") },
  { 131008, FALSE, PDW_SEND_ACTION_EDIT, 0,
    N_("WhatsApp refused a part of the message (for example it is too long or contains something not allowed). Change the message and send it again.") },
  { 131009, FALSE, PDW_SEND_ACTION_EDIT, 0,
    N_("WhatsApp refused a part of the message (for example it is too long or contains something not allowed). Change the message and send it again.") },
  { 131016, TRUE, PDW_SEND_ACTION_WAIT, 0,
    N_("WhatsApp had a temporary problem. The message is sent again automatically.") },
  { 131026, FALSE, PDW_SEND_ACTION_RETRY, 0,
    N_("WhatsApp could not deliver the message to this number: it may not use WhatsApp, may have an old version, or has not accepted WhatsApp's new terms. Check the number with the citizen in another way.") },
  { 131031, FALSE, PDW_SEND_ACTION_NONE, 0,
    N_("The business account is locked by WhatsApp. Tell the supervisor: it is handled in Meta Business Manager.") },
  { 131047, FALSE, PDW_SEND_ACTION_SEND_TEMPLATE, 0,
    N_("More than 24 hours have passed since the citizen last wrote, so WhatsApp only lets the approved template through. Send the template; once the citizen answers you can write freely again.") },
  { 131052, FALSE, PDW_SEND_ACTION_NONE, 0,
    N_("The citizen's file could not be downloaded from WhatsApp (it may have expired). Ask the citizen to send it again.") },
  { 131053, FALSE, PDW_SEND_ACTION_EDIT, 0,
    N_("The attached file could not be uploaded to WhatsApp (a type it does not take, or too large). Attach it again in another format or smaller, then send.") },
  { 131056, TRUE, PDW_SEND_ACTION_WAIT, PAIR_RATE_WAIT,
    N_("Too many messages to this citizen in a short time. The message is sent again automatically in a moment.") },
  { 132000, FALSE, PDW_SEND_ACTION_OPEN_SETTINGS, 0,
    N_("The approved template's number of parameters does not match. Check the template in the settings.") },
  { 132001, FALSE, PDW_SEND_ACTION_OPEN_SETTINGS, 0,
    N_("The template does not exist in this language or is not approved. Check the template's name and language in the settings.") },
  { 132012, FALSE, PDW_SEND_ACTION_OPEN_SETTINGS, 0,
    N_("A template parameter has the wrong format. Check the template in the settings.") },
  { 132015, FALSE, PDW_SEND_ACTION_NONE, 0,
    N_("The template is paused or disabled by WhatsApp. Tell the supervisor.") },
  { 132016, FALSE, PDW_SEND_ACTION_NONE, 0,
    N_("The template is paused or disabled by WhatsApp. Tell the supervisor.") },
  { 133004, TRUE, PDW_SEND_ACTION_WAIT, 0,
    N_("WhatsApp had a temporary problem. The message is sent again automatically.") },
};

static const SendErrorInfo *
lookup (int code)
{
  for (guint i = 0; i < G_N_ELEMENTS (infos); i++)
    if (infos[i].code == code)
      return &infos[i];
  return NULL;
}

gboolean
pdw_send_error_is_known (int code)
{
  return lookup (code) != NULL;
}

gboolean
pdw_send_error_is_transient (int code)
{
  const SendErrorInfo *info = lookup (code);

  return info != NULL && info->transient;
}

PdwSendAction
pdw_send_error_get_action (int code)
{
  const SendErrorInfo *info = lookup (code);

  /* Permission errors (200-299) are the token's. */
  if (info == NULL && code >= 200 && code <= 299)
    return PDW_SEND_ACTION_OPEN_SETTINGS;
  return info != NULL ? info->action : PDW_SEND_ACTION_RETRY;
}

gboolean
pdw_send_error_is_about_message (int code)
{
  PdwSendAction action = pdw_send_error_get_action (code);

  return !pdw_send_error_is_transient (code) &&
         (action == PDW_SEND_ACTION_RETRY || action == PDW_SEND_ACTION_EDIT ||
          action == PDW_SEND_ACTION_SEND_TEMPLATE || code == PDW_SEND_ERROR_NO_RECIPIENT);
}

guint
pdw_send_error_get_min_wait (int code)
{
  const SendErrorInfo *info = lookup (code);

  return info != NULL ? info->min_wait : 0;
}

char *
pdw_send_error_dup_explanation (int code)
{
  const SendErrorInfo *info = lookup (code);

  if (info != NULL)
    return g_strdup (_(info->explanation));
  if (code >= 200 && code <= 299)
    /* Translators: %d is WhatsApp's error code */
    return g_strdup_printf (_("The access token lacks a permission WhatsApp needs (code %d). Check the WhatsApp connection in the settings."), code);
  /* Translators: %d is WhatsApp's error code */
  return g_strdup_printf (_("WhatsApp refused the message (code %d). Try again; if it keeps failing, tell the administrator."), code);
}
