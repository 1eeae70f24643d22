/* pdw-store.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pdw-store.h"
#include "core/pdw-identity.h"
#include "core/pdw-service-calendar.h"
#include "pdw-store-migrations.h"
#include "pdw-store-private.h"

#define BUSY_TIMEOUT_MS 5000

G_DEFINE_FINAL_TYPE (PdwStore, pdw_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (pdw-store-error-quark, pdw_store_error)

enum {
  CONVERSATION_CHANGED,
  MESSAGE_CHANGED,
  COMPLAINT_CHANGED,
  SETTINGS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
pdw_stmt_release (PdwStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}



void
pdw_store_changes_init (PdwStoreChanges *changes)
{
  changes->conversations = g_array_new (FALSE, FALSE, sizeof (gint64));
  changes->messages = g_array_new (FALSE, FALSE, sizeof (gint64));
  changes->complaints = g_array_new (FALSE, FALSE, sizeof (gint64));
}

void
pdw_store_changes_clear (PdwStoreChanges *changes)
{
  g_clear_pointer (&changes->conversations, g_array_unref);
  g_clear_pointer (&changes->messages, g_array_unref);
  g_clear_pointer (&changes->complaints, g_array_unref);
}


void
pdw_store_add_unique_id (GArray *array,
               gint64  id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == id)
      return;

  g_array_append_val (array, id);
}

void
pdw_store_changes_add_message (PdwStoreChanges *changes,
                           gint64        conversation_id,
                           gint64        message_id)
{
  for (guint i = 0; i + 1 < changes->messages->len; i += 2)
    if (g_array_index (changes->messages, gint64, i + 1) == message_id)
      return;

  g_array_append_val (changes->messages, conversation_id);
  g_array_append_val (changes->messages, message_id);
  pdw_store_add_unique_id (changes->conversations, conversation_id);
}

/* What a batch changed: a bulk writer touches hundreds of thousands of
 * rows, so ids are deduplicated with hash sets, and kept in order. */
typedef struct _PdwStoreBatchChanges
{
  GArray     *conversations;  /* gint64 */
  GArray     *messages;       /* pairs: conversation id, message id */
  GArray     *complaints;     /* gint64 */
  GHashTable *seen_conversations;
  GHashTable *seen_messages;
  GHashTable *seen_complaints;
} PdwStoreBatchChanges;

static PdwStoreBatchChanges *
batch_changes_new (void)
{
  PdwStoreBatchChanges *changes = g_new0 (PdwStoreBatchChanges, 1);

  changes->conversations = g_array_new (FALSE, FALSE, sizeof (gint64));
  changes->messages = g_array_new (FALSE, FALSE, sizeof (gint64));
  changes->complaints = g_array_new (FALSE, FALSE, sizeof (gint64));
  changes->seen_conversations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  changes->seen_messages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  changes->seen_complaints = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return changes;
}

static void
batch_changes_free (PdwStoreBatchChanges *changes)
{
  g_array_unref (changes->conversations);
  g_array_unref (changes->messages);
  g_array_unref (changes->complaints);
  g_hash_table_unref (changes->seen_conversations);
  g_hash_table_unref (changes->seen_messages);
  g_hash_table_unref (changes->seen_complaints);
  g_free (changes);
}

/* TRUE the first time @id is seen. */
static gboolean
batch_add_seen (GHashTable *seen,
                gint64      id)
{
  if (g_hash_table_contains (seen, &id))
    return FALSE;

  g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
  return TRUE;
}

static void
batch_add_conversation (PdwStoreBatchChanges *changes,
                        gint64                conversation_id)
{
  if (batch_add_seen (changes->seen_conversations, conversation_id))
    g_array_append_val (changes->conversations, conversation_id);
}

void
pdw_store_emit_conversation_changed (PdwStore *self,
                                     gint64    conversation_id)
{
  if (self->batch_changes != NULL)
    batch_add_conversation (self->batch_changes, conversation_id);
  else
    g_signal_emit (self, signals[CONVERSATION_CHANGED], 0, conversation_id);
}

void
pdw_store_emit_message_changed (PdwStore *self,
                                gint64    conversation_id,
                                gint64    message_id)
{
  if (self->batch_changes != NULL)
    {
      if (batch_add_seen (self->batch_changes->seen_messages, message_id))
        {
          g_array_append_val (self->batch_changes->messages, conversation_id);
          g_array_append_val (self->batch_changes->messages, message_id);
        }
      batch_add_conversation (self->batch_changes, conversation_id);
    }
  else
    g_signal_emit (self, signals[MESSAGE_CHANGED], 0, conversation_id, message_id);
}

void
pdw_store_emit_complaint_changed (PdwStore *self,
                                  gint64    complaint_id)
{
  if (self->batch_changes != NULL)
    {
      if (batch_add_seen (self->batch_changes->seen_complaints, complaint_id))
        g_array_append_val (self->batch_changes->complaints, complaint_id);
    }
  else
    g_signal_emit (self, signals[COMPLAINT_CHANGED], 0, complaint_id);
}

void
pdw_store_emit_settings_changed (PdwStore   *self,
                                 const char *what)
{
  g_return_if_fail (PDW_IS_STORE (self));

  g_signal_emit (self, signals[SETTINGS_CHANGED], 0, what);
}

static void
emit_changes (PdwStore *self,
              GArray   *messages,
              GArray   *complaints,
              GArray   *conversations)
{
  for (guint i = 0; i + 1 < messages->len; i += 2)
    g_signal_emit (self, signals[MESSAGE_CHANGED], 0,
                   g_array_index (messages, gint64, i),
                   g_array_index (messages, gint64, i + 1));

  for (guint i = 0; i < complaints->len; i++)
    g_signal_emit (self, signals[COMPLAINT_CHANGED], 0,
                   g_array_index (complaints, gint64, i));

  for (guint i = 0; i < conversations->len; i++)
    g_signal_emit (self, signals[CONVERSATION_CHANGED], 0,
                   g_array_index (conversations, gint64, i));
}

void
pdw_store_changes_emit (PdwStore        *self,
                        PdwStoreChanges *changes)
{
  if (self->batch_changes != NULL)
    {
      for (guint i = 0; i + 1 < changes->messages->len; i += 2)
        pdw_store_emit_message_changed (self,
                                        g_array_index (changes->messages, gint64, i),
                                        g_array_index (changes->messages, gint64, i + 1));
      for (guint i = 0; i < changes->complaints->len; i++)
        pdw_store_emit_complaint_changed (self, g_array_index (changes->complaints, gint64, i));
      for (guint i = 0; i < changes->conversations->len; i++)
        pdw_store_emit_conversation_changed (self, g_array_index (changes->conversations, gint64, i));
      return;
    }

  emit_changes (self, changes->messages, changes->complaints, changes->conversations);
}

/* ---- Helpers ------------------------------------------------------------- */

gint64
pdw_store_now (PdwStore *self)
{
  if (self->clock != NULL)
    return self->clock (self->clock_data);

  return g_get_real_time () / G_USEC_PER_SEC;
}

void
pdw_store_set_error_from_code (PdwStore    *self,
                     GError     **error,
                     int          rc)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged or is not a database (%s). "
                     "It was left untouched; restore it from a backup."),
                   self->path, detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_FULL,
                   _("The disk holding the database “%s” is full (%s). "
                     "Nothing was saved; free some space and try again."),
                   self->path, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_BUSY,
                   _("The database “%s” is locked by another program (%s)."),
                   self->path, detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("The change was refused by the database “%s” (%s)."),
                   self->path, detail);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s” (%s)."),
                   self->path, detail);
      break;
    default:
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_FAILED,
                   _("Database error in “%s”: %s"),
                   self->path, detail);
      break;
    }
}

PdwStmt *
pdw_store_prepare (PdwStore    *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      pdw_store_set_error_from_code (self, error, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Steps a statement that returns no row. */
gboolean
pdw_store_step_done (PdwStore  *self,
                 PdwStmt   *stmt,
                 GError   **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  pdw_store_set_error_from_code (self, error, rc);
  return FALSE;
}

/* Steps a query: TRUE with *has_row set, or FALSE with @error set. */
gboolean
pdw_store_step_row (PdwStore  *self,
                PdwStmt   *stmt,
                gboolean  *has_row,
                GError   **error)
{
  int rc = sqlite3_step (stmt);

  *has_row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  pdw_store_set_error_from_code (self, error, rc);
  return FALSE;
}

gboolean
pdw_store_exec (PdwStore    *self,
                   const char  *sql,
                   GError     **error)
{
  g_autoptr(PdwStmt) stmt = pdw_store_prepare (self, sql, error);

  return stmt != NULL && pdw_store_step_done (self, stmt, error);
}

/* Inside a batch every call is a savepoint of the batch's transaction, so
 * that a call that fails leaves nothing behind and the batch goes on. */
gboolean
pdw_store_begin (PdwStore  *self,
             GError   **error)
{
  if (self->in_batch)
    {
      if (!pdw_store_exec (self, "SAVEPOINT pdw_call", error))
        return FALSE;
      self->savepoint_depth++;
      return TRUE;
    }

  /* IMMEDIATE takes the write lock up front, so a busy database fails here
   * rather than half-way through. */
  return pdw_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
pdw_store_commit (PdwStore  *self,
              GError   **error)
{
  if (self->in_batch)
    {
      if (!pdw_store_exec (self, "RELEASE pdw_call", error))
        return FALSE;
      self->savepoint_depth--;
      return TRUE;
    }

  return pdw_store_exec (self, "COMMIT", error);
}

void
pdw_store_rollback (PdwStore *self)
{
  g_autoptr(GError) error = NULL;

  if (self->in_batch)
    {
      if (self->savepoint_depth == 0)
        return;

      /* ROLLBACK TO keeps the savepoint open: release it as well. */
      if (!pdw_store_exec (self, "ROLLBACK TO pdw_call", &error) ||
          !pdw_store_exec (self, "RELEASE pdw_call", &error))
        g_warning ("Rollback to savepoint failed: %s", error->message);
      self->savepoint_depth--;
      return;
    }

  if (!sqlite3_get_autocommit (self->db))
    {
      if (!pdw_store_exec (self, "ROLLBACK", &error))
        g_warning ("Rollback failed: %s", error->message);
    }
}

void
pdw_stmt_bind_text (PdwStmt    *stmt,
           int         index,
           const char *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Optional integers (error codes): 0 is stored as NULL. */
void
pdw_stmt_bind_int_or_null (PdwStmt *stmt,
                  int      index,
                  gint64   value)
{
  if (value == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

const char *
pdw_stmt_column_text (PdwStmt *stmt,
             int      index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

PdwDeliveryStatus
pdw_stmt_column_delivery_status (PdwStmt *stmt,
                        int      index)
{
  PdwDeliveryStatus status = PDW_DELIVERY_NONE;

  pdw_delivery_status_from_string (pdw_stmt_column_text (stmt, index), &status);
  return status;
}

PdwComplaintStatus
pdw_stmt_column_complaint_status (PdwStmt *stmt,
                         int      index)
{
  PdwComplaintStatus status = PDW_COMPLAINT_BARU;

  pdw_complaint_status_from_string (pdw_stmt_column_text (stmt, index), &status);
  return status;
}

void
pdw_store_set_not_found (GError  **error,
               PdwStoreRowKind   kind,
               gint64    id)
{
  g_autofree char *id_str = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  switch (kind)
    {
    case PDW_STORE_ROW_CONVERSATION:
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND,
                   _("There is no conversation with id %s."), id_str);
      break;
    case PDW_STORE_ROW_MESSAGE:
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND,
                   _("There is no message with id %s."), id_str);
      break;
    case PDW_STORE_ROW_COMPLAINT:
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND,
                   _("There is no complaint with id %s."), id_str);
      break;
    default:
      g_assert_not_reached ();
    }
}

PdwStmt *
pdw_store_select_by_id (PdwStore         *self,
                        const char       *sql,
                        gint64            id,
                        PdwStoreRowKind   kind,
                        GError          **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row = FALSE;

  if (!(stmt = pdw_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!pdw_store_step_row (self, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      pdw_store_set_not_found (error, kind, id);
      return NULL;
    }

  return g_steal_pointer (&stmt);
}

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
      pdw_store_set_error_from_code (self, error, rc);
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
      pdw_store_set_error_from_code (self, error, rc);
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

      if (!pdw_store_begin (self, error))
        return FALSE;

      rc = sqlite3_exec (self->db, pdw_store_migrations_get (next), NULL, NULL, &message);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, set_version, NULL, NULL, &message);
      sqlite3_free (message);

      if (rc != SQLITE_OK)
        {
          pdw_store_set_error_from_code (self, error, rc);
          pdw_store_rollback (self);
          return FALSE;
        }

      if (!pdw_store_commit (self, error))
        {
          pdw_store_rollback (self);
          return FALSE;
        }
    }

  self->schema_version = latest;
  return TRUE;
}

static gboolean
pdw_store_open_internal (PdwStore    *self,
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
      pdw_store_set_error_from_code (self, error, rc);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Checked before anything could write: a damaged file is never touched. */
  if (!check_integrity (self, error) ||
      !configure_connection (self, error) ||
      !apply_migrations (self, error) ||
      !pdw_store_seed_settings (self, error))
    return FALSE;

  restrict_side_files (self);
  return TRUE;
}

/* ---- GObject -------------------------------------------------------------- */

static void
pdw_store_finalize (GObject *object)
{
  PdwStore *self = (PdwStore *)object;

  if (self->in_batch)
    g_critical ("PdwStore finalized inside a batch: its changes are lost");
  g_clear_pointer (&self->batch_changes, batch_changes_free);
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  self->db = NULL;
  g_clear_pointer (&self->path, g_free);
  g_rec_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (pdw_store_parent_class)->finalize (object);
}

static void
pdw_store_class_init (PdwStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pdw_store_finalize;

  signals[CONVERSATION_CHANGED] =
    g_signal_new ("conversation-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[MESSAGE_CHANGED] =
    g_signal_new ("message-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[COMPLAINT_CHANGED] =
    g_signal_new ("complaint-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SETTINGS_CHANGED] =
    g_signal_new ("settings-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pdw_store_init (PdwStore *self)
{
  g_rec_mutex_init (&self->mutex);
  self->sla_policy.unit = PDW_SLA_CLOCK_HOURS;
  self->sla_policy.amount = PDW_SLA_DEFAULT_HOURS;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
}

PdwStore *
pdw_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(PdwStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PDW_TYPE_STORE, NULL);
  if (!pdw_store_open_internal (self, path, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
pdw_store_get_path (PdwStore *self)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  return self->path;
}

int
pdw_store_get_schema_version (PdwStore *self)
{
  g_return_val_if_fail (PDW_IS_STORE (self), 0);
  return self->schema_version;
}

char *
pdw_store_dup_default_path (gboolean demo)
{
  return g_build_filename (g_get_user_data_dir (), "pandawa",
                           demo ? "demo.db" : "pandawa.db", NULL);
}

void
pdw_store_set_clock (PdwStore      *self,
                     PdwStoreClock  clock,
                     gpointer       user_data)
{
  g_return_if_fail (PDW_IS_STORE (self));

  g_rec_mutex_lock (&self->mutex);
  self->clock = clock;
  self->clock_data = clock != NULL ? user_data : NULL;
  g_rec_mutex_unlock (&self->mutex);
}

/* The batch keeps the mutex from begin to end: another thread must not
 * slip its own calls into the batch's transaction. */
gboolean
pdw_store_begin_batch (PdwStore  *self,
                       GError   **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_rec_mutex_lock (&self->mutex);
  if (self->in_batch)
    {
      g_rec_mutex_unlock (&self->mutex);
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("A batch of changes is already open."));
      return FALSE;
    }

  if (!pdw_store_exec (self, "BEGIN IMMEDIATE", error))
    {
      g_rec_mutex_unlock (&self->mutex);
      return FALSE;
    }

  self->in_batch = TRUE;
  self->savepoint_depth = 0;
  self->batch_changes = batch_changes_new ();
  return TRUE;
}

gboolean
pdw_store_end_batch (PdwStore  *self,
                     GError   **error)
{
  PdwStoreBatchChanges *changes;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_rec_mutex_lock (&self->mutex);
  if (!self->in_batch)
    {
      g_rec_mutex_unlock (&self->mutex);
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("There is no batch of changes to end."));
      return FALSE;
    }

  self->in_batch = FALSE;
  changes = g_steal_pointer (&self->batch_changes);
  if (!pdw_store_exec (self, "COMMIT", error))
    {
      pdw_store_rollback (self);
      batch_changes_free (changes);
      /* Once for this call, once for begin_batch(). */
      g_rec_mutex_unlock (&self->mutex);
      g_rec_mutex_unlock (&self->mutex);
      return FALSE;
    }

  g_rec_mutex_unlock (&self->mutex);
  g_rec_mutex_unlock (&self->mutex);

  emit_changes (self, changes->messages, changes->complaints, changes->conversations);
  batch_changes_free (changes);
  return TRUE;
}


/* ---- Records from rows ---------------------------------------------------- */

/* What the queue shows for a message without text (a photo without a
 * caption, a document...). */
static const char *
describe_message_type (const char *type)
{
  if (g_strcmp0 (type, "image") == 0)
    return _("Photo");
  if (g_strcmp0 (type, "document") == 0)
    return _("Document");
  if (g_strcmp0 (type, "audio") == 0)
    return _("Voice message");
  if (g_strcmp0 (type, "video") == 0)
    return _("Video");
  if (g_strcmp0 (type, "sticker") == 0)
    return _("Sticker");
  if (g_strcmp0 (type, "location") == 0)
    return _("Location");
  if (g_strcmp0 (type, "contacts") == 0)
    return _("Contact card");
  return _("Message");
}

PdwConversation *
pdw_store_conversation_from_row (PdwStmt *stmt)
{
  const char *text = pdw_stmt_column_text (stmt, 4);
  const char *type = pdw_stmt_column_text (stmt, 5);
  PdwDirection direction = PDW_DIRECTION_IN;
  PdwComplaintStatus complaint_status = PDW_COMPLAINT_BARU;

  if (text == NULL || *text == '\0')
    text = type != NULL ? describe_message_type (type) : NULL;
  pdw_direction_from_string (pdw_stmt_column_text (stmt, 7), &direction);
  if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
    complaint_status = pdw_stmt_column_complaint_status (stmt, 12);

  return g_object_new (PDW_TYPE_CONVERSATION,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "contact-id", (gint64) sqlite3_column_int64 (stmt, 1),
                       "wa-id", pdw_stmt_column_text (stmt, 2),
                       "profile-name", pdw_stmt_column_text (stmt, 3),
                       "last-message-text", text,
                       "last-message-time", (gint64) sqlite3_column_int64 (stmt, 6),
                       "last-message-direction", (int) direction,
                       "last-inbound-time", (gint64) sqlite3_column_int64 (stmt, 8),
                       "unread-count", (guint) sqlite3_column_int64 (stmt, 9),
                       "complaint-id", (gint64) sqlite3_column_int64 (stmt, 10),
                       "complaint-ticket", pdw_stmt_column_text (stmt, 11),
                       "complaint-status", (int) complaint_status,
                       "complaint-due-at", (gint64) sqlite3_column_int64 (stmt, 13),
                       "n-merged-numbers", (guint) sqlite3_column_int64 (stmt, 14),
                       NULL);
}

/* template_params: a JSON array of strings; anything else reads as none. */
static GStrv
parse_template_params (const char *json)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonNode *root;
  JsonArray *array;

  if (json == NULL || *json == '\0')
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  array = json_node_get_array (root);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
      else
        g_strv_builder_add (builder, "");
    }

  return g_strv_builder_end (builder);
}

PdwMessage *
pdw_store_message_from_row (PdwStmt *stmt)
{
  PdwDirection direction = PDW_DIRECTION_IN;
  g_auto(GStrv) params = parse_template_params (pdw_stmt_column_text (stmt, 16));

  pdw_direction_from_string (pdw_stmt_column_text (stmt, 3), &direction);

  return g_object_new (PDW_TYPE_MESSAGE,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "conversation-id", (gint64) sqlite3_column_int64 (stmt, 1),
                       "wamid", pdw_stmt_column_text (stmt, 2),
                       "direction", (int) direction,
                       "message-type", pdw_stmt_column_text (stmt, 4),
                       "text", pdw_stmt_column_text (stmt, 5),
                       "media-id", pdw_stmt_column_text (stmt, 6),
                       "media-mime-type", pdw_stmt_column_text (stmt, 7),
                       "media-filename", pdw_stmt_column_text (stmt, 8),
                       "timestamp", (gint64) sqlite3_column_int64 (stmt, 9),
                       "status", (int) pdw_stmt_column_delivery_status (stmt, 10),
                       "error-code", sqlite3_column_int (stmt, 11),
                       "error-title", pdw_stmt_column_text (stmt, 12),
                       "officer-name", pdw_stmt_column_text (stmt, 13),
                       "template-name", pdw_stmt_column_text (stmt, 14),
                       "template-language", pdw_stmt_column_text (stmt, 15),
                       "template-params", params,
                       "from-wa-id", pdw_stmt_column_text (stmt, 17),
                       NULL);
}

PdwComplaint *
pdw_store_complaint_from_row (PdwStmt *stmt)
{
  return g_object_new (PDW_TYPE_COMPLAINT,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "ticket", pdw_stmt_column_text (stmt, 1),
                       "conversation-id", (gint64) sqlite3_column_int64 (stmt, 2),
                       "citizen-name", pdw_stmt_column_text (stmt, 3),
                       "nik", pdw_stmt_column_text (stmt, 4),
                       "kk", pdw_stmt_column_text (stmt, 5),
                       "phone", pdw_stmt_column_text (stmt, 6),
                       "complaint-type", pdw_stmt_column_text (stmt, 7),
                       "institution", pdw_stmt_column_text (stmt, 8),
                       "status", (int) pdw_stmt_column_complaint_status (stmt, 9),
                       "assigned-officer", pdw_stmt_column_text (stmt, 10),
                       "created-at", (gint64) sqlite3_column_int64 (stmt, 11),
                       "updated-at", (gint64) sqlite3_column_int64 (stmt, 12),
                       "due-at", (gint64) sqlite3_column_int64 (stmt, 13),
                       "sla-started-at", (gint64) sqlite3_column_int64 (stmt, 14),
                       "holder", pdw_stmt_column_text (stmt, 15),
                       "overdue-notified-at", (gint64) sqlite3_column_int64 (stmt, 16),
                       "listed-at", (gint64) sqlite3_column_int64 (stmt, 17),
                       "consolidation-result", pdw_stmt_column_text (stmt, 18),
                       NULL);
}

PdwComplaintEvent *
pdw_store_complaint_event_from_row (PdwStmt *stmt)
{
  return g_object_new (PDW_TYPE_COMPLAINT_EVENT,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "complaint-id", (gint64) sqlite3_column_int64 (stmt, 1),
                       "timestamp", (gint64) sqlite3_column_int64 (stmt, 2),
                       "actor-name", pdw_stmt_column_text (stmt, 3),
                       "actor-nip", pdw_stmt_column_text (stmt, 4),
                       "action", pdw_stmt_column_text (stmt, 5),
                       "from-status", pdw_stmt_column_text (stmt, 6),
                       "to-status", pdw_stmt_column_text (stmt, 7),
                       "from-party", pdw_stmt_column_text (stmt, 8),
                       "to-party", pdw_stmt_column_text (stmt, 9),
                       "note", pdw_stmt_column_text (stmt, 10),
                       "actor-initials", pdw_stmt_column_text (stmt, 11),
                       NULL);
}


/* Runs a cached query with at most one int64 parameter and builds one
 * object per row. */
GPtrArray *
pdw_store_query_objects (PdwStore           *self,
                         const char         *sql,
                         gboolean            has_param,
                         gint64              param,
                         PdwStoreRowBuilder  build,
                         GError            **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = pdw_store_prepare (self, sql, error)))
    return NULL;

  if (has_param)
    sqlite3_bind_int64 (stmt, 1, param);

  return pdw_store_collect_rows (self, stmt, build, error);
}

GPtrArray *
pdw_store_collect_rows (PdwStore            *self,
                        PdwStmt             *stmt,
                        PdwStoreRowBuilder   build,
                        GError             **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_row = FALSE;
  gboolean ok;

  while ((ok = pdw_store_step_row (self, stmt, &has_row, error)) && has_row)
    g_ptr_array_add (rows, build (stmt));

  return ok ? g_steal_pointer (&rows) : NULL;
}

/* The single object of a query by id, or NULL with NOT_FOUND. */
gpointer
pdw_store_query_object (PdwStore    *self,
              const char  *sql,
              gint64       id,
              PdwStoreRowBuilder   build,
              PdwStoreRowKind      what,
              GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GError *local_error = NULL;

  rows = pdw_store_query_objects (self, sql, TRUE, id, build, &local_error);
  if (rows == NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (rows->len == 0)
    {
      pdw_store_set_not_found (error, what, id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (rows, 0));
}

/* ---- Webhook ingestion ---------------------------------------------------- */

static gboolean
insert_delivery (PdwStore    *self,
                 const char  *source,
                 GBytes      *raw_body,
                 gint64       now,
                 gint64      *delivery_id,
                 GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (raw_body, &size);

  if (!(stmt = pdw_store_prepare (self,
                              "INSERT INTO webhook_deliveries (received_at, source, body)"
                              " VALUES (?1, ?2, ?3)", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, now);
  pdw_stmt_bind_text (stmt, 2, source ? source : "unknown");
  if (size == 0)
    sqlite3_bind_zeroblob (stmt, 3, 0);
  else
    sqlite3_bind_blob64 (stmt, 3, data, size, SQLITE_STATIC);

  if (!pdw_store_step_done (self, stmt, error))
    return FALSE;

  *delivery_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Looks a message up by wamid; *id is 0 when there is none. */
static gboolean
find_message_by_wamid (PdwStore           *self,
                       const char         *wamid,
                       gint64             *id,
                       gint64             *conversation_id,
                       PdwDeliveryStatus  *status,
                       GError            **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row;

  *id = 0;
  if (!(stmt = pdw_store_prepare (self,
                              "SELECT id, conversation_id, status FROM messages WHERE wamid = ?1",
                              error)))
    return FALSE;

  pdw_stmt_bind_text (stmt, 1, wamid);
  if (!pdw_store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      if (conversation_id)
        *conversation_id = sqlite3_column_int64 (stmt, 1);
      if (status)
        *status = pdw_stmt_column_delivery_status (stmt, 2);
    }

  return TRUE;
}

static gboolean
find_contact (PdwStore    *self,
              const char  *sql,
              const char  *key,
              gint64      *contact_id,
              GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row;

  *contact_id = 0;
  if (key == NULL || *key == '\0')
    return TRUE;

  if (!(stmt = pdw_store_prepare (self, sql, error)))
    return FALSE;

  pdw_stmt_bind_text (stmt, 1, key);
  if (!pdw_store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    *contact_id = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

/* A citizen is found by wa_id first, then by business-scoped user id;
 * whichever of the two is new is recorded, unless another contact already
 * holds it. */
static gboolean
upsert_contact (PdwStore                 *self,
                const PdwInboundMessage  *message,
                gint64                    now,
                gint64                   *contact_id,
                GError                  **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!find_contact (self, "SELECT id FROM contacts WHERE wa_id = ?1",
                     message->wa_id, contact_id, error))
    return FALSE;

  if (*contact_id == 0 &&
      !find_contact (self, "SELECT id FROM contacts WHERE user_id = ?1",
                     message->user_id, contact_id, error))
    return FALSE;

  if (*contact_id == 0)
    {
      if (!(stmt = pdw_store_prepare (self,
                                  "INSERT INTO contacts (wa_id, user_id, profile_name, created_at, updated_at)"
                                  " VALUES (?1, ?2, ?3, ?4, ?4)", error)))
        return FALSE;

      pdw_stmt_bind_text (stmt, 1, message->wa_id && *message->wa_id ? message->wa_id : NULL);
      pdw_stmt_bind_text (stmt, 2, message->user_id && *message->user_id ? message->user_id : NULL);
      pdw_stmt_bind_text (stmt, 3, message->profile_name);
      sqlite3_bind_int64 (stmt, 4, now);
      if (!pdw_store_step_done (self, stmt, error))
        return FALSE;

      *contact_id = sqlite3_last_insert_rowid (self->db);
      return TRUE;
    }

  if (!(stmt = pdw_store_prepare (self,
                              "UPDATE contacts SET"
                              "  profile_name = COALESCE (?2, profile_name),"
                              "  wa_id = COALESCE (wa_id, (SELECT ?3 WHERE NOT EXISTS"
                              "          (SELECT 1 FROM contacts WHERE wa_id = ?3))),"
                              "  user_id = COALESCE (user_id, (SELECT ?4 WHERE NOT EXISTS"
                              "          (SELECT 1 FROM contacts WHERE user_id = ?4))),"
                              "  updated_at = ?5"
                              " WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, *contact_id);
  pdw_stmt_bind_text (stmt, 2, message->profile_name);
  pdw_stmt_bind_text (stmt, 3, message->wa_id && *message->wa_id ? message->wa_id : NULL);
  pdw_stmt_bind_text (stmt, 4, message->user_id && *message->user_id ? message->user_id : NULL);
  sqlite3_bind_int64 (stmt, 5, now);
  return pdw_store_step_done (self, stmt, error);
}

static gboolean
ensure_conversation (PdwStore  *self,
                     gint64     contact_id,
                     gint64     now,
                     gint64    *conversation_id,
                     GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  g_autoptr(PdwStmt) insert = NULL;
  gboolean has_row;

  /* A merged number's messages land in the conversation that absorbed it. */
  if (!(stmt = pdw_store_prepare (self,
                                  "SELECT COALESCE (merged_into, id) FROM conversations WHERE contact_id = ?1",
                                  error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, contact_id);
  if (!pdw_store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      *conversation_id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }

  if (!(insert = pdw_store_prepare (self,
                                "INSERT INTO conversations (contact_id, created_at) VALUES (?1, ?2)",
                                error)))
    return FALSE;

  sqlite3_bind_int64 (insert, 1, contact_id);
  sqlite3_bind_int64 (insert, 2, now);
  if (!pdw_store_step_done (self, insert, error))
    return FALSE;

  *conversation_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
insert_inbound_message (PdwStore                 *self,
                        const PdwInboundMessage  *message,
                        gint64                    contact_id,
                        gint64                    conversation_id,
                        gint64                    delivery_id,
                        gint64                    now,
                        gint64                   *message_id,
                        GError                  **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = pdw_store_prepare (self,
                              "INSERT INTO messages (conversation_id, wamid, direction, type, text,"
                              "  media_id, media_mime_type, media_sha256, media_filename,"
                              "  context_wamid, raw_json, timestamp, received_at, status,"
                              "  error_code, error_title, webhook_delivery_id, contact_id)"
                              " VALUES (?1, ?2, 'in', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                              "  'none', ?13, ?14, ?15, ?16)", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  pdw_stmt_bind_text (stmt, 2, message->wamid);
  pdw_stmt_bind_text (stmt, 3, message->type ? message->type : "unknown");
  pdw_stmt_bind_text (stmt, 4, message->text);
  pdw_stmt_bind_text (stmt, 5, message->media_id);
  pdw_stmt_bind_text (stmt, 6, message->media_mime_type);
  pdw_stmt_bind_text (stmt, 7, message->media_sha256);
  pdw_stmt_bind_text (stmt, 8, message->media_filename);
  pdw_stmt_bind_text (stmt, 9, message->context_wamid);
  pdw_stmt_bind_text (stmt, 10, message->raw_json);
  /* WhatsApp's time of the message, not ours: ordering and the 24-hour
   * window depend on it. */
  sqlite3_bind_int64 (stmt, 11, message->timestamp > 0 ? message->timestamp : now);
  sqlite3_bind_int64 (stmt, 12, now);
  pdw_stmt_bind_int_or_null (stmt, 13, message->error_code);
  pdw_stmt_bind_text (stmt, 14, message->error_title);
  if (delivery_id > 0)
    sqlite3_bind_int64 (stmt, 15, delivery_id);
  sqlite3_bind_int64 (stmt, 16, contact_id);

  if (!pdw_store_step_done (self, stmt, error))
    return FALSE;

  *message_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
raise_last_inbound_time (PdwStore  *self,
                         gint64     conversation_id,
                         gint64     timestamp,
                         GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = pdw_store_prepare (self,
                              "UPDATE conversations SET last_inbound_time = ?2"
                              " WHERE id = ?1 AND last_inbound_time < ?2", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, timestamp);
  return pdw_store_step_done (self, stmt, error);
}

static gboolean
ingest_message (PdwStore                 *self,
                const PdwInboundMessage  *message,
                gint64                    delivery_id,
                gint64                    now,
                PdwIngestResult          *result,
                PdwStoreChanges             *changes,
                GError                  **error)
{
  gint64 existing_id, contact_id, conversation_id, message_id;

  if (message->wamid == NULL || *message->wamid == '\0')
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("A message in the webhook has no message id."));
      return FALSE;
    }

  if ((message->wa_id == NULL || *message->wa_id == '\0') &&
      (message->user_id == NULL || *message->user_id == '\0'))
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("Message “%s” has neither a WhatsApp number nor a user id of its sender."),
                   message->wamid);
      return FALSE;
    }

  if (!find_message_by_wamid (self, message->wamid, &existing_id, NULL, NULL, error))
    return FALSE;

  /* Webhooks are delivered at least once: a retry is not a new message. */
  if (existing_id != 0)
    {
      result->messages_duplicate++;
      return TRUE;
    }

  if (!upsert_contact (self, message, now, &contact_id, error) ||
      !ensure_conversation (self, contact_id, now, &conversation_id, error) ||
      !insert_inbound_message (self, message, contact_id, conversation_id, delivery_id, now,
                               &message_id, error) ||
      !raise_last_inbound_time (self, conversation_id,
                                message->timestamp > 0 ? message->timestamp : now, error) ||
      !pdw_store_link_by_text (self, conversation_id, message->text, now, changes, error))
    return FALSE;

  result->messages_new++;
  pdw_store_changes_add_message (changes, conversation_id, message_id);
  return TRUE;
}

/* Moves a message to @status if that is forward; a failure keeps its code
 * and title.  Sets *applied. */
static gboolean
apply_status (PdwStore           *self,
              gint64              message_id,
              PdwDeliveryStatus   current,
              PdwDeliveryStatus   status,
              gint64              timestamp,
              int                 error_code,
              const char         *error_title,
              const char         *error_details,
              gboolean           *applied,
              GError            **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  *applied = FALSE;
  if (!pdw_delivery_status_can_advance (current, status))
    return TRUE;

  if (!(stmt = pdw_store_prepare (self,
                              "UPDATE messages SET status = ?2, status_time = ?3,"
                              "  error_code = CASE WHEN ?2 = 'failed' THEN ?4 ELSE error_code END,"
                              "  error_title = CASE WHEN ?2 = 'failed' THEN ?5 ELSE error_title END,"
                              "  error_details = CASE WHEN ?2 = 'failed' THEN ?6 ELSE error_details END,"
                              "  next_attempt_at = NULL"
                              " WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, message_id);
  pdw_stmt_bind_text (stmt, 2, pdw_delivery_status_to_string (status));
  sqlite3_bind_int64 (stmt, 3, timestamp);
  pdw_stmt_bind_int_or_null (stmt, 4, error_code);
  pdw_stmt_bind_text (stmt, 5, error_title);
  pdw_stmt_bind_text (stmt, 6, error_details);
  if (!pdw_store_step_done (self, stmt, error))
    return FALSE;

  *applied = TRUE;
  return TRUE;
}

static gboolean
keep_pending_status (PdwStore               *self,
                     const PdwStatusUpdate  *update,
                     gint64                  now,
                     gboolean               *kept,
                     GError                **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = pdw_store_prepare (self,
                              "INSERT OR IGNORE INTO pending_statuses (wamid, status, timestamp,"
                              "  recipient_id, error_code, error_title, error_details, received_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error)))
    return FALSE;

  pdw_stmt_bind_text (stmt, 1, update->wamid);
  pdw_stmt_bind_text (stmt, 2, pdw_delivery_status_to_string (update->status));
  sqlite3_bind_int64 (stmt, 3, update->timestamp);
  pdw_stmt_bind_text (stmt, 4, update->recipient_id);
  pdw_stmt_bind_int_or_null (stmt, 5, update->error_code);
  pdw_stmt_bind_text (stmt, 6, update->error_title);
  pdw_stmt_bind_text (stmt, 7, update->error_details);
  sqlite3_bind_int64 (stmt, 8, now);
  if (!pdw_store_step_done (self, stmt, error))
    return FALSE;

  *kept = sqlite3_changes (self->db) > 0;
  return TRUE;
}

static gboolean
ingest_status (PdwStore               *self,
               const PdwStatusUpdate  *update,
               gint64                  now,
               PdwIngestResult        *result,
               PdwStoreChanges           *changes,
               GError                **error)
{
  gint64 message_id, conversation_id = 0;
  PdwDeliveryStatus current = PDW_DELIVERY_NONE;
  gboolean done = FALSE;

  if (update->wamid == NULL || *update->wamid == '\0' ||
      update->status > PDW_DELIVERY_FAILED)
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("A status in the webhook has no message id or an unknown state."));
      return FALSE;
    }

  if (!find_message_by_wamid (self, update->wamid, &message_id, &conversation_id, &current, error))
    return FALSE;

  /* Delivery states belong to our own messages; a citizen's has none. */
  if (message_id != 0 && current == PDW_DELIVERY_NONE)
    {
      result->statuses_ignored++;
      return TRUE;
    }

  if (message_id == 0)
    {
      if (!keep_pending_status (self, update, now, &done, error))
        return FALSE;
      if (done)
        result->statuses_pending++;
      else
        result->statuses_ignored++;
      return TRUE;
    }

  if (!apply_status (self, message_id, current, update->status, update->timestamp,
                     update->error_code, update->error_title, update->error_details,
                     &done, error))
    return FALSE;

  if (done)
    {
      result->statuses_applied++;
      pdw_store_changes_add_message (changes, conversation_id, message_id);
    }
  else
    result->statuses_ignored++;

  return TRUE;
}

static gboolean
ingest_locked (PdwStore         *self,
               const char       *source,
               GBytes           *raw_body,
               GPtrArray        *messages,
               GPtrArray        *statuses,
               PdwIngestResult  *result,
               PdwStoreChanges     *changes,
               GError          **error)
{
  gint64 now = pdw_store_now (self);
  gint64 delivery_id = 0;

  if (!pdw_store_begin (self, error))
    return FALSE;

  if (raw_body != NULL && !insert_delivery (self, source, raw_body, now, &delivery_id, error))
    goto failed;

  for (guint i = 0; messages != NULL && i < messages->len; i++)
    if (!ingest_message (self, g_ptr_array_index (messages, i), delivery_id, now,
                         result, changes, error))
      goto failed;

  for (guint i = 0; statuses != NULL && i < statuses->len; i++)
    if (!ingest_status (self, g_ptr_array_index (statuses, i), now, result, changes, error))
      goto failed;

  if (!pdw_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  pdw_store_rollback (self);
  return FALSE;
}

gboolean
pdw_store_ingest_webhook (PdwStore         *self,
                          const char       *source,
                          GBytes           *raw_body,
                          GPtrArray        *messages,
                          GPtrArray        *statuses,
                          PdwIngestResult  *result,
                          GError          **error)
{
  g_auto(PdwStoreChanges) changes = { 0 };
  PdwIngestResult local_result = { 0 };
  gboolean ret;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pdw_store_changes_init (&changes);

  g_rec_mutex_lock (&self->mutex);
  ret = ingest_locked (self, source, raw_body, messages, statuses, &local_result, &changes, error);
  g_rec_mutex_unlock (&self->mutex);

  if (!ret)
    return FALSE;

  if (result != NULL)
    *result = local_result;

  pdw_store_changes_emit (self, &changes);
  return TRUE;
}

/* ---- Outbox ---------------------------------------------------------------- */

gboolean
pdw_store_conversation_exists (PdwStore  *self,
                     gint64     conversation_id,
                     GError   **error)
{
  g_autoptr(PdwStmt) stmt = pdw_store_select_by_id (self, "SELECT 1 FROM conversations WHERE id = ?1",
                                                     conversation_id, PDW_STORE_ROW_CONVERSATION, error);

  return stmt != NULL;
}

gboolean
pdw_store_insert_outgoing (PdwStore    *self,
                           gint64       conversation_id,
                           const char  *type,
                           const char  *text,
                           const char  *officer_name,
                           const char  *template_name,
                           const char  *template_language,
                           const char  *template_params_json,
                           gint64      *message_id,
                           GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gint64 now = pdw_store_now (self);

  if (!pdw_store_conversation_exists (self, conversation_id, error))
    return FALSE;

  if (!(stmt = pdw_store_prepare (self,
                              "INSERT INTO messages (conversation_id, direction, type, text,"
                              "  timestamp, received_at, status, officer_name, next_attempt_at,"
                              "  template_name, template_language, template_params)"
                              " VALUES (?1, 'out', ?5, ?2, ?3, ?3, 'queued', ?4, ?3, ?6, ?7, ?8)", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  pdw_stmt_bind_text (stmt, 2, text);
  sqlite3_bind_int64 (stmt, 3, now);
  pdw_stmt_bind_text (stmt, 4, officer_name);
  pdw_stmt_bind_text (stmt, 5, type);
  pdw_stmt_bind_text (stmt, 6, template_name);
  pdw_stmt_bind_text (stmt, 7, template_language);
  pdw_stmt_bind_text (stmt, 8, template_params_json);
  if (!pdw_store_step_done (self, stmt, error))
    return FALSE;

  *message_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gint64
pdw_store_queue_outgoing_text (PdwStore    *self,
                               gint64       conversation_id,
                               const char  *text,
                               const char  *officer_name,
                               GError     **error)
{
  gint64 message_id = 0;
  gboolean ret;

  g_return_val_if_fail (PDW_IS_STORE (self), 0);
  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (*text == '\0')
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("An empty message cannot be sent."));
      return 0;
    }

  g_rec_mutex_lock (&self->mutex);
  ret = pdw_store_insert_outgoing (self, conversation_id, "text", text, officer_name,
                                   NULL, NULL, NULL, &message_id, error);
  g_rec_mutex_unlock (&self->mutex);

  if (!ret)
    return 0;

  pdw_store_emit_message_changed (self, conversation_id, message_id);
  pdw_store_emit_conversation_changed (self, conversation_id);
  return message_id;
}

GPtrArray *
pdw_store_list_due_outgoing (PdwStore  *self,
                             gint64     now,
                             GError   **error)
{
  GPtrArray *ret;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_rec_mutex_lock (&self->mutex);
  ret = pdw_store_query_objects (self,
                       MESSAGE_SELECT
                       " WHERE status = 'queued' AND next_attempt_at <= ?1"
                       " ORDER BY next_attempt_at, id",
                       TRUE, now, (PdwStoreRowBuilder) pdw_store_message_from_row, error);
  g_rec_mutex_unlock (&self->mutex);

  return ret;
}

char *
pdw_store_dup_conversation_wa_id (PdwStore  *self,
                                  gint64     conversation_id,
                                  GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  char *wa_id = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_rec_mutex_lock (&self->mutex);
  /* Replies go to the number the citizen wrote from last (conversations
   * may hold several numbers once merged). */
  if ((stmt = pdw_store_prepare (self,
                             "SELECT COALESCE ((SELECT COALESCE (mk.wa_id, k.wa_id) FROM messages m"
                             "                   LEFT JOIN contacts mk ON mk.id = m.contact_id"
                             "                  WHERE m.conversation_id = c.id AND m.direction = 'in'"
                             "                  ORDER BY m.timestamp DESC, m.id DESC LIMIT 1),"
                             "                 k.wa_id)"
                             "  FROM conversations c"
                             "  JOIN contacts k ON k.id = c.contact_id WHERE c.id = ?1",
                             error)))
    {
      sqlite3_bind_int64 (stmt, 1, conversation_id);
      if (pdw_store_step_row (self, stmt, &has_row, error))
        {
          if (!has_row)
            pdw_store_set_not_found (error, PDW_STORE_ROW_CONVERSATION, conversation_id);
          else if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
            g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND,
                                 _("This citizen's WhatsApp number is not known (only a user id)."));
          else
            wa_id = g_strdup (pdw_stmt_column_text (stmt, 0));
        }
    }
  g_clear_pointer (&stmt, pdw_stmt_release);
  g_rec_mutex_unlock (&self->mutex);

  return wa_id;
}

/* Reads an outgoing message's state; NOT_FOUND or INVALID when it is not an
 * outgoing message. */
static gboolean
get_outgoing_state (PdwStore           *self,
                    gint64              message_id,
                    gint64             *conversation_id,
                    PdwDeliveryStatus  *status,
                    GError            **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = pdw_store_select_by_id (self, "SELECT conversation_id, status, direction FROM messages WHERE id = ?1",
                                       message_id, PDW_STORE_ROW_MESSAGE, error)))
    return FALSE;

  if (g_strcmp0 (pdw_stmt_column_text (stmt, 2), "out") != 0)
    {
      g_autofree char *id_str = g_strdup_printf ("%" G_GINT64_FORMAT, message_id);

      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("Message %s is not an outgoing message."), id_str);
      return FALSE;
    }

  *conversation_id = sqlite3_column_int64 (stmt, 0);
  *status = pdw_stmt_column_delivery_status (stmt, 1);
  return TRUE;
}

typedef struct
{
  PdwDeliveryStatus  status;
  gint64             timestamp;
  int                error_code;
  char              *error_title;
  char              *error_details;
} PendingStatus;

static void
pending_status_free (gpointer data)
{
  PendingStatus *pending = data;

  g_free (pending->error_title);
  g_free (pending->error_details);
  g_free (pending);
}

static GPtrArray *
take_pending_statuses (PdwStore    *self,
                       const char  *wamid,
                       GError     **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (pending_status_free);
  g_autoptr(PdwStmt) stmt = NULL;
  g_autoptr(PdwStmt) delete = NULL;
  gboolean has_row = FALSE;
  gboolean ok;

  if (!(stmt = pdw_store_prepare (self,
                              "SELECT status, timestamp, error_code, error_title, error_details"
                              "  FROM pending_statuses WHERE wamid = ?1 ORDER BY timestamp, id",
                              error)))
    return NULL;

  pdw_stmt_bind_text (stmt, 1, wamid);
  while ((ok = pdw_store_step_row (self, stmt, &has_row, error)) && has_row)
    {
      PendingStatus *p = g_new0 (PendingStatus, 1);

      p->status = pdw_stmt_column_delivery_status (stmt, 0);
      p->timestamp = sqlite3_column_int64 (stmt, 1);
      p->error_code = sqlite3_column_int (stmt, 2);
      p->error_title = g_strdup (pdw_stmt_column_text (stmt, 3));
      p->error_details = g_strdup (pdw_stmt_column_text (stmt, 4));
      g_ptr_array_add (pending, p);
    }

  if (!ok)
    return NULL;

  if (!(delete = pdw_store_prepare (self, "DELETE FROM pending_statuses WHERE wamid = ?1", error)))
    return NULL;

  pdw_stmt_bind_text (delete, 1, wamid);
  if (!pdw_store_step_done (self, delete, error))
    return NULL;

  return g_steal_pointer (&pending);
}

static gboolean
mark_accepted_locked (PdwStore    *self,
                      gint64       message_id,
                      const char  *wamid,
                      gint64      *conversation_id,
                      GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  PdwDeliveryStatus status;
  gint64 other_id;
  gint64 now = pdw_store_now (self);

  if (!pdw_store_begin (self, error))
    return FALSE;

  if (!get_outgoing_state (self, message_id, conversation_id, &status, error) ||
      !find_message_by_wamid (self, wamid, &other_id, NULL, NULL, error))
    goto failed;

  if (other_id != 0 && other_id != message_id)
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("The message id “%s” already belongs to another message."), wamid);
      goto failed;
    }

  if (!(stmt = pdw_store_prepare (self,
                              "UPDATE messages SET wamid = ?2, attempts = attempts + 1,"
                              "  next_attempt_at = NULL,"
                              "  status = CASE WHEN ?3 THEN 'accepted' ELSE status END,"
                              "  status_time = CASE WHEN ?3 THEN ?4 ELSE status_time END"
                              " WHERE id = ?1", error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, message_id);
  pdw_stmt_bind_text (stmt, 2, wamid);
  sqlite3_bind_int (stmt, 3, pdw_delivery_status_can_advance (status, PDW_DELIVERY_ACCEPTED));
  sqlite3_bind_int64 (stmt, 4, now);
  if (!pdw_store_step_done (self, stmt, error))
    goto failed;
  if (pdw_delivery_status_can_advance (status, PDW_DELIVERY_ACCEPTED))
    status = PDW_DELIVERY_ACCEPTED;

  /* The "sent" webhook may have come before the Graph API answered. */
  if (!(pending = take_pending_statuses (self, wamid, error)))
    goto failed;

  for (guint i = 0; i < pending->len; i++)
    {
      PendingStatus *p = g_ptr_array_index (pending, i);
      gboolean applied;

      if (!apply_status (self, message_id, status, p->status, p->timestamp,
                         p->error_code, p->error_title, p->error_details, &applied, error))
        goto failed;
      if (applied)
        status = p->status;
    }

  if (!pdw_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  pdw_store_rollback (self);
  return FALSE;
}

gboolean
pdw_store_mark_outgoing_accepted (PdwStore    *self,
                                  gint64       message_id,
                                  const char  *wamid,
                                  GError     **error)
{
  gint64 conversation_id = 0;
  gboolean ret;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (wamid != NULL && *wamid != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_rec_mutex_lock (&self->mutex);
  ret = mark_accepted_locked (self, message_id, wamid, &conversation_id, error);
  g_rec_mutex_unlock (&self->mutex);

  if (ret)
    {
      pdw_store_emit_message_changed (self, conversation_id, message_id);
      pdw_store_emit_conversation_changed (self, conversation_id);
    }

  return ret;
}

static gboolean
mark_attempt_failed_locked (PdwStore    *self,
                            gint64       message_id,
                            int          error_code,
                            const char  *error_title,
                            gboolean     permanent,
                            gint64       next_attempt_at,
                            gint64      *conversation_id,
                            GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  PdwDeliveryStatus status;

  if (!pdw_store_begin (self, error))
    return FALSE;

  if (!get_outgoing_state (self, message_id, conversation_id, &status, error))
    goto failed;

  if (status != PDW_DELIVERY_QUEUED)
    {
      g_autofree char *id_str = g_strdup_printf ("%" G_GINT64_FORMAT, message_id);

      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("Message %s is not waiting to be sent."), id_str);
      goto failed;
    }

  if (!(stmt = pdw_store_prepare (self,
                              "UPDATE messages SET attempts = attempts + 1,"
                              "  last_error_code = ?2, last_error = ?3,"
                              "  status = CASE WHEN ?4 THEN 'failed' ELSE status END,"
                              "  error_code = CASE WHEN ?4 THEN ?2 ELSE error_code END,"
                              "  error_title = CASE WHEN ?4 THEN ?3 ELSE error_title END,"
                              "  status_time = CASE WHEN ?4 THEN ?6 ELSE status_time END,"
                              "  next_attempt_at = CASE WHEN ?4 THEN NULL ELSE ?5 END"
                              " WHERE id = ?1", error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, message_id);
  pdw_stmt_bind_int_or_null (stmt, 2, error_code);
  pdw_stmt_bind_text (stmt, 3, error_title);
  sqlite3_bind_int (stmt, 4, permanent ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, next_attempt_at);
  sqlite3_bind_int64 (stmt, 6, pdw_store_now (self));
  if (!pdw_store_step_done (self, stmt, error) || !pdw_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  pdw_store_rollback (self);
  return FALSE;
}

gboolean
pdw_store_mark_outgoing_attempt_failed (PdwStore    *self,
                                        gint64       message_id,
                                        int          error_code,
                                        const char  *error_title,
                                        gboolean     permanent,
                                        gint64       next_attempt_at,
                                        GError     **error)
{
  gint64 conversation_id = 0;
  gboolean ret;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_rec_mutex_lock (&self->mutex);
  ret = mark_attempt_failed_locked (self, message_id, error_code, error_title, permanent,
                                    next_attempt_at, &conversation_id, error);
  g_rec_mutex_unlock (&self->mutex);

  if (ret)
    {
      pdw_store_emit_message_changed (self, conversation_id, message_id);
      pdw_store_emit_conversation_changed (self, conversation_id);
    }

  return ret;
}

int
pdw_store_get_outgoing_attempts (PdwStore  *self,
                                 gint64     message_id,
                                 GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row = FALSE;
  int attempts = -1;

  g_return_val_if_fail (PDW_IS_STORE (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  g_rec_mutex_lock (&self->mutex);
  if ((stmt = pdw_store_prepare (self, "SELECT attempts FROM messages WHERE id = ?1", error)))
    {
      sqlite3_bind_int64 (stmt, 1, message_id);
      if (pdw_store_step_row (self, stmt, &has_row, error))
        {
          if (has_row)
            attempts = sqlite3_column_int (stmt, 0);
          else
            pdw_store_set_not_found (error, PDW_STORE_ROW_MESSAGE, message_id);
        }
    }
  g_clear_pointer (&stmt, pdw_stmt_release);
  g_rec_mutex_unlock (&self->mutex);

  return attempts;
}

/* ---- Queries --------------------------------------------------------------- */

GPtrArray *
pdw_store_list_conversations (PdwStore  *self,
                              GError   **error)
{
  GPtrArray *ret;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_rec_mutex_lock (&self->mutex);
  ret = pdw_store_query_objects (self, CONVERSATION_SELECT " WHERE c.merged_into IS NULL"
                                 " ORDER BY 7 DESC, c.id DESC",
                       FALSE, 0, (PdwStoreRowBuilder) pdw_store_conversation_from_row, error);
  g_rec_mutex_unlock (&self->mutex);

  return ret;
}

PdwConversation *
pdw_store_dup_conversation (PdwStore  *self,
                            gint64     conversation_id,
                            GError   **error)
{
  PdwConversation *ret;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_rec_mutex_lock (&self->mutex);
  /* A conversation merged into another has left the queue: NOT_FOUND, so
   * that list models drop its row. */
  ret = pdw_store_query_object (self, CONVERSATION_SELECT " WHERE c.id = ?1 AND c.merged_into IS NULL",
                                conversation_id,
                      (PdwStoreRowBuilder) pdw_store_conversation_from_row, PDW_STORE_ROW_CONVERSATION, error);
  g_rec_mutex_unlock (&self->mutex);

  return ret;
}

GPtrArray *
pdw_store_list_messages (PdwStore  *self,
                         gint64     conversation_id,
                         GError   **error)
{
  GPtrArray *ret;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_rec_mutex_lock (&self->mutex);
  ret = pdw_store_query_objects (self, MESSAGE_SELECT " WHERE conversation_id = ?1 ORDER BY timestamp, id",
                       TRUE, conversation_id, (PdwStoreRowBuilder) pdw_store_message_from_row, error);
  g_rec_mutex_unlock (&self->mutex);

  return ret;
}

PdwMessage *
pdw_store_dup_message (PdwStore  *self,
                       gint64     message_id,
                       GError   **error)
{
  PdwMessage *ret;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_rec_mutex_lock (&self->mutex);
  ret = pdw_store_query_object (self, MESSAGE_SELECT " WHERE id = ?1", message_id,
                      (PdwStoreRowBuilder) pdw_store_message_from_row, PDW_STORE_ROW_MESSAGE, error);
  g_rec_mutex_unlock (&self->mutex);

  return ret;
}

static gboolean
mark_read_locked (PdwStore  *self,
                  gint64     conversation_id,
                  GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = pdw_store_prepare (self,
                              "UPDATE conversations SET read_marker_id ="
                              "  (SELECT COALESCE (MAX (id), 0) FROM messages WHERE conversation_id = ?1)"
                              " WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  if (!pdw_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      pdw_store_set_not_found (error, PDW_STORE_ROW_CONVERSATION, conversation_id);
      return FALSE;
    }

  return TRUE;
}

gboolean
pdw_store_mark_conversation_read (PdwStore  *self,
                                  gint64     conversation_id,
                                  GError   **error)
{
  gboolean ret;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_rec_mutex_lock (&self->mutex);
  ret = mark_read_locked (self, conversation_id, error);
  g_rec_mutex_unlock (&self->mutex);

  if (ret)
    pdw_store_emit_conversation_changed (self, conversation_id);

  return ret;
}

/* ---- Complaints ------------------------------------------------------------- */

static gboolean
check_no_open_complaint (PdwStore  *self,
                         gint64     conversation_id,
                         GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row;

  if (!(stmt = pdw_store_prepare (self,
                              "SELECT ticket FROM complaints"
                              " WHERE (conversation_id = ?1"
                              "        OR id = (SELECT complaint_id FROM conversations WHERE id = ?1))"
                              "   AND status NOT IN ('selesai', 'ditolak')", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  if (!pdw_store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("This conversation already has an open complaint (%s)."),
                   pdw_stmt_column_text (stmt, 0));
      return FALSE;
    }

  return TRUE;
}

static gboolean
next_ticket_number (PdwStore  *self,
                    int        year,
                    int        month,
                    int       *seq,
                    GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row;

  if (!(stmt = pdw_store_prepare (self,
                              "SELECT COALESCE (MAX (ticket_seq), 0) + 1 FROM complaints"
                              " WHERE ticket_year = ?1 AND ticket_month = ?2", error)))
    return FALSE;

  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, month);
  if (!pdw_store_step_row (self, stmt, &has_row, error))
    return FALSE;

  *seq = has_row ? sqlite3_column_int (stmt, 0) : 1;
  return TRUE;
}

static gboolean
insert_complaint (PdwStore                  *self,
                  gint64                     conversation_id,
                  const PdwComplaintFields  *fields,
                  const PdwActor            *actor,
                  gint64                     now,
                  gint64                    *complaint_id,
                  GError                   **error)
{
  g_autoptr(GTimeZone) wib = pdw_time_zone_new_wib ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, wib);
  g_autoptr(PdwStmt) stmt = NULL;
  g_autofree char *ticket = NULL;
  int year = g_date_time_get_year (local);
  int month = g_date_time_get_month (local);
  int seq;

  /* Numbered per month of the office's calendar (WIB), not of UTC. */
  if (!next_ticket_number (self, year, month, &seq, error))
    return FALSE;

  ticket = g_strdup_printf ("PDW-%04d-%02d-%05d", year, month, seq);

  if (!(stmt = pdw_store_prepare (self,
                              "INSERT INTO complaints (ticket, ticket_year, ticket_month, ticket_seq,"
                              "  conversation_id, citizen_name, nik, kk, phone, complaint_type,"
                              "  institution, status, assigned_officer, created_at, updated_at, due_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'terdaftar',"
                              "  ?12, ?13, ?13, 0)", error)))
    return FALSE;

  pdw_stmt_bind_text (stmt, 1, ticket);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int (stmt, 3, month);
  sqlite3_bind_int (stmt, 4, seq);
  sqlite3_bind_int64 (stmt, 5, conversation_id);
  pdw_stmt_bind_text (stmt, 6, fields->citizen_name);
  pdw_stmt_bind_text (stmt, 7, fields->nik);
  pdw_stmt_bind_text (stmt, 8, fields->kk);
  pdw_stmt_bind_text (stmt, 9, fields->phone);
  pdw_stmt_bind_text (stmt, 10, fields->complaint_type);
  pdw_stmt_bind_text (stmt, 11, fields->institution);
  pdw_stmt_bind_text (stmt, 12, actor->name);
  sqlite3_bind_int64 (stmt, 13, now);
  if (!pdw_store_step_done (self, stmt, error))
    return FALSE;

  *complaint_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gboolean
pdw_store_insert_complaint_event (PdwStore        *self,
                        gint64           complaint_id,
                        gint64           now,
                        const PdwActor  *actor,
                        const char      *action,
                        const char      *from_status,
                        const char      *to_status,
                        const char      *from_party,
                        const char      *to_party,
                        const char      *note,
                        GError         **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  g_autofree char *initials = NULL;

  if (actor->initials != NULL && *actor->initials != '\0')
    initials = g_strdup (actor->initials);
  else
    initials = pdw_store_dup_actor_initials (self, actor->name, actor->nip);

  if (!(stmt = pdw_store_prepare (self,
                              "INSERT INTO complaint_events (complaint_id, timestamp, actor_name,"
                              "  actor_nip, action, from_status, to_status, from_party, to_party, note,"
                              "  actor_initials)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, complaint_id);
  sqlite3_bind_int64 (stmt, 2, now);
  pdw_stmt_bind_text (stmt, 3, actor->name);
  pdw_stmt_bind_text (stmt, 4, actor->nip);
  pdw_stmt_bind_text (stmt, 5, action);
  pdw_stmt_bind_text (stmt, 6, from_status);
  pdw_stmt_bind_text (stmt, 7, to_status);
  pdw_stmt_bind_text (stmt, 8, from_party);
  pdw_stmt_bind_text (stmt, 9, to_party);
  pdw_stmt_bind_text (stmt, 10, note);
  pdw_stmt_bind_text (stmt, 11, initials);
  return pdw_store_step_done (self, stmt, error);
}

static gboolean
link_conversation_complaint (PdwStore  *self,
                             gint64     conversation_id,
                             gint64     complaint_id,
                             GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = pdw_store_prepare (self, "UPDATE conversations SET complaint_id = ?2 WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, complaint_id);
  return pdw_store_step_done (self, stmt, error);
}

/* One open file per NIK: a second registration is refused, naming the
 * ticket to link to (never the full NIK). */
static gboolean
check_nik_not_open (PdwStore                  *self,
                    const PdwComplaintFields  *fields,
                    GError                   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  g_autofree char *masked = NULL;
  gboolean has_row;

  if (fields->nik == NULL || *fields->nik == '\0')
    return TRUE;

  if (!(stmt = pdw_store_prepare (self,
                                  "SELECT ticket FROM complaints"
                                  " WHERE nik = ?1 AND status NOT IN ('selesai', 'ditolak')"
                                  " ORDER BY id DESC LIMIT 1", error)))
    return FALSE;

  pdw_stmt_bind_text (stmt, 1, fields->nik);
  if (!pdw_store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    return TRUE;

  masked = pdw_identity_mask (fields->nik);
  g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_DUPLICATE_NIK,
               _("The NIK %s already has an open complaint, %s: link this conversation to it."),
               masked, pdw_stmt_column_text (stmt, 0));
  return FALSE;
}

static gboolean
register_complaint_locked (PdwStore                  *self,
                           gint64                     conversation_id,
                           const PdwComplaintFields  *fields,
                           const PdwActor            *actor,
                           gint64                     now,
                           gint64                    *complaint_id,
                           GError                   **error)
{
  if (!pdw_store_begin (self, error))
    return FALSE;

  if (!pdw_store_conversation_exists (self, conversation_id, error) ||
      !check_no_open_complaint (self, conversation_id, error) ||
      !check_nik_not_open (self, fields, error) ||
      !insert_complaint (self, conversation_id, fields, actor, now, complaint_id, error) ||
      !pdw_store_insert_complaint_event (self, *complaint_id, now, actor, "register",
                               pdw_complaint_status_to_string (PDW_COMPLAINT_BARU),
                               pdw_complaint_status_to_string (PDW_COMPLAINT_TERDAFTAR),
                               NULL, actor->name, NULL, error) ||
      !link_conversation_complaint (self, conversation_id, *complaint_id, error) ||
      !pdw_store_commit (self, error))
    {
      pdw_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

PdwComplaint *
pdw_store_register_complaint_at (PdwStore                  *self,
                                 gint64                     conversation_id,
                                 const PdwComplaintFields  *fields,
                                 const PdwActor            *actor,
                                 gint64                     now,
                                 GError                   **error)
{
  gint64 complaint_id = 0;
  gboolean ret;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (actor->name == NULL || *actor->name == '\0')
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("A complaint cannot be registered without the officer's name."));
      return NULL;
    }

  g_rec_mutex_lock (&self->mutex);
  ret = register_complaint_locked (self, conversation_id, fields, actor, now, &complaint_id, error);
  g_rec_mutex_unlock (&self->mutex);

  if (!ret)
    return NULL;

  pdw_store_emit_complaint_changed (self, complaint_id);
  pdw_store_emit_conversation_changed (self, conversation_id);

  return pdw_store_dup_complaint (self, complaint_id, error);
}

PdwComplaint *
pdw_store_register_complaint (PdwStore                  *self,
                              gint64                     conversation_id,
                              const PdwComplaintFields  *fields,
                              const PdwActor            *actor,
                              GError                   **error)
{
  return pdw_store_register_complaint_at (self, conversation_id, fields, actor, pdw_store_now (self), error);
}

PdwComplaint *
pdw_store_dup_complaint (PdwStore  *self,
                         gint64     complaint_id,
                         GError   **error)
{
  PdwComplaint *ret;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_rec_mutex_lock (&self->mutex);
  ret = pdw_store_query_object (self, COMPLAINT_SELECT " WHERE id = ?1", complaint_id,
                      (PdwStoreRowBuilder) pdw_store_complaint_from_row, PDW_STORE_ROW_COMPLAINT, error);
  g_rec_mutex_unlock (&self->mutex);

  return ret;
}

PdwComplaint *
pdw_store_dup_conversation_complaint (PdwStore  *self,
                                      gint64     conversation_id,
                                      GError   **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_rec_mutex_lock (&self->mutex);
  rows = pdw_store_query_objects (self,
                        COMPLAINT_SELECT
                        " WHERE id = COALESCE ((SELECT complaint_id FROM conversations WHERE id = ?1),"
                        "                      (SELECT l.id FROM complaints l WHERE l.conversation_id = ?1"
                        "                        ORDER BY l.created_at DESC, l.id DESC LIMIT 1))",
                        TRUE, conversation_id, (PdwStoreRowBuilder) pdw_store_complaint_from_row, error);
  g_rec_mutex_unlock (&self->mutex);

  if (rows == NULL || rows->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (rows, 0));
}

GPtrArray *
pdw_store_list_complaint_events (PdwStore  *self,
                                 gint64     complaint_id,
                                 GError   **error)
{
  GPtrArray *ret;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_rec_mutex_lock (&self->mutex);
  ret = pdw_store_query_objects (self, COMPLAINT_EVENT_SELECT " WHERE complaint_id = ?1 ORDER BY id",
                       TRUE, complaint_id, (PdwStoreRowBuilder) pdw_store_complaint_event_from_row, error);
  g_rec_mutex_unlock (&self->mutex);

  return ret;
}

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
      pdw_store_set_error_from_code (self, error, rc);
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
    pdw_store_set_error_from_code (self, error, rc);

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
