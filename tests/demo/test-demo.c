/* test-demo.c: demo mode spawns pandawa-simulator playing the service's
 * backend (the Cloud API or WAHA), learns its URL, receives its citizens
 * and sends a reply through it.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "demo/pdw-demo.h"
#include "gateway/pdw-gateway-backend.h"
#include "pdw-test-util.h"

static void
started_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *started = user_data;

  g_assert_true (pdw_demo_start_finish (PDW_DEMO (object), result, &error));
  g_assert_no_error (error);
  *started = TRUE;
}

static void
count_cb (PdwGatewayService *service,
          guint              new_messages,
          guint              statuses,
          guint             *total)
{
  *total += new_messages;
}

static void
fetched_cb (PdwMediaFetcher *fetcher,
            gint64           message_id,
            int              state,
            gint64          *ready_id)
{
  if (state == PDW_MEDIA_READY)
    *ready_id = message_id;
}

static PdwDeliveryStatus
status_of (PdwStore *store,
           gint64    id)
{
  g_autoptr(PdwMessage) message = pdw_store_dup_message (store, id, NULL);

  return message != NULL ? pdw_message_get_status (message) : PDW_DELIVERY_NONE;
}

static void
test_demo_round_trip (gconstpointer data)
{
  const char *backend = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwGatewayConfig) config = pdw_demo_build_config_for_backend (backend);
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(PdwGatewayService) service = NULL;
  g_autoptr(PdwDemo) demo = NULL;
  g_autoptr(GPtrArray) conversations = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pandawa-demo-test-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  gboolean started = FALSE;
  guint received = 0;
  gint64 ready_id = 0;
  gint64 id;

  g_assert_nonnull (config->app_secret);
  g_assert_nonnull (config->verify_token);
  g_assert_cmpstr (config->backend, ==, backend);
  if (g_str_equal (backend, "waha"))
    {
      g_assert_nonnull (config->waha_api_key);
      g_assert_cmpstr (config->waha_session, ==, "default");
      g_assert_null (config->waha_url);
    }
  else
    {
      g_assert_nonnull (config->access_token);
      g_assert_cmpstr (config->phone_number_id, ==, "100000000000001");
      g_assert_null (config->graph_url);
    }
  g_assert_cmpuint (config->listen_port, ==, 0);

  store = pdw_store_open (db, &error);
  g_assert_no_error (error);
  service = pdw_gateway_service_new (store, config);
  /* The service plays the backend asked for (not a fallback). */
  g_assert_cmpstr (pdw_gateway_backend_get_name (pdw_gateway_service_get_backend (service)), ==, backend);
  pdw_gateway_service_start (service, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "webhook-received", G_CALLBACK (count_cb), &received);
  g_signal_connect (pdw_gateway_service_get_media_fetcher (service), "fetch-finished",
                    G_CALLBACK (fetched_cb), &ready_id);

  demo = pdw_demo_new (service);
  pdw_demo_start_async (demo, NULL, started_cb, &started);
  SPIN_UNTIL (started);
  g_assert_true (g_str_has_prefix (pdw_demo_get_api_url (demo), "http://127.0.0.1:"));
  g_assert_cmpstr (pdw_gateway_service_get_config (service)->waha_url, ==,
                   g_str_equal (backend, "waha") ? pdw_demo_get_api_url (demo) : NULL);

  /* On WAHA the linked session is reported up (its session.status
   * webhooks, or the probe of /api/sessions/default). */
  if (g_str_equal (backend, "waha"))
    SPIN_UNTIL (pdw_gateway_service_get_session (service) == PDW_GATEWAY_SESSION_WORKING);

  /* The first citizen writes within a few seconds. */
  SPIN_UNTIL (received > 0);
  conversations = pdw_store_list_conversations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conversations->len, >, 0);

  id = pdw_gateway_service_send_text (service, pdw_conversation_get_id (g_ptr_array_index (conversations, 0)),
                                      "Baik, data bapak/ibu kami proses.", "Petugas Demo", &error);
  g_assert_no_error (error);
  SPIN_UNTIL (status_of (store, id) >= PDW_DELIVERY_SENT);
  g_assert_null (pdw_gateway_service_get_last_error (service));

  /* The simulated citizen's photo of her family card is fetched from the
   * simulator and matches the webhook's sha256: a PNG, kept 0600. */
  SPIN_UNTIL (ready_id > 0);
  {
    g_autoptr(PdwMessage) photo = pdw_store_dup_message (store, ready_id, &error);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_no_error (error);
    g_assert_true (pdw_message_is_image (photo));
    g_assert_true (g_file_get_contents (pdw_message_get_media_path (photo), &contents, &length, NULL));
    g_assert_cmpuint (length, >, 8);
    g_assert_cmpmem (contents, 4, "\x89PNG", 4);
  }

  g_clear_object (&demo);
  pdw_gateway_service_stop (service);
  g_clear_object (&service);
  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

typedef struct
{
  gint64 newest;
  guint  rows;
} Newest;

static void
track_newest_event (const char * const *columns,
                    const char * const *values,
                    guint               n_columns,
                    gpointer            user_data)
{
  Newest *newest = user_data;

  for (guint i = 0; i < n_columns; i++)
    if (g_str_equal (columns[i], "timestamp") && values[i] != NULL)
      newest->newest = MAX (newest->newest, g_ascii_strtoll (values[i], NULL, 10));
  newest->rows++;
}

typedef struct
{
  guint photos;
  guint named;          /* media ids under the expected prefix */
  const char *prefix;
} Photos;

static void
count_photos (const char * const *columns,
              const char * const *values,
              guint               n_columns,
              gpointer            user_data)
{
  Photos *photos = user_data;

  for (guint i = 0; i < n_columns; i++)
    if (g_str_equal (columns[i], "media_id") && values[i] != NULL)
      {
        photos->photos++;
        photos->named += g_str_has_prefix (values[i], photos->prefix);
      }
}

/* The history's photos are named where the demo's provider serves them:
 * a bare media id for the Cloud API, WAHA's /api/files/ for WAHA. */
static void
test_demo_seed_photos (gconstpointer data)
{
  const char *backend = data;
  g_autoptr(GSettings) settings = g_settings_new ("id.go.pekanbaru.disdukcapil.Pandawa");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pdw-demo-photos-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(PdwStore) store = NULL;
  Photos photos = { 0, 0, g_str_equal (backend, "waha") ? "/api/files/9000" : "9000" };

  g_settings_set_string (settings, "gateway-backend", backend);
  store = pdw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (pdw_demo_seed_history (store, G_GINT64_CONSTANT (1763434800), &error));
  g_assert_no_error (error);
  g_assert_true (pdw_store_foreach_row (store, "messages", count_photos, &photos, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (photos.photos, >, 0);
  g_assert_cmpuint (photos.named, ==, photos.photos);

  g_settings_reset (settings, "gateway-backend");
  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

static void
test_demo_seed_history (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pdw-demo-seed-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GPtrArray) conversations = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  /* 2026-11-18 10:00 WIB, a Wednesday. */
  const gint64 now = G_GINT64_CONSTANT (1763434800);
  Newest events = { 0 };
  Newest again = { 0 };

  g_assert_no_error (error);
  store = pdw_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (pdw_demo_seed_history (store, now, &error));
  g_assert_no_error (error);

  /* Files in the queue, the newest line an hour before "now", some still
   * overdue then, and the real clock back in place. */
  conversations = pdw_store_list_conversations (store, &error);
  g_assert_cmpuint (conversations->len, >, 50);
  g_assert_true (pdw_store_foreach_row (store, "complaint_events", track_newest_event, &events, &error));
  g_assert_cmpuint (events.rows, >, 100);
  g_assert_cmpint (events.newest, <=, now - 3600);
  g_assert_cmpint (events.newest, >, now - 2 * 24 * 3600);
  overdue = pdw_store_list_complaints_due_before (store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, >, 0);

  /* A database with conversations is left alone. */
  g_assert_true (pdw_demo_seed_history (store, now + 86400, &error));
  g_assert_true (pdw_store_foreach_row (store, "complaint_events", track_newest_event, &again, &error));
  g_assert_cmpuint (again.rows, ==, events.rows);

  g_clear_object (&store);
  g_remove (path);
  g_rmdir (dir);
}

/* Demo mode plays the backend the settings choose. */
static void
test_demo_config_follows_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(PdwGatewayConfig) graph = pdw_demo_build_config ();
  g_autoptr(PdwGatewayConfig) waha = NULL;

  g_assert_cmpstr (graph->backend, ==, "graph");
  g_assert_nonnull (graph->access_token);

  g_assert_true (g_settings_set_string (settings, "gateway-backend", "waha"));
  waha = pdw_demo_build_config ();
  g_settings_reset (settings, "gateway-backend");
  g_assert_cmpstr (waha->backend, ==, "waha");
  g_assert_nonnull (waha->waha_api_key);
  g_assert_null (waha->access_token);
  /* Throwaway secrets, never the office's. */
  g_assert_cmpstr (waha->app_secret, !=, graph->app_secret);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/demo/round-trip", "graph", test_demo_round_trip);
  g_test_add_data_func ("/demo/round-trip-waha", "waha", test_demo_round_trip);
  g_test_add_data_func ("/demo/seed-photos-graph", "graph", test_demo_seed_photos);
  g_test_add_data_func ("/demo/seed-photos-waha", "waha", test_demo_seed_photos);
  g_test_add_func ("/demo/seed-history", test_demo_seed_history);
  g_test_add_func ("/demo/config-follows-setting", test_demo_config_follows_setting);

  return g_test_run ();
}
