/* pdw-outbox.c
 *
 * The outbox never holds a reply itself: the store does (QUEUED rows with
 * their next attempt time).  The outbox only decides what to send now.
 * Replies to one citizen go one at a time and oldest first, because the
 * Cloud API does not keep the order of concurrent requests and limits the
 * rate per recipient (research/whatsapp.md §1.9).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-outbox.h"

/* The queue is also read this often when nothing is due, because another
 * process on the same database (a second workstation, pandawa-cli) may
 * queue replies without telling this one.  The query is cheap. */
#define IDLE_POLL_SECONDS 5

struct _PdwOutbox
{
  GObject         parent_instance;

  PdwStore       *store;
  PdwGraphClient *client;
  GCancellable   *cancellable;

  /* conversation id -> message id in flight */
  GHashTable     *in_flight;
  /* message id -> Unix s of the next attempt */
  GHashTable     *next_attempt;

  char           *last_error;
  guint           timer_id;
  guint           running : 1;
};

G_DEFINE_FINAL_TYPE (PdwOutbox, pdw_outbox, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LAST_ERROR,
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
  gint64     conversation_id;
  gboolean   is_template;
  gboolean   is_attachment;
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
                const char *text)
{
  if (g_strcmp0 (self->last_error, text) == 0)
    return;

  g_free (self->last_error);
  self->last_error = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static gboolean
timer_cb (gpointer user_data)
{
  PdwOutbox *self = user_data;

  self->timer_id = 0;
  pdw_outbox_pump (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_timer (PdwOutbox *self,
                guint      seconds)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_id = g_timeout_add_seconds (MAX (seconds, 1), timer_cb, self);
}

static void
forget_message (PdwOutbox *self,
                gint64     message_id)
{
  g_hash_table_remove (self->next_attempt, &message_id);
}

static gint64 *
int64_dup (gint64 value)
{
  return g_memdup2 (&value, sizeof value);
}

static void
handle_send_error (PdwOutbox    *self,
                   gint64        message_id,
                   const GError *error)
{
  g_autoptr(GError) store_error = NULL;
  g_autofree char *officer_text = pdw_graph_error_dup_officer_text (error);
  gboolean permanent = !pdw_graph_error_is_transient (error);
  int code = error->domain == PDW_GRAPH_ERROR ? error->code : 0;
  gint64 next_at = 0;

  if (!permanent)
    {
      /* The store counts attempts across restarts, so the backoff does not
       * start again at one second after the app is reopened. */
      int previous = pdw_store_get_outgoing_attempts (self->store, message_id, NULL);
      guint failures = MAX (previous, 0) + 1;

      next_at = now_seconds () + pdw_graph_backoff_seconds (failures);
      g_hash_table_insert (self->next_attempt, int64_dup (message_id), int64_dup (next_at));
      g_message ("Outbox: message %" G_GINT64_FORMAT " not sent (attempt %u, code %d), retry in %u s",
                 message_id, failures, code, pdw_graph_backoff_seconds (failures));
    }
  else
    {
      forget_message (self, message_id);
      g_message ("Outbox: message %" G_GINT64_FORMAT " failed permanently (code %d)", message_id, code);
    }

  if (!pdw_store_mark_outgoing_attempt_failed (self->store, message_id, code, officer_text,
                                               permanent, next_at, &store_error))
    g_warning ("Outbox: cannot record the failed attempt: %s", store_error->message);

  set_last_error (self, officer_text);
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

  if (data->is_template)
    wamid = pdw_graph_client_send_template_finish (PDW_GRAPH_CLIENT (object), result, &error);
  else if (data->is_attachment)
    wamid = pdw_graph_client_send_attachment_finish (PDW_GRAPH_CLIENT (object), result, &error);
  else
    wamid = pdw_graph_client_send_text_finish (PDW_GRAPH_CLIENT (object), result, &error);

  /* Stopped: the message stays queued and goes out on the next start. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_hash_table_remove (self->in_flight, &data->conversation_id);

  if (wamid != NULL)
    {
      forget_message (self, data->message_id);
      if (!pdw_store_mark_outgoing_accepted (self->store, data->message_id, wamid, &store_error))
        g_warning ("Outbox: message %" G_GINT64_FORMAT " was accepted but its id could not be stored: %s",
                   data->message_id, store_error->message);
      else
        g_message ("Outbox: message %" G_GINT64_FORMAT " accepted by the Graph API", data->message_id);
      set_last_error (self, NULL);
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

  wa_id = pdw_store_dup_conversation_wa_id (self->store, conversation_id, &error);
  if (error != NULL)
    {
      g_warning ("Outbox: cannot read the recipient of conversation %" G_GINT64_FORMAT ": %s",
                 conversation_id, error->message);
      return;
    }

  data = g_new0 (SendData, 1);
  data->self = g_object_ref (self);
  data->message_id = pdw_message_get_id (message);
  data->conversation_id = conversation_id;
  /* Outside the 24-hour window only an approved template gets through. */
  data->is_template = g_strcmp0 (pdw_message_get_message_type (message), "template") == 0;
  /* An officer's image or document: uploaded, then sent by its media id. */
  data->is_attachment = pdw_message_get_media_path (message) != NULL;

  g_hash_table_insert (self->in_flight, int64_dup (conversation_id), int64_dup (data->message_id));
  if (data->is_template)
    pdw_graph_client_send_template_async (self->client, wa_id,
                                          pdw_message_get_template_name (message),
                                          pdw_message_get_template_language (message),
                                          pdw_message_get_template_params (message),
                                          self->cancellable, send_cb, data);
  else if (data->is_attachment)
    pdw_graph_client_send_attachment_async (self->client, wa_id,
                                            pdw_message_get_message_type (message),
                                            pdw_message_get_media_path (message),
                                            pdw_message_get_media_mime_type (message),
                                            pdw_message_get_media_filename (message),
                                            pdw_message_get_text (message),
                                            self->cancellable, send_cb, data);
  else
    pdw_graph_client_send_text_async (self->client, wa_id, pdw_message_get_text (message) ?: "",
                                      self->cancellable, send_cb, data);
}

static gboolean
contains_message (GPtrArray *messages,
                  gint64     message_id)
{
  for (guint i = 0; i < messages->len; i++)
    if (pdw_message_get_id (g_ptr_array_index (messages, i)) == message_id)
      return TRUE;
  return FALSE;
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b)
{
  gint64 id_a = pdw_message_get_id (*(PdwMessage **) a);
  gint64 id_b = pdw_message_get_id (*(PdwMessage **) b);

  return (id_a > id_b) - (id_a < id_b);
}

static guint
seconds_until_next_attempt (PdwOutbox *self,
                            gint64     now)
{
  GHashTableIter iter;
  gpointer value;
  gint64 earliest = G_MAXINT64;

  g_hash_table_iter_init (&iter, self->next_attempt);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    earliest = MIN (earliest, *(gint64 *) value);

  if (earliest == G_MAXINT64)
    return IDLE_POLL_SECONDS;
  return (guint) CLAMP (earliest - now, 1, IDLE_POLL_SECONDS);
}

void
pdw_outbox_pump (PdwOutbox *self)
{
  g_autoptr(GPtrArray) queued = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now;
  gboolean waiting = FALSE;

  g_return_if_fail (PDW_IS_OUTBOX (self));

  if (!self->running)
    return;

  now = now_seconds ();
  /* Every queued reply, due or not, so that a later reply never overtakes
   * an earlier one that is waiting for its retry. */
  queued = pdw_store_list_due_outgoing (self->store, G_MAXINT64, &error);
  if (queued != NULL)
    due = pdw_store_list_due_outgoing (self->store, now, &error);
  if (queued == NULL || due == NULL)
    {
      g_warning ("Outbox: cannot read queued replies: %s", error->message);
      schedule_timer (self, IDLE_POLL_SECONDS);
      return;
    }

  /* The store lists by due time; the order replies were written in is the
   * order of their ids. */
  g_ptr_array_sort (queued, compare_by_id);

  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < queued->len; i++)
    {
      PdwMessage *message = g_ptr_array_index (queued, i);
      gint64 conversation_id = pdw_message_get_conversation_id (message);

      if (g_hash_table_contains (seen, &conversation_id))
        continue;
      g_hash_table_add (seen, int64_dup (conversation_id));

      if (g_hash_table_contains (self->in_flight, &conversation_id))
        continue;

      if (!contains_message (due, pdw_message_get_id (message)))
        {
          waiting = TRUE;
          continue;
        }

      send_message (self, message);
    }

  schedule_timer (self, waiting ? seconds_until_next_attempt (self, now) : IDLE_POLL_SECONDS);
}

static void
pdw_outbox_dispose (GObject *object)
{
  PdwOutbox *self = (PdwOutbox *)object;

  pdw_outbox_stop (self);
  g_clear_object (&self->client);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pdw_outbox_parent_class)->dispose (object);
}

static void
pdw_outbox_finalize (GObject *object)
{
  PdwOutbox *self = (PdwOutbox *)object;

  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_clear_pointer (&self->next_attempt, g_hash_table_unref);
  g_clear_pointer (&self->last_error, g_free);

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
  self->next_attempt = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

PdwOutbox *
pdw_outbox_new (PdwStore       *store,
                PdwGraphClient *client)
{
  PdwOutbox *self;

  g_return_val_if_fail (PDW_IS_STORE (store), NULL);
  g_return_val_if_fail (PDW_IS_GRAPH_CLIENT (client), NULL);

  self = g_object_new (PDW_TYPE_OUTBOX, NULL);
  self->store = g_object_ref (store);
  self->client = g_object_ref (client);

  return self;
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
  pdw_outbox_pump (self);
}

void
pdw_outbox_stop (PdwOutbox *self)
{
  g_return_if_fail (PDW_IS_OUTBOX (self));

  self->running = FALSE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
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
