/* pdw-gateway-banner.h: what the window says about the WhatsApp gateway:
 * a subtitle an officer understands, a banner with a way to the settings
 * while no WhatsApp connection is configured, and the gateway's errors.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gui/pdw-context.h"

G_BEGIN_DECLS

#define PDW_TYPE_GATEWAY_BANNER (pdw_gateway_banner_get_type ())
G_DECLARE_FINAL_TYPE (PdwGatewayBanner, pdw_gateway_banner, PDW, GATEWAY_BANNER, AdwBin)

/* Follows the context's gateway (NULL: none). */
void        pdw_gateway_banner_set_context     (PdwGatewayBanner *self,
                                                PdwContext       *context);
/* A problem the service itself cannot report (e.g. it could not start);
 * NULL hides it. */
void        pdw_gateway_banner_set_start_error (PdwGatewayBanner *self,
                                                const char       *message);
/* Property "subtitle": the gateway's state in the officer's words. */
const char *pdw_gateway_banner_get_subtitle    (PdwGatewayBanner *self);
/* The error shown now, or NULL. */
const char *pdw_gateway_banner_get_error_text  (PdwGatewayBanner *self);
/* The "not connected" banner's button while it is shown, else NULL. */
GtkWidget  *pdw_gateway_banner_get_setup_button (PdwGatewayBanner *self);

/* The error's "Update Connection" button (to the settings) while it is
 * shown: when the error is the connection's (an expired token, 190). */
GtkWidget  *pdw_gateway_banner_get_error_settings_button (PdwGatewayBanner *self);

G_END_DECLS
