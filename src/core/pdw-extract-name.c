/* pdw-extract-name.c: the name heuristic.  A run of words is a person's
 * name only when none of them is a word that never belongs to one.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-extract.h"
#include "pdw-extract-private.h"

#define MAX_NAME_WORDS 6
#define MAX_NAME_CHARS 80

/* Words that never belong to a person's name: greetings, requests, kinship,
 * addresses, service vocabulary.  Keeps "Selamat pagi min" from becoming a name. */
static const char * const stopwords[] = {
  "saya", "aku", "sy", "kami", "kita", "anda", "mohon", "tolong", "bantu", "bantuan",
  "dibantu", "bantuannya", "terima", "kasih", "terimakasih", "makasih", "trims", "tks",
  "thanks", "thx", "selamat", "pagi", "siang", "sore", "malam", "halo", "hallo", "hai",
  "hi", "hello", "assalamualaikum", "assalamu", "alaikum", "waalaikumsalam", "wr", "wb",
  "permisi", "maaf", "min", "admin", "kak", "pak", "bapak", "bu", "ibu", "mas", "mbak",
  "bang", "dear", "dan", "atau", "yang", "di", "ke", "dari", "untuk", "utk", "dengan",
  "dgn", "ini", "itu", "ada", "tidak", "tdk", "belum", "blm", "sudah", "sdh", "udah",
  "mau", "ingin", "akan", "bisa", "apakah", "apa", "bagaimana", "gimana", "kenapa",
  "mengapa", "kapan", "berapa", "data", "cek", "urus", "mengurus", "pengurusan",
  "daftar", "pendaftaran", "online", "hilang", "rusak", "salah", "ganti", "perubahan",
  "ubah", "update", "sinkron", "sinkronisasi", "konsolidasi", "aktivasi", "cetak",
  "pindah", "datang", "kelahiran", "kematian", "akta", "akte", "surat", "dokumen",
  "anak", "istri", "suami", "ayah", "kepala", "keluarga", "adik", "kakak", "nenek",
  "kakek", "orang", "tua", "status", "alamat", "jalan", "jl", "jln", "gg", "rt", "rw",
  "kel", "kelurahan", "kec", "kecamatan", "desa", "kota", "kabupaten", "kab",
  "provinsi", "tanggal", "tgl", "tempat", "bulan", "tahun", "hari", "jam", "sesuai",
  "lengkap", "berikut", "sebagai", "adalah", "yaitu", "yakni", "atas", "segera", "ok",
  "oke", "ya", "iya", "gak", "nggak", "ga", "tapi", "karena", "krn", "jadi", "sama",
  "juga", "lagi", "masih", "sampai", "sejak", "bagi", "baru", "lama", "sekarang",
  "kemarin", "besok", "info", "informasi", "tanya", "bertanya", "nanya", "kirim",
  "dikirim", "foto", "file", "lampiran", "berkas", "syarat", "persyaratan", "pelayanan",
  "layanan", "disdukcapil", "dukcapil", "capil", "pekanbaru", "riau", "keluhan",
  "pengaduan", "aduan", "perihal", "hal", "nomor", "no", "nama", "tidak", "agama",
  "islam", "kristen", "pekerjaan", "wiraswasta", "pelajar", "mahasiswa", "laki",
  "perempuan", "pria", "wanita", "kawin", "cerai", "hidup", "mati", NULL,
};

/* The words of the complaint itself, never a name: "Blanko KTP habis" above
 * a NIK is not a person called Blanko.  Words that are also given names
 * ("Ganda", "Perdana", "Tri") are left out: the label or the line decides. */
static const char * const complaint_words[] = {
  "blanko", "blangko", "ktp", "ktpel", "ektp", "el", "kk", "nik", "kia", "habis", "kosong",
  "dobel", "double", "duplikat", "aktif", "aktip", "nonaktif", "non", "terdaftar",
  "terdata", "valid", "invalid", "sesuai", "cocok", "beda", "berbeda", "perbaikan",
  "koreksi", "error", "eror", "gagal", "ditolak", "blokir", "terblokir", "diblokir",
  "bermasalah", "masalah", "registrasi", "verifikasi", "validasi", "klaim", "bank",
  "mandiri", "bri", "bni", "bca", "btn", "bsi", "rekening", "atm", "bpjs", "bpjstk",
  "kesehatan", "ketenagakerjaan", "kes", "tk", "jkn", "kis", "jht", "sim", "card",
  "simcard", "kartu", "telkomsel", "indosat", "smartfren", "xl", "axis", "operator",
  "sekolah", "dapodik", "ppdb", "siswa", "pajak", "npwp", "puskesmas", "rumah", "sakit",
  "rs", "rsud", "klinik", "faskes", "msh", "stlh", "krn", "gk", "gak", "utk", "dgn",
  "udh", "sdh", "tp", "tpi", "yg", "aja", "saja", "kenapa", "kok", "nih", "dong", NULL,
};

gboolean
_pdw_extract_is_stopword (const char *key)
{
  return g_strv_contains (stopwords, key) || g_strv_contains (complaint_words, key);
}

/* Words @first..@last-1 as a name, or NULL when they don't look like one. */
char *
_pdw_extract_name_from_words (GArray *items,
                              guint   first,
                              guint   last)
{
  g_autoptr(GString) name = g_string_new (NULL);
  guint n_words = 0;

  for (guint i = first; i < last; i++)
    {
      Item *item = _pdw_extract_item_at (items, i);

      if (item->type != ITEM_WORD || _pdw_extract_is_stopword (item->key) ||
          _pdw_extract_month_from_word (item->key) != 0)
        return NULL;
      if (n_words > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, item->text);
      n_words++;
    }

  while (name->len > 0 && name->str[name->len - 1] == '.')
    g_string_truncate (name, name->len - 1);

  if (n_words == 0 || n_words > MAX_NAME_WORDS || name->len < 2 || name->len > MAX_NAME_CHARS)
    return NULL;

  return g_strdup (name->str);
}


/* ---- Writing a name --------------------------------------------------------- */

static const char * const lower_particles[] = { "bin", "binti", "bt", "bte", NULL };
static const char * const roman_numerals[] = { "ii", "iii", "iv", "vi", "vii", "viii", "ix", NULL };

/* Whether @word has letters in one case only: a word typed all lower or
 * all upper case says nothing about how the name is written. */
static gboolean
is_single_case (const char *word)
{
  gboolean lower = FALSE, upper = FALSE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      lower |= g_unichar_islower (c);
      upper |= g_unichar_isupper (c);
    }

  return !(lower && upper);
}

static void
append_title_word (GString    *out,
                   const char *word,
                   gboolean    first)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  g_autofree char *bare = g_strdup (lower);
  gboolean capital = TRUE;

  g_strdelimit (bare, ".,", '\0');

  if (!is_single_case (word))
    {
      g_string_append (out, word);
      return;
    }
  if (!first && g_strv_contains (lower_particles, bare))
    {
      g_string_append (out, lower);
      return;
    }
  if (g_strv_contains (roman_numerals, bare))
    {
      g_autofree char *upper = g_utf8_strup (word, -1);

      g_string_append (out, upper);
      return;
    }

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (capital && g_unichar_isalpha (c))
        {
          g_string_append_unichar (out, g_unichar_totitle (c));
          capital = FALSE;
          continue;
        }

      g_string_append_unichar (out, c);
      /* "Al-Amin", "M.Rizky"; but "Ma'ruf", "Nu'man". */
      if (c == '-' || c == '.')
        capital = TRUE;
      else if (g_unichar_isalpha (c))
        capital = FALSE;
    }
}

char *
pdw_extract_title_case_name (const char *name)
{
  g_auto(GStrv) words = NULL;
  GString *out;
  gboolean first = TRUE;

  if (name == NULL)
    return NULL;

  out = g_string_new (NULL);
  words = g_strsplit_set (name, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (!first)
        g_string_append_c (out, ' ');
      append_title_word (out, words[i], first);
      first = FALSE;
    }

  return g_string_free (out, FALSE);
}
