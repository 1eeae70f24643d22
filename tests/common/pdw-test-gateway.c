/* pdw-test-gateway.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-test-gateway.h"
#include "pdw-test-util.h"

void
pdw_test_gateway_set_up (PdwTestGateway *gateway,
                         const char     *dir_template)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwGatewayConfig) config = NULL;
  g_autofree char *db = NULL;
  g_autofree char *webhook_url = NULL;

  gateway->dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  db = g_build_filename (gateway->dir, "test.db", NULL);
  gateway->store = pdw_store_open (db, &error);
  g_assert_no_error (error);

  gateway->graph = pdw_fake_graph_new (PDW_TEST_PHONE_ID);
  config = pdw_test_gateway_config_new (gateway->graph->url);

  gateway->service = pdw_gateway_service_new (gateway->store, config);
  pdw_gateway_service_start (gateway->service, &error);
  g_assert_no_error (error);
  webhook_url = pdw_gateway_service_dup_webhook_url (gateway->service);
  gateway->webhook = pdw_test_webhook_new (webhook_url);
}

void
pdw_test_gateway_tear_down (PdwTestGateway *gateway)
{
  pdw_gateway_service_stop (gateway->service);
  g_assert_finalize_object (gateway->service);
  g_clear_pointer (&gateway->webhook, pdw_test_webhook_free);
  g_clear_pointer (&gateway->graph, pdw_fake_graph_free);
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
