/* test-gateway-banner.c: the window on an unconfigured WhatsApp connection
 * says so at once, with a way to the settings; the demo's simulated
 * connection does not.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "demo/pdw-demo.h"
#include "gui/pdw-gateway-banner.h"
#include "gui/pdw-preferences-window.h"
#include "gui/pdw-window.h"
#include "gui/preferences/pdw-connection-page.h"
#include "pdw-test-util.h"
#include "pdw-test-window.h"

typedef struct
{
  PdwTestDesk        desk;
  PdwGatewayService *gateway;
  PdwWindow         *window;
  char              *opened_page;   /* what app.preferences-page was asked for */
} Fixture;

static void
preferences_page_cb (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_free (fixture->opened_page);
  fixture->opened_page = g_variant_dup_string (param, NULL);
}

static void
open_window (Fixture                *fixture,
             const PdwGatewayConfig *config,
             gboolean                start)
{
  g_autoptr(GSimpleActionGroup) app_actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("preferences-page", G_VARIANT_TYPE_STRING);
  g_autoptr(GError) error = NULL;

  fixture->gateway = pdw_gateway_service_new (fixture->desk.store, config);
  if (start)
    {
      g_assert_true (pdw_gateway_service_start (fixture->gateway, &error));
      g_assert_no_error (error);
    }
  pdw_context_set_gateway (fixture->desk.context, fixture->gateway);

  fixture->window = pdw_window_new (NULL, fixture->desk.context, start);
  /* The application's action, as the window finds it under "app.". */
  g_signal_connect (action, "activate", G_CALLBACK (preferences_page_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (app_actions), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "app", G_ACTION_GROUP (app_actions));

  pdw_test_desk_present (&fixture->desk, GTK_WINDOW (fixture->window));
  pdw_test_desk_drain ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  pdw_test_desk_open (&fixture->desk, "gateway-banner");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pdw_test_desk_close (&fixture->desk);
  fixture->window = NULL;
  if (fixture->gateway != NULL)
    pdw_gateway_service_stop (fixture->gateway);
  g_clear_object (&fixture->gateway);
  g_clear_pointer (&fixture->opened_page, g_free);
}

static void
test_unconfigured (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PdwGatewayConfig) config = pdw_gateway_config_new ();
  PdwGatewayBanner *banner;
  GtkWidget *button;
  GtkWindow *preferences;

  /* No access token, no phone number id: what a fresh install has. */
  g_assert_null (config->access_token);
  open_window (fixture, config, FALSE);
  banner = pdw_window_get_gateway_banner (fixture->window);
  g_assert_nonnull (banner);

  button = pdw_gateway_banner_get_setup_button (banner);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_cmpstr (pdw_window_get_subtitle (fixture->window), ==, "WhatsApp not connected");
  g_assert_null (strstr (pdw_window_get_subtitle (fixture->window), "port"));

  /* The button opens the preferences on the WhatsApp connection page. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (fixture->opened_page, ==, "connection");
  preferences = pdw_preferences_window_new (NULL, fixture->desk.context);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), fixture->opened_page);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (preferences)), ==, "connection");
  g_assert_true (PDW_IS_CONNECTION_PAGE (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences))));
  gtk_window_destroy (preferences);

  /* A start error shows beside it, in its own revealer. */
  g_assert_null (pdw_window_get_error_text (fixture->window));
  pdw_window_set_gateway_error (fixture->window, "Port 8080 is in use");
  g_assert_cmpstr (pdw_window_get_error_text (fixture->window), ==, "Port 8080 is in use");
  g_assert_nonnull (pdw_gateway_banner_get_setup_button (banner));
}

/* The WhatsApp page saves a token in the fallback file (no keyring on this
 * session bus) and the running gateway takes it: the banner goes away. */
static void
test_connection_page (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PdwGatewayConfig) config = pdw_gateway_config_new ();
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "pandawa", "secrets.ini", NULL);
  g_autofree char *contents = NULL;
  GSettings *settings = pdw_context_get_settings (fixture->desk.context);
  PdwGatewayBanner *banner;
  PdwConnectionPage *page;
  PdwSecretStore *store;
  GtkWindow *preferences;
  GStatBuf st;

  g_settings_set_string (settings, "phone-number-id", "106540352242922");
  pdw_gateway_config_load_settings (config, settings);
  open_window (fixture, config, FALSE);
  banner = pdw_window_get_gateway_banner (fixture->window);
  g_assert_nonnull (pdw_gateway_banner_get_setup_button (banner));

  preferences = pdw_preferences_window_new (NULL, fixture->desk.context);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "connection");
  page = PDW_CONNECTION_PAGE (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));
  gtk_window_present (preferences);
  SPIN_UNTIL (pdw_connection_page_get_secret_store (page) != NULL);
  store = pdw_connection_page_get_secret_store (page);
  if (!pdw_secret_store_is_fallback (store))
    {
      /* A desktop session with a real keyring: leave it alone. */
      gtk_window_destroy (preferences);
      g_test_skip ("a Secret Service runs on this session bus");
      return;
    }
  g_assert_false (pdw_connection_page_get_saved (page, PDW_SECRET_ACCESS_TOKEN));

  /* The fallback is said on the page, once. */
  g_assert_nonnull (pdw_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "No keyring: the secrets are kept in a file only this account can read"));

  gtk_editable_set_text (GTK_EDITABLE (pdw_test_find_widget (GTK_WIDGET (page), ADW_TYPE_PASSWORD_ENTRY_ROW, "Access token")),
                         "EAAG-synthetic-page-token");
  pdw_connection_page_apply (page);
  SPIN_UNTIL (pdw_gateway_banner_get_setup_button (banner) == NULL);
  g_assert_true (pdw_connection_page_get_saved (page, PDW_SECRET_ACCESS_TOKEN));
  g_assert_cmpstr (pdw_gateway_service_get_config (fixture->gateway)->access_token, ==, "EAAG-synthetic-page-token");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pdw_test_find_widget (GTK_WIDGET (page), ADW_TYPE_PASSWORD_ENTRY_ROW, "Access token"))), ==, "");

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "EAAG-synthetic-page-token"));

  gtk_window_destroy (preferences);
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(PdwGatewayConfig) config = pdw_demo_build_config ();
  PdwGatewayBanner *banner;

  open_window (fixture, config, TRUE);
  banner = pdw_window_get_gateway_banner (fixture->window);
  g_assert_nonnull (banner);

  g_assert_null (pdw_gateway_banner_get_setup_button (banner));
  g_assert_cmpstr (pdw_window_get_subtitle (fixture->window), ==, "Connected to WhatsApp");
  g_assert_null (pdw_window_get_error_text (fixture->window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config_home = g_dir_make_tmp ("pdw-banner-config-XXXXXX", NULL);

  /* The secrets' fallback file goes to a folder of this test's own. */
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/gateway-banner/unconfigured", Fixture, NULL, fixture_set_up, test_unconfigured, fixture_tear_down);
  g_test_add ("/gui/gateway-banner/connection-page", Fixture, NULL, fixture_set_up, test_connection_page, fixture_tear_down);
  g_test_add ("/gui/gateway-banner/demo", Fixture, NULL, fixture_set_up, test_demo, fixture_tear_down);

  return g_test_run ();
}
