/* pdw-store-conversations.c: the queue's conversations and their
 * messages, read marks, WhatsApp numbers and merged numbers.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "pdw-store-private.h"

/* ---- The queue and its messages ------------------------------------------- */

GPtrArray *
pdw_store_list_conversations (PdwStore  *self,
                              GError   **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pdw_store_query_list (self, CONVERSATION_SELECT " WHERE c.merged_into IS NULL"
                                " ORDER BY c.last_message_at DESC, c.id DESC",
                                PDW_SQL_NO_ARGS,
                                (PdwStoreRowBuilder) _pdw_store_conversation_from_row, error);
}

/* ---- The queue's filters, in SQL ------------------------------------------ *
 *
 * Every filter has two forms: the ordered keys of all its conversations,
 * each source read through its own index (a UNION instead of an OR, which
 * SQLite would answer with a scan), and one conversation's match, so that a
 * change moves a single row.  Parameters: ?1 the pinned conversation, ?2
 * inbound since (working set), ?3 now, ?4 the due-soon threshold, ?5 the
 * conversation to match, ?6 the duty officer's name. */

#define OPEN_STATUS  "status NOT IN ('selesai', 'ditolak')"
/* As pdw_conversation_classify_sla(): a due time runs while the file is open
 * and not waiting on the citizen (the complaints_by_due index). */
#define RUNNING_DUE  "due_at > 0 AND status NOT IN ('selesai', 'ditolak', 'rujuk_biometrik')"
/* Belum dibalas: the citizen's newest message came after the officer's
 * newest reply (the automatic reply answers nothing). */
#define UNANSWERED   "c.last_inbound_id > " LAST_OFFICER_REPLY_ID
/* Milik saya: the file's holder (its officer until it is handed on) is the
 * duty officer, ?6. */
#define HELD_BY_ME   "COALESCE (p.holder, p.assigned_officer) = ?6"

/* The indexes are named: without statistics SQLite would rather search
 * conversations_by_merged_into for "merged_into IS NULL", which is every
 * row. */
#define KEYS_OF(index, where) \
  "SELECT c.id, c.last_message_at FROM conversations c INDEXED BY " index \
  " WHERE c.merged_into IS NULL AND " where
#define KEYS_OF_COMPLAINTS(index, where) \
  "SELECT c.id, c.last_message_at FROM complaints p INDEXED BY " index \
  "  CROSS JOIN conversations c INDEXED BY conversations_by_complaint ON c.complaint_id = p.id" \
  " WHERE c.merged_into IS NULL AND " where
#define KEYS_PINNED \
  " UNION SELECT c.id, c.last_message_at FROM conversations c NOT INDEXED" \
  " WHERE c.merged_into IS NULL AND c.id = ?1"
#define KEYS_ORDER    " ORDER BY 2 DESC, 1 DESC"

/* The working set's three sources (each through its own index), each
 * narrowed by @and. */
#define WORKING_SET_KEYS(and) \
  KEYS_OF ("conversations_recent_inbound", "c.last_inbound_time >= ?2" and) \
  " UNION " KEYS_OF ("conversations_unread", "c.last_inbound_id > c.read_marker_id" and) \
  " UNION " KEYS_OF_COMPLAINTS ("complaints_open", "p." OPEN_STATUS and)
#define WORKING_SET_MATCH \
  "(c.last_inbound_time >= ?2 OR c.last_inbound_id > c.read_marker_id OR " \
  COMPLAINT_MATCHES ("p." OPEN_STATUS) ")"
#define DUE_BY(limit) "p." RUNNING_DUE " AND p.due_at " limit

#define MATCH_OF(expr) \
  "SELECT c.last_message_at, c.merged_into IS NULL AND (c.id = ?1 OR " expr ")" \
  "  FROM conversations c WHERE c.id = ?5"
#define COMPLAINT_MATCHES(where) \
  "EXISTS (SELECT 1 FROM complaints p WHERE p.id = c.complaint_id AND " where ")"

/* Each filter's conversations, unordered and without the pinned one:
 * what the keys list and the tabs count. */
#define SRC_WORKING_SET  WORKING_SET_KEYS ("")
#define SRC_OPEN         KEYS_OF_COMPLAINTS ("complaints_open", "p." OPEN_STATUS)
#define SRC_DUE_SOON     KEYS_OF_COMPLAINTS ("complaints_by_due", DUE_BY (">= ?3 AND p.due_at <= ?3 + ?4"))
#define SRC_OVERDUE      KEYS_OF_COMPLAINTS ("complaints_by_due", DUE_BY ("< ?3"))
#define SRC_ARCHIVE      KEYS_OF ("conversations_queue", "1")
#define SRC_UNANSWERED   WORKING_SET_KEYS (" AND " UNANSWERED)
#define SRC_MINE         KEYS_OF_COMPLAINTS ("complaints_open", "p." OPEN_STATUS " AND " HELD_BY_ME)
#define SRC_ATTENTION    KEYS_OF_COMPLAINTS ("complaints_by_due", DUE_BY ("<= ?3 + ?4"))

#define COUNT_OF(src) "SELECT count(*) FROM (" src ")"

static const struct
{
  const char *keys;
  const char *match;
  const char *count;
} filter_sql[] = {
  [PDW_CONVERSATION_FILTER_WORKING_SET] = {
    SRC_WORKING_SET KEYS_PINNED KEYS_ORDER,
    MATCH_OF (WORKING_SET_MATCH),
    COUNT_OF (SRC_WORKING_SET),
  },
  [PDW_CONVERSATION_FILTER_OPEN] = {
    SRC_OPEN KEYS_PINNED KEYS_ORDER,
    MATCH_OF (COMPLAINT_MATCHES ("p." OPEN_STATUS)),
    COUNT_OF (SRC_OPEN),
  },
  [PDW_CONVERSATION_FILTER_DUE_SOON] = {
    SRC_DUE_SOON KEYS_PINNED KEYS_ORDER,
    MATCH_OF (COMPLAINT_MATCHES (DUE_BY (">= ?3 AND p.due_at <= ?3 + ?4"))),
    COUNT_OF (SRC_DUE_SOON),
  },
  [PDW_CONVERSATION_FILTER_OVERDUE] = {
    SRC_OVERDUE KEYS_PINNED KEYS_ORDER,
    MATCH_OF (COMPLAINT_MATCHES (DUE_BY ("< ?3"))),
    COUNT_OF (SRC_OVERDUE),
  },
  [PDW_CONVERSATION_FILTER_ARCHIVE] = {
    SRC_ARCHIVE KEYS_ORDER,
    MATCH_OF ("1"),
    COUNT_OF (SRC_ARCHIVE),
  },
  [PDW_CONVERSATION_FILTER_UNANSWERED] = {
    SRC_UNANSWERED KEYS_PINNED KEYS_ORDER,
    MATCH_OF (WORKING_SET_MATCH " AND " UNANSWERED),
    COUNT_OF (SRC_UNANSWERED),
  },
  [PDW_CONVERSATION_FILTER_MINE] = {
    SRC_MINE KEYS_PINNED KEYS_ORDER,
    MATCH_OF (COMPLAINT_MATCHES ("p." OPEN_STATUS " AND " HELD_BY_ME)),
    COUNT_OF (SRC_MINE),
  },
  [PDW_CONVERSATION_FILTER_ATTENTION] = {
    SRC_ATTENTION KEYS_PINNED KEYS_ORDER,
    MATCH_OF (COMPLAINT_MATCHES (DUE_BY ("<= ?3 + ?4"))),
    COUNT_OF (SRC_ATTENTION),
  },
};

G_STATIC_ASSERT (G_N_ELEMENTS (filter_sql) == PDW_N_CONVERSATION_FILTERS);

static PdwStmt *
prepare_filter (PdwStore                    *self,
                const char                  *sql,
                const PdwConversationQuery  *query,
                GError                     **error)
{
  PdwStmt *stmt = _pdw_store_prepare (self, sql, error);
  int n_params;

  if (stmt == NULL)
    return NULL;

  /* Each form uses some of the parameters; binding past the last one
   * would be SQLITE_RANGE. */
  n_params = sqlite3_bind_parameter_count (stmt);
  if (n_params >= 1)
    sqlite3_bind_int64 (stmt, 1, query->pinned_id);
  if (n_params >= 2)
    sqlite3_bind_int64 (stmt, 2, query->inbound_since);
  if (n_params >= 3)
    sqlite3_bind_int64 (stmt, 3, query->now);
  if (n_params >= 4)
    sqlite3_bind_int64 (stmt, 4, query->due_soon_seconds);
  if (n_params >= 6)
    _pdw_stmt_bind_text (stmt, 6, query->officer);

  return stmt;
}

GArray *
pdw_store_list_conversation_keys (PdwStore                    *self,
                                  const PdwConversationQuery  *query,
                                  GError                     **error)
{
  g_autoptr(GArray) keys = NULL;
  PdwStmt *stmt;
  gboolean has_row = FALSE;
  gboolean ok = FALSE;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL && query->filter < PDW_N_CONVERSATION_FILTERS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  keys = g_array_new (FALSE, FALSE, sizeof (PdwConversationKey));

  g_rec_mutex_lock (&self->mutex);
  if ((stmt = prepare_filter (self, filter_sql[query->filter].keys, query, error)))
    {
      while ((ok = _pdw_store_step_row (self, stmt, &has_row, error)) && has_row)
        {
          PdwConversationKey key = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

          g_array_append_val (keys, key);
        }
      _pdw_stmt_release (stmt);
    }
  g_rec_mutex_unlock (&self->mutex);

  return ok ? g_steal_pointer (&keys) : NULL;
}

gboolean
pdw_store_match_conversation (PdwStore                    *self,
                              const PdwConversationQuery  *query,
                              gint64                       conversation_id,
                              PdwConversationKey          *key,
                              gboolean                    *matches,
                              GError                     **error)
{
  PdwStmt *stmt;
  gboolean has_row = FALSE;
  gboolean ok = FALSE;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL && query->filter < PDW_N_CONVERSATION_FILTERS, FALSE);
  g_return_val_if_fail (key != NULL && matches != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *matches = FALSE;
  key->id = conversation_id;
  key->time = 0;

  g_rec_mutex_lock (&self->mutex);
  if ((stmt = prepare_filter (self, filter_sql[query->filter].match, query, error)))
    {
      sqlite3_bind_int64 (stmt, 5, conversation_id);
      ok = _pdw_store_step_row (self, stmt, &has_row, error);
      if (ok && has_row)
        {
          key->time = sqlite3_column_int64 (stmt, 0);
          *matches = sqlite3_column_int (stmt, 1) != 0;
        }
      _pdw_stmt_release (stmt);
    }
  g_rec_mutex_unlock (&self->mutex);

  return ok;
}

/* Unread: something the citizen wrote that the officer has neither seen
 * nor answered (the queue's badge). */
#define UNREAD_COUNT_SQL \
  "SELECT count(*) FROM conversations c INDEXED BY conversations_unread" \
  " WHERE c.merged_into IS NULL AND c.last_inbound_id > c.read_marker_id" \
  "   AND c.last_inbound_id > " LAST_OFFICER_REPLY_ID

static gboolean
count_locked (PdwStore                    *self,
              const char                  *sql,
              const PdwConversationQuery  *query,
              guint                       *count,
              GError                     **error)
{
  PdwStmt *stmt;
  gboolean has_row = FALSE;
  gboolean ok = FALSE;

  if ((stmt = prepare_filter (self, sql, query, error)))
    {
      ok = _pdw_store_step_row (self, stmt, &has_row, error);
      *count = ok && has_row ? (guint) sqlite3_column_int64 (stmt, 0) : 0;
      _pdw_stmt_release (stmt);
    }

  return ok;
}

gboolean
pdw_store_count_inbox (PdwStore                    *self,
                       const PdwConversationQuery  *query,
                       PdwInboxCounts              *counts,
                       GError                     **error)
{
  static const PdwConversationFilter tabs[] = {
    PDW_CONVERSATION_FILTER_WORKING_SET, PDW_CONVERSATION_FILTER_UNANSWERED,
    PDW_CONVERSATION_FILTER_MINE, PDW_CONVERSATION_FILTER_ATTENTION,
  };
  guint *slots[] = { &counts->all, &counts->unanswered, &counts->mine, &counts->attention };
  gboolean ok = TRUE;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL && counts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (counts, 0, sizeof *counts);

  g_rec_mutex_lock (&self->mutex);
  for (guint i = 0; ok && i < G_N_ELEMENTS (tabs); i++)
    ok = count_locked (self, filter_sql[tabs[i]].count, query, slots[i], error);
  if (ok)
    ok = count_locked (self, UNREAD_COUNT_SQL, query, &counts->unread, error);
  g_rec_mutex_unlock (&self->mutex);

  return ok;
}

typedef struct
{
  PdwConversationQuery query;
  char *officer;
} CountData;

static void
count_data_free (CountData *data)
{
  g_free (data->officer);
  g_free (data);
}

static void
count_inbox_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  CountData *data = task_data;
  PdwInboxCounts *counts = g_new0 (PdwInboxCounts, 1);
  GError *error = NULL;

  if (pdw_store_count_inbox (source_object, &data->query, counts, &error))
    g_task_return_pointer (task, counts, g_free);
  else
    {
      g_free (counts);
      g_task_return_error (task, error);
    }
}

void
pdw_store_count_inbox_async (PdwStore                    *self,
                             const PdwConversationQuery  *query,
                             GCancellable                *cancellable,
                             GAsyncReadyCallback          callback,
                             gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  CountData *data;

  g_return_if_fail (PDW_IS_STORE (self));
  g_return_if_fail (query != NULL);

  data = g_new0 (CountData, 1);
  data->query = *query;
  data->officer = g_strdup (query->officer);
  data->query.officer = data->officer;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_store_count_inbox_async);
  g_task_set_task_data (task, data, (GDestroyNotify) count_data_free);
  g_task_run_in_thread (task, count_inbox_thread);
}

gboolean
pdw_store_count_inbox_finish (PdwStore        *self,
                              GAsyncResult    *result,
                              PdwInboxCounts  *counts,
                              GError         **error)
{
  g_autofree PdwInboxCounts *found = NULL;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found == NULL)
    return FALSE;

  *counts = *found;
  return TRUE;
}

gint64
pdw_store_get_last_message_id (PdwStore  *self,
                               GError   **error)
{
  g_auto(PdwSqlValue) value = { 0 };

  g_return_val_if_fail (PDW_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_pdw_store_query_value (self, "SELECT COALESCE (max (id), 0) FROM messages",
                               PDW_SQL_NO_ARGS, &value, error))
    return 0;

  return value.number;
}

GPtrArray *
pdw_store_list_conversations_by_id (PdwStore      *self,
                                    const gint64  *ids,
                                    guint          n_ids,
                                    GError       **error)
{
  g_autoptr(GString) json = g_string_new ("[");

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One statement for any number of ids: they go in as a JSON array. */
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');

  return _pdw_store_query_list (self, CONVERSATION_SELECT
                                " WHERE c.id IN (SELECT value FROM json_each (?1))"
                                "   AND c.merged_into IS NULL",
                                PDW_SQL_ARGS (PDW_SQL_TEXT (json->str)),
                                (PdwStoreRowBuilder) _pdw_store_conversation_from_row, error);
}

PdwConversation *
pdw_store_dup_conversation (PdwStore  *self,
                            gint64     conversation_id,
                            GError   **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A conversation merged into another has left the queue: NOT_FOUND, so
   * that list models drop its row. */
  return _pdw_store_query_by_id (self, CONVERSATION_SELECT " WHERE c.id = ?1 AND c.merged_into IS NULL",
                                 conversation_id,
                                 (PdwStoreRowBuilder) _pdw_store_conversation_from_row,
                                 PDW_STORE_ROW_CONVERSATION, error);
}

GPtrArray *
pdw_store_list_messages (PdwStore  *self,
                         gint64     conversation_id,
                         GError   **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pdw_store_query_list (self, MESSAGE_SELECT " WHERE conversation_id = ?1 ORDER BY timestamp, id",
                                PDW_SQL_ARGS (PDW_SQL_INT (conversation_id)),
                                (PdwStoreRowBuilder) _pdw_store_message_from_row, error);
}

GPtrArray *
pdw_store_list_messages_before (PdwStore  *self,
                                gint64     conversation_id,
                                gint64     before_timestamp,
                                gint64     before_id,
                                guint      limit,
                                GError   **error)
{
  GPtrArray *rows;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Read backwards along messages_by_conversation from the bound: a page
   * costs the same at the end of a conversation of thousands. */
  rows = _pdw_store_query_list (self, MESSAGE_SELECT " WHERE conversation_id = ?1 AND (timestamp, id) < (?2, ?3)"
                                      " ORDER BY timestamp DESC, id DESC LIMIT ?4",
                                PDW_SQL_ARGS (PDW_SQL_INT (conversation_id), PDW_SQL_INT (before_timestamp),
                                              PDW_SQL_INT (before_id), PDW_SQL_INT (limit)),
                                (PdwStoreRowBuilder) _pdw_store_message_from_row, error);
  if (rows == NULL)
    return NULL;

  /* Oldest first, as the conversation reads. */
  for (guint i = 0, j = rows->len; i + 1 < j; i++, j--)
    {
      gpointer swap = rows->pdata[i];

      rows->pdata[i] = rows->pdata[j - 1];
      rows->pdata[j - 1] = swap;
    }

  return rows;
}

PdwMessage *
pdw_store_dup_message (PdwStore  *self,
                       gint64     message_id,
                       GError   **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pdw_store_query_by_id (self, MESSAGE_SELECT " WHERE id = ?1", message_id,
                                 (PdwStoreRowBuilder) _pdw_store_message_from_row,
                                 PDW_STORE_ROW_MESSAGE, error);
}

static gboolean
mark_read_locked (PdwStore  *self,
                  gint64     conversation_id,
                  GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = _pdw_store_prepare (self,
                                   "UPDATE conversations SET read_marker_id ="
                                   "  (SELECT COALESCE (MAX (id), 0) FROM messages WHERE conversation_id = ?1)"
                                   " WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  if (!_pdw_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      _pdw_store_set_not_found (error, PDW_STORE_ROW_CONVERSATION, conversation_id);
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
    _pdw_store_emit_conversation_changed (self, conversation_id);

  return ret;
}


/* ---- Merged numbers -------------------------------------------------------- */

static gboolean
exec_with_two_ids (PdwStore    *self,
                   const char  *sql,
                   gint64       first,
                   gint64       second,
                   GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = _pdw_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, second);
  return _pdw_store_step_done (self, stmt, error);
}

static gboolean
merge_locked (PdwStore        *self,
              gint64           into_id,
              gint64           from_id,
              const PdwActor  *actor,
              gint64          *complaint_id,
              GError         **error)
{
  g_autofree char *from_number = NULL;
  gint64 into_contact = 0, from_contact = 0;
  gint64 into_merged = 0, from_merged = 0;
  gint64 into_complaint = 0, from_complaint = 0;
  gint64 now = _pdw_store_now (self);

  if (!_pdw_store_begin (self, error))
    return FALSE;

  if (!_pdw_store_dup_conversation_number (self, into_id, NULL, &into_contact, &into_merged, error) ||
      !_pdw_store_dup_conversation_number (self, from_id, &from_number, &from_contact, &from_merged, error))
    goto failed;

  if (into_merged != 0 || from_merged != 0)
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("This conversation was already merged into another one."));
      goto failed;
    }

  if (!_pdw_store_find_open_complaint_of_conversation (self, into_id, &into_complaint, error) ||
      !_pdw_store_find_open_complaint_of_conversation (self, from_id, &from_complaint, error))
    goto failed;

  if (into_complaint != 0 && from_complaint != 0 && into_complaint != from_complaint)
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("Both conversations have an open complaint: link the conversation "
                             "to one complaint instead of merging."));
      goto failed;
    }

  /* Each message keeps the number it came from; then everything that
   * pointed at @from (it may have absorbed numbers itself) points at @into,
   * so that ingestion finds the absorbing conversation in one step. */
  {
    g_autoptr(PdwStmt) move = NULL;

    if (!(move = _pdw_store_prepare (self,
                                     "UPDATE messages SET contact_id = COALESCE (contact_id, ?2),"
                                     "  conversation_id = ?1 WHERE conversation_id = ?3", error)))
      goto failed;
    sqlite3_bind_int64 (move, 1, into_id);
    sqlite3_bind_int64 (move, 2, from_contact);
    sqlite3_bind_int64 (move, 3, from_id);
    if (!_pdw_store_step_done (self, move, error))
      goto failed;
  }

  if (!exec_with_two_ids (self,
                          "UPDATE contacts SET merged_into = ?1 WHERE id = ?2 OR merged_into = ?2",
                          into_contact, from_contact, error) ||
      !exec_with_two_ids (self,
                          "UPDATE conversations SET merged_into = ?1 WHERE id = ?2 OR merged_into = ?2",
                          into_id, from_id, error) ||
      !exec_with_two_ids (self,
                          "UPDATE conversations SET last_inbound_time ="
                          "  max (last_inbound_time, (SELECT last_inbound_time FROM conversations WHERE id = ?2))"
                          " WHERE id = ?1",
                          into_id, from_id, error))
    goto failed;

  /* The file moves with the citizen into the conversation that stays. */
  if (into_complaint == 0 && from_complaint != 0)
    {
      if (!_pdw_store_set_conversation_complaint (self, into_id, from_complaint, error))
        goto failed;
      into_complaint = from_complaint;
    }

  if (into_complaint != 0 &&
      !_pdw_store_append_card_line (self, into_complaint, now, actor, "merge_contact", from_number, error))
    goto failed;

  if (!_pdw_store_commit (self, error))
    goto failed;

  *complaint_id = into_complaint;
  return TRUE;

failed:
  _pdw_store_rollback (self);
  return FALSE;
}

gboolean
pdw_store_merge_conversations (PdwStore        *self,
                               gint64           into_id,
                               gint64           from_id,
                               const PdwActor  *actor,
                               GError         **error)
{
  g_autoptr(GArray) conversations = NULL;
  gint64 complaint_id = 0;
  gboolean ok;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_pdw_store_check_actor (actor, error))
    return FALSE;

  if (into_id == from_id)
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("A conversation cannot be merged with itself."));
      return FALSE;
    }

  g_rec_mutex_lock (&self->mutex);
  ok = merge_locked (self, into_id, from_id, actor, &complaint_id, error);
  g_rec_mutex_unlock (&self->mutex);

  if (!ok)
    return FALSE;

  if (complaint_id != 0)
    _pdw_store_emit_complaint_changed (self, complaint_id);
  _pdw_store_emit_conversation_changed (self, from_id);
  _pdw_store_emit_conversation_changed (self, into_id);
  return TRUE;
}

GStrv
pdw_store_dup_conversation_numbers (PdwStore  *self,
                                    gint64     conversation_id,
                                    GError   **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row = FALSE;
  gboolean ok = FALSE;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_rec_mutex_lock (&self->mutex);
  if (_pdw_store_conversation_exists (self, conversation_id, error) &&
      (stmt = _pdw_store_prepare (self,
                                  "SELECT COALESCE (k.wa_id, k.user_id), c.id <> ?1"
                                  "  FROM conversations c JOIN contacts k ON k.id = c.contact_id"
                                  " WHERE c.id = ?1 OR c.merged_into = ?1"
                                  " ORDER BY 2, c.id", error)))
    {
      sqlite3_bind_int64 (stmt, 1, conversation_id);
      while ((ok = _pdw_store_step_row (self, stmt, &has_row, error)) && has_row)
        if (_pdw_stmt_column_text (stmt, 0) != NULL)
          g_strv_builder_add (builder, _pdw_stmt_column_text (stmt, 0));
    }
  g_clear_pointer (&stmt, _pdw_stmt_release);
  g_rec_mutex_unlock (&self->mutex);

  if (!ok)
    return NULL;

  return g_strv_builder_end (builder);
}



gint64
pdw_store_find_conversation_by_wa_id (PdwStore    *self,
                                      const char  *wa_id,
                                      GError     **error)
{
  g_auto(PdwSqlValue) value = { 0 };

  g_return_val_if_fail (PDW_IS_STORE (self), -1);
  g_return_val_if_fail (wa_id != NULL, -1);

  /* A merged number answers with the conversation that absorbed it. */
  if (!_pdw_store_query_value (self,
                               "SELECT COALESCE (c.merged_into, c.id)"
                               "  FROM contacts k JOIN conversations c ON c.contact_id = k.id"
                               " WHERE k.wa_id = ?1",
                               PDW_SQL_ARGS (PDW_SQL_TEXT (wa_id)), &value, error))
    return -1;

  return value.found ? value.number : 0;
}

