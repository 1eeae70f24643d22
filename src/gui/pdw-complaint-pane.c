/* pdw-complaint-pane.c: the desk.  For the selected conversation it shows
 * the complaint's status, ticket, holder and SLA state, offers the SOP
 * actions an officer may take now, registers new complaints (with live
 * NIK/KK validation) and lists the control card.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/pdw-desk-settings.h"
#include "core/pdw-extract.h"
#include "core/pdw-identity.h"
#include "core/pdw-workflow.h"
#include "export/pdw-card-pdf.h"

#include "pdw-action-dialog.h"
#include "pdw-complaint-pane.h"
#include "pdw-duty-officer.h"
#include "pdw-format.h"

typedef enum
{
  FIELD_EMPTY,
  FIELD_VALID,
  FIELD_WARNING,
  FIELD_ERROR,
} FieldState;

struct _PdwComplaintPane
{
  GtkWidget        parent_instance;

  /* Template Widgets */
  GtkStack        *stack;
  GtkLabel        *status_label;
  GtkMenuButton   *more_button;
  GtkLabel        *ticket_label;
  GtkLabel        *sla_label;
  GtkLabel        *holder_label;
  GtkWidget       *actions_box;
  GtkButton       *next_button;
  GtkButton       *second_button;
  GtkLabel        *action_message;
  GtkWidget       *link_box;
  GtkLabel        *link_label;
  GtkButton       *link_button;
  GtkListBox      *details_list;
  GtkWidget       *form_box;
  GtkWidget       *prefill_hint;
  AdwEntryRow     *name_row;
  AdwEntryRow     *nik_row;
  GtkLabel        *nik_message;
  GtkLabel        *nik_details;
  AdwEntryRow     *kk_row;
  GtkLabel        *kk_message;
  GtkLabel        *kk_details;
  AdwEntryRow     *phone_row;
  AdwComboRow     *type_row;
  AdwComboRow     *institution_row;
  GtkButton       *register_button;
  GtkLabel        *register_hint;
  GtkWidget       *timeline_box;
  GtkListBox      *timeline_list;
  GtkWidget       *officer_box;
  AdwEntryRow     *officer_name_row;
  AdwEntryRow     *officer_nip_row;

  /* Borrowed References */
  PdwActionDialog *action_dialog;

  /* Owned References */
  PdwStore        *store;
  PdwConversation *conversation;
  PdwComplaint    *complaint;
  PdwComplaint    *duplicate;
  GSettings       *settings;
  GPtrArray       *type_codes;
  GPtrArray       *institution_codes;
  GMenu           *more_menu;
  char            *suggested_action;
  guint            tick_source;

  FieldState       nik_state;
  FieldState       kk_state;
  guint            n_events;
  /* Programmatic fills are not the officer's edits. */
  guint            filling : 1;
  guint            edited : 1;
  guint            prefilled : 1;
  /* The officer chose to open a new file after a closed one. */
  guint            starting_new : 1;
};

G_DEFINE_FINAL_TYPE (PdwComplaintPane, pdw_complaint_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONVERSATION,
  PROP_COMPLAINT,
  N_PROPS
};

enum {
  TEMPLATE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void pdw_complaint_pane_reload (PdwComplaintPane *self);
static void show_toast               (PdwComplaintPane *self,
                                      const char       *message);

static const char * const message_classes[] = { "error", "warning", "success", "dim-label" };
static const char * const tag_classes[] = { "status-new", "status-open", "status-done", "status-rejected" };

static void
set_message (GtkLabel   *label,
             const char *text,
             const char *css_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (message_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), message_classes[i]);

  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
}

static char *
join_issues (GPtrArray *issues)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      PdwIdentityIssue *issue = g_ptr_array_index (issues, i);

      if (str->len > 0)
        g_string_append_c (str, '\n');
      g_string_append (str, issue->message);
    }

  return g_string_free (str, FALSE);
}

static char *
describe_identity (const PdwIdentityResult *result)
{
  GString *str = g_string_new (NULL);

  if (result->district != NULL)
    {
      g_autofree char *district = NULL;

      if (result->district_former != NULL)
        /* Translators: a kecamatan whose code carried another name before, e.g. "Binawidya (formerly Tampan)" */
        district = g_strdup_printf (_("%s (formerly %s)"), result->district, result->district_former);
      else
        district = g_strdup (result->district);

      if (result->regency != NULL)
        /* Translators: district, then regency or city */
        g_string_append_printf (str, _("District: %s, %s"), district, result->regency);
      else
        g_string_append_printf (str, _("District: %s"), district);
    }

  if (g_date_valid (&result->date))
    {
      char date[32];

      g_date_strftime (date, sizeof date, "%d/%m/%Y", &result->date);
      if (str->len > 0)
        g_string_append_c (str, '\n');

      if (result->kind == PDW_IDENTITY_KK)
        g_string_append_printf (str, _("Issued on %s"), date);
      else if (result->sex == 'P')
        g_string_append_printf (str, _("Born on %s · female"), date);
      else if (result->sex == 'L')
        g_string_append_printf (str, _("Born on %s · male"), date);
      else
        g_string_append_printf (str, _("Born on %s"), date);
    }

  return g_string_free (str, FALSE);
}

static gboolean
text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static FieldState
validate_identity (PdwIdentityKind  kind,
                   AdwEntryRow     *row,
                   GtkLabel        *message,
                   GtkLabel        *details)
{
  g_autoptr(PdwIdentityResult) result = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *decoded = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  FieldState state;

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "warning");

  if (text_is_blank (text))
    {
      set_message (message, NULL, NULL);
      set_message (details, NULL, NULL);
      return FIELD_EMPTY;
    }

  result = pdw_identity_parse (kind, text, NULL);
  if (result == NULL)
    {
      set_message (message, NULL, NULL);
      set_message (details, NULL, NULL);
      return FIELD_EMPTY;
    }

  if (!result->valid && result->errors != NULL && result->errors->len > 0)
    {
      errors = join_issues (result->errors);
      set_message (message, errors, "error");
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      state = FIELD_ERROR;
    }
  else if (result->warnings != NULL && result->warnings->len > 0)
    {
      warnings = join_issues (result->warnings);
      set_message (message, warnings, "warning");
      gtk_widget_add_css_class (GTK_WIDGET (row), "warning");
      state = FIELD_WARNING;
    }
  else
    {
      set_message (message,
                   kind == PDW_IDENTITY_NIK ? _("Valid NIK") : _("Valid family card number"),
                   "success");
      state = FIELD_VALID;
    }

  decoded = describe_identity (result);
  set_message (details, decoded, "dim-label");

  return state;
}

static gboolean
row_is_blank (AdwEntryRow *row)
{
  return text_is_blank (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static gboolean
officer_is_blank (PdwComplaintPane *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "officer-name");

  return text_is_blank (name);
}

static void
pdw_complaint_pane_update_register (PdwComplaintPane *self)
{
  const char *hint = NULL;
  gboolean can_register;

  if (self->conversation == NULL || self->store == NULL || self->complaint != NULL)
    hint = NULL;
  else if (officer_is_blank (self))
    hint = _("Enter your name as the officer on duty: the control card records who registered the complaint.");
  else if (self->nik_state == FIELD_ERROR)
    hint = _("Correct the NIK to register the complaint.");
  else if (self->kk_state == FIELD_ERROR)
    hint = _("Correct or clear the family card number to register the complaint.");
  else if (self->nik_state == FIELD_EMPTY && self->kk_state == FIELD_EMPTY && row_is_blank (self->name_row))
    hint = _("Enter at least the NIK (enough for data inactive at a bank or BPJS).");

  can_register = self->conversation != NULL &&
                 self->store != NULL &&
                 self->complaint == NULL &&
                 hint == NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->register_button), can_register);
  set_message (self->register_hint, hint, "dim-label");
}

static void
hide_duplicate (PdwComplaintPane *self)
{
  g_clear_object (&self->duplicate);
  gtk_widget_set_visible (self->link_box, FALSE);
}

static void
nik_changed_cb (PdwComplaintPane *self)
{
  self->nik_state = validate_identity (PDW_IDENTITY_NIK, self->nik_row, self->nik_message, self->nik_details);
  if (!self->filling)
    {
      self->edited = TRUE;
      hide_duplicate (self);
    }
  pdw_complaint_pane_update_register (self);
}

static void
kk_changed_cb (PdwComplaintPane *self)
{
  self->kk_state = validate_identity (PDW_IDENTITY_KK, self->kk_row, self->kk_message, self->kk_details);
  if (!self->filling)
    self->edited = TRUE;
  pdw_complaint_pane_update_register (self);
}

static void
field_changed_cb (PdwComplaintPane *self)
{
  if (!self->filling)
    self->edited = TRUE;
  pdw_complaint_pane_update_register (self);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* ---- The office's lists ---------------------------------------------------- */

static void
load_catalog (PdwComplaintPane *self,
              PdwCatalogKind    kind,
              AdwComboRow      *row,
              GPtrArray       **codes)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_clear_pointer (codes, g_ptr_array_unref);
  *codes = g_ptr_array_new_with_free_func (g_free);

  if (self->store != NULL)
    {
      entries = pdw_store_list_catalog (self->store, kind, FALSE, &error);
      if (entries == NULL)
        g_warning ("Cannot read the office's lists: %s", error->message);
    }

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      PdwCatalogEntry *entry = g_ptr_array_index (entries, i);

      g_ptr_array_add (*codes, g_strdup (pdw_catalog_entry_get_code (entry)));
      gtk_string_list_append (labels, pdw_catalog_entry_get_label (entry));
    }

  self->filling = TRUE;
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  self->filling = FALSE;
}

static void
pdw_complaint_pane_load_catalogs (PdwComplaintPane *self)
{
  load_catalog (self, PDW_CATALOG_COMPLAINT_TYPE, self->type_row, &self->type_codes);
  load_catalog (self, PDW_CATALOG_INSTITUTION, self->institution_row, &self->institution_codes);
}

static const char *
selected_code (AdwComboRow *row,
               GPtrArray   *codes)
{
  guint index = adw_combo_row_get_selected (row);

  if (codes == NULL || index == GTK_INVALID_LIST_POSITION || index >= codes->len)
    return NULL;

  return g_ptr_array_index (codes, index);
}

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

/* ---- Status, SLA and actions --------------------------------------------- */

static const char * const sla_classes[] = { "sla-overdue", "sla-due-soon" };

static void
set_status_tag (PdwComplaintPane *self)
{
  const char *css_class = "status-new";
  const char *label = _("New");

  for (guint i = 0; i < G_N_ELEMENTS (tag_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), tag_classes[i]);

  if (self->complaint != NULL)
    {
      PdwComplaintStatus status = pdw_complaint_get_status (self->complaint);

      label = pdw_complaint_status_get_label (status);
      if (status == PDW_COMPLAINT_SELESAI)
        css_class = "status-done";
      else if (status == PDW_COMPLAINT_DITOLAK)
        css_class = "status-rejected";
      else if (status != PDW_COMPLAINT_BARU)
        css_class = "status-open";
    }

  gtk_label_set_text (self->status_label, label);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), css_class);
}

static void
pdw_complaint_pane_update_sla (PdwComplaintPane *self)
{
  g_autofree char *text = NULL;
  PdwComplaintStatus status;
  gint64 due_at;

  for (guint i = 0; i < G_N_ELEMENTS (sla_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->sla_label), sla_classes[i]);

  if (self->complaint == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->sla_label), FALSE);
      return;
    }

  status = pdw_complaint_get_status (self->complaint);
  due_at = pdw_complaint_get_due_at (self->complaint);

  if (pdw_workflow_status_waits_on_citizen (status))
    text = g_strdup (_("Waiting for the citizen to come to the office for the biometric check"));
  else if (pdw_workflow_status_is_final (status) || due_at <= 0)
    text = NULL;
  else
    {
      gint64 now = pdw_format_now ();
      PdwSlaState state = pdw_complaint_classify_sla (self->complaint, now,
                                                      pdw_desk_settings_get_due_soon_seconds (self->settings));
      g_autofree char *when = pdw_format_date_time (due_at);
      g_autofree char *mark = pdw_format_sla_text (state, due_at, now);
      const char *css_class = pdw_format_sla_css_class (state);

      if (mark != NULL)
        /* Translators: "Due 07/11/2025 14:30 WIB · Overdue by 2 h 5 min" */
        text = g_strdup_printf (_("Due %s WIB · %s"), when, mark);
      else
        /* Translators: the 2x24-hour promise, e.g. "Due 07/11/2025 14:30 WIB" */
        text = g_strdup_printf (_("Due %s WIB"), when);

      if (css_class != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->sla_label), css_class);
    }

  gtk_label_set_text (self->sla_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->sla_label), text != NULL);
}

/* The SOP's next step from each status: the suggested button. */
static const char *
next_step_for (PdwComplaintStatus status)
{
  switch (status)
    {
    case PDW_COMPLAINT_TERDAFTAR:
      return "add_to_consolidation";
    case PDW_COMPLAINT_KONSOLIDASI:
      return "send_standard_reply";
    case PDW_COMPLAINT_MENUNGGU:
    case PDW_COMPLAINT_RUJUK_BIOMETRIK:
      return "resolve";
    case PDW_COMPLAINT_KOORDINASI:
      return "return_from_coordination";
    case PDW_COMPLAINT_BARU:
    case PDW_COMPLAINT_SELESAI:
    case PDW_COMPLAINT_DITOLAK:
    default:
      return NULL;
    }
}

static char *
dup_action_label (const PdwWorkflowChoice *choice)
{
  /* An ellipsis says a dialog follows, as GNOME's HIG asks. */
  if (choice->needs != PDW_WORKFLOW_NEEDS_NOTHING)
    return g_strdup_printf ("%s…", choice->label);
  return g_strdup (choice->label);
}

static void
set_button_action (GtkButton  *button,
                   const char *label,
                   const char *action_name,
                   const char *target)
{
  gtk_button_set_label (button, label);
  /* Name last: an action with a parameter must never see a NULL target. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          target != NULL ? g_variant_new_string (target) : NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_visible (GTK_WIDGET (button), TRUE);
}

static void
pdw_complaint_pane_update_actions (PdwComplaintPane *self)
{
  g_autoptr(GArray) choices = NULL;
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenu) conversation_section = g_menu_new ();
  PdwComplaintStatus status;
  gboolean final;
  const char *next;
  const char *second = NULL;

  g_clear_pointer (&self->suggested_action, g_free);
  g_menu_remove_all (self->more_menu);
  gtk_widget_remove_css_class (GTK_WIDGET (self->second_button), "destructive-action");
  gtk_widget_set_visible (GTK_WIDGET (self->second_button), FALSE);

  g_menu_append (conversation_section, _("_Merge with Another Conversation…"), "win.merge-conversation");

  if (self->complaint == NULL)
    {
      gtk_widget_set_visible (self->actions_box, FALSE);
      g_menu_append_section (self->more_menu, NULL, G_MENU_MODEL (conversation_section));
      return;
    }

  status = pdw_complaint_get_status (self->complaint);
  final = pdw_workflow_status_is_final (status);
  next = next_step_for (status);
  choices = pdw_workflow_list_actions (status, pdw_complaint_get_sla_started_at (self->complaint) > 0);

  if (final)
    {
      /* A closed file stays closed: a new request is a new complaint. */
      set_button_action (self->next_button, _("_Start New Complaint"), "pane.new-complaint", NULL);
      second = "reopen";
    }
  else
    second = "reject";

  for (guint i = 0; i < choices->len; i++)
    {
      const PdwWorkflowChoice *choice = &g_array_index (choices, PdwWorkflowChoice, i);
      g_autofree char *label = dup_action_label (choice);

      if (g_strcmp0 (choice->action, next) == 0)
        {
          set_button_action (self->next_button, label, "pane.apply", choice->action);
          self->suggested_action = g_strdup (choice->action);
        }
      else if (g_strcmp0 (choice->action, second) == 0)
        {
          set_button_action (self->second_button, label, "pane.apply", choice->action);
          if (!final)
            gtk_widget_add_css_class (GTK_WIDGET (self->second_button), "destructive-action");
        }
      else
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

          g_menu_item_set_action_and_target_value (item, "pane.apply", g_variant_new_string (choice->action));
          g_menu_append_item (section, item);
        }
    }

  if (!final && self->suggested_action == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->next_button), FALSE);

  g_menu_append_section (self->more_menu, NULL, G_MENU_MODEL (section));
  g_menu_append_section (self->more_menu, NULL, G_MENU_MODEL (conversation_section));

  gtk_widget_set_visible (self->actions_box, TRUE);
  /* Every action is signed on the control card. */
  gtk_widget_set_sensitive (self->actions_box, !officer_is_blank (self));
}

static void
pdw_complaint_pane_update_holder (PdwComplaintPane *self)
{
  const char *holder = self->complaint != NULL ? pdw_complaint_get_holder (self->complaint) : NULL;
  g_autofree char *text = NULL;

  if (holder != NULL && *holder != '\0' &&
      !pdw_workflow_status_is_final (pdw_complaint_get_status (self->complaint)))
    /* Translators: who holds the complaint file now (an officer or a division) */
    text = g_strdup_printf (_("Held by %s"), holder);

  gtk_label_set_text (self->holder_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->holder_label), text != NULL);
}

/* ---- Control card ------------------------------------------------------------ */

static const char *
action_label (const char *action)
{
  if (action != NULL && pdw_workflow_action_is_known (action))
    {
      /* "Register" reads as a command; the card says what happened. */
      if (g_strcmp0 (action, "register") == 0)
        return _("Complaint registered");
      return pdw_workflow_action_get_label (action);
    }

  /* Lines written before the SOP desk. */
  if (g_strcmp0 (action, "status") == 0)
    return _("Status changed");
  if (g_strcmp0 (action, "handover") == 0)
    return _("Handed over");
  if (g_strcmp0 (action, "note") == 0)
    return _("Note");
  return action;
}

static const char *
status_label_of (const char *name)
{
  PdwComplaintStatus status;

  if (name != NULL && pdw_complaint_status_from_string (name, &status))
    return pdw_complaint_status_get_label (status);
  return name;
}

static GtkWidget *
create_event_row (PdwComplaintPane  *self,
                  PdwComplaintEvent *event)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = pdw_format_date_time (pdw_complaint_event_get_timestamp (event));
  const char *actor = pdw_complaint_event_get_actor_name (event);
  const char *from = pdw_complaint_event_status_name (pdw_complaint_event_get_from_status (event));
  const char *to = pdw_complaint_event_status_name (pdw_complaint_event_get_to_status (event));
  const char *from_party = pdw_complaint_event_get_from_party (event);
  const char *to_party = pdw_complaint_event_get_to_party (event);
  const char *note = pdw_complaint_event_get_note (event);
  /* As written with the line: no query per row, and no change when the
   * officers list is edited later. */
  const char *initials = pdw_complaint_event_get_actor_initials (event);
  g_autofree char *subtitle_text = NULL;
  GString *subtitle = g_string_new (NULL);

  /* Translators: time of a control-card line, in Western Indonesian Time */
  g_string_append_printf (subtitle, _("%s WIB"), when);

  if (actor != NULL && *actor != '\0')
    {
      if (initials != NULL && *initials != '\0')
        g_string_append_printf (subtitle, " · %s (%s)", actor, initials);
      else
        g_string_append_printf (subtitle, " · %s", actor);
    }

  if (to != NULL && g_strcmp0 (from, to) != 0)
    {
      g_string_append_c (subtitle, '\n');
      if (from != NULL)
        g_string_append_printf (subtitle, "%s → %s", status_label_of (from), status_label_of (to));
      else
        g_string_append (subtitle, status_label_of (to));
    }

  if (to_party != NULL && *to_party != '\0')
    {
      g_string_append_c (subtitle, '\n');
      if (from_party != NULL && *from_party != '\0' && g_strcmp0 (from_party, to_party) != 0)
        /* Translators: a hand-over on the control card, from one officer or division to another */
        g_string_append_printf (subtitle, _("From %s to %s"), from_party, to_party);
      else
        /* Translators: the officer or division a file was handed over to */
        g_string_append_printf (subtitle, _("To: %s"), to_party);
    }

  if (note != NULL && *note != '\0')
    g_string_append_printf (subtitle, "\n%s", note);

  subtitle_text = g_string_free (subtitle, FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), action_label (pdw_complaint_event_get_action (event)));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
pdw_complaint_pane_load_timeline (PdwComplaintPane *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  clear_list_box (self->timeline_list);
  self->n_events = 0;

  if (self->complaint == NULL)
    {
      gtk_widget_set_visible (self->timeline_box, FALSE);
      return;
    }

  events = pdw_store_list_complaint_events (self->store, pdw_complaint_get_id (self->complaint), &error);
  if (events == NULL)
    {
      g_warning ("Cannot read the control card: %s", error->message);
      gtk_widget_set_visible (self->timeline_box, FALSE);
      return;
    }

  for (guint i = 0; i < events->len; i++)
    gtk_list_box_append (self->timeline_list, create_event_row (self, g_ptr_array_index (events, i)));

  self->n_events = events->len;
  gtk_widget_set_visible (self->timeline_box, events->len > 0);
}

/* ---- Registered details ------------------------------------------------------ */

static void
add_detail (PdwComplaintPane *self,
            const char       *title,
            const char       *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "detail");
  gtk_list_box_append (self->details_list, row);
}

static void
pdw_complaint_pane_load_details (PdwComplaintPane *self)
{
  g_autofree char *type = NULL;
  g_autofree char *institution = NULL;
  g_autofree char *numbers_text = NULL;
  g_auto(GStrv) numbers = NULL;
  PdwComplaint *complaint = self->complaint;

  clear_list_box (self->details_list);

  if (complaint == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->details_list), FALSE);
      return;
    }

  if (pdw_complaint_get_complaint_type (complaint) != NULL)
    type = pdw_store_dup_catalog_label (self->store, PDW_CATALOG_COMPLAINT_TYPE,
                                        pdw_complaint_get_complaint_type (complaint));
  if (pdw_complaint_get_institution (complaint) != NULL)
    institution = pdw_store_dup_catalog_label (self->store, PDW_CATALOG_INSTITUTION,
                                               pdw_complaint_get_institution (complaint));
  if (self->conversation != NULL)
    numbers = pdw_store_dup_conversation_numbers (self->store, pdw_conversation_get_id (self->conversation), NULL);
  if (numbers != NULL && numbers[0] != NULL)
    {
      for (guint i = 0; numbers[i] != NULL; i++)
        if (!g_str_has_prefix (numbers[i], "+"))
          {
            char *with_plus = g_strconcat ("+", numbers[i], NULL);

            g_free (numbers[i]);
            numbers[i] = with_plus;
          }
      numbers_text = g_strjoinv ("\n", numbers);
    }

  add_detail (self, _("Name"), pdw_complaint_get_citizen_name (complaint));
  add_detail (self, _("NIK"), pdw_complaint_get_nik (complaint));
  add_detail (self, _("Family card number (KK)"), pdw_complaint_get_kk (complaint));
  add_detail (self, _("Phone"), pdw_complaint_get_phone (complaint));
  add_detail (self, _("Type"), type);
  add_detail (self, _("Institution"), institution);
  add_detail (self, _("WhatsApp numbers"), numbers_text);

  gtk_widget_set_visible (GTK_WIDGET (self->details_list), TRUE);
}

static void
pdw_complaint_pane_show_complaint (PdwComplaintPane *self)
{
  const char *ticket;

  g_assert (self->complaint != NULL);

  ticket = pdw_complaint_get_ticket (self->complaint);
  gtk_label_set_text (self->ticket_label, ticket != NULL ? ticket : "");
  gtk_widget_set_visible (GTK_WIDGET (self->ticket_label), ticket != NULL);

  hide_duplicate (self);
  gtk_widget_set_visible (self->form_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->register_button), FALSE);
  set_message (self->action_message, NULL, NULL);
  set_status_tag (self);
  pdw_complaint_pane_update_sla (self);
  pdw_complaint_pane_update_holder (self);
  pdw_complaint_pane_update_actions (self);
  pdw_complaint_pane_load_details (self);
  pdw_complaint_pane_load_timeline (self);
}

static char *
phone_from_wa_id (const char *wa_id)
{
  if (wa_id == NULL || *wa_id == '\0')
    return NULL;

  return g_str_has_prefix (wa_id, "+") ? g_strdup (wa_id) : g_strconcat ("+", wa_id, NULL);
}

/* The citizen usually sends name, NIK and KK in the first message (SOP step
 * 1); later ones may be greetings, so the first message naming anyone wins. */
static PdwExtractedPerson *
find_person_in_messages (GPtrArray *messages)
{
  for (guint i = 0; messages != NULL && i < messages->len; i++)
    {
      PdwMessage *message = g_ptr_array_index (messages, i);
      g_autoptr(GPtrArray) people = NULL;
      const char *text = pdw_message_get_text (message);

      if (pdw_message_get_direction (message) != PDW_DIRECTION_IN || text == NULL)
        continue;

      people = pdw_extract_people (text);
      for (guint j = 0; people != NULL && j < people->len; j++)
        {
          PdwExtractedPerson *person = g_ptr_array_index (people, j);

          if (person->nik != NULL || person->kk != NULL || person->name != NULL)
            return g_ptr_array_steal_index (people, j);
        }
    }

  return NULL;
}

static void
pdw_complaint_pane_prefill (PdwComplaintPane *self)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;
  PdwExtractedPerson *person;
  const char *name = NULL;

  messages = pdw_store_list_messages (self->store, pdw_conversation_get_id (self->conversation), &error);
  if (messages == NULL)
    g_warning ("Cannot read the conversation: %s", error->message);

  person = find_person_in_messages (messages);

  if (person != NULL && person->name != NULL)
    name = person->name;
  else
    name = pdw_conversation_get_profile_name (self->conversation);

  if (person != NULL && person->phone != NULL)
    phone = g_strdup (person->phone);
  else
    phone = phone_from_wa_id (pdw_conversation_get_wa_id (self->conversation));

  self->filling = TRUE;
  set_row_text (self->name_row, name);
  set_row_text (self->nik_row, person ? person->nik : NULL);
  set_row_text (self->kk_row, person ? person->kk : NULL);
  set_row_text (self->phone_row, phone);
  self->filling = FALSE;

  self->prefilled = person != NULL;
  gtk_widget_set_visible (self->prefill_hint, self->prefilled);

  g_clear_pointer (&person, pdw_extracted_person_free);
}

static void
pdw_complaint_pane_show_new (PdwComplaintPane *self)
{
  self->filling = TRUE;
  adw_combo_row_set_selected (self->type_row, 0);
  adw_combo_row_set_selected (self->institution_row, 0);
  self->filling = FALSE;
  self->edited = FALSE;

  pdw_complaint_pane_prefill (self);

  gtk_widget_set_visible (GTK_WIDGET (self->ticket_label), FALSE);
  gtk_widget_set_visible (self->form_box, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->register_button), TRUE);
  hide_duplicate (self);
  set_message (self->action_message, NULL, NULL);
  set_status_tag (self);
  pdw_complaint_pane_update_sla (self);
  pdw_complaint_pane_update_holder (self);
  pdw_complaint_pane_update_actions (self);
  pdw_complaint_pane_load_details (self);
  pdw_complaint_pane_load_timeline (self);
  pdw_complaint_pane_update_register (self);
}

static void
pdw_complaint_pane_update_officer_box (PdwComplaintPane *self)
{
  /* Asked here because the control card needs a name; the rows stay while
   * the officer types it. */
  if (officer_is_blank (self))
    gtk_widget_set_visible (self->officer_box, TRUE);
}

static void
pdw_complaint_pane_reload (PdwComplaintPane *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->complaint);
  self->starting_new = FALSE;

  if (self->conversation == NULL || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT]);
      return;
    }

  self->complaint = pdw_store_dup_conversation_complaint (self->store,
                                                          pdw_conversation_get_id (self->conversation),
                                                          &error);
  if (error != NULL)
    g_warning ("Cannot read the complaint: %s", error->message);

  if (self->complaint != NULL)
    pdw_complaint_pane_show_complaint (self);
  else
    pdw_complaint_pane_show_new (self);

  gtk_widget_set_visible (self->officer_box, officer_is_blank (self));

  gtk_stack_set_visible_child_name (self->stack, "form");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT]);
}

static void
show_toast (PdwComplaintPane *self,
            const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static char *
dup_row_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static void
set_complaint (PdwComplaintPane *self,
               PdwComplaint     *complaint)
{
  self->starting_new = FALSE;
  g_set_object (&self->complaint, complaint);
  pdw_complaint_pane_show_complaint (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT]);
}

static void
offer_link (PdwComplaintPane *self,
            const char       *nik)
{
  g_autoptr(PdwComplaint) open = NULL;
  g_autofree char *text = NULL;
  g_autofree char *button = NULL;
  const char *name;

  open = pdw_store_find_open_complaint_by_nik (self->store, nik, NULL);
  if (open == NULL)
    return;

  name = pdw_complaint_get_citizen_name (open);
  if (name != NULL && *name != '\0')
    text = g_strdup_printf (_("This NIK already has an open complaint, %s (%s). Link this conversation to it instead of opening a second file."),
                            pdw_complaint_get_ticket (open), name);
  else
    text = g_strdup_printf (_("This NIK already has an open complaint, %s. Link this conversation to it instead of opening a second file."),
                            pdw_complaint_get_ticket (open));
  /* Translators: button; %s is a ticket such as PDW-2025-11-00042 */
  button = g_strdup_printf (_("Link to %s"), pdw_complaint_get_ticket (open));

  gtk_label_set_text (self->link_label, text);
  gtk_button_set_label (self->link_button, button);
  g_set_object (&self->duplicate, open);
  gtk_widget_set_visible (self->link_box, TRUE);
}

static void
register_clicked_cb (PdwComplaintPane *self)
{
  g_autoptr(PdwIdentityResult) nik = NULL;
  g_autoptr(PdwIdentityResult) kk = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_row_text (self->name_row);
  g_autofree char *nik_text = dup_row_text (self->nik_row);
  g_autofree char *kk_text = dup_row_text (self->kk_row);
  g_autofree char *phone = dup_row_text (self->phone_row);
  g_auto(PdwDutyOfficer) officer = { { NULL, NULL, NULL }, NULL, NULL, NULL };
  g_autofree char *toast = NULL;
  PdwComplaintFields fields = { 0 };

  g_assert (PDW_IS_COMPLAINT_PANE (self));

  if (self->conversation == NULL || self->complaint != NULL)
    return;

  /* Store the normalised 16 digits, not "1471 0841 ..." as typed. */
  if (nik_text != NULL)
    nik = pdw_identity_parse (PDW_IDENTITY_NIK, nik_text, NULL);
  if (kk_text != NULL)
    kk = pdw_identity_parse (PDW_IDENTITY_KK, kk_text, NULL);

  fields.citizen_name = name;
  fields.nik = (nik != NULL && nik->digits[0] != '\0') ? nik->digits : nik_text;
  fields.kk = (kk != NULL && kk->digits[0] != '\0') ? kk->digits : kk_text;
  fields.phone = phone;
  fields.complaint_type = selected_code (self->type_row, self->type_codes);
  fields.institution = selected_code (self->institution_row, self->institution_codes);

  pdw_duty_officer_load (&officer, self->settings);

  complaint = pdw_store_register_complaint (self->store,
                                            pdw_conversation_get_id (self->conversation),
                                            &fields, &officer.actor, &error);
  if (complaint == NULL)
    {
      if (g_error_matches (error, PDW_STORE_ERROR, PDW_STORE_ERROR_DUPLICATE_NIK) && fields.nik != NULL)
        {
          offer_link (self, fields.nik);
          if (self->duplicate != NULL)
            return;
        }

      toast = g_strdup_printf (_("The complaint was not registered: %s"), error->message);
      show_toast (self, toast);
      return;
    }

  set_complaint (self, complaint);

  toast = g_strdup_printf (_("Complaint %s registered"), pdw_complaint_get_ticket (complaint));
  show_toast (self, toast);
}

static void
link_clicked_cb (PdwComplaintPane *self)
{
  g_autoptr(PdwComplaint) linked = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PdwDutyOfficer) officer = { { NULL, NULL, NULL }, NULL, NULL, NULL };
  g_autofree char *toast = NULL;

  if (self->duplicate == NULL || self->conversation == NULL)
    return;

  pdw_duty_officer_load (&officer, self->settings);
  linked = pdw_store_link_conversation (self->store,
                                        pdw_conversation_get_id (self->conversation),
                                        pdw_complaint_get_id (self->duplicate),
                                        &officer.actor, &error);
  if (linked == NULL)
    {
      toast = g_strdup_printf (_("The conversation was not linked: %s"), error->message);
      show_toast (self, toast);
      return;
    }

  set_complaint (self, linked);
  toast = g_strdup_printf (_("Conversation linked to %s"), pdw_complaint_get_ticket (linked));
  show_toast (self, toast);
}

/* ---- Applying SOP actions ---------------------------------------------------- */

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

  pdw_duty_officer_load (&officer, self->settings);
  updated = pdw_store_apply_action (self->store, pdw_complaint_get_id (self->complaint),
                                    action, note, party, &officer.actor, &error);
  if (updated == NULL)
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
          set_message (self->action_message, message, "error");
          if (g_error_matches (error, PDW_WORKFLOW_ERROR, PDW_WORKFLOW_ERROR_NOT_ALLOWED))
            {
              pdw_complaint_pane_reload (self);
              set_message (self->action_message, message, "error");
            }
        }
      return FALSE;
    }

  set_complaint (self, updated);

  /* Translators: a toast after an SOP step, e.g. "Recorded: Add to consolidation list" */
  toast = g_strdup_printf (_("Recorded: %s"), pdw_workflow_action_get_label (action));
  show_toast (self, toast);

  /* The officer reads and sends the standard reply, closing message,
   * referral or rejection: nothing goes to the citizen unseen. */
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
    self->action_dialog = NULL;

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
  self->action_dialog = dialog;
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

  set_message (self->action_message, NULL, NULL);

  if (officer_is_blank (self))
    {
      gtk_widget_set_visible (self->officer_box, TRUE);
      set_message (self->action_message,
                   _("Enter your name as the officer on duty: every step is signed on the control card."),
                   "error");
      return;
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
  pdw_complaint_pane_show_new (self);
  self->starting_new = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT]);
}

/* ---- Printing the control card ---------------------------------------------- */

static void
card_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PdwComplaintPane) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pdw_card_pdf_write_finish (result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The control card was not saved: %s"), error->message);
      show_toast (self, message);
      return;
    }

  show_toast (self, _("Control card saved"));
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
      office_name = g_settings_get_string (self->settings, "office-name");
      office_address = g_settings_get_string (self->settings, "office-address");
      options.office_name = office_name;
      options.office_address = office_address;

      pdw_card_pdf_write_async (self->store, pdw_complaint_get_id (self->complaint), &options, path,
                                NULL, card_written_cb, g_object_ref (self));
    }

  g_object_unref (native);
}

static void
pane_print_card (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PdwComplaintPane *self = PDW_COMPLAINT_PANE (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->complaint == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Save Control Card"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  name = g_strdup_printf ("Kartu-Kendali-%s.pdf", pdw_complaint_get_ticket (self->complaint));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (card_file_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- Store signals ----------------------------------------------------------- */

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
  pdw_complaint_pane_show_complaint (self);
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

  /* The citizen sent their data after the conversation was opened: fill
   * the form, unless the officer has started on it. */
  if (!self->edited && !self->prefilled)
    {
      pdw_complaint_pane_prefill (self);
      pdw_complaint_pane_update_register (self);
    }
}

static void
store_settings_changed_cb (PdwStore         *store,
                           const char       *what,
                           PdwComplaintPane *self)
{
  if (g_strcmp0 (what, "complaint_type") == 0 || g_strcmp0 (what, "institution") == 0)
    {
      g_autofree char *type = g_strdup (selected_code (self->type_row, self->type_codes));
      g_autofree char *institution = g_strdup (selected_code (self->institution_row, self->institution_codes));

      pdw_complaint_pane_load_catalogs (self);
      /* Keep the officer's choice where it still exists. */
      self->filling = TRUE;
      for (guint i = 0; type != NULL && i < self->type_codes->len; i++)
        if (g_strcmp0 (g_ptr_array_index (self->type_codes, i), type) == 0)
          adw_combo_row_set_selected (self->type_row, i);
      for (guint i = 0; institution != NULL && i < self->institution_codes->len; i++)
        if (g_strcmp0 (g_ptr_array_index (self->institution_codes, i), institution) == 0)
          adw_combo_row_set_selected (self->institution_row, i);
      self->filling = FALSE;
    }

  if (self->complaint != NULL)
    pdw_complaint_pane_load_details (self);
}

/* Time passes without any store change: the SLA mark follows the clock. */
static gboolean
tick_cb (gpointer data)
{
  PdwComplaintPane *self = data;

  pdw_complaint_pane_update_sla (self);
  return G_SOURCE_CONTINUE;
}

static void
officer_changed_cb (PdwComplaintPane *self)
{
  pdw_complaint_pane_update_register (self);
  pdw_complaint_pane_update_officer_box (self);
  if (self->complaint != NULL)
    gtk_widget_set_sensitive (self->actions_box, !officer_is_blank (self));
  if (!officer_is_blank (self))
    set_message (self->action_message, NULL, NULL);
}

/* ---- Public API ------------------------------------------------------------- */

GtkWidget *
pdw_complaint_pane_new (void)
{
  return g_object_new (PDW_TYPE_COMPLAINT_PANE, NULL);
}

void
pdw_complaint_pane_set_store (PdwComplaintPane *self,
                              PdwStore         *store)
{
  g_return_if_fail (PDW_IS_COMPLAINT_PANE (self));
  g_return_if_fail (!store || PDW_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, store_complaint_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->store, store_conversation_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->store, store_settings_changed_cb, self);
    }

  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "complaint-changed",
                               G_CALLBACK (store_complaint_changed_cb), self, 0);
      g_signal_connect_object (store, "conversation-changed",
                               G_CALLBACK (store_conversation_changed_cb), self, 0);
      g_signal_connect_object (store, "settings-changed",
                               G_CALLBACK (store_settings_changed_cb), self, 0);
    }

  pdw_complaint_pane_load_catalogs (self);
  pdw_complaint_pane_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
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

GtkEditable *
pdw_complaint_pane_get_name_editable (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return GTK_EDITABLE (self->name_row);
}

GtkEditable *
pdw_complaint_pane_get_nik_editable (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return GTK_EDITABLE (self->nik_row);
}

GtkEditable *
pdw_complaint_pane_get_kk_editable (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return GTK_EDITABLE (self->kk_row);
}

GtkEditable *
pdw_complaint_pane_get_phone_editable (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return GTK_EDITABLE (self->phone_row);
}

GtkWidget *
pdw_complaint_pane_get_register_button (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return GTK_WIDGET (self->register_button);
}

static const char *
visible_text (GtkLabel *label)
{
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : NULL;
}

const char *
pdw_complaint_pane_get_nik_message (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return visible_text (self->nik_message);
}

const char *
pdw_complaint_pane_get_nik_details (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return visible_text (self->nik_details);
}

const char *
pdw_complaint_pane_get_kk_message (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return visible_text (self->kk_message);
}

const char *
pdw_complaint_pane_get_status_text (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return gtk_label_get_text (self->status_label);
}

const char *
pdw_complaint_pane_get_ticket_text (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return visible_text (self->ticket_label);
}

gboolean
pdw_complaint_pane_get_prefilled (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), FALSE);
  return self->prefilled && gtk_widget_get_visible (self->prefill_hint);
}

guint
pdw_complaint_pane_get_n_events (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), 0);
  return self->n_events;
}

const char *
pdw_complaint_pane_get_sla_text (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return visible_text (self->sla_label);
}

const char *
pdw_complaint_pane_get_suggested_action (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return self->suggested_action;
}

const char *
pdw_complaint_pane_get_action_message (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return visible_text (self->action_message);
}

PdwActionDialog *
pdw_complaint_pane_get_action_dialog (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return self->action_dialog;
}

GtkWidget *
pdw_complaint_pane_get_link_button (PdwComplaintPane *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);
  return gtk_widget_get_visible (self->link_box) ? GTK_WIDGET (self->link_button) : NULL;
}

char *
pdw_complaint_pane_dup_event_text (PdwComplaintPane *self,
                                   guint             index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (PDW_IS_COMPLAINT_PANE (self), NULL);

  row = gtk_list_box_get_row_at_index (self->timeline_list, index);
  if (row == NULL)
    return NULL;

  return g_strdup_printf ("%s\n%s",
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
}

/* ---- GObject ------------------------------------------------------------------ */

static void
pdw_complaint_pane_dispose (GObject *object)
{
  PdwComplaintPane *self = (PdwComplaintPane *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->tick_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_COMPLAINT_PANE);
  /* GTK 4.8 only unparents the children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  self->action_dialog = NULL;
  g_clear_object (&self->complaint);
  g_clear_object (&self->duplicate);
  g_clear_object (&self->conversation);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->more_menu);
  g_clear_pointer (&self->type_codes, g_ptr_array_unref);
  g_clear_pointer (&self->institution_codes, g_ptr_array_unref);
  g_clear_pointer (&self->suggested_action, g_free);

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
    case PROP_STORE:
      g_value_set_object (value, self->store);
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
    case PROP_STORE:
      pdw_complaint_pane_set_store (self, g_value_get_object (value));
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

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PDW_TYPE_STORE,
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

  gtk_widget_class_install_action (widget_class, "pane.apply", "s", pane_apply_action);
  gtk_widget_class_install_action (widget_class, "pane.new-complaint", NULL, pane_new_complaint);
  gtk_widget_class_install_action (widget_class, "pane.print-card", NULL, pane_print_card);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-complaint-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, stack);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, status_label);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, more_button);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, ticket_label);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, sla_label);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, holder_label);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, actions_box);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, next_button);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, second_button);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, action_message);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, link_box);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, link_label);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, link_button);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, details_list);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, form_box);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, prefill_hint);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, name_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, nik_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, nik_message);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, nik_details);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, kk_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, kk_message);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, kk_details);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, phone_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, type_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, institution_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, register_button);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, register_hint);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, timeline_box);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, officer_box);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, officer_name_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, officer_nip_row);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "complaintpane");
}

static void
pdw_complaint_pane_init (PdwComplaintPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->more_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->more_button, G_MENU_MODEL (self->more_menu));

  /* Connected here rather than in the .ui so the template validates with
   * gtk4-builder-tool, which cannot see static callbacks. */
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->phone_row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->nik_row, "changed", G_CALLBACK (nik_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kk_row, "changed", G_CALLBACK (kk_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->register_button, "clicked", G_CALLBACK (register_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_button, "clicked", G_CALLBACK (link_clicked_cb), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "officer-name", self->officer_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "officer-nip", self->officer_nip_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::officer-name",
                           G_CALLBACK (officer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::due-soon-hours",
                           G_CALLBACK (pdw_complaint_pane_update_sla), self, G_CONNECT_SWAPPED);

  self->tick_source = g_timeout_add_seconds (60, tick_cb, self);

  pdw_complaint_pane_load_catalogs (self);
  pdw_complaint_pane_reload (self);
}
