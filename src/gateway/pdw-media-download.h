/* pdw-media-download.h: the last request of every backend's media
 * download: the file's URL fetched and streamed into a file only the user
 * can read.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* WhatsApp's largest media is 100 MB; a little room for framing. */
#define PDW_MEDIA_MAX_BYTES ((goffset) 101 * 1024 * 1024)

/* FALSE with the provider's error when the answer to @message (its status
 * and headers are in, the body not read) is not the file. */
typedef gboolean (*PdwMediaCheckFunc) (SoupMessage  *message,
                                       GError      **error);

/* Sends @message (a GET with the provider's credentials) on @session; an
 * answer that @check refuses, or that announces more than
 * PDW_MEDIA_MAX_BYTES (PDW_GRAPH_ERROR 131052), fails; else the body is
 * streamed into @dest_path, created 0600 or replaced. */
void   pdw_media_download_async  (SoupSession          *session,
                                  SoupMessage          *message,
                                  const char           *dest_path,
                                  PdwMediaCheckFunc     check,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
/* The bytes written, or -1 with @error; @content_type (may be NULL): the
 * answer's media type, NULL if it gave none. */
gint64 pdw_media_download_finish (GAsyncResult         *result,
                                  char                **content_type,
                                  GError              **error);

/* What a provider's fetch found out: the first member of its task data,
 * so that every backend's fetch_media_finish() is
 * pdw_media_fetched_finish(). */
typedef struct
{
  char   *mime_type;
  char   *sha256;     /* the provider's, base64; NULL when it gives none */
  gint64  size;
} PdwMediaFetched;

void     pdw_media_fetched_clear  (PdwMediaFetched      *fetched);
gboolean pdw_media_fetched_finish (GTask                *task,
                                   char                **mime_type,
                                   char                **sha256,
                                   gint64               *size,
                                   GError              **error);

G_END_DECLS
