/* pdw-window-private.h: the window's fields, shared by its files:
 * pdw-window.c (the views, filters, actions) and pdw-window-queue.c (a
 * queue that holds still under the pointer, the "new messages" pill, the
 * keys that walk it).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/pdw-inbox-counter.h"

#include "pdw-gateway-status.h"
#include "pdw-search-results.h"
#include "pdw-window.h"

G_BEGIN_DECLS

struct _PdwWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template Widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *demo_badge;
  PdwGatewayBanner     *gateway_banner;
  PdwGatewayStatus     *gateway_status;
  GtkStack             *sidebar_stack;
  PdwInboxTabs         *inbox_tabs;
  AdwFlap              *flap;
  AdwStatusPage        *empty_page;
  GtkScrolledWindow    *queue_scroller;
  GtkListView          *conversation_view;
  GtkWidget            *new_messages_button;
  PdwChatView          *chat_view;
  PdwComplaintPane     *complaint_pane;
  GtkSearchBar         *search_bar;
  PdwSearchResults     *search_results;

  /* Owned References */
  PdwContext           *context;
  PdwStore             *store;           /* the context's */
  PdwConversationList  *conversations;
  PdwInboxCounter      *counter;
  PdwMessageNotifier   *notifier;
  char                 *title;
  GtkSingleSelection   *selection;
  PdwConversation      *selected;
  /* Follows whichever conversation is current. */
  GSignalGroup         *selected_signals;

  /* Weak: the dialog open now, for tests. */
  PdwMergeDialog       *merge_dialog;

  PdwQueueFilter        queue_filter;
  gboolean              demo;
  /* A key in the list moved the selection: the focus stays in the list. */
  gboolean              selecting_by_keyboard;
  /* Rows waiting above the viewport for the officer ("N new messages"). */
  guint                 n_new_above;
  char                 *new_messages_text;
  /* Thaws the queue after a pause of the pointer over it. */
  guint                 thaw_source;
  guint                 scroll_top_source;
};

void           _pdw_window_watch_queue                  (PdwWindow           *self);
void           _pdw_window_clear_new_messages           (PdwWindow           *self);
GtkAdjustment *_pdw_window_get_queue_adjustment         (PdwWindow           *self);
gboolean       _pdw_window_scroll_queue_to_top_cb       (gpointer             data);
void           _pdw_window_conversation_arrived_cb      (PdwWindow           *self,
                                                         guint                position,
                                                         PdwConversationList *list);
void           _pdw_window_adjacent_conversation_action (GtkWidget           *widget,
                                                         const char          *action_name,
                                                         GVariant            *param);

G_END_DECLS
