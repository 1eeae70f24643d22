/* test-synthetic.c: synthetic people are valid in form, deterministic and
 * never empty.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-identity.h"
#include "demo/pdw-synthetic.h"

#define N_PEOPLE 3000

static void
today (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, G_DATE_JANUARY, 2025);
}

static char *
strip_spaces (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (s, *p);

  return g_string_free (s, FALSE);
}

static void
test_people_valid (void)
{
  g_autoptr(PdwSynthetic) synth = pdw_synthetic_new (42);
  g_autoptr(GHashTable) phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint women = 0;
  GDate ref;

  today (&ref);

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(PdwSyntheticPerson) p = pdw_synthetic_person_new (synth, NULL, i);
      g_autoptr(PdwIdentityResult) nik = pdw_identity_parse (PDW_IDENTITY_NIK, p->nik, &ref);
      g_autoptr(PdwIdentityResult) kk = pdw_identity_parse (PDW_IDENTITY_KK, p->kk, &ref);
      guint64 serial;

      g_assert_nonnull (p->name);
      g_assert_cmpuint (strlen (p->name), >, 0);
      g_assert_false (g_ascii_isspace (p->name[0]));
      g_assert_true (g_utf8_validate (p->name, -1, NULL));

      g_assert_true (nik->valid);
      g_assert_cmpstr (nik->digits, ==, p->nik);
      g_assert_true (g_str_has_prefix (p->nik, "1471"));
      g_assert_cmpint (nik->sex, ==, p->female ? 'P' : 'L');
      g_assert_true (g_date_valid (&nik->date));
      g_assert_cmpint (g_date_compare (&nik->date, &p->birth_date), ==, 0);
      g_assert_cmpuint (g_date_get_year (&p->birth_date), >=, 1950);
      g_assert_cmpuint (g_date_get_year (&p->birth_date), <=, 2007);
      g_assert_true (g_ascii_string_to_unsigned (nik->serial, 10, 9000, 9999, &serial, NULL));

      g_assert_true (kk->valid);
      g_assert_true (g_str_has_prefix (p->kk, "1471"));
      g_assert_true (g_ascii_string_to_unsigned (kk->serial, 10, 9000, 9999, &serial, NULL));

      g_assert_cmpuint (strlen (p->phone), ==, 13);
      g_assert_true (g_str_has_prefix (p->phone, "628000"));
      for (const char *c = p->phone; *c != '\0'; c++)
        g_assert_true (g_ascii_isdigit (*c));
      /* Distinct for distinct indexes. */
      g_assert_true (g_hash_table_add (phones, g_strdup (p->phone)));

      women += p->female;
    }

  /* Both sexes, roughly half each. */
  g_assert_cmpuint (women, >, N_PEOPLE / 3);
  g_assert_cmpuint (women, <, 2 * N_PEOPLE / 3);
}

static void
test_elsewhere_valid (void)
{
  g_autoptr(PdwSynthetic) synth = pdw_synthetic_new (7);
  GDate ref;

  today (&ref);
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(PdwSyntheticPerson) p = pdw_synthetic_person_new (synth, "140601", i);
      g_autoptr(PdwIdentityResult) nik = pdw_identity_parse (PDW_IDENTITY_NIK, p->nik, &ref);
      g_autoptr(PdwIdentityResult) kk = pdw_identity_parse (PDW_IDENTITY_KK, p->kk, &ref);

      g_assert_true (nik->valid);
      g_assert_true (kk->valid);
      g_assert_true (g_str_has_prefix (p->nik, "140601"));
    }
}

static GPtrArray *
draw_all (guint32 seed)
{
  g_autoptr(PdwSynthetic) synth = pdw_synthetic_new (seed);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(PdwSyntheticPerson) p = pdw_synthetic_person_new (synth, NULL, i);

      g_ptr_array_add (out, g_strdup_printf ("%s|%s|%s|%s", p->name, p->nik, p->kk, p->phone));
      for (guint k = PDW_SYNTHETIC_GREETING; k <= PDW_SYNTHETIC_PHOTO_CAPTION; k++)
        g_ptr_array_add (out, pdw_synthetic_citizen_text (synth, k, p, "bank", i % 2 == 0));
      for (guint k = PDW_SYNTHETIC_ASK_DATA; k <= PDW_SYNTHETIC_RELATIVE_ANSWER; k++)
        g_ptr_array_add (out, pdw_synthetic_officer_text (synth, k, p, "Petugas"));
    }

  return out;
}

static void
test_deterministic (void)
{
  g_autoptr(GPtrArray) a = draw_all (11);
  g_autoptr(GPtrArray) b = draw_all (11);
  g_autoptr(GPtrArray) c = draw_all (12);
  guint differ = 0;

  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpuint (a->len, ==, c->len);
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
      g_assert_cmpuint (strlen (g_ptr_array_index (a, i)), >, 0);
      differ += g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (c, i)) != 0;
    }

  g_assert_cmpuint (differ, >, a->len / 2);
}

static void
test_texts_carry_identity (void)
{
  g_autoptr(PdwSynthetic) synth = pdw_synthetic_new (5);

  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(PdwSyntheticPerson) p = pdw_synthetic_person_new (synth, NULL, i);
      g_autofree char *complaint = pdw_synthetic_citizen_text (synth, PDW_SYNTHETIC_COMPLAINT, p,
                                                                "bpjs_kesehatan", TRUE);
      g_autofree char *identity = pdw_synthetic_citizen_text (synth, PDW_SYNTHETIC_IDENTITY, p, NULL, FALSE);
      g_autofree char *other = pdw_synthetic_citizen_text (synth, PDW_SYNTHETIC_OTHER_NUMBER, p, NULL, FALSE);
      g_autofree char *bare = pdw_synthetic_citizen_text (synth, PDW_SYNTHETIC_COMPLAINT, p, "bank", FALSE);
      g_autofree char *c1 = strip_spaces (complaint);
      g_autofree char *c2 = strip_spaces (identity);
      g_autofree char *c3 = strip_spaces (other);
      g_autofree char *c4 = strip_spaces (bare);

      g_assert_nonnull (strstr (c1, p->nik));
      g_assert_nonnull (strstr (c2, p->nik));
      /* A second number's first message must not carry the NIK, or
       * ingestion would link it instead of the officer merging it. */
      g_assert_null (strstr (c3, p->nik));
      g_assert_null (strstr (c4, p->nik));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/synthetic/people-valid", test_people_valid);
  g_test_add_func ("/synthetic/elsewhere-valid", test_elsewhere_valid);
  g_test_add_func ("/synthetic/deterministic", test_deterministic);
  g_test_add_func ("/synthetic/texts-carry-identity", test_texts_carry_identity);

  return g_test_run ();
}
