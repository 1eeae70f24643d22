/* pdw-complaint.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-complaint.h"
#include "pdw-record-private.h"
#include "pdw-workflow.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_TICKET,
  PROP_CONVERSATION_ID,
  PROP_CITIZEN_NAME,
  PROP_NIK,
  PROP_KK,
  PROP_PHONE,
  PROP_COMPLAINT_TYPE,
  PROP_INSTITUTION,
  PROP_STATUS,
  PROP_ASSIGNED_OFFICER,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DUE_AT,
  PROP_SLA_STARTED_AT,
  PROP_HOLDER,
  PROP_OVERDUE_NOTIFIED_AT,
  PROP_LISTED_AT,
  PROP_CONSOLIDATION_RESULT,
  PROP_SURVEY_ASKED_AT,
  PROP_SURVEY_RATING,
  PROP_SURVEY_RATED_AT,
  N_PROPS
};

struct _PdwComplaint
{
  GObject  parent_instance;

  gint64   id;
  gint64   conversation_id;
  int      status;
  gint64   created_at;
  gint64   updated_at;
  gint64   due_at;
  gint64   sla_started_at;
  gint64   overdue_notified_at;
  gint64   listed_at;
  gint64   survey_asked_at;
  int      survey_rating;
  gint64   survey_rated_at;
  /* The string properties, indexed by their PROP_ id (other slots unused). */
  char    *strings[N_PROPS];
};

G_DEFINE_FINAL_TYPE (PdwComplaint, pdw_complaint, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
pdw_complaint_finalize (GObject *object)
{
  PdwComplaint *self = (PdwComplaint *)object;

  for (guint i = 0; i < N_PROPS; i++)
    g_clear_pointer (&self->strings[i], g_free);

  G_OBJECT_CLASS (pdw_complaint_parent_class)->finalize (object);
}

static void
pdw_complaint_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PdwComplaint *self = PDW_COMPLAINT (object);

  switch (prop_id)
    {
    case PROP_ID:              g_value_set_int64 (value, self->id); break;
    case PROP_CONVERSATION_ID: g_value_set_int64 (value, self->conversation_id); break;
    case PROP_STATUS:          g_value_set_int (value, self->status); break;
    case PROP_CREATED_AT:      g_value_set_int64 (value, self->created_at); break;
    case PROP_UPDATED_AT:      g_value_set_int64 (value, self->updated_at); break;
    case PROP_DUE_AT:          g_value_set_int64 (value, self->due_at); break;
    case PROP_SLA_STARTED_AT:  g_value_set_int64 (value, self->sla_started_at); break;
    case PROP_OVERDUE_NOTIFIED_AT: g_value_set_int64 (value, self->overdue_notified_at); break;
    case PROP_LISTED_AT:       g_value_set_int64 (value, self->listed_at); break;
    case PROP_SURVEY_ASKED_AT: g_value_set_int64 (value, self->survey_asked_at); break;
    case PROP_SURVEY_RATING:   g_value_set_int (value, self->survey_rating); break;
    case PROP_SURVEY_RATED_AT: g_value_set_int64 (value, self->survey_rated_at); break;
    case PROP_TICKET:
    case PROP_CITIZEN_NAME:
    case PROP_NIK:
    case PROP_KK:
    case PROP_PHONE:
    case PROP_COMPLAINT_TYPE:
    case PROP_INSTITUTION:
    case PROP_ASSIGNED_OFFICER:
    case PROP_HOLDER:
    case PROP_CONSOLIDATION_RESULT:
      g_value_set_string (value, self->strings[prop_id]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_complaint_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PdwComplaint *self = PDW_COMPLAINT (object);

  switch (prop_id)
    {
    case PROP_ID:
      pdw_record_set_int64 (object, &self->id, g_value_get_int64 (value), pspec);
      break;
    case PROP_CONVERSATION_ID:
      pdw_record_set_int64 (object, &self->conversation_id, g_value_get_int64 (value), pspec);
      break;
    case PROP_STATUS:
      pdw_record_set_int (object, &self->status, g_value_get_int (value), pspec);
      break;
    case PROP_CREATED_AT:
      pdw_record_set_int64 (object, &self->created_at, g_value_get_int64 (value), pspec);
      break;
    case PROP_UPDATED_AT:
      pdw_record_set_int64 (object, &self->updated_at, g_value_get_int64 (value), pspec);
      break;
    case PROP_DUE_AT:
      pdw_record_set_int64 (object, &self->due_at, g_value_get_int64 (value), pspec);
      break;
    case PROP_SLA_STARTED_AT:
      pdw_record_set_int64 (object, &self->sla_started_at, g_value_get_int64 (value), pspec);
      break;
    case PROP_OVERDUE_NOTIFIED_AT:
      pdw_record_set_int64 (object, &self->overdue_notified_at, g_value_get_int64 (value), pspec);
      break;
    case PROP_LISTED_AT:
      pdw_record_set_int64 (object, &self->listed_at, g_value_get_int64 (value), pspec);
      break;
    case PROP_SURVEY_ASKED_AT:
      pdw_record_set_int64 (object, &self->survey_asked_at, g_value_get_int64 (value), pspec);
      break;
    case PROP_SURVEY_RATING:
      pdw_record_set_int (object, &self->survey_rating, g_value_get_int (value), pspec);
      break;
    case PROP_SURVEY_RATED_AT:
      pdw_record_set_int64 (object, &self->survey_rated_at, g_value_get_int64 (value), pspec);
      break;
    case PROP_TICKET:
    case PROP_CITIZEN_NAME:
    case PROP_NIK:
    case PROP_KK:
    case PROP_PHONE:
    case PROP_COMPLAINT_TYPE:
    case PROP_INSTITUTION:
    case PROP_ASSIGNED_OFFICER:
    case PROP_HOLDER:
    case PROP_CONSOLIDATION_RESULT:
      pdw_record_set_string (object, &self->strings[prop_id], g_value_get_string (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_complaint_class_init (PdwComplaintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pdw_complaint_finalize;
  object_class->get_property = pdw_complaint_get_property;
  object_class->set_property = pdw_complaint_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TICKET] =
    g_param_spec_string ("ticket", NULL, NULL, NULL, rw);
  properties[PROP_CONVERSATION_ID] =
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CITIZEN_NAME] =
    g_param_spec_string ("citizen-name", NULL, NULL, NULL, rw);
  properties[PROP_NIK] =
    g_param_spec_string ("nik", NULL, NULL, NULL, rw);
  properties[PROP_KK] =
    g_param_spec_string ("kk", NULL, NULL, NULL, rw);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  properties[PROP_COMPLAINT_TYPE] =
    g_param_spec_string ("complaint-type", NULL, NULL, NULL, rw);
  properties[PROP_INSTITUTION] =
    g_param_spec_string ("institution", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      PDW_COMPLAINT_BARU, PDW_COMPLAINT_STATUS_LAST, PDW_COMPLAINT_BARU, rw);
  properties[PROP_ASSIGNED_OFFICER] =
    g_param_spec_string ("assigned-officer", NULL, NULL, NULL, rw);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_DUE_AT] =
    g_param_spec_int64 ("due-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SLA_STARTED_AT] =
    g_param_spec_int64 ("sla-started-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_HOLDER] =
    g_param_spec_string ("holder", NULL, NULL, NULL, rw);
  properties[PROP_OVERDUE_NOTIFIED_AT] =
    g_param_spec_int64 ("overdue-notified-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_LISTED_AT] =
    g_param_spec_int64 ("listed-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CONSOLIDATION_RESULT] =
    g_param_spec_string ("consolidation-result", NULL, NULL, NULL, rw);
  properties[PROP_SURVEY_ASKED_AT] =
    g_param_spec_int64 ("survey-asked-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SURVEY_RATING] =
    g_param_spec_int ("survey-rating", NULL, NULL, 0, 4, 0, rw);
  properties[PROP_SURVEY_RATED_AT] =
    g_param_spec_int64 ("survey-rated-at", NULL, NULL, 0, G_MAXINT64, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pdw_complaint_init (PdwComplaint *self)
{
}

gint64
pdw_complaint_get_id (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), 0);
  return self->id;
}

const char *
pdw_complaint_get_ticket (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), NULL);
  return self->strings[PROP_TICKET];
}

gint64
pdw_complaint_get_conversation_id (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), 0);
  return self->conversation_id;
}

const char *
pdw_complaint_get_citizen_name (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), NULL);
  return self->strings[PROP_CITIZEN_NAME];
}

const char *
pdw_complaint_get_nik (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), NULL);
  return self->strings[PROP_NIK];
}

const char *
pdw_complaint_get_kk (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), NULL);
  return self->strings[PROP_KK];
}

const char *
pdw_complaint_get_phone (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), NULL);
  return self->strings[PROP_PHONE];
}

const char *
pdw_complaint_get_complaint_type (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), NULL);
  return self->strings[PROP_COMPLAINT_TYPE];
}

const char *
pdw_complaint_get_institution (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), NULL);
  return self->strings[PROP_INSTITUTION];
}

PdwComplaintStatus
pdw_complaint_get_status (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), PDW_COMPLAINT_BARU);
  return self->status;
}

const char *
pdw_complaint_get_assigned_officer (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), NULL);
  return self->strings[PROP_ASSIGNED_OFFICER];
}

gint64
pdw_complaint_get_created_at (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), 0);
  return self->created_at;
}

gint64
pdw_complaint_get_updated_at (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), 0);
  return self->updated_at;
}

gint64
pdw_complaint_get_due_at (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), 0);
  return self->due_at;
}

gint64
pdw_complaint_get_sla_started_at (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), 0);
  return self->sla_started_at;
}

const char *
pdw_complaint_get_holder (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), NULL);

  if (self->strings[PROP_HOLDER] != NULL)
    return self->strings[PROP_HOLDER];

  return self->strings[PROP_ASSIGNED_OFFICER];
}

gint64
pdw_complaint_get_overdue_notified_at (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), 0);
  return self->overdue_notified_at;
}

gint64
pdw_complaint_get_listed_at (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), 0);
  return self->listed_at;
}

const char *
pdw_complaint_get_consolidation_result (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), NULL);
  return self->strings[PROP_CONSOLIDATION_RESULT];
}

PdwSlaState
pdw_complaint_classify_sla (PdwComplaint *self,
                            gint64        now,
                            gint64        soon_threshold)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), PDW_SLA_ON_TIME);

  if (self->due_at <= 0 ||
      pdw_workflow_status_is_final (self->status) ||
      pdw_workflow_status_waits_on_citizen (self->status))
    return PDW_SLA_ON_TIME;

  return pdw_sla_classify (self->due_at, now, soon_threshold);
}

gint64
pdw_complaint_get_survey_asked_at (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), 0);
  return self->survey_asked_at;
}

int
pdw_complaint_get_survey_rating (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), 0);
  return self->survey_rating;
}

gint64
pdw_complaint_get_survey_rated_at (PdwComplaint *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT (self), 0);
  return self->survey_rated_at;
}
