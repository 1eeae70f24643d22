/* pdw-cli-generate.c: `pandawa-cli generate`, a synthetic office history
 * (pdw-history.h) for the demo, tests and benchmarks.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "demo/pdw-history.h"
#include "pdw-cli.h"

/* --scale small: a month of it takes a second or two (tests, demos). */
#define SMALL_SCALE 12

static gboolean
parse_start (const char *text,
             guint      *year,
             guint      *month)
{
  guint64 y, m;
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return TRUE;

  parts = g_strsplit (text, "-", 0);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1970, 2100, &y, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL))
    return FALSE;

  *year = (guint) y;
  *month = (guint) m;
  return TRUE;
}

static gboolean
parse_scale (const char *text,
             guint      *scale)
{
  guint64 n;

  if (text == NULL || g_strcmp0 (text, "default") == 0)
    *scale = 0;
  else if (g_strcmp0 (text, "small") == 0)
    *scale = SMALL_SCALE;
  else if (g_ascii_string_to_unsigned (text, 10, 1, 100000, &n, NULL))
    *scale = (guint) n;
  else
    return FALSE;

  return TRUE;
}

static void
count_row (const char * const *columns,
           const char * const *values,
           guint               n_columns,
           gpointer            user_data)
{
  guint *n = user_data;

  (void) columns;
  (void) values;
  (void) n_columns;
  (*n)++;
}

static void
show_progress (double   fraction,
               gpointer user_data)
{
  (void) user_data;
  g_printerr ("\r%3.0f %%", fraction * 100.0);
}

static void
print_report (const PdwHistoryReport *r,
              double                  seconds)
{
  guint messages = r->messages_in + r->messages_out;
  guint rows = messages + r->statuses + r->complaints + r->events;

  g_print (_("Complaints: %u (selesai %u, ditolak %u, still open %u)\n"),
           r->complaints,
           r->by_status[PDW_COMPLAINT_SELESAI], r->by_status[PDW_COMPLAINT_DITOLAK],
           r->complaints - r->by_status[PDW_COMPLAINT_SELESAI] - r->by_status[PDW_COMPLAINT_DITOLAK]);
  for (guint i = 0; i <= PDW_COMPLAINT_STATUS_LAST; i++)
    g_print ("  %-16s %u\n", pdw_complaint_status_to_string (i), r->by_status[i]);
  g_print (_("Messages: %u (%u from citizens, %u from officers)\n"), messages, r->messages_in, r->messages_out);
  g_print (_("Delivery statuses: %u\n"), r->statuses);
  g_print (_("Conversations: %u\n"), r->conversations);
  g_print (_("Control-card events: %u\n"), r->events);
  g_print (_("Satisfaction survey: %u asked, %u rated\n"), r->surveys_asked, r->survey_ratings);
  g_print (_("Overdue: %u (still open at the end: %u)\n"), r->overdue, r->overdue_open);
  g_print (_("Referred for a biometric check: %u\n"), r->referred);
  g_print (_("Coordinated with a division: %u\n"), r->coordinated);
  g_print (_("Rejected: %u\n"), r->rejected);
  g_print (_("Linked conversations (same NIK): %u\n"), r->linked);
  g_print (_("Merged contacts (second number): %u\n"), r->merged);
  /* Rows: messages, statuses, complaints and control-card events written. */
  g_print (_("Time: %.1f s, %u rows, %.0f rows/s, %.0f messages/s\n"),
           seconds, rows, seconds > 0 ? rows / seconds : 0.0, seconds > 0 ? messages / seconds : 0.0);
}

int
pdw_cli_generate (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autofree char *db = NULL;
  g_autofree char *start = NULL;
  g_autofree char *scale = NULL;
  gint months = 12;
  gint64 seed = 1;
  gboolean append = FALSE;
  PdwHistoryOptions opts = PDW_HISTORY_OPTIONS_INIT;
  PdwHistoryReport report = { 0 };
  guint existing = 0;
  gint64 began;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Database file to fill"), "PATH" },
    { "months", 0, 0, G_OPTION_ARG_INT, &months, N_("Number of months (default 12)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Random seed: the same seed gives the same history (default 1)"), "S" },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("First month (default: the months up to the current one)"), "YYYY-MM" },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale,
      N_("Complaints per ordinary service day, or “small” (default: about 60,000 a year)"), "N" },
    { "append", 0, 0, G_OPTION_ARG_NONE, &append, N_("Add to a database that already holds conversations"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Fills a database with a synthetic office history: citizens’ "
                                           "messages, officers’ replies and complaints with their control "
                                           "cards, through the same code the application uses. Every "
                                           "person and number in it is made up."));
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

  if (db == NULL)
    {
      g_printerr ("%s\n", _("--db is required: generate never writes into the application’s own database."));
      return PDW_CLI_EXIT_USAGE;
    }

  if (months < 1 || months > 120 || seed < 0 || seed > G_MAXUINT32 ||
      !parse_start (start, &opts.start_year, &opts.start_month) ||
      !parse_scale (scale, &opts.scale))
    {
      g_printerr ("%s\n", _("Invalid --months, --seed, --start or --scale."));
      return PDW_CLI_EXIT_USAGE;
    }
  opts.months = months;
  opts.seed = (guint32) seed;
  /* An office's history ends now: nothing is registered, sent or closed in
   * the future, and the last days' files are still being worked on. */
  if (start == NULL)
    pdw_history_options_end_at (&opts, g_get_real_time () / G_USEC_PER_SEC);
  else
    opts.until = g_get_real_time () / G_USEC_PER_SEC;

  if ((store = pdw_store_open (db, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return PDW_CLI_EXIT_INVALID;
    }

  if (!pdw_store_foreach_row (store, "conversations", count_row, &existing, &error))
    {
      g_printerr ("%s\n", error->message);
      return PDW_CLI_EXIT_INVALID;
    }

  if (existing > 0 && !append)
    {
      g_printerr (_("The database “%s” already holds %u conversations; use --append to add to it."),
                  db, existing);
      g_printerr ("\n");
      return PDW_CLI_EXIT_INVALID;
    }

  if (isatty (STDERR_FILENO))
    opts.progress = show_progress;

  began = g_get_monotonic_time ();
  if (!pdw_history_generate (store, &opts, &report, &error))
    {
      g_printerr ("\n%s\n", error->message);
      return PDW_CLI_EXIT_INVALID;
    }
  if (opts.progress != NULL)
    g_printerr ("\r");

  print_report (&report, (g_get_monotonic_time () - began) / (double) G_USEC_PER_SEC);
  return PDW_CLI_EXIT_OK;
}
