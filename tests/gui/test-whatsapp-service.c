/* test-whatsapp-service.c: choosing the WhatsApp service in the
 * preferences shows that service's rows; Tes koneksi tries the page's
 * values against a fake Graph API and says the result; the header bar's
 * status names the service and a WAHA session's state; the chat has no
 * 24-hour window with a provider that has none; with WAHA, its session
 * state followed from the gateway to the header bar (issue #12, items 7-9).
 *
 * PDW_TEST_HOLD_SECONDS=N keeps the preferences window of the connection
 * test on screen for N seconds (for a screenshot).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "core/pdw-send-error.h"
#include "gateway/pdw-gateway-backend.h"
#include "gateway/pdw-waha-client.h"
#include "gui/pdw-chat-view.h"
#include "gui/pdw-composer.h"
#include "gui/pdw-gateway-status.h"
#include "gui/pdw-preferences-window.h"
#include "gui/pdw-window.h"
#include "gui/preferences/pdw-connection-page.h"
#include "pdw-fake-graph.h"
#include "pdw-fake-waha.h"
#include "pdw-test-util.h"
#include "pdw-test-webhook.h"
#include "pdw-test-window.h"

#define PHONE_NUMBER_ID "106540352242922"
#define OLD_WA_ID "6281100000077"

typedef struct
{
  PdwTestDesk        desk;
  PdwFakeGraph      *graph;
  PdwFakeWaha       *waha;
  PdwGatewayService *gateway;
  GtkWindow         *preferences;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const keys[] = {
    "gateway-backend", "waha-url", "waha-session", "graph-url", "api-version", "phone-number-id",
  };

  pdw_test_desk_open (&f->desk, "whatsapp-service");
  /* The memory backend keeps what the test before set. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (f->desk.settings, keys[i]);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->preferences != NULL)
    gtk_window_destroy (f->preferences);
  pdw_test_desk_close (&f->desk);
  if (f->gateway != NULL)
    pdw_gateway_service_stop (f->gateway);
  g_clear_object (&f->gateway);
  g_clear_pointer (&f->graph, pdw_fake_graph_free);
  g_clear_pointer (&f->waha, pdw_fake_waha_free);
}

/* What the fake WAHA answers GET /api/sessions/default with from now on. */
static void
set_waha_status (PdwFakeWaha *waha,
                 const char  *status)
{
  g_free (waha->session_status);
  waha->session_status = g_strdup (status);
}

/* The WhatsApp page of a new preferences window, once its secret store is
 * known (the fallback file: no keyring on the test's session bus). */
static PdwConnectionPage *
open_page (Fixture *f)
{
  PdwConnectionPage *page;

  f->preferences = pdw_preferences_window_new (NULL, f->desk.context);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->preferences), "connection");
  page = PDW_CONNECTION_PAGE (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (f->preferences)));
  gtk_window_present (f->preferences);
  SPIN_UNTIL (pdw_connection_page_get_secret_store (page) != NULL);
  return page;
}

static GtkWidget *
row (PdwConnectionPage *page,
     GType              type,
     const char        *title)
{
  GtkWidget *found = pdw_test_find_widget (GTK_WIDGET (page), type, title);

  if (found == NULL)
    g_error ("No row “%s” on the page", title);
  return found;
}

/* Whether the row titled @title is shown, its group too. */
static gboolean
row_shown (PdwConnectionPage *page,
           GType              type,
           const char        *title)
{
  GtkWidget *found = pdw_test_find_widget (GTK_WIDGET (page), type, title);

  return found != NULL && gtk_widget_is_visible (found);
}

static void
test_page_rows (Fixture       *f,
                gconstpointer  data)
{
  GSettings *settings = pdw_context_get_settings (f->desk.context);
  PdwConnectionPage *page = open_page (f);
  AdwComboRow *service = ADW_COMBO_ROW (row (page, ADW_TYPE_COMBO_ROW, "Service"));
  const char *graph_rows[] = { "Phone number ID", "Graph API base URL", "Graph API version" };
  const char *graph_secrets[] = { "Access token", "App secret", "Verify token" };
  const char *waha_rows[] = { "WAHA URL", "Session" };
  const char *waha_secrets[] = { "WAHA API key", "Webhook HMAC key (WAHA's hmac.key)" };
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "pandawa", "secrets.ini", NULL);
  g_autofree char *contents = NULL;

  /* The Cloud API, as installed. */
  g_assert_cmpuint (adw_combo_row_get_selected (service), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (graph_rows); i++)
    g_assert_true (row_shown (page, ADW_TYPE_ENTRY_ROW, graph_rows[i]));
  for (guint i = 0; i < G_N_ELEMENTS (graph_secrets); i++)
    g_assert_true (row_shown (page, ADW_TYPE_PASSWORD_ENTRY_ROW, graph_secrets[i]));
  for (guint i = 0; i < G_N_ELEMENTS (waha_rows); i++)
    g_assert_false (row_shown (page, ADW_TYPE_ENTRY_ROW, waha_rows[i]));
  g_assert_false (row_shown (page, ADW_TYPE_PASSWORD_ENTRY_ROW, "WAHA API key"));
  g_assert_true (row_shown (page, ADW_TYPE_ENTRY_ROW, "Listen address"));

  /* WAHA: its rows only, the app secret is the webhook's HMAC key, and
   * the choice is the setting. */
  adw_combo_row_set_selected (service, 1);
  g_assert_cmpstr (g_settings_get_string (settings, "gateway-backend"), ==, "waha");
  for (guint i = 0; i < G_N_ELEMENTS (waha_rows); i++)
    g_assert_true (row_shown (page, ADW_TYPE_ENTRY_ROW, waha_rows[i]));
  for (guint i = 0; i < G_N_ELEMENTS (waha_secrets); i++)
    g_assert_true (row_shown (page, ADW_TYPE_PASSWORD_ENTRY_ROW, waha_secrets[i]));
  for (guint i = 0; i < G_N_ELEMENTS (graph_rows); i++)
    g_assert_false (row_shown (page, ADW_TYPE_ENTRY_ROW, graph_rows[i]));
  g_assert_false (row_shown (page, ADW_TYPE_PASSWORD_ENTRY_ROW, "Access token"));
  g_assert_false (row_shown (page, ADW_TYPE_PASSWORD_ENTRY_ROW, "Verify token"));
  g_assert_null (pdw_test_find_widget (GTK_WIDGET (page), ADW_TYPE_PASSWORD_ENTRY_ROW, "App secret"));
  g_assert_true (row_shown (page, ADW_TYPE_ENTRY_ROW, "Listen address"));

  /* The WAHA URL and session rows are the settings. */
  gtk_editable_set_text (GTK_EDITABLE (row (page, ADW_TYPE_ENTRY_ROW, "WAHA URL")), "http://10.0.0.5:3000");
  gtk_editable_set_text (GTK_EDITABLE (row (page, ADW_TYPE_ENTRY_ROW, "Session")), "kantor");
  g_assert_cmpstr (g_settings_get_string (settings, "waha-url"), ==, "http://10.0.0.5:3000");
  g_assert_cmpstr (g_settings_get_string (settings, "waha-session"), ==, "kantor");

  /* The API key is a secret like the others: saved, never shown again. */
  if (pdw_secret_store_is_fallback (pdw_connection_page_get_secret_store (page)))
    {
      g_assert_false (pdw_connection_page_get_saved (page, PDW_SECRET_WAHA_API_KEY));
      gtk_editable_set_text (GTK_EDITABLE (row (page, ADW_TYPE_PASSWORD_ENTRY_ROW, "WAHA API key")),
                             "synthetic-waha-key");
      pdw_connection_page_apply (page);
      SPIN_UNTIL (pdw_connection_page_get_saved (page, PDW_SECRET_WAHA_API_KEY));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (page, ADW_TYPE_PASSWORD_ENTRY_ROW, "WAHA API key"))),
                       ==, "");
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_nonnull (strstr (contents, "synthetic-waha-key"));
      g_assert_false (pdw_connection_page_get_saved (page, PDW_SECRET_ACCESS_TOKEN));
    }

  /* The setting changed elsewhere: the page follows. */
  g_settings_set_string (settings, "gateway-backend", "graph");
  g_assert_cmpuint (adw_combo_row_get_selected (service), ==, 0);
  g_assert_true (row_shown (page, ADW_TYPE_PASSWORD_ENTRY_ROW, "Access token"));
  g_assert_true (row_shown (page, ADW_TYPE_PASSWORD_ENTRY_ROW, "App secret"));
  g_assert_false (row_shown (page, ADW_TYPE_PASSWORD_ENTRY_ROW, "WAHA API key"));
}

/* Apply with the other service: the running gateway swaps its backend. */
static void
test_apply_swaps_backend (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PdwGatewayConfig) config = pdw_gateway_config_new ();
  GSettings *settings = pdw_context_get_settings (f->desk.context);
  PdwConnectionPage *page;

  f->gateway = pdw_gateway_service_new (f->desk.store, config);
  pdw_context_set_gateway (f->desk.context, f->gateway);
  g_assert_cmpstr (pdw_gateway_backend_get_name (pdw_gateway_service_get_backend (f->gateway)), ==, "graph");

  page = open_page (f);
  g_settings_set_string (settings, "waha-url", "http://127.0.0.1:1");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (page, ADW_TYPE_COMBO_ROW, "Service")), 1);
  pdw_connection_page_apply (page);
  SPIN_UNTIL (g_strcmp0 (pdw_gateway_backend_get_name (pdw_gateway_service_get_backend (f->gateway)), "waha") == 0);
  g_assert_false (pdw_gateway_backend_has_service_window (pdw_gateway_service_get_backend (f->gateway)));
}

static void
run_test (PdwConnectionPage *page)
{
  pdw_connection_page_test_connection (page);
  g_assert_cmpint (pdw_connection_page_get_test_result (page), ==, PDW_CONNECTION_TEST_RUNNING);
  SPIN_UNTIL (pdw_connection_page_get_test_result (page) != PDW_CONNECTION_TEST_RUNNING);
}

static void
test_connection_test (Fixture       *f,
                      gconstpointer  data)
{
  GSettings *settings = pdw_context_get_settings (f->desk.context);
  PdwConnectionPage *page;
  GtkEditable *token;
  g_autofree char *expired = NULL;
  g_autofree char *expected = NULL;

  f->graph = pdw_fake_graph_new (PHONE_NUMBER_ID);
  g_settings_set_string (settings, "graph-url", f->graph->url);
  g_settings_set_string (settings, "api-version", "v21.0");
  g_settings_set_string (settings, "phone-number-id", PHONE_NUMBER_ID);
  page = open_page (f);
  token = GTK_EDITABLE (row (page, ADW_TYPE_PASSWORD_ENTRY_ROW, "Access token"));

  /* The token typed, not applied: it is what is tried, and stays unsaved. */
  gtk_editable_set_text (token, "test-access-token");
  run_test (page);
  g_assert_cmpint (pdw_connection_page_get_test_result (page), ==, PDW_CONNECTION_TEST_OK);
  g_assert_cmpstr (pdw_connection_page_get_test_text (page), ==, "Connected: number " PHONE_NUMBER_ID " can be used");
  g_assert_cmpuint (f->graph->n_probes, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (token), ==, "test-access-token");
  g_assert_false (pdw_connection_page_get_saved (page, PDW_SECRET_ACCESS_TOKEN));

  /* A wrong token: Graph's 401 (190) in the officer's words. */
  gtk_editable_set_text (token, "EAAG-wrong-token");
  run_test (page);
  g_assert_cmpint (pdw_connection_page_get_test_result (page), ==, PDW_CONNECTION_TEST_FAILED);
  expired = pdw_send_error_dup_explanation (190);
  expected = g_strdup_printf ("Not connected. %s", expired);
  g_assert_cmpstr (pdw_connection_page_get_test_text (page), ==, expected);
  g_assert_cmpuint (f->graph->n_probes, ==, 2);
  pdw_test_hold_for_screenshot ();

  /* Nothing listening at the URL: the network's reason, with the URL. */
  g_settings_set_string (settings, "graph-url", "http://127.0.0.1:1");
  run_test (page);
  g_assert_cmpint (pdw_connection_page_get_test_result (page), ==, PDW_CONNECTION_TEST_FAILED);
  g_assert_true (g_str_has_prefix (pdw_connection_page_get_test_text (page),
                                   "Not connected. http://127.0.0.1:1 cannot be reached: "));
  g_assert_cmpuint (f->graph->n_probes, ==, 2);

  /* Choosing the other service forgets the result. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (page, ADW_TYPE_COMBO_ROW, "Service")), 1);
  g_assert_cmpint (pdw_connection_page_get_test_result (page), ==, PDW_CONNECTION_TEST_NONE);

  /* WAHA with nothing listening: a failure said on the page, never a hang. */
  g_settings_set_string (settings, "waha-url", "http://127.0.0.1:1");
  run_test (page);
  g_assert_cmpint (pdw_connection_page_get_test_result (page), ==, PDW_CONNECTION_TEST_FAILED);
  g_assert_true (g_str_has_prefix (pdw_connection_page_get_test_text (page), "Not connected. "));

  /* A test under way when the window closes is cancelled with it. */
  g_settings_set_string (settings, "gateway-backend", "graph");
  g_settings_set_string (settings, "graph-url", f->graph->url);
  pdw_connection_page_test_connection (page);
  gtk_window_destroy (f->preferences);
  f->preferences = NULL;
  pdw_test_desk_drain ();
}

/* What the popover and the header bar's button say of a WAHA session. */
static void
assert_waha_status (PdwGatewayStatus  *status,
                    PdwGatewaySession  session,
                    const char        *text,
                    const char        *icon)
{
  GtkWidget *button = pdw_gateway_status_get_button (status);

  g_assert_cmpstr (pdw_gateway_status_get_service_text (status), ==, "Service: WAHA");
  g_assert_cmpstr (pdw_gateway_status_get_state_text (status), ==, text);
  g_assert_cmpstr (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (button)), ==, icon);
  g_assert_true (gtk_widget_has_css_class (button, "gateway-problem") == (session != PDW_GATEWAY_SESSION_WORKING));
}

/* The popover names the service and, on WAHA, the session's state as
 * WAHA's session.status webhooks tell the gateway; the header icon is the
 * all-well one only when the session works. */
static void
test_status_session (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PdwGatewayConfig) config = pdw_gateway_config_new ();
  g_autoptr(PdwGatewayConfig) waha_config = NULL;
  g_autoptr(PdwTestWebhook) webhook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *webhook_url = NULL;
  PdwGatewayStatus *status;
  PdwGatewayMonitor *monitor;
  GtkWidget *button;
  GtkWindow *window;
  static const struct {
    const char       *waha_status;    /* the webhook's payload.status */
    PdwGatewaySession session;
    const char       *text;
    const char       *icon;
  } cases[] = {
    { "SCAN_QR_CODE", PDW_GATEWAY_SESSION_SCAN_QR,
      "WAHA: waiting for the QR code to be scanned on the office phone", "dialog-warning-symbolic" },
    { "STARTING", PDW_GATEWAY_SESSION_STARTING, "WAHA: the session is starting", "dialog-warning-symbolic" },
    { "STOPPED", PDW_GATEWAY_SESSION_STOPPED,
      "WAHA: the session is stopped: replies wait in the queue", "network-error-symbolic" },
    { "FAILED", PDW_GATEWAY_SESSION_FAILED,
      "WAHA: the session failed: replies wait in the queue", "network-error-symbolic" },
    { "WORKING", PDW_GATEWAY_SESSION_WORKING, "WAHA: the session is ready", "network-idle-symbolic" },
  };

  config->access_token = g_strdup ("test-access-token");
  config->phone_number_id = g_strdup (PHONE_NUMBER_ID);
  config->listen_address = g_strdup ("127.0.0.1");
  config->listen_port = 0;
  f->gateway = pdw_gateway_service_new (f->desk.store, config);
  g_assert_true (pdw_gateway_service_start (f->gateway, &error));
  g_assert_no_error (error);
  pdw_context_set_gateway (f->desk.context, f->gateway);

  status = g_object_new (PDW_TYPE_GATEWAY_STATUS, NULL);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, GTK_WIDGET (status));
  pdw_test_desk_present (&f->desk, window);
  pdw_gateway_status_set_context (status, f->desk.context);
  monitor = pdw_gateway_status_get_monitor (status);
  button = pdw_gateway_status_get_button (status);

  /* The Cloud API: no session to speak of. */
  g_assert_cmpstr (pdw_gateway_monitor_get_backend_name (monitor), ==, "graph");
  g_assert_cmpint (pdw_gateway_monitor_get_session (monitor), ==, PDW_GATEWAY_SESSION_UNKNOWN);
  g_assert_cmpstr (pdw_gateway_status_get_service_text (status), ==, "Service: WhatsApp Cloud API");
  g_assert_cmpstr (pdw_gateway_status_get_state_text (status), ==, "WhatsApp is set up; nothing sent yet in this session");
  g_assert_cmpstr (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (button)), ==, "network-idle-symbolic");
  g_assert_false (gtk_widget_has_css_class (button, "gateway-problem"));

  /* The preferences chose WAHA (its webhooks signed with the HMAC key)
   * and the gateway reloaded: until WAHA answers the probe, the session's
   * state is not known. */
  f->waha = pdw_fake_waha_new (PDW_TEST_WAHA_API_KEY);
  set_waha_status (f->waha, "STARTING");
  waha_config = pdw_gateway_config_copy (config);
  g_free (waha_config->backend);
  waha_config->backend = g_strdup ("waha");
  g_free (waha_config->waha_url);
  waha_config->waha_url = g_strdup (f->waha->url);
  waha_config->waha_api_key = g_strdup (PDW_TEST_WAHA_API_KEY);
  pdw_gateway_config_set_secret (&waha_config->app_secret, g_strdup (PDW_TEST_WAHA_HMAC_KEY));
  g_assert_true (pdw_gateway_service_reload_config (f->gateway, waha_config, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pdw_gateway_monitor_get_backend_name (monitor), ==, "waha");
  g_assert_cmpint (pdw_gateway_monitor_get_session (monitor), ==, PDW_GATEWAY_SESSION_UNKNOWN);
  assert_waha_status (status, PDW_GATEWAY_SESSION_UNKNOWN,
                      "WAHA: the state of the session is not known yet", "dialog-warning-symbolic");
  SPIN_UNTIL (pdw_gateway_monitor_get_session (monitor) == PDW_GATEWAY_SESSION_STARTING);
  assert_waha_status (status, PDW_GATEWAY_SESSION_STARTING, "WAHA: the session is starting", "dialog-warning-symbolic");

  /* WAHA posts each change of the session to the gateway's webhook. */
  webhook_url = pdw_gateway_service_dup_webhook_url (f->gateway);
  webhook = pdw_test_webhook_new (webhook_url);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = pdw_fake_waha_session_webhook (cases[i].waha_status);
      g_autofree char *hmac = pdw_waha_client_compute_hmac (body, PDW_TEST_WAHA_HMAC_KEY);

      g_assert_cmpuint (pdw_test_webhook_post_with_header (webhook, body, PDW_WAHA_HMAC_HEADER, hmac), ==, 200);
      SPIN_UNTIL (pdw_gateway_monitor_get_session (monitor) == cases[i].session);
      assert_waha_status (status, cases[i].session, cases[i].text, cases[i].icon);
    }
  /* Told by the webhooks, not asked again. */
  g_assert_cmpuint (pdw_fake_waha_count (f->waha, "/api/sessions/default"), ==, 1);

  /* The service reloads: the monitor reads its backend and session again. */
  g_assert_true (pdw_gateway_service_reload_config (f->gateway, config, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pdw_gateway_monitor_get_backend_name (monitor), ==, "graph");
  g_assert_cmpstr (pdw_gateway_status_get_service_text (status), ==, "Service: WhatsApp Cloud API");
  g_assert_cmpstr (pdw_gateway_status_get_state_text (status), ==, "WhatsApp is set up; nothing sent yet in this session");

  /* No gateway: no service named. */
  pdw_context_set_gateway (f->desk.context, NULL);
  g_assert_null (pdw_gateway_monitor_get_backend_name (monitor));
  g_assert_null (pdw_gateway_status_get_service_text (status));
}

/* A citizen who wrote 30 hours ago: the Cloud API's window is closed; a
 * provider without one (WAHA) lets the officer write freely. */
static void
test_chat_window (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PdwGatewayConfig) config = pdw_gateway_config_new ();
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(GError) error = NULL;
  PdwIngestResult result = { 0 };
  PdwWindow *window;
  PdwChatView *chat;
  GtkWidget *notice;
  gint64 conversation_id;

  g_ptr_array_add (messages, pdw_test_message_new ("wamid.OLD_CHAT", OLD_WA_ID, "Rahmat Hidayat",
                                                   g_get_real_time () / G_USEC_PER_SEC - 30 * 60 * 60,
                                                   "Bagaimana status KK saya?"));
  g_assert_true (pdw_store_ingest_webhook (f->desk.store, "test", body, messages, NULL, &result, &error));
  g_assert_no_error (error);
  conversation_id = pdw_test_find_conversation (f->desk.store, OLD_WA_ID);

  /* The Cloud API's gateway: the bar, the composer locked to templates. */
  config->access_token = g_strdup ("test-access-token");
  config->phone_number_id = g_strdup (PHONE_NUMBER_ID);
  f->gateway = pdw_gateway_service_new (f->desk.store, config);
  pdw_context_set_gateway (f->desk.context, f->gateway);
  window = pdw_window_new (NULL, f->desk.context, FALSE);
  pdw_test_desk_present (&f->desk, GTK_WINDOW (window));
  g_assert_true (pdw_window_select_conversation (window, conversation_id));
  chat = pdw_window_get_chat_view (window);
  notice = pdw_chat_view_get_window_notice (chat);
  g_assert_true (gtk_widget_get_visible (notice));
  g_assert_false (pdw_chat_view_get_service_window_open (chat));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (chat)));

  /* The preferences chose WAHA and the gateway reloaded: no bar, no
   * hint, free-form replies allowed, the template not forced. */
  g_free (config->backend);
  config->backend = g_strdup ("waha");
  g_assert_true (pdw_gateway_service_reload_config (f->gateway, config, &error));
  g_assert_no_error (error);
  g_assert_false (gtk_widget_get_visible (notice));
  g_assert_true (pdw_chat_view_get_service_window_open (chat));
  pdw_composer_set_text (PDW_COMPOSER (pdw_chat_view_get_composer (chat)), "Sudah selesai, Pak.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chat), "chat.send", NULL));
  {
    g_autoptr(GPtrArray) stored = pdw_store_list_messages (f->desk.store, conversation_id, &error);
    PdwMessage *last;

    g_assert_no_error (error);
    g_assert_cmpuint (stored->len, ==, 2);
    last = g_ptr_array_index (stored, 1);
    g_assert_cmpint (pdw_message_get_direction (last), ==, PDW_DIRECTION_OUT);
    g_assert_cmpstr (pdw_message_get_text (last), ==, "Sudah selesai, Pak.");
  }

  /* Back to the Cloud API: the bar again. */
  g_free (config->backend);
  config->backend = g_strdup ("graph");
  g_assert_true (pdw_gateway_service_reload_config (f->gateway, config, &error));
  g_assert_true (gtk_widget_get_visible (notice));

  /* No gateway in this process: the setting decides. */
  pdw_context_set_gateway (f->desk.context, NULL);
  g_settings_set_string (pdw_context_get_settings (f->desk.context), "gateway-backend", "waha");
  g_assert_false (gtk_widget_get_visible (notice));
  g_settings_set_string (pdw_context_get_settings (f->desk.context), "gateway-backend", "graph");
  g_assert_true (gtk_widget_get_visible (notice));
}

/* With the WAHA backend: the gateway asks the session's state at the start
 * and after a reload, and the header bar and the window's subtitle follow
 * it; Tes koneksi says it in the officer's words. */
static void
test_waha_session (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PdwGatewayConfig) config = pdw_gateway_config_new ();
  g_autoptr(GError) error = NULL;
  GSettings *settings = pdw_context_get_settings (f->desk.context);
  PdwGatewayStatus *status;
  PdwGatewayMonitor *monitor;
  PdwConnectionPage *page;
  PdwWindow *window;

  f->waha = pdw_fake_waha_new (PDW_TEST_WAHA_API_KEY);
  set_waha_status (f->waha, "SCAN_QR_CODE");
  g_settings_set_string (settings, "gateway-backend", "waha");
  g_settings_set_string (settings, "waha-url", f->waha->url);
  pdw_gateway_config_load_settings (config, settings);
  config->waha_api_key = g_strdup (PDW_TEST_WAHA_API_KEY);
  config->listen_address = g_strdup ("127.0.0.1");
  config->listen_port = 0;
  f->gateway = pdw_gateway_service_new (f->desk.store, config);
  g_assert_true (pdw_gateway_service_start (f->gateway, &error));
  g_assert_no_error (error);
  pdw_context_set_gateway (f->desk.context, f->gateway);

  window = pdw_window_new (NULL, f->desk.context, TRUE);
  pdw_test_desk_present (&f->desk, GTK_WINDOW (window));
  status = PDW_GATEWAY_STATUS (pdw_test_find_widget (GTK_WIDGET (window), PDW_TYPE_GATEWAY_STATUS, NULL));
  monitor = pdw_gateway_status_get_monitor (status);

  /* The office phone has not scanned the QR code yet. */
  SPIN_UNTIL (pdw_gateway_monitor_get_session (monitor) == PDW_GATEWAY_SESSION_SCAN_QR);
  g_assert_cmpstr (pdw_gateway_status_get_service_text (status), ==, "Service: WAHA");
  g_assert_cmpstr (pdw_gateway_status_get_state_text (status), ==,
                   "WAHA: waiting for the QR code to be scanned on the office phone");
  g_assert_cmpstr (pdw_window_get_subtitle (window), ==, "WAHA session not ready");

  /* Scanned: the next probe (after a reload) finds it working. */
  set_waha_status (f->waha, "WORKING");
  g_assert_true (pdw_gateway_service_reload_config (f->gateway, config, &error));
  g_assert_no_error (error);
  SPIN_UNTIL (pdw_gateway_monitor_get_session (monitor) == PDW_GATEWAY_SESSION_WORKING);
  g_assert_cmpstr (pdw_gateway_status_get_state_text (status), ==, "WAHA: the session is ready");
  g_assert_cmpstr (pdw_window_get_subtitle (window), ==, "Connected to WhatsApp");

  /* Tes koneksi with the key typed, then with a wrong one. */
  page = open_page (f);
  set_waha_status (f->waha, "STOPPED");
  gtk_editable_set_text (GTK_EDITABLE (row (page, ADW_TYPE_PASSWORD_ENTRY_ROW, "WAHA API key")), PDW_TEST_WAHA_API_KEY);
  run_test (page);
  g_assert_cmpint (pdw_connection_page_get_test_result (page), ==, PDW_CONNECTION_TEST_WARNING);
  g_assert_cmpstr (pdw_connection_page_get_test_text (page), ==,
                   "The WAHA session is stopped: start it on WAHA's dashboard");
  set_waha_status (f->waha, "WORKING");
  run_test (page);
  g_assert_cmpint (pdw_connection_page_get_test_result (page), ==, PDW_CONNECTION_TEST_OK);
  g_assert_cmpstr (pdw_connection_page_get_test_text (page), ==, "The WAHA session is ready: replies can be sent");
  gtk_editable_set_text (GTK_EDITABLE (row (page, ADW_TYPE_PASSWORD_ENTRY_ROW, "WAHA API key")), "wrong-key");
  run_test (page);
  g_assert_cmpint (pdw_connection_page_get_test_result (page), ==, PDW_CONNECTION_TEST_FAILED);
  g_assert_true (g_str_has_prefix (pdw_connection_page_get_test_text (page), "Not connected. "));
  /* The running gateway was not touched by the tests. */
  g_assert_cmpint (pdw_gateway_monitor_get_session (monitor), ==, PDW_GATEWAY_SESSION_WORKING);

  gtk_window_destroy (f->preferences);
  f->preferences = NULL;
  pdw_gateway_service_stop (f->gateway);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config_home = g_dir_make_tmp ("pdw-whatsapp-config-XXXXXX", NULL);

  /* The secrets' fallback file goes to a folder of this test's own. */
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  pdw_test_screenshot_locale ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/whatsapp-service/page-rows", Fixture, NULL, fixture_set_up, test_page_rows, fixture_tear_down);
  g_test_add ("/whatsapp-service/apply-swaps-backend", Fixture, NULL, fixture_set_up, test_apply_swaps_backend,
              fixture_tear_down);
  g_test_add ("/whatsapp-service/connection-test", Fixture, NULL, fixture_set_up, test_connection_test,
              fixture_tear_down);
  g_test_add ("/whatsapp-service/status-session", Fixture, NULL, fixture_set_up, test_status_session,
              fixture_tear_down);
  g_test_add ("/whatsapp-service/chat-window", Fixture, NULL, fixture_set_up, test_chat_window, fixture_tear_down);
  g_test_add ("/whatsapp-service/waha-session", Fixture, NULL, fixture_set_up, test_waha_session, fixture_tear_down);

  return g_test_run ();
}
