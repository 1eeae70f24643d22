/* test-office.c: reply templates in the composer, the WhatsApp 24-hour
 * window, the preferences and the consolidation window, on a real display.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gui/pdw-chat-view.h"
#include "gui/pdw-composer.h"
#include "gui/pdw-consolidation-window.h"
#include "gui/pdw-preferences-window.h"
#include "core/pdw-template.h"
#include "gui/preferences/pdw-lists-page.h"
#include "gui/preferences/pdw-template-editor.h"
#include "gui/preferences/pdw-templates-page.h"
#include "pdw-resources.h"
#include "store/pdw-store.h"

#include "pdw-test-window.h"

/* Synthetic citizens only. */
#define SITI_NIK    "1471084101909999"
#define SITI_KK     "1471080202100003"
#define SITI_WA     "6280000000001"
#define STALE_WA    "6280000000002"

typedef struct
{
  PdwTestDesk  desk;
  PdwChatView *chat;
  gint64       fresh_id;   /* wrote an hour ago: the window is open */
  gint64       stale_id;   /* wrote two days ago: the window is closed */
  gint64       complaint_id;
  char        *ticket;
} Fixture;

static PdwActor actor = { "Petugas Uji", "199001012020011001", "PU" };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_status_update_free);
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;
  PdwIngestResult result = { 0 };
  PdwComplaintFields fields = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GtkWindow *window;
  GtkWidget *overlay;

  pdw_test_desk_open (&fixture->desk, "office");

  g_ptr_array_add (messages, pdw_test_message_new ("wamid.O1", SITI_WA, "Siti", now - 60 * 60,
                                                   "NIK saya tidak aktif di bank"));
  g_ptr_array_add (messages, pdw_test_message_new ("wamid.O2", STALE_WA, "Rudi", now - 2 * 24 * 60 * 60,
                                                   "BPJS saya tidak bisa dipakai"));
  g_assert_true (pdw_store_ingest_webhook (fixture->desk.store, "test", body, messages, statuses, &result, &error));
  g_assert_no_error (error);

  fixture->fresh_id = pdw_test_find_conversation (fixture->desk.store, SITI_WA);
  fixture->stale_id = pdw_test_find_conversation (fixture->desk.store, STALE_WA);

  fields.citizen_name = "Siti Aminah";
  fields.nik = SITI_NIK;
  fields.kk = SITI_KK;
  fields.phone = "+" SITI_WA;
  fields.complaint_type = "nik_tidak_aktif";
  fields.institution = "bank";
  complaint = pdw_store_register_complaint (fixture->desk.store, fixture->fresh_id, &fields, &actor, &error);
  g_assert_no_error (error);
  fixture->complaint_id = pdw_complaint_get_id (complaint);
  fixture->ticket = g_strdup (pdw_complaint_get_ticket (complaint));

  fixture->chat = PDW_CHAT_VIEW (pdw_chat_view_new ());
  pdw_chat_view_set_context (fixture->chat, fixture->desk.context);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 700, 500);
  /* The chat view reports through the window's toast overlay. */
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->chat));
  gtk_window_set_child (window, overlay);
  pdw_test_desk_present (&fixture->desk, window);
  pdw_test_desk_drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pdw_test_desk_close (&fixture->desk);
  g_clear_pointer (&fixture->ticket, g_free);
}

static void
open_conversation (Fixture *fixture,
                   gint64   conversation_id)
{
  g_autoptr(PdwConversation) conversation = NULL;
  g_autoptr(GError) error = NULL;

  conversation = pdw_store_dup_conversation (fixture->desk.store, conversation_id, &error);
  g_assert_no_error (error);
  pdw_chat_view_set_conversation (fixture->chat, conversation);
  pdw_test_desk_drain ();
}

static char *
composer_text (Fixture *fixture)
{
  return pdw_composer_dup_text (PDW_COMPOSER (pdw_chat_view_get_composer (fixture->chat)));
}

static gboolean
menu_has_label (GMenuModel *menu,
                const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item) &&
          g_strcmp0 (item, label) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_insert_template (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autofree char *appended = NULL;
  PdwComposer *composer = PDW_COMPOSER (pdw_chat_view_get_composer (fixture->chat));

  name = pdw_store_save_reply_template (fixture->desk.store, NULL, "Uji variabel",
                                        "Yth. {nama}, tiket {tiket}, NIK {nik_masked}. Salam, {petugas}",
                                        &error);
  g_assert_no_error (error);
  open_conversation (fixture, fixture->fresh_id);

  /* The store's templates are offered next to the composer. */
  g_assert_true (menu_has_label (pdw_chat_view_get_templates_menu (fixture->chat), "Uji variabel"));

  pdw_chat_view_insert_template (fixture->chat, name);
  text = composer_text (fixture);
  expected = g_strdup_printf ("Yth. Siti Aminah, tiket %s, NIK 1471********9999. Salam, Petugas Uji", fixture->ticket);
  g_assert_cmpstr (text, ==, expected);
  g_assert_null (strstr (text, SITI_NIK));

  /* A draft is kept: the template goes after a blank line. */
  pdw_composer_set_text (composer, "Mohon ditunggu.");
  pdw_chat_view_insert_template (fixture->chat, name);
  appended = composer_text (fixture);
  g_assert_true (g_str_has_prefix (appended, "Mohon ditunggu.\n\nYth. Siti Aminah"));
}

static void
test_window_closed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *template_name = NULL;
  PdwComposer *composer = PDW_COMPOSER (pdw_chat_view_get_composer (fixture->chat));
  GtkWidget *send = pdw_composer_get_send_button (composer);
  PdwMessage *last;
  int notice_height;

  /* Inside the window: a typed reply can go. */
  open_conversation (fixture, fixture->fresh_id);
  pdw_composer_set_text (composer, "Baik, kami cek.");
  pdw_test_desk_drain ();
  g_assert_true (pdw_chat_view_get_service_window_open (fixture->chat));
  g_assert_false (gtk_widget_get_visible (pdw_chat_view_get_window_notice (fixture->chat)));
  g_assert_true (gtk_widget_get_sensitive (send));

  /* Two days after the citizen wrote: free text would fail. */
  open_conversation (fixture, fixture->stale_id);
  pdw_composer_set_text (composer, "Draf yang tidak boleh hilang");
  pdw_test_desk_drain ();
  g_assert_false (pdw_chat_view_get_service_window_open (fixture->chat));
  g_assert_true (gtk_widget_get_visible (pdw_chat_view_get_window_notice (fixture->chat)));
  g_assert_false (gtk_widget_get_sensitive (send));
  /* One compact banner line with its button, not a card that wraps word
   * by word: at most two lines of text in the narrowest chat column. */
  gtk_widget_measure (pdw_chat_view_get_window_notice (fixture->chat), GTK_ORIENTATION_VERTICAL, 360,
                      NULL, &notice_height, NULL, NULL);
  g_assert_cmpint (notice_height, <=, 60);

  /* Enter does nothing and the draft stays. */
  gtk_widget_activate_action (GTK_WIDGET (composer), "chat.send", NULL);
  draft = composer_text (fixture);
  g_assert_cmpstr (draft, ==, "Draf yang tidak boleh hilang");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->chat), "chat.send-template", NULL));
  pdw_test_desk_drain ();

  messages = pdw_store_list_messages (fixture->desk.store, fixture->stale_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 2);
  last = g_ptr_array_index (messages, messages->len - 1);
  g_assert_cmpint (pdw_message_get_direction (last), ==, PDW_DIRECTION_OUT);
  g_assert_cmpstr (pdw_message_get_message_type (last), ==, "template");
  template_name = g_settings_get_string (fixture->desk.settings, "wa-template-name");
  g_assert_cmpstr (pdw_message_get_template_name (last), ==, template_name);
  g_assert_cmpstr (pdw_message_get_officer_name (last), ==, "Petugas Uji");

  g_free (g_steal_pointer (&draft));
  draft = composer_text (fixture);
  g_assert_cmpstr (draft, ==, "Draf yang tidak boleh hilang");
}

static PdwPreferencesWindow *
open_preferences (Fixture *fixture)
{
  GtkWindow *prefs = pdw_preferences_window_new (fixture->desk.window, fixture->desk.context);

  gtk_window_present (prefs);
  pdw_test_desk_drain ();
  return PDW_PREFERENCES_WINDOW (prefs);
}

/* The page an officer reaches by clicking its name in the window's switcher. */
static AdwPreferencesPage *
show_preferences_page (PdwPreferencesWindow *prefs,
                       const char           *name)
{
  AdwPreferencesPage *page;

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), name);
  pdw_test_desk_drain ();
  page = adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs));
  g_assert_cmpstr (adw_preferences_page_get_name (page), ==, name);
  return page;
}

static void
test_preferences_template (Fixture       *fixture,
                           gconstpointer  data)
{
  PdwPreferencesWindow *prefs;
  PdwTemplatesPage *templates;
  GMenuModel *menu;

  open_conversation (fixture, fixture->fresh_id);
  menu = pdw_chat_view_get_templates_menu (fixture->chat);
  g_assert_false (menu_has_label (menu, "Jadwal perekaman"));

  prefs = open_preferences (fixture);
  templates = PDW_TEMPLATES_PAGE (show_preferences_page (prefs, "templates"));

  /* Refused when empty: nothing saved, nothing lost. */
  g_assert_false (pdw_templates_page_add_template (templates, "Jadwal perekaman", ""));
  g_assert_false (menu_has_label (menu, "Jadwal perekaman"));

  g_assert_true (pdw_templates_page_add_template (templates, "Jadwal perekaman",
                                                  "Yth. {nama}, perekaman biometrik dibuka {jam_buka}."));
  pdw_test_desk_drain ();
  g_assert_true (menu_has_label (menu, "Jadwal perekaman"));

  gtk_window_destroy (GTK_WINDOW (prefs));
  pdw_test_desk_drain ();
}

static const char *
catalog_label (Fixture    *fixture,
               const char *code)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  static char label[256];

  entries = pdw_store_list_catalog (fixture->desk.store, PDW_CATALOG_INSTITUTION, TRUE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < entries->len; i++)
    {
      PdwCatalogEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (pdw_catalog_entry_get_code (entry), code) == 0)
        {
          g_strlcpy (label, pdw_catalog_entry_get_label (entry), sizeof label);
          return label;
        }
    }

  return NULL;
}

static void
test_preferences_list_entry (Fixture       *fixture,
                             gconstpointer  data)
{
  PdwPreferencesWindow *prefs = open_preferences (fixture);
  PdwListsPage *lists = PDW_LISTS_PAGE (show_preferences_page (prefs, "lists"));
  const char *shipped = pdw_catalog_get_default_label (PDW_CATALOG_INSTITUTION, "bank");

  g_assert_nonnull (shipped);
  g_assert_cmpstr (catalog_label (fixture, "bank"), ==, shipped);

  g_assert_true (pdw_lists_page_rename_entry (lists, PDW_CATALOG_INSTITUTION, "bank", "Bank Riau Kepri"));
  g_assert_cmpstr (catalog_label (fixture, "bank"), ==, "Bank Riau Kepri");

  /* Clearing a shipped entry gives its shipped label back. */
  g_assert_true (pdw_lists_page_rename_entry (lists, PDW_CATALOG_INSTITUTION, "bank", ""));
  g_assert_cmpstr (catalog_label (fixture, "bank"), ==, shipped);

  gtk_window_destroy (GTK_WINDOW (prefs));
  pdw_test_desk_drain ();
}

/* The editor binds its children without getters: the template names them. */
static GtkWidget *
editor_child (PdwTemplateEditor *editor,
              const char        *id)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (editor), PDW_TYPE_TEMPLATE_EDITOR, id);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static const char *
editor_preview (PdwTemplateEditor *editor)
{
  return gtk_label_get_text (GTK_LABEL (editor_child (editor, "preview_label")));
}

static GtkTextBuffer *
editor_buffer (PdwTemplateEditor *editor)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor_child (editor, "text_view")));
}

/* Text goes in where the cursor is, as from the keyboard. */
static void
type_into_editor (PdwTemplateEditor *editor,
                  const char        *text)
{
  gtk_text_buffer_insert_at_cursor (editor_buffer (editor), text, -1);
  pdw_test_desk_drain ();
}

static void
test_preferences_template_editor (Fixture       *fixture,
                                  gconstpointer  data)
{
  PdwServiceCalendar *calendar = pdw_context_get_calendar (fixture->desk.context);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *opening = pdw_template_format_time (pdw_service_calendar_next_opening (calendar, now));
  g_autofree char *expected = NULL;
  const char * const *names = pdw_template_get_variable_names ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  PdwTemplateEditor *editor = PDW_TEMPLATE_EDITOR (pdw_template_editor_new (NULL, fixture->desk.context));
  GtkWidget *error_label = editor_child (editor, "error_label");
  GtkFlowBox *chips = GTK_FLOW_BOX (editor_child (editor, "variable_chips"));
  guint n_names = g_strv_length ((GStrv) names);

  gtk_window_set_child (window, GTK_WIDGET (editor));
  gtk_window_present (window);
  pdw_test_desk_drain ();

  /* A new template starts empty, with nothing to complain about. */
  g_assert_cmpstr (editor_preview (editor), ==, "");
  g_assert_false (gtk_widget_get_visible (error_label));

  /* The preview fills in the sample citizen, the officer signed in and
   * the next opening of the service. */
  type_into_editor (editor, "Yth. {nama}, loket dibuka {jam_buka}. Salam, {petugas}");
  expected = g_strdup_printf ("Yth. Siti Aminah, loket dibuka %s. Salam, Petugas Uji", opening);
  g_assert_cmpstr (editor_preview (editor), ==, expected);
  g_assert_false (gtk_widget_get_visible (error_label));

  /* Names that are no variable are shown, and stay as written. */
  type_into_editor (editor, " {salah} {lagi}");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "Unknown variables stay as written: salah, lagi");
  g_assert_true (g_str_has_suffix (editor_preview (editor), "Salam, Petugas Uji {salah} {lagi}"));

  /* Only known variables left: the error goes. */
  gtk_text_buffer_set_text (editor_buffer (editor), "Tiket {tiket}, NIK {nik_masked}", -1);
  pdw_test_desk_drain ();
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (editor_preview (editor), ==, "Tiket PDW-2026-01-00042, NIK 1471********0001");

  /* One chip per variable, in the order the templates list them. */
  g_assert_cmpuint (n_names, ==, 7);
  for (guint i = 0; i < n_names; i++)
    {
      GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (chips, i);
      g_autofree char *label = g_strdup_printf ("{%s}", names[i]);

      g_assert_nonnull (child);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_flow_box_child_get_child (child))), ==, label);
    }
  g_assert_null (gtk_flow_box_get_child_at_index (chips, n_names));

  gtk_window_destroy (window);
  pdw_test_desk_drain ();
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_consolidation (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PdwComplaint) listed = NULL;
  g_autoptr(PdwComplaint) after = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  PdwConsolidationWindow *window;
  GtkListBoxRow *row;
  GtkWidget *done;
  PdwComplaintEvent *last;

  listed = pdw_store_apply_action (fixture->desk.store, fixture->complaint_id, "add_to_consolidation",
                                   NULL, NULL, &actor, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdw_complaint_get_status (listed), ==, PDW_COMPLAINT_KONSOLIDASI);

  window = PDW_CONSOLIDATION_WINDOW (pdw_consolidation_window_new (fixture->desk.window, fixture->desk.context));
  gtk_window_present (GTK_WINDOW (window));
  pdw_test_desk_drain ();

  /* Today's list holds the one complaint, with its full NIK for SIAK. */
  row = gtk_list_box_get_row_at_index (pdw_consolidation_window_get_list (window), 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (pdw_consolidation_window_get_list (window), 1));
  g_assert_cmpint (*(gint64 *)g_object_get_data (G_OBJECT (row), "complaint-id"), ==, fixture->complaint_id);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), SITI_NIK));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), SITI_KK));

  /* A range before today shows nothing. */
  g_assert_true (pdw_consolidation_window_set_range (window, "2020-01-01", "2020-01-31"));
  g_assert_null (gtk_list_box_get_row_at_index (pdw_consolidation_window_get_list (window), 0));
  g_assert_false (pdw_consolidation_window_set_range (window, "2020-13-01", NULL));

  {
    g_autoptr(GTimeZone) wib = g_time_zone_new_offset (7 * 3600);
    g_autoptr(GDateTime) now = g_date_time_new_now (wib);
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    g_assert_true (pdw_consolidation_window_set_range (window, today, today));
  }

  row = gtk_list_box_get_row_at_index (pdw_consolidation_window_get_list (window), 0);
  g_assert_nonnull (row);
  done = find_named (GTK_WIDGET (row), "done");
  g_assert_nonnull (done);
  g_signal_emit_by_name (done, "clicked");
  pdw_test_desk_drain ();

  after = pdw_store_dup_complaint (fixture->desk.store, fixture->complaint_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pdw_complaint_get_consolidation_result (after), ==, "consolidation_done");

  events = pdw_store_list_complaint_events (fixture->desk.store, fixture->complaint_id, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpstr (pdw_complaint_event_get_action (last), ==, "consolidation_done");

  /* Processed complaints leave the working list. */
  g_assert_null (gtk_list_box_get_row_at_index (pdw_consolidation_window_get_list (window), 0));

  gtk_window_destroy (GTK_WINDOW (window));
  pdw_test_desk_drain ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  (void) pdw_get_resource ();

  g_test_add ("/office/composer/insert-template", Fixture, NULL, fixture_set_up, test_insert_template, fixture_tear_down);
  g_test_add ("/office/composer/window-closed", Fixture, NULL, fixture_set_up, test_window_closed, fixture_tear_down);
  g_test_add ("/office/preferences/template-in-menu", Fixture, NULL, fixture_set_up, test_preferences_template, fixture_tear_down);
  g_test_add ("/office/preferences/template-editor", Fixture, NULL, fixture_set_up, test_preferences_template_editor, fixture_tear_down);
  g_test_add ("/office/preferences/list-entry", Fixture, NULL, fixture_set_up, test_preferences_list_entry, fixture_tear_down);
  g_test_add ("/office/consolidation/list-and-done", Fixture, NULL, fixture_set_up, test_consolidation, fixture_tear_down);

  return g_test_run ();
}
