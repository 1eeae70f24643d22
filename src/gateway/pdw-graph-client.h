/* pdw-graph-client.h: the calls PANDAWA makes to the WhatsApp Cloud API
 * (Graph API): sending a text reply or an approved template message.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pdw-gateway-backend.h"
#include "pdw-gateway-config.h"

G_BEGIN_DECLS

/* Errors the Graph API reported: the code is Meta's error code ("code" of
 * {"error":{...}}), the message Meta's message.  Problems with no Graph
 * code use the negative codes below. */
#define PDW_GRAPH_ERROR (pdw_graph_error_quark ())

typedef enum
{
  PDW_GRAPH_ERROR_BAD_RESPONSE   = -1,   /* success status but no wamid in the answer */
  PDW_GRAPH_ERROR_NOT_CONFIGURED = -2,   /* no Graph URL, phone number id or token */
  PDW_GRAPH_ERROR_NO_RECIPIENT   = -3,   /* the conversation has no phone number to send to */
  PDW_GRAPH_ERROR_INVALID        = -4,   /* a queued message that cannot be sent as stored (no template name) */
  PDW_GRAPH_ERROR_HTTP           = -400, /* a 4xx answer without a Graph error body */
  PDW_GRAPH_ERROR_SERVER         = -500, /* a 5xx answer without a Graph error body */
  /* WAHA's answers (pdw-waha-client.c), in the same table. */
  PDW_GRAPH_ERROR_WAHA_API_KEY   = -700, /* 401/403: the X-Api-Key is wrong or missing */
  PDW_GRAPH_ERROR_WAHA_SESSION   = -701, /* 404: no session of that name on the server */
  PDW_GRAPH_ERROR_WAHA_NOT_READY = -702, /* 422: the session is not WORKING (QR not scanned...) */
} PdwGraphErrorCode;

GQuark   pdw_graph_error_quark            (void);

/* The code of @error in pdw-send-error.h's table: the Graph code, or
 * PDW_SEND_ERROR_NETWORK for an error of another domain. */
int      pdw_graph_error_get_code         (const GError *error);
/* The seconds the answer's Retry-After header asked to wait, 0 if none. */
guint    pdw_graph_error_get_retry_after  (const GError *error);
/* Records on @error (PDW_GRAPH_ERROR) the Retry-After header of the
 * answer to @message, for pdw_graph_error_get_retry_after(). */
void     pdw_graph_error_set_retry_after_from (GError      *error,
                                               SoupMessage *message);
/* TRUE when trying the same request later may succeed: rate limits,
 * Meta-side failures, network errors, an expired token (the messages wait
 * for a new one) (pdw_send_error_is_transient()).  FALSE when an officer
 * must act on the message. */
gboolean pdw_graph_error_is_transient     (const GError *error);
/* The officer's explanation of @error (pdw_send_error_dup_explanation()). */
char    *pdw_graph_error_dup_officer_text (const GError *error);
/* Seconds to wait before attempt number @failures + 1 after @failures
 * transient failures: 4^(failures-1), capped at 15 minutes. */
guint    pdw_graph_backoff_seconds        (guint         failures);

#define PDW_TYPE_GRAPH_CLIENT (pdw_graph_client_get_type ())
G_DECLARE_FINAL_TYPE (PdwGraphClient, pdw_graph_client, PDW, GRAPH_CLIENT, GObject)

/* Copies graph_url, api_version, phone_number_id and access_token. */
PdwGraphClient *pdw_graph_client_new              (const PdwGatewayConfig  *config);
void            pdw_graph_client_set_graph_url    (PdwGraphClient          *self,
                                                   const char              *graph_url);
const char     *pdw_graph_client_get_graph_url    (PdwGraphClient          *self);
/* Copies @config's graph_url, api_version, phone_number_id and access_token
 * again (after the preferences saved new ones). */
void            pdw_graph_client_set_config       (PdwGraphClient          *self,
                                                   const PdwGatewayConfig  *config);
/* "{graph-url}/{version}/{phone-number-id}/messages", or NULL when not configured. */
char           *pdw_graph_client_dup_messages_url (PdwGraphClient          *self);

/* Sends a free-form text to the WhatsApp user @wa_id (digits, "+" optional).
 * The result is the wamid the Graph API accepted the message under. */
void            pdw_graph_client_send_text_async  (PdwGraphClient          *self,
                                                   const char              *wa_id,
                                                   const char              *text,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data);
char           *pdw_graph_client_send_text_finish (PdwGraphClient          *self,
                                                   GAsyncResult            *result,
                                                   GError                 **error);

/* Sends the approved template @template_name in @language (e.g. "id") to
 * @wa_id, with @body_params as the positional body parameters {{1}}, {{2}},
 * ... (NULL or empty: no components).  The body is research/whatsapp.md S4;
 * errors are mapped as for text.  The result is the wamid. */
void            pdw_graph_client_send_template_async  (PdwGraphClient      *self,
                                                       const char          *wa_id,
                                                       const char          *template_name,
                                                       const char          *language,
                                                       const char * const  *body_params,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
char           *pdw_graph_client_send_template_finish (PdwGraphClient      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* The JSON body of a template send (S4), for tests and the simulator. */
char           *pdw_graph_client_build_template_json  (const char          *wa_id,
                                                       const char          *template_name,
                                                       const char          *language,
                                                       const char * const  *body_params);

/* ---- Media (research/whatsapp.md §1.8) ---------------------------------- */

/* Sends an uploaded file: @type "image" or "document", @media_id from
 * pdw_graph_client_upload_media_async(), @caption and (documents)
 * @filename may be NULL.  The result is the wamid. */
void            pdw_graph_client_send_media_async     (PdwGraphClient      *self,
                                                       const char          *wa_id,
                                                       const char          *type,
                                                       const char          *media_id,
                                                       const char          *caption,
                                                       const char          *filename,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
char           *pdw_graph_client_send_media_finish    (PdwGraphClient      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Downloads a citizen's media: GET /{media-id} (JSON with a URL that lives
 * 5 minutes), then GET that URL with the Bearer token, streamed into
 * @dest_path (created 0600, replaced).  Nothing is checked here: finish
 * gives the Graph's mime_type and sha256 (may be NULL) and the number of
 * bytes written; the caller verifies the hash. */
void            pdw_graph_client_fetch_media_async    (PdwGraphClient      *self,
                                                       const char          *media_id,
                                                       const char          *dest_path,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean        pdw_graph_client_fetch_media_finish   (PdwGraphClient      *self,
                                                       GAsyncResult        *result,
                                                       char               **mime_type,
                                                       char               **sha256,
                                                       gint64              *size,
                                                       GError             **error);

/* Uploads the file at @path (POST /{phone-number-id}/media, multipart);
 * the result is the media id to send. */
void            pdw_graph_client_upload_media_async   (PdwGraphClient      *self,
                                                       const char          *path,
                                                       const char          *mime_type,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
char           *pdw_graph_client_upload_media_finish  (PdwGraphClient      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Upload then send, for the outbox: the result is the wamid. */
void            pdw_graph_client_send_attachment_async  (PdwGraphClient      *self,
                                                         const char          *wa_id,
                                                         const char          *type,
                                                         const char          *path,
                                                         const char          *mime_type,
                                                         const char          *filename,
                                                         const char          *caption,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
char           *pdw_graph_client_send_attachment_finish (PdwGraphClient      *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

G_END_DECLS
