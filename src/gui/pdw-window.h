/* pdw-window.h: the main window: queue, chat and complaint pane.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/pdw-conversation-list.h"

#include "pdw-chat-view.h"
#include "pdw-search-results.h"
#include "pdw-complaint-pane.h"
#include "pdw-context.h"
#include "pdw-gateway-banner.h"
#include "pdw-merge-dialog.h"
#include "pdw-inbox-tabs.h"
#include "pdw-message-notifier.h"

G_BEGIN_DECLS

/* The queue filter, in the order of PdwConversationFilter (the inbox
 * tabs show ALL, UNANSWERED, MINE, ATTENTION and ARCHIVE). */
typedef enum
{
  PDW_QUEUE_FILTER_ALL,        /* the working set: what needs the desk */
  PDW_QUEUE_FILTER_OPEN,       /* a complaint that is not selesai/ditolak */
  PDW_QUEUE_FILTER_DUE_SOON,
  PDW_QUEUE_FILTER_OVERDUE,
  PDW_QUEUE_FILTER_ARCHIVE,    /* every conversation */
  PDW_QUEUE_FILTER_UNANSWERED, /* the tabs: Belum dibalas, */
  PDW_QUEUE_FILTER_MINE,       /* Milik saya, */
  PDW_QUEUE_FILTER_ATTENTION,  /* Terlambat / segera jatuh tempo */
  PDW_N_QUEUE_FILTERS
} PdwQueueFilter;

#define PDW_TYPE_WINDOW (pdw_window_get_type ())
G_DECLARE_FINAL_TYPE (PdwWindow, pdw_window, PDW, WINDOW, AdwApplicationWindow)

/* Properties (construct-only): context (PdwContext: the store, the gateway,
 * which may be NULL so that the window only reads and queues, the settings
 * and the clock), demo (boolean). */
PdwWindow           *pdw_window_new                   (GtkApplication    *application,
                                                       PdwContext        *context,
                                                       gboolean           demo);
/* A gateway problem the service itself cannot report, e.g. that it could
 * not start because the port is in use.  NULL hides it. */
void                 pdw_window_set_gateway_error     (PdwWindow         *self,
                                                       const char        *message);
/* Selects the conversation at @position of the (filtered) queue (G_MAXUINT: none). */
void                 pdw_window_select_position       (PdwWindow         *self,
                                                       guint              position);

/* Selects a conversation, switching the filter to the working set if it
 * hides it (and keeping it there while it is open); FALSE when there is no
 * such conversation. */
gboolean             pdw_window_select_conversation   (PdwWindow         *self,
                                                       gint64             conversation_id);
void                 pdw_window_set_queue_filter      (PdwWindow         *self,
                                                       PdwQueueFilter     filter);
PdwQueueFilter       pdw_window_get_queue_filter      (PdwWindow         *self);
/* Re-evaluates the filter now (the window does it every minute). */
void                 pdw_window_refresh_queue         (PdwWindow         *self);

/* Moves to the previous / next conversation of the queue (Alt+Up/Down). */
void                 pdw_window_select_adjacent       (PdwWindow         *self,
                                                       int                direction);
/* Whether the "N new messages" pill shows, and its text (NULL: hidden). */
const char          *pdw_window_get_new_messages_text (PdwWindow         *self);

/* For tests. */
GListModel          *pdw_window_get_visible_conversations (PdwWindow     *self);
PdwMergeDialog      *pdw_window_get_merge_dialog      (PdwWindow         *self);
PdwConversationList *pdw_window_get_conversations     (PdwWindow         *self);
GtkWidget           *pdw_window_get_conversation_view (PdwWindow         *self);
PdwChatView         *pdw_window_get_chat_view         (PdwWindow         *self);
PdwComplaintPane    *pdw_window_get_complaint_pane    (PdwWindow         *self);
const char          *pdw_window_get_subtitle          (PdwWindow         *self);
const char          *pdw_window_get_error_text        (PdwWindow         *self);
PdwGatewayBanner    *pdw_window_get_gateway_banner    (PdwWindow         *self);
PdwInboxTabs        *pdw_window_get_inbox_tabs        (PdwWindow         *self);
PdwInboxCounter     *pdw_window_get_inbox_counter     (PdwWindow         *self);
PdwMessageNotifier  *pdw_window_get_message_notifier  (PdwWindow         *self);
AdwFlap             *pdw_window_get_flap              (PdwWindow         *self);

/* Search (Ctrl+F): shown instead of the queue while it is visible. */
PdwSearchResults    *pdw_window_get_search_results    (PdwWindow         *self);

G_END_DECLS
