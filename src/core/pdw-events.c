/* pdw-events.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-events.h"

PdwInboundMessage *
pdw_inbound_message_new (void)
{
  return g_new0 (PdwInboundMessage, 1);
}

void
pdw_inbound_message_free (PdwInboundMessage *message)
{
  if (message == NULL)
    return;

  g_free (message->wamid);
  g_free (message->wa_id);
  g_free (message->user_id);
  g_free (message->profile_name);
  g_free (message->phone_number_id);
  g_free (message->type);
  g_free (message->text);
  g_free (message->media_id);
  g_free (message->media_mime_type);
  g_free (message->media_sha256);
  g_free (message->media_filename);
  g_free (message->context_wamid);
  g_free (message->error_title);
  g_free (message->raw_json);
  g_free (message);
}

PdwStatusUpdate *
pdw_status_update_new (void)
{
  return g_new0 (PdwStatusUpdate, 1);
}

void
pdw_status_update_free (PdwStatusUpdate *update)
{
  if (update == NULL)
    return;

  g_free (update->wamid);
  g_free (update->recipient_id);
  g_free (update->error_title);
  g_free (update->error_details);
  g_free (update);
}
