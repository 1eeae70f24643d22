/* pdw-desk-settings.h: the desk's settings (service hours, SLA policy,
 * due-soon warning, the officer at this workstation) read from the
 * application's GSettings, for the window, the gateway and the CLI alike.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pdw-service-calendar.h"

G_BEGIN_DECLS

/* Service days and hours from the settings, and the shipped holidays.  A
 * malformed time falls back to the shipped hours (08:00-16:00). */
PdwServiceCalendar *pdw_desk_settings_new_calendar        (GSettings    *settings);
void                pdw_desk_settings_get_sla_policy      (GSettings    *settings,
                                                           PdwSlaPolicy *policy);
/* due-soon-hours in seconds, for pdw_sla_classify(). */
gint64              pdw_desk_settings_get_due_soon_seconds (GSettings   *settings);

G_END_DECLS
