/* test-media-display.c: a citizen's photo as a thumbnail in the chat
 * (loaded off the main loop), a document's name and size, the states of a
 * file not here yet, and the viewer's zoom, fit and rotation.  Needs a
 * display (Xvfb).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "gui/pdw-media-viewer.h"
#include "gui/pdw-message-media.h"
#include "gui/pdw-message-row.h"
#include "pdw-resources.h"
#include "pdw-test-util.h"

typedef struct
{
  char      *dir;
  char      *photo;
  GtkWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 800, 600);
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pandawa-media-display-XXXXXX", &error);
  g_assert_no_error (error);
  f->photo = g_build_filename (f->dir, "kk.png", NULL);
  gdk_pixbuf_fill (pixbuf, 0x3465a4ff);
  gdk_pixbuf_save (pixbuf, f->photo, "png", &error, NULL);
  g_assert_no_error (error);
  f->window = GTK_WINDOW (gtk_window_new ());
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  pdw_test_remove_tree (f->dir);
  g_free (f->photo);
  g_free (f->dir);
}

static PdwMessage *
new_message (const char    *type,
             PdwMediaState  state,
             const char    *path,
             const char    *filename,
             const char    *error)
{
  return g_object_new (PDW_TYPE_MESSAGE,
                       "id", (gint64) 7,
                       "message-type", type,
                       "media-id", "1003383421387256",
                       "media-filename", filename,
                       "media-state", (int) state,
                       "media-path", path,
                       "media-size", (gint64) 123456,
                       "media-error", error,
                       NULL);
}

static void
test_thumbnail (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PdwMessage) message = new_message ("image", PDW_MEDIA_READY, f->photo, NULL, NULL);
  GtkWidget *row = pdw_message_row_new ();
  PdwMessageMedia *media;
  GdkPaintable *thumbnail;

  gtk_window_set_child (f->window, row);
  gtk_window_present (f->window);
  pdw_message_row_set_message (PDW_MESSAGE_ROW (row), message);

  /* The row shows its message's file through a PdwMessageMedia. */
  media = PDW_MESSAGE_MEDIA (gtk_widget_get_first_child (gtk_widget_get_first_child (row)));
  g_assert_true (PDW_IS_MESSAGE_MEDIA (media));
  g_assert_true (pdw_message_media_has_media (media));
  g_assert_false (pdw_message_media_get_can_retry (media));

  SPIN_UNTIL (pdw_message_media_get_thumbnail (media) != NULL);
  thumbnail = pdw_message_media_get_thumbnail (media);
  /* Scaled to the thumbnail box, the aspect kept: 800x600 -> 427x320. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (thumbnail), <=, 480);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (thumbnail), ==, 320);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (thumbnail), ==, 427);
}

static void
test_document (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PdwMessage) message = new_message ("document", PDW_MEDIA_READY, f->photo,
                                               "surat_keterangan_bank.pdf", NULL);
  g_autofree char *size = g_format_size (123456);
  g_autofree char *save_name = NULL;
  PdwMessageMedia *media = PDW_MESSAGE_MEDIA (pdw_message_media_new ());

  gtk_window_set_child (f->window, GTK_WIDGET (media));
  pdw_message_media_set_message (media, message);
  g_assert_cmpstr (pdw_message_media_get_name_text (media), ==, "surat_keterangan_bank.pdf");
  g_assert_cmpstr (pdw_message_media_get_detail_text (media), ==, size);
  g_assert_null (pdw_message_media_get_thumbnail (media));

  save_name = pdw_message_media_dup_save_name (message);
  g_assert_cmpstr (save_name, ==, "surat_keterangan_bank.pdf");
}

static void
test_states (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PdwMessage) failed = new_message ("image", PDW_MEDIA_PENDING, NULL, NULL, "Graph API: HTTP 500");
  g_autoptr(PdwMessage) fetching = new_message ("image", PDW_MEDIA_PENDING, NULL, NULL, NULL);
  g_autoptr(PdwMessage) corrupt = new_message ("image", PDW_MEDIA_CORRUPT, NULL, NULL, "sha256");
  g_autoptr(PdwMessage) expired = new_message ("document", PDW_MEDIA_EXPIRED, NULL, "a.pdf", NULL);
  g_autoptr(PdwMessage) text = g_object_new (PDW_TYPE_MESSAGE, "message-type", "text", NULL);
  PdwMessageMedia *media = PDW_MESSAGE_MEDIA (pdw_message_media_new ());

  gtk_window_set_child (f->window, GTK_WIDGET (media));

  pdw_message_media_set_message (media, failed);
  g_assert_cmpstr (pdw_message_media_get_detail_text (media), ==, "download failed — try again");
  g_assert_true (pdw_message_media_get_can_retry (media));
  g_assert_null (pdw_message_media_get_thumbnail (media));

  pdw_message_media_set_message (media, fetching);
  g_assert_cmpstr (pdw_message_media_get_detail_text (media), ==, "Downloading…");
  g_assert_false (pdw_message_media_get_can_retry (media));

  pdw_message_media_set_message (media, corrupt);
  g_assert_true (pdw_message_media_get_can_retry (media));

  pdw_message_media_set_message (media, expired);
  g_assert_false (pdw_message_media_get_can_retry (media));
  g_assert_true (g_str_has_prefix (pdw_message_media_get_detail_text (media), "Not downloaded within 7 days"));

  pdw_message_media_set_message (media, text);
  g_assert_false (pdw_message_media_has_media (media));
}

static void
test_viewer (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *viewer = pdw_media_viewer_new (f->photo, "kk.png");
  PdwMediaViewer *v = PDW_MEDIA_VIEWER (viewer);
  double fitted;

  gtk_window_present (GTK_WINDOW (viewer));
  SPIN_UNTIL (pdw_media_viewer_get_image_width (v) == 800);
  g_assert_true (pdw_media_viewer_get_fit (v));
  fitted = pdw_media_viewer_get_zoom (v);
  g_assert_cmpfloat (fitted, <=, 1.0);

  g_assert_true (gtk_widget_activate_action (viewer, "viewer.zoom-in", NULL));
  g_assert_false (pdw_media_viewer_get_fit (v));
  g_assert_cmpfloat_with_epsilon (pdw_media_viewer_get_zoom (v), fitted * 1.25, 1e-9);
  g_assert_true (gtk_widget_activate_action (viewer, "viewer.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (viewer, "viewer.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (pdw_media_viewer_get_zoom (v), fitted / 1.25, 1e-9);

  g_assert_true (gtk_widget_activate_action (viewer, "viewer.rotate", NULL));
  g_assert_cmpint (pdw_media_viewer_get_rotation (v), ==, 90);
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (viewer, "viewer.rotate", NULL);
  g_assert_cmpint (pdw_media_viewer_get_rotation (v), ==, 0);

  g_assert_true (gtk_widget_activate_action (viewer, "viewer.fit", NULL));
  g_assert_true (pdw_media_viewer_get_fit (v));

  gtk_window_destroy (GTK_WINDOW (viewer));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  (void) pdw_get_resource ();

  g_test_add ("/gui/media/thumbnail", Fixture, NULL, fixture_set_up, test_thumbnail, fixture_tear_down);
  g_test_add ("/gui/media/document", Fixture, NULL, fixture_set_up, test_document, fixture_tear_down);
  g_test_add ("/gui/media/states", Fixture, NULL, fixture_set_up, test_states, fixture_tear_down);
  g_test_add ("/gui/media/viewer", Fixture, NULL, fixture_set_up, test_viewer, fixture_tear_down);

  return g_test_run ();
}
