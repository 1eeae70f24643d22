/* pdw-officers-page.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-officers-page.h"

struct _PdwOfficersPage
{
  PdwPreferencesPage   parent_instance;

  /* Template Widgets */
  AdwPreferencesGroup *officers_group;

  /* Borrowed References: the rows the group holds now, so they can be
   * replaced when the staff changes. */
  GPtrArray           *officer_rows;
};

G_DEFINE_FINAL_TYPE (PdwOfficersPage, pdw_officers_page, PDW_TYPE_PREFERENCES_PAGE)

/* The rows of one officer's expander, read back when it is saved. */
typedef struct
{
  gint64       id;
  AdwEntryRow *name;
  AdwEntryRow *nip;
  AdwEntryRow *initials;
  AdwComboRow *role;
  GtkSwitch   *active;
} OfficerEditor;

static void
officer_nip_row_changed_cb (AdwEntryRow *row)
{
  if (pdw_preferences_nip_is_valid (gtk_editable_get_text (GTK_EDITABLE (row))))
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
officer_save_clicked_cb (PdwOfficersPage *self,
                         GtkButton       *button)
{
  PdwPreferencesPage *page = PDW_PREFERENCES_PAGE (self);
  OfficerEditor *editor = g_object_get_data (G_OBJECT (button), "editor");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->name))));
  const char *nip = gtk_editable_get_text (GTK_EDITABLE (editor->nip));
  const char *initials = gtk_editable_get_text (GTK_EDITABLE (editor->initials));
  gint64 id;

  if (*name == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (editor->name), "error");
      pdw_preferences_page_toast (page, _("An officer needs a name"));
      return;
    }

  if (!pdw_preferences_nip_is_valid (nip))
    {
      gtk_widget_add_css_class (GTK_WIDGET (editor->nip), "error");
      pdw_preferences_page_toast (page, _("A NIP has exactly 18 digits"));
      return;
    }

  id = pdw_store_save_officer (pdw_preferences_page_get_store (page), editor->id, name,
                               *nip != '\0' ? nip : NULL,
                               *initials != '\0' ? initials : NULL,
                               (PdwOfficerRole)adw_combo_row_get_selected (editor->role),
                               gtk_switch_get_active (editor->active),
                               &error);
  if (id == 0)
    {
      pdw_preferences_page_show_row_error (page, GTK_WIDGET (editor->name), error);
      return;
    }

  pdw_preferences_page_toast (page, _("Officer saved"));
  pdw_preferences_page_queue_reload (page);
}

static void
pdw_officers_page_fill_editor (GtkWidget     *expander,
                               OfficerEditor *editor,
                               PdwOfficer    *officer)
{
  g_autofree char *subtitle = NULL;
  const char *nip = pdw_officer_get_nip (officer);

  editor->id = pdw_officer_get_id (officer);
  gtk_editable_set_text (GTK_EDITABLE (editor->name), pdw_officer_get_name (officer));
  gtk_editable_set_text (GTK_EDITABLE (editor->nip), nip ? nip : "");
  gtk_editable_set_text (GTK_EDITABLE (editor->initials), pdw_officer_get_initials (officer));
  adw_combo_row_set_selected (editor->role, pdw_officer_get_role (officer));
  gtk_switch_set_active (editor->active, pdw_officer_get_active (officer));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), pdw_officer_get_name (officer));
  if (pdw_officer_get_active (officer))
    subtitle = g_strdup_printf ("%s · %s", pdw_officer_role_get_label (pdw_officer_get_role (officer)),
                                pdw_officer_get_initials (officer));
  else
    subtitle = g_strdup_printf (_("%s · no longer active"),
                                pdw_officer_role_get_label (pdw_officer_get_role (officer)));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
}

/* officer NULL: the row that adds a new officer. */
static GtkWidget *
pdw_officers_page_create_officer_row (PdwOfficersPage *self,
                                      PdwOfficer      *officer)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  OfficerEditor *editor = g_new0 (OfficerEditor, 1);
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *active_row = adw_action_row_new ();
  GtkWidget *button_row = adw_action_row_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (officer ? _("_Save") : _("_Add Officer"));

  for (guint i = 0; i < PDW_OFFICER_N_ROLES; i++)
    gtk_string_list_append (roles, pdw_officer_role_get_label ((PdwOfficerRole)i));

  editor->name = ADW_ENTRY_ROW (adw_entry_row_new ());
  editor->nip = ADW_ENTRY_ROW (adw_entry_row_new ());
  editor->initials = ADW_ENTRY_ROW (adw_entry_row_new ());
  editor->role = ADW_COMBO_ROW (adw_combo_row_new ());
  editor->active = GTK_SWITCH (gtk_switch_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->name), _("Name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->nip), _("NIP (18 digits)"));
  adw_entry_row_set_input_purpose (editor->nip, GTK_INPUT_PURPOSE_DIGITS);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->initials), _("Initials (empty: taken from the name)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->role), _("Role"));
  adw_combo_row_set_model (editor->role, G_LIST_MODEL (roles));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (active_row), _("Active"));
  gtk_widget_set_valign (GTK_WIDGET (editor->active), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (active_row), GTK_WIDGET (editor->active));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (active_row), GTK_WIDGET (editor->active));

  gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (save, "suggested-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (button_row), save);
  g_object_set_data (G_OBJECT (save), "editor", editor);
  g_object_set_data_full (G_OBJECT (expander), "editor", editor, g_free);
  g_signal_connect_object (save, "clicked", G_CALLBACK (officer_save_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (editor->nip, "changed", G_CALLBACK (officer_nip_row_changed_cb), NULL);

  if (officer != NULL)
    pdw_officers_page_fill_editor (expander, editor, officer);
  else
    {
      gtk_switch_set_active (editor->active, TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Add an Officer"));
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), gtk_image_new_from_icon_name ("list-add-symbolic"));
    }

  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (editor->name));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (editor->nip));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (editor->initials));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (editor->role));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), active_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), button_row);

  return expander;
}

static void
pdw_officers_page_add_row (PdwOfficersPage *self,
                           GtkWidget       *row)
{
  adw_preferences_group_add (self->officers_group, row);
  g_ptr_array_add (self->officer_rows, row);
}

static void
pdw_officers_page_load_officers (PdwOfficersPage *self)
{
  PdwPreferencesPage *page = PDW_PREFERENCES_PAGE (self);
  g_autoptr(GPtrArray) officers = NULL;
  g_autoptr(GError) error = NULL;

  pdw_preferences_page_clear_rows (self->officers_group, self->officer_rows);

  officers = pdw_store_list_officers (pdw_preferences_page_get_store (page), TRUE, &error);
  if (officers == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The officers cannot be read: %s"), error->message);

      pdw_preferences_page_toast (page, message);
      return;
    }

  for (guint i = 0; i < officers->len; i++)
    pdw_officers_page_add_row (self, pdw_officers_page_create_officer_row (self, g_ptr_array_index (officers, i)));
  pdw_officers_page_add_row (self, pdw_officers_page_create_officer_row (self, NULL));
}

static void
pdw_officers_page_reload (PdwPreferencesPage *page)
{
  pdw_officers_page_load_officers (PDW_OFFICERS_PAGE (page));
}

static void
pdw_officers_page_constructed (GObject *object)
{
  PdwOfficersPage *self = (PdwOfficersPage *)object;

  G_OBJECT_CLASS (pdw_officers_page_parent_class)->constructed (object);

  g_assert (pdw_preferences_page_get_store (PDW_PREFERENCES_PAGE (self)) != NULL);

  pdw_officers_page_load_officers (self);
}

static void
pdw_officers_page_dispose (GObject *object)
{
  PdwOfficersPage *self = (PdwOfficersPage *)object;

  g_clear_pointer (&self->officer_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_OFFICERS_PAGE);

  G_OBJECT_CLASS (pdw_officers_page_parent_class)->dispose (object);
}

static void
pdw_officers_page_class_init (PdwOfficersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PdwPreferencesPageClass *page_class = PDW_PREFERENCES_PAGE_CLASS (klass);

  object_class->constructed = pdw_officers_page_constructed;
  object_class->dispose = pdw_officers_page_dispose;
  page_class->reload = pdw_officers_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-officers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwOfficersPage, officers_group);
}

static void
pdw_officers_page_init (PdwOfficersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->officer_rows = g_ptr_array_new ();
}
