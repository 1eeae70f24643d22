/* pdw-send-error.h: why an outgoing WhatsApp message did not go, in the
 * officer's words, and what to do about it: one table by Graph API error
 * code (and the few codes PANDAWA gives problems that have none), read by
 * the gateway (retry or give up), the chat (the reason under a failed
 * bubble and its buttons) and the window's gateway status.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Problems without a Graph code (the same numbers as PdwGraphErrorCode). */
#define PDW_SEND_ERROR_BAD_RESPONSE    (-1)
#define PDW_SEND_ERROR_NOT_CONFIGURED  (-2)
#define PDW_SEND_ERROR_NO_RECIPIENT    (-3)
#define PDW_SEND_ERROR_INVALID         (-4)
#define PDW_SEND_ERROR_HTTP            (-400)
#define PDW_SEND_ERROR_SERVER          (-500)
/* The Graph API could not be reached at all (DNS, refused, timeout). */
#define PDW_SEND_ERROR_NETWORK         (-600)
/* A WAHA server refused the API key; has no session of the configured
 * name; has it but not linked and connected (PDW_GRAPH_ERROR_WAHA_*). */
#define PDW_SEND_ERROR_WAHA_API_KEY    (-700)
#define PDW_SEND_ERROR_WAHA_SESSION    (-701)
#define PDW_SEND_ERROR_WAHA_NOT_READY  (-702)

typedef enum
{
  PDW_SEND_ACTION_NONE,           /* nothing to do from the desk: explained only */
  PDW_SEND_ACTION_WAIT,           /* the outbox retries by itself */
  PDW_SEND_ACTION_RETRY,          /* the officer may send it again */
  PDW_SEND_ACTION_EDIT,           /* change the message, then send it again */
  PDW_SEND_ACTION_SEND_TEMPLATE,  /* outside the 24-hour window: the approved template */
  PDW_SEND_ACTION_OPEN_SETTINGS,  /* the connection's settings (token, number id) */
} PdwSendAction;

/* TRUE when the same request may succeed later: the message stays queued
 * and is retried with backoff.  Unknown codes are not transient. */
gboolean       pdw_send_error_is_transient      (int code);
PdwSendAction  pdw_send_error_get_action        (int code);
/* The least time to wait before retrying after @code (rate limits), in
 * seconds; 0 when the backoff alone decides. */
guint          pdw_send_error_get_min_wait      (int code);
/* The officer's explanation, translated: what happened and what to do
 * (for an unknown code, a sentence naming the code). */
char          *pdw_send_error_dup_explanation   (int code);
/* TRUE when @code is about one message (its text, its recipient, the
 * 24-hour window), not the connection: the message says so, the window's
 * gateway banner does not. */
gboolean       pdw_send_error_is_about_message  (int code);
/* Whether the table knows @code. */
gboolean       pdw_send_error_is_known          (int code);

G_END_DECLS
