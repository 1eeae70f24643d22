/* pdw-simulator-waha.c: the simulator playing a WAHA server (self-hosted
 * WhatsApp HTTP API, research/whatsapp.md §2): the session going up
 * (session.status), the citizens' messages (message, media on its own
 * /api/files/) and the acks of every reply (message.ack), posted with
 * WAHA's headers and, when it has a key, X-Webhook-Hmac; and its API:
 * sendText, sendImage, sendFile, sessions and files, all behind X-Api-Key.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gateway/pdw-signature.h"
#include "pdw-simulator-private.h"

/* The office's own (synthetic) number, as WAHA's "me". */
#define ME_ID        "628000000000@c.us"
#define ME_NAME      "Disdukcapil Pekanbaru (simulasi)"
#define ENGINE       "WEBJS"
#define VERSION      "2025.11.2"
#define CHAT_SUFFIX  "@c.us"

/* ---- Ids ---------------------------------------------------------------- */

/* A ULID (https://github.com/ulid/spec): 48 bits of milliseconds and 80
 * random ones, in Crockford's base32, as WAHA's event and request ids. */
static char *
new_ulid (PdwSimulator *self,
          gboolean      lower)
{
  static const char upper_digits[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  static const char lower_digits[] = "0123456789abcdefghjkmnpqrstvwxyz";
  const char *digits = lower ? lower_digits : upper_digits;
  guint64 ms = (guint64) (g_get_real_time () / 1000);
  char ulid[27];

  for (int i = 9; i >= 0; i--, ms >>= 5)
    ulid[i] = digits[ms & 31];
  for (int i = 10; i < 26; i++)
    ulid[i] = digits[g_rand_int_range (self->rand, 0, 32)];
  ulid[26] = '\0';

  return g_strdup (ulid);
}

/* "false_<digits>@c.us_<32 hex>" for a citizen's message, "true_…" for a
 * reply: WAHA's serialized message ids.  The hex starts like WhatsApp
 * Web's ("3EB0") and has letters between the run id and the counter, so
 * that no 16 digits in a row look like a NIK to the masked export. */
static char *
waha_new_id (PdwSimulator *self,
             const char   *wa_id,
             gboolean      outgoing)
{
  return g_strdup_printf ("%s_%s" CHAT_SUFFIX "_3EB0%sC%08XDE4F5A6B7C8", outgoing ? "true" : "false",
                          wa_id, self->run_id, ++self->id_counter);
}

/* ---- Webhooks ----------------------------------------------------------- */

static void
add_me (JsonBuilder *b)
{
  json_builder_set_member_name (b, "me");
  json_builder_begin_object (b);
  _pdw_simulator_add_string (b, "id", ME_ID);
  _pdw_simulator_add_string (b, "pushName", ME_NAME);
  json_builder_end_object (b);
}

/* WAHA's event envelope around the payload @fill_payload adds. */
static char *
envelope (PdwSimulator *self,
          const char   *event,
          void        (*fill_payload) (JsonBuilder *builder, gconstpointer data),
          gconstpointer data)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *ulid = new_ulid (self, TRUE);
  g_autofree char *id = g_strconcat ("evt_", ulid, NULL);

  json_builder_begin_object (b);
  _pdw_simulator_add_string (b, "id", id);
  json_builder_set_member_name (b, "timestamp");
  json_builder_add_int_value (b, g_get_real_time () / 1000);
  _pdw_simulator_add_string (b, "event", event);
  _pdw_simulator_add_string (b, "session", self->account);
  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  json_builder_end_object (b);
  add_me (b);
  json_builder_set_member_name (b, "payload");
  json_builder_begin_object (b);
  fill_payload (b, data);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "environment");
  json_builder_begin_object (b);
  _pdw_simulator_add_string (b, "tier", "CORE");
  _pdw_simulator_add_string (b, "version", VERSION);
  json_builder_end_object (b);
  _pdw_simulator_add_string (b, "engine", ENGINE);
  json_builder_end_object (b);

  return _pdw_simulator_builder_to_string (b);
}

typedef struct
{
  const char *session;
  const char *status;
} SessionData;

static void
fill_session (JsonBuilder   *b,
              gconstpointer  user_data)
{
  const SessionData *data = user_data;

  _pdw_simulator_add_string (b, "name", data->session);
  _pdw_simulator_add_string (b, "status", data->status);
}

/* The session starts, then works: what a WAHA whose phone is linked posts
 * when it comes up. */
static void
waha_start (PdwSimulator *self)
{
  SessionData starting = { self->account, "STARTING" };
  SessionData working = { self->account, "WORKING" };

  _pdw_simulator_queue_post (self, envelope (self, "session.status", fill_session, &starting), NULL, NULL, NULL);
  _pdw_simulator_queue_post (self, envelope (self, "session.status", fill_session, &working), NULL, NULL, NULL);
}

typedef struct
{
  PdwSimulator              *self;
  const PdwSimulatorCitizen *citizen;
  const char                *id;
  PdwSimulatorKind           kind;
  const char                *text;
} MessageData;

/* The file of a media message, where WAHA keeps it: on its own
 * /api/files/, named after the message. */
static void
add_media (JsonBuilder  *b,
           PdwSimulator *self,
           const char   *id,
           const char   *media_id,
           const char   *extension,
           const char   *filename)
{
  g_autofree char *mime_type = NULL;
  g_autoptr(GBytes) bytes = _pdw_simulator_media_dup (media_id, &mime_type);
  g_autofree char *url = g_strdup_printf ("%s/api/files/%s.%s", self->base_url, id, extension);

  g_hash_table_replace (self->files, g_strdup (id), g_strdup (media_id));

  json_builder_set_member_name (b, "media");
  json_builder_begin_object (b);
  _pdw_simulator_add_string (b, "url", url);
  _pdw_simulator_add_string (b, "mimetype", mime_type);
  _pdw_simulator_add_string (b, "filename", filename);
  json_builder_set_member_name (b, "error");
  json_builder_add_null_value (b);
  json_builder_end_object (b);
}

/* WEBJS's own fields, which WAHA passes on in "_data". */
static void
add_data (JsonBuilder       *b,
          const MessageData *data,
          const char        *chat_id,
          const char        *body,
          gint64             now)
{
  static const char * const types[] = { "chat", "image", "document", "vcard", "unknown" };
  const char *media_id = data->kind == PDW_SIMULATOR_IMAGE ? PDW_SIMULATOR_KK_PHOTO_ID
                       : data->kind == PDW_SIMULATOR_DOCUMENT ? PDW_SIMULATOR_BANK_LETTER_ID : NULL;

  json_builder_set_member_name (b, "_data");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "fromMe");
  json_builder_add_boolean_value (b, FALSE);
  _pdw_simulator_add_string (b, "remote", chat_id);
  _pdw_simulator_add_string (b, "id", strrchr (data->id, '_') + 1);
  _pdw_simulator_add_string (b, "_serialized", data->id);
  json_builder_end_object (b);
  _pdw_simulator_add_string (b, "body", body);
  /* "unknown": a message WhatsApp Web cannot show. */
  _pdw_simulator_add_string (b, "type", types[data->kind]);
  json_builder_set_member_name (b, "t");
  json_builder_add_int_value (b, now);
  _pdw_simulator_add_string (b, "notifyName", data->citizen->name);
  _pdw_simulator_add_string (b, "from", chat_id);
  _pdw_simulator_add_string (b, "to", ME_ID);
  if (media_id != NULL)
    {
      /* The file's sha256, in base64. */
      g_autofree char *sha256 = _pdw_simulator_media_dup_sha256 (media_id);

      _pdw_simulator_add_string (b, "filehash", sha256);
    }
  json_builder_end_object (b);
}

static void
fill_message (JsonBuilder   *b,
              gconstpointer  user_data)
{
  const MessageData *data = user_data;
  g_autofree char *chat_id = g_strconcat (data->citizen->wa_id, CHAT_SUFFIX, NULL);
  g_autofree char *vcard = NULL;
  const char *body = data->text != NULL ? data->text : "";
  gint64 now = _pdw_simulator_now ();

  if (data->kind == PDW_SIMULATOR_CONTACTS)
    body = vcard = g_strdup ("BEGIN:VCARD\nVERSION:3.0\nFN:Aisyah Maulana\nN:Maulana;Aisyah;;;\n"
                             "TEL;type=CELL;type=VOICE;waid=6280000001010:+62 800-0000-1010\nEND:VCARD");

  _pdw_simulator_add_string (b, "id", data->id);
  json_builder_set_member_name (b, "timestamp");
  json_builder_add_int_value (b, now);
  _pdw_simulator_add_string (b, "from", chat_id);
  json_builder_set_member_name (b, "fromMe");
  json_builder_add_boolean_value (b, FALSE);
  _pdw_simulator_add_string (b, "source", "app");
  _pdw_simulator_add_string (b, "to", ME_ID);
  _pdw_simulator_add_string (b, "body", body);
  json_builder_set_member_name (b, "hasMedia");
  json_builder_add_boolean_value (b, data->kind == PDW_SIMULATOR_IMAGE || data->kind == PDW_SIMULATOR_DOCUMENT);
  if (data->kind == PDW_SIMULATOR_IMAGE)
    add_media (b, data->self, data->id, PDW_SIMULATOR_KK_PHOTO_ID, "png", NULL);
  else if (data->kind == PDW_SIMULATOR_DOCUMENT)
    add_media (b, data->self, data->id, PDW_SIMULATOR_BANK_LETTER_ID, "pdf", "surat_keterangan_bank.pdf");
  json_builder_set_member_name (b, "ack");
  json_builder_add_int_value (b, 1);
  _pdw_simulator_add_string (b, "ackName", "SERVER");
  json_builder_set_member_name (b, "vCards");
  json_builder_begin_array (b);
  if (vcard != NULL)
    json_builder_add_string_value (b, vcard);
  json_builder_end_array (b);
  add_data (b, data, chat_id, body, now);
}

static char *
waha_message_body (PdwSimulator              *self,
                   const PdwSimulatorCitizen *citizen,
                   const char                *id,
                   PdwSimulatorKind           kind,
                   const char                *text)
{
  MessageData data = { self, citizen, id, kind, text };

  return envelope (self, "message", fill_message, &data);
}

typedef struct
{
  const char         *id;
  const char         *wa_id;
  PdwSimulatorStatus  status;
} AckData;

static void
fill_ack (JsonBuilder   *b,
          gconstpointer  user_data)
{
  /* SERVER, DEVICE, READ; ERROR for a number that is not on WhatsApp. */
  static const struct { int ack; const char *name; } acks[] = {
    { 1, "SERVER" }, { 2, "DEVICE" }, { 3, "READ" }, { -1, "ERROR" },
  };
  const AckData *data = user_data;
  g_autofree char *chat_id = g_strconcat (data->wa_id, CHAT_SUFFIX, NULL);

  _pdw_simulator_add_string (b, "id", data->id);
  _pdw_simulator_add_string (b, "from", chat_id);
  json_builder_set_member_name (b, "participant");
  json_builder_add_null_value (b);
  json_builder_set_member_name (b, "fromMe");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "ack");
  json_builder_add_int_value (b, acks[data->status].ack);
  _pdw_simulator_add_string (b, "ackName", acks[data->status].name);
}

static char *
waha_status_body (PdwSimulator       *self,
                  const char         *id,
                  const char         *wa_id,
                  PdwSimulatorStatus  status)
{
  AckData data = { id, wa_id, status };

  return envelope (self, "message.ack", fill_ack, &data);
}

static void
waha_add_headers (PdwSimulator       *self,
                  SoupMessageHeaders *headers,
                  GBytes             *body)
{
  g_autofree char *request_id = new_ulid (self, FALSE);
  g_autofree char *timestamp = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / 1000);

  soup_message_headers_replace (headers, "User-Agent", "WAHA/" VERSION);
  soup_message_headers_replace (headers, "X-Webhook-Request-Id", request_id);
  soup_message_headers_replace (headers, "X-Webhook-Timestamp", timestamp);
  if (self->hmac_key != NULL)
    {
      g_autoptr(GBytes) key = g_bytes_new (self->hmac_key, strlen (self->hmac_key));
      g_autofree char *hmac = g_compute_hmac_for_bytes (G_CHECKSUM_SHA512, key, body);

      soup_message_headers_replace (headers, "X-Webhook-Hmac", hmac);
      soup_message_headers_replace (headers, "X-Webhook-Hmac-Algorithm", "sha512");
    }
}

/* ---- The API ------------------------------------------------------------ */

/* NestJS's error bodies, as WAHA answers them. */
static void
reply_error (SoupServerMessage *msg,
             guint              status,
             const char        *message)
{
  g_autofree char *escaped = g_strescape (message, NULL);
  g_autofree char *json = g_strdup_printf ("{\"statusCode\":%u,\"message\":\"%s\",\"error\":\"%s\"}",
                                           status, escaped, soup_status_get_phrase (status));

  _pdw_simulator_reply_json (msg, status, json);
}

static gboolean
is_base64 (const char *data)
{
  if (data == NULL || data[0] == '\0')
    return FALSE;
  for (const char *p = data; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("+/=\r\n", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* The citizen's number in "<digits>@c.us", or NULL. */
static char *
chat_id_to_wa_id (const char *chat_id)
{
  gsize digits = chat_id != NULL ? strspn (chat_id, "0123456789") : 0;

  if (digits == 0 || g_strcmp0 (chat_id + digits, CHAT_SUFFIX) != 0)
    return NULL;
  return g_strndup (chat_id, digits);
}

/* What the citizen reads of a send, or NULL after answering @msg with the
 * error WAHA gives. */
static char *
read_send (PdwSimulator      *self,
           SoupServerMessage *msg,
           const char        *endpoint,
           JsonObject        *root)
{
  JsonNode *file_node;
  JsonObject *file;

  if (g_str_equal (endpoint, "sendText"))
    {
      const char *text = json_object_get_string_member_with_default (root, "text", NULL);

      if (text == NULL || text[0] == '\0')
        reply_error (msg, SOUP_STATUS_BAD_REQUEST, "text should not be empty");
      return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
    }

  /* sendImage, sendFile: the file inline, in base64. */
  file_node = json_object_get_member (root, "file");
  file = file_node != NULL && JSON_NODE_HOLDS_OBJECT (file_node) ? json_node_get_object (file_node) : NULL;
  if (file == NULL || json_object_get_string_member_with_default (file, "mimetype", NULL) == NULL ||
      !is_base64 (json_object_get_string_member_with_default (file, "data", NULL)))
    {
      reply_error (msg, SOUP_STATUS_BAD_REQUEST, "file must have mimetype and base64 data");
      return NULL;
    }
  if (g_str_equal (endpoint, "sendImage") &&
      !g_str_has_prefix (json_object_get_string_member (file, "mimetype"), "image/"))
    {
      reply_error (msg, SOUP_STATUS_BAD_REQUEST, "sendImage takes an image");
      return NULL;
    }

  return g_strdup (json_object_get_string_member_with_default (root, "caption", ""));
}

static void
handle_send (PdwSimulator      *self,
             SoupServerMessage *msg,
             const char        *endpoint)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GBytes) request = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *wa_id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  g_autofree char *json = NULL;
  const char *chat_id;
  const char *session;
  JsonObject *root;
  gsize size;
  gconstpointer data = g_bytes_get_data (request, &size);

  if (data == NULL || size == 0 || !json_parser_load_from_data (parser, data, (gssize) size, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      reply_error (msg, SOUP_STATUS_BAD_REQUEST, "Invalid JSON body");
      return;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  session = json_object_get_string_member_with_default (root, "session", "default");
  chat_id = json_object_get_string_member_with_default (root, "chatId", NULL);
  if (g_strcmp0 (session, self->account) != 0)
    {
      g_autofree char *message = g_strdup_printf ("Session \"%s\" does not exist", session);

      reply_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, message);
      return;
    }
  if ((wa_id = chat_id_to_wa_id (chat_id)) == NULL)
    {
      reply_error (msg, SOUP_STATUS_BAD_REQUEST, "chatId must be <digits>@c.us");
      return;
    }
  if ((text = read_send (self, msg, endpoint, root)) == NULL)
    return;

  id = _pdw_simulator_accept_reply (self, wa_id, text, NULL);

  /* The message as WEBJS answers it. */
  json_builder_begin_object (b);
  _pdw_simulator_add_string (b, "id", id);
  json_builder_set_member_name (b, "timestamp");
  json_builder_add_int_value (b, _pdw_simulator_now ());
  _pdw_simulator_add_string (b, "from", ME_ID);
  json_builder_set_member_name (b, "fromMe");
  json_builder_add_boolean_value (b, TRUE);
  _pdw_simulator_add_string (b, "to", chat_id);
  _pdw_simulator_add_string (b, "body", text);
  json_builder_set_member_name (b, "hasMedia");
  json_builder_add_boolean_value (b, !g_str_equal (endpoint, "sendText"));
  json_builder_set_member_name (b, "ack");
  json_builder_add_int_value (b, 0);
  json_builder_set_member_name (b, "_data");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "fromMe");
  json_builder_add_boolean_value (b, TRUE);
  _pdw_simulator_add_string (b, "remote", chat_id);
  _pdw_simulator_add_string (b, "id", strrchr (id, '_') + 1);
  _pdw_simulator_add_string (b, "_serialized", id);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json = _pdw_simulator_builder_to_string (b);
  _pdw_simulator_reply_json (msg, SOUP_STATUS_CREATED, json);
}

static void
handle_session (PdwSimulator      *self,
                SoupServerMessage *msg,
                const char        *name)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *json = NULL;

  if (g_strcmp0 (name, self->account) != 0)
    {
      g_autofree char *message = g_strdup_printf ("Session \"%s\" does not exist", name);

      reply_error (msg, SOUP_STATUS_NOT_FOUND, message);
      return;
    }

  json_builder_begin_object (b);
  _pdw_simulator_add_string (b, "name", self->account);
  /* Up once the script started (session.status WORKING was queued). */
  _pdw_simulator_add_string (b, "status", self->next_step > 0 || self->step_id != 0 ? "WORKING" : "STARTING");
  add_me (b);
  json_builder_set_member_name (b, "engine");
  json_builder_begin_object (b);
  _pdw_simulator_add_string (b, "engine", ENGINE);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json = _pdw_simulator_builder_to_string (b);
  _pdw_simulator_reply_json (msg, SOUP_STATUS_OK, json);
}

/* "/api/files/<message id>.<ext>" (newer WAHAs put the session before the
 * name): the file of a message it announced, or of the demo's history. */
static void
handle_file (PdwSimulator      *self,
             SoupServerMessage *msg,
             const char        *name)
{
  g_autofree char *stem = g_strndup (name, strrchr (name, '.') != NULL ? (gsize) (strrchr (name, '.') - name)
                                                                       : strlen (name));
  const char *media_id = g_hash_table_lookup (self->files, stem);
  g_autofree char *mime_type = NULL;
  g_autoptr(GBytes) bytes = _pdw_simulator_media_dup (media_id != NULL ? media_id : stem, &mime_type);

  if (bytes == NULL)
    {
      reply_error (msg, SOUP_STATUS_NOT_FOUND, "File not found");
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg), mime_type, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bytes);
}

static void
waha_handle_request (PdwSimulator      *self,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query)
{
  const char *method = soup_server_message_get_method (msg);
  const char *key = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "X-Api-Key");
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  guint n = g_strv_length (parts);

  if (!pdw_secure_str_equal (key, self->api_key))
    {
      _pdw_simulator_reply_json (msg, SOUP_STATUS_UNAUTHORIZED, "{\"message\":\"Unauthorized\",\"statusCode\":401}");
      return;
    }

  /* "", "api", ... */
  if (n == 3 && g_str_equal (parts[1], "api") && method == SOUP_METHOD_POST &&
      (g_str_equal (parts[2], "sendText") || g_str_equal (parts[2], "sendImage") ||
       g_str_equal (parts[2], "sendFile")))
    handle_send (self, msg, parts[2]);
  else if (n == 4 && g_str_equal (parts[1], "api") && g_str_equal (parts[2], "sessions") &&
           method == SOUP_METHOD_GET)
    handle_session (self, msg, parts[3]);
  else if (n >= 4 && g_str_equal (parts[1], "api") && g_str_equal (parts[2], "files") &&
           method == SOUP_METHOD_GET)
    handle_file (self, msg, parts[n - 1]);
  else
    {
      g_autofree char *message = g_strdup_printf ("Cannot %s %s", method, path);

      reply_error (msg, SOUP_STATUS_NOT_FOUND, message);
    }
}

const PdwSimulatorWire _pdw_simulator_wire_waha = {
  .name = "waha",
  .new_id = waha_new_id,
  .message_body = waha_message_body,
  .status_body = waha_status_body,
  .start = waha_start,
  .add_headers = waha_add_headers,
  .handle_request = waha_handle_request,
};
