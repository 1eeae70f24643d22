/* pdw-store.c: the PdwStore object and what every aggregate file of
 * src/store/ builds on: statements, transactions, batches, change signals
 * and errors.  Calls no other file of src/store/ (see pdw-store-private.h
 * for who calls whom).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pdw-store.h"
#include "pdw-store-private.h"

G_DEFINE_FINAL_TYPE (PdwStore, pdw_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (pdw-store-error-quark, pdw_store_error)

enum {
  CONVERSATION_CHANGED,
  MESSAGE_CHANGED,
  COMPLAINT_CHANGED,
  SETTINGS_CHANGED,
  CHANGES_SETTLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  guint  signal;
  gint64 a;
  gint64 b;
} QueuedSignal;

/* How long one dispatch of queued changes may run: a burst of webhooks
 * is announced over several main loop iterations, with input, timers and
 * sockets served in between. */
#define EMIT_SLICE_USEC (4 * 1000)

static void
emit_now (PdwStore *self,
          guint     signal,
          gint64    a,
          gint64    b)
{
  if (signal == MESSAGE_CHANGED)
    g_signal_emit (self, signals[MESSAGE_CHANGED], 0, a, b);
  else
    g_signal_emit (self, signals[signal], 0, a);
}

/* The end of a run of change signals: listeners that gather the changes
 * (the queue) act once for the run. */
static void
emit_settled (PdwStore *self)
{
  g_signal_emit (self, signals[CHANGES_SETTLED], 0);
}

/* What a change is known by in the queue: a message by its id. */
static gint64
queued_key (const QueuedSignal *queued)
{
  return (queued->signal == MESSAGE_CHANGED ? queued->b : queued->a) * N_SIGNALS + queued->signal;
}

static gboolean
emit_queued_cb (gpointer data)
{
  PdwStore *self = data;
  gint64 deadline = g_get_monotonic_time () + EMIT_SLICE_USEC;

  for (;;)
    {
      QueuedSignal next;
      gint64 key;

      g_mutex_lock (&self->signal_lock);
      if (self->queued_next == self->queued->len)
        {
          g_array_set_size (self->queued, 0);
          self->queued_next = 0;
          self->emit_scheduled = FALSE;
          g_mutex_unlock (&self->signal_lock);
          emit_settled (self);
          return G_SOURCE_REMOVE;
        }
      next = g_array_index (self->queued, QueuedSignal, self->queued_next++);
      key = queued_key (&next);
      g_hash_table_remove (self->queued_keys, &key);
      g_mutex_unlock (&self->signal_lock);

      emit_now (self, next.signal, next.a, next.b);
      if (g_get_monotonic_time () >= deadline)
        {
          emit_settled (self);
          return G_SOURCE_CONTINUE;
        }
    }
}

/* A change made on another thread (a consolidation import, the webhook
 * worker) is announced on the thread that made the store, where the
 * windows listen; one still waiting there is not queued twice (whoever
 * listens reads the store afresh anyway). */
static void
emit_change (PdwStore *self,
             guint     signal,
             gint64    a,
             gint64    b)
{
  QueuedSignal queued = { signal, a, b };
  gint64 key = queued_key (&queued);

  /* A companion's changes are the primary's: the windows listen there. */
  if (self->primary != NULL)
    self = self->primary;

  if (g_thread_self () == self->owner_thread)
    {
      emit_now (self, signal, a, b);
      if (self->settle_held == 0)
        emit_settled (self);
      return;
    }

  g_mutex_lock (&self->signal_lock);
  if (g_hash_table_add (self->queued_keys, g_memdup2 (&key, sizeof key)))
    g_array_append_val (self->queued, queued);
  if (!self->emit_scheduled)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, emit_queued_cb, g_object_ref (self), g_object_unref);
      g_source_set_static_name (source, "[pandawa] store changes");
      g_source_attach (source, self->owner_context);
      g_source_unref (source);
      self->emit_scheduled = TRUE;
    }
  g_mutex_unlock (&self->signal_lock);
}

void
_pdw_stmt_release (PdwStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

void
_pdw_store_changes_init (PdwStoreChanges *changes)
{
  changes->conversations = g_array_new (FALSE, FALSE, sizeof (gint64));
  changes->messages = g_array_new (FALSE, FALSE, sizeof (gint64));
  changes->complaints = g_array_new (FALSE, FALSE, sizeof (gint64));
}

void
_pdw_store_changes_clear (PdwStoreChanges *changes)
{
  g_clear_pointer (&changes->conversations, g_array_unref);
  g_clear_pointer (&changes->messages, g_array_unref);
  g_clear_pointer (&changes->complaints, g_array_unref);
}

void
_pdw_store_add_unique_id (GArray *array,
                          gint64  id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == id)
      return;

  g_array_append_val (array, id);
}

void
_pdw_store_changes_add_message (PdwStoreChanges *changes,
                                gint64        conversation_id,
                                gint64        message_id)
{
  for (guint i = 0; i + 1 < changes->messages->len; i += 2)
    if (g_array_index (changes->messages, gint64, i + 1) == message_id)
      return;

  g_array_append_val (changes->messages, conversation_id);
  g_array_append_val (changes->messages, message_id);
  _pdw_store_add_unique_id (changes->conversations, conversation_id);
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
_pdw_store_emit_conversation_changed (PdwStore *self,
                                      gint64    conversation_id)
{
  if (self->batch_changes != NULL)
    batch_add_conversation (self->batch_changes, conversation_id);
  else
    emit_change (self, CONVERSATION_CHANGED, conversation_id, 0);
}

void
_pdw_store_emit_message_changed (PdwStore *self,
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
    emit_change (self, MESSAGE_CHANGED, conversation_id, message_id);
}

void
_pdw_store_emit_complaint_changed (PdwStore *self,
                                   gint64    complaint_id)
{
  if (self->batch_changes != NULL)
    {
      if (batch_add_seen (self->batch_changes->seen_complaints, complaint_id))
        g_array_append_val (self->batch_changes->complaints, complaint_id);
    }
  else
    emit_change (self, COMPLAINT_CHANGED, complaint_id, 0);
}

void
_pdw_store_emit_settings_changed (PdwStore   *self,
                                  const char *what)
{
  g_return_if_fail (PDW_IS_STORE (self));

  g_signal_emit (self->primary != NULL ? self->primary : self, signals[SETTINGS_CHANGED], 0, what);
}

static void
emit_changes (PdwStore *self,
              GArray   *messages,
              GArray   *complaints,
              GArray   *conversations)
{
  PdwStore *listened = self->primary != NULL ? self->primary : self;
  gboolean here = g_thread_self () == listened->owner_thread;

  /* Settled once for the whole commit, not after each of its changes. */
  if (here)
    listened->settle_held++;

  for (guint i = 0; i + 1 < messages->len; i += 2)
    emit_change (self, MESSAGE_CHANGED, g_array_index (messages, gint64, i),
                 g_array_index (messages, gint64, i + 1));

  for (guint i = 0; i < complaints->len; i++)
    emit_change (self, COMPLAINT_CHANGED, g_array_index (complaints, gint64, i), 0);

  for (guint i = 0; i < conversations->len; i++)
    emit_change (self, CONVERSATION_CHANGED, g_array_index (conversations, gint64, i), 0);

  if (here && --listened->settle_held == 0 &&
      messages->len + complaints->len + conversations->len > 0)
    emit_settled (listened);
}

void
_pdw_store_changes_emit (PdwStore        *self,
                         PdwStoreChanges *changes)
{
  if (self->batch_changes != NULL)
    {
      for (guint i = 0; i + 1 < changes->messages->len; i += 2)
        _pdw_store_emit_message_changed (self,
                                         g_array_index (changes->messages, gint64, i),
                                         g_array_index (changes->messages, gint64, i + 1));
      for (guint i = 0; i < changes->complaints->len; i++)
        _pdw_store_emit_complaint_changed (self, g_array_index (changes->complaints, gint64, i));
      for (guint i = 0; i < changes->conversations->len; i++)
        _pdw_store_emit_conversation_changed (self, g_array_index (changes->conversations, gint64, i));
      return;
    }

  emit_changes (self, changes->messages, changes->complaints, changes->conversations);
}

/* ---- Helpers ------------------------------------------------------------- */

gint64
_pdw_store_now (PdwStore *self)
{
  PdwStore *leader = self->primary != NULL ? self->primary : self;
  PdwStoreClock clock;
  gpointer clock_data;

  g_mutex_lock (&leader->follow_lock);
  clock = leader->clock;
  clock_data = leader->clock_data;
  g_mutex_unlock (&leader->follow_lock);

  if (clock != NULL)
    return clock (clock_data);

  return g_get_real_time () / G_USEC_PER_SEC;
}

void
_pdw_store_set_error_from_code (PdwStore    *self,
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
_pdw_store_prepare (PdwStore    *self,
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
      _pdw_store_set_error_from_code (self, error, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Steps a statement that returns no row. */
gboolean
_pdw_store_step_done (PdwStore  *self,
                      PdwStmt   *stmt,
                      GError   **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  _pdw_store_set_error_from_code (self, error, rc);
  return FALSE;
}

gboolean
_pdw_store_step_insert (PdwStore  *self,
                        PdwStmt   *stmt,
                        gint64    *row_id,
                        GError   **error)
{
  if (!_pdw_store_step_done (self, stmt, error))
    return FALSE;

  *row_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Steps a query: TRUE with *has_row set, or FALSE with @error set. */
gboolean
_pdw_store_step_row (PdwStore  *self,
                     PdwStmt   *stmt,
                     gboolean  *has_row,
                     GError   **error)
{
  int rc = sqlite3_step (stmt);

  *has_row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  _pdw_store_set_error_from_code (self, error, rc);
  return FALSE;
}

gboolean
_pdw_store_exec (PdwStore    *self,
                 const char  *sql,
                 GError     **error)
{
  g_autoptr(PdwStmt) stmt = _pdw_store_prepare (self, sql, error);

  return stmt != NULL && _pdw_store_step_done (self, stmt, error);
}

/* Inside a batch every call is a savepoint of the batch's transaction, so
 * that a call that fails leaves nothing behind and the batch goes on. */
gboolean
_pdw_store_begin (PdwStore  *self,
                  GError   **error)
{
  if (self->in_batch)
    {
      /* SQLite rolled the whole batch back (a full disk, an I/O error): a
       * savepoint now would be a transaction of its own. */
      if (sqlite3_get_autocommit (self->db))
        {
          g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_FAILED,
                               _("An earlier error undid this batch of changes."));
          return FALSE;
        }
      if (!_pdw_store_exec (self, "SAVEPOINT pdw_call", error))
        return FALSE;
      self->savepoint_depth++;
      return TRUE;
    }

  /* IMMEDIATE takes the write lock up front, so a busy database fails here
   * rather than half-way through. */
  return _pdw_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
_pdw_store_commit (PdwStore  *self,
                   GError   **error)
{
  if (self->in_batch)
    {
      if (!_pdw_store_exec (self, "RELEASE pdw_call", error))
        return FALSE;
      self->savepoint_depth--;
      return TRUE;
    }

  return _pdw_store_exec (self, "COMMIT", error);
}

void
_pdw_store_rollback (PdwStore *self)
{
  g_autoptr(GError) error = NULL;

  if (self->in_batch)
    {
      if (self->savepoint_depth == 0)
        return;
      if (sqlite3_get_autocommit (self->db))
        {
          self->savepoint_depth--;
          return;
        }

      /* ROLLBACK TO keeps the savepoint open: release it as well. */
      if (!_pdw_store_exec (self, "ROLLBACK TO pdw_call", &error) ||
          !_pdw_store_exec (self, "RELEASE pdw_call", &error))
        g_warning ("Rollback to savepoint failed: %s", error->message);
      self->savepoint_depth--;
      return;
    }

  if (!sqlite3_get_autocommit (self->db))
    {
      if (!_pdw_store_exec (self, "ROLLBACK", &error))
        g_warning ("Rollback failed: %s", error->message);
    }
}

void
_pdw_stmt_bind_text (PdwStmt    *stmt,
                     int         index,
                     const char *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Optional integers (error codes): 0 is stored as NULL. */
void
_pdw_stmt_bind_int_or_null (PdwStmt *stmt,
                            int      index,
                            gint64   value)
{
  if (value == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

const char *
_pdw_stmt_column_text (PdwStmt *stmt,
                       int      index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

PdwDeliveryStatus
_pdw_stmt_column_delivery_status (PdwStmt *stmt,
                                  int      index)
{
  PdwDeliveryStatus status = PDW_DELIVERY_NONE;

  pdw_delivery_status_from_string (_pdw_stmt_column_text (stmt, index), &status);
  return status;
}

PdwComplaintStatus
_pdw_stmt_column_complaint_status (PdwStmt *stmt,
                                   int      index)
{
  PdwComplaintStatus status = PDW_COMPLAINT_BARU;

  pdw_complaint_status_from_string (_pdw_stmt_column_text (stmt, index), &status);
  return status;
}

void
_pdw_store_set_not_found (GError  **error,
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
_pdw_store_select_by_id (PdwStore         *self,
                         const char       *sql,
                         gint64            id,
                         PdwStoreRowKind   kind,
                         GError          **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row = FALSE;

  if (!(stmt = _pdw_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_pdw_store_step_row (self, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      _pdw_store_set_not_found (error, kind, id);
      return NULL;
    }

  return g_steal_pointer (&stmt);
}

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
  /* Closed cleanly: the next open need not check every page. */
  if (self->open_marker != NULL)
    g_unlink (self->open_marker);
  g_clear_pointer (&self->open_marker, g_free);
  g_clear_pointer (&self->path, g_free);
  g_rec_mutex_clear (&self->mutex);
  g_mutex_clear (&self->follow_lock);
  g_mutex_clear (&self->signal_lock);
  g_clear_pointer (&self->queued, g_array_unref);
  g_clear_pointer (&self->deferred_links, g_array_unref);
  g_clear_pointer (&self->queued_keys, g_hash_table_unref);
  g_clear_pointer (&self->owner_context, g_main_context_unref);
  g_clear_object (&self->primary);

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
  signals[CHANGES_SETTLED] =
    g_signal_new ("changes-settled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
pdw_store_init (PdwStore *self)
{
  g_rec_mutex_init (&self->mutex);
  g_mutex_init (&self->follow_lock);
  g_mutex_init (&self->signal_lock);
  self->queued = g_array_new (FALSE, FALSE, sizeof (QueuedSignal));
  self->deferred_links = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->queued_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->owner_thread = g_thread_self ();
  self->owner_context = g_main_context_ref_thread_default ();
  self->sla_policy.unit = PDW_SLA_CLOCK_HOURS;
  self->sla_policy.amount = PDW_SLA_DEFAULT_HOURS;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
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
  g_mutex_lock (&self->follow_lock);
  self->clock = clock;
  self->clock_data = clock != NULL ? user_data : NULL;
  g_mutex_unlock (&self->follow_lock);
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

  if (!_pdw_store_exec (self, "BEGIN IMMEDIATE", error))
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
  if (!_pdw_store_exec (self, "COMMIT", error))
    {
      _pdw_store_rollback (self);
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

  if (!self->link_deferred_by_caller)
    {
      g_autoptr(GError) link_error = NULL;

      if (!pdw_store_link_deferred (self, &link_error))
        g_warning ("Messages stored, but not linked to complaints by NIK: %s", link_error->message);
    }
  return TRUE;
}

void
pdw_store_set_link_deferred_by_caller (PdwStore *self,
                                       gboolean  by_caller)
{
  g_return_if_fail (PDW_IS_STORE (self));

  self->link_deferred_by_caller = by_caller;
}
