/* pdw-message-row.h: one chat bubble.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/pdw-message.h"

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

G_END_DECLS
