/* pdw-classify.h: recognises the complaint type and the institution a
 * citizen's message names, as the codes of the office's shipped lists
 * (pdw-catalog.h), from a table of keywords written the way citizens type
 * them (abbreviations, typos, no accents or capitals needed).  A text that
 * names neither leaves them NULL: the officer chooses, nothing is guessed.
 * Also the SOP's step-2 rule of which identity fields a type needs before
 * the file goes on the SIAK consolidation list.  Pure functions.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *complaint_type;  /* a PDW_CATALOG_COMPLAINT_TYPE code, or NULL */
  const char *institution;     /* a PDW_CATALOG_INSTITUTION code, or NULL */
} PdwClassification;

/* What @text talks about.  Static strings; both NULL when nothing in the
 * text matches.  @text may be NULL or invalid UTF-8. */
void pdw_classify_text  (const char         *text,
                         PdwClassification  *result);
/* The same over several messages of one conversation (NULL-terminated):
 * the evidence of all of them counts, and no keyword spans two messages. */
void pdw_classify_texts (const char * const *texts,
                         PdwClassification  *result);

typedef enum
{
  PDW_MISSING_NONE = 0,
  PDW_MISSING_NIK  = 1 << 0,
  PDW_MISSING_NAME = 1 << 1,
  PDW_MISSING_KK   = 1 << 2,
  PDW_MISSING_TYPE = 1 << 3,
} PdwMissingFields;

/* SOP step 2: data inactive at an institution ("nik_tidak_aktif") is
 * consolidated with the NIK alone; every other type needs the NIK, the
 * name and the KK.  Blank strings count as missing. */
PdwMissingFields pdw_classify_missing_for_consolidation (const char *complaint_type,
                                                          const char *name,
                                                          const char *nik,
                                                          const char *kk);
/* "name and family card number (KK)": the missing fields in words,
 * translated; NULL for PDW_MISSING_NONE. */
char            *pdw_classify_describe_missing          (PdwMissingFields missing);

G_END_DECLS
