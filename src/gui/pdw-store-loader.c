/* pdw-store-loader.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pdw-store-loader.h"

/* An open that ends sooner shows no window: no flash on a normal start. */
#define SHOW_AFTER_MS 250
/* Without a migration (the integrity check after an unclean shutdown). */
#define SHOW_CHECK_AFTER_MS 1000
#define TICK_MS 100

typedef struct
{
  GtkApplication *application;
  char           *path;
  GCancellable   *cancellable;
  gint64          started;
  /* Written by the worker: the migration's progress in thousandths, -1
   * until a migration reports. */
  gint            permille;

  /* The main thread's. */
  GtkWindow      *window;
  GtkProgressBar *bar;
  AdwStatusPage  *page;
  guint           tick_id;
} LoadData;

static void
pdw_store_loader_close_window (LoadData *data)
{
  g_clear_handle_id (&data->tick_id, g_source_remove);
  if (data->window != NULL)
    gtk_window_destroy (g_steal_pointer (&data->window));
  data->bar = NULL;
  data->page = NULL;
}

static void
load_data_free (LoadData *data)
{
  pdw_store_loader_close_window (data);
  g_clear_object (&data->application);
  g_clear_object (&data->cancellable);
  g_free (data->path);
  g_free (data);
}

/* The officer closing the window is quitting: the migration stops. */
static gboolean
window_close_request_cb (GtkWindow *window,
                         LoadData  *data)
{
  g_cancellable_cancel (data->cancellable);
  data->window = NULL;
  data->bar = NULL;
  data->page = NULL;
  return FALSE;
}

static void
pdw_store_loader_show_window (LoadData *data,
                              gboolean  migrating)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), gtk_label_new (NULL));
  gtk_widget_add_css_class (header, "flat");
  gtk_widget_set_size_request (bar, 300, -1);
  gtk_widget_set_halign (bar, GTK_ALIGN_CENTER);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Preparing the database…"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   migrating
                                   ? _("This version of PANDAWA builds a search index of the office's history. It happens once.")
                                   : _("Checking the database after PANDAWA last stopped unexpectedly."));
  adw_status_page_set_child (ADW_STATUS_PAGE (page), bar);
  gtk_widget_add_css_class (page, "compact");
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);

  gtk_window_set_title (GTK_WINDOW (window), "PANDAWA");
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 360);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  if (data->application != NULL)
    gtk_window_set_application (GTK_WINDOW (window), data->application);
  g_signal_connect (window, "close-request", G_CALLBACK (window_close_request_cb), data);

  data->window = GTK_WINDOW (window);
  data->bar = GTK_PROGRESS_BAR (bar);
  data->page = ADW_STATUS_PAGE (page);
  gtk_window_present (data->window);
}

static gboolean
tick_cb (gpointer user_data)
{
  LoadData *data = user_data;
  gint permille = g_atomic_int_get (&data->permille);
  gint64 elapsed_ms = (g_get_monotonic_time () - data->started) / 1000;

  /* Quitting: the window goes at once, the worker follows at its next
   * step. */
  if (g_cancellable_is_cancelled (data->cancellable))
    {
      if (data->window != NULL)
        gtk_window_destroy (g_steal_pointer (&data->window));
      return G_SOURCE_CONTINUE;
    }

  if (data->window == NULL)
    {
      if (elapsed_ms < SHOW_AFTER_MS || (permille < 0 && elapsed_ms < SHOW_CHECK_AFTER_MS))
        return G_SOURCE_CONTINUE;
      pdw_store_loader_show_window (data, permille >= 0);
    }

  /* Before its first step the migration builds indexes (seconds on a
   * year), which report nothing: the bar moves all the same. */
  if (permille > 0)
    gtk_progress_bar_set_fraction (data->bar, permille / 1000.0);
  else
    gtk_progress_bar_pulse (data->bar);

  return G_SOURCE_CONTINUE;
}

/* On the worker thread. */
static gboolean
progress_cb (double   fraction,
             gpointer user_data)
{
  LoadData *data = user_data;

  g_atomic_int_set (&data->permille, (gint) CLAMP (fraction * 1000, 0, 1000));
  return !g_cancellable_is_cancelled (data->cancellable);
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  PdwStore *store;

  store = pdw_store_open_with_progress (data->path, progress_cb, data, data->cancellable, &error);
  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/* The worker is done: the window goes before the caller shows the main one
 * (while it shows, it is the application's active window). */
static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  PdwStore *store;

  pdw_store_loader_close_window (g_task_get_task_data (task));

  store = g_task_propagate_pointer (G_TASK (result), &error);
  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
pdw_store_loader_open_async (GtkApplication       *application,
                             const char           *path,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  LoadData *data;

  g_return_if_fail (!application || GTK_IS_APPLICATION (application));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->application = application != NULL ? g_object_ref (application) : NULL;
  data->path = g_strdup (path);
  data->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  data->started = g_get_monotonic_time ();
  data->permille = -1;
  data->tick_id = g_timeout_add (TICK_MS, tick_cb, data);

  /* Cancelled or not, the task ends only when the worker has finished
   * with the database (its transaction rolled back, the store closed). */
  task = g_task_new (NULL, data->cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_store_loader_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  worker = g_task_new (NULL, NULL, opened_cb, g_steal_pointer (&task));
  g_task_set_task_data (worker, data, NULL);
  g_task_run_in_thread (worker, open_in_thread);
}

PdwStore *
pdw_store_loader_open_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pdw_store_loader_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
