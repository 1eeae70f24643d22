/* pdw-cli-report.c: `pandawa-cli report`, the monthly report of a month, a
 * range of months or a year, written in one of the report's formats
 * (pdw_report_export_list_formats()).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "export/pdw-report-document.h"
#include "export/pdw-report-export.h"
#include "pdw-cli.h"

static int
usage_error (const char *message)
{
  g_printerr ("%s\n", message);
  return PDW_CLI_EXIT_USAGE;
}

/* Keeps what the command line gave, takes the rest from @from. */
static void
signature_fill (PdwReportSignature       *signature,
                const PdwReportSignature *from)
{
  char **members[] = { &signature->place, &signature->date_text, &signature->office_name,
                       &signature->office_address, &signature->head_name, &signature->head_rank,
                       &signature->head_nip, &signature->head_title };
  char * const sources[] = { from->place, from->date_text, from->office_name, from->office_address,
                             from->head_name, from->head_rank, from->head_nip, from->head_title };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (*members[i] == NULL)
      *members[i] = g_strdup (sources[i]);
}

/* The PDF is signed: the signer from the command line, else from the
 * settings; the other formats through the table. */
static gboolean
write_report (const PdwReportFormat         *format,
              PdwReport                     *report,
              const char                    *output,
              const PdwReportExportOptions  *options,
              GSettings                     *settings,
              PdwReportSignature            *signer,
              GError                       **error)
{
  if (g_strcmp0 (format->name, "pdf") == 0)
    {
      if (settings != NULL)
        {
          g_auto(PdwReportSignature) stored = { 0 };

          pdw_report_signature_init_from_settings (&stored, settings);
          signature_fill (signer, &stored);
        }
      return pdw_report_pdf_write (report, signer, output, error);
    }

  return format->write (report, output, options, error);
}

int
pdw_cli_report (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(PdwReport) report = NULL;
  g_autofree char *db = NULL;
  g_autofree char *month = NULL;
  g_autofree char *to = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *separator = NULL;
  g_autofree char *table = NULL;
  g_auto(PdwReportSignature) signer = { 0 };
  g_autofree char *names = pdw_report_export_dup_format_names ();
  g_autofree char *format_help = g_strdup_printf (_("Output format: %s"), names);
  PdwReportExportOptions options = PDW_REPORT_EXPORT_OPTIONS_INIT;
  const PdwReportFormat *format;
  PdwReportPeriod period;
  int from_year, from_month, to_year, to_month;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Database file (default: the application’s database)"), "PATH" },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("The month of the report, or the first month of a range"), "YYYY-MM" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last month of a range (2026-01 to 2026-12: the year)"), "YYYY-MM" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, format_help, "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (csv: a folder, one file per table)"), "FILE" },
    { "separator", 0, 0, G_OPTION_ARG_STRING, &separator, N_("CSV field separator: “;” (default) or “,”"), "SEP" },
    { "table", 0, 0, G_OPTION_ARG_STRING, &table, N_("CSV: write only this table to FILE"), "NAME" },
    { "place", 0, 0, G_OPTION_ARG_STRING, &signer.place, N_("PDF: place of signing (default: the settings, or Pekanbaru)"), "PLACE" },
    { "sign-date", 0, 0, G_OPTION_ARG_STRING, &signer.date_text, N_("PDF: date above the signature (default: today)"), "TEXT" },
    { "signer-name", 0, 0, G_OPTION_ARG_STRING, &signer.head_name, N_("PDF: name of the head of office who signs"), "NAME" },
    { "signer-rank", 0, 0, G_OPTION_ARG_STRING, &signer.head_rank, N_("PDF: rank and grade of the signer"), "RANK" },
    { "signer-nip", 0, 0, G_OPTION_ARG_STRING, &signer.head_nip, N_("PDF: NIP of the signer"), "NIP" },
    { "signer-title", 0, 0, G_OPTION_ARG_STRING, &signer.head_title, N_("PDF: position of the signer"), "TITLE" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Writes the monthly PANDAWA report (figures, tables, the rekapitulasi "
                                           "and one row per complaint) for a month, a range of months or a year. "
                                           "Times are WIB; NIKs are masked."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (argc > 1)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”."), argv[1]);

      return usage_error (message);
    }
  if (month == NULL)
    return usage_error (_("Give the month of the report with --month YYYY-MM."));
  if (!pdw_report_parse_month (month, &from_year, &from_month, &error) ||
      !pdw_report_parse_month (to != NULL ? to : month, &to_year, &to_month, &error) ||
      !pdw_report_period_init (&period, from_year, from_month, to_year, to_month, &error))
    return usage_error (error->message);

  format = pdw_report_export_find_format (format_name != NULL ? format_name : "json");
  if (format == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown report format “%s”; the formats are: %s."),
                                                  format_name, names);

      return usage_error (message);
    }
  if (output == NULL)
    return usage_error (_("Give the file to write with -o FILE."));
  if (separator != NULL)
    {
      if (g_strcmp0 (separator, ";") != 0 && g_strcmp0 (separator, ",") != 0)
        return usage_error (_("The CSV separator is “;” or “,”."));
      options.separator = separator[0];
    }
  if (table != NULL)
    {
      if (!g_strv_contains (pdw_report_csv_list_tables (), table))
        {
          g_autofree char *tables = g_strjoinv (", ", (char **) pdw_report_csv_list_tables ());
          g_autofree char *message = g_strdup_printf (_("Unknown report table “%s”; the tables are: %s"),
                                                      table, tables);

          return usage_error (message);
        }
      options.table = table;
    }

  if ((store = pdw_cli_open_existing_store (db)) == NULL)
    return PDW_CLI_EXIT_INVALID;

  /* The promise is measured under the office's SLA settings. */
  settings = pdw_cli_dup_settings ();
  pdw_cli_apply_sla_settings (store, settings);

  if (!(report = pdw_store_compute_report (store, &period, NULL, NULL, &error)) ||
      !write_report (format, report, output, &options, settings, &signer, &error))
    {
      g_printerr ("%s\n", error->message);
      return PDW_CLI_EXIT_INVALID;
    }

  return PDW_CLI_EXIT_OK;
}
