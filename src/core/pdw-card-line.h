/* pdw-card-line.h: a line of the control card (kartu kendali) in words.
 * The one description of what a line says, shared by the timeline in the
 * window, the printed card and the report, so that they never tell the same
 * line two ways.  Labels follow the locale; the card's own form wording
 * (its Indonesian field names) stays with the card.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pdw-complaint-event.h"

G_BEGIN_DECLS

/* The label of a status as a line stores it ("registered" -> "Registered");
 * the name itself when unknown (written by a newer version); NULL for NULL. */
const char *pdw_card_line_get_status_label   (const char        *status_name);
/* The step as the SOP names it ("Register"), the lines written before the
 * SOP desk ("Status changed"), else the action's id. */
const char *pdw_card_line_get_action_label   (PdwComplaintEvent *event);
/* What happened, as a heading on the timeline: as the action label, but
 * "Complaint registered" rather than the command "Register". */
const char *pdw_card_line_get_title          (PdwComplaintEvent *event);
/* The card's activity: "Register → Registered" when the line changed the
 * status, else the action label alone. */
char       *pdw_card_line_dup_activity       (PdwComplaintEvent *event);
/* "New → Registered", or the new status alone when the line has no former
 * one; NULL when the line changed no status. */
char       *pdw_card_line_dup_status_change  (PdwComplaintEvent *event);
/* Who handed the file to whom: "From FO to Bidang PIAK", or "To: Bidang
 * PIAK" when only the receiver is known; NULL when the file did not move. */
char       *pdw_card_line_dup_handover       (PdwComplaintEvent *event);
/* The officer or division the file went to, for the card's remarks; NULL
 * when none or when it is the officer who wrote the line (registering
 * assigns the file to the officer who registers it). */
const char *pdw_card_line_get_recipient      (PdwComplaintEvent *event);
/* The officer who wrote the line with the initials stored with it,
 * "Rina Fitri (RF)", or the name alone; NULL without a name. */
char       *pdw_card_line_dup_actor          (PdwComplaintEvent *event);
/* The line's note as the card shows it: a citizen's satisfaction rating in
 * words ("4 – Very good"), any other note as written, followed by
 * "(message failed to deliver: REASON)" when the reply that carried the
 * step failed (pdw_complaint_event_get_message_failure()); NULL without
 * either. */
char       *pdw_card_line_dup_note           (PdwComplaintEvent *event);

/* The note of a "correct_data" line: which field ("name", "nik", "kk",
 * "phone", "complaint_type", "institution") changed from @old_value to
 * @new_value (NULL or "" for empty).  A NIK or KK is masked here, so that
 * the card never holds one in full.  pdw_card_line_dup_note() shows it as
 * "NIK: 1471********0001 → 1471********0002". */
char       *pdw_card_line_new_correction_note (const char        *field,
                                               const char        *old_value,
                                               const char        *new_value);

/* The note of a "coordinate" line that also records who at the division
 * received the file: @receiver_name (NULL or "": no receiver, the note
 * alone), @receiver_initials (NULL or "": from the name) and the officer's
 * @note (may be NULL).  pdw_card_line_dup_note() shows it as "Received by
 * Rudi Kurniawan (RK)" and the note below. */
char       *pdw_card_line_new_coordination_note   (const char  *receiver_name,
                                                   const char  *receiver_initials,
                                                   const char  *note);
/* Splits a stored coordination note; FALSE (and @note the whole text) when
 * it records no receiver.  Out arguments may be NULL. */
gboolean    pdw_card_line_parse_coordination_note (const char  *stored,
                                                   char       **receiver_name,
                                                   char       **receiver_initials,
                                                   char       **note);
/* The initials of the division's officer who received the file on a
 * "coordinate" line; NULL on other lines or when none was recorded. */
char       *pdw_card_line_dup_receiver_initials   (PdwComplaintEvent *event);

G_END_DECLS
