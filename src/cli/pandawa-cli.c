/* pandawa-cli.c: PANDAWA without a window.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/pdw-cli.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Subcommand;

static const Subcommand subcommands[] = {
  { "serve",   pdw_cli_serve,   N_("Run the WhatsApp gateway service without a window") },
  { "send",    pdw_cli_send,    N_("Queue a reply to a citizen for the running gateway to send") },
  { "export",  pdw_cli_export,  N_("Export the database as one JSON document") },
  { "nik",     pdw_cli_nik,     N_("Validate and decode a NIK") },
  { "kk",      pdw_cli_kk,      N_("Validate and decode a family card (KK) number") },
  { "extract", pdw_cli_extract, N_("Extract names, NIK, KK and phone numbers from a message on standard input") },
  { "consolidation", pdw_cli_consolidation, N_("Export the SIAK consolidation list, or read back its results") },
  { "card",    pdw_cli_card,    N_("Print the control card of a complaint as PDF") },
  { "report",  pdw_cli_report,  N_("Write the monthly report of a month, a range of months or a year") },
  { "generate", pdw_cli_generate, N_("Fill a database with a synthetic office history") },
  { "search",  pdw_cli_search,  N_("Find conversations by name, phone number, ticket, NIK or message text") },
  { "check",   pdw_cli_check,   N_("Check the database for damage") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: pandawa-cli COMMAND [OPTION…]"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    fprintf (stream, "  %-13s  %s\n", subcommands[i].name, _(subcommands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “pandawa-cli COMMAND --help” for the options of a command."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return 0;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("pandawa-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      if (strcmp (argv[1], subcommands[i].name) == 0)
        return subcommands[i].run (argc - 1, argv + 1);
    }

  fprintf (stderr, _("Unknown command “%s”."), argv[1]);
  fputc ('\n', stderr);
  print_usage (stderr);
  return 2;
}
