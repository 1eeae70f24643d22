/* test-cli-serve.c: `pandawa-cli serve` as a subprocess, fed by
 * pandawa-simulator and by signed fixture payloads, checked through
 * `pandawa-cli export`.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "gateway/pdw-signature.h"
#include "demo/pdw-simulator.h"
#include "store/pdw-store.h"
#include "pdw-test-serve.h"
#include "pdw-test-util.h"

#define APP_SECRET   "cli-test-app-secret"
#define ACCESS_TOKEN "cli-test-access-token"
#define VERIFY_TOKEN "cli-test-verify-token"
#define PHONE_ID     "100000000000001"
#define WAHA_API_KEY "cli-test-waha-api-key"

typedef struct
{
  char *dir;
  char *db;
  char *app_secret_file;
  char *access_token_file;
  char *verify_token_file;
  char *waha_api_key_file;
} Env;

static void
env_init (Env *env)
{
  g_autoptr(GError) error = NULL;

  env->dir = g_dir_make_tmp ("pandawa-cli-serve-XXXXXX", &error);
  g_assert_no_error (error);
  env->db = g_build_filename (env->dir, "pandawa.db", NULL);
  env->app_secret_file = pdw_test_write_secret (env->dir, "app-secret", APP_SECRET "\n");
  env->access_token_file = pdw_test_write_secret (env->dir, "access-token", ACCESS_TOKEN "\n");
  env->verify_token_file = pdw_test_write_secret (env->dir, "verify-token", VERIFY_TOKEN "\n");
  env->waha_api_key_file = pdw_test_write_secret (env->dir, "waha-api-key", WAHA_API_KEY "\n");
}

static void
env_clear (Env *env)
{
  g_autoptr(GDir) d = g_dir_open (env->dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (env->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (env->dir);
  g_free (env->dir);
  g_free (env->db);
  g_free (env->app_secret_file);
  g_free (env->access_token_file);
  g_free (env->verify_token_file);
  g_free (env->waha_api_key_file);
}

/* A port nobody listens on right now: bound, read, released. */
static guint
reserve_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) local = NULL;

  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  local = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
}

static char *
read_line (GDataInputStream *stream)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (stream, NULL, NULL, &error);

  g_assert_no_error (error);
  return line;
}

/* serve on @backend ("graph" or "waha"), its provider at @api_url; the
 * app secret file is also WAHA's HMAC key. */
static GSubprocess *
start_serve (Env               *env,
             const char        *backend,
             const char        *listen,
             const char        *api_url,
             GDataInputStream **out,
             char             **webhook_url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *line = NULL;
  GSubprocess *serve;

  g_ptr_array_add (argv, (char *) pdw_test_program ("PANDAWA_CLI"));
  g_ptr_array_add (argv, "serve");
  /* The suite runs at any hour: no out-of-hours replies. */
  g_ptr_array_add (argv, "--no-auto-reply");
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, env->db);
  g_ptr_array_add (argv, "--listen");
  g_ptr_array_add (argv, (char *) listen);
  g_ptr_array_add (argv, "--verify-token-file");
  g_ptr_array_add (argv, env->verify_token_file);
  g_ptr_array_add (argv, "--app-secret-file");
  g_ptr_array_add (argv, env->app_secret_file);
  g_ptr_array_add (argv, "--backend");
  g_ptr_array_add (argv, (char *) backend);
  if (g_str_equal (backend, "waha"))
    {
      g_ptr_array_add (argv, "--waha-url");
      g_ptr_array_add (argv, (char *) api_url);
      g_ptr_array_add (argv, "--waha-api-key-file");
      g_ptr_array_add (argv, env->waha_api_key_file);
    }
  else
    {
      g_ptr_array_add (argv, "--access-token-file");
      g_ptr_array_add (argv, env->access_token_file);
      g_ptr_array_add (argv, "--graph-url");
      g_ptr_array_add (argv, (char *) api_url);
      g_ptr_array_add (argv, "--phone-number-id");
      g_ptr_array_add (argv, PHONE_ID);
    }
  g_ptr_array_add (argv, NULL);

  serve = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  *out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (serve));
  line = read_line (*out);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "LISTENING=http://127.0.0.1:"));
  *webhook_url = g_strdup (line + strlen ("LISTENING="));
  g_assert_true (g_str_has_suffix (*webhook_url, "/webhook"));
  return serve;
}

static void
stop_serve (GSubprocess *serve)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (serve, SIGTERM);
  g_subprocess_wait (serve, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (serve));
  g_assert_cmpint (g_subprocess_get_exit_status (serve), ==, 0);
}

static JsonArray *
export_messages (Env        *env,
                 JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) export = NULL;
  g_autofree char *out = NULL;
  JsonObject *root;

  export = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             pdw_test_program ("PANDAWA_CLI"), "export", "--db", env->db, "--format", "json", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (export, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (export));

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  return json_object_get_array_member (root, "messages");
}

static guint
count_with_wamid (JsonArray   *messages,
                  const char  *wamid,
                  JsonObject **found)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (messages); i++)
    {
      JsonObject *message = json_array_get_object_element (messages, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (message, "wamid", NULL), wamid) == 0)
        {
          n++;
          if (found != NULL)
            *found = message;
        }
    }

  return n;
}

typedef struct
{
  char *wamid;
  char *wa_id;
  char *type;
} Posted;

static void
posted_free (Posted *posted)
{
  g_free (posted->wamid);
  g_free (posted->wa_id);
  g_free (posted->type);
  g_free (posted);
}

static Posted *
parse_message_line (const char *line)
{
  g_auto(GStrv) fields = NULL;
  Posted *posted;

  g_assert_true (g_str_has_prefix (line, "MESSAGE "));
  fields = g_strsplit (line + strlen ("MESSAGE "), " ", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 3);
  g_assert_true (g_str_has_prefix (fields[0], "wamid="));
  g_assert_true (g_str_has_prefix (fields[1], "wa_id="));
  g_assert_true (g_str_has_prefix (fields[2], "type="));

  posted = g_new0 (Posted, 1);
  posted->wamid = g_strdup (fields[0] + strlen ("wamid="));
  posted->wa_id = g_strdup (fields[1] + strlen ("wa_id="));
  posted->type = g_strdup (fields[2] + strlen ("type="));
  return posted;
}

/* One reply to each citizen: queued in the store (Graph), or with
 * `pandawa-cli send` (WAHA); the running serve sends them. */
static void
queue_one_reply_per_conversation (Env        *env,
                                  const char *backend)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = pdw_store_open (env->db, &error);
  g_autoptr(GPtrArray) conversations = NULL;

  g_assert_no_error (error);
  conversations = pdw_store_list_conversations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conversations->len, ==, pdw_simulator_get_n_citizens ());

  for (guint i = 0; i < conversations->len; i++)
    {
      PdwConversation *conversation = g_ptr_array_index (conversations, i);
      const char *text = "Data bapak/ibu dapat aktif maksimal dalam waktu 2x24 jam.";

      if (g_str_equal (backend, "waha"))
        {
          g_autoptr(GSubprocess) send = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                                                          pdw_test_program ("PANDAWA_CLI"), "send",
                                                          "--db", env->db,
                                                          "--to", pdw_conversation_get_wa_id (conversation),
                                                          "--text", text, "--officer", "Petugas Uji", NULL);

          g_assert_no_error (error);
          g_subprocess_wait_check (send, NULL, &error);
          g_assert_no_error (error);
        }
      else
        {
          gint64 id = pdw_store_queue_outgoing_text (store, pdw_conversation_get_id (conversation), text,
                                                     "Petugas Uji", &error);
          g_assert_no_error (error);
          g_assert_cmpint (id, >, 0);
        }
    }
}

/* The type serve stores for what the simulator reports: WAHA has no
 * contact-card type, a vCard arrives as its text. */
static const char *
stored_type (const char *backend,
             const char *type)
{
  if (g_str_equal (backend, "waha") && g_str_equal (type, "contacts"))
    return "text";
  return type;
}

/* serve on @backend ("graph" or "waha") with the simulator playing it:
 * every scripted message stored once, every reply received by the
 * simulator once and marked read by its statuses or acks. */
static void
test_serve_with_simulator (gconstpointer data)
{
  const char *backend = data;
  gboolean waha = g_str_equal (backend, "waha");
  Env env = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) simulator = NULL;
  g_autoptr(GSubprocess) serve = NULL;
  g_autoptr(GDataInputStream) sim_out = NULL;
  g_autoptr(GDataInputStream) serve_out = NULL;
  g_autoptr(GPtrArray) posted = g_ptr_array_new_with_free_func ((GDestroyNotify) posted_free);
  g_autoptr(GHashTable) replies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) sim_argv = g_ptr_array_new ();
  g_autofree char *url_line = NULL;
  g_autofree char *url_prefix = g_strdup_printf ("%s_URL=http://127.0.0.1:", waha ? "WAHA" : "GRAPH");
  g_autofree char *webhook_url = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *expected_url = NULL;
  g_autofree char *n_replies = g_strdup_printf ("%u", pdw_simulator_get_n_citizens ());
  g_autoptr(GHashTable) types_seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *messages;
  guint port = reserve_port ();
  guint n_out = 0;
  gboolean done = FALSE;

  env_init (&env);
  listen = g_strdup_printf ("127.0.0.1:%u", port);
  expected_url = g_strdup_printf ("http://127.0.0.1:%u/webhook", port);

  /* The simulator first: serve needs its URL, and the simulator retries
   * its webhook posts until serve listens. */
  g_ptr_array_add (sim_argv, (char *) pdw_test_program ("PANDAWA_SIMULATOR"));
  g_ptr_array_add (sim_argv, "--backend");
  g_ptr_array_add (sim_argv, (char *) backend);
  g_ptr_array_add (sim_argv, "--webhook-url");
  g_ptr_array_add (sim_argv, expected_url);
  g_ptr_array_add (sim_argv, "--app-secret-file");
  g_ptr_array_add (sim_argv, env.app_secret_file);
  if (waha)
    {
      g_ptr_array_add (sim_argv, "--api-key-file");
      g_ptr_array_add (sim_argv, env.waha_api_key_file);
    }
  else
    {
      g_ptr_array_add (sim_argv, "--access-token-file");
      g_ptr_array_add (sim_argv, env.access_token_file);
      g_ptr_array_add (sim_argv, "--phone-number-id");
      g_ptr_array_add (sim_argv, PHONE_ID);
    }
  g_ptr_array_add (sim_argv, "--speed");
  g_ptr_array_add (sim_argv, "20");
  g_ptr_array_add (sim_argv, "--once");
  g_ptr_array_add (sim_argv, "--report");
  g_ptr_array_add (sim_argv, "--expect-replies");
  g_ptr_array_add (sim_argv, n_replies);
  g_ptr_array_add (sim_argv, NULL);
  simulator = g_subprocess_newv ((const char * const *) sim_argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  sim_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (simulator));
  url_line = read_line (sim_out);
  g_assert_nonnull (url_line);
  g_assert_true (g_str_has_prefix (url_line, url_prefix));

  serve = start_serve (&env, backend, listen, strchr (url_line, '=') + 1, &serve_out, &webhook_url);
  g_assert_cmpstr (webhook_url, ==, expected_url);

  /* Every scripted message, then the officers' replies, then the citizens'
   * answers to them, until the simulator says it is done. */
  while (!done)
    {
      g_autofree char *line = read_line (sim_out);

      g_assert_nonnull (line);
      if (strcmp (line, "DONE") == 0)
        done = TRUE;
      else if (g_str_has_prefix (line, "REPLY id="))
        {
          /* The simulator got each reply once. */
          g_assert_true (g_hash_table_add (replies, g_strndup (line + strlen ("REPLY id="),
                                                               strcspn (line + strlen ("REPLY id="), " "))));
        }
      else
        {
          g_ptr_array_add (posted, parse_message_line (line));
          if (posted->len == pdw_simulator_get_n_script_messages ())
            queue_one_reply_per_conversation (&env, backend);
        }
    }
  g_subprocess_wait_check (simulator, NULL, &error);
  g_assert_no_error (error);
  stop_serve (serve);

  /* Scripted messages plus at least one answer to a reply. */
  g_assert_cmpuint (posted->len, >, pdw_simulator_get_n_script_messages ());

  messages = export_messages (&env, parser);
  for (guint i = 0; i < posted->len; i++)
    {
      Posted *p = g_ptr_array_index (posted, i);
      JsonObject *message = NULL;

      g_assert_cmpuint (count_with_wamid (messages, p->wamid, &message), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (message, "wa_id"), ==, p->wa_id);
      g_assert_cmpstr (json_object_get_string_member (message, "direction"), ==, "in");
      g_assert_cmpstr (json_object_get_string_member (message, "type"), ==, stored_type (backend, p->type));
      g_hash_table_add (types_seen, p->type);
    }
  g_assert_true (g_hash_table_contains (types_seen, "text"));
  g_assert_true (g_hash_table_contains (types_seen, "image"));
  g_assert_true (g_hash_table_contains (types_seen, "document"));
  g_assert_true (g_hash_table_contains (types_seen, "unsupported"));
  g_assert_true (g_hash_table_contains (types_seen, "contacts"));

  /* Each reply went out through the simulator's API, once, and came back
   * read. */
  for (guint i = 0; i < json_array_get_length (messages); i++)
    {
      JsonObject *message = json_array_get_object_element (messages, i);
      const char *wamid;

      if (g_strcmp0 (json_object_get_string_member (message, "direction"), "out") != 0)
        continue;
      n_out++;
      wamid = json_object_get_string_member_with_default (message, "wamid", NULL);
      g_assert_nonnull (wamid);
      g_assert_true (g_str_has_prefix (wamid, waha ? "true_" : "wamid."));
      g_assert_true (g_hash_table_contains (replies, wamid));
      g_assert_cmpuint (count_with_wamid (messages, wamid, NULL), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (message, "status"), ==, "read");
    }
  g_assert_cmpuint (n_out, ==, pdw_simulator_get_n_citizens ());
  g_assert_cmpuint (g_hash_table_size (replies), ==, n_out);
  g_assert_cmpuint (json_array_get_length (messages), ==, posted->len + n_out);

  env_clear (&env);
}

static guint
post_fixture (SoupSession *session,
              const char  *url,
              const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_POST, url);
  g_autoptr(GBytes) body = pdw_test_load_data (name);
  g_autoptr(GBytes) reply = NULL;
  g_autofree char *signature = NULL;

  signature = pdw_signature_compute (body, APP_SECRET);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Hub-Signature-256", signature);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  return soup_message_get_status (msg);
}

static void
test_serve_fixtures_twice (void)
{
  static const char * const fixtures[] = {
    "cloud-f1-text.json", "cloud-f2-image.json", "cloud-f3-document.json",
    "cloud-f4-delivered.json", "cloud-f5-sent.json", "cloud-f6-failed.json",
  };
  static const char * const status_wamids[] = {
    "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA",
    "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",
    "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA",
  };
  Env env = { 0 };
  g_autoptr(GSubprocess) serve = NULL;
  g_autoptr(GDataInputStream) serve_out = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *webhook_url = NULL;
  JsonObject *message = NULL;
  JsonArray *messages;

  env_init (&env);
  serve = start_serve (&env, "graph", "127.0.0.1:0", "http://127.0.0.1:9", &serve_out, &webhook_url);

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
      g_assert_cmpuint (post_fixture (session, webhook_url, fixtures[i]), ==, 200);

  stop_serve (serve);

  messages = export_messages (&env, parser);
  /* Meta's F1, F2 and F3 share one wamid: the first delivery is kept, the
   * others are duplicates. */
  g_assert_cmpuint (json_array_get_length (messages), ==, 1);
  g_assert_cmpuint (count_with_wamid (messages, "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                                      &message), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (message, "type"), ==, "text");
  g_assert_cmpstr (json_object_get_string_member (message, "wa_id"), ==, "16505551234");
  g_assert_cmpstr (json_object_get_string_member (message, "direction"), ==, "in");
  /* Statuses of messages this database never sent create no message. */
  for (guint i = 0; i < G_N_ELEMENTS (status_wamids); i++)
    g_assert_cmpuint (count_with_wamid (messages, status_wamids[i], NULL), ==, 0);

  env_clear (&env);
}

/* A secret file the group can read: serve says so on stderr (path and mode,
 * not the secret) and still runs with it. */
static void
test_serve_shared_secret_file (void)
{
  PdwTestServe serve;
  g_autofree char *log = NULL;

  pdw_test_serve_init (&serve, "pandawa-serve-shared-XXXXXX");
  g_assert_cmpint (g_chmod (serve.secret_file, 0640), ==, 0);
  pdw_test_serve_start (&serve, 0, NULL);
  pdw_test_serve_stop (&serve);

  log = pdw_test_serve_dup_log (&serve);
  g_assert_nonnull (strstr (log, "can be read by other users (mode 640): run chmod 600 on it"));
  g_assert_nonnull (strstr (log, serve.secret_file));
  g_assert_null (strstr (log, PDW_TEST_SERVE_SECRET));
  pdw_test_serve_clear (&serve);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/cli/serve/with-simulator", "graph", test_serve_with_simulator);
  g_test_add_data_func ("/cli/serve/with-simulator-waha", "waha", test_serve_with_simulator);
  g_test_add_func ("/cli/serve/fixtures-twice", test_serve_fixtures_twice);
  g_test_add_func ("/cli/serve/shared-secret-file", test_serve_shared_secret_file);

  return g_test_run ();
}
