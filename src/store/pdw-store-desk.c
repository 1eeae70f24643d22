/* pdw-store-desk.c: the SOP desk: workflow actions on the control card,
 * the SLA clock, the consolidation list, duplicates and merged numbers,
 * template messages and the automatic reply.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "core/pdw-extract.h"
#include "core/pdw-identity.h"
#include "core/pdw-workflow.h"
#include "pdw-store-private.h"

#define OPEN_STATUS_SQL "status NOT IN ('selesai', 'ditolak')"
#define AUTOMATIC_ACTOR_NAME "PANDAWA"

/* ---- Small helpers ------------------------------------------------------- */

static gboolean
is_blank (const char *str)
{
  if (str == NULL)
    return TRUE;

  for (; *str != '\0'; str++)
    if (!g_ascii_isspace (*str))
      return FALSE;

  return TRUE;
}

/* The first complaint of a query with one text parameter; NULL without
 * error when there is none. */
static PdwComplaint *
query_complaint_by_text (PdwStore    *self,
                         const char  *sql,
                         const char  *text,
                         gboolean    *found,
                         GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  *found = FALSE;
  if (!(stmt = pdw_store_prepare (self, sql, error)))
    return NULL;

  pdw_stmt_bind_text (stmt, 1, text);
  if (!(rows = pdw_store_collect_rows (self, stmt, (PdwStoreRowBuilder) pdw_store_complaint_from_row, error)))
    return NULL;

  if (rows->len == 0)
    return NULL;

  *found = TRUE;
  return g_object_ref (g_ptr_array_index (rows, 0));
}

static PdwServiceCalendar *
ensure_calendar (PdwStore *self)
{
  if (self->calendar == NULL)
    {
      self->calendar = pdw_service_calendar_new ();
      pdw_service_calendar_load_default_holidays (self->calendar);
    }

  return self->calendar;
}

/* The conversation's WhatsApp number, else its user id: what a control
 * card line names when a number is linked or merged. */
static gboolean
dup_conversation_number (PdwStore    *self,
                         gint64       conversation_id,
                         char       **number,
                         gint64      *contact_id,
                         gint64      *merged_into,
                         GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = pdw_store_select_by_id (self,
                                       "SELECT COALESCE (k.wa_id, k.user_id), k.id, COALESCE (c.merged_into, 0)"
                                       "  FROM conversations c JOIN contacts k ON k.id = c.contact_id"
                                       " WHERE c.id = ?1",
                                       conversation_id, PDW_STORE_ROW_CONVERSATION, error)))
    return FALSE;

  if (number != NULL)
    *number = g_strdup (pdw_stmt_column_text (stmt, 0));
  if (contact_id != NULL)
    *contact_id = sqlite3_column_int64 (stmt, 1);
  if (merged_into != NULL)
    *merged_into = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* Every conversation that shows @complaint_id: its own and the linked ones. */
static GArray *
list_complaint_conversations (PdwStore  *self,
                              gint64     complaint_id,
                              GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row = FALSE;
  gboolean ok;

  if (!(stmt = pdw_store_prepare (self,
                                  "SELECT id FROM conversations WHERE complaint_id = ?1"
                                  " UNION SELECT conversation_id FROM complaints"
                                  "  WHERE id = ?1 AND conversation_id IS NOT NULL", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, complaint_id);
  while ((ok = pdw_store_step_row (self, stmt, &has_row, error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (!ok)
    return NULL;

  return g_steal_pointer (&ids);
}

static void
emit_complaint_and_conversations (PdwStore *self,
                                  gint64    complaint_id,
                                  GArray   *conversations)
{
  pdw_store_emit_complaint_changed (self, complaint_id);
  for (guint i = 0; conversations != NULL && i < conversations->len; i++)
    pdw_store_emit_conversation_changed (self, g_array_index (conversations, gint64, i));
}

static gboolean
check_actor (const PdwActor  *actor,
             GError         **error)
{
  if (actor == NULL || is_blank (actor->name))
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("The control card needs the officer's name: set it in the preferences."));
      return FALSE;
    }

  return TRUE;
}

/* ---- SLA ------------------------------------------------------------------ */

void
pdw_store_set_sla (PdwStore           *self,
                   PdwServiceCalendar *calendar,
                   const PdwSlaPolicy *policy)
{
  g_return_if_fail (PDW_IS_STORE (self));
  g_return_if_fail (calendar == NULL || PDW_IS_SERVICE_CALENDAR (calendar));

  g_rec_mutex_lock (&self->mutex);
  g_set_object (&self->calendar, calendar);
  if (policy != NULL)
    self->sla_policy = *policy;
  g_rec_mutex_unlock (&self->mutex);
}

/* ---- Complaints ------------------------------------------------------------ */

PdwComplaint *
pdw_store_dup_complaint_by_ticket (PdwStore    *self,
                                   const char  *ticket,
                                   GError     **error)
{
  PdwComplaint *ret;
  gboolean found = FALSE;
  GError *local_error = NULL;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (ticket != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_rec_mutex_lock (&self->mutex);
  ret = query_complaint_by_text (self, COMPLAINT_SELECT " WHERE ticket = ?1", ticket,
                                 &found, &local_error);
  g_rec_mutex_unlock (&self->mutex);

  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else if (!found)
    g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND,
                 _("There is no complaint with ticket “%s”."), ticket);

  return ret;
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

  if (!(stmt = pdw_store_select_by_id (self,
                                       "SELECT status, COALESCE (holder, assigned_officer), sla_started_at,"
                                       "       due_at, overdue_notified_at"
                                       "  FROM complaints WHERE id = ?1",
                                       complaint_id, PDW_STORE_ROW_COMPLAINT, error)))
    return FALSE;

  state->status = pdw_stmt_column_complaint_status (stmt, 0);
  state->holder = g_strdup (pdw_stmt_column_text (stmt, 1));
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

  if (!(stmt = pdw_store_prepare (self,
                                  "UPDATE complaints SET status = ?2, holder = ?3, sla_started_at = ?4,"
                                  "  due_at = ?5, overdue_notified_at = ?6, updated_at = ?7"
                                  " WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, complaint_id);
  pdw_stmt_bind_text (stmt, 2, pdw_complaint_status_to_string (state->status));
  pdw_stmt_bind_text (stmt, 3, state->holder);
  sqlite3_bind_int64 (stmt, 4, state->sla_started_at);
  sqlite3_bind_int64 (stmt, 5, state->due_at);
  sqlite3_bind_int64 (stmt, 6, state->overdue_notified_at);
  sqlite3_bind_int64 (stmt, 7, now);
  return pdw_store_step_done (self, stmt, error);
}

/* Who receives the file with the action, for the card's "received" column
 * and the holder. */
static const char *
receiving_party (const char      *action,
                 const char      *to_party,
                 const PdwActor  *actor)
{
  if (!is_blank (to_party))
    return to_party;

  if (g_strcmp0 (action, "return_from_coordination") == 0)
    return actor->name;

  return NULL;
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
  g_auto(ComplaintState) state = { 0 };
  PdwWorkflowInput input = { 0 };
  PdwComplaintStatus from, to;
  g_autofree char *from_party = NULL;
  const char *received_by;
  gint64 now = pdw_store_now (self);

  if (!pdw_store_begin (self, error))
    return FALSE;

  if (!read_complaint_state (self, complaint_id, &state, error))
    goto failed;

  input.note = note;
  input.to_party = to_party;
  input.sla_started = state.sla_started_at != 0;
  from = state.status;
  if (!pdw_workflow_check (from, action, &input, &to, error))
    goto failed;

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
      gint64 due = pdw_service_calendar_compute_due (ensure_calendar (self), &self->sla_policy, now);

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

  if (!write_complaint_state (self, complaint_id, &state, now, error) ||
      !pdw_store_insert_complaint_event (self, complaint_id, now, actor, action,
                                         pdw_complaint_status_to_string (from),
                                         pdw_complaint_status_to_string (to),
                                         from_party, received_by,
                                         is_blank (note) ? NULL : note, error) ||
      !(*conversations = list_complaint_conversations (self, complaint_id, error)) ||
      !pdw_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  g_clear_pointer (conversations, g_array_unref);
  pdw_store_rollback (self);
  return FALSE;
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

  if (!check_actor (actor, error))
    return NULL;

  g_rec_mutex_lock (&self->mutex);
  ret = apply_action_locked (self, complaint_id, action, note, to_party, actor, &conversations, error);
  g_rec_mutex_unlock (&self->mutex);

  if (!ret)
    return NULL;

  emit_complaint_and_conversations (self, complaint_id, conversations);
  return pdw_store_dup_complaint (self, complaint_id, error);
}

GPtrArray *
pdw_store_list_complaints_due_before (PdwStore  *self,
                                      gint64     before,
                                      GError   **error)
{
  GPtrArray *ret;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Written like the complaints_by_due index so that it is used. */
  g_rec_mutex_lock (&self->mutex);
  ret = pdw_store_query_objects (self,
                                 COMPLAINT_SELECT
                                 " WHERE due_at > 0 AND status NOT IN ('selesai', 'ditolak', 'rujuk_biometrik')"
                                 "   AND due_at <= ?1"
                                 " ORDER BY due_at, id",
                                 TRUE, before, (PdwStoreRowBuilder) pdw_store_complaint_from_row, error);
  g_rec_mutex_unlock (&self->mutex);

  return ret;
}

static gboolean
mark_overdue_notified_locked (PdwStore  *self,
                              gint64     complaint_id,
                              gboolean  *marked,
                              GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  g_autoptr(PdwStmt) exists = NULL;

  if (!(stmt = pdw_store_prepare (self,
                                  "UPDATE complaints SET overdue_notified_at = ?2"
                                  " WHERE id = ?1 AND overdue_notified_at = 0", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, complaint_id);
  sqlite3_bind_int64 (stmt, 2, MAX (pdw_store_now (self), 1));
  if (!pdw_store_step_done (self, stmt, error))
    return FALSE;

  *marked = sqlite3_changes (self->db) > 0;
  if (*marked)
    return TRUE;

  exists = pdw_store_select_by_id (self, "SELECT 1 FROM complaints WHERE id = ?1",
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
    pdw_store_emit_complaint_changed (self, complaint_id);

  return ok && marked;
}

GPtrArray *
pdw_store_list_consolidation (PdwStore  *self,
                              gint64     from,
                              gint64     to,
                              gboolean   include_processed,
                              GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  GPtrArray *ret = NULL;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The inner IN finds candidates through complaint_events_by_action; the
   * outer test keeps those whose latest listing is in the range. */
  g_rec_mutex_lock (&self->mutex);
  if ((stmt = pdw_store_prepare (self,
                                 "SELECT * FROM (" COMPLAINT_SELECT
                                 "  WHERE id IN (SELECT complaint_id FROM complaint_events"
                                 "                WHERE action = 'add_to_consolidation'"
                                 "                  AND timestamp >= ?1 AND timestamp < ?2)) AS x"
                                 " WHERE x.listed_at >= ?1 AND x.listed_at < ?2"
                                 "   AND (?3 OR (x.status IN ('konsolidasi', 'menunggu')"
                                 "               AND x.consolidation_result IS NULL))"
                                 " ORDER BY x.listed_at, x.id", error)))
    {
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
      sqlite3_bind_int (stmt, 3, include_processed ? 1 : 0);
      ret = pdw_store_collect_rows (self, stmt, (PdwStoreRowBuilder) pdw_store_complaint_from_row, error);
    }
  g_clear_pointer (&stmt, pdw_stmt_release);
  g_rec_mutex_unlock (&self->mutex);

  return ret;
}

/* ---- Duplicates ------------------------------------------------------------ */

PdwComplaint *
pdw_store_find_open_complaint_by_nik (PdwStore    *self,
                                      const char  *nik,
                                      GError     **error)
{
  PdwComplaint *ret;
  gboolean found;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (nik != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_rec_mutex_lock (&self->mutex);
  ret = query_complaint_by_text (self,
                                 COMPLAINT_SELECT " WHERE nik = ?1 AND " OPEN_STATUS_SQL
                                 " ORDER BY id DESC LIMIT 1",
                                 nik, &found, error);
  g_rec_mutex_unlock (&self->mutex);

  return ret;
}

gboolean
pdw_store_find_open_complaint_of_conversation (PdwStore  *self,
                                               gint64     conversation_id,
                                               gint64    *complaint_id,
                                               GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row;

  *complaint_id = 0;
  if (!(stmt = pdw_store_prepare (self,
                                  "SELECT id FROM complaints WHERE " OPEN_STATUS_SQL
                                  "   AND (id = (SELECT complaint_id FROM conversations WHERE id = ?1)"
                                  "        OR conversation_id = ?1)"
                                  " ORDER BY id DESC LIMIT 1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  if (!pdw_store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    *complaint_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
set_conversation_complaint (PdwStore  *self,
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

/* Appends an event that only adds a line (status kept). */
static gboolean
append_line (PdwStore        *self,
             gint64           complaint_id,
             gint64           now,
             const PdwActor  *actor,
             const char      *action,
             const char      *note,
             GError         **error)
{
  g_auto(ComplaintState) state = { 0 };
  const char *status;

  if (!read_complaint_state (self, complaint_id, &state, error))
    return FALSE;

  status = pdw_complaint_status_to_string (state.status);
  return pdw_store_insert_complaint_event (self, complaint_id, now, actor, action,
                                           status, status, state.holder, NULL, note, error) &&
         write_complaint_state (self, complaint_id, &state, now, error);
}

/* Inside the caller's transaction. */
static gboolean
link_locked (PdwStore        *self,
             gint64           conversation_id,
             gint64           complaint_id,
             const PdwActor  *actor,
             gint64           now,
             GError         **error)
{
  g_auto(ComplaintState) state = { 0 };
  g_autofree char *number = NULL;
  gint64 current = 0;

  if (!dup_conversation_number (self, conversation_id, &number, NULL, NULL, error) ||
      !read_complaint_state (self, complaint_id, &state, error))
    return FALSE;

  if (pdw_workflow_status_is_final (state.status))
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("A closed complaint cannot take another conversation; reopen it first."));
      return FALSE;
    }

  if (!pdw_store_find_open_complaint_of_conversation (self, conversation_id, &current, error))
    return FALSE;

  if (current == complaint_id)
    return TRUE;

  if (current != 0)
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("This conversation already has an open complaint of its own."));
      return FALSE;
    }

  return set_conversation_complaint (self, conversation_id, complaint_id, error) &&
         append_line (self, complaint_id, now, actor, "link_conversation", number, error);
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

  if (!check_actor (actor, error))
    return NULL;

  g_rec_mutex_lock (&self->mutex);
  ok = pdw_store_begin (self, error);
  if (ok)
    {
      ok = link_locked (self, conversation_id, complaint_id, actor, pdw_store_now (self), error) &&
           (conversations = list_complaint_conversations (self, complaint_id, error)) != NULL &&
           pdw_store_commit (self, error);
      if (!ok)
        pdw_store_rollback (self);
    }
  g_rec_mutex_unlock (&self->mutex);

  if (!ok)
    return NULL;

  emit_complaint_and_conversations (self, complaint_id, conversations);
  return pdw_store_dup_complaint (self, complaint_id, error);
}

/* A cheap test before the extractor runs on every inbound text: a NIK
 * needs 16 digits. */
static gboolean
may_carry_nik (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) && ++digits >= 16)
      return TRUE;

  return FALSE;
}

gboolean
pdw_store_link_by_text (PdwStore         *self,
                        gint64            conversation_id,
                        const char       *text,
                        gint64            now,
                        PdwStoreChanges  *changes,
                        GError          **error)
{
  static const PdwActor automatic = { AUTOMATIC_ACTOR_NAME, NULL, NULL };
  g_autoptr(GPtrArray) people = NULL;
  gint64 current = 0;

  if (text == NULL || !may_carry_nik (text))
    return TRUE;

  if (!pdw_store_find_open_complaint_of_conversation (self, conversation_id, &current, error))
    return FALSE;

  if (current != 0)
    return TRUE;

  people = pdw_extract_people (text);
  for (guint i = 0; i < people->len; i++)
    {
      PdwExtractedPerson *person = g_ptr_array_index (people, i);
      g_autoptr(PdwIdentityResult) nik = NULL;
      g_autoptr(PdwComplaint) complaint = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean found = FALSE;

      if (person->nik == NULL)
        continue;

      nik = pdw_identity_parse (PDW_IDENTITY_NIK, person->nik, NULL);
      if (!nik->valid)
        continue;

      complaint = query_complaint_by_text (self,
                                           COMPLAINT_SELECT " WHERE nik = ?1 AND " OPEN_STATUS_SQL
                                           " ORDER BY id DESC LIMIT 1",
                                           nik->digits, &found, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (complaint == NULL)
        continue;

      if (!link_locked (self, conversation_id, pdw_complaint_get_id (complaint), &automatic, now, error))
        return FALSE;

      pdw_store_add_unique_id (changes->complaints, pdw_complaint_get_id (complaint));
      pdw_store_add_unique_id (changes->conversations, conversation_id);
      return TRUE;
    }

  return TRUE;
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

  if (!(stmt = pdw_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, second);
  return pdw_store_step_done (self, stmt, error);
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
  gint64 now = pdw_store_now (self);

  if (!pdw_store_begin (self, error))
    return FALSE;

  if (!dup_conversation_number (self, into_id, NULL, &into_contact, &into_merged, error) ||
      !dup_conversation_number (self, from_id, &from_number, &from_contact, &from_merged, error))
    goto failed;

  if (into_merged != 0 || from_merged != 0)
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("This conversation was already merged into another one."));
      goto failed;
    }

  if (!pdw_store_find_open_complaint_of_conversation (self, into_id, &into_complaint, error) ||
      !pdw_store_find_open_complaint_of_conversation (self, from_id, &from_complaint, error))
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

    if (!(move = pdw_store_prepare (self,
                                    "UPDATE messages SET contact_id = COALESCE (contact_id, ?2),"
                                    "  conversation_id = ?1 WHERE conversation_id = ?3", error)))
      goto failed;
    sqlite3_bind_int64 (move, 1, into_id);
    sqlite3_bind_int64 (move, 2, from_contact);
    sqlite3_bind_int64 (move, 3, from_id);
    if (!pdw_store_step_done (self, move, error))
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
      if (!set_conversation_complaint (self, into_id, from_complaint, error))
        goto failed;
      into_complaint = from_complaint;
    }

  if (into_complaint != 0 &&
      !append_line (self, into_complaint, now, actor, "merge_contact", from_number, error))
    goto failed;

  if (!pdw_store_commit (self, error))
    goto failed;

  *complaint_id = into_complaint;
  return TRUE;

failed:
  pdw_store_rollback (self);
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

  if (!check_actor (actor, error))
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
    pdw_store_emit_complaint_changed (self, complaint_id);
  pdw_store_emit_conversation_changed (self, from_id);
  pdw_store_emit_conversation_changed (self, into_id);
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
  if (pdw_store_conversation_exists (self, conversation_id, error) &&
      (stmt = pdw_store_prepare (self,
                                 "SELECT COALESCE (k.wa_id, k.user_id), c.id <> ?1"
                                 "  FROM conversations c JOIN contacts k ON k.id = c.contact_id"
                                 " WHERE c.id = ?1 OR c.merged_into = ?1"
                                 " ORDER BY 2, c.id", error)))
    {
      sqlite3_bind_int64 (stmt, 1, conversation_id);
      while ((ok = pdw_store_step_row (self, stmt, &has_row, error)) && has_row)
        if (pdw_stmt_column_text (stmt, 0) != NULL)
          g_strv_builder_add (builder, pdw_stmt_column_text (stmt, 0));
    }
  g_clear_pointer (&stmt, pdw_stmt_release);
  g_rec_mutex_unlock (&self->mutex);

  if (!ok)
    return NULL;

  return g_strv_builder_end (builder);
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
  gint64 message_id = 0;
  gboolean ok;

  g_return_val_if_fail (PDW_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (is_blank (template_name) || is_blank (language))
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("A template message needs the approved template's name and language."));
      return 0;
    }

  params_json = params_to_json (body_params);

  g_rec_mutex_lock (&self->mutex);
  ok = pdw_store_insert_outgoing (self, conversation_id, "template", display_text, officer_name,
                                  template_name, language, params_json, &message_id, error);
  g_rec_mutex_unlock (&self->mutex);

  if (!ok)
    return 0;

  pdw_store_emit_message_changed (self, conversation_id, message_id);
  pdw_store_emit_conversation_changed (self, conversation_id);
  return message_id;
}

gint64
pdw_store_get_last_auto_reply_time (PdwStore  *self,
                                    gint64     conversation_id,
                                    GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gint64 ret = 0;

  g_return_val_if_fail (PDW_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  g_rec_mutex_lock (&self->mutex);
  if ((stmt = pdw_store_select_by_id (self, "SELECT last_auto_reply_at FROM conversations WHERE id = ?1",
                                      conversation_id, PDW_STORE_ROW_CONVERSATION, error)))
    ret = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, pdw_stmt_release);
  g_rec_mutex_unlock (&self->mutex);

  return ret;
}

static gboolean
queue_auto_reply_locked (PdwStore    *self,
                         gint64       conversation_id,
                         const char  *text,
                         gint64      *message_id,
                         GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!pdw_store_begin (self, error))
    return FALSE;

  if (!pdw_store_insert_outgoing (self, conversation_id, "text", text, NULL,
                                  NULL, NULL, NULL, message_id, error) ||
      !(stmt = pdw_store_prepare (self, "UPDATE conversations SET last_auto_reply_at = ?2 WHERE id = ?1",
                                  error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, pdw_store_now (self));
  if (!pdw_store_step_done (self, stmt, error) || !pdw_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  pdw_store_rollback (self);
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

  if (is_blank (text))
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

  pdw_store_emit_message_changed (self, conversation_id, message_id);
  pdw_store_emit_conversation_changed (self, conversation_id);
  return message_id;
}

gint64
pdw_store_find_conversation_by_wa_id (PdwStore    *self,
                                      const char  *wa_id,
                                      GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row = FALSE;
  gint64 ret = -1;

  g_return_val_if_fail (PDW_IS_STORE (self), -1);
  g_return_val_if_fail (wa_id != NULL, -1);

  g_rec_mutex_lock (&self->mutex);
  /* A merged number answers with the conversation that absorbed it. */
  stmt = pdw_store_prepare (self,
                            "SELECT COALESCE (c.merged_into, c.id)"
                            "  FROM contacts k JOIN conversations c ON c.contact_id = k.id"
                            " WHERE k.wa_id = ?1",
                            error);
  if (stmt != NULL)
    {
      pdw_stmt_bind_text (stmt, 1, wa_id);
      if (pdw_store_step_row (self, stmt, &has_row, error))
        ret = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
    }
  g_clear_pointer (&stmt, pdw_stmt_release);
  g_rec_mutex_unlock (&self->mutex);

  return ret;
}
