/* pdw-composer.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-composer.h"

struct _PdwComposer
{
  GtkWidget    parent_instance;

  /* Template Widgets */
  GtkTextView *text_view;
  GtkLabel    *placeholder_label;
  GtkButton   *send_button;

  gboolean     empty;
};

G_DEFINE_FINAL_TYPE (PdwComposer, pdw_composer, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EMPTY,
  PROP_PLACEHOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
text_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static void
buffer_changed_cb (PdwComposer   *self,
                   GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter begin, end;
  gboolean empty;

  g_assert (PDW_IS_COMPOSER (self));

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  text = gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
  empty = text_is_blank (text);

  /* The placeholder goes as soon as anything is typed, even a space. */
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label), *text == '\0');

  if (empty != self->empty)
    {
      self->empty = empty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
    }
}

static gboolean
key_pressed_cb (PdwComposer           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  g_assert (PDW_IS_COMPOSER (self));

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;

  /* Shift+Enter (and Ctrl+Enter) let the text view insert a line break. */
  if ((state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "chat.send", NULL);
  return TRUE;
}

GtkWidget *
pdw_composer_new (void)
{
  return g_object_new (PDW_TYPE_COMPOSER, NULL);
}

char *
pdw_composer_dup_text (PdwComposer *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter begin, end;

  g_return_val_if_fail (PDW_IS_COMPOSER (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  return gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
}

void
pdw_composer_set_text (PdwComposer *self,
                       const char  *text)
{
  g_return_if_fail (PDW_IS_COMPOSER (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}

void
pdw_composer_clear (PdwComposer *self)
{
  pdw_composer_set_text (self, "");
}

gboolean
pdw_composer_get_empty (PdwComposer *self)
{
  g_return_val_if_fail (PDW_IS_COMPOSER (self), TRUE);

  return self->empty;
}

void
pdw_composer_set_placeholder (PdwComposer *self,
                              const char  *placeholder)
{
  g_return_if_fail (PDW_IS_COMPOSER (self));

  if (g_strcmp0 (gtk_label_get_text (self->placeholder_label), placeholder) == 0)
    return;

  gtk_label_set_text (self->placeholder_label, placeholder ? placeholder : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER]);
}

void
pdw_composer_grab_text_focus (PdwComposer *self)
{
  g_return_if_fail (PDW_IS_COMPOSER (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

GtkWidget *
pdw_composer_get_send_button (PdwComposer *self)
{
  g_return_val_if_fail (PDW_IS_COMPOSER (self), NULL);

  return GTK_WIDGET (self->send_button);
}

static void
pdw_composer_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), PDW_TYPE_COMPOSER);
  /* GTK 4.8 only unparents the children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pdw_composer_parent_class)->dispose (object);
}

static void
pdw_composer_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PdwComposer *self = PDW_COMPOSER (object);

  switch (prop_id)
    {
    case PROP_EMPTY:
      g_value_set_boolean (value, self->empty);
      break;

    case PROP_PLACEHOLDER:
      g_value_set_string (value, gtk_label_get_text (self->placeholder_label));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_composer_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PdwComposer *self = PDW_COMPOSER (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER:
      pdw_composer_set_placeholder (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_composer_class_init (PdwComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_composer_dispose;
  object_class->get_property = pdw_composer_get_property;
  object_class->set_property = pdw_composer_set_property;

  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-composer.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwComposer, text_view);
  gtk_widget_class_bind_template_child (widget_class, PdwComposer, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, PdwComposer, send_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "composer");
}

static void
pdw_composer_init (PdwComposer *self)
{
  GtkEventController *keys;

  self->empty = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Capture phase: Enter must send before the text view inserts a newline.
   * Connected here rather than in the .ui so the template validates with
   * gtk4-builder-tool, which cannot see static callbacks. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
}
