/* pdw-officer.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-officer.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_NIP,
  PROP_INITIALS,
  PROP_ROLE,
  PROP_ACTIVE,
  N_PROPS
};

/* Construct-only: the settings page builds a new object after each save. */
struct _PdwOfficer
{
  GObject         parent_instance;

  gint64          id;
  char           *name;
  char           *nip;
  char           *initials;
  PdwOfficerRole  role;
  gboolean        active;
};

G_DEFINE_FINAL_TYPE (PdwOfficer, pdw_officer, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
pdw_officer_constructed (GObject *object)
{
  PdwOfficer *self = PDW_OFFICER (object);

  G_OBJECT_CLASS (pdw_officer_parent_class)->constructed (object);

  if (self->initials == NULL || self->initials[0] == '\0')
    {
      g_free (self->initials);
      self->initials = pdw_officer_initials_from_name (self->name);
    }
}

static void
pdw_officer_finalize (GObject *object)
{
  PdwOfficer *self = PDW_OFFICER (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->nip, g_free);
  g_clear_pointer (&self->initials, g_free);

  G_OBJECT_CLASS (pdw_officer_parent_class)->finalize (object);
}

static void
pdw_officer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PdwOfficer *self = PDW_OFFICER (object);

  switch (prop_id)
    {
    case PROP_ID:       g_value_set_int64 (value, self->id); break;
    case PROP_NAME:     g_value_set_string (value, self->name); break;
    case PROP_NIP:      g_value_set_string (value, self->nip); break;
    case PROP_INITIALS: g_value_set_string (value, self->initials); break;
    case PROP_ROLE:     g_value_set_int (value, self->role); break;
    case PROP_ACTIVE:   g_value_set_boolean (value, self->active); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_officer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PdwOfficer *self = PDW_OFFICER (object);

  switch (prop_id)
    {
    case PROP_ID:       self->id = g_value_get_int64 (value); break;
    case PROP_NAME:     g_free (self->name); self->name = g_value_dup_string (value); break;
    case PROP_NIP:      g_free (self->nip); self->nip = g_value_dup_string (value); break;
    case PROP_INITIALS: g_free (self->initials); self->initials = g_value_dup_string (value); break;
    case PROP_ROLE:     self->role = g_value_get_int (value); break;
    case PROP_ACTIVE:   self->active = g_value_get_boolean (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_officer_class_init (PdwOfficerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = pdw_officer_constructed;
  object_class->finalize = pdw_officer_finalize;
  object_class->get_property = pdw_officer_get_property;
  object_class->set_property = pdw_officer_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, co);
  properties[PROP_NIP] = g_param_spec_string ("nip", NULL, NULL, NULL, co);
  properties[PROP_INITIALS] = g_param_spec_string ("initials", NULL, NULL, NULL, co);
  properties[PROP_ROLE] = g_param_spec_int ("role", NULL, NULL, 0, PDW_OFFICER_N_ROLES - 1,
                                            PDW_OFFICER_ROLE_FO, co);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, co);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pdw_officer_init (PdwOfficer *self)
{
  self->active = TRUE;
}

gint64
pdw_officer_get_id (PdwOfficer *self)
{
  g_return_val_if_fail (PDW_IS_OFFICER (self), 0);
  return self->id;
}

const char *
pdw_officer_get_name (PdwOfficer *self)
{
  g_return_val_if_fail (PDW_IS_OFFICER (self), NULL);
  return self->name;
}

const char *
pdw_officer_get_nip (PdwOfficer *self)
{
  g_return_val_if_fail (PDW_IS_OFFICER (self), NULL);
  return self->nip;
}

const char *
pdw_officer_get_initials (PdwOfficer *self)
{
  g_return_val_if_fail (PDW_IS_OFFICER (self), NULL);
  return self->initials;
}

PdwOfficerRole
pdw_officer_get_role (PdwOfficer *self)
{
  g_return_val_if_fail (PDW_IS_OFFICER (self), PDW_OFFICER_ROLE_FO);
  return self->role;
}

gboolean
pdw_officer_get_active (PdwOfficer *self)
{
  g_return_val_if_fail (PDW_IS_OFFICER (self), FALSE);
  return self->active;
}
