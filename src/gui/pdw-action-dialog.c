/* pdw-action-dialog.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-card-line.h"
#include "core/pdw-catalog.h"
#include "core/pdw-workflow.h"

#include "pdw-action-dialog.h"

struct _PdwActionDialog
{
  AdwMessageDialog  parent_instance;

  /* Template Widgets */
  GtkWidget        *party_title;
  GtkComboBoxText  *party_combo;
  GtkWidget        *receiver_title;
  GtkWidget        *receiver_box;
  GtkEditable      *receiver_entry;
  GtkEditable      *receiver_initials_entry;
  GtkWidget        *reason_title;
  GtkDropDown      *reason_dropdown;
  GtkWidget        *note_title;
  GtkWidget        *note_scroller;
  GtkTextView      *note_view;
  GtkLabel         *error_label;

  char             *action;
  PdwWorkflowNeeds  needs;
  gboolean          initials_edited;  /* typed, not derived from the name */
};

/* Why a complaint is rejected, most often: offered in the rejection
 * dialog, the officer may still write any other reason. */
static const char * const common_reasons[] = {
  N_("The data already matches the population database"),
  N_("The supporting documents are incomplete"),
  N_("Not within the authority of Disdukcapil"),
  N_("The NIK is registered in another city"),
  N_("The applicant cannot be reached"),
};

G_DEFINE_FINAL_TYPE (PdwActionDialog, pdw_action_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
strip_or_null (const char *text)
{
  char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static char *dup_typed_note (PdwActionDialog *self);

static GtkEditable *
party_editable (PdwActionDialog *self)
{
  return GTK_EDITABLE (gtk_combo_box_get_child (GTK_COMBO_BOX (self->party_combo)));
}

static void
pdw_action_dialog_update (PdwActionDialog *self)
{
  g_autofree char *note = dup_typed_note (self);
  g_autofree char *party = pdw_action_dialog_dup_party (self);
  gboolean ok = TRUE;

  if ((self->needs & PDW_WORKFLOW_NEEDS_NOTE) && note == NULL)
    ok = FALSE;
  if ((self->needs & PDW_WORKFLOW_NEEDS_PARTY) && party == NULL)
    ok = FALSE;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", ok);
}

static gboolean
is_coordination (PdwActionDialog *self)
{
  return g_strcmp0 (self->action, "coordinate") == 0;
}

/* The free note alone, without the receiver. */
static char *
dup_typed_note (PdwActionDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return strip_or_null (text);
}

static void
receiver_changed_cb (PdwActionDialog *self)
{
  g_autofree char *initials = NULL;

  if (self->initials_edited)
    return;

  initials = pdw_officer_initials_from_name (gtk_editable_get_text (self->receiver_entry));
  gtk_editable_set_text (self->receiver_initials_entry, initials != NULL ? initials : "");
  self->initials_edited = FALSE;
}

static void
initials_changed_cb (PdwActionDialog *self)
{
  g_autofree char *derived = pdw_officer_initials_from_name (gtk_editable_get_text (self->receiver_entry));

  self->initials_edited = g_strcmp0 (derived != NULL ? derived : "",
                                     gtk_editable_get_text (self->receiver_initials_entry)) != 0;
}

static void
reason_selected_cb (PdwActionDialog *self)
{
  guint position = gtk_drop_down_get_selected (self->reason_dropdown);

  /* The first item is "choose…": it leaves what the officer wrote. */
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > G_N_ELEMENTS (common_reasons))
    return;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), _(common_reasons[position - 1]), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
setup_reasons (PdwActionDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Choose a reason, or write one below"));
  for (guint i = 0; i < G_N_ELEMENTS (common_reasons); i++)
    gtk_string_list_append (list, _(common_reasons[i]));

  gtk_drop_down_set_model (self->reason_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->reason_dropdown, 0);
  g_signal_connect_object (self->reason_dropdown, "notify::selected",
                           G_CALLBACK (reason_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (self->reason_title, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_dropdown), TRUE);
}

static const char *
describe_action (const char *action)
{
  if (g_strcmp0 (action, "coordinate") == 0)
    return _("The control card records which division now holds the file.");
  if (g_strcmp0 (action, "hand_over") == 0)
    return _("The control card records who receives the file from you.");
  if (g_strcmp0 (action, "reject") == 0)
    return _("Say why the complaint cannot be processed, e.g. the NIK is registered in another city: the citizen receives this reason.");
  if (g_strcmp0 (action, "reopen") == 0)
    return _("Say why the closed file is opened again.");
  if (g_strcmp0 (action, "consolidation_not_found") == 0)
    return _("Say what was searched in SIAK.");
  return _("The note is added to the control card.");
}

PdwActionDialog *
pdw_action_dialog_new (GtkWindow          *parent,
                       const char         *action,
                       const char * const *parties)
{
  PdwActionDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (pdw_workflow_action_is_known (action), NULL);

  self = g_object_new (PDW_TYPE_ACTION_DIALOG,
                       "transient-for", parent,
                       "heading", pdw_workflow_action_get_label (action),
                       "body", describe_action (action),
                       NULL);
  self->action = g_strdup (action);
  self->needs = pdw_workflow_action_get_needs (action);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "apply", pdw_workflow_action_get_label (action));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "apply",
                                              g_strcmp0 (action, "reject") == 0
                                              ? ADW_RESPONSE_DESTRUCTIVE
                                              : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  for (guint i = 0; parties != NULL && parties[i] != NULL; i++)
    gtk_combo_box_text_append_text (self->party_combo, parties[i]);

  gtk_widget_set_visible (self->party_title, (self->needs & PDW_WORKFLOW_NEEDS_PARTY) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->party_combo), (self->needs & PDW_WORKFLOW_NEEDS_PARTY) != 0);

  /* The note stays offered for a hand-over (what was handed over), but a
   * reason is only demanded where the SOP needs one. */
  if (self->needs & PDW_WORKFLOW_NEEDS_NOTE)
    gtk_label_set_text_with_mnemonic (GTK_LABEL (self->note_title),
                                      g_strcmp0 (action, "add_note") == 0 ? _("_Note") : _("_Reason"));
  else
    gtk_label_set_text_with_mnemonic (GTK_LABEL (self->note_title), _("_Note (optional)"));

  gtk_widget_set_visible (self->receiver_title, is_coordination (self));
  gtk_widget_set_visible (self->receiver_box, is_coordination (self));
  if (g_strcmp0 (action, "reject") == 0)
    setup_reasons (self);

  pdw_action_dialog_update (self);

  return self;
}

const char *
pdw_action_dialog_get_action (PdwActionDialog *self)
{
  g_return_val_if_fail (PDW_IS_ACTION_DIALOG (self), NULL);
  return self->action;
}

char *
pdw_action_dialog_dup_note (PdwActionDialog *self)
{
  g_autofree char *note = NULL;
  g_autofree char *receiver = NULL;
  g_autofree char *initials = NULL;

  g_return_val_if_fail (PDW_IS_ACTION_DIALOG (self), NULL);

  note = dup_typed_note (self);
  if (!is_coordination (self))
    return g_steal_pointer (&note);

  receiver = strip_or_null (gtk_editable_get_text (self->receiver_entry));
  initials = strip_or_null (gtk_editable_get_text (self->receiver_initials_entry));
  return pdw_card_line_new_coordination_note (receiver, initials, note);
}

char *
pdw_action_dialog_dup_party (PdwActionDialog *self)
{
  g_return_val_if_fail (PDW_IS_ACTION_DIALOG (self), NULL);

  if (!(self->needs & PDW_WORKFLOW_NEEDS_PARTY))
    return NULL;

  return strip_or_null (gtk_editable_get_text (party_editable (self)));
}

void
pdw_action_dialog_set_note (PdwActionDialog *self,
                            const char      *note)
{
  g_autofree char *receiver = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *rest = NULL;

  g_return_if_fail (PDW_IS_ACTION_DIALOG (self));

  /* A coordination's note comes back with its receiver (a retry). */
  if (is_coordination (self) &&
      pdw_card_line_parse_coordination_note (note, &receiver, &initials, &rest))
    {
      gtk_editable_set_text (self->receiver_entry, receiver);
      gtk_editable_set_text (self->receiver_initials_entry, initials);
      note = rest;
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note != NULL ? note : "", -1);
}

void
pdw_action_dialog_set_party (PdwActionDialog *self,
                             const char      *party)
{
  g_return_if_fail (PDW_IS_ACTION_DIALOG (self));

  gtk_editable_set_text (party_editable (self), party != NULL ? party : "");
}

void
pdw_action_dialog_set_error (PdwActionDialog *self,
                             const char      *message)
{
  g_return_if_fail (PDW_IS_ACTION_DIALOG (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

gboolean
pdw_action_dialog_get_can_apply (PdwActionDialog *self)
{
  g_return_val_if_fail (PDW_IS_ACTION_DIALOG (self), FALSE);

  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "apply");
}

static void
pdw_action_dialog_finalize (GObject *object)
{
  PdwActionDialog *self = (PdwActionDialog *)object;

  g_clear_pointer (&self->action, g_free);

  G_OBJECT_CLASS (pdw_action_dialog_parent_class)->finalize (object);
}

static void
pdw_action_dialog_class_init (PdwActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pdw_action_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwActionDialog, party_title);
  gtk_widget_class_bind_template_child (widget_class, PdwActionDialog, party_combo);
  gtk_widget_class_bind_template_child (widget_class, PdwActionDialog, receiver_title);
  gtk_widget_class_bind_template_child (widget_class, PdwActionDialog, receiver_box);
  gtk_widget_class_bind_template_child (widget_class, PdwActionDialog, receiver_entry);
  gtk_widget_class_bind_template_child (widget_class, PdwActionDialog, receiver_initials_entry);
  gtk_widget_class_bind_template_child (widget_class, PdwActionDialog, reason_title);
  gtk_widget_class_bind_template_child (widget_class, PdwActionDialog, reason_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdwActionDialog, note_title);
  gtk_widget_class_bind_template_child (widget_class, PdwActionDialog, note_scroller);
  gtk_widget_class_bind_template_child (widget_class, PdwActionDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, PdwActionDialog, error_label);
}

static void
pdw_action_dialog_init (PdwActionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (pdw_action_dialog_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (party_editable (self), "changed",
                           G_CALLBACK (pdw_action_dialog_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->receiver_entry, "changed",
                           G_CALLBACK (receiver_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->receiver_initials_entry, "changed",
                           G_CALLBACK (initials_changed_cb), self, G_CONNECT_SWAPPED);
}
