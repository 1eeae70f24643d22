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

G_BEGIN_DECLS

#define PDW_TYPE_COMPLAINT_PANE (pdw_complaint_pane_get_type ())
G_DECLARE_FINAL_TYPE (PdwComplaintPane, pdw_complaint_pane, PDW, COMPLAINT_PANE, GtkWidget)

/* Properties: store (PdwStore), conversation (PdwConversation, may be NULL),
 *             complaint (PdwComplaint, read-only: NULL until registered) */
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

G_END_DECLS
