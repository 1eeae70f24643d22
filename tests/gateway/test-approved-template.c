/* test-approved-template.c: the approved WhatsApp template: its parameters,
 * the text the chat shows, and where its name and language come from.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/pdw-approved-template.h"

static void
test_defaults (void)
{
  g_autoptr(PdwApprovedTemplate) approved = pdw_approved_template_new (NULL, "  ", "");

  g_assert_cmpstr (pdw_approved_template_get_name (approved), ==, "pandawa_pembaruan_pengaduan");
  g_assert_cmpstr (pdw_approved_template_get_language (approved), ==, "id");
  g_assert_cmpstr (pdw_approved_template_get_body (approved), ==, PDW_APPROVED_TEMPLATE_DEFAULT_BODY);
}

static void
test_params_from_complaint (void)
{
  g_auto(GStrv) params = pdw_approved_template_build_params ("Siti Aminah", "Siti", "PDW-2026-01-00007");

  g_assert_cmpuint (g_strv_length (params), ==, 2);
  g_assert_cmpstr (params[0], ==, "Siti Aminah");
  g_assert_cmpstr (params[1], ==, "PDW-2026-01-00007");
}

static void
test_params_fallbacks (void)
{
  g_auto(GStrv) no_complaint = pdw_approved_template_build_params (NULL, "Budi Santoso", NULL);
  g_auto(GStrv) nobody = pdw_approved_template_build_params ("   ", "", "");

  /* Without a complaint: the WhatsApp profile name and "-". */
  g_assert_cmpstr (no_complaint[0], ==, "Budi Santoso");
  g_assert_cmpstr (no_complaint[1], ==, "-");
  g_assert_null (no_complaint[2]);

  /* Meta refuses empty parameters. */
  g_assert_cmpstr (nobody[0], ==, PDW_APPROVED_TEMPLATE_NO_NAME);
  g_assert_cmpstr (nobody[1], ==, "-");
}

static void
test_params_whitespace (void)
{
  /* Meta refuses newlines, tabs and more than four spaces in a row. */
  g_auto(GStrv) params = pdw_approved_template_build_params ("  Nur\tHayati\n\n  binti      Ahmad ", NULL,
                                                             " PDW-2026-02-00001\n");

  g_assert_cmpstr (params[0], ==, "Nur Hayati binti Ahmad");
  g_assert_cmpstr (params[1], ==, "PDW-2026-02-00001");
}

static void
test_render (void)
{
  g_autoptr(PdwApprovedTemplate) approved = pdw_approved_template_new (NULL, NULL, NULL);
  g_auto(GStrv) params = pdw_approved_template_build_params ("Siti Aminah", NULL, "PDW-2026-01-00007");
  g_autofree char *text = pdw_approved_template_render (approved, (const char * const *) params);

  g_assert_cmpstr (text, ==,
                   "Yth. Bapak/Ibu Siti Aminah, ada pembaruan atas pengaduan data Anda "
                   "(tiket PDW-2026-01-00007) di layanan PANDAWA Disdukcapil Kota Pekanbaru. "
                   "Silakan balas pesan ini agar petugas dapat melanjutkan layanan.");
}

static void
test_render_body_edge_cases (void)
{
  static const char * const params[] = { "A {{2}}", "B", NULL };
  static const char * const one[] = { "x", NULL };
  g_autofree char *swapped = pdw_approved_template_render_body ("{{2}}-{{1}}", params);
  g_autofree char *missing = pdw_approved_template_render_body ("{{1}} {{2}} {{3}}", one);
  g_autofree char *odd = pdw_approved_template_render_body ("{{}} {{0}} {{1} {1}} {{x}}", one);
  g_autofree char *none = pdw_approved_template_render_body ("tanpa {{1}}", NULL);

  /* One pass: a parameter holding "{{2}}" is not substituted again. */
  g_assert_cmpstr (swapped, ==, "B-A {{2}}");
  g_assert_cmpstr (missing, ==, "x {{2}} {{3}}");
  g_assert_cmpstr (odd, ==, "{{}} {{0}} {{1} {1}} {{x}}");
  g_assert_cmpstr (none, ==, "tanpa {{1}}");
}

static void
test_from_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(PdwApprovedTemplate) shipped = pdw_approved_template_new_from_settings (settings);
  g_autoptr(PdwApprovedTemplate) configured = NULL;

  g_assert_cmpstr (pdw_approved_template_get_name (shipped), ==, PDW_APPROVED_TEMPLATE_DEFAULT_NAME);
  g_assert_cmpstr (pdw_approved_template_get_language (shipped), ==, "id");

  g_settings_set_string (settings, "wa-template-name", "pandawa_update_v2");
  g_settings_set_string (settings, "wa-template-language", "en_US");
  configured = pdw_approved_template_new_from_settings (settings);
  g_assert_cmpstr (pdw_approved_template_get_name (configured), ==, "pandawa_update_v2");
  g_assert_cmpstr (pdw_approved_template_get_language (configured), ==, "en_US");
  g_assert_cmpstr (pdw_approved_template_get_body (configured), ==, PDW_APPROVED_TEMPLATE_DEFAULT_BODY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/approved-template/defaults", test_defaults);
  g_test_add_func ("/approved-template/params-from-complaint", test_params_from_complaint);
  g_test_add_func ("/approved-template/params-fallbacks", test_params_fallbacks);
  g_test_add_func ("/approved-template/params-whitespace", test_params_whitespace);
  g_test_add_func ("/approved-template/render", test_render);
  g_test_add_func ("/approved-template/render-body-edge-cases", test_render_body_edge_cases);
  g_test_add_func ("/approved-template/from-settings", test_from_settings);

  return g_test_run ();
}
