/* test-card-line.c: a control-card line in words.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-card-line.h"

/* A line stores a status by name, or none. */
static int
status_of (const char *name)
{
  PdwComplaintStatus status;

  if (name == NULL)
    return (int) PDW_COMPLAINT_EVENT_NO_STATUS;
  g_assert_true (pdw_complaint_status_from_string (name, &status));
  return (int) status;
}

static PdwComplaintEvent *
event_new_with_note (const char *action,
                     const char *status,
                     const char *note)
{
  return g_object_new (PDW_TYPE_COMPLAINT_EVENT,
                       "action", action,
                       "from-status", status_of (status),
                       "to-status", status_of (status),
                       "note", note,
                       NULL);
}

static PdwComplaintEvent *
event_new (const char *action,
           const char *from_status,
           const char *to_status)
{
  return g_object_new (PDW_TYPE_COMPLAINT_EVENT,
                       "id", (gint64) 1,
                       "complaint-id", (gint64) 1,
                       "timestamp", (gint64) 1762650000,
                       "actor-name", "Rina Fitri",
                       "action", action,
                       "from-status", status_of (from_status),
                       "to-status", status_of (to_status),
                       NULL);
}

static void
test_status_label (void)
{
  g_assert_cmpstr (pdw_card_line_get_status_label ("terdaftar"), ==, "Registered");
  g_assert_cmpstr (pdw_card_line_get_status_label ("ditolak"), ==, "Rejected");
  /* Written by a newer version: shown as stored. */
  g_assert_cmpstr (pdw_card_line_get_status_label ("ditunda"), ==, "ditunda");
  g_assert_null (pdw_card_line_get_status_label (NULL));
}

static void
test_activity (void)
{
  g_autoptr(PdwComplaintEvent) registered = event_new ("register", "baru", "terdaftar");
  g_autoptr(PdwComplaintEvent) note = event_new ("add_note", "terdaftar", "terdaftar");
  g_autoptr(PdwComplaintEvent) legacy = event_new ("status", "baru", "terdaftar");
  g_autoptr(PdwComplaintEvent) future = event_new ("escalate", NULL, NULL);
  g_autofree char *registered_text = pdw_card_line_dup_activity (registered);
  g_autofree char *note_text = pdw_card_line_dup_activity (note);
  g_autofree char *legacy_text = pdw_card_line_dup_activity (legacy);
  g_autofree char *future_text = pdw_card_line_dup_activity (future);

  /* The card names the SOP's step; the timeline says what happened. */
  g_assert_cmpstr (registered_text, ==, "Register → Registered");
  g_assert_cmpstr (pdw_card_line_get_action_label (registered), ==, "Register");
  g_assert_cmpstr (pdw_card_line_get_title (registered), ==, "Complaint registered");

  g_assert_cmpstr (note_text, ==, "Add note");
  g_assert_cmpstr (pdw_card_line_get_title (note), ==, "Add note");

  g_assert_cmpstr (legacy_text, ==, "Status changed → Registered");
  g_assert_cmpstr (pdw_card_line_get_title (legacy), ==, "Status changed");

  g_assert_cmpstr (future_text, ==, "escalate");
  g_assert_cmpstr (pdw_card_line_get_title (future), ==, "escalate");
}

static void
test_status_change (void)
{
  g_autoptr(PdwComplaintEvent) moved = event_new ("coordinate", "terdaftar", "koordinasi");
  g_autoptr(PdwComplaintEvent) first = event_new ("register", NULL, "terdaftar");
  g_autoptr(PdwComplaintEvent) same = event_new ("hand_over", "koordinasi", "koordinasi");
  g_autoptr(PdwComplaintEvent) none = event_new ("add_note", NULL, NULL);
  g_autofree char *moved_text = pdw_card_line_dup_status_change (moved);
  g_autofree char *first_text = pdw_card_line_dup_status_change (first);
  g_autofree char *same_text = pdw_card_line_dup_status_change (same);
  g_autofree char *none_text = pdw_card_line_dup_status_change (none);

  g_assert_cmpstr (moved_text, ==, "Registered → Coordinating with division");
  g_assert_cmpstr (first_text, ==, "Registered");
  g_assert_null (same_text);
  g_assert_null (none_text);
}

static PdwComplaintEvent *
handover_new (const char *from_party,
              const char *to_party)
{
  return g_object_new (PDW_TYPE_COMPLAINT_EVENT,
                       "actor-name", "Rina Fitri",
                       "action", "hand_over",
                       "from-party", from_party,
                       "to-party", to_party,
                       NULL);
}

static void
test_parties (void)
{
  g_autoptr(PdwComplaintEvent) both = handover_new ("Rina Fitri", "Bidang PIAK");
  g_autoptr(PdwComplaintEvent) to_only = handover_new (NULL, "Bidang PIAK");
  g_autoptr(PdwComplaintEvent) same = handover_new ("Bidang PIAK", "Bidang PIAK");
  g_autoptr(PdwComplaintEvent) to_self = handover_new (NULL, "Rina Fitri");
  g_autoptr(PdwComplaintEvent) nowhere = handover_new ("Rina Fitri", "");
  g_autofree char *both_text = pdw_card_line_dup_handover (both);
  g_autofree char *to_only_text = pdw_card_line_dup_handover (to_only);
  g_autofree char *same_text = pdw_card_line_dup_handover (same);
  g_autofree char *nowhere_text = pdw_card_line_dup_handover (nowhere);

  g_assert_cmpstr (both_text, ==, "From Rina Fitri to Bidang PIAK");
  g_assert_cmpstr (to_only_text, ==, "To: Bidang PIAK");
  g_assert_cmpstr (same_text, ==, "To: Bidang PIAK");
  g_assert_null (nowhere_text);

  g_assert_cmpstr (pdw_card_line_get_recipient (both), ==, "Bidang PIAK");
  /* Registering assigns the file to its author: not worth a "to". */
  g_assert_null (pdw_card_line_get_recipient (to_self));
  g_assert_null (pdw_card_line_get_recipient (nowhere));
}

static void
test_actor (void)
{
  g_autoptr(PdwComplaintEvent) with_initials = g_object_new (PDW_TYPE_COMPLAINT_EVENT,
                                                             "actor-name", "Rina Fitri",
                                                             "actor-initials", "RF",
                                                             "action", "add_note", NULL);
  g_autoptr(PdwComplaintEvent) without = event_new ("add_note", NULL, NULL);
  g_autoptr(PdwComplaintEvent) nameless = g_object_new (PDW_TYPE_COMPLAINT_EVENT,
                                                        "actor-initials", "RF",
                                                        "action", "add_note", NULL);
  g_autofree char *with_text = pdw_card_line_dup_actor (with_initials);
  g_autofree char *without_text = pdw_card_line_dup_actor (without);
  g_autofree char *nameless_text = pdw_card_line_dup_actor (nameless);

  g_assert_cmpstr (with_text, ==, "Rina Fitri (RF)");
  g_assert_cmpstr (without_text, ==, "Rina Fitri");
  g_assert_null (nameless_text);
}

static void
test_note (void)
{
  /* The rating is stored as its digit and shown in words. */
  g_autoptr(PdwComplaintEvent) rating = event_new_with_note ("survey_rating", "selesai", "4");
  g_autoptr(PdwComplaintEvent) asked = event_new_with_note ("survey_asked", "selesai", NULL);
  g_autoptr(PdwComplaintEvent) note = event_new_with_note ("add_note", "terdaftar", "warga datang langsung");
  g_autoptr(PdwComplaintEvent) odd = event_new_with_note ("survey_rating", "selesai", "lima");
  g_autofree char *rating_note = NULL;
  g_autofree char *rating_title = NULL;
  g_autofree char *note_text = NULL;
  g_autofree char *odd_note = NULL;
  g_autofree char *asked_activity = NULL;

  rating_note = pdw_card_line_dup_note (rating);
  note_text = pdw_card_line_dup_note (note);
  odd_note = pdw_card_line_dup_note (odd);
  asked_activity = pdw_card_line_dup_activity (asked);

  g_assert_cmpstr (rating_note, ==, "4 – Very good");
  g_assert_cmpstr (pdw_card_line_get_title (rating), ==, "Citizen rated the service");
  g_assert_cmpstr (asked_activity, ==, "Satisfaction survey sent");
  g_assert_null (pdw_card_line_dup_note (asked));
  g_assert_cmpstr (note_text, ==, "warga datang langsung");
  /* Something else written there stays readable as written. */
  g_assert_cmpstr (odd_note, ==, "lima");
}

/* "Edit Data": which field, its old and new value, a NIK/KK never whole. */
static void
test_correction (void)
{
  g_autofree char *nik = pdw_card_line_new_correction_note ("nik", "1471010101909999", "1471 0141 0190 9999");
  g_autofree char *name = pdw_card_line_new_correction_note ("name", "dewi lestari", "Dewi\tLestari");
  g_autofree char *kk = pdw_card_line_new_correction_note ("kk", NULL, "1471011503220007");
  g_autoptr(PdwComplaintEvent) nik_line = NULL;
  g_autoptr(PdwComplaintEvent) name_line = NULL;
  g_autoptr(PdwComplaintEvent) kk_line = NULL;
  g_autofree char *nik_text = NULL;
  g_autofree char *name_text = NULL;
  g_autofree char *kk_text = NULL;

  g_assert_null (strstr (nik, "1471010101909999"));
  g_assert_null (strstr (nik, "0190"));
  nik_line = event_new_with_note ("correct_data", "terdaftar", nik);
  name_line = event_new_with_note ("correct_data", "terdaftar", name);
  kk_line = event_new_with_note ("correct_data", "terdaftar", kk);
  nik_text = pdw_card_line_dup_note (nik_line);
  name_text = pdw_card_line_dup_note (name_line);
  kk_text = pdw_card_line_dup_note (kk_line);

  g_assert_cmpstr (nik_text, ==, "NIK: 1471********9999 → 1471********9999");
  g_assert_cmpstr (name_text, ==, "Name: dewi lestari → Dewi Lestari");
  g_assert_cmpstr (kk_text, ==, "Family card number (KK): — → 1471********0007");
  g_assert_cmpstr (pdw_card_line_get_title (nik_line), ==, "Data corrected");
}

/* A coordination records who at the division received the file: stored
 * with the note, read back as its parts, shown as "Received by …". */
static void
test_coordination_receiver (void)
{
  g_autofree char *stored = pdw_card_line_new_coordination_note ("Rudi Kurniawan", "RKW", "NIK belum padan");
  g_autofree char *derived = pdw_card_line_new_coordination_note ("Rudi Kurniawan", NULL, NULL);
  g_autofree char *plain = pdw_card_line_new_coordination_note (NULL, NULL, "hanya catatan");
  g_autofree char *name = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *note = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *receiver = NULL;
  g_autoptr(PdwComplaintEvent) coordination = event_new_with_note ("coordinate", "koordinasi", stored);
  g_autoptr(PdwComplaintEvent) old_line = event_new_with_note ("coordinate", "koordinasi", "NIK belum padan");
  g_autoptr(PdwComplaintEvent) other = event_new_with_note ("add_note", "koordinasi", stored);

  g_assert_true (pdw_card_line_parse_coordination_note (stored, &name, &initials, &note));
  g_assert_cmpstr (name, ==, "Rudi Kurniawan");
  g_assert_cmpstr (initials, ==, "RKW");
  g_assert_cmpstr (note, ==, "NIK belum padan");
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&initials, g_free);
  g_clear_pointer (&note, g_free);

  /* Initials from the name when none were typed; no note. */
  g_assert_true (pdw_card_line_parse_coordination_note (derived, &name, &initials, &note));
  g_assert_cmpstr (initials, ==, "RK");
  g_assert_null (note);
  g_clear_pointer (&note, g_free);

  /* Without a receiver the note is the note alone. */
  g_assert_cmpstr (plain, ==, "hanya catatan");
  g_assert_false (pdw_card_line_parse_coordination_note (plain, NULL, NULL, &note));
  g_assert_cmpstr (note, ==, "hanya catatan");

  receiver = pdw_card_line_dup_receiver_initials (coordination);
  g_assert_cmpstr (receiver, ==, "RKW");
  g_assert_null (pdw_card_line_dup_receiver_initials (old_line));
  g_assert_null (pdw_card_line_dup_receiver_initials (other));

  shown = pdw_card_line_dup_note (coordination);
  g_assert_cmpstr (shown, ==, "Received by Rudi Kurniawan (RKW)\nNIK belum padan");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/card-line/status-label", test_status_label);
  g_test_add_func ("/card-line/activity", test_activity);
  g_test_add_func ("/card-line/status-change", test_status_change);
  g_test_add_func ("/card-line/parties", test_parties);
  g_test_add_func ("/card-line/actor", test_actor);
  g_test_add_func ("/card-line/note", test_note);
  g_test_add_func ("/card-line/correction", test_correction);
  g_test_add_func ("/card-line/coordination-receiver", test_coordination_receiver);

  return g_test_run ();
}
