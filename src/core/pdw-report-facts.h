/* pdw-report-facts.h: what the report is computed from.  The store reads
 * the facts of a span of time (pdw_store_read_report_facts()); the report
 * (pdw_report_build()) turns them into every figure without any further
 * I/O, so the computation is pure and testable on facts written by hand.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pdw-report.h"
#include "pdw-types.h"

G_BEGIN_DECLS

/* A control-card line, as far as the report needs it. */
typedef struct
{
  gint64      timestamp;
  const char *action;          /* interned in the facts' strings */
  const char *actor;           /* officer's name, interned */
  gboolean    has_to_status;
  PdwComplaintStatus to_status;
  /* "reopen" lines only: the first reply an officer wrote in the file's
   * conversation at or after the line (0: none yet). */
  gint64      reply_after;
} PdwReportEventFact;

/* A file.  Strings are interned in the facts' strings (NULL: not recorded). */
typedef struct
{
  gint64      id;
  const char *ticket;
  const char *complaint_type;  /* code */
  const char *institution;     /* code */
  const char *nik;             /* full: the report keeps only its region and a masked copy */
  gint64      created_at;      /* registration */
  /* The citizen's first message of the file (see the definitions), the
   * first reply an officer wrote after it, and the citizen's last message
   * at or before the registration; 0 when there is none. */
  gint64      first_inbound_at;
  gint64      first_reply_at;
  gint64      last_inbound_at;
  gint64      survey_asked_at; /* 0: not asked */
  int         survey_rating;   /* 1-4, 0: none */
  gint64      survey_rated_at;
  /* This file's lines: events[first_event .. first_event + n_events), in
   * card order. */
  guint       first_event;
  guint       n_events;
} PdwReportFileFact;

typedef struct
{
  /* Every file registered in the span, and every file registered before
   * it that was open at its start or has a closing or reopening line in
   * it or after it. */
  GArray       *files;               /* PdwReportFileFact */
  GArray       *events;              /* PdwReportEventFact */
  /* Conversations started (not merged into another) and citizens'
   * messages, times in the span, any order. */
  GArray       *conversation_starts; /* gint64 */
  GArray       *citizen_messages;    /* gint64 */
  /* Labels of the office's lists: code -> label (complaint types,
   * institutions). */
  GHashTable   *type_labels;
  GHashTable   *institution_labels;
  GStringChunk *strings;
  /* The span the facts cover: [start, end). */
  gint64        start;
  gint64        end;
} PdwReportFacts;

PdwReportFacts *pdw_report_facts_new        (gint64          start,
                                             gint64          end);
void            pdw_report_facts_free       (PdwReportFacts *facts);
/* A string kept as long as the facts (NULL stays NULL). */
const char     *pdw_report_facts_intern     (PdwReportFacts *facts,
                                             const char     *text);
/* Appends a file; its lines are the ones added after it until the next
 * file.  Returns the file, to be filled in (valid until the next add). */
PdwReportFileFact *pdw_report_facts_add_file (PdwReportFacts *facts,
                                             gint64          id,
                                             gint64          created_at);
/* Appends a line to the last file added. */
PdwReportEventFact *pdw_report_facts_add_event (PdwReportFacts *facts,
                                               gint64          timestamp,
                                               const char     *action,
                                               const char     *actor);

/* The span of facts a report of @period needs: the period, the previous
 * period (for the changes) and, for a month, January of its year (for the
 * rekapitulasi). */
void            pdw_report_facts_get_span   (const PdwReportPeriod *period,
                                             gint64                *start,
                                             gint64                *end);

/* Computes the report of @period from @facts (which must cover
 * pdw_report_facts_get_span()).  @calendar and @policy: how the 2x24-hour
 * promise is counted.  @now: the generation time; a period that has not
 * ended yet is measured up to @now. */
PdwReport      *pdw_report_build            (const PdwReportPeriod *period,
                                             const PdwReportFacts  *facts,
                                             PdwServiceCalendar    *calendar,
                                             const PdwSlaPolicy    *policy,
                                             gint64                 now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwReportFacts, pdw_report_facts_free)

G_END_DECLS
