/* pdw-webhook-server.c
 *
 * A delivery is acknowledged (200) only once the store has it on disk:
 * Meta retries anything else for 7 days, and the store drops what it
 * already has, so answering 500 on a store failure loses nothing.
 *
 * The signature and the JSON are checked on the main loop (microseconds);
 * the message is then paused while PdwIngestWorker commits it on its own
 * thread, and answered from the worker's callback.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>
#include <netinet/in.h>
#include <string.h>

#include "pdw-gateway-config.h"
#include "pdw-ingest-worker.h"
#include "pdw-signature.h"
#include "pdw-webhook-listener.h"
#include "pdw-webhook-parser.h"
#include "pdw-webhook-server.h"

struct _PdwWebhookServer
{
  GObject     parent_instance;

  PdwStore   *store;
  SoupServer *server;
  PdwWebhookLimits limits;
  guint       retention_days;
  guint       purge_id;
  gboolean    purging;
  /* While listening. */
  PdwWebhookListener *listener;
  PdwIngestWorker *worker;
  PdwGatewayBackend *backend;
  char       *verify_token;
  char       *host;
  guint       port;
};

G_DEFINE_FINAL_TYPE (PdwWebhookServer, pdw_webhook_server, G_TYPE_OBJECT)

enum {
  WEBHOOK_RECEIVED,
  INGEST_FAILED,
  SESSION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
reply_text (SoupServerMessage *msg,
            guint              status,
            const char        *text)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/plain; charset=utf-8", SOUP_MEMORY_COPY,
                                    text, strlen (text));
}

static void
handle_verification (PdwWebhookServer  *self,
                     SoupServerMessage *msg)
{
  g_autoptr(GHashTable) params = NULL;
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  const char *mode;
  const char *token;
  const char *challenge;

  /* The keys contain dots (hub.mode), so no form-to-struct mapping. */
  if (query != NULL)
    params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL)
    {
      reply_text (msg, SOUP_STATUS_FORBIDDEN, "Forbidden");
      return;
    }

  mode = g_hash_table_lookup (params, "hub.mode");
  token = g_hash_table_lookup (params, "hub.verify_token");
  challenge = g_hash_table_lookup (params, "hub.challenge");

  if (g_strcmp0 (mode, "subscribe") != 0 || challenge == NULL ||
      self->verify_token == NULL || self->verify_token[0] == '\0' ||
      !pdw_secure_str_equal (token, self->verify_token))
    {
      g_message ("Webhook verification refused");
      reply_text (msg, SOUP_STATUS_FORBIDDEN, "Forbidden");
      return;
    }

  g_message ("Webhook verification accepted");
  reply_text (msg, SOUP_STATUS_OK, challenge);
}

/* A delivery handed to the worker, its HTTP message paused meanwhile. */
typedef struct
{
  GWeakRef           server;
  SoupServerMessage *msg;
  /* The server stopped while it was paused: nobody is left to answer.
   * (A client that hung up is noticed by libsoup 3.2 only when the answer
   * is written, which then fails quietly.) */
  gboolean           gone;
} PendingReply;

static void
reply_gone_cb (PendingReply *pending)
{
  pending->gone = TRUE;
}

static void
pending_reply_free (PendingReply *pending)
{
  g_signal_handlers_disconnect_by_data (pending->msg, pending);
  g_object_unref (pending->msg);
  g_weak_ref_clear (&pending->server);
  g_free (pending);
}

/* On the main loop, after the worker's COMMIT (or its failure).  A server
 * disposed meanwhile emits nothing: what was stored stays stored, and Meta
 * retries what it did not see acknowledged. */
static void
ingest_done_cb (GObject      *object,
                GAsyncResult *res,
                gpointer      user_data)
{
  PendingReply *pending = user_data;
  g_autoptr(PdwWebhookServer) self = g_weak_ref_get (&pending->server);
  g_autoptr(GError) error = NULL;
  PdwIngestResult result = { 0 };
  gboolean stored;

  stored = pdw_ingest_worker_ingest_finish (PDW_INGEST_WORKER (object), res, &result, &error);
  if (!pending->gone)
    {
      if (stored)
        reply_text (pending->msg, SOUP_STATUS_OK, "OK");
      else
        reply_text (pending->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "Internal Server Error");
      soup_server_message_unpause (pending->msg);
    }

  if (!stored)
    {
      g_warning ("Webhook not stored, answered 500 so that Meta retries: %s", error->message);
      if (self != NULL)
        g_signal_emit (self, signals[INGEST_FAILED], 0, error->message);
    }
  else
    {
      /* g_debug: a burst stores hundreds a second. */
      g_debug ("Webhook stored: %u new messages, %u duplicates, %u statuses applied, %u ignored, %u pending",
               result.messages_new, result.messages_duplicate, result.statuses_applied,
               result.statuses_ignored, result.statuses_pending);
      if (self != NULL)
        g_signal_emit (self, signals[WEBHOOK_RECEIVED], 0,
                       result.messages_new, result.statuses_applied + result.statuses_pending);
    }

  pending_reply_free (pending);
}

static gboolean
is_from_loopback (SoupServerMessage *msg)
{
  GSocketAddress *address = soup_server_message_get_remote_address (msg);

  return G_IS_INET_SOCKET_ADDRESS (address) &&
         g_inet_address_get_is_loopback (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address)));
}

static void
handle_notification (PdwWebhookServer  *self,
                     SoupServerMessage *msg)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  PdwGatewaySession session = PDW_GATEWAY_SESSION_UNKNOWN;
  PendingReply *pending;

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (body) > PDW_WEBHOOK_MAX_BODY)
    {
      reply_text (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "Payload Too Large");
      return;
    }

  if (!pdw_gateway_backend_verify_webhook (self->backend, soup_server_message_get_request_headers (msg),
                                           body, is_from_loopback (msg), &error))
    {
      g_message ("Webhook refused: %s", error->message);
      reply_text (msg, SOUP_STATUS_UNAUTHORIZED, "Unauthorized");
      return;
    }

  if (!pdw_gateway_backend_parse_webhook (self->backend, body, &messages, &statuses, &session, &error))
    {
      g_message ("Webhook refused: %s", error->message);
      reply_text (msg, SOUP_STATUS_BAD_REQUEST, "Bad Request");
      return;
    }

  /* Not stored: a session's state is news, not a record. */
  if (session != PDW_GATEWAY_SESSION_UNKNOWN)
    g_signal_emit (self, signals[SESSION_CHANGED], 0, (int) session);

  pdw_webhook_clamp_timestamps (messages, statuses, g_get_real_time () / G_USEC_PER_SEC);

  pending = g_new0 (PendingReply, 1);
  g_weak_ref_init (&pending->server, self);
  pending->msg = g_object_ref (msg);
  g_signal_connect_swapped (msg, "disconnected", G_CALLBACK (reply_gone_cb), pending);
  g_signal_connect_swapped (msg, "finished", G_CALLBACK (reply_gone_cb), pending);
  soup_server_message_pause (msg);
  pdw_ingest_worker_ingest_async (self->worker, pdw_gateway_backend_get_source (self->backend), body, messages, statuses, NULL,
                                  ingest_done_cb, pending);
}

static void
webhook_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  PdwWebhookServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);

  if (strcmp (path, PDW_WEBHOOK_PATH) != 0)
    {
      reply_text (msg, SOUP_STATUS_NOT_FOUND, "Not Found");
      return;
    }

  if (method == SOUP_METHOD_GET)
    handle_verification (self, msg);
  else if (method == SOUP_METHOD_POST)
    handle_notification (self, msg);
  else
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "GET, POST");
      reply_text (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method Not Allowed");
    }
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
purge_done_cb (guint         purged,
               const GError *error,
               gpointer      user_data)
{
  g_autoptr(PdwWebhookServer) self = g_weak_ref_get (user_data);

  if (self == NULL)
    return;

  self->purging = FALSE;
  /* Tried again in an hour: a busy database is no reason to alarm. */
  if (error != NULL)
    g_debug ("Old webhooks not purged this time: %s", error->message);
  else if (purged > 0)
    g_message ("Purged %u raw webhooks and orphan statuses older than %u days", purged, self->retention_days);
}

/* Raw bodies and statuses that never found their message are kept for the
 * audit trail, then purged: at start and every hour, on the worker's
 * thread. */
static gboolean
purge_cb (gpointer user_data)
{
  PdwWebhookServer *self = user_data;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC - (gint64) self->retention_days * 24 * 3600;

  if (self->worker != NULL && !self->purging)
    {
      GWeakRef *ref = g_new0 (GWeakRef, 1);

      g_weak_ref_init (ref, self);
      self->purging = TRUE;
      pdw_ingest_worker_purge (self->worker, before, purge_done_cb, ref, (GDestroyNotify) weak_ref_free);
    }
  return G_SOURCE_CONTINUE;
}

static void
pdw_webhook_server_dispose (GObject *object)
{
  PdwWebhookServer *self = (PdwWebhookServer *)object;

  pdw_webhook_server_stop (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pdw_webhook_server_parent_class)->dispose (object);
}

static void
pdw_webhook_server_finalize (GObject *object)
{
  PdwWebhookServer *self = (PdwWebhookServer *)object;

  g_clear_pointer (&self->verify_token, g_free);
  g_clear_object (&self->backend);
  g_clear_pointer (&self->host, g_free);

  G_OBJECT_CLASS (pdw_webhook_server_parent_class)->finalize (object);
}

static void
pdw_webhook_server_class_init (PdwWebhookServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pdw_webhook_server_dispose;
  object_class->finalize = pdw_webhook_server_finalize;

  signals[WEBHOOK_RECEIVED] =
    g_signal_new ("webhook-received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[INGEST_FAILED] =
    g_signal_new ("ingest-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A PdwGatewaySession the provider reported (WAHA's session.status). */
  signals[SESSION_CHANGED] =
    g_signal_new ("session-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
pdw_webhook_server_init (PdwWebhookServer *self)
{
  self->limits.max_body = PDW_WEBHOOK_MAX_BODY;
  self->retention_days = PDW_WEBHOOK_RETENTION_DAYS;
}

void
pdw_webhook_server_set_retention_days (PdwWebhookServer *self,
                                       guint             days)
{
  g_return_if_fail (PDW_IS_WEBHOOK_SERVER (self));

  self->retention_days = days > 0 ? days : PDW_WEBHOOK_RETENTION_DAYS;
}

void
pdw_webhook_server_set_verify_token (PdwWebhookServer *self,
                                     const char       *verify_token)
{
  g_return_if_fail (PDW_IS_WEBHOOK_SERVER (self));

  pdw_gateway_config_set_secret (&self->verify_token, g_strdup (verify_token));
}

void
pdw_webhook_server_set_backend (PdwWebhookServer  *self,
                                PdwGatewayBackend *backend)
{
  g_return_if_fail (PDW_IS_WEBHOOK_SERVER (self));
  g_return_if_fail (PDW_IS_GATEWAY_BACKEND (backend));

  g_set_object (&self->backend, backend);
}

void
pdw_webhook_server_set_limits (PdwWebhookServer *self,
                               guint             header_timeout,
                               guint             idle_timeout,
                               guint             max_connections)
{
  g_return_if_fail (PDW_IS_WEBHOOK_SERVER (self));

  self->limits.header_timeout = header_timeout;
  self->limits.idle_timeout = idle_timeout;
  self->limits.max_connections = max_connections;
}

guint
pdw_webhook_server_get_n_connections (PdwWebhookServer *self)
{
  g_return_val_if_fail (PDW_IS_WEBHOOK_SERVER (self), 0);

  return self->listener != NULL ? pdw_webhook_listener_get_n_connections (self->listener) : 0;
}

/* @backend checks and reads every POST; @verify_token answers Meta's GET
 * handshake. */
PdwWebhookServer *
pdw_webhook_server_new (PdwStore          *store,
                        PdwGatewayBackend *backend,
                        const char        *verify_token)
{
  PdwWebhookServer *self;

  g_return_val_if_fail (PDW_IS_STORE (store), NULL);
  g_return_val_if_fail (PDW_IS_GATEWAY_BACKEND (backend), NULL);

  self = g_object_new (PDW_TYPE_WEBHOOK_SERVER, NULL);
  self->store = g_object_ref (store);
  self->backend = g_object_ref (backend);
  self->verify_token = g_strdup (verify_token);

  return self;
}

static GInetAddress *
resolve_listen_address (const char *address)
{
  if (address == NULL || g_ascii_strcasecmp (address, "localhost") == 0)
    return g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  return g_inet_address_new_from_string (address);
}

/* GSocket's default backlog is 10: a burst of deliveries on new
 * connections overflowed it and clients saw their connections reset. */
#define LISTEN_BACKLOG 256

static GSocket *
listen_socket_new (GSocketAddress  *address,
                   GError         **error)
{
  GSocketFamily family = g_socket_address_get_family (address);
  g_autoptr(GSocket) socket = g_socket_new (family, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);

  if (socket == NULL)
    return NULL;

  /* As soup_server_listen(): "::" is IPv6 only. */
  if (family == G_SOCKET_FAMILY_IPV6 && !g_socket_set_option (socket, IPPROTO_IPV6, IPV6_V6ONLY, TRUE, error))
    return NULL;

  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, address, TRUE, error) ||
      !g_socket_listen (socket, error))
    return NULL;

  return g_steal_pointer (&socket);
}

gboolean
pdw_webhook_server_listen (PdwWebhookServer  *self,
                           const char        *address,
                           guint              port,
                           GError           **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(PdwIngestWorker) worker = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) local = NULL;

  g_return_val_if_fail (PDW_IS_WEBHOOK_SERVER (self), FALSE);
  g_return_val_if_fail (port <= 65535, FALSE);

  if (self->server != NULL)
    return TRUE;

  inet = resolve_listen_address (address);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not a numeric IP address", address);
      return FALSE;
    }

  worker = pdw_ingest_worker_new (self->store, error);
  if (worker == NULL)
    return FALSE;

  server = soup_server_new ("server-header", PACKAGE_NAME " ", NULL);
  soup_server_add_handler (server, PDW_WEBHOOK_PATH, webhook_cb, self, NULL);

  socket_address = g_inet_socket_address_new (inet, (guint16) port);
  if (!(socket = listen_socket_new (socket_address, error)) ||
      !(local = g_socket_get_local_address (socket, error)))
    return FALSE;
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));

  /* Our own accept loop (pdw-webhook-listener.c), not libsoup's. */
  self->listener = pdw_webhook_listener_new (server, socket, &self->limits);

  g_free (self->host);
  self->host = g_inet_address_to_string (inet);
  self->port = port;
  self->server = g_steal_pointer (&server);
  self->worker = g_steal_pointer (&worker);
  g_message ("Webhook receiver listening on port %u", self->port);
  purge_cb (self);
  self->purge_id = g_timeout_add_seconds (3600, purge_cb, self);

  return TRUE;
}

void
pdw_webhook_server_stop (PdwWebhookServer *self)
{
  g_return_if_fail (PDW_IS_WEBHOOK_SERVER (self));

  if (self->server == NULL)
    return;

  /* No new deliveries; then what the worker has is stored before its
   * connection closes, and answered if its client is still there. */
  g_clear_handle_id (&self->purge_id, g_source_remove);
  self->purging = FALSE;
  pdw_webhook_listener_stop (self->listener);
  soup_server_disconnect (self->server);
  g_clear_object (&self->listener);
  g_clear_object (&self->server);
  pdw_ingest_worker_stop (self->worker);
  g_clear_object (&self->worker);
  self->port = 0;
}

gboolean
pdw_webhook_server_get_listening (PdwWebhookServer *self)
{
  g_return_val_if_fail (PDW_IS_WEBHOOK_SERVER (self), FALSE);

  return self->server != NULL;
}

guint
pdw_webhook_server_get_port (PdwWebhookServer *self)
{
  g_return_val_if_fail (PDW_IS_WEBHOOK_SERVER (self), 0);

  return self->port;
}

char *
pdw_webhook_server_dup_url (PdwWebhookServer *self)
{
  const char *host;

  g_return_val_if_fail (PDW_IS_WEBHOOK_SERVER (self), NULL);

  if (self->server == NULL)
    return NULL;

  /* A wildcard address is not somewhere a client can post to. */
  host = self->host;
  if (g_strcmp0 (host, "0.0.0.0") == 0)
    host = "127.0.0.1";
  else if (g_strcmp0 (host, "::") == 0)
    host = "::1";

  if (strchr (host, ':') != NULL)
    return g_strdup_printf ("http://[%s]:%u%s", host, self->port, PDW_WEBHOOK_PATH);
  return g_strdup_printf ("http://%s:%u%s", host, self->port, PDW_WEBHOOK_PATH);
}
