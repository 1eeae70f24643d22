/* pdw-holidays-group.h: the service page's national holidays: which years
 * the list covers, a warning when the office needs a year it lacks, and
 * loading the SKB's list for a new year.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gui/pdw-context.h"

G_BEGIN_DECLS

#define PDW_TYPE_HOLIDAYS_GROUP (pdw_holidays_group_get_type ())
G_DECLARE_FINAL_TYPE (PdwHolidaysGroup, pdw_holidays_group, PDW, HOLIDAYS_GROUP, AdwPreferencesGroup)

/* Follows @context's calendar; NULL stops following. */
void pdw_holidays_group_set_context (PdwHolidaysGroup *self,
                                     PdwContext       *context);
/* Reads @file, checks it and, when valid, copies it to the user's
 * configuration and makes it the holidays-file setting.  For the Load
 * button's chooser and for tests. */
void pdw_holidays_group_load_file   (PdwHolidaysGroup *self,
                                     GFile            *file);

G_END_DECLS
