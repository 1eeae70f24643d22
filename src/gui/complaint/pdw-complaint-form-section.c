/* pdw-complaint-form-section.c: the registration form.  It validates the NIK
 * and KK as the officer types, fills itself in from the citizen's first
 * message that names anyone, registers the complaint and, when the NIK
 * already has an open file, offers to link the conversation to it.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/pdw-extract.h"
#include "core/pdw-identity.h"
#include "gui/pdw-duty-officer.h"

#include "pdw-complaint-form-section.h"
#include "pdw-complaint-section-private.h"

typedef enum
{
  FIELD_EMPTY,
  FIELD_VALID,
  FIELD_WARNING,
  FIELD_ERROR,
} FieldState;

struct _PdwComplaintFormSection
{
  GtkWidget        parent_instance;

  /* Template Widgets */
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
  GtkWidget       *link_box;
  GtkLabel        *link_label;
  GtkButton       *link_button;

  /* Owned References */
  PdwContext      *context;
  PdwStore        *store;              /* the context's */
  PdwConversation *conversation;
  PdwComplaint    *complaint;
  PdwComplaint    *duplicate;
  GPtrArray       *type_codes;
  GPtrArray       *institution_codes;

  FieldState       nik_state;
  FieldState       kk_state;
  /* Programmatic fills are not the officer's edits. */
  guint            filling : 1;
  guint            edited : 1;
  guint            prefilled : 1;
};

static void pdw_complaint_form_section_iface_init (PdwComplaintSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdwComplaintFormSection, pdw_complaint_form_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PDW_TYPE_COMPLAINT_SECTION,
                                                      pdw_complaint_form_section_iface_init))

/* ---- NIK / KK validation -------------------------------------------------------- */

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

  if (_pdw_complaint_text_is_blank (text))
    {
      _pdw_complaint_set_message (message, NULL, NULL);
      _pdw_complaint_set_message (details, NULL, NULL);
      return FIELD_EMPTY;
    }

  result = pdw_identity_parse (kind, text, NULL);
  if (result == NULL)
    {
      _pdw_complaint_set_message (message, NULL, NULL);
      _pdw_complaint_set_message (details, NULL, NULL);
      return FIELD_EMPTY;
    }

  if (!result->valid && result->errors != NULL && result->errors->len > 0)
    {
      errors = join_issues (result->errors);
      _pdw_complaint_set_message (message, errors, "error");
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      state = FIELD_ERROR;
    }
  else if (result->warnings != NULL && result->warnings->len > 0)
    {
      warnings = join_issues (result->warnings);
      _pdw_complaint_set_message (message, warnings, "warning");
      gtk_widget_add_css_class (GTK_WIDGET (row), "warning");
      state = FIELD_WARNING;
    }
  else
    {
      _pdw_complaint_set_message (message,
                                  kind == PDW_IDENTITY_NIK ? _("Valid NIK") : _("Valid family card number"),
                                  "success");
      state = FIELD_VALID;
    }

  decoded = describe_identity (result);
  _pdw_complaint_set_message (details, decoded, "dim-label");

  return state;
}

static gboolean
row_is_blank (AdwEntryRow *row)
{
  return _pdw_complaint_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static gboolean
officer_is_blank (PdwComplaintFormSection *self)
{
  return _pdw_complaint_officer_is_blank (self->context);
}

void
pdw_complaint_form_section_update_register (PdwComplaintFormSection *self)
{
  const char *hint = NULL;
  gboolean can_register;

  g_return_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self));

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
  _pdw_complaint_set_message (self->register_hint, hint, "dim-label");
}

static void
hide_duplicate (PdwComplaintFormSection *self)
{
  g_clear_object (&self->duplicate);
  gtk_widget_set_visible (self->link_box, FALSE);
}

static void
nik_changed_cb (PdwComplaintFormSection *self)
{
  self->nik_state = validate_identity (PDW_IDENTITY_NIK, self->nik_row, self->nik_message, self->nik_details);
  if (!self->filling)
    {
      self->edited = TRUE;
      hide_duplicate (self);
    }
  pdw_complaint_form_section_update_register (self);
}

static void
kk_changed_cb (PdwComplaintFormSection *self)
{
  self->kk_state = validate_identity (PDW_IDENTITY_KK, self->kk_row, self->kk_message, self->kk_details);
  if (!self->filling)
    self->edited = TRUE;
  pdw_complaint_form_section_update_register (self);
}

static void
field_changed_cb (PdwComplaintFormSection *self)
{
  if (!self->filling)
    self->edited = TRUE;
  pdw_complaint_form_section_update_register (self);
}

/* ---- The office's lists ---------------------------------------------------- */

static void
load_catalog (PdwComplaintFormSection  *self,
              PdwCatalogKind            kind,
              AdwComboRow              *row,
              GPtrArray               **codes)
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
load_catalogs (PdwComplaintFormSection *self)
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

static void
select_code (AdwComboRow *row,
             GPtrArray   *codes,
             const char  *code)
{
  for (guint i = 0; code != NULL && i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      adw_combo_row_set_selected (row, i);
}

void
pdw_complaint_form_section_reload_catalogs (PdwComplaintFormSection *self)
{
  g_autofree char *type = NULL;
  g_autofree char *institution = NULL;

  g_return_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self));

  type = g_strdup (selected_code (self->type_row, self->type_codes));
  institution = g_strdup (selected_code (self->institution_row, self->institution_codes));

  load_catalogs (self);
  /* Keep the officer's choice where it still exists. */
  self->filling = TRUE;
  select_code (self->type_row, self->type_codes, type);
  select_code (self->institution_row, self->institution_codes, institution);
  self->filling = FALSE;
}

/* ---- Filling in from the citizen's messages ------------------------------------ */

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
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
prefill (PdwComplaintFormSection *self)
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

void
pdw_complaint_form_section_refill (PdwComplaintFormSection *self)
{
  g_return_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self));

  if (self->edited || self->prefilled || self->conversation == NULL || self->store == NULL)
    return;

  prefill (self);
  pdw_complaint_form_section_update_register (self);
}

/* ---- Registering and linking ------------------------------------------------- */

static char *
dup_row_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static void
offer_link (PdwComplaintFormSection *self,
            const char              *nik)
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
register_clicked_cb (PdwComplaintFormSection *self)
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

  g_assert (PDW_IS_COMPLAINT_FORM_SECTION (self));

  if (self->conversation == NULL || self->context == NULL || self->complaint != NULL)
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

  pdw_duty_officer_load_from_context (&officer, self->context);

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
      _pdw_complaint_show_toast (GTK_WIDGET (self), toast);
      return;
    }

  pdw_complaint_section_complaint_changed (PDW_COMPLAINT_SECTION (self), complaint);

  toast = g_strdup_printf (_("Complaint %s registered"), pdw_complaint_get_ticket (complaint));
  _pdw_complaint_show_toast (GTK_WIDGET (self), toast);
}

static void
link_clicked_cb (PdwComplaintFormSection *self)
{
  g_autoptr(PdwComplaint) linked = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PdwDutyOfficer) officer = { { NULL, NULL, NULL }, NULL, NULL, NULL };
  g_autofree char *toast = NULL;

  if (self->duplicate == NULL || self->conversation == NULL || self->context == NULL)
    return;

  pdw_duty_officer_load_from_context (&officer, self->context);
  linked = pdw_store_link_conversation (self->store,
                                        pdw_conversation_get_id (self->conversation),
                                        pdw_complaint_get_id (self->duplicate),
                                        &officer.actor, &error);
  if (linked == NULL)
    {
      toast = g_strdup_printf (_("The conversation was not linked: %s"), error->message);
      _pdw_complaint_show_toast (GTK_WIDGET (self), toast);
      return;
    }

  pdw_complaint_section_complaint_changed (PDW_COMPLAINT_SECTION (self), linked);
  toast = g_strdup_printf (_("Conversation linked to %s"), pdw_complaint_get_ticket (linked));
  _pdw_complaint_show_toast (GTK_WIDGET (self), toast);
}

/* ---- PdwComplaintSection ------------------------------------------------------ */

static void
show_registered (PdwComplaintFormSection *self)
{
  hide_duplicate (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->register_button), FALSE);
}

static void
show_new (PdwComplaintFormSection *self)
{
  self->filling = TRUE;
  adw_combo_row_set_selected (self->type_row, 0);
  adw_combo_row_set_selected (self->institution_row, 0);
  self->filling = FALSE;
  self->edited = FALSE;

  prefill (self);

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->register_button), TRUE);
  hide_duplicate (self);
  pdw_complaint_form_section_update_register (self);
}

static void
pdw_complaint_form_section_attach (PdwComplaintSection *section,
                                   PdwContext          *context)
{
  PdwComplaintFormSection *self = PDW_COMPLAINT_FORM_SECTION (section);

  g_set_object (&self->context, context);
  self->store = context != NULL ? pdw_context_get_store (context) : NULL;
  load_catalogs (self);
}

static void
pdw_complaint_form_section_set_complaint (PdwComplaintSection *section,
                                          PdwConversation     *conversation,
                                          PdwComplaint        *complaint)
{
  PdwComplaintFormSection *self = PDW_COMPLAINT_FORM_SECTION (section);

  g_set_object (&self->conversation, conversation);
  g_set_object (&self->complaint, complaint);

  /* Nothing selected: the pane shows its empty page instead. */
  if (conversation == NULL || self->store == NULL)
    return;

  if (complaint != NULL)
    show_registered (self);
  else
    show_new (self);
}

static void
pdw_complaint_form_section_iface_init (PdwComplaintSectionInterface *iface)
{
  iface->attach = pdw_complaint_form_section_attach;
  iface->set_complaint = pdw_complaint_form_section_set_complaint;
}

/* ---- Public API ------------------------------------------------------------- */

GtkEditable *
pdw_complaint_form_section_get_name_editable (PdwComplaintFormSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self), NULL);
  return GTK_EDITABLE (self->name_row);
}

GtkEditable *
pdw_complaint_form_section_get_nik_editable (PdwComplaintFormSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self), NULL);
  return GTK_EDITABLE (self->nik_row);
}

GtkEditable *
pdw_complaint_form_section_get_kk_editable (PdwComplaintFormSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self), NULL);
  return GTK_EDITABLE (self->kk_row);
}

GtkEditable *
pdw_complaint_form_section_get_phone_editable (PdwComplaintFormSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self), NULL);
  return GTK_EDITABLE (self->phone_row);
}

GtkWidget *
pdw_complaint_form_section_get_register_button (PdwComplaintFormSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self), NULL);
  return GTK_WIDGET (self->register_button);
}

const char *
pdw_complaint_form_section_get_nik_message (PdwComplaintFormSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self), NULL);
  return _pdw_complaint_get_shown_text (self->nik_message);
}

const char *
pdw_complaint_form_section_get_nik_details (PdwComplaintFormSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self), NULL);
  return _pdw_complaint_get_shown_text (self->nik_details);
}

const char *
pdw_complaint_form_section_get_kk_message (PdwComplaintFormSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self), NULL);
  return _pdw_complaint_get_shown_text (self->kk_message);
}

gboolean
pdw_complaint_form_section_get_prefilled (PdwComplaintFormSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self), FALSE);
  return self->prefilled && gtk_widget_get_visible (self->prefill_hint);
}

GtkWidget *
pdw_complaint_form_section_get_link_button (PdwComplaintFormSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self), NULL);
  return gtk_widget_get_visible (self->link_box) ? GTK_WIDGET (self->link_button) : NULL;
}

/* ---- GObject ------------------------------------------------------------------ */

static void
pdw_complaint_form_section_dispose (GObject *object)
{
  PdwComplaintFormSection *self = (PdwComplaintFormSection *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_COMPLAINT_FORM_SECTION);
  /* GTK 4.8 only unparents the children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->complaint);
  g_clear_object (&self->duplicate);
  g_clear_object (&self->conversation);
  self->store = NULL;
  g_clear_object (&self->context);
  g_clear_pointer (&self->type_codes, g_ptr_array_unref);
  g_clear_pointer (&self->institution_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (pdw_complaint_form_section_parent_class)->dispose (object);
}

static void
pdw_complaint_form_section_class_init (PdwComplaintFormSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_complaint_form_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-complaint-form-section.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, prefill_hint);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, name_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, nik_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, nik_message);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, nik_details);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, kk_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, kk_message);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, kk_details);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, phone_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, type_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, institution_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, register_button);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, register_hint);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, link_box);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, link_label);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, link_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pdw_complaint_form_section_init (PdwComplaintFormSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Connected here rather than in the .ui so the template validates with
   * gtk4-builder-tool, which cannot see static callbacks. */
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->phone_row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->nik_row, "changed", G_CALLBACK (nik_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kk_row, "changed", G_CALLBACK (kk_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->register_button, "clicked", G_CALLBACK (register_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_button, "clicked", G_CALLBACK (link_clicked_cb), self, G_CONNECT_SWAPPED);
}
