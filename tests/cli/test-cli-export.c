/* test-cli-export.c: `pandawa-cli export`, run as a subprocess.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "test-store-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("PANDAWA_CLI");
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "export");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static char *
make_database (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GPtrArray) conversations = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  char *path = test_make_db_path (dir);
  PdwComplaintFields fields = { .citizen_name = "Siti Contoh", .nik = "1471010101900001", .kk = "1471020202200002" };
  PdwActor actor = { .name = "Petugas Contoh", .nip = "199001012020121001" };

  store = pdw_store_open (path, &error);
  g_assert_no_error (error);
  test_ingest (store,
               test_messages (test_inbound ("wamid.K1", "6280000000001", "Siti Contoh", 1795248900, "Halo"), NULL),
               NULL);
  conversations = pdw_store_list_conversations (store, &error);
  complaint = pdw_store_register_complaint_at (store, pdw_conversation_get_id (g_ptr_array_index (conversations, 0)),
                                               &fields, &actor, 1795248900, &error);
  g_assert_no_error (error);
  return path;
}

static JsonObject *
parse_complaint (const char *text,
                 JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  JsonObject *doc;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  doc = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (doc, "format"), ==, "pandawa-export");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (doc, "messages"), 0), "wamid"),
                   ==, "wamid.K1");
  return json_array_get_object_element (json_object_get_array_member (doc, "complaints"), 0);
}

static void
test_stdout_masked (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_database (&dir);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };

  run_cli (&run, "--db", path, "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (parse_complaint (run.out, parser), "nik"), ==, "1471********0001");
  g_assert_null (strstr (run.out, "1471010101900001"));

  pdw_test_remove_tree (dir);
}

static void
test_file_unmasked (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_database (&dir);
  g_autofree char *out = g_build_filename (dir, "export.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  GStatBuf st;

  run_cli (&run, "--db", path, "--format", "json", "-o", out, "--unmasked", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_cmpstr (json_object_get_string_member (parse_complaint (text, parser), "kk"), ==, "1471020202200002");
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  pdw_test_remove_tree (dir);
}

static void
test_bad_format (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_database (&dir);
  g_auto(Run) run = { 0 };

  run_cli (&run, "--db", path, "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "csv"));
  g_assert_cmpstr (run.out, ==, "");

  pdw_test_remove_tree (dir);
}

static void
test_missing_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pdw-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "absent.db", NULL);
  g_auto(Run) run = { 0 };

  run_cli (&run, "--db", path, "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  pdw_test_remove_tree (dir);
}

static void
test_corrupt_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pdw-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.db", NULL);
  g_autofree char *after = NULL;
  const char garbage[] = "this is not an SQLite database, it is a note about Siti Contoh";
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  run_cli (&run, "--db", path, "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, path));
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, garbage);

  pdw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/export/stdout-masked", test_stdout_masked);
  g_test_add_func ("/cli/export/file-unmasked", test_file_unmasked);
  g_test_add_func ("/cli/export/bad-format", test_bad_format);
  g_test_add_func ("/cli/export/missing-database", test_missing_database);
  g_test_add_func ("/cli/export/corrupt-database", test_corrupt_database);

  return g_test_run ();
}
