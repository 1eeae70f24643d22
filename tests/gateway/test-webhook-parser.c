/* test-webhook-parser.c: the Cloud API fixtures of research/whatsapp.md §1.2
 * (verbatim in tests/data/) and constructed ones for the shapes Meta
 * documents without an example.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gateway/pdw-webhook-parser.h"
#include "pdw-test-util.h"

static void
parse_fixture (const char  *name,
               GPtrArray  **messages,
               GPtrArray  **statuses)
{
  g_autoptr(GBytes) body = pdw_test_load_data (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (pdw_webhook_parse (body, messages, statuses, &error));
  g_assert_no_error (error);
}

static void
test_f1_text (void)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  PdwInboundMessage *m;

  parse_fixture ("cloud-f1-text.json", &messages, &statuses);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_cmpuint (statuses->len, ==, 0);
  m = messages->pdata[0];
  g_assert_cmpstr (m->wamid, ==, "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
  g_assert_cmpstr (m->wa_id, ==, "16505551234");
  g_assert_null (m->user_id);
  g_assert_cmpstr (m->profile_name, ==, "Sheena Nelson");
  g_assert_cmpstr (m->phone_number_id, ==, "106540352242922");
  g_assert_cmpint (m->timestamp, ==, 1749416383);
  g_assert_cmpstr (m->type, ==, "text");
  g_assert_cmpstr (m->text, ==, "Does it come in another color?");
  g_assert_null (m->media_id);
  g_assert_null (m->raw_json);
  g_assert_cmpint (m->error_code, ==, 0);
}

static void
test_f2_image (void)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  PdwInboundMessage *m;

  parse_fixture ("cloud-f2-image.json", &messages, &statuses);
  g_assert_cmpuint (messages->len, ==, 1);
  m = messages->pdata[0];
  g_assert_cmpstr (m->type, ==, "image");
  g_assert_cmpstr (m->text, ==, "Taj Mahal");
  g_assert_cmpstr (m->media_id, ==, "1003383421387256");
  g_assert_cmpstr (m->media_mime_type, ==, "image/jpeg");
  g_assert_cmpstr (m->media_sha256, ==, "SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=");
  g_assert_null (m->media_filename);
  g_assert_cmpint (m->timestamp, ==, 1744344496);
  g_assert_nonnull (m->raw_json);
  g_assert_nonnull (strstr (m->raw_json, "\"1003383421387256\""));
}

static void
test_f3_document (void)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  PdwInboundMessage *m;

  parse_fixture ("cloud-f3-document.json", &messages, &statuses);
  g_assert_cmpuint (messages->len, ==, 1);
  m = messages->pdata[0];
  g_assert_cmpstr (m->type, ==, "document");
  g_assert_cmpstr (m->text, ==, "my receipt");
  g_assert_cmpstr (m->media_id, ==, "622684793477189");
  g_assert_cmpstr (m->media_mime_type, ==, "application/pdf");
  g_assert_cmpstr (m->media_filename, ==, "receipt.pdf");
  g_assert_cmpstr (m->media_sha256, ==, "V5OPpLD/gEG6Xjg0MbmQDLFgcKsL+j5LfY4ny/pZ4MY=");
}

static void
check_single_status (const char        *fixture,
                     const char        *wamid,
                     PdwDeliveryStatus  status,
                     gint64             timestamp,
                     const char        *recipient,
                     int                error_code,
                     const char        *error_title)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  PdwStatusUpdate *s;

  parse_fixture (fixture, &messages, &statuses);
  g_assert_cmpuint (messages->len, ==, 0);
  g_assert_cmpuint (statuses->len, ==, 1);
  s = statuses->pdata[0];
  g_assert_cmpstr (s->wamid, ==, wamid);
  g_assert_cmpint (s->status, ==, status);
  g_assert_cmpint (s->timestamp, ==, timestamp);
  g_assert_cmpstr (s->recipient_id, ==, recipient);
  g_assert_cmpint (s->error_code, ==, error_code);
  g_assert_cmpstr (s->error_title, ==, error_title);
}

static void
test_f4_delivered (void)
{
  check_single_status ("cloud-f4-delivered.json",
                       "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA",
                       PDW_DELIVERY_DELIVERED, 1750263773, "16505551234", 0, NULL);
}

static void
test_f5_sent (void)
{
  check_single_status ("cloud-f5-sent.json",
                       "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",
                       PDW_DELIVERY_SENT, 1750030073, "16505551234", 0, NULL);
}

static void
test_f6_failed (void)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  PdwStatusUpdate *s;

  check_single_status ("cloud-f6-failed.json",
                       "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA",
                       PDW_DELIVERY_FAILED, 1751142888, "16505551234", 131049,
                       "This message was not delivered to maintain healthy ecosystem engagement.");
  parse_fixture ("cloud-f6-failed.json", &messages, &statuses);
  s = statuses->pdata[0];
  g_assert_cmpstr (s->error_details, ==,
                   "In order to maintain a healthy ecosystem engagement, the message failed to be delivered.");
}

static void
test_f7_failed_131047 (void)
{
  check_single_status ("cloud-f7-failed-131047.json",
                       "wamid.H=====================================",
                       PDW_DELIVERY_FAILED, 1744609253, "86501452171734", 131047,
                       "Re-engagement message");
}

static void
test_f8_bsuid_test_sample (void)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  PdwInboundMessage *m;

  parse_fixture ("cloud-f8-bsuid-test.json", &messages, &statuses);
  g_assert_cmpuint (messages->len, ==, 1);
  m = messages->pdata[0];
  /* Not a "wamid." id: must be accepted as is. */
  g_assert_cmpstr (m->wamid, ==, "ABGGFlA5Fpa");
  g_assert_cmpstr (m->wa_id, ==, "16315551181");
  g_assert_cmpstr (m->user_id, ==, "US.13491208655302741918");
  g_assert_cmpstr (m->profile_name, ==, "test user name");
  g_assert_cmpstr (m->phone_number_id, ==, "123456123");
  g_assert_cmpint (m->timestamp, ==, 1504902988);
  g_assert_cmpstr (m->text, ==, "this is a text message");
}

static void
test_bsuid_only (void)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  PdwInboundMessage *m;

  parse_fixture ("cloud-bsuid-only.json", &messages, &statuses);
  g_assert_cmpuint (messages->len, ==, 1);
  m = messages->pdata[0];
  g_assert_null (m->wa_id);
  g_assert_cmpstr (m->user_id, ==, "ID.70000000000000000001");
  g_assert_cmpstr (m->profile_name, ==, "Sari Uji");
  g_assert_cmpstr (m->text, ==, "selamat pagi, nik sy tdk aktif");
}

static void
test_contacts_message (void)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  PdwInboundMessage *m;

  parse_fixture ("cloud-contacts-message.json", &messages, &statuses);
  g_assert_cmpuint (messages->len, ==, 1);
  m = messages->pdata[0];
  g_assert_cmpstr (m->type, ==, "contacts");
  g_assert_cmpstr (m->text, ==, "Kontak: Budi Contoh +62 800-0000-0202");
  g_assert_cmpstr (m->wa_id, ==, "6280000000101");
  g_assert_nonnull (m->raw_json);
}

static void
test_broken_json (void)
{
  g_autoptr(GBytes) body = pdw_test_load_data ("cloud-f1-broken-missing-comma.json");
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (pdw_webhook_parse (body, &messages, &statuses, &error));
  g_assert_error (error, PDW_WEBHOOK_ERROR, PDW_WEBHOOK_ERROR_INVALID_JSON);
  g_assert_null (messages);
  g_assert_null (statuses);
}

static void
check_rejected (const char *text,
                int         code)
{
  g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (pdw_webhook_parse (body, &messages, &statuses, &error));
  g_assert_error (error, PDW_WEBHOOK_ERROR, code);
}

static void
test_not_json_or_not_whatsapp (void)
{
  check_rejected ("", PDW_WEBHOOK_ERROR_INVALID_JSON);
  check_rejected ("hello", PDW_WEBHOOK_ERROR_INVALID_JSON);
  check_rejected ("[1,2,3]", PDW_WEBHOOK_ERROR_INVALID_JSON);
  check_rejected ("\xff\xfe{}", PDW_WEBHOOK_ERROR_INVALID_JSON);
  check_rejected ("{\"object\":\"page\",\"entry\":[]}", PDW_WEBHOOK_ERROR_NOT_WHATSAPP);
  check_rejected ("{\"entry\":[]}", PDW_WEBHOOK_ERROR_NOT_WHATSAPP);
}

static void
test_batch_mixed (void)
{
  static const char * const wamids[] = {
    "wamid.BATCH_M1", "wamid.BATCH_M2", "wamid.BATCH_M3", "wamid.BATCH_M4",
    "wamid.BATCH_M5", "wamid.BATCH_M6", "wamid.BATCH_M7",
  };
  static const char * const types[] = {
    "text", "unsupported", "location", "sticker", "button", "text", "reaction",
  };
  static const struct { const char *wamid; PdwDeliveryStatus status; } expected_statuses[] = {
    { "wamid.BATCH_OUT1", PDW_DELIVERY_SENT },
    { "wamid.BATCH_OUT1", PDW_DELIVERY_READ },
    { "wamid.BATCH_OUT2", PDW_DELIVERY_DELIVERED },
    { "wamid.BATCH_OUT3", PDW_DELIVERY_FAILED },
    { "wamid.BATCH_OUT4", PDW_DELIVERY_READ },
  };
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  PdwInboundMessage *m;

  parse_fixture ("cloud-batch-mixed.json", &messages, &statuses);
  g_assert_cmpuint (messages->len, ==, G_N_ELEMENTS (wamids));
  for (guint i = 0; i < messages->len; i++)
    {
      m = messages->pdata[i];
      g_assert_cmpstr (m->wamid, ==, wamids[i]);
      g_assert_cmpstr (m->type, ==, types[i]);
    }

  m = messages->pdata[0];
  g_assert_cmpstr (m->profile_name, ==, "Andi Sintetis");
  m = messages->pdata[1];
  g_assert_cmpstr (m->profile_name, ==, "Dewi Sintetis");
  g_assert_cmpint (m->error_code, ==, 131051);
  g_assert_cmpstr (m->error_title, ==, "Message type unknown");
  g_assert_null (m->text);
  g_assert_nonnull (m->raw_json);
  m = messages->pdata[2];
  g_assert_cmpstr (m->text, ==, "Lokasi: Kantor Contoh, Jl. Contoh No. 1 (0.507100, 101.447800)");
  m = messages->pdata[3];
  g_assert_cmpstr (m->media_id, ==, "900000000000001");
  g_assert_cmpstr (m->media_mime_type, ==, "image/webp");
  m = messages->pdata[4];
  g_assert_cmpstr (m->text, ==, "Ya");
  g_assert_cmpstr (m->context_wamid, ==, "wamid.BATCH_OUT0");
  m = messages->pdata[5];
  g_assert_cmpstr (m->wa_id, ==, "6280000000303");
  g_assert_cmpstr (m->profile_name, ==, "Eko Sintetis");
  g_assert_cmpstr (m->text, ==, "No KK 1471010101209001");
  m = messages->pdata[6];
  g_assert_cmpstr (m->text, ==, "\xf0\x9f\x91\x8d");

  g_assert_cmpuint (statuses->len, ==, G_N_ELEMENTS (expected_statuses));
  for (guint i = 0; i < statuses->len; i++)
    {
      PdwStatusUpdate *s = statuses->pdata[i];

      g_assert_cmpstr (s->wamid, ==, expected_statuses[i].wamid);
      g_assert_cmpint (s->status, ==, expected_statuses[i].status);
    }
  g_assert_cmpint (((PdwStatusUpdate *) statuses->pdata[3])->error_code, ==, 131047);
}

static void
test_bad_items_do_not_kill_batch (void)
{
  static const char body_text[] =
    "{\"object\":\"whatsapp_business_account\",\"entry\":[7,{\"changes\":\"x\"},{\"id\":\"1\",\"changes\":[null,"
    "{\"field\":\"messages\",\"value\":{\"contacts\":5,\"messages\":[3,{\"type\":\"text\"},"
    "{\"id\":\"wamid.OK1\",\"from\":\"6280000000401\",\"timestamp\":12,\"type\":\"text\",\"text\":{\"body\":7}},"
    "{\"id\":\"wamid.OK2\",\"from\":\"6280000000401\",\"timestamp\":\"bad\",\"type\":\"hologram\",\"hologram\":{}}],"
    "\"statuses\":[{\"id\":\"wamid.S1\",\"status\":\"teleported\"},{\"id\":\"wamid.S2\",\"status\":\"delivered\","
    "\"timestamp\":\"5\",\"errors\":[{\"code\":\"131000\"}]},{\"status\":\"read\"}]}}]}]}";
  g_autoptr(GBytes) body = g_bytes_new_static (body_text, sizeof body_text - 1);
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  PdwInboundMessage *m;
  PdwStatusUpdate *s;

  g_assert_true (pdw_webhook_parse (body, &messages, &statuses, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 2);
  m = messages->pdata[0];
  g_assert_cmpstr (m->wamid, ==, "wamid.OK1");
  g_assert_cmpint (m->timestamp, ==, 12);
  g_assert_null (m->text);
  m = messages->pdata[1];
  g_assert_cmpstr (m->type, ==, "hologram");
  g_assert_cmpint (m->timestamp, ==, 0);
  g_assert_nonnull (m->raw_json);
  g_assert_cmpuint (statuses->len, ==, 1);
  s = statuses->pdata[0];
  g_assert_cmpstr (s->wamid, ==, "wamid.S2");
  g_assert_cmpint (s->error_code, ==, 131000);
}

static guint
scan (const char *text)
{
  return pdw_webhook_scan_json (text, strlen (text), 64, NULL);
}

static void
test_scan_depth (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);

  g_assert_cmpuint (scan (""), ==, 0);
  g_assert_cmpuint (scan ("\"[[[\""), ==, 0);
  g_assert_cmpuint (scan ("{\"a\":[1,{\"b\":[]}]}"), ==, 4);
  g_assert_cmpuint (scan ("[][][]"), ==, 1);
  /* Brackets inside strings, escaped quotes and escaped backslashes. */
  g_assert_cmpuint (scan ("{\"t\":\"[{[{\\\"[[\\\\\",\"u\":[]}"), ==, 2);
  g_assert_cmpuint (scan ("{\"t\":\"\\\\\"}"), ==, 1);
  g_assert_cmpuint (scan ("[\"\\\"]\\\"\",[[]]]"), ==, 3);
  /* An escaped backslash ends the escape: the quote after it closes. */
  g_assert_cmpuint (scan ("[\"\\\\\",[\"]]]]\"]]"), ==, 2);
  /* Unbalanced closers never go below zero. */
  g_assert_cmpuint (scan ("]]]]{[]}"), ==, 2);

  /* Stops counting past the limit. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  g_assert_cmpuint (pdw_webhook_scan_json (deep->str, deep->len, 64, NULL), ==, 65);
  g_assert_cmpuint (pdw_webhook_scan_json (deep->str, 10, 64, NULL), ==, 10);
}

static void
check_rewrite (const char *text,
               const char *expected)
{
  g_autofree char *rewritten = NULL;

  pdw_webhook_scan_json (text, strlen (text), 64, &rewritten);
  if (expected == NULL)
    g_assert_null (rewritten);
  else
    {
      g_assert_nonnull (rewritten);
      g_assert_cmpmem (rewritten, strlen (text), expected, strlen (expected));
    }
}

static void
test_scan_escapes (void)
{
  check_rewrite ("{\"a\":\"plain \\u00e9 \\n\"}", NULL);
  check_rewrite ("{\"a\":\"b\\u0000c\"}", "{\"a\":\"b\\ufffdc\"}");
  check_rewrite ("{\"a\":\"\\ud800x\"}", "{\"a\":\"\\ufffdx\"}");
  check_rewrite ("{\"a\":\"\\uDC00\\ud83d\\ude00\"}", "{\"a\":\"\\ufffd\\ud83d\\ude00\"}");
  check_rewrite ("{\"a\":\"\\ud83d\\ud83d\\ude00\"}", "{\"a\":\"\\ufffd\\ud83d\\ude00\"}");
  /* An escaped backslash followed by "u0000" is text, not an escape. */
  check_rewrite ("{\"a\":\"\\\\u0000\"}", NULL);
  /* Outside strings nothing is touched (it is not JSON anyway). */
  check_rewrite ("\\u0000", NULL);
}

static PdwInboundMessage *
parse_one_text (const char *json_text)
{
  g_autofree char *text = g_strdup_printf ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\","
                                           "\"value\":{\"contacts\":[{\"wa_id\":\"6281\",\"profile\":{\"name\":\"N\\ud800\"}}],"
                                           "\"messages\":[{\"id\":\"wamid.U\",\"from\":\"6281\",\"timestamp\":\"99\",\"type\":\"text\","
                                           "\"text\":{\"body\":\"%s\"}}]}}]}]}", json_text);
  g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pdw_webhook_parse (body, &messages, &statuses, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 1);
  return g_ptr_array_steal_index (messages, 0);
}

static void
test_text_is_what_was_sent (void)
{
  PdwInboundMessage *m;

  /* A NUL no longer cuts the text: it is U+FFFD and the rest is kept. */
  m = parse_one_text ("KK\\u0000 rusak, mohon bantu");
  g_assert_cmpstr (m->text, ==, "KK\xef\xbf\xbd rusak, mohon bantu");
  g_assert_cmpstr (m->profile_name, ==, "N\xef\xbf\xbd");
  pdw_inbound_message_free (m);

  m = parse_one_text ("a\\ud800b\\udfffc \\ud83d\\ude00");
  g_assert_true (g_utf8_validate (m->text, -1, NULL));
  g_assert_cmpstr (m->text, ==, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c \xf0\x9f\x98\x80");
  pdw_inbound_message_free (m);
}

static void
test_too_deep (void)
{
  g_autoptr(GBytes) deep = pdw_test_nested_webhook (100000);
  g_autoptr(GBytes) allowed = pdw_test_nested_webhook (PDW_WEBHOOK_MAX_DEPTH - 1);
  g_autofree char *deep_text = g_strndup (g_bytes_get_data (deep, NULL), g_bytes_get_size (deep));
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;

  check_rejected (deep_text, PDW_WEBHOOK_ERROR_TOO_DEEP);
  /* At the limit (the outer object is one level) it is still parsed. */
  g_assert_true (pdw_webhook_parse (allowed, &messages, &statuses, &error));
  g_assert_no_error (error);
}

static void
test_parse_error_hides_token (void)
{
  const char *text = "{\"object\":\"whatsapp_business_account\",\"nik\":tru1471021234560001}";
  g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (pdw_webhook_parse (body, &messages, &statuses, &error));
  g_assert_error (error, PDW_WEBHOOK_ERROR, PDW_WEBHOOK_ERROR_INVALID_JSON);
  g_assert_null (strstr (error->message, "1471021234560001"));
  g_assert_nonnull (strstr (error->message, "line 1, column"));
}

static void
test_clamp_timestamps (void)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_status_update_free);
  const gint64 now = 1767225600;
  const gint64 times[] = { now - 3600, now + 3600, now + 86400, now + 86401, 4102444800, 0 };
  const gint64 expected[] = { now - 3600, now + 3600, now + 86400, now, now, now };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      PdwInboundMessage *m = pdw_inbound_message_new ();
      PdwStatusUpdate *s = pdw_status_update_new ();

      m->timestamp = s->timestamp = times[i];
      g_ptr_array_add (messages, m);
      g_ptr_array_add (statuses, s);
    }

  g_assert_cmpuint (pdw_webhook_clamp_timestamps (messages, statuses, now), ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_assert_cmpint (((PdwInboundMessage *) messages->pdata[i])->timestamp, ==, expected[i]);
      g_assert_cmpint (((PdwStatusUpdate *) statuses->pdata[i])->timestamp, ==, expected[i]);
    }
}

/* Found by fuzz-webhook: a number past the integer range ("1e999" is
 * infinity) was converted to an integer, which is undefined behaviour.
 * Such a timestamp reads as missing and is later clamped to the arrival. */
static void
test_out_of_range_numbers (void)
{
  const char *stamps[] = { "1e999", "-1e999", "1e300", "9.3e18", "1767225600.5" };
  const gint64 expected[] = { 0, 0, 0, 0, 1767225600 };

  for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
        "\"value\":{\"messaging_product\":\"whatsapp\",\"messages\":[{\"from\":\"6280000000001\","
        "\"id\":\"wamid.RANGE%u\",\"timestamp\":%s,\"type\":\"text\",\"text\":{\"body\":\"halo\"}}]}}]}]}",
        i, stamps[i]);
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
      g_autoptr(GPtrArray) messages = NULL;
      g_autoptr(GPtrArray) statuses = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (pdw_webhook_parse (body, &messages, &statuses, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (messages->len, ==, 1);
      g_assert_cmpint (((PdwInboundMessage *) messages->pdata[0])->timestamp, ==, expected[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gateway/webhook-parser/f1-text", test_f1_text);
  g_test_add_func ("/gateway/webhook-parser/f2-image", test_f2_image);
  g_test_add_func ("/gateway/webhook-parser/f3-document", test_f3_document);
  g_test_add_func ("/gateway/webhook-parser/f4-delivered", test_f4_delivered);
  g_test_add_func ("/gateway/webhook-parser/f5-sent", test_f5_sent);
  g_test_add_func ("/gateway/webhook-parser/f6-failed", test_f6_failed);
  g_test_add_func ("/gateway/webhook-parser/f7-failed-131047", test_f7_failed_131047);
  g_test_add_func ("/gateway/webhook-parser/f8-bsuid-test-sample", test_f8_bsuid_test_sample);
  g_test_add_func ("/gateway/webhook-parser/bsuid-only", test_bsuid_only);
  g_test_add_func ("/gateway/webhook-parser/contacts", test_contacts_message);
  g_test_add_func ("/gateway/webhook-parser/broken-json", test_broken_json);
  g_test_add_func ("/gateway/webhook-parser/not-json-or-not-whatsapp", test_not_json_or_not_whatsapp);
  g_test_add_func ("/gateway/webhook-parser/batch-mixed", test_batch_mixed);
  g_test_add_func ("/gateway/webhook-parser/bad-items", test_bad_items_do_not_kill_batch);
  g_test_add_func ("/gateway/webhook-parser/scan-depth", test_scan_depth);
  g_test_add_func ("/gateway/webhook-parser/scan-escapes", test_scan_escapes);
  g_test_add_func ("/gateway/webhook-parser/too-deep", test_too_deep);
  g_test_add_func ("/gateway/webhook-parser/parse-error-hides-token", test_parse_error_hides_token);
  g_test_add_func ("/gateway/webhook-parser/text-is-what-was-sent", test_text_is_what_was_sent);
  g_test_add_func ("/gateway/webhook-parser/clamp-timestamps", test_clamp_timestamps);
  g_test_add_func ("/gateway/webhook-parser/out-of-range-numbers", test_out_of_range_numbers);

  return g_test_run ();
}
