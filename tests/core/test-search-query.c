/* test-search-query.c: what the search bar's text is read as.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/pdw-search-query.h"
#include "core/pdw-search-result.h"

static void
test_phone_forms (void)
{
  const char * const forms[] = {
    "081234567890", "0812-3456-7890", "+62 812-3456-7890", "6281234567890", "+6281234567890",
    "(0812) 3456 7890", "62 812 3456 7890", "  0812.3456.7890  ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(PdwSearchQuery) query = pdw_search_query_parse (forms[i]);

      g_assert_cmpint (query->kind, ==, PDW_SEARCH_QUERY_PHONE);
      g_assert_cmpstr (query->phone, ==, "6281234567890");
      g_assert_null (query->text);
      g_assert_null (query->ticket);
    }
}

static void
test_phone_prefix (void)
{
  g_autoptr(PdwSearchQuery) query = pdw_search_query_parse ("0812 34");

  g_assert_cmpint (query->kind, ==, PDW_SEARCH_QUERY_PHONE);
  g_assert_cmpstr (query->phone, ==, "6281234");
}

static void
test_ticket (void)
{
  const char * const forms[] = {
    "PDW-2026-11-00042", "pdw-2026-11-00042", "PDW 2026/11/42", "2026-11-00042", "PDW-20261100042",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(PdwSearchQuery) query = pdw_search_query_parse (forms[i]);

      if (query->kind != PDW_SEARCH_QUERY_TICKET)
        g_error ("“%s” is not read as a ticket", forms[i]);
      g_assert_cmpstr (query->ticket, ==, "PDW-2026-11-00042");
    }
}

static void
test_identity (void)
{
  g_autoptr(PdwSearchQuery) full = pdw_search_query_parse ("1471 0101 0190 0001");
  g_autoptr(PdwSearchQuery) suffix = pdw_search_query_parse ("0001");
  g_autoptr(PdwSearchQuery) long_suffix = pdw_search_query_parse ("101900001");
  g_autoptr(PdwSearchQuery) short_number = pdw_search_query_parse ("123");

  g_assert_cmpint (full->kind, ==, PDW_SEARCH_QUERY_IDENTITY);
  g_assert_cmpstr (full->identity, ==, "1471010101900001");
  g_assert_false (full->identity_is_suffix);
  g_assert_null (full->phone);

  /* "0001" also starts like a phone number written with its 0. */
  g_assert_cmpstr (suffix->identity, ==, "0001");
  g_assert_true (suffix->identity_is_suffix);

  g_assert_cmpint (long_suffix->kind, ==, PDW_SEARCH_QUERY_IDENTITY_SUFFIX);
  g_assert_cmpstr (long_suffix->identity, ==, "101900001");
  g_assert_null (long_suffix->phone);

  /* Too short to mean a number: words. */
  g_assert_cmpint (short_number->kind, ==, PDW_SEARCH_QUERY_TEXT);
  g_assert_null (short_number->identity);
}

/* 8… is a national number without its 0, and also the end of a NIK. */
static void
test_ambiguous_digits (void)
{
  g_autoptr(PdwSearchQuery) query = pdw_search_query_parse ("81234");

  g_assert_cmpstr (query->phone, ==, "6281234");
  g_assert_cmpstr (query->identity, ==, "81234");
  g_assert_true (query->identity_is_suffix);
}

static void
test_text (void)
{
  g_autoptr(PdwSearchQuery) name = pdw_search_query_parse ("  Siti Aisyâh ");
  g_autoptr(PdwSearchQuery) empty = pdw_search_query_parse (" \t ");
  g_autoptr(PdwSearchQuery) null = pdw_search_query_parse (NULL);
  g_autoptr(PdwSearchQuery) mixed = pdw_search_query_parse ("KTP 1471");

  g_assert_cmpint (name->kind, ==, PDW_SEARCH_QUERY_TEXT);
  g_assert_cmpstr (name->text, ==, "Siti Aisyâh");
  g_assert_cmpint (empty->kind, ==, PDW_SEARCH_QUERY_EMPTY);
  g_assert_cmpint (null->kind, ==, PDW_SEARCH_QUERY_EMPTY);
  g_assert_cmpint (mixed->kind, ==, PDW_SEARCH_QUERY_TEXT);
  g_assert_null (mixed->identity);
}

static void
test_fts_match (void)
{
  g_autofree char *prefix = pdw_search_query_dup_fts_prefix_match ("Siti  Aisyâh");
  g_autofree char *words = pdw_search_query_dup_fts_text_match ("akta-lahir ");
  g_autofree char *one = pdw_search_query_dup_fts_text_match ("akta");
  g_autofree char *syntax = pdw_search_query_dup_fts_prefix_match ("NEAR(\"x\" AND -*");
  g_autofree char *none = pdw_search_query_dup_fts_prefix_match ("-- * \"");

  g_assert_cmpstr (prefix, ==, "\"Siti\"* \"Aisyâh\"*");
  g_assert_cmpstr (words, ==, "\"akta\" \"lahir\"*");
  g_assert_cmpstr (one, ==, "\"akta\"*");
  g_assert_cmpstr (syntax, ==, "\"NEAR\"* \"x\"* \"AND\"*");
  g_assert_null (none);
}

#define M(x) PDW_SEARCH_MARK_START x PDW_SEARCH_MARK_END

static void
assert_narrowed (const char *text,
                 const char *snippet,
                 const char *expected)
{
  g_autofree char *narrowed = pdw_search_query_dup_narrowed_marks (text, snippet);

  g_assert_cmpstr (narrowed, ==, expected);
}

static void
test_narrowed_marks (void)
{
  /* A prefix is marked as far as it was typed. */
  assert_narrowed ("budi", M ("Budiman") " Santoso", M ("Budi") "man Santoso");
  assert_narrowed ("budi sa", M ("Budi") " " M ("Santoso"), M ("Budi") " " M ("Sa") "ntoso");
  /* Without case or accents, precomposed or combining. */
  assert_narrowed ("AISYA", "Siti " M ("Aisyâh"), "Siti " M ("Aisyâ") "h");
  assert_narrowed ("aisya", M ("Aisya\u0302h"), M ("Aisya\u0302") "h");
  assert_narrowed ("aisyâh", M ("Aisyah"), M ("Aisyah"));
  /* Whole words stay whole; the longest word that begins it wins. */
  assert_narrowed ("akta lahir", "urus " M ("akta") " " M ("lahir") "…", "urus " M ("akta") " " M ("lahir") "…");
  assert_narrowed ("nur nurul", M ("Nurul") " Huda", M ("Nurul") " Huda");
  /* Two words in one mark are marked apart. */
  assert_narrowed ("sit ais", M ("Siti Aisyah"), M ("Sit") "i " M ("Ais") "yah");
  /* A mark no word begins, or one never closed, is left as it is. */
  assert_narrowed ("budi", M ("Zulkifli"), M ("Zulkifli"));
  assert_narrowed ("budi", "a " PDW_SEARCH_MARK_START "Budiman", "a " PDW_SEARCH_MARK_START "Budiman");
  assert_narrowed ("budi", "no marks", "no marks");
  g_assert_null (pdw_search_query_dup_narrowed_marks ("budi", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-query/phone-forms", test_phone_forms);
  g_test_add_func ("/search-query/phone-prefix", test_phone_prefix);
  g_test_add_func ("/search-query/ticket", test_ticket);
  g_test_add_func ("/search-query/identity", test_identity);
  g_test_add_func ("/search-query/ambiguous-digits", test_ambiguous_digits);
  g_test_add_func ("/search-query/text", test_text);
  g_test_add_func ("/search-query/fts-match", test_fts_match);
  g_test_add_func ("/search-query/narrowed-marks", test_narrowed_marks);

  return g_test_run ();
}
