/* test-template.c: reply template rendering.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-reply-template.h"
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
  g_assert_cmpuint (n, ==, 6);

  /* The survey question offers the SKM's four answers, one digit each, as
   * the rule reads them (pdw_survey_parse_rating()). */
  {
    const char *text = pdw_template_get_default_text (PDW_TEMPLATE_SURVEY);

    g_assert_nonnull (strstr (text, "1 = Tidak baik"));
    g_assert_nonnull (strstr (text, "4 = Sangat baik"));
    g_assert_nonnull (strstr (text, "3 hari"));
  }

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

static PdwConversation *
conversation_new (const char *profile_name)
{
  return g_object_new (PDW_TYPE_CONVERSATION,
                       "id", (gint64) 1,
                       "wa-id", "6280012345678",
                       "profile-name", profile_name,
                       NULL);
}

static void
test_for_conversation_registered (void)
{
  g_autoptr(PdwConversation) conversation = conversation_new ("Budi WA");
  /* Monday 2026-01-12 10:05 WIB = 03:05 UTC */
  g_autoptr(GDateTime) due = g_date_time_new_utc (2026, 1, 12, 3, 5, 0);
  g_autoptr(PdwComplaint) complaint = g_object_new (PDW_TYPE_COMPLAINT,
                                                    "id", (gint64) 7,
                                                    "ticket", "PDW-7",
                                                    "citizen-name", "Budi Uji",
                                                    "nik", TEST_NIK,
                                                    "due-at", g_date_time_to_unix (due),
                                                    NULL);
  g_auto(GStrv) unknown = NULL;
  g_autofree char *out = NULL;

  out = pdw_template_render_for_conversation ("{nama}|{nik_masked}|{tiket}|{batas_waktu}|{petugas}|{jam_buka}|{alasan}",
                                              conversation, complaint, "Petugas FO",
                                              g_date_time_to_unix (due), &unknown);
  g_assert_cmpstr (out, ==, "Budi Uji|1471********0001|PDW-7|Senin, 12 Januari 2026 pukul 10.05 WIB|"
                            "Petugas FO|Senin, 12 Januari 2026 pukul 10.05 WIB|{alasan}");
  /* The reason of a rejection is the officer's to write. */
  g_assert_cmpuint (g_strv_length (unknown), ==, 1);
  g_assert_cmpstr (unknown[0], ==, "alasan");
  g_assert_null (strstr (out, TEST_NIK));
}

static void
test_for_conversation_unregistered (void)
{
  g_autoptr(PdwConversation) named = conversation_new ("  Siti WA ");
  g_autoptr(PdwConversation) nameless = conversation_new ("~");
  g_autoptr(PdwComplaint) no_due = g_object_new (PDW_TYPE_COMPLAINT,
                                                 "id", (gint64) 8, "ticket", "PDW-8", "citizen-name", "",
                                                 NULL);
  g_auto(GStrv) unknown = NULL;
  g_autofree char *out = NULL;
  g_autofree char *number = NULL;
  g_autofree char *expected = NULL;

  /* Before registration the WhatsApp name stands in for the citizen's. */
  out = pdw_template_render_for_conversation ("{nama}|{tiket}|{petugas}|{jam_buka}", named, NULL, "", -1, &unknown);
  g_assert_cmpstr (out, ==, "Siti WA|{tiket}|{petugas}|{jam_buka}");
  g_assert_cmpuint (g_strv_length (unknown), ==, 3);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&unknown, g_strfreev);

  /* An empty name on the complaint counts as none; without a due time
   * the deadline stays missing. */
  out = pdw_template_render_for_conversation ("{nama}|{tiket}|{batas_waktu}", named, no_due, NULL, -1, &unknown);
  g_assert_cmpstr (out, ==, "Siti WA|PDW-8|{batas_waktu}");
  g_clear_pointer (&out, g_free);

  /* "~" is WhatsApp's "no name": the number is what the officer sees too. */
  number = pdw_conversation_dup_display_name (nameless);
  expected = g_strdup_printf ("Yth. %s", number);
  out = pdw_template_render_for_conversation ("Yth. {nama}", nameless, NULL, NULL, -1, NULL);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_sample (void)
{
  /* Monday 2026-01-12 10:05 WIB = 03:05 UTC */
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 12, 3, 5, 0);
  const char * const *names = pdw_template_get_variable_names ();
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *out = NULL;
  g_autofree char *unsigned_out = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (all, "{%s}|", names[i]);
  g_assert_cmpuint (g_strv_length ((GStrv) names), ==, 7);

  out = pdw_template_render_sample (all->str, "Petugas FO", g_date_time_to_unix (now), g_date_time_to_unix (now));
  g_assert_cmpstr (out, ==, "Siti Aminah|1471********0001|PDW-2026-01-00042|"
                            "Rabu, 14 Januari 2026 pukul 10.05 WIB|Petugas FO|"
                            "Senin, 12 Januari 2026 pukul 10.05 WIB|"
                            "NIK terdaftar di Disdukcapil kabupaten/kota lain|");

  /* Without an officer a placeholder signs; without an opening it shows. */
  unsigned_out = pdw_template_render_sample ("{petugas}|{jam_buka}", "", 0, -1);
  g_assert_true (g_str_has_suffix (unsigned_out, "|{jam_buka}"));
  g_assert_false (g_str_has_prefix (unsigned_out, "{petugas}"));
}

static void
test_typos (void)
{
  g_auto(GStrv) none = pdw_template_list_typos ("Halo {nama}, {jam_buka} {{x}}");
  g_auto(GStrv) typos = pdw_template_list_typos ("Halo {nama} {nmaa}, {tiket} {nmaa} {jam_bukaa}");

  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (typos), ==, 2);
  g_assert_cmpstr (typos[0], ==, "nmaa");
  g_assert_cmpstr (typos[1], ==, "jam_bukaa");
}

/* The composer's "/" opens the quick replies: only at the start, one line. */
static void
test_quick_query (void)
{
  g_assert_cmpstr (pdw_reply_template_get_quick_query ("/"), ==, "");
  g_assert_cmpstr (pdw_reply_template_get_quick_query ("/balas"), ==, "balas");
  g_assert_cmpstr (pdw_reply_template_get_quick_query ("/jam buka"), ==, "jam buka");
  g_assert_null (pdw_reply_template_get_quick_query (""));
  g_assert_null (pdw_reply_template_get_quick_query (NULL));
  g_assert_null (pdw_reply_template_get_quick_query ("Bapak/Ibu"));
  g_assert_null (pdw_reply_template_get_quick_query (" /balas"));
  g_assert_null (pdw_reply_template_get_quick_query ("/balas\nterima kasih"));
}

/* Matching as the officer types after the slash: title, name or text, any
 * case, accents or not, every word. */
static void
test_quick_match (void)
{
  g_autoptr(PdwReplyTemplate) template = g_object_new (PDW_TYPE_REPLY_TEMPLATE,
                                                       "name", "jam_layanan",
                                                       "title", "Jam Layanan Kantor",
                                                       "body", "Layanan dibuka Senin–Jumat di Kantor Disdukcapil, Jalan Séntosa.",
                                                       NULL);

  g_assert_true (pdw_reply_template_matches (template, NULL));
  g_assert_true (pdw_reply_template_matches (template, ""));
  g_assert_true (pdw_reply_template_matches (template, "jam"));
  g_assert_true (pdw_reply_template_matches (template, "JAM layanan"));
  g_assert_true (pdw_reply_template_matches (template, "jam_lay"));
  g_assert_true (pdw_reply_template_matches (template, "senin kantor"));
  g_assert_true (pdw_reply_template_matches (template, "sentosa"));
  g_assert_true (pdw_reply_template_matches (template, "SÉNTOSA"));
  g_assert_false (pdw_reply_template_matches (template, "jam biometrik"));
  g_assert_false (pdw_reply_template_matches (template, "ditolak"));
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
  g_test_add_func ("/template/for-conversation/registered", test_for_conversation_registered);
  g_test_add_func ("/template/for-conversation/unregistered", test_for_conversation_unregistered);
  g_test_add_func ("/template/sample", test_sample);
  g_test_add_func ("/template/typos", test_typos);
  g_test_add_func ("/template/quick-reply/query", test_quick_query);
  g_test_add_func ("/template/quick-reply/match", test_quick_match);

  return g_test_run ();
}
