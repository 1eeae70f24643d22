/* pdw-complaint-event.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-complaint-event.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_COMPLAINT_ID,
  PROP_TIMESTAMP,
  PROP_ACTOR_NAME,
  PROP_ACTOR_NIP,
  PROP_ACTION,
  PROP_FROM_STATUS,
  PROP_TO_STATUS,
  PROP_FROM_PARTY,
  PROP_TO_PARTY,
  PROP_NOTE,
  PROP_ACTOR_INITIALS,
  PROP_MESSAGE_ID,
  PROP_MESSAGE_FAILURE,
  N_PROPS
};

/* Construct-only: a line of the control card never changes once written. */
struct _PdwComplaintEvent
{
  GObject  parent_instance;

  gint64   id;
  gint64   complaint_id;
  gint64   timestamp;
  gint64   message_id;
  PdwComplaintStatus from_status;
  PdwComplaintStatus to_status;
  /* The string properties, indexed by their PROP_ id (other slots unused). */
  char    *strings[N_PROPS];
};

G_DEFINE_FINAL_TYPE (PdwComplaintEvent, pdw_complaint_event, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
pdw_complaint_event_finalize (GObject *object)
{
  PdwComplaintEvent *self = (PdwComplaintEvent *)object;

  for (guint i = 0; i < N_PROPS; i++)
    g_clear_pointer (&self->strings[i], g_free);

  G_OBJECT_CLASS (pdw_complaint_event_parent_class)->finalize (object);
}

static void
pdw_complaint_event_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PdwComplaintEvent *self = PDW_COMPLAINT_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:           g_value_set_int64 (value, self->id); break;
    case PROP_COMPLAINT_ID: g_value_set_int64 (value, self->complaint_id); break;
    case PROP_TIMESTAMP:    g_value_set_int64 (value, self->timestamp); break;
    case PROP_MESSAGE_ID:   g_value_set_int64 (value, self->message_id); break;
    case PROP_FROM_STATUS:  g_value_set_int (value, (int) self->from_status); break;
    case PROP_TO_STATUS:    g_value_set_int (value, (int) self->to_status); break;
    case PROP_ACTOR_NAME:
    case PROP_ACTOR_NIP:
    case PROP_ACTION:
    case PROP_FROM_PARTY:
    case PROP_TO_PARTY:
    case PROP_NOTE:
    case PROP_ACTOR_INITIALS:
    case PROP_MESSAGE_FAILURE:
      g_value_set_string (value, self->strings[prop_id]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_complaint_event_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PdwComplaintEvent *self = PDW_COMPLAINT_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:           self->id = g_value_get_int64 (value); break;
    case PROP_COMPLAINT_ID: self->complaint_id = g_value_get_int64 (value); break;
    case PROP_TIMESTAMP:    self->timestamp = g_value_get_int64 (value); break;
    case PROP_MESSAGE_ID:   self->message_id = g_value_get_int64 (value); break;
    case PROP_FROM_STATUS:  self->from_status = (PdwComplaintStatus) g_value_get_int (value); break;
    case PROP_TO_STATUS:    self->to_status = (PdwComplaintStatus) g_value_get_int (value); break;
    case PROP_ACTOR_NAME:
    case PROP_ACTOR_NIP:
    case PROP_ACTION:
    case PROP_FROM_PARTY:
    case PROP_TO_PARTY:
    case PROP_NOTE:
    case PROP_ACTOR_INITIALS:
    case PROP_MESSAGE_FAILURE:
      g_free (self->strings[prop_id]);
      self->strings[prop_id] = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_complaint_event_class_init (PdwComplaintEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pdw_complaint_event_finalize;
  object_class->get_property = pdw_complaint_event_get_property;
  object_class->set_property = pdw_complaint_event_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_COMPLAINT_ID] =
    g_param_spec_int64 ("complaint-id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_TIMESTAMP] =
    g_param_spec_int64 ("timestamp", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_ACTOR_NAME] =
    g_param_spec_string ("actor-name", NULL, NULL, NULL, co);
  properties[PROP_ACTOR_NIP] =
    g_param_spec_string ("actor-nip", NULL, NULL, NULL, co);
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL, NULL, co);
  properties[PROP_FROM_STATUS] =
    g_param_spec_int ("from-status", NULL, NULL,
                      -1, PDW_COMPLAINT_STATUS_LAST, -1, co);
  properties[PROP_TO_STATUS] =
    g_param_spec_int ("to-status", NULL, NULL,
                      -1, PDW_COMPLAINT_STATUS_LAST, -1, co);
  properties[PROP_FROM_PARTY] =
    g_param_spec_string ("from-party", NULL, NULL, NULL, co);
  properties[PROP_TO_PARTY] =
    g_param_spec_string ("to-party", NULL, NULL, NULL, co);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, co);
  properties[PROP_ACTOR_INITIALS] =
    g_param_spec_string ("actor-initials", NULL, NULL, NULL, co);
  properties[PROP_MESSAGE_ID] =
    g_param_spec_int64 ("message-id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_MESSAGE_FAILURE] =
    g_param_spec_string ("message-failure", NULL, NULL, NULL, co);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pdw_complaint_event_init (PdwComplaintEvent *self)
{
  self->from_status = PDW_COMPLAINT_EVENT_NO_STATUS;
  self->to_status = PDW_COMPLAINT_EVENT_NO_STATUS;
}

gint64
pdw_complaint_event_get_id (PdwComplaintEvent *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (self), 0);
  return self->id;
}

gint64
pdw_complaint_event_get_complaint_id (PdwComplaintEvent *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (self), 0);
  return self->complaint_id;
}

gint64
pdw_complaint_event_get_timestamp (PdwComplaintEvent *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (self), 0);
  return self->timestamp;
}

const char *
pdw_complaint_event_get_actor_name (PdwComplaintEvent *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (self), NULL);
  return self->strings[PROP_ACTOR_NAME];
}

const char *
pdw_complaint_event_get_actor_nip (PdwComplaintEvent *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (self), NULL);
  return self->strings[PROP_ACTOR_NIP];
}

const char *
pdw_complaint_event_get_action (PdwComplaintEvent *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (self), NULL);
  return self->strings[PROP_ACTION];
}

PdwComplaintStatus
pdw_complaint_event_get_from_status (PdwComplaintEvent *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (self), PDW_COMPLAINT_EVENT_NO_STATUS);
  return self->from_status;
}

PdwComplaintStatus
pdw_complaint_event_get_to_status (PdwComplaintEvent *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (self), PDW_COMPLAINT_EVENT_NO_STATUS);
  return self->to_status;
}

const char *
pdw_complaint_event_status_name (PdwComplaintStatus status)
{
  if (status == PDW_COMPLAINT_EVENT_NO_STATUS)
    return NULL;
  return pdw_complaint_status_to_string (status);
}

const char *
pdw_complaint_event_get_from_party (PdwComplaintEvent *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (self), NULL);
  return self->strings[PROP_FROM_PARTY];
}

const char *
pdw_complaint_event_get_to_party (PdwComplaintEvent *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (self), NULL);
  return self->strings[PROP_TO_PARTY];
}

const char *
pdw_complaint_event_get_note (PdwComplaintEvent *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (self), NULL);
  return self->strings[PROP_NOTE];
}

const char *
pdw_complaint_event_get_actor_initials (PdwComplaintEvent *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (self), NULL);
  return self->strings[PROP_ACTOR_INITIALS];
}

gint64
pdw_complaint_event_get_message_id (PdwComplaintEvent *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (self), 0);
  return self->message_id;
}

const char *
pdw_complaint_event_get_message_failure (PdwComplaintEvent *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (self), NULL);
  return self->strings[PROP_MESSAGE_FAILURE];
}
