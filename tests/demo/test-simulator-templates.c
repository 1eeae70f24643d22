/* test-simulator-templates.c: the simulator takes approved template sends
 * like Meta (rendered for the citizen, then sent/delivered/read statuses)
 * and refuses a template it does not know, so demos show both.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-approved-template.h"
#include "gateway/pdw-gateway-service.h"
#include "demo/pdw-simulator.h"
#include "pdw-test-gateway.h"
#include "pdw-test-util.h"

typedef struct
{
  char              *dir;
  PdwStore          *store;
  PdwGatewayService *service;
  PdwSimulator      *simulator;
  GHashTable        *received;    /* wamid -> text the citizen read */
  GHashTable        *templates;   /* wamid -> template name */
  guint              new_messages;
} Fixture;

static void
reply_received_cb (PdwSimulator *simulator,
                   const char   *wamid,
                   const char   *to,
                   const char   *text,
                   Fixture      *f)
{
  g_hash_table_insert (f->received, g_strdup (wamid), g_strdup (text));
}

static void
template_received_cb (PdwSimulator *simulator,
                      const char   *wamid,
                      const char   *to,
                      const char   *name,
                      Fixture      *f)
{
  g_hash_table_insert (f->templates, g_strdup (wamid), g_strdup (name));
}

static void
webhook_received_cb (PdwGatewayService *service,
                     guint              new_messages,
                     guint              statuses,
                     Fixture           *f)
{
  f->new_messages += new_messages;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwGatewayConfig) config = pdw_test_gateway_config_new (NULL);
  g_autofree char *db = NULL;
  g_autofree char *webhook_url = NULL;
  g_autofree char *graph_url = NULL;

  f->dir = g_dir_make_tmp ("pandawa-simtpl-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "test.db", NULL);
  f->store = pdw_store_open (db, &error);
  g_assert_no_error (error);
  f->received = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  f->service = pdw_gateway_service_new (f->store, config);
  g_signal_connect (f->service, "webhook-received", G_CALLBACK (webhook_received_cb), f);
  pdw_gateway_service_start (f->service, &error);
  g_assert_no_error (error);
  webhook_url = pdw_gateway_service_dup_webhook_url (f->service);

  f->simulator = pdw_simulator_new (webhook_url, PDW_TEST_APP_SECRET, PDW_TEST_ACCESS_TOKEN, PDW_TEST_PHONE_ID);
  pdw_simulator_set_speed (f->simulator, 20.0);
  g_signal_connect (f->simulator, "reply-received", G_CALLBACK (reply_received_cb), f);
  g_signal_connect (f->simulator, "template-received", G_CALLBACK (template_received_cb), f);
  pdw_simulator_listen (f->simulator, "127.0.0.1", 0, &error);
  g_assert_no_error (error);
  graph_url = pdw_simulator_dup_api_url (f->simulator);
  pdw_gateway_service_set_api_url (f->service, graph_url);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->simulator);
  pdw_gateway_service_stop (f->service);
  g_clear_object (&f->service);
  g_clear_object (&f->store);
  g_hash_table_unref (f->received);
  g_hash_table_unref (f->templates);
  pdw_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* The first scripted citizen's conversation, once it arrived. */
static PdwConversation *
wait_for_first_citizen (Fixture *f)
{
  g_autoptr(GPtrArray) conversations = NULL;

  pdw_simulator_start (f->simulator);
  SPIN_UNTIL (f->new_messages > 0);
  conversations = pdw_store_list_conversations (f->store, NULL);
  g_assert_nonnull (conversations);
  g_assert_cmpuint (conversations->len, >, 0);

  return g_object_ref (g_ptr_array_index (conversations, conversations->len - 1));
}

static void
test_template_delivered (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PdwConversation) conversation = wait_for_first_citizen (f);
  g_autoptr(PdwMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  gint64 id;

  id = pdw_gateway_service_send_template (f->service, pdw_conversation_get_id (conversation),
                                          "Petugas Demo", &error);
  g_assert_no_error (error);

  /* Meta's statuses follow the template as they follow a text. */
  SPIN_UNTIL (pdw_test_message_status (f->store, id) == PDW_DELIVERY_READ);
  message = pdw_test_dup_message (f->store, id);
  g_assert_nonnull (pdw_message_get_wamid (message));

  /* The citizen read the approved body with the profile name and no ticket,
   * which is also what the chat shows. */
  expected = g_strdup_printf ("Yth. Bapak/Ibu %s, ada pembaruan atas pengaduan data Anda (tiket -) "
                              "di layanan PANDAWA Disdukcapil Kota Pekanbaru. Silakan balas pesan ini "
                              "agar petugas dapat melanjutkan layanan.",
                              pdw_conversation_get_profile_name (conversation));
  g_assert_cmpstr (g_hash_table_lookup (f->received, pdw_message_get_wamid (message)), ==, expected);
  g_assert_cmpstr (pdw_message_get_text (message), ==, expected);
  g_assert_cmpstr (g_hash_table_lookup (f->templates, pdw_message_get_wamid (message)), ==,
                   PDW_APPROVED_TEMPLATE_DEFAULT_NAME);
}

static void
test_unknown_template_refused (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(PdwConversation) conversation = wait_for_first_citizen (f);
  g_autoptr(PdwApprovedTemplate) unapproved = pdw_approved_template_new ("not_approved_here", "id", NULL);
  g_autoptr(PdwMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  pdw_gateway_service_set_approved_template (f->service, unapproved);
  id = pdw_gateway_service_send_template (f->service, pdw_conversation_get_id (conversation),
                                          "Petugas Demo", &error);
  g_assert_no_error (error);

  SPIN_UNTIL (pdw_test_message_status (f->store, id) == PDW_DELIVERY_FAILED);
  message = pdw_test_dup_message (f->store, id);
  g_assert_cmpint (pdw_message_get_error_code (message), ==, 132001);
  /* A template the settings name wrongly: the gateway says where to look. */
  g_assert_cmpint (pdw_outbox_get_last_error_code (pdw_gateway_service_get_outbox (f->service)), ==, 132001);
  g_assert_nonnull (strstr (pdw_gateway_service_get_last_error (f->service), "settings"));
  g_assert_cmpuint (g_hash_table_size (f->received), ==, 0);
  g_assert_cmpuint (g_hash_table_size (f->templates), ==, 0);
}

/* With a seed (what each demo start gives), other people play the
 * script: new numbers, so new conversations, and their own names and NIKs
 * in the texts. */
static void
test_seeded_cast (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) conversations = NULL;
  g_autoptr(GError) error = NULL;

  pdw_simulator_set_seed (f->simulator, 424242);
  pdw_simulator_start (f->simulator);
  SPIN_UNTIL (f->new_messages >= 2);

  conversations = pdw_store_list_conversations (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conversations->len, >=, 2);
  for (guint i = 0; i < conversations->len; i++)
    {
      PdwConversation *conversation = g_ptr_array_index (conversations, i);
      const char *wa_id = pdw_conversation_get_wa_id (conversation);
      g_autoptr(GPtrArray) messages = pdw_store_list_messages (f->store, pdw_conversation_get_id (conversation), &error);

      g_assert_no_error (error);
      /* Synthetic numbers, not the script's own 6280000001001…9. */
      g_assert_true (g_str_has_prefix (wa_id, "628000"));
      g_assert_false (g_str_has_prefix (wa_id, "628000000100"));
      for (guint j = 0; j < messages->len; j++)
        {
          const char *text = pdw_message_get_text (g_ptr_array_index (messages, j));

          g_assert_null (strstr (text != NULL ? text : "", "Siti Aminah"));
          g_assert_null (strstr (text != NULL ? text : "", "1471056203929002"));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/demo/simulator/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("template-delivered", test_template_delivered);
  ADD ("unknown-template-refused", test_unknown_template_refused);
  ADD ("seeded-cast", test_seeded_cast);

  return g_test_run ();
}
