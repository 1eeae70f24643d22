/* pdw-extract-items.c: the list of items a line of a message is cut into.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-extract-private.h"

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_pointer (&item->text, g_free);
  g_clear_pointer (&item->key, g_free);
}

GArray *
_pdw_extract_items_new (void)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  g_array_set_clear_func (items, item_clear);

  return items;
}

/* Takes @text; returns the new item, valid until the next change to @items. */
Item *
_pdw_extract_items_add (GArray    *items,
                        ItemType   type,
                        char      *text,
                        gsize      pos)
{
  Item item = { 0 };

  item.type = type;
  item.text = text;
  item.pos = pos;
  g_array_append_val (items, item);

  return _pdw_extract_item_at (items, items->len - 1);
}

GArray *
_pdw_extract_items_copy (GArray *items,
                         guint   from,
                         guint   to)
{
  GArray *copy = _pdw_extract_items_new ();

  for (guint i = from; i < to; i++)
    {
      Item item = *_pdw_extract_item_at (items, i);

      item.text = g_strdup (item.text);
      item.key = g_strdup (item.key);
      g_array_append_val (copy, item);
    }

  return copy;
}
