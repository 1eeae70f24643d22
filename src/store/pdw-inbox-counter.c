/* pdw-inbox-counter.c
 *
 * The counts read on a connection of their own (a companion): on a year
 * of history they take a tenth of a second and more, and on the main
 * store's connection they held its lock that long, so the window waited
 * for them at every run of changes (a webhook burst stalled it 200 ms).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-inbox-counter.h"

struct _PdwInboxCounter
{
  GObject              parent_instance;

  PdwStore            *store;
  /* A companion of @store, for the counting thread (opened at the first
   * count; @store itself when it cannot be opened). */
  PdwStore            *reader;
  PdwConversationList *list;
  GCancellable        *cancellable;
  PdwInboxCounts       counts;
  gboolean             running;
  gboolean             again;
};

G_DEFINE_FINAL_TYPE (PdwInboxCounter, pdw_inbox_counter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ALL,
  PROP_UNANSWERED,
  PROP_MINE,
  PROP_ATTENTION,
  PROP_UNREAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint *
count_slot (PdwInboxCounts *counts,
            guint           prop_id)
{
  switch (prop_id)
    {
    case PROP_ALL:
      return &counts->all;
    case PROP_UNANSWERED:
      return &counts->unanswered;
    case PROP_MINE:
      return &counts->mine;
    case PROP_ATTENTION:
      return &counts->attention;
    case PROP_UNREAD:
      return &counts->unread;
    default:
      g_return_val_if_reached (NULL);
    }
}

static void start_count (PdwInboxCounter *self);

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PdwInboxCounter) self = user_data;
  g_autoptr(GError) error = NULL;
  PdwInboxCounts counts;

  self->running = FALSE;
  if (!pdw_store_count_inbox_finish (PDW_STORE (source), result, &counts, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot count the inbox: %s", error->message);
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  for (guint prop_id = PROP_ALL; prop_id < N_PROPS; prop_id++)
    {
      guint *old = count_slot (&self->counts, prop_id);
      guint fresh = *count_slot (&counts, prop_id);

      if (*old != fresh)
        {
          *old = fresh;
          g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
        }
    }
  g_object_thaw_notify (G_OBJECT (self));

  if (self->again)
    start_count (self);
}

static void
start_count (PdwInboxCounter *self)
{
  PdwConversationQuery query;

  self->again = FALSE;
  self->running = TRUE;
  if (self->reader == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->reader = pdw_store_open_companion (self->store, &error);
      if (self->reader == NULL)
        {
          g_warning ("Inbox counts read on the window's connection: %s", error->message);
          self->reader = g_object_ref (self->store);
        }
    }
  pdw_conversation_list_get_query (self->list, &query);
  pdw_store_count_inbox_async (self->reader, &query, self->cancellable, counted_cb, g_object_ref (self));
}

void
pdw_inbox_counter_refresh (PdwInboxCounter *self)
{
  g_return_if_fail (PDW_IS_INBOX_COUNTER (self));

  if (self->running)
    self->again = TRUE;
  else
    start_count (self);
}

const PdwInboxCounts *
pdw_inbox_counter_get_counts (PdwInboxCounter *self)
{
  g_return_val_if_fail (PDW_IS_INBOX_COUNTER (self), NULL);
  return &self->counts;
}

guint
pdw_inbox_counter_get_count (PdwInboxCounter       *self,
                             PdwConversationFilter  filter)
{
  g_return_val_if_fail (PDW_IS_INBOX_COUNTER (self), G_MAXUINT);

  switch ((int) filter)
    {
    case PDW_CONVERSATION_FILTER_WORKING_SET:
      return self->counts.all;
    case PDW_CONVERSATION_FILTER_UNANSWERED:
      return self->counts.unanswered;
    case PDW_CONVERSATION_FILTER_MINE:
      return self->counts.mine;
    case PDW_CONVERSATION_FILTER_ATTENTION:
      return self->counts.attention;
    default:
      return G_MAXUINT;
    }
}

gboolean
pdw_inbox_counter_is_busy (PdwInboxCounter *self)
{
  g_return_val_if_fail (PDW_IS_INBOX_COUNTER (self), FALSE);
  return self->running || self->again;
}

static void
pdw_inbox_counter_dispose (GObject *object)
{
  PdwInboxCounter *self = (PdwInboxCounter *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->list);
  g_clear_object (&self->reader);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pdw_inbox_counter_parent_class)->dispose (object);
}

static void
pdw_inbox_counter_finalize (GObject *object)
{
  PdwInboxCounter *self = (PdwInboxCounter *)object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pdw_inbox_counter_parent_class)->finalize (object);
}

static void
pdw_inbox_counter_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PdwInboxCounter *self = PDW_INBOX_COUNTER (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_uint (value, *count_slot (&self->counts, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pdw_inbox_counter_class_init (PdwInboxCounterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pdw_inbox_counter_dispose;
  object_class->finalize = pdw_inbox_counter_finalize;
  object_class->get_property = pdw_inbox_counter_get_property;

  properties[PROP_ALL] = g_param_spec_uint ("all", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_UNANSWERED] = g_param_spec_uint ("unanswered", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_MINE] = g_param_spec_uint ("mine", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_ATTENTION] = g_param_spec_uint ("attention", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_UNREAD] = g_param_spec_uint ("unread", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pdw_inbox_counter_init (PdwInboxCounter *self)
{
  self->cancellable = g_cancellable_new ();
}

PdwInboxCounter *
pdw_inbox_counter_new (PdwStore            *store,
                       PdwConversationList *list)
{
  PdwInboxCounter *self;

  g_return_val_if_fail (PDW_IS_STORE (store), NULL);
  g_return_val_if_fail (PDW_IS_CONVERSATION_LIST (list), NULL);

  self = g_object_new (PDW_TYPE_INBOX_COUNTER, NULL);
  self->store = g_object_ref (store);
  self->list = g_object_ref (list);
  g_signal_connect_object (store, "changes-settled",
                           G_CALLBACK (pdw_inbox_counter_refresh), self, G_CONNECT_SWAPPED);
  pdw_inbox_counter_refresh (self);

  return self;
}
