/* pdw-history.c
 *
 * A small discrete-event simulation.  Citizens arrive day by day (busy
 * after weekends, quiet on Fridays, some at night); each arrival becomes a
 * "case" whose whole course is planned up front: messages, the officer's
 * replies, the SOP actions, delivery statuses, each at a time that
 * respects the service calendar (officers act only while the office is
 * open; citizens write whenever they like).  The cases' next steps wait in
 * a heap and run in time order, with the store's clock set to the step's
 * time, so every row the store writes carries simulated time only.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/pdw-region.h"
#include "core/pdw-reply-rules.h"
#include "core/pdw-synthetic.h"
#include "core/pdw-template.h"
#include "core/pdw-workflow.h"
#include "pdw-history.h"

#define MINUTE          ((gint64) 60)
#define HOUR            ((gint64) 3600)
#define DAY             ((gint64) 86400)
#define DEFAULT_LATE_SHARE 0.03
#define BATCH_SIZE      500
#define SLA_HOURS       48
#define SOURCE          "generate"
#define PHONE_NUMBER_ID "100000000000001"

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

/* Synthetic staff: combinations of common names, 18-digit NIPs in the
 * civil-servant layout (birth date, appointment month, sex, serial). */
static const Officer officers[] = {
  { "Rina Marlina, S.Kom",   "198803142014032001", "RM", PDW_OFFICER_ROLE_FO },
  { "Hendra Saputra",        "199001052015031002", "HS", PDW_OFFICER_ROLE_FO },
  { "Nurul Aini, A.Md",      "199207222019032003", "NA", PDW_OFFICER_ROLE_FO },
  { "Fadli Rahman",          "198912302020121004", "FR", PDW_OFFICER_ROLE_FO },
  { "Yuliana Siregar, S.T",  "198505172010012005", "YS", PDW_OFFICER_ROLE_ADB },
  { "Taufik Hidayat, S.Kom", "198711092011011006", "TH", PDW_OFFICER_ROLE_ADB },
};
#define N_FO  4
#define N_ADB 2

static const char * const divisions[] = {
  "Bidang PIAK", "Bidang Pendaftaran Penduduk", "Bidang Pencatatan Sipil", "Bidang PDIP",
};

/* Districts outside Pekanbaru for files that belong to another office. */
static const char * const elsewhere_districts[] = {
  "140601", "140801", "140301", "140501", "137101", "127101",
};

typedef struct
{
  PdwStore           *store;
  PdwSynthetic       *synth;
  GRand              *rand;
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
  char               *templates[5];
  char               *reject_reasons[G_N_ELEMENTS (elsewhere_districts)];
  guint               since_commit;
} History;

static const char * const template_names[] = {
  PDW_TEMPLATE_STANDARD_REPLY, PDW_TEMPLATE_CLOSING, PDW_TEMPLATE_OUT_OF_HOURS,
  PDW_TEMPLATE_BIOMETRIC_REFERRAL, PDW_TEMPLATE_REJECTION,
};

G_STATIC_ASSERT (G_N_ELEMENTS (template_names) == 5);

static void
case_free (Case *c)
{
  pdw_synthetic_person_free (c->person);
  pdw_synthetic_person_free (c->relative);
  pdw_synthetic_person_free (c->second);
  g_clear_pointer (&c->steps, g_array_unref);
  g_clear_pointer (&c->out_wamids, g_ptr_array_unref);
  g_free (c->ticket);
  g_free (c);
}

static gint64
history_clock (gpointer user_data)
{
  History *h = user_data;

  return h->now;
}

/* ---- Random helpers ------------------------------------------------------ */

static gint64
uniform (History *h,
         gint64   low,
         gint64   high)
{
  if (high <= low)
    return low;

  return low + (gint64) (g_rand_double (h->rand) * (double) (high - low));
}

static gboolean
chance (History *h,
        double   p)
{
  return g_rand_double (h->rand) < p;
}

/* When an officer gets to something that happened at @t: the next opening,
 * then @low..@high seconds of other work, always inside service hours. */
static gint64
office_time (History *h,
             gint64   t,
             gint64   low,
             gint64   high)
{
  gint64 at = pdw_service_calendar_next_opening (h->calendar, t);

  if (at < 0)
    return G_MAXINT64 / 2;

  at += uniform (h, low, high);
  while (!pdw_service_calendar_is_open (h->calendar, at))
    {
      at = pdw_service_calendar_next_opening (h->calendar, at);
      if (at < 0)
        return G_MAXINT64 / 2;
      at += uniform (h, MINUTE, 30 * MINUTE);
    }

  return at;
}

/* ---- Planning ------------------------------------------------------------ */

typedef struct
{
  History *h;
  Case    *c;
  gint64   t;            /* time of the last planned step */
  gint64   last_auto;    /* last automatic reply to the citizen's conversation */
  guint    fo;
} Plan;

static gboolean
step_is_officers (StepKind kind)
{
  return kind == STEP_OUT_TEXT || kind == STEP_OUT_TEMPLATE || kind == STEP_REGISTER ||
         kind == STEP_ACTION || kind == STEP_MERGE;
}

static Step *
plan_add (Plan     *p,
          gint64    t,
          StepKind  kind)
{
  Step step = { 0 };

  /* Steps of one case keep their order even when drawn times tie. */
  if (t <= p->t)
    t = p->t + 1;

  /* Officers act while the office is open: a step that a short delay
   * pushed past closing time waits for the next opening. */
  if (step_is_officers (kind) && !pdw_service_calendar_is_open (p->h->calendar, t))
    {
      gint64 opening = pdw_service_calendar_next_opening (p->h->calendar, t);

      t = opening >= 0 ? opening + uniform (p->h, MINUTE, 10 * MINUTE) : G_MAXINT64 / 2;
    }
  p->t = MAX (p->t, t);

  step.t = t;
  step.kind = kind;
  step.actor = p->fo;
  step.seq = p->c->steps->len;
  g_array_append_val (p->c->steps, step);
  return &g_array_index (p->c->steps, Step, p->c->steps->len - 1);
}

static void
plan_statuses (Plan   *p,
               gint64  sent_at,
               guint16 out,
               Who     who)
{
  Step *s;
  gint64 delivered;

  s = plan_add (p, sent_at + uniform (p->h, 1, 4), STEP_STATUS);
  s->arg = PDW_DELIVERY_SENT;
  s->out = out;
  s->who = who;

  if (!chance (p->h, 0.97))
    return;

  delivered = sent_at + uniform (p->h, 2, 90);
  s = plan_add (p, delivered, STEP_STATUS);
  s->arg = PDW_DELIVERY_DELIVERED;
  s->out = out;
  s->who = who;

  if (!chance (p->h, 0.86))
    return;

  s = plan_add (p, delivered + uniform (p->h, 20, 3 * HOUR), STEP_STATUS);
  s->arg = PDW_DELIVERY_READ;
  s->out = out;
  s->who = who;
}

/* An outgoing message and its statuses.  The statuses may come after
 * later steps of the conversation: the whole plan is sorted at the end. */
static void
plan_out (Plan       *p,
          gint64      t,
          StepKind    kind,
          guint16     arg,
          const char *name,
          Who         who)
{
  Step *s = plan_add (p, t, kind);
  guint16 out = p->c->n_out++;
  gint64 sent_at = s->t;
  gint64 keep = p->t;

  s->arg = arg;
  s->name = name;
  s->out = out;
  s->who = who;
  plan_statuses (p, sent_at, out, who);
  /* The conversation goes on while the ticks arrive. */
  p->t = keep;
}

static void
plan_in (Plan                    *p,
         gint64                   t,
         PdwSyntheticCitizenText  text,
         gboolean                 with_identity,
         Who                      who)
{
  Step *s = plan_add (p, t, STEP_IN_TEXT);

  s->arg = text;
  s->flag = with_identity;
  s->who = who;
  t = s->t;

  if (who == WHO_CITIZEN &&
      pdw_auto_reply_should_send (p->h->calendar, t, p->last_auto))
    {
      p->last_auto = t + 2;
      plan_out (p, t + 2, STEP_AUTO_REPLY, 0, NULL, WHO_CITIZEN);
    }
}

static Step *
plan_action (Plan       *p,
             gint64      t,
             const char *action,
             guint       actor)
{
  Step *s = plan_add (p, t, STEP_ACTION);

  s->name = action;
  s->actor = actor;
  return s;
}

static guint
pick_adb (History *h)
{
  return N_FO + g_rand_int_range (h->rand, 0, N_ADB);
}

/* From the standard reply to the end: the ADB officer's outcome, a
 * division now and then, the closing message.  Returns the time the file
 * closed, or 0 when it stays open (waiting for the citizen). */
static void
plan_after_standard_reply (Plan   *p,
                           gint64  t_std)
{
  History *h = p->h;
  Case *c = p->c;
  gint64 due = t_std + SLA_HOURS * HOUR;
  gint64 t;
  Step *s;

  if (chance (h, 0.6))
    plan_in (p, t_std + uniform (h, MINUTE, 2 * HOUR), PDW_SYNTHETIC_ACKNOWLEDGE, FALSE, WHO_CITIZEN);

  if (chance (h, 0.05))
    {
      guint other = (p->fo + 1 + g_rand_int_range (h->rand, 0, N_FO - 1)) % N_FO;

      s = plan_action (p, office_time (h, p->t, 10 * MINUTE, 3 * HOUR), "hand_over", p->fo);
      s->party = officers[other].name;
      s->note = "Pergantian petugas jaga";
      p->fo = other;
    }

  switch (c->outcome)
    {
    case OUTCOME_LATE:
      t = office_time (h, due + uniform (h, 30 * MINUTE, 3 * DAY), 0, 2 * HOUR);
      if (chance (h, 0.8))
        {
          gint64 f = due + uniform (h, 30 * MINUTE, 8 * HOUR);

          if (f < t - 10 * MINUTE)
            {
              plan_in (p, f, PDW_SYNTHETIC_FOLLOW_UP, FALSE, WHO_CITIZEN);
              plan_out (p, office_time (h, f, 5 * MINUTE, 90 * MINUTE), STEP_OUT_TEXT,
                        PDW_SYNTHETIC_PLEASE_WAIT, NULL, WHO_CITIZEN);
            }
        }
      plan_action (p, t, "consolidation_done", pick_adb (h));
      break;

    case OUTCOME_COORDINATION:
    case OUTCOME_NOT_FOUND:
      if (c->outcome == OUTCOME_NOT_FOUND)
        {
          s = plan_action (p, office_time (h, p->t, 20 * MINUTE, 5 * HOUR),
                           "consolidation_not_found", pick_adb (h));
          s->note = "NIK tidak ditemukan di database SIAK";
        }
      s = plan_action (p, office_time (h, p->t, 10 * MINUTE, 3 * HOUR), "coordinate", p->fo);
      s->party = c->outcome == OUTCOME_NOT_FOUND ? divisions[0]
                                                 : divisions[g_rand_int_range (h->rand, 0, G_N_ELEMENTS (divisions))];
      s->note = "Mohon pengecekan dan perbaikan data";
      t = office_time (h, p->t + uniform (h, 2 * HOUR, 40 * HOUR), 0, 3 * HOUR);
      if (chance (h, 0.5) && t - p->t > DAY)
        {
          gint64 f = p->t + uniform (h, 20 * HOUR, t - p->t);

          if (f < t - 10 * MINUTE)
            {
              plan_in (p, f, PDW_SYNTHETIC_FOLLOW_UP, FALSE, WHO_CITIZEN);
              plan_out (p, office_time (h, f, 5 * MINUTE, 90 * MINUTE), STEP_OUT_TEXT,
                        PDW_SYNTHETIC_PLEASE_WAIT, NULL, WHO_CITIZEN);
            }
        }
      s = plan_action (p, t, "return_from_coordination", p->fo);
      s->note = "Data sudah diperbaiki oleh bidang";
      plan_action (p, office_time (h, p->t, 10 * MINUTE, 4 * HOUR), "consolidation_done", pick_adb (h));
      break;

    case OUTCOME_DUPLICATE:
      plan_action (p, office_time (h, p->t, 20 * MINUTE, 5 * HOUR), "consolidation_duplicate", pick_adb (h));
      plan_out (p, p->t + uniform (h, MINUTE, 10 * MINUTE), STEP_OUT_TEMPLATE, 0,
                PDW_TEMPLATE_BIOMETRIC_REFERRAL, WHO_CITIZEN);
      break;

    default:
      if (chance (h, 0.3))
        {
          gint64 f = p->t + uniform (h, 3 * HOUR, 30 * HOUR);

          plan_in (p, f, PDW_SYNTHETIC_FOLLOW_UP, FALSE, WHO_CITIZEN);
          plan_out (p, office_time (h, f, 5 * MINUTE, 90 * MINUTE), STEP_OUT_TEXT,
                    PDW_SYNTHETIC_PLEASE_WAIT, NULL, WHO_CITIZEN);
        }
      /* The ADB officer works the list the same day as a rule. */
      plan_action (p, office_time (h, p->t, 10 * MINUTE, 2 * HOUR), "consolidation_done", pick_adb (h));
      break;
    }
}

/* Returns the time the file is resolved. */
static gint64
plan_closing (Plan       *p,
              gint64      t,
              const char *note)
{
  History *h = p->h;
  Step *s = plan_action (p, t, "resolve", p->fo);
  gint64 resolved = s->t;

  s->note = note;
  plan_out (p, p->t + uniform (h, 20, 5 * MINUTE), STEP_OUT_TEMPLATE, 0, PDW_TEMPLATE_CLOSING, WHO_CITIZEN);
  if (chance (h, 0.65))
    {
      gint64 thanks = p->t + uniform (h, 2 * MINUTE, 8 * HOUR);

      plan_in (p, thanks, PDW_SYNTHETIC_THANKS, FALSE, WHO_CITIZEN);
      if (chance (h, 0.25))
        plan_out (p, office_time (h, thanks, MINUTE, HOUR), STEP_OUT_TEXT,
                  PDW_SYNTHETIC_YOU_ARE_WELCOME, NULL, WHO_CITIZEN);
    }

  return resolved;
}

static void
plan_extras (Plan   *p,
             gint64  from,
             gint64  until)
{
  History *h = p->h;
  Case *c = p->c;
  Step *s;

  /* These happen alongside the main conversation, not after it. */
  p->t = from;

  /* A relative writes about the same NIK from another number while the
   * file is open: ingestion links the conversation to it. */
  if (c->relative != NULL && until - from > 2 * HOUR)
    {
      gint64 t = from + uniform (h, HOUR, until - from - HOUR);

      s = plan_add (p, t, STEP_IN_TEXT);
      s->arg = PDW_SYNTHETIC_RELATIVE;
      s->who = WHO_RELATIVE;
      plan_out (p, office_time (h, t, 5 * MINUTE, 2 * HOUR), STEP_OUT_TEXT,
                PDW_SYNTHETIC_RELATIVE_ANSWER, NULL, WHO_RELATIVE);
    }
  else
    g_clear_pointer (&c->relative, pdw_synthetic_person_free);

  /* The same citizen from a second number: the officer merges the two. */
  if (c->second != NULL)
    {
      gint64 t = from + uniform (h, HOUR, 20 * HOUR);

      s = plan_add (p, t, STEP_IN_TEXT);
      s->arg = PDW_SYNTHETIC_OTHER_NUMBER;
      s->who = WHO_SECOND_NUMBER;
      plan_add (p, office_time (h, t, 5 * MINUTE, 2 * HOUR), STEP_MERGE);
    }
}

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const Step *x = a;
  const Step *y = b;

  if (x->t != y->t)
    return (x->t > y->t) - (x->t < y->t);
  return (int) x->seq - (int) y->seq;
}

static void
plan_complaint (Plan *p)
{
  History *h = p->h;
  Case *c = p->c;
  gboolean with_id = chance (h, 0.62);
  gint64 t = p->t;
  gint64 r, t_std, extras_from, until;
  Step *s;

  if (chance (h, 0.55))
    {
      plan_in (p, t, PDW_SYNTHETIC_GREETING, FALSE, WHO_CITIZEN);
      t = p->t + uniform (h, 10, 3 * MINUTE);
    }
  plan_in (p, t, PDW_SYNTHETIC_COMPLAINT, with_id, WHO_CITIZEN);
  if (chance (h, 0.12))
    {
      s = plan_add (p, p->t + uniform (h, 20, 5 * MINUTE), STEP_IN_IMAGE);
      s->arg = PDW_SYNTHETIC_PHOTO_CAPTION;
    }

  r = office_time (h, p->t, 2 * MINUTE, 90 * MINUTE);
  if (!with_id)
    {
      gint64 answer;

      plan_out (p, r, STEP_OUT_TEXT, PDW_SYNTHETIC_ASK_DATA, NULL, WHO_CITIZEN);
      answer = p->t + uniform (h, 2 * MINUTE, 5 * HOUR);
      plan_in (p, answer, PDW_SYNTHETIC_IDENTITY, TRUE, WHO_CITIZEN);
      r = office_time (h, p->t, 2 * MINUTE, HOUR);
    }
  if (chance (h, 0.5))
    plan_out (p, r, STEP_OUT_TEXT, PDW_SYNTHETIC_RECEIVED, NULL, WHO_CITIZEN);

  plan_add (p, MAX (r, p->t) + uniform (h, 30, 3 * MINUTE), STEP_REGISTER);

  if (c->outcome == OUTCOME_REJECTED)
    {
      s = plan_action (p, p->t + uniform (h, MINUTE, 10 * MINUTE), "reject", p->fo);
      s->note = c->reject_reason;
      plan_out (p, p->t + uniform (h, 20, 3 * MINUTE), STEP_OUT_TEMPLATE, 0,
                PDW_TEMPLATE_REJECTION, WHO_CITIZEN);
      if (chance (h, 0.4))
        plan_in (p, p->t + uniform (h, MINUTE, 3 * HOUR), PDW_SYNTHETIC_ACKNOWLEDGE, FALSE, WHO_CITIZEN);
      g_clear_pointer (&c->relative, pdw_synthetic_person_free);
      g_clear_pointer (&c->second, pdw_synthetic_person_free);
      return;
    }

  extras_from = p->t;

  if (c->outcome == OUTCOME_REFERRED)
    {
      plan_action (p, p->t + uniform (h, MINUTE, 5 * MINUTE), "refer_biometric", p->fo);
      plan_out (p, p->t + uniform (h, 20, 3 * MINUTE), STEP_OUT_TEMPLATE, 0,
                PDW_TEMPLATE_BIOMETRIC_REFERRAL, WHO_CITIZEN);
    }
  else
    {
      plan_action (p, p->t + uniform (h, 30, 3 * MINUTE), "add_to_consolidation", p->fo);
      plan_action (p, p->t + uniform (h, 30, 2 * MINUTE), "send_standard_reply", p->fo);
      t_std = p->t;
      plan_out (p, t_std + uniform (h, 5, 40), STEP_OUT_TEMPLATE, 0,
                PDW_TEMPLATE_STANDARD_REPLY, WHO_CITIZEN);
      plan_after_standard_reply (p, t_std);
    }

  if (c->outcome == OUTCOME_DUPLICATE || c->outcome == OUTCOME_REFERRED)
    {
      /* Most come to the office for the biometric check; some never do. */
      if (chance (h, 0.75))
        until = plan_closing (p, office_time (h, p->t + uniform (h, DAY, 12 * DAY), 0, 6 * HOUR),
                              "Perekaman biometrik selesai di kantor");
      else
        until = p->t + 5 * DAY;
    }
  else
    until = plan_closing (p, office_time (h, p->t, 5 * MINUTE, 90 * MINUTE), NULL);

  plan_extras (p, extras_from, until);
}

static void
plan_inquiry (Plan *p)
{
  History *h = p->h;
  gint64 r;

  plan_in (p, p->t, PDW_SYNTHETIC_INQUIRY, FALSE, WHO_CITIZEN);
  r = office_time (h, p->t, 5 * MINUTE, 3 * HOUR);
  plan_out (p, r, STEP_OUT_TEXT, PDW_SYNTHETIC_INQUIRY_ANSWER, NULL, WHO_CITIZEN);
  if (chance (h, 0.5))
    plan_in (p, p->t + uniform (h, MINUTE, 2 * HOUR), PDW_SYNTHETIC_ACKNOWLEDGE, FALSE, WHO_CITIZEN);
}

static Outcome
draw_outcome (History    *h,
              const char *type)
{
  double x = g_rand_double (h->rand);

  if (g_strcmp0 (type, "data_ganda") == 0 && x < 0.5)
    return OUTCOME_REFERRED;

  /* Files the ADB officer reaches after the promise ran out. */
  x = g_rand_double (h->rand);
  if (x < (h->opts->late_share > 0 ? h->opts->late_share : DEFAULT_LATE_SHARE))
    return OUTCOME_LATE;

  x = g_rand_double (h->rand);
  if (x < 0.03)
    return OUTCOME_REJECTED;
  if (x < 0.08)
    return OUTCOME_DUPLICATE;
  if (x < 0.12)
    return OUTCOME_NOT_FOUND;
  if (x < 0.20)
    return OUTCOME_COORDINATION;
  return OUTCOME_DONE;
}

static const char *
draw_weighted (History            *h,
               const char * const *codes,
               const guint        *weights,
               guint               n)
{
  guint total = 0, x;

  for (guint i = 0; i < n; i++)
    total += weights[i];

  x = g_rand_int_range (h->rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (x < weights[i])
        return codes[i];
      x -= weights[i];
    }

  return codes[n - 1];
}

static PdwSyntheticPerson *
new_person (History    *h,
            const char *district)
{
  for (;;)
    {
      PdwSyntheticPerson *person = pdw_synthetic_person_new (h->synth, district, h->next_phone++);

      /* One NIK, one citizen, within a run. */
      if (!g_hash_table_contains (h->niks, person->nik))
        {
          g_hash_table_add (h->niks, g_strdup (person->nik));
          return person;
        }
      pdw_synthetic_person_free (person);
    }
}

static Case *
plan_case (History  *h,
           gint64    arrival,
           gboolean  inquiry)
{
  static const char * const types[] = {
    "nik_tidak_aktif", "data_tidak_sesuai", "sinkronisasi", "data_ganda", "lainnya",
  };
  static const guint type_weights[] = { 55, 15, 15, 8, 7 };
  static const char * const institutions[] = {
    "bank", "bpjs_kesehatan", "operator_seluler", "bpjs_ketenagakerjaan", "faskes",
    "sekolah", "pajak", "lainnya",
  };
  static const guint institution_weights[] = { 30, 22, 15, 10, 8, 5, 4, 6 };
  Case *c = g_new0 (Case, 1);
  Plan p = { h, c, arrival - 1, 0, 0 };
  const char *district = NULL;

  c->index = h->next_case++;
  c->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  c->out_wamids = g_ptr_array_new_with_free_func (g_free);
  p.fo = g_rand_int_range (h->rand, 0, N_FO);

  if (inquiry)
    {
      c->outcome = OUTCOME_INQUIRY;
      c->person = new_person (h, NULL);
      plan_inquiry (&p);
      return c;
    }

  c->type = draw_weighted (h, types, type_weights, G_N_ELEMENTS (types));
  c->institution = draw_weighted (h, institutions, institution_weights, G_N_ELEMENTS (institutions));
  c->outcome = draw_outcome (h, c->type);
  if (c->outcome == OUTCOME_REJECTED)
    {
      guint i = g_rand_int_range (h->rand, 0, G_N_ELEMENTS (elsewhere_districts));

      district = elsewhere_districts[i];
      c->reject_reason = h->reject_reasons[i];
    }
  c->person = new_person (h, district);
  if (chance (h, 0.02))
    {
      c->relative = new_person (h, NULL);
      /* The relative writes about the citizen's NIK, under their own name. */
    }
  if (chance (h, 0.008))
    {
      c->second = pdw_synthetic_person_new (h->synth, NULL, h->next_phone++);
      g_free (c->second->name);
      c->second->name = g_strdup (c->person->name);
    }

  plan_complaint (&p);
  g_array_sort (c->steps, compare_steps);
  return c;
}

/* ---- The heap of cases ----------------------------------------------------- */

static gboolean
case_before (Case *a,
             Case *b)
{
  gint64 ta = g_array_index (a->steps, Step, a->next).t;
  gint64 tb = g_array_index (b->steps, Step, b->next).t;

  return ta < tb || (ta == tb && a->index < b->index);
}

static void
heap_push (GPtrArray *heap,
           Case      *c)
{
  guint i = heap->len;

  g_ptr_array_add (heap, c);
  while (i > 0)
    {
      guint parent = (i - 1) / 2;

      if (!case_before (heap->pdata[i], heap->pdata[parent]))
        break;
      heap->pdata[i] = heap->pdata[parent];
      heap->pdata[parent] = c;
      i = parent;
    }
}

static Case *
heap_pop (GPtrArray *heap)
{
  Case *top = heap->pdata[0];
  Case *last = g_ptr_array_steal_index (heap, heap->len - 1);
  guint i = 0;

  if (heap->len == 0)
    return top;

  heap->pdata[0] = last;
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;

      if (l < heap->len && case_before (heap->pdata[l], heap->pdata[m]))
        m = l;
      if (r < heap->len && case_before (heap->pdata[r], heap->pdata[m]))
        m = r;
      if (m == i)
        break;
      heap->pdata[i] = heap->pdata[m];
      heap->pdata[m] = last;
      i = m;
    }

  return top;
}

static gint64
heap_next_time (GPtrArray *heap)
{
  Case *c;

  if (heap->len == 0)
    return G_MAXINT64;

  c = heap->pdata[0];
  return g_array_index (c->steps, Step, c->next).t;
}

/* ---- Arrivals ------------------------------------------------------------- */

/* Share of a day's messages per hour (WIB): most in office hours, some in
 * the evening, a few at night. */
static const guint hour_weights[24] = {
  2, 1, 1, 1, 2, 3, 5, 12, 30, 30, 30, 28, 20, 28, 28, 26, 16, 12, 12, 15, 15, 14, 8, 4,
};

static double
day_weight (History    *h,
            GDateTime  *day)
{
  /* Monday to Sunday: people write after the weekend, little on Fridays
   * (prayers) and weekends.  Registrations follow: the office opens on
   * Monday to the whole weekend's messages. */
  static const double weekday_weights[7] = { 1.25, 1.0, 1.0, 0.95, 0.72, 0.38, 0.32 };
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day),
                  g_date_time_get_month (day), g_date_time_get_year (day));

  if (pdw_service_calendar_get_holiday (h->calendar, &date) != NULL &&
      g_date_time_get_day_of_week (day) <= 5)
    return 0.4;

  return weekday_weights[g_date_time_get_day_of_week (day) - 1];
}

static gint64
draw_time_of_day (History *h,
                  gint64   day_start)
{
  guint total = 0, x, hour = 0;

  for (guint i = 0; i < 24; i++)
    total += hour_weights[i];

  x = g_rand_int_range (h->rand, 0, total);
  while (x >= hour_weights[hour])
    x -= hour_weights[hour++];

  return day_start + hour * HOUR + uniform (h, 0, HOUR - 1);
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
plan_day (History *h,
          gint64   day_start)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (day_start);
  g_autoptr(GDateTime) day = g_date_time_to_timezone (utc, h->tz);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  double mean;
  guint n, n_inquiries;

  /* Complaints arriving this day: the registrations of an ordinary service
   * day come to about scale (its own day plus the evening before). */
  mean = h->scale * 0.95 * day_weight (h, day);
  n = (guint) (mean * (0.85 + 0.3 * g_rand_double (h->rand)) + 0.5);
  n_inquiries = (guint) (n * 0.7 + 0.5);

  for (guint i = 0; i < n + n_inquiries; i++)
    {
      gint64 t = draw_time_of_day (h, day_start);

      g_array_append_val (times, t);
    }
  g_array_sort (times, compare_times);

  for (guint i = 0; i < times->len; i++)
    {
      gint64 t = g_array_index (times, gint64, i);
      /* Which arrivals are inquiries is drawn apart from the times. */
      gboolean inquiry = g_rand_int_range (h->rand, 0, n + n_inquiries) < n_inquiries;
      Case *c = plan_case (h, t, inquiry);

      heap_push (h->heap, c);
    }
}

/* ---- Executing steps ------------------------------------------------------- */

static char *
json_escape (const char *text)
{
  GString *s = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (s, "\\\""); break;
        case '\\': g_string_append (s, "\\\\"); break;
        case '\n': g_string_append (s, "\\n"); break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (s, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (s, *p);
        }
    }

  return g_string_free (s, FALSE);
}

static char *
next_wamid (History *h)
{
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT, h->wamid_prefix, ++h->wamid_counter);
}

static PdwSyntheticPerson *
case_who (Case *c,
          Who   who)
{
  switch (who)
    {
    case WHO_RELATIVE:      return c->relative;
    case WHO_SECOND_NUMBER: return c->second;
    case WHO_CITIZEN:
    case N_WHO:
    default:                return c->person;
    }
}

static gboolean
learn_conversation (History   *h,
                    Case      *c,
                    Who        who,
                    GError   **error)
{
  const PdwSyntheticPerson *person = case_who (c, who);
  gint64 id;

  if (c->conversation[who] != 0)
    return TRUE;

  id = pdw_store_find_conversation_by_wa_id (h->store, person->phone, error);
  if (id < 0)
    return FALSE;
  if (id == 0)
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_FAILED,
                   "history: the message of %s did not open a conversation", person->phone);
      return FALSE;
    }

  c->conversation[who] = id;
  h->report->conversations++;
  return TRUE;
}

static gboolean
link_relative (History  *h,
               Case     *c,
               GError  **error)
{
  g_autoptr(PdwComplaint) linked = NULL;
  g_autoptr(PdwComplaint) done = NULL;
  PdwActor actor = { officers[0].name, officers[0].nip, officers[0].initials };

  if (c->complaint_id == 0 || pdw_workflow_status_is_final (c->status))
    return TRUE;

  linked = pdw_store_dup_conversation_complaint (h->store, c->conversation[WHO_RELATIVE], error);
  if (linked == NULL && error != NULL && *error != NULL)
    return FALSE;

  if (linked != NULL && pdw_complaint_get_id (linked) == c->complaint_id)
    {
      h->report->linked++;
      return TRUE;
    }

  /* Ingestion did not link it: the officer does, as the desk offers. */
  done = pdw_store_link_conversation (h->store, c->conversation[WHO_RELATIVE], c->complaint_id,
                                      &actor, error);
  if (done == NULL)
    return FALSE;

  h->report->linked++;
  h->report->events++;
  return TRUE;
}

static gboolean
run_in (History     *h,
        Case        *c,
        const Step  *s,
        GError     **error)
{
  g_autoptr(PdwInboundMessage) msg = pdw_inbound_message_new ();
  g_autoptr(GPtrArray) messages = g_ptr_array_new ();
  g_autoptr(GBytes) body = NULL;
  g_autofree char *escaped = NULL;
  PdwSyntheticPerson *person = case_who (c, s->who);
  const PdwSyntheticPerson *about = s->who == WHO_RELATIVE ? c->person : person;
  char *data;

  msg->wamid = next_wamid (h);
  msg->wa_id = g_strdup (person->phone);
  msg->profile_name = g_strdup (person->name);
  msg->phone_number_id = g_strdup (PHONE_NUMBER_ID);
  msg->timestamp = s->t;
  msg->type = g_strdup (s->kind == STEP_IN_IMAGE ? "image" : "text");
  msg->text = pdw_synthetic_citizen_text (h->synth, s->arg, about, c->institution, s->flag);
  if (s->kind == STEP_IN_IMAGE)
    {
      msg->media_id = g_strdup_printf ("%" G_GUINT64_FORMAT, 900000000000000 + h->wamid_counter);
      msg->media_mime_type = g_strdup ("image/jpeg");
    }

  escaped = json_escape (msg->text);
  data = g_strdup_printf (
    "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":"
    "{\"metadata\":{\"phone_number_id\":\"%s\"},\"contacts\":[{\"wa_id\":\"%s\"}],"
    "\"messages\":[{\"from\":\"%s\",\"id\":\"%s\",\"timestamp\":\"%" G_GINT64_FORMAT "\","
    "\"type\":\"%s\",\"text\":{\"body\":\"%s\"}}]},\"field\":\"messages\"}]}]}",
    PHONE_NUMBER_ID, msg->wa_id, msg->wa_id, msg->wamid, msg->timestamp, msg->type, escaped);
  body = g_bytes_new_take (data, strlen (data));

  g_ptr_array_add (messages, msg);
  if (!pdw_store_ingest_webhook (h->store, SOURCE, body, messages, NULL, NULL, error))
    return FALSE;

  h->report->messages_in++;
  if (!learn_conversation (h, c, s->who, error))
    return FALSE;

  if (s->who == WHO_RELATIVE)
    return link_relative (h, c, error);

  return TRUE;
}

static char *
render_template (History    *h,
                 Case       *c,
                 const char *name,
                 const Step *s)
{
  PdwTemplateVars vars = PDW_TEMPLATE_VARS_INIT;

  vars.nama = c->person->name;
  vars.nik = c->person->nik;
  vars.tiket = c->ticket;
  vars.batas_waktu = c->due_at > 0 ? c->due_at : -1;
  vars.petugas = officers[s->actor].name;
  vars.jam_buka = pdw_service_calendar_next_opening (h->calendar, s->t);
  vars.alasan = c->reject_reason;

  for (guint i = 0; i < G_N_ELEMENTS (template_names); i++)
    if (g_strcmp0 (template_names[i], name) == 0)
      return pdw_template_render_vars (h->templates[i], &vars, NULL);

  g_return_val_if_reached (NULL);
}

static gboolean
run_out (History     *h,
         Case        *c,
         const Step  *s,
         GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *wamid = NULL;
  gint64 conversation = c->conversation[s->who];
  gint64 id;

  if (conversation == 0)
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_FAILED,
                   "history: a reply before the citizen wrote");
      return FALSE;
    }

  switch (s->kind)
    {
    case STEP_OUT_TEXT:
      text = pdw_synthetic_officer_text (h->synth, s->arg, case_who (c, s->who), officers[s->actor].name);
      id = pdw_store_queue_outgoing_text (h->store, conversation, text, officers[s->actor].name, error);
      break;
    case STEP_OUT_TEMPLATE:
      text = render_template (h, c, s->name, s);
      id = pdw_store_queue_outgoing_text (h->store, conversation, text, officers[s->actor].name, error);
      break;
    case STEP_AUTO_REPLY:
      text = render_template (h, c, PDW_TEMPLATE_OUT_OF_HOURS, s);
      id = pdw_store_queue_auto_reply (h->store, conversation, text, error);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (id == 0)
    return FALSE;

  wamid = next_wamid (h);
  if (!pdw_store_mark_outgoing_accepted (h->store, id, wamid, error))
    return FALSE;

  /* Messages run in time order, which is not always the planning order. */
  if (c->out_wamids->len <= s->out)
    g_ptr_array_set_size (c->out_wamids, s->out + 1);
  g_free (g_ptr_array_index (c->out_wamids, s->out));
  g_ptr_array_index (c->out_wamids, s->out) = g_steal_pointer (&wamid);
  h->report->messages_out++;
  return TRUE;
}

static gboolean
run_status (History     *h,
            Case        *c,
            const Step  *s,
            GError     **error)
{
  g_autoptr(PdwStatusUpdate) update = pdw_status_update_new ();
  g_autoptr(GPtrArray) statuses = g_ptr_array_new ();
  g_autoptr(GBytes) body = NULL;
  const char *recipient = case_who (c, s->who)->phone;
  char *data;

  if (s->out >= c->out_wamids->len || g_ptr_array_index (c->out_wamids, s->out) == NULL)
    return TRUE;

  update->wamid = g_strdup (g_ptr_array_index (c->out_wamids, s->out));
  update->status = s->arg;
  update->timestamp = s->t;
  update->recipient_id = g_strdup (recipient);

  data = g_strdup_printf (
    "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":"
    "{\"metadata\":{\"phone_number_id\":\"%s\"},\"statuses\":[{\"id\":\"%s\",\"status\":\"%s\","
    "\"timestamp\":\"%" G_GINT64_FORMAT "\",\"recipient_id\":\"%s\"}]},\"field\":\"messages\"}]}]}",
    PHONE_NUMBER_ID, update->wamid, pdw_delivery_status_to_string (update->status),
    update->timestamp, update->recipient_id);
  body = g_bytes_new_take (data, strlen (data));

  g_ptr_array_add (statuses, update);
  if (!pdw_store_ingest_webhook (h->store, SOURCE, body, NULL, statuses, NULL, error))
    return FALSE;

  h->report->statuses++;
  return TRUE;
}

static void
take_complaint (Case         *c,
                PdwComplaint *complaint)
{
  c->status = pdw_complaint_get_status (complaint);
  if (pdw_complaint_get_due_at (complaint) > 0)
    c->due_at = pdw_complaint_get_due_at (complaint);
}

static gboolean
run_register (History     *h,
              Case        *c,
              const Step  *s,
              GError     **error)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(GError) local_error = NULL;
  const Officer *o = &officers[s->actor];
  PdwActor actor = { o->name, o->nip, o->initials };
  PdwComplaintFields fields = {
    c->person->name, c->person->nik, c->person->kk, c->person->phone, c->type, c->institution,
  };

  complaint = pdw_store_register_complaint_at (h->store, c->conversation[WHO_CITIZEN],
                                               &fields, &actor, s->t, &local_error);
  if (complaint == NULL)
    {
      /* Another file carries this NIK (a database filled before): the
       * officer links the conversation to it and this case ends. */
      if (g_error_matches (local_error, PDW_STORE_ERROR, PDW_STORE_ERROR_DUPLICATE_NIK))
        {
          g_autoptr(PdwComplaint) open = pdw_store_find_open_complaint_by_nik (h->store, c->person->nik, error);
          g_autoptr(PdwComplaint) linked = NULL;

          if (open == NULL)
            return FALSE;
          linked = pdw_store_link_conversation (h->store, c->conversation[WHO_CITIZEN],
                                                pdw_complaint_get_id (open), &actor, error);
          if (linked == NULL)
            return FALSE;
          h->report->linked++;
          h->report->events++;
          c->abandoned = TRUE;
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  c->registered = TRUE;
  c->complaint_id = pdw_complaint_get_id (complaint);
  c->ticket = g_strdup (pdw_complaint_get_ticket (complaint));
  take_complaint (c, complaint);
  h->report->complaints++;
  h->report->events++;
  h->since_commit++;
  return TRUE;
}

static gboolean
run_action (History     *h,
            Case        *c,
            const Step  *s,
            GError     **error)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  const Officer *o = &officers[s->actor];
  PdwActor actor = { o->name, o->nip, o->initials };

  if (c->complaint_id == 0)
    return TRUE;

  complaint = pdw_store_apply_action (h->store, c->complaint_id, s->name, s->note, s->party,
                                      &actor, error);
  if (complaint == NULL)
    {
      g_prefix_error (error, "history: %s on %s: ", s->name, c->ticket);
      return FALSE;
    }

  take_complaint (c, complaint);
  h->report->events++;

  if (c->status == PDW_COMPLAINT_RUJUK_BIOMETRIK)
    c->referred = TRUE;
  if (c->status == PDW_COMPLAINT_KOORDINASI)
    c->coordinated = TRUE;
  if (pdw_workflow_status_is_final (c->status))
    c->closed_at = s->t;

  return TRUE;
}

static gboolean
run_merge (History     *h,
           Case        *c,
           GError     **error)
{
  const Officer *o = &officers[0];
  PdwActor actor = { o->name, o->nip, o->initials };

  if (c->conversation[WHO_SECOND_NUMBER] == 0 || c->conversation[WHO_CITIZEN] == 0)
    return TRUE;

  if (!pdw_store_merge_conversations (h->store, c->conversation[WHO_CITIZEN],
                                      c->conversation[WHO_SECOND_NUMBER], &actor, error))
    return FALSE;

  if (c->complaint_id != 0 && !pdw_workflow_status_is_final (c->status))
    h->report->events++;
  h->report->merged++;
  return TRUE;
}

static gboolean
run_step (History     *h,
          Case        *c,
          const Step  *s,
          GError     **error)
{
  /* Nothing happens to a file that was linked to another at registration. */
  if (c->abandoned && s->kind != STEP_STATUS)
    return TRUE;

  switch ((StepKind) s->kind)
    {
    case STEP_IN_TEXT:
    case STEP_IN_IMAGE:
      return run_in (h, c, s, error);
    case STEP_OUT_TEXT:
    case STEP_OUT_TEMPLATE:
    case STEP_AUTO_REPLY:
      return run_out (h, c, s, error);
    case STEP_STATUS:
      return run_status (h, c, s, error);
    case STEP_REGISTER:
      return run_register (h, c, s, error);
    case STEP_ACTION:
      return run_action (h, c, s, error);
    case STEP_MERGE:
      return run_merge (h, c, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* ---- Bookkeeping ------------------------------------------------------------ */

static void
count_case (History *h,
            Case    *c,
            gboolean at_end)
{
  PdwHistoryReport *r = h->report;

  if (!c->registered)
    return;

  r->by_status[c->status]++;
  if (c->status == PDW_COMPLAINT_DITOLAK)
    r->rejected++;
  if (c->referred)
    r->referred++;
  if (c->coordinated)
    r->coordinated++;

  /* A file waiting for the citizen's biometric visit is not late. */
  if (c->due_at > 0 && !c->referred)
    {
      if (c->closed_at > 0 && c->closed_at > c->due_at)
        r->overdue++;
      else if (at_end && c->closed_at == 0 && c->due_at < h->end &&
               !pdw_workflow_status_waits_on_citizen (c->status))
        {
          r->overdue++;
          r->overdue_open++;
        }
    }
}

static gboolean
load_templates (History  *h,
                GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (template_names); i++)
    {
      g_autoptr(PdwReplyTemplate) tmpl = pdw_store_dup_reply_template (h->store, template_names[i], NULL);

      h->templates[i] = g_strdup (tmpl != NULL ? pdw_reply_template_get_body (tmpl)
                                               : pdw_template_get_default_text (template_names[i]));
      if (h->templates[i] == NULL)
        {
          g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND,
                       "history: no reply template “%s”", template_names[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
ensure_officers (History  *h,
                 GError  **error)
{
  g_autoptr(GPtrArray) existing = pdw_store_list_officers (h->store, TRUE, error);

  if (existing == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (officers); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < existing->len && !found; j++)
        found = g_strcmp0 (pdw_officer_get_nip (g_ptr_array_index (existing, j)), officers[i].nip) == 0;

      if (!found && pdw_store_save_officer (h->store, 0, officers[i].name, officers[i].nip,
                                            officers[i].initials, officers[i].role, TRUE, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
history_init (History                 *h,
              PdwStore                *store,
              const PdwHistoryOptions *opts,
              PdwHistoryReport        *report,
              GError                 **error)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  PdwSlaPolicy policy = { PDW_SLA_CLOCK_HOURS, SLA_HOURS };

  h->store = store;
  h->opts = opts;
  h->report = report;
  h->synth = pdw_synthetic_new (opts->seed);
  h->rand = g_rand_new_with_seed (opts->seed ^ 0x5eed1e55u);
  h->calendar = pdw_service_calendar_new ();
  pdw_service_calendar_load_default_holidays (h->calendar);
  h->tz = pdw_time_zone_new_wib ();
  h->scale = opts->scale > 0 ? opts->scale : PDW_HISTORY_DEFAULT_SCALE;
  h->niks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  h->heap = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (elsewhere_districts); i++)
    {
      const char *regency = pdw_region_regency_name (elsewhere_districts[i]);

      /* The reason completes the rejection template's "... karena {alasan}." */
      h->reject_reasons[i] = g_strdup_printf ("NIK dan KK Bapak/Ibu terdaftar di %s; "
                                              "silakan mengurus ke Disdukcapil setempat",
                                              regency != NULL ? regency : "daerah lain");
    }
  h->wamid_prefix = g_strdup_printf ("wamid.HIST%u.%04u%02u.", opts->seed, opts->start_year, opts->start_month);

  start = g_date_time_new (h->tz, opts->start_year, opts->start_month, 1, 0, 0, 0);
  if (start == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid start month %04u-%02u"), opts->start_year, opts->start_month);
      return FALSE;
    }
  end = g_date_time_add_months (start, opts->months);
  h->start = g_date_time_to_unix (start);
  h->end = g_date_time_to_unix (end);
  if (opts->until > 0 && opts->until < h->end)
    h->end = MAX (opts->until, h->start + 1);
  h->next_day = h->start;
  h->now = h->start;
  report->first_time = h->start;
  report->end_time = h->end;

  if (!load_templates (h, error))
    return FALSE;

  pdw_store_set_clock (store, history_clock, h);
  pdw_store_set_sla (store, h->calendar, &policy);

  return ensure_officers (h, error);
}

static void
history_clear (History *h)
{
  pdw_store_set_clock (h->store, NULL, NULL);

  while (h->heap->len > 0)
    case_free (heap_pop (h->heap));
  g_ptr_array_unref (h->heap);
  g_hash_table_unref (h->niks);
  g_clear_pointer (&h->synth, pdw_synthetic_free);
  g_clear_pointer (&h->rand, g_rand_free);
  g_clear_object (&h->calendar);
  g_clear_pointer (&h->tz, g_time_zone_unref);
  g_free (h->wamid_prefix);
  for (guint i = 0; i < G_N_ELEMENTS (h->templates); i++)
    g_free (h->templates[i]);
  for (guint i = 0; i < G_N_ELEMENTS (h->reject_reasons); i++)
    g_free (h->reject_reasons[i]);
}

static gboolean
run (History  *h,
     GError  **error)
{
  if (!pdw_store_begin_batch (h->store, error))
    return FALSE;

  for (;;)
    {
      gint64 next = heap_next_time (h->heap);
      Case *c;
      const Step *s;

      if (h->next_day < h->end && next >= h->next_day)
        {
          plan_day (h, h->next_day);
          h->next_day += DAY;
          if (h->opts->progress != NULL)
            h->opts->progress ((double) (h->next_day - h->start) / (double) (h->end - h->start),
                               h->opts->progress_data);
          continue;
        }

      if (next >= h->end)
        break;

      c = heap_pop (h->heap);
      s = &g_array_index (c->steps, Step, c->next);
      h->now = s->t;
      if (!run_step (h, c, s, error))
        {
          case_free (c);
          return FALSE;
        }

      if (++c->next < c->steps->len)
        heap_push (h->heap, c);
      else
        {
          count_case (h, c, FALSE);
          case_free (c);
        }

      if (h->since_commit >= BATCH_SIZE)
        {
          h->since_commit = 0;
          if (!pdw_store_end_batch (h->store, error) ||
              !pdw_store_begin_batch (h->store, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < h->heap->len; i++)
    count_case (h, h->heap->pdata[i], TRUE);

  return pdw_store_end_batch (h->store, error);
}

gboolean
pdw_history_generate (PdwStore                *store,
                      const PdwHistoryOptions *opts,
                      PdwHistoryReport        *report,
                      GError                 **error)
{
  History h = { 0 };
  PdwHistoryReport local = { 0 };
  gboolean ret;

  g_return_val_if_fail (PDW_IS_STORE (store), FALSE);
  g_return_val_if_fail (opts != NULL, FALSE);
  g_return_val_if_fail (opts->months > 0, FALSE);
  g_return_val_if_fail (opts->start_month >= 1 && opts->start_month <= 12, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ret = history_init (&h, store, opts, &local, error) && run (&h, error);
  if (!ret)
    {
      /* Each store call is all-or-nothing: what was written stays whole. */
      pdw_store_end_batch (store, NULL);
    }
  history_clear (&h);

  if (report != NULL)
    *report = local;

  return ret;
}
