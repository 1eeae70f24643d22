/* pdw-graph-client.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "core/pdw-send-error.h"
#include "pdw-graph-client.h"
#include "pdw-graph-client-private.h"

#define REQUEST_TIMEOUT_SECONDS 30
#define MAX_BACKOFF_SECONDS     (15 * 60)

struct _PdwGraphClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *graph_url;
  char        *api_version;
  char        *phone_number_id;
  char        *access_token;
  char        *app_secret;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (PdwGraphClient, pdw_graph_client, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PDW_TYPE_GATEWAY_BACKEND,
                                                      _pdw_graph_client_backend_init))

/* A Graph error carries the Retry-After the answer asked for, if any. */
typedef struct
{
  guint retry_after;
} PdwGraphErrorPrivate;

static void
pdw_graph_error_private_init (PdwGraphErrorPrivate *priv)
{
  priv->retry_after = 0;
}

static void
pdw_graph_error_private_copy (const PdwGraphErrorPrivate *src,
                              PdwGraphErrorPrivate       *dest)
{
  dest->retry_after = src->retry_after;
}

static void
pdw_graph_error_private_clear (PdwGraphErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (PdwGraphError, pdw_graph_error)

/* Longer than this is taken as a mistake: the backoff decides. */
#define MAX_RETRY_AFTER_SECONDS (60 * 60)

int
pdw_graph_error_get_code (const GError *error)
{
  g_return_val_if_fail (error != NULL, 0);

  if (error->domain == PDW_GRAPH_ERROR)
    return error->code;
  /* Network, DNS, TLS, HTTP framing: the request may not have arrived. */
  return PDW_SEND_ERROR_NETWORK;
}

guint
pdw_graph_error_get_retry_after (const GError *error)
{
  PdwGraphErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, 0);

  if (error->domain != PDW_GRAPH_ERROR || (priv = pdw_graph_error_get_private (error)) == NULL)
    return 0;
  return priv->retry_after;
}

gboolean
pdw_graph_error_is_transient (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  if (error->domain == G_IO_ERROR && error->code == G_IO_ERROR_CANCELLED)
    return FALSE;
  return pdw_send_error_is_transient (pdw_graph_error_get_code (error));
}

char *
pdw_graph_error_dup_officer_text (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  return pdw_send_error_dup_explanation (pdw_graph_error_get_code (error));
}

/* Seconds or an HTTP date (RFC 9110 §10.2.3); 0 when absent or unreadable. */
static guint
parse_retry_after (SoupMessage *message)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (message), "Retry-After");
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *stripped = NULL;
  guint64 seconds = 0;

  if (value == NULL)
    return 0;
  stripped = g_strstrip (g_strdup (value));
  if (g_ascii_string_to_unsigned (stripped, 10, 0, MAX_RETRY_AFTER_SECONDS, &seconds, NULL))
    return (guint) seconds;
  if ((date = soup_date_time_new_from_http_string (stripped)) != NULL)
    {
      gint64 delta = g_date_time_to_unix (date) - g_get_real_time () / G_USEC_PER_SEC;

      return (guint) CLAMP (delta, 0, MAX_RETRY_AFTER_SECONDS);
    }
  return 0;
}

void
pdw_graph_error_set_retry_after_from (GError      *error,
                                      SoupMessage *message)
{
  PdwGraphErrorPrivate *priv;

  g_return_if_fail (error != NULL);
  g_return_if_fail (SOUP_IS_MESSAGE (message));

  if (error->domain == PDW_GRAPH_ERROR && (priv = pdw_graph_error_get_private (error)) != NULL)
    priv->retry_after = parse_retry_after (message);
}

guint
pdw_graph_backoff_seconds (guint failures)
{
  guint seconds = 1;

  for (guint i = 1; i < failures && seconds < MAX_BACKOFF_SECONDS; i++)
    seconds *= 4;

  return MIN (seconds, MAX_BACKOFF_SECONDS);
}

static void
pdw_graph_client_finalize (GObject *object)
{
  PdwGraphClient *self = (PdwGraphClient *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->graph_url, g_free);
  g_clear_pointer (&self->api_version, g_free);
  g_clear_pointer (&self->phone_number_id, g_free);
  pdw_gateway_config_set_secret (&self->access_token, NULL);
  pdw_gateway_config_set_secret (&self->app_secret, NULL);

  G_OBJECT_CLASS (pdw_graph_client_parent_class)->finalize (object);
}

static void
pdw_graph_client_class_init (PdwGraphClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pdw_graph_client_finalize;
}

static void
pdw_graph_client_init (PdwGraphClient *self)
{
  self->session = soup_session_new_with_options ("user-agent", PACKAGE_NAME "/" PACKAGE_VERSION " ",
                                                 NULL);
}

void
pdw_graph_client_set_config (PdwGraphClient         *self,
                             const PdwGatewayConfig *config)
{
  g_return_if_fail (PDW_IS_GRAPH_CLIENT (self));
  g_return_if_fail (config != NULL);

  g_free (self->graph_url);
  g_free (self->api_version);
  g_free (self->phone_number_id);
  self->graph_url = g_strdup (config->graph_url);
  self->api_version = g_strdup (config->api_version != NULL ? config->api_version : "v21.0");
  self->phone_number_id = g_strdup (config->phone_number_id);
  pdw_gateway_config_set_secret (&self->access_token, g_strdup (config->access_token));
  pdw_gateway_config_set_secret (&self->app_secret, g_strdup (config->app_secret));
  g_object_set (self->session, "timeout",
                config->request_timeout > 0 ? config->request_timeout : REQUEST_TIMEOUT_SECONDS, NULL);
}

PdwGraphClient *
pdw_graph_client_new (const PdwGatewayConfig *config)
{
  PdwGraphClient *self;

  g_return_val_if_fail (config != NULL, NULL);

  self = g_object_new (PDW_TYPE_GRAPH_CLIENT, NULL);
  pdw_graph_client_set_config (self, config);

  return self;
}

void
pdw_graph_client_set_graph_url (PdwGraphClient *self,
                                const char     *graph_url)
{
  g_return_if_fail (PDW_IS_GRAPH_CLIENT (self));

  g_free (self->graph_url);
  self->graph_url = g_strdup (graph_url);
}

const char *
pdw_graph_client_get_graph_url (PdwGraphClient *self)
{
  g_return_val_if_fail (PDW_IS_GRAPH_CLIENT (self), NULL);

  return self->graph_url;
}

static gboolean
is_blank (const char *str)
{
  return str == NULL || str[0] == '\0';
}

char *
pdw_graph_client_dup_messages_url (PdwGraphClient *self)
{
  g_autofree char *base = NULL;
  gsize len;

  g_return_val_if_fail (PDW_IS_GRAPH_CLIENT (self), NULL);

  if (is_blank (self->graph_url) || is_blank (self->api_version) || is_blank (self->phone_number_id))
    return NULL;

  base = g_strdup (self->graph_url);
  len = strlen (base);
  while (len > 0 && base[len - 1] == '/')
    base[--len] = '\0';

  return g_strdup_printf ("%s/%s/%s/messages", base, self->api_version, self->phone_number_id);
}

/* Meta: with the "+" the number is taken as international as is. */
static char *
dup_recipient (const char *wa_id)
{
  return wa_id[0] == '+' ? g_strdup (wa_id) : g_strconcat ("+", wa_id, NULL);
}

static void
begin_message (JsonBuilder *builder,
               const char  *wa_id,
               const char  *type)
{
  g_autofree char *to = dup_recipient (wa_id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "messaging_product");
  json_builder_add_string_value (builder, "whatsapp");
  json_builder_set_member_name (builder, "recipient_type");
  json_builder_add_string_value (builder, "individual");
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, to);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
}

static char *
end_message (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static GBytes *
take_json_bytes (char *json)
{
  return g_bytes_new_take (json, strlen (json));
}

static GBytes *
build_text_body (const char *wa_id,
                 const char *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  begin_message (builder, wa_id, "text");
  json_builder_set_member_name (builder, "text");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "preview_url");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);

  return take_json_bytes (end_message (builder));
}

char *
pdw_graph_client_build_template_json (const char         *wa_id,
                                      const char         *template_name,
                                      const char         *language,
                                      const char * const *body_params)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (wa_id != NULL, NULL);
  g_return_val_if_fail (template_name != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  begin_message (builder, wa_id, "template");
  json_builder_set_member_name (builder, "template");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, template_name);
  json_builder_set_member_name (builder, "language");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, language);
  json_builder_end_object (builder);

  /* Positional parameters carry no parameter_name (S4); a template
   * without variables has no components at all (hello_world). */
  if (body_params != NULL && body_params[0] != NULL)
    {
      json_builder_set_member_name (builder, "components");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "body");
      json_builder_set_member_name (builder, "parameters");
      json_builder_begin_array (builder);
      for (guint i = 0; body_params[i] != NULL; i++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "type");
          json_builder_add_string_value (builder, "text");
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, body_params[i]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);

  return end_message (builder);
}

/* Reads S2 (messages[0].id) or S6 ({"error":{...}}).  Meta advises not to
 * branch on the HTTP status, so the body decides; the status only matters
 * when the body says nothing. */
static char *
parse_send_response (guint    http_status,
                     GBytes  *bytes,
                     GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root = NULL;
  JsonObject *graph_error;
  JsonArray *messages;
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  if (data != NULL && size > 0 && size < G_MAXSSIZE &&
      json_parser_load_from_data (parser, data, (gssize) size, NULL) &&
      json_parser_get_root (parser) != NULL &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    root = json_node_get_object (json_parser_get_root (parser));

  if (root != NULL && json_object_has_member (root, "error") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "error")))
    {
      const char *message;
      const char *details = NULL;
      JsonObject *error_data;
      gint64 code;

      graph_error = json_object_get_object_member (root, "error");
      code = json_object_get_int_member_with_default (graph_error, "code", 0);
      message = json_object_get_string_member_with_default (graph_error, "message", "Graph API error");
      error_data = json_object_has_member (graph_error, "error_data") &&
                   JSON_NODE_HOLDS_OBJECT (json_object_get_member (graph_error, "error_data"))
                   ? json_object_get_object_member (graph_error, "error_data") : NULL;
      if (error_data != NULL)
        details = json_object_get_string_member_with_default (error_data, "details", NULL);

      g_set_error (error, PDW_GRAPH_ERROR, (int) code, "%s%s%s",
                   message, details != NULL ? ": " : "", details != NULL ? details : "");
      return NULL;
    }

  if (http_status >= 500)
    {
      g_set_error (error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_SERVER,
                   "HTTP %u %s", http_status, soup_status_get_phrase (http_status));
      return NULL;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (http_status))
    {
      g_set_error (error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_HTTP,
                   "HTTP %u %s", http_status, soup_status_get_phrase (http_status));
      return NULL;
    }

  messages = root != NULL && json_object_has_member (root, "messages") &&
             JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "messages"))
             ? json_object_get_array_member (root, "messages") : NULL;
  if (messages != NULL && json_array_get_length (messages) > 0 &&
      JSON_NODE_HOLDS_OBJECT (json_array_get_element (messages, 0)))
    {
      JsonObject *first = json_array_get_object_element (messages, 0);
      const char *wamid = json_object_get_string_member_with_default (first, "id", NULL);

      if (wamid != NULL && wamid[0] != '\0')
        return g_strdup (wamid);
    }

  g_set_error_literal (error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_BAD_RESPONSE,
                       "The Graph API answer carries no message id");
  return NULL;
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SoupSession *session = (SoupSession *)object;
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *message;
  char *wamid;

  bytes = soup_session_send_and_read_finish (session, result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  message = g_task_get_task_data (task);
  wamid = parse_send_response (soup_message_get_status (message), bytes, &error);
  if (wamid == NULL)
    {
      pdw_graph_error_set_retry_after_from (error, message);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, wamid, g_free);
}

/* Posts @body (built by the caller once the recipient is known good) to
 * the messages endpoint; the task returns the wamid. */
static void
post_message (PdwGraphClient *self,
              GTask          *task,
              GBytes         *body)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *url = NULL;
  g_autofree char *authorization = NULL;

  url = pdw_graph_client_dup_messages_url (self);
  if (url == NULL || is_blank (self->access_token) ||
      (message = soup_message_new (SOUP_METHOD_POST, url)) == NULL)
    {
      g_task_return_new_error (task, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_NOT_CONFIGURED,
                               "Graph API URL, phone number id or access token missing or invalid");
      return;
    }

  authorization = g_strconcat ("Bearer ", self->access_token, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Authorization", authorization);
  soup_message_set_request_body_from_bytes (message, "application/json", body);

  g_task_set_task_data (task, g_object_ref (message), g_object_unref);
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task),
                                    send_cb, g_object_ref (task));
}

/* The task of one send, or NULL when there is nobody to send to (the
 * callback then gets NO_RECIPIENT). */
static GTask *
new_send_task (PdwGraphClient      *self,
               const char          *wa_id,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (is_blank (wa_id))
    {
      g_task_return_new_error (task, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_NO_RECIPIENT,
                               "No recipient phone number");
      return NULL;
    }

  return g_steal_pointer (&task);
}

void
pdw_graph_client_send_text_async (PdwGraphClient      *self,
                                  const char          *wa_id,
                                  const char          *text,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) body = NULL;

  g_return_if_fail (PDW_IS_GRAPH_CLIENT (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = new_send_task (self, wa_id, pdw_graph_client_send_text_async, cancellable, callback, user_data);
  if (task == NULL)
    return;

  body = build_text_body (wa_id, text);
  post_message (self, task, body);
}

char *
pdw_graph_client_send_text_finish (PdwGraphClient  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (PDW_IS_GRAPH_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
pdw_graph_client_send_template_async (PdwGraphClient      *self,
                                      const char          *wa_id,
                                      const char          *template_name,
                                      const char          *language,
                                      const char * const  *body_params,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) body = NULL;

  g_return_if_fail (PDW_IS_GRAPH_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = new_send_task (self, wa_id, pdw_graph_client_send_template_async, cancellable, callback, user_data);
  if (task == NULL)
    return;

  if (is_blank (template_name) || is_blank (language))
    {
      g_task_return_new_error (task, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_INVALID,
                               "No template name or language");
      return;
    }

  body = take_json_bytes (pdw_graph_client_build_template_json (wa_id, template_name, language, body_params));
  post_message (self, task, body);
}

char *
pdw_graph_client_send_template_finish (PdwGraphClient  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (PDW_IS_GRAPH_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Media (pdw-graph-client-media.c) ------------------------------------ */

SoupSession *
_pdw_graph_client_get_session (PdwGraphClient *self)
{
  return self->session;
}

const char *
_pdw_graph_client_get_app_secret (PdwGraphClient *self)
{
  return self->app_secret;
}

const char *
_pdw_graph_client_get_phone_number_id (PdwGraphClient *self)
{
  return self->phone_number_id;
}

SoupMessage *
_pdw_graph_client_new_request (PdwGraphClient  *self,
                               const char      *method,
                               const char      *path,
                               const char      *url,
                               GError         **error)
{
  g_autofree char *full_url = NULL;
  g_autofree char *authorization = NULL;
  SoupMessage *message = NULL;

  if (path != NULL && !is_blank (self->graph_url) && !is_blank (self->api_version))
    {
      g_autofree char *base = g_strdup (self->graph_url);
      gsize len = strlen (base);

      while (len > 0 && base[len - 1] == '/')
        base[--len] = '\0';
      full_url = g_strdup_printf ("%s/%s/%s", base, self->api_version, path);
    }
  else if (path == NULL)
    full_url = g_strdup (url);

  if (full_url == NULL || is_blank (self->access_token) ||
      (message = soup_message_new (method, full_url)) == NULL)
    {
      g_set_error_literal (error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_NOT_CONFIGURED,
                           "Graph API URL or access token missing or invalid");
      return NULL;
    }

  authorization = g_strconcat ("Bearer ", self->access_token, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Authorization", authorization);
  return message;
}

gboolean
_pdw_graph_client_check_answer (guint     http_status,
                                GBytes   *bytes,
                                GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *wamid = parse_send_response (http_status, bytes, &local_error);

  /* A success that is not a send: no wamid, and no error either. */
  if (wamid != NULL ||
      g_error_matches (local_error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_BAD_RESPONSE))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* research/whatsapp.md §1.8: a media message names the uploaded id; a
 * document also carries the file name the citizen sees. */
static GBytes *
build_media_body (const char *wa_id,
                  const char *type,
                  const char *media_id,
                  const char *caption,
                  const char *filename)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  begin_message (builder, wa_id, type);
  json_builder_set_member_name (builder, type);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, media_id);
  if (!is_blank (caption))
    {
      json_builder_set_member_name (builder, "caption");
      json_builder_add_string_value (builder, caption);
    }
  if (g_str_equal (type, "document") && !is_blank (filename))
    {
      json_builder_set_member_name (builder, "filename");
      json_builder_add_string_value (builder, filename);
    }
  json_builder_end_object (builder);

  return take_json_bytes (end_message (builder));
}

void
pdw_graph_client_send_media_async (PdwGraphClient      *self,
                                   const char          *wa_id,
                                   const char          *type,
                                   const char          *media_id,
                                   const char          *caption,
                                   const char          *filename,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) body = NULL;

  g_return_if_fail (PDW_IS_GRAPH_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = new_send_task (self, wa_id, pdw_graph_client_send_media_async, cancellable, callback, user_data);
  if (task == NULL)
    return;

  if (is_blank (media_id) || (g_strcmp0 (type, "image") != 0 && g_strcmp0 (type, "document") != 0))
    {
      g_task_return_new_error (task, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_INVALID,
                               "No media id, or not an image or a document");
      return;
    }

  body = build_media_body (wa_id, type, media_id, caption, filename);
  post_message (self, task, body);
}

char *
pdw_graph_client_send_media_finish (PdwGraphClient  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_return_val_if_fail (PDW_IS_GRAPH_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
