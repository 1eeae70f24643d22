/* pdw-cli-serve.c: `pandawa-cli serve`, the gateway service without a
 * window.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <stdio.h>

#include "gateway/pdw-gateway-service.h"
#include "pdw-cli.h"

/* Longer than a provider normally takes to answer, short enough for a
 * service manager's stop timeout. */
#define DRAIN_TIMEOUT_MS 5000

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
replace_secret (char       **field,
                const char  *path,
                GError     **error)
{
  char *secret;

  if (path == NULL)
    return TRUE;
  pdw_gateway_config_warn_if_shared (path);
  if ((secret = pdw_gateway_config_read_secret_file (path, error)) == NULL)
    return FALSE;

  pdw_gateway_config_set_secret (field, secret);
  return TRUE;
}

/* The files pdw_gateway_config_load_secrets() reads by default. */
static void
warn_shared_default_files (void)
{
  static const char *names[] = { "access-token", "app-secret", "verify-token", "waha-api-key" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (g_get_user_config_dir (), "pandawa", names[i], NULL);

      pdw_gateway_config_warn_if_shared (path);
    }
}

static void
replace_string (char       **field,
                const char  *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

int
pdw_cli_serve (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwGatewayConfig) config = NULL;
  g_autoptr(GSettings) settings = NULL;
  gboolean no_auto_reply = FALSE;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(PdwGatewayService) service = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *db = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *verify_token_file = NULL;
  g_autofree char *app_secret_file = NULL;
  g_autofree char *access_token_file = NULL;
  g_autofree char *graph_url = NULL;
  g_autofree char *phone_number_id = NULL;
  g_autofree char *api_version = NULL;
  g_autofree char *backend = NULL;
  g_autofree char *waha_url = NULL;
  g_autofree char *waha_session = NULL;
  g_autofree char *waha_api_key_file = NULL;
  g_autofree char *hmac_key_file = NULL;
  g_autofree char *webhook_url = NULL;
  gint header_timeout = 0;
  gint idle_timeout = 0;
  gint max_connections = 0;
  gint retention_days = 0;
  guint sigint_id;
  guint sigterm_id;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Database file (default: the application’s database)"), "PATH" },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen, N_("Address and port to receive webhooks on"), "HOST:PORT" },
    { "verify-token-file", 0, 0, G_OPTION_ARG_FILENAME, &verify_token_file, N_("File holding the webhook verify token"), "FILE" },
    { "app-secret-file", 0, 0, G_OPTION_ARG_FILENAME, &app_secret_file, N_("File holding the app secret"), "FILE" },
    { "access-token-file", 0, 0, G_OPTION_ARG_FILENAME, &access_token_file, N_("File holding the Graph API access token"), "FILE" },
    { "graph-url", 0, 0, G_OPTION_ARG_STRING, &graph_url, N_("Graph API base URL"), "URL" },
    { "phone-number-id", 0, 0, G_OPTION_ARG_STRING, &phone_number_id, N_("WhatsApp Business phone number ID"), "ID" },
    { "api-version", 0, 0, G_OPTION_ARG_STRING, &api_version, N_("Graph API version, such as v21.0"), "V" },
    { "backend", 0, 0, G_OPTION_ARG_STRING, &backend, N_("WhatsApp service: graph (Meta’s Cloud API) or waha (a WAHA server); default: the settings’ value"), "NAME" },
    { "waha-url", 0, 0, G_OPTION_ARG_STRING, &waha_url, N_("WAHA base URL, such as http://127.0.0.1:3000"), "URL" },
    { "waha-session", 0, 0, G_OPTION_ARG_STRING, &waha_session, N_("WAHA session name (default: default)"), "NAME" },
    { "waha-api-key-file", 0, 0, G_OPTION_ARG_FILENAME, &waha_api_key_file, N_("File holding WAHA’s API key (X-Api-Key)"), "FILE" },
    { "hmac-key-file", 0, 0, G_OPTION_ARG_FILENAME, &hmac_key_file, N_("File holding the key WAHA signs its webhooks with (X-Webhook-Hmac); the same as --app-secret-file"), "FILE" },
    { "header-timeout", 0, 0, G_OPTION_ARG_INT, &header_timeout, N_("Seconds a connection has to send its request headers (default 10)"), "SECONDS" },
    { "idle-timeout", 0, 0, G_OPTION_ARG_INT, &idle_timeout, N_("Seconds a request body may stall before the connection is closed (default 10)"), "SECONDS" },
    { "max-connections", 0, 0, G_OPTION_ARG_INT, &max_connections, N_("Connections open at once (default 256, fewer under a low descriptor limit)"), "N" },
    { "retention-days", 0, 0, G_OPTION_ARG_INT, &retention_days, N_("Days raw webhooks are kept before they are purged (default: the settings’ value, 90)"), "DAYS" },
    { "no-auto-reply", 0, 0, G_OPTION_ARG_NONE, &no_auto_reply, N_("Never send the out-of-hours automatic reply, whatever the settings say"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Receives WhatsApp webhooks and sends queued replies until interrupted."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return PDW_CLI_EXIT_USAGE;
    }

  if (header_timeout < 0 || idle_timeout < 0 || max_connections < 0 || retention_days < 0)
    {
      g_printerr ("%s\n", _("Timeouts, the connection cap and the retention cannot be negative."));
      return PDW_CLI_EXIT_USAGE;
    }

  config = pdw_gateway_config_new ();
  config->header_timeout = (guint) header_timeout;
  config->idle_timeout = (guint) idle_timeout;
  config->max_connections = (guint) max_connections;
  settings = pdw_cli_dup_settings ();
  if (settings != NULL)
    pdw_gateway_config_load_settings (config, settings);
  if (retention_days > 0)
    config->retention_days = (guint) retention_days;
  if (backend != NULL && (backend[0] == '\0' || !pdw_gateway_backend_name_is_known (backend)))
    {
      g_printerr (_("Unknown WhatsApp service “%s”: use graph or waha"), backend);
      g_printerr ("\n");
      return PDW_CLI_EXIT_USAGE;
    }
  if (app_secret_file != NULL && hmac_key_file != NULL)
    {
      g_printerr ("%s\n", _("--app-secret-file and --hmac-key-file name the same key: give one"));
      return PDW_CLI_EXIT_USAGE;
    }
  replace_string (&config->backend, backend);
  replace_string (&config->waha_url, waha_url);
  replace_string (&config->waha_session, waha_session);
  replace_string (&config->graph_url, graph_url);
  replace_string (&config->phone_number_id, phone_number_id);
  replace_string (&config->api_version, api_version);
  if (listen != NULL)
    {
      g_free (config->listen_address);
      config->listen_address = NULL;
      if (!pdw_gateway_config_parse_listen (listen, &config->listen_address, &config->listen_port, &error))
        {
          g_printerr ("%s\n", error->message);
          return PDW_CLI_EXIT_USAGE;
        }
    }

  warn_shared_default_files ();
  if (!pdw_gateway_config_load_secrets (config, &error) ||
      !replace_secret (&config->verify_token, verify_token_file, &error) ||
      !replace_secret (&config->app_secret, app_secret_file != NULL ? app_secret_file : hmac_key_file, &error) ||
      !replace_secret (&config->access_token, access_token_file, &error) ||
      !replace_secret (&config->waha_api_key, waha_api_key_file, &error))
    {
      g_printerr ("%s\n", error->message);
      return PDW_CLI_EXIT_INVALID;
    }

  if (pdw_gateway_config_is_waha (config))
    {
      if (config->app_secret == NULL)
        g_warning ("No HMAC key: only webhooks from this machine are accepted, unsigned");
      if (config->waha_api_key == NULL)
        g_message ("No WAHA API key: requests to WAHA carry no X-Api-Key");
    }
  else
    {
      if (config->app_secret == NULL)
        g_warning ("No app secret: every webhook will be refused (401)");
      if (config->access_token == NULL)
        g_warning ("No access token: replies stay queued");
    }

  if (db == NULL)
    db = pdw_store_dup_default_path (FALSE);
  if ((store = pdw_store_open (db, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return PDW_CLI_EXIT_INVALID;
    }

  pdw_cli_apply_sla_settings (store, settings);
  service = pdw_gateway_service_new (store, config);
  if (settings != NULL)
    pdw_gateway_service_apply_desk_settings (service, settings);
  if (no_auto_reply)
    pdw_gateway_service_set_auto_reply_enabled (service, FALSE);
  if (!pdw_gateway_service_start (service, &error))
    {
      g_printerr ("%s\n", error->message);
      return PDW_CLI_EXIT_INVALID;
    }

  /* The handlers go in before the address is announced: whoever reads it
   * may stop us at once, and a SIGTERM before them would kill serve
   * without closing the gateway. */
  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, loop);

  webhook_url = pdw_gateway_service_dup_webhook_url (service);
  printf ("LISTENING=%s\n", webhook_url);
  fflush (stdout);

  g_main_loop_run (loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  g_message ("Stopping the gateway service");
  /* Replies already posted get their answer stored rather than being given
   * back for another gateway to send a second time. */
  pdw_outbox_drain (pdw_gateway_service_get_outbox (service), DRAIN_TIMEOUT_MS);
  pdw_gateway_service_stop (service);

  return PDW_CLI_EXIT_OK;
}
