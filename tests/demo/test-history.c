/* test-history.c: a month of synthetic office history at a small scale:
 * every control card is a valid path through the workflow table, nothing
 * is registered when the office is closed, Mondays are busier than
 * Fridays, the same seed gives the same database; and the CLI end to end.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "core/pdw-workflow.h"
#include "demo/pdw-history.h"

#define SMALL 12

/* A control card replayed so far. */
typedef struct
{
  PdwComplaintStatus status;
  gint64             t;
  gboolean           sla;
} Card;

static void
dump_row (const char * const *columns,
          const char * const *values,
          guint               n_columns,
          gpointer            user_data)
{
  GPtrArray *rows = user_data;
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (s, "%s=%s|", columns[i], values[i] ? values[i] : "<null>");
  g_ptr_array_add (rows, g_string_free (s, FALSE));
}

static GPtrArray *
dump_table (PdwStore   *store,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (pdw_store_foreach_row (store, table, dump_row, rows, &error));
  g_assert_no_error (error);
  return rows;
}

/* The value of @column in a dumped row. */
static char *
field (const char *row,
       const char *column)
{
  g_autofree char *key = g_strconcat (column, "=", NULL);
  const char *p = row;

  while ((p = strstr (p, key)) != NULL)
    {
      if (p == row || p[-1] == '|')
        {
          const char *start = p + strlen (key);
          const char *end = strchr (start, '|');

          return g_strndup (start, end - start);
        }
      p++;
    }

  g_error ("no column %s in %s", column, row);
  return NULL;
}

static gint64
field_int (const char *row,
           const char *column)
{
  g_autofree char *v = field (row, column);

  return g_ascii_strtoll (v, NULL, 10);
}

static PdwStore *
generate (const char       *dir,
          const char       *name,
          guint32           seed,
          PdwHistoryReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  PdwStore *store = pdw_store_open (path, &error);
  PdwHistoryOptions opts = PDW_HISTORY_OPTIONS_INIT;

  g_assert_no_error (error);
  opts.months = 1;
  opts.seed = seed;
  opts.scale = SMALL;
  g_assert_true (pdw_history_generate (store, &opts, report, &error));
  g_assert_no_error (error);
  return store;
}

static void
check_cards (PdwStore               *store,
             const PdwHistoryReport *report)
{
  g_autoptr(GPtrArray) complaints = dump_table (store, "complaints");
  g_autoptr(GPtrArray) events = dump_table (store, "complaint_events");
  g_autoptr(PdwServiceCalendar) cal = pdw_service_calendar_new ();
  g_autoptr(GTimeZone) tz = pdw_time_zone_new_wib ();
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint per_weekday[8] = { 0 }, days_per_weekday[8] = { 0 };
  guint registered = 0;
  gint64 day;

  pdw_service_calendar_load_default_holidays (cal);

  g_assert_cmpuint (complaints->len, ==, report->complaints);
  g_assert_cmpuint (complaints->len, >, 100);

  /* Replay every card, event by event (rows come in id order). */
  for (guint i = 0; i < events->len; i++)
    {
      const char *row = g_ptr_array_index (events, i);
      gint64 id = field_int (row, "complaint_id");
      g_autofree char *action = field (row, "action");
      g_autofree char *from = field (row, "from_status");
      g_autofree char *to = field (row, "to_status");
      g_autofree char *note = field (row, "note");
      g_autofree char *party = field (row, "to_party");
      gint64 t = field_int (row, "timestamp");
      Card *card = g_hash_table_lookup (last, &id);
      PdwComplaintStatus from_status, to_status, expected;
      PdwWorkflowInput input = { NULL, NULL, FALSE };
      g_autoptr(GError) error = NULL;

      g_assert_true (pdw_complaint_status_from_string (from, &from_status));
      g_assert_true (pdw_complaint_status_from_string (to, &to_status));

      if (card == NULL)
        {
          gint64 *key = g_memdup2 (&id, sizeof id);
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
          g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
          GDate date;

          g_assert_cmpstr (action, ==, "register");
          g_assert_cmpint (from_status, ==, PDW_COMPLAINT_BARU);
          g_assert_cmpint (to_status, ==, PDW_COMPLAINT_TERDAFTAR);

          /* Registered only while the office is open. */
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, g_date_time_get_day_of_month (local),
                          g_date_time_get_month (local), g_date_time_get_year (local));
          g_assert_true (pdw_service_calendar_is_service_day (cal, &date));
          g_assert_true (pdw_service_calendar_is_open (cal, t));
          g_assert_cmpint (g_date_time_get_day_of_week (local), <=, 5);
          per_weekday[g_date_time_get_day_of_week (local)]++;
          registered++;

          card = g_new0 (Card, 1);
          card->status = PDW_COMPLAINT_TERDAFTAR;
          card->t = t;
          g_hash_table_insert (last, key, card);
          continue;
        }

      g_assert_cmpint (from_status, ==, card->status);
      g_assert_cmpint (t, >=, card->t);
      input.note = g_strcmp0 (note, "<null>") == 0 ? NULL : note;
      input.to_party = g_strcmp0 (party, "<null>") == 0 ? NULL : party;
      input.sla_started = card->sla;
      if (!pdw_workflow_check (card->status, action, &input, &expected, &error))
        g_error ("complaint %" G_GINT64_FORMAT ": %s", id, error->message);
      g_assert_cmpint (expected, ==, to_status);

      card->status = to_status;
      card->t = t;
      card->sla |= g_strcmp0 (action, "send_standard_reply") == 0;
    }

  g_assert_cmpuint (registered, ==, complaints->len);

  /* Each complaint's status is its card's last line. */
  for (guint i = 0; i < complaints->len; i++)
    {
      const char *row = g_ptr_array_index (complaints, i);
      gint64 id = field_int (row, "id");
      g_autofree char *status = field (row, "status");
      Card *card = g_hash_table_lookup (last, &id);
      PdwComplaintStatus s;

      g_assert_nonnull (card);
      g_assert_true (pdw_complaint_status_from_string (status, &s));
      g_assert_cmpint (s, ==, card->status);
    }

  /* Mondays busier than Fridays, per service day. */
  for (day = report->first_time; day < report->end_time; day += 86400)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (day);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (local),
                      g_date_time_get_month (local), g_date_time_get_year (local));
      if (pdw_service_calendar_is_service_day (cal, &date))
        days_per_weekday[g_date_time_get_day_of_week (local)]++;
    }
  g_assert_cmpuint (days_per_weekday[1], >, 0);
  g_assert_cmpuint (days_per_weekday[5], >, 0);
  g_assert_cmpfloat ((double) per_weekday[1] / days_per_weekday[1], >,
                     1.3 * per_weekday[5] / days_per_weekday[5]);
  g_assert_cmpuint (per_weekday[6] + per_weekday[7], ==, 0);
}

static void
test_month (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pandawa-history-XXXXXX", &error);
  g_autoptr(PdwStore) a = NULL;
  g_autoptr(PdwStore) b = NULL;
  g_autoptr(PdwStore) c = NULL;
  PdwHistoryReport ra = { 0 }, rb = { 0 }, rc = { 0 };
  g_autoptr(GPtrArray) ticket_a = NULL;
  const char * const tables[] = { "complaints", "complaint_events", "messages", "conversations" };
  guint sum = 0;

  g_assert_no_error (error);
  a = generate (dir, "a.db", 21, &ra);
  b = generate (dir, "b.db", 21, &rb);
  c = generate (dir, "c.db", 22, &rc);

  check_cards (a, &ra);

  for (guint i = 0; i <= PDW_COMPLAINT_STATUS_LAST; i++)
    sum += ra.by_status[i];
  g_assert_cmpuint (sum, ==, ra.complaints);
  g_assert_cmpuint (ra.by_status[PDW_COMPLAINT_SELESAI], >, ra.complaints / 2);
  g_assert_cmpuint (ra.overdue, >, 0);
  g_assert_cmpuint (ra.referred, >, 0);
  g_assert_cmpuint (ra.coordinated, >, 0);
  g_assert_cmpuint (ra.messages_in + ra.messages_out, >, 5 * ra.complaints);
  g_assert_cmpuint (ra.statuses, >, ra.messages_out);

  /* Same seed: the same report and the same rows, table by table. */
  g_assert_cmpmem (&ra, sizeof ra, &rb, sizeof rb);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(GPtrArray) x = dump_table (a, tables[i]);
      g_autoptr(GPtrArray) y = dump_table (b, tables[i]);

      g_assert_cmpuint (x->len, ==, y->len);
      for (guint j = 0; j < x->len; j++)
        g_assert_cmpstr (g_ptr_array_index (x, j), ==, g_ptr_array_index (y, j));
    }

  /* Another seed: other people, other counts. */
  {
    g_autoptr(GPtrArray) x = dump_table (a, "complaints");
    g_autoptr(GPtrArray) z = dump_table (c, "complaints");
    guint same = 0;

    for (guint j = 0; j < MIN (x->len, z->len); j++)
      same += g_strcmp0 (g_ptr_array_index (x, j), g_ptr_array_index (z, j)) == 0;
    g_assert_cmpuint (same, ==, 0);
    g_assert_true (memcmp (&ra, &rc, sizeof ra) != 0);
  }

  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  {
    g_autoptr(GFile) d = g_file_new_for_path (dir);
    g_autoptr(GFileEnumerator) e = g_file_enumerate_children (d, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
    GFileInfo *info;

    while (e != NULL && (info = g_file_enumerator_next_file (e, NULL, NULL)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, g_file_info_get_name (info), NULL);

        g_unlink (p);
        g_object_unref (info);
      }
    g_rmdir (dir);
  }
}

static int
run_cli (const char * const *args,
         char              **out)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, NULL, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  const char *cli = g_getenv ("PANDAWA_CLI");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pandawa-generate-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *out3 = NULL;
  g_autofree char *out4 = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (cli);
  db = g_build_filename (dir, "cli.db", NULL);

  {
    const char * const args[] = { cli, "generate", "--db", db, "--months", "1", "--seed", "3",
                                  "--start", "2025-03", "--scale", "small", NULL };

    g_assert_cmpint (run_cli (args, &out1), ==, 0);
    g_assert_nonnull (strstr (out1, "Complaints: "));
    g_assert_nonnull (strstr (out1, "rows/s"));
  }
  {
    const char * const args[] = { cli, "generate", "--db", db, "--months", "1", "--seed", "4",
                                  "--scale", "small", NULL };

    /* Never on top of an existing history without --append. */
    g_assert_cmpint (run_cli (args, &out2), ==, 1);
  }
  {
    const char * const args[] = { cli, "generate", "--db", db, "--months", "1", "--seed", "4",
                                  "--start", "2025-04", "--scale", "small", "--append", NULL };

    g_assert_cmpint (run_cli (args, &out3), ==, 0);
    g_assert_nonnull (strstr (out3, "Complaints: "));
  }
  {
    const char * const args[] = { cli, "generate", "--db", db, "--months", "0", NULL };

    g_assert_cmpint (run_cli (args, &out4), ==, 2);
  }

  {
    g_autoptr(PdwStore) store = pdw_store_open (db, &error);
    g_autoptr(PdwComplaint) first = NULL;
    g_autoptr(PdwComplaint) april = NULL;

    g_assert_no_error (error);
    first = pdw_store_dup_complaint_by_ticket (store, "PDW-2025-03-00001", &error);
    g_assert_no_error (error);
    g_assert_nonnull (first);
    april = pdw_store_dup_complaint_by_ticket (store, "PDW-2025-04-00001", &error);
    g_assert_no_error (error);
    g_assert_nonnull (april);
  }

  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/month", test_month);
  g_test_add_func ("/history/cli", test_cli);

  return g_test_run ();
}
