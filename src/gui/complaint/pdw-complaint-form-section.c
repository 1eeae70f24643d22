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

#include "core/pdw-classify.h"
#include "core/pdw-extract.h"
#include "core/pdw-identity.h"
#include "gui/pdw-duty-officer.h"

#include "pdw-complaint-form-section.h"
#include "gui/pdw-format.h"
#include "pdw-complaint-section-private.h"

/* Where a field's value came from, shown beside it until the officer edits it. */
typedef enum
{
  SOURCE_NONE,
  SOURCE_MESSAGE,    /* read in the citizen's text */
  SOURCE_PROFILE,    /* the WhatsApp profile name: the citizen's choice, not their name */
  SOURCE_NUMBER,     /* the WhatsApp number that wrote */
} FieldSource;

enum
{
  MARK_NAME,
  MARK_NIK,
  MARK_KK,
  MARK_PHONE,
  MARK_TYPE,
  MARK_INSTITUTION,
  N_MARKS
};

static const char * const mark_names[N_MARKS] = { "name", "nik", "kk", "phone", "type", "institution" };

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
  GtkLabel        *needs_hint;
  GtkLabel        *marks[N_MARKS];
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

  PdwFieldState    nik_state;
  PdwFieldState    kk_state;
  /* Programmatic fills are not the officer's edits. */
  guint            filling : 1;
  guint            edited : 1;
  guint            prefilled : 1;
};

static void pdw_complaint_form_section_iface_init (PdwComplaintSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdwComplaintFormSection, pdw_complaint_form_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PDW_TYPE_COMPLAINT_SECTION,
                                                      pdw_complaint_form_section_iface_init))

static const char *selected_code (AdwComboRow *row,
                                  GPtrArray   *codes);

/* SOP step 2, said before the file reaches the consolidation list: which
 * fields the chosen type still needs (registering does not wait for them). */
static void
update_needs (PdwComplaintFormSection *self)
{
  const char *type = selected_code (self->type_row, self->type_codes);
  g_autofree char *missing_text = NULL;
  g_autofree char *text = NULL;
  PdwMissingFields missing;

  if (type != NULL && self->complaint == NULL)
    {
      missing = pdw_classify_missing_for_consolidation (type,
                                                        gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                                        gtk_editable_get_text (GTK_EDITABLE (self->nik_row)),
                                                        gtk_editable_get_text (GTK_EDITABLE (self->kk_row)));
      missing_text = pdw_classify_describe_missing (missing);
    }
  if (missing_text != NULL)
    /* Translators: %s is e.g. "the name and the family card number (KK)" */
    text = g_strdup_printf (_("Before the consolidation list this type needs %s."), missing_text);

  _pdw_complaint_set_message (self->needs_hint, text, "warning");
}

static void
set_mark (PdwComplaintFormSection *self,
          guint                    mark,
          FieldSource              source)
{
  GtkLabel *label = self->marks[mark];

  switch (source)
    {
    case SOURCE_MESSAGE:
      /* Translators: beside a field the app read in the citizen's message; short */
      gtk_label_set_text (label, _("from message"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), _("Read in the citizen's message: please check"));
      break;
    case SOURCE_PROFILE:
      /* Translators: beside the name when it is the WhatsApp profile name; short */
      gtk_label_set_text (label, _("WhatsApp profile"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                                   _("The name the citizen chose on WhatsApp, not read in a message: check it against the NIK"));
      break;
    case SOURCE_NUMBER:
      /* Translators: beside the phone when it is the number that wrote; short */
      gtk_label_set_text (label, _("WhatsApp number"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), _("The number the citizen writes from"));
      break;
    case SOURCE_NONE:
    default:
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (label), source != SOURCE_NONE);
}

/* The officer's own edit: the field is no longer what was read. */
static void
clear_mark (PdwComplaintFormSection *self,
            guint                    mark)
{
  if (!self->filling)
    gtk_widget_set_visible (GTK_WIDGET (self->marks[mark]), FALSE);
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
  else if (self->nik_state == PDW_FIELD_ERROR)
    hint = _("Correct the NIK to register the complaint.");
  else if (self->kk_state == PDW_FIELD_ERROR)
    hint = _("Correct or clear the family card number to register the complaint.");
  else if (self->nik_state == PDW_FIELD_EMPTY && self->kk_state == PDW_FIELD_EMPTY && row_is_blank (self->name_row))
    hint = _("Enter at least the NIK (enough for data inactive at a bank or BPJS).");
  else if (selected_code (self->type_row, self->type_codes) == NULL)
    hint = _("Choose the complaint type: nothing in the citizen's messages says it, and the monthly report counts every file by its type.");

  can_register = self->conversation != NULL &&
                 self->store != NULL &&
                 self->complaint == NULL &&
                 hint == NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->register_button), can_register);
  _pdw_complaint_set_message (self->register_hint, hint, "dim-label");
  update_needs (self);
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
  self->nik_state = _pdw_complaint_validate_identity (PDW_IDENTITY_NIK, self->nik_row, self->nik_message, self->nik_details);
  clear_mark (self, MARK_NIK);
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
  self->kk_state = _pdw_complaint_validate_identity (PDW_IDENTITY_KK, self->kk_row, self->kk_message, self->kk_details);
  clear_mark (self, MARK_KK);
  if (!self->filling)
    self->edited = TRUE;
  pdw_complaint_form_section_update_register (self);
}

static void
field_changed (PdwComplaintFormSection *self,
               guint                    mark)
{
  clear_mark (self, mark);
  if (!self->filling)
    self->edited = TRUE;
  pdw_complaint_form_section_update_register (self);
}

static void
name_changed_cb (PdwComplaintFormSection *self)
{
  field_changed (self, MARK_NAME);
}

static void
phone_changed_cb (PdwComplaintFormSection *self)
{
  field_changed (self, MARK_PHONE);
}

static void
type_changed_cb (PdwComplaintFormSection *self)
{
  field_changed (self, MARK_TYPE);
}

static void
institution_changed_cb (PdwComplaintFormSection *self)
{
  field_changed (self, MARK_INSTITUTION);
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

  /* First, no choice: a field the messages do not answer stays for the
   * officer, never silently the list's first entry. */
  g_ptr_array_add (*codes, NULL);
  gtk_string_list_append (labels, _("Not chosen"));

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

/* Selects @code (none for NULL or a code the office removed); returns
 * whether it is in the list. */
static gboolean
select_code (AdwComboRow *row,
             GPtrArray   *codes,
             const char  *code)
{
  for (guint i = 1; code != NULL && i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return TRUE;
      }

  adw_combo_row_set_selected (row, 0);
  return FALSE;
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

/* What the citizen's messages say the complaint is about. */
static void
classify_messages (GPtrArray         *messages,
                   PdwClassification *topic)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (guint i = 0; messages != NULL && i < messages->len; i++)
    {
      PdwMessage *message = g_ptr_array_index (messages, i);

      if (pdw_message_get_direction (message) == PDW_DIRECTION_IN && pdw_message_get_text (message) != NULL)
        g_ptr_array_add (texts, (gpointer) pdw_message_get_text (message));
    }
  g_ptr_array_add (texts, NULL);

  pdw_classify_texts ((const char * const *) texts->pdata, topic);
}

static void
prefill (PdwComplaintFormSection *self)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *written_name = NULL;
  PdwExtractedPerson *person;
  PdwClassification topic;
  FieldSource name_source = SOURCE_NONE;
  FieldSource phone_source = SOURCE_NONE;
  gboolean type_read, institution_read;
  const char *name = NULL;

  messages = pdw_store_list_messages (self->store, pdw_conversation_get_id (self->conversation), &error);
  if (messages == NULL)
    g_warning ("Cannot read the conversation: %s", error->message);

  person = find_person_in_messages (messages);
  classify_messages (messages, &topic);

  if (person != NULL && person->name != NULL)
    {
      name = person->name;
      name_source = SOURCE_MESSAGE;
    }
  else if ((name = pdw_conversation_get_profile_name (self->conversation)) != NULL && *name != '\0')
    name_source = SOURCE_PROFILE;

  if (person != NULL && person->phone != NULL)
    {
      phone = g_strdup (person->phone);
      phone_source = SOURCE_MESSAGE;
    }
  else if ((phone = phone_from_wa_id (pdw_conversation_get_wa_id (self->conversation))) != NULL)
    phone_source = SOURCE_NUMBER;

  /* Stored as written ("dewi lestari" -> "Dewi Lestari") unless the officer
   * types it otherwise. */
  written_name = pdw_extract_title_case_name (name);

  self->filling = TRUE;
  set_row_text (self->name_row, written_name);
  set_row_text (self->nik_row, person ? person->nik : NULL);
  set_row_text (self->kk_row, person ? person->kk : NULL);
  set_row_text (self->phone_row, phone);
  type_read = select_code (self->type_row, self->type_codes, topic.complaint_type);
  institution_read = select_code (self->institution_row, self->institution_codes, topic.institution);
  self->filling = FALSE;

  set_mark (self, MARK_NAME, name_source);
  set_mark (self, MARK_NIK, person != NULL && person->nik != NULL ? SOURCE_MESSAGE : SOURCE_NONE);
  set_mark (self, MARK_KK, person != NULL && person->kk != NULL ? SOURCE_MESSAGE : SOURCE_NONE);
  set_mark (self, MARK_PHONE, phone_source);
  set_mark (self, MARK_TYPE, type_read ? SOURCE_MESSAGE : SOURCE_NONE);
  set_mark (self, MARK_INSTITUTION, institution_read ? SOURCE_MESSAGE : SOURCE_NONE);

  self->prefilled = person != NULL || type_read || institution_read;
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
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_row_text (self->name_row);
  g_autofree char *nik = _pdw_complaint_dup_identity_digits (PDW_IDENTITY_NIK, gtk_editable_get_text (GTK_EDITABLE (self->nik_row)));
  g_autofree char *kk = _pdw_complaint_dup_identity_digits (PDW_IDENTITY_KK, gtk_editable_get_text (GTK_EDITABLE (self->kk_row)));
  g_autofree char *phone = dup_row_text (self->phone_row);
  g_auto(PdwDutyOfficer) officer = { { NULL, NULL, NULL }, NULL, NULL, NULL };
  g_autofree char *toast = NULL;
  PdwComplaintFields fields = { 0 };

  g_assert (PDW_IS_COMPLAINT_FORM_SECTION (self));

  if (self->conversation == NULL || self->context == NULL || self->complaint != NULL)
    return;

  fields.citizen_name = name;
  fields.nik = nik;
  fields.kk = kk;
  fields.phone = phone;
  fields.complaint_type = selected_code (self->type_row, self->type_codes);
  fields.institution = selected_code (self->institution_row, self->institution_codes);

  if (fields.complaint_type == NULL)
    {
      _pdw_complaint_show_toast (GTK_WIDGET (self), _("Choose the complaint type first: it was not registered."));
      return;
    }

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

const char *
pdw_complaint_form_section_get_type_code (PdwComplaintFormSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self), NULL);
  return selected_code (self->type_row, self->type_codes);
}

const char *
pdw_complaint_form_section_get_institution_code (PdwComplaintFormSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self), NULL);
  return selected_code (self->institution_row, self->institution_codes);
}

void
pdw_complaint_form_section_choose_type (PdwComplaintFormSection *self,
                                        const char              *code)
{
  g_return_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self));
  select_code (self->type_row, self->type_codes, code);
}

const char *
pdw_complaint_form_section_get_mark (PdwComplaintFormSection *self,
                                     const char              *field)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self), NULL);

  for (guint i = 0; i < N_MARKS; i++)
    if (g_strcmp0 (mark_names[i], field) == 0)
      return gtk_widget_get_visible (GTK_WIDGET (self->marks[i])) ? gtk_label_get_text (self->marks[i]) : NULL;

  g_return_val_if_reached (NULL);
}

const char *
pdw_complaint_form_section_get_register_hint (PdwComplaintFormSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self), NULL);
  return _pdw_complaint_get_shown_text (self->register_hint);
}

const char *
pdw_complaint_form_section_get_needs_hint (PdwComplaintFormSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_FORM_SECTION (self), NULL);
  return _pdw_complaint_get_shown_text (self->needs_hint);
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
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, needs_hint);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, link_box);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, link_label);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintFormSection, link_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkLabel *
add_mark (GtkWidget *row)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "prefill-mark");

  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return GTK_LABEL (label);
}

static void
pdw_complaint_form_section_init (PdwComplaintFormSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pdw_format_combo_row_show_whole_items (self->type_row);
  pdw_format_combo_row_show_whole_items (self->institution_row);

  self->marks[MARK_NAME] = add_mark (GTK_WIDGET (self->name_row));
  self->marks[MARK_NIK] = add_mark (GTK_WIDGET (self->nik_row));
  self->marks[MARK_KK] = add_mark (GTK_WIDGET (self->kk_row));
  self->marks[MARK_PHONE] = add_mark (GTK_WIDGET (self->phone_row));
  self->marks[MARK_TYPE] = add_mark (GTK_WIDGET (self->type_row));
  self->marks[MARK_INSTITUTION] = add_mark (GTK_WIDGET (self->institution_row));

  /* Connected here rather than in the .ui so the template validates with
   * gtk4-builder-tool, which cannot see static callbacks. */
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (name_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->phone_row, "changed", G_CALLBACK (phone_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->type_row, "notify::selected", G_CALLBACK (type_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->institution_row, "notify::selected", G_CALLBACK (institution_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->nik_row, "changed", G_CALLBACK (nik_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kk_row, "changed", G_CALLBACK (kk_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->register_button, "clicked", G_CALLBACK (register_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_button, "clicked", G_CALLBACK (link_clicked_cb), self, G_CONNECT_SWAPPED);
}
