/* pdw-store-query.c: the one locked-query helper every aggregate file of
 * src/store/ reads through (_pdw_store_query_*): a cached statement, its
 * arguments, the rows made into objects or one value.  Calls only
 * pdw-store.c.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "pdw-store.h"
#include "pdw-store-private.h"

/* ---- Queries ---------------------------------------------------------------- */

static void
bind_args (PdwStmt          *stmt,
           const PdwSqlArg  *args,
           guint             n_args)
{
  for (guint i = 0; i < n_args; i++)
    {
      if (args[i].kind == PDW_SQL_ARG_TEXT)
        _pdw_stmt_bind_text (stmt, i + 1, args[i].text);
      else
        sqlite3_bind_int64 (stmt, i + 1, args[i].number);
    }
}

/* Unlocked: for callers inside a transaction that bind by themselves. */
GPtrArray *
_pdw_store_collect_rows (PdwStore            *self,
                         PdwStmt             *stmt,
                         PdwStoreRowBuilder   build,
                         GError             **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_row = FALSE;
  gboolean ok;

  while ((ok = _pdw_store_step_row (self, stmt, &has_row, error)) && has_row)
    g_ptr_array_add (rows, build (stmt));

  return ok ? g_steal_pointer (&rows) : NULL;
}

/* The one place that takes the lock around a read: the statement is reset
 * before the lock is given back, so another thread never sees it half
 * stepped. */
GPtrArray *
_pdw_store_query_list (PdwStore            *self,
                       const char          *sql,
                       const PdwSqlArg     *args,
                       guint                n_args,
                       PdwStoreRowBuilder   build,
                       GError             **error)
{
  PdwStmt *stmt;
  GPtrArray *ret = NULL;

  g_rec_mutex_lock (&self->mutex);
  if ((stmt = _pdw_store_prepare (self, sql, error)))
    {
      bind_args (stmt, args, n_args);
      ret = _pdw_store_collect_rows (self, stmt, build, error);
      _pdw_stmt_release (stmt);
    }
  g_rec_mutex_unlock (&self->mutex);

  return ret;
}

gpointer
_pdw_store_query_first (PdwStore            *self,
                        const char          *sql,
                        const PdwSqlArg     *args,
                        guint                n_args,
                        PdwStoreRowBuilder   build,
                        gboolean            *found,
                        GError             **error)
{
  g_autoptr(GPtrArray) rows = _pdw_store_query_list (self, sql, args, n_args, build, error);

  *found = rows != NULL && rows->len > 0;
  return *found ? g_object_ref (g_ptr_array_index (rows, 0)) : NULL;
}

gpointer
_pdw_store_query_by_id (PdwStore            *self,
                        const char          *sql,
                        gint64               id,
                        PdwStoreRowBuilder   build,
                        PdwStoreRowKind      kind,
                        GError             **error)
{
  GError *local_error = NULL;
  gboolean found = FALSE;
  gpointer ret;

  ret = _pdw_store_query_first (self, sql, PDW_SQL_ARGS (PDW_SQL_INT (id)), build, &found, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else if (!found)
    _pdw_store_set_not_found (error, kind, id);

  return ret;
}

gpointer
_pdw_store_query_by_key (PdwStore            *self,
                         const char          *sql,
                         const char          *key,
                         PdwStoreRowBuilder   build,
                         GError             **error,
                         const char          *not_found_format,
                         ...)
{
  GError *local_error = NULL;
  gboolean found = FALSE;
  gpointer ret;

  ret = _pdw_store_query_first (self, sql, PDW_SQL_ARGS (PDW_SQL_TEXT (key)), build, &found, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else if (!found)
    {
      g_autofree char *message = NULL;
      va_list args;

      va_start (args, not_found_format);
      message = g_strdup_vprintf (not_found_format, args);
      va_end (args);
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND, message);
    }

  return ret;
}

gboolean
_pdw_store_query_value (PdwStore         *self,
                        const char       *sql,
                        const PdwSqlArg  *args,
                        guint             n_args,
                        PdwSqlValue      *value,
                        GError          **error)
{
  PdwStmt *stmt;
  gboolean ok = FALSE;

  value->found = FALSE;
  value->is_null = TRUE;
  value->number = 0;
  value->text = NULL;

  g_rec_mutex_lock (&self->mutex);
  if ((stmt = _pdw_store_prepare (self, sql, error)))
    {
      bind_args (stmt, args, n_args);
      ok = _pdw_store_step_row (self, stmt, &value->found, error);
      if (ok && value->found)
        {
          value->is_null = sqlite3_column_type (stmt, 0) == SQLITE_NULL;
          value->number = sqlite3_column_int64 (stmt, 0);
          value->text = g_strdup (_pdw_stmt_column_text (stmt, 0));
        }
      _pdw_stmt_release (stmt);
    }
  g_rec_mutex_unlock (&self->mutex);

  return ok;
}

void
_pdw_sql_value_clear (PdwSqlValue *value)
{
  g_clear_pointer (&value->text, g_free);
}
