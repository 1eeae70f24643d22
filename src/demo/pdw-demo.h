/* pdw-demo.h: demo mode.  Runs pandawa-simulator next to the gateway
 * service, with throwaway secrets, so that the application can be tried
 * without a Meta account or a WAHA server: synthetic citizens write in,
 * replies get sent/delivered/read.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gateway/pdw-gateway-service.h"
#include "demo/pdw-history.h"

G_BEGIN_DECLS

#define PDW_TYPE_DEMO (pdw_demo_get_type ())
G_DECLARE_FINAL_TYPE (PdwDemo, pdw_demo, PDW, DEMO, GObject)

/* A config for demo mode on @backend ("graph", the default, or "waha"):
 * random verify token and app secret (WAHA's HMAC key), a random access
 * token and phone number id "100000000000001" (Graph) or a random API key
 * and session "default" (WAHA), listening on 127.0.0.1, any port, no
 * provider URL yet (the simulator tells it). */
PdwGatewayConfig *pdw_demo_build_config_for_backend (const char       *backend);
/* The same for the backend the gateway-backend setting names. */
PdwGatewayConfig *pdw_demo_build_config         (void);
/* Gives an empty demo database the last weeks of a small synthetic office
 * history (pdw-history.h) up to @now, so that the desk shows files in every
 * state, some of them due soon or overdue.  Does nothing (and returns TRUE)
 * when the database already has conversations. */
gboolean          pdw_demo_seed_history         (PdwStore             *store,
                                                 gint64                now,
                                                 GError              **error);
/* pdw_demo_seed_history() on a worker thread, through a store of its own
 * on the database at @path (the caller's store is never locked meanwhile;
 * it reads the rows once @callback runs).  @progress (may be NULL) is called
 * on the caller's thread-default main context with the share done;
 * @progress_data must live until @callback runs.  Cancelling stops the
 * history between steps (G_IO_ERROR_CANCELLED; what was committed stays). */
void              pdw_demo_seed_history_async   (const char           *path,
                                                 gint64                now,
                                                 PdwHistoryProgressFunc progress,
                                                 gpointer              progress_data,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean          pdw_demo_seed_history_finish  (GAsyncResult         *result,
                                                 GError              **error);
/* The path of pandawa-simulator: $PANDAWA_SIMULATOR, else next to the
 * running program, else BINDIR. */
char             *pdw_demo_find_simulator       (void);

/* @service must be started. */
PdwDemo          *pdw_demo_new                  (PdwGatewayService    *service);
/* Spawns the simulator, playing the service's backend, and resolves once
 * the service knows its URL.
 * The simulator is stopped when the PdwDemo is disposed. */
void              pdw_demo_start_async          (PdwDemo              *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean          pdw_demo_start_finish         (PdwDemo              *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
/* The simulator's base URL (the Graph or WAHA URL); NULL until started. */
const char       *pdw_demo_get_api_url          (PdwDemo              *self);

G_END_DECLS
