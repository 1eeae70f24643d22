/* pdw-gateway-monitor.h: the gateway's state as an officer needs it, for
 * the window: configured or not, the webhook receiver up, the Graph API
 * reachable, when the last webhook arrived (from any process on the
 * database), how many replies wait, and the failures to put right.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/pdw-store.h"
#include "pdw-gateway-backend.h"
#include "pdw-gateway-service.h"

G_BEGIN_DECLS

typedef enum
{
  PDW_GATEWAY_REACH_UNKNOWN,      /* nothing sent yet */
  PDW_GATEWAY_REACH_YES,          /* the Graph API answered the last request */
  PDW_GATEWAY_REACH_NO,           /* the last request found no answer (network, 5xx) */
} PdwGatewayReach;

#define PDW_TYPE_GATEWAY_MONITOR (pdw_gateway_monitor_get_type ())
G_DECLARE_FINAL_TYPE (PdwGatewayMonitor, pdw_gateway_monitor, PDW, GATEWAY_MONITOR, GObject)

/* Properties (read-only, notified on change):
 *   service (PdwGatewayService, read-write, NULL: no gateway in this process)
 *   configured (boolean): an access token and a phone number id are set
 *   listening (boolean): the webhook receiver is up
 *   reach (int, PdwGatewayReach)
 *   last-webhook-at (int64, Unix s, 0: never)
 *   last-error (string), last-error-code (int, pdw-send-error.h; 0 none)
 *   n-queued (uint): replies waiting to be sent
 *   n-failed (uint): the items of the failures list
 *   backend-name (string): the service's backend ("graph", "waha"; NULL
 *       without a service), followed across reloads that swap it
 *   session (int, PdwGatewaySession): the service's "session" (UNKNOWN
 *       for the Cloud API, which has none)
 *
 * The failures list holds objects an officer can retry, newest first: a
 * PdwMessage for a reply that failed (within FAILED_DAYS, not dealt with).
 * Other kinds (a media download that failed) are added as objects of their
 * own type; pdw_gateway_monitor_retry() and the window's rows switch on
 * the type. */
PdwGatewayMonitor *pdw_gateway_monitor_new            (PdwStore          *store);
void               pdw_gateway_monitor_set_service    (PdwGatewayMonitor *self,
                                                       PdwGatewayService *service);
PdwGatewayService *pdw_gateway_monitor_get_service    (PdwGatewayMonitor *self);
gboolean           pdw_gateway_monitor_get_configured (PdwGatewayMonitor *self);
gboolean           pdw_gateway_monitor_get_listening  (PdwGatewayMonitor *self);
PdwGatewayReach    pdw_gateway_monitor_get_reach      (PdwGatewayMonitor *self);
gint64             pdw_gateway_monitor_get_last_webhook_at (PdwGatewayMonitor *self);
const char        *pdw_gateway_monitor_get_last_error (PdwGatewayMonitor *self);
int                pdw_gateway_monitor_get_last_error_code (PdwGatewayMonitor *self);
guint              pdw_gateway_monitor_get_n_queued   (PdwGatewayMonitor *self);
guint              pdw_gateway_monitor_get_n_failed   (PdwGatewayMonitor *self);
GListModel        *pdw_gateway_monitor_get_failed     (PdwGatewayMonitor *self);
const char        *pdw_gateway_monitor_get_backend_name (PdwGatewayMonitor *self);
PdwGatewaySession  pdw_gateway_monitor_get_session    (PdwGatewayMonitor *self);
/* Reads the store again now (it also does on the store's changes and
 * every few seconds, for what other processes write). */
void               pdw_gateway_monitor_refresh        (PdwGatewayMonitor *self);
/* Sends a failed item of the list again. */
gboolean           pdw_gateway_monitor_retry          (PdwGatewayMonitor *self,
                                                       GObject           *item,
                                                       GError           **error);

G_END_DECLS
