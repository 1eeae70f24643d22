/* pdw-report-export-private.h: the report's tables as rows of typed
 * cells, built once from a PdwReport (pdw-report-table.c) and written by
 * both the CSV and the XLSX writers, so that the two files hold the same
 * cells.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pdw-report-export.h"

G_BEGIN_DECLS

typedef enum
{
  PDW_CELL_EMPTY,     /* nothing to measure: empty cell */
  PDW_CELL_TEXT,
  PDW_CELL_INT,
  PDW_CELL_NUMBER,    /* two decimals */
  PDW_CELL_DURATION,  /* seconds: CSV writes seconds, XLSX a [h]:mm:ss time */
  PDW_CELL_DATETIME,  /* Unix time, shown in WIB */
  PDW_CELL_DATE,      /* Unix time of the day's start, shown in WIB */
} PdwCellKind;

typedef struct
{
  PdwCellKind  kind;
  char        *text;
  double       number;   /* INT, NUMBER, DURATION (seconds) */
  gint64       time;     /* DATETIME, DATE */
} PdwCell;

typedef struct
{
  const char *id;         /* "by_type": the CSV's file name, the JSON's key */
  char       *title;      /* Indonesian, the XLSX sheet's name (<= 31 characters) */
  GPtrArray  *columns;    /* char *, Indonesian titles */
  GArray     *cells;      /* PdwCell, row after row */
} PdwReportTable;

/* @id one of pdw_report_csv_list_tables(); NULL when unknown. */
PdwReportTable *_pdw_report_table_new         (PdwReport      *report,
                                               const char     *id);
void            _pdw_report_table_free        (PdwReportTable *table);
guint           _pdw_report_table_get_n_rows  (PdwReportTable *table);
PdwCell        *_pdw_report_table_get_cell    (PdwReportTable *table,
                                               guint           row,
                                               guint           column);
/* "Periode: Maret 2026 (1 Maret 2026 s.d. 31 Maret 2026, WIB)". */
char           *_pdw_report_dup_period_line   (PdwReport      *report);
/* The WIB wall-clock parts of @t. */
GDateTime      *_pdw_report_dup_wib_time      (gint64          t);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwReportTable, _pdw_report_table_free)

G_END_DECLS
