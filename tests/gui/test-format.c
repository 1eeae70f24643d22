/* test-format.c: how the window writes statuses and control-card lines
 * (no display needed).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui/pdw-format.h"

static void
test_status_css_class (void)
{
  g_assert_cmpstr (pdw_format_status_css_class (PDW_COMPLAINT_BARU), ==, "status-new");
  g_assert_cmpstr (pdw_format_status_css_class (PDW_COMPLAINT_TERDAFTAR), ==, "status-open");
  g_assert_cmpstr (pdw_format_status_css_class (PDW_COMPLAINT_RUJUK_BIOMETRIK), ==, "status-open");
  g_assert_cmpstr (pdw_format_status_css_class (PDW_COMPLAINT_SELESAI), ==, "status-done");
  g_assert_cmpstr (pdw_format_status_css_class (PDW_COMPLAINT_DITOLAK), ==, "status-rejected");
}

static void
test_card_line_subtitle (void)
{
  /* 2026-11-09 08:00 WIB = 01:00 UTC */
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 11, 9, 1, 0, 0);
  g_autoptr(PdwComplaintEvent) full = g_object_new (PDW_TYPE_COMPLAINT_EVENT,
                                                    "timestamp", g_date_time_to_unix (at),
                                                    "actor-name", "Rina Fitri",
                                                    "actor-initials", "RF",
                                                    "action", "coordinate",
                                                    "from-status", (int) PDW_COMPLAINT_TERDAFTAR,
                                                    "to-status", (int) PDW_COMPLAINT_KOORDINASI,
                                                    "from-party", "Rina Fitri",
                                                    "to-party", "Bidang PIAK",
                                                    "note", "Cek data ganda",
                                                    NULL);
  g_autoptr(PdwComplaintEvent) bare = g_object_new (PDW_TYPE_COMPLAINT_EVENT,
                                                    "timestamp", g_date_time_to_unix (at),
                                                    "action", "add_note",
                                                    NULL);
  g_autofree char *full_text = pdw_format_card_line_subtitle (full);
  g_autofree char *bare_text = pdw_format_card_line_subtitle (bare);

  g_assert_cmpstr (full_text, ==, "09/11/2026 08:00 WIB · Rina Fitri (RF)\n"
                                  "Registered → Coordinating with division\n"
                                  "From Rina Fitri to Bidang PIAK\n"
                                  "Cek data ganda");
  g_assert_cmpstr (bare_text, ==, "09/11/2026 08:00 WIB");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/status-css-class", test_status_css_class);
  g_test_add_func ("/format/card-line-subtitle", test_card_line_subtitle);

  return g_test_run ();
}
