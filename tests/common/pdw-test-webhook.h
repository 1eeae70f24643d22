/* pdw-test-webhook.h: Meta's side of the webhook for tests: the gateway's
 * credentials, Cloud API text deliveries, and a libsoup client that posts
 * them signed (or not) to the gateway on loopback.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gateway/pdw-gateway-config.h"

G_BEGIN_DECLS

#define PDW_TEST_APP_SECRET   "test-app-secret"
#define PDW_TEST_VERIFY_TOKEN "test-verify-token"
#define PDW_TEST_ACCESS_TOKEN "test-access-token"
#define PDW_TEST_PHONE_ID     "100000000000001"

typedef struct _PdwTestWebhook PdwTestWebhook;

/* The test credentials above, listening on a free loopback port and
 * sending to @graph_url (NULL keeps the default). */
PdwGatewayConfig *pdw_test_gateway_config_new  (const char     *graph_url);

/* A signed-ready Cloud API delivery of one text message (F1 shape). */
GBytes           *pdw_test_text_webhook_new    (const char     *wa_id,
                                                const char     *profile_name,
                                                const char     *wamid,
                                                gint64          timestamp,
                                                const char     *text);

PdwTestWebhook   *pdw_test_webhook_new         (const char     *url);
void              pdw_test_webhook_free        (PdwTestWebhook *webhook);

/* Each spins the main context until answered and returns the HTTP status. */
guint             pdw_test_webhook_get         (PdwTestWebhook *webhook,
                                                const char     *query,
                                                char          **body_out);
guint             pdw_test_webhook_post        (PdwTestWebhook *webhook,
                                                GBytes         *body,
                                                const char     *signature);
/* With the header @name: @value (none when either is NULL): another
 * provider's signature. */
guint             pdw_test_webhook_post_with_header (PdwTestWebhook *webhook,
                                                     GBytes         *body,
                                                     const char     *name,
                                                     const char     *value);
/* Signed with PDW_TEST_APP_SECRET, as Meta signs. */
guint             pdw_test_webhook_post_signed (PdwTestWebhook *webhook,
                                                GBytes         *body);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwTestWebhook, pdw_test_webhook_free)

G_END_DECLS
