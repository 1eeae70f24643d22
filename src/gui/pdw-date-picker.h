/* pdw-date-picker.h: a calendar for an entry where a date is typed as
 * YYYY-MM-DD.  The officer may still type the date; the button next to the
 * entry opens a GtkCalendar on the entry's date (today when it holds none),
 * and picking a day writes it in the entry and activates it.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GtkMenuButton (calendar icon) whose popover holds the calendar for
 * @entry; put it next to the entry (a "linked" box).  The entry is held
 * weakly. */
GtkWidget *pdw_date_picker_new      (GtkEntry  *entry);
/* For tests: the calendar in @picker's popover. */
GtkCalendar *pdw_date_picker_get_calendar (GtkWidget *picker);

G_END_DECLS
