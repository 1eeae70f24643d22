/* pdw-message-media.h: the file of a message in the chat: a photo's
 * thumbnail (loaded off the main loop), a document's name and size, or
 * why it is not here yet ("download failed — try again", expired).  A click
 * opens the viewer (photos) or the system's application (other files).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/pdw-message.h"

G_BEGIN_DECLS

#define PDW_TYPE_MESSAGE_MEDIA (pdw_message_media_get_type ())
G_DECLARE_FINAL_TYPE (PdwMessageMedia, pdw_message_media, PDW, MESSAGE_MEDIA, GtkWidget)

/* Properties: message (PdwMessage).
 * Activates "chat.retry-media" (int64 message id) on "Try again". */
GtkWidget  *pdw_message_media_new              (void);
void        pdw_message_media_set_message      (PdwMessageMedia *self,
                                                PdwMessage      *message);
/* FALSE when the message has no file to show (a text). */
gboolean    pdw_message_media_has_media        (PdwMessageMedia *self);

/* For tests: the thumbnail once loaded (else NULL), the labels shown and
 * whether "Try again" is offered. */
GdkPaintable *pdw_message_media_get_thumbnail  (PdwMessageMedia *self);
const char *pdw_message_media_get_name_text    (PdwMessageMedia *self);
const char *pdw_message_media_get_detail_text  (PdwMessageMedia *self);
gboolean    pdw_message_media_get_can_retry    (PdwMessageMedia *self);

/* The file name offered by "Save As…" for @message. */
char       *pdw_message_media_dup_save_name    (PdwMessage      *message);

G_END_DECLS
