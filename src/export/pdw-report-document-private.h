/* pdw-report-document-private.h: the page layout engine of the report
 * document (pdw-report-document.c) and the content it lays out
 * (pdw-report-document-content.c).
 *
 * The content is written once, as a sequence of blocks (headings,
 * paragraphs, tables, charts, the signature); the engine places them on
 * pages and records what goes where, so that _draw_page() only replays a
 * page's items.  Pagination and drawing can therefore never disagree.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pdw-report-charts.h"
#include "pdw-report-document.h"

G_BEGIN_DECLS

typedef enum
{
  DOC_FONT_BODY,
  DOC_FONT_SMALL,
  DOC_FONT_TABLE,
  DOC_FONT_HEADING,
  DOC_FONT_TITLE,
  DOC_N_FONTS
} DocFont;

#define DOC_MAX_COLUMNS 12

typedef struct
{
  const char     *title;   /* static */
  double          width;   /* share of the content width; the shares add up to 1 */
  PangoAlignment  align;
} DocColumn;

typedef struct
{
  guint      n_columns;
  DocColumn  columns[DOC_MAX_COLUMNS];
  GPtrArray *rows;          /* char ** (GStrv of markup, n_columns long) */
  GArray    *emphasis;      /* gboolean per row: a total row, shaded */
  DocFont    font;
} DocTable;

typedef struct _DocLayout DocLayout;

/* ---- Engine (pdw-report-document.c) ------------------------------------------ */

PdwReport   *doc_layout_get_report      (DocLayout          *layout);
const PdwReportSignature *doc_layout_get_signature (DocLayout *layout);

/* A section heading, kept on the page of what follows it. */
void         doc_add_heading            (DocLayout          *layout,
                                         const char         *text);
/* Pango markup, wrapped to the content width. */
void         doc_add_paragraph          (DocLayout          *layout,
                                         const char         *markup,
                                         DocFont             font,
                                         PangoAlignment      align,
                                         double              space_after);
void         doc_add_space              (DocLayout          *layout,
                                         double              height);
DocTable    *doc_table_new              (DocFont             font);
void         doc_table_add_column       (DocTable           *table,
                                         const char         *title,
                                         double              width,
                                         PangoAlignment      align);
/* Takes the markup strings (g_free'd with the table); NULL-terminated. */
void         doc_table_add_row          (DocTable           *table,
                                         gboolean            emphasis,
                                         ...) G_GNUC_NULL_TERMINATED;
void         doc_table_free             (DocTable           *table);
/* Places the table (and frees it). */
void         doc_add_table              (DocLayout          *layout,
                                         DocTable           *table);
/* One chart across the content width, or two side by side
 * (@second PDW_REPORT_N_CHARTS for none), each under its title. */
void         doc_add_charts             (DocLayout          *layout,
                                         PdwReportChart      first,
                                         PdwReportChart      second);
/* The place, date and signature block, kept together, on the right. */
void         doc_add_signature          (DocLayout          *layout);
double       doc_measure_signature      (DocLayout          *layout);
double       doc_measure_paragraph      (DocLayout          *layout,
                                         const char         *markup,
                                         DocFont             font);
/* A new page unless @height fits below what is placed. */
void         doc_keep_together          (DocLayout          *layout,
                                         double              height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocTable, doc_table_free)

/* ---- Content (pdw-report-document-content.c) ------------------------------------ */

/* Everything below the title. */
void         doc_build_content          (DocLayout          *layout);

/* The figure's value in the document's words: "1.234", "92,3%", "2 hari
 * 3 jam", "87,50"; "–" without a value. */
char        *doc_format_figure_value    (PdwReportUnit       unit,
                                         gboolean            has_value,
                                         double              value);

G_END_DECLS
