/* pdw-consolidation.c: the SIAK consolidation list for the ADB officer.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/pdw-workflow.h"
#include "pdw-consolidation.h"
#include "pdw-consolidation-private.h"
#include "pdw-export-private.h"

/* The first word of each action is the one the export writes and the XLSX
 * dropdown offers; the English ones are accepted for officers who type them. */
static const struct {
  const char *word;
  const char *action;
} result_words[] = {
  { "selesai",         "consolidation_done" },
  { "tidak ditemukan", "consolidation_not_found" },
  { "ganda",           "consolidation_duplicate" },
  { "done",            "consolidation_done" },
  { "not found",       "consolidation_not_found" },
  { "duplicate",       "consolidation_duplicate" },
};

/* ---- Dates ------------------------------------------------------------------ */

static gboolean
parse_wib_day (const char  *text,
               GTimeZone   *wib,
               GDateTime  **out,
               GError     **error)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    goto bad;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        goto bad;
    }

  year = (guint) atoi (text);
  month = (guint) atoi (text + 5);
  day = (guint) atoi (text + 8);
  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    goto bad;

  *out = g_date_time_new (wib, (int) year, (int) month, (int) day, 0, 0, 0);
  if (*out != NULL)
    return TRUE;

bad:
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("“%s” is not a date; use YYYY-MM-DD, e.g. 2026-11-02"),
               text != NULL ? text : "");
  return FALSE;
}

gboolean
pdw_consolidation_parse_range (const char  *from,
                               const char  *to,
                               gint64      *start,
                               gint64      *end,
                               GError     **error)
{
  g_autoptr(GTimeZone) wib = pdw_time_zone_new_wib ();
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) after_last = NULL;

  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (start != NULL, FALSE);
  g_return_val_if_fail (end != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_wib_day (from, wib, &first, error))
    return FALSE;

  if (to == NULL)
    last = g_date_time_ref (first);
  else if (!parse_wib_day (to, wib, &last, error))
    return FALSE;

  if (g_date_time_compare (last, first) < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The range ends on %s, before it starts on %s"), to, from);
      return FALSE;
    }

  after_last = g_date_time_add_days (last, 1);
  *start = g_date_time_to_unix (first);
  *end = g_date_time_to_unix (after_last);
  return TRUE;
}

static char *
format_wib (gint64      unix_time,
            const char *format)
{
  g_autoptr(GTimeZone) wib = pdw_time_zone_new_wib ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");

  local = g_date_time_to_timezone (utc, wib);
  return g_date_time_format (local, format);
}

static char *
describe_period (gint64 start,
                 gint64 end)
{
  g_autofree char *first = format_wib (start, "%d-%m-%Y");
  g_autofree char *last = format_wib (end - 1, "%d-%m-%Y");

  if (g_strcmp0 (first, last) == 0)
    return g_strdup_printf ("Daftar konsolidasi SIAK tanggal %s", first);

  return g_strdup_printf ("Daftar konsolidasi SIAK tanggal %s s.d. %s", first, last);
}

/* ---- Result words ----------------------------------------------------------- */

/* Case-folded, trimmed, runs of white space (including the no-break spaces
 * spreadsheets like to insert) made one ASCII space. */
static char *
normalize_word (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

const char *
pdw_consolidation_action_for_result (const char *word)
{
  g_autofree char *normalized = NULL;

  if (word == NULL || !g_utf8_validate (word, -1, NULL))
    return NULL;

  normalized = normalize_word (word);
  for (guint i = 0; i < G_N_ELEMENTS (result_words); i++)
    {
      if (strcmp (normalized, result_words[i].word) == 0)
        return result_words[i].action;
    }

  return NULL;
}

static const char *
result_word_for_action (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (result_words); i++)
    {
      if (g_strcmp0 (action, result_words[i].action) == 0)
        return result_words[i].word;
    }

  return "";
}

/* ---- Collecting the rows ------------------------------------------------------ */

static char *
dup_label (PdwStore       *store,
           PdwCatalogKind  kind,
           const char     *code)
{
  if (code == NULL || *code == '\0')
    return g_strdup ("");

  return pdw_store_dup_catalog_label_id (store, kind, code);
}

/* One GStrv of N_COLUMNS cells per complaint. */
static GPtrArray *
collect_rows (PdwStore  *store,
              gint64     start,
              gint64     end,
              gboolean   include_processed,
              GError   **error)
{
  g_autoptr(GPtrArray) complaints = NULL;
  GPtrArray *rows;

  complaints = pdw_store_list_consolidation (store, start, end, include_processed, error);
  if (complaints == NULL)
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < complaints->len; i++)
    {
      PdwComplaint *complaint = g_ptr_array_index (complaints, i);
      char **cells = g_new0 (char *, N_COLUMNS + 1);

      cells[COL_NO] = g_strdup_printf ("%u", i + 1);
      cells[COL_TICKET] = g_strdup (pdw_complaint_get_ticket (complaint));
      cells[COL_LISTED_AT] = format_wib (pdw_complaint_get_listed_at (complaint), "%Y-%m-%d %H:%M");
      cells[COL_NAME] = g_strdup (pdw_complaint_get_citizen_name (complaint));
      cells[COL_NIK] = g_strdup (pdw_complaint_get_nik (complaint));
      cells[COL_KK] = g_strdup (pdw_complaint_get_kk (complaint));
      cells[COL_PHONE] = _pdw_export_dup_phone (pdw_complaint_get_phone (complaint));
      cells[COL_TYPE] = dup_label (store, PDW_CATALOG_COMPLAINT_TYPE,
                                   pdw_complaint_get_complaint_type (complaint));
      cells[COL_INSTITUTION] = dup_label (store, PDW_CATALOG_INSTITUTION,
                                          pdw_complaint_get_institution (complaint));
      cells[COL_STATUS] = g_strdup (pdw_complaint_status_get_label_id (pdw_complaint_get_status (complaint)));
      cells[COL_RESULT] = g_strdup (result_word_for_action (pdw_complaint_get_consolidation_result (complaint)));
      cells[COL_NOTE] = g_strdup ("");

      for (guint col = 0; col < N_COLUMNS; col++)
        {
          if (cells[col] == NULL)
            cells[col] = g_strdup ("");
        }

      g_ptr_array_add (rows, cells);
    }

  return rows;
}

/* ---- Writing ---------------------------------------------------------------- */

PdwConsolidationFormat
pdw_consolidation_default_csv_format (void)
{
  const char * const *languages = g_get_language_names ();
  struct lconv *conv = localeconv ();

  if (conv != NULL && conv->decimal_point != NULL && strcmp (conv->decimal_point, ",") == 0)
    return PDW_CONSOLIDATION_FORMAT_CSV_SEMICOLON;
  if (languages[0] != NULL && (g_str_has_prefix (languages[0], "id_") || strcmp (languages[0], "id") == 0))
    return PDW_CONSOLIDATION_FORMAT_CSV_SEMICOLON;
  return PDW_CONSOLIDATION_FORMAT_CSV;
}

static gboolean
write_private_file (const char  *path,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Same as every export: atomic, so a half-written list never replaces the
   * previous one, and readable by the user only (it holds full NIKs). */
  if (!g_file_set_contents_full (path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, G_FILE_ERROR, local_error->code,
                   _("Cannot write the consolidation list to “%s”: %s"),
                   path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_csv (GPtrArray   *rows,
           const char  *period,
           char         separator,
           const char  *path,
           GError     **error)
{
  g_autoptr(GString) csv = _pdw_consolidation_csv_build (rows, period, separator);

  return write_private_file (path, csv->str, csv->len, error);
}

#if HAVE_XLSXWRITER
static gboolean
write_xlsx (GPtrArray   *rows,
            const char  *period,
            const char  *path,
            GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean ok;

  ok = _pdw_consolidation_xlsx_build (rows, period, &contents, &length, error) &&
       write_private_file (path, contents, length, error);

  /* Full NIKs: not left behind in freed memory. */
  if (contents != NULL)
    memset (contents, 0, length);
  return ok;
}
#endif

gboolean
pdw_consolidation_export (PdwStore                *store,
                          gint64                   start,
                          gint64                   end,
                          gboolean                 include_processed,
                          PdwConsolidationFormat   format,
                          const char              *path,
                          guint                   *n_rows,
                          GError                 **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *period = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (PDW_IS_STORE (store), FALSE);
  g_return_val_if_fail (start < end, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

#if !HAVE_XLSXWRITER
  if (format == PDW_CONSOLIDATION_FORMAT_XLSX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("This build of PANDAWA cannot write XLSX files; export the list as CSV"));
      return FALSE;
    }
#endif

  if (!(rows = collect_rows (store, start, end, include_processed, error)))
    return FALSE;

  period = describe_period (start, end);
  switch (format)
    {
    case PDW_CONSOLIDATION_FORMAT_CSV:
      ok = write_csv (rows, period, ',', path, error);
      break;

    case PDW_CONSOLIDATION_FORMAT_CSV_SEMICOLON:
      ok = write_csv (rows, period, ';', path, error);
      break;

    case PDW_CONSOLIDATION_FORMAT_XLSX:
#if HAVE_XLSXWRITER
      ok = write_xlsx (rows, period, path, error);
#endif
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  if (ok && n_rows != NULL)
    *n_rows = rows->len;

  return ok;
}

typedef struct
{
  PdwStore               *store;
  gint64                  start;
  gint64                  end;
  gboolean                include_processed;
  PdwConsolidationFormat  format;
  char                   *path;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_clear_object (&export->store);
  g_free (export->path);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;

  if (pdw_consolidation_export (export->store, export->start, export->end,
                                export->include_processed, export->format,
                                export->path, &n_rows, &error))
    g_task_return_int (task, n_rows);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
pdw_consolidation_export_async (PdwStore                *store,
                                gint64                   start,
                                gint64                   end,
                                gboolean                 include_processed,
                                PdwConsolidationFormat   format,
                                const char              *path,
                                GCancellable            *cancellable,
                                GAsyncReadyCallback      callback,
                                gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (PDW_IS_STORE (store));
  g_return_if_fail (start < end);
  g_return_if_fail (path != NULL);

  export = g_new0 (ExportData, 1);
  export->store = g_object_ref (store);
  export->start = start;
  export->end = end;
  export->include_processed = include_processed;
  export->format = format;
  export->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_consolidation_export_async);
  g_task_set_task_data (task, export, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
pdw_consolidation_export_finish (GAsyncResult  *result,
                                 guint         *n_rows,
                                 GError       **error)
{
  gssize written;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pdw_consolidation_export_async, FALSE);

  written = g_task_propagate_int (G_TASK (result), error);
  if (written < 0)
    return FALSE;

  if (n_rows != NULL)
    *n_rows = (guint) written;
  return TRUE;
}


/* ---- Reading back: finding the columns ------------------------------------------ */

typedef struct
{
  guint header;   /* index in the records */
  int   ticket;
  int   result;
  int   note;
} Columns;

static int
find_column (const Record       *record,
             const char * const *names)
{
  for (guint i = 0; i < record->cells->len; i++)
    {
      const char *value = g_ptr_array_index (record->cells, i);
      g_autofree char *normalized = NULL;

      if (value == NULL)
        continue;

      normalized = normalize_word (value);
      if (g_strv_contains (names, normalized))
        return (int) i;
    }

  return -1;
}

static gboolean
find_columns (GPtrArray *records,
              Columns   *columns)
{
  static const char * const ticket_names[] = { "tiket", "ticket", "no. tiket", NULL };
  static const char * const result_names[] = { "hasil", "result", NULL };
  static const char * const note_names[] = { "catatan", "note", "notes", "keterangan", NULL };

  for (guint i = 0; i < records->len; i++)
    {
      const Record *record = g_ptr_array_index (records, i);

      columns->ticket = find_column (record, ticket_names);
      columns->result = find_column (record, result_names);
      if (columns->ticket >= 0 && columns->result >= 0)
        {
          columns->header = i;
          columns->note = find_column (record, note_names);
          return TRUE;
        }
    }

  return FALSE;
}

static GPtrArray *
read_table (const char  *path,
            Columns     *columns,
            GError     **error)
{
  static const char separators[] = { ',', ';', '\t' };
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  if (length >= 4 && memcmp (contents, "PK\x03\x04", 4) == 0)
    {
#if HAVE_LIBARCHIVE
      g_autoptr(GPtrArray) records = _pdw_consolidation_xlsx_parse (path, contents, length, error);

      if (records == NULL)
        return NULL;
      if (find_columns (records, columns))
        return g_steal_pointer (&records);
      goto no_columns;
#else
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("This build of PANDAWA cannot read XLSX files; save “%s” as CSV"), path);
      return NULL;
#endif
    }

  if (!(text = _pdw_consolidation_csv_to_utf8 (contents, length)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a text file"), path);
      return NULL;
    }

  /* Spreadsheet programs save with the separator of their locale: in
   * Indonesian that is often ";".  The right one is the one that splits
   * the header row into Tiket and Hasil. */
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_autoptr(GPtrArray) records = _pdw_consolidation_csv_parse (text, separators[i]);

      if (find_columns (records, columns))
        return g_steal_pointer (&records);
    }

#if HAVE_LIBARCHIVE
no_columns:
#endif
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("“%s” has no “Tiket” and “Hasil” columns: is it a consolidation list?"), path);
  return NULL;
}

/* ---- Reading back: applying the results -------------------------------------------- */

void
pdw_consolidation_import_result_clear (PdwConsolidationImportResult *result)
{
  g_return_if_fail (result != NULL);

  result->applied = 0;
  result->skipped = 0;
  result->refused = 0;
  g_clear_pointer (&result->problems, g_ptr_array_unref);
}

static void
refuse (PdwConsolidationImportResult *result,
        guint                         row,
        char                         *message)
{
  result->refused++;
  g_ptr_array_add (result->problems,
                   g_strdup_printf (_("row %u: %s"), row, message));
  g_free (message);
}

static char *
dup_cell (const Record *record,
          int           column)
{
  return g_strstrip (g_strdup (_pdw_consolidation_record_get (record, column)));
}

static void
import_record (PdwStore                     *store,
               const Record                 *record,
               const Columns                *columns,
               const PdwActor               *actor,
               PdwConsolidationImportResult *result)
{
  g_autofree char *ticket = dup_cell (record, columns->ticket);
  g_autofree char *word = dup_cell (record, columns->result);
  g_autofree char *note = dup_cell (record, columns->note);
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaint) updated = NULL;
  g_autoptr(GError) error = NULL;
  const char *action;

  if (*word == '\0')
    {
      result->skipped++;
      return;
    }

  if (!(action = pdw_consolidation_action_for_result (word)))
    {
      refuse (result, record->number,
              g_strdup_printf (_("unknown result “%s” (use selesai, tidak ditemukan or ganda)"), word));
      return;
    }

  if (*ticket == '\0')
    {
      refuse (result, record->number, g_strdup (_("the ticket is empty")));
      return;
    }

  if (!(complaint = pdw_store_dup_complaint_by_ticket (store, ticket, &error)))
    {
      if (g_error_matches (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND))
        refuse (result, record->number, g_strdup_printf (_("unknown ticket “%s”"), ticket));
      else
        refuse (result, record->number, g_strdup_printf ("%s: %s", ticket, error->message));
      return;
    }

  if (pdw_complaint_get_listed_at (complaint) == 0)
    {
      refuse (result, record->number,
              g_strdup_printf (_("%s was never put on the consolidation list"), ticket));
      return;
    }

  /* A list is often imported twice (a second officer, a second copy): a
   * result already recorded since the file was listed is not a second
   * control-card line. */
  if (pdw_complaint_get_consolidation_result (complaint) != NULL)
    {
      result->skipped++;
      return;
    }

  if (*note == '\0' && (pdw_workflow_action_get_needs (action) & PDW_WORKFLOW_NEEDS_NOTE) != 0)
    {
      g_free (note);
      note = g_strdup (pdw_workflow_action_get_label (action));
    }

  updated = pdw_store_apply_action (store, pdw_complaint_get_id (complaint), action,
                                    *note != '\0' ? note : NULL, NULL, actor, &error);
  if (updated == NULL)
    {
      refuse (result, record->number, g_strdup_printf ("%s: %s", ticket, error->message));
      return;
    }

  result->applied++;
}

typedef struct
{
  GTask                        *task;
  PdwConsolidationProgressFunc  func;
  gpointer                      data;
  guint                         done;
  guint                         total;
} Progress;

static gboolean
report_progress_cb (gpointer user_data)
{
  Progress *progress = user_data;

  /* The caller's data may be gone once the task has called back. */
  if (!g_task_get_completed (progress->task))
    progress->func (progress->done, progress->total, progress->data);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->task);
  g_free (progress);
}

/* On the task's context, at most once per percent. */
static void
report_progress (GTask                        *task,
                 PdwConsolidationProgressFunc  func,
                 gpointer                      data,
                 guint                         done,
                 guint                         total)
{
  Progress *progress;

  if (func == NULL || (done != total && done > 0 && (done * 100 / total) == ((done - 1) * 100 / total)))
    return;

  progress = g_new0 (Progress, 1);
  progress->task = g_object_ref (task);
  progress->func = func;
  progress->data = data;
  progress->done = done;
  progress->total = total;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              report_progress_cb, progress, progress_free);
}

typedef struct
{
  PdwStore                     *store;
  char                         *path;
  char                         *actor_name;
  char                         *actor_nip;
  char                         *actor_initials;
  PdwConsolidationProgressFunc  progress;
  gpointer                      progress_data;
  PdwConsolidationImportResult  result;
} ImportData;

static gboolean
import_file (PdwStore                      *store,
             const char                    *path,
             const PdwActor                *actor,
             PdwConsolidationImportResult  *result,
             GTask                         *task,
             GError                       **error)
{
  ImportData *import = task != NULL ? g_task_get_task_data (task) : NULL;
  GCancellable *cancellable = task != NULL ? g_task_get_cancellable (task) : NULL;
  g_autoptr(GPtrArray) records = NULL;
  Columns columns = { 0 };
  guint total;

  pdw_consolidation_import_result_clear (result);
  result->problems = g_ptr_array_new_with_free_func (g_free);

  if (!(records = read_table (path, &columns, error)))
    return FALSE;

  total = records->len - columns.header - 1;
  for (guint i = columns.header + 1; i < records->len; i++)
    {
      const Record *record = g_ptr_array_index (records, i);

      /* Rows already recorded stay recorded: a cancelled import is a
       * shorter one, and importing the file again skips them. */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!_pdw_consolidation_record_is_blank (record))
        import_record (store, record, &columns, actor, result);
      if (import != NULL)
        report_progress (task, import->progress, import->progress_data, i - columns.header, total);
    }

  return TRUE;
}

gboolean
pdw_consolidation_import (PdwStore                      *store,
                          const char                    *path,
                          const PdwActor                *actor,
                          PdwConsolidationImportResult  *result,
                          GError                       **error)
{
  g_return_val_if_fail (PDW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (actor != NULL && actor->name != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return import_file (store, path, actor, result, NULL, error);
}

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_clear_object (&import->store);
  g_free (import->path);
  g_free (import->actor_name);
  g_free (import->actor_nip);
  g_free (import->actor_initials);
  pdw_consolidation_import_result_clear (&import->result);
  g_free (import);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *import = task_data;
  PdwActor actor = { import->actor_name, import->actor_nip, import->actor_initials };
  g_autoptr(GError) error = NULL;

  if (import_file (import->store, import->path, &actor, &import->result, task, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
pdw_consolidation_import_async (PdwStore                      *store,
                                const char                    *path,
                                const PdwActor                *actor,
                                PdwConsolidationProgressFunc   progress,
                                gpointer                       progress_data,
                                GCancellable                  *cancellable,
                                GAsyncReadyCallback            callback,
                                gpointer                       user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *import;

  g_return_if_fail (PDW_IS_STORE (store));
  g_return_if_fail (path != NULL);
  g_return_if_fail (actor != NULL && actor->name != NULL);

  import = g_new0 (ImportData, 1);
  import->store = g_object_ref (store);
  import->path = g_strdup (path);
  import->actor_name = g_strdup (actor->name);
  import->actor_nip = g_strdup (actor->nip);
  import->actor_initials = g_strdup (actor->initials);
  import->progress = progress;
  import->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_consolidation_import_async);
  g_task_set_task_data (task, import, import_data_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
pdw_consolidation_import_finish (GAsyncResult                  *result,
                                 PdwConsolidationImportResult  *out,
                                 GError                       **error)
{
  ImportData *import;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pdw_consolidation_import_async, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  import = g_task_get_task_data (G_TASK (result));
  pdw_consolidation_import_result_clear (out);
  *out = import->result;
  memset (&import->result, 0, sizeof import->result);

  return g_task_propagate_boolean (G_TASK (result), error);
}
