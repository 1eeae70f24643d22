/* test-simulator-waha.c: the simulator plays a WAHA server.  A receiver
 * of the test's own takes its webhooks: the session going up, the
 * citizens' messages as WAHA's "message" events (signed with
 * X-Webhook-Hmac, HMAC-SHA512 of the raw body, when it has a key), their
 * files on its /api/files/, and message.ack 1, 2, 3 for a reply its API
 * accepted with the right X-Api-Key.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "demo/pdw-simulator.h"
#include "pdw-test-util.h"

#define API_KEY   "waha-test-key"
#define HMAC_KEY  "waha-test-hmac"
#define SESSION   "default"
#define CITIZEN   "6280000001001"   /* the script's first citizen */

typedef struct
{
  SoupMessageHeaders *headers;
  GBytes             *body;
  JsonNode           *root;
} Event;

typedef struct
{
  SoupServer   *receiver;
  SoupSession  *session;
  PdwSimulator *simulator;
  GPtrArray    *events;       /* Event, in the order they came */
  char         *api_url;
  guint         n_posted;     /* "message-posted" */
  GPtrArray    *replies;      /* ids of "reply-received" */
} Fixture;

static void
event_free (Event *event)
{
  soup_message_headers_unref (event->headers);
  g_bytes_unref (event->body);
  json_node_unref (event->root);
  g_free (event);
}

static void
webhook_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Fixture *f = user_data;
  Event *event = g_new0 (Event, 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (soup_server_message_get_method (msg) == SOUP_METHOD_POST);
  event->headers = soup_message_headers_ref (soup_server_message_get_request_headers (msg));
  event->body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  event->root = json_from_string (g_bytes_get_data (event->body, NULL), &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (event->root));
  g_ptr_array_add (f->events, event);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}

static void
message_posted_cb (PdwSimulator *simulator,
                   const char   *id,
                   const char   *wa_id,
                   const char   *type,
                   Fixture      *f)
{
  f->n_posted++;
}

static void
reply_received_cb (PdwSimulator *simulator,
                   const char   *id,
                   const char   *to,
                   const char   *text,
                   Fixture      *f)
{
  g_ptr_array_add (f->replies, g_strdup (id));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *webhook_url = NULL;
  const char *hmac_key = data;

  f->events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  f->replies = g_ptr_array_new_with_free_func (g_free);
  f->session = soup_session_new ();
  f->receiver = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->receiver, "/webhook", webhook_cb, f, NULL);
  soup_server_listen_local (f->receiver, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->receiver);
  webhook_url = g_strdup_printf ("http://127.0.0.1:%d/webhook", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  f->simulator = pdw_simulator_new_for_backend ("waha", webhook_url, hmac_key, API_KEY, SESSION);
  g_assert_cmpstr (pdw_simulator_get_backend (f->simulator), ==, "waha");
  pdw_simulator_set_speed (f->simulator, 40.0);
  g_signal_connect (f->simulator, "message-posted", G_CALLBACK (message_posted_cb), f);
  g_signal_connect (f->simulator, "reply-received", G_CALLBACK (reply_received_cb), f);
  pdw_simulator_listen (f->simulator, "127.0.0.1", 0, &error);
  g_assert_no_error (error);
  f->api_url = pdw_simulator_dup_api_url (f->simulator);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->simulator);
  soup_server_disconnect (f->receiver);
  g_clear_object (&f->receiver);
  g_clear_object (&f->session);
  g_ptr_array_unref (f->events);
  g_ptr_array_unref (f->replies);
  g_free (f->api_url);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GBytes **bytes = user_data;
  g_autoptr(GError) error = NULL;

  *bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);
}

/* Asks the simulated WAHA (async: it answers on this thread's loop). */
static GBytes *
request (Fixture    *f,
         const char *method,
         const char *path,
         const char *api_key,
         const char *json,
         guint      *status,
         char      **content_type)
{
  g_autofree char *url = g_str_has_prefix (path, "http") ? g_strdup (path) : g_strconcat (f->api_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  GBytes *bytes = NULL;

  if (api_key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Api-Key", api_key);
  if (json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }
  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, &bytes);
  SPIN_UNTIL (bytes != NULL);
  *status = soup_message_get_status (msg);
  if (content_type != NULL)
    *content_type = g_strdup (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL));
  return bytes;
}

static JsonObject *
event_object (Event *event)
{
  return json_node_get_object (event->root);
}

static JsonObject *
event_payload (Event *event)
{
  return json_object_get_object_member (event_object (event), "payload");
}

static const char *
event_name (Event *event)
{
  return json_object_get_string_member (event_object (event), "event");
}

/* WAHA's envelope and headers; the HMAC when @hmac_key is set, none
 * otherwise. */
static void
check_envelope (Event      *event,
                const char *hmac_key)
{
  JsonObject *root = event_object (event);
  const char *hmac = soup_message_headers_get_one (event->headers, "X-Webhook-Hmac");
  const char *timestamp = soup_message_headers_get_one (event->headers, "X-Webhook-Timestamp");
  gint64 now_ms = g_get_real_time () / 1000;

  g_assert_true (g_str_has_prefix (json_object_get_string_member (root, "id"), "evt_"));
  g_assert_cmpint (json_object_get_int_member (root, "timestamp"), >, now_ms - 60000);
  g_assert_cmpint (json_object_get_int_member (root, "timestamp"), <=, now_ms);
  g_assert_cmpstr (json_object_get_string_member (root, "session"), ==, SESSION);
  g_assert_cmpstr (json_object_get_string_member (root, "engine"), ==, "WEBJS");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (json_object_get_object_member (root, "me"), "id"),
                                   "@c.us"));
  g_assert_cmpuint (strlen (soup_message_headers_get_one (event->headers, "X-Webhook-Request-Id")), ==, 26);
  g_assert_nonnull (timestamp);
  g_assert_cmpint (g_ascii_strtoll (timestamp, NULL, 10), >, now_ms - 60000);

  if (hmac_key == NULL)
    {
      g_assert_null (hmac);
      g_assert_null (soup_message_headers_get_one (event->headers, "X-Webhook-Hmac-Algorithm"));
    }
  else
    {
      g_autoptr(GBytes) key = g_bytes_new_static (hmac_key, strlen (hmac_key));
      g_autofree char *expected = g_compute_hmac_for_bytes (G_CHECKSUM_SHA512, key, event->body);

      g_assert_cmpstr (hmac, ==, expected);
      g_assert_cmpuint (strlen (hmac), ==, 128);
      g_assert_cmpstr (soup_message_headers_get_one (event->headers, "X-Webhook-Hmac-Algorithm"), ==, "sha512");
    }
}

static guint
count_events (Fixture    *f,
              const char *name)
{
  guint n = 0;

  for (guint i = 0; i < f->events->len; i++)
    if (g_str_equal (event_name (g_ptr_array_index (f->events, i)), name))
      n++;
  return n;
}

static char *
sha256_base64 (GBytes *bytes)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;

  g_checksum_update (checksum, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_checksum_get_digest (checksum, digest, &len);
  return g_base64_encode (digest, len);
}

/* The file of a media message: on the simulator's /api/files/, behind the
 * key, with the bytes and type the event announced. */
static void
check_media (Fixture    *f,
             JsonObject *payload)
{
  JsonObject *media = json_object_get_object_member (payload, "media");
  const char *url = json_object_get_string_member (media, "url");
  g_autofree char *files_prefix = g_strconcat (f->api_url, "/api/files/", NULL);
  g_autofree char *content_type = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GBytes) refused = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint status = 0;

  g_assert_true (g_str_has_prefix (url, files_prefix));
  g_assert_nonnull (strstr (url, json_object_get_string_member (payload, "id")));

  refused = request (f, "GET", url, "wrong-key", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, SOUP_STATUS_UNAUTHORIZED);

  bytes = request (f, "GET", url, API_KEY, NULL, &status, &content_type);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (content_type, ==, json_object_get_string_member (media, "mimetype"));
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 100);
  if (g_str_equal (content_type, "image/png"))
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "\x89PNG", 4);
  else
    {
      g_assert_cmpstr (content_type, ==, "application/pdf");
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "%PDF", 4);
      g_assert_cmpstr (json_object_get_string_member (media, "filename"), ==, "surat_keterangan_bank.pdf");
    }
  sha256 = sha256_base64 (bytes);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (payload, "_data"), "filehash"),
                   ==, sha256);
}

static void
test_webhooks (Fixture       *f,
               gconstpointer  data)
{
  const char *hmac_key = data;
  guint n_messages = 0;
  guint n_media = 0;

  pdw_simulator_start (f->simulator);
  SPIN_UNTIL (f->n_posted == pdw_simulator_get_n_script_messages ());

  /* The session comes up before anyone writes. */
  g_assert_cmpuint (f->events->len, ==, 2 + pdw_simulator_get_n_script_messages ());
  g_assert_cmpstr (event_name (g_ptr_array_index (f->events, 0)), ==, "session.status");
  g_assert_cmpstr (json_object_get_string_member (event_payload (g_ptr_array_index (f->events, 0)), "status"),
                   ==, "STARTING");
  g_assert_cmpstr (event_name (g_ptr_array_index (f->events, 1)), ==, "session.status");
  g_assert_cmpstr (json_object_get_string_member (event_payload (g_ptr_array_index (f->events, 1)), "status"),
                   ==, "WORKING");
  g_assert_cmpstr (json_object_get_string_member (event_payload (g_ptr_array_index (f->events, 1)), "name"),
                   ==, SESSION);

  for (guint i = 0; i < f->events->len; i++)
    {
      Event *event = g_ptr_array_index (f->events, i);
      JsonObject *payload = event_payload (event);
      const char *id;
      const char *from;
      g_autofree char *id_prefix = NULL;

      check_envelope (event, hmac_key);
      if (i < 2)
        continue;

      g_assert_cmpstr (event_name (event), ==, "message");
      id = json_object_get_string_member (payload, "id");
      from = json_object_get_string_member (payload, "from");
      g_assert_true (g_str_has_suffix (from, "@c.us"));
      g_assert_cmpuint (strspn (from, "0123456789"), ==, strlen (from) - strlen ("@c.us"));
      /* "false_<digits>@c.us_<HEX>" */
      id_prefix = g_strdup_printf ("false_%s_", from);
      g_assert_true (g_str_has_prefix (id, id_prefix));
      g_assert_cmpuint (strspn (id + strlen (id_prefix), "0123456789ABCDEF"), ==, strlen (id + strlen (id_prefix)));
      g_assert_false (json_object_get_boolean_member (payload, "fromMe"));
      /* Seconds, where the envelope has milliseconds. */
      g_assert_cmpint (json_object_get_int_member (payload, "timestamp"), <=, g_get_real_time () / G_USEC_PER_SEC);
      g_assert_cmpint (json_object_get_int_member (payload, "timestamp"), >, g_get_real_time () / G_USEC_PER_SEC - 60);
      g_assert_true (json_object_has_member (payload, "body"));
      g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (payload, "_data"),
                                                       "notifyName"));
      n_messages++;

      if (json_object_get_boolean_member (payload, "hasMedia"))
        {
          check_media (f, payload);
          n_media++;
        }
      else
        g_assert_false (json_object_has_member (payload, "media"));
    }

  g_assert_cmpuint (n_messages, ==, pdw_simulator_get_n_script_messages ());
  /* The family card photo and the bank letter. */
  g_assert_cmpuint (n_media, ==, 2);

  /* The first message is the first citizen's greeting. */
  g_assert_cmpstr (json_object_get_string_member (event_payload (g_ptr_array_index (f->events, 2)), "from"),
                   ==, CITIZEN "@c.us");
  g_assert_cmpstr (json_object_get_string_member (event_payload (g_ptr_array_index (f->events, 2)), "body"),
                   ==, "assalamualaikum min");
}

/* The acks of @id, in the order they came. */
static GArray *
acks_of (Fixture    *f,
         const char *id)
{
  GArray *acks = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < f->events->len; i++)
    {
      Event *event = g_ptr_array_index (f->events, i);
      JsonObject *payload = event_payload (event);
      int ack;

      if (!g_str_equal (event_name (event), "message.ack") ||
          g_strcmp0 (json_object_get_string_member (payload, "id"), id) != 0)
        continue;

      g_assert_true (json_object_get_boolean_member (payload, "fromMe"));
      ack = (int) json_object_get_int_member (payload, "ack");
      g_assert_cmpstr (json_object_get_string_member (payload, "ackName"), ==,
                       ack == 1 ? "SERVER" : ack == 2 ? "DEVICE" : ack == 3 ? "READ" : "ERROR");
      g_array_append_val (acks, ack);
    }
  return acks;
}

static guint
n_acks (Fixture    *f,
        const char *id)
{
  g_autoptr(GArray) acks = acks_of (f, id);

  return acks->len;
}

static char *
send_id (GBytes *answer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (answer, NULL), &error);

  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (json_node_get_object (root), "id"));
}

static void
test_send_and_ack (Fixture       *f,
                   gconstpointer  data)
{
  const char *text_request = "{\"session\":\"" SESSION "\",\"chatId\":\"" CITIZEN "@c.us\","
                             "\"text\":\"Baik, data bapak kami proses.\"}";
  g_autoptr(GBytes) refused = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GBytes) file_answer = NULL;
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(GBytes) stranger_answer = NULL;
  g_autoptr(GBytes) session = NULL;
  g_autoptr(GArray) acks = NULL;
  g_autoptr(GArray) stranger_acks = NULL;
  g_autofree char *id = NULL;
  g_autofree char *file_id = NULL;
  g_autofree char *stranger_id = NULL;
  guint status = 0;

  pdw_simulator_start (f->simulator);

  /* Every call needs the key: without it, or with another, 401 and
   * nothing is sent. */
  refused = request (f, "POST", "/api/sendText", "not-the-key", text_request, &status, NULL);
  g_assert_cmpuint (status, ==, SOUP_STATUS_UNAUTHORIZED);
  g_clear_pointer (&refused, g_bytes_unref);
  refused = request (f, "POST", "/api/sendText", NULL, text_request, &status, NULL);
  g_assert_cmpuint (status, ==, SOUP_STATUS_UNAUTHORIZED);
  g_assert_cmpuint (f->replies->len, ==, 0);

  session = request (f, "GET", "/api/sessions/" SESSION, API_KEY, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (session, NULL), g_bytes_get_size (session), "\"WORKING\""));

  answer = request (f, "POST", "/api/sendText", API_KEY, text_request, &status, NULL);
  g_assert_cmpuint (status, ==, SOUP_STATUS_CREATED);
  id = send_id (answer);
  g_assert_true (g_str_has_prefix (id, "true_" CITIZEN "@c.us_"));
  g_assert_cmpuint (f->replies->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->replies, 0), ==, id);

  /* An attachment, inline in base64. */
  file_answer = request (f, "POST", "/api/sendFile", API_KEY,
                         "{\"session\":\"" SESSION "\",\"chatId\":\"" CITIZEN "@c.us\",\"file\":{"
                         "\"mimetype\":\"application/pdf\",\"filename\":\"formulir.pdf\",\"data\":\"JVBERi0xLjQK\"},"
                         "\"caption\":\"formulir\"}", &status, NULL);
  g_assert_cmpuint (status, ==, SOUP_STATUS_CREATED);
  file_id = send_id (file_answer);
  g_assert_cmpstr (file_id, !=, id);
  g_assert_cmpuint (f->replies->len, ==, 2);

  /* An image that is not one, and a session that does not exist. */
  bad = request (f, "POST", "/api/sendImage", API_KEY,
                 "{\"session\":\"" SESSION "\",\"chatId\":\"" CITIZEN "@c.us\",\"file\":{"
                 "\"mimetype\":\"application/pdf\",\"data\":\"JVBERi0xLjQK\"}}", &status, NULL);
  g_assert_cmpuint (status, ==, SOUP_STATUS_BAD_REQUEST);
  g_clear_pointer (&bad, g_bytes_unref);
  bad = request (f, "POST", "/api/sendText", API_KEY,
                 "{\"session\":\"other\",\"chatId\":\"" CITIZEN "@c.us\",\"text\":\"x\"}", &status, NULL);
  g_assert_cmpuint (status, ==, SOUP_STATUS_UNPROCESSABLE_ENTITY);
  g_assert_cmpuint (f->replies->len, ==, 2);

  /* A number nobody uses on WhatsApp: accepted, then ERROR. */
  stranger_answer = request (f, "POST", "/api/sendText", API_KEY,
                             "{\"session\":\"" SESSION "\",\"chatId\":\"6299999999999@c.us\",\"text\":\"halo\"}",
                             &status, NULL);
  g_assert_cmpuint (status, ==, SOUP_STATUS_CREATED);
  stranger_id = send_id (stranger_answer);

  /* SERVER, DEVICE, READ, in that order, once each. */
  SPIN_UNTIL (n_acks (f, id) == 3);
  acks = acks_of (f, id);
  g_assert_cmpint (g_array_index (acks, int, 0), ==, 1);
  g_assert_cmpint (g_array_index (acks, int, 1), ==, 2);
  g_assert_cmpint (g_array_index (acks, int, 2), ==, 3);
  SPIN_UNTIL (n_acks (f, stranger_id) == 1);
  stranger_acks = acks_of (f, stranger_id);
  g_assert_cmpint (g_array_index (stranger_acks, int, 0), ==, -1);

  for (guint i = 0; i < f->events->len; i++)
    check_envelope (g_ptr_array_index (f->events, i), data);
  g_assert_cmpuint (count_events (f, "session.status"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, key, func) \
  g_test_add ("/demo/simulator/waha/" path, Fixture, key, fixture_set_up, func, fixture_tear_down)

  ADD ("webhooks-signed", HMAC_KEY, test_webhooks);
  ADD ("webhooks-unsigned", NULL, test_webhooks);
  ADD ("send-and-ack", HMAC_KEY, test_send_and_ack);

  return g_test_run ();
}
