/* pdw-store-media.h: the media files of messages (migration 9): citizens'
 * photos and documents fetched from WhatsApp, and officers' attachments.
 * Part of PdwStore's API, in its own header so that the aggregate stays
 * in one place (pdw-store-media.c).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pdw-store.h"

G_BEGIN_DECLS

/* WhatsApp keeps a webhook's media id for 7 days. */
#define PDW_MEDIA_LIFETIME_SECONDS (7 * 24 * 60 * 60)

/* Inbound media due for a fetch at @now (state pending, next attempt
 * passed, younger than PDW_MEDIA_LIFETIME_SECONDS), oldest first, at most
 * @limit. */
GPtrArray *pdw_store_list_due_media        (PdwStore     *self,
                                            gint64        now,
                                            guint         limit,
                                            GError      **error);
/* Seconds from @now to the next pending fetch, or -1 when none waits. */
gint64     pdw_store_get_next_media_attempt (PdwStore    *self,
                                            gint64        now,
                                            GError      **error);
/* Takes the fetch of @message_id for this process until @lease_until, so
 * that a second process on the same database (serve and the app) does not
 * fetch it too: FALSE in *claimed when another one took it first or it is
 * no longer pending. */
gboolean   pdw_store_claim_media_fetch     (PdwStore     *self,
                                            gint64        message_id,
                                            gint64        now,
                                            gint64        lease_until,
                                            gboolean     *claimed,
                                            GError      **error);
/* The file is in place: state ready, its path and size. */
gboolean   pdw_store_mark_media_ready      (PdwStore     *self,
                                            gint64        message_id,
                                            const char   *path,
                                            gint64        size,
                                            GError      **error);
/* A fetch failed: one more attempt, @reason (translated, for the officer)
 * and the time of the next one (0: none until pdw_store_retry_media());
 * still pending. */
gboolean   pdw_store_mark_media_failed     (PdwStore     *self,
                                            gint64        message_id,
                                            const char   *reason,
                                            gint64        next_attempt_at,
                                            GError      **error);
/* The bytes did not match the webhook's sha256: state corrupt, no path. */
gboolean   pdw_store_mark_media_corrupt    (PdwStore     *self,
                                            gint64        message_id,
                                            const char   *reason,
                                            GError      **error);
/* Marks expired every pending media whose message is older than
 * PDW_MEDIA_LIFETIME_SECONDS at @now; the number marked. */
int        pdw_store_expire_media          (PdwStore     *self,
                                            gint64        now,
                                            GError      **error);
/* The officer's "try again": pending now, the backoff from the start.
 * Fails with INVALID for media that expired or is already here. */
gboolean   pdw_store_retry_media           (PdwStore     *self,
                                            gint64        message_id,
                                            gint64        now,
                                            GError      **error);
/* Inbound media received since @since that is not here and needs an
 * officer: a failed last attempt, corrupt or expired, newest first (for
 * the gateway status list, which shows a week like the failed replies). */
GPtrArray *pdw_store_list_failed_media     (PdwStore     *self,
                                            gint64        since,
                                            guint         limit,
                                            GError      **error);

/* Queues an officer's attachment like pdw_store_queue_outgoing_text():
 * @type "image" or "document", the file at @path (already in the media
 * directory) with @mime_type, @filename (what the citizen sees for a
 * document) and @size; @caption may be NULL.  The outbox uploads it and
 * sends it.  Returns the message id, or 0 with @error. */
gint64     pdw_store_queue_outgoing_media  (PdwStore     *self,
                                            gint64        conversation_id,
                                            const char   *type,
                                            const char   *path,
                                            const char   *mime_type,
                                            const char   *filename,
                                            gint64        size,
                                            const char   *caption,
                                            const char   *officer_name,
                                            GError      **error);

G_END_DECLS
