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

/* Rows a migration copies after its SQL, in the same transaction: @table's
 * ids are walked in chunks and @sql (?1 < id <= ?2) run for each, so that
 * a long copy (the full-text index of a year of messages) reports progress. */
typedef struct
{
  const char *table;
  const char *sql;
} PdwMigrationFill;

const PdwMigrationFill *pdw_store_migrations_get_fills (int    version,
                                                        guint *n_fills);

/* The 16 characters of @column reversed: the key of the NIK and KK suffix
 * indexes.  Part of schema 3: a query must spell it the same way for
 * SQLite to use the index. */
#define PDW_REVERSED_16(column) \
  "substr (" column ", 16, 1) || substr (" column ", 15, 1) || substr (" column ", 14, 1) ||" \
  " substr (" column ", 13, 1) || substr (" column ", 12, 1) || substr (" column ", 11, 1) ||" \
  " substr (" column ", 10, 1) || substr (" column ", 9, 1) || substr (" column ", 8, 1) ||" \
  " substr (" column ", 7, 1) || substr (" column ", 6, 1) || substr (" column ", 5, 1) ||" \
  " substr (" column ", 4, 1) || substr (" column ", 3, 1) || substr (" column ", 2, 1) ||" \
  " substr (" column ", 1, 1)"

/* An external-content FTS5 table @fts over @column of @table, kept in step:
 * the old text is removed before the new one is added. */
#define PDW_FTS_TRIGGERS(fts, table, column) \
  "CREATE TRIGGER " fts "_insert AFTER INSERT ON " table " WHEN new." column " IS NOT NULL BEGIN" \
  "  INSERT INTO " fts " (rowid, " column ") VALUES (new.id, new." column ");" \
  " END;" \
  "CREATE TRIGGER " fts "_delete AFTER DELETE ON " table " WHEN old." column " IS NOT NULL BEGIN" \
  "  INSERT INTO " fts " (" fts ", rowid, " column ") VALUES ('delete', old.id, old." column ");" \
  " END;" \
  "CREATE TRIGGER " fts "_update AFTER UPDATE OF " column " ON " table \
  "  WHEN old." column " IS NOT new." column " BEGIN" \
  "  INSERT INTO " fts " (" fts ", rowid, " column ")" \
  "    SELECT 'delete', old.id, old." column " WHERE old." column " IS NOT NULL;" \
  "  INSERT INTO " fts " (rowid, " column ") SELECT new.id, new." column " WHERE new." column " IS NOT NULL;" \
  " END;"

G_END_DECLS
