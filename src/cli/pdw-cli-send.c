/* pdw-cli-send.c: `pandawa-cli send`, a reply queued in the database's
 * outbox from a script.  It never sends anything itself: the gateway that
 * runs on the same database (`pandawa-cli serve` or the app) sees the new
 * row within seconds and sends it, in order with the citizen's other
 * replies and exactly once.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pdw-cli.h"

int
pdw_cli_send (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autofree char *db = NULL;
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;
  g_autofree char *officer = NULL;
  gint64 conversation_id;
  gint64 message_id;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Database file (default: the application’s database)"), "PATH" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("WhatsApp number of the citizen, e.g. 6281234567890"), "WA_ID" },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("Text of the reply"), "TEXT" },
    { "officer", 0, 0, G_OPTION_ARG_STRING, &officer, N_("Name of the officer who signs the reply"), "NAME" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Queues a reply to a citizen who wrote to the desk. A running gateway "
                                           "(pandawa-cli serve or the app) on the same database sends it."));
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

  if (to == NULL || *g_strstrip (to) == '\0' || text == NULL || *text == '\0')
    {
      g_printerr ("%s\n", _("Both --to and --text are required."));
      return PDW_CLI_EXIT_USAGE;
    }

  if ((store = pdw_cli_open_existing_store (db)) == NULL)
    return PDW_CLI_EXIT_INVALID;

  conversation_id = pdw_store_find_conversation_by_wa_id (store, to[0] == '+' ? to + 1 : to, &error);
  if (conversation_id == 0)
    {
      g_printerr (_("No citizen has written from %s: a reply needs a conversation."), to);
      g_printerr ("\n");
      return PDW_CLI_EXIT_INVALID;
    }
  if (conversation_id < 0 ||
      (message_id = pdw_store_queue_outgoing_text (store, conversation_id, text, officer, &error)) <= 0)
    {
      g_printerr ("%s\n", error != NULL ? error->message : _("unknown error"));
      return PDW_CLI_EXIT_INVALID;
    }

  /* For scripts: the id to follow the message by. */
  printf ("QUEUED=%" G_GINT64_FORMAT "\n", message_id);
  return PDW_CLI_EXIT_OK;
}
