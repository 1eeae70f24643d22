/* pdw-store-steps.c: a step of the SOP that speaks to the citizen (the
 * standard reply, the referral, the closing message, the rejection) and
 * its message as one act, and the drafts that wait to become one.
 *
 * The control card must not say that the citizen was told what was never
 * sent: the step's line is written in the transaction that queues its
 * reply, with the reply's id and time, and only then.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include <string.h>

#include "core/pdw-template.h"
#include "core/pdw-workflow.h"
#include "pdw-store-private.h"

/* ---- Drafts ---------------------------------------------------------------- */

void
pdw_draft_clear (PdwDraft *draft)
{
  g_clear_pointer (&draft->text, g_free);
  g_clear_pointer (&draft->step_action, g_free);
  g_clear_pointer (&draft->step_note, g_free);
  g_clear_pointer (&draft->step_party, g_free);
  g_clear_pointer (&draft->step_promise, g_free);
  draft->updated_at = 0;
}

static gboolean
delete_draft (PdwStore  *self,
              gint64     conversation_id,
              GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = _pdw_store_prepare (self, "DELETE FROM conversation_drafts WHERE conversation_id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  return _pdw_store_step_done (self, stmt, error);
}

static gboolean
save_draft_locked (PdwStore    *self,
                   gint64       conversation_id,
                   const char  *text,
                   const char  *step_action,
                   const char  *step_note,
                   const char  *step_party,
                   const char  *step_promise,
                   gboolean    *step_changed,
                   GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  g_auto(PdwSqlValue) old_step = { 0 };
  gboolean keep = !_pdw_store_is_blank (text);

  if (!_pdw_store_begin (self, error))
    return FALSE;

  if (!_pdw_store_query_value (self, "SELECT step_action FROM conversation_drafts WHERE conversation_id = ?1",
                               PDW_SQL_ARGS (PDW_SQL_INT (conversation_id)), &old_step, error))
    goto failed;

  /* A step without words is no message: an emptied composer drops both. */
  if (!keep)
    step_action = NULL;
  *step_changed = g_strcmp0 (old_step.text, step_action) != 0;

  if (!keep)
    {
      if (!delete_draft (self, conversation_id, error))
        goto failed;
    }
  else
    {
      if (!_pdw_store_conversation_exists (self, conversation_id, error) ||
          !(stmt = _pdw_store_prepare (self,
                                       "INSERT OR REPLACE INTO conversation_drafts (conversation_id, text,"
                                       "  step_action, step_note, step_party, step_promise, updated_at)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error)))
        goto failed;

      sqlite3_bind_int64 (stmt, 1, conversation_id);
      _pdw_stmt_bind_text (stmt, 2, text);
      _pdw_stmt_bind_text (stmt, 3, step_action);
      _pdw_stmt_bind_text (stmt, 4, step_action != NULL ? step_note : NULL);
      _pdw_stmt_bind_text (stmt, 5, step_action != NULL ? step_party : NULL);
      _pdw_stmt_bind_text (stmt, 6, step_action != NULL ? step_promise : NULL);
      sqlite3_bind_int64 (stmt, 7, _pdw_store_now (self));
      if (!_pdw_store_step_done (self, stmt, error))
        goto failed;
    }

  if (!_pdw_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  _pdw_store_rollback (self);
  return FALSE;
}

gboolean
pdw_store_save_draft (PdwStore    *self,
                      gint64       conversation_id,
                      const char  *text,
                      const char  *step_action,
                      const char  *step_note,
                      const char  *step_party,
                      const char  *step_promise,
                      GError     **error)
{
  gboolean step_changed = FALSE;
  gboolean ok;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (step_action != NULL && !pdw_workflow_action_is_known (step_action))
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("Unknown action “%s”"), step_action);
      return FALSE;
    }

  g_rec_mutex_lock (&self->mutex);
  ok = save_draft_locked (self, conversation_id, text, step_action, step_note, step_party,
                          step_promise, &step_changed, error);
  g_rec_mutex_unlock (&self->mutex);

  /* The queue shows only whether a step waits: a draft typed on does not
   * read the row again. */
  if (ok && step_changed)
    _pdw_store_emit_conversation_changed (self, conversation_id);
  return ok;
}

gboolean
pdw_store_read_draft (PdwStore  *self,
                      gint64     conversation_id,
                      PdwDraft  *draft,
                      GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row = FALSE;
  gboolean ok;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pdw_draft_clear (draft);

  g_rec_mutex_lock (&self->mutex);
  stmt = _pdw_store_prepare (self,
                             "SELECT text, step_action, step_note, step_party, step_promise, updated_at"
                             "  FROM conversation_drafts WHERE conversation_id = ?1",
                             error);
  if ((ok = stmt != NULL))
    {
      sqlite3_bind_int64 (stmt, 1, conversation_id);
      ok = _pdw_store_step_row (self, stmt, &has_row, error);
    }
  if (ok && has_row)
    {
      draft->text = g_strdup (_pdw_stmt_column_text (stmt, 0));
      draft->step_action = g_strdup (_pdw_stmt_column_text (stmt, 1));
      draft->step_note = g_strdup (_pdw_stmt_column_text (stmt, 2));
      draft->step_party = g_strdup (_pdw_stmt_column_text (stmt, 3));
      draft->step_promise = g_strdup (_pdw_stmt_column_text (stmt, 4));
      draft->updated_at = sqlite3_column_int64 (stmt, 5);
    }
  g_clear_pointer (&stmt, _pdw_stmt_release);
  g_rec_mutex_unlock (&self->mutex);

  return ok;
}

/* ---- A step and its message ------------------------------------------------- */

gint64
pdw_store_compute_due (PdwStore *self,
                       gint64    start)
{
  g_autoptr(PdwServiceCalendar) calendar = NULL;
  PdwSlaPolicy policy;

  g_return_val_if_fail (PDW_IS_STORE (self), 0);

  calendar = _pdw_store_dup_sla (self, &policy);
  return MAX (pdw_service_calendar_compute_due (calendar, &policy, start), 0);
}

gint64
pdw_store_get_now (PdwStore *self)
{
  g_return_val_if_fail (PDW_IS_STORE (self), 0);

  return _pdw_store_now (self);
}

/* The standard reply states its due time: the one the card records, when
 * the draft waited long enough for them to differ. */
static char *
dup_text_as_sent (PdwStore              *self,
                  const PdwStepMessage  *step,
                  const char            *text)
{
  g_autofree char *due = NULL;
  g_auto(GStrv) parts = NULL;

  if (!pdw_workflow_action_starts_sla (step->action) || step->promised_due == NULL ||
      *step->promised_due == '\0' || strstr (text, step->promised_due) == NULL)
    return g_strdup (text);

  due = pdw_template_format_time (pdw_store_compute_due (self, _pdw_store_now (self)));
  parts = g_strsplit (text, step->promised_due, -1);
  return g_strjoinv (due, parts);
}

static gboolean
read_message_time (PdwStore  *self,
                   gint64     message_id,
                   gint64    *time,
                   GError   **error)
{
  g_auto(PdwSqlValue) value = { 0 };

  if (!_pdw_store_query_value (self, "SELECT timestamp FROM messages WHERE id = ?1",
                               PDW_SQL_ARGS (PDW_SQL_INT (message_id)), &value, error))
    return FALSE;
  *time = value.number;
  return TRUE;
}

/* The reply goes to this conversation: the step must be on a file it shows. */
static gboolean
check_conversation_shows (GArray     *conversations,
                          gint64      conversation_id,
                          GError    **error)
{
  for (guint i = 0; i < conversations->len; i++)
    {
      if (g_array_index (conversations, gint64, i) == conversation_id)
        return TRUE;
    }

  g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                       _("The step belongs to a complaint this conversation does not show."));
  return FALSE;
}

static gboolean
queue_step_message_locked (PdwStore              *self,
                           gint64                 conversation_id,
                           gint64                 complaint_id,
                           const PdwStepMessage  *step,
                           const char            *text,
                           const PdwActor        *actor,
                           gint64                *message_id,
                           gboolean              *asked,
                           GArray               **conversations,
                           GError               **error)
{
  g_autofree char *sent_text = dup_text_as_sent (self, step, text);
  gint64 sent_at = 0;

  if (!_pdw_store_begin (self, error))
    return FALSE;

  /* The line's time is the reply's: the moment it was queued, which is
   * when the SLA of the standard reply starts (ARCHITECTURE.md, "A step
   * that speaks to the citizen"). */
  if (!(*conversations = _pdw_store_list_complaint_conversations (self, complaint_id, error)) ||
      !check_conversation_shows (*conversations, conversation_id, error) ||
      !_pdw_store_insert_outgoing (self, conversation_id, "text", sent_text, actor->name,
                                   NULL, NULL, NULL, message_id, error) ||
      !read_message_time (self, *message_id, &sent_at, error) ||
      !_pdw_store_apply_action_in_transaction (self, complaint_id, step->action, step->note,
                                               step->to_party, actor, sent_at, *message_id, error) ||
      (step->asks_survey &&
       !_pdw_store_mark_survey_asked (self, complaint_id, sent_at, actor, asked, error)) ||
      !delete_draft (self, conversation_id, error) ||
      !_pdw_store_commit (self, error))
    {
      g_clear_pointer (conversations, g_array_unref);
      _pdw_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

gint64
pdw_store_queue_step_message (PdwStore              *self,
                              gint64                 conversation_id,
                              gint64                 complaint_id,
                              const PdwStepMessage  *step,
                              const char            *text,
                              const PdwActor        *actor,
                              GError               **error)
{
  g_autoptr(GArray) conversations = NULL;
  gint64 message_id = 0;
  gboolean asked = FALSE;
  gboolean ok;

  g_return_val_if_fail (PDW_IS_STORE (self), 0);
  g_return_val_if_fail (step != NULL && step->action != NULL, 0);
  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_pdw_store_check_actor (actor, error))
    return 0;

  if (_pdw_store_is_blank (text))
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("An empty message cannot be sent."));
      return 0;
    }

  if (!pdw_workflow_action_speaks_to_citizen (step->action))
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("“%s” is not a step that sends a message."), step->action);
      return 0;
    }

  g_rec_mutex_lock (&self->mutex);
  ok = queue_step_message_locked (self, conversation_id, complaint_id, step, text, actor,
                                  &message_id, &asked, &conversations, error);
  g_rec_mutex_unlock (&self->mutex);

  if (!ok)
    return 0;

  _pdw_store_emit_message_changed (self, conversation_id, message_id);
  _pdw_store_emit_complaint_and_conversations (self, complaint_id, conversations);
  return message_id;
}
