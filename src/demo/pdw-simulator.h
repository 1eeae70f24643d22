/* pdw-simulator.h: a stand-in for the WhatsApp provider in demos and tests.
 * It plays a script of synthetic citizens who write to the office, and
 * either backend PANDAWA talks to: Meta's Cloud API (it serves the Graph
 * API calls PANDAWA makes, sending a text, an approved template or an
 * attachment, and posts signed Cloud API webhooks with the sent/delivered/
 * read statuses of every reply) or a WAHA server (it serves sendText,
 * sendImage, sendFile, sessions and files with X-Api-Key, and posts WAHA's
 * session.status, message and message.ack events, signed with
 * X-Webhook-Hmac when it has a key).  Everything on loopback.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PDW_TYPE_SIMULATOR (pdw_simulator_get_type ())
G_DECLARE_FINAL_TYPE (PdwSimulator, pdw_simulator, PDW, SIMULATOR, GObject)

/* Signals (ids are the provider's: a Cloud API wamid, a WAHA message id):
 *   "message-posted" (const char *wamid, const char *wa_id, const char *type):
 *       a scripted citizen message was acknowledged by the webhook; @type
 *       is what it is ("text", "image", "document", "contacts",
 *       "unsupported"), whatever the wire calls it.
 *   "reply-received" (const char *wamid, const char *to, const char *text):
 *       a text, an attachment's caption, or a template message with its
 *       body rendered as the citizen reads it.
 *   "template-received" (const char *wamid, const char *to, const char *name):
 *       after "reply-received", when the reply was an approved template.
 *   "finished": the script was played, every webhook acknowledged and
 *       every status sent (only emitted once, when nothing is left to do and
 *       at least the expected number of replies arrived).
 */

/* Plays @backend ("graph" or "waha").  @hmac_key signs the webhooks
 * (Meta's app secret, required; WAHA's HMAC key, or NULL for unsigned
 * ones); @api_key is what PANDAWA must present (the Graph access token, WAHA's
 * X-Api-Key); @account is the phone number id (Graph) or the session name
 * (WAHA). */
PdwSimulator *pdw_simulator_new_for_backend    (const char    *backend,
                                                const char    *webhook_url,
                                                const char    *hmac_key,
                                                const char    *api_key,
                                                const char    *account);
/* The Cloud API. */
PdwSimulator *pdw_simulator_new                (const char    *webhook_url,
                                                const char    *app_secret,
                                                const char    *access_token,
                                                const char    *phone_number_id);
/* "graph" or "waha". */
const char   *pdw_simulator_get_backend        (PdwSimulator  *self);
/* Time factor: 2.0 plays twice as fast. */
void          pdw_simulator_set_speed          (PdwSimulator  *self,
                                                double         speed);
/* "finished" waits for this many replies (default 0). */
void          pdw_simulator_set_expected_replies (PdwSimulator *self,
                                                  guint         n_replies);
gboolean      pdw_simulator_listen             (PdwSimulator  *self,
                                                const char    *address,
                                                guint          port,
                                                GError       **error);
/* "http://HOST:PORT", the base URL to give PANDAWA as its Graph URL or
 * its WAHA URL. */
char         *pdw_simulator_dup_api_url        (PdwSimulator  *self);
/* Approves a template as Meta would: sends of any other name or language
 * are refused with 132001, a wrong parameter count with 132000.  The
 * shipped PDW_APPROVED_TEMPLATE_DEFAULT_NAME in "id" is approved already. */
void          pdw_simulator_add_template       (PdwSimulator  *self,
                                                const char    *name,
                                                const char    *language,
                                                const char    *body);
/* Before pdw_simulator_start(): the script is played by other synthetic
 * citizens (names, WhatsApp numbers, NIK and KK from @seed, pdw-synthetic.h)
 * instead of its own, so that a demo started again does not replay the
 * same people into the same conversations.  0 keeps the script's own
 * citizens (what tests use). */
void          pdw_simulator_set_seed           (PdwSimulator  *self,
                                                guint32        seed);
/* Starts playing the script (WAHA: after its session went from STARTING
 * to WORKING). */
void          pdw_simulator_start              (PdwSimulator  *self);
/* Number of scripted citizen messages and of distinct citizens. */
guint         pdw_simulator_get_n_script_messages (void);
guint         pdw_simulator_get_n_citizens     (void);

G_END_DECLS
