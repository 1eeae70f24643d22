/* pdw-waha-client-webhook.c: WAHA's webhook events (research/whatsapp.md
 * §2.4) to PdwInboundMessage and PdwStatusUpdate.  The body goes through
 * the same defences as the Cloud API's (pdw-webhook-parser-private.h).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-waha-client-private.h"
#include "pdw-webhook-parser-private.h"

/* Shown in the chat, as the Cloud API's "Kontak:" and "Lokasi:" summaries
 * are: the citizen sent a file WAHA did not download (its configuration,
 * or a failure), so there is nothing to fetch. */
#define MEDIA_NOT_DOWNLOADED "[Media tidak diunduh oleh WAHA]"

/* A timestamp this large is in milliseconds (the envelope's are). */
#define MILLISECONDS_THRESHOLD G_GINT64_CONSTANT (100000000000)

static gboolean
get_boolean (JsonObject *object,
             const char *member,
             gboolean   *value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  *value = json_node_get_boolean (node);
  return TRUE;
}

/* The citizen's wa_id for a chat id: "<digits>@c.us" (or its
 * "@s.whatsapp.net" form) gives the digits, a hidden "@lid" id is kept
 * whole; NULL for groups, channels, status updates and broadcasts, which
 * are not a citizen writing to the office. */
static char *
dup_wa_id (const char *chat_id)
{
  const char *at;

  if (chat_id == NULL || chat_id[0] == '\0' ||
      g_str_has_suffix (chat_id, "@g.us") || g_str_has_suffix (chat_id, "@newsletter") ||
      g_str_has_suffix (chat_id, "@broadcast"))
    return NULL;

  at = strchr (chat_id, '@');
  if (at != NULL && (strcmp (at, "@c.us") == 0 || strcmp (at, "@s.whatsapp.net") == 0))
    return at > chat_id ? g_strndup (chat_id, at - chat_id) : NULL;
  return g_strdup (chat_id);
}

static const char *
type_for_mime_type (const char *mime_type)
{
  if (g_str_has_prefix (mime_type, "image/"))
    return "image";
  if (g_str_has_prefix (mime_type, "audio/"))
    return "audio";
  if (g_str_has_prefix (mime_type, "video/"))
    return "video";
  return "document";
}

/* WEBJS _data.notifyName, GOWS _data.Info.PushName, NOWEB _data.pushName. */
static const char *
get_profile_name (JsonObject *payload)
{
  JsonObject *data = _pdw_webhook_get_object (payload, "_data");
  const char *name = _pdw_webhook_get_string (data, "notifyName");

  if (name == NULL)
    name = _pdw_webhook_get_string (_pdw_webhook_get_object (data, "Info"), "PushName");
  if (name == NULL)
    name = _pdw_webhook_get_string (data, "pushName");
  return name;
}

static void
read_media (PdwInboundMessage *message,
            JsonObject        *payload)
{
  JsonObject *media = _pdw_webhook_get_object (payload, "media");
  JsonNode *error = media != NULL ? json_object_get_member (media, "error") : NULL;
  const char *url = _pdw_webhook_get_string (media, "url");
  const char *mime_type = _pdw_webhook_get_string (media, "mimetype");

  message->raw_json = _pdw_webhook_serialize_object (payload);

  /* "hasMedia: true, but media: null" when WAHA was told not to download
   * it; media.error when the download failed. */
  if (url == NULL || url[0] == '\0' || (error != NULL && !JSON_NODE_HOLDS_NULL (error)))
    {
      const char *reason = _pdw_webhook_get_string (media, "error");
      g_autofree char *caption = g_steal_pointer (&message->text);

      message->type = g_strdup ("unsupported");
      message->error_title = g_strdup (reason != NULL ? reason : "media not downloaded by WAHA");
      message->text = caption != NULL ? g_strconcat (MEDIA_NOT_DOWNLOADED "\n", caption, NULL)
                                      : g_strdup (MEDIA_NOT_DOWNLOADED);
      return;
    }

  message->media_mime_type = _pdw_webhook_dup_nonempty (mime_type);
  message->type = g_strdup (type_for_mime_type (mime_type != NULL ? mime_type : ""));
  message->media_id = g_strdup (url);
  message->media_filename = _pdw_webhook_dup_nonempty (_pdw_webhook_get_string (media, "filename"));
}

static PdwInboundMessage *
read_message (JsonObject *payload)
{
  g_autoptr(PdwInboundMessage) message = NULL;
  const char *id = _pdw_webhook_get_string (payload, "id");
  gboolean from_me = FALSE;
  gboolean has_media = FALSE;

  if (id == NULL || id[0] == '\0')
    {
      g_message ("WAHA message without an id skipped");
      return NULL;
    }
  /* "message.any" also carries what the office sent. */
  if (get_boolean (payload, "fromMe", &from_me) && from_me)
    return NULL;

  message = pdw_inbound_message_new ();
  if ((message->wa_id = dup_wa_id (_pdw_webhook_get_string (payload, "from"))) == NULL)
    {
      g_debug ("WAHA message not from a citizen's chat skipped");
      return NULL;
    }
  message->wamid = g_strdup (id);
  message->profile_name = _pdw_webhook_dup_nonempty (get_profile_name (payload));
  message->timestamp = _pdw_webhook_get_int (payload, "timestamp");
  if (message->timestamp > MILLISECONDS_THRESHOLD)
    message->timestamp /= 1000;
  message->text = _pdw_webhook_dup_nonempty (_pdw_webhook_get_string (payload, "body"));

  if (get_boolean (payload, "hasMedia", &has_media) && has_media)
    read_media (message, payload);
  else if (message->text != NULL)
    message->type = g_strdup ("text");
  else
    {
      /* A location, a poll, a reaction...: kept for a later version. */
      message->type = g_strdup ("unsupported");
      message->raw_json = _pdw_webhook_serialize_object (payload);
    }

  return g_steal_pointer (&message);
}

/* research §2.4: -1 ERROR, 0 PENDING, 1 SERVER, 2 DEVICE, 3 READ, 4 PLAYED. */
static gboolean
status_for_ack (JsonObject        *payload,
                PdwDeliveryStatus *status)
{
  static const struct
  {
    int                ack;
    const char        *name;
    PdwDeliveryStatus  status;
  } acks[] = {
    { -1, "ERROR", PDW_DELIVERY_FAILED },
    { 1, "SERVER", PDW_DELIVERY_SENT },
    { 2, "DEVICE", PDW_DELIVERY_DELIVERED },
    { 3, "READ", PDW_DELIVERY_READ },
    { 4, "PLAYED", PDW_DELIVERY_READ },
  };
  JsonNode *node = json_object_get_member (payload, "ack");
  const char *name = _pdw_webhook_get_string (payload, "ackName");
  gboolean has_number = node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
                        json_node_get_value_type (node) == G_TYPE_INT64;
  gint64 ack = has_number ? json_node_get_int (node) : 0;

  for (guint i = 0; i < G_N_ELEMENTS (acks); i++)
    if (has_number ? acks[i].ack == ack : g_strcmp0 (acks[i].name, name) == 0)
      {
        *status = acks[i].status;
        return TRUE;
      }
  return FALSE;
}

static PdwStatusUpdate *
read_ack (JsonObject *payload)
{
  g_autoptr(PdwStatusUpdate) update = NULL;
  const char *id = _pdw_webhook_get_string (payload, "id");
  gboolean from_me;
  PdwDeliveryStatus status;

  if (id == NULL || id[0] == '\0')
    {
      g_message ("WAHA ack without an id skipped");
      return NULL;
    }
  /* Only the office's own messages have a delivery state to record. */
  if (!get_boolean (payload, "fromMe", &from_me))
    from_me = g_str_has_prefix (id, "true_");
  if (!from_me || !status_for_ack (payload, &status))
    return NULL;

  update = pdw_status_update_new ();
  update->wamid = g_strdup (id);
  update->status = status;
  update->timestamp = _pdw_webhook_get_int (payload, "timestamp");
  if (update->timestamp > MILLISECONDS_THRESHOLD)
    update->timestamp /= 1000;
  return g_steal_pointer (&update);
}

gboolean
_pdw_waha_client_parse_webhook (GBytes             *body,
                                const char         *session_name,
                                GPtrArray         **messages,
                                GPtrArray         **statuses,
                                PdwGatewaySession  *session,
                                GError            **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) out_messages = NULL;
  g_autoptr(GPtrArray) out_statuses = NULL;
  JsonObject *root = NULL;
  JsonObject *payload;
  const char *event;

  g_return_val_if_fail (body != NULL, FALSE);

  if ((parser = _pdw_webhook_load_object (body, &root, error)) == NULL)
    return FALSE;
  if ((event = _pdw_webhook_get_string (root, "event")) == NULL)
    {
      g_set_error_literal (error, PDW_WEBHOOK_ERROR, PDW_WEBHOOK_ERROR_INVALID_JSON,
                           "WAHA webhook body has no event");
      return FALSE;
    }

  out_messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  out_statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_status_update_free);
  payload = _pdw_webhook_get_object (root, "payload");

  if (payload != NULL && (strcmp (event, "message") == 0 || strcmp (event, "message.any") == 0))
    {
      PdwInboundMessage *message = read_message (payload);

      if (message != NULL)
        g_ptr_array_add (out_messages, message);
    }
  else if (payload != NULL && strcmp (event, "message.ack") == 0)
    {
      PdwStatusUpdate *update = read_ack (payload);

      if (update != NULL)
        g_ptr_array_add (out_statuses, update);
    }
  else if (strcmp (event, "session.status") == 0 &&
           g_strcmp0 (_pdw_webhook_get_string (root, "session") ?: session_name, session_name) == 0)
    {
      *session = pdw_gateway_session_from_string (_pdw_webhook_get_string (payload, "status"));
    }

  _pdw_webhook_make_valid (out_messages, out_statuses);
  *messages = g_steal_pointer (&out_messages);
  *statuses = g_steal_pointer (&out_statuses);
  return TRUE;
}
