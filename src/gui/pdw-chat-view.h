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
 *   the reply is safely stored.  With a pending step, the step is recorded
 *   with it (pdw_store_queue_step_message()).
 *   chat.show-templates (Ctrl+T anywhere in the window): the templates menu.
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
/* An SOP step that speaks to the citizen (pdw_workflow_action_speaks_to_citizen()),
 * chosen in the complaint pane: fills the step's template as
 * pdw_chat_view_insert_template() does and marks the composer as carrying
 * the step (a bar above it, with a button that cancels).  Nothing is
 * recorded now: Send queues the message and writes the step's card line in
 * one act; an emptied composer or the cancel button drop the step.  The
 * draft and its step are kept in the store until then.  @note and @party
 * as the action needs them (a rejection's reason). */
void             pdw_chat_view_begin_step       (PdwChatView       *self,
                                                 const char        *action,
                                                 const char        *note,
                                                 const char        *party);

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
