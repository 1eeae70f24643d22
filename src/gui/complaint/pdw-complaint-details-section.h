/* pdw-complaint-details-section.h: what was registered, read-only.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pdw-complaint-section.h"

G_BEGIN_DECLS

#define PDW_TYPE_COMPLAINT_DETAILS_SECTION (pdw_complaint_details_section_get_type ())
G_DECLARE_FINAL_TYPE (PdwComplaintDetailsSection, pdw_complaint_details_section, PDW, COMPLAINT_DETAILS_SECTION, GtkWidget)

/* Reads the rows again, e.g. after the office renamed a type or institution. */
void pdw_complaint_details_section_reload (PdwComplaintDetailsSection *self);

G_END_DECLS
