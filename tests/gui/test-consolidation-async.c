/* test-consolidation-async.c: the consolidation list and import off the
 * main loop.  The async import records what the sync one records and
 * reports its progress; the window's list of two months shows a page at a
 * time, with "show processed" read on a worker thread.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "demo/pdw-history.h"
#include "export/pdw-consolidation.h"
#include "gui/pdw-consolidation-window.h"
#include "gui/pdw-context.h"
#include "gui/pdw-date-picker.h"
#include "pdw-resources.h"

#include "pdw-test-util.h"

/* Two months of a small office, cut on a working afternoon so that some
 * listed files still wait for the ADB officer. */
#define HISTORY_START_YEAR  2025
#define HISTORY_START_MONTH 3
/* 2025-04-23 14:00 WIB, a Wednesday */
#define HISTORY_UNTIL       ((gint64) 1745391600)
/* [2025-03-01, 2025-05-01) WIB */
#define RANGE_FROM          "2025-03-01"
#define RANGE_TO            "2025-04-30"

/* The window's page (PAGE_SIZE in pdw-consolidation-window.c). */
#define PAGE 50

static const PdwActor actor = { "Petugas ADB", "199001012020011002", "PA" };

typedef struct
{
  char *dir;
  char *path;
} History;

static void
history_make (History *h)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  PdwHistoryOptions opts = PDW_HISTORY_OPTIONS_INIT;

  h->dir = g_dir_make_tmp ("pandawa-consolidation-async-XXXXXX", &error);
  g_assert_no_error (error);
  h->path = g_build_filename (h->dir, "a.db", NULL);
  store = pdw_store_open (h->path, &error);
  g_assert_no_error (error);

  opts.start_year = HISTORY_START_YEAR;
  opts.start_month = HISTORY_START_MONTH;
  opts.months = 2;
  opts.seed = 9;
  opts.scale = 12;
  opts.until = HISTORY_UNTIL;
  g_assert_true (pdw_history_generate (store, &opts, NULL, &error));
  g_assert_no_error (error);
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static void
history_clear (History *h)
{
  remove_db (h->path);
  g_rmdir (h->dir);
  g_free (h->path);
  g_free (h->dir);
}

static void
range (gint64 *start,
       gint64 *end)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pdw_consolidation_parse_range (RANGE_FROM, RANGE_TO, start, end, &error));
  g_assert_no_error (error);
}

/* The officer's results for every file still waiting, plus an unknown
 * ticket and an unknown word. */
static char *
write_results (const char *dir,
               PdwStore   *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GString) csv = g_string_new ("Tiket,Hasil,Catatan\r\n");
  static const char * const words[] = { "selesai", "tidak ditemukan", "ganda", "" };
  char *path = g_build_filename (dir, "hasil.csv", NULL);
  gint64 start, end;

  range (&start, &end);
  waiting = pdw_store_list_consolidation (store, start, end, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (waiting->len, >, 3);

  for (guint i = 0; i < waiting->len; i++)
    g_string_append_printf (csv, "%s,%s,%s\r\n", pdw_complaint_get_ticket (g_ptr_array_index (waiting, i)),
                            words[i % G_N_ELEMENTS (words)], i % 4 == 1 ? "NIK tidak ada di SIAK" : "");
  g_string_append (csv, "PDW-2025-03-99999,selesai,\r\n");
  g_string_append_printf (csv, "%s,mungkin,\r\n", pdw_complaint_get_ticket (g_ptr_array_index (waiting, 0)));

  g_assert_true (g_file_set_contents (path, csv->str, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* Ticket and consolidation result of every listed file. */
static char *
dump_outcomes (PdwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GString) s = g_string_new (NULL);
  gint64 start, end;

  range (&start, &end);
  all = pdw_store_list_consolidation (store, start, end, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      PdwComplaint *c = g_ptr_array_index (all, i);

      g_string_append_printf (s, "%s %s %s\n", pdw_complaint_get_ticket (c),
                              pdw_complaint_status_to_string (pdw_complaint_get_status (c)),
                              pdw_complaint_get_consolidation_result (c) ? pdw_complaint_get_consolidation_result (c) : "-");
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

typedef struct
{
  GArray       *done;        /* guint, each progress call */
  guint         total;
  gboolean      finished;
  gboolean      progress_after_finish;
  gboolean      ok;
  GError       *error;
  PdwConsolidationImportResult result;
  GThread      *main_thread;
  gboolean      progress_off_main;
} AsyncImport;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  AsyncImport *a = user_data;

  if (a->finished)
    a->progress_after_finish = TRUE;
  if (g_thread_self () != a->main_thread)
    a->progress_off_main = TRUE;
  g_array_append_val (a->done, done);
  a->total = total;
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncImport *a = user_data;

  a->ok = pdw_consolidation_import_finish (result, &a->result, &a->error);
  a->finished = TRUE;
}

static void
complaint_changed_cb (PdwStore *store,
                      gint64    complaint_id,
                      gpointer  user_data)
{
  gboolean *off_main = user_data;

  if (g_thread_self () != g_object_get_data (G_OBJECT (store), "main-thread"))
    *off_main = TRUE;
}

static void
test_import_async_matches_sync (void)
{
  History h = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *sync_outcomes = NULL;
  g_autofree char *async_outcomes = NULL;
  g_autofree char *before = NULL;
  PdwConsolidationImportResult sync_result = { 0 };
  AsyncImport a = { 0 };
  gboolean signal_off_main = FALSE;

  history_make (&h);
  copy = g_build_filename (h.dir, "b.db", NULL);
  pdw_test_copy_file (h.path, copy);

  /* Synchronous, on the first copy. */
  {
    g_autoptr(PdwStore) store = pdw_store_open (h.path, &error);

    g_assert_no_error (error);
    before = dump_outcomes (store);
    csv = write_results (h.dir, store);
    g_assert_true (pdw_consolidation_import (store, csv, &actor, &sync_result, &error));
    g_assert_no_error (error);
    sync_outcomes = dump_outcomes (store);
  }
  g_assert_cmpuint (sync_result.applied, >, 0);
  g_assert_cmpuint (sync_result.skipped, >, 0);
  g_assert_cmpuint (sync_result.refused, ==, 2);
  g_assert_cmpstr (sync_outcomes, !=, before);

  /* Asynchronous, on the second. */
  {
    g_autoptr(PdwStore) store = pdw_store_open (copy, &error);

    g_assert_no_error (error);
    g_object_set_data (G_OBJECT (store), "main-thread", g_thread_self ());
    g_signal_connect (store, "complaint-changed", G_CALLBACK (complaint_changed_cb), &signal_off_main);
    a.done = g_array_new (FALSE, FALSE, sizeof (guint));
    a.main_thread = g_thread_self ();
    pdw_consolidation_import_async (store, csv, &actor, progress_cb, &a, NULL, import_done_cb, &a);
    while (!a.finished)
      g_main_context_iteration (NULL, TRUE);
    /* Signals and progress still queued are delivered now. */
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
    g_assert_no_error (a.error);
    g_assert_true (a.ok);
    async_outcomes = dump_outcomes (store);
  }

  g_assert_cmpuint (a.result.applied, ==, sync_result.applied);
  g_assert_cmpuint (a.result.skipped, ==, sync_result.skipped);
  g_assert_cmpuint (a.result.refused, ==, sync_result.refused);
  g_assert_cmpuint (a.result.problems->len, ==, sync_result.problems->len);
  for (guint i = 0; i < sync_result.problems->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a.result.problems, i), ==, g_ptr_array_index (sync_result.problems, i));
  g_assert_cmpstr (async_outcomes, ==, sync_outcomes);

  /* Progress: on the main thread, rising to the file's rows, never after
   * the result. */
  g_assert_false (a.progress_off_main);
  g_assert_false (a.progress_after_finish);
  g_assert_false (signal_off_main);
  g_assert_cmpuint (a.done->len, >, 1);
  g_assert_cmpuint (a.total, ==, sync_result.applied + sync_result.skipped + sync_result.refused);
  for (guint i = 1; i < a.done->len; i++)
    g_assert_cmpuint (g_array_index (a.done, guint, i), >, g_array_index (a.done, guint, i - 1));
  g_assert_cmpuint (g_array_index (a.done, guint, a.done->len - 1), ==, a.total);

  g_array_unref (a.done);
  pdw_consolidation_import_result_clear (&a.result);
  pdw_consolidation_import_result_clear (&sync_result);
  remove_db (copy);
  g_unlink (csv);
  history_clear (&h);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_widget (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }
  return NULL;
}

static guint
count_rows (PdwConsolidationWindow *window)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (pdw_consolidation_window_get_list (window), n) != NULL)
    n++;
  return n;
}

static gint64
row_id (PdwConsolidationWindow *window,
        guint                   i)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (pdw_consolidation_window_get_list (window), i);

  return *(gint64 *) g_object_get_data (G_OBJECT (row), "complaint-id");
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until the list holds @n rows (at most 20 s). */
static void
wait_for_rows (PdwConsolidationWindow *window,
               guint                   n)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, tick_cb, NULL);

  while (count_rows (window) != n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_assert_cmpuint (count_rows (window), ==, n);
}

static void
test_window_pages (void)
{
  History h = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(PdwContext) context = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GPtrArray) all = NULL;
  PdwConsolidationWindow *window;
  GtkWidget *check;
  GtkWidget *more;
  gint64 start, end;
  guint first_page;

  history_make (&h);
  store = pdw_store_open (h.path, &error);
  g_assert_no_error (error);
  range (&start, &end);
  waiting = pdw_store_list_consolidation (store, start, end, FALSE, &error);
  g_assert_no_error (error);
  all = pdw_store_list_consolidation (store, start, end, TRUE, &error);
  g_assert_no_error (error);
  /* Two months hold more processed files than a page. */
  g_assert_cmpuint (all->len, >, 2 * PAGE);
  g_assert_cmpint (pdw_store_count_consolidation (store, start, end, TRUE, NULL), ==, all->len);
  g_assert_cmpint (pdw_store_count_consolidation (store, start, end, FALSE, NULL), ==, waiting->len);

  context = pdw_context_new (store, NULL);
  window = PDW_CONSOLIDATION_WINDOW (pdw_consolidation_window_new (NULL, context));
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (pdw_consolidation_window_set_range (window, RANGE_FROM, RANGE_TO));
  /* The window's count is the list the CLI writes for the same days. */
  g_assert_cmpuint (pdw_consolidation_window_get_n_waiting (window), ==, waiting->len);
  first_page = MIN (waiting->len, PAGE);
  g_assert_cmpuint (count_rows (window), ==, first_page);
  for (guint i = 0; i < first_page; i++)
    g_assert_cmpint (row_id (window, i), ==, pdw_complaint_get_id (g_ptr_array_index (waiting, i)));

  /* "Show processed": read on a worker thread, a page of it. */
  check = find_widget (GTK_WIDGET (window), GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  wait_for_rows (window, PAGE);
  for (guint i = 0; i < PAGE; i++)
    g_assert_cmpint (row_id (window, i), ==, pdw_complaint_get_id (g_ptr_array_index (all, i)));
  /* More rows shown, the same number left to consolidate. */
  g_assert_cmpuint (pdw_consolidation_window_get_n_waiting (window), ==, waiting->len);

  more = find_named (GTK_WIDGET (window), "Show _More");
  g_assert_nonnull (more);
  g_assert_true (gtk_widget_get_visible (more));
  g_signal_emit_by_name (more, "clicked");
  wait_for_rows (window, 2 * PAGE);
  for (guint i = 0; i < 2 * PAGE; i++)
    g_assert_cmpint (row_id (window, i), ==, pdw_complaint_get_id (g_ptr_array_index (all, i)));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  wait_for_rows (window, first_page);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&context);
  g_clear_object (&store);
  history_clear (&h);
}

/* The first date entry of the window (From) and its calendar button. */
static void
find_date_picker (GtkWidget  *root,
                  GtkWidget **entry,
                  GtkWidget **picker)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL && *picker == NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_ENTRY (child) && *entry == NULL)
        *entry = child;
      else if (GTK_IS_MENU_BUTTON (child) && g_object_get_data (G_OBJECT (child), "pdw-date-picker") != NULL)
        *picker = child;
      else
        find_date_picker (child, entry, picker);
    }
}

/* A day picked on the calendar is written in the entry and shows the list
 * of that day; a typed date still works. */
static void
test_window_date_picker (void)
{
  History h = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(PdwContext) context = NULL;
  g_autoptr(GTimeZone) wib = pdw_time_zone_new_wib ();
  g_autoptr(GDateTime) day = g_date_time_new (wib, 2025, 4, 22, 0, 0, 0);
  g_autoptr(GPtrArray) waiting = NULL;
  PdwConsolidationWindow *window;
  GtkWidget *entry = NULL;
  GtkWidget *picker = NULL;
  gint64 start, end;

  history_make (&h);
  store = pdw_store_open (h.path, &error);
  g_assert_no_error (error);
  context = pdw_context_new (store, NULL);
  window = PDW_CONSOLIDATION_WINDOW (pdw_consolidation_window_new (NULL, context));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (pdw_consolidation_window_set_range (window, "2025-04-01", "2025-04-30"));

  find_date_picker (GTK_WIDGET (window), &entry, &picker);
  g_assert_nonnull (entry);
  g_assert_nonnull (picker);
  gtk_menu_button_popup (GTK_MENU_BUTTON (picker));
  gtk_calendar_select_day (pdw_date_picker_get_calendar (picker), day);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2025-04-22");

  /* The range now starts on the picked day. */
  g_assert_true (pdw_consolidation_parse_range ("2025-04-22", "2025-04-30", &start, &end, &error));
  waiting = pdw_store_list_consolidation (store, start, end, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pdw_consolidation_window_get_n_waiting (window), ==, waiting->len);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&context);
  g_clear_object (&store);
  history_clear (&h);
}

static gboolean
results_dialog_shown (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), "Results Imported") == 0)
      return TRUE;
  return FALSE;
}

/* Import Results… on the window: a progress bar while a worker thread
 * records the rows, the main loop turning meanwhile, then the dialog and
 * the shorter list. */
static void
test_window_import (void)
{
  History h = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(PdwContext) context = NULL;
  g_autofree char *csv = NULL;
  PdwConsolidationWindow *window;
  GtkWidget *progress;
  gint64 start, end, waiting_before, waiting_after;
  gint64 deadline;
  guint iterations = 0;
  guint tick;

  history_make (&h);
  store = pdw_store_open (h.path, &error);
  g_assert_no_error (error);
  range (&start, &end);
  csv = write_results (h.dir, store);
  waiting_before = pdw_store_count_consolidation (store, start, end, FALSE, &error);
  g_assert_no_error (error);

  context = pdw_context_new (store, NULL);
  g_settings_set_string (pdw_context_get_settings (context), "officer-name", actor.name);
  g_settings_set_string (pdw_context_get_settings (context), "officer-nip", actor.nip);
  window = PDW_CONSOLIDATION_WINDOW (pdw_consolidation_window_new (NULL, context));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (pdw_consolidation_window_set_range (window, RANGE_FROM, RANGE_TO));

  progress = find_widget (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR);
  g_assert_nonnull (progress);
  g_assert_false (gtk_widget_get_visible (progress));
  g_assert_true (pdw_consolidation_window_import (window, csv));
  g_assert_true (gtk_widget_get_visible (progress));
  /* One import at a time. */
  g_assert_false (pdw_consolidation_window_import (window, csv));

  tick = g_timeout_add (5, tick_cb, NULL);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (gtk_widget_get_visible (progress) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      iterations++;
    }
  g_source_remove (tick);
  g_assert_false (gtk_widget_get_visible (progress));
  g_assert_cmpuint (iterations, >, 1);
  g_assert_true (results_dialog_shown ());

  waiting_after = pdw_store_count_consolidation (store, start, end, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (waiting_after, <, waiting_before);
  wait_for_rows (window, MIN (waiting_after, PAGE));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&context);
  g_clear_object (&store);
  g_unlink (csv);
  history_clear (&h);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  (void) pdw_get_resource ();

  g_test_add_func ("/consolidation-async/import-matches-sync", test_import_async_matches_sync);
  g_test_add_func ("/consolidation-async/window-pages", test_window_pages);
  g_test_add_func ("/consolidation-async/window-import", test_window_import);
  g_test_add_func ("/consolidation-async/window-date-picker", test_window_date_picker);

  return g_test_run ();
}
