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
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pdw-store-migrations.h"
#include "pdw-store-private.h"

#define BUSY_TIMEOUT_MS 5000
/* How often (in SQLite virtual machine steps, well under a millisecond)
 * a statement of the open looks at the cancellable. */
#define CANCEL_CHECK_STEPS 10000

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

gboolean
pdw_store_check_integrity (PdwStore  *self,
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

/* quick_check reads every page: seconds on a year of history.  It runs
 * only when the marker beside the database says the last session did not
 * close it (a crash, a power cut); a damaged header or schema is refused
 * by SQLite at the first statement anyway. */
static gboolean
check_after_unclean_shutdown (PdwStore  *self,
                              GError   **error)
{
  g_autofree char *marker = g_strconcat (self->path, PDW_STORE_OPEN_MARKER_SUFFIX, NULL);
  int fd;

  if (g_file_test (marker, G_FILE_TEST_EXISTS) && !pdw_store_check_integrity (self, error))
    return FALSE;

  fd = g_open (marker, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"),
                   self->path, g_strerror (saved_errno));
      return FALSE;
    }

  self->open_marker = g_steal_pointer (&marker);
  return g_close (fd, error);
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

static void
set_too_new_error (PdwStore  *self,
                   int        version,
                   GError   **error)
{
  g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_TOO_NEW,
               _("The database “%s” was written by a newer version of PANDAWA "
                 "(schema %d; this version knows up to %d). Update PANDAWA to open it."),
               self->path, version, pdw_store_migrations_get_latest ());
}

/* A database with tables but no schema version belongs to some other
 * program: adding our tables to it would only make things worse.  Read on
 * a read-only connection, before anything could change the file (its
 * mode, its journal mode, a marker): a refused file is left exactly as it
 * was. */
static gboolean
check_file_is_ours (PdwStore    *self,
                    const char  *path,
                    GError     **error)
{
  static const char sqlite_magic[16] = "SQLite format 3";
  g_autofree char *count = NULL;
  char header[16];
  gssize n;
  int version = 0;
  int fd;
  int rc;
  gboolean ok;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return TRUE;  /* a new file, or one create_private_file() reports on */
  n = read (fd, header, sizeof header);
  g_close (fd, NULL);

  /* An empty file is a new database. */
  if (n == 0)
    return TRUE;
  if (n != sizeof header || memcmp (header, sqlite_magic, sizeof header) != 0)
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_CORRUPT,
                   _("The file “%s” is not a database. It was left untouched."), path);
      return FALSE;
    }

  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _pdw_store_set_error_from_code (self, error, rc);
      ok = FALSE;
    }
  else
    ok = read_user_version (self, &version, error) &&
         run_pragma (self, "SELECT count(*) FROM sqlite_master", &count, error);

  if (ok && version > pdw_store_migrations_get_latest ())
    {
      set_too_new_error (self, version, error);
      ok = FALSE;
    }
  else if (ok && version == 0 && count != NULL && atoi (count) > 0)
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_OPEN,
                   _("The file “%s” is a database of another program, not of PANDAWA. "
                     "It was left untouched."),
                   path);
      ok = FALSE;
    }

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  return ok;
}

/* ~5 % of a year's messages: the progress moves every second or so. */
#define FILL_CHUNK_ROWS 20000

typedef struct
{
  PdwStoreProgressFunc  func;
  gpointer              user_data;
  GCancellable         *cancellable;
  gint64                done;
  gint64                total;
} Progress;

static void
set_cancelled_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       _("Updating the database was cancelled; it will resume at the next start."));
}

static gboolean
report_progress (Progress  *progress,
                 GError   **error)
{
  if (progress->func != NULL && progress->total > 0 &&
      !progress->func ((double) MIN (progress->done, progress->total) / (double) progress->total,
                       progress->user_data))
    {
      set_cancelled_error (error);
      return FALSE;
    }

  if (g_cancellable_is_cancelled (progress->cancellable))
    {
      set_cancelled_error (error);
      return FALSE;
    }

  return TRUE;
}

/* SQLite's progress handler: a non-zero return interrupts the running
 * statement (SQLITE_INTERRUPT), which rolls its transaction back.  The
 * index builds of a migration have no step of their own to stop at. */
static int
interrupt_if_cancelled (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

static gboolean
query_max_id (PdwStore    *self,
              const char  *table,
              gint64      *max_id,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COALESCE (max (id), 0) FROM %s", table);
  g_autofree char *value = NULL;

  if (!run_pragma (self, sql, &value, error))
    return FALSE;

  *max_id = value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
  return TRUE;
}

static gboolean
run_fill (PdwStore                *self,
          const PdwMigrationFill  *fill,
          gint64                   max_id,
          Progress                *progress,
          GError                 **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = _pdw_store_prepare (self, fill->sql, error)))
    return FALSE;

  for (gint64 from = 0; from < max_id; from += FILL_CHUNK_ROWS)
    {
      gint64 to = MIN (from + FILL_CHUNK_ROWS, max_id);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
      if (!_pdw_store_step_done (self, stmt, error))
        return FALSE;

      progress->done += to - from;
      if (!report_progress (progress, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
run_fills (PdwStore        *self,
           int              version,
           const Progress  *template,
           GError         **error)
{
  Progress progress = *template;
  const PdwMigrationFill *fills;
  g_autofree gint64 *max_ids = NULL;
  guint n_fills;

  fills = pdw_store_migrations_get_fills (version, &n_fills);
  if (n_fills == 0)
    return TRUE;

  max_ids = g_new0 (gint64, n_fills);
  for (guint i = 0; i < n_fills; i++)
    {
      if (!query_max_id (self, fills[i].table, &max_ids[i], error))
        return FALSE;
      progress.total += max_ids[i];
    }

  for (guint i = 0; i < n_fills; i++)
    if (!run_fill (self, &fills[i], max_ids[i], &progress, error))
      return FALSE;

  return TRUE;
}

/* The migration's own SQL (its indexes) takes seconds on a year too: a
 * progress window appears before it starts. */
static gboolean
report_migration_start (int              version,
                        const Progress  *progress,
                        GError         **error)
{
  Progress start = *progress;
  guint n_fills;

  pdw_store_migrations_get_fills (version, &n_fills);
  if (n_fills == 0)
    return TRUE;

  /* The cancellable stops the migration's statements themselves
   * (interrupt_if_cancelled()). */
  start.total = 1;
  start.cancellable = NULL;
  return report_progress (&start, error);
}

/* The rollback itself must not be interrupted. */
static void
rollback_migration (PdwStore *self)
{
  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  _pdw_store_rollback (self);
}

static gboolean
apply_migrations (PdwStore        *self,
                  const Progress  *progress,
                  GError         **error)
{
  int latest = pdw_store_migrations_get_latest ();
  int version;

  if (!read_user_version (self, &version, error))
    return FALSE;

  /* Also checked before the file was touched (check_file_is_ours()); here
   * for a file changed since by another process. */
  if (version > latest)
    {
      set_too_new_error (self, version, error);
      return FALSE;
    }

  for (int next = version + 1; next <= latest; next++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", next);
      char *message = NULL;
      int rc;

      if (!report_migration_start (next, progress, error) ||
          !_pdw_store_begin (self, error))
        return FALSE;

      rc = sqlite3_exec (self->db, pdw_store_migrations_get (next), NULL, NULL, &message);
      sqlite3_free (message);
      if (rc != SQLITE_OK)
        {
          _pdw_store_set_error_from_code (self, error, rc);
          rollback_migration (self);
          return FALSE;
        }

      /* The version moves with the copied rows, in one transaction: an
       * interrupted migration leaves the previous version, and the next
       * open starts it again. */
      if (!run_fills (self, next, progress, error))
        {
          rollback_migration (self);
          return FALSE;
        }

      rc = sqlite3_exec (self->db, set_version, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          _pdw_store_set_error_from_code (self, error, rc);
          rollback_migration (self);
          return FALSE;
        }

      if (!_pdw_store_commit (self, error))
        {
          rollback_migration (self);
          return FALSE;
        }
    }

  self->schema_version = latest;
  return TRUE;
}

/* The file exists: the connection, without its pragmas. */
static gboolean
open_connection (PdwStore    *self,
                 const char  *path,
                 GError     **error)
{
  int rc;

  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _pdw_store_set_error_from_code (self, error, rc);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  return TRUE;
}

static gboolean
open_database (PdwStore        *self,
               const char      *path,
               const Progress  *progress,
               GError         **error)
{
  if (!check_file_is_ours (self, path, error) ||
      !create_private_file (path, error) ||
      !open_connection (self, path, error))
    return FALSE;

  if (progress->cancellable != NULL)
    sqlite3_progress_handler (self->db, CANCEL_CHECK_STEPS, interrupt_if_cancelled, progress->cancellable);

  /* Checked before anything could write: a damaged file is never touched. */
  if (!check_after_unclean_shutdown (self, error) ||
      !configure_connection (self, error) ||
      !apply_migrations (self, progress, error) ||
      !_pdw_store_seed_settings (self, error))
    return FALSE;

  restrict_side_files (self);
  return TRUE;
}

/* ---- Entry points --------------------------------------------------------- */

PdwStore *
pdw_store_open_with_progress (const char            *path,
                              PdwStoreProgressFunc   progress_func,
                              gpointer               user_data,
                              GCancellable          *cancellable,
                              GError               **error)
{
  g_autoptr(PdwStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  Progress progress = { progress_func, user_data, cancellable, 0, 0 };
  gboolean opened;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PDW_TYPE_STORE, NULL);
  opened = open_database (self, path, &progress, &local_error);
  /* The store outlives the cancellable: no more checks once open. */
  if (self->db != NULL)
    sqlite3_progress_handler (self->db, 0, NULL, NULL);

  if (!opened)
    {
      /* An interrupted statement fails with SQLITE_INTERRUPT: the caller
       * sees the cancellation it asked for. */
      if (g_cancellable_is_cancelled (cancellable))
        set_cancelled_error (error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&self);
}

PdwStore *
pdw_store_open (const char  *path,
                GError     **error)
{
  return pdw_store_open_with_progress (path, NULL, NULL, NULL, error);
}

/* Only the connection: the primary has migrated and seeded the file, and
 * owns the marker of a clean shutdown. */
PdwStore *
pdw_store_open_companion (PdwStore  *primary,
                          GError   **error)
{
  g_autoptr(PdwStore) self = NULL;
  const char *file;

  g_return_val_if_fail (PDW_IS_STORE (primary), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (primary->primary != NULL)
    primary = primary->primary;

  /* "" for ":memory:" and temporary databases: a second connection would
   * open another, empty database. */
  file = sqlite3_db_filename (primary->db, "main");
  if (file == NULL || *file == '\0')
    return g_object_ref (primary);

  self = g_object_new (PDW_TYPE_STORE, NULL);
  self->primary = g_object_ref (primary);
  self->schema_version = primary->schema_version;
  if (!open_connection (self, file, error) ||
      !configure_connection (self, error))
    return NULL;

  return g_steal_pointer (&self);
}
