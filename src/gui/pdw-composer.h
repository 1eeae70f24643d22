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
/* For tests: the send button (its sensitivity follows "chat.send"). */
GtkWidget *pdw_composer_get_send_button (PdwComposer *self);

G_END_DECLS
