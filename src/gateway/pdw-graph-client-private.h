/* pdw-graph-client-private.h: what pdw-graph-client-media.c (media
 * download and upload) shares with pdw-graph-client.c.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "pdw-graph-client.h"

G_BEGIN_DECLS

SoupSession *_pdw_graph_client_get_session  (PdwGraphClient *self);
const char  *_pdw_graph_client_get_app_secret (PdwGraphClient *self);
void         _pdw_graph_client_backend_init (PdwGatewayBackendInterface *iface);
const char  *_pdw_graph_client_get_phone_number_id (PdwGraphClient *self);
/* A request to "{graph-url}/{version}/{path}" (or to @url when @path is
 * NULL) carrying the Bearer token; NULL with NOT_CONFIGURED when the URL,
 * the version or the token is missing. */
SoupMessage *_pdw_graph_client_new_request  (PdwGraphClient *self,
                                             const char     *method,
                                             const char     *path,
                                             const char     *url,
                                             GError        **error);
/* FALSE with the Graph error of an answer ({"error":{...}} or the HTTP
 * status), as for sends; TRUE when the answer is a success. */
gboolean     _pdw_graph_client_check_answer (guint           http_status,
                                             GBytes         *bytes,
                                             GError        **error);

G_END_DECLS
