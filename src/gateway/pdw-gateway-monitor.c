/* pdw-gateway-monitor.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/pdw-send-error.h"
#include "store/pdw-store-media.h"
#include "pdw-gateway-monitor.h"

/* Failures older than this are history, not work. */
#define FAILED_DAYS 7
/* The newest this many photos and documents that did not arrive. */
#define MAX_FAILED_MEDIA 50
/* Another process's webhooks and failures show within this. */
#define REFRESH_SECONDS 5

struct _PdwGatewayMonitor
{
  GObject            parent_instance;

  PdwStore          *store;
  PdwGatewayService *service;
  GSignalGroup      *service_signals;
  GSignalGroup      *outbox_signals;
  GListStore        *failed;

  PdwGatewayReach    reach;
  /* The service's backend and its session, as last read. */
  char              *backend_name;
  PdwGatewaySession  session;
  gint64             last_webhook_at;
  guint              n_queued;
  guint              refresh_id;
  guint              timer_id;
};

G_DEFINE_FINAL_TYPE (PdwGatewayMonitor, pdw_gateway_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVICE,
  PROP_CONFIGURED,
  PROP_LISTENING,
  PROP_REACH,
  PROP_LAST_WEBHOOK_AT,
  PROP_LAST_ERROR,
  PROP_LAST_ERROR_CODE,
  PROP_N_QUEUED,
  PROP_N_FAILED,
  PROP_BACKEND_NAME,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify (PdwGatewayMonitor *self,
        guint              prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static gboolean
same_ids (GListModel *model,
          GPtrArray  *messages)
{
  guint n = g_list_model_get_n_items (model);

  if (n != messages->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (!PDW_IS_MESSAGE (item) ||
          pdw_message_get_id (PDW_MESSAGE (item)) != pdw_message_get_id (g_ptr_array_index (messages, i)))
        return FALSE;
    }
  return TRUE;
}

/* Citizens' photos and documents that did not arrive go in the same list,
 * after the replies: both are messages, told apart by their direction. */
static void
append_failed_media (PdwGatewayMonitor *self,
                     gint64             since,
                     GPtrArray         *failed)
{
  g_autoptr(GPtrArray) media = NULL;
  g_autoptr(GError) error = NULL;

  media = pdw_store_list_failed_media (self->store, since, MAX_FAILED_MEDIA, &error);
  if (media == NULL)
    {
      g_warning ("Cannot list the media that failed to download: %s", error->message);
      return;
    }

  for (guint i = 0; i < media->len; i++)
    g_ptr_array_add (failed, g_object_ref (g_ptr_array_index (media, i)));
}

void
pdw_gateway_monitor_refresh (PdwGatewayMonitor *self)
{
  g_autoptr(GPtrArray) failed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 since = g_get_real_time () / G_USEC_PER_SEC - FAILED_DAYS * 24 * 60 * 60;
  gint64 last_webhook;
  guint n_queued;

  g_return_if_fail (PDW_IS_GATEWAY_MONITOR (self));

  g_object_freeze_notify (G_OBJECT (self));

  last_webhook = pdw_store_get_last_webhook_time (self->store, NULL);
  if (last_webhook != self->last_webhook_at)
    {
      self->last_webhook_at = last_webhook;
      notify (self, PROP_LAST_WEBHOOK_AT);
    }

  n_queued = pdw_store_count_queued_outgoing (self->store, NULL);
  if (n_queued != self->n_queued)
    {
      self->n_queued = n_queued;
      notify (self, PROP_N_QUEUED);
    }

  failed = pdw_store_list_failed_outgoing (self->store, since, &error);
  if (failed == NULL)
    g_warning ("Cannot list the failed replies: %s", error->message);
  else
    append_failed_media (self, since, failed);

  if (failed != NULL && !same_ids (G_LIST_MODEL (self->failed), failed))
    {
      g_list_store_splice (self->failed, 0, g_list_model_get_n_items (G_LIST_MODEL (self->failed)),
                           failed->pdata, failed->len);
      notify (self, PROP_N_FAILED);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  PdwGatewayMonitor *self = user_data;

  self->refresh_id = 0;
  pdw_gateway_monitor_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (PdwGatewayMonitor *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static gboolean
timer_cb (gpointer user_data)
{
  pdw_gateway_monitor_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static void
set_reach (PdwGatewayMonitor *self,
           PdwGatewayReach    reach)
{
  if (self->reach == reach)
    return;
  self->reach = reach;
  notify (self, PROP_REACH);
}

static void
message_sent_cb (PdwGatewayMonitor *self,
                 gint64             message_id,
                 const char        *wamid,
                 PdwOutbox         *outbox)
{
  set_reach (self, PDW_GATEWAY_REACH_YES);
}

static void
message_failed_cb (PdwGatewayMonitor *self,
                   gint64             message_id,
                   gboolean           permanent,
                   const char        *text,
                   PdwOutbox         *outbox)
{
  int code = pdw_outbox_get_last_attempt_code (outbox);
  gboolean unreachable = code == PDW_SEND_ERROR_NETWORK || code == PDW_SEND_ERROR_SERVER ||
                         code == PDW_SEND_ERROR_BAD_RESPONSE;

  set_reach (self, unreachable ? PDW_GATEWAY_REACH_NO : PDW_GATEWAY_REACH_YES);
}

static void
set_session (PdwGatewayMonitor *self,
             const char        *backend_name,
             PdwGatewaySession  session)
{
  if (g_strcmp0 (self->backend_name, backend_name) != 0)
    {
      g_free (self->backend_name);
      self->backend_name = g_strdup (backend_name);
      notify (self, PROP_BACKEND_NAME);
    }
  if (self->session != session)
    {
      self->session = session;
      notify (self, PROP_SESSION);
    }
}

/* The backend may have been swapped by a reload, the session changed by a
 * probe or a webhook. */
static void
session_changed_cb (PdwGatewayMonitor *self)
{
  PdwGatewayBackend *backend = self->service != NULL ? pdw_gateway_service_get_backend (self->service) : NULL;

  set_session (self,
               backend != NULL ? pdw_gateway_backend_get_name (backend) : NULL,
               self->service != NULL ? pdw_gateway_service_get_session (self->service) : PDW_GATEWAY_SESSION_UNKNOWN);
}

static void
service_changed_cb (PdwGatewayMonitor *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  notify (self, PROP_LISTENING);
  notify (self, PROP_LAST_ERROR);
  notify (self, PROP_LAST_ERROR_CODE);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
pdw_gateway_monitor_dispose (GObject *object)
{
  PdwGatewayMonitor *self = PDW_GATEWAY_MONITOR (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->service_signals != NULL)
    g_signal_group_set_target (self->service_signals, NULL);
  if (self->outbox_signals != NULL)
    g_signal_group_set_target (self->outbox_signals, NULL);
  g_clear_object (&self->service_signals);
  g_clear_object (&self->outbox_signals);
  g_clear_object (&self->service);
  g_clear_object (&self->store);
  g_clear_object (&self->failed);

  G_OBJECT_CLASS (pdw_gateway_monitor_parent_class)->dispose (object);
}

static void
pdw_gateway_monitor_finalize (GObject *object)
{
  PdwGatewayMonitor *self = PDW_GATEWAY_MONITOR (object);

  g_free (self->backend_name);

  G_OBJECT_CLASS (pdw_gateway_monitor_parent_class)->finalize (object);
}

static void
pdw_gateway_monitor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PdwGatewayMonitor *self = PDW_GATEWAY_MONITOR (object);

  switch (prop_id)
    {
    case PROP_SERVICE:         g_value_set_object (value, self->service); break;
    case PROP_CONFIGURED:      g_value_set_boolean (value, pdw_gateway_monitor_get_configured (self)); break;
    case PROP_LISTENING:       g_value_set_boolean (value, pdw_gateway_monitor_get_listening (self)); break;
    case PROP_REACH:           g_value_set_int (value, self->reach); break;
    case PROP_LAST_WEBHOOK_AT: g_value_set_int64 (value, self->last_webhook_at); break;
    case PROP_LAST_ERROR:      g_value_set_string (value, pdw_gateway_monitor_get_last_error (self)); break;
    case PROP_LAST_ERROR_CODE: g_value_set_int (value, pdw_gateway_monitor_get_last_error_code (self)); break;
    case PROP_N_QUEUED:        g_value_set_uint (value, self->n_queued); break;
    case PROP_N_FAILED:        g_value_set_uint (value, pdw_gateway_monitor_get_n_failed (self)); break;
    case PROP_BACKEND_NAME:    g_value_set_string (value, self->backend_name); break;
    case PROP_SESSION:         g_value_set_int (value, self->session); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_gateway_monitor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PdwGatewayMonitor *self = PDW_GATEWAY_MONITOR (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      pdw_gateway_monitor_set_service (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_gateway_monitor_class_init (PdwGatewayMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pdw_gateway_monitor_dispose;
  object_class->finalize = pdw_gateway_monitor_finalize;
  object_class->get_property = pdw_gateway_monitor_get_property;
  object_class->set_property = pdw_gateway_monitor_set_property;

  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, PDW_TYPE_GATEWAY_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFIGURED] = g_param_spec_boolean ("configured", NULL, NULL, FALSE, ro);
  properties[PROP_LISTENING] = g_param_spec_boolean ("listening", NULL, NULL, FALSE, ro);
  properties[PROP_REACH] = g_param_spec_int ("reach", NULL, NULL, PDW_GATEWAY_REACH_UNKNOWN,
                                             PDW_GATEWAY_REACH_NO, PDW_GATEWAY_REACH_UNKNOWN, ro);
  properties[PROP_LAST_WEBHOOK_AT] = g_param_spec_int64 ("last-webhook-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL, ro);
  properties[PROP_LAST_ERROR_CODE] = g_param_spec_int ("last-error-code", NULL, NULL, G_MININT, G_MAXINT, 0, ro);
  properties[PROP_N_QUEUED] = g_param_spec_uint ("n-queued", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_FAILED] = g_param_spec_uint ("n-failed", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_BACKEND_NAME] = g_param_spec_string ("backend-name", NULL, NULL, NULL, ro);
  properties[PROP_SESSION] = g_param_spec_int ("session", NULL, NULL, PDW_GATEWAY_SESSION_UNKNOWN,
                                               PDW_GATEWAY_SESSION_FAILED, PDW_GATEWAY_SESSION_UNKNOWN, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* The preferences saved new secrets: configured may have changed. */
static void
config_changed_cb (PdwGatewayMonitor *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  notify (self, PROP_CONFIGURED);
  session_changed_cb (self);
  service_changed_cb (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
pdw_gateway_monitor_init (PdwGatewayMonitor *self)
{
  self->failed = g_list_store_new (G_TYPE_OBJECT);

  self->service_signals = g_signal_group_new (PDW_TYPE_GATEWAY_SERVICE);
  g_signal_group_connect_swapped (self->service_signals, "notify::listening",
                                  G_CALLBACK (service_changed_cb), self);
  g_signal_group_connect_swapped (self->service_signals, "notify::last-error",
                                  G_CALLBACK (service_changed_cb), self);
  g_signal_group_connect_swapped (self->service_signals, "webhook-received",
                                  G_CALLBACK (queue_refresh), self);
  g_signal_group_connect_swapped (self->service_signals, "config-changed",
                                  G_CALLBACK (config_changed_cb), self);
  g_signal_group_connect_swapped (self->service_signals, "notify::session",
                                  G_CALLBACK (session_changed_cb), self);

  self->outbox_signals = g_signal_group_new (PDW_TYPE_OUTBOX);
  g_signal_group_connect_swapped (self->outbox_signals, "message-sent",
                                  G_CALLBACK (message_sent_cb), self);
  g_signal_group_connect_swapped (self->outbox_signals, "message-failed",
                                  G_CALLBACK (message_failed_cb), self);
}

PdwGatewayMonitor *
pdw_gateway_monitor_new (PdwStore *store)
{
  PdwGatewayMonitor *self;

  g_return_val_if_fail (PDW_IS_STORE (store), NULL);

  self = g_object_new (PDW_TYPE_GATEWAY_MONITOR, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changes-settled", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  self->timer_id = g_timeout_add_seconds (REFRESH_SECONDS, timer_cb, self);
  pdw_gateway_monitor_refresh (self);

  return self;
}

void
pdw_gateway_monitor_set_service (PdwGatewayMonitor *self,
                                 PdwGatewayService *service)
{
  g_return_if_fail (PDW_IS_GATEWAY_MONITOR (self));
  g_return_if_fail (!service || PDW_IS_GATEWAY_SERVICE (service));

  if (!g_set_object (&self->service, service))
    return;

  g_signal_group_set_target (self->service_signals, service);
  g_signal_group_set_target (self->outbox_signals, service != NULL ? pdw_gateway_service_get_outbox (service) : NULL);

  g_object_freeze_notify (G_OBJECT (self));
  set_reach (self, PDW_GATEWAY_REACH_UNKNOWN);
  notify (self, PROP_SERVICE);
  notify (self, PROP_CONFIGURED);
  session_changed_cb (self);
  service_changed_cb (self);
  g_object_thaw_notify (G_OBJECT (self));
}

PdwGatewayService *
pdw_gateway_monitor_get_service (PdwGatewayMonitor *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_MONITOR (self), NULL);
  return self->service;
}

gboolean
pdw_gateway_monitor_get_configured (PdwGatewayMonitor *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_MONITOR (self), FALSE);
  return self->service != NULL && pdw_gateway_config_can_send (pdw_gateway_service_get_config (self->service));
}

gboolean
pdw_gateway_monitor_get_listening (PdwGatewayMonitor *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_MONITOR (self), FALSE);
  return self->service != NULL && pdw_gateway_service_get_listening (self->service);
}

PdwGatewayReach
pdw_gateway_monitor_get_reach (PdwGatewayMonitor *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_MONITOR (self), PDW_GATEWAY_REACH_UNKNOWN);
  return self->reach;
}

gint64
pdw_gateway_monitor_get_last_webhook_at (PdwGatewayMonitor *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_MONITOR (self), 0);
  return self->last_webhook_at;
}

const char *
pdw_gateway_monitor_get_last_error (PdwGatewayMonitor *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_MONITOR (self), NULL);
  return self->service != NULL ? pdw_gateway_service_get_last_error (self->service) : NULL;
}

int
pdw_gateway_monitor_get_last_error_code (PdwGatewayMonitor *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_MONITOR (self), 0);
  return self->service != NULL ? pdw_outbox_get_last_error_code (pdw_gateway_service_get_outbox (self->service)) : 0;
}

guint
pdw_gateway_monitor_get_n_queued (PdwGatewayMonitor *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_MONITOR (self), 0);
  return self->n_queued;
}

guint
pdw_gateway_monitor_get_n_failed (PdwGatewayMonitor *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_MONITOR (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->failed));
}

GListModel *
pdw_gateway_monitor_get_failed (PdwGatewayMonitor *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_MONITOR (self), NULL);
  return G_LIST_MODEL (self->failed);
}

const char *
pdw_gateway_monitor_get_backend_name (PdwGatewayMonitor *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_MONITOR (self), NULL);
  return self->backend_name;
}

PdwGatewaySession
pdw_gateway_monitor_get_session (PdwGatewayMonitor *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_MONITOR (self), PDW_GATEWAY_SESSION_UNKNOWN);
  return self->session;
}

gboolean
pdw_gateway_monitor_retry (PdwGatewayMonitor  *self,
                           GObject            *item,
                           GError            **error)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_MONITOR (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  if (PDW_IS_MESSAGE (item) && pdw_message_get_direction (PDW_MESSAGE (item)) == PDW_DIRECTION_IN)
    {
      gboolean retried = self->service != NULL
        ? pdw_gateway_service_retry_media (self->service, pdw_message_get_id (PDW_MESSAGE (item)), error)
        : pdw_store_retry_media (self->store, pdw_message_get_id (PDW_MESSAGE (item)),
                                 g_get_real_time () / G_USEC_PER_SEC, error);

      if (!retried)
        return FALSE;
      pdw_gateway_monitor_refresh (self);
      return TRUE;
    }

  if (PDW_IS_MESSAGE (item))
    {
      if (!pdw_store_retry_failed_outgoing (self->store, pdw_message_get_id (PDW_MESSAGE (item)), error))
        return FALSE;
      pdw_gateway_monitor_refresh (self);
      return TRUE;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Cannot retry a %s", G_OBJECT_TYPE_NAME (item));
  return FALSE;
}
