/* pdw-search-result.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-search-result.h"

enum {
  PROP_0,
  PROP_CONVERSATION_ID,
  PROP_COMPLAINT_ID,
  PROP_DISPLAY_NAME,
  PROP_FIELD,
  PROP_SNIPPET,
  PROP_TIME,
  N_PROPS
};

struct _PdwSearchResult
{
  GObject         parent_instance;

  gint64          conversation_id;
  gint64          complaint_id;
  char           *display_name;
  PdwSearchField  field;
  char           *snippet;
  gint64          time;
};

G_DEFINE_FINAL_TYPE (PdwSearchResult, pdw_search_result, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const char * const field_names[PDW_SEARCH_N_FIELDS] = {
  "ticket", "nik", "kk", "phone", "citizen_name", "profile_name", "message",
};

const char *
pdw_search_field_to_string (PdwSearchField field)
{
  g_return_val_if_fail (field < PDW_SEARCH_N_FIELDS, NULL);
  return field_names[field];
}

guint
pdw_search_field_get_rank (PdwSearchField field)
{
  g_return_val_if_fail (field < PDW_SEARCH_N_FIELDS, 0);

  switch (field)
    {
    case PDW_SEARCH_FIELD_TICKET:
    case PDW_SEARCH_FIELD_NIK:
    case PDW_SEARCH_FIELD_KK:
    case PDW_SEARCH_FIELD_PHONE:
      return 0;
    case PDW_SEARCH_FIELD_CITIZEN_NAME:
    case PDW_SEARCH_FIELD_PROFILE_NAME:
      return 1;
    case PDW_SEARCH_FIELD_MESSAGE:
    case PDW_SEARCH_N_FIELDS:
    default:
      return 2;
    }
}

static void
pdw_search_result_finalize (GObject *object)
{
  PdwSearchResult *self = PDW_SEARCH_RESULT (object);

  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->snippet, g_free);

  G_OBJECT_CLASS (pdw_search_result_parent_class)->finalize (object);
}

static void
pdw_search_result_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PdwSearchResult *self = PDW_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_CONVERSATION_ID: g_value_set_int64 (value, self->conversation_id); break;
    case PROP_COMPLAINT_ID:    g_value_set_int64 (value, self->complaint_id); break;
    case PROP_DISPLAY_NAME:    g_value_set_string (value, self->display_name); break;
    case PROP_FIELD:           g_value_set_int (value, self->field); break;
    case PROP_SNIPPET:         g_value_set_string (value, self->snippet); break;
    case PROP_TIME:            g_value_set_int64 (value, self->time); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_search_result_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PdwSearchResult *self = PDW_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_CONVERSATION_ID: self->conversation_id = g_value_get_int64 (value); break;
    case PROP_COMPLAINT_ID:    self->complaint_id = g_value_get_int64 (value); break;
    case PROP_DISPLAY_NAME:    g_free (self->display_name); self->display_name = g_value_dup_string (value); break;
    case PROP_FIELD:           self->field = g_value_get_int (value); break;
    case PROP_SNIPPET:         g_free (self->snippet); self->snippet = g_value_dup_string (value); break;
    case PROP_TIME:            self->time = g_value_get_int64 (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_search_result_class_init (PdwSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pdw_search_result_finalize;
  object_class->get_property = pdw_search_result_get_property;
  object_class->set_property = pdw_search_result_set_property;

  properties[PROP_CONVERSATION_ID] = g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_COMPLAINT_ID] = g_param_spec_int64 ("complaint-id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, co);
  properties[PROP_FIELD] = g_param_spec_int ("field", NULL, NULL, 0, PDW_SEARCH_N_FIELDS - 1,
                                             PDW_SEARCH_FIELD_MESSAGE, co);
  properties[PROP_SNIPPET] = g_param_spec_string ("snippet", NULL, NULL, NULL, co);
  properties[PROP_TIME] = g_param_spec_int64 ("time", NULL, NULL, G_MININT64, G_MAXINT64, 0, co);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pdw_search_result_init (PdwSearchResult *self)
{
}

PdwSearchResult *
pdw_search_result_new (gint64          conversation_id,
                       gint64          complaint_id,
                       const char     *display_name,
                       PdwSearchField  field,
                       const char     *snippet,
                       gint64          time)
{
  return g_object_new (PDW_TYPE_SEARCH_RESULT,
                       "conversation-id", conversation_id,
                       "complaint-id", complaint_id,
                       "display-name", display_name,
                       "field", (int) field,
                       "snippet", snippet,
                       "time", time,
                       NULL);
}

gint64
pdw_search_result_get_conversation_id (PdwSearchResult *self)
{
  g_return_val_if_fail (PDW_IS_SEARCH_RESULT (self), 0);
  return self->conversation_id;
}

gint64
pdw_search_result_get_complaint_id (PdwSearchResult *self)
{
  g_return_val_if_fail (PDW_IS_SEARCH_RESULT (self), 0);
  return self->complaint_id;
}

const char *
pdw_search_result_get_display_name (PdwSearchResult *self)
{
  g_return_val_if_fail (PDW_IS_SEARCH_RESULT (self), NULL);
  return self->display_name;
}

PdwSearchField
pdw_search_result_get_field (PdwSearchResult *self)
{
  g_return_val_if_fail (PDW_IS_SEARCH_RESULT (self), PDW_SEARCH_FIELD_MESSAGE);
  return self->field;
}

const char *
pdw_search_result_get_snippet (PdwSearchResult *self)
{
  g_return_val_if_fail (PDW_IS_SEARCH_RESULT (self), NULL);
  return self->snippet;
}

gint64
pdw_search_result_get_time (PdwSearchResult *self)
{
  g_return_val_if_fail (PDW_IS_SEARCH_RESULT (self), 0);
  return self->time;
}

int
pdw_search_result_compare (PdwSearchResult *a,
                           PdwSearchResult *b)
{
  guint rank_a, rank_b;

  g_return_val_if_fail (PDW_IS_SEARCH_RESULT (a), 0);
  g_return_val_if_fail (PDW_IS_SEARCH_RESULT (b), 0);

  rank_a = pdw_search_field_get_rank (a->field);
  rank_b = pdw_search_field_get_rank (b->field);
  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;
  if (a->time != b->time)
    return a->time > b->time ? -1 : 1;
  if (a->conversation_id != b->conversation_id)
    return a->conversation_id > b->conversation_id ? -1 : 1;
  return 0;
}
