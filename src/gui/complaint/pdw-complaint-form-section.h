/* pdw-complaint-form-section.h: registering a complaint, with live NIK/KK
 * validation, the form filled in from the citizen's messages and the offer
 * to link to an open complaint that already carries the NIK.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pdw-complaint-section.h"

G_BEGIN_DECLS

#define PDW_TYPE_COMPLAINT_FORM_SECTION (pdw_complaint_form_section_get_type ())
G_DECLARE_FINAL_TYPE (PdwComplaintFormSection, pdw_complaint_form_section, PDW, COMPLAINT_FORM_SECTION, GtkWidget)

/* The conversation got new messages: fill the form from them unless the
 * officer has started on it. */
void         pdw_complaint_form_section_refill            (PdwComplaintFormSection *self);
/* The office changed its complaint types or institutions. */
void         pdw_complaint_form_section_reload_catalogs   (PdwComplaintFormSection *self);
/* The officer's name changed: registering needs one. */
void         pdw_complaint_form_section_update_register   (PdwComplaintFormSection *self);

/* The form's fields and what the section shows about them. */
GtkEditable *pdw_complaint_form_section_get_name_editable  (PdwComplaintFormSection *self);
GtkEditable *pdw_complaint_form_section_get_nik_editable   (PdwComplaintFormSection *self);
GtkEditable *pdw_complaint_form_section_get_kk_editable    (PdwComplaintFormSection *self);
GtkEditable *pdw_complaint_form_section_get_phone_editable (PdwComplaintFormSection *self);
GtkWidget   *pdw_complaint_form_section_get_register_button (PdwComplaintFormSection *self);
/* The text under the NIK / KK fields (NULL while hidden) and the decoded details. */
const char  *pdw_complaint_form_section_get_nik_message    (PdwComplaintFormSection *self);
const char  *pdw_complaint_form_section_get_nik_details    (PdwComplaintFormSection *self);
const char  *pdw_complaint_form_section_get_kk_message     (PdwComplaintFormSection *self);
gboolean     pdw_complaint_form_section_get_prefilled      (PdwComplaintFormSection *self);
/* The chosen codes of the office's lists; NULL while "Not chosen". */
const char  *pdw_complaint_form_section_get_type_code      (PdwComplaintFormSection *self);
const char  *pdw_complaint_form_section_get_institution_code (PdwComplaintFormSection *self);
void         pdw_complaint_form_section_choose_type        (PdwComplaintFormSection *self,
                                                            const char              *code);
/* Where @field ("name", "nik", "kk", "phone", "type", "institution") was
 * filled from, as shown beside it ("from message"); NULL when it was not
 * filled or the officer has changed it since. */
const char  *pdw_complaint_form_section_get_mark           (PdwComplaintFormSection *self,
                                                            const char              *field);
/* Why the register button is off, and what the chosen type still needs
 * before the consolidation list; NULL while hidden. */
const char  *pdw_complaint_form_section_get_register_hint  (PdwComplaintFormSection *self);
const char  *pdw_complaint_form_section_get_needs_hint     (PdwComplaintFormSection *self);
/* "Link to PDW-…" after a duplicate NIK; NULL while not offered. */
GtkWidget   *pdw_complaint_form_section_get_link_button    (PdwComplaintFormSection *self);

G_END_DECLS
