/* pdw-outbox.c
 *
 * The outbox never holds a reply itself: the store does (QUEUED rows with
 * their next attempt time).  The outbox claims what is due (a claim in the
 * database, so that a second gateway on the same file, or a second
 * workstation, never sends the same reply), sends it and records the
 * answer.  Replies to one citizen go one at a time and oldest first,
 * because the Cloud API does not keep the order of concurrent requests and
 * limits the rate per recipient (research/whatsapp.md §1.9): the store
 * only lets the oldest queued message of a conversation be claimed.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/pdw-send-error.h"
#include "pdw-outbox.h"

/* Another process on the same database (a second workstation,
 * `pandawa-cli send`) queues replies without telling this one: SQLite's
 * data_version, read this often, says when it committed something. */
#define POLL_SECONDS 1
/* Longer than the providers' request timeout, so that a claim never
 * runs out while its request may still succeed. */
#define CLAIM_LEASE_SECONDS 120
/* Requests in flight at once (each to a different citizen). */
#define MAX_IN_FLIGHT 8

struct _PdwOutbox
{
  GObject         parent_instance;

  PdwStore       *store;
  PdwGatewayBackend *backend;
  GCancellable   *cancellable;
  /* Who this outbox is in the claims of the messages table. */
  char           *claimer;

  /* message id -> conversation id, requests in flight */
  GHashTable     *in_flight;

  char           *last_error;
  int             last_error_code;
  /* The code of the last answer, also for a message's own problem. */
  int             last_attempt_code;
  gint64          data_version;
  gint64          next_due;
  guint           timer_id;
  guint           pump_idle_id;
  guint           running : 1;
};

G_DEFINE_FINAL_TYPE (PdwOutbox, pdw_outbox, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LAST_ERROR,
  PROP_LAST_ERROR_CODE,
  N_PROPS
};

enum {
  MESSAGE_SENT,
  MESSAGE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  PdwOutbox *self;
  gint64     message_id;
} SendData;

static void
send_data_free (SendData *data)
{
  g_clear_object (&data->self);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SendData, send_data_free)

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
set_last_error (PdwOutbox  *self,
                int         code,
                const char *text)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->last_error, text) != 0)
    {
      g_free (self->last_error);
      self->last_error = g_strdup (text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
    }
  if (self->last_error_code != code)
    {
      self->last_error_code = code;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR_CODE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static gint64 *
int64_dup (gint64 value)
{
  return g_memdup2 (&value, sizeof value);
}

guint
pdw_outbox_retry_delay (guint        failures,
                        int          code,
                        guint        retry_after)
{
  guint delay = pdw_graph_backoff_seconds (failures);

  delay = MAX (delay, pdw_send_error_get_min_wait (code));
  return MAX (delay, retry_after);
}

static void
handle_send_error (PdwOutbox    *self,
                   gint64        message_id,
                   const GError *error)
{
  g_autoptr(GError) store_error = NULL;
  g_autofree char *officer_text = pdw_graph_error_dup_officer_text (error);
  gboolean permanent = !pdw_graph_error_is_transient (error);
  int code = pdw_graph_error_get_code (error);
  gint64 next_at = 0;

  if (!permanent)
    {
      /* The store counts attempts across restarts, so the backoff does not
       * start again at one second after the app is reopened. */
      int previous = pdw_store_get_outgoing_attempts (self->store, message_id, NULL);
      guint failures = MAX (previous, 0) + 1;
      guint delay = pdw_outbox_retry_delay (failures, code, pdw_graph_error_get_retry_after (error));

      next_at = now_seconds () + delay;
      g_message ("Outbox: message %" G_GINT64_FORMAT " not sent (attempt %u, code %d), retry in %u s",
                 message_id, failures, code, delay);
    }
  else
    {
      g_message ("Outbox: message %" G_GINT64_FORMAT " failed permanently (code %d)", message_id, code);
    }

  if (!pdw_store_mark_outgoing_attempt_failed (self->store, message_id, code, officer_text,
                                               permanent, next_at, &store_error))
    g_warning ("Outbox: cannot record the failed attempt: %s", store_error->message);

  self->last_attempt_code = code;
  /* A problem of this one message is shown on it, not as the gateway's. */
  if (!pdw_send_error_is_about_message (code))
    set_last_error (self, code, officer_text);
  g_signal_emit (self, signals[MESSAGE_FAILED], 0, message_id, permanent, officer_text);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SendData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) store_error = NULL;
  g_autofree char *wamid = NULL;
  PdwOutbox *self = data->self;

  wamid = pdw_gateway_backend_send_finish (PDW_GATEWAY_BACKEND (object), result, &error);

  /* Stopped: the claim was given back, the message goes out on the next
   * start (or from another process). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_hash_table_remove (self->in_flight, &data->message_id);

  if (wamid != NULL)
    {
      if (!pdw_store_mark_outgoing_accepted (self->store, data->message_id, wamid, &store_error))
        g_warning ("Outbox: message %" G_GINT64_FORMAT " was accepted but its id could not be stored: %s",
                   data->message_id, store_error->message);
      else
        g_message ("Outbox: message %" G_GINT64_FORMAT " accepted by %s", data->message_id,
                   pdw_gateway_backend_get_name (PDW_GATEWAY_BACKEND (object)));
      self->last_attempt_code = 0;
      set_last_error (self, 0, NULL);
      g_signal_emit (self, signals[MESSAGE_SENT], 0, data->message_id, wamid);
    }
  else
    {
      handle_send_error (self, data->message_id, error);
    }

  /* The next reply to this citizen may go now. */
  pdw_outbox_pump (self);
}

static void
send_message (PdwOutbox  *self,
              PdwMessage *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wa_id = NULL;
  SendData *data;
  gint64 conversation_id = pdw_message_get_conversation_id (message);

  data = g_new0 (SendData, 1);
  data->self = g_object_ref (self);
  data->message_id = pdw_message_get_id (message);
  g_hash_table_insert (self->in_flight, int64_dup (data->message_id), int64_dup (conversation_id));

  /* An unknown number is a failure of this message (the client says so),
   * not a reason to keep it claimed. */
  wa_id = pdw_store_dup_conversation_wa_id (self->store, conversation_id, &error);
  if (error != NULL && !g_error_matches (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND))
    g_warning ("Outbox: cannot read the recipient of conversation %" G_GINT64_FORMAT ": %s",
               conversation_id, error->message);

  pdw_gateway_backend_send_async (self->backend, wa_id, message, self->cancellable, send_cb, data);
}

static void
update_next_due (PdwOutbox *self)
{
  g_autoptr(GError) error = NULL;

  self->data_version = pdw_store_get_data_version (self->store);
  self->next_due = pdw_store_get_next_outgoing_due (self->store, &error);
  if (error != NULL)
    g_warning ("Outbox: cannot read when the next reply is due: %s", error->message);
}

void
pdw_outbox_pump (PdwOutbox *self)
{
  g_autoptr(GPtrArray) claimed = NULL;
  g_autoptr(GError) error = NULL;
  guint n_free;

  g_return_if_fail (PDW_IS_OUTBOX (self));

  if (!self->running)
    return;

  n_free = MAX_IN_FLIGHT - MIN (g_hash_table_size (self->in_flight), MAX_IN_FLIGHT);
  claimed = pdw_store_claim_due_outgoing (self->store, self->claimer, now_seconds (),
                                          CLAIM_LEASE_SECONDS, n_free, &error);
  if (claimed == NULL)
    g_warning ("Outbox: cannot claim queued replies: %s", error->message);
  else
    for (guint i = 0; i < claimed->len; i++)
      send_message (self, g_ptr_array_index (claimed, i));

  update_next_due (self);
}

static gboolean
poll_cb (gpointer user_data)
{
  PdwOutbox *self = user_data;
  gint64 version = pdw_store_get_data_version (self->store);

  if (version != self->data_version ||
      (self->next_due > 0 && self->next_due <= now_seconds ()))
    pdw_outbox_pump (self);

  return G_SOURCE_CONTINUE;
}

static gboolean
pump_idle_cb (gpointer user_data)
{
  PdwOutbox *self = user_data;

  self->pump_idle_id = 0;
  pdw_outbox_pump (self);
  return G_SOURCE_REMOVE;
}

/* A reply queued through this very connection (the chat, a workflow
 * step) does not change data_version: the store's signal says so. */
static void
store_message_changed_cb (PdwOutbox *self,
                          gint64     conversation_id,
                          gint64     message_id,
                          PdwStore  *store)
{
  if (self->running && self->pump_idle_id == 0)
    self->pump_idle_id = g_idle_add (pump_idle_cb, self);
}

static void
pdw_outbox_dispose (GObject *object)
{
  PdwOutbox *self = (PdwOutbox *)object;

  pdw_outbox_stop (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->backend);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pdw_outbox_parent_class)->dispose (object);
}

static void
pdw_outbox_finalize (GObject *object)
{
  PdwOutbox *self = (PdwOutbox *)object;

  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->claimer, g_free);

  G_OBJECT_CLASS (pdw_outbox_parent_class)->finalize (object);
}

static void
pdw_outbox_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PdwOutbox *self = PDW_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;

    case PROP_LAST_ERROR_CODE:
      g_value_set_int (value, self->last_error_code);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_outbox_class_init (PdwOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pdw_outbox_dispose;
  object_class->finalize = pdw_outbox_finalize;
  object_class->get_property = pdw_outbox_get_property;

  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR_CODE] =
    g_param_spec_int ("last-error-code", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MESSAGE_SENT] =
    g_signal_new ("message-sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  signals[MESSAGE_FAILED] =
    g_signal_new ("message-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_BOOLEAN, G_TYPE_STRING);
}

static void
pdw_outbox_init (PdwOutbox *self)
{
  self->in_flight = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->claimer = g_uuid_string_random ();
}

PdwOutbox *
pdw_outbox_new (PdwStore          *store,
                PdwGatewayBackend *backend)
{
  PdwOutbox *self;

  g_return_val_if_fail (PDW_IS_STORE (store), NULL);
  g_return_val_if_fail (PDW_IS_GATEWAY_BACKEND (backend), NULL);

  self = g_object_new (PDW_TYPE_OUTBOX, NULL);
  self->store = g_object_ref (store);
  self->backend = g_object_ref (backend);
  g_signal_connect_object (store, "message-changed",
                           G_CALLBACK (store_message_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/* Messages already sent through the old one finish there. */
void
pdw_outbox_set_backend (PdwOutbox         *self,
                        PdwGatewayBackend *backend)
{
  g_return_if_fail (PDW_IS_OUTBOX (self));
  g_return_if_fail (PDW_IS_GATEWAY_BACKEND (backend));

  g_set_object (&self->backend, backend);
  pdw_outbox_pump (self);
}

void
pdw_outbox_start (PdwOutbox *self)
{
  g_return_if_fail (PDW_IS_OUTBOX (self));

  if (self->running)
    return;

  self->running = TRUE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->timer_id = g_timeout_add_seconds (POLL_SECONDS, poll_cb, self);
  pdw_outbox_pump (self);
}

static gboolean
drain_deadline_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* A reply the provider may already have taken must not be given back:
 * another process would send it again.  So on a clean stop nothing new is
 * claimed and the requests in flight are let finish (their answers stored),
 * for at most @timeout_ms; pdw_outbox_stop() then gives back the rest. */
void
pdw_outbox_drain (PdwOutbox *self,
                  guint      timeout_ms)
{
  gboolean expired = FALSE;
  guint deadline_id;

  g_return_if_fail (PDW_IS_OUTBOX (self));

  self->running = FALSE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->pump_idle_id, g_source_remove);

  deadline_id = g_timeout_add (timeout_ms, drain_deadline_cb, &expired);
  while (g_hash_table_size (self->in_flight) > 0 && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (deadline_id);

  pdw_outbox_stop (self);
}

void
pdw_outbox_stop (PdwOutbox *self)
{
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (PDW_IS_OUTBOX (self));

  self->running = FALSE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->pump_idle_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* Another process may send them now rather than after the lease. */
  g_hash_table_iter_init (&iter, self->in_flight);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(GError) error = NULL;

      if (!pdw_store_release_outgoing_claim (self->store, *(gint64 *) key, self->claimer, &error))
        g_warning ("Outbox: cannot give back message %" G_GINT64_FORMAT ": %s",
                   *(gint64 *) key, error->message);
    }
  g_hash_table_remove_all (self->in_flight);
}

const char *
pdw_outbox_get_last_error (PdwOutbox *self)
{
  g_return_val_if_fail (PDW_IS_OUTBOX (self), NULL);

  return self->last_error;
}

guint
pdw_outbox_get_n_in_flight (PdwOutbox *self)
{
  g_return_val_if_fail (PDW_IS_OUTBOX (self), 0);

  return g_hash_table_size (self->in_flight);
}

int
pdw_outbox_get_last_error_code (PdwOutbox *self)
{
  g_return_val_if_fail (PDW_IS_OUTBOX (self), 0);

  return self->last_error_code;
}

const char *
pdw_outbox_get_claimer (PdwOutbox *self)
{
  g_return_val_if_fail (PDW_IS_OUTBOX (self), NULL);

  return self->claimer;
}

int
pdw_outbox_get_last_attempt_code (PdwOutbox *self)
{
  g_return_val_if_fail (PDW_IS_OUTBOX (self), 0);

  return self->last_attempt_code;
}
