/* pdw-chat-view-survey.c: the satisfaction survey as the chat view sends
 * it: a reply that carries the survey question is queued and recorded on
 * the control card in one step.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-survey.h"
#include "core/pdw-template.h"

#include "pdw-chat-view-private.h"
#include "pdw-context.h"
#include "pdw-duty-officer.h"

/* The survey question (pdw-survey.h) as the closing message carries it in
 * this conversation, or NULL when the template is empty or unreadable. */
char *
_pdw_chat_view_dup_survey_question (PdwChatView  *self,
                                    PdwComplaint *complaint)
{
  g_autoptr(PdwReplyTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *officer = NULL;
  g_autofree char *question = NULL;

  template = pdw_store_dup_reply_template (self->store, PDW_TEMPLATE_SURVEY, &error);
  if (template == NULL)
    {
      g_warning ("Cannot read the survey question: %s", error->message);
      return NULL;
    }

  officer = g_settings_get_string (self->settings, "officer-name");
  question = pdw_template_render_for_conversation (pdw_reply_template_get_body (template),
                                                   self->conversation, complaint, officer,
                                                   _pdw_chat_view_next_opening (self), NULL);
  if (*g_strstrip (question) == '\0')
    return NULL;
  return g_steal_pointer (&question);
}

/* The complaint whose citizen @text asks to rate the service: the
 * conversation's resolved, unrated file when @text carries the survey
 * question (inserted with the closing message, or by hand); else NULL. */
static PdwComplaint *
dup_complaint_surveyed_by (PdwChatView *self,
                           const char  *text)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *question = NULL;

  complaint = pdw_store_dup_conversation_complaint (self->store,
                                                    pdw_conversation_get_id (self->conversation),
                                                    &error);
  if (error != NULL)
    g_warning ("Cannot read the complaint of the conversation: %s", error->message);
  if (complaint == NULL ||
      !pdw_survey_can_ask (pdw_complaint_get_status (complaint), pdw_complaint_get_survey_rating (complaint)))
    return NULL;

  question = _pdw_chat_view_dup_survey_question (self, complaint);
  if (question == NULL || strstr (text, question) == NULL)
    return NULL;
  return g_steal_pointer (&complaint);
}

/* Queues a reply that asks for the survey, and records on the control card
 * that it did, in one step: the card never claims a question that was not
 * sent.  Without the officer's name (the card needs it) it goes as a plain
 * reply, recorded nowhere. */
static gint64
queue_survey_question (PdwChatView   *self,
                       PdwComplaint  *complaint,
                       const char    *text,
                       GError       **error)
{
  g_auto(PdwDutyOfficer) officer = { 0 };
  PdwGatewayService *gateway = pdw_context_get_gateway (self->context);
  gint64 message_id;

  pdw_duty_officer_load_from_context (&officer, self->context);
  if (officer.actor.name == NULL)
    return 0;

  message_id = pdw_store_queue_survey_question (self->store, pdw_conversation_get_id (self->conversation),
                                                pdw_complaint_get_id (complaint), text, &officer.actor,
                                                NULL, error);
  if (message_id > 0 && gateway != NULL)
    pdw_outbox_pump (pdw_gateway_service_get_outbox (gateway));
  return message_id;
}

gint64
_pdw_chat_view_queue_survey_reply (PdwChatView  *self,
                                   const char   *text,
                                   GError      **error)
{
  g_autoptr(PdwComplaint) surveyed = dup_complaint_surveyed_by (self, text);

  if (surveyed == NULL)
    return 0;
  return queue_survey_question (self, surveyed, text, error);
}
