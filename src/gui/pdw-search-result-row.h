/* pdw-search-result-row.h: one conversation found by a search, with what
 * in it matched.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/pdw-search-result.h"

G_BEGIN_DECLS

#define PDW_TYPE_SEARCH_RESULT_ROW (pdw_search_result_row_get_type ())
G_DECLARE_FINAL_TYPE (PdwSearchResultRow, pdw_search_result_row, PDW, SEARCH_RESULT_ROW, GtkListBoxRow)

GtkWidget       *pdw_search_result_row_new              (PdwSearchResult    *result);
PdwSearchResult *pdw_search_result_row_get_result       (PdwSearchResultRow *self);

/* "Name", "Phone number", "NIK"…, translated: what the officer reads. */
const char      *pdw_search_result_row_get_field_label  (PdwSearchField      field);
/* Pango markup of a snippet: the text escaped, the store's « » marks bold. */
char            *pdw_search_result_row_dup_snippet_markup (const char       *snippet);

/* What the row shows, for tests. */
const char      *pdw_search_result_row_get_field_text   (PdwSearchResultRow *self);
const char      *pdw_search_result_row_get_snippet_text (PdwSearchResultRow *self);

G_END_DECLS
