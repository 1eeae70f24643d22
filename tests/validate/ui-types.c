/* ui-types.c: the module that build-aux/validate-ui.sh preloads into
 * gtk4-builder-tool.  It carries the whole private library, so that
 * GtkBuilder resolves our widget types lazily (pdw_foo_get_type), and it
 * registers the libadwaita classes our templates derive from: a template's
 * parent is looked up by name only, never resolved lazily. */
#include "config.h"

#include <adwaita.h>

#include "gui/preferences/pdw-preferences-page.h"

void pdw_ui_types_register (void) __attribute__ ((constructor));

void
pdw_ui_types_register (void)
{
  g_type_ensure (ADW_TYPE_APPLICATION_WINDOW);
  g_type_ensure (ADW_TYPE_WINDOW);
  g_type_ensure (ADW_TYPE_BIN);
  g_type_ensure (ADW_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (ADW_TYPE_MESSAGE_DIALOG);
  g_type_ensure (ADW_TYPE_ACTION_ROW);
  g_type_ensure (ADW_TYPE_ENTRY_ROW);
  g_type_ensure (ADW_TYPE_PREFERENCES_PAGE);
  g_type_ensure (ADW_TYPE_PREFERENCES_GROUP);
  g_type_ensure (GTK_TYPE_BOX);
  /* Ours, but the parent of the preferences pages' templates. */
  g_type_ensure (PDW_TYPE_PREFERENCES_PAGE);
}
