/* test-outbox.c: the persistent outbox: claims across connections (one
 * sender per message), order within a conversation, the backoff with
 * Retry-After, and a Graph API that is down for a while and comes back.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-send-error.h"
#include "gateway/pdw-gateway-service.h"
#include "gateway/pdw-outbox.h"
#include "pdw-test-gateway.h"
#include "pdw-test-util.h"

#define LEASE 120

typedef PdwTestGateway Fixture;

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gint64
queue_text (PdwStore   *store,
            gint64      conversation_id,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = pdw_store_queue_outgoing_text (store, conversation_id, text, "Petugas Uji", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GPtrArray *
claim (PdwStore   *store,
       const char *claimer,
       gint64      at,
       guint       limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *claimed = pdw_store_claim_due_outgoing (store, claimer, at, LEASE, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (claimed);
  return claimed;
}

static gint64
claimed_id (GPtrArray *claimed,
            guint      index)
{
  g_assert_cmpuint (index, <, claimed->len);
  return pdw_message_get_id (g_ptr_array_index (claimed, index));
}

/* ---- Claims, on the store alone ------------------------------------------ */

typedef struct
{
  char     *dir;
  char     *path;
  PdwStore *a;
  PdwStore *b;
} Stores;

static void
stores_set_up (Stores        *s,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  s->dir = g_dir_make_tmp ("pandawa-outbox-XXXXXX", &error);
  g_assert_no_error (error);
  s->path = g_build_filename (s->dir, "test.db", NULL);
  /* Two connections to one file, as two processes have. */
  s->a = pdw_store_open (s->path, &error);
  g_assert_no_error (error);
  s->b = pdw_store_open (s->path, &error);
  g_assert_no_error (error);
}

static void
stores_tear_down (Stores        *s,
                  gconstpointer  data)
{
  g_assert_finalize_object (s->a);
  g_assert_finalize_object (s->b);
  pdw_test_remove_tree (s->dir);
  g_free (s->dir);
  g_free (s->path);
}

static void
test_claim_two_connections (Stores        *s,
                            gconstpointer  data)
{
  gint64 conversation_id = pdw_test_ingest_citizen (s->a, "6281100000001", "Siti");
  gint64 id = queue_text (s->a, conversation_id, "satu");
  gint64 now = now_seconds ();
  g_autoptr(GPtrArray) by_a = NULL;
  g_autoptr(GPtrArray) by_b = NULL;
  g_autoptr(GPtrArray) b_after_lease = NULL;
  g_autoptr(GPtrArray) after_accept = NULL;
  g_autoptr(GError) error = NULL;

  by_a = claim (s->a, "process-a", now, 10);
  g_assert_cmpuint (by_a->len, ==, 1);
  g_assert_cmpint (claimed_id (by_a, 0), ==, id);

  /* The other process sees the claim and leaves the message alone. */
  by_b = claim (s->b, "process-b", now, 10);
  g_assert_cmpuint (by_b->len, ==, 0);
  g_assert_cmpint (pdw_store_get_next_outgoing_due (s->b, NULL), ==, now + LEASE);

  /* Process A died: its claim runs out and B takes the message. */
  b_after_lease = claim (s->b, "process-b", now + LEASE, 10);
  g_assert_cmpuint (b_after_lease->len, ==, 1);
  g_assert_cmpint (claimed_id (b_after_lease, 0), ==, id);

  /* Once it has a wamid nobody sends it again, however late. */
  g_assert_true (pdw_store_mark_outgoing_accepted (s->b, id, "wamid.B1", &error));
  g_assert_no_error (error);
  after_accept = claim (s->a, "process-a", now + 10 * LEASE, 10);
  g_assert_cmpuint (after_accept->len, ==, 0);
  g_assert_cmpint (pdw_store_get_next_outgoing_due (s->a, NULL), ==, 0);
}

static void
test_claim_released (Stores        *s,
                     gconstpointer  data)
{
  gint64 conversation_id = pdw_test_ingest_citizen (s->a, "6281100000001", "Siti");
  gint64 id = queue_text (s->a, conversation_id, "satu");
  gint64 now = now_seconds ();
  g_autoptr(GPtrArray) by_a = claim (s->a, "process-a", now, 10);
  g_autoptr(GPtrArray) by_b = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (by_a->len, ==, 1);
  /* Only the claimer gives a claim back. */
  g_assert_true (pdw_store_release_outgoing_claim (s->b, id, "process-b", &error));
  g_assert_cmpuint (((by_b = claim (s->b, "process-b", now, 10)))->len, ==, 0);
  g_clear_pointer (&by_b, g_ptr_array_unref);

  g_assert_true (pdw_store_release_outgoing_claim (s->a, id, "process-a", &error));
  g_assert_no_error (error);
  by_b = claim (s->b, "process-b", now, 10);
  g_assert_cmpuint (by_b->len, ==, 1);
}

/* Senders on their own connections and threads, racing for the same
 * queue: every message is claimed exactly once. */
typedef struct
{
  const char *path;
  char        claimer[16];
  GArray     *sent;      /* gint64, this sender's */
} Racer;

#define N_RACERS 4
#define N_RACE_CONVERSATIONS 6
#define N_RACE_PER_CONVERSATION 5

static gpointer
racer_thread (gpointer user_data)
{
  Racer *racer = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = pdw_store_open (racer->path, &error);
  guint idle_rounds = 0;

  g_assert_no_error (error);
  while (idle_rounds < 50)
    {
      g_autoptr(GPtrArray) claimed = NULL;

      claimed = pdw_store_claim_due_outgoing (store, racer->claimer, now_seconds (), LEASE, 2, &error);
      g_assert_no_error (error);
      if (claimed->len == 0)
        {
          idle_rounds++;
          g_usleep (2000);
          continue;
        }
      idle_rounds = 0;
      for (guint i = 0; i < claimed->len; i++)
        {
          gint64 id = claimed_id (claimed, i);
          g_autofree char *wamid = g_strdup_printf ("wamid.%s.%" G_GINT64_FORMAT, racer->claimer, id);

          g_array_append_val (racer->sent, id);
          g_assert_true (pdw_store_mark_outgoing_accepted (store, id, wamid, &error));
          g_assert_no_error (error);
        }
    }
  return NULL;
}

static void
test_claim_race (Stores        *s,
                 gconstpointer  data)
{
  Racer racers[N_RACERS];
  GThread *threads[N_RACERS];
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint total = 0;

  for (guint c = 0; c < N_RACE_CONVERSATIONS; c++)
    {
      g_autofree char *wa_id = g_strdup_printf ("62811000000%02u", c);
      gint64 conversation_id = pdw_test_ingest_citizen (s->a, wa_id, "Warga");

      for (guint m = 0; m < N_RACE_PER_CONVERSATION; m++)
        {
          g_autofree char *text = g_strdup_printf ("pesan %u-%u", c, m);
          queue_text (s->a, conversation_id, text);
        }
    }

  for (guint i = 0; i < N_RACERS; i++)
    {
      racers[i].path = s->path;
      g_snprintf (racers[i].claimer, sizeof racers[i].claimer, "racer-%u", i);
      racers[i].sent = g_array_new (FALSE, FALSE, sizeof (gint64));
      threads[i] = g_thread_new (racers[i].claimer, racer_thread, &racers[i]);
    }
  for (guint i = 0; i < N_RACERS; i++)
    g_thread_join (threads[i]);

  for (guint i = 0; i < N_RACERS; i++)
    {
      for (guint j = 0; j < racers[i].sent->len; j++)
        {
          gint64 id = g_array_index (racers[i].sent, gint64, j);

          g_assert_false (g_hash_table_contains (seen, &id));
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
        }
      total += racers[i].sent->len;
      g_array_unref (racers[i].sent);
    }
  g_assert_cmpuint (total, ==, N_RACE_CONVERSATIONS * N_RACE_PER_CONVERSATION);
  g_assert_cmpuint (pdw_store_count_queued_outgoing (s->a, NULL), ==, 0);
}

/* The oldest queued message of a conversation goes first; the next waits
 * while it is in flight or waiting for its retry, other citizens do not. */
static void
test_claim_order (Stores        *s,
                  gconstpointer  data)
{
  gint64 siti = pdw_test_ingest_citizen (s->a, "6281100000001", "Siti");
  gint64 budi = pdw_test_ingest_citizen (s->a, "6281100000002", "Budi");
  gint64 siti1 = queue_text (s->a, siti, "siti 1");
  gint64 budi1 = queue_text (s->a, budi, "budi 1");
  gint64 siti2 = queue_text (s->a, siti, "siti 2");
  gint64 budi2 = queue_text (s->a, budi, "budi 2");
  gint64 now = now_seconds ();
  g_autoptr(GPtrArray) first = claim (s->a, "a", now, 10);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) budi_next = NULL;
  g_autoptr(GPtrArray) siti_retry = NULL;
  g_autoptr(GPtrArray) siti_next = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (first->len, ==, 2);
  g_assert_cmpint (claimed_id (first, 0), ==, siti1);
  g_assert_cmpint (claimed_id (first, 1), ==, budi1);

  /* Siti's first reply hits a rate limit; her second must not overtake it. */
  g_assert_true (pdw_store_mark_outgoing_attempt_failed (s->a, siti1, 131056, "pair rate", FALSE, now + 30, &error));
  g_assert_no_error (error);
  none = claim (s->b, "b", now + 5, 10);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_true (pdw_store_mark_outgoing_accepted (s->a, budi1, "wamid.BUDI1", &error));
  budi_next = claim (s->b, "b", now + 5, 10);
  g_assert_cmpuint (budi_next->len, ==, 1);
  g_assert_cmpint (claimed_id (budi_next, 0), ==, budi2);

  siti_retry = claim (s->b, "b", now + 30, 10);
  g_assert_cmpuint (siti_retry->len, ==, 1);
  g_assert_cmpint (claimed_id (siti_retry, 0), ==, siti1);
  g_assert_true (pdw_store_mark_outgoing_accepted (s->b, siti1, "wamid.SITI1", &error));
  siti_next = claim (s->a, "a", now + 30, 10);
  g_assert_cmpuint (siti_next->len, ==, 1);
  g_assert_cmpint (claimed_id (siti_next, 0), ==, siti2);
}

/* A failed message sent again by an officer is queued as it was, and leaves
 * the list of failures. */
static void
test_retry_failed (Stores        *s,
                   gconstpointer  data)
{
  gint64 conversation_id = pdw_test_ingest_citizen (s->a, "6281100000001", "Siti");
  gint64 id = queue_text (s->a, conversation_id, "satu");
  gint64 other = queue_text (s->a, conversation_id, "dua");
  g_autoptr(GPtrArray) failed = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) handled = NULL;
  g_autoptr(GPtrArray) claimed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (pdw_store_retry_failed_outgoing (s->a, id, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (pdw_store_mark_outgoing_attempt_failed (s->a, id, 131026, "undeliverable", TRUE, 0, &error));
  g_assert_true (pdw_store_mark_outgoing_attempt_failed (s->a, other, 100, "bad parameter", TRUE, 0, &error));
  g_assert_no_error (error);
  failed = pdw_store_list_failed_outgoing (s->a, 0, &error);
  g_assert_cmpuint (failed->len, ==, 2);

  g_assert_true (pdw_store_retry_failed_outgoing (s->a, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdw_test_message_status (s->a, id), ==, PDW_DELIVERY_QUEUED);
  g_assert_cmpint (pdw_store_get_outgoing_attempts (s->a, id, NULL), ==, 0);
  claimed = claim (s->b, "b", now_seconds (), 10);
  g_assert_cmpuint (claimed->len, ==, 1);
  g_assert_cmpint (claimed_id (claimed, 0), ==, id);

  /* The other one was edited and sent as a new reply. */
  g_assert_true (pdw_store_set_failure_handled (s->a, other, &error));
  g_assert_no_error (error);
  after = pdw_store_list_failed_outgoing (s->a, 0, &error);
  g_assert_cmpuint (after->len, ==, 0);

  /* A message that failed again after a retry is listed again. */
  g_assert_true (pdw_store_mark_outgoing_attempt_failed (s->b, id, 131026, "undeliverable", TRUE, 0, &error));
  handled = pdw_store_list_failed_outgoing (s->a, 0, &error);
  g_assert_cmpuint (handled->len, ==, 1);
}

/* ---- The outbox against the fake Graph API -------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  pdw_test_gateway_set_up (f, "pandawa-outbox-XXXXXX");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pdw_test_gateway_tear_down (f);
}

static void
test_retry_delay (void)
{
  /* The exponential backoff, capped. */
  g_assert_cmpuint (pdw_outbox_retry_delay (1, PDW_SEND_ERROR_SERVER, 0), ==, 1);
  g_assert_cmpuint (pdw_outbox_retry_delay (2, PDW_SEND_ERROR_SERVER, 0), ==, 4);
  g_assert_cmpuint (pdw_outbox_retry_delay (20, PDW_SEND_ERROR_NETWORK, 0), ==, 15 * 60);
  /* Rate limits wait at least their own time... */
  g_assert_cmpuint (pdw_outbox_retry_delay (1, 131056, 0), ==, 6);
  g_assert_cmpuint (pdw_outbox_retry_delay (1, 130429, 0), ==, 4);
  /* ...and whatever Retry-After asks. */
  g_assert_cmpuint (pdw_outbox_retry_delay (1, 130429, 40), ==, 40);
  g_assert_cmpuint (pdw_outbox_retry_delay (3, 130429, 2), ==, 16);
}

static gboolean
is_due (PdwStore *store,
        gint64    message_id,
        gint64    at)
{
  g_autoptr(GPtrArray) due = pdw_store_list_due_outgoing (store, at, NULL);

  for (guint i = 0; i < due->len; i++)
    if (pdw_message_get_id (g_ptr_array_index (due, i)) == message_id)
      return TRUE;
  return FALSE;
}

static void
test_retry_after (Fixture       *f,
                  gconstpointer  data)
{
  gint64 conversation_id = pdw_test_ingest_citizen (f->store, "6281100000001", "Siti");
  g_autoptr(GError) error = NULL;
  gint64 id, failed_at;

  pdw_fake_graph_push_response (f->graph, 429, "9",
                                "{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"code\":130429}}");
  id = pdw_gateway_service_send_text (f->service, conversation_id, "mohon ditunggu", "Petugas Uji", &error);
  g_assert_no_error (error);

  SPIN_UNTIL (pdw_store_get_outgoing_attempts (f->store, id, NULL) == 1);
  failed_at = now_seconds ();
  g_assert_cmpint (pdw_test_message_status (f->store, id), ==, PDW_DELIVERY_QUEUED);
  /* Not after the backoff's 4 s: after the 9 s the answer asked for. */
  g_assert_false (is_due (f->store, id, failed_at + 7));
  g_assert_true (is_due (f->store, id, failed_at + 10));
  g_assert_cmpint (pdw_outbox_get_last_error_code (pdw_gateway_service_get_outbox (f->service)), ==, 130429);
}

/* The Graph API answers 500, drops connections and asks to come back
 * later, then works again: every queued reply goes exactly once, and each
 * citizen's in the order they were written. */
#define N_CITIZENS 3
#define N_PER_CITIZEN 3

static void
test_outage (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) accepted = NULL;
  gint64 ids[N_CITIZENS * N_PER_CITIZEN];
  guint n_failed = 0;

  pdw_outbox_stop (pdw_gateway_service_get_outbox (f->service));
  for (guint i = 0; i < 3; i++)
    pdw_fake_graph_push_response (f->graph, 500, NULL, "Internal Server Error");
  pdw_fake_graph_push_drop (f->graph);
  pdw_fake_graph_push_drop (f->graph);
  pdw_fake_graph_push_response (f->graph, 503, "1", NULL);

  for (guint c = 0; c < N_CITIZENS; c++)
    {
      g_autofree char *wa_id = g_strdup_printf ("62811000000%02u", c);
      gint64 conversation_id = pdw_test_ingest_citizen (f->store, wa_id, "Warga");

      for (guint m = 0; m < N_PER_CITIZEN; m++)
        {
          g_autofree char *text = g_strdup_printf ("warga %u pesan %u", c, m);
          ids[c * N_PER_CITIZEN + m] = queue_text (f->store, conversation_id, text);
        }
    }
  pdw_outbox_start (pdw_gateway_service_get_outbox (f->service));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    SPIN_UNTIL (pdw_test_message_status (f->store, ids[i]) == PDW_DELIVERY_ACCEPTED);

  for (guint i = 0; i < f->graph->answers->len; i++)
    n_failed += g_array_index (f->graph->answers, guint, i) != 200;
  g_assert_cmpuint (n_failed, ==, 6);
  accepted = pdw_fake_graph_dup_accepted_texts (f->graph);
  g_assert_cmpuint (accepted->len, ==, G_N_ELEMENTS (ids));

  for (guint c = 0; c < N_CITIZENS; c++)
    {
      int last = -1;

      for (guint m = 0; m < N_PER_CITIZEN; m++)
        {
          g_autofree char *text = g_strdup_printf ("warga %u pesan %u", c, m);
          guint index = 0;
          guint count = 0;

          for (guint i = 0; i < accepted->len; i++)
            if (g_str_equal (g_ptr_array_index (accepted, i), text))
              {
                index = i;
                count++;
              }
          g_assert_cmpuint (count, ==, 1);
          g_assert_cmpint ((int) index, >, last);
          last = (int) index;
        }
    }
  g_assert_null (pdw_gateway_service_get_last_error (f->service));
}

/* A Graph API that takes the request and never answers: the client gives
 * up after its timeout, the reply is sent again and goes once, and the one
 * behind it (same citizen) waits its turn. */
static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PdwGatewayConfig) config = pdw_gateway_config_copy (pdw_gateway_service_get_config (f->service));
  g_autoptr(GPtrArray) accepted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 conversation_id;
  gint64 first, second;

  config->request_timeout = 1;
  g_assert_true (pdw_gateway_service_reload_config (f->service, config, &error));
  g_assert_no_error (error);
  pdw_fake_graph_push_stall (f->graph);

  conversation_id = pdw_test_ingest_citizen (f->store, "6281100000009", "Rina");
  first = pdw_gateway_service_send_text (f->service, conversation_id, "pesan pertama", "Petugas Uji", &error);
  g_assert_no_error (error);
  second = pdw_gateway_service_send_text (f->service, conversation_id, "pesan kedua", "Petugas Uji", &error);
  g_assert_no_error (error);

  SPIN_UNTIL (pdw_test_message_status (f->store, second) == PDW_DELIVERY_ACCEPTED);
  g_assert_cmpint (pdw_test_message_status (f->store, first), ==, PDW_DELIVERY_ACCEPTED);
  g_assert_cmpuint (pdw_store_get_outgoing_attempts (f->store, first, NULL), ==, 2);

  g_assert_cmpuint (f->graph->answers->len, ==, 3);
  g_assert_cmpuint (g_array_index (f->graph->answers, guint, 0), ==, PDW_FAKE_GRAPH_STALLED);
  accepted = pdw_fake_graph_dup_accepted_texts (f->graph);
  g_assert_cmpuint (accepted->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (accepted, 0), ==, "pesan pertama");
  g_assert_cmpstr (g_ptr_array_index (accepted, 1), ==, "pesan kedua");
  g_assert_cmpint (pdw_outbox_get_last_attempt_code (pdw_gateway_service_get_outbox (f->service)), !=,
                   PDW_SEND_ERROR_NETWORK);
}

/* Whether another gateway on this database could take @message_id now
 * (given back if it could). */
static gboolean
claimable_by_another (PdwStore *store,
                      gint64    message_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) claimed = pdw_store_claim_due_outgoing (store, "another-gateway", now_seconds (),
                                                                60, 8, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < claimed->len; i++)
    found |= pdw_message_get_id (g_ptr_array_index (claimed, i)) == message_id;
  if (found)
    g_assert_true (pdw_store_release_outgoing_claim (store, message_id, "another-gateway", NULL));
  return found;
}

/* A clean stop with a reply in flight: its answer is waited for and stored
 * (given back, another gateway would send it twice); one the provider
 * never answers is given back once the wait is over. */
static void
test_drain (Fixture       *f,
            gconstpointer  data)
{
  PdwOutbox *outbox = pdw_gateway_service_get_outbox (f->service);
  g_autoptr(GError) error = NULL;
  gint64 conversation_id = pdw_test_ingest_citizen (f->store, "6281100000010", "Sari");
  gint64 answered, stalled;

  answered = pdw_gateway_service_send_text (f->service, conversation_id, "sedang kami proses", "Petugas Uji", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pdw_outbox_get_n_in_flight (outbox), ==, 1);
  pdw_outbox_drain (outbox, 5000);
  g_assert_cmpint (pdw_test_message_status (f->store, answered), ==, PDW_DELIVERY_ACCEPTED);
  g_assert_cmpuint (f->graph->answers->len, ==, 1);

  pdw_outbox_start (outbox);
  pdw_fake_graph_push_stall (f->graph);
  stalled = pdw_gateway_service_send_text (f->service, conversation_id, "mohon ditunggu", "Petugas Uji", &error);
  g_assert_no_error (error);
  SPIN_UNTIL (f->graph->answers->len == 2);
  pdw_outbox_drain (outbox, 300);
  g_assert_cmpuint (pdw_outbox_get_n_in_flight (outbox), ==, 0);
  g_assert_cmpint (pdw_test_message_status (f->store, stalled), ==, PDW_DELIVERY_QUEUED);
  /* Given back: whichever gateway runs next takes it at once. */
  g_assert_true (claimable_by_another (f->store, stalled));
  /* The cancelled request's callback lets go of the outbox. */
  pdw_test_drain_main_context ();
}

static guint
free_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, &error);

  g_assert_no_error (error);
  g_socket_listener_close (listener);
  return port;
}

/* The officer moves the receiver to another port: only the receiver
 * restarts; a reply in flight keeps its claim (given back, it could be
 * sent twice). */
static void
test_reload_moves_receiver (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PdwGatewayConfig) config = pdw_gateway_config_copy (pdw_gateway_service_get_config (f->service));
  PdwOutbox *outbox = pdw_gateway_service_get_outbox (f->service);
  g_autoptr(GError) error = NULL;
  gint64 conversation_id = pdw_test_ingest_citizen (f->store, "6281100000011", "Tono");
  gint64 id;

  pdw_fake_graph_push_stall (f->graph);
  id = pdw_gateway_service_send_text (f->service, conversation_id, "berkas sedang diperiksa", "Petugas Uji", &error);
  g_assert_no_error (error);
  SPIN_UNTIL (f->graph->answers->len == 1);

  config->listen_port = free_port ();
  g_assert_true (pdw_gateway_service_reload_config (f->service, config, &error));
  g_assert_no_error (error);
  g_assert_true (pdw_gateway_service_get_listening (f->service));
  g_assert_cmpuint (pdw_gateway_service_get_port (f->service), ==, config->listen_port);
  g_assert_cmpuint (pdw_outbox_get_n_in_flight (outbox), ==, 1);
  g_assert_false (claimable_by_another (f->store, id));

  pdw_outbox_stop (outbox);
  pdw_test_drain_main_context ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_STORES(path, func) \
  g_test_add ("/outbox/claim/" path, Stores, NULL, stores_set_up, func, stores_tear_down)
#define ADD(path, func) \
  g_test_add ("/outbox/gateway/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_STORES ("two-connections", test_claim_two_connections);
  ADD_STORES ("released", test_claim_released);
  ADD_STORES ("race", test_claim_race);
  ADD_STORES ("order", test_claim_order);
  ADD_STORES ("retry-failed", test_retry_failed);
  g_test_add_func ("/outbox/retry-delay", test_retry_delay);
  ADD ("retry-after", test_retry_after);
  ADD ("outage", test_outage);
  ADD ("timeout", test_timeout);
  ADD ("drain", test_drain);
  ADD ("reload-moves-receiver", test_reload_moves_receiver);

  return g_test_run ();
}
