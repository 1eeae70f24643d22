/* pdw-chat-view-private.h: what the files of PdwChatView share (the view
 * itself in pdw-chat-view.c, the satisfaction survey in
 * pdw-chat-view-survey.c).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

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
  /* conversation id -> unsent text, so a half-typed reply never follows the
   * officer to another citizen and is never lost by switching. */
  GHashTable        *drafts;

  gboolean           at_bottom;
  /* Scrolling up near the top reads the page before (in an idle). */
  double             last_value;
  guint              load_older_id;
  /* The 24-hour customer-service window of the open conversation. */
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

/* pdw-chat-view-outbox.c: the actions on a failed reply,
 * "chat.retry-message" and "chat.edit-message" (the message id, "x"). */
void     _pdw_chat_view_class_init_outbox   (GtkWidgetClass *widget_class);

G_END_DECLS
