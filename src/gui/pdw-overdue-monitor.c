/* pdw-overdue-monitor.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-overdue-monitor.h"

struct _PdwOverdueMonitor
{
  GObject       parent_instance;

  PdwContext   *context;
  PdwStore     *store;         /* the context's */
  GApplication *application;   /* weak */
  gulong        minute_handler;
};

G_DEFINE_FINAL_TYPE (PdwOverdueMonitor, pdw_overdue_monitor, G_TYPE_OBJECT)

static GNotification *
create_notification (PdwComplaint *complaint)
{
  GNotification *notification;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  const char *name = pdw_complaint_get_citizen_name (complaint);
  const char *holder = pdw_complaint_get_holder (complaint);

  /* Translators: desktop notification; %s is a ticket such as PDW-2025-11-00042 */
  title = g_strdup_printf (_("Complaint %s is overdue"), pdw_complaint_get_ticket (complaint));

  /* Name and holder only: a notification may show on a locked screen, so
   * never the NIK or KK. */
  if (name == NULL || *name == '\0')
    name = _("Unnamed citizen");
  if (holder != NULL && *holder != '\0')
    /* Translators: citizen's name, then who holds the file */
    body = g_strdup_printf (_("%s · held by %s"), name, holder);
  else
    body = g_strdup (name);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target_value (notification, "app.open-complaint",
                                                      g_variant_new_int64 (pdw_complaint_get_id (complaint)));
  return notification;
}

guint
pdw_overdue_monitor_check (PdwOverdueMonitor *self,
                           gint64             now)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  guint n_notified = 0;

  g_return_val_if_fail (PDW_IS_OVERDUE_MONITOR (self), 0);

  due = pdw_store_list_complaints_due_before (self->store, now, &error);
  if (due == NULL)
    {
      g_warning ("Cannot list overdue complaints: %s", error->message);
      return 0;
    }

  for (guint i = 0; i < due->len; i++)
    {
      PdwComplaint *complaint = g_ptr_array_index (due, i);
      g_autoptr(GError) mark_error = NULL;
      g_autofree char *id = NULL;

      if (pdw_complaint_get_overdue_notified_at (complaint) > 0 ||
          pdw_complaint_get_due_at (complaint) >= now)
        continue;

      /* Recorded first: a notification lost to a crash is better than the
       * same one every minute. */
      if (!pdw_store_mark_overdue_notified (self->store, pdw_complaint_get_id (complaint), &mark_error))
        {
          if (mark_error != NULL)
            g_warning ("Cannot record the overdue notification of %s: %s",
                       pdw_complaint_get_ticket (complaint), mark_error->message);
          continue;
        }

      if (self->application != NULL)
        {
          g_autoptr(GNotification) notification = create_notification (complaint);

          id = g_strdup_printf ("overdue-%" G_GINT64_FORMAT, pdw_complaint_get_id (complaint));
          g_application_send_notification (self->application, id, notification);
        }

      n_notified++;
    }

  return n_notified;
}

static void
check_now_cb (PdwOverdueMonitor *self)
{
  pdw_overdue_monitor_check (self, g_get_real_time () / G_USEC_PER_SEC);
}

PdwOverdueMonitor *
pdw_overdue_monitor_new (PdwContext   *context,
                         GApplication *application)
{
  PdwOverdueMonitor *self;

  g_return_val_if_fail (PDW_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (!application || G_IS_APPLICATION (application), NULL);

  self = g_object_new (PDW_TYPE_OVERDUE_MONITOR, NULL);
  self->context = g_object_ref (context);
  self->store = pdw_context_get_store (context);
  if (application != NULL)
    g_set_weak_pointer (&self->application, application);

  return self;
}

void
pdw_overdue_monitor_start (PdwOverdueMonitor *self)
{
  g_return_if_fail (PDW_IS_OVERDUE_MONITOR (self));

  if (self->minute_handler != 0)
    return;

  check_now_cb (self);
  self->minute_handler = g_signal_connect_swapped (pdw_context_get_clock (self->context), "minute-changed",
                                                   G_CALLBACK (check_now_cb), self);
}

void
pdw_overdue_monitor_stop (PdwOverdueMonitor *self)
{
  g_return_if_fail (PDW_IS_OVERDUE_MONITOR (self));

  g_clear_signal_handler (&self->minute_handler, pdw_context_get_clock (self->context));
}

static void
pdw_overdue_monitor_dispose (GObject *object)
{
  PdwOverdueMonitor *self = (PdwOverdueMonitor *)object;

  if (self->context != NULL)
    g_clear_signal_handler (&self->minute_handler, pdw_context_get_clock (self->context));
  g_clear_weak_pointer (&self->application);
  self->store = NULL;
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pdw_overdue_monitor_parent_class)->dispose (object);
}

static void
pdw_overdue_monitor_class_init (PdwOverdueMonitorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pdw_overdue_monitor_dispose;
}

static void
pdw_overdue_monitor_init (PdwOverdueMonitor *self)
{
}
