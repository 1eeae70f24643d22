/* pdw-gateway-service.h: the WhatsApp gateway as one service: the webhook
 * receiver, the outbox that sends officers' replies with retries, and the
 * Graph API client.  The window embeds it; `pandawa-cli serve` runs it alone.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/pdw-approved-template.h"
#include "core/pdw-service-calendar.h"
#include "store/pdw-store.h"
#include "pdw-gateway-config.h"
#include "pdw-media-fetcher.h"
#include "pdw-outbox.h"
#include "pdw-secret-store.h"

G_BEGIN_DECLS

#define PDW_TYPE_GATEWAY_SERVICE (pdw_gateway_service_get_type ())
G_DECLARE_FINAL_TYPE (PdwGatewayService, pdw_gateway_service, PDW, GATEWAY_SERVICE, GObject)

/* Properties:
 *   store (PdwStore, construct-only)
 *   listening (boolean, read-only): the webhook receiver is up
 *   last-error (string, read-only): the last gateway problem an officer should
 *       see (e.g. "Graph API: access token expired (190)"), NULL when healthy
 * Signals:
 *   "webhook-received" (guint new_messages, guint statuses): after a delivery
 *       was stored and acknowledged.
 *   "auto-reply-queued" (gint64 conversation_id, gint64 message_id): the
 *       out-of-hours automatic reply was queued for a conversation.
 *   "config-changed": pdw_gateway_service_reload_config() took a new
 *       configuration (whether it can send may have changed).
 */
PdwGatewayService *pdw_gateway_service_new              (PdwStore                *store,
                                                         const PdwGatewayConfig  *config);
/* Starts listening and starts the outbox; fails if the port is taken. */
gboolean           pdw_gateway_service_start            (PdwGatewayService       *self,
                                                         GError                 **error);
void               pdw_gateway_service_stop             (PdwGatewayService       *self);
guint              pdw_gateway_service_get_port         (PdwGatewayService       *self);
char              *pdw_gateway_service_dup_webhook_url  (PdwGatewayService       *self);
const char        *pdw_gateway_service_get_last_error   (PdwGatewayService       *self);
gboolean           pdw_gateway_service_get_listening    (PdwGatewayService       *self);
/* Replaces the Graph API base URL (demo mode learns it after start). */
void               pdw_gateway_service_set_api_url      (PdwGatewayService       *self,
                                                         const char              *url);
PdwGatewayBackend *pdw_gateway_service_get_backend      (PdwGatewayService       *self);
PdwGatewaySession  pdw_gateway_service_get_session      (PdwGatewayService       *self);
/* Queues an officer's reply in the store and sends it now if the gateway is
 * reachable.  Returns the message id: the reply is safe once this returns. */
gint64             pdw_gateway_service_send_text        (PdwGatewayService       *self,
                                                         gint64                   conversation_id,
                                                         const char              *text,
                                                         const char              *officer_name,
                                                         GError                 **error);

/* Queues the approved WhatsApp template (the only message the Cloud API
 * takes once the 24-hour window is closed) for a conversation and sends it
 * now if the gateway is reachable.  {{1}} is the name on the
 * conversation's complaint (else its WhatsApp profile name), {{2}} the
 * ticket or "-"; the chat shows the rendered body.  Returns the message id,
 * or 0 with @error. */
gint64             pdw_gateway_service_send_template    (PdwGatewayService       *self,
                                                         gint64                   conversation_id,
                                                         const char              *officer_name,
                                                         GError                 **error);
/* The approved template used by send_template(): until set, the shipped
 * name, language and body (pdw_approved_template_new (NULL, NULL, NULL));
 * callers set pdw_approved_template_new_from_settings (settings). */
void               pdw_gateway_service_set_approved_template (PdwGatewayService   *self,
                                                              PdwApprovedTemplate *approved);
PdwApprovedTemplate *pdw_gateway_service_get_approved_template (PdwGatewayService *self);

/* The out-of-hours automatic reply.  When enabled, every NEW inbound
 * message (its WhatsApp time within the last hour, so a late webhook retry
 * or an import never triggers it) that pdw_auto_reply_should_send() picks
 * (service closed, at most once per conversation per WIB day) gets the
 * "out_of_hours" reply template with {jam_buka} = the next opening of
 * @calendar.  Disabled until set_auto_reply_enabled (TRUE); the calendar
 * defaults to the shipped one with the shipped holidays.  Callers pass
 * pdw_desk_settings_new_calendar (settings) and the auto-reply-enabled key. */
void               pdw_gateway_service_set_calendar     (PdwGatewayService       *self,
                                                         PdwServiceCalendar      *calendar);
PdwServiceCalendar *pdw_gateway_service_get_calendar    (PdwGatewayService       *self);
void               pdw_gateway_service_set_auto_reply_enabled (PdwGatewayService *self,
                                                               gboolean           enabled);
gboolean           pdw_gateway_service_get_auto_reply_enabled (PdwGatewayService *self);
/* All three from the application's settings at once: the calendar
 * (pdw_desk_settings_new_calendar()), auto-reply-enabled, and the approved
 * template (wa-template-name, wa-template-language).  Call it again when
 * one of those keys changes. */
void               pdw_gateway_service_apply_desk_settings (PdwGatewayService *self,
                                                            GSettings         *settings);
/* The same without the calendar, for a caller that holds the one calendar
 * built from the settings (the GUI's PdwContext) and sets it itself. */
void               pdw_gateway_service_apply_reply_settings (PdwGatewayService *self,
                                                             GSettings         *settings);

/* The configuration in use, secrets included: for in-process helpers only
 * (demo mode hands the secrets to its simulator). */
const PdwGatewayConfig *pdw_gateway_service_get_config (PdwGatewayService *self);
/* Takes a new configuration (the preferences saved a secret, the phone
 * number id or the port): the Graph client and the webhook receiver use the
 * new secrets at once; a changed listen address or port restarts the
 * receiver.  Queued replies are tried again. */
gboolean           pdw_gateway_service_reload_config    (PdwGatewayService       *self,
                                                         const PdwGatewayConfig  *config,
                                                         GError                 **error);
/* Re-reads the configuration: the non-secret keys from @settings (when not
 * NULL), the secrets from @store (those it does not hold stay as they are),
 * then pdw_gateway_service_reload_config(). */
void               pdw_gateway_service_reload_async     (PdwGatewayService       *self,
                                                         GSettings               *settings,
                                                         PdwSecretStore          *store,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
gboolean           pdw_gateway_service_reload_finish    (PdwGatewayService       *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);
/* The outbox that sends queued replies (for its signals). */
PdwOutbox         *pdw_gateway_service_get_outbox       (PdwGatewayService       *self);

/* The fetcher of citizens' media, started and stopped with the service. */
PdwMediaFetcher   *pdw_gateway_service_get_media_fetcher (PdwGatewayService *self);
/* Queues an officer's attachment (pdw_store_queue_outgoing_media(): the
 * file already in the media directory) and sends it now if the gateway is
 * reachable: uploaded, then sent as an image or a document. */
gint64             pdw_gateway_service_send_media       (PdwGatewayService       *self,
                                                         gint64                   conversation_id,
                                                         const char              *type,
                                                         const char              *path,
                                                         const char              *mime_type,
                                                         const char              *filename,
                                                         gint64                   size,
                                                         const char              *caption,
                                                         const char              *officer_name,
                                                         GError                 **error);
/* The officer's "try again" on a media that failed to download. */
gboolean           pdw_gateway_service_retry_media      (PdwGatewayService       *self,
                                                         gint64                   message_id,
                                                         GError                 **error);

G_END_DECLS
