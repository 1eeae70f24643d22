/* pdw-demo.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <string.h>

#include "pdw-demo.h"
#include "pdw-history.h"

#define DEMO_PHONE_NUMBER_ID "100000000000001"
#define DEMO_WAHA_SESSION    "default"

struct _PdwDemo
{
  GObject            parent_instance;

  PdwGatewayService *service;
  GSubprocess       *subprocess;
  GDataInputStream  *stdout_stream;
  char              *secret_dir;
  char              *app_secret_path;
  char              *access_token_path;   /* Graph's token, or WAHA's API key */
  char              *url_prefix;          /* "GRAPH_URL=", "WAHA_URL=" */
  char              *api_url;
};

G_DEFINE_FINAL_TYPE (PdwDemo, pdw_demo, G_TYPE_OBJECT)

PdwGatewayConfig *
pdw_demo_build_config_for_backend (const char *backend)
{
  PdwGatewayConfig *config = pdw_gateway_config_new ();
  gboolean waha = g_strcmp0 (backend, "waha") == 0;

  g_free (config->backend);
  config->backend = g_strdup (waha ? "waha" : "graph");
  /* No provider URL yet: the simulator tells it. */
  g_clear_pointer (&config->graph_url, g_free);
  g_clear_pointer (&config->waha_url, g_free);
  config->verify_token = g_uuid_string_random ();
  /* Meta's app secret, or the key WAHA signs its webhooks with. */
  config->app_secret = g_uuid_string_random ();
  if (waha)
    {
      config->waha_api_key = g_uuid_string_random ();
      g_free (config->waha_session);
      config->waha_session = g_strdup (DEMO_WAHA_SESSION);
    }
  else
    {
      config->access_token = g_uuid_string_random ();
      config->phone_number_id = g_strdup (DEMO_PHONE_NUMBER_ID);
    }
  g_free (config->listen_address);
  config->listen_address = g_strdup ("127.0.0.1");
  config->listen_port = 0;

  return config;
}

/* The gateway-backend setting, NULL without the schema installed (CLI). */
static char *
dup_backend_setting (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL)
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, "gateway-backend");
}

PdwGatewayConfig *
pdw_demo_build_config (void)
{
  g_autofree char *backend = dup_backend_setting ();

  return pdw_demo_build_config_for_backend (backend);
}

char *
pdw_demo_find_simulator (void)
{
  const char *env = g_getenv ("PANDAWA_SIMULATOR");
  g_autofree char *self_exe = NULL;

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  /* An uninstalled build runs both programs from the same directory. */
  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_exe);
      g_autofree char *candidate = g_build_filename (dir, "pandawa-simulator", NULL);

      if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&candidate);
    }

  return g_build_filename (BINDIR, "pandawa-simulator", NULL);
}

static void
remove_secret_files (PdwDemo *self)
{
  if (self->app_secret_path != NULL)
    g_unlink (self->app_secret_path);
  if (self->access_token_path != NULL)
    g_unlink (self->access_token_path);
  if (self->secret_dir != NULL)
    g_rmdir (self->secret_dir);
  g_clear_pointer (&self->app_secret_path, g_free);
  g_clear_pointer (&self->access_token_path, g_free);
  g_clear_pointer (&self->secret_dir, g_free);
}

static void
pdw_demo_dispose (GObject *object)
{
  PdwDemo *self = (PdwDemo *)object;

  if (self->subprocess != NULL)
    g_subprocess_send_signal (self->subprocess, SIGTERM);
  g_clear_object (&self->stdout_stream);
  g_clear_object (&self->subprocess);
  g_clear_object (&self->service);
  remove_secret_files (self);

  G_OBJECT_CLASS (pdw_demo_parent_class)->dispose (object);
}

static void
pdw_demo_finalize (GObject *object)
{
  PdwDemo *self = (PdwDemo *)object;

  g_clear_pointer (&self->url_prefix, g_free);
  g_clear_pointer (&self->api_url, g_free);

  G_OBJECT_CLASS (pdw_demo_parent_class)->finalize (object);
}

static void
pdw_demo_class_init (PdwDemoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pdw_demo_dispose;
  object_class->finalize = pdw_demo_finalize;
}

static void
pdw_demo_init (PdwDemo *self)
{
}

PdwDemo *
pdw_demo_new (PdwGatewayService *service)
{
  PdwDemo *self;

  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (service), NULL);

  self = g_object_new (PDW_TYPE_DEMO, NULL);
  self->service = g_object_ref (service);

  return self;
}

static gboolean
write_secret_files (PdwDemo  *self,
                    GError  **error)
{
  const PdwGatewayConfig *config = pdw_gateway_service_get_config (self->service);
  g_autofree char *template = g_build_filename (g_get_user_runtime_dir (), "pandawa-demo-XXXXXX", NULL);
  const char *key;

  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create a folder for the demo secrets: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  self->secret_dir = g_steal_pointer (&template);
  self->app_secret_path = g_build_filename (self->secret_dir, "app-secret", NULL);
  self->access_token_path = g_build_filename (self->secret_dir, "access-token", NULL);
  /* What PANDAWA presents to the provider: Graph's token, WAHA's key. */
  key = pdw_gateway_config_is_waha (config) ? config->waha_api_key : config->access_token;

  return g_file_set_contents_full (self->app_secret_path, config->app_secret ? config->app_secret : "", -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error) &&
         g_file_set_contents_full (self->access_token_path, key ? key : "", -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static void
read_line_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GDataInputStream *stream = G_DATA_INPUT_STREAM (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  PdwDemo *self = g_task_get_source_object (task);

  line = g_data_input_stream_read_line_finish_utf8 (stream, result, NULL, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (line == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The WhatsApp simulator stopped before it was ready"));
      return;
    }

  if (!g_str_has_prefix (line, self->url_prefix))
    {
      g_data_input_stream_read_line_async (stream, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                           read_line_cb, g_steal_pointer (&task));
      return;
    }

  g_free (self->api_url);
  self->api_url = g_strdup (line + strlen (self->url_prefix));
  pdw_gateway_service_set_api_url (self->service, self->api_url);
  g_message ("Demo: WhatsApp simulator ready");
  g_task_return_boolean (task, TRUE);
}

/* Runs in the simulator's process before exec: if the app dies without
 * stopping the demo (a crash, SIGKILL), the simulator goes with it instead
 * of posting webhooks to a port nobody listens on. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

void
pdw_demo_start_async (PdwDemo             *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *simulator = NULL;
  g_autofree char *seed = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *webhook_url = NULL;
  const PdwGatewayConfig *config;

  g_return_if_fail (PDW_IS_DEMO (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_demo_start_async);

  if (self->subprocess != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "Demo already started");
      return;
    }

  webhook_url = pdw_gateway_service_dup_webhook_url (self->service);
  if (webhook_url == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("The gateway service is not listening"));
      return;
    }

  if (!write_secret_files (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  config = pdw_gateway_service_get_config (self->service);
  simulator = pdw_demo_find_simulator ();
  /* New citizens at each start: the demo database keeps the last ones'
   * conversations, which the same script would otherwise write into again. */
  seed = g_strdup_printf ("%u", g_random_int_range (1, G_MAXINT32));
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  /* The simulator plays the provider the service talks to. */
  if (pdw_gateway_config_is_waha (config))
    {
      self->url_prefix = g_strdup ("WAHA_URL=");
      self->subprocess = g_subprocess_launcher_spawn (launcher, &error,
                                           simulator,
                                           "--backend", "waha",
                                           "--webhook-url", webhook_url,
                                           "--app-secret-file", self->app_secret_path,
                                           "--api-key-file", self->access_token_path,
                                           "--session", config->waha_session ? config->waha_session : DEMO_WAHA_SESSION,
                                           "--listen", "127.0.0.1:0",
                                           "--seed", seed,
                                           NULL);
    }
  else
    {
      self->url_prefix = g_strdup ("GRAPH_URL=");
      self->subprocess = g_subprocess_launcher_spawn (launcher, &error,
                                           simulator,
                                           "--webhook-url", webhook_url,
                                           "--app-secret-file", self->app_secret_path,
                                           "--access-token-file", self->access_token_path,
                                           "--phone-number-id", config->phone_number_id ? config->phone_number_id : DEMO_PHONE_NUMBER_ID,
                                           "--listen", "127.0.0.1:0",
                                           "--seed", seed,
                                           NULL);
    }
  if (self->subprocess == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self->stdout_stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->subprocess));
  g_data_input_stream_read_line_async (self->stdout_stream, G_PRIORITY_DEFAULT, cancellable,
                                       read_line_cb, g_steal_pointer (&task));
}

gboolean
pdw_demo_start_finish (PdwDemo       *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (PDW_IS_DEMO (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
pdw_demo_get_api_url (PdwDemo *self)
{
  g_return_val_if_fail (PDW_IS_DEMO (self), NULL);

  return self->api_url;
}

/* A few files a day: enough for every state and a readable queue. */
#define DEMO_HISTORY_SCALE 4
#define DEMO_HISTORY_SEED  2026

static gboolean
seed_history (PdwStore                *store,
              gint64                   now,
              gboolean                 waha,
              PdwHistoryProgressFunc   progress,
              gpointer                 progress_data,
              GCancellable            *cancellable,
              GError                 **error)
{
  g_autoptr(GPtrArray) conversations = NULL;
  g_autoptr(GTimeZone) wib = pdw_time_zone_new_wib ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) month_before = NULL;
  PdwHistoryOptions opts = PDW_HISTORY_OPTIONS_INIT;
  PdwHistoryReport report = { 0 };

  conversations = pdw_store_list_conversations (store, error);
  if (conversations == NULL)
    return FALSE;
  if (conversations->len > 0)
    return TRUE;

  /* From the start of last month to an hour ago: the live simulator's
   * citizens write after that. */
  local = g_date_time_to_timezone (utc, wib);
  month_before = g_date_time_add_months (local, -1);
  opts.start_year = g_date_time_get_year (month_before);
  opts.start_month = g_date_time_get_month (month_before);
  opts.months = 2;
  opts.seed = DEMO_HISTORY_SEED;
  opts.scale = DEMO_HISTORY_SCALE;
  opts.until = now - 3600;
  /* More late files than a real office has, so that the queue shows some. */
  opts.late_share = 0.3;
  opts.progress = progress;
  opts.progress_data = progress_data;
  opts.cancellable = cancellable;
  /* The simulator serves the history's photos where the provider would. */
  if (waha)
    opts.media_files_path = "/api/files/";

  return pdw_history_generate (store, &opts, &report, error);
}

gboolean
pdw_demo_seed_history (PdwStore  *store,
                       gint64     now,
                       GError   **error)
{
  g_autofree char *backend = NULL;

  g_return_val_if_fail (PDW_IS_STORE (store), FALSE);

  backend = dup_backend_setting ();
  return seed_history (store, now, g_strcmp0 (backend, "waha") == 0, NULL, NULL, NULL, error);
}

typedef struct
{
  char                   *path;
  gint64                  now;
  gboolean                waha;     /* the setting, read on the main thread */
  PdwHistoryProgressFunc  progress;
  gpointer                progress_data;
} SeedData;

static void
seed_data_free (gpointer data)
{
  SeedData *seed = data;

  g_free (seed->path);
  g_free (seed);
}

typedef struct
{
  GTask  *task;
  double  fraction;
} SeedProgress;

static gboolean
seed_progress_cb (gpointer user_data)
{
  SeedProgress *progress = user_data;
  SeedData *seed = g_task_get_task_data (progress->task);

  /* The caller's data may be gone once the task has called back. */
  if (!g_task_get_completed (progress->task))
    seed->progress (progress->fraction, seed->progress_data);
  return G_SOURCE_REMOVE;
}

static void
seed_progress_free (gpointer data)
{
  SeedProgress *progress = data;

  g_object_unref (progress->task);
  g_free (progress);
}

/* On the worker thread, about once per simulated day: handed to the
 * caller's main context. */
static void
seed_progress_in_thread (double   fraction,
                         gpointer user_data)
{
  GTask *task = user_data;
  SeedProgress *progress = g_new0 (SeedProgress, 1);

  progress->task = g_object_ref (task);
  progress->fraction = fraction;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              seed_progress_cb, progress, seed_progress_free);
}

static void
seed_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SeedData *seed = task_data;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* A connection of its own: the batches hold this store's lock, never the
   * one the windows read through. */
  store = pdw_store_open (seed->path, &error);
  if (store == NULL ||
      !seed_history (store, seed->now, seed->waha, seed->progress != NULL ? seed_progress_in_thread : NULL,
                     task, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
pdw_demo_seed_history_async (const char             *path,
                             gint64                  now,
                             PdwHistoryProgressFunc  progress,
                             gpointer                progress_data,
                             GCancellable           *cancellable,
                             GAsyncReadyCallback     callback,
                             gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *backend = dup_backend_setting ();
  SeedData *seed;

  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  seed = g_new0 (SeedData, 1);
  seed->path = g_strdup (path);
  seed->now = now;
  seed->waha = g_strcmp0 (backend, "waha") == 0;
  seed->progress = progress;
  seed->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_demo_seed_history_async);
  g_task_set_task_data (task, seed, seed_data_free);
  g_message ("Demo: writing the synthetic office history");
  g_task_run_in_thread (task, seed_thread);
}

gboolean
pdw_demo_seed_history_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pdw_demo_seed_history_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
