/* pdw-media-viewer.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-media-viewer.h"

#define ZOOM_STEP 1.25
#define ZOOM_MIN  0.05
#define ZOOM_MAX  8.0

struct _PdwMediaViewer
{
  AdwWindow          parent_instance;

  /* Template Widgets */
  GtkScrolledWindow *scroller;
  GtkDrawingArea    *area;
  GtkLabel          *zoom_label;

  char              *path;
  char              *name;
  GdkPixbuf         *pixbuf;
  GCancellable      *cancellable;
  double             zoom;
  gboolean           fit;
  int                rotation;
};

G_DEFINE_FINAL_TYPE (PdwMediaViewer, pdw_media_viewer, ADW_TYPE_WINDOW)

/* The picture's size once turned. */
static void
get_turned_size (PdwMediaViewer *self,
                 double         *width,
                 double         *height)
{
  double w = self->pixbuf != NULL ? gdk_pixbuf_get_width (self->pixbuf) : 1;
  double h = self->pixbuf != NULL ? gdk_pixbuf_get_height (self->pixbuf) : 1;
  gboolean sideways = self->rotation == 90 || self->rotation == 270;

  *width = sideways ? h : w;
  *height = sideways ? w : h;
}

static double
fitted_scale (PdwMediaViewer *self)
{
  double width, height;
  int area_width = gtk_widget_get_width (GTK_WIDGET (self->scroller));
  int area_height = gtk_widget_get_height (GTK_WIDGET (self->scroller));

  get_turned_size (self, &width, &height);
  if (area_width <= 0 || area_height <= 0)
    return 1.0;

  /* A small photo is not blown up past 100 %. */
  return MIN (1.0, MIN (area_width / width, area_height / height));
}

static double
current_scale (PdwMediaViewer *self)
{
  return self->fit ? fitted_scale (self) : self->zoom;
}

static void
pdw_media_viewer_sync (PdwMediaViewer *self)
{
  g_autofree char *percent = NULL;
  double width, height;
  double scale = current_scale (self);

  get_turned_size (self, &width, &height);
  /* Fitting: the area takes the window's size, no scroll bars.  Zoomed:
   * the area is as big as the picture and scrolls. */
  gtk_scrolled_window_set_policy (self->scroller,
                                  self->fit ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  self->fit ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
  gtk_drawing_area_set_content_width (self->area, self->fit ? 1 : (int) (width * scale));
  gtk_drawing_area_set_content_height (self->area, self->fit ? 1 : (int) (height * scale));

  percent = g_strdup_printf ("%d %%", (int) (scale * 100 + 0.5));
  gtk_label_set_text (self->zoom_label, self->pixbuf != NULL ? percent : "");
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  PdwMediaViewer *self = user_data;
  double scale;

  if (self->pixbuf == NULL)
    return;

  scale = current_scale (self);
  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_rotate (cr, self->rotation * G_PI / 180.0);
  cairo_scale (cr, scale, scale);
  gdk_cairo_set_source_pixbuf (cr, self->pixbuf,
                               -gdk_pixbuf_get_width (self->pixbuf) / 2.0,
                               -gdk_pixbuf_get_height (self->pixbuf) / 2.0);
  cairo_pattern_set_filter (cairo_get_source (cr), scale < 1 ? CAIRO_FILTER_GOOD : CAIRO_FILTER_FAST);
  cairo_paint (cr);
}

static void
resize_cb (PdwMediaViewer *self)
{
  if (self->fit)
    pdw_media_viewer_sync (self);
}

/* ---- Loading ---------------------------------------------------------------- */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  GError *error = NULL;

  pixbuf = gdk_pixbuf_new_from_file (task_data, &error);
  if (pixbuf == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Phone photos carry their orientation in EXIF. */
  g_task_return_pointer (task, gdk_pixbuf_apply_embedded_orientation (pixbuf), g_object_unref);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf = g_task_propagate_pointer (G_TASK (result), &error);
  PdwMediaViewer *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PDW_MEDIA_VIEWER (object);
  if (pixbuf == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Cannot show the photo: %s"), error->message);

      gtk_window_set_title (GTK_WINDOW (self), title);
      return;
    }

  self->pixbuf = pixbuf;
  pdw_media_viewer_sync (self);
}

/* ---- Save As ------------------------------------------------------------------ */

static void
copied_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (g_file_copy_finish (G_FILE (object), result, &error))
    return;

  dialog = adw_message_dialog_new (parent, _("The copy was not saved"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_response_cb (GtkNativeDialog *native,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(GFile) source = user_data;
  g_autoptr(GFile) dest = NULL;
  GtkWindow *parent = gtk_native_dialog_get_transient_for (native);

  if (response == GTK_RESPONSE_ACCEPT &&
      (dest = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    g_file_copy_async (source, dest, G_FILE_COPY_OVERWRITE, G_PRIORITY_DEFAULT, NULL, NULL, NULL,
                       copied_cb, parent != NULL ? g_object_ref (parent) : NULL);

  g_object_unref (native);
}

void
pdw_media_viewer_save_copy (GtkWindow  *parent,
                            const char *path,
                            const char *suggested_name)
{
  GtkFileChooserNative *native;

  g_return_if_fail (path != NULL);

  native = gtk_file_chooser_native_new (_("Save As"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), g_file_new_for_path (path));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- Actions ------------------------------------------------------------------ */

static void
set_zoom (PdwMediaViewer *self,
          double          zoom)
{
  self->zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  self->fit = FALSE;
  pdw_media_viewer_sync (self);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PdwMediaViewer *self = PDW_MEDIA_VIEWER (widget);

  set_zoom (self, current_scale (self) * ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PdwMediaViewer *self = PDW_MEDIA_VIEWER (widget);

  set_zoom (self, current_scale (self) / ZOOM_STEP);
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  PdwMediaViewer *self = PDW_MEDIA_VIEWER (widget);

  self->fit = TRUE;
  pdw_media_viewer_sync (self);
}

static void
rotate_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PdwMediaViewer *self = PDW_MEDIA_VIEWER (widget);

  self->rotation = (self->rotation + 90) % 360;
  pdw_media_viewer_sync (self);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PdwMediaViewer *self = PDW_MEDIA_VIEWER (widget);

  pdw_media_viewer_save_copy (GTK_WINDOW (self), self->path, self->name);
}

/* ---- GObject ---------------------------------------------------------------- */

static void
pdw_media_viewer_dispose (GObject *object)
{
  PdwMediaViewer *self = (PdwMediaViewer *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pixbuf);
  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_MEDIA_VIEWER);

  G_OBJECT_CLASS (pdw_media_viewer_parent_class)->dispose (object);
}

static void
pdw_media_viewer_finalize (GObject *object)
{
  PdwMediaViewer *self = (PdwMediaViewer *)object;

  g_free (self->path);
  g_free (self->name);

  G_OBJECT_CLASS (pdw_media_viewer_parent_class)->finalize (object);
}

static void
pdw_media_viewer_class_init (PdwMediaViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_media_viewer_dispose;
  object_class->finalize = pdw_media_viewer_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-media-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwMediaViewer, scroller);
  gtk_widget_class_bind_template_child (widget_class, PdwMediaViewer, area);
  gtk_widget_class_bind_template_child (widget_class, PdwMediaViewer, zoom_label);

  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "viewer.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "viewer.rotate", NULL, rotate_action);
  gtk_widget_class_install_action (widget_class, "viewer.save-as", NULL, save_as_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "viewer.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "viewer.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "viewer.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, 0, "viewer.rotate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "viewer.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pdw_media_viewer_init (PdwMediaViewer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->zoom = 1.0;
  self->fit = TRUE;
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
  g_signal_connect_object (self->area, "resize", G_CALLBACK (resize_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
pdw_media_viewer_new (const char *path,
                      const char *name)
{
  g_autoptr(GTask) task = NULL;
  PdwMediaViewer *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (PDW_TYPE_MEDIA_VIEWER, "title", name != NULL ? name : _("Photo"), NULL);
  self->path = g_strdup (path);
  self->name = g_strdup (name);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, loaded_cb, NULL);
  g_task_set_source_tag (task, pdw_media_viewer_new);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, load_thread);

  return GTK_WIDGET (self);
}

int
pdw_media_viewer_get_image_width (PdwMediaViewer *self)
{
  g_return_val_if_fail (PDW_IS_MEDIA_VIEWER (self), 0);
  return self->pixbuf != NULL ? gdk_pixbuf_get_width (self->pixbuf) : 0;
}

double
pdw_media_viewer_get_zoom (PdwMediaViewer *self)
{
  g_return_val_if_fail (PDW_IS_MEDIA_VIEWER (self), 1.0);
  return current_scale (self);
}

gboolean
pdw_media_viewer_get_fit (PdwMediaViewer *self)
{
  g_return_val_if_fail (PDW_IS_MEDIA_VIEWER (self), FALSE);
  return self->fit;
}

int
pdw_media_viewer_get_rotation (PdwMediaViewer *self)
{
  g_return_val_if_fail (PDW_IS_MEDIA_VIEWER (self), 0);
  return self->rotation;
}
