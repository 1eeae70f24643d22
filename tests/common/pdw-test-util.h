/* pdw-test-util.h: the main loop with a guard, temporary trees and the
 * data files of tests/data, for every test.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Aborts the test with @what if it is still running after a minute: a
 * guard against hanging, not a timing assertion.  Remove the returned
 * source once the wait is over. */
guint   pdw_test_add_guard            (const char *what);

/* Spins the default main context until @cond holds. */
#define SPIN_UNTIL(cond) G_STMT_START {                  \
    guint guard_ = pdw_test_add_guard (#cond);           \
    while (!(cond))                                      \
      g_main_context_iteration (NULL, TRUE);             \
    g_source_remove (guard_);                            \
  } G_STMT_END

/* Runs everything that is ready now without waiting for timers. */
void    pdw_test_drain_main_context   (void);

/* Removes @path, a file or a directory with everything below it. */
void    pdw_test_remove_tree          (const char *path);

/* Copies the file @from to @to (replacing it); aborts the test if it fails. */
void    pdw_test_copy_file            (const char *from,
                                       const char *to);

/* The member @member of the zip archive @path (`unzip -p`): an XLSX's
 * XML, read as the spreadsheet program would.  Aborts the test on failure. */
char   *pdw_test_unzip_member         (const char *path,
                                       const char *member);

/* A history for a benchmark: a copy of the database named by the
 * environment variable @env (with its WAL) as @dir/@name, or @months
 * months generated there by `pandawa-cli generate` (PANDAWA_CLI, seed 1),
 * from @start_month (YYYY-MM) or, if NULL, up to now.  Returns the path;
 * *seconds: how long it took. */
char   *pdw_test_prepare_history      (const char *dir,
                                       const char *name,
                                       const char *env,
                                       const char *months,
                                       const char *start_month,
                                       double     *seconds);

/* A WhatsApp-looking webhook body whose "entry" is @levels arrays deep. */
GBytes *pdw_test_nested_webhook       (guint       levels);

/* The contents of tests/data/@name; aborts the test if it is missing. */
GBytes *pdw_test_load_data            (const char *name);

/* A secret file (0600) @name in @dir holding @value; returns its path. */
char   *pdw_test_write_secret         (const char *dir,
                                       const char *name,
                                       const char *value);
/* The program whose path meson test puts in @variable (PANDAWA_CLI...). */
const char *pdw_test_program          (const char *variable);

G_END_DECLS
