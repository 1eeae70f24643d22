/* pdw-workflow.h: the SOP steps a complaint moves through (SOP
 * 060/Dukcapil-PDIP/1240/2021) as a table of actions between
 * PdwComplaintStatus values.  Pure functions: the store records each
 * accepted action as one control-card event (append-only: a correction is a
 * new event, e.g. "add_note", never an edit of an old one).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pdw-types.h"

G_BEGIN_DECLS

#define PDW_WORKFLOW_ERROR (pdw_workflow_error_quark ())

typedef enum
{
  PDW_WORKFLOW_ERROR_UNKNOWN_ACTION,  /* no action with that id */
  PDW_WORKFLOW_ERROR_NOT_ALLOWED,     /* the action exists but not from this status */
  PDW_WORKFLOW_ERROR_NEEDS_NOTE,      /* a reason / note is required and empty */
  PDW_WORKFLOW_ERROR_NEEDS_PARTY,     /* a receiving party (division, officer) is required and empty */
} PdwWorkflowError;

typedef enum
{
  PDW_WORKFLOW_NEEDS_NOTHING = 0,
  PDW_WORKFLOW_NEEDS_NOTE    = 1 << 0,
  PDW_WORKFLOW_NEEDS_PARTY   = 1 << 1,
} PdwWorkflowNeeds;

/* What the officer entered with the action.  Strings may be NULL; a string
 * of only white space counts as empty. */
typedef struct
{
  const char *note;
  const char *to_party;
  /* TRUE once the complaint has a "send_standard_reply" event: the SLA clock
   * runs, so a file coming back from a division returns to "menunggu"
   * rather than to "konsolidasi". */
  gboolean    sla_started;
} PdwWorkflowInput;

/* One entry of pdw_workflow_list_actions(): all strings are static. */
typedef struct
{
  const char         *action;       /* stable id stored in events, e.g. "register" */
  const char         *label;        /* translated, for buttons and menus */
  PdwWorkflowNeeds    needs;
  PdwComplaintStatus  to;           /* target for the given input (see sla_started) */
  gboolean            changes_status;
} PdwWorkflowChoice;

GQuark       pdw_workflow_error_quark             (void);

/* Checks @action from status @from.  On success sets @to (may equal @from for
 * actions that only add a line to the control card, such as "add_note").
 * @input may be NULL, which counts as all fields empty. */
gboolean     pdw_workflow_check                   (PdwComplaintStatus       from,
                                                   const char              *action,
                                                   const PdwWorkflowInput  *input,
                                                   PdwComplaintStatus      *to,
                                                   GError                 **error);

/* The actions an officer may choose from @from (not the lines the app
 * writes by itself: "link_conversation", "merge_contact"), in table order,
 * as PdwWorkflowChoice.
 * @sla_started chooses the target of "return_from_coordination".
 * Free with g_array_unref(). */
GArray      *pdw_workflow_list_actions            (PdwComplaintStatus       from,
                                                   gboolean                 sla_started);

/* Every action id in table order, NULL-terminated, static. */
const char * const *pdw_workflow_get_all_actions  (void);

gboolean     pdw_workflow_action_is_known         (const char              *action);
const char  *pdw_workflow_action_get_label        (const char              *action);
PdwWorkflowNeeds pdw_workflow_action_get_needs    (const char              *action);
/* TRUE for "send_standard_reply": SOP step 5, the 2x24-hour promise. */
gboolean     pdw_workflow_action_starts_sla       (const char              *action);
/* The SOP's standard time ("Mutu Baku: Waktu") for the control card's
 * "standard time" column, in seconds; 0 when the SOP sets none. */
gint64       pdw_workflow_action_get_standard_time (const char             *action);
/* SOP step number (1-6) the action implements, or 0. */
guint        pdw_workflow_action_get_sop_step     (const char              *action);
/* Name of the reply template (pdw-template.h) that goes with the action
 * ("standard_reply", "closing", "biometric_referral", "rejection"), or NULL. */
const char  *pdw_workflow_action_get_template     (const char              *action);

/* TRUE for the steps that are a message to the citizen: the standard
 * reply, the biometric referral, the closing message and the rejection.
 * The desk records such a step only with its reply, in one act, when the
 * reply is queued (pdw_store_queue_step_message()): never on the click.
 * "consolidation_duplicate" has the referral template too but records what
 * the ADB officer found in SIAK, a fact whatever the citizen is told. */
gboolean     pdw_workflow_action_speaks_to_citizen (const char             *action);

/* selesai and ditolak: no action but "reopen" and "add_note" applies. */
gboolean     pdw_workflow_status_is_final         (PdwComplaintStatus       status);
/* rujuk_biometrik: the next move is the citizen's (come to the office), so
 * the SLA clock does not make the file overdue. */
gboolean     pdw_workflow_status_waits_on_citizen (PdwComplaintStatus       status);

G_END_DECLS
