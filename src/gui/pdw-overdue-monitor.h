/* pdw-overdue-monitor.h: sends one desktop notification per complaint that
 * becomes overdue (the 2x24-hour promise has passed), opening that
 * complaint when clicked.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pdw-context.h"

G_BEGIN_DECLS

#define PDW_TYPE_OVERDUE_MONITOR (pdw_overdue_monitor_get_type ())
G_DECLARE_FINAL_TYPE (PdwOverdueMonitor, pdw_overdue_monitor, PDW, OVERDUE_MONITOR, GObject)

/* Checks at once and then on each minute-changed of the context's clock
 * while started.  Notifications go
 * through @application (may be NULL: the files are then only marked, for
 * tests and the CLI) with the default action "app.open-complaint" and the
 * complaint id (int64) as target. */
PdwOverdueMonitor *pdw_overdue_monitor_new   (PdwContext        *context,
                                              GApplication      *application);
void               pdw_overdue_monitor_start (PdwOverdueMonitor *self);
void               pdw_overdue_monitor_stop  (PdwOverdueMonitor *self);
/* One check at @now (Unix s): notifies each overdue complaint not yet
 * notified and records it.  Returns how many were notified. */
guint              pdw_overdue_monitor_check (PdwOverdueMonitor *self,
                                              gint64             now);

G_END_DECLS
