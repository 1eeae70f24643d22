/* pdw-workstation-page.h: the preferences page of this workstation's officer and
 * the office printed on the control card.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pdw-preferences-page.h"

G_BEGIN_DECLS

#define PDW_TYPE_WORKSTATION_PAGE (pdw_workstation_page_get_type ())
G_DECLARE_FINAL_TYPE (PdwWorkstationPage, pdw_workstation_page, PDW, WORKSTATION_PAGE, PdwPreferencesPage)

G_END_DECLS
