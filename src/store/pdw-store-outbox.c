/* pdw-store-outbox.c: what goes out: replies typed by an officer,
 * template messages and the automatic reply, queued before anything is
 * sent, and what the gateway reports back for each attempt.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "pdw-store-private.h"

/* ---- Outbox ---------------------------------------------------------------- */

gboolean
_pdw_store_insert_outgoing (PdwStore    *self,
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
  gint64 now = _pdw_store_now (self);

  if (!_pdw_store_conversation_exists (self, conversation_id, error))
    return FALSE;

  if (!(stmt = _pdw_store_prepare (self,
                                   "INSERT INTO messages (conversation_id, direction, type, text,"
                                   "  timestamp, received_at, status, officer_name, next_attempt_at,"
                                   "  template_name, template_language, template_params)"
                                   " VALUES (?1, 'out', ?5, ?2, ?3, ?3, 'queued', ?4, ?3, ?6, ?7, ?8)", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  _pdw_stmt_bind_text (stmt, 2, text);
  sqlite3_bind_int64 (stmt, 3, now);
  _pdw_stmt_bind_text (stmt, 4, officer_name);
  _pdw_stmt_bind_text (stmt, 5, type);
  _pdw_stmt_bind_text (stmt, 6, template_name);
  _pdw_stmt_bind_text (stmt, 7, template_language);
  _pdw_stmt_bind_text (stmt, 8, template_params_json);
  return _pdw_store_step_insert (self, stmt, message_id, error);
}

/* A message changed, and with it its conversation's row in the queue. */
static void
announce_message (PdwStore *self,
                  gint64    conversation_id,
                  gint64    message_id)
{
  _pdw_store_emit_message_changed (self, conversation_id, message_id);
  _pdw_store_emit_conversation_changed (self, conversation_id);
}

/* Queues one message in its own transaction and announces it. */
static gint64
queue_outgoing (PdwStore    *self,
                gint64       conversation_id,
                const char  *type,
                const char  *text,
                const char  *officer_name,
                const char  *template_name,
                const char  *template_language,
                const char  *template_params_json,
                GError     **error)
{
  gint64 message_id = 0;
  gboolean ok;

  g_rec_mutex_lock (&self->mutex);
  ok = _pdw_store_insert_outgoing (self, conversation_id, type, text, officer_name,
                                   template_name, template_language, template_params_json,
                                   &message_id, error);
  g_rec_mutex_unlock (&self->mutex);

  if (!ok)
    return 0;

  announce_message (self, conversation_id, message_id);
  return message_id;
}

static gboolean
check_not_empty (const char  *text,
                 GError     **error)
{
  if (*text != '\0')
    return TRUE;

  g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                       _("An empty message cannot be sent."));
  return FALSE;
}

gint64
pdw_store_queue_outgoing_text (PdwStore    *self,
                               gint64       conversation_id,
                               const char  *text,
                               const char  *officer_name,
                               GError     **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), 0);
  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_not_empty (text, error))
    return 0;

  return queue_outgoing (self, conversation_id, "text", text, officer_name, NULL, NULL, NULL, error);
}

static gboolean
queue_survey_question_locked (PdwStore        *self,
                              gint64           conversation_id,
                              gint64           complaint_id,
                              const char      *text,
                              const PdwActor  *actor,
                              gint64          *message_id,
                              gboolean        *asked,
                              GError         **error)
{
  if (!_pdw_store_begin (self, error))
    return FALSE;

  if (!_pdw_store_insert_outgoing (self, conversation_id, "text", text, actor->name,
                                   NULL, NULL, NULL, message_id, error) ||
      !_pdw_store_mark_survey_asked (self, complaint_id, _pdw_store_now (self), actor, asked, error) ||
      !_pdw_store_commit (self, error))
    {
      _pdw_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

gint64
pdw_store_queue_survey_question (PdwStore        *self,
                                 gint64           conversation_id,
                                 gint64           complaint_id,
                                 const char      *text,
                                 const PdwActor  *actor,
                                 gboolean        *asked,
                                 GError         **error)
{
  gint64 message_id = 0;
  gboolean recorded = FALSE;
  gboolean ok;

  g_return_val_if_fail (PDW_IS_STORE (self), 0);
  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (asked != NULL)
    *asked = FALSE;

  if (!_pdw_store_check_actor (actor, error) || !check_not_empty (text, error))
    return 0;

  g_rec_mutex_lock (&self->mutex);
  ok = queue_survey_question_locked (self, conversation_id, complaint_id, text, actor,
                                     &message_id, &recorded, error);
  g_rec_mutex_unlock (&self->mutex);

  if (!ok)
    return 0;

  announce_message (self, conversation_id, message_id);
  if (recorded)
    _pdw_store_emit_complaint_changed (self, complaint_id);
  if (asked != NULL)
    *asked = recorded;
  return message_id;
}

GPtrArray *
pdw_store_list_due_outgoing (PdwStore  *self,
                             gint64     now,
                             GError   **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pdw_store_query_list (self,
                                MESSAGE_SELECT
                                " WHERE status = 'queued' AND next_attempt_at <= ?1"
                                " ORDER BY next_attempt_at, id",
                                PDW_SQL_ARGS (PDW_SQL_INT (now)),
                                (PdwStoreRowBuilder) _pdw_store_message_from_row, error);
}

char *
pdw_store_dup_conversation_wa_id (PdwStore  *self,
                                  gint64     conversation_id,
                                  GError   **error)
{
  g_auto(PdwSqlValue) value = { 0 };

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Replies go to the number the citizen wrote from last (conversations
   * may hold several numbers once merged). */
  if (!_pdw_store_query_value (self,
                               "SELECT COALESCE ((SELECT COALESCE (mk.wa_id, k.wa_id) FROM messages m"
                               "                   LEFT JOIN contacts mk ON mk.id = m.contact_id"
                               "                  WHERE m.conversation_id = c.id AND m.direction = 'in'"
                               "                  ORDER BY m.timestamp DESC, m.id DESC LIMIT 1),"
                               "                 k.wa_id)"
                               "  FROM conversations c"
                               "  JOIN contacts k ON k.id = c.contact_id WHERE c.id = ?1",
                               PDW_SQL_ARGS (PDW_SQL_INT (conversation_id)), &value, error))
    return NULL;

  if (!value.found)
    _pdw_store_set_not_found (error, PDW_STORE_ROW_CONVERSATION, conversation_id);
  else if (value.is_null)
    g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND,
                         _("This citizen's WhatsApp number is not known (only a user id)."));

  return g_steal_pointer (&value.text);
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

  if (!(stmt = _pdw_store_select_by_id (self, "SELECT conversation_id, status, direction FROM messages WHERE id = ?1",
                                        message_id, PDW_STORE_ROW_MESSAGE, error)))
    return FALSE;

  if (g_strcmp0 (_pdw_stmt_column_text (stmt, 2), "out") != 0)
    {
      g_autofree char *id_str = g_strdup_printf ("%" G_GINT64_FORMAT, message_id);

      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("Message %s is not an outgoing message."), id_str);
      return FALSE;
    }

  *conversation_id = sqlite3_column_int64 (stmt, 0);
  *status = _pdw_stmt_column_delivery_status (stmt, 1);
  return TRUE;
}

/* Reads an outgoing message's conversation, and fails with INVALID unless
 * it is QUEUED or FAILED as @expected says. */
static gboolean
require_outgoing_status (PdwStore           *self,
                         gint64              message_id,
                         PdwDeliveryStatus   expected,
                         gint64             *conversation_id,
                         GError            **error)
{
  g_autofree char *id_str = NULL;
  PdwDeliveryStatus status;

  if (!get_outgoing_state (self, message_id, conversation_id, &status, error))
    return FALSE;
  if (status == expected)
    return TRUE;

  id_str = g_strdup_printf ("%" G_GINT64_FORMAT, message_id);
  if (expected == PDW_DELIVERY_QUEUED)
    g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                 _("Message %s is not waiting to be sent."), id_str);
  else
    g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                 _("Message %s has not failed."), id_str);
  return FALSE;
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

  if (!(stmt = _pdw_store_prepare (self,
                                   "SELECT status, timestamp, error_code, error_title, error_details"
                                   "  FROM pending_statuses WHERE wamid = ?1 ORDER BY timestamp, id",
                                   error)))
    return NULL;

  _pdw_stmt_bind_text (stmt, 1, wamid);
  while ((ok = _pdw_store_step_row (self, stmt, &has_row, error)) && has_row)
    {
      PendingStatus *p = g_new0 (PendingStatus, 1);

      p->status = _pdw_stmt_column_delivery_status (stmt, 0);
      p->timestamp = sqlite3_column_int64 (stmt, 1);
      p->error_code = sqlite3_column_int (stmt, 2);
      p->error_title = g_strdup (_pdw_stmt_column_text (stmt, 3));
      p->error_details = g_strdup (_pdw_stmt_column_text (stmt, 4));
      g_ptr_array_add (pending, p);
    }

  if (!ok)
    return NULL;

  if (!(delete = _pdw_store_prepare (self, "DELETE FROM pending_statuses WHERE wamid = ?1", error)))
    return NULL;

  _pdw_stmt_bind_text (delete, 1, wamid);
  if (!_pdw_store_step_done (self, delete, error))
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
  gint64 now = _pdw_store_now (self);

  if (!_pdw_store_begin (self, error))
    return FALSE;

  if (!get_outgoing_state (self, message_id, conversation_id, &status, error) ||
      !_pdw_store_find_message_by_wamid (self, wamid, &other_id, NULL, NULL, error))
    goto failed;

  if (other_id != 0 && other_id != message_id)
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("The message id “%s” already belongs to another message."), wamid);
      goto failed;
    }

  if (!(stmt = _pdw_store_prepare (self,
                                   "UPDATE messages SET wamid = ?2, attempts = attempts + 1,"
                                   "  next_attempt_at = NULL, claimed_by = NULL, claim_expires_at = NULL,"
                                   "  status = CASE WHEN ?3 THEN 'accepted' ELSE status END,"
                                   "  status_time = CASE WHEN ?3 THEN ?4 ELSE status_time END"
                                   " WHERE id = ?1", error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, message_id);
  _pdw_stmt_bind_text (stmt, 2, wamid);
  sqlite3_bind_int (stmt, 3, pdw_delivery_status_can_advance (status, PDW_DELIVERY_ACCEPTED));
  sqlite3_bind_int64 (stmt, 4, now);
  if (!_pdw_store_step_done (self, stmt, error))
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

      if (!_pdw_store_apply_status (self, message_id, status, p->status, p->timestamp,
                         p->error_code, p->error_title, p->error_details, &applied, error))
        goto failed;
      if (applied)
        status = p->status;
    }

  if (!_pdw_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  _pdw_store_rollback (self);
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
    announce_message (self, conversation_id, message_id);

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

  if (!_pdw_store_begin (self, error))
    return FALSE;

  if (!require_outgoing_status (self, message_id, PDW_DELIVERY_QUEUED, conversation_id, error))
    goto failed;

  if (!(stmt = _pdw_store_prepare (self,
                                   "UPDATE messages SET attempts = attempts + 1,"
                                   "  last_error_code = ?2, last_error = ?3,"
                                   "  claimed_by = NULL, claim_expires_at = NULL, failure_handled_at = NULL,"
                                   "  status = CASE WHEN ?4 THEN 'failed' ELSE status END,"
                                   "  error_code = CASE WHEN ?4 THEN ?2 ELSE error_code END,"
                                   "  error_title = CASE WHEN ?4 THEN ?3 ELSE error_title END,"
                                   "  status_time = CASE WHEN ?4 THEN ?6 ELSE status_time END,"
                                   "  next_attempt_at = CASE WHEN ?4 THEN NULL ELSE ?5 END"
                                   " WHERE id = ?1", error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, message_id);
  _pdw_stmt_bind_int_or_null (stmt, 2, error_code);
  _pdw_stmt_bind_text (stmt, 3, error_title);
  sqlite3_bind_int (stmt, 4, permanent ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, next_attempt_at);
  sqlite3_bind_int64 (stmt, 6, _pdw_store_now (self));
  if (!_pdw_store_step_done (self, stmt, error) || !_pdw_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  _pdw_store_rollback (self);
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
    announce_message (self, conversation_id, message_id);

  return ret;
}

int
pdw_store_get_outgoing_attempts (PdwStore  *self,
                                 gint64     message_id,
                                 GError   **error)
{
  g_auto(PdwSqlValue) value = { 0 };

  g_return_val_if_fail (PDW_IS_STORE (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!_pdw_store_query_value (self, "SELECT attempts FROM messages WHERE id = ?1",
                               PDW_SQL_ARGS (PDW_SQL_INT (message_id)), &value, error))
    return -1;

  if (!value.found)
    {
      _pdw_store_set_not_found (error, PDW_STORE_ROW_MESSAGE, message_id);
      return -1;
    }

  return (int) value.number;
}

/* ---- Claims: one sender per message, across processes ---------------------- */

/* The oldest queued message of each conversation, when it is due, has no
 * wamid and no live claim: a later message of a conversation never goes
 * while an earlier one waits for its retry or is in flight anywhere. */
#define CLAIMABLE_WHERE \
  " m.status = 'queued' AND m.wamid IS NULL AND m.next_attempt_at <= ?1" \
  " AND (m.claimed_by IS NULL OR m.claim_expires_at <= ?1)" \
  " AND m.id = (SELECT min (q.id) FROM messages q" \
  "              WHERE q.conversation_id = m.conversation_id AND q.status = 'queued')"

static gboolean
claim_locked (PdwStore    *self,
              const char  *claimer,
              gint64       now,
              guint        lease_seconds,
              guint        limit,
              GArray      *ids,
              GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row = FALSE;
  gboolean ok;

  /* IMMEDIATE: the write lock first, then the read, so that what is read
   * is what another process's claim already left. */
  if (!_pdw_store_begin (self, error))
    return FALSE;

  if (!(stmt = _pdw_store_prepare (self,
                                   "UPDATE messages SET claimed_by = ?2, claim_expires_at = ?1 + ?3"
                                   " WHERE id IN (SELECT m.id FROM messages m WHERE" CLAIMABLE_WHERE
                                   "               ORDER BY m.next_attempt_at, m.id LIMIT ?4)"
                                   " RETURNING id", error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, now);
  _pdw_stmt_bind_text (stmt, 2, claimer);
  sqlite3_bind_int64 (stmt, 3, lease_seconds);
  sqlite3_bind_int64 (stmt, 4, limit);
  while ((ok = _pdw_store_step_row (self, stmt, &has_row, error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!ok)
    goto failed;
  g_clear_pointer (&stmt, _pdw_stmt_release);

  if (!_pdw_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  _pdw_store_rollback (self);
  g_array_set_size (ids, 0);
  return FALSE;
}

static int
compare_message_ids (gconstpointer a,
                     gconstpointer b)
{
  gint64 id_a = pdw_message_get_id (*(PdwMessage **) a);
  gint64 id_b = pdw_message_get_id (*(PdwMessage **) b);

  return (id_a > id_b) - (id_a < id_b);
}

GPtrArray *
pdw_store_claim_due_outgoing (PdwStore    *self,
                              const char  *claimer,
                              gint64       now,
                              guint        lease_seconds,
                              guint        limit,
                              GError     **error)
{
  g_autoptr(GPtrArray) claimed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(PdwSqlValue) any = { 0 };
  gboolean ok;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (claimer != NULL && *claimer != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limit == 0)
    return g_steal_pointer (&claimed);

  /* A read first: the write lock is taken only when there is something to
   * claim, so that polling never stalls the webhook's writer. */
  if (!_pdw_store_query_value (self, "SELECT EXISTS (SELECT 1 FROM messages m WHERE" CLAIMABLE_WHERE ")",
                               PDW_SQL_ARGS (PDW_SQL_INT (now)), &any, error))
    return NULL;
  if (!any.number)
    return g_steal_pointer (&claimed);

  g_rec_mutex_lock (&self->mutex);
  ok = claim_locked (self, claimer, now, lease_seconds, limit, ids, error);
  g_rec_mutex_unlock (&self->mutex);
  if (!ok)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      PdwMessage *message = pdw_store_dup_message (self, g_array_index (ids, gint64, i), error);

      if (message == NULL)
        return NULL;
      g_ptr_array_add (claimed, message);
    }

  g_ptr_array_sort (claimed, compare_message_ids);
  return g_steal_pointer (&claimed);
}

gboolean
pdw_store_release_outgoing_claim (PdwStore    *self,
                                  gint64       message_id,
                                  const char  *claimer,
                                  GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (claimer != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_rec_mutex_lock (&self->mutex);
  ok = (stmt = _pdw_store_prepare (self,
                                   "UPDATE messages SET claimed_by = NULL, claim_expires_at = NULL"
                                   " WHERE id = ?1 AND claimed_by = ?2 AND status = 'queued'", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, message_id);
      _pdw_stmt_bind_text (stmt, 2, claimer);
      ok = _pdw_store_step_done (self, stmt, error);
    }
  g_clear_pointer (&stmt, _pdw_stmt_release);
  g_rec_mutex_unlock (&self->mutex);

  return ok;
}

gint64
pdw_store_get_next_outgoing_due (PdwStore  *self,
                                 GError   **error)
{
  g_auto(PdwSqlValue) value = { 0 };

  g_return_val_if_fail (PDW_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  /* A claimed message is due again when its claim runs out (its sender
   * may have died). */
  if (!_pdw_store_query_value (self,
                               "SELECT min (CASE WHEN claimed_by IS NULL THEN next_attempt_at"
                               "                 ELSE max (next_attempt_at, claim_expires_at) END)"
                               "  FROM messages WHERE status = 'queued'",
                               PDW_SQL_NO_ARGS, &value, error))
    return 0;

  return value.is_null ? 0 : value.number;
}

gint64
pdw_store_get_data_version (PdwStore *self)
{
  g_auto(PdwSqlValue) value = { 0 };

  g_return_val_if_fail (PDW_IS_STORE (self), 0);

  if (!_pdw_store_query_value (self, "PRAGMA data_version", PDW_SQL_NO_ARGS, &value, NULL))
    return 0;
  return value.number;
}

gint64
pdw_store_get_last_webhook_time (PdwStore  *self,
                                 GError   **error)
{
  g_auto(PdwSqlValue) value = { 0 };

  g_return_val_if_fail (PDW_IS_STORE (self), 0);

  if (!_pdw_store_query_value (self, "SELECT received_at FROM webhook_deliveries ORDER BY id DESC LIMIT 1",
                               PDW_SQL_NO_ARGS, &value, error))
    return 0;
  return value.number;
}

/* ---- Failures an officer deals with --------------------------------------- */

static gboolean
retry_failed_locked (PdwStore    *self,
                     gint64       message_id,
                     gint64      *conversation_id,
                     GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!_pdw_store_begin (self, error))
    return FALSE;

  if (!require_outgoing_status (self, message_id, PDW_DELIVERY_FAILED, conversation_id, error))
    goto failed;

  /* A message that failed after WhatsApp accepted it (undeliverable,
   * outside the window) goes out as a new send: its old wamid is dropped,
   * and statuses that still come for it wait as orphans. */
  if (!(stmt = _pdw_store_prepare (self,
                                   "UPDATE messages SET status = 'queued', wamid = NULL, attempts = 0,"
                                   "  next_attempt_at = ?2, status_time = ?2, error_code = NULL,"
                                   "  error_title = NULL, error_details = NULL, last_error_code = NULL,"
                                   "  last_error = NULL, claimed_by = NULL, claim_expires_at = NULL,"
                                   "  failure_handled_at = NULL"
                                   " WHERE id = ?1", error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, message_id);
  sqlite3_bind_int64 (stmt, 2, _pdw_store_now (self));
  if (!_pdw_store_step_done (self, stmt, error) || !_pdw_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  _pdw_store_rollback (self);
  return FALSE;
}

gboolean
pdw_store_retry_failed_outgoing (PdwStore    *self,
                                 gint64       message_id,
                                 GError     **error)
{
  gint64 conversation_id = 0;
  gboolean ok;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_rec_mutex_lock (&self->mutex);
  ok = retry_failed_locked (self, message_id, &conversation_id, error);
  g_rec_mutex_unlock (&self->mutex);

  if (ok)
    announce_message (self, conversation_id, message_id);
  return ok;
}

gboolean
pdw_store_set_failure_handled (PdwStore    *self,
                               gint64       message_id,
                               GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gint64 conversation_id = 0;
  gboolean ok;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_rec_mutex_lock (&self->mutex);
  ok = require_outgoing_status (self, message_id, PDW_DELIVERY_FAILED, &conversation_id, error);
  if (ok)
    ok = (stmt = _pdw_store_prepare (self, "UPDATE messages SET failure_handled_at = ?2 WHERE id = ?1",
                                     error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, message_id);
      sqlite3_bind_int64 (stmt, 2, _pdw_store_now (self));
      ok = _pdw_store_step_done (self, stmt, error);
    }
  g_clear_pointer (&stmt, _pdw_stmt_release);
  g_rec_mutex_unlock (&self->mutex);

  if (ok)
    announce_message (self, conversation_id, message_id);
  return ok;
}

GPtrArray *
pdw_store_list_failed_outgoing (PdwStore  *self,
                                gint64     since,
                                GError   **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pdw_store_query_list (self,
                                MESSAGE_SELECT
                                " WHERE status = 'failed' AND direction = 'out' AND status_time >= ?1"
                                "   AND failure_handled_at IS NULL"
                                " ORDER BY status_time DESC, id DESC",
                                PDW_SQL_ARGS (PDW_SQL_INT (since)),
                                (PdwStoreRowBuilder) _pdw_store_message_from_row, error);
}

guint
pdw_store_count_queued_outgoing (PdwStore  *self,
                                 GError   **error)
{
  g_auto(PdwSqlValue) value = { 0 };

  g_return_val_if_fail (PDW_IS_STORE (self), 0);

  if (!_pdw_store_query_value (self, "SELECT count(*) FROM messages WHERE status = 'queued'",
                               PDW_SQL_NO_ARGS, &value, error))
    return 0;
  return (guint) value.number;
}

/* ---- Template messages and the automatic reply ------------------------------ */

static char *
params_to_json (const char * const *params)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; params != NULL && params[i] != NULL; i++)
    json_builder_add_string_value (builder, params[i]);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

gint64
pdw_store_queue_outgoing_template (PdwStore            *self,
                                   gint64               conversation_id,
                                   const char          *template_name,
                                   const char          *language,
                                   const char * const  *body_params,
                                   const char          *display_text,
                                   const char          *officer_name,
                                   GError             **error)
{
  g_autofree char *params_json = NULL;

  g_return_val_if_fail (PDW_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (_pdw_store_is_blank (template_name) || _pdw_store_is_blank (language))
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("A template message needs the approved template's name and language."));
      return 0;
    }

  params_json = params_to_json (body_params);

  return queue_outgoing (self, conversation_id, "template", display_text, officer_name,
                         template_name, language, params_json, error);
}

gint64
pdw_store_get_last_auto_reply_time (PdwStore  *self,
                                    gint64     conversation_id,
                                    GError   **error)
{
  g_auto(PdwSqlValue) value = { 0 };

  g_return_val_if_fail (PDW_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_pdw_store_query_value (self, "SELECT last_auto_reply_at FROM conversations WHERE id = ?1",
                               PDW_SQL_ARGS (PDW_SQL_INT (conversation_id)), &value, error))
    return 0;

  if (!value.found)
    _pdw_store_set_not_found (error, PDW_STORE_ROW_CONVERSATION, conversation_id);

  return value.number;
}

static gboolean
queue_auto_reply_locked (PdwStore    *self,
                         gint64       conversation_id,
                         const char  *text,
                         gint64      *message_id,
                         GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!_pdw_store_begin (self, error))
    return FALSE;

  if (!_pdw_store_insert_outgoing (self, conversation_id, "text", text, NULL,
                                   NULL, NULL, NULL, message_id, error) ||
      !(stmt = _pdw_store_prepare (self, "UPDATE conversations SET last_auto_reply_at = ?2 WHERE id = ?1",
                                   error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, _pdw_store_now (self));
  if (!_pdw_store_step_done (self, stmt, error) || !_pdw_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  _pdw_store_rollback (self);
  return FALSE;
}

gint64
pdw_store_queue_auto_reply (PdwStore    *self,
                            gint64       conversation_id,
                            const char  *text,
                            GError     **error)
{
  gint64 message_id = 0;
  gboolean ok;

  g_return_val_if_fail (PDW_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (_pdw_store_is_blank (text))
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("An empty message cannot be sent."));
      return 0;
    }

  g_rec_mutex_lock (&self->mutex);
  ok = queue_auto_reply_locked (self, conversation_id, text, &message_id, error);
  g_rec_mutex_unlock (&self->mutex);

  if (!ok)
    return 0;

  announce_message (self, conversation_id, message_id);
  return message_id;
}
