/* pdw-officers-page.h: the preferences page of the office staff.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pdw-preferences-page.h"

G_BEGIN_DECLS

#define PDW_TYPE_OFFICERS_PAGE (pdw_officers_page_get_type ())
G_DECLARE_FINAL_TYPE (PdwOfficersPage, pdw_officers_page, PDW, OFFICERS_PAGE, PdwPreferencesPage)

G_END_DECLS
