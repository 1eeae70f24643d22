/* pdw-export-private.h: what the spreadsheet exports of src/export/ (the
 * consolidation list, the report) share: CSV text fields (RFC 4180 quoting;
 * a leading =, +, -, @, TAB or CR made inert so that a spreadsheet never runs a
 * citizen's text as a formula; in pdw-consolidation-csv.c) and
 * libxlsxwriter's errors as GErrors (in pdw-consolidation-xlsx.c).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @value, quoted when it holds a separator (',' or ';'), a quote,
 * a line break or surrounding white space. */
void _pdw_csv_append_field (GString    *out,
                            const char *value);

/* A phone number as every export writes it: "+62" and the digits
 * ("081234…", "62812…", "+62 812-34…" all give "+6281234…"); other text as
 * it is; "" for NULL.  In pdw-consolidation-table.c. */
char *_pdw_export_dup_phone (const char *phone);

#if HAVE_XLSXWRITER
#include <xlsxwriter.h>

/* TRUE for LXW_NO_ERROR, else FALSE with a G_IO_ERROR_FAILED. */
gboolean _pdw_xlsx_check (lxw_error   status,
                          GError    **error);
#endif

G_END_DECLS
