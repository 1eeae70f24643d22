/* pdw-simulator-graph.c: the simulator playing Meta's Cloud API: its
 * signed webhooks (research/whatsapp.md §1), and its answers to PANDAWA's
 * Graph API calls, checked as Meta checks them, with Meta's error codes.
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

#define WABA_ID               "100000000000000"
#define DISPLAY_PHONE_NUMBER  "628000000000"

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

/* ---- Webhooks -------------------------------------------------------- */

/* The Cloud API's webhook around what @fill_value adds to "value". */
static char *
envelope (PdwSimulator *self,
          void        (*fill_value) (JsonBuilder *builder, gconstpointer data),
          gconstpointer data)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "object");
  json_builder_add_string_value (b, "whatsapp_business_account");
  json_builder_set_member_name (b, "entry");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, WABA_ID);
  json_builder_set_member_name (b, "changes");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "value");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "messaging_product");
  json_builder_add_string_value (b, "whatsapp");
  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "display_phone_number");
  json_builder_add_string_value (b, DISPLAY_PHONE_NUMBER);
  json_builder_set_member_name (b, "phone_number_id");
  json_builder_add_string_value (b, self->account);
  json_builder_end_object (b);
  fill_value (b, data);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "field");
  json_builder_add_string_value (b, "messages");
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);

  return _pdw_simulator_builder_to_string (b);
}


typedef struct
{
  const PdwSimulatorCitizen *citizen;
  const char                *wamid;
  PdwSimulatorKind           kind;
  const char                *text;
} MessageData;

static void
add_contact (JsonBuilder               *b,
             const PdwSimulatorCitizen *citizen)
{
  json_builder_set_member_name (b, "contacts");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "profile");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, citizen->name);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "wa_id");
  json_builder_add_string_value (b, citizen->wa_id);
  json_builder_end_object (b);
  json_builder_end_array (b);
}

static void
fill_message (JsonBuilder   *b,
              gconstpointer  user_data)
{
  const MessageData *data = user_data;
  g_autofree char *timestamp = g_strdup_printf ("%" G_GINT64_FORMAT, _pdw_simulator_now ());
  g_autofree char *sha256 = NULL;

  add_contact (b, data->citizen);
  json_builder_set_member_name (b, "messages");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  _pdw_simulator_add_string (b, "from", data->citizen->wa_id);
  _pdw_simulator_add_string (b, "id", data->wamid);
  _pdw_simulator_add_string (b, "timestamp", timestamp);
  _pdw_simulator_add_string (b, "type", _pdw_simulator_kind_type (data->kind));

  switch (data->kind)
    {
    case PDW_SIMULATOR_TEXT:
      json_builder_set_member_name (b, "text");
      json_builder_begin_object (b);
      _pdw_simulator_add_string (b, "body", data->text);
      json_builder_end_object (b);
      break;

    case PDW_SIMULATOR_IMAGE:
      sha256 = _pdw_simulator_media_dup_sha256 (PDW_SIMULATOR_KK_PHOTO_ID);
      json_builder_set_member_name (b, "image");
      json_builder_begin_object (b);
      _pdw_simulator_add_string (b, "caption", data->text);
      _pdw_simulator_add_string (b, "mime_type", "image/png");
      _pdw_simulator_add_string (b, "sha256", sha256);
      _pdw_simulator_add_string (b, "id", PDW_SIMULATOR_KK_PHOTO_ID);
      json_builder_end_object (b);
      break;

    case PDW_SIMULATOR_DOCUMENT:
      json_builder_set_member_name (b, "document");
      json_builder_begin_object (b);
      _pdw_simulator_add_string (b, "caption", data->text);
      _pdw_simulator_add_string (b, "filename", "surat_keterangan_bank.pdf");
      _pdw_simulator_add_string (b, "mime_type", "application/pdf");
      sha256 = _pdw_simulator_media_dup_sha256 (PDW_SIMULATOR_BANK_LETTER_ID);
      _pdw_simulator_add_string (b, "sha256", sha256);
      _pdw_simulator_add_string (b, "id", PDW_SIMULATOR_BANK_LETTER_ID);
      json_builder_end_object (b);
      break;

    case PDW_SIMULATOR_CONTACTS:
      json_builder_set_member_name (b, "contacts");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_begin_object (b);
      _pdw_simulator_add_string (b, "formatted_name", "Aisyah Maulana");
      _pdw_simulator_add_string (b, "first_name", "Aisyah");
      json_builder_end_object (b);
      json_builder_set_member_name (b, "phones");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      _pdw_simulator_add_string (b, "phone", "+62 800-0000-1010");
      _pdw_simulator_add_string (b, "wa_id", "6280000001010");
      _pdw_simulator_add_string (b, "type", "CELL");
      json_builder_end_object (b);
      json_builder_end_array (b);
      json_builder_end_object (b);
      json_builder_end_array (b);
      break;

    case PDW_SIMULATOR_UNSUPPORTED:
      json_builder_set_member_name (b, "errors");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_int_value (b, 131051);
      _pdw_simulator_add_string (b, "title", "Message type unknown");
      _pdw_simulator_add_string (b, "message", "Message type unknown");
      json_builder_set_member_name (b, "error_data");
      json_builder_begin_object (b);
      _pdw_simulator_add_string (b, "details", "Message type is currently not supported.");
      json_builder_end_object (b);
      json_builder_end_object (b);
      json_builder_end_array (b);
      break;

    default:
      g_assert_not_reached ();
    }

  json_builder_end_object (b);
  json_builder_end_array (b);
}


typedef struct
{
  const char         *wamid;
  const char         *wa_id;
  PdwSimulatorStatus  status;
} StatusData;

static void
fill_status (JsonBuilder   *b,
             gconstpointer  user_data)
{
  static const char * const names[] = { "sent", "delivered", "read", "failed" };
  const StatusData *data = user_data;
  g_autofree char *timestamp = g_strdup_printf ("%" G_GINT64_FORMAT, _pdw_simulator_now ());

  json_builder_set_member_name (b, "statuses");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  _pdw_simulator_add_string (b, "id", data->wamid);
  _pdw_simulator_add_string (b, "status", names[data->status]);
  _pdw_simulator_add_string (b, "timestamp", timestamp);
  _pdw_simulator_add_string (b, "recipient_id", data->wa_id);
  if (data->status == PDW_SIMULATOR_FAILED)
    {
      /* Not a WhatsApp user. */
      json_builder_set_member_name (b, "errors");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_int_value (b, 131026);
      _pdw_simulator_add_string (b, "title", "Message undeliverable");
      _pdw_simulator_add_string (b, "message", "Message undeliverable");
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  json_builder_end_array (b);
}

/* ---- The wire --------------------------------------------------------- */

static char *
graph_message_body (PdwSimulator              *self,
                    const PdwSimulatorCitizen *citizen,
                    const char                *id,
                    PdwSimulatorKind           kind,
                    const char                *text)
{
  MessageData data = { citizen, id, kind, text };

  return envelope (self, fill_message, &data);
}

static char *
graph_status_body (PdwSimulator       *self,
                   const char         *id,
                   const char         *wa_id,
                   PdwSimulatorStatus  status)
{
  StatusData data = { id, wa_id, status };

  return envelope (self, fill_status, &data);
}

/* "wamid." and base64, as Meta's look; the run id keeps two runs apart. */
static char *
graph_new_id (PdwSimulator *self,
              const char   *wa_id,
              gboolean      outgoing)
{
  g_autofree char *raw = g_strdup_printf ("SIM%s%06u", self->run_id, ++self->id_counter);
  g_autofree char *encoded = g_base64_encode ((const guchar *) raw, strlen (raw));

  return g_strconcat ("wamid.", encoded, NULL);
}

static void
graph_add_headers (PdwSimulator       *self,
                   SoupMessageHeaders *headers,
                   GBytes             *body)
{
  g_autofree char *signature = pdw_signature_compute (body, self->hmac_key);

  soup_message_headers_replace (headers, PDW_SIGNATURE_HEADER, signature);
}

static void
handle_send_message (PdwSimulator      *self,
                     SoupServerMessage *msg)
{
  g_auto(PdwSimulatorSend) send = { NULL, NULL, NULL };
  g_autofree char *wamid = NULL;
  g_autofree char *json = NULL;
  const char *wa_id;

  if (!_pdw_simulator_read_send (msg, self->api_key, self->templates, &send))
    return;

  wa_id = send.to[0] == '+' ? send.to + 1 : send.to;
  wamid = _pdw_simulator_accept_reply (self, wa_id, send.text, send.template_name);
  json = g_strdup_printf ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"%s\",\"wa_id\":\"%s\"}],"
                          "\"messages\":[{\"id\":\"%s\"%s}]}", send.to, wa_id, wamid,
                          send.template_name != NULL ? ",\"message_status\":\"accepted\"" : "");
  _pdw_simulator_reply_json (msg, SOUP_STATUS_OK, json);
}

static void
graph_handle_request (PdwSimulator      *self,
                      SoupServerMessage *msg,
                      const char        *path,
                      GHashTable        *query)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);

  if (_pdw_simulator_handle_media (msg, path, query, self->base_url, self->api_key, self->account))
    return;

  /* "/{version}/{phone-number-id}/messages" */
  if (g_strv_length (parts) != 4 || parts[0][0] != '\0' || parts[1][0] != 'v' ||
      g_strcmp0 (parts[2], self->account) != 0 || g_strcmp0 (parts[3], "messages") != 0)
    {
      _pdw_simulator_reply_graph_error (msg, SOUP_STATUS_BAD_REQUEST, 100,
                                        "Unsupported post request. Object does not exist", "GraphMethodException");
      return;
    }

  if (soup_server_message_get_method (msg) != SOUP_METHOD_POST)
    {
      _pdw_simulator_reply_graph_error (msg, SOUP_STATUS_BAD_REQUEST, 100,
                                        "Unsupported method", "GraphMethodException");
      return;
    }

  handle_send_message (self, msg);
}

const PdwSimulatorWire _pdw_simulator_wire_graph = {
  .name = "graph",
  .new_id = graph_new_id,
  .message_body = graph_message_body,
  .status_body = graph_status_body,
  .start = NULL,
  .add_headers = graph_add_headers,
  .handle_request = graph_handle_request,
};
