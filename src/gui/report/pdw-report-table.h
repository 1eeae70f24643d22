/* pdw-report-table.h: one table of the report view (a breakdown, the SOP
 * steps, the rekapitulasi): a title, a header row and rows of text, the
 * first column a label, the others numbers aligned right.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PDW_TYPE_REPORT_TABLE (pdw_report_table_get_type ())
G_DECLARE_FINAL_TYPE (PdwReportTable, pdw_report_table, PDW, REPORT_TABLE, GtkBox)

/* Properties: title (string), description (string, hidden when empty). */
GtkWidget  *pdw_report_table_new             (void);
void        pdw_report_table_set_title       (PdwReportTable     *self,
                                              const char         *title);
void        pdw_report_table_set_description (PdwReportTable     *self,
                                              const char         *description);
/* NULL-terminated; removes every row. */
void        pdw_report_table_set_columns     (PdwReportTable     *self,
                                              const char * const *titles);
/* One cell per column (missing cells stay empty). */
void        pdw_report_table_append_row      (PdwReportTable     *self,
                                              const char * const *cells);
/* Removes the rows, keeps the columns. */
void        pdw_report_table_clear           (PdwReportTable     *self);
guint       pdw_report_table_get_n_rows      (PdwReportTable     *self);
/* The text of a cell (row 0 is the first row under the header); NULL
 * outside the table. */
const char *pdw_report_table_get_cell        (PdwReportTable     *self,
                                              guint               row,
                                              guint               column);

G_END_DECLS
