/* bench-scale.c: what a year of office history costs the officer (issue
 * #9): the window on a month and on a year, search on the year, opening a
 * long conversation, the main loop under a webhook burst, and the memory.
 * Prints a table of figures beside the targets; nothing here
 * asserts on time.
 *
 * Run with `xvfb-run -a dbus-run-session -- meson test -C _build --benchmark scale`.
 * It generates its histories with `pandawa-cli generate` (PANDAWA_CLI):
 * the last whole month, and twelve months up to now, seed 1;
 * `bench-scale --long-conversation COPY.db` times only the opening of a
 * 300-message conversation, added to that copy.
 * PANDAWA_BENCH_MONTH_DB and PANDAWA_BENCH_YEAR_DB point it at existing
 * ones instead, which are copied first and never modified.
 *
 * `bench-scale --open DB` opens the window on DB and prints one line of
 * figures: each history is opened in a fresh process, so the second is not
 * helped by what the first loaded.
 *
 * `bench-scale --burst DB` runs only the webhook burst, with the window
 * open on a copy of DB, and prints its rows of the table.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gio/gio.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gateway/pdw-gateway-service.h"
#include "gateway/pdw-signature.h"
#include "gui/pdw-window.h"
#include "store/pdw-store.h"

#include "pdw-fake-graph.h"
#include "pdw-test-util.h"
#include "pdw-test-webhook.h"
#include "pdw-test-window.h"

#define N_QUERIES          100
#define LONG_CONVERSATION  300
#define BURST_RATE         200     /* webhooks per second */
#define BURST_SECONDS      10
#define BURST_IN_FLIGHT    64      /* as Meta, which does not open connections without end */
#define N_OPENS            3       /* each history opened this often: the median counts */
#define STALL_INTERVAL_MS  10

/* ---- Opening the window ---------------------------------------------------- */

typedef struct
{
  gint64         start;
  gint64         first_frame;
  gint64         idle;
  gulong         paint_handler;
  GdkFrameClock *clock;
} OpenTimes;

static gboolean
idle_reached_cb (gpointer data)
{
  OpenTimes *t = data;

  t->idle = g_get_monotonic_time ();
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                OpenTimes     *t)
{
  if (t->first_frame != 0)
    return;

  t->first_frame = g_get_monotonic_time ();
  g_idle_add_full (G_PRIORITY_LOW, idle_reached_cb, t, NULL);
}

static void
window_realized_cb (GtkWidget *widget,
                    OpenTimes *t)
{
  t->clock = gtk_widget_get_frame_clock (widget);
  t->paint_handler = g_signal_connect (t->clock, "after-paint", G_CALLBACK (after_paint_cb), t);
}

/* Presents a window on @context and spins until its first frame is painted
 * and the main loop has nothing left to do; times from @t->start. */
static PdwWindow *
open_window (PdwContext *context,
             OpenTimes  *t)
{
  PdwWindow *window = pdw_window_new (NULL, context, FALSE);

  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), t);
  gtk_window_present (GTK_WINDOW (window));
  while (t->idle == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (t->clock, t->paint_handler);

  return window;
}

static long
resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;

  return strtol (line + strlen ("VmRSS:"), NULL, 10);
}

/* The child's side of `--open DB`:
 * "first-frame-ms idle-ms rss-kib queue-rows store-open-ms". */
static int
open_and_print (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(PdwContext) context = NULL;
  OpenTimes t = { g_get_monotonic_time (), 0, 0, 0, NULL };
  PdwWindow *window;
  gint64 opened;

  store = pdw_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  opened = g_get_monotonic_time ();
  context = pdw_context_new (store, NULL);
  window = open_window (context, &t);

  g_print ("%.1f %.1f %ld %u %.1f\n",
           (t.first_frame - t.start) / 1000.0, (t.idle - t.start) / 1000.0, resident_kib (),
           g_list_model_get_n_items (G_LIST_MODEL (pdw_window_get_conversations (window))),
           (opened - t.start) / 1000.0);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

typedef struct
{
  double first_frame_ms;
  double idle_ms;
  long   rss_kib;
  guint  queue_rows;
  double store_open_ms;
} OpenFigures;

static void
open_in_child (const char  *self_exe,
               const char  *db,
               OpenFigures *figures)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { self_exe, "--open", db, NULL };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error) ||
      sscanf (out, "%lf %lf %ld %u %lf", &figures->first_frame_ms, &figures->idle_ms,
              &figures->rss_kib, &figures->queue_rows, &figures->store_open_ms) != 5)
    g_error ("Opening %s failed: %s", db, error != NULL ? error->message : out);
}

static int
compare_open_figures (gconstpointer a,
                      gconstpointer b)
{
  double x = ((const OpenFigures *) a)->first_frame_ms, y = ((const OpenFigures *) b)->first_frame_ms;

  return (x > y) - (x < y);
}

/* Opens the month and the year N_OPENS times each, in turn, and keeps the
 * open with the median first frame of each. */
static void
open_histories (const char  *self_exe,
                const char  *month_db,
                const char  *year_db,
                OpenFigures *month,
                OpenFigures *year)
{
  OpenFigures months[N_OPENS], years[N_OPENS];

  for (guint i = 0; i < N_OPENS; i++)
    {
      open_in_child (self_exe, month_db, &months[i]);
      open_in_child (self_exe, year_db, &years[i]);
    }
  qsort (months, N_OPENS, sizeof (OpenFigures), compare_open_figures);
  qsort (years, N_OPENS, sizeof (OpenFigures), compare_open_figures);
  *month = months[N_OPENS / 2];
  *year = years[N_OPENS / 2];
}

/* ---- The histories ------------------------------------------------------------ */

/* ---- Search -------------------------------------------------------------------- */

typedef enum
{
  QUERY_NAME,
  QUERY_PHONE,
  QUERY_TICKET,
  QUERY_NIK_SUFFIX,
  QUERY_NIK,
  QUERY_WORD,
  N_QUERY_KINDS
} QueryKind;

static const char * const query_kind_names[N_QUERY_KINDS] = {
  "name prefix", "phone 08xx", "ticket", "NIK last 4", "NIK full", "message word",
};

typedef struct
{
  GPtrArray *queries[N_QUERY_KINDS];   /* char * */
  double     p50_ms[N_QUERY_KINDS];
  double     p99_ms[N_QUERY_KINDS];
  guint      found[N_QUERY_KINDS];     /* queries that found anything */
} SearchFigures;

static void
add_query (SearchFigures *s,
           QueryKind      kind,
           char          *query)
{
  if (query != NULL && *query != '\0' && s->queries[kind]->len < N_QUERIES)
    g_ptr_array_add (s->queries[kind], query);
  else
    g_free (query);
}

/* The first five letters of the first word of @name. */
static char *
name_prefix (const char *name)
{
  const char *end = name;

  while (*end != '\0' && *end != ' ' && end - name < 5)
    end = g_utf8_next_char (end);
  return end - name >= 3 ? g_strndup (name, end - name) : NULL;
}

/* 62812... as an officer types it: 0812... */
static char *
local_phone (const char *number)
{
  if (number == NULL)
    return NULL;
  if (g_str_has_prefix (number, "+62"))
    return g_strconcat ("0", number + 3, NULL);
  if (g_str_has_prefix (number, "62"))
    return g_strconcat ("0", number + 2, NULL);
  return g_strdup (number);
}

/* The longest all-letter word (6+ letters) of the citizen's messages. */
static char *
message_word (PdwStore *store,
              gint64    conversation_id)
{
  g_autoptr(GPtrArray) messages = pdw_store_list_messages (store, conversation_id, NULL);
  char *best = NULL;

  for (guint i = 0; messages != NULL && i < messages->len; i++)
    {
      PdwMessage *message = g_ptr_array_index (messages, i);
      g_auto(GStrv) words = NULL;

      if (pdw_message_get_direction (message) != PDW_DIRECTION_IN || pdw_message_get_text (message) == NULL)
        continue;
      words = g_strsplit_set (pdw_message_get_text (message), " \n\t,.?!:;()\"'#/-", -1);
      for (guint w = 0; words[w] != NULL; w++)
        {
          gboolean letters = strlen (words[w]) >= 6;

          for (const char *c = words[w]; letters && *c != '\0'; c++)
            letters = g_ascii_isalpha (*c);
          if (letters && (best == NULL || strlen (words[w]) > strlen (best)))
            {
              g_free (best);
              best = g_strdup (words[w]);
            }
        }
    }

  return best;
}

/* Queries of each kind, from conversations spread over the whole history. */
static void
sample_queries (PdwStore      *store,
                SearchFigures *s)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) keys = NULL;
  PdwConversationQuery query = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);

  for (guint k = 0; k < N_QUERY_KINDS; k++)
    s->queries[k] = g_ptr_array_new_with_free_func (g_free);

  query.filter = PDW_CONVERSATION_FILTER_ARCHIVE;
  query.now = g_get_real_time () / G_USEC_PER_SEC;
  query.inbound_since = query.now - 14 * 24 * 3600;
  keys = pdw_store_list_conversation_keys (store, &query, &error);
  if (keys == NULL)
    g_error ("Listing conversations: %s", error->message);

  for (guint tries = 0; tries < 20 * N_QUERIES && keys->len > 0; tries++)
    {
      gint64 id = g_array_index (keys, PdwConversationKey, g_rand_int_range (rand, 0, keys->len)).id;
      g_autoptr(PdwConversation) conversation = pdw_store_dup_conversation (store, id, NULL);
      g_autoptr(PdwComplaint) complaint = pdw_store_dup_conversation_complaint (store, id, NULL);
      const char *nik;

      if (conversation == NULL)
        continue;
      add_query (s, QUERY_PHONE, local_phone (pdw_conversation_get_wa_id (conversation)));
      if (s->queries[QUERY_WORD]->len < N_QUERIES)
        add_query (s, QUERY_WORD, message_word (store, id));
      if (complaint == NULL)
        continue;

      add_query (s, QUERY_TICKET, g_strdup (pdw_complaint_get_ticket (complaint)));
      if (pdw_complaint_get_citizen_name (complaint) != NULL)
        add_query (s, QUERY_NAME, name_prefix (pdw_complaint_get_citizen_name (complaint)));
      nik = pdw_complaint_get_nik (complaint);
      if (nik != NULL && strlen (nik) == 16)
        {
          add_query (s, QUERY_NIK, g_strdup (nik));
          add_query (s, QUERY_NIK_SUFFIX, g_strdup (nik + 12));
        }
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint index;

  if (sorted->len == 0)
    return -1;
  index = (guint) (p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, index);
}

static void
time_searches (PdwStore      *store,
               SearchFigures *s)
{
  for (guint k = 0; k < N_QUERY_KINDS; k++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint i = 0; i < s->queries[k]->len; i++)
        {
          g_autoptr(GError) error = NULL;
          gint64 start = g_get_monotonic_time ();
          g_autoptr(GPtrArray) results = pdw_store_search (store, g_ptr_array_index (s->queries[k], i), 0, &error);
          double ms = (g_get_monotonic_time () - start) / 1000.0;

          if (results == NULL)
            g_error ("Search failed: %s", error->message);
          if (results->len > 0)
            s->found[k]++;
          g_array_append_val (times, ms);
        }
      g_array_sort (times, compare_doubles);
      s->p50_ms[k] = percentile (times, 0.50);
      s->p99_ms[k] = percentile (times, 0.99);
    }
}

/* ---- A long conversation -------------------------------------------------------- */

#define LONG_WA_ID "628009990300"

/* LONG_CONVERSATION messages from one citizen over the last three days,
 * through ingestion as the gateway stores them; returns the conversation. */
static gint64
add_long_conversation (PdwStore *store)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(GError) error = NULL;
  PdwIngestResult result = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < LONG_CONVERSATION; i++)
    {
      g_autofree char *wamid = g_strdup_printf ("wamid.BENCHLONG%04u", i);
      g_autofree char *text = g_strdup_printf ("Pesan ke-%u: mohon info status pengurusan KTP saya", i + 1);

      g_ptr_array_add (messages, pdw_test_message_new (wamid, LONG_WA_ID, "Warga Bench",
                                                      now - 3 * 24 * 3600 + i * 60, text));
    }
  if (!pdw_store_ingest_webhook (store, "bench", body, messages, NULL, &result, &error))
    g_error ("Ingesting: %s", error->message);

  return pdw_test_find_conversation (store, LONG_WA_ID);
}

typedef struct
{
  GListModel *messages;
  gint64      last_id;
  gint64      drawn;
} OpenConversation;

static gboolean
last_message_loaded (GListModel *messages,
                     gint64      last_id)
{
  guint n = g_list_model_get_n_items (messages);
  g_autoptr(PdwMessage) last = n > 0 ? g_list_model_get_item (messages, n - 1) : NULL;

  return last != NULL && pdw_message_get_id (last) == last_id;
}

static void
conversation_painted_cb (GdkFrameClock    *clock,
                         OpenConversation *o)
{
  if (o->drawn == 0 && last_message_loaded (o->messages, o->last_id))
    o->drawn = g_get_monotonic_time ();
}

/* From selecting the conversation to the first frame painted once the chat
 * view's list holds its last message. */
static double
time_open_conversation (PdwWindow *window,
                        PdwStore  *store,
                        gint64     conversation_id)
{
  g_autoptr(GPtrArray) stored = pdw_store_list_messages (store, conversation_id, NULL);
  PdwChatView *chat = pdw_window_get_chat_view (window);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  OpenConversation o = { pdw_chat_view_get_messages (chat), 0, 0 };
  gulong handler;
  gint64 start;

  o.last_id = pdw_message_get_id (g_ptr_array_index (stored, stored->len - 1));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (conversation_painted_cb), &o);

  start = g_get_monotonic_time ();
  if (!pdw_window_select_conversation (window, conversation_id))
    g_error ("The long conversation could not be selected");
  o.messages = pdw_chat_view_get_messages (chat);
  SPIN_UNTIL (o.drawn != 0);

  g_signal_handler_disconnect (clock, handler);
  return (o.drawn - start) / 1000.0;
}

/* `--long-conversation DB` (a copy: it gets the conversation): only the
 * time to open a conversation of LONG_CONVERSATION messages, printed in
 * ms. */
static int
open_long_conversation_and_print (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = pdw_store_open (path, &error);
  g_autoptr(PdwContext) context = NULL;
  OpenTimes t = { g_get_monotonic_time (), 0, 0, 0, NULL };
  PdwWindow *window;
  gint64 conversation_id;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  conversation_id = add_long_conversation (store);
  context = pdw_context_new (store, NULL);
  window = open_window (context, &t);
  g_print ("%.1f\n", time_open_conversation (window, store, conversation_id));

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

/* ---- The webhook burst -------------------------------------------------------- */

typedef struct
{
  char        *url;
  GMainLoop   *loop;
  SoupSession *session;
  guint        sent;
  guint        answered;
  guint        accepted;    /* 200 */
  guint        failed;      /* no answer (the first error is printed) */
  guint        in_flight;
  gint64       start;
  gint64       sent_all;
  gint64       end;
  gint         done;        /* atomic */
} Burst;

static void
burst_sent_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  Burst *b = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) reply = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);

  b->in_flight--;
  if (reply == NULL)
    {
      if (b->failed++ == 0)
        g_printerr ("A webhook post failed: %s\n", error->message);
    }
  else
    {
      b->answered++;
      if (soup_message_get_status (soup_session_get_async_result_message (SOUP_SESSION (object), result)) == 200)
        b->accepted++;
    }
  if (b->sent_all != 0 && b->in_flight == 0)
    g_main_loop_quit (b->loop);
}

static void
post_one (Burst *b)
{
  g_autofree char *wa_id = g_strdup_printf ("62800777%04u", b->sent % 500);
  g_autofree char *wamid = g_strdup_printf ("wamid.BENCHBURST%05u", b->sent);
  g_autoptr(GBytes) body = pdw_test_text_webhook_new (wa_id, "Warga Burst", wamid,
                                                      g_get_real_time () / G_USEC_PER_SEC,
                                                      "Selamat siang, bagaimana status berkas saya?");
  g_autofree char *signature = pdw_signature_compute (body, PDW_TEST_APP_SECRET);
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_POST, b->url);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Hub-Signature-256", signature);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  b->sent++;
  b->in_flight++;
  soup_session_send_and_read_async (b->session, msg, G_PRIORITY_DEFAULT, NULL, burst_sent_cb, b);
}

/* Every 5 ms, as many posts as the schedule says are due, for
 * BURST_SECONDS.  At most BURST_IN_FLIGHT wait for an answer: a gateway
 * that answers slower than BURST_RATE gets fewer (and a libsoup queue of
 * thousands would cost the sender more CPU than the gateway on two
 * cores). */
static gboolean
burst_tick_cb (gpointer data)
{
  Burst *b = data;
  gint64 now = g_get_monotonic_time ();
  guint due = (guint) ((now - b->start) * BURST_RATE / G_USEC_PER_SEC) + 1;

  if (now - b->start < BURST_SECONDS * G_USEC_PER_SEC)
    {
      while (b->sent < due && b->in_flight < BURST_IN_FLIGHT)
        post_one (b);
      return G_SOURCE_CONTINUE;
    }

  b->sent_all = now;
  if (b->in_flight == 0)
    g_main_loop_quit (b->loop);
  return G_SOURCE_REMOVE;
}

/* Stops waiting for answers a minute after the burst should have ended. */
static gboolean
burst_give_up_cb (gpointer data)
{
  g_main_loop_quit (((Burst *) data)->loop);
  return G_SOURCE_REMOVE;
}

/* The worker: its own main context and SoupSession, loopback only. */
static gpointer
burst_thread (gpointer data)
{
  Burst *b = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) tick = g_timeout_source_new (5);
  g_autoptr(GSource) give_up = g_timeout_source_new_seconds (BURST_SECONDS + 60);

  g_main_context_push_thread_default (context);
  b->session = soup_session_new_with_options ("max-conns", BURST_IN_FLIGHT,
                                              "max-conns-per-host", BURST_IN_FLIGHT,
                                              "timeout", BURST_SECONDS + 60, NULL);
  b->loop = g_main_loop_new (context, FALSE);

  g_source_set_callback (tick, burst_tick_cb, b, NULL);
  g_source_attach (tick, context);
  g_source_set_callback (give_up, burst_give_up_cb, b, NULL);
  g_source_attach (give_up, context);

  b->start = g_get_monotonic_time ();
  g_main_loop_run (b->loop);
  b->end = g_get_monotonic_time ();

  g_source_destroy (tick);
  g_source_destroy (give_up);
  g_clear_object (&b->session);
  g_clear_pointer (&b->loop, g_main_loop_unref);
  g_main_context_pop_thread_default (context);
  g_atomic_int_set (&b->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

typedef struct
{
  gint64 expected;
  gint64 worst;
  guint  late_over_100ms;
} StallDetector;

static gboolean
stall_tick_cb (gpointer data)
{
  StallDetector *d = data;
  gint64 now = g_get_monotonic_time ();
  gint64 late = now - d->expected;

  if (late > d->worst)
    d->worst = late;
  if (late > 100 * 1000)
    d->late_over_100ms++;
  d->expected = now + STALL_INTERVAL_MS * 1000;
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  double worst_stall_ms;
  guint  stalls_over_100ms;
  guint  sent;
  guint  accepted;
  guint  answered;
  guint  failed;
  double send_seconds;
  double seconds;
} BurstFigures;

/* Runs the main loop, with the window and the gateway on it, while the
 * worker posts signed webhooks to the gateway. */
static void
run_burst (PdwGatewayService *service,
           BurstFigures      *figures)
{
  Burst b = { pdw_gateway_service_dup_webhook_url (service) };
  StallDetector d = { g_get_monotonic_time () + STALL_INTERVAL_MS * 1000, 0, 0 };
  guint stall_source = g_timeout_add (STALL_INTERVAL_MS, stall_tick_cb, &d);
  GThread *thread = g_thread_new ("bench-burst", burst_thread, &b);

  while (!g_atomic_int_get (&b.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  g_source_remove (stall_source);

  figures->worst_stall_ms = d.worst / 1000.0;
  figures->stalls_over_100ms = d.late_over_100ms;
  figures->sent = b.sent;
  figures->accepted = b.accepted;
  figures->answered = b.answered;
  figures->failed = b.failed;
  figures->send_seconds = ((b.sent_all != 0 ? b.sent_all : b.end) - b.start) / (double) G_USEC_PER_SEC;
  figures->seconds = (b.end - b.start) / (double) G_USEC_PER_SEC;
  g_free (b.url);
}

/* The window and the gateway on @path, as the office runs them. */
typedef struct
{
  PdwStore          *store;
  PdwFakeGraph      *graph;
  PdwGatewayService *service;
  PdwContext        *context;
  PdwWindow         *window;
} Desk;

static void
desk_open (Desk       *desk,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwGatewayConfig) config = NULL;
  OpenTimes t = { 0 };

  desk->store = pdw_store_open (path, &error);
  g_assert_no_error (error);
  desk->graph = pdw_fake_graph_new (PDW_TEST_PHONE_ID);
  config = pdw_test_gateway_config_new (desk->graph->url);
  desk->service = pdw_gateway_service_new (desk->store, config);
  if (!pdw_gateway_service_start (desk->service, &error))
    g_error ("Starting the gateway: %s", error->message);
  desk->context = pdw_context_new (desk->store, desk->service);
  t.start = g_get_monotonic_time ();
  desk->window = open_window (desk->context, &t);
}

static void
desk_close (Desk *desk)
{
  gtk_window_destroy (GTK_WINDOW (desk->window));
  pdw_gateway_service_stop (desk->service);
  g_clear_object (&desk->context);
  g_clear_object (&desk->service);
  g_clear_object (&desk->store);
  pdw_fake_graph_free (desk->graph);
}

/* The machine's load, which the figures depend on: "1.23 0.98 0.75". */
static char *
dup_load_average (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("?");
  fields = g_strsplit (text, " ", 4);
  return g_strv_length (fields) >= 3 ? g_strjoin (" ", fields[0], fields[1], fields[2], NULL) : g_strdup ("?");
}

/* ---- The table ---------------------------------------------------------------- */

static void
print_row (const char *what,
           const char *value,
           const char *target)
{
  g_print ("| %-46s | %-34s | %-10s |\n", what, value, target);
}

static void
print_ms_row (const char *what,
              double      ms,
              const char *target)
{
  g_autofree char *value = g_strdup_printf ("%.0f ms", ms);

  print_row (what, value, target);
}

static void
print_burst_rows (const BurstFigures *burst)
{
  g_autofree char *stall_what = g_strdup_printf ("worst stall, %u webhooks/s for %u s", BURST_RATE, BURST_SECONDS);
  g_autofree char *sent = g_strdup_printf ("%u in %.1f s (%.0f/s)", burst->sent, burst->send_seconds,
                                           burst->sent / burst->send_seconds);
  g_autofree char *answered = g_strdup_printf ("%u, %u failed, %u open, %.1f s (%.0f/s)", burst->accepted,
                                               burst->failed, burst->sent - burst->answered - burst->failed,
                                               burst->seconds, burst->accepted / burst->seconds);
  g_autofree char *stalls = g_strdup_printf ("%u", burst->stalls_over_100ms);

  print_ms_row (stall_what, burst->worst_stall_ms, "< 100 ms");
  print_row ("  stalls over 100 ms", stalls, "0");
  print_row ("  webhooks posted", sent, "");
  print_row ("  webhooks answered 200 (waiting <= 60 s)", answered, "");
}

/* `--burst DB`: the window and the gateway on a copy of @path, and only
 * the burst. */
static int
burst_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pandawa-bench-burst-XXXXXX", &error);
  g_autofree char *copy = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *load_at_start = dup_load_average ();
  g_autofree char *load_at_end = NULL;
  BurstFigures burst = { 0 };
  Desk desk = { 0 };

  g_assert_no_error (error);
  copy = g_build_filename (dir, "burst.db", NULL);
  pdw_test_copy_file (path, copy);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *wal_copy = g_strconcat (copy, "-wal", NULL);

      pdw_test_copy_file (wal, wal_copy);
    }

  desk_open (&desk, copy);
  run_burst (desk.service, &burst);
  load_at_end = dup_load_average ();

  g_print ("\nPANDAWA webhook burst on a copy of %s; %u processors, load average %s at the start, %s at the end\n\n",
           path, g_get_num_processors (), load_at_start, load_at_end);
  print_row ("figure", "measured", "target");
  print_row ("----------------------------------------------", "----------------------------------", "----------");
  print_burst_rows (&burst);

  desk_close (&desk);
  pdw_test_remove_tree (dir);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *month_db = NULL;
  g_autofree char *year_db = NULL;
  g_autoptr(PdwStore) store = NULL;
  SearchFigures search = { 0 };
  OpenFigures month = { 0 }, year = { 0 };
  BurstFigures burst = { 0 };
  Desk desk = { 0 };
  double month_seconds, year_seconds, open_ms;
  gint64 long_conversation;

  g_autofree char *load_at_start = dup_load_average ();
  g_autofree char *load_at_end = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) a_month_ago = g_date_time_add_months (now, -1);
  g_autofree char *last_month = g_date_time_format (a_month_ago, "%Y-%m");

  gtk_init ();
  adw_init ();

  if (argc == 3 && g_str_equal (argv[1], "--open"))
    return open_and_print (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--burst"))
    return burst_only (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--long-conversation"))
    return open_long_conversation_and_print (argv[2]);

  dir = g_dir_make_tmp ("pandawa-bench-scale-XXXXXX", &error);
  g_assert_no_error (error);
  /* The current month may be a day old: the month is the last whole one. */
  month_db = pdw_test_prepare_history (dir, "month.db", "PANDAWA_BENCH_MONTH_DB", "1", last_month, &month_seconds);
  year_db = pdw_test_prepare_history (dir, "year.db", "PANDAWA_BENCH_YEAR_DB", "12", NULL, &year_seconds);

  /* The first open of a copy migrates it (once): that is not what an
   * officer waits for every morning, so each is opened once beforehand. */
  g_print ("Opening each history once (migrations)...\n");
  g_clear_object (&store);
  store = pdw_store_open (month_db, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  store = pdw_store_open (year_db, &error);
  g_assert_no_error (error);

  g_print ("Searching...\n");
  sample_queries (store, &search);
  time_searches (store, &search);
  long_conversation = add_long_conversation (store);
  g_clear_object (&store);

  g_print ("Opening the month and the year...\n");
  open_histories (argv[0], month_db, year_db, &month, &year);

  g_print ("Opening a long conversation and the webhook burst...\n");
  desk_open (&desk, year_db);
  open_ms = time_open_conversation (desk.window, desk.store, long_conversation);
  run_burst (desk.service, &burst);
  load_at_end = dup_load_average ();

  g_print ("\nPANDAWA scale benchmark: month %s (%.0f s to prepare), year %s (%.0f s)\n",
           g_getenv ("PANDAWA_BENCH_MONTH_DB") ? "given" : "generated", month_seconds,
           g_getenv ("PANDAWA_BENCH_YEAR_DB") ? "given" : "generated", year_seconds);
  g_print ("queue rows: month %u, year %u; %u processors, load average %s at the start, %s at the end\n",
           month.queue_rows, year.queue_rows, g_get_num_processors (), load_at_start, load_at_end);
  g_print ("Window times: median of %u opens each, in fresh processes, from opening the store.\n\n", N_OPENS);
  print_row ("figure", "measured", "target");
  print_row ("----------------------------------------------", "----------------------------------", "----------");
  print_ms_row ("first frame, month", month.first_frame_ms, "");
  print_ms_row ("  of which opening the store", month.store_open_ms, "");
  print_ms_row ("first frame, year", year.first_frame_ms, "< 1000 ms");
  print_ms_row ("  of which opening the store", year.store_open_ms, "");
  {
    g_autofree char *ratio = g_strdup_printf ("%.2fx", year.first_frame_ms / month.first_frame_ms);
    g_autofree char *idle_ratio = g_strdup_printf ("%.2fx", year.idle_ms / month.idle_ms);

    print_row ("first frame, year / month", ratio, "<= 1.5x");
    print_ms_row ("idle main loop, month", month.idle_ms, "");
    print_ms_row ("idle main loop, year", year.idle_ms, "");
    print_row ("idle main loop, year / month", idle_ratio, "<= 1.5x");
  }
  for (guint k = 0; k < N_QUERY_KINDS; k++)
    {
      g_autofree char *what = g_strdup_printf ("search %s (%u queries, %u found)",
                                               query_kind_names[k], search.queries[k]->len, search.found[k]);
      g_autofree char *value = g_strdup_printf ("p50 %.2f / p99 %.2f ms", search.p50_ms[k], search.p99_ms[k]);

      print_row (what, value, "< 100 ms");
    }
  {
    g_autofree char *what = g_strdup_printf ("open a %u-message conversation", LONG_CONVERSATION);
    g_autofree char *rss = g_strdup_printf ("%.0f MB", year.rss_kib / 1024.0);

    print_ms_row (what, open_ms, "");
    print_burst_rows (&burst);
    print_row ("resident memory after opening the year", rss, "< 250 MB");
  }

  desk_close (&desk);
  for (guint k = 0; k < N_QUERY_KINDS; k++)
    g_ptr_array_unref (search.queries[k]);
  pdw_test_remove_tree (dir);
  return 0;
}
