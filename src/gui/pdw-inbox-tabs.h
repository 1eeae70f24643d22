/* pdw-inbox-tabs.h: the queue's tabs as the chat tools officers know have
 * them: Semua, Belum dibalas, Milik saya, Terlambat / segera jatuh tempo
 * (each with its count from a PdwInboxCounter), and Arsip.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/pdw-inbox-counter.h"

G_BEGIN_DECLS

#define PDW_TYPE_INBOX_TABS (pdw_inbox_tabs_get_type ())
G_DECLARE_FINAL_TYPE (PdwInboxTabs, pdw_inbox_tabs, PDW, INBOX_TABS, GtkWidget)

/* Property "filter" (int, PdwConversationFilter): the tab chosen.  A filter
 * without a tab (set by code) leaves none of them pressed. */
void                  pdw_inbox_tabs_set_counter (PdwInboxTabs          *self,
                                                  PdwInboxCounter       *counter);
PdwConversationFilter pdw_inbox_tabs_get_filter  (PdwInboxTabs          *self);
void                  pdw_inbox_tabs_set_filter  (PdwInboxTabs          *self,
                                                  PdwConversationFilter  filter);

/* For tests: the count shown on the tab of @filter (NULL: no such tab). */
const char           *pdw_inbox_tabs_get_count_text (PdwInboxTabs       *self,
                                                     PdwConversationFilter filter);
GtkWidget            *pdw_inbox_tabs_get_button  (PdwInboxTabs          *self,
                                                  PdwConversationFilter  filter);

G_END_DECLS
