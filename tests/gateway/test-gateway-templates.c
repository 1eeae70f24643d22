/* test-gateway-templates.c: approved template messages and the
 * out-of-hours automatic reply, through the gateway service with a real
 * store, webhooks posted with libsoup on loopback, and a loopback
 * SoupServer standing in for the Graph API.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "core/pdw-approved-template.h"
#include "core/pdw-template.h"
#include "gateway/pdw-gateway-service.h"
#include "gateway/pdw-graph-client.h"
#include "pdw-test-gateway.h"
#include "pdw-test-util.h"

/* Synthetic citizens (the +62 800 range is not a mobile range). */
#define SITI_WA_ID   "6280000001002"
#define SITI_NIK     "1471056203929002"
#define BUDI_WA_ID   "6280000001003"

typedef struct
{
  PdwTestGateway gateway;
  guint          wamid_counter;
  guint          n_auto_replies;
} Fixture;

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* ---- Setup ------------------------------------------------------------- */

static void
auto_reply_queued_cb (PdwGatewayService *service,
                      gint64             conversation_id,
                      gint64             message_id,
                      Fixture           *f)
{
  f->n_auto_replies++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  pdw_test_gateway_set_up (&f->gateway, "pandawa-templates-XXXXXX");
  g_signal_connect (f->gateway.service, "auto-reply-queued", G_CALLBACK (auto_reply_queued_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pdw_test_gateway_tear_down (&f->gateway);
}

/* ---- Webhooks ------------------------------------------------------------ */

/* Posts a signed Cloud API text webhook (F1 shape) from @wa_id, written at
 * @timestamp, and returns the new message's wamid. */
static char *
post_text (Fixture    *f,
           const char *wa_id,
           const char *profile_name,
           gint64      timestamp,
           const char *text)
{
  char *wamid = g_strdup_printf ("wamid.TEST_IN_%u", ++f->wamid_counter);
  g_autoptr(GBytes) body = pdw_test_text_webhook_new (wa_id, profile_name, wamid, timestamp, text);

  g_assert_cmpuint (pdw_test_webhook_post_signed (f->gateway.webhook, body), ==, 200);

  return wamid;
}

static gint64
find_conversation (Fixture    *f,
                   const char *wa_id)
{
  g_autoptr(GPtrArray) conversations = pdw_store_list_conversations (f->gateway.store, NULL);

  g_assert_nonnull (conversations);
  for (guint i = 0; i < conversations->len; i++)
    {
      PdwConversation *conversation = g_ptr_array_index (conversations, i);

      if (g_strcmp0 (pdw_conversation_get_wa_id (conversation), wa_id) == 0)
        return pdw_conversation_get_id (conversation);
    }

  g_assert_not_reached ();
  return 0;
}

static gint64
ingest_citizen (Fixture    *f,
                const char *wa_id,
                const char *profile_name,
                gint64      timestamp)
{
  g_autofree char *wamid = post_text (f, wa_id, profile_name, timestamp, "assalamualaikum min");

  return find_conversation (f, wa_id);
}

static GPtrArray *
list_outgoing (Fixture *f,
               gint64   conversation_id)
{
  g_autoptr(GPtrArray) messages = pdw_store_list_messages (f->gateway.store, conversation_id, NULL);
  GPtrArray *outgoing = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_nonnull (messages);
  for (guint i = 0; i < messages->len; i++)
    {
      PdwMessage *message = g_ptr_array_index (messages, i);

      if (pdw_message_get_direction (message) == PDW_DIRECTION_OUT)
        g_ptr_array_add (outgoing, g_object_ref (message));
    }

  return outgoing;
}

/* ---- Template messages ----------------------------------------------------- */

static PdwComplaint *
register_siti (Fixture *f,
               gint64   conversation_id)
{
  g_autoptr(GError) error = NULL;
  PdwComplaintFields fields = { "Siti Aminah", SITI_NIK, NULL, SITI_WA_ID, NULL, NULL };
  PdwActor actor = { "Petugas Uji", NULL, "PU" };
  PdwComplaint *complaint;

  complaint = pdw_store_register_complaint (f->gateway.store, conversation_id, &fields, &actor, &error);
  g_assert_no_error (error);
  g_assert_nonnull (complaint);
  return complaint;
}

static void
assert_template_request (JsonObject *body,
                         const char *name,
                         const char *language,
                         const char *param1,
                         const char *param2)
{
  JsonObject *template;
  JsonArray *components;
  JsonObject *component;
  JsonArray *parameters;

  g_assert_cmpstr (json_object_get_string_member (body, "messaging_product"), ==, "whatsapp");
  g_assert_cmpstr (json_object_get_string_member (body, "recipient_type"), ==, "individual");
  g_assert_cmpstr (json_object_get_string_member (body, "to"), ==, "+" SITI_WA_ID);
  g_assert_cmpstr (json_object_get_string_member (body, "type"), ==, "template");
  g_assert_false (json_object_has_member (body, "text"));
  g_assert_cmpuint (json_object_get_size (body), ==, 5);

  template = json_object_get_object_member (body, "template");
  g_assert_cmpuint (json_object_get_size (template), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (template, "name"), ==, name);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (template, "language"), "code"),
                   ==, language);

  components = json_object_get_array_member (template, "components");
  g_assert_cmpuint (json_array_get_length (components), ==, 1);
  component = json_array_get_object_element (components, 0);
  g_assert_cmpstr (json_object_get_string_member (component, "type"), ==, "body");
  parameters = json_object_get_array_member (component, "parameters");
  g_assert_cmpuint (json_array_get_length (parameters), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *param = json_array_get_object_element (parameters, i);

      g_assert_cmpstr (json_object_get_string_member (param, "type"), ==, "text");
      /* Positional: {{1}} and {{2}} carry no parameter_name. */
      g_assert_false (json_object_has_member (param, "parameter_name"));
      g_assert_cmpstr (json_object_get_string_member (param, "text"), ==, i == 0 ? param1 : param2);
    }
}

static void
test_send_template (Fixture       *f,
                    gconstpointer  data)
{
  gint64 conversation_id = ingest_citizen (f, SITI_WA_ID, "Siti", now_seconds () - 3 * 24 * 3600);
  g_autoptr(PdwComplaint) complaint = register_siti (f, conversation_id);
  g_autoptr(PdwApprovedTemplate) approved = pdw_approved_template_new ("pandawa_update_v2", "en_US", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwMessage) message = NULL;
  g_autofree char *expected_text = NULL;
  const char * const *params;
  const char *ticket = pdw_complaint_get_ticket (complaint);
  gint64 id;

  pdw_gateway_service_set_approved_template (f->gateway.service, approved);
  id = pdw_gateway_service_send_template (f->gateway.service, conversation_id, "Petugas Uji", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  SPIN_UNTIL (pdw_test_message_status (f->gateway.store, id) == PDW_DELIVERY_ACCEPTED);
  g_assert_cmpuint (f->gateway.graph->requests->len, ==, 1);
  assert_template_request (pdw_fake_graph_get_request (f->gateway.graph, 0),
                           "pandawa_update_v2", "en_US", "Siti Aminah", ticket);

  message = pdw_store_dup_message (f->gateway.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pdw_message_get_wamid (message), ==, "wamid.TEST_OUT_1");
  g_assert_cmpstr (pdw_message_get_message_type (message), ==, "template");
  g_assert_cmpstr (pdw_message_get_template_name (message), ==, "pandawa_update_v2");
  g_assert_cmpstr (pdw_message_get_template_language (message), ==, "en_US");
  params = pdw_message_get_template_params (message);
  g_assert_cmpstr (params[0], ==, "Siti Aminah");
  g_assert_cmpstr (params[1], ==, ticket);
  g_assert_null (params[2]);
  g_assert_cmpstr (pdw_message_get_officer_name (message), ==, "Petugas Uji");

  /* The chat shows what the citizen reads. */
  expected_text = g_strdup_printf ("Yth. Bapak/Ibu Siti Aminah, ada pembaruan atas pengaduan data Anda (tiket %s) "
                                   "di layanan PANDAWA Disdukcapil Kota Pekanbaru. Silakan balas pesan ini agar "
                                   "petugas dapat melanjutkan layanan.", ticket);
  g_assert_cmpstr (pdw_message_get_text (message), ==, expected_text);
  g_assert_null (pdw_gateway_service_get_last_error (f->gateway.service));
}

static void
test_send_template_without_complaint (Fixture       *f,
                                      gconstpointer  data)
{
  gint64 conversation_id = ingest_citizen (f, SITI_WA_ID, "Siti A.", now_seconds () - 3 * 24 * 3600);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwMessage) message = NULL;
  gint64 id;

  id = pdw_gateway_service_send_template (f->gateway.service, conversation_id, "Petugas Uji", &error);
  g_assert_no_error (error);

  SPIN_UNTIL (pdw_test_message_status (f->gateway.store, id) == PDW_DELIVERY_ACCEPTED);
  /* The shipped template, the WhatsApp profile name and no ticket. */
  assert_template_request (pdw_fake_graph_get_request (f->gateway.graph, 0),
                           PDW_APPROVED_TEMPLATE_DEFAULT_NAME, "id", "Siti A.", "-");
  message = pdw_store_dup_message (f->gateway.store, id, &error);
  g_assert_nonnull (strstr (pdw_message_get_text (message), "Bapak/Ibu Siti A., ada pembaruan"));
  g_assert_nonnull (strstr (pdw_message_get_text (message), "(tiket -)"));
}

static void
test_send_template_unknown_conversation (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = pdw_gateway_service_send_template (f->gateway.service, 4242, "Petugas Uji", &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND);
  pdw_test_drain_main_context ();
  g_assert_cmpuint (f->gateway.graph->requests->len, ==, 0);
}

static void
test_template_outside_window_error (Fixture       *f,
                                    gconstpointer  data)
{
  gint64 conversation_id = ingest_citizen (f, SITI_WA_ID, "Siti", now_seconds () - 3 * 24 * 3600);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwMessage) message = NULL;
  gint64 id;

  /* A permanent Graph error on a template fails the message as on a text. */
  pdw_fake_graph_push_error (f->gateway.graph, "{\"error\":{\"message\":\"(#131047) Re-engagement message\","
                                       "\"type\":\"OAuthException\",\"code\":131047,\"error_data\":"
                                       "{\"messaging_product\":\"whatsapp\",\"details\":\"Message failed "
                                       "to send because more than 24 hours have passed since the customer "
                                       "last replied to this number.\"},\"fbtrace_id\":\"AbCdEf\"}}");

  id = pdw_gateway_service_send_template (f->gateway.service, conversation_id, "Petugas Uji", &error);
  g_assert_no_error (error);

  SPIN_UNTIL (pdw_test_message_status (f->gateway.store, id) == PDW_DELIVERY_FAILED);
  message = pdw_store_dup_message (f->gateway.store, id, &error);
  g_assert_cmpint (pdw_message_get_error_code (message), ==, 131047);
  /* The message says why; the gateway itself is fine. */
  g_assert_null (pdw_gateway_service_get_last_error (f->gateway.service));
  g_assert_cmpuint (f->gateway.graph->requests->len, ==, 1);
}

static void
test_template_transient_error_retried (Fixture       *f,
                                       gconstpointer  data)
{
  gint64 conversation_id = ingest_citizen (f, SITI_WA_ID, "Siti", now_seconds () - 3 * 24 * 3600);
  g_autoptr(GError) error = NULL;
  gint64 id;

  pdw_fake_graph_push_error (f->gateway.graph, "{\"error\":{\"message\":\"(#130429) Rate limit hit\","
                                       "\"type\":\"OAuthException\",\"code\":130429}}");

  id = pdw_gateway_service_send_template (f->gateway.service, conversation_id, "Petugas Uji", &error);
  g_assert_no_error (error);

  SPIN_UNTIL (f->gateway.graph->requests->len == 1 && pdw_gateway_service_get_last_error (f->gateway.service) != NULL);
  g_assert_cmpint (pdw_test_message_status (f->gateway.store, id), ==, PDW_DELIVERY_QUEUED);

  /* The retry sends the same template again and is accepted. */
  SPIN_UNTIL (pdw_test_message_status (f->gateway.store, id) == PDW_DELIVERY_ACCEPTED);
  g_assert_cmpuint (f->gateway.graph->requests->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    assert_template_request (pdw_fake_graph_get_request (f->gateway.graph, i),
                             PDW_APPROVED_TEMPLATE_DEFAULT_NAME, "id", "Siti", "-");
  g_assert_null (pdw_gateway_service_get_last_error (f->gateway.service));
}

static void
test_template_json_minimal (void)
{
  g_autofree char *json = pdw_graph_client_build_template_json ("6280000001002", "hello_world", "en_US", NULL);

  /* hello_world: no variables, no components. */
  g_assert_cmpstr (json, ==, "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                             "\"to\":\"+6280000001002\",\"type\":\"template\",\"template\":"
                             "{\"name\":\"hello_world\",\"language\":{\"code\":\"en_US\"}}}");
}

/* ---- The out-of-hours automatic reply ------------------------------------- */

static int
wib_minute_of_day (gint64 t)
{
  g_autoptr(GTimeZone) wib = pdw_time_zone_new_wib ();
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, wib);

  return g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

/* Open every day, but for one hour that is twelve hours away from now:
 * closed now, and it opens again within the day. */
static PdwServiceCalendar *
new_calendar_closed_now (void)
{
  static const int every_day[] = { 1, 2, 3, 4, 5, 6, 7 };
  PdwServiceCalendar *calendar = pdw_service_calendar_new ();
  int minute = wib_minute_of_day (now_seconds ());

  if (minute >= 12 * 60)
    pdw_service_calendar_set_hours (calendar, every_day, G_N_ELEMENTS (every_day), 0, 60);
  else
    pdw_service_calendar_set_hours (calendar, every_day, G_N_ELEMENTS (every_day), 23 * 60, 24 * 60);
  g_assert_false (pdw_service_calendar_is_open (calendar, now_seconds ()));

  return calendar;
}

static PdwServiceCalendar *
new_calendar_always_open (void)
{
  static const int every_day[] = { 1, 2, 3, 4, 5, 6, 7 };
  PdwServiceCalendar *calendar = pdw_service_calendar_new ();

  pdw_service_calendar_set_hours (calendar, every_day, G_N_ELEMENTS (every_day), 0, 24 * 60);
  g_assert_true (pdw_service_calendar_is_open (calendar, now_seconds ()));

  return calendar;
}

static void
test_auto_reply_once_per_day (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(PdwServiceCalendar) calendar = new_calendar_closed_now ();
  g_autoptr(GPtrArray) outgoing = NULL;
  g_autoptr(GPtrArray) outgoing_after = NULL;
  g_autoptr(GPtrArray) budi_outgoing = NULL;
  g_autofree char *second = NULL;
  g_autofree char *opening_text = NULL;
  JsonObject *request;
  PdwMessage *reply;
  gint64 conversation_id, budi_id, written_at;

  pdw_gateway_service_set_calendar (f->gateway.service, calendar);
  pdw_gateway_service_set_auto_reply_enabled (f->gateway.service, TRUE);

  written_at = now_seconds ();
  conversation_id = ingest_citizen (f, SITI_WA_ID, "Siti", written_at);
  SPIN_UNTIL (f->n_auto_replies == 1);

  outgoing = list_outgoing (f, conversation_id);
  g_assert_cmpuint (outgoing->len, ==, 1);
  reply = g_ptr_array_index (outgoing, 0);
  /* Automatic: no officer's name on it. */
  g_assert_null (pdw_message_get_officer_name (reply));
  g_assert_cmpstr (pdw_message_get_message_type (reply), ==, "text");
  /* The stored out_of_hours template, with the next opening filled in. */
  opening_text = pdw_template_format_time (pdw_service_calendar_next_opening (calendar, written_at));
  g_assert_nonnull (strstr (pdw_message_get_text (reply), opening_text));
  g_assert_null (strstr (pdw_message_get_text (reply), "{jam_buka}"));
  g_assert_cmpint (pdw_store_get_last_auto_reply_time (f->gateway.store, conversation_id, NULL), >, 0);

  /* It goes out through the outbox like any reply. */
  SPIN_UNTIL (pdw_test_message_status (f->gateway.store, pdw_message_get_id (reply)) == PDW_DELIVERY_ACCEPTED);
  g_assert_cmpuint (f->gateway.graph->requests->len, ==, 1);
  request = pdw_fake_graph_get_request (f->gateway.graph, 0);
  g_assert_cmpstr (json_object_get_string_member (request, "type"), ==, "text");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (request, "text"), "body"),
                   ==, pdw_message_get_text (reply));

  /* The same citizen writes again the same day: no second reply. */
  second = post_text (f, SITI_WA_ID, "Siti", now_seconds (), "halo min, masih tutup ya?");
  pdw_test_drain_main_context ();
  g_assert_cmpuint (f->n_auto_replies, ==, 1);
  outgoing_after = list_outgoing (f, conversation_id);
  g_assert_cmpuint (outgoing_after->len, ==, 1);

  /* Once per conversation: another citizen gets their own. */
  budi_id = ingest_citizen (f, BUDI_WA_ID, "Budi Santoso", now_seconds ());
  SPIN_UNTIL (f->n_auto_replies == 2);
  budi_outgoing = list_outgoing (f, budi_id);
  g_assert_cmpuint (budi_outgoing->len, ==, 1);
  SPIN_UNTIL (pdw_test_message_status (f->gateway.store, pdw_message_get_id (g_ptr_array_index (budi_outgoing, 0))) == PDW_DELIVERY_ACCEPTED);
  g_assert_cmpuint (f->gateway.graph->requests->len, ==, 2);
}

static void
test_auto_reply_not_when_open (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(PdwServiceCalendar) calendar = new_calendar_always_open ();
  g_autoptr(GPtrArray) outgoing = NULL;
  gint64 conversation_id;

  pdw_gateway_service_set_calendar (f->gateway.service, calendar);
  pdw_gateway_service_set_auto_reply_enabled (f->gateway.service, TRUE);

  conversation_id = ingest_citizen (f, SITI_WA_ID, "Siti", now_seconds ());
  pdw_test_drain_main_context ();

  g_assert_cmpuint (f->n_auto_replies, ==, 0);
  outgoing = list_outgoing (f, conversation_id);
  g_assert_cmpuint (outgoing->len, ==, 0);
  g_assert_cmpint (pdw_store_get_last_auto_reply_time (f->gateway.store, conversation_id, NULL), ==, 0);
}

static void
test_auto_reply_disabled (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PdwServiceCalendar) calendar = new_calendar_closed_now ();
  g_autoptr(GPtrArray) outgoing = NULL;
  gint64 conversation_id;

  pdw_gateway_service_set_calendar (f->gateway.service, calendar);
  /* Off until enabled; switching it on and off again leaves it off. */
  g_assert_false (pdw_gateway_service_get_auto_reply_enabled (f->gateway.service));
  g_object_set (f->gateway.service, "auto-reply-enabled", TRUE, NULL);
  g_assert_true (pdw_gateway_service_get_auto_reply_enabled (f->gateway.service));
  pdw_gateway_service_set_auto_reply_enabled (f->gateway.service, FALSE);

  conversation_id = ingest_citizen (f, SITI_WA_ID, "Siti", now_seconds ());
  pdw_test_drain_main_context ();

  g_assert_cmpuint (f->n_auto_replies, ==, 0);
  outgoing = list_outgoing (f, conversation_id);
  g_assert_cmpuint (outgoing->len, ==, 0);
  g_assert_cmpuint (f->gateway.graph->requests->len, ==, 0);
}

static void
test_auto_reply_not_for_old_message (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(PdwServiceCalendar) calendar = new_calendar_closed_now ();
  g_autoptr(GPtrArray) outgoing = NULL;
  g_autofree char *recent = NULL;
  gint64 conversation_id;

  pdw_gateway_service_set_calendar (f->gateway.service, calendar);
  pdw_gateway_service_set_auto_reply_enabled (f->gateway.service, TRUE);

  /* Written two hours ago, delivered only now (a webhook retry after an
   * outage, or an import): the citizen is not told "we are closed" now. */
  conversation_id = ingest_citizen (f, SITI_WA_ID, "Siti", now_seconds () - 2 * 3600);
  pdw_test_drain_main_context ();
  g_assert_cmpuint (f->n_auto_replies, ==, 0);
  outgoing = list_outgoing (f, conversation_id);
  g_assert_cmpuint (outgoing->len, ==, 0);

  /* A message written now still gets it. */
  recent = post_text (f, SITI_WA_ID, "Siti", now_seconds (), "halo");
  SPIN_UNTIL (f->n_auto_replies == 1);
  g_clear_pointer (&outgoing, g_ptr_array_unref);
  outgoing = list_outgoing (f, conversation_id);
  g_assert_cmpuint (outgoing->len, ==, 1);
  SPIN_UNTIL (pdw_test_message_status (f->gateway.store, pdw_message_get_id (g_ptr_array_index (outgoing, 0))) == PDW_DELIVERY_ACCEPTED);
}

/* The citizen's "4" to the closing message's survey is their rating, not
 * a question: no "we are closed" to it, and the day's automatic reply is
 * still there for a real question. */
static void
test_auto_reply_not_for_rating (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(PdwServiceCalendar) calendar = new_calendar_closed_now ();
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaint) resolved = NULL;
  g_autoptr(PdwComplaint) rated = NULL;
  g_autoptr(GPtrArray) outgoing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rating = NULL;
  g_autofree char *question = NULL;
  PdwActor actor = { "Petugas Uji", NULL, "PU" };
  gboolean asked = FALSE;
  gint64 conversation_id, closing_id;

  pdw_gateway_service_set_calendar (f->gateway.service, calendar);
  conversation_id = ingest_citizen (f, SITI_WA_ID, "Siti", now_seconds ());
  complaint = register_siti (f, conversation_id);
  resolved = pdw_store_apply_action (f->gateway.store, pdw_complaint_get_id (complaint), "resolve",
                                     NULL, NULL, &actor, &error);
  g_assert_no_error (error);
  closing_id = pdw_store_queue_survey_question (f->gateway.store, conversation_id, pdw_complaint_get_id (complaint),
                                                "Data sudah aktif. Balas 1-4.", &actor, &asked, &error);
  g_assert_no_error (error);
  g_assert_true (asked);
  pdw_gateway_service_set_auto_reply_enabled (f->gateway.service, TRUE);

  rating = post_text (f, SITI_WA_ID, "Siti", now_seconds (), "4");
  pdw_test_drain_main_context ();
  g_assert_cmpuint (f->n_auto_replies, ==, 0);
  rated = pdw_store_dup_complaint (f->gateway.store, pdw_complaint_get_id (complaint), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_complaint_get_survey_rating (rated), ==, 4);
  outgoing = list_outgoing (f, conversation_id);
  g_assert_cmpuint (outgoing->len, ==, 1);
  g_assert_cmpint (pdw_message_get_id (g_ptr_array_index (outgoing, 0)), ==, closing_id);

  /* A question afterwards is answered as ever. */
  question = post_text (f, SITI_WA_ID, "Siti", now_seconds (), "min, KK saya juga bermasalah");
  SPIN_UNTIL (f->n_auto_replies == 1);
  g_clear_pointer (&outgoing, g_ptr_array_unref);
  outgoing = list_outgoing (f, conversation_id);
  g_assert_cmpuint (outgoing->len, ==, 2);
  for (guint i = 0; i < outgoing->len; i++)
    SPIN_UNTIL (pdw_test_message_status (f->gateway.store, pdw_message_get_id (g_ptr_array_index (outgoing, i))) == PDW_DELIVERY_ACCEPTED);
}

static void
test_apply_desk_settings (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PdwServiceCalendar *calendar;
  g_autoptr(GDateTime) sunday_noon = g_date_time_new_utc (2026, 1, 4, 5, 0, 0);    /* 12:00 WIB */
  g_autoptr(GDateTime) monday_nine = g_date_time_new_utc (2026, 1, 5, 2, 0, 0);    /* 09:00 WIB */

  g_settings_set_string (settings, "wa-template-name", "pandawa_update_v3");
  g_settings_set_string (settings, "wa-template-language", "en_US");
  g_settings_set_boolean (settings, "auto-reply-enabled", TRUE);
  pdw_gateway_service_apply_desk_settings (f->gateway.service, settings);

  g_assert_true (pdw_gateway_service_get_auto_reply_enabled (f->gateway.service));
  g_assert_cmpstr (pdw_approved_template_get_name (pdw_gateway_service_get_approved_template (f->gateway.service)),
                   ==, "pandawa_update_v3");
  g_assert_cmpstr (pdw_approved_template_get_language (pdw_gateway_service_get_approved_template (f->gateway.service)),
                   ==, "en_US");
  /* The shipped service days and hours: Monday to Friday from 08:00 WIB. */
  calendar = pdw_gateway_service_get_calendar (f->gateway.service);
  g_assert_false (pdw_service_calendar_is_open (calendar, g_date_time_to_unix (sunday_noon)));
  g_assert_true (pdw_service_calendar_is_open (calendar, g_date_time_to_unix (monday_nine)));

  g_settings_set_boolean (settings, "auto-reply-enabled", FALSE);
  pdw_gateway_service_apply_desk_settings (f->gateway.service, settings);
  g_assert_false (pdw_gateway_service_get_auto_reply_enabled (f->gateway.service));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/gateway/templates/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("send-template", test_send_template);
  ADD ("send-template-without-complaint", test_send_template_without_complaint);
  ADD ("send-template-unknown-conversation", test_send_template_unknown_conversation);
  ADD ("template-131047-fails", test_template_outside_window_error);
  ADD ("template-transient-error-retried", test_template_transient_error_retried);
  g_test_add_func ("/gateway/templates/json-minimal", test_template_json_minimal);
  ADD ("auto-reply-once-per-day", test_auto_reply_once_per_day);
  ADD ("auto-reply-not-when-open", test_auto_reply_not_when_open);
  ADD ("auto-reply-disabled", test_auto_reply_disabled);
  ADD ("auto-reply-not-for-old-message", test_auto_reply_not_for_old_message);
  ADD ("auto-reply-not-for-rating", test_auto_reply_not_for_rating);
  ADD ("apply-desk-settings", test_apply_desk_settings);

  return g_test_run ();
}
