/* pdw-outbox.h: sends the replies queued in the store, one at a time per
 * citizen and in order, retrying transient failures with backoff.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/pdw-store.h"
#include "pdw-gateway-backend.h"
#include "pdw-graph-client.h"

G_BEGIN_DECLS

#define PDW_TYPE_OUTBOX (pdw_outbox_get_type ())
G_DECLARE_FINAL_TYPE (PdwOutbox, pdw_outbox, PDW, OUTBOX, GObject)

/* Properties:
 *   last-error (string, read-only): the last send problem an officer should
 *       see, NULL after a successful send.
 *   last-error-code (int, read-only): its code (pdw-send-error.h), 0 after a
 *       successful send.
 * Signals:
 *   "message-sent" (gint64 message_id, const char *wamid)
 *   "message-failed" (gint64 message_id, gboolean permanent, const char *officer_text)
 */
PdwOutbox  *pdw_outbox_new            (PdwStore          *store,
                                       PdwGatewayBackend *backend);
void        pdw_outbox_set_backend    (PdwOutbox         *self,
                                       PdwGatewayBackend *backend);
/* Sends what is due now and polls the store every second for replies that
 * fall due or that another process queued. */
void        pdw_outbox_start          (PdwOutbox      *self);
/* Cancels requests in flight (their messages stay queued) and the timer. */
void        pdw_outbox_stop           (PdwOutbox      *self);
void        pdw_outbox_drain          (PdwOutbox      *self,
                                       guint           timeout_ms);
/* Looks for due messages now (after a reply was queued, or the Graph URL
 * changed).  Does nothing while stopped. */
void        pdw_outbox_pump           (PdwOutbox      *self);
const char *pdw_outbox_get_last_error (PdwOutbox      *self);
/* Number of requests in flight. */
guint       pdw_outbox_get_n_in_flight (PdwOutbox     *self);
int         pdw_outbox_get_last_error_code (PdwOutbox *self);
/* The code of the last failed attempt, a message's own problems included
 * (last-error-code leaves those to the message); 0 after a success. */
int         pdw_outbox_get_last_attempt_code (PdwOutbox *self);
/* The id this outbox claims messages under (random per outbox). */
const char *pdw_outbox_get_claimer    (PdwOutbox      *self);
/* Seconds before the next attempt after @failures failed ones, the last
 * with @code: the exponential backoff, at least the code's wait (rate
 * limits) and at least @retry_after (the answer's Retry-After). */
guint       pdw_outbox_retry_delay    (guint           failures,
                                       int             code,
                                       guint           retry_after);

G_END_DECLS
