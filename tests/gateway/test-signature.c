/* test-signature.c: X-Hub-Signature-256 against the vectors computed in
 * research/whatsapp.md §1.5.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gateway/pdw-signature.h"
#include "pdw-test-util.h"

#define SECRET "test-app-secret"
#define F1_SIGNATURE "sha256=05dcfbd54e968793b65ce7b450f9096f08d7c2ce45eaf02b0101e1247abb6a1e"
#define UNICODE_SIGNATURE "sha256=473d7a663e6620dac801e5069b3e5895586d9300eb27753e312a204bb56cf2c4"
#define RAW_UTF8_SIGNATURE "sha256=22f71014bf4b25affa11064836ea8e89c9fd37286009c5517fdfca80e8a0a4d3"

static void
test_f1_vector (void)
{
  g_autoptr(GBytes) body = pdw_test_load_data ("cloud-sig-f1-minified.json");
  g_autofree char *computed = NULL;

  g_assert_cmpuint (g_bytes_get_size (body), ==, 499);
  computed = pdw_signature_compute (body, SECRET);
  g_assert_cmpstr (computed, ==, F1_SIGNATURE);
  g_assert_true (pdw_signature_verify (body, SECRET, F1_SIGNATURE));
  g_assert_false (pdw_signature_verify (body, "other-secret", F1_SIGNATURE));
}

static void
test_unicode_escape_vector (void)
{
  g_autoptr(GBytes) body = pdw_test_load_data ("cloud-sig-unicode-escaped.json");
  g_autofree char *raw = NULL;
  g_autoptr(GBytes) raw_body = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_true (pdw_signature_verify (body, SECRET, UNICODE_SIGNATURE));

  /* The same JSON value with a raw UTF-8 é: different bytes, different MAC. */
  parts = g_strsplit (g_bytes_get_data (body, NULL), "\\u00e9", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  raw = g_strjoinv ("\xc3\xa9", parts);
  raw_body = g_bytes_new (raw, strlen (raw));
  g_assert_false (pdw_signature_verify (raw_body, SECRET, UNICODE_SIGNATURE));
  g_assert_true (pdw_signature_verify (raw_body, SECRET, RAW_UTF8_SIGNATURE));
}

static void
test_rejections (void)
{
  g_autoptr(GBytes) body = pdw_test_load_data ("cloud-sig-f1-minified.json");
  g_autofree char *upper = g_ascii_strup (F1_SIGNATURE + strlen ("sha256="), -1);
  g_autofree char *upper_header = g_strconcat ("sha256=", upper, NULL);
  g_autofree char *bare = g_strdup (F1_SIGNATURE + strlen ("sha256="));
  g_autofree char *last_wrong = g_strdup (F1_SIGNATURE);

  last_wrong[strlen (last_wrong) - 1] = 'f';

  g_assert_false (pdw_signature_verify (body, SECRET, NULL));
  g_assert_false (pdw_signature_verify (body, SECRET, ""));
  g_assert_false (pdw_signature_verify (body, SECRET, bare));
  g_assert_false (pdw_signature_verify (body, SECRET, "sha1=05dcfbd54e968793b65ce7b450f9096f08d7c2ce45eaf02b0101e1247abb6a1e"));
  g_assert_false (pdw_signature_verify (body, SECRET, "SHA256=05dcfbd54e968793b65ce7b450f9096f08d7c2ce45eaf02b0101e1247abb6a1e"));
  g_assert_false (pdw_signature_verify (body, SECRET, last_wrong));
  g_assert_false (pdw_signature_verify (body, SECRET, F1_SIGNATURE "00"));
  g_assert_false (pdw_signature_verify (body, SECRET, upper_header));
  g_assert_false (pdw_signature_verify (body, "", F1_SIGNATURE));
  g_assert_false (pdw_signature_verify (body, NULL, F1_SIGNATURE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gateway/signature/f1-vector", test_f1_vector);
  g_test_add_func ("/gateway/signature/unicode-escape-vector", test_unicode_escape_vector);
  g_test_add_func ("/gateway/signature/rejections", test_rejections);

  return g_test_run ();
}
