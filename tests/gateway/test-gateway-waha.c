/* test-gateway-waha.c: the gateway service with the WAHA backend: a real
 * store, WAHA's signed webhooks posted to it on loopback, and a fake WAHA
 * server (pdw-fake-waha.c) taking its replies and serving media.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "gateway/pdw-gateway-service.h"
#include "gateway/pdw-waha-client.h"
#include "store/pdw-store-media.h"
#include "pdw-fake-waha.h"
#include "pdw-test-gateway.h"
#include "pdw-test-serve.h"
#include "pdw-test-util.h"

#define CITIZEN      "6281234567890"
#define CITIZEN_CHAT CITIZEN "@c.us"

typedef struct
{
  PdwTestGateway     gw;
  guint              n_fetched;
  int                last_media_state;
} Fixture;

static void
fetch_finished_cb (PdwMediaFetcher *fetcher,
                   gint64           message_id,
                   int              state,
                   Fixture         *f)
{
  f->n_fetched++;
  f->last_media_state = state;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  pdw_test_gateway_set_up_waha (&f->gw, "pandawa-gateway-waha-XXXXXX");
  g_assert_true (PDW_IS_WAHA_CLIENT (pdw_gateway_service_get_backend (f->gw.service)));
  g_signal_connect (pdw_gateway_service_get_media_fetcher (f->gw.service), "fetch-finished",
                    G_CALLBACK (fetch_finished_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pdw_test_gateway_tear_down (&f->gw);
}

/* As WAHA posts it: signed with the session's HMAC key. */
static guint
post_signed (Fixture *f,
             GBytes  *body)
{
  g_autofree char *hmac = pdw_waha_client_compute_hmac (body, PDW_TEST_WAHA_HMAC_KEY);

  return pdw_test_webhook_post_with_header (f->gw.webhook, body, PDW_WAHA_HMAC_HEADER, hmac);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static GPtrArray *
list_messages (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 conversation_id = pdw_store_find_conversation_by_wa_id (f->gw.store, CITIZEN, &error);
  GPtrArray *messages;

  g_assert_no_error (error);
  g_assert_cmpint (conversation_id, >, 0);
  messages = pdw_store_list_messages (f->gw.store, conversation_id, &error);
  g_assert_no_error (error);
  return messages;
}

static gint64
ingest_citizen (Fixture    *f,
                const char *id)
{
  g_autoptr(GBytes) body = pdw_fake_waha_message_webhook (CITIZEN_CHAT, id, now_seconds (),
                                                          "Selamat pagi, KTP saya belum jadi", "Rina Marlina");
  g_autoptr(GError) error = NULL;
  gint64 conversation_id;

  g_assert_cmpuint (post_signed (f, body), ==, 200);
  conversation_id = pdw_store_find_conversation_by_wa_id (f->gw.store, CITIZEN, &error);
  g_assert_no_error (error);
  return conversation_id;
}

static void
test_message_stored (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) body = pdw_fake_waha_message_webhook (CITIZEN_CHAT, "false_" CITIZEN_CHAT "_3EB0C1",
                                                          now_seconds (), "Selamat pagi, KTP saya belum jadi",
                                                          "Rina Marlina");
  g_autofree char *wrong = pdw_waha_client_compute_hmac (body, "another-key");
  g_autoptr(GPtrArray) messages = NULL;
  PdwMessage *message;

  /* Signed with another key, or not at all: refused, even from here. */
  g_assert_cmpuint (pdw_test_webhook_post_with_header (f->gw.webhook, body, PDW_WAHA_HMAC_HEADER, wrong), ==, 401);
  g_assert_cmpuint (pdw_test_webhook_post_with_header (f->gw.webhook, body, NULL, NULL), ==, 401);
  g_assert_cmpuint (pdw_test_count_messages (f->gw.store), ==, 0);

  /* Acknowledged once stored: the 200 means it is in the database. */
  g_assert_cmpuint (post_signed (f, body), ==, 200);
  g_assert_cmpuint (pdw_test_count_wamid (f->gw.store, "false_" CITIZEN_CHAT "_3EB0C1"), ==, 1);
  messages = list_messages (f);
  g_assert_cmpuint (messages->len, ==, 1);
  message = g_ptr_array_index (messages, 0);
  g_assert_cmpstr (pdw_message_get_text (message), ==, "Selamat pagi, KTP saya belum jadi");
  g_assert_cmpint (pdw_message_get_direction (message), ==, PDW_DIRECTION_IN);

  /* WAHA retries: stored once. */
  g_assert_cmpuint (post_signed (f, body), ==, 200);
  g_assert_cmpuint (pdw_test_count_messages (f->gw.store), ==, 1);
}

static void
test_reply_and_ack (Fixture       *f,
                    gconstpointer  data)
{
  gint64 conversation_id = ingest_citizen (f, "false_" CITIZEN_CHAT "_3EB0C2");
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwMessage) sent = NULL;
  g_autoptr(GBytes) delivered = NULL;
  g_autoptr(GBytes) read = NULL;
  PdwFakeWahaRequest *request;
  gint64 id;

  id = pdw_gateway_service_send_text (f->gw.service, conversation_id, "KTP bapak/ibu sudah bisa diambil.",
                                      "Petugas Uji", &error);
  g_assert_no_error (error);
  SPIN_UNTIL (pdw_test_message_status (f->gw.store, id) == PDW_DELIVERY_ACCEPTED);
  pdw_test_drain_main_context ();

  g_assert_cmpuint (pdw_fake_waha_count (f->gw.waha, "/api/sendText"), ==, 1);
  request = pdw_fake_waha_get_request (f->gw.waha, f->gw.waha->requests->len - 1);
  g_assert_cmpstr (request->api_key, ==, PDW_TEST_WAHA_API_KEY);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (request->body), "chatId"), ==, CITIZEN_CHAT);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (request->body), "text"), ==,
                   "KTP bapak/ibu sudah bisa diambil.");
  sent = pdw_test_dup_message (f->gw.store, id);
  g_assert_cmpstr (pdw_message_get_wamid (sent), ==, pdw_fake_waha_get_sent_id (f->gw.waha, 1));

  /* WAHA's acks move it along: delivered, then read. */
  delivered = pdw_fake_waha_ack_webhook (pdw_fake_waha_get_sent_id (f->gw.waha, 1), 2);
  g_assert_cmpuint (post_signed (f, delivered), ==, 200);
  g_assert_cmpint (pdw_test_message_status (f->gw.store, id), ==, PDW_DELIVERY_DELIVERED);
  read = pdw_fake_waha_ack_webhook (pdw_fake_waha_get_sent_id (f->gw.waha, 1), 3);
  g_assert_cmpuint (post_signed (f, read), ==, 200);
  g_assert_cmpint (pdw_test_message_status (f->gw.store, id), ==, PDW_DELIVERY_READ);

  /* Sent once. */
  pdw_test_drain_main_context ();
  g_assert_cmpuint (pdw_fake_waha_count (f->gw.waha, "/api/sendText"), ==, 1);
}

/* A citizen known only by a hidden id: stored under it, answered to it. */
static void
test_hidden_id (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) body = pdw_fake_waha_message_webhook ("123456789012345@lid", "false_123456789012345@lid_3EB0C5",
                                                          now_seconds (), "Halo", NULL);
  g_autoptr(GError) error = NULL;
  PdwFakeWahaRequest *request;
  gint64 conversation_id;
  gint64 id;

  g_assert_cmpuint (post_signed (f, body), ==, 200);
  conversation_id = pdw_store_find_conversation_by_wa_id (f->gw.store, "123456789012345@lid", &error);
  g_assert_no_error (error);
  g_assert_cmpint (conversation_id, >, 0);

  id = pdw_gateway_service_send_text (f->gw.service, conversation_id, "Selamat siang", "Petugas Uji", &error);
  g_assert_no_error (error);
  SPIN_UNTIL (pdw_test_message_status (f->gw.store, id) == PDW_DELIVERY_ACCEPTED);
  request = pdw_fake_waha_get_request (f->gw.waha, f->gw.waha->requests->len - 1);
  g_assert_cmpstr (request->path, ==, "/api/sendText");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (request->body), "chatId"), ==,
                   "123456789012345@lid");
}

static void
test_media_downloaded (Fixture       *f,
                       gconstpointer  data)
{
  GString *photo = g_string_new ("\xff\xd8\xff\xe0 synthetic KK photo ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  const char *media_dir = pdw_media_fetcher_get_media_dir (pdw_gateway_service_get_media_fetcher (f->gw.service));
  g_autofree char *contents = NULL;
  gsize length = 0;
  PdwMessage *message;
  GStatBuf st;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (photo, "%u,", i);
  bytes = g_string_free_to_bytes (photo);
  pdw_fake_waha_add_file (f->gw.waha, "false_" CITIZEN_CHAT "_3EB0C3.jpeg", bytes, "image/jpeg");

  body = pdw_fake_waha_media_webhook (CITIZEN_CHAT, "false_" CITIZEN_CHAT "_3EB0C3", now_seconds (), "foto KK",
                                      "http://localhost:3000/api/files/false_" CITIZEN_CHAT "_3EB0C3.jpeg",
                                      "image/jpeg", NULL);
  g_assert_cmpuint (post_signed (f, body), ==, 200);
  SPIN_UNTIL (f->n_fetched == 1);
  g_assert_cmpint (f->last_media_state, ==, PDW_MEDIA_READY);

  messages = list_messages (f);
  g_assert_cmpuint (messages->len, ==, 1);
  message = g_ptr_array_index (messages, 0);
  g_assert_cmpstr (pdw_message_get_message_type (message), ==, "image");
  g_assert_cmpstr (pdw_message_get_text (message), ==, "foto KK");
  g_assert_cmpint (pdw_message_get_media_state (message), ==, PDW_MEDIA_READY);
  g_assert_cmpint (pdw_message_get_media_size (message), ==, g_bytes_get_size (bytes));
  g_assert_true (g_str_has_prefix (pdw_message_get_media_path (message), media_dir));
  g_assert_true (g_file_get_contents (pdw_message_get_media_path (message), &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpint (g_stat (pdw_message_get_media_path (message), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (pdw_fake_waha_count (f->gw.waha, "/api/files/false_" CITIZEN_CHAT "_3EB0C3.jpeg"), ==, 1);
}

/* A file WAHA no longer has fails the same way every time: one attempt,
 * the reason shown, and no more requests until the officer's Retry. */
static void
test_media_gone_waits_for_officer (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GBytes) body = pdw_fake_waha_media_webhook (CITIZEN_CHAT, "false_" CITIZEN_CHAT "_3EB0C5", now_seconds (),
                                                        "surat bank", "http://localhost:3000/api/files/gone.pdf",
                                                        "application/pdf", "surat.pdf");
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  PdwMessage *message;

  g_assert_cmpuint (post_signed (f, body), ==, 200);
  SPIN_UNTIL (f->n_fetched == 1);
  g_assert_cmpint (f->last_media_state, ==, PDW_MEDIA_PENDING);

  messages = list_messages (f);
  message = g_ptr_array_index (messages, 0);
  g_assert_cmpint (pdw_message_get_media_attempts (message), ==, 1);
  g_assert_nonnull (pdw_message_get_media_error (message));
  /* Not due again, not even in a day. */
  due = pdw_store_list_due_media (f->gw.store, now_seconds () + 24 * 3600, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);

  g_assert_true (pdw_gateway_service_retry_media (f->gw.service, pdw_message_get_id (message), &error));
  g_assert_no_error (error);
  SPIN_UNTIL (f->n_fetched == 2);
  g_assert_cmpuint (pdw_fake_waha_count (f->gw.waha, "/api/files/gone.pdf"), ==, 2);
}

/* WAHA did not download the file: the message is kept and says so. */
static void
test_media_not_downloaded (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GBytes) body = pdw_fake_waha_media_webhook (CITIZEN_CHAT, "false_" CITIZEN_CHAT "_3EB0C4", now_seconds (),
                                                        NULL, NULL, NULL, NULL);
  g_autoptr(GPtrArray) messages = NULL;
  PdwMessage *message;

  g_assert_cmpuint (post_signed (f, body), ==, 200);
  messages = list_messages (f);
  g_assert_cmpuint (messages->len, ==, 1);
  message = g_ptr_array_index (messages, 0);
  g_assert_cmpstr (pdw_message_get_message_type (message), ==, "unsupported");
  g_assert_cmpstr (pdw_message_get_text (message), ==, "[Media tidak diunduh oleh WAHA]");
  g_assert_cmpint (pdw_message_get_media_state (message), ==, PDW_MEDIA_NONE);
  pdw_test_drain_main_context ();
  g_assert_cmpuint (f->n_fetched, ==, 0);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *n)
{
  (*n)++;
}

static void
test_session_status (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) scan = pdw_fake_waha_session_webhook ("SCAN_QR_CODE");
  g_autoptr(GBytes) working = pdw_fake_waha_session_webhook ("WORKING");
  guint n_notify = 0;

  /* Asked at the start. */
  SPIN_UNTIL (pdw_gateway_service_get_session (f->gw.service) == PDW_GATEWAY_SESSION_WORKING);
  g_assert_cmpuint (pdw_fake_waha_count (f->gw.waha, "/api/sessions/default"), ==, 1);

  g_signal_connect (f->gw.service, "notify::session", G_CALLBACK (count_notify_cb), &n_notify);
  g_assert_cmpuint (post_signed (f, scan), ==, 200);
  g_assert_cmpint (pdw_gateway_service_get_session (f->gw.service), ==, PDW_GATEWAY_SESSION_SCAN_QR);
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_cmpuint (post_signed (f, working), ==, 200);
  g_assert_cmpint (pdw_gateway_service_get_session (f->gw.service), ==, PDW_GATEWAY_SESSION_WORKING);
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_cmpuint (pdw_test_count_messages (f->gw.store), ==, 0);
}

/* `pandawa-cli serve --backend waha`, as an office runs it: the session is
 * asked at the start, a signed message is stored, a reply queued by
 * `pandawa-cli send` reaches WAHA once with the key. */
static void
test_serve (void)
{
  g_autoptr(PdwFakeWaha) waha = pdw_fake_waha_new (PDW_TEST_WAHA_API_KEY);
  g_autoptr(PdwTestWebhook) webhook = NULL;
  g_autoptr(GBytes) body = pdw_fake_waha_message_webhook (CITIZEN_CHAT, "false_" CITIZEN_CHAT "_3EB0D1",
                                                          now_seconds (), "Apakah KK saya sudah jadi?", "Rina");
  g_autoptr(GSubprocess) send = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *url = NULL;
  g_autofree char *hmac = NULL;
  PdwTestServe serve = { 0 };
  PdwFakeWahaRequest *request;

  pdw_test_serve_init (&serve, "pandawa-serve-waha-XXXXXX");
  key_file = pdw_test_write_secret (serve.dir, "waha-api-key", PDW_TEST_WAHA_API_KEY);
  {
    const char * const args[] = {
      "--backend", "waha", "--waha-url", waha->url, "--waha-api-key-file", key_file, NULL
    };

    /* serve's app secret (--app-secret-file) is WAHA's HMAC key. */
    pdw_test_serve_start (&serve, 0, args);
  }
  SPIN_UNTIL (pdw_fake_waha_count (waha, "/api/sessions/default") == 1);
  g_assert_cmpstr (pdw_fake_waha_get_request (waha, 0)->api_key, ==, PDW_TEST_WAHA_API_KEY);

  url = g_strdup_printf ("http://127.0.0.1:%u/webhook", serve.port);
  webhook = pdw_test_webhook_new (url);
  g_assert_cmpuint (pdw_test_webhook_post_with_header (webhook, body, NULL, NULL), ==, 401);
  hmac = pdw_waha_client_compute_hmac (body, PDW_TEST_SERVE_SECRET);
  g_assert_cmpuint (pdw_test_webhook_post_with_header (webhook, body, PDW_WAHA_HMAC_HEADER, hmac), ==, 200);
  g_assert_cmpint (pdw_test_serve_query_int (&serve, "SELECT count(*) FROM messages WHERE wamid = 'false_"
                                                     CITIZEN_CHAT "_3EB0D1'"), ==, 1);

  send = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, pdw_test_program ("PANDAWA_CLI"), "send",
                           "--db", serve.db, "--to", CITIZEN, "--text", "KK bapak/ibu sudah jadi.", NULL);
  g_assert_no_error (error);
  /* It only writes to the database: nothing of this process to wait for. */
  g_subprocess_wait_check (send, NULL, &error);
  g_assert_no_error (error);

  SPIN_UNTIL (pdw_fake_waha_count (waha, "/api/sendText") == 1);
  request = pdw_fake_waha_get_request (waha, waha->requests->len - 1);
  g_assert_cmpstr (request->api_key, ==, PDW_TEST_WAHA_API_KEY);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (request->body), "chatId"), ==, CITIZEN_CHAT);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (request->body), "text"), ==,
                   "KK bapak/ibu sudah jadi.");

  pdw_test_serve_stop (&serve);
  g_assert_cmpuint (pdw_fake_waha_count (waha, "/api/sendText"), ==, 1);
  g_assert_cmpint (pdw_test_serve_query_int (&serve, "SELECT count(*) FROM messages WHERE wamid = '"
                                                     "true_" CITIZEN_CHAT "_OUT1'"), ==, 1);
  pdw_test_serve_clear (&serve);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/gateway/waha/service/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("message-stored", test_message_stored);
  ADD ("reply-and-ack", test_reply_and_ack);
  ADD ("hidden-id", test_hidden_id);
  ADD ("media-downloaded", test_media_downloaded);
  ADD ("media-gone-waits-for-officer", test_media_gone_waits_for_officer);
  ADD ("media-not-downloaded", test_media_not_downloaded);
  ADD ("session-status", test_session_status);

#undef ADD

  g_test_add_func ("/gateway/waha/serve", test_serve);

  return g_test_run ();
}
