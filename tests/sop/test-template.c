/* test-template.c: reply template rendering.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-template.h"

/* Synthetic identity: region 1471 (Pekanbaru), not a real person. */
#define TEST_NIK "1471010101900001"

static GHashTable *
vars_new (void)
{
  GHashTable *vars = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (vars, (gpointer) "nama", (gpointer) "Siti Contoh");
  g_hash_table_insert (vars, (gpointer) "tiket", (gpointer) "PDW-2026-0001");
  return vars;
}

static void
test_render_known (void)
{
  g_autoptr(GHashTable) vars = vars_new ();
  g_auto(GStrv) unknown = NULL;
  g_autofree char *out = NULL;

  out = pdw_template_render ("Halo {nama}, tiket {tiket}. {nama}!", vars, &unknown);
  g_assert_cmpstr (out, ==, "Halo Siti Contoh, tiket PDW-2026-0001. Siti Contoh!");
  g_assert_nonnull (unknown);
  g_assert_cmpuint (g_strv_length (unknown), ==, 0);
}

static void
test_render_unknown (void)
{
  g_autoptr(GHashTable) vars = vars_new ();
  g_auto(GStrv) unknown = NULL;
  g_autofree char *out = NULL;

  out = pdw_template_render ("{nama}: {batas_waktu} / {petugas} / {batas_waktu}", vars, &unknown);
  /* Left visible, so the officer sees what is missing. */
  g_assert_cmpstr (out, ==, "Siti Contoh: {batas_waktu} / {petugas} / {batas_waktu}");
  g_assert_cmpuint (g_strv_length (unknown), ==, 2);
  g_assert_cmpstr (unknown[0], ==, "batas_waktu");
  g_assert_cmpstr (unknown[1], ==, "petugas");

  /* NULL table: every variable is unknown; NULL @unknown is allowed. */
  g_clear_pointer (&out, g_free);
  out = pdw_template_render ("{nama}", NULL, NULL);
  g_assert_cmpstr (out, ==, "{nama}");
}

static void
test_render_escapes (void)
{
  g_autoptr(GHashTable) vars = vars_new ();
  struct { const char *in, *out; guint n_unknown; } cases[] = {
    { "{{nama}}", "{nama}", 0 },
    { "{{{nama}}}", "{Siti Contoh}", 0 },
    { "a {{ b }} c", "a { b } c", 0 },
    { "{ nama }", "{ nama }", 0 },            /* not a variable: copied */
    { "{nama", "{nama", 0 },
    { "nama}", "nama}", 0 },
    { "{}", "{}", 0 },
    { "{na-ma}", "{na-ma}", 0 },
    { "{", "{", 0 },
    { "}", "}", 0 },
    { "{{", "{", 0 },
    { "{{}", "{}", 0 },
    { "{tiket}{nama}", "PDW-2026-0001Siti Contoh", 0 },
    { "{NAMA}", "{NAMA}", 1 },                /* names are case-sensitive */
    { "Rp {jumlah}", "Rp {jumlah}", 1 },
    { "", "", 0 },
    { "ñ {nama} ✓", "ñ Siti Contoh ✓", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) unknown = NULL;
      g_autofree char *out = pdw_template_render (cases[i].in, vars, &unknown);

      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_cmpuint (g_strv_length (unknown), ==, cases[i].n_unknown);
    }
}

static void
test_value_not_reexpanded (void)
{
  g_autoptr(GHashTable) vars = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) unknown = NULL;
  g_autofree char *out = NULL;

  /* A citizen's name containing braces must come out as typed. */
  g_hash_table_insert (vars, (gpointer) "nama", (gpointer) "{tiket} {{x}}");
  out = pdw_template_render ("Halo {nama}", vars, &unknown);
  g_assert_cmpstr (out, ==, "Halo {tiket} {{x}}");
  g_assert_cmpuint (g_strv_length (unknown), ==, 0);
}

static void
test_vars_struct (void)
{
  PdwTemplateVars vars = PDW_TEMPLATE_VARS_INIT;
  g_auto(GStrv) unknown = NULL;
  g_autofree char *out = NULL;
  /* Monday 2026-01-12 10:05 WIB = 03:05 UTC */
  g_autoptr(GDateTime) due = g_date_time_new_utc (2026, 1, 12, 3, 5, 0);

  vars.nama = "Budi Uji";
  vars.nik = TEST_NIK;
  vars.tiket = "PDW-7";
  vars.batas_waktu = g_date_time_to_unix (due);
  vars.petugas = "Petugas FO";

  out = pdw_template_render_vars ("{nama}|{nik_masked}|{tiket}|{batas_waktu}|{petugas}|{jam_buka}",
                                  &vars, &unknown);
  g_assert_cmpstr (out, ==, "Budi Uji|1471********0001|PDW-7|Senin, 12 Januari 2026 pukul 10.05 WIB|"
                            "Petugas FO|{jam_buka}");
  g_assert_cmpuint (g_strv_length (unknown), ==, 1);
  g_assert_cmpstr (unknown[0], ==, "jam_buka");
  /* The full NIK never reaches the text. */
  g_assert_null (strstr (out, TEST_NIK));
}

static void
test_format_time (void)
{
  struct { int y, mo, d, h, mi; const char *expected; } cases[] = {
    /* UTC inputs; output in WIB */
    { 2026, 1, 11, 17, 30, "Senin, 12 Januari 2026 pukul 00.30 WIB" },   /* across midnight */
    { 2026, 12, 31, 18, 0, "Jumat, 1 Januari 2027 pukul 01.00 WIB" },     /* across the year */
    { 2026, 6, 7, 1, 0, "Minggu, 7 Juni 2026 pukul 08.00 WIB" },
    { 2026, 8, 19, 9, 59, "Rabu, 19 Agustus 2026 pukul 16.59 WIB" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (cases[i].y, cases[i].mo, cases[i].d,
                                                     cases[i].h, cases[i].mi, 0);
      g_autofree char *s = pdw_template_format_time (g_date_time_to_unix (dt));

      g_assert_cmpstr (s, ==, cases[i].expected);
    }
}

static void
test_defaults (void)
{
  const char * const *names = pdw_template_get_default_names ();
  PdwTemplateVars vars = PDW_TEMPLATE_VARS_INIT;
  guint n = 0;

  vars.nama = "Budi Uji";
  vars.nik = TEST_NIK;
  vars.tiket = "PDW-7";
  vars.batas_waktu = 1768000000;
  vars.petugas = "Petugas FO";
  vars.jam_buka = 1768000000;
  vars.alasan = "NIK terdaftar di Disdukcapil daerah lain";

  for (; names[n] != NULL; n++)
    {
      const char *text = pdw_template_get_default_text (names[n]);
      g_auto(GStrv) unknown = NULL;
      g_autofree char *out = NULL;

      g_assert_nonnull (text);
      g_assert_nonnull (pdw_template_get_title (names[n]));
      out = pdw_template_render_vars (text, &vars, &unknown);
      /* Every shipped template uses only the known variables. */
      g_assert_cmpuint (g_strv_length (unknown), ==, 0);
      g_assert_null (strchr (out, '{'));
      g_assert_null (strstr (out, TEST_NIK));
      g_assert_true (g_utf8_validate (out, -1, NULL));
    }
  g_assert_cmpuint (n, ==, 5);

  /* The SOP's own words, with the name and the ticket. */
  {
    const char *text = pdw_template_get_default_text (PDW_TEMPLATE_STANDARD_REPLY);

    g_assert_nonnull (strstr (text, "dapat aktif maksimal dalam waktu 2x24 jam"));
    g_assert_nonnull (strstr (text, "{nama}"));
    g_assert_nonnull (strstr (text, "{tiket}"));
  }
  g_assert_nonnull (strstr (pdw_template_get_default_text (PDW_TEMPLATE_OUT_OF_HOURS), "{jam_buka}"));
  g_assert_nonnull (strstr (pdw_template_get_default_text (PDW_TEMPLATE_REJECTION), "{alasan}"));
  g_assert_nonnull (strstr (pdw_template_get_default_text (PDW_TEMPLATE_BIOMETRIC_REFERRAL), "biometrik"));
  g_assert_null (pdw_template_get_default_text ("no_such_template"));
  g_assert_null (pdw_template_get_title ("no_such_template"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/template/render-known", test_render_known);
  g_test_add_func ("/template/render-unknown", test_render_unknown);
  g_test_add_func ("/template/render-escapes", test_render_escapes);
  g_test_add_func ("/template/value-not-reexpanded", test_value_not_reexpanded);
  g_test_add_func ("/template/vars-struct", test_vars_struct);
  g_test_add_func ("/template/format-time", test_format_time);
  g_test_add_func ("/template/defaults", test_defaults);

  return g_test_run ();
}
