/* pdw-webhook-server.h: the HTTP endpoint Meta posts webhooks to.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/pdw-store.h"
#include "pdw-gateway-backend.h"

G_BEGIN_DECLS

#define PDW_WEBHOOK_PATH "/webhook"
/* Meta: "Webhook payloads can be up to 3 MB", plus room for headers' worth
 * of slack. */
#define PDW_WEBHOOK_MAX_BODY (3 * 1024 * 1024 + 256 * 1024)

/* How long raw webhooks are kept by default (issue #12). */
#define PDW_WEBHOOK_RETENTION_DAYS 90

#define PDW_TYPE_WEBHOOK_SERVER (pdw_webhook_server_get_type ())
G_DECLARE_FINAL_TYPE (PdwWebhookServer, pdw_webhook_server, PDW, WEBHOOK_SERVER, GObject)

/* Signals:
 *   "webhook-received" (guint new_messages, guint statuses): a delivery was
 *       stored (on the ingest worker's thread) and answered 200, unless
 *       the server stopped before the answer was written.
 *   "ingest-failed" (const char *message): a signed delivery could not be
 *       stored and was answered 500 (Meta will retry it).
 */
PdwWebhookServer *pdw_webhook_server_new      (PdwStore          *store,
                                               PdwGatewayBackend *backend,
                                               const char        *verify_token);
/* Before listening: the header and idle timeouts in seconds and the cap
 * on connections (0: the defaults of pdw-webhook-listener.h). */
void              pdw_webhook_server_set_limits (PdwWebhookServer *self,
                                                 guint             header_timeout,
                                                 guint             idle_timeout,
                                                 guint             max_connections);
/* Days raw webhook bodies and orphan statuses are kept (0: the default),
 * purged at start and every hour while listening. */
void              pdw_webhook_server_set_retention_days (PdwWebhookServer *self,
                                                         guint             days);
/* Replaces the verify token and the app secret (new ones saved in the
 * preferences); the next request uses them. */
void              pdw_webhook_server_set_verify_token (PdwWebhookServer *self,
                                                       const char       *verify_token);
void              pdw_webhook_server_set_backend (PdwWebhookServer  *self,
                                                  PdwGatewayBackend *backend);
/* Connections open now; 0 when not listening. */
guint             pdw_webhook_server_get_n_connections (PdwWebhookServer *self);
/* @address is a numeric IP ("127.0.0.1", "0.0.0.0", "::1") or "localhost";
 * @port 0 picks a free port. */
gboolean          pdw_webhook_server_listen   (PdwWebhookServer  *self,
                                               const char        *address,
                                               guint              port,
                                               GError           **error);
void              pdw_webhook_server_stop     (PdwWebhookServer  *self);
gboolean          pdw_webhook_server_get_listening (PdwWebhookServer *self);
guint             pdw_webhook_server_get_port (PdwWebhookServer  *self);
/* "http://HOST:PORT/webhook" while listening, else NULL. */
char             *pdw_webhook_server_dup_url  (PdwWebhookServer  *self);

G_END_DECLS
