/* pdw-test-serve.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "gateway/pdw-signature.h"
#include "pdw-test-serve.h"
#include "pdw-test-util.h"

void
pdw_test_serve_init (PdwTestServe *serve,
                     const char   *dir_template)
{
  g_autoptr(GError) error = NULL;

  memset (serve, 0, sizeof *serve);
  serve->dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  serve->db = g_build_filename (serve->dir, "pandawa.db", NULL);
  serve->log = g_build_filename (serve->dir, "serve.log", NULL);
  serve->secret_file = g_build_filename (serve->dir, "app-secret", NULL);
  g_file_set_contents_full (serve->secret_file, PDW_TEST_SERVE_SECRET "\n", -1,
                            G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
}

static void
limit_descriptors (gpointer user_data)
{
  struct rlimit limit = { GPOINTER_TO_UINT (user_data), GPOINTER_TO_UINT (user_data) };

  setrlimit (RLIMIT_NOFILE, &limit);
}

void
pdw_test_serve_start (PdwTestServe       *serve,
                      guint               nofile,
                      const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *cli = g_getenv ("PANDAWA_CLI");
  const char *port;

  g_assert_nonnull (cli);
  g_assert_null (serve->process);

  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, "serve");
  g_ptr_array_add (argv, "--no-auto-reply");
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, serve->db);
  g_ptr_array_add (argv, "--listen");
  g_ptr_array_add (argv, "127.0.0.1:0");
  g_ptr_array_add (argv, "--app-secret-file");
  g_ptr_array_add (argv, serve->secret_file);
  /* Nothing listens there: replies (none here) would stay queued. */
  g_ptr_array_add (argv, "--graph-url");
  g_ptr_array_add (argv, "http://127.0.0.1:9");
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  /* Appended to across restarts. */
  g_subprocess_launcher_set_stderr_file_path (launcher, serve->log);
  if (nofile > 0)
    g_subprocess_launcher_set_child_setup (launcher, limit_descriptors, GUINT_TO_POINTER (nofile), NULL);
  serve->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (serve->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "LISTENING=http://127.0.0.1:"));
  port = line + strlen ("LISTENING=http://127.0.0.1:");
  serve->port = (guint) g_ascii_strtoull (port, NULL, 10);
  g_assert_cmpuint (serve->port, >, 0);
}

static void
wait_process (PdwTestServe *serve)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait (serve->process, NULL, &error);
  g_assert_no_error (error);
}

void
pdw_test_serve_stop (PdwTestServe *serve)
{
  g_assert_nonnull (serve->process);
  g_subprocess_send_signal (serve->process, SIGTERM);
  wait_process (serve);
  if (!g_subprocess_get_if_exited (serve->process))
    {
      g_autofree char *log = pdw_test_serve_dup_log (serve);

      g_printerr ("serve ended by signal %d; its log:\n%s\n",
                  g_subprocess_get_term_sig (serve->process), log);
    }
  g_assert_true (g_subprocess_get_if_exited (serve->process));
  g_assert_cmpint (g_subprocess_get_exit_status (serve->process), ==, 0);
  g_clear_object (&serve->process);
}

void
pdw_test_serve_kill (PdwTestServe *serve)
{
  g_assert_nonnull (serve->process);
  g_subprocess_force_exit (serve->process);
  wait_process (serve);
  g_clear_object (&serve->process);
}

void
pdw_test_serve_clear (PdwTestServe *serve)
{
  if (serve->process != NULL)
    pdw_test_serve_kill (serve);
  if (serve->dir != NULL)
    pdw_test_remove_tree (serve->dir);
  g_free (serve->dir);
  g_free (serve->db);
  g_free (serve->log);
  g_free (serve->secret_file);
  memset (serve, 0, sizeof *serve);
}

char *
pdw_test_serve_dup_log (PdwTestServe *serve)
{
  char *contents = NULL;

  if (!g_file_get_contents (serve->log, &contents, NULL, NULL))
    return g_strdup ("");
  return contents;
}

guint64
pdw_test_serve_rss_kib (PdwTestServe *serve)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (serve->process));
  g_autofree char *status = NULL;
  const char *rss;

  g_assert_true (g_file_get_contents (path, &status, NULL, NULL));
  rss = strstr (status, "VmRSS:");
  g_assert_nonnull (rss);
  return g_ascii_strtoull (rss + strlen ("VmRSS:"), NULL, 10);
}

gint64
pdw_test_serve_query_int (PdwTestServe *serve,
                          const char   *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (serve->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static GSocket *
connect_socket (guint    port,
                GError **error)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, (guint16) port);
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);

  if (socket == NULL)
    return NULL;
  g_socket_set_timeout (socket, 20);
  if (!g_socket_connect (socket, address, NULL, error))
    return NULL;
  return g_steal_pointer (&socket);
}

GSocket *
pdw_test_serve_connect (guint port)
{
  g_autoptr(GError) error = NULL;
  GSocket *socket = connect_socket (port, &error);

  g_assert_no_error (error);
  return socket;
}

static gboolean
send_all (GSocket      *socket,
          const char   *data,
          gsize         size,
          GError      **error)
{
  while (size > 0)
    {
      gssize n = g_socket_send (socket, data, size, NULL, error);

      if (n < 0)
        return FALSE;
      data += n;
      size -= (gsize) n;
    }
  return TRUE;
}

guint
pdw_test_serve_post (guint        port,
                     GBytes      *body,
                     const char  *signature,
                     GError     **error)
{
  g_autoptr(GSocket) socket = connect_socket (port, error);
  g_autoptr(GString) head = g_string_new (NULL);
  g_autoptr(GString) answer = g_string_new (NULL);
  char buffer[4096];
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (body, &size);
  gssize n;

  if (socket == NULL)
    return 0;
  g_string_append_printf (head,
                          "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                          "Content-Type: application/json\r\nContent-Length: %" G_GSIZE_FORMAT "\r\n"
                          "Connection: close\r\n",
                          port, size);
  if (signature != NULL)
    g_string_append_printf (head, "X-Hub-Signature-256: %s\r\n", signature);
  g_string_append (head, "\r\n");

  if (!send_all (socket, head->str, head->len, error) ||
      !send_all (socket, data, size, error))
    return 0;

  while ((n = g_socket_receive (socket, buffer, sizeof buffer, NULL, error)) > 0)
    g_string_append_len (answer, buffer, n);
  if (n < 0)
    return 0;

  if (!g_str_has_prefix (answer->str, "HTTP/1.1 ") || answer->len < 12)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED, "closed without an answer");
      return 0;
    }
  return (guint) g_ascii_strtoull (answer->str + strlen ("HTTP/1.1 "), NULL, 10);
}

guint
pdw_test_serve_post_signed (guint    port,
                            GBytes  *body,
                            GError **error)
{
  g_autofree char *signature = pdw_signature_compute (body, PDW_TEST_SERVE_SECRET);

  return pdw_test_serve_post (port, body, signature, error);
}
