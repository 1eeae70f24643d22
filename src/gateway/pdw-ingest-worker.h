/* pdw-ingest-worker.h: stores webhook deliveries on a thread of its own,
 * through a second connection to the database, so that a commit (an fsync)
 * never holds up the main loop.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/pdw-store.h"

G_BEGIN_DECLS

/* At most this many deliveries share one transaction (one fsync). */
#define PDW_INGEST_WORKER_MAX_BATCH 64
/* Rows a purge deletes per transaction. */
#define PDW_INGEST_WORKER_PURGE_SLICE 500

#define PDW_TYPE_INGEST_WORKER (pdw_ingest_worker_get_type ())
G_DECLARE_FINAL_TYPE (PdwIngestWorker, pdw_ingest_worker, PDW, INGEST_WORKER, GObject)

/* Opens a companion connection of @store (pdw_store_open_companion()) and
 * starts the thread.  Change signals reach @store's listeners on @store's
 * thread. */
PdwIngestWorker *pdw_ingest_worker_new          (PdwStore             *store,
                                                 GError              **error);
/* Queues one delivery, as pdw_store_ingest_webhook() takes it; @messages
 * and @statuses (either may be NULL) are kept and must not change after
 * the call.  Deliveries already waiting when the thread is free are stored
 * in one transaction, each in its own savepoint, so one that fails fails
 * alone.  @callback runs on the calling thread's main context after the
 * COMMIT; the store's change signals reach @store's thread on their own
 * (in slices, see pdw-store.c), so they may come a little later.
 * A @cancellable cancelled before the delivery is stored keeps it out of
 * the database (G_IO_ERROR_CANCELLED); once stored, the result stands.
 * After pdw_ingest_worker_stop(): G_IO_ERROR_CLOSED. */
void             pdw_ingest_worker_ingest_async (PdwIngestWorker      *self,
                                                 const char           *source,
                                                 GBytes               *raw_body,
                                                 GPtrArray            *messages,
                                                 GPtrArray            *statuses,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean         pdw_ingest_worker_ingest_finish (PdwIngestWorker     *self,
                                                  GAsyncResult        *result,
                                                  PdwIngestResult     *ingest_result,
                                                  GError             **error);
/* Called on the context that asked, once a purge is over: @purged rows
 * went; @error is set if a slice failed. */
typedef void (*PdwIngestPurgeFunc) (guint         purged,
                                    const GError *error,
                                    gpointer      user_data);

/* Purges raw webhook bodies and orphan statuses received before @before
 * (pdw_store_purge_webhooks()) on the worker's thread, in slices of
 * PDW_INGEST_WORKER_PURGE_SLICE rows each taking its turn behind the
 * deliveries queued meanwhile, then calls @func.  After
 * pdw_ingest_worker_stop() nothing is purged and @func is not called;
 * @destroy frees @user_data in every case.  Nothing of the worker is held
 * while the report waits for its context. */
void             pdw_ingest_worker_purge        (PdwIngestWorker      *self,
                                                 gint64                before,
                                                 PdwIngestPurgeFunc    func,
                                                 gpointer              user_data,
                                                 GDestroyNotify        destroy);
/* Stores what is queued, then ends the thread and closes the connection.
 * The callbacks of those deliveries still run, from the main context.
 * Also run at dispose; calling it twice is harmless. */
void             pdw_ingest_worker_stop         (PdwIngestWorker      *self);

G_END_DECLS
