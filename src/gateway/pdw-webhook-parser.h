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
  PDW_WEBHOOK_ERROR_TOO_DEEP,      /* arrays and objects nested deeper than PDW_WEBHOOK_MAX_DEPTH */
} PdwWebhookError;

/* Meta's payloads nest about 8 levels; json-glib recurses once per level
 * and has no limit of its own, so a body 90 000 levels deep overflows the
 * stack.  Anything deeper than this is refused before it reaches it. */
#define PDW_WEBHOOK_MAX_DEPTH 64

/* A timestamp further ahead of the arrival time than this is not believed. */
#define PDW_WEBHOOK_MAX_FUTURE_SECONDS (24 * 60 * 60)

GQuark   pdw_webhook_error_quark (void);

/* One pass over the JSON text @data (@size bytes, NUL not required).
 * Returns the deepest nesting of arrays and objects, brackets inside
 * strings not counted; it stops reading once the depth passes @limit, so
 * the result is at most @limit + 1.  When @rewritten is not NULL it is set
 * to NULL, or, if a string holds a \u0000 escape or a \uD800-\uDFFF escape
 * that is not half of a pair, to a copy of @data of the same size where each
 * of those escapes is \ufffd: json-glib would cut the string at the NUL or
 * store the lone surrogate as invalid UTF-8. */
guint    pdw_webhook_scan_json   (const char  *data,
                                  gsize        size,
                                  guint        limit,
                                  char       **rewritten);

/* Timestamps more than PDW_WEBHOOK_MAX_FUTURE_SECONDS after @now, absent or
 * unreadable (0) become @now, so that a sender's clock cannot hold the
 * 24-hour window open.  Returns how many were changed. */
guint    pdw_webhook_clamp_timestamps (GPtrArray *messages,
                                       GPtrArray *statuses,
                                       gint64     now);

/* Refuses a body nested deeper than PDW_WEBHOOK_MAX_DEPTH.  Every text
 * field of the result is valid UTF-8 without NUL: a NUL, a lone surrogate
 * or an invalid sequence becomes U+FFFD (the raw body is the caller's to
 * keep).  Walks every entry[], changes[] (field "messages"), messages[] and
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
