/* test-ingest-worker.c: webhooks stored on the ingest worker's thread,
 * with a real libsoup client posting to the gateway on loopback and a
 * database in a temporary file: bursts, the main loop kept free, change
 * signals on the main thread, store failures, stopping with deliveries in
 * flight.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>

#include "gateway/pdw-ingest-worker.h"
#include "gateway/pdw-signature.h"
#include "pdw-test-gateway.h"
#include "pdw-test-util.h"

#define BURST 48
#define BURST_REPEATED 12   /* the first ones, delivered twice */

typedef struct
{
  PdwTestGateway  gateway;
  GThread        *main_thread;
  SoupSession    *session;
  guint           posted;
  guint           answered;
  guint           acknowledged;   /* 200 */
  guint           refused;        /* 500 */
  guint           lost;           /* no answer: the connection closed */
  guint           conversation_signals;
  guint           message_signals;
  guint           signals_off_main;
  guint           webhooks_received;
  guint           new_messages;
} Fixture;

/* ---- Posting ----------------------------------------------------------------- */

static GBytes *
text_webhook_new (guint n)
{
  g_autofree char *wa_id = g_strdup_printf ("6281200%05u", n % 7);
  g_autofree char *wamid = g_strdup_printf ("wamid.WORKER%05u", n);

  return pdw_test_text_webhook_new (wa_id, "Warga Uji", wamid, 1767225600 + n, "Berkas saya sudah sampai mana?");
}

static void
posted_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) reply = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  guint status;

  f->answered++;
  if (reply == NULL)
    {
      g_test_message ("no answer: %s", error->message);
      f->lost++;
      return;
    }

  status = soup_message_get_status (soup_session_get_async_result_message (SOUP_SESSION (object), result));
  if (status == SOUP_STATUS_OK)
    f->acknowledged++;
  else if (status == SOUP_STATUS_INTERNAL_SERVER_ERROR)
    f->refused++;
  else
    g_error ("Unexpected answer %u", status);
}

/* Posts without waiting for the answer. */
static void
post_async_cancellable (Fixture      *f,
                        GBytes       *body,
                        GCancellable *cancellable)
{
  g_autofree char *url = pdw_gateway_service_dup_webhook_url (f->gateway.service);
  g_autofree char *signature = pdw_signature_compute (body, PDW_TEST_APP_SECRET);
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_POST, url);

  soup_message_headers_replace (soup_message_get_request_headers (msg), PDW_SIGNATURE_HEADER, signature);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  f->posted++;
  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, cancellable, posted_cb, f);
}

static void
post_async (Fixture *f,
            GBytes  *body)
{
  post_async_cancellable (f, body, NULL);
}

/* ---- Listening --------------------------------------------------------------- */

static void
check_main_thread (Fixture *f)
{
  if (g_thread_self () != f->main_thread || !g_main_context_is_owner (g_main_context_default ()))
    f->signals_off_main++;
}

static void
conversation_changed_cb (PdwStore *store,
                         gint64    conversation_id,
                         Fixture  *f)
{
  check_main_thread (f);
  f->conversation_signals++;
}

static void
message_changed_cb (PdwStore *store,
                    gint64    conversation_id,
                    gint64    message_id,
                    Fixture  *f)
{
  check_main_thread (f);
  f->message_signals++;
}

static void
webhook_received_cb (PdwGatewayService *service,
                     guint              new_messages,
                     guint              statuses,
                     Fixture           *f)
{
  f->webhooks_received++;
  f->new_messages += new_messages;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  pdw_test_gateway_set_up (&f->gateway, "pandawa-ingest-XXXXXX");
  f->main_thread = g_thread_self ();
  f->session = soup_session_new_with_options ("max-conns", 2 * BURST, "max-conns-per-host", 2 * BURST, NULL);
  g_signal_connect (f->gateway.store, "conversation-changed", G_CALLBACK (conversation_changed_cb), f);
  g_signal_connect (f->gateway.store, "message-changed", G_CALLBACK (message_changed_cb), f);
  g_signal_connect (f->gateway.service, "webhook-received", G_CALLBACK (webhook_received_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (f->gateway.store, f);
  g_clear_object (&f->session);
  /* Changes announced after the last answer still hold the store. */
  pdw_test_drain_main_context ();
  pdw_test_gateway_tear_down (&f->gateway);
}

static gboolean
count_tick_cb (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* ---- Tests ------------------------------------------------------------------- */

static void
test_burst_stored_once (Fixture       *f,
                        gconstpointer  data)
{
  for (guint i = 0; i < BURST; i++)
    {
      g_autoptr(GBytes) body = text_webhook_new (i);

      post_async (f, body);
    }
  /* Meta delivers at least once: some arrive again while the first
   * copies are still being stored. */
  for (guint i = 0; i < BURST_REPEATED; i++)
    {
      g_autoptr(GBytes) body = text_webhook_new (i);

      post_async (f, body);
    }

  SPIN_UNTIL (f->answered == f->posted);
  g_assert_cmpuint (f->acknowledged, ==, BURST + BURST_REPEATED);
  g_assert_cmpuint (f->webhooks_received, ==, BURST + BURST_REPEATED);
  g_assert_cmpuint (f->new_messages, ==, BURST);
  g_assert_cmpuint (pdw_test_count_messages (f->gateway.store), ==, BURST);
  for (guint i = 0; i < BURST; i++)
    {
      g_autofree char *wamid = g_strdup_printf ("wamid.WORKER%05u", i);

      g_assert_cmpuint (pdw_test_count_wamid (f->gateway.store, wamid), ==, 1);
    }

  /* The window hears of every message, on its own thread. */
  SPIN_UNTIL (f->message_signals >= BURST);
  g_assert_cmpuint (f->message_signals, ==, BURST);
  g_assert_cmpuint (f->conversation_signals, >=, 7);
  g_assert_cmpuint (f->signals_off_main, ==, 0);
}

/* The database is locked by another writer for a while (an import): the
 * webhook waits for it on the worker, not on the main loop, and is
 * acknowledged once it could be stored. */
static void
test_main_loop_runs_while_storing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = text_webhook_new (1);
  guint ticks = 0;
  guint tick_source;

  g_assert_true (pdw_store_begin_batch (f->gateway.store, &error));
  g_assert_no_error (error);

  post_async (f, body);
  tick_source = g_timeout_add (5, count_tick_cb, &ticks);
  SPIN_UNTIL (ticks >= 20);
  g_assert_cmpuint (f->answered, ==, 0);

  g_assert_true (pdw_store_end_batch (f->gateway.store, &error));
  g_assert_no_error (error);
  SPIN_UNTIL (f->answered == 1);
  g_source_remove (tick_source);

  g_assert_cmpuint (f->acknowledged, ==, 1);
  g_assert_cmpuint (pdw_test_count_wamid (f->gateway.store, "wamid.WORKER00001"), ==, 1);
}

/* The lock outlasts the busy timeout: 500, nothing stored, and Meta's
 * retry is stored. */
static void
test_store_failure_answers_500 (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = text_webhook_new (2);

  g_assert_true (pdw_store_begin_batch (f->gateway.store, &error));
  g_assert_no_error (error);

  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "*Webhook not stored*");
  post_async (f, body);
  SPIN_UNTIL (f->answered == 1);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (f->refused, ==, 1);
  g_assert_nonnull (pdw_gateway_service_get_last_error (f->gateway.service));
  g_assert_cmpuint (f->webhooks_received, ==, 0);

  g_assert_true (pdw_store_end_batch (f->gateway.store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdw_test_count_messages (f->gateway.store), ==, 0);

  post_async (f, body);
  SPIN_UNTIL (f->answered == 2);
  g_assert_cmpuint (f->acknowledged, ==, 1);
  g_assert_cmpuint (pdw_test_count_wamid (f->gateway.store, "wamid.WORKER00002"), ==, 1);
}

/* The client gives up while its delivery waits for the database: the
 * delivery is still stored, and nobody is answered. */
static void
test_client_gone_while_storing (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = text_webhook_new (3);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint ticks = 0;
  guint tick_source;

  g_assert_true (pdw_store_begin_batch (f->gateway.store, &error));
  g_assert_no_error (error);

  post_async_cancellable (f, body, cancellable);
  tick_source = g_timeout_add (5, count_tick_cb, &ticks);
  SPIN_UNTIL (ticks >= 20);
  g_cancellable_cancel (cancellable);
  SPIN_UNTIL (f->answered == 1);
  SPIN_UNTIL (ticks >= 40);
  g_source_remove (tick_source);

  g_assert_true (pdw_store_end_batch (f->gateway.store, &error));
  g_assert_no_error (error);
  SPIN_UNTIL (f->webhooks_received == 1);
  g_assert_cmpuint (f->acknowledged, ==, 0);
  g_assert_cmpuint (pdw_test_count_wamid (f->gateway.store, "wamid.WORKER00003"), ==, 1);
}

/* Every webhook acknowledged is stored, whatever happens to the others
 * when the gateway stops under them. */
static void
test_stop_with_deliveries_in_flight (Fixture       *f,
                                     gconstpointer  data)
{
  for (guint i = 0; i < BURST; i++)
    {
      g_autoptr(GBytes) body = text_webhook_new (i);

      post_async (f, body);
    }
  /* Stopped as soon as the first ones are stored: others are still on
   * their way, in the worker's queue or being read. */
  SPIN_UNTIL (f->message_signals > 0);
  g_assert_cmpuint (f->answered, <, BURST);
  pdw_gateway_service_stop (f->gateway.service);
  SPIN_UNTIL (f->answered == f->posted);
  g_test_message ("%u acknowledged, %u without an answer", f->acknowledged, f->lost);

  g_assert_cmpuint (f->acknowledged + f->lost, ==, BURST);
  g_assert_cmpuint (f->refused, ==, 0);
  for (guint i = 0; i < BURST; i++)
    {
      g_autofree char *wamid = g_strdup_printf ("wamid.WORKER%05u", i);

      g_assert_cmpuint (pdw_test_count_wamid (f->gateway.store, wamid), <=, 1);
    }
  /* Stored and announced before the stop, some never had their 200
   * written: Meta sends them again and they are dropped as duplicates. */
  g_assert_cmpuint (f->acknowledged, <=, f->new_messages);
  g_assert_cmpuint (pdw_test_count_messages (f->gateway.store), >=, f->new_messages);
}

/* ---- The worker alone -------------------------------------------------------- */

static GPtrArray *
statuses_new (const char *wamid)
{
  GPtrArray *statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_status_update_free);
  PdwStatusUpdate *update = pdw_status_update_new ();

  update->wamid = g_strdup (wamid);
  update->status = PDW_DELIVERY_READ;
  update->timestamp = 1767225600;
  g_ptr_array_add (statuses, update);
  return statuses;
}

typedef struct
{
  gboolean         done;
  gboolean         stored;
  PdwIngestResult  result;
  GError          *error;
} Outcome;

static void
ingested_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->stored = pdw_ingest_worker_ingest_finish (PDW_INGEST_WORKER (object), result,
                                                     &outcome->result, &outcome->error);
  outcome->done = TRUE;
}

/* Deliveries that share a transaction fail alone: a status without a
 * message id is refused, the others around it are stored. */
static void
test_worker_bad_delivery_fails_alone (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pandawa-ingest-worker-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "worker.db", NULL);
  g_autoptr(PdwStore) store = pdw_store_open (path, &error);
  g_autoptr(PdwIngestWorker) worker = NULL;
  g_autoptr(GPtrArray) good = statuses_new ("wamid.UNKNOWN1");
  g_autoptr(GPtrArray) bad = statuses_new ("");
  g_autoptr(GPtrArray) also_good = statuses_new ("wamid.UNKNOWN2");
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  Outcome outcomes[4] = { { 0 } };

  g_assert_no_error (error);
  worker = pdw_ingest_worker_new (store, &error);
  g_assert_no_error (error);

  /* Held back by a lock, so that they queue up behind one another. */
  g_assert_true (pdw_store_begin_batch (store, &error));
  pdw_ingest_worker_ingest_async (worker, "test", NULL, NULL, good, NULL, ingested_cb, &outcomes[0]);
  pdw_ingest_worker_ingest_async (worker, "test", NULL, NULL, bad, NULL, ingested_cb, &outcomes[1]);
  pdw_ingest_worker_ingest_async (worker, "test", NULL, NULL, also_good, NULL, ingested_cb, &outcomes[2]);
  g_cancellable_cancel (cancelled);
  pdw_ingest_worker_ingest_async (worker, "test", NULL, NULL, good, cancelled, ingested_cb, &outcomes[3]);
  g_assert_true (pdw_store_end_batch (store, &error));
  g_assert_no_error (error);

  SPIN_UNTIL (outcomes[0].done && outcomes[1].done && outcomes[2].done && outcomes[3].done);
  g_assert_true (outcomes[0].stored);
  g_assert_cmpuint (outcomes[0].result.statuses_pending, ==, 1);
  g_assert_false (outcomes[1].stored);
  g_assert_error (outcomes[1].error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_assert_true (outcomes[2].stored);
  g_assert_cmpuint (outcomes[2].result.statuses_pending, ==, 1);
  g_assert_false (outcomes[3].stored);
  g_assert_error (outcomes[3].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Stopped: what comes later is refused, not lost in a queue. */
  pdw_ingest_worker_stop (worker);
  pdw_ingest_worker_ingest_async (worker, "test", NULL, NULL, good, NULL, ingested_cb, &outcomes[0]);
  outcomes[0].done = FALSE;
  SPIN_UNTIL (outcomes[0].done);
  g_assert_false (outcomes[0].stored);
  g_assert_error (outcomes[0].error, G_IO_ERROR, G_IO_ERROR_CLOSED);

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    g_clear_error (&outcomes[i].error);
  pdw_test_drain_main_context ();
  g_clear_object (&worker);
  g_assert_finalize_object (g_steal_pointer (&store));
  pdw_test_remove_tree (dir);
}

/* The companion's changes are announced as the primary's, on the
 * primary's thread, and its clock is the primary's. */
static gint64
fixed_clock (gpointer data)
{
  return *(gint64 *) data;
}

/* On another thread, through the companion: a citizen writes, an
 * officer's answer is queued.  Returns the answer's id. */
static gpointer
write_in_thread (gpointer data)
{
  PdwStore *companion = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  g_autoptr(GPtrArray) conversations = NULL;
  PdwInboundMessage *message = pdw_inbound_message_new ();
  gint64 reply_id;

  message->wamid = g_strdup ("wamid.COMPANION1");
  message->wa_id = g_strdup ("6281299990001");
  message->type = g_strdup ("text");
  message->text = g_strdup ("Halo");
  message->timestamp = 1767225600;
  g_ptr_array_add (messages, message);
  g_assert_true (pdw_store_ingest_webhook (companion, "test", NULL, messages, NULL, NULL, &error));
  g_assert_no_error (error);

  conversations = pdw_store_list_conversations (companion, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conversations->len, ==, 1);
  reply_id = pdw_store_queue_outgoing_text (companion, pdw_conversation_get_id (g_ptr_array_index (conversations, 0)),
                                            "Baik, kami periksa.", "Petugas Uji", &error);
  g_assert_no_error (error);
  return GSIZE_TO_POINTER ((gsize) reply_id);
}

static void
test_companion_follows_primary (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pandawa-companion-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "companion.db", NULL);
  g_autoptr(PdwStore) store = pdw_store_open (path, &error);
  g_autoptr(PdwStore) companion = NULL;
  g_autoptr(PdwMessage) reply = NULL;
  gint64 then = 1767225600 + 3600;
  gint64 reply_id;
  guint on_companion = 0;
  Fixture f = { .main_thread = g_thread_self () };

  g_assert_no_error (error);
  companion = pdw_store_open_companion (store, &error);
  g_assert_no_error (error);
  g_assert_true (companion != store);
  g_assert_cmpint (pdw_store_get_schema_version (companion), ==, pdw_store_get_schema_version (store));
  pdw_store_set_clock (store, fixed_clock, &then);
  g_signal_connect (store, "conversation-changed", G_CALLBACK (conversation_changed_cb), &f);
  g_signal_connect (store, "message-changed", G_CALLBACK (message_changed_cb), &f);
  g_signal_connect_swapped (companion, "message-changed", G_CALLBACK (count_tick_cb), &on_companion);

  reply_id = (gint64) GPOINTER_TO_SIZE (g_thread_join (g_thread_new ("companion", write_in_thread, companion)));
  SPIN_UNTIL (f.message_signals == 2 && f.conversation_signals >= 1);
  g_assert_cmpuint (f.signals_off_main, ==, 0);
  g_assert_cmpuint (on_companion, ==, 0);

  /* Written through one connection, read through the other, at the
   * primary's time. */
  reply = pdw_store_dup_message (store, reply_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_message_get_timestamp (reply), ==, then);

  g_signal_handlers_disconnect_by_data (store, &f);
  pdw_test_drain_main_context ();
  g_assert_finalize_object (g_steal_pointer (&companion));
  g_assert_finalize_object (g_steal_pointer (&store));
  pdw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/gateway/ingest-worker/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("burst-stored-once", test_burst_stored_once);
  ADD ("main-loop-runs-while-storing", test_main_loop_runs_while_storing);
  ADD ("store-failure-answers-500", test_store_failure_answers_500);
  ADD ("client-gone-while-storing", test_client_gone_while_storing);
  ADD ("stop-with-deliveries-in-flight", test_stop_with_deliveries_in_flight);
  g_test_add_func ("/gateway/ingest-worker/bad-delivery-fails-alone", test_worker_bad_delivery_fails_alone);
  g_test_add_func ("/gateway/ingest-worker/companion-follows-primary", test_companion_follows_primary);

  return g_test_run ();
}
