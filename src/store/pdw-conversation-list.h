/* pdw-conversation-list.h: the queue as a GListModel of PdwConversation,
 * newest activity first, kept current from the store's signals.
 *
 * Only the ordered keys of the filter are in memory (two integers per
 * conversation); rows are read from the store in pages when the view asks
 * for them, and an object handed out stays the row's object while anyone
 * holds it, updated in place.
 *
 * Changes are gathered until the store's "changes-settled": a burst of
 * conversations moving to the top is one items-changed (rows that did not
 * move are re-announced only when few lie between moved ones), then one
 * "arrived" (guint position) for each conversation that came in or moved.
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

/* Starts on PDW_CONVERSATION_FILTER_ARCHIVE: every conversation. */
PdwConversationList  *pdw_conversation_list_new      (PdwStore              *store);
/* Position of the conversation with @conversation_id, or G_MAXUINT. */
guint                 pdw_conversation_list_find     (PdwConversationList   *self,
                                                      gint64                 conversation_id);

void                  pdw_conversation_list_set_filter (PdwConversationList   *self,
                                                        PdwConversationFilter  filter);
PdwConversationFilter pdw_conversation_list_get_filter (PdwConversationList   *self);
/* The working set's "recent": an inbound message in the last @days days
 * (default 14). */
void                  pdw_conversation_list_set_recent_days (PdwConversationList *self,
                                                             guint                days);
void                  pdw_conversation_list_set_due_soon_seconds (PdwConversationList *self,
                                                                  gint64               seconds);
/* The duty officer whose files PDW_CONVERSATION_FILTER_MINE shows (NULL
 * or empty: nobody's). */
void                  pdw_conversation_list_set_officer (PdwConversationList *self,
                                                         const char          *officer);
/* The query as it stands now (its times current; officer borrowed). */
void                  pdw_conversation_list_get_query (PdwConversationList  *self,
                                                       PdwConversationQuery *query);
/* Keeps one conversation (the one the officer has open) in the list
 * whatever the filter; 0: none.  The one pinned before may leave on the
 * next idle. */
void                  pdw_conversation_list_set_pinned (PdwConversationList   *self,
                                                        gint64                 conversation_id);
/* While frozen (the pointer is on the list), rows are updated in place but
 * arrive, move and leave only when thawed. */
void                  pdw_conversation_list_set_frozen (PdwConversationList   *self,
                                                        gboolean               frozen);
gboolean              pdw_conversation_list_get_frozen (PdwConversationList   *self);
/* Re-reads the filter (time passes: recent and due times), emitting only
 * what changed. */
void                  pdw_conversation_list_refresh  (PdwConversationList   *self);

/* For tests: how many rows were read from the store so far. */
guint                 pdw_conversation_list_get_n_fetched (PdwConversationList *self);

G_END_DECLS
