/* pdw-report-table.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-report-table.h"

struct _PdwReportTable
{
  GtkBox     parent_instance;

  /* Template Widgets */
  GtkLabel  *title_label;
  GtkLabel  *description_label;
  GtkGrid   *grid;
  GtkLabel  *empty_label;

  guint      n_columns;
  guint      n_rows;
};

G_DEFINE_FINAL_TYPE (PdwReportTable, pdw_report_table, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
cell_label (const char *text,
            guint       column)
{
  GtkWidget *label = gtk_label_new (text);

  if (column == 0)
    {
      /* Kecamatan, institutions and SOP steps can be long: they wrap. */
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
      gtk_widget_set_hexpand (label, TRUE);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }

  return label;
}

static void
pdw_report_table_remove_rows (PdwReportTable *self,
                              guint           first)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->grid));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      int row;

      gtk_grid_query_child (self->grid, child, NULL, &row, NULL, NULL);
      if (row >= (int) first)
        gtk_grid_remove (self->grid, child);
      child = next;
    }
}

GtkWidget *
pdw_report_table_new (void)
{
  return g_object_new (PDW_TYPE_REPORT_TABLE, NULL);
}

void
pdw_report_table_set_title (PdwReportTable *self,
                            const char     *title)
{
  g_return_if_fail (PDW_IS_REPORT_TABLE (self));

  if (g_strcmp0 (gtk_label_get_label (self->title_label), title ? title : "") == 0)
    return;

  gtk_label_set_label (self->title_label, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
pdw_report_table_set_description (PdwReportTable *self,
                                  const char     *description)
{
  g_return_if_fail (PDW_IS_REPORT_TABLE (self));

  if (g_strcmp0 (gtk_label_get_label (self->description_label), description ? description : "") == 0)
    return;

  gtk_label_set_label (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL && *description != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

void
pdw_report_table_set_columns (PdwReportTable     *self,
                              const char * const *titles)
{
  g_return_if_fail (PDW_IS_REPORT_TABLE (self));
  g_return_if_fail (titles != NULL);

  pdw_report_table_remove_rows (self, 0);
  self->n_rows = 0;
  self->n_columns = g_strv_length ((char **) titles);

  for (guint i = 0; i < self->n_columns; i++)
    {
      GtkWidget *label = cell_label (titles[i], i);

      gtk_widget_remove_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      /* A long heading wraps rather than widen its column of numbers. */
      if (i > 0)
        gtk_label_set_max_width_chars (GTK_LABEL (label), 9);
      gtk_label_set_justify (GTK_LABEL (label), i == 0 ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_RIGHT);
      gtk_grid_attach (self->grid, label, i, 0, 1, 1);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), TRUE);
}

void
pdw_report_table_append_row (PdwReportTable     *self,
                             const char * const *cells)
{
  gboolean ended = FALSE;

  g_return_if_fail (PDW_IS_REPORT_TABLE (self));
  g_return_if_fail (cells != NULL);

  self->n_rows++;
  for (guint i = 0; i < self->n_columns; i++)
    {
      ended = ended || cells[i] == NULL;
      gtk_grid_attach (self->grid, cell_label (ended ? "" : cells[i], i), i, self->n_rows, 1, 1);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), FALSE);
}

void
pdw_report_table_clear (PdwReportTable *self)
{
  g_return_if_fail (PDW_IS_REPORT_TABLE (self));

  pdw_report_table_remove_rows (self, 1);
  self->n_rows = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), TRUE);
}

guint
pdw_report_table_get_n_rows (PdwReportTable *self)
{
  g_return_val_if_fail (PDW_IS_REPORT_TABLE (self), 0);

  return self->n_rows;
}

const char *
pdw_report_table_get_cell (PdwReportTable *self,
                           guint           row,
                           guint           column)
{
  GtkWidget *label;

  g_return_val_if_fail (PDW_IS_REPORT_TABLE (self), NULL);

  if (row >= self->n_rows || column >= self->n_columns)
    return NULL;

  label = gtk_grid_get_child_at (self->grid, column, row + 1);
  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static void
pdw_report_table_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PDW_TYPE_REPORT_TABLE);

  G_OBJECT_CLASS (pdw_report_table_parent_class)->dispose (object);
}

static void
pdw_report_table_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PdwReportTable *self = PDW_REPORT_TABLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, gtk_label_get_label (self->description_label));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_report_table_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PdwReportTable *self = PDW_REPORT_TABLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pdw_report_table_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      pdw_report_table_set_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_report_table_class_init (PdwReportTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_report_table_dispose;
  object_class->get_property = pdw_report_table_get_property;
  object_class->set_property = pdw_report_table_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-report-table.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwReportTable, title_label);
  gtk_widget_class_bind_template_child (widget_class, PdwReportTable, description_label);
  gtk_widget_class_bind_template_child (widget_class, PdwReportTable, grid);
  gtk_widget_class_bind_template_child (widget_class, PdwReportTable, empty_label);
}

static void
pdw_report_table_init (PdwReportTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
