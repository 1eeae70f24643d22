/* pdw-simulator-private.h: the inside of PdwSimulator, shared between
 * pdw-simulator.c (the script, the cast's timing, the webhook queue) and
 * the wire formats of the providers it plays, one file each:
 * pdw-simulator-graph.c (Meta's Cloud API) and pdw-simulator-waha.c
 * (WAHA); who plays the script is pdw-simulator-cast.c.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "pdw-simulator.h"

G_BEGIN_DECLS

/* A send request that Meta would accept. */
typedef struct
{
  char *to;             /* as given, maybe with a leading '+' */
  char *text;           /* what the citizen reads */
  char *template_name;  /* NULL unless an approved template was sent */
} PdwSimulatorSend;

void      _pdw_simulator_send_clear        (PdwSimulatorSend  *send);

/* Checks the bearer token, the body and, for a template, that it is
 * approved in @templates ("name/language" -> body) and gets as many
 * parameters as its body has placeholders.  FALSE after answering @msg
 * with the Graph error. */
gboolean  _pdw_simulator_read_send         (SoupServerMessage *msg,
                                            const char        *access_token,
                                            GHashTable        *templates,
                                            PdwSimulatorSend  *send);
/* The key of @templates. */
char     *_pdw_simulator_template_key      (const char        *name,
                                            const char        *language);
void      _pdw_simulator_reply_json        (SoupServerMessage *msg,
                                            guint              status,
                                            const char        *json);
void      _pdw_simulator_reply_graph_error (SoupServerMessage *msg,
                                            guint              status,
                                            int                code,
                                            const char        *message,
                                            const char        *type);

/* pdw-simulator-media.c: the citizens' files (a synthetic photo of a
 * family card, a synthetic bank letter) and officers' uploads. */
#define PDW_SIMULATOR_KK_PHOTO_ID    "900000000000101"
#define PDW_SIMULATOR_BANK_LETTER_ID "900000000000102"

/* The base64 sha256 a webhook carries for @media_id, or NULL. */
char     *_pdw_simulator_media_dup_sha256  (const char        *media_id);
/* Answers the media requests (lookup, download, upload); FALSE for any
 * other path. */
gboolean  _pdw_simulator_handle_media      (SoupServerMessage *msg,
                                            const char        *path,
                                            GHashTable        *query,
                                            const char        *graph_url,
                                            const char        *access_token,
                                            const char        *phone_number_id);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdwSimulatorSend, _pdw_simulator_send_clear)

/* pdw-simulator-cast.c: who writes the script's messages. */
typedef struct
{
  const char *name;
  const char *wa_id;
  const char *thanks;   /* what they answer to their first reply, or NULL */
  const char *rating;   /* their answer to the satisfaction survey, or NULL */
  const char *nik;      /* as the script's texts write them, or NULL */
  const char *kk;
  gboolean    female;
} PdwSimulatorCitizen;

#define PDW_SIMULATOR_N_CITIZENS 9

/* The script's own citizens. */
extern const PdwSimulatorCitizen _pdw_simulator_citizens[PDW_SIMULATOR_N_CITIZENS];

/* Fills @cast with synthetic people drawn from @seed (names of the same
 * sex as the script's, numbers in the 0800 range, NIK and KK), their
 * strings kept in @strings; what they answer stays the script's. */
void      _pdw_simulator_cast_draw         (guint32              seed,
                                            PdwSimulatorCitizen  cast[PDW_SIMULATOR_N_CITIZENS],
                                            GPtrArray           *strings);
/* @text (a step of the script) as @person writes it in the place of
 * @original: names, NIK (also typed in groups of four) and KK replaced. */
char     *_pdw_simulator_personalize       (const char                *text,
                                            const PdwSimulatorCitizen *original,
                                            const PdwSimulatorCitizen *person);


/* What a citizen sends in a step of the script. */
typedef enum
{
  PDW_SIMULATOR_TEXT,
  PDW_SIMULATOR_IMAGE,      /* the family card photo */
  PDW_SIMULATOR_DOCUMENT,   /* the bank letter */
  PDW_SIMULATOR_CONTACTS,   /* a shared contact card */
  PDW_SIMULATOR_UNSUPPORTED,
} PdwSimulatorKind;

/* "text", "image", ...: the type a reader of the message reports. */
const char *_pdw_simulator_kind_type       (PdwSimulatorKind     kind);

/* What became of a reply, as the provider reports it. */
typedef enum
{
  PDW_SIMULATOR_SENT,
  PDW_SIMULATOR_DELIVERED,
  PDW_SIMULATOR_READ,
  PDW_SIMULATOR_FAILED,     /* not a WhatsApp user */
} PdwSimulatorStatus;

/* One provider's wire format: its webhooks and its API. */
typedef struct
{
  const char *name;                 /* "graph", "waha" */
  /* A new id for a citizen's message to the office (@outgoing FALSE) or
   * for a reply to @wa_id. */
  char  *(*new_id)         (PdwSimulator              *self,
                            const char                *wa_id,
                            gboolean                   outgoing);
  /* The webhook bodies: a citizen's message, a reply's status. */
  char  *(*message_body)   (PdwSimulator              *self,
                            const PdwSimulatorCitizen *citizen,
                            const char                *id,
                            PdwSimulatorKind           kind,
                            const char                *text);
  char  *(*status_body)    (PdwSimulator              *self,
                            const char                *id,
                            const char                *wa_id,
                            PdwSimulatorStatus         status);
  /* What the provider posts before the script (may be NULL). */
  void   (*start)          (PdwSimulator              *self);
  /* The headers of a webhook post: its signature, and any other. */
  void   (*add_headers)    (PdwSimulator              *self,
                            SoupMessageHeaders        *headers,
                            GBytes                    *body);
  /* Answers a request PANDAWA makes to the provider's API. */
  void   (*handle_request) (PdwSimulator              *self,
                            SoupServerMessage         *msg,
                            const char                *path,
                            GHashTable                *query);
} PdwSimulatorWire;

extern const PdwSimulatorWire _pdw_simulator_wire_graph;
extern const PdwSimulatorWire _pdw_simulator_wire_waha;

struct _PdwSimulator
{
  GObject      parent_instance;

  const PdwSimulatorWire *wire;
  char        *webhook_url;
  char        *hmac_key;       /* signs the webhooks; NULL: unsigned (WAHA) */
  char        *api_key;        /* Graph's access token, WAHA's X-Api-Key */
  char        *account;        /* Graph's phone number id, WAHA's session */
  double       speed;
  guint        expected_replies;

  SoupServer  *server;
  SoupSession *session;
  GRand       *rand;
  char        *base_url;       /* where the simulated API listens */
  char        *run_id;         /* 8 hex digits, different in each run */

  GQueue       posts;          /* PendingPost, posted one at a time, in order */
  gboolean     posting;
  guint        retry_id;
  guint        next_step;
  guint        step_id;
  guint        n_timers;       /* statuses and answers not yet queued */
  guint        n_replies;
  guint        id_counter;     /* for the wire's new_id() */
  GHashTable  *thanked;        /* wa_id set */
  GHashTable  *timers;         /* source id set, removed on dispose */
  GHashTable  *templates;      /* "name/language" -> approved body */
  GHashTable  *files;          /* WAHA: message id -> media id of its file */
  gboolean     finished;

  /* Who plays the script: its own citizens (pdw-simulator-cast.c), or with a seed other
   * synthetic people (pdw_simulator_set_seed()), so that each demo start
   * brings new citizens instead of the same ones into the same chats. */
  PdwSimulatorCitizen cast[PDW_SIMULATOR_N_CITIZENS];
  GPtrArray   *cast_strings;   /* what the cast's members point to */
  char       **step_texts;     /* the script's texts as the cast writes them */
};

/* Queues a webhook post of @body (taken); @id, @wa_id and @type when it is
 * a citizen's message ("message-posted" once it is acknowledged). */
void      _pdw_simulator_queue_post        (PdwSimulator      *self,
                                            char              *body,
                                            const char        *id,
                                            const char        *wa_id,
                                            const char        *type);
/* A reply the simulated provider accepted for @wa_id: counted, announced
 * ("reply-received", "template-received"), then its statuses and the
 * citizen's answers are played.  Returns its new id. */
char     *_pdw_simulator_accept_reply      (PdwSimulator      *self,
                                            const char        *wa_id,
                                            const char        *text,
                                            const char        *template_name);
/* Seconds since the epoch. */
gint64    _pdw_simulator_now               (void);
void      _pdw_simulator_add_string        (JsonBuilder       *builder,
                                            const char        *name,
                                            const char        *value);
char     *_pdw_simulator_builder_to_string (JsonBuilder       *builder);

/* The bytes and type of a media file (see _pdw_simulator_handle_media()),
 * or NULL. */
GBytes   *_pdw_simulator_media_dup         (const char        *media_id,
                                            char             **mime_type);

G_END_DECLS
