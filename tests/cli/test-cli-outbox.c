/* test-cli-outbox.c: two `pandawa-cli serve` processes on one database
 * against the fake Graph API send every queued reply exactly once, each
 * citizen's in order; `pandawa-cli send` queues a reply that a running
 * serve picks up within seconds.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "store/pdw-store.h"
#include "pdw-fake-graph.h"
#include "pdw-test-gateway.h"
#include "pdw-test-util.h"

#define ACCESS_TOKEN "cli-outbox-access-token"
#define APP_SECRET   "cli-outbox-app-secret"
#define PHONE_ID     "100000000000002"

#define N_CITIZENS 4
#define N_PER_CITIZEN 5

typedef struct
{
  char         *dir;
  char         *db;
  char         *token_file;
  char         *secret_file;
  PdwStore     *store;
  PdwFakeGraph *graph;
  guint         tick_id;
} Fixture;

/* What the serve processes write wakes nothing here: the loop looks again
 * every 100 ms. */
static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pandawa-cli-outbox-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "pandawa.db", NULL);
  f->token_file = pdw_test_write_secret (f->dir, "access-token", ACCESS_TOKEN "\n");
  f->secret_file = pdw_test_write_secret (f->dir, "app-secret", APP_SECRET "\n");
  f->store = pdw_store_open (f->db, &error);
  g_assert_no_error (error);
  f->graph = pdw_fake_graph_new (PHONE_ID);
  f->tick_id = g_timeout_add (100, tick_cb, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_handle_id (&f->tick_id, g_source_remove);
  g_assert_finalize_object (f->store);
  pdw_fake_graph_free (f->graph);
  pdw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->token_file);
  g_free (f->secret_file);
}

static GSubprocess *
start_serve (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  GSubprocess *serve;

  serve = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            pdw_test_program ("PANDAWA_CLI"), "serve", "--no-auto-reply",
                            "--db", f->db,
                            "--listen", "127.0.0.1:0",
                            "--app-secret-file", f->secret_file,
                            "--access-token-file", f->token_file,
                            "--graph-url", f->graph->url,
                            "--phone-number-id", PHONE_ID,
                            NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (serve));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "LISTENING="));
  return serve;
}

static void
stop_serve (GSubprocess *serve)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (serve, SIGTERM);
  g_subprocess_wait (serve, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (serve));
  g_assert_cmpint (g_subprocess_get_exit_status (serve), ==, 0);
}

/* `pandawa-cli send`; returns its exit status and the queued id. */
static int
run_send (Fixture    *f,
          const char *to,
          const char *text,
          gint64     *message_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) send = NULL;
  g_autofree char *out = NULL;

  send = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                           pdw_test_program ("PANDAWA_CLI"), "send", "--db", f->db, "--to", to, "--text", text, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (send, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  if (message_id != NULL)
    *message_id = g_str_has_prefix (out, "QUEUED=") ? g_ascii_strtoll (out + strlen ("QUEUED="), NULL, 10) : 0;
  return g_subprocess_get_exit_status (send);
}

static gboolean
wait_done_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Serves the fake Graph API for @seconds more. */
static void
spin_for (guint seconds)
{
  gboolean done = FALSE;

  g_timeout_add_seconds (seconds, wait_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static guint
count_text (GPtrArray  *texts,
            const char *text,
            guint      *index)
{
  guint count = 0;

  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), text))
      {
        *index = i;
        count++;
      }
  return count;
}

static guint
n_accepted (Fixture *f)
{
  g_autoptr(GPtrArray) texts = pdw_fake_graph_dup_accepted_texts (f->graph);

  return texts->len;
}

static void
test_send_queues_for_serve (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GSubprocess) serve = NULL;
  gint64 message_id = 0;

  pdw_test_ingest_citizen (f->store, "6281100000001", "Siti");

  /* Nobody wrote from this number: nothing to reply to. */
  g_assert_cmpint (run_send (f, "6289999999999", "halo", NULL), ==, 1);
  g_assert_cmpint (run_send (f, "6281100000001", "", NULL), ==, 2);

  serve = start_serve (f);
  g_assert_cmpint (run_send (f, "+6281100000001", "Berkas Anda sudah selesai.", &message_id), ==, 0);
  g_assert_cmpint (message_id, >, 0);
  g_assert_cmpint (pdw_test_message_status (f->store, message_id), !=, PDW_DELIVERY_NONE);

  /* Another process queued it: serve notices within seconds. */
  SPIN_UNTIL (n_accepted (f) == 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (pdw_fake_graph_get_request (f->graph, 0),
                                                                                  "text"), "body"),
                   ==, "Berkas Anda sudah selesai.");
  SPIN_UNTIL (pdw_test_message_status (f->store, message_id) == PDW_DELIVERY_ACCEPTED);
  stop_serve (serve);
}

static void
test_two_serves (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GPtrArray) accepted = NULL;
  gint64 conversations[N_CITIZENS];
  guint expected = N_CITIZENS * N_PER_CITIZEN + 2;

  for (guint c = 0; c < N_CITIZENS; c++)
    {
      g_autofree char *wa_id = g_strdup_printf ("62811000000%02u", c);

      conversations[c] = pdw_test_ingest_citizen (f->store, wa_id, "Warga");
    }
  /* A short outage at the start spreads the work over both processes. */
  pdw_fake_graph_push_response (f->graph, 500, NULL, "down");
  pdw_fake_graph_push_response (f->graph, 500, NULL, "down");

  for (guint m = 0; m < N_PER_CITIZEN; m++)
    for (guint c = 0; c < N_CITIZENS; c++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *text = g_strdup_printf ("warga %u pesan %u", c, m);

        pdw_store_queue_outgoing_text (f->store, conversations[c], text, "Petugas Uji", &error);
        g_assert_no_error (error);
      }

  first = start_serve (f);
  second = start_serve (f);
  /* Two more while both run, from a third process. */
  g_assert_cmpint (run_send (f, "6281100000000", "dari skrip 1", NULL), ==, 0);
  g_assert_cmpint (run_send (f, "6281100000000", "dari skrip 2", NULL), ==, 0);

  SPIN_UNTIL (n_accepted (f) == expected);
  /* Time for a double send to show, if either process were to make one. */
  spin_for (3);
  stop_serve (first);
  stop_serve (second);

  accepted = pdw_fake_graph_dup_accepted_texts (f->graph);
  g_assert_cmpuint (accepted->len, ==, expected);
  g_assert_cmpuint (f->graph->requests->len, ==, expected + 2);
  for (guint c = 0; c < N_CITIZENS; c++)
    {
      int last = -1;

      for (guint m = 0; m < N_PER_CITIZEN; m++)
        {
          g_autofree char *text = g_strdup_printf ("warga %u pesan %u", c, m);
          guint index = 0;

          g_assert_cmpuint (count_text (accepted, text, &index), ==, 1);
          g_assert_cmpint ((int) index, >, last);
          last = (int) index;
        }
      if (c == 0)
        {
          guint one = 0, two = 0;

          g_assert_cmpuint (count_text (accepted, "dari skrip 1", &one), ==, 1);
          g_assert_cmpuint (count_text (accepted, "dari skrip 2", &two), ==, 1);
          g_assert_cmpuint (one, <, two);
          g_assert_cmpint ((int) one, >, last);
        }
    }
  g_assert_cmpuint (pdw_store_count_queued_outgoing (f->store, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/outbox/send", Fixture, NULL, fixture_set_up, test_send_queues_for_serve, fixture_tear_down);
  g_test_add ("/cli/outbox/two-serves", Fixture, NULL, fixture_set_up, test_two_serves, fixture_tear_down);

  return g_test_run ();
}
