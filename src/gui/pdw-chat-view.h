/* pdw-chat-view.h: the messages of the selected conversation and the
 * composer under them.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pdw-context.h"

G_BEGIN_DECLS

#define PDW_TYPE_CHAT_VIEW (pdw_chat_view_get_type ())
G_DECLARE_FINAL_TYPE (PdwChatView, pdw_chat_view, PDW, CHAT_VIEW, GtkWidget)

/* Properties:
 *   context (PdwContext: the store, the gateway, which may be NULL so that
 *   replies are only queued in the store's outbox, the settings, the service
 *   calendar and the clock), conversation (PdwConversation)
 * Actions:
 *   chat.send: sends what the composer holds; the text is cleared only once
 *   the reply is safely stored.
 */
GtkWidget       *pdw_chat_view_new              (void);
PdwContext      *pdw_chat_view_get_context      (PdwChatView       *self);
void             pdw_chat_view_set_context      (PdwChatView       *self,
                                                 PdwContext        *context);
PdwConversation *pdw_chat_view_get_conversation (PdwChatView       *self);
void             pdw_chat_view_set_conversation (PdwChatView       *self,
                                                 PdwConversation   *conversation);
/* Renders the reply template @template_name (pdw_store_dup_reply_template)
 * with the open conversation's complaint ({nama}, {nik_masked}, {tiket},
 * {batas_waktu}, {petugas} from GSettings officer-name) and puts it in the
 * composer for the officer to read and send: replaces an empty draft,
 * otherwise is appended after a blank line.  The complaint pane calls it
 * after an action that has a template (pdw_workflow_action_get_template()). */
void             pdw_chat_view_insert_template  (PdwChatView       *self,
                                                 const char        *template_name);

/* For tests: the message model shown (NULL with no conversation), and the composer. */
GListModel      *pdw_chat_view_get_messages     (PdwChatView       *self);
GtkWidget       *pdw_chat_view_get_composer     (PdwChatView       *self);
GtkWidget       *pdw_chat_view_get_list_view    (PdwChatView       *self);
/* For tests: whether free-form replies may go out now (the WhatsApp 24-hour
 * window), the notice shown when they may not, and the templates menu. */
gboolean         pdw_chat_view_get_service_window_open (PdwChatView *self);
GtkWidget       *pdw_chat_view_get_window_notice (PdwChatView      *self);
GMenuModel      *pdw_chat_view_get_templates_menu (PdwChatView     *self);

G_END_DECLS
