/* pdw-message-media.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pdw-media-viewer.h"
#include "pdw-message-media.h"

/* Twice the shown size, for scaled displays. */
#define THUMBNAIL_WIDTH  480
#define THUMBNAIL_HEIGHT 320

struct _PdwMessageMedia
{
  GtkWidget     parent_instance;

  /* Template Widgets */
  GtkBox       *box;
  GtkButton    *picture_button;
  GtkPicture   *picture;
  GtkBox       *file_box;
  GtkButton    *file_button;
  GtkImage     *icon;
  GtkLabel     *name_label;
  GtkLabel     *detail_label;
  GtkButton    *retry_button;
  GtkButton    *save_button;

  PdwMessage   *message;
  char         *loaded_path;     /* the thumbnail's file */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (PdwMessageMedia, pdw_message_media, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
icon_for (const char *type)
{
  if (g_strcmp0 (type, "image") == 0 || g_strcmp0 (type, "sticker") == 0)
    return "image-x-generic-symbolic";
  if (g_strcmp0 (type, "document") == 0)
    return "x-office-document-symbolic";
  if (g_strcmp0 (type, "audio") == 0 || g_strcmp0 (type, "voice") == 0)
    return "audio-x-generic-symbolic";
  if (g_strcmp0 (type, "video") == 0)
    return "video-x-generic-symbolic";
  return NULL;
}

static const char *
type_label (const char *type)
{
  if (g_strcmp0 (type, "image") == 0 || g_strcmp0 (type, "sticker") == 0)
    return _("Photo");
  if (g_strcmp0 (type, "document") == 0)
    return _("Document");
  if (g_strcmp0 (type, "video") == 0)
    return _("Video");
  return _("Voice message");
}

char *
pdw_message_media_dup_save_name (PdwMessage *message)
{
  const char *filename = pdw_message_get_media_filename (message);
  const char *path = pdw_message_get_media_path (message);
  const char *dot = path != NULL ? strrchr (path, '.') : NULL;

  if (filename != NULL && *filename != '\0')
    return g_path_get_basename (filename);

  /* Translators: the file name offered when saving a citizen's photo; %s is the message number */
  return g_strdup_printf ("%s-%" G_GINT64_FORMAT "%s",
                          pdw_message_is_image (message) ? C_("file name", "photo") : C_("file name", "file"),
                          pdw_message_get_id (message), dot != NULL ? dot : "");
}

/* ---- Thumbnail ------------------------------------------------------------ */

static void
load_thumbnail_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GError *error = NULL;
  GdkPixbuf *pixbuf;

  pixbuf = gdk_pixbuf_new_from_file_at_scale (task_data, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT, TRUE, &error);
  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pixbuf, g_object_unref);
}

static void
thumbnail_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  PdwMessageMedia *self;

  pixbuf = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PDW_MESSAGE_MEDIA (object);
  if (pixbuf == NULL)
    {
      /* Not an image after all (or unreadable): shown as a file. */
      g_debug ("No thumbnail: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->picture_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->file_box), TRUE);
      return;
    }

  texture = gdk_texture_new_for_pixbuf (pixbuf);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_widget_set_size_request (GTK_WIDGET (self->picture),
                               MAX (gdk_pixbuf_get_width (pixbuf) / 2, 48),
                               MAX (gdk_pixbuf_get_height (pixbuf) / 2, 48));
}

static void
load_thumbnail (PdwMessageMedia *self,
                const char      *path)
{
  g_autoptr(GTask) task = NULL;

  if (g_strcmp0 (self->loaded_path, path) == 0)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_free (self->loaded_path);
  self->loaded_path = g_strdup (path);
  gtk_picture_set_paintable (self->picture, NULL);

  task = g_task_new (self, self->cancellable, thumbnail_loaded_cb, NULL);
  g_task_set_source_tag (task, load_thumbnail);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, load_thumbnail_thread);
}

/* ---- State ---------------------------------------------------------------- */

static void
pdw_message_media_sync (PdwMessageMedia *self)
{
  const char *type;
  const char *filename;
  const char *icon;
  PdwMediaState state;
  gboolean image;
  gboolean failed = FALSE;
  g_autofree char *detail = NULL;

  if (self->message == NULL || (icon = icon_for (type = pdw_message_get_message_type (self->message))) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->box), FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->box), TRUE);
  state = pdw_message_get_media_state (self->message);
  image = pdw_message_is_image (self->message);
  filename = pdw_message_get_media_filename (self->message);

  gtk_image_set_from_icon_name (self->icon, icon);
  gtk_label_set_text (self->name_label, filename != NULL && *filename != '\0' ? filename : type_label (type));

  switch (state)
    {
    case PDW_MEDIA_PENDING:
      if (pdw_message_get_media_error (self->message) != NULL)
        {
          /* Translators: under a citizen's photo or file that could not be fetched from WhatsApp */
          detail = g_strdup (_("download failed — try again"));
          failed = TRUE;
        }
      else
        detail = g_strdup (_("Downloading…"));
      break;
    case PDW_MEDIA_CORRUPT:
      detail = g_strdup (_("damaged on the way, not kept — try again"));
      failed = TRUE;
      break;
    case PDW_MEDIA_EXPIRED:
      detail = g_strdup (_("Not downloaded within 7 days: WhatsApp no longer keeps it. Ask the citizen to send it again."));
      break;
    case PDW_MEDIA_READY:
      detail = g_format_size (pdw_message_get_media_size (self->message));
      break;
    case PDW_MEDIA_NONE:
    default:
      break;
    }

  gtk_label_set_text (self->detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);
  if (failed || state == PDW_MEDIA_EXPIRED)
    gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->detail_label), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->detail_label),
                               failed ? pdw_message_get_media_error (self->message) : NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), failed);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), state == PDW_MEDIA_READY && !image);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_button),
                               state == PDW_MEDIA_READY ? _("Open with the system's application") : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "media.open", state == PDW_MEDIA_READY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "media.save-as", state == PDW_MEDIA_READY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "media.retry", failed);

  if (image && state == PDW_MEDIA_READY)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->picture_button), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->file_box), FALSE);
      load_thumbnail (self, pdw_message_get_media_path (self->message));
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->picture_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->file_box), TRUE);
    }
}

/* ---- Actions ---------------------------------------------------------------- */

static GtkWindow *
get_window (PdwMessageMedia *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
media_open_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PdwMessageMedia *self = PDW_MESSAGE_MEDIA (widget);
  const char *path;

  if (self->message == NULL || (path = pdw_message_get_media_path (self->message)) == NULL)
    return;

  if (pdw_message_is_image (self->message))
    {
      g_autofree char *name = pdw_message_media_dup_save_name (self->message);
      GtkWidget *viewer = pdw_media_viewer_new (path, name);

      gtk_window_set_transient_for (GTK_WINDOW (viewer), get_window (self));
      gtk_window_present (GTK_WINDOW (viewer));
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *uri = g_file_get_uri (file);

      gtk_show_uri (get_window (self), uri, GDK_CURRENT_TIME);
    }
}

static void
media_save_as_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PdwMessageMedia *self = PDW_MESSAGE_MEDIA (widget);
  g_autofree char *name = NULL;

  if (self->message == NULL || pdw_message_get_media_path (self->message) == NULL)
    return;

  name = pdw_message_media_dup_save_name (self->message);
  pdw_media_viewer_save_copy (get_window (self), pdw_message_get_media_path (self->message), name);
}

static void
media_retry_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PdwMessageMedia *self = PDW_MESSAGE_MEDIA (widget);

  if (self->message != NULL)
    gtk_widget_activate_action (widget, "chat.retry-media", "x", pdw_message_get_id (self->message));
}

/* ---- GObject ------------------------------------------------------------ */

GtkWidget *
pdw_message_media_new (void)
{
  return g_object_new (PDW_TYPE_MESSAGE_MEDIA, NULL);
}

void
pdw_message_media_set_message (PdwMessageMedia *self,
                               PdwMessage      *message)
{
  g_return_if_fail (PDW_IS_MESSAGE_MEDIA (self));
  g_return_if_fail (!message || PDW_IS_MESSAGE (message));

  /* The row follows its message's notify and calls again. */
  g_set_object (&self->message, message);
  pdw_message_media_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

gboolean
pdw_message_media_has_media (PdwMessageMedia *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE_MEDIA (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->box));
}

GdkPaintable *
pdw_message_media_get_thumbnail (PdwMessageMedia *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE_MEDIA (self), NULL);
  return gtk_picture_get_paintable (self->picture);
}

const char *
pdw_message_media_get_name_text (PdwMessageMedia *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE_MEDIA (self), NULL);
  return gtk_label_get_text (self->name_label);
}

const char *
pdw_message_media_get_detail_text (PdwMessageMedia *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE_MEDIA (self), NULL);
  return gtk_label_get_text (self->detail_label);
}

gboolean
pdw_message_media_get_can_retry (PdwMessageMedia *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE_MEDIA (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->retry_button));
}

static void
pdw_message_media_dispose (GObject *object)
{
  PdwMessageMedia *self = (PdwMessageMedia *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->message);
  g_clear_pointer (&self->loaded_path, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_MESSAGE_MEDIA);

  G_OBJECT_CLASS (pdw_message_media_parent_class)->dispose (object);
}

static void
pdw_message_media_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PdwMessageMedia *self = PDW_MESSAGE_MEDIA (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_object (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_message_media_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PdwMessageMedia *self = PDW_MESSAGE_MEDIA (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      pdw_message_media_set_message (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_message_media_class_init (PdwMessageMediaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_message_media_dispose;
  object_class->get_property = pdw_message_media_get_property;
  object_class->set_property = pdw_message_media_set_property;

  properties[PROP_MESSAGE] =
    g_param_spec_object ("message", NULL, NULL, PDW_TYPE_MESSAGE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-message-media.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwMessageMedia, box);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageMedia, picture_button);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageMedia, picture);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageMedia, file_box);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageMedia, file_button);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageMedia, icon);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageMedia, name_label);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageMedia, detail_label);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageMedia, retry_button);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageMedia, save_button);

  gtk_widget_class_install_action (widget_class, "media.open", NULL, media_open_action);
  gtk_widget_class_install_action (widget_class, "media.save-as", NULL, media_save_as_action);
  gtk_widget_class_install_action (widget_class, "media.retry", NULL, media_retry_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "messagemedia");
}

static void
pdw_message_media_init (PdwMessageMedia *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
