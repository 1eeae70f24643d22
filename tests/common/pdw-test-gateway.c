/* pdw-test-gateway.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-test-gateway.h"
#include "pdw-test-util.h"

static void
start (PdwTestGateway   *gateway,
       const char       *dir_template,
       PdwGatewayConfig *config)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *webhook_url = NULL;

  gateway->dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  db = g_build_filename (gateway->dir, "test.db", NULL);
  gateway->store = pdw_store_open (db, &error);
  g_assert_no_error (error);

  gateway->service = pdw_gateway_service_new (gateway->store, config);
  pdw_gateway_service_start (gateway->service, &error);
  g_assert_no_error (error);
  webhook_url = pdw_gateway_service_dup_webhook_url (gateway->service);
  gateway->webhook = pdw_test_webhook_new (webhook_url);
}

void
pdw_test_gateway_set_up (PdwTestGateway *gateway,
                         const char     *dir_template)
{
  g_autoptr(PdwGatewayConfig) config = NULL;

  gateway->graph = pdw_fake_graph_new (PDW_TEST_PHONE_ID);
  config = pdw_test_gateway_config_new (gateway->graph->url);
  start (gateway, dir_template, config);
}

void
pdw_test_gateway_set_up_waha (PdwTestGateway *gateway,
                              const char     *dir_template)
{
  g_autoptr(PdwGatewayConfig) config = pdw_test_gateway_config_new (NULL);

  gateway->waha = pdw_fake_waha_new (PDW_TEST_WAHA_API_KEY);
  g_free (config->backend);
  config->backend = g_strdup ("waha");
  g_free (config->waha_url);
  config->waha_url = g_strdup (gateway->waha->url);
  config->waha_api_key = g_strdup (PDW_TEST_WAHA_API_KEY);
  pdw_gateway_config_set_secret (&config->app_secret, g_strdup (PDW_TEST_WAHA_HMAC_KEY));
  start (gateway, dir_template, config);
}

void
pdw_test_gateway_tear_down (PdwTestGateway *gateway)
{
  pdw_gateway_service_stop (gateway->service);
  g_assert_finalize_object (gateway->service);
  g_clear_pointer (&gateway->webhook, pdw_test_webhook_free);
  g_clear_pointer (&gateway->graph, pdw_fake_graph_free);
  g_clear_pointer (&gateway->waha, pdw_fake_waha_free);
  g_assert_finalize_object (gateway->store);
  pdw_test_remove_tree (gateway->dir);
  g_clear_pointer (&gateway->dir, g_free);
}

PdwMessage *
pdw_test_dup_message (PdwStore *store,
                      gint64    id)
{
  g_autoptr(GError) error = NULL;
  PdwMessage *message = pdw_store_dup_message (store, id, &error);

  g_assert_no_error (error);
  return message;
}

PdwDeliveryStatus
pdw_test_message_status (PdwStore *store,
                         gint64    id)
{
  g_autoptr(PdwMessage) message = pdw_test_dup_message (store, id);

  return pdw_message_get_status (message);
}

guint
pdw_test_count_messages (PdwStore *store)
{
  g_autoptr(GPtrArray) conversations = pdw_store_list_conversations (store, NULL);
  guint n = 0;

  g_assert_nonnull (conversations);
  for (guint i = 0; i < conversations->len; i++)
    {
      g_autoptr(GPtrArray) messages =
        pdw_store_list_messages (store, pdw_conversation_get_id (g_ptr_array_index (conversations, i)), NULL);

      g_assert_nonnull (messages);
      n += messages->len;
    }

  return n;
}

guint
pdw_test_count_wamid (PdwStore   *store,
                      const char *wamid)
{
  g_autoptr(GPtrArray) conversations = pdw_store_list_conversations (store, NULL);
  guint n = 0;

  g_assert_nonnull (conversations);
  for (guint i = 0; i < conversations->len; i++)
    {
      g_autoptr(GPtrArray) messages =
        pdw_store_list_messages (store, pdw_conversation_get_id (g_ptr_array_index (conversations, i)), NULL);

      for (guint j = 0; j < messages->len; j++)
        if (g_strcmp0 (pdw_message_get_wamid (g_ptr_array_index (messages, j)), wamid) == 0)
          n++;
    }

  return n;
}

gint64
pdw_test_ingest_citizen (PdwStore   *store,
                         const char *wa_id,
                         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  PdwInboundMessage *message = pdw_inbound_message_new ();
  PdwIngestResult result = { 0 };
  gint64 conversation_id;

  message->wamid = g_strdup_printf ("wamid.IN_%s", wa_id);
  message->wa_id = g_strdup (wa_id);
  message->profile_name = g_strdup (name);
  message->timestamp = g_get_real_time () / G_USEC_PER_SEC;
  message->type = g_strdup ("text");
  message->text = g_strdup ("Selamat pagi");
  g_ptr_array_add (messages, message);

  g_assert_true (pdw_store_ingest_webhook (store, "test", body, messages, NULL, &result, &error));
  g_assert_no_error (error);
  conversation_id = pdw_store_find_conversation_by_wa_id (store, wa_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (conversation_id, >, 0);
  return conversation_id;
}
