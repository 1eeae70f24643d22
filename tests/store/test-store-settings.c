/* test-store-settings.c: the office's lists, officers and reply templates.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/pdw-template.h"
#include "test-store-util.h"

typedef struct
{
  char      *dir;
  char      *path;
  PdwStore  *store;
  GPtrArray *changes;   /* char *: the "settings-changed" arguments */
} Fixture;

static void
on_settings_changed (PdwStore   *store,
                     const char *what,
                     Fixture    *f)
{
  g_ptr_array_add (f->changes, g_strdup (what));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = test_make_db_path (&f->dir);
  f->store = pdw_store_open (f->path, &error);
  g_assert_no_error (error);
  f->changes = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->store, "settings-changed", G_CALLBACK (on_settings_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->changes, g_ptr_array_unref);
  pdw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static PdwCatalogEntry *
find_entry (GPtrArray  *entries,
            const char *code)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (pdw_catalog_entry_get_code (g_ptr_array_index (entries, i)), code) == 0)
      return g_ptr_array_index (entries, i);

  return NULL;
}

static void
test_catalog_seeded (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (PdwCatalogKind kind = 0; kind < PDW_CATALOG_N_KINDS; kind++)
    {
      g_autoptr(GPtrArray) entries = pdw_store_list_catalog (f->store, kind, FALSE, &error);
      const PdwCatalogItem *items;
      gsize n_items = 0;

      g_assert_no_error (error);
      items = pdw_catalog_get_defaults (kind, &n_items);
      g_assert_cmpuint (entries->len, ==, n_items);
      for (gsize i = 0; i < n_items; i++)
        {
          PdwCatalogEntry *entry = g_ptr_array_index (entries, i);

          /* Shipped order, shipped labels, marked as shipped. */
          g_assert_cmpstr (pdw_catalog_entry_get_code (entry), ==, items[i].code);
          g_assert_cmpstr (pdw_catalog_entry_get_label (entry), ==,
                           pdw_catalog_get_default_label (kind, items[i].code));
          g_assert_true (pdw_catalog_entry_get_builtin (entry));
          g_assert_true (pdw_catalog_entry_get_active (entry));
        }
    }
}

static void
test_catalog_edit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *code = NULL;
  g_autofree char *code2 = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *label = NULL;
  char *refused;

  /* A new division: code from the label, unique, appended at the end. */
  code = pdw_store_save_catalog_entry (f->store, PDW_CATALOG_DIVISION, NULL, "  Bidang PIAK Baru ", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, "bidang_piak_baru");
  code2 = pdw_store_save_catalog_entry (f->store, PDW_CATALOG_DIVISION, NULL, "Bidang PIAK baru", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code2, ==, "bidang_piak_baru_2");

  active = pdw_store_list_catalog (f->store, PDW_CATALOG_DIVISION, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pdw_catalog_entry_get_label (g_ptr_array_index (active, active->len - 2)), ==, "Bidang PIAK Baru");
  g_assert_false (pdw_catalog_entry_get_builtin (find_entry (active, code)));

  /* Rename a shipped entry, then deactivate it: gone from the active list,
   * still there for old complaints. */
  renamed = pdw_store_save_catalog_entry (f->store, PDW_CATALOG_INSTITUTION, "bank", "Bank (BRI, BNI, Mandiri)", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (renamed, ==, "bank");
  g_clear_pointer (&active, g_ptr_array_unref);
  active = pdw_store_list_catalog (f->store, PDW_CATALOG_INSTITUTION, FALSE, &error);
  g_assert_null (find_entry (active, "bank"));
  all = pdw_store_list_catalog (f->store, PDW_CATALOG_INSTITUTION, TRUE, &error);
  g_assert_cmpstr (pdw_catalog_entry_get_label (find_entry (all, "bank")), ==, "Bank (BRI, BNI, Mandiri)");
  label = pdw_store_dup_catalog_label (f->store, PDW_CATALOG_INSTITUTION, "bank");
  g_assert_cmpstr (label, ==, "Bank (BRI, BNI, Mandiri)");
  /* Documents show the office's own label too. */
  g_free (label);
  label = pdw_store_dup_catalog_label_id (f->store, PDW_CATALOG_INSTITUTION, "bank");
  g_assert_cmpstr (label, ==, "Bank (BRI, BNI, Mandiri)");
  g_assert_cmpstr (pdw_catalog_entry_get_label_id (find_entry (all, "bank")), ==, "Bank (BRI, BNI, Mandiri)");

  /* Clearing a shipped entry's label brings the shipped one back... */
  g_free (pdw_store_save_catalog_entry (f->store, PDW_CATALOG_INSTITUTION, "bank", "", TRUE, &error));
  g_assert_no_error (error);
  g_free (label);
  label = pdw_store_dup_catalog_label (f->store, PDW_CATALOG_INSTITUTION, "bank");
  g_assert_cmpstr (label, ==, pdw_catalog_get_default_label (PDW_CATALOG_INSTITUTION, "bank"));

  /* A shipped label a document shows is Indonesian whatever the locale
   * (the tests run under C, where the UI label is English). */
  g_free (label);
  label = pdw_store_dup_catalog_label_id (f->store, PDW_CATALOG_COMPLAINT_TYPE, "nik_tidak_aktif");
  g_assert_cmpstr (label, ==, "NIK tidak aktif / belum terdaftar");
  g_assert_cmpstr (pdw_catalog_get_default_label (PDW_CATALOG_COMPLAINT_TYPE, "nik_tidak_aktif"), ==,
                   "NIK inactive / not registered");
  g_free (label);
  label = pdw_store_dup_catalog_label_id (f->store, PDW_CATALOG_INSTITUTION, "no_such_code");
  g_assert_cmpstr (label, ==, "no_such_code");

  /* ...an office's own entry cannot lose its name, and unknown codes are
   * reported. */
  refused = pdw_store_save_catalog_entry (f->store, PDW_CATALOG_DIVISION, code, " ", TRUE, &error);
  g_assert_null (refused);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  refused = pdw_store_save_catalog_entry (f->store, PDW_CATALOG_DIVISION, "no_such", "X", TRUE, &error);
  g_assert_null (refused);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_free (label);
  label = pdw_store_dup_catalog_label (f->store, PDW_CATALOG_COMPLAINT_TYPE, "unknown_code");
  g_assert_cmpstr (label, ==, "unknown_code");

  /* Four successful saves, four announcements. */
  g_assert_cmpuint (f->changes->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (f->changes, 0), ==, "division");
  g_assert_cmpstr (g_ptr_array_index (f->changes, 2), ==, "institution");
}

static void
test_officers (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) officers = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *by_nip = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *fallback = NULL;
  gint64 siti, budi, id;

  siti = pdw_store_save_officer (f->store, 0, "Siti Rahmawati, S.Kom", "199001012015032001", "sr",
                                 PDW_OFFICER_ROLE_FO, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (siti, >, 0);
  budi = pdw_store_save_officer (f->store, 0, "Budi Santoso", NULL, NULL, PDW_OFFICER_ROLE_ADB, TRUE, &error);
  g_assert_no_error (error);

  /* NIPs are 18 digits and unique; a name is required. */
  id = pdw_store_save_officer (f->store, 0, "Ani", "19900101", NULL, PDW_OFFICER_ROLE_FO, TRUE, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  id = pdw_store_save_officer (f->store, 0, "Ani", "199001012015032001", NULL, PDW_OFFICER_ROLE_FO, TRUE, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "199001012015032001"));
  g_clear_error (&error);
  id = pdw_store_save_officer (f->store, 0, "  ", NULL, NULL, PDW_OFFICER_ROLE_FO, TRUE, &error);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  officers = pdw_store_list_officers (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (officers->len, ==, 2);
  /* By name; initials upper-cased, or derived from the name. */
  g_assert_cmpstr (pdw_officer_get_name (g_ptr_array_index (officers, 0)), ==, "Budi Santoso");
  g_assert_cmpstr (pdw_officer_get_initials (g_ptr_array_index (officers, 0)), ==, "BS");
  g_assert_cmpint (pdw_officer_get_role (g_ptr_array_index (officers, 0)), ==, PDW_OFFICER_ROLE_ADB);
  g_assert_cmpstr (pdw_officer_get_initials (g_ptr_array_index (officers, 1)), ==, "SR");

  /* Deactivated officers stay for old cards but leave the list. */
  g_assert_cmpint (pdw_store_save_officer (f->store, budi, "Budi Santoso", NULL, "BSA",
                                           PDW_OFFICER_ROLE_ADB, FALSE, &error), ==, budi);
  g_assert_no_error (error);
  g_clear_pointer (&officers, g_ptr_array_unref);
  officers = pdw_store_list_officers (f->store, FALSE, &error);
  g_assert_cmpuint (officers->len, ==, 1);
  all = pdw_store_list_officers (f->store, TRUE, &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_false (pdw_officer_get_active (g_ptr_array_index (all, 0)));

  g_assert_cmpint (pdw_store_save_officer (f->store, 999, "X", NULL, NULL, PDW_OFFICER_ROLE_FO, TRUE, &error), ==, 0);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Initials for the control card: by NIP, by name, else from the name. */
  by_nip = pdw_store_dup_actor_initials (f->store, "Siti R.", "199001012015032001");
  g_assert_cmpstr (by_nip, ==, "SR");
  by_name = pdw_store_dup_actor_initials (f->store, "Budi Santoso", NULL);
  g_assert_cmpstr (by_name, ==, "BSA");
  fallback = pdw_store_dup_actor_initials (f->store, "Dewi Kartika Sari", "");
  g_assert_cmpstr (fallback, ==, "DKS");
}

static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(PdwReplyTemplate) standard = NULL;
  g_autoptr(PdwReplyTemplate) edited = NULL;
  g_autoptr(PdwReplyTemplate) reset = NULL;
  g_autoptr(PdwReplyTemplate) missing = NULL;
  g_autofree char *own = NULL;
  g_autofree char *own2 = NULL;
  const char * const *names = pdw_template_get_default_names ();

  templates = pdw_store_list_reply_templates (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, g_strv_length ((char **) names));

  standard = pdw_store_dup_reply_template (f->store, PDW_TEMPLATE_STANDARD_REPLY, &error);
  g_assert_no_error (error);
  g_assert_true (pdw_reply_template_get_builtin (standard));
  g_assert_cmpstr (pdw_reply_template_get_body (standard), ==,
                   pdw_template_get_default_text (PDW_TEMPLATE_STANDARD_REPLY));
  g_assert_nonnull (strstr (pdw_reply_template_get_body (standard), "2x24 jam"));
  g_assert_cmpstr (pdw_reply_template_get_title (standard), ==,
                   pdw_template_get_title (PDW_TEMPLATE_STANDARD_REPLY));

  /* Edit a shipped one, then reset it. */
  g_free (pdw_store_save_reply_template (f->store, PDW_TEMPLATE_STANDARD_REPLY, "Balasan standar",
                                         "Data {nama} aktif paling lambat {batas_waktu}.", &error));
  g_assert_no_error (error);
  edited = pdw_store_dup_reply_template (f->store, PDW_TEMPLATE_STANDARD_REPLY, &error);
  g_assert_cmpstr (pdw_reply_template_get_body (edited), ==, "Data {nama} aktif paling lambat {batas_waktu}.");
  g_assert_cmpstr (pdw_reply_template_get_title (edited), ==, "Balasan standar");
  g_assert_true (pdw_store_reset_reply_template (f->store, PDW_TEMPLATE_STANDARD_REPLY, &error));
  g_assert_no_error (error);
  reset = pdw_store_dup_reply_template (f->store, PDW_TEMPLATE_STANDARD_REPLY, &error);
  g_assert_cmpstr (pdw_reply_template_get_body (reset), ==,
                   pdw_template_get_default_text (PDW_TEMPLATE_STANDARD_REPLY));

  /* Shipped ones cannot be deleted; own ones cannot be reset. */
  g_assert_false (pdw_store_delete_reply_template (f->store, PDW_TEMPLATE_CLOSING, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  own = pdw_store_save_reply_template (f->store, NULL, "Syarat perbaikan data",
                                       "Mohon kirim foto KK, {nama}.", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (own, ==, "syarat_perbaikan_data");
  own2 = pdw_store_save_reply_template (f->store, NULL, "Syarat perbaikan data", "Teks lain.", &error);
  g_assert_cmpstr (own2, ==, "syarat_perbaikan_data_2");
  g_assert_false (pdw_store_reset_reply_template (f->store, own, &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (pdw_store_save_reply_template (f->store, NULL, "Kosong", " \n ", &error));
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (pdw_store_delete_reply_template (f->store, own, &error));
  g_assert_no_error (error);
  missing = pdw_store_dup_reply_template (f->store, own, &error);
  g_assert_null (missing);
  g_assert_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_pointer (&templates, g_ptr_array_unref);
  templates = pdw_store_list_reply_templates (f->store, &error);
  g_assert_cmpuint (templates->len, ==, g_strv_length ((char **) names) + 1);
  for (guint i = 1; i < templates->len; i++)
    g_assert_cmpint (g_utf8_collate (pdw_reply_template_get_title (g_ptr_array_index (templates, i - 1)),
                                     pdw_reply_template_get_title (g_ptr_array_index (templates, i))), <=, 0);

  /* save, save, reset, save, delete */
  g_assert_cmpuint (f->changes->len, ==, 5);
}

static void
test_seed_keeps_edits (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwStore) again = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(PdwReplyTemplate) closing = NULL;

  g_free (pdw_store_save_catalog_entry (f->store, PDW_CATALOG_INSTITUTION, "pajak", "KPP Pratama", FALSE, &error));
  g_free (pdw_store_save_reply_template (f->store, PDW_TEMPLATE_CLOSING, "Penutup", "Selesai, {nama}.", &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);

  /* Reopening seeds again: nothing doubles, nothing edited comes back. */
  again = pdw_store_open (f->path, &error);
  g_assert_no_error (error);
  all = pdw_store_list_catalog (again, PDW_CATALOG_INSTITUTION, TRUE, &error);
  g_assert_cmpuint (all->len, ==, 8);
  g_assert_cmpstr (pdw_catalog_entry_get_label (find_entry (all, "pajak")), ==, "KPP Pratama");
  g_assert_false (pdw_catalog_entry_get_active (find_entry (all, "pajak")));
  closing = pdw_store_dup_reply_template (again, PDW_TEMPLATE_CLOSING, &error);
  g_assert_cmpstr (pdw_reply_template_get_body (closing), ==, "Selesai, {nama}.");
}

static void
test_core_catalog (void)
{
  struct { const char *in; const char *out; } codes[] = {
    { "Bidang PIAK", "bidang_piak" },
    { "  BPJS -- Kesehatan!! ", "bpjs_kesehatan" },
    { "Pelayanan Ç", "pelayanan_c" },
    { "!!!", "entry" },
    { NULL, "entry" },
  };
  struct { const char *in; const char *out; } initials[] = {
    { "Siti Rahmawati, S.Kom", "SR" },
    { "dewi  kartika sari putri", "DKS" },
    { "Ömer", "Ö" },
    { "", "" },
  };
  PdwOfficerRole role;
  PdwCatalogKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *code = pdw_catalog_code_from_label (codes[i].in);
      g_assert_cmpstr (code, ==, codes[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (initials); i++)
    {
      g_autofree char *got = pdw_officer_initials_from_name (initials[i].in);
      g_assert_cmpstr (got, ==, initials[i].out);
    }

  /* Every shipped entry has its Indonesian label for documents. */
  for (PdwCatalogKind k = 0; k < PDW_CATALOG_N_KINDS; k++)
    {
      gsize n_items = 0;
      const PdwCatalogItem *items = pdw_catalog_get_defaults (k, &n_items);

      for (gsize i = 0; i < n_items; i++)
        {
          g_assert_nonnull (items[i].label_id);
          g_assert_cmpstr (pdw_catalog_get_default_label_id (k, items[i].code), ==, items[i].label_id);
        }
    }
  g_assert_cmpstr (pdw_catalog_get_default_label_id (PDW_CATALOG_INSTITUTION, "faskes"), ==, "Fasilitas kesehatan");
  g_assert_null (pdw_catalog_get_default_label_id (PDW_CATALOG_INSTITUTION, "no_such_code"));

  g_assert_true (pdw_officer_role_from_string ("adb", &role));
  g_assert_cmpint (role, ==, PDW_OFFICER_ROLE_ADB);
  g_assert_false (pdw_officer_role_from_string ("boss", &role));
  g_assert_cmpstr (pdw_officer_role_to_string (PDW_OFFICER_ROLE_HEAD), ==, "head");
  g_assert_true (pdw_catalog_kind_from_string ("division", &kind));
  g_assert_cmpint (kind, ==, PDW_CATALOG_DIVISION);
  g_assert_false (pdw_catalog_kind_from_string ("divisions", &kind));
  g_assert_null (pdw_catalog_get_default_label (PDW_CATALOG_INSTITUTION, "nope"));
  g_assert_cmpstr (pdw_catalog_get_default_label (PDW_CATALOG_DIVISION, "bidang_piak"), ==, "Bidang PIAK");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/settings/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("catalog-seeded", test_catalog_seeded);
  ADD ("catalog-edit", test_catalog_edit);
  ADD ("officers", test_officers);
  ADD ("templates", test_templates);
  ADD ("seed-keeps-edits", test_seed_keeps_edits);
#undef ADD
  g_test_add_func ("/core/catalog", test_core_catalog);

  return g_test_run ();
}
