/* pdw-waha-client-private.h: what pdw-waha-client-webhook.c (reading
 * WAHA's webhook events) shares with pdw-waha-client.c.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pdw-waha-client.h"

G_BEGIN_DECLS

/* research/whatsapp.md §2.4: the envelope's "event" and "payload".
 * "message" gives a PdwInboundMessage (groups, channels, status updates
 * and our own messages are left out), "message.ack" a PdwStatusUpdate of
 * one of our messages, "session.status" of the session @session_name
 * *@session (another session's state is not this desk's; its messages
 * are kept all the same, nothing a citizen wrote is dropped); any other
 * event is accepted with nothing in it.  FALSE with PDW_WEBHOOK_ERROR for a body
 * that is not a JSON object with an "event", or is nested too deep. */
gboolean _pdw_waha_client_parse_webhook (GBytes             *body,
                                         const char         *session_name,
                                         GPtrArray         **messages,
                                         GPtrArray         **statuses,
                                         PdwGatewaySession  *session,
                                         GError            **error);

G_END_DECLS
