/* pdw-simulator-graph.c: the simulator's answers to PANDAWA's Graph API
 * calls, checked as Meta checks them, with Meta's error codes.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "core/pdw-approved-template.h"
#include "gateway/pdw-signature.h"
#include "pdw-simulator-private.h"

void
_pdw_simulator_send_clear (PdwSimulatorSend *send)
{
  g_clear_pointer (&send->to, g_free);
  g_clear_pointer (&send->text, g_free);
  g_clear_pointer (&send->template_name, g_free);
}

void
_pdw_simulator_reply_json (SoupServerMessage *msg,
                           guint              status,
                           const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

void
_pdw_simulator_reply_graph_error (SoupServerMessage *msg,
                                  guint              status,
                                  int                code,
                                  const char        *message,
                                  const char        *type)
{
  g_autofree char *json = NULL;
  g_autofree char *escaped = g_strescape (message, NULL);

  json = g_strdup_printf ("{\"error\":{\"message\":\"%s\",\"type\":\"%s\",\"code\":%d,"
                          "\"fbtrace_id\":\"SIMULATOR\"}}", escaped, type, code);
  _pdw_simulator_reply_json (msg, status, json);
}

static JsonObject *
get_object_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

char *
_pdw_simulator_template_key (const char *name,
                             const char *language)
{
  return g_strconcat (name, "/", language, NULL);
}

/* Reads the positional body parameters of S4; FALSE when one is not a
 * non-empty text, which Meta refuses. */
static gboolean
read_template_params (JsonObject *template,
                      GPtrArray  *params)
{
  JsonNode *components = json_object_get_member (template, "components");

  if (components == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (components))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (components)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (components), i);
      JsonObject *component = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *parameters;

      if (component == NULL ||
          g_strcmp0 (json_object_get_string_member_with_default (component, "type", NULL), "body") != 0)
        continue;

      parameters = json_object_get_member (component, "parameters");
      if (parameters == NULL || !JSON_NODE_HOLDS_ARRAY (parameters))
        return FALSE;

      for (guint j = 0; j < json_array_get_length (json_node_get_array (parameters)); j++)
        {
          JsonNode *pnode = json_array_get_element (json_node_get_array (parameters), j);
          JsonObject *param = JSON_NODE_HOLDS_OBJECT (pnode) ? json_node_get_object (pnode) : NULL;
          const char *text = param != NULL ? json_object_get_string_member_with_default (param, "text", NULL) : NULL;

          if (text == NULL || text[0] == '\0' ||
              g_strcmp0 (json_object_get_string_member_with_default (param, "type", NULL), "text") != 0)
            return FALSE;
          g_ptr_array_add (params, g_strdup (text));
        }
    }

  return TRUE;
}

static guint
count_placeholders (const char *body)
{
  guint n = 0;

  for (guint i = 1; i < 100; i++)
    {
      g_autofree char *placeholder = g_strdup_printf ("{{%u}}", i);

      if (strstr (body, placeholder) == NULL)
        break;
      n = i;
    }

  return n;
}

/* Like Meta: the template must be approved in that language and get as
 * many parameters as its body has placeholders.  Returns the text the
 * citizen reads, or NULL after answering @msg with the Graph error. */
static char *
accept_template (GHashTable        *templates,
                 SoupServerMessage *msg,
                 JsonObject        *root)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *key = NULL;
  JsonObject *template = get_object_member (root, "template");
  JsonObject *language = get_object_member (template, "language");
  const char *name = template != NULL ? json_object_get_string_member_with_default (template, "name", NULL) : NULL;
  const char *code = language != NULL ? json_object_get_string_member_with_default (language, "code", NULL) : NULL;
  const char *body;

  if (name == NULL || code == NULL)
    {
      _pdw_simulator_reply_graph_error (msg, SOUP_STATUS_BAD_REQUEST, 131008,
                                        "(#131008) Required parameter is missing", "OAuthException");
      return NULL;
    }

  if (!read_template_params (template, params))
    {
      _pdw_simulator_reply_graph_error (msg, SOUP_STATUS_BAD_REQUEST, 131009,
                                        "(#131009) Parameter value is not valid", "OAuthException");
      return NULL;
    }

  key = _pdw_simulator_template_key (name, code);
  body = g_hash_table_lookup (templates, key);
  if (body == NULL)
    {
      _pdw_simulator_reply_graph_error (msg, SOUP_STATUS_NOT_FOUND, 132001,
                                        "(#132001) Template name does not exist in the translation",
                                        "OAuthException");
      return NULL;
    }

  if (params->len != count_placeholders (body))
    {
      _pdw_simulator_reply_graph_error (msg, SOUP_STATUS_BAD_REQUEST, 132000,
                                        "(#132000) Number of parameters does not match the expected number of params",
                                        "OAuthException");
      return NULL;
    }

  g_ptr_array_add (params, NULL);
  return pdw_approved_template_render_body (body, (const char * const *) params->pdata);
}

gboolean
_pdw_simulator_read_send (SoupServerMessage *msg,
                          const char        *access_token,
                          GHashTable        *templates,
                          PdwSimulatorSend  *send)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GBytes) body = NULL;
  g_autofree char *template_text = NULL;
  g_autofree char *expected = g_strconcat ("Bearer ", access_token, NULL);
  const char *authorization;
  const char *to;
  const char *type;
  const char *text = NULL;
  JsonObject *root;
  gsize size;
  gconstpointer data;

  authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  if (!pdw_secure_str_equal (authorization, expected))
    {
      _pdw_simulator_reply_graph_error (msg, SOUP_STATUS_UNAUTHORIZED, 190,
                                        "Invalid OAuth access token - Cannot parse access token", "OAuthException");
      return FALSE;
    }

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  data = g_bytes_get_data (body, &size);
  if (data == NULL || size == 0 ||
      !json_parser_load_from_data (parser, data, (gssize) size, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      _pdw_simulator_reply_graph_error (msg, SOUP_STATUS_BAD_REQUEST, 100,
                                        "(#100) Invalid JSON body", "OAuthException");
      return FALSE;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  to = json_object_get_string_member_with_default (root, "to", NULL);
  type = json_object_get_string_member_with_default (root, "type", "text");

  if (g_strcmp0 (json_object_get_string_member_with_default (root, "messaging_product", NULL), "whatsapp") != 0 ||
      to == NULL)
    {
      _pdw_simulator_reply_graph_error (msg, SOUP_STATUS_BAD_REQUEST, 131008,
                                        "(#131008) Required parameter is missing", "OAuthException");
      return FALSE;
    }

  if (g_strcmp0 (type, "template") == 0)
    {
      if ((template_text = accept_template (templates, msg, root)) == NULL)
        return FALSE;
      text = template_text;
    }
  else if (g_strcmp0 (type, "text") == 0)
    {
      JsonObject *text_object = get_object_member (root, "text");

      if (text_object != NULL)
        text = json_object_get_string_member_with_default (text_object, "body", NULL);
    }
  else if (g_strcmp0 (type, "image") == 0 || g_strcmp0 (type, "document") == 0)
    {
      /* An officer's attachment: the citizen reads its caption, if any. */
      JsonObject *media = get_object_member (root, type);

      if (media != NULL && json_object_get_string_member_with_default (media, "id", NULL) != NULL)
        text = json_object_get_string_member_with_default (media, "caption", "");
    }

  if (text == NULL)
    {
      _pdw_simulator_reply_graph_error (msg, SOUP_STATUS_BAD_REQUEST, 131008,
                                        "(#131008) Required parameter is missing", "OAuthException");
      return FALSE;
    }

  send->to = g_strdup (to);
  send->text = g_strdup (text);
  if (template_text != NULL)
    send->template_name = g_strdup (json_object_get_string_member (json_object_get_object_member (root, "template"),
                                                                   "name"));
  return TRUE;
}
