/* test-cli-identity.c: `pandawa-cli nik|kk|extract` as a user runs them.
 * Synthetic numbers only.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

static const char *cli_path;

static int
run_cli (const char * const *args,
         const char         *stdin_text,
         char              **out)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;

  g_ptr_array_add (argv, (gpointer) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  if (stdin_text != NULL)
    flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;

  launcher = g_subprocess_launcher_new (flags);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, stdin_text, NULL, out, &err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

static gboolean
has_code (JsonArray  *issues,
          const char *code)
{
  for (guint i = 0; i < json_array_get_length (issues); i++)
    {
      JsonObject *issue = json_array_get_object_element (issues, i);

      g_assert_nonnull (json_object_get_string_member (issue, "message"));
      if (g_strcmp0 (json_object_get_string_member (issue, "code"), code) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_nik_json_valid (void)
{
  const char *args[] = { "nik", "1471080101809999", "--json", "--today", "2026-11-21", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) obj = NULL;

  g_assert_cmpint (run_cli (args, NULL, &out), ==, 0);
  obj = parse_object (out);
  g_assert_true (json_object_get_boolean_member (obj, "valid"));
  g_assert_cmpstr (json_object_get_string_member (obj, "province"), ==, "Riau");
  g_assert_cmpstr (json_object_get_string_member (obj, "regency"), ==, "Kota Pekanbaru");
  g_assert_cmpstr (json_object_get_string_member (obj, "district"), ==, "Binawidya");
  g_assert_cmpstr (json_object_get_string_member (obj, "district_former"), ==, "Tampan");
  g_assert_cmpstr (json_object_get_string_member (obj, "district_code"), ==, "147108");
  g_assert_cmpstr (json_object_get_string_member (obj, "birth_date"), ==, "1980-01-01");
  g_assert_cmpstr (json_object_get_string_member (obj, "sex"), ==, "L");
  g_assert_cmpstr (json_object_get_string_member (obj, "serial"), ==, "9999");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "errors")), ==, 0);
  g_assert_true (has_code (json_object_get_array_member (obj, "warnings"), "region_renamed"));
}

static void
test_nik_json_invalid (void)
{
  const char *args[] = { "nik", "1471010101900000", "--json", "--today", "2026-11-21", NULL };
  const char *npwp[] = { "nik", "0123456789012345", "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_autoptr(JsonObject) obj = NULL;
  g_autoptr(JsonObject) obj2 = NULL;
  JsonArray *errors;

  g_assert_cmpint (run_cli (args, NULL, &out), ==, 1);
  obj = parse_object (out);
  g_assert_false (json_object_get_boolean_member (obj, "valid"));
  errors = json_object_get_array_member (obj, "errors");
  g_assert_true (has_code (errors, "serial_zero"));
  /* Indonesian whatever the locale */
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "message"),
                            "Nomor urut"));

  g_assert_cmpint (run_cli (npwp, NULL, &out2), ==, 1);
  obj2 = parse_object (out2);
  g_assert_true (has_code (json_object_get_array_member (obj2, "errors"), "npwp"));
}

static void
test_nik_vectors (void)
{
  static const struct { const char *nik; int status; } vectors[] = {
    { "3171011708450001", 0 }, { "3171015708450001", 0 }, { "9971011708450001", 1 },
    { "3171012902001234", 0 }, { "3171013002001234", 1 }, { "1471017201909999", 1 },
    { "1471010113909999", 1 }, { "1471016902009999", 0 }, { "1471013104909999", 1 },
    { "1471130101209999", 0 }, { "1471160101909999", 0 }, { "9101010101909999", 0 },
    { "1471013112269999", 0 }, { "1471 0101 0190 9999", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      const char *args[] = { "nik", vectors[i].nik, "--today", "2026-11-21", NULL };
      g_autofree char *out = NULL;

      g_assert_cmpint (run_cli (args, NULL, &out), ==, vectors[i].status);
      g_assert_cmpstr (out, !=, "");
    }
}

static void
test_kk (void)
{
  const char *valid[] = { "kk", "1471011503220007", "--json", "--today", "2026-11-21", NULL };
  const char *future[] = { "kk", "1471012211260007", "--json", "--today", "2026-11-21", NULL };
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_autoptr(JsonObject) obj = NULL;
  g_autoptr(JsonObject) obj2 = NULL;

  g_assert_cmpint (run_cli (valid, NULL, &out), ==, 0);
  obj = parse_object (out);
  g_assert_cmpstr (json_object_get_string_member (obj, "issue_date"), ==, "2022-03-15");
  g_assert_cmpstr (json_object_get_string_member (obj, "district"), ==, "Sukajadi");
  g_assert_false (json_object_has_member (obj, "sex"));

  g_assert_cmpint (run_cli (future, NULL, &out2), ==, 1);
  obj2 = parse_object (out2);
  g_assert_true (has_code (json_object_get_array_member (obj2, "errors"), "future_date"));
}

static void
test_extract (void)
{
  const char *args[] = { "extract", "--json", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) obj = NULL;
  JsonArray *people;
  JsonObject *first;
  JsonObject *second;

  g_assert_cmpint (run_cli (args,
                            "Nama: Budi\nNIK: 1471010101909999\nKK: 1471011503220007\n"
                            "Nama: Siti\nNIK: 1471014101909999\nHP: 0800 3456 7890\n",
                            &out), ==, 0);
  obj = parse_object (out);
  people = json_object_get_array_member (obj, "people");
  g_assert_cmpuint (json_array_get_length (people), ==, 2);
  first = json_array_get_object_element (people, 0);
  second = json_array_get_object_element (people, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Budi");
  g_assert_cmpstr (json_object_get_string_member (first, "nik"), ==, "1471010101909999");
  g_assert_cmpstr (json_object_get_string_member (first, "kk"), ==, "1471011503220007");
  g_assert_true (json_object_get_null_member (first, "phone"));
  g_assert_true (json_object_get_null_member (first, "birth_date"));
  g_assert_cmpstr (json_object_get_string_member (second, "name"), ==, "Siti");
  g_assert_cmpstr (json_object_get_string_member (second, "phone"), ==, "+6280034567890");
  g_assert_true (json_object_get_null_member (second, "kk"));
  /* Nothing in the text says what the complaint is about. */
  g_assert_false (json_object_has_member (obj, "complaint_type"));
  g_assert_false (json_object_has_member (obj, "institution"));
}

/* The type and institution as the codes of the office's lists. */
static void
test_extract_topic (void)
{
  const char *args[] = { "extract", "--json", NULL };
  const char *plain[] = { "extract", NULL };
  g_autofree char *out = NULL;
  g_autofree char *type_only = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) obj = NULL;
  g_autoptr(JsonObject) only = NULL;
  JsonObject *person;

  g_assert_cmpint (run_cli (args, "Blanko habis\nNIK 1471010101909999\nnik tdk aktif di bank mandiri\n", &out), ==, 0);
  obj = parse_object (out);
  g_assert_cmpstr (json_object_get_string_member (obj, "complaint_type"), ==, "nik_tidak_aktif");
  g_assert_cmpstr (json_object_get_string_member (obj, "institution"), ==, "bank");
  /* "Blanko" is not a name. */
  person = json_array_get_object_element (json_object_get_array_member (obj, "people"), 0);
  g_assert_true (json_object_get_null_member (person, "name"));
  g_assert_cmpstr (json_object_get_string_member (person, "nik"), ==, "1471010101909999");

  g_assert_cmpint (run_cli (args, "kk blm update stlh pindah", &type_only), ==, 0);
  only = parse_object (type_only);
  g_assert_cmpstr (json_object_get_string_member (only, "complaint_type"), ==, "sinkronisasi");
  g_assert_false (json_object_has_member (only, "institution"));

  g_assert_cmpint (run_cli (plain, "data saya dobel di bpjs", &text), ==, 0);
  g_assert_nonnull (strstr (text, "(data_ganda)"));
  g_assert_nonnull (strstr (text, "(bpjs_kesehatan)"));
}

static void
test_usage (void)
{
  const char *none[] = { "nik", NULL };
  const char *bad_today[] = { "nik", "1471010101909999", "--today", "2026-13-40", NULL };
  const char *bad_option[] = { "kk", "--bogus", "1471011503220007", NULL };
  const char *plain[] = { "nik", "1471010101909999", "--today", "2026-11-21", NULL };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  g_assert_cmpint (run_cli (none, NULL, &a), ==, 2);
  g_assert_cmpint (run_cli (bad_today, NULL, &b), ==, 2);
  g_assert_cmpint (run_cli (bad_option, NULL, &c), ==, 2);
  g_assert_cmpint (run_cli (plain, NULL, &d), ==, 0);
  g_assert_nonnull (strstr (d, "Sukajadi"));
  g_assert_nonnull (strstr (d, "1990-01-01"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("PANDAWA_CLI");
  if (cli_path == NULL)
    {
      g_printerr ("PANDAWA_CLI is not set; run through meson test\n");
      return 1;
    }

  g_test_add_func ("/cli/nik/json-valid", test_nik_json_valid);
  g_test_add_func ("/cli/nik/json-invalid", test_nik_json_invalid);
  g_test_add_func ("/cli/nik/vectors", test_nik_vectors);
  g_test_add_func ("/cli/kk", test_kk);
  g_test_add_func ("/cli/extract", test_extract);
  g_test_add_func ("/cli/extract-topic", test_extract_topic);
  g_test_add_func ("/cli/usage", test_usage);

  return g_test_run ();
}
