/* pdw-test-util.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "pdw-test-util.h"

static gboolean
guard_expired_cb (gpointer user_data)
{
  g_error ("Timed out waiting: %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

guint
pdw_test_add_guard (const char *what)
{
  return g_timeout_add_seconds (60, guard_expired_cb, (gpointer) what);
}

void
pdw_test_drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
pdw_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      pdw_test_remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

GBytes *
pdw_test_load_data (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
pdw_test_copy_file (const char *from,
                    const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

char *
pdw_test_unzip_member (const char *path,
                       const char *member)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "unzip", "-p", path, member, NULL };
  char *out = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* A copy of @env's database in @dir (with its WAL), or a new history of
 * @months generated there, from @start_month (YYYY-MM) or, if NULL, up
 * to now.  Returns the path and the seconds it took. */
char *
pdw_test_prepare_history (const char *dir,
                          const char *name,
                          const char *env,
                          const char *months,
                          const char *start_month,
                          double     *seconds)
{
  char *path = g_build_filename (dir, name, NULL);
  const char *given = g_getenv (env);
  gint64 start = g_get_monotonic_time ();

  if (given != NULL && *given != '\0')
    {
      g_autofree char *wal = g_strconcat (given, "-wal", NULL);
      g_autofree char *wal_copy = g_strconcat (path, "-wal", NULL);

      pdw_test_copy_file (given, path);
      if (g_file_test (wal, G_FILE_TEST_EXISTS))
        pdw_test_copy_file (wal, wal_copy);
      g_print ("%s: copied %s\n", name, given);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      const char *cli = g_getenv ("PANDAWA_CLI");
      const char *argv[] = { cli, "generate", "--db", path, "--months", months, "--seed", "1",
                             start_month != NULL ? "--start" : NULL, start_month, NULL };
      int status = 0;

      if (cli == NULL)
        g_error ("Set PANDAWA_CLI, or %s", env);
      g_print ("%s: generating %s months from %s...\n", name, months,
               start_month != NULL ? start_month : "the current one back");
      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                         NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("Generating %s: %s", path, error->message);
    }

  *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  return path;
}

GBytes *
pdw_test_nested_webhook (guint levels)
{
  GString *text = g_string_new ("{\"object\":\"whatsapp_business_account\",\"entry\":");

  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  return g_string_free_to_bytes (text);
}

char *
pdw_test_write_secret (const char *dir,
                       const char *name,
                       const char *value)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents_full (path, value, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
  return path;
}

const char *
pdw_test_program (const char *variable)
{
  const char *path = g_getenv (variable);

  if (path == NULL)
    g_error ("%s is not set (run through meson test)", variable);
  return path;
}
