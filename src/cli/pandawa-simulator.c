/* pandawa-simulator.c: a stand-in for the WhatsApp Cloud API or a WAHA
 * server, for demos and tests.  See src/demo/pdw-simulator.h.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "gateway/pdw-gateway-config.h"
#include "demo/pdw-simulator.h"

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static void
finished_cb (PdwSimulator *simulator,
             GMainLoop    *loop)
{
  g_main_loop_quit (loop);
}

static void
message_posted_cb (PdwSimulator *simulator,
                   const char   *wamid,
                   const char   *wa_id,
                   const char   *type,
                   gpointer      user_data)
{
  printf ("MESSAGE wamid=%s wa_id=%s type=%s\n", wamid, wa_id, type);
  fflush (stdout);
}

static void
reply_received_cb (PdwSimulator *simulator,
                   const char   *id,
                   const char   *to,
                   const char   *text,
                   gpointer      user_data)
{
  printf ("REPLY id=%s to=%s\n", id, to);
  fflush (stdout);
}

static void
template_received_cb (PdwSimulator *simulator,
                      const char   *wamid,
                      const char   *to,
                      const char   *name,
                      gpointer      user_data)
{
  printf ("TEMPLATE wamid=%s to=%s name=%s\n", wamid, to, name);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwSimulator) simulator = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *webhook_url = NULL;
  g_autofree char *app_secret_file = NULL;
  g_autofree char *access_token_file = NULL;
  g_autofree char *api_key_file = NULL;
  g_autofree char *backend = NULL;
  g_autofree char *session = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *phone_number_id = NULL;
  g_autofree char *app_secret = NULL;
  g_autofree char *host = NULL;
  g_autofree char *api_url = NULL;
  g_autofree char *api_key = NULL;
  g_autofree char *url_name = NULL;
  gboolean waha;
  double speed = 1.0;
  gboolean once = FALSE;
  gboolean report = FALSE;
  int expect_replies = 0;
  g_autofree char *seed = NULL;
  guint port = 0;
  const GOptionEntry entries[] = {
    { "backend", 0, 0, G_OPTION_ARG_STRING, &backend, N_("WhatsApp service to simulate: graph (Meta’s Cloud API, the default) or waha (a WAHA server)"), "NAME" },
    { "webhook-url", 0, 0, G_OPTION_ARG_STRING, &webhook_url, N_("Webhook URL of PANDAWA to post to"), "URL" },
    { "app-secret-file", 0, 0, G_OPTION_ARG_FILENAME, &app_secret_file, N_("File holding the app secret that signs webhooks (WAHA: the HMAC key, optional)"), "FILE" },
    { "access-token-file", 0, 0, G_OPTION_ARG_FILENAME, &access_token_file, N_("File holding the access token PANDAWA must send"), "FILE" },
    { "api-key-file", 0, 0, G_OPTION_ARG_FILENAME, &api_key_file, N_("WAHA: file holding the API key PANDAWA must send (X-Api-Key)"), "FILE" },
    { "session", 0, 0, G_OPTION_ARG_STRING, &session, N_("WAHA: name of the simulated session (default: default)"), "NAME" },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen, N_("Address of the simulated API (default 127.0.0.1:0)"), "HOST:PORT" },
    { "phone-number-id", 0, 0, G_OPTION_ARG_STRING, &phone_number_id, N_("Phone number ID of the simulated business number"), "ID" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed, N_("Play the script with other synthetic citizens, drawn from this number"), "N" },
    { "speed", 0, 0, G_OPTION_ARG_DOUBLE, &speed, N_("Play the script this many times faster"), "X" },
    { "once", 0, 0, G_OPTION_ARG_NONE, &once, N_("Exit once the script is played and every status is sent"), NULL },
    { "expect-replies", 0, 0, G_OPTION_ARG_INT, &expect_replies, N_("With --once, also wait for this many replies"), "N" },
    { "report", 0, 0, G_OPTION_ARG_NONE, &report, N_("Print a line for every citizen message delivered and every reply received"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Simulates the WhatsApp Cloud API or a WAHA server, and citizens writing to the office."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (backend != NULL && g_strcmp0 (backend, "graph") != 0 && g_strcmp0 (backend, "waha") != 0)
    {
      g_printerr (_("Unknown WhatsApp service “%s”: use graph or waha"), backend);
      g_printerr ("\n");
      return 2;
    }
  waha = g_strcmp0 (backend, "waha") == 0;

  if (webhook_url == NULL || speed <= 0 || expect_replies < 0 ||
      (waha ? api_key_file == NULL : app_secret_file == NULL || access_token_file == NULL))
    {
      g_printerr ("%s\n", waha ? _("--webhook-url and --api-key-file are required; --speed must be positive")
                               : _("--webhook-url, --app-secret-file and --access-token-file are required; --speed must be positive"));
      return 2;
    }

  if ((app_secret_file != NULL &&
       (app_secret = pdw_gateway_config_read_secret_file (app_secret_file, &error)) == NULL) ||
      (api_key = pdw_gateway_config_read_secret_file (waha ? api_key_file : access_token_file, &error)) == NULL ||
      !pdw_gateway_config_parse_listen (listen != NULL ? listen : "127.0.0.1:0", &host, &port, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  loop = g_main_loop_new (NULL, FALSE);
  if (waha)
    simulator = pdw_simulator_new_for_backend ("waha", webhook_url, app_secret, api_key,
                                               session != NULL ? session : "default");
  else
    simulator = pdw_simulator_new (webhook_url, app_secret, api_key,
                                   phone_number_id != NULL ? phone_number_id : "100000000000001");
  pdw_simulator_set_speed (simulator, speed);
  if (seed != NULL)
    pdw_simulator_set_seed (simulator, (guint32) g_ascii_strtoull (seed, NULL, 10));
  if (!pdw_simulator_listen (simulator, host, port, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Before the address is announced: whoever reads it may stop us at once. */
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);

  /* GRAPH_URL=… or WAHA_URL=…: the base URL to give PANDAWA. */
  api_url = pdw_simulator_dup_api_url (simulator);
  url_name = g_ascii_strup (pdw_simulator_get_backend (simulator), -1);
  printf ("%s_URL=%s\n", url_name, api_url);
  fflush (stdout);

  if (report)
    {
      g_signal_connect (simulator, "message-posted", G_CALLBACK (message_posted_cb), NULL);
      g_signal_connect (simulator, "reply-received", G_CALLBACK (reply_received_cb), NULL);
      g_signal_connect (simulator, "template-received", G_CALLBACK (template_received_cb), NULL);
    }
  if (once)
    {
      g_signal_connect (simulator, "finished", G_CALLBACK (finished_cb), loop);
      pdw_simulator_set_expected_replies (simulator, (guint) expect_replies);
    }

  pdw_simulator_start (simulator);
  g_main_loop_run (loop);

  if (once && report)
    {
      printf ("DONE\n");
      fflush (stdout);
    }

  return 0;
}
