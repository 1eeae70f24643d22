/* pdw-cli-generate.c (being written this session; replaced by its owner) */
#include "config.h"

#include <stdio.h>

#include "pdw-cli.h"

int
pdw_cli_generate (int    argc,
            char **argv)
{
  (void) argc;
  (void) argv;
  fprintf (stderr, "not built yet\n");
  return PDW_CLI_EXIT_USAGE;
}
