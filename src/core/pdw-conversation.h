/* pdw-conversation.h: one citizen's WhatsApp thread, as the queue shows it.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pdw-service-calendar.h"
#include "pdw-types.h"

G_BEGIN_DECLS

#define PDW_TYPE_CONVERSATION (pdw_conversation_get_type ())
G_DECLARE_FINAL_TYPE (PdwConversation, pdw_conversation, PDW, CONVERSATION, GObject)

/* Properties (all readable and writable, notify only on change):
 *   id (int64), contact-id (int64), wa-id (string), profile-name (string),
 *   display-name (string, read-only: profile name, else the formatted number),
 *   last-message-text (string), last-message-time (int64, Unix s UTC),
 *   last-message-direction (int, PdwDirection), last-message-automatic (boolean:
 *   the out-of-hours automatic reply), last-inbound-time (int64),
 *   unread-count (uint), complaint-id (int64, 0 = none), complaint-ticket (string),
 *   complaint-status (int, PdwComplaintStatus; meaningless when complaint-id is 0),
 *   pending-step (string: the SOP step an unsent draft will record when it
 *       goes, a pdw-workflow.h action id; NULL when none)
 */
gint64              pdw_conversation_get_id                     (PdwConversation *self);
gint64              pdw_conversation_get_contact_id             (PdwConversation *self);
const char         *pdw_conversation_get_wa_id                  (PdwConversation *self);
const char         *pdw_conversation_get_profile_name           (PdwConversation *self);
char               *pdw_conversation_dup_display_name           (PdwConversation *self);
const char         *pdw_conversation_get_last_message_text      (PdwConversation *self);
gint64              pdw_conversation_get_last_message_time      (PdwConversation *self);
PdwDirection        pdw_conversation_get_last_message_direction (PdwConversation *self);
gboolean            pdw_conversation_get_last_message_automatic (PdwConversation *self);
gint64              pdw_conversation_get_last_inbound_time      (PdwConversation *self);
guint               pdw_conversation_get_unread_count           (PdwConversation *self);
gint64              pdw_conversation_get_complaint_id           (PdwConversation *self);
const char         *pdw_conversation_get_complaint_ticket       (PdwConversation *self);
PdwComplaintStatus  pdw_conversation_get_complaint_status       (PdwConversation *self);
/* The complaint's due time (0 when no SLA clock runs), for the queue's
 * due-soon / overdue marks and filter. */
gint64              pdw_conversation_get_complaint_due_at       (PdwConversation *self);
/* Classifies like pdw_complaint_classify_sla() from the status and due time. */
PdwSlaState         pdw_conversation_classify_sla               (PdwConversation *self,
                                                                 gint64           now,
                                                                 gint64           soon_threshold);
/* Other WhatsApp numbers merged into this conversation (0 when none). */
guint               pdw_conversation_get_n_merged_numbers       (PdwConversation *self);

/* The queue's "Draf belum dikirim": a step waits for its message. */
const char         *pdw_conversation_get_pending_step           (PdwConversation *self);

/* Copies every property of @other into @self, notifying only those that
 * changed: list models refresh rows in place with it. */
void                pdw_conversation_update_from                (PdwConversation *self,
                                                                 PdwConversation *other);

G_END_DECLS
