/* pdw-report-xlsx.c: the report as an XLSX workbook (libxlsxwriter): one
 * sheet per table, the same cells as the CSV files.  Numbers are numbers,
 * times are dates (WIB), durations are [h]:mm:ss times; the number formats
 * are the spreadsheet's own, which an Indonesian locale shows as 1.234,56.
 * Each sheet: the report's title, the period, the SLA policy, then the
 * column titles, frozen.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#if HAVE_XLSXWRITER
# include <xlsxwriter.h>
#endif

#include "pdw-export-private.h"
#include "pdw-report-export-private.h"

#if HAVE_XLSXWRITER
#define HEADER_ROW 3

typedef struct
{
  lxw_format *title;
  lxw_format *header;
  lxw_format *integer;
  lxw_format *number;
  lxw_format *duration;
  lxw_format *datetime;
  lxw_format *date;
} Formats;

static lxw_format *
add_format (lxw_workbook *workbook,
            const char   *num_format)
{
  lxw_format *format = workbook_add_format (workbook);

  if (format != NULL && num_format != NULL)
    format_set_num_format (format, num_format);
  return format;
}

static lxw_datetime
wib_datetime (gint64 t)
{
  g_autoptr(GDateTime) local = _pdw_report_dup_wib_time (t);
  lxw_datetime dt = {
    g_date_time_get_year (local), g_date_time_get_month (local), g_date_time_get_day_of_month (local),
    g_date_time_get_hour (local), g_date_time_get_minute (local), g_date_time_get_second (local),
  };

  return dt;
}

static lxw_error
write_cell (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const PdwCell *cell,
            const Formats *f)
{
  lxw_datetime dt;

  switch (cell->kind)
    {
    case PDW_CELL_TEXT:
      return worksheet_write_string (sheet, row, col, cell->text, NULL);
    case PDW_CELL_INT:
      return worksheet_write_number (sheet, row, col, cell->number, f->integer);
    case PDW_CELL_NUMBER:
      return worksheet_write_number (sheet, row, col, cell->number, f->number);
    case PDW_CELL_DURATION:
      /* A spreadsheet time is a fraction of a day. */
      return worksheet_write_number (sheet, row, col, cell->number / 86400.0, f->duration);
    case PDW_CELL_DATETIME:
      dt = wib_datetime (cell->time);
      return worksheet_write_datetime (sheet, row, col, &dt, f->datetime);
    case PDW_CELL_DATE:
      dt = wib_datetime (cell->time);
      return worksheet_write_datetime (sheet, row, col, &dt, f->date);
    case PDW_CELL_EMPTY:
    default:
      return LXW_NO_ERROR;
    }
}

static gboolean
fill_sheet (lxw_workbook   *workbook,
            PdwReport      *report,
            PdwReportTable *table,
            const Formats  *f,
            GError        **error)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, table->title);
  g_autofree char *period = _pdw_report_dup_period_line (report);
  g_autofree char *title = g_strdup_printf ("Laporan Bulanan Layanan PANDAWA – %s", table->title);
  guint n_rows = _pdw_report_table_get_n_rows (table);
  lxw_error status;

  if (sheet == NULL)
    return _pdw_xlsx_check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);

  status = worksheet_write_string (sheet, 0, 0, title, f->title);
  if (status == LXW_NO_ERROR)
    status = worksheet_write_string (sheet, 1, 0, period, NULL);
  if (status == LXW_NO_ERROR)
    status = worksheet_write_string (sheet, 2, 0, pdw_report_get_policy_text (report), NULL);
  for (guint c = 0; status == LXW_NO_ERROR && c < table->columns->len; c++)
    {
      status = worksheet_write_string (sheet, HEADER_ROW, (lxw_col_t) c,
                                       g_ptr_array_index (table->columns, c), f->header);
      if (status == LXW_NO_ERROR)
        status = worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, c < 2 ? 24 : 16, NULL);
    }
  for (guint r = 0; status == LXW_NO_ERROR && r < n_rows; r++)
    for (guint c = 0; status == LXW_NO_ERROR && c < table->columns->len; c++)
      status = write_cell (sheet, HEADER_ROW + 1 + r, (lxw_col_t) c,
                           _pdw_report_table_get_cell (table, r, c), f);

  if (status == LXW_NO_ERROR)
    worksheet_freeze_panes (sheet, HEADER_ROW + 1, 0);

  return _pdw_xlsx_check (status, error);
}

static gboolean
fill_workbook (lxw_workbook  *workbook,
               PdwReport     *report,
               GError       **error)
{
  const char * const *tables = pdw_report_csv_list_tables ();
  Formats f = {
    add_format (workbook, NULL),
    add_format (workbook, NULL),
    add_format (workbook, "#,##0"),
    add_format (workbook, "#,##0.00"),
    add_format (workbook, "[h]:mm:ss"),
    add_format (workbook, "dd/mm/yyyy hh:mm"),
    add_format (workbook, "dd/mm/yyyy"),
  };

  if (!f.title || !f.header || !f.integer || !f.number || !f.duration || !f.datetime || !f.date)
    return _pdw_xlsx_check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);
  format_set_bold (f.title);
  format_set_font_size (f.title, 13);
  format_set_bold (f.header);
  format_set_bg_color (f.header, 0xDDDDDD);
  format_set_border (f.header, LXW_BORDER_THIN);
  format_set_text_wrap (f.header);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr(PdwReportTable) table = _pdw_report_table_new (report, tables[i]);

      if (!fill_sheet (workbook, report, table, &f, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
pdw_report_xlsx_write (PdwReport                     *report,
                       const char                    *path,
                       const PdwReportExportOptions  *options,
                       GError                       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *contents = NULL;
  lxw_workbook_options workbook_options = { 0 };
  lxw_workbook *workbook;
  gsize length = 0;
  gboolean ok;

  g_return_val_if_fail (PDW_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* libxlsxwriter only writes to a file name: build the workbook in a
   * directory only we can read, then write its bytes atomically. */
  if (!(dir = g_dir_make_tmp ("pandawa-laporan-XXXXXX", error)))
    return FALSE;
  tmp_path = g_build_filename (dir, "laporan.xlsx", NULL);
  workbook_options.tmpdir = dir;
  workbook = workbook_new_opt (tmp_path, &workbook_options);
  if (workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot start a spreadsheet in “%s”"), dir);
      g_rmdir (dir);
      return FALSE;
    }

  ok = fill_workbook (workbook, report, error);
  if (ok)
    ok = _pdw_xlsx_check (workbook_close (workbook), error);
  else
    workbook_close (workbook);

  ok = ok && g_file_get_contents (tmp_path, &contents, &length, error) &&
       pdw_report_export_write_file (path, contents, length, error);

  g_remove (tmp_path);
  g_rmdir (dir);
  return ok;
}

#else

gboolean
pdw_report_xlsx_write (PdwReport                     *report,
                       const char                    *path,
                       const PdwReportExportOptions  *options,
                       GError                       **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("This build of PANDAWA cannot write XLSX files (libxlsxwriter is missing)."));
  return FALSE;
}

#endif
