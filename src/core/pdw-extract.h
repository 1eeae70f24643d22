/* pdw-extract.h: finds the people a citizen's WhatsApp message talks about
 * (name, NIK, KK, birth date, phone), however it was typed.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *name;        /* NULL when absent */
  char *nik;         /* 16 digits or NULL */
  char *kk;          /* 16 digits or NULL */
  char *birth_date;  /* "YYYY-MM-DD" or NULL */
  char *phone;       /* as "+62..." or NULL */
} PdwExtractedPerson;

void       pdw_extracted_person_free (PdwExtractedPerson *person);

/* A message is a few lines: of a longer text only the first this many
 * bytes are read, so that extraction takes a bounded time whatever a
 * webhook carries. */
#define PDW_EXTRACT_MAX_TEXT 8192

/* Every person found in the first PDW_EXTRACT_MAX_TEXT bytes of @text, in
 * the order they appear.  Never NULL. */
GPtrArray *pdw_extract_people        (const char         *text);

/* @name as a person's name is written: each word capitalised ("dewi
 * lestari", "DEWI LESTARI" -> "Dewi Lestari"), also after a hyphen
 * ("al-amin" -> "Al-Amin") but not after an apostrophe ("ma'ruf" ->
 * "Ma'ruf"); "bin", "binti" lower case after the first word; single
 * letters and roman numerals upper case ("m. rizky ii" -> "M. Rizky II").
 * A word typed in mixed case ("McDonald") is kept as typed.  Spaces are
 * collapsed.  NULL for NULL. */
char      *pdw_extract_title_case_name (const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwExtractedPerson, pdw_extracted_person_free)

G_END_DECLS
