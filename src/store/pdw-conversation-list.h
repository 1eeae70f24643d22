/* pdw-conversation-list.h: the queue as a GListModel of PdwConversation,
 * newest activity first, kept current from the store's signals.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pdw-store.h"

G_BEGIN_DECLS

#define PDW_TYPE_CONVERSATION_LIST (pdw_conversation_list_get_type ())
G_DECLARE_FINAL_TYPE (PdwConversationList, pdw_conversation_list, PDW, CONVERSATION_LIST, GObject)

PdwConversationList *pdw_conversation_list_new      (PdwStore            *store);
/* Position of the conversation with @conversation_id, or G_MAXUINT. */
guint                pdw_conversation_list_find     (PdwConversationList *self,
                                                     gint64               conversation_id);

G_END_DECLS
