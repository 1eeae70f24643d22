/* test-demo-sigterm.c: `pandawa --demo` on a fresh demo database writes its
 * history on a worker thread, so a SIGTERM meanwhile ends the process
 * within a second (the main loop is never stuck in the seeding).
 *
 * The program to run is the first argument (meson passes the built one).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

static const char *pandawa;

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *done = TRUE;
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

/* A launcher whose pandawa keeps its data, settings and runtime files in
 * @dir. */
static GSubprocessLauncher *
new_launcher (const char       *dir,
              GSubprocessFlags  flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *runtime = g_build_filename (dir, "run", NULL);

  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  /* Under Xvfb the GL renderer's first frame takes seconds of software
   * rendering on the main thread, which is not what these tests measure. */
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
  return launcher;
}

static void
test_sigterm_while_seeding (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pandawa-demo-sigterm-XXXXXX", &error);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GDataInputStream) err = NULL;
  g_autoptr(GOutputStream) rest = NULL;
  gboolean seeding = FALSE;
  gboolean done = FALSE;
  gint64 sent, deadline;
  guint tick;

  g_assert_no_error (error);
  g_assert_nonnull (pandawa);
  launcher = new_launcher (dir, G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  app = g_subprocess_launcher_spawn (launcher, &error, pandawa, "--demo", NULL);
  g_assert_no_error (error);

  err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (app));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (err, NULL, NULL, &error);

      g_assert_no_error (error);
      if (line == NULL)
        break;
      g_test_message ("pandawa: %s", line);
      if (strstr (line, "writing the synthetic office history") != NULL)
        {
          seeding = TRUE;
          break;
        }
    }
  g_assert_true (seeding);

  /* Whatever it writes from now on must not fill the pipe. */
  rest = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (rest, G_INPUT_STREAM (err),
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, NULL, NULL);

  g_usleep (50 * 1000);
  sent = g_get_monotonic_time ();
  g_subprocess_send_signal (app, SIGTERM);
  g_subprocess_wait_async (app, NULL, wait_cb, &done);

  tick = g_timeout_add (10, tick_cb, NULL);
  deadline = sent + 5 * G_USEC_PER_SEC;
  while (!done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);

  g_assert_true (done);
  g_test_message ("ended %.0f ms after SIGTERM", (g_get_monotonic_time () - sent) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - sent, <, G_USEC_PER_SEC);
  /* A clean quit through the application's shutdown, not the signal. */
  g_assert_true (g_subprocess_get_if_exited (app));
  g_assert_cmpint (g_subprocess_get_exit_status (app), ==, 0);

  /* It quit while writing: the desk (and its webhook receiver) never
   * started. */
  while (!g_output_stream_is_closed (rest))
    g_main_context_iteration (NULL, TRUE);
  {
    g_autofree char *tail = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (rest)),
                                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (rest)));

    g_test_message ("pandawa after SIGTERM: %s", tail != NULL ? tail : "");
    g_assert_true (tail == NULL || strstr (tail, "Webhook receiver listening") == NULL);
  }

  remove_tree (dir);
}

/* Quitting from the window closes the store before the process ends: the
 * marker of an open database goes, so the next start runs no integrity
 * check over the whole file. */
static void
test_sigterm_closes_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pandawa-sigterm-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autofree char *marker = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) app = NULL;
  gboolean done = FALSE;
  gint64 sent, deadline;
  guint tick;

  g_assert_no_error (error);
  g_assert_nonnull (pandawa);
  db = g_build_filename (dir, "desk.db", NULL);
  marker = g_strconcat (db, "-open", NULL);
  launcher = new_launcher (dir, G_SUBPROCESS_FLAGS_STDERR_SILENCE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  app = g_subprocess_launcher_spawn (launcher, &error, pandawa, "--db", db, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (app, NULL, wait_cb, &done);

  /* The store is open, then the window has a moment to show. */
  tick = g_timeout_add (10, tick_cb, NULL);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!done && !g_file_test (marker, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (marker, G_FILE_TEST_EXISTS));
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (!done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (done);

  sent = g_get_monotonic_time ();
  g_subprocess_send_signal (app, SIGTERM);
  deadline = sent + 5 * G_USEC_PER_SEC;
  while (!done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);

  g_assert_true (done);
  g_test_message ("ended %.0f ms after SIGTERM", (g_get_monotonic_time () - sent) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - sent, <, G_USEC_PER_SEC);
  g_assert_true (g_subprocess_get_if_exited (app));
  g_assert_cmpint (g_subprocess_get_exit_status (app), ==, 0);
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  pandawa = argc > 1 ? argv[1] : NULL;
  g_test_add_func ("/demo/sigterm-while-seeding", test_sigterm_while_seeding);
  g_test_add_func ("/window/sigterm-closes-store", test_sigterm_closes_store);

  return g_test_run ();
}
