/* pdw-report-export.h: the monthly report written as JSON, CSV and XLSX
 * from one PdwReport, so that every file says the same as the report view.
 * Every writer is atomic (a half-written file never replaces an older one)
 * and creates files readable by the user only (0600).  NIKs are masked.
 *
 * The formats are a table (pdw_report_export_list_formats()): a new format
 * (the PDF) is one more entry in pdw-report-export.c.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/pdw-report.h"

G_BEGIN_DECLS

/* How a file is written.  separator: CSV only, ';' (default, what
 * spreadsheets in an Indonesian locale expect) or ','.  table: CSV only,
 * one table (pdw_report_csv_list_tables()) to @path; NULL writes every
 * table into the folder @path. */
typedef struct
{
  char         separator;
  const char  *table;
} PdwReportExportOptions;

#define PDW_REPORT_EXPORT_OPTIONS_INIT { ';', NULL }

typedef gboolean (*PdwReportWriteFunc) (PdwReport                     *report,
                                        const char                    *path,
                                        const PdwReportExportOptions  *options,
                                        GError                       **error);

typedef struct
{
  const char          *name;         /* "json", "csv", "xlsx" */
  const char          *extension;    /* ".json"; "" for the CSV folder */
  const char          *description;  /* N_() msgid */
  PdwReportWriteFunc   write;
} PdwReportFormat;

/* NULL-terminated (name NULL), static. */
const PdwReportFormat *pdw_report_export_list_formats (void);
/* NULL when unknown. */
const PdwReportFormat *pdw_report_export_find_format  (const char *name);
/* "json, csv, xlsx": for messages. */
char        *pdw_report_export_dup_format_names       (void);

/* ---- JSON (pdw-report-json.c) ---------------------------------------------- */

/* {"format":"pandawa-report","version":1,"period":{...},"policy":{...},
 * "figures":{"received":{"value":..,"previous":..,"change":..},...},
 * "durations":{...},"by_type":[...],...,"days":[...],"hours":[[...]],
 * "sop_steps":[...],"backlog":{...},"months":[...],"satisfaction":{...},
 * "files":[...]}.  Keys are the definitions' identifiers. */
char        *pdw_report_json_to_data                  (PdwReport    *report,
                                                       gsize        *length);
gboolean     pdw_report_json_write                    (PdwReport                     *report,
                                                       const char                    *path,
                                                       const PdwReportExportOptions  *options,
                                                       GError                       **error);

/* ---- CSV (pdw-report-csv.c) ------------------------------------------------- */

/* The tables a CSV can hold ("figures", "by_type", ..., "files"),
 * NULL-terminated, static. */
const char * const *pdw_report_csv_list_tables        (void);
/* One table as CSV text: UTF-8 with a BOM, the period on the first line,
 * the header, then the rows.  NULL with an error for an unknown table. */
char        *pdw_report_csv_table_to_data             (PdwReport    *report,
                                                       const char   *table,
                                                       char          separator,
                                                       GError      **error);
/* options->table set: that table to the file @path; else the folder @path
 * (created 0700 if missing) gets one "<table>.csv" per table. */
gboolean     pdw_report_csv_write                     (PdwReport                     *report,
                                                       const char                    *path,
                                                       const PdwReportExportOptions  *options,
                                                       GError                       **error);

/* ---- XLSX (pdw-report-xlsx.c) ----------------------------------------------- */

/* A sheet per table and a sheet with one row per file of the period.
 * G_IO_ERROR_NOT_SUPPORTED when built without libxlsxwriter. */
gboolean     pdw_report_xlsx_write                    (PdwReport                     *report,
                                                       const char                    *path,
                                                       const PdwReportExportOptions  *options,
                                                       GError                       **error);

/* ---- Shared ------------------------------------------------------------------ */

/* Writes @contents to @path atomically, 0600. */
gboolean     pdw_report_export_write_file             (const char   *path,
                                                       const char   *contents,
                                                       gsize         length,
                                                       GError      **error);

G_END_DECLS
