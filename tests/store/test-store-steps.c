/* test-store-steps.c: a step that speaks to the citizen is recorded with
 * its message, in one act: no card line without a queued reply, the line
 * carries the reply's id and time, the 2x24-hour clock starts when the
 * reply is queued, an unsent step draft survives a restart, and a reply
 * that failed to deliver shows on the card line.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-card-line.h"
#include "core/pdw-template.h"
#include "core/pdw-workflow.h"
#include "test-store-util.h"

/* Fri 2026-11-20 08:00 UTC = 15:00 WIB. */
#define FRIDAY_15_WIB  G_GINT64_CONSTANT (1795161600)
#define HOUR           3600

#define CITIZEN   "6280000000001"
#define OTHER     "6280000000002"
#define NIK_A     "1471010101900001"
#define NIK_B     "1471014502850002"
#define STANDARD  "Data Bapak/Ibu dapat aktif maksimal dalam waktu 2x24 jam."

typedef struct
{
  char     *dir;
  char     *path;
  PdwStore *store;
  gint64    now;
  guint     wamid_seq;
  gint64    conversation_id;
  gint64    complaint_id;
  GArray   *conversations_changed;
} Fixture;

static const PdwActor officer = { "Petugas Contoh", "199001012020121001", "PC" };

static gint64
fixture_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now;
}

static void
conversation_changed_cb (PdwStore *store,
                         gint64    conversation_id,
                         Fixture  *f)
{
  g_array_append_val (f->conversations_changed, conversation_id);
}

static gint64
say (Fixture    *f,
     const char *wa_id,
     const char *text)
{
  g_autofree char *wamid = g_strdup_printf ("wamid.T%u", ++f->wamid_seq);

  test_ingest (f->store,
               test_messages (test_inbound (wamid, wa_id, "Warga Contoh", f->now, text), NULL),
               NULL);
  return pdw_store_find_conversation_by_wa_id (f->store, wa_id, NULL);
}

static PdwComplaint *
register_with_nik (Fixture    *f,
                   gint64      conversation_id,
                   const char *nik)
{
  g_autoptr(GError) error = NULL;
  PdwComplaintFields fields = {
    .citizen_name = "Warga Contoh", .nik = nik, .phone = CITIZEN,
    .complaint_type = "nik_tidak_aktif", .institution = "bank",
  };
  PdwComplaint *complaint = pdw_store_register_complaint (f->store, conversation_id, &fields, &officer, &error);

  g_assert_no_error (error);
  return complaint;
}

static void
apply (Fixture    *f,
       const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;

  complaint = pdw_store_apply_action (f->store, f->complaint_id, action, NULL, NULL, &officer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (complaint);
}

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = pdw_store_open (f->path, &error);
  g_assert_no_error (error);
  pdw_store_set_clock (f->store, fixture_clock, f);
  g_signal_connect (f->store, "conversation-changed", G_CALLBACK (conversation_changed_cb), f);
}

/* A registered file on the consolidation list: the standard reply is next. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PdwComplaint) complaint = NULL;

  f->path = test_make_db_path (&f->dir);
  f->now = FRIDAY_15_WIB;
  f->conversations_changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  open_store (f);

  f->conversation_id = say (f, CITIZEN, "NIK saya " NIK_A " tidak aktif di bank");
  complaint = register_with_nik (f, f->conversation_id, NIK_A);
  f->complaint_id = pdw_complaint_get_id (complaint);
  apply (f, "add_to_consolidation");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->conversations_changed, g_array_unref);
  pdw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GPtrArray *
list_events (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = pdw_store_list_complaint_events (f->store, f->complaint_id, &error);

  g_assert_no_error (error);
  return events;
}

static PdwComplaint *
dup_complaint (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PdwComplaint *complaint = pdw_store_dup_complaint (f->store, f->complaint_id, &error);

  g_assert_no_error (error);
  return complaint;
}

static guint
count_outgoing (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = pdw_store_list_messages (f->store, f->conversation_id, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < messages->len; i++)
    if (pdw_message_get_direction (g_ptr_array_index (messages, i)) == PDW_DIRECTION_OUT)
      n++;
  return n;
}

static PdwMessage *
dup_message (Fixture *f,
             gint64   message_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = pdw_store_list_messages (f->store, f->conversation_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < messages->len; i++)
    {
      PdwMessage *message = g_ptr_array_index (messages, i);

      if (pdw_message_get_id (message) == message_id)
        return g_object_ref (message);
    }
  g_assert_not_reached ();
}

static gint64
queue_step (Fixture     *f,
            const char  *action,
            const char  *note,
            const char  *text,
            GError     **error)
{
  PdwStepMessage step = { action, note, NULL, FALSE, NULL };

  return pdw_store_queue_step_message (f->store, f->conversation_id, f->complaint_id, &step, text,
                                       &officer, error);
}

/* The officer clicked the step: the text waits in the composer (a draft
 * carrying the step).  Nothing is on the card, the file has not moved and
 * no clock runs until the reply is queued. */
static void
test_no_line_without_message (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) before = list_events (f);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pdw_store_save_draft (f->store, f->conversation_id, STANDARD, "send_standard_reply",
                                       NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  after = list_events (f);
  complaint = dup_complaint (f);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpint (pdw_complaint_get_status (complaint), ==, PDW_COMPLAINT_KONSOLIDASI);
  g_assert_cmpint (pdw_complaint_get_sla_started_at (complaint), ==, 0);
  g_assert_cmpint (pdw_complaint_get_due_at (complaint), ==, 0);
  g_assert_cmpuint (count_outgoing (f), ==, 0);

  /* An empty reply is no message: still no line. */
  g_assert_cmpint (queue_step (f, "send_standard_reply", NULL, "  \n ", &error), ==, 0);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A step the file no longer allows: neither the line nor the message. */
  g_assert_cmpint (queue_step (f, "reopen", "x", STANDARD, &error), ==, 0);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (queue_step (f, "refer_biometric", NULL, STANDARD, NULL), >, 0);
  g_clear_object (&complaint);
  complaint = dup_complaint (f);
  g_assert_cmpint (pdw_complaint_get_status (complaint), ==, PDW_COMPLAINT_RUJUK_BIOMETRIK);
  g_assert_cmpuint (count_outgoing (f), ==, 1);
  g_assert_cmpint (queue_step (f, "send_standard_reply", NULL, STANDARD, &error), ==, 0);
  g_assert_error (error, PDW_WORKFLOW_ERROR, PDW_WORKFLOW_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_cmpuint (count_outgoing (f), ==, 1);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = list_events (f);
  g_assert_cmpuint (after->len, ==, before->len + 1);

  /* A rejection without its reason: the reply is not queued either. */
  g_assert_cmpint (queue_step (f, "reject", " ", "Mohon maaf, pengaduan ditolak.", &error), ==, 0);
  g_assert_error (error, PDW_WORKFLOW_ERROR, PDW_WORKFLOW_ERROR_NEEDS_NOTE);
  g_assert_cmpuint (count_outgoing (f), ==, 1);
}

/* The step's line is written with the reply: its id, its queued time. */
static void
test_line_with_message (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(PdwMessage) message = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;
  PdwComplaintEvent *line;
  gint64 message_id;

  f->now += 7 * 60;
  message_id = queue_step (f, "send_standard_reply", NULL, STANDARD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (message_id, >, 0);

  message = dup_message (f, message_id);
  g_assert_cmpstr (pdw_message_get_text (message), ==, STANDARD);
  g_assert_cmpint (pdw_message_get_status (message), ==, PDW_DELIVERY_QUEUED);
  g_assert_cmpstr (pdw_message_get_officer_name (message), ==, officer.name);

  events = list_events (f);
  line = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpstr (pdw_complaint_event_get_action (line), ==, "send_standard_reply");
  g_assert_cmpint (pdw_complaint_event_get_message_id (line), ==, message_id);
  g_assert_cmpint (pdw_complaint_event_get_timestamp (line), ==, pdw_message_get_timestamp (message));
  g_assert_cmpint (pdw_complaint_event_get_timestamp (line), ==, FRIDAY_15_WIB + 7 * 60);
  g_assert_cmpint (pdw_complaint_event_get_to_status (line), ==, PDW_COMPLAINT_MENUNGGU);
  g_assert_null (pdw_complaint_event_get_message_failure (line));

  /* Lines the officer writes without a message carry none. */
  g_assert_cmpint (pdw_complaint_event_get_message_id (g_ptr_array_index (events, 0)), ==, 0);

  complaint = dup_complaint (f);
  g_assert_cmpint (pdw_complaint_get_status (complaint), ==, PDW_COMPLAINT_MENUNGGU);
}

/* The 2x24-hour clock starts when the reply is queued, not when the step
 * was clicked and the draft written. */
static void
test_sla_from_send_time (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *promised = NULL;
  g_autofree char *recorded = NULL;
  g_autofree char *text = NULL;
  PdwStepMessage step = { "send_standard_reply", NULL, NULL, FALSE, NULL };
  gint64 clicked = f->now;
  gint64 message_id;
  gint64 sent;

  /* The text promises the due time as it would be if sent at the click. */
  g_assert_cmpint (pdw_store_get_now (f->store), ==, clicked);
  g_assert_cmpint (pdw_store_compute_due (f->store, clicked), ==, clicked + 48 * HOUR);
  promised = pdw_template_format_time (pdw_store_compute_due (f->store, clicked));
  text = g_strdup_printf ("Data aktif maksimal 2x24 jam (paling lambat %s).", promised);
  g_assert_true (pdw_store_save_draft (f->store, f->conversation_id, text, "send_standard_reply",
                                       NULL, NULL, promised, &error));
  /* The officer answers another citizen first. */
  f->now += 2 * HOUR + 5 * 60;
  sent = f->now;
  step.promised_due = promised;
  message_id = pdw_store_queue_step_message (f->store, f->conversation_id, f->complaint_id, &step, text,
                                             &officer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (message_id, >, 0);

  complaint = dup_complaint (f);
  g_assert_cmpint (pdw_complaint_get_sla_started_at (complaint), ==, sent);
  g_assert_cmpint (pdw_complaint_get_sla_started_at (complaint), !=, clicked);
  g_assert_cmpint (pdw_complaint_get_due_at (complaint), ==, sent + 48 * HOUR);

  /* The message states the due time the card records, not the click's. */
  recorded = pdw_template_format_time (sent + 48 * HOUR);
  message = dup_message (f, message_id);
  g_assert_nonnull (strstr (pdw_message_get_text (message), recorded));
  g_assert_null (strstr (pdw_message_get_text (message), promised));
}

/* An unsent step draft is kept across a restart and flagged in the queue;
 * sending it clears both. */
static void
test_draft_across_restart (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(PdwDraft) draft = { 0 };
  g_autoptr(PdwConversation) row = NULL;
  g_autoptr(GError) error = NULL;
  gint64 other;

  g_assert_true (pdw_store_save_draft (f->store, f->conversation_id, "Mohon maaf, pengaduan ditolak.",
                                       "reject", "NIK terdaftar di Kota Dumai", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->conversations_changed->len, >, 0);
  g_assert_cmpint (g_array_index (f->conversations_changed, gint64, f->conversations_changed->len - 1),
                   ==, f->conversation_id);

  /* Typing on does not make the queue read the row again. */
  g_array_set_size (f->conversations_changed, 0);
  g_assert_true (pdw_store_save_draft (f->store, f->conversation_id, "Mohon maaf, pengaduan Anda ditolak.",
                                       "reject", "NIK terdaftar di Kota Dumai", NULL, NULL, &error));
  g_assert_cmpuint (f->conversations_changed->len, ==, 0);

  /* An ordinary draft elsewhere. */
  other = say (f, OTHER, "halo");
  g_assert_true (pdw_store_save_draft (f->store, other, "Selamat siang", NULL, NULL, NULL, NULL, &error));

  g_clear_object (&f->store);
  open_store (f);

  g_assert_true (pdw_store_read_draft (f->store, f->conversation_id, &draft, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (draft.text, ==, "Mohon maaf, pengaduan Anda ditolak.");
  g_assert_cmpstr (draft.step_action, ==, "reject");
  g_assert_cmpstr (draft.step_note, ==, "NIK terdaftar di Kota Dumai");
  g_assert_null (draft.step_party);
  g_assert_null (draft.step_promise);
  g_assert_cmpint (draft.updated_at, ==, FRIDAY_15_WIB);

  row = pdw_store_dup_conversation (f->store, f->conversation_id, &error);
  g_assert_cmpstr (pdw_conversation_get_pending_step (row), ==, "reject");
  g_clear_object (&row);
  row = pdw_store_dup_conversation (f->store, other, &error);
  g_assert_null (pdw_conversation_get_pending_step (row));
  g_assert_true (pdw_store_read_draft (f->store, other, &draft, &error));
  g_assert_cmpstr (draft.text, ==, "Selamat siang");
  g_assert_null (draft.step_action);

  /* Sent: the draft and the flag go with the same transaction. */
  g_assert_cmpint (queue_step (f, "reject", "NIK terdaftar di Kota Dumai", "Mohon maaf, pengaduan Anda ditolak.",
                               &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (pdw_store_read_draft (f->store, f->conversation_id, &draft, &error));
  g_assert_null (draft.text);
  g_clear_object (&row);
  row = pdw_store_dup_conversation (f->store, f->conversation_id, &error);
  g_assert_null (pdw_conversation_get_pending_step (row));

  /* An emptied composer deletes a draft, step and all. */
  g_assert_true (pdw_store_save_draft (f->store, other, "  ", "resolve", NULL, NULL, NULL, &error));
  g_assert_true (pdw_store_read_draft (f->store, other, &draft, &error));
  g_assert_null (draft.text);
}

/* A reply that failed to deliver is shown on its step's line, on screen
 * and on the printed card (both read pdw_card_line_dup_note()). */
static void
test_failed_delivery_on_line (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  PdwComplaintEvent *line;
  gint64 message_id;

  message_id = queue_step (f, "send_standard_reply", NULL, STANDARD, &error);
  g_assert_cmpint (message_id, >, 0);
  g_assert_true (pdw_store_mark_outgoing_attempt_failed (f->store, message_id, 131047, "Re-engagement message",
                                                         TRUE, 0, &error));
  g_assert_no_error (error);

  events = list_events (f);
  line = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (pdw_complaint_event_get_message_id (line), ==, message_id);
  g_assert_cmpstr (pdw_complaint_event_get_message_failure (line), ==, "Re-engagement message");
  note = pdw_card_line_dup_note (line);
  g_assert_cmpstr (note, ==, "(message failed to deliver: Re-engagement message)");
}

/* The closing message that asks for a rating: the resolve line, then the
 * survey line, both with the one message. */
static void
test_closing_asks_survey (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;
  PdwStepMessage step = { "resolve", NULL, NULL, TRUE, NULL };
  gint64 message_id;

  apply (f, "consolidation_done");
  f->now += HOUR;
  message_id = pdw_store_queue_step_message (f->store, f->conversation_id, f->complaint_id, &step,
                                             "Data sudah aktif. Balas 1-4.", &officer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (message_id, >, 0);

  events = list_events (f);
  g_assert_cmpstr (pdw_complaint_event_get_action (g_ptr_array_index (events, events->len - 2)), ==, "resolve");
  g_assert_cmpint (pdw_complaint_event_get_message_id (g_ptr_array_index (events, events->len - 2)), ==, message_id);
  g_assert_cmpstr (pdw_complaint_event_get_action (g_ptr_array_index (events, events->len - 1)), ==, "survey_asked");
  complaint = dup_complaint (f);
  g_assert_cmpint (pdw_complaint_get_status (complaint), ==, PDW_COMPLAINT_SELESAI);
  g_assert_cmpint (pdw_complaint_get_survey_asked_at (complaint), ==, f->now);
}

/* The reply goes where the file is shown: a step on another citizen's
 * file is refused, and nothing is queued. */
static void
test_other_conversation_refused (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(PdwComplaint) other_complaint = NULL;
  g_autoptr(GError) error = NULL;
  PdwStepMessage step = { "send_standard_reply", NULL, NULL, FALSE, NULL };
  gint64 other = say (f, OTHER, "NIK " NIK_B);

  other_complaint = register_with_nik (f, other, NIK_B);
  g_assert_cmpint (pdw_store_queue_step_message (f->store, other, f->complaint_id, &step, STANDARD,
                                                 &officer, &error), ==, 0);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_assert_cmpuint (count_outgoing (f), ==, 0);
}

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store/steps/no-line-without-message", test_no_line_without_message);
  ADD ("/store/steps/line-with-message", test_line_with_message);
  ADD ("/store/steps/sla-from-send-time", test_sla_from_send_time);
  ADD ("/store/steps/draft-across-restart", test_draft_across_restart);
  ADD ("/store/steps/failed-delivery-on-line", test_failed_delivery_on_line);
  ADD ("/store/steps/closing-asks-survey", test_closing_asks_survey);
  ADD ("/store/steps/other-conversation-refused", test_other_conversation_refused);

  return g_test_run ();
}
