/* pdw-complaint-pane-private.h: the pane's sections and open dialog, for
 * the tests that drive them.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "complaint/pdw-complaint-details-section.h"
#include "complaint/pdw-complaint-edit-dialog.h"
#include "complaint/pdw-complaint-form-section.h"
#include "complaint/pdw-complaint-officer-section.h"
#include "complaint/pdw-complaint-status-section.h"
#include "complaint/pdw-complaint-timeline-section.h"
#include "pdw-complaint-pane.h"

G_BEGIN_DECLS

PdwComplaintStatusSection   *_pdw_complaint_pane_get_status_section   (PdwComplaintPane *self);
PdwComplaintFormSection     *_pdw_complaint_pane_get_form_section     (PdwComplaintPane *self);
PdwComplaintTimelineSection *_pdw_complaint_pane_get_timeline_section (PdwComplaintPane *self);
/* The dialog asking for a note / receiving party, while it is open. */
PdwActionDialog             *_pdw_complaint_pane_get_action_dialog    (PdwComplaintPane *self);
/* The "Edit Data" dialog, while it is open. */
PdwComplaintEditDialog      *_pdw_complaint_pane_get_edit_dialog      (PdwComplaintPane *self);
/* The "Save Control Card" chooser, while it waits for an answer. */
GtkFileChooserNative        *_pdw_complaint_pane_get_card_chooser     (PdwComplaintPane *self);

G_END_DECLS
