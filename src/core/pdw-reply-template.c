/* pdw-reply-template.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-reply-template.h"
#include "pdw-template.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TITLE,
  PROP_BODY,
  PROP_BUILTIN,
  PROP_UPDATED_AT,
  N_PROPS
};

struct _PdwReplyTemplate
{
  GObject   parent_instance;

  gint64    id;
  char     *name;
  /* NULL on a shipped template that was never edited: the shipped text. */
  char     *title;
  char     *body;
  gboolean  builtin;
  gint64    updated_at;
};

G_DEFINE_FINAL_TYPE (PdwReplyTemplate, pdw_reply_template, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
pdw_reply_template_finalize (GObject *object)
{
  PdwReplyTemplate *self = PDW_REPLY_TEMPLATE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (pdw_reply_template_parent_class)->finalize (object);
}

static void
pdw_reply_template_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PdwReplyTemplate *self = PDW_REPLY_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:         g_value_set_int64 (value, self->id); break;
    case PROP_NAME:       g_value_set_string (value, self->name); break;
    case PROP_TITLE:      g_value_set_string (value, pdw_reply_template_get_title (self)); break;
    case PROP_BODY:       g_value_set_string (value, pdw_reply_template_get_body (self)); break;
    case PROP_BUILTIN:    g_value_set_boolean (value, self->builtin); break;
    case PROP_UPDATED_AT: g_value_set_int64 (value, self->updated_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_reply_template_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PdwReplyTemplate *self = PDW_REPLY_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:         self->id = g_value_get_int64 (value); break;
    case PROP_NAME:       g_free (self->name); self->name = g_value_dup_string (value); break;
    case PROP_TITLE:      g_free (self->title); self->title = g_value_dup_string (value); break;
    case PROP_BODY:       g_free (self->body); self->body = g_value_dup_string (value); break;
    case PROP_BUILTIN:    self->builtin = g_value_get_boolean (value); break;
    case PROP_UPDATED_AT: self->updated_at = g_value_get_int64 (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_reply_template_class_init (PdwReplyTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pdw_reply_template_finalize;
  object_class->get_property = pdw_reply_template_get_property;
  object_class->set_property = pdw_reply_template_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, co);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, co);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, co);
  properties[PROP_BUILTIN] = g_param_spec_boolean ("builtin", NULL, NULL, FALSE, co);
  properties[PROP_UPDATED_AT] = g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, co);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pdw_reply_template_init (PdwReplyTemplate *self)
{
}

gint64
pdw_reply_template_get_id (PdwReplyTemplate *self)
{
  g_return_val_if_fail (PDW_IS_REPLY_TEMPLATE (self), 0);
  return self->id;
}

const char *
pdw_reply_template_get_name (PdwReplyTemplate *self)
{
  g_return_val_if_fail (PDW_IS_REPLY_TEMPLATE (self), NULL);
  return self->name;
}

const char *
pdw_reply_template_get_title (PdwReplyTemplate *self)
{
  const char *shipped;

  g_return_val_if_fail (PDW_IS_REPLY_TEMPLATE (self), NULL);

  if (self->title != NULL && self->title[0] != '\0')
    return self->title;

  shipped = self->builtin ? pdw_template_get_title (self->name) : NULL;
  return shipped != NULL ? shipped : self->name;
}

const char *
pdw_reply_template_get_body (PdwReplyTemplate *self)
{
  const char *shipped;

  g_return_val_if_fail (PDW_IS_REPLY_TEMPLATE (self), NULL);

  if (self->body != NULL && self->body[0] != '\0')
    return self->body;

  shipped = self->builtin ? pdw_template_get_default_text (self->name) : NULL;
  return shipped != NULL ? shipped : "";
}

gboolean
pdw_reply_template_get_builtin (PdwReplyTemplate *self)
{
  g_return_val_if_fail (PDW_IS_REPLY_TEMPLATE (self), FALSE);
  return self->builtin;
}

gint64
pdw_reply_template_get_updated_at (PdwReplyTemplate *self)
{
  g_return_val_if_fail (PDW_IS_REPLY_TEMPLATE (self), 0);
  return self->updated_at;
}

/* ---- Quick replies ---------------------------------------------------------- */

const char *
pdw_reply_template_get_quick_query (const char *composer_text)
{
  if (composer_text == NULL || composer_text[0] != '/')
    return NULL;

  /* One line: a reply that starts with "/" and goes on is a message. */
  if (strchr (composer_text, '\n') != NULL)
    return NULL;

  return composer_text + 1;
}

/* Lower case and without accents, so that "desa" finds "Désa". */
static char *
fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFD);
  GString *folded = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (folded, g_unichar_tolower (c));
    }

  return g_string_free (folded, FALSE);
}

gboolean
pdw_reply_template_matches (PdwReplyTemplate *self,
                            const char       *query)
{
  g_autofree char *joined = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *folded_query = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (PDW_IS_REPLY_TEMPLATE (self), FALSE);

  if (query == NULL)
    return TRUE;

  joined = g_strjoin ("\n", pdw_reply_template_get_title (self), pdw_reply_template_get_name (self),
                      pdw_reply_template_get_body (self), NULL);
  haystack = fold (joined);
  folded_query = fold (query);
  words = g_strsplit_set (folded_query, " \t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] != '\0' && strstr (haystack, words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}
