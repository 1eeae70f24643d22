/* test-extract.c: people found in citizens' messages, typed the ways
 * research/nik.md section 6 describes.  All numbers are constructed.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-extract.h"

#define NIK_M  "1471010101909999"   /* man, Sukajadi, 1990-01-01 */
#define NIK_F  "1471014101909999"   /* woman, Sukajadi, 1990-01-01 */
#define NIK_F2 "1471086508950003"   /* woman, Binawidya, 1995-08-25 */
#define KK_1   "1471011503220007"
#define KK_2   "1471080204210011"

typedef struct
{
  const char *name;
  const char *nik;
  const char *kk;
  const char *birth_date;
  const char *phone;
} Expected;

static void
check_people (const char     *text,
              const Expected *expected,
              guint           n_expected)
{
  g_autoptr(GPtrArray) people = pdw_extract_people (text);

  if (people->len != n_expected)
    {
      for (guint i = 0; i < people->len; i++)
        {
          PdwExtractedPerson *p = g_ptr_array_index (people, i);

          g_printerr ("  got [%u] name=%s nik=%s kk=%s birth=%s phone=%s\n", i,
                      p->name, p->nik, p->kk, p->birth_date, p->phone);
        }
      g_error ("%s: expected %u people, got %u", text, n_expected, people->len);
    }

  for (guint i = 0; i < n_expected; i++)
    {
      PdwExtractedPerson *p = g_ptr_array_index (people, i);

      g_assert_cmpstr (p->name, ==, expected[i].name);
      g_assert_cmpstr (p->nik, ==, expected[i].nik);
      g_assert_cmpstr (p->kk, ==, expected[i].kk);
      g_assert_cmpstr (p->birth_date, ==, expected[i].birth_date);
      g_assert_cmpstr (p->phone, ==, expected[i].phone);
    }
}

static void
check_one (const char *text,
           const char *name,
           const char *nik,
           const char *kk,
           const char *birth_date,
           const char *phone)
{
  Expected e = { name, nik, kk, birth_date, phone };

  check_people (text, &e, 1);
}

static void
check_none (const char *text)
{
  check_people (text, NULL, 0);
}

static void
test_labelled_lines (void)
{
  check_one ("Nama: Budi Santoso\nNIK: " NIK_M "\nKK: " KK_1 "\nTgl lahir: 01-01-1990\nHP: 0800-3456-7890",
             "Budi Santoso", NIK_M, KK_1, "1990-01-01", "+6280034567890");
  check_one ("Nama : Budi\nNik : " NIK_M "\nNo KK : " KK_1,
             "Budi", NIK_M, KK_1, NULL, NULL);
  check_one ("nama lengkap sesuai KTP: Budi Santoso\nNo. KTP " NIK_M "\nNomor Kartu Keluarga " KK_1,
             "Budi Santoso", NIK_M, KK_1, NULL, NULL);
  check_one ("*NIK*: " NIK_M "\n_KK_: " KK_1, NULL, NIK_M, KK_1, NULL, NULL);
}

static void
test_separators (void)
{
  check_one ("NIK=" NIK_M "\nKK = " KK_1, NULL, NIK_M, KK_1, NULL, NULL);
  check_one ("KTP::::" NIK_M "\nKK :: " KK_1, NULL, NIK_M, KK_1, NULL, NULL);
  check_one ("Nama: Budi      NIK: " NIK_M "        KK: " KK_1,
             "Budi", NIK_M, KK_1, NULL, NULL);
  check_one ("NIK: 1471 0101 0190 9999\nKK: 1471-0115-0322-0007",
             NULL, NIK_M, KK_1, NULL, NULL);
  check_one ("NIK: 147101.010190.9999", NULL, NIK_M, NULL, NULL, NULL);
}

static void
test_label_after_number (void)
{
  check_one (NIK_M " nik " KK_1 " kk", NULL, NIK_M, KK_1, NULL, NULL);
  check_one ("5049480012345678 kjp " NIK_M " nik " KK_1 " kk", NULL, NIK_M, KK_1, NULL, NULL);
  check_one (NIK_M " (NIK)\n" KK_1 " (KK)", NULL, NIK_M, KK_1, NULL, NULL);
}

static void
test_next_line_label (void)
{
  check_one ("NIK :\n" NIK_M "\nKK :\n" KK_1, NULL, NIK_M, KK_1, NULL, NULL);
  check_one ("Nama:\nBudi Santoso\nNIK\n" NIK_M, "Budi Santoso", NIK_M, NULL, NULL, NULL);
}

static void
test_glued (void)
{
  check_one ("kjp:5049480012345678nik:" NIK_M, NULL, NIK_M, NULL, NULL, NULL);
  check_one ("NIK" NIK_M "KK" KK_1, NULL, NIK_M, KK_1, NULL, NULL);
  check_one ("nik:" NIK_M "kk:" KK_1 "hp:080034567890",
             NULL, NIK_M, KK_1, NULL, "+6280034567890");
}

static void
test_trailing_dots_and_honorifics (void)
{
  check_one ("NIK " NIK_F ".\nNama: Hj. Siti Aminah.", "Hj. Siti Aminah", NIK_F, NULL, NULL, NULL);
  check_one ("Nama: BUDI SANTOSO, NIK: " NIK_M ".", "BUDI SANTOSO", NIK_M, NULL, NULL, NULL);
}

static void
test_unicode (void)
{
  /* Full-width colon and digits */
  check_one ("NIK\xef\xbc\x9a\xef\xbc\x91\xef\xbc\x94\xef\xbc\x97\xef\xbc\x91"
             "\xef\xbc\x90\xef\xbc\x91\xef\xbc\x90\xef\xbc\x91"
             "\xef\xbc\x90\xef\xbc\x91\xef\xbc\x99\xef\xbc\x90"
             "\xef\xbc\x99\xef\xbc\x99\xef\xbc\x99\xef\xbc\x99",
             NULL, NIK_M, NULL, NULL, NULL);
  /* Zero-width space, word joiner, BOM, NBSP */
  check_one ("\xef\xbb\xbfNIK:\xc2\xa0" "1471\xe2\x80\x8b" "0101\xe2\x81\xa0" "0190\xe2\x80\x8c" "9999",
             NULL, NIK_M, NULL, NULL, NULL);
  /* CRLF */
  check_one ("Nama: Budi\r\nNIK: " NIK_M "\r\nKK: " KK_1 "\r\n", "Budi", NIK_M, KK_1, NULL, NULL);
  /* Invalid UTF-8 does not stop the rest. */
  check_one ("\xff\xfe NIK: " NIK_M, NULL, NIK_M, NULL, NULL, NULL);
}

static void
test_hash_formats (void)
{
  check_one ("#" NIK_M "#Budi Santoso#" KK_1 "#080034567890#KTP saya hilang mohon dibantu",
             "Budi Santoso", NIK_M, KK_1, NULL, "+6280034567890");
  check_one ("#KTP#" NIK_M "#" KK_1 "#Budi Santoso#Sukajadi#Sukajadi#Hilang",
             "Budi Santoso", NIK_M, KK_1, NULL, NULL);
  check_one ("#SINKRONISASI#" NIK_M "#" KK_1 "#BPJS", NULL, NIK_M, KK_1, NULL, NULL);
  check_one ("Cek#KTP#" NIK_M, NULL, NIK_M, NULL, NULL, NULL);
  check_one ("#Budi Santoso#15081990#21112026", "Budi Santoso", NULL, NULL, "1990-08-15", NULL);
  check_one ("#NIK: " NIK_M "#Nama: Budi#KK: " KK_1, "Budi", NIK_M, KK_1, NULL, NULL);
  /* Halo Dukcapil's slash style (province 30 does not exist, but it is the NIK field). */
  check_one ("Anna/3011234567890000/Karet Tengsin/Tanah Abang/Jakarta Pusat",
             "Anna", "3011234567890000", NULL, NULL, NULL);

  {
    Expected two[] = {
      { "Budi", NIK_M, KK_1, NULL, NULL },
      { "Siti", NIK_F, KK_1, NULL, NULL },
    };

    check_people ("#" NIK_M "#Budi#" KK_1 "\n#" NIK_F "#Siti#" KK_1, two, 2);
  }
}

static void
test_several_people (void)
{
  Expected family[] = {
    { "Budi Santoso", NIK_M, KK_1, NULL, NULL },
    { "Siti Aminah", NIK_F, KK_1, NULL, NULL },
  };
  Expected listed[] = {
    { "Budi", NIK_M, NULL, NULL, NULL },
    { "Siti", NIK_F, NULL, NULL, NULL },
    { "Rina", NIK_F2, NULL, NULL, NULL },
  };
  Expected labelled[] = {
    { "Budi", NIK_M, KK_1, "1990-01-01", NULL },
    { "Siti", NIK_F, KK_2, NULL, "+6280098765432" },
  };

  check_people ("Budi Santoso\nKTP " NIK_M "\nKK " KK_1 "\n\nSiti Aminah\nKTP " NIK_F "\nKK " KK_1,
                family, G_N_ELEMENTS (family));
  check_people ("1. Budi NIK " NIK_M "\n2. Siti NIK " NIK_F "\n3) Rina " NIK_F2,
                listed, G_N_ELEMENTS (listed));
  check_people ("Nama: Budi\nNIK: " NIK_M "\nKK: " KK_1 "\nTgl lahir: 01-01-1990\n"
                "Nama: Siti\nNIK: " NIK_F "\nKK: " KK_2 "\nHP: 0800 9876 5432",
                labelled, G_N_ELEMENTS (labelled));
}

static void
test_unlabelled_numbers (void)
{
  /* A woman's NIK is unambiguous by shape... */
  check_one ("tolong cek " NIK_F " ya min", NULL, NIK_F, NULL, NULL, NULL);
  check_one ("Rina " NIK_F2, "Rina", NIK_F2, NULL, NULL, NULL);
  /* ...a day 01-31 number could be a NIK or a KK: needs a label. */
  check_none ("tolong cek " NIK_M " ya min");
  check_none (KK_1);
  /* Unknown region or impossible date: not taken without a label. */
  check_none ("1471164101909999");
  check_none ("1471017201909999");
}

static void
test_never_nik (void)
{
  /* NPWP (leading 0), even with a NIK label. */
  check_none ("NPWP 0123456789012345");
  check_none ("NIK: 0147101410190999");
  check_none ("0147101410190999");
  /* Phones are phones. */
  check_one ("080034567890", NULL, NULL, NULL, NULL, "+6280034567890");
  check_one ("NIK: 080034567890", NULL, NULL, NULL, NULL, "+6280034567890");
  check_one ("hubungi 0800-3456-7890-1", NULL, NULL, NULL, NULL, "+62800345678901");
  /* Bank and social cards, with or without a label. */
  check_none ("kartu ATM 5271014501900007");
  check_none ("5271014501900007");
  check_none ("No rek BRI 1471014101909999");
  check_none ("KJP 5049484501900128");
  check_none ("5049484501900128");
  check_none ("4111 1111 1111 1111");
  /* With a NIK label the citizen's word counts. */
  check_one ("NIK 5271014501900007", NULL, "5271014501900007", NULL, NULL, NULL);
}

static void
test_birth_dates (void)
{
  check_one ("Tgl lahir: 15/08/1990", NULL, NULL, NULL, "1990-08-15", NULL);
  check_one ("TTL: Pekanbaru, 15 Agustus 1990", NULL, NULL, NULL, "1990-08-15", NULL);
  check_one ("lahir 15 Agst 1990", NULL, NULL, NULL, "1990-08-15", NULL);
  check_one ("Tanggal lahir 5-Mei-1987", NULL, NULL, NULL, "1987-05-05", NULL);
  check_one ("tgl lahir 15.08.1990", NULL, NULL, NULL, "1990-08-15", NULL);
  check_one ("Tgl lahir: 15-08-90", NULL, NULL, NULL, "1990-08-15", NULL);
  check_one ("Budi Santoso 15-08-1990", NULL, NULL, NULL, "1990-08-15", NULL);
  check_one ("Nama: Budi\nNIK: " NIK_M "\n15-08-1990", "Budi", NIK_M, NULL, "1990-08-15", NULL);
  /* Impossible or future dates are not birth dates. */
  check_none ("Tgl lahir: 31-02-1990");
  check_none ("Tgl lahir: 15-08-2990");
  /* A date in a sentence is not a birth date. */
  check_none ("saya datang tanggal 12-03-2024");
}

static void
test_phones (void)
{
  check_one ("WA: +62 800-3456-7890", NULL, NULL, NULL, NULL, "+6280034567890");
  check_one ("HP 6280034567890", NULL, NULL, NULL, NULL, "+6280034567890");
  check_one ("No. HP/WA: 0800 3456 7890", NULL, NULL, NULL, NULL, "+6280034567890");
  check_one ("Telp: 0761-123456", NULL, NULL, NULL, NULL, "+62761123456");
  check_one ("NIK: " NIK_M " HP: 080034567890", NULL, NIK_M, NULL, NULL, "+6280034567890");
  check_none ("HP: 12345");
}

static void
test_names (void)
{
  check_one ("Selamat pagi min\nNIK: " NIK_M, NULL, NIK_M, NULL, NULL, NULL);
  check_one ("Assalamualaikum\nMohon bantuan\nBudi Santoso\nNIK: " NIK_M,
             "Budi Santoso", NIK_M, NULL, NULL, NULL);
  check_one ("Nama saya Budi Santoso\nNIK " NIK_M, "Budi Santoso", NIK_M, NULL, NULL, NULL);
  check_one ("Budi Santoso, NIK " NIK_M, "Budi Santoso", NIK_M, NULL, NULL, NULL);
  check_one ("Saya mau tanya NIK " NIK_M, NULL, NIK_M, NULL, NULL, NULL);
  check_one ("Nama: Ma'ruf Al-Amin\nNIK: " NIK_M, "Ma'ruf Al-Amin", NIK_M, NULL, NULL, NULL);
  check_none ("Budi Santoso");
  check_none ("Selamat siang, KTP saya hilang. Bagaimana cara mengurusnya?");
  /* A question that starts with a word before "ktp"/"kk" names nobody: the
   * label names an identity only with a number or a ":" beside it. */
  check_none ("kalau ktp hilang ngurusnya gimana min");
  check_none ("gmn kk saya blm update");
  check_one ("Dewi Lestari KTP: " NIK_F, "Dewi Lestari", NIK_F, NULL, NULL, NULL);

  /* The complaint's own words are never a name. */
  check_one ("blanko habis\nNIK " NIK_M, NULL, NIK_M, NULL, NULL, NULL);
  check_one ("Blanko KTP\nNIK " NIK_M, NULL, NIK_M, NULL, NULL, NULL);
  check_one ("Bpjs Kesehatan\nNIK: " NIK_M, NULL, NIK_M, NULL, NULL, NULL);
  check_one ("Sim Card\nNIK " NIK_M, NULL, NIK_M, NULL, NULL, NULL);
  check_one ("Nik tdk aktif\nNIK " NIK_M, NULL, NIK_M, NULL, NULL, NULL);
  check_one ("Bank Mandiri NIK " NIK_M, NULL, NIK_M, NULL, NULL, NULL);
  /* A name that is also a word of the lists' neighbours stays a name. */
  check_one ("Ganda Sitorus\nNIK " NIK_M, "Ganda Sitorus", NIK_M, NULL, NULL, NULL);
  check_one ("Tri Wahyuni\nNIK " NIK_F, "Tri Wahyuni", NIK_F, NULL, NULL, NULL);
}

static void
test_title_case (void)
{
  static const struct { const char *typed; const char *written; } names[] = {
    { "dewi lestari", "Dewi Lestari" },
    { "DEWI LESTARI", "Dewi Lestari" },
    { "  budi   santoso ", "Budi Santoso" },
    { "muhammad bin abdullah", "Muhammad bin Abdullah" },
    { "SITI BINTI AHMAD", "Siti binti Ahmad" },
    { "bin salim", "Bin Salim" },
    { "ma'ruf al-amin", "Ma'ruf Al-Amin" },
    { "nu'man", "Nu'man" },
    { "m. rizky", "M. Rizky" },
    { "m.rizky", "M.Rizky" },
    { "a rahman", "A Rahman" },
    { "hamengku buwono ii", "Hamengku Buwono II" },
    { "ronald McDonald", "Ronald McDonald" },
    { "Dewi Lestari", "Dewi Lestari" },
    { "çağlar öztürk", "Çağlar Öztürk" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *written = pdw_extract_title_case_name (names[i].typed);

      g_assert_cmpstr (written, ==, names[i].written);
    }

  g_assert_null (pdw_extract_title_case_name (NULL));
}

static void
test_degenerate (void)
{
  g_autofree char *long_digits = g_strnfill (5000, '7');
  g_autofree char *many_groups = NULL;
  GString *s = g_string_new (NULL);

  check_none ("");
  check_none ("\n\n\n");
  check_none ("####");
  check_none (":::: = ::");
  check_none (long_digits);

  for (guint i = 0; i < 500; i++)
    g_string_append (s, "12 ");
  many_groups = g_string_free (s, FALSE);
  check_none (many_groups);
}

/* A webhook may carry half a megabyte of text: only the first
 * PDW_EXTRACT_MAX_TEXT bytes are read, cut at a character's start. */
static void
test_long_text (void)
{
  g_autoptr(GString) early = g_string_new ("NIK: " NIK_M "\n");
  g_autoptr(GString) late = g_string_new (NULL);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GPtrArray) people = NULL;

  while (early->len < 512 * 1024)
    g_string_append (early, "tolong dibantu pak \n\n");
  people = pdw_extract_people (early->str);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (((PdwExtractedPerson *) g_ptr_array_index (people, 0))->nik, ==, NIK_M);
  g_clear_pointer (&people, g_ptr_array_unref);

  /* Past the limit: not read.  Two-byte characters straddle the cut. */
  while (late->len < PDW_EXTRACT_MAX_TEXT + 1)
    g_string_append (late, "\xc3\xa9");
  g_string_append (late, "\nNIK: " NIK_M);
  check_none (late->str);

  /* Empty lines by the ten thousand (each once searched for the next
   * non-empty one) before a name alone on its line. */
  g_string_append (lines, "Nama :");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (lines, '\n');
  check_none (lines->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/labelled-lines", test_labelled_lines);
  g_test_add_func ("/extract/separators", test_separators);
  g_test_add_func ("/extract/label-after-number", test_label_after_number);
  g_test_add_func ("/extract/next-line-label", test_next_line_label);
  g_test_add_func ("/extract/glued", test_glued);
  g_test_add_func ("/extract/trailing-dots", test_trailing_dots_and_honorifics);
  g_test_add_func ("/extract/unicode", test_unicode);
  g_test_add_func ("/extract/hash-formats", test_hash_formats);
  g_test_add_func ("/extract/several-people", test_several_people);
  g_test_add_func ("/extract/unlabelled-numbers", test_unlabelled_numbers);
  g_test_add_func ("/extract/never-nik", test_never_nik);
  g_test_add_func ("/extract/birth-dates", test_birth_dates);
  g_test_add_func ("/extract/phones", test_phones);
  g_test_add_func ("/extract/names", test_names);
  g_test_add_func ("/extract/degenerate", test_degenerate);
  g_test_add_func ("/extract/long-text", test_long_text);
  g_test_add_func ("/extract/title-case", test_title_case);

  return g_test_run ();
}
