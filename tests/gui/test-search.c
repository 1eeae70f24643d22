/* test-search.c: Ctrl+F in the window on a few hundred conversations:
 * results for a name prefix, a phone number, a ticket and a NIK suffix,
 * Enter opens the conversation, Escape returns to the queue, and the
 * citizen's reply box never gets a key.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gui/pdw-composer.h"
#include "gui/pdw-search-result-row.h"
#include "gui/pdw-search-results.h"
#include "gui/pdw-window.h"
#include "store/pdw-store.h"
#include "pdw-test-util.h"
#include "pdw-test-window.h"

#define N_CITIZENS 300
/* The one the searches look for: synthetic numbers only. */
#define BUDI_WA_ID   "6280000000777"
#define BUDI_PHONE   "0800-0000-0777"
#define BUDI_NIK     "1471084101905678"
/* Wrote two months ago and was answered: not in the queue's working set. */
#define HASAN_WA_ID  "6280000000888"

typedef struct
{
  PdwTestDesk desk;
  PdwStore   *store;     /* the desk's */
  PdwWindow  *window;    /* the desk's */
  gint64      budi_id;
  gint64      hasan_id;
  char       *budi_ticket;
} Fixture;

/* Citizen @i wrote @i minutes before the last one. */
static PdwInboundMessage *
make_message (int         i,
              const char *wa_id,
              const char *profile_name,
              const char *text)
{
  g_autofree char *wamid = g_strdup_printf ("wamid.S%d", i);

  return pdw_test_message_new (wamid, wa_id, profile_name,
                               g_get_real_time () / G_USEC_PER_SEC - (N_CITIZENS - i) * 60, text);
}

static void
fill_store (Fixture *fixture)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_status_update_free);
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;
  PdwIngestResult result = { 0 };
  PdwComplaintFields fields = { 0 };
  PdwActor actor = { "Petugas Uji", "199001012020011001", NULL };

  for (int i = 0; i < N_CITIZENS; i++)
    {
      g_autofree char *wa_id = g_strdup_printf ("62800001%05d", i);
      g_autofree char *name = g_strdup_printf ("Warga %03d", i);

      g_ptr_array_add (messages, make_message (i, wa_id, name, "Mohon bantuan untuk KTP saya"));
    }
  g_ptr_array_add (messages, make_message (N_CITIZENS, BUDI_WA_ID, "Pak Budi",
                                           "Selamat siang, akta kelahiran anak saya salah tanggal"));
  g_ptr_array_add (messages, make_message (N_CITIZENS + 1, HASAN_WA_ID, "Hasanuddin", "Terima kasih, sudah beres"));
  ((PdwInboundMessage *) g_ptr_array_index (messages, messages->len - 1))->timestamp -= 60 * 24 * 3600;

  g_assert_true (pdw_store_ingest_webhook (fixture->store, "test", body, messages, statuses, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.messages_new, ==, N_CITIZENS + 2);

  fixture->hasan_id = pdw_test_find_conversation (fixture->store, HASAN_WA_ID);
  g_assert_true (pdw_store_mark_conversation_read (fixture->store, fixture->hasan_id, &error));
  g_assert_no_error (error);

  fixture->budi_id = pdw_test_find_conversation (fixture->store, BUDI_WA_ID);
  fields.citizen_name = "Budi Santoso";
  fields.nik = BUDI_NIK;
  fields.phone = "+" BUDI_WA_ID;
  fields.complaint_type = "nik_tidak_aktif";
  fields.institution = "bank";
  complaint = pdw_store_register_complaint (fixture->store, fixture->budi_id, &fields, &actor, &error);
  g_assert_no_error (error);
  fixture->budi_ticket = g_strdup (pdw_complaint_get_ticket (complaint));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  pdw_test_desk_open (&fixture->desk, "search");
  fixture->store = fixture->desk.store;
  fill_store (fixture);

  fixture->window = pdw_window_new (NULL, fixture->desk.context, FALSE);
  pdw_test_desk_present (&fixture->desk, GTK_WINDOW (fixture->window));
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  pdw_test_drain_main_context ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pdw_test_desk_close (&fixture->desk);
  g_clear_pointer (&fixture->budi_ticket, g_free);
}

/* The results show instead of the queue. */
static gboolean
searching (Fixture *fixture)
{
  return gtk_widget_get_visible (GTK_WIDGET (pdw_window_get_search_results (fixture->window)));
}

static PdwComposer *
composer_of (Fixture *fixture)
{
  return PDW_COMPOSER (pdw_chat_view_get_composer (pdw_window_get_chat_view (fixture->window)));
}

static GtkWidget *
search_entry_of (Fixture *fixture)
{
  PdwSearchResults *results = pdw_window_get_search_results (fixture->window);
  GtkWidget *entry = NULL;

  g_object_get (results, "entry", &entry, NULL);
  g_object_unref (entry);   /* the window's template keeps it */
  return entry;
}

/* Enter in the entry: the search closes on @conversation_id's chat, with
 * nothing typed into its reply box. */
static void
press_enter_opens (Fixture *fixture,
                   gint64   conversation_id)
{
  PdwChatView *chat = pdw_window_get_chat_view (fixture->window);

  g_signal_emit_by_name (search_entry_of (fixture), "activate");
  SPIN_UNTIL (!searching (fixture));

  g_assert_cmpint (pdw_conversation_get_id (pdw_chat_view_get_conversation (chat)), ==, conversation_id);
  g_assert_true (pdw_composer_get_empty (composer_of (fixture)));
}

static gboolean
focus_is_in (Fixture   *fixture,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The window's own Ctrl+F, taken before any widget sees the key. */
static gboolean
window_captures_ctrl_f (Fixture *fixture)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  g_autoptr(GtkShortcutTrigger) ctrl_f = gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), ctrl_f) &&
              GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "win.search"))
            return TRUE;
        }
    }

  return FALSE;
}

/* Types @text in the search entry and waits for its results. */
static void
type_query (Fixture    *fixture,
            const char *text)
{
  PdwSearchResults *results = pdw_window_get_search_results (fixture->window);

  gtk_editable_set_text (GTK_EDITABLE (search_entry_of (fixture)), text);
  SPIN_UNTIL (g_strcmp0 (pdw_search_results_get_query (results), text) == 0);
}

/* Types @text and waits for its results; the first row, which must be
 * Budi's, said it matched @field. */
static void
search_for_budi (Fixture        *fixture,
                 const char     *text,
                 PdwSearchField  field)
{
  PdwSearchResults *results = pdw_window_get_search_results (fixture->window);
  GtkListBox *list = pdw_search_results_get_list (results);
  PdwSearchResultRow *row;
  PdwSearchResult *result;

  type_query (fixture, text);

  row = PDW_SEARCH_RESULT_ROW (gtk_list_box_get_row_at_index (list, 0));
  g_assert_nonnull (row);
  result = pdw_search_result_row_get_result (row);
  g_assert_cmpint (pdw_search_result_get_conversation_id (result), ==, fixture->budi_id);
  g_assert_cmpint (pdw_search_result_get_field (result), ==, field);
  g_assert_cmpstr (pdw_search_result_row_get_field_text (row), ==, pdw_search_result_row_get_field_label (field));
  g_assert_true (pdw_composer_get_empty (composer_of (fixture)));
}

static void
test_search_fields (Fixture       *fixture,
                    gconstpointer  data)
{
  PdwSearchResults *results = pdw_window_get_search_results (fixture->window);
  GtkListBox *list = pdw_search_results_get_list (results);
  PdwSearchResultRow *row;

  /* An officer in the middle of a reply box presses Ctrl+F. */
  g_assert_true (pdw_window_select_conversation (fixture->window, pdw_test_find_conversation (fixture->store, "6280000100001")));
  pdw_composer_grab_text_focus (composer_of (fixture));
  pdw_test_drain_main_context ();
  g_assert_true (window_captures_ctrl_f (fixture));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  pdw_test_drain_main_context ();

  g_assert_true (searching (fixture));
  g_assert_true (focus_is_in (fixture, search_entry_of (fixture)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (results)));

  search_for_budi (fixture, "bud", PDW_SEARCH_FIELD_CITIZEN_NAME);
  row = PDW_SEARCH_RESULT_ROW (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (pdw_search_result_row_get_snippet_text (row), ==, "Budi Santoso");

  search_for_budi (fixture, BUDI_PHONE, PDW_SEARCH_FIELD_PHONE);
  search_for_budi (fixture, fixture->budi_ticket, PDW_SEARCH_FIELD_TICKET);
  search_for_budi (fixture, "5678", PDW_SEARCH_FIELD_NIK);
  /* Masked as the store gives it: the full NIK is never on screen. */
  row = PDW_SEARCH_RESULT_ROW (gtk_list_box_get_row_at_index (list, 0));
  g_assert_null (strstr (pdw_search_result_row_get_snippet_text (row), BUDI_NIK));
  search_for_budi (fixture, "akta kelahiran", PDW_SEARCH_FIELD_MESSAGE);

  /* Many citizens at once; then nothing. */
  type_query (fixture, "warga");
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 10));
  type_query (fixture, "zzzqqq");
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_assert_true (pdw_composer_get_empty (composer_of (fixture)));
}

static void
test_search_enter_opens (Fixture       *fixture,
                         gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  search_for_budi (fixture, "5678", PDW_SEARCH_FIELD_NIK);

  press_enter_opens (fixture, fixture->budi_id);
}

/* Enter typed before the results of the last keystroke: it opens what
 * that keystroke finds, not the older query's first row. */
static void
test_search_enter_before_results (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *entry = search_entry_of (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  type_query (fixture, "warga");

  gtk_editable_set_text (GTK_EDITABLE (entry), "5678");
  press_enter_opens (fixture, fixture->budi_id);
}

/* Search is how the officer reaches the archive: the conversation opens
 * though the queue does not list it. */
static void
test_search_opens_archived (Fixture       *fixture,
                            gconstpointer  data)
{
  PdwSearchResults *results = pdw_window_get_search_results (fixture->window);
  PdwSearchResultRow *row;

  g_assert_cmpuint (pdw_conversation_list_find (pdw_window_get_conversations (fixture->window), fixture->hasan_id),
                    ==, G_MAXUINT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  type_query (fixture, "hasan");
  row = PDW_SEARCH_RESULT_ROW (gtk_list_box_get_row_at_index (pdw_search_results_get_list (results), 0));
  g_assert_nonnull (row);
  g_assert_cmpint (pdw_search_result_get_field (pdw_search_result_row_get_result (row)), ==, PDW_SEARCH_FIELD_PROFILE_NAME);

  press_enter_opens (fixture, fixture->hasan_id);
}

static void
test_search_escape (Fixture       *fixture,
                    gconstpointer  data)
{
  PdwSearchResults *results = pdw_window_get_search_results (fixture->window);
  GtkWidget *entry = search_entry_of (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  search_for_budi (fixture, "bud", PDW_SEARCH_FIELD_CITIZEN_NAME);

  g_signal_emit_by_name (entry, "stop-search");
  pdw_test_drain_main_context ();

  g_assert_false (searching (fixture));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (results)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (focus_is_in (fixture, pdw_window_get_conversation_view (fixture->window)));
  g_assert_true (pdw_composer_get_empty (composer_of (fixture)));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/search/fields", Fixture, NULL, fixture_set_up, test_search_fields, fixture_tear_down);
  g_test_add ("/gui/search/enter-opens", Fixture, NULL, fixture_set_up, test_search_enter_opens, fixture_tear_down);
  g_test_add ("/gui/search/enter-before-results", Fixture, NULL, fixture_set_up, test_search_enter_before_results, fixture_tear_down);
  g_test_add ("/gui/search/opens-archived", Fixture, NULL, fixture_set_up, test_search_opens_archived, fixture_tear_down);
  g_test_add ("/gui/search/escape", Fixture, NULL, fixture_set_up, test_search_escape, fixture_tear_down);

  return g_test_run ();
}
