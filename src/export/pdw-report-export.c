/* pdw-report-export.c: the report's file formats, as one table that the
 * CLI and the report view both read; a new format is one more row.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-report-document.h"
#include "pdw-report-export.h"

static const PdwReportFormat formats[] = {
  { "json", ".json", N_("Every figure as JSON, keyed by the definitions’ identifiers"), pdw_report_json_write },
  { "csv", "", N_("One CSV file per table in a folder, or one table with --table"), pdw_report_csv_write },
  { "xlsx", ".xlsx", N_("An XLSX workbook, one sheet per table and one row per complaint"), pdw_report_xlsx_write },
  { "pdf", ".pdf", N_("The signed A4 report with its charts, in Indonesian"), pdw_report_pdf_write_for_format },
  { NULL, NULL, NULL, NULL },
};

const PdwReportFormat *
pdw_report_export_list_formats (void)
{
  return formats;
}

const PdwReportFormat *
pdw_report_export_find_format (const char *name)
{
  for (guint i = 0; formats[i].name != NULL; i++)
    if (g_strcmp0 (formats[i].name, name) == 0)
      return &formats[i];
  return NULL;
}

char *
pdw_report_export_dup_format_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; formats[i].name != NULL; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, formats[i].name);
    }
  return g_string_free (names, FALSE);
}

gboolean
pdw_report_export_write_file (const char  *path,
                              const char  *contents,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  /* Atomic, so that a half-written report never replaces the previous one,
   * and readable by the officer only. */
  if (!g_file_set_contents_full (path, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, G_FILE_ERROR, local_error->code,
                   _("Cannot write the report to “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
