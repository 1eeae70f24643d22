/* pdw-template-editor.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-desk-settings.h"
#include "core/pdw-template.h"

#include "pdw-template-editor.h"

struct _PdwTemplateEditor
{
  GtkBox            parent_instance;

  /* Template Widgets */
  GtkWidget        *back_button;
  AdwWindowTitle   *window_title;
  AdwEntryRow      *title_row;
  GtkTextView      *text_view;
  GtkFlowBox       *variable_chips;
  GtkLabel         *preview_label;
  GtkLabel         *error_label;
  GtkWidget        *restore_button;
  GtkWidget        *delete_button;
  GtkWidget        *save_button;

  /* Owned References */
  PdwReplyTemplate *template;
  GSettings        *settings;
};

G_DEFINE_FINAL_TYPE (PdwTemplateEditor, pdw_template_editor, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_TEMPLATE,
  PROP_SETTINGS,
  N_PROPS
};

enum {
  BACK,
  SAVE,
  RESTORE,
  DELETE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const template_variables[] = {
  "nama", "nik_masked", "tiket", "batas_waktu", "petugas", "jam_buka", "alasan",
};

/* The preview's variable filling, kept in one place so that the desk's
 * own filling can replace it. */
static char *
pdw_template_editor_render_sample (PdwTemplateEditor *self,
                                   const char        *body)
{
  PdwTemplateVars vars = PDW_TEMPLATE_VARS_INIT;
  g_autoptr(PdwServiceCalendar) calendar = pdw_desk_settings_new_calendar (self->settings);
  g_autofree char *officer = g_settings_get_string (self->settings, "officer-name");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_auto(GStrv) unknown = NULL;

  /* Synthetic sample values, never a real citizen. */
  vars.nama = "Siti Aminah";
  vars.nik = "1471010101900001";
  vars.tiket = "PDW-2026-01-00042";
  vars.batas_waktu = now + 48 * 60 * 60;
  vars.petugas = *officer != '\0' ? officer : _("Officer name");
  vars.jam_buka = pdw_service_calendar_next_opening (calendar, now);
  vars.alasan = "NIK terdaftar di Disdukcapil kabupaten/kota lain";

  return pdw_template_render_vars (body, &vars, &unknown);
}

/* Every known variable has a sample value, so whatever is still unknown
 * is a typo the officer should see before citizens do. */
static void
pdw_template_editor_check_variables (PdwTemplateEditor *self,
                                     const char        *body)
{
  PdwTemplateVars vars = PDW_TEMPLATE_VARS_INIT;
  g_autoptr(GPtrArray) typos = g_ptr_array_new ();
  g_auto(GStrv) unknown = NULL;
  g_autofree char *checked = NULL;

  checked = pdw_template_render_vars (body, &vars, &unknown);

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

      pdw_template_editor_show_error (self, message);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
buffer_changed_cb (PdwTemplateEditor *self)
{
  g_autofree char *body = pdw_template_editor_dup_body (self);
  g_autofree char *preview = pdw_template_editor_render_sample (self, body);

  gtk_label_set_text (self->preview_label, preview);
  pdw_template_editor_check_variables (self, body);
}

static void
variable_chip_clicked_cb (PdwTemplateEditor *self,
                          GtkButton         *button)
{
  g_autofree char *text = g_strdup_printf ("{%s}", (const char *)g_object_get_data (G_OBJECT (button), "variable"));

  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (self->text_view), text, -1);
}

static void
pdw_template_editor_add_variable_chips (PdwTemplateEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (template_variables); i++)
    {
      g_autofree char *label = g_strdup_printf ("{%s}", template_variables[i]);
      GtkWidget *chip = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (chip, "pill");
      gtk_widget_add_css_class (chip, "small");
      g_object_set_data (G_OBJECT (chip), "variable", (gpointer)template_variables[i]);
      g_signal_connect_object (chip, "clicked", G_CALLBACK (variable_chip_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->variable_chips, chip);
    }
}

static void
back_clicked_cb (PdwTemplateEditor *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
save_clicked_cb (PdwTemplateEditor *self)
{
  g_signal_emit (self, signals[SAVE], 0);
}

static void
restore_clicked_cb (PdwTemplateEditor *self)
{
  g_signal_emit (self, signals[RESTORE], 0);
}

static void
delete_clicked_cb (PdwTemplateEditor *self)
{
  g_signal_emit (self, signals[DELETE], 0);
}

static void
pdw_template_editor_constructed (GObject *object)
{
  PdwTemplateEditor *self = (PdwTemplateEditor *)object;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  G_OBJECT_CLASS (pdw_template_editor_parent_class)->constructed (object);

  g_assert (self->settings != NULL);

  adw_window_title_set_title (self->window_title,
                              self->template ? _("Edit Template") : _("New Template"));
  if (self->template != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), pdw_reply_template_get_title (self->template));
      gtk_text_buffer_set_text (buffer, pdw_reply_template_get_body (self->template), -1);
    }

  /* A shipped template can only go back to its shipped text; one the
   * office wrote can go altogether. */
  gtk_widget_set_visible (self->restore_button,
                          self->template != NULL && pdw_reply_template_get_builtin (self->template));
  gtk_widget_set_visible (self->delete_button,
                          self->template != NULL && !pdw_reply_template_get_builtin (self->template));

  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  buffer_changed_cb (self);
}

static void
pdw_template_editor_dispose (GObject *object)
{
  PdwTemplateEditor *self = (PdwTemplateEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_TEMPLATE_EDITOR);

  g_clear_object (&self->template);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pdw_template_editor_parent_class)->dispose (object);
}

static void
pdw_template_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PdwTemplateEditor *self = PDW_TEMPLATE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      g_value_set_object (value, self->template);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_template_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PdwTemplateEditor *self = PDW_TEMPLATE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      self->template = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_template_editor_class_init (PdwTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pdw_template_editor_constructed;
  object_class->dispose = pdw_template_editor_dispose;
  object_class->get_property = pdw_template_editor_get_property;
  object_class->set_property = pdw_template_editor_set_property;

  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL, PDW_TYPE_REPLY_TEMPLATE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[RESTORE] = g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwTemplateEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, PdwTemplateEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, PdwTemplateEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, PdwTemplateEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, PdwTemplateEditor, variable_chips);
  gtk_widget_class_bind_template_child (widget_class, PdwTemplateEditor, preview_label);
  gtk_widget_class_bind_template_child (widget_class, PdwTemplateEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdwTemplateEditor, restore_button);
  gtk_widget_class_bind_template_child (widget_class, PdwTemplateEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, PdwTemplateEditor, save_button);
}

static void
pdw_template_editor_init (PdwTemplateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->restore_button, "clicked", G_CALLBACK (restore_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self, G_CONNECT_SWAPPED);
  pdw_template_editor_add_variable_chips (self);
}

GtkWidget *
pdw_template_editor_new (PdwReplyTemplate *template,
                         GSettings        *settings)
{
  g_return_val_if_fail (!template || PDW_IS_REPLY_TEMPLATE (template), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PDW_TYPE_TEMPLATE_EDITOR,
                       "template", template,
                       "settings", settings,
                       NULL);
}

/* The template's name in the store, or NULL while writing a new one. */
const char *
pdw_template_editor_get_name (PdwTemplateEditor *self)
{
  g_return_val_if_fail (PDW_IS_TEMPLATE_EDITOR (self), NULL);

  return self->template ? pdw_reply_template_get_name (self->template) : NULL;
}

const char *
pdw_template_editor_get_title (PdwTemplateEditor *self)
{
  g_return_val_if_fail (PDW_IS_TEMPLATE_EDITOR (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->title_row));
}

char *
pdw_template_editor_dup_body (PdwTemplateEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter begin, end;

  g_return_val_if_fail (PDW_IS_TEMPLATE_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  return gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
}

void
pdw_template_editor_set_text (PdwTemplateEditor *self,
                              const char        *title,
                              const char        *body)
{
  g_return_if_fail (PDW_IS_TEMPLATE_EDITOR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), body, -1);
}

void
pdw_template_editor_show_error (PdwTemplateEditor *self,
                                const char        *message)
{
  g_return_if_fail (PDW_IS_TEMPLATE_EDITOR (self));

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}
