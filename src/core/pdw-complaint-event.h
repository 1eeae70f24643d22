/* pdw-complaint-event.h: one line of a complaint's control card (kartu
 * kendali).  Events are append-only: a correction is a new event.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pdw-types.h"

G_BEGIN_DECLS

#define PDW_TYPE_COMPLAINT_EVENT (pdw_complaint_event_get_type ())
G_DECLARE_FINAL_TYPE (PdwComplaintEvent, pdw_complaint_event, PDW, COMPLAINT_EVENT, GObject)

#define PDW_COMPLAINT_EVENT_NO_STATUS ((PdwComplaintStatus) -1)

/* Properties (construct-only, readable):
 *   id (int64), complaint-id (int64), timestamp (int64, Unix s UTC),
 *   actor-name, actor-nip, action (strings; action e.g. "register"),
 *   from-status, to-status (int, PdwComplaintStatus; equal when the line
 *       keeps the status; PDW_COMPLAINT_EVENT_NO_STATUS when the line
 *       recorded none, as lines written before the SOP desk may),
 *   from-party, to-party (strings: officer or division handing over / receiving),
 *   note (string),
 *   message-id (int64: the reply that carried the step, 0 = none),
 *   message-failure (string: NULL unless that reply failed to deliver;
 *       then WhatsApp's reason, "" when it gave none)
 */
gint64      pdw_complaint_event_get_id           (PdwComplaintEvent *self);
gint64      pdw_complaint_event_get_complaint_id (PdwComplaintEvent *self);
gint64      pdw_complaint_event_get_timestamp    (PdwComplaintEvent *self);
const char *pdw_complaint_event_get_actor_name   (PdwComplaintEvent *self);
const char *pdw_complaint_event_get_actor_nip    (PdwComplaintEvent *self);
const char *pdw_complaint_event_get_action       (PdwComplaintEvent *self);
PdwComplaintStatus pdw_complaint_event_get_from_status (PdwComplaintEvent *self);
PdwComplaintStatus pdw_complaint_event_get_to_status   (PdwComplaintEvent *self);
const char *pdw_complaint_event_get_from_party   (PdwComplaintEvent *self);
const char *pdw_complaint_event_get_to_party     (PdwComplaintEvent *self);
const char *pdw_complaint_event_get_note         (PdwComplaintEvent *self);
/* The name a line stores for @status (pdw_complaint_status_to_string()),
 * or NULL for PDW_COMPLAINT_EVENT_NO_STATUS. */
const char *pdw_complaint_event_status_name      (PdwComplaintStatus status);
/* As written with the line (the officer's initials at that time). */
const char *pdw_complaint_event_get_actor_initials (PdwComplaintEvent *self);
/* A step that speaks to the citizen is written when its reply is queued:
 * the reply's message id, and why it failed to deliver if it did (NULL
 * while it has not failed; "" when no reason came back). */
gint64      pdw_complaint_event_get_message_id     (PdwComplaintEvent *self);
const char *pdw_complaint_event_get_message_failure (PdwComplaintEvent *self);

G_END_DECLS
