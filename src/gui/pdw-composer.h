/* pdw-composer.h: where an officer types a reply.  Enter sends (through the
 * "chat.send" action of an ancestor), Shift+Enter breaks the line.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PDW_TYPE_COMPOSER (pdw_composer_get_type ())
G_DECLARE_FINAL_TYPE (PdwComposer, pdw_composer, PDW, COMPOSER, GtkWidget)

/* Properties:
 *   empty (boolean, read-only): nothing but white space has been typed
 *   placeholder (string): shown while the text is empty
 *   step (string, read-only): the SOP step (a pdw-workflow.h action id) the
 *       text records when it is sent, shown in a bar above the text with a
 *       button that cancels it; dropped when the text is emptied
 * Signals:
 *   changed (): the text changed (typed, set or cleared)
 *   template-chosen (const char *name): the officer chose a quick reply:
 *       typing "/" at the start lists the reply templates
 *       (pdw_composer_set_templates()) matching what follows it; Up/Down
 *       choose, Enter (or a click) picks, Escape closes.  The handler
 *       replaces the "/query" with the filled template.
 */
GtkWidget *pdw_composer_new             (void);
char      *pdw_composer_dup_text        (PdwComposer *self);
void       pdw_composer_set_text        (PdwComposer *self,
                                         const char  *text);
void       pdw_composer_clear           (PdwComposer *self);
gboolean   pdw_composer_get_empty       (PdwComposer *self);
void       pdw_composer_set_placeholder (PdwComposer *self,
                                         const char  *placeholder);
void       pdw_composer_grab_text_focus (PdwComposer *self);
/* @label: the step's name as the officer reads it; NULL @action clears. */
void       pdw_composer_set_step        (PdwComposer *self,
                                         const char  *action,
                                         const char  *label);
const char *pdw_composer_get_step       (PdwComposer *self);
/* The reply templates (PdwReplyTemplate) the quick replies list. */
void       pdw_composer_set_templates   (PdwComposer *self,
                                         GListModel  *templates);
/* Escape: closed until the text no longer starts with "/". */
void       pdw_composer_close_quick_replies (PdwComposer *self);

/* For tests: the send button (its sensitivity follows "chat.send"), the
 * step bar, the quick replies' popover and the matching templates (a
 * GtkSingleSelection), and what Up/Down and Enter do in it. */
GtkWidget *pdw_composer_get_send_button (PdwComposer *self);
GtkWidget *pdw_composer_get_step_bar    (PdwComposer *self);
GtkPopover *pdw_composer_get_quick_replies (PdwComposer *self);
GListModel *pdw_composer_get_quick_reply_matches (PdwComposer *self);
void       pdw_composer_move_quick_reply (PdwComposer *self,
                                          int          delta);
void       pdw_composer_choose_quick_reply (PdwComposer *self);

G_END_DECLS
