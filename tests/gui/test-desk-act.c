/* test-desk-act.c: the step and its message as one act in the window (the
 * pane's step fills the composer, Send records it, cancelling or emptying
 * does not, the queue flags the unsent draft, a failed delivery shows on
 * the card line), and the "/" quick replies, on a real display.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gui/pdw-complaint-pane-private.h"
#include "gui/pdw-composer.h"
#include "gui/pdw-conversation-row.h"
#include "gui/pdw-window.h"
#include "store/pdw-store.h"
#include "pdw-test-window.h"

#define SITI_WA   "6280000000901"
#define SITI_NIK  "1471084101909999"

typedef struct
{
  PdwTestDesk  desk;
  PdwWindow   *window;
  gint64       siti_id;
  gint64       complaint_id;
} Fixture;

static PdwActor actor = { "Petugas Uji", "199001012020011001", "PU" };

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (gboolean  (*check) (gpointer data),
          gpointer    data,
          const char *what)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (10, timed_out_cb, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (source);
  pdw_test_desk_drain ();
}

static void
open_window (Fixture *fixture)
{
  fixture->window = pdw_window_new (NULL, fixture->desk.context, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  pdw_test_desk_present (&fixture->desk, GTK_WINDOW (fixture->window));
  pdw_test_desk_drain ();
  g_assert_true (pdw_window_select_conversation (fixture->window, fixture->siti_id));
  pdw_test_desk_drain ();
}

/* Siti wrote an hour ago (the WhatsApp window is open); her file is on the
 * consolidation list, so the standard reply is the SOP's next step. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(PdwComplaint) listed = NULL;
  g_autoptr(GError) error = NULL;
  PdwIngestResult result = { 0 };
  PdwComplaintFields fields = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  pdw_test_desk_open (&fixture->desk, "desk-act");

  g_ptr_array_add (messages, pdw_test_message_new ("wamid.A1", SITI_WA, "Siti", now - 60 * 60,
                                                   "NIK saya " SITI_NIK " tidak aktif di bank"));
  g_assert_true (pdw_store_ingest_webhook (fixture->desk.store, "test", body, messages, NULL, &result, &error));
  g_assert_no_error (error);
  fixture->siti_id = pdw_test_find_conversation (fixture->desk.store, SITI_WA);

  fields.citizen_name = "Siti Aminah";
  fields.nik = SITI_NIK;
  fields.phone = "+" SITI_WA;
  fields.complaint_type = "nik_tidak_aktif";
  fields.institution = "bank";
  complaint = pdw_store_register_complaint (fixture->desk.store, fixture->siti_id, &fields, &actor, &error);
  g_assert_no_error (error);
  fixture->complaint_id = pdw_complaint_get_id (complaint);
  listed = pdw_store_apply_action (fixture->desk.store, fixture->complaint_id, "add_to_consolidation",
                                   NULL, NULL, &actor, &error);
  g_assert_no_error (error);

  open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pdw_test_desk_close (&fixture->desk);
}

static PdwComposer *
get_composer (Fixture *fixture)
{
  return PDW_COMPOSER (pdw_chat_view_get_composer (pdw_window_get_chat_view (fixture->window)));
}

static guint
count_lines (Fixture *fixture)
{
  PdwComplaintPane *pane = pdw_window_get_complaint_pane (fixture->window);

  return g_list_model_get_n_items (pdw_complaint_timeline_section_get_events (_pdw_complaint_pane_get_timeline_section (pane)));
}

static PdwComplaintStatus
pane_status (Fixture *fixture)
{
  return pdw_complaint_get_status (pdw_complaint_pane_get_complaint (pdw_window_get_complaint_pane (fixture->window)));
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (PDW_IS_CONVERSATION_ROW (child))
        g_ptr_array_add (rows, child);
      else
        collect_rows (child, rows);
    }
}

/* The queue row of Siti's conversation. */
static PdwConversationRow *
siti_row (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (pdw_window_get_conversation_view (fixture->window), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      PdwConversation *conversation = pdw_conversation_row_get_conversation (g_ptr_array_index (rows, i));

      if (conversation != NULL && pdw_conversation_get_id (conversation) == fixture->siti_id)
        return g_ptr_array_index (rows, i);
    }
  return NULL;
}

static gboolean
row_says_unsent (gpointer data)
{
  PdwConversationRow *row = siti_row (data);

  return row != NULL && g_str_has_prefix (pdw_conversation_row_get_preview_text (row), "Unsent draft: ");
}

static gboolean
row_says_nothing_unsent (gpointer data)
{
  PdwConversationRow *row = siti_row (data);

  return row != NULL && !g_str_has_prefix (pdw_conversation_row_get_preview_text (row), "Unsent draft");
}

static void
apply_in_pane (Fixture    *fixture,
               const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pdw_window_get_complaint_pane (fixture->window)),
                                             "pane.apply", "s", action));
  pdw_test_desk_drain ();
}

/* The pane's step fills the composer and waits: cancelling or emptying
 * records nothing; Send records the line with the message, at its time. */
static void
test_step_with_message (Fixture       *fixture,
                        gconstpointer  data)
{
  PdwComplaintPane *pane = pdw_window_get_complaint_pane (fixture->window);
  PdwComplaintTimelineSection *timeline = _pdw_complaint_pane_get_timeline_section (pane);
  PdwComposer *composer = get_composer (fixture);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  PdwComplaint *complaint;
  PdwComplaintEvent *event;
  PdwMessage *sent;

  g_assert_cmpuint (count_lines (fixture), ==, 2);

  /* Ctrl+Shift+Enter: the SOP's next step, the standard reply. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "pane.next-step", NULL));
  pdw_test_desk_drain ();
  g_assert_cmpstr (pdw_composer_get_step (composer), ==, "send_standard_reply");
  g_assert_true (gtk_widget_get_visible (pdw_composer_get_step_bar (composer)));
  text = pdw_composer_dup_text (composer);
  g_assert_nonnull (strstr (text, "2x24"));
  g_assert_nonnull (strstr (text, "Siti Aminah"));
  g_assert_cmpuint (count_lines (fixture), ==, 2);
  g_assert_cmpint (pane_status (fixture), ==, PDW_COMPLAINT_KONSOLIDASI);
  g_assert_cmpint (pdw_complaint_get_due_at (pdw_complaint_pane_get_complaint (pane)), ==, 0);
  wait_for (row_says_unsent, fixture, "the queue to flag the unsent step");
  g_assert_cmpstr (pdw_conversation_row_get_preview_text (siti_row (fixture)), ==,
                   "Unsent draft: Send standard reply (2×24 hours)");

  /* Cancelled: nothing recorded, the text stays as an ordinary reply. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "composer.cancel-step", NULL));
  g_assert_null (pdw_composer_get_step (composer));
  g_assert_false (gtk_widget_get_visible (pdw_composer_get_step_bar (composer)));
  g_assert_false (pdw_composer_get_empty (composer));
  wait_for (row_says_nothing_unsent, fixture, "the queue to drop the flag");

  /* Emptied: the step goes with the text. */
  pdw_composer_clear (composer);
  apply_in_pane (fixture, "send_standard_reply");
  g_assert_cmpstr (pdw_composer_get_step (composer), ==, "send_standard_reply");
  pdw_composer_set_text (composer, "  ");
  g_assert_null (pdw_composer_get_step (composer));
  g_assert_cmpuint (count_lines (fixture), ==, 2);

  /* Sent: one line, with the message's id and time; the clock runs. */
  apply_in_pane (fixture, "send_standard_reply");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "chat.send", NULL));
  pdw_test_desk_drain ();
  g_assert_true (pdw_composer_get_empty (composer));
  g_assert_null (pdw_composer_get_step (composer));
  g_assert_cmpuint (count_lines (fixture), ==, 3);
  g_assert_cmpint (pane_status (fixture), ==, PDW_COMPLAINT_MENUNGGU);

  messages = pdw_store_list_messages (fixture->desk.store, fixture->siti_id, &error);
  g_assert_no_error (error);
  sent = g_ptr_array_index (messages, messages->len - 1);
  g_assert_cmpint (pdw_message_get_direction (sent), ==, PDW_DIRECTION_OUT);
  g_assert_nonnull (strstr (pdw_message_get_text (sent), "2x24"));
  events = pdw_store_list_complaint_events (fixture->desk.store, fixture->complaint_id, &error);
  event = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpstr (pdw_complaint_event_get_action (event), ==, "send_standard_reply");
  g_assert_cmpint (pdw_complaint_event_get_message_id (event), ==, pdw_message_get_id (sent));
  g_assert_cmpint (pdw_complaint_event_get_timestamp (event), ==, pdw_message_get_timestamp (sent));
  complaint = pdw_complaint_pane_get_complaint (pane);
  g_assert_cmpint (pdw_complaint_get_sla_started_at (complaint), ==, pdw_message_get_timestamp (sent));
  wait_for (row_says_nothing_unsent, fixture, "the queue to drop the flag once sent");

  /* WhatsApp refuses it: the card line says so, at once. */
  g_assert_true (pdw_store_mark_outgoing_attempt_failed (fixture->desk.store, pdw_message_get_id (sent), 131026,
                                                         "Message undeliverable", TRUE, 0, &error));
  g_assert_no_error (error);
  pdw_test_desk_drain ();
  line = pdw_complaint_timeline_section_dup_event_text (timeline, 2);
  g_assert_nonnull (strstr (line, "(message failed to deliver: Message undeliverable)"));
}

/* An unsent step draft is still there, step and all, in a new window. */
static void
test_step_draft_kept (Fixture       *fixture,
                      gconstpointer  data)
{
  PdwComposer *composer = get_composer (fixture);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  apply_in_pane (fixture, "reject");
  /* The reason first, in its dialog. */
  {
    PdwActionDialog *dialog = _pdw_complaint_pane_get_action_dialog (pdw_window_get_complaint_pane (fixture->window));

    g_assert_nonnull (dialog);
    pdw_action_dialog_set_note (dialog, "NIK terdaftar di Kota Dumai");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
    pdw_test_desk_drain ();
  }
  g_assert_cmpstr (pdw_composer_get_step (composer), ==, "reject");
  /* The reason completes the rejection's "… karena {alasan}". */
  before = pdw_composer_dup_text (composer);
  g_assert_nonnull (strstr (before, "karena NIK terdaftar di Kota Dumai"));

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->desk.window);
  pdw_test_desk_drain ();

  open_window (fixture);
  composer = get_composer (fixture);
  after = pdw_composer_dup_text (composer);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (pdw_composer_get_step (composer), ==, "reject");
  g_assert_cmpint (pane_status (fixture), ==, PDW_COMPLAINT_KONSOLIDASI);

  /* Sent from the new window, with the reason given before. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "chat.send", NULL));
  pdw_test_desk_drain ();
  g_assert_cmpint (pane_status (fixture), ==, PDW_COMPLAINT_DITOLAK);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) events = pdw_store_list_complaint_events (fixture->desk.store, fixture->complaint_id, &error);
    PdwComplaintEvent *event = g_ptr_array_index (events, events->len - 1);

    g_assert_cmpstr (pdw_complaint_event_get_action (event), ==, "reject");
    g_assert_cmpstr (pdw_complaint_event_get_note (event), ==, "NIK terdaftar di Kota Dumai");
    g_assert_cmpint (pdw_complaint_event_get_message_id (event), >, 0);
  }
}

static GtkTextView *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return GTK_TEXT_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *found = find_text_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* As typed: one insertion at the cursor, the rest of the text kept. */
static void
type_text (PdwComposer *composer,
           const char  *text)
{
  GtkTextView *view = find_text_view (GTK_WIDGET (composer));

  g_assert_nonnull (view);
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (view), text, -1);
  pdw_test_desk_drain ();
}

static const char *
selected_title (PdwComposer *composer)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (pdw_composer_get_quick_reply_matches (composer));
  PdwReplyTemplate *template = gtk_single_selection_get_selected_item (selection);

  return template != NULL ? pdw_reply_template_get_title (template) : NULL;
}

/* "/" at the start lists the templates, filtered as the officer types;
 * Up/Down choose, Enter puts the filled template in place of "/query". */
static void
test_quick_replies (Fixture       *fixture,
                    gconstpointer  data)
{
  PdwComposer *composer = get_composer (fixture);
  GtkPopover *popover = pdw_composer_get_quick_replies (composer);
  GListModel *matches = pdw_composer_get_quick_reply_matches (composer);
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  templates = pdw_store_list_reply_templates (fixture->desk.store, &error);
  g_assert_no_error (error);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  type_text (composer, "/");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, templates->len);
  type_text (composer, "ti");
  type_text (composer, "ket");
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 4);

  /* Title, name or text, any case, with or without accents. */
  pdw_composer_set_text (composer, "/tiket");
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 4);
  pdw_composer_set_text (composer, "/BIOMÉTRIK");
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 1);
  g_assert_cmpstr (selected_title (composer), ==, "Biometric check referral");

  /* Up/Down move through what matches, round the ends. */
  pdw_composer_set_text (composer, "/tiket");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (matches)), ==, 0);
  pdw_composer_move_quick_reply (composer, 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (matches)), ==, 1);
  pdw_composer_move_quick_reply (composer, -1);
  pdw_composer_move_quick_reply (composer, -1);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (matches)), ==, 3);

  /* Nothing matches: Enter neither inserts nor sends. */
  pdw_composer_set_text (composer, "/zzzz");
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  pdw_composer_choose_quick_reply (composer);
  text = pdw_composer_dup_text (composer);
  g_assert_cmpstr (text, ==, "/zzzz");
  g_clear_pointer (&text, g_free);

  /* Escape: closed until the text stops asking. */
  pdw_composer_close_quick_replies (composer);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  type_text (composer, "z");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  pdw_composer_set_text (composer, "Bapak/Ibu");
  pdw_composer_set_text (composer, "/biometri");
  pdw_test_desk_drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* Enter: the filled template replaces "/biometri". */
  pdw_composer_choose_quick_reply (composer);
  pdw_test_desk_drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  text = pdw_composer_dup_text (composer);
  g_assert_true (g_str_has_prefix (text, "Bapak/Ibu Siti Aminah, dari hasil pemeriksaan kami"));
  g_assert_nonnull (strstr (text, pdw_complaint_get_ticket (pdw_complaint_pane_get_complaint (pdw_window_get_complaint_pane (fixture->window)))));
  g_assert_null (strstr (text, "/biometri"));
  g_assert_null (strstr (text, "{"));
  /* A quick reply is an ordinary reply: it records no step. */
  g_assert_null (pdw_composer_get_step (composer));

  /* Not at the start: a slash in a message opens nothing. */
  pdw_composer_set_text (composer, "NIK / KK");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
}

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  ADD ("/desk-act/step/with-message", test_step_with_message);
  ADD ("/desk-act/step/draft-kept", test_step_draft_kept);
  ADD ("/desk-act/quick-replies", test_quick_replies);

  return g_test_run ();
}
