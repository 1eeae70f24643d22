/* test-queue.c: the real window on a generated office history: the
 * working set, the archive, the "new messages" pill and moving through the
 * queue from the keyboard.  Its timings are in tests/bench/bench-scale.c.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gui/pdw-conversation-row.h"
#include "gui/pdw-window.h"
#include "store/pdw-store.h"

#include "pdw-test-util.h"
#include "pdw-test-window.h"

/* Generated once for every test. */
static char *generated_dir;
static char *generated_db;

typedef struct
{
  PdwStore   *store;
  PdwContext *context;
  PdwWindow  *window;
} Fixture;

/* Spins until @check holds (failing after the guard's time), then lets
 * the layout settle. */
#define WAIT_FOR(check, data) G_STMT_START { \
    SPIN_UNTIL (check (data));                \
    pdw_test_desk_drain ();                   \
  } G_STMT_END

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (PDW_IS_CONVERSATION_ROW (child) && gtk_widget_get_child_visible (gtk_widget_get_parent (child)))
        g_ptr_array_add (rows, child);
      else
        collect_rows (child, rows);
    }
}

/* The row drawn for position @position of the queue, or NULL. */
static PdwConversationRow *
row_at (Fixture *f,
        guint    position)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  PdwConversationList *model = pdw_window_get_conversations (f->window);

  collect_rows (pdw_window_get_conversation_view (f->window), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      PdwConversation *conversation = pdw_conversation_row_get_conversation (g_ptr_array_index (rows, i));

      if (conversation != NULL &&
          pdw_conversation_list_find (model, pdw_conversation_get_id (conversation)) == position)
        return g_ptr_array_index (rows, i);
    }

  return NULL;
}

static gboolean
first_rows_drawn (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_mapped (GTK_WIDGET (f->window)) && row_at (f, 0) != NULL && row_at (f, 1) != NULL;
}

static GArray *
list_keys (PdwStore              *store,
           PdwConversationFilter  filter)
{
  g_autoptr(GError) error = NULL;
  PdwConversationQuery query = { 0 };
  GArray *keys;

  query.filter = filter;
  query.now = g_get_real_time () / G_USEC_PER_SEC;
  query.inbound_since = query.now - 14 * 24 * 3600;
  query.due_soon_seconds = 8 * 3600;
  keys = pdw_store_list_conversation_keys (store, &query, &error);
  g_assert_no_error (error);
  return keys;
}

static gboolean
keys_contain (GArray *keys,
              gint64  id)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_array_index (keys, PdwConversationKey, i).id == id)
      return TRUE;

  return FALSE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = pdw_store_open (generated_db, &error);
  g_assert_no_error (error);
  f->context = pdw_context_new (f->store, NULL);
  f->window = g_object_ref_sink (pdw_window_new (NULL, f->context, FALSE));
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_FOR (first_rows_drawn, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
}

/* The working set by default, in queue order; the old closed files only
 * in the archive. */
static void
test_queue_working_set (Fixture       *f,
                        gconstpointer  data)
{
  PdwConversationList *model = pdw_window_get_conversations (f->window);
  g_autoptr(GArray) working = list_keys (f->store, PDW_CONVERSATION_FILTER_WORKING_SET);
  g_autoptr(GArray) archive = list_keys (f->store, PDW_CONVERSATION_FILTER_ARCHIVE);
  g_autofree char *name = NULL;
  PdwConversation *first;
  gint64 archived = 0;

  g_assert_cmpint (pdw_window_get_queue_filter (f->window), ==, PDW_QUEUE_FILTER_ALL);
  g_assert_cmpuint (working->len, >, 0);
  g_assert_cmpuint (working->len, <, archive->len);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, working->len);

  /* Only the rows the list view keeps (GTK 4.8 keeps up to about 200
   * items around the viewport, so at most four pages of 64) were read,
   * never the whole history. */
  g_assert_cmpuint (pdw_conversation_list_get_n_fetched (model), <=, 4 * 64);
  g_assert_cmpuint (pdw_conversation_list_get_n_fetched (model), <, archive->len);

  first = pdw_conversation_row_get_conversation (row_at (f, 0));
  g_assert_cmpint (pdw_conversation_get_id (first), ==, g_array_index (working, PdwConversationKey, 0).id);
  name = pdw_conversation_dup_display_name (first);
  g_assert_cmpstr (pdw_conversation_row_get_name_text (row_at (f, 0)), ==, name);

  /* A conversation of the history that needs nothing: read, no open file,
   * older than two weeks. */
  for (guint i = 0; i < archive->len && archived == 0; i++)
    if (!keys_contain (working, g_array_index (archive, PdwConversationKey, i).id))
      archived = g_array_index (archive, PdwConversationKey, i).id;
  g_assert_cmpint (archived, !=, 0);
  g_assert_cmpuint (pdw_conversation_list_find (model, archived), ==, G_MAXUINT);

  pdw_window_set_queue_filter (f->window, PDW_QUEUE_FILTER_ARCHIVE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, archive->len);
  g_assert_cmpuint (pdw_conversation_list_find (model, archived), !=, G_MAXUINT);
  WAIT_FOR (first_rows_drawn, f);

  /* Back to the working set. */
  pdw_window_set_queue_filter (f->window, PDW_QUEUE_FILTER_ALL);
  g_assert_cmpuint (pdw_conversation_list_find (model, archived), ==, G_MAXUINT);

  /* Opening it from elsewhere (a search) keeps it in the queue while open. */
  g_assert_true (pdw_window_select_conversation (f->window, archived));
  g_assert_cmpuint (pdw_conversation_list_find (model, archived), !=, G_MAXUINT);
  g_assert_cmpint (pdw_conversation_get_id (pdw_chat_view_get_conversation (pdw_window_get_chat_view (f->window))),
                   ==, archived);
}

static gboolean
scrolled_down (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_value (adjustment) > 0;
}

static GtkAdjustment *
queue_adjustment (Fixture *f)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (pdw_window_get_conversation_view (f->window),
                                                 GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

/* A citizen writes while the officer looks further down: the pill says so
 * and brings the officer to the top. */
static void
test_queue_new_messages_pill (Fixture       *f,
                              gconstpointer  data)
{
  PdwConversationList *model = pdw_window_get_conversations (f->window);
  GtkAdjustment *adjustment = queue_adjustment (f);
  g_autoptr(PdwConversation) last = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(GError) error = NULL;
  PdwInboundMessage *message;
  PdwIngestResult result = { 0 };
  guint n_items;

  pdw_window_set_queue_filter (f->window, PDW_QUEUE_FILTER_ARCHIVE);
  WAIT_FOR (first_rows_drawn, f);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_null (pdw_window_get_new_messages_text (f->window));

  gtk_widget_activate_action (pdw_window_get_conversation_view (f->window), "list.scroll-to-item", "u", n_items / 2);
  WAIT_FOR (scrolled_down, adjustment);

  last = g_list_model_get_item (G_LIST_MODEL (model), n_items - 1);
  message = pdw_test_message_new ("wamid.PILL1", pdw_conversation_get_wa_id (last), "Warga",
                                  g_get_real_time () / G_USEC_PER_SEC, "Apakah sudah selesai?");
  g_ptr_array_add (messages, message);
  g_assert_true (pdw_store_ingest_webhook (f->store, "test", body, messages, NULL, &result, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (pdw_conversation_list_find (model, pdw_conversation_get_id (last)), ==, 0);
  g_assert_cmpstr (pdw_window_get_new_messages_text (f->window), ==, "1 new message");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-conversation", NULL);
  g_assert_cmpint (pdw_conversation_get_id (pdw_chat_view_get_conversation (pdw_window_get_chat_view (f->window))),
                   ==, pdw_conversation_get_id (last));

  /* The pill goes with the scroll to the top. */
  gtk_adjustment_set_value (adjustment, 0);
  g_assert_null (pdw_window_get_new_messages_text (f->window));
}

/* Alt+Down / Alt+Up walk the queue. */
static void
test_queue_adjacent (Fixture       *f,
                     gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (pdw_window_get_conversations (f->window));
  PdwChatView *chat = pdw_window_get_chat_view (f->window);
  g_autoptr(PdwConversation) first = g_list_model_get_item (model, 0);
  g_autoptr(PdwConversation) second = g_list_model_get_item (model, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-conversation", NULL));
  g_assert_cmpint (pdw_conversation_get_id (pdw_chat_view_get_conversation (chat)), ==, pdw_conversation_get_id (first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-conversation", NULL));
  g_assert_cmpint (pdw_conversation_get_id (pdw_chat_view_get_conversation (chat)), ==, pdw_conversation_get_id (second));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-conversation", NULL));
  g_assert_cmpint (pdw_conversation_get_id (pdw_chat_view_get_conversation (chat)), ==, pdw_conversation_get_id (first));
}

/* Two months of a small office, long ago, all read by the officers: the
 * working set is then the open files only. */
static void
generate_history (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GArray) keys = NULL;
  g_autofree char *stdout_text = NULL;
  const char *cli = g_getenv ("PANDAWA_CLI");
  const char *argv[] = { cli, "generate", "--db", NULL, "--months", "2", "--scale", "small", "--seed", "1", NULL };
  int status = 0;

  g_assert_nonnull (cli);
  generated_dir = g_dir_make_tmp ("pandawa-test-queue-XXXXXX", &error);
  g_assert_no_error (error);
  generated_db = g_build_filename (generated_dir, "pandawa.db", NULL);
  argv[3] = generated_db;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &stdout_text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  store = pdw_store_open (generated_db, &error);
  g_assert_no_error (error);
  keys = list_keys (store, PDW_CONVERSATION_FILTER_ARCHIVE);
  g_assert_true (pdw_store_begin_batch (store, &error));
  for (guint i = 0; i < keys->len; i++)
    g_assert_true (pdw_store_mark_conversation_read (store, g_array_index (keys, PdwConversationKey, i).id, &error));
  g_assert_true (pdw_store_end_batch (store, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  generate_history ();

  g_test_add ("/gui/queue/working-set", Fixture, NULL, fixture_set_up, test_queue_working_set, fixture_tear_down);
  g_test_add ("/gui/queue/new-messages-pill", Fixture, NULL, fixture_set_up, test_queue_new_messages_pill, fixture_tear_down);
  g_test_add ("/gui/queue/adjacent", Fixture, NULL, fixture_set_up, test_queue_adjacent, fixture_tear_down);

  ret = g_test_run ();

  pdw_test_remove_tree (generated_dir);
  g_clear_pointer (&generated_dir, g_free);
  g_clear_pointer (&generated_db, g_free);
  return ret;
}
