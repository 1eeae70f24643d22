/* test-store.c: the SQLite store.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "store/pdw-store-migrations.h"
#include "test-store-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  PdwStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = test_make_db_path (&f->dir);
  f->store = pdw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  pdw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Reads one integer straight from the file, beside the store's connection. */
static gint64
raw_query_int (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
raw_query_text (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_open_fresh (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *parent = g_path_get_dirname (f->path);
  g_autofree char *journal = NULL;
  PdwStore *again;

  g_assert_cmpint (pdw_store_get_schema_version (f->store), ==, pdw_store_migrations_get_latest ());
  g_assert_cmpstr (pdw_store_get_path (f->store), ==, f->path);
  g_assert_cmpint (raw_query_int (f->path, "PRAGMA user_version"), ==, pdw_store_migrations_get_latest ());

  journal = raw_query_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  g_assert_cmpuint (file_mode (f->path), ==, 0600);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (shm), ==, 0600);
  g_assert_cmpuint (file_mode (parent), ==, 0700);

  /* Re-opening an up-to-date database keeps its version and data. */
  g_clear_object (&f->store);
  again = pdw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_store_get_schema_version (again), ==, pdw_store_migrations_get_latest ());
  g_object_unref (again);
}

static void
test_default_path (void)
{
  g_autofree char *real = pdw_store_dup_default_path (FALSE);
  g_autofree char *demo = pdw_store_dup_default_path (TRUE);

  g_assert_true (g_str_has_suffix (real, "/pandawa/pandawa.db"));
  g_assert_true (g_str_has_suffix (demo, "/pandawa/demo.db"));
  g_assert_true (g_str_has_prefix (real, g_get_user_data_dir ()));
}

static char *
read_bytes (const char *path,
            gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_open_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  char garbage[4096];
  PdwStore *store;

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) ('A' + i % 23);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));
  before = read_bytes (path, &before_len);

  store = pdw_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));

  after = read_bytes (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);

  pdw_test_remove_tree (dir);
}

static void
test_open_malformed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  PdwStore *store;

  /* A real database with data whose pages past the header are then
   * overwritten, as a failing disk would. */
  store = pdw_store_open (path, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 50; i++)
    {
      g_autofree char *wamid = g_strdup_printf ("wamid.TEST%03d", i);
      g_autofree char *text = g_strnfill (300, 'x');

      test_ingest (store,
                   test_messages (test_inbound (wamid, "6280000000001", "Siti Contoh", 1763700000 + i, text), NULL),
                   NULL);
    }
  g_clear_object (&store);

  before = read_bytes (path, &before_len);
  g_assert_cmpuint (before_len, >, 8192);
  memset (before + 4096, 0x5a, before_len - 4096);
  g_assert_true (g_file_set_contents (path, before, before_len, NULL));

  store = pdw_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));

  after = read_bytes (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);

  pdw_test_remove_tree (dir);
}

static void
test_open_too_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);
  g_autofree char *parent = g_path_get_dirname (path);
  sqlite3 *db = NULL;
  PdwStore *store;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = pdw_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, 99);

  pdw_test_remove_tree (dir);
}

/* Whatever is refused, the file is left byte for byte and mode for mode
 * as it was, and nothing appears beside it (no -wal, -shm or marker). */
static void
assert_refused_untouched (const char *sql,
                          const char *raw,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  GStatBuf st_before, st_after;
  const char * const side[] = { "-wal", "-shm", "-journal", "-open" };
  PdwStore *store;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  if (sql != NULL)
    {
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }
  else
    g_assert_true (g_file_set_contents (path, raw, -1, NULL));
  /* Another program's file, readable by its group. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  before = read_bytes (path, &before_len);
  g_assert_cmpint (g_stat (path, &st_before), ==, 0);

  store = pdw_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PDW_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));

  after = read_bytes (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpint (st_after.st_mode, ==, st_before.st_mode);
  g_assert_cmpint (st_after.st_mode & 0777, ==, 0644);
  for (guint i = 0; i < G_N_ELEMENTS (side); i++)
    {
      g_autofree char *side_path = g_strconcat (path, side[i], NULL);

      g_assert_false (g_file_test (side_path, G_FILE_TEST_EXISTS));
    }

  pdw_test_remove_tree (dir);
}

static void
test_open_refused_untouched (void)
{
  /* Another program's database (rollback journal, as SQLite makes it). */
  assert_refused_untouched ("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                            "INSERT INTO notes (body) VALUES ('milik program lain');",
                            NULL, PDW_STORE_ERROR_OPEN);
  /* A newer PANDAWA's. */
  assert_refused_untouched ("CREATE TABLE future (x); PRAGMA user_version = 999", NULL, PDW_STORE_ERROR_TOO_NEW);
  /* Not SQLite at all. */
  assert_refused_untouched (NULL, "nama,nik\nContoh,0000\n", PDW_STORE_ERROR_CORRUPT);
}

static gint64
purge_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

/* Raw bodies and orphan statuses older than the retention go, in slices;
 * the messages stay, without their link to the delivery. */
static void
test_purge_webhooks (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = 1767225600;
  gint64 clock = now - 100 * 24 * 3600;
  guint purged = 0, total = 0;

  pdw_store_set_clock (f->store, purge_clock, &clock);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *wamid = g_strdup_printf ("wamid.OLD%u", i);

      test_ingest (f->store, test_messages (test_inbound (wamid, "6280000000001", "Siti Contoh", clock, "Halo"), NULL),
                   NULL);
    }
  test_ingest (f->store, NULL, test_statuses (test_status ("wamid.NEVER_SEEN", PDW_DELIVERY_DELIVERED, clock), NULL));
  clock = now;
  test_ingest (f->store, test_messages (test_inbound ("wamid.NEW", "6280000000001", "Siti Contoh", now, "Baru"), NULL),
               test_statuses (test_status ("wamid.NEVER_SEEN_NEW", PDW_DELIVERY_DELIVERED, now), NULL));
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM webhook_deliveries"), ==, 7);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM pending_statuses"), ==, 2);

  /* 90 days: slices of 2 until nothing older is left. */
  do
    {
      g_assert_true (pdw_store_purge_webhooks (f->store, now - 90 * 24 * 3600, 2, &purged, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (purged, <=, 4);
      total += purged;
    }
  while (purged > 0);

  g_assert_cmpuint (total, ==, 7);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM webhook_deliveries"), ==, 1);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM pending_statuses"), ==, 1);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM pending_statuses WHERE wamid = 'wamid.NEVER_SEEN_NEW'"), ==, 1);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM messages"), ==, 6);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM messages WHERE webhook_delivery_id IS NULL"), ==, 5);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM messages WHERE wamid = 'wamid.NEW'"
                                           " AND webhook_delivery_id IS NOT NULL"), ==, 1);
}

static void
test_ingest_dedupe (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) conversations = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  PdwIngestResult r;
  PdwConversation *conversation;

  r = test_ingest (f->store,
                   test_messages (test_inbound ("wamid.A1", "6280000000001", "Siti Contoh", 1763712900, "Selamat pagi"),
                                  test_inbound ("wamid.A2", "6280000000001", "Siti Contoh", 1763712960, "NIK saya tidak aktif"),
                                  NULL),
                   NULL);
  g_assert_cmpuint (r.messages_new, ==, 2);
  g_assert_cmpuint (r.messages_duplicate, ==, 0);

  /* Meta retries the first delivery. */
  r = test_ingest (f->store,
                   test_messages (test_inbound ("wamid.A1", "6280000000001", "Siti Contoh", 1763712900, "Selamat pagi"),
                                  test_inbound ("wamid.A1", "6280000000001", "Siti Contoh", 1763712900, "Selamat pagi"),
                                  NULL),
                   NULL);
  g_assert_cmpuint (r.messages_new, ==, 0);
  g_assert_cmpuint (r.messages_duplicate, ==, 2);

  conversations = pdw_store_list_conversations (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conversations->len, ==, 1);
  conversation = g_ptr_array_index (conversations, 0);
  g_assert_cmpstr (pdw_conversation_get_wa_id (conversation), ==, "6280000000001");
  g_assert_cmpstr (pdw_conversation_get_last_message_text (conversation), ==, "NIK saya tidak aktif");

  messages = pdw_store_list_messages (f->store, pdw_conversation_get_id (conversation), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 2);

  /* Every delivery's raw body is kept, duplicates included. */
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM webhook_deliveries"), ==, 2);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM messages"), ==, 2);
}

static void
test_ingest_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) messages = test_messages (test_inbound ("wamid.B1", "6280000000001", "Siti Contoh", 1763712900, "Halo"),
                                                 test_inbound (NULL, "6280000000002", "Budi Contoh", 1763712960, "Tanpa id"),
                                                 NULL);
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(GError) error = NULL;
  PdwIngestResult r = { 0 };

  g_assert_false (pdw_store_ingest_webhook (f->store, "test", body, messages, NULL, &r, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);

  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM messages"), ==, 0);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM webhook_deliveries"), ==, 0);
}

static void
test_ingest_order_window_unread (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) conversations = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(PdwConversation) conversation = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* Arrive newest first: a retried older message comes late. */
  test_ingest (f->store,
               test_messages (test_inbound ("wamid.C3", "6280000000001", "Siti Contoh", 1763713000, "ketiga"),
                              test_inbound ("wamid.C1", "6280000000001", "Siti Contoh", 1763712800, "pertama"),
                              NULL),
               NULL);
  conversations = pdw_store_list_conversations (f->store, &error);
  g_assert_no_error (error);
  id = pdw_conversation_get_id (g_ptr_array_index (conversations, 0));

  test_ingest (f->store,
               test_messages (test_inbound ("wamid.C2", "6280000000001", "Siti Contoh", 1763712900, "kedua"), NULL),
               NULL);

  messages = pdw_store_list_messages (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 3);
  g_assert_cmpstr (pdw_message_get_text (g_ptr_array_index (messages, 0)), ==, "pertama");
  g_assert_cmpstr (pdw_message_get_text (g_ptr_array_index (messages, 1)), ==, "kedua");
  g_assert_cmpstr (pdw_message_get_text (g_ptr_array_index (messages, 2)), ==, "ketiga");
  g_assert_cmpint (pdw_message_get_direction (g_ptr_array_index (messages, 0)), ==, PDW_DIRECTION_IN);
  g_assert_cmpint (pdw_message_get_status (g_ptr_array_index (messages, 0)), ==, PDW_DELIVERY_NONE);

  conversation = pdw_store_dup_conversation (f->store, id, &error);
  g_assert_no_error (error);
  /* The window follows WhatsApp's timestamps, not when we processed them. */
  g_assert_cmpint (pdw_conversation_get_last_inbound_time (conversation), ==, 1763713000);
  g_assert_cmpint (pdw_conversation_get_last_message_time (conversation), ==, 1763713000);
  g_assert_cmpstr (pdw_conversation_get_last_message_text (conversation), ==, "ketiga");
  g_assert_cmpuint (pdw_conversation_get_unread_count (conversation), ==, 3);
  g_clear_object (&conversation);

  g_assert_true (pdw_store_mark_conversation_read (f->store, id, &error));
  g_assert_no_error (error);
  conversation = pdw_store_dup_conversation (f->store, id, &error);
  g_assert_cmpuint (pdw_conversation_get_unread_count (conversation), ==, 0);
  g_clear_object (&conversation);

  /* An older message delivered late is still unread. */
  test_ingest (f->store,
               test_messages (test_inbound ("wamid.C0", "6280000000001", "Siti Contoh", 1763712700, "paling awal"), NULL),
               NULL);
  conversation = pdw_store_dup_conversation (f->store, id, &error);
  g_assert_cmpuint (pdw_conversation_get_unread_count (conversation), ==, 1);
  g_assert_cmpint (pdw_conversation_get_last_inbound_time (conversation), ==, 1763713000);

  g_assert_false (pdw_store_mark_conversation_read (f->store, 9999, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND);
}

static gint64
first_conversation_id (PdwStore *store)
{
  g_autoptr(GPtrArray) conversations = NULL;
  g_autoptr(GError) error = NULL;

  conversations = pdw_store_list_conversations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conversations->len, >, 0);
  return pdw_conversation_get_id (g_ptr_array_index (conversations, 0));
}

static gint64
seed_conversation (PdwStore *store)
{
  test_ingest (store,
               test_messages (test_inbound ("wamid.SEED", "6280000000001", "Siti Contoh", 1763712900, "Halo"), NULL),
               NULL);
  return first_conversation_id (store);
}

/* Queues a reply and has it accepted under @wamid. */
static gint64
sent_message (PdwStore   *store,
              gint64      conversation_id,
              const char *wamid)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = pdw_store_queue_outgoing_text (store, conversation_id, "Data bapak/ibu dapat aktif maksimal 2x24 jam", "Petugas Contoh", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (pdw_store_mark_outgoing_accepted (store, id, wamid, &error));
  g_assert_no_error (error);
  return id;
}

static PdwDeliveryStatus
message_status (PdwStore *store,
                gint64    id)
{
  g_autoptr(PdwMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  message = pdw_store_dup_message (store, id, &error);
  g_assert_no_error (error);
  return pdw_message_get_status (message);
}

static void
test_status_forward_only (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PdwMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  gint64 conversation_id = seed_conversation (f->store);
  gint64 a = sent_message (f->store, conversation_id, "wamid.OUT-A");
  gint64 b = sent_message (f->store, conversation_id, "wamid.OUT-B");
  PdwStatusUpdate *failed;
  PdwIngestResult r;

  g_assert_cmpint (message_status (f->store, a), ==, PDW_DELIVERY_ACCEPTED);

  r = test_ingest (f->store, NULL,
                   test_statuses (test_status ("wamid.OUT-A", PDW_DELIVERY_READ, 1763713100),
                                  test_status ("wamid.OUT-A", PDW_DELIVERY_DELIVERED, 1763713050),
                                  test_status ("wamid.OUT-A", PDW_DELIVERY_READ, 1763713100),
                                  NULL));
  g_assert_cmpuint (r.statuses_applied, ==, 1);
  g_assert_cmpuint (r.statuses_ignored, ==, 2);
  g_assert_cmpint (message_status (f->store, a), ==, PDW_DELIVERY_READ);

  /* A citizen's message has no delivery state to move. */
  r = test_ingest (f->store, NULL,
                   test_statuses (test_status ("wamid.SEED", PDW_DELIVERY_READ, 1763713100), NULL));
  g_assert_cmpuint (r.statuses_ignored, ==, 1);
  g_assert_cmpuint (r.statuses_applied, ==, 0);

  /* A late "failed" cannot undo a delivery. */
  test_ingest (f->store, NULL,
               test_statuses (test_status ("wamid.OUT-B", PDW_DELIVERY_DELIVERED, 1763713050), NULL));
  failed = test_status ("wamid.OUT-B", PDW_DELIVERY_FAILED, 1763713060);
  failed->error_code = 131047;
  failed->error_title = g_strdup ("Re-engagement message");
  r = test_ingest (f->store, NULL, test_statuses (failed, NULL));
  g_assert_cmpuint (r.statuses_ignored, ==, 1);
  message = pdw_store_dup_message (f->store, b, &error);
  g_assert_cmpint (pdw_message_get_status (message), ==, PDW_DELIVERY_DELIVERED);
  g_assert_cmpint (pdw_message_get_error_code (message), ==, 0);
}

static void
test_status_failed_keeps_error (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(PdwMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  gint64 conversation_id = seed_conversation (f->store);
  gint64 id = sent_message (f->store, conversation_id, "wamid.OUT-F");
  PdwStatusUpdate *failed = test_status ("wamid.OUT-F", PDW_DELIVERY_FAILED, 1763713060);

  failed->error_code = 131047;
  failed->error_title = g_strdup ("Re-engagement message");
  failed->error_details = g_strdup ("Message failed to send because more than 24 hours have passed");
  test_ingest (f->store, NULL,
               test_statuses (test_status ("wamid.OUT-F", PDW_DELIVERY_SENT, 1763713050), failed, NULL));
  test_ingest (f->store, NULL,
               test_statuses (test_status ("wamid.OUT-F", PDW_DELIVERY_DELIVERED, 1763713070), NULL));

  message = pdw_store_dup_message (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_message_get_status (message), ==, PDW_DELIVERY_FAILED);
  g_assert_cmpint (pdw_message_get_error_code (message), ==, 131047);
  g_assert_cmpstr (pdw_message_get_error_title (message), ==, "Re-engagement message");
}

static void
test_status_pending (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 conversation_id = seed_conversation (f->store);
  PdwIngestResult r;
  gint64 id;

  id = pdw_store_queue_outgoing_text (f->store, conversation_id, "Baik, kami proses", "Petugas Contoh", &error);
  g_assert_no_error (error);

  /* The webhooks beat the Graph API response. */
  r = test_ingest (f->store, NULL,
                   test_statuses (test_status ("wamid.EARLY", PDW_DELIVERY_SENT, 1763713050),
                                  test_status ("wamid.EARLY", PDW_DELIVERY_DELIVERED, 1763713055),
                                  test_status ("wamid.EARLY", PDW_DELIVERY_SENT, 1763713050),
                                  NULL));
  g_assert_cmpuint (r.statuses_pending, ==, 2);
  g_assert_cmpuint (r.statuses_ignored, ==, 1);
  g_assert_cmpint (message_status (f->store, id), ==, PDW_DELIVERY_QUEUED);

  g_assert_true (pdw_store_mark_outgoing_accepted (f->store, id, "wamid.EARLY", &error));
  g_assert_no_error (error);
  g_assert_cmpint (message_status (f->store, id), ==, PDW_DELIVERY_DELIVERED);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM pending_statuses"), ==, 0);
  g_assert_cmpint (pdw_store_get_outgoing_attempts (f->store, id, &error), ==, 1);
}

static void
test_outbox (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(PdwMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wa_id = NULL;
  gint64 conversation_id = seed_conversation (f->store);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 a, b;

  wa_id = pdw_store_dup_conversation_wa_id (f->store, conversation_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wa_id, ==, "6280000000001");

  a = pdw_store_queue_outgoing_text (f->store, conversation_id, "satu", "Petugas Contoh", &error);
  g_assert_no_error (error);
  b = pdw_store_queue_outgoing_text (f->store, conversation_id, "dua", "Petugas Contoh", &error);
  g_assert_no_error (error);

  g_assert_cmpint (pdw_store_queue_outgoing_text (f->store, 4242, "x", "Petugas Contoh", &error), ==, 0);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  due = pdw_store_list_due_outgoing (f->store, now + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpint (pdw_message_get_id (g_ptr_array_index (due, 0)), ==, a);
  g_assert_cmpint (pdw_message_get_status (g_ptr_array_index (due, 0)), ==, PDW_DELIVERY_QUEUED);
  g_assert_cmpstr (pdw_message_get_officer_name (g_ptr_array_index (due, 0)), ==, "Petugas Contoh");
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Transient: stays queued, comes due again later. */
  g_assert_true (pdw_store_mark_outgoing_attempt_failed (f->store, a, 0, "Connection refused", FALSE, now + 600, &error));
  g_assert_no_error (error);
  due = pdw_store_list_due_outgoing (f->store, now + 1, &error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (pdw_message_get_id (g_ptr_array_index (due, 0)), ==, b);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = pdw_store_list_due_outgoing (f->store, now + 600, &error);
  g_assert_cmpuint (due->len, ==, 2);
  g_clear_pointer (&due, g_ptr_array_unref);
  g_assert_cmpint (message_status (f->store, a), ==, PDW_DELIVERY_QUEUED);
  g_assert_cmpint (pdw_store_get_outgoing_attempts (f->store, a, &error), ==, 1);

  /* Permanent: failed with its code, out of the queue. */
  g_assert_true (pdw_store_mark_outgoing_attempt_failed (f->store, b, 131030, "Recipient not in allowed list", TRUE, 0, &error));
  g_assert_no_error (error);
  message = pdw_store_dup_message (f->store, b, &error);
  g_assert_cmpint (pdw_message_get_status (message), ==, PDW_DELIVERY_FAILED);
  g_assert_cmpint (pdw_message_get_error_code (message), ==, 131030);
  g_assert_cmpstr (pdw_message_get_error_title (message), ==, "Recipient not in allowed list");
  due = pdw_store_list_due_outgoing (f->store, now + 6000, &error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (pdw_message_get_id (g_ptr_array_index (due, 0)), ==, a);

  /* A failed message is not retried by mistake. */
  g_assert_false (pdw_store_mark_outgoing_attempt_failed (f->store, b, 0, "again", FALSE, now, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
}

static void
test_complaint_register (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PdwComplaint) first = NULL;
  g_autoptr(PdwComplaint) second = NULL;
  g_autoptr(PdwComplaint) refused = NULL;
  g_autoptr(PdwComplaint) december = NULL;
  g_autoptr(PdwComplaint) found = NULL;
  g_autoptr(PdwConversation) conversation = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  PdwComplaintFields fields = {
    .citizen_name = "Siti Contoh", .nik = "1471010101900001", .kk = "1471010101200001",
    .phone = "6280000000001", .complaint_type = "nik_tidak_aktif", .institution = "Bank Contoh",
  };
  PdwActor actor = { .name = "Petugas Contoh", .nip = "199001012020121001" };
  PdwComplaintEvent *event;
  gint64 c1, c2, c3;

  test_ingest (f->store,
               test_messages (test_inbound ("wamid.P1", "6280000000001", "Siti Contoh", 1763712900, "a"),
                              test_inbound ("wamid.P2", "6280000000002", "Budi Contoh", 1763712901, "b"),
                              test_inbound ("wamid.P3", "6280000000003", "~", 1763712902, "c"),
                              NULL),
               NULL);
  c3 = first_conversation_id (f->store);
  c1 = c3 - 2;
  c2 = c3 - 1;

  /* 2026-11-21 08:15 UTC */
  first = pdw_store_register_complaint_at (f->store, c1, &fields, &actor, 1795248900, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pdw_complaint_get_ticket (first), ==, "PDW-2026-11-00001");
  g_assert_cmpint (pdw_complaint_get_status (first), ==, PDW_COMPLAINT_TERDAFTAR);
  g_assert_cmpstr (pdw_complaint_get_nik (first), ==, "1471010101900001");
  g_assert_cmpstr (pdw_complaint_get_assigned_officer (first), ==, "Petugas Contoh");
  g_assert_cmpint (pdw_complaint_get_created_at (first), ==, 1795248900);
  g_assert_cmpint (pdw_complaint_get_conversation_id (first), ==, c1);

  refused = pdw_store_register_complaint_at (f->store, c1, &fields, &actor, 1795248960, &error);
  g_assert_null (refused);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* One open file per NIK (the desk's duplicate rule): other citizens. */
  fields.nik = "1471010101900002";
  second = pdw_store_register_complaint_at (f->store, c2, &fields, &actor, 1795249000, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pdw_complaint_get_ticket (second), ==, "PDW-2026-11-00002");

  /* 2026-11-30 17:30 UTC is already 1 December in Pekanbaru. */
  fields.nik = "1471010101900003";
  december = pdw_store_register_complaint_at (f->store, c3, &fields, &actor, 1796059800, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pdw_complaint_get_ticket (december), ==, "PDW-2026-12-00001");

  events = pdw_store_list_complaint_events (f->store, pdw_complaint_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpstr (pdw_complaint_event_get_action (event), ==, "register");
  g_assert_cmpstr (pdw_complaint_event_status_name (pdw_complaint_event_get_from_status (event)), ==, "baru");
  g_assert_cmpstr (pdw_complaint_event_status_name (pdw_complaint_event_get_to_status (event)), ==, "terdaftar");
  g_assert_cmpstr (pdw_complaint_event_get_actor_name (event), ==, "Petugas Contoh");
  g_assert_cmpstr (pdw_complaint_event_get_actor_nip (event), ==, "199001012020121001");
  g_assert_cmpint (pdw_complaint_event_get_timestamp (event), ==, 1795248900);
  g_assert_cmpint (pdw_complaint_event_get_complaint_id (event), ==, pdw_complaint_get_id (first));

  conversation = pdw_store_dup_conversation (f->store, c1, &error);
  g_assert_cmpint (pdw_conversation_get_complaint_id (conversation), ==, pdw_complaint_get_id (first));
  g_assert_cmpstr (pdw_conversation_get_complaint_ticket (conversation), ==, "PDW-2026-11-00001");
  g_assert_cmpint (pdw_conversation_get_complaint_status (conversation), ==, PDW_COMPLAINT_TERDAFTAR);

  found = pdw_store_dup_conversation_complaint (f->store, c1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_complaint_get_id (found), ==, pdw_complaint_get_id (first));
  g_clear_object (&found);
  found = pdw_store_dup_conversation_complaint (f->store, 4242, &error);
  g_assert_no_error (error);
  g_assert_null (found);
}

static void
test_display_name (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) conversations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tilde = NULL;
  g_autofree char *named = NULL;

  test_ingest (f->store,
               test_messages (test_inbound ("wamid.D1", "6280034567890", "~", 1763712900, "a"),
                              test_inbound ("wamid.D2", "6280000000002", "Budi Contoh", 1763712800, "b"),
                              NULL),
               NULL);
  conversations = pdw_store_list_conversations (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conversations->len, ==, 2);

  tilde = pdw_conversation_dup_display_name (g_ptr_array_index (conversations, 0));
  g_assert_cmpstr (tilde, ==, "+62 800-3456-7890");
  named = pdw_conversation_dup_display_name (g_ptr_array_index (conversations, 1));
  g_assert_cmpstr (named, ==, "Budi Contoh");
}

static void
test_bsuid_only (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wa_id = NULL;
  PdwInboundMessage *bsuid = test_inbound ("wamid.U1", NULL, "Siti Contoh", 1763712900, "halo");
  PdwInboundMessage *both = test_inbound ("wamid.U2", "6280000000001", "Siti Contoh", 1763712960, "lagi");
  gint64 id;

  bsuid->user_id = g_strdup ("ID.13491208655302741918");
  both->user_id = g_strdup ("ID.13491208655302741918");
  test_ingest (f->store, test_messages (bsuid, NULL), NULL);
  id = first_conversation_id (f->store);

  wa_id = pdw_store_dup_conversation_wa_id (f->store, id, &error);
  g_assert_null (wa_id);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The number arrives later: same citizen, same conversation. */
  test_ingest (f->store, test_messages (both, NULL), NULL);
  g_assert_cmpint (first_conversation_id (f->store), ==, id);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM contacts"), ==, 1);
  wa_id = pdw_store_dup_conversation_wa_id (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wa_id, ==, "6280000000001");
}

typedef struct
{
  GPtrArray *rows;
} Collected;

static void
collect_row (const char * const *columns,
             const char * const *values,
             guint               n_columns,
             gpointer            user_data)
{
  Collected *c = user_data;

  for (guint i = 0; i < n_columns; i++)
    if (g_strcmp0 (columns[i], "wamid") == 0)
      g_ptr_array_add (c->rows, g_strdup (values[i]));
}

static void
test_foreach_row (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Collected c = { g_ptr_array_new_with_free_func (g_free) };

  test_ingest (f->store,
               test_messages (test_inbound ("wamid.E2", "6280000000001", "Siti Contoh", 1763712900, "a"),
                              test_inbound ("wamid.E1", "6280000000001", "Siti Contoh", 1763712800, "b"),
                              NULL),
               NULL);
  g_assert_true (pdw_store_foreach_row (f->store, "messages", collect_row, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.rows->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (c.rows, 0), ==, "wamid.E2");

  g_assert_false (pdw_store_foreach_row (f->store, "webhook_deliveries", collect_row, &c, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_ptr_array_unref (c.rows);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store/open/fresh", test_open_fresh);
  g_test_add_func ("/store/open/default-path", test_default_path);
  g_test_add_func ("/store/open/not-a-database", test_open_not_a_database);
  g_test_add_func ("/store/open/malformed", test_open_malformed);
  g_test_add_func ("/store/open/too-new", test_open_too_new);
  g_test_add_func ("/store/open/refused-untouched", test_open_refused_untouched);
  ADD ("/store/ingest/dedupe", test_ingest_dedupe);
  ADD ("/store/ingest/purge", test_purge_webhooks);
  ADD ("/store/ingest/all-or-nothing", test_ingest_all_or_nothing);
  ADD ("/store/ingest/order-window-unread", test_ingest_order_window_unread);
  ADD ("/store/ingest/bsuid-only", test_bsuid_only);
  ADD ("/store/status/forward-only", test_status_forward_only);
  ADD ("/store/status/failed-keeps-error", test_status_failed_keeps_error);
  ADD ("/store/status/pending", test_status_pending);
  ADD ("/store/outbox", test_outbox);
  ADD ("/store/complaint/register", test_complaint_register);
  ADD ("/store/conversation/display-name", test_display_name);
  ADD ("/store/export/foreach-row", test_foreach_row);
#undef ADD

  return g_test_run ();
}
