/* pdw-clock.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-clock.h"

struct _PdwClock
{
  GObject       parent_instance;

  GDBusProxy   *logind;
  GCancellable *cancellable;
  /* Unix minute of the last emission, so a re-alignment that lands in the
   * same minute does not tick twice. */
  gint64        last_minute;
  guint         timeout_id;
};

G_DEFINE_FINAL_TYPE (PdwClock, pdw_clock, G_TYPE_OBJECT)

enum {
  MINUTE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean timeout_cb (gpointer user_data);

guint
pdw_clock_seconds_to_next_minute (gint64 now_usec)
{
  gint64 seconds = now_usec / G_USEC_PER_SEC;

  return (guint) (60 - ((seconds % 60) + 60) % 60);
}

static gint64
current_minute (void)
{
  return g_get_real_time () / G_USEC_PER_SEC / 60;
}

/* A timeout counts monotonic time, which stops while the machine sleeps and
 * ignores a change of the wall clock: each tick schedules only the next
 * boundary, computed afresh from the wall clock. */
static void
pdw_clock_schedule (PdwClock *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_seconds (pdw_clock_seconds_to_next_minute (g_get_real_time ()),
                                            timeout_cb, self);
}

static void
pdw_clock_update (PdwClock *self)
{
  gint64 minute = current_minute ();

  if (minute != self->last_minute)
    {
      self->last_minute = minute;
      g_signal_emit (self, signals[MINUTE_CHANGED], 0);
    }

  pdw_clock_schedule (self);
}

static gboolean
timeout_cb (gpointer user_data)
{
  PdwClock *self = user_data;

  self->timeout_id = 0;
  pdw_clock_update (self);

  return G_SOURCE_REMOVE;
}

static void
logind_signal_cb (PdwClock   *self,
                  const char *sender,
                  const char *signal_name,
                  GVariant   *parameters)
{
  gboolean going_to_sleep;

  if (g_strcmp0 (signal_name, "PrepareForSleep") != 0 ||
      !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  if (!going_to_sleep)
    pdw_clock_update (self);
}

static void
logind_proxy_ready_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GDBusProxy *proxy = g_dbus_proxy_new_for_bus_finish (result, &error);
  PdwClock *self;

  /* Without a system bus (tests, containers) the clock still ticks; it only
   * re-aligns on the next boundary after a resume. */
  if (proxy == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No logind, so no re-alignment on resume: %s", error->message);
      return;
    }

  self = PDW_CLOCK (user_data);
  self->logind = proxy;
  g_signal_connect_object (proxy, "g-signal", G_CALLBACK (logind_signal_cb), self, G_CONNECT_SWAPPED);
}

PdwClock *
pdw_clock_new (void)
{
  return g_object_new (PDW_TYPE_CLOCK, NULL);
}

void
pdw_clock_tick (PdwClock *self)
{
  g_return_if_fail (PDW_IS_CLOCK (self));

  self->last_minute = current_minute ();
  g_signal_emit (self, signals[MINUTE_CHANGED], 0);
}

static void
pdw_clock_dispose (GObject *object)
{
  PdwClock *self = (PdwClock *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->logind);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pdw_clock_parent_class)->dispose (object);
}

static void
pdw_clock_class_init (PdwClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pdw_clock_dispose;

  signals[MINUTE_CHANGED] =
    g_signal_new ("minute-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pdw_clock_init (PdwClock *self)
{
  self->last_minute = current_minute ();
  self->cancellable = g_cancellable_new ();

  g_dbus_proxy_new_for_bus (G_BUS_TYPE_SYSTEM,
                            G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES | G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START,
                            NULL,
                            "org.freedesktop.login1",
                            "/org/freedesktop/login1",
                            "org.freedesktop.login1.Manager",
                            self->cancellable,
                            logind_proxy_ready_cb,
                            self);

  pdw_clock_schedule (self);
}
