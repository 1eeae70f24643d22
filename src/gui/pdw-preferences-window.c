/* pdw-preferences-window.c: the container of the preferences pages.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "preferences/pdw-lists-page.h"
#include "preferences/pdw-officers-page.h"
#include "preferences/pdw-service-page.h"
#include "preferences/pdw-templates-page.h"
#include "preferences/pdw-workstation-page.h"

#include "pdw-preferences-window.h"
#include "pdw-resources.h"

struct _PdwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

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

/* As GNOME Calendar's calendar management dialog: every page is its own
 * type, built here with what it edits. */
static void
pdw_preferences_window_add_pages (PdwPreferencesWindow *self)
{
  const GType page_types[] = {
    PDW_TYPE_WORKSTATION_PAGE,
    PDW_TYPE_SERVICE_PAGE,
    PDW_TYPE_LISTS_PAGE,
    PDW_TYPE_OFFICERS_PAGE,
    PDW_TYPE_TEMPLATES_PAGE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    {
      GtkWidget *page = g_object_new (page_types[i],
                                      "store", self->store,
                                      "settings", self->settings,
                                      NULL);

      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
    }
}

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

static void
pdw_preferences_window_constructed (GObject *object)
{
  PdwPreferencesWindow *self = (PdwPreferencesWindow *)object;

  G_OBJECT_CLASS (pdw_preferences_window_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->settings != NULL);

  pdw_preferences_window_add_pages (self);
}

static void
pdw_preferences_window_dispose (GObject *object)
{
  PdwPreferencesWindow *self = (PdwPreferencesWindow *)object;

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
}

static void
pdw_preferences_window_init (PdwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
