/* test-json-export.c: the JSON export, read back with json-glib.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "export/pdw-json-export.h"

#include "test-store-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  PdwStore *store;
  gint64    complaint_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conversations = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  PdwInboundMessage *photo;
  PdwStatusUpdate *failed;
  PdwComplaintFields fields = {
    .citizen_name = "Siti Contoh", .nik = "1471010101900001", .kk = "1471020202200002",
    .phone = "6280000000001", .complaint_type = "nik_tidak_aktif", .institution = "Bank Contoh",
  };
  PdwActor actor = { .name = "Petugas Contoh", .nip = "199001012020121001" };
  gint64 conversation_id, reply;

  f->path = test_make_db_path (&f->dir);
  f->store = pdw_store_open (f->path, &error);
  g_assert_no_error (error);

  photo = test_inbound ("wamid.J2", "6280000000001", "Siti Contoh", 1795249000, NULL);
  g_free (photo->type);
  photo->type = g_strdup ("image");
  photo->media_id = g_strdup ("1003383421387256");
  photo->media_mime_type = g_strdup ("image/jpeg");
  photo->media_sha256 = g_strdup ("SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=");

  test_ingest (f->store,
               test_messages (test_inbound ("wamid.J1", "6280000000001", "Siti Contoh", 1795248900,
                                            "NIK saya tidak aktif di bank"),
                              photo, NULL),
               NULL);
  conversations = pdw_store_list_conversations (f->store, &error);
  conversation_id = pdw_conversation_get_id (g_ptr_array_index (conversations, 0));

  reply = pdw_store_queue_outgoing_text (f->store, conversation_id, "Data akan aktif maksimal 2x24 jam",
                                         "Petugas Contoh", &error);
  g_assert_no_error (error);
  g_assert_true (pdw_store_mark_outgoing_accepted (f->store, reply, "wamid.J3", &error));
  failed = test_status ("wamid.J3", PDW_DELIVERY_FAILED, 1795249100);
  failed->error_code = 131047;
  failed->error_title = g_strdup ("Re-engagement message");
  test_ingest (f->store, NULL, test_statuses (failed, NULL));

  complaint = pdw_store_register_complaint_at (f->store, conversation_id, &fields, &actor, 1795248900, &error);
  g_assert_no_error (error);
  f->complaint_id = pdw_complaint_get_id (complaint);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  pdw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static JsonNode *
export_and_parse (PdwStore           *store,
                  PdwJsonExportFlags  flags,
                  char              **text_out)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  if (flags == PDW_JSON_EXPORT_NONE)
    ok = pdw_json_export_write (store, out, &error);
  else
    ok = pdw_json_export_write_full (store, out, flags, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  if (text_out)
    *text_out = g_steal_pointer (&text);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
find_by (JsonArray  *array,
         const char *member,
         const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, member, NULL), value) == 0)
        return object;
    }

  g_assert_not_reached ();
  return NULL;
}

static void
test_export_fields (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  JsonObject *doc, *message, *media, *complaint, *event, *contact;
  JsonArray *messages;

  root = export_and_parse (f->store, PDW_JSON_EXPORT_NONE, &text);
  doc = json_node_get_object (root);

  g_assert_cmpstr (json_object_get_string_member (doc, "format"), ==, "pandawa-export");
  g_assert_cmpint (json_object_get_int_member (doc, "version"), ==, 1);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (doc, "exported_at"), "Z"));
  g_assert_true (json_object_get_boolean_member (doc, "identity_masked"));

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (doc, "contacts")), ==, 1);
  contact = json_array_get_object_element (json_object_get_array_member (doc, "contacts"), 0);
  g_assert_cmpstr (json_object_get_string_member (contact, "wa_id"), ==, "6280000000001");
  g_assert_cmpstr (json_object_get_string_member (contact, "profile_name"), ==, "Siti Contoh");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (doc, "conversations")), ==, 1);

  messages = json_object_get_array_member (doc, "messages");
  g_assert_cmpuint (json_array_get_length (messages), ==, 3);

  message = find_by (messages, "wamid", "wamid.J1");
  g_assert_cmpstr (json_object_get_string_member (message, "wa_id"), ==, "6280000000001");
  g_assert_cmpstr (json_object_get_string_member (message, "direction"), ==, "in");
  g_assert_cmpstr (json_object_get_string_member (message, "type"), ==, "text");
  g_assert_cmpstr (json_object_get_string_member (message, "text"), ==, "NIK saya tidak aktif di bank");
  g_assert_cmpstr (json_object_get_string_member (message, "timestamp"), ==, "2026-11-21T08:15:00Z");
  g_assert_true (json_object_get_null_member (message, "status"));
  g_assert_true (json_object_get_null_member (message, "media"));
  g_assert_true (json_object_has_member (message, "conversation_id"));

  message = find_by (messages, "wamid", "wamid.J2");
  media = json_object_get_object_member (message, "media");
  /* A media id of 16 digits is masked like any 16-digit run. */
  g_assert_cmpstr (json_object_get_string_member (media, "id"), ==, "1003********7256");
  g_assert_cmpstr (json_object_get_string_member (media, "mime_type"), ==, "image/jpeg");
  g_assert_cmpstr (json_object_get_string_member (media, "sha256"), ==, "SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=");

  message = find_by (messages, "wamid", "wamid.J3");
  g_assert_cmpstr (json_object_get_string_member (message, "direction"), ==, "out");
  g_assert_cmpstr (json_object_get_string_member (message, "status"), ==, "failed");
  g_assert_cmpint (json_object_get_int_member (message, "error_code"), ==, 131047);
  g_assert_cmpstr (json_object_get_string_member (message, "error_title"), ==, "Re-engagement message");
  g_assert_cmpstr (json_object_get_string_member (message, "wa_id"), ==, "6280000000001");

  complaint = json_array_get_object_element (json_object_get_array_member (doc, "complaints"), 0);
  g_assert_cmpstr (json_object_get_string_member (complaint, "ticket"), ==, "PDW-2026-11-00001");
  g_assert_cmpstr (json_object_get_string_member (complaint, "status"), ==, "terdaftar");
  g_assert_cmpstr (json_object_get_string_member (complaint, "citizen_name"), ==, "Siti Contoh");
  g_assert_cmpstr (json_object_get_string_member (complaint, "created_at"), ==, "2026-11-21T08:15:00Z");
  g_assert_true (json_object_get_null_member (complaint, "due_at"));

  /* Masked by default, and the full numbers appear nowhere in the file. */
  g_assert_cmpstr (json_object_get_string_member (complaint, "nik"), ==, "1471********0001");
  g_assert_cmpstr (json_object_get_string_member (complaint, "kk"), ==, "1471********0002");
  g_assert_null (strstr (text, "1471010101900001"));
  g_assert_null (strstr (text, "1471020202200002"));

  event = json_array_get_object_element (json_object_get_array_member (doc, "complaint_events"), 0);
  g_assert_cmpint (json_object_get_int_member (event, "complaint_id"), ==, f->complaint_id);
  g_assert_cmpstr (json_object_get_string_member (event, "action"), ==, "register");
  g_assert_cmpstr (json_object_get_string_member (event, "from_status"), ==, "baru");
  g_assert_cmpstr (json_object_get_string_member (event, "to_status"), ==, "terdaftar");
  g_assert_cmpstr (json_object_get_string_member (event, "actor_nip"), ==, "199001012020121001");
}

static void
test_export_unmasked (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) root = export_and_parse (f->store, PDW_JSON_EXPORT_UNMASKED, NULL);
  JsonObject *doc = json_node_get_object (root);
  JsonObject *complaint = json_array_get_object_element (json_object_get_array_member (doc, "complaints"), 0);

  g_assert_false (json_object_get_boolean_member (doc, "identity_masked"));
  g_assert_cmpstr (json_object_get_string_member (complaint, "nik"), ==, "1471010101900001");
  g_assert_cmpstr (json_object_get_string_member (complaint, "kk"), ==, "1471020202200002");
}

/* Messages shaped like the generator's (src/demo/pdw-synthetic.c): the
 * numbers typed plain, spaced, between hashes, on their own lines, in a
 * caption, a profile name, an officer's reply and a control-card note. */
static void
test_export_masks_numbers_in_text (Fixture       *f,
                                   gconstpointer  data)
{
  static const char * const texts[] = {
    "Selamat pagi kak.\nNama: Budi Contoh\nNIK: 1471051203950003\nNo KK: 1471051203950004\nnik sy tdk aktif di BPJS",
    "kak sy mau urus data yg gak sinkron di bank. NIK 1471 0512 0395 0005",
    "#1471051203950006#Budi#1471051203950007#nik tdk aktif di Dukcapil",
    "1471051203950008\n1471051203950009\nBudi",
    "nik:1471.0512.0395.0010 tolong dicek ya kak",
    "nik 1471-0512-0395-0011 kk 1471051203950012",
    "dua nomor 1471051203950013 1471051203950014 sekaligus",
  };
  GPtrArray *messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  g_autoptr(GPtrArray) conversations = NULL;
  g_autoptr(GRegex) runs = g_regex_new ("[0-9]+([ .-][0-9]+)*", 0, 0, NULL);
  g_autoptr(GRegex) sixteen = g_regex_new ("[0-9]([ .-]?[0-9]){15}", 0, 0, NULL);
  guint n_runs = 0;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(PdwComplaint) noted = NULL;
  g_autofree char *text = NULL;
  g_autofree char *unmasked = NULL;
  PdwActor actor = { .name = "Petugas 1471051203950015", .nip = "199001012020121001" };
  PdwInboundMessage *caption;
  gint64 reply;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *wamid = g_strdup_printf ("wamid.N%u", i);

      g_ptr_array_add (messages, test_inbound (wamid, "6280000000002", "Siti 1471051203950016",
                                               1795249200 + i, texts[i]));
    }
  caption = test_inbound ("wamid.NC", "6280000000001", "Siti Contoh", 1795249300, "foto KK 1471051203950017");
  g_free (caption->type);
  caption->type = g_strdup ("image");
  caption->media_id = g_strdup ("1003383421387257");
  g_ptr_array_add (messages, caption);
  test_ingest (f->store, messages, NULL);

  conversations = pdw_store_list_conversations (f->store, &error);
  g_assert_no_error (error);
  reply = pdw_store_queue_outgoing_text (f->store, pdw_conversation_get_id (g_ptr_array_index (conversations, 0)), "NIK 1471051203950018 sudah kami cek", "Petugas Contoh", &error);
  g_assert_no_error (error);
  g_assert_cmpint (reply, >, 0);
  noted = pdw_store_apply_action (f->store, f->complaint_id, "add_note", "warga kirim NIK 1471 0512 0395 0019",
                                  NULL, &actor, &error);
  g_assert_no_error (error);

  root = export_and_parse (f->store, PDW_JSON_EXPORT_NONE, &text);
  /* Every run of digits (with the separators people type): the only one
   * of 16 digits or more left is the officers' NIP. */
  g_assert_true (g_regex_match (runs, text, 0, &match));
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *run = g_match_info_fetch (match, 0);
      guint n_digits = 0;

      for (const char *p = run; *p != '\0'; p++)
        n_digits += g_ascii_isdigit (*p) ? 1 : 0;
      if (n_digits >= 16)
        g_assert_cmpstr (run, ==, "199001012020121001");
      n_runs++;
    }
  g_assert_cmpuint (n_runs, >, 20);
  g_assert_nonnull (strstr (text, "NIK 1471********0005"));
  g_assert_nonnull (strstr (text, "#1471********0006#Budi#1471********0007#"));
  g_assert_nonnull (strstr (text, "Siti 1471********0016"));
  g_assert_nonnull (strstr (text, "foto KK 1471********0017"));
  g_assert_nonnull (strstr (text, "warga kirim NIK 1471********0019"));
  g_assert_nonnull (strstr (text, "dua nomor **************** **************** sekaligus"));
  g_assert_nonnull (strstr (text, "1471********0015"));

  /* The unmasked export keeps what was typed: the check above can fail. */
  g_clear_pointer (&root, json_node_unref);
  root = export_and_parse (f->store, PDW_JSON_EXPORT_UNMASKED, &unmasked);
  g_assert_true (g_regex_match (sixteen, unmasked, 0, NULL));
  g_assert_nonnull (strstr (unmasked, "NIK 1471 0512 0395 0005"));
}

static void
test_export_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "export.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GStatBuf st;

  g_assert_true (pdw_json_export_to_file (f->store, out, PDW_JSON_EXPORT_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  json_parser_load_from_file (parser, out, &error);
  g_assert_no_error (error);

  g_assert_false (pdw_json_export_to_file (f->store, "/nonexistent-dir/x/export.json",
                                           PDW_JSON_EXPORT_NONE, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export/json/fields", Fixture, NULL, fixture_setup, test_export_fields, fixture_teardown);
  g_test_add ("/export/json/unmasked", Fixture, NULL, fixture_setup, test_export_unmasked, fixture_teardown);
  g_test_add ("/export/json/masks-numbers-in-text", Fixture, NULL, fixture_setup,
              test_export_masks_numbers_in_text, fixture_teardown);
  g_test_add ("/export/json/file", Fixture, NULL, fixture_setup, test_export_file, fixture_teardown);

  return g_test_run ();
}
