/* pdw-history.h: a synthetic office history, written through the real
 * store API as if the gateway had received the citizens' messages and the
 * officers had worked the desk: months of conversations, replies with
 * their delivery statuses, and complaints with full control cards.  Used by
 * `pandawa-cli generate`, the demo, tests and benchmarks.
 *
 * Deterministic: the same options give the same database content; nothing
 * reads the real clock (the store runs on a simulated one meanwhile).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/pdw-store.h"

G_BEGIN_DECLS

/* Complaints per ordinary service day (Tuesday to Thursday) that gives
 * about 60,000 complaints in twelve months. */
#define PDW_HISTORY_DEFAULT_SCALE 225

/* Called about once per simulated day, on the calling thread, with the
 * share of the period done (0.0 to 1.0). */
typedef void (*PdwHistoryProgressFunc) (double   fraction,
                                        gpointer user_data);

typedef struct
{
  guint                   start_year;    /* first month, in WIB */
  guint                   start_month;   /* 1-12 */
  guint                   months;        /* at least 1 */
  guint32                 seed;
  guint                   scale;         /* complaints per ordinary service day; 0: the default */
  PdwHistoryProgressFunc  progress;      /* may be NULL */
  gpointer                progress_data;
  /* Unix s: stop the simulation here (e.g. now, for the demo) instead of at
   * the end of the last month; files open then stay open.  0: no limit. */
  gint64                  until;
  /* Share of files consolidated after their due time; 0: the default 3%. */
  double                  late_share;
  /* Checked between steps: a cancelled run stops with G_IO_ERROR_CANCELLED
   * (what was committed stays).  May be NULL. */
  GCancellable           *cancellable;
  /* Citizens' photos are named "<this><id>.jpg" (WAHA's "/api/files/"),
   * or by a bare Cloud API media id when NULL. */
  const char             *media_files_path;
} PdwHistoryOptions;

/* January 2025, twelve months, seed 1, default scale. */
#define PDW_HISTORY_OPTIONS_INIT { 2025, 1, 12, 1, 0, NULL, NULL, 0, 0 }

typedef struct
{
  guint complaints;                  /* registered in this run */
  guint by_status[8];                /* indexed by PdwComplaintStatus, at the end */
  guint messages_in;
  guint messages_out;
  guint statuses;                    /* delivery statuses ingested */
  guint conversations;               /* new conversations */
  guint overdue;                     /* resolved after the due time, or still open past it at the end */
  guint overdue_open;                /* of those: still open at the end */
  guint referred;                    /* went to rujuk_biometrik at some point */
  guint rejected;                    /* ditolak */
  guint coordinated;                 /* handed to a division at some point */
  guint linked;                      /* conversations linked to another's open complaint */
  guint merged;                      /* conversations merged into another */
  guint events;                      /* control-card events written */
  guint surveys_asked;               /* closing messages that asked for a rating */
  guint survey_ratings;              /* of those: rated by the citizen's answer */
  gint64 first_time;                 /* the simulated period [first_time, end_time) */
  gint64 end_time;
} PdwHistoryReport;

/* Makes @opts end at @now (Unix s): the last of its months is the one
 * holding @now (in WIB) and the simulation stops at @now, so the files of
 * the last days are still in progress. */
void     pdw_history_options_end_at (PdwHistoryOptions       *opts,
                                     gint64                   now);

/* Fills @store.  Runs in batches (commit every ~500 complaints); on error
 * the batch in progress is rolled back and earlier ones stay.  Sets the
 * store's clock meanwhile and restores the real clock at the end. */
gboolean pdw_history_generate          (PdwStore                *store,
                                        const PdwHistoryOptions *opts,
                                        PdwHistoryReport        *report,
                                        GError                 **error);

G_END_DECLS
