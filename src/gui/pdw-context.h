/* pdw-context.h: what every part of the window shares, created once by the
 * application (GNOME Calendar's GcalContext): the store, the gateway, the
 * one GSettings of APP_ID, the service calendar built from it, and the
 * clock.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/pdw-clock.h"
#include "core/pdw-service-calendar.h"
#include "gateway/pdw-gateway-service.h"
#include "store/pdw-store.h"

G_BEGIN_DECLS

#define PDW_TYPE_CONTEXT (pdw_context_get_type ())
G_DECLARE_FINAL_TYPE (PdwContext, pdw_context, PDW, CONTEXT, GObject)

/* Properties:
 *   store (PdwStore, construct-only),
 *   gateway (PdwGatewayService, may be NULL: replies are then only queued;
 *   the application sets it once the gateway, which reads its configuration
 *   from these settings, is made),
 *   settings (GSettings of APP_ID, read-only),
 *   calendar (PdwServiceCalendar, read-only): service days and hours from
 *   the settings with the shipped holidays; replaced by a new object, with
 *   notify::calendar, when service-days or service-hours-* change, so
 *   holders of the old one never see it change under them,
 *   clock (PdwClock, read-only).
 */
PdwContext         *pdw_context_new          (PdwStore          *store,
                                              PdwGatewayService *gateway);
PdwStore           *pdw_context_get_store    (PdwContext        *self);
PdwGatewayService  *pdw_context_get_gateway  (PdwContext        *self);
void                pdw_context_set_gateway  (PdwContext        *self,
                                              PdwGatewayService *gateway);
GSettings          *pdw_context_get_settings (PdwContext        *self);
PdwServiceCalendar *pdw_context_get_calendar (PdwContext        *self);
PdwClock           *pdw_context_get_clock    (PdwContext        *self);
/* due-soon-hours in seconds, for pdw_sla_classify(). */
gint64              pdw_context_get_due_soon_seconds (PdwContext *self);

G_END_DECLS
