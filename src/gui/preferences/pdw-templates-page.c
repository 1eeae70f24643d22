/* pdw-templates-page.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-template-editor.h"
#include "pdw-templates-page.h"

struct _PdwTemplatesPage
{
  PdwPreferencesPage   parent_instance;

  /* Template Widgets */
  AdwPreferencesGroup *templates_group;
  GtkWidget           *add_button;

  /* Borrowed References */
  GPtrArray           *template_rows;
  PdwTemplateEditor   *editor;          /* weak: the subpage, while open */
};

G_DEFINE_FINAL_TYPE (PdwTemplatesPage, pdw_templates_page, PDW_TYPE_PREFERENCES_PAGE)

static gboolean
text_is_blank (const char *text)
{
  g_autofree char *copy = g_strdup (text ? text : "");

  return *g_strstrip (copy) == '\0';
}

static AdwPreferencesWindow *
pdw_templates_page_get_window (PdwTemplatesPage *self)
{
  return ADW_PREFERENCES_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW));
}

static GtkWidget *
pdw_templates_page_create_template_row (PdwTemplatesPage *self,
                                        PdwReplyTemplate *template);

static void
pdw_templates_page_load_templates (PdwTemplatesPage *self)
{
  PdwPreferencesPage *page = PDW_PREFERENCES_PAGE (self);
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  pdw_preferences_page_clear_rows (self->templates_group, self->template_rows);

  templates = pdw_store_list_reply_templates (pdw_preferences_page_get_store (page), &error);
  if (templates == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The templates cannot be read: %s"), error->message);

      pdw_preferences_page_toast (page, message);
      return;
    }

  for (guint i = 0; i < templates->len; i++)
    {
      GtkWidget *row = pdw_templates_page_create_template_row (self, g_ptr_array_index (templates, i));

      adw_preferences_group_add (self->templates_group, row);
      g_ptr_array_add (self->template_rows, row);
    }
}

static void
pdw_templates_page_close_editor (PdwTemplatesPage *self)
{
  g_clear_weak_pointer (&self->editor);
  adw_preferences_window_close_subpage (pdw_templates_page_get_window (self));
}

/* After a change the store accepted: the list shows it, the subpage goes. */
static void
pdw_templates_page_finish_editing (PdwTemplatesPage *self,
                                   const char       *message)
{
  pdw_templates_page_load_templates (self);
  pdw_templates_page_close_editor (self);
  pdw_preferences_page_toast (PDW_PREFERENCES_PAGE (self), message);
}

static gboolean
pdw_templates_page_save_editor (PdwTemplatesPage *self)
{
  PdwStore *store = pdw_preferences_page_get_store (PDW_PREFERENCES_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *body = pdw_template_editor_dup_body (self->editor);
  g_autofree char *saved = NULL;
  const char *title = pdw_template_editor_get_title (self->editor);

  if (text_is_blank (title) || text_is_blank (body))
    {
      pdw_template_editor_show_error (self->editor, _("A template needs a title and a message"));
      return FALSE;
    }

  saved = pdw_store_save_reply_template (store, pdw_template_editor_get_name (self->editor),
                                         title, body, &error);
  if (saved == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

      /* The subpage stays open with everything typed. */
      pdw_template_editor_show_error (self->editor, message);
      return FALSE;
    }

  pdw_templates_page_finish_editing (self, _("Template saved"));
  return TRUE;
}

static void
editor_save_cb (PdwTemplatesPage *self)
{
  pdw_templates_page_save_editor (self);
}

static void
editor_restore_cb (PdwTemplatesPage *self)
{
  PdwStore *store = pdw_preferences_page_get_store (PDW_PREFERENCES_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (!pdw_store_reset_reply_template (store, pdw_template_editor_get_name (self->editor), &error))
    {
      pdw_template_editor_show_error (self->editor, error->message);
      return;
    }

  pdw_templates_page_finish_editing (self, _("Shipped text restored"));
}

static void
delete_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           PdwTemplatesPage *self)
{
  PdwStore *store = pdw_preferences_page_get_store (PDW_PREFERENCES_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->editor == NULL ||
      pdw_template_editor_get_name (self->editor) == NULL)
    return;

  if (!pdw_store_delete_reply_template (store, pdw_template_editor_get_name (self->editor), &error))
    {
      pdw_template_editor_show_error (self->editor, error->message);
      return;
    }

  pdw_templates_page_finish_editing (self, _("Template deleted"));
}

static void
editor_delete_cb (PdwTemplatesPage *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (pdw_templates_page_get_window (self)),
                                   _("Delete this template?"),
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

/* template NULL: a new one. */
static void
pdw_templates_page_open_editor (PdwTemplatesPage *self,
                                PdwReplyTemplate *template)
{
  GSettings *settings = pdw_preferences_page_get_settings (PDW_PREFERENCES_PAGE (self));
  GtkWidget *editor = pdw_template_editor_new (template, settings);

  g_set_weak_pointer (&self->editor, PDW_TEMPLATE_EDITOR (editor));
  g_signal_connect_object (editor, "back", G_CALLBACK (pdw_templates_page_close_editor), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "save", G_CALLBACK (editor_save_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "restore", G_CALLBACK (editor_restore_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "delete", G_CALLBACK (editor_delete_cb), self, G_CONNECT_SWAPPED);

  adw_preferences_window_present_subpage (pdw_templates_page_get_window (self), editor);
}

static void
template_row_activated_cb (PdwTemplatesPage *self,
                           AdwActionRow     *row)
{
  pdw_templates_page_open_editor (self, g_object_get_data (G_OBJECT (row), "template"));
}

static GtkWidget *
pdw_templates_page_create_template_row (PdwTemplatesPage *self,
                                        PdwReplyTemplate *template)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *summary = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pdw_reply_template_get_title (template));
  /* One line of the body: subtitle-lines does not fold line breaks. */
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

  return row;
}

static void
add_template_clicked_cb (PdwTemplatesPage *self)
{
  pdw_templates_page_open_editor (self, NULL);
}

static void
pdw_templates_page_constructed (GObject *object)
{
  PdwTemplatesPage *self = (PdwTemplatesPage *)object;

  G_OBJECT_CLASS (pdw_templates_page_parent_class)->constructed (object);

  g_assert (pdw_preferences_page_get_store (PDW_PREFERENCES_PAGE (self)) != NULL);

  pdw_templates_page_load_templates (self);
}

static void
pdw_templates_page_dispose (GObject *object)
{
  PdwTemplatesPage *self = (PdwTemplatesPage *)object;

  g_clear_weak_pointer (&self->editor);
  g_clear_pointer (&self->template_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_TEMPLATES_PAGE);

  G_OBJECT_CLASS (pdw_templates_page_parent_class)->dispose (object);
}

static void
pdw_templates_page_class_init (PdwTemplatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pdw_templates_page_constructed;
  object_class->dispose = pdw_templates_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-templates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwTemplatesPage, templates_group);
  gtk_widget_class_bind_template_child (widget_class, PdwTemplatesPage, add_button);
}

static void
pdw_templates_page_init (PdwTemplatesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_template_clicked_cb), self, G_CONNECT_SWAPPED);
  self->template_rows = g_ptr_array_new ();
}

gboolean
pdw_templates_page_add_template (PdwTemplatesPage *self,
                                 const char       *title,
                                 const char       *body)
{
  g_return_val_if_fail (PDW_IS_TEMPLATES_PAGE (self), FALSE);

  /* A refused save leaves the new template's page open, as for an officer. */
  if (self->editor == NULL || pdw_template_editor_get_name (self->editor) != NULL)
    add_template_clicked_cb (self);
  pdw_template_editor_set_text (self->editor, title, body);
  return pdw_templates_page_save_editor (self);
}
