/* pdw-region.h: Kemendagri region codes (province, kabupaten/kota,
 * kecamatan) as used in the first six digits of a NIK or KK.
 *
 * The tables are generated at build time from the CSV files in data/regions
 * (build-aux/gen-regions.py); the data is MIT-licensed, see
 * data/regions/kecamatan.LICENSE.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char        code[7];       /* the six NIK digits, e.g. "147108" */
  const char *name;          /* kecamatan, e.g. "Binawidya" */
  const char *regency;       /* e.g. "Kota Pekanbaru" */
  const char *province;      /* e.g. "Riau" */
  const char *former_name;   /* older name of a renamed code ("Tampan"), else NULL */
  gboolean    retired;       /* code no longer in the current list (old Papua codes) */
} PdwRegion;

typedef struct
{
  char        code[5];
  const char *name;
} PdwRegionName;

/* @code: at least six characters; only the first six are read.
 * Returns a current or retired kecamatan, or NULL. */
const PdwRegion *pdw_region_lookup          (const char *code);
/* @code: the first two characters are read.  NULL when the province never existed. */
const char      *pdw_region_province_name   (const char *code);
/* @code: the first four characters are read. */
const char      *pdw_region_regency_name    (const char *code);
guint            pdw_region_count           (void);

G_END_DECLS
