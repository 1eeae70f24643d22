/* pdw-media-fetcher.h: downloads citizens' photos, documents, audio and
 * video as soon as their webhook is stored, checks each file against the
 * webhook's sha256 and keeps it in the media directory, retrying failures
 * with backoff until WhatsApp forgets the media id (7 days).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/pdw-store.h"
#include "pdw-graph-client.h"

G_BEGIN_DECLS

#define PDW_TYPE_MEDIA_FETCHER (pdw_media_fetcher_get_type ())
G_DECLARE_FINAL_TYPE (PdwMediaFetcher, pdw_media_fetcher, PDW, MEDIA_FETCHER, GObject)

/* Signals:
 *   "fetch-finished" (gint64 message_id, int state): one attempt ended; the
 *       state is the PdwMediaState recorded (PENDING after a failure that
 *       will be retried).
 */

/* Where the media of the database at @db_path lives: for the app's own
 * database ($XDG_DATA_HOME/pandawa/pandawa.db) $XDG_DATA_HOME/pandawa/media;
 * for any other (--db, demo mode, tests) a sibling named like SQLite's
 * own: "PATH-media" ("/srv/desk.db" keeps its files in "/srv/desk.db-media").
 * Files are named by their sha256, so the app and `serve` on one database
 * share the folder.  @db_path NULL: the app's. */
char            *pdw_media_fetcher_dup_dir_for_database (const char *db_path);

/* @media_dir NULL: the directory of the store's database.  Created 0700
 * on the first fetch; files 0600. */
PdwMediaFetcher *pdw_media_fetcher_new              (PdwStore          *store,
                                                     PdwGatewayBackend *backend,
                                                     const char        *media_dir);
void             pdw_media_fetcher_set_backend      (PdwMediaFetcher   *self,
                                                     PdwGatewayBackend *backend);
const char      *pdw_media_fetcher_get_media_dir    (PdwMediaFetcher *self);
/* For demo mode and tests: somewhere else than the default. */
void             pdw_media_fetcher_set_media_dir    (PdwMediaFetcher *self,
                                                     const char      *media_dir);
/* Fetches what is due now, then whenever a message changes in the store
 * and when the next retry is due. */
void             pdw_media_fetcher_start            (PdwMediaFetcher *self);
/* Cancels the downloads in flight (they stay pending) and the timer. */
void             pdw_media_fetcher_stop             (PdwMediaFetcher *self);
/* Marks expired media and looks for due media now (the fetcher does so by
 * itself on changes, expiring at most once a minute).  Does nothing while
 * stopped. */
void             pdw_media_fetcher_pump             (PdwMediaFetcher *self);
guint            pdw_media_fetcher_get_n_in_flight  (PdwMediaFetcher *self);

/* Copies an officer's file into the media directory (named by its
 * sha256, 0600) on a worker thread, so that a queued attachment does not
 * depend on the original staying where it was; the result is the new
 * path, *size its size. */
void             pdw_media_fetcher_keep_file_async  (PdwMediaFetcher     *self,
                                                     GFile               *source,
                                                     const char          *mime_type,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
char            *pdw_media_fetcher_keep_file_finish (PdwMediaFetcher     *self,
                                                     GAsyncResult        *result,
                                                     gint64              *size,
                                                     GError             **error);

/* Seconds before the next try after @failures failed ones: 4^(failures-1),
 * capped at 15 minutes, as for sends. */
guint            pdw_media_fetcher_backoff_seconds  (guint            failures);
/* TRUE when @data (its sha256) matches @expected, base64 as in webhooks
 * or hex as in some Graph answers; FALSE for a malformed @expected. */
gboolean         pdw_media_sha256_matches           (const char      *expected,
                                                     const guint8    *digest,
                                                     gsize            digest_len);

G_END_DECLS
