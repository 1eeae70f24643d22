/* pdw-webhook-parser-private.h: what every provider's webhook parser
 * shares with the Cloud API's (pdw-webhook-parser.c): the hostile-input
 * defences before json-glib sees a body, the text clean-up after, and
 * accessors that never fail on a surprising payload.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pdw-webhook-parser.h"

G_BEGIN_DECLS

/* The JSON object of @body (owned by the returned parser): a body nested
 * deeper than PDW_WEBHOOK_MAX_DEPTH is refused (TOO_DEEP) before it is
 * parsed, \u0000 and lone surrogates are read as U+FFFD
 * (pdw_webhook_scan_json()); NULL with INVALID_JSON for anything that is
 * not a JSON object, the error naming the line and column only. */
JsonParser *_pdw_webhook_load_object      (GBytes      *body,
                                           JsonObject **object,
                                           GError     **error);
/* Every text field of the PdwInboundMessage items of @messages and the
 * PdwStatusUpdate items of @statuses made valid UTF-8 (U+FFFD). */
void        _pdw_webhook_make_valid       (GPtrArray   *messages,
                                           GPtrArray   *statuses);

/* NULL / 0 when @member is absent or of another type (@object may be
 * NULL); a number may also come as a string of digits. */
const char *_pdw_webhook_get_string       (JsonObject  *object,
                                           const char  *member);
JsonObject *_pdw_webhook_get_object       (JsonObject  *object,
                                           const char  *member);
gint64      _pdw_webhook_get_int          (JsonObject  *object,
                                           const char  *member);
/* A copy of @str, or NULL when it is NULL or empty. */
char       *_pdw_webhook_dup_nonempty     (const char  *str);
char       *_pdw_webhook_serialize_object (JsonObject  *object);

G_END_DECLS
