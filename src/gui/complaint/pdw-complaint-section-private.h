/* pdw-complaint-section-private.h: small helpers the complaint pane and its
 * sections share.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pdw-identity.h"
#include "gui/pdw-context.h"

G_BEGIN_DECLS

/* Shows @text under a field (hidden when NULL or empty) in the style of
 * @css_class: "error", "warning", "success" or "dim-label". */
void        _pdw_complaint_set_message      (GtkLabel   *label,
                                             const char *text,
                                             const char *css_class);
/* The label's text while it is shown, else NULL: what the officer sees. */
const char *_pdw_complaint_get_shown_text   (GtkLabel   *label);
gboolean    _pdw_complaint_text_is_blank    (const char *text);
/* The control card signs every step with the officer's name; without a
 * context there is none. */
gboolean    _pdw_complaint_officer_is_blank (PdwContext *context);
void        _pdw_complaint_show_toast       (GtkWidget  *widget,
                                             const char *message);

/* SOP step 2: what the complaint still needs before the consolidation
 * list, as a sentence for the pane; NULL when nothing. */
char       *_pdw_complaint_dup_consolidation_needs (PdwComplaint *complaint);

/* pdw-complaint-identity.c: the live check of a NIK or KK field. */
typedef enum
{
  PDW_FIELD_EMPTY,
  PDW_FIELD_VALID,
  PDW_FIELD_WARNING,
  PDW_FIELD_ERROR,
} PdwFieldState;

/* Checks @row's text as a @kind, styles the row and shows the problem in
 * @message and what the number says (district, birth date) in @details. */
PdwFieldState _pdw_complaint_validate_identity   (PdwIdentityKind  kind,
                                                  AdwEntryRow     *row,
                                                  GtkLabel        *message,
                                                  GtkLabel        *details);
/* The 16 digits of a typed NIK/KK, the text as typed when it has no 16
 * digits, NULL when blank. */
char         *_pdw_complaint_dup_identity_digits (PdwIdentityKind  kind,
                                                  const char      *text);

G_END_DECLS
