/* pdw-application.h
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PDW_TYPE_APPLICATION (pdw_application_get_type ())
G_DECLARE_FINAL_TYPE (PdwApplication, pdw_application, PDW, APPLICATION, AdwApplication)

PdwApplication *pdw_application_new (void);

G_END_DECLS
