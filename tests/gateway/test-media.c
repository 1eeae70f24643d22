/* test-media.c: citizens' media fetched by the gateway (media id -> URL ->
 * bytes, against the fake Graph API on loopback with a real libsoup
 * client), checked against the webhook's sha256, kept 0600, retried with
 * backoff, expired after 7 days; officers' attachments uploaded and sent.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "gateway/pdw-gateway-service.h"
#include "gateway/pdw-media-fetcher.h"
#include "store/pdw-store-media.h"
#include "pdw-test-gateway.h"
#include "pdw-test-util.h"

#define MEDIA_ID "1003383421387256"

typedef struct
{
  PdwTestGateway gw;
  GBytes        *photo;
  guint          n_finished;
  gint64         last_id;
  int            last_state;
} Fixture;

static void
finished_cb (PdwMediaFetcher *fetcher,
             gint64           message_id,
             int              state,
             Fixture         *f)
{
  f->n_finished++;
  f->last_id = message_id;
  f->last_state = state;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GString *photo = g_string_new ("\x89PNG synthetic test bytes ");

  /* Big enough for several reads of the splice. */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (photo, "%u,", i);
  f->photo = g_string_free_to_bytes (photo);

  pdw_test_gateway_set_up (&f->gw, "pandawa-media-XXXXXX");
  g_signal_connect (pdw_gateway_service_get_media_fetcher (f->gw.service), "fetch-finished",
                    G_CALLBACK (finished_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pdw_test_gateway_tear_down (&f->gw);
  g_bytes_unref (f->photo);
}

/* A citizen's image (F2 shape) with @sha256 as the webhook carries it. */
static void
post_image (Fixture    *f,
            const char *wamid,
            gint64      timestamp,
            const char *sha256)
{
  g_autofree char *json =
    g_strdup_printf ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                     "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"628000000000\","
                     "\"phone_number_id\":\"" PDW_TEST_PHONE_ID "\"},"
                     "\"contacts\":[{\"profile\":{\"name\":\"Warga Uji\"},\"wa_id\":\"6280000009001\"}],"
                     "\"messages\":[{\"from\":\"6280000009001\",\"id\":\"%s\",\"timestamp\":\"%" G_GINT64_FORMAT "\","
                     "\"type\":\"image\",\"image\":{\"caption\":\"foto KK\",\"mime_type\":\"image/png\","
                     "\"sha256\":\"%s\",\"id\":\"" MEDIA_ID "\"}}]}}]}]}",
                     wamid, timestamp, sha256);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

  g_assert_cmpuint (pdw_test_webhook_post_signed (f->gw.webhook, body), ==, 200);
}

static PdwMessage *
dup_only_message (Fixture *f)
{
  g_autoptr(GPtrArray) conversations = pdw_store_list_conversations (f->gw.store, NULL);
  g_autoptr(GPtrArray) messages = NULL;

  g_assert_cmpuint (conversations->len, ==, 1);
  messages = pdw_store_list_messages (f->gw.store,
                                      pdw_conversation_get_id (g_ptr_array_index (conversations, 0)), NULL);
  g_assert_cmpuint (messages->len, >=, 1);
  return g_object_ref (g_ptr_array_index (messages, 0));
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static char *
dup_media_dir (Fixture *f)
{
  return g_strdup (pdw_media_fetcher_get_media_dir (pdw_gateway_service_get_media_fetcher (f->gw.service)));
}

/* ---- Fetch ------------------------------------------------------------- */

static void
test_fetch_match (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *sha256 = pdw_fake_graph_dup_sha256 (f->photo);
  g_autofree char *dir = dup_media_dir (f);
  g_autofree char *expected_dir = g_build_filename (f->gw.dir, "test.db-media", NULL);
  g_autoptr(PdwMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  g_assert_cmpstr (dir, ==, expected_dir);
  pdw_fake_graph_add_media (f->gw.graph, MEDIA_ID, f->photo, "image/png");
  post_image (f, "wamid.MEDIA_MATCH", now_seconds (), sha256);
  SPIN_UNTIL (f->n_finished == 1);

  g_assert_cmpint (f->last_state, ==, PDW_MEDIA_READY);
  message = dup_only_message (f);
  g_assert_cmpint (pdw_message_get_media_state (message), ==, PDW_MEDIA_READY);
  g_assert_cmpint (pdw_message_get_media_size (message), ==, g_bytes_get_size (f->photo));
  g_assert_cmpint (pdw_message_get_media_attempts (message), ==, 1);
  g_assert_null (pdw_message_get_media_error (message));
  g_assert_true (g_str_has_prefix (pdw_message_get_media_path (message), dir));
  g_assert_true (g_str_has_suffix (pdw_message_get_media_path (message), ".png"));

  g_file_get_contents (pdw_message_get_media_path (message), &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (f->photo, NULL), g_bytes_get_size (f->photo));

  g_assert_cmpint (g_stat (pdw_message_get_media_path (message), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  /* No partial download left behind. */
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_assert_cmpuint (f->gw.graph->n_lookups, ==, 1);
  g_assert_cmpuint (f->gw.graph->n_downloads, ==, 1);
}

static void
test_fetch_mismatch (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) other = g_bytes_new_static ("not the photo", 13);
  g_autofree char *wrong = pdw_fake_graph_dup_sha256 (other);
  g_autofree char *dir = dup_media_dir (f);
  g_autoptr(PdwMessage) message = NULL;
  g_autoptr(GPtrArray) failed = NULL;
  g_autoptr(GError) error = NULL;

  pdw_fake_graph_add_media (f->gw.graph, MEDIA_ID, f->photo, "image/png");
  post_image (f, "wamid.MEDIA_MISMATCH", now_seconds (), wrong);
  SPIN_UNTIL (f->n_finished == 1);

  g_assert_cmpint (f->last_state, ==, PDW_MEDIA_CORRUPT);
  message = dup_only_message (f);
  g_assert_cmpint (pdw_message_get_media_state (message), ==, PDW_MEDIA_CORRUPT);
  g_assert_null (pdw_message_get_media_path (message));
  g_assert_nonnull (pdw_message_get_media_error (message));
  g_assert_cmpuint (count_files (dir), ==, 0);

  /* Not lost silently: listed for the officer, and it can be fetched
   * again once WhatsApp serves the right bytes. */
  failed = pdw_store_list_failed_media (f->gw.store, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (failed->len, ==, 1);

  g_clear_object (&message);
  message = dup_only_message (f);
  /* The photo was corrupted on the way: this time the sha matches. */
  pdw_fake_graph_add_media (f->gw.graph, MEDIA_ID, other, "image/png");
  g_assert_true (pdw_gateway_service_retry_media (f->gw.service, pdw_message_get_id (message), &error));
  g_assert_no_error (error);
  SPIN_UNTIL (f->n_finished == 2);
  g_assert_cmpint (f->last_state, ==, PDW_MEDIA_READY);
  g_assert_cmpuint (count_files (dir), ==, 1);
}

static void
test_fetch_corrupt_bytes (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *sha256 = pdw_fake_graph_dup_sha256 (f->photo);
  PdwFakeMedia *media = pdw_fake_graph_add_media (f->gw.graph, MEDIA_ID, f->photo, "image/png");

  /* The Graph's own answer carries the right sha; the bytes do not match. */
  media->corrupt = TRUE;
  post_image (f, "wamid.MEDIA_CORRUPT", now_seconds (), sha256);
  SPIN_UNTIL (f->n_finished == 1);
  g_assert_cmpint (f->last_state, ==, PDW_MEDIA_CORRUPT);
}

static void
test_fetch_retry (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *sha256 = pdw_fake_graph_dup_sha256 (f->photo);
  PdwFakeMedia *media = pdw_fake_graph_add_media (f->gw.graph, MEDIA_ID, f->photo, "image/png");
  g_autoptr(PdwMessage) message = NULL;
  g_autoptr(GPtrArray) failed = NULL;
  gint64 first_failure;

  /* First the media id lookup fails, then the download: each attempt asks
   * for a fresh URL (Meta's live 5 minutes). */
  media->fail_lookups = 1;
  media->fail_downloads = 1;
  post_image (f, "wamid.MEDIA_RETRY", now_seconds (), sha256);
  SPIN_UNTIL (f->n_finished == 1);
  first_failure = now_seconds ();

  g_assert_cmpint (f->last_state, ==, PDW_MEDIA_PENDING);
  message = dup_only_message (f);
  g_assert_cmpint (pdw_message_get_media_state (message), ==, PDW_MEDIA_PENDING);
  g_assert_cmpint (pdw_message_get_media_attempts (message), ==, 1);
  g_assert_nonnull (pdw_message_get_media_error (message));
  failed = pdw_store_list_failed_media (f->gw.store, 0, 10, NULL);
  g_assert_cmpuint (failed->len, ==, 1);

  /* Retried by itself after 1 s, then 4 s. */
  SPIN_UNTIL (f->n_finished == 2);
  g_assert_cmpint (f->last_state, ==, PDW_MEDIA_PENDING);
  g_assert_cmpuint (f->gw.graph->n_lookups, ==, 1);
  SPIN_UNTIL (f->n_finished == 3);
  g_assert_cmpint (now_seconds () - first_failure, >=, 4);
  g_assert_cmpint (f->last_state, ==, PDW_MEDIA_READY);
  g_assert_cmpuint (f->gw.graph->n_lookups, ==, 2);
  g_assert_cmpuint (f->gw.graph->n_downloads, ==, 1);
  g_assert_cmpuint (f->gw.graph->n_stale, ==, 0);

  g_clear_object (&message);
  message = dup_only_message (f);
  g_assert_cmpint (pdw_message_get_media_attempts (message), ==, 3);
  g_assert_null (pdw_message_get_media_error (message));
}

static void
test_backoff (void)
{
  g_assert_cmpuint (pdw_media_fetcher_backoff_seconds (1), ==, 1);
  g_assert_cmpuint (pdw_media_fetcher_backoff_seconds (2), ==, 4);
  g_assert_cmpuint (pdw_media_fetcher_backoff_seconds (3), ==, 16);
  g_assert_cmpuint (pdw_media_fetcher_backoff_seconds (6), ==, 900);
  g_assert_cmpuint (pdw_media_fetcher_backoff_seconds (40), ==, 900);
}

static void
test_sha256_forms (void)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *base64 = NULL;
  guint8 digest[32];
  gsize len = sizeof digest;

  g_checksum_update (checksum, (const guchar *) "abc", 3);
  g_checksum_get_digest (checksum, digest, &len);
  base64 = g_base64_encode (digest, len);

  g_assert_true (pdw_media_sha256_matches (base64, digest, len));
  g_assert_true (pdw_media_sha256_matches ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", digest, len));
  g_assert_false (pdw_media_sha256_matches ("ca7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", digest, len));
  g_assert_false (pdw_media_sha256_matches ("c2ltdWxhc2kta2stZm90by1zaW50ZXRpcy0wMDAx", digest, len));
  g_assert_false (pdw_media_sha256_matches (NULL, digest, len));
}

static void
test_expired (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *sha256 = pdw_fake_graph_dup_sha256 (f->photo);
  g_autoptr(PdwMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  pdw_fake_graph_add_media (f->gw.graph, MEDIA_ID, f->photo, "image/png");
  /* Sent 8 days ago (Meta's retries of an old delivery): the id is gone. */
  post_image (f, "wamid.MEDIA_OLD", now_seconds () - 8 * 24 * 3600, sha256);
  pdw_test_drain_main_context ();
  /* Never fetched, even before the once-a-minute expiry runs. */
  message = dup_only_message (f);
  g_assert_cmpint (pdw_message_get_media_state (message), ==, PDW_MEDIA_PENDING);
  g_assert_cmpuint (f->gw.graph->n_lookups, ==, 0);

  pdw_media_fetcher_pump (pdw_gateway_service_get_media_fetcher (f->gw.service));
  g_clear_object (&message);
  message = dup_only_message (f);
  g_assert_cmpint (pdw_message_get_media_state (message), ==, PDW_MEDIA_EXPIRED);

  g_assert_cmpuint (f->gw.graph->n_lookups, ==, 0);
  g_assert_cmpuint (f->n_finished, ==, 0);
  g_assert_false (pdw_gateway_service_retry_media (f->gw.service, pdw_message_get_id (message), &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
}

/* ---- Attachments ---------------------------------------------------------- */

static void
test_send_attachment (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PdwMessage) citizen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->gw.dir, "surat.pdf", NULL);
  g_autoptr(GBytes) text = pdw_test_text_webhook_new ("6280000009001", "Warga Uji", "wamid.ATTACH_1",
                                                      now_seconds (), "minta surat");
  const char *pdf = "%PDF-1.4 synthetic";
  PdwFakeUpload *upload;
  JsonObject *request;
  JsonObject *document;
  gint64 id;

  g_assert_cmpuint (pdw_test_webhook_post_signed (f->gw.webhook, text), ==, 200);
  citizen = dup_only_message (f);
  g_file_set_contents (path, pdf, -1, &error);
  g_assert_no_error (error);

  id = pdw_gateway_service_send_media (f->gw.service, pdw_message_get_conversation_id (citizen),
                                       "document", path, "application/pdf", "surat-balasan.pdf",
                                       (gint64) strlen (pdf), "ini suratnya", "Petugas Uji", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  SPIN_UNTIL (pdw_test_message_status (f->gw.store, id) == PDW_DELIVERY_ACCEPTED);

  g_assert_cmpuint (f->gw.graph->uploads->len, ==, 1);
  upload = g_ptr_array_index (f->gw.graph->uploads, 0);
  g_assert_cmpstr (upload->authorization, ==, "Bearer " PDW_TEST_ACCESS_TOKEN);
  g_assert_cmpstr (upload->messaging_product, ==, "whatsapp");
  g_assert_cmpstr (upload->mime_type, ==, "application/pdf");
  g_assert_cmpstr (upload->file_mime_type, ==, "application/pdf");
  g_assert_cmpmem (g_bytes_get_data (upload->bytes, NULL), g_bytes_get_size (upload->bytes), pdf, strlen (pdf));

  g_assert_cmpuint (f->gw.graph->requests->len, ==, 1);
  request = pdw_fake_graph_get_request (f->gw.graph, 0);
  g_assert_cmpstr (json_object_get_string_member (request, "type"), ==, "document");
  document = json_object_get_object_member (request, "document");
  g_assert_cmpstr (json_object_get_string_member (document, "id"), ==, "700000000000001");
  g_assert_cmpstr (json_object_get_string_member (document, "caption"), ==, "ini suratnya");
  g_assert_cmpstr (json_object_get_string_member (document, "filename"), ==, "surat-balasan.pdf");
}

static void
test_send_attachment_image_retry (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(PdwMessage) citizen = NULL;
  g_autoptr(PdwMessage) sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->gw.dir, "foto.png", NULL);
  g_autoptr(GBytes) text = pdw_test_text_webhook_new ("6280000009001", "Warga Uji", "wamid.ATTACH_2",
                                                      now_seconds (), "kirim contoh");
  JsonObject *request;
  gint64 id;

  g_assert_cmpuint (pdw_test_webhook_post_signed (f->gw.webhook, text), ==, 200);
  citizen = dup_only_message (f);
  g_file_set_contents (path, g_bytes_get_data (f->photo, NULL), g_bytes_get_size (f->photo), &error);
  g_assert_no_error (error);

  /* The send after the upload fails once (rate limit): retried, and sent once. */
  pdw_fake_graph_push_error (f->gw.graph, "{\"error\":{\"message\":\"rate\",\"code\":130429}}");
  id = pdw_gateway_service_send_media (f->gw.service, pdw_message_get_conversation_id (citizen),
                                       "image", path, "image/png", NULL,
                                       (gint64) g_bytes_get_size (f->photo), NULL, "Petugas Uji", &error);
  g_assert_no_error (error);
  SPIN_UNTIL (pdw_test_message_status (f->gw.store, id) == PDW_DELIVERY_ACCEPTED);

  g_assert_cmpuint (f->gw.graph->requests->len, ==, 2);
  request = pdw_fake_graph_get_request (f->gw.graph, 1);
  g_assert_cmpstr (json_object_get_string_member (request, "type"), ==, "image");
  g_assert_false (json_object_has_member (json_object_get_object_member (request, "image"), "caption"));
  g_assert_cmpuint (g_bytes_get_size (((PdwFakeUpload *) g_ptr_array_index (f->gw.graph->uploads, 1))->bytes),
                    ==, g_bytes_get_size (f->photo));

  sent = pdw_test_dup_message (f->gw.store, id);
  g_assert_cmpstr (pdw_message_get_message_type (sent), ==, "image");
  g_assert_cmpint (pdw_message_get_media_state (sent), ==, PDW_MEDIA_READY);
  g_assert_cmpstr (pdw_message_get_media_path (sent), ==, path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/media/backoff", test_backoff);
  g_test_add_func ("/media/sha256-forms", test_sha256_forms);
  g_test_add ("/media/fetch/match", Fixture, NULL, fixture_set_up, test_fetch_match, fixture_tear_down);
  g_test_add ("/media/fetch/mismatch", Fixture, NULL, fixture_set_up, test_fetch_mismatch, fixture_tear_down);
  g_test_add ("/media/fetch/corrupt-bytes", Fixture, NULL, fixture_set_up, test_fetch_corrupt_bytes, fixture_tear_down);
  g_test_add ("/media/fetch/retry", Fixture, NULL, fixture_set_up, test_fetch_retry, fixture_tear_down);
  g_test_add ("/media/fetch/expired", Fixture, NULL, fixture_set_up, test_expired, fixture_tear_down);
  g_test_add ("/media/send/document", Fixture, NULL, fixture_set_up, test_send_attachment, fixture_tear_down);
  g_test_add ("/media/send/image-retry", Fixture, NULL, fixture_set_up, test_send_attachment_image_retry, fixture_tear_down);

  return g_test_run ();
}
