/* pdw-pdf-common.h: what the office's printed documents share: the
 * letterhead (kop surat), text laid out with pango in points, and writing a
 * PDF file atomically with mode 0600.  Used by the control card and the
 * monthly report.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

#define PDW_PDF_MM(x)       ((x) * 72.0 / 25.4)
#define PDW_PDF_RULE_THIN   0.5
#define PDW_PDF_RULE_THICK  1.5

/* The office's name when the settings leave it empty. */
#define PDW_PDF_DEFAULT_OFFICE_NAME "Dinas Kependudukan dan Pencatatan Sipil Kota Pekanbaru"

/* A pango context for @cr at 72 dpi: "Sans 9" is 9 points on paper. */
PangoContext *pdw_pdf_create_pango_context (cairo_t *cr);

/* Lays out @markup in @width (word-wrapped, at most @max_lines lines then
 * ellipsized; 0: no limit) and, when @draw, paints it at (@x, @y) in the
 * current source.  Returns its height, so that one function measures and
 * draws. */
double        pdw_pdf_draw_text          (PangoContext               *pango,
                                          cairo_t                    *cr,
                                          const PangoFontDescription *font,
                                          const char                 *markup,
                                          double                      x,
                                          double                      y,
                                          double                      width,
                                          PangoAlignment              align,
                                          int                         max_lines,
                                          gboolean                    draw);

void          pdw_pdf_draw_hline         (cairo_t *cr,
                                          double   x1,
                                          double   x2,
                                          double   y,
                                          double   line_width);

/* The letterhead: "PEMERINTAH KOTA PEKANBARU", the office's name in
 * capitals, its address when not empty, and a double rule, centred in
 * [@x, @x + @width] from @y.  Returns the y below it. */
double        pdw_pdf_draw_letterhead    (PangoContext *pango,
                                          cairo_t      *cr,
                                          const char   *office_name,
                                          const char   *office_address,
                                          double        x,
                                          double        y,
                                          double        width,
                                          gboolean      draw);

typedef void (*PdwPdfRenderFunc) (cairo_t  *cr,
                                  gpointer  user_data);

/* Why a write failed: an errno (writing the file) or a cairo status
 * (drawing), for the caller's own message. */
typedef struct
{
  int             saved_errno;
  cairo_status_t  status;
} PdwPdfFailure;

/* Renders a PDF of pages @page_width x @page_height points (the render
 * function calls cairo_show_page() for every page, and may call
 * cairo_pdf_surface_set_size()) next to @path and renames it over @path,
 * so that a reader never sees half a file and an old file survives a
 * failure.  Created 0600.  FALSE with @failure filled. */
gboolean      pdw_pdf_write_file         (const char        *path,
                                          double             page_width,
                                          double             page_height,
                                          const char        *title,
                                          PdwPdfRenderFunc   render,
                                          gpointer           user_data,
                                          PdwPdfFailure     *failure);

G_END_DECLS
