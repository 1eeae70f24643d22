/* test-cli-search.c: `pandawa-cli search` and `pandawa-cli check` on a
 * database the store fills.  Synthetic numbers only.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "test-store-util.h"

#define NIK_A "1471010101900001"

static const PdwActor officer = { "Petugas Contoh", "199001012020121001", "PC" };

static int
run_cli (const char * const *args,
         char              **out)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PANDAWA_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static char *
make_database (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  PdwComplaintFields fields = { "Nur Hidayah", NIK_A, NULL, NULL, NULL, NULL };
  char *path = test_make_db_path (dir);
  gint64 conversation;

  store = pdw_store_open (path, &error);
  g_assert_no_error (error);
  test_ingest (store,
               test_messages (test_inbound ("wamid.C1", "6280000000001", "Siti", 1763700000, "akta kelahiran"),
                              NULL),
               NULL);
  conversation = pdw_store_find_conversation_by_wa_id (store, "6280000000001", &error);
  complaint = pdw_store_register_complaint (store, conversation, &fields, &officer, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_search_plain_masks_nik (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_database (&dir);
  g_autofree char *out = NULL;
  g_autofree char *by_phone = NULL;
  const char *args[] = { "search", "--db", path, NIK_A, NULL };
  const char *phone_args[] = { "search", "--db", path, "0800-0000-0001", NULL };

  g_assert_cmpint (run_cli (args, &out), ==, 0);
  g_assert_nonnull (strstr (out, "Nur Hidayah"));
  g_assert_nonnull (strstr (out, "nik"));
  g_assert_nonnull (strstr (out, "1471********0001"));
  g_assert_null (strstr (out, NIK_A));

  g_assert_cmpint (run_cli (phone_args, &by_phone), ==, 0);
  g_assert_nonnull (strstr (by_phone, "phone"));
  g_assert_nonnull (strstr (by_phone, "+6280000000001"));

  pdw_test_remove_tree (dir);
}

static void
test_search_json (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_database (&dir);
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *args[] = { "search", "--db", path, "--json", "kelahiran", NULL };
  JsonArray *results;
  JsonObject *first;

  g_assert_cmpint (run_cli (args, &out), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  results = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (results), ==, 1);
  first = json_array_get_object_element (results, 0);
  g_assert_cmpint (json_object_get_int_member (first, "conversation_id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "field"), ==, "message");
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Nur Hidayah");
  g_assert_nonnull (strstr (json_object_get_string_member (first, "snippet"), "kelahiran"));

  /* The plain listing shows the same moment in WIB (UTC+7), whatever TZ
   * the process runs in (the suite runs in UTC). */
  {
    g_autoptr(GTimeZone) plus7 = g_time_zone_new_offset (7 * 60 * 60);
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (json_object_get_int_member (first, "time"));
    g_autoptr(GDateTime) wib = g_date_time_to_timezone (utc, plus7);
    g_autofree char *expected = g_date_time_format (wib, "\t%Y-%m-%d %H:%M\t");
    g_autofree char *plain = NULL;
    const char *plain_args[] = { "search", "--db", path, "kelahiran", NULL };

    g_assert_cmpint (run_cli (plain_args, &plain), ==, 0);
    g_assert_nonnull (strstr (plain, expected));
  }

  pdw_test_remove_tree (dir);
}

static void
test_search_usage (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_database (&dir);
  g_autofree char *no_query = NULL;
  g_autofree char *two = NULL;
  g_autofree char *bad_option = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *missing_path = g_build_filename (dir, "nothing.db", NULL);
  const char *no_query_args[] = { "search", "--db", path, NULL };
  const char *two_args[] = { "search", "--db", path, "a", "b", NULL };
  const char *bad_option_args[] = { "search", "--nope", "a", NULL };
  const char *missing_args[] = { "search", "--db", missing_path, "a", NULL };

  g_assert_cmpint (run_cli (no_query_args, &no_query), ==, 2);
  g_assert_cmpint (run_cli (two_args, &two), ==, 2);
  g_assert_cmpint (run_cli (bad_option_args, &bad_option), ==, 2);
  g_assert_cmpint (run_cli (missing_args, &missing), ==, 1);
  g_assert_false (g_file_test (missing_path, G_FILE_TEST_EXISTS));

  pdw_test_remove_tree (dir);
}

static void
test_check (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_database (&dir);
  g_autofree char *out = NULL;
  g_autofree char *usage = NULL;
  const char *args[] = { "check", "--db", path, NULL };
  const char *usage_args[] = { "check", "--db", path, "extra", NULL };

  g_assert_cmpint (run_cli (args, &out), ==, 0);
  g_assert_cmpint (run_cli (usage_args, &usage), ==, 2);

  pdw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-search/plain-masks-nik", test_search_plain_masks_nik);
  g_test_add_func ("/cli-search/json", test_search_json);
  g_test_add_func ("/cli-search/usage", test_search_usage);
  g_test_add_func ("/cli-search/check", test_check);

  return g_test_run ();
}
