/* test-desk-rules.c: what the desk decides by itself.  All numbers are
 * constructed.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/pdw-desk-rules.h"

#define NIK_M  "1471010101909999"   /* man, Sukajadi, 1990-01-01 */
#define NIK_F  "1471014101909999"   /* woman, Sukajadi, 1990-01-01 */

/* A desk with at most two open complaints by NIK, recording what the rule
 * asked. */
typedef struct
{
  gint64      conversation_complaint;
  const char *nik_with_complaint;
  gint64      complaint_of_nik;
  gboolean    fail;
  guint       n_conversation_lookups;
  GPtrArray  *niks_asked;
} FakeDesk;

static gboolean
fake_find_conversation_complaint (gpointer   user_data,
                                  gint64    *complaint_id,
                                  GError   **error)
{
  FakeDesk *desk = user_data;

  desk->n_conversation_lookups++;
  *complaint_id = desk->conversation_complaint;
  return TRUE;
}

static gboolean
fake_find_complaint_by_nik (gpointer     user_data,
                            const char  *nik,
                            gint64      *complaint_id,
                            GError     **error)
{
  FakeDesk *desk = user_data;

  g_ptr_array_add (desk->niks_asked, g_strdup (nik));
  if (desk->fail)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "lookup failed");
      return FALSE;
    }

  *complaint_id = g_strcmp0 (nik, desk->nik_with_complaint) == 0 ? desk->complaint_of_nik : 0;
  return TRUE;
}

static const PdwDeskComplaintLookup fake_lookup = {
  fake_find_conversation_complaint,
  fake_find_complaint_by_nik,
};

static gint64
decide (FakeDesk    *desk,
        const char  *text)
{
  g_autoptr(GError) error = NULL;
  gint64 complaint_id = -1;

  g_assert_true (pdw_desk_rules_find_complaint_to_link (text, &fake_lookup, desk, &complaint_id, &error));
  g_assert_no_error (error);
  return complaint_id;
}

static FakeDesk *
fake_desk_new (void)
{
  FakeDesk *desk = g_new0 (FakeDesk, 1);

  desk->niks_asked = g_ptr_array_new_with_free_func (g_free);
  desk->nik_with_complaint = NIK_M;
  desk->complaint_of_nik = 7;
  return desk;
}

static void
fake_desk_free (FakeDesk *desk)
{
  g_ptr_array_unref (desk->niks_asked);
  g_free (desk);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeDesk, fake_desk_free)

static void
test_links_by_nik (void)
{
  g_autoptr(FakeDesk) desk = fake_desk_new ();

  g_assert_cmpint (decide (desk, "Selamat pagi, NIK saya " NIK_M ", mohon dicek"), ==, 7);
  g_assert_cmpuint (desk->n_conversation_lookups, ==, 1);
  g_assert_cmpuint (desk->niks_asked->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (desk->niks_asked, 0), ==, NIK_M);
}

/* A text without 16 digits costs no lookup at all: it runs on every
 * inbound message. */
static void
test_text_without_nik_asks_nothing (void)
{
  g_autoptr(FakeDesk) desk = fake_desk_new ();

  g_assert_cmpint (decide (desk, NULL), ==, 0);
  g_assert_cmpint (decide (desk, "Halo, KTP saya belum aktif"), ==, 0);
  g_assert_cmpint (decide (desk, "Nomor antrian 1234 5678 9012"), ==, 0);
  g_assert_cmpuint (desk->n_conversation_lookups, ==, 0);
  g_assert_cmpuint (desk->niks_asked->len, ==, 0);
}

static void
test_conversation_with_open_complaint_keeps_it (void)
{
  g_autoptr(FakeDesk) desk = fake_desk_new ();

  desk->conversation_complaint = 3;
  g_assert_cmpint (decide (desk, "NIK: " NIK_M), ==, 0);
  g_assert_cmpuint (desk->n_conversation_lookups, ==, 1);
  g_assert_cmpuint (desk->niks_asked->len, ==, 0);
}

static void
test_invalid_nik_is_not_looked_up (void)
{
  g_autoptr(FakeDesk) desk = fake_desk_new ();

  /* 16 digits, but no valid date of birth. */
  g_assert_cmpint (decide (desk, "NIK: 1471019901909999"), ==, 0);
  g_assert_cmpuint (desk->niks_asked->len, ==, 0);
}

static void
test_nik_without_open_complaint (void)
{
  g_autoptr(FakeDesk) desk = fake_desk_new ();

  g_assert_cmpint (decide (desk, "NIK: " NIK_F), ==, 0);
  g_assert_cmpuint (desk->niks_asked->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (desk->niks_asked, 0), ==, NIK_F);
}

static void
test_lookup_error_is_reported (void)
{
  g_autoptr(FakeDesk) desk = fake_desk_new ();
  g_autoptr(GError) error = NULL;
  gint64 complaint_id = -1;

  desk->fail = TRUE;
  g_assert_false (pdw_desk_rules_find_complaint_to_link ("NIK: " NIK_M, &fake_lookup, desk,
                                                         &complaint_id, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk-rules/auto-link/by-nik", test_links_by_nik);
  g_test_add_func ("/desk-rules/auto-link/text-without-nik", test_text_without_nik_asks_nothing);
  g_test_add_func ("/desk-rules/auto-link/conversation-has-complaint", test_conversation_with_open_complaint_keeps_it);
  g_test_add_func ("/desk-rules/auto-link/invalid-nik", test_invalid_nik_is_not_looked_up);
  g_test_add_func ("/desk-rules/auto-link/nik-without-complaint", test_nik_without_open_complaint);
  g_test_add_func ("/desk-rules/auto-link/lookup-error", test_lookup_error_is_reported);

  return g_test_run ();
}
