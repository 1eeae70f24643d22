/* pdw-search-results.h: what the window's search entry finds, shown in
 * place of the queue.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/pdw-store.h"

G_BEGIN_DECLS

#define PDW_TYPE_SEARCH_RESULTS (pdw_search_results_get_type ())
G_DECLARE_FINAL_TYPE (PdwSearchResults, pdw_search_results, PDW, SEARCH_RESULTS, GtkWidget)

/* Properties: "store" (PdwStore) searched; "entry" (GtkSearchEntry) whose
 * text is the query, searched as it is typed (the entry's own ~150 ms
 * pause), on a worker thread; Enter in it opens the first result, Down
 * goes to the list, Escape in the list ends the search like in the entry.
 *
 * Signal "conversation-activated" (gint64 conversation_id): Enter or a
 * click on a result. */
void        pdw_search_results_set_store (PdwSearchResults *self,
                                          PdwStore         *store);
void        pdw_search_results_set_entry (PdwSearchResults *self,
                                          GtkSearchEntry   *entry);

/* For tests: the query the shown results answer ("" before any), and the
 * rows (PdwSearchResultRow) shown. */
const char *pdw_search_results_get_query (PdwSearchResults *self);
GtkListBox *pdw_search_results_get_list  (PdwSearchResults *self);

G_END_DECLS
