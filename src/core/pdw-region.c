/* pdw-region.c: lookups in the generated region tables.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pdw-region.h"
#include "core/pdw-region-data.h"

typedef struct
{
  const char *key;
  gsize       len;
} CodeKey;

static int
compare_district (const void *key,
                  const void *member)
{
  const CodeKey *k = key;
  const PdwRegion *region = member;

  return strncmp (k->key, region->code, k->len);
}

static int
compare_name (const void *key,
              const void *member)
{
  const CodeKey *k = key;
  const PdwRegionName *entry = member;

  return strncmp (k->key, entry->code, k->len);
}

static gboolean
has_digits (const char *code,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (code[i]))
        return FALSE;
    }

  return TRUE;
}

const PdwRegion *
pdw_region_lookup (const char *code)
{
  CodeKey key = { code, 6 };

  g_return_val_if_fail (code != NULL, NULL);

  if (!has_digits (code, 6))
    return NULL;

  return bsearch (&key, pdw_region_districts, G_N_ELEMENTS (pdw_region_districts),
                  sizeof (PdwRegion), compare_district);
}

static const char *
lookup_name (const PdwRegionName *table,
             gsize                n_entries,
             const char          *code,
             gsize                len)
{
  CodeKey key = { code, len };
  const PdwRegionName *found;

  if (!has_digits (code, len))
    return NULL;

  found = bsearch (&key, table, n_entries, sizeof (PdwRegionName), compare_name);

  return found != NULL ? found->name : NULL;
}

const char *
pdw_region_province_name (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  return lookup_name (pdw_region_provinces, G_N_ELEMENTS (pdw_region_provinces), code, 2);
}

const char *
pdw_region_regency_name (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  return lookup_name (pdw_region_regencies, G_N_ELEMENTS (pdw_region_regencies), code, 4);
}

guint
pdw_region_count (void)
{
  return G_N_ELEMENTS (pdw_region_districts);
}
