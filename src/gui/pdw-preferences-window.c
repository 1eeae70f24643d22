/* pdw-preferences-window.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-desk-settings.h"
#include "core/pdw-template.h"

#include "pdw-preferences-window.h"
#include "pdw-resources.h"

#define NIP_LENGTH 18

struct _PdwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template Widgets */
  AdwEntryRow          *officer_name_row;
  AdwEntryRow          *officer_nip_row;
  AdwEntryRow          *officer_initials_row;
  AdwEntryRow          *office_name_row;
  AdwEntryRow          *office_address_row;
  AdwActionRow         *service_days_row;
  AdwEntryRow          *hours_start_row;
  AdwEntryRow          *hours_end_row;
  AdwComboRow          *sla_unit_row;
  GtkWidget            *sla_hours_row;
  GtkWidget            *sla_days_row;
  GtkSpinButton        *sla_hours_spin;
  GtkSpinButton        *sla_days_spin;
  GtkSpinButton        *due_soon_spin;
  GtkSwitch            *auto_reply_switch;
  AdwEntryRow          *wa_template_name_row;
  AdwEntryRow          *wa_template_language_row;
  AdwPreferencesGroup  *types_group;
  AdwPreferencesGroup  *institutions_group;
  AdwPreferencesGroup  *divisions_group;
  AdwPreferencesGroup  *officers_group;
  AdwPreferencesGroup  *templates_group;

  /* Borrowed References: the rows each group holds now, so they can be
   * replaced when the list changes. */
  GPtrArray            *catalog_rows[PDW_CATALOG_N_KINDS];
  GPtrArray            *officer_rows;
  GPtrArray            *template_rows;
  GtkToggleButton      *day_buttons[7];

  /* The template editor subpage, while it is open. */
  char                 *editor_name;       /* NULL: a new template */
  AdwEntryRow          *editor_title_row;
  GtkTextBuffer        *editor_buffer;
  GtkLabel             *editor_preview;
  GtkLabel             *editor_error;

  /* Lists to rebuild once the signal that changed them has returned: a row
   * must not be destroyed while it is emitting. */
  guint                 reload_id;
  guint                 reload_catalogs;   /* bit per PdwCatalogKind */
  gboolean              reload_officers;

  /* Owned References */
  PdwStore             *store;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (PdwPreferencesWindow, pdw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const template_variables[] = {
  "nama", "nik_masked", "tiket", "batas_waktu", "petugas", "jam_buka", "alasan",
};

static void pdw_preferences_window_load_catalog   (PdwPreferencesWindow *self,
                                                   PdwCatalogKind        kind);
static void pdw_preferences_window_load_officers  (PdwPreferencesWindow *self);
static void pdw_preferences_window_load_templates (PdwPreferencesWindow *self);

static gboolean
reload_idle_cb (gpointer user_data)
{
  PdwPreferencesWindow *self = user_data;

  self->reload_id = 0;
  for (guint kind = 0; kind < PDW_CATALOG_N_KINDS; kind++)
    {
      if (self->reload_catalogs & (1u << kind))
        pdw_preferences_window_load_catalog (self, (PdwCatalogKind)kind);
    }
  if (self->reload_officers)
    pdw_preferences_window_load_officers (self);

  self->reload_catalogs = 0;
  self->reload_officers = FALSE;
  return G_SOURCE_REMOVE;
}

static void
pdw_preferences_window_queue_reload (PdwPreferencesWindow *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

static void
pdw_preferences_window_toast (PdwPreferencesWindow *self,
                              const char           *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

/* Store errors stay next to what the officer typed: the row turns red, the
 * text is left as it is, and a toast says why. */
static void
pdw_preferences_window_show_row_error (PdwPreferencesWindow *self,
                                       GtkWidget            *row,
                                       const GError         *error)
{
  g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

  gtk_widget_add_css_class (row, "error");
  pdw_preferences_window_toast (self, message);
}

static gboolean
text_is_blank (const char *text)
{
  g_autofree char *copy = g_strdup (text ? text : "");

  return *g_strstrip (copy) == '\0';
}

/* ---- Service hours ------------------------------------------------------ */

static void
pdw_preferences_window_sync_days (PdwPreferencesWindow *self)
{
  g_autoptr(GVariant) days = g_settings_get_value (self->settings, "service-days");
  const gint32 *values;
  gsize n_values;
  gboolean on[7] = { FALSE };

  values = g_variant_get_fixed_array (days, &n_values, sizeof (gint32));
  for (gsize i = 0; i < n_values; i++)
    {
      if (values[i] >= 1 && values[i] <= 7)
        on[values[i] - 1] = TRUE;
    }

  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (self->day_buttons[i], on[i]);
}

static void
day_toggled_cb (PdwPreferencesWindow *self,
                GtkToggleButton      *button)
{
  GVariantBuilder builder;
  g_autoptr(GVariant) current = NULL;
  GVariant *wanted;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("ai"));
  for (guint i = 0; i < 7; i++)
    {
      if (gtk_toggle_button_get_active (self->day_buttons[i]))
        g_variant_builder_add (&builder, "i", (gint32)(i + 1));
    }
  wanted = g_variant_ref_sink (g_variant_builder_end (&builder));

  current = g_settings_get_value (self->settings, "service-days");
  if (!g_variant_equal (current, wanted))
    g_settings_set_value (self->settings, "service-days", wanted);
  g_variant_unref (wanted);
}

static void
pdw_preferences_window_build_day_buttons (PdwPreferencesWindow *self)
{
  /* Monday first, as the office's week (GDateWeekday 1..7). */
  static const char *names[7] = {
    N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  for (guint i = 0; i < 7; i++)
    {
      self->day_buttons[i] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_(names[i])));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->day_buttons[i]));
    }

  adw_action_row_add_suffix (self->service_days_row, box);
  pdw_preferences_window_sync_days (self);

  for (guint i = 0; i < 7; i++)
    g_signal_connect_object (self->day_buttons[i], "toggled",
                             G_CALLBACK (day_toggled_cb), self, G_CONNECT_SWAPPED);
}

/* Only a valid HH:MM reaches the settings; anything else is marked and
 * left for the officer to correct. */
static void
hours_changed_cb (PdwPreferencesWindow *self,
                  AdwEntryRow          *row)
{
  const char *key = row == self->hours_start_row ? "service-hours-start" : "service-hours-end";
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  guint minute;
  g_autofree char *normalized = NULL;
  g_autofree char *current = NULL;

  if (!pdw_service_calendar_parse_time_of_day (text, &minute) ||
      (row == self->hours_start_row && minute >= 24 * 60))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  normalized = g_strdup_printf ("%02u:%02u", minute / 60, minute % 60);
  current = g_settings_get_string (self->settings, key);
  if (g_strcmp0 (current, normalized) != 0)
    g_settings_set_string (self->settings, key, normalized);
}

static void
pdw_preferences_window_sync_sla_unit (PdwPreferencesWindow *self)
{
  g_autofree char *unit = g_settings_get_string (self->settings, "sla-unit");
  gboolean days = g_strcmp0 (unit, "working-days") == 0;

  if (adw_combo_row_get_selected (self->sla_unit_row) != (days ? 1u : 0u))
    adw_combo_row_set_selected (self->sla_unit_row, days ? 1 : 0);
  gtk_widget_set_visible (self->sla_hours_row, !days);
  gtk_widget_set_visible (self->sla_days_row, days);
}

static void
sla_unit_selected_cb (PdwPreferencesWindow *self)
{
  const char *unit = adw_combo_row_get_selected (self->sla_unit_row) == 1 ? "working-days" : "clock-hours";
  g_autofree char *current = g_settings_get_string (self->settings, "sla-unit");

  if (g_strcmp0 (current, unit) != 0)
    g_settings_set_string (self->settings, "sla-unit", unit);
  pdw_preferences_window_sync_sla_unit (self);
}

static void
pdw_preferences_window_bind_settings (PdwPreferencesWindow *self)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_settings_bind (self->settings, "officer-name", self->officer_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "officer-initials", self->officer_initials_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "office-name", self->office_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "office-address", self->office_address_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "wa-template-name", self->wa_template_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "wa-template-language", self->wa_template_language_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "auto-reply-enabled", self->auto_reply_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sla-hours", self->sla_hours_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sla-working-days", self->sla_days_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "due-soon-hours", self->due_soon_spin, "value", G_SETTINGS_BIND_DEFAULT);

  start = g_settings_get_string (self->settings, "service-hours-start");
  end = g_settings_get_string (self->settings, "service-hours-end");
  gtk_editable_set_text (GTK_EDITABLE (self->hours_start_row), start);
  gtk_editable_set_text (GTK_EDITABLE (self->hours_end_row), end);
  g_signal_connect_object (self->hours_start_row, "changed", G_CALLBACK (hours_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->hours_end_row, "changed", G_CALLBACK (hours_changed_cb), self, G_CONNECT_SWAPPED);

  pdw_preferences_window_sync_sla_unit (self);
  g_signal_connect_object (self->sla_unit_row, "notify::selected",
                           G_CALLBACK (sla_unit_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sla-unit",
                           G_CALLBACK (pdw_preferences_window_sync_sla_unit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::service-days",
                           G_CALLBACK (pdw_preferences_window_sync_days), self, G_CONNECT_SWAPPED);

  pdw_preferences_window_build_day_buttons (self);
}

/* The officer's own NIP: a wrong one would go on every control card. */
static void
officer_nip_changed_cb (PdwPreferencesWindow *self,
                        AdwEntryRow          *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *current = g_settings_get_string (self->settings, "officer-nip");
  gboolean valid = *text == '\0' || (strlen (text) == NIP_LENGTH && strspn (text, "0123456789") == NIP_LENGTH);

  if (!valid)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (g_strcmp0 (current, text) != 0)
    g_settings_set_string (self->settings, "officer-nip", text);
}

/* ---- Lists ---------------------------------------------------------------- */

static AdwPreferencesGroup *
pdw_preferences_window_catalog_group (PdwPreferencesWindow *self,
                                      PdwCatalogKind        kind)
{
  switch (kind)
    {
    case PDW_CATALOG_COMPLAINT_TYPE:
      return self->types_group;
    case PDW_CATALOG_INSTITUTION:
      return self->institutions_group;
    case PDW_CATALOG_DIVISION:
      return self->divisions_group;
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
pdw_preferences_window_clear_rows (AdwPreferencesGroup *group,
                                   GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static gboolean
pdw_preferences_window_save_entry (PdwPreferencesWindow *self,
                                   GtkWidget            *row,
                                   PdwCatalogKind        kind,
                                   const char           *code,
                                   const char           *label,
                                   gboolean              active)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  saved = pdw_store_save_catalog_entry (self->store, kind, code, label, active, &error);
  if (saved == NULL)
    {
      pdw_preferences_window_show_row_error (self, row, error);
      return FALSE;
    }

  gtk_widget_remove_css_class (row, "error");
  self->reload_catalogs |= 1u << kind;
  pdw_preferences_window_queue_reload (self);
  return TRUE;
}

static gboolean
pdw_preferences_window_apply_catalog_row (PdwPreferencesWindow *self,
                                          AdwEntryRow          *row)
{
  PdwCatalogEntry *entry = g_object_get_data (G_OBJECT (row), "entry");
  GtkSwitch *active = g_object_get_data (G_OBJECT (row), "active-switch");
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*label == '\0' && !pdw_catalog_entry_get_builtin (entry))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      pdw_preferences_window_toast (self, _("An entry needs a name"));
      return FALSE;
    }

  return pdw_preferences_window_save_entry (self, GTK_WIDGET (row),
                                            pdw_catalog_entry_get_kind (entry),
                                            pdw_catalog_entry_get_code (entry),
                                            label, gtk_switch_get_active (active));
}

static void
catalog_row_apply_cb (PdwPreferencesWindow *self,
                      AdwEntryRow          *row)
{
  pdw_preferences_window_apply_catalog_row (self, row);
}

static gboolean
catalog_active_set_cb (PdwPreferencesWindow *self,
                       gboolean              state,
                       GtkSwitch            *sw)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (sw), "row");
  PdwCatalogEntry *entry = g_object_get_data (G_OBJECT (row), "entry");
  const char *label = pdw_catalog_entry_get_label (entry);
  const char *shipped = pdw_catalog_get_default_label (pdw_catalog_entry_get_kind (entry),
                                                       pdw_catalog_entry_get_code (entry));

  /* Keep a shipped entry on its (translated) shipped label rather than
   * freezing today's translation as an officer's rename. */
  if (pdw_catalog_entry_get_builtin (entry) && g_strcmp0 (label, shipped) == 0)
    label = "";

  if (!pdw_preferences_window_save_entry (self, row, pdw_catalog_entry_get_kind (entry),
                                          pdw_catalog_entry_get_code (entry), label, state))
    return TRUE;  /* refused: the switch stays where it was */

  return FALSE;
}

static void
catalog_new_row_apply_cb (PdwPreferencesWindow *self,
                          AdwEntryRow          *row)
{
  PdwCatalogKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*label == '\0')
    return;

  pdw_preferences_window_save_entry (self, GTK_WIDGET (row), kind, NULL, label, TRUE);
}

static GtkWidget *
pdw_preferences_window_create_catalog_row (PdwPreferencesWindow *self,
                                           PdwCatalogEntry      *entry)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  g_autofree char *title = NULL;

  if (pdw_catalog_entry_get_builtin (entry))
    title = g_strdup_printf (_("Shipped as “%s”"),
                             pdw_catalog_get_default_label (pdw_catalog_entry_get_kind (entry),
                                                            pdw_catalog_entry_get_code (entry)));
  else
    title = g_strdup_printf (_("Added by the office (code %s)"), pdw_catalog_entry_get_code (entry));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), pdw_catalog_entry_get_label (entry));

  gtk_switch_set_active (GTK_SWITCH (sw), pdw_catalog_entry_get_active (entry));
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (sw, _("Offered in the complaint form"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), sw);

  g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (entry), g_object_unref);
  g_object_set_data (G_OBJECT (row), "active-switch", sw);
  g_object_set_data (G_OBJECT (sw), "row", row);

  g_signal_connect_object (row, "apply", G_CALLBACK (catalog_row_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sw, "state-set", G_CALLBACK (catalog_active_set_cb), self, G_CONNECT_SWAPPED);

  if (!pdw_catalog_entry_get_active (entry))
    gtk_widget_add_css_class (row, "dim-label");

  return row;
}

static void
pdw_preferences_window_load_catalog (PdwPreferencesWindow *self,
                                     PdwCatalogKind        kind)
{
  AdwPreferencesGroup *group = pdw_preferences_window_catalog_group (self, kind);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *new_row;

  pdw_preferences_window_clear_rows (group, self->catalog_rows[kind]);

  entries = pdw_store_list_catalog (self->store, kind, TRUE, &error);
  if (entries == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The list cannot be read: %s"), error->message);

      pdw_preferences_window_toast (self, message);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      GtkWidget *row = pdw_preferences_window_create_catalog_row (self, g_ptr_array_index (entries, i));

      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->catalog_rows[kind], row);
    }

  new_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (new_row), _("Add an entry: type its name and press Enter"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (new_row), TRUE);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (new_row), gtk_image_new_from_icon_name ("list-add-symbolic"));
  g_object_set_data (G_OBJECT (new_row), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (new_row, "apply", G_CALLBACK (catalog_new_row_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (new_row, "entry-activated", G_CALLBACK (catalog_new_row_apply_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, new_row);
  g_ptr_array_add (self->catalog_rows[kind], new_row);
}

/* ---- Officers ------------------------------------------------------------- */

typedef struct
{
  gint64       id;
  AdwEntryRow *name;
  AdwEntryRow *nip;
  AdwEntryRow *initials;
  AdwComboRow *role;
  GtkSwitch   *active;
} OfficerEditor;

static gboolean
nip_is_valid (const char *nip)
{
  return *nip == '\0' || (strlen (nip) == NIP_LENGTH && strspn (nip, "0123456789") == NIP_LENGTH);
}

static void
officer_nip_row_changed_cb (AdwEntryRow *row)
{
  if (nip_is_valid (gtk_editable_get_text (GTK_EDITABLE (row))))
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
officer_save_clicked_cb (PdwPreferencesWindow *self,
                         GtkButton            *button)
{
  OfficerEditor *editor = g_object_get_data (G_OBJECT (button), "editor");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->name))));
  const char *nip = gtk_editable_get_text (GTK_EDITABLE (editor->nip));
  const char *initials = gtk_editable_get_text (GTK_EDITABLE (editor->initials));
  gint64 id;

  if (*name == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (editor->name), "error");
      pdw_preferences_window_toast (self, _("An officer needs a name"));
      return;
    }

  if (!nip_is_valid (nip))
    {
      gtk_widget_add_css_class (GTK_WIDGET (editor->nip), "error");
      pdw_preferences_window_toast (self, _("A NIP has exactly 18 digits"));
      return;
    }

  id = pdw_store_save_officer (self->store, editor->id, name,
                               *nip != '\0' ? nip : NULL,
                               *initials != '\0' ? initials : NULL,
                               (PdwOfficerRole)adw_combo_row_get_selected (editor->role),
                               gtk_switch_get_active (editor->active),
                               &error);
  if (id == 0)
    {
      pdw_preferences_window_show_row_error (self, GTK_WIDGET (editor->name), error);
      return;
    }

  pdw_preferences_window_toast (self, _("Officer saved"));
  self->reload_officers = TRUE;
  pdw_preferences_window_queue_reload (self);
}

static GtkWidget *
pdw_preferences_window_create_officer_row (PdwPreferencesWindow *self,
                                           PdwOfficer           *officer)
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
pdw_preferences_window_load_officers (PdwPreferencesWindow *self)
{
  g_autoptr(GPtrArray) officers = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  pdw_preferences_window_clear_rows (self->officers_group, self->officer_rows);

  officers = pdw_store_list_officers (self->store, TRUE, &error);
  if (officers == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The officers cannot be read: %s"), error->message);

      pdw_preferences_window_toast (self, message);
      return;
    }

  for (guint i = 0; i < officers->len; i++)
    {
      row = pdw_preferences_window_create_officer_row (self, g_ptr_array_index (officers, i));
      adw_preferences_group_add (self->officers_group, row);
      g_ptr_array_add (self->officer_rows, row);
    }

  row = pdw_preferences_window_create_officer_row (self, NULL);
  adw_preferences_group_add (self->officers_group, row);
  g_ptr_array_add (self->officer_rows, row);
}

/* ---- Templates ------------------------------------------------------------ */

static char *
pdw_preferences_window_render_sample (PdwPreferencesWindow *self,
                                      const char           *body)
{
  PdwTemplateVars vars = PDW_TEMPLATE_VARS_INIT;
  g_autoptr(PdwServiceCalendar) calendar = pdw_desk_settings_new_calendar (self->settings);
  g_autofree char *officer = g_settings_get_string (self->settings, "officer-name");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_auto(GStrv) unknown = NULL;
  g_autofree char *text = NULL;

  /* Synthetic sample values, never a real citizen. */
  vars.nama = "Siti Aminah";
  vars.nik = "1471010101900001";
  vars.tiket = "PDW-2026-01-00042";
  vars.batas_waktu = now + 48 * 60 * 60;
  vars.petugas = *officer != '\0' ? officer : _("Officer name");
  vars.jam_buka = pdw_service_calendar_next_opening (calendar, now);
  vars.alasan = "NIK terdaftar di Disdukcapil kabupaten/kota lain";

  text = pdw_template_render_vars (body, &vars, &unknown);

  return g_steal_pointer (&text);
}

static char *
pdw_preferences_window_dup_editor_body (PdwPreferencesWindow *self)
{
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (self->editor_buffer, &begin, &end);
  return gtk_text_buffer_get_text (self->editor_buffer, &begin, &end, FALSE);
}

static void
editor_buffer_changed_cb (PdwPreferencesWindow *self)
{
  PdwTemplateVars vars = PDW_TEMPLATE_VARS_INIT;
  g_autofree char *body = pdw_preferences_window_dup_editor_body (self);
  g_autofree char *preview = NULL;
  g_auto(GStrv) unknown = NULL;
  g_autofree char *checked = NULL;

  preview = pdw_preferences_window_render_sample (self, body);
  checked = pdw_template_render_vars (body, &vars, &unknown);
  gtk_label_set_text (self->editor_preview, preview);

  /* Every known variable has a sample value, so whatever is still unknown
   * is a typo the officer should see before citizens do. */
  {
    g_autoptr(GPtrArray) typos = g_ptr_array_new ();

    for (guint i = 0; unknown != NULL && unknown[i] != NULL; i++)
      {
        gboolean known = FALSE;

        for (guint j = 0; j < G_N_ELEMENTS (template_variables); j++)
          known |= g_strcmp0 (unknown[i], template_variables[j]) == 0;
        if (!known)
          g_ptr_array_add (typos, unknown[i]);
      }
    g_ptr_array_add (typos, NULL);

    if (typos->len > 1)
      {
        g_autofree char *names = g_strjoinv (", ", (char **)typos->pdata);
        g_autofree char *message = g_strdup_printf (_("Unknown variables stay as written: %s"), names);

        gtk_label_set_text (self->editor_error, message);
        gtk_widget_set_visible (GTK_WIDGET (self->editor_error), TRUE);
      }
    else
      gtk_widget_set_visible (GTK_WIDGET (self->editor_error), FALSE);
  }
}

static void
variable_chip_clicked_cb (PdwPreferencesWindow *self,
                          GtkButton            *button)
{
  g_autofree char *text = g_strdup_printf ("{%s}", (const char *)g_object_get_data (G_OBJECT (button), "variable"));

  gtk_text_buffer_insert_at_cursor (self->editor_buffer, text, -1);
}

static void
pdw_preferences_window_close_editor (PdwPreferencesWindow *self)
{
  g_clear_pointer (&self->editor_name, g_free);
  self->editor_title_row = NULL;
  self->editor_buffer = NULL;
  self->editor_preview = NULL;
  self->editor_error = NULL;
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
}

static gboolean
pdw_preferences_window_save_editor (PdwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = pdw_preferences_window_dup_editor_body (self);
  g_autofree char *saved = NULL;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->editor_title_row));

  if (text_is_blank (title) || text_is_blank (body))
    {
      gtk_label_set_text (self->editor_error, _("A template needs a title and a message"));
      gtk_widget_set_visible (GTK_WIDGET (self->editor_error), TRUE);
      return FALSE;
    }

  saved = pdw_store_save_reply_template (self->store, self->editor_name, title, body, &error);
  if (saved == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

      /* The subpage stays open with everything typed. */
      gtk_label_set_text (self->editor_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->editor_error), TRUE);
      return FALSE;
    }

  pdw_preferences_window_load_templates (self);
  pdw_preferences_window_close_editor (self);
  pdw_preferences_window_toast (self, _("Template saved"));
  return TRUE;
}

static void
editor_reset_clicked_cb (PdwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!pdw_store_reset_reply_template (self->store, self->editor_name, &error))
    {
      gtk_label_set_text (self->editor_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->editor_error), TRUE);
      return;
    }

  pdw_preferences_window_load_templates (self);
  pdw_preferences_window_close_editor (self);
  pdw_preferences_window_toast (self, _("Shipped text restored"));
}

static void
delete_dialog_response_cb (AdwMessageDialog     *dialog,
                           const char           *response,
                           PdwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->editor_name == NULL)
    return;

  if (!pdw_store_delete_reply_template (self->store, self->editor_name, &error))
    {
      gtk_label_set_text (self->editor_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->editor_error), TRUE);
      return;
    }

  pdw_preferences_window_load_templates (self);
  pdw_preferences_window_close_editor (self);
  pdw_preferences_window_toast (self, _("Template deleted"));
}

static void
editor_delete_clicked_cb (PdwPreferencesWindow *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete this template?"),
                                   _("Officers will no longer find it in the composer. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
pdw_preferences_window_label (const char *text,
                              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
pdw_preferences_window_open_editor (PdwPreferencesWindow *self,
                                    PdwReplyTemplate     *template)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *text_scroller = gtk_scrolled_window_new ();
  GtkWidget *text_view = gtk_text_view_new ();
  GtkWidget *chips = gtk_flow_box_new ();
  GtkWidget *preview_frame = gtk_frame_new (NULL);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));

  g_clear_pointer (&self->editor_name, g_free);
  self->editor_name = template ? g_strdup (pdw_reply_template_get_name (template)) : NULL;

  gtk_widget_set_tooltip_text (back, _("Back"));
  g_signal_connect_object (back, "clicked", G_CALLBACK (pdw_preferences_window_close_editor), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (template ? _("Edit Template") : _("New Template"), NULL));
  gtk_box_append (GTK_BOX (page), header);

  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (page), scroller);

  self->editor_title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->editor_title_row), _("Title"));
  if (template != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->editor_title_row), pdw_reply_template_get_title (template));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->editor_title_row));
  gtk_box_append (GTK_BOX (box), list);

  gtk_box_append (GTK_BOX (box), pdw_preferences_window_label (_("Message to the citizen"), "heading"));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 9);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 9);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 10);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (text_scroller), 150);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (text_scroller), text_view);
  gtk_frame_set_child (GTK_FRAME (frame), text_scroller);
  gtk_box_append (GTK_BOX (box), frame);
  self->editor_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  if (template != NULL)
    gtk_text_buffer_set_text (self->editor_buffer, pdw_reply_template_get_body (template), -1);

  gtk_box_append (GTK_BOX (box), pdw_preferences_window_label (_("Insert a variable: it is filled in from the complaint"), "dim-label"));
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (chips), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (chips), 7);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (chips), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (chips), 6);
  for (guint i = 0; i < G_N_ELEMENTS (template_variables); i++)
    {
      g_autofree char *label = g_strdup_printf ("{%s}", template_variables[i]);
      GtkWidget *chip = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (chip, "pill");
      gtk_widget_add_css_class (chip, "small");
      g_object_set_data (G_OBJECT (chip), "variable", (gpointer)template_variables[i]);
      g_signal_connect_object (chip, "clicked", G_CALLBACK (variable_chip_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (GTK_FLOW_BOX (chips), chip);
    }
  gtk_box_append (GTK_BOX (box), chips);

  gtk_box_append (GTK_BOX (box), pdw_preferences_window_label (_("Preview with sample values"), "heading"));
  self->editor_preview = GTK_LABEL (pdw_preferences_window_label (NULL, NULL));
  gtk_label_set_selectable (self->editor_preview, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->editor_preview), 10);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->editor_preview), 10);
  gtk_widget_set_margin_start (GTK_WIDGET (self->editor_preview), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->editor_preview), 12);
  gtk_frame_set_child (GTK_FRAME (preview_frame), GTK_WIDGET (self->editor_preview));
  gtk_widget_add_css_class (preview_frame, "view");
  gtk_box_append (GTK_BOX (box), preview_frame);

  self->editor_error = GTK_LABEL (pdw_preferences_window_label (NULL, "error"));
  gtk_widget_set_visible (GTK_WIDGET (self->editor_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->editor_error));

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  if (template != NULL && pdw_reply_template_get_builtin (template))
    {
      GtkWidget *reset = gtk_button_new_with_mnemonic (_("_Restore Shipped Text"));

      g_signal_connect_object (reset, "clicked", G_CALLBACK (editor_reset_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (buttons), reset);
    }
  else if (template != NULL)
    {
      GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete…"));

      gtk_widget_add_css_class (delete, "destructive-action");
      g_signal_connect_object (delete, "clicked", G_CALLBACK (editor_delete_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (buttons), delete);
    }
  gtk_widget_add_css_class (save, "suggested-action");
  g_object_set_data (G_OBJECT (page), "save-button", save);
  g_signal_connect_object (save, "clicked", G_CALLBACK (pdw_preferences_window_save_editor), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (box), buttons);

  g_signal_connect_object (self->editor_buffer, "changed", G_CALLBACK (editor_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  editor_buffer_changed_cb (self);

  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), page);
}

static void
template_row_activated_cb (PdwPreferencesWindow *self,
                           AdwActionRow         *row)
{
  pdw_preferences_window_open_editor (self, g_object_get_data (G_OBJECT (row), "template"));
}

static void
pdw_preferences_window_load_templates (PdwPreferencesWindow *self)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *row;

  pdw_preferences_window_clear_rows (self->templates_group, self->template_rows);

  templates = pdw_store_list_reply_templates (self->store, &error);
  if (templates == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The templates cannot be read: %s"), error->message);

      pdw_preferences_window_toast (self, message);
      return;
    }

  for (guint i = 0; i < templates->len; i++)
    {
      PdwReplyTemplate *template = g_ptr_array_index (templates, i);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pdw_reply_template_get_title (template));
      /* One line of the body: subtitle-lines does not fold line breaks. */
      g_free (summary);
      summary = g_strdelimit (g_strdup (pdw_reply_template_get_body (template)), "\r\n\t", ' ');
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (pdw_reply_template_get_builtin (template))
        {
          GtkWidget *tag = gtk_label_new (_("Shipped"));

          gtk_widget_add_css_class (tag, "dim-label");
          gtk_widget_add_css_class (tag, "caption");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "template", g_object_ref (template), g_object_unref);
      g_signal_connect_object (row, "activated", G_CALLBACK (template_row_activated_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->templates_group, row);
      g_ptr_array_add (self->template_rows, row);
    }
}

static void
add_template_clicked_cb (PdwPreferencesWindow *self)
{
  pdw_preferences_window_open_editor (self, NULL);
}

/* ---- Public API ----------------------------------------------------------- */

GtkWindow *
pdw_preferences_window_new (GtkWindow *parent,
                            PdwStore  *store,
                            GSettings *settings)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PDW_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PDW_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       "settings", settings,
                       NULL);
}

gboolean
pdw_preferences_window_rename_entry (PdwPreferencesWindow *self,
                                     PdwCatalogKind        kind,
                                     const char           *code,
                                     const char           *label)
{
  GPtrArray *rows;

  g_return_val_if_fail (PDW_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (kind < PDW_CATALOG_N_KINDS, FALSE);

  rows = self->catalog_rows[kind];
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      PdwCatalogEntry *entry = g_object_get_data (G_OBJECT (row), "entry");

      if (entry != NULL && g_strcmp0 (pdw_catalog_entry_get_code (entry), code) == 0)
        {
          gtk_editable_set_text (GTK_EDITABLE (row), label);
          return pdw_preferences_window_apply_catalog_row (self, ADW_ENTRY_ROW (row));
        }
    }

  return FALSE;
}

gboolean
pdw_preferences_window_add_template (PdwPreferencesWindow *self,
                                     const char           *title,
                                     const char           *body)
{
  g_return_val_if_fail (PDW_IS_PREFERENCES_WINDOW (self), FALSE);

  /* A refused save leaves the new template's page open, as for an officer. */
  if (self->editor_buffer == NULL || self->editor_name != NULL)
    add_template_clicked_cb (self);
  gtk_editable_set_text (GTK_EDITABLE (self->editor_title_row), title);
  gtk_text_buffer_set_text (self->editor_buffer, body, -1);
  return pdw_preferences_window_save_editor (self);
}

/* ---- GObject -------------------------------------------------------------- */

static void
pdw_preferences_window_constructed (GObject *object)
{
  PdwPreferencesWindow *self = (PdwPreferencesWindow *)object;
  g_autofree char *nip = NULL;
  GtkWidget *add;

  G_OBJECT_CLASS (pdw_preferences_window_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->settings != NULL);

  pdw_preferences_window_bind_settings (self);

  nip = g_settings_get_string (self->settings, "officer-nip");
  gtk_editable_set_text (GTK_EDITABLE (self->officer_nip_row), nip);
  g_signal_connect_object (self->officer_nip_row, "changed",
                           G_CALLBACK (officer_nip_changed_cb), self, G_CONNECT_SWAPPED);

  for (guint kind = 0; kind < PDW_CATALOG_N_KINDS; kind++)
    pdw_preferences_window_load_catalog (self, (PdwCatalogKind)kind);
  pdw_preferences_window_load_officers (self);
  pdw_preferences_window_load_templates (self);

  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (add, _("New Template"));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_template_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (self->templates_group, add);
}

static void
pdw_preferences_window_dispose (GObject *object)
{
  PdwPreferencesWindow *self = (PdwPreferencesWindow *)object;

  g_clear_pointer (&self->editor_name, g_free);
  self->editor_title_row = NULL;
  self->editor_buffer = NULL;
  self->editor_preview = NULL;
  self->editor_error = NULL;
  g_clear_handle_id (&self->reload_id, g_source_remove);

  for (guint i = 0; i < PDW_CATALOG_N_KINDS; i++)
    g_clear_pointer (&self->catalog_rows[i], g_ptr_array_unref);
  g_clear_pointer (&self->officer_rows, g_ptr_array_unref);
  g_clear_pointer (&self->template_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pdw_preferences_window_parent_class)->dispose (object);
}

static void
pdw_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PdwPreferencesWindow *self = PDW_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PdwPreferencesWindow *self = PDW_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_preferences_window_class_init (PdwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pdw_preferences_window_constructed;
  object_class->dispose = pdw_preferences_window_dispose;
  object_class->get_property = pdw_preferences_window_get_property;
  object_class->set_property = pdw_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PDW_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Referencing the resource keeps its object file (whose constructor
   * registers it) linked in from the static library. */
  (void) pdw_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, officer_name_row);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, officer_nip_row);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, officer_initials_row);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, office_name_row);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, office_address_row);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, service_days_row);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, hours_start_row);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, hours_end_row);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, sla_unit_row);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, sla_hours_row);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, sla_days_row);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, sla_hours_spin);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, sla_days_spin);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, due_soon_spin);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, auto_reply_switch);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, wa_template_name_row);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, wa_template_language_row);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, types_group);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, institutions_group);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, divisions_group);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, officers_group);
  gtk_widget_class_bind_template_child (widget_class, PdwPreferencesWindow, templates_group);
}

static void
pdw_preferences_window_init (PdwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < PDW_CATALOG_N_KINDS; i++)
    self->catalog_rows[i] = g_ptr_array_new ();
  self->officer_rows = g_ptr_array_new ();
  self->template_rows = g_ptr_array_new ();
}
