/* pdw-complaint.h: a registered complaint (berkas pengaduan).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pdw-types.h"

G_BEGIN_DECLS

#define PDW_TYPE_COMPLAINT (pdw_complaint_get_type ())
G_DECLARE_FINAL_TYPE (PdwComplaint, pdw_complaint, PDW, COMPLAINT, GObject)

/* Properties (readable and writable, notify only on change):
 *   id (int64), ticket (string, e.g. "PDW-2026-11-00042"), conversation-id (int64),
 *   citizen-name, nik, kk, phone, complaint-type, institution (strings),
 *   status (int, PdwComplaintStatus), assigned-officer (string),
 *   created-at, updated-at, due-at (int64, Unix s UTC; due-at 0 = no SLA clock)
 */
gint64              pdw_complaint_get_id               (PdwComplaint *self);
const char         *pdw_complaint_get_ticket           (PdwComplaint *self);
gint64              pdw_complaint_get_conversation_id  (PdwComplaint *self);
const char         *pdw_complaint_get_citizen_name     (PdwComplaint *self);
const char         *pdw_complaint_get_nik              (PdwComplaint *self);
const char         *pdw_complaint_get_kk               (PdwComplaint *self);
const char         *pdw_complaint_get_phone            (PdwComplaint *self);
const char         *pdw_complaint_get_complaint_type   (PdwComplaint *self);
const char         *pdw_complaint_get_institution      (PdwComplaint *self);
PdwComplaintStatus  pdw_complaint_get_status           (PdwComplaint *self);
const char         *pdw_complaint_get_assigned_officer (PdwComplaint *self);
gint64              pdw_complaint_get_created_at       (PdwComplaint *self);
gint64              pdw_complaint_get_updated_at       (PdwComplaint *self);
gint64              pdw_complaint_get_due_at           (PdwComplaint *self);

G_END_DECLS
