/* pdw-cli-card.c: `pandawa-cli card`, the control card of one complaint as
 * a PDF under the office letterhead.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "export/pdw-card-pdf.h"
#include "pdw-cli.h"

int
pdw_cli_card (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *db = NULL;
  g_autofree char *ticket = NULL;
  g_autofree char *output = NULL;
  g_autofree char *office_name = NULL;
  g_autofree char *office_address = NULL;
  PdwCardOptions options = { NULL, NULL, 0 };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Database file (default: the application’s database)"), "PATH" },
    { "ticket", 0, 0, G_OPTION_ARG_STRING, &ticket, N_("Ticket number of the complaint, e.g. PDW-2026-11-00042"), "TICKET" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("PDF file to write"), "FILE" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Writes the control card (kartu kendali) of one complaint as a PDF "
                                           "under the office letterhead. NIK and KK numbers are masked."));
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

  if (ticket == NULL || *ticket == '\0' || output == NULL || *output == '\0')
    {
      g_printerr ("%s\n", _("Both --ticket and --output are required."));
      return PDW_CLI_EXIT_USAGE;
    }

  if ((store = pdw_cli_open_existing_store (db)) == NULL)
    return PDW_CLI_EXIT_INVALID;

  if ((complaint = pdw_store_dup_complaint_by_ticket (store, ticket, &error)) == NULL)
    {
      if (error == NULL || g_error_matches (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND))
        g_printerr (_("No complaint with the ticket “%s”."), ticket);
      else
        g_printerr ("%s", error->message);
      g_printerr ("\n");
      return PDW_CLI_EXIT_INVALID;
    }

  settings = pdw_cli_dup_settings ();
  office_name = pdw_cli_dup_setting (settings, "office-name");
  office_address = pdw_cli_dup_setting (settings, "office-address");
  options.office_name = office_name;
  options.office_address = office_address;

  if (!pdw_card_pdf_write (store, pdw_complaint_get_id (complaint), &options, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return PDW_CLI_EXIT_INVALID;
    }

  return PDW_CLI_EXIT_OK;
}
