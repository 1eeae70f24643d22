/* pdw-application.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "demo/pdw-demo.h"
#include "gateway/pdw-gateway-service.h"
#include "core/pdw-desk-settings.h"
#include "store/pdw-store.h"

#include "pdw-application.h"
#include "pdw-consolidation-window.h"
#include "pdw-context.h"
#include "pdw-preferences-window.h"
#include "pdw-report-window.h"
#include "pdw-overdue-monitor.h"
#include "pdw-store-loader.h"
#include "pdw-window.h"

struct _PdwApplication
{
  AdwApplication     parent_instance;

  /* Owned References */
  /* The store, the gateway and the one GSettings: made once the store opens. */
  PdwContext        *context;
  PdwDemo           *demo;
  PdwOverdueMonitor *overdue_monitor;
  char              *gateway_error;
  char              *db_path;
  /* The store being opened on a worker thread, then its result. */
  GCancellable      *store_cancellable;
  GAsyncResult      *store_result;
  /* The demo's history being written on a worker thread, and the window
   * that shows its progress meanwhile. */
  GCancellable      *seed_cancellable;
  GtkWindow         *loading_window;
  GtkProgressBar    *loading_progress;
  guint              loading_timeout_id;
  /* The main window, built and waiting for the next idle to show. */
  guint              present_id;

  gboolean           demo_mode;
  gboolean           history_ready;
};

G_DEFINE_FINAL_TYPE (PdwApplication, pdw_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run with simulated citizens and a simulated WhatsApp service (separate demo database)"), NULL },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH"), N_("PATH") },
  { NULL }
};

static char *
describe_store_error (const char   *path,
                      const GError *error)
{
  if (g_error_matches (error, PDW_STORE_ERROR, PDW_STORE_ERROR_CORRUPT))
    return g_strdup_printf (_("The database “%s” is damaged or is not a PANDAWA database. "
                              "Restore it from a backup, or start PANDAWA with another database "
                              "(--db PATH).\n\nDetails: %s"),
                            path, error->message);
  if (g_error_matches (error, PDW_STORE_ERROR, PDW_STORE_ERROR_TOO_NEW))
    return g_strdup_printf (_("The database “%s” was written by a newer version of PANDAWA. "
                              "Update PANDAWA on this computer.\n\nDetails: %s"),
                            path, error->message);
  if (g_error_matches (error, PDW_STORE_ERROR, PDW_STORE_ERROR_BUSY))
    return g_strdup_printf (_("The database “%s” is in use by another program. "
                              "Close the other PANDAWA and try again.\n\nDetails: %s"),
                            path, error->message);

  return g_strdup_printf (_("The database “%s” cannot be opened.\n\nDetails: %s"),
                          path, error->message);
}

static void
show_fatal_error (PdwApplication *self,
                  const char     *heading,
                  const char     *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  /* The application ends with its last window: this dialog. */
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The service calendar and SLA policy follow the settings: the store
 * computes due times with them, the gateway answers out of hours. */
static void
pdw_application_apply_desk_settings (PdwApplication *self)
{
  GSettings *settings = pdw_context_get_settings (self->context);
  PdwServiceCalendar *calendar = pdw_context_get_calendar (self->context);
  PdwGatewayService *gateway = pdw_context_get_gateway (self->context);
  PdwSlaPolicy policy;

  pdw_desk_settings_get_sla_policy (settings, &policy);
  pdw_store_set_sla (pdw_context_get_store (self->context), calendar, &policy);

  if (gateway != NULL)
    {
      pdw_gateway_service_set_calendar (gateway, calendar);
      pdw_gateway_service_apply_reply_settings (gateway, settings);
    }
}

/* The service days and hours arrive through the context's new calendar. */
static void
desk_settings_changed_cb (PdwApplication *self,
                          const char     *key)
{
  static const char * const keys[] = {
    "sla-hours", "sla-unit", "sla-working-days", "auto-reply-enabled",
    "wa-template-name", "wa-template-language", NULL,
  };

  if (g_strv_contains (keys, key))
    pdw_application_apply_desk_settings (self);
}

static void
pdw_application_create_context (PdwApplication *self,
                                PdwStore       *store)
{
  self->context = pdw_context_new (store, NULL);
  g_signal_connect_object (pdw_context_get_settings (self->context), "changed",
                           G_CALLBACK (desk_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::calendar",
                           G_CALLBACK (pdw_application_apply_desk_settings), self, G_CONNECT_SWAPPED);
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PdwApplication) self = user_data;
  gboolean quitting = g_cancellable_is_cancelled (self->store_cancellable);

  g_clear_object (&self->store_cancellable);
  g_set_object (&self->store_result, result);
  if (!quitting)
    g_application_activate (G_APPLICATION (self));
  g_clear_object (&self->store_result);
  g_application_release (G_APPLICATION (self));
}

/* A migration can take seconds on a year of history: the store opens on a
 * worker thread, and activate comes back once it is done. */
static void
pdw_application_load_store (PdwApplication *self,
                            const char     *path)
{
  if (self->store_cancellable != NULL)
    return;

  self->store_cancellable = g_cancellable_new ();
  g_application_hold (G_APPLICATION (self));
  pdw_store_loader_open_async (GTK_APPLICATION (self), path, self->store_cancellable,
                               store_opened_cb, g_object_ref (self));
}

static gboolean
pdw_application_open_store (PdwApplication *self)
{
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (self->context != NULL)
    return TRUE;

  if (self->db_path != NULL)
    path = g_strdup (self->db_path);
  else
    path = pdw_store_dup_default_path (self->demo_mode);

  if (self->store_result == NULL)
    {
      pdw_application_load_store (self, path);
      return FALSE;
    }

  store = pdw_store_loader_open_finish (self->store_result, &error);
  if (store == NULL)
    {
      g_autofree char *body = describe_store_error (path, error);

      show_fatal_error (self, _("Cannot Open the Database"), body);
      return FALSE;
    }

  pdw_application_create_context (self, store);
  return TRUE;
}

static PdwGatewayConfig *
pdw_application_load_config (PdwApplication *self)
{
  g_autoptr(PdwGatewayConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  if (self->demo_mode)
    return pdw_demo_build_config ();

  config = pdw_gateway_config_new ();
  pdw_gateway_config_load_settings (config, pdw_context_get_settings (self->context));

  if (!pdw_gateway_config_load_secrets (config, &error))
    {
      g_free (self->gateway_error);
      self->gateway_error = g_strdup_printf (_("The WhatsApp credentials cannot be read: %s"), error->message);
    }

  return g_steal_pointer (&config);
}

static void
pdw_application_show_gateway_error (PdwApplication *self,
                                    const char     *message)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_free (self->gateway_error);
  self->gateway_error = g_strdup (message);
  if (PDW_IS_WINDOW (window))
    pdw_window_set_gateway_error (PDW_WINDOW (window), message);
}

static void
stored_secrets_loaded_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(PdwApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pdw_gateway_service_reload_finish (PDW_GATEWAY_SERVICE (object), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The WhatsApp credentials cannot be read: %s"), error->message);

      pdw_application_show_gateway_error (self, message);
    }
}

static void
secret_store_ready_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(PdwApplication) self = user_data;
  g_autoptr(PdwSecretStore) store = pdw_secret_store_new_finish (result, NULL);
  PdwGatewayService *gateway = self->context != NULL ? pdw_context_get_gateway (self->context) : NULL;

  if (store == NULL || gateway == NULL)
    return;
  pdw_gateway_service_reload_async (gateway, NULL, store, NULL, stored_secrets_loaded_cb, g_object_ref (self));
}

static void
pdw_application_start_gateway (PdwApplication *self)
{
  g_autoptr(PdwGatewayConfig) config = NULL;
  g_autoptr(PdwGatewayService) gateway = NULL;
  g_autoptr(GError) error = NULL;

  if (pdw_context_get_gateway (self->context) != NULL)
    return;

  config = pdw_application_load_config (self);
  gateway = pdw_gateway_service_new (pdw_context_get_store (self->context), config);
  pdw_context_set_gateway (self->context, gateway);

  /* A port already in use must not take the queue away from the officer:
   * the window still reads and queues replies, and says what is wrong. */
  if (!pdw_gateway_service_start (gateway, &error))
    {
      g_free (self->gateway_error);
      self->gateway_error = g_strdup_printf (_("WhatsApp messages cannot be received: %s"), error->message);
    }

  /* The secrets saved in the preferences (keyring or fallback file) take
   * over from the files once read, off the main loop. */
  if (!self->demo_mode)
    pdw_secret_store_new_async (NULL, secret_store_ready_cb, g_object_ref (self));
}

static void
demo_started_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PdwApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (pdw_demo_start_finish (PDW_DEMO (object), result, &error))
    return;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (PDW_IS_WINDOW (window))
    {
      g_autofree char *message = g_strdup_printf (_("The demo could not start: %s"), error->message);
      pdw_window_set_gateway_error (PDW_WINDOW (window), message);
    }
}

/* ---- The demo's history -------------------------------------------------- */

static void
seed_progress_cb (double   fraction,
                  gpointer user_data)
{
  PdwApplication *self = user_data;

  if (self->loading_progress != NULL)
    gtk_progress_bar_set_fraction (self->loading_progress, fraction);
}

static void
pdw_application_close_loading_window (PdwApplication *self)
{
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  self->loading_progress = NULL;
  if (self->loading_window != NULL)
    gtk_window_destroy (g_steal_pointer (&self->loading_window));
}

/* Shown only when writing takes a moment (a first start), so that a demo
 * database that already has its history opens without a flash. */
static gboolean
show_loading_window_cb (gpointer user_data)
{
  PdwApplication *self = user_data;
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *bar = gtk_progress_bar_new ();

  self->loading_timeout_id = 0;

  gtk_widget_set_size_request (bar, 320, -1);
  gtk_widget_set_halign (bar, GTK_ALIGN_CENTER);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Preparing the Demo Office"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("Writing a few weeks of made-up complaints. This happens once."));
  adw_status_page_set_child (ADW_STATUS_PAGE (page), bar);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "PANDAWA");
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 420);

  self->loading_window = GTK_WINDOW (window);
  self->loading_progress = GTK_PROGRESS_BAR (bar);
  gtk_window_present (self->loading_window);
  return G_SOURCE_REMOVE;
}

static void
history_seeded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PdwApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pdw_demo_seed_history_finish (result, &error))
    {
      /* Quitting cancels: the application is going away. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_application_release (G_APPLICATION (self));
          return;
        }
      g_warning ("The demo history could not be created: %s", error->message);
    }

  g_clear_object (&self->seed_cancellable);
  self->history_ready = TRUE;
  /* The hold keeps the application while it has no window for a moment. */
  pdw_application_close_loading_window (self);
  g_application_activate (G_APPLICATION (self));
  g_application_release (G_APPLICATION (self));
}

/* The history goes in through a store of its own on a worker thread: the
 * main loop keeps answering (Ctrl+Q, SIGTERM) and nothing waits for the
 * lock of the store the windows will read. */
static void
pdw_application_seed_demo (PdwApplication *self)
{
  if (self->seed_cancellable != NULL)
    return;

  self->seed_cancellable = g_cancellable_new ();
  g_application_hold (G_APPLICATION (self));
  self->loading_timeout_id = g_timeout_add (250, show_loading_window_cb, self);
  pdw_demo_seed_history_async (pdw_store_get_path (pdw_context_get_store (self->context)),
                               g_get_real_time () / G_USEC_PER_SEC,
                               seed_progress_cb, self, self->seed_cancellable,
                               history_seeded_cb, g_object_ref (self));
}

static gboolean
present_window_cb (gpointer user_data)
{
  PdwApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  self->present_id = 0;
  if (window != NULL)
    gtk_window_present (window);
  return G_SOURCE_REMOVE;
}

static void
pdw_application_activate (GApplication *app)
{
  PdwApplication *self = PDW_APPLICATION (app);
  PdwGatewayService *gateway;
  GtkWindow *window;
  PdwWindow *pdw_window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (!pdw_application_open_store (self))
    return;

  /* A history to work on first; the demo stays usable without one. */
  if (self->demo_mode && !self->history_ready)
    {
      pdw_application_seed_demo (self);
      return;
    }

  pdw_application_start_gateway (self);
  pdw_application_apply_desk_settings (self);
  gateway = pdw_context_get_gateway (self->context);

  if (self->overdue_monitor == NULL)
    {
      self->overdue_monitor = pdw_overdue_monitor_new (self->context, G_APPLICATION (self));
      pdw_overdue_monitor_start (self->overdue_monitor);
    }

  /* Built now, shown from an idle: a SIGTERM or Ctrl+Q that came while the
   * window was being built is answered first, not after mapping it too. */
  pdw_window = pdw_window_new (GTK_APPLICATION (self), self->context, self->demo_mode);
  if (self->gateway_error != NULL)
    pdw_window_set_gateway_error (pdw_window, self->gateway_error);
  if (self->present_id == 0)
    self->present_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_window_cb, self, NULL);

  if (self->demo_mode && self->demo == NULL && pdw_gateway_service_get_listening (gateway))
    {
      self->demo = pdw_demo_new (gateway);
      pdw_demo_start_async (self->demo, NULL, demo_started_cb, g_object_ref (self));
    }
}

static int
pdw_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  PdwApplication *self = PDW_APPLICATION (app);
  g_autofree char *db_path = NULL;

  if (g_variant_dict_lookup (options, "demo", "b", NULL))
    self->demo_mode = TRUE;

  if (g_variant_dict_lookup (options, "db", "^ay", &db_path))
    {
      g_free (self->db_path);
      self->db_path = g_steal_pointer (&db_path);
    }

  return G_APPLICATION_CLASS (pdw_application_parent_class)->handle_local_options (app, options);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  PdwApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", "PANDAWA",
                         "application-icon", APP_ID,
                         "comments", _("Population data complaints over WhatsApp for the front office of Disdukcapil Kota Pekanbaru"),
                         "developer-name", _("Disdukcapil Kota Pekanbaru"),
                         "version", PACKAGE_VERSION,
                         "copyright", "© 2026 Disdukcapil Kota Pekanbaru",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  PdwApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *preferences;

  if (self->context == NULL)
    return;

  preferences = pdw_preferences_window_new (parent, self->context);
  /* app.preferences-page: opened on the page the caller names. */
  if (param != NULL)
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences),
                                                  g_variant_get_string (param, NULL));
  gtk_window_present (preferences);
}

static void
consolidation_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  PdwApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->context == NULL)
    return;

  gtk_window_present (pdw_consolidation_window_new (parent, self->context));
}

/* One report window per application: Ctrl+R again brings it back. */
static void
report_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  PdwApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->context == NULL)
    return;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PDW_IS_REPORT_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return;
      }

  gtk_window_present (pdw_report_window_new (parent, self->context));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* A logout or `kill` ends the app through shutdown, so the gateway stops
 * cleanly and the demo's simulator goes with it. */
static gboolean
quit_on_signal_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

/* From an overdue notification: show the window with that complaint. */
static void
open_complaint_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  PdwApplication *self = user_data;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (!PDW_IS_WINDOW (window) || self->context == NULL)
    return;

  gtk_window_present (window);

  complaint = pdw_store_dup_complaint (pdw_context_get_store (self->context), g_variant_get_int64 (param), &error);
  if (complaint == NULL)
    {
      g_warning ("Cannot open the complaint: %s", error->message);
      return;
    }

  pdw_window_select_conversation (PDW_WINDOW (window), pdw_complaint_get_conversation_id (complaint));
}

/* From a new-message notification: show the window with that conversation. */
static void
open_conversation_action (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  PdwApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (!PDW_IS_WINDOW (window))
    return;

  gtk_window_present (window);
  pdw_window_select_conversation (PDW_WINDOW (window), g_variant_get_int64 (param));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
  { "open-complaint", open_complaint_action, "x" },
  { "open-conversation", open_conversation_action, "x" },
  { "preferences", preferences_action },
  { "preferences-page", preferences_action, "s" },
  { "consolidation", consolidation_action },
  { "report", report_action },
};

static void
pdw_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *consolidation_accels[] = { "<Control><Shift>l", NULL };
  static const char *report_accels[] = { "<Control>r", NULL };

  G_APPLICATION_CLASS (pdw_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.consolidation", consolidation_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.report", report_accels);

  g_unix_signal_add (SIGTERM, quit_on_signal_cb, app);
  g_unix_signal_add (SIGINT, quit_on_signal_cb, app);
}

/* Shorter than serve's: an officer is waiting for the window to go. */
#define SHUTDOWN_DRAIN_MS 3000

static void
pdw_application_shutdown (GApplication *app)
{
  PdwApplication *self = PDW_APPLICATION (app);
  GList *windows;

  /* Quitting during a migration: the running statement stops within
   * milliseconds, it rolls back and the store closes before the process
   * ends. */
  if (self->store_cancellable != NULL)
    {
      g_cancellable_cancel (self->store_cancellable);
      while (self->store_cancellable != NULL)
        g_main_context_iteration (NULL, TRUE);
    }

  if (self->seed_cancellable != NULL)
    g_cancellable_cancel (self->seed_cancellable);
  g_clear_handle_id (&self->present_id, g_source_remove);
  pdw_application_close_loading_window (self);
  g_clear_object (&self->demo);
  if (self->overdue_monitor != NULL)
    pdw_overdue_monitor_stop (self->overdue_monitor);
  if (self->context != NULL && pdw_context_get_gateway (self->context) != NULL)
    {
      PdwGatewayService *gateway = pdw_context_get_gateway (self->context);

      /* A reply already posted keeps its claim until its answer is stored:
       * given back, the next gateway would send it a second time. */
      pdw_outbox_drain (pdw_gateway_service_get_outbox (gateway), SHUTDOWN_DRAIN_MS);
      pdw_gateway_service_stop (gateway);
    }

  /* The windows, the monitor and the context hold the store: it closes
   * here, before the process ends, so that its write-ahead log is folded
   * back and the next start needs no integrity check (the marker of an
   * unclean shutdown goes with it). */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);
  g_clear_object (&self->overdue_monitor);
  g_clear_object (&self->context);

  G_APPLICATION_CLASS (pdw_application_parent_class)->shutdown (app);
}

static void
pdw_application_finalize (GObject *object)
{
  PdwApplication *self = (PdwApplication *)object;

  g_clear_handle_id (&self->present_id, g_source_remove);
  g_clear_object (&self->demo);
  g_clear_object (&self->seed_cancellable);
  g_clear_object (&self->overdue_monitor);
  g_clear_object (&self->context);
  g_clear_pointer (&self->gateway_error, g_free);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->store_cancellable);
  g_clear_object (&self->store_result);

  G_OBJECT_CLASS (pdw_application_parent_class)->finalize (object);
}

static void
pdw_application_class_init (PdwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pdw_application_finalize;

  app_class->activate = pdw_application_activate;
  app_class->handle_local_options = pdw_application_handle_local_options;
  app_class->startup = pdw_application_startup;
  app_class->shutdown = pdw_application_shutdown;
}

static void
pdw_application_init (PdwApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);

  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The PANDAWA desk: citizens' data complaints over WhatsApp."));
}

PdwApplication *
pdw_application_new (void)
{
  return g_object_new (PDW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", APP_PATH,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
