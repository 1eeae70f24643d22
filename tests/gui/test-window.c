/* test-window.c: the real window on a fixture database.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gui/pdw-complaint-pane-private.h"
#include "gui/pdw-composer.h"
#include "gui/pdw-conversation-row.h"
#include "gui/pdw-format.h"
#include "gui/pdw-message-row.h"
#include "gui/pdw-overdue-monitor.h"
#include "gui/pdw-window.h"
#include "store/pdw-store.h"
#include "pdw-test-window.h"

/* 2025-11-03 09:15, 2025-11-04 10:20 and 2025-11-05 14:30 WIB. */
#define TIME_SITI  G_GINT64_CONSTANT (1762136100)
#define TIME_RUDI  G_GINT64_CONSTANT (1762226400)
#define TIME_BUDI  G_GINT64_CONSTANT (1762327800)

#define BUDI_TEXT "Selamat siang\nNama: Budi Santoso\nNIK: 1471084101909999"

typedef struct
{
  PdwTestDesk desk;
  PdwWindow  *window;   /* desk.window */
  gint64     siti_id;
  gint64     rudi_id;
  gint64     budi_id;
} Fixture;

/* The fixture's message times: fixed dates for the formatting tests, or
 * for "recent" fixtures the last few hours in the same order, so that
 * WhatsApp's 24-hour window is open and free-form replies may go. */
static gboolean recent_times;

static gint64
fixture_time (gint64 fixed,
              int    hours_ago)
{
  return recent_times ? g_get_real_time () / G_USEC_PER_SEC - hours_ago * 3600 : fixed;
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
  PdwActor actor = { "Petugas Uji", "199001012020011001" };

  g_ptr_array_add (messages, pdw_test_message_new ("wamid.T1", "6280000000801", "Siti Aminah", fixture_time (TIME_SITI, 3),
                                                   "NIK saya tidak aktif di bank"));
  g_ptr_array_add (messages, pdw_test_message_new ("wamid.T2", "6280000000802", "Rudi", fixture_time (TIME_RUDI - 60, 2) - (recent_times ? 60 : 0),
                                                   "Halo"));
  g_ptr_array_add (messages, pdw_test_message_new ("wamid.T3", "6280000000802", "Rudi", fixture_time (TIME_RUDI, 2),
                                                   "BPJS saya tidak bisa dipakai"));
  g_ptr_array_add (messages, pdw_test_message_new ("wamid.T4", "6280000000803", "Budi", fixture_time (TIME_BUDI, 1), BUDI_TEXT));

  g_assert_true (pdw_store_ingest_webhook (fixture->desk.store, "test", body, messages, statuses, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.messages_new, ==, 4);

  fixture->siti_id = pdw_test_find_conversation (fixture->desk.store, "6280000000801");
  fixture->rudi_id = pdw_test_find_conversation (fixture->desk.store, "6280000000802");
  fixture->budi_id = pdw_test_find_conversation (fixture->desk.store, "6280000000803");

  fields.citizen_name = "Siti Aminah";
  fields.nik = "1471084101909999";
  fields.phone = "+6280000000801";
  fields.complaint_type = "nik_tidak_aktif";
  fields.institution = "bank";
  complaint = pdw_store_register_complaint (fixture->desk.store, fixture->siti_id, &fields, &actor, &error);
  g_assert_no_error (error);
  g_assert_nonnull (complaint);
}

static gboolean
timed_out_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @check holds; fails the test after 10 s so a
 * broken window cannot hang the suite. */
static void
wait_for (gboolean (*check) (gpointer data),
          gpointer   data,
          const char *what)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (10, timed_out_cb, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for %s", what);

  g_source_remove (source);

  /* Let layout settle so rows are bound. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
collect_rows (GtkWidget *widget,
              GType      type,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_child_visible (gtk_widget_get_parent (child)))
        g_ptr_array_add (rows, child);
      else
        collect_rows (child, type, rows);
    }
}

/* The rows of the queue, in model order (the widget order of a list view
 * is not the model order). */
static GPtrArray *
conversation_rows (Fixture *fixture)
{
  PdwConversationList *model = pdw_window_get_conversations (fixture->window);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GPtrArray *rows = g_ptr_array_new ();

  collect_rows (pdw_window_get_conversation_view (fixture->window), PDW_TYPE_CONVERSATION_ROW, found);
  g_ptr_array_set_size (rows, n_items);

  for (guint i = 0; i < found->len; i++)
    {
      PdwConversationRow *row = g_ptr_array_index (found, i);
      PdwConversation *conversation = pdw_conversation_row_get_conversation (row);
      guint position;

      if (conversation == NULL)
        continue;

      position = pdw_conversation_list_find (model, pdw_conversation_get_id (conversation));
      g_assert_cmpuint (position, <, n_items);
      g_ptr_array_index (rows, position) = row;
    }

  return rows;
}

static gboolean
rows_bound (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) rows = NULL;

  if (!gtk_widget_get_mapped (GTK_WIDGET (fixture->window)))
    return FALSE;

  rows = conversation_rows (fixture);
  if (rows->len != 3)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      if (g_ptr_array_index (rows, i) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  recent_times = g_strcmp0 (data, "recent") == 0;

  pdw_test_desk_open (&fixture->desk, "window");
  fill_store (fixture);

  fixture->window = pdw_window_new (NULL, fixture->desk.context, FALSE);
  pdw_test_desk_present (&fixture->desk, GTK_WINDOW (fixture->window));
  wait_for (rows_bound, fixture, "the queue rows");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pdw_test_desk_close (&fixture->desk);
  fixture->window = NULL;
}

static void
test_format_times (void)
{
  g_autofree char *today = pdw_format_list_time (TIME_BUDI, TIME_BUDI + 3600);
  g_autofree char *yesterday = pdw_format_list_time (TIME_RUDI, TIME_BUDI);
  g_autofree char *older = pdw_format_list_time (TIME_SITI, TIME_BUDI);
  /* 23:30 UTC is already the next day in WIB. */
  g_autofree char *late = pdw_format_list_time (G_GINT64_CONSTANT (1762385400), G_GINT64_CONSTANT (1762390800));
  g_autofree char *clock = pdw_format_clock (TIME_BUDI);

  g_assert_cmpstr (today, ==, "14:30");
  g_assert_cmpstr (yesterday, ==, "Yesterday");
  g_assert_cmpstr (older, ==, "03/11");
  g_assert_cmpstr (late, ==, "06:30");
  g_assert_cmpstr (clock, ==, "14:30");
}

static void
test_queue_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = conversation_rows (fixture);
  PdwConversationRow *budi = g_ptr_array_index (rows, 0);
  PdwConversationRow *rudi = g_ptr_array_index (rows, 1);
  PdwConversationRow *siti = g_ptr_array_index (rows, 2);

  g_assert_cmpuint (rows->len, ==, 3);

  /* Newest activity first. */
  g_assert_cmpstr (pdw_conversation_row_get_name_text (budi), ==, "Budi");
  g_assert_cmpstr (pdw_conversation_row_get_name_text (rudi), ==, "Rudi");
  g_assert_cmpstr (pdw_conversation_row_get_name_text (siti), ==, "Siti Aminah");

  /* A preview is one line. */
  g_assert_cmpstr (pdw_conversation_row_get_preview_text (budi), ==,
                   "Selamat siang Nama: Budi Santoso NIK: 1471084101909999");
  g_assert_cmpstr (pdw_conversation_row_get_preview_text (rudi), ==, "BPJS saya tidak bisa dipakai");
  g_assert_cmpstr (pdw_conversation_row_get_time_text (siti), ==, "03/11");

  g_assert_cmpstr (pdw_conversation_row_get_unread_text (budi), ==, "1");
  g_assert_cmpstr (pdw_conversation_row_get_unread_text (rudi), ==, "2");

  g_assert_cmpstr (pdw_conversation_row_get_status_text (budi), ==, "New");
  g_assert_null (pdw_conversation_row_get_ticket_text (budi));
  g_assert_cmpstr (pdw_conversation_row_get_status_text (siti), ==, "Registered");
  g_assert_true (g_str_has_prefix (pdw_conversation_row_get_ticket_text (siti), "PDW-"));
}

static gboolean
budi_read (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) rows = conversation_rows (fixture);
  PdwConversationRow *row = rows->len > 0 ? g_ptr_array_index (rows, 0) : NULL;

  return row != NULL && pdw_conversation_row_get_unread_text (row) == NULL;
}

static gboolean
chat_has_rows (gpointer data)
{
  Fixture *fixture = data;
  PdwChatView *chat = pdw_window_get_chat_view (fixture->window);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (pdw_chat_view_get_list_view (chat), PDW_TYPE_MESSAGE_ROW, rows);
  return rows->len > 0;
}

static void
test_select_conversation (Fixture       *fixture,
                          gconstpointer  data)
{
  PdwChatView *chat = pdw_window_get_chat_view (fixture->window);
  PdwComplaintPane *pane = pdw_window_get_complaint_pane (fixture->window);
  PdwComplaintFormSection *form = _pdw_complaint_pane_get_form_section (pane);
  PdwComplaintStatusSection *status = _pdw_complaint_pane_get_status_section (pane);
  PdwComplaintTimelineSection *timeline = _pdw_complaint_pane_get_timeline_section (pane);
  g_autoptr(GPtrArray) bubbles = g_ptr_array_new ();
  PdwMessageRow *bubble;

  pdw_window_select_position (fixture->window, 0);
  wait_for (chat_has_rows, fixture, "the chat bubbles");

  g_assert_cmpint (pdw_conversation_get_id (pdw_chat_view_get_conversation (chat)), ==, fixture->budi_id);
  g_assert_cmpuint (g_list_model_get_n_items (pdw_chat_view_get_messages (chat)), ==, 1);

  collect_rows (pdw_chat_view_get_list_view (chat), PDW_TYPE_MESSAGE_ROW, bubbles);
  g_assert_cmpuint (bubbles->len, ==, 1);
  bubble = g_ptr_array_index (bubbles, 0);
  g_assert_cmpstr (pdw_message_row_get_text (bubble), ==, BUDI_TEXT);
  g_assert_cmpstr (pdw_message_row_get_time_text (bubble), ==, "14:30");
  g_assert_null (pdw_message_row_get_status_icon (bubble));

  /* Selecting marks it read, and the queue follows. */
  wait_for (budi_read, fixture, "the unread badge to go");

  /* The pane is filled in from the citizen's message, for checking. */
  g_assert_true (pdw_complaint_form_section_get_prefilled (form));
  g_assert_cmpstr (gtk_editable_get_text (pdw_complaint_form_section_get_name_editable (form)), ==, "Budi Santoso");
  g_assert_cmpstr (gtk_editable_get_text (pdw_complaint_form_section_get_nik_editable (form)), ==, "1471084101909999");
  g_assert_cmpstr (gtk_editable_get_text (pdw_complaint_form_section_get_phone_editable (form)), ==, "+6280000000803");
  g_assert_cmpstr (pdw_complaint_status_section_get_status_text (status), ==, "New");
  g_assert_cmpstr (pdw_complaint_form_section_get_mark (form, "name"), ==, "from message");
  g_assert_cmpstr (pdw_complaint_form_section_get_mark (form, "nik"), ==, "from message");
  g_assert_cmpstr (pdw_complaint_form_section_get_mark (form, "phone"), ==, "WhatsApp number");
  /* Nothing says what Budi's complaint is about: the officer chooses. */
  g_assert_null (pdw_complaint_form_section_get_type_code (form));
  g_assert_null (pdw_complaint_form_section_get_mark (form, "type"));
  g_assert_false (gtk_widget_get_sensitive (pdw_complaint_form_section_get_register_button (form)));
  g_assert_nonnull (strstr (pdw_complaint_form_section_get_register_hint (form), "complaint type"));
  pdw_complaint_form_section_choose_type (form, "data_ganda");
  g_assert_true (gtk_widget_get_sensitive (pdw_complaint_form_section_get_register_button (form)));

  /* The registered one shows its ticket and control card, read-only. */
  pdw_window_select_position (fixture->window,
                              pdw_conversation_list_find (pdw_window_get_conversations (fixture->window),
                                                          fixture->siti_id));
  g_assert_cmpstr (pdw_complaint_status_section_get_status_text (status), ==, "Registered");
  g_assert_true (g_str_has_prefix (pdw_complaint_status_section_get_ticket_text (status), "PDW-"));
  g_assert_cmpuint (g_list_model_get_n_items (pdw_complaint_timeline_section_get_events (timeline)), ==, 1);
  /* Registered fields are shown as text, not as inputs. */
  g_assert_cmpstr (pdw_complaint_get_nik (pdw_complaint_pane_get_complaint (pane)), ==, "1471084101909999");
  g_assert_false (gtk_widget_get_visible (pdw_complaint_form_section_get_register_button (form)));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (pdw_complaint_form_section_get_nik_editable (form))));
}

static void
test_identity_validation (Fixture       *fixture,
                          gconstpointer  data)
{
  PdwComplaintPane *pane = pdw_window_get_complaint_pane (fixture->window);
  PdwComplaintFormSection *form = _pdw_complaint_pane_get_form_section (pane);
  PdwComplaintStatusSection *status = _pdw_complaint_pane_get_status_section (pane);
  PdwComplaintTimelineSection *timeline = _pdw_complaint_pane_get_timeline_section (pane);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkEditable *nik;
  GtkWidget *button = pdw_complaint_form_section_get_register_button (form);
  const char *details;

  pdw_window_select_position (fixture->window,
                              pdw_conversation_list_find (pdw_window_get_conversations (fixture->window),
                                                          fixture->rudi_id));
  nik = pdw_complaint_form_section_get_nik_editable (form);

  /* No one named in Rudi's messages: the name is the profile's, and says
   * so; what he complains about is read ("BPJS saya tidak bisa dipakai"). */
  g_assert_cmpstr (gtk_editable_get_text (pdw_complaint_form_section_get_name_editable (form)), ==, "Rudi");
  g_assert_cmpstr (pdw_complaint_form_section_get_mark (form, "name"), ==, "WhatsApp profile");
  g_assert_cmpstr (pdw_complaint_form_section_get_type_code (form), ==, "nik_tidak_aktif");
  g_assert_cmpstr (pdw_complaint_form_section_get_institution_code (form), ==, "bpjs_kesehatan");
  g_assert_cmpstr (pdw_complaint_form_section_get_mark (form, "type"), ==, "from message");

  gtk_editable_set_text (nik, "14710841019O9999");
  g_assert_nonnull (pdw_complaint_form_section_get_nik_message (form));
  g_assert_cmpstr (pdw_complaint_form_section_get_nik_message (form), !=, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (nik), "error"));
  g_assert_false (gtk_widget_get_sensitive (button));

  gtk_editable_set_text (nik, "1471084101909999");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (nik), "error"));
  details = pdw_complaint_form_section_get_nik_details (form);
  g_assert_nonnull (details);
  g_assert_nonnull (strstr (details, "Binawidya"));
  g_assert_true (gtk_widget_get_sensitive (button));

  /* The control card needs to know who registered it. */
  g_settings_set_string (settings, "officer-name", "");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_settings_set_string (settings, "officer-name", "Petugas Uji");
  g_assert_true (gtk_widget_get_sensitive (button));

  /* A complaint may be registered with only a NIK (SOP step 2). */
  gtk_editable_set_text (pdw_complaint_form_section_get_name_editable (form), "");
  g_assert_true (gtk_widget_get_sensitive (button));

  /* Siti's open complaint already carries this NIK: no second file, the
   * pane offers to link this conversation to hers instead. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_null (pdw_complaint_pane_get_complaint (pane));
  g_assert_nonnull (pdw_complaint_form_section_get_link_button (form));
  g_assert_true (g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (pdw_complaint_form_section_get_link_button (form))),
                                   "Link to PDW-"));

  g_signal_emit_by_name (pdw_complaint_form_section_get_link_button (form), "clicked");
  g_assert_nonnull (pdw_complaint_pane_get_complaint (pane));
  g_assert_cmpint (pdw_complaint_get_conversation_id (pdw_complaint_pane_get_complaint (pane)), ==, fixture->siti_id);
  g_assert_cmpstr (pdw_complaint_status_section_get_status_text (status), ==, "Registered");
  g_assert_cmpstr (pdw_complaint_get_nik (pdw_complaint_pane_get_complaint (pane)), ==, "1471084101909999");
  /* Register, then the link line. */
  g_assert_cmpuint (g_list_model_get_n_items (pdw_complaint_timeline_section_get_events (timeline)), ==, 2);
}

static gboolean
moved_selected (gpointer data)
{
  Fixture *fixture = data;
  GtkSingleSelection *selection =
    GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (pdw_window_get_conversation_view (fixture->window))));
  PdwConversation *selected = gtk_single_selection_get_selected_item (selection);
  PdwConversation *open = pdw_chat_view_get_conversation (pdw_window_get_chat_view (fixture->window));

  return selected != NULL && open != NULL &&
         pdw_conversation_get_id (selected) == pdw_conversation_get_id (open);
}

static void
assert_each_conversation_drawn_once (Fixture *fixture)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint drawn = 0;

  collect_rows (pdw_window_get_conversation_view (fixture->window), PDW_TYPE_CONVERSATION_ROW, found);
  for (guint i = 0; i < found->len; i++)
    {
      PdwConversation *conversation = pdw_conversation_row_get_conversation (g_ptr_array_index (found, i));
      g_autofree char *name = NULL;

      if (conversation == NULL)
        continue;

      name = pdw_conversation_dup_display_name (conversation);
      g_assert_cmpstr (pdw_conversation_row_get_name_text (g_ptr_array_index (found, i)), ==, name);
      g_assert_false (g_hash_table_contains (seen, conversation));
      g_hash_table_add (seen, conversation);
      drawn++;
    }

  g_assert_cmpuint (drawn, ==, g_list_model_get_n_items (G_LIST_MODEL (pdw_window_get_conversations (fixture->window))));
}

static void
test_send_reply (Fixture       *fixture,
                 gconstpointer  data)
{
  PdwChatView *chat = pdw_window_get_chat_view (fixture->window);
  PdwComposer *composer = PDW_COMPOSER (pdw_chat_view_get_composer (chat));
  g_autofree char *left = NULL;
  PdwConversation *moved;
  gint64 moved_id;

  /* No conversation: nothing to send to. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (composer)));

  pdw_window_select_position (fixture->window, 0);
  pdw_composer_set_text (composer, "Baik, data Bapak kami proses.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "chat.send", NULL));

  /* Without a gateway the reply is queued in the outbox, then cleared. */
  left = pdw_composer_dup_text (composer);
  g_assert_cmpstr (left, ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (pdw_chat_view_get_messages (chat)), ==, 2);

  /* A reply moves the conversation to the top of the queue: it stays open. */
  pdw_window_select_position (fixture->window, 2);
  moved = pdw_chat_view_get_conversation (chat);
  g_assert_nonnull (moved);
  moved_id = pdw_conversation_get_id (moved);
  pdw_composer_set_text (composer, "Mohon ditunggu, Bapak.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "chat.send", NULL));
  g_assert_cmpuint (pdw_conversation_list_find (pdw_window_get_conversations (fixture->window), moved_id), <, 2);
  wait_for (moved_selected, fixture, "the moved conversation to be selected again");
  g_assert_nonnull (pdw_chat_view_get_conversation (chat));
  g_assert_cmpint (pdw_conversation_get_id (pdw_chat_view_get_conversation (chat)), ==, moved_id);

  /* Every conversation is still drawn exactly once, each row its own. */
  wait_for (rows_bound, fixture, "the queue rows after the move");
  assert_each_conversation_drawn_once (fixture);
}

static void
select_conversation (Fixture *fixture,
                     gint64   conversation_id)
{
  g_assert_true (pdw_window_select_conversation (fixture->window, conversation_id));
}

static void
apply_in_pane (PdwComplaintPane *pane,
               const char       *action)
{
  gtk_widget_activate_action (GTK_WIDGET (pane), "pane.apply", "s", action);
}

/* SOP steps 3-6 from the pane's buttons, each one line of the card. */
static void
test_desk_sop_walk (Fixture       *fixture,
                    gconstpointer  data)
{
  PdwComplaintPane *pane = pdw_window_get_complaint_pane (fixture->window);
  PdwComplaintStatusSection *status = _pdw_complaint_pane_get_status_section (pane);
  PdwComplaintTimelineSection *timeline = _pdw_complaint_pane_get_timeline_section (pane);
  PdwChatView *chat = pdw_window_get_chat_view (fixture->window);
  PdwComposer *composer = PDW_COMPOSER (pdw_chat_view_get_composer (chat));
  PdwComplaint *complaint;
  g_autofree char *draft = NULL;
  g_autofree char *line = NULL;
  gint64 due_at;

  select_conversation (fixture, fixture->siti_id);
  g_assert_cmpstr (pdw_complaint_status_section_get_status_text (status), ==, "Registered");
  g_assert_cmpstr (pdw_complaint_status_section_get_suggested_action (status), ==, "add_to_consolidation");
  g_assert_null (pdw_complaint_status_section_get_sla_text (status));

  apply_in_pane (pane, pdw_complaint_status_section_get_suggested_action (status));
  complaint = pdw_complaint_pane_get_complaint (pane);
  g_assert_cmpint (pdw_complaint_get_status (complaint), ==, PDW_COMPLAINT_KONSOLIDASI);
  g_assert_cmpint (pdw_complaint_get_due_at (complaint), ==, 0);
  g_assert_cmpstr (pdw_complaint_status_section_get_suggested_action (status), ==, "send_standard_reply");

  /* Step 5: the standard reply waits in the composer; the 2x24-hour
   * promise is recorded, and its clock starts, when the reply is sent. */
  apply_in_pane (pane, "send_standard_reply");
  complaint = pdw_complaint_pane_get_complaint (pane);
  g_assert_cmpint (pdw_complaint_get_status (complaint), ==, PDW_COMPLAINT_KONSOLIDASI);
  g_assert_cmpint (pdw_complaint_get_due_at (complaint), ==, 0);
  g_assert_cmpstr (pdw_composer_get_step (composer), ==, "send_standard_reply");
  draft = pdw_composer_dup_text (composer);
  g_assert_nonnull (strstr (draft, "2x24"));
  g_assert_nonnull (strstr (draft, pdw_complaint_get_ticket (complaint)));
  g_assert_cmpuint (g_list_model_get_n_items (pdw_complaint_timeline_section_get_events (timeline)), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "chat.send", NULL));
  complaint = pdw_complaint_pane_get_complaint (pane);
  g_assert_cmpint (pdw_complaint_get_status (complaint), ==, PDW_COMPLAINT_MENUNGGU);
  due_at = pdw_complaint_get_due_at (complaint);
  g_assert_cmpint (due_at, >, pdw_complaint_get_sla_started_at (complaint));
  g_assert_nonnull (pdw_complaint_status_section_get_sla_text (status));
  g_assert_true (g_str_has_prefix (pdw_complaint_status_section_get_sla_text (status), "Due "));
  g_assert_null (pdw_composer_get_step (composer));
  g_assert_true (pdw_composer_get_empty (composer));

  g_assert_cmpstr (pdw_complaint_status_section_get_suggested_action (status), ==, "resolve");
  apply_in_pane (pane, "resolve");
  g_assert_cmpint (pdw_complaint_get_status (pdw_complaint_pane_get_complaint (pane)), ==, PDW_COMPLAINT_MENUNGGU);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "chat.send", NULL));
  complaint = pdw_complaint_pane_get_complaint (pane);
  g_assert_cmpint (pdw_complaint_get_status (complaint), ==, PDW_COMPLAINT_SELESAI);
  g_assert_cmpstr (pdw_complaint_status_section_get_status_text (status), ==, "Resolved");
  g_assert_null (pdw_complaint_status_section_get_sla_text (status));

  /* register, consolidation list, standard reply, resolved, and the
   * survey the closing message asked */
  g_assert_cmpuint (g_list_model_get_n_items (pdw_complaint_timeline_section_get_events (timeline)), ==, 5);
  line = pdw_complaint_timeline_section_dup_event_text (timeline, 2);
  g_assert_true (g_str_has_prefix (line, "Send standard reply"));
  g_assert_nonnull (strstr (line, " WIB · Petugas Uji ("));
  g_assert_nonnull (strstr (line, "→"));
  g_assert_null (pdw_complaint_timeline_section_dup_event_text (timeline, 5));
}

/* A rejection needs its reason: the dialog will not apply an empty one. */
static void
test_desk_note_required (Fixture       *fixture,
                         gconstpointer  data)
{
  PdwComplaintPane *pane = pdw_window_get_complaint_pane (fixture->window);
  PdwComplaintStatusSection *status = _pdw_complaint_pane_get_status_section (pane);
  PdwComplaintTimelineSection *timeline = _pdw_complaint_pane_get_timeline_section (pane);
  PdwComposer *composer = PDW_COMPOSER (pdw_chat_view_get_composer (pdw_window_get_chat_view (fixture->window)));
  PdwActionDialog *dialog;

  select_conversation (fixture, fixture->siti_id);
  apply_in_pane (pane, "reject");

  dialog = _pdw_complaint_pane_get_action_dialog (pane);
  g_assert_nonnull (dialog);
  g_assert_false (pdw_action_dialog_get_can_apply (dialog));
  pdw_action_dialog_set_note (dialog, "   \n ");
  g_assert_false (pdw_action_dialog_get_can_apply (dialog));
  g_assert_cmpint (pdw_complaint_get_status (pdw_complaint_pane_get_complaint (pane)), ==, PDW_COMPLAINT_TERDAFTAR);

  pdw_action_dialog_set_note (dialog, "NIK terdaftar di Kota Dumai");
  g_assert_true (pdw_action_dialog_get_can_apply (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");

  /* The rejection goes with its message to the citizen. */
  g_assert_cmpint (pdw_complaint_get_status (pdw_complaint_pane_get_complaint (pane)), ==, PDW_COMPLAINT_TERDAFTAR);
  g_assert_cmpstr (pdw_composer_get_step (composer), ==, "reject");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "chat.send", NULL));
  g_assert_cmpint (pdw_complaint_get_status (pdw_complaint_pane_get_complaint (pane)), ==, PDW_COMPLAINT_DITOLAK);
  g_assert_cmpuint (g_list_model_get_n_items (pdw_complaint_timeline_section_get_events (timeline)), ==, 2);
  g_assert_null (pdw_complaint_status_section_get_suggested_action (status));
}

/* Closing the window while "Save as PDF" waits for an answer takes
 * the file chooser with it instead of leaving it behind. */
static void
test_desk_print_chooser_closed (Fixture       *fixture,
                                gconstpointer  data)
{
  PdwComplaintPane *window_pane = pdw_window_get_complaint_pane (fixture->window);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pane = pdw_complaint_pane_new ();
  GtkFileChooserNative *chooser;

  select_conversation (fixture, fixture->siti_id);
  gtk_window_set_child (GTK_WINDOW (window), pane);
  pdw_complaint_pane_set_context (PDW_COMPLAINT_PANE (pane), fixture->desk.context);
  pdw_complaint_pane_set_conversation (PDW_COMPLAINT_PANE (pane),
                                       pdw_complaint_pane_get_conversation (window_pane));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_nonnull (pdw_complaint_pane_get_complaint (PDW_COMPLAINT_PANE (pane)));

  g_assert_null (_pdw_complaint_pane_get_card_chooser (PDW_COMPLAINT_PANE (pane)));
  gtk_widget_activate_action (pane, "pane.save-card-pdf", NULL);
  chooser = _pdw_complaint_pane_get_card_chooser (PDW_COMPLAINT_PANE (pane));
  g_assert_nonnull (chooser);
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  g_assert_null (chooser);
}

static gint64
fixed_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static gboolean
list_has_n_items (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (args[0]) == GPOINTER_TO_UINT (args[1]);
}

/* Budi's file got its 2x24-hour promise four days ago: overdue.  Returns
 * the step that set the due time. */
static PdwComplaint *
file_budi_four_days_ago (Fixture *fixture)
{
  g_autoptr(PdwComplaint) budi = NULL;
  g_autoptr(PdwComplaint) step = NULL;
  g_autoptr(GError) error = NULL;
  PdwComplaintFields fields = { "Budi Santoso", "1471084101900001", NULL, "+6280000000803", "nik_tidak_aktif", "bank" };
  PdwActor actor = { "Petugas Uji", "199001012020011001", NULL };
  gint64 then = g_get_real_time () / G_USEC_PER_SEC - 4 * 24 * 3600;

  pdw_store_set_clock (fixture->desk.store, fixed_clock, &then);
  budi = pdw_store_register_complaint (fixture->desk.store, fixture->budi_id, &fields, &actor, &error);
  g_assert_no_error (error);
  step = pdw_store_apply_action (fixture->desk.store, pdw_complaint_get_id (budi), "add_to_consolidation", NULL, NULL, &actor, &error);
  g_assert_no_error (error);
  g_clear_object (&step);
  step = pdw_store_apply_action (fixture->desk.store, pdw_complaint_get_id (budi), "send_standard_reply", NULL, NULL, &actor, &error);
  g_assert_no_error (error);
  pdw_store_set_clock (fixture->desk.store, NULL, NULL);

  return g_steal_pointer (&step);
}

/* Budi's file got its 2x24-hour promise four days ago: overdue. */
static void
test_desk_overdue (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PdwComplaint) budi = NULL;
  g_autoptr(PdwComplaint) step = NULL;
  g_autoptr(PdwOverdueMonitor) monitor = NULL;
  g_autoptr(PdwConversation) shown = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GListModel *visible = pdw_window_get_visible_conversations (fixture->window);
  gpointer args[2];

  step = file_budi_four_days_ago (fixture);
  g_assert_cmpint (pdw_complaint_get_due_at (step), <, now);

  pdw_window_set_queue_filter (fixture->window, PDW_QUEUE_FILTER_OVERDUE);
  args[0] = visible;
  args[1] = GUINT_TO_POINTER (1);
  wait_for (list_has_n_items, args, "the overdue filter");
  shown = g_list_model_get_item (visible, 0);
  g_assert_cmpint (pdw_conversation_get_id (shown), ==, fixture->budi_id);

  /* Siti's file has no due time yet: open, but not due soon. */
  pdw_window_set_queue_filter (fixture->window, PDW_QUEUE_FILTER_DUE_SOON);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 0);
  pdw_window_set_queue_filter (fixture->window, PDW_QUEUE_FILTER_OPEN);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);
  pdw_window_set_queue_filter (fixture->window, PDW_QUEUE_FILTER_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 3);

  /* One notification per overdue file, never twice. */
  monitor = pdw_overdue_monitor_new (fixture->desk.context, NULL);
  g_assert_cmpuint (pdw_overdue_monitor_check (monitor, now), ==, 1);
  g_assert_cmpuint (pdw_overdue_monitor_check (monitor, now + 60), ==, 0);
  g_clear_object (&budi);
  budi = pdw_store_dup_conversation_complaint (fixture->desk.store, fixture->budi_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_complaint_get_overdue_notified_at (budi), >, 0);
}

/* The monitor checks on the context's minute tick, not on a timer of its
 * own, and stops following it when stopped. */
static void
test_desk_overdue_on_tick (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(PdwOverdueMonitor) monitor = pdw_overdue_monitor_new (fixture->desk.context, NULL);
  g_autoptr(PdwComplaint) step = NULL;
  g_autoptr(PdwComplaint) read = NULL;
  g_autoptr(GError) error = NULL;
  PdwClock *clock = pdw_context_get_clock (fixture->desk.context);

  pdw_overdue_monitor_start (monitor);
  step = file_budi_four_days_ago (fixture);

  /* Overdue since it was filed, but noticed only on the next minute. */
  read = pdw_store_dup_conversation_complaint (fixture->desk.store, fixture->budi_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_complaint_get_overdue_notified_at (read), ==, 0);
  g_clear_object (&read);

  pdw_clock_tick (clock);
  read = pdw_store_dup_conversation_complaint (fixture->desk.store, fixture->budi_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_complaint_get_overdue_notified_at (read), >, 0);

  /* Stopped, it no longer follows the clock. */
  pdw_overdue_monitor_stop (monitor);
  pdw_clock_tick (clock);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/format/times", test_format_times);
  g_test_add ("/gui/window/queue-rows", Fixture, NULL, fixture_set_up, test_queue_rows, fixture_tear_down);
  g_test_add ("/gui/window/select-conversation", Fixture, NULL, fixture_set_up, test_select_conversation, fixture_tear_down);
  g_test_add ("/gui/window/identity-validation", Fixture, NULL, fixture_set_up, test_identity_validation, fixture_tear_down);
  g_test_add ("/gui/desk/sop-walk", Fixture, "recent", fixture_set_up, test_desk_sop_walk, fixture_tear_down);
  g_test_add ("/gui/desk/overdue-on-tick", Fixture, NULL, fixture_set_up, test_desk_overdue_on_tick, fixture_tear_down);
  g_test_add ("/gui/desk/note-required", Fixture, "recent", fixture_set_up, test_desk_note_required, fixture_tear_down);
  g_test_add ("/gui/desk/print-chooser-closed", Fixture, NULL, fixture_set_up, test_desk_print_chooser_closed, fixture_tear_down);
  g_test_add ("/gui/desk/overdue", Fixture, NULL, fixture_set_up, test_desk_overdue, fixture_tear_down);
  g_test_add ("/gui/window/send-reply", Fixture, "recent", fixture_set_up, test_send_reply, fixture_tear_down);

  return g_test_run ();
}
