/* pdw-complaint-status-section.h: the complaint's status, ticket, holder and
 * SLA state, and the SOP steps an officer may take now.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pdw-complaint-section.h"

G_BEGIN_DECLS

#define PDW_TYPE_COMPLAINT_STATUS_SECTION (pdw_complaint_status_section_get_type ())
G_DECLARE_FINAL_TYPE (PdwComplaintStatusSection, pdw_complaint_status_section, PDW, COMPLAINT_STATUS_SECTION, GtkWidget)

/* The buttons and menu activate pane.apply (s), pane.new-complaint and
 * win.merge-conversation: the pane around the section carries them. */

/* The SLA mark follows the clock and the "due soon" setting. */
void        pdw_complaint_status_section_update_sla         (PdwComplaintStatusSection *self);
/* Every step is signed on the control card: no steps without a name. */
void        pdw_complaint_status_section_update_officer     (PdwComplaintStatusSection *self);
/* The inline problem under the action buttons; NULL hides it. */
void        pdw_complaint_status_section_show_problem       (PdwComplaintStatusSection *self,
                                                             const char                *message);

const char *pdw_complaint_status_section_get_status_text    (PdwComplaintStatusSection *self);
/* The ticket, NULL while hidden. */
const char *pdw_complaint_status_section_get_ticket_text    (PdwComplaintStatusSection *self);
/* "Due 07/11/2025 14:30 WIB · Overdue by 2 h"; NULL when hidden. */
const char *pdw_complaint_status_section_get_sla_text       (PdwComplaintStatusSection *self);
/* The SOP's next step offered as the suggested button, or NULL. */
const char *pdw_complaint_status_section_get_suggested_action (PdwComplaintStatusSection *self);
/* Clicks the suggested button (the SOP's next step) when it is offered and
 * possible; FALSE when not. */
gboolean    pdw_complaint_status_section_activate_next      (PdwComplaintStatusSection *self);
/* The inline problem under the action buttons, NULL while hidden. */
const char *pdw_complaint_status_section_get_problem        (PdwComplaintStatusSection *self);

G_END_DECLS
