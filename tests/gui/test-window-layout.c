/* test-window-layout.c: the window at 1024x700, the size of the screens
 * offices have, with nothing cut: the queue, the chat (the last reply in
 * view down to its signature), the reply box, the
 * closed 24-hour window's banner and its button, and the complaint pane
 * (folded into a side sheet, then opened) inside the window at their
 * minimum widths or more; on a wider screen the pane is a column beside
 * the chat.  Also the inbox tabs with their counts, and the title's unread
 * count.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gui/pdw-chat-view.h"
#include "gui/pdw-inbox-tabs.h"
#include "gui/pdw-message-row.h"
#include "gui/pdw-window.h"
#include "store/pdw-conversation-list.h"
#include "pdw-test-window.h"

typedef struct
{
  PdwTestDesk desk;
  PdwWindow  *window;
  gint64      old_id;     /* wrote two days ago: the 24-hour window is closed */
  gint64      new_id;
} Fixture;

static void
fill_store (Fixture *f)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_status_update_free);
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(GError) error = NULL;
  PdwIngestResult result = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_ptr_array_add (messages, pdw_test_message_new ("wamid.W1", "6280000000901", "Sri Rahayu Wulandari Ningsih",
                                                   now - 2 * 86400, "Data KK saya belum update setelah pindah"));
  g_ptr_array_add (messages, pdw_test_message_new ("wamid.W2", "6280000000902", "Rudi", now - 3600,
                                                   "NIK saya tidak aktif di bank"));
  g_ptr_array_add (messages, pdw_test_message_new ("wamid.W3", "6280000000903", "Ani", now - 1800, "Halo"));
  g_assert_true (pdw_store_ingest_webhook (f->desk.store, "test", body, messages, statuses, &result, &error));
  g_assert_no_error (error);

  f->old_id = pdw_test_find_conversation (f->desk.store, "6280000000901");
  f->new_id = pdw_test_find_conversation (f->desk.store, "6280000000902");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  /* No animations: the flap is where it goes at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  pdw_test_desk_open (&f->desk, "window-layout");
  fill_store (f);
  f->window = pdw_window_new (NULL, f->desk.context, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pdw_test_desk_close (&f->desk);
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

#define WAIT_FOR(cond) G_STMT_START {                                  \
    gboolean timed_out_ = FALSE;                                       \
    guint source_ = g_timeout_add_seconds (10, timed_out_cb, &timed_out_); \
    while (!(cond) && !timed_out_)                                     \
      g_main_context_iteration (NULL, TRUE);                           \
    if (timed_out_)                                                    \
      g_error ("Timed out waiting for %s", #cond);                     \
    g_source_remove (source_);                                         \
    pdw_test_desk_drain ();                                            \
  } G_STMT_END

/* The default size counts the frame (CSD borders): the window's content is
 * brought to exactly @width x @height, as on a screen of that size. */
static void
show_at (Fixture *f,
         int      width,
         int      height)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  int frame_width, frame_height;

  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  pdw_test_desk_present (&f->desk, GTK_WINDOW (f->window));
  WAIT_FOR (gtk_widget_get_mapped (window) && gtk_widget_get_width (window) > 0);

  frame_width = width - gtk_widget_get_width (window);
  frame_height = height - gtk_widget_get_height (window);
  if (frame_width != 0 || frame_height != 0)
    gtk_window_set_default_size (GTK_WINDOW (f->window), width + frame_width, height + frame_height);
  WAIT_FOR (gtk_widget_get_width (window) == width && gtk_widget_get_height (window) == height);
}

/* @widget lies inside the window and has at least its minimum width (a
 * widget squeezed below it is cut off), and at least @min_width. */
static void
assert_fits (Fixture    *f,
             GtkWidget  *widget,
             const char *what,
             int         min_width)
{
  graphene_rect_t bounds;
  int window_width = gtk_widget_get_width (GTK_WIDGET (f->window));
  int window_height = gtk_widget_get_height (GTK_WIDGET (f->window));
  int minimum = 0;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (f->window), &bounds));
  g_test_message ("%s: x %.0f y %.0f, %.0f x %.0f", what, bounds.origin.x, bounds.origin.y,
                  bounds.size.width, bounds.size.height);

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (bounds.origin.x < 0 || bounds.origin.y < 0 ||
      bounds.origin.x + bounds.size.width > window_width + 0.5 ||
      bounds.origin.y + bounds.size.height > window_height + 0.5)
    g_error ("%s (%.0f,%.0f %.0fx%.0f) is not inside the %dx%d window", what,
             bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
             window_width, window_height);
  g_assert_cmpfloat (bounds.size.width, >=, minimum);
  g_assert_cmpfloat (bounds.size.width, >=, min_width);
}

static double
right_edge (Fixture   *f,
            GtkWidget *widget)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, GTK_WIDGET (f->window), &bounds))
    return G_MAXDOUBLE;
  return bounds.origin.x + bounds.size.width;
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_visible (child))
        return child;
      if ((found = find_button (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
assert_desk_fits (Fixture *f)
{
  PdwChatView *chat = pdw_window_get_chat_view (f->window);
  GtkWidget *notice = pdw_chat_view_get_window_notice (chat);
  GtkWidget *button;
  int notice_height;

  assert_fits (f, pdw_window_get_conversation_view (f->window), "the queue", 300);
  assert_fits (f, GTK_WIDGET (pdw_window_get_inbox_tabs (f->window)), "the inbox tabs", 280);
  assert_fits (f, GTK_WIDGET (chat), "the chat", 400);
  assert_fits (f, pdw_chat_view_get_composer (chat), "the reply box", 300);

  /* The closed 24-hour window: one compact bar whose button is whole
   * (allocated at the frame after the conversation opens). */
  g_assert_true (gtk_widget_get_visible (notice));
  WAIT_FOR (gtk_widget_get_mapped (notice) && gtk_widget_get_width (notice) > 0);
  assert_fits (f, notice, "the 24-hour banner", 300);
  button = find_button (notice);
  g_assert_nonnull (button);
  assert_fits (f, button, "the banner's button", 60);
  notice_height = gtk_widget_get_height (notice);
  g_test_message ("the banner is %d px high", notice_height);
  g_assert_cmpint (notice_height, <=, 80);
}

static void
test_1024 (Fixture       *f,
           gconstpointer  data)
{
  AdwFlap *flap = pdw_window_get_flap (f->window);
  GtkWidget *pane = GTK_WIDGET (pdw_window_get_complaint_pane (f->window));
  int queue_width;

  show_at (f, 1024, 700);
  g_assert_true (pdw_window_select_conversation (f->window, f->old_id));
  /* Mapped first, allocated at the next frame's layout. */
  WAIT_FOR (gtk_widget_get_mapped (pdw_chat_view_get_window_notice (pdw_window_get_chat_view (f->window))) &&
            gtk_widget_get_width (pdw_chat_view_get_window_notice (pdw_window_get_chat_view (f->window))) > 0);

  /* Too narrow for three columns: the pane is a side sheet, closed. */
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_false (gtk_widget_get_mapped (pane));
  assert_desk_fits (f);
  queue_width = gtk_widget_get_width (pdw_window_get_conversation_view (f->window));

  /* The header's toggle (F9) opens it over the chat, inside the window. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-pane", NULL);
  WAIT_FOR (gtk_widget_get_mapped (pane) && adw_flap_get_reveal_progress (flap) >= 1.0 &&
            right_edge (f, pane) <= 1024);
  assert_fits (f, pane, "the complaint pane", 320);
  assert_desk_fits (f);
  /* The queue keeps its width. */
  g_assert_cmpint (gtk_widget_get_width (pdw_window_get_conversation_view (f->window)), ==, queue_width);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-pane", NULL);
  WAIT_FOR (!gtk_widget_get_mapped (pane));
}

static void
test_wide (Fixture       *f,
           gconstpointer  data)
{
  AdwFlap *flap = pdw_window_get_flap (f->window);
  GtkWidget *pane = GTK_WIDGET (pdw_window_get_complaint_pane (f->window));
  graphene_rect_t chat, sheet;

  /* As wide as xvfb-run's screen (1280x1024) lets a window be. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 900);
  pdw_test_desk_present (&f->desk, GTK_WINDOW (f->window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)) && gtk_widget_get_width (GTK_WIDGET (f->window)) >= 1200);
  g_assert_true (pdw_window_select_conversation (f->window, f->old_id));
  WAIT_FOR (gtk_widget_get_mapped (pane));

  /* Room for three columns: the pane is one, beside the chat. */
  g_assert_false (adw_flap_get_folded (flap));
  assert_fits (f, pane, "the complaint pane", 320);
  assert_desk_fits (f);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (pdw_window_get_chat_view (f->window)),
                                            GTK_WIDGET (f->window), &chat));
  g_assert_true (gtk_widget_compute_bounds (pane, GTK_WIDGET (f->window), &sheet));
  g_assert_cmpfloat (chat.origin.x + chat.size.width, <=, sheet.origin.x + 0.5);
}

static gboolean
counted (Fixture *f)
{
  return !pdw_inbox_counter_is_busy (pdw_window_get_inbox_counter (f->window));
}

/* The tabs show their counts; a tab filters the queue; the title counts
 * the unread conversations. */
static void
test_tabs_and_title (Fixture       *f,
                     gconstpointer  data)
{
  PdwInboxTabs *tabs = pdw_window_get_inbox_tabs (f->window);
  GListModel *visible = pdw_window_get_visible_conversations (f->window);
  g_autoptr(GError) error = NULL;

  show_at (f, 1024, 700);
  WAIT_FOR (counted (f));

  g_assert_cmpstr (pdw_inbox_tabs_get_count_text (tabs, PDW_CONVERSATION_FILTER_WORKING_SET), ==, "3");
  g_assert_cmpstr (pdw_inbox_tabs_get_count_text (tabs, PDW_CONVERSATION_FILTER_UNANSWERED), ==, "3");
  g_assert_cmpstr (pdw_inbox_tabs_get_count_text (tabs, PDW_CONVERSATION_FILTER_MINE), ==, "0");
  g_assert_cmpstr (pdw_inbox_tabs_get_count_text (tabs, PDW_CONVERSATION_FILTER_ATTENTION), ==, "0");
  g_assert_null (pdw_inbox_tabs_get_count_text (tabs, PDW_CONVERSATION_FILTER_ARCHIVE));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "(3) PANDAWA");

  /* The officer answers Rudi: one fewer unanswered, one fewer unread
   * (answering is reading), in the tab and in the title. */
  g_assert_cmpint (pdw_store_queue_outgoing_text (f->desk.store, f->new_id, "Baik, kami bantu.",
                                                  "Petugas Uji", &error), >, 0);
  g_assert_no_error (error);
  WAIT_FOR (counted (f) && g_strcmp0 (pdw_inbox_tabs_get_count_text (tabs, PDW_CONVERSATION_FILTER_UNANSWERED), "2") == 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "(2) PANDAWA");

  /* Clicking "Belum dibalas" filters the queue to the two. */
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 3);
  g_signal_emit_by_name (pdw_inbox_tabs_get_button (tabs, PDW_CONVERSATION_FILTER_UNANSWERED), "clicked");
  g_assert_cmpint (pdw_window_get_queue_filter (f->window), ==, PDW_QUEUE_FILTER_UNANSWERED);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (pdw_inbox_tabs_get_button (tabs, PDW_CONVERSATION_FILTER_UNANSWERED))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (pdw_inbox_tabs_get_button (tabs, PDW_CONVERSATION_FILTER_WORKING_SET))));

  /* Reading Ani and the old conversation leaves the title bare. */
  g_assert_true (pdw_store_mark_conversation_read (f->desk.store, f->old_id, &error));
  g_assert_true (pdw_store_mark_conversation_read (f->desk.store,
                                                   pdw_test_find_conversation (f->desk.store, "6280000000903"), &error));
  WAIT_FOR (counted (f) && g_strcmp0 (gtk_window_get_title (GTK_WINDOW (f->window)), "PANDAWA") == 0);

  /* Code may choose a filter without a tab: none is pressed. */
  pdw_window_set_queue_filter (f->window, PDW_QUEUE_FILTER_OPEN);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (pdw_inbox_tabs_get_button (tabs, PDW_CONVERSATION_FILTER_UNANSWERED))));
}

static GtkWidget *
find_label_with (GtkWidget  *widget,
                 const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return child;
      if ((found = find_label_with (child, text)) != NULL)
        return found;
    }
  return NULL;
}

/* A reply of many lines, its signature at the end, as the last of a long
 * conversation: opened, the chat shows it down to the signature, and no
 * bubble is given less height than its text needs at the width it gets
 * (a bubble measured at the row's width but drawn narrower was cut). */
static void
test_last_reply_in_view (Fixture       *f,
                         gconstpointer  data)
{
  PdwChatView *chat;
  GtkWidget *list;
  GtkWidget *signature = NULL;
  GtkWidget *row, *bubble;
  graphene_rect_t row_bounds, list_bounds;
  g_autoptr(GError) error = NULL;
  int needed = 0;

  for (guint i = 0; i < 12; i++)
    {
      /* The demo's own replies: the out-of-hours one, then the standard
       * reply with its signature. */
      g_autofree char *text = i % 2 == 0
        ? g_strdup ("Terima kasih telah menghubungi layanan PANDAWA Disdukcapil Kota Pekanbaru. Saat ini di luar "
                    "jam pelayanan. Pesan Bapak/Ibu sudah kami terima dan akan dibalas oleh petugas setelah layanan "
                    "buka kembali pada Rabu, 2 Desember 2026 pukul 08.00 WIB.\n\nMohon sertakan Nama, NIK dan "
                    "Nomor KK agar permohonan dapat segera diproses.")
        : g_strdup_printf ("Terima kasih, Bapak/Ibu Rudi. Permohonan Bapak/Ibu telah kami terima dan terdaftar "
                           "dengan nomor tiket PDW-2026-12-%05u untuk NIK 1471********9182. Data bapak/ibu dapat "
                           "aktif maksimal dalam waktu 2x24 jam (paling lambat Jumat, 4 Desember 2026 pukul 12.49 "
                           "WIB). Kami akan mengabari Bapak/Ibu kembali setelah data aktif.\n\nSalam,\nHendra "
                           "Saputra\nTanda tangan %u", i, i);

      pdw_store_queue_outgoing_text (f->desk.store, f->new_id, text, "Petugas Uji", &error);
      g_assert_no_error (error);
    }

  show_at (f, 1024, 700);
  g_assert_true (pdw_window_select_conversation (f->window, f->new_id));
  chat = pdw_window_get_chat_view (f->window);
  list = pdw_chat_view_get_list_view (chat);
  WAIT_FOR ((signature = find_label_with (list, "Tanda tangan 11")) != NULL &&
            gtk_widget_get_height (signature) > 0);
  /* The scroll settles within a few frames. */
  for (guint i = 0; i < 30; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }

  /* The row the reply is drawn in (it clips what overflows it), and the
   * bubble inside at the width it was given. */
  row = gtk_widget_get_ancestor (signature, PDW_TYPE_MESSAGE_ROW);
  g_assert_nonnull (row);
  bubble = gtk_widget_get_first_child (row);
  g_assert_true (gtk_widget_compute_bounds (row, list, &row_bounds));
  g_assert_true (gtk_widget_compute_bounds (list, list, &list_bounds));
  gtk_widget_measure (bubble, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (bubble),
                      &needed, NULL, NULL, NULL);
  g_test_message ("last reply: y %.0f to %.0f of a %.0f px list; the bubble needs %d px, the row has %d",
                  row_bounds.origin.y, row_bounds.origin.y + row_bounds.size.height,
                  list_bounds.size.height, needed, gtk_widget_get_height (row));
  g_assert_cmpint (gtk_widget_get_height (row), >=, needed);
  g_assert_cmpfloat (row_bounds.origin.y, >=, 0);
  g_assert_cmpfloat (row_bounds.origin.y + row_bounds.size.height, <=, list_bounds.size.height + 0.5);
}

/* A citizen writes while the window is in the background: one
 * notification, the NIK masked; nothing for the office's own messages. */
static void
test_notification (Fixture       *f,
                   gconstpointer  data)
{
  PdwMessageNotifier *notifier = pdw_window_get_message_notifier (f->window);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("message-%" G_GINT64_FORMAT, f->new_id);
  PdwIngestResult result = { 0 };

  /* Never shown: not the window the officer looks at. */
  g_assert_false (gtk_window_is_active (GTK_WINDOW (f->window)));

  g_assert_cmpint (pdw_store_queue_outgoing_text (f->desk.store, f->new_id, "Baik.", "Petugas Uji", &error), >, 0);
  pdw_test_desk_drain ();
  g_assert_cmpuint (pdw_message_notifier_get_n_sent (notifier), ==, 0);

  g_ptr_array_add (messages, pdw_test_message_new ("wamid.W9", "6280000000902", "Rudi",
                                                   g_get_real_time () / G_USEC_PER_SEC,
                                                   "ini NIK saya 1471084101909999 pak"));
  g_assert_true (pdw_store_ingest_webhook (f->desk.store, "test", body, messages, NULL, &result, &error));
  g_assert_no_error (error);
  pdw_test_desk_drain ();

  g_assert_cmpuint (pdw_message_notifier_get_n_sent (notifier), ==, 1);
  g_assert_cmpstr (pdw_message_notifier_get_last_id (notifier), ==, id);
  g_assert_nonnull (strstr (pdw_message_notifier_get_last_body (notifier), "ini NIK saya"));
  g_assert_null (strstr (pdw_message_notifier_get_last_body (notifier), "1471084101909999"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window-layout/1024x700", Fixture, NULL, fixture_set_up, test_1024, fixture_tear_down);
  g_test_add ("/window-layout/wide", Fixture, NULL, fixture_set_up, test_wide, fixture_tear_down);
  g_test_add ("/window-layout/last-reply-in-view", Fixture, NULL, fixture_set_up, test_last_reply_in_view, fixture_tear_down);
  g_test_add ("/window-layout/notification", Fixture, NULL, fixture_set_up, test_notification, fixture_tear_down);
  g_test_add ("/window-layout/tabs-and-title", Fixture, NULL, fixture_set_up, test_tabs_and_title, fixture_tear_down);

  return g_test_run ();
}
