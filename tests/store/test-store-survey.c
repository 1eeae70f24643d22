/* test-store-survey.c: the satisfaction survey on the control card: the
 * closing message that asks, and the citizen's numeric answer.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "core/pdw-template.h"
#include "test-store-util.h"

/* Fri 2026-11-20 08:00 UTC = 15:00 WIB. */
#define FRIDAY_15_WIB  G_GINT64_CONSTANT (1795161600)
#define HOUR           3600

#define CITIZEN   "6280000000001"
#define RELATIVE  "6280000000002"
#define NIK_A     "1471010101900001"
#define CLOSING   "Data Bapak/Ibu sudah aktif.\n\nBagaimana penilaian Bapak/Ibu? Balas 1-4."

typedef struct
{
  char     *dir;
  char     *path;
  PdwStore *store;
  gint64    now;
  guint     wamid_seq;
  GArray   *complaints_changed;
} Fixture;

static const PdwActor officer = { "Petugas Contoh", "199001012020121001", "PC" };

static gint64
fixture_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now;
}

static void
complaint_changed_cb (PdwStore *store,
                      gint64    complaint_id,
                      Fixture  *f)
{
  g_array_append_val (f->complaints_changed, complaint_id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = test_make_db_path (&f->dir);
  f->store = pdw_store_open (f->path, &error);
  g_assert_no_error (error);
  f->now = FRIDAY_15_WIB;
  pdw_store_set_clock (f->store, fixture_clock, f);
  f->complaints_changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (f->store, "complaint-changed", G_CALLBACK (complaint_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->complaints_changed, g_array_unref);
  pdw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The citizen writes @text now; returns the conversation. */
static gint64
say (Fixture    *f,
     const char *wa_id,
     const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wamid = g_strdup_printf ("wamid.S%u", ++f->wamid_seq);
  gint64 conversation_id;

  test_ingest (f->store,
               test_messages (test_inbound (wamid, wa_id, "Warga Contoh", f->now, text), NULL),
               NULL);
  conversation_id = pdw_store_find_conversation_by_wa_id (f->store, wa_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (conversation_id, >, 0);
  return conversation_id;
}

static PdwComplaint *
apply (Fixture    *f,
       gint64      complaint_id,
       const char *action,
       const char *note)
{
  g_autoptr(GError) error = NULL;
  PdwComplaint *complaint = pdw_store_apply_action (f->store, complaint_id, action, note, NULL, &officer, &error);

  g_assert_no_error (error);
  g_assert_nonnull (complaint);
  return complaint;
}

static PdwComplaint *
dup_complaint (Fixture *f,
               gint64   complaint_id)
{
  g_autoptr(GError) error = NULL;
  PdwComplaint *complaint = pdw_store_dup_complaint (f->store, complaint_id, &error);

  g_assert_no_error (error);
  return complaint;
}

/* A registered complaint of @conversation_id, resolved an hour later. */
static gint64
resolved_complaint (Fixture *f,
                    gint64   conversation_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaint) resolved = NULL;
  PdwComplaintFields fields = {
    .citizen_name = "Warga Contoh", .nik = NIK_A, .phone = CITIZEN,
    .complaint_type = "nik_tidak_aktif", .institution = "bank",
  };

  complaint = pdw_store_register_complaint (f->store, conversation_id, &fields, &officer, &error);
  g_assert_no_error (error);
  f->now += HOUR;
  resolved = apply (f, pdw_complaint_get_id (complaint), "resolve", NULL);
  g_assert_cmpint (pdw_complaint_get_status (resolved), ==, PDW_COMPLAINT_SELESAI);
  return pdw_complaint_get_id (complaint);
}

static GPtrArray *
list_events (Fixture *f,
             gint64   complaint_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = pdw_store_list_complaint_events (f->store, complaint_id, &error);

  g_assert_no_error (error);
  return events;
}

static guint
count_events (Fixture *f,
              gint64   complaint_id)
{
  g_autoptr(GPtrArray) events = list_events (f, complaint_id);

  return events->len;
}

static PdwComplaintEvent *
last_event (Fixture *f,
            gint64   complaint_id)
{
  g_autoptr(GPtrArray) events = list_events (f, complaint_id);

  return g_object_ref (g_ptr_array_index (events, events->len - 1));
}

static gint64
count_rows (Fixture    *f,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static gint64
ask (Fixture  *f,
     gint64    conversation_id,
     gint64    complaint_id,
     gboolean *asked)
{
  g_autoptr(GError) error = NULL;
  gint64 message_id;

  message_id = pdw_store_queue_survey_question (f->store, conversation_id, complaint_id, CLOSING,
                                                &officer, asked, &error);
  g_assert_no_error (error);
  g_assert_cmpint (message_id, >, 0);
  return message_id;
}

static void
test_ask_records (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaintEvent) event = NULL;
  g_autoptr(GPtrArray) due = NULL;
  gint64 conversation_id = say (f, CITIZEN, "Halo min, NIK saya tidak aktif");
  gint64 complaint_id = resolved_complaint (f, conversation_id);
  gboolean asked = FALSE;
  gint64 message_id;

  f->now += 60;
  g_array_set_size (f->complaints_changed, 0);
  message_id = ask (f, conversation_id, complaint_id, &asked);
  g_assert_true (asked);

  /* The message is queued for the outbox, signed by the officer. */
  due = pdw_store_list_due_outgoing (f->store, f->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (pdw_message_get_id (g_ptr_array_index (due, 0)), ==, message_id);
  g_assert_cmpstr (pdw_message_get_text (g_ptr_array_index (due, 0)), ==, CLOSING);
  g_assert_cmpstr (pdw_message_get_officer_name (g_ptr_array_index (due, 0)), ==, "Petugas Contoh");

  /* The complaint knows when it asked, and the card says so. */
  complaint = dup_complaint (f, complaint_id);
  g_assert_cmpint (pdw_complaint_get_survey_asked_at (complaint), ==, f->now);
  g_assert_cmpint (pdw_complaint_get_survey_rating (complaint), ==, 0);
  g_assert_cmpint (pdw_complaint_get_status (complaint), ==, PDW_COMPLAINT_SELESAI);
  event = last_event (f, complaint_id);
  g_assert_cmpstr (pdw_complaint_event_get_action (event), ==, "survey_asked");
  g_assert_cmpstr (pdw_complaint_event_get_actor_name (event), ==, "Petugas Contoh");
  g_assert_cmpint (pdw_complaint_event_get_timestamp (event), ==, f->now);
  g_assert_cmpint (pdw_complaint_event_get_to_status (event), ==, PDW_COMPLAINT_SELESAI);
  g_assert_cmpuint (f->complaints_changed->len, ==, 1);
  g_assert_cmpint (g_array_index (f->complaints_changed, gint64, 0), ==, complaint_id);
}

/* A file that was reopened before the message went: the message goes, the
 * card claims nothing. */
static void
test_ask_open_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PdwComplaint) reopened = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaintEvent) event = NULL;
  gint64 conversation_id = say (f, CITIZEN, "Halo min");
  gint64 complaint_id = resolved_complaint (f, conversation_id);
  gboolean asked = TRUE;
  guint n_events;

  reopened = apply (f, complaint_id, "reopen", "warga lapor lagi");
  n_events = count_events (f, complaint_id);
  ask (f, conversation_id, complaint_id, &asked);

  g_assert_false (asked);
  complaint = dup_complaint (f, complaint_id);
  g_assert_cmpint (pdw_complaint_get_survey_asked_at (complaint), ==, 0);
  g_assert_cmpuint (count_events (f, complaint_id), ==, n_events);
  event = last_event (f, complaint_id);
  g_assert_cmpstr (pdw_complaint_event_get_action (event), ==, "reopen");
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM complaint_events WHERE action = 'survey_asked'"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM messages WHERE direction = 'out'"), ==, 1);
}

/* Without an officer's name the card cannot be signed: nothing is queued. */
static void
test_ask_needs_officer (Fixture       *f,
                        gconstpointer  data)
{
  static const PdwActor nobody = { NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  gint64 conversation_id = say (f, CITIZEN, "Halo min");
  gint64 complaint_id = resolved_complaint (f, conversation_id);
  gint64 message_id;

  message_id = pdw_store_queue_survey_question (f->store, conversation_id, complaint_id, CLOSING,
                                                &nobody, NULL, &error);
  g_assert_cmpint (message_id, ==, 0);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM messages WHERE direction = 'out'"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM complaints WHERE survey_asked_at IS NOT NULL"), ==, 0);
}

static void
test_rating_recorded (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaint) of_conversation = NULL;
  g_autoptr(PdwComplaintEvent) event = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  gint64 conversation_id = say (f, CITIZEN, "Halo min, NIK saya tidak aktif");
  gint64 complaint_id = resolved_complaint (f, conversation_id);
  gint64 asked_at, answered_at;

  ask (f, conversation_id, complaint_id, NULL);
  asked_at = f->now;
  f->now += 20 * HOUR;
  answered_at = f->now;
  g_array_set_size (f->complaints_changed, 0);
  g_assert_cmpint (say (f, CITIZEN, " 4 "), ==, conversation_id);

  /* The rating is on the file, which stays closed: no reopen, no new
   * complaint. */
  complaint = dup_complaint (f, complaint_id);
  g_assert_cmpint (pdw_complaint_get_survey_rating (complaint), ==, 4);
  g_assert_cmpint (pdw_complaint_get_survey_rated_at (complaint), ==, answered_at);
  g_assert_cmpint (pdw_complaint_get_survey_asked_at (complaint), ==, asked_at);
  g_assert_cmpint (pdw_complaint_get_status (complaint), ==, PDW_COMPLAINT_SELESAI);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM complaints"), ==, 1);
  of_conversation = pdw_store_dup_conversation_complaint (f->store, conversation_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_complaint_get_id (of_conversation), ==, complaint_id);

  event = last_event (f, complaint_id);
  g_assert_cmpstr (pdw_complaint_event_get_action (event), ==, "survey_rating");
  g_assert_cmpstr (pdw_complaint_event_get_note (event), ==, "4");
  g_assert_cmpstr (pdw_complaint_event_get_actor_name (event), ==, "PANDAWA");
  g_assert_cmpint (pdw_complaint_event_get_timestamp (event), ==, answered_at);
  g_assert_cmpint (pdw_complaint_event_get_from_status (event), ==, PDW_COMPLAINT_SELESAI);
  g_assert_cmpint (pdw_complaint_event_get_to_status (event), ==, PDW_COMPLAINT_SELESAI);
  g_assert_cmpuint (f->complaints_changed->len, ==, 1);

  /* The answer is kept in the conversation like any message. */
  messages = pdw_store_list_messages (f->store, conversation_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pdw_message_get_text (g_ptr_array_index (messages, messages->len - 1)), ==, " 4 ");

  /* A second number is an ordinary message: the first rating stays. */
  f->now += HOUR;
  say (f, CITIZEN, "1");
  g_clear_object (&complaint);
  complaint = dup_complaint (f, complaint_id);
  g_assert_cmpint (pdw_complaint_get_survey_rating (complaint), ==, 4);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM complaint_events WHERE action = 'survey_rating'"), ==, 1);
}

/* Words, or more than one number, are no rating. */
static void
test_not_a_rating (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  gint64 conversation_id = say (f, CITIZEN, "Halo min");
  gint64 complaint_id = resolved_complaint (f, conversation_id);

  ask (f, conversation_id, complaint_id, NULL);
  f->now += 60;
  say (f, CITIZEN, "4 tolong dicek lagi min");
  say (f, CITIZEN, "12");
  say (f, CITIZEN, "terima kasih min");

  complaint = dup_complaint (f, complaint_id);
  g_assert_cmpint (pdw_complaint_get_survey_rating (complaint), ==, 0);
  g_assert_cmpint (pdw_complaint_get_status (complaint), ==, PDW_COMPLAINT_SELESAI);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM complaint_events WHERE action = 'survey_rating'"), ==, 0);

  /* The question still waits: a number now is the answer. */
  say (f, CITIZEN, "3");
  g_clear_object (&complaint);
  complaint = dup_complaint (f, complaint_id);
  g_assert_cmpint (pdw_complaint_get_survey_rating (complaint), ==, 3);
}

/* After three days a number is an ordinary message, as before the survey:
 * the file stays as it is (no automatic reopen) and nothing is recorded. */
static void
test_after_window (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaintEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  gint64 conversation_id = say (f, CITIZEN, "Halo min");
  gint64 complaint_id = resolved_complaint (f, conversation_id);
  guint n_events;

  ask (f, conversation_id, complaint_id, NULL);
  n_events = count_events (f, complaint_id);
  f->now += 72 * HOUR + 1;
  say (f, CITIZEN, "4");
  g_assert_cmpuint (count_events (f, complaint_id), ==, n_events);

  complaint = dup_complaint (f, complaint_id);
  g_assert_cmpint (pdw_complaint_get_survey_rating (complaint), ==, 0);
  g_assert_cmpint (pdw_complaint_get_survey_rated_at (complaint), ==, 0);
  g_assert_cmpint (pdw_complaint_get_status (complaint), ==, PDW_COMPLAINT_SELESAI);
  event = last_event (f, complaint_id);
  g_assert_cmpstr (pdw_complaint_event_get_action (event), ==, "survey_asked");
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM complaint_events WHERE action = 'survey_rating'"), ==, 0);
  messages = pdw_store_list_messages (f->store, conversation_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pdw_message_get_text (g_ptr_array_index (messages, messages->len - 1)), ==, "4");
}

/* Never asked, or reopened since: a number is an ordinary message. */
static void
test_not_asked_or_reopened (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaint) reopened = NULL;
  gint64 conversation_id = say (f, CITIZEN, "Halo min");
  gint64 complaint_id = resolved_complaint (f, conversation_id);

  f->now += 60;
  say (f, CITIZEN, "4");
  complaint = dup_complaint (f, complaint_id);
  g_assert_cmpint (pdw_complaint_get_survey_rating (complaint), ==, 0);

  ask (f, conversation_id, complaint_id, NULL);
  reopened = apply (f, complaint_id, "reopen", "data belum aktif");
  f->now += 60;
  say (f, CITIZEN, "4");
  g_clear_object (&complaint);
  complaint = dup_complaint (f, complaint_id);
  g_assert_cmpint (pdw_complaint_get_survey_rating (complaint), ==, 0);
  g_assert_cmpint (pdw_complaint_get_status (complaint), ==, PDW_COMPLAINT_TERDAFTAR);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM complaint_events WHERE action = 'survey_rating'"), ==, 0);
}

/* A relative's number linked to the file by the NIK may answer too: it is
 * the same file. */
static void
test_linked_number (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  gint64 conversation_id = say (f, CITIZEN, "Halo min");
  gint64 relative_id;
  gint64 complaint_id;
  PdwComplaintFields fields = {
    .citizen_name = "Warga Contoh", .nik = NIK_A, .phone = CITIZEN,
    .complaint_type = "nik_tidak_aktif", .institution = "bank",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) registered = NULL;
  g_autoptr(PdwComplaint) resolved = NULL;

  registered = pdw_store_register_complaint (f->store, conversation_id, &fields, &officer, &error);
  g_assert_no_error (error);
  complaint_id = pdw_complaint_get_id (registered);
  f->now += 60;
  relative_id = say (f, RELATIVE, "Min, NIK ibu saya " NIK_A " sudah aktif belum?");
  g_assert_cmpint (relative_id, !=, conversation_id);
  f->now += HOUR;
  resolved = apply (f, complaint_id, "resolve", NULL);
  ask (f, relative_id, complaint_id, NULL);
  f->now += HOUR;
  say (f, RELATIVE, "3");

  complaint = dup_complaint (f, complaint_id);
  g_assert_cmpint (pdw_complaint_get_survey_rating (complaint), ==, 3);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM complaints"), ==, 1);
}

/* The question is a shipped reply template, there in every database. */
static void
test_template_seeded (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwReplyTemplate) template = pdw_store_dup_reply_template (f->store, PDW_TEMPLATE_SURVEY, &error);

  g_assert_no_error (error);
  g_assert_true (pdw_reply_template_get_builtin (template));
  g_assert_nonnull (strstr (pdw_reply_template_get_body (template), "4 = Sangat baik"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/survey/ask-records", test_ask_records);
  ADD ("/store/survey/ask-open-file", test_ask_open_file);
  ADD ("/store/survey/ask-needs-officer", test_ask_needs_officer);
  ADD ("/store/survey/rating-recorded", test_rating_recorded);
  ADD ("/store/survey/not-a-rating", test_not_a_rating);
  ADD ("/store/survey/after-window", test_after_window);
  ADD ("/store/survey/not-asked-or-reopened", test_not_asked_or_reopened);
  ADD ("/store/survey/linked-number", test_linked_number);
  ADD ("/store/survey/template-seeded", test_template_seeded);
#undef ADD

  return g_test_run ();
}
