/* test-conversation-paging.c: the queue model on thousands of
 * conversations: rows read in pages, and items-changed that always leaves
 * the model equal to a fresh query of its filter.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "store/pdw-conversation-list.h"
#include "store/pdw-store-migrations.h"
#include "store/pdw-store.h"

#include "test-store-util.h"

#define N_CONVERSATIONS 3000
/* Ten minutes apart: the newest few days are recent, the rest are not. */
#define SPACING 600
#define PAGE 64

typedef struct
{
  char                *dir;
  PdwStore            *store;
  PdwConversationList *list;
  /* The ids as the items-changed signals say, and how many came. */
  GArray              *mirror;
  guint                n_signals;
  gint64               now;
} Fixture;

static char *
wa_id_of (guint i)
{
  return g_strdup_printf ("62800%08u", i);
}

static gint64
time_of (Fixture *f,
         guint    i)
{
  /* Half a step off, so that no conversation sits on the 14-day edge. */
  return f->now - (gint64) (N_CONVERSATIONS - i) * SPACING + SPACING / 2;
}

static gint64
conversation_of (Fixture *f,
                 guint    i)
{
  g_autofree char *wa_id = wa_id_of (i);
  gint64 id = pdw_store_find_conversation_by_wa_id (f->store, wa_id, NULL);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
write_from (Fixture    *f,
            guint       i,
            gint64      timestamp,
            const char *text)
{
  g_autofree char *wa_id = wa_id_of (i);
  g_autofree char *wamid = g_strdup_printf ("wamid.P%u.%" G_GINT64_FORMAT, i, timestamp);

  test_ingest (f->store, test_messages (test_inbound (wamid, wa_id, "Warga Contoh", timestamp, text), NULL), NULL);
}

static GArray *
fresh_ids (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) keys = NULL;
  PdwConversationQuery query = { 0 };
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* What the model asks, as the model asks it. */
  query.filter = pdw_conversation_list_get_filter (f->list);
  query.now = g_get_real_time () / G_USEC_PER_SEC;
  query.inbound_since = query.now - 14 * 24 * 3600;
  query.due_soon_seconds = 8 * 3600;
  query.pinned_id = 0;
  keys = pdw_store_list_conversation_keys (f->store, &query, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < keys->len; i++)
    g_array_append_val (ids, g_array_index (keys, PdwConversationKey, i).id);

  return ids;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->n_signals++;
  g_assert_cmpuint (position + removed, <=, f->mirror->len);
  g_array_remove_range (f->mirror, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(PdwConversation) row = g_list_model_get_item (model, position + i);
      gint64 id;

      g_assert_nonnull (row);
      id = pdw_conversation_get_id (row);
      g_array_insert_val (f->mirror, position + i, id);
    }

  g_assert_cmpuint (f->mirror->len, ==, g_list_model_get_n_items (model));

  /* Between two signals of a move too, a conversation is there once. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

    for (guint i = 0; i < f->mirror->len; i++)
      g_assert_true (g_hash_table_add (seen, &g_array_index (f->mirror, gint64, i)));
  }
}

/* The model as its signals told it equals a fresh query (with @pinned). */
static void
assert_model_matches (Fixture *f,
                      gint64   pinned)
{
  g_autoptr(GArray) expected = fresh_ids (f);

  if (pinned != 0)
    {
      gboolean present = FALSE;

      for (guint i = 0; i < expected->len && !present; i++)
        present = g_array_index (expected, gint64, i) == pinned;
      g_assert_true (present || pdw_conversation_list_find (f->list, pinned) != G_MAXUINT);
      if (!present)
        g_array_insert_val (expected, pdw_conversation_list_find (f->list, pinned), pinned);
    }

  g_assert_cmpuint (f->mirror->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (g_array_index (f->mirror, gint64, i), ==, g_array_index (expected, gint64, i));
}

/* The same, from the model's own positions (reads no row). */
static void
assert_positions_match (Fixture *f)
{
  g_autoptr(GArray) expected = fresh_ids (f);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpuint (pdw_conversation_list_find (f->list, g_array_index (expected, gint64, i)), ==, i);
}

/* For the burst: the store's "now" stands still a few seconds after the
 * fixture's, so how the queue orders the office's replies against the
 * citizens' messages (at now + 1, 11, 21) does not depend on how long a
 * loaded machine took to get there. */
static gint64
fixture_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now + 5;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_make_db_path (&f->dir);
  PdwIngestResult result = { 0 };

  f->now = g_get_real_time () / G_USEC_PER_SEC;
  f->store = pdw_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (pdw_store_begin_batch (f->store, &error));
  for (guint i = 0; i < N_CONVERSATIONS; i++)
    {
      g_autofree char *wa_id = wa_id_of (i);
      g_autofree char *wamid = g_strdup_printf ("wamid.P%u", i);

      g_ptr_array_add (messages, test_inbound (wamid, wa_id, "Warga Contoh", time_of (f, i), "Halo"));
    }
  g_assert_true (pdw_store_ingest_webhook (f->store, "test", body, messages, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.messages_new, ==, N_CONVERSATIONS);

  /* Officers read two in three: the rest stay unread, whatever their age. */
  for (guint i = 0; i < N_CONVERSATIONS; i++)
    if (i % 3 != 0)
      g_assert_true (pdw_store_mark_conversation_read (f->store, conversation_of (f, i), &error));
  g_assert_true (pdw_store_end_batch (f->store, &error));
  g_assert_no_error (error);

  f->list = pdw_conversation_list_new (f->store);
  pdw_conversation_list_set_filter (f->list, PDW_CONVERSATION_FILTER_WORKING_SET);
  f->mirror = fresh_ids (f);
  g_signal_connect (f->list, "items-changed", G_CALLBACK (items_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->list);
  g_clear_object (&f->store);
  g_clear_pointer (&f->mirror, g_array_unref);
  pdw_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

/* Opening reads keys only; a row is read with its page, once. */
static void
test_paging_lazy (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (f->list);
  g_autoptr(PdwConversation) first = NULL;
  g_autoptr(PdwConversation) again = NULL;
  g_autoptr(PdwConversation) middle = NULL;
  g_autoptr(PdwConversation) last = NULL;
  guint n_items = g_list_model_get_n_items (model);

  /* The mirror reads the rows it is told about: not here. */
  g_signal_handlers_disconnect_by_func (f->list, items_changed_cb, f);
  /* Recent (20 days at ten minutes: 14 days of them) and unread ones, not
   * everything. */
  g_assert_cmpuint (n_items, >, N_CONVERSATIONS / 2);
  g_assert_cmpuint (n_items, <, N_CONVERSATIONS);
  assert_positions_match (f);
  g_assert_cmpuint (pdw_conversation_list_get_n_fetched (f->list), ==, 0);

  first = g_list_model_get_item (model, 0);
  g_assert_cmpuint (pdw_conversation_list_get_n_fetched (f->list), ==, PAGE);
  g_assert_cmpint (pdw_conversation_get_id (first), ==, conversation_of (f, N_CONVERSATIONS - 1));
  again = g_list_model_get_item (model, 0);
  g_assert_true (again == first);
  g_assert_cmpuint (pdw_conversation_list_get_n_fetched (f->list), ==, PAGE);

  middle = g_list_model_get_item (model, n_items / 2);
  last = g_list_model_get_item (model, n_items - 1);
  g_assert_nonnull (middle);
  g_assert_nonnull (last);
  g_assert_cmpuint (pdw_conversation_list_get_n_fetched (f->list), <=, 3 * PAGE);

  /* The archive: every conversation, paged the same way. */
  pdw_conversation_list_set_filter (f->list, PDW_CONVERSATION_FILTER_ARCHIVE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_CONVERSATIONS);
  assert_positions_match (f);
  g_assert_cmpuint (pdw_conversation_list_get_n_fetched (f->list), <=, 3 * PAGE);
  g_clear_object (&last);
  last = g_list_model_get_item (model, N_CONVERSATIONS - 1);
  g_assert_cmpint (pdw_conversation_get_id (last), ==, conversation_of (f, 0));
  g_assert_cmpuint (pdw_conversation_list_get_n_fetched (f->list), <=, 4 * PAGE);
}

static void
test_paging_changes (Fixture       *f,
                     gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (f->list);
  g_autoptr(PdwConversation) held = NULL;
  g_autoptr(GError) error = NULL;
  PdwActor actor = { "Petugas Uji", "199001012020011001", NULL };
  guint signals;
  gint64 old_read, recent, old_unread;
  guint position;

  /* A new citizen arrives at the top. */
  signals = f->n_signals;
  test_ingest (f->store, test_messages (test_inbound ("wamid.NEW", "6280099999999", "Warga Baru", f->now, "Halo"), NULL), NULL);
  g_assert_cmpuint (f->n_signals, ==, signals + 1);
  assert_model_matches (f, 0);

  /* An old, read conversation (not in the working set) writes: it arrives. */
  old_read = conversation_of (f, 1);
  g_assert_cmpuint (pdw_conversation_list_find (f->list, old_read), ==, G_MAXUINT);
  write_from (f, 1, f->now + 1, "Saya menulis lagi");
  g_assert_cmpuint (pdw_conversation_list_find (f->list, old_read), ==, 0);
  assert_model_matches (f, 0);

  /* A recent one in the middle writes: it moves up, the same object. */
  recent = conversation_of (f, N_CONVERSATIONS - 200);
  position = pdw_conversation_list_find (f->list, recent);
  g_assert_cmpuint (position, >, 100);
  held = g_list_model_get_item (model, position);
  write_from (f, N_CONVERSATIONS - 200, f->now + 2, "Bagaimana kabarnya?");
  g_assert_cmpuint (pdw_conversation_list_find (f->list, recent), ==, 0);
  g_assert_true (g_list_model_get_item (model, 0) == (gpointer) held);
  g_object_unref (held);  /* the extra reference get_item just returned */
  g_assert_cmpstr (pdw_conversation_get_last_message_text (held), ==, "Bagaimana kabarnya?");
  assert_model_matches (f, 0);

  /* An old unread one is read: it leaves. */
  old_unread = conversation_of (f, 3);
  g_assert_cmpuint (pdw_conversation_list_find (f->list, old_unread), !=, G_MAXUINT);
  g_assert_true (pdw_store_mark_conversation_read (f->store, old_unread, &error));
  g_assert_cmpuint (pdw_conversation_list_find (f->list, old_unread), ==, G_MAXUINT);
  assert_model_matches (f, 0);

  /* A reply moves its conversation to the top too. */
  recent = conversation_of (f, N_CONVERSATIONS - 300);
  pdw_store_queue_outgoing_text (f->store, recent, "Baik, kami proses", "Petugas Uji", &error);
  g_assert_no_error (error);
  assert_model_matches (f, 0);

  /* A merged conversation leaves. */
  old_unread = conversation_of (f, N_CONVERSATIONS - 11);
  g_assert_true (pdw_store_merge_conversations (f->store, conversation_of (f, N_CONVERSATIONS - 10),
                                                old_unread, &actor, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdw_conversation_list_find (f->list, old_unread), ==, G_MAXUINT);
  assert_model_matches (f, 0);

  /* Frozen: the row changes in place, but does not move until thawed. */
  recent = conversation_of (f, N_CONVERSATIONS - 400);
  position = pdw_conversation_list_find (f->list, recent);
  g_clear_object (&held);
  held = g_list_model_get_item (model, position);
  pdw_conversation_list_set_frozen (f->list, TRUE);
  signals = f->n_signals;
  write_from (f, N_CONVERSATIONS - 400, f->now + 3, "Masih menunggu");
  g_assert_cmpuint (f->n_signals, ==, signals);
  g_assert_cmpuint (pdw_conversation_list_find (f->list, recent), ==, position);
  g_assert_cmpstr (pdw_conversation_get_last_message_text (held), ==, "Masih menunggu");
  pdw_conversation_list_set_frozen (f->list, FALSE);
  g_assert_cmpuint (pdw_conversation_list_find (f->list, recent), ==, 0);
  assert_model_matches (f, 0);

  /* The open conversation stays while pinned, and leaves after. */
  old_read = conversation_of (f, 4);
  pdw_conversation_list_set_pinned (f->list, old_read);
  g_assert_cmpuint (pdw_conversation_list_find (f->list, old_read), !=, G_MAXUINT);
  assert_model_matches (f, old_read);
  pdw_conversation_list_set_pinned (f->list, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (pdw_conversation_list_find (f->list, old_read), ==, G_MAXUINT);
  assert_model_matches (f, 0);

  /* Another filter: one signal, and the model is that filter's. */
  signals = f->n_signals;
  pdw_conversation_list_set_filter (f->list, PDW_CONVERSATION_FILTER_ARCHIVE);
  g_assert_cmpuint (f->n_signals, ==, signals + 1);
  assert_model_matches (f, 0);
  /* Nothing changed: nothing said. */
  pdw_conversation_list_refresh (f->list);
  g_assert_cmpuint (f->n_signals, ==, signals + 1);
}

/* ---- Bursts: many changes arriving together -------------------------------- */

/* The model, row by row, is a model made afresh on the same filter. */
static void
assert_same_as_fresh_model (Fixture *f)
{
  g_autoptr(PdwConversationList) fresh = pdw_conversation_list_new (f->store);
  guint n_items;

  pdw_conversation_list_set_filter (fresh, pdw_conversation_list_get_filter (f->list));
  n_items = g_list_model_get_n_items (G_LIST_MODEL (fresh));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PdwConversation) mine = g_list_model_get_item (G_LIST_MODEL (f->list), i);
      g_autoptr(PdwConversation) theirs = g_list_model_get_item (G_LIST_MODEL (fresh), i);

      g_assert_cmpint (pdw_conversation_get_id (mine), ==, pdw_conversation_get_id (theirs));
      g_assert_cmpint (pdw_conversation_get_last_message_time (mine), ==,
                       pdw_conversation_get_last_message_time (theirs));
      g_assert_cmpuint (pdw_conversation_get_unread_count (mine), ==, pdw_conversation_get_unread_count (theirs));
    }
}

static void
count_arrived_cb (PdwConversationList *list,
                  guint                position,
                  guint               *n_arrived)
{
  g_assert_cmpuint (position, <, g_list_model_get_n_items (G_LIST_MODEL (list)));
  (*n_arrived)++;
}

/* 200 changes: 80 new citizens, 60 recent conversations near the top
 * writing again, 20 old read ones writing (they come back), 20 old unread
 * ones read (they leave) and 20 replies.  @store is the primary or a
 * companion on another thread. */
static void
write_burst (PdwStore *store,
             Fixture  *f,
             guint     round)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200; i++)
    {
      gint64 when = f->now + 10 * round + 1;
      g_autofree char *wa_id = NULL;
      g_autofree char *wamid = g_strdup_printf ("wamid.B%u.%u", round, i);
      guint who;

      if (i < 80)
        wa_id = g_strdup_printf ("62811%04u%04u", round, i);
      else if (i < 140)
        wa_id = wa_id_of (N_CONVERSATIONS - 1 - 3 * (i - 80));
      else if (i < 160)
        wa_id = wa_id_of (1 + 3 * (i - 140) + 30 * round);
      else if (i < 180)
        {
          who = 3 * (i - 160) + 60 * round;
          wa_id = wa_id_of (who);
          g_assert_true (pdw_store_mark_conversation_read (store, pdw_store_find_conversation_by_wa_id (store, wa_id, NULL),
                                                           &error));
          g_assert_no_error (error);
          continue;
        }
      else
        {
          wa_id = wa_id_of (N_CONVERSATIONS - 400 - 2 * (i - 180));
          pdw_store_queue_outgoing_text (store, pdw_store_find_conversation_by_wa_id (store, wa_id, NULL),
                                         "Baik, kami proses", "Petugas Uji", &error);
          g_assert_no_error (error);
          continue;
        }

      test_ingest (store, test_messages (test_inbound (wamid, wa_id, "Warga Contoh", when, "Ramai sekali"), NULL), NULL);
    }
}

typedef struct
{
  PdwStore *companion;
  Fixture  *f;
} BurstThread;

static gpointer
write_burst_thread (gpointer data)
{
  BurstThread *b = data;

  write_burst (b->companion, b->f, 1);
  return NULL;
}

static void
test_paging_burst (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (f->list);
  g_autoptr(PdwConversation) top = g_list_model_get_item (model, 0);
  g_autoptr(PdwStore) companion = NULL;
  g_autoptr(GError) error = NULL;
  BurstThread b = { NULL, f };
  guint n_arrived = 0;
  guint signals;

  pdw_store_set_clock (f->store, fixture_clock, f);
  g_signal_connect (f->list, "arrived", G_CALLBACK (count_arrived_cb), &n_arrived);

  /* In one commit: the store settles once, the model moves everything in
   * a few items-changed (one per stretch of the queue that changed), not
   * two per conversation. */
  signals = f->n_signals;
  g_assert_true (pdw_store_begin_batch (f->store, &error));
  write_burst (f->store, f, 0);
  g_assert_true (pdw_store_end_batch (f->store, &error));
  g_assert_no_error (error);
  g_test_message ("one commit: %u items-changed, %u arrived", f->n_signals - signals, n_arrived);
  g_assert_cmpuint (f->n_signals - signals, >=, 1);
  g_assert_cmpuint (f->n_signals - signals, <=, 3);
  /* The new, the moved, the ones back and the replied arrived, once each
   * (but one that lands where it was). */
  g_assert_cmpuint (n_arrived, >=, 100);
  g_assert_cmpuint (n_arrived, <=, 180);
  assert_model_matches (f, 0);
  assert_same_as_fresh_model (f);
  /* The row that was on top (held by the view) was updated in place. */
  g_assert_cmpstr (pdw_conversation_get_last_message_text (top), ==, "Ramai sekali");

  /* From another thread, one commit each, announced on this one when it
   * next runs: still a few items-changed. */
  companion = pdw_store_open_companion (f->store, &error);
  g_assert_no_error (error);
  b.companion = companion;
  signals = f->n_signals;
  g_thread_join (g_thread_new ("burst", write_burst_thread, &b));
  g_assert_cmpuint (f->n_signals, ==, signals);
  pdw_test_drain_main_context ();
  g_test_message ("200 commits on another thread: %u items-changed", f->n_signals - signals);
  g_assert_cmpuint (f->n_signals - signals, >=, 1);
  g_assert_cmpuint (f->n_signals - signals, <=, 40);
  assert_model_matches (f, 0);
  assert_same_as_fresh_model (f);

  /* Frozen under the pointer: nothing moves, then all at once. */
  pdw_conversation_list_set_frozen (f->list, TRUE);
  signals = f->n_signals;
  g_assert_true (pdw_store_begin_batch (f->store, &error));
  write_burst (f->store, f, 2);
  g_assert_true (pdw_store_end_batch (f->store, &error));
  g_assert_cmpuint (f->n_signals, ==, signals);
  pdw_conversation_list_set_frozen (f->list, FALSE);
  g_assert_cmpuint (f->n_signals - signals, <=, 3);
  assert_model_matches (f, 0);
  assert_same_as_fresh_model (f);

  g_signal_handlers_disconnect_by_func (f->list, count_arrived_cb, &n_arrived);
  g_assert_finalize_object (g_steal_pointer (&companion));
}

/* ---- Migration 4 on a database of schema 3 ---------------------------------- */

static void
make_version_3_database (const char *path)
{
  g_autofree char *parent = g_path_get_dirname (path);
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (int version = 1; version <= 3; version++)
    {
      sqlite3_exec (db, pdw_store_migrations_get (version), NULL, NULL, &message);
      g_assert_cmpstr (message, ==, NULL);
    }
  /* 1: old and read; 2: old and unread; 3: old with an open file; 4: no
   * message at all.  Conversation 1's reply is its newest message. */
  sqlite3_exec (db,
                "PRAGMA user_version = 3;"
                "BEGIN;"
                "INSERT INTO contacts (id, wa_id, created_at, updated_at) VALUES"
                "  (1, '6280000000001', 1700000000, 1700000000), (2, '6280000000002', 1700000000, 1700000000),"
                "  (3, '6280000000003', 1700000000, 1700000000), (4, '6280000000004', 1700000000, 1700000000);"
                "INSERT INTO conversations (id, contact_id, created_at, last_inbound_time, read_marker_id) VALUES"
                "  (1, 1, 1700000000, 1700000100, 2), (2, 2, 1700000000, 1700000200, 0),"
                "  (3, 3, 1700000000, 1700000050, 4), (4, 4, 1700000400, 0, 0);"
                "INSERT INTO messages (id, conversation_id, direction, type, text, timestamp, received_at) VALUES"
                "  (1, 1, 'in', 'text', 'satu', 1700000100, 1700000100),"
                "  (2, 1, 'out', 'text', 'balasan', 1700000300, 1700000300),"
                "  (3, 2, 'in', 'text', 'dua', 1700000200, 1700000200),"
                "  (4, 3, 'in', 'text', 'tiga', 1700000050, 1700000050);"
                "INSERT INTO complaints (id, ticket, ticket_year, ticket_month, ticket_seq,"
                "  conversation_id, status, created_at, updated_at)"
                "  VALUES (1, 'PDW-2023-11-00001', 2023, 11, 1, 3, 'menunggu', 1700000000, 1700000000);"
                "UPDATE conversations SET complaint_id = 1 WHERE id = 3;"
                "COMMIT;",
                NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

static void
assert_keys (GArray       *keys,
             const gint64 *expected,
             guint         n_expected)
{
  g_assert_cmpuint (keys->len, ==, n_expected / 2);
  for (guint i = 0; i < keys->len; i++)
    {
      g_assert_cmpint (g_array_index (keys, PdwConversationKey, i).id, ==, expected[2 * i]);
      g_assert_cmpint (g_array_index (keys, PdwConversationKey, i).time, ==, expected[2 * i + 1]);
    }
}

static void
test_paging_migration (void)
{
  /* id, then the time the queue sorts on: the newest message, else when
   * the conversation began. */
  static const gint64 archive[] = { 4, 1700000400, 1, 1700000300, 2, 1700000200, 3, 1700000050 };
  static const gint64 working[] = { 2, 1700000200, 3, 1700000050 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GArray) keys = NULL;
  PdwConversationQuery query = { PDW_CONVERSATION_FILTER_ARCHIVE, 1800000000, 1700000000 + 30 * 24 * 3600, 3600, 0 };

  make_version_3_database (path);
  store = pdw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_store_get_schema_version (store), ==, pdw_store_migrations_get_latest ());

  keys = pdw_store_list_conversation_keys (store, &query, &error);
  g_assert_no_error (error);
  assert_keys (keys, archive, G_N_ELEMENTS (archive));
  g_clear_pointer (&keys, g_array_unref);

  /* Read ones without an open file are not in the working set. */
  query.filter = PDW_CONVERSATION_FILTER_WORKING_SET;
  keys = pdw_store_list_conversation_keys (store, &query, &error);
  g_assert_no_error (error);
  assert_keys (keys, working, G_N_ELEMENTS (working));
  g_clear_pointer (&keys, g_array_unref);

  /* The triggers keep it up: conversation 1 writes again. */
  test_ingest (store, test_messages (test_inbound ("wamid.MIG", "6280000000001", "Warga", 1700000500, "lagi"), NULL), NULL);
  keys = pdw_store_list_conversation_keys (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (keys, PdwConversationKey, 0).id, ==, 1);
  g_assert_cmpint (g_array_index (keys, PdwConversationKey, 0).time, ==, 1700000500);

  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/paging/lazy", Fixture, NULL, fixture_set_up, test_paging_lazy, fixture_tear_down);
  g_test_add ("/store/paging/changes", Fixture, NULL, fixture_set_up, test_paging_changes, fixture_tear_down);
  g_test_add ("/store/paging/burst", Fixture, NULL, fixture_set_up, test_paging_burst, fixture_tear_down);
  g_test_add_func ("/store/paging/migration", test_paging_migration);

  return g_test_run ();
}
