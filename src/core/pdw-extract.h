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

/* Every person found in @text, in the order they appear.  Never NULL. */
GPtrArray *pdw_extract_people        (const char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwExtractedPerson, pdw_extracted_person_free)

G_END_DECLS
