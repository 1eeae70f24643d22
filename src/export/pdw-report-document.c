/* pdw-report-document.c: the page layout of the report document, the
 * signature and the PDF file.  What the pages say is in
 * pdw-report-document-content.c.
 *
 * Margins follow the usual Indonesian official-letter layout (Tata Naskah
 * Dinas): 25 mm on the binding (left) side, 20 mm elsewhere.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>

#include "core/pdw-time-zone.h"
#include "pdw-pdf-common.h"
#include "pdw-report-document-private.h"

#define MM(x)          PDW_PDF_MM (x)
#define MARGIN_LEFT    MM (25)
#define MARGIN_RIGHT   MM (20)
#define MARGIN_TOP     MM (18)
#define MARGIN_BOTTOM  MM (15)
#define FOOTER_HEIGHT  MM (9)
#define CELL_PAD_X     MM (1.4)
#define CELL_PAD_Y     MM (1.0)
#define CHART_GAP      MM (6)
#define SIGN_SPACE     MM (22)

#define DEFAULT_PLACE      "Pekanbaru"
#define DEFAULT_HEAD_TITLE "Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Pekanbaru"

static const char * const font_names[DOC_N_FONTS] = {
  [DOC_FONT_BODY] = "Sans 9",
  [DOC_FONT_SMALL] = "Sans 7.5",
  [DOC_FONT_TABLE] = "Sans 8",
  [DOC_FONT_HEADING] = "Sans Bold 10",
  [DOC_FONT_TITLE] = "Sans Bold 13",
};

typedef enum
{
  ITEM_TEXT,
  ITEM_CELL,
  ITEM_CHART,
  ITEM_LETTERHEAD,
} ItemKind;

typedef struct
{
  ItemKind        kind;
  guint           page;        /* 0-based */
  double          x, y, width, height;
  char           *markup;
  DocFont         font;
  PangoAlignment  align;
  int             shade;       /* cells: 0 none, 1 light (totals), 2 header */
  PdwReportChart  chart;
} Item;

struct _DocLayout
{
  PdwReportDocument *doc;
  cairo_t           *cr;
  PangoContext      *pango;
  guint              page;
  double             y;
  double             top;        /* where the content starts on pages after the first */
  double             bottom;
  double             x0;
  double             width;
  char              *heading;    /* waiting to be placed with what follows */
};

struct _PdwReportDocument
{
  GObject               parent_instance;

  PdwReport            *report;
  PdwReportSignature    signature;
  PangoFontDescription *fonts[DOC_N_FONTS];
  GArray               *items;   /* Item */
  double                page_width;
  double                page_height;
  guint                 n_pages;
};

G_DEFINE_FINAL_TYPE (PdwReportDocument, pdw_report_document, G_TYPE_OBJECT)

typedef struct
{
  PdwReport          *report;
  PdwReportSignature  signature;
  char               *path;
} WriteJob;

/* ---- Signature -------------------------------------------------------------- */

void
pdw_report_signature_clear (PdwReportSignature *signature)
{
  g_return_if_fail (signature != NULL);

  g_clear_pointer (&signature->place, g_free);
  g_clear_pointer (&signature->date_text, g_free);
  g_clear_pointer (&signature->office_name, g_free);
  g_clear_pointer (&signature->office_address, g_free);
  g_clear_pointer (&signature->head_name, g_free);
  g_clear_pointer (&signature->head_rank, g_free);
  g_clear_pointer (&signature->head_nip, g_free);
  g_clear_pointer (&signature->head_title, g_free);
}

void
pdw_report_signature_copy (PdwReportSignature       *dest,
                           const PdwReportSignature *src)
{
  g_return_if_fail (dest != NULL);
  g_return_if_fail (src != NULL);

  dest->place = g_strdup (src->place);
  dest->date_text = g_strdup (src->date_text);
  dest->office_name = g_strdup (src->office_name);
  dest->office_address = g_strdup (src->office_address);
  dest->head_name = g_strdup (src->head_name);
  dest->head_rank = g_strdup (src->head_rank);
  dest->head_nip = g_strdup (src->head_nip);
  dest->head_title = g_strdup (src->head_title);
}

static char *
dup_setting (GSettings  *settings,
             const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *value = NULL;

  /* A settings object of an older schema (no report keys) reads as empty. */
  g_object_get (settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;

  value = g_strstrip (g_settings_get_string (settings, key));
  return *value != '\0' ? g_steal_pointer (&value) : NULL;
}

void
pdw_report_signature_init_from_settings (PdwReportSignature *signature,
                                         GSettings          *settings)
{
  g_return_if_fail (signature != NULL);
  g_return_if_fail (G_IS_SETTINGS (settings));

  pdw_report_signature_clear (signature);
  signature->place = dup_setting (settings, "report-place");
  signature->office_name = dup_setting (settings, "office-name");
  signature->office_address = dup_setting (settings, "office-address");
  signature->head_name = dup_setting (settings, "report-head-name");
  signature->head_rank = dup_setting (settings, "report-head-rank");
  signature->head_nip = dup_setting (settings, "report-head-nip");
  signature->head_title = dup_setting (settings, "report-head-title");
}

char *
pdw_report_format_date_id (gint64 unix_time)
{
  g_autoptr(GTimeZone) tz = pdw_time_zone_new_wib ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *month = NULL;
  PdwReportPeriod period;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (utc, tz);

  /* The month's Indonesian name as the report writes its periods. */
  if (!pdw_report_period_init (&period, g_date_time_get_year (local), g_date_time_get_month (local),
                               g_date_time_get_year (local), g_date_time_get_month (local), NULL))
    return g_strdup ("");
  month = pdw_report_period_dup_label_id (&period);

  return g_strdup_printf ("%d %s", g_date_time_get_day_of_month (local), month);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_pointer (&item->markup, g_free);
}

static void
pdw_report_document_finalize (GObject *object)
{
  PdwReportDocument *self = PDW_REPORT_DOCUMENT (object);

  g_clear_object (&self->report);
  pdw_report_signature_clear (&self->signature);
  for (guint i = 0; i < DOC_N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (pdw_report_document_parent_class)->finalize (object);
}

static void
pdw_report_document_class_init (PdwReportDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pdw_report_document_finalize;
}

static void
pdw_report_document_init (PdwReportDocument *self)
{
  for (guint i = 0; i < DOC_N_FONTS; i++)
    self->fonts[i] = pango_font_description_from_string (font_names[i]);
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  self->n_pages = 1;
}

/* Takes @fallback; keeps a non-empty @member. */
static void
set_default (char **member,
             char  *fallback)
{
  if (*member != NULL && **member != '\0')
    {
      g_free (fallback);
      return;
    }
  g_free (*member);
  *member = fallback;
}

PdwReportDocument *
pdw_report_document_new (PdwReport                *report,
                         const PdwReportSignature *signature)
{
  PdwReportDocument *self;

  g_return_val_if_fail (PDW_IS_REPORT (report), NULL);

  self = g_object_new (PDW_TYPE_REPORT_DOCUMENT, NULL);
  self->report = g_object_ref (report);
  if (signature != NULL)
    pdw_report_signature_copy (&self->signature, signature);

  set_default (&self->signature.place, g_strdup (DEFAULT_PLACE));
  set_default (&self->signature.head_title, g_strdup (DEFAULT_HEAD_TITLE));
  set_default (&self->signature.office_name, g_strdup (PDW_PDF_DEFAULT_OFFICE_NAME));
  set_default (&self->signature.date_text, pdw_report_format_date_id (pdw_report_get_generated_at (report)));

  return self;
}

/* ---- Layout engine --------------------------------------------------------------- */

static double doc_place_signature (DocLayout *layout,
                                   gboolean   place);

PdwReport *
doc_layout_get_report (DocLayout *layout)
{
  return layout->doc->report;
}

const PdwReportSignature *
doc_layout_get_signature (DocLayout *layout)
{
  return &layout->doc->signature;
}

static double
measure (DocLayout  *layout,
         DocFont     font,
         const char *markup,
         double      width)
{
  return pdw_pdf_draw_text (layout->pango, layout->cr, layout->doc->fonts[font], markup, 0, 0, width,
                            PANGO_ALIGN_LEFT, 0, FALSE);
}

static Item *
push_item (DocLayout *layout,
           ItemKind   kind,
           double     x,
           double     y,
           double     width,
           double     height)
{
  Item item = { 0 };

  item.kind = kind;
  item.page = layout->page;
  item.x = x;
  item.y = y;
  item.width = width;
  item.height = height;
  g_array_append_val (layout->doc->items, item);
  return &g_array_index (layout->doc->items, Item, layout->doc->items->len - 1);
}

static void
push_text (DocLayout      *layout,
           DocFont         font,
           const char     *markup,
           double          x,
           double          y,
           double          width,
           double          height,
           PangoAlignment  align)
{
  Item *item = push_item (layout, ITEM_TEXT, x, y, width, height);

  item->markup = g_strdup (markup);
  item->font = font;
  item->align = align;
}

static void
new_page (DocLayout *layout)
{
  layout->page++;
  layout->y = layout->top;
}

static double
heading_height (DocLayout *layout)
{
  if (layout->heading == NULL)
    return 0;
  return MM (3) + measure (layout, DOC_FONT_HEADING, layout->heading, layout->width) + MM (1.5);
}

/* Makes room for @height below the waiting heading (a new page when it
 * does not fit, unless the page is still empty), then places the heading. */
static void
start_block (DocLayout *layout,
             double     height)
{
  double heading = heading_height (layout);

  if (layout->y + heading + height > layout->bottom && layout->y > layout->top)
    new_page (layout);

  if (layout->heading != NULL)
    {
      double y = layout->y + (layout->y > layout->top ? MM (3) : 0);
      double h = measure (layout, DOC_FONT_HEADING, layout->heading, layout->width);

      push_text (layout, DOC_FONT_HEADING, layout->heading, layout->x0, y, layout->width, h, PANGO_ALIGN_LEFT);
      layout->y = y + h + MM (1.5);
      g_clear_pointer (&layout->heading, g_free);
    }
}

void
doc_add_heading (DocLayout  *layout,
                 const char *text)
{
  g_free (layout->heading);
  layout->heading = g_markup_escape_text (text, -1);
}

void
doc_add_space (DocLayout *layout,
               double     height)
{
  layout->y = MIN (layout->y + height, layout->bottom);
}

void
doc_add_paragraph (DocLayout      *layout,
                   const char     *markup,
                   DocFont         font,
                   PangoAlignment  align,
                   double          space_after)
{
  double height = measure (layout, font, markup, layout->width);

  start_block (layout, MIN (height, layout->bottom - layout->top));
  push_text (layout, font, markup, layout->x0, layout->y, layout->width, height, align);
  layout->y += height + space_after;
}

DocTable *
doc_table_new (DocFont font)
{
  DocTable *table = g_new0 (DocTable, 1);

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->emphasis = g_array_new (FALSE, FALSE, sizeof (gboolean));
  table->font = font;
  return table;
}

void
doc_table_free (DocTable *table)
{
  g_ptr_array_unref (table->rows);
  g_array_unref (table->emphasis);
  g_free (table);
}

void
doc_table_add_column (DocTable       *table,
                      const char     *title,
                      double          width,
                      PangoAlignment  align)
{
  g_return_if_fail (table->n_columns < DOC_MAX_COLUMNS);

  table->columns[table->n_columns++] = (DocColumn) { title, width, align };
}

void
doc_table_add_row (DocTable *table,
                   gboolean  emphasis,
                   ...)
{
  char **cells = g_new0 (char *, table->n_columns + 1);
  va_list args;
  char *cell;
  guint n = 0;

  va_start (args, emphasis);
  while ((cell = va_arg (args, char *)) != NULL)
    {
      if (n < table->n_columns)
        cells[n++] = cell;
      else
        g_free (cell);
    }
  va_end (args);

  /* A short row is padded, so that drawing never reads past it. */
  while (n < table->n_columns)
    cells[n++] = g_strdup ("");

  g_ptr_array_add (table->rows, cells);
  g_array_append_val (table->emphasis, emphasis);
}

static double
table_row_height (DocLayout  *layout,
                  DocTable   *table,
                  char      **cells)
{
  double tallest = 0;

  for (guint i = 0; i < table->n_columns; i++)
    tallest = MAX (tallest, measure (layout, table->font, cells[i],
                                     table->columns[i].width * layout->width - 2 * CELL_PAD_X));
  return tallest + 2 * CELL_PAD_Y;
}

static void
place_table_row (DocLayout  *layout,
                 DocTable   *table,
                 char      **cells,
                 double      height,
                 int         shade)
{
  double x = layout->x0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      double width = table->columns[i].width * layout->width;
      Item *item = push_item (layout, ITEM_CELL, x, layout->y, width, height);

      item->markup = g_strdup (cells[i]);
      item->font = table->font;
      item->align = table->columns[i].align;
      item->shade = shade;
      x += width;
    }
  layout->y += height;
}

/* Rows never split; a table that goes on to the next page repeats its
 * header there. */
void
doc_add_table (DocLayout *layout,
               DocTable  *table)
{
  g_auto(GStrv) header = g_new0 (char *, table->n_columns + 1);
  double header_height, first_height;

  for (guint i = 0; i < table->n_columns; i++)
    header[i] = g_markup_printf_escaped ("<b>%s</b>", table->columns[i].title);

  header_height = table_row_height (layout, table, header);
  first_height = table->rows->len > 0 ? table_row_height (layout, table, table->rows->pdata[0]) : 0;

  start_block (layout, header_height + first_height);
  place_table_row (layout, table, header, header_height, 2);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = table->rows->pdata[r];
      double height = r == 0 ? first_height : table_row_height (layout, table, cells);

      if (layout->y + height > layout->bottom)
        {
          new_page (layout);
          place_table_row (layout, table, header, header_height, 2);
        }
      place_table_row (layout, table, cells, height, g_array_index (table->emphasis, gboolean, r) ? 1 : 0);
    }

  layout->y += MM (2);
  doc_table_free (table);
}

void
doc_add_charts (DocLayout      *layout,
                PdwReportChart  first,
                PdwReportChart  second)
{
  PdwReportChart charts[2] = { first, second };
  guint n = second < PDW_REPORT_N_CHARTS ? 2 : 1;
  double width = n == 2 ? (layout->width - CHART_GAP) / 2 : layout->width;
  double title_height = 0, chart_height = 0;
  PdwChartStyle style;

  pdw_chart_style_init_paper (&style);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", pdw_report_chart_get_title_id (charts[i]));

      title_height = MAX (title_height, measure (layout, DOC_FONT_TABLE, title, width));
      chart_height = MAX (chart_height, pdw_report_chart_get_height (layout->doc->report, charts[i], width, &style));
    }
  /* A chart never takes more than half a page. */
  chart_height = MIN (chart_height, (layout->bottom - layout->top) / 2);

  start_block (layout, title_height + MM (1) + chart_height);
  for (guint i = 0; i < n; i++)
    {
      double x = layout->x0 + i * (width + CHART_GAP);
      g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", pdw_report_chart_get_title_id (charts[i]));
      Item *item;

      push_text (layout, DOC_FONT_TABLE, title, x, layout->y, width, title_height, PANGO_ALIGN_LEFT);
      item = push_item (layout, ITEM_CHART, x, layout->y + title_height + MM (1), width, chart_height);
      item->chart = charts[i];
    }
  layout->y += title_height + MM (1) + chart_height + MM (4);
}

double
doc_measure_paragraph (DocLayout  *layout,
                       const char *markup,
                       DocFont     font)
{
  return measure (layout, font, markup, layout->width);
}

void
doc_keep_together (DocLayout *layout,
                   double     height)
{
  if (layout->y + height > layout->bottom && layout->y > layout->top)
    new_page (layout);
}

void
doc_add_signature (DocLayout *layout)
{
  doc_place_signature (layout, TRUE);
}

double
doc_measure_signature (DocLayout *layout)
{
  return doc_place_signature (layout, FALSE);
}

static double
doc_place_signature (DocLayout *layout,
                     gboolean   place)
{
  const PdwReportSignature *signature = &layout->doc->signature;
  double x = layout->x0 + layout->width * 0.5, width = layout->width * 0.5;
  g_autofree char *date = g_markup_printf_escaped ("%s, %s", signature->place, signature->date_text);
  g_autofree char *title = g_markup_escape_text (signature->head_title, -1);
  g_autofree char *name = signature->head_name != NULL && *signature->head_name != '\0'
                          ? g_markup_printf_escaped ("<b><u>%s</u></b>", signature->head_name)
                          : g_strdup ("(....................................................)");
  g_autofree char *rank = signature->head_rank != NULL && *signature->head_rank != '\0'
                          ? g_markup_escape_text (signature->head_rank, -1) : NULL;
  g_autofree char *nip = g_markup_printf_escaped ("NIP. %s", signature->head_nip != NULL && *signature->head_nip != '\0'
                                                             ? signature->head_nip
                                                             : "..................................");
  const char *before[] = { date, title };
  const char *after[] = { name, rank, nip };
  double height = MM (6) + SIGN_SPACE, y;

  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    height += measure (layout, DOC_FONT_BODY, before[i], width);
  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    if (after[i] != NULL)
      height += measure (layout, DOC_FONT_BODY, after[i], width);

  if (!place)
    return height;

  start_block (layout, height);
  y = layout->y + MM (6);
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    {
      double h = measure (layout, DOC_FONT_BODY, before[i], width);

      push_text (layout, DOC_FONT_BODY, before[i], x, y, width, h, PANGO_ALIGN_CENTER);
      y += h;
    }
  y += SIGN_SPACE;
  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    {
      double h;

      if (after[i] == NULL)
        continue;
      h = measure (layout, DOC_FONT_BODY, after[i], width);
      push_text (layout, DOC_FONT_BODY, after[i], x, y, width, h, PANGO_ALIGN_CENTER);
      y += h;
    }
  layout->y = y;
  return height;
}

static const char *
document_title (PdwReport *report)
{
  switch (pdw_report_get_period (report)->kind)
    {
    case PDW_REPORT_PERIOD_YEAR:
      return "LAPORAN TAHUNAN LAYANAN PANDAWA";
    case PDW_REPORT_PERIOD_RANGE:
      return "LAPORAN LAYANAN PANDAWA";
    case PDW_REPORT_PERIOD_MONTH:
    default:
      return "LAPORAN BULANAN LAYANAN PANDAWA";
    }
}

/* Letterhead, title, subtitle and period, on the first page. */
static void
place_first_page_head (DocLayout *layout)
{
  PdwReportDocument *doc = layout->doc;
  g_autofree char *period = pdw_report_period_dup_label_id (pdw_report_get_period (doc->report));
  g_autofree char *title = g_markup_printf_escaped ("<u>%s</u>", document_title (doc->report));
  g_autofree char *period_line = g_markup_printf_escaped ("Periode: <b>%s</b>", period);
  double y = pdw_pdf_draw_letterhead (layout->pango, layout->cr, doc->signature.office_name,
                                      doc->signature.office_address, layout->x0, layout->y,
                                      layout->width, FALSE);
  double h;

  push_item (layout, ITEM_LETTERHEAD, layout->x0, layout->y, layout->width, y - layout->y);
  layout->y = y;
  h = measure (layout, DOC_FONT_TITLE, title, layout->width);
  push_text (layout, DOC_FONT_TITLE, title, layout->x0, layout->y, layout->width, h, PANGO_ALIGN_CENTER);
  layout->y += h + MM (0.5);
  h = measure (layout, DOC_FONT_BODY, "Pengaduan Data Kependudukan melalui WhatsApp", layout->width);
  push_text (layout, DOC_FONT_BODY, "Pengaduan Data Kependudukan melalui WhatsApp", layout->x0, layout->y,
             layout->width, h, PANGO_ALIGN_CENTER);
  layout->y += h + MM (0.5);
  h = measure (layout, DOC_FONT_BODY, period_line, layout->width);
  push_text (layout, DOC_FONT_BODY, period_line, layout->x0, layout->y, layout->width, h, PANGO_ALIGN_CENTER);
  layout->y += h + MM (4);
}

static char *
running_head_markup (PdwReportDocument *doc)
{
  g_autofree char *period = pdw_report_period_dup_label_id (pdw_report_get_period (doc->report));

  return g_markup_printf_escaped ("<b>%s</b> — %s", document_title (doc->report), period);
}

guint
pdw_report_document_paginate (PdwReportDocument *doc,
                              cairo_t           *cr,
                              double             page_width,
                              double             page_height)
{
  DocLayout layout = { 0 };
  g_autofree char *running = NULL;

  g_return_val_if_fail (PDW_IS_REPORT_DOCUMENT (doc), 1);
  g_return_val_if_fail (cr != NULL, 1);

  g_array_set_size (doc->items, 0);
  doc->page_width = page_width;
  doc->page_height = page_height;

  layout.doc = doc;
  layout.cr = cr;
  layout.pango = pdw_pdf_create_pango_context (cr);
  layout.x0 = MARGIN_LEFT;
  layout.width = page_width - MARGIN_LEFT - MARGIN_RIGHT;
  layout.y = MARGIN_TOP;
  layout.bottom = page_height - MARGIN_BOTTOM - FOOTER_HEIGHT;
  running = running_head_markup (doc);
  layout.top = MARGIN_TOP + measure (&layout, DOC_FONT_SMALL, running, layout.width) + MM (4);

  place_first_page_head (&layout);
  doc_build_content (&layout);

  doc->n_pages = layout.page + 1;
  g_free (layout.heading);
  g_object_unref (layout.pango);
  return doc->n_pages;
}

guint
pdw_report_document_get_n_pages (PdwReportDocument *doc)
{
  g_return_val_if_fail (PDW_IS_REPORT_DOCUMENT (doc), 0);
  return doc->n_pages;
}

/* ---- Drawing ------------------------------------------------------------------ */

static void
draw_cell (PdwReportDocument *doc,
           PangoContext      *pango,
           cairo_t           *cr,
           const Item        *item)
{
  cairo_rectangle (cr, item->x, item->y, item->width, item->height);
  if (item->shade > 0)
    {
      double grey = item->shade == 2 ? 0.88 : 0.95;

      cairo_set_source_rgb (cr, grey, grey, grey);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  cairo_set_line_width (cr, PDW_PDF_RULE_THIN);
  cairo_stroke (cr);

  pdw_pdf_draw_text (pango, cr, doc->fonts[item->font], item->markup, item->x + CELL_PAD_X,
                     item->y + CELL_PAD_Y, item->width - 2 * CELL_PAD_X,
                     item->shade == 2 ? PANGO_ALIGN_CENTER : item->align, 0, TRUE);
}

static void
draw_page_frame (PdwReportDocument *doc,
                 PangoContext      *pango,
                 cairo_t           *cr,
                 guint              page_nr)
{
  double x0 = MARGIN_LEFT, width = doc->page_width - MARGIN_LEFT - MARGIN_RIGHT;
  double footer_y = doc->page_height - MARGIN_BOTTOM - FOOTER_HEIGHT + MM (3);
  g_autofree char *page = g_strdup_printf ("Halaman %u dari %u", page_nr + 1, doc->n_pages);
  g_autofree char *running = running_head_markup (doc);
  g_autofree char *generated = pdw_report_format_date_id (pdw_report_get_generated_at (doc->report));
  g_autofree char *left = g_markup_printf_escaped ("Dibuat oleh PANDAWA %s, %s", PACKAGE_VERSION, generated);

  if (page_nr > 0)
    {
      double h = pdw_pdf_draw_text (pango, cr, doc->fonts[DOC_FONT_SMALL], running, x0, MARGIN_TOP, width,
                                    PANGO_ALIGN_LEFT, 1, TRUE);

      pdw_pdf_draw_hline (cr, x0, x0 + width, MARGIN_TOP + h + MM (1), PDW_PDF_RULE_THIN);
    }

  pdw_pdf_draw_hline (cr, x0, x0 + width, footer_y, PDW_PDF_RULE_THIN);
  pdw_pdf_draw_text (pango, cr, doc->fonts[DOC_FONT_SMALL], left, x0, footer_y + MM (1), width,
                     PANGO_ALIGN_LEFT, 1, TRUE);
  pdw_pdf_draw_text (pango, cr, doc->fonts[DOC_FONT_SMALL], page, x0, footer_y + MM (1), width,
                     PANGO_ALIGN_RIGHT, 1, TRUE);
}

void
pdw_report_document_draw_page (PdwReportDocument *doc,
                               cairo_t           *cr,
                               guint              page_nr)
{
  PangoContext *pango;
  PdwChartStyle style;

  g_return_if_fail (PDW_IS_REPORT_DOCUMENT (doc));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_nr < doc->n_pages);

  pango = pdw_pdf_create_pango_context (cr);
  pdw_chart_style_init_paper (&style);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_page_frame (doc, pango, cr, page_nr);

  for (guint i = 0; i < doc->items->len; i++)
    {
      const Item *item = &g_array_index (doc->items, Item, i);

      if (item->page != page_nr)
        continue;

      switch (item->kind)
        {
        case ITEM_TEXT:
          pdw_pdf_draw_text (pango, cr, doc->fonts[item->font], item->markup, item->x, item->y, item->width,
                             item->align, 0, TRUE);
          break;
        case ITEM_CELL:
          draw_cell (doc, pango, cr, item);
          break;
        case ITEM_CHART:
          cairo_save (cr);
          cairo_translate (cr, item->x, item->y);
          pdw_report_chart_draw (doc->report, item->chart, cr, item->width, item->height, &style);
          cairo_restore (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          break;
        case ITEM_LETTERHEAD:
          pdw_pdf_draw_letterhead (pango, cr, doc->signature.office_name, doc->signature.office_address,
                                   item->x, item->y, item->width, TRUE);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
  g_object_unref (pango);
}

/* ---- The PDF file --------------------------------------------------------------- */

static void
render_cb (cairo_t  *cr,
           gpointer  user_data)
{
  PdwReportDocument *doc = user_data;
  guint n_pages = pdw_report_document_paginate (doc, cr, PDW_REPORT_PAGE_WIDTH, PDW_REPORT_PAGE_HEIGHT);

  for (guint page = 0; page < n_pages; page++)
    {
      pdw_report_document_draw_page (doc, cr, page);
      cairo_show_page (cr);
    }
}

gboolean
pdw_report_pdf_write (PdwReport                *report,
                      const PdwReportSignature *signature,
                      const char               *path,
                      GError                  **error)
{
  g_autoptr(PdwReportDocument) doc = NULL;
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;
  PdwPdfFailure failure;

  g_return_val_if_fail (PDW_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = pdw_report_document_new (report, signature);
  period = pdw_report_period_dup_label_id (pdw_report_get_period (report));
  title = g_strdup_printf ("Laporan Layanan PANDAWA %s", period);

  if (pdw_pdf_write_file (path, PDW_REPORT_PAGE_WIDTH, PDW_REPORT_PAGE_HEIGHT, title, render_cb, doc, &failure))
    return TRUE;

  if (failure.saved_errno != 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (failure.saved_errno),
                   _("Cannot write the report to “%s”: %s"), display, g_strerror (failure.saved_errno));
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot draw the report: %s"), cairo_status_to_string (failure.status));
    }
  return FALSE;
}

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  g_clear_object (&job->report);
  pdw_report_signature_clear (&job->signature);
  g_free (job->path);
  g_free (job);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (pdw_report_pdf_write (job->report, &job->signature, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pdw_report_pdf_write_async (PdwReport                *report,
                            const PdwReportSignature *signature,
                            const char               *path,
                            GCancellable             *cancellable,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (PDW_IS_REPORT (report));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (WriteJob, 1);
  job->report = g_object_ref (report);
  if (signature != NULL)
    pdw_report_signature_copy (&job->signature, signature);
  job->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_report_pdf_write_async);
  g_task_set_task_data (task, job, write_job_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
pdw_report_pdf_write_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pdw_report_pdf_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
pdw_report_pdf_write_for_format (PdwReport                     *report,
                                 const char                    *path,
                                 const PdwReportExportOptions  *options,
                                 GError                       **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  PdwReportSignature signature = { 0 };
  gboolean ok;

  /* Without the schema installed (an uninstalled CLI) GSettings would
   * abort: the document's defaults then. */
  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);

      pdw_report_signature_init_from_settings (&signature, settings);
    }

  ok = pdw_report_pdf_write (report, &signature, path, error);
  pdw_report_signature_clear (&signature);
  return ok;
}
