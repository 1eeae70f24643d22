/* pdw-chat-view-private.h: what the files of PdwChatView share (the view
 * itself in pdw-chat-view.c, the satisfaction survey in
 * pdw-chat-view-survey.c).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gateway/pdw-gateway-backend.h"
#include "store/pdw-message-list.h"

#include "pdw-chat-view.h"
#include "pdw-composer.h"

G_BEGIN_DECLS

struct _PdwChatView
{
  GtkWidget          parent_instance;

  /* Template Widgets */
  GtkStack          *stack;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkScrolledWindow *scroller;
  GtkListView       *list_view;
  PdwComposer       *composer;
  GtkWidget         *window_notice;
  GtkLabel          *window_notice_label;
  GtkLabel          *window_hint;
  GtkMenuButton     *templates_button;

  /* Owned References */
  GMenu             *templates_menu;
  PdwContext        *context;
  PdwStore          *store;              /* the context's */
  GSettings         *settings;           /* the context's */
  PdwConversation   *conversation;
  PdwMessageList    *messages;
  /* Follow whichever context, store, conversation and message list are
   * current, without disconnecting by hand. */
  GSignalGroup      *clock_signals;
  GSignalGroup      *store_signals;
  GSignalGroup      *conversation_signals;
  GSignalGroup      *messages_signals;
  /* The gateway's backend decides whether there is a 24-hour window
   * (pdw-chat-view-window.c); without a gateway, the setting's. */
  GSignalGroup      *context_signals;
  GSignalGroup      *gateway_signals;
  GSignalGroup      *settings_signals;
  PdwGatewayBackend *settings_backend;
  /* The templates the composer's quick replies list (PdwReplyTemplate). */
  GListStore        *templates;
  /* What the pending step of the composer (pdw_composer_get_step()) was
   * given with it: a rejection's reason, a receiving party. */
  char              *step_note;
  char              *step_party;
  char              *step_promise;
  /* The unsent text is kept in the store (pdw_store_save_draft()) a moment
   * after typing stops, and at once on a switch or a step. */
  guint              draft_save_id;
  gboolean           restoring_draft;

  gboolean           at_bottom;
  /* Until then (monotonic time) the end of the list is held in view. */
  gint64             stick_until;
  guint              stick_tick_id;
  /* Scrolling up near the top reads the page before (in an idle). */
  double             last_value;
  guint              load_older_id;
  /* The 24-hour customer-service window of the open conversation (always
   * open with a provider that has none). */
  gboolean           window_open;
};

/* When the service opens next (for templates that name it). */
gint64   _pdw_chat_view_next_opening        (PdwChatView   *self);
/* The survey question as the closing message carries it in this
 * conversation, or NULL when the template is empty or unreadable. */
char    *_pdw_chat_view_dup_survey_question (PdwChatView   *self,
                                             PdwComplaint  *complaint);
/* When @text asks the conversation's resolved, unrated file for a rating:
 * queues it and records the question on the control card, and returns the
 * message id; else 0 (the caller sends it as a plain reply) or 0 with
 * @error set. */
gint64   _pdw_chat_view_queue_survey_reply  (PdwChatView   *self,
                                             const char    *text,
                                             GError       **error);

/* ---- pdw-chat-view.c ---- */

/* Enables the send actions for the composer and the window. */
void     _pdw_chat_view_update_actions      (PdwChatView   *self);

/* Fills @template_name for the open conversation and puts it in the
 * composer (replacing an empty draft, else after a blank line).
 * @status_after: the status the file has when the text goes (the closing
 * message asks for a rating once the file is resolved), or -1 for its
 * status now; @due_at and @reason as pdw_template_render_for_step().
 * FALSE when the template cannot be read (said in a toast). */
gboolean _pdw_chat_view_fill_composer       (PdwChatView   *self,
                                             const char    *template_name,
                                             int            status_after,
                                             gint64         due_at,
                                             const char    *reason);
void     _pdw_chat_view_show_toast          (PdwChatView   *self,
                                             const char    *message);

/* ---- pdw-chat-view-window.c ---- */

/* Shows the closed window's bar or the closing hint, locks the free-form
 * reply while closed; none of it when the provider has no window. */
void     _pdw_chat_view_sync_service_window (PdwChatView   *self);
/* The same for a newly opened conversation (its composer placeholder). */
void     _pdw_chat_view_reset_service_window (PdwChatView  *self);
/* Follows the context's gateway (and the backend setting) from now on. */
void     _pdw_chat_view_set_window_context  (PdwChatView   *self);
void     _pdw_chat_view_init_window         (PdwChatView   *self);
void     _pdw_chat_view_dispose_window      (PdwChatView   *self);

/* ---- pdw-chat-view-drafts.c ---- */

/* Keeps the composer's text and step as the open conversation's draft now. */
void     _pdw_chat_view_save_draft          (PdwChatView   *self);
/* The same, only when the text changed since it was last kept. */
void     _pdw_chat_view_flush_draft         (PdwChatView   *self);
/* Puts the open conversation's kept draft (and its step) in the composer. */
void     _pdw_chat_view_restore_draft       (PdwChatView   *self);
/* Wires the composer's changes to the kept draft. */
void     _pdw_chat_view_init_drafts         (PdwChatView   *self);
void     _pdw_chat_view_dispose_drafts      (PdwChatView   *self);
/* When the composer carries a step: queues @text with it, in one act
 * (pdw_store_queue_step_message()), and returns the message id; else 0 (a
 * plain reply), or 0 with @error set. */
gint64   _pdw_chat_view_queue_step_reply    (PdwChatView   *self,
                                             const char    *text,
                                             GError       **error);

/* ---- pdw-chat-view-media.c ---- */

/* pdw-chat-view-media.c: "chat.attach" (a file chooser, then the outbox)
 * and "chat.retry-media" (int64 message id). */
void     _pdw_chat_view_attach_action      (GtkWidget   *widget,
                                            const char  *action_name,
                                            GVariant    *param);
void     _pdw_chat_view_attach_file        (PdwChatView *self,
                                            gint64       conversation_id,
                                            GFile       *file);
void     _pdw_chat_view_retry_media_action (GtkWidget   *widget,
                                            const char  *action_name,
                                            GVariant    *param);

/* ---- pdw-chat-view-outbox.c ---- */

/* The actions on a failed reply,
 * "chat.retry-message" and "chat.edit-message" (the message id, "x"). */
void     _pdw_chat_view_class_init_outbox   (GtkWidgetClass *widget_class);

G_END_DECLS
