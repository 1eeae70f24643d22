/* pdw-merge-dialog.h: chooses the conversation to merge into the open one
 * (one citizen writing from two WhatsApp numbers).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pdw-context.h"

G_BEGIN_DECLS

#define PDW_TYPE_MERGE_DIALOG (pdw_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdwMergeDialog, pdw_merge_dialog, PDW, MERGE_DIALOG, AdwMessageDialog)

/* Lists every conversation of the context's store but @into_id, with a search on name
 * and number.  Responses: "cancel" and "merge" (enabled once one is
 * chosen). */
PdwMergeDialog *pdw_merge_dialog_new             (GtkWindow      *parent,
                                                  PdwContext     *context,
                                                  gint64          into_id);
gint64          pdw_merge_dialog_get_into_id     (PdwMergeDialog *self);
/* The chosen conversation, 0 when none. */
gint64          pdw_merge_dialog_get_selected_id (PdwMergeDialog *self);
/* For tests: choose by id; returns FALSE when it is not listed. */
gboolean        pdw_merge_dialog_select_id       (PdwMergeDialog *self,
                                                  gint64          conversation_id);
void            pdw_merge_dialog_set_search      (PdwMergeDialog *self,
                                                  const char     *text);
guint           pdw_merge_dialog_get_n_visible   (PdwMergeDialog *self);

G_END_DECLS
