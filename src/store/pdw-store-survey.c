/* pdw-store-survey.c: the citizen satisfaction survey on the control card:
 * that the closing message asked for a rating, and the citizen's answer.
 * Which reply is an answer is core's rule (pdw-survey.h); this file reads
 * and writes what the rule needs.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "core/pdw-survey.h"
#include "pdw-store-private.h"

/* The complaint a conversation's message is about: the one it shows (a
 * linked conversation's), else its own latest, as
 * pdw_store_dup_conversation_complaint() chooses it. */
static gboolean
read_conversation_survey (PdwStore        *self,
                          gint64           conversation_id,
                          gint64          *complaint_id,
                          PdwSurveyState  *state,
                          GError         **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row;

  *complaint_id = 0;
  if (!(stmt = _pdw_store_prepare (self,
                                   "SELECT id, status, COALESCE (survey_asked_at, 0), COALESCE (survey_rating, 0)"
                                   "  FROM complaints"
                                   " WHERE id = COALESCE ((SELECT complaint_id FROM conversations WHERE id = ?1),"
                                   "                      (SELECT l.id FROM complaints l WHERE l.conversation_id = ?1"
                                   "                        ORDER BY l.created_at DESC, l.id DESC LIMIT 1))",
                                   error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  if (!_pdw_store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      *complaint_id = sqlite3_column_int64 (stmt, 0);
      state->status = _pdw_stmt_column_complaint_status (stmt, 1);
      state->asked_at = sqlite3_column_int64 (stmt, 2);
      state->rating = sqlite3_column_int (stmt, 3);
    }
  return TRUE;
}

gboolean
_pdw_store_record_survey_reply (PdwStore         *self,
                                gint64            conversation_id,
                                const char       *text,
                                gint64            message_time,
                                PdwStoreChanges  *changes,
                                gboolean         *recorded,
                                GError          **error)
{
  /* The citizen answers; the system writes the line. */
  static const PdwActor automatic = { "PANDAWA", NULL, NULL };
  g_autoptr(PdwStmt) stmt = NULL;
  g_autofree char *note = NULL;
  PdwSurveyState state = { 0 };
  gint64 complaint_id;
  int rating;

  *recorded = FALSE;
  /* Most messages are no number at all: no lookup for them. */
  if (pdw_survey_parse_rating (text) == 0)
    return TRUE;

  if (!read_conversation_survey (self, conversation_id, &complaint_id, &state, error))
    return FALSE;
  if (complaint_id == 0 || (rating = pdw_survey_rating_for_reply (&state, text, message_time)) == 0)
    return TRUE;

  if (!(stmt = _pdw_store_prepare (self,
                                   "UPDATE complaints SET survey_rating = ?2, survey_rated_at = ?3 WHERE id = ?1",
                                   error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, complaint_id);
  sqlite3_bind_int (stmt, 2, rating);
  sqlite3_bind_int64 (stmt, 3, message_time);
  note = g_strdup_printf ("%d", rating);
  if (!_pdw_store_step_done (self, stmt, error) ||
      !_pdw_store_append_card_line (self, complaint_id, message_time, &automatic, "survey_rating", note, error))
    return FALSE;

  _pdw_store_add_unique_id (changes->complaints, complaint_id);
  *recorded = TRUE;
  return TRUE;
}

gboolean
_pdw_store_mark_survey_asked (PdwStore        *self,
                              gint64           complaint_id,
                              gint64           now,
                              const PdwActor  *actor,
                              gboolean        *asked,
                              GError         **error)
{
  g_autoptr(PdwStmt) select = NULL;
  g_autoptr(PdwStmt) update = NULL;

  *asked = FALSE;
  if (!(select = _pdw_store_select_by_id (self,
                                          "SELECT status, COALESCE (survey_rating, 0) FROM complaints WHERE id = ?1",
                                          complaint_id, PDW_STORE_ROW_COMPLAINT, error)))
    return FALSE;

  /* A file reopened meanwhile, or already rated: the message goes, but the
   * card does not claim a question that cannot be answered. */
  if (!pdw_survey_can_ask (_pdw_stmt_column_complaint_status (select, 0), sqlite3_column_int (select, 1)))
    return TRUE;

  if (!(update = _pdw_store_prepare (self, "UPDATE complaints SET survey_asked_at = ?2 WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (update, 1, complaint_id);
  sqlite3_bind_int64 (update, 2, now);
  if (!_pdw_store_step_done (self, update, error) ||
      !_pdw_store_append_card_line (self, complaint_id, now, actor, "survey_asked", NULL, error))
    return FALSE;

  *asked = TRUE;
  return TRUE;
}
