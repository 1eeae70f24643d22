/* pdw-store-open.c: opening a database: the file's permissions, the
 * integrity check, the connection's pragmas, the migrations, then the
 * shipped settings (pdw-store-settings.c).  The only file that calls both
 * the connection helpers and the settings, so that pdw-store.c calls none.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pdw-store-migrations.h"
#include "pdw-store-private.h"

#define BUSY_TIMEOUT_MS 5000

/* ---- Opening -------------------------------------------------------------- */

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s” for the database: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Created here with 0600 so the file is never readable by others, not
   * even for a moment, whatever the umask; an existing file is tightened. */
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 || fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        g_close (fd, NULL);
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  return g_close (fd, error);
}

static void
restrict_side_files (PdwStore *self)
{
  static const char * const suffixes[] = { "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (self->path, suffixes[i], NULL);

      if (g_chmod (side, 0600) != 0 && errno != ENOENT)
        g_warning ("Cannot restrict the permissions of %s: %s", side, g_strerror (errno));
    }
}

static gboolean
check_integrity (PdwStore  *self,
                 GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *result;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      _pdw_store_set_error_from_code (self, error, rc);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_CORRUPT,
                   _("The database “%s” failed its integrity check (%s). "
                     "It was left untouched; restore it from a backup."),
                   self->path, result ? result : "?");
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

/* Runs a PRAGMA (which cannot take bound parameters) and returns its first
 * column as a string, or NULL for none. */
static gboolean
run_pragma (PdwStore    *self,
            const char  *pragma,
            char       **result,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, pragma, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && result != NULL)
        *result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }

  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _pdw_store_set_error_from_code (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
configure_connection (PdwStore  *self,
                      GError   **error)
{
  g_autofree char *journal_mode = NULL;

  if (!run_pragma (self, "PRAGMA journal_mode = WAL", &journal_mode, error) ||
      !run_pragma (self, "PRAGMA foreign_keys = ON", NULL, error) ||
      !run_pragma (self, "PRAGMA synchronous = FULL", NULL, error))
    return FALSE;

  if (g_ascii_strcasecmp (journal_mode ? journal_mode : "", "wal") != 0)
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_OPEN,
                   _("The database “%s” cannot use write-ahead logging (journal mode is “%s”)."),
                   self->path, journal_mode ? journal_mode : "");
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_user_version (PdwStore  *self,
                   int       *version,
                   GError   **error)
{
  g_autofree char *value = NULL;

  if (!run_pragma (self, "PRAGMA user_version", &value, error))
    return FALSE;

  *version = value ? atoi (value) : 0;
  return TRUE;
}

/* A database with tables but no schema version belongs to some other
 * program: adding our tables to it would only make things worse. */
static gboolean
check_foreign_database (PdwStore  *self,
                        GError   **error)
{
  g_autofree char *count = NULL;

  if (!run_pragma (self, "SELECT count(*) FROM sqlite_master", &count, error))
    return FALSE;

  if (count != NULL && atoi (count) > 0)
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_OPEN,
                   _("The file “%s” is a database of another program, not of PANDAWA. "
                     "It was left untouched."),
                   self->path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
apply_migrations (PdwStore  *self,
                  GError   **error)
{
  int latest = pdw_store_migrations_get_latest ();
  int version;

  if (!read_user_version (self, &version, error))
    return FALSE;

  if (version > latest)
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of PANDAWA "
                     "(schema %d; this version knows up to %d). Update PANDAWA to open it."),
                   self->path, version, latest);
      return FALSE;
    }

  if (version == 0 && !check_foreign_database (self, error))
    return FALSE;

  for (int next = version + 1; next <= latest; next++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", next);
      char *message = NULL;
      int rc;

      if (!_pdw_store_begin (self, error))
        return FALSE;

      rc = sqlite3_exec (self->db, pdw_store_migrations_get (next), NULL, NULL, &message);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, set_version, NULL, NULL, &message);
      sqlite3_free (message);

      if (rc != SQLITE_OK)
        {
          _pdw_store_set_error_from_code (self, error, rc);
          _pdw_store_rollback (self);
          return FALSE;
        }

      if (!_pdw_store_commit (self, error))
        {
          _pdw_store_rollback (self);
          return FALSE;
        }
    }

  self->schema_version = latest;
  return TRUE;
}

static gboolean
open_database (PdwStore    *self,
               const char  *path,
               GError     **error)
{
  int rc;

  self->path = g_strdup (path);

  if (!create_private_file (path, error))
    return FALSE;

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _pdw_store_set_error_from_code (self, error, rc);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Checked before anything could write: a damaged file is never touched. */
  if (!check_integrity (self, error) ||
      !configure_connection (self, error) ||
      !apply_migrations (self, error) ||
      !_pdw_store_seed_settings (self, error))
    return FALSE;

  restrict_side_files (self);
  return TRUE;
}

/* ---- Entry point ---------------------------------------------------------- */

PdwStore *
pdw_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(PdwStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PDW_TYPE_STORE, NULL);
  if (!open_database (self, path, error))
    return NULL;

  return g_steal_pointer (&self);
}
