/* test-secret-store.c: the WhatsApp secrets' fallback file (0600 in a 0700
 * folder), the choice between the keyring and that file by what the session
 * bus offers, secrets never in GSettings or in the logs, the gateway taking
 * new secrets without a restart, and serve's warning about a secret file
 * others can read.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "gateway/pdw-gateway-service.h"
#include "gateway/pdw-secret-store.h"
#include "gateway/pdw-secret-store-file.h"
#include "gateway/pdw-secret-store-keyring.h"
#include "pdw-test-util.h"

#define TOKEN  "EAAG-synthetic-access-token-7f3a9c"
#define SECRET "synthetic-app-secret-51be02"
#define VERIFY "synthetic-verify-token-c0ffee"

/* Every log line of the process, to look for secrets in. */
static GString *captured;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (fields[i].length < 0)
        g_string_append_printf (captured, "%s=%s\n", fields[i].key, (const char *) fields[i].value);
      else
        g_string_append_printf (captured, "%s=%.*s\n", fields[i].key, (int) fields[i].length,
                                (const char *) fields[i].value);
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

#define AWAIT(res) G_STMT_START { SPIN_UNTIL ((res) != NULL); } G_STMT_END

static void
store_secret (PdwSecretStore *store,
              PdwSecretKind   kind,
              const char     *phone,
              const char     *secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pdw_secret_store_store_async (store, kind, phone, secret, NULL, result_cb, &result);
  AWAIT (result);
  g_assert_true (pdw_secret_store_store_finish (store, result, &error));
  g_assert_no_error (error);
}

static char *
lookup_secret (PdwSecretStore *store,
               PdwSecretKind   kind,
               const char     *phone)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  pdw_secret_store_lookup_async (store, kind, phone, NULL, result_cb, &result);
  AWAIT (result);
  secret = pdw_secret_store_lookup_finish (store, result, &error);
  g_assert_no_error (error);
  return secret;
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_file_round_trip (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("pdw-secrets-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (tmp, "pandawa", NULL);
  g_autofree char *path = g_build_filename (dir, "secrets.ini", NULL);
  g_autoptr(PdwSecretStore) store = pdw_secret_store_file_new (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *other = NULL;
  g_autofree char *verify = NULL;
  g_autofree char *missing = NULL;

  g_assert_true (pdw_secret_store_is_fallback (store));
  g_assert_cmpstr (pdw_secret_store_file_get_path (PDW_SECRET_STORE_FILE (store)), ==, path);

  /* A folder that exists already, readable by all, is made private. */
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  store_secret (store, PDW_SECRET_ACCESS_TOKEN, "106540352242922", TOKEN);
  store_secret (store, PDW_SECRET_VERIFY_TOKEN, "", VERIFY);
  store_secret (store, PDW_SECRET_ACCESS_TOKEN, "999", "another-number-token");
  g_assert_cmpuint (mode_of (path), ==, 0600);
  g_assert_cmpuint (mode_of (dir), ==, 0700);

  token = lookup_secret (store, PDW_SECRET_ACCESS_TOKEN, "106540352242922");
  other = lookup_secret (store, PDW_SECRET_ACCESS_TOKEN, "999");
  verify = lookup_secret (store, PDW_SECRET_VERIFY_TOKEN, NULL);
  missing = lookup_secret (store, PDW_SECRET_APP_SECRET, "106540352242922");
  g_assert_cmpstr (token, ==, TOKEN);
  g_assert_cmpstr (other, ==, "another-number-token");
  g_assert_cmpstr (verify, ==, VERIFY);
  g_assert_null (missing);

  /* A new value replaces the old one; a second store of the same file
   * (another page) reads it. */
  store_secret (store, PDW_SECRET_ACCESS_TOKEN, "106540352242922", "rotated-token");
  {
    g_autoptr(PdwSecretStore) again = pdw_secret_store_file_new (path);
    g_autofree char *rotated = lookup_secret (again, PDW_SECRET_ACCESS_TOKEN, "106540352242922");

    g_assert_cmpstr (rotated, ==, "rotated-token");
  }

  pdw_secret_store_clear_async (store, PDW_SECRET_ACCESS_TOKEN, "106540352242922", NULL, result_cb, &result);
  AWAIT (result);
  g_assert_true (pdw_secret_store_clear_finish (store, result, &error));
  g_assert_no_error (error);
  g_clear_pointer (&token, g_free);
  token = lookup_secret (store, PDW_SECRET_ACCESS_TOKEN, "106540352242922");
  g_assert_null (token);
  g_assert_cmpuint (mode_of (path), ==, 0600);

  pdw_test_remove_tree (tmp);
}

static PdwSecretStore *
choose_store (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PdwSecretStore *store;

  pdw_secret_store_new_async (NULL, result_cb, &result);
  AWAIT (result);
  store = pdw_secret_store_new_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (PDW_IS_SECRET_STORE (store));
  return store;
}

static void
test_choice (void)
{
  g_autoptr(PdwSecretStore) no_bus = NULL;
  g_autoptr(PdwSecretStore) plain_bus = NULL;
  g_autoptr(PdwSecretStore) with_service = NULL;
  g_autoptr(GTestDBus) bus = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  guint owner_id;
  gboolean acquired = FALSE;

  /* No session bus at all. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/pandawa-no-bus", TRUE);
  no_bus = choose_store ();
  g_assert_true (PDW_IS_SECRET_STORE_FILE (no_bus));
  g_assert_true (pdw_secret_store_is_fallback (no_bus));

  /* A session bus without a Secret Service (as dbus-run-session in CI). */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  plain_bus = choose_store ();
  g_assert_true (PDW_IS_SECRET_STORE_FILE (plain_bus));

  /* Someone owns org.freedesktop.secrets: the keyring is used. */
  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  owner_id = g_bus_own_name_on_connection (connection, PDW_SECRET_SERVICE_NAME, G_BUS_NAME_OWNER_FLAGS_NONE,
                                           NULL, NULL, NULL, NULL);
  {
    g_autoptr(GVariant) reply = NULL;

    while (!acquired)
      {
        g_clear_pointer (&reply, g_variant_unref);
        reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "NameHasOwner",
                                             g_variant_new ("(s)", PDW_SECRET_SERVICE_NAME),
                                             G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
        g_assert_no_error (error);
        g_variant_get (reply, "(b)", &acquired);
        if (!acquired)
          g_main_context_iteration (NULL, FALSE);
      }
  }
  with_service = choose_store ();
  g_assert_true (PDW_IS_SECRET_STORE_KEYRING (with_service));
  g_assert_false (pdw_secret_store_is_fallback (with_service));

  g_bus_unown_name (owner_id);
  g_dbus_connection_close_sync (connection, NULL, NULL);
  g_clear_object (&connection);
  g_test_dbus_down (bus);
}

static void
config_changed_cb (gpointer  service,
                   gboolean *changed)
{
  *changed = TRUE;
}

static void
test_never_in_settings_or_logs (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("pdw-secrets-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "pandawa", "secrets.ini", NULL);
  g_autofree char *db = g_build_filename (tmp, "desk.db", NULL);
  g_autoptr(PdwSecretStore) store = pdw_secret_store_file_new (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(PdwGatewayConfig) config = pdw_gateway_config_new ();
  g_autoptr(PdwGatewayService) service = NULL;
  g_autoptr(PdwStore) desk = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;
  gboolean changed = FALSE;

  g_string_truncate (captured, 0);

  g_settings_set_string (settings, "phone-number-id", "106540352242922");
  g_settings_set_value (settings, "webhook-port", g_variant_new_uint16 (0));
  desk = pdw_store_open (db, &error);
  g_assert_no_error (error);
  pdw_gateway_config_load_settings (config, settings);
  service = pdw_gateway_service_new (desk, config);
  g_assert_true (pdw_gateway_service_start (service, &error));
  g_assert_no_error (error);
  g_assert_false (pdw_gateway_config_can_send (pdw_gateway_service_get_config (service)));
  g_signal_connect (service, "config-changed", G_CALLBACK (config_changed_cb), &changed);

  /* What the preferences page does on Apply. */
  store_secret (store, PDW_SECRET_ACCESS_TOKEN, "106540352242922", TOKEN);
  store_secret (store, PDW_SECRET_APP_SECRET, "106540352242922", SECRET);
  store_secret (store, PDW_SECRET_VERIFY_TOKEN, "106540352242922", VERIFY);
  pdw_gateway_service_reload_async (service, settings, store, NULL, result_cb, &result);
  AWAIT (result);
  g_assert_true (pdw_gateway_service_reload_finish (service, result, &error));
  g_assert_no_error (error);

  /* The running gateway took them without a restart. */
  g_assert_true (changed);
  g_assert_true (pdw_gateway_service_get_listening (service));
  g_assert_true (pdw_gateway_config_can_send (pdw_gateway_service_get_config (service)));
  g_assert_cmpstr (pdw_gateway_service_get_config (service)->access_token, ==, TOKEN);
  g_assert_cmpstr (pdw_gateway_service_get_config (service)->app_secret, ==, SECRET);
  g_assert_cmpstr (pdw_gateway_service_get_config (service)->verify_token, ==, VERIFY);

  /* No GSettings key holds any of them. */
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (keys), >, 10);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_assert_null (strstr (text, TOKEN));
      g_assert_null (strstr (text, SECRET));
      g_assert_null (strstr (text, VERIFY));
    }

  /* Nor any log line, debug ones included (something was logged). */
  pdw_gateway_service_stop (service);
  g_assert_cmpuint (captured->len, >, 0);
  g_assert_null (strstr (captured->str, TOKEN));
  g_assert_null (strstr (captured->str, SECRET));
  g_assert_null (strstr (captured->str, VERIFY));

  pdw_test_remove_tree (tmp);
}

static void
test_shared_file_warning (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("pdw-secrets-XXXXXX", NULL);
  g_autofree char *path = pdw_test_write_secret (tmp, "access-token", TOKEN);
  g_autofree char *read = NULL;

  /* 0600: nothing to say. */
  g_assert_false (pdw_gateway_config_warn_if_shared (path));

  /* Readable by the group: a warning with the path and the mode, not the
   * secret (the expected pattern would not match a line carrying it). */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "The secret file */access-token can be read by other users (mode 640): run chmod 600 on it");
  g_assert_true (pdw_gateway_config_warn_if_shared (path));
  g_test_assert_expected_messages ();

  g_assert_cmpint (g_chmod (path, 0604), ==, 0);
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*(mode 604)*");
  g_assert_true (pdw_gateway_config_warn_if_shared (path));
  g_test_assert_expected_messages ();

  /* It is still read: serve warns, it does not refuse. */
  read = pdw_gateway_config_read_secret_file (path, NULL);
  g_assert_cmpstr (read, ==, TOKEN);

  /* A missing file is not shared. */
  g_assert_false (pdw_gateway_config_warn_if_shared ("/nonexistent/pandawa/access-token"));

  pdw_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  /* Debug lines too: a secret must not hide there either. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_test_init (&argc, &argv, NULL);

  captured = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_add_func ("/gateway/secret-store/file-round-trip", test_file_round_trip);
  g_test_add_func ("/gateway/secret-store/never-in-settings-or-logs", test_never_in_settings_or_logs);
  g_test_add_func ("/gateway/secret-store/shared-file-warning", test_shared_file_warning);
  /* Last: it replaces the session bus of the process. */
  g_test_add_func ("/gateway/secret-store/choice", test_choice);

  return g_test_run ();
}
