/* pdw-conversation-list.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-conversation-list.h"

/* Rows are read this many at a time, around the one the view asks for. */
#define PAGE_SIZE 64
/* Fetched rows kept without a holder: a few screens, for scrolling back. */
#define CACHE_SIZE (4 * PAGE_SIZE)
#define DEFAULT_RECENT_DAYS 14

struct _PdwConversationList
{
  GObject               parent_instance;

  PdwStore             *store;
  PdwConversationQuery  query;
  char                 *officer;       /* query.officer */
  guint                 recent_days;
  /* PdwConversationKey of the filter in queue order: what the view shows. */
  GArray               *keys;
  /* id -> PdwConversation, every object handed out that is still alive
   * (weak: an object leaves when its last holder drops it). */
  GHashTable           *live;
  /* Strong references to the last CACHE_SIZE rows read, oldest first. */
  GQueue               *cache;
  guint                 n_fetched;
  /* Conversation ids announced since the store's last "changes-settled"
   * (each once: pending_set), and whether they are being worked on. */
  GArray               *pending;
  GHashTable           *pending_set;
  gboolean              refreshing;
  /* Ids whose place waits for the thaw (or the next idle). */
  GArray               *held;
  gboolean              frozen;
  guint                 flush_source;
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

enum {
  ARRIVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Changed rows closer than this are announced in one items-changed with the
 * unchanged rows between them, rather than in one each. */
#define MERGE_GAP 32

#define KEY_AT_ARRAY(keys, i) (&g_array_index ((keys), PdwConversationKey, (i)))
#define KEY_AT(self, i) KEY_AT_ARRAY ((self)->keys, (i))

/* Queue order: newest first, then the higher id. */
static gboolean
key_sorts_before (const PdwConversationKey *a,
                  const PdwConversationKey *b)
{
  if (a->time != b->time)
    return a->time > b->time;

  return a->id > b->id;
}

static int
key_compare (const PdwConversationKey *a,
             const PdwConversationKey *b)
{
  if (a->id == b->id)
    return 0;

  return key_sorts_before (a, b) ? -1 : 1;
}

static void
update_query_times (PdwConversationList *self)
{
  self->query.now = g_get_real_time () / G_USEC_PER_SEC;
  self->query.inbound_since = self->query.now - (gint64) self->recent_days * 24 * 3600;
}

/* ---- Objects: the live ones and the cache ---------------------------------- */

static void
live_object_finalized_cb (gpointer  data,
                          GObject  *where_the_object_was)
{
  PdwConversationList *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer) where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
}

static void
adopt_object (PdwConversationList *self,
              PdwConversation     *conversation)
{
  gint64 id = pdw_conversation_get_id (conversation);

  g_object_weak_ref (G_OBJECT (conversation), live_object_finalized_cb, self);
  g_hash_table_insert (self->live, g_memdup2 (&id, sizeof id), conversation);

  g_queue_push_tail (self->cache, g_object_ref (conversation));
  while (g_queue_get_length (self->cache) > CACHE_SIZE)
    g_object_unref (g_queue_pop_head (self->cache));
}

static PdwConversation *
lookup_live (PdwConversationList *self,
             gint64               id)
{
  return g_hash_table_lookup (self->live, &id);
}

/* Reads the page around @position: the rows not alive already. */
static void
fetch_page (PdwConversationList *self,
            guint                position)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint start = position - position % PAGE_SIZE;
  guint end = MIN (start + PAGE_SIZE, self->keys->len);

  for (guint i = start; i < end; i++)
    if (lookup_live (self, KEY_AT (self, i)->id) == NULL)
      g_array_append_val (ids, KEY_AT (self, i)->id);

  rows = pdw_store_list_conversations_by_id (self->store, (const gint64 *) ids->data, ids->len, &error);
  if (rows == NULL)
    {
      g_warning ("Cannot read the conversations of the queue: %s", error->message);
      return;
    }

  self->n_fetched += rows->len;
  for (guint i = 0; i < rows->len; i++)
    adopt_object (self, g_ptr_array_index (rows, i));
}

/* ---- Keys: filter, diff, one conversation's place --------------------------- */

static GArray *
query_keys (PdwConversationList *self)
{
  g_autoptr(GError) error = NULL;
  GArray *keys;

  update_query_times (self);
  keys = pdw_store_list_conversation_keys (self->store, &self->query, &error);
  if (keys == NULL)
    {
      g_warning ("Cannot read the queue: %s", error->message);
      keys = g_array_new (FALSE, FALSE, sizeof (PdwConversationKey));
    }

  return keys;
}

static gboolean
keys_equal (const PdwConversationKey *a,
            const PdwConversationKey *b)
{
  return a->id == b->id && a->time == b->time;
}

/* Replaces the keys and announces the one range that differs. */
static void
replace_keys (PdwConversationList *self,
              GArray              *keys)
{
  g_autoptr(GArray) old = self->keys;
  guint prefix = 0, suffix = 0;

  self->keys = keys;
  g_array_set_size (self->held, 0);

  while (prefix < old->len && prefix < keys->len &&
         keys_equal (&g_array_index (old, PdwConversationKey, prefix),
                     &g_array_index (keys, PdwConversationKey, prefix)))
    prefix++;

  while (suffix < old->len - prefix && suffix < keys->len - prefix &&
         keys_equal (&g_array_index (old, PdwConversationKey, old->len - 1 - suffix),
                     &g_array_index (keys, PdwConversationKey, keys->len - 1 - suffix)))
    suffix++;

  if (prefix == old->len && prefix == keys->len)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old->len - prefix - suffix, keys->len - prefix - suffix);
}

static void
reload (PdwConversationList *self)
{
  replace_keys (self, query_keys (self));
}

/* One run of rows to replace: @removed rows of the old order from
 * @old_position give way to @added rows of the new from @position. */
typedef struct
{
  guint position;
  guint old_position;
  guint removed;
  guint added;
} Hunk;

/* Walks the old and the new order: the rows not in @moved keep their order,
 * so what differs is where a row of @moved leaves or lands (its new
 * position goes to @landed).  Runs closer than MERGE_GAP are joined. */
static GArray *
diff_hunks (GArray     *old,
            GArray     *keys,
            GHashTable *moved,
            GArray     *landed)
{
  GArray *hunks = g_array_new (FALSE, FALSE, sizeof (Hunk));
  guint i = 0, j = 0;

  while (i < old->len || j < keys->len)
    {
      const PdwConversationKey *a = i < old->len ? &g_array_index (old, PdwConversationKey, i) : NULL;
      const PdwConversationKey *b = j < keys->len ? &g_array_index (keys, PdwConversationKey, j) : NULL;
      Hunk *last = hunks->len > 0 ? &g_array_index (hunks, Hunk, hunks->len - 1) : NULL;
      gboolean leaves, lands;

      if (a != NULL && b != NULL && a->id == b->id)
        {
          i++, j++;
          continue;
        }

      leaves = a != NULL && g_hash_table_contains (moved, &a->id);
      lands = !leaves && b != NULL;
      g_assert (leaves || (b != NULL && g_hash_table_contains (moved, &b->id)));

      /* Joined to the last run when the rows between are few: they are
       * removed and added again, as themselves. */
      if (last == NULL || j - (last->position + last->added) > MERGE_GAP)
        {
          Hunk hunk = { j, i, 0, 0 };

          g_array_append_val (hunks, hunk);
          last = &g_array_index (hunks, Hunk, hunks->len - 1);
        }
      else
        {
          guint gap = j - (last->position + last->added);

          last->removed += gap;
          last->added += gap;
        }

      if (leaves)
        {
          last->removed++;
          i++;
        }
      else if (lands)
        {
          g_array_append_val (landed, j);
          last->added++;
          j++;
        }
    }

  return hunks;
}

/* Puts @ids where the filter now wants them (in, moved or out) and
 * announces the new order in as few items-changed as it takes: a burst of
 * conversations moving to the top is one.  Rows that arrive are announced
 * with "arrived" once the model is whole. */
static void
place_conversations (PdwConversationList *self,
                     const gint64        *ids,
                     guint                n_ids)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) moved = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) landing = g_array_new (FALSE, FALSE, sizeof (PdwConversationKey));
  g_autoptr(GArray) old = NULL;
  g_autoptr(GArray) kept = NULL;
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GArray) landed = NULL;
  g_autoptr(GArray) hunks = NULL;

  if (n_ids == 0)
    return;

  /* Where each one should be (absent from @wanted: nowhere). */
  update_query_times (self);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GError) error = NULL;
      PdwConversationKey key;
      gboolean matches = FALSE;

      if (g_hash_table_contains (wanted, &ids[i]))
        continue;
      if (!pdw_store_match_conversation (self->store, &self->query, ids[i], &key, &matches, &error))
        {
          g_warning ("Cannot place conversation %" G_GINT64_FORMAT " in the queue: %s",
                     ids[i], error->message);
          continue;
        }
      if (matches)
        g_hash_table_insert (wanted, g_memdup2 (&ids[i], sizeof ids[i]), g_memdup2 (&key, sizeof key));
      else
        g_hash_table_add (moved, (gpointer) &ids[i]);
    }

  /* The new order: the old without the ones that change, and those that
   * are wanted merged in at their places. */
  old = g_array_ref (self->keys);
  kept = g_array_sized_new (FALSE, FALSE, sizeof (PdwConversationKey), old->len);
  for (guint i = 0; i < old->len; i++)
    {
      const PdwConversationKey *key = KEY_AT_ARRAY (old, i);
      const PdwConversationKey *want = g_hash_table_lookup (wanted, &key->id);

      if (want != NULL && !keys_equal (key, want))
        g_hash_table_add (moved, (gpointer) &key->id);
      else if (want == NULL && g_hash_table_contains (moved, &key->id))
        continue;   /* leaves */
      else
        {
          if (want != NULL)
            g_hash_table_remove (wanted, &key->id);   /* unchanged */
          g_array_append_val (kept, *key);
        }
    }
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, wanted);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_array_append_val (landing, *(PdwConversationKey *) value);
  }
  if (landing->len == 0 && kept->len == old->len)
    return;

  g_array_sort (landing, (GCompareFunc) key_compare);
  keys = g_array_sized_new (FALSE, FALSE, sizeof (PdwConversationKey), kept->len + landing->len);
  for (guint i = 0, k = 0; i < landing->len || k < kept->len;)
    {
      if (i < landing->len &&
          (k == kept->len || key_sorts_before (KEY_AT_ARRAY (landing, i), KEY_AT_ARRAY (kept, k))))
        {
          g_hash_table_add (moved, &KEY_AT_ARRAY (landing, i)->id);
          g_array_append_val (keys, *KEY_AT_ARRAY (landing, i));
          i++;
        }
      else
        g_array_append_val (keys, *KEY_AT_ARRAY (kept, k++));
    }

  /* A row whose key changed but whose place did not is no hunk: it moved
   * nowhere, and its own notifications are enough. */
  landed = g_array_new (FALSE, FALSE, sizeof (guint));
  hunks = diff_hunks (old, keys, moved, landed);

  /* Last run first: each items-changed sees a model whole, the old order
   * before its run and the new one after, and a row moving up leaves its
   * old place before it lands (never twice in the model). */
  for (guint h = hunks->len; h-- > 0;)
    {
      const Hunk *hunk = &g_array_index (hunks, Hunk, h);

      g_array_remove_range (self->keys, hunk->old_position, hunk->removed);
      g_array_insert_vals (self->keys, hunk->old_position, KEY_AT_ARRAY (keys, hunk->position), hunk->added);
      g_list_model_items_changed (G_LIST_MODEL (self), hunk->old_position, hunk->removed, hunk->added);
    }
  g_assert (self->keys->len == keys->len);

  for (guint i = 0; i < landed->len; i++)
    g_signal_emit (self, signals[ARRIVED], 0, g_array_index (landed, guint, i));
}

static void
place_conversation (PdwConversationList *self,
                    gint64               conversation_id)
{
  place_conversations (self, &conversation_id, 1);
}

static void
hold (PdwConversationList *self,
      gint64               conversation_id)
{
  for (guint i = 0; i < self->held->len; i++)
    if (g_array_index (self->held, gint64, i) == conversation_id)
      return;

  g_array_append_val (self->held, conversation_id);
}

static void
place_held (PdwConversationList *self)
{
  g_autoptr(GArray) held = self->held;

  self->held = g_array_new (FALSE, FALSE, sizeof (gint64));
  place_conversations (self, (const gint64 *) held->data, held->len);
}

static gboolean
place_held_cb (gpointer data)
{
  PdwConversationList *self = data;

  self->flush_source = 0;
  if (!self->frozen)
    place_held (self);

  return G_SOURCE_REMOVE;
}

/* ---- The store's signals ---------------------------------------------------- */

/* The rows somebody holds are re-read, in one query, and updated in place,
 * wherever they go. */
static void
refresh_live_rows (PdwConversationList *self,
                   GArray              *ids)
{
  g_autoptr(GArray) live = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      PdwConversation *row = lookup_live (self, g_array_index (ids, gint64, i));

      if (row != NULL)
        {
          g_array_append_val (live, g_array_index (ids, gint64, i));
          /* Alive until updated, whatever a notification handler drops. */
          g_ptr_array_add (held, g_object_ref (row));
        }
    }
  if (live->len == 0)
    return;

  rows = pdw_store_list_conversations_by_id (self->store, (const gint64 *) live->data, live->len, &error);
  if (rows == NULL)
    {
      g_warning ("Cannot refresh the conversations of the queue: %s", error->message);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      PdwConversation *fresh = g_ptr_array_index (rows, i);
      PdwConversation *row = lookup_live (self, pdw_conversation_get_id (fresh));

      if (row != NULL)
        pdw_conversation_update_from (row, fresh);
    }
}

static void
conversation_changed_cb (PdwConversationList *self,
                         gint64               conversation_id,
                         PdwStore            *store)
{
  if (g_hash_table_add (self->pending_set, g_memdup2 (&conversation_id, sizeof conversation_id)))
    g_array_append_val (self->pending, conversation_id);
}

/* Once per run of the store's changes: the rows are re-read and placed
 * together.  A row's notifications can make a listener write to the store
 * (the window marks the open conversation read when its unread count
 * rises), and the store announces the same conversation again while this
 * runs: that comes as a run of its own, worked on after this one. */
static void
changes_settled_cb (PdwConversationList *self,
                    PdwStore            *store)
{
  if (self->refreshing)
    return;

  self->refreshing = TRUE;
  while (self->pending->len > 0)
    {
      g_autoptr(GArray) ids = self->pending;

      self->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_remove_all (self->pending_set);

      refresh_live_rows (self, ids);
      if (self->frozen)
        for (guint i = 0; i < ids->len; i++)
          hold (self, g_array_index (ids, gint64, i));
      else
        place_conversations (self, (const gint64 *) ids->data, ids->len);
    }
  self->refreshing = FALSE;
}

/* ---- GListModel ------------------------------------------------------------- */

static GType
pdw_conversation_list_get_item_type (GListModel *model)
{
  return PDW_TYPE_CONVERSATION;
}

static guint
pdw_conversation_list_get_n_items (GListModel *model)
{
  return PDW_CONVERSATION_LIST (model)->keys->len;
}

static gpointer
pdw_conversation_list_get_item (GListModel *model,
                                guint       position)
{
  PdwConversationList *self = PDW_CONVERSATION_LIST (model);
  PdwConversation *row;
  gint64 id;

  if (position >= self->keys->len)
    return NULL;

  id = KEY_AT (self, position)->id;
  if ((row = lookup_live (self, id)) == NULL)
    {
      fetch_page (self, position);
      row = lookup_live (self, id);
    }

  return row != NULL ? g_object_ref (row) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = pdw_conversation_list_get_item_type;
  iface->get_n_items = pdw_conversation_list_get_n_items;
  iface->get_item = pdw_conversation_list_get_item;
}

/* ---- GObject ---------------------------------------------------------------- */

static void
pdw_conversation_list_constructed (GObject *object)
{
  PdwConversationList *self = (PdwConversationList *)object;

  G_OBJECT_CLASS (pdw_conversation_list_parent_class)->constructed (object);

  g_return_if_fail (PDW_IS_STORE (self->store));

  g_array_unref (self->keys);
  self->keys = query_keys (self);

  g_signal_connect_object (self->store, "conversation-changed",
                           G_CALLBACK (conversation_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changes-settled",
                           G_CALLBACK (changes_settled_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
pdw_conversation_list_dispose (GObject *object)
{
  PdwConversationList *self = (PdwConversationList *)object;

  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pdw_conversation_list_parent_class)->dispose (object);
}

static void
pdw_conversation_list_finalize (GObject *object)
{
  PdwConversationList *self = (PdwConversationList *)object;
  GHashTableIter iter;
  gpointer value;

  g_queue_free_full (self->cache, g_object_unref);
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (value, live_object_finalized_cb, self);
  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->pending_set, g_hash_table_unref);
  g_clear_pointer (&self->held, g_array_unref);
  g_clear_pointer (&self->officer, g_free);

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

  /* After the items-changed that brought a conversation in or moved it:
   * its position now.  Not for a filter read afresh. */
  signals[ARRIVED] =
    g_signal_new ("arrived",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
pdw_conversation_list_init (PdwConversationList *self)
{
  self->query.filter = PDW_CONVERSATION_FILTER_ARCHIVE;
  self->query.due_soon_seconds = 8 * 3600;
  self->recent_days = DEFAULT_RECENT_DAYS;
  self->keys = g_array_new (FALSE, FALSE, sizeof (PdwConversationKey));
  self->live = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cache = g_queue_new ();
  self->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending_set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->held = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* ---- Public API ------------------------------------------------------------- */

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

  for (guint i = 0; i < self->keys->len; i++)
    if (KEY_AT (self, i)->id == conversation_id)
      return i;

  return G_MAXUINT;
}

void
pdw_conversation_list_set_filter (PdwConversationList   *self,
                                  PdwConversationFilter  filter)
{
  g_return_if_fail (PDW_IS_CONVERSATION_LIST (self));
  g_return_if_fail (filter < PDW_N_CONVERSATION_FILTERS);

  if (self->query.filter == filter)
    return;

  self->query.filter = filter;
  reload (self);
}

PdwConversationFilter
pdw_conversation_list_get_filter (PdwConversationList *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION_LIST (self), PDW_CONVERSATION_FILTER_ARCHIVE);

  return self->query.filter;
}

void
pdw_conversation_list_set_recent_days (PdwConversationList *self,
                                       guint                days)
{
  g_return_if_fail (PDW_IS_CONVERSATION_LIST (self));

  if (self->recent_days == days)
    return;

  self->recent_days = days;
  if (self->query.filter == PDW_CONVERSATION_FILTER_WORKING_SET ||
      self->query.filter == PDW_CONVERSATION_FILTER_UNANSWERED)
    reload (self);
}

void
pdw_conversation_list_set_due_soon_seconds (PdwConversationList *self,
                                            gint64               seconds)
{
  g_return_if_fail (PDW_IS_CONVERSATION_LIST (self));

  if (self->query.due_soon_seconds == seconds)
    return;

  self->query.due_soon_seconds = seconds;
  if (self->query.filter == PDW_CONVERSATION_FILTER_DUE_SOON ||
      self->query.filter == PDW_CONVERSATION_FILTER_ATTENTION)
    reload (self);
}

void
pdw_conversation_list_set_officer (PdwConversationList *self,
                                   const char          *officer)
{
  g_return_if_fail (PDW_IS_CONVERSATION_LIST (self));

  if (officer != NULL && *officer == '\0')
    officer = NULL;
  if (g_strcmp0 (self->officer, officer) == 0)
    return;

  g_free (self->officer);
  self->officer = g_strdup (officer);
  self->query.officer = self->officer;
  if (self->query.filter == PDW_CONVERSATION_FILTER_MINE)
    reload (self);
}

void
pdw_conversation_list_get_query (PdwConversationList  *self,
                                 PdwConversationQuery *query)
{
  g_return_if_fail (PDW_IS_CONVERSATION_LIST (self));
  g_return_if_fail (query != NULL);

  update_query_times (self);
  *query = self->query;
}

void
pdw_conversation_list_set_pinned (PdwConversationList *self,
                                  gint64               conversation_id)
{
  gint64 before;

  g_return_if_fail (PDW_IS_CONVERSATION_LIST (self));

  if (self->query.pinned_id == conversation_id)
    return;

  before = self->query.pinned_id;
  self->query.pinned_id = conversation_id;

  /* The new one is needed at once (it is being opened); the old one may
   * leave later, not from inside the selection change that unpinned it. */
  if (conversation_id != 0)
    place_conversation (self, conversation_id);
  if (before != 0)
    {
      hold (self, before);
      if (!self->frozen && self->flush_source == 0)
        self->flush_source = g_idle_add (place_held_cb, self);
    }
}

void
pdw_conversation_list_set_frozen (PdwConversationList *self,
                                  gboolean             frozen)
{
  g_return_if_fail (PDW_IS_CONVERSATION_LIST (self));

  frozen = !!frozen;
  if (self->frozen == frozen)
    return;

  self->frozen = frozen;
  if (!frozen)
    place_held (self);
}

gboolean
pdw_conversation_list_get_frozen (PdwConversationList *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION_LIST (self), FALSE);

  return self->frozen;
}

void
pdw_conversation_list_refresh (PdwConversationList *self)
{
  g_return_if_fail (PDW_IS_CONVERSATION_LIST (self));

  if (self->frozen)
    return;

  reload (self);
}

guint
pdw_conversation_list_get_n_fetched (PdwConversationList *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION_LIST (self), 0);

  return self->n_fetched;
}
