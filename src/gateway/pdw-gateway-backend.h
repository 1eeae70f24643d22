/* pdw-gateway-backend.h: what a WhatsApp provider does for PANDAWA.
 *
 * The rest of the gateway (the webhook receiver, the outbox, the media
 * fetcher, the monitor) talks to one of these and never to a provider's
 * wire format.  Each provider is one type implementing this interface
 * (PdwGraphClient for Meta's Cloud API, PdwWahaClient for a self-hosted
 * WAHA), registered by name in pdw-gateway-backend.c; a third is one new
 * file and one line there.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "core/pdw-message.h"
#include "pdw-gateway-config.h"

G_BEGIN_DECLS

/* The state of the linked WhatsApp account, as the provider reports it.
 * The Cloud API has no such session: it stays UNKNOWN there. */
typedef enum
{
  PDW_GATEWAY_SESSION_UNKNOWN,
  PDW_GATEWAY_SESSION_WORKING,   /* linked and connected */
  PDW_GATEWAY_SESSION_STARTING,
  PDW_GATEWAY_SESSION_SCAN_QR,   /* waiting for the office phone to scan a QR code */
  PDW_GATEWAY_SESSION_STOPPED,
  PDW_GATEWAY_SESSION_FAILED,
} PdwGatewaySession;

#define PDW_TYPE_GATEWAY_BACKEND (pdw_gateway_backend_get_type ())
G_DECLARE_INTERFACE (PdwGatewayBackend, pdw_gateway_backend, PDW, GATEWAY_BACKEND, GObject)

struct _PdwGatewayBackendInterface
{
  GTypeInterface parent_iface;

  /* "graph", "waha": the value of the gateway-backend setting. */
  const char *(*get_name)          (PdwGatewayBackend *self);
  /* Recorded with each raw webhook body ("cloud-api", "waha"). */
  const char *(*get_source)        (PdwGatewayBackend *self);
  /* Called again whenever the configuration changes; secrets included. */
  void        (*set_config)        (PdwGatewayBackend       *self,
                                    const PdwGatewayConfig  *config);
  /* Whether it knows where the provider is (the demo learns the
   * simulator's address after the start: nothing is tried until then). */
  gboolean    (*has_url)           (PdwGatewayBackend *self);
  /* Whether the provider drops free-form replies 24 hours after the
   * citizen last wrote (the Cloud API does, a linked device does not). */
  gboolean    (*has_service_window) (PdwGatewayBackend *self);

  /* Sends one queued outgoing message (text, template or attachment) and
   * resolves to the provider's id for it, which its delivery statuses
   * will carry.  Errors are in PDW_GRAPH_ERROR's codes (the send-error
   * table) or GIO's for the network. */
  void        (*send_async)        (PdwGatewayBackend    *self,
                                    const char           *wa_id,
                                    PdwMessage           *message,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
  char       *(*send_finish)       (PdwGatewayBackend    *self,
                                    GAsyncResult         *result,
                                    GError              **error);

  /* Downloads a citizen's media message to @dest_path (created 0600). */
  void        (*fetch_media_async)  (PdwGatewayBackend    *self,
                                     PdwMessage           *message,
                                     const char           *dest_path,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
  gboolean    (*fetch_media_finish) (PdwGatewayBackend    *self,
                                     GAsyncResult         *result,
                                     char                **mime_type,
                                     char                **sha256,
                                     gint64               *size,
                                     GError              **error);

  /* Asks the provider whether the configuration works (the address answers
   * and the credentials are accepted): "Tes koneksi". */
  void        (*probe_async)        (PdwGatewayBackend    *self,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
  PdwGatewaySession (*probe_finish) (PdwGatewayBackend    *self,
                                     GAsyncResult         *result,
                                     GError              **error);

  /* The webhook receiver, on the main loop, for every POST: is it from
   * the provider (its signature over the raw @body), and what does it
   * say.  @from_loopback: the peer is this machine. */
  gboolean    (*verify_webhook)     (PdwGatewayBackend    *self,
                                     SoupMessageHeaders   *headers,
                                     GBytes               *body,
                                     gboolean              from_loopback,
                                     GError              **error);
  gboolean    (*parse_webhook)      (PdwGatewayBackend    *self,
                                     GBytes               *body,
                                     GPtrArray           **messages,
                                     GPtrArray           **statuses,
                                     PdwGatewaySession    *session,
                                     GError              **error);
};

/* Errors of verify_webhook(): answered 401. */
#define PDW_GATEWAY_BACKEND_ERROR (pdw_gateway_backend_error_quark ())
typedef enum
{
  PDW_GATEWAY_BACKEND_ERROR_UNSIGNED,   /* no signature where one is required */
  PDW_GATEWAY_BACKEND_ERROR_BAD_SIGNATURE,
  PDW_GATEWAY_BACKEND_ERROR_UNKNOWN,    /* no backend of that name */
} PdwGatewayBackendError;

GQuark             pdw_gateway_backend_error_quark (void);

/* "graph" when @name is NULL or empty. */
PdwGatewayBackend *pdw_gateway_backend_new_for_config (const PdwGatewayConfig *config,
                                                       GError                **error);
gboolean           pdw_gateway_backend_name_is_known  (const char             *name);

const char        *pdw_gateway_backend_get_name       (PdwGatewayBackend      *self);
const char        *pdw_gateway_backend_get_source     (PdwGatewayBackend      *self);
void               pdw_gateway_backend_set_config     (PdwGatewayBackend      *self,
                                                       const PdwGatewayConfig *config);
gboolean           pdw_gateway_backend_has_url        (PdwGatewayBackend      *self);
gboolean           pdw_gateway_backend_has_service_window (PdwGatewayBackend  *self);
void               pdw_gateway_backend_send_async     (PdwGatewayBackend      *self,
                                                       const char             *wa_id,
                                                       PdwMessage             *message,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
char              *pdw_gateway_backend_send_finish    (PdwGatewayBackend      *self,
                                                       GAsyncResult           *result,
                                                       GError                **error);
void               pdw_gateway_backend_fetch_media_async  (PdwGatewayBackend  *self,
                                                           PdwMessage         *message,
                                                           const char         *dest_path,
                                                           GCancellable       *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer            user_data);
gboolean           pdw_gateway_backend_fetch_media_finish (PdwGatewayBackend  *self,
                                                           GAsyncResult       *result,
                                                           char              **mime_type,
                                                           char              **sha256,
                                                           gint64             *size,
                                                           GError            **error);
void               pdw_gateway_backend_probe_async    (PdwGatewayBackend      *self,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
PdwGatewaySession  pdw_gateway_backend_probe_finish   (PdwGatewayBackend      *self,
                                                       GAsyncResult           *result,
                                                       GError                **error);
gboolean           pdw_gateway_backend_verify_webhook (PdwGatewayBackend      *self,
                                                       SoupMessageHeaders     *headers,
                                                       GBytes                 *body,
                                                       gboolean                from_loopback,
                                                       GError                **error);
gboolean           pdw_gateway_backend_parse_webhook  (PdwGatewayBackend      *self,
                                                       GBytes                 *body,
                                                       GPtrArray             **messages,
                                                       GPtrArray             **statuses,
                                                       PdwGatewaySession      *session,
                                                       GError                **error);

/* "WORKING" and the other names WAHA uses; UNKNOWN for anything else. */
PdwGatewaySession  pdw_gateway_session_from_string    (const char             *status);

G_END_DECLS
