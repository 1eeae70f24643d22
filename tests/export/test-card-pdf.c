/* test-card-pdf.c: the control card PDF, read back with pdftotext.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include "export/pdw-card-pdf.h"
#include "test-card-util.h"

#define OFFICE_NAME    "Dinas Kependudukan dan Pencatatan Sipil Kota Pekanbaru"
#define OFFICE_ADDRESS "Jl. Jend. Sudirman No. 464, Pekanbaru"
/* Wednesday 11 November 2026, 09:30 WIB. */
#define PRINTED_AT     G_GINT64_CONSTANT (1794364200)

typedef struct
{
  char      *dir;
  char      *pdf;
  PdwStore  *store;
  TestClock  clock;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = test_make_db_path (&f->dir);

  f->store = pdw_store_open (db, &error);
  g_assert_no_error (error);
  f->pdf = g_build_filename (f->dir, "kartu.pdf", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  pdw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->pdf);
}

static void
write_card (Fixture *f,
            gint64   complaint_id)
{
  g_autoptr(GError) error = NULL;
  const PdwCardOptions options = { OFFICE_NAME, OFFICE_ADDRESS, PRINTED_AT };

  g_assert_true (pdw_card_pdf_write (f->store, complaint_id, &options, f->pdf, &error));
  g_assert_no_error (error);
}

static void
test_format_duration (void)
{
  static const struct {
    gint64      seconds;
    const char *text;
  } cases[] = {
    { 0, "" },
    { -30, "" },
    { 1, "1 detik" },
    { 59, "59 detik" },
    { 60, "1 menit" },
    { 61, "1 menit 1 detik" },
    { 120, "2 menit" },
    { 3600, "1 jam" },
    { 2 * 3600 + 5 * 60, "2 jam 5 menit" },
    { 2 * 3600 + 5 * 60 + 59, "2 jam 5 menit" },
    { 2 * 86400, "2 hari" },
    { 2 * 86400 + 3 * 3600, "2 hari 3 jam" },
    { 2 * 86400 + 3 * 3600 + 5 * 60, "2 hari 3 jam" },
    { 2 * 86400 + 5 * 60, "2 hari 5 menit" },
    { 25 * 3600, "1 hari 1 jam" },
    { 400 * 86400, "400 hari" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pdw_card_format_duration (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The line of the card's table row @no: it starts with the number and
 * holds the row's handed-over time.  Returns its index or fails. */
static guint
find_row_line (GStrv       lines,
               guint       from,
               guint       no,
               const char *given_at)
{
  g_autofree char *prefix = g_strdup_printf ("%u ", no);

  for (guint i = from; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (*line == ' ')
        line++;
      if (g_str_has_prefix (line, prefix) && strstr (line, given_at) != NULL)
        return i;
    }

  g_error ("row %u at %s not found after line %u", no, given_at, from);
  return 0;
}

/* Each needle occurs in @line, in the given order. */
static void
assert_line_has_in_order (const char         *line,
                          const char * const *needles)
{
  const char *p = line;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *hit = strstr (p, needles[i]);

      if (hit == NULL)
        g_error ("“%s” not found in order in “%s”", needles[i], line);
      p = hit + strlen (needles[i]);
    }
}

static void
test_rows_and_times (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = test_card_build (f->store, &f->clock, 0);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint at = 0;
  /* No, first words of the activity, officer, handed over (time,
   * initials), received (time, initials), standard time, actual time. */
  const struct {
    const char *given_at;
    const char *needles[9];
  } rows[] = {
    { "09/11/2026 08:00", { "Register", FO_NAME, "09/11/2026 08:00", FO_INITIALS,
                            "09/11/2026 08:02", FO_INITIALS, "1 menit", NULL } },
    { "09/11/2026 08:02", { "Add to", FO_NAME, "09/11/2026 08:02", FO_INITIALS,
                            "09/11/2026 08:05", FO_INITIALS, "2 menit", "2 menit", NULL } },
    { "09/11/2026 08:05", { "Send standard", FO_NAME, "09/11/2026 08:05", FO_INITIALS,
                            "09/11/2026 09:05", FO_INITIALS, "2 hari", "1 hari 2 jam", NULL } },
    /* Received at the division by its officer, recorded with the line. */
    { "09/11/2026 09:05", { "Coordinate", FO_NAME, "09/11/2026 09:05", FO_INITIALS,
                            "09/11/2026 09:05", COORD_RECEIVER_INITIALS, "1 jam", "Kepada: Bidang PIAK", NULL } },
    { "10/11/2026 10:05", { "Return from", ADB_NAME, "10/11/2026 10:05", ADB_INITIALS,
                            "10/11/2026 10:07", FO_INITIALS, "1 hari 1 jam", NULL } },
    { "10/11/2026 10:07", { "Resolve", FO_NAME, "10/11/2026 10:07", FO_INITIALS,
                            "1 menit", "2 menit", NULL } },
  };

  write_card (f, id);
  text = test_pdftotext (f->pdf, 0, 0);
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      at = find_row_line (lines, at, i + 1, rows[i].given_at);
      assert_line_has_in_order (lines[at], rows[i].needles);
      at++;
    }

  /* The last line has nobody who received it yet. */
  g_assert_cmpuint (test_count (text, "10/11/2026 10:07"), ==, 2);
  /* Resolving took 2 minutes against the SOP's 1: flagged; the others
   * were within their standard time. */
  g_assert_cmpuint (test_count (text, "terlambat"), ==, 1);
  g_assert_nonnull (strstr (lines[find_row_line (lines, 0, 6, "10/11/2026 10:07")], "⚠ 2 menit"));
  g_assert_nonnull (strstr (text, "Sudah konsolidasi"));
  g_assert_nonnull (strstr (text, "NIK belum padan"));
  /* Activities name the status they moved the file to. */
  g_assert_nonnull (strstr (text, "Register → Registered"));
}

/* A coordination recorded without the division's receiver, the next
 * line written by the same officer: the Diterima cells stay empty for a
 * hand-written initial instead of showing the sender's own. */
static void
test_coordination_without_receiver (Fixture       *f,
                                    gconstpointer  data)
{
  gint64 id = test_card_build (f->store, &f->clock, 0);
  const PdwActor fo = { FO_NAME, FO_NIP, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) reopened = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint at;

  /* Reopen, coordinate again without a receiver, then a note by the sender. */
  test_apply (f->store, &f->clock, CARD_T0 + 3 * 86400, id, "reopen", "Data belum aktif", NULL, &fo);
  test_apply (f->store, &f->clock, CARD_T0 + 3 * 86400 + 600, id, "coordinate", NULL, "Bidang PIAK", &fo);
  test_apply (f->store, &f->clock, CARD_T0 + 3 * 86400 + 1200, id, "add_note", "Menunggu bidang", NULL, &fo);
  reopened = pdw_store_dup_complaint (f->store, id, &error);
  g_assert_no_error (error);

  write_card (f, id);
  text = test_pdftotext (f->pdf, 0, 0);
  lines = g_strsplit (text, "\n", -1);
  at = find_row_line (lines, 0, 8, "12/11/2026 08:10");
  /* Handed over at 08:10 by the sender; nothing after it in Diterima
   * before the standard time ("1 jam"). */
  g_assert_nonnull (strstr (lines[at], "12/11/2026 08:10"));
  g_assert_null (strstr (lines[at], "12/11/2026 08:20"));
  g_assert_cmpuint (test_count (lines[at], FO_INITIALS), ==, 1);
}

static void
test_header_and_privacy (Fixture       *f,
                         gconstpointer  data)
{
  gint64 id = test_card_build (f->store, &f->clock, 0);
  g_autoptr(PdwComplaint) complaint = pdw_store_dup_complaint (f->store, id, NULL);
  g_autofree char *text = NULL;
  g_autofree char *ticket_line = NULL;

  write_card (f, id);
  text = test_pdftotext (f->pdf, 0, 0);

  g_assert_nonnull (strstr (text, "PEMERINTAH KOTA PEKANBARU"));
  g_assert_nonnull (strstr (text, "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KOTA PEKANBARU"));
  g_assert_nonnull (strstr (text, OFFICE_ADDRESS));
  g_assert_nonnull (strstr (text, "KARTU KENDALI PENGADUAN PANDAWA"));
  g_assert_nonnull (strstr (text, pdw_complaint_get_ticket (complaint)));
  g_assert_true (g_str_has_prefix (pdw_complaint_get_ticket (complaint), "PDW-2026-11-"));
  g_assert_nonnull (strstr (text, "09/11/2026 08:00 WIB"));   /* registered */
  g_assert_nonnull (strstr (text, CARD_NAME));
  /* The phone as every export writes it: +62…. */
  g_assert_nonnull (strstr (text, "+" CARD_PHONE));
  /* The list labels are the office's Indonesian ones whatever the locale
   * (the tests run under C). */
  g_assert_nonnull (strstr (text, "NIK tidak aktif / belum terdaftar"));
  g_assert_null (strstr (text, "NIK inactive"));
  g_assert_nonnull (strstr (text, "Bank"));
  g_assert_nonnull (strstr (text, "Selesai"));   /* the status, in Indonesian whatever the locale */

  g_assert_nonnull (strstr (text, CARD_NIK_MASKED));
  g_assert_nonnull (strstr (text, CARD_KK_MASKED));
  g_assert_null (strstr (text, CARD_NIK));
  g_assert_null (strstr (text, CARD_KK));

  /* Column heads as on the paper card. */
  g_assert_nonnull (strstr (text, "Kegiatan"));
  g_assert_nonnull (strstr (text, "Petugas"));
  g_assert_nonnull (strstr (text, "Diserahkan"));
  g_assert_nonnull (strstr (text, "Diterima"));
  g_assert_nonnull (strstr (text, "Paraf"));
  g_assert_nonnull (strstr (text, "Keterangan"));

  g_assert_nonnull (strstr (text, "Dicetak 11/11/2026 09:30 WIB"));
  g_assert_nonnull (strstr (text, "Halaman 1 dari 1"));

  ticket_line = g_strdup (pdw_complaint_get_ticket (complaint));
  g_assert_cmpuint (test_count (text, ticket_line), >=, 1);
}

static void
test_two_pages (Fixture       *f,
                gconstpointer  data)
{
  /* Page 1 holds the letterhead and about nine lines, later pages a dozen:
   * 6 + 8 lines take two pages with room to spare either way. */
  gint64 id = test_card_build (f->store, &f->clock, 8);
  g_autofree char *all = NULL;
  g_autofree char *page1 = NULL;
  g_autofree char *page2 = NULL;

  write_card (f, id);
  all = test_pdftotext (f->pdf, 0, 0);
  page1 = test_pdftotext (f->pdf, 1, 1);
  page2 = test_pdftotext (f->pdf, 2, 2);

  g_assert_nonnull (strstr (page1, "Halaman 1 dari 2"));
  g_assert_nonnull (strstr (page2, "Halaman 2 dari 2"));
  g_assert_null (strstr (all, "dari 3"));

  /* The header row is repeated on the second page. */
  for (guint p = 0; p < 2; p++)
    {
      const char *page = p == 0 ? page1 : page2;

      g_assert_nonnull (strstr (page, "Kegiatan"));
      g_assert_nonnull (strstr (page, "Diserahkan"));
      g_assert_nonnull (strstr (page, "Keterangan"));
    }
  g_assert_nonnull (strstr (page2, "(lanjutan)"));

  /* Every line is there once, the last on page 2. */
  g_assert_cmpuint (test_count (all, "Catatan "), ==, 8);
  g_assert_nonnull (strstr (page1, "Catatan 1:"));
  g_assert_null (strstr (page2, "Catatan 1:"));
  g_assert_nonnull (strstr (page2, "Catatan 8:"));
  g_assert_null (strstr (page1, "Catatan 8:"));
}

static void
test_file_mode_and_replace (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id = test_card_build (f->store, &f->clock, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *db_dir = NULL;
  g_autofree char *bad = g_build_filename (f->dir, "missing", "kartu.pdf", NULL);
  g_autofree char *contents = NULL;
  const char *name;
  guint n_files = 0;
  GStatBuf st;

  /* An older card readable by everybody is replaced by a private one. */
  g_assert_true (g_file_set_contents_full (f->pdf, "old", -1, G_FILE_SET_CONTENTS_NONE, 0644, &error));
  g_assert_no_error (error);
  write_card (f, id);

  g_assert_cmpint (g_stat (f->pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (f->pdf, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  dir = g_dir_open (f->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      n_files++;
      g_assert_true (g_str_equal (name, "kartu.pdf") || g_str_equal (name, "data"));
    }
  g_assert_cmpuint (n_files, ==, 2);

  g_assert_false (pdw_card_pdf_write (f->store, id, NULL, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "kartu.pdf"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

static void
test_unknown_complaint (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (pdw_card_pdf_write (f->store, 4242, NULL, f->pdf, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->pdf, G_FILE_TEST_EXISTS));
}

typedef struct
{
  gboolean  done;
  GError   *error;
} AsyncResult;

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncResult *out = user_data;

  g_assert_null (source);
  g_assert_true (pdw_card_pdf_write_finish (result, &out->error));
  out->done = TRUE;
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  gint64 id = test_card_build (f->store, &f->clock, 0);
  AsyncResult out = { FALSE, NULL };
  g_autofree char *text = NULL;
  char office[] = OFFICE_NAME;
  PdwCardOptions options = { office, NULL, PRINTED_AT };

  pdw_card_pdf_write_async (f->store, id, &options, f->pdf, NULL, write_done_cb, &out);
  /* The options are copied: the caller's may change at once. */
  memset (office, 'x', sizeof office - 1);
  while (!out.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (out.error);

  text = test_pdftotext (f->pdf, 0, 0);
  g_assert_nonnull (strstr (text, "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KOTA PEKANBARU"));
  g_assert_null (strstr (text, "XXXX"));
  g_assert_nonnull (strstr (text, "Halaman 1 dari 1"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/card/format-duration", test_format_duration);
  g_test_add ("/card/rows-and-times", Fixture, NULL, fixture_set_up, test_rows_and_times, fixture_tear_down);
  g_test_add ("/card/coordination-without-receiver", Fixture, NULL, fixture_set_up, test_coordination_without_receiver, fixture_tear_down);
  g_test_add ("/card/header-and-privacy", Fixture, NULL, fixture_set_up, test_header_and_privacy, fixture_tear_down);
  g_test_add ("/card/two-pages", Fixture, NULL, fixture_set_up, test_two_pages, fixture_tear_down);
  g_test_add ("/card/file-mode-and-replace", Fixture, NULL, fixture_set_up, test_file_mode_and_replace, fixture_tear_down);
  g_test_add ("/card/unknown-complaint", Fixture, NULL, fixture_set_up, test_unknown_complaint, fixture_tear_down);
  g_test_add ("/card/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);

  return g_test_run ();
}
