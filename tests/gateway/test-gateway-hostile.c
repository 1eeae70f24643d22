/* test-gateway-hostile.c: a real `pandawa-cli serve` tried as an attacker
 * would (issue #12): slow and idle connections, descriptor exhaustion,
 * oversized and hostile payloads, and kill -9 in a burst.  Each case
 * ends with a real signed webhook answered 200 and stored.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "gateway/pdw-signature.h"
#include "pdw-test-serve.h"
#include "pdw-test-util.h"
#include "pdw-test-webhook.h"

#define NOW_ISH 1767225600  /* 2026-01-01: in the past, never clamped */

static GBytes *
text_webhook (guint n)
{
  g_autofree char *wamid = g_strdup_printf ("wamid.HOSTILE_%u", n);
  g_autofree char *wa_id = g_strdup_printf ("62800009%05u", n % 50);

  return pdw_test_text_webhook_new (wa_id, "Warga Uji", wamid, NOW_ISH + n, "Mohon bantuan aktivasi NIK");
}

static gint64
count_wamid (PdwTestServe *serve,
             guint         n)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM messages WHERE wamid = 'wamid.HOSTILE_%u'", n);

  return pdw_test_serve_query_int (serve, sql);
}

/* A real delivery is answered 200 and stored once. */
static void
assert_real_webhook_served (PdwTestServe *serve,
                            guint         n)
{
  g_autoptr(GBytes) body = text_webhook (n);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (pdw_test_serve_post_signed (serve->port, body, &error), ==, 200);
  g_assert_no_error (error);
  g_assert_cmpint (count_wamid (serve, n), ==, 1);
}

/* Whether the server closed @socket (end of stream or reset) within
 * @seconds; whatever it sent first is read and ignored. */
static gboolean
closed_by_server (GSocket *socket,
                  guint    seconds)
{
  char buffer[256];

  g_socket_set_timeout (socket, seconds);
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gssize n = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error);

      if (n == 0)
        return TRUE;
      if (n < 0)
        return !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
    }
}

static void
test_slow_and_idle (void)
{
  const char * const args[] = { "--header-timeout", "1", "--idle-timeout", "1", "--max-connections", "24", NULL };
  g_autoptr(GPtrArray) idle = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) slow = g_ptr_array_new_with_free_func (g_object_unref);
  PdwTestServe serve;

  pdw_test_serve_init (&serve, "pandawa-hostile-slow-XXXXXX");
  pdw_test_serve_start (&serve, 0, args);

  /* 60 connections that send nothing, 20 that send half a request head,
   * byte by byte: more than the cap of 24. */
  for (guint i = 0; i < 60; i++)
    g_ptr_array_add (idle, pdw_test_serve_connect (serve.port));
  for (guint i = 0; i < 20; i++)
    {
      GSocket *socket = pdw_test_serve_connect (serve.port);

      g_socket_send (socket, "POST /webhook HTTP/1.1\r\nHo", 26, NULL, NULL);
      g_ptr_array_add (slow, socket);
    }

  /* During the attack: the oldest waiting connections make room. */
  assert_real_webhook_served (&serve, 1);

  /* The attackers are closed by the server: the cap closed the oldest at
   * once, the header timeout (1 s) the rest. */
  for (guint i = 0; i < idle->len; i++)
    g_assert_true (closed_by_server (g_ptr_array_index (idle, i), 5));
  for (guint i = 0; i < slow->len; i++)
    g_assert_true (closed_by_server (g_ptr_array_index (slow, i), 5));

  /* A body that stops half way is given up after the idle timeout. */
  {
    g_autoptr(GSocket) stalled = pdw_test_serve_connect (serve.port);
    const char head[] = "POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"object\":";
    gint64 start = g_get_monotonic_time ();

    g_socket_send (stalled, head, sizeof head - 1, NULL, NULL);
    g_assert_true (closed_by_server (stalled, 10));
    g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC / 2);
  }

  assert_real_webhook_served (&serve, 2);
  pdw_test_serve_stop (&serve);
  pdw_test_serve_clear (&serve);
}

static void
test_descriptor_exhaustion (void)
{
  /* A cap above the descriptors: accept() itself fails with EMFILE, which
   * stopped libsoup 3.2's listener for good. */
  const char * const args[] = { "--header-timeout", "60", "--max-connections", "1000", NULL };
  g_autoptr(GPtrArray) attackers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *log = NULL;
  PdwTestServe serve;

  pdw_test_serve_init (&serve, "pandawa-hostile-emfile-XXXXXX");
  pdw_test_serve_start (&serve, 64, args);
  assert_real_webhook_served (&serve, 1);

  /* The kernel completes the handshakes (backlog 256); serve runs out of
   * descriptors accepting them. */
  for (guint i = 0; i < 150; i++)
    g_ptr_array_add (attackers, pdw_test_serve_connect (serve.port));

  /* During the attack the oldest idle connections are closed to answer
   * a real webhook. */
  assert_real_webhook_served (&serve, 2);

  g_ptr_array_set_size (attackers, 0);
  /* Once the attackers left. */
  assert_real_webhook_served (&serve, 3);
  assert_real_webhook_served (&serve, 4);

  log = pdw_test_serve_dup_log (&serve);
  g_assert_nonnull (strstr (log, "Webhook receiver cannot accept a connection"));
  g_assert_nonnull (strstr (log, "accepting connections again"));

  pdw_test_serve_stop (&serve);
  pdw_test_serve_clear (&serve);
}

/* A signed body far over the limit, streamed in chunks with no length
 * announced: refused as it passes the limit, never held in memory. */
static void
test_oversized_streamed (void)
{
  PdwTestServe serve;
  g_autoptr(GSocket) socket = NULL;
  g_autofree char *chunk = g_strnfill (64 * 1024, ' ');
  g_autofree char *chunk_head = g_strdup_printf ("%x\r\n", 64 * 1024);
  g_autoptr(GString) answer = g_string_new (NULL);
  char buffer[1024];
  guint64 rss_before, rss_peak = 0;
  gsize sent = 0;
  gssize n;

  pdw_test_serve_init (&serve, "pandawa-hostile-large-XXXXXX");
  pdw_test_serve_start (&serve, 0, NULL);
  assert_real_webhook_served (&serve, 1);
  rss_before = pdw_test_serve_rss_kib (&serve);

  /* Announced: refused from the Content-Length, nothing read. */
  {
    g_autoptr(GSocket) announced = pdw_test_serve_connect (serve.port);
    const char head[] = "POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 209715200\r\n\r\n";

    g_socket_send (announced, head, sizeof head - 1, NULL, NULL);
    n = g_socket_receive (announced, buffer, sizeof buffer - 1, NULL, NULL);
    g_assert_cmpint (n, >, 12);
    buffer[n] = '\0';
    g_assert_true (g_str_has_prefix (buffer, "HTTP/1.1 413"));
  }

  /* Streamed: 200 MB of chunks. */
  socket = pdw_test_serve_connect (serve.port);
  {
    const char head[] = "POST /webhook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";

    g_socket_send (socket, head, sizeof head - 1, NULL, NULL);
  }
  while (sent < 200 * 1024 * 1024)
    {
      if (g_socket_send (socket, chunk_head, strlen (chunk_head), NULL, NULL) < 0 ||
          g_socket_send (socket, chunk, 64 * 1024, NULL, NULL) < 0 ||
          g_socket_send (socket, "\r\n", 2, NULL, NULL) < 0)
        break;  /* refused and closed: expected */
      sent += 64 * 1024;
      if (sent % (8 * 1024 * 1024) == 0)
        rss_peak = MAX (rss_peak, pdw_test_serve_rss_kib (&serve));
    }
  while ((n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (answer, buffer, n);
  rss_peak = MAX (rss_peak, pdw_test_serve_rss_kib (&serve));

  /* Refused (the answer is 413 when the client reads it before the
   * server stops draining), and memory never near the body's size. */
  g_test_message ("answer: %.80s", answer->str);
  g_assert_true (answer->len == 0 || g_str_has_prefix (answer->str, "HTTP/1.1 413"));
  g_test_message ("RSS %" G_GUINT64_FORMAT " KiB before, %" G_GUINT64_FORMAT " KiB at most, %" G_GSIZE_FORMAT " MiB sent",
                  rss_before, rss_peak, sent / (1024 * 1024));
  g_assert_cmpuint (rss_peak, <, rss_before + 32 * 1024);

  assert_real_webhook_served (&serve, 2);
  pdw_test_serve_stop (&serve);
  pdw_test_serve_clear (&serve);
}

static void
test_hostile_payloads (void)
{
  PdwTestServe serve;
  g_autoptr(GBytes) broken = pdw_test_load_data ("cloud-f1-broken-missing-comma.json");
  g_autoptr(GBytes) deep = pdw_test_nested_webhook (100000);
  g_autoptr(GBytes) good = text_webhook (1);
  g_autoptr(GBytes) future = pdw_test_text_webhook_new ("6280000900099", "Warga Uji", "wamid.HOSTILE_FUTURE",
                                                         g_get_real_time () / G_USEC_PER_SEC + 10 * 24 * 3600,
                                                         "Jam saya salah");
  g_autofree char *wrong = pdw_signature_compute (good, "not-the-app-secret");
  g_autoptr(GError) error = NULL;
  gint64 stored_time;

  pdw_test_serve_init (&serve, "pandawa-hostile-payloads-XXXXXX");
  pdw_test_serve_start (&serve, 0, NULL);

  g_assert_cmpuint (pdw_test_serve_post_signed (serve.port, broken, &error), ==, 400);
  g_assert_cmpuint (pdw_test_serve_post_signed (serve.port, deep, &error), ==, 400);
  g_assert_cmpuint (pdw_test_serve_post (serve.port, good, NULL, &error), ==, 401);
  g_assert_cmpuint (pdw_test_serve_post (serve.port, good, wrong, &error), ==, 401);
  g_assert_cmpuint (pdw_test_serve_post (serve.port, good, "sha256=zz", &error), ==, 401);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_test_serve_query_int (&serve, "SELECT count(*) FROM messages"), ==, 0);

  /* Replayed: acknowledged each time, stored once. */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (pdw_test_serve_post_signed (serve.port, good, &error), ==, 200);
  g_assert_cmpint (count_wamid (&serve, 1), ==, 1);

  /* Ten days ahead: stored at its arrival, what it claimed kept. */
  g_assert_cmpuint (pdw_test_serve_post_signed (serve.port, future, &error), ==, 200);
  stored_time = pdw_test_serve_query_int (&serve, "SELECT timestamp FROM messages WHERE wamid = 'wamid.HOSTILE_FUTURE'");
  g_assert_cmpint (ABS (stored_time - g_get_real_time () / G_USEC_PER_SEC), <, 60);
  g_assert_cmpint (pdw_test_serve_query_int (&serve, "SELECT claimed_timestamp - timestamp FROM messages"
                                                     " WHERE wamid = 'wamid.HOSTILE_FUTURE'"), >, 9 * 24 * 3600);
  g_assert_cmpint (pdw_test_serve_query_int (&serve, "SELECT count(*) FROM messages WHERE claimed_timestamp IS NOT NULL"), ==, 1);

  pdw_test_serve_stop (&serve);
  pdw_test_serve_clear (&serve);
}

/* ---- kill -9 in a burst ---------------------------------------------------- */

#define BURST 240
#define BURST_THREADS 12

typedef struct
{
  guint     port;
  guint     next;       /* atomic */
  guint     statuses[BURST];
} Burst;

static gpointer
burst_thread (gpointer data)
{
  Burst *burst = data;
  guint n;

  while ((n = g_atomic_int_add (&burst->next, 1)) < BURST)
    {
      g_autoptr(GBytes) body = text_webhook (n);
      g_autoptr(GError) error = NULL;

      burst->statuses[n] = pdw_test_serve_post_signed (burst->port, body, &error);
    }
  return NULL;
}

static void
test_kill_in_burst (void)
{
  Burst burst = { 0 };
  GThread *threads[BURST_THREADS];
  PdwTestServe serve;
  guint acknowledged = 0;

  pdw_test_serve_init (&serve, "pandawa-hostile-kill-XXXXXX");
  pdw_test_serve_start (&serve, 0, NULL);
  burst.port = serve.port;

  for (guint i = 0; i < BURST_THREADS; i++)
    threads[i] = g_thread_new ("burst", burst_thread, &burst);
  /* Killed in the middle of it. */
  while (g_atomic_int_get (&burst.next) < BURST / 3)
    g_usleep (1000);
  pdw_test_serve_kill (&serve);
  for (guint i = 0; i < BURST_THREADS; i++)
    g_thread_join (threads[i]);

  pdw_test_serve_start (&serve, 0, NULL);
  /* Every acknowledged delivery survived the kill. */
  for (guint n = 0; n < BURST; n++)
    if (burst.statuses[n] == 200)
      {
        g_assert_cmpint (count_wamid (&serve, n), ==, 1);
        acknowledged++;
      }
  g_test_message ("%u of %u acknowledged before the kill", acknowledged, BURST);
  g_assert_cmpuint (acknowledged, >, 0);
  g_assert_cmpuint (acknowledged, <, BURST);

  /* Meta redelivers what it did not see acknowledged (and, being at least
   * once, some of what it did): each is stored once. */
  for (guint n = 0; n < BURST; n++)
    {
      g_autoptr(GBytes) body = text_webhook (n);
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (pdw_test_serve_post_signed (serve.port, body, &error), ==, 200);
    }
  g_assert_cmpint (pdw_test_serve_query_int (&serve, "SELECT count(*) FROM messages"), ==, BURST);
  g_assert_cmpint (pdw_test_serve_query_int (&serve, "SELECT count(DISTINCT wamid) FROM messages"), ==, BURST);

  pdw_test_serve_stop (&serve);
  pdw_test_serve_clear (&serve);
}

/* Raw webhooks older than the retention are purged by serve itself, at
 * start (then hourly), off its main loop. */
static void
test_retention (void)
{
  const char * const args[] = { "--retention-days", "30", NULL };
  g_autofree char *log = NULL;
  PdwTestServe serve;
  sqlite3 *db = NULL;
  guint waited = 0;

  pdw_test_serve_init (&serve, "pandawa-hostile-retention-XXXXXX");
  pdw_test_serve_start (&serve, 0, NULL);
  for (guint n = 1; n <= 3; n++)
    assert_real_webhook_served (&serve, n);
  pdw_test_serve_stop (&serve);

  /* Two of them arrived 40 days ago. */
  g_assert_cmpint (sqlite3_open (serve.db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE webhook_deliveries SET received_at = received_at - 40 * 86400"
                                     " WHERE id IN (SELECT id FROM webhook_deliveries ORDER BY id LIMIT 2)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  pdw_test_serve_start (&serve, 0, args);
  while (pdw_test_serve_query_int (&serve, "SELECT count(*) FROM webhook_deliveries") != 1 && waited++ < 100)
    g_usleep (100000);
  g_assert_cmpint (pdw_test_serve_query_int (&serve, "SELECT count(*) FROM webhook_deliveries"), ==, 1);
  /* The messages stay. */
  g_assert_cmpint (pdw_test_serve_query_int (&serve, "SELECT count(*) FROM messages"), ==, 3);
  assert_real_webhook_served (&serve, 4);
  pdw_test_serve_stop (&serve);

  log = pdw_test_serve_dup_log (&serve);
  g_assert_nonnull (strstr (log, "Purged 2 raw webhooks"));
  pdw_test_serve_clear (&serve);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gateway/hostile/payloads", test_hostile_payloads);
  g_test_add_func ("/gateway/hostile/slow-and-idle", test_slow_and_idle);
  g_test_add_func ("/gateway/hostile/descriptor-exhaustion", test_descriptor_exhaustion);
  g_test_add_func ("/gateway/hostile/oversized-streamed", test_oversized_streamed);
  g_test_add_func ("/gateway/hostile/kill-in-burst", test_kill_in_burst);
  g_test_add_func ("/gateway/hostile/retention", test_retention);

  return g_test_run ();
}
