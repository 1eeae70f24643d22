/* pdw-approved-template.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-approved-template.h"

struct _PdwApprovedTemplate
{
  GObject  parent_instance;

  char    *name;
  char    *language;
  char    *body;
};

G_DEFINE_FINAL_TYPE (PdwApprovedTemplate, pdw_approved_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_LANGUAGE,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_blank (const char *str)
{
  if (str == NULL)
    return TRUE;

  for (; *str != '\0'; str++)
    if (!g_ascii_isspace (*str))
      return FALSE;

  return TRUE;
}

static char *
dup_or_default (const char *value,
                const char *fallback)
{
  g_autofree char *copy = g_strstrip (g_strdup (value != NULL ? value : ""));

  return g_strdup (copy[0] != '\0' ? copy : fallback);
}

static void
pdw_approved_template_finalize (GObject *object)
{
  PdwApprovedTemplate *self = (PdwApprovedTemplate *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (pdw_approved_template_parent_class)->finalize (object);
}

static void
pdw_approved_template_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PdwApprovedTemplate *self = PDW_APPROVED_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_approved_template_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PdwApprovedTemplate *self = PDW_APPROVED_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_free (self->name);
      self->name = dup_or_default (g_value_get_string (value), PDW_APPROVED_TEMPLATE_DEFAULT_NAME);
      break;

    case PROP_LANGUAGE:
      g_free (self->language);
      self->language = dup_or_default (g_value_get_string (value), PDW_APPROVED_TEMPLATE_DEFAULT_LANGUAGE);
      break;

    case PROP_BODY:
      g_free (self->body);
      self->body = is_blank (g_value_get_string (value))
                   ? g_strdup (PDW_APPROVED_TEMPLATE_DEFAULT_BODY)
                   : g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_approved_template_class_init (PdwApprovedTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pdw_approved_template_finalize;
  object_class->get_property = pdw_approved_template_get_property;
  object_class->set_property = pdw_approved_template_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pdw_approved_template_init (PdwApprovedTemplate *self)
{
}

PdwApprovedTemplate *
pdw_approved_template_new (const char *name,
                           const char *language,
                           const char *body)
{
  /* Construct-only properties are always set, so NULL takes the default. */
  return g_object_new (PDW_TYPE_APPROVED_TEMPLATE,
                       "name", name,
                       "language", language,
                       "body", body,
                       NULL);
}

PdwApprovedTemplate *
pdw_approved_template_new_from_settings (GSettings *settings)
{
  g_autofree char *name = NULL;
  g_autofree char *language = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  name = g_settings_get_string (settings, "wa-template-name");
  language = g_settings_get_string (settings, "wa-template-language");

  return pdw_approved_template_new (name, language, NULL);
}

const char *
pdw_approved_template_get_name (PdwApprovedTemplate *self)
{
  g_return_val_if_fail (PDW_IS_APPROVED_TEMPLATE (self), NULL);

  return self->name;
}

const char *
pdw_approved_template_get_language (PdwApprovedTemplate *self)
{
  g_return_val_if_fail (PDW_IS_APPROVED_TEMPLATE (self), NULL);

  return self->language;
}

const char *
pdw_approved_template_get_body (PdwApprovedTemplate *self)
{
  g_return_val_if_fail (PDW_IS_APPROVED_TEMPLATE (self), NULL);

  return self->body;
}

/* Trims and collapses every run of white space to one space; NULL when
 * nothing is left. */
static char *
dup_param_text (const char *value)
{
  GString *out;
  gboolean pending_space = FALSE;

  if (value == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

GStrv
pdw_approved_template_build_params (const char *citizen_name,
                                    const char *profile_name,
                                    const char *ticket)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *name = NULL;
  g_autofree char *ticket_text = NULL;

  if (citizen_name != NULL && g_utf8_validate (citizen_name, -1, NULL))
    name = dup_param_text (citizen_name);
  if (name == NULL && profile_name != NULL && g_utf8_validate (profile_name, -1, NULL))
    name = dup_param_text (profile_name);
  if (ticket != NULL && g_utf8_validate (ticket, -1, NULL))
    ticket_text = dup_param_text (ticket);

  g_strv_builder_add (builder, name != NULL ? name : PDW_APPROVED_TEMPLATE_NO_NAME);
  g_strv_builder_add (builder, ticket_text != NULL ? ticket_text : PDW_APPROVED_TEMPLATE_NO_TICKET);

  return g_strv_builder_end (builder);
}

/* Reads "{{N}}" at @p; returns the index N (1-based) and where the
 * placeholder ends, or 0 when @p is not a placeholder. */
static guint
parse_placeholder (const char  *p,
                   const char **end)
{
  guint64 index = 0;
  const char *q;

  if (p[0] != '{' || p[1] != '{')
    return 0;

  for (q = p + 2; g_ascii_isdigit (*q) && index < G_MAXUINT; q++)
    index = index * 10 + (guint64) (*q - '0');

  if (q == p + 2 || index == 0 || index >= G_MAXUINT || q[0] != '}' || q[1] != '}')
    return 0;

  *end = q + 2;
  return (guint) index;
}

char *
pdw_approved_template_render_body (const char         *body,
                                   const char * const *params)
{
  GString *out;
  guint n_params = params != NULL ? g_strv_length ((GStrv) params) : 0;
  const char *p;

  g_return_val_if_fail (body != NULL, NULL);

  out = g_string_sized_new (strlen (body) + 64);
  p = body;
  while (*p != '\0')
    {
      const char *end = NULL;
      guint index = parse_placeholder (p, &end);

      /* One pass, so a parameter that itself contains "{{2}}" is copied
       * as it is and never substituted again. */
      if (index > 0 && index <= n_params)
        {
          g_string_append (out, params[index - 1]);
          p = end;
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }

  return g_string_free (out, FALSE);
}

char *
pdw_approved_template_render (PdwApprovedTemplate *self,
                              const char * const  *params)
{
  g_return_val_if_fail (PDW_IS_APPROVED_TEMPLATE (self), NULL);

  return pdw_approved_template_render_body (self->body, params);
}
