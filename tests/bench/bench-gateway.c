/* bench-gateway.c: the webhook receiver under load (issue #12).
 *
 * Signed text webhooks are posted to a real `pandawa-cli serve` on a
 * temporary database by 1, 4, 16 and 64 concurrent clients, each on a
 * connection of its own per delivery as Meta's senders do; a delivery
 * counts once answered 200, i.e. committed with synchronous=FULL.  In the
 * same run, on the same disk: SQLite's own durable insert rate, one row
 * per transaction (WAL, synchronous=FULL), so that the gateway's cost is
 * a ratio.  `meson test -C _build --benchmark gateway-load`;
 * PANDAWA_BENCH_GATEWAY_N sets the deliveries per level (default 600).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "pdw-test-serve.h"
#include "pdw-test-util.h"
#include "pdw-test-webhook.h"

typedef struct
{
  guint    port;
  guint    total;
  guint    base;      /* wamid numbering of this level */
  guint    next;      /* atomic */
  guint    failed;    /* atomic */
  double  *latency;   /* seconds, per delivery */
} Level;

static gpointer
client_thread (gpointer data)
{
  Level *level = data;
  guint n;

  while ((n = (guint) g_atomic_int_add (&level->next, 1)) < level->total)
    {
      g_autofree char *wamid = g_strdup_printf ("wamid.LOAD_%u", level->base + n);
      g_autofree char *wa_id = g_strdup_printf ("6281%08u", (level->base + n) % 500);
      g_autoptr(GBytes) body = pdw_test_text_webhook_new (wa_id, "Warga Uji", wamid, 1767225600 + n,
                                                          "Selamat siang, NIK saya belum aktif setelah pindah datang, mohon dibantu");
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (pdw_test_serve_post_signed (level->port, body, &error) != 200)
        g_atomic_int_inc (&level->failed);
      level->latency[n] = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
    }
  return NULL;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (double *sorted,
            guint   n,
            double  p)
{
  guint i = (guint) (p * (n - 1) + 0.5);

  return sorted[MIN (i, n - 1)];
}

/* One row per transaction, as durable as the gateway's commits. */
static double
raw_sqlite_rate (const char *dir,
                 guint       rows)
{
  g_autofree char *path = g_build_filename (dir, "raw.db", NULL);
  g_autofree char *payload = g_strnfill (700, 'x');
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                                     "CREATE TABLE t (id INTEGER PRIMARY KEY, received_at INTEGER, body BLOB)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO t (received_at, body) VALUES (?1, ?2)", -1, &stmt, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < rows; i++)
    {
      sqlite3_bind_int64 (stmt, 1, i);
      sqlite3_bind_blob (stmt, 2, payload, 700, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return rows / ((g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

int
main (int    argc,
      char **argv)
{
  static const guint concurrency[] = { 1, 4, 16, 64 };
  const char *n_env = g_getenv ("PANDAWA_BENCH_GATEWAY_N");
  guint per_level = n_env != NULL ? (guint) atoi (n_env) : 600;
  double rates[G_N_ELEMENTS (concurrency)];
  double p50[G_N_ELEMENTS (concurrency)];
  double p99[G_N_ELEMENTS (concurrency)];
  double raw_rate, best = 0;
  PdwTestServe serve;
  guint base = 0;

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpuint (per_level, >, 0);

  pdw_test_serve_init (&serve, "pandawa-bench-gateway-XXXXXX");
  pdw_test_serve_start (&serve, 0, NULL);

  for (guint c = 0; c < G_N_ELEMENTS (concurrency); c++)
    {
      g_autofree GThread **threads = g_new0 (GThread *, concurrency[c]);
      g_autofree double *latency = g_new0 (double, per_level);
      Level level = { serve.port, per_level, base, 0, 0, latency };
      gint64 start = g_get_monotonic_time ();
      double seconds;

      for (guint t = 0; t < concurrency[c]; t++)
        threads[t] = g_thread_new ("client", client_thread, &level);
      for (guint t = 0; t < concurrency[c]; t++)
        g_thread_join (threads[t]);
      seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

      g_assert_cmpuint (level.failed, ==, 0);
      qsort (latency, per_level, sizeof (double), compare_double);
      rates[c] = per_level / seconds;
      p50[c] = percentile (latency, per_level, 0.50);
      p99[c] = percentile (latency, per_level, 0.99);
      best = MAX (best, rates[c]);
      base += per_level;
    }

  /* Every acknowledged delivery is there. */
  g_assert_cmpint (pdw_test_serve_query_int (&serve, "SELECT count(*) FROM messages"), ==, base);
  pdw_test_serve_stop (&serve);

  raw_rate = raw_sqlite_rate (serve.dir, per_level);

  printf ("\nGateway load: %u signed webhooks per level, one connection each, acknowledged after COMMIT (synchronous=FULL)\n\n",
          per_level);
  printf ("| Concurrent clients | Durable webhooks/s | p50 time to ack | p99 time to ack | vs raw SQLite |\n");
  printf ("|---:|---:|---:|---:|---:|\n");
  for (guint c = 0; c < G_N_ELEMENTS (concurrency); c++)
    printf ("| %u | %.0f | %.1f ms | %.1f ms | %.2f× |\n", concurrency[c], rates[c], p50[c] * 1000, p99[c] * 1000,
            rates[c] / raw_rate);
  printf ("\nRaw SQLite, one row per transaction (WAL, synchronous=FULL), same disk: %.0f rows/s\n", raw_rate);
  printf ("Best gateway rate / raw one-row rate: %.2f\n", best / raw_rate);

  pdw_test_serve_clear (&serve);
  return 0;
}
