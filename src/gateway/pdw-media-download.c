/* pdw-media-download.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-graph-client.h"
#include "pdw-media-download.h"

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
  g_autoptr(GFileOutputStream) out = NULL;
  GError *error = NULL;

  if ((out = g_file_replace_finish (G_FILE (object), result, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_output_stream_splice_async (G_OUTPUT_STREAM (out), g_task_get_task_data (task),
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, g_task_get_cancellable (task), splice_cb, g_object_ref (task));
}

void
pdw_media_download_save_async (SoupMessage         *message,
                               GInputStream        *body,
                               const char          *dest_path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (SOUP_IS_MESSAGE (message));
  g_return_if_fail (G_IS_INPUT_STREAM (body));
  g_return_if_fail (dest_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_media_download_save_async);
  g_task_set_task_data (task, g_object_ref (body), g_object_unref);

  if (soup_message_headers_get_content_length (soup_message_get_response_headers (message)) > PDW_MEDIA_MAX_BYTES)
    {
      g_task_return_new_error (task, PDW_GRAPH_ERROR, 131052, "The file is larger than WhatsApp's 100 MB");
      return;
    }

  file = g_file_new_for_path (dest_path);
  g_file_replace_async (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        G_PRIORITY_DEFAULT, cancellable, replace_cb, g_steal_pointer (&task));
}

gint64
pdw_media_download_save_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);

  return g_task_propagate_int (G_TASK (result), error);
}
