/* pdw-catalog-entry.h: one entry of an editable office list (complaint
 * type, institution or division), as the store holds it.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pdw-catalog.h"

G_BEGIN_DECLS

#define PDW_TYPE_CATALOG_ENTRY (pdw_catalog_entry_get_type ())
G_DECLARE_FINAL_TYPE (PdwCatalogEntry, pdw_catalog_entry, PDW, CATALOG_ENTRY, GObject)

/* Properties: "id" (gint64), "kind" (int, PdwCatalogKind), "code", "label"
 * (strings), "position" (int), "active", "builtin" (booleans). */
gint64          pdw_catalog_entry_get_id       (PdwCatalogEntry *self);
PdwCatalogKind  pdw_catalog_entry_get_kind     (PdwCatalogEntry *self);
const char     *pdw_catalog_entry_get_code     (PdwCatalogEntry *self);
/* What to show: the officer's label, else the translated shipped label,
 * else the code.  Never NULL. */
const char     *pdw_catalog_entry_get_label    (PdwCatalogEntry *self);
/* What official documents show: the officer's label, else the shipped
 * label in Indonesian whatever the locale, else the code. */
const char     *pdw_catalog_entry_get_label_id (PdwCatalogEntry *self);
int             pdw_catalog_entry_get_position (PdwCatalogEntry *self);
/* Inactive entries are kept (old complaints name them) but not offered. */
gboolean        pdw_catalog_entry_get_active   (PdwCatalogEntry *self);
/* Shipped with PANDAWA (pdw_catalog_get_defaults()). */
gboolean        pdw_catalog_entry_get_builtin  (PdwCatalogEntry *self);

G_END_DECLS
