/* pdw-message-notifier.h: a desktop notification for each message a
 * citizen sends while the officer is not looking at the window (another
 * window in front, or the desk minimised): the citizen's name as its title,
 * the text with any NIK/KK masked (a notification may show on a locked
 * screen), and a click that opens the conversation.  With the settings key
 * "notification-sound" on, the display's bell sounds as well.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pdw-context.h"

G_BEGIN_DECLS

#define PDW_TYPE_MESSAGE_NOTIFIER (pdw_message_notifier_get_type ())
G_DECLARE_FINAL_TYPE (PdwMessageNotifier, pdw_message_notifier, PDW, MESSAGE_NOTIFIER, GObject)

/* Notifies through @window's application; @window is not referenced. */
PdwMessageNotifier *pdw_message_notifier_new (GtkWindow  *window,
                                              PdwContext *context);

/* The notification for @message_id, as sent (NULL: none is due, e.g. an
 * outbound message); for tests and the sender. */
GNotification      *pdw_message_notifier_create_notification (PdwMessageNotifier *self,
                                                              gint64              message_id);
/* For tests: how many were sent, the id and the text of the last made. */
guint               pdw_message_notifier_get_n_sent (PdwMessageNotifier *self);
const char         *pdw_message_notifier_get_last_id (PdwMessageNotifier *self);
const char         *pdw_message_notifier_get_last_body (PdwMessageNotifier *self);

G_END_DECLS
