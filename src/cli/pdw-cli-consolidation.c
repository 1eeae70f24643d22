/* pdw-cli-consolidation.c: `pandawa-cli consolidation`, the SIAK
 * consolidation list for the ADB officer, and reading back its results.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-desk-settings.h"
#include "export/pdw-consolidation.h"
#include "pdw-cli.h"

static gboolean
parse_format (const char              *format,
              const char              *output,
              PdwConsolidationFormat  *out)
{
  if (format == NULL)
    {
      /* The file name says what the officer wants. */
      *out = output != NULL && g_str_has_suffix (output, ".xlsx") ? PDW_CONSOLIDATION_FORMAT_XLSX
                                                                   : pdw_consolidation_default_csv_format ();
      return TRUE;
    }

  if (g_ascii_strcasecmp (format, "csv") == 0)
    *out = pdw_consolidation_default_csv_format ();
  else if (g_ascii_strcasecmp (format, "xlsx") == 0)
    *out = PDW_CONSOLIDATION_FORMAT_XLSX;
  else
    return FALSE;

  return TRUE;
}

static int
run_export (PdwStore   *store,
            const char *from,
            const char *to,
            const char *format,
            const char *separator,
            const char *output,
            gboolean    include_processed)
{
  g_autoptr(GError) error = NULL;
  PdwConsolidationFormat file_format;
  gint64 start = 0;
  gint64 end = 0;
  guint n_rows = 0;

  if (!parse_format (format, output, &file_format))
    {
      g_printerr (_("Unknown format “%s”; use csv or xlsx."), format);
      g_printerr ("\n");
      return PDW_CLI_EXIT_USAGE;
    }

  if (separator != NULL)
    {
      if (file_format == PDW_CONSOLIDATION_FORMAT_XLSX)
        {
          g_printerr ("%s\n", _("--separator only applies to CSV."));
          return PDW_CLI_EXIT_USAGE;
        }
      if (g_strcmp0 (separator, ",") == 0 || g_ascii_strcasecmp (separator, "comma") == 0)
        file_format = PDW_CONSOLIDATION_FORMAT_CSV;
      else if (g_strcmp0 (separator, ";") == 0 || g_ascii_strcasecmp (separator, "semicolon") == 0)
        file_format = PDW_CONSOLIDATION_FORMAT_CSV_SEMICOLON;
      else
        {
          g_printerr (_("Unknown separator “%s”; use “,” or “;”."), separator);
          g_printerr ("\n");
          return PDW_CLI_EXIT_USAGE;
        }
    }

  if (!pdw_consolidation_parse_range (from, to, &start, &end, &error))
    {
      g_printerr ("%s\n", error->message);
      return PDW_CLI_EXIT_USAGE;
    }

  if (!pdw_consolidation_export (store, start, end, include_processed, file_format,
                                 output, &n_rows, &error))
    {
      g_printerr ("%s\n", error->message);
      return PDW_CLI_EXIT_INVALID;
    }

  g_print (ngettext ("%u complaint written to %s (contains full NIK and KK: keep it confidential)",
                     "%u complaints written to %s (contains full NIK and KK: keep it confidential)",
                     n_rows),
           n_rows, output);
  g_print ("\n");
  return PDW_CLI_EXIT_OK;
}

static int
run_import (PdwStore   *store,
            GSettings  *settings,
            const char *path,
            const char *officer,
            const char *nip)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *settings_name = pdw_cli_dup_setting (settings, "officer-name");
  g_autofree char *settings_nip = pdw_cli_dup_setting (settings, "officer-nip");
  PdwConsolidationImportResult result = { 0 };
  PdwActor actor = { NULL, NULL, NULL };
  guint refused;

  if (officer != NULL && *officer != '\0')
    {
      actor.name = officer;
      /* The settings' NIP belongs to the settings' officer only. */
      actor.nip = nip != NULL ? nip :
                  g_strcmp0 (officer, settings_name) == 0 ? settings_nip : NULL;
    }
  else
    {
      actor.name = settings_name;
      actor.nip = nip != NULL ? nip : settings_nip;
    }

  if (actor.name == NULL)
    {
      g_printerr ("%s\n", _("No officer is set: give --officer NAME (and --nip NIP), or set the "
                            "officer's name in the PANDAWA preferences. Every result is recorded "
                            "on the control card in an officer's name."));
      return PDW_CLI_EXIT_USAGE;
    }

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("The file “%s” does not exist."), path);
      g_printerr ("\n");
      return PDW_CLI_EXIT_INVALID;
    }

  if (!pdw_consolidation_import (store, path, &actor, &result, &error))
    {
      g_printerr ("%s\n", error->message);
      pdw_consolidation_import_result_clear (&result);
      return PDW_CLI_EXIT_INVALID;
    }

  g_print (_("Applied: %u, skipped: %u, refused: %u"), result.applied, result.skipped, result.refused);
  g_print ("\n");
  for (guint i = 0; i < result.problems->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (result.problems, i));

  refused = result.refused;
  pdw_consolidation_import_result_clear (&result);
  return refused > 0 ? PDW_CLI_EXIT_INVALID : PDW_CLI_EXIT_OK;
}

int
pdw_cli_consolidation (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *db = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *format = NULL;
  g_autofree char *separator = NULL;
  g_autofree char *output = NULL;
  g_autofree char *import = NULL;
  g_autofree char *officer = NULL;
  g_autofree char *nip = NULL;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Database file (default: the application’s database)"), "PATH" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day listed (WIB)"), "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day listed (WIB; default: the first day)"), "YYYY-MM-DD" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv or xlsx (default: from the file name)"), "FORMAT" },
    { "separator", 0, 0, G_OPTION_ARG_STRING, &separator, N_("CSV separator: “;” or “,” (default: “;” in the Indonesian locale)"), "SEP" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("File to write"), "FILE" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Also list complaints the ADB officer already marked"), NULL },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import, N_("Read back a list the ADB officer filled in"), "FILE" },
    { "officer", 0, 0, G_OPTION_ARG_STRING, &officer, N_("Officer recorded on the control card (default: from the preferences)"), "NAME" },
    { "nip", 0, 0, G_OPTION_ARG_STRING, &nip, N_("That officer’s NIP"), "NIP" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
    _("Writes the complaints put on the SIAK consolidation list between two days, with their full "
      "NIK and KK numbers, for the ADB officer (--from, --to, -o); or reads back the list with its "
      "Hasil column filled in (selesai, tidak ditemukan or ganda) and records each result on the "
      "complaint’s control card (--import)."));
  g_option_context_set_description (context,
    _("The file is confidential: it is written readable by you only. The XLSX file is the one to "
      "open in a spreadsheet program: every cell is text and the results are offered in a list. "
      "The CSV file is for import tools and spreadsheets alike: NIK and KK are written as "
      "=\"1471…\" so that Excel and LibreOffice Calc keep all 16 digits instead of showing "
      "1,47E+15, and its separator is “;” in the Indonesian locale (--separator to choose). "
      "Phone numbers are written +62….\n\n"
      "Exit status: 0 on success, 1 when the file or a row could not be processed, 2 on a usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return PDW_CLI_EXIT_USAGE;
    }

  if (argc > 1)
    {
      g_printerr (_("Unexpected argument “%s”."), argv[1]);
      g_printerr ("\n");
      return PDW_CLI_EXIT_USAGE;
    }

  if (import != NULL && (from != NULL || to != NULL || format != NULL || separator != NULL || output != NULL || all))
    {
      g_printerr ("%s\n", _("--import reads a list back: it takes no --from, --to, --format, --output or --all."));
      return PDW_CLI_EXIT_USAGE;
    }

  if (import == NULL && (from == NULL || output == NULL))
    {
      g_printerr ("%s\n", _("Give --from YYYY-MM-DD and --output FILE to write the list, or --import FILE to read one back."));
      return PDW_CLI_EXIT_USAGE;
    }

  if (import == NULL && (officer != NULL || nip != NULL))
    {
      g_printerr ("%s\n", _("--officer and --nip only apply with --import."));
      return PDW_CLI_EXIT_USAGE;
    }

  if ((store = pdw_cli_open_existing_store (db)) == NULL)
    return PDW_CLI_EXIT_INVALID;

  settings = pdw_cli_dup_settings ();
  pdw_cli_apply_sla_settings (store, settings);

  if (import != NULL)
    return run_import (store, settings, import, officer, nip);

  return run_export (store, from, to, format, separator, output, all);
}
