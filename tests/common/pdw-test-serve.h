/* pdw-test-serve.h: a real `pandawa-cli serve` (PANDAWA_CLI) on a
 * temporary database, and a plain blocking HTTP client for it that any
 * thread may use: the fixture of the gateway's hostile-traffic tests and
 * of the load benchmark.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PDW_TEST_SERVE_SECRET "serve-test-app-secret"

typedef struct
{
  char        *dir;
  char        *db;
  char        *log;       /* serve's stderr */
  char        *secret_file;
  GSubprocess *process;
  guint        port;
} PdwTestServe;

/* A temporary directory with the app secret; nothing started. */
void     pdw_test_serve_init        (PdwTestServe       *serve,
                                     const char         *dir_template);
/* Starts serve on a free loopback port and waits until it listens.
 * @nofile: RLIMIT_NOFILE of the process, 0 to keep the test's.
 * @args: more options (NULL-terminated), or NULL. */
void     pdw_test_serve_start       (PdwTestServe       *serve,
                                     guint               nofile,
                                     const char * const *args);
/* SIGTERM, and asserts a clean exit. */
void     pdw_test_serve_stop        (PdwTestServe       *serve);
/* SIGKILL: no chance to finish anything. */
void     pdw_test_serve_kill        (PdwTestServe       *serve);
/* Stops serve if it runs and removes the directory. */
void     pdw_test_serve_clear       (PdwTestServe       *serve);

/* What serve wrote to its stderr so far. */
char    *pdw_test_serve_dup_log     (PdwTestServe       *serve);
/* Resident memory of the process, in KiB. */
guint64  pdw_test_serve_rss_kib     (PdwTestServe       *serve);
/* The first column of the first row of @sql on the database (read on a
 * connection of its own). */
gint64   pdw_test_serve_query_int   (PdwTestServe       *serve,
                                     const char         *sql);

/* POSTs @body to /webhook with @signature (NULL: none), "Connection:
 * close", and returns the HTTP status, or 0 when the connection failed
 * or closed without an answer (@error says why).  Blocking; thread-safe. */
guint    pdw_test_serve_post        (guint               port,
                                     GBytes             *body,
                                     const char         *signature,
                                     GError            **error);
/* Signed with PDW_TEST_SERVE_SECRET. */
guint    pdw_test_serve_post_signed (guint               port,
                                     GBytes             *body,
                                     GError            **error);
/* A connected loopback socket to @port, nothing sent. */
GSocket *pdw_test_serve_connect     (guint               port);

G_END_DECLS
