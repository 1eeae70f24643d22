/* pdw-templates-page.h: the preferences page of reply templates and their
 * editor.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pdw-preferences-page.h"

G_BEGIN_DECLS

#define PDW_TYPE_TEMPLATES_PAGE (pdw_templates_page_get_type ())
G_DECLARE_FINAL_TYPE (PdwTemplatesPage, pdw_templates_page, PDW, TEMPLATES_PAGE, PdwPreferencesPage)

/* For tests: what an officer does with the New Template button. */
gboolean pdw_templates_page_add_template (PdwTemplatesPage *self,
                                          const char       *title,
                                          const char       *body);

G_END_DECLS
