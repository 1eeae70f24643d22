/* test-outbox-display.c: an outgoing message's state on its bubble, the
 * reason and the buttons of a failed one, the header bar's WhatsApp status
 * with its list of failures, and the banner's way to the settings when the
 * token expired (issue #12).
 *
 * PDW_TEST_HOLD_SECONDS=N keeps the window of the last test on screen for
 * N seconds (for a screenshot).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gui/pdw-chat-view.h"
#include "gui/pdw-composer.h"
#include "gui/pdw-gateway-banner.h"
#include "gui/pdw-gateway-status.h"
#include "gui/pdw-message-row.h"
#include "gui/pdw-window.h"
#include "pdw-fake-graph.h"
#include "pdw-test-gateway.h"
#include "pdw-test-util.h"
#include "pdw-test-webhook.h"
#include "pdw-test-window.h"

#define WA_ID "6281100000001"

typedef struct
{
  PdwTestDesk        desk;
  PdwFakeGraph      *graph;
  PdwGatewayService *gateway;
  PdwWindow         *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  pdw_test_desk_open (&f->desk, "outbox-display");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pdw_test_desk_close (&f->desk);
  f->window = NULL;
  if (f->gateway != NULL)
    pdw_gateway_service_stop (f->gateway);
  g_clear_object (&f->gateway);
  g_clear_pointer (&f->graph, pdw_fake_graph_free);
}

static PdwMessage *
outgoing (PdwDeliveryStatus status,
          int               error_code)
{
  return g_object_new (PDW_TYPE_MESSAGE,
                       "id", (gint64) 7,
                       "conversation-id", (gint64) 1,
                       "direction", (int) PDW_DIRECTION_OUT,
                       "message-type", "text",
                       "text", "Berkas Anda sudah selesai.",
                       "timestamp", (gint64) 1764650000,
                       "status", (int) status,
                       "error-code", error_code,
                       NULL);
}

static void
test_row_states (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    PdwDeliveryStatus status;
    const char       *state;
  } states[] = {
    { PDW_DELIVERY_QUEUED, "Queued" },
    { PDW_DELIVERY_ACCEPTED, "Sent" },
    { PDW_DELIVERY_SENT, "Sent" },
    { PDW_DELIVERY_DELIVERED, "Delivered" },
    { PDW_DELIVERY_READ, "Read" },
  };
  GtkWidget *row = g_object_ref_sink (pdw_message_row_new ());

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autoptr(PdwMessage) message = outgoing (states[i].status, 0);

      pdw_message_row_set_message (PDW_MESSAGE_ROW (row), message);
      g_assert_cmpstr (pdw_message_row_get_state_text (PDW_MESSAGE_ROW (row)), ==,
                       g_dpgettext2 (NULL, "message state", states[i].state));
      g_assert_null (pdw_message_row_get_error_text (PDW_MESSAGE_ROW (row)));
      g_assert_null (pdw_message_row_get_action_button (PDW_MESSAGE_ROW (row), PDW_SEND_ACTION_RETRY));
    }

  /* Undeliverable: the reason in words, retry or edit. */
  {
    g_autoptr(PdwMessage) message = outgoing (PDW_DELIVERY_FAILED, 131026);
    g_autofree char *reason = pdw_send_error_dup_explanation (131026);
    GtkWidget *retry;

    pdw_message_row_set_message (PDW_MESSAGE_ROW (row), message);
    g_assert_cmpstr (pdw_message_row_get_state_text (PDW_MESSAGE_ROW (row)), ==, C_("message state", "Failed"));
    g_assert_cmpstr (pdw_message_row_get_error_text (PDW_MESSAGE_ROW (row)), ==, reason);
    retry = pdw_message_row_get_action_button (PDW_MESSAGE_ROW (row), PDW_SEND_ACTION_RETRY);
    g_assert_nonnull (retry);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (retry)), ==, "chat.retry-message");
    g_assert_cmpint (g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (retry))), ==, 7);
    g_assert_nonnull (pdw_message_row_get_action_button (PDW_MESSAGE_ROW (row), PDW_SEND_ACTION_EDIT));
    g_assert_null (pdw_message_row_get_action_button (PDW_MESSAGE_ROW (row), PDW_SEND_ACTION_SEND_TEMPLATE));
  }

  /* Outside the 24-hour window: the template, not the same text again. */
  {
    g_autoptr(PdwMessage) message = outgoing (PDW_DELIVERY_FAILED, 131047);

    pdw_message_row_set_message (PDW_MESSAGE_ROW (row), message);
    g_assert_nonnull (pdw_message_row_get_action_button (PDW_MESSAGE_ROW (row), PDW_SEND_ACTION_SEND_TEMPLATE));
    g_assert_null (pdw_message_row_get_action_button (PDW_MESSAGE_ROW (row), PDW_SEND_ACTION_RETRY));
  }

  /* A permission problem: the settings. */
  {
    g_autoptr(PdwMessage) message = outgoing (PDW_DELIVERY_FAILED, 10);

    pdw_message_row_set_message (PDW_MESSAGE_ROW (row), message);
    g_assert_nonnull (pdw_message_row_get_action_button (PDW_MESSAGE_ROW (row), PDW_SEND_ACTION_OPEN_SETTINGS));
  }

  /* Back to sent: the buttons go. */
  {
    g_autoptr(PdwMessage) message = outgoing (PDW_DELIVERY_SENT, 0);

    pdw_message_row_set_message (PDW_MESSAGE_ROW (row), message);
    g_assert_null (pdw_message_row_get_action_button (PDW_MESSAGE_ROW (row), PDW_SEND_ACTION_EDIT));
  }
  g_object_unref (row);
}

static void
open_window (Fixture *f)
{
  g_autoptr(PdwGatewayConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  f->graph = pdw_fake_graph_new (PDW_TEST_PHONE_ID);
  config = pdw_test_gateway_config_new (f->graph->url);
  f->gateway = pdw_gateway_service_new (f->desk.store, config);
  g_assert_true (pdw_gateway_service_start (f->gateway, &error));
  g_assert_no_error (error);
  pdw_context_set_gateway (f->desk.context, f->gateway);
  f->window = pdw_window_new (NULL, f->desk.context, TRUE);
  pdw_test_desk_present (&f->desk, GTK_WINDOW (f->window));
  pdw_test_desk_drain ();
}

static PdwGatewayStatus *
find_status (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PdwGatewayStatus *found;

      if (PDW_IS_GATEWAY_STATUS (child))
        return PDW_GATEWAY_STATUS (child);
      if ((found = find_status (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_failures_listed_and_retried (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PdwGatewayStatus *status;
  PdwGatewayMonitor *monitor;
  PdwChatView *chat;
  gint64 conversation_id, failed_id, edited_id, token_id;

  open_window (f);
  status = find_status (GTK_WIDGET (f->window));
  g_assert_nonnull (status);
  monitor = pdw_gateway_status_get_monitor (status);
  g_assert_true (pdw_gateway_monitor_get_configured (monitor));

  conversation_id = pdw_test_ingest_citizen (f->desk.store, WA_ID, "Siti Aminah");
  g_assert_true (pdw_window_select_conversation (f->window, conversation_id));
  chat = pdw_window_get_chat_view (f->window);

  /* The first reply is accepted, the second is undeliverable, the third
   * refused for a bad parameter. */
  pdw_gateway_service_send_text (f->gateway, conversation_id, "Selamat pagi, Ibu Siti.", "Petugas Uji", &error);
  g_assert_no_error (error);
  SPIN_UNTIL (pdw_gateway_monitor_get_reach (monitor) == PDW_GATEWAY_REACH_YES);
  pdw_fake_graph_push_error (f->graph, "{\"error\":{\"message\":\"Message undeliverable\",\"code\":131026}}");
  failed_id = pdw_gateway_service_send_text (f->gateway, conversation_id, "Berkas KK Anda sudah selesai.",
                                             "Petugas Uji", &error);
  SPIN_UNTIL (pdw_gateway_monitor_get_n_failed (monitor) == 1);
  pdw_fake_graph_push_error (f->graph, "{\"error\":{\"message\":\"Invalid parameter\",\"code\":100}}");
  edited_id = pdw_gateway_service_send_text (f->gateway, conversation_id, "Mohon kirim foto KK.",
                                             "Petugas Uji", &error);
  SPIN_UNTIL (pdw_gateway_monitor_get_n_failed (monitor) == 2);
  pdw_test_desk_drain ();
  g_assert_nonnull (gtk_list_box_get_row_at_index (pdw_gateway_status_get_failed_list (status), 1));
  g_assert_cmpstr (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (pdw_gateway_status_get_button (status))),
                   ==, "dialog-warning-symbolic");

  /* "Edit and Resend" puts the text in the composer; the failure is dealt with. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chat), "chat.edit-message", "x", edited_id));
  {
    g_autofree char *draft = pdw_composer_dup_text (PDW_COMPOSER (pdw_chat_view_get_composer (chat)));

    g_assert_cmpstr (draft, ==, "Mohon kirim foto KK.");
  }
  pdw_gateway_monitor_refresh (monitor);
  g_assert_cmpuint (pdw_gateway_monitor_get_n_failed (monitor), ==, 1);

  /* "Retry" from the chat: queued again and sent. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chat), "chat.retry-message", "x", failed_id));
  SPIN_UNTIL (pdw_test_message_status (f->desk.store, failed_id) == PDW_DELIVERY_ACCEPTED);
  pdw_gateway_monitor_refresh (monitor);
  g_assert_cmpuint (pdw_gateway_monitor_get_n_failed (monitor), ==, 0);

  /* An expired token: the reply waits, the banner leads to the settings. */
  for (guint i = 0; i < 2; i++)
    pdw_fake_graph_push_error (f->graph, "{\"error\":{\"message\":\"Error validating access token\",\"code\":190}}");
  token_id = pdw_gateway_service_send_text (f->gateway, conversation_id, "Terima kasih.", "Petugas Uji", &error);
  SPIN_UNTIL (pdw_gateway_monitor_get_last_error_code (monitor) == 190);
  g_assert_cmpint (pdw_test_message_status (f->desk.store, token_id), ==, PDW_DELIVERY_QUEUED);
  g_assert_nonnull (pdw_gateway_banner_get_error_settings_button (pdw_window_get_gateway_banner (f->window)));
  g_assert_cmpstr (pdw_gateway_status_get_state_text (status), ==,
                   _("WhatsApp refuses the connection's settings: replies wait in the queue"));
  SPIN_UNTIL (pdw_test_message_status (f->desk.store, token_id) == PDW_DELIVERY_ACCEPTED);

  /* For the screenshot: one failure left on screen. */
  pdw_fake_graph_push_error (f->graph, "{\"error\":{\"message\":\"Re-engagement message\",\"code\":131047}}");
  pdw_gateway_service_send_text (f->gateway, conversation_id, "Apakah berkas sudah diterima?", "Petugas Uji", &error);
  SPIN_UNTIL (pdw_gateway_monitor_get_n_failed (monitor) == 1);
  if (g_getenv ("PDW_TEST_HOLD_SECONDS") != NULL)
    gtk_menu_button_popup (GTK_MENU_BUTTON (pdw_gateway_status_get_button (status)));
  pdw_test_hold_for_screenshot ();

  /* A citizen's photo WhatsApp no longer has: listed after the reply, and
   * Retry asks for it again. */
  {
    g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
    g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
    PdwInboundMessage *photo = pdw_inbound_message_new ();
    PdwIngestResult result = { 0 };
    GtkListBoxRow *row;
    gpointer item;

    photo->wamid = g_strdup ("wamid.PHOTO_GONE");
    photo->wa_id = g_strdup (WA_ID);
    photo->profile_name = g_strdup ("Siti Aminah");
    photo->timestamp = g_get_real_time () / G_USEC_PER_SEC;
    photo->type = g_strdup ("image");
    photo->media_id = g_strdup ("8000000000001");
    photo->media_mime_type = g_strdup ("image/jpeg");
    photo->media_sha256 = g_strdup ("AAAA");
    g_ptr_array_add (messages, photo);
    g_assert_true (pdw_store_ingest_webhook (f->desk.store, "test", body, messages, NULL, &result, &error));
    g_assert_no_error (error);

    SPIN_UNTIL ((pdw_gateway_monitor_refresh (monitor), pdw_gateway_monitor_get_n_failed (monitor) == 2));
    pdw_test_desk_drain ();
    row = gtk_list_box_get_row_at_index (pdw_gateway_status_get_failed_list (status), 1);
    g_assert_nonnull (row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     "Not downloaded: a photo from the citizen");
    item = g_list_model_get_item (pdw_gateway_monitor_get_failed (monitor), 1);
    g_assert_true (pdw_gateway_monitor_retry (monitor, item, &error));
    g_assert_no_error (error);
    g_object_unref (item);
  }
}

int
main (int   argc,
      char *argv[])
{
  pdw_test_screenshot_locale ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/outbox-display/row-states", Fixture, NULL, fixture_set_up, test_row_states, fixture_tear_down);
  g_test_add ("/outbox-display/failures", Fixture, NULL, fixture_set_up, test_failures_listed_and_retried,
              fixture_tear_down);

  return g_test_run ();
}
