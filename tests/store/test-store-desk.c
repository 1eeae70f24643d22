/* test-store-desk.c: the SOP desk in the store: workflow actions on the
 * control card, the SLA clock, the consolidation list, duplicates, merged
 * numbers, template messages, batches and the schema upgrade.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "core/pdw-workflow.h"
#include "store/pdw-store-migrations.h"
#include "test-store-util.h"

/* Fri 2026-11-20 08:00 UTC = 15:00 WIB. */
#define FRIDAY_15_WIB  G_GINT64_CONSTANT (1795161600)
#define HOUR           3600

#define NIK_A "1471010101900001"
#define NIK_B "1471014502850002"

typedef struct
{
  char     *dir;
  char     *path;
  PdwStore *store;
  gint64    now;
} Fixture;

static gint64
fixture_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now;
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
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  pdw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
conversation_of (PdwStore   *store,
                 const char *wa_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conversations = pdw_store_list_conversations (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < conversations->len; i++)
    {
      PdwConversation *c = g_ptr_array_index (conversations, i);

      if (g_strcmp0 (pdw_conversation_get_wa_id (c), wa_id) == 0)
        return pdw_conversation_get_id (c);
    }

  return 0;
}

static gint64
say (Fixture    *f,
     const char *wamid,
     const char *wa_id,
     const char *text)
{
  test_ingest (f->store,
               test_messages (test_inbound (wamid, wa_id, "Warga Contoh", f->now, text), NULL),
               NULL);
  return conversation_of (f->store, wa_id);
}

static const PdwActor officer = { "Petugas Contoh", "199001012020121001", "PC" };

static PdwComplaint *
register_with_nik (Fixture    *f,
                   gint64      conversation_id,
                   const char *nik)
{
  g_autoptr(GError) error = NULL;
  PdwComplaintFields fields = {
    .citizen_name = "Warga Contoh", .nik = nik, .phone = "6280000000001",
    .complaint_type = "nik_tidak_aktif", .institution = "bank",
  };
  PdwComplaint *complaint;

  complaint = pdw_store_register_complaint (f->store, conversation_id, &fields, &officer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (complaint);
  return complaint;
}

static guint
count_events (PdwStore *store,
              gint64    complaint_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = pdw_store_list_complaint_events (store, complaint_id, &error);

  g_assert_no_error (error);
  return events->len;
}

static PdwComplaintEvent *
last_event (PdwStore *store,
            gint64    complaint_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = pdw_store_list_complaint_events (store, complaint_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  return g_object_ref (g_ptr_array_index (events, events->len - 1));
}

static PdwComplaint *
apply (Fixture    *f,
       gint64      complaint_id,
       const char *action,
       const char *note,
       const char *party)
{
  g_autoptr(GError) error = NULL;
  PdwComplaint *complaint;

  complaint = pdw_store_apply_action (f->store, complaint_id, action, note, party, &officer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (complaint);
  return complaint;
}

/* ---- Every action of the table, one line each ----------------------------- */

typedef struct
{
  const char *action;
  const char *note;
  const char *party;
  const char *from;
  const char *to;
  const char *from_party;
  const char *to_party;   /* the event's received-by */
  const char *holder;     /* after the action */
} Step;

static void
test_actions_every_step (Fixture       *f,
                         gconstpointer  data)
{
  static const Step steps[] = {
    { "add_to_consolidation", NULL, NULL, "terdaftar", "konsolidasi", "Petugas Contoh", NULL, "Petugas Contoh" },
    { "send_standard_reply", NULL, NULL, "konsolidasi", "menunggu", "Petugas Contoh", NULL, "Petugas Contoh" },
    { "coordinate", "cek data ganda", "Bidang PIAK", "menunggu", "koordinasi", "Petugas Contoh", "Bidang PIAK", "Bidang PIAK" },
    { "return_from_coordination", NULL, NULL, "koordinasi", "menunggu", "Bidang PIAK", "Petugas Contoh", "Petugas Contoh" },
    { "consolidation_done", NULL, NULL, "menunggu", "menunggu", "Petugas Contoh", NULL, "Petugas Contoh" },
    { "consolidation_not_found", "tidak ada di SIAK", NULL, "menunggu", "menunggu", "Petugas Contoh", NULL, "Petugas Contoh" },
    { "hand_over", NULL, "Petugas ADB", "menunggu", "menunggu", "Petugas Contoh", "Petugas ADB", "Petugas ADB" },
    { "add_note", "warga menelepon", NULL, "menunggu", "menunggu", "Petugas ADB", NULL, "Petugas ADB" },
    { "consolidation_duplicate", NULL, NULL, "menunggu", "rujuk_biometrik", "Petugas ADB", NULL, "Petugas ADB" },
    { "add_to_consolidation", NULL, NULL, "rujuk_biometrik", "konsolidasi", "Petugas ADB", NULL, "Petugas ADB" },
    { "refer_biometric", NULL, NULL, "konsolidasi", "rujuk_biometrik", "Petugas ADB", NULL, "Petugas ADB" },
    { "resolve", NULL, NULL, "rujuk_biometrik", "selesai", "Petugas ADB", NULL, "Petugas ADB" },
    { "reopen", "warga lapor lagi", NULL, "selesai", "terdaftar", "Petugas ADB", NULL, "Petugas ADB" },
    { "coordinate", NULL, "Bidang Pencatatan Sipil", "terdaftar", "koordinasi", "Petugas ADB", "Bidang Pencatatan Sipil", "Bidang Pencatatan Sipil" },
    { "return_from_coordination", NULL, NULL, "koordinasi", "konsolidasi", "Bidang Pencatatan Sipil", "Petugas Contoh", "Petugas Contoh" },
    { "reject", "NIK terdaftar di Disdukcapil lain", NULL, "konsolidasi", "ditolak", "Petugas Contoh", NULL, "Petugas Contoh" },
    { "add_note", "koreksi catatan", NULL, "ditolak", "ditolak", "Petugas Contoh", NULL, "Petugas Contoh" },
  };
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(GHashTable) covered = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *all = pdw_workflow_get_all_actions ();
  gint64 conversation_id, id;

  conversation_id = say (f, "wamid.A1", "6280000000001", "Halo");
  complaint = register_with_nik (f, conversation_id, NIK_A);
  id = pdw_complaint_get_id (complaint);
  g_hash_table_add (covered, (gpointer) "register");

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(PdwComplaint) after = NULL;
      g_autoptr(PdwComplaintEvent) event = NULL;
      guint before = count_events (f->store, id);

      f->now += 10 * 60;
      after = apply (f, id, steps[i].action, steps[i].note, steps[i].party);
      g_hash_table_add (covered, (gpointer) steps[i].action);

      g_assert_cmpuint (count_events (f->store, id), ==, before + 1);
      event = last_event (f->store, id);
      g_assert_cmpstr (pdw_complaint_event_get_action (event), ==, steps[i].action);
      g_assert_cmpstr (pdw_complaint_event_status_name (pdw_complaint_event_get_from_status (event)), ==, steps[i].from);
      g_assert_cmpstr (pdw_complaint_event_status_name (pdw_complaint_event_get_to_status (event)), ==, steps[i].to);
      g_assert_cmpstr (pdw_complaint_event_get_from_party (event), ==, steps[i].from_party);
      g_assert_cmpstr (pdw_complaint_event_get_to_party (event), ==, steps[i].to_party);
      g_assert_cmpstr (pdw_complaint_event_get_note (event), ==, steps[i].note);
      g_assert_cmpstr (pdw_complaint_event_get_actor_name (event), ==, "Petugas Contoh");
      g_assert_cmpstr (pdw_complaint_event_get_actor_nip (event), ==, "199001012020121001");
      g_assert_cmpstr (pdw_complaint_event_get_actor_initials (event), ==, "PC");
      g_assert_cmpint (pdw_complaint_event_get_timestamp (event), ==, f->now);

      g_assert_cmpstr (pdw_complaint_status_to_string (pdw_complaint_get_status (after)), ==, steps[i].to);
      g_assert_cmpstr (pdw_complaint_get_holder (after), ==, steps[i].holder);
      g_assert_cmpint (pdw_complaint_get_updated_at (after), ==, f->now);

      if (g_str_equal (steps[i].action, "send_standard_reply"))
        {
          g_assert_cmpint (pdw_complaint_get_sla_started_at (after), ==, f->now);
          g_assert_cmpint (pdw_complaint_get_due_at (after), ==, f->now + 48 * HOUR);
        }
      if (g_str_equal (steps[i].action, "reopen"))
        {
          g_assert_cmpint (pdw_complaint_get_sla_started_at (after), ==, 0);
          g_assert_cmpint (pdw_complaint_get_due_at (after), ==, 0);
        }
    }

  /* The lines the app writes by itself are covered by the link, merge,
   * survey and correction tests; every action an officer can choose is
   * covered here. */
  for (guint i = 0; all[i] != NULL; i++)
    if (!g_str_equal (all[i], "link_conversation") && !g_str_equal (all[i], "merge_contact") &&
        !g_str_equal (all[i], "correct_data") && !g_str_has_prefix (all[i], "survey_"))
      g_assert_true (g_hash_table_contains (covered, all[i]));
}

static void
test_actions_initials_fallback (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaint) after = NULL;
  g_autoptr(PdwComplaintEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  PdwActor nameless_initials = { "Budi Santoso", NULL, NULL };
  const char *initials;

  complaint = register_with_nik (f, say (f, "wamid.I1", "6280000000001", "Halo"), NIK_A);
  after = pdw_store_apply_action (f->store, pdw_complaint_get_id (complaint), "add_note",
                                  "catatan", NULL, &nameless_initials, &error);
  g_assert_no_error (error);
  event = last_event (f->store, pdw_complaint_get_id (complaint));
  initials = pdw_complaint_event_get_actor_initials (event);
  g_assert_nonnull (initials);
  g_assert_cmpstr (initials, !=, "");
}

static void
test_actions_refused (Fixture       *f,
                      gconstpointer  data)
{
  static const struct {
    const char *action;
    const char *note;
    const char *party;
    GQuark      domain;
    int         code;
  } refused[] = {
    { "send_standard_reply", NULL, NULL, 0, PDW_WORKFLOW_ERROR_NOT_ALLOWED },
    { "resolve_now", NULL, NULL, 0, PDW_WORKFLOW_ERROR_UNKNOWN_ACTION },
    { "reject", "   ", NULL, 0, PDW_WORKFLOW_ERROR_NEEDS_NOTE },
    { "coordinate", "x", NULL, 0, PDW_WORKFLOW_ERROR_NEEDS_PARTY },
    { "reopen", "x", NULL, 0, PDW_WORKFLOW_ERROR_NOT_ALLOWED },
  };
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaint) again = NULL;
  g_autoptr(GError) error = NULL;
  PdwActor nobody = { NULL, NULL, NULL };
  gint64 id;

  complaint = register_with_nik (f, say (f, "wamid.R1", "6280000000001", "Halo"), NIK_A);
  id = pdw_complaint_get_id (complaint);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(PdwComplaint) result = NULL;

      result = pdw_store_apply_action (f->store, id, refused[i].action, refused[i].note,
                                       refused[i].party, &officer, &error);
      g_assert_null (result);
      g_assert_error (error, PDW_WORKFLOW_ERROR, refused[i].code);
      g_clear_error (&error);
      g_assert_cmpuint (count_events (f->store, id), ==, 1);
    }

  g_assert_null (pdw_store_apply_action (f->store, id, "add_note", "x", NULL, &nobody, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (pdw_store_apply_action (f->store, id + 100, "add_note", "x", NULL, &officer, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  again = pdw_store_dup_complaint (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_complaint_get_status (again), ==, PDW_COMPLAINT_TERDAFTAR);
  g_assert_cmpint (pdw_complaint_get_updated_at (again), ==, pdw_complaint_get_created_at (again));
}

/* ---- SLA ------------------------------------------------------------------ */

static gint64
reply_and_get_due (Fixture    *f,
                   const char *wamid,
                   const char *wa_id,
                   const char *nik)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaint) listed = NULL;
  g_autoptr(PdwComplaint) replied = NULL;

  complaint = register_with_nik (f, say (f, wamid, wa_id, "Halo"), nik);
  listed = apply (f, pdw_complaint_get_id (complaint), "add_to_consolidation", NULL, NULL);
  replied = apply (f, pdw_complaint_get_id (complaint), "send_standard_reply", NULL, NULL);
  g_assert_cmpint (pdw_complaint_get_sla_started_at (replied), ==, f->now);
  return pdw_complaint_get_due_at (replied);
}

static void
test_sla_due (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PdwServiceCalendar) calendar = pdw_service_calendar_new ();
  PdwSlaPolicy days = { PDW_SLA_WORKING_DAYS, 2 };
  GDate monday;

  /* Default policy: 48 clock hours, Friday 15:00 WIB -> Sunday 15:00 WIB. */
  g_assert_cmpint (reply_and_get_due (f, "wamid.S1", "6280000000001", NIK_A), ==,
                   FRIDAY_15_WIB + 48 * HOUR);

  /* Two working days, no holiday: Monday, Tuesday -> Tuesday 15:00 WIB. */
  pdw_store_set_sla (f->store, calendar, &days);
  g_assert_cmpint (reply_and_get_due (f, "wamid.S2", "6280000000002", NIK_B), ==,
                   FRIDAY_15_WIB + 4 * 24 * HOUR);

  /* Monday 23 November a holiday: Tuesday, Wednesday. */
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 23, G_DATE_NOVEMBER, 2026);
  pdw_service_calendar_add_holiday (calendar, &monday, "Libur Contoh");
  g_assert_cmpint (reply_and_get_due (f, "wamid.S3", "6280000000003", "1471010202900003"), ==,
                   FRIDAY_15_WIB + 5 * 24 * HOUR);
}

static void
test_sla_due_before_and_overdue_once (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) after_biometric = NULL;
  g_autoptr(PdwComplaint) early = NULL;
  g_autoptr(PdwComplaint) referred = NULL;
  g_autoptr(PdwComplaint) notified = NULL;
  g_autoptr(GError) error = NULL;
  gint64 due_a, due_b;

  due_a = reply_and_get_due (f, "wamid.D1", "6280000000001", NIK_A);
  f->now += HOUR;
  due_b = reply_and_get_due (f, "wamid.D2", "6280000000002", NIK_B);
  g_assert_cmpint (due_b, ==, due_a + HOUR);

  none = pdw_store_list_complaints_due_before (f->store, due_a - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  due = pdw_store_list_complaints_due_before (f->store, due_b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpint (pdw_complaint_get_due_at (g_ptr_array_index (due, 0)), ==, due_a);
  g_assert_cmpint (pdw_complaint_get_due_at (g_ptr_array_index (due, 1)), ==, due_b);
  early = g_object_ref (g_ptr_array_index (due, 0));

  /* A file waiting on the citizen is never overdue. */
  referred = apply (f, pdw_complaint_get_id (g_ptr_array_index (due, 1)), "refer_biometric", NULL, NULL);
  g_assert_cmpint (pdw_complaint_classify_sla (referred, due_b + 10, HOUR), ==, PDW_SLA_ON_TIME);
  after_biometric = pdw_store_list_complaints_due_before (f->store, due_b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_biometric->len, ==, 1);

  g_assert_cmpint (pdw_complaint_classify_sla (early, due_a - 2 * HOUR, HOUR), ==, PDW_SLA_ON_TIME);
  g_assert_cmpint (pdw_complaint_classify_sla (early, due_a - HOUR / 2, HOUR), ==, PDW_SLA_DUE_SOON);
  g_assert_cmpint (pdw_complaint_classify_sla (early, due_a + 1, HOUR), ==, PDW_SLA_OVERDUE);

  f->now = due_a + 60;
  g_assert_true (pdw_store_mark_overdue_notified (f->store, pdw_complaint_get_id (early), &error));
  g_assert_no_error (error);
  g_assert_false (pdw_store_mark_overdue_notified (f->store, pdw_complaint_get_id (early), &error));
  g_assert_no_error (error);
  notified = pdw_store_dup_complaint (f->store, pdw_complaint_get_id (early), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_complaint_get_overdue_notified_at (notified), ==, due_a + 60);

  g_assert_false (pdw_store_mark_overdue_notified (f->store, 9999, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND);
}

/* ---- Consolidation list ---------------------------------------------------- */

static void
test_consolidation_list (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PdwComplaint) a = NULL;
  g_autoptr(PdwComplaint) b = NULL;
  g_autoptr(PdwComplaint) c = NULL;
  g_autoptr(PdwComplaint) tmp1 = NULL;
  g_autoptr(PdwComplaint) tmp2 = NULL;
  g_autoptr(PdwComplaint) tmp3 = NULL;
  g_autoptr(PdwComplaint) done = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GError) error = NULL;
  gint64 day = FRIDAY_15_WIB - 7 * HOUR - 8 * HOUR;  /* 00:00 WIB */

  a = register_with_nik (f, say (f, "wamid.K1", "6280000000001", "Halo"), NIK_A);
  b = register_with_nik (f, say (f, "wamid.K2", "6280000000002", "Halo"), NIK_B);
  c = register_with_nik (f, say (f, "wamid.K3", "6280000000003", "Halo"), "1471010202900003");

  f->now = day + 9 * HOUR;
  tmp1 = apply (f, pdw_complaint_get_id (a), "add_to_consolidation", NULL, NULL);
  f->now = day + 10 * HOUR;
  tmp2 = apply (f, pdw_complaint_get_id (b), "add_to_consolidation", NULL, NULL);
  /* c is listed the next day. */
  f->now = day + 30 * HOUR;
  tmp3 = apply (f, pdw_complaint_get_id (c), "add_to_consolidation", NULL, NULL);

  f->now = day + 31 * HOUR;
  done = apply (f, pdw_complaint_get_id (b), "consolidation_done", NULL, NULL);
  g_assert_cmpstr (pdw_complaint_get_consolidation_result (done), ==, "consolidation_done");
  g_assert_cmpint (pdw_complaint_get_listed_at (done), ==, day + 10 * HOUR);
  g_assert_cmpint (pdw_complaint_get_status (done), ==, PDW_COMPLAINT_KONSOLIDASI);

  pending = pdw_store_list_consolidation (f->store, day, day + 24 * HOUR, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpint (pdw_complaint_get_id (g_ptr_array_index (pending, 0)), ==, pdw_complaint_get_id (a));
  g_assert_null (pdw_complaint_get_consolidation_result (g_ptr_array_index (pending, 0)));
  g_assert_cmpstr (pdw_complaint_get_nik (g_ptr_array_index (pending, 0)), ==, NIK_A);

  all = pdw_store_list_consolidation (f->store, day, day + 24 * HOUR, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (pdw_complaint_get_id (g_ptr_array_index (all, 0)), ==, pdw_complaint_get_id (a));
  g_assert_cmpint (pdw_complaint_get_id (g_ptr_array_index (all, 1)), ==, pdw_complaint_get_id (b));

  later = pdw_store_list_consolidation (f->store, day + 24 * HOUR, day + 48 * HOUR, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, ==, 1);
  g_assert_cmpint (pdw_complaint_get_id (g_ptr_array_index (later, 0)), ==, pdw_complaint_get_id (c));
}

/* ---- Duplicates ------------------------------------------------------------ */

static void
test_duplicate_nik (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PdwComplaint) first = NULL;
  g_autoptr(PdwComplaint) refused = NULL;
  g_autoptr(PdwComplaint) found = NULL;
  g_autoptr(PdwComplaint) none = NULL;
  g_autoptr(PdwComplaint) closed = NULL;
  g_autoptr(PdwComplaint) second = NULL;
  g_autoptr(PdwComplaint) by_ticket = NULL;
  g_autoptr(GError) error = NULL;
  PdwComplaintFields fields = { .citizen_name = "Warga Lain", .nik = NIK_A };
  gint64 other;

  first = register_with_nik (f, say (f, "wamid.N1", "6280000000001", "Halo"), NIK_A);
  other = say (f, "wamid.N2", "6280000000002", "Halo juga");

  refused = pdw_store_register_complaint (f->store, other, &fields, &officer, &error);
  g_assert_null (refused);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_DUPLICATE_NIK);
  g_assert_nonnull (strstr (error->message, pdw_complaint_get_ticket (first)));
  g_assert_nonnull (strstr (error->message, "1471********0001"));
  g_assert_null (strstr (error->message, NIK_A));
  g_clear_error (&error);

  found = pdw_store_find_open_complaint_by_nik (f->store, NIK_A, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_complaint_get_id (found), ==, pdw_complaint_get_id (first));
  none = pdw_store_find_open_complaint_by_nik (f->store, NIK_B, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  by_ticket = pdw_store_dup_complaint_by_ticket (f->store, pdw_complaint_get_ticket (first), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_complaint_get_id (by_ticket), ==, pdw_complaint_get_id (first));
  g_assert_null (pdw_store_dup_complaint_by_ticket (f->store, "PDW-1999-01-00001", &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Once the first file is closed the NIK may open a new one. */
  closed = apply (f, pdw_complaint_get_id (first), "resolve", NULL, NULL);
  second = pdw_store_register_complaint (f->store, other, &fields, &officer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
}

static void
test_link_manual_and_on_ingest (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaint) linked = NULL;
  g_autoptr(PdwComplaint) shown = NULL;
  g_autoptr(PdwComplaint) shown_auto = NULL;
  g_autoptr(PdwComplaint) not_linked = NULL;
  g_autoptr(PdwComplaint) own = NULL;
  g_autoptr(PdwComplaint) refused = NULL;
  g_autoptr(PdwComplaintEvent) event = NULL;
  g_autoptr(PdwConversation) conversation = NULL;
  g_autoptr(GError) error = NULL;
  gint64 home, relative, stranger, invalid, busy, id;
  guint n;

  home = say (f, "wamid.L1", "6280000000001", "Halo");
  complaint = register_with_nik (f, home, NIK_A);
  id = pdw_complaint_get_id (complaint);

  /* Manual link. */
  relative = say (f, "wamid.L2", "6280000000002", "Saya adiknya");
  linked = pdw_store_link_conversation (f->store, relative, id, &officer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (linked);
  event = last_event (f->store, id);
  g_assert_cmpstr (pdw_complaint_event_get_action (event), ==, "link_conversation");
  g_assert_cmpstr (pdw_complaint_event_get_note (event), ==, "6280000000002");
  g_assert_cmpstr (pdw_complaint_event_status_name (pdw_complaint_event_get_from_status (event)), ==, "terdaftar");
  g_assert_cmpstr (pdw_complaint_event_status_name (pdw_complaint_event_get_to_status (event)), ==, "terdaftar");
  shown = pdw_store_dup_conversation_complaint (f->store, relative, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_complaint_get_id (shown), ==, id);
  conversation = pdw_store_dup_conversation (f->store, relative, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pdw_conversation_get_complaint_ticket (conversation), ==, pdw_complaint_get_ticket (complaint));

  /* Automatic link: a valid NIK of an open complaint in a new text. */
  n = count_events (f->store, id);
  stranger = say (f, "wamid.L3", "6280000000003", "Nama: Warga Contoh\nNIK: " NIK_A);
  g_assert_cmpuint (count_events (f->store, id), ==, n + 1);
  g_clear_object (&event);
  event = last_event (f->store, id);
  g_assert_cmpstr (pdw_complaint_event_get_action (event), ==, "link_conversation");
  g_assert_cmpstr (pdw_complaint_event_get_actor_name (event), ==, "PANDAWA");
  g_assert_cmpstr (pdw_complaint_event_get_note (event), ==, "6280000000003");
  shown_auto = pdw_store_dup_conversation_complaint (f->store, stranger, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_complaint_get_id (shown_auto), ==, id);

  /* An invalid NIK (month 13) links nothing. */
  invalid = say (f, "wamid.L4", "6280000000004", "NIK saya 1471011313900001");
  not_linked = pdw_store_dup_conversation_complaint (f->store, invalid, &error);
  g_assert_no_error (error);
  g_assert_null (not_linked);

  /* A conversation with its own open complaint is not linked. */
  busy = say (f, "wamid.L5", "6280000000005", "Halo");
  own = register_with_nik (f, busy, NIK_B);
  n = count_events (f->store, id);
  say (f, "wamid.L6", "6280000000005", "NIK ibu saya " NIK_A);
  g_assert_cmpuint (count_events (f->store, id), ==, n);
  refused = pdw_store_link_conversation (f->store, busy, id, &officer, &error);
  g_assert_null (refused);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
}

/* ---- Merged numbers -------------------------------------------------------- */

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaint) other = NULL;
  g_autoptr(PdwComplaintEvent) event = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(PdwConversation) into_row = NULL;
  g_auto(GStrv) numbers = NULL;
  g_autofree char *reply_to = NULL;
  g_autofree char *reply_to_later = NULL;
  g_autoptr(GError) error = NULL;
  gint64 into, from, third, fourth;

  into = say (f, "wamid.M1", "6280000000001", "Halo, ini nomor lama");
  f->now += 60;
  from = say (f, "wamid.M2", "6280000000002", "Ini nomor baru saya");
  complaint = register_with_nik (f, into, NIK_A);

  g_assert_false (pdw_store_merge_conversations (f->store, into, into, &officer, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (pdw_store_merge_conversations (f->store, into, from, &officer, &error));
  g_assert_no_error (error);
  /* Both numbers now answer with the absorbing conversation. */
  g_assert_cmpint (pdw_store_find_conversation_by_wa_id (f->store, "6280000000002", &error), ==, into);
  g_assert_cmpint (pdw_store_find_conversation_by_wa_id (f->store, "6280000000001", &error), ==, into);
  g_assert_cmpint (pdw_store_find_conversation_by_wa_id (f->store, "6280000009999", &error), ==, 0);
  g_assert_no_error (error);

  event = last_event (f->store, pdw_complaint_get_id (complaint));
  g_assert_cmpstr (pdw_complaint_event_get_action (event), ==, "merge_contact");
  g_assert_cmpstr (pdw_complaint_event_get_note (event), ==, "6280000000002");

  /* The absorbed conversation leaves the queue; its messages moved. */
  g_assert_cmpint (conversation_of (f->store, "6280000000002"), ==, 0);
  g_assert_null (pdw_store_dup_conversation (f->store, from, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  messages = pdw_store_list_messages (f->store, into, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 2);
  g_assert_cmpstr (pdw_message_get_from_wa_id (g_ptr_array_index (messages, 0)), ==, "6280000000001");
  g_assert_cmpstr (pdw_message_get_from_wa_id (g_ptr_array_index (messages, 1)), ==, "6280000000002");

  numbers = pdw_store_dup_conversation_numbers (f->store, into, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (numbers), ==, 2);
  g_assert_cmpstr (numbers[0], ==, "6280000000001");
  g_assert_cmpstr (numbers[1], ==, "6280000000002");
  into_row = pdw_store_dup_conversation (f->store, into, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pdw_conversation_get_n_merged_numbers (into_row), ==, 1);

  /* The citizen wrote last from the new number: replies go there. */
  reply_to = pdw_store_dup_conversation_wa_id (f->store, into, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reply_to, ==, "6280000000002");

  /* A later webhook from the merged number lands in @into. */
  f->now += 60;
  test_ingest (f->store,
               test_messages (test_inbound ("wamid.M3", "6280000000001", "Warga", f->now, "pakai nomor lama lagi"),
                              NULL), NULL);
  f->now += 60;
  test_ingest (f->store,
               test_messages (test_inbound ("wamid.M4", "6280000000002", "Warga", f->now, "dan yang baru"),
                              NULL), NULL);
  g_clear_pointer (&messages, g_ptr_array_unref);
  messages = pdw_store_list_messages (f->store, into, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 4);
  g_assert_cmpint (pdw_message_get_conversation_id (g_ptr_array_index (messages, 3)), ==, into);
  g_assert_cmpstr (pdw_message_get_from_wa_id (g_ptr_array_index (messages, 3)), ==, "6280000000002");
  g_assert_cmpint (conversation_of (f->store, "6280000000002"), ==, 0);
  reply_to_later = pdw_store_dup_conversation_wa_id (f->store, into, &error);
  g_assert_cmpstr (reply_to_later, ==, "6280000000002");

  /* Both with an open complaint: refused, nothing moves. */
  third = say (f, "wamid.M5", "6280000000003", "Halo");
  other = register_with_nik (f, third, NIK_B);
  g_assert_false (pdw_store_merge_conversations (f->store, into, third, &officer, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (conversation_of (f->store, "6280000000003"), ==, third);

  /* Only @into with a complaint: merged, recorded on that card. */
  fourth = say (f, "wamid.M6", "6280000000004", "Halo");
  g_assert_true (pdw_store_merge_conversations (f->store, third, fourth, &officer, &error));
  g_assert_no_error (error);
  g_clear_object (&event);
  event = last_event (f->store, pdw_complaint_get_id (other));
  g_assert_cmpstr (pdw_complaint_event_get_action (event), ==, "merge_contact");
  g_assert_cmpstr (pdw_complaint_event_get_note (event), ==, "6280000000004");

  /* An absorbed conversation cannot be merged again. */
  g_assert_false (pdw_store_merge_conversations (f->store, into, fourth, &officer, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
}

/* ---- Template messages and the automatic reply ------------------------------ */

static void
test_template_and_auto_reply (Fixture       *f,
                              gconstpointer  data)
{
  const char * const params[] = { "Siti", "PDW-2026-11-00001", "Minggu, 22 Nov 2026 15.00 WIB", NULL };
  g_autoptr(PdwMessage) message = NULL;
  g_autoptr(PdwMessage) automatic = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  gint64 conversation_id, id, auto_id;

  conversation_id = say (f, "wamid.T1", "6280000000001", "Halo");

  id = pdw_store_queue_outgoing_template (f->store, conversation_id, "pandawa_update", "id", params,
                                          "Data Siti sedang diproses", "Petugas Contoh", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  message = pdw_store_dup_message (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pdw_message_get_message_type (message), ==, "template");
  g_assert_cmpstr (pdw_message_get_template_name (message), ==, "pandawa_update");
  g_assert_cmpstr (pdw_message_get_template_language (message), ==, "id");
  g_assert_true (g_strv_equal (pdw_message_get_template_params (message), params));
  g_assert_cmpstr (pdw_message_get_text (message), ==, "Data Siti sedang diproses");
  g_assert_cmpint (pdw_message_get_status (message), ==, PDW_DELIVERY_QUEUED);
  g_assert_null (pdw_message_get_from_wa_id (message));

  due = pdw_store_list_due_outgoing (f->store, f->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);

  g_assert_cmpint (pdw_store_queue_outgoing_template (f->store, conversation_id, "", "id", NULL,
                                                      "x", NULL, &error), ==, 0);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (pdw_store_get_last_auto_reply_time (f->store, conversation_id, &error), ==, 0);
  g_assert_no_error (error);
  f->now += 5 * HOUR;
  auto_id = pdw_store_queue_auto_reply (f->store, conversation_id, "Layanan buka Senin 08.00 WIB.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_store_get_last_auto_reply_time (f->store, conversation_id, &error), ==, f->now);
  automatic = pdw_store_dup_message (f->store, auto_id, &error);
  g_assert_no_error (error);
  g_assert_null (pdw_message_get_officer_name (automatic));
  g_assert_cmpstr (pdw_message_get_text (automatic), ==, "Layanan buka Senin 08.00 WIB.");

  g_assert_cmpint (pdw_store_get_last_auto_reply_time (f->store, 9999, &error), ==, 0);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND);
}

/* ---- Batches and the clock --------------------------------------------------- */

typedef struct
{
  GHashTable *complaints;     /* id -> count */
  GHashTable *conversations;
  guint       total;
} SignalLog;

static void
count_into (GHashTable *table,
            gint64      id)
{
  gpointer key = GINT_TO_POINTER ((int) id);

  g_hash_table_insert (table, key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) + 1));
}

static void
on_complaint_changed (PdwStore *store,
                      gint64    id,
                      SignalLog *log)
{
  count_into (log->complaints, id);
  log->total++;
}

static void
on_conversation_changed (PdwStore *store,
                         gint64    id,
                         SignalLog *log)
{
  count_into (log->conversations, id);
  log->total++;
}

/* Through a second, read-only connection: what is committed. */
static int
count_committed_complaints (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM complaints", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

static void
test_batch_and_clock (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaint) failed = NULL;
  g_autoptr(GError) error = NULL;
  SignalLog log = { 0 };
  gint64 conversation_id, id;
  gint64 t0 = FRIDAY_15_WIB - 24 * HOUR;
  gulong h1, h2;

  log.complaints = g_hash_table_new (NULL, NULL);
  log.conversations = g_hash_table_new (NULL, NULL);
  h1 = g_signal_connect (f->store, "complaint-changed", G_CALLBACK (on_complaint_changed), &log);
  h2 = g_signal_connect (f->store, "conversation-changed", G_CALLBACK (on_conversation_changed), &log);

  g_assert_true (pdw_store_begin_batch (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (pdw_store_begin_batch (f->store, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  f->now = t0;
  conversation_id = say (f, "wamid.B1", "6280000000001", "Halo");
  f->now = t0 + 60;
  complaint = register_with_nik (f, conversation_id, NIK_A);
  id = pdw_complaint_get_id (complaint);
  g_assert_cmpint (pdw_complaint_get_created_at (complaint), ==, t0 + 60);
  f->now = t0 + 120;
  g_clear_object (&complaint);
  complaint = apply (f, id, "add_to_consolidation", NULL, NULL);
  f->now = t0 + 180;
  g_clear_object (&complaint);
  complaint = apply (f, id, "send_standard_reply", NULL, NULL);

  /* A refused call inside the batch leaves nothing and the batch goes on. */
  failed = pdw_store_apply_action (f->store, id, "coordinate", NULL, NULL, &officer, &error);
  g_assert_null (failed);
  g_clear_error (&error);

  g_assert_cmpuint (log.total, ==, 0);

  /* Nothing is visible to another connection before the end. */
  g_assert_cmpint (count_committed_complaints (f->path), ==, 0);

  g_assert_true (pdw_store_end_batch (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_committed_complaints (f->path), ==, 1);

  g_assert_cmpuint (g_hash_table_size (log.complaints), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (log.complaints, GINT_TO_POINTER ((int) id))), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (log.conversations,
                                                           GINT_TO_POINTER ((int) conversation_id))), ==, 1);

  events = pdw_store_list_complaint_events (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpint (pdw_complaint_event_get_timestamp (g_ptr_array_index (events, 0)), ==, t0 + 60);
  g_assert_cmpint (pdw_complaint_event_get_timestamp (g_ptr_array_index (events, 1)), ==, t0 + 120);
  g_assert_cmpint (pdw_complaint_event_get_timestamp (g_ptr_array_index (events, 2)), ==, t0 + 180);
  g_assert_cmpint (pdw_complaint_get_due_at (complaint), ==, t0 + 180 + 48 * HOUR);

  g_assert_false (pdw_store_end_batch (f->store, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);

  g_signal_handler_disconnect (f->store, h1);
  g_signal_handler_disconnect (f->store, h2);
  g_hash_table_unref (log.complaints);
  g_hash_table_unref (log.conversations);
}

/* ---- Upgrade from the first schema ------------------------------------------- */

static void
test_migration_from_version_1 (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *parent = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaint) after = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) conversations = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  path = test_make_db_path (&dir);
  parent = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, pdw_store_migrations_get (1), NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_exec (db,
                     "PRAGMA user_version = 1;"
                     "INSERT INTO contacts (id, wa_id, profile_name, created_at, updated_at)"
                     "  VALUES (1, '6280000000001', 'Warga Lama', 1700000000, 1700000000);"
                     "INSERT INTO conversations (id, contact_id, created_at, last_inbound_time)"
                     "  VALUES (1, 1, 1700000000, 1700000000);"
                     "INSERT INTO messages (id, conversation_id, wamid, direction, type, text, timestamp,"
                     "  received_at) VALUES (1, 1, 'wamid.OLD', 'in', 'text', 'Halo lama', 1700000000, 1700000000);"
                     "INSERT INTO complaints (id, ticket, ticket_year, ticket_month, ticket_seq,"
                     "  conversation_id, nik, status, assigned_officer, created_at, updated_at)"
                     "  VALUES (1, 'PDW-2023-11-00001', 2023, 11, 1, 1, '" NIK_A "', 'konsolidasi',"
                     "  'Petugas Lama', 1700000000, 1700000000);"
                     "UPDATE conversations SET complaint_id = 1;"
                     "INSERT INTO complaint_events (complaint_id, timestamp, actor_name, action,"
                     "  from_status, to_status) VALUES (1, 1700000000, 'Petugas Lama', 'register', 'baru', 'terdaftar');"
                     "INSERT INTO complaint_events (complaint_id, timestamp, actor_name, action,"
                     "  from_status, to_status) VALUES (1, 1700000060, 'Petugas Lama', 'add_to_consolidation',"
                     "  'terdaftar', 'konsolidasi');",
                     NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_close (db);

  store = pdw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_store_get_schema_version (store), ==, pdw_store_migrations_get_latest ());

  complaint = pdw_store_dup_complaint_by_ticket (store, "PDW-2023-11-00001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pdw_complaint_get_nik (complaint), ==, NIK_A);
  g_assert_cmpstr (pdw_complaint_get_holder (complaint), ==, "Petugas Lama");
  g_assert_cmpint (pdw_complaint_get_sla_started_at (complaint), ==, 0);
  g_assert_cmpint (pdw_complaint_get_listed_at (complaint), ==, 1700000060);
  messages = pdw_store_list_messages (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_cmpstr (pdw_message_get_text (g_ptr_array_index (messages, 0)), ==, "Halo lama");
  g_assert_cmpstr (pdw_message_get_from_wa_id (g_ptr_array_index (messages, 0)), ==, "6280000000001");
  conversations = pdw_store_list_conversations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conversations->len, ==, 1);
  g_assert_cmpstr (pdw_conversation_get_complaint_ticket (g_ptr_array_index (conversations, 0)), ==,
                   "PDW-2023-11-00001");

  /* The upgraded file takes the desk's actions. */
  after = pdw_store_apply_action (store, 1, "send_standard_reply", NULL, NULL, &officer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_complaint_get_status (after), ==, PDW_COMPLAINT_MENUNGGU);

  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store-desk/actions/every-step", test_actions_every_step);
  ADD ("/store-desk/actions/initials-fallback", test_actions_initials_fallback);
  ADD ("/store-desk/actions/refused", test_actions_refused);
  ADD ("/store-desk/sla/due", test_sla_due);
  ADD ("/store-desk/sla/due-before-overdue-once", test_sla_due_before_and_overdue_once);
  ADD ("/store-desk/consolidation/list", test_consolidation_list);
  ADD ("/store-desk/duplicates/nik", test_duplicate_nik);
  ADD ("/store-desk/duplicates/link", test_link_manual_and_on_ingest);
  ADD ("/store-desk/merge", test_merge);
  ADD ("/store-desk/outgoing/template-auto-reply", test_template_and_auto_reply);
  ADD ("/store-desk/batch-clock", test_batch_and_clock);
  g_test_add_func ("/store-desk/migration/from-1", test_migration_from_version_1);

#undef ADD

  return g_test_run ();
}
