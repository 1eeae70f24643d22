/* pdw-test-webhook.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "gateway/pdw-signature.h"
#include "pdw-test-util.h"
#include "pdw-test-webhook.h"

struct _PdwTestWebhook
{
  SoupSession *session;
  char        *url;
};

typedef struct
{
  gboolean  done;
  guint     status;
  GBytes   *body;
} Reply;

PdwGatewayConfig *
pdw_test_gateway_config_new (const char *graph_url)
{
  PdwGatewayConfig *config = pdw_gateway_config_new ();

  if (graph_url != NULL)
    {
      g_free (config->graph_url);
      config->graph_url = g_strdup (graph_url);
    }
  config->phone_number_id = g_strdup (PDW_TEST_PHONE_ID);
  config->access_token = g_strdup (PDW_TEST_ACCESS_TOKEN);
  config->app_secret = g_strdup (PDW_TEST_APP_SECRET);
  config->verify_token = g_strdup (PDW_TEST_VERIFY_TOKEN);
  g_free (config->listen_address);
  config->listen_address = g_strdup ("127.0.0.1");
  config->listen_port = 0;

  return config;
}

GBytes *
pdw_test_text_webhook_new (const char *wa_id,
                           const char *profile_name,
                           const char *wamid,
                           gint64      timestamp,
                           const char *text)
{
  char *json = g_strdup_printf ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                                "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"628000000000\","
                                "\"phone_number_id\":\"" PDW_TEST_PHONE_ID "\"},"
                                "\"contacts\":[{\"profile\":{\"name\":\"%s\"},\"wa_id\":\"%s\"}],"
                                "\"messages\":[{\"from\":\"%s\",\"id\":\"%s\",\"timestamp\":\"%" G_GINT64_FORMAT "\","
                                "\"type\":\"text\",\"text\":{\"body\":\"%s\"}}]}}]}]}",
                                profile_name, wa_id, wa_id, wamid, timestamp, text);

  return g_bytes_new_take (json, strlen (json));
}

PdwTestWebhook *
pdw_test_webhook_new (const char *url)
{
  PdwTestWebhook *webhook = g_new0 (PdwTestWebhook, 1);

  webhook->session = soup_session_new ();
  webhook->url = g_strdup (url);
  return webhook;
}

void
pdw_test_webhook_free (PdwTestWebhook *webhook)
{
  g_clear_object (&webhook->session);
  g_free (webhook->url);
  g_free (webhook);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Reply *reply = user_data;
  g_autoptr(GError) error = NULL;

  reply->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);
  reply->status = soup_message_get_status (soup_session_get_async_result_message (SOUP_SESSION (object), result));
  reply->done = TRUE;
}

static guint
send_request (PdwTestWebhook *webhook,
              SoupMessage    *msg,
              char          **body_out)
{
  Reply reply = { 0 };

  soup_session_send_and_read_async (webhook->session, msg, G_PRIORITY_DEFAULT, NULL, send_cb, &reply);
  SPIN_UNTIL (reply.done);
  if (body_out != NULL)
    *body_out = g_strndup (g_bytes_get_data (reply.body, NULL), g_bytes_get_size (reply.body));
  g_bytes_unref (reply.body);
  return reply.status;
}

guint
pdw_test_webhook_get (PdwTestWebhook *webhook,
                      const char     *query,
                      char          **body_out)
{
  g_autofree char *url = g_strconcat (webhook->url, "?", query, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, url);

  return send_request (webhook, msg, body_out);
}

guint
pdw_test_webhook_post_with_header (PdwTestWebhook *webhook,
                                   GBytes         *body,
                                   const char     *name,
                                   const char     *value)
{
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_POST, webhook->url);

  if (name != NULL && value != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), name, value);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  return send_request (webhook, msg, NULL);
}

guint
pdw_test_webhook_post (PdwTestWebhook *webhook,
                       GBytes         *body,
                       const char     *signature)
{
  return pdw_test_webhook_post_with_header (webhook, body, "X-Hub-Signature-256", signature);
}

guint
pdw_test_webhook_post_signed (PdwTestWebhook *webhook,
                              GBytes         *body)
{
  g_autofree char *signature = pdw_signature_compute (body, PDW_TEST_APP_SECRET);

  return pdw_test_webhook_post (webhook, body, signature);
}
