/* pdw-conversation-row.h: one line of the queue.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/pdw-conversation.h"

#include "pdw-context.h"

G_BEGIN_DECLS

#define PDW_TYPE_CONVERSATION_ROW (pdw_conversation_row_get_type ())
G_DECLARE_FINAL_TYPE (PdwConversationRow, pdw_conversation_row, PDW, CONVERSATION_ROW, GtkWidget)

/* Property: context (PdwContext, construct-only): the clock and the
 * due-soon-hours setting the SLA mark follows. */
GtkWidget       *pdw_conversation_row_new              (PdwContext         *context);
PdwConversation *pdw_conversation_row_get_conversation (PdwConversationRow *self);
void             pdw_conversation_row_set_conversation (PdwConversationRow *self,
                                                        PdwConversation    *conversation);

/* What the row shows, for tests and accessibility checks.  The unread and
 * ticket texts are NULL while their labels are hidden. */
const char      *pdw_conversation_row_get_name_text    (PdwConversationRow *self);
const char      *pdw_conversation_row_get_preview_text (PdwConversationRow *self);
const char      *pdw_conversation_row_get_time_text    (PdwConversationRow *self);
const char      *pdw_conversation_row_get_unread_text  (PdwConversationRow *self);
const char      *pdw_conversation_row_get_status_text  (PdwConversationRow *self);
const char      *pdw_conversation_row_get_ticket_text  (PdwConversationRow *self);
/* "Overdue by 2 h" / "Due in 40 min"; NULL while on time. */
const char      *pdw_conversation_row_get_sla_text     (PdwConversationRow *self);

G_END_DECLS
