/* pdw-format.h: how the window writes times (always in WIB), SLA marks,
 * complaint statuses and control-card lines.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pdw-complaint-event.h"
#include "core/pdw-service-calendar.h"
#include "core/pdw-types.h"

G_BEGIN_DECLS

GTimeZone  *pdw_format_dup_wib_zone       (void);
/* "HH:MM" today, "Yesterday", else "dd/mm"; @now is Unix seconds (0 = now). */
char       *pdw_format_list_time          (gint64      unix_time,
                                           gint64      now);
/* "HH:MM" in WIB. */
char       *pdw_format_clock              (gint64      unix_time);
/* "dd/mm/yyyy HH:MM" in WIB. */
char       *pdw_format_date_time          (gint64      unix_time);

/* The SLA mark of a complaint: "Overdue by 3 h 5 min", "Due in 2 h 10 min";
 * NULL when on time or without a due time (@due_at <= 0). */
/* The same for the queue's rows: the largest unit only ("Overdue by 2 d"). */
char       *pdw_format_sla_short_text     (PdwSlaState state,
                                           gint64      due_at,
                                           gint64      now);
char       *pdw_format_sla_text           (PdwSlaState state,
                                           gint64      due_at,
                                           gint64      now);
/* "sla-overdue", "sla-due-soon" or NULL (style.css). */
const char *pdw_format_sla_css_class      (PdwSlaState state);
/* The status tag of the queue and the complaint pane: "status-new",
 * "status-open", "status-done" or "status-rejected" (style.css). */
const char *pdw_format_status_css_class   (PdwComplaintStatus status);
/* Shows @status on the tag @label: its label and its style only.  Before a
 * complaint is registered the tag shows PDW_COMPLAINT_BARU ("New"). */
void        pdw_format_show_status        (GtkLabel          *label,
                                           PdwComplaintStatus status);
/* A control-card line's subtitle on the timeline: its time in WIB and who
 * wrote it, then the status change, the hand-over and the note, one per
 * line; its heading is pdw_card_line_get_title(). */
char       *pdw_format_card_line_subtitle (PdwComplaintEvent *event);
/* The current time in Unix seconds. */
gint64      pdw_format_now                (void);
/* A combo row whose list shows each item whole, wrapped on as many lines as
 * it takes (AdwComboRow cuts them at 20 characters), and whose chosen item
 * uses the row's width.  The model's items are GtkStringObject. */
void        pdw_format_combo_row_show_whole_items (AdwComboRow *row);

G_END_DECLS
