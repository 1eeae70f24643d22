/* test-cli-report.c: `pandawa-cli report` end to end, as a subprocess, on
 * the November of tests/store/report-fixture.h.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "report-fixture.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  ReportClock clock;

  f->db = test_make_db_path (&f->dir);
  store = pdw_store_open (f->db, &error);
  g_assert_no_error (error);
  report_fixture_build (store, &clock);
  pdw_store_set_clock (store, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pdw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Runs pandawa-cli report with @args; returns the exit status, stderr in
 * @err. */
static int
run_report (const char * const *args,
            char              **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  int status = 0;

  g_strv_builder_add (builder, g_getenv ("PANDAWA_CLI"));
  g_strv_builder_add (builder, "report");
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);

  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, err, &status, &error));
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, &error))
    return 0;
  g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
  return error->code;
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "laporan.json", NULL);
  const char *args[] = { "--db", f->db, "--month", "2026-11", "--format", "json", "-o", out, NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  JsonObject *figures;
  GStatBuf st;

  g_assert_cmpint (run_report (args, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (json_parser_load_from_file (parser, out, &error));
  figures = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "figures");
  /* The figures worked out in report-fixture.h. */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (figures, "received"), "value"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (figures, "first_response_median"),
                                               "value"), ==, 1200);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (figures, "reopened"), "value"), ==, 1);
}

static void
test_csv_and_xlsx (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "csv", NULL);
  g_autofree char *days = g_build_filename (folder, "days.csv", NULL);
  g_autofree char *one = g_build_filename (f->dir, "bulanan.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "laporan.xlsx", NULL);
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  const char *csv_args[] = { "--db", f->db, "--month", "2026-11", "--format", "csv", "-o", folder, NULL };
  const char *table_args[] = { "--db", f->db, "--month", "2026-09", "--to", "2026-11", "--format", "csv",
                               "--separator", ",", "--table", "months", "-o", one, NULL };
  const char *xlsx_args[] = { "--db", f->db, "--month", "2026-11", "--format", "xlsx", "-o", xlsx, NULL };

  g_assert_cmpint (run_report (csv_args, &err), ==, 0);
  g_assert_true (g_file_test (days, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&err, g_free);

  /* A range: one row per month, ',' between fields. */
  g_assert_cmpint (run_report (table_args, &err), ==, 0);
  g_assert_true (g_file_get_contents (one, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Periode: September–November 2026"));
  g_assert_nonnull (strstr (text, "\r\n2026-09,0,"));
  g_assert_nonnull (strstr (text, "\r\n2026-11,4,3,1,1,0,2,0,1,1,1,"));
  g_clear_pointer (&err, g_free);

#if HAVE_XLSXWRITER
  g_assert_cmpint (run_report (xlsx_args, &err), ==, 0);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
#else
  (void) xlsx_args;
#endif
}

/* The signed PDF: the signer from the options (the tests have no
 * schema-backed signer), read back with pdftotext. */
static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "laporan.pdf", NULL);
  const char *args[] = { "--db", f->db, "--month", "2026-11", "--format", "pdf", "-o", out,
                         "--signer-name", "Dr. Andi Wijaya", "--signer-nip", "197001011990031001",
                         "--place", "Pekanbaru", "--sign-date", "2 Desember 2026", NULL };
  const char *pdftotext[] = { "pdftotext", "-layout", out, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *received = NULL;
  int status;
  GStatBuf st;

  g_assert_cmpint (run_report (args, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (g_spawn_sync (NULL, (char **) pdftotext, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "LAPORAN BULANAN LAYANAN PANDAWA"));
  g_assert_nonnull (strstr (text, "November 2026"));
  g_assert_nonnull (strstr (text, "Halaman 1 dari"));
  g_assert_nonnull (strstr (text, "Pekanbaru, 2 Desember 2026"));
  g_assert_nonnull (strstr (text, "Dr. Andi Wijaya"));
  g_assert_nonnull (strstr (text, "NIP. 197001011990031001"));
  /* The figure worked out in report-fixture.h: 4 received. */
  received = g_strdup (strstr (text, "Pengaduan diterima"));
  g_assert_nonnull (received);
  *strchr (received, '\n') = '\0';
  g_assert_true (g_regex_match_simple ("^Pengaduan diterima\\s+4\\s", received, 0, 0));
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "x.json", NULL);
  const char *bad_month[] = { "--db", f->db, "--month", "2026-13", "-o", out, NULL };
  const char *bad_format[] = { "--db", f->db, "--month", "2026-11", "--format", "docx", "-o", out, NULL };
  const char *backwards[] = { "--db", f->db, "--month", "2026-11", "--to", "2026-10", "-o", out, NULL };
  const char *no_month[] = { "--db", f->db, "-o", out, NULL };
  const char *bad_table[] = { "--db", f->db, "--month", "2026-11", "--format", "csv", "--table", "x", "-o", out, NULL };
  struct {
    const char * const *args;
    const char         *reason;
  } cases[] = {
    { bad_month, "2026-13" },
    { bad_format, "docx" },
    { backwards, "before" },
    { no_month, "--month" },
    { bad_table, "“x”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run_report (cases[i].args, &err), ==, 2);
      g_assert_nonnull (strstr (err, cases[i].reason));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-report/json", Fixture, NULL, fixture_set_up, test_json, fixture_tear_down);
  g_test_add ("/cli-report/csv-and-xlsx", Fixture, NULL, fixture_set_up, test_csv_and_xlsx, fixture_tear_down);
  g_test_add ("/cli-report/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/cli-report/usage-errors", Fixture, NULL, fixture_set_up, test_usage_errors, fixture_tear_down);

  return g_test_run ();
}
