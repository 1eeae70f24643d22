/* pdw-preferences-window.h: the desk's settings (officer, service hours and
 * promise, the office's lists, the staff, reply templates).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/pdw-store.h"

G_BEGIN_DECLS

#define PDW_TYPE_PREFERENCES_WINDOW (pdw_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PdwPreferencesWindow, pdw_preferences_window, PDW, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Properties: store (PdwStore), settings (GSettings of APP_ID), both
 * construct-only. */
GtkWindow *pdw_preferences_window_new               (GtkWindow            *parent,
                                                     PdwStore             *store,
                                                     GSettings            *settings);

/* For tests: what an officer does on the Lists and Templates pages. */
gboolean   pdw_preferences_window_rename_entry      (PdwPreferencesWindow *self,
                                                     PdwCatalogKind        kind,
                                                     const char           *code,
                                                     const char           *label);
gboolean   pdw_preferences_window_add_template      (PdwPreferencesWindow *self,
                                                     const char           *title,
                                                     const char           *body);

G_END_DECLS
