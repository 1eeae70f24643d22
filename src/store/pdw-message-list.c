/* pdw-message-list.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-message-list.h"

/* Messages read at a time: a screen or two of chat. */
#define PAGE_SIZE 50

struct _PdwMessageList
{
  GObject    parent_instance;

  PdwStore  *store;
  gint64     conversation_id;
  /* PdwMessage, in WhatsApp time order (then id), not arrival order: the
   * newest of the conversation, as many pages as were asked for. */
  GPtrArray *items;
  /* Older messages than items[0] are still in the store. */
  gboolean   has_older;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdwMessageList, pdw_message_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONVERSATION_ID,
  PROP_HAS_OLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
sorts_before (PdwMessage *a,
              PdwMessage *b)
{
  gint64 ta = pdw_message_get_timestamp (a);
  gint64 tb = pdw_message_get_timestamp (b);

  if (ta != tb)
    return ta < tb;

  return pdw_message_get_id (a) < pdw_message_get_id (b);
}

/* Searched from the end: new messages almost always go last. */
static guint
insertion_position (PdwMessageList *self,
                    PdwMessage     *message)
{
  guint i = self->items->len;

  while (i > 0 && sorts_before (message, g_ptr_array_index (self->items, i - 1)))
    i--;

  return i;
}

static guint
find_message (PdwMessageList *self,
              gint64          message_id)
{
  for (guint i = self->items->len; i > 0; i--)
    if (pdw_message_get_id (g_ptr_array_index (self->items, i - 1)) == message_id)
      return i - 1;

  return G_MAXUINT;
}

static void
message_changed_cb (PdwMessageList *self,
                    gint64          conversation_id,
                    gint64          message_id,
                    PdwStore       *store)
{
  g_autoptr(PdwMessage) fresh = NULL;
  g_autoptr(GError) error = NULL;
  PdwMessage *row;
  guint old_position, new_position;

  g_assert (PDW_IS_MESSAGE_LIST (self));

  if (conversation_id != self->conversation_id)
    return;

  old_position = find_message (self, message_id);
  fresh = pdw_store_dup_message (store, message_id, &error);

  if (fresh == NULL)
    {
      if (!g_error_matches (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND))
        g_warning ("Cannot refresh message %" G_GINT64_FORMAT ": %s", message_id, error->message);
      else if (old_position != G_MAXUINT)
        {
          g_ptr_array_remove_index (self->items, old_position);
          g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
        }
      return;
    }

  if (old_position == G_MAXUINT)
    {
      new_position = insertion_position (self, fresh);
      /* Among the pages not read yet: it comes with them. */
      if (new_position == 0 && self->has_older)
        return;
      g_ptr_array_insert (self->items, new_position, g_object_ref (fresh));
      g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
      return;
    }

  /* A status change: updated in place, the row follows the notifications. */
  row = g_ptr_array_steal_index (self->items, old_position);
  new_position = insertion_position (self, fresh);
  pdw_message_update_from (row, fresh);

  if (new_position == old_position)
    {
      g_ptr_array_insert (self->items, old_position, row);
      return;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
  g_ptr_array_insert (self->items, new_position, row);
  g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
}

static GType
pdw_message_list_get_item_type (GListModel *model)
{
  return PDW_TYPE_MESSAGE;
}

static guint
pdw_message_list_get_n_items (GListModel *model)
{
  return PDW_MESSAGE_LIST (model)->items->len;
}

static gpointer
pdw_message_list_get_item (GListModel *model,
                           guint       position)
{
  PdwMessageList *self = PDW_MESSAGE_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = pdw_message_list_get_item_type;
  iface->get_n_items = pdw_message_list_get_n_items;
  iface->get_item = pdw_message_list_get_item;
}

/* Reads a page before items[0] (the newest page when empty); returns the
 * rows, oldest first. */
static GPtrArray *
read_page (PdwMessageList *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before_timestamp = G_MAXINT64;
  gint64 before_id = G_MAXINT64;
  gboolean had_older = self->has_older;

  if (self->items->len > 0)
    {
      PdwMessage *first = g_ptr_array_index (self->items, 0);

      before_timestamp = pdw_message_get_timestamp (first);
      before_id = pdw_message_get_id (first);
    }

  /* One more than a page says whether there is another. */
  rows = pdw_store_list_messages_before (self->store, self->conversation_id, before_timestamp, before_id,
                                         PAGE_SIZE + 1, &error);
  if (rows == NULL)
    {
      g_warning ("Cannot load the messages of conversation %" G_GINT64_FORMAT ": %s",
                 self->conversation_id, error->message);
      rows = g_ptr_array_new_with_free_func (g_object_unref);
    }

  self->has_older = rows->len > PAGE_SIZE;
  if (self->has_older)
    g_ptr_array_remove_index (rows, 0);
  if (had_older != self->has_older)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_OLDER]);

  return g_steal_pointer (&rows);
}

static void
pdw_message_list_constructed (GObject *object)
{
  PdwMessageList *self = (PdwMessageList *)object;
  g_autoptr(GPtrArray) rows = NULL;

  G_OBJECT_CLASS (pdw_message_list_parent_class)->constructed (object);

  g_return_if_fail (PDW_IS_STORE (self->store));

  rows = read_page (self);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (rows, i)));

  g_signal_connect_object (self->store, "message-changed",
                           G_CALLBACK (message_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
pdw_message_list_dispose (GObject *object)
{
  PdwMessageList *self = (PdwMessageList *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (pdw_message_list_parent_class)->dispose (object);
}

static void
pdw_message_list_finalize (GObject *object)
{
  PdwMessageList *self = (PdwMessageList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (pdw_message_list_parent_class)->finalize (object);
}

static void
pdw_message_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PdwMessageList *self = PDW_MESSAGE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CONVERSATION_ID:
      g_value_set_int64 (value, self->conversation_id);
      break;
    case PROP_HAS_OLDER:
      g_value_set_boolean (value, self->has_older);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_message_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PdwMessageList *self = PDW_MESSAGE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CONVERSATION_ID:
      self->conversation_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_message_list_class_init (PdwMessageListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pdw_message_list_constructed;
  object_class->dispose = pdw_message_list_dispose;
  object_class->finalize = pdw_message_list_finalize;
  object_class->get_property = pdw_message_list_get_property;
  object_class->set_property = pdw_message_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PDW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONVERSATION_ID] =
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_OLDER] =
    g_param_spec_boolean ("has-older", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pdw_message_list_init (PdwMessageList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

PdwMessageList *
pdw_message_list_new (PdwStore *store,
                      gint64    conversation_id)
{
  g_return_val_if_fail (PDW_IS_STORE (store), NULL);

  return g_object_new (PDW_TYPE_MESSAGE_LIST,
                       "store", store,
                       "conversation-id", conversation_id,
                       NULL);
}

gint64
pdw_message_list_get_conversation_id (PdwMessageList *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE_LIST (self), 0);
  return self->conversation_id;
}

gboolean
pdw_message_list_get_has_older (PdwMessageList *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE_LIST (self), FALSE);
  return self->has_older;
}

guint
pdw_message_list_load_older (PdwMessageList *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint added;

  g_return_val_if_fail (PDW_IS_MESSAGE_LIST (self), 0);

  if (!self->has_older)
    return 0;

  rows = read_page (self);
  added = rows->len;
  if (added == 0)
    return 0;

  /* The page goes first, then what was there. */
  g_ptr_array_extend_and_steal (rows, g_steal_pointer (&self->items));
  self->items = g_steal_pointer (&rows);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, added);
  return added;
}
