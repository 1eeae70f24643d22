/* test-classify.c: the complaint type and institution recognised in
 * messages typed the way citizens type them, and the SOP's step-2 rule.
 * Every message is invented; numbers are constructed.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "core/pdw-catalog.h"
#include "core/pdw-classify.h"

typedef struct
{
  const char *text;
  const char *type;         /* NULL: the officer chooses */
  const char *institution;  /* NULL: none named */
} Case;

static const Case cases[] = {
  /* The issue's own examples. */
  { "data saya ganda", "data_ganda", NULL },
  { "nik tdk aktif di bank mandiri", "nik_tidak_aktif", "bank" },
  { "kk blm update stlh pindah", "sinkronisasi", NULL },
  { "bpjs", NULL, "bpjs_kesehatan" },
  { "mau beli sim card / kartu perdana tp ditolak", "nik_tidak_aktif", "operator_seluler" },
  { "anak saya tdk bisa masuk dapodik / sekolah", "nik_tidak_aktif", "sekolah" },

  /* Data inactive at an institution. */
  { "Assalamualaikum min, NIK saya tidak aktif waktu buka rekening di BRI", "nik_tidak_aktif", "bank" },
  { "nik gak aktif di bpjs kesehatan", "nik_tidak_aktif", "bpjs_kesehatan" },
  { "NIK SAYA NONAKTIF DI BPJS KETENAGAKERJAAN", "nik_tidak_aktif", "bpjs_ketenagakerjaan" },
  { "nik non-aktif pas klaim JHT", "nik_tidak_aktif", "bpjs_ketenagakerjaan" },
  { "ktp sy ga aktip di bpjs tk", "nik_tidak_aktif", "bpjs_ketenagakerjaan" },
  { "nik belum terdaftar waktu registrasi kartu telkomsel", "nik_tidak_aktif", "operator_seluler" },
  { "Registrasi kartu perdana gagal terus, katanya NIK tidak valid", "nik_tidak_aktif", "operator_seluler" },
  { "sms ke 4444 gagal", "nik_tidak_aktif", "operator_seluler" },
  { "NIK tidak ditemukan di aplikasi Mobile JKN", "nik_tidak_aktif", "bpjs_kesehatan" },
  { "mohon aktivasi nik saya utk kis", "nik_tidak_aktif", "bpjs_kesehatan" },
  { "nik saya diblokir bank bca", "nik_tidak_aktif", "bank" },
  { "Berobat ke puskesmas katanya nik tidak terdaftar", "nik_tidak_aktif", "faskes" },
  { "di rumah sakit nik ibu sy tdk terbaca", "nik_tidak_aktif", "faskes" },
  { "pengajuan KUR ditolak krn nik bermasalah", "nik_tidak_aktif", "bank" },
  { "gagal verifikasi NPWP / efin", "nik_tidak_aktif", "pajak" },
  { "nik anak tdk valid di dapodik", "nik_tidak_aktif", "sekolah" },
  { "daftar PPDB gagal, nik tidak terdaftar", "nik_tidak_aktif", "sekolah" },
  { "NIK saya tidak bisa dipakai untuk daftar bansos", "nik_tidak_aktif", "lainnya" },
  { "nik tdk aktif", "nik_tidak_aktif", NULL },
  { "NIK saya tidak terdaftar", "nik_tidak_aktif", NULL },
  { "kenapa nik sy blm aktif ya min", "nik_tidak_aktif", NULL },
  { "Nîk saya tîdak aktif di Bánk", "nik_tidak_aktif", "bank" },
  { "nik nya ga aktif pas mau ambil tabungan", "nik_tidak_aktif", "bank" },
  { "Tidak bisa registrasi ulang kartu Indosat", "nik_tidak_aktif", "operator_seluler" },

  /* Duplicate records. */
  { "nik saya dobel", "data_ganda", NULL },
  { "data sy double di dukcapil", "data_ganda", NULL },
  { "saya punya 2 nik", "data_ganda", NULL },
  { "kk saya ada dua", "data_ganda", NULL },
  { "nik saya ternyata dipakai orang lain di bank", "data_ganda", "bank" },
  { "ada data kembar dgn nama saya", "data_ganda", NULL },
  { "nik saya tidak aktif karena data ganda", "data_ganda", NULL },
  { "terdaftar dua kali di bpjs", "data_ganda", "bpjs_kesehatan" },

  /* Data that does not match. */
  { "nama di kk tidak sesuai dengan ktp", "data_tidak_sesuai", NULL },
  { "tgl lahir salah di KK", "data_tidak_sesuai", NULL },
  { "nama saya salah ketik", "data_tidak_sesuai", NULL },
  { "data bpjs tdk cocok dgn data dukcapil", "data_tidak_sesuai", "bpjs_kesehatan" },
  { "mohon perbaikan data nama ibu kandung", "data_tidak_sesuai", NULL },
  { "alamat di ktp berbeda dengan kk", "data_tidak_sesuai", NULL },
  { "nama anak beda di dapodik sama di akta", "data_tidak_sesuai", "sekolah" },
  { "ijazah dan KTP tidak sama namanya", "data_tidak_sesuai", NULL },

  /* Changed at Disdukcapil, not yet where the citizen looks. */
  { "sdh pindah tapi data msh alamat lama", "sinkronisasi", NULL },
  { "mohon sinkronisasi data saya", "sinkronisasi", NULL },
  { "tolong singkronkan data ke bpjs", "sinkronisasi", "bpjs_kesehatan" },
  { "status kawin blm berubah stlh menikah", "sinkronisasi", NULL },
  { "data di bank belum update padahal kk baru", "sinkronisasi", "bank" },
  { "KK baru sdh jadi tp di dapodik belum diperbarui", "sinkronisasi", "sekolah" },
  { "mohon konsolidasi data anak", "sinkronisasi", NULL },

  /* Other requests: recognised, not a data case. */
  { "blanko ktp habis ya?", "lainnya", NULL },
  { "mau cetak ktp el bisa hari ini?", "lainnya", NULL },
  { "jam pelayanan buka sampai jam berapa", "lainnya", NULL },

  /* Institutions named without a complaint. */
  { "bpjs ketenagakerjaan", NULL, "bpjs_ketenagakerjaan" },
  { "BPJS Kes", NULL, "bpjs_kesehatan" },
  { "sim card", NULL, "operator_seluler" },
  { "kartu perdana", NULL, "operator_seluler" },
  { "dapodik", NULL, "sekolah" },
  { "npwp", NULL, "pajak" },
  { "rekening bank", NULL, "bank" },

  /* Nothing named: the officer chooses. */
  { "", NULL, NULL },
  { "Selamat pagi min", NULL, NULL },
  { "Assalamualaikum, mohon dibantu", NULL, NULL },
  { "Nama: Budi Santoso\nNIK: 1471010101909999\nKK: 1471011503220007", NULL, NULL },
  { "terima kasih min sudah aktif", NULL, NULL },
  { "ok", NULL, NULL },
  { "Tri Wahyuni\n1471014101909999", NULL, NULL },
  { "sim saya hilang", NULL, NULL },
  { "mau tanya", NULL, NULL },
  { "maaf salah kirim", NULL, NULL },
  { "aktif", NULL, NULL },
  { "bankir", NULL, NULL },
};

static void
test_table (void)
{
  guint failures = 0;

  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 60);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PdwClassification result = { "x", "x" };

      pdw_classify_text (cases[i].text, &result);
      if (g_strcmp0 (result.complaint_type, cases[i].type) != 0 ||
          g_strcmp0 (result.institution, cases[i].institution) != 0)
        {
          g_printerr ("“%s”: got %s / %s, expected %s / %s\n", cases[i].text,
                      result.complaint_type, result.institution, cases[i].type, cases[i].institution);
          failures++;
        }
    }

  g_assert_cmpuint (failures, ==, 0);
}

/* Every code the rules give is an entry of the shipped lists. */
static void
test_codes_are_shipped (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PdwClassification result;

      pdw_classify_text (cases[i].text, &result);
      if (result.complaint_type != NULL)
        g_assert_nonnull (pdw_catalog_get_default_label (PDW_CATALOG_COMPLAINT_TYPE, result.complaint_type));
      if (result.institution != NULL)
        g_assert_nonnull (pdw_catalog_get_default_label (PDW_CATALOG_INSTITUTION, result.institution));
    }
}

static void
test_messages (void)
{
  const char *split[] = { "Selamat siang min", "nik saya tidak", "aktif di bank", NULL };
  const char *later[] = { "Nama: Budi\nNIK 1471010101909999", "di bpjs tk gagal terus", NULL };
  PdwClassification result;

  /* No keyword spans two messages... */
  pdw_classify_texts (split, &result);
  g_assert_null (result.complaint_type);
  g_assert_cmpstr (result.institution, ==, "bank");

  /* ...but the evidence of each one counts. */
  pdw_classify_texts (later, &result);
  g_assert_cmpstr (result.complaint_type, ==, "nik_tidak_aktif");
  g_assert_cmpstr (result.institution, ==, "bpjs_ketenagakerjaan");

  pdw_classify_texts (NULL, &result);
  g_assert_null (result.complaint_type);
  g_assert_null (result.institution);

  pdw_classify_text ("nik \xff\xfe tidak aktif", &result);
  g_assert_cmpstr (result.complaint_type, ==, "nik_tidak_aktif");
}

static void
test_missing (void)
{
  g_autofree char *two = NULL;
  g_autofree char *three = NULL;

  /* SOP step 2: inactive data needs the NIK alone. */
  g_assert_cmpint (pdw_classify_missing_for_consolidation ("nik_tidak_aktif", NULL, "1471010101909999", NULL),
                   ==, PDW_MISSING_NONE);
  g_assert_cmpint (pdw_classify_missing_for_consolidation ("nik_tidak_aktif", "Budi", " ", "1471011503220007"),
                   ==, PDW_MISSING_NIK);
  /* Every other type needs the name and the KK too. */
  g_assert_cmpint (pdw_classify_missing_for_consolidation ("data_ganda", NULL, "1471010101909999", NULL),
                   ==, PDW_MISSING_NAME | PDW_MISSING_KK);
  g_assert_cmpint (pdw_classify_missing_for_consolidation ("sinkronisasi", "Budi", "1471010101909999", ""),
                   ==, PDW_MISSING_KK);
  g_assert_cmpint (pdw_classify_missing_for_consolidation ("lainnya", "Budi", "1471010101909999", "1471011503220007"),
                   ==, PDW_MISSING_NONE);
  g_assert_cmpint (pdw_classify_missing_for_consolidation (NULL, "Budi", "1471010101909999", "1471011503220007"),
                   ==, PDW_MISSING_TYPE);

  g_assert_null (pdw_classify_describe_missing (PDW_MISSING_NONE));
  two = pdw_classify_describe_missing (PDW_MISSING_NAME | PDW_MISSING_KK);
  g_assert_cmpstr (two, ==, "the name and the family card number (KK)");
  three = pdw_classify_describe_missing (PDW_MISSING_NIK | PDW_MISSING_NAME | PDW_MISSING_KK);
  g_assert_cmpstr (three, ==, "the NIK, the name and the family card number (KK)");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/classify/table", test_table);
  g_test_add_func ("/classify/codes-are-shipped", test_codes_are_shipped);
  g_test_add_func ("/classify/messages", test_messages);
  g_test_add_func ("/classify/missing", test_missing);

  return g_test_run ();
}
