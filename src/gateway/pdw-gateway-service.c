/* pdw-gateway-service.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-desk-settings.h"
#include "core/pdw-reply-rules.h"
#include "core/pdw-survey.h"
#include "core/pdw-template.h"
#include "pdw-gateway-service.h"
#include "pdw-gateway-backend.h"
#include "pdw-outbox.h"
#include "store/pdw-store-media.h"
#include "pdw-webhook-server.h"

struct _PdwGatewayService
{
  GObject           parent_instance;

  PdwStore         *store;
  PdwGatewayConfig *config;
  PdwWebhookServer *webhook;
  PdwGatewayBackend *backend;
  PdwGatewaySession session;
  GCancellable     *probe_cancellable;
  PdwOutbox        *outbox;
  PdwMediaFetcher  *fetcher;
  char             *last_error;

  PdwApprovedTemplate *approved;
  PdwServiceCalendar  *calendar;
  /* Inbound message ids waiting for the auto-reply check, which runs from
   * an idle so that it never writes to the store inside the store's own
   * change signal, nor delays the webhook's acknowledgement. */
  GArray           *auto_reply_pending;
  guint             auto_reply_idle_id;
  guint             auto_reply_enabled : 1;
};

/* Older messages are backfill (imports, Meta's retries after an outage):
 * answering them "we are closed" hours later would only confuse. */
#define AUTO_REPLY_MAX_AGE_SECONDS (60 * 60)

G_DEFINE_FINAL_TYPE (PdwGatewayService, pdw_gateway_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONFIG,
  PROP_LISTENING,
  PROP_LAST_ERROR,
  PROP_AUTO_REPLY_ENABLED,
  PROP_SESSION,
  N_PROPS
};

enum {
  WEBHOOK_RECEIVED,
  AUTO_REPLY_QUEUED,
  CONFIG_CHANGED,
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

/* ---- Reading who the citizen is ------------------------------------------- */

/* The conversation with @conversation_id and its complaint (NULL before
 * registration). */
static gboolean
load_addressee (PdwGatewayService  *self,
                gint64              conversation_id,
                PdwConversation   **conversation,
                PdwComplaint      **complaint,
                GError            **error)
{
  g_autoptr(PdwConversation) found = NULL;
  g_autoptr(GError) local_error = NULL;

  found = pdw_store_dup_conversation (self->store, conversation_id, error);
  if (found == NULL)
    return FALSE;

  *complaint = pdw_store_dup_conversation_complaint (self->store, conversation_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *conversation = g_steal_pointer (&found);
  return TRUE;
}

/* ---- The out-of-hours automatic reply -------------------------------------- */

static PdwServiceCalendar *
ensure_calendar (PdwGatewayService *self)
{
  if (self->calendar == NULL)
    {
      self->calendar = pdw_service_calendar_new ();
      pdw_service_calendar_load_default_holidays (self->calendar);
    }

  return self->calendar;
}

static char *
render_auto_reply (PdwGatewayService  *self,
                   gint64              conversation_id,
                   gint64              opening,
                   GError            **error)
{
  g_autoptr(PdwReplyTemplate) reply_template = NULL;
  g_autoptr(PdwConversation) conversation = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;

  reply_template = pdw_store_dup_reply_template (self->store, PDW_TEMPLATE_OUT_OF_HOURS, error);
  if (reply_template == NULL)
    return NULL;
  if (!load_addressee (self, conversation_id, &conversation, &complaint, error))
    return NULL;

  /* No officer signs an automatic reply. */
  return pdw_template_render_for_conversation (pdw_reply_template_get_body (reply_template),
                                               conversation, complaint, NULL, opening, NULL);
}

/* A citizen's rating of the service (the store recorded it as the answer
 * to the survey) is an answer, not a question for the desk. */
static gboolean
is_survey_rating (PdwGatewayService *self,
                  PdwMessage        *message)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = pdw_message_get_text (message);

  if (pdw_survey_parse_rating (text) == 0)
    return FALSE;

  complaint = pdw_store_dup_conversation_complaint (self->store, pdw_message_get_conversation_id (message), &error);
  if (error != NULL)
    g_warning ("Auto-reply: cannot read the complaint: %s", error->message);
  return pdw_survey_is_rating_reply (complaint, text, pdw_message_get_timestamp (message));
}

static void
maybe_send_auto_reply (PdwGatewayService *self,
                       gint64             message_id,
                       gint64             now)
{
  g_autoptr(PdwMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PdwServiceCalendar *calendar = ensure_calendar (self);
  gint64 conversation_id;
  gint64 message_time;
  gint64 last_reply;
  gint64 opening;
  gint64 reply_id;

  message = pdw_store_dup_message (self->store, message_id, &error);
  if (message == NULL)
    {
      g_warning ("Auto-reply: cannot read message %" G_GINT64_FORMAT ": %s", message_id, error->message);
      return;
    }

  message_time = pdw_message_get_timestamp (message);
  if (pdw_message_get_direction (message) != PDW_DIRECTION_IN ||
      now - message_time > AUTO_REPLY_MAX_AGE_SECONDS)
    return;

  conversation_id = pdw_message_get_conversation_id (message);
  last_reply = pdw_store_get_last_auto_reply_time (self->store, conversation_id, &error);
  if (error != NULL)
    {
      g_warning ("Auto-reply: cannot read the last automatic reply: %s", error->message);
      return;
    }

  /* The store says 0 for never; the rule says -1. */
  if (!pdw_auto_reply_should_send (calendar, message_time, last_reply > 0 ? last_reply : -1) ||
      is_survey_rating (self, message))
    return;

  opening = pdw_service_calendar_next_opening (calendar, message_time);
  if (opening < 0)
    {
      g_message ("Auto-reply: the service calendar never opens; no automatic reply");
      return;
    }

  text = render_auto_reply (self, conversation_id, opening, &error);
  if (text != NULL)
    reply_id = pdw_store_queue_auto_reply (self->store, conversation_id, text, &error);
  else
    reply_id = 0;
  if (reply_id <= 0)
    {
      g_warning ("Auto-reply: not queued for conversation %" G_GINT64_FORMAT ": %s",
                 conversation_id, error != NULL ? error->message : "unknown error");
      return;
    }

  g_message ("Auto-reply: queued message %" G_GINT64_FORMAT " (service closed)", reply_id);
  g_signal_emit (self, signals[AUTO_REPLY_QUEUED], 0, conversation_id, reply_id);
  pdw_outbox_pump (self->outbox);
}

static gboolean
auto_reply_idle_cb (gpointer user_data)
{
  PdwGatewayService *self = user_data;
  g_autoptr(GArray) pending = self->auto_reply_pending;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  self->auto_reply_idle_id = 0;
  self->auto_reply_pending = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* In arrival order: the first message of a conversation is the one
   * answered, the rest of the day's messages find the reply recorded. */
  for (guint i = 0; i < pending->len && self->auto_reply_enabled; i++)
    maybe_send_auto_reply (self, g_array_index (pending, gint64, i), now);

  return G_SOURCE_REMOVE;
}

static void
store_message_changed_cb (PdwGatewayService *self,
                          gint64             conversation_id,
                          gint64             message_id,
                          PdwStore          *store)
{
  if (!self->auto_reply_enabled)
    return;

  for (guint i = 0; i < self->auto_reply_pending->len; i++)
    if (g_array_index (self->auto_reply_pending, gint64, i) == message_id)
      return;

  g_array_append_val (self->auto_reply_pending, message_id);
  if (self->auto_reply_idle_id == 0)
    self->auto_reply_idle_id = g_idle_add (auto_reply_idle_cb, self);
}

/* The setting has its choices and serve checks its option: an unknown
 * name here is a configuration from a newer PANDAWA. */
static PdwGatewayBackend *
new_backend (PdwGatewayConfig *config)
{
  g_autoptr(GError) error = NULL;
  PdwGatewayBackend *backend = pdw_gateway_backend_new_for_config (config, &error);

  if (backend == NULL)
    {
      g_warning ("%s: using the WhatsApp Cloud API", error->message);
      g_free (config->backend);
      config->backend = g_strdup ("graph");
      backend = pdw_gateway_backend_new_for_config (config, NULL);
    }
  return backend;
}

static void
set_session (PdwGatewayService *self,
             PdwGatewaySession  session)
{
  if (self->session == session)
    return;
  self->session = session;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
webhook_session_changed_cb (PdwGatewayService *self,
                            int                session)
{
  set_session (self, (PdwGatewaySession) session);
}

static void
probe_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PdwGatewayService) self = user_data;
  g_autoptr(GError) error = NULL;
  PdwGatewaySession session;

  session = pdw_gateway_backend_probe_finish (PDW_GATEWAY_BACKEND (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Only the provider's own answer says what its session is; a failed
   * probe is the monitor's "unreachable", from the outbox's attempts. */
  if (error != NULL)
    g_debug ("Gateway probe: %s", error->message);
  else if (object == (GObject *) self->backend)
    set_session (self, session);
}

/* A provider with a session (WAHA) is asked its state at the start and
 * after each change of configuration; then its webhooks keep it current. */
static void
probe_session (PdwGatewayService *self)
{
  g_cancellable_cancel (self->probe_cancellable);
  g_clear_object (&self->probe_cancellable);
  set_session (self, PDW_GATEWAY_SESSION_UNKNOWN);
  if (!pdw_gateway_config_is_waha (self->config) || !pdw_gateway_backend_has_url (self->backend))
    return;

  self->probe_cancellable = g_cancellable_new ();
  pdw_gateway_backend_probe_async (self->backend, self->probe_cancellable, probe_done_cb, g_object_ref (self));
}

static void
pdw_gateway_service_constructed (GObject *object)
{
  PdwGatewayService *self = (PdwGatewayService *)object;

  G_OBJECT_CLASS (pdw_gateway_service_parent_class)->constructed (object);

  g_assert (PDW_IS_STORE (self->store));

  if (self->config == NULL)
    self->config = pdw_gateway_config_new ();

  self->backend = new_backend (self->config);
  self->outbox = pdw_outbox_new (self->store, self->backend);
  self->fetcher = pdw_media_fetcher_new (self->store, self->backend, NULL);
  g_signal_connect_object (self->outbox, "notify::last-error",
                           G_CALLBACK (outbox_notify_last_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "message-changed",
                           G_CALLBACK (store_message_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
pdw_gateway_service_dispose (GObject *object)
{
  PdwGatewayService *self = (PdwGatewayService *)object;

  if (self->outbox != NULL)
    pdw_outbox_stop (self->outbox);
  if (self->fetcher != NULL)
    pdw_media_fetcher_stop (self->fetcher);
  g_clear_object (&self->fetcher);
  if (self->webhook != NULL)
    pdw_webhook_server_stop (self->webhook);
  g_clear_object (&self->outbox);
  g_clear_object (&self->webhook);
  g_clear_handle_id (&self->auto_reply_idle_id, g_source_remove);
  g_cancellable_cancel (self->probe_cancellable);
  g_clear_object (&self->probe_cancellable);
  g_clear_object (&self->backend);
  g_clear_object (&self->store);
  g_clear_object (&self->approved);
  g_clear_object (&self->calendar);

  G_OBJECT_CLASS (pdw_gateway_service_parent_class)->dispose (object);
}

static void
pdw_gateway_service_finalize (GObject *object)
{
  PdwGatewayService *self = (PdwGatewayService *)object;

  g_clear_pointer (&self->config, pdw_gateway_config_free);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->auto_reply_pending, g_array_unref);

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

    case PROP_AUTO_REPLY_ENABLED:
      g_value_set_boolean (value, self->auto_reply_enabled);
      break;

    case PROP_SESSION:
      g_value_set_int (value, self->session);
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

    case PROP_AUTO_REPLY_ENABLED:
      pdw_gateway_service_set_auto_reply_enabled (self, g_value_get_boolean (value));
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
  /* Read-write so that the window can bind it to auto-reply-enabled. */
  properties[PROP_AUTO_REPLY_ENABLED] =
    g_param_spec_boolean ("auto-reply-enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A PdwGatewaySession: the linked account's state, for providers that
   * have one (WAHA); UNKNOWN otherwise. */
  properties[PROP_SESSION] =
    g_param_spec_int ("session", NULL, NULL, PDW_GATEWAY_SESSION_UNKNOWN, PDW_GATEWAY_SESSION_FAILED,
                      PDW_GATEWAY_SESSION_UNKNOWN,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[WEBHOOK_RECEIVED] =
    g_signal_new ("webhook-received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[AUTO_REPLY_QUEUED] =
    g_signal_new ("auto-reply-queued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[CONFIG_CHANGED] =
    g_signal_new ("config-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pdw_gateway_service_init (PdwGatewayService *self)
{
  self->auto_reply_pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->approved = pdw_approved_template_new (NULL, NULL, NULL);
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

static void
stop_receiver (PdwGatewayService *self)
{
  if (self->webhook == NULL)
    return;

  pdw_webhook_server_stop (self->webhook);
  g_clear_object (&self->webhook);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LISTENING]);
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

  webhook = pdw_webhook_server_new (self->store, self->backend, self->config->verify_token);
  pdw_webhook_server_set_limits (webhook, self->config->header_timeout, self->config->idle_timeout,
                                 self->config->max_connections);
  pdw_webhook_server_set_retention_days (webhook, self->config->retention_days);
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
  g_signal_connect_object (webhook, "session-changed",
                           G_CALLBACK (webhook_session_changed_cb), self, G_CONNECT_SWAPPED);
  self->webhook = g_steal_pointer (&webhook);
  set_last_error (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LISTENING]);

  pdw_outbox_start (self->outbox);
  pdw_media_fetcher_start (self->fetcher);
  probe_session (self);

  return TRUE;
}

void
pdw_gateway_service_stop (PdwGatewayService *self)
{
  g_return_if_fail (PDW_IS_GATEWAY_SERVICE (self));

  pdw_outbox_stop (self->outbox);
  pdw_media_fetcher_stop (self->fetcher);
  stop_receiver (self);
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

/* The demo points the current provider at its simulator. */
void
pdw_gateway_service_set_api_url (PdwGatewayService *self,
                                 const char        *url)
{
  char **field;

  g_return_if_fail (PDW_IS_GATEWAY_SERVICE (self));

  field = pdw_gateway_config_is_waha (self->config) ? &self->config->waha_url : &self->config->graph_url;
  g_free (*field);
  *field = g_strdup (url);
  pdw_gateway_backend_set_config (self->backend, self->config);
  pdw_outbox_pump (self->outbox);
  pdw_media_fetcher_pump (self->fetcher);
  if (self->webhook != NULL)
    probe_session (self);
}

PdwGatewayBackend *
pdw_gateway_service_get_backend (PdwGatewayService *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), NULL);

  return self->backend;
}

PdwGatewaySession
pdw_gateway_service_get_session (PdwGatewayService *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), PDW_GATEWAY_SESSION_UNKNOWN);

  return self->session;
}

gboolean
pdw_gateway_service_reload_config (PdwGatewayService       *self,
                                   const PdwGatewayConfig  *config,
                                   GError                 **error)
{
  gboolean restart;
  gboolean backend_changed;

  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), FALSE);
  g_return_val_if_fail (config != NULL, FALSE);

  restart = self->webhook != NULL &&
            (g_strcmp0 (config->listen_address, self->config->listen_address) != 0 ||
             config->listen_port != self->config->listen_port);

  backend_changed = g_strcmp0 (config->backend, self->config->backend) != 0;
  pdw_gateway_config_free (self->config);
  self->config = pdw_gateway_config_copy (config);
  if (backend_changed)
    {
      /* Replies and downloads already under way finish with the old one. */
      g_clear_object (&self->backend);
      self->backend = new_backend (self->config);
      pdw_outbox_set_backend (self->outbox, self->backend);
      pdw_media_fetcher_set_backend (self->fetcher, self->backend);
    }
  else
    pdw_gateway_backend_set_config (self->backend, self->config);
  if (self->webhook != NULL)
    {
      pdw_webhook_server_set_backend (self->webhook, self->backend);
      pdw_webhook_server_set_verify_token (self->webhook, self->config->verify_token);
      pdw_webhook_server_set_retention_days (self->webhook, self->config->retention_days);
    }

  /* Only the receiver moves: replies in flight keep their claims (given
   * back, they could be sent a second time). */
  if (restart)
    {
      stop_receiver (self);
      if (!pdw_gateway_service_start (self, error))
        return FALSE;
    }

  /* The banner and the monitor look at the configuration again. */
  g_signal_emit (self, signals[CONFIG_CHANGED], 0);
  if (self->webhook != NULL)
    probe_session (self);
  pdw_outbox_pump (self->outbox);
  pdw_media_fetcher_pump (self->fetcher);
  return TRUE;
}

static void
reload_fill_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PdwGatewayService *self = g_task_get_source_object (task);
  g_autoptr(PdwGatewayConfig) config = NULL;
  GError *error = NULL;

  config = pdw_secret_store_fill_config_finish (PDW_SECRET_STORE (source), result, &error);
  if (config == NULL || !pdw_gateway_service_reload_config (self, config, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
pdw_gateway_service_reload_async (PdwGatewayService   *self,
                                  GSettings           *settings,
                                  PdwSecretStore      *store,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(PdwGatewayConfig) config = NULL;

  g_return_if_fail (PDW_IS_GATEWAY_SERVICE (self));
  g_return_if_fail (!settings || G_IS_SETTINGS (settings));
  g_return_if_fail (PDW_IS_SECRET_STORE (store));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_gateway_service_reload_async);
  config = pdw_gateway_config_copy (self->config);
  if (settings != NULL)
    pdw_gateway_config_load_settings (config, settings);
  pdw_secret_store_fill_config_async (store, config, cancellable, reload_fill_cb, g_steal_pointer (&task));
}

gboolean
pdw_gateway_service_reload_finish (PdwGatewayService  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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

gint64
pdw_gateway_service_send_template (PdwGatewayService  *self,
                                   gint64              conversation_id,
                                   const char         *officer_name,
                                   GError            **error)
{
  g_autoptr(PdwConversation) conversation = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_auto(GStrv) params = NULL;
  g_autofree char *display_text = NULL;
  gint64 message_id;

  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), 0);

  if (!load_addressee (self, conversation_id, &conversation, &complaint, error))
    return 0;

  params = pdw_approved_template_build_params (complaint != NULL ? pdw_complaint_get_citizen_name (complaint) : NULL,
                                               pdw_conversation_get_profile_name (conversation),
                                               complaint != NULL ? pdw_complaint_get_ticket (complaint) : NULL);
  display_text = pdw_approved_template_render (self->approved, (const char * const *) params);

  message_id = pdw_store_queue_outgoing_template (self->store, conversation_id,
                                                  pdw_approved_template_get_name (self->approved),
                                                  pdw_approved_template_get_language (self->approved),
                                                  (const char * const *) params,
                                                  display_text, officer_name, error);
  if (message_id <= 0)
    return 0;

  pdw_outbox_pump (self->outbox);
  return message_id;
}

void
pdw_gateway_service_set_approved_template (PdwGatewayService   *self,
                                           PdwApprovedTemplate *approved)
{
  g_return_if_fail (PDW_IS_GATEWAY_SERVICE (self));
  g_return_if_fail (PDW_IS_APPROVED_TEMPLATE (approved));

  g_set_object (&self->approved, approved);
}

PdwApprovedTemplate *
pdw_gateway_service_get_approved_template (PdwGatewayService *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), NULL);

  return self->approved;
}

void
pdw_gateway_service_set_calendar (PdwGatewayService  *self,
                                  PdwServiceCalendar *calendar)
{
  g_return_if_fail (PDW_IS_GATEWAY_SERVICE (self));
  g_return_if_fail (calendar == NULL || PDW_IS_SERVICE_CALENDAR (calendar));

  g_set_object (&self->calendar, calendar);
}

PdwServiceCalendar *
pdw_gateway_service_get_calendar (PdwGatewayService *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), NULL);

  return ensure_calendar (self);
}

void
pdw_gateway_service_set_auto_reply_enabled (PdwGatewayService *self,
                                            gboolean           enabled)
{
  g_return_if_fail (PDW_IS_GATEWAY_SERVICE (self));

  enabled = !!enabled;
  if (self->auto_reply_enabled == enabled)
    return;

  self->auto_reply_enabled = enabled;
  if (!enabled)
    {
      /* Messages that arrived while it was on are not answered any more. */
      g_clear_handle_id (&self->auto_reply_idle_id, g_source_remove);
      g_array_set_size (self->auto_reply_pending, 0);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTO_REPLY_ENABLED]);
}

gboolean
pdw_gateway_service_get_auto_reply_enabled (PdwGatewayService *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), FALSE);

  return self->auto_reply_enabled;
}

void
pdw_gateway_service_apply_desk_settings (PdwGatewayService *self,
                                         GSettings         *settings)
{
  g_autoptr(PdwServiceCalendar) calendar = NULL;

  g_return_if_fail (PDW_IS_GATEWAY_SERVICE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  calendar = pdw_desk_settings_new_calendar (settings);
  pdw_gateway_service_set_calendar (self, calendar);
  pdw_gateway_service_apply_reply_settings (self, settings);
}

void
pdw_gateway_service_apply_reply_settings (PdwGatewayService *self,
                                          GSettings         *settings)
{
  g_autoptr(PdwApprovedTemplate) approved = NULL;

  g_return_if_fail (PDW_IS_GATEWAY_SERVICE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  approved = pdw_approved_template_new_from_settings (settings);
  pdw_gateway_service_set_approved_template (self, approved);
  pdw_gateway_service_set_auto_reply_enabled (self, g_settings_get_boolean (settings, "auto-reply-enabled"));
}

/* ---- Media ------------------------------------------------------------------ */

PdwMediaFetcher *
pdw_gateway_service_get_media_fetcher (PdwGatewayService *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), NULL);

  return self->fetcher;
}

gint64
pdw_gateway_service_send_media (PdwGatewayService  *self,
                                gint64              conversation_id,
                                const char         *type,
                                const char         *path,
                                const char         *mime_type,
                                const char         *filename,
                                gint64              size,
                                const char         *caption,
                                const char         *officer_name,
                                GError            **error)
{
  gint64 message_id;

  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), 0);

  message_id = pdw_store_queue_outgoing_media (self->store, conversation_id, type, path, mime_type,
                                               filename, size, caption, officer_name, error);
  if (message_id <= 0)
    return 0;

  pdw_outbox_pump (self->outbox);
  return message_id;
}

gboolean
pdw_gateway_service_retry_media (PdwGatewayService  *self,
                                 gint64              message_id,
                                 GError            **error)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_SERVICE (self), FALSE);

  if (!pdw_store_retry_media (self->store, message_id, g_get_real_time () / G_USEC_PER_SEC, error))
    return FALSE;

  pdw_media_fetcher_pump (self->fetcher);
  return TRUE;
}
