/* pdw-message-row.h: one chat bubble.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/pdw-message.h"
#include "core/pdw-send-error.h"

G_BEGIN_DECLS

#define PDW_TYPE_MESSAGE_ROW (pdw_message_row_get_type ())
G_DECLARE_FINAL_TYPE (PdwMessageRow, pdw_message_row, PDW, MESSAGE_ROW, GtkWidget)

GtkWidget  *pdw_message_row_new              (void);
PdwMessage *pdw_message_row_get_message      (PdwMessageRow *self);
void        pdw_message_row_set_message      (PdwMessageRow *self,
                                              PdwMessage    *message);

/* What the bubble shows, for tests: the text (or caption), the time, and the
 * name of the delivery icon (NULL for incoming messages). */
const char *pdw_message_row_get_text         (PdwMessageRow *self);
const char *pdw_message_row_get_time_text    (PdwMessageRow *self);
const char *pdw_message_row_get_status_icon  (PdwMessageRow *self);
/* The state in a word for outgoing messages ("Queued", "Sent", "Delivered",
 * "Read", "Failed"; NULL for incoming), the reason shown under a failed
 * one (NULL otherwise), and the button that does @action on a failed one
 * while it is shown (else NULL): RETRY "chat.retry-message", EDIT
 * "chat.edit-message" (both with the message id), SEND_TEMPLATE
 * "chat.send-template", OPEN_SETTINGS "app.preferences-page". */
const char *pdw_message_row_get_state_text   (PdwMessageRow *self);
const char *pdw_message_row_get_error_text   (PdwMessageRow *self);
GtkWidget  *pdw_message_row_get_action_button (PdwMessageRow *self,
                                               PdwSendAction  action);

G_END_DECLS
