/* pdw-store-migrations.h: the numbered schema migrations of the database.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The schema version this build writes (PRAGMA user_version). */
int         pdw_store_migrations_get_latest (void);
/* The SQL that brings a database from @version - 1 to @version (1-based). */
const char *pdw_store_migrations_get        (int version);

G_END_DECLS
