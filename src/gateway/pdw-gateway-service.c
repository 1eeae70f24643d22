/* pdw-gateway-service.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-gateway-service.h"
#include "pdw-graph-client.h"
#include "pdw-outbox.h"
#include "pdw-webhook-server.h"

struct _PdwGatewayService
{
  GObject           parent_instance;

  PdwStore         *store;
  PdwGatewayConfig *config;
  PdwWebhookServer *webhook;
  PdwGraphClient   *client;
  PdwOutbox        *outbox;
  char             *last_error;
};

G_DEFINE_FINAL_TYPE (PdwGatewayService, pdw_gateway_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONFIG,
  PROP_LISTENING,
  PROP_LAST_ERROR,
  N_PROPS
};

enum {
  WEBHOOK_RECEIVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_last_error (PdwGatewayService *self,
                const char        *text)
{
  if (g_strcmp0 (self->last_error, text) == 0)
    return;

  g_free (self->last_error);
  self->last_error = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
outbox_notify_last_error_cb (PdwGatewayService *self,
                             GParamSpec        *pspec,
                             PdwOutbox         *outbox)
{
  set_last_error (self, pdw_outbox_get_last_error (outbox));
}

static void
webhook_received_cb (PdwGatewayService *self,
                     guint              new_messages,
                     guint              statuses,
                     PdwWebhookServer  *webhook)
{
  g_signal_emit (self, signals[WEBHOOK_RECEIVED], 0, new_messages, statuses);
}

static void
ingest_failed_cb (PdwGatewayService *self,
                  const char        *message,
                  PdwWebhookServer  *webhook)
{
  g_autofree char *text = g_strdup_printf (_("Incoming messages could not be saved: %s"), message);

  set_last_error (self, text);
}

static void
pdw_gateway_service_constructed (GObject *object)
{
  PdwGatewayService *self = (PdwGatewayService *)object;

  G_OBJECT_CLASS (pdw_gateway_service_parent_class)->constructed (object);

  g_assert (PDW_IS_STORE (self->store));

  if (self->config == NULL)
    self->config = pdw_gateway_config_new ();

  self->client = pdw_graph_client_new (self->config);
  self->outbox = pdw_outbox_new (self->store, self->client);
  g_signal_connect_object (self->outbox, "notify::last-error",
                           G_CALLBACK (outbox_notify_last_error_cb), self, G_CONNECT_SWAPPED);
}

static void
pdw_gateway_service_dispose (GObject *object)
{
  PdwGatewayService *self = (PdwGatewayService *)object;

  if (self->outbox != NULL)
    pdw_outbox_stop (self->outbox);
  if (self->webhook != NULL)
    pdw_webhook_server_stop (self->webhook);
  g_clear_object (&self->outbox);
  g_clear_object (&self->webhook);
  g_clear_object (&self->client);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pdw_gateway_service_parent_class)->dispose (object);
}

static void
pdw_gateway_service_finalize (GObject *object)
{
  PdwGatewayService *self = (PdwGatewayService *)object;

  g_clear_pointer (&self->config, pdw_gateway_config_free);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (pdw_gateway_service_parent_class)->finalize (object);
}

static void
pdw_gateway_service_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PdwGatewayService *self = PDW_GATEWAY_SERVICE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LISTENING:
      g_value_set_boolean (value, pdw_gateway_service_get_listening (self));
      break;

    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_gateway_service_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PdwGatewayService *self = PDW_GATEWAY_SERVICE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CONFIG:
      if (g_value_get_pointer (value) != NULL)
        self->config = pdw_gateway_config_copy (g_value_get_pointer (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_gateway_service_class_init (PdwGatewayServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pdw_gateway_service_constructed;
  object_class->dispose = pdw_gateway_service_dispose;
  object_class->finalize = pdw_gateway_service_finalize;
  object_class->get_property = pdw_gateway_service_get_property;
  object_class->set_property = pdw_gateway_service_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PDW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Write-only: the config holds secrets, which g_object_get() must not
   * hand out. */
  properties[PROP_CONFIG] =
    g_param_spec_pointer ("config", NULL, NULL,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LISTENING] =
    g_param_spec_boolean ("listening", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[WEBHOOK_RECEIVED] =
    g_signal_new ("webhook-received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
pdw_gateway_service_init (PdwGatewayService *self)
{
}

PdwGatewayService *
pdw_gateway_service_new (PdwStore               *store,
                         const PdwGatewayConfig *config)
{
  g_return_val_if_fail (PDW_IS_STORE (store), NULL);
  g_return_val_if_fail (config != NULL, NULL);

  return g_object_new (PDW_TYPE_GATEWAY_SERVICE,
                       "store", store,
                       "config", config,
                       NULL);
}

gboolean
pdw_gateway_service_start (PdwGatewayService  *self,
                           GError            **error)
{
  g_autoptr(PdwWebhookServer) webhook = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), FALSE);

  if (self->webhook != NULL)
    return TRUE;

  webhook = pdw_webhook_server_new (self->store, self->config->verify_token, self->config->app_secret);
  if (!pdw_webhook_server_listen (webhook, self->config->listen_address, self->config->listen_port, &local_error))
    {
      g_autofree char *text = g_strdup_printf (_("The webhook receiver cannot listen: %s"), local_error->message);

      set_last_error (self, text);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_signal_connect_object (webhook, "webhook-received",
                           G_CALLBACK (webhook_received_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (webhook, "ingest-failed",
                           G_CALLBACK (ingest_failed_cb), self, G_CONNECT_SWAPPED);
  self->webhook = g_steal_pointer (&webhook);
  set_last_error (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LISTENING]);

  pdw_outbox_start (self->outbox);

  return TRUE;
}

void
pdw_gateway_service_stop (PdwGatewayService *self)
{
  g_return_if_fail (PDW_IS_GATEWAY_SERVICE (self));

  pdw_outbox_stop (self->outbox);
  if (self->webhook == NULL)
    return;

  pdw_webhook_server_stop (self->webhook);
  g_clear_object (&self->webhook);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LISTENING]);
}

guint
pdw_gateway_service_get_port (PdwGatewayService *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), 0);

  return self->webhook != NULL ? pdw_webhook_server_get_port (self->webhook) : 0;
}

char *
pdw_gateway_service_dup_webhook_url (PdwGatewayService *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), NULL);

  return self->webhook != NULL ? pdw_webhook_server_dup_url (self->webhook) : NULL;
}

const char *
pdw_gateway_service_get_last_error (PdwGatewayService *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), NULL);

  return self->last_error;
}

gboolean
pdw_gateway_service_get_listening (PdwGatewayService *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), FALSE);

  return self->webhook != NULL && pdw_webhook_server_get_listening (self->webhook);
}

void
pdw_gateway_service_set_graph_url (PdwGatewayService *self,
                                   const char        *graph_url)
{
  g_return_if_fail (PDW_IS_GATEWAY_SERVICE (self));

  g_free (self->config->graph_url);
  self->config->graph_url = g_strdup (graph_url);
  pdw_graph_client_set_graph_url (self->client, graph_url);
  pdw_outbox_pump (self->outbox);
}

gint64
pdw_gateway_service_send_text (PdwGatewayService  *self,
                               gint64              conversation_id,
                               const char         *text,
                               const char         *officer_name,
                               GError            **error)
{
  gint64 message_id;

  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  /* Stored before any network I/O: a reply is never lost to a crash or an
   * unreachable gateway. */
  message_id = pdw_store_queue_outgoing_text (self->store, conversation_id, text, officer_name, error);
  if (message_id <= 0)
    return 0;

  pdw_outbox_pump (self->outbox);
  return message_id;
}

PdwOutbox *
pdw_gateway_service_get_outbox (PdwGatewayService *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), NULL);

  return self->outbox;
}

const PdwGatewayConfig *
pdw_gateway_service_get_config (PdwGatewayService *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), NULL);

  return self->config;
}
