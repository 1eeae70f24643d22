/* pdw-message-list.h: the messages of one conversation as a GListModel of
 * PdwMessage, oldest first, kept current from the store's signals.
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

G_END_DECLS
