/* pdw-test-gateway.h: the gateway service on a fresh store in a temporary
 * directory, sending to a fake Graph API, with Meta's webhook client
 * pointed at it: the fixture of the gateway's integration tests.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gateway/pdw-gateway-service.h"
#include "pdw-fake-graph.h"
#include "pdw-fake-waha.h"
#include "pdw-test-webhook.h"

G_BEGIN_DECLS

typedef struct
{
  char              *dir;
  PdwStore          *store;
  PdwFakeGraph      *graph;
  PdwFakeWaha       *waha;      /* pdw_test_gateway_set_up_waha() only */
  PdwGatewayService *service;
  PdwTestWebhook    *webhook;
} PdwTestGateway;

/* Starts the service; @dir_template names the temporary directory. */
void              pdw_test_gateway_set_up    (PdwTestGateway *gateway,
                                              const char     *dir_template);
/* The same with the WAHA backend sending to a fake WAHA server
 * (PDW_TEST_WAHA_API_KEY, webhooks signed with PDW_TEST_WAHA_HMAC_KEY);
 * no fake Graph API. */
void              pdw_test_gateway_set_up_waha (PdwTestGateway *gateway,
                                                const char     *dir_template);
/* Stops it and asserts that the service and the store are finalized. */
void              pdw_test_gateway_tear_down (PdwTestGateway *gateway);

/* The stored message @id; aborts the test if there is none. */
PdwMessage       *pdw_test_dup_message       (PdwStore       *store,
                                              gint64          id);
PdwDeliveryStatus pdw_test_message_status    (PdwStore       *store,
                                              gint64          id);
/* Every stored message, and those with @wamid (1 once stored, never 2). */
guint             pdw_test_count_messages    (PdwStore       *store);
guint             pdw_test_count_wamid       (PdwStore       *store,
                                              const char     *wamid);

/* A citizen writes once from @wa_id (now): returns the conversation. */
gint64            pdw_test_ingest_citizen    (PdwStore       *store,
                                              const char     *wa_id,
                                              const char     *name);

G_END_DECLS
