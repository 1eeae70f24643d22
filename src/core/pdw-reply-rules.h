/* pdw-reply-rules.h: when PANDAWA may or should write to a citizen: the
 * WhatsApp 24-hour customer-service window and the out-of-hours
 * automatic reply.  Times are Unix seconds (UTC).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pdw-service-calendar.h"

G_BEGIN_DECLS

#define PDW_SERVICE_WINDOW_SECONDS (24 * 60 * 60)

/* Free-form messages are allowed while fewer than 24 hours have passed since
 * the citizen's last INBOUND message (its WhatsApp timestamp, not when the
 * webhook arrived).  Our own messages never refresh the window.
 * @last_inbound < 0 means the citizen never wrote: the window is closed. */
gboolean pdw_service_window_is_open   (gint64 last_inbound,
                                       gint64 now);
/* Seconds until the window closes, 0 when it is closed. */
gint64   pdw_service_window_remaining (gint64 last_inbound,
                                       gint64 now);
/* The moment the window closes, or -1 when the citizen never wrote. */
gint64   pdw_service_window_closes_at (gint64 last_inbound);

/* Whether an inbound message at @message_time gets the out-of-hours
 * automatic reply: only when the service is closed, and at most once per
 * conversation per calendar day in WIB.  @last_auto_reply_time is when this
 * conversation last got one, or -1 for never. */
gboolean pdw_auto_reply_should_send   (PdwServiceCalendar *cal,
                                       gint64              message_time,
                                       gint64              last_auto_reply_time);

G_END_DECLS
