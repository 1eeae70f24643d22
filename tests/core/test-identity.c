/* test-identity.c: NIK and KK validation.  Every number here is synthetic:
 * the public synthetic vectors of python-stdnum and numbers constructed for
 * research/nik.md section 5.3, or constructed here.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-identity.h"
#include "core/pdw-region.h"
#include "core/pdw-text-normalize.h"

static GDate today;

static PdwIdentityResult *
parse_nik (const char *input)
{
  return pdw_identity_parse (PDW_IDENTITY_NIK, input, &today);
}

static PdwIdentityResult *
parse_kk (const char *input)
{
  return pdw_identity_parse (PDW_IDENTITY_KK, input, &today);
}

static gboolean
has_issue (GPtrArray  *issues,
           const char *code)
{
  for (guint i = 0; i < issues->len; i++)
    {
      PdwIdentityIssue *issue = g_ptr_array_index (issues, i);

      if (strcmp (issue->code, code) == 0)
        return TRUE;
    }

  return FALSE;
}

static char *
iso_date (const GDate *date)
{
  if (!g_date_valid (date))
    return g_strdup ("");

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static void
assert_valid_nik (const char *nik,
                  const char *birth_date,
                  char        sex)
{
  g_autoptr(PdwIdentityResult) r = parse_nik (nik);
  g_autofree char *date = iso_date (&r->date);

  if (!r->valid)
    g_error ("%s should be valid, first error %s", nik,
             ((PdwIdentityIssue *) g_ptr_array_index (r->errors, 0))->code);
  g_assert_cmpuint (r->errors->len, ==, 0);
  g_assert_cmpstr (date, ==, birth_date);
  g_assert_cmpint (r->sex, ==, sex);
}

static void
assert_invalid (PdwIdentityKind  kind,
                const char      *number,
                const char      *code)
{
  g_autoptr(PdwIdentityResult) r = pdw_identity_parse (kind, number, &today);

  g_assert_false (r->valid);
  if (!has_issue (r->errors, code))
    g_error ("%s: expected error %s", number, code);
}

/* research/nik.md 5.3: public synthetic (python-stdnum doctests) */
static void
test_stdnum_vectors (void)
{
  g_autoptr(PdwIdentityResult) gambir = parse_nik ("3171011708450001");
  g_autoptr(PdwIdentityResult) female = parse_nik ("3171015708450001");

  assert_valid_nik ("3171011708450001", "1945-08-17", 'L');
  g_assert_cmpstr (gambir->district, ==, "Gambir");
  g_assert_cmpstr (gambir->regency, ==, "Kota Administrasi Jakarta Pusat");
  g_assert_true (has_issue (gambir->warnings, "outside_pekanbaru"));

  assert_valid_nik ("3171015708450001", "1945-08-17", 'P');
  g_assert_cmpint (female->sex, ==, 'P');

  assert_invalid (PDW_IDENTITY_NIK, "9971011708450001", "unknown_province");
  assert_valid_nik ("3171012902001234", "2000-02-29", 'L');
  assert_invalid (PDW_IDENTITY_NIK, "3171013002001234", "invalid_date");

  /* Halo Dukcapil's example: province 30 does not exist. */
  assert_invalid (PDW_IDENTITY_NIK, "3011234567890000", "unknown_province");
}

/* research/nik.md 5.3: constructed vectors */
static void
test_constructed_vectors (void)
{
  g_autoptr(PdwIdentityResult) sukajadi = parse_nik ("1471010101909999");
  g_autoptr(PdwIdentityResult) tuahmadani = parse_nik ("1471130101209999");
  g_autoptr(PdwIdentityResult) binawidya = parse_nik ("1471080101809999");
  g_autoptr(PdwIdentityResult) unknown = parse_nik ("1471160101909999");
  g_autoptr(PdwIdentityResult) merauke = parse_nik ("9101010101909999");

  assert_valid_nik ("1471010101909999", "1990-01-01", 'L');
  g_assert_cmpstr (sukajadi->district, ==, "Sukajadi");
  g_assert_cmpstr (sukajadi->regency, ==, "Kota Pekanbaru");
  g_assert_cmpstr (sukajadi->province, ==, "Riau");
  g_assert_cmpstr (sukajadi->district_code, ==, "147101");
  g_assert_cmpstr (sukajadi->serial, ==, "9999");
  g_assert_cmpstr (sukajadi->digits, ==, "1471010101909999");
  g_assert_cmpuint (sukajadi->warnings->len, ==, 0);

  assert_valid_nik ("1471014101909999", "1990-01-01", 'P');
  assert_valid_nik ("1471017101909999", "1990-01-31", 'P');

  assert_invalid (PDW_IDENTITY_NIK, "1471017201909999", "invalid_day");
  assert_invalid (PDW_IDENTITY_NIK, "1471013201909999", "invalid_day");
  assert_invalid (PDW_IDENTITY_NIK, "1471014001909999", "invalid_day");
  assert_invalid (PDW_IDENTITY_NIK, "1471010001909999", "invalid_day");
  assert_invalid (PDW_IDENTITY_NIK, "1471010113909999", "invalid_month");

  assert_valid_nik ("1471012902009999", "2000-02-29", 'L');
  assert_valid_nik ("1471016902009999", "2000-02-29", 'P');
  assert_invalid (PDW_IDENTITY_NIK, "1471012902019999", "invalid_date");
  assert_invalid (PDW_IDENTITY_NIK, "1471013104909999", "invalid_date");
  assert_invalid (PDW_IDENTITY_NIK, "1471010101900000", "serial_zero");

  assert_valid_nik ("1471130101209999", "2020-01-01", 'L');
  g_assert_cmpstr (tuahmadani->district, ==, "Tuahmadani");
  g_assert_null (tuahmadani->district_former);

  assert_valid_nik ("1471080101809999", "1980-01-01", 'L');
  g_assert_cmpstr (binawidya->district, ==, "Binawidya");
  g_assert_cmpstr (binawidya->district_former, ==, "Tampan");
  g_assert_true (has_issue (binawidya->warnings, "region_renamed"));

  g_assert_true (unknown->valid);
  g_assert_true (has_issue (unknown->warnings, "region_unknown"));
  g_assert_null (unknown->district);
  g_assert_cmpstr (unknown->regency, ==, "Kota Pekanbaru");
  g_assert_cmpstr (unknown->province, ==, "Riau");

  g_assert_true (merauke->valid);
  g_assert_true (has_issue (merauke->warnings, "region_retired"));
  g_assert_cmpstr (merauke->district, ==, "Merauke");
  g_assert_cmpstr (merauke->province, ==, "Papua");
  /* Above 2^53: a double would have changed the last digits. */
  g_assert_cmpstr (merauke->digits, ==, "9101010101909999");
  g_assert_cmpstr (merauke->serial, ==, "9999");

  assert_valid_nik ("1471010107509999", "1950-07-01", 'L');
  assert_valid_nik ("1471017112409999", "1940-12-31", 'P');
  assert_valid_nik ("1471013112269999", "1926-12-31", 'L');
}

static void
test_pekanbaru_codes (void)
{
  static const struct { const char *code; const char *name; const char *former; } codes[] = {
    { "147101", "Sukajadi", NULL },
    { "147102", "Pekanbaru Kota", NULL },
    { "147103", "Sail", NULL },
    { "147104", "Limapuluh", NULL },
    { "147105", "Senapelan", NULL },
    { "147106", "Rumbai Barat", "Rumbai" },
    { "147107", "Bukit Raya", NULL },
    { "147108", "Binawidya", "Tampan" },
    { "147109", "Marpoyan Damai", NULL },
    { "147110", "Tenayan Raya", NULL },
    { "147111", "Payung Sekaki", NULL },
    { "147112", "Rumbai", "Rumbai Pesisir" },
    { "147113", "Tuahmadani", NULL },
    { "147114", "Kulim", NULL },
    { "147115", "Rumbai Timur", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *nik = g_strconcat (codes[i].code, "4508910042", NULL);
      g_autofree char *kk = g_strconcat (codes[i].code, "0103220007", NULL);
      g_autoptr(PdwIdentityResult) r = parse_nik (nik);
      g_autoptr(PdwIdentityResult) k = parse_kk (kk);
      const PdwRegion *region = pdw_region_lookup (codes[i].code);

      g_assert_nonnull (region);
      g_assert_false (region->retired);
      g_assert_cmpstr (region->name, ==, codes[i].name);
      g_assert_cmpstr (region->former_name, ==, codes[i].former);

      g_assert_true (r->valid);
      g_assert_cmpstr (r->district, ==, codes[i].name);
      g_assert_cmpstr (r->district_former, ==, codes[i].former);
      g_assert_cmpstr (r->regency, ==, "Kota Pekanbaru");
      g_assert_false (has_issue (r->warnings, "outside_pekanbaru"));
      g_assert_cmpint (has_issue (r->warnings, "region_renamed"), ==, codes[i].former != NULL);
      g_assert_cmpint (r->sex, ==, 'P');

      g_assert_true (k->valid);
      g_assert_cmpstr (k->district, ==, codes[i].name);
    }

  g_assert_null (pdw_region_lookup ("147116"));
  g_assert_null (pdw_region_lookup ("147100"));
  g_assert_null (pdw_region_lookup ("14710"));
  g_assert_null (pdw_region_lookup ("abcdef"));
  g_assert_cmpuint (pdw_region_count (), ==, 7285 + 594);
}

static void
test_renamed_messages (void)
{
  g_autoptr(PdwIdentityResult) r = parse_nik ("1471064101909999");
  PdwIdentityIssue *issue;

  g_assert_true (has_issue (r->warnings, "region_renamed"));
  issue = g_ptr_array_index (r->warnings, 0);
  g_assert_cmpint (issue->severity, ==, PDW_ISSUE_WARNING);
  g_assert_nonnull (strstr (issue->message_id, "Rumbai Barat"));
  g_assert_nonnull (strstr (issue->message_id, "dulu: Rumbai"));
  g_assert_nonnull (strstr (issue->message, "Rumbai Barat"));
}

static void
test_retired_papua (void)
{
  static const char * const retired[] = { "910101", "910201", "912101", "920101", "927101" };

  for (guint i = 0; i < G_N_ELEMENTS (retired); i++)
    {
      g_autofree char *nik = g_strconcat (retired[i], "0101909999", NULL);
      g_autoptr(PdwIdentityResult) r = parse_nik (nik);
      const PdwRegion *region = pdw_region_lookup (retired[i]);

      g_assert_nonnull (region);
      g_assert_true (region->retired);
      g_assert_true (r->valid);
      g_assert_true (has_issue (r->warnings, "region_retired"));
      g_assert_nonnull (r->district);
    }

  /* 93.01 is Merauke's current code. */
  {
    g_autoptr(PdwIdentityResult) r = parse_nik ("9301010101909999");

    g_assert_true (r->valid);
    g_assert_false (has_issue (r->warnings, "region_retired"));
    g_assert_cmpstr (r->district, ==, "Merauke");
  }
}

static void
test_region_errors (void)
{
  g_autoptr(PdwIdentityResult) unknown_kec = parse_nik ("3171990101909999");
  g_autoptr(PdwIdentityResult) unknown_kab = parse_nik ("1469010101909999");

  assert_invalid (PDW_IDENTITY_NIK, "1400010101909999", "invalid_regency");
  assert_invalid (PDW_IDENTITY_NIK, "1471000101909999", "invalid_district");
  assert_invalid (PDW_IDENTITY_KK, "1400010101209999", "invalid_regency");
  assert_invalid (PDW_IDENTITY_NIK, "2071010101909999", "unknown_province");
  assert_invalid (PDW_IDENTITY_NIK, "9771010101909999", "unknown_province");

  g_assert_true (unknown_kec->valid);
  g_assert_true (has_issue (unknown_kec->warnings, "region_unknown"));
  g_assert_cmpstr (unknown_kec->province, ==, "Daerah Khusus Ibukota Jakarta");

  g_assert_true (unknown_kab->valid);
  g_assert_true (has_issue (unknown_kab->warnings, "region_unknown"));
  g_assert_null (unknown_kab->regency);
  g_assert_cmpstr (unknown_kab->province, ==, "Riau");
}

static void
test_shape_errors (void)
{
  g_autoptr(PdwIdentityResult) npwp = parse_nik ("0123456789012345");
  g_autoptr(PdwIdentityResult) short_nik = parse_nik ("147101010190999");

  g_assert_false (npwp->valid);
  g_assert_true (has_issue (npwp->errors, "npwp"));
  g_assert_cmpuint (npwp->errors->len, ==, 1);

  g_assert_true (has_issue (short_nik->errors, "invalid_length"));
  g_assert_cmpstr (short_nik->digits, ==, "");

  assert_invalid (PDW_IDENTITY_NIK, "14710101019099991", "invalid_length");
  assert_invalid (PDW_IDENTITY_NIK, "", "invalid_length");
  assert_invalid (PDW_IDENTITY_NIK, "147101O101909999", "not_digits");
  assert_invalid (PDW_IDENTITY_NIK, "1471010101909999x", "not_digits");
  assert_invalid (PDW_IDENTITY_NIK, "NIK 1471010101909999", "not_digits");
  assert_invalid (PDW_IDENTITY_KK, "0147101010320007", "npwp");
}

static void
test_separators_and_unicode (void)
{
  static const char * const forms[] = {
    "1471 0101 0190 9999",
    "147101.010190.9999",
    "14.7101.010190.9999",
    "1471-0101-0190-9999",
    " 1471010101909999 ",
    "1471\xe2\x80\x8b" "010101909999",                       /* ZWSP */
    "\xef\xbb\xbf" "1471010101909999\xe2\x81\xa0",           /* BOM, word joiner */
    "1471\xc2\xa0" "0101\xc2\xa0" "0190\xc2\xa0" "9999",     /* NBSP */
    "\xef\xbc\x91\xef\xbc\x94\xef\xbc\x97\xef\xbc\x91" "010101909999", /* full-width */
    "1471\xe2\x80\x93" "010101909999",                       /* en dash */
    "1471\xe2\x80\x8e" "0101\xe2\x80\x8f" "01909999\r\n",     /* LRM, RLM, CRLF */
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(PdwIdentityResult) r = parse_nik (forms[i]);

      if (!r->valid)
        g_error ("form %u not accepted", i);
      g_assert_cmpstr (r->digits, ==, "1471010101909999");
    }

  /* Invalid UTF-8 does not crash and is not a NIK. */
  assert_invalid (PDW_IDENTITY_NIK, "1471\xff" "010101909999", "not_digits");
}

static void
test_century (void)
{
  g_autoptr(PdwIdentityResult) baby = parse_nik ("1471012503259999");
  g_autoptr(PdwIdentityResult) young = parse_nik ("1471011503109999");
  g_autoptr(PdwIdentityResult) old = parse_nik ("1471013112269999");
  g_autoptr(PdwIdentityResult) today_birth = parse_nik ("1471016111269999");
  g_autoptr(PdwIdentityResult) tomorrow = parse_nik ("1471016211269999");
  char *date;

  /* 2025 (a baby) or 1925 (101 years old): both are possible. */
  date = iso_date (&baby->date);
  g_assert_cmpstr (date, ==, "2025-03-25");
  g_free (date);
  g_assert_true (baby->valid);
  g_assert_true (has_issue (baby->warnings, "century_ambiguous"));

  /* 1910 would be 116 years old. */
  date = iso_date (&young->date);
  g_assert_cmpstr (date, ==, "2010-03-15");
  g_free (date);
  g_assert_false (has_issue (young->warnings, "century_ambiguous"));

  /* 2026-12-31 is in the future, so 1926: no real ambiguity. */
  g_assert_false (has_issue (old->warnings, "century_ambiguous"));

  date = iso_date (&today_birth->date);
  g_assert_cmpstr (date, ==, "2026-11-21");
  g_assert_cmpint (today_birth->sex, ==, 'P');
  g_free (date);

  date = iso_date (&tomorrow->date);
  g_assert_cmpstr (date, ==, "1926-11-22");
  g_free (date);

  assert_valid_nik ("1471010101009999", "2000-01-01", 'L');
  assert_valid_nik ("1471010101999999", "1999-01-01", 'L');
  assert_valid_nik ("1471015102999999", "1999-02-11", 'P');
}

static void
test_leap_days (void)
{
  assert_valid_nik ("1471012902049999", "2004-02-29", 'L');
  assert_valid_nik ("1471016902969999", "1996-02-29", 'P');
  assert_valid_nik ("1471012902249999", "2024-02-29", 'L');
  /* 2028-02-29 is in the future; 1928 was a leap year too. */
  assert_valid_nik ("1471012902289999", "1928-02-29", 'L');
  assert_invalid (PDW_IDENTITY_NIK, "1471012902239999", "invalid_date");
  assert_invalid (PDW_IDENTITY_NIK, "1471016902979999", "invalid_date");
  assert_invalid (PDW_IDENTITY_NIK, "1471013002969999", "invalid_date");
  assert_invalid (PDW_IDENTITY_NIK, "1471013106909999", "invalid_date");
  assert_invalid (PDW_IDENTITY_NIK, "1471017104909999", "invalid_date");
}

static void
test_kk (void)
{
  g_autoptr(PdwIdentityResult) kk = parse_kk ("1471011503220007");
  g_autoptr(PdwIdentityResult) old = parse_kk ("1471011503980007");
  g_autoptr(PdwIdentityResult) jakarta = parse_kk ("3171011503220007");
  g_autofree char *date = iso_date (&kk->date);
  g_autofree char *old_date = iso_date (&old->date);

  g_assert_true (kk->valid);
  g_assert_cmpstr (date, ==, "2022-03-15");
  g_assert_cmpint (kk->sex, ==, 0);
  g_assert_cmpstr (kk->serial, ==, "0007");
  g_assert_cmpstr (kk->district, ==, "Sukajadi");
  g_assert_cmpstr (old_date, ==, "1998-03-15");
  g_assert_true (has_issue (jakarta->warnings, "outside_pekanbaru"));

  /* No +40 rule for a KK. */
  assert_invalid (PDW_IDENTITY_KK, "1471014503220007", "invalid_day");
  assert_invalid (PDW_IDENTITY_KK, "1471013203220007", "invalid_day");
  assert_invalid (PDW_IDENTITY_KK, "1471010003220007", "invalid_day");
  assert_invalid (PDW_IDENTITY_KK, "1471011513220007", "invalid_month");
  assert_invalid (PDW_IDENTITY_KK, "1471013102220007", "invalid_date");
  assert_invalid (PDW_IDENTITY_KK, "1471011503220000", "serial_zero");
  /* Issued after 2026-11-21: impossible. */
  assert_invalid (PDW_IDENTITY_KK, "1471012211260007", "future_date");
  assert_invalid (PDW_IDENTITY_KK, "1471010112260007", "future_date");
  {
    g_autoptr(PdwIdentityResult) on_the_day = parse_kk ("1471012111260007");

    g_assert_true (on_the_day->valid);
  }
  {
    g_autoptr(PdwIdentityResult) retired = parse_kk ("9101011503220007");

    g_assert_true (retired->valid);
    g_assert_true (has_issue (retired->warnings, "region_retired"));
  }
}

static void
test_messages (void)
{
  g_autoptr(PdwIdentityResult) r = parse_nik ("1471017201909999");
  PdwIdentityIssue *issue = g_ptr_array_index (r->errors, 0);

  g_assert_cmpstr (issue->code, ==, "invalid_day");
  g_assert_cmpint (issue->severity, ==, PDW_ISSUE_ERROR);
  g_assert_nonnull (strstr (issue->message_id, "Tanggal 72"));
  g_assert_nonnull (strstr (issue->message, "72"));
}

static void
test_mask (void)
{
  g_autofree char *a = pdw_identity_mask ("1471010101909999");
  g_autofree char *b = pdw_identity_mask ("1471 0101 0190 9999");
  g_autofree char *c = pdw_identity_mask ("147101010190999");
  g_autofree char *d = pdw_identity_mask ("NIK1471010101909999");
  g_autofree char *e = pdw_identity_mask ("");

  g_assert_cmpstr (a, ==, "1471********9999");
  g_assert_cmpstr (b, ==, "1471********9999");
  g_assert_cmpstr (c, ==, "***************");
  g_assert_null (strstr (d, "1471"));
  g_assert_cmpstr (e, ==, "");
}

static void
test_mask_in_text (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "", "" },
    { "nik sy 1471021234560001 tdk aktif", "nik sy 1471********0001 tdk aktif" },
    { "NIK 1471 0212 3456 0001\nkk 1471-0212-3456-0002.", "NIK 1471********0001\nkk 1471********0002." },
    { "#1471.0212.3456.0001#", "#1471********0001#" },
    { "nik:1471021234560001,kk:1471021234560002", "nik:1471********0001,kk:1471********0002" },
    /* Two numbers typed together: nothing of them is left. */
    { "1471021234560001 1471021234560002 ok", "**************** **************** ok" },
    /* Shorter numbers (phones, dates, 15 digits) stay. */
    { "hp 081234567890, 02-12-2026, 147102123456000", "hp 081234567890, 02-12-2026, 147102123456000" },
    /* Separators only between digits; two in a row end the run. */
    { "1471 0212  3456 0001", "1471 0212  3456 0001" },
    { "x1471021234560001y", "x1471********0001y" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = pdw_identity_mask_in_text (cases[i].in);

      g_assert_cmpstr (masked, ==, cases[i].out);
    }
}

static void
test_normalize (void)
{
  g_autofree char *a = pdw_text_normalize ("a\r\nb\rc\xe2\x80\x8b" "d\xef\xbc\x9a", -1);
  g_autofree char *b = pdw_text_normalize ("x\xc2\xa0y\xe3\x80\x80z\ttab", -1);

  g_assert_cmpstr (a, ==, "a\nb\ncd:");
  g_assert_cmpstr (b, ==, "x y z tab");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 21, G_DATE_NOVEMBER, 2026);

  g_test_add_func ("/identity/stdnum-vectors", test_stdnum_vectors);
  g_test_add_func ("/identity/constructed-vectors", test_constructed_vectors);
  g_test_add_func ("/identity/pekanbaru-codes", test_pekanbaru_codes);
  g_test_add_func ("/identity/renamed-messages", test_renamed_messages);
  g_test_add_func ("/identity/retired-papua", test_retired_papua);
  g_test_add_func ("/identity/region-errors", test_region_errors);
  g_test_add_func ("/identity/shape-errors", test_shape_errors);
  g_test_add_func ("/identity/separators-unicode", test_separators_and_unicode);
  g_test_add_func ("/identity/century", test_century);
  g_test_add_func ("/identity/leap-days", test_leap_days);
  g_test_add_func ("/identity/kk", test_kk);
  g_test_add_func ("/identity/messages", test_messages);
  g_test_add_func ("/identity/mask", test_mask);
  g_test_add_func ("/identity/mask-in-text", test_mask_in_text);
  g_test_add_func ("/identity/normalize", test_normalize);

  return g_test_run ();
}
