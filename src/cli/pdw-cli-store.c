/* pdw-cli-store.c: the database the reading commands work on.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-cli.h"

PdwStore *
pdw_cli_open_existing_store (const char *db)
{
  g_autofree char *path = db != NULL ? g_strdup (db) : pdw_store_dup_default_path (FALSE);
  g_autoptr(GError) error = NULL;
  PdwStore *store;

  /* Opening creates a missing database: a command that reads one, prints a
   * card or exports must never do that. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("The database “%s” does not exist."), path);
      g_printerr ("\n");
      return NULL;
    }

  if ((store = pdw_store_open (path, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }

  return store;
}
