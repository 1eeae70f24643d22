/* test-cli-card.c: `pandawa-cli card` end to end, as a subprocess.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include "test-card-util.h"

typedef struct
{
  char   *dir;
  char   *db;
  char   *pdf;
  char   *ticket;
} Fixture;

typedef struct
{
  int   exit_status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  TestClock clock;
  gint64 id;

  f->db = test_make_db_path (&f->dir);
  f->pdf = g_build_filename (f->dir, "kartu.pdf", NULL);

  store = pdw_store_open (f->db, &error);
  g_assert_no_error (error);
  id = test_card_build (store, &clock, 0);
  complaint = pdw_store_dup_complaint (store, id, &error);
  g_assert_no_error (error);
  f->ticket = g_strdup (pdw_complaint_get_ticket (complaint));
  pdw_store_set_clock (store, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pdw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->pdf);
  g_free (f->ticket);
}

/* Runs pandawa-cli with @args (NULL-terminated, after the program name). */
static CliRun
run_cli (const char *first, ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("PANDAWA_CLI");
  CliRun run = { 0, NULL, NULL };
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run.out, &run.err, &wait_status, &error);
  g_assert_no_error (error);

  if (!g_spawn_check_wait_status (wait_status, &error))
    {
      g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
      run.exit_status = error->code;
    }

  return run;
}

static void
test_writes_card (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(CliRun) run = run_cli ("card", "--db", f->db, "--ticket", f->ticket, "-o", f->pdf, NULL);
  g_autofree char *text = NULL;
  GStatBuf st;

  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.exit_status, ==, 0);

  g_assert_cmpint (g_stat (f->pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  text = test_pdftotext (f->pdf, 0, 0);
  /* The letterhead from the settings' default office name. */
  g_assert_nonnull (strstr (text, "PEMERINTAH KOTA PEKANBARU"));
  g_assert_nonnull (strstr (text, "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KOTA PEKANBARU"));
  g_assert_nonnull (strstr (text, "KARTU KENDALI PENGADUAN PANDAWA"));
  g_assert_nonnull (strstr (text, f->ticket));
  g_assert_nonnull (strstr (text, CARD_NIK_MASKED));
  g_assert_null (strstr (text, CARD_NIK));
  g_assert_nonnull (strstr (text, "09/11/2026 08:00"));
  g_assert_nonnull (strstr (text, "Kepada: Bidang PIAK"));
  g_assert_nonnull (strstr (text, "Halaman 1 dari 1"));
}

static void
test_unknown_ticket (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(CliRun) run = run_cli ("card", "--db", f->db, "--ticket", "PDW-2099-01-99999", "-o", f->pdf, NULL);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "PDW-2099-01-99999"));
  g_assert_false (g_file_test (f->pdf, G_FILE_TEST_EXISTS));
}

static void
test_unwritable_path (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->dir, "no-such-folder", "kartu.pdf", NULL);
  g_auto(CliRun) run = run_cli ("card", "--db", f->db, "--ticket", f->ticket, "-o", bad, NULL);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, bad));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *missing_db = g_build_filename (f->dir, "missing.db", NULL);

  {
    g_auto(CliRun) run = run_cli ("card", "--db", f->db, "-o", f->pdf, NULL);

    g_assert_cmpint (run.exit_status, ==, 2);
    g_assert_cmpstr (run.err, !=, "");
  }
  {
    g_auto(CliRun) run = run_cli ("card", "--db", f->db, "--ticket", f->ticket, NULL);

    g_assert_cmpint (run.exit_status, ==, 2);
  }
  {
    g_auto(CliRun) run = run_cli ("card", "--db", f->db, "--ticket", f->ticket, "-o", f->pdf, "extra", NULL);

    g_assert_cmpint (run.exit_status, ==, 2);
  }
  {
    /* A missing database is reported, not created. */
    g_auto(CliRun) run = run_cli ("card", "--db", missing_db, "--ticket", f->ticket, "-o", f->pdf, NULL);

    g_assert_cmpint (run.exit_status, ==, 1);
    g_assert_nonnull (strstr (run.err, missing_db));
    g_assert_false (g_file_test (missing_db, G_FILE_TEST_EXISTS));
  }

  g_assert_false (g_file_test (f->pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/card/writes-card", Fixture, NULL, fixture_set_up, test_writes_card, fixture_tear_down);
  g_test_add ("/cli/card/unknown-ticket", Fixture, NULL, fixture_set_up, test_unknown_ticket, fixture_tear_down);
  g_test_add ("/cli/card/unwritable-path", Fixture, NULL, fixture_set_up, test_unwritable_path, fixture_tear_down);
  g_test_add ("/cli/card/usage-errors", Fixture, NULL, fixture_set_up, test_usage_errors, fixture_tear_down);

  return g_test_run ();
}
