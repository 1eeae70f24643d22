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
  g_autofree char *uri = NULL;
  AdwToast *toast;

  g_return_val_if_fail (what != NULL, NULL);
  g_return_val_if_fail (path != NULL && g_path_is_absolute (path), NULL);

  /* Translators: a toast after a file was written, e.g. "Saved: control card PDW-2026-12-00006" */
  title = g_strdup_printf (_("Saved: %s"), what);
  uri = g_filename_to_uri (path, NULL, NULL);

  toast = adw_toast_new (title);
  /* Long enough to reach for the button. */
  adw_toast_set_timeout (toast, 8);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }

  return toast;
}
