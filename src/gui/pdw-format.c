/* pdw-format.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-card-line.h"
#include "pdw-format.h"

GTimeZone *
pdw_format_dup_wib_zone (void)
{
  return pdw_time_zone_new_wib ();
}

static GDateTime *
wib_from_unix (gint64 unix_time)
{
  g_autoptr(GTimeZone) tz = pdw_format_dup_wib_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  if (utc == NULL)
    return NULL;

  return g_date_time_to_timezone (utc, tz);
}

char *
pdw_format_list_time (gint64 unix_time,
                      gint64 now)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) yesterday = NULL;
  int y, m, d;

  if (unix_time <= 0)
    return g_strdup ("");

  when = wib_from_unix (unix_time);
  today = wib_from_unix (now > 0 ? now : g_get_real_time () / G_USEC_PER_SEC);
  if (when == NULL || today == NULL)
    return g_strdup ("");

  g_date_time_get_ymd (when, &y, &m, &d);
  if (y == g_date_time_get_year (today) &&
      m == g_date_time_get_month (today) &&
      d == g_date_time_get_day_of_month (today))
    return g_date_time_format (when, "%H:%M");

  yesterday = g_date_time_add_days (today, -1);
  if (y == g_date_time_get_year (yesterday) &&
      m == g_date_time_get_month (yesterday) &&
      d == g_date_time_get_day_of_month (yesterday))
    return g_strdup (_("Yesterday"));

  return g_date_time_format (when, "%d/%m");
}

char *
pdw_format_clock (gint64 unix_time)
{
  g_autoptr(GDateTime) when = wib_from_unix (unix_time);

  return when != NULL ? g_date_time_format (when, "%H:%M") : g_strdup ("");
}

char *
pdw_format_date_time (gint64 unix_time)
{
  g_autoptr(GDateTime) when = wib_from_unix (unix_time);

  return when != NULL ? g_date_time_format (when, "%d/%m/%Y %H:%M") : g_strdup ("");
}

/* "2 d 3 h", "5 h 10 min", "12 min"; @coarse keeps the largest unit only,
 * for the queue's narrow rows. */
static char *
format_span (gint64   seconds,
             gboolean coarse)
{
  int minutes = (int) MIN (MAX (seconds, 0) / 60, G_MAXINT);
  int days = minutes / (24 * 60);
  int hours = (minutes / 60) % 24;

  minutes %= 60;

  if (days > 0)
    /* Translators: a time span on the queue, e.g. "2 d 3 h" and "2 d" */
    return coarse ? g_strdup_printf (_("%d d"), days)
                  : g_strdup_printf (_("%d d %d h"), days, hours);
  if (hours > 0)
    /* Translators: a time span on the queue, e.g. "5 h 10 min" and "5 h" */
    return coarse ? g_strdup_printf (_("%d h"), hours)
                  : g_strdup_printf (_("%d h %d min"), hours, minutes);

  /* Translators: a time span on the queue, e.g. "12 min" */
  return g_strdup_printf (_("%d min"), MAX (minutes, 1));
}

static char *
format_sla (PdwSlaState state,
            gint64      due_at,
            gint64      now,
            gboolean    coarse)
{
  g_autofree char *span = NULL;

  if (due_at <= 0)
    return NULL;

  switch (state)
    {
    case PDW_SLA_OVERDUE:
      span = format_span (now - due_at, coarse);
      /* Translators: the 2x24-hour promise has passed, e.g. "Overdue by 3 h 5 min" */
      return g_strdup_printf (_("Overdue by %s"), span);

    case PDW_SLA_DUE_SOON:
      span = format_span (due_at - now, coarse);
      /* Translators: e.g. "Due in 3 h 5 min" */
      return g_strdup_printf (_("Due in %s"), span);

    case PDW_SLA_ON_TIME:
    default:
      return NULL;
    }
}

char *
pdw_format_sla_text (PdwSlaState state,
                     gint64      due_at,
                     gint64      now)
{
  return format_sla (state, due_at, now, FALSE);
}

char *
pdw_format_sla_short_text (PdwSlaState state,
                           gint64      due_at,
                           gint64      now)
{
  return format_sla (state, due_at, now, TRUE);
}

const char *
pdw_format_sla_css_class (PdwSlaState state)
{
  switch (state)
    {
    case PDW_SLA_OVERDUE:
      return "sla-overdue";
    case PDW_SLA_DUE_SOON:
      return "sla-due-soon";
    case PDW_SLA_ON_TIME:
    default:
      return NULL;
    }
}

const char *
pdw_format_status_css_class (PdwComplaintStatus status)
{
  switch (status)
    {
    case PDW_COMPLAINT_BARU:
      return "status-new";
    case PDW_COMPLAINT_SELESAI:
      return "status-done";
    case PDW_COMPLAINT_DITOLAK:
      return "status-rejected";
    case PDW_COMPLAINT_TERDAFTAR:
    case PDW_COMPLAINT_KONSOLIDASI:
    case PDW_COMPLAINT_MENUNGGU:
    case PDW_COMPLAINT_KOORDINASI:
    case PDW_COMPLAINT_RUJUK_BIOMETRIK:
    default:
      return "status-open";
    }
}

void
pdw_format_show_status (GtkLabel           *label,
                        PdwComplaintStatus  status)
{
  static const char * const classes[] = {
    "status-new", "status-open", "status-done", "status-rejected",
  };

  const char *css_class = pdw_format_status_css_class (status);

  g_return_if_fail (GTK_IS_LABEL (label));

  /* The class it keeps stays on: no restyle when the status is the same. */
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (!g_str_equal (classes[i], css_class))
      gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
  gtk_label_set_text (label, pdw_complaint_status_get_label (status));
}

char *
pdw_format_card_line_subtitle (PdwComplaintEvent *event)
{
  g_autofree char *when = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *status_change = NULL;
  g_autofree char *handover = NULL;
  g_autofree char *note = NULL;
  GString *subtitle;

  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (event), NULL);

  when = pdw_format_date_time (pdw_complaint_event_get_timestamp (event));
  actor = pdw_card_line_dup_actor (event);
  status_change = pdw_card_line_dup_status_change (event);
  handover = pdw_card_line_dup_handover (event);
  note = pdw_card_line_dup_note (event);

  subtitle = g_string_new (NULL);
  /* Translators: time of a control-card line, in Western Indonesian Time */
  g_string_append_printf (subtitle, _("%s WIB"), when);
  if (actor != NULL)
    g_string_append_printf (subtitle, " · %s", actor);
  if (status_change != NULL)
    g_string_append_printf (subtitle, "\n%s", status_change);
  if (handover != NULL)
    g_string_append_printf (subtitle, "\n%s", handover);
  if (note != NULL)
    g_string_append_printf (subtitle, "\n%s", note);

  return g_string_free (subtitle, FALSE);
}

gint64
pdw_format_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (wrap))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      GTK_IS_STRING_OBJECT (string) ? gtk_string_object_get_string (GTK_STRING_OBJECT (string)) : "");
}

static GtkListItemFactory *
string_item_factory_new (gboolean wrap)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), GINT_TO_POINTER (wrap));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  return factory;
}

void
pdw_format_combo_row_show_whole_items (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) shown = string_item_factory_new (FALSE);
  g_autoptr(GtkListItemFactory) listed = string_item_factory_new (TRUE);

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  adw_combo_row_set_factory (row, shown);
  adw_combo_row_set_list_factory (row, listed);
}
