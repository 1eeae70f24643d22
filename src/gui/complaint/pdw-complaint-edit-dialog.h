/* pdw-complaint-edit-dialog.h: "Edit Data", correcting a registered
 * complaint's name, NIK, KK, phone, type and institution, with the same
 * live NIK/KK check as registration.  The pane writes what changed to the
 * control card (pdw_store_correct_complaint()).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/pdw-store.h"

G_BEGIN_DECLS

#define PDW_TYPE_COMPLAINT_EDIT_DIALOG (pdw_complaint_edit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdwComplaintEditDialog, pdw_complaint_edit_dialog, PDW, COMPLAINT_EDIT_DIALOG, AdwMessageDialog)

/* Responses: "cancel" and "save"; "save" is enabled while a type is chosen
 * and neither the NIK nor the KK has an error.  @values: what the fields
 * start with; @types, @institutions: the office's lists (PdwCatalogEntry);
 * a code of @values no longer in a list is kept as an entry of its own. */
PdwComplaintEditDialog *pdw_complaint_edit_dialog_new          (GtkWindow                *parent,
                                                                 gint64                    complaint_id,
                                                                 const PdwComplaintFields *values,
                                                                 GPtrArray                *types,
                                                                 GPtrArray                *institutions);
gint64                  pdw_complaint_edit_dialog_get_complaint_id (PdwComplaintEditDialog *self);
/* @field: "name", "nik", "kk", "phone" (stripped text; a NIK/KK as its 16
 * digits), "complaint_type", "institution" (codes).  NULL when empty. */
char                   *pdw_complaint_edit_dialog_dup_value    (PdwComplaintEditDialog   *self,
                                                                 const char               *field);
/* The field's editable, for tests ("name", "nik", "kk", "phone"). */
GtkEditable            *pdw_complaint_edit_dialog_get_editable (PdwComplaintEditDialog   *self,
                                                                 const char               *field);
void                    pdw_complaint_edit_dialog_choose       (PdwComplaintEditDialog   *self,
                                                                 const char               *field,
                                                                 const char               *code);
/* A problem from an earlier attempt, shown under the fields; NULL hides it. */
void                    pdw_complaint_edit_dialog_set_error    (PdwComplaintEditDialog   *self,
                                                                 const char               *message);
gboolean                pdw_complaint_edit_dialog_get_can_save (PdwComplaintEditDialog   *self);
/* The text under the NIK field, NULL while hidden. */
const char             *pdw_complaint_edit_dialog_get_nik_message (PdwComplaintEditDialog *self);

G_END_DECLS
