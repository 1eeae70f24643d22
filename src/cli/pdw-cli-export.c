/* pdw-cli-export.c: `pandawa-cli export`, the database as one JSON document.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "export/pdw-json-export.h"
#include "pdw-cli.h"

int
pdw_cli_export (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autofree char *db = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  gboolean unmasked = FALSE;
  PdwJsonExportFlags flags;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Database file (default: the application’s database)"), "PATH" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format; only “json” is supported"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), "FILE" },
    { "unmasked", 0, 0, G_OPTION_ARG_NONE, &unmasked, N_("Include full NIK and KK numbers instead of masked ones"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Exports contacts, conversations, messages, complaints and their "
                                           "control cards as one JSON document. NIK and KK numbers are "
                                           "masked unless --unmasked is given."));
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

  if (format != NULL && g_strcmp0 (format, "json") != 0)
    {
      g_printerr (_("Unknown export format “%s”; only “json” is supported."), format);
      g_printerr ("\n");
      return PDW_CLI_EXIT_USAGE;
    }

  if ((store = pdw_cli_open_existing_store (db)) == NULL)
    return PDW_CLI_EXIT_INVALID;

  flags = unmasked ? PDW_JSON_EXPORT_UNMASKED : PDW_JSON_EXPORT_NONE;

  if (output != NULL)
    {
      if (!pdw_json_export_to_file (store, output, flags, &error))
        {
          g_printerr ("%s\n", error->message);
          return PDW_CLI_EXIT_INVALID;
        }
    }
  else
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      fflush (stdout);
      if (!pdw_json_export_write_full (store, out, flags, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return PDW_CLI_EXIT_INVALID;
        }
    }

  return PDW_CLI_EXIT_OK;
}
