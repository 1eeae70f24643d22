/* pdw-card-pdf.c
 *
 * The control card is an official form of the office: its wording (title,
 * field names, column heads, units) stays in Indonesian whatever the locale,
 * as on the paper card it replaces.  Only what comes from the application
 * (activity and status labels) follows the locale; error messages are
 * translated as usual.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-card-line.h"
#include "core/pdw-identity.h"
#include "core/pdw-service-calendar.h"
#include "core/pdw-workflow.h"
#include "core/pdw-report.h"
#include "pdw-card-pdf.h"
#include "pdw-export-private.h"
#include "pdw-pdf-common.h"

#define MM(x)         PDW_PDF_MM (x)
#define PAGE_WIDTH    MM (297.0)   /* A4 landscape */
#define PAGE_HEIGHT   MM (210.0)
#define MARGIN        MM (15.0)
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define CELL_PAD_X    MM (1.5)
#define CELL_PAD_Y    MM (1.2)
#define FOOTER_HEIGHT MM (8.0)
#define RULE_THIN     PDW_PDF_RULE_THIN

/* Keeps a pathological remark from growing a row past one page. */
#define MAX_CELL_LINES 12

#define BODY_FONT   "Sans 9"
#define SMALL_FONT  "Sans 8"
#define TITLE_FONT  "Sans Bold 12"

enum
{
  COL_NO,
  COL_ACTIVITY,
  COL_OFFICER,
  COL_GIVEN_AT,
  COL_GIVEN_BY,
  COL_TAKEN_AT,
  COL_TAKEN_BY,
  COL_STANDARD,
  COL_ACTUAL,
  COL_REMARKS,
  N_COLUMNS
};

typedef struct
{
  const char     *title;
  const char     *group;     /* heading spanning this column and the next */
  double          width_mm;
  PangoAlignment  align;
} Column;

/* Widths add up to the 267 mm between the margins. */
static const Column columns[N_COLUMNS] = {
  { "No",            NULL,          8.0, PANGO_ALIGN_CENTER },
  { "Kegiatan",      NULL,         50.0, PANGO_ALIGN_LEFT },
  { "Petugas",       NULL,         32.0, PANGO_ALIGN_LEFT },
  { "Tgl/Jam",       "Diserahkan", 34.0, PANGO_ALIGN_CENTER },
  { "Paraf",         NULL,         12.0, PANGO_ALIGN_CENTER },
  { "Tgl/Jam",       "Diterima",   34.0, PANGO_ALIGN_CENTER },
  { "Paraf",         NULL,         12.0, PANGO_ALIGN_CENTER },
  { "Waktu Standar", NULL,         20.0, PANGO_ALIGN_CENTER },
  { "Waktu Nyata",   NULL,         24.0, PANGO_ALIGN_CENTER },
  { "Keterangan",    NULL,         41.0, PANGO_ALIGN_LEFT },
};

typedef struct
{
  char   *cells[N_COLUMNS];  /* Pango markup */
  double  height;
  guint   page;              /* 1-based */
} CardRow;

struct _PdwCardDocument
{
  PdwStore     *store;
  PdwComplaint *complaint;
  GPtrArray    *events;      /* PdwComplaintEvent, oldest first */
  GArray       *rows;        /* CardRow */
  GTimeZone    *tz;
  char         *office_name;
  char         *office_address;
  gint64        printed_at;
  guint         n_pages;
  PangoContext *pango;
  PangoFontDescription *body_font;
  PangoFontDescription *small_font;
  PangoFontDescription *title_font;
};

typedef PdwCardDocument Card;

typedef struct
{
  PdwStore *store;
  gint64    complaint_id;
  char     *office_name;
  char     *office_address;
  gint64    printed_at;
  char     *path;
} WriteJob;

static void
card_row_clear (gpointer data)
{
  CardRow *row = data;

  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&row->cells[i], g_free);
}

void
pdw_card_document_free (PdwCardDocument *card)
{
  if (card == NULL)
    return;

  g_clear_object (&card->store);
  g_clear_object (&card->complaint);
  g_clear_pointer (&card->events, g_ptr_array_unref);
  g_clear_pointer (&card->rows, g_array_unref);
  g_clear_pointer (&card->tz, g_time_zone_unref);
  g_clear_pointer (&card->office_name, g_free);
  g_clear_pointer (&card->office_address, g_free);
  g_clear_object (&card->pango);
  g_clear_pointer (&card->body_font, pango_font_description_free);
  g_clear_pointer (&card->small_font, pango_font_description_free);
  g_clear_pointer (&card->title_font, pango_font_description_free);
  g_free (card);
}


static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  g_clear_object (&job->store);
  g_free (job->office_name);
  g_free (job->office_address);
  g_free (job->path);
  g_free (job);
}

/* ---- Text ------------------------------------------------------------------ */

char *
pdw_card_format_duration (gint64 seconds)
{
  /* The report writes durations the same way; an empty cell for none. */
  return seconds > 0 ? pdw_report_format_duration (seconds) : g_strdup ("");
}

static char *
format_wib (Card   *card,
            gint64  unix_time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (unix_time <= 0 || (utc = g_date_time_new_from_unix_utc (unix_time)) == NULL)
    return g_strdup ("");

  local = g_date_time_to_timezone (utc, card->tz);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

static char *
escape_or_dash (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_strdup ("–");
  return g_markup_escape_text (text, -1);
}

static char *
activity_markup (PdwComplaintEvent *event)
{
  g_autofree char *activity = pdw_card_line_dup_activity (event);

  return g_markup_escape_text (activity, -1);
}

static char *
remarks_markup (PdwComplaintEvent *event)
{
  const char *recipient = pdw_card_line_get_recipient (event);
  g_autofree char *note = pdw_card_line_dup_note (event);
  g_autoptr(GString) text = g_string_new (NULL);

  if (recipient != NULL)
    g_string_append_printf (text, "Kepada: %s", recipient);

  if (note != NULL)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, note);
    }

  return g_markup_escape_text (text->str, text->len);
}

/* The initials written with the line, so that a later edit of the
 * officers list does not change an old card; lines from before the column
 * existed fall back to the list. */
static char *
initials_markup (Card              *card,
                 PdwComplaintEvent *event)
{
  const char *stored = pdw_complaint_event_get_actor_initials (event);
  g_autofree char *initials = NULL;

  if (stored != NULL && stored[0] != '\0')
    return g_markup_escape_text (stored, -1);

  initials = pdw_store_dup_actor_initials (card->store,
                                           pdw_complaint_event_get_actor_name (event),
                                           pdw_complaint_event_get_actor_nip (event));
  return g_markup_escape_text (initials != NULL ? initials : "", -1);
}

static char *
actual_time_markup (gint64   actual,
                    gint64   standard,
                    gboolean running)
{
  g_autofree char *text = pdw_card_format_duration (actual);

  if (standard > 0 && actual > standard)
    return g_markup_printf_escaped (running ? "<b>⚠ %s (berjalan, terlambat)</b>"
                                            : "<b>⚠ %s (terlambat)</b>", text);
  if (running)
    return g_markup_printf_escaped ("%s (berjalan)", text);
  return g_markup_escape_text (text, -1);
}

/* When the promise of step 5 ("aktif maksimal 2x24 jam") was kept or broken:
 * the data became active (the ADB's "done") or the file was closed.  0 while
 * it still runs. */
static gint64
sla_end_after (Card  *card,
               guint  index)
{
  for (guint i = index + 1; i < card->events->len; i++)
    {
      PdwComplaintEvent *event = g_ptr_array_index (card->events, i);
      const char *action = pdw_complaint_event_get_action (event);

      if (g_strcmp0 (action, "consolidation_done") == 0 ||
          g_strcmp0 (action, "resolve") == 0 ||
          g_strcmp0 (action, "reject") == 0 ||
          g_strcmp0 (action, "reopen") == 0)
        return pdw_complaint_event_get_timestamp (event);
    }

  return 0;
}

/* The time a line took: from the line before it, since the SOP times each
 * step from the end of the previous one; for the step that makes the
 * 2x24-hour promise, the time until the promise was kept, so that a late
 * file shows as late on the line whose standard it broke. */
static char *
actual_cell (Card  *card,
             guint  index)
{
  PdwComplaintEvent *event = g_ptr_array_index (card->events, index);
  const char *action = pdw_complaint_event_get_action (event);
  gint64 standard = pdw_workflow_action_get_standard_time (action);
  gint64 at = pdw_complaint_event_get_timestamp (event);
  PdwComplaintEvent *previous;

  if (pdw_workflow_action_starts_sla (action))
    {
      gint64 end = sla_end_after (card, index);

      return end > 0 ? actual_time_markup (end - at, standard, FALSE)
                     : actual_time_markup (MAX (card->printed_at - at, 0), standard, TRUE);
    }

  /* The first line has nothing before it on the card to measure from. */
  if (index == 0)
    return g_strdup ("");

  previous = g_ptr_array_index (card->events, index - 1);
  /* Right after the promise, the wait is the promise's: flagged there. */
  if (pdw_workflow_action_starts_sla (pdw_complaint_event_get_action (previous)))
    standard = 0;

  return actual_time_markup (at - pdw_complaint_event_get_timestamp (previous), standard, FALSE);
}

static gboolean
same_officer (PdwComplaintEvent *a,
              PdwComplaintEvent *b)
{
  const char *nip = pdw_complaint_event_get_actor_nip (a);

  if (nip != NULL && *nip != '\0')
    return g_strcmp0 (nip, pdw_complaint_event_get_actor_nip (b)) == 0;
  return g_strcmp0 (pdw_complaint_event_get_actor_name (a), pdw_complaint_event_get_actor_name (b)) == 0;
}

/* Who received the file the line handed over, and when: whoever wrote the
 * next line.  A coordination hands the file to a division: its officer who
 * received it was recorded with the line, at that moment; without one, the
 * column stays empty for a hand-written initial rather than show the
 * sender's own initials when the sender wrote the next line too. */
static void
received_cells (Card               *card,
                PdwComplaintEvent  *event,
                PdwComplaintEvent  *next,
                char              **taken_at,
                char              **taken_by)
{
  g_autofree char *receiver = NULL;

  if (g_strcmp0 (pdw_complaint_event_get_action (event), "coordinate") == 0)
    {
      receiver = pdw_card_line_dup_receiver_initials (event);
      if (receiver != NULL)
        {
          *taken_at = format_wib (card, pdw_complaint_event_get_timestamp (event));
          *taken_by = g_markup_escape_text (receiver, -1);
          return;
        }

      if (next != NULL && same_officer (event, next))
        {
          *taken_at = g_strdup ("");
          *taken_by = g_strdup ("");
          return;
        }
    }

  *taken_at = next ? format_wib (card, pdw_complaint_event_get_timestamp (next)) : g_strdup ("");
  *taken_by = next ? initials_markup (card, next) : g_strdup ("");
}

static void
card_build_rows (Card *card)
{
  card->rows = g_array_sized_new (FALSE, TRUE, sizeof (CardRow), card->events->len);
  g_array_set_clear_func (card->rows, card_row_clear);

  for (guint i = 0; i < card->events->len; i++)
    {
      PdwComplaintEvent *event = g_ptr_array_index (card->events, i);
      PdwComplaintEvent *next = i + 1 < card->events->len ? g_ptr_array_index (card->events, i + 1) : NULL;
      const char *action = pdw_complaint_event_get_action (event);
      gint64 standard = pdw_workflow_action_get_standard_time (action);
      CardRow row = { { NULL }, 0, 0 };

      row.cells[COL_NO] = g_strdup_printf ("%u", i + 1);
      row.cells[COL_ACTIVITY] = activity_markup (event);
      row.cells[COL_OFFICER] = escape_or_dash (pdw_complaint_event_get_actor_name (event));
      row.cells[COL_GIVEN_AT] = format_wib (card, pdw_complaint_event_get_timestamp (event));
      row.cells[COL_GIVEN_BY] = initials_markup (card, event);
      received_cells (card, event, next, &row.cells[COL_TAKEN_AT], &row.cells[COL_TAKEN_BY]);
      row.cells[COL_STANDARD] = pdw_card_format_duration (standard);
      row.cells[COL_ACTUAL] = actual_cell (card, i);
      row.cells[COL_REMARKS] = remarks_markup (event);

      g_array_append_val (card->rows, row);
    }
}

/* ---- Drawing --------------------------------------------------------------- */

/* Lays out @markup in @width and, when @draw, paints it at (@x, @y).
 * Returns its height, so that one function both measures and draws. */
static double
draw_text (Card                       *card,
           cairo_t                    *cr,
           const PangoFontDescription *font,
           const char                 *markup,
           double                      x,
           double                      y,
           double                      width,
           PangoAlignment              align,
           gboolean                    draw)
{
  return pdw_pdf_draw_text (card->pango, cr, font, markup, x, y, width, align, MAX_CELL_LINES, draw);
}

static double
column_x (guint column)
{
  double x = MARGIN;

  for (guint i = 0; i < column; i++)
    x += MM (columns[i].width_mm);
  return x;
}

static void
draw_cell_box (cairo_t *cr,
               double   x,
               double   y,
               double   width,
               double   height,
               gboolean shaded)
{
  cairo_rectangle (cr, x, y, width, height);
  if (shaded)
    {
      cairo_set_source_rgb (cr, 0.90, 0.90, 0.90);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  cairo_set_line_width (cr, RULE_THIN);
  cairo_stroke (cr);
}

/* A heading centred in a box, both ways. */
static void
draw_heading_cell (Card       *card,
                   cairo_t    *cr,
                   const char *title,
                   double      x,
                   double      y,
                   double      width,
                   double      height)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", title);
  double text_height;

  draw_cell_box (cr, x, y, width, height, TRUE);
  text_height = draw_text (card, cr, card->small_font, markup, 0, 0, width - 2 * CELL_PAD_X,
                           PANGO_ALIGN_CENTER, FALSE);
  draw_text (card, cr, card->small_font, markup, x + CELL_PAD_X, y + (height - text_height) / 2,
             width - 2 * CELL_PAD_X, PANGO_ALIGN_CENTER, TRUE);
}

static double
table_header_tier_height (Card    *card,
                          cairo_t *cr)
{
  /* The tallest single heading ("Waktu Standar" wraps to two lines) sets
   * the height of both tiers together. */
  double tallest = 0;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", columns[i].title);

      tallest = MAX (tallest, draw_text (card, cr, card->small_font, markup, 0, 0,
                                         MM (columns[i].width_mm) - 2 * CELL_PAD_X,
                                         PANGO_ALIGN_CENTER, FALSE));
    }
  return tallest / 2 + 2 * CELL_PAD_Y;
}

/* Two tiers: "Diserahkan" and "Diterima" span their date and initials
 * columns, the other headings span both tiers, as on the paper card. */
static double
draw_table_header (Card     *card,
                   cairo_t  *cr,
                   double    y,
                   gboolean  draw)
{
  double tier = table_header_tier_height (card, cr);

  if (!draw)
    return 2 * tier;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      double x = column_x (i);
      double width = MM (columns[i].width_mm);

      if (columns[i].group != NULL)
        {
          draw_heading_cell (card, cr, columns[i].group, x, y,
                             width + MM (columns[i + 1].width_mm), tier);
          draw_heading_cell (card, cr, columns[i].title, x, y + tier, width, tier);
          draw_heading_cell (card, cr, columns[i + 1].title, x + width, y + tier,
                             MM (columns[i + 1].width_mm), tier);
          i++;
        }
      else
        {
          draw_heading_cell (card, cr, columns[i].title, x, y, width, 2 * tier);
        }
    }

  return 2 * tier;
}

static double
measure_row (Card    *card,
             cairo_t *cr,
             CardRow *row)
{
  double tallest = 0;

  for (guint i = 0; i < N_COLUMNS; i++)
    tallest = MAX (tallest, draw_text (card, cr, card->body_font, row->cells[i], 0, 0,
                                       MM (columns[i].width_mm) - 2 * CELL_PAD_X,
                                       columns[i].align, FALSE));
  return tallest + 2 * CELL_PAD_Y;
}

static void
draw_row (Card    *card,
          cairo_t *cr,
          CardRow *row,
          double   y)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      double x = column_x (i);
      double width = MM (columns[i].width_mm);

      draw_cell_box (cr, x, y, width, row->height, FALSE);
      draw_text (card, cr, card->body_font, row->cells[i], x + CELL_PAD_X, y + CELL_PAD_Y,
                 width - 2 * CELL_PAD_X, columns[i].align, TRUE);
    }
}

static char *
identity_markup (const char *number)
{
  g_autofree char *masked = NULL;

  if (number == NULL || *number == '\0')
    return g_strdup ("–");
  masked = pdw_identity_mask (number);
  return g_markup_escape_text (masked, -1);
}

/* The complaint's fields, two label/value columns side by side. */
static double
draw_header_block (Card     *card,
                   cairo_t  *cr,
                   double    y,
                   gboolean  draw)
{
  PdwComplaint *c = card->complaint;
  g_autofree char *type = pdw_store_dup_catalog_label_id (card->store, PDW_CATALOG_COMPLAINT_TYPE,
                                                          pdw_complaint_get_complaint_type (c));
  g_autofree char *institution = pdw_store_dup_catalog_label_id (card->store, PDW_CATALOG_INSTITUTION,
                                                                 pdw_complaint_get_institution (c));
  g_autofree char *registered = format_wib (card, pdw_complaint_get_created_at (c));
  g_autofree char *due = format_wib (card, pdw_complaint_get_due_at (c));
  const char *status = pdw_complaint_status_get_label_id (pdw_complaint_get_status (c));
  /* +62…, as the consolidation list writes it. */
  g_autofree char *phone = _pdw_export_dup_phone (pdw_complaint_get_phone (c));
  struct {
    const char *label;
    char       *value;  /* markup */
  } fields[] = {
    { "Nomor Tiket",        escape_or_dash (pdw_complaint_get_ticket (c)) },
    { "Tanggal Registrasi", *registered ? g_markup_printf_escaped ("%s WIB", registered) : g_strdup ("–") },
    { "Nama Pemohon",       escape_or_dash (pdw_complaint_get_citizen_name (c)) },
    { "NIK",                identity_markup (pdw_complaint_get_nik (c)) },
    { "No. KK",             identity_markup (pdw_complaint_get_kk (c)) },
    { "No. Telepon",        escape_or_dash (phone) },
    { "Jenis Pengaduan",    escape_or_dash (type) },
    { "Instansi",           escape_or_dash (institution) },
    { "Status",             escape_or_dash (status) },
    { "Batas Waktu",        *due ? g_markup_printf_escaped ("%s WIB", due) : g_strdup ("–") },
  };
  const guint per_column = G_N_ELEMENTS (fields) / 2;
  const double half = CONTENT_WIDTH / 2;
  const double label_width = MM (38);
  double bottom = y;

  for (guint col = 0; col < 2; col++)
    {
      double x = MARGIN + col * half;
      double row_y = y;

      for (guint i = col * per_column; i < (col + 1) * per_column; i++)
        {
          g_autofree char *label = g_markup_printf_escaped ("%s", fields[i].label);
          double h;

          draw_text (card, cr, card->body_font, label, x, row_y, label_width, PANGO_ALIGN_LEFT, draw);
          draw_text (card, cr, card->body_font, ":", x + label_width, row_y, MM (3), PANGO_ALIGN_LEFT, draw);
          h = draw_text (card, cr, card->body_font, fields[i].value, x + label_width + MM (3), row_y,
                         half - label_width - MM (6), PANGO_ALIGN_LEFT, draw);
          row_y += h + MM (0.8);
        }
      bottom = MAX (bottom, row_y);
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_free (fields[i].value);

  return bottom + MM (3);
}

static double
draw_first_page_head (Card     *card,
                      cairo_t  *cr,
                      gboolean  draw)
{
  double y = pdw_pdf_draw_letterhead (card->pango, cr, card->office_name, card->office_address,
                                      MARGIN, MARGIN, CONTENT_WIDTH, draw);

  y += draw_text (card, cr, card->title_font, "<u>KARTU KENDALI PENGADUAN PANDAWA</u>", MARGIN, y,
                  CONTENT_WIDTH, PANGO_ALIGN_CENTER, draw);
  y += MM (3);
  return draw_header_block (card, cr, y, draw);
}

/* Later pages repeat the title and ticket so that a loose page can be put
 * back with its file. */
static double
draw_next_page_head (Card     *card,
                     cairo_t  *cr,
                     gboolean  draw)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>KARTU KENDALI PENGADUAN PANDAWA</b> — %s (lanjutan)",
                                                     pdw_complaint_get_ticket (card->complaint));

  return MARGIN + draw_text (card, cr, card->body_font, markup, MARGIN, MARGIN, CONTENT_WIDTH,
                             PANGO_ALIGN_LEFT, draw) + MM (3);
}

static void
draw_footer (Card    *card,
             cairo_t *cr,
             guint    page)
{
  g_autofree char *printed = format_wib (card, card->printed_at);
  g_autofree char *left = g_markup_printf_escaped ("Dicetak %s WIB oleh PANDAWA — %s",
                                                   printed, pdw_complaint_get_ticket (card->complaint));
  g_autofree char *right = g_strdup_printf ("Halaman %u dari %u", page, card->n_pages);
  double y = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT + MM (2);

  pdw_pdf_draw_hline (cr, MARGIN, MARGIN + CONTENT_WIDTH, y, RULE_THIN);
  draw_text (card, cr, card->small_font, left, MARGIN, y + MM (1), CONTENT_WIDTH, PANGO_ALIGN_LEFT, TRUE);
  draw_text (card, cr, card->small_font, right, MARGIN, y + MM (1), CONTENT_WIDTH, PANGO_ALIGN_RIGHT, TRUE);
}

/* Assigns each row its page: a row that does not fit below the last one
 * starts a new page under a repeated table header. */
static void
card_paginate (Card    *card,
               cairo_t *cr)
{
  double header = draw_table_header (card, cr, 0, FALSE);
  double bottom = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT;
  double y = draw_first_page_head (card, cr, FALSE) + header;
  guint page = 1;
  gboolean page_empty = TRUE;

  for (guint i = 0; i < card->rows->len; i++)
    {
      CardRow *row = &g_array_index (card->rows, CardRow, i);

      row->height = measure_row (card, cr, row);
      if (!page_empty && y + row->height > bottom)
        {
          page++;
          y = draw_next_page_head (card, cr, FALSE) + header;
          page_empty = TRUE;
        }
      row->page = page;
      y += row->height;
      page_empty = FALSE;
    }

  card->n_pages = page;
}

/* Page @page (1-based) in the card's own A4 landscape points. */
static void
card_draw_page (Card    *card,
                cairo_t *cr,
                guint    page)
{
  double y = page == 1 ? draw_first_page_head (card, cr, TRUE) : draw_next_page_head (card, cr, TRUE);

  y += draw_table_header (card, cr, y, TRUE);
  for (guint i = 0; i < card->rows->len; i++)
    {
      CardRow *row = &g_array_index (card->rows, CardRow, i);

      if (row->page != page)
        continue;
      draw_row (card, cr, row, y);
      y += row->height;
    }

  draw_footer (card, cr, page);
}

/* Points, not the screen's 96 dpi: "Sans 9" is 9 pt on paper.  The
 * context follows @cr, so that text is measured as that surface draws it. */
static void
card_set_cairo (Card    *card,
                cairo_t *cr)
{
  g_clear_object (&card->pango);
  card->pango = pdw_pdf_create_pango_context (cr);
}

guint
pdw_card_document_paginate (PdwCardDocument *card,
                            cairo_t         *cr)
{
  g_return_val_if_fail (card != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  card_set_cairo (card, cr);
  card_paginate (card, cr);
  return card->n_pages;
}

const char *
pdw_card_document_get_ticket (PdwCardDocument *card)
{
  g_return_val_if_fail (card != NULL, NULL);

  return pdw_complaint_get_ticket (card->complaint);
}

guint
pdw_card_document_get_n_pages (PdwCardDocument *card)
{
  g_return_val_if_fail (card != NULL, 0);

  return card->n_pages;
}

void
pdw_card_document_draw_page (PdwCardDocument *card,
                             cairo_t         *cr,
                             guint            page_nr,
                             double           page_width,
                             double           page_height)
{
  double scale = 1.0;

  g_return_if_fail (card != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_nr < card->n_pages);

  /* Another paper than A4 landscape: the card shrinks to fit, whole. */
  if (page_width > 0 && page_height > 0)
    scale = MIN (page_width / PAGE_WIDTH, page_height / PAGE_HEIGHT);

  cairo_save (cr);
  if (scale < 0.999 || scale > 1.001)
    cairo_scale (cr, scale, scale);
  card_set_cairo (card, cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  card_draw_page (card, cr, page_nr + 1);
  cairo_restore (cr);
}

/* ---- Files ----------------------------------------------------------------- */

static void
card_render_cb (cairo_t  *cr,
                gpointer  user_data)
{
  Card *card = user_data;
  guint n_pages = pdw_card_document_paginate (card, cr);

  for (guint page = 0; page < n_pages; page++)
    {
      pdw_card_document_draw_page (card, cr, page, PAGE_WIDTH, PAGE_HEIGHT);
      cairo_show_page (cr);
    }
}

static gboolean
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write the control card to “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/* Written next to @path and renamed, 0600: the card holds personal data
 * even with the NIK masked. */
static gboolean
card_write_file (Card        *card,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *title = g_strdup_printf ("Kartu kendali %s", pdw_complaint_get_ticket (card->complaint));
  PdwPdfFailure failure;

  if (pdw_pdf_write_file (path, PAGE_WIDTH, PAGE_HEIGHT, title, card_render_cb, card, &failure))
    return TRUE;

  if (failure.saved_errno != 0)
    return set_error_from_errno (error, failure.saved_errno, path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Cannot draw the control card: %s"), cairo_status_to_string (failure.status));
  return FALSE;
}

PdwCardDocument *
pdw_card_document_load (PdwStore              *store,
                        gint64                 complaint_id,
                        const PdwCardOptions  *options,
                        GError               **error)
{
  g_autoptr(PdwCardDocument) card = g_new0 (Card, 1);
  const char *office_name = options ? options->office_name : NULL;
  const char *office_address = options ? options->office_address : NULL;
  gint64 printed_at = options ? options->printed_at : 0;

  g_return_val_if_fail (PDW_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  card->store = g_object_ref (store);
  if ((card->complaint = pdw_store_dup_complaint (store, complaint_id, error)) == NULL)
    return NULL;
  if ((card->events = pdw_store_list_complaint_events (store, complaint_id, error)) == NULL)
    return NULL;

  card->tz = pdw_time_zone_new_wib ();
  card->office_name = g_strdup (office_name && *office_name ? office_name : PDW_PDF_DEFAULT_OFFICE_NAME);
  card->office_address = g_strdup (office_address);
  card->printed_at = printed_at > 0 ? printed_at : g_get_real_time () / G_USEC_PER_SEC;
  card->body_font = pango_font_description_from_string (BODY_FONT);
  card->small_font = pango_font_description_from_string (SMALL_FONT);
  card->title_font = pango_font_description_from_string (TITLE_FONT);

  card_build_rows (card);

  return g_steal_pointer (&card);
}

/* ---- Public API ------------------------------------------------------------ */

gboolean
pdw_card_pdf_write (PdwStore              *store,
                    gint64                 complaint_id,
                    const PdwCardOptions  *options,
                    const char            *path,
                    GError               **error)
{
  g_autoptr(PdwCardDocument) card = NULL;

  g_return_val_if_fail (PDW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((card = pdw_card_document_load (store, complaint_id, options, error)) == NULL)
    return FALSE;

  return card_write_file (card, path, error);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  WriteJob *job = task_data;
  PdwCardOptions options = { job->office_name, job->office_address, job->printed_at };
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (pdw_card_pdf_write (job->store, job->complaint_id, &options, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pdw_card_pdf_write_async (PdwStore              *store,
                          gint64                 complaint_id,
                          const PdwCardOptions  *options,
                          const char            *path,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (PDW_IS_STORE (store));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* The caller's strings may be gone by the time the thread runs. */
  job = g_new0 (WriteJob, 1);
  job->store = g_object_ref (store);
  job->complaint_id = complaint_id;
  job->office_name = g_strdup (options ? options->office_name : NULL);
  job->office_address = g_strdup (options ? options->office_address : NULL);
  job->printed_at = options ? options->printed_at : 0;
  job->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_card_pdf_write_async);
  g_task_set_task_data (task, job, write_job_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
pdw_card_pdf_write_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pdw_card_pdf_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
