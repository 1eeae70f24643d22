/* pdw-duty-officer.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-duty-officer.h"

static char *
dup_setting_or_null (GSettings  *settings,
                     const char *key)
{
  char *value = g_strstrip (g_settings_get_string (settings, key));

  if (*value == '\0')
    g_clear_pointer (&value, g_free);

  return value;
}

void
pdw_duty_officer_load_from_context (PdwDutyOfficer *self,
                                    PdwContext     *context)
{
  GSettings *settings;

  g_return_if_fail (self != NULL);
  g_return_if_fail (PDW_IS_CONTEXT (context));

  settings = pdw_context_get_settings (context);
  pdw_duty_officer_clear (self);
  self->name = dup_setting_or_null (settings, "officer-name");
  self->nip = dup_setting_or_null (settings, "officer-nip");
  self->initials = dup_setting_or_null (settings, "officer-initials");
  self->actor.name = self->name;
  self->actor.nip = self->nip;
  self->actor.initials = self->initials;
}

void
pdw_duty_officer_clear (PdwDutyOfficer *self)
{
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->nip, g_free);
  g_clear_pointer (&self->initials, g_free);
  self->actor = (PdwActor) { NULL, NULL, NULL };
}
