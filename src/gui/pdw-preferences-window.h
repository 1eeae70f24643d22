/* pdw-preferences-window.h: the desk's settings, one page each (officer,
 * service hours and promise, the office's lists, the staff, reply
 * templates; see gui/preferences/).
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

/* The store and the settings (GSettings of APP_ID) are handed to every
 * page. */
GtkWindow *pdw_preferences_window_new (GtkWindow *parent,
                                       PdwStore  *store,
                                       GSettings *settings);

G_END_DECLS
