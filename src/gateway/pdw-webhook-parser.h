/* pdw-webhook-parser.h: Cloud API webhook bodies to PdwInboundMessage and
 * PdwStatusUpdate.  Pure: no I/O, no store.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/pdw-events.h"

G_BEGIN_DECLS

#define PDW_WEBHOOK_ERROR (pdw_webhook_error_quark ())

typedef enum
{
  PDW_WEBHOOK_ERROR_INVALID_JSON,  /* not JSON, or not a JSON object */
  PDW_WEBHOOK_ERROR_NOT_WHATSAPP,  /* JSON, but "object" is not "whatsapp_business_account" */
} PdwWebhookError;

GQuark   pdw_webhook_error_quark (void);

/* Walks every entry[], changes[] (field "messages"), messages[] and
 * statuses[] of @body.  Items it cannot use (no id, unknown status) are
 * skipped without failing the others; message types it does not model are
 * returned with their type as received and the raw JSON.  On success
 * *@messages (PdwInboundMessage) and *@statuses (PdwStatusUpdate) hold the
 * items in payload order; a timestamp that is absent or unreadable is 0. */
gboolean pdw_webhook_parse       (GBytes      *body,
                                  GPtrArray  **messages,
                                  GPtrArray  **statuses,
                                  GError     **error);

G_END_DECLS
