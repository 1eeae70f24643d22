/* pdw-consolidation.h: the SIAK consolidation list for the ADB officer
 * (SOP step 4) and the way its results come back.
 *
 * This is the one export that carries full NIK and KK numbers: the ADB
 * officer types them into SIAK.  Every file says so in its first line /
 * sheet header, is written 0600 and atomically.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/pdw-store.h"

G_BEGIN_DECLS

/* XLSX is the format for spreadsheet programs: every cell is text, NIK and
 * KK included.  CSV is for import tools and for spreadsheets too: its NIK
 * and KK cells are written ="1471…" (a formula giving the text), so that
 * Excel and LibreOffice Calc show the 16 digits instead of 1,47E+15; the
 * list's reader takes that form back.  Its separator is "," or ";" (what
 * spreadsheet programs expect where the decimal point is a comma, as in
 * Indonesian). */
typedef enum
{
  PDW_CONSOLIDATION_FORMAT_CSV,            /* "," */
  PDW_CONSOLIDATION_FORMAT_XLSX,
  PDW_CONSOLIDATION_FORMAT_CSV_SEMICOLON,  /* ";" */
} PdwConsolidationFormat;

/* The CSV format for this process's locale: ";" where numbers are written
 * with a decimal comma (id_ID and most of Europe) or the language is
 * Indonesian, else ",". */
PdwConsolidationFormat pdw_consolidation_default_csv_format (void);

/* Parses "YYYY-MM-DD" dates (WIB days, both inclusive) into the half-open
 * Unix range [*start, *end) that pdw_store_list_consolidation() takes.
 * @to may be NULL (one day).  Errors are G_OPTION_ERROR_BAD_VALUE with a
 * message naming the bad date, or a range that ends before it starts. */
gboolean pdw_consolidation_parse_range  (const char              *from,
                                         const char              *to,
                                         gint64                  *start,
                                         gint64                  *end,
                                         GError                 **error);

/* Writes the complaints still waiting for the ADB officer that were listed
 * in [@start, @end) (with @include_processed, those already marked too):
 * columns No, Tiket, Tanggal masuk daftar (WIB), Nama, NIK, No. KK, No. HP
 * (always +62…), Jenis pengaduan, Instansi, Status (the office's Indonesian
 * labels whatever the locale), Hasil (empty for the officer to fill:
 * "selesai", "tidak ditemukan" or "ganda"), Catatan.  CSV is RFC 4180,
 * UTF-8 with BOM (so that spreadsheet programs read it as UTF-8).
 * @n_rows receives the number of complaints written. */
gboolean pdw_consolidation_export       (PdwStore                *store,
                                         gint64                   start,
                                         gint64                   end,
                                         gboolean                 include_processed,
                                         PdwConsolidationFormat   format,
                                         const char              *path,
                                         guint                   *n_rows,
                                         GError                 **error);
void     pdw_consolidation_export_async (PdwStore                *store,
                                         gint64                   start,
                                         gint64                   end,
                                         gboolean                 include_processed,
                                         PdwConsolidationFormat   format,
                                         const char              *path,
                                         GCancellable            *cancellable,
                                         GAsyncReadyCallback      callback,
                                         gpointer                 user_data);
gboolean pdw_consolidation_export_finish (GAsyncResult           *result,
                                         guint                   *n_rows,
                                         GError                 **error);

typedef struct
{
  guint applied;    /* outcomes recorded as control-card events */
  guint skipped;    /* rows with an empty result, or already marked */
  guint refused;    /* unknown ticket, unknown result word, action not allowed */
  GPtrArray *problems;  /* char*: one translated line per refused row ("row 4: …") */
} PdwConsolidationImportResult;

/* Frees the problems list.  Initialise a result with `= { 0 }` before the
 * first import; each import clears and refills it. */
void     pdw_consolidation_import_result_clear (PdwConsolidationImportResult *result);

/* Reads back a list the ADB officer filled in (the CSV this module writes,
 * or the same columns saved by a spreadsheet program; XLSX when built with
 * libarchive) and records each row's result as "consolidation_done",
 * "consolidation_not_found" (note: the row's Catatan, or a default) or
 * "consolidation_duplicate", by @actor.  A bad row never stops the others;
 * FALSE only when the file cannot be read or has no Tiket/Hasil column. */
gboolean pdw_consolidation_import       (PdwStore                      *store,
                                         const char                    *path,
                                         const PdwActor                *actor,
                                         PdwConsolidationImportResult  *result,
                                         GError                       **error);

/* Called on the caller's thread-default main context while an import
 * runs: @done of the file's @total rows are recorded (at most once per
 * percent). */
typedef void (*PdwConsolidationProgressFunc) (guint    done,
                                              guint    total,
                                              gpointer user_data);

/* pdw_consolidation_import() in a worker thread.  @progress_data must live
 * until @callback runs; the store's change signals still arrive on the
 * thread that made the store.  Cancelling stops between rows (rows already
 * recorded stay). */
void     pdw_consolidation_import_async  (PdwStore                      *store,
                                          const char                    *path,
                                          const PdwActor                *actor,
                                          PdwConsolidationProgressFunc   progress,
                                          gpointer                       progress_data,
                                          GCancellable                  *cancellable,
                                          GAsyncReadyCallback            callback,
                                          gpointer                       user_data);
/* Fills @out (cleared first) as pdw_consolidation_import() does, also when
 * the import failed part way. */
gboolean pdw_consolidation_import_finish (GAsyncResult                  *result,
                                          PdwConsolidationImportResult  *out,
                                          GError                       **error);

/* The action id for a result word an officer may type: "selesai"/"done",
 * "tidak ditemukan"/"not found", "ganda"/"duplicate" (any case, extra
 * spaces ignored); NULL for anything else. */
const char *pdw_consolidation_action_for_result (const char *word);

G_END_DECLS
