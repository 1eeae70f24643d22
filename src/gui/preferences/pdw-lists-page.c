/* pdw-lists-page.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-lists-page.h"

struct _PdwListsPage
{
  PdwPreferencesPage   parent_instance;

  /* Template Widgets */
  AdwPreferencesGroup *types_group;
  AdwPreferencesGroup *institutions_group;
  AdwPreferencesGroup *divisions_group;

  /* Borrowed References: the rows each group holds now, so they can be
   * replaced when the list changes. */
  GPtrArray           *catalog_rows[PDW_CATALOG_N_KINDS];

  /* Lists to rebuild on the next reload: bit per PdwCatalogKind. */
  guint                reload_catalogs;
};

G_DEFINE_FINAL_TYPE (PdwListsPage, pdw_lists_page, PDW_TYPE_PREFERENCES_PAGE)

static void pdw_lists_page_load_catalog (PdwListsPage   *self,
                                         PdwCatalogKind  kind);

static AdwPreferencesGroup *
pdw_lists_page_catalog_group (PdwListsPage   *self,
                              PdwCatalogKind  kind)
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

static gboolean
pdw_lists_page_save_entry (PdwListsPage   *self,
                           GtkWidget      *row,
                           PdwCatalogKind  kind,
                           const char     *code,
                           const char     *label,
                           gboolean        active)
{
  PdwPreferencesPage *page = PDW_PREFERENCES_PAGE (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  saved = pdw_store_save_catalog_entry (pdw_preferences_page_get_store (page),
                                        kind, code, label, active, &error);
  if (saved == NULL)
    {
      pdw_preferences_page_show_row_error (page, row, error);
      return FALSE;
    }

  gtk_widget_remove_css_class (row, "error");
  self->reload_catalogs |= 1u << kind;
  pdw_preferences_page_queue_reload (page);
  return TRUE;
}

static gboolean
pdw_lists_page_apply_catalog_row (PdwListsPage *self,
                                  AdwEntryRow  *row)
{
  PdwCatalogEntry *entry = g_object_get_data (G_OBJECT (row), "entry");
  GtkSwitch *active = g_object_get_data (G_OBJECT (row), "active-switch");
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*label == '\0' && !pdw_catalog_entry_get_builtin (entry))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      pdw_preferences_page_toast (PDW_PREFERENCES_PAGE (self), _("An entry needs a name"));
      return FALSE;
    }

  return pdw_lists_page_save_entry (self, GTK_WIDGET (row),
                                    pdw_catalog_entry_get_kind (entry),
                                    pdw_catalog_entry_get_code (entry),
                                    label, gtk_switch_get_active (active));
}

static void
catalog_row_apply_cb (PdwListsPage *self,
                      AdwEntryRow  *row)
{
  pdw_lists_page_apply_catalog_row (self, row);
}

static gboolean
catalog_active_set_cb (PdwListsPage *self,
                       gboolean      state,
                       GtkSwitch    *sw)
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

  if (!pdw_lists_page_save_entry (self, row, pdw_catalog_entry_get_kind (entry),
                                  pdw_catalog_entry_get_code (entry), label, state))
    return TRUE;  /* refused: the switch stays where it was */

  return FALSE;
}

static void
catalog_new_row_apply_cb (PdwListsPage *self,
                          AdwEntryRow  *row)
{
  PdwCatalogKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*label == '\0')
    return;

  pdw_lists_page_save_entry (self, GTK_WIDGET (row), kind, NULL, label, TRUE);
}

static GtkWidget *
pdw_lists_page_create_catalog_row (PdwListsPage    *self,
                                   PdwCatalogEntry *entry)
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

static GtkWidget *
pdw_lists_page_create_new_entry_row (PdwListsPage   *self,
                                     PdwCatalogKind  kind)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add an entry: type its name and press Enter"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), gtk_image_new_from_icon_name ("list-add-symbolic"));
  g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (row, "apply", G_CALLBACK (catalog_new_row_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (catalog_new_row_apply_cb), self, G_CONNECT_SWAPPED);

  return row;
}

static void
pdw_lists_page_load_catalog (PdwListsPage   *self,
                             PdwCatalogKind  kind)
{
  PdwPreferencesPage *page = PDW_PREFERENCES_PAGE (self);
  AdwPreferencesGroup *group = pdw_lists_page_catalog_group (self, kind);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *new_row;

  pdw_preferences_page_clear_rows (group, self->catalog_rows[kind]);

  entries = pdw_store_list_catalog (pdw_preferences_page_get_store (page), kind, TRUE, &error);
  if (entries == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The list cannot be read: %s"), error->message);

      pdw_preferences_page_toast (page, message);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      GtkWidget *row = pdw_lists_page_create_catalog_row (self, g_ptr_array_index (entries, i));

      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->catalog_rows[kind], row);
    }

  new_row = pdw_lists_page_create_new_entry_row (self, kind);
  adw_preferences_group_add (group, new_row);
  g_ptr_array_add (self->catalog_rows[kind], new_row);
}

static void
pdw_lists_page_reload (PdwPreferencesPage *page)
{
  PdwListsPage *self = PDW_LISTS_PAGE (page);

  for (guint kind = 0; kind < PDW_CATALOG_N_KINDS; kind++)
    {
      if (self->reload_catalogs & (1u << kind))
        pdw_lists_page_load_catalog (self, (PdwCatalogKind)kind);
    }
  self->reload_catalogs = 0;
}

static void
pdw_lists_page_constructed (GObject *object)
{
  PdwListsPage *self = (PdwListsPage *)object;

  G_OBJECT_CLASS (pdw_lists_page_parent_class)->constructed (object);

  g_assert (pdw_preferences_page_get_store (PDW_PREFERENCES_PAGE (self)) != NULL);

  for (guint kind = 0; kind < PDW_CATALOG_N_KINDS; kind++)
    pdw_lists_page_load_catalog (self, (PdwCatalogKind)kind);
}

static void
pdw_lists_page_dispose (GObject *object)
{
  PdwListsPage *self = (PdwListsPage *)object;

  for (guint i = 0; i < PDW_CATALOG_N_KINDS; i++)
    g_clear_pointer (&self->catalog_rows[i], g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_LISTS_PAGE);

  G_OBJECT_CLASS (pdw_lists_page_parent_class)->dispose (object);
}

static void
pdw_lists_page_class_init (PdwListsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PdwPreferencesPageClass *page_class = PDW_PREFERENCES_PAGE_CLASS (klass);

  object_class->constructed = pdw_lists_page_constructed;
  object_class->dispose = pdw_lists_page_dispose;
  page_class->reload = pdw_lists_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-lists-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwListsPage, types_group);
  gtk_widget_class_bind_template_child (widget_class, PdwListsPage, institutions_group);
  gtk_widget_class_bind_template_child (widget_class, PdwListsPage, divisions_group);
}

static void
pdw_lists_page_init (PdwListsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < PDW_CATALOG_N_KINDS; i++)
    self->catalog_rows[i] = g_ptr_array_new ();
}

gboolean
pdw_lists_page_rename_entry (PdwListsPage   *self,
                             PdwCatalogKind  kind,
                             const char     *code,
                             const char     *label)
{
  GPtrArray *rows;

  g_return_val_if_fail (PDW_IS_LISTS_PAGE (self), FALSE);
  g_return_val_if_fail (kind < PDW_CATALOG_N_KINDS, FALSE);

  rows = self->catalog_rows[kind];
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      PdwCatalogEntry *entry = g_object_get_data (G_OBJECT (row), "entry");

      if (entry != NULL && g_strcmp0 (pdw_catalog_entry_get_code (entry), code) == 0)
        {
          gtk_editable_set_text (GTK_EDITABLE (row), label);
          return pdw_lists_page_apply_catalog_row (self, ADW_ENTRY_ROW (row));
        }
    }

  return FALSE;
}
