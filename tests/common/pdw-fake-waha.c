/* pdw-fake-waha.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-fake-graph.h"
#include "pdw-fake-waha.h"

typedef struct
{
  GBytes *bytes;
  char   *mime_type;
} PdwFakeWahaFile;

static void
file_free (PdwFakeWahaFile *file)
{
  g_bytes_unref (file->bytes);
  g_free (file->mime_type);
  g_free (file);
}

static void
request_free (PdwFakeWahaRequest *request)
{
  g_free (request->method);
  g_free (request->path);
  g_free (request->api_key);
  g_clear_pointer (&request->body, json_node_unref);
  g_free (request);
}

static void
reply (SoupServerMessage  *msg,
       PdwFakeWahaRequest *request,
       guint               status,
       const char         *json)
{
  request->status = status;
  soup_server_message_set_status (msg, status, NULL);
  if (json != NULL)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

/* WEBJS answers the whatsapp-web.js message, its id an object. */
static char *
dup_accepted (PdwFakeWaha *waha,
              JsonObject  *body)
{
  const char *chat_id = json_object_get_string_member_with_default (body, "chatId", "");
  char *id = g_strdup_printf ("true_%s_OUT%u", chat_id, ++waha->n_accepted);

  g_ptr_array_add (waha->sent_ids, id);

  return g_strdup_printf ("{\"id\":{\"fromMe\":true,\"remote\":\"%s\",\"id\":\"OUT%u\",\"_serialized\":\"%s\"},"
                          "\"ack\":0,\"hasMedia\":false,\"body\":\"\",\"type\":\"chat\",\"timestamp\":%" G_GINT64_FORMAT ","
                          "\"from\":\"628000000000@c.us\",\"to\":\"%s\",\"fromMe\":true}",
                          chat_id, waha->n_accepted, id, g_get_real_time () / G_USEC_PER_SEC, chat_id);
}

static void
handle_send (PdwFakeWaha        *waha,
             SoupServerMessage  *msg,
             PdwFakeWahaRequest *request)
{
  g_autoptr(PdwFakeAnswer) answer = g_queue_pop_head (&waha->answers);
  g_autofree char *accepted = NULL;
  JsonObject *body;

  g_assert_true (soup_server_message_get_method (msg) == SOUP_METHOD_POST);
  g_assert_nonnull (request->body);
  body = json_node_get_object (request->body);

  if (answer != NULL && answer->status == G_MAXUINT)
    {
      /* Read, then left unanswered until the server goes away. */
      request->status = 0;
      soup_server_message_pause (msg);
      return;
    }
  if (answer != NULL)
    {
      if (answer->retry_after != NULL)
        soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                      "Retry-After", answer->retry_after);
      reply (msg, request, answer->status, answer->body);
      return;
    }
  if (g_strcmp0 (json_object_get_string_member_with_default (body, "session", NULL), waha->session_name) != 0)
    {
      reply (msg, request, 404, "{\"statusCode\":404,\"message\":\"Session not found\",\"error\":\"Not Found\"}");
      return;
    }

  accepted = dup_accepted (waha, body);
  reply (msg, request, 201, accepted);
}

static void
handle_session (PdwFakeWaha        *waha,
                SoupServerMessage  *msg,
                PdwFakeWahaRequest *request,
                const char         *name)
{
  g_autofree char *json = NULL;

  if (g_strcmp0 (name, waha->session_name) != 0)
    {
      reply (msg, request, 404, "{\"statusCode\":404,\"message\":\"Session not found\",\"error\":\"Not Found\"}");
      return;
    }
  json = g_strdup_printf ("{\"name\":\"%s\",\"status\":\"%s\",\"config\":{},\"engine\":{\"engine\":\"GOWS\"}}",
                          name, waha->session_status);
  reply (msg, request, 200, json);
}

static void
handle_file (PdwFakeWaha        *waha,
             SoupServerMessage  *msg,
             PdwFakeWahaRequest *request,
             const char         *name)
{
  PdwFakeWahaFile *file = g_hash_table_lookup (waha->files, name);

  if (file == NULL)
    {
      reply (msg, request, 404, "{\"statusCode\":404,\"message\":\"Not Found\"}");
      return;
    }
  request->status = 200;
  soup_server_message_set_status (msg, 200, NULL);
  if (file->mime_type != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Content-Type", file->mime_type);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), file->bytes);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  PdwFakeWaha *waha = user_data;
  PdwFakeWahaRequest *request = g_new0 (PdwFakeWahaRequest, 1);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));

  request->method = g_strdup (soup_server_message_get_method (msg));
  request->path = g_strdup (path);
  request->api_key = g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                             "X-Api-Key"));
  if (g_bytes_get_size (body) > 0)
    request->body = json_from_string (g_bytes_get_data (body, NULL), NULL);
  g_ptr_array_add (waha->requests, request);

  if (waha->api_key != NULL && g_strcmp0 (request->api_key, waha->api_key) != 0)
    reply (msg, request, 401, "{\"message\":\"Unauthorized\",\"statusCode\":401}");
  else if (g_str_equal (path, "/api/sendText") || g_str_equal (path, "/api/sendImage") ||
           g_str_equal (path, "/api/sendFile"))
    handle_send (waha, msg, request);
  else if (g_str_has_prefix (path, "/api/sessions/"))
    handle_session (waha, msg, request, path + strlen ("/api/sessions/"));
  else if (g_str_has_prefix (path, "/api/files/"))
    handle_file (waha, msg, request, path + strlen ("/api/files/"));
  else
    reply (msg, request, 404, "{\"statusCode\":404,\"message\":\"Cannot find route\"}");
}

PdwFakeWaha *
pdw_fake_waha_new (const char *api_key)
{
  PdwFakeWaha *waha = g_new0 (PdwFakeWaha, 1);

  waha->api_key = g_strdup (api_key);
  waha->session_name = g_strdup ("default");
  waha->session_status = g_strdup ("WORKING");
  g_queue_init (&waha->answers);
  waha->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) request_free);
  waha->sent_ids = g_ptr_array_new_with_free_func (g_free);
  waha->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) file_free);

  waha->server = pdw_fake_server_new (server_cb, waha, &waha->url);

  return waha;
}

void
pdw_fake_waha_free (PdwFakeWaha *waha)
{
  soup_server_disconnect (waha->server);
  g_clear_object (&waha->server);
  g_queue_clear_full (&waha->answers, (GDestroyNotify) pdw_fake_answer_free);
  g_ptr_array_unref (waha->requests);
  g_ptr_array_unref (waha->sent_ids);
  g_hash_table_unref (waha->files);
  g_free (waha->api_key);
  g_free (waha->session_name);
  g_free (waha->session_status);
  g_free (waha->url);
  g_free (waha);
}

void
pdw_fake_waha_push_response (PdwFakeWaha *waha,
                             guint        status,
                             const char  *retry_after,
                             const char  *json)
{
  pdw_fake_answers_push (&waha->answers, status, retry_after, json);
}

void
pdw_fake_waha_add_file (PdwFakeWaha *waha,
                        const char  *name,
                        GBytes      *bytes,
                        const char  *mime_type)
{
  PdwFakeWahaFile *file = g_new0 (PdwFakeWahaFile, 1);

  file->bytes = g_bytes_ref (bytes);
  file->mime_type = g_strdup (mime_type);
  g_hash_table_replace (waha->files, g_strdup (name), file);
}

guint
pdw_fake_waha_count (PdwFakeWaha *waha,
                     const char  *path)
{
  guint n = 0;

  for (guint i = 0; i < waha->requests->len; i++)
    if (g_str_equal (((PdwFakeWahaRequest *) g_ptr_array_index (waha->requests, i))->path, path))
      n++;
  return n;
}

PdwFakeWahaRequest *
pdw_fake_waha_get_request (PdwFakeWaha *waha,
                           guint        index)
{
  g_assert_cmpuint (index, <, waha->requests->len);
  return g_ptr_array_index (waha->requests, index);
}

const char *
pdw_fake_waha_get_sent_id (PdwFakeWaha *waha,
                           guint        n)
{
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <=, waha->sent_ids->len);
  return g_ptr_array_index (waha->sent_ids, n - 1);
}

static GBytes *
take_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  char *json = json_to_string (root, FALSE);

  return g_bytes_new_take (json, strlen (json));
}

/* The envelope up to "payload", which the caller fills. */
static JsonBuilder *
begin_event (const char *event)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "evt_01kb5tc3h8k1wk2jve55wv8x34");
  json_builder_set_member_name (builder, "timestamp");
  json_builder_add_int_value (builder, g_get_real_time () / 1000);
  json_builder_set_member_name (builder, "event");
  json_builder_add_string_value (builder, event);
  json_builder_set_member_name (builder, "session");
  json_builder_add_string_value (builder, "default");
  json_builder_set_member_name (builder, "engine");
  json_builder_add_string_value (builder, "GOWS");
  json_builder_set_member_name (builder, "payload");
  json_builder_begin_object (builder);
  return builder;
}

static GBytes *
end_event (JsonBuilder *builder)
{
  g_autoptr(JsonBuilder) owned = builder;

  json_builder_end_object (owned);
  json_builder_end_object (owned);
  return take_json (owned);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static JsonBuilder *
begin_message (const char *from,
               const char *id,
               gint64      timestamp,
               const char *body)
{
  JsonBuilder *builder = begin_event ("message");

  add_string (builder, "id", id);
  json_builder_set_member_name (builder, "timestamp");
  json_builder_add_int_value (builder, timestamp);
  add_string (builder, "from", from);
  json_builder_set_member_name (builder, "fromMe");
  json_builder_add_boolean_value (builder, FALSE);
  add_string (builder, "source", "app");
  add_string (builder, "body", body);
  return builder;
}

GBytes *
pdw_fake_waha_message_webhook (const char *from,
                               const char *id,
                               gint64      timestamp,
                               const char *body,
                               const char *notify_name)
{
  JsonBuilder *builder = begin_message (from, id, timestamp, body);

  json_builder_set_member_name (builder, "hasMedia");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "_data");
  json_builder_begin_object (builder);
  add_string (builder, "notifyName", notify_name);
  json_builder_end_object (builder);
  return end_event (builder);
}

GBytes *
pdw_fake_waha_media_webhook (const char *from,
                             const char *id,
                             gint64      timestamp,
                             const char *caption,
                             const char *media_url,
                             const char *mime_type,
                             const char *filename)
{
  JsonBuilder *builder = begin_message (from, id, timestamp, caption);

  json_builder_set_member_name (builder, "hasMedia");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "media");
  if (media_url == NULL || media_url[0] == '\0')
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      add_string (builder, "url", media_url);
      add_string (builder, "mimetype", mime_type);
      add_string (builder, "filename", filename);
      add_string (builder, "error", NULL);
      json_builder_end_object (builder);
    }
  return end_event (builder);
}

GBytes *
pdw_fake_waha_ack_webhook (const char *id,
                           int         ack)
{
  static const char * const names[] = { "ERROR", "PENDING", "SERVER", "DEVICE", "READ", "PLAYED" };
  JsonBuilder *builder = begin_event ("message.ack");

  add_string (builder, "id", id);
  add_string (builder, "from", "628000000000@c.us");
  add_string (builder, "participant", NULL);
  json_builder_set_member_name (builder, "fromMe");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "ack");
  json_builder_add_int_value (builder, ack);
  add_string (builder, "ackName", ack >= -1 && ack <= 4 ? names[ack + 1] : "UNKNOWN");
  return end_event (builder);
}

GBytes *
pdw_fake_waha_session_webhook (const char *status)
{
  JsonBuilder *builder = begin_event ("session.status");

  add_string (builder, "name", "default");
  add_string (builder, "status", status);
  return end_event (builder);
}
