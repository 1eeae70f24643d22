/* pdw-service-page.h: the preferences page of service hours, the service
 * promise (SLA) and the WhatsApp automatic reply.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pdw-preferences-page.h"

G_BEGIN_DECLS

#define PDW_TYPE_SERVICE_PAGE (pdw_service_page_get_type ())
G_DECLARE_FINAL_TYPE (PdwServicePage, pdw_service_page, PDW, SERVICE_PAGE, PdwPreferencesPage)

G_END_DECLS
