/* pdw-chat-view-drafts.c: what the officer has not sent yet.  The
 * composer's text is kept in the store as the conversation's draft, with
 * the SOP step it will record when it goes: an SOP step that speaks to the
 * citizen (the standard reply, the referral, the closing message, the
 * rejection) fills the composer and waits there, and it is written on the
 * control card only with its message, in one act, when Send queues it.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/pdw-survey.h"
#include "core/pdw-template.h"
#include "core/pdw-workflow.h"

#include "pdw-chat-view-private.h"
#include "pdw-context.h"
#include "pdw-duty-officer.h"

/* A moment after typing stops, not on every key: each save is a commit. */
#define DRAFT_SAVE_DELAY_MS 1500

static void
set_step_details (PdwChatView *self,
                  const char  *note,
                  const char  *party,
                  const char  *promise)
{
  char *new_note = g_strdup (note);
  char *new_party = g_strdup (party);
  char *new_promise = g_strdup (promise);

  g_free (self->step_note);
  g_free (self->step_party);
  g_free (self->step_promise);
  self->step_note = new_note;
  self->step_party = new_party;
  self->step_promise = new_promise;
}

void
_pdw_chat_view_save_draft (PdwChatView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->draft_save_id, g_source_remove);

  if (self->conversation == NULL || self->store == NULL)
    return;

  text = pdw_composer_dup_text (self->composer);
  if (!pdw_store_save_draft (self->store, pdw_conversation_get_id (self->conversation), text,
                             pdw_composer_get_step (self->composer), self->step_note, self->step_party,
                             self->step_promise, &error))
    g_warning ("Cannot keep the draft: %s", error->message);
}

static gboolean
save_draft_cb (gpointer user_data)
{
  PdwChatView *self = user_data;

  self->draft_save_id = 0;
  _pdw_chat_view_save_draft (self);
  return G_SOURCE_REMOVE;
}

static void
composer_changed_cb (PdwChatView *self,
                     PdwComposer *composer)
{
  if (self->restoring_draft || self->conversation == NULL)
    return;

  g_clear_handle_id (&self->draft_save_id, g_source_remove);
  self->draft_save_id = g_timeout_add (DRAFT_SAVE_DELAY_MS, save_draft_cb, self);
}

/* A step set, cancelled or dropped with the emptied text: the queue's
 * "unsent draft" mark follows at once. */
static void
composer_step_changed_cb (PdwChatView *self,
                          GParamSpec  *pspec,
                          PdwComposer *composer)
{
  if (pdw_composer_get_step (composer) == NULL)
    set_step_details (self, NULL, NULL, NULL);

  if (!self->restoring_draft)
    _pdw_chat_view_save_draft (self);
}

/* The status the file has once @action is applied, or -1 when the step is
 * not possible from where the file is now. */
static int
status_after_step (PdwComplaint *complaint,
                   const char   *action,
                   const char   *note,
                   const char   *party)
{
  PdwWorkflowInput input = { note, party, FALSE };
  PdwComplaintStatus to;

  if (complaint == NULL)
    return -1;

  input.sla_started = pdw_complaint_get_sla_started_at (complaint) > 0;
  if (!pdw_workflow_check (pdw_complaint_get_status (complaint), action, &input, &to, NULL))
    return -1;
  return (int) to;
}

static PdwComplaint *
dup_complaint (PdwChatView *self)
{
  g_autoptr(GError) error = NULL;
  PdwComplaint *complaint;

  complaint = pdw_store_dup_conversation_complaint (self->store, pdw_conversation_get_id (self->conversation),
                                                    &error);
  if (error != NULL)
    g_warning ("Cannot read the complaint of the conversation: %s", error->message);
  return complaint;
}

void
_pdw_chat_view_restore_draft (PdwChatView *self)
{
  g_auto(PdwDraft) draft = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean step_dropped = FALSE;

  g_clear_handle_id (&self->draft_save_id, g_source_remove);

  self->restoring_draft = TRUE;
  if (self->conversation != NULL && self->store != NULL &&
      !pdw_store_read_draft (self->store, pdw_conversation_get_id (self->conversation), &draft, &error))
    g_warning ("Cannot read the draft: %s", error->message);

  pdw_composer_set_text (self->composer, draft.text);
  pdw_composer_set_step (self->composer, NULL, NULL);
  set_step_details (self, NULL, NULL, NULL);

  if (draft.text != NULL && draft.step_action != NULL)
    {
      g_autoptr(PdwComplaint) complaint = dup_complaint (self);

      /* The file moved on meanwhile (another officer, the consolidation
       * import): the text stays, as an ordinary reply. */
      if (status_after_step (complaint, draft.step_action, draft.step_note, draft.step_party) < 0)
        step_dropped = TRUE;
      else
        {
          set_step_details (self, draft.step_note, draft.step_party, draft.step_promise);
          pdw_composer_set_step (self->composer, draft.step_action,
                                 pdw_workflow_action_get_label (draft.step_action));
        }
    }
  self->restoring_draft = FALSE;

  if (step_dropped)
    _pdw_chat_view_save_draft (self);
}

void
pdw_chat_view_begin_step (PdwChatView *self,
                          const char  *action,
                          const char  *note,
                          const char  *party)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autofree char *promise = NULL;
  const char *template_name;
  gint64 due_at = 0;
  int status_after;

  g_return_if_fail (PDW_IS_CHAT_VIEW (self));
  g_return_if_fail (action != NULL);

  template_name = pdw_workflow_action_get_template (action);
  if (self->conversation == NULL || self->store == NULL || template_name == NULL)
    return;

  complaint = dup_complaint (self);
  status_after = status_after_step (complaint, action, note, party);
  if (status_after < 0)
    return;

  /* The standard reply names its due time as if sent now; Send makes it
   * the one the card records (PdwStepMessage.promised_due). */
  if (pdw_workflow_action_starts_sla (action))
    {
      due_at = pdw_store_compute_due (self->store, pdw_store_get_now (self->store));
      promise = due_at > 0 ? pdw_template_format_time (due_at) : NULL;
    }

  /* The text first: setting it must not drop the step it is for. */
  self->restoring_draft = TRUE;
  if (!_pdw_chat_view_fill_composer (self, template_name, status_after, due_at, note))
    {
      self->restoring_draft = FALSE;
      return;
    }
  set_step_details (self, note, party, promise);
  pdw_composer_set_step (self->composer, action, pdw_workflow_action_get_label (action));
  self->restoring_draft = FALSE;

  _pdw_chat_view_save_draft (self);
}

gint64
_pdw_chat_view_queue_step_reply (PdwChatView  *self,
                                 const char   *text,
                                 GError      **error)
{
  g_auto(PdwDutyOfficer) officer = { 0 };
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autofree char *question = NULL;
  PdwGatewayService *gateway = pdw_context_get_gateway (self->context);
  PdwStepMessage step = { 0 };
  gint64 message_id;

  step.action = pdw_composer_get_step (self->composer);
  if (step.action == NULL)
    return 0;

  complaint = dup_complaint (self);
  if (complaint == NULL)
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND,
                           _("This conversation has no complaint any more."));
      return 0;
    }

  step.note = self->step_note;
  step.to_party = self->step_party;
  step.promised_due = self->step_promise;
  /* The closing message that carries the survey question asks for it. */
  if (g_strcmp0 (step.action, "resolve") == 0 &&
      (question = _pdw_chat_view_dup_survey_question (self, complaint)) != NULL)
    step.asks_survey = strstr (text, question) != NULL;

  pdw_duty_officer_load_from_context (&officer, self->context);
  message_id = pdw_store_queue_step_message (self->store, pdw_conversation_get_id (self->conversation),
                                             pdw_complaint_get_id (complaint), &step, text,
                                             &officer.actor, error);
  if (message_id > 0 && gateway != NULL)
    pdw_outbox_pump (pdw_gateway_service_get_outbox (gateway));
  return message_id;
}

void
_pdw_chat_view_init_drafts (PdwChatView *self)
{
  g_signal_connect_object (self->composer, "changed",
                           G_CALLBACK (composer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->composer, "notify::step",
                           G_CALLBACK (composer_step_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_pdw_chat_view_flush_draft (PdwChatView *self)
{
  if (self->draft_save_id != 0)
    _pdw_chat_view_save_draft (self);
}

void
_pdw_chat_view_dispose_drafts (PdwChatView *self)
{
  /* The window closes with a reply half typed: it is kept. */
  if (self->composer != NULL)
    _pdw_chat_view_flush_draft (self);
  g_clear_handle_id (&self->draft_save_id, g_source_remove);
  g_clear_pointer (&self->step_note, g_free);
  g_clear_pointer (&self->step_party, g_free);
  g_clear_pointer (&self->step_promise, g_free);
}
