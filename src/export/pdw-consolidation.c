/* pdw-consolidation.c: the SIAK consolidation list for the ADB officer.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#if HAVE_XLSXWRITER
# include <xlsxwriter.h>
#endif

#if HAVE_LIBARCHIVE
# include <archive.h>
# include <archive_entry.h>
#endif

#include "core/pdw-workflow.h"
#include "pdw-consolidation.h"

/* The list is read by ADB officers working in SIAK, in Indonesian whatever
 * language the desk itself runs in: the file's own text is fixed, not
 * translated.  Only messages to the user of PANDAWA go through _(). */
#define WARNING_TEXT "RAHASIA: berisi NIK dan No. KK lengkap, hanya untuk petugas ADB. Jangan dibagikan atau disimpan di tempat umum."
#define SHEET_NAME   "Konsolidasi SIAK"

enum {
  COL_NO,
  COL_TICKET,
  COL_LISTED_AT,
  COL_NAME,
  COL_NIK,
  COL_KK,
  COL_PHONE,
  COL_TYPE,
  COL_INSTITUTION,
  COL_STATUS,
  COL_RESULT,
  COL_NOTE,
  N_COLUMNS
};

static const char * const column_titles[N_COLUMNS] = {
  "No", "Tiket", "Tanggal masuk daftar (WIB)", "Nama", "NIK", "No. KK", "No. HP",
  "Jenis pengaduan", "Instansi", "Status", "Hasil", "Catatan",
};

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

  return pdw_store_dup_catalog_label (store, kind, code);
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
      cells[COL_PHONE] = g_strdup (pdw_complaint_get_phone (complaint));
      cells[COL_TYPE] = dup_label (store, PDW_CATALOG_COMPLAINT_TYPE,
                                   pdw_complaint_get_complaint_type (complaint));
      cells[COL_INSTITUTION] = dup_label (store, PDW_CATALOG_INSTITUTION,
                                          pdw_complaint_get_institution (complaint));
      cells[COL_STATUS] = g_strdup (pdw_complaint_status_to_string (pdw_complaint_get_status (complaint)));
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

static void
csv_append_field (GString    *out,
                  const char *value)
{
  gboolean quote;

  /* A citizen's name such as "=HYPERLINK(...)" must stay text when the
   * officer opens the file: a leading apostrophe is what spreadsheets
   * themselves use to say so. */
  if (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')
    {
      g_autofree char *neutral = g_strconcat ("'", value, NULL);

      csv_append_field (out, neutral);
      return;
    }

  quote = strpbrk (value, ",;\"\r\n\t") != NULL ||
          g_ascii_isspace (value[0]) ||
          (value[0] != '\0' && g_ascii_isspace (value[strlen (value) - 1]));
  if (!quote)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_append_record (GString            *out,
                   const char * const *cells,
                   guint               n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      csv_append_field (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

static gboolean
write_csv (GPtrArray   *rows,
           const char  *period,
           const char  *path,
           GError     **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  const char *first_line[] = { WARNING_TEXT, period };

  csv_append_record (out, first_line, G_N_ELEMENTS (first_line));
  csv_append_record (out, column_titles, N_COLUMNS);
  for (guint i = 0; i < rows->len; i++)
    csv_append_record (out, g_ptr_array_index (rows, i), N_COLUMNS);

  return write_private_file (path, out->str, out->len, error);
}

#if HAVE_XLSXWRITER
static gboolean
check_lxw (lxw_error   status,
           GError    **error)
{
  if (status == LXW_NO_ERROR)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Cannot build the spreadsheet: %s"), lxw_strerror (status));
  return FALSE;
}

static gboolean
fill_workbook (lxw_workbook  *workbook,
               GPtrArray     *rows,
               const char    *period,
               GError       **error)
{
  static const double widths[N_COLUMNS] = { 5, 19, 18, 26, 19, 19, 16, 26, 22, 15, 16, 30 };
  char *result_choices[] = { (char *) "selesai", (char *) "tidak ditemukan", (char *) "ganda", NULL };
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, SHEET_NAME);
  lxw_format *warning = workbook_add_format (workbook);
  lxw_format *header = workbook_add_format (workbook);
  lxw_format *text = workbook_add_format (workbook);
  lxw_data_validation validation = { 0 };
  const lxw_row_t header_row = 2;
  lxw_error status = LXW_NO_ERROR;

  if (sheet == NULL || warning == NULL || header == NULL || text == NULL)
    return check_lxw (LXW_ERROR_MEMORY_MALLOC_FAILED, error);

  format_set_bold (warning);
  format_set_font_color (warning, LXW_COLOR_RED);
  format_set_bold (header);
  format_set_bg_color (header, 0xDDDDDD);
  format_set_border (header, LXW_BORDER_THIN);
  /* "@": the cell is text, so a 16-digit NIK never turns into 1.47108E+15. */
  format_set_num_format (text, "@");

  for (guint col = 0; col < N_COLUMNS; col++)
    worksheet_set_column (sheet, (lxw_col_t) col, (lxw_col_t) col, widths[col],
                          col == COL_NO ? NULL : text);

  status = worksheet_merge_range (sheet, 0, 0, 0, N_COLUMNS - 1, WARNING_TEXT, warning);
  if (status == LXW_NO_ERROR)
    status = worksheet_write_string (sheet, 1, 0, period, NULL);
  for (guint col = 0; status == LXW_NO_ERROR && col < N_COLUMNS; col++)
    status = worksheet_write_string (sheet, header_row, (lxw_col_t) col, column_titles[col], header);

  for (guint i = 0; status == LXW_NO_ERROR && i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);
      lxw_row_t row = header_row + 1 + i;

      status = worksheet_write_number (sheet, row, COL_NO, i + 1, NULL);
      for (guint col = COL_NO + 1; status == LXW_NO_ERROR && col < N_COLUMNS; col++)
        {
          if (cells[col][0] == '\0')
            continue;
          status = worksheet_write_string (sheet, row, (lxw_col_t) col, cells[col], text);
        }
    }

  if (status == LXW_NO_ERROR && rows->len > 0)
    {
      validation.validate = LXW_VALIDATION_TYPE_LIST;
      validation.value_list = result_choices;
      validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
      validation.input_title = (char *) "Hasil konsolidasi";
      validation.input_message = (char *) "Pilih: selesai, tidak ditemukan, atau ganda";
      validation.error_title = (char *) "Hasil tidak dikenal";
      validation.error_message = (char *) "Isi dengan selesai, tidak ditemukan, atau ganda";
      status = worksheet_data_validation_range (sheet, header_row + 1, COL_RESULT,
                                                header_row + rows->len, COL_RESULT,
                                                &validation);
    }

  if (status == LXW_NO_ERROR)
    worksheet_freeze_panes (sheet, header_row + 1, 0);

  return check_lxw (status, error);
}

static void
remove_private_dir (const char *dir,
                    const char *file)
{
  g_remove (file);
  g_rmdir (dir);
}

static gboolean
write_xlsx (GPtrArray   *rows,
            const char  *period,
            const char  *path,
            GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *contents = NULL;
  lxw_workbook_options options = { 0 };
  lxw_workbook *workbook;
  gsize length = 0;
  gboolean ok;

  /* libxlsxwriter only writes to a file name: build the workbook in a
   * directory only we can read, then move its bytes with the same atomic
   * 0600 write as the CSV. */
  if (!(dir = g_dir_make_tmp ("pandawa-konsolidasi-XXXXXX", error)))
    return FALSE;
  tmp_path = g_build_filename (dir, "daftar.xlsx", NULL);

  options.tmpdir = dir;
  workbook = workbook_new_opt (tmp_path, &options);
  if (workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot start a spreadsheet in “%s”"), dir);
      remove_private_dir (dir, tmp_path);
      return FALSE;
    }

  ok = fill_workbook (workbook, rows, period, error);
  if (ok)
    ok = check_lxw (workbook_close (workbook), error);
  else
    workbook_close (workbook);

  ok = ok && g_file_get_contents (tmp_path, &contents, &length, error) &&
       write_private_file (path, contents, length, error);

  if (contents != NULL)
    memset (contents, 0, length);
  remove_private_dir (dir, tmp_path);
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
      ok = write_csv (rows, period, path, error);
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

/* ---- Reading back: a table of rows ------------------------------------------ */

typedef struct
{
  guint      number;  /* the row number the officer sees in a spreadsheet */
  GPtrArray *cells;   /* char*, NULL for a cell that was never written */
} Record;

static void
record_free (gpointer data)
{
  Record *record = data;

  g_ptr_array_unref (record->cells);
  g_free (record);
}

static Record *
record_new (guint number)
{
  Record *record = g_new0 (Record, 1);

  record->number = number;
  record->cells = g_ptr_array_new_with_free_func (g_free);
  return record;
}

static const char *
record_get (const Record *record,
            int           column)
{
  const char *value;

  if (column < 0 || (guint) column >= record->cells->len)
    return "";

  value = g_ptr_array_index (record->cells, column);
  return value != NULL ? value : "";
}

static void
record_set (Record *record,
            guint   column,
            char   *value)
{
  if (column >= record->cells->len)
    g_ptr_array_set_size (record->cells, column + 1);

  g_free (g_ptr_array_index (record->cells, column));
  g_ptr_array_index (record->cells, column) = value;
}

static gboolean
record_is_blank (const Record *record)
{
  for (guint i = 0; i < record->cells->len; i++)
    {
      const char *value = g_ptr_array_index (record->cells, i);

      for (const char *p = value; p != NULL && *p != '\0'; p++)
        {
          if (!g_ascii_isspace (*p))
            return FALSE;
        }
    }

  return TRUE;
}

/* RFC 4180, plus what spreadsheet programs write: LF or CR line ends and
 * any one-character separator. */
static GPtrArray *
parse_csv (const char *text,
           char        separator)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (record_free);
  g_autoptr(GString) field = g_string_new (NULL);
  Record *record = record_new (1);
  gboolean in_quotes = FALSE;
  gboolean field_started = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      char c = *p++;

      if (in_quotes)
        {
          if (c == '"' && *p == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            in_quotes = FALSE;
          else
            g_string_append_c (field, c);
          continue;
        }

      if (c == '"' && field->len == 0)
        {
          in_quotes = TRUE;
          field_started = TRUE;
        }
      else if (c == separator)
        {
          g_ptr_array_add (record->cells, g_strdup (field->str));
          g_string_truncate (field, 0);
          field_started = TRUE;
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && *p == '\n')
            p++;
          g_ptr_array_add (record->cells, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (records, record);
          record = record_new (records->len + 1);
          field_started = FALSE;
        }
      else
        {
          g_string_append_c (field, c);
          field_started = TRUE;
        }
    }

  if (field_started || field->len > 0)
    {
      g_ptr_array_add (record->cells, g_strdup (field->str));
      g_ptr_array_add (records, record);
    }
  else
    record_free (record);

  return records;
}

/* ---- Reading back: XLSX -------------------------------------------------------- */

#if HAVE_LIBARCHIVE
#define MAX_XML_SIZE (64 * 1024 * 1024)

/* Writers may prefix the spreadsheet namespace ("x:row"). */
static const char *
local_name (const char *element)
{
  const char *colon = strrchr (element, ':');

  return colon != NULL ? colon + 1 : element;
}

typedef struct
{
  GPtrArray *strings;   /* shared strings */
  GString   *text;
  gboolean   in_text;
  guint      phonetic_depth;
} SharedStringsParser;

static void
shared_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **attribute_names,
              const char          **attribute_values,
              gpointer              user_data,
              GError              **error)
{
  SharedStringsParser *parser = user_data;
  const char *name = local_name (element);

  if (strcmp (name, "si") == 0)
    g_string_truncate (parser->text, 0);
  else if (strcmp (name, "rPh") == 0)
    parser->phonetic_depth++;
  else if (strcmp (name, "t") == 0)
    parser->in_text = parser->phonetic_depth == 0;
}

static void
shared_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  SharedStringsParser *parser = user_data;
  const char *name = local_name (element);

  if (strcmp (name, "si") == 0)
    g_ptr_array_add (parser->strings, g_strdup (parser->text->str));
  else if (strcmp (name, "rPh") == 0 && parser->phonetic_depth > 0)
    parser->phonetic_depth--;
  else if (strcmp (name, "t") == 0)
    parser->in_text = FALSE;
}

static void
shared_text (GMarkupParseContext  *context,
             const char           *text,
             gsize                 length,
             gpointer              user_data,
             GError              **error)
{
  SharedStringsParser *parser = user_data;

  if (parser->in_text)
    g_string_append_len (parser->text, text, (gssize) length);
}

typedef struct
{
  GPtrArray  *strings;     /* borrowed shared strings */
  GPtrArray  *records;
  Record     *row;
  guint       row_number;
  guint       column;      /* 1-based; 0 before the first cell of a row */
  char       *type;
  GString    *value;
  gboolean    in_value;
  gboolean    in_data;     /* inside <sheetData>: extensions elsewhere may reuse names */
} SheetParser;

/* "AB12" -> 28 (1-based column), 0 when it has no letters. */
static guint
column_from_reference (const char *reference)
{
  guint column = 0;

  for (const char *p = reference; g_ascii_isalpha (*p); p++)
    column = column * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);

  return column;
}

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (local_name (names[i]), wanted) == 0)
        return values[i];
    }

  return NULL;
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **attribute_names,
             const char          **attribute_values,
             gpointer              user_data,
             GError              **error)
{
  SheetParser *parser = user_data;
  const char *name = local_name (element);

  if (strcmp (name, "sheetData") == 0)
    parser->in_data = TRUE;
  else if (!parser->in_data)
    return;
  else if (strcmp (name, "row") == 0)
    {
      const char *r = find_attribute (attribute_names, attribute_values, "r");
      guint number = r != NULL ? (guint) atoi (r) : 0;

      parser->row_number = number > 0 ? number : parser->row_number + 1;
      parser->row = record_new (parser->row_number);
      parser->column = 0;
    }
  else if (strcmp (name, "c") == 0 && parser->row != NULL)
    {
      const char *r = find_attribute (attribute_names, attribute_values, "r");
      guint column = r != NULL ? column_from_reference (r) : 0;

      parser->column = column > 0 ? column : parser->column + 1;
      g_free (parser->type);
      parser->type = g_strdup (find_attribute (attribute_names, attribute_values, "t"));
      g_string_truncate (parser->value, 0);
    }
  else if ((strcmp (name, "v") == 0 || strcmp (name, "t") == 0) && parser->row != NULL)
    parser->in_value = TRUE;
  else if (strcmp (name, "rPh") == 0)
    parser->in_value = FALSE;
}

static char *
sheet_cell_value (SheetParser *parser)
{
  if (g_strcmp0 (parser->type, "s") == 0)
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (parser->value->str, &end, 10);

      if (end == parser->value->str || index >= parser->strings->len)
        return g_strdup ("");
      return g_strdup (g_ptr_array_index (parser->strings, index));
    }

  return g_strdup (parser->value->str);
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  SheetParser *parser = user_data;
  const char *name = local_name (element);

  if (strcmp (name, "sheetData") == 0)
    parser->in_data = FALSE;
  else if (!parser->in_data)
    return;
  else if (strcmp (name, "c") == 0 && parser->row != NULL && parser->column > 0)
    record_set (parser->row, parser->column - 1, sheet_cell_value (parser));
  else if (strcmp (name, "v") == 0 || strcmp (name, "t") == 0)
    parser->in_value = FALSE;
  else if (strcmp (name, "row") == 0 && parser->row != NULL)
    {
      g_ptr_array_add (parser->records, parser->row);
      parser->row = NULL;
    }
}

static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  SheetParser *parser = user_data;

  if (parser->in_value)
    g_string_append_len (parser->value, text, (gssize) length);
}

static gboolean
parse_markup (const GMarkupParser  *functions,
              gpointer              user_data,
              GBytes               *bytes,
              GError              **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  context = g_markup_parse_context_new (functions, G_MARKUP_DEFAULT_FLAGS, user_data, NULL);
  return g_markup_parse_context_parse (context, data, (gssize) length, error) &&
         g_markup_parse_context_end_parse (context, error);
}

static GBytes *
read_entry (struct archive *archive)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  char buffer[16384];
  la_ssize_t n;

  while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
    {
      /* A list of a few thousand rows is a few megabytes: anything far
       * larger is a damaged or hostile file, not something to inflate. */
      if (data->len > MAX_XML_SIZE)
        return NULL;
      g_byte_array_append (data, (const guint8 *) buffer, (guint) n);
    }

  if (n < 0)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static GPtrArray *
parse_xlsx (const char  *path,
            const char  *contents,
            gsize        length,
            GError     **error)
{
  static const GMarkupParser shared_functions = { shared_start, shared_end, shared_text, NULL, NULL };
  static const GMarkupParser sheet_functions = { sheet_start, sheet_end, sheet_text, NULL, NULL };
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  g_autoptr(GBytes) shared_xml = NULL;
  g_autoptr(GBytes) sheet_xml = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) value = g_string_new (NULL);
  SharedStringsParser shared = { strings, text, FALSE, 0 };
  SheetParser sheet = { strings, records, NULL, 0, 0, NULL, value, FALSE, FALSE };
  gboolean ok = TRUE;
  int status;

  archive_read_support_format_zip (archive);
  status = archive_read_open_memory (archive, contents, length);
  while (status == ARCHIVE_OK &&
         (status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);

      /* The first sheet: every program we know of names it sheet1.xml. */
      if (g_strcmp0 (name, "xl/sharedStrings.xml") == 0)
        shared_xml = read_entry (archive);
      else if (g_strcmp0 (name, "xl/worksheets/sheet1.xml") == 0)
        sheet_xml = read_entry (archive);
    }

  if (status != ARCHIVE_EOF || sheet_xml == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a readable XLSX workbook"), path);
      archive_read_free (archive);
      return NULL;
    }
  archive_read_free (archive);

  if (shared_xml != NULL)
    ok = parse_markup (&shared_functions, &shared, shared_xml, error);
  if (ok)
    ok = parse_markup (&sheet_functions, &sheet, sheet_xml, error);

  g_clear_pointer (&sheet.row, record_free);
  g_free (sheet.type);

  if (!ok)
    {
      g_prefix_error (error, _("“%s” is not a readable XLSX workbook: "), path);
      return NULL;
    }

  return g_steal_pointer (&records);
}
#endif

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

/* Excel saves "CSV" in the Windows code page unless told "CSV UTF-8". */
static char *
csv_text_to_utf8 (const char *contents,
                  gsize       length)
{
  if (length >= 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0)
    {
      contents += 3;
      length -= 3;
    }

  if (g_utf8_validate_len (contents, length, NULL))
    return g_strndup (contents, length);

  return g_convert (contents, (gssize) length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
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
      g_autoptr(GPtrArray) records = parse_xlsx (path, contents, length, error);

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

  if (!(text = csv_text_to_utf8 (contents, length)))
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
      g_autoptr(GPtrArray) records = parse_csv (text, separators[i]);

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

static void
import_record (PdwStore                     *store,
               const Record                 *record,
               const Columns                *columns,
               const PdwActor               *actor,
               PdwConsolidationImportResult *result)
{
  g_autofree char *ticket = g_strstrip (g_strdup (record_get (record, columns->ticket)));
  g_autofree char *word = g_strstrip (g_strdup (record_get (record, columns->result)));
  g_autofree char *note = g_strstrip (g_strdup (record_get (record, columns->note)));
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

gboolean
pdw_consolidation_import (PdwStore                      *store,
                          const char                    *path,
                          const PdwActor                *actor,
                          PdwConsolidationImportResult  *result,
                          GError                       **error)
{
  g_autoptr(GPtrArray) records = NULL;
  Columns columns = { 0 };

  g_return_val_if_fail (PDW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (actor != NULL && actor->name != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pdw_consolidation_import_result_clear (result);
  result->problems = g_ptr_array_new_with_free_func (g_free);

  if (!(records = read_table (path, &columns, error)))
    return FALSE;

  for (guint i = columns.header + 1; i < records->len; i++)
    {
      const Record *record = g_ptr_array_index (records, i);

      if (!record_is_blank (record))
        import_record (store, record, &columns, actor, result);
    }

  return TRUE;
}
