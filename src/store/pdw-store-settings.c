/* pdw-store-settings.c: the office's editable lists (complaint types,
 * institutions, divisions), its officers and its reply templates.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-template.h"
#include "pdw-store-private.h"

static gboolean
seed_catalog_kind (PdwStore        *self,
                   PdwCatalogKind   kind,
                   GError         **error)
{
  const PdwCatalogItem *items;
  gsize n_items = 0;

  items = pdw_catalog_get_defaults (kind, &n_items);
  for (gsize i = 0; i < n_items; i++)
    {
      g_autoptr(PdwStmt) stmt = NULL;

      /* A shipped entry goes after what is there, so that an office's own
       * order is kept when a new version ships a new entry. */
      stmt = pdw_store_prepare (self,
                                "INSERT OR IGNORE INTO catalog_entries (kind, code, position, builtin)"
                                " VALUES (?1, ?2, (SELECT COALESCE (max(position), -1) + 1"
                                "                   FROM catalog_entries WHERE kind = ?1), 1)",
                                error);
      if (stmt == NULL)
        return FALSE;
      pdw_stmt_bind_text (stmt, 1, pdw_catalog_kind_to_string (kind));
      pdw_stmt_bind_text (stmt, 2, items[i].code);
      if (!pdw_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
seed_templates (PdwStore  *self,
                GError   **error)
{
  const char * const *names = pdw_template_get_default_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(PdwStmt) stmt = NULL;

      stmt = pdw_store_prepare (self,
                                "INSERT OR IGNORE INTO reply_templates (name, builtin, updated_at)"
                                " VALUES (?1, 1, ?2)",
                                error);
      if (stmt == NULL)
        return FALSE;
      pdw_stmt_bind_text (stmt, 1, names[i]);
      sqlite3_bind_int64 (stmt, 2, pdw_store_now (self));
      if (!pdw_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
pdw_store_seed_settings (PdwStore  *self,
                         GError   **error)
{
  gboolean ok;

  g_rec_mutex_lock (&self->mutex);
  ok = pdw_store_begin (self, error) &&
       seed_catalog_kind (self, PDW_CATALOG_COMPLAINT_TYPE, error) &&
       seed_catalog_kind (self, PDW_CATALOG_INSTITUTION, error) &&
       seed_catalog_kind (self, PDW_CATALOG_DIVISION, error) &&
       seed_templates (self, error) &&
       pdw_store_commit (self, error);
  if (!ok)
    pdw_store_rollback (self);
  g_rec_mutex_unlock (&self->mutex);

  return ok;
}
