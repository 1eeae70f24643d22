/* pdw-complaint-officer-section.h: asks for the officer on duty, whose name
 * signs every line of the control card.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pdw-complaint-section.h"

G_BEGIN_DECLS

#define PDW_TYPE_COMPLAINT_OFFICER_SECTION (pdw_complaint_officer_section_get_type ())
G_DECLARE_FINAL_TYPE (PdwComplaintOfficerSection, pdw_complaint_officer_section, PDW, COMPLAINT_OFFICER_SECTION, GtkWidget)

/* Shown only while no name is set (a new conversation on screen). */
void pdw_complaint_officer_section_reset        (PdwComplaintOfficerSection *self);
/* Shown when the name is missing; left shown while the officer types it. */
void pdw_complaint_officer_section_ask_if_blank (PdwComplaintOfficerSection *self);

G_END_DECLS
