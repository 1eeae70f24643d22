/* pdw-graph-client-media.c: PdwGraphClient's media calls: downloading a
 * citizen's file (two requests: the media id gives a short-lived URL) and
 * uploading an officer's attachment (multipart).  research/whatsapp.md §1.8.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "pdw-graph-client.h"
#include "pdw-graph-client-private.h"
#include "pdw-media-download.h"

/* ---- Download ------------------------------------------------------------ */

typedef struct
{
  PdwMediaFetched fetched;   /* first: see pdw_media_fetched_finish() */
  char          *dest_path;
  SoupMessage   *message;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_free (data->dest_path);
  pdw_media_fetched_clear (&data->fetched);
  g_clear_object (&data->message);
  g_free (data);
}

static JsonObject *
parse_object (GBytes *bytes,
              JsonParser *parser)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  if (data == NULL || size == 0 || size > G_MAXSSIZE ||
      !json_parser_load_from_data (parser, data, (gssize) size, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  return json_node_get_object (json_parser_get_root (parser));
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

/* The JSON object of a Graph answer, which must carry the string @member;
 * NULL with the Graph's error, or BAD_RESPONSE. */
static JsonObject *
read_answer (GObject       *session,
             GAsyncResult  *result,
             SoupMessage   *message,
             JsonParser    *parser,
             const char    *member,
             GError       **error)
{
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (session), result, error);
  JsonObject *root;
  const char *value;

  if (bytes == NULL || !_pdw_graph_client_check_answer (soup_message_get_status (message), bytes, error))
    return NULL;

  root = parse_object (bytes, parser);
  value = root != NULL ? get_string (root, member) : NULL;
  if (value == NULL || value[0] == '\0')
    {
      g_set_error (error, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_BAD_RESPONSE,
                   "The Graph API answer carries no %s", member);
      return NULL;
    }

  return root;
}

static GError *
new_http_error (guint status)
{
  return g_error_new (PDW_GRAPH_ERROR,
                      status >= 500 ? PDW_GRAPH_ERROR_SERVER : PDW_GRAPH_ERROR_HTTP,
                      "HTTP %u %s", status, soup_status_get_phrase (status));
}

/* Meta answers 404 once the URL's 5 minutes are over: the next attempt
 * asks for a new URL. */
static gboolean
check_download (SoupMessage  *message,
                GError      **error)
{
  guint status = soup_message_get_status (message);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    return TRUE;
  g_propagate_error (error, new_http_error (status));
  return FALSE;
}

static void
downloaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if ((data->fetched.size = pdw_media_download_finish (result, NULL, &error)) < 0)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  PdwGraphClient *self = g_task_get_source_object (task);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  root = read_answer (object, result, data->message, parser, "url", &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->fetched.mime_type = g_strdup (get_string (root, "mime_type"));
  data->fetched.sha256 = g_strdup (get_string (root, "sha256"));

  g_clear_object (&data->message);
  data->message = _pdw_graph_client_new_request (self, SOUP_METHOD_GET, NULL, get_string (root, "url"), &error);
  if (data->message == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  pdw_media_download_async (_pdw_graph_client_get_session (self), data->message, data->dest_path, check_download,
                            g_task_get_cancellable (task), downloaded_cb, g_object_ref (task));
}

void
pdw_graph_client_fetch_media_async (PdwGraphClient      *self,
                                    const char          *media_id,
                                    const char          *dest_path,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  FetchData *data;

  g_return_if_fail (PDW_IS_GRAPH_CLIENT (self));
  g_return_if_fail (media_id != NULL);
  g_return_if_fail (dest_path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_graph_client_fetch_media_async);
  data = g_new0 (FetchData, 1);
  data->dest_path = g_strdup (dest_path);
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);

  escaped = g_uri_escape_string (media_id, NULL, FALSE);
  data->message = _pdw_graph_client_new_request (self, SOUP_METHOD_GET, escaped, NULL, &error);
  if (data->message == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  soup_session_send_and_read_async (_pdw_graph_client_get_session (self), data->message, G_PRIORITY_DEFAULT,
                                    cancellable, lookup_cb, g_steal_pointer (&task));
}

gboolean
pdw_graph_client_fetch_media_finish (PdwGraphClient  *self,
                                     GAsyncResult    *result,
                                     char           **mime_type,
                                     char           **sha256,
                                     gint64          *size,
                                     GError         **error)
{
  g_return_val_if_fail (PDW_IS_GRAPH_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return pdw_media_fetched_finish (G_TASK (result), mime_type, sha256, size, error);
}

/* ---- Upload -------------------------------------------------------------- */

typedef struct
{
  char        *path;
  char        *mime_type;
  SoupMessage *message;
  /* send_attachment only */
  char        *wa_id;
  char        *type;
  char        *filename;
  char        *caption;
} UploadData;

static void
upload_data_free (UploadData *data)
{
  g_free (data->path);
  g_free (data->mime_type);
  g_clear_object (&data->message);
  g_free (data->wa_id);
  g_free (data->type);
  g_free (data->filename);
  g_free (data->caption);
  g_free (data);
}

static void
upload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UploadData *data = g_task_get_task_data (task);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  root = read_answer (object, result, data->message, parser, "id", &error);
  if (root == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_strdup (get_string (root, "id")), g_free);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UploadData *data = g_task_get_task_data (task);
  PdwGraphClient *self = g_task_get_source_object (task);
  g_autoptr(SoupMultipart) multipart = NULL;
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (data->path);
  g_autofree char *path = NULL;
  char *buffer = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &buffer, &length, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  contents = g_bytes_new_take (buffer, length);

  path = g_strconcat (_pdw_graph_client_get_phone_number_id (self), "/media", NULL);
  data->message = _pdw_graph_client_new_request (self, SOUP_METHOD_POST, path, NULL, &error);
  if (data->message == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  soup_multipart_append_form_string (multipart, "messaging_product", "whatsapp");
  soup_multipart_append_form_string (multipart, "type", data->mime_type);
  soup_multipart_append_form_file (multipart, "file", basename, data->mime_type, contents);
  headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_multipart_to_message (multipart, headers, &body);
  soup_message_set_request_body_from_bytes (data->message,
                                            soup_message_headers_get_one (headers, "Content-Type"),
                                            body);

  soup_session_send_and_read_async (_pdw_graph_client_get_session (self), data->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), upload_cb, g_object_ref (task));
}

void
pdw_graph_client_upload_media_async (PdwGraphClient      *self,
                                     const char          *path,
                                     const char          *mime_type,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GFile) file = NULL;
  GTask *task;
  UploadData *data;

  g_return_if_fail (PDW_IS_GRAPH_CLIENT (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (mime_type != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_graph_client_upload_media_async);
  data = g_new0 (UploadData, 1);
  data->path = g_strdup (path);
  data->mime_type = g_strdup (mime_type);
  g_task_set_task_data (task, data, (GDestroyNotify) upload_data_free);

  file = g_file_new_for_path (path);
  g_file_load_contents_async (file, cancellable, load_cb, task);
}

char *
pdw_graph_client_upload_media_finish (PdwGraphClient  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (PDW_IS_GRAPH_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Upload, then send ---------------------------------------------------- */

static void
attachment_sent_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *wamid;

  wamid = pdw_graph_client_send_media_finish (PDW_GRAPH_CLIENT (object), result, &error);
  if (wamid == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, wamid, g_free);
}

static void
attachment_uploaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UploadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *media_id = NULL;

  media_id = pdw_graph_client_upload_media_finish (PDW_GRAPH_CLIENT (object), result, &error);
  if (media_id == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  pdw_graph_client_send_media_async (PDW_GRAPH_CLIENT (object), data->wa_id, data->type, media_id,
                                     data->caption, data->filename, g_task_get_cancellable (task),
                                     attachment_sent_cb, g_object_ref (task));
}

void
pdw_graph_client_send_attachment_async (PdwGraphClient      *self,
                                        const char          *wa_id,
                                        const char          *type,
                                        const char          *path,
                                        const char          *mime_type,
                                        const char          *filename,
                                        const char          *caption,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  UploadData *data;

  g_return_if_fail (PDW_IS_GRAPH_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_graph_client_send_attachment_async);

  if (path == NULL || mime_type == NULL)
    {
      g_task_return_new_error (task, PDW_GRAPH_ERROR, PDW_GRAPH_ERROR_INVALID,
                               "The attachment has no file");
      return;
    }

  data = g_new0 (UploadData, 1);
  data->wa_id = g_strdup (wa_id);
  data->type = g_strdup (type);
  data->filename = g_strdup (filename);
  data->caption = g_strdup (caption);
  g_task_set_task_data (task, data, (GDestroyNotify) upload_data_free);

  pdw_graph_client_upload_media_async (self, path, mime_type, cancellable,
                                       attachment_uploaded_cb, g_steal_pointer (&task));
}

char *
pdw_graph_client_send_attachment_finish (PdwGraphClient  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  g_return_val_if_fail (PDW_IS_GRAPH_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
