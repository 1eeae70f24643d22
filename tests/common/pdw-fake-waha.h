/* pdw-fake-waha.h: a loopback SoupServer standing in for a WAHA server
 * (research/whatsapp.md §2): POST /api/sendText, /api/sendImage and
 * /api/sendFile, GET /api/files/{name} and GET /api/sessions/{name}, each
 * refused with 401 without the right X-Api-Key.  It keeps every request
 * so tests can read what the gateway sent; and it writes WAHA's webhook
 * bodies for the tests to post.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define PDW_TEST_WAHA_API_KEY  "test-waha-api-key"
#define PDW_TEST_WAHA_HMAC_KEY "test-waha-hmac-key"

typedef struct
{
  char     *method;
  char     *path;
  char     *api_key;     /* the X-Api-Key received, NULL if none */
  JsonNode *body;        /* the JSON body, NULL if none */
  guint     status;      /* what was answered */
} PdwFakeWahaRequest;

typedef struct
{
  SoupServer *server;
  char       *url;              /* the base URL to configure */
  char       *api_key;          /* the key it expects; NULL: none */
  char       *session_name;     /* "default" */
  char       *session_status;   /* answered by GET /api/sessions/{name} */
  GQueue      answers;          /* scripted answers to sends (private) */
  GPtrArray  *requests;         /* PdwFakeWahaRequest of every request */
  GHashTable *files;            /* name under /api/files/ -> PdwFakeWahaFile */
  guint       n_accepted;       /* sends answered with an id */
  GPtrArray  *sent_ids;         /* char * id of each, in order */
} PdwFakeWaha;

/* Expects @api_key (NULL: no key) for the session "default", WORKING. */
PdwFakeWaha        *pdw_fake_waha_new              (const char  *api_key);
void                pdw_fake_waha_free             (PdwFakeWaha *waha);

/* The next send not yet answered gets HTTP @status with @json (NULL: an
 * empty body) and, if not NULL, that Retry-After; @status G_MAXUINT: it
 * is read and never answered (a WAHA that hangs). */
void                pdw_fake_waha_push_response    (PdwFakeWaha *waha,
                                                    guint        status,
                                                    const char  *retry_after,
                                                    const char  *json);
/* Serves @bytes as /api/files/@name with @mime_type (NULL: no
 * Content-Type). */
void                pdw_fake_waha_add_file         (PdwFakeWaha *waha,
                                                    const char  *name,
                                                    GBytes      *bytes,
                                                    const char  *mime_type);
/* How many requests went to @path (any method). */
guint               pdw_fake_waha_count            (PdwFakeWaha *waha,
                                                    const char  *path);
/* The @index-th request, borrowed. */
PdwFakeWahaRequest *pdw_fake_waha_get_request      (PdwFakeWaha *waha,
                                                    guint        index);
/* The id the @n-th accepted send was answered with (1-based):
 * "true_<chatId>_OUT<n>", in WEBJS's {"id":{"_serialized":..}}. */
const char         *pdw_fake_waha_get_sent_id      (PdwFakeWaha *waha,
                                                    guint        n);

/* WAHA's webhook bodies (research §2.4), for one session "default". */
GBytes             *pdw_fake_waha_message_webhook  (const char  *from,
                                                    const char  *id,
                                                    gint64       timestamp,
                                                    const char  *body,
                                                    const char  *notify_name);
/* A media message whose file is @media_url ("" or NULL: media null). */
GBytes             *pdw_fake_waha_media_webhook    (const char  *from,
                                                    const char  *id,
                                                    gint64       timestamp,
                                                    const char  *caption,
                                                    const char  *media_url,
                                                    const char  *mime_type,
                                                    const char  *filename);
GBytes             *pdw_fake_waha_ack_webhook      (const char  *id,
                                                    int          ack);
GBytes             *pdw_fake_waha_session_webhook  (const char  *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwFakeWaha, pdw_fake_waha_free)

G_END_DECLS
