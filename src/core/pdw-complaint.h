/* pdw-complaint.h: a registered complaint (berkas pengaduan).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pdw-service-calendar.h"
#include "pdw-types.h"

G_BEGIN_DECLS

#define PDW_TYPE_COMPLAINT (pdw_complaint_get_type ())
G_DECLARE_FINAL_TYPE (PdwComplaint, pdw_complaint, PDW, COMPLAINT, GObject)

/* Properties (readable and writable, notify only on change):
 *   id (int64), ticket (string, e.g. "PDW-2026-11-00042"), conversation-id (int64),
 *   citizen-name, nik, kk, phone, complaint-type, institution (strings),
 *   status (int, PdwComplaintStatus), assigned-officer (string),
 *   created-at, updated-at, due-at (int64, Unix s UTC; due-at 0 = no SLA clock),
 *   survey-asked-at, survey-rated-at (int64), survey-rating (int 0-4)
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
/* When the standard reply (SOP step 5) started the SLA clock; 0 if not yet
 * (or since a reopen). */
gint64              pdw_complaint_get_sla_started_at   (PdwComplaint *self);
/* Who holds the file now: the to-party of the last hand-over or
 * coordination, else the assigned officer. */
const char         *pdw_complaint_get_holder           (PdwComplaint *self);
/* When the overdue desktop notification went out; 0 if not yet. */
gint64              pdw_complaint_get_overdue_notified_at (PdwComplaint *self);
/* Time of the latest "add_to_consolidation" event; 0 if never listed. */
gint64              pdw_complaint_get_listed_at        (PdwComplaint *self);
/* The ADB outcome recorded after listed_at: "consolidation_done",
 * "consolidation_not_found", "consolidation_duplicate", or NULL while
 * pending. */
const char         *pdw_complaint_get_consolidation_result (PdwComplaint *self);
/* The satisfaction survey (pdw-survey.h): when the closing message asked
 * for a rating (0: never), the rating 1-4 (0: none) and when the citizen
 * gave it (0: not yet). */
gint64              pdw_complaint_get_survey_asked_at  (PdwComplaint *self);
int                 pdw_complaint_get_survey_rating    (PdwComplaint *self);
gint64              pdw_complaint_get_survey_rated_at  (PdwComplaint *self);

/* The SLA state at @now: ON_TIME when no clock runs (no due time, a final
 * status, or a file that waits on the citizen: pdw_workflow), else
 * pdw_sla_classify (due_at, now, soon_threshold). */
PdwSlaState         pdw_complaint_classify_sla         (PdwComplaint *self,
                                                        gint64        now,
                                                        gint64        soon_threshold);

G_END_DECLS
