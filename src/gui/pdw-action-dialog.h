/* pdw-action-dialog.h: asks for what an SOP action needs before it is
 * recorded on the control card: a note (reason) and/or the receiving party
 * (a division or an officer, chosen from the office's lists or typed).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PDW_TYPE_ACTION_DIALOG (pdw_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdwActionDialog, pdw_action_dialog, PDW, ACTION_DIALOG, AdwMessageDialog)

/* Responses: "cancel" and "apply"; "apply" is enabled only while every
 * field the action needs (pdw_workflow_action_get_needs()) holds text.
 * @parties: the suggestions for the receiving party (may be NULL). */
PdwActionDialog *pdw_action_dialog_new          (GtkWindow          *parent,
                                                 const char         *action,
                                                 const char * const *parties);
const char      *pdw_action_dialog_get_action   (PdwActionDialog    *self);
/* Stripped text, NULL when empty.  For "coordinate", what the line stores:
 * the division's officer who receives the file (name and initials, asked
 * for in the dialog) with the note (pdw_card_line_new_coordination_note()).
 * For "reject" the dialog offers the common reasons, which fill the note. */
char            *pdw_action_dialog_dup_note     (PdwActionDialog    *self);
char            *pdw_action_dialog_dup_party    (PdwActionDialog    *self);
/* Takes a stored coordination note too (fills the receiver fields). */
void             pdw_action_dialog_set_note     (PdwActionDialog    *self,
                                                 const char         *note);
void             pdw_action_dialog_set_party    (PdwActionDialog    *self,
                                                 const char         *party);
/* A problem from an earlier attempt, shown under the fields; NULL hides it. */
void             pdw_action_dialog_set_error    (PdwActionDialog    *self,
                                                 const char         *message);
gboolean         pdw_action_dialog_get_can_apply (PdwActionDialog   *self);

G_END_DECLS
