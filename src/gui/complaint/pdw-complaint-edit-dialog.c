/* pdw-complaint-edit-dialog.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-complaint-edit-dialog.h"
#include "gui/pdw-format.h"
#include "pdw-complaint-section-private.h"

struct _PdwComplaintEditDialog
{
  AdwMessageDialog  parent_instance;

  /* Template Widgets */
  AdwEntryRow      *name_row;
  AdwEntryRow      *nik_row;
  GtkLabel         *nik_message;
  GtkLabel         *nik_details;
  AdwEntryRow      *kk_row;
  GtkLabel         *kk_message;
  GtkLabel         *kk_details;
  AdwEntryRow      *phone_row;
  AdwComboRow      *type_row;
  AdwComboRow      *institution_row;
  GtkLabel         *error_label;

  GPtrArray        *type_codes;
  GPtrArray        *institution_codes;
  gint64            complaint_id;
  PdwFieldState     nik_state;
  PdwFieldState     kk_state;
};

G_DEFINE_FINAL_TYPE (PdwComplaintEditDialog, pdw_complaint_edit_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
update_can_save (PdwComplaintEditDialog *self)
{
  guint type = adw_combo_row_get_selected (self->type_row);
  gboolean ok = self->nik_state != PDW_FIELD_ERROR &&
                self->kk_state != PDW_FIELD_ERROR &&
                type != GTK_INVALID_LIST_POSITION && type > 0;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", ok);
}

static void
nik_changed_cb (PdwComplaintEditDialog *self)
{
  self->nik_state = _pdw_complaint_validate_identity (PDW_IDENTITY_NIK, self->nik_row,
                                                      self->nik_message, self->nik_details);
  update_can_save (self);
}

static void
kk_changed_cb (PdwComplaintEditDialog *self)
{
  self->kk_state = _pdw_complaint_validate_identity (PDW_IDENTITY_KK, self->kk_row,
                                                     self->kk_message, self->kk_details);
  update_can_save (self);
}

/* The list as choices, "Not chosen" first; @current stays choosable even
 * when the office has since removed it. */
static GPtrArray *
fill_choices (AdwComboRow *row,
              GPtrArray   *entries,
              const char  *current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  g_ptr_array_add (codes, NULL);
  gtk_string_list_append (labels, _("Not chosen"));

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      PdwCatalogEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (pdw_catalog_entry_get_code (entry), current) == 0)
        selected = codes->len;
      g_ptr_array_add (codes, g_strdup (pdw_catalog_entry_get_code (entry)));
      gtk_string_list_append (labels, pdw_catalog_entry_get_label (entry));
    }

  if (current != NULL && *current != '\0' && selected == 0)
    {
      selected = codes->len;
      g_ptr_array_add (codes, g_strdup (current));
      gtk_string_list_append (labels, current);
    }

  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
  return codes;
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

PdwComplaintEditDialog *
pdw_complaint_edit_dialog_new (GtkWindow                *parent,
                               gint64                    complaint_id,
                               const PdwComplaintFields *values,
                               GPtrArray                *types,
                               GPtrArray                *institutions)
{
  PdwComplaintEditDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (values != NULL, NULL);

  self = g_object_new (PDW_TYPE_COMPLAINT_EDIT_DIALOG,
                       "transient-for", parent,
                       "heading", _("Edit Data"),
                       "body", _("Each change is written to the control card with its old and new value."),
                       NULL);
  self->complaint_id = complaint_id;

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "save", _("_Save Changes"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  set_row_text (self->name_row, values->citizen_name);
  set_row_text (self->nik_row, values->nik);
  set_row_text (self->kk_row, values->kk);
  set_row_text (self->phone_row, values->phone);
  self->type_codes = fill_choices (self->type_row, types, values->complaint_type);
  self->institution_codes = fill_choices (self->institution_row, institutions, values->institution);

  nik_changed_cb (self);
  kk_changed_cb (self);

  return self;
}

gint64
pdw_complaint_edit_dialog_get_complaint_id (PdwComplaintEditDialog *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EDIT_DIALOG (self), 0);
  return self->complaint_id;
}

static AdwEntryRow *
entry_row (PdwComplaintEditDialog *self,
           const char             *field)
{
  if (g_strcmp0 (field, "name") == 0)
    return self->name_row;
  if (g_strcmp0 (field, "nik") == 0)
    return self->nik_row;
  if (g_strcmp0 (field, "kk") == 0)
    return self->kk_row;
  if (g_strcmp0 (field, "phone") == 0)
    return self->phone_row;
  return NULL;
}

static const char *
chosen_code (AdwComboRow *row,
             GPtrArray   *codes)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < codes->len ? g_ptr_array_index (codes, selected) : NULL;
}

char *
pdw_complaint_edit_dialog_dup_value (PdwComplaintEditDialog *self,
                                     const char             *field)
{
  AdwEntryRow *row;
  char *text;

  g_return_val_if_fail (PDW_IS_COMPLAINT_EDIT_DIALOG (self), NULL);

  if (g_strcmp0 (field, "complaint_type") == 0)
    return g_strdup (chosen_code (self->type_row, self->type_codes));
  if (g_strcmp0 (field, "institution") == 0)
    return g_strdup (chosen_code (self->institution_row, self->institution_codes));

  row = entry_row (self, field);
  g_return_val_if_fail (row != NULL, NULL);

  if (row == self->nik_row || row == self->kk_row)
    return _pdw_complaint_dup_identity_digits (row == self->nik_row ? PDW_IDENTITY_NIK : PDW_IDENTITY_KK,
                                               gtk_editable_get_text (GTK_EDITABLE (row)));

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

GtkEditable *
pdw_complaint_edit_dialog_get_editable (PdwComplaintEditDialog *self,
                                        const char             *field)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EDIT_DIALOG (self), NULL);
  return GTK_EDITABLE (entry_row (self, field));
}

void
pdw_complaint_edit_dialog_choose (PdwComplaintEditDialog *self,
                                  const char             *field,
                                  const char             *code)
{
  gboolean type = g_strcmp0 (field, "complaint_type") == 0;
  AdwComboRow *row = type ? self->type_row : self->institution_row;
  GPtrArray *codes = type ? self->type_codes : self->institution_codes;

  g_return_if_fail (PDW_IS_COMPLAINT_EDIT_DIALOG (self));

  for (guint i = 0; i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      adw_combo_row_set_selected (row, i);
}

void
pdw_complaint_edit_dialog_set_error (PdwComplaintEditDialog *self,
                                     const char             *message)
{
  g_return_if_fail (PDW_IS_COMPLAINT_EDIT_DIALOG (self));
  _pdw_complaint_set_message (self->error_label, message, "error");
}

gboolean
pdw_complaint_edit_dialog_get_can_save (PdwComplaintEditDialog *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EDIT_DIALOG (self), FALSE);
  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "save");
}

const char *
pdw_complaint_edit_dialog_get_nik_message (PdwComplaintEditDialog *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_EDIT_DIALOG (self), NULL);
  return _pdw_complaint_get_shown_text (self->nik_message);
}

static void
pdw_complaint_edit_dialog_finalize (GObject *object)
{
  PdwComplaintEditDialog *self = (PdwComplaintEditDialog *)object;

  g_clear_pointer (&self->type_codes, g_ptr_array_unref);
  g_clear_pointer (&self->institution_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (pdw_complaint_edit_dialog_parent_class)->finalize (object);
}

static void
pdw_complaint_edit_dialog_class_init (PdwComplaintEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pdw_complaint_edit_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-complaint-edit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintEditDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintEditDialog, nik_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintEditDialog, nik_message);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintEditDialog, nik_details);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintEditDialog, kk_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintEditDialog, kk_message);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintEditDialog, kk_details);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintEditDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintEditDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintEditDialog, institution_row);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintEditDialog, error_label);
}

static void
pdw_complaint_edit_dialog_init (PdwComplaintEditDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pdw_format_combo_row_show_whole_items (self->type_row);
  pdw_format_combo_row_show_whole_items (self->institution_row);

  /* Connected here rather than in the .ui so the template validates with
   * gtk4-builder-tool, which cannot see static callbacks. */
  g_signal_connect_object (self->nik_row, "changed", G_CALLBACK (nik_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kk_row, "changed", G_CALLBACK (kk_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->type_row, "notify::selected", G_CALLBACK (update_can_save), self,
                           G_CONNECT_SWAPPED);
}
