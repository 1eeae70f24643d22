/* pdw-outbox.h: sends the replies queued in the store, one at a time per
 * citizen and in order, retrying transient failures with backoff.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/pdw-store.h"
#include "pdw-graph-client.h"

G_BEGIN_DECLS

#define PDW_TYPE_OUTBOX (pdw_outbox_get_type ())
G_DECLARE_FINAL_TYPE (PdwOutbox, pdw_outbox, PDW, OUTBOX, GObject)

/* Properties:
 *   last-error (string, read-only): the last send problem an officer should
 *       see, NULL after a successful send.
 * Signals:
 *   "message-sent" (gint64 message_id, const char *wamid)
 *   "message-failed" (gint64 message_id, gboolean permanent, const char *officer_text)
 */
PdwOutbox  *pdw_outbox_new            (PdwStore       *store,
                                       PdwGraphClient *client);
/* Sends what is due now and keeps a timer for retries. */
void        pdw_outbox_start          (PdwOutbox      *self);
/* Cancels requests in flight (their messages stay queued) and the timer. */
void        pdw_outbox_stop           (PdwOutbox      *self);
/* Looks for due messages now (after a reply was queued, or the Graph URL
 * changed).  Does nothing while stopped. */
void        pdw_outbox_pump           (PdwOutbox      *self);
const char *pdw_outbox_get_last_error (PdwOutbox      *self);
/* Number of requests in flight. */
guint       pdw_outbox_get_n_in_flight (PdwOutbox     *self);

G_END_DECLS
