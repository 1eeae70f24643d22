/* test-store-corrections.c: "Edit Data" after registration: the fields
 * change in one transaction, each change is a control-card line with its
 * old and new value, a NIK/KK masked, and the name search follows.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-card-line.h"
#include "test-store-util.h"

#define CITIZEN   "6280000000001"
#define OTHER     "6280000000002"
#define NIK_A     "1471010101900001"
#define NIK_B     "1471014101900002"
#define KK_A      "1471011503220007"

typedef struct
{
  char     *dir;
  char     *path;
  PdwStore *store;
  gint64    complaint_id;
  guint     n_changed;
} Fixture;

static const PdwActor officer = { "Petugas Contoh", "199001012020121001", "PC" };

static void
complaint_changed_cb (PdwStore *store,
                      gint64    complaint_id,
                      Fixture  *f)
{
  f->n_changed++;
}

static gint64
register_for (Fixture    *f,
              const char *wa_id,
              const char *wamid,
              const char *name,
              const char *nik)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) complaint = NULL;
  PdwComplaintFields fields = { name, nik, NULL, "+" CITIZEN, "data_ganda", NULL };
  gint64 conversation_id;

  test_ingest (f->store, test_messages (test_inbound (wamid, wa_id, "Warga", 1795161600, "data saya dobel"), NULL), NULL);
  conversation_id = pdw_store_find_conversation_by_wa_id (f->store, wa_id, &error);
  g_assert_no_error (error);
  complaint = pdw_store_register_complaint (f->store, conversation_id, &fields, &officer, &error);
  g_assert_no_error (error);
  return pdw_complaint_get_id (complaint);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = test_make_db_path (&f->dir);
  f->store = pdw_store_open (f->path, &error);
  g_assert_no_error (error);
  f->complaint_id = register_for (f, CITIZEN, "wamid.C1", "dewi lestary", NIK_A);
  g_signal_connect (f->store, "complaint-changed", G_CALLBACK (complaint_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  pdw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The notes of the "correct_data" lines, as the card shows them. */
static GPtrArray *
correction_notes (Fixture    *f,
                  GPtrArray **raw)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = pdw_store_list_complaint_events (f->store, f->complaint_id, &error);
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  *raw = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < events->len; i++)
    {
      PdwComplaintEvent *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (pdw_complaint_event_get_action (event), "correct_data") != 0)
        continue;
      g_assert_cmpstr (pdw_complaint_event_get_actor_name (event), ==, officer.name);
      g_ptr_array_add (notes, pdw_card_line_dup_note (event));
      g_ptr_array_add (*raw, g_strdup (pdw_complaint_event_get_note (event)));
    }

  return notes;
}

static gboolean
name_search_finds (Fixture    *f,
                   const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = pdw_store_search (f->store, query, 0, &error);

  g_assert_no_error (error);
  return results->len > 0;
}

static void
test_lines_and_masking (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) corrected = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) raw = NULL;
  PdwComplaintFields fields = { "Dewi Lestari", NIK_B, KK_A, "+" CITIZEN, "nik_tidak_aktif", "bank" };

  g_assert_true (name_search_finds (f, "lestary"));
  g_assert_false (name_search_finds (f, "lestari"));

  corrected = pdw_store_correct_complaint (f->store, f->complaint_id, &fields, &officer, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pdw_complaint_get_citizen_name (corrected), ==, "Dewi Lestari");
  g_assert_cmpstr (pdw_complaint_get_nik (corrected), ==, NIK_B);
  g_assert_cmpstr (pdw_complaint_get_kk (corrected), ==, KK_A);
  g_assert_cmpstr (pdw_complaint_get_complaint_type (corrected), ==, "nik_tidak_aktif");
  g_assert_cmpstr (pdw_complaint_get_institution (corrected), ==, "bank");
  /* The status does not move. */
  g_assert_cmpint (pdw_complaint_get_status (corrected), ==, PDW_COMPLAINT_TERDAFTAR);
  g_assert_cmpuint (f->n_changed, ==, 1);

  /* One line per changed field (name, NIK, KK, type, institution; not the phone). */
  notes = correction_notes (f, &raw);
  g_assert_cmpuint (notes->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (notes, 0), ==, "Name: dewi lestary → Dewi Lestari");
  g_assert_cmpstr (g_ptr_array_index (notes, 1), ==, "NIK: 1471********0001 → 1471********0002");
  g_assert_cmpstr (g_ptr_array_index (notes, 2), ==, "Family card number (KK): — → 1471********0007");
  g_assert_cmpstr (g_ptr_array_index (notes, 3), ==, "Type: Duplicate record → NIK inactive / not registered");
  g_assert_cmpstr (g_ptr_array_index (notes, 4), ==, "Institution: — → Bank");
  /* The card never holds a full NIK or KK. */
  for (guint i = 0; i < raw->len; i++)
    {
      g_assert_null (strstr (g_ptr_array_index (raw, i), NIK_A));
      g_assert_null (strstr (g_ptr_array_index (raw, i), NIK_B));
      g_assert_null (strstr (g_ptr_array_index (raw, i), KK_A));
    }

  /* The name search follows the corrected name (FTS update trigger). */
  g_assert_true (name_search_finds (f, "Lestari"));
  g_assert_false (name_search_finds (f, "lestary"));
}

static void
test_nothing_changed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwComplaint) same = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) raw = NULL;
  /* Blank counts as empty, as registration stored it. */
  PdwComplaintFields fields = { "dewi lestary", NIK_A, "  ", "+" CITIZEN, "data_ganda", NULL };

  same = pdw_store_correct_complaint (f->store, f->complaint_id, &fields, &officer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (same);
  notes = correction_notes (f, &raw);
  g_assert_cmpuint (notes->len, ==, 0);
  g_assert_cmpuint (f->n_changed, ==, 0);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) no_officer = NULL;
  g_autoptr(PdwComplaint) refused = NULL;
  g_autoptr(PdwComplaint) unsigned_ = NULL;
  g_autoptr(PdwComplaint) unchanged = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) raw = NULL;
  PdwComplaintFields fields = { "Dewi Lestari", NIK_B, NULL, "+" CITIZEN, "data_ganda", NULL };
  PdwActor nobody = { "", NULL, NULL };

  /* NIK_B has its own open file: nothing of this correction is kept. */
  register_for (f, OTHER, "wamid.C2", "Rina", NIK_B);
  refused = pdw_store_correct_complaint (f->store, f->complaint_id, &fields, &officer, &error);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_DUPLICATE_NIK);
  g_assert_null (refused);
  g_assert_null (strstr (error->message, NIK_B));

  unsigned_ = pdw_store_correct_complaint (f->store, f->complaint_id, &fields, &nobody, &no_officer);
  g_assert_error (no_officer, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_assert_null (unsigned_);

  unchanged = pdw_store_dup_complaint (f->store, f->complaint_id, NULL);
  g_assert_cmpstr (pdw_complaint_get_citizen_name (unchanged), ==, "dewi lestary");
  g_assert_cmpstr (pdw_complaint_get_nik (unchanged), ==, NIK_A);
  notes = correction_notes (f, &raw);
  g_assert_cmpuint (notes->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/corrections/lines-and-masking", test_lines_and_masking);
  ADD ("/store/corrections/nothing-changed", test_nothing_changed);
  ADD ("/store/corrections/refused", test_refused);
#undef ADD

  return g_test_run ();
}
