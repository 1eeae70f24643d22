/* pdw-store-conversations.c: the queue's conversations and their
 * messages, read marks, WhatsApp numbers and merged numbers.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "pdw-store-private.h"

/* ---- The queue and its messages ------------------------------------------- */

GPtrArray *
pdw_store_list_conversations (PdwStore  *self,
                              GError   **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pdw_store_query_list (self, CONVERSATION_SELECT " WHERE c.merged_into IS NULL"
                                " ORDER BY 7 DESC, c.id DESC",
                                PDW_SQL_NO_ARGS,
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

