/* consolidation-fixture.h: a small office history for the consolidation
 * tests, built through the real store API.  Synthetic people only.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "store/pdw-store.h"
#include "pdw-test-util.h"

/* The officer every test acts as. */
#define FIXTURE_OFFICER_NAME "Rina Ayu Lestari"
#define FIXTURE_OFFICER_NIP  "199001012015032001"

typedef struct
{
  const char *name;
  const char *nik;
  const char *kk;
  const char *wa_id;
  /* When it was put on the list, WIB; day 0 = not listed. */
  int         listed_day;
  int         listed_hour;
  int         listed_minute;
  gboolean    standard_reply;
} FixtureCitizen;

/* Day 1 of the tests is Monday 2 November 2026 (WIB).
 *   A: listed 06:30 WIB on day 1, which is still 1 November in UTC;
 *   B: listed on day 1 and sent the standard reply (status menunggu);
 *   C: listed on day 2 (3 November);
 *   D: registered on day 1, never listed;
 *   E: listed 23:30 WIB on 1 November, the day before day 1. */
enum { CITIZEN_A, CITIZEN_B, CITIZEN_C, CITIZEN_D, CITIZEN_E, N_CITIZENS };

static const FixtureCitizen fixture_citizens[N_CITIZENS] = {
  { "Siti Aminah",    "1471084101900001", "1471080101200001", "6280000000101", 2, 6, 30, FALSE },
  { "Budi Santoso",   "1471080505850002", "1471080101200002", "6280000000102", 2, 10, 0, TRUE },
  { "Dewi Lestari",   "1471085203920003", "1471080101200003", "6280000000103", 3, 9, 0, FALSE },
  { "Rahmat Hidayat", "1471081010800004", "1471080101200004", "6280000000104", 0, 0, 0, FALSE },
  { "Yusuf Maulana",  "1471082002880005", "1471080101200005", "6280000000105", 1, 23, 30, FALSE },
};

typedef struct
{
  char     *dir;
  char     *db_path;
  PdwStore *store;
  gint64    now;
  char     *tickets[N_CITIZENS];
} Fixture;

static inline gint64
fixture_wib (int day,
             int hour,
             int minute)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 11, day, hour, minute, 0);

  return g_date_time_to_unix (utc) - 7 * 3600;
}

static inline gint64
fixture_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static inline const PdwActor *
fixture_actor (void)
{
  static const PdwActor actor = { FIXTURE_OFFICER_NAME, FIXTURE_OFFICER_NIP, NULL };

  return &actor;
}

static inline gint64
fixture_conversation_for (Fixture    *fixture,
                          const char *wa_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conversations = pdw_store_list_conversations (fixture->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < conversations->len; i++)
    {
      PdwConversation *conversation = g_ptr_array_index (conversations, i);

      if (g_strcmp0 (pdw_conversation_get_wa_id (conversation), wa_id) == 0)
        return pdw_conversation_get_id (conversation);
    }

  g_assert_not_reached ();
  return 0;
}

static inline void
fixture_receive (Fixture              *fixture,
                 const FixtureCitizen *citizen)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_status_update_free);
  PdwInboundMessage *message = pdw_inbound_message_new ();
  PdwIngestResult result = { 0 };

  message->wamid = g_strdup_printf ("wamid.test-%s", citizen->wa_id);
  message->wa_id = g_strdup (citizen->wa_id);
  message->profile_name = g_strdup (citizen->name);
  message->timestamp = fixture->now;
  message->type = g_strdup ("text");
  message->text = g_strdup ("Selamat pagi, data saya tidak aktif di bank.");
  g_ptr_array_add (messages, message);

  g_assert_true (pdw_store_ingest_webhook (fixture->store, "test", body, messages, statuses,
                                           &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.messages_new, ==, 1);
}

static inline void
fixture_apply (Fixture    *fixture,
               const char *ticket,
               const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) complaint = pdw_store_dup_complaint_by_ticket (fixture->store, ticket, &error);
  g_autoptr(PdwComplaint) updated = NULL;

  g_assert_no_error (error);
  updated = pdw_store_apply_action (fixture->store, pdw_complaint_get_id (complaint), action,
                                    NULL, NULL, fixture_actor (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (updated);
}

static inline void
fixture_add_citizen (Fixture *fixture,
                     guint    index)
{
  const FixtureCitizen *citizen = &fixture_citizens[index];
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  PdwComplaintFields fields = {
    citizen->name, citizen->nik, citizen->kk, citizen->wa_id, "nik_tidak_aktif", "bank",
  };
  int day = citizen->listed_day != 0 ? citizen->listed_day : 2;

  fixture->now = fixture_wib (day, citizen->listed_hour, citizen->listed_minute) - 120;
  fixture_receive (fixture, citizen);

  fixture->now += 60;
  complaint = pdw_store_register_complaint (fixture->store,
                                            fixture_conversation_for (fixture, citizen->wa_id),
                                            &fields, fixture_actor (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (complaint);
  fixture->tickets[index] = g_strdup (pdw_complaint_get_ticket (complaint));

  if (citizen->listed_day == 0)
    return;

  fixture->now += 60;
  fixture_apply (fixture, fixture->tickets[index], "add_to_consolidation");

  if (citizen->standard_reply)
    {
      fixture->now += 300;
      fixture_apply (fixture, fixture->tickets[index], "send_standard_reply");
    }
}

static inline Fixture *
fixture_new (void)
{
  g_autoptr(GError) error = NULL;
  Fixture *fixture = g_new0 (Fixture, 1);

  fixture->dir = g_dir_make_tmp ("pdw-consolidation-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "pandawa.db", NULL);
  fixture->store = pdw_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  pdw_store_set_clock (fixture->store, fixture_clock, &fixture->now);

  for (guint i = 0; i < N_CITIZENS; i++)
    fixture_add_citizen (fixture, i);

  /* Officers work the list later in the day. */
  fixture->now = fixture_wib (4, 10, 0);
  return fixture;
}

static inline char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static inline void
fixture_free (Fixture *fixture)
{
  if (fixture->store != NULL)
    pdw_store_set_clock (fixture->store, NULL, NULL);
  g_clear_object (&fixture->store);
  pdw_test_remove_tree (fixture->dir);
  for (guint i = 0; i < N_CITIZENS; i++)
    g_free (fixture->tickets[i]);
  g_free (fixture->db_path);
  g_free (fixture->dir);
  g_free (fixture);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fixture, fixture_free)

static inline void
assert_mode_0600 (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* The last control-card event of a ticket. */
static inline PdwComplaintEvent *
fixture_last_event (Fixture    *fixture,
                    const char *ticket)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) complaint = pdw_store_dup_complaint_by_ticket (fixture->store, ticket, &error);
  g_autoptr(GPtrArray) events = NULL;

  g_assert_no_error (error);
  events = pdw_store_list_complaint_events (fixture->store, pdw_complaint_get_id (complaint), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  return g_object_ref (g_ptr_array_index (events, events->len - 1));
}

static inline PdwComplaint *
fixture_complaint (Fixture    *fixture,
                   const char *ticket)
{
  g_autoptr(GError) error = NULL;
  PdwComplaint *complaint = pdw_store_dup_complaint_by_ticket (fixture->store, ticket, &error);

  g_assert_no_error (error);
  return complaint;
}

/* Fills the Hasil and Catatan cells of @ticket's row in a CSV this module
 * wrote (both are the last two, empty, fields of the row), as an officer
 * would in a spreadsheet. */
static inline char *
fixture_fill_csv_row (const char *csv,
                      const char *ticket,
                      const char *result,
                      const char *note)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *needle = g_strconcat (",", ticket, ",", NULL);
      gsize length = strlen (lines[i]);

      if (strstr (lines[i], needle) == NULL)
        continue;

      g_assert_true (length >= 2 && g_str_has_suffix (lines[i], ",,"));
      lines[i][length - 2] = '\0';
      {
        char *filled = g_strdup_printf ("%s,%s,%s", lines[i], result, note);

        g_free (lines[i]);
        lines[i] = filled;
      }
      return g_strjoinv ("\r\n", lines);
    }

  g_assert_not_reached ();
  return NULL;
}
