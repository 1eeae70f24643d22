/* pdw-time-zone.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-time-zone.h"

GTimeZone *
pdw_time_zone_new_wib (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Asia/Jakarta");

  if (tz == NULL)
    tz = g_time_zone_new_offset (7 * 3600);

  return tz;
}
