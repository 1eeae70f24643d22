/* pdw-gateway-config.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pdw-gateway-config.h"

#define DEFAULT_GRAPH_URL      "https://graph.facebook.com"
#define DEFAULT_API_VERSION    "v21.0"
#define DEFAULT_LISTEN_ADDRESS "127.0.0.1"
#define DEFAULT_LISTEN_PORT    8080
#define DEFAULT_BACKEND        "graph"
#define DEFAULT_WAHA_URL       "http://127.0.0.1:3000"
#define DEFAULT_WAHA_SESSION   "default"

PdwGatewayConfig *
pdw_gateway_config_new (void)
{
  PdwGatewayConfig *config = g_new0 (PdwGatewayConfig, 1);

  /* The schema's defaults, for when GSettings is not installed (CLI). */
  config->backend = g_strdup (DEFAULT_BACKEND);
  config->graph_url = g_strdup (DEFAULT_GRAPH_URL);
  config->waha_url = g_strdup (DEFAULT_WAHA_URL);
  config->waha_session = g_strdup (DEFAULT_WAHA_SESSION);
  config->api_version = g_strdup (DEFAULT_API_VERSION);
  config->listen_address = g_strdup (DEFAULT_LISTEN_ADDRESS);
  config->listen_port = DEFAULT_LISTEN_PORT;

  return config;
}

PdwGatewayConfig *
pdw_gateway_config_copy (const PdwGatewayConfig *config)
{
  PdwGatewayConfig *copy;

  g_return_val_if_fail (config != NULL, NULL);

  copy = g_new0 (PdwGatewayConfig, 1);
  copy->backend = g_strdup (config->backend);
  copy->graph_url = g_strdup (config->graph_url);
  copy->waha_url = g_strdup (config->waha_url);
  copy->waha_session = g_strdup (config->waha_session);
  copy->waha_api_key = g_strdup (config->waha_api_key);
  copy->api_version = g_strdup (config->api_version);
  copy->phone_number_id = g_strdup (config->phone_number_id);
  copy->access_token = g_strdup (config->access_token);
  copy->app_secret = g_strdup (config->app_secret);
  copy->verify_token = g_strdup (config->verify_token);
  copy->listen_address = g_strdup (config->listen_address);
  copy->listen_port = config->listen_port;
  copy->header_timeout = config->header_timeout;
  copy->idle_timeout = config->idle_timeout;
  copy->max_connections = config->max_connections;
  copy->retention_days = config->retention_days;
  copy->request_timeout = config->request_timeout;

  return copy;
}

static void
clear_secret (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

void
pdw_gateway_config_free (PdwGatewayConfig *config)
{
  if (config == NULL)
    return;

  g_free (config->backend);
  g_free (config->graph_url);
  g_free (config->waha_url);
  g_free (config->waha_session);
  clear_secret (&config->waha_api_key);
  g_free (config->api_version);
  g_free (config->phone_number_id);
  clear_secret (&config->access_token);
  clear_secret (&config->app_secret);
  clear_secret (&config->verify_token);
  g_free (config->listen_address);
  g_free (config);
}

static void
replace_string (char       **field,
                GSettings   *settings,
                const char  *key)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  if (value[0] == '\0')
    return;
  g_free (*field);
  *field = g_steal_pointer (&value);
}

void
pdw_gateway_config_load_settings (PdwGatewayConfig *config,
                                  GSettings        *settings)
{
  g_autoptr(GVariant) port = NULL;

  g_return_if_fail (config != NULL);
  g_return_if_fail (G_IS_SETTINGS (settings));

  replace_string (&config->backend, settings, "gateway-backend");
  replace_string (&config->graph_url, settings, "graph-url");
  replace_string (&config->waha_url, settings, "waha-url");
  replace_string (&config->waha_session, settings, "waha-session");
  replace_string (&config->api_version, settings, "api-version");
  replace_string (&config->phone_number_id, settings, "phone-number-id");
  replace_string (&config->listen_address, settings, "webhook-listen-address");
  port = g_settings_get_value (settings, "webhook-port");
  config->listen_port = g_variant_get_uint16 (port);
  config->retention_days = g_settings_get_uint (settings, "webhook-retention-days");
}

char *
pdw_gateway_config_read_secret_file (const char  *path,
                                     GError     **error)
{
  g_autofree char *contents = NULL;
  char *newline;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  newline = strpbrk (contents, "\r\n");
  if (newline != NULL)
    *newline = '\0';
  g_strstrip (contents);

  if (contents[0] == '\0')
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The secret file “%s” is empty"), display);
      return NULL;
    }

  return g_strdup (contents);
}

void
pdw_gateway_config_set_secret (char **field,
                               char  *secret)
{
  g_return_if_fail (field != NULL);

  clear_secret (field);
  *field = secret;
}

gboolean
pdw_gateway_config_warn_if_shared (const char *path)
{
  GStatBuf st;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0 || (st.st_mode & 077) == 0)
    return FALSE;

  display = g_filename_display_name (path);
  g_warning ("The secret file %s can be read by other users (mode %03o): run chmod 600 on it",
             display, (guint) (st.st_mode & 0777));
  return TRUE;
}

static gboolean
load_secret (char       **field,
             const char  *dir,
             const char  *name,
             GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) local_error = NULL;
  char *secret;

  secret = pdw_gateway_config_read_secret_file (path, &local_error);
  if (secret == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  pdw_gateway_config_set_secret (field, secret);
  return TRUE;
}

gboolean
pdw_gateway_config_load_secrets (PdwGatewayConfig  *config,
                                 GError           **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (config != NULL, FALSE);

  dir = g_build_filename (g_get_user_config_dir (), "pandawa", NULL);

  return load_secret (&config->access_token, dir, "access-token", error) &&
         load_secret (&config->app_secret, dir, "app-secret", error) &&
         load_secret (&config->verify_token, dir, "verify-token", error) &&
         load_secret (&config->waha_api_key, dir, "waha-api-key", error);
}

gboolean
pdw_gateway_config_parse_listen (const char  *host_port,
                                 char       **host,
                                 guint       *port,
                                 GError     **error)
{
  g_autofree char *parsed_host = NULL;
  const char *port_str;
  guint64 value;

  g_return_val_if_fail (host_port != NULL, FALSE);

  if (host_port[0] == '[')
    {
      const char *end = strchr (host_port, ']');

      if (end == NULL || end[1] != ':')
        goto invalid;
      parsed_host = g_strndup (host_port + 1, end - host_port - 1);
      port_str = end + 2;
    }
  else
    {
      const char *colon = strrchr (host_port, ':');

      if (colon == NULL || strchr (host_port, ':') != colon)
        goto invalid;
      parsed_host = g_strndup (host_port, colon - host_port);
      port_str = colon + 1;
    }

  if (parsed_host[0] == '\0' ||
      !g_ascii_string_to_unsigned (port_str, 10, 0, 65535, &value, NULL))
    goto invalid;

  if (host != NULL)
    *host = g_steal_pointer (&parsed_host);
  if (port != NULL)
    *port = (guint) value;
  return TRUE;

invalid:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a listen address of the form HOST:PORT"), host_port);
  return FALSE;
}

gboolean
pdw_gateway_config_is_waha (const PdwGatewayConfig *config)
{
  return config != NULL && g_strcmp0 (config->backend, "waha") == 0;
}

static gboolean
is_set (const char *value)
{
  return value != NULL && value[0] != '\0';
}

/* Whether replies can go out: WAHA may run without an API key (it is
 * then the admin's choice), the Cloud API never answers without a token. */
gboolean
pdw_gateway_config_can_send (const PdwGatewayConfig *config)
{
  if (config == NULL)
    return FALSE;
  if (pdw_gateway_config_is_waha (config))
    return is_set (config->waha_url) && is_set (config->waha_session);
  return is_set (config->access_token) && is_set (config->phone_number_id);
}
