/* fuzz-identity.c: libFuzzer target for the NIK/KK parser and masking.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "core/pdw-identity.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = g_strndup ((const char *) data, size);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 21, G_DATE_NOVEMBER, 2026);

  for (int kind = PDW_IDENTITY_NIK; kind <= PDW_IDENTITY_KK; kind++)
    {
      g_autoptr(PdwIdentityResult) result = pdw_identity_parse (kind, input, &today);
      g_autofree char *masked = pdw_identity_mask (input);

      g_assert_nonnull (result);
      g_assert_nonnull (masked);
      /* Invariants the UI relies on. */
      g_assert_true (result->valid == (result->errors->len == 0));
      g_assert_true (strlen (result->digits) == 0 || strlen (result->digits) == 16);
      if (result->valid)
        g_assert_true (g_date_valid (&result->date) && g_date_compare (&result->date, &today) <= 0);
      if (strlen (masked) == 16 && masked[4] == '*')
        g_assert_true (strncmp (masked + 4, "********", 8) == 0);
    }

  return 0;
}
