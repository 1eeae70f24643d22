/* pdw-fake-graph.h: a loopback SoupServer standing in for the Graph API's
 * messages endpoint.  It accepts every send unless an error was queued,
 * and keeps each request so tests can read what the gateway sent.  It also
 * serves media (research/whatsapp.md §1.8): GET /{version}/{media-id}
 * answers a URL that works once and only until the next lookup (Meta's
 * expire after 5 minutes), GET of that URL the bytes with the Bearer
 * token, and POST /{version}/{phone-number-id}/media takes uploads.
 * GET /{version}/{phone-number-id} (the connection test's probe) answers
 * the number with the right token, Graph's 401 (error 190) without it.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define PDW_FAKE_GRAPH_STALLED 1

typedef struct
{
  SoupServer *server;
  char       *url;             /* the Graph base URL to configure */
  char       *path;            /* the phone number's messages endpoint */
  GQueue      errors;          /* scripted answers (private), in order */
  GPtrArray  *requests;        /* JsonNode of each request body */
  GArray     *answers;         /* guint HTTP status of each request, 0: dropped,
                                * PDW_FAKE_GRAPH_STALLED: never answered */
  GPtrArray  *authorizations;  /* char * Authorization header of each */
  guint       n_accepted;      /* wamid.TEST_OUT_<n> of the n-th accepted */
  char       *media_path;      /* the phone number's media (upload) endpoint */
  GHashTable *media;           /* media id -> PdwFakeMedia */
  GPtrArray  *uploads;         /* PdwFakeUpload of each upload */
  guint       n_lookups;       /* GET /{media-id} answered, all ids */
  guint       n_downloads;     /* bytes served */
  guint       n_stale;         /* downloads refused: the URL was stale */
  char       *number_path;     /* the phone number's own path (the probe) */
  guint       n_probes;        /* GET of number_path, answered or refused */
} PdwFakeGraph;

typedef struct
{
  GBytes *bytes;
  char   *mime_type;
  char   *url_token;           /* of the last lookup; NULL once used */
  guint   fail_lookups;        /* the next n lookups answer HTTP 500 */
  guint   fail_downloads;      /* the next n downloads answer HTTP 500 */
  gboolean corrupt;            /* serve the bytes with one byte changed */
} PdwFakeMedia;

typedef struct
{
  char   *mime_type;           /* the "type" form field */
  char   *filename;
  char   *file_mime_type;      /* the file part's Content-Type */
  GBytes *bytes;
  char   *messaging_product;
  char   *authorization;
} PdwFakeUpload;

/* A scripted answer of a fake provider. */
typedef struct
{
  guint  status;      /* 0: drop the connection; G_MAXUINT: never answer */
  char  *retry_after;
  char  *body;
} PdwFakeAnswer;

void          pdw_fake_answer_free       (PdwFakeAnswer *answer);
/* Appends to @answers (of PdwFakeAnswer) HTTP @status with @json (NULL:
 * an empty body) and, if not NULL, that Retry-After. */
void          pdw_fake_answers_push      (GQueue       *answers,
                                          guint         status,
                                          const char   *retry_after,
                                          const char   *json);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwFakeAnswer, pdw_fake_answer_free)

/* A SoupServer on a free loopback port calling @callback for every path;
 * *@url: its base URL ("http://127.0.0.1:PORT"). */
SoupServer   *pdw_fake_server_new        (SoupServerCallback  callback,
                                          gpointer            user_data,
                                          char              **url);

PdwFakeGraph *pdw_fake_graph_new         (const char   *phone_number_id);
void          pdw_fake_graph_free        (PdwFakeGraph *graph);

/* The next send not yet answered fails with @json (a Graph error body). */
void          pdw_fake_graph_push_error  (PdwFakeGraph *graph,
                                          const char   *json);
/* The next send not yet answered gets HTTP @status with @json (may be
 * NULL: an empty body) and, when @retry_after is not NULL, that
 * Retry-After header. */
void          pdw_fake_graph_push_response (PdwFakeGraph *graph,
                                            guint         status,
                                            const char   *retry_after,
                                            const char   *json);
/* The next send not yet answered has its connection closed unanswered
 * (the network failed after the request was read). */
void          pdw_fake_graph_push_drop   (PdwFakeGraph *graph);
/* The next send not yet answered is read and never answered (the
 * connection stays open): the client's timeout has to end it. */
void          pdw_fake_graph_push_stall  (PdwFakeGraph *graph);
/* The texts ("text"."body", or the template's name) of the sends that were
 * accepted, in the order they were answered.  Free with g_ptr_array_unref. */
GPtrArray    *pdw_fake_graph_dup_accepted_texts (PdwFakeGraph *graph);
/* The body of the @index-th request, borrowed. */
JsonObject   *pdw_fake_graph_get_request (PdwFakeGraph *graph,
                                          guint         index);

/* Serves @bytes as the media @media_id; returns the entry to tweak. */
PdwFakeMedia *pdw_fake_graph_add_media   (PdwFakeGraph *graph,
                                          const char   *media_id,
                                          GBytes       *bytes,
                                          const char   *mime_type);
/* The base64 sha256 of @bytes, as a webhook carries it. */
char         *pdw_fake_graph_dup_sha256  (GBytes       *bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwFakeGraph, pdw_fake_graph_free)

G_END_DECLS
