/* pdw-inbox-counter.h: the inbox tabs' counts (Semua, Belum dibalas,
 * Milik saya, Terlambat / segera jatuh tempo) and the number of unread
 * conversations, for a PdwConversationList's query.
 *
 * Counted in a GTask thread (one indexed count per tab), again after each
 * run of the store's changes ("changes-settled") and on
 * pdw_inbox_counter_refresh(); a refresh asked while one runs is done once
 * after it.  The properties all, unanswered, mine, attention and unread
 * (uint) notify when they change.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pdw-conversation-list.h"

G_BEGIN_DECLS

#define PDW_TYPE_INBOX_COUNTER (pdw_inbox_counter_get_type ())
G_DECLARE_FINAL_TYPE (PdwInboxCounter, pdw_inbox_counter, PDW, INBOX_COUNTER, GObject)

PdwInboxCounter *pdw_inbox_counter_new        (PdwStore            *store,
                                               PdwConversationList *list);
void             pdw_inbox_counter_refresh    (PdwInboxCounter     *self);
const PdwInboxCounts *pdw_inbox_counter_get_counts (PdwInboxCounter *self);
/* The count of the tab that shows @filter (G_MAXUINT: a filter without one). */
guint            pdw_inbox_counter_get_count  (PdwInboxCounter     *self,
                                               PdwConversationFilter filter);
/* For tests: whether a count is running or waiting to run. */
gboolean         pdw_inbox_counter_is_busy    (PdwInboxCounter     *self);

G_END_DECLS
