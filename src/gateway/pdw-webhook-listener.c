/* pdw-webhook-listener.c
 *
 * libsoup 3.2's own listener removes its accept source the first time
 * accept() fails, EMFILE included, and never accepts again; it has no
 * header or idle timeout and reads a body whole before a handler can
 * refuse it.  So the receiver accepts its connections itself and hands
 * each to the SoupServer (soup_server_accept_iostream()), watching every
 * one through the server's signals:
 *
 *   HEAD       accepted, request head not complete yet (header timeout)
 *   BODY       reading the body (idle timeout since the last chunk)
 *   ANSWERING  the handler has it (the ingest worker may be storing it)
 *   DROPPED    shut down by us; libsoup closes it on its next read
 *   DRAINING   stolen from libsoup after a 413: its rest is read and
 *              discarded for a moment so that the client sees the answer
 *
 * A connection's remote GSocketAddress is the key: libsoup hands the very
 * object given to soup_server_accept_iostream() back from
 * soup_server_message_get_remote_address().
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "pdw-webhook-listener.h"

/* Descriptors kept for the database, the outbox's requests and the rest
 * when the connection cap is fitted under RLIMIT_NOFILE. */
#define RESERVED_DESCRIPTORS 64
/* Accepts per wake-up, so that closing connections interleave. */
#define ACCEPT_BATCH 16
#define STARVED_RETRY_MS 100
/* How long the rest of a refused body is read and thrown away. */
#define LINGER_USEC (2 * G_USEC_PER_SEC)
#define SWEEP_MS 250
/* A dropped connection libsoup has not closed by then is closed here. */
#define STALE_USEC (5 * G_USEC_PER_SEC)

typedef enum
{
  CONN_HEAD,
  CONN_BODY,
  CONN_ANSWERING,
  CONN_DROPPED,
  CONN_DRAINING,
} ConnState;

typedef struct
{
  PdwWebhookListener *listener;   /* unowned: it owns the connection */
  GSocketConnection *conn;
  GSocketAddress    *remote;
  ConnState          state;
  gint64             accepted;   /* monotonic µs */
  gint64             since;      /* last progress, monotonic µs */
  gsize              body_read;
  GSource           *drain_source;
} Connection;

struct _PdwWebhookListener
{
  GObject           parent_instance;

  SoupServer       *server;
  GSocket          *socket;
  PdwWebhookLimits  limits;
  guint             max_connections;
  GHashTable       *connections;    /* GSocketAddress * → Connection * */
  GSource          *accept_source;
  guint             retry_id;
  guint             sweep_id;
  gulong            request_started_id;
  gboolean          starved;
};

G_DEFINE_FINAL_TYPE (PdwWebhookListener, pdw_webhook_listener, G_TYPE_OBJECT)

static gboolean accept_cb (GSocket *socket, GIOCondition condition, gpointer user_data);

static void
connection_free (gpointer data)
{
  Connection *c = data;

  if (c->drain_source != NULL)
    {
      g_source_destroy (c->drain_source);
      g_source_unref (c->drain_source);
    }
  /* Only connections libsoup no longer has (closed by it, stolen, or
   * never handed over) are freed while open. */
  g_io_stream_close (G_IO_STREAM (c->conn), NULL, NULL);
  g_object_unref (c->conn);
  g_object_unref (c->remote);
  g_free (c);
}

static GSocket *
connection_socket (Connection *c)
{
  return g_socket_connection_get_socket (c->conn);
}

static Connection *
lookup (PdwWebhookListener *self,
        SoupServerMessage  *msg)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);

  return remote != NULL ? g_hash_table_lookup (self->connections, remote) : NULL;
}

/* libsoup's pending read sees the end of the stream and closes the
 * connection itself (its "disconnected" then removes it here). */
static void
drop (Connection *c)
{
  if (c->state == CONN_DROPPED || c->state == CONN_DRAINING)
    return;
  g_socket_shutdown (connection_socket (c), TRUE, TRUE, NULL);
  c->state = CONN_DROPPED;
  c->since = g_get_monotonic_time ();
}

static gboolean
drain_cb (GSocket      *socket,
          GIOCondition  condition,
          gpointer      user_data)
{
  Connection *c = user_data;
  char buffer[16384];

  for (guint i = 0; i < 64; i++)
    {
      g_autoptr(GError) error = NULL;
      gssize n = g_socket_receive_with_blocking (socket, buffer, sizeof buffer, FALSE, NULL, &error);

      if (n > 0)
        continue;
      if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return G_SOURCE_CONTINUE;

      /* The end of the body, or the client gave up: closed (which also
       * destroys this source). */
      g_hash_table_remove (c->listener->connections, c->remote);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
refuse_too_large (PdwWebhookListener *self,
                  Connection         *c,
                  SoupServerMessage  *msg)
{
  static const char answer[] =
    "HTTP/1.1 413 Payload Too Large\r\n"
    "Connection: close\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Length: 18\r\n"
    "\r\n"
    "Payload Too Large\n";
  g_autoptr(GIOStream) stolen = NULL;
  GSocket *socket = connection_socket (c);

  /* Before the steal: it emits "disconnected", which must not free @c. */
  c->state = CONN_DRAINING;
  c->since = g_get_monotonic_time ();
  stolen = soup_server_message_steal_connection (msg);

  g_message ("Webhook refused: body over %" G_GSIZE_FORMAT " bytes (413), not read further",
             self->limits.max_body);
  g_socket_send_with_blocking (socket, answer, sizeof answer - 1, FALSE, NULL, NULL);
  g_socket_shutdown (socket, FALSE, TRUE, NULL);

  c->drain_source = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_callback (c->drain_source, (GSourceFunc) G_CALLBACK (drain_cb), c, NULL);
  g_source_attach (c->drain_source, NULL);
}

static void
got_headers_cb (SoupServerMessage  *msg,
                PdwWebhookListener *self)
{
  Connection *c = lookup (self, msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (c == NULL || c->state != CONN_HEAD)
    return;

  c->state = CONN_BODY;
  c->since = g_get_monotonic_time ();
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) self->limits.max_body)
    refuse_too_large (self, c, msg);
}

static void
got_chunk_cb (SoupServerMessage  *msg,
              GBytes             *chunk,
              PdwWebhookListener *self)
{
  Connection *c = lookup (self, msg);

  if (c == NULL || c->state != CONN_BODY)
    return;

  c->since = g_get_monotonic_time ();
  c->body_read += g_bytes_get_size (chunk);
  if (c->body_read > self->limits.max_body)
    refuse_too_large (self, c, msg);
}

static void
got_body_cb (SoupServerMessage  *msg,
             PdwWebhookListener *self)
{
  Connection *c = lookup (self, msg);

  if (c != NULL && c->state == CONN_BODY)
    c->state = CONN_ANSWERING;
}

static void
disconnected_cb (SoupServerMessage  *msg,
                 PdwWebhookListener *self)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);
  Connection *c = remote != NULL ? g_hash_table_lookup (self->connections, remote) : NULL;

  if (c != NULL && c->state != CONN_DRAINING)
    g_hash_table_remove (self->connections, remote);
}

static void
request_started_cb (SoupServer         *server,
                    SoupServerMessage  *msg,
                    PdwWebhookListener *self)
{
  Connection *c = lookup (self, msg);

  if (c == NULL)
    return;

  /* Without a listener of its own the server keeps no connection alive:
   * say so, or a client would send its next request on a closed one. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
  g_signal_connect_object (msg, "got-headers", G_CALLBACK (got_headers_cb), self, 0);
  g_signal_connect_object (msg, "got-chunk", G_CALLBACK (got_chunk_cb), self, 0);
  g_signal_connect_object (msg, "got-body", G_CALLBACK (got_body_cb), self, 0);
  g_signal_connect_object (msg, "disconnected", G_CALLBACK (disconnected_cb), self, 0);
}

/* The connection waiting longest for its request head, else the one whose
 * body stalled longest; NULL when all are being answered. */
static Connection *
find_victim (PdwWebhookListener *self)
{
  GHashTableIter iter;
  Connection *c;
  Connection *head = NULL;
  Connection *body = NULL;

  g_hash_table_iter_init (&iter, self->connections);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
    {
      if (c->state == CONN_HEAD && (head == NULL || c->accepted < head->accepted))
        head = c;
      else if (c->state == CONN_BODY && (body == NULL || c->since < body->since))
        body = c;
    }

  return head != NULL ? head : body;
}

static guint
count_live (PdwWebhookListener *self)
{
  GHashTableIter iter;
  Connection *c;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->connections);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
    if (c->state != CONN_DROPPED && c->state != CONN_DRAINING)
      n++;

  return n;
}

static void
take_connection (PdwWebhookListener *self,
                 GSocket            *socket)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  GSocketAddress *remote;
  Connection *c;

  if (count_live (self) >= self->max_connections)
    {
      Connection *victim = find_victim (self);

      if (victim == NULL)
        {
          g_debug ("Webhook receiver: %u connections, all being answered: new one closed",
                   self->max_connections);
          g_socket_close (socket, NULL);
          return;
        }
      g_debug ("Webhook receiver: %u connections: the oldest waiting one closed", self->max_connections);
      drop (victim);
    }

  remote = g_socket_get_remote_address (socket, NULL);
  local = g_socket_get_local_address (socket, NULL);
  if (remote == NULL)
    {
      /* Already reset by the client. */
      g_socket_close (socket, NULL);
      return;
    }

  c = g_new0 (Connection, 1);
  c->listener = self;
  c->conn = g_socket_connection_factory_create_connection (socket);
  c->remote = remote;
  c->state = CONN_HEAD;
  c->accepted = c->since = g_get_monotonic_time ();
  g_hash_table_insert (self->connections, remote, c);

  /* libsoup may read, answer and close it before this returns: @c is not
   * touched afterwards. */
  if (!soup_server_accept_iostream (self->server, G_IO_STREAM (c->conn), local, remote, &error))
    {
      g_debug ("Webhook receiver: connection not taken: %s", error->message);
      g_hash_table_remove (self->connections, remote);
    }
}

static void
arm_accept (PdwWebhookListener *self)
{
  self->accept_source = g_socket_create_source (self->socket, G_IO_IN, NULL);
  g_source_set_callback (self->accept_source, (GSourceFunc) G_CALLBACK (accept_cb), self, NULL);
  g_source_attach (self->accept_source, NULL);
}

static gboolean
retry_accept_cb (gpointer user_data)
{
  PdwWebhookListener *self = user_data;

  self->retry_id = 0;
  arm_accept (self);
  return G_SOURCE_REMOVE;
}

/* Out of descriptors: libsoup's listener stops here for good. */
static void
starve (PdwWebhookListener *self,
        const GError       *error)
{
  Connection *victim;

  if (!self->starved)
    g_warning ("Webhook receiver cannot accept a connection (%s) with %u open: "
               "closing the oldest waiting ones and accepting again in %u ms",
               error->message, g_hash_table_size (self->connections), STARVED_RETRY_MS);
  self->starved = TRUE;

  /* A few at once: each frees a descriptor once libsoup has seen it. */
  for (guint i = 0; i < 8 && (victim = find_victim (self)) != NULL; i++)
    drop (victim);

  g_source_destroy (self->accept_source);
  g_clear_pointer (&self->accept_source, g_source_unref);
  self->retry_id = g_timeout_add (STARVED_RETRY_MS, retry_accept_cb, self);
}

static gboolean
accept_cb (GSocket      *socket,
           GIOCondition  condition,
           gpointer      user_data)
{
  PdwWebhookListener *self = user_data;

  for (guint i = 0; i < ACCEPT_BATCH; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocket) client = g_socket_accept (self->socket, NULL, &error);

      if (client == NULL)
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
            break;
          /* ECONNABORTED and the like: that client is gone, not us. */
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
              g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE) ||
              g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
            {
              g_debug ("Webhook receiver: accept failed: %s", error->message);
              continue;
            }
          /* EMFILE, ENFILE, ENOBUFS…: the listener would spin on a
           * socket it cannot serve; it backs off instead. */
          starve (self, error);
          return G_SOURCE_REMOVE;
        }

      if (self->starved)
        {
          g_message ("Webhook receiver accepting connections again (%u open)",
                     g_hash_table_size (self->connections));
          self->starved = FALSE;
        }
      take_connection (self, client);
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
sweep_cb (gpointer user_data)
{
  PdwWebhookListener *self = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 header_timeout = (gint64) self->limits.header_timeout * G_USEC_PER_SEC;
  gint64 idle_timeout = (gint64) self->limits.idle_timeout * G_USEC_PER_SEC;
  GHashTableIter iter;
  Connection *c;
  guint dropped = 0;

  g_hash_table_iter_init (&iter, self->connections);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
    {
      if ((c->state == CONN_HEAD && now - c->accepted > header_timeout) ||
          (c->state == CONN_BODY && now - c->since > idle_timeout))
        {
          drop (c);
          dropped++;
        }
      else if ((c->state == CONN_DRAINING && now - c->since > LINGER_USEC) ||
               (c->state == CONN_DROPPED && now - c->since > STALE_USEC))
        g_hash_table_iter_remove (&iter);
    }

  if (dropped > 0)
    g_debug ("Webhook receiver: %u connections timed out", dropped);

  return G_SOURCE_CONTINUE;
}

static guint
fit_max_connections (guint wanted)
{
  struct rlimit limit;
  rlim_t fit;

  if (getrlimit (RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
    return wanted;

  fit = limit.rlim_cur > 2 * RESERVED_DESCRIPTORS ? limit.rlim_cur - RESERVED_DESCRIPTORS : limit.rlim_cur / 2;
  if (fit < wanted)
    {
      g_message ("Webhook receiver: at most %u connections at once (descriptor limit %lu)",
                 (guint) fit, (unsigned long) limit.rlim_cur);
      return MAX ((guint) fit, 1);
    }
  return wanted;
}

static void
pdw_webhook_listener_dispose (GObject *object)
{
  PdwWebhookListener *self = (PdwWebhookListener *)object;

  pdw_webhook_listener_stop (self);
  g_clear_object (&self->server);
  g_clear_object (&self->socket);

  G_OBJECT_CLASS (pdw_webhook_listener_parent_class)->dispose (object);
}

static void
pdw_webhook_listener_finalize (GObject *object)
{
  PdwWebhookListener *self = (PdwWebhookListener *)object;

  g_clear_pointer (&self->connections, g_hash_table_unref);

  G_OBJECT_CLASS (pdw_webhook_listener_parent_class)->finalize (object);
}

static void
pdw_webhook_listener_class_init (PdwWebhookListenerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pdw_webhook_listener_dispose;
  object_class->finalize = pdw_webhook_listener_finalize;
}

static void
pdw_webhook_listener_init (PdwWebhookListener *self)
{
  self->connections = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, connection_free);
}

PdwWebhookListener *
pdw_webhook_listener_new (SoupServer             *server,
                          GSocket                *socket,
                          const PdwWebhookLimits *limits)
{
  PdwWebhookListener *self;

  g_return_val_if_fail (SOUP_IS_SERVER (server), NULL);
  g_return_val_if_fail (G_IS_SOCKET (socket), NULL);
  g_return_val_if_fail (limits != NULL, NULL);

  self = g_object_new (PDW_TYPE_WEBHOOK_LISTENER, NULL);
  self->server = g_object_ref (server);
  self->socket = g_object_ref (socket);
  self->limits = *limits;
  if (self->limits.header_timeout == 0)
    self->limits.header_timeout = PDW_WEBHOOK_HEADER_TIMEOUT;
  if (self->limits.idle_timeout == 0)
    self->limits.idle_timeout = PDW_WEBHOOK_IDLE_TIMEOUT;
  self->max_connections = self->limits.max_connections != 0
                          ? self->limits.max_connections
                          : fit_max_connections (PDW_WEBHOOK_MAX_CONNECTIONS);

  g_socket_set_blocking (socket, FALSE);
  self->request_started_id = g_signal_connect (server, "request-started", G_CALLBACK (request_started_cb), self);
  arm_accept (self);
  self->sweep_id = g_timeout_add (SWEEP_MS, sweep_cb, self);

  return self;
}

void
pdw_webhook_listener_stop (PdwWebhookListener *self)
{
  g_return_if_fail (PDW_IS_WEBHOOK_LISTENER (self));

  if (self->accept_source != NULL)
    {
      g_source_destroy (self->accept_source);
      g_clear_pointer (&self->accept_source, g_source_unref);
    }
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->sweep_id, g_source_remove);
  g_clear_signal_handler (&self->request_started_id, self->server);
  if (self->socket != NULL)
    g_socket_close (self->socket, NULL);

  /* Those still sending end with libsoup's next read; those being
   * answered are left to the server. */
  if (self->connections != NULL)
    {
      GHashTableIter iter;
      Connection *c;

      g_hash_table_iter_init (&iter, self->connections);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
        if (c->state == CONN_HEAD || c->state == CONN_BODY)
          drop (c);
    }
}

guint
pdw_webhook_listener_get_max_connections (PdwWebhookListener *self)
{
  g_return_val_if_fail (PDW_IS_WEBHOOK_LISTENER (self), 0);

  return self->max_connections;
}

guint
pdw_webhook_listener_get_n_connections (PdwWebhookListener *self)
{
  g_return_val_if_fail (PDW_IS_WEBHOOK_LISTENER (self), 0);

  return g_hash_table_size (self->connections);
}
