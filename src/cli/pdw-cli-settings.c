/* pdw-cli-settings.c: the application's settings for the CLI commands.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/pdw-desk-settings.h"
#include "pdw-cli.h"

GSettings *
pdw_cli_dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Without the schema installed (an uninstalled CLI), GSettings would
   * abort: callers keep their built-in defaults instead. */
  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

char *
pdw_cli_dup_setting (GSettings  *settings,
                     const char *key)
{
  g_autofree char *value = NULL;

  if (settings == NULL)
    return NULL;

  value = g_strstrip (g_settings_get_string (settings, key));
  if (*value == '\0')
    return NULL;

  return g_steal_pointer (&value);
}

void
pdw_cli_apply_sla_settings (PdwStore  *store,
                            GSettings *settings)
{
  g_autoptr(PdwServiceCalendar) calendar = NULL;
  PdwSlaPolicy policy;

  if (settings == NULL)
    return;

  calendar = pdw_desk_settings_new_calendar (settings);
  pdw_desk_settings_get_sla_policy (settings, &policy);
  pdw_store_set_sla (store, calendar, &policy);
}
