/* pdw-toast.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-toast.h"

AdwToast *
pdw_toast_new_saved_file (const char *what,
                          const char *path)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (what != NULL, NULL);
  g_return_val_if_fail (path != NULL && g_path_is_absolute (path), NULL);

  /* Translators: a toast after a file was written, e.g. "Saved: control card PDW-2026-12-00006" */
  title = g_strdup_printf (_("Saved: %s"), what);
  toast = adw_toast_new (title);
  pdw_toast_add_open_button (toast, path);

  return toast;
}

void
pdw_toast_add_open_button (AdwToast   *toast,
                           const char *path)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (ADW_IS_TOAST (toast));
  g_return_if_fail (path != NULL && g_path_is_absolute (path));

  /* Long enough to reach for the button. */
  adw_toast_set_timeout (toast, MAX (adw_toast_get_timeout (toast), 8));
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    return;

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

void
pdw_toast_install_open_action (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
}
