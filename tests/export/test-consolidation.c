/* test-consolidation.c: the SIAK consolidation list, written and read back.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#if HAVE_XLSXWRITER
# include <xlsxwriter.h>
#endif

#if HAVE_LIBARCHIVE
# include <archive.h>
# include <archive_entry.h>
#endif

#include "consolidation-fixture.h"
#include "export/pdw-consolidation.h"
#include "export/pdw-export-private.h"

#define HEADER_LINE "No,Tiket,Tanggal masuk daftar (WIB),Nama,NIK,No. KK,No. HP," \
                    "Jenis pengaduan,Instansi,Status,Hasil,Catatan"

static void
test_parse_range (void)
{
  g_autoptr(GError) error = NULL;
  gint64 start = 0, end = 0;

  /* 2 November 2026 00:00 WIB is 1 November 17:00 UTC. */
  g_assert_true (pdw_consolidation_parse_range ("2026-11-02", NULL, &start, &end, &error));
  g_assert_no_error (error);
  g_assert_cmpint (start, ==, fixture_wib (2, 0, 0));
  g_assert_cmpint (end, ==, start + 24 * 3600);

  g_assert_true (pdw_consolidation_parse_range ("2026-11-30", "2026-12-01", &start, &end, &error));
  g_assert_no_error (error);
  g_assert_cmpint (start, ==, fixture_wib (30, 0, 0));
  g_assert_cmpint (end, ==, start + 2 * 24 * 3600);

  g_assert_false (pdw_consolidation_parse_range ("2026-02-30", NULL, &start, &end, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);

  g_assert_false (pdw_consolidation_parse_range ("02-11-2026", NULL, &start, &end, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);

  g_assert_false (pdw_consolidation_parse_range ("2026-11-02", "2026-11-2x", &start, &end, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);

  g_assert_false (pdw_consolidation_parse_range ("2026-11-03", "2026-11-02", &start, &end, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "2026-11-02"));
}

static void
test_result_words (void)
{
  g_assert_cmpstr (pdw_consolidation_action_for_result ("selesai"), ==, "consolidation_done");
  g_assert_cmpstr (pdw_consolidation_action_for_result (" SELESAI "), ==, "consolidation_done");
  g_assert_cmpstr (pdw_consolidation_action_for_result ("Done"), ==, "consolidation_done");
  g_assert_cmpstr (pdw_consolidation_action_for_result ("tidak  Ditemukan"), ==, "consolidation_not_found");
  g_assert_cmpstr (pdw_consolidation_action_for_result ("tidak\xc2\xa0" "ditemukan"), ==, "consolidation_not_found");
  g_assert_cmpstr (pdw_consolidation_action_for_result ("not found"), ==, "consolidation_not_found");
  g_assert_cmpstr (pdw_consolidation_action_for_result ("Ganda"), ==, "consolidation_duplicate");
  g_assert_cmpstr (pdw_consolidation_action_for_result ("duplicate"), ==, "consolidation_duplicate");
  g_assert_null (pdw_consolidation_action_for_result (""));
  g_assert_null (pdw_consolidation_action_for_result ("   "));
  g_assert_null (pdw_consolidation_action_for_result ("tidakditemukan"));
  g_assert_null (pdw_consolidation_action_for_result ("mungkin"));
  g_assert_null (pdw_consolidation_action_for_result ("\xff\xfe"));
  g_assert_null (pdw_consolidation_action_for_result (NULL));
}

static char *
export_csv (Fixture    *fixture,
            const char *from,
            const char *to,
            gboolean    include_processed,
            guint       expected_rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "daftar.csv");
  char *contents = NULL;
  gint64 start, end;
  guint n_rows = G_MAXUINT;

  g_assert_true (pdw_consolidation_parse_range (from, to, &start, &end, &error));
  g_assert_true (pdw_consolidation_export (fixture->store, start, end, include_processed,
                                           PDW_CONSOLIDATION_FORMAT_CSV, path, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, expected_rows);
  assert_mode_0600 (path);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static void
test_export_csv (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autofree char *day1 = export_csv (fixture, "2026-11-02", NULL, FALSE, 2);
  g_autofree char *both = NULL;
  g_auto(GStrv) lines = NULL;

  /* BOM, then the warning, then the header, CRLF everywhere. */
  g_assert_true (g_str_has_prefix (day1, "\xEF\xBB\xBF\"RAHASIA: berisi NIK dan No. KK lengkap, hanya untuk petugas ADB."));
  lines = g_strsplit (day1, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_null (strchr (lines[i], '\n'));
  g_assert_cmpuint (g_strv_length (lines), ==, 5);  /* warning, header, A, B, "" */
  g_assert_nonnull (strstr (lines[0], "Daftar konsolidasi SIAK tanggal 02-11-2026"));
  g_assert_cmpstr (lines[1], ==, HEADER_LINE);
  g_assert_cmpstr (lines[4], ==, "");

  /* A was listed at 06:30 WIB: still 1 November in UTC, but day 1 in WIB. */
  g_assert_true (g_str_has_prefix (lines[2], "1,"));
  g_assert_nonnull (strstr (lines[2], fixture->tickets[CITIZEN_A]));
  /* NIK, KK and phone stay text in a spreadsheet: ="…", the phone +62…. */
  g_assert_nonnull (strstr (lines[2], ",2026-11-02 06:30,Siti Aminah,\"=\"\"1471084101900001\"\"\","
                                      "\"=\"\"1471080101200001\"\"\",\"=\"\"+6280000000101\"\"\","));
  /* The status as the office names it, in Indonesian. */
  g_assert_true (g_str_has_suffix (lines[2], ",Dalam daftar konsolidasi,,"));
  g_assert_true (g_str_has_prefix (lines[3], "2,"));
  g_assert_nonnull (strstr (lines[3], fixture->tickets[CITIZEN_B]));
  g_assert_nonnull (strstr (lines[3], ",\"=\"\"1471080505850002\"\"\","));
  g_assert_true (g_str_has_suffix (lines[3], ",Menunggu pembaruan data,,"));

  /* Out of the range: C (day 2), D (never listed), E (the evening before). */
  g_assert_null (strstr (day1, fixture->tickets[CITIZEN_C]));
  g_assert_null (strstr (day1, fixture->tickets[CITIZEN_D]));
  g_assert_null (strstr (day1, fixture->tickets[CITIZEN_E]));
  g_assert_null (strstr (day1, "1471082002880005"));

  both = export_csv (fixture, "2026-11-02", "2026-11-03", FALSE, 3);
  g_assert_nonnull (strstr (both, fixture->tickets[CITIZEN_C]));
  g_assert_nonnull (strstr (both, "1471085203920003"));
  g_assert_nonnull (strstr (both, "s.d. 03-11-2026"));
  g_assert_null (strstr (both, fixture->tickets[CITIZEN_D]));
}

static void
test_csv_field_neutralizes (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Budi", "Budi" },
    { "", "" },
    { "=1+2", "'=1+2" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\t=1+2", "\"'\t=1+2\"" },
    { "\r=cmd|' /C calc'!A0", "\"'\r=cmd|' /C calc'!A0\"" },
    { "a\tb", "\"a\tb\"" },
    { " x", "\" x\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      _pdw_csv_append_field (out, cases[i].in);
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }
}

static void
test_export_neutralizes_formulas (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  PdwComplaintFields fields = { "=HYPERLINK(\"http://example.invalid\",\"klik\")", "1471086101950006",
                                NULL, "6280000000106", "lainnya", NULL };
  const FixtureCitizen citizen = { fields.citizen_name, fields.nik, NULL, "6280000000106", 2, 12, 0, FALSE };
  g_autoptr(PdwComplaint) complaint = NULL;

  fixture->now = fixture_wib (2, 12, 0);
  fixture_receive (fixture, &citizen);
  complaint = pdw_store_register_complaint (fixture->store,
                                            fixture_conversation_for (fixture, citizen.wa_id),
                                            &fields, fixture_actor (), &error);
  g_assert_no_error (error);
  fixture_apply (fixture, pdw_complaint_get_ticket (complaint), "add_to_consolidation");

  csv = export_csv (fixture, "2026-11-02", NULL, FALSE, 3);
  /* Quoted (it has commas and quotes) and made text with an apostrophe. */
  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"klik\"\")\",\"=\"\"1471086101950006\"\"\",,"));
}

static void
import_file (Fixture                      *fixture,
             const char                   *name,
             const char                   *contents,
             PdwConsolidationImportResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, name);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_true (pdw_consolidation_import (fixture->store, path, fixture_actor (), result, &error));
  g_assert_no_error (error);
}

static gboolean
problems_contain (PdwConsolidationImportResult *result,
                  const char                   *prefix,
                  const char                   *part)
{
  for (guint i = 0; i < result->problems->len; i++)
    {
      const char *problem = g_ptr_array_index (result->problems, i);

      if (g_str_has_prefix (problem, prefix) && strstr (problem, part) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
assert_outcome (Fixture            *fixture,
                guint               citizen,
                const char         *action,
                const char         *note,
                PdwComplaintStatus  status)
{
  g_autoptr(PdwComplaintEvent) event = fixture_last_event (fixture, fixture->tickets[citizen]);
  g_autoptr(PdwComplaint) complaint = fixture_complaint (fixture, fixture->tickets[citizen]);

  g_assert_cmpstr (pdw_complaint_event_get_action (event), ==, action);
  g_assert_cmpstr (pdw_complaint_event_get_actor_name (event), ==, FIXTURE_OFFICER_NAME);
  g_assert_cmpstr (pdw_complaint_event_get_actor_nip (event), ==, FIXTURE_OFFICER_NIP);
  g_assert_cmpstr (pdw_complaint_event_get_note (event), ==, note);
  g_assert_cmpint (pdw_complaint_event_get_timestamp (event), ==, fixture->now);
  g_assert_cmpint (pdw_complaint_get_status (complaint), ==, status);
  g_assert_cmpstr (pdw_complaint_get_consolidation_result (complaint), ==, action);
}

static void
test_round_trip_csv (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autofree char *csv = export_csv (fixture, "2026-11-02", "2026-11-03", FALSE, 3);
  g_autofree char *step1 = fixture_fill_csv_row (csv, fixture->tickets[CITIZEN_A], "selesai", "");
  g_autofree char *step2 = fixture_fill_csv_row (step1, fixture->tickets[CITIZEN_B], "Ganda", "\"NIK ganda, cek biometrik\"");
  g_autofree char *filled = fixture_fill_csv_row (step2, fixture->tickets[CITIZEN_C], "tidak ditemukan", "");
  g_autofree char *with_bad_rows = g_strconcat (filled,
                                                "4,PDW-2099-01-99999,,,,,,,,,selesai,\r\n",
                                                "5,", fixture->tickets[CITIZEN_D], ",,,,,,,,,mungkin,\r\n",
                                                "6,", fixture->tickets[CITIZEN_D], ",,,,,,,,,selesai,\r\n",
                                                "\r\n", NULL);
  g_autofree char *all = NULL;
  PdwConsolidationImportResult result = { 0 };

  import_file (fixture, "terisi.csv", with_bad_rows, &result);
  g_assert_cmpuint (result.applied, ==, 3);
  g_assert_cmpuint (result.skipped, ==, 0);
  g_assert_cmpuint (result.refused, ==, 3);
  g_assert_cmpuint (result.problems->len, ==, 3);
  /* Rows as the officer sees them in the spreadsheet: warning = 1, header = 2. */
  g_assert_true (problems_contain (&result, "row 6: ", "PDW-2099-01-99999"));
  g_assert_true (problems_contain (&result, "row 7: ", "mungkin"));
  g_assert_true (problems_contain (&result, "row 8: ", fixture->tickets[CITIZEN_D]));

  assert_outcome (fixture, CITIZEN_A, "consolidation_done", NULL, PDW_COMPLAINT_KONSOLIDASI);
  assert_outcome (fixture, CITIZEN_B, "consolidation_duplicate", "NIK ganda, cek biometrik",
                  PDW_COMPLAINT_RUJUK_BIOMETRIK);
  assert_outcome (fixture, CITIZEN_C, "consolidation_not_found", "Not found in SIAK",
                  PDW_COMPLAINT_KONSOLIDASI);

  /* The same file again: the marked rows are not a second event. */
  fixture->now += 3600;
  import_file (fixture, "terisi.csv", with_bad_rows, &result);
  g_assert_cmpuint (result.applied, ==, 0);
  g_assert_cmpuint (result.skipped, ==, 3);
  g_assert_cmpuint (result.refused, ==, 3);
  fixture->now -= 3600;
  assert_outcome (fixture, CITIZEN_A, "consolidation_done", NULL, PDW_COMPLAINT_KONSOLIDASI);
  pdw_consolidation_import_result_clear (&result);
  g_assert_null (result.problems);

  /* Nothing waits any more; with --all the results show. */
  g_free (export_csv (fixture, "2026-11-02", "2026-11-03", FALSE, 0));
  all = export_csv (fixture, "2026-11-02", "2026-11-03", TRUE, 3);
  g_assert_nonnull (strstr (all, ",Dalam daftar konsolidasi,selesai,\r\n"));
  g_assert_nonnull (strstr (all, ",Dirujuk cek biometrik,ganda,\r\n"));
  g_assert_nonnull (strstr (all, ",Dalam daftar konsolidasi,tidak ditemukan,\r\n"));
}

/* What LibreOffice Calc writes when the officer saves the list again with
 * an Indonesian locale: no BOM, ";" between fields, LF line ends, quotes
 * only where needed, trailing empty cells on the warning row. */
static void
test_round_trip_semicolon_resave (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autofree char *csv = g_strdup_printf (
    "RAHASIA: berisi NIK dan No. KK lengkap, hanya untuk petugas ADB.;Daftar konsolidasi SIAK tanggal 02-11-2026;;;;;;;;;;\n"
    "No;Tiket;Tanggal masuk daftar (WIB);Nama;NIK;No. KK;No. HP;Jenis pengaduan;Instansi;Status;Hasil;Catatan\n"
    "1;%s;2026-11-02 06:30;Siti Aminah;1,47108E+15;1471080101200001;6280000000101;x;Bank;konsolidasi; Selesai ;\n"
    "2;%s;2026-11-02 10:00;Budi Santoso;1471080505850002;1471080101200002;6280000000102;x;Bank;menunggu;;\n"
    "3;%s;2026-11-03 09:00;Dewi Lestari;1471085203920003;1471080101200003;6280000000103;x;Bank;konsolidasi;TIDAK DITEMUKAN;\"Tidak ada; cek ulang\"\n",
    fixture->tickets[CITIZEN_A], fixture->tickets[CITIZEN_B], fixture->tickets[CITIZEN_C]);
  PdwConsolidationImportResult result = { 0 };

  import_file (fixture, "resave.csv", csv, &result);
  g_assert_cmpuint (result.applied, ==, 2);
  g_assert_cmpuint (result.skipped, ==, 1);
  g_assert_cmpuint (result.refused, ==, 0);
  g_assert_cmpuint (result.problems->len, ==, 0);
  assert_outcome (fixture, CITIZEN_A, "consolidation_done", NULL, PDW_COMPLAINT_KONSOLIDASI);
  assert_outcome (fixture, CITIZEN_C, "consolidation_not_found", "Tidak ada; cek ulang",
                  PDW_COMPLAINT_KONSOLIDASI);
  pdw_consolidation_import_result_clear (&result);

  {
    g_autoptr(PdwComplaint) waiting = fixture_complaint (fixture, fixture->tickets[CITIZEN_B]);

    g_assert_null (pdw_complaint_get_consolidation_result (waiting));
    g_assert_cmpint (pdw_complaint_get_status (waiting), ==, PDW_COMPLAINT_MENUNGGU);
  }
}

/* Excel's plain "CSV" is Windows-1252: a name with é must not stop the import. */
static void
test_import_windows_1252 (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autofree char *csv = g_strdup_printf ("No,Tiket,Nama,Hasil,Catatan\r\n1,%s,Ren\xe9,ganda,\r\n",
                                          fixture->tickets[CITIZEN_B]);
  PdwConsolidationImportResult result = { 0 };

  import_file (fixture, "excel.csv", csv, &result);
  g_assert_cmpuint (result.applied, ==, 1);
  assert_outcome (fixture, CITIZEN_B, "consolidation_duplicate", NULL, PDW_COMPLAINT_RUJUK_BIOMETRIK);
  pdw_consolidation_import_result_clear (&result);
}

static void
test_import_without_columns (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "lain.csv");
  g_autofree char *missing = fixture_path (fixture, "tidak-ada.csv");
  PdwConsolidationImportResult result = { 0 };

  g_assert_true (g_file_set_contents (path, "No,Tiket,Nama\r\n1,PDW-2026-11-00001,Siti\r\n", -1, &error));
  g_assert_false (pdw_consolidation_import (fixture->store, path, fixture_actor (), &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Hasil"));
  g_clear_error (&error);

  g_assert_false (pdw_consolidation_import (fixture->store, missing, fixture_actor (), &result, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  pdw_consolidation_import_result_clear (&result);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;

  g_assert_true (pdw_consolidation_export_finish (result, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 2);
  g_main_loop_quit (loop);
}

static void
test_export_async (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *path = fixture_path (fixture, "async.csv");
  g_autofree char *contents = NULL;

  pdw_consolidation_export_async (fixture->store, fixture_wib (2, 0, 0), fixture_wib (3, 0, 0), FALSE,
                                  PDW_CONSOLIDATION_FORMAT_CSV, path, NULL, export_done_cb, loop);
  g_main_loop_run (loop);
  assert_mode_0600 (path);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, fixture->tickets[CITIZEN_B]));
}

#if HAVE_LIBARCHIVE
static void
zip_add (struct archive *archive,
         const char     *name,
         const char     *contents)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, (la_int64_t) strlen (contents));
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0600);
  g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_data (archive, contents, strlen (contents)), ==, (la_ssize_t) strlen (contents));
  archive_entry_free (entry);
}

/* What other writers produce: a prefixed namespace, cells without "r",
 * rich-text shared strings with a phonetic run, an extension after the
 * data that reuses element names. */
static void
test_import_xlsx_other_writers (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "lain.xlsx");
  g_autofree char *sheet = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
    "<x:row r=\"2\"><x:c t=\"s\"><x:v>0</x:v></x:c><x:c t=\"s\"><x:v>1</x:v></x:c><x:c t=\"s\"><x:v>2</x:v></x:c></x:row>"
    "<x:row><x:c t=\"inlineStr\"><x:is><x:t>%s</x:t></x:is></x:c><x:c t=\"s\"><x:v>3</x:v></x:c>"
    "<x:c t=\"inlineStr\"><x:is><x:t>Data &amp; KK beda</x:t></x:is></x:c></x:row>"
    "<x:row r=\"7\"><x:c r=\"A7\" t=\"str\"><x:f>A1</x:f><x:v>%s</x:v></x:c><x:c r=\"B7\"><x:v>1</x:v></x:c></x:row>"
    "</x:sheetData><x:extLst><x:row><x:c><x:v>selesai</x:v></x:c></x:row></x:extLst></x:worksheet>",
    fixture->tickets[CITIZEN_A], fixture->tickets[CITIZEN_C]);
  const char *strings =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<si><t>Tiket</t></si><si><r><rPr><b/></rPr><t>Ha</t></r><r><t>sil</t></r></si>"
    "<si><t>Catatan</t></si><si><t>Gan</t><rPh sb=\"0\" eb=\"1\"><t>xx</t></rPh><t>da</t></si></sst>";
  struct archive *archive = archive_write_new ();
  PdwConsolidationImportResult result = { 0 };

  g_assert_cmpint (archive_write_set_format_zip (archive), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);
  zip_add (archive, "[Content_Types].xml", "<Types/>");
  zip_add (archive, "xl/sharedStrings.xml", strings);
  zip_add (archive, "xl/worksheets/sheet1.xml", sheet);
  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);

  g_assert_true (pdw_consolidation_import (fixture->store, path, fixture_actor (), &result, &error));
  g_assert_no_error (error);
  /* Row 3 (no "r": the one after row 2) is A; row 7's result is "1". */
  g_assert_cmpuint (result.applied, ==, 1);
  g_assert_cmpuint (result.skipped, ==, 0);
  g_assert_cmpuint (result.refused, ==, 1);
  g_assert_true (problems_contain (&result, "row 7: ", "“1”"));
  assert_outcome (fixture, CITIZEN_A, "consolidation_duplicate", "Data & KK beda",
                  PDW_COMPLAINT_RUJUK_BIOMETRIK);
  pdw_consolidation_import_result_clear (&result);
}

static void
test_import_broken_xlsx (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "rusak.xlsx");
  PdwConsolidationImportResult result = { 0 };

  g_assert_true (g_file_set_contents (path, "PK\x03\x04 not really a zip", -1, NULL));
  g_assert_false (pdw_consolidation_import (fixture->store, path, fixture_actor (), &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  pdw_consolidation_import_result_clear (&result);
}
#endif

#if HAVE_XLSXWRITER
static void
test_export_xlsx (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "daftar.xlsx");
  g_autofree char *strings = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *nik_cell = NULL;
  const char *cell;
  guint n_rows = 0;

  g_assert_true (pdw_consolidation_export (fixture->store, fixture_wib (2, 0, 0), fixture_wib (3, 0, 0), FALSE,
                                           PDW_CONSOLIDATION_FORMAT_XLSX, path, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 2);
  assert_mode_0600 (path);

  strings = pdw_test_unzip_member (path, "xl/sharedStrings.xml");
  sheet = pdw_test_unzip_member (path, "xl/worksheets/sheet1.xml");

  g_assert_nonnull (strstr (strings, "RAHASIA: berisi NIK dan No. KK lengkap, hanya untuk petugas ADB."));
  g_assert_nonnull (strstr (strings, "<t>Tanggal masuk daftar (WIB)</t>"));
  g_assert_nonnull (strstr (strings, "<t>Hasil</t>"));
  g_assert_nonnull (strstr (strings, fixture->tickets[CITIZEN_A]));
  g_assert_nonnull (strstr (strings, fixture->tickets[CITIZEN_B]));
  g_assert_null (strstr (strings, fixture->tickets[CITIZEN_C]));
  g_assert_null (strstr (strings, fixture->tickets[CITIZEN_E]));
  /* Full NIK and KK, stored as strings (a shared string, never a <v> number). */
  g_assert_nonnull (strstr (strings, "<t>1471084101900001</t>"));
  g_assert_nonnull (strstr (strings, "<t>1471080101200002</t>"));
  g_assert_nonnull (strstr (strings, "<t>2026-11-02 06:30</t>"));
  g_assert_null (strstr (sheet, "<v>1471084101900001</v>"));
  cell = strstr (sheet, "<c r=\"E4\"");
  g_assert_nonnull (cell);
  nik_cell = g_strndup (cell, strcspn (cell, ">"));
  g_assert_nonnull (strstr (nik_cell, "t=\"s\""));
  /* The Hasil column (K) offers the three results for both rows. */
  g_assert_nonnull (strstr (sheet, "<dataValidation type=\"list\""));
  g_assert_nonnull (strstr (sheet, "sqref=\"K4:K5\""));
  g_assert_nonnull (strstr (sheet, "<formula1>\"selesai,tidak ditemukan,ganda\"</formula1>"));
}

#if HAVE_LIBARCHIVE
/* A workbook as an officer would return it, with libxlsxwriter standing in
 * for the spreadsheet program: @inline_strings uses its constant-memory
 * mode, which writes inline strings instead of the shared-string table. */
static void
write_filled_workbook (Fixture    *fixture,
                       const char *path,
                       gboolean    inline_strings)
{
  lxw_workbook_options options = { 0 };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;

  options.constant_memory = inline_strings ? LXW_TRUE : LXW_FALSE;
  workbook = workbook_new_opt (path, &options);
  sheet = workbook_add_worksheet (workbook, NULL);
  worksheet_write_string (sheet, 0, 0, "RAHASIA: berisi NIK dan No. KK lengkap, hanya untuk petugas ADB.", NULL);
  worksheet_write_string (sheet, 2, 0, "No", NULL);
  worksheet_write_string (sheet, 2, 1, "Tiket", NULL);
  worksheet_write_string (sheet, 2, 4, "NIK", NULL);
  worksheet_write_string (sheet, 2, 10, "Hasil", NULL);
  worksheet_write_string (sheet, 2, 11, "Catatan", NULL);
  worksheet_write_number (sheet, 3, 0, 1, NULL);
  worksheet_write_string (sheet, 3, 1, fixture->tickets[CITIZEN_A], NULL);
  worksheet_write_number (sheet, 3, 4, 1471084101900001.0, NULL);
  worksheet_write_string (sheet, 3, 10, "Tidak ditemukan", NULL);
  worksheet_write_string (sheet, 3, 11, "Cek & ulangi <besok>", NULL);
  worksheet_write_number (sheet, 4, 0, 2, NULL);
  worksheet_write_string (sheet, 4, 1, fixture->tickets[CITIZEN_B], NULL);
  worksheet_write_number (sheet, 5, 0, 3, NULL);
  worksheet_write_string (sheet, 5, 1, fixture->tickets[CITIZEN_C], NULL);
  worksheet_write_string (sheet, 5, 10, "barangkali", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
}

static void
check_filled_workbook (gboolean inline_strings)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "terisi.xlsx");
  PdwConsolidationImportResult result = { 0 };

  write_filled_workbook (fixture, path, inline_strings);
  g_assert_true (pdw_consolidation_import (fixture->store, path, fixture_actor (), &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.applied, ==, 1);
  g_assert_cmpuint (result.skipped, ==, 1);
  g_assert_cmpuint (result.refused, ==, 1);
  g_assert_true (problems_contain (&result, "row 6: ", "barangkali"));
  assert_outcome (fixture, CITIZEN_A, "consolidation_not_found", "Cek & ulangi <besok>",
                  PDW_COMPLAINT_KONSOLIDASI);
  pdw_consolidation_import_result_clear (&result);
}

static void
test_import_xlsx_shared_strings (void)
{
  check_filled_workbook (FALSE);
}

static void
test_import_xlsx_inline_strings (void)
{
  check_filled_workbook (TRUE);
}

/* Our own export read back untouched: every row waits, nothing applies. */
static void
test_import_exported_xlsx (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "daftar.xlsx");
  PdwConsolidationImportResult result = { 0 };

  g_assert_true (pdw_consolidation_export (fixture->store, fixture_wib (2, 0, 0), fixture_wib (4, 0, 0), FALSE,
                                           PDW_CONSOLIDATION_FORMAT_XLSX, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pdw_consolidation_import (fixture->store, path, fixture_actor (), &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.applied, ==, 0);
  g_assert_cmpuint (result.skipped, ==, 3);
  g_assert_cmpuint (result.refused, ==, 0);
  pdw_consolidation_import_result_clear (&result);
}
#endif
#endif

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/consolidation/parse-range", test_parse_range);
  g_test_add_func ("/consolidation/result-words", test_result_words);
  g_test_add_func ("/consolidation/export-csv", test_export_csv);
  g_test_add_func ("/consolidation/export-neutralizes-formulas", test_export_neutralizes_formulas);
  g_test_add_func ("/consolidation/csv-field-neutralizes", test_csv_field_neutralizes);
  g_test_add_func ("/consolidation/export-async", test_export_async);
  g_test_add_func ("/consolidation/round-trip-csv", test_round_trip_csv);
  g_test_add_func ("/consolidation/round-trip-semicolon-resave", test_round_trip_semicolon_resave);
  g_test_add_func ("/consolidation/import-windows-1252", test_import_windows_1252);
  g_test_add_func ("/consolidation/import-without-columns", test_import_without_columns);
#if HAVE_LIBARCHIVE
  g_test_add_func ("/consolidation/import-xlsx-other-writers", test_import_xlsx_other_writers);
  g_test_add_func ("/consolidation/import-broken-xlsx", test_import_broken_xlsx);
#endif
#if HAVE_XLSXWRITER
  g_test_add_func ("/consolidation/export-xlsx", test_export_xlsx);
#if HAVE_LIBARCHIVE
  g_test_add_func ("/consolidation/import-xlsx-shared-strings", test_import_xlsx_shared_strings);
  g_test_add_func ("/consolidation/import-xlsx-inline-strings", test_import_xlsx_inline_strings);
  g_test_add_func ("/consolidation/import-exported-xlsx", test_import_exported_xlsx);
#endif
#endif

  return g_test_run ();
}
