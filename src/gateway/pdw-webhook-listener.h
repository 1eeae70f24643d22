/* pdw-webhook-listener.h: the webhook receiver's own accept loop in front
 * of a SoupServer, so that hostile traffic cannot stop it: timeouts, a cap
 * on connections, descriptor exhaustion survived, oversized bodies
 * refused as they arrive.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A connection must have sent its whole request head this many seconds
 * after it was accepted. */
#define PDW_WEBHOOK_HEADER_TIMEOUT 10
/* A body that stops arriving for this many seconds is given up. */
#define PDW_WEBHOOK_IDLE_TIMEOUT 10
/* At most this many connections at once (fewer when the descriptor limit
 * is lower: see pdw_webhook_listener_new()). */
#define PDW_WEBHOOK_MAX_CONNECTIONS 256

typedef struct
{
  guint header_timeout;   /* seconds; 0: PDW_WEBHOOK_HEADER_TIMEOUT */
  guint idle_timeout;     /* seconds; 0: PDW_WEBHOOK_IDLE_TIMEOUT */
  guint max_connections;  /* 0: PDW_WEBHOOK_MAX_CONNECTIONS, lowered to fit
                           * RLIMIT_NOFILE; a value given is taken as is */
  gsize max_body;         /* bytes */
} PdwWebhookLimits;

#define PDW_TYPE_WEBHOOK_LISTENER (pdw_webhook_listener_get_type ())
G_DECLARE_FINAL_TYPE (PdwWebhookListener, pdw_webhook_listener, PDW, WEBHOOK_LISTENER, GObject)

/* Accepts connections on @socket (bound and listening) and hands each to
 * @server (soup_server_accept_iostream()).  Connections are not kept
 * alive: one request each, answered with "Connection: close".
 *
 * Sent nothing whole by the header timeout, or stalled in its body for
 * the idle timeout, a connection is closed.  At the cap, a new connection
 * closes the one that has waited longest for its request head (then the
 * one whose body stalled longest); when every connection is being
 * answered, the new one is closed.  When accept() fails for want of
 * descriptors (EMFILE, ENFILE), a warning is logged, the oldest waiting
 * connections are closed and accepting resumes 100 ms later, logged
 * again when it succeeds.  A body announced or streamed past
 * @limits->max_body is answered 413 without being read further. */
PdwWebhookListener *pdw_webhook_listener_new           (SoupServer             *server,
                                                        GSocket                *socket,
                                                        const PdwWebhookLimits *limits);
/* Stops accepting and closes every connection. */
void                pdw_webhook_listener_stop          (PdwWebhookListener     *self);
guint               pdw_webhook_listener_get_max_connections (PdwWebhookListener *self);
/* Connections open now (for tests and logs). */
guint               pdw_webhook_listener_get_n_connections   (PdwWebhookListener *self);

G_END_DECLS
