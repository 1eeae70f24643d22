/* pdw-waha-client.c
 *
 * WAHA's REST API (research/whatsapp.md §2): every request carries the
 * X-Api-Key when one is set, and goes only to the configured server: a
 * media URL from a webhook gives its path, never its host.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "pdw-graph-client.h"
#include "pdw-media-download.h"
#include "pdw-signature.h"
#include "pdw-waha-client.h"
#include "pdw-waha-client-private.h"
#include "pdw-webhook-parser-private.h"

#define REQUEST_TIMEOUT_SECONDS 30
#define FILES_PATH      "/api/files/"
/* Meta's "too many messages" code: the same wait and explanation. */
#define RATE_LIMIT_CODE 130429

struct _PdwWahaClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *url;          /* without a trailing "/" */
  char        *session_name;
  char        *api_key;
  char        *hmac_key;
};

static void pdw_waha_client_backend_init (PdwGatewayBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdwWahaClient, pdw_waha_client, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PDW_TYPE_GATEWAY_BACKEND,
                                                      pdw_waha_client_backend_init))

static gboolean
is_blank (const char *str)
{
  return str == NULL || str[0] == '\0';
}

static void
pdw_waha_client_finalize (GObject *object)
{
  PdwWahaClient *self = (PdwWahaClient *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->session_name, g_free);
  pdw_gateway_config_set_secret (&self->api_key, NULL);
  pdw_gateway_config_set_secret (&self->hmac_key, NULL);

  G_OBJECT_CLASS (pdw_waha_client_parent_class)->finalize (object);
}

static void
pdw_waha_client_class_init (PdwWahaClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pdw_waha_client_finalize;
}

static void
pdw_waha_client_init (PdwWahaClient *self)
{
  self->session = soup_session_new_with_options ("user-agent", PACKAGE_NAME "/" PACKAGE_VERSION " ",
                                                 NULL);
}

static void
waha_set_config (PdwGatewayBackend      *backend,
                 const PdwGatewayConfig *config)
{
  PdwWahaClient *self = PDW_WAHA_CLIENT (backend);
  gsize len;

  g_free (self->url);
  self->url = g_strdup (config->waha_url);
  len = self->url != NULL ? strlen (self->url) : 0;
  while (len > 0 && self->url[len - 1] == '/')
    self->url[--len] = '\0';

  g_free (self->session_name);
  self->session_name = g_strdup (!is_blank (config->waha_session) ? config->waha_session : "default");
  pdw_gateway_config_set_secret (&self->api_key, g_strdup (config->waha_api_key));
  pdw_gateway_config_set_secret (&self->hmac_key, g_strdup (config->app_secret));
  g_object_set (self->session, "timeout",
                config->request_timeout > 0 ? config->request_timeout : REQUEST_TIMEOUT_SECONDS, NULL);
}

PdwWahaClient *
pdw_waha_client_new (const PdwGatewayConfig *config)
{
  PdwWahaClient *self;

  g_return_val_if_fail (config != NULL, NULL);

  self = g_object_new (PDW_TYPE_WAHA_CLIENT, NULL);
  waha_set_config (PDW_GATEWAY_BACKEND (self), config);

  return self;
}

char *
pdw_waha_client_dup_chat_id (const char *wa_id)
{
  if (is_blank (wa_id))
    return NULL;
  if (strchr (wa_id, '@') != NULL)
    return g_strdup (wa_id);
  return g_strconcat (wa_id[0] == '+' ? wa_id + 1 : wa_id, "@c.us", NULL);
}

char *
pdw_waha_client_compute_hmac (GBytes     *body,
                              const char *key)
{
  g_autoptr(GBytes) key_bytes = NULL;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  key_bytes = g_bytes_new_static (key, strlen (key));
  return g_compute_hmac_for_bytes (G_CHECKSUM_SHA512, key_bytes, body);
}

static const char *
waha_get_name (PdwGatewayBackend *backend)
{
  return "waha";
}

static const char *
waha_get_source (PdwGatewayBackend *backend)
{
  return "waha";
}

static gboolean
waha_has_url (PdwGatewayBackend *backend)
{
  return !is_blank (PDW_WAHA_CLIENT (backend)->url);
}

/* A linked device may write whenever it likes. */
static gboolean
waha_has_service_window (PdwGatewayBackend *backend)
{
  return FALSE;
}

/* ---- Requests and answers ------------------------------------------------- */

/* @path starts with "/" and is already escaped. */
static SoupMessage *
new_request (PdwWahaClient  *self,
             const char     *method,
             const char     *path,
             GError        **error)
{
  g_autofree char *url = NULL;
  SoupMessage *message = NULL;

  if (!is_blank (self->url))
    {
      url = g_strconcat (self->url, path, NULL);
      message = soup_message_new (method, url);
    }
  if (message == NULL)
    {
      g_set_error_literal (error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_NOT_CONFIGURED,
                           "WAHA URL missing or invalid");
      return NULL;
    }

  if (!is_blank (self->api_key))
    soup_message_headers_replace (soup_message_get_request_headers (message),
                                  PDW_WAHA_API_KEY_HEADER, self->api_key);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Accept", "application/json");
  return message;
}

/* NestJS answers {"statusCode":..,"message":"..."} (or a list of messages
 * for a refused body); a session not ready {"error":"...","status":..}. */
static char *
dup_answer_message (JsonObject *root)
{
  JsonNode *node = root != NULL ? json_object_get_member (root, "message") : NULL;
  const char *text = NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (node), 0);

      if (JSON_NODE_HOLDS_VALUE (first) && json_node_get_value_type (first) == G_TYPE_STRING)
        text = json_node_get_string (first);
    }
  if (text == NULL)
    text = _pdw_webhook_get_string (root, "message");
  if (text == NULL)
    text = _pdw_webhook_get_string (root, "error");
  if (text == NULL)
    text = _pdw_webhook_get_string (_pdw_webhook_get_object (root, "exception"), "message");
  return _pdw_webhook_dup_nonempty (text);
}

static gboolean
is_about_session (SoupMessage *message,
                  const char  *text)
{
  g_autofree char *lower = text != NULL ? g_ascii_strdown (text, -1) : NULL;

  return strstr (g_uri_get_path (soup_message_get_uri (message)), "/api/sessions/") != NULL ||
         (lower != NULL && strstr (lower, "session") != NULL);
}

/* TRUE for a success; else FALSE with the error an officer can act on
 * (pdw-send-error.h), the answer's own message in error->message. */
static gboolean
check_answer (SoupMessage  *message,
              JsonObject   *root,
              GError      **error)
{
  guint status = soup_message_get_status (message);
  g_autofree char *text = NULL;
  GError *local_error;
  const char *session_status;
  int code;

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    return TRUE;

  text = dup_answer_message (root);
  session_status = _pdw_webhook_get_string (root, "status");
  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    code = PDW_GRAPH_ERROR_WAHA_API_KEY;
  /* WAHA: "We didn't find a session with name ..."; a 404 of another
   * route is a wrong URL, not a wrong session name. */
  else if (status == SOUP_STATUS_NOT_FOUND && is_about_session (message, text))
    code = PDW_GRAPH_ERROR_WAHA_SESSION;
  else if (status == SOUP_STATUS_UNPROCESSABLE_ENTITY && session_status != NULL &&
           g_strcmp0 (session_status, "WORKING") != 0)
    code = PDW_GRAPH_ERROR_WAHA_NOT_READY;
  else if (status == 429 /* Too Many Requests */)
    code = RATE_LIMIT_CODE;
  else if (status >= 500 || status < 100)
    code = PDW_GRAPH_ERROR_SERVER;
  else
    code = PDW_GRAPH_ERROR_HTTP;

  local_error = g_error_new (PDW_GRAPH_ERROR, code, "WAHA: HTTP %u %s%s%s%s%s", status,
                             soup_status_get_phrase (status) != NULL ? soup_status_get_phrase (status) : "",
                             text != NULL ? ": " : "", text != NULL ? text : "",
                             session_status != NULL ? ", session " : "",
                             session_status != NULL ? session_status : "");
  pdw_graph_error_set_retry_after_from (local_error, message);
  g_propagate_error (error, local_error);
  return FALSE;
}

/* The answer's object (NULL when it has none), and whether it is a success. */
static JsonParser *
read_answer (SoupMessage  *message,
             GBytes       *bytes,
             JsonObject  **root,
             GError      **error)
{
  g_autoptr(JsonParser) parser = NULL;
  GError *local_error = NULL;

  *root = NULL;
  if (bytes != NULL && g_bytes_get_size (bytes) > 0)
    parser = _pdw_webhook_load_object (bytes, root, NULL);
  if (!check_answer (message, *root, &local_error))
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (parser == NULL)
    parser = json_parser_new_immutable ();
  return g_steal_pointer (&parser);
}

/* "12345@s.whatsapp.net" is WAHA's "12345@c.us" (research §2.1). */
static char *
dup_cus (const char *jid)
{
  const char *at = strchr (jid, '@');

  if (at != NULL && strcmp (at, "@s.whatsapp.net") == 0)
    return g_strdup_printf ("%.*s@c.us", (int) (at - jid), jid);
  return g_strdup (jid);
}

/* The id its message.ack events will carry.  WAHA's answer is the engine's
 * message: GOWS {"id":"true_<chat>_<id>"}, WEBJS {"id":{"_serialized":..}},
 * NOWEB Baileys' {"key":{"remoteJid","fromMe","id"}}. */
static char *
dup_sent_id (JsonObject *root)
{
  JsonObject *id_object = _pdw_webhook_get_object (root, "id");
  JsonObject *key = _pdw_webhook_get_object (root, "key");
  const char *id = _pdw_webhook_get_string (root, "id");

  if (id == NULL)
    id = _pdw_webhook_get_string (id_object, "_serialized");
  if (id == NULL && key != NULL && !is_blank (_pdw_webhook_get_string (key, "id")))
    {
      const char *remote = _pdw_webhook_get_string (key, "remoteJid");
      JsonNode *from_me = json_object_get_member (key, "fromMe");
      gboolean mine = from_me == NULL || !JSON_NODE_HOLDS_VALUE (from_me) ||
                      json_node_get_value_type (from_me) != G_TYPE_BOOLEAN || json_node_get_boolean (from_me);
      g_autofree char *chat = NULL;

      if (is_blank (remote))
        return g_strdup (_pdw_webhook_get_string (key, "id"));
      chat = dup_cus (remote);
      return g_strdup_printf ("%s_%s_%s", mine ? "true" : "false", chat, _pdw_webhook_get_string (key, "id"));
    }
  if (id == NULL)
    id = _pdw_webhook_get_string (_pdw_webhook_get_object (_pdw_webhook_get_object (root, "_data"), "id"),
                                  "_serialized");
  return _pdw_webhook_dup_nonempty (id);
}

/* What a task makes of the object of WAHA's successful answer. */
typedef void (*AnswerFunc) (GTask      *task,
                            JsonObject *root);

static void
answer_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *message = g_task_get_task_data (task);
  AnswerFunc answered = g_object_get_data (G_OBJECT (message), "pdw-waha-answered");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  GError *error = NULL;
  JsonObject *root;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (bytes == NULL || (parser = read_answer (message, bytes, &root, &error)) == NULL)
    g_task_return_error (task, error);
  else
    answered (task, root);
}

/* Sends the request @method @path (with @body as JSON unless NULL) for
 * @task; @answered resolves it from a successful answer. */
static void
exchange (PdwWahaClient *self,
          GTask         *task,
          const char    *method,
          const char    *path,
          GBytes        *body,
          AnswerFunc     answered)
{
  SoupMessage *message;
  GError *error = NULL;

  if ((message = new_request (self, method, path, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (message, "application/json", body);
  g_object_set_data (G_OBJECT (message), "pdw-waha-answered", answered);
  g_task_set_task_data (task, message, g_object_unref);
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), answer_cb, g_object_ref (task));
}

/* ---- Sending -------------------------------------------------------------- */

static void
sent (GTask      *task,
      JsonObject *root)
{
  char *id = dup_sent_id (root);

  if (id == NULL)
    g_task_return_new_error (task, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_BAD_RESPONSE,
                             "The WAHA answer carries no message id");
  else
    g_task_return_pointer (task, id, g_free);
}

static void
post_json (PdwWahaClient *self,
           GTask         *task,
           const char    *path,
           GBytes        *body)
{
  exchange (self, task, SOUP_METHOD_POST, path, body, sent);
}

static void
begin_send (JsonBuilder *builder,
            const char  *session,
            const char  *chat_id)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "session");
  json_builder_add_string_value (builder, session);
  json_builder_set_member_name (builder, "chatId");
  json_builder_add_string_value (builder, chat_id);
}

static GBytes *
end_send (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = NULL;
  char *json;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  return g_bytes_new_take (json, strlen (json));
}

typedef struct
{
  char *session;
  char *chat_id;
  char *path;
  char *mime_type;
  char *filename;
  char *caption;
} Attachment;

static void
attachment_free (Attachment *attachment)
{
  g_free (attachment->session);
  g_free (attachment->chat_id);
  g_free (attachment->path);
  g_free (attachment->mime_type);
  g_free (attachment->filename);
  g_free (attachment->caption);
  g_free (attachment);
}

/* The file is read and encoded here, off the main loop: a 16 MB photo is
 * 21 MB of base64. */
static void
build_attachment_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  Attachment *attachment = task_data;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *contents = NULL;
  g_autofree char *base64 = NULL;
  GError *error = NULL;
  gsize length = 0;

  if (!g_file_get_contents (attachment->path, &contents, &length, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  base64 = g_base64_encode ((const guchar *) contents, length);
  g_clear_pointer (&contents, g_free);

  begin_send (builder, attachment->session, attachment->chat_id);
  json_builder_set_member_name (builder, "file");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mimetype");
  json_builder_add_string_value (builder, attachment->mime_type);
  json_builder_set_member_name (builder, "filename");
  json_builder_add_string_value (builder, attachment->filename);
  json_builder_set_member_name (builder, "data");
  json_builder_add_string_value (builder, base64);
  json_builder_end_object (builder);
  if (!is_blank (attachment->caption))
    {
      json_builder_set_member_name (builder, "caption");
      json_builder_add_string_value (builder, attachment->caption);
    }

  g_task_return_pointer (task, end_send (builder), (GDestroyNotify) g_bytes_unref);
}

static void
attachment_built_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PdwWahaClient *self = PDW_WAHA_CLIENT (object);
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  const char *path = g_task_get_task_data (task);

  body = g_task_propagate_pointer (G_TASK (result), &error);
  if (body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The task data was the endpoint; post_json() replaces it with the request. */
  post_json (self, task, path, body);
}

static void
send_attachment (PdwWahaClient *self,
                 GTask         *task,
                 const char    *chat_id,
                 PdwMessage    *message)
{
  g_autoptr(GTask) build = NULL;
  Attachment *attachment = g_new0 (Attachment, 1);
  const char *mime_type = pdw_message_get_media_mime_type (message);
  const char *filename = pdw_message_get_media_filename (message);
  gboolean image = g_strcmp0 (pdw_message_get_message_type (message), "image") == 0;

  attachment->session = g_strdup (self->session_name);
  attachment->chat_id = g_strdup (chat_id);
  attachment->path = g_strdup (pdw_message_get_media_path (message));
  attachment->mime_type = g_strdup (!is_blank (mime_type) ? mime_type : "application/octet-stream");
  attachment->filename = !is_blank (filename) ? g_strdup (filename) : g_path_get_basename (attachment->path);
  attachment->caption = g_strdup (pdw_message_get_text (message));

  g_task_set_task_data (task, (gpointer) (image ? "/api/sendImage" : "/api/sendFile"), NULL);
  build = g_task_new (self, g_task_get_cancellable (task), attachment_built_cb, g_object_ref (task));
  g_task_set_source_tag (build, send_attachment);
  g_task_set_task_data (build, attachment, (GDestroyNotify) attachment_free);
  g_task_run_in_thread (build, build_attachment_thread);
}

/* WAHA has no templates: a template message goes as the text it was
 * rendered to (what the chat shows). */
static void
waha_send_async (PdwGatewayBackend   *backend,
                 const char          *wa_id,
                 PdwMessage          *message,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  PdwWahaClient *self = PDW_WAHA_CLIENT (backend);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *chat_id = pdw_waha_client_dup_chat_id (wa_id);
  const char *type = pdw_message_get_message_type (message);
  const char *text = pdw_message_get_text (message);

  g_task_set_source_tag (task, waha_send_async);
  if (chat_id == NULL)
    {
      g_task_return_new_error (task, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_NO_RECIPIENT,
                               "No recipient phone number");
      return;
    }

  if (g_strcmp0 (type, "template") != 0 && pdw_message_get_media_path (message) != NULL)
    {
      send_attachment (self, task, chat_id, message);
      return;
    }
  if (g_strcmp0 (type, "template") == 0 && is_blank (text))
    {
      g_task_return_new_error (task, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_INVALID,
                               "The template message has no text to send through WAHA");
      return;
    }

  builder = json_builder_new ();
  begin_send (builder, self->session_name, chat_id);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text != NULL ? text : "");
  body = end_send (builder);
  post_json (self, task, "/api/sendText", body);
}

static char *
waha_send_finish (PdwGatewayBackend  *backend,
                  GAsyncResult       *result,
                  GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, backend), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Media ---------------------------------------------------------------- */

/* WAHA gives no hash: the fetcher checks the webhook's, if any. */
typedef struct
{
  PdwMediaFetched fetched;   /* first: see pdw_media_fetched_finish() */
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  pdw_media_fetched_clear (&fetch->fetched);
  g_free (fetch);
}

/* The path of WAHA's media URL, escaped, when it is one of its files:
 * the webhook names the server as WAHA sees itself ("localhost:3000"),
 * which may not be how PANDAWA reaches it, and a forged webhook could
 * name any host. */
static char *
dup_files_path (const char  *media_url,
                GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *decoded = NULL;
  const char *path = NULL;

  if (media_url != NULL && media_url[0] == '/')
    path = media_url;
  else if (media_url != NULL &&
           (uri = g_uri_parse (media_url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL)) != NULL)
    path = g_uri_get_path (uri);

  if (path != NULL)
    decoded = g_uri_unescape_string (path, NULL);
  if (decoded == NULL || !g_str_has_prefix (decoded, FILES_PATH) || decoded[strlen (FILES_PATH)] == '\0' ||
      strstr (decoded, "/..") != NULL || strchr (path, '?') != NULL || strchr (path, '#') != NULL)
    {
      g_set_error_literal (error, PDW_GRAPH_ERROR, 131052,
                           "The media URL of the webhook is not a file of the WAHA server (" FILES_PATH ")");
      return NULL;
    }

  return g_strdup (path);
}

/* Not found: WAHA keeps files for a while only (WHATSAPP_FILES_LIFETIME). */
static gboolean
check_download (SoupMessage  *message,
                GError      **error)
{
  if (soup_message_get_status (message) != SOUP_STATUS_NOT_FOUND)
    return check_answer (message, NULL, error);
  g_set_error_literal (error, PDW_GRAPH_ERROR, 131052, "WAHA no longer has the file");
  return FALSE;
}

static void
downloaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autofree char *content_type = NULL;
  GError *error = NULL;

  if ((fetch->fetched.size = pdw_media_download_finish (result, &content_type, &error)) < 0)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The answer's type, else the webhook's. */
  if (content_type != NULL)
    {
      g_free (fetch->fetched.mime_type);
      fetch->fetched.mime_type = g_steal_pointer (&content_type);
    }
  g_task_return_boolean (task, TRUE);
}

/* The webhook's media.url is the message's media id (pdw-waha-client-webhook.c). */
static void
waha_fetch_media_async (PdwGatewayBackend   *backend,
                        PdwMessage          *message,
                        const char          *dest_path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  PdwWahaClient *self = PDW_WAHA_CLIENT (backend);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(SoupMessage) request = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;
  Fetch *fetch;

  g_task_set_source_tag (task, waha_fetch_media_async);
  fetch = g_new0 (Fetch, 1);
  fetch->fetched.mime_type = g_strdup (pdw_message_get_media_mime_type (message));
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);

  if ((path = dup_files_path (pdw_message_get_media_id (message), &error)) == NULL ||
      (request = new_request (self, SOUP_METHOD_GET, path, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  pdw_media_download_async (self->session, request, dest_path, check_download, cancellable,
                            downloaded_cb, g_steal_pointer (&task));
}

/* WAHA gives no hash of the file: @sha256 is NULL. */
static gboolean
waha_fetch_media_finish (PdwGatewayBackend  *backend,
                         GAsyncResult       *result,
                         char              **mime_type,
                         char              **sha256,
                         gint64             *size,
                         GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, backend), FALSE);

  return pdw_media_fetched_finish (G_TASK (result), mime_type, sha256, size, error);
}

/* ---- Session -------------------------------------------------------------- */

static void
probed (GTask      *task,
        JsonObject *root)
{
  g_task_return_int (task, pdw_gateway_session_from_string (_pdw_webhook_get_string (root, "status")));
}

/* GET /api/sessions/{session}: the session's "status". */
static void
waha_probe_async (PdwGatewayBackend   *backend,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  PdwWahaClient *self = PDW_WAHA_CLIENT (backend);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *escaped = g_uri_escape_string (self->session_name, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/api/sessions/", escaped, NULL);

  g_task_set_source_tag (task, waha_probe_async);
  exchange (self, task, SOUP_METHOD_GET, path, NULL, probed);
}

static PdwGatewaySession
waha_probe_finish (PdwGatewayBackend  *backend,
                   GAsyncResult       *result,
                   GError            **error)
{
  gssize session;

  g_return_val_if_fail (g_task_is_valid (result, backend), PDW_GATEWAY_SESSION_UNKNOWN);

  /* -1 with the error. */
  session = g_task_propagate_int (G_TASK (result), error);
  return session < 0 ? PDW_GATEWAY_SESSION_UNKNOWN : (PdwGatewaySession) session;
}

/* ---- Webhooks ------------------------------------------------------------- */

/* research §2.3: with a key, X-Webhook-Hmac is the HMAC-SHA512 of the raw
 * body.  Without one only this machine may post (WAHA beside PANDAWA). */
static gboolean
waha_verify_webhook (PdwGatewayBackend   *backend,
                     SoupMessageHeaders  *headers,
                     GBytes              *body,
                     gboolean             from_loopback,
                     GError             **error)
{
  PdwWahaClient *self = PDW_WAHA_CLIENT (backend);
  const char *hmac = soup_message_headers_get_one (headers, PDW_WAHA_HMAC_HEADER);
  const char *algorithm = soup_message_headers_get_one (headers, PDW_WAHA_HMAC_ALGORITHM_HEADER);
  g_autofree char *expected = NULL;
  g_autofree char *given = NULL;

  if (is_blank (self->hmac_key))
    {
      if (from_loopback)
        return TRUE;
      g_set_error_literal (error, PDW_GATEWAY_BACKEND_ERROR, PDW_GATEWAY_BACKEND_ERROR_UNSIGNED,
                           "no WAHA HMAC key is set and the webhook is not from this machine");
      return FALSE;
    }

  if (hmac == NULL)
    {
      g_set_error_literal (error, PDW_GATEWAY_BACKEND_ERROR, PDW_GATEWAY_BACKEND_ERROR_UNSIGNED,
                           "missing " PDW_WAHA_HMAC_HEADER);
      return FALSE;
    }

  expected = pdw_waha_client_compute_hmac (body, self->hmac_key);
  given = g_ascii_strdown (hmac, -1);
  if ((algorithm != NULL && g_ascii_strcasecmp (algorithm, "sha512") != 0) ||
      !pdw_secure_str_equal (expected, given))
    {
      g_set_error_literal (error, PDW_GATEWAY_BACKEND_ERROR, PDW_GATEWAY_BACKEND_ERROR_BAD_SIGNATURE,
                           "wrong " PDW_WAHA_HMAC_HEADER);
      return FALSE;
    }
  return TRUE;
}

static gboolean
waha_parse_webhook (PdwGatewayBackend  *backend,
                    GBytes             *body,
                    GPtrArray         **messages,
                    GPtrArray         **statuses,
                    PdwGatewaySession  *session,
                    GError            **error)
{
  return _pdw_waha_client_parse_webhook (body, PDW_WAHA_CLIENT (backend)->session_name,
                                         messages, statuses, session, error);
}

static void
pdw_waha_client_backend_init (PdwGatewayBackendInterface *iface)
{
  iface->get_name = waha_get_name;
  iface->get_source = waha_get_source;
  iface->set_config = waha_set_config;
  iface->has_url = waha_has_url;
  iface->has_service_window = waha_has_service_window;
  iface->send_async = waha_send_async;
  iface->send_finish = waha_send_finish;
  iface->fetch_media_async = waha_fetch_media_async;
  iface->fetch_media_finish = waha_fetch_media_finish;
  iface->probe_async = waha_probe_async;
  iface->probe_finish = waha_probe_finish;
  iface->verify_webhook = waha_verify_webhook;
  iface->parse_webhook = waha_parse_webhook;
}
