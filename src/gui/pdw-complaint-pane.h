/* pdw-complaint-pane.h: the right-hand pane where an officer checks the
 * citizen's identity numbers, registers the complaint and follows its
 * control card.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/pdw-store.h"

#include "pdw-action-dialog.h"

G_BEGIN_DECLS

#define PDW_TYPE_COMPLAINT_PANE (pdw_complaint_pane_get_type ())
G_DECLARE_FINAL_TYPE (PdwComplaintPane, pdw_complaint_pane, PDW, COMPLAINT_PANE, GtkWidget)

/* Properties: store (PdwStore), conversation (PdwConversation, may be NULL),
 *             complaint (PdwComplaint, read-only: NULL until registered)
 * Signals:
 *   "template-requested" (const char *template_name): an SOP action that
 *       goes with a reply template was recorded; the window puts the
 *       template in the composer for the officer to review and send.
 * Actions:
 *   pane.apply (s: workflow action id), pane.new-complaint (after a closed
 *   file), pane.print-card.  The menu also offers win.merge-conversation. */
GtkWidget       *pdw_complaint_pane_new              (void);
void             pdw_complaint_pane_set_store        (PdwComplaintPane *self,
                                                      PdwStore         *store);
PdwConversation *pdw_complaint_pane_get_conversation (PdwComplaintPane *self);
void             pdw_complaint_pane_set_conversation (PdwComplaintPane *self,
                                                      PdwConversation  *conversation);
PdwComplaint    *pdw_complaint_pane_get_complaint    (PdwComplaintPane *self);

/* For tests: the form's fields and what the pane shows about them. */
GtkEditable     *pdw_complaint_pane_get_name_editable  (PdwComplaintPane *self);
GtkEditable     *pdw_complaint_pane_get_nik_editable   (PdwComplaintPane *self);
GtkEditable     *pdw_complaint_pane_get_kk_editable    (PdwComplaintPane *self);
GtkEditable     *pdw_complaint_pane_get_phone_editable (PdwComplaintPane *self);
GtkWidget       *pdw_complaint_pane_get_register_button (PdwComplaintPane *self);
/* The text under the NIK / KK fields (NULL while hidden) and the decoded details. */
const char      *pdw_complaint_pane_get_nik_message    (PdwComplaintPane *self);
const char      *pdw_complaint_pane_get_nik_details    (PdwComplaintPane *self);
const char      *pdw_complaint_pane_get_kk_message     (PdwComplaintPane *self);
const char      *pdw_complaint_pane_get_status_text    (PdwComplaintPane *self);
const char      *pdw_complaint_pane_get_ticket_text    (PdwComplaintPane *self);
gboolean         pdw_complaint_pane_get_prefilled      (PdwComplaintPane *self);
guint            pdw_complaint_pane_get_n_events       (PdwComplaintPane *self);
/* "Due 07/11/2025 14:30 WIB · Overdue by 2 h"; NULL when hidden. */
const char      *pdw_complaint_pane_get_sla_text       (PdwComplaintPane *self);
/* The SOP's next step offered as the suggested button, or NULL. */
const char      *pdw_complaint_pane_get_suggested_action (PdwComplaintPane *self);
/* The inline problem under the action buttons, NULL while hidden. */
const char      *pdw_complaint_pane_get_action_message (PdwComplaintPane *self);
/* The dialog asking for a note / receiving party, while it is open. */
PdwActionDialog *pdw_complaint_pane_get_action_dialog  (PdwComplaintPane *self);
/* "Link to PDW-…" after a duplicate NIK; NULL while not offered. */
GtkWidget       *pdw_complaint_pane_get_link_button    (PdwComplaintPane *self);
/* Title and subtitle of control-card line @index, or NULL. */
char            *pdw_complaint_pane_dup_event_text     (PdwComplaintPane *self,
                                                        guint             index);

G_END_DECLS
