/* pdw-officer.h: a member of the office's staff, as listed in the
 * settings (name, NIP, initials for the control card, role).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pdw-catalog.h"

G_BEGIN_DECLS

#define PDW_TYPE_OFFICER (pdw_officer_get_type ())
G_DECLARE_FINAL_TYPE (PdwOfficer, pdw_officer, PDW, OFFICER, GObject)

/* Properties: "id" (gint64), "name", "nip", "initials" (strings), "role"
 * (int, PdwOfficerRole), "active" (boolean).  Construct with g_object_new(). */
gint64          pdw_officer_get_id       (PdwOfficer *self);
const char     *pdw_officer_get_name     (PdwOfficer *self);
const char     *pdw_officer_get_nip      (PdwOfficer *self);
/* Never NULL: the stored initials, or pdw_officer_initials_from_name(). */
const char     *pdw_officer_get_initials (PdwOfficer *self);
PdwOfficerRole  pdw_officer_get_role     (PdwOfficer *self);
gboolean        pdw_officer_get_active   (PdwOfficer *self);

G_END_DECLS
