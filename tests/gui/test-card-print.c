/* test-card-print.c: the control card printed through GtkPrintOperation
 * (what the print dialog runs, here exported to a PDF file) carries the
 * same pages as the saved PDF, read back with pdftotext.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "gui/pdw-card-print.h"
#include "core/pdw-card-line.h"
#include "test-card-util.h"

static void
test_print_to_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = test_make_db_path (&dir);
  g_autofree char *pdf = g_build_filename (dir, "cetak.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = pdw_store_open (db, &error);
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autofree char *text = NULL;
  const PdwCardOptions options = { "Dinas Uji", "Jl. Uji No. 1", CARD_T0 + 3 * 86400 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *label = gtk_label_new ("kartu");
  TestClock clock = { 0 };
  gint64 id;

  g_assert_no_error (error);
  id = test_card_build (store, &clock, 0);
  complaint = pdw_store_dup_complaint (store, id, &error);
  g_assert_no_error (error);

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), label);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (pdw_card_print (label, store, id, &options, pdf));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  text = test_pdftotext (pdf, 0, 0);
  g_assert_nonnull (strstr (text, "KARTU KENDALI PENGADUAN PANDAWA"));
  g_assert_nonnull (strstr (text, pdw_complaint_get_ticket (complaint)));
  g_assert_nonnull (strstr (text, CARD_NIK_MASKED));
  g_assert_null (strstr (text, CARD_NIK));
  g_assert_nonnull (strstr (text, "Kepada: Bidang PIAK"));
  /* The coordination's receiver at the division, with the line. */
  g_assert_nonnull (strstr (text, COORD_RECEIVER_INITIALS));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

/* An unknown complaint: nothing printed, no file, a message instead. */
static void
test_print_unknown (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = test_make_db_path (&dir);
  g_autofree char *pdf = g_build_filename (dir, "tidak-ada.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = pdw_store_open (db, &error);

  g_assert_no_error (error);
  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "*control card was not printed*");
  g_assert_false (pdw_card_print (NULL, store, 4242, NULL, pdf));
  g_test_assert_expected_messages ();
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/card-print/to-file", test_print_to_file);
  g_test_add_func ("/card-print/unknown", test_print_unknown);

  return g_test_run ();
}
