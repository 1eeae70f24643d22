/* test-gateway-integration.c: the gateway service with a real store, a real
 * libsoup client posting webhooks to it on loopback, and a loopback
 * SoupServer standing in for the Graph API.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "core/pdw-send-error.h"
#include "gateway/pdw-gateway-service.h"
#include "gateway/pdw-graph-client.h"
#include "gateway/pdw-signature.h"
#include "gateway/pdw-webhook-server.h"
#include "pdw-test-gateway.h"
#include "pdw-test-util.h"

#define F1_WAMID     "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="

typedef PdwTestGateway Fixture;

/* ---- Setup ------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  pdw_test_gateway_set_up (f, "pandawa-gateway-XXXXXX");
  g_assert_true (pdw_gateway_service_get_listening (f->service));
  g_assert_cmpuint (pdw_gateway_service_get_port (f->service), >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pdw_test_gateway_tear_down (f);
}

/* ---- Webhook receiver ---------------------------------------------------- */

static void
test_handshake (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *body = NULL;
  g_autofree char *refused = NULL;

  g_assert_cmpuint (pdw_test_webhook_get (f->webhook, "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=" PDW_TEST_VERIFY_TOKEN,
                                   &body), ==, 200);
  g_assert_cmpstr (body, ==, "1158201444");
  g_assert_cmpuint (pdw_test_webhook_get (f->webhook, "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock",
                                   &refused), ==, 403);
  g_assert_cmpstr (refused, !=, "1158201444");
  g_assert_cmpuint (pdw_test_webhook_get (f->webhook, "hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=" PDW_TEST_VERIFY_TOKEN,
                                   NULL), ==, 403);
  g_assert_cmpuint (pdw_test_webhook_get (f->webhook, "hub.mode=subscribe&hub.challenge=1", NULL), ==, 403);
  g_assert_cmpuint (pdw_test_webhook_get (f->webhook, "", NULL), ==, 403);
}

static void
test_signed_post_stored_once (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GBytes) body = pdw_test_load_data ("cloud-f1-text.json");
  guint received = 0;

  g_signal_connect_swapped (f->service, "webhook-received", G_CALLBACK (g_atomic_int_inc), &received);

  g_assert_cmpuint (pdw_test_webhook_post_signed (f->webhook, body), ==, 200);
  g_assert_cmpuint (pdw_test_count_wamid (f->store, F1_WAMID), ==, 1);
  g_assert_cmpuint (received, ==, 1);

  /* Meta delivers at least once: the same delivery again is acknowledged
   * and not stored twice. */
  g_assert_cmpuint (pdw_test_webhook_post_signed (f->webhook, body), ==, 200);
  g_assert_cmpuint (pdw_test_count_wamid (f->store, F1_WAMID), ==, 1);
  g_assert_cmpuint (pdw_test_count_messages (f->store), ==, 1);
}

static void
test_bad_signature_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) body = pdw_test_load_data ("cloud-f1-text.json");
  g_autofree char *wrong = pdw_signature_compute (body, "another-secret");

  g_assert_cmpuint (pdw_test_webhook_post (f->webhook, body, wrong), ==, 401);
  g_assert_cmpuint (pdw_test_webhook_post (f->webhook, body, NULL), ==, 401);
  g_assert_cmpuint (pdw_test_webhook_post (f->webhook, body, "sha1=abc"), ==, 401);
  g_assert_cmpuint (pdw_test_count_messages (f->store), ==, 0);
}

static void
test_not_json (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) broken = pdw_test_load_data ("cloud-f1-broken-missing-comma.json");
  g_autoptr(GBytes) garbage = g_bytes_new_static ("\x00\x01not json", 10);

  g_assert_cmpuint (pdw_test_webhook_post_signed (f->webhook, broken), ==, 400);
  g_assert_cmpuint (pdw_test_webhook_post_signed (f->webhook, garbage), ==, 400);
  g_assert_cmpuint (pdw_test_count_messages (f->store), ==, 0);

  /* Still serving afterwards. */
  {
    g_autoptr(GBytes) good = pdw_test_load_data ("cloud-f1-text.json");

    g_assert_cmpuint (pdw_test_webhook_post_signed (f->webhook, good), ==, 200);
    g_assert_cmpuint (pdw_test_count_messages (f->store), ==, 1);
  }
}

static void
test_too_deep (Fixture       *f,
               gconstpointer  data)
{
  /* 100 000 levels overflowed json-glib's recursion and killed serve. */
  g_autoptr(GBytes) deep = pdw_test_nested_webhook (100000);
  g_autoptr(GBytes) good = pdw_test_load_data ("cloud-f1-text.json");

  g_assert_cmpuint (pdw_test_webhook_post_signed (f->webhook, deep), ==, 400);
  g_assert_cmpuint (pdw_test_count_messages (f->store), ==, 0);
  g_assert_cmpuint (pdw_test_webhook_post_signed (f->webhook, good), ==, 200);
  g_assert_cmpuint (pdw_test_count_wamid (f->store, F1_WAMID), ==, 1);
}

static void
test_batch_stored (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) body = pdw_test_load_data ("cloud-batch-mixed.json");

  g_assert_cmpuint (pdw_test_webhook_post_signed (f->webhook, body), ==, 200);
  /* Every message of the batch, unknown types included. */
  g_assert_cmpuint (pdw_test_count_messages (f->store), ==, 7);
  g_assert_cmpuint (pdw_test_count_wamid (f->store, "wamid.BATCH_M2"), ==, 1);
  g_assert_cmpuint (pdw_test_count_wamid (f->store, "wamid.BATCH_M7"), ==, 1);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  gsize size = PDW_WEBHOOK_MAX_BODY + 1024;
  char *big = g_malloc (size);
  g_autoptr(GBytes) body = NULL;

  memset (big, ' ', size);
  big[0] = '{';
  big[size - 1] = '}';
  body = g_bytes_new_take (big, size);
  g_assert_cmpuint (pdw_test_webhook_post_signed (f->webhook, body), ==, 413);
  g_assert_cmpuint (pdw_test_count_messages (f->store), ==, 0);
}

static GBytes *
build_large_text_webhook (gsize body_size)
{
  g_autofree char *filler = g_strnfill (body_size, 'a');

  return pdw_test_text_webhook_new ("6280000000901", "Uji Besar", "wamid.TEST_LARGE_1", 1767225600, filler);
}

static off_t
largest_file_in (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  off_t largest = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_stat (path, &st) == 0)
        largest = MAX (largest, st.st_size);
    }

  return largest;
}

static void
test_store_failure_answers_500 (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GBytes) body = build_large_text_webhook (1024 * 1024);
  struct rlimit saved;
  struct rlimit limited;
  char *last_error = NULL;

  /* A disk that is full for this process: no file may grow any more, so
   * the store's write fails as it would on a full disk. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = (rlim_t) largest_file_in (f->dir) + 4096;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);

  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "*Webhook not stored*");
  g_assert_cmpuint (pdw_test_webhook_post_signed (f->webhook, body), ==, 500);
  g_test_assert_expected_messages ();

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  g_object_get (f->service, "last-error", &last_error, NULL);
  g_assert_nonnull (last_error);
  g_free (last_error);
  g_assert_cmpuint (pdw_test_count_wamid (f->store, "wamid.TEST_LARGE_1"), ==, 0);

  /* Meta's retry, once there is room again, is stored: nothing was lost. */
  g_assert_cmpuint (pdw_test_webhook_post_signed (f->webhook, body), ==, 200);
  g_assert_cmpuint (pdw_test_count_wamid (f->store, "wamid.TEST_LARGE_1"), ==, 1);
}

/* ---- Sender and outbox ---------------------------------------------------- */

static gint64
ingest_f1_conversation (Fixture *f)
{
  g_autoptr(GBytes) body = pdw_test_load_data ("cloud-f1-text.json");
  g_autoptr(GPtrArray) conversations = NULL;

  g_assert_cmpuint (pdw_test_webhook_post_signed (f->webhook, body), ==, 200);
  conversations = pdw_store_list_conversations (f->store, NULL);
  g_assert_cmpuint (conversations->len, ==, 1);
  return pdw_conversation_get_id (g_ptr_array_index (conversations, 0));
}

static void
test_send_text (Fixture       *f,
                gconstpointer  data)
{
  gint64 conversation_id = ingest_f1_conversation (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwMessage) message = NULL;
  JsonObject *body;
  JsonObject *text;
  gint64 id;

  id = pdw_gateway_service_send_text (f->service, conversation_id, "Data bapak/ibu dapat aktif maksimal dalam waktu 2x24 jam.",
                                      "Petugas Uji", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* In the store before any network I/O. */
  g_assert_cmpint (pdw_test_message_status (f->store, id), ==, PDW_DELIVERY_QUEUED);

  SPIN_UNTIL (pdw_test_message_status (f->store, id) == PDW_DELIVERY_ACCEPTED);
  message = pdw_test_dup_message (f->store, id);
  g_assert_cmpstr (pdw_message_get_wamid (message), ==, "wamid.TEST_OUT_1");

  g_assert_cmpuint (f->graph->requests->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->graph->authorizations, 0), ==, "Bearer " PDW_TEST_ACCESS_TOKEN);
  body = pdw_fake_graph_get_request (f->graph, 0);
  g_assert_cmpstr (json_object_get_string_member (body, "messaging_product"), ==, "whatsapp");
  g_assert_cmpstr (json_object_get_string_member (body, "recipient_type"), ==, "individual");
  g_assert_cmpstr (json_object_get_string_member (body, "to"), ==, "+16505551234");
  g_assert_cmpstr (json_object_get_string_member (body, "type"), ==, "text");
  text = json_object_get_object_member (body, "text");
  g_assert_false (json_object_get_boolean_member (text, "preview_url"));
  g_assert_cmpstr (json_object_get_string_member (text, "body"), ==,
                   "Data bapak/ibu dapat aktif maksimal dalam waktu 2x24 jam.");
  g_assert_null (pdw_gateway_service_get_last_error (f->service));
}

static void
test_transient_error_retried (Fixture       *f,
                              gconstpointer  data)
{
  gint64 conversation_id = ingest_f1_conversation (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwMessage) message = NULL;
  gint64 id;

  pdw_fake_graph_push_error (f->graph, "{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\","
                                       "\"code\":130429,\"error_data\":{\"messaging_product\":\"whatsapp\","
                                       "\"details\":\"Cloud API message throughput has been reached.\"},"
                                       "\"error_subcode\":2494055,\"fbtrace_id\":\"Az8or2yhqkZfEZ-_4Qn_Bam\"}}");

  id = pdw_gateway_service_send_text (f->service, conversation_id, "mohon ditunggu", "Petugas Uji", &error);
  g_assert_no_error (error);

  SPIN_UNTIL (f->graph->requests->len == 1 && pdw_gateway_service_get_last_error (f->service) != NULL);
  g_assert_cmpint (pdw_test_message_status (f->store, id), ==, PDW_DELIVERY_QUEUED);
  g_assert_cmpint (pdw_outbox_get_last_error_code (pdw_gateway_service_get_outbox (f->service)), ==, 130429);
  /* The officer is told it goes again by itself. */
  g_assert_nonnull (strstr (pdw_gateway_service_get_last_error (f->service), "automatically"));

  /* The retry (after the rate limit's few seconds) succeeds. */
  SPIN_UNTIL (pdw_test_message_status (f->store, id) == PDW_DELIVERY_ACCEPTED);
  g_assert_cmpuint (f->graph->requests->len, ==, 2);
  message = pdw_test_dup_message (f->store, id);
  g_assert_cmpstr (pdw_message_get_wamid (message), ==, "wamid.TEST_OUT_1");
  g_assert_null (pdw_gateway_service_get_last_error (f->service));
}

static gboolean
message_is_due (Fixture *f,
                gint64   message_id,
                gint64   at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = pdw_store_list_due_outgoing (f->store, at, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < due->len; i++)
    {
      if (pdw_message_get_id (g_ptr_array_index (due, i)) == message_id)
        return TRUE;
    }
  return FALSE;
}

/* Attempts are counted by the store, so a reply that already failed twice
 * before the app was restarted waits 4^2 s after its third failure, not 1 s. */
static void
test_backoff_survives_restart (Fixture       *f,
                               gconstpointer  data)
{
  gint64 conversation_id = ingest_f1_conversation (f);
  g_autoptr(GError) error = NULL;
  gint64 id, failed_at;

  id = pdw_store_queue_outgoing_text (f->store, conversation_id, "mohon ditunggu", "Petugas Uji", &error);
  g_assert_no_error (error);
  for (int i = 0; i < 2; i++)
    {
      g_assert_true (pdw_store_mark_outgoing_attempt_failed (f->store, id, 130429, "Rate limit hit",
                                                             FALSE, 0, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (pdw_store_get_outgoing_attempts (f->store, id, NULL), ==, 2);

  pdw_fake_graph_push_error (f->graph, "{\"error\":{\"message\":\"(#130429) Rate limit hit\","
                                       "\"type\":\"OAuthException\",\"code\":130429}}");
  pdw_outbox_pump (pdw_gateway_service_get_outbox (f->service));
  SPIN_UNTIL (f->graph->requests->len == 1 && pdw_store_get_outgoing_attempts (f->store, id, NULL) == 3);
  failed_at = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpint (pdw_test_message_status (f->store, id), ==, PDW_DELIVERY_QUEUED);
  g_assert_false (message_is_due (f, id, failed_at + 10));
  g_assert_true (message_is_due (f, id, failed_at + 17));
}

static void
test_permanent_error_fails (Fixture       *f,
                            gconstpointer  data)
{
  gint64 conversation_id = ingest_f1_conversation (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwMessage) message = NULL;
  gint64 id;

  g_autofree char *expected = pdw_send_error_dup_explanation (368);

  pdw_fake_graph_push_error (f->graph, "{\"error\":{\"message\":\"Message describing the error\",\"type\":\"OAuthException\","
                                       "\"code\":368,\"error_subcode\":1390008,\"error_user_title\":\"A title\","
                                       "\"error_user_msg\":\"A message\",\"fbtrace_id\":\"EJplcsCHuLu\"}}");

  id = pdw_gateway_service_send_text (f->service, conversation_id, "balasan", "Petugas Uji", &error);
  g_assert_no_error (error);

  SPIN_UNTIL (pdw_test_message_status (f->store, id) == PDW_DELIVERY_FAILED);
  message = pdw_test_dup_message (f->store, id);
  g_assert_cmpint (pdw_message_get_error_code (message), ==, 368);
  g_assert_cmpstr (pdw_gateway_service_get_last_error (f->service), ==, expected);
  g_assert_cmpuint (f->graph->requests->len, ==, 1);
}

/* An expired token (190) loses nothing: the reply waits in the queue for
 * a new token, and the service says why. */
static void
test_expired_token_keeps_queued (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 conversation_id = ingest_f1_conversation (f);
  g_autoptr(GError) error = NULL;
  gint64 id;

  pdw_fake_graph_push_error (f->graph, "{\"error\":{\"message\":\"Error validating access token\","
                                       "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463}}");
  id = pdw_gateway_service_send_text (f->service, conversation_id, "balasan", "Petugas Uji", &error);
  g_assert_no_error (error);

  SPIN_UNTIL (pdw_outbox_get_last_error_code (pdw_gateway_service_get_outbox (f->service)) == 190);
  g_assert_cmpint (pdw_test_message_status (f->store, id), ==, PDW_DELIVERY_QUEUED);
  g_assert_nonnull (strstr (pdw_gateway_service_get_last_error (f->service), "token"));
  SPIN_UNTIL (pdw_test_message_status (f->store, id) == PDW_DELIVERY_ACCEPTED);
  g_assert_cmpuint (f->graph->requests->len, ==, 2);
}

static void
test_replies_in_order (Fixture       *f,
                       gconstpointer  data)
{
  gint64 conversation_id = ingest_f1_conversation (f);
  static const char * const texts[] = { "satu", "dua", "tiga" };
  gint64 ids[G_N_ELEMENTS (texts)];

  /* The first one fails transiently: the later ones must wait for it. */
  pdw_fake_graph_push_error (f->graph, "{\"error\":{\"message\":\"(#131056) Pair rate limit\",\"code\":131056}}");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;

      ids[i] = pdw_gateway_service_send_text (f->service, conversation_id, texts[i], "Petugas Uji", &error);
      g_assert_no_error (error);
      /* One request in flight per citizen at any time. */
      g_assert_cmpuint (pdw_outbox_get_n_in_flight (pdw_gateway_service_get_outbox (f->service)), <=, 1);
    }

  SPIN_UNTIL (pdw_test_message_status (f->store, ids[2]) == PDW_DELIVERY_ACCEPTED);
  g_assert_cmpuint (f->graph->requests->len, ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                   pdw_fake_graph_get_request (f->graph, 0), "text"), "body"), ==, "satu");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      JsonObject *body = pdw_fake_graph_get_request (f->graph, i + 1);
      g_autoptr(PdwMessage) message = pdw_test_dup_message (f->store, ids[i]);
      g_autofree char *wamid = g_strdup_printf ("wamid.TEST_OUT_%u", i + 1);

      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (body, "text"), "body"), ==, texts[i]);
      g_assert_cmpstr (pdw_message_get_wamid (message), ==, wamid);
    }
}

static void
test_error_classification (void)
{
  static const int transient[] = { 130429, 131056, 131000, 80007, 4, 190 };
  static const int permanent[] = { 0, 10, 200, 299, 131026, 131009, 131008, 368, 131031, 131047 };

  for (guint i = 0; i < G_N_ELEMENTS (transient); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (PDW_GRAPH_ERROR, transient[i], "x");
      g_assert_true (pdw_graph_error_is_transient (error));
    }
  for (guint i = 0; i < G_N_ELEMENTS (permanent); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (PDW_GRAPH_ERROR, permanent[i], "x");
      g_assert_false (pdw_graph_error_is_transient (error));
    }
  {
    g_autoptr(GError) refused = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, "x");
    g_autoptr(GError) server = g_error_new_literal (PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_SERVER, "x");

    g_assert_true (pdw_graph_error_is_transient (refused));
    g_assert_true (pdw_graph_error_is_transient (server));
  }

  g_assert_cmpuint (pdw_graph_backoff_seconds (1), ==, 1);
  g_assert_cmpuint (pdw_graph_backoff_seconds (2), ==, 4);
  g_assert_cmpuint (pdw_graph_backoff_seconds (3), ==, 16);
  g_assert_cmpuint (pdw_graph_backoff_seconds (5), ==, 256);
  g_assert_cmpuint (pdw_graph_backoff_seconds (6), ==, 900);
  g_assert_cmpuint (pdw_graph_backoff_seconds (40), ==, 900);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/gateway/integration/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("handshake", test_handshake);
  ADD ("signed-post-stored-once", test_signed_post_stored_once);
  ADD ("bad-signature-refused", test_bad_signature_refused);
  ADD ("not-json", test_not_json);
  ADD ("too-deep", test_too_deep);
  ADD ("batch-stored", test_batch_stored);
  ADD ("too-large", test_too_large);
  ADD ("store-failure-500", test_store_failure_answers_500);
  ADD ("send-text", test_send_text);
  ADD ("transient-error-retried", test_transient_error_retried);
  ADD ("backoff-survives-restart", test_backoff_survives_restart);
  ADD ("permanent-error-fails", test_permanent_error_fails);
  ADD ("expired-token-keeps-queued", test_expired_token_keeps_queued);
  ADD ("replies-in-order", test_replies_in_order);
  g_test_add_func ("/gateway/integration/error-classification", test_error_classification);

  return g_test_run ();
}
