/* pdw-lists-page.h: the preferences page of the office's lists (complaint
 * types, institutions, divisions).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pdw-preferences-page.h"

G_BEGIN_DECLS

#define PDW_TYPE_LISTS_PAGE (pdw_lists_page_get_type ())
G_DECLARE_FINAL_TYPE (PdwListsPage, pdw_lists_page, PDW, LISTS_PAGE, PdwPreferencesPage)

/* For tests: what an officer does when renaming an entry and pressing
 * Enter. */
gboolean pdw_lists_page_rename_entry (PdwListsPage   *self,
                                      PdwCatalogKind  kind,
                                      const char     *code,
                                      const char     *label);

G_END_DECLS
