/* pdw-history-private.h: what pdw-history.c (the days and the run) and
 * pdw-history-plan.c (the course of each case) share.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pdw-history.h"
#include "pdw-synthetic.h"

G_BEGIN_DECLS

#define MINUTE          ((gint64) 60)
#define HOUR            ((gint64) 3600)
#define DAY             ((gint64) 86400)
#define SLA_HOURS       48

typedef enum
{
  WHO_CITIZEN,
  WHO_RELATIVE,
  WHO_SECOND_NUMBER,
  N_WHO
} Who;

typedef enum
{
  STEP_IN_TEXT,      /* arg: PdwSyntheticCitizenText; flag: with identity */
  STEP_IN_IMAGE,
  STEP_OUT_TEXT,     /* arg: PdwSyntheticOfficerText */
  STEP_OUT_TEMPLATE, /* name: template */
  STEP_AUTO_REPLY,
  STEP_STATUS,       /* arg: PdwDeliveryStatus; out: which outgoing message */
  STEP_REGISTER,
  STEP_ACTION,       /* name: action; note, party */
  STEP_MERGE,
  STEP_READ,         /* an officer opens the conversation and reads it */
  STEP_IN_RATING,    /* the answer to the survey: arg: rating 1-4; flag: how it is written */
} StepKind;

typedef struct
{
  gint64      t;
  guint8      kind;
  guint8      who;
  guint8      flag;
  guint8      actor;      /* index in officers[] */
  guint16     arg;
  guint16     out;
  guint16     seq;        /* planning order, for ties */
  const char *name;
  const char *note;
  const char *party;
} Step;

typedef enum
{
  OUTCOME_INQUIRY,        /* a question only: no complaint */
  OUTCOME_DONE,
  OUTCOME_LATE,           /* the ADB officer gets to it after the promise */
  OUTCOME_COORDINATION,
  OUTCOME_NOT_FOUND,
  OUTCOME_DUPLICATE,      /* ADB finds a duplicate record: biometric check */
  OUTCOME_REFERRED,       /* FO refers a "data ganda" complaint at once */
  OUTCOME_REJECTED,       /* registered elsewhere */
} Outcome;

typedef struct
{
  guint               index;
  Outcome             outcome;
  PdwSyntheticPerson *person;
  PdwSyntheticPerson *relative;     /* WHO_RELATIVE's phone and name */
  PdwSyntheticPerson *second;       /* WHO_SECOND_NUMBER: same citizen, other phone */
  const char         *type;
  const char         *institution;
  const char         *reject_reason;
  GArray             *steps;        /* Step, by time */
  guint               next;
  guint               n_out;
  GPtrArray          *out_wamids;   /* by out index */
  gint64              conversation[N_WHO];
  gint64              complaint_id;
  char               *ticket;
  gint64              due_at;
  PdwComplaintStatus  status;
  gboolean            registered;
  gboolean            referred;
  gboolean            coordinated;
  gboolean            abandoned;    /* registration found another open file */
  gint64              closed_at;
} Case;

typedef struct
{
  const char     *name;
  const char     *nip;
  const char     *initials;
  PdwOfficerRole  role;
} Officer;

#define N_FO  4
#define N_ADB 2
#define N_ELSEWHERE_DISTRICTS 6

/* The office's staff: N_FO front-office officers, then N_ADB ADB officers. */
extern const Officer     _pdw_history_officers[N_FO + N_ADB];
/* Districts outside Pekanbaru for files that belong to another office. */
extern const char *const _pdw_history_elsewhere_districts[N_ELSEWHERE_DISTRICTS];

typedef struct
{
  PdwStore           *store;
  PdwSynthetic       *synth;
  GRand              *rand;
  /* The survey answers' own draws, so that the rest of a seed's history
   * stays as it was before the survey. */
  GRand              *survey_rand;
  PdwServiceCalendar *calendar;
  GTimeZone          *tz;
  const PdwHistoryOptions *opts;
  PdwHistoryReport   *report;

  gint64              now;
  gint64              start;
  gint64              end;
  gint64              next_day;
  guint               scale;
  char               *wamid_prefix;
  guint64             wamid_counter;
  guint               next_phone;
  guint               next_case;
  GHashTable         *niks;          /* used in this run */
  GPtrArray          *heap;          /* Case, by next step time */
  char               *templates[6];
  char               *reject_reasons[N_ELSEWHERE_DISTRICTS];
  guint               since_commit;
} History;

/* A case arriving at @arrival with its whole course planned (steps
 * sorted by time); an inquiry never becomes a complaint. */
Case    *_pdw_history_plan_case (History  *h,
                                 gint64    arrival,
                                 gboolean  inquiry);
/* From @low to @high, both included. */
gint64   _pdw_history_uniform   (History  *h,
                                 gint64    low,
                                 gint64    high);

G_END_DECLS
