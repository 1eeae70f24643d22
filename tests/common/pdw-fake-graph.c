/* pdw-fake-graph.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-fake-graph.h"

typedef struct
{
  guint  status;      /* 0: drop the connection */
  char  *retry_after;
  char  *body;
} Answer;

static void
answer_free (Answer *answer)
{
  g_free (answer->retry_after);
  g_free (answer->body);
  g_free (answer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Answer, answer_free)

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
messages_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  PdwFakeGraph *graph = user_data;
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(GError) error = NULL;
  g_autoptr(Answer) answer = g_queue_pop_head (&graph->errors);
  g_autofree char *response = NULL;
  guint status = 200;
  JsonNode *node;

  g_assert_cmpstr (path, ==, graph->path);
  g_assert_true (soup_server_message_get_method (msg) == SOUP_METHOD_POST);
  node = json_from_string (g_bytes_get_data (body, NULL), &error);
  g_assert_no_error (error);
  g_ptr_array_add (graph->requests, node);
  g_ptr_array_add (graph->authorizations,
                   g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                           "Authorization")));

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

PdwFakeGraph *
pdw_fake_graph_new (const char *phone_number_id)
{
  PdwFakeGraph *graph = g_new0 (PdwFakeGraph, 1);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  graph->path = g_strdup_printf ("/v21.0/%s/messages", phone_number_id);
  g_queue_init (&graph->errors);
  graph->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  graph->authorizations = g_ptr_array_new_with_free_func (g_free);
  graph->answers = g_array_new (FALSE, FALSE, sizeof (guint));

  graph->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (graph->server, NULL, messages_cb, graph, NULL);
  soup_server_listen_local (graph->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (graph->server);
  graph->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));

  return graph;
}

void
pdw_fake_graph_free (PdwFakeGraph *graph)
{
  soup_server_disconnect (graph->server);
  g_clear_object (&graph->server);
  g_queue_clear_full (&graph->errors, (GDestroyNotify) answer_free);
  g_ptr_array_unref (graph->requests);
  g_array_unref (graph->answers);
  g_ptr_array_unref (graph->authorizations);
  g_free (graph->path);
  g_free (graph->url);
  g_free (graph);
}

void
pdw_fake_graph_push_response (PdwFakeGraph *graph,
                              guint         status,
                              const char   *retry_after,
                              const char   *json)
{
  Answer *answer = g_new0 (Answer, 1);

  answer->status = status;
  answer->retry_after = g_strdup (retry_after);
  answer->body = g_strdup (json);
  g_queue_push_tail (&graph->errors, answer);
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
  g_queue_push_tail (&graph->errors, g_new0 (Answer, 1));
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
