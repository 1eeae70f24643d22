/* pdw-gateway-service.h: the WhatsApp gateway as one service: the webhook
 * receiver, the outbox that sends officers' replies with retries, and the
 * Graph API client.  The window embeds it; `pandawa-cli serve` runs it alone.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/pdw-store.h"
#include "pdw-gateway-config.h"
#include "pdw-outbox.h"

G_BEGIN_DECLS

#define PDW_TYPE_GATEWAY_SERVICE (pdw_gateway_service_get_type ())
G_DECLARE_FINAL_TYPE (PdwGatewayService, pdw_gateway_service, PDW, GATEWAY_SERVICE, GObject)

/* Properties:
 *   store (PdwStore, construct-only)
 *   listening (boolean, read-only): the webhook receiver is up
 *   last-error (string, read-only): the last gateway problem an officer should
 *       see (e.g. "Graph API: access token expired (190)"), NULL when healthy
 * Signals:
 *   "webhook-received" (guint new_messages, guint statuses): after a delivery
 *       was stored and acknowledged.
 */
PdwGatewayService *pdw_gateway_service_new              (PdwStore                *store,
                                                         const PdwGatewayConfig  *config);
/* Starts listening and starts the outbox; fails if the port is taken. */
gboolean           pdw_gateway_service_start            (PdwGatewayService       *self,
                                                         GError                 **error);
void               pdw_gateway_service_stop             (PdwGatewayService       *self);
guint              pdw_gateway_service_get_port         (PdwGatewayService       *self);
char              *pdw_gateway_service_dup_webhook_url  (PdwGatewayService       *self);
const char        *pdw_gateway_service_get_last_error   (PdwGatewayService       *self);
gboolean           pdw_gateway_service_get_listening    (PdwGatewayService       *self);
/* Replaces the Graph API base URL (demo mode learns it after start). */
void               pdw_gateway_service_set_graph_url    (PdwGatewayService       *self,
                                                         const char              *graph_url);
/* Queues an officer's reply in the store and sends it now if the gateway is
 * reachable.  Returns the message id: the reply is safe once this returns. */
gint64             pdw_gateway_service_send_text        (PdwGatewayService       *self,
                                                         gint64                   conversation_id,
                                                         const char              *text,
                                                         const char              *officer_name,
                                                         GError                 **error);

/* The configuration in use, secrets included: for in-process helpers only
 * (demo mode hands the secrets to its simulator). */
const PdwGatewayConfig *pdw_gateway_service_get_config (PdwGatewayService *self);
/* The outbox that sends queued replies (for its signals). */
PdwOutbox         *pdw_gateway_service_get_outbox       (PdwGatewayService       *self);

G_END_DECLS
