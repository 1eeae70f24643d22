/* pdw-store-complaints.c: complaints and their control card: register,
 * SOP actions and the SLA clock, due times, the consolidation list,
 * duplicates by NIK and conversations linked to a complaint.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "core/pdw-identity.h"
#include "core/pdw-workflow.h"
#include "pdw-store-private.h"

#define OPEN_STATUS_SQL "status NOT IN ('selesai', 'ditolak')"
#define OPEN_COMPLAINT_BY_NIK_SQL \
  COMPLAINT_SELECT " WHERE nik = ?1 AND " OPEN_STATUS_SQL " ORDER BY id DESC LIMIT 1"

/* ---- Complaints ------------------------------------------------------------- */

static gboolean
check_no_open_complaint (PdwStore  *self,
                         gint64     conversation_id,
                         GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row;

  if (!(stmt = _pdw_store_prepare (self,
                                   "SELECT ticket FROM complaints"
                                   " WHERE (conversation_id = ?1"
                                   "        OR id = (SELECT complaint_id FROM conversations WHERE id = ?1))"
                                   "   AND status NOT IN ('selesai', 'ditolak')", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  if (!_pdw_store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("This conversation already has an open complaint (%s)."),
                   _pdw_stmt_column_text (stmt, 0));
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

  if (!(stmt = _pdw_store_prepare (self,
                                   "SELECT COALESCE (MAX (ticket_seq), 0) + 1 FROM complaints"
                                   " WHERE ticket_year = ?1 AND ticket_month = ?2", error)))
    return FALSE;

  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, month);
  if (!_pdw_store_step_row (self, stmt, &has_row, error))
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

  if (!(stmt = _pdw_store_prepare (self,
                                   "INSERT INTO complaints (ticket, ticket_year, ticket_month, ticket_seq,"
                                   "  conversation_id, citizen_name, nik, kk, phone, complaint_type,"
                                   "  institution, status, assigned_officer, created_at, updated_at, due_at)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'terdaftar',"
                                   "  ?12, ?13, ?13, 0)", error)))
    return FALSE;

  _pdw_stmt_bind_text (stmt, 1, ticket);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int (stmt, 3, month);
  sqlite3_bind_int (stmt, 4, seq);
  sqlite3_bind_int64 (stmt, 5, conversation_id);
  _pdw_stmt_bind_text (stmt, 6, fields->citizen_name);
  _pdw_stmt_bind_text (stmt, 7, fields->nik);
  _pdw_stmt_bind_text (stmt, 8, fields->kk);
  _pdw_stmt_bind_text (stmt, 9, fields->phone);
  _pdw_stmt_bind_text (stmt, 10, fields->complaint_type);
  _pdw_stmt_bind_text (stmt, 11, fields->institution);
  _pdw_stmt_bind_text (stmt, 12, actor->name);
  sqlite3_bind_int64 (stmt, 13, now);
  return _pdw_store_step_insert (self, stmt, complaint_id, error);
}

/* @message_id: the reply that carried the step (0: none). */
static gboolean
insert_event_with_message (PdwStore            *self,
                           gint64               complaint_id,
                           gint64               now,
                           const PdwActor      *actor,
                           const char          *action,
                           PdwComplaintStatus   from_status,
                           PdwComplaintStatus   to_status,
                           const char          *from_party,
                           const char          *to_party,
                           const char          *note,
                           gint64               message_id,
                           GError             **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  g_autofree char *initials = NULL;

  if (actor->initials != NULL && *actor->initials != '\0')
    initials = g_strdup (actor->initials);
  else
    initials = pdw_store_dup_actor_initials (self, actor->name, actor->nip);

  if (!(stmt = _pdw_store_prepare (self,
                                   "INSERT INTO complaint_events (complaint_id, timestamp, actor_name,"
                                   "  actor_nip, action, from_status, to_status, from_party, to_party, note,"
                                   "  actor_initials, message_id)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, complaint_id);
  sqlite3_bind_int64 (stmt, 2, now);
  _pdw_stmt_bind_text (stmt, 3, actor->name);
  _pdw_stmt_bind_text (stmt, 4, actor->nip);
  _pdw_stmt_bind_text (stmt, 5, action);
  /* The card keeps statuses by name: the enum stops at the store. */
  _pdw_stmt_bind_text (stmt, 6, pdw_complaint_status_to_string (from_status));
  _pdw_stmt_bind_text (stmt, 7, pdw_complaint_status_to_string (to_status));
  _pdw_stmt_bind_text (stmt, 8, from_party);
  _pdw_stmt_bind_text (stmt, 9, to_party);
  _pdw_stmt_bind_text (stmt, 10, note);
  _pdw_stmt_bind_text (stmt, 11, initials);
  _pdw_stmt_bind_int_or_null (stmt, 12, message_id);
  return _pdw_store_step_done (self, stmt, error);
}

gboolean
_pdw_store_insert_complaint_event (PdwStore            *self,
                                   gint64               complaint_id,
                                   gint64               now,
                                   const PdwActor      *actor,
                                   const char          *action,
                                   PdwComplaintStatus   from_status,
                                   PdwComplaintStatus   to_status,
                                   const char          *from_party,
                                   const char          *to_party,
                                   const char          *note,
                                   GError             **error)
{
  return insert_event_with_message (self, complaint_id, now, actor, action, from_status, to_status,
                                    from_party, to_party, note, 0, error);
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

  if (!(stmt = _pdw_store_prepare (self,
                                   "SELECT ticket FROM complaints"
                                   " WHERE nik = ?1 AND status NOT IN ('selesai', 'ditolak')"
                                   " ORDER BY id DESC LIMIT 1", error)))
    return FALSE;

  _pdw_stmt_bind_text (stmt, 1, fields->nik);
  if (!_pdw_store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    return TRUE;

  masked = pdw_identity_mask (fields->nik);
  g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_DUPLICATE_NIK,
               _("The NIK %s already has an open complaint, %s: link this conversation to it."),
               masked, _pdw_stmt_column_text (stmt, 0));
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
  if (!_pdw_store_begin (self, error))
    return FALSE;

  if (!_pdw_store_conversation_exists (self, conversation_id, error) ||
      !check_no_open_complaint (self, conversation_id, error) ||
      !check_nik_not_open (self, fields, error) ||
      !insert_complaint (self, conversation_id, fields, actor, now, complaint_id, error) ||
      !_pdw_store_insert_complaint_event (self, *complaint_id, now, actor, "register",
                                          PDW_COMPLAINT_BARU, PDW_COMPLAINT_TERDAFTAR,
                                          NULL, actor->name, NULL, error) ||
      !_pdw_store_set_conversation_complaint (self, conversation_id, *complaint_id, error) ||
      !_pdw_store_commit (self, error))
    {
      _pdw_store_rollback (self);
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

  _pdw_store_emit_complaint_changed (self, complaint_id);
  _pdw_store_emit_conversation_changed (self, conversation_id);

  return pdw_store_dup_complaint (self, complaint_id, error);
}

PdwComplaint *
pdw_store_register_complaint (PdwStore                  *self,
                              gint64                     conversation_id,
                              const PdwComplaintFields  *fields,
                              const PdwActor            *actor,
                              GError                   **error)
{
  return pdw_store_register_complaint_at (self, conversation_id, fields, actor, _pdw_store_now (self), error);
}

PdwComplaint *
pdw_store_dup_complaint (PdwStore  *self,
                         gint64     complaint_id,
                         GError   **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pdw_store_query_by_id (self, COMPLAINT_SELECT " WHERE id = ?1", complaint_id,
                                 (PdwStoreRowBuilder) _pdw_store_complaint_from_row,
                                 PDW_STORE_ROW_COMPLAINT, error);
}

PdwComplaint *
pdw_store_dup_conversation_complaint (PdwStore  *self,
                                      gint64     conversation_id,
                                      GError   **error)
{
  gboolean found = FALSE;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pdw_store_query_first (self,
                                 COMPLAINT_SELECT
                                 " WHERE id = COALESCE ((SELECT complaint_id FROM conversations WHERE id = ?1),"
                                 "                      (SELECT l.id FROM complaints l WHERE l.conversation_id = ?1"
                                 "                        ORDER BY l.created_at DESC, l.id DESC LIMIT 1))",
                                 PDW_SQL_ARGS (PDW_SQL_INT (conversation_id)),
                                 (PdwStoreRowBuilder) _pdw_store_complaint_from_row, &found, error);
}

GPtrArray *
pdw_store_list_complaint_events (PdwStore  *self,
                                 gint64     complaint_id,
                                 GError   **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pdw_store_query_list (self, COMPLAINT_EVENT_SELECT " WHERE complaint_id = ?1 ORDER BY id",
                                PDW_SQL_ARGS (PDW_SQL_INT (complaint_id)),
                                (PdwStoreRowBuilder) _pdw_store_complaint_event_from_row, error);
}


GArray *
_pdw_store_list_complaint_conversations (PdwStore  *self,
                                         gint64     complaint_id,
                                         GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row = FALSE;
  gboolean ok;

  if (!(stmt = _pdw_store_prepare (self,
                                   "SELECT id FROM conversations WHERE complaint_id = ?1"
                                   " UNION SELECT conversation_id FROM complaints"
                                   "  WHERE id = ?1 AND conversation_id IS NOT NULL", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, complaint_id);
  while ((ok = _pdw_store_step_row (self, stmt, &has_row, error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (!ok)
    return NULL;

  return g_steal_pointer (&ids);
}

void
_pdw_store_emit_complaint_and_conversations (PdwStore *self,
                                             gint64    complaint_id,
                                             GArray   *conversations)
{
  _pdw_store_emit_complaint_changed (self, complaint_id);
  for (guint i = 0; conversations != NULL && i < conversations->len; i++)
    _pdw_store_emit_conversation_changed (self, g_array_index (conversations, gint64, i));
}

gboolean
_pdw_store_check_actor (const PdwActor  *actor,
                        GError         **error)
{
  if (actor == NULL || _pdw_store_is_blank (actor->name))
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("The control card needs the officer's name: set it in the preferences."));
      return FALSE;
    }

  return TRUE;
}

/* ---- Complaints ------------------------------------------------------------ */

PdwComplaint *
pdw_store_dup_complaint_by_ticket (PdwStore    *self,
                                   const char  *ticket,
                                   GError     **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (ticket != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pdw_store_query_by_key (self, COMPLAINT_SELECT " WHERE ticket = ?1", ticket,
                                  (PdwStoreRowBuilder) _pdw_store_complaint_from_row, error,
                                  _("There is no complaint with ticket “%s”."), ticket);
}

typedef struct
{
  PdwComplaintStatus  status;
  char               *holder;
  gint64              sla_started_at;
  gint64              due_at;
  gint64              overdue_notified_at;
} ComplaintState;

static void
complaint_state_clear (ComplaintState *state)
{
  g_clear_pointer (&state->holder, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComplaintState, complaint_state_clear)

static gboolean
read_complaint_state (PdwStore        *self,
                      gint64           complaint_id,
                      ComplaintState  *state,
                      GError         **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = _pdw_store_select_by_id (self,
                                        "SELECT status, COALESCE (holder, assigned_officer), sla_started_at,"
                                        "       due_at, overdue_notified_at"
                                        "  FROM complaints WHERE id = ?1",
                                        complaint_id, PDW_STORE_ROW_COMPLAINT, error)))
    return FALSE;

  state->status = _pdw_stmt_column_complaint_status (stmt, 0);
  state->holder = g_strdup (_pdw_stmt_column_text (stmt, 1));
  state->sla_started_at = sqlite3_column_int64 (stmt, 2);
  state->due_at = sqlite3_column_int64 (stmt, 3);
  state->overdue_notified_at = sqlite3_column_int64 (stmt, 4);
  return TRUE;
}

static gboolean
write_complaint_state (PdwStore              *self,
                       gint64                 complaint_id,
                       const ComplaintState  *state,
                       gint64                 now,
                       GError               **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = _pdw_store_prepare (self,
                                   "UPDATE complaints SET status = ?2, holder = ?3, sla_started_at = ?4,"
                                   "  due_at = ?5, overdue_notified_at = ?6, updated_at = ?7"
                                   " WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, complaint_id);
  _pdw_stmt_bind_text (stmt, 2, pdw_complaint_status_to_string (state->status));
  _pdw_stmt_bind_text (stmt, 3, state->holder);
  sqlite3_bind_int64 (stmt, 4, state->sla_started_at);
  sqlite3_bind_int64 (stmt, 5, state->due_at);
  sqlite3_bind_int64 (stmt, 6, state->overdue_notified_at);
  sqlite3_bind_int64 (stmt, 7, now);
  return _pdw_store_step_done (self, stmt, error);
}

/* Who receives the file with the action, for the card's "received" column
 * and the holder. */
static const char *
receiving_party (const char      *action,
                 const char      *to_party,
                 const PdwActor  *actor)
{
  if (!_pdw_store_is_blank (to_party))
    return to_party;

  if (g_strcmp0 (action, "return_from_coordination") == 0)
    return actor->name;

  return NULL;
}

gboolean
_pdw_store_apply_action_in_transaction (PdwStore        *self,
                                        gint64           complaint_id,
                                        const char      *action,
                                        const char      *note,
                                        const char      *to_party,
                                        const PdwActor  *actor,
                                        gint64           now,
                                        gint64           message_id,
                                        GError         **error)
{
  g_auto(ComplaintState) state = { 0 };
  PdwWorkflowInput input = { 0 };
  PdwComplaintStatus from, to;
  g_autofree char *from_party = NULL;
  const char *received_by;

  if (!read_complaint_state (self, complaint_id, &state, error))
    return FALSE;

  input.note = note;
  input.to_party = to_party;
  input.sla_started = state.sla_started_at != 0;
  from = state.status;
  if (!pdw_workflow_check (from, action, &input, &to, error))
    return FALSE;

  from_party = g_strdup (state.holder);
  received_by = receiving_party (action, to_party, actor);

  if (g_strcmp0 (action, "coordinate") == 0 ||
      g_strcmp0 (action, "hand_over") == 0 ||
      g_strcmp0 (action, "return_from_coordination") == 0)
    {
      g_free (state.holder);
      state.holder = g_strdup (received_by);
    }

  if (pdw_workflow_action_starts_sla (action))
    {
      PdwSlaPolicy policy;
      g_autoptr(PdwServiceCalendar) calendar = _pdw_store_dup_sla (self, &policy);
      gint64 due = pdw_service_calendar_compute_due (calendar, &policy, now);

      state.sla_started_at = now;
      state.due_at = MAX (due, 0);
      state.overdue_notified_at = 0;
    }
  else if (g_strcmp0 (action, "reopen") == 0)
    {
      state.sla_started_at = 0;
      state.due_at = 0;
      state.overdue_notified_at = 0;
    }

  state.status = to;

  return write_complaint_state (self, complaint_id, &state, now, error) &&
         insert_event_with_message (self, complaint_id, now, actor, action,
                                    from, to, from_party, received_by,
                                    _pdw_store_is_blank (note) ? NULL : note, message_id, error);
}

static gboolean
apply_action_locked (PdwStore        *self,
                     gint64           complaint_id,
                     const char      *action,
                     const char      *note,
                     const char      *to_party,
                     const PdwActor  *actor,
                     GArray         **conversations,
                     GError         **error)
{
  if (!_pdw_store_begin (self, error))
    return FALSE;

  if (!_pdw_store_apply_action_in_transaction (self, complaint_id, action, note, to_party, actor,
                                               _pdw_store_now (self), 0, error) ||
      !(*conversations = _pdw_store_list_complaint_conversations (self, complaint_id, error)) ||
      !_pdw_store_commit (self, error))
    {
      g_clear_pointer (conversations, g_array_unref);
      _pdw_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

PdwComplaint *
pdw_store_apply_action (PdwStore        *self,
                        gint64           complaint_id,
                        const char      *action,
                        const char      *note,
                        const char      *to_party,
                        const PdwActor  *actor,
                        GError         **error)
{
  g_autoptr(GArray) conversations = NULL;
  gboolean ret;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (action != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_pdw_store_check_actor (actor, error))
    return NULL;

  g_rec_mutex_lock (&self->mutex);
  ret = apply_action_locked (self, complaint_id, action, note, to_party, actor, &conversations, error);
  g_rec_mutex_unlock (&self->mutex);

  if (!ret)
    return NULL;

  _pdw_store_emit_complaint_and_conversations (self, complaint_id, conversations);
  return pdw_store_dup_complaint (self, complaint_id, error);
}

GPtrArray *
pdw_store_list_complaints_due_before (PdwStore  *self,
                                      gint64     before,
                                      GError   **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Written like the complaints_by_due index so that it is used. */
  return _pdw_store_query_list (self,
                                COMPLAINT_SELECT
                                " WHERE due_at > 0 AND status NOT IN ('selesai', 'ditolak', 'rujuk_biometrik')"
                                "   AND due_at <= ?1"
                                " ORDER BY due_at, id",
                                PDW_SQL_ARGS (PDW_SQL_INT (before)),
                                (PdwStoreRowBuilder) _pdw_store_complaint_from_row, error);
}

static gboolean
mark_overdue_notified_locked (PdwStore  *self,
                              gint64     complaint_id,
                              gboolean  *marked,
                              GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  g_autoptr(PdwStmt) exists = NULL;

  if (!(stmt = _pdw_store_prepare (self,
                                   "UPDATE complaints SET overdue_notified_at = ?2"
                                   " WHERE id = ?1 AND overdue_notified_at = 0", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, complaint_id);
  sqlite3_bind_int64 (stmt, 2, MAX (_pdw_store_now (self), 1));
  if (!_pdw_store_step_done (self, stmt, error))
    return FALSE;

  *marked = sqlite3_changes (self->db) > 0;
  if (*marked)
    return TRUE;

  exists = _pdw_store_select_by_id (self, "SELECT 1 FROM complaints WHERE id = ?1",
                                    complaint_id, PDW_STORE_ROW_COMPLAINT, error);
  return exists != NULL;
}

gboolean
pdw_store_mark_overdue_notified (PdwStore  *self,
                                 gint64     complaint_id,
                                 GError   **error)
{
  gboolean marked = FALSE;
  gboolean ok;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_rec_mutex_lock (&self->mutex);
  ok = mark_overdue_notified_locked (self, complaint_id, &marked, error);
  g_rec_mutex_unlock (&self->mutex);

  if (ok && marked)
    _pdw_store_emit_complaint_changed (self, complaint_id);

  return ok && marked;
}

/* The listings that count: each complaint's latest "add_to_consolidation"
 * event in [?1, ?2), walked in time order through complaint_events_by_action
 * so that a page costs its own rows, not the history; without ?3 only those
 * still waiting (no outcome event after the listing). */
#define CONSOLIDATION_LISTED_WHERE \
  " WHERE e.action = 'add_to_consolidation' AND e.timestamp >= ?1 AND e.timestamp < ?2" \
  "   AND NOT EXISTS (SELECT 1 FROM complaint_events l" \
  "                    WHERE l.complaint_id = e.complaint_id AND l.id > e.id" \
  "                      AND l.action = 'add_to_consolidation')" \
  "   AND (?3 OR (c.status IN ('konsolidasi', 'menunggu')" \
  "               AND NOT EXISTS (SELECT 1 FROM complaint_events r" \
  "                                WHERE r.complaint_id = e.complaint_id AND r.id > e.id" \
  "                                  AND r.action IN ('consolidation_done'," \
  "                                                   'consolidation_not_found'," \
  "                                                   'consolidation_duplicate'))))"

GPtrArray *
pdw_store_list_consolidation_page (PdwStore  *self,
                                   gint64     from,
                                   gint64     to,
                                   gboolean   include_processed,
                                   guint      offset,
                                   gint       limit,
                                   GError   **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The page is picked first, so the control-card columns are computed for
   * its rows only. */
  return _pdw_store_query_list (self,
                                "WITH page AS ("
                                "  SELECT e.complaint_id, e.timestamp"
                                "    FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id"
                                CONSOLIDATION_LISTED_WHERE
                                "   ORDER BY e.timestamp, e.complaint_id LIMIT ?4 OFFSET ?5) "
                                COMPLAINT_SELECT
                                "  JOIN page ON page.complaint_id = complaints.id"
                                " ORDER BY page.timestamp, complaints.id",
                                PDW_SQL_ARGS (PDW_SQL_INT (from), PDW_SQL_INT (to),
                                PDW_SQL_INT (include_processed ? 1 : 0),
                                PDW_SQL_INT (limit < 0 ? -1 : limit), PDW_SQL_INT (offset)),
                                (PdwStoreRowBuilder) _pdw_store_complaint_from_row, error);
}

GPtrArray *
pdw_store_list_consolidation (PdwStore  *self,
                              gint64     from,
                              gint64     to,
                              gboolean   include_processed,
                              GError   **error)
{
  return pdw_store_list_consolidation_page (self, from, to, include_processed, 0, -1, error);
}

gint64
pdw_store_count_consolidation (PdwStore  *self,
                               gint64     from,
                               gint64     to,
                               gboolean   include_processed,
                               GError   **error)
{
  g_auto(PdwSqlValue) value = { 0 };

  g_return_val_if_fail (PDW_IS_STORE (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!_pdw_store_query_value (self,
                               "SELECT count(*) FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id"
                               CONSOLIDATION_LISTED_WHERE,
                               PDW_SQL_ARGS (PDW_SQL_INT (from), PDW_SQL_INT (to),
                               PDW_SQL_INT (include_processed ? 1 : 0)),
                               &value, error))
    return -1;

  return value.number;
}

/* ---- Duplicates ------------------------------------------------------------ */

PdwComplaint *
pdw_store_find_open_complaint_by_nik (PdwStore    *self,
                                      const char  *nik,
                                      GError     **error)
{
  gboolean found = FALSE;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (nik != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pdw_store_query_first (self, OPEN_COMPLAINT_BY_NIK_SQL, PDW_SQL_ARGS (PDW_SQL_TEXT (nik)),
                                 (PdwStoreRowBuilder) _pdw_store_complaint_from_row, &found, error);
}

gboolean
_pdw_store_find_open_complaint_id_by_nik (PdwStore    *self,
                                          const char  *nik,
                                          gint64      *complaint_id,
                                          GError     **error)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  GError *local_error = NULL;
  gboolean found = FALSE;

  complaint = _pdw_store_query_first (self, OPEN_COMPLAINT_BY_NIK_SQL, PDW_SQL_ARGS (PDW_SQL_TEXT (nik)),
                                      (PdwStoreRowBuilder) _pdw_store_complaint_from_row, &found,
                                      &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *complaint_id = complaint != NULL ? pdw_complaint_get_id (complaint) : 0;
  return TRUE;
}

gboolean
_pdw_store_find_open_complaint_of_conversation (PdwStore  *self,
                                                gint64     conversation_id,
                                                gint64    *complaint_id,
                                                GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row;

  *complaint_id = 0;
  if (!(stmt = _pdw_store_prepare (self,
                                   "SELECT id FROM complaints WHERE " OPEN_STATUS_SQL
                                   "   AND (id = (SELECT complaint_id FROM conversations WHERE id = ?1)"
                                   "        OR conversation_id = ?1)"
                                   " ORDER BY id DESC LIMIT 1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  if (!_pdw_store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    *complaint_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
_pdw_store_set_conversation_complaint (PdwStore  *self,
                                       gint64     conversation_id,
                                       gint64     complaint_id,
                                       GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = _pdw_store_prepare (self, "UPDATE conversations SET complaint_id = ?2 WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, complaint_id);
  return _pdw_store_step_done (self, stmt, error);
}

gboolean
_pdw_store_append_card_line (PdwStore        *self,
                             gint64           complaint_id,
                             gint64           now,
                             const PdwActor  *actor,
                             const char      *action,
                             const char      *note,
                             GError         **error)
{
  g_auto(ComplaintState) state = { 0 };

  if (!read_complaint_state (self, complaint_id, &state, error))
    return FALSE;

  return _pdw_store_insert_complaint_event (self, complaint_id, now, actor, action,
                                            state.status, state.status, state.holder, NULL, note, error) &&
         write_complaint_state (self, complaint_id, &state, now, error);
}

gboolean
_pdw_store_link_conversation_locked (PdwStore        *self,
                                     gint64           conversation_id,
                                     gint64           complaint_id,
                                     const PdwActor  *actor,
                                     gint64           now,
                                     GError         **error)
{
  g_auto(ComplaintState) state = { 0 };
  g_autofree char *number = NULL;
  gint64 current = 0;

  if (!_pdw_store_dup_conversation_number (self, conversation_id, &number, NULL, NULL, error) ||
      !read_complaint_state (self, complaint_id, &state, error))
    return FALSE;

  if (pdw_workflow_status_is_final (state.status))
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("A closed complaint cannot take another conversation; reopen it first."));
      return FALSE;
    }

  if (!_pdw_store_find_open_complaint_of_conversation (self, conversation_id, &current, error))
    return FALSE;

  if (current == complaint_id)
    return TRUE;

  if (current != 0)
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("This conversation already has an open complaint of its own."));
      return FALSE;
    }

  return _pdw_store_set_conversation_complaint (self, conversation_id, complaint_id, error) &&
         _pdw_store_append_card_line (self, complaint_id, now, actor, "link_conversation", number, error);
}

PdwComplaint *
pdw_store_link_conversation (PdwStore        *self,
                             gint64           conversation_id,
                             gint64           complaint_id,
                             const PdwActor  *actor,
                             GError         **error)
{
  g_autoptr(GArray) conversations = NULL;
  gboolean ok;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_pdw_store_check_actor (actor, error))
    return NULL;

  g_rec_mutex_lock (&self->mutex);
  ok = _pdw_store_begin (self, error);
  if (ok)
    {
      ok = _pdw_store_link_conversation_locked (self, conversation_id, complaint_id, actor, _pdw_store_now (self), error) &&
           (conversations = _pdw_store_list_complaint_conversations (self, complaint_id, error)) != NULL &&
           _pdw_store_commit (self, error);
      if (!ok)
        _pdw_store_rollback (self);
    }
  g_rec_mutex_unlock (&self->mutex);

  if (!ok)
    return NULL;

  _pdw_store_emit_complaint_and_conversations (self, complaint_id, conversations);
  return pdw_store_dup_complaint (self, complaint_id, error);
}
