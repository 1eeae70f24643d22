/* test-query-plan.c: every statement the window, the queue, search,
 * ingestion, the outbox and the monthly report run has an index plan.
 *
 * The statements are not listed by hand: the store's real calls run with
 * a trace on its connection, and each SQL text seen is then put through
 * EXPLAIN QUERY PLAN on the migrated schema.  A full scan (SCAN, with or
 * without an index: both read every row) of messages, conversations,
 * complaints or complaint_events fails, so a statement added later is
 * held to the same rule without anyone remembering to list it.  The only
 * scans allowed are the few indexes listed in allowed_scans below, each
 * with the reason its rows are what the statement must read anyway.  SQLite
 * plans without statistics here as on an office's database (the store
 * never runs ANALYZE), so the plans are the ones a year of history gets.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "store/pdw-store-private.h"
#include "test-store-util.h"

#define NIK_A "1471010101900001"

static const PdwActor officer = { "Petugas Contoh", "199001012020121001", "PC" };

static const char * const hot_tables[] = { "messages", "conversations", "complaints", "complaint_events" };

/* A scan that reads a whole index is allowed only through these. */
static const struct
{
  const char *index;
  const char *why;
} allowed_scans[] = {
  /* The Arsip filter lists every conversation by definition, in queue
   * order: the index is that order, and the model reads only keys. */
  { "conversations_queue", "the Arsip keys: every conversation, in order" },
  /* Partial indexes whose rows are the working set itself, not the
   * history: conversations with unread inbound messages (read marks keep
   * it to today's) and complaints not yet closed. */
  { "conversations_unread", "the working set's unread conversations" },
  { "complaints_open", "the working set's open complaints" },
};

static int
record_statement (unsigned  type,
                  void     *user_data,
                  void     *p,
                  void     *x)
{
  GHashTable *seen = user_data;
  const char *sql = sqlite3_sql (p);

  /* A trigger's statements are traced as "-- TRIGGER name": their plans
   * are the FTS tables' own. */
  if (sql != NULL && !g_str_has_prefix ((const char *) x, "--"))
    g_hash_table_add (seen, g_strdup (sql));
  return 0;
}

/* The queue: every filter's keys, one conversation's match, the rows on
 * screen. */
static void
run_the_queue (PdwStore *store,
               gint64    pinned_id,
               gint64    other_id)
{
  const gint64 ids[] = { pinned_id, other_id };

  for (PdwConversationFilter filter = PDW_CONVERSATION_FILTER_WORKING_SET;
       filter < PDW_N_CONVERSATION_FILTERS; filter++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) keys = NULL;
      PdwConversationQuery query = { filter, 1763800000, 1763800000 - 14 * 86400, 86400, pinned_id,
                                     officer.name };
      PdwConversationKey key;
      gboolean matches = FALSE;

      keys = pdw_store_list_conversation_keys (store, &query, &error);
      g_assert_no_error (error);
      g_assert_nonnull (keys);
      g_assert_true (pdw_store_match_conversation (store, &query, other_id, &key, &matches, &error));
      g_assert_no_error (error);
    }

  /* The inbox tabs' counts and the title's unread count (each tab's
   * sources through their indexes: conversations_recent_inbound,
   * conversations_unread, complaints_open, complaints_by_due), and the
   * newest message for the notifications (the rowid's end). */
  {
    g_autoptr(GError) error = NULL;
    PdwConversationQuery query = { PDW_CONVERSATION_FILTER_WORKING_SET, 1763800000,
                                   1763800000 - 14 * 86400, 86400, 0, officer.name };
    PdwInboxCounts counts;

    g_assert_true (pdw_store_count_inbox (store, &query, &counts, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pdw_store_get_last_message_id (store, &error), >, 0);
    g_assert_no_error (error);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = pdw_store_list_conversations_by_id (store, ids, G_N_ELEMENTS (ids), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 2);
  }
}

static gint64
wait_for_id (gint64 id)
{
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
run_the_desk (PdwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaint) linked = NULL;
  g_autoptr(PdwComplaint) acted = NULL;
  g_autoptr(PdwComplaint) found = NULL;
  g_autoptr(PdwConversation) conversation = NULL;
  g_autoptr(PdwMessage) message = NULL;
  g_auto(GStrv) numbers = NULL;
  g_autofree char *wa_id = NULL;
  PdwComplaintFields fields = { "Nur Hidayah", NIK_A, "1471020202020003", "6280000000001", NULL, NULL };
  const char * const params[] = { "Nur", NULL };
  const char * const queries[] = {
    "nur", "0800 0000 0001", "+62 800-0000-0002", "0001", NIK_A, "akta lahir", "PDW-2026-11-00001",
  };
  gint64 first, second, third, reply, template, automatic;

  /* Ingestion: new citizens, a repeat, statuses before and after their
   * wamid is known. */
  test_ingest (store,
               test_messages (test_inbound ("wamid.Q1", "6280000000001", "Siti", 1763700000, "akta lahir anak"),
                              test_inbound ("wamid.Q2", "6280000000002", "Budi", 1763700100, "KTP hilang"),
                              test_inbound ("wamid.Q3", "6280000000003", "Rina", 1763700200, "halo"),
                              NULL),
               test_statuses (test_status ("wamid.OUT1", PDW_DELIVERY_SENT, 1763700300), NULL));
  test_ingest (store,
               test_messages (test_inbound ("wamid.Q1", "6280000000001", "Siti", 1763700000, "akta lahir anak"),
                              test_inbound ("wamid.Q4", "6280000000001", "Siti A", 1763700400, "NIK saya " NIK_A),
                              NULL),
               NULL);
  first = wait_for_id (pdw_store_find_conversation_by_wa_id (store, "6280000000001", &error));
  second = wait_for_id (pdw_store_find_conversation_by_wa_id (store, "6280000000002", &error));
  third = wait_for_id (pdw_store_find_conversation_by_wa_id (store, "6280000000003", &error));

  /* The window: the queue, a conversation, its messages, read marks, its
   * numbers. */
  list = pdw_store_list_conversations (store, &error);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  conversation = pdw_store_dup_conversation (store, first, &error);
  g_assert_no_error (error);
  list = pdw_store_list_messages (store, first, &error);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = pdw_store_list_messages_before (store, first, G_MAXINT64, G_MAXINT64, 51, &error);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (pdw_store_mark_conversation_read (store, first, &error));
  run_the_queue (store, first, second);
  numbers = pdw_store_dup_conversation_numbers (store, first, &error);
  g_assert_no_error (error);

  /* The outbox. */
  reply = wait_for_id (pdw_store_queue_outgoing_text (store, first, "Baik, kami proses", "Petugas", &error));
  template = wait_for_id (pdw_store_queue_outgoing_template (store, second, "pdw_followup", "id", params,
                                                             "Halo Nur", "Petugas", &error));
  automatic = wait_for_id (pdw_store_queue_auto_reply (store, third, "Di luar jam pelayanan", &error));
  g_assert_cmpint (pdw_store_get_last_auto_reply_time (store, third, &error), >, 0);
  list = pdw_store_list_due_outgoing (store, G_MAXINT64 / 2, &error);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  wa_id = pdw_store_dup_conversation_wa_id (store, first, &error);
  g_assert_no_error (error);
  g_assert_true (pdw_store_mark_outgoing_accepted (store, reply, "wamid.OUT1", &error));
  g_assert_true (pdw_store_mark_outgoing_attempt_failed (store, template, 131047, "Re-engagement", FALSE,
                                                         1763800000, &error));
  g_assert_cmpint (pdw_store_get_outgoing_attempts (store, template, &error), ==, 1);
  g_assert_true (pdw_store_mark_outgoing_attempt_failed (store, automatic, 131026, "Undeliverable", TRUE,
                                                         0, &error));
  test_ingest (store, NULL, test_statuses (test_status ("wamid.OUT1", PDW_DELIVERY_READ, 1763700500), NULL));
  message = pdw_store_dup_message (store, reply, &error);
  g_assert_no_error (error);

  /* The complaint pane. */
  complaint = pdw_store_register_complaint (store, first, &fields, &officer, &error);
  g_assert_no_error (error);
  found = pdw_store_find_open_complaint_by_nik (store, NIK_A, &error);
  g_assert_no_error (error);
  g_clear_object (&found);
  found = pdw_store_dup_complaint_by_ticket (store, pdw_complaint_get_ticket (complaint), &error);
  g_assert_no_error (error);
  g_clear_object (&found);
  found = pdw_store_dup_conversation_complaint (store, first, &error);
  g_assert_no_error (error);
  acted = pdw_store_apply_action (store, pdw_complaint_get_id (complaint), "add_to_consolidation", NULL, NULL,
                                  &officer, &error);
  g_assert_no_error (error);
  list = pdw_store_list_complaint_events (store, pdw_complaint_get_id (complaint), &error);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  linked = pdw_store_link_conversation (store, second, pdw_complaint_get_id (complaint), &officer, &error);
  g_assert_no_error (error);
  list = pdw_store_list_complaints_due_before (store, G_MAXINT64 / 2, &error);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = pdw_store_list_consolidation (store, 0, G_MAXINT64 / 2, FALSE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = pdw_store_list_consolidation (store, 0, G_MAXINT64 / 2, TRUE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Search, every kind. */
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      list = pdw_store_search (store, queries[i], 0, &error);
      g_assert_no_error (error);
      g_clear_pointer (&list, g_ptr_array_unref);
    }

  /* The monthly report: this month (its files' chats and lines read in a
   * range), the next (the file carried over, read by itself) and a year. */
  {
    g_autoptr(GTimeZone) wib = g_time_zone_new_offset (7 * 3600);
    g_autoptr(GDateTime) today = g_date_time_new_now (wib);
    g_autoptr(PdwComplaint) replied = NULL;
    int y = g_date_time_get_year (today), m = g_date_time_get_month (today);
    const int periods[][4] = { { y, m, y, m }, { y + m / 12, m % 12 + 1, y + m / 12, m % 12 + 1 }, { y, 1, y, 12 } };

    /* The composer: the standard reply's draft, then the step with its
     * message (pdw-store-steps.c). */
    g_auto(PdwDraft) draft = { 0 };
    PdwStepMessage step = { "send_standard_reply", NULL, NULL, FALSE, NULL };

    g_assert_true (pdw_store_save_draft (store, first, "Data aktif maksimal 2x24 jam.", "send_standard_reply",
                                         NULL, NULL, NULL, &error));
    g_assert_true (pdw_store_read_draft (store, first, &draft, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pdw_store_queue_step_message (store, first, pdw_complaint_get_id (complaint), &step,
                                                   "Data aktif maksimal 2x24 jam.", &officer, &error), >, 0);
    g_assert_no_error (error);
    replied = pdw_store_dup_complaint (store, pdw_complaint_get_id (complaint), &error);
    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
      {
        g_autoptr(PdwReport) report = NULL;
        PdwReportPeriod period;

        g_assert_true (pdw_report_period_init (&period, periods[i][0], periods[i][1], periods[i][2],
                                               periods[i][3], &error));
        report = pdw_store_compute_report (store, &period, NULL, NULL, &error);
        g_assert_no_error (error);
        g_assert_nonnull (report);
      }
  }

  /* One citizen, two numbers. */
  g_assert_true (pdw_store_merge_conversations (store, second, third, &officer, &error));
  g_assert_no_error (error);
}

static char *
dup_table_of_alias (const char *sql,
                    const char *alias)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\b(?:FROM|JOIN|UPDATE|INTO)\\s+(\\w+)(?:\\s+(?:AS\\s+)?(\\w+))?",
                                         G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, sql, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *table = g_match_info_fetch (match, 1);
      g_autofree char *name = g_match_info_fetch (match, 2);

      if (g_strcmp0 (table, alias) == 0 || g_strcmp0 (name, alias) == 0)
        return g_steal_pointer (&table);
      g_match_info_next (match, NULL);
    }

  return g_strdup (alias);
}

static gboolean
is_hot_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (hot_tables); i++)
    if (g_strcmp0 (table, hot_tables[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "SCAN alias USING [COVERING] INDEX name" through an index of
 * allowed_scans; a bare "SCAN alias" never is. */
static gboolean
is_allowed_scan (GStrv       words,
                 const char *detail)
{
  guint n = g_strv_length (words);

  if (n < 5 || g_strcmp0 (words[2], "USING") != 0 || g_strcmp0 (words[n - 2], "INDEX") != 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (allowed_scans); i++)
    if (g_strcmp0 (words[n - 1], allowed_scans[i].index) == 0)
      {
        g_test_message ("allowed: %s, %s", detail, allowed_scans[i].why);
        return TRUE;
      }
  return FALSE;
}

/* The full scans of hot tables in @sql's plan, one line each. */
static char *
dup_full_scans (sqlite3    *db,
                const char *sql)
{
  g_autoptr(GString) scans = g_string_new (NULL);
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *detail = (const char *) sqlite3_column_text (stmt, 3);
      g_auto(GStrv) words = NULL;
      g_autofree char *table = NULL;

      if (!g_str_has_prefix (detail, "SCAN ") || strstr (detail, "VIRTUAL TABLE") != NULL)
        continue;
      words = g_strsplit (detail, " ", -1);
      table = dup_table_of_alias (sql, words[1]);
      if (is_allowed_scan (words, detail))
        continue;
      if (g_getenv ("PDW_TEST_PLAN_ALL") != NULL || is_hot_table (table))
        g_string_append_printf (scans, "  %s (%s)\n", detail, table);
    }
  sqlite3_finalize (stmt);

  return scans->len > 0 ? g_string_free (g_steal_pointer (&scans), FALSE) : NULL;
}

static gboolean
is_plannable (const char *sql)
{
  static const char * const skipped[] = { "PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE" };

  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    if (g_ascii_strncasecmp (sql, skipped[i], strlen (skipped[i])) == 0)
      return FALSE;
  return TRUE;
}

static void
test_no_full_scans (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);
  GHashTableIter iter;
  const char *sql;
  guint checked = 0;

  store = pdw_store_open (path, &error);
  g_assert_no_error (error);

  sqlite3_trace_v2 (store->db, SQLITE_TRACE_STMT, record_statement, seen);
  run_the_desk (store);
  sqlite3_trace_v2 (store->db, 0, NULL, NULL);

  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, (gpointer *) &sql, NULL))
    {
      g_autofree char *scans = NULL;

      if (!is_plannable (sql))
        continue;
      checked++;
      if ((scans = dup_full_scans (store->db, sql)) != NULL)
        g_string_append_printf (failures, "%s\n%s\n", sql, scans);
    }

  g_test_message ("%u statements planned", checked);
  g_assert_cmpuint (checked, >, 40);
  if (failures->len > 0)
    g_error ("Full scans of hot tables:\n%s", failures->str);

  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

static char *
dup_plan (sqlite3    *db,
          const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&plan), FALSE);
}

/* The inbox tabs' counts run after every run of changes: each is one
 * indexed count, the working set's sources through their own indexes.
 * The plans on the migrated schema:
 *   Semua / Belum dibalas: SEARCH c USING INDEX conversations_recent_inbound
 *     (last_inbound_time>?), SCAN c USING INDEX conversations_unread,
 *     SCAN p USING INDEX complaints_open + SEARCH c USING INDEX
 *     conversations_by_complaint (complaint_id=?), in a UNION; Belum
 *     dibalas adds per row SEARCH o USING INDEX messages_by_conversation
 *     (conversation_id=?);
 *   Milik saya: SCAN p USING INDEX complaints_open (the open files only);
 *   Terlambat / segera: SEARCH p USING INDEX complaints_by_due (due_at>? AND due_at<?);
 *   unread: SCAN c USING INDEX conversations_unread. */
static void
test_inbox_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) plans = g_string_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);
  PdwConversationQuery query = { PDW_CONVERSATION_FILTER_WORKING_SET, 1763800000,
                                 1763800000 - 14 * 86400, 86400, 0, officer.name };
  const char * const expected[] = {
    "SEARCH c USING INDEX conversations_recent_inbound (last_inbound_time>?)",
    "SCAN c USING INDEX conversations_unread",
    "SCAN p USING INDEX complaints_open",
    "SEARCH c USING INDEX conversations_by_complaint (complaint_id=?)",
    "SEARCH p USING INDEX complaints_by_due (due_at>? AND due_at<?)",
    "USING INDEX messages_by_conversation (conversation_id=?)",
  };
  PdwInboxCounts counts;
  GHashTableIter iter;
  const char *sql;

  store = pdw_store_open (path, &error);
  g_assert_no_error (error);

  sqlite3_trace_v2 (store->db, SQLITE_TRACE_STMT, record_statement, seen);
  g_assert_true (pdw_store_count_inbox (store, &query, &counts, &error));
  sqlite3_trace_v2 (store->db, 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 5);

  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, (gpointer *) &sql, NULL))
    {
      g_autofree char *plan = dup_plan (store->db, sql);
      g_autofree char *scans = dup_full_scans (store->db, sql);

      g_test_message ("%s\n%s", sql, plan);
      g_assert_null (scans);
      g_assert_null (strstr (plan, "SCAN c\n"));
      g_assert_null (strstr (plan, "SCAN p\n"));
      g_string_append (plans, plan);
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (plans->str, expected[i]) == NULL)
      g_error ("No count uses “%s”:\n%s", expected[i], plans->str);

  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/query-plan/no-full-scans", test_no_full_scans);
  g_test_add_func ("/query-plan/inbox-counts", test_inbox_counts);

  return g_test_run ();
}
