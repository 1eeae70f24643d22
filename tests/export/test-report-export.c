/* test-report-export.c: the report's JSON, CSV and XLSX files, read back
 * (the JSON parsed, the CSV split as a spreadsheet would, the XLSX unzipped
 * and its XML read) and compared figure by figure with each other and with
 * the PdwReport they were written from; the November of report-fixture.h.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "export/pdw-report-export.h"
#include "report-fixture.h"

typedef struct
{
  char        *dir;
  PdwStore    *store;
  PdwReport   *report;
  JsonNode    *json;
  ReportClock  clock;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_make_db_path (&f->dir);
  g_autofree char *json_path = g_build_filename (f->dir, "laporan.json", NULL);
  PdwReportPeriod period;

  f->store = pdw_store_open (path, &error);
  g_assert_no_error (error);
  report_fixture_build (f->store, &f->clock);
  g_assert_true (pdw_report_period_init (&period, 2026, 11, 2026, 11, &error));
  f->report = pdw_store_compute_report (f->store, &period, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (pdw_report_json_write (f->report, json_path, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();

    g_assert_true (json_parser_load_from_file (parser, json_path, &error));
    g_assert_no_error (error);
    f->json = json_node_copy (json_parser_get_root (parser));
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->json, json_node_unref);
  g_clear_object (&f->report);
  g_clear_object (&f->store);
  pdw_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
assert_mode_0600 (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static JsonObject *
json_figure (Fixture    *f,
             const char *id)
{
  JsonObject *figures = json_object_get_object_member (json_node_get_object (f->json), "figures");

  g_assert_true (json_object_has_member (figures, id));
  return json_object_get_object_member (figures, id);
}

/* The JSON's value of a figure; NAN for null. */
static double
json_value (Fixture    *f,
            const char *id)
{
  JsonObject *figure = json_figure (f, id);

  if (json_object_get_null_member (figure, "value"))
    return NAN;
  return json_object_get_double_member (figure, "value");
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *path = g_build_filename (f->dir, "laporan.json", NULL);
  JsonObject *root = json_node_get_object (f->json);
  JsonArray *files;

  assert_mode_0600 (path);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "pandawa-report");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "period"), "start"), ==,
                   "2026-11-01T00:00:00+07:00");

  /* Every figure, under its definition's id. */
  for (guint i = 0; i < PDW_REPORT_N_FIGURES; i++)
    {
      const PdwReportFigureValue *v = pdw_report_get_figure (f->report, i);
      double got = json_value (f, pdw_report_figure_get_id (i));

      if (v->has_value)
        g_assert_cmpfloat_with_epsilon (got, v->value, 1e-9);
      else
        g_assert_true (isnan (got));
    }
  /* The hand-worked figures of report-fixture.h. */
  g_assert_cmpfloat (json_value (f, "received"), ==, 4);
  g_assert_cmpfloat (json_value (f, "first_response_median"), ==, 1200);
  g_assert_cmpfloat (json_value (f, "satisfaction_index"), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "satisfaction"), "grade"),
                   ==, "A");

  files = json_object_get_array_member (root, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 4);
  /* The stored status for tools, and in Indonesian for people, whatever
   * the locale (the tests run under C). */
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      PdwComplaintStatus status;

      g_assert_true (pdw_complaint_status_from_string (json_object_get_string_member (file, "status"), &status));
      g_assert_cmpstr (json_object_get_string_member (file, "status_label"), ==,
                       pdw_complaint_status_get_label_id (status));
    }
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_null (strstr (text, REPORT_NIK_1));
  g_assert_nonnull (strstr (text, "1471********0001"));
}

/* A CSV file split as a spreadsheet would: rows of fields, quotes removed. */
static GPtrArray *
parse_csv (const char *text,
           char        separator)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == separator)
        g_ptr_array_add (row, g_strdup (field->str)), g_string_truncate (field, 0);
      else if (*p == '\r')
        continue;
      else if (*p == '\n')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        g_string_append_c (field, *p);
    }
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static const char *
csv_cell (GPtrArray *rows,
          guint      row,
          guint      column)
{
  GPtrArray *cells = g_ptr_array_index (rows, row);

  g_assert_cmpuint (column, <, cells->len);
  return g_ptr_array_index (cells, column);
}

static GPtrArray *
read_csv (const char *path,
          char        separator)
{
  g_autofree char *text = NULL;

  assert_mode_0600 (path);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_true (g_str_has_prefix (text + 3, "\"Periode: November 2026 (1 November 2026 s.d. 30 November 2026, WIB)\""));
  return parse_csv (text + 3, separator);
}

/* A number as the CSV writes it with @separator. */
static double
csv_number (const char *text,
            char        separator)
{
  g_autofree char *copy = g_strdup (text);

  if (separator == ';')
    g_strdelimit (copy, ",", '.');
  return g_ascii_strtod (copy, NULL);
}

static void
check_csv_figures (Fixture    *f,
                   const char *path,
                   char        separator)
{
  g_autoptr(GPtrArray) rows = read_csv (path, separator);

  /* Period, titles, one row per figure. */
  g_assert_cmpuint (rows->len, ==, 2 + PDW_REPORT_N_FIGURES);
  g_assert_cmpstr (csv_cell (rows, 1, 2), ==, "Nilai");
  for (guint i = 0; i < PDW_REPORT_N_FIGURES; i++)
    {
      const char *id = csv_cell (rows, 2 + i, 0);
      const char *cell = csv_cell (rows, 2 + i, 2);
      double expected = json_value (f, id);

      if (isnan (expected))
        g_assert_cmpstr (cell, ==, "");
      else
        g_assert_cmpfloat_with_epsilon (csv_number (cell, separator), expected, 0.005);
    }
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "csv", NULL);
  g_autofree char *figures = g_build_filename (folder, "figures.csv", NULL);
  g_autofree char *days = g_build_filename (folder, "days.csv", NULL);
  g_autofree char *files = g_build_filename (folder, "files.csv", NULL);
  g_autofree char *comma = g_build_filename (f->dir, "angka.csv", NULL);
  g_autofree char *files_text = NULL;
  g_autoptr(GPtrArray) day_rows = NULL;
  g_autoptr(GPtrArray) file_rows = NULL;
  JsonArray *json_days = json_object_get_array_member (json_node_get_object (f->json), "days");
  PdwReportExportOptions options = PDW_REPORT_EXPORT_OPTIONS_INIT;
  const char * const *tables = pdw_report_csv_list_tables ();

  g_assert_true (pdw_report_csv_write (f->report, folder, &options, &error));
  g_assert_no_error (error);
  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (tables[i], ".csv", NULL);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      assert_mode_0600 (path);
    }
  check_csv_figures (f, figures, ';');

  /* The daily rows the chart shows, as the JSON's. */
  day_rows = read_csv (days, ';');
  g_assert_cmpuint (day_rows->len, ==, 2 + 30);
  for (guint i = 0; i < 30; i++)
    {
      JsonObject *day = json_array_get_object_element (json_days, i);

      g_assert_cmpstr (csv_cell (day_rows, 2 + i, 0), ==, json_object_get_string_member (day, "date"));
      g_assert_cmpint (atoi (csv_cell (day_rows, 2 + i, 1)), ==, json_object_get_int_member (day, "received"));
      g_assert_cmpint (atoi (csv_cell (day_rows, 2 + i, 4)), ==, json_object_get_int_member (day, "citizen_messages"));
    }
  /* 30 November: file 2 registered at 23:50 WIB. */
  g_assert_cmpstr (csv_cell (day_rows, 2 + 29, 1), ==, "1");

  /* One row per file, NIKs masked, times in WIB. */
  file_rows = read_csv (files, ';');
  g_assert_cmpuint (file_rows->len, ==, 2 + 4);
  g_assert_cmpstr (csv_cell (file_rows, 1, 9), ==, "Waktu respons pertama (detik)");
  g_assert_cmpstr (csv_cell (file_rows, 2, 1), ==, "2026-11-02 08:02:00");
  g_assert_cmpstr (csv_cell (file_rows, 3, 8), ==, "1471********0001");
  g_assert_cmpstr (csv_cell (file_rows, 3, 9), ==, "1200");
  g_assert_true (g_file_get_contents (files, &files_text, NULL, NULL));
  g_assert_null (strstr (files_text, REPORT_NIK_1));

  /* One table, with ',' and a decimal point. */
  options.separator = ',';
  options.table = "figures";
  g_assert_true (pdw_report_csv_write (f->report, comma, &options, &error));
  g_assert_no_error (error);
  check_csv_figures (f, comma, ',');

  options.table = "nothing";
  g_assert_false (pdw_report_csv_write (f->report, comma, &options, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
}

#if HAVE_XLSXWRITER
/* The cells of a sheet: "C5" -> its value, shared strings resolved. */
static GHashTable *
read_sheet (const char *path,
            guint       number)
{
  g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", number);
  g_autofree char *sheet = pdw_test_unzip_member (path, member);
  g_autofree char *strings_xml = pdw_test_unzip_member (path, "xl/sharedStrings.xml");
  g_autoptr(GRegex) string_re = g_regex_new ("<si><t[^>]*>([^<]*)</t></si>", 0, 0, NULL);
  g_autoptr(GRegex) cell_re = g_regex_new ("<c r=\"([A-Z]+[0-9]+)\"([^>]*)>(?:<v>([^<]*)</v>)?", 0, 0, NULL);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_regex_match (string_re, strings_xml, 0, &match);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (strings, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }
  g_clear_pointer (&match, g_match_info_free);

  g_regex_match (cell_re, sheet, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *attributes = g_match_info_fetch (match, 2);
      g_autofree char *v = g_match_info_fetch (match, 3);

      if (v != NULL && v[0] != '\0')
        {
          char *value = strstr (attributes, "t=\"s\"") != NULL
                        ? g_strdup (g_ptr_array_index (strings, atoi (v))) : g_strdup (v);

          g_hash_table_insert (cells, g_match_info_fetch (match, 1), value);
        }
      g_match_info_next (match, NULL);
    }
  return cells;
}

static void
test_xlsx (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "laporan.xlsx", NULL);
  g_autofree char *workbook = NULL;
  g_autoptr(GHashTable) figures = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autofree char *sheet = NULL;

  g_assert_true (pdw_report_xlsx_write (f->report, path, NULL, &error));
  g_assert_no_error (error);
  assert_mode_0600 (path);

  /* A sheet per table, in pdw_report_csv_list_tables() order. */
  workbook = pdw_test_unzip_member (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "name=\"Angka utama\""));
  g_assert_nonnull (strstr (workbook, "name=\"Daftar berkas\""));
  g_assert_nonnull (strstr (workbook, "name=\"Rekapitulasi bulanan\""));

  /* Row 4: titles (frozen), figures from row 5: id in A, value in C. */
  sheet = pdw_test_unzip_member (path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet, "<pane ySplit=\"4\""));
  figures = read_sheet (path, 1);
  g_assert_nonnull (strstr (g_hash_table_lookup (figures, "A2"), "November 2026"));
  for (guint i = 0; i < PDW_REPORT_N_FIGURES; i++)
    {
      g_autofree char *id_cell = g_strdup_printf ("A%u", 5 + i);
      g_autofree char *value_cell = g_strdup_printf ("C%u", 5 + i);
      const char *id = g_hash_table_lookup (figures, id_cell);
      const char *cell = g_hash_table_lookup (figures, value_cell);
      double expected = json_value (f, id);
      double got;

      if (isnan (expected))
        {
          g_assert_null (cell);
          continue;
        }
      g_assert_nonnull (cell);
      got = g_ascii_strtod (cell, NULL);
      /* Durations are spreadsheet times: fractions of a day. */
      if (pdw_report_figure_get_unit (pdw_report_figure_from_id (id)) == PDW_REPORT_UNIT_SECONDS)
        got *= 86400;
      g_assert_cmpfloat_with_epsilon (got, expected, 0.001);
    }

  /* The files sheet (13th): four rows, the NIK masked, dates as numbers. */
  files = read_sheet (path, 13);
  g_assert_cmpstr (g_hash_table_lookup (files, "I6"), ==, "1471********0001");
  g_assert_nonnull (g_hash_table_lookup (files, "A8"));
  g_assert_null (g_hash_table_lookup (files, "A9"));
  g_assert_cmpfloat (g_ascii_strtod (g_hash_table_lookup (files, "B5"), NULL), >, 46000);
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report-export/json", Fixture, NULL, fixture_set_up, test_json, fixture_tear_down);
  g_test_add ("/report-export/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
#if HAVE_XLSXWRITER
  g_test_add ("/report-export/xlsx", Fixture, NULL, fixture_set_up, test_xlsx, fixture_tear_down);
#endif

  return g_test_run ();
}
