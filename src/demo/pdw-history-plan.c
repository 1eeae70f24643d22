/* pdw-history-plan.c: the whole course of a case, planned when it
 * arrives: the citizen's messages, the officers' replies and SOP actions,
 * the delivery statuses, each at a time the service calendar allows.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/pdw-reply-rules.h"
#include "core/pdw-template.h"
#include "pdw-history-private.h"

#define DEFAULT_LATE_SHARE 0.03

/* Synthetic staff: combinations of common names, 18-digit NIPs in the
 * civil-servant layout (birth date, appointment month, sex, serial). */
const Officer _pdw_history_officers[N_FO + N_ADB] = {
  { "Rina Marlina, S.Kom",   "198803142014032001", "RM", PDW_OFFICER_ROLE_FO },
  { "Hendra Saputra",        "199001052015031002", "HS", PDW_OFFICER_ROLE_FO },
  { "Nurul Aini, A.Md",      "199207222019032003", "NA", PDW_OFFICER_ROLE_FO },
  { "Fadli Rahman",          "198912302020121004", "FR", PDW_OFFICER_ROLE_FO },
  { "Yuliana Siregar, S.T",  "198505172010012005", "YS", PDW_OFFICER_ROLE_ADB },
  { "Taufik Hidayat, S.Kom", "198711092011011006", "TH", PDW_OFFICER_ROLE_ADB },
};

static const char * const divisions[] = {
  "Bidang PIAK", "Bidang Pendaftaran Penduduk", "Bidang Pencatatan Sipil", "Bidang PDIP",
};

const char *const _pdw_history_elsewhere_districts[N_ELSEWHERE_DISTRICTS] = {
  "140601", "140801", "140301", "140501", "137101", "127101",
};

/* ---- Random helpers ------------------------------------------------------ */

gint64
_pdw_history_uniform (History *h,
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

  at += _pdw_history_uniform (h, low, high);
  while (!pdw_service_calendar_is_open (h->calendar, at))
    {
      at = pdw_service_calendar_next_opening (h->calendar, at);
      if (at < 0)
        return G_MAXINT64 / 2;
      at += _pdw_history_uniform (h, MINUTE, 30 * MINUTE);
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

      t = opening >= 0 ? opening + _pdw_history_uniform (p->h, MINUTE, 10 * MINUTE) : G_MAXINT64 / 2;
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

  s = plan_add (p, sent_at + _pdw_history_uniform (p->h, 1, 4), STEP_STATUS);
  s->arg = PDW_DELIVERY_SENT;
  s->out = out;
  s->who = who;

  if (!chance (p->h, 0.97))
    return;

  delivered = sent_at + _pdw_history_uniform (p->h, 2, 90);
  s = plan_add (p, delivered, STEP_STATUS);
  s->arg = PDW_DELIVERY_DELIVERED;
  s->out = out;
  s->who = who;

  if (!chance (p->h, 0.86))
    return;

  s = plan_add (p, delivered + _pdw_history_uniform (p->h, 20, 3 * HOUR), STEP_STATUS);
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

/* About half the citizens answer the closing message's survey, most within
 * the day, mostly 3 or 4 (an SKM index in the B range); a few answer after
 * the three days, when the number is an ordinary message again.  Drawn from
 * the survey's own generator and without an automatic reply (whose
 * delivery ticks would draw from the main one), so that the rest of a
 * seed's history stays as it was. */
static void
plan_rating (Plan   *p,
             gint64  asked)
{
  /* Cumulative shares of the ratings 1, 2, 3 (4 takes the rest). */
  static const double below[] = { 0.04, 0.12, 0.45 };
  GRand *rand = p->h->survey_rand;
  gint64 keep = p->t;
  gint64 delay;
  double r;
  Step *s;
  int rating = 1;

  if (g_rand_double (rand) >= 0.52)
    return;

  r = g_rand_double (rand);
  while (rating < 4 && r >= below[rating - 1])
    rating++;
  if (g_rand_double (rand) < 0.05)
    delay = g_rand_int_range (rand, 73 * HOUR, 6 * DAY);
  else
    delay = g_rand_int_range (rand, MINUTE, 30 * HOUR);

  s = plan_add (p, asked + delay, STEP_IN_RATING);
  s->arg = rating;
  s->flag = g_rand_int_range (rand, 0, 10);
  s->who = WHO_CITIZEN;
  /* The thanks and the rest of the case do not wait for it. */
  p->t = keep;
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
    plan_in (p, t_std + _pdw_history_uniform (h, MINUTE, 2 * HOUR), PDW_SYNTHETIC_ACKNOWLEDGE, FALSE, WHO_CITIZEN);

  if (chance (h, 0.05))
    {
      guint other = (p->fo + 1 + g_rand_int_range (h->rand, 0, N_FO - 1)) % N_FO;

      s = plan_action (p, office_time (h, p->t, 10 * MINUTE, 3 * HOUR), "hand_over", p->fo);
      s->party = _pdw_history_officers[other].name;
      s->note = "Pergantian petugas jaga";
      p->fo = other;
    }

  switch (c->outcome)
    {
    case OUTCOME_LATE:
      t = office_time (h, due + _pdw_history_uniform (h, 30 * MINUTE, 3 * DAY), 0, 2 * HOUR);
      if (chance (h, 0.8))
        {
          gint64 f = due + _pdw_history_uniform (h, 30 * MINUTE, 8 * HOUR);

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
      t = office_time (h, p->t + _pdw_history_uniform (h, 2 * HOUR, 40 * HOUR), 0, 3 * HOUR);
      if (chance (h, 0.5) && t - p->t > DAY)
        {
          gint64 f = p->t + _pdw_history_uniform (h, 20 * HOUR, t - p->t);

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
      plan_out (p, p->t + _pdw_history_uniform (h, MINUTE, 10 * MINUTE), STEP_OUT_TEMPLATE, 0,
                PDW_TEMPLATE_BIOMETRIC_REFERRAL, WHO_CITIZEN);
      break;

    default:
      if (chance (h, 0.3))
        {
          gint64 f = p->t + _pdw_history_uniform (h, 3 * HOUR, 30 * HOUR);

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
  plan_out (p, p->t + _pdw_history_uniform (h, 20, 5 * MINUTE), STEP_OUT_TEMPLATE, 0, PDW_TEMPLATE_CLOSING, WHO_CITIZEN);
  plan_rating (p, p->t);
  if (chance (h, 0.65))
    {
      gint64 thanks = p->t + _pdw_history_uniform (h, 2 * MINUTE, 8 * HOUR);

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
      gint64 t = from + _pdw_history_uniform (h, HOUR, until - from - HOUR);

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
      gint64 t = from + _pdw_history_uniform (h, HOUR, 20 * HOUR);

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

static gboolean
is_answer (const Step *s,
           Who         who)
{
  return (s->kind == STEP_OUT_TEXT || s->kind == STEP_OUT_TEMPLATE) && s->who == who;
}

/* An officer answering a message reads the conversation (run_out); one
 * that needs no answer (an "ok", a citizen's thanks or rating) is opened from the
 * queue soon after the office opens.  Only the last hours' messages stay
 * unread, as at a desk.  No random draw: the rest of a seed's history
 * stays as it was.  @c's steps are in time order. */
static void
plan_reads (Case               *c,
            PdwServiceCalendar *calendar)
{
  guint n = c->steps->len;

  for (guint i = 0; i < n; i++)
    {
      Step *s = &g_array_index (c->steps, Step, i);
      Step read = *s;
      gint64 opening;
      gboolean answered = FALSE;

      if (s->kind != STEP_IN_TEXT && s->kind != STEP_IN_IMAGE && s->kind != STEP_IN_RATING)
        continue;
      if ((opening = pdw_service_calendar_next_opening (calendar, s->t)) < 0)
        continue;

      read.t = MAX (opening, s->t) + 30 * MINUTE;
      for (guint j = i + 1; j < n && !answered; j++)
        {
          const Step *later = &g_array_index (c->steps, Step, j);

          answered = later->t <= read.t && is_answer (later, s->who);
        }
      if (answered)
        continue;

      read.kind = STEP_READ;
      read.seq = c->steps->len;
      g_array_append_val (c->steps, read);
    }
  g_array_sort (c->steps, compare_steps);
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
      t = p->t + _pdw_history_uniform (h, 10, 3 * MINUTE);
    }
  plan_in (p, t, PDW_SYNTHETIC_COMPLAINT, with_id, WHO_CITIZEN);
  if (chance (h, 0.12))
    {
      s = plan_add (p, p->t + _pdw_history_uniform (h, 20, 5 * MINUTE), STEP_IN_IMAGE);
      s->arg = PDW_SYNTHETIC_PHOTO_CAPTION;
    }

  r = office_time (h, p->t, 2 * MINUTE, 90 * MINUTE);
  if (!with_id)
    {
      gint64 answer;

      plan_out (p, r, STEP_OUT_TEXT, PDW_SYNTHETIC_ASK_DATA, NULL, WHO_CITIZEN);
      answer = p->t + _pdw_history_uniform (h, 2 * MINUTE, 5 * HOUR);
      plan_in (p, answer, PDW_SYNTHETIC_IDENTITY, TRUE, WHO_CITIZEN);
      r = office_time (h, p->t, 2 * MINUTE, HOUR);
    }
  if (chance (h, 0.5))
    plan_out (p, r, STEP_OUT_TEXT, PDW_SYNTHETIC_RECEIVED, NULL, WHO_CITIZEN);

  plan_add (p, MAX (r, p->t) + _pdw_history_uniform (h, 30, 3 * MINUTE), STEP_REGISTER);

  if (c->outcome == OUTCOME_REJECTED)
    {
      s = plan_action (p, p->t + _pdw_history_uniform (h, MINUTE, 10 * MINUTE), "reject", p->fo);
      s->note = c->reject_reason;
      plan_out (p, p->t + _pdw_history_uniform (h, 20, 3 * MINUTE), STEP_OUT_TEMPLATE, 0,
                PDW_TEMPLATE_REJECTION, WHO_CITIZEN);
      if (chance (h, 0.4))
        plan_in (p, p->t + _pdw_history_uniform (h, MINUTE, 3 * HOUR), PDW_SYNTHETIC_ACKNOWLEDGE, FALSE, WHO_CITIZEN);
      g_clear_pointer (&c->relative, pdw_synthetic_person_free);
      g_clear_pointer (&c->second, pdw_synthetic_person_free);
      return;
    }

  extras_from = p->t;

  if (c->outcome == OUTCOME_REFERRED)
    {
      plan_action (p, p->t + _pdw_history_uniform (h, MINUTE, 5 * MINUTE), "refer_biometric", p->fo);
      plan_out (p, p->t + _pdw_history_uniform (h, 20, 3 * MINUTE), STEP_OUT_TEMPLATE, 0,
                PDW_TEMPLATE_BIOMETRIC_REFERRAL, WHO_CITIZEN);
    }
  else
    {
      plan_action (p, p->t + _pdw_history_uniform (h, 30, 3 * MINUTE), "add_to_consolidation", p->fo);
      plan_action (p, p->t + _pdw_history_uniform (h, 30, 2 * MINUTE), "send_standard_reply", p->fo);
      t_std = p->t;
      plan_out (p, t_std + _pdw_history_uniform (h, 5, 40), STEP_OUT_TEMPLATE, 0,
                PDW_TEMPLATE_STANDARD_REPLY, WHO_CITIZEN);
      plan_after_standard_reply (p, t_std);
    }

  if (c->outcome == OUTCOME_DUPLICATE || c->outcome == OUTCOME_REFERRED)
    {
      /* Most come to the office for the biometric check; some never do. */
      if (chance (h, 0.75))
        until = plan_closing (p, office_time (h, p->t + _pdw_history_uniform (h, DAY, 12 * DAY), 0, 6 * HOUR),
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
    plan_in (p, p->t + _pdw_history_uniform (h, MINUTE, 2 * HOUR), PDW_SYNTHETIC_ACKNOWLEDGE, FALSE, WHO_CITIZEN);
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

Case *
_pdw_history_plan_case (History  *h,
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
      g_array_sort (c->steps, compare_steps);
      plan_reads (c, h->calendar);
      return c;
    }

  c->type = draw_weighted (h, types, type_weights, G_N_ELEMENTS (types));
  c->institution = draw_weighted (h, institutions, institution_weights, G_N_ELEMENTS (institutions));
  c->outcome = draw_outcome (h, c->type);
  if (c->outcome == OUTCOME_REJECTED)
    {
      guint i = g_rand_int_range (h->rand, 0, N_ELSEWHERE_DISTRICTS);

      district = _pdw_history_elsewhere_districts[i];
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
  plan_reads (c, h->calendar);
  return c;
}
