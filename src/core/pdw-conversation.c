/* pdw-conversation.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pdw-conversation.h"
#include "pdw-record-private.h"
#include "pdw-workflow.h"

struct _PdwConversation
{
  GObject  parent_instance;

  gint64   id;
  gint64   contact_id;
  char    *wa_id;
  char    *profile_name;
  char    *last_message_text;
  gint64   last_message_time;
  int      last_message_direction;
  gboolean last_message_automatic;
  gint64   last_inbound_time;
  guint    unread_count;
  gint64   complaint_id;
  char    *complaint_ticket;
  int      complaint_status;
  gint64   complaint_due_at;
  guint    n_merged_numbers;
  char    *pending_step;
};

G_DEFINE_FINAL_TYPE (PdwConversation, pdw_conversation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CONTACT_ID,
  PROP_WA_ID,
  PROP_PROFILE_NAME,
  PROP_DISPLAY_NAME,
  PROP_LAST_MESSAGE_TEXT,
  PROP_LAST_MESSAGE_TIME,
  PROP_LAST_MESSAGE_DIRECTION,
  PROP_LAST_MESSAGE_AUTOMATIC,
  PROP_LAST_INBOUND_TIME,
  PROP_UNREAD_COUNT,
  PROP_COMPLAINT_ID,
  PROP_COMPLAINT_TICKET,
  PROP_COMPLAINT_STATUS,
  PROP_COMPLAINT_DUE_AT,
  PROP_N_MERGED_NUMBERS,
  PROP_PENDING_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_all_digits (const char *str)
{
  if (str == NULL || *str == '\0')
    return FALSE;

  for (const char *p = str; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* "6280034567890" -> "+62 800-3456-7890", the way Indonesian officers
 * write a mobile number; other countries just get the "+". */
static char *
format_wa_id (const char *wa_id)
{
  const char *rest;
  gsize len;

  if (wa_id == NULL || *wa_id == '\0')
    return g_strdup (_("Unknown WhatsApp user"));

  if (!is_all_digits (wa_id))
    return g_strdup (wa_id);

  if (!g_str_has_prefix (wa_id, "62") || strlen (wa_id) < 10)
    return g_strdup_printf ("+%s", wa_id);

  rest = wa_id + 2;
  len = strlen (rest);

  return g_strdup_printf ("+62 %.3s-%.4s-%s", rest, rest + 3, len > 7 ? rest + 7 : "");
}

static void
pdw_conversation_finalize (GObject *object)
{
  PdwConversation *self = (PdwConversation *)object;

  g_clear_pointer (&self->wa_id, g_free);
  g_clear_pointer (&self->profile_name, g_free);
  g_clear_pointer (&self->last_message_text, g_free);
  g_clear_pointer (&self->complaint_ticket, g_free);
  g_clear_pointer (&self->pending_step, g_free);

  G_OBJECT_CLASS (pdw_conversation_parent_class)->finalize (object);
}

static void
pdw_conversation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PdwConversation *self = PDW_CONVERSATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;
    case PROP_WA_ID:
      g_value_set_string (value, self->wa_id);
      break;
    case PROP_PROFILE_NAME:
      g_value_set_string (value, self->profile_name);
      break;
    case PROP_DISPLAY_NAME:
      g_value_take_string (value, pdw_conversation_dup_display_name (self));
      break;
    case PROP_LAST_MESSAGE_TEXT:
      g_value_set_string (value, self->last_message_text);
      break;
    case PROP_LAST_MESSAGE_TIME:
      g_value_set_int64 (value, self->last_message_time);
      break;
    case PROP_LAST_MESSAGE_DIRECTION:
      g_value_set_int (value, self->last_message_direction);
      break;
    case PROP_LAST_MESSAGE_AUTOMATIC:
      g_value_set_boolean (value, self->last_message_automatic);
      break;
    case PROP_LAST_INBOUND_TIME:
      g_value_set_int64 (value, self->last_inbound_time);
      break;
    case PROP_UNREAD_COUNT:
      g_value_set_uint (value, self->unread_count);
      break;
    case PROP_COMPLAINT_ID:
      g_value_set_int64 (value, self->complaint_id);
      break;
    case PROP_COMPLAINT_TICKET:
      g_value_set_string (value, self->complaint_ticket);
      break;
    case PROP_COMPLAINT_STATUS:
      g_value_set_int (value, self->complaint_status);
      break;
    case PROP_COMPLAINT_DUE_AT:
      g_value_set_int64 (value, self->complaint_due_at);
      break;
    case PROP_N_MERGED_NUMBERS:
      g_value_set_uint (value, self->n_merged_numbers);
      break;
    case PROP_PENDING_STEP:
      g_value_set_string (value, self->pending_step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_conversation_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PdwConversation *self = PDW_CONVERSATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      pdw_record_set_int64 (object, &self->id, g_value_get_int64 (value), pspec);
      break;
    case PROP_CONTACT_ID:
      pdw_record_set_int64 (object, &self->contact_id, g_value_get_int64 (value), pspec);
      break;
    case PROP_WA_ID:
      if (pdw_record_set_string (object, &self->wa_id, g_value_get_string (value), pspec))
        g_object_notify_by_pspec (object, properties[PROP_DISPLAY_NAME]);
      break;
    case PROP_PROFILE_NAME:
      if (pdw_record_set_string (object, &self->profile_name, g_value_get_string (value), pspec))
        g_object_notify_by_pspec (object, properties[PROP_DISPLAY_NAME]);
      break;
    case PROP_LAST_MESSAGE_TEXT:
      pdw_record_set_string (object, &self->last_message_text, g_value_get_string (value), pspec);
      break;
    case PROP_LAST_MESSAGE_TIME:
      pdw_record_set_int64 (object, &self->last_message_time, g_value_get_int64 (value), pspec);
      break;
    case PROP_LAST_MESSAGE_DIRECTION:
      pdw_record_set_int (object, &self->last_message_direction, g_value_get_int (value), pspec);
      break;
    case PROP_LAST_MESSAGE_AUTOMATIC:
      pdw_record_set_int (object, &self->last_message_automatic, !!g_value_get_boolean (value), pspec);
      break;
    case PROP_LAST_INBOUND_TIME:
      pdw_record_set_int64 (object, &self->last_inbound_time, g_value_get_int64 (value), pspec);
      break;
    case PROP_UNREAD_COUNT:
      pdw_record_set_uint (object, &self->unread_count, g_value_get_uint (value), pspec);
      break;
    case PROP_COMPLAINT_ID:
      pdw_record_set_int64 (object, &self->complaint_id, g_value_get_int64 (value), pspec);
      break;
    case PROP_COMPLAINT_TICKET:
      pdw_record_set_string (object, &self->complaint_ticket, g_value_get_string (value), pspec);
      break;
    case PROP_COMPLAINT_STATUS:
      pdw_record_set_int (object, &self->complaint_status, g_value_get_int (value), pspec);
      break;
    case PROP_COMPLAINT_DUE_AT:
      pdw_record_set_int64 (object, &self->complaint_due_at, g_value_get_int64 (value), pspec);
      break;
    case PROP_N_MERGED_NUMBERS:
      pdw_record_set_uint (object, &self->n_merged_numbers, g_value_get_uint (value), pspec);
      break;
    case PROP_PENDING_STEP:
      pdw_record_set_string (object, &self->pending_step, g_value_get_string (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_conversation_class_init (PdwConversationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pdw_conversation_finalize;
  object_class->get_property = pdw_conversation_get_property;
  object_class->set_property = pdw_conversation_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_WA_ID] =
    g_param_spec_string ("wa-id", NULL, NULL, NULL, rw);
  properties[PROP_PROFILE_NAME] =
    g_param_spec_string ("profile-name", NULL, NULL, NULL, rw);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_MESSAGE_TEXT] =
    g_param_spec_string ("last-message-text", NULL, NULL, NULL, rw);
  properties[PROP_LAST_MESSAGE_TIME] =
    g_param_spec_int64 ("last-message-time", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_LAST_MESSAGE_DIRECTION] =
    g_param_spec_int ("last-message-direction", NULL, NULL,
                      PDW_DIRECTION_IN, PDW_DIRECTION_OUT, PDW_DIRECTION_IN, rw);
  /* The last message is the out-of-hours automatic reply, not an officer's. */
  properties[PROP_LAST_MESSAGE_AUTOMATIC] =
    g_param_spec_boolean ("last-message-automatic", NULL, NULL, FALSE, rw);
  properties[PROP_LAST_INBOUND_TIME] =
    g_param_spec_int64 ("last-inbound-time", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_UNREAD_COUNT] =
    g_param_spec_uint ("unread-count", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_COMPLAINT_ID] =
    g_param_spec_int64 ("complaint-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_COMPLAINT_TICKET] =
    g_param_spec_string ("complaint-ticket", NULL, NULL, NULL, rw);
  properties[PROP_COMPLAINT_STATUS] =
    g_param_spec_int ("complaint-status", NULL, NULL,
                      PDW_COMPLAINT_BARU, PDW_COMPLAINT_STATUS_LAST, PDW_COMPLAINT_BARU, rw);
  properties[PROP_COMPLAINT_DUE_AT] =
    g_param_spec_int64 ("complaint-due-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_N_MERGED_NUMBERS] =
    g_param_spec_uint ("n-merged-numbers", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_PENDING_STEP] =
    g_param_spec_string ("pending-step", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pdw_conversation_init (PdwConversation *self)
{
}

gint64
pdw_conversation_get_id (PdwConversation *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), 0);
  return self->id;
}

gint64
pdw_conversation_get_contact_id (PdwConversation *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), 0);
  return self->contact_id;
}

const char *
pdw_conversation_get_wa_id (PdwConversation *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), NULL);
  return self->wa_id;
}

const char *
pdw_conversation_get_profile_name (PdwConversation *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), NULL);
  return self->profile_name;
}

/* The profile name is whatever the citizen typed in WhatsApp; "~" is what
 * WhatsApp sends when there is none, so it does not count as a name. */
char *
pdw_conversation_dup_display_name (PdwConversation *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (PDW_IS_CONVERSATION (self), NULL);

  name = g_strstrip (g_strdup (self->profile_name ? self->profile_name : ""));
  if (name[0] != '\0' && strcmp (name, "~") != 0)
    return g_steal_pointer (&name);

  return format_wa_id (self->wa_id);
}

const char *
pdw_conversation_get_last_message_text (PdwConversation *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), NULL);
  return self->last_message_text;
}

gint64
pdw_conversation_get_last_message_time (PdwConversation *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), 0);
  return self->last_message_time;
}

PdwDirection
pdw_conversation_get_last_message_direction (PdwConversation *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), PDW_DIRECTION_IN);
  return self->last_message_direction;
}

gboolean
pdw_conversation_get_last_message_automatic (PdwConversation *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), FALSE);
  return self->last_message_automatic;
}

gint64
pdw_conversation_get_last_inbound_time (PdwConversation *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), 0);
  return self->last_inbound_time;
}

guint
pdw_conversation_get_unread_count (PdwConversation *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), 0);
  return self->unread_count;
}

gint64
pdw_conversation_get_complaint_id (PdwConversation *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), 0);
  return self->complaint_id;
}

const char *
pdw_conversation_get_complaint_ticket (PdwConversation *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), NULL);
  return self->complaint_ticket;
}

PdwComplaintStatus
pdw_conversation_get_complaint_status (PdwConversation *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), PDW_COMPLAINT_BARU);
  return self->complaint_status;
}

gint64
pdw_conversation_get_complaint_due_at (PdwConversation *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), 0);
  return self->complaint_due_at;
}

PdwSlaState
pdw_conversation_classify_sla (PdwConversation *self,
                               gint64           now,
                               gint64           soon_threshold)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), PDW_SLA_ON_TIME);

  if (self->complaint_id == 0 || self->complaint_due_at <= 0 ||
      pdw_workflow_status_is_final (self->complaint_status) ||
      pdw_workflow_status_waits_on_citizen (self->complaint_status))
    return PDW_SLA_ON_TIME;

  return pdw_sla_classify (self->complaint_due_at, now, soon_threshold);
}

guint
pdw_conversation_get_n_merged_numbers (PdwConversation *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), 0);
  return self->n_merged_numbers;
}

const char *
pdw_conversation_get_pending_step (PdwConversation *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION (self), NULL);
  return self->pending_step;
}

void
pdw_conversation_update_from (PdwConversation *self,
                              PdwConversation *other)
{
  g_return_if_fail (PDW_IS_CONVERSATION (self));
  g_return_if_fail (PDW_IS_CONVERSATION (other));

  pdw_record_update_from (G_OBJECT (self), G_OBJECT (other));
}
