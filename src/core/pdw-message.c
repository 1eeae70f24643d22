/* pdw-message.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-message.h"
#include "pdw-record-private.h"

struct _PdwMessage
{
  GObject  parent_instance;

  gint64   id;
  gint64   conversation_id;
  char    *wamid;
  int      direction;
  char    *message_type;
  char    *text;
  char    *media_id;
  char    *media_mime_type;
  char    *media_filename;
  gint64   timestamp;
  int      status;
  int      error_code;
  char    *error_title;
  char    *officer_name;
  char    *template_name;
  char    *template_language;
  GStrv    template_params;
  char    *from_wa_id;
  int      media_state;
  char    *media_path;
  gint64   media_size;
  int      media_attempts;
  char    *media_error;
  char    *media_sha256;
};

G_DEFINE_FINAL_TYPE (PdwMessage, pdw_message, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CONVERSATION_ID,
  PROP_WAMID,
  PROP_DIRECTION,
  PROP_MESSAGE_TYPE,
  PROP_TEXT,
  PROP_MEDIA_ID,
  PROP_MEDIA_MIME_TYPE,
  PROP_MEDIA_FILENAME,
  PROP_TIMESTAMP,
  PROP_STATUS,
  PROP_ERROR_CODE,
  PROP_ERROR_TITLE,
  PROP_OFFICER_NAME,
  PROP_TEMPLATE_NAME,
  PROP_TEMPLATE_LANGUAGE,
  PROP_TEMPLATE_PARAMS,
  PROP_FROM_WA_ID,
  PROP_MEDIA_STATE,
  PROP_MEDIA_PATH,
  PROP_MEDIA_SIZE,
  PROP_MEDIA_ATTEMPTS,
  PROP_MEDIA_ERROR,
  PROP_MEDIA_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_strv (GObject             *object,
          GStrv               *field,
          const char * const  *value,
          GParamSpec          *pspec)
{
  const char * const empty[] = { NULL };

  /* NULL and empty are the same list: no notification between them. */
  if (g_strv_equal (*field ? (const char * const *) *field : empty,
                    value ? value : empty))
    return;

  g_strfreev (*field);
  *field = value != NULL && value[0] != NULL ? g_strdupv ((char **) value) : NULL;
  g_object_notify_by_pspec (object, pspec);
}

static void
pdw_message_finalize (GObject *object)
{
  PdwMessage *self = (PdwMessage *)object;

  g_clear_pointer (&self->wamid, g_free);
  g_clear_pointer (&self->message_type, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->media_id, g_free);
  g_clear_pointer (&self->media_mime_type, g_free);
  g_clear_pointer (&self->media_filename, g_free);
  g_clear_pointer (&self->error_title, g_free);
  g_clear_pointer (&self->officer_name, g_free);
  g_clear_pointer (&self->template_name, g_free);
  g_clear_pointer (&self->template_language, g_free);
  g_clear_pointer (&self->template_params, g_strfreev);
  g_clear_pointer (&self->from_wa_id, g_free);
  g_clear_pointer (&self->media_path, g_free);
  g_clear_pointer (&self->media_error, g_free);
  g_clear_pointer (&self->media_sha256, g_free);

  G_OBJECT_CLASS (pdw_message_parent_class)->finalize (object);
}

static void
pdw_message_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PdwMessage *self = PDW_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:              g_value_set_int64 (value, self->id); break;
    case PROP_CONVERSATION_ID: g_value_set_int64 (value, self->conversation_id); break;
    case PROP_WAMID:           g_value_set_string (value, self->wamid); break;
    case PROP_DIRECTION:       g_value_set_int (value, self->direction); break;
    case PROP_MESSAGE_TYPE:    g_value_set_string (value, self->message_type); break;
    case PROP_TEXT:            g_value_set_string (value, self->text); break;
    case PROP_MEDIA_ID:        g_value_set_string (value, self->media_id); break;
    case PROP_MEDIA_MIME_TYPE: g_value_set_string (value, self->media_mime_type); break;
    case PROP_MEDIA_FILENAME:  g_value_set_string (value, self->media_filename); break;
    case PROP_TIMESTAMP:       g_value_set_int64 (value, self->timestamp); break;
    case PROP_STATUS:          g_value_set_int (value, self->status); break;
    case PROP_ERROR_CODE:      g_value_set_int (value, self->error_code); break;
    case PROP_ERROR_TITLE:     g_value_set_string (value, self->error_title); break;
    case PROP_OFFICER_NAME:    g_value_set_string (value, self->officer_name); break;
    case PROP_TEMPLATE_NAME:   g_value_set_string (value, self->template_name); break;
    case PROP_TEMPLATE_LANGUAGE: g_value_set_string (value, self->template_language); break;
    case PROP_TEMPLATE_PARAMS: g_value_set_boxed (value, self->template_params); break;
    case PROP_FROM_WA_ID:      g_value_set_string (value, self->from_wa_id); break;
    case PROP_MEDIA_STATE:     g_value_set_int (value, self->media_state); break;
    case PROP_MEDIA_PATH:      g_value_set_string (value, self->media_path); break;
    case PROP_MEDIA_SIZE:      g_value_set_int64 (value, self->media_size); break;
    case PROP_MEDIA_ATTEMPTS:  g_value_set_int (value, self->media_attempts); break;
    case PROP_MEDIA_ERROR:     g_value_set_string (value, self->media_error); break;
    case PROP_MEDIA_SHA256:    g_value_set_string (value, self->media_sha256); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_message_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PdwMessage *self = PDW_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      pdw_record_set_int64 (object, &self->id, g_value_get_int64 (value), pspec);
      break;
    case PROP_CONVERSATION_ID:
      pdw_record_set_int64 (object, &self->conversation_id, g_value_get_int64 (value), pspec);
      break;
    case PROP_WAMID:
      pdw_record_set_string (object, &self->wamid, g_value_get_string (value), pspec);
      break;
    case PROP_DIRECTION:
      pdw_record_set_int (object, &self->direction, g_value_get_int (value), pspec);
      break;
    case PROP_MESSAGE_TYPE:
      pdw_record_set_string (object, &self->message_type, g_value_get_string (value), pspec);
      break;
    case PROP_TEXT:
      pdw_record_set_string (object, &self->text, g_value_get_string (value), pspec);
      break;
    case PROP_MEDIA_ID:
      pdw_record_set_string (object, &self->media_id, g_value_get_string (value), pspec);
      break;
    case PROP_MEDIA_MIME_TYPE:
      pdw_record_set_string (object, &self->media_mime_type, g_value_get_string (value), pspec);
      break;
    case PROP_MEDIA_FILENAME:
      pdw_record_set_string (object, &self->media_filename, g_value_get_string (value), pspec);
      break;
    case PROP_TIMESTAMP:
      pdw_record_set_int64 (object, &self->timestamp, g_value_get_int64 (value), pspec);
      break;
    case PROP_STATUS:
      pdw_record_set_int (object, &self->status, g_value_get_int (value), pspec);
      break;
    case PROP_ERROR_CODE:
      pdw_record_set_int (object, &self->error_code, g_value_get_int (value), pspec);
      break;
    case PROP_ERROR_TITLE:
      pdw_record_set_string (object, &self->error_title, g_value_get_string (value), pspec);
      break;
    case PROP_OFFICER_NAME:
      pdw_record_set_string (object, &self->officer_name, g_value_get_string (value), pspec);
      break;
    case PROP_TEMPLATE_NAME:
      pdw_record_set_string (object, &self->template_name, g_value_get_string (value), pspec);
      break;
    case PROP_TEMPLATE_LANGUAGE:
      pdw_record_set_string (object, &self->template_language, g_value_get_string (value), pspec);
      break;
    case PROP_TEMPLATE_PARAMS:
      set_strv (object, &self->template_params, g_value_get_boxed (value), pspec);
      break;
    case PROP_FROM_WA_ID:
      pdw_record_set_string (object, &self->from_wa_id, g_value_get_string (value), pspec);
      break;
    case PROP_MEDIA_STATE:
      pdw_record_set_int (object, &self->media_state, g_value_get_int (value), pspec);
      break;
    case PROP_MEDIA_PATH:
      pdw_record_set_string (object, &self->media_path, g_value_get_string (value), pspec);
      break;
    case PROP_MEDIA_SIZE:
      pdw_record_set_int64 (object, &self->media_size, g_value_get_int64 (value), pspec);
      break;
    case PROP_MEDIA_ATTEMPTS:
      pdw_record_set_int (object, &self->media_attempts, g_value_get_int (value), pspec);
      break;
    case PROP_MEDIA_ERROR:
      pdw_record_set_string (object, &self->media_error, g_value_get_string (value), pspec);
      break;
    case PROP_MEDIA_SHA256:
      pdw_record_set_string (object, &self->media_sha256, g_value_get_string (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_message_class_init (PdwMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pdw_message_finalize;
  object_class->get_property = pdw_message_get_property;
  object_class->set_property = pdw_message_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CONVERSATION_ID] =
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_WAMID] =
    g_param_spec_string ("wamid", NULL, NULL, NULL, rw);
  properties[PROP_DIRECTION] =
    g_param_spec_int ("direction", NULL, NULL,
                      PDW_DIRECTION_IN, PDW_DIRECTION_OUT, PDW_DIRECTION_IN, rw);
  properties[PROP_MESSAGE_TYPE] =
    g_param_spec_string ("message-type", NULL, NULL, NULL, rw);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, rw);
  properties[PROP_MEDIA_ID] =
    g_param_spec_string ("media-id", NULL, NULL, NULL, rw);
  properties[PROP_MEDIA_MIME_TYPE] =
    g_param_spec_string ("media-mime-type", NULL, NULL, NULL, rw);
  properties[PROP_MEDIA_FILENAME] =
    g_param_spec_string ("media-filename", NULL, NULL, NULL, rw);
  properties[PROP_TIMESTAMP] =
    g_param_spec_int64 ("timestamp", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      PDW_DELIVERY_NONE, PDW_DELIVERY_FAILED, PDW_DELIVERY_NONE, rw);
  properties[PROP_ERROR_CODE] =
    g_param_spec_int ("error-code", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_ERROR_TITLE] =
    g_param_spec_string ("error-title", NULL, NULL, NULL, rw);
  properties[PROP_OFFICER_NAME] =
    g_param_spec_string ("officer-name", NULL, NULL, NULL, rw);
  properties[PROP_TEMPLATE_NAME] =
    g_param_spec_string ("template-name", NULL, NULL, NULL, rw);
  properties[PROP_TEMPLATE_LANGUAGE] =
    g_param_spec_string ("template-language", NULL, NULL, NULL, rw);
  properties[PROP_TEMPLATE_PARAMS] =
    g_param_spec_boxed ("template-params", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_FROM_WA_ID] =
    g_param_spec_string ("from-wa-id", NULL, NULL, NULL, rw);
  properties[PROP_MEDIA_STATE] =
    g_param_spec_int ("media-state", NULL, NULL,
                      PDW_MEDIA_NONE, PDW_MEDIA_EXPIRED, PDW_MEDIA_NONE, rw);
  properties[PROP_MEDIA_PATH] =
    g_param_spec_string ("media-path", NULL, NULL, NULL, rw);
  properties[PROP_MEDIA_SIZE] =
    g_param_spec_int64 ("media-size", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_MEDIA_ATTEMPTS] =
    g_param_spec_int ("media-attempts", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_MEDIA_ERROR] =
    g_param_spec_string ("media-error", NULL, NULL, NULL, rw);
  properties[PROP_MEDIA_SHA256] =
    g_param_spec_string ("media-sha256", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pdw_message_init (PdwMessage *self)
{
}

gint64
pdw_message_get_id (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), 0);
  return self->id;
}

gint64
pdw_message_get_conversation_id (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), 0);
  return self->conversation_id;
}

const char *
pdw_message_get_wamid (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), NULL);
  return self->wamid;
}

PdwDirection
pdw_message_get_direction (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), PDW_DIRECTION_IN);
  return self->direction;
}

const char *
pdw_message_get_message_type (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), NULL);
  return self->message_type;
}

const char *
pdw_message_get_text (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), NULL);
  return self->text;
}

const char *
pdw_message_get_media_id (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), NULL);
  return self->media_id;
}

const char *
pdw_message_get_media_mime_type (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), NULL);
  return self->media_mime_type;
}

const char *
pdw_message_get_media_filename (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), NULL);
  return self->media_filename;
}

gint64
pdw_message_get_timestamp (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), 0);
  return self->timestamp;
}

PdwDeliveryStatus
pdw_message_get_status (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), PDW_DELIVERY_NONE);
  return self->status;
}

int
pdw_message_get_error_code (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), 0);
  return self->error_code;
}

const char *
pdw_message_get_error_title (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), NULL);
  return self->error_title;
}

const char *
pdw_message_get_officer_name (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), NULL);
  return self->officer_name;
}

const char *
pdw_message_get_template_name (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), NULL);
  return self->template_name;
}

const char *
pdw_message_get_template_language (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), NULL);
  return self->template_language;
}

const char * const *
pdw_message_get_template_params (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), NULL);
  return (const char * const *) self->template_params;
}

const char *
pdw_message_get_from_wa_id (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), NULL);
  return self->from_wa_id;
}

PdwMediaState
pdw_message_get_media_state (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), PDW_MEDIA_NONE);
  return self->media_state;
}

const char *
pdw_message_get_media_path (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), NULL);
  return self->media_path;
}

gint64
pdw_message_get_media_size (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), 0);
  return self->media_size;
}

int
pdw_message_get_media_attempts (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), 0);
  return self->media_attempts;
}

const char *
pdw_message_get_media_error (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), NULL);
  return self->media_error;
}

const char *
pdw_message_get_media_sha256 (PdwMessage *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE (self), NULL);
  return self->media_sha256;
}

gboolean
pdw_message_is_image (PdwMessage *self)
{
  const char *type;

  g_return_val_if_fail (PDW_IS_MESSAGE (self), FALSE);

  type = self->message_type;
  return g_strcmp0 (type, "image") == 0 || g_strcmp0 (type, "sticker") == 0;
}

static const char * const media_state_names[] = { NULL, "pending", "ready", "corrupt", "expired" };

const char *
pdw_media_state_to_string (PdwMediaState state)
{
  g_return_val_if_fail (state >= PDW_MEDIA_NONE && state <= PDW_MEDIA_EXPIRED, NULL);
  return media_state_names[state];
}

PdwMediaState
pdw_media_state_from_string (const char *text)
{
  for (guint i = 1; i < G_N_ELEMENTS (media_state_names); i++)
    if (g_strcmp0 (text, media_state_names[i]) == 0)
      return i;
  return PDW_MEDIA_NONE;
}

void
pdw_message_update_from (PdwMessage *self,
                         PdwMessage *other)
{
  g_return_if_fail (PDW_IS_MESSAGE (self));
  g_return_if_fail (PDW_IS_MESSAGE (other));

  pdw_record_update_from (G_OBJECT (self), G_OBJECT (other));
}
