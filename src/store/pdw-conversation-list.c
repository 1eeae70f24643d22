/* pdw-conversation-list.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-conversation-list.h"

struct _PdwConversationList
{
  GObject    parent_instance;

  PdwStore  *store;
  /* PdwConversation, newest activity first.  Rows keep their object for
   * their whole life, so a bound widget follows its notify signals. */
  GPtrArray *items;
  /* Conversation ids announced while a refresh is running (see
   * conversation_changed_cb), and whether one is. */
  GArray    *pending;
  gboolean   refreshing;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdwConversationList, pdw_conversation_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Same order as pdw_store_list_conversations(): newest first, then id. */
static gboolean
sorts_before (PdwConversation *a,
              PdwConversation *b)
{
  gint64 ta = pdw_conversation_get_last_message_time (a);
  gint64 tb = pdw_conversation_get_last_message_time (b);

  if (ta != tb)
    return ta > tb;

  return pdw_conversation_get_id (a) > pdw_conversation_get_id (b);
}

static guint
insertion_position (PdwConversationList *self,
                    PdwConversation     *conversation)
{
  guint i;

  for (i = 0; i < self->items->len; i++)
    if (sorts_before (conversation, g_ptr_array_index (self->items, i)))
      break;

  return i;
}

static void
remove_conversation (PdwConversationList *self,
                     guint                position)
{
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

static void
refresh_conversation (PdwConversationList *self,
                      gint64               conversation_id,
                      PdwStore            *store)
{
  g_autoptr(PdwConversation) fresh = NULL;
  g_autoptr(GError) error = NULL;
  PdwConversation *row;
  guint old_position, new_position;

  g_assert (PDW_IS_CONVERSATION_LIST (self));

  old_position = pdw_conversation_list_find (self, conversation_id);
  fresh = pdw_store_dup_conversation (store, conversation_id, &error);

  if (fresh == NULL)
    {
      if (g_error_matches (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND))
        {
          if (old_position != G_MAXUINT)
            remove_conversation (self, old_position);
        }
      else
        g_warning ("Cannot refresh conversation %" G_GINT64_FORMAT ": %s",
                   conversation_id, error->message);
      return;
    }

  if (old_position == G_MAXUINT)
    {
      new_position = insertion_position (self, fresh);
      g_ptr_array_insert (self->items, new_position, g_object_ref (fresh));
      g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
      return;
    }

  row = g_ptr_array_steal_index (self->items, old_position);
  new_position = insertion_position (self, fresh);
  pdw_conversation_update_from (row, fresh);

  if (new_position == old_position)
    {
      /* Same place: the row's own notifications are enough. */
      g_ptr_array_insert (self->items, old_position, row);
      return;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
  g_ptr_array_insert (self->items, new_position, row);
  g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
}

/* A row's notifications can make a listener write to the store (the window
 * marks the open conversation read when its unread count rises), and the
 * store announces the same conversation again while this refresh has the row
 * out of the array: refreshing then would insert it a second time.  So a
 * refresh runs to the end before the next one starts. */
static void
conversation_changed_cb (PdwConversationList *self,
                         gint64               conversation_id,
                         PdwStore            *store)
{
  g_array_append_val (self->pending, conversation_id);
  if (self->refreshing)
    return;

  self->refreshing = TRUE;
  for (guint i = 0; i < self->pending->len; i++)
    refresh_conversation (self, g_array_index (self->pending, gint64, i), store);
  g_array_set_size (self->pending, 0);
  self->refreshing = FALSE;
}

static GType
pdw_conversation_list_get_item_type (GListModel *model)
{
  return PDW_TYPE_CONVERSATION;
}

static guint
pdw_conversation_list_get_n_items (GListModel *model)
{
  return PDW_CONVERSATION_LIST (model)->items->len;
}

static gpointer
pdw_conversation_list_get_item (GListModel *model,
                                guint       position)
{
  PdwConversationList *self = PDW_CONVERSATION_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = pdw_conversation_list_get_item_type;
  iface->get_n_items = pdw_conversation_list_get_n_items;
  iface->get_item = pdw_conversation_list_get_item;
}

static void
pdw_conversation_list_constructed (GObject *object)
{
  PdwConversationList *self = (PdwConversationList *)object;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (pdw_conversation_list_parent_class)->constructed (object);

  g_return_if_fail (PDW_IS_STORE (self->store));

  rows = pdw_store_list_conversations (self->store, &error);
  if (rows == NULL)
    g_warning ("Cannot load the conversations: %s", error->message);
  else
    for (guint i = 0; i < rows->len; i++)
      g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (rows, i)));

  g_signal_connect_object (self->store, "conversation-changed",
                           G_CALLBACK (conversation_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
pdw_conversation_list_dispose (GObject *object)
{
  PdwConversationList *self = (PdwConversationList *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (pdw_conversation_list_parent_class)->dispose (object);
}

static void
pdw_conversation_list_finalize (GObject *object)
{
  PdwConversationList *self = (PdwConversationList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);

  G_OBJECT_CLASS (pdw_conversation_list_parent_class)->finalize (object);
}

static void
pdw_conversation_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PdwConversationList *self = PDW_CONVERSATION_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_conversation_list_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PdwConversationList *self = PDW_CONVERSATION_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_conversation_list_class_init (PdwConversationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pdw_conversation_list_constructed;
  object_class->dispose = pdw_conversation_list_dispose;
  object_class->finalize = pdw_conversation_list_finalize;
  object_class->get_property = pdw_conversation_list_get_property;
  object_class->set_property = pdw_conversation_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PDW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pdw_conversation_list_init (PdwConversationList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
}

PdwConversationList *
pdw_conversation_list_new (PdwStore *store)
{
  g_return_val_if_fail (PDW_IS_STORE (store), NULL);

  return g_object_new (PDW_TYPE_CONVERSATION_LIST, "store", store, NULL);
}

guint
pdw_conversation_list_find (PdwConversationList *self,
                            gint64               conversation_id)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->items->len; i++)
    if (pdw_conversation_get_id (g_ptr_array_index (self->items, i)) == conversation_id)
      return i;

  return G_MAXUINT;
}
