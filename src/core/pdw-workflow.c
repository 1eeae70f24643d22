/* pdw-workflow.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pdw-workflow.h"

#define S(status) (1u << PDW_COMPLAINT_##status)
#define OPEN_STATES (S (BARU) | S (TERDAFTAR) | S (KONSOLIDASI) | S (MENUNGGU) | \
                     S (KOORDINASI) | S (RUJUK_BIOMETRIK))
#define ALL_STATES  (OPEN_STATES | S (SELESAI) | S (DITOLAK))

/* Target markers besides a real status. */
#define TO_SAME            (-1)  /* the action only adds a line to the control card */
#define TO_AFTER_COORD     (-2)  /* menunggu if the SLA clock runs, else konsolidasi */

typedef struct
{
  const char       *id;
  const char       *label;           /* N_() msgid */
  guint             from_mask;
  int               to;              /* PdwComplaintStatus or TO_* */
  PdwWorkflowNeeds  needs;
  guint             sop_step;
  gint64            standard_time;   /* seconds, 0 = the SOP sets none */
  const char       *template_name;
  gboolean          starts_sla;
  /* FALSE for lines the app writes by itself (a linked conversation, a
   * merged contact): not offered to the officer as a button. */
  gboolean          offered;
} ActionDef;

#define MINUTE 60
#define DAY    (24 * 60 * 60)

/* The transition table.  Standard times are the SOP's "Mutu Baku: Waktu"
 * column; actions the SOP does not time (coordination, ADB outcomes,
 * hand-overs) have none. */
static const ActionDef actions[] = {
  { "register", N_("Register"),
    S (BARU), PDW_COMPLAINT_TERDAFTAR, PDW_WORKFLOW_NEEDS_NOTHING, 3, 1 * MINUTE, NULL, FALSE, TRUE },
  { "add_to_consolidation", N_("Add to consolidation list"),
    S (TERDAFTAR) | S (RUJUK_BIOMETRIK), PDW_COMPLAINT_KONSOLIDASI, PDW_WORKFLOW_NEEDS_NOTHING,
    4, 2 * MINUTE, NULL, FALSE, TRUE },
  { "send_standard_reply", N_("Send standard reply (2×24 hours)"),
    S (KONSOLIDASI), PDW_COMPLAINT_MENUNGGU, PDW_WORKFLOW_NEEDS_NOTHING,
    5, 2 * DAY, "standard_reply", TRUE, TRUE },
  { "coordinate", N_("Coordinate with division"),
    S (TERDAFTAR) | S (KONSOLIDASI) | S (MENUNGGU), PDW_COMPLAINT_KOORDINASI, PDW_WORKFLOW_NEEDS_PARTY,
    0, 0, NULL, FALSE, TRUE },
  { "return_from_coordination", N_("Return from coordination"),
    S (KOORDINASI), TO_AFTER_COORD, PDW_WORKFLOW_NEEDS_NOTHING, 0, 0, NULL, FALSE, TRUE },
  { "consolidation_done", N_("Consolidation done"),
    S (KONSOLIDASI) | S (MENUNGGU), TO_SAME, PDW_WORKFLOW_NEEDS_NOTHING, 0, 0, NULL, FALSE, TRUE },
  { "consolidation_not_found", N_("Not found in SIAK"),
    S (KONSOLIDASI) | S (MENUNGGU), TO_SAME, PDW_WORKFLOW_NEEDS_NOTE, 0, 0, NULL, FALSE, TRUE },
  { "consolidation_duplicate", N_("Duplicate record found"),
    S (KONSOLIDASI) | S (MENUNGGU), PDW_COMPLAINT_RUJUK_BIOMETRIK, PDW_WORKFLOW_NEEDS_NOTHING,
    0, 0, "biometric_referral", FALSE, TRUE },
  { "refer_biometric", N_("Refer for biometric check"),
    S (TERDAFTAR) | S (KONSOLIDASI) | S (MENUNGGU) | S (KOORDINASI), PDW_COMPLAINT_RUJUK_BIOMETRIK,
    PDW_WORKFLOW_NEEDS_NOTHING, 0, 0, "biometric_referral", FALSE, TRUE },
  { "resolve", N_("Resolve and tell the citizen"),
    S (TERDAFTAR) | S (KONSOLIDASI) | S (MENUNGGU) | S (KOORDINASI) | S (RUJUK_BIOMETRIK),
    PDW_COMPLAINT_SELESAI, PDW_WORKFLOW_NEEDS_NOTHING, 6, 1 * MINUTE, "closing", FALSE, TRUE },
  { "reject", N_("Reject"),
    OPEN_STATES, PDW_COMPLAINT_DITOLAK, PDW_WORKFLOW_NEEDS_NOTE, 0, 0, "rejection", FALSE, TRUE },
  { "reopen", N_("Reopen"),
    S (SELESAI) | S (DITOLAK), PDW_COMPLAINT_TERDAFTAR, PDW_WORKFLOW_NEEDS_NOTE, 0, 0, NULL, FALSE, TRUE },
  { "hand_over", N_("Hand over"),
    OPEN_STATES, TO_SAME, PDW_WORKFLOW_NEEDS_PARTY, 0, 0, NULL, FALSE, TRUE },
  { "add_note", N_("Add note"),
    ALL_STATES, TO_SAME, PDW_WORKFLOW_NEEDS_NOTE, 0, 0, NULL, FALSE, TRUE },
  { "link_conversation", N_("Conversation linked"),
    OPEN_STATES, TO_SAME, PDW_WORKFLOW_NEEDS_NOTHING, 0, 0, NULL, FALSE, FALSE },
  { "merge_contact", N_("Contacts merged"),
    OPEN_STATES, TO_SAME, PDW_WORKFLOW_NEEDS_NOTHING, 0, 0, NULL, FALSE, FALSE },
  /* The satisfaction survey (pdw-survey.h): the closing message asked for a
   * rating; the citizen's answer, its value (1-4) as the note. */
  { "survey_asked", N_("Satisfaction survey sent"),
    S (SELESAI), TO_SAME, PDW_WORKFLOW_NEEDS_NOTHING, 0, 0, NULL, FALSE, FALSE },
  { "survey_rating", N_("Citizen rated the service"),
    S (SELESAI), TO_SAME, PDW_WORKFLOW_NEEDS_NOTE, 0, 0, NULL, FALSE, FALSE },
  /* "Edit Data": one line per corrected field, the note saying which field
   * and its old and new value (pdw_card_line_new_correction_note()). */
  { "correct_data", N_("Data corrected"),
    ALL_STATES, TO_SAME, PDW_WORKFLOW_NEEDS_NOTE, 0, 0, NULL, FALSE, FALSE },
};

static const char * const action_ids[] = {
  "register", "add_to_consolidation", "send_standard_reply", "coordinate",
  "return_from_coordination", "consolidation_done", "consolidation_not_found",
  "consolidation_duplicate", "refer_biometric", "resolve", "reject", "reopen",
  "hand_over", "add_note", "link_conversation", "merge_contact", "survey_asked",
  "survey_rating", "correct_data", NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (action_ids) == G_N_ELEMENTS (actions) + 1);
G_STATIC_ASSERT (PDW_COMPLAINT_STATUS_LAST < 32);

G_DEFINE_QUARK (pdw-workflow-error-quark, pdw_workflow_error)

static const ActionDef *
find_action (const char *action)
{
  if (action == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      if (strcmp (actions[i].id, action) == 0)
        return &actions[i];
    }

  return NULL;
}

static gboolean
is_blank (const char *str)
{
  if (str == NULL)
    return TRUE;

  /* Input comes from an entry, but a broken string must not be walked as
   * UTF-8 past its end. */
  if (!g_utf8_validate (str, -1, NULL))
    {
      for (const char *p = str; *p != '\0'; p++)
        {
          if (!g_ascii_isspace (*p))
            return FALSE;
        }
      return TRUE;
    }

  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static PdwComplaintStatus
resolve_target (const ActionDef    *def,
                PdwComplaintStatus  from,
                gboolean            sla_started)
{
  if (def->to == TO_SAME)
    return from;
  if (def->to == TO_AFTER_COORD)
    return sla_started ? PDW_COMPLAINT_MENUNGGU : PDW_COMPLAINT_KONSOLIDASI;
  return (PdwComplaintStatus) def->to;
}

gboolean
pdw_workflow_check (PdwComplaintStatus       from,
                    const char              *action,
                    const PdwWorkflowInput  *input,
                    PdwComplaintStatus      *to,
                    GError                 **error)
{
  static const PdwWorkflowInput empty_input = { NULL, NULL, FALSE };
  const ActionDef *def;

  g_return_val_if_fail (from <= PDW_COMPLAINT_STATUS_LAST, FALSE);
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (input == NULL)
    input = &empty_input;

  def = find_action (action);
  if (def == NULL)
    {
      g_set_error (error, PDW_WORKFLOW_ERROR, PDW_WORKFLOW_ERROR_UNKNOWN_ACTION,
                   _("Unknown action “%s”"), action);
      return FALSE;
    }

  if ((def->from_mask & (1u << from)) == 0)
    {
      g_set_error (error, PDW_WORKFLOW_ERROR, PDW_WORKFLOW_ERROR_NOT_ALLOWED,
                   _("“%s” is not possible while the complaint is “%s”"),
                   _(def->label), pdw_complaint_status_get_label (from));
      return FALSE;
    }

  if ((def->needs & PDW_WORKFLOW_NEEDS_PARTY) != 0 && is_blank (input->to_party))
    {
      g_set_error (error, PDW_WORKFLOW_ERROR, PDW_WORKFLOW_ERROR_NEEDS_PARTY,
                   _("“%s” needs the division or officer who receives the file"),
                   _(def->label));
      return FALSE;
    }

  if ((def->needs & PDW_WORKFLOW_NEEDS_NOTE) != 0 && is_blank (input->note))
    {
      g_set_error (error, PDW_WORKFLOW_ERROR, PDW_WORKFLOW_ERROR_NEEDS_NOTE,
                   _("“%s” needs a note giving the reason"), _(def->label));
      return FALSE;
    }

  if (to != NULL)
    *to = resolve_target (def, from, input->sla_started);

  return TRUE;
}

GArray *
pdw_workflow_list_actions (PdwComplaintStatus from,
                           gboolean           sla_started)
{
  GArray *choices;

  g_return_val_if_fail (from <= PDW_COMPLAINT_STATUS_LAST, NULL);

  choices = g_array_new (FALSE, TRUE, sizeof (PdwWorkflowChoice));

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      const ActionDef *def = &actions[i];
      PdwWorkflowChoice choice;

      if ((def->from_mask & (1u << from)) == 0 || !def->offered)
        continue;

      choice.action = def->id;
      choice.label = _(def->label);
      choice.needs = def->needs;
      choice.to = resolve_target (def, from, sla_started);
      choice.changes_status = choice.to != from;
      g_array_append_val (choices, choice);
    }

  return choices;
}

const char * const *
pdw_workflow_get_all_actions (void)
{
  return action_ids;
}

gboolean
pdw_workflow_action_is_known (const char *action)
{
  return find_action (action) != NULL;
}

const char *
pdw_workflow_action_get_label (const char *action)
{
  const ActionDef *def = find_action (action);

  return def != NULL ? _(def->label) : NULL;
}

PdwWorkflowNeeds
pdw_workflow_action_get_needs (const char *action)
{
  const ActionDef *def = find_action (action);

  return def != NULL ? def->needs : PDW_WORKFLOW_NEEDS_NOTHING;
}

gboolean
pdw_workflow_action_starts_sla (const char *action)
{
  const ActionDef *def = find_action (action);

  return def != NULL && def->starts_sla;
}

gint64
pdw_workflow_action_get_standard_time (const char *action)
{
  const ActionDef *def = find_action (action);

  return def != NULL ? def->standard_time : 0;
}

guint
pdw_workflow_action_get_sop_step (const char *action)
{
  const ActionDef *def = find_action (action);

  return def != NULL ? def->sop_step : 0;
}

const char *
pdw_workflow_action_get_template (const char *action)
{
  const ActionDef *def = find_action (action);

  return def != NULL ? def->template_name : NULL;
}

gboolean
pdw_workflow_action_speaks_to_citizen (const char *action)
{
  static const char * const speaking[] = {
    "send_standard_reply", "refer_biometric", "resolve", "reject",
  };

  for (guint i = 0; i < G_N_ELEMENTS (speaking); i++)
    {
      if (g_strcmp0 (action, speaking[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

gboolean
pdw_workflow_status_is_final (PdwComplaintStatus status)
{
  return status == PDW_COMPLAINT_SELESAI || status == PDW_COMPLAINT_DITOLAK;
}

gboolean
pdw_workflow_status_waits_on_citizen (PdwComplaintStatus status)
{
  return status == PDW_COMPLAINT_RUJUK_BIOMETRIK;
}
