/* test-cli-consolidation.c: `pandawa-cli consolidation` end to end.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "consolidation-fixture.h"
#include "demo/pdw-history.h"
#include "export/pdw-consolidation.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs pandawa-cli with the given arguments (NULL-terminated); returns
 * its exit status, with its output in @run. */
static int
run_cli (CliRun     *run,
         const char *first,
         ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("PANDAWA_CLI");
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  cli_run_clear (run);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "consolidation");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  return run->status;
}

/* The fixture's history on disk, with the store closed so that only the
 * CLI has the database open. */
static Fixture *
fixture_on_disk (void)
{
  Fixture *fixture = fixture_new ();

  pdw_store_set_clock (fixture->store, NULL, NULL);
  g_clear_object (&fixture->store);
  return fixture;
}

static void
fixture_reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  fixture->store = pdw_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
}

static void
test_cli_export (void)
{
  g_autoptr(Fixture) fixture = fixture_on_disk ();
  g_autofree char *csv_path = fixture_path (fixture, "daftar.csv");
  g_autofree char *xlsx_path = fixture_path (fixture, "daftar.xlsx");
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  CliRun run = { 0 };

  g_assert_cmpint (run_cli (&run, "--db", fixture->db_path, "--from", "2026-11-02", "--to", "2026-11-03",
                            "--format", "csv", "-o", csv_path, NULL), ==, 0);
  expected = g_strdup_printf ("3 complaints written to %s (contains full NIK and KK: keep it confidential)\n",
                              csv_path);
  g_assert_cmpstr (run.out, ==, expected);
  assert_mode_0600 (csv_path);
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "RAHASIA"));
  g_assert_nonnull (strstr (contents, "1471084101900001"));
  g_assert_nonnull (strstr (contents, fixture->tickets[CITIZEN_C]));
  g_assert_null (strstr (contents, fixture->tickets[CITIZEN_E]));
  g_clear_pointer (&contents, g_free);

#if HAVE_XLSXWRITER
  /* The format follows the file name when not given. */
  g_assert_cmpint (run_cli (&run, "--db", fixture->db_path, "--from", "2026-11-02",
                            "-o", xlsx_path, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "2 complaints written to "));
  assert_mode_0600 (xlsx_path);
  g_assert_true (g_file_get_contents (xlsx_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
#endif

  /* One complaint: the singular. */
  g_assert_cmpint (run_cli (&run, "--db", fixture->db_path, "--from", "2026-11-03",
                            "--format", "CSV", "-o", csv_path, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "1 complaint written to "));

  cli_run_clear (&run);
}

/* Splits a CSV line written by the export (no separator inside a cell in
 * this history: names and labels hold none). */
static GStrv
split_row (const char *line,
           char        separator)
{
  char sep[2] = { separator, '\0' };

  return g_strsplit (line, sep, -1);
}

/* On a generated month, under LANG=C: the CLI writes the rows the store
 * counts (what the window says is left to consolidate), with ";" when
 * asked, NIK and KK as ="…" text, phones as +62… and Indonesian labels. */
static void
test_cli_generated_month (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) env = g_get_environ ();
  PdwHistoryOptions opts = PDW_HISTORY_OPTIONS_INIT;
  const char *cli = g_getenv ("PANDAWA_CLI");
  gint64 start, end;
  guint n_rows = 0;
  int status = 0;
  g_autofree char *out = NULL;
  const char *argv[] = { cli, "consolidation", "--db", NULL, "--from", "2025-03-01", "--to", "2025-03-31",
                         "--separator", ";", "-o", NULL, NULL };

  dir = g_dir_make_tmp ("pandawa-cli-consolidation-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "bulan.db", NULL);
  csv_path = g_build_filename (dir, "daftar.csv", NULL);
  store = pdw_store_open (db, &error);
  g_assert_no_error (error);
  opts.start_year = 2025;
  opts.start_month = 3;
  opts.months = 1;
  opts.seed = 5;
  opts.scale = 12;
  /* 2025-03-26 14:00 WIB: some listed files still wait. */
  opts.until = 1742972400;
  g_assert_true (pdw_history_generate (store, &opts, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pdw_consolidation_parse_range ("2025-03-01", "2025-03-31", &start, &end, &error));
  waiting = pdw_store_list_consolidation (store, start, end, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (waiting->len, >, 0);
  g_assert_cmpint (pdw_store_count_consolidation (store, start, end, FALSE, NULL), ==, waiting->len);
  g_clear_object (&store);

  argv[3] = db;
  argv[11] = csv_path;
  env = g_environ_setenv (env, "LANG", "C", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  expected_out = g_strdup_printf ("%u complaints written to %s", waiting->len, csv_path);
  g_assert_true (g_str_has_prefix (out, expected_out));

  store = pdw_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  /* The warning, the column titles, the rows, the empty string after the last line end. */
  g_assert_true (g_str_has_prefix (lines[1], "No;Tiket;"));
  for (guint i = 2; lines[i] != NULL && lines[i][0] != '\0'; i++, n_rows++)
    {
      PdwComplaint *complaint = g_ptr_array_index (waiting, n_rows);
      g_auto(GStrv) cells = split_row (lines[i], ';');
      g_autofree char *nik = g_strdup_printf ("\"=\"\"%s\"\"\"", pdw_complaint_get_nik (complaint));
      g_autofree char *type = pdw_store_dup_catalog_label_id (store, PDW_CATALOG_COMPLAINT_TYPE,
                                                              pdw_complaint_get_complaint_type (complaint));

      g_assert_cmpuint (g_strv_length (cells), ==, 12);
      /* The same list, in the same order. */
      g_assert_cmpstr (cells[1], ==, pdw_complaint_get_ticket (complaint));
      g_assert_cmpstr (cells[4], ==, nik);
      g_assert_true (g_str_has_prefix (cells[6], "\"=\"\"+62"));
      /* Indonesian whatever the locale of the process. */
      g_assert_cmpstr (cells[7], ==, type);
      g_assert_cmpstr (cells[9], ==, pdw_complaint_status_get_label_id (pdw_complaint_get_status (complaint)));
    }
  g_assert_cmpuint (n_rows, ==, waiting->len);
  g_assert_null (strstr (contents, "Synchronisation"));
  g_assert_null (strstr (contents, "Consolidation"));

  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

static void
test_cli_usage_errors (void)
{
  g_autoptr(Fixture) fixture = fixture_on_disk ();
  g_autofree char *out = fixture_path (fixture, "x.csv");
  g_autofree char *missing_db = fixture_path (fixture, "tidak-ada.db");
  CliRun run = { 0 };

  g_assert_cmpint (run_cli (&run, "--db", fixture->db_path, "-o", out, NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "--from"));
  g_assert_cmpint (run_cli (&run, "--db", fixture->db_path, "--from", "2026-13-01", "-o", out, NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "2026-13-01"));
  g_assert_cmpint (run_cli (&run, "--db", fixture->db_path, "--from", "2026-11-03", "--to", "2026-11-02",
                            "-o", out, NULL), ==, 2);
  g_assert_cmpint (run_cli (&run, "--db", fixture->db_path, "--from", "2026-11-02", "--format", "pdf",
                            "-o", out, NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "pdf"));
  g_assert_cmpint (run_cli (&run, "--db", fixture->db_path, "--import", out, "--from", "2026-11-02", NULL), ==, 2);
  g_assert_cmpint (run_cli (&run, "--db", fixture->db_path, "--from", "2026-11-02", "-o", out,
                            "--officer", "Budi", NULL), ==, 2);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* A missing database is an error, never created. */
  g_assert_cmpint (run_cli (&run, "--db", missing_db, "--from", "2026-11-02", "-o", out, NULL), ==, 1);
  g_assert_false (g_file_test (missing_db, G_FILE_TEST_EXISTS));

  cli_run_clear (&run);
}

static void
test_cli_import (void)
{
  g_autoptr(Fixture) fixture = fixture_on_disk ();
  g_autofree char *csv_path = fixture_path (fixture, "daftar.csv");
  g_autofree char *filled_path = fixture_path (fixture, "terisi.csv");
  g_autofree char *bad_path = fixture_path (fixture, "salah.csv");
  g_autofree char *csv = NULL;
  g_autofree char *step = NULL;
  g_autofree char *filled = NULL;
  g_autofree char *bad = NULL;
  CliRun run = { 0 };

  g_assert_cmpint (run_cli (&run, "--db", fixture->db_path, "--from", "2026-11-02", "--to", "2026-11-03",
                            "-o", csv_path, NULL), ==, 0);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  step = fixture_fill_csv_row (csv, fixture->tickets[CITIZEN_A], "selesai", "");
  filled = fixture_fill_csv_row (step, fixture->tickets[CITIZEN_C], "ganda", "dua NIK");
  g_assert_true (g_file_set_contents (filled_path, filled, -1, NULL));

  /* No officer in the settings (a fresh memory backend) and none given. */
  g_assert_cmpint (run_cli (&run, "--db", fixture->db_path, "--import", filled_path, NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "--officer"));

  g_assert_cmpint (run_cli (&run, "--db", fixture->db_path, "--import", filled_path,
                            "--officer", FIXTURE_OFFICER_NAME, "--nip", FIXTURE_OFFICER_NIP, NULL), ==, 0);
  g_assert_cmpstr (run.out, ==, "Applied: 2, skipped: 1, refused: 0\n");

  fixture_reopen (fixture);
  {
    g_autoptr(PdwComplaintEvent) done = fixture_last_event (fixture, fixture->tickets[CITIZEN_A]);
    g_autoptr(PdwComplaintEvent) duplicate = fixture_last_event (fixture, fixture->tickets[CITIZEN_C]);
    g_autoptr(PdwComplaint) referred = fixture_complaint (fixture, fixture->tickets[CITIZEN_C]);

    g_assert_cmpstr (pdw_complaint_event_get_action (done), ==, "consolidation_done");
    g_assert_cmpstr (pdw_complaint_event_get_actor_name (done), ==, FIXTURE_OFFICER_NAME);
    g_assert_cmpstr (pdw_complaint_event_get_actor_nip (done), ==, FIXTURE_OFFICER_NIP);
    g_assert_cmpstr (pdw_complaint_event_get_action (duplicate), ==, "consolidation_duplicate");
    g_assert_cmpstr (pdw_complaint_event_get_note (duplicate), ==, "dua NIK");
    g_assert_cmpint (pdw_complaint_get_status (referred), ==, PDW_COMPLAINT_RUJUK_BIOMETRIK);
  }
  g_clear_object (&fixture->store);

  /* Again: already marked rows are skipped; a bad row fails the run. */
  bad = g_strconcat (filled, "9,PDW-2099-01-99999,,,,,,,,,selesai,\r\n", NULL);
  g_assert_true (g_file_set_contents (bad_path, bad, -1, NULL));
  g_assert_cmpint (run_cli (&run, "--db", fixture->db_path, "--import", bad_path,
                            "--officer", FIXTURE_OFFICER_NAME, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "Applied: 0, skipped: 3, refused: 1\nrow 6: "));
  g_assert_nonnull (strstr (run.out, "PDW-2099-01-99999"));

  /* Not a consolidation list at all. */
  g_assert_cmpint (run_cli (&run, "--db", fixture->db_path, "--import", fixture->db_path,
                            "--officer", FIXTURE_OFFICER_NAME, NULL), ==, 1);

  cli_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/consolidation/export", test_cli_export);
  g_test_add_func ("/cli/consolidation/usage-errors", test_cli_usage_errors);
  g_test_add_func ("/cli/consolidation/generated-month", test_cli_generated_month);
  g_test_add_func ("/cli/consolidation/import", test_cli_import);

  return g_test_run ();
}
