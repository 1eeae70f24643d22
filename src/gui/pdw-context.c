/* pdw-context.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/pdw-desk-settings.h"

#include "pdw-context.h"

struct _PdwContext
{
  GObject             parent_instance;

  PdwStore           *store;
  PdwGatewayService  *gateway;
  GSettings          *settings;
  PdwServiceCalendar *calendar;
  PdwClock           *clock;
};

G_DEFINE_FINAL_TYPE (PdwContext, pdw_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_GATEWAY,
  PROP_SETTINGS,
  PROP_CALENDAR,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pdw_context_rebuild_calendar (PdwContext *self)
{
  g_clear_object (&self->calendar);
  self->calendar = pdw_desk_settings_new_calendar (self->settings);
}

static void
settings_changed_cb (PdwContext *self,
                     const char *key)
{
  static const char * const calendar_keys[] = {
    "service-days", "service-hours-start", "service-hours-end", "holidays-file", NULL,
  };

  if (!g_strv_contains (calendar_keys, key))
    return;

  pdw_context_rebuild_calendar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALENDAR]);
}

PdwContext *
pdw_context_new (PdwStore          *store,
                 PdwGatewayService *gateway)
{
  g_return_val_if_fail (PDW_IS_STORE (store), NULL);
  g_return_val_if_fail (!gateway || PDW_IS_GATEWAY_SERVICE (gateway), NULL);

  return g_object_new (PDW_TYPE_CONTEXT,
                       "store", store,
                       "gateway", gateway,
                       NULL);
}

PdwStore *
pdw_context_get_store (PdwContext *self)
{
  g_return_val_if_fail (PDW_IS_CONTEXT (self), NULL);
  return self->store;
}

PdwGatewayService *
pdw_context_get_gateway (PdwContext *self)
{
  g_return_val_if_fail (PDW_IS_CONTEXT (self), NULL);
  return self->gateway;
}

void
pdw_context_set_gateway (PdwContext        *self,
                         PdwGatewayService *gateway)
{
  g_return_if_fail (PDW_IS_CONTEXT (self));
  g_return_if_fail (!gateway || PDW_IS_GATEWAY_SERVICE (gateway));

  if (g_set_object (&self->gateway, gateway))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GATEWAY]);
}

GSettings *
pdw_context_get_settings (PdwContext *self)
{
  g_return_val_if_fail (PDW_IS_CONTEXT (self), NULL);
  return self->settings;
}

PdwServiceCalendar *
pdw_context_get_calendar (PdwContext *self)
{
  g_return_val_if_fail (PDW_IS_CONTEXT (self), NULL);
  return self->calendar;
}

PdwClock *
pdw_context_get_clock (PdwContext *self)
{
  g_return_val_if_fail (PDW_IS_CONTEXT (self), NULL);
  return self->clock;
}

gint64
pdw_context_get_due_soon_seconds (PdwContext *self)
{
  g_return_val_if_fail (PDW_IS_CONTEXT (self), 0);
  return pdw_desk_settings_get_due_soon_seconds (self->settings);
}

static void
pdw_context_dispose (GObject *object)
{
  PdwContext *self = (PdwContext *)object;

  g_clear_object (&self->clock);
  g_clear_object (&self->calendar);
  g_clear_object (&self->settings);
  g_clear_object (&self->gateway);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pdw_context_parent_class)->dispose (object);
}

static void
pdw_context_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PdwContext *self = PDW_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_GATEWAY:
      g_value_set_object (value, self->gateway);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CALENDAR:
      g_value_set_object (value, self->calendar);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_context_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PdwContext *self = PDW_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_GATEWAY:
      pdw_context_set_gateway (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_context_class_init (PdwContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pdw_context_dispose;
  object_class->get_property = pdw_context_get_property;
  object_class->set_property = pdw_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PDW_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_GATEWAY] =
    g_param_spec_object ("gateway", NULL, NULL, PDW_TYPE_GATEWAY_SERVICE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CALENDAR] =
    g_param_spec_object ("calendar", NULL, NULL, PDW_TYPE_SERVICE_CALENDAR,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, PDW_TYPE_CLOCK,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pdw_context_init (PdwContext *self)
{
  self->settings = g_settings_new (APP_ID);
  self->clock = pdw_clock_new ();
  pdw_context_rebuild_calendar (self);

  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
}
