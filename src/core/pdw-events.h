/* pdw-events.h: what a gateway hands to the store, independent of the wire
 * format it came in (Cloud API today, WAHA later).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pdw-types.h"

G_BEGIN_DECLS

/* One message a citizen sent.  Strings are owned; NULL when absent. */
typedef struct
{
  char   *wamid;          /* message id as received (not always "wamid.") */
  char   *wa_id;          /* sender's WhatsApp id (phone digits), may be NULL for BSUID-only */
  char   *user_id;        /* business-scoped user id, may be NULL */
  char   *profile_name;   /* contacts[].profile.name, a display hint only */
  char   *phone_number_id;/* our number it was sent to (metadata.phone_number_id) */
  gint64  timestamp;      /* Unix seconds, UTC */
  char   *type;           /* "text", "image", "document", "contacts", "unsupported", ... as received */
  char   *text;           /* text body, or the caption of a media message, or a summary */
  char   *media_id;
  char   *media_mime_type;
  char   *media_sha256;
  char   *media_filename; /* untrusted: sanitise before using on disk */
  char   *context_wamid;  /* the message this one replies to */
  int     error_code;     /* messages[].errors[0].code for type "unsupported"; 0 if none */
  char   *error_title;
  char   *raw_json;       /* the message object, serialised, for types we do not model */
  /* The webhook's own timestamp was missing or too far in the future and
   * @timestamp is the arrival time instead: what it said (0 if nothing). */
  gboolean timestamp_clamped;
  gint64   claimed_timestamp;
} PdwInboundMessage;

/* One delivery status of a message we sent. */
typedef struct
{
  char              *wamid;
  PdwDeliveryStatus  status;
  gint64             timestamp;     /* Unix seconds, UTC */
  char              *recipient_id;
  int                error_code;    /* statuses[].errors[0].code; 0 if none */
  char              *error_title;
  char              *error_details; /* errors[0].error_data.details */
} PdwStatusUpdate;

PdwInboundMessage *pdw_inbound_message_new  (void);
void               pdw_inbound_message_free (PdwInboundMessage *message);
PdwStatusUpdate   *pdw_status_update_new    (void);
void               pdw_status_update_free   (PdwStatusUpdate   *update);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwInboundMessage, pdw_inbound_message_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwStatusUpdate, pdw_status_update_free)

G_END_DECLS
