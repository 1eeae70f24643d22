/* pdw-graph-client-backend.c: Meta's Cloud API as a PdwGatewayBackend.
 *
 * The wire formats stay where they were (pdw-graph-client.c for sends,
 * pdw-graph-client-media.c for media, pdw-webhook-parser.c and
 * pdw-signature.c for webhooks); this file maps the interface onto them.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>

#include "core/pdw-events.h"
#include "pdw-graph-client.h"
#include "pdw-graph-client-private.h"
#include "pdw-signature.h"
#include "pdw-webhook-parser.h"

static const char *
graph_get_name (PdwGatewayBackend *backend)
{
  return "graph";
}

static const char *
graph_get_source (PdwGatewayBackend *backend)
{
  return "cloud-api";
}

static void
graph_set_config (PdwGatewayBackend      *backend,
                  const PdwGatewayConfig *config)
{
  pdw_graph_client_set_config (PDW_GRAPH_CLIENT (backend), config);
}

static gboolean
graph_has_url (PdwGatewayBackend *backend)
{
  return pdw_graph_client_get_graph_url (PDW_GRAPH_CLIENT (backend)) != NULL;
}

static gboolean
graph_has_service_window (PdwGatewayBackend *backend)
{
  return TRUE;
}

static void
graph_send_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  /* The three sends resolve alike (pdw_graph_client_send_text_finish()). */
  char *wamid = g_task_propagate_pointer (G_TASK (result), &error);

  if (wamid == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, wamid, g_free);
}

/* Outside the 24-hour window only an approved template gets through; an
 * officer's image or document is uploaded, then sent by its media id. */
static void
graph_send_async (PdwGatewayBackend   *backend,
                  const char          *wa_id,
                  PdwMessage          *message,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  PdwGraphClient *self = PDW_GRAPH_CLIENT (backend);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, graph_send_async);

  if (g_strcmp0 (pdw_message_get_message_type (message), "template") == 0)
    pdw_graph_client_send_template_async (self, wa_id,
                                          pdw_message_get_template_name (message),
                                          pdw_message_get_template_language (message),
                                          pdw_message_get_template_params (message),
                                          cancellable, graph_send_cb, task);
  else if (pdw_message_get_media_path (message) != NULL)
    pdw_graph_client_send_attachment_async (self, wa_id,
                                            pdw_message_get_message_type (message),
                                            pdw_message_get_media_path (message),
                                            pdw_message_get_media_mime_type (message),
                                            pdw_message_get_media_filename (message),
                                            pdw_message_get_text (message),
                                            cancellable, graph_send_cb, task);
  else
    pdw_graph_client_send_text_async (self, wa_id, pdw_message_get_text (message) ?: "",
                                      cancellable, graph_send_cb, task);
}

static char *
graph_send_finish (PdwGatewayBackend  *backend,
                   GAsyncResult       *result,
                   GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, backend), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
graph_fetch_media_async (PdwGatewayBackend   *backend,
                         PdwMessage          *message,
                         const char          *dest_path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  pdw_graph_client_fetch_media_async (PDW_GRAPH_CLIENT (backend), pdw_message_get_media_id (message),
                                      dest_path, cancellable, callback, user_data);
}

static gboolean
graph_fetch_media_finish (PdwGatewayBackend  *backend,
                          GAsyncResult       *result,
                          char              **mime_type,
                          char              **sha256,
                          gint64             *size,
                          GError            **error)
{
  return pdw_graph_client_fetch_media_finish (PDW_GRAPH_CLIENT (backend), result, mime_type, sha256, size, error);
}

static void
graph_probe_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *message = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (bytes == NULL ||
      !_pdw_graph_client_check_answer (soup_message_get_status (message), bytes, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, PDW_GATEWAY_SESSION_WORKING);
}

/* GET /{version}/{phone-number-id}: answers 200 only when the number id,
 * the token and the URL are all right. */
static void
graph_probe_async (PdwGatewayBackend   *backend,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  PdwGraphClient *self = PDW_GRAPH_CLIENT (backend);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  const char *number = _pdw_graph_client_get_phone_number_id (self);
  g_autofree char *path = NULL;
  SoupMessage *message = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, graph_probe_async);
  if (number == NULL || number[0] == '\0')
    {
      g_task_return_new_error (task, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_NOT_CONFIGURED,
                               "No phone number id");
      return;
    }

  path = g_uri_escape_string (number, NULL, FALSE);
  if ((message = _pdw_graph_client_new_request (self, SOUP_METHOD_GET, path, NULL, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, message, g_object_unref);
  soup_session_send_and_read_async (_pdw_graph_client_get_session (self), message, G_PRIORITY_DEFAULT,
                                    cancellable, graph_probe_cb, g_object_ref (task));
}

static PdwGatewaySession
graph_probe_finish (PdwGatewayBackend  *backend,
                    GAsyncResult       *result,
                    GError            **error)
{
  GError *local_error = NULL;
  gssize session;

  g_return_val_if_fail (g_task_is_valid (result, backend), PDW_GATEWAY_SESSION_UNKNOWN);

  session = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return PDW_GATEWAY_SESSION_UNKNOWN;
    }
  return (PdwGatewaySession) session;
}

/* The MAC covers the bytes as received, so it is checked before parsing. */
static gboolean
graph_verify_webhook (PdwGatewayBackend   *backend,
                      SoupMessageHeaders  *headers,
                      GBytes              *body,
                      gboolean             from_loopback,
                      GError             **error)
{
  const char *signature = soup_message_headers_get_one (headers, PDW_SIGNATURE_HEADER);

  if (pdw_signature_verify (body, _pdw_graph_client_get_app_secret (PDW_GRAPH_CLIENT (backend)), signature))
    return TRUE;

  g_set_error (error, PDW_GATEWAY_BACKEND_ERROR,
               signature == NULL ? PDW_GATEWAY_BACKEND_ERROR_UNSIGNED : PDW_GATEWAY_BACKEND_ERROR_BAD_SIGNATURE,
               "%s signature", signature == NULL ? "missing" : "wrong");
  return FALSE;
}

static gboolean
graph_parse_webhook (PdwGatewayBackend  *backend,
                     GBytes             *body,
                     GPtrArray         **messages,
                     GPtrArray         **statuses,
                     PdwGatewaySession  *session,
                     GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  if (pdw_webhook_parse (body, messages, statuses, &local_error))
    return TRUE;

  if (!g_error_matches (local_error, PDW_WEBHOOK_ERROR, PDW_WEBHOOK_ERROR_NOT_WHATSAPP))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Signed by Meta but for another product: kept as a raw body for the
   * audit trail and acknowledged, or Meta retries it for a week. */
  g_message ("Webhook for another object stored without items");
  *messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  *statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_status_update_free);
  return TRUE;
}

void
_pdw_graph_client_backend_init (PdwGatewayBackendInterface *iface)
{
  iface->get_name = graph_get_name;
  iface->get_source = graph_get_source;
  iface->set_config = graph_set_config;
  iface->has_url = graph_has_url;
  iface->has_service_window = graph_has_service_window;
  iface->send_async = graph_send_async;
  iface->send_finish = graph_send_finish;
  iface->fetch_media_async = graph_fetch_media_async;
  iface->fetch_media_finish = graph_fetch_media_finish;
  iface->probe_async = graph_probe_async;
  iface->probe_finish = graph_probe_finish;
  iface->verify_webhook = graph_verify_webhook;
  iface->parse_webhook = graph_parse_webhook;
}
