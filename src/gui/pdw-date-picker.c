/* pdw-date-picker.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "core/pdw-time-zone.h"
#include "pdw-date-picker.h"

typedef struct
{
  GWeakRef     entry;
  GtkCalendar *calendar;  /* owned by the popover */
  GtkPopover  *popover;
  gboolean     showing;   /* setting the calendar's day from the entry */
} Picker;

static void
picker_free (gpointer data)
{
  Picker *picker = data;

  g_weak_ref_clear (&picker->entry);
  g_free (picker);
}

/* The entry's "YYYY-MM-DD", or today in WIB. */
static GDateTime *
entry_date (GtkEntry *entry)
{
  g_autoptr(GTimeZone) wib = pdw_time_zone_new_wib ();
  const char *text = entry != NULL ? gtk_editable_get_text (GTK_EDITABLE (entry)) : "";
  int year, month, day;

  if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) == 3 &&
      g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_date_time_new (wib, year, month, day, 0, 0, 0);

  return g_date_time_new_now (wib);
}

static void
popover_show_cb (GtkPopover *popover,
                 Picker     *picker)
{
  g_autoptr(GtkEntry) entry = g_weak_ref_get (&picker->entry);
  g_autoptr(GDateTime) date = entry_date (entry);

  picker->showing = TRUE;
  gtk_calendar_select_day (picker->calendar, date);
  picker->showing = FALSE;
}

static void
day_selected_cb (GtkCalendar *calendar,
                 Picker      *picker)
{
  g_autoptr(GtkEntry) entry = g_weak_ref_get (&picker->entry);
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (picker->showing || entry == NULL)
    return;

  date = gtk_calendar_get_date (calendar);
  text = g_date_time_format (date, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_popover_popdown (picker->popover);
  /* As if typed and confirmed with Enter. */
  g_signal_emit_by_name (entry, "activate");
}

GtkWidget *
pdw_date_picker_new (GtkEntry *entry)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  Picker *picker = g_new0 (Picker, 1);

  g_return_val_if_fail (GTK_IS_ENTRY (entry), NULL);

  g_weak_ref_init (&picker->entry, entry);
  picker->calendar = GTK_CALENDAR (calendar);
  picker->popover = GTK_POPOVER (popover);

  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Pick the day on a calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pick the day on a calendar"), -1);

  g_object_set_data_full (G_OBJECT (button), "pdw-date-picker", picker, picker_free);
  g_signal_connect (popover, "show", G_CALLBACK (popover_show_cb), picker);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (day_selected_cb), picker);

  return button;
}

GtkCalendar *
pdw_date_picker_get_calendar (GtkWidget *picker)
{
  Picker *data;

  g_return_val_if_fail (GTK_IS_MENU_BUTTON (picker), NULL);

  data = g_object_get_data (G_OBJECT (picker), "pdw-date-picker");
  g_return_val_if_fail (data != NULL, NULL);
  return data->calendar;
}
