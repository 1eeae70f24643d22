/* pdw-format.h: how the window writes times (always in WIB) and SLA marks.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/pdw-service-calendar.h"

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
/* The current time in Unix seconds. */
gint64      pdw_format_now                (void);

G_END_DECLS
