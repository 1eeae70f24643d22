/* pdw-store-export.c: every row of a table, as strings, for the
 * exporters of src/export/ (which speak no SQL).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "pdw-store-private.h"

/* ---- Export ------------------------------------------------------------------ */

static const char *
export_query_for_table (const char *table)
{
  static const struct {
    const char *table;
    const char *sql;
  } queries[] = {
    { "contacts",         "SELECT * FROM contacts ORDER BY id" },
    { "conversations",    "SELECT * FROM conversations ORDER BY id" },
    { "messages",         "SELECT * FROM messages ORDER BY id" },
    { "complaints",       "SELECT * FROM complaints ORDER BY id" },
    { "complaint_events", "SELECT * FROM complaint_events ORDER BY id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    if (g_strcmp0 (queries[i].table, table) == 0)
      return queries[i].sql;

  return NULL;
}

static gboolean
foreach_row_locked (PdwStore         *self,
                    const char       *sql,
                    PdwStoreRowFunc   func,
                    gpointer          user_data,
                    GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree const char **columns = NULL;
  g_autofree const char **values = NULL;
  guint n_columns;
  int rc;

  /* Not cached: @func may call back into the store. */
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _pdw_store_set_error_from_code (self, error, rc);
      return FALSE;
    }

  n_columns = sqlite3_column_count (stmt);
  columns = g_new0 (const char *, n_columns + 1);
  values = g_new0 (const char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    columns[i] = sqlite3_column_name (stmt, i);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; i < n_columns; i++)
        values[i] = (const char *) sqlite3_column_text (stmt, i);

      func (columns, values, n_columns, user_data);
    }

  if (rc != SQLITE_DONE)
    _pdw_store_set_error_from_code (self, error, rc);

  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

gboolean
pdw_store_foreach_row (PdwStore         *self,
                       const char       *table,
                       PdwStoreRowFunc   func,
                       gpointer          user_data,
                       GError          **error)
{
  const char *sql;
  gboolean ret;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(sql = export_query_for_table (table)))
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("There is no table “%s” to export."), table);
      return FALSE;
    }

  g_rec_mutex_lock (&self->mutex);
  ret = foreach_row_locked (self, sql, func, user_data, error);
  g_rec_mutex_unlock (&self->mutex);

  return ret;
}

