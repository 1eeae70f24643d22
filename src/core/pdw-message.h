/* pdw-message.h: one WhatsApp message, incoming or outgoing.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pdw-types.h"

G_BEGIN_DECLS

/* Where a message's file is: fetched from WhatsApp for a citizen's media
 * (pending until fetched, retried with backoff), or the officer's
 * attachment.  NONE: no file (text messages). */
typedef enum
{
  PDW_MEDIA_NONE = 0,
  PDW_MEDIA_PENDING,   /* to fetch; media-error says why the last attempt failed */
  PDW_MEDIA_READY,     /* media-path holds the file, media-size its size */
  PDW_MEDIA_CORRUPT,   /* the bytes did not match the webhook's sha256: not kept */
  PDW_MEDIA_EXPIRED,   /* not fetched within the 7 days WhatsApp keeps it */
} PdwMediaState;

/* "pending", "ready", ... as stored; NULL for NONE. */
const char        *pdw_media_state_to_string       (PdwMediaState state);
PdwMediaState      pdw_media_state_from_string     (const char   *text);

#define PDW_TYPE_MESSAGE (pdw_message_get_type ())
G_DECLARE_FINAL_TYPE (PdwMessage, pdw_message, PDW, MESSAGE, GObject)

/* Properties (readable and writable, notify only on change):
 *   id (int64), conversation-id (int64), wamid (string, NULL while queued),
 *   direction (int, PdwDirection), message-type (string: "text", "image", ...),
 *   text (string: body or caption), media-id, media-mime-type, media-filename (strings),
 *   timestamp (int64, Unix s UTC), status (int, PdwDeliveryStatus),
 *   error-code (int), error-title (string), officer-name (string, outgoing only),
 *   media-state (int, PdwMediaState), media-path (string, the local file),
 *   media-size (int64, bytes), media-attempts (int, fetches tried),
 *   media-error (string, why the last fetch failed),
 *   media-sha256 (string, the webhook's hash of the file, base64)
 */
gint64             pdw_message_get_id              (PdwMessage *self);
gint64             pdw_message_get_conversation_id (PdwMessage *self);
const char        *pdw_message_get_wamid           (PdwMessage *self);
PdwDirection       pdw_message_get_direction       (PdwMessage *self);
const char        *pdw_message_get_message_type    (PdwMessage *self);
const char        *pdw_message_get_text            (PdwMessage *self);
const char        *pdw_message_get_media_id        (PdwMessage *self);
const char        *pdw_message_get_media_mime_type (PdwMessage *self);
const char        *pdw_message_get_media_filename  (PdwMessage *self);
gint64             pdw_message_get_timestamp       (PdwMessage *self);
PdwDeliveryStatus  pdw_message_get_status          (PdwMessage *self);
int                pdw_message_get_error_code      (PdwMessage *self);
const char        *pdw_message_get_error_title     (PdwMessage *self);
const char        *pdw_message_get_officer_name    (PdwMessage *self);
/* Outgoing template messages (type "template", sent outside the 24-hour
 * window): the approved template's name and language and its positional
 * body parameters; NULL for other messages.  get_text() holds the text the
 * citizen sees, for the chat view. */
const char        *pdw_message_get_template_name     (PdwMessage *self);
const char        *pdw_message_get_template_language (PdwMessage *self);
const char * const *pdw_message_get_template_params  (PdwMessage *self);
/* The WhatsApp number (wa_id) that sent an inbound message: differs from
 * the conversation's own number once contacts were merged. */
const char        *pdw_message_get_from_wa_id        (PdwMessage *self);

PdwMediaState      pdw_message_get_media_state     (PdwMessage *self);
const char        *pdw_message_get_media_path      (PdwMessage *self);
gint64             pdw_message_get_media_size      (PdwMessage *self);
int                pdw_message_get_media_attempts  (PdwMessage *self);
const char        *pdw_message_get_media_error     (PdwMessage *self);
const char        *pdw_message_get_media_sha256    (PdwMessage *self);
/* An image or a sticker: shown as a picture, opened in the viewer. */
gboolean           pdw_message_is_image            (PdwMessage *self);

void               pdw_message_update_from         (PdwMessage *self,
                                                    PdwMessage *other);

G_END_DECLS
