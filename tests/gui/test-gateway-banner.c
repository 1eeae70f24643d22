/* test-gateway-banner.c: the window on an unconfigured WhatsApp connection
 * says so at once, with a way to the settings; the demo's simulated
 * connection does not.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "demo/pdw-demo.h"
#include "gui/pdw-gateway-banner.h"
#include "gui/pdw-preferences-window.h"
#include "gui/pdw-window.h"
#include "gui/preferences/pdw-connection-page.h"
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
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/gateway-banner/unconfigured", Fixture, NULL, fixture_set_up, test_unconfigured, fixture_tear_down);
  g_test_add ("/gui/gateway-banner/demo", Fixture, NULL, fixture_set_up, test_demo, fixture_tear_down);

  return g_test_run ();
}
