/* pdw-signature.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-signature.h"

#define SIGNATURE_PREFIX "sha256="

char *
pdw_signature_compute (GBytes     *body,
                       const char *app_secret)
{
  g_autoptr(GBytes) key = NULL;
  g_autofree char *hex = NULL;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (app_secret != NULL, NULL);

  key = g_bytes_new_static (app_secret, strlen (app_secret));

  /* The MAC is over the bytes as received: Meta escapes non-ASCII as \uXXXX,
   * which re-serialised JSON would not reproduce. */
  hex = g_compute_hmac_for_bytes (G_CHECKSUM_SHA256, key, body);
  return g_strconcat (SIGNATURE_PREFIX, hex, NULL);
}

/* Both strings have @len bytes; no early exit, so that the time taken does
 * not tell an attacker how many leading characters were right. */
static gboolean
equal_constant_time (const char *a,
                     const char *b,
                     gsize       len)
{
  guint8 diff = 0;

  for (gsize i = 0; i < len; i++)
    diff |= (guint8) a[i] ^ (guint8) b[i];

  return diff == 0;
}

gboolean
pdw_signature_verify (GBytes     *body,
                      const char *app_secret,
                      const char *header_value)
{
  g_autofree char *expected = NULL;
  gsize len;

  g_return_val_if_fail (body != NULL, FALSE);

  if (header_value == NULL || app_secret == NULL || app_secret[0] == '\0')
    return FALSE;

  expected = pdw_signature_compute (body, app_secret);
  len = strlen (expected);

  /* The length of a valid signature is public (7 + 64), so rejecting on
   * length first reveals nothing. */
  if (strlen (header_value) != len)
    return FALSE;

  return equal_constant_time (expected, header_value, len);
}

gboolean
pdw_secure_str_equal (const char *a,
                      const char *b)
{
  gsize len;

  if (a == NULL || b == NULL)
    return FALSE;

  len = strlen (a);
  if (strlen (b) != len)
    return FALSE;

  return equal_constant_time (a, b, len);
}
