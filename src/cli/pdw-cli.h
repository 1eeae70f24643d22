/* pdw-cli.h: the subcommands of pandawa-cli.  Each takes the arguments after
 * its own name (argv[0] is the subcommand) and returns the exit status:
 * 0 success, 1 the input was invalid or the operation failed, 2 usage error.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/pdw-store.h"

G_BEGIN_DECLS

#define PDW_CLI_EXIT_OK      0
#define PDW_CLI_EXIT_INVALID 1
#define PDW_CLI_EXIT_USAGE   2

int pdw_cli_serve   (int argc, char **argv);   /* pdw-cli-serve.c */
int pdw_cli_send    (int argc, char **argv);   /* pdw-cli-send.c */
int pdw_cli_export  (int argc, char **argv);   /* pdw-cli-export.c */
int pdw_cli_nik     (int argc, char **argv);   /* pdw-cli-identity.c */
int pdw_cli_kk      (int argc, char **argv);   /* pdw-cli-identity.c */
int pdw_cli_extract (int argc, char **argv);   /* pdw-cli-identity.c */
int pdw_cli_consolidation (int argc, char **argv); /* pdw-cli-consolidation.c */
int pdw_cli_card    (int argc, char **argv);   /* pdw-cli-card.c */
int pdw_cli_report  (int argc, char **argv);   /* pdw-cli-report.c */
int pdw_cli_generate (int argc, char **argv);  /* pdw-cli-generate.c */
int pdw_cli_search  (int argc, char **argv);   /* pdw-cli-search.c */
int pdw_cli_check   (int argc, char **argv);   /* pdw-cli-search.c */

/* pdw-cli-store.c.  The database at @db (NULL: the application's), or NULL
 * with the reason printed when it does not exist or cannot be opened. */
PdwStore  *pdw_cli_open_existing_store (const char *db);

/* pdw-cli-settings.c.  The app's GSettings, or NULL when the schema is not
 * installed (an uninstalled CLI): callers then keep the shipped defaults. */
GSettings *pdw_cli_dup_settings       (void);
/* A string setting, stripped; NULL when @settings is NULL or it is empty. */
char      *pdw_cli_dup_setting        (GSettings  *settings,
                                       const char *key);
/* The office's service calendar and SLA policy for the store's due times
 * (an action may start the SLA clock); nothing when @settings is NULL. */
void       pdw_cli_apply_sla_settings (PdwStore   *store,
                                       GSettings  *settings);

G_END_DECLS
