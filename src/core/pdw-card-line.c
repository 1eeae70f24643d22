/* pdw-card-line.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pdw-card-line.h"
#include "pdw-catalog.h"
#include "pdw-identity.h"
#include "pdw-survey.h"
#include "pdw-types.h"
#include "pdw-workflow.h"

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

const char *
pdw_card_line_get_status_label (const char *status_name)
{
  PdwComplaintStatus status;

  if (status_name != NULL && pdw_complaint_status_from_string (status_name, &status))
    return pdw_complaint_status_get_label (status);
  return status_name;
}

const char *
pdw_card_line_get_action_label (PdwComplaintEvent *event)
{
  const char *action;

  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (event), NULL);

  action = pdw_complaint_event_get_action (event);
  if (action != NULL && pdw_workflow_action_is_known (action))
    return pdw_workflow_action_get_label (action);

  /* Lines written before the SOP desk. */
  if (g_strcmp0 (action, "status") == 0)
    return _("Status changed");
  if (g_strcmp0 (action, "handover") == 0)
    return _("Handed over");
  if (g_strcmp0 (action, "note") == 0)
    return _("Note");
  /* An action written by a newer version still shows as its id. */
  return action;
}

const char *
pdw_card_line_get_title (PdwComplaintEvent *event)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (event), NULL);

  /* "Register" reads as a command; the timeline says what happened. */
  if (g_strcmp0 (pdw_complaint_event_get_action (event), "register") == 0)
    return _("Complaint registered");
  return pdw_card_line_get_action_label (event);
}

static gboolean
changes_status (PdwComplaintEvent *event)
{
  PdwComplaintStatus to = pdw_complaint_event_get_to_status (event);

  return to != PDW_COMPLAINT_EVENT_NO_STATUS && pdw_complaint_event_get_from_status (event) != to;
}

char *
pdw_card_line_dup_activity (PdwComplaintEvent *event)
{
  const char *label;

  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (event), NULL);

  label = pdw_card_line_get_action_label (event);
  if (label == NULL)
    label = "";
  if (changes_status (event))
    return g_strdup_printf ("%s → %s", label,
                            pdw_complaint_status_get_label (pdw_complaint_event_get_to_status (event)));
  return g_strdup (label);
}

char *
pdw_card_line_dup_status_change (PdwComplaintEvent *event)
{
  PdwComplaintStatus from;
  PdwComplaintStatus to;

  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (event), NULL);

  if (!changes_status (event))
    return NULL;

  from = pdw_complaint_event_get_from_status (event);
  to = pdw_complaint_event_get_to_status (event);
  if (from == PDW_COMPLAINT_EVENT_NO_STATUS)
    return g_strdup (pdw_complaint_status_get_label (to));
  return g_strdup_printf ("%s → %s", pdw_complaint_status_get_label (from), pdw_complaint_status_get_label (to));
}

char *
pdw_card_line_dup_handover (PdwComplaintEvent *event)
{
  const char *from_party;
  const char *to_party;

  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (event), NULL);

  from_party = pdw_complaint_event_get_from_party (event);
  to_party = pdw_complaint_event_get_to_party (event);
  if (!is_set (to_party))
    return NULL;

  if (is_set (from_party) && g_strcmp0 (from_party, to_party) != 0)
    /* Translators: a hand-over on the control card, from one officer or division to another */
    return g_strdup_printf (_("From %s to %s"), from_party, to_party);
  /* Translators: the officer or division a file was handed over to */
  return g_strdup_printf (_("To: %s"), to_party);
}

const char *
pdw_card_line_get_recipient (PdwComplaintEvent *event)
{
  const char *to_party;

  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (event), NULL);

  to_party = pdw_complaint_event_get_to_party (event);
  if (!is_set (to_party) || g_strcmp0 (to_party, pdw_complaint_event_get_actor_name (event)) == 0)
    return NULL;
  return to_party;
}

char *
pdw_card_line_dup_actor (PdwComplaintEvent *event)
{
  const char *actor;
  const char *initials;

  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (event), NULL);

  actor = pdw_complaint_event_get_actor_name (event);
  /* As written with the line: no change when the officers list is edited
   * later. */
  initials = pdw_complaint_event_get_actor_initials (event);
  if (!is_set (actor))
    return NULL;
  if (is_set (initials))
    return g_strdup_printf ("%s (%s)", actor, initials);
  return g_strdup (actor);
}

/* ---- Corrections ---------------------------------------------------------- */

#define CORRECTION_SEPARATOR "\t"

static const struct
{
  const char *field;
  const char *label;
} correction_fields[] = {
  { "name", N_("Name") },
  { "nik", "NIK" },
  { "kk", N_("Family card number (KK)") },
  { "phone", N_("Phone") },
  { "complaint_type", N_("Type") },
  { "institution", N_("Institution") },
};

static char *
dup_one_line (const char *value,
              gboolean    identity)
{
  if (!is_set (value))
    return g_strdup ("");
  if (identity)
    return pdw_identity_mask (value);

  /* The separators are the note's own. */
  return g_strdelimit (g_strdup (value), "\t\n\r", ' ');
}

char *
pdw_card_line_new_correction_note (const char *field,
                                   const char *old_value,
                                   const char *new_value)
{
  gboolean identity = g_strcmp0 (field, "nik") == 0 || g_strcmp0 (field, "kk") == 0;
  g_autofree char *old_line = dup_one_line (old_value, identity);
  g_autofree char *new_line = dup_one_line (new_value, identity);

  g_return_val_if_fail (field != NULL, NULL);

  return g_strjoin (CORRECTION_SEPARATOR, field, old_line, new_line, NULL);
}

static char *
dup_correction (const char *note)
{
  g_auto(GStrv) parts = g_strsplit (note, CORRECTION_SEPARATOR, 3);
  const char *label = NULL;

  if (g_strv_length (parts) != 3)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (correction_fields); i++)
    if (g_strcmp0 (correction_fields[i].field, parts[0]) == 0)
      label = g_strcmp0 (parts[0], "nik") == 0 ? correction_fields[i].label : _(correction_fields[i].label);

  /* Translators: a corrected field on the control card: "Name: dewi lestari → Dewi Lestari"; — stands for empty */
  return g_strdup_printf (_("%s: %s → %s"), label != NULL ? label : parts[0],
                          *parts[1] != '\0' ? parts[1] : "—", *parts[2] != '\0' ? parts[2] : "—");
}

/* ---- The division's receiver of a coordination ---------------------------- */

/* A coordination line's note starts with this, the receiver's name and
 * initials (tab-separated), then the officer's own note on the next line. */
#define RECEIVER_MARK "receiver"

char *
pdw_card_line_new_coordination_note (const char *receiver_name,
                                     const char *receiver_initials,
                                     const char *note)
{
  g_autofree char *name = NULL;
  g_autofree char *initials = NULL;

  if (!is_set (receiver_name))
    return is_set (note) ? g_strdup (note) : NULL;

  name = dup_one_line (receiver_name, FALSE);
  initials = is_set (receiver_initials) ? dup_one_line (receiver_initials, FALSE)
                                        : pdw_officer_initials_from_name (receiver_name);

  return g_strconcat (RECEIVER_MARK CORRECTION_SEPARATOR, g_strstrip (name), CORRECTION_SEPARATOR,
                      g_strstrip (initials), is_set (note) ? "\n" : "", is_set (note) ? note : "", NULL);
}

gboolean
pdw_card_line_parse_coordination_note (const char  *stored,
                                       char       **receiver_name,
                                       char       **receiver_initials,
                                       char       **note)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *head = NULL;
  const char *body;
  const char *end;

  if (!is_set (stored) || !g_str_has_prefix (stored, RECEIVER_MARK CORRECTION_SEPARATOR))
    {
      if (note != NULL)
        *note = is_set (stored) ? g_strdup (stored) : NULL;
      return FALSE;
    }

  body = stored + strlen (RECEIVER_MARK CORRECTION_SEPARATOR);
  end = strchr (body, '\n');
  head = end != NULL ? g_strndup (body, (gsize) (end - body)) : g_strdup (body);
  parts = g_strsplit (head, CORRECTION_SEPARATOR, 2);

  if (receiver_name != NULL)
    *receiver_name = g_strdup (parts[0] != NULL ? parts[0] : "");
  if (receiver_initials != NULL)
    *receiver_initials = g_strdup (parts[0] != NULL && parts[1] != NULL ? parts[1] : "");
  if (note != NULL)
    *note = end != NULL && end[1] != '\0' ? g_strdup (end + 1) : NULL;
  return TRUE;
}

static gboolean
is_coordination (PdwComplaintEvent *event)
{
  return g_strcmp0 (pdw_complaint_event_get_action (event), "coordinate") == 0;
}

char *
pdw_card_line_dup_receiver_initials (PdwComplaintEvent *event)
{
  g_autofree char *name = NULL;
  char *initials = NULL;

  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (event), NULL);

  if (!is_coordination (event) ||
      !pdw_card_line_parse_coordination_note (pdw_complaint_event_get_note (event), &name, &initials, NULL))
    return NULL;

  return initials;
}


/* The line's own note, as the card words it. */
static char *
dup_written_note (PdwComplaintEvent *event)
{
  const char *note = pdw_complaint_event_get_note (event);

  if (!is_set (note))
    return NULL;

  /* The rating is stored as its digit, so that the report can count it. */
  if (g_strcmp0 (pdw_complaint_event_get_action (event), "survey_rating") == 0)
    {
      char *description = pdw_survey_rating_dup_description (pdw_survey_parse_rating (note));

      if (description != NULL)
        return description;
    }

  if (g_strcmp0 (pdw_complaint_event_get_action (event), "correct_data") == 0)
    {
      char *correction = dup_correction (note);

      if (correction != NULL)
        return correction;
    }

  if (is_coordination (event))
    {
      g_autofree char *name = NULL;
      g_autofree char *initials = NULL;
      g_autofree char *rest = NULL;

      if (pdw_card_line_parse_coordination_note (note, &name, &initials, &rest))
        {
          /* Translators: on a coordination line of the control card: the division's officer who received the file, with initials */
          g_autofree char *received = g_strdup_printf (_("Received by %s (%s)"), name, initials);

          return rest != NULL ? g_strconcat (received, "\n", rest, NULL) : g_steal_pointer (&received);
        }
    }

  return g_strdup (note);
}

/* A step is written when its reply is queued; if WhatsApp then refuses
 * the reply, the line says so instead of claiming the citizen was told. */
static char *
dup_delivery_failure (PdwComplaintEvent *event)
{
  const char *failure = pdw_complaint_event_get_message_failure (event);

  if (failure == NULL)
    return NULL;
  if (*failure == '\0')
    return g_strdup (_("(message failed to deliver)"));
  /* Translators: on a control-card line, e.g. "(message failed to deliver: Re-engagement message)" */
  return g_strdup_printf (_("(message failed to deliver: %s)"), failure);
}

char *
pdw_card_line_dup_note (PdwComplaintEvent *event)
{
  g_autofree char *note = NULL;
  g_autofree char *failure = NULL;

  g_return_val_if_fail (PDW_IS_COMPLAINT_EVENT (event), NULL);

  note = dup_written_note (event);
  failure = dup_delivery_failure (event);
  if (failure == NULL)
    return g_steal_pointer (&note);
  if (note == NULL)
    return g_steal_pointer (&failure);
  return g_strdup_printf ("%s %s", note, failure);
}
