/* pdw-toast.h: the desk's toasts, phrased as results ("Disimpan: …"), for
 * a file just written with a *Buka* button that opens it (win.open-uri).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* "Saved: @what", with Open on @path (absolute). */
AdwToast *pdw_toast_new_saved_file        (const char     *what,
                                           const char     *path);
/* Gives @toast the Open button on @path (absolute). */
void      pdw_toast_add_open_button       (AdwToast       *toast,
                                           const char     *path);
/* Installs win.open-uri ("s") on a window class whose toasts open files. */
void      pdw_toast_install_open_action   (GtkWidgetClass *widget_class);

G_END_DECLS
