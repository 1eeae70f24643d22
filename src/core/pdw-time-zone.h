/* pdw-time-zone.h: the office's time zone.  GLib only, so that the
 * identity code (and its fuzz targets) can tell today's date in WIB without
 * the service calendar.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Asia/Jakarta, or a fixed UTC+7 when tzdata is missing (WIB has no DST). */
GTimeZone *pdw_time_zone_new_wib (void);

G_END_DECLS
