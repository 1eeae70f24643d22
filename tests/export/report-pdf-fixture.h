/* report-pdf-fixture.h: reports for the tests of the report's charts and PDF:
 * an empty March 2026 and a full one (about a hundred files over the month,
 * every kind of line, ratings, messages at all hours), built from facts
 * written here, deterministically.  The exact figures are not worked out
 * here: the tests compare the PDF with the JSON export of the same report.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/pdw-report-facts.h"

#define FIXTURE_HOUR 3600
#define FIXTURE_DAY  86400

/* A NIK no test may find in any output: the masks keep only its ends. */
#define FIXTURE_NIK_MIDDLE "0719"

static inline gint64
fixture_wib (int month,
             int day,
             int hour,
             int minute)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, month, day, hour, minute, 0);

  return g_date_time_to_unix (utc) - 7 * FIXTURE_HOUR;
}

static inline void
fixture_line (PdwReportFacts     *facts,
              gint64              t,
              const char         *action,
              const char         *actor,
              gboolean            has_status,
              PdwComplaintStatus  to)
{
  PdwReportEventFact *event = pdw_report_facts_add_event (facts, t, action, actor);

  event->has_to_status = has_status;
  event->to_status = to;
}

static inline PdwReportFacts *
fixture_facts (gboolean full)
{
  static const char * const types[] = { "nik_nonaktif", "data_ganda", "perubahan_data", "kk_tidak_sesuai", NULL };
  static const char * const institutions[] = { "bank", "bpjs", "sekolah", "rumah_sakit", "pajak_kendaraan", NULL };
  static const char * const officers[] = { "Rina Marlina", "Budi Santoso", "Siti Aminah" };
  /* Kecamatan codes of Pekanbaru, and one unknown region. */
  static const char * const regions[] = { "147101", "147102", "147103", "147104", "147105", "147106",
                                          "147107", "147108", "147109", "147110", "147111", "147112",
                                          "999901" };
  PdwReportFacts *facts = pdw_report_facts_new (fixture_wib (1, 1, 0, 0), fixture_wib (4, 1, 0, 0));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260301);

  g_hash_table_insert (facts->type_labels, (gpointer) "nik_nonaktif", (gpointer) "NIK nonaktif");
  g_hash_table_insert (facts->type_labels, (gpointer) "data_ganda", (gpointer) "Data ganda");
  g_hash_table_insert (facts->type_labels, (gpointer) "perubahan_data", (gpointer) "Perubahan data kependudukan");
  g_hash_table_insert (facts->type_labels, (gpointer) "kk_tidak_sesuai",
                       (gpointer) "Kartu Keluarga tidak sesuai dengan data di aplikasi instansi");
  g_hash_table_insert (facts->institution_labels, (gpointer) "bank", (gpointer) "Bank");
  g_hash_table_insert (facts->institution_labels, (gpointer) "bpjs", (gpointer) "BPJS Kesehatan");
  g_hash_table_insert (facts->institution_labels, (gpointer) "sekolah", (gpointer) "Sekolah (PPDB)");
  g_hash_table_insert (facts->institution_labels, (gpointer) "rumah_sakit", (gpointer) "Rumah sakit");
  g_hash_table_insert (facts->institution_labels, (gpointer) "pajak_kendaraan", (gpointer) "Samsat");

  if (!full)
    return facts;

  /* January to March: the rekapitulasi has three months. */
  for (guint i = 0; i < 120; i++)
    {
      int month = i < 20 ? 1 : i < 40 ? 2 : 3;
      int day = 1 + (int) g_rand_int_range (rand, 0, month == 2 ? 28 : 31);
      int hour = 7 + (int) g_rand_int_range (rand, 0, 10);
      gint64 created = fixture_wib (month, day, hour, (int) g_rand_int_range (rand, 0, 60));
      const char *officer = officers[i % G_N_ELEMENTS (officers)];
      g_autofree char *ticket = g_strdup_printf ("PDW-2026%02d-%04u", month, i + 1);
      g_autofree char *nik = g_strdup_printf ("%s" FIXTURE_NIK_MIDDLE "%06u", regions[i % G_N_ELEMENTS (regions)],
                                              100000 + i);
      PdwReportFileFact *file = pdw_report_facts_add_file (facts, i + 1, created);
      guint outcome = g_rand_int_range (rand, 0, 10);
      gint64 t = created;

      file->ticket = pdw_report_facts_intern (facts, ticket);
      file->complaint_type = i % 11 == 0 ? NULL : pdw_report_facts_intern (facts, types[i % 4]);
      file->institution = pdw_report_facts_intern (facts, institutions[(i / 3) % 5]);
      file->nik = i % 17 == 0 ? NULL : pdw_report_facts_intern (facts, nik);
      file->first_inbound_at = created - 20 * 60;
      file->first_reply_at = created - 20 * 60 + g_rand_int_range (rand, 60, 3 * FIXTURE_HOUR);
      file->last_inbound_at = created - 5 * 60;

      fixture_line (facts, t, "register", officer, TRUE, PDW_COMPLAINT_TERDAFTAR);
      if (outcome == 0)
        {
          fixture_line (facts, t + 600, "reject", officer, TRUE, PDW_COMPLAINT_DITOLAK);
          continue;
        }
      fixture_line (facts, t += 60 + g_rand_int_range (rand, 0, 300), "add_to_consolidation", officer,
                    TRUE, PDW_COMPLAINT_KONSOLIDASI);
      fixture_line (facts, t += 60 + g_rand_int_range (rand, 0, 200), "send_standard_reply", officer,
                    TRUE, PDW_COMPLAINT_MENUNGGU);
      if (outcome == 1)
        continue;   /* still waiting */
      if (outcome == 2)
        {
          fixture_line (facts, t + 5 * FIXTURE_HOUR, "consolidation_duplicate", "Adi", TRUE,
                        PDW_COMPLAINT_RUJUK_BIOMETRIK);
          continue;
        }
      /* Most within the 48 hours, some late. */
      t += outcome == 3 ? 3 * FIXTURE_DAY + 3600 : g_rand_int_range (rand, 2 * FIXTURE_HOUR, 40 * FIXTURE_HOUR);
      if (t >= fixture_wib (4, 1, 0, 0))
        continue;
      fixture_line (facts, t, "consolidation_done", "Adi", FALSE, PDW_COMPLAINT_TERDAFTAR);
      fixture_line (facts, t += 60 + g_rand_int_range (rand, 0, 900), "resolve", officer, TRUE,
                    PDW_COMPLAINT_SELESAI);
      file->survey_asked_at = t;
      if (outcome != 4)
        {
          file->survey_rating = 1 + (int) MIN (3, g_rand_int_range (rand, 0, 6));
          file->survey_rated_at = t + 2 * FIXTURE_HOUR;
        }
    }

  for (int day = 1; day <= 31; day++)
    for (guint n = 0; n < 14; n++)
      {
        gint64 t = fixture_wib (3, day, 0, 0) + g_rand_int_range (rand, 0, FIXTURE_DAY);

        g_array_append_val (facts->citizen_messages, t);
        if (n % 4 == 0)
          g_array_append_val (facts->conversation_starts, t);
      }

  return facts;
}

/* March 2026, two working days as the promise, measured on 2 April. */
static inline PdwReport *
fixture_report (gboolean full)
{
  g_autoptr(PdwReportFacts) facts = fixture_facts (full);
  g_autoptr(PdwServiceCalendar) calendar = pdw_service_calendar_new ();
  PdwSlaPolicy policy = { PDW_SLA_WORKING_DAYS, 2 };
  PdwReportPeriod period;

  g_assert_true (pdw_report_period_init (&period, 2026, 3, 2026, 3, NULL));
  return pdw_report_build (&period, facts, calendar, &policy, fixture_wib (4, 2, 10, 0));
}
