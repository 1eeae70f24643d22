/* test-generate-now.c: a generated history ends now.  Without --start the
 * last month is the current one; nothing is registered, sent or closed
 * after the moment the generator ran, and the last days' files are still
 * open; a cancelled run stops between steps.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "core/pdw-workflow.h"
#include "demo/pdw-history.h"

/* 2026-12-02 10:00 WIB */
#define DEC_2_2026 ((gint64) 1796180400)
/* 2026-01-15 10:00 WIB */
#define JAN_15_2026 ((gint64) 1768446000)
/* 2026-01-31 23:30 WIB: still January in WIB, February 1 nowhere yet */
#define JAN_31_2026_LATE ((gint64) 1769877000)

static void
test_default_end_month (void)
{
  struct { gint64 now; guint months; guint year; guint month; } cases[] = {
    { DEC_2_2026, 12, 2026, 1 },
    { DEC_2_2026, 1, 2026, 12 },
    { DEC_2_2026, 2, 2026, 11 },
    { JAN_15_2026, 3, 2025, 11 },
    { JAN_15_2026, 13, 2025, 1 },
    { JAN_31_2026_LATE, 1, 2026, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PdwHistoryOptions opts = PDW_HISTORY_OPTIONS_INIT;

      opts.months = cases[i].months;
      pdw_history_options_end_at (&opts, cases[i].now);
      g_assert_cmpuint (opts.start_year, ==, cases[i].year);
      g_assert_cmpuint (opts.start_month, ==, cases[i].month);
      g_assert_cmpint (opts.until, ==, cases[i].now);
      g_assert_cmpuint (opts.months, ==, cases[i].months);
    }
}

typedef struct
{
  gint64 latest;
  guint  rows;
  guint  open;            /* complaints not in a final status */
  const char * const *columns;
} Scan;

static void
scan_row (const char * const *columns,
          const char * const *values,
          guint               n_columns,
          gpointer            user_data)
{
  Scan *scan = user_data;

  scan->rows++;
  for (guint i = 0; i < n_columns; i++)
    {
      if (values[i] == NULL)
        continue;
      if (g_strv_contains (scan->columns, columns[i]))
        scan->latest = MAX (scan->latest, g_ascii_strtoll (values[i], NULL, 10));
      if (g_strcmp0 (columns[i], "status") == 0)
        {
          PdwComplaintStatus status;

          if (pdw_complaint_status_from_string (values[i], &status) &&
              !pdw_workflow_status_is_final (status))
            scan->open++;
        }
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
remove_db (const char *dir,
           const char *db)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

/* The CLI's default: two months up to this moment. */
static void
test_nothing_after_now (void)
{
  static const char * const time_columns[] = {
    "timestamp", "created_at", "updated_at", "sla_started_at", "last_inbound_time",
    "status_updated_at", "sent_at", "merged_at", NULL,
  };
  static const char * const tables[] = { "messages", "complaints", "complaint_events", "conversations", NULL };
  const char *cli = g_getenv ("PANDAWA_CLI");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pandawa-generate-now-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autofree char *out = NULL;
  g_autoptr(PdwStore) store = NULL;
  gint64 before, after;
  Scan complaints = { 0, 0, 0, time_columns };

  g_assert_no_error (error);
  g_assert_nonnull (cli);
  db = g_build_filename (dir, "now.db", NULL);

  before = g_get_real_time () / G_USEC_PER_SEC;
  {
    const char * const args[] = { cli, "generate", "--db", db, "--months", "2", "--seed", "7",
                                  "--scale", "small", NULL };

    g_assert_cmpint (run_cli (args, &out), ==, 0);
    g_assert_nonnull (strstr (out, "Complaints: "));
  }
  after = g_get_real_time () / G_USEC_PER_SEC;

  store = pdw_store_open (db, &error);
  g_assert_no_error (error);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      Scan scan = { 0, 0, 0, time_columns };

      g_assert_true (pdw_store_foreach_row (store, tables[i], scan_row, &scan, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (scan.rows, >, 0);
      g_assert_cmpint (scan.latest, <=, after);
      /* The history reaches into the last day before the run. */
      g_assert_cmpint (scan.latest, >, before - 2 * 86400);
      if (g_strcmp0 (tables[i], "complaints") == 0)
        complaints = scan;
    }

  /* As in a real office, the latest files are still being worked on. */
  g_assert_cmpuint (complaints.open, >, 0);
  g_assert_cmpuint (complaints.open, <, complaints.rows);

  g_clear_object (&store);
  remove_db (dir, db);
}

static void
test_cancelled (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pandawa-generate-cancel-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  PdwHistoryOptions opts = PDW_HISTORY_OPTIONS_INIT;
  PdwHistoryReport report = { 0 };

  g_assert_no_error (error);
  db = g_build_filename (dir, "cancel.db", NULL);
  store = pdw_store_open (db, &error);
  g_assert_no_error (error);

  opts.months = 1;
  opts.scale = 12;
  opts.cancellable = cancellable;
  g_cancellable_cancel (cancellable);
  g_assert_false (pdw_history_generate (store, &opts, &report, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (report.complaints, ==, 0);

  g_clear_object (&store);
  remove_db (dir, db);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/generate/default-end-month", test_default_end_month);
  g_test_add_func ("/generate/nothing-after-now", test_nothing_after_now);
  g_test_add_func ("/generate/cancelled", test_cancelled);

  return g_test_run ();
}
