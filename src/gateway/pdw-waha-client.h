/* pdw-waha-client.h: a self-hosted WAHA server (WhatsApp HTTP API, a
 * linked WhatsApp account) as a PdwGatewayBackend: sendText, sendImage and
 * sendFile with X-Api-Key, media from its /api/files/, the session's state,
 * and its webhooks (message, message.ack, session.status) signed with
 * X-Webhook-Hmac.  research/whatsapp.md §2.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pdw-gateway-backend.h"
#include "pdw-gateway-config.h"

G_BEGIN_DECLS

#define PDW_WAHA_HMAC_HEADER           "X-Webhook-Hmac"
#define PDW_WAHA_HMAC_ALGORITHM_HEADER "X-Webhook-Hmac-Algorithm"
#define PDW_WAHA_API_KEY_HEADER        "X-Api-Key"

#define PDW_TYPE_WAHA_CLIENT (pdw_waha_client_get_type ())
G_DECLARE_FINAL_TYPE (PdwWahaClient, pdw_waha_client, PDW, WAHA_CLIENT, GObject)

/* Copies waha_url, waha_session, waha_api_key and app_secret (the webhooks'
 * HMAC key). */
PdwWahaClient *pdw_waha_client_new             (const PdwGatewayConfig *config);

/* The chatId WAHA sends to for @wa_id: digits become "<digits>@c.us", an
 * id that has an "@" (a hidden "@lid" id) is kept as it is.  NULL for NULL
 * or "". */
char          *pdw_waha_client_dup_chat_id     (const char             *wa_id);

/* Lowercase hex HMAC-SHA512 of @body keyed with @key: the X-Webhook-Hmac
 * WAHA puts on a webhook. */
char          *pdw_waha_client_compute_hmac    (GBytes                 *body,
                                                const char             *key);

G_END_DECLS
