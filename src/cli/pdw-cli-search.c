/* pdw-cli-search.c: `pandawa-cli search`, the search bar's results on the
 * terminal, and `pandawa-cli check`, the integrity check on demand.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "core/pdw-time-zone.h"
#include "pdw-cli.h"

/* A NIK or KK is masked by the store already: the output never holds one
 * whole, plain or JSON. */
static void
print_json (GPtrArray *results)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < results->len; i++)
    {
      PdwSearchResult *result = g_ptr_array_index (results, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "conversation_id");
      json_builder_add_int_value (builder, pdw_search_result_get_conversation_id (result));
      json_builder_set_member_name (builder, "complaint_id");
      json_builder_add_int_value (builder, pdw_search_result_get_complaint_id (result));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, pdw_search_result_get_display_name (result));
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, pdw_search_field_to_string (pdw_search_result_get_field (result)));
      json_builder_set_member_name (builder, "snippet");
      json_builder_add_string_value (builder, pdw_search_result_get_snippet (result));
      json_builder_set_member_name (builder, "time");
      json_builder_add_int_value (builder, pdw_search_result_get_time (result));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
print_plain (GPtrArray *results)
{
  /* Times as the office reads them, whatever the machine's zone. */
  g_autoptr(GTimeZone) wib = pdw_time_zone_new_wib ();

  for (guint i = 0; i < results->len; i++)
    {
      PdwSearchResult *result = g_ptr_array_index (results, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (pdw_search_result_get_time (result));
      g_autoptr(GDateTime) time = utc != NULL ? g_date_time_to_timezone (utc, wib) : NULL;
      g_autofree char *when = time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("");
      const char *name = pdw_search_result_get_display_name (result);
      /* One result a line: a snippet that spans lines (a signature) is folded. */
      g_autofree char *snippet = g_strdup (pdw_search_result_get_snippet (result) != NULL
                                           ? pdw_search_result_get_snippet (result) : "");

      g_strdelimit (snippet, "\t\r\n", ' ');
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n",
               pdw_search_result_get_conversation_id (result), when, name != NULL ? name : "",
               pdw_search_field_to_string (pdw_search_result_get_field (result)),
               snippet);
    }
}

int
pdw_cli_search (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *db = NULL;
  gboolean json = FALSE;
  int limit = 0;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Database file (default: the application’s database)"), "PATH" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the results as JSON"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many results (default 50)"), "N" },
    { NULL }
  };

  context = g_option_context_new (_("QUERY"));
  g_option_context_set_summary (context, _("Finds conversations by citizen or WhatsApp name, phone number, "
                                           "ticket, NIK or KK (whole or the last 4 or more digits) and "
                                           "message text, newest first. NIK and KK numbers are masked."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return PDW_CLI_EXIT_USAGE;
    }

  if (argc != 2 || limit < 0)
    {
      g_printerr ("%s\n", _("Give exactly one query, e.g. pandawa-cli search --db PATH 0812-3456"));
      return PDW_CLI_EXIT_USAGE;
    }

  if ((store = pdw_cli_open_existing_store (db)) == NULL)
    return PDW_CLI_EXIT_INVALID;

  if ((results = pdw_store_search (store, argv[1], limit, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return PDW_CLI_EXIT_INVALID;
    }

  if (json)
    print_json (results);
  else
    print_plain (results);
  return PDW_CLI_EXIT_OK;
}

int
pdw_cli_check (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autofree char *db = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Database file (default: the application’s database)"), "PATH" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Reads every page of the database to find damage (PRAGMA quick_check). "
                                           "PANDAWA does this itself only after a crash."));
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

  if ((store = pdw_cli_open_existing_store (db)) == NULL)
    return PDW_CLI_EXIT_INVALID;

  if (!pdw_store_check_integrity (store, &error))
    {
      g_printerr ("%s\n", error->message);
      return PDW_CLI_EXIT_INVALID;
    }

  g_print ("%s\n", _("The database is intact."));
  return PDW_CLI_EXIT_OK;
}
