/* test-card-util.h: one complaint taken along the SOP through the real
 * store API on a simulated clock, and pdftotext for reading cards back.
 * Synthetic data only.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "core/pdw-card-line.h"
#include "test-store-util.h"

#define CARD_NIK    "1471010101900001"
#define CARD_NIK_MASKED "1471********0001"
#define CARD_KK     "1471012345670002"
#define CARD_KK_MASKED  "1471********0002"
#define CARD_NAME   "Rina Marlina Saputri"
#define CARD_PHONE  "6280000000001"
#define FO_NAME     "Siti Rahmawati"
#define FO_NIP      "198501012010012001"
#define FO_INITIALS "SRW"
#define ADB_NAME    "Budi Hartono"
#define ADB_NIP     "199002022015031002"
#define ADB_INITIALS "BHT"
/* Who received the file at Bidang PIAK when it was coordinated. */
#define COORD_RECEIVER          "Rudi Kurniawan"
#define COORD_RECEIVER_INITIALS "RKW"

/* Monday 9 November 2026, 08:00:00 WIB. */
#define CARD_T0 G_GINT64_CONSTANT (1794186000)

typedef struct
{
  gint64 now;
} TestClock;

static inline gint64
test_clock_now (gpointer user_data)
{
  return ((TestClock *) user_data)->now;
}

static inline void
test_apply (PdwStore       *store,
            TestClock      *clock,
            gint64          at,
            gint64          complaint_id,
            const char     *action,
            const char     *note,
            const char     *to_party,
            const PdwActor *actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;

  clock->now = at;
  complaint = pdw_store_apply_action (store, complaint_id, action, note, to_party, actor, &error);
  g_assert_no_error (error);
  g_assert_nonnull (complaint);
}

/* register (08:00:40) → add_to_consolidation (+2 min) →
 * send_standard_reply (+3 min) → coordinate with Bidang PIAK (+1 h) →
 * return_from_coordination by the ADB officer (+1 day 1 h) → resolve
 * (+2 min, one minute over the SOP's standard time).  @n_notes extra
 * "add_note" lines follow, one hour apart, to make the card long.  Returns the complaint id; the clock stays set. */
static inline gint64
test_card_build (PdwStore  *store,
                 TestClock *clock,
                 guint      n_notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwConversation) conversation = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(GPtrArray) conversations = NULL;
  const PdwComplaintFields fields = {
    CARD_NAME, CARD_NIK, CARD_KK, CARD_PHONE, "nik_tidak_aktif", "bank",
  };
  const PdwActor fo = { FO_NAME, FO_NIP, NULL };
  const PdwActor adb = { ADB_NAME, ADB_NIP, NULL };
  g_autofree char *coordination_note = NULL;
  gint64 id;
  gint64 t;

  pdw_store_set_clock (store, test_clock_now, clock);
  clock->now = CARD_T0;

  g_assert_cmpint (pdw_store_save_officer (store, 0, FO_NAME, FO_NIP, FO_INITIALS,
                                           PDW_OFFICER_ROLE_FO, TRUE, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_store_save_officer (store, 0, ADB_NAME, ADB_NIP, ADB_INITIALS,
                                           PDW_OFFICER_ROLE_ADB, TRUE, &error), >, 0);
  g_assert_no_error (error);

  test_ingest (store,
               test_messages (test_inbound ("wamid.card.1", CARD_PHONE, CARD_NAME, CARD_T0,
                                            "Selamat pagi, NIK saya tidak aktif di bank. "
                                            "Nama " CARD_NAME ", NIK " CARD_NIK ", KK " CARD_KK),
                              NULL),
               NULL);
  conversations = pdw_store_list_conversations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conversations->len, ==, 1);

  t = CARD_T0 + 40;
  clock->now = t;
  complaint = pdw_store_register_complaint (store,
                                            pdw_conversation_get_id (g_ptr_array_index (conversations, 0)),
                                            &fields, &fo, &error);
  g_assert_no_error (error);
  g_assert_nonnull (complaint);
  id = pdw_complaint_get_id (complaint);

  test_apply (store, clock, t += 2 * 60, id, "add_to_consolidation", NULL, NULL, &fo);
  test_apply (store, clock, t += 3 * 60, id, "send_standard_reply", NULL, NULL, &fo);
  coordination_note = pdw_card_line_new_coordination_note (COORD_RECEIVER, COORD_RECEIVER_INITIALS,
                                                           "NIK belum padan");
  test_apply (store, clock, t += 60 * 60, id, "coordinate", coordination_note,
              "Bidang PIAK", &fo);
  test_apply (store, clock, t += 25 * 60 * 60, id, "return_from_coordination",
              "Sudah konsolidasi", NULL, &adb);
  test_apply (store, clock, t += 2 * 60, id, "resolve", NULL, NULL, &fo);

  for (guint i = 0; i < n_notes; i++)
    {
      g_autofree char *note = g_strdup_printf ("Catatan %u: pemohon menanyakan kembali status data.", i + 1);

      test_apply (store, clock, t += 60 * 60, id, "add_note", note, NULL, &fo);
    }

  return id;
}

/* The text of @pdf (pages @first..@last, 0 = all) by `pdftotext -layout`. */
static inline char *
test_pdftotext (const char *pdf,
                int         first,
                int         last)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *first_s = g_strdup_printf ("%d", first);
  g_autofree char *last_s = g_strdup_printf ("%d", last);
  const char *all[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  const char *range[] = { "pdftotext", "-layout", "-enc", "UTF-8", "-f", first_s, "-l", last_s, pdf, "-", NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **) (first > 0 ? range : all), NULL, G_SPAWN_SEARCH_PATH,
                NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pdftotext failed: %s", err);
  return g_steal_pointer (&out);
}

static inline guint
test_count (const char *haystack,
            const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}
