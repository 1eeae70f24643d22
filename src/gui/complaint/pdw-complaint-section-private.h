/* pdw-complaint-section-private.h: small helpers the complaint pane and its
 * sections share.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

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

G_END_DECLS
