/* pdw-preferences-window.c: the container of the preferences pages.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "preferences/pdw-connection-page.h"
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
};

G_DEFINE_FINAL_TYPE (PdwPreferencesWindow, pdw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* As GNOME Calendar's calendar management dialog: every page is its own
 * type, built here with what it edits.  The pages hold the context; the
 * window only shows them. */
static void
pdw_preferences_window_add_pages (PdwPreferencesWindow *self,
                                  PdwContext           *context)
{
  const GType page_types[] = {
    PDW_TYPE_WORKSTATION_PAGE,
    PDW_TYPE_SERVICE_PAGE,
    PDW_TYPE_CONNECTION_PAGE,
    PDW_TYPE_LISTS_PAGE,
    PDW_TYPE_OFFICERS_PAGE,
    PDW_TYPE_TEMPLATES_PAGE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    {
      GtkWidget *page = g_object_new (page_types[i], "context", context, NULL);

      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
    }
}

GtkWindow *
pdw_preferences_window_new (GtkWindow  *parent,
                            PdwContext *context)
{
  PdwPreferencesWindow *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PDW_IS_CONTEXT (context), NULL);

  self = g_object_new (PDW_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  pdw_preferences_window_add_pages (self, context);

  return GTK_WINDOW (self);
}

static void
pdw_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PDW_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (pdw_preferences_window_parent_class)->dispose (object);
}

static void
pdw_preferences_window_class_init (PdwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_preferences_window_dispose;

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
