/* pdw-simulator-private.h: the Graph API side of PdwSimulator, shared
 * between pdw-simulator.c and pdw-simulator-graph.c, and who plays the
 * script (pdw-simulator-cast.c).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

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

G_END_DECLS
