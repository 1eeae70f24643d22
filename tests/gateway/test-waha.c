/* test-waha.c: the WAHA backend on its own: its webhook signature and
 * events (research/whatsapp.md §2.3, §2.4), and its requests to a fake
 * WAHA server on loopback (pdw-fake-waha.c).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/pdw-send-error.h"
#include "gateway/pdw-graph-client.h"
#include "gateway/pdw-waha-client.h"
#include "gateway/pdw-webhook-parser.h"
#include "pdw-fake-waha.h"
#include "pdw-test-util.h"

/* research §2.3, verbatim from WAHA's documentation. */
#define VECTOR_BODY "{\"event\":\"message\",\"session\":\"default\",\"engine\":\"WEBJS\"}"
#define VECTOR_KEY  "my-secret-key"
#define VECTOR_HMAC "208f8a55dde9e05519e898b10b89bf0d0b3b0fdf11fdbf09b6b90476301b98d8" \
                    "097c462b2b17a6ce93b6b47a136cf2e78a33a63f6752c2c1631777076153fa89"

static PdwGatewayBackend *
new_backend (const char *url,
             const char *api_key,
             const char *hmac_key)
{
  g_autoptr(PdwGatewayConfig) config = pdw_gateway_config_new ();
  g_autoptr(GError) error = NULL;
  PdwGatewayBackend *backend;

  g_free (config->backend);
  config->backend = g_strdup ("waha");
  g_free (config->waha_url);
  config->waha_url = g_strdup (url);
  config->waha_api_key = g_strdup (api_key);
  config->app_secret = g_strdup (hmac_key);

  backend = pdw_gateway_backend_new_for_config (config, &error);
  g_assert_no_error (error);
  g_assert_true (PDW_IS_WAHA_CLIENT (backend));
  return backend;
}

/* ---- Signature ------------------------------------------------------------ */

static gboolean
verify (PdwGatewayBackend  *backend,
        GBytes             *body,
        const char         *hmac,
        const char         *algorithm,
        gboolean            from_loopback,
        GError            **error)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);

  if (hmac != NULL)
    soup_message_headers_replace (headers, PDW_WAHA_HMAC_HEADER, hmac);
  if (algorithm != NULL)
    soup_message_headers_replace (headers, PDW_WAHA_HMAC_ALGORITHM_HEADER, algorithm);
  return pdw_gateway_backend_verify_webhook (backend, headers, body, from_loopback, error);
}

static void
test_hmac_vector (void)
{
  g_autoptr(GBytes) body = g_bytes_new_static (VECTOR_BODY, strlen (VECTOR_BODY));
  g_autoptr(GBytes) other = g_bytes_new_static (VECTOR_BODY " ", strlen (VECTOR_BODY) + 1);
  g_autoptr(PdwGatewayBackend) backend = new_backend ("http://127.0.0.1:1", NULL, VECTOR_KEY);
  g_autofree char *hmac = pdw_waha_client_compute_hmac (body, VECTOR_KEY);
  g_autofree char *upper = g_ascii_strup (VECTOR_HMAC, -1);
  g_autofree char *wrong_key = pdw_waha_client_compute_hmac (body, "another-key");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (hmac, ==, VECTOR_HMAC);
  g_assert_true (verify (backend, body, VECTOR_HMAC, "sha512", FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (verify (backend, body, VECTOR_HMAC, NULL, FALSE, &error));
  g_assert_true (verify (backend, body, upper, "SHA512", FALSE, &error));
  g_assert_no_error (error);

  /* The MAC of another body, by another key, of another algorithm. */
  g_assert_false (verify (backend, other, VECTOR_HMAC, "sha512", FALSE, &error));
  g_assert_error (error, PDW_GATEWAY_BACKEND_ERROR, PDW_GATEWAY_BACKEND_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);
  g_assert_false (verify (backend, body, wrong_key, "sha512", TRUE, &error));
  g_assert_error (error, PDW_GATEWAY_BACKEND_ERROR, PDW_GATEWAY_BACKEND_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);
  g_assert_false (verify (backend, body, VECTOR_HMAC, "sha256", FALSE, &error));
  g_assert_error (error, PDW_GATEWAY_BACKEND_ERROR, PDW_GATEWAY_BACKEND_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);
  g_assert_false (verify (backend, body, "208f8a55", "sha512", FALSE, &error));
  g_assert_error (error, PDW_GATEWAY_BACKEND_ERROR, PDW_GATEWAY_BACKEND_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);

  /* With a key, unsigned is refused even from this machine. */
  g_assert_false (verify (backend, body, NULL, NULL, TRUE, &error));
  g_assert_error (error, PDW_GATEWAY_BACKEND_ERROR, PDW_GATEWAY_BACKEND_ERROR_UNSIGNED);
}

static void
test_unsigned (void)
{
  g_autoptr(GBytes) body = g_bytes_new_static (VECTOR_BODY, strlen (VECTOR_BODY));
  g_autoptr(PdwGatewayBackend) backend = new_backend ("http://127.0.0.1:1", NULL, NULL);
  g_autoptr(GError) error = NULL;

  /* No key: WAHA beside PANDAWA on this machine only. */
  g_assert_true (verify (backend, body, NULL, NULL, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (verify (backend, body, NULL, NULL, FALSE, &error));
  g_assert_error (error, PDW_GATEWAY_BACKEND_ERROR, PDW_GATEWAY_BACKEND_ERROR_UNSIGNED);
  g_clear_error (&error);
  g_assert_false (verify (backend, body, VECTOR_HMAC, "sha512", FALSE, &error));
  g_assert_error (error, PDW_GATEWAY_BACKEND_ERROR, PDW_GATEWAY_BACKEND_ERROR_UNSIGNED);
}

/* ---- Events --------------------------------------------------------------- */

typedef struct
{
  GPtrArray         *messages;
  GPtrArray         *statuses;
  PdwGatewaySession  session;
} Parsed;

static void
parsed_clear (Parsed *parsed)
{
  g_clear_pointer (&parsed->messages, g_ptr_array_unref);
  g_clear_pointer (&parsed->statuses, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parsed, parsed_clear)

static void
parse (GBytes *body,
       Parsed *parsed)
{
  g_autoptr(PdwGatewayBackend) backend = new_backend ("http://127.0.0.1:1", NULL, NULL);
  g_autoptr(GError) error = NULL;

  parsed_clear (parsed);
  g_assert_true (pdw_gateway_backend_parse_webhook (backend, body, &parsed->messages, &parsed->statuses,
                                                    &parsed->session, &error));
  g_assert_no_error (error);
}

static PdwInboundMessage *
parse_one (GBytes *body,
           Parsed *parsed)
{
  parse (body, parsed);
  g_assert_cmpuint (parsed->messages->len, ==, 1);
  g_assert_cmpuint (parsed->statuses->len, ==, 0);
  return g_ptr_array_index (parsed->messages, 0);
}

static void
test_fixture_envelope (void)
{
  g_autoptr(GBytes) body = pdw_test_load_data ("waha-envelope-message.json");
  g_auto(Parsed) parsed = { 0 };
  PdwInboundMessage *message = parse_one (body, &parsed);

  g_assert_cmpstr (message->wamid, ==, "false_6281234567890@c.us_AC6BDE1E1C0C59172EAC3392E0210D28");
  g_assert_cmpstr (message->wa_id, ==, "6281234567890");
  g_assert_cmpstr (message->profile_name, ==, "Rina Marlina");
  g_assert_cmpint (message->timestamp, ==, 1764353245);
  g_assert_cmpstr (message->type, ==, "text");
  g_assert_cmpstr (message->text, ==, "Selamat pagi, KTP saya belum jadi");
  g_assert_null (message->media_id);
  g_assert_cmpint (parsed.session, ==, PDW_GATEWAY_SESSION_UNKNOWN);
}

static void
test_fixture_text (void)
{
  g_autoptr(GBytes) mine = pdw_test_load_data ("waha-message-fromme.json");
  g_autoptr(GBytes) body = pdw_test_load_data ("waha-message-text.json");
  g_auto(Parsed) parsed = { 0 };
  PdwInboundMessage *message;

  /* The documentation's own example is the office's message: not a citizen's. */
  parse (mine, &parsed);
  g_assert_cmpuint (parsed.messages->len, ==, 0);
  g_assert_cmpuint (parsed.statuses->len, ==, 0);

  message = parse_one (body, &parsed);
  g_assert_cmpstr (message->wamid, ==, "false_11111111111@c.us_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  g_assert_cmpstr (message->wa_id, ==, "11111111111");
  g_assert_cmpstr (message->profile_name, ==, "MyName");
  g_assert_cmpint (message->timestamp, ==, 1667561485);
  g_assert_cmpstr (message->type, ==, "text");
  g_assert_cmpstr (message->text, ==, "Hi there!");
}

static void
test_fixture_media (void)
{
  g_autoptr(GBytes) body = pdw_test_load_data ("waha-message-media.json");
  g_auto(Parsed) parsed = { 0 };
  PdwInboundMessage *message = parse_one (body, &parsed);

  g_assert_cmpstr (message->type, ==, "image");
  g_assert_cmpstr (message->text, ==, "Check this out (caption for the media)!");
  g_assert_cmpstr (message->media_id, ==,
                   "http://localhost:3000/api/files/true_11111111111@c.us_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.jpg");
  g_assert_cmpstr (message->media_mime_type, ==, "image/jpeg");
  g_assert_null (message->media_filename);
  g_assert_null (message->media_sha256);
  g_assert_nonnull (message->raw_json);
}

static void
test_media_types (void)
{
  static const struct
  {
    const char *mime_type;
    const char *type;
  } cases[] = {
    { "image/jpeg", "image" },
    { "image/webp", "image" },
    { "audio/ogg; codecs=opus", "audio" },
    { "video/mp4", "video" },
    { "application/pdf", "document" },
    { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = pdw_fake_waha_media_webhook ("6281234567890@c.us", "false_m", 1764353245, NULL,
                                                            "http://localhost:3000/api/files/f.bin",
                                                            cases[i].mime_type, "surat.pdf");
      g_auto(Parsed) parsed = { 0 };
      PdwInboundMessage *message = parse_one (body, &parsed);

      g_assert_cmpstr (message->type, ==, cases[i].type);
      g_assert_cmpstr (message->media_mime_type, ==, cases[i].mime_type);
      g_assert_cmpstr (message->media_filename, ==, "surat.pdf");
      g_assert_null (message->text);
    }
}

/* hasMedia with media null (WAHA told not to download) or media.error: the
 * message is kept, and says why there is no file. */
static void
test_media_not_downloaded (void)
{
  g_autoptr(GBytes) none = pdw_fake_waha_media_webhook ("6281234567890@c.us", "false_n1", 1764353245,
                                                        "foto KK", NULL, NULL, NULL);
  const char *failed_json = "{\"event\":\"message\",\"session\":\"default\",\"payload\":{\"id\":\"false_n2\","
                            "\"timestamp\":1764353245,\"from\":\"6281234567890@c.us\",\"hasMedia\":true,"
                            "\"media\":{\"url\":null,\"mimetype\":\"image/jpeg\",\"error\":{\"message\":\"boom\"}}}}";
  g_autoptr(GBytes) failed = g_bytes_new_static (failed_json, strlen (failed_json));
  g_auto(Parsed) parsed = { 0 };
  PdwInboundMessage *message = parse_one (none, &parsed);

  g_assert_cmpstr (message->type, ==, "unsupported");
  g_assert_null (message->media_id);
  g_assert_cmpstr (message->text, ==, "[Media tidak diunduh oleh WAHA]\nfoto KK");
  g_assert_nonnull (message->error_title);

  message = parse_one (failed, &parsed);
  g_assert_cmpstr (message->wamid, ==, "false_n2");
  g_assert_cmpstr (message->type, ==, "unsupported");
  g_assert_null (message->media_id);
  g_assert_cmpstr (message->text, ==, "[Media tidak diunduh oleh WAHA]");
}

static void
test_senders (void)
{
  static const struct
  {
    const char *from;
    const char *wa_id;   /* NULL: not a citizen, ignored */
  } cases[] = {
    { "6281234567890@c.us", "6281234567890" },
    { "6281234567890@s.whatsapp.net", "6281234567890" },
    { "123456789012345@lid", "123456789012345@lid" },
    { "120363012345678901@g.us", NULL },
    { "120363012345678901@newsletter", NULL },
    { "status@broadcast", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = pdw_fake_waha_message_webhook (cases[i].from, "false_x", 1764353245, "halo", NULL);
      g_auto(Parsed) parsed = { 0 };

      parse (body, &parsed);
      if (cases[i].wa_id == NULL)
        {
          g_assert_cmpuint (parsed.messages->len, ==, 0);
          continue;
        }
      g_assert_cmpuint (parsed.messages->len, ==, 1);
      g_assert_cmpstr (((PdwInboundMessage *) g_ptr_array_index (parsed.messages, 0))->wa_id, ==, cases[i].wa_id);
    }
}

static void
test_acks (void)
{
  static const struct
  {
    int               ack;
    PdwDeliveryStatus status;   /* NONE: ignored */
  } cases[] = {
    { -1, PDW_DELIVERY_FAILED },
    { 0, PDW_DELIVERY_NONE },
    { 1, PDW_DELIVERY_SENT },
    { 2, PDW_DELIVERY_DELIVERED },
    { 3, PDW_DELIVERY_READ },
    { 4, PDW_DELIVERY_READ },
    { 7, PDW_DELIVERY_NONE },
  };
  g_autoptr(GBytes) fixture = pdw_test_load_data ("waha-message-ack.json");
  const char *theirs_json = "{\"event\":\"message.ack\",\"session\":\"default\",\"payload\":"
                            "{\"id\":\"false_6281234567890@c.us_AB\",\"fromMe\":false,\"ack\":3}}";
  g_autoptr(GBytes) theirs = g_bytes_new_static (theirs_json, strlen (theirs_json));
  g_auto(Parsed) parsed = { 0 };
  PdwStatusUpdate *update;

  parse (fixture, &parsed);
  g_assert_cmpuint (parsed.messages->len, ==, 0);
  g_assert_cmpuint (parsed.statuses->len, ==, 1);
  update = g_ptr_array_index (parsed.statuses, 0);
  g_assert_cmpstr (update->wamid, ==, "true_11111111111@c.us_4CC5EDD64BC22EBA6D639F2AF571346C");
  g_assert_cmpint (update->status, ==, PDW_DELIVERY_READ);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = pdw_fake_waha_ack_webhook ("true_6281234567890@c.us_OUT1", cases[i].ack);

      parse (body, &parsed);
      g_assert_cmpuint (parsed.messages->len, ==, 0);
      if (cases[i].status == PDW_DELIVERY_NONE)
        {
          g_assert_cmpuint (parsed.statuses->len, ==, 0);
          continue;
        }
      g_assert_cmpuint (parsed.statuses->len, ==, 1);
      update = g_ptr_array_index (parsed.statuses, 0);
      g_assert_cmpstr (update->wamid, ==, "true_6281234567890@c.us_OUT1");
      g_assert_cmpint (update->status, ==, cases[i].status);
    }

  /* The citizen's messages have no delivery state of ours. */
  parse (theirs, &parsed);
  g_assert_cmpuint (parsed.statuses->len, ==, 0);
}

static void
test_session_status (void)
{
  static const struct
  {
    const char        *status;
    PdwGatewaySession  session;
  } cases[] = {
    { "WORKING", PDW_GATEWAY_SESSION_WORKING },
    { "SCAN_QR_CODE", PDW_GATEWAY_SESSION_SCAN_QR },
    { "STARTING", PDW_GATEWAY_SESSION_STARTING },
    { "STOPPED", PDW_GATEWAY_SESSION_STOPPED },
    { "FAILED", PDW_GATEWAY_SESSION_FAILED },
    { "PASSKEY_REQUIRED", PDW_GATEWAY_SESSION_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = pdw_fake_waha_session_webhook (cases[i].status);
      g_auto(Parsed) parsed = { 0 };

      parse (body, &parsed);
      g_assert_cmpint (parsed.session, ==, cases[i].session);
      g_assert_cmpuint (parsed.messages->len, ==, 0);
      g_assert_cmpuint (parsed.statuses->len, ==, 0);
    }
}

/* A WAHA with several sessions posting to one desk: only the configured
 * session's state is this desk's. */
static void
test_other_session (void)
{
  const char *json = "{\"event\":\"session.status\",\"session\":\"another-office\","
                     "\"payload\":{\"status\":\"FAILED\"}}";
  g_autoptr(GBytes) body = g_bytes_new_static (json, strlen (json));
  g_auto(Parsed) parsed = { 0 };

  parse (body, &parsed);
  g_assert_cmpint (parsed.session, ==, PDW_GATEWAY_SESSION_UNKNOWN);
}

static void
test_other_events (void)
{
  const char *json = "{\"event\":\"presence.update\",\"session\":\"default\",\"payload\":{\"id\":\"x@c.us\"},"
                     "\"future\":[1,2,{\"a\":null}]}";
  g_autoptr(GBytes) body = g_bytes_new_static (json, strlen (json));
  g_auto(Parsed) parsed = { 0 };

  parse (body, &parsed);
  g_assert_cmpuint (parsed.messages->len, ==, 0);
  g_assert_cmpuint (parsed.statuses->len, ==, 0);
  g_assert_cmpint (parsed.session, ==, PDW_GATEWAY_SESSION_UNKNOWN);
}

static void
test_refused_bodies (void)
{
  static const char * const invalid[] = {
    "", "not json", "[1,2]", "\"message\"", "{\"session\":\"default\",\"payload\":{}}",
    "{\"event\":42}", "{\"event\":\"message\",",
  };
  g_autoptr(PdwGatewayBackend) backend = new_backend ("http://127.0.0.1:1", NULL, NULL);
  g_autoptr(GBytes) deep = pdw_test_nested_webhook (PDW_WEBHOOK_MAX_DEPTH * 1000);
  g_autoptr(GError) error = NULL;
  GPtrArray *messages = NULL;
  GPtrArray *statuses = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new_static (invalid[i], strlen (invalid[i]));

      g_assert_false (pdw_gateway_backend_parse_webhook (backend, body, &messages, &statuses, NULL, &error));
      g_assert_error (error, PDW_WEBHOOK_ERROR, PDW_WEBHOOK_ERROR_INVALID_JSON);
      g_clear_error (&error);
    }

  /* Refused before json-glib recurses into it. */
  g_assert_false (pdw_gateway_backend_parse_webhook (backend, deep, &messages, &statuses, NULL, &error));
  g_assert_error (error, PDW_WEBHOOK_ERROR, PDW_WEBHOOK_ERROR_TOO_DEEP);
  g_assert_null (messages);
  g_assert_null (statuses);
}

/* A \u0000 and a lone surrogate do not cut or corrupt the stored text. */
static void
test_hostile_text (void)
{
  const char *json = "{\"event\":\"message\",\"session\":\"default\",\"payload\":{\"id\":\"false_h\","
                     "\"timestamp\":1764353245,\"from\":\"6281234567890@c.us\",\"fromMe\":false,"
                     "\"body\":\"NIK saya\\u0000 ada\\ud800 di sini\",\"hasMedia\":false}}";
  g_autoptr(GBytes) body = g_bytes_new_static (json, strlen (json));
  g_auto(Parsed) parsed = { 0 };
  PdwInboundMessage *message = parse_one (body, &parsed);

  g_assert_cmpstr (message->text, ==, "NIK saya\xef\xbf\xbd ada\xef\xbf\xbd di sini");
  g_assert_true (g_utf8_validate (message->text, -1, NULL));
}

/* ---- Requests to WAHA ----------------------------------------------------- */

typedef struct
{
  GAsyncResult *async_result;
  char     *id;
  GError   *error;
  PdwGatewaySession session;
  char     *mime_type;
  char     *sha256;
  gint64    size;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->id, g_free);
  g_clear_error (&result->error);
  g_clear_pointer (&result->mime_type, g_free);
  g_clear_pointer (&result->sha256, g_free);
  g_clear_object (&result->async_result);
}

/* Keeps the result for the test to finish once the main loop gave it. */
static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ((Result *) user_data)->async_result = g_object_ref (result);
}

static void
send (PdwGatewayBackend *backend,
      const char        *wa_id,
      PdwMessage        *message,
      Result            *result)
{
  result_clear (result);
  pdw_gateway_backend_send_async (backend, wa_id, message, NULL, done_cb, result);
  SPIN_UNTIL (result->async_result != NULL);
  result->id = pdw_gateway_backend_send_finish (backend, result->async_result, &result->error);
}

static PdwMessage *
new_message (const char *type,
             const char *text)
{
  return g_object_new (PDW_TYPE_MESSAGE, "message-type", type, "text", text,
                       "direction", PDW_DIRECTION_OUT, NULL);
}

static void
test_send_text (void)
{
  g_autoptr(PdwFakeWaha) waha = pdw_fake_waha_new (PDW_TEST_WAHA_API_KEY);
  g_autoptr(PdwGatewayBackend) backend = new_backend (waha->url, PDW_TEST_WAHA_API_KEY, NULL);
  g_autoptr(PdwMessage) text = new_message ("text", "Data bapak/ibu sudah aktif.");
  g_autoptr(PdwMessage) template = new_message ("template", "Bapak/Ibu Rina, balasan kami: ...");
  PdwFakeWahaRequest *request;
  JsonObject *body;
  Result result = { 0 };

  g_assert_cmpstr (pdw_gateway_backend_get_name (backend), ==, "waha");
  g_assert_cmpstr (pdw_gateway_backend_get_source (backend), ==, "waha");
  g_assert_false (pdw_gateway_backend_has_service_window (backend));
  g_assert_true (pdw_gateway_backend_has_url (backend));

  send (backend, "6281234567890", text, &result);
  g_assert_no_error (result.error);
  g_assert_cmpstr (result.id, ==, "true_6281234567890@c.us_OUT1");
  request = pdw_fake_waha_get_request (waha, 0);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpstr (request->path, ==, "/api/sendText");
  g_assert_cmpstr (request->api_key, ==, PDW_TEST_WAHA_API_KEY);
  body = json_node_get_object (request->body);
  g_assert_cmpuint (json_object_get_size (body), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (body, "session"), ==, "default");
  g_assert_cmpstr (json_object_get_string_member (body, "chatId"), ==, "6281234567890@c.us");
  g_assert_cmpstr (json_object_get_string_member (body, "text"), ==, "Data bapak/ibu sudah aktif.");

  /* A hidden "@lid" id as it is; a template as its text. */
  send (backend, "123456789012345@lid", template, &result);
  g_assert_no_error (result.error);
  g_assert_cmpstr (result.id, ==, "true_123456789012345@lid_OUT2");
  body = json_node_get_object (pdw_fake_waha_get_request (waha, 1)->body);
  g_assert_cmpstr (json_object_get_string_member (body, "chatId"), ==, "123456789012345@lid");
  g_assert_cmpstr (json_object_get_string_member (body, "text"), ==, "Bapak/Ibu Rina, balasan kami: ...");

  /* Nobody to send to: no request. */
  send (backend, NULL, text, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_NO_RECIPIENT);
  send (backend, "", text, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_NO_RECIPIENT);
  g_assert_cmpuint (waha->requests->len, ==, 2);
  result_clear (&result);
}

static void
test_send_without_key (void)
{
  g_autoptr(PdwFakeWaha) waha = pdw_fake_waha_new (NULL);
  g_autoptr(PdwGatewayBackend) backend = new_backend (waha->url, NULL, NULL);
  g_autoptr(PdwMessage) text = new_message ("text", "halo");
  Result result = { 0 };

  send (backend, "6281234567890", text, &result);
  g_assert_no_error (result.error);
  g_assert_null (pdw_fake_waha_get_request (waha, 0)->api_key);
  result_clear (&result);
}

static char *
write_file (const char *dir,
            const char *name,
            GBytes     *bytes)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

static void
test_send_attachments (void)
{
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0xff, 0xd9 };
  g_autoptr(GBytes) photo = g_bytes_new_static (jpeg, sizeof jpeg);
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  g_autoptr(PdwFakeWaha) waha = pdw_fake_waha_new (PDW_TEST_WAHA_API_KEY);
  g_autoptr(PdwGatewayBackend) backend = new_backend (waha->url, PDW_TEST_WAHA_API_KEY, NULL);
  g_autofree char *dir = g_dir_make_tmp ("pandawa-waha-XXXXXX", NULL);
  g_autofree char *photo_path = write_file (dir, "kk.jpg", photo);
  g_autofree char *pdf_path = write_file (dir, "formulir.pdf", pdf);
  g_autofree char *expected_photo = g_base64_encode (jpeg, sizeof jpeg);
  g_autofree char *expected_pdf = g_base64_encode (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  g_autoptr(PdwMessage) image = g_object_new (PDW_TYPE_MESSAGE, "message-type", "image", "text", "Contoh KK",
                                              "media-path", photo_path, "media-mime-type", "image/jpeg",
                                              "direction", PDW_DIRECTION_OUT, NULL);
  g_autoptr(PdwMessage) document = g_object_new (PDW_TYPE_MESSAGE, "message-type", "document",
                                                 "media-path", pdf_path, "media-mime-type", "application/pdf",
                                                 "media-filename", "Formulir F-1.01.pdf",
                                                 "direction", PDW_DIRECTION_OUT, NULL);
  g_autoptr(PdwMessage) missing = g_object_new (PDW_TYPE_MESSAGE, "message-type", "document",
                                                "media-path", "/nonexistent/file.pdf",
                                                "media-mime-type", "application/pdf",
                                                "direction", PDW_DIRECTION_OUT, NULL);
  PdwFakeWahaRequest *request;
  JsonObject *body;
  JsonObject *file;
  Result result = { 0 };

  send (backend, "6281234567890", image, &result);
  g_assert_no_error (result.error);
  g_assert_cmpstr (result.id, ==, "true_6281234567890@c.us_OUT1");
  request = pdw_fake_waha_get_request (waha, 0);
  g_assert_cmpstr (request->path, ==, "/api/sendImage");
  g_assert_cmpstr (request->api_key, ==, PDW_TEST_WAHA_API_KEY);
  body = json_node_get_object (request->body);
  g_assert_cmpstr (json_object_get_string_member (body, "session"), ==, "default");
  g_assert_cmpstr (json_object_get_string_member (body, "chatId"), ==, "6281234567890@c.us");
  g_assert_cmpstr (json_object_get_string_member (body, "caption"), ==, "Contoh KK");
  file = json_object_get_object_member (body, "file");
  g_assert_cmpstr (json_object_get_string_member (file, "mimetype"), ==, "image/jpeg");
  g_assert_cmpstr (json_object_get_string_member (file, "filename"), ==, "kk.jpg");
  g_assert_cmpstr (json_object_get_string_member (file, "data"), ==, expected_photo);

  send (backend, "6281234567890", document, &result);
  g_assert_no_error (result.error);
  request = pdw_fake_waha_get_request (waha, 1);
  g_assert_cmpstr (request->path, ==, "/api/sendFile");
  body = json_node_get_object (request->body);
  g_assert_false (json_object_has_member (body, "caption"));
  file = json_object_get_object_member (body, "file");
  g_assert_cmpstr (json_object_get_string_member (file, "mimetype"), ==, "application/pdf");
  g_assert_cmpstr (json_object_get_string_member (file, "filename"), ==, "Formulir F-1.01.pdf");
  g_assert_cmpstr (json_object_get_string_member (file, "data"), ==, expected_pdf);

  /* The file is gone: nothing is sent. */
  send (backend, "6281234567890", missing, &result);
  g_assert_error (result.error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_cmpuint (waha->requests->len, ==, 2);

  result_clear (&result);
  pdw_test_remove_tree (dir);
}

static void
test_send_errors (void)
{
  g_autoptr(PdwFakeWaha) waha = pdw_fake_waha_new (PDW_TEST_WAHA_API_KEY);
  g_autoptr(PdwGatewayBackend) backend = new_backend (waha->url, PDW_TEST_WAHA_API_KEY, NULL);
  g_autoptr(PdwGatewayBackend) wrong_key = new_backend (waha->url, "not-the-key", NULL);
  g_autoptr(PdwGatewayBackend) no_key = new_backend (waha->url, NULL, NULL);
  g_autoptr(PdwMessage) text = new_message ("text", "halo");
  g_autofree char *explanation = NULL;
  Result result = { 0 };

  /* A wrong or missing key: the officer is told to fix it in the settings. */
  send (wrong_key, "6281234567890", text, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_WAHA_API_KEY);
  g_assert_cmpint (pdw_graph_error_get_code (result.error), ==, PDW_SEND_ERROR_WAHA_API_KEY);
  g_assert_false (pdw_graph_error_is_transient (result.error));
  g_assert_cmpint (pdw_send_error_get_action (PDW_SEND_ERROR_WAHA_API_KEY), ==, PDW_SEND_ACTION_OPEN_SETTINGS);
  explanation = pdw_graph_error_dup_officer_text (result.error);
  g_assert_nonnull (strstr (explanation, "WAHA API key"));
  send (no_key, "6281234567890", text, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_WAHA_API_KEY);
  g_assert_cmpstr (pdw_fake_waha_get_request (waha, 0)->api_key, ==, "not-the-key");
  g_assert_null (pdw_fake_waha_get_request (waha, 1)->api_key);

  /* WAHA's own failure: retried by the outbox. */
  pdw_fake_waha_push_response (waha, 500, NULL, "{\"statusCode\":500,\"exception\":{\"message\":\"2 UNKNOWN\"}}");
  send (backend, "6281234567890", text, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_SERVER);
  g_assert_true (pdw_graph_error_is_transient (result.error));
  g_assert_nonnull (strstr (result.error->message, "2 UNKNOWN"));

  /* Too many: the wait WAHA asked for. */
  pdw_fake_waha_push_response (waha, 429, "37", NULL);
  send (backend, "6281234567890", text, &result);
  g_assert_true (pdw_graph_error_is_transient (result.error));
  g_assert_cmpuint (pdw_graph_error_get_retry_after (result.error), ==, 37);

  /* The phone is not linked yet: the message waits. */
  pdw_fake_waha_push_response (waha, 422, NULL,
                               "{\"error\":\"Session status is not as expected. Try again later or restart the session\","
                               "\"session\":\"default\",\"status\":\"SCAN_QR_CODE\",\"expected\":[\"WORKING\"]}");
  send (backend, "6281234567890", text, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_WAHA_NOT_READY);
  g_assert_true (pdw_graph_error_is_transient (result.error));

  /* Refused as such: the officer decides, with WAHA's reason. */
  pdw_fake_waha_push_response (waha, 400, NULL,
                               "{\"statusCode\":400,\"message\":[\"chatId must be a string\"],\"error\":\"Bad Request\"}");
  send (backend, "6281234567890", text, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_HTTP);
  g_assert_false (pdw_graph_error_is_transient (result.error));
  g_assert_nonnull (strstr (result.error->message, "chatId must be a string"));
  pdw_fake_waha_push_response (waha, 422, NULL, "{\"statusCode\":422,\"message\":\"Invalid file\"}");
  send (backend, "6281234567890", text, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_HTTP);
  g_assert_nonnull (strstr (result.error->message, "Invalid file"));

  /* No such session, or no WAHA route at all (a wrong URL). */
  pdw_fake_waha_push_response (waha, 404, NULL,
                               "{\"statusCode\":404,\"message\":\"We didn't find a session with name 'kantor'.\"}");
  send (backend, "6281234567890", text, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_WAHA_SESSION);
  g_assert_false (pdw_graph_error_is_transient (result.error));
  pdw_fake_waha_push_response (waha, 404, NULL, "{\"statusCode\":404,\"message\":\"Cannot POST /api/sendText\"}");
  send (backend, "6281234567890", text, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_HTTP);

  /* Accepted, but no id to follow its acks by. */
  pdw_fake_waha_push_response (waha, 201, NULL, "{\"ok\":true}");
  send (backend, "6281234567890", text, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_BAD_RESPONSE);

  /* No WAHA at that address. */
  {
    g_autoptr(PdwGatewayBackend) nowhere = new_backend ("http://127.0.0.1:1", NULL, NULL);

    send (nowhere, "6281234567890", text, &result);
    g_assert_nonnull (result.error);
    g_assert_cmpint (pdw_graph_error_get_code (result.error), ==, PDW_SEND_ERROR_NETWORK);
    g_assert_true (pdw_graph_error_is_transient (result.error));
  }
  result_clear (&result);
}

/* A WAHA that takes the request and never answers: given up after the
 * configured timeout, and retried by the outbox. */
static void
test_send_timeout (void)
{
  g_autoptr(PdwFakeWaha) waha = pdw_fake_waha_new (NULL);
  g_autoptr(PdwGatewayBackend) backend = new_backend (waha->url, NULL, NULL);
  g_autoptr(PdwGatewayConfig) config = pdw_gateway_config_new ();
  g_autoptr(PdwMessage) text = new_message ("text", "halo");
  Result result = { 0 };
  gint64 start;

  g_free (config->waha_url);
  config->waha_url = g_strdup (waha->url);
  config->request_timeout = 1;
  pdw_gateway_backend_set_config (backend, config);
  pdw_fake_waha_push_response (waha, G_MAXUINT, NULL, NULL);

  start = g_get_monotonic_time ();
  send (backend, "6281234567890", text, &result);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_true (pdw_graph_error_is_transient (result.error));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
  g_assert_cmpuint (pdw_fake_waha_count (waha, "/api/sendText"), ==, 1);
  result_clear (&result);
}

/* Each engine answers its own message object (research §2.2). */
static void
test_sent_id_shapes (void)
{
  static const struct
  {
    const char *json;
    const char *id;
  } cases[] = {
    /* GOWS */
    { "{\"id\":\"true_6281234567890@c.us_3EB0A1\",\"_data\":{}}", "true_6281234567890@c.us_3EB0A1" },
    /* WEBJS */
    { "{\"id\":{\"fromMe\":true,\"remote\":\"6281234567890@c.us\",\"id\":\"3EB0A2\","
      "\"_serialized\":\"true_6281234567890@c.us_3EB0A2\"}}", "true_6281234567890@c.us_3EB0A2" },
    /* NOWEB (Baileys) */
    { "{\"key\":{\"remoteJid\":\"6281234567890@s.whatsapp.net\",\"fromMe\":true,\"id\":\"BAE5A3\"},"
      "\"message\":{\"extendedTextMessage\":{\"text\":\"halo\"}},\"status\":\"PENDING\"}",
      "true_6281234567890@c.us_BAE5A3" },
    { "{\"_data\":{\"id\":{\"_serialized\":\"true_6281234567890@c.us_3EB0A4\"}}}", "true_6281234567890@c.us_3EB0A4" },
  };
  g_autoptr(PdwFakeWaha) waha = pdw_fake_waha_new (NULL);
  g_autoptr(PdwGatewayBackend) backend = new_backend (waha->url, NULL, NULL);
  g_autoptr(PdwMessage) text = new_message ("text", "halo");
  Result result = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      pdw_fake_waha_push_response (waha, i % 2 == 0 ? 201 : 200, NULL, cases[i].json);
      send (backend, "6281234567890", text, &result);
      g_assert_no_error (result.error);
      g_assert_cmpstr (result.id, ==, cases[i].id);
    }
  result_clear (&result);
}

static void
fetch (PdwGatewayBackend *backend,
       const char        *media_url,
       const char        *dest_path,
       Result            *result)
{
  g_autoptr(PdwMessage) message = g_object_new (PDW_TYPE_MESSAGE, "message-type", "image", "media-id", media_url,
                                                "media-mime-type", "image/jpeg", NULL);

  result_clear (result);
  pdw_gateway_backend_fetch_media_async (backend, message, dest_path, NULL, done_cb, result);
  SPIN_UNTIL (result->async_result != NULL);
  pdw_gateway_backend_fetch_media_finish (backend, result->async_result, &result->mime_type, &result->sha256,
                                          &result->size, &result->error);
}

static void
test_fetch_media (void)
{
  static const char photo[] = "\xff\xd8\xff\xe0 a photo of a KK \xff\xd9";
  g_autoptr(GBytes) bytes = g_bytes_new_static (photo, sizeof photo - 1);
  g_autoptr(PdwFakeWaha) waha = pdw_fake_waha_new (PDW_TEST_WAHA_API_KEY);
  /* Stands for any other host a forged webhook could name. */
  g_autoptr(PdwFakeWaha) foreign = pdw_fake_waha_new (NULL);
  g_autoptr(PdwGatewayBackend) backend = new_backend (waha->url, PDW_TEST_WAHA_API_KEY, NULL);
  g_autofree char *dir = g_dir_make_tmp ("pandawa-waha-XXXXXX", NULL);
  g_autofree char *dest = g_build_filename (dir, "media.part", NULL);
  g_autofree char *foreign_url = g_strconcat (foreign->url, "/api/files/kk.jpg", NULL);
  g_autofree char *elsewhere = g_strconcat (foreign->url, "/steal", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;
  Result result = { 0 };

  pdw_fake_waha_add_file (waha, "true_6281234567890@c.us_3EB0.jpg", bytes, "image/jpeg");
  pdw_fake_waha_add_file (waha, "kk.jpg", bytes, "image/png");
  pdw_fake_waha_add_file (foreign, "kk.jpg", bytes, "image/jpeg");

  /* The webhook names WAHA as it sees itself: only the path is taken. */
  fetch (backend, "http://localhost:3000/api/files/true_6281234567890@c.us_3EB0.jpg", dest, &result);
  g_assert_no_error (result.error);
  g_assert_cmpstr (result.mime_type, ==, "image/jpeg");
  g_assert_null (result.sha256);
  g_assert_cmpint (result.size, ==, sizeof photo - 1);
  g_assert_true (g_file_get_contents (dest, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, photo, sizeof photo - 1);
  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpstr (pdw_fake_waha_get_request (waha, 0)->path, ==, "/api/files/true_6281234567890@c.us_3EB0.jpg");
  g_assert_cmpstr (pdw_fake_waha_get_request (waha, 0)->api_key, ==, PDW_TEST_WAHA_API_KEY);

  /* Another host with a files path: fetched from the configured WAHA,
   * with its key, never from that host. */
  fetch (backend, foreign_url, dest, &result);
  g_assert_no_error (result.error);
  g_assert_cmpstr (result.mime_type, ==, "image/png");
  g_assert_cmpuint (pdw_fake_waha_count (waha, "/api/files/kk.jpg"), ==, 1);

  /* No type in the answer: the webhook's. */
  pdw_fake_waha_add_file (waha, "untyped", bytes, NULL);
  fetch (backend, "http://localhost:3000/api/files/untyped", dest, &result);
  g_assert_no_error (result.error);
  g_assert_cmpstr (result.mime_type, ==, "image/jpeg");

  /* Anything but WAHA's files is refused without a request. */
  fetch (backend, elsewhere, dest, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, 131052);
  fetch (backend, "http://localhost:3000/api/files/../sessions/default", dest, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, 131052);
  fetch (backend, "http://localhost:3000/api/files/%2e%2e/sessions", dest, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, 131052);
  fetch (backend, "not a url", dest, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, 131052);
  g_assert_cmpuint (foreign->requests->len, ==, 0);
  g_assert_cmpuint (waha->requests->len, ==, 3);

  /* Gone from WAHA. */
  fetch (backend, "http://localhost:3000/api/files/expired.jpg", dest, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, 131052);

  result_clear (&result);
  pdw_test_remove_tree (dir);
}

static void
probe (PdwGatewayBackend *backend,
       Result            *result)
{
  result_clear (result);
  pdw_gateway_backend_probe_async (backend, NULL, done_cb, result);
  SPIN_UNTIL (result->async_result != NULL);
  result->session = pdw_gateway_backend_probe_finish (backend, result->async_result, &result->error);
}

static void
test_probe (void)
{
  g_autoptr(PdwFakeWaha) waha = pdw_fake_waha_new (PDW_TEST_WAHA_API_KEY);
  g_autoptr(PdwGatewayBackend) backend = new_backend (waha->url, PDW_TEST_WAHA_API_KEY, NULL);
  g_autoptr(PdwGatewayBackend) wrong_key = new_backend (waha->url, "nope", NULL);
  g_autoptr(PdwGatewayConfig) config = pdw_gateway_config_new ();
  Result result = { 0 };

  probe (backend, &result);
  g_assert_no_error (result.error);
  g_assert_cmpint (result.session, ==, PDW_GATEWAY_SESSION_WORKING);
  g_assert_cmpstr (pdw_fake_waha_get_request (waha, 0)->path, ==, "/api/sessions/default");
  g_assert_cmpstr (pdw_fake_waha_get_request (waha, 0)->api_key, ==, PDW_TEST_WAHA_API_KEY);

  g_free (waha->session_status);
  waha->session_status = g_strdup ("SCAN_QR_CODE");
  probe (backend, &result);
  g_assert_no_error (result.error);
  g_assert_cmpint (result.session, ==, PDW_GATEWAY_SESSION_SCAN_QR);

  probe (wrong_key, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_WAHA_API_KEY);

  /* Another session name: it does not exist on that WAHA. */
  g_free (config->waha_url);
  config->waha_url = g_strdup (waha->url);
  config->waha_api_key = g_strdup (PDW_TEST_WAHA_API_KEY);
  g_free (config->waha_session);
  config->waha_session = g_strdup ("kantor dukcapil");
  pdw_gateway_backend_set_config (backend, config);
  probe (backend, &result);
  g_assert_error (result.error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_WAHA_SESSION);
  g_assert_cmpint (pdw_send_error_get_action (PDW_SEND_ERROR_WAHA_SESSION), ==, PDW_SEND_ACTION_OPEN_SETTINGS);
  g_assert_cmpstr (pdw_fake_waha_get_request (waha, 3)->path, ==, "/api/sessions/kantor dukcapil");
  result_clear (&result);
}

static void
test_chat_id (void)
{
  g_autofree char *digits = pdw_waha_client_dup_chat_id ("6281234567890");
  g_autofree char *plus = pdw_waha_client_dup_chat_id ("+6281234567890");
  g_autofree char *lid = pdw_waha_client_dup_chat_id ("123456789012345@lid");

  g_assert_cmpstr (digits, ==, "6281234567890@c.us");
  g_assert_cmpstr (plus, ==, "6281234567890@c.us");
  g_assert_cmpstr (lid, ==, "123456789012345@lid");
  g_assert_null (pdw_waha_client_dup_chat_id (NULL));
  g_assert_null (pdw_waha_client_dup_chat_id (""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gateway/waha/hmac-vector", test_hmac_vector);
  g_test_add_func ("/gateway/waha/unsigned", test_unsigned);
  g_test_add_func ("/gateway/waha/fixture-envelope", test_fixture_envelope);
  g_test_add_func ("/gateway/waha/fixture-text", test_fixture_text);
  g_test_add_func ("/gateway/waha/fixture-media", test_fixture_media);
  g_test_add_func ("/gateway/waha/media-types", test_media_types);
  g_test_add_func ("/gateway/waha/media-not-downloaded", test_media_not_downloaded);
  g_test_add_func ("/gateway/waha/senders", test_senders);
  g_test_add_func ("/gateway/waha/acks", test_acks);
  g_test_add_func ("/gateway/waha/session-status", test_session_status);
  g_test_add_func ("/gateway/waha/other-session", test_other_session);
  g_test_add_func ("/gateway/waha/other-events", test_other_events);
  g_test_add_func ("/gateway/waha/refused-bodies", test_refused_bodies);
  g_test_add_func ("/gateway/waha/hostile-text", test_hostile_text);
  g_test_add_func ("/gateway/waha/chat-id", test_chat_id);
  g_test_add_func ("/gateway/waha/send-text", test_send_text);
  g_test_add_func ("/gateway/waha/send-without-key", test_send_without_key);
  g_test_add_func ("/gateway/waha/send-attachments", test_send_attachments);
  g_test_add_func ("/gateway/waha/send-errors", test_send_errors);
  g_test_add_func ("/gateway/waha/send-timeout", test_send_timeout);
  g_test_add_func ("/gateway/waha/sent-id-shapes", test_sent_id_shapes);
  g_test_add_func ("/gateway/waha/fetch-media", test_fetch_media);
  g_test_add_func ("/gateway/waha/probe", test_probe);

  return g_test_run ();
}
