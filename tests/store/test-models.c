/* test-models.c: the list models over the store.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "store/pdw-conversation-list.h"
#include "store/pdw-message-list.h"

#include "test-store-util.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *log)
{
  Change change = { position, removed, added };

  g_array_append_val (log, change);
}

static void
assert_change (GArray *log,
               guint   index,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *change;

  g_assert_cmpuint (index, <, log->len);
  change = &g_array_index (log, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_conversation_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);
  g_autoptr(PdwStore) store = pdw_store_open (path, &error);
  g_autoptr(PdwConversationList) list = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(PdwConversation) siti = NULL;
  g_autoptr(PdwConversation) budi = NULL;
  guint unread_notifies = 0;

  g_assert_no_error (error);
  test_ingest (store,
               test_messages (test_inbound ("wamid.L1", "6280000000001", "Siti Contoh", 1763712900, "pagi"), NULL),
               NULL);

  list = pdw_conversation_list_new (store);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == PDW_TYPE_CONVERSATION);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);

  /* A new citizen: one row inserted at the top. */
  test_ingest (store,
               test_messages (test_inbound ("wamid.L2", "6280000000002", "Budi Contoh", 1763713000, "siang"), NULL),
               NULL);
  g_assert_cmpuint (log->len, ==, 1);
  assert_change (log, 0, 0, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  budi = g_list_model_get_item (G_LIST_MODEL (list), 0);
  siti = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (pdw_conversation_get_profile_name (budi), ==, "Budi Contoh");
  g_assert_cmpuint (pdw_conversation_list_find (list, pdw_conversation_get_id (siti)), ==, 1);
  g_assert_cmpuint (pdw_conversation_list_find (list, 4242), ==, G_MAXUINT);

  /* Siti writes again: her row moves to the top, same object, updated, in
   * one items-changed (the rows from where she was to the top). */
  g_signal_connect (siti, "notify::unread-count", G_CALLBACK (count_notify_cb), &unread_notifies);
  test_ingest (store,
               test_messages (test_inbound ("wamid.L3", "6280000000001", "Siti Contoh", 1763713100, "sore"), NULL),
               NULL);
  g_assert_cmpuint (log->len, ==, 2);
  assert_change (log, 1, 0, 2, 2);
  g_assert_true (g_list_model_get_item (G_LIST_MODEL (list), 0) == (gpointer) siti);
  g_object_unref (siti);  /* the extra reference get_item just returned */
  g_assert_cmpstr (pdw_conversation_get_last_message_text (siti), ==, "sore");
  g_assert_cmpuint (pdw_conversation_get_unread_count (siti), ==, 2);
  g_assert_cmpuint (unread_notifies, ==, 1);

  /* Reading it changes the row in place: notifications, no items-changed. */
  g_assert_true (pdw_store_mark_conversation_read (store, pdw_conversation_get_id (siti), &error));
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpuint (pdw_conversation_get_unread_count (siti), ==, 0);
  g_assert_cmpuint (unread_notifies, ==, 2);

  g_signal_handlers_disconnect_by_func (siti, count_notify_cb, &unread_notifies);
  g_clear_object (&list);
  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

typedef struct
{
  PdwStore        *store;
  PdwConversation *conversation;
} ReadOnNotify;

static void
mark_read_on_notify_cb (GObject      *object,
                        GParamSpec   *pspec,
                        ReadOnNotify *data)
{
  g_autoptr(GError) error = NULL;

  if (pdw_conversation_get_unread_count (data->conversation) > 0)
    g_assert_true (pdw_store_mark_conversation_read (data->store,
                                                     pdw_conversation_get_id (data->conversation),
                                                     &error));
  g_assert_no_error (error);
}

/* The window marks the open conversation read as soon as its unread count
 * rises, from inside the list's own refresh: the row must not be doubled. */
static void
test_conversation_list_reentrant (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);
  g_autoptr(PdwStore) store = pdw_store_open (path, &error);
  g_autoptr(PdwConversationList) list = NULL;
  g_autoptr(PdwConversation) siti = NULL;
  g_autoptr(PdwConversation) first = NULL;
  g_autoptr(PdwConversation) second = NULL;
  ReadOnNotify data;

  g_assert_no_error (error);
  test_ingest (store,
               test_messages (test_inbound ("wamid.R1", "6280000000001", "Siti Contoh", 1763712900, "pagi"),
                              test_inbound ("wamid.R2", "6280000000002", "Budi Contoh", 1763713000, "siang"),
                              NULL),
               NULL);
  list = pdw_conversation_list_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  siti = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (pdw_conversation_get_profile_name (siti), ==, "Siti Contoh");

  data.store = store;
  data.conversation = siti;
  g_signal_connect (siti, "notify::unread-count", G_CALLBACK (mark_read_on_notify_cb), &data);

  test_ingest (store,
               test_messages (test_inbound ("wamid.R3", "6280000000001", "Siti Contoh", 1763713100, "sore"), NULL),
               NULL);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  second = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (first == siti);
  g_assert_cmpstr (pdw_conversation_get_profile_name (second), ==, "Budi Contoh");
  g_assert_cmpuint (pdw_conversation_get_unread_count (siti), ==, 0);

  g_signal_handlers_disconnect_by_func (siti, mark_read_on_notify_cb, &data);
  g_clear_object (&list);
  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

static void
test_message_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);
  g_autoptr(PdwStore) store = pdw_store_open (path, &error);
  g_autoptr(PdwMessageList) list = NULL;
  g_autoptr(PdwMessageList) other = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GArray) other_log = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GPtrArray) conversations = NULL;
  g_autoptr(PdwMessage) reply = NULL;
  g_autoptr(PdwMessage) middle = NULL;
  gint64 conversation_id, reply_id;
  guint status_notifies = 0;

  g_assert_no_error (error);
  test_ingest (store,
               test_messages (test_inbound ("wamid.M1", "6280000000001", "Siti Contoh", 1763712900, "satu"),
                              test_inbound ("wamid.M3", "6280000000001", "Siti Contoh", 1763713100, "tiga"),
                              test_inbound ("wamid.X1", "6280000000002", "Budi Contoh", 1763712900, "lain"),
                              NULL),
               NULL);
  conversations = pdw_store_list_conversations (store, &error);
  conversation_id = pdw_conversation_get_id (g_ptr_array_index (conversations, 0));
  g_assert_cmpstr (pdw_conversation_get_wa_id (g_ptr_array_index (conversations, 0)), ==, "6280000000001");

  list = pdw_message_list_new (store, conversation_id);
  other = pdw_message_list_new (store, pdw_conversation_get_id (g_ptr_array_index (conversations, 1)));
  g_assert_cmpint (pdw_message_list_get_conversation_id (list), ==, conversation_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);
  g_signal_connect (other, "items-changed", G_CALLBACK (items_changed_cb), other_log);

  /* A late message with an earlier WhatsApp time goes in the middle. */
  test_ingest (store,
               test_messages (test_inbound ("wamid.M2", "6280000000001", "Siti Contoh", 1763713000, "dua"), NULL),
               NULL);
  g_assert_cmpuint (log->len, ==, 1);
  assert_change (log, 0, 1, 0, 1);
  middle = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (pdw_message_get_text (middle), ==, "dua");

  /* An officer's reply: appended at the end. */
  reply_id = pdw_store_queue_outgoing_text (store, conversation_id, "Baik, kami proses", "Petugas Contoh", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 2);
  assert_change (log, 1, 3, 0, 1);
  reply = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_assert_cmpint (pdw_message_get_id (reply), ==, reply_id);
  g_assert_cmpint (pdw_message_get_status (reply), ==, PDW_DELIVERY_QUEUED);

  /* Status changes update the row in place. */
  g_signal_connect (reply, "notify::status", G_CALLBACK (count_notify_cb), &status_notifies);
  g_assert_true (pdw_store_mark_outgoing_accepted (store, reply_id, "wamid.R1", &error));
  g_assert_no_error (error);
  test_ingest (store, NULL, test_statuses (test_status ("wamid.R1", PDW_DELIVERY_DELIVERED, 1763713200), NULL));
  test_ingest (store, NULL, test_statuses (test_status ("wamid.R1", PDW_DELIVERY_SENT, 1763713150), NULL));
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpint (pdw_message_get_status (reply), ==, PDW_DELIVERY_DELIVERED);
  g_assert_cmpstr (pdw_message_get_wamid (reply), ==, "wamid.R1");
  g_assert_cmpuint (status_notifies, ==, 2);

  /* Nothing of this concerned the other conversation. */
  g_assert_cmpuint (other_log->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 1);

  g_signal_handlers_disconnect_by_func (reply, count_notify_cb, &status_notifies);
  g_clear_object (&list);
  g_clear_object (&other);
  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

#define LONG_CONVERSATION 1000
#define FIRST_PAGE 50

static void
assert_text (GListModel *model,
             guint       position,
             const char *text)
{
  g_autoptr(PdwMessage) message = g_list_model_get_item (model, position);

  g_assert_nonnull (message);
  g_assert_cmpstr (pdw_message_get_text (message), ==, text);
}

/* A conversation of a thousand messages opens with its newest page; older
 * pages come one at a time before it; a new message still goes last. */
static void
test_message_list_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);
  g_autoptr(PdwStore) store = pdw_store_open (path, &error);
  g_autoptr(PdwMessageList) list = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autofree char *sql = NULL;
  GListModel *model;
  gint64 conversation_id;
  sqlite3 *db = NULL;
  guint has_older_notifies = 0;
  guint loaded, n;

  g_assert_no_error (error);
  test_ingest (store,
               test_messages (test_inbound ("wamid.P0", "6280000000001", "Siti Contoh", 1763100000, "terbaru"),
                              NULL),
               NULL);
  conversation_id = pdw_store_find_conversation_by_wa_id (store, "6280000000001", &error);
  g_assert_no_error (error);

  /* 999 older messages, written straight into the file. */
  sql = g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
                         "  INSERT INTO messages (conversation_id, direction, type, text, timestamp, received_at)"
                         "  SELECT %" G_GINT64_FORMAT ", 'in', 'text', 'pesan ' || i, 1763000000 + i, 1763000000 + i"
                         "  FROM n",
                         LONG_CONVERSATION - 1, conversation_id);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  list = pdw_message_list_new (store, conversation_id);
  model = G_LIST_MODEL (list);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);
  g_signal_connect (list, "notify::has-older", G_CALLBACK (count_notify_cb), &has_older_notifies);

  /* The newest page only. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, FIRST_PAGE);
  g_assert_true (pdw_message_list_get_has_older (list));
  assert_text (model, 0, "pesan 951");
  assert_text (model, FIRST_PAGE - 1, "terbaru");

  /* The page before goes first, in order. */
  g_assert_cmpuint (pdw_message_list_load_older (list), ==, FIRST_PAGE);
  g_assert_cmpuint (log->len, ==, 1);
  assert_change (log, 0, 0, 0, FIRST_PAGE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2 * FIRST_PAGE);
  assert_text (model, 0, "pesan 901");
  assert_text (model, FIRST_PAGE - 1, "pesan 950");
  assert_text (model, FIRST_PAGE, "pesan 951");

  /* A late message older than what is shown waits for its page. */
  test_ingest (store,
               test_messages (test_inbound ("wamid.P1", "6280000000001", "Siti Contoh", 1763000000, "paling lama"),
                              NULL),
               NULL);
  g_assert_cmpuint (log->len, ==, 1);

  /* A new message goes last. */
  test_ingest (store,
               test_messages (test_inbound ("wamid.P2", "6280000000001", "Siti Contoh", 1763100100, "baru masuk"),
                              NULL),
               NULL);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (log->len, ==, 2);
  assert_change (log, 1, n - 1, 0, 1);
  assert_text (model, n - 1, "baru masuk");

  /* Every page, to the first message; then nothing more. */
  while ((loaded = pdw_message_list_load_older (list)) > 0)
    g_assert_cmpuint (loaded, <=, FIRST_PAGE);
  g_assert_false (pdw_message_list_get_has_older (list));
  g_assert_cmpuint (has_older_notifies, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, LONG_CONVERSATION + 2);
  assert_text (model, 0, "paling lama");
  assert_text (model, 1, "pesan 1");
  for (guint i = 1; i < LONG_CONVERSATION + 2; i++)
    {
      g_autoptr(PdwMessage) before = g_list_model_get_item (model, i - 1);
      g_autoptr(PdwMessage) after = g_list_model_get_item (model, i);

      g_assert_cmpint (pdw_message_get_timestamp (before), <, pdw_message_get_timestamp (after));
    }
  g_assert_cmpuint (pdw_message_list_load_older (list), ==, 0);

  g_signal_handlers_disconnect_by_func (list, count_notify_cb, &has_older_notifies);
  g_clear_object (&list);
  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/conversation-list/reentrant", test_conversation_list_reentrant);
  g_test_add_func ("/models/conversation-list", test_conversation_list);
  g_test_add_func ("/models/message-list", test_message_list);
  g_test_add_func ("/models/message-list/pages", test_message_list_pages);

  return g_test_run ();
}
