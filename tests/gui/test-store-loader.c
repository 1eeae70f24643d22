/* test-store-loader.c: the store opened on a worker thread, with the
 * progress window while schema 3 builds its index, and quitting in the
 * middle of it.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "gui/pdw-store-loader.h"
#include "store/pdw-store-migrations.h"
#include "pdw-test-util.h"

/* Enough for the migration to last longer than the moment before the
 * window shows (about a second here). */
#define V2_MESSAGES 200000

typedef struct
{
  char         *dir;
  char         *path;
  GAsyncResult *result;
  /* What the progress window showed. */
  GtkWindow    *window;
  gboolean      window_seen;
  double        max_fraction;
} Fixture;

static void
make_version_2_database (const char *path)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (int version = 1; version <= 2; version++)
    {
      sqlite3_exec (db, pdw_store_migrations_get (version), NULL, NULL, &message);
      g_assert_cmpstr (message, ==, NULL);
    }
  sql = g_strdup_printf ("PRAGMA user_version = 2;"
                         "BEGIN;"
                         "INSERT INTO contacts (id, wa_id, profile_name, created_at, updated_at)"
                         "  VALUES (1, '6280000000001', 'Warga Lama', 1700000000, 1700000000);"
                         "INSERT INTO conversations (id, contact_id, created_at, last_inbound_time)"
                         "  VALUES (1, 1, 1700000000, 1700000000);"
                         "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
                         "  INSERT INTO messages (id, conversation_id, direction, type, text, timestamp, received_at)"
                         "  SELECT i, 1, 'in', 'text', 'pesan nomor ' || i, 1700000000 + i, 1700000000 + i FROM n;"
                         "COMMIT;",
                         V2_MESSAGES);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

static int
raw_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pandawa-test-loader-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "pandawa.db", NULL);
  make_version_2_database (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->result);
  pdw_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->result = g_object_ref (result);
}

static GtkProgressBar *
find_progress_bar (GtkWidget *widget)
{
  if (GTK_IS_PROGRESS_BAR (widget))
    return GTK_PROGRESS_BAR (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkProgressBar *bar = find_progress_bar (child);

      if (bar != NULL)
        return bar;
    }

  return NULL;
}

/* Records the progress window while the loader runs; TRUE once it is done. */
static gboolean
observe (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  fixture->window = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkProgressBar *bar = find_progress_bar (GTK_WIDGET (window));

      if (bar == NULL || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      fixture->window = window;
      fixture->window_seen = TRUE;
      fixture->max_fraction = MAX (fixture->max_fraction, gtk_progress_bar_get_fraction (bar));
    }

  return fixture->result != NULL;
}

static gboolean
progress_window_open (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (find_progress_bar (GTK_WIDGET (window)) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_loader_migrates (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GError) error = NULL;

  pdw_store_loader_open_async (NULL, fixture->path, NULL, opened_cb, fixture);
  SPIN_UNTIL (observe (fixture));

  store = pdw_store_loader_open_finish (fixture->result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (pdw_store_get_schema_version (store), ==, pdw_store_migrations_get_latest ());

  /* The window showed the migration moving, and is gone before the caller
   * goes on. */
  g_assert_true (fixture->window_seen);
  g_assert_cmpfloat (fixture->max_fraction, >, 0.0);
  g_assert_false (progress_window_open ());

  /* A migrated database opens without a window. */
  g_clear_object (&store);
  g_clear_object (&fixture->result);
  fixture->max_fraction = 0;
  fixture->window_seen = FALSE;
  pdw_store_loader_open_async (NULL, fixture->path, NULL, opened_cb, fixture);
  SPIN_UNTIL (observe (fixture));
  store = pdw_store_loader_open_finish (fixture->result, &error);
  g_assert_no_error (error);
  g_assert_false (fixture->window_seen);
}

/* The officer closes the progress window (quits): the migration stops,
 * schema 2 stays, and the database was closed cleanly. */
static void
test_loader_window_closed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  /* The store's mark of a session that has not closed it. */
  g_autofree char *marker = g_strconcat (fixture->path, "-open", NULL);

  pdw_store_loader_open_async (NULL, fixture->path, NULL, opened_cb, fixture);
  SPIN_UNTIL (observe (fixture) || fixture->window != NULL);
  g_assert_null (fixture->result);
  gtk_window_close (fixture->window);
  SPIN_UNTIL (fixture->result != NULL);

  store = pdw_store_loader_open_finish (fixture->result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (store);
  g_assert_false (progress_window_open ());
  g_assert_cmpint (raw_user_version (fixture->path), ==, 2);
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
}

/* Quitting (Ctrl+Q, SIGTERM) cancels through the cancellable. */
static void
test_loader_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GError) error = NULL;

  pdw_store_loader_open_async (NULL, fixture->path, cancellable, opened_cb, fixture);
  g_cancellable_cancel (cancellable);
  SPIN_UNTIL (fixture->result != NULL);

  store = pdw_store_loader_open_finish (fixture->result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (raw_user_version (fixture->path), ==, 2);

  /* The next start does it. */
  g_clear_error (&error);
  store = pdw_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_store_get_schema_version (store), ==, pdw_store_migrations_get_latest ());
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/store-loader/migrates", Fixture, NULL, fixture_set_up, test_loader_migrates, fixture_tear_down);
  g_test_add ("/gui/store-loader/window-closed", Fixture, NULL, fixture_set_up, test_loader_window_closed, fixture_tear_down);
  g_test_add ("/gui/store-loader/cancelled", Fixture, NULL, fixture_set_up, test_loader_cancelled, fixture_tear_down);

  return g_test_run ();
}
