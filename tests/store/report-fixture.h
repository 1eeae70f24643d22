/* report-fixture.h: a small November 2026 of the desk, built through the
 * real store API on a simulated clock, for the report's store, export and
 * CLI tests.  Synthetic data only.  The figures it must give were worked
 * out by hand (docs/report-definitions.md), below.
 *
 * November 2026: Sunday 1, Monday 2, Monday 30.  WIB = UTC+7.
 *
 *   Citizen 1 (6280000000101): Mon 2 Nov 07:50 "halo" (outside the hours:
 *     the automatic reply at 07:50:02), 08:10 officer Siti asks for the NIK,
 *     08:12 the NIK.  File 1 registered 08:15, consolidation 08:16, standard
 *     reply 08:17, data active Tue 3 Nov 10:00, resolved 10:05.  Wed 4 Nov
 *     08:55 the citizen writes again, reopened 09:00, officer reply 09:20,
 *     resolved Thu 5 Nov 09:00.  Asked for a rating at 09:00, answered "4"
 *     at 09:30.  A note on Fri 6 Nov 10:00 (the line repeats "selesai": no
 *     new resolution).  Mon 9 Nov 10:00 a new question, reply 10:03, file 4
 *     registered 10:05 (the rating four days before is not its start).  Open.
 *   Citizen 2 (…102): Mon 30 Nov 23:40 WIB (16:40 UTC), automatic reply;
 *     an officer's reply at 23:45 fails; file 2 registered 23:50; the next
 *     officer reply Tue 1 Dec 08:05.  Open.
 *   Citizen 3 (…103): Sun 1 Nov 00:30 WIB (Sat 31 Oct 17:30 UTC), officer
 *     reply Mon 2 Nov 08:00, file 3 registered 08:02, rejected 08:05.
 *
 * November: received 4, first messages 3 (citizen 3's counts although it is
 * still October in UTC), citizen messages 7, resolved 1 (file 1, once),
 * rejected 1, open at the end 2, reopened 1, carried over 0.
 * First response: file 1 07:50 -> 08:10 = 1200 (the automatic reply does
 * not count), file 2 23:40 -> 08:05 = 30300 (the failed reply does not
 * count), file 3 Sun 00:30 -> Mon 08:00 = 113400, file 4 10:00 -> 10:03 =
 * 180, the reopening 09:00 -> 09:20 = 1200: sorted 180 1200 1200 30300
 * 113400, median 1200, P90 (rank 5) 113400, mean 146280 / 5 = 29256.
 * Resolution: 25h50m = 93000, then 24h from the reopening = 86400: median
 * 86400.  Promise: 1 decided, kept.  Satisfaction: 1 asked, 1 answered,
 * index 100, grade A.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/pdw-store-private.h"
#include "test-store-util.h"

#define REPORT_NIK_1 "1471010101900001"
#define REPORT_NIK_3 "1471040404900003"

typedef struct
{
  gint64 now;
} ReportClock;

static inline gint64
report_clock_now (gpointer user_data)
{
  return ((ReportClock *) user_data)->now;
}

/* A WIB wall-clock moment in 2026, built independently of the code under
 * test. */
static inline gint64
report_wib (int mo, int d, int h, int mi)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, mo, d, h, mi, 0);

  return g_date_time_to_unix (utc) - 7 * 3600;
}

static inline gint64
report_inbound (PdwStore    *store,
                ReportClock *clock,
                gint64       at,
                const char  *wa_id,
                const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wamid = g_strdup_printf ("wamid.report.%s.%" G_GINT64_FORMAT, wa_id, at);
  gint64 conversation;

  clock->now = at;
  test_ingest (store, test_messages (test_inbound (wamid, wa_id, "Warga", at, text), NULL), NULL);
  conversation = pdw_store_find_conversation_by_wa_id (store, wa_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (conversation, >, 0);
  return conversation;
}

static inline gint64
report_reply (PdwStore    *store,
              ReportClock *clock,
              gint64       at,
              gint64       conversation,
              const char  *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  clock->now = at;
  id = pdw_store_queue_outgoing_text (store, conversation, text, "Siti Rahmawati", &error);
  g_assert_no_error (error);
  return id;
}

static inline void
report_auto_reply (PdwStore    *store,
                   ReportClock *clock,
                   gint64       at,
                   gint64       conversation)
{
  g_autoptr(GError) error = NULL;

  clock->now = at;
  g_assert_cmpint (pdw_store_queue_auto_reply (store, conversation, "Di luar jam pelayanan", &error), >, 0);
  g_assert_no_error (error);
}

static inline gint64
report_register (PdwStore    *store,
                 ReportClock *clock,
                 gint64       at,
                 gint64       conversation,
                 const char  *nik,
                 const char  *type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  const PdwComplaintFields fields = { "Warga Contoh", nik, NULL, NULL, type, "bank" };
  const PdwActor siti = { "Siti Rahmawati", "198501012010012001", "SR" };

  clock->now = at;
  complaint = pdw_store_register_complaint (store, conversation, &fields, &siti, &error);
  g_assert_no_error (error);
  return pdw_complaint_get_id (complaint);
}

static inline void
report_act (PdwStore    *store,
            ReportClock *clock,
            gint64       at,
            gint64       complaint_id,
            const char  *action,
            const char  *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  const PdwActor siti = { "Siti Rahmawati", "198501012010012001", "SR" };

  clock->now = at;
  complaint = pdw_store_apply_action (store, complaint_id, action, note, NULL, &siti, &error);
  g_assert_no_error (error);
}

/* Builds the month in @store; the clock is left at 15 Dec 2026. */
static inline void
report_fixture_build (PdwStore    *store,
                      ReportClock *clock)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *survey = NULL;
  gint64 c1, c2, c3, f1, f2, f3, f4, failed;

  pdw_store_set_clock (store, report_clock_now, clock);

  c1 = report_inbound (store, clock, report_wib (11, 2, 7, 50), "6280000000101", "halo");
  report_auto_reply (store, clock, report_wib (11, 2, 7, 50) + 2, c1);
  report_reply (store, clock, report_wib (11, 2, 8, 10), c1, "Silakan kirim NIK");
  report_inbound (store, clock, report_wib (11, 2, 8, 12), "6280000000101", "NIK " REPORT_NIK_1);
  f1 = report_register (store, clock, report_wib (11, 2, 8, 15), c1, REPORT_NIK_1, "nik_tidak_aktif");
  report_act (store, clock, report_wib (11, 2, 8, 16), f1, "add_to_consolidation", NULL);
  report_act (store, clock, report_wib (11, 2, 8, 17), f1, "send_standard_reply", NULL);
  report_act (store, clock, report_wib (11, 3, 10, 0), f1, "consolidation_done", NULL);
  report_act (store, clock, report_wib (11, 3, 10, 5), f1, "resolve", NULL);
  report_inbound (store, clock, report_wib (11, 4, 8, 55), "6280000000101", "data saya belum aktif");
  report_act (store, clock, report_wib (11, 4, 9, 0), f1, "reopen", "Data belum aktif");
  report_reply (store, clock, report_wib (11, 4, 9, 20), c1, "Kami periksa kembali");
  report_act (store, clock, report_wib (11, 5, 9, 0), f1, "resolve", NULL);
  /* The citizen's rating, a bare "4" (kept on the file below). */
  report_inbound (store, clock, report_wib (11, 5, 9, 30), "6280000000101", "4");
  /* A note on the closed file repeats its status: not a second resolution. */
  report_act (store, clock, report_wib (11, 6, 10, 0), f1, "add_note", "Warga mengucapkan terima kasih");
  /* A new request four days after the rating: it starts at 10:00, not at
   * the rating. */
  report_inbound (store, clock, report_wib (11, 9, 10, 0), "6280000000101", "Saya mau tanya data KK");
  report_reply (store, clock, report_wib (11, 9, 10, 3), c1, "Baik, kami bantu");
  f4 = report_register (store, clock, report_wib (11, 9, 10, 5), c1, NULL, "data_tidak_sesuai");
  g_assert_cmpint (f4, >, 0);

  c3 = report_inbound (store, clock, report_wib (11, 1, 0, 30), "6280000000103", "selamat malam");
  report_reply (store, clock, report_wib (11, 2, 8, 0), c3, "Selamat pagi");
  f3 = report_register (store, clock, report_wib (11, 2, 8, 2), c3, REPORT_NIK_3, "data_ganda");
  report_act (store, clock, report_wib (11, 2, 8, 5), f3, "reject", "Bukan kewenangan Disdukcapil");

  c2 = report_inbound (store, clock, report_wib (11, 30, 23, 40), "6280000000102", "tolong dibantu");
  report_auto_reply (store, clock, report_wib (11, 30, 23, 40) + 2, c2);
  failed = report_reply (store, clock, report_wib (11, 30, 23, 45), c2, "Baik");
  g_assert_true (pdw_store_mark_outgoing_attempt_failed (store, failed, 131026, "Undeliverable", TRUE, 0, &error));
  g_assert_no_error (error);
  f2 = report_register (store, clock, report_wib (11, 30, 23, 50), c2, NULL, "nik_tidak_aktif");
  report_reply (store, clock, report_wib (12, 1, 8, 5), c2, "Selamat pagi, kami proses");
  g_assert_cmpint (f2, >, 0);

  /* The survey's columns are filled by the closing message's helper. */
  survey = g_strdup_printf ("UPDATE complaints SET survey_asked_at = %" G_GINT64_FORMAT ","
                            " survey_rating = 4, survey_rated_at = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                            report_wib (11, 5, 9, 0), report_wib (11, 5, 9, 30), f1);
  g_assert_cmpint (sqlite3_exec (store->db, survey, NULL, NULL, NULL), ==, SQLITE_OK);

  clock->now = report_wib (12, 15, 12, 0);
}
