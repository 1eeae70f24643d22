/* pdw-preferences-page.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "pdw-preferences-page.h"

#define NIP_LENGTH 18

typedef struct
{
  /* Rebuilding waits for an idle: a row must not be destroyed while it is
   * emitting the signal that changed its list. */
  guint      reload_id;

  /* Owned References */
  PdwStore  *store;
  GSettings *settings;
} PdwPreferencesPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PdwPreferencesPage, pdw_preferences_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
reload_idle_cb (gpointer user_data)
{
  PdwPreferencesPage *self = user_data;
  PdwPreferencesPagePrivate *priv = pdw_preferences_page_get_instance_private (self);

  priv->reload_id = 0;
  if (PDW_PREFERENCES_PAGE_GET_CLASS (self)->reload != NULL)
    PDW_PREFERENCES_PAGE_GET_CLASS (self)->reload (self);
  return G_SOURCE_REMOVE;
}

static void
pdw_preferences_page_dispose (GObject *object)
{
  PdwPreferencesPage *self = (PdwPreferencesPage *)object;
  PdwPreferencesPagePrivate *priv = pdw_preferences_page_get_instance_private (self);

  g_clear_handle_id (&priv->reload_id, g_source_remove);
  g_clear_object (&priv->store);
  g_clear_object (&priv->settings);

  G_OBJECT_CLASS (pdw_preferences_page_parent_class)->dispose (object);
}

static void
pdw_preferences_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PdwPreferencesPage *self = PDW_PREFERENCES_PAGE (object);
  PdwPreferencesPagePrivate *priv = pdw_preferences_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, priv->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_preferences_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PdwPreferencesPage *self = PDW_PREFERENCES_PAGE (object);
  PdwPreferencesPagePrivate *priv = pdw_preferences_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      priv->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_preferences_page_class_init (PdwPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pdw_preferences_page_dispose;
  object_class->get_property = pdw_preferences_page_get_property;
  object_class->set_property = pdw_preferences_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PDW_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pdw_preferences_page_init (PdwPreferencesPage *self)
{
}

PdwStore *
pdw_preferences_page_get_store (PdwPreferencesPage *self)
{
  PdwPreferencesPagePrivate *priv = pdw_preferences_page_get_instance_private (self);

  g_return_val_if_fail (PDW_IS_PREFERENCES_PAGE (self), NULL);

  return priv->store;
}

GSettings *
pdw_preferences_page_get_settings (PdwPreferencesPage *self)
{
  PdwPreferencesPagePrivate *priv = pdw_preferences_page_get_instance_private (self);

  g_return_val_if_fail (PDW_IS_PREFERENCES_PAGE (self), NULL);

  return priv->settings;
}

/* Toasts belong to the window, so a page outside one says nothing. */
void
pdw_preferences_page_toast (PdwPreferencesPage *self,
                            const char         *message)
{
  GtkWidget *window;

  g_return_if_fail (PDW_IS_PREFERENCES_PAGE (self));

  window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);
  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (message));
}

/* Store errors stay next to what the officer typed: the row turns red, the
 * text is left as it is, and a toast says why. */
void
pdw_preferences_page_show_row_error (PdwPreferencesPage *self,
                                     GtkWidget          *row,
                                     const GError       *error)
{
  g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

  gtk_widget_add_css_class (row, "error");
  pdw_preferences_page_toast (self, message);
}

void
pdw_preferences_page_clear_rows (AdwPreferencesGroup *group,
                                 GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

void
pdw_preferences_page_queue_reload (PdwPreferencesPage *self)
{
  PdwPreferencesPagePrivate *priv = pdw_preferences_page_get_instance_private (self);

  g_return_if_fail (PDW_IS_PREFERENCES_PAGE (self));

  if (priv->reload_id == 0)
    priv->reload_id = g_idle_add (reload_idle_cb, self);
}

/* A NIP goes on every control card the officer signs: empty, or 18 digits. */
gboolean
pdw_preferences_nip_is_valid (const char *nip)
{
  return *nip == '\0' || (strlen (nip) == NIP_LENGTH && strspn (nip, "0123456789") == NIP_LENGTH);
}
