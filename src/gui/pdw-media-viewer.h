/* pdw-media-viewer.h: a window showing a citizen's photo: zoom in and out,
 * fit to the window, rotate by 90° (photos of documents taken sideways),
 * save a copy.  Keys: + and − zoom, 0 fits, R rotates, Ctrl+S saves,
 * Escape closes.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PDW_TYPE_MEDIA_VIEWER (pdw_media_viewer_get_type ())
G_DECLARE_FINAL_TYPE (PdwMediaViewer, pdw_media_viewer, PDW, MEDIA_VIEWER, AdwWindow)

/* Loads @path off the main loop; @name is the title and the name offered
 * by "Save As…". */
GtkWidget *pdw_media_viewer_new         (const char     *path,
                                         const char     *name);
/* 0 until the picture is loaded. */
int        pdw_media_viewer_get_image_width  (PdwMediaViewer *self);
/* 1.0 = 100 %; the fitted scale while fitting. */
double     pdw_media_viewer_get_zoom    (PdwMediaViewer *self);
gboolean   pdw_media_viewer_get_fit     (PdwMediaViewer *self);
/* 0, 90, 180 or 270 degrees clockwise. */
int        pdw_media_viewer_get_rotation (PdwMediaViewer *self);

/* "Save As…" for the file at @path: a native file chooser (GTK 4.8),
 * then a copy on the main loop's async I/O. */
void       pdw_media_viewer_save_copy   (GtkWindow      *parent,
                                         const char     *path,
                                         const char     *suggested_name);

G_END_DECLS
