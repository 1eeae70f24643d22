/* pdw-consolidation-window.h: the SIAK consolidation list for the ADB
 * officer (SOP step 4): what to consolidate, with full NIK and KK, the
 * outcome of each, and the exported and imported lists.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pdw-context.h"

G_BEGIN_DECLS

#define PDW_TYPE_CONSOLIDATION_WINDOW (pdw_consolidation_window_get_type ())
G_DECLARE_FINAL_TYPE (PdwConsolidationWindow, pdw_consolidation_window, PDW, CONSOLIDATION_WINDOW, AdwWindow)

/* Property: context (PdwContext, construct-only): the store, and the
 * settings the officer on duty is read from.  Shows today's list (WIB) at
 * first. */
GtkWindow *pdw_consolidation_window_new       (GtkWindow              *parent,
                                               PdwContext             *context);
/* "YYYY-MM-DD" WIB days, both inclusive; FALSE (and the entries marked)
 * when they do not parse. */
gboolean   pdw_consolidation_window_set_range (PdwConsolidationWindow *self,
                                               const char             *from,
                                               const char             *to);
/* Records the results in the file at @path (what Import Results… does
 * after its file chooser) on a worker thread, with a progress bar; ends
 * with a dialog of what was recorded, or a toast saying why not.  FALSE
 * when an import is already running. */
gboolean   pdw_consolidation_window_import    (PdwConsolidationWindow *self,
                                               const char             *path);
/* For tests: the rows shown, one GtkListBoxRow per complaint; each row's
 * outcome buttons are named "done", "not-found" and "duplicate", and the
 * row's "complaint-id" data holds the complaint id. */
GtkListBox *pdw_consolidation_window_get_list (PdwConsolidationWindow *self);
/* The "N complaints to consolidate" of the summary: the rows of the range
 * still waiting for an outcome, whether "Show processed" is on or not
 * (the rows `pandawa-cli consolidation` writes without --all). */
guint      pdw_consolidation_window_get_n_waiting (PdwConsolidationWindow *self);

G_END_DECLS
