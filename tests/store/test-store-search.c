/* test-store-search.c: search on each kind of field, the full-text
 * triggers, schema 3's migration with its progress, and the integrity
 * check after an unclean shutdown.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "store/pdw-store-migrations.h"
#include "test-store-util.h"

#define NIK_A "1471010101900001"
#define KK_A  "1471020202020003"
#define WA_1  "6280000000001"
#define WA_2  "6280000000002"
#define WA_3  "6280000000003"

static const PdwActor officer = { "Petugas Contoh", "199001012020121001", "PC" };

typedef struct
{
  char     *dir;
  char     *path;
  PdwStore *store;
  gint64    conversation_1;
  gint64    conversation_2;
  gint64    conversation_3;
  char     *ticket;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  PdwComplaintFields fields = { "Nur Hidayah", NIK_A, KK_A, WA_1, NULL, NULL };

  f->path = test_make_db_path (&f->dir);
  f->store = pdw_store_open (f->path, &error);
  g_assert_no_error (error);

  test_ingest (f->store,
               test_messages (test_inbound ("wamid.S1", WA_1, "Siti Aisyâh", 1763700000,
                                            "Saya mau urus akta kelahiran anak"),
                              test_inbound ("wamid.S2", WA_2, "Zulkifli", 1763700100, "KTP saya hilang"),
                              test_inbound ("wamid.S3", WA_3, "Budi", 1763700200, "halo selamat pagi"),
                              NULL),
               NULL);
  f->conversation_1 = pdw_store_find_conversation_by_wa_id (f->store, WA_1, &error);
  f->conversation_2 = pdw_store_find_conversation_by_wa_id (f->store, WA_2, &error);
  f->conversation_3 = pdw_store_find_conversation_by_wa_id (f->store, WA_3, &error);
  g_assert_no_error (error);

  complaint = pdw_store_register_complaint (f->store, f->conversation_1, &fields, &officer, &error);
  g_assert_no_error (error);
  f->ticket = g_strdup (pdw_complaint_get_ticket (complaint));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  pdw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->ticket);
}

static GPtrArray *
search (PdwStore   *store,
        const char *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = pdw_store_search (store, query, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

/* The one result of @query: its conversation and field. */
static PdwSearchResult *
assert_finds (PdwStore       *store,
              const char     *query,
              gint64          conversation_id,
              PdwSearchField  field)
{
  g_autoptr(GPtrArray) results = search (store, query);
  PdwSearchResult *result;

  if (results->len != 1)
    g_error ("“%s”: %u results, expected 1", query, results->len);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (pdw_search_result_get_conversation_id (result), ==, conversation_id);
  g_assert_cmpint (pdw_search_result_get_field (result), ==, field);
  return g_object_ref (result);
}

static void
assert_finds_nothing (PdwStore   *store,
                      const char *query)
{
  g_autoptr(GPtrArray) results = search (store, query);

  if (results->len != 0)
    g_error ("“%s”: %u results, expected none", query, results->len);
}

static void
test_search_names (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PdwSearchResult) citizen = NULL;
  g_autoptr(PdwSearchResult) profile = NULL;

  /* Case and accents do not matter; a prefix of each word is enough. */
  profile = assert_finds (f->store, "aisyah", f->conversation_1, PDW_SEARCH_FIELD_PROFILE_NAME);
  g_assert_cmpstr (pdw_search_result_get_display_name (profile), ==, "Nur Hidayah");
  g_assert_cmpstr (pdw_search_result_get_snippet (profile), ==,
                   "Siti " PDW_SEARCH_MARK_START "Aisyâh" PDW_SEARCH_MARK_END);
  g_clear_object (&profile);
  profile = assert_finds (f->store, "ZULK", f->conversation_2, PDW_SEARCH_FIELD_PROFILE_NAME);
  g_assert_cmpstr (pdw_search_result_get_display_name (profile), ==, "Zulkifli");
  citizen = assert_finds (f->store, "nur hid", f->conversation_1, PDW_SEARCH_FIELD_CITIZEN_NAME);
  g_assert_cmpint (pdw_search_result_get_complaint_id (citizen), >, 0);
  assert_finds_nothing (f->store, "hidayat");
  /* FTS syntax typed by an officer is only text. */
  assert_finds_nothing (f->store, "NEAR(\"x\" AND -*");
  assert_finds_nothing (f->store, "   ");
}

static void
test_search_phone (Fixture       *f,
                   gconstpointer  data)
{
  const char * const forms[] = { "0800-0000-0002", "+62 800 0000 0002", WA_2, "(0800) 0000.0002" };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(PdwSearchResult) result = assert_finds (f->store, forms[i], f->conversation_2,
                                                        PDW_SEARCH_FIELD_PHONE);

      g_assert_cmpstr (pdw_search_result_get_snippet (result), ==, "+" WA_2);
    }

  /* A prefix finds every number that starts with it, one result each
   * (the complaint's phone and the contact are one conversation). */
  {
    g_autoptr(GPtrArray) results = search (f->store, "0800 0000 000");

    g_assert_cmpuint (results->len, ==, 3);
  }
  assert_finds_nothing (f->store, "0811 2222 3333");
}

static void
test_search_ticket (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *lower = g_ascii_strdown (f->ticket, -1);
  g_autoptr(PdwSearchResult) result = NULL;
  g_autoptr(PdwSearchResult) again = NULL;

  result = assert_finds (f->store, f->ticket, f->conversation_1, PDW_SEARCH_FIELD_TICKET);
  g_assert_cmpstr (pdw_search_result_get_snippet (result), ==, f->ticket);
  again = assert_finds (f->store, lower, f->conversation_1, PDW_SEARCH_FIELD_TICKET);
  assert_finds_nothing (f->store, "PDW-1999-01-00001");
}

static void
test_search_identity (Fixture       *f,
                      gconstpointer  data)
{
  const char * const nik_forms[] = { NIK_A, "0001", "900001", "010101900001" };
  const char * const kk_forms[] = { KK_A, "0003", "020003" };

  for (guint i = 0; i < G_N_ELEMENTS (nik_forms); i++)
    {
      g_autoptr(PdwSearchResult) result = assert_finds (f->store, nik_forms[i], f->conversation_1,
                                                        PDW_SEARCH_FIELD_NIK);

      /* Never whole, in a result that a log or the terminal may show. */
      g_assert_null (strstr (pdw_search_result_get_snippet (result), NIK_A));
      g_assert_cmpstr (pdw_search_result_get_snippet (result), ==, "1471********0001");
    }

  for (guint i = 0; i < G_N_ELEMENTS (kk_forms); i++)
    {
      g_autoptr(PdwSearchResult) result = assert_finds (f->store, kk_forms[i], f->conversation_1,
                                                        PDW_SEARCH_FIELD_KK);

      g_assert_null (strstr (pdw_search_result_get_snippet (result), KK_A));
    }

  assert_finds_nothing (f->store, "9999");
  assert_finds_nothing (f->store, "1471010101909999");
}

static void
test_search_message_text (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PdwSearchResult) result = NULL;
  g_autoptr(PdwSearchResult) ktp = NULL;

  result = assert_finds (f->store, "kelahiran", f->conversation_1, PDW_SEARCH_FIELD_MESSAGE);
  g_assert_nonnull (strstr (pdw_search_result_get_snippet (result),
                            PDW_SEARCH_MARK_START "kelahiran" PDW_SEARCH_MARK_END));
  g_assert_cmpint (pdw_search_result_get_time (result), ==, 1763700000);
  ktp = assert_finds (f->store, "ktp hil", f->conversation_2, PDW_SEARCH_FIELD_MESSAGE);
  assert_finds_nothing (f->store, "paspor");
}

/* Newest first; one result per conversation, naming the strongest field. */
static void
test_search_order (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) results = NULL;

  test_ingest (f->store,
               test_messages (test_inbound ("wamid.S4", WA_1, "Siti Aisyâh", 1763800000, "pagi min"),
                              test_inbound ("wamid.S5", WA_1, "Siti Aisyâh", 1763800100, "pagi lagi"),
                              NULL),
               NULL);
  results = search (f->store, "pagi");
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpint (pdw_search_result_get_conversation_id (g_ptr_array_index (results, 0)), ==, f->conversation_1);
  g_assert_cmpint (pdw_search_result_get_time (g_ptr_array_index (results, 0)), ==, 1763800100);
  g_assert_cmpint (pdw_search_result_get_conversation_id (g_ptr_array_index (results, 1)), ==, f->conversation_3);
}

/* A name typed as a prefix comes before messages that contain it, even
 * newer ones; messages newest first after it.  The marks cover only what
 * was typed. */
static void
test_search_rank (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  PdwSearchResult *result;
  gint64 conversation_4;

  test_ingest (f->store,
               test_messages (test_inbound ("wamid.R1", "6280000000004", "Budi Santoso", 1763600000, "ok"),
                              test_inbound ("wamid.R2", WA_1, "Siti Aisyâh", 1763800000,
                                            "pak budiman sudah datang"),
                              test_inbound ("wamid.R3", WA_2, "Zulkifli", 1763800100,
                                            "budi santoso bilang besok"),
                              NULL),
               NULL);
  conversation_4 = pdw_store_find_conversation_by_wa_id (f->store, "6280000000004", &error);
  g_assert_no_error (error);

  results = search (f->store, "budi sa");
  g_assert_cmpuint (results->len, ==, 2);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (pdw_search_result_get_conversation_id (result), ==, conversation_4);
  g_assert_cmpint (pdw_search_result_get_field (result), ==, PDW_SEARCH_FIELD_PROFILE_NAME);
  g_assert_cmpstr (pdw_search_result_get_snippet (result), ==,
                   PDW_SEARCH_MARK_START "Budi" PDW_SEARCH_MARK_END " "
                   PDW_SEARCH_MARK_START "Sa" PDW_SEARCH_MARK_END "ntoso");
  result = g_ptr_array_index (results, 1);
  g_assert_cmpint (pdw_search_result_get_conversation_id (result), ==, f->conversation_2);
  g_assert_cmpint (pdw_search_result_get_field (result), ==, PDW_SEARCH_FIELD_MESSAGE);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Names (the older first one too) before the newer messages; the
   * messages newest first. */
  results = search (f->store, "budi");
  g_assert_cmpuint (results->len, ==, 4);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (pdw_search_result_get_field (g_ptr_array_index (results, i)), ==,
                     PDW_SEARCH_FIELD_PROFILE_NAME);
  g_assert_cmpint (pdw_search_result_get_conversation_id (g_ptr_array_index (results, 2)), ==, f->conversation_2);
  g_assert_cmpint (pdw_search_result_get_conversation_id (g_ptr_array_index (results, 3)), ==, f->conversation_1);
  g_assert_nonnull (strstr (pdw_search_result_get_snippet (g_ptr_array_index (results, 3)),
                            "pak " PDW_SEARCH_MARK_START "budi" PDW_SEARCH_MARK_END "man sudah"));
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

static void
test_triggers_insert_update_delete (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(PdwSearchResult) inserted = NULL;
  g_autoptr(PdwSearchResult) updated = NULL;
  g_autoptr(PdwSearchResult) renamed = NULL;
  g_autoptr(PdwSearchResult) citizen = NULL;

  test_ingest (f->store,
               test_messages (test_inbound ("wamid.T1", WA_2, "Zulkifli", 1763900000, "surat pindah datang"),
                              NULL),
               NULL);
  inserted = assert_finds (f->store, "pindah", f->conversation_2, PDW_SEARCH_FIELD_MESSAGE);

  raw_exec (f->path, "UPDATE messages SET text = 'kartu keluarga baru' WHERE wamid = 'wamid.T1'");
  assert_finds_nothing (f->store, "pindah");
  updated = assert_finds (f->store, "keluarga", f->conversation_2, PDW_SEARCH_FIELD_MESSAGE);

  raw_exec (f->path, "DELETE FROM messages WHERE wamid = 'wamid.T1'");
  assert_finds_nothing (f->store, "keluarga");

  /* A new WhatsApp name replaces the old one; so does a corrected name
   * on the complaint. */
  test_ingest (f->store,
               test_messages (test_inbound ("wamid.T2", WA_2, "Zainal Abidin", 1763900100, "ok"), NULL),
               NULL);
  assert_finds_nothing (f->store, "zulkifli");
  renamed = assert_finds (f->store, "zainal", f->conversation_2, PDW_SEARCH_FIELD_PROFILE_NAME);

  raw_exec (f->path, "UPDATE complaints SET citizen_name = 'Nurul Huda'");
  assert_finds_nothing (f->store, "hidayah");
  citizen = assert_finds (f->store, "huda", f->conversation_1, PDW_SEARCH_FIELD_CITIZEN_NAME);
}

/* After a merge everything the absorbed number had finds the conversation
 * that absorbed it. */
static void
test_triggers_merge (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwSearchResult) message = NULL;
  g_autoptr(PdwSearchResult) name = NULL;
  g_autoptr(PdwSearchResult) phone = NULL;

  g_assert_true (pdw_store_merge_conversations (f->store, f->conversation_2, f->conversation_3, &officer, &error));
  g_assert_no_error (error);

  message = assert_finds (f->store, "selamat", f->conversation_2, PDW_SEARCH_FIELD_MESSAGE);
  name = assert_finds (f->store, "budi", f->conversation_2, PDW_SEARCH_FIELD_PROFILE_NAME);
  phone = assert_finds (f->store, "0800 0000 0003", f->conversation_2, PDW_SEARCH_FIELD_PHONE);
}

/* ---- Migration from schema 2 ------------------------------------------------ */

#define V2_MESSAGES 45000

static void
make_version_2_database (const char *path)
{
  g_autofree char *parent = g_path_get_dirname (path);
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (int version = 1; version <= 2; version++)
    {
      sqlite3_exec (db, pdw_store_migrations_get (version), NULL, NULL, &message);
      g_assert_cmpstr (message, ==, NULL);
    }
  /* Enough messages for more than one chunk of the full-text fill. */
  sqlite3_exec (db,
                "PRAGMA user_version = 2;"
                "BEGIN;"
                "INSERT INTO contacts (id, wa_id, profile_name, created_at, updated_at)"
                "  VALUES (1, '6280000000001', 'Warga Lama', 1700000000, 1700000000);"
                "INSERT INTO conversations (id, contact_id, created_at, last_inbound_time)"
                "  VALUES (1, 1, 1700000000, 1700000000);"
                "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 45000)"
                "  INSERT INTO messages (id, conversation_id, direction, type, text, timestamp, received_at)"
                "  SELECT i, 1, 'in', 'text', 'pesan nomor ' || i, 1700000000 + i, 1700000000 + i FROM n;"
                "UPDATE messages SET text = 'Halo lama soal akta' WHERE id = 7;"
                "INSERT INTO complaints (id, ticket, ticket_year, ticket_month, ticket_seq,"
                "  conversation_id, citizen_name, nik, status, created_at, updated_at)"
                "  VALUES (1, 'PDW-2023-11-00001', 2023, 11, 1, 1, 'Rahmat Hidayat', '" NIK_A "',"
                "  'terdaftar', 1700000000, 1700000000);"
                "UPDATE conversations SET complaint_id = 1;"
                "COMMIT;",
                NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

static int
raw_query_int (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gboolean
record_progress (double   fraction,
                 gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, fraction);
  return TRUE;
}

static void
assert_migrated (PdwStore *store)
{
  g_autoptr(PdwSearchResult) message = NULL;
  g_autoptr(PdwSearchResult) name = NULL;
  g_autoptr(PdwSearchResult) nik = NULL;

  g_assert_cmpint (pdw_store_get_schema_version (store), ==, pdw_store_migrations_get_latest ());
  message = assert_finds (store, "akta", 1, PDW_SEARCH_FIELD_MESSAGE);
  name = assert_finds (store, "rahm", 1, PDW_SEARCH_FIELD_CITIZEN_NAME);
  nik = assert_finds (store, "0001", 1, PDW_SEARCH_FIELD_NIK);
}

static void
test_migration_from_version_2 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);

  make_version_2_database (path);
  store = pdw_store_open_with_progress (path, record_progress, fractions, NULL, &error);
  g_assert_no_error (error);
  assert_migrated (store);

  /* From 0 to 1, never backwards, in several steps. */
  g_assert_cmpuint (fractions->len, >=, 3);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));

  /* Only a migration reports progress. */
  g_clear_object (&store);
  g_array_set_size (fractions, 0);
  store = pdw_store_open_with_progress (path, record_progress, fractions, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, ==, 0);

  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

static gboolean
cancel_half_way (double   fraction,
                 gpointer user_data)
{
  return fraction < 0.5;
}

static void
test_migration_cancelled_resumes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);

  make_version_2_database (path);
  store = pdw_store_open_with_progress (path, cancel_half_way, NULL, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Nothing of schema 3 is left: the next open starts it again. */
  g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (raw_query_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'messages_fts'"), ==, 0);

  store = pdw_store_open (path, &error);
  g_assert_no_error (error);
  assert_migrated (store);

  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

typedef struct
{
  GCancellable *cancellable;
  GArray       *fractions;
} CancelAtStart;

/* Cancels as the migration starts, and lets its statements run. */
static gboolean
cancel_at_start (double   fraction,
                 gpointer user_data)
{
  CancelAtStart *data = user_data;

  g_array_append_val (data->fractions, fraction);
  g_cancellable_cancel (data->cancellable);
  return TRUE;
}

/* Cancelling the cancellable stops the statement that runs (the migration's
 * index builds and fills have no step of their own to stop at): no chunk of
 * the fill is reported, and the migration rolls back whole. */
static void
test_migration_cancellable_interrupts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  CancelAtStart data = { cancellable, fractions };
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);

  make_version_2_database (path);
  store = pdw_store_open_with_progress (path, cancel_at_start, &data, cancellable, &error);
  g_assert_null (store);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (fractions->len, ==, 1);

  g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (raw_query_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'messages_fts'"), ==, 0);
  g_assert_cmpint (raw_query_int (path, "SELECT count(*) FROM sqlite_master"
                                        " WHERE name = 'conversations_by_merged_into'"), ==, 0);

  /* An open whose cancellable is not cancelled completes the migration,
   * the history intact. */
  g_clear_object (&cancellable);
  cancellable = g_cancellable_new ();
  store = pdw_store_open_with_progress (path, NULL, NULL, cancellable, &error);
  g_assert_no_error (error);
  assert_migrated (store);
  g_clear_object (&store);
  g_assert_cmpint (raw_query_int (path, "SELECT count(*) FROM messages"), ==, V2_MESSAGES);
  g_assert_cmpint (raw_query_int (path, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'pesan'"),
                   ==, V2_MESSAGES - 1);

  pdw_test_remove_tree (dir);
}

static gboolean
die_at_first_progress (double   fraction,
                       gpointer user_data)
{
  _exit (0);
}

/* A process killed in the middle of the migration (the officer closes the
 * frozen-looking window, the power goes) leaves schema 2. */
static void
test_migration_killed_resumes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *env_path = g_getenv ("PDW_TEST_KILLED_DB");

  if (g_test_subprocess ())
    {
      store = pdw_store_open_with_progress (env_path, die_at_first_progress, NULL, NULL, &error);
      g_assert_not_reached ();
    }

  path = test_make_db_path (&dir);
  make_version_2_database (path);
  g_setenv ("PDW_TEST_KILLED_DB", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, 2);

  store = pdw_store_open (path, &error);
  g_assert_no_error (error);
  assert_migrated (store);

  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

/* ---- Integrity check only after an unclean shutdown ------------------------- */

static void
test_open_marker (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);
  g_autofree char *marker = g_strconcat (path, "-open", NULL);

  store = pdw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (marker, G_FILE_TEST_EXISTS));
  g_assert_true (pdw_store_check_integrity (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));

  /* After a crash the marker is still there: the next open checks, and
   * a clean close removes it again. */
  g_assert_true (g_file_set_contents (marker, "", 0, NULL));
  store = pdw_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));

  pdw_test_remove_tree (dir);
}

/* Damage past the schema pages is found by quick_check, which runs when
 * the last session did not close the database. */
static void
test_unclean_shutdown_finds_damage (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);
  g_autofree char *marker = g_strconcat (path, "-open", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db = NULL;
  int pages;

  store = pdw_store_open (path, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *wamid = g_strdup_printf ("wamid.D%03d", i);
      g_autofree char *text = g_strnfill (400, 'y');

      test_ingest (store, test_messages (test_inbound (wamid, WA_1, "Siti", 1763700000 + i, text), NULL), NULL);
    }
  g_clear_object (&store);

  /* The last page holds message rows: zero it as a failing disk would. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  pages = length / 4096;
  g_assert_cmpint (pages, >, 10);
  memset (contents + (gsize) (pages / 2) * 4096, 0x5a, 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_true (g_file_set_contents (marker, "", 0, NULL));

  store = pdw_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_CORRUPT);

  pdw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store-search/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("names", test_search_names);
  ADD ("phone", test_search_phone);
  ADD ("ticket", test_search_ticket);
  ADD ("identity", test_search_identity);
  ADD ("message-text", test_search_message_text);
  ADD ("order", test_search_order);
  ADD ("rank", test_search_rank);
  ADD ("triggers/insert-update-delete", test_triggers_insert_update_delete);
  ADD ("triggers/merge", test_triggers_merge);
  g_test_add_func ("/store-search/migration/from-version-2", test_migration_from_version_2);
  g_test_add_func ("/store-search/migration/cancelled", test_migration_cancelled_resumes);
  g_test_add_func ("/store-search/migration/cancellable-interrupts", test_migration_cancellable_interrupts);
  g_test_add_func ("/store-search/migration/killed", test_migration_killed_resumes);
  g_test_add_func ("/store-search/integrity/marker", test_open_marker);
  g_test_add_func ("/store-search/integrity/unclean-shutdown", test_unclean_shutdown_finds_damage);

  return g_test_run ();
}
