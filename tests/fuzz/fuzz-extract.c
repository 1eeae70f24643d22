/* fuzz-extract.c: libFuzzer target for extraction from free text.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "core/pdw-extract.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gboolean
all_digits (const char *text,
            gsize       len)
{
  if (strlen (text) != len)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = g_strndup ((const char *) data, size);
  g_autoptr(GPtrArray) people = pdw_extract_people (input);

  g_assert_nonnull (people);
  for (guint i = 0; i < people->len; i++)
    {
      PdwExtractedPerson *person = g_ptr_array_index (people, i);

      /* What the GUI and the CLI rely on. */
      g_assert_true (person->nik == NULL || (all_digits (person->nik, 16) && person->nik[0] != '0'));
      g_assert_true (person->kk == NULL || (all_digits (person->kk, 16) && person->kk[0] != '0'));
      g_assert_true (person->phone == NULL || g_str_has_prefix (person->phone, "+62"));
      g_assert_true (person->birth_date == NULL || strlen (person->birth_date) == 10);
      g_assert_true (person->name == NULL || g_utf8_validate (person->name, -1, NULL));
    }

  return 0;
}
