/* pdw-signature.h: the X-Hub-Signature-256 header of Cloud API webhooks:
 * "sha256=" + lowercase hex HMAC-SHA256 of the raw body, keyed with the
 * app secret.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PDW_SIGNATURE_HEADER "X-Hub-Signature-256"

/* Returns "sha256=<64 lowercase hex digits>" for @body. */
char     *pdw_signature_compute (GBytes     *body,
                                 const char *app_secret);

/* TRUE when @header_value (may be NULL) is the signature of @body.  The
 * comparison takes the same time wherever the first difference is. */
gboolean  pdw_signature_verify  (GBytes     *body,
                                 const char *app_secret,
                                 const char *header_value);

/* Compares two secrets (NULL never matches) without an early exit. */
gboolean  pdw_secure_str_equal  (const char *a,
                                 const char *b);

G_END_DECLS
