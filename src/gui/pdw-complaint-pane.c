/* pdw-complaint-pane.c: the desk.  For the selected conversation it holds
 * the context, the conversation and its complaint, hands them to its
 * sections (status and SOP steps, details, registration form, officer on
 * duty, control card) and applies the SOP steps they offer.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/pdw-workflow.h"
#include "export/pdw-card-pdf.h"

#include "complaint/pdw-complaint-edit-dialog.h"
#include "complaint/pdw-complaint-section-private.h"
#include "pdw-action-dialog.h"
#include "pdw-card-print.h"
#include "pdw-complaint-pane-private.h"
#include "pdw-duty-officer.h"
#include "pdw-toast.h"

struct _PdwComplaintPane
{
  GtkWidget                    parent_instance;

  /* Template Widgets */
  GtkStack                    *stack;
  PdwComplaintStatusSection   *status_section;
  PdwComplaintDetailsSection  *details_section;
  PdwComplaintFormSection     *form_section;
  PdwComplaintOfficerSection  *officer_section;
  PdwComplaintTimelineSection *timeline_section;

  /* Weak References: the dialog lives while the officer answers it. */
  PdwActionDialog             *action_dialog;
  PdwComplaintEditDialog      *edit_dialog;

  /* Owned References */
  PdwContext                  *context;
  PdwStore                    *store;              /* the context's */
  GSettings                   *settings;           /* the context's */
  PdwConversation             *conversation;
  PdwComplaint                *complaint;
  GtkFileChooserNative        *card_chooser;

  /* Follow whichever context is set: its store, settings and clock. */
  GSignalGroup                *store_signals;
  GSignalGroup                *settings_signals;
  GSignalGroup                *clock_signals;

  /* The officer chose to open a new file after a closed one. */
  guint                        starting_new : 1;
};

G_DEFINE_FINAL_TYPE (PdwComplaintPane, pdw_complaint_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CONVERSATION,
  PROP_COMPLAINT,
  N_PROPS
};

enum {
  TEMPLATE_REQUESTED,
  STEP_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Sections ---------------------------------------------------------------- */

/* The sections are the children of the form page's box, in screen order. */
static GtkWidget *
get_sections_box (PdwComplaintPane *self)
{
  return gtk_widget_get_parent (GTK_WIDGET (self->status_section));
}

static void
attach_sections (PdwComplaintPane *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (get_sections_box (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pdw_complaint_section_attach (PDW_COMPLAINT_SECTION (child), self->context);
}

static void
show_sections (PdwComplaintPane *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (get_sections_box (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pdw_complaint_section_set_complaint (PDW_COMPLAINT_SECTION (child), self->conversation, self->complaint);
}

static void
pdw_complaint_pane_reload (PdwComplaintPane *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->complaint);
  self->starting_new = FALSE;

  if (self->conversation == NULL || self->store == NULL)
    {
      show_sections (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT]);
      return;
    }

  self->complaint = pdw_store_dup_conversation_complaint (self->store,
                                                          pdw_conversation_get_id (self->conversation),
                                                          &error);
  if (error != NULL)
    g_warning ("Cannot read the complaint: %s", error->message);

  show_sections (self);
  pdw_complaint_officer_section_reset (self->officer_section);

  gtk_stack_set_visible_child_name (self->stack, "form");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT]);
}

static void
set_complaint (PdwComplaintPane *self,
               PdwComplaint     *complaint)
{
  self->starting_new = FALSE;
  g_set_object (&self->complaint, complaint);
  show_sections (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT]);
}

/* Registered or linked from the form. */
static void
section_complaint_changed_cb (PdwComplaintPane    *self,
                              PdwComplaint        *complaint,
                              PdwComplaintSection *section)
{
  set_complaint (self, complaint);
}

/* ---- Applying SOP actions ---------------------------------------------------- */

/* Divisions first (the usual receiver of a coordination), then officers. */
static GStrv
dup_parties (PdwComplaintPane *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) divisions = NULL;
  g_autoptr(GPtrArray) officers = NULL;

  divisions = pdw_store_list_catalog (self->store, PDW_CATALOG_DIVISION, FALSE, NULL);
  for (guint i = 0; divisions != NULL && i < divisions->len; i++)
    g_strv_builder_add (builder, pdw_catalog_entry_get_label (g_ptr_array_index (divisions, i)));

  officers = pdw_store_list_officers (self->store, FALSE, NULL);
  for (guint i = 0; officers != NULL && i < officers->len; i++)
    g_strv_builder_add (builder, pdw_officer_get_name (g_ptr_array_index (officers, i)));

  return g_strv_builder_end (builder);
}

static void open_action_dialog (PdwComplaintPane *self,
                                const char       *action,
                                const char       *note,
                                const char       *party,
                                const char       *error_message);

static char *
describe_action_error (const GError *error)
{
  if (g_error_matches (error, PDW_WORKFLOW_ERROR, PDW_WORKFLOW_ERROR_NEEDS_NOTE))
    return g_strdup (_("Write the reason or note first: the control card needs it."));
  if (g_error_matches (error, PDW_WORKFLOW_ERROR, PDW_WORKFLOW_ERROR_NEEDS_PARTY))
    return g_strdup (_("Choose or type the division or officer who receives the file."));
  if (g_error_matches (error, PDW_WORKFLOW_ERROR, PDW_WORKFLOW_ERROR_NOT_ALLOWED))
    return g_strdup (_("This step is not possible any more: the complaint has moved on. The pane now shows its current status."));

  return g_strdup_printf (_("The step was not recorded: %s"), error->message);
}

/* Whether @action is possible now, as the store will check it when its
 * message is queued. */
static gboolean
check_step (PdwComplaintPane  *self,
            const char        *action,
            const char        *note,
            const char        *party,
            GError           **error)
{
  PdwWorkflowInput input = { note, party, pdw_complaint_get_sla_started_at (self->complaint) > 0 };

  return pdw_workflow_check (pdw_complaint_get_status (self->complaint), action, &input, NULL, error);
}

/* Returns FALSE with the problem shown when the store refused. */
static gboolean
apply_action (PdwComplaintPane *self,
              const char       *action_id,
              const char       *note,
              const char       *party)
{
  /* A copy: @action_id may belong to a button that set_complaint() below
   * rebuilds. */
  g_autofree char *action = g_strdup (action_id);
  g_autoptr(PdwComplaint) updated = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PdwDutyOfficer) officer = { { NULL, NULL, NULL }, NULL, NULL, NULL };
  g_autofree char *toast = NULL;
  const char *template_name;

  if (self->complaint == NULL || self->store == NULL)
    return FALSE;

  pdw_duty_officer_load_from_context (&officer, self->context);
  /* A step that speaks to the citizen happens when its message goes: only
   * checked here, recorded by the composer's Send. */
  if (pdw_workflow_action_speaks_to_citizen (action))
    check_step (self, action, note, party, &error);
  else
    updated = pdw_store_apply_action (self->store, pdw_complaint_get_id (self->complaint),
                                      action, note, party, &officer.actor, &error);
  if (error != NULL)
    {
      g_autofree char *message = describe_action_error (error);

      if (pdw_workflow_action_get_needs (action) != PDW_WORKFLOW_NEEDS_NOTHING &&
          !g_error_matches (error, PDW_WORKFLOW_ERROR, PDW_WORKFLOW_ERROR_NOT_ALLOWED))
        {
          /* Keep what the officer typed: ask again with the problem shown. */
          open_action_dialog (self, action, note, party, message);
        }
      else
        {
          pdw_complaint_status_section_show_problem (self->status_section, message);
          if (g_error_matches (error, PDW_WORKFLOW_ERROR, PDW_WORKFLOW_ERROR_NOT_ALLOWED))
            {
              pdw_complaint_pane_reload (self);
              pdw_complaint_status_section_show_problem (self->status_section, message);
            }
        }
      return FALSE;
    }

  if (updated == NULL)
    {
      g_signal_emit (self, signals[STEP_REQUESTED], 0, action, note, party);
      return TRUE;
    }

  set_complaint (self, updated);

  /* Translators: a toast after an SOP step, e.g. "Recorded: Add to consolidation list" */
  toast = g_strdup_printf (_("Recorded: %s"), pdw_workflow_action_get_label (action));
  _pdw_complaint_show_toast (GTK_WIDGET (self), toast);

  /* An ADB outcome's follow-up (the referral after a duplicate record):
   * nothing goes to the citizen unseen. */
  template_name = pdw_workflow_action_get_template (action);
  if (template_name != NULL)
    g_signal_emit (self, signals[TEMPLATE_REQUESTED], 0, template_name);

  return TRUE;
}

static void
action_dialog_response_cb (PdwComplaintPane *self,
                           const char       *response,
                           PdwActionDialog  *dialog)
{
  g_autofree char *note = NULL;
  g_autofree char *party = NULL;
  g_autofree char *action = NULL;

  if (self->action_dialog == dialog)
    g_clear_weak_pointer (&self->action_dialog);

  if (g_strcmp0 (response, "apply") != 0)
    return;

  action = g_strdup (pdw_action_dialog_get_action (dialog));
  note = pdw_action_dialog_dup_note (dialog);
  party = pdw_action_dialog_dup_party (dialog);

  apply_action (self, action, note, party);
}

static void
open_action_dialog (PdwComplaintPane *self,
                    const char       *action,
                    const char       *note,
                    const char       *party,
                    const char       *error_message)
{
  g_auto(GStrv) parties = NULL;
  PdwActionDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (pdw_workflow_action_get_needs (action) & PDW_WORKFLOW_NEEDS_PARTY)
    parties = dup_parties (self);

  dialog = pdw_action_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  action, (const char * const *) parties);
  pdw_action_dialog_set_note (dialog, note);
  pdw_action_dialog_set_party (dialog, party);
  pdw_action_dialog_set_error (dialog, error_message);

  g_signal_connect_object (dialog, "response", G_CALLBACK (action_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->action_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pane_apply_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PdwComplaintPane *self = PDW_COMPLAINT_PANE (widget);
  const char *action = g_variant_get_string (param, NULL);

  if (!pdw_workflow_action_is_known (action) || self->complaint == NULL)
    return;

  pdw_complaint_status_section_show_problem (self->status_section, NULL);

  if (_pdw_complaint_officer_is_blank (self->context))
    {
      pdw_complaint_officer_section_ask_if_blank (self->officer_section);
      pdw_complaint_status_section_show_problem (self->status_section,
                                                 _("Enter your name as the officer on duty: every step is signed on the control card."));
      return;
    }

  if (g_strcmp0 (action, "add_to_consolidation") == 0)
    {
      g_autofree char *needs = _pdw_complaint_dup_consolidation_needs (self->complaint);

      if (needs != NULL)
        {
          pdw_complaint_status_section_show_problem (self->status_section, needs);
          return;
        }
    }

  if (pdw_workflow_action_get_needs (action) != PDW_WORKFLOW_NEEDS_NOTHING)
    open_action_dialog (self, action, NULL, NULL, NULL);
  else
    apply_action (self, action, NULL, NULL);
}

static void
pane_new_complaint (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PdwComplaintPane *self = PDW_COMPLAINT_PANE (widget);

  if (self->complaint == NULL || !pdw_workflow_status_is_final (pdw_complaint_get_status (self->complaint)))
    return;

  g_clear_object (&self->complaint);
  show_sections (self);
  self->starting_new = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT]);
}

/* ---- Edit Data ----------------------------------------------------------------- */

static void open_edit_dialog (PdwComplaintPane         *self,
                              const PdwComplaintFields *values,
                              const char               *error_message);

static void
edit_dialog_response_cb (PdwComplaintPane       *self,
                         const char             *response,
                         PdwComplaintEditDialog *dialog)
{
  g_autoptr(PdwComplaint) corrected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PdwDutyOfficer) officer = { { NULL, NULL, NULL }, NULL, NULL, NULL };
  g_autofree char *name = pdw_complaint_edit_dialog_dup_value (dialog, "name");
  g_autofree char *nik = pdw_complaint_edit_dialog_dup_value (dialog, "nik");
  g_autofree char *kk = pdw_complaint_edit_dialog_dup_value (dialog, "kk");
  g_autofree char *phone = pdw_complaint_edit_dialog_dup_value (dialog, "phone");
  g_autofree char *type = pdw_complaint_edit_dialog_dup_value (dialog, "complaint_type");
  g_autofree char *institution = pdw_complaint_edit_dialog_dup_value (dialog, "institution");
  PdwComplaintFields fields = { name, nik, kk, phone, type, institution };

  if (self->edit_dialog == dialog)
    g_clear_weak_pointer (&self->edit_dialog);

  if (g_strcmp0 (response, "save") != 0 || self->store == NULL ||
      self->complaint == NULL || pdw_complaint_get_id (self->complaint) != pdw_complaint_edit_dialog_get_complaint_id (dialog))
    return;

  pdw_duty_officer_load_from_context (&officer, self->context);
  corrected = pdw_store_correct_complaint (self->store, pdw_complaint_get_id (self->complaint),
                                           &fields, &officer.actor, &error);
  if (corrected == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The changes were not saved: %s"), error->message);

      /* Keep what the officer typed: ask again with the problem shown. */
      open_edit_dialog (self, &fields, message);
      return;
    }

  set_complaint (self, corrected);
  _pdw_complaint_show_toast (GTK_WIDGET (self), _("Changes saved on the control card"));
}

static void
open_edit_dialog (PdwComplaintPane         *self,
                  const PdwComplaintFields *values,
                  const char               *error_message)
{
  g_autoptr(GPtrArray) types = pdw_store_list_catalog (self->store, PDW_CATALOG_COMPLAINT_TYPE, FALSE, NULL);
  g_autoptr(GPtrArray) institutions = pdw_store_list_catalog (self->store, PDW_CATALOG_INSTITUTION, FALSE, NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PdwComplaintEditDialog *dialog;

  dialog = pdw_complaint_edit_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          pdw_complaint_get_id (self->complaint), values, types, institutions);
  pdw_complaint_edit_dialog_set_error (dialog, error_message);
  g_signal_connect_object (dialog, "response", G_CALLBACK (edit_dialog_response_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->edit_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pane_edit_data (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PdwComplaintPane *self = PDW_COMPLAINT_PANE (widget);
  PdwComplaintFields values = { 0 };

  if (self->complaint == NULL || self->store == NULL)
    return;

  if (_pdw_complaint_officer_is_blank (self->context))
    {
      pdw_complaint_officer_section_ask_if_blank (self->officer_section);
      pdw_complaint_status_section_show_problem (self->status_section,
                                                 _("Enter your name as the officer on duty: every step is signed on the control card."));
      return;
    }

  values.citizen_name = pdw_complaint_get_citizen_name (self->complaint);
  values.nik = pdw_complaint_get_nik (self->complaint);
  values.kk = pdw_complaint_get_kk (self->complaint);
  values.phone = pdw_complaint_get_phone (self->complaint);
  values.complaint_type = pdw_complaint_get_complaint_type (self->complaint);
  values.institution = pdw_complaint_get_institution (self->complaint);
  open_edit_dialog (self, &values, NULL);
}

/* ---- Printing the control card ---------------------------------------------- */

typedef struct
{
  PdwComplaintPane *self;
  char             *path;
  char             *ticket;
} CardJob;

static void
card_job_free (CardJob *job)
{
  g_object_unref (job->self);
  g_free (job->path);
  g_free (job->ticket);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CardJob, card_job_free)

static void
card_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CardJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  GtkWidget *overlay;

  if (!pdw_card_pdf_write_finish (result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The control card was not saved: %s"), error->message);
      _pdw_complaint_show_toast (GTK_WIDGET (job->self), message);
      return;
    }

  /* Translators: what was saved, in "Saved: %s"; %s is the ticket */
  what = g_strdup_printf (_("control card %s"), job->ticket != NULL ? job->ticket : "");
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (job->self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), pdw_toast_new_saved_file (what, job->path));
}

static void
card_file_chosen_cb (PdwComplaintPane     *self,
                     int                   response,
                     GtkFileChooserNative *native)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *office_name = NULL;
  g_autofree char *office_address = NULL;
  PdwCardOptions options = { 0 };

  if (response == GTK_RESPONSE_ACCEPT && self->complaint != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }

  if (path != NULL)
    {
      CardJob *job = g_new0 (CardJob, 1);

      office_name = g_settings_get_string (self->settings, "office-name");
      office_address = g_settings_get_string (self->settings, "office-address");
      options.office_name = office_name;
      options.office_address = office_address;

      job->self = g_object_ref (self);
      job->path = g_strdup (path);
      job->ticket = g_strdup (pdw_complaint_get_ticket (self->complaint));
      pdw_card_pdf_write_async (self->store, pdw_complaint_get_id (self->complaint), &options, path,
                                NULL, card_written_cb, job);
    }

  if (self->card_chooser == native)
    g_clear_object (&self->card_chooser);
}

/* The pane owns the chooser, so that closing the window before the officer
 * answers destroys it instead of leaving it behind. */
static void
clear_card_chooser (PdwComplaintPane *self)
{
  if (self->card_chooser == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->card_chooser, card_file_chosen_cb, self);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->card_chooser));
  g_clear_object (&self->card_chooser);
}

static void
pane_next_step (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PdwComplaintPane *self = PDW_COMPLAINT_PANE (widget);

  if (!pdw_complaint_status_section_activate_next (self->status_section))
    gtk_widget_error_bell (widget);
}

/* Through the print dialog, with its preview; the PDF file is
 * pane.save-card-pdf. */
static void
pane_print_card (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PdwComplaintPane *self = PDW_COMPLAINT_PANE (widget);
  g_autofree char *office_name = NULL;
  g_autofree char *office_address = NULL;
  PdwCardOptions options = { 0 };

  if (self->complaint == NULL)
    return;

  office_name = g_settings_get_string (self->settings, "office-name");
  office_address = g_settings_get_string (self->settings, "office-address");
  options.office_name = office_name;
  options.office_address = office_address;
  pdw_card_print (widget, self->store, pdw_complaint_get_id (self->complaint), &options, NULL);
}

static void
pane_save_card_pdf (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PdwComplaintPane *self = PDW_COMPLAINT_PANE (widget);
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->complaint == NULL)
    return;

  clear_card_chooser (self);
  self->card_chooser = gtk_file_chooser_native_new (_("Save Control Card"),
                                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                    GTK_FILE_CHOOSER_ACTION_SAVE,
                                                    _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->card_chooser), TRUE);
  name = g_strdup_printf ("Kartu-Kendali-%s.pdf", pdw_complaint_get_ticket (self->complaint));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->card_chooser), name);
  g_signal_connect_object (self->card_chooser, "response", G_CALLBACK (card_file_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->card_chooser));
}

/* ---- Store, settings and clock ------------------------------------------------ */

static void
store_complaint_changed_cb (PdwStore         *store,
                            gint64            complaint_id,
                            PdwComplaintPane *self)
{
  g_autoptr(PdwComplaint) complaint = NULL;

  if (self->complaint == NULL || pdw_complaint_get_id (self->complaint) != complaint_id)
    return;

  complaint = pdw_store_dup_complaint (store, complaint_id, NULL);
  if (complaint == NULL)
    return;

  g_set_object (&self->complaint, complaint);
  show_sections (self);
}

static void
store_conversation_changed_cb (PdwStore         *store,
                               gint64            conversation_id,
                               PdwComplaintPane *self)
{
  g_autoptr(PdwComplaint) complaint = NULL;

  if (self->conversation == NULL ||
      self->complaint != NULL ||
      pdw_conversation_get_id (self->conversation) != conversation_id)
    return;

  /* Registered or linked from elsewhere (the CLI, ingestion): show it.  A
   * closed file does not take the form away from an officer opening a new
   * one. */
  complaint = pdw_store_dup_conversation_complaint (store, conversation_id, NULL);
  if (complaint != NULL &&
      !(self->starting_new && pdw_workflow_status_is_final (pdw_complaint_get_status (complaint))))
    {
      pdw_complaint_pane_reload (self);
      return;
    }

  /* The citizen sent their data after the conversation was opened. */
  pdw_complaint_form_section_refill (self->form_section);
}

static void
store_settings_changed_cb (PdwStore         *store,
                           const char       *what,
                           PdwComplaintPane *self)
{
  if (g_strcmp0 (what, "complaint_type") == 0 || g_strcmp0 (what, "institution") == 0)
    pdw_complaint_form_section_reload_catalogs (self->form_section);

  if (self->complaint != NULL)
    pdw_complaint_details_section_reload (self->details_section);
}

static void
officer_changed_cb (PdwComplaintPane *self)
{
  pdw_complaint_form_section_update_register (self->form_section);
  /* Asked here because the control card needs a name; the rows stay while
   * the officer types it. */
  pdw_complaint_officer_section_ask_if_blank (self->officer_section);
  pdw_complaint_status_section_update_officer (self->status_section);
}

/* ---- Public API ------------------------------------------------------------- */

GtkWidget *
pdw_complaint_pane_new (void)
{
  return g_object_new (PDW_TYPE_COMPLAINT_PANE, NULL);
}

PdwContext *
pdw_complaint_pane_get_context (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);

  return self->context;
}

void
pdw_complaint_pane_set_context (PdwComplaintPane *self,
                                PdwContext       *context)
{
  g_return_if_fail (PDW_IS_COMPLAINT_PANE (self));
  g_return_if_fail (!context || PDW_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  self->store = context != NULL ? pdw_context_get_store (context) : NULL;
  self->settings = context != NULL ? pdw_context_get_settings (context) : NULL;

  /* The sections first: the officer section binds its rows to the settings
   * before the pane follows them. */
  attach_sections (self);
  g_signal_group_set_target (self->store_signals, self->store);
  g_signal_group_set_target (self->settings_signals, self->settings);
  g_signal_group_set_target (self->clock_signals, context != NULL ? pdw_context_get_clock (context) : NULL);

  pdw_complaint_pane_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

PdwConversation *
pdw_complaint_pane_get_conversation (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);

  return self->conversation;
}

void
pdw_complaint_pane_set_conversation (PdwComplaintPane *self,
                                     PdwConversation  *conversation)
{
  g_return_if_fail (PDW_IS_COMPLAINT_PANE (self));
  g_return_if_fail (!conversation || PDW_IS_CONVERSATION (conversation));

  if (g_set_object (&self->conversation, conversation))
    {
      pdw_complaint_pane_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSATION]);
    }
}

PdwComplaint *
pdw_complaint_pane_get_complaint (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);

  return self->complaint;
}

/* ---- Private API ---------------------------------------------------------------- */

PdwComplaintStatusSection *
_pdw_complaint_pane_get_status_section (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return self->status_section;
}

PdwComplaintFormSection *
_pdw_complaint_pane_get_form_section (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return self->form_section;
}

PdwComplaintTimelineSection *
_pdw_complaint_pane_get_timeline_section (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return self->timeline_section;
}

PdwComplaintEditDialog *
_pdw_complaint_pane_get_edit_dialog (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return self->edit_dialog;
}

PdwActionDialog *
_pdw_complaint_pane_get_action_dialog (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return self->action_dialog;
}

GtkFileChooserNative *
_pdw_complaint_pane_get_card_chooser (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return self->card_chooser;
}

/* ---- GObject ------------------------------------------------------------------ */

static void
pdw_complaint_pane_dispose (GObject *object)
{
  PdwComplaintPane *self = (PdwComplaintPane *)object;
  GtkWidget *child;

  g_clear_object (&self->store_signals);
  g_clear_object (&self->settings_signals);
  g_clear_object (&self->clock_signals);
  clear_card_chooser (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_COMPLAINT_PANE);
  /* GTK 4.8 only unparents the children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_weak_pointer (&self->action_dialog);
  g_clear_weak_pointer (&self->edit_dialog);
  g_clear_object (&self->complaint);
  g_clear_object (&self->conversation);
  self->store = NULL;
  self->settings = NULL;
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pdw_complaint_pane_parent_class)->dispose (object);
}

static void
pdw_complaint_pane_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PdwComplaintPane *self = PDW_COMPLAINT_PANE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_CONVERSATION:
      g_value_set_object (value, self->conversation);
      break;

    case PROP_COMPLAINT:
      g_value_set_object (value, self->complaint);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_complaint_pane_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PdwComplaintPane *self = PDW_COMPLAINT_PANE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      pdw_complaint_pane_set_context (self, g_value_get_object (value));
      break;

    case PROP_CONVERSATION:
      pdw_complaint_pane_set_conversation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_complaint_pane_class_init (PdwComplaintPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_complaint_pane_dispose;
  object_class->get_property = pdw_complaint_pane_get_property;
  object_class->set_property = pdw_complaint_pane_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PDW_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONVERSATION] =
    g_param_spec_object ("conversation", NULL, NULL, PDW_TYPE_CONVERSATION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COMPLAINT] =
    g_param_spec_object ("complaint", NULL, NULL, PDW_TYPE_COMPLAINT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TEMPLATE_REQUESTED] =
    g_signal_new ("template-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[STEP_REQUESTED] =
    g_signal_new ("step-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "pane.apply", "s", pane_apply_action);
  gtk_widget_class_install_action (widget_class, "pane.new-complaint", NULL, pane_new_complaint);
  gtk_widget_class_install_action (widget_class, "pane.edit-data", NULL, pane_edit_data);
  gtk_widget_class_install_action (widget_class, "pane.print-card", NULL, pane_print_card);
  gtk_widget_class_install_action (widget_class, "pane.save-card-pdf", NULL, pane_save_card_pdf);
  gtk_widget_class_install_action (widget_class, "pane.next-step", NULL, pane_next_step);

  g_type_ensure (PDW_TYPE_COMPLAINT_STATUS_SECTION);
  g_type_ensure (PDW_TYPE_COMPLAINT_DETAILS_SECTION);
  g_type_ensure (PDW_TYPE_COMPLAINT_FORM_SECTION);
  g_type_ensure (PDW_TYPE_COMPLAINT_OFFICER_SECTION);
  g_type_ensure (PDW_TYPE_COMPLAINT_TIMELINE_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-complaint-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, stack);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, status_section);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, details_section);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, form_section);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, officer_section);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, timeline_section);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "complaintpane");
}

static void
pdw_complaint_pane_init (PdwComplaintPane *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* From anywhere in the window, the reply box too (captured before its
   * Shift+Enter line break). */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                   gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK | GDK_SHIFT_MASK)),
                      gtk_named_action_new ("pane.next-step")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* Connected here rather than in the .ui so the template validates with
   * gtk4-builder-tool, which cannot see static callbacks. */
  g_signal_connect_object (self->form_section, "complaint-changed",
                           G_CALLBACK (section_complaint_changed_cb), self, G_CONNECT_SWAPPED);

  /* The context's store, settings and clock, whichever context is set: the
   * sections are given the context and never make their own. */
  self->store_signals = g_signal_group_new (PDW_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "complaint-changed",
                                 G_CALLBACK (store_complaint_changed_cb), self, 0);
  g_signal_group_connect_object (self->store_signals, "conversation-changed",
                                 G_CALLBACK (store_conversation_changed_cb), self, 0);
  g_signal_group_connect_object (self->store_signals, "settings-changed",
                                 G_CALLBACK (store_settings_changed_cb), self, 0);
  self->settings_signals = g_signal_group_new (G_TYPE_SETTINGS);
  g_signal_group_connect_object (self->settings_signals, "changed::officer-name",
                                 G_CALLBACK (officer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->settings_signals, "changed::due-soon-hours",
                                 G_CALLBACK (pdw_complaint_status_section_update_sla), self->status_section,
                                 G_CONNECT_SWAPPED);
  /* Time passes without any store change: the SLA mark follows the clock. */
  self->clock_signals = g_signal_group_new (PDW_TYPE_CLOCK);
  g_signal_group_connect_object (self->clock_signals, "minute-changed",
                                 G_CALLBACK (pdw_complaint_status_section_update_sla), self->status_section,
                                 G_CONNECT_SWAPPED);

  pdw_complaint_pane_reload (self);
}
