/* test-help.c: `pandawa --help` answers with its usage and exit status 0
 * on a machine where the GSettings schema is not installed (before
 * `ninja install`, or from a package that failed to compile its schemas).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

static const char *pandawa;

static void
test_help_without_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = g_dir_make_tmp ("pandawa-no-schema-XXXXXX", &error);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { pandawa, "--help", NULL };
  int status = 0;

  g_assert_no_error (error);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", empty, TRUE);
  /* No system directory to find an installed schema in either. */
  env = g_environ_setenv (env, "XDG_DATA_DIRS", empty, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "GSETTINGS_BACKEND");

  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Usage:"));
  g_assert_nonnull (strstr (out, "--demo"));
  g_assert_nonnull (strstr (out, "--db=PATH"));
  g_assert_null (strstr (err, "CRITICAL"));
  g_assert_null (strstr (err, "is not installed"));

  g_rmdir (empty);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpint (argc, ==, 2);
  pandawa = argv[1];

  g_test_add_func ("/pandawa/help-without-schema", test_help_without_schema);

  return g_test_run ();
}
