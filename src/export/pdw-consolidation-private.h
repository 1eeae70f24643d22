/* pdw-consolidation-private.h: what the files of the consolidation list
 * share.  Each file calls only files below it in this list:
 *
 *   pdw-consolidation.c        the list's rows, export, reading results back
 *   pdw-consolidation-csv.c    the list as CSV, both ways
 *   pdw-consolidation-xlsx.c   the list as an XLSX workbook, both ways
 *   pdw-consolidation-table.c  its columns, and the rows a file holds
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

enum {
  COL_NO,
  COL_TICKET,
  COL_LISTED_AT,
  COL_NAME,
  COL_NIK,
  COL_KK,
  COL_PHONE,
  COL_TYPE,
  COL_INSTITUTION,
  COL_STATUS,
  COL_RESULT,
  COL_NOTE,
  N_COLUMNS
};

/* pdw-consolidation-table.c: the file's own text, in Indonesian */
extern const char         _pdw_consolidation_warning[];
extern const char * const _pdw_consolidation_column_titles[N_COLUMNS];

/* One row of a file read back. */
typedef struct
{
  guint      number;  /* the row number the officer sees in a spreadsheet */
  GPtrArray *cells;   /* char*, NULL for a cell that was never written */
} Record;

/* pdw-consolidation-table.c: rows read back */
Record     *_pdw_consolidation_record_new      (guint          number);
void        _pdw_consolidation_record_free     (gpointer       record);
const char *_pdw_consolidation_record_get      (const Record  *record,
                                                int            column);
void        _pdw_consolidation_record_set      (Record        *record,
                                                guint          column,
                                                char          *value);
gboolean    _pdw_consolidation_record_is_blank (const Record  *record);

/* pdw-consolidation-csv.c */
GString    *_pdw_consolidation_csv_build       (GPtrArray     *rows,
                                                const char    *period,
                                                char           separator);
char       *_pdw_consolidation_csv_to_utf8     (const char    *contents,
                                                gsize          length);
GPtrArray  *_pdw_consolidation_csv_parse       (const char    *text,
                                                char           separator);

/* pdw-consolidation-xlsx.c */
#if HAVE_XLSXWRITER
gboolean    _pdw_consolidation_xlsx_build      (GPtrArray     *rows,
                                                const char    *period,
                                                char         **contents,
                                                gsize         *length,
                                                GError       **error);
#endif
#if HAVE_LIBARCHIVE
GPtrArray  *_pdw_consolidation_xlsx_parse      (const char    *path,
                                                const char    *contents,
                                                gsize          length,
                                                GError       **error);
#endif

G_END_DECLS
