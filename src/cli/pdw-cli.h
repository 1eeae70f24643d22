/* pdw-cli.h: the subcommands of pandawa-cli.  Each takes the arguments after
 * its own name (argv[0] is the subcommand) and returns the exit status:
 * 0 success, 1 the input was invalid or the operation failed, 2 usage error.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PDW_CLI_EXIT_OK      0
#define PDW_CLI_EXIT_INVALID 1
#define PDW_CLI_EXIT_USAGE   2

int pdw_cli_serve   (int argc, char **argv);   /* pdw-cli-serve.c */
int pdw_cli_export  (int argc, char **argv);   /* pdw-cli-export.c */
int pdw_cli_nik     (int argc, char **argv);   /* pdw-cli-identity.c */
int pdw_cli_kk      (int argc, char **argv);   /* pdw-cli-identity.c */
int pdw_cli_extract (int argc, char **argv);   /* pdw-cli-identity.c */
int pdw_cli_consolidation (int argc, char **argv); /* pdw-cli-consolidation.c */
int pdw_cli_card    (int argc, char **argv);   /* pdw-cli-card.c */
int pdw_cli_generate (int argc, char **argv);  /* pdw-cli-generate.c */

G_END_DECLS
