/* pdw-gateway-status.h: the header bar's WhatsApp button: its icon says
 * at a glance whether replies go out; its popover names the service (Cloud
 * API or WAHA), says whether the gateway is configured and reachable (and
 * for WAHA, what its session is doing), when the last webhook arrived, how many
 * replies wait, and lists what failed, each with a way to send it again.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gateway/pdw-gateway-monitor.h"
#include "gui/pdw-context.h"

G_BEGIN_DECLS

#define PDW_TYPE_GATEWAY_STATUS (pdw_gateway_status_get_type ())
G_DECLARE_FINAL_TYPE (PdwGatewayStatus, pdw_gateway_status, PDW, GATEWAY_STATUS, GtkWidget)

/* Follows the context's store and gateway. */
void               pdw_gateway_status_set_context   (PdwGatewayStatus *self,
                                                     PdwContext       *context);
/* For tests: the monitor (NULL without a context), the service named (NULL
 * when none), the state line, the menu button and the list of failures. */
PdwGatewayMonitor *pdw_gateway_status_get_monitor   (PdwGatewayStatus *self);
const char        *pdw_gateway_status_get_service_text (PdwGatewayStatus *self);
const char        *pdw_gateway_status_get_state_text (PdwGatewayStatus *self);
GtkWidget         *pdw_gateway_status_get_button    (PdwGatewayStatus *self);
GtkListBox        *pdw_gateway_status_get_failed_list (PdwGatewayStatus *self);

G_END_DECLS
