/* pdw-pdf-common.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include <cairo-pdf.h>

#include "pdw-pdf-common.h"

#define LETTERHEAD_GOVERNMENT_FONT "Sans Bold 12"
#define LETTERHEAD_OFFICE_FONT     "Sans Bold 14"
#define LETTERHEAD_ADDRESS_FONT    "Sans 9"

typedef struct
{
  int fd;
  int saved_errno;
} FileSink;

PangoContext *
pdw_pdf_create_pango_context (cairo_t *cr)
{
  PangoContext *pango = pango_cairo_create_context (cr);

  pango_cairo_context_set_resolution (pango, 72.0);
  return pango;
}

double
pdw_pdf_draw_text (PangoContext               *pango,
                   cairo_t                    *cr,
                   const PangoFontDescription *font,
                   const char                 *markup,
                   double                      x,
                   double                      y,
                   double                      width,
                   PangoAlignment              align,
                   int                         max_lines,
                   gboolean                    draw)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (pango);
  int height;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_alignment (layout, align);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_size (layout, NULL, &height);

  if (draw)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }

  return (double) height / PANGO_SCALE;
}

void
pdw_pdf_draw_hline (cairo_t *cr,
                    double   x1,
                    double   x2,
                    double   y,
                    double   line_width)
{
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x2, y);
  cairo_stroke (cr);
}

double
pdw_pdf_draw_letterhead (PangoContext *pango,
                         cairo_t      *cr,
                         const char   *office_name,
                         const char   *office_address,
                         double        x,
                         double        y,
                         double        width,
                         gboolean      draw)
{
  g_autoptr(PangoFontDescription) government_font = pango_font_description_from_string (LETTERHEAD_GOVERNMENT_FONT);
  g_autoptr(PangoFontDescription) office_font = pango_font_description_from_string (LETTERHEAD_OFFICE_FONT);
  g_autoptr(PangoFontDescription) address_font = pango_font_description_from_string (LETTERHEAD_ADDRESS_FONT);
  g_autofree char *office_upper = g_utf8_strup (office_name != NULL && *office_name != '\0'
                                                ? office_name : PDW_PDF_DEFAULT_OFFICE_NAME, -1);
  g_autofree char *office = g_markup_escape_text (office_upper, -1);

  y += pdw_pdf_draw_text (pango, cr, government_font, "PEMERINTAH KOTA PEKANBARU", x, y, width,
                          PANGO_ALIGN_CENTER, 0, draw);
  /* The office's name on one line when a slightly smaller size allows. */
  for (double size = 14; size > 11.5; size -= 0.5)
    {
      pango_font_description_set_size (office_font, (int) (size * PANGO_SCALE));
      if (pdw_pdf_draw_text (pango, cr, office_font, office, x, y, width, PANGO_ALIGN_CENTER, 0, FALSE) <
          size * 1.8)
        break;
    }
  y += pdw_pdf_draw_text (pango, cr, office_font, office, x, y, width, PANGO_ALIGN_CENTER, 0, draw);

  if (office_address != NULL && *office_address != '\0')
    {
      g_autofree char *address = g_markup_escape_text (office_address, -1);

      y += pdw_pdf_draw_text (pango, cr, address_font, address, x, y, width, PANGO_ALIGN_CENTER, 0, draw);
    }

  y += PDW_PDF_MM (2);
  if (draw)
    {
      pdw_pdf_draw_hline (cr, x, x + width, y, PDW_PDF_RULE_THICK);
      pdw_pdf_draw_hline (cr, x, x + width, y + PDW_PDF_MM (0.8), PDW_PDF_RULE_THIN);
    }
  return y + PDW_PDF_MM (4);
}

/* ---- Files ----------------------------------------------------------------- */

static cairo_status_t
file_sink_write_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  FileSink *sink = closure;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
render_to_fd (int                fd,
              double             page_width,
              double             page_height,
              const char        *title,
              PdwPdfRenderFunc   render,
              gpointer           user_data,
              PdwPdfFailure     *failure)
{
  FileSink sink = { fd, 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (file_sink_write_cb, &sink, page_width, page_height);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "PANDAWA " PACKAGE_VERSION);
  cr = cairo_create (surface);

  render (cr, user_data);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  failure->saved_errno = sink.saved_errno;
  failure->status = status;
  return sink.saved_errno == 0 && status == CAIRO_STATUS_SUCCESS;
}

gboolean
pdw_pdf_write_file (const char        *path,
                    double             page_width,
                    double             page_height,
                    const char        *title,
                    PdwPdfRenderFunc   render,
                    gpointer           user_data,
                    PdwPdfFailure     *failure)
{
  g_autofree char *tmp_path = g_strdup_printf ("%s.XXXXXX", path);
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (render != NULL, FALSE);
  g_return_val_if_fail (failure != NULL, FALSE);

  failure->saved_errno = 0;
  failure->status = CAIRO_STATUS_SUCCESS;

  if ((fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600)) < 0)
    {
      failure->saved_errno = errno;
      return FALSE;
    }

  if (!render_to_fd (fd, page_width, page_height, title, render, user_data, failure))
    {
      g_close (fd, NULL);
      g_unlink (tmp_path);
      return FALSE;
    }

  if (fsync (fd) != 0)
    {
      failure->saved_errno = errno;
      g_close (fd, NULL);
      g_unlink (tmp_path);
      return FALSE;
    }

  if (!g_close (fd, NULL) || g_rename (tmp_path, path) != 0)
    {
      failure->saved_errno = errno;
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}
