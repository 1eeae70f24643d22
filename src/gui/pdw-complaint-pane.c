/* pdw-complaint-pane.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/pdw-extract.h"
#include "core/pdw-identity.h"

#include "pdw-complaint-pane.h"
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
  GtkLabel        *ticket_label;
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

  /* Owned References */
  PdwStore        *store;
  PdwConversation *conversation;
  PdwComplaint    *complaint;
  GSettings       *settings;

  FieldState       nik_state;
  FieldState       kk_state;
  guint            n_events;
  /* Programmatic fills are not the officer's edits. */
  guint            filling : 1;
  guint            edited : 1;
  guint            prefilled : 1;
};

G_DEFINE_FINAL_TYPE (PdwComplaintPane, pdw_complaint_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONVERSATION,
  PROP_COMPLAINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
nik_changed_cb (PdwComplaintPane *self)
{
  self->nik_state = validate_identity (PDW_IDENTITY_NIK, self->nik_row, self->nik_message, self->nik_details);
  if (!self->filling)
    self->edited = TRUE;
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

static guint
index_of_code (const char * const *codes,
               const char         *code)
{
  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (g_strcmp0 (codes[i], code) == 0)
        return i;
    }

  return 0;
}

static void
set_form_editable (PdwComplaintPane *self,
                   gboolean          editable)
{
  AdwEntryRow *rows[] = { self->name_row, self->nik_row, self->kk_row, self->phone_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_editable (GTK_EDITABLE (rows[i]), editable);

  gtk_widget_set_sensitive (GTK_WIDGET (self->type_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->institution_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->register_button), editable);
}

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

static const char *
action_label (const char *action)
{
  if (g_strcmp0 (action, "register") == 0)
    return _("Complaint registered");
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
create_event_row (PdwComplaintEvent *event)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = pdw_format_date_time (pdw_complaint_event_get_timestamp (event));
  GString *subtitle = g_string_new (when);
  const char *actor = pdw_complaint_event_get_actor_name (event);
  const char *from = pdw_complaint_event_get_from_status (event);
  const char *to = pdw_complaint_event_get_to_status (event);
  const char *to_party = pdw_complaint_event_get_to_party (event);
  const char *note = pdw_complaint_event_get_note (event);
  g_autofree char *subtitle_text = NULL;

  if (actor != NULL && *actor != '\0')
    g_string_append_printf (subtitle, " · %s", actor);
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
pdw_complaint_pane_load_timeline (PdwComplaintPane *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list))) != NULL)
    gtk_list_box_remove (self->timeline_list, child);
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
    gtk_list_box_append (self->timeline_list, create_event_row (g_ptr_array_index (events, i)));

  self->n_events = events->len;
  gtk_widget_set_visible (self->timeline_box, events->len > 0);
}

static void
pdw_complaint_pane_show_complaint (PdwComplaintPane *self)
{
  const char *ticket;

  g_assert (self->complaint != NULL);

  self->filling = TRUE;
  set_row_text (self->name_row, pdw_complaint_get_citizen_name (self->complaint));
  set_row_text (self->nik_row, pdw_complaint_get_nik (self->complaint));
  set_row_text (self->kk_row, pdw_complaint_get_kk (self->complaint));
  set_row_text (self->phone_row, pdw_complaint_get_phone (self->complaint));
  adw_combo_row_set_selected (self->type_row,
                              index_of_code (pdw_format_complaint_type_codes (),
                                             pdw_complaint_get_complaint_type (self->complaint)));
  adw_combo_row_set_selected (self->institution_row,
                              index_of_code (pdw_format_institution_codes (),
                                             pdw_complaint_get_institution (self->complaint)));
  self->filling = FALSE;

  ticket = pdw_complaint_get_ticket (self->complaint);
  gtk_label_set_text (self->ticket_label, ticket != NULL ? ticket : "");
  gtk_widget_set_visible (GTK_WIDGET (self->ticket_label), ticket != NULL);
  gtk_widget_set_visible (self->prefill_hint, FALSE);

  set_form_editable (self, FALSE);
  set_status_tag (self);
  pdw_complaint_pane_load_timeline (self);
  pdw_complaint_pane_update_register (self);
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
  set_form_editable (self, TRUE);
  set_status_tag (self);
  pdw_complaint_pane_load_timeline (self);
  pdw_complaint_pane_update_register (self);
}

static void
pdw_complaint_pane_reload (PdwComplaintPane *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->complaint);

  if (self->conversation == NULL || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT]);
      return;
    }

  self->complaint = pdw_store_get_conversation_complaint (self->store,
                                                          pdw_conversation_get_id (self->conversation),
                                                          &error);
  if (error != NULL)
    g_warning ("Cannot read the complaint: %s", error->message);

  if (self->complaint != NULL)
    pdw_complaint_pane_show_complaint (self);
  else
    pdw_complaint_pane_show_new (self);

  /* Asked here, once, because the control card needs a name; the row stays
   * while the officer types it. */
  gtk_widget_set_visible (self->officer_box, self->complaint == NULL && officer_is_blank (self));

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
  g_autofree char *officer_name = g_settings_get_string (self->settings, "officer-name");
  g_autofree char *officer_nip = g_settings_get_string (self->settings, "officer-nip");
  g_autofree char *toast = NULL;
  PdwComplaintFields fields = { 0 };
  PdwActor actor = { 0 };
  guint type_index = adw_combo_row_get_selected (self->type_row);
  guint institution_index = adw_combo_row_get_selected (self->institution_row);

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
  if (type_index != GTK_INVALID_LIST_POSITION)
    fields.complaint_type = pdw_format_complaint_type_codes ()[type_index];
  if (institution_index != GTK_INVALID_LIST_POSITION)
    fields.institution = pdw_format_institution_codes ()[institution_index];

  actor.name = officer_name;
  actor.nip = officer_nip;

  complaint = pdw_store_register_complaint (self->store,
                                            pdw_conversation_get_id (self->conversation),
                                            &fields, &actor, &error);
  if (complaint == NULL)
    {
      toast = g_strdup_printf (_("The complaint was not registered: %s"), error->message);
      show_toast (self, toast);
      return;
    }

  g_set_object (&self->complaint, complaint);
  pdw_complaint_pane_show_complaint (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT]);

  toast = g_strdup_printf (_("Complaint %s registered"), pdw_complaint_get_ticket (complaint));
  show_toast (self, toast);
}

static void
store_complaint_changed_cb (PdwStore         *store,
                            gint64            complaint_id,
                            PdwComplaintPane *self)
{
  g_autoptr(PdwComplaint) complaint = NULL;

  if (self->complaint == NULL || pdw_complaint_get_id (self->complaint) != complaint_id)
    return;

  complaint = pdw_store_get_complaint (store, complaint_id, NULL);
  if (complaint == NULL)
    return;

  g_set_object (&self->complaint, complaint);
  set_status_tag (self);
  pdw_complaint_pane_load_timeline (self);
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

  /* Registered from elsewhere (the CLI, another window): show it. */
  complaint = pdw_store_get_conversation_complaint (store, conversation_id, NULL);
  if (complaint != NULL)
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
    }

  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "complaint-changed",
                               G_CALLBACK (store_complaint_changed_cb), self, 0);
      g_signal_connect_object (store, "conversation-changed",
                               G_CALLBACK (store_conversation_changed_cb), self, 0);
    }

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

static GListModel *
create_choice_model (const char * const *codes,
                     const char *      (*label_func) (const char *code))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (list, label_func (codes[i]));

  return G_LIST_MODEL (list);
}

static void
pdw_complaint_pane_dispose (GObject *object)
{
  PdwComplaintPane *self = (PdwComplaintPane *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_COMPLAINT_PANE);
  /* GTK 4.8 only unparents the children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->complaint);
  g_clear_object (&self->conversation);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

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

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-complaint-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, stack);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, status_label);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintPane, ticket_label);
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
  g_autoptr(GListModel) types = NULL;
  g_autoptr(GListModel) institutions = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Connected here rather than in the .ui so the template validates with
   * gtk4-builder-tool, which cannot see static callbacks. */
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->phone_row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->nik_row, "changed", G_CALLBACK (nik_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kk_row, "changed", G_CALLBACK (kk_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->register_button, "clicked", G_CALLBACK (register_clicked_cb), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "officer-name", self->officer_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "officer-nip", self->officer_nip_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::officer-name",
                           G_CALLBACK (pdw_complaint_pane_update_register), self, G_CONNECT_SWAPPED);

  types = create_choice_model (pdw_format_complaint_type_codes (), pdw_format_complaint_type_label);
  institutions = create_choice_model (pdw_format_institution_codes (), pdw_format_institution_label);
  adw_combo_row_set_model (self->type_row, types);
  adw_combo_row_set_model (self->institution_row, institutions);

  pdw_complaint_pane_reload (self);
}
