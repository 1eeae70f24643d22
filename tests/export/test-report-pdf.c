/* test-report-pdf.c: the report's PDF written for the fixture reports and
 * read back with pdftotext: the letterhead, title, period, page numbers,
 * the signature block, every headline figure compared with the JSON export
 * of the same report, no full NIK anywhere; tables that go on to the next
 * page repeat their header; the file is 0600 and replaced atomically.
 *
 * PDW_TEST_PDF_KEEP=/some/file.pdf keeps the full report's PDF, to look
 * at it.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "export/pdw-report-document.h"
#include "export/pdw-report-export.h"
#include "report-pdf-fixture.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pandawa-report-pdf-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
signature_init (PdwReportSignature *signature)
{
  *signature = (PdwReportSignature) {
    .office_address = g_strdup ("Jl. Jenderal Sudirman No. 464, Pekanbaru"),
    .head_name = g_strdup ("Dr. Andi Wijaya, S.STP., M.Si."),
    .head_rank = g_strdup ("Pembina Utama Muda (IV/c)"),
    .head_nip = g_strdup ("197001011990031001"),
  };
}

/* pdftotext -layout: the pages, split on form feeds. */
static char **
pdf_pages (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  char **pages;
  guint n;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  pages = g_strsplit (out, "\f", -1);
  /* pdftotext ends every page with a form feed: drop the empty tail. */
  n = g_strv_length (pages);
  if (n > 0 && strspn (pages[n - 1], " \n") == strlen (pages[n - 1]))
    {
      g_free (pages[n - 1]);
      pages[n - 1] = NULL;
    }
  return pages;
}


/* @text with every run of white space made one space, so that a phrase
 * wrapped over two lines is still found. */
static char *
flatten (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

/* The line of @text that contains @label, or NULL. */
static char *
find_line (const char *text,
           const char *label)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], label) != NULL)
      return g_strdup (lines[i]);
  return NULL;
}

/* Numbers written as the report's readers expect, worked out here and not
 * by the code under test: "1.234", "87,5%". */
static char *
expected_count (double value)
{
  g_autofree char *plain = g_strdup_printf ("%.0f", value);
  GString *text = g_string_new (NULL);
  gsize len = strlen (plain);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, '.');
      g_string_append_c (text, plain[i]);
    }
  return g_string_free (text, FALSE);
}

static char *
expected_decimal (double value,
                  int    decimals)
{
  char *text = g_strdup_printf ("%.*f", decimals, value);

  *strchr (text, '.') = ',';
  return text;
}

static char *
flatten_pdf_text (const char *path)
{
  g_auto(GStrv) pages = pdf_pages (path);
  g_autofree char *text = g_strjoinv ("\n", pages);

  return flatten (text);
}

static JsonObject *
report_json (PdwReport  *report,
             JsonParser *parser)
{
  g_autofree char *data = pdw_report_json_to_data (report, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (data);
  json_parser_load_from_data (parser, data, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_no_full_nik (const char *text)
{
  g_autoptr(GRegex) nik = g_regex_new ("(?<![0-9])[0-9]{16}(?![0-9])", 0, 0, NULL);  /* the NIP has 18 */

  g_assert_false (g_regex_match (nik, text, 0, NULL));
  g_assert_null (strstr (text, FIXTURE_NIK_MIDDLE "1"));
}

static void
test_pdf_full (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(PdwReport) report = fixture_report (TRUE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "laporan.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page_one = NULL;
  g_autofree char *last_page = NULL;
  PdwReportSignature signature;
  JsonObject *root, *figures, *satisfaction;
  GStatBuf st;
  guint n_pages;

  signature_init (&signature);
  g_assert_true (pdw_report_pdf_write (report, &signature, path, &error));
  g_assert_no_error (error);
  pdw_report_signature_clear (&signature);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  if (g_getenv ("PDW_TEST_PDF_KEEP") != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (g_getenv ("PDW_TEST_PDF_KEEP"), contents, length, NULL));
    }

  pages = pdf_pages (path);
  n_pages = g_strv_length (pages);
  text = g_strjoinv ("\n", pages);
  g_assert_cmpuint (n_pages, >=, 3);

  /* Letterhead, title, period on the first page. */
  page_one = flatten (pages[0]);
  g_assert_nonnull (strstr (page_one, "PEMERINTAH KOTA PEKANBARU"));
  g_assert_nonnull (strstr (page_one, "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"));
  g_assert_nonnull (strstr (page_one, "Jl. Jenderal Sudirman No. 464"));
  g_assert_nonnull (strstr (page_one, "LAPORAN BULANAN LAYANAN PANDAWA"));
  g_assert_nonnull (strstr (page_one, "Pengaduan Data Kependudukan melalui WhatsApp"));
  g_assert_nonnull (strstr (page_one, "Maret 2026"));

  /* "Halaman x dari n" on every page. */
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Halaman %u dari %u", i + 1, n_pages);

      g_assert_nonnull (strstr (pages[i], footer));
    }

  /* The signature block closes the last page: place and the report's date,
   * the title, the name, rank and NIP. */
  last_page = flatten (pages[n_pages - 1]);
  g_assert_nonnull (strstr (last_page, "Pekanbaru, 2 April 2026"));
  g_assert_nonnull (strstr (last_page, "Kepala Dinas Kependudukan dan Pencatatan Sipil"));
  g_assert_nonnull (strstr (last_page, "Dr. Andi Wijaya, S.STP., M.Si."));
  g_assert_nonnull (strstr (last_page, "Pembina Utama Muda (IV/c)"));
  g_assert_nonnull (strstr (last_page, "NIP. 197001011990031001"));
  g_assert_true (strstr (last_page, "Pekanbaru, 2 April 2026") < strstr (last_page, "NIP. 197001011990031001"));

  /* Every headline figure, in its row, as the JSON says it. */
  root = report_json (report, parser);
  figures = json_object_get_object_member (root, "figures");
  for (PdwReportFigure f = 0; f < PDW_REPORT_N_FIGURES; f++)
    {
      JsonObject *figure = json_object_get_object_member (figures, pdw_report_figure_get_id (f));
      JsonNode *value = json_object_get_member (figure, "value");
      g_autofree char *line = find_line (text, pdw_report_figure_get_label_id (f));
      g_autofree char *expected = NULL;

      g_assert_nonnull (line);
      if (JSON_NODE_HOLDS_NULL (value))
        expected = g_strdup ("–");
      else
        switch (pdw_report_figure_get_unit (f))
          {
          case PDW_REPORT_UNIT_COUNT:
            expected = expected_count (json_node_get_double (value));
            break;
          case PDW_REPORT_UNIT_PERCENT:
            {
              g_autofree char *number = expected_decimal (json_node_get_double (value), 1);

              expected = g_strdup_printf ("%s%%", number);
            }
            break;
          case PDW_REPORT_UNIT_INDEX:
          case PDW_REPORT_UNIT_RATING:
            expected = expected_decimal (json_node_get_double (value), 2);
            break;
          case PDW_REPORT_UNIT_SECONDS:
          default:
            expected = pdw_report_format_duration ((gint64) json_node_get_double (value));
            break;
          }
      g_test_message ("%s: %s in “%s”", pdw_report_figure_get_id (f), expected, line);
      g_assert_nonnull (strstr (line, expected));
    }

  /* The summary paragraph says the same: received, resolved, the promise
   * share, the index and its grade. */
  {
    JsonNode *received = json_object_get_member (json_object_get_object_member (figures, "received"), "value");
    JsonNode *resolved = json_object_get_member (json_object_get_object_member (figures, "resolved"), "value");
    JsonNode *share = json_object_get_member (json_object_get_object_member (figures, "promise_kept_share"), "value");
    g_autofree char *received_text = expected_count (json_node_get_double (received));
    g_autofree char *resolved_text = expected_count (json_node_get_double (resolved));
    g_autofree char *share_number = expected_decimal (json_node_get_double (share), 1);
    g_autofree char *received_phrase = g_strdup_printf ("menerima %s pengaduan", received_text);
    g_autofree char *resolved_phrase = g_strdup_printf ("%s pengaduan selesai", resolved_text);
    g_autofree char *share_phrase = g_strdup_printf ("ditepati pada %s%%", share_number);

    g_assert_nonnull (strstr (page_one, received_phrase));
    g_assert_nonnull (strstr (page_one, resolved_phrase));
    g_assert_nonnull (strstr (page_one, share_phrase));
  }

  satisfaction = json_object_get_object_member (root, "satisfaction");
  {
    double index = json_object_get_double_member (satisfaction, "index");
    const char *grade = json_object_get_string_member (satisfaction, "grade");
    g_autofree char *index_text = expected_decimal (index, 2);
    g_autofree char *phrase = g_strdup_printf ("Indeks Kepuasan Masyarakat %s (mutu %s", index_text, grade);

    g_assert_nonnull (strstr (page_one, phrase));
  }

  /* Chart titles and the tables' headings. */
  g_assert_nonnull (strstr (text, "Volume harian"));
  g_assert_nonnull (strstr (text, "Waktu per langkah SOP terhadap standar"));
  g_assert_nonnull (strstr (text, "Rekapitulasi Bulanan"));
  g_assert_nonnull (strstr (text, "Januari 2026"));
  g_assert_nonnull (strstr (text, "Februari 2026"));
  /* Twelve kecamatan, an unknown region and files without a NIK: 14 rows,
   * the ten largest shown and 4 summed up. */
  g_assert_nonnull (strstr (text, "Lainnya (4 kecamatan/wilayah)"));

  assert_no_full_nik (text);
}

static void
test_pdf_empty (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PdwReport) report = fixture_report (FALSE);
  g_autofree char *path = g_build_filename (fixture->dir, "kosong.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* No signature at all: the defaults, and lines to write by hand. */
  g_assert_true (pdw_report_pdf_write (report, NULL, path, &error));
  g_assert_no_error (error);

  text = flatten_pdf_text (path);
  g_assert_nonnull (strstr (text, "LAPORAN BULANAN LAYANAN PANDAWA"));
  g_assert_nonnull (strstr (text, "Tidak ada data"));
  g_assert_nonnull (strstr (text, "Halaman 1 dari"));
  g_assert_nonnull (strstr (text, "Pekanbaru, 2 April 2026"));
  g_assert_nonnull (strstr (text, "Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Pekanbaru"));
  g_assert_nonnull (strstr (text, "NIP. ....."));
  /* No NaN or infinity printed for a figure without a sample. */
  g_assert_false (g_regex_match_simple ("\\b(nan|inf)\\b", text, G_REGEX_CASELESS, 0));
}

/* On short pages the figures table must go on to the next page: every
 * page with one of its rows also has its header, and no row is cut (each
 * figure's label is whole on exactly one page). */
static void
test_pdf_table_header_repeats (Fixture       *fixture,
                               gconstpointer  data)
{
  const double width = PDW_REPORT_PAGE_WIDTH, height = 320;
  g_autoptr(PdwReport) report = fixture_report (TRUE);
  g_autoptr(PdwReportDocument) doc = pdw_report_document_new (report, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "short.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);
  g_auto(GStrv) pages = NULL;
  guint n_pages, pages_with_rows = 0;
  guint found[PDW_REPORT_N_FIGURES] = { 0 };

  n_pages = pdw_report_document_paginate (doc, cr, width, height);
  g_assert_cmpuint (n_pages, ==, pdw_report_document_get_n_pages (doc));
  for (guint i = 0; i < n_pages; i++)
    {
      pdw_report_document_draw_page (doc, cr, i);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  pages = pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page = flatten (pages[i]);
      gboolean has_row = FALSE;

      for (PdwReportFigure f = 0; f < PDW_REPORT_N_FIGURES; f++)
        {
          g_autofree char *cell = g_strdup_printf (" %u %s ", f + 1, pdw_report_figure_get_label_id (f));

          if (strstr (page, cell) != NULL)
            {
              found[f]++;
              has_row = TRUE;
            }
        }
      if (has_row)
        {
          g_assert_nonnull (strstr (page, "No Uraian Periode ini"));
          pages_with_rows++;
        }
    }
  for (PdwReportFigure f = 0; f < PDW_REPORT_N_FIGURES; f++)
    g_assert_cmpuint (found[f], ==, 1);
  /* The table did go on to further pages. */
  g_assert_cmpuint (pages_with_rows, >=, 2);
}

/* A failed write leaves the older file as it was. */
static void
test_pdf_atomic (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PdwReport) report = fixture_report (FALSE);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-dir", "laporan.pdf", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "laporan.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_false (pdw_report_pdf_write (report, NULL, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (pdw_report_pdf_write (report, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static void
test_signature_from_settings (void)
{
  /* The tests' GSETTINGS_BACKEND is "memory". */
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PdwReportSignature signature = { 0 };
  char *date;

  g_settings_set_string (settings, "report-head-name", "  Dr. Andi Wijaya  ");
  g_settings_set_string (settings, "report-head-nip", "197001011990031001");
  g_settings_set_string (settings, "office-address", "Jl. Jenderal Sudirman No. 464");

  pdw_report_signature_init_from_settings (&signature, settings);
  g_assert_cmpstr (signature.place, ==, "Pekanbaru");
  g_assert_cmpstr (signature.head_name, ==, "Dr. Andi Wijaya");
  g_assert_cmpstr (signature.head_nip, ==, "197001011990031001");
  g_assert_null (signature.head_rank);
  g_assert_cmpstr (signature.head_title, ==, "Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Pekanbaru");
  g_assert_cmpstr (signature.office_address, ==, "Jl. Jenderal Sudirman No. 464");
  g_assert_null (signature.date_text);
  pdw_report_signature_clear (&signature);
  g_assert_null (signature.place);

  /* 2 December 2026 03:00 UTC is 10:00 WIB. */
  date = pdw_report_format_date_id (1796180400);
  g_assert_cmpstr (date, ==, "2 Desember 2026");
  g_free (date);
  /* 31 December 2026 20:00 UTC is already 1 January 2027 in WIB. */
  date = pdw_report_format_date_id (1798747200);
  g_assert_cmpstr (date, ==, "1 Januari 2027");
  g_free (date);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report-pdf/full", Fixture, NULL, fixture_set_up, test_pdf_full, fixture_tear_down);
  g_test_add ("/report-pdf/empty", Fixture, NULL, fixture_set_up, test_pdf_empty, fixture_tear_down);
  g_test_add ("/report-pdf/table-header-repeats", Fixture, NULL, fixture_set_up,
              test_pdf_table_header_repeats, fixture_tear_down);
  g_test_add ("/report-pdf/atomic", Fixture, NULL, fixture_set_up, test_pdf_atomic, fixture_tear_down);
  g_test_add_func ("/report-pdf/signature-from-settings", test_signature_from_settings);

  return g_test_run ();
}
