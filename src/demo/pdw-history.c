/* pdw-history.c
 *
 * A small discrete-event simulation.  Citizens arrive day by day (busy
 * after weekends, quiet on Fridays, some at night); each arrival becomes a
 * "case" whose whole course is planned up front (pdw-history-plan.c):
 * messages, the officer's replies, the SOP actions, delivery statuses,
 * each at a time that respects the service calendar (officers act only
 * while the office is open; citizens write whenever they like).  The cases' next steps wait in
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
#include "core/pdw-template.h"
#include "core/pdw-workflow.h"
#include "pdw-history-private.h"

#define BATCH_SIZE      500
#define SOURCE          "generate"
#define PHONE_NUMBER_ID "100000000000001"

static const char * const template_names[] = {
  PDW_TEMPLATE_STANDARD_REPLY, PDW_TEMPLATE_CLOSING, PDW_TEMPLATE_OUT_OF_HOURS,
  PDW_TEMPLATE_BIOMETRIC_REFERRAL, PDW_TEMPLATE_REJECTION, PDW_TEMPLATE_SURVEY,
};

G_STATIC_ASSERT (G_N_ELEMENTS (template_names) == G_N_ELEMENTS (((History *) NULL)->templates));

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

  return day_start + hour * HOUR + _pdw_history_uniform (h, 0, HOUR - 1);
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
      Case *c = _pdw_history_plan_case (h, t, inquiry);

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
  PdwActor actor = { _pdw_history_officers[0].name, _pdw_history_officers[0].nip, _pdw_history_officers[0].initials };

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

/* How citizens write a rating: mostly the bare digit, now and then with a
 * full stop, spaces or as WhatsApp's keycap emoji. */
static char *
rating_text (guint rating,
             guint style)
{
  switch (style)
    {
    case 0:  return g_strdup_printf ("%u.", rating);
    case 1:  return g_strdup_printf (" %u ", rating);
    case 2:  return g_strdup_printf ("%u\xef\xb8\x8f\xe2\x83\xa3", rating);
    default: return g_strdup_printf ("%u", rating);
    }
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
  if (s->kind == STEP_IN_RATING)
    msg->text = rating_text (s->arg, s->flag);
  else
    msg->text = pdw_synthetic_citizen_text (h->synth, s->arg, about, c->institution, s->flag);
  if (s->kind == STEP_IN_IMAGE)
    {
      guint64 media_number = 900000000000000 + h->wamid_counter;

      if (h->opts->media_files_path != NULL)
        msg->media_id = g_strdup_printf ("%s%" G_GUINT64_FORMAT ".jpg", h->opts->media_files_path, media_number);
      else
        msg->media_id = g_strdup_printf ("%" G_GUINT64_FORMAT, media_number);
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

  if (s->kind == STEP_IN_RATING && c->complaint_id != 0)
    {
      g_autoptr(PdwComplaint) rated = pdw_store_dup_complaint (h->store, c->complaint_id, error);

      if (rated == NULL)
        return FALSE;
      if (pdw_complaint_get_survey_rated_at (rated) == s->t)
        {
          h->report->survey_ratings++;
          h->report->events++;
        }
    }

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
  vars.petugas = _pdw_history_officers[s->actor].name;
  vars.jam_buka = pdw_service_calendar_next_opening (h->calendar, s->t);
  vars.alasan = c->reject_reason;

  for (guint i = 0; i < G_N_ELEMENTS (template_names); i++)
    if (g_strcmp0 (template_names[i], name) == 0)
      return pdw_template_render_vars (h->templates[i], &vars, NULL);

  g_return_val_if_reached (NULL);
}

/* The closing message with the survey question, as the desk sends it
 * (the survey is on by default). */
static gint64
queue_closing (History     *h,
               Case        *c,
               const Step  *s,
               gint64       conversation,
               const char  *closing,
               GError     **error)
{
  const Officer *o = &_pdw_history_officers[s->actor];
  PdwActor actor = { o->name, o->nip, o->initials };
  g_autofree char *question = render_template (h, c, PDW_TEMPLATE_SURVEY, s);
  g_autofree char *text = g_strconcat (closing, "\n\n", question, NULL);
  gboolean asked = FALSE;
  gint64 id;

  id = pdw_store_queue_survey_question (h->store, conversation, c->complaint_id, text, &actor, &asked, error);
  if (asked)
    {
      h->report->surveys_asked++;
      h->report->events++;
    }
  return id;
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

  /* An officer answers from the open conversation, which the desk marks
   * read: only what came after the last answer stays unread. */
  if (s->kind != STEP_AUTO_REPLY && !pdw_store_mark_conversation_read (h->store, conversation, error))
    return FALSE;

  switch (s->kind)
    {
    case STEP_OUT_TEXT:
      text = pdw_synthetic_officer_text (h->synth, s->arg, case_who (c, s->who), _pdw_history_officers[s->actor].name);
      id = pdw_store_queue_outgoing_text (h->store, conversation, text, _pdw_history_officers[s->actor].name, error);
      break;
    case STEP_OUT_TEMPLATE:
      text = render_template (h, c, s->name, s);
      if (g_strcmp0 (s->name, PDW_TEMPLATE_CLOSING) == 0)
        id = queue_closing (h, c, s, conversation, text, error);
      else
        id = pdw_store_queue_outgoing_text (h->store, conversation, text, _pdw_history_officers[s->actor].name, error);
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
  const Officer *o = &_pdw_history_officers[s->actor];
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
  const Officer *o = &_pdw_history_officers[s->actor];
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
  const Officer *o = &_pdw_history_officers[0];
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
    case STEP_IN_RATING:
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
    case STEP_READ:
      return c->conversation[s->who] == 0 ||
             pdw_store_mark_conversation_read (h->store, c->conversation[s->who], error);
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

  for (guint i = 0; i < G_N_ELEMENTS (_pdw_history_officers); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < existing->len && !found; j++)
        found = g_strcmp0 (pdw_officer_get_nip (g_ptr_array_index (existing, j)), _pdw_history_officers[i].nip) == 0;

      if (!found && pdw_store_save_officer (h->store, 0, _pdw_history_officers[i].name, _pdw_history_officers[i].nip,
                                            _pdw_history_officers[i].initials, _pdw_history_officers[i].role, TRUE, error) == 0)
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
  h->survey_rand = g_rand_new_with_seed (opts->seed ^ 0x5c0e5u);
  h->calendar = pdw_service_calendar_new ();
  pdw_service_calendar_load_default_holidays (h->calendar);
  h->tz = pdw_time_zone_new_wib ();
  h->scale = opts->scale > 0 ? opts->scale : PDW_HISTORY_DEFAULT_SCALE;
  h->niks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  h->heap = g_ptr_array_new ();
  for (guint i = 0; i < N_ELSEWHERE_DISTRICTS; i++)
    {
      const char *regency = pdw_region_regency_name (_pdw_history_elsewhere_districts[i]);

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
  g_clear_pointer (&h->survey_rand, g_rand_free);
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

      if (g_cancellable_set_error_if_cancelled (h->opts->cancellable, error))
        return FALSE;

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

void
pdw_history_options_end_at (PdwHistoryOptions *opts,
                            gint64             now)
{
  g_autoptr(GTimeZone) wib = pdw_time_zone_new_wib ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, wib);
  g_autoptr(GDateTime) first = NULL;

  g_return_if_fail (opts != NULL);
  g_return_if_fail (opts->months > 0);

  first = g_date_time_add_months (local, 1 - (int) opts->months);
  opts->start_year = g_date_time_get_year (first);
  opts->start_month = g_date_time_get_month (first);
  opts->until = now;
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
