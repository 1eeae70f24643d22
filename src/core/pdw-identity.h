/* pdw-identity.h: NIK and KK numbers: normalisation, validation, decoding
 * and masking.  Numbers stay strings: they never pass through a double.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PDW_IDENTITY_NIK,
  PDW_IDENTITY_KK,
} PdwIdentityKind;

typedef enum
{
  PDW_ISSUE_ERROR,
  PDW_ISSUE_WARNING,
} PdwIssueSeverity;

typedef struct
{
  PdwIssueSeverity  severity;
  const char       *code;        /* stable, e.g. "invalid_day", "region_renamed" */
  char             *message;     /* for the UI, translated with gettext */
  char             *message_id;  /* the Indonesian text, whatever the locale (CLI JSON) */
} PdwIdentityIssue;

typedef struct
{
  PdwIdentityKind  kind;
  char             digits[17];         /* the 16 normalised digits, "" when there are not 16 */
  gboolean         valid;              /* no error (warnings allowed) */
  GPtrArray       *errors;             /* PdwIdentityIssue */
  GPtrArray       *warnings;           /* PdwIdentityIssue */
  char             district_code[7];   /* digits 1-6, "" when unknown */
  char            *province;           /* names as in data/regions, NULL when unknown */
  char            *regency;
  char            *district;           /* current name of the kecamatan */
  char            *district_former;    /* former name of a renamed code, else NULL */
  GDate            date;               /* NIK: birth date; KK: issue date; g_date_valid() FALSE if none */
  char             sex;                /* NIK: 'L' or 'P'; KK: 0 */
  char             serial[5];
} PdwIdentityResult;

/* @today: the reference date for century and future checks; NULL means today in WIB. */
PdwIdentityResult *pdw_identity_parse         (PdwIdentityKind    kind,
                                               const char        *input,
                                               const GDate       *today);
void               pdw_identity_result_free   (PdwIdentityResult *result);

/* "1471********0001": the one masking used in the UI, logs and exports.
 * Input may contain separators; anything that is not 16 digits is masked whole. */
char              *pdw_identity_mask          (const char        *number);

/* @text with every run of 16 or more digits masked, the digits possibly
 * separated by single spaces, dots or dashes as people type them
 * ("1471 0212 3456 0001"): a run of 16 as pdw_identity_mask() does, a
 * longer one (two numbers typed together) with every digit a '*'.  The
 * rest of the text is kept. */
char              *pdw_identity_mask_in_text  (const char        *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwIdentityResult, pdw_identity_result_free)

G_END_DECLS
