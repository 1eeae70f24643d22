/* pdw-preferences-page.h: what every page of the preferences window shares:
 * the store and the one GSettings it edits, toasts, and rebuilding a list
 * once the signal that changed it has returned.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/pdw-store.h"

G_BEGIN_DECLS

#define PDW_TYPE_PREFERENCES_PAGE (pdw_preferences_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (PdwPreferencesPage, pdw_preferences_page, PDW, PREFERENCES_PAGE, AdwPreferencesPage)

struct _PdwPreferencesPageClass
{
  AdwPreferencesPageClass parent_class;

  /* Rebuilds what pdw_preferences_page_queue_reload() was asked for. */
  void (*reload) (PdwPreferencesPage *self);
};

/* Properties: store (PdwStore), settings (GSettings of APP_ID), both
 * construct-only; the window hands every page the same two. */
PdwStore   *pdw_preferences_page_get_store     (PdwPreferencesPage *self);
GSettings  *pdw_preferences_page_get_settings  (PdwPreferencesPage *self);
void        pdw_preferences_page_toast         (PdwPreferencesPage *self,
                                                const char         *message);
void        pdw_preferences_page_show_row_error (PdwPreferencesPage *self,
                                                GtkWidget          *row,
                                                const GError       *error);
void        pdw_preferences_page_clear_rows    (AdwPreferencesGroup *group,
                                                GPtrArray           *rows);
void        pdw_preferences_page_queue_reload  (PdwPreferencesPage *self);

gboolean    pdw_preferences_nip_is_valid       (const char         *nip);

G_END_DECLS
