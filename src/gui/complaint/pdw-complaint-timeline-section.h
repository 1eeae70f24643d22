/* pdw-complaint-timeline-section.h: the control card, one line per step.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pdw-complaint-section.h"

G_BEGIN_DECLS

#define PDW_TYPE_COMPLAINT_TIMELINE_SECTION (pdw_complaint_timeline_section_get_type ())
G_DECLARE_FINAL_TYPE (PdwComplaintTimelineSection, pdw_complaint_timeline_section, PDW, COMPLAINT_TIMELINE_SECTION, GtkWidget)

/* The print button activates pane.print-card. */

/* The card's lines (PdwComplaintEvent, oldest first) as shown. */
GListModel *pdw_complaint_timeline_section_get_events     (PdwComplaintTimelineSection *self);
/* Title and subtitle of line @index as shown, or NULL. */
char       *pdw_complaint_timeline_section_dup_event_text (PdwComplaintTimelineSection *self,
                                                           guint                        index);

G_END_DECLS
