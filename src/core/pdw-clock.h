/* pdw-clock.h: one clock for the whole desk, emitting "minute-changed" on
 * the wall clock's minute boundaries, so that every "due in", "overdue" and
 * "the WhatsApp window closes in" follows the same tick.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PDW_TYPE_CLOCK (pdw_clock_get_type ())
G_DECLARE_FINAL_TYPE (PdwClock, pdw_clock, PDW, CLOCK, GObject)

/* Signals:
 *   minute-changed (): the wall clock entered a new minute.  Re-aligned on
 *   every tick, and at once after a resume from suspend (logind), so a
 *   suspended or reset clock is not a minute behind.
 */
PdwClock *pdw_clock_new  (void);
/* For tests: emits minute-changed now, as if a minute had passed. */
void      pdw_clock_tick (PdwClock *self);
/* Seconds from @now_usec (g_get_real_time()) to the next minute boundary,
 * 1..60. */
guint     pdw_clock_seconds_to_next_minute (gint64 now_usec);

G_END_DECLS
