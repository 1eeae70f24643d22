/* pdw-complaint-pane.h: the right-hand pane where an officer checks the
 * citizen's identity numbers, registers the complaint and follows its
 * control card.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pdw-action-dialog.h"
#include "pdw-context.h"

G_BEGIN_DECLS

#define PDW_TYPE_COMPLAINT_PANE (pdw_complaint_pane_get_type ())
G_DECLARE_FINAL_TYPE (PdwComplaintPane, pdw_complaint_pane, PDW, COMPLAINT_PANE, GtkWidget)

/* Properties: context (PdwContext: the store, the settings and the clock),
 *             conversation (PdwConversation, may be NULL),
 *             complaint (PdwComplaint, read-only: NULL until registered)
 * Signals:
 *   "step-requested" (const char *action, const char *note, const char *party):
 *       the officer chose a step that speaks to the citizen
 *       (pdw_workflow_action_speaks_to_citizen()) and it is possible now;
 *       nothing is recorded yet: the window hands it to the composer
 *       (pdw_chat_view_begin_step()), whose Send records it with its message.
 *   "template-requested" (const char *template_name): an ADB outcome that
 *       goes with a reply template (a duplicate record: the referral) was
 *       recorded; the window puts the template in the composer for the
 *       officer to review and send.
 * Actions:
 *   pane.apply (s: workflow action id), pane.next-step (the suggested
 *   step's button, Ctrl+Shift+Enter anywhere in the window),
 *   pane.new-complaint (after a closed file), pane.print-card.  The menu also offers win.merge-conversation. */
GtkWidget       *pdw_complaint_pane_new              (void);
PdwContext      *pdw_complaint_pane_get_context      (PdwComplaintPane *self);
void             pdw_complaint_pane_set_context      (PdwComplaintPane *self,
                                                      PdwContext       *context);
PdwConversation *pdw_complaint_pane_get_conversation (PdwComplaintPane *self);
void             pdw_complaint_pane_set_conversation (PdwComplaintPane *self,
                                                      PdwConversation  *conversation);
PdwComplaint    *pdw_complaint_pane_get_complaint    (PdwComplaintPane *self);

G_END_DECLS
