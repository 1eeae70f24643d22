/* test-merge-dialog.c: the merge dialog offers the same citizen's other
 * conversations through search (never every conversation ever), opens on
 * the citizen's name, and never offers the conversation merged into.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "gui/pdw-merge-dialog.h"
#include "../store/test-store-util.h"

static void
test_merge_dialog_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(PdwContext) context = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = test_make_db_path (&dir);
  PdwMergeDialog *dialog;
  gint64 first, second, other;

  store = pdw_store_open (path, &error);
  g_assert_no_error (error);
  test_ingest (store,
               test_messages (test_inbound ("wamid.M1", "6280000000011", "Siti Aminah", 1763700000, "akta lahir"),
                              test_inbound ("wamid.M2", "6280000000012", "Siti Aminah", 1763700100, "ini nomor baru"),
                              test_inbound ("wamid.M3", "6280000000013", "Budi", 1763700200, "KTP hilang"),
                              NULL),
               NULL);
  first = pdw_store_find_conversation_by_wa_id (store, "6280000000011", &error);
  second = pdw_store_find_conversation_by_wa_id (store, "6280000000012", &error);
  other = pdw_store_find_conversation_by_wa_id (store, "6280000000013", &error);
  g_assert_no_error (error);
  context = pdw_context_new (store, NULL);

  dialog = pdw_merge_dialog_new (NULL, context, first);
  g_object_ref_sink (dialog);

  /* It opens on the citizen's name: the other number, not this one. */
  g_assert_cmpuint (pdw_merge_dialog_get_n_visible (dialog), ==, 1);
  g_assert_true (pdw_merge_dialog_select_id (dialog, second));
  g_assert_false (pdw_merge_dialog_select_id (dialog, first));
  g_assert_cmpint (pdw_merge_dialog_get_selected_id (dialog), ==, second);

  /* A number in any form finds its conversation. */
  pdw_merge_dialog_set_search (dialog, "0800-0000-0013");
  g_assert_cmpuint (pdw_merge_dialog_get_n_visible (dialog), ==, 1);
  g_assert_cmpint (pdw_merge_dialog_get_selected_id (dialog), ==, 0);
  g_assert_true (pdw_merge_dialog_select_id (dialog, other));

  /* Nothing typed: nothing offered. */
  pdw_merge_dialog_set_search (dialog, "");
  g_assert_cmpuint (pdw_merge_dialog_get_n_visible (dialog), ==, 0);
  g_assert_cmpint (pdw_merge_dialog_get_into_id (dialog), ==, first);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  g_clear_object (&context);
  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/merge-dialog/search", test_merge_dialog_search);

  return g_test_run ();
}
