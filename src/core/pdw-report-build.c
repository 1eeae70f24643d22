/* pdw-report-build.c: the one computation of the monthly report, from the
 * facts to every figure, table and series of a PdwReport.  Each definition
 * here is the one written in docs/report-definitions.md; a change to one is
 * a change to both.
 *
 * A window is a span [start, end) of whole WIB months.  The same scan of
 * the files (scan_file()) computes the period, the previous period and each
 * month of the rekapitulasi, so that a month's row in the rekapitulasi is
 * the month's report and the headline figures are the tables' totals.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pdw-identity.h"
#include "pdw-region.h"
#include "pdw-report-facts.h"
#include "pdw-report-private.h"
#include "pdw-time-zone.h"
#include "pdw-workflow.h"

#define DAY (24 * 60 * 60)
/* A rating counts when it comes within 3 days of the question. */
#define SURVEY_WINDOW (3 * DAY)

/* What a promise (a "send_standard_reply" line) came to. */
typedef struct
{
  gint64   deadline;  /* -1: no deadline could be computed */
  gint64   ended;     /* the first line that kept or closed it, 0: none */
  gint64   decided;   /* when it was kept, or its deadline passed; 0: not yet */
  gboolean kept;
} Promise;

/* The lines the report tells apart, decoded once. */
typedef enum
{
  ACT_OTHER,
  ACT_REGISTER,
  ACT_ADD_TO_CONSOLIDATION,
  ACT_PROMISE,             /* starts the SLA: "send_standard_reply" */
  ACT_RESOLVE,
  ACT_REOPEN,
} ActionCode;

typedef struct
{
  const PdwReportFacts *facts;
  gint64                now;
  Promise              *promises;     /* by event index; only promise lines filled */
  guint8               *codes;        /* ActionCode by event index */
  const char          **registered_by; /* by file index */
  /* By file index: its last line's time and whether it ends closed, so
   * that a window skips the files it cannot concern. */
  gint64               *last_line;
  gboolean             *ends_closed;
  GArray               *conversation_starts;  /* sorted */
  GArray               *citizen_messages;     /* sorted */
} Build;

/* The rows of one breakdown while it is counted. */
typedef struct
{
  char   *key;
  char   *label;
  guint   received;
  guint   resolved;
  GArray *samples;
} RowAcc;

/* The tables only the period itself shows. */
typedef struct
{
  PdwReport  *report;
  GHashTable *rows[PDW_REPORT_N_BREAKDOWNS];   /* key -> RowAcc */
  GArray     *step_samples[PDW_REPORT_N_SOP_STEPS];
  GArray     *backlog_ages;
  gint64      day_zero;
  guint       n_days;
} Detail;

typedef struct
{
  gint64  start;
  gint64  end;
  guint   received;
  guint   resolved;
  guint   rejected;
  guint   referred;
  guint   open_at_end;
  guint   carried_over;
  guint   reopened;
  guint   closings;
  guint   promise_files;
  guint   promise_kept;
  guint   survey_asked;
  guint   ratings[4];
  guint   first_messages;
  guint   citizen_messages;
  GArray *samples[PDW_REPORT_N_DURATIONS];
} Window;

static gboolean
status_is_open (PdwComplaintStatus status)
{
  return !pdw_workflow_status_is_final (status);
}

static gboolean
is_action (const PdwReportEventFact *event,
           const char               *action)
{
  return g_strcmp0 (event->action, action) == 0;
}

static void
add_sample (GArray *samples,
            gint64  value)
{
  /* A clock corrected backwards makes a negative time: not a duration. */
  if (samples != NULL && value >= 0)
    g_array_append_val (samples, value);
}

/* ---- Precomputed per file and line ----------------------------------------- */

/* The line that ends a promise: the data became active or the file closed
 * (the control card's "actual time" of step 5 ends there too). */
static gboolean
ends_promise (const PdwReportEventFact *event)
{
  return is_action (event, "consolidation_done") || is_action (event, "resolve") ||
         is_action (event, "reject") || is_action (event, "reopen") ||
         (event->has_to_status && pdw_workflow_status_is_final (event->to_status));
}

static ActionCode
decode_action (const char *action)
{
  if (pdw_workflow_action_starts_sla (action))
    return ACT_PROMISE;
  if (g_strcmp0 (action, "register") == 0)
    return ACT_REGISTER;
  if (g_strcmp0 (action, "add_to_consolidation") == 0)
    return ACT_ADD_TO_CONSOLIDATION;
  if (g_strcmp0 (action, "resolve") == 0)
    return ACT_RESOLVE;
  if (g_strcmp0 (action, "reopen") == 0)
    return ACT_REOPEN;
  return ACT_OTHER;
}

static void
build_promises (Build              *b,
                PdwServiceCalendar *calendar,
                const PdwSlaPolicy *policy)
{
  const PdwReportFacts *facts = b->facts;
  const PdwReportEventFact *events = (const PdwReportEventFact *) (gpointer) facts->events->data;

  b->promises = g_new0 (Promise, MAX (facts->events->len, 1));
  b->codes = g_new0 (guint8, MAX (facts->events->len, 1));
  b->registered_by = g_new0 (const char *, MAX (facts->files->len, 1));
  b->last_line = g_new0 (gint64, MAX (facts->files->len, 1));
  b->ends_closed = g_new0 (gboolean, MAX (facts->files->len, 1));

  for (guint i = 0; i < facts->events->len; i++)
    b->codes[i] = decode_action (events[i].action);

  for (guint fi = 0; fi < facts->files->len; fi++)
    {
      const PdwReportFileFact *file = &g_array_index (facts->files, PdwReportFileFact, fi);
      PdwComplaintStatus state = PDW_COMPLAINT_BARU;

      b->last_line[fi] = file->created_at;
      for (guint i = file->first_event; i < file->first_event + file->n_events; i++)
        {
          Promise *p = &b->promises[i];

          b->last_line[fi] = MAX (b->last_line[fi], events[i].timestamp);
          if (events[i].has_to_status)
            state = events[i].to_status;
          if (b->registered_by[fi] == NULL && b->codes[i] == ACT_REGISTER)
            b->registered_by[fi] = events[i].actor;
          if (b->codes[i] != ACT_PROMISE)
            continue;

          p->deadline = pdw_service_calendar_compute_due (calendar, policy, events[i].timestamp);
          for (guint j = i + 1; j < file->first_event + file->n_events; j++)
            if (ends_promise (&events[j]))
              {
                p->ended = events[j].timestamp;
                break;
              }
          if (p->deadline < 0)
            continue;
          p->kept = p->ended > 0 && p->ended <= p->deadline;
          if (p->kept)
            p->decided = p->ended;
          else if (p->deadline <= b->now)
            p->decided = p->deadline;
        }
      b->ends_closed[fi] = !status_is_open (state);
    }
}

/* ---- Breakdown rows --------------------------------------------------------- */

static void
row_acc_free (RowAcc *acc)
{
  g_free (acc->key);
  g_free (acc->label);
  g_array_unref (acc->samples);
  g_free (acc);
}

static RowAcc *
detail_row (Detail             *d,
            PdwReportBreakdown  breakdown,
            const char         *key,
            const char         *label)
{
  RowAcc *acc = g_hash_table_lookup (d->rows[breakdown], key);

  if (acc == NULL)
    {
      acc = g_new0 (RowAcc, 1);
      acc->key = g_strdup (key);
      acc->label = g_strdup (label);
      acc->samples = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (d->rows[breakdown], acc->key, acc);
    }
  return acc;
}

static const char *
lookup_label (GHashTable *labels,
              const char *code)
{
  const char *label = g_hash_table_lookup (labels, code);

  return label != NULL ? label : code;
}

/* The rows a file belongs to in each breakdown but "by officer". */
static void
file_rows (Build                   *b,
           Detail                  *d,
           const PdwReportFileFact *file,
           RowAcc                 **rows)
{
  const char *type = file->complaint_type;
  const char *institution = file->institution;
  const char *nik = file->nik;

  if (type == NULL || type[0] == '\0')
    rows[PDW_REPORT_BY_TYPE] = detail_row (d, PDW_REPORT_BY_TYPE, "", _("Not recorded"));
  else
    rows[PDW_REPORT_BY_TYPE] = detail_row (d, PDW_REPORT_BY_TYPE, type,
                                           lookup_label (b->facts->type_labels, type));

  if (institution == NULL || institution[0] == '\0')
    rows[PDW_REPORT_BY_INSTITUTION] = detail_row (d, PDW_REPORT_BY_INSTITUTION, "", _("Not recorded"));
  else
    rows[PDW_REPORT_BY_INSTITUTION] = detail_row (d, PDW_REPORT_BY_INSTITUTION, institution,
                                                  lookup_label (b->facts->institution_labels, institution));

  if (nik == NULL || strlen (nik) < 6)
    rows[PDW_REPORT_BY_KECAMATAN] = detail_row (d, PDW_REPORT_BY_KECAMATAN, "", _("Not recorded"));
  else
    {
      const PdwRegion *region = pdw_region_lookup (nik);

      if (region == NULL)
        rows[PDW_REPORT_BY_KECAMATAN] = detail_row (d, PDW_REPORT_BY_KECAMATAN, "unknown", _("Unknown region"));
      else
        rows[PDW_REPORT_BY_KECAMATAN] = detail_row (d, PDW_REPORT_BY_KECAMATAN, region->code, region->name);
    }
}

static RowAcc *
officer_row (Detail     *d,
             const char *name)
{
  if (name == NULL || name[0] == '\0')
    return detail_row (d, PDW_REPORT_BY_OFFICER, "", _("Not recorded"));
  return detail_row (d, PDW_REPORT_BY_OFFICER, name, name);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const PdwReportRow *ra = a, *rb = b;

  if (ra->received != rb->received)
    return ra->received > rb->received ? -1 : 1;
  if (ra->resolved != rb->resolved)
    return ra->resolved > rb->resolved ? -1 : 1;
  return g_utf8_collate (ra->label, rb->label);
}

static void
finish_rows (Detail *d,
             guint   total_received)
{
  for (guint i = 0; i < PDW_REPORT_N_BREAKDOWNS; i++)
    {
      GArray *out = d->report->breakdowns[i];
      GHashTableIter iter;
      RowAcc *acc;

      g_hash_table_iter_init (&iter, d->rows[i]);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &acc))
        {
          PdwReportRow row = { 0 };

          row.key = g_strdup (acc->key);
          row.label = g_strdup (acc->label);
          row.received = acc->received;
          row.resolved = acc->resolved;
          row.share = total_received > 0 ? 100.0 * acc->received / total_received : 0;
          _pdw_report_stats_from_samples (acc->samples, &row.resolution);
          g_array_append_val (out, row);
        }
      g_array_sort (out, compare_rows);
    }
}

/* ---- One file in one window --------------------------------------------------- */

static guint
day_index (Detail *d,
           gint64  t)
{
  /* WIB has no daylight saving: a day is 86400 s from the period's first
   * midnight. */
  gint64 i = (t - d->day_zero) / DAY;

  return (guint) CLAMP (i, 0, (gint64) d->n_days - 1);
}

static void
add_file_row (Build                   *b,
              Detail                  *d,
              const PdwReportFileFact *file,
              const char              *officer,
              RowAcc                  *kecamatan,
              PdwComplaintStatus       state,
              gint64                   closed_at,
              gint64                   first_response,
              gint64                   resolution,
              int                      promise,
              guint                    reopened)
{
  PdwReportFile row = { 0 };
  const char *type = file->complaint_type;
  const char *institution = file->institution;

  row.ticket = g_strdup (file->ticket != NULL ? file->ticket : "");
  row.registered_at = file->created_at;
  row.closed_at = closed_at;
  row.complaint_type = g_strdup (type != NULL ? lookup_label (b->facts->type_labels, type) : "");
  row.institution = g_strdup (institution != NULL ? lookup_label (b->facts->institution_labels, institution) : "");
  row.kecamatan = g_strdup (kecamatan->key[0] != '\0' && g_strcmp0 (kecamatan->key, "unknown") != 0
                            ? kecamatan->label : "");
  row.officer = g_strdup (officer != NULL ? officer : "");
  row.status = g_strdup (pdw_complaint_status_to_string (state));
  row.status_label = g_strdup (pdw_complaint_status_get_label_id (state));
  row.nik_masked = file->nik != NULL ? pdw_identity_mask (file->nik) : g_strdup ("");
  row.has_first_response = first_response >= 0;
  row.first_response = MAX (first_response, 0);
  row.has_resolution = resolution >= 0;
  row.resolution = MAX (resolution, 0);
  row.promise_measured = promise >= 0;
  row.promise_kept = promise > 0;
  row.reopened = reopened;
  if (file->survey_rating >= 1 && file->survey_rating <= 4)
    row.rating = file->survey_rating;
  g_array_append_val (d->report->files, row);
}

static void
scan_file (Build   *b,
           Window  *w,
           guint    fi,
           Detail  *d)
{
  const PdwReportFacts *facts = b->facts;
  const PdwReportFileFact *file = &g_array_index (facts->files, PdwReportFileFact, fi);
  const PdwReportEventFact *events = &g_array_index (facts->events, PdwReportEventFact, 0);
  const gint64 s = w->start, e = w->end;
  gboolean registered = file->created_at >= s && file->created_at < e;
  PdwComplaintStatus state = PDW_COMPLAINT_BARU;
  gboolean open_at_start = FALSE, counted_start = FALSE;
  gboolean resolved = FALSE, rejected = FALSE, referred = FALSE;
  gint64 cycle_start = file->created_at, closed_at = 0;
  gint64 frt = -1, resolution = -1;
  int promise = -1;
  guint reopened = 0;
  const char *resolvers[4] = { NULL };
  guint n_resolvers = 0;
  RowAcc *rows[PDW_REPORT_N_BREAKDOWNS] = { NULL };

  if (file->created_at >= e)
    return;
  /* Closed for good before the window: nothing of it falls inside (a
   * promise ends at the latest with the closing, a survey is asked then). */
  if (b->ends_closed[fi] && b->last_line[fi] < s &&
      (file->survey_asked_at < s || file->survey_asked_at >= e))
    return;

  if (d != NULL)
    file_rows (b, d, file, rows);

  if (registered)
    {
      w->received++;
      if (file->first_inbound_at > 0 && file->first_reply_at >= file->first_inbound_at)
        {
          frt = file->first_reply_at - file->first_inbound_at;
          add_sample (w->samples[PDW_REPORT_DURATION_FIRST_RESPONSE], frt);
        }
      if (d != NULL && file->first_inbound_at > 0)
        {
          /* Steps 1-3 (docs: "Time per SOP step"). */
          gint64 t0 = file->first_inbound_at, t3 = MAX (file->created_at, t0);
          gint64 t1 = file->first_reply_at > 0 ? CLAMP (file->first_reply_at, t0, t3) : t3;
          gint64 t2 = file->last_inbound_at > 0 ? CLAMP (file->last_inbound_at, t1, t3) : t1;

          add_sample (d->step_samples[0], t1 - t0);
          add_sample (d->step_samples[1], t2 - t1);
          add_sample (d->step_samples[2], t3 - t2);
        }
    }

  if (file->survey_asked_at >= s && file->survey_asked_at < e)
    {
      w->survey_asked++;
      if (file->survey_rating >= 1 && file->survey_rating <= 4 &&
          file->survey_rated_at >= file->survey_asked_at &&
          file->survey_rated_at - file->survey_asked_at <= SURVEY_WINDOW)
        w->ratings[file->survey_rating - 1]++;
    }

  for (guint i = file->first_event; i < file->first_event + file->n_events; i++)
    {
      const PdwReportEventFact *event = &events[i];
      const Promise *p = &b->promises[i];
      PdwComplaintStatus before = state;
      gboolean was_open = status_is_open (state);
      gint64 t = event->timestamp;
      /* Lines that keep the status repeat it (a note on a closed file):
       * only a change into a status counts. */
      gboolean entered;

      if (t >= e)
        break;
      if (!counted_start && t >= s)
        {
          open_at_start = file->created_at < s && was_open;
          counted_start = TRUE;
        }

      /* A promise counts where it was decided, even if made before. */
      if (b->codes[i] == ACT_PROMISE && p->decided >= s && p->decided < e)
        {
          w->promise_files++;
          w->promise_kept += p->kept ? 1 : 0;
          promise = p->kept ? 1 : 0;
          if (p->ended > 0)
            {
              add_sample (w->samples[PDW_REPORT_DURATION_PROMISE], p->ended - t);
              if (d != NULL)
                {
                  add_sample (d->step_samples[4], p->ended - t);
                  d->report->steps[4].over_standard += p->kept ? 0 : 1;
                }
            }
        }

      if (event->has_to_status)
        state = event->to_status;
      entered = event->has_to_status && state != before;

      if (t < s)
        {
          if (b->codes[i] == ACT_REOPEN)
            cycle_start = t;
          if (entered && !status_is_open (state))
            closed_at = t;
          continue;
        }

      if (was_open && !status_is_open (state))
        {
          w->closings++;
          closed_at = t;
        }

      if (entered && state == PDW_COMPLAINT_SELESAI)
        {
          resolution = t - cycle_start;
          add_sample (w->samples[PDW_REPORT_DURATION_RESOLUTION], resolution);
          if (d != NULL)
            {
              RowAcc *officer = officer_row (d, event->actor);
              gboolean seen = FALSE;

              if (!resolved)
                g_array_index (d->report->days, PdwReportDay, day_index (d, t)).resolved++;
              for (guint r = 0; r < PDW_REPORT_N_BREAKDOWNS - 1; r++)
                add_sample (rows[r]->samples, resolution);
              add_sample (officer->samples, resolution);
              for (guint k = 0; k < n_resolvers; k++)
                seen = seen || g_strcmp0 (resolvers[k], officer->key) == 0;
              if (!seen && n_resolvers < G_N_ELEMENTS (resolvers))
                {
                  resolvers[n_resolvers++] = officer->key;
                  officer->resolved++;
                }
            }
          resolved = TRUE;
        }
      else if (entered && state == PDW_COMPLAINT_DITOLAK)
        rejected = TRUE;
      else if (entered && state == PDW_COMPLAINT_RUJUK_BIOMETRIK)
        referred = TRUE;

      if (b->codes[i] == ACT_REOPEN)
        {
          reopened++;
          cycle_start = t;
          closed_at = 0;
          if (event->reply_after >= t)
            {
              frt = event->reply_after - t;
              add_sample (w->samples[PDW_REPORT_DURATION_FIRST_RESPONSE], frt);
            }
        }

      if (d != NULL && i > file->first_event)
        {
          const PdwReportEventFact *previous = &events[i - 1];

          if (b->codes[i] == ACT_ADD_TO_CONSOLIDATION)
            add_sample (d->step_samples[3], t - previous->timestamp);
          else if (b->codes[i] == ACT_RESOLVE)
            /* Right after the promise the wait is the promise's (step 5). */
            add_sample (d->step_samples[5], b->codes[i - 1] == ACT_PROMISE ? 0 : t - previous->timestamp);
        }
    }

  if (!counted_start)
    open_at_start = file->created_at < s && status_is_open (state);

  w->resolved += resolved ? 1 : 0;
  w->rejected += rejected ? 1 : 0;
  w->referred += referred ? 1 : 0;
  w->reopened += reopened;
  w->carried_over += open_at_start ? 1 : 0;
  if (status_is_open (state))
    {
      w->open_at_end++;
      closed_at = 0;
    }

  if (d == NULL)
    return;

  if (registered)
    {
      RowAcc *officer = officer_row (d, b->registered_by[fi]);

      for (guint r = 0; r < PDW_REPORT_N_BREAKDOWNS - 1; r++)
        rows[r]->received++;
      officer->received++;
      g_array_index (d->report->days, PdwReportDay, day_index (d, file->created_at)).received++;
    }
  if (resolved)
    for (guint r = 0; r < PDW_REPORT_N_BREAKDOWNS - 1; r++)
      rows[r]->resolved++;

  if (status_is_open (state))
    {
      gint64 age = MAX (MIN (e, b->now) - cycle_start, 0);
      guint bucket = 0;

      for (guint a = 0; a < PDW_REPORT_N_AGES; a++)
        if (age >= _pdw_report_age_get_min ((PdwReportAge) a))
          bucket = a;
      d->report->backlog[bucket]++;
      g_array_append_val (d->backlog_ages, age);
    }

  if (registered || open_at_start || reopened > 0)
    add_file_row (b, d, file, b->registered_by[fi], rows[PDW_REPORT_BY_KECAMATAN], state, closed_at,
                  frt, resolution, promise, reopened);
}

/* ---- Windows ------------------------------------------------------------------------ */

static guint
count_in (GArray *sorted,
          gint64  start,
          gint64  end)
{
  guint lo = 0, hi = sorted->len, first;

  /* The first index with a time >= start, then the first >= end. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (sorted, gint64, mid) < start)
        lo = mid + 1;
      else
        hi = mid;
    }
  first = lo;
  hi = sorted->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (sorted, gint64, mid) < end)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo - first;
}

static void
window_init (Window *w,
             gint64  start,
             gint64  end)
{
  memset (w, 0, sizeof *w);
  w->start = start;
  w->end = end;
  for (guint i = 0; i < PDW_REPORT_N_DURATIONS; i++)
    w->samples[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
window_clear (Window *w)
{
  for (guint i = 0; i < PDW_REPORT_N_DURATIONS; i++)
    g_clear_pointer (&w->samples[i], g_array_unref);
}

static void
window_compute (Build  *b,
                Window *w,
                Detail *d)
{
  for (guint fi = 0; fi < b->facts->files->len; fi++)
    scan_file (b, w, fi, d);
  w->first_messages = count_in (b->conversation_starts, w->start, w->end);
  w->citizen_messages = count_in (b->citizen_messages, w->start, w->end);
}

static guint
window_answered (const Window *w)
{
  return w->ratings[0] + w->ratings[1] + w->ratings[2] + w->ratings[3];
}

static gboolean
window_satisfaction (const Window *w,
                     double       *mean,
                     double       *index)
{
  guint answered = window_answered (w);
  double sum = 0;

  if (answered == 0)
    return FALSE;
  for (guint r = 0; r < 4; r++)
    sum += (double) (r + 1) * w->ratings[r];
  *mean = sum / answered;
  *index = round (*mean / 4.0 * 100.0 * 100.0) / 100.0;
  return TRUE;
}

/* Every headline figure of a window: has_value FALSE when there is nothing
 * to measure. */
static void
window_figures (const Window *w,
                gboolean      has[PDW_REPORT_N_FIGURES],
                double        value[PDW_REPORT_N_FIGURES])
{
  PdwReportDurationStats stats;
  g_autoptr(GArray) frt = g_array_copy (w->samples[PDW_REPORT_DURATION_FIRST_RESPONSE]);
  g_autoptr(GArray) resolution = g_array_copy (w->samples[PDW_REPORT_DURATION_RESOLUTION]);
  double mean;

  for (guint i = 0; i < PDW_REPORT_N_FIGURES; i++)
    has[i] = TRUE;

  value[PDW_REPORT_FIGURE_RECEIVED] = w->received;
  value[PDW_REPORT_FIGURE_FIRST_MESSAGES] = w->first_messages;
  value[PDW_REPORT_FIGURE_RESOLVED] = w->resolved;
  value[PDW_REPORT_FIGURE_REJECTED] = w->rejected;
  value[PDW_REPORT_FIGURE_REFERRED_BIOMETRIC] = w->referred;
  value[PDW_REPORT_FIGURE_OPEN_AT_END] = w->open_at_end;
  value[PDW_REPORT_FIGURE_CARRIED_OVER] = w->carried_over;
  value[PDW_REPORT_FIGURE_REOPENED] = w->reopened;
  _pdw_report_stats_from_samples (frt, &stats);
  has[PDW_REPORT_FIGURE_FIRST_RESPONSE_MEDIAN] = stats.count > 0;
  value[PDW_REPORT_FIGURE_FIRST_RESPONSE_MEDIAN] = stats.median;
  _pdw_report_stats_from_samples (resolution, &stats);
  has[PDW_REPORT_FIGURE_RESOLUTION_MEDIAN] = stats.count > 0;
  value[PDW_REPORT_FIGURE_RESOLUTION_MEDIAN] = stats.median;
  value[PDW_REPORT_FIGURE_PROMISE_FILES] = w->promise_files;
  value[PDW_REPORT_FIGURE_PROMISE_KEPT] = w->promise_kept;
  has[PDW_REPORT_FIGURE_PROMISE_KEPT_SHARE] = w->promise_files > 0;
  value[PDW_REPORT_FIGURE_PROMISE_KEPT_SHARE] = w->promise_files > 0 ? 100.0 * w->promise_kept / w->promise_files : 0;
  value[PDW_REPORT_FIGURE_SURVEY_ASKED] = w->survey_asked;
  value[PDW_REPORT_FIGURE_SURVEY_ANSWERED] = window_answered (w);
  has[PDW_REPORT_FIGURE_SURVEY_RESPONSE_RATE] = w->survey_asked > 0;
  value[PDW_REPORT_FIGURE_SURVEY_RESPONSE_RATE] = w->survey_asked > 0
                                                  ? 100.0 * window_answered (w) / w->survey_asked : 0;
  has[PDW_REPORT_FIGURE_SATISFACTION_INDEX] = window_satisfaction (w, &mean, &value[PDW_REPORT_FIGURE_SATISFACTION_INDEX]);
  if (!has[PDW_REPORT_FIGURE_SATISFACTION_INDEX])
    value[PDW_REPORT_FIGURE_SATISFACTION_INDEX] = 0;
  value[PDW_REPORT_FIGURE_CITIZEN_MESSAGES] = w->citizen_messages;
}

static void
month_row_from_window (Build          *b,
                       int             year,
                       int             month,
                       PdwReportMonth *row)
{
  Window w;
  gboolean has[PDW_REPORT_N_FIGURES];
  double value[PDW_REPORT_N_FIGURES];

  window_init (&w, pdw_report_month_start (year, month), pdw_report_month_start (year, month + 1));
  window_compute (b, &w, NULL);
  window_figures (&w, has, value);

  memset (row, 0, sizeof *row);
  row->year = year;
  row->month = month;
  row->received = w.received;
  row->first_messages = w.first_messages;
  row->resolved = w.resolved;
  row->rejected = w.rejected;
  row->referred_biometric = w.referred;
  row->open_at_end = w.open_at_end;
  row->carried_over = w.carried_over;
  row->reopened = w.reopened;
  row->promise_files = w.promise_files;
  row->promise_kept = w.promise_kept;
  row->has_resolution_median = has[PDW_REPORT_FIGURE_RESOLUTION_MEDIAN];
  row->resolution_median = (gint64) value[PDW_REPORT_FIGURE_RESOLUTION_MEDIAN];
  row->has_satisfaction_index = has[PDW_REPORT_FIGURE_SATISFACTION_INDEX];
  row->satisfaction_index = value[PDW_REPORT_FIGURE_SATISFACTION_INDEX];
  window_clear (&w);
}

/* ---- The report ------------------------------------------------------------------------ */

static GArray *
sorted_copy (GArray *times)
{
  GArray *copy = g_array_copy (times);
  PdwReportDurationStats ignored;

  /* Sorting is what the statistics helper does first. */
  _pdw_report_stats_from_samples (copy, &ignored);
  return copy;
}

static void
fill_series (Build     *b,
             Detail    *d,
             PdwReport *report)
{
  g_autoptr(GTimeZone) wib = pdw_time_zone_new_wib ();
  g_autoptr(GDateTime) first = g_date_time_new_from_unix_utc (report->period.start);
  GArray *starts = b->conversation_starts;
  GArray *messages = b->citizen_messages;
  gint64 offset;

  offset = g_time_zone_get_offset (wib, g_time_zone_find_interval (wib, G_TIME_TYPE_UNIVERSAL,
                                                                   report->period.start));

  for (guint i = 0; i < d->n_days; i++)
    {
      g_autoptr(GDateTime) utc = g_date_time_add_days (first, (int) i);
      g_autoptr(GDateTime) day = g_date_time_to_timezone (utc, wib);
      PdwReportDay *row = &g_array_index (report->days, PdwReportDay, i);

      row->year = g_date_time_get_year (day);
      row->month = g_date_time_get_month (day);
      row->day = g_date_time_get_day_of_month (day);
    }

  for (guint i = 0; i < starts->len; i++)
    {
      gint64 t = g_array_index (starts, gint64, i);

      if (t >= report->period.start && t < report->period.end)
        g_array_index (report->days, PdwReportDay, day_index (d, t)).first_messages++;
    }

  for (guint i = 0; i < messages->len; i++)
    {
      gint64 t = g_array_index (messages, gint64, i);
      gint64 local = t + offset;
      gint64 days = local / DAY;

      if (t < report->period.start || t >= report->period.end)
        continue;
      g_array_index (report->days, PdwReportDay, day_index (d, t)).citizen_messages++;
      /* 1 January 1970 was a Thursday (3 days after a Monday). */
      report->hours[(days + 3) % 7][(local % DAY) / 3600]++;
    }
}

static void
fill_satisfaction (PdwReport    *report,
                   const Window *w)
{
  PdwReportSatisfaction *sat = &report->satisfaction;

  sat->asked = w->survey_asked;
  sat->answered = window_answered (w);
  sat->response_rate = w->survey_asked > 0 ? 100.0 * sat->answered / w->survey_asked : 0;
  memcpy (sat->distribution, w->ratings, sizeof sat->distribution);
  sat->has_index = window_satisfaction (w, &sat->mean, &sat->index);
  sat->grade = sat->has_index ? pdw_report_satisfaction_grade (sat->index) : '\0';
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  const PdwReportFile *fa = a, *fb = b;

  if (fa->registered_at != fb->registered_at)
    return fa->registered_at < fb->registered_at ? -1 : 1;
  return g_strcmp0 (fa->ticket, fb->ticket);
}

static void
fill_months (Build     *b,
             PdwReport *report)
{
  const PdwReportPeriod *period = &report->period;
  int from = period->from_year * 12 + period->from_month - 1;
  int to = period->to_year * 12 + period->to_month - 1;

  /* A month report's rekapitulasi is its year to date. */
  if (period->kind == PDW_REPORT_PERIOD_MONTH)
    from = period->from_year * 12;

  for (int m = from; m <= to; m++)
    {
      PdwReportMonth row;

      month_row_from_window (b, m / 12, m % 12 + 1, &row);
      g_array_append_val (report->months, row);
    }
}

PdwReport *
pdw_report_build (const PdwReportPeriod *period,
                  const PdwReportFacts  *facts,
                  PdwServiceCalendar    *calendar,
                  const PdwSlaPolicy    *policy,
                  gint64                 now)
{
  PdwReport *report;
  Build b = { 0 };
  Detail d = { 0 };
  Window current, previous;
  PdwReportPeriod previous_period;
  gboolean has[PDW_REPORT_N_FIGURES], had[PDW_REPORT_N_FIGURES];
  double value[PDW_REPORT_N_FIGURES], before[PDW_REPORT_N_FIGURES];
  gint64 span_start, span_end;

  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (facts != NULL, NULL);
  g_return_val_if_fail (PDW_IS_SERVICE_CALENDAR (calendar), NULL);
  g_return_val_if_fail (policy != NULL, NULL);
  pdw_report_facts_get_span (period, &span_start, &span_end);
  g_return_val_if_fail (facts->start <= span_start && facts->end >= span_end, NULL);

  report = _pdw_report_new ();
  report->period = *period;
  report->generated_at = now;
  report->policy = *policy;
  report->policy_text = _pdw_report_dup_policy_text (policy, calendar, TRUE);
  report->policy_label = _pdw_report_dup_policy_text (policy, calendar, FALSE);

  b.facts = facts;
  b.now = now;
  b.conversation_starts = sorted_copy (facts->conversation_starts);
  b.citizen_messages = sorted_copy (facts->citizen_messages);
  build_promises (&b, calendar, policy);

  d.report = report;
  for (guint i = 0; i < PDW_REPORT_N_BREAKDOWNS; i++)
    d.rows[i] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) row_acc_free);
  for (guint i = 0; i < PDW_REPORT_N_SOP_STEPS; i++)
    d.step_samples[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
  d.backlog_ages = g_array_new (FALSE, FALSE, sizeof (gint64));
  d.day_zero = period->start;
  d.n_days = (guint) ((period->end - period->start + DAY / 2) / DAY);
  g_array_set_size (report->days, d.n_days);

  window_init (&current, period->start, period->end);
  window_compute (&b, &current, &d);
  pdw_report_period_previous (period, &previous_period);
  window_init (&previous, previous_period.start, previous_period.end);
  window_compute (&b, &previous, NULL);

  window_figures (&current, has, value);
  window_figures (&previous, had, before);
  for (guint i = 0; i < PDW_REPORT_N_FIGURES; i++)
    {
      PdwReportFigureValue *fig = &report->figures[i];

      fig->figure = (PdwReportFigure) i;
      fig->has_value = has[i];
      fig->value = has[i] ? value[i] : 0;
      fig->has_previous = had[i];
      fig->previous = had[i] ? before[i] : 0;
      fig->change = has[i] && had[i] ? value[i] - before[i] : 0;
    }

  for (guint i = 0; i < PDW_REPORT_N_DURATIONS; i++)
    _pdw_report_stats_from_samples (current.samples[i], &report->durations[i]);
  for (guint i = 0; i < PDW_REPORT_N_SOP_STEPS; i++)
    {
      PdwReportSopStep *step = &report->steps[i];
      static const char * const step_actions[] = {
        NULL, NULL, "register", "add_to_consolidation", "send_standard_reply", "resolve",
      };

      step->step = i + 1;
      /* Steps 1 and 2 are the citizen's and the chat's: the SOP gives 1
       * minute each, as for registering. */
      step->standard = step_actions[i] != NULL ? pdw_workflow_action_get_standard_time (step_actions[i]) : 60;
      _pdw_report_stats_from_samples (d.step_samples[i], &step->stats);
      if (i != 4)
        for (guint k = 0; k < d.step_samples[i]->len; k++)
          step->over_standard += g_array_index (d.step_samples[i], gint64, k) > step->standard ? 1 : 0;
    }
  _pdw_report_stats_from_samples (d.backlog_ages, &report->backlog_ages);
  finish_rows (&d, current.received);
  fill_series (&b, &d, report);
  fill_satisfaction (report, &current);
  g_array_sort (report->files, compare_files);
  fill_months (&b, report);

  window_clear (&current);
  window_clear (&previous);
  for (guint i = 0; i < PDW_REPORT_N_BREAKDOWNS; i++)
    g_hash_table_unref (d.rows[i]);
  for (guint i = 0; i < PDW_REPORT_N_SOP_STEPS; i++)
    g_array_unref (d.step_samples[i]);
  g_array_unref (d.backlog_ages);
  g_array_unref (b.conversation_starts);
  g_array_unref (b.citizen_messages);
  g_free (b.promises);
  g_free (b.codes);
  g_free (b.registered_by);
  g_free (b.last_line);
  g_free (b.ends_closed);

  return report;
}
