/* pdw-gateway-config.h: how to reach the WhatsApp Cloud API and where to
 * listen for its webhooks.  Secrets come from files (mode 0600), never from
 * GSettings, argv or logs.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  /* Which provider: "graph" (Meta's Cloud API, the default) or "waha"
   * (a self-hosted WAHA); see pdw-gateway-backend.c. */
  char  *backend;
  char  *graph_url;        /* base URL, e.g. "https://graph.facebook.com" */
  char  *api_version;      /* e.g. "v21.0" */
  char  *phone_number_id;
  char  *access_token;     /* secret */
  char  *app_secret;       /* secret: the webhooks' HMAC key (Meta's app secret,
                            * or the key WAHA signs X-Webhook-Hmac with) */
  char  *verify_token;     /* secret: GET /webhook handshake */
  char  *waha_url;         /* WAHA's base URL, e.g. "http://127.0.0.1:3000" */
  char  *waha_session;     /* WAHA's session name, "default" unless set */
  char  *waha_api_key;     /* secret: X-Api-Key of every WAHA request */
  char  *listen_address;   /* e.g. "127.0.0.1" or "0.0.0.0" */
  guint  listen_port;      /* 0 picks a free port */
  /* The webhook receiver's limits (pdw_webhook_server_set_limits()); 0:
   * the defaults. */
  guint  header_timeout;   /* seconds */
  guint  idle_timeout;     /* seconds */
  guint  max_connections;
  /* Seconds the provider has to answer a request before it is given up
   * and retried (the outbox's claim lease is longer); 0: 30. */
  guint  request_timeout;
  /* Raw webhook bodies and orphan statuses are purged after this many
   * days; 0: PDW_WEBHOOK_RETENTION_DAYS. */
  guint  retention_days;
} PdwGatewayConfig;

PdwGatewayConfig *pdw_gateway_config_new               (void);
PdwGatewayConfig *pdw_gateway_config_copy              (const PdwGatewayConfig *config);
void              pdw_gateway_config_free              (PdwGatewayConfig       *config);

/* Fills the non-secret fields from the application's GSettings schema. */
void              pdw_gateway_config_load_settings     (PdwGatewayConfig       *config,
                                                        GSettings              *settings);
/* Fills the secrets from $XDG_CONFIG_HOME/pandawa/{access-token,app-secret,verify-token}
 * where those files exist (the app then overrides them with the secret
 * store's, pdw_secret_store_fill_config_async()). */
gboolean          pdw_gateway_config_load_secrets      (PdwGatewayConfig       *config,
                                                        GError                **error);
/* Reads one secret: the file's first line, surrounding whitespace removed.
 * Fails on an empty file. */
char             *pdw_gateway_config_read_secret_file  (const char             *path,
                                                        GError                **error);
/* Replaces the secret in *@field (wiping the old one); takes @secret. */
void              pdw_gateway_config_set_secret        (char                  **field,
                                                        char                   *secret);
/* Whether the secret file at @path can be read by its group or by others
 * (mode & 077); if so, says so with g_warning() (the path and the mode,
 * never the secret). */
gboolean          pdw_gateway_config_warn_if_shared    (const char             *path);
/* Splits "HOST:PORT" (IPv6 as "[::1]:8080"). */
gboolean          pdw_gateway_config_parse_listen      (const char             *host_port,
                                                        char                  **host,
                                                        guint                  *port,
                                                        GError                **error);

/* Whether replies can go out: an access token and a phone number id
 * (without them the outbox keeps every reply queued). */
gboolean          pdw_gateway_config_can_send          (const PdwGatewayConfig *config);
gboolean          pdw_gateway_config_is_waha           (const PdwGatewayConfig *config);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwGatewayConfig, pdw_gateway_config_free)

G_END_DECLS
