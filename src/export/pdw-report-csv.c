/* pdw-report-csv.c: the report's tables as CSV files a spreadsheet opens
 * as they are: UTF-8 with a BOM, ';' between fields and a decimal comma
 * (what an Indonesian locale expects), or ',' and a decimal point; the
 * period on the first line, the column titles on the second.  Durations
 * are whole seconds, times WIB as "2026-03-02 09:00:00".
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pdw-export-private.h"
#include "pdw-report-export-private.h"

static void
append_number (GString *out,
               double   value,
               guint    decimals,
               char     separator)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%uf", decimals);

  g_ascii_formatd (buffer, sizeof buffer, format, value);
  if (separator == ';')
    g_strdelimit (buffer, ".", ',');
  g_string_append (out, buffer);
}

static void
append_time (GString     *out,
             gint64       t,
             const char  *format)
{
  g_autoptr(GDateTime) local = _pdw_report_dup_wib_time (t);
  g_autofree char *text = g_date_time_format (local, format);

  g_string_append (out, text);
}

static void
append_cell (GString       *out,
             const PdwCell *cell,
             char           separator)
{
  switch (cell->kind)
    {
    case PDW_CELL_TEXT:
      _pdw_csv_append_field (out, cell->text);
      break;
    case PDW_CELL_INT:
    case PDW_CELL_DURATION:
      append_number (out, cell->number, 0, separator);
      break;
    case PDW_CELL_NUMBER:
      append_number (out, cell->number, 2, separator);
      break;
    case PDW_CELL_DATETIME:
      append_time (out, cell->time, "%Y-%m-%d %H:%M:%S");
      break;
    case PDW_CELL_DATE:
      append_time (out, cell->time, "%Y-%m-%d");
      break;
    case PDW_CELL_EMPTY:
    default:
      break;
    }
}

char *
pdw_report_csv_table_to_data (PdwReport   *report,
                              const char  *table_id,
                              char         separator,
                              GError     **error)
{
  g_autoptr(PdwReportTable) table = NULL;
  g_autofree char *period = NULL;
  GString *out;
  guint n_rows;

  g_return_val_if_fail (PDW_IS_REPORT (report), NULL);
  g_return_val_if_fail (separator == ';' || separator == ',', NULL);

  if (!(table = _pdw_report_table_new (report, table_id)))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) pdw_report_csv_list_tables ());

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown report table “%s”; the tables are: %s"), table_id, names);
      return NULL;
    }

  out = g_string_new ("\xEF\xBB\xBF");
  period = _pdw_report_dup_period_line (report);
  _pdw_csv_append_field (out, period);
  g_string_append (out, "\r\n");

  /* Durations are seconds here: the title says so. */
  for (guint c = 0; c < table->columns->len; c++)
    {
      const char *title = g_ptr_array_index (table->columns, c);
      gboolean seconds = FALSE, mixed = FALSE;

      for (guint r = 0; r < _pdw_report_table_get_n_rows (table); r++)
        {
          PdwCellKind kind = _pdw_report_table_get_cell (table, r, c)->kind;

          seconds = seconds || kind == PDW_CELL_DURATION;
          mixed = mixed || (kind != PDW_CELL_DURATION && kind != PDW_CELL_EMPTY);
        }
      /* A column of several units (the figures) says it row by row. */
      seconds = seconds && !mixed;
      if (c > 0)
        g_string_append_c (out, separator);
      if (seconds)
        {
          g_autofree char *with_unit = g_strconcat (title, " (detik)", NULL);

          _pdw_csv_append_field (out, with_unit);
        }
      else
        _pdw_csv_append_field (out, title);
    }
  g_string_append (out, "\r\n");

  n_rows = _pdw_report_table_get_n_rows (table);
  for (guint r = 0; r < n_rows; r++)
    {
      for (guint c = 0; c < table->columns->len; c++)
        {
          if (c > 0)
            g_string_append_c (out, separator);
          append_cell (out, _pdw_report_table_get_cell (table, r, c), separator);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

static gboolean
write_table (PdwReport   *report,
             const char  *table_id,
             char         separator,
             const char  *path,
             GError     **error)
{
  g_autofree char *data = pdw_report_csv_table_to_data (report, table_id, separator, error);

  return data != NULL && pdw_report_export_write_file (path, data, strlen (data), error);
}

gboolean
pdw_report_csv_write (PdwReport                     *report,
                      const char                    *path,
                      const PdwReportExportOptions  *options,
                      GError                       **error)
{
  char separator = options != NULL && options->separator == ',' ? ',' : ';';
  const char * const *tables = pdw_report_csv_list_tables ();

  g_return_val_if_fail (PDW_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (options != NULL && options->table != NULL)
    return write_table (report, options->table, separator, path, error);

  /* Every table: one file each in a folder only the officer can read. */
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create the folder “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (tables[i], ".csv", NULL);
      g_autofree char *file = g_build_filename (path, name, NULL);

      if (!write_table (report, tables[i], separator, file, error))
        return FALSE;
    }

  return TRUE;
}
