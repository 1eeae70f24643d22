/* pdw-gateway-backend.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pdw-gateway-backend.h"
#include "pdw-graph-client.h"
#include "pdw-waha-client.h"

G_DEFINE_INTERFACE (PdwGatewayBackend, pdw_gateway_backend, G_TYPE_OBJECT)

G_DEFINE_QUARK (pdw-gateway-backend-error-quark, pdw_gateway_backend_error)

typedef PdwGatewayBackend *(*BackendNew) (const PdwGatewayConfig *config);

/* The providers PANDAWA can talk to, by the gateway-backend setting's
 * value.  The first is the default. */
static const struct
{
  const char *name;
  BackendNew  new_for_config;
} backends[] = {
  { "graph", (BackendNew) pdw_graph_client_new },
  { "waha", (BackendNew) pdw_waha_client_new },
};

static void
pdw_gateway_backend_default_init (PdwGatewayBackendInterface *iface)
{
}

gboolean
pdw_gateway_backend_name_is_known (const char *name)
{
  if (name == NULL || name[0] == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (backends); i++)
    if (strcmp (backends[i].name, name) == 0)
      return TRUE;
  return FALSE;
}

PdwGatewayBackend *
pdw_gateway_backend_new_for_config (const PdwGatewayConfig  *config,
                                    GError                 **error)
{
  const char *name;

  g_return_val_if_fail (config != NULL, NULL);

  name = config->backend != NULL && config->backend[0] != '\0' ? config->backend : backends[0].name;
  for (guint i = 0; i < G_N_ELEMENTS (backends); i++)
    if (strcmp (backends[i].name, name) == 0)
      return backends[i].new_for_config (config);

  g_set_error (error, PDW_GATEWAY_BACKEND_ERROR, PDW_GATEWAY_BACKEND_ERROR_UNKNOWN,
               _("Unknown WhatsApp service “%s”"), name);
  return NULL;
}

const char *
pdw_gateway_backend_get_name (PdwGatewayBackend *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_BACKEND (self), NULL);

  return PDW_GATEWAY_BACKEND_GET_IFACE (self)->get_name (self);
}

const char *
pdw_gateway_backend_get_source (PdwGatewayBackend *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_BACKEND (self), NULL);

  return PDW_GATEWAY_BACKEND_GET_IFACE (self)->get_source (self);
}

void
pdw_gateway_backend_set_config (PdwGatewayBackend      *self,
                                const PdwGatewayConfig *config)
{
  g_return_if_fail (PDW_IS_GATEWAY_BACKEND (self));
  g_return_if_fail (config != NULL);

  PDW_GATEWAY_BACKEND_GET_IFACE (self)->set_config (self, config);
}

gboolean
pdw_gateway_backend_has_url (PdwGatewayBackend *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_BACKEND (self), FALSE);

  return PDW_GATEWAY_BACKEND_GET_IFACE (self)->has_url (self);
}

gboolean
pdw_gateway_backend_has_service_window (PdwGatewayBackend *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_BACKEND (self), TRUE);

  return PDW_GATEWAY_BACKEND_GET_IFACE (self)->has_service_window (self);
}

void
pdw_gateway_backend_send_async (PdwGatewayBackend   *self,
                                const char          *wa_id,
                                PdwMessage          *message,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (PDW_IS_GATEWAY_BACKEND (self));
  g_return_if_fail (PDW_IS_MESSAGE (message));

  PDW_GATEWAY_BACKEND_GET_IFACE (self)->send_async (self, wa_id, message, cancellable, callback, user_data);
}

char *
pdw_gateway_backend_send_finish (PdwGatewayBackend  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_BACKEND (self), NULL);

  return PDW_GATEWAY_BACKEND_GET_IFACE (self)->send_finish (self, result, error);
}

void
pdw_gateway_backend_fetch_media_async (PdwGatewayBackend   *self,
                                       PdwMessage          *message,
                                       const char          *dest_path,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (PDW_IS_GATEWAY_BACKEND (self));
  g_return_if_fail (PDW_IS_MESSAGE (message));
  g_return_if_fail (dest_path != NULL);

  PDW_GATEWAY_BACKEND_GET_IFACE (self)->fetch_media_async (self, message, dest_path, cancellable,
                                                           callback, user_data);
}

gboolean
pdw_gateway_backend_fetch_media_finish (PdwGatewayBackend  *self,
                                        GAsyncResult       *result,
                                        char              **mime_type,
                                        char              **sha256,
                                        gint64             *size,
                                        GError            **error)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_BACKEND (self), FALSE);

  return PDW_GATEWAY_BACKEND_GET_IFACE (self)->fetch_media_finish (self, result, mime_type, sha256, size, error);
}

void
pdw_gateway_backend_probe_async (PdwGatewayBackend   *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (PDW_IS_GATEWAY_BACKEND (self));

  PDW_GATEWAY_BACKEND_GET_IFACE (self)->probe_async (self, cancellable, callback, user_data);
}

PdwGatewaySession
pdw_gateway_backend_probe_finish (PdwGatewayBackend  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_BACKEND (self), PDW_GATEWAY_SESSION_UNKNOWN);

  return PDW_GATEWAY_BACKEND_GET_IFACE (self)->probe_finish (self, result, error);
}

gboolean
pdw_gateway_backend_verify_webhook (PdwGatewayBackend   *self,
                                    SoupMessageHeaders  *headers,
                                    GBytes              *body,
                                    gboolean             from_loopback,
                                    GError             **error)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_BACKEND (self), FALSE);
  g_return_val_if_fail (headers != NULL, FALSE);
  g_return_val_if_fail (body != NULL, FALSE);

  return PDW_GATEWAY_BACKEND_GET_IFACE (self)->verify_webhook (self, headers, body, from_loopback, error);
}

gboolean
pdw_gateway_backend_parse_webhook (PdwGatewayBackend  *self,
                                   GBytes             *body,
                                   GPtrArray         **messages,
                                   GPtrArray         **statuses,
                                   PdwGatewaySession  *session,
                                   GError            **error)
{
  PdwGatewaySession unused;

  g_return_val_if_fail (PDW_IS_GATEWAY_BACKEND (self), FALSE);
  g_return_val_if_fail (messages != NULL && statuses != NULL, FALSE);

  if (session == NULL)
    session = &unused;
  *session = PDW_GATEWAY_SESSION_UNKNOWN;
  return PDW_GATEWAY_BACKEND_GET_IFACE (self)->parse_webhook (self, body, messages, statuses, session, error);
}

PdwGatewaySession
pdw_gateway_session_from_string (const char *status)
{
  static const struct
  {
    const char        *name;
    PdwGatewaySession  session;
  } names[] = {
    { "WORKING", PDW_GATEWAY_SESSION_WORKING },
    { "STARTING", PDW_GATEWAY_SESSION_STARTING },
    { "SCAN_QR_CODE", PDW_GATEWAY_SESSION_SCAN_QR },
    { "STOPPED", PDW_GATEWAY_SESSION_STOPPED },
    { "FAILED", PDW_GATEWAY_SESSION_FAILED },
  };

  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (names); i++)
    if (strcmp (names[i].name, status) == 0)
      return names[i].session;
  return PDW_GATEWAY_SESSION_UNKNOWN;
}
