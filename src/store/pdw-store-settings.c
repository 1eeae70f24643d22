/* pdw-store-settings.c: the office's editable lists (complaint types,
 * institutions, divisions), its officers, its reply templates and the
 * service calendar and SLA policy the desk computes due times with.
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
      stmt = _pdw_store_prepare (self,
                                 "INSERT OR IGNORE INTO catalog_entries (kind, code, position, builtin)"
                                 " VALUES (?1, ?2, (SELECT COALESCE (max(position), -1) + 1"
                                 "                   FROM catalog_entries WHERE kind = ?1), 1)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      _pdw_stmt_bind_text (stmt, 1, pdw_catalog_kind_to_string (kind));
      _pdw_stmt_bind_text (stmt, 2, items[i].code);
      if (!_pdw_store_step_done (self, stmt, error))
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

      stmt = _pdw_store_prepare (self,
                                 "INSERT OR IGNORE INTO reply_templates (name, builtin, updated_at)"
                                 " VALUES (?1, 1, ?2)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      _pdw_stmt_bind_text (stmt, 1, names[i]);
      sqlite3_bind_int64 (stmt, 2, _pdw_store_now (self));
      if (!_pdw_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_pdw_store_seed_settings (PdwStore  *self,
                          GError   **error)
{
  gboolean ok;

  g_rec_mutex_lock (&self->mutex);
  ok = _pdw_store_begin (self, error) &&
       seed_catalog_kind (self, PDW_CATALOG_COMPLAINT_TYPE, error) &&
       seed_catalog_kind (self, PDW_CATALOG_INSTITUTION, error) &&
       seed_catalog_kind (self, PDW_CATALOG_DIVISION, error) &&
       seed_templates (self, error) &&
       _pdw_store_commit (self, error);
  if (!ok)
    _pdw_store_rollback (self);
  g_rec_mutex_unlock (&self->mutex);

  return ok;
}

/* ---- Catalog ---------------------------------------------------------------- */

static PdwCatalogEntry *
catalog_entry_from_row (PdwStmt *stmt)
{
  PdwCatalogKind kind = PDW_CATALOG_COMPLAINT_TYPE;

  pdw_catalog_kind_from_string (_pdw_stmt_column_text (stmt, 1), &kind);

  return g_object_new (PDW_TYPE_CATALOG_ENTRY,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "kind", (int) kind,
                       "code", _pdw_stmt_column_text (stmt, 2),
                       "label", _pdw_stmt_column_text (stmt, 3),
                       "position", sqlite3_column_int (stmt, 4),
                       "active", sqlite3_column_int (stmt, 5) != 0,
                       "builtin", sqlite3_column_int (stmt, 6) != 0,
                       NULL);
}

GPtrArray *
pdw_store_list_catalog (PdwStore        *self,
                        PdwCatalogKind   kind,
                        gboolean         include_inactive,
                        GError         **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);

  return _pdw_store_query_list (self,
                                "SELECT id, kind, code, label, position, active, builtin"
                                "  FROM catalog_entries"
                                " WHERE kind = ?1 AND (active = 1 OR ?2)"
                                " ORDER BY position, id",
                                PDW_SQL_ARGS (PDW_SQL_TEXT (pdw_catalog_kind_to_string (kind)),
                                PDW_SQL_INT (include_inactive)),
                                (PdwStoreRowBuilder) catalog_entry_from_row, error);
}

static gboolean
catalog_code_exists (PdwStore        *self,
                     PdwCatalogKind   kind,
                     const char      *code,
                     gboolean        *exists,
                     GError         **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  stmt = _pdw_store_prepare (self, "SELECT 1 FROM catalog_entries WHERE kind = ?1 AND code = ?2", error);
  if (stmt == NULL)
    return FALSE;

  _pdw_stmt_bind_text (stmt, 1, pdw_catalog_kind_to_string (kind));
  _pdw_stmt_bind_text (stmt, 2, code);
  return _pdw_store_step_row (self, stmt, exists, error);
}

/* "bank" taken: "bank_2", "bank_3", ... */
static char *
unique_catalog_code (PdwStore        *self,
                     PdwCatalogKind   kind,
                     const char      *label,
                     GError         **error)
{
  g_autofree char *base = pdw_catalog_code_from_label (label);
  g_autofree char *code = g_strdup (base);

  for (guint n = 2;; n++)
    {
      gboolean exists = FALSE;

      if (!catalog_code_exists (self, kind, code, &exists, error))
        return NULL;
      if (!exists)
        return g_steal_pointer (&code);

      g_free (code);
      code = g_strdup_printf ("%s_%u", base, n);
    }
}

static char *
save_catalog_entry_locked (PdwStore        *self,
                           PdwCatalogKind   kind,
                           const char      *code,
                           const char      *label,
                           gboolean         active,
                           GError         **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  g_autofree char *new_code = NULL;
  g_autofree char *clean_label = _pdw_store_is_blank (label) ? NULL : g_strstrip (g_strdup (label));

  if (code == NULL)
    {
      if (clean_label == NULL)
        {
          g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                       _("A new entry needs a name."));
          return NULL;
        }

      if (!(new_code = unique_catalog_code (self, kind, clean_label, error)))
        return NULL;

      stmt = _pdw_store_prepare (self,
                                 "INSERT INTO catalog_entries (kind, code, label, position, active)"
                                 " VALUES (?1, ?2, ?3, (SELECT COALESCE (max(position), -1) + 1"
                                 "                       FROM catalog_entries WHERE kind = ?1), ?4)",
                                 error);
      if (stmt == NULL)
        return NULL;
      _pdw_stmt_bind_text (stmt, 2, new_code);
    }
  else
    {
      gboolean exists = FALSE;

      if (!catalog_code_exists (self, kind, code, &exists, error))
        return NULL;
      if (!exists)
        {
          g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND,
                       _("There is no list entry “%s”."), code);
          return NULL;
        }

      /* An empty label is only allowed on a shipped entry: it brings back
       * the shipped label. */
      stmt = _pdw_store_prepare (self,
                                 "UPDATE catalog_entries SET label = ?3, active = ?4"
                                 " WHERE kind = ?1 AND code = ?2 AND (?3 IS NOT NULL OR builtin = 1)",
                                 error);
      if (stmt == NULL)
        return NULL;
      new_code = g_strdup (code);
      _pdw_stmt_bind_text (stmt, 2, code);
    }

  _pdw_stmt_bind_text (stmt, 1, pdw_catalog_kind_to_string (kind));
  _pdw_stmt_bind_text (stmt, 3, clean_label);
  sqlite3_bind_int (stmt, 4, active);
  if (!_pdw_store_step_done (self, stmt, error))
    return NULL;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("An entry added by the office needs a name."));
      return NULL;
    }

  return g_steal_pointer (&new_code);
}

char *
pdw_store_save_catalog_entry (PdwStore        *self,
                              PdwCatalogKind   kind,
                              const char      *code,
                              const char      *label,
                              gboolean         active,
                              GError         **error)
{
  char *ret;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);

  g_rec_mutex_lock (&self->mutex);
  if (!_pdw_store_begin (self, error))
    ret = NULL;
  else if ((ret = save_catalog_entry_locked (self, kind, code, label, active, error)) == NULL ||
           !_pdw_store_commit (self, error))
    {
      g_clear_pointer (&ret, g_free);
      _pdw_store_rollback (self);
    }
  g_rec_mutex_unlock (&self->mutex);

  if (ret != NULL)
    _pdw_store_emit_settings_changed (self, pdw_catalog_kind_to_string (kind));

  return ret;
}

char *
pdw_store_dup_catalog_label (PdwStore        *self,
                             PdwCatalogKind   kind,
                             const char      *code)
{
  g_auto(PdwSqlValue) value = { 0 };
  g_autoptr(GError) error = NULL;
  char *ret;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);

  if (code == NULL)
    return g_strdup ("");

  if (!_pdw_store_query_value (self,
                               "SELECT label FROM catalog_entries WHERE kind = ?1 AND code = ?2 AND label IS NOT NULL",
                               PDW_SQL_ARGS (PDW_SQL_TEXT (pdw_catalog_kind_to_string (kind)),
                               PDW_SQL_TEXT (code)),
                               &value, &error))
    g_warning ("Cannot read the label of “%s”: %s", code, error->message);

  ret = g_steal_pointer (&value.text);

  if (ret == NULL)
    {
      const char *shipped = pdw_catalog_get_default_label (kind, code);

      ret = g_strdup (shipped != NULL ? shipped : code);
    }

  return ret;
}

/* ---- Officers --------------------------------------------------------------- */

static PdwOfficer *
officer_from_row (PdwStmt *stmt)
{
  PdwOfficerRole role = PDW_OFFICER_ROLE_FO;

  pdw_officer_role_from_string (_pdw_stmt_column_text (stmt, 4), &role);

  return g_object_new (PDW_TYPE_OFFICER,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "name", _pdw_stmt_column_text (stmt, 1),
                       "nip", _pdw_stmt_column_text (stmt, 2),
                       "initials", _pdw_stmt_column_text (stmt, 3),
                       "role", (int) role,
                       "active", sqlite3_column_int (stmt, 5) != 0,
                       NULL);
}

GPtrArray *
pdw_store_list_officers (PdwStore  *self,
                         gboolean   include_inactive,
                         GError   **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);

  return _pdw_store_query_list (self,
                                "SELECT id, name, nip, initials, role, active FROM officers"
                                " WHERE active = 1 OR ?1 ORDER BY name COLLATE NOCASE, id",
                                PDW_SQL_ARGS (PDW_SQL_INT (include_inactive)),
                                (PdwStoreRowBuilder) officer_from_row, error);
}

/* A NIP (Nomor Induk Pegawai) is 18 digits: birth date, appointment month,
 * sex, serial. */
static gboolean
nip_is_valid (const char *nip)
{
  guint n = 0;

  for (; nip[n] != '\0'; n++)
    if (!g_ascii_isdigit (nip[n]))
      return FALSE;

  return n == 18;
}

static gboolean
check_officer_fields (const char  *name,
                      const char  *nip,
                      GError     **error)
{
  if (_pdw_store_is_blank (name))
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("An officer needs a name."));
      return FALSE;
    }

  if (nip != NULL && !nip_is_valid (nip))
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("A NIP has 18 digits; “%s” does not."), nip);
      return FALSE;
    }

  return TRUE;
}

static gint64
save_officer_locked (PdwStore        *self,
                     gint64           id,
                     const char      *name,
                     const char      *nip,
                     const char      *initials,
                     PdwOfficerRole   role,
                     gboolean         active,
                     GError         **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (id == 0)
    stmt = _pdw_store_prepare (self,
                               "INSERT INTO officers (name, nip, initials, role, active, created_at, updated_at)"
                               " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                               error);
  else
    stmt = _pdw_store_prepare (self,
                               "UPDATE officers SET name = ?2, nip = ?3, initials = ?4, role = ?5,"
                               "       active = ?6, updated_at = ?7"
                               " WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, id);
  _pdw_stmt_bind_text (stmt, 2, name);
  _pdw_stmt_bind_text (stmt, 3, nip);
  _pdw_stmt_bind_text (stmt, 4, initials);
  _pdw_stmt_bind_text (stmt, 5, pdw_officer_role_to_string (role));
  sqlite3_bind_int (stmt, 6, active);
  sqlite3_bind_int64 (stmt, 7, _pdw_store_now (self));

  if (!_pdw_store_step_done (self, stmt, error))
    return 0;

  if (id != 0 && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND,
                   _("There is no officer with id %lld."), (long long) id);
      return 0;
    }

  return id != 0 ? id : sqlite3_last_insert_rowid (self->db);
}

gint64
pdw_store_save_officer (PdwStore        *self,
                        gint64           id,
                        const char      *name,
                        const char      *nip,
                        const char      *initials,
                        PdwOfficerRole   role,
                        gboolean         active,
                        GError         **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_nip = NULL;
  g_autofree char *clean_initials = NULL;
  gint64 ret = 0;

  g_return_val_if_fail (PDW_IS_STORE (self), 0);
  g_return_val_if_fail ((guint) role < PDW_OFFICER_N_ROLES, 0);

  clean_name = _pdw_store_is_blank (name) ? NULL : g_strstrip (g_strdup (name));
  clean_nip = _pdw_store_is_blank (nip) ? NULL : g_strstrip (g_strdup (nip));
  clean_initials = _pdw_store_is_blank (initials) ? NULL : g_utf8_strup (g_strstrip (g_strdup (initials)), -1);
  if (!check_officer_fields (clean_name, clean_nip, error))
    return 0;

  g_rec_mutex_lock (&self->mutex);
  if (_pdw_store_begin (self, error))
    {
      GError *local_error = NULL;

      ret = save_officer_locked (self, id, clean_name, clean_nip, clean_initials, role, active, &local_error);
      if (ret == 0 || !_pdw_store_commit (self, &local_error))
        {
          ret = 0;
          _pdw_store_rollback (self);
          /* The only constraint a valid officer can break is the NIP's. */
          if (g_error_matches (local_error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID))
            {
              g_clear_error (&local_error);
              g_set_error (&local_error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("Another officer already has the NIP %s."), clean_nip);
            }
          g_propagate_error (error, local_error);
        }
    }
  g_rec_mutex_unlock (&self->mutex);

  if (ret != 0)
    _pdw_store_emit_settings_changed (self, "officers");

  return ret;
}

char *
pdw_store_dup_actor_initials (PdwStore    *self,
                              const char  *name,
                              const char  *nip)
{
  g_auto(PdwSqlValue) value = { 0 };
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);

  /* The NIP identifies an officer; the name is the fallback for an entry
   * without one. */
  if (!_pdw_store_query_value (self,
                               "SELECT initials FROM officers"
                               " WHERE initials IS NOT NULL AND initials <> ''"
                               "   AND ((?1 IS NOT NULL AND nip = ?1) OR (nip IS NULL AND name = ?2))"
                               " ORDER BY nip IS NULL LIMIT 1",
                               PDW_SQL_ARGS (PDW_SQL_TEXT (_pdw_store_is_blank (nip) ? NULL : nip),
                               PDW_SQL_TEXT (name)),
                               &value, &error))
    g_warning ("Cannot read an officer's initials: %s", error->message);

  return value.text != NULL ? g_steal_pointer (&value.text) : pdw_officer_initials_from_name (name);
}

/* ---- Reply templates --------------------------------------------------------- */

static PdwReplyTemplate *
reply_template_from_row (PdwStmt *stmt)
{
  return g_object_new (PDW_TYPE_REPLY_TEMPLATE,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "name", _pdw_stmt_column_text (stmt, 1),
                       "title", _pdw_stmt_column_text (stmt, 2),
                       "body", _pdw_stmt_column_text (stmt, 3),
                       "builtin", sqlite3_column_int (stmt, 4) != 0,
                       "updated-at", (gint64) sqlite3_column_int64 (stmt, 5),
                       NULL);
}

#define REPLY_TEMPLATE_SELECT \
  "SELECT id, name, title, body, builtin, updated_at FROM reply_templates"

static int
compare_template_titles (gconstpointer a,
                         gconstpointer b)
{
  PdwReplyTemplate *ta = *(PdwReplyTemplate **) a;
  PdwReplyTemplate *tb = *(PdwReplyTemplate **) b;

  return g_utf8_collate (pdw_reply_template_get_title (ta), pdw_reply_template_get_title (tb));
}

GPtrArray *
pdw_store_list_reply_templates (PdwStore  *self,
                                GError   **error)
{
  GPtrArray *ret;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);

  ret = _pdw_store_query_list (self, REPLY_TEMPLATE_SELECT, PDW_SQL_NO_ARGS,
                               (PdwStoreRowBuilder) reply_template_from_row, error);

  /* Sorted here: shipped titles are translated, SQL cannot order them. */
  if (ret != NULL)
    g_ptr_array_sort (ret, compare_template_titles);

  return ret;
}

PdwReplyTemplate *
pdw_store_dup_reply_template (PdwStore    *self,
                              const char  *name,
                              GError     **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return _pdw_store_query_by_key (self, REPLY_TEMPLATE_SELECT " WHERE name = ?1", name,
                                  (PdwStoreRowBuilder) reply_template_from_row, error,
                                  _("There is no reply template “%s”."), name);
}

static gboolean
template_name_exists (PdwStore    *self,
                      const char  *name,
                      gboolean    *exists,
                      gboolean    *builtin,
                      GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  stmt = _pdw_store_prepare (self, "SELECT builtin FROM reply_templates WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;

  _pdw_stmt_bind_text (stmt, 1, name);
  if (!_pdw_store_step_row (self, stmt, exists, error))
    return FALSE;

  if (builtin != NULL)
    *builtin = *exists && sqlite3_column_int (stmt, 0) != 0;

  return TRUE;
}

static char *
unique_template_name (PdwStore    *self,
                      const char  *title,
                      GError     **error)
{
  g_autofree char *base = pdw_catalog_code_from_label (title);
  g_autofree char *name = g_strdup (base);

  for (guint n = 2;; n++)
    {
      gboolean exists = FALSE;

      if (!template_name_exists (self, name, &exists, NULL, error))
        return NULL;
      if (!exists)
        return g_steal_pointer (&name);

      g_free (name);
      name = g_strdup_printf ("%s_%u", base, n);
    }
}

static char *
save_template_locked (PdwStore    *self,
                      const char  *name,
                      const char  *title,
                      const char  *body,
                      GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  g_autofree char *new_name = NULL;

  if (name == NULL)
    {
      if (!(new_name = unique_template_name (self, title, error)))
        return NULL;
      stmt = _pdw_store_prepare (self,
                                 "INSERT INTO reply_templates (name, title, body, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4)",
                                 error);
    }
  else
    {
      gboolean exists = FALSE;

      if (!template_name_exists (self, name, &exists, NULL, error))
        return NULL;
      if (!exists)
        {
          g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND,
                       _("There is no reply template “%s”."), name);
          return NULL;
        }
      new_name = g_strdup (name);
      stmt = _pdw_store_prepare (self,
                                 "UPDATE reply_templates SET title = ?2, body = ?3, updated_at = ?4"
                                 " WHERE name = ?1",
                                 error);
    }
  if (stmt == NULL)
    return NULL;

  _pdw_stmt_bind_text (stmt, 1, new_name);
  _pdw_stmt_bind_text (stmt, 2, title);
  _pdw_stmt_bind_text (stmt, 3, body);
  sqlite3_bind_int64 (stmt, 4, _pdw_store_now (self));

  return _pdw_store_step_done (self, stmt, error) ? g_steal_pointer (&new_name) : NULL;
}

/* Runs one write under the lock in a transaction, and announces it. */
typedef char *(*TemplateWrite) (PdwStore *self, const char *name, const char *title,
                                const char *body, GError **error);

static char *
run_template_write (PdwStore      *self,
                    TemplateWrite  write,
                    const char    *name,
                    const char    *title,
                    const char    *body,
                    GError       **error)
{
  char *ret = NULL;

  g_rec_mutex_lock (&self->mutex);
  if (_pdw_store_begin (self, error))
    {
      ret = write (self, name, title, body, error);
      if (ret == NULL || !_pdw_store_commit (self, error))
        {
          g_clear_pointer (&ret, g_free);
          _pdw_store_rollback (self);
        }
    }
  g_rec_mutex_unlock (&self->mutex);

  if (ret != NULL)
    _pdw_store_emit_settings_changed (self, "templates");

  return ret;
}

char *
pdw_store_save_reply_template (PdwStore    *self,
                               const char  *name,
                               const char  *title,
                               const char  *body,
                               GError     **error)
{
  g_autofree char *clean_title = NULL;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);

  if (_pdw_store_is_blank (title) || _pdw_store_is_blank (body))
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("A reply template needs a title and a text."));
      return NULL;
    }

  clean_title = g_strstrip (g_strdup (title));
  return run_template_write (self, save_template_locked, name, clean_title, body, error);
}

static char *
delete_or_reset_locked (PdwStore    *self,
                        const char  *name,
                        const char  *mode,
                        const char  *unused,
                        GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean exists = FALSE;
  gboolean builtin = FALSE;
  gboolean reset = g_str_equal (mode, "reset");

  (void) unused;

  if (!template_name_exists (self, name, &exists, &builtin, error))
    return NULL;

  if (!exists)
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND,
                   _("There is no reply template “%s”."), name);
      return NULL;
    }

  if (reset != builtin)
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   reset ? _("Only a template shipped with PANDAWA can be reset.")
                         : _("A template shipped with PANDAWA cannot be deleted; reset it instead."));
      return NULL;
    }

  stmt = _pdw_store_prepare (self,
                             reset ? "UPDATE reply_templates SET title = NULL, body = NULL, updated_at = ?2"
                             " WHERE name = ?1"
                             : "DELETE FROM reply_templates WHERE name = ?1 AND ?2 IS NOT NULL",
                             error);
  if (stmt == NULL)
    return NULL;

  _pdw_stmt_bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, _pdw_store_now (self));
  return _pdw_store_step_done (self, stmt, error) ? g_strdup (name) : NULL;
}

gboolean
pdw_store_delete_reply_template (PdwStore    *self,
                                 const char  *name,
                                 GError     **error)
{
  g_autofree char *done = NULL;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  done = run_template_write (self, delete_or_reset_locked, name, "delete", NULL, error);
  return done != NULL;
}

gboolean
pdw_store_reset_reply_template (PdwStore    *self,
                                const char  *name,
                                GError     **error)
{
  g_autofree char *done = NULL;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  done = run_template_write (self, delete_or_reset_locked, name, "reset", NULL, error);
  return done != NULL;
}

/* ---- Service calendar and SLA --------------------------------------------- */

void
pdw_store_set_sla (PdwStore           *self,
                   PdwServiceCalendar *calendar,
                   const PdwSlaPolicy *policy)
{
  g_return_if_fail (PDW_IS_STORE (self));
  g_return_if_fail (calendar == NULL || PDW_IS_SERVICE_CALENDAR (calendar));

  g_rec_mutex_lock (&self->mutex);
  g_mutex_lock (&self->follow_lock);
  g_set_object (&self->calendar, calendar);
  if (policy != NULL)
    self->sla_policy = *policy;
  g_mutex_unlock (&self->follow_lock);
  g_rec_mutex_unlock (&self->mutex);
}

PdwServiceCalendar *
_pdw_store_dup_sla (PdwStore     *self,
                    PdwSlaPolicy *policy)
{
  PdwStore *leader = self->primary != NULL ? self->primary : self;
  PdwServiceCalendar *calendar;

  g_mutex_lock (&leader->follow_lock);
  if (leader->calendar == NULL)
    {
      leader->calendar = pdw_service_calendar_new ();
      pdw_service_calendar_load_default_holidays (leader->calendar);
    }
  calendar = g_object_ref (leader->calendar);
  *policy = leader->sla_policy;
  g_mutex_unlock (&leader->follow_lock);

  return calendar;
}

