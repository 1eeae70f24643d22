/* test-inbox.c: the inbox tabs' filters and counts (Semua, Belum dibalas,
 * Milik saya, Terlambat / segera jatuh tempo), the unread count of the
 * title, and the queue's badge and preview facts they rest on.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "store/pdw-conversation-list.h"
#include "store/pdw-inbox-counter.h"
#include "store/pdw-store-private.h"

#include "test-store-util.h"

#define ME    "Rina Contoh"
#define OTHER "Bambang Contoh"

typedef struct
{
  char     *dir;
  PdwStore *store;
  gint64    now;
  /* Ani: the officer replied.  Bayu: only the automatic reply.  Citra: a
   * file I hold, due in an hour.  Dedi: another officer's file, overdue.
   * Eko: wrote a month ago, read, nothing open. */
  gint64    ani, bayu, citra, dedi, eko;
} Fixture;

static gint64
conversation_of (PdwStore   *store,
                 const char *wa_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conversations = pdw_store_list_conversations (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < conversations->len; i++)
    if (g_strcmp0 (pdw_conversation_get_wa_id (g_ptr_array_index (conversations, i)), wa_id) == 0)
      return pdw_conversation_get_id (g_ptr_array_index (conversations, i));
  g_assert_not_reached ();
}

static gint64
writes (Fixture    *f,
        const char *wamid,
        const char *wa_id,
        const char *name,
        gint64      when)
{
  test_ingest (f->store, test_messages (test_inbound (wamid, wa_id, name, when, "data saya ganda"), NULL), NULL);
  return conversation_of (f->store, wa_id);
}

static void
register_held_by (Fixture    *f,
                  gint64      conversation_id,
                  const char *nik,
                  const char *officer_name,
                  gint64      due_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autofree char *sql = NULL;
  PdwActor actor = { officer_name, "199001012020121001", NULL };
  PdwComplaintFields fields = {
    .citizen_name = "Warga Contoh", .nik = nik, .phone = "6280000000099",
    .complaint_type = "nik_tidak_aktif", .institution = "bank",
  };

  complaint = pdw_store_register_complaint (f->store, conversation_id, &fields, &actor, &error);
  g_assert_no_error (error);
  /* The clock as the SOP's standard reply starts it. */
  sql = g_strdup_printf ("UPDATE complaints SET due_at = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                         due_at, pdw_complaint_get_id (complaint));
  g_assert_true (_pdw_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_make_db_path (&f->dir);

  f->store = pdw_store_open (path, &error);
  g_assert_no_error (error);
  f->now = g_get_real_time () / G_USEC_PER_SEC;

  f->eko = writes (f, "wamid.E1", "6280000000015", "Eko Contoh", f->now - 30 * 86400);
  g_assert_true (pdw_store_mark_conversation_read (f->store, f->eko, &error));

  f->ani = writes (f, "wamid.A1", "6280000000011", "Ani Contoh", f->now - 600);
  g_assert_cmpint (pdw_store_queue_outgoing_text (f->store, f->ani, "Baik, kami bantu.", ME, &error), >, 0);
  g_assert_no_error (error);

  f->bayu = writes (f, "wamid.B1", "6280000000012", "Bayu Contoh", f->now - 500);
  g_assert_cmpint (pdw_store_queue_auto_reply (f->store, f->bayu, "Kantor sedang tutup.", &error), >, 0);
  g_assert_no_error (error);

  f->citra = writes (f, "wamid.C1", "6280000000013", "Citra Contoh", f->now - 400);
  register_held_by (f, f->citra, "1471010101900001", ME, f->now + 3600);

  f->dedi = writes (f, "wamid.D1", "6280000000014", "Dedi Contoh", f->now - 300);
  register_held_by (f, f->dedi, "1471014502850002", OTHER, f->now - 3600);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  pdw_test_remove_tree (f->dir);
  g_free (f->dir);
}

static PdwConversationQuery
query_for (Fixture               *f,
           PdwConversationFilter  filter)
{
  PdwConversationQuery query = { filter, f->now, f->now - 14 * 86400, 8 * 3600, 0, ME };

  return query;
}

/* The filter's conversations, as a sorted list of ids in a string. */
static char *
keys_of (Fixture               *f,
         PdwConversationFilter  filter)
{
  g_autoptr(GError) error = NULL;
  PdwConversationQuery query = query_for (f, filter);
  g_autoptr(GArray) keys = pdw_store_list_conversation_keys (f->store, &query, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  const gint64 order[] = { f->ani, f->bayu, f->citra, f->dedi, f->eko };
  const char *names[] = { "ani", "bayu", "citra", "dedi", "eko" };

  g_assert_no_error (error);
  for (guint n = 0; n < G_N_ELEMENTS (order); n++)
    for (guint i = 0; i < keys->len; i++)
      if (g_array_index (keys, PdwConversationKey, i).id == order[n])
        g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", names[n]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_matches (Fixture               *f,
                PdwConversationFilter  filter,
                gint64                 id,
                gboolean               expected)
{
  g_autoptr(GError) error = NULL;
  PdwConversationQuery query = query_for (f, filter);
  PdwConversationKey key;
  gboolean matches = !expected;

  g_assert_true (pdw_store_match_conversation (f->store, &query, id, &key, &matches, &error));
  g_assert_no_error (error);
  g_assert_cmpint (matches, ==, expected);
}

static void
test_tabs_contents (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *all = keys_of (f, PDW_CONVERSATION_FILTER_WORKING_SET);
  g_autofree char *unanswered = keys_of (f, PDW_CONVERSATION_FILTER_UNANSWERED);
  g_autofree char *mine = keys_of (f, PDW_CONVERSATION_FILTER_MINE);
  g_autofree char *attention = keys_of (f, PDW_CONVERSATION_FILTER_ATTENTION);
  g_autoptr(GError) error = NULL;
  PdwConversationQuery query = query_for (f, PDW_CONVERSATION_FILTER_WORKING_SET);
  PdwInboxCounts counts;

  g_assert_cmpstr (all, ==, "ani bayu citra dedi");
  /* Ani has the officer's reply; Bayu's automatic reply answers nothing. */
  g_assert_cmpstr (unanswered, ==, "bayu citra dedi");
  g_assert_cmpstr (mine, ==, "citra");
  g_assert_cmpstr (attention, ==, "citra dedi");

  /* One conversation's match agrees with the keys. */
  assert_matches (f, PDW_CONVERSATION_FILTER_UNANSWERED, f->ani, FALSE);
  assert_matches (f, PDW_CONVERSATION_FILTER_UNANSWERED, f->bayu, TRUE);
  assert_matches (f, PDW_CONVERSATION_FILTER_UNANSWERED, f->eko, FALSE);
  assert_matches (f, PDW_CONVERSATION_FILTER_MINE, f->citra, TRUE);
  assert_matches (f, PDW_CONVERSATION_FILTER_MINE, f->dedi, FALSE);
  assert_matches (f, PDW_CONVERSATION_FILTER_ATTENTION, f->dedi, TRUE);
  assert_matches (f, PDW_CONVERSATION_FILTER_ATTENTION, f->ani, FALSE);

  g_assert_true (pdw_store_count_inbox (f->store, &query, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.all, ==, 4);
  g_assert_cmpuint (counts.unanswered, ==, 3);
  g_assert_cmpuint (counts.mine, ==, 1);
  g_assert_cmpuint (counts.attention, ==, 2);
  /* Ani was never opened, but answered: not unread.  Eko was read. */
  g_assert_cmpuint (counts.unread, ==, 3);

  /* Nobody on duty: no file is mine. */
  query.officer = NULL;
  g_assert_true (pdw_store_count_inbox (f->store, &query, &counts, &error));
  g_assert_cmpuint (counts.mine, ==, 0);

  /* The officer answers Bayu: he leaves Belum dibalas. */
  g_assert_cmpint (pdw_store_queue_outgoing_text (f->store, f->bayu, "Baik.", OTHER, &error), >, 0);
  g_clear_pointer (&unanswered, g_free);
  unanswered = keys_of (f, PDW_CONVERSATION_FILTER_UNANSWERED);
  g_assert_cmpstr (unanswered, ==, "citra dedi");
}

/* A conversation whose last message is the officer's own shows no unread
 * badge, though nobody marked it read; the automatic reply is marked. */
static void
test_badge_and_preview (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwConversation) ani = pdw_store_dup_conversation (f->store, f->ani, &error);
  g_autoptr(PdwConversation) bayu = pdw_store_dup_conversation (f->store, f->bayu, &error);
  g_autoptr(PdwConversation) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (pdw_conversation_get_last_message_direction (ani), ==, PDW_DIRECTION_OUT);
  g_assert_cmpuint (pdw_conversation_get_unread_count (ani), ==, 0);
  g_assert_false (pdw_conversation_get_last_message_automatic (ani));

  g_assert_cmpint (pdw_conversation_get_last_message_direction (bayu), ==, PDW_DIRECTION_OUT);
  g_assert_cmpuint (pdw_conversation_get_unread_count (bayu), ==, 1);
  g_assert_true (pdw_conversation_get_last_message_automatic (bayu));

  /* Ani writes again: one unread, counted from the officer's reply. */
  test_ingest (f->store, test_messages (test_inbound ("wamid.A2", "6280000000011", "Ani Contoh",
                                                      f->now - 60, "terima kasih"), NULL), NULL);
  again = pdw_store_dup_conversation (f->store, f->ani, &error);
  g_assert_cmpuint (pdw_conversation_get_unread_count (again), ==, 1);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
wait_for_counter (PdwInboxCounter *counter)
{
  SPIN_UNTIL (!pdw_inbox_counter_is_busy (counter));
}

/* The counts come from a thread and follow the store's changes. */
static void
test_counter (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PdwConversationList) list = pdw_conversation_list_new (f->store);
  g_autoptr(PdwInboxCounter) counter = NULL;
  guint unread = 0, notifies = 0;

  pdw_conversation_list_set_officer (list, ME);
  pdw_conversation_list_set_filter (list, PDW_CONVERSATION_FILTER_MINE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  counter = pdw_inbox_counter_new (f->store, list);
  g_signal_connect (counter, "notify::unread", G_CALLBACK (notify_cb), &notifies);
  g_assert_true (pdw_inbox_counter_is_busy (counter));
  wait_for_counter (counter);
  g_assert_cmpuint (pdw_inbox_counter_get_count (counter, PDW_CONVERSATION_FILTER_WORKING_SET), ==, 4);
  g_assert_cmpuint (pdw_inbox_counter_get_count (counter, PDW_CONVERSATION_FILTER_UNANSWERED), ==, 3);
  g_assert_cmpuint (pdw_inbox_counter_get_count (counter, PDW_CONVERSATION_FILTER_MINE), ==, 1);
  g_assert_cmpuint (pdw_inbox_counter_get_count (counter, PDW_CONVERSATION_FILTER_ATTENTION), ==, 2);
  g_assert_cmpuint (pdw_inbox_counter_get_count (counter, PDW_CONVERSATION_FILTER_ARCHIVE), ==, G_MAXUINT);
  g_object_get (counter, "unread", &unread, NULL);
  g_assert_cmpuint (unread, ==, 3);
  g_assert_cmpuint (notifies, ==, 1);

  /* Eko writes again: back in Semua, Belum dibalas and unread. */
  test_ingest (f->store, test_messages (test_inbound ("wamid.E2", "6280000000015", "Eko Contoh",
                                                      f->now - 10, "halo lagi"), NULL), NULL);
  wait_for_counter (counter);
  g_assert_cmpuint (pdw_inbox_counter_get_counts (counter)->all, ==, 5);
  g_assert_cmpuint (pdw_inbox_counter_get_counts (counter)->unanswered, ==, 4);
  g_assert_cmpuint (pdw_inbox_counter_get_counts (counter)->unread, ==, 4);
  g_assert_cmpuint (notifies, ==, 2);

  /* Another officer on duty: the list and the count of Milik saya follow. */
  pdw_conversation_list_set_officer (list, OTHER);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  pdw_inbox_counter_refresh (counter);
  wait_for_counter (counter);
  g_assert_cmpuint (pdw_inbox_counter_get_counts (counter)->mine, ==, 1);
  pdw_conversation_list_set_officer (list, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/inbox/tabs-contents", Fixture, NULL, fixture_set_up, test_tabs_contents, fixture_tear_down);
  g_test_add ("/inbox/badge-and-preview", Fixture, NULL, fixture_set_up, test_badge_and_preview, fixture_tear_down);
  g_test_add ("/inbox/counter", Fixture, NULL, fixture_set_up, test_counter, fixture_tear_down);

  return g_test_run ();
}
