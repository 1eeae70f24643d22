/* pdw-fake-graph.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-fake-graph.h"

#define STALL G_MAXUINT

void
pdw_fake_answer_free (PdwFakeAnswer *answer)
{
  g_free (answer->retry_after);
  g_free (answer->body);
  g_free (answer);
}

/* Meta echoes the recipient and adds message_status to template sends
 * only; the gateway reads just the wamid. */
static char *
dup_accepted_response (JsonObject *request,
                       guint       n_accepted)
{
  const char *to = json_object_get_string_member_with_default (request, "to", "");
  const char *type = json_object_get_string_member_with_default (request, "type", "");

  return g_strdup_printf ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"%s\","
                          "\"wa_id\":\"%s\"}],\"messages\":[{\"id\":\"wamid.TEST_OUT_%u\"%s}]}",
                          to, to[0] == '+' ? to + 1 : to, n_accepted,
                          g_str_equal (type, "template") ? ",\"message_status\":\"accepted\"" : "");
}

static void
fake_media_free (PdwFakeMedia *media)
{
  g_bytes_unref (media->bytes);
  g_free (media->mime_type);
  g_free (media->url_token);
  g_free (media);
}

static void
reply (SoupServerMessage *msg,
       guint              status,
       const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static gboolean
check_token (SoupServerMessage *msg)
{
  const char *authorization =
    soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");

  if (g_strcmp0 (authorization, "Bearer test-access-token") == 0)
    return TRUE;

  reply (msg, 401, "{\"error\":{\"message\":\"Invalid OAuth access token\",\"type\":\"OAuthException\",\"code\":190}}");
  return FALSE;
}

static void
lookup_media (PdwFakeGraph      *graph,
              SoupServerMessage *msg,
              const char        *media_id)
{
  PdwFakeMedia *media = g_hash_table_lookup (graph->media, media_id);
  g_autofree char *json = NULL;
  g_autofree char *sha256 = NULL;

  if (!check_token (msg))
    return;

  if (media == NULL)
    {
      reply (msg, 400, "{\"error\":{\"message\":\"(#100) Invalid parameter\",\"type\":\"OAuthException\",\"code\":100}}");
      return;
    }

  if (media->fail_lookups > 0)
    {
      media->fail_lookups--;
      soup_server_message_set_status (msg, 500, NULL);
      return;
    }

  graph->n_lookups++;
  g_free (media->url_token);
  media->url_token = g_strdup_printf ("%08x", g_random_int ());
  sha256 = pdw_fake_graph_dup_sha256 (media->bytes);
  json = g_strdup_printf ("{\"messaging_product\":\"whatsapp\",\"url\":\"%s/files/%s?t=%s\","
                          "\"mime_type\":\"%s\",\"sha256\":\"%s\",\"file_size\":%" G_GSIZE_FORMAT ","
                          "\"id\":\"%s\"}",
                          graph->url, media_id, media->url_token, media->mime_type, sha256,
                          g_bytes_get_size (media->bytes), media_id);
  reply (msg, 200, json);
}

static void
download_media (PdwFakeGraph      *graph,
                SoupServerMessage *msg,
                const char        *media_id,
                GHashTable        *query)
{
  PdwFakeMedia *media = g_hash_table_lookup (graph->media, media_id);
  const char *token = query != NULL ? g_hash_table_lookup (query, "t") : NULL;
  gsize size;
  const guint8 *data;
  guint8 *copy;

  if (!check_token (msg))
    return;

  /* A URL from an earlier lookup is stale, as Meta's are after 5 minutes. */
  if (media == NULL || media->url_token == NULL || g_strcmp0 (token, media->url_token) != 0)
    {
      graph->n_stale++;
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  g_clear_pointer (&media->url_token, g_free);

  if (media->fail_downloads > 0)
    {
      media->fail_downloads--;
      soup_server_message_set_status (msg, 500, NULL);
      return;
    }

  graph->n_downloads++;
  data = g_bytes_get_data (media->bytes, &size);
  copy = g_memdup2 (data, size);
  if (media->corrupt && size > 0)
    copy[size / 2] ^= 0x55;
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, media->mime_type, SOUP_MEMORY_TAKE, (char *) copy, size);
}

static void
fake_upload_free (PdwFakeUpload *upload)
{
  g_free (upload->mime_type);
  g_free (upload->filename);
  g_free (upload->file_mime_type);
  g_clear_pointer (&upload->bytes, g_bytes_unref);
  g_free (upload->messaging_product);
  g_free (upload->authorization);
  g_free (upload);
}

static void
upload_media (PdwFakeGraph      *graph,
              SoupServerMessage *msg)
{
  g_autoptr(SoupMultipart) multipart = NULL;
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  PdwFakeUpload *upload = g_new0 (PdwFakeUpload, 1);
  g_autofree char *json = NULL;

  upload->authorization =
    g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization"));
  g_ptr_array_add (graph->uploads, upload);
  if (!check_token (msg))
    return;

  multipart = soup_multipart_new_from_message (soup_server_message_get_request_headers (msg), body);
  g_assert_nonnull (multipart);
  for (int i = 0; i < soup_multipart_get_length (multipart); i++)
    {
      SoupMessageHeaders *headers = NULL;
      GBytes *part = NULL;
      g_autoptr(GHashTable) params = NULL;
      const char *name;

      g_assert_true (soup_multipart_get_part (multipart, i, &headers, &part));
      g_assert_true (soup_message_headers_get_content_disposition (headers, NULL, &params));
      name = g_hash_table_lookup (params, "name");
      if (g_strcmp0 (name, "file") == 0)
        {
          upload->filename = g_strdup (g_hash_table_lookup (params, "filename"));
          upload->file_mime_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
          upload->bytes = g_bytes_ref (part);
        }
      else if (g_strcmp0 (name, "type") == 0)
        upload->mime_type = g_strndup (g_bytes_get_data (part, NULL), g_bytes_get_size (part));
      else if (g_strcmp0 (name, "messaging_product") == 0)
        upload->messaging_product = g_strndup (g_bytes_get_data (part, NULL), g_bytes_get_size (part));
    }

  json = g_strdup_printf ("{\"id\":\"7000000000000%02u\"}", graph->uploads->len);
  reply (msg, 200, json);
}

/* GET /{version}/{phone-number-id}: the number's fields, with the right
 * token; Graph's 401 with error 190 with a wrong one. */
static void
probe_number (PdwFakeGraph      *graph,
              SoupServerMessage *msg)
{
  g_autofree char *json = NULL;

  graph->n_probes++;
  if (!check_token (msg))
    return;
  json = g_strdup_printf ("{\"verified_name\":\"Disdukcapil Kota Pekanbaru\","
                          "\"display_phone_number\":\"+62 761 000000\",\"id\":\"%s\"}",
                          graph->number_path + strlen ("/v21.0/"));
  reply (msg, 200, json);
}

static void
messages_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  PdwFakeGraph *graph = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwFakeAnswer) answer = NULL;
  g_autofree char *response = NULL;
  guint status = 200;
  JsonNode *node;

  if (g_str_equal (path, graph->number_path) && soup_server_message_get_method (msg) == SOUP_METHOD_GET)
    {
      probe_number (graph, msg);
      return;
    }
  if (g_str_equal (path, graph->media_path))
    {
      upload_media (graph, msg);
      return;
    }
  if (g_str_has_prefix (path, "/files/"))
    {
      download_media (graph, msg, path + strlen ("/files/"), query);
      return;
    }
  if (g_str_has_prefix (path, "/v21.0/") && strchr (path + strlen ("/v21.0/"), '/') == NULL)
    {
      lookup_media (graph, msg, path + strlen ("/v21.0/"));
      return;
    }

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  answer = g_queue_pop_head (&graph->errors);
  g_assert_cmpstr (path, ==, graph->path);
  g_assert_true (soup_server_message_get_method (msg) == SOUP_METHOD_POST);
  node = json_from_string (g_bytes_get_data (body, NULL), &error);
  g_assert_no_error (error);
  g_ptr_array_add (graph->requests, node);
  g_ptr_array_add (graph->authorizations,
                   g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                           "Authorization")));

  if (answer != NULL && answer->status == STALL)
    {
      /* Read, then left unanswered until the server goes away: a Graph
       * API that hangs. */
      status = PDW_FAKE_GRAPH_STALLED;
      g_array_append_val (graph->answers, status);
      soup_server_message_pause (msg);
      return;
    }

  if (answer != NULL && answer->status == 0)
    {
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

      status = 0;
      g_array_append_val (graph->answers, status);
      g_io_stream_close (stream, NULL, NULL);
      return;
    }

  if (answer == NULL)
    {
      graph->n_accepted++;
      response = dup_accepted_response (json_node_get_object (node), graph->n_accepted);
    }
  else
    {
      status = answer->status;
      response = g_strdup (answer->body != NULL ? answer->body : "");
      if (answer->retry_after != NULL)
        soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                      "Retry-After", answer->retry_after);
    }

  g_array_append_val (graph->answers, status);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, response, strlen (response));
}

SoupServer *
pdw_fake_server_new (SoupServerCallback   callback,
                     gpointer             user_data,
                     char               **url)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  soup_server_add_handler (server, NULL, callback, user_data, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  return server;
}

PdwFakeGraph *
pdw_fake_graph_new (const char *phone_number_id)
{
  PdwFakeGraph *graph = g_new0 (PdwFakeGraph, 1);

  graph->path = g_strdup_printf ("/v21.0/%s/messages", phone_number_id);
  g_queue_init (&graph->errors);
  graph->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  graph->authorizations = g_ptr_array_new_with_free_func (g_free);
  graph->media_path = g_strdup_printf ("/v21.0/%s/media", phone_number_id);
  graph->number_path = g_strdup_printf ("/v21.0/%s", phone_number_id);
  graph->media = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) fake_media_free);
  graph->uploads = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_upload_free);
  graph->answers = g_array_new (FALSE, FALSE, sizeof (guint));

  graph->server = pdw_fake_server_new (messages_cb, graph, &graph->url);

  return graph;
}

void
pdw_fake_graph_free (PdwFakeGraph *graph)
{
  soup_server_disconnect (graph->server);
  g_clear_object (&graph->server);
  g_queue_clear_full (&graph->errors, (GDestroyNotify) pdw_fake_answer_free);
  g_ptr_array_unref (graph->requests);
  g_array_unref (graph->answers);
  g_ptr_array_unref (graph->authorizations);
  g_hash_table_unref (graph->media);
  g_ptr_array_unref (graph->uploads);
  g_free (graph->media_path);
  g_free (graph->number_path);
  g_free (graph->path);
  g_free (graph->url);
  g_free (graph);
}

void
pdw_fake_answers_push (GQueue     *answers,
                       guint       status,
                       const char *retry_after,
                       const char *json)
{
  PdwFakeAnswer *answer = g_new0 (PdwFakeAnswer, 1);

  answer->status = status;
  answer->retry_after = g_strdup (retry_after);
  answer->body = g_strdup (json);
  g_queue_push_tail (answers, answer);
}

void
pdw_fake_graph_push_response (PdwFakeGraph *graph,
                              guint         status,
                              const char   *retry_after,
                              const char   *json)
{
  pdw_fake_answers_push (&graph->errors, status, retry_after, json);
}

void
pdw_fake_graph_push_error (PdwFakeGraph *graph,
                           const char   *json)
{
  pdw_fake_graph_push_response (graph, 400, NULL, json);
}

void
pdw_fake_graph_push_drop (PdwFakeGraph *graph)
{
  g_queue_push_tail (&graph->errors, g_new0 (PdwFakeAnswer, 1));
}

void
pdw_fake_graph_push_stall (PdwFakeGraph *graph)
{
  PdwFakeAnswer *answer = g_new0 (PdwFakeAnswer, 1);

  answer->status = STALL;
  g_queue_push_tail (&graph->errors, answer);
}

GPtrArray *
pdw_fake_graph_dup_accepted_texts (PdwFakeGraph *graph)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < graph->requests->len; i++)
    {
      JsonObject *request = json_node_get_object (g_ptr_array_index (graph->requests, i));

      if (g_array_index (graph->answers, guint, i) != 200)
        continue;
      if (json_object_has_member (request, "text"))
        g_ptr_array_add (texts, g_strdup (json_object_get_string_member (json_object_get_object_member (request, "text"),
                                                                         "body")));
      else if (json_object_has_member (request, "template"))
        g_ptr_array_add (texts, g_strdup (json_object_get_string_member (json_object_get_object_member (request, "template"),
                                                                         "name")));
    }
  return texts;
}

JsonObject *
pdw_fake_graph_get_request (PdwFakeGraph *graph,
                            guint         index)
{
  g_assert_cmpuint (index, <, graph->requests->len);
  return json_node_get_object (g_ptr_array_index (graph->requests, index));
}

PdwFakeMedia *
pdw_fake_graph_add_media (PdwFakeGraph *graph,
                          const char   *media_id,
                          GBytes       *bytes,
                          const char   *mime_type)
{
  PdwFakeMedia *media = g_new0 (PdwFakeMedia, 1);

  media->bytes = g_bytes_ref (bytes);
  media->mime_type = g_strdup (mime_type);
  g_hash_table_replace (graph->media, g_strdup (media_id), media);
  return media;
}

char *
pdw_fake_graph_dup_sha256 (GBytes *bytes)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;

  g_checksum_update (checksum, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_checksum_get_digest (checksum, digest, &len);
  return g_base64_encode (digest, len);
}
