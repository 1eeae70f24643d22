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
 *   "template-requested" (const char *template_name): an SOP action that
 *       goes with a reply template was recorded; the window puts the
 *       template in the composer for the officer to review and send.
 * Actions:
 *   pane.apply (s: workflow action id), pane.new-complaint (after a closed
 *   file), pane.print-card.  The menu also offers win.merge-conversation. */
GtkWidget       *pdw_complaint_pane_new              (void);
PdwContext      *pdw_complaint_pane_get_context      (PdwComplaintPane *self);
void             pdw_complaint_pane_set_context      (PdwComplaintPane *self,
                                                      PdwContext       *context);
PdwConversation *pdw_complaint_pane_get_conversation (PdwComplaintPane *self);
void             pdw_complaint_pane_set_conversation (PdwComplaintPane *self,
                                                      PdwConversation  *conversation);
PdwComplaint    *pdw_complaint_pane_get_complaint    (PdwComplaintPane *self);

G_END_DECLS
