/* pdw-media-download.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-graph-client.h"
#include "pdw-media-download.h"

typedef struct
{
  SoupMessage       *message;
  char              *dest_path;
  PdwMediaCheckFunc  check;
  GInputStream      *body;
} Download;

static void
download_free (Download *download)
{
  g_clear_object (&download->message);
  g_free (download->dest_path);
  g_clear_object (&download->body);
  g_free (download);
}

static void
splice_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gssize written;

  written = g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, &error);
  if (written < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, written);
}

static void
replace_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GFileOutputStream) out = NULL;
  GError *error = NULL;

  if ((out = g_file_replace_finish (G_FILE (object), result, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_output_stream_splice_async (G_OUTPUT_STREAM (out), download->body,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, g_task_get_cancellable (task), splice_cb, g_object_ref (task));
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;
  GError *error = NULL;

  if ((download->body = soup_session_send_finish (SOUP_SESSION (object), result, &error)) == NULL ||
      !download->check (download->message, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (soup_message_headers_get_content_length (soup_message_get_response_headers (download->message)) >
      PDW_MEDIA_MAX_BYTES)
    {
      g_task_return_new_error (task, PDW_GRAPH_ERROR, 131052, "The file is larger than WhatsApp's 100 MB");
      return;
    }

  file = g_file_new_for_path (download->dest_path);
  g_file_replace_async (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        G_PRIORITY_DEFAULT, g_task_get_cancellable (task), replace_cb, g_object_ref (task));
}

void
pdw_media_download_async (SoupSession         *session,
                          SoupMessage         *message,
                          const char          *dest_path,
                          PdwMediaCheckFunc    check,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  Download *download;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (SOUP_IS_MESSAGE (message));
  g_return_if_fail (dest_path != NULL);
  g_return_if_fail (check != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_media_download_async);
  download = g_new0 (Download, 1);
  download->message = g_object_ref (message);
  download->dest_path = g_strdup (dest_path);
  download->check = check;
  g_task_set_task_data (task, download, (GDestroyNotify) download_free);

  soup_session_send_async (session, message, G_PRIORITY_DEFAULT, cancellable, send_cb, task);
}

gint64
pdw_media_download_finish (GAsyncResult  *result,
                           char         **content_type,
                           GError       **error)
{
  Download *download;
  gint64 written;

  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);

  written = g_task_propagate_int (G_TASK (result), error);
  download = g_task_get_task_data (G_TASK (result));
  if (content_type != NULL)
    *content_type = written < 0 ? NULL
                    : g_strdup (soup_message_headers_get_content_type (soup_message_get_response_headers (download->message),
                                                                       NULL));
  return written;
}

void
pdw_media_fetched_clear (PdwMediaFetched *fetched)
{
  g_clear_pointer (&fetched->mime_type, g_free);
  g_clear_pointer (&fetched->sha256, g_free);
}

gboolean
pdw_media_fetched_finish (GTask   *task,
                          char   **mime_type,
                          char   **sha256,
                          gint64  *size,
                          GError **error)
{
  PdwMediaFetched *fetched;

  if (!g_task_propagate_boolean (task, error))
    return FALSE;

  fetched = g_task_get_task_data (task);
  if (mime_type != NULL)
    *mime_type = g_strdup (fetched->mime_type);
  if (sha256 != NULL)
    *sha256 = g_strdup (fetched->sha256);
  if (size != NULL)
    *size = fetched->size;
  return TRUE;
}
