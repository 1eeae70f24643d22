/* pdw-template-editor.h: the subpage where an officer writes a reply
 * template, with a preview filled in with sample values.  It only edits;
 * the templates page saves, restores or deletes when it asks to.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pdw-reply-template.h"

G_BEGIN_DECLS

#define PDW_TYPE_TEMPLATE_EDITOR (pdw_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (PdwTemplateEditor, pdw_template_editor, PDW, TEMPLATE_EDITOR, GtkBox)

/* Properties: template (PdwReplyTemplate, NULL for a new one), settings
 * (GSettings of APP_ID, for the sample values), both construct-only.
 * Signals: back, save, restore, delete (no arguments). */
GtkWidget  *pdw_template_editor_new        (PdwReplyTemplate  *template,
                                            GSettings         *settings);
const char *pdw_template_editor_get_name   (PdwTemplateEditor *self);
const char *pdw_template_editor_get_title  (PdwTemplateEditor *self);
char       *pdw_template_editor_dup_body   (PdwTemplateEditor *self);
void        pdw_template_editor_set_text   (PdwTemplateEditor *self,
                                            const char        *title,
                                            const char        *body);
void        pdw_template_editor_show_error (PdwTemplateEditor *self,
                                            const char        *message);

G_END_DECLS
