/* pdw-message-list.h: the messages of one conversation as a GListModel of
 * PdwMessage, oldest first, kept current from the store's signals.  It
 * holds the newest page (50 messages) when made, whatever the length of
 * the conversation; older pages come on demand (load_older), as the
 * officer scrolls back.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pdw-store.h"

G_BEGIN_DECLS

#define PDW_TYPE_MESSAGE_LIST (pdw_message_list_get_type ())
G_DECLARE_FINAL_TYPE (PdwMessageList, pdw_message_list, PDW, MESSAGE_LIST, GObject)

PdwMessageList *pdw_message_list_new                  (PdwStore       *store,
                                                       gint64          conversation_id);
gint64          pdw_message_list_get_conversation_id  (PdwMessageList *self);
/* "has-older": older messages are still to be read. */
gboolean        pdw_message_list_get_has_older        (PdwMessageList *self);
/* Reads the page before the first item and inserts it at position 0;
 * returns how many came (0: none left). */
guint           pdw_message_list_load_older           (PdwMessageList *self);

G_END_DECLS
