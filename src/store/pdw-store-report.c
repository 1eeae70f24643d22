/* pdw-store-report.c: the facts of a span of time for the monthly report
 * (pdw-report-facts.h), read through indexes only, and the report computed
 * from them.  Definitions: docs/report-definitions.md.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "pdw-store-private.h"

/* How far before its registration the citizen's first message of a file is
 * looked for (docs/report-definitions.md, "Citizen's first message"). */
#define FIRST_MESSAGE_WINDOW (7 * 24 * 60 * 60)

#define FILE_COLUMNS \
  "SELECT id, ticket, complaint_type, institution, nik, created_at," \
  "       COALESCE (conversation_id, 0), COALESCE (survey_asked_at, 0)," \
  "       COALESCE (survey_rating, 0), COALESCE (survey_rated_at, 0)" \
  "  FROM complaints"

/* Registered in the span. */
#define SQL_FILES_REGISTERED \
  FILE_COLUMNS " WHERE created_at >= ?1 AND created_at < ?2"
/* Registered before the span and open now: the working set's index, not
 * the registration time's, which would read the whole history before the
 * span (the unary + keeps SQLite off it). */
#define SQL_FILES_OPEN_BEFORE \
  FILE_COLUMNS " WHERE status NOT IN ('selesai', 'ditolak') AND +created_at < ?1"
/* Registered before the span, closed now, with a closing or reopening line
 * in the span or after it: open at some moment of the span. */
#define SQL_FILES_CLOSED_SINCE \
  FILE_COLUMNS " WHERE id IN (SELECT complaint_id FROM complaint_events" \
  "                            WHERE action IN ('resolve', 'reject', 'reopen', 'status')" \
  "                              AND timestamp >= ?1)" \
  "   AND +created_at < ?1 AND status IN ('selesai', 'ditolak')"

#define EVENT_COLUMNS \
  "SELECT complaint_id, timestamp, action, actor_name, to_status FROM complaint_events"
#define SQL_EVENTS_OF_RANGE \
  EVENT_COLUMNS " WHERE complaint_id >= ?1 AND complaint_id <= ?2 ORDER BY complaint_id, id"
#define SQL_EVENTS_OF_FILE \
  EVENT_COLUMNS " WHERE complaint_id = ?1 ORDER BY id"

/* The citizen's first and last message of a file (in its conversation,
 * not after the registration ?3, after the window ?4, after the closing
 * of the conversation's previous file and after the rating the citizen
 * gave it, which answers the survey and opens nothing) and the first reply
 * an officer wrote after the first: one statement per file. */
#define SQL_FILE_CHAT \
  "SELECT i.first, i.last, (" \
  "         SELECT r.timestamp FROM messages r" \
  "          WHERE r.conversation_id = ?1 AND r.direction = 'out' AND r.timestamp >= i.first" \
  "            AND r.officer_name IS NOT NULL AND r.officer_name <> '' AND r.status <> 'failed'" \
  "          ORDER BY r.timestamp LIMIT 1)" \
  "  FROM (SELECT min (m.timestamp) AS first, max (m.timestamp) AS last FROM messages m" \
  "         WHERE m.conversation_id = ?1 AND m.direction = 'in' AND m.timestamp <= ?3" \
  "           AND m.timestamp > max (?4, COALESCE ((" \
  "                 SELECT max (e.timestamp) FROM complaints p" \
  "                   JOIN complaint_events e ON e.complaint_id = p.id" \
  "                  WHERE p.conversation_id = ?1 AND p.id <> ?2 AND p.created_at <= ?3" \
  "                    AND e.to_status IN ('selesai', 'ditolak') AND e.timestamp <= ?3), 0)," \
  "               COALESCE ((" \
  "                 SELECT max (q.survey_rated_at) FROM complaints q" \
  "                  WHERE q.conversation_id = ?1 AND q.id <> ?2 AND q.created_at <= ?3" \
  "                    AND q.survey_rated_at <= ?3), 0))) i"
#define SQL_FIRST_REPLY \
  "SELECT timestamp FROM messages" \
  " WHERE conversation_id = ?1 AND direction = 'out' AND timestamp >= ?2" \
  "   AND officer_name IS NOT NULL AND officer_name <> '' AND status <> 'failed'" \
  " ORDER BY timestamp LIMIT 1"

/* By creation time, not by the merged ones' index (nearly every row). */
#define SQL_CONVERSATION_STARTS \
  "SELECT created_at FROM conversations" \
  " WHERE created_at >= ?1 AND created_at < ?2 AND +merged_into IS NULL"
#define SQL_CITIZEN_MESSAGES \
  "SELECT timestamp FROM messages WHERE direction = 'in' AND timestamp >= ?1 AND timestamp < ?2"

/* A file row before its lines are read. */
typedef struct
{
  gint64      id;
  gint64      created_at;
  gint64      conversation_id;
  const char *ticket;
  const char *complaint_type;
  const char *institution;
  const char *nik;
  gint64      survey_asked_at;
  int         survey_rating;
  gint64      survey_rated_at;
} FileRow;

static int
compare_file_rows (gconstpointer a,
                   gconstpointer b)
{
  const FileRow *fa = a, *fb = b;

  return (fa->id > fb->id) - (fa->id < fb->id);
}

static gboolean
finish_steps (PdwStore  *self,
              int        rc,
              GError   **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  _pdw_store_set_error_from_code (self, error, rc);
  return FALSE;
}

static gboolean
collect_files (PdwStore        *self,
               PdwReportFacts  *facts,
               const char      *sql,
               GArray          *rows,
               GHashTable      *seen,
               GError         **error)
{
  g_autoptr(PdwStmt) stmt = _pdw_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, facts->start);
  sqlite3_bind_int64 (stmt, 2, facts->end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FileRow row = { 0 };

      row.id = sqlite3_column_int64 (stmt, 0);
      if (!g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize) row.id)))
        continue;
      row.ticket = pdw_report_facts_intern (facts, _pdw_stmt_column_text (stmt, 1));
      row.complaint_type = pdw_report_facts_intern (facts, _pdw_stmt_column_text (stmt, 2));
      row.institution = pdw_report_facts_intern (facts, _pdw_stmt_column_text (stmt, 3));
      row.nik = pdw_report_facts_intern (facts, _pdw_stmt_column_text (stmt, 4));
      row.created_at = sqlite3_column_int64 (stmt, 5);
      row.conversation_id = sqlite3_column_int64 (stmt, 6);
      row.survey_asked_at = sqlite3_column_int64 (stmt, 7);
      row.survey_rating = sqlite3_column_int (stmt, 8);
      row.survey_rated_at = sqlite3_column_int64 (stmt, 9);
      g_array_append_val (rows, row);
    }

  return finish_steps (self, rc, error);
}

static void
add_event_from_row (PdwReportFacts *facts,
                    PdwStmt        *stmt)
{
  PdwReportEventFact *event;
  const char *to_status = _pdw_stmt_column_text (stmt, 4);

  event = pdw_report_facts_add_event (facts, sqlite3_column_int64 (stmt, 1),
                                      _pdw_stmt_column_text (stmt, 2),
                                      _pdw_stmt_column_text (stmt, 3));
  event->has_to_status = to_status != NULL &&
                         pdw_complaint_status_from_string (to_status, &event->to_status);
}

static gboolean
read_first_reply (PdwStore  *self,
                  gint64     conversation_id,
                  gint64     from,
                  gint64    *reply_at,
                  GError   **error)
{
  g_autoptr(PdwStmt) stmt = _pdw_store_prepare (self, SQL_FIRST_REPLY, error);
  gboolean has_row;

  *reply_at = 0;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, from);
  if (!_pdw_store_step_row (self, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    *reply_at = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The chat facts of a file registered where the report measures first
 * responses. */
static gboolean
read_file_messages (PdwStore           *self,
                    const FileRow      *row,
                    PdwReportFileFact  *file,
                    GError            **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row;

  if (row->conversation_id <= 0)
    return TRUE;

  if (!(stmt = _pdw_store_prepare (self, SQL_FILE_CHAT, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->conversation_id);
  sqlite3_bind_int64 (stmt, 2, row->id);
  sqlite3_bind_int64 (stmt, 3, row->created_at);
  sqlite3_bind_int64 (stmt, 4, row->created_at - FIRST_MESSAGE_WINDOW);
  if (!_pdw_store_step_row (self, stmt, &has_row, error))
    return FALSE;
  if (!has_row || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return TRUE;

  file->first_inbound_at = sqlite3_column_int64 (stmt, 0);
  file->last_inbound_at = sqlite3_column_int64 (stmt, 1);
  file->first_reply_at = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* The lines of every file, in id order: one range read for the files
 * registered in the span (their ids are close together), one read per
 * older file. */
static gboolean
read_files (PdwStore        *self,
            PdwReportFacts  *facts,
            GArray          *rows,
            gint64           messages_from,
            GError         **error)
{
  g_autoptr(PdwStmt) range = NULL;
  gint64 lo = G_MAXINT64, hi = G_MININT64;
  gboolean range_row = FALSE;
  int rc = SQLITE_DONE;

  g_array_sort (rows, compare_file_rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const FileRow *row = &g_array_index (rows, FileRow, i);

      if (row->created_at >= facts->start)
        {
          lo = MIN (lo, row->id);
          hi = MAX (hi, row->id);
        }
    }

  if (lo <= hi)
    {
      if (!(range = _pdw_store_prepare (self, SQL_EVENTS_OF_RANGE, error)))
        return FALSE;
      sqlite3_bind_int64 (range, 1, lo);
      sqlite3_bind_int64 (range, 2, hi);
      rc = sqlite3_step (range);
      range_row = rc == SQLITE_ROW;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const FileRow *row = &g_array_index (rows, FileRow, i);
      PdwReportFileFact *file = pdw_report_facts_add_file (facts, row->id, row->created_at);
      gint64 conversation_id = row->conversation_id;
      guint first_event;

      file->ticket = row->ticket;
      file->complaint_type = row->complaint_type;
      file->institution = row->institution;
      file->nik = row->nik;
      file->survey_asked_at = row->survey_asked_at;
      file->survey_rating = row->survey_rating;
      file->survey_rated_at = row->survey_rated_at;
      if (row->created_at >= messages_from &&
          !read_file_messages (self, row, file, error))
        return FALSE;

      first_event = facts->events->len;
      if (row->id >= lo && row->id <= hi)
        {
          while (range_row && sqlite3_column_int64 (range, 0) < row->id)
            range_row = (rc = sqlite3_step (range)) == SQLITE_ROW;
          while (range_row && sqlite3_column_int64 (range, 0) == row->id)
            {
              add_event_from_row (facts, range);
              range_row = (rc = sqlite3_step (range)) == SQLITE_ROW;
            }
          if (!range_row && rc != SQLITE_DONE)
            return finish_steps (self, rc, error);
        }
      else
        {
          g_autoptr(PdwStmt) stmt = _pdw_store_prepare (self, SQL_EVENTS_OF_FILE, error);
          int file_rc;

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, row->id);
          while ((file_rc = sqlite3_step (stmt)) == SQLITE_ROW)
            add_event_from_row (facts, stmt);
          if (!finish_steps (self, file_rc, error))
            return FALSE;
        }

      /* A reopening starts a new response cycle: its first reply. */
      for (guint e = first_event; e < facts->events->len; e++)
        {
          PdwReportEventFact *event = &g_array_index (facts->events, PdwReportEventFact, e);

          if (conversation_id > 0 && event->timestamp >= messages_from &&
              g_strcmp0 (event->action, "reopen") == 0 &&
              !read_first_reply (self, conversation_id, event->timestamp, &event->reply_after, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_times (PdwStore  *self,
            const char *sql,
            gint64     start,
            gint64     end,
            GArray    *times,
            GError   **error)
{
  g_autoptr(PdwStmt) stmt = _pdw_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 t = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (times, t);
    }

  return finish_steps (self, rc, error);
}

static gboolean
read_labels (PdwStore        *self,
             PdwCatalogKind   kind,
             GHashTable      *labels,
             PdwReportFacts  *facts,
             GError         **error)
{
  g_autoptr(GPtrArray) entries = pdw_store_list_catalog (self, kind, TRUE, error);

  if (entries == NULL)
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      PdwCatalogEntry *entry = g_ptr_array_index (entries, i);

      g_hash_table_insert (labels,
                           (gpointer) pdw_report_facts_intern (facts, pdw_catalog_entry_get_code (entry)),
                           (gpointer) pdw_report_facts_intern (facts, pdw_catalog_entry_get_label (entry)));
    }

  return TRUE;
}

static gboolean
read_facts_locked (PdwStore        *self,
                   PdwReportFacts  *facts,
                   gint64           messages_from,
                   GError         **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (FileRow));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  return collect_files (self, facts, SQL_FILES_REGISTERED, rows, seen, error) &&
         collect_files (self, facts, SQL_FILES_OPEN_BEFORE, rows, seen, error) &&
         collect_files (self, facts, SQL_FILES_CLOSED_SINCE, rows, seen, error) &&
         read_files (self, facts, rows, messages_from, error) &&
         read_times (self, SQL_CONVERSATION_STARTS, facts->start, facts->end,
                     facts->conversation_starts, error) &&
         read_times (self, SQL_CITIZEN_MESSAGES, MAX (messages_from, facts->start), facts->end,
                     facts->citizen_messages, error);
}

/* @messages_from: the chat facts (first responses, citizens' messages) are
 * read only from there on; the months before it feed the rekapitulasi,
 * which does not show them. */
static PdwReportFacts *
read_facts (PdwStore  *self,
            gint64     start,
            gint64     end,
            gint64     messages_from,
            GError   **error)
{
  g_autoptr(PdwReportFacts) facts = pdw_report_facts_new (start, end);
  gboolean in_transaction;
  gboolean ok;

  if (!read_labels (self, PDW_CATALOG_COMPLAINT_TYPE, facts->type_labels, facts, error) ||
      !read_labels (self, PDW_CATALOG_INSTITUTION, facts->institution_labels, facts, error))
    return NULL;

  g_rec_mutex_lock (&self->mutex);
  /* One read transaction: every query sees the same database. */
  in_transaction = sqlite3_get_autocommit (self->db) && _pdw_store_exec (self, "BEGIN", NULL);
  ok = read_facts_locked (self, facts, messages_from, error);
  if (in_transaction)
    _pdw_store_exec (self, "COMMIT", NULL);
  g_rec_mutex_unlock (&self->mutex);

  return ok ? g_steal_pointer (&facts) : NULL;
}

PdwReportFacts *
pdw_store_read_report_facts (PdwStore  *self,
                             gint64     start,
                             gint64     end,
                             GError   **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (start <= end, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_facts (self, start, end, start, error);
}

PdwReport *
pdw_store_compute_report (PdwStore               *self,
                          const PdwReportPeriod  *period,
                          PdwServiceCalendar     *calendar,
                          const PdwSlaPolicy     *policy,
                          GError                **error)
{
  g_autoptr(PdwReportFacts) facts = NULL;
  g_autoptr(PdwServiceCalendar) used_calendar = NULL;
  PdwReportPeriod previous;
  PdwSlaPolicy used_policy;
  gint64 start, end;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (calendar == NULL || PDW_IS_SERVICE_CALENDAR (calendar), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  used_calendar = _pdw_store_dup_sla (self, &used_policy);
  if (calendar != NULL)
    g_set_object (&used_calendar, calendar);
  if (policy != NULL)
    used_policy = *policy;

  pdw_report_facts_get_span (period, &start, &end);
  pdw_report_period_previous (period, &previous);
  if (!(facts = read_facts (self, start, end, MIN (previous.start, period->start), error)))
    return NULL;

  return pdw_report_build (period, facts, used_calendar, &used_policy, _pdw_store_now (self));
}

typedef struct
{
  PdwReportPeriod     period;
  PdwServiceCalendar *calendar;
  gboolean            has_policy;
  PdwSlaPolicy        policy;
} ComputeData;

static void
compute_data_free (ComputeData *data)
{
  g_clear_object (&data->calendar);
  g_free (data);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  GError *error = NULL;
  PdwReport *report;

  report = pdw_store_compute_report (source_object, &data->period, data->calendar,
                                     data->has_policy ? &data->policy : NULL, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

void
pdw_store_compute_report_async (PdwStore               *self,
                                const PdwReportPeriod  *period,
                                PdwServiceCalendar     *calendar,
                                const PdwSlaPolicy     *policy,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *data;

  g_return_if_fail (PDW_IS_STORE (self));
  g_return_if_fail (period != NULL);

  data = g_new0 (ComputeData, 1);
  data->period = *period;
  data->calendar = calendar != NULL ? g_object_ref (calendar) : NULL;
  data->has_policy = policy != NULL;
  if (policy != NULL)
    data->policy = *policy;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_store_compute_report_async);
  g_task_set_task_data (task, data, (GDestroyNotify) compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

PdwReport *
pdw_store_compute_report_finish (PdwStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
