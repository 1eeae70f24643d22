/* pdw-duty-officer.h: the officer on duty at this workstation (GSettings
 * officer-name, officer-nip, officer-initials) as the actor of the steps the
 * window records.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/pdw-store.h"

#include "pdw-context.h"

G_BEGIN_DECLS

typedef struct
{
  PdwActor  actor;     /* points into the strings below */
  char     *name;
  char     *nip;
  char     *initials;
} PdwDutyOfficer;

/* Reads the context's settings, stripped; empty ones are NULL in @actor (no
 * initials: the store takes the officers list's or derives them; no name:
 * the store refuses the step with a message). */
void pdw_duty_officer_load_from_context (PdwDutyOfficer *self,
                                         PdwContext     *context);
void pdw_duty_officer_clear             (PdwDutyOfficer *self);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdwDutyOfficer, pdw_duty_officer_clear)

G_END_DECLS
