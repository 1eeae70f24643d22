/* pdw-chat-view-media.c: PdwChatView's files: the officer's attachment
 * (chosen, copied into the media folder off the main loop, queued in the
 * outbox, which uploads it and sends it) and "Try again" on a citizen's
 * file that could not be downloaded.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "store/pdw-store-media.h"

#include "pdw-chat-view-private.h"

/* research/whatsapp.md §1.8: what WhatsApp takes from a business. */
#define MAX_IMAGE_BYTES    ((goffset) 5 * 1024 * 1024)
#define MAX_DOCUMENT_BYTES ((goffset) 100 * 1024 * 1024)

static const char * const image_types[] = { "image/jpeg", "image/png", NULL };
static const char * const document_types[] = {
  "application/pdf", "text/plain", "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  NULL
};

typedef struct
{
  PdwChatView *self;
  gint64       conversation_id;
  char        *type;
  char        *mime_type;
  char        *filename;
} Attach;

static void
attach_free (Attach *attach)
{
  g_clear_object (&attach->self);
  g_free (attach->type);
  g_free (attach->mime_type);
  g_free (attach->filename);
  g_free (attach);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Attach, attach_free)

static void
attach_failed (PdwChatView *self,
               const char  *reason)
{
  /* Translators: %s says why an attachment could not be sent */
  g_autofree char *text = g_strdup_printf (_("The file was not attached: %s"), reason);

  _pdw_chat_view_show_toast (self, text);
}

static void
kept_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Attach) attach = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *officer = NULL;
  PdwGatewayService *gateway;
  gint64 size = 0;

  path = pdw_media_fetcher_keep_file_finish (PDW_MEDIA_FETCHER (object), result, &size, &error);
  gateway = attach->self->context != NULL ? pdw_context_get_gateway (attach->self->context) : NULL;
  if (path == NULL || gateway == NULL)
    {
      attach_failed (attach->self, error != NULL ? error->message : _("the gateway is not running"));
      return;
    }

  officer = g_settings_get_string (attach->self->settings, "officer-name");
  if (pdw_gateway_service_send_media (gateway, attach->conversation_id, attach->type, path,
                                      attach->mime_type, attach->filename, size, NULL,
                                      officer, &error) <= 0)
    attach_failed (attach->self, error->message);
}

static void
info_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Attach) attach = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mime_type = NULL;
  PdwGatewayService *gateway;
  const char *content_type;
  goffset size;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (info == NULL)
    {
      attach_failed (attach->self, error->message);
      return;
    }

  content_type = g_file_info_get_content_type (info);
  mime_type = content_type != NULL ? g_content_type_get_mime_type (content_type) : NULL;
  size = g_file_info_get_size (info);
  if (mime_type != NULL && g_strv_contains (image_types, mime_type))
    attach->type = g_strdup ("image");
  else if (mime_type != NULL && g_strv_contains (document_types, mime_type))
    attach->type = g_strdup ("document");
  else
    {
      attach_failed (attach->self, _("WhatsApp takes JPEG or PNG photos and PDF, Word, Excel, PowerPoint or text documents"));
      return;
    }

  if (size > (g_str_equal (attach->type, "image") ? MAX_IMAGE_BYTES : MAX_DOCUMENT_BYTES))
    {
      attach_failed (attach->self, g_str_equal (attach->type, "image")
                                   ? _("WhatsApp takes photos up to 5 MB")
                                   : _("WhatsApp takes documents up to 100 MB"));
      return;
    }

  gateway = pdw_context_get_gateway (attach->self->context);
  if (gateway == NULL)
    {
      attach_failed (attach->self, _("the gateway is not running"));
      return;
    }

  attach->mime_type = g_steal_pointer (&mime_type);
  attach->filename = g_strdup (g_file_info_get_display_name (info));
  pdw_media_fetcher_keep_file_async (pdw_gateway_service_get_media_fetcher (gateway), G_FILE (object),
                                     attach->mime_type, NULL, kept_cb, attach);
  attach = NULL;
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(Attach) attach = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    _pdw_chat_view_attach_file (attach->self, attach->conversation_id, file);

  g_object_unref (native);
}

void
_pdw_chat_view_attach_file (PdwChatView *self,
                            gint64       conversation_id,
                            GFile       *file)
{
  Attach *attach = g_new0 (Attach, 1);

  attach->self = g_object_ref (self);
  attach->conversation_id = conversation_id;
  g_file_query_info_async (file,
                           G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                           G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                           G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, NULL, info_cb, attach);
}

void
_pdw_chat_view_attach_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  PdwChatView *self = PDW_CHAT_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;
  GtkRoot *root = gtk_widget_get_root (widget);
  Attach *attach;

  if (self->conversation == NULL)
    return;

  for (guint i = 0; image_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, image_types[i]);
  for (guint i = 0; document_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, document_types[i]);
  gtk_file_filter_set_name (filter, _("Photos and documents"));

  native = gtk_file_chooser_native_new (_("Attach a Photo or a Document"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  attach = g_new0 (Attach, 1);
  attach->self = g_object_ref (self);
  attach->conversation_id = pdw_conversation_get_id (self->conversation);
  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), attach);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_pdw_chat_view_retry_media_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  PdwChatView *self = PDW_CHAT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  PdwGatewayService *gateway;
  gint64 message_id = g_variant_get_int64 (param);
  gboolean ok;

  if (self->store == NULL)
    return;

  gateway = pdw_context_get_gateway (self->context);
  if (gateway != NULL)
    ok = pdw_gateway_service_retry_media (gateway, message_id, &error);
  else
    ok = pdw_store_retry_media (self->store, message_id, g_get_real_time () / G_USEC_PER_SEC, &error);

  if (!ok)
    _pdw_chat_view_show_toast (self, error->message);
}
