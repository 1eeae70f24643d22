/* pdw-classify.c: the keyword tables behind pdw-classify.h.
 *
 * A text is cut into words (letters and digits, accents and capitals
 * dropped), each word spelled the way the tables spell it ("tdk" ->
 * "tidak", "blm" -> "belum", "dobel" -> "ganda"), and every pattern of the
 * tables that occurs adds its weight to its code.  The code with the highest
 * total wins, ties going to the earlier code of the table; nothing matched
 * leaves the field for the officer.
 *
 * Pattern syntax: words separated by spaces, matched as whole words (a
 * word may also carry the suffix "-nya": "datanya", "rekeningnya");
 * "a|b" is either word; "word*" any word starting with it; "~" lets up to
 * three other words stand between its neighbours.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pdw-classify.h"
#include "pdw-text-normalize.h"

#define MAX_GAP 3
#define MAX_WORDS 2000

/* The pattern only counts when the text also names an institution: "gagal",
 * "tidak bisa" say the NIK was refused somewhere only when a place is said. */
#define WITH_INSTITUTION 1u

typedef struct
{
  const char *code;
  const char *pattern;
  int         weight;
  guint       flags;
} Rule;

/* Abbreviations and common misspellings, as the tables spell them. */
static const char * const spellings[][2] = {
  { "tdk", "tidak" }, { "tak", "tidak" }, { "gak", "tidak" }, { "ga", "tidak" }, { "gk", "tidak" },
  { "gx", "tidak" }, { "ngga", "tidak" }, { "nggak", "tidak" }, { "ngak", "tidak" }, { "nggk", "tidak" },
  { "enggak", "tidak" }, { "engga", "tidak" }, { "ndak", "tidak" }, { "nda", "tidak" }, { "kagak", "tidak" },
  { "kgk", "tidak" }, { "tida", "tidak" }, { "tidk", "tidak" }, { "tdak", "tidak" }, { "idak", "tidak" },
  { "blm", "belum" }, { "blum", "belum" }, { "belom", "belum" }, { "blom", "belum" },
  { "sdh", "sudah" }, { "msh", "masih" }, { "masi", "masih" }, { "udh", "sudah" }, { "udah", "sudah" }, { "sudh", "sudah" }, { "sdah", "sudah" },
  { "stlh", "setelah" }, { "stelah", "setelah" }, { "setlh", "setelah" }, { "sesudah", "setelah" },
  { "krn", "karena" }, { "krna", "karena" }, { "karna", "karena" }, { "karn", "karena" },
  { "utk", "untuk" }, { "untk", "untuk" }, { "tuk", "untuk" },
  { "dgn", "dengan" }, { "dg", "dengan" }, { "dng", "dengan" }, { "dngn", "dengan" },
  { "yg", "yang" }, { "tp", "tapi" }, { "tpi", "tapi" },
  { "aktip", "aktif" }, { "aktf", "aktif" }, { "aktv", "aktif" }, { "aktiv", "aktif" }, { "actif", "aktif" },
  { "active", "aktif" }, { "akif", "aktif" }, { "atif", "aktif" },
  { "nonaktip", "nonaktif" }, { "nonaktf", "nonaktif" }, { "inactive", "nonaktif" }, { "inaktif", "nonaktif" },
  { "updet", "update" }, { "apdet", "update" }, { "updt", "update" }, { "apdate", "update" },
  { "diupdate", "update" }, { "diupdet", "update" }, { "terupdate", "update" }, { "terupdet", "update" },
  { "updated", "update" }, { "diapdet", "update" },
  { "singkron", "sinkron" }, { "sinkronisasi", "sinkron" }, { "singkronisasi", "sinkron" },
  { "sinkronkan", "sinkron" }, { "singkronkan", "sinkron" }, { "disinkronkan", "sinkron" },
  { "disingkronkan", "sinkron" }, { "sync", "sinkron" }, { "sinkronisasikan", "sinkron" },
  { "dobel", "ganda" }, { "double", "ganda" }, { "dobol", "ganda" }, { "dabel", "ganda" },
  { "gandaa", "ganda" }, { "duplikat", "ganda" }, { "duplikasi", "ganda" }, { "terduplikasi", "ganda" },
  { "terdftr", "terdaftar" }, { "trdaftar", "terdaftar" }, { "tedaftar", "terdaftar" }, { "terdaptar", "terdaftar" },
  { "sesua", "sesuai" }, { "sesuia", "sesuai" }, { "ssuai", "sesuai" }, { "seuai", "sesuai" },
  { "nmr", "nomor" }, { "nomer", "nomor" }, { "nomr", "nomor" }, { "no", "nomor" },
  { "krtu", "kartu" }, { "kes", "kesehatan" }, { "kesehtan", "kesehatan" },
  { "naker", "ketenagakerjaan" }, { "ketenaga", "ketenagakerjaan" }, { "tenagakerja", "ketenagakerjaan" },
  { "ketenagakerja", "ketenagakerjaan" }, { "ketenagakrjaan", "ketenagakerjaan" },
  { "skolah", "sekolah" }, { "sekola", "sekolah" }, { "sklh", "sekolah" },
  { "pndh", "pindah" }, { "pindh", "pindah" }, { "rek", "rekening" },
  { "regis", "registrasi" }, { "reg", "registrasi" }, { "registerasi", "registrasi" },
  { "regristasi", "registrasi" }, { "registrsi", "registrasi" },
  { "blangko", "blanko" }, { "blanco", "blanko" },
};

static const Rule type_rules[] = {
  /* Duplicate records: two NIKs, two KKs, a NIK someone else uses. */
  { "data_ganda", "ganda", 5, 0 },
  { "data_ganda", "dua|2 nik|kk|ktp|data", 4, 0 },
  { "data_ganda", "nik|kk ~ dua|2", 2, 0 },
  { "data_ganda", "terdaftar ~ dua|2 kali", 3, 0 },
  { "data_ganda", "nik|data kembar", 3, 0 },
  { "data_ganda", "dipakai|digunakan|punya|milik ~ orang lain", 2, 0 },

  /* Data inactive where the citizen uses it (bank, BPJS, SIM card). */
  { "nik_tidak_aktif", "tidak|belum aktif", 3, 0 },
  { "nik_tidak_aktif", "tidak ~ aktif", 1, 0 },
  { "nik_tidak_aktif", "nonaktif", 3, 0 },
  { "nik_tidak_aktif", "non aktif", 3, 0 },
  { "nik_tidak_aktif", "tidak|belum terdaftar|terdata|terbaca|terdeteksi|dikenali|ditemukan|valid", 3, 0 },
  { "nik_tidak_aktif", "tidak ~ terdaftar|terdata|terbaca|ditemukan", 1, 0 },
  { "nik_tidak_aktif", "invalid", 2, 0 },
  { "nik_tidak_aktif", "terblokir|diblokir|blokir", 2, 0 },
  { "nik_tidak_aktif", "aktivasi|reaktivasi|aktifkan|diaktifkan|mengaktifkan|pengaktifan", 2, 0 },
  { "nik_tidak_aktif", "nik|ktp ~ mati", 2, 0 },
  { "nik_tidak_aktif", "gagal|tidak ~ registrasi|verifikasi|validasi|daftar", 2, 0 },
  { "nik_tidak_aktif", "verifikasi ~ gagal", 2, 0 },
  { "nik_tidak_aktif", "tidak bisa|dapat", 1, WITH_INSTITUTION },
  { "nik_tidak_aktif", "gagal|ditolak|error|bermasalah|eror", 1, WITH_INSTITUTION },

  /* Data that does not match: a wrong name, birth date or address. */
  { "data_tidak_sesuai", "tidak|kurang sesuai|cocok|benar|tepat", 3, 0 },
  { "data_tidak_sesuai", "tidak ~ sesuai|cocok", 1, 0 },
  { "data_tidak_sesuai", "tidak sama", 2, 0 },
  { "data_tidak_sesuai", "beda|berbeda|perbedaan|tertukar|keliru|typo", 2, 0 },
  { "data_tidak_sesuai", "salah ketik|tulis|input|eja|penulisan", 3, 0 },
  { "data_tidak_sesuai", "salah ~ nama|tanggal|tgl|lahir|alamat|agama|data|huruf|gelar|status|jenis", 2, 0 },
  { "data_tidak_sesuai", "nama|tanggal|tgl|lahir|alamat|agama|data|gelar ~ salah", 2, 0 },
  { "data_tidak_sesuai", "perbaikan|pembetulan|koreksi|ralat", 3, 0 },
  { "data_tidak_sesuai", "perbaiki|diperbaiki|memperbaiki|dibetulkan|betulkan|dikoreksi", 2, 0 },
  { "data_tidak_sesuai", "perubahan|ubah|ganti|mengganti|merubah|mengubah ~ data|nama|biodata|tanggal|tgl", 2, 0 },

  /* Changed in SIAK but not yet where the citizen looks: consolidation. */
  { "sinkronisasi", "sinkron", 3, 0 },
  { "sinkronisasi", "konsolidasi|pemadanan|padankan|dipadankan", 3, 0 },
  { "sinkronisasi", "tidak|belum update|berubah|diperbarui|diperbaharui|terbaru", 3, 0 },
  { "sinkronisasi", "belum ~ update|berubah|diperbarui|masuk|terbaca", 1, 0 },
  { "sinkronisasi", "masih ~ lama", 2, 0 },
  { "sinkronisasi", "update ~ data|kk|nik|alamat|status", 1, 0 },
  { "sinkronisasi", "setelah ~ pindah|menikah|nikah|cerai", 1, 0 },
  { "sinkronisasi", "kk baru", 1, 0 },

  /* Other requests the desk is asked about: recognised, not a data case. */
  { "lainnya", "blanko", 2, 0 },
  { "lainnya", "cetak|rekam|perekaman ~ ktp|kia|el", 1, 0 },
  { "lainnya", "akta|akte|legalisir|kia", 1, 0 },
  { "lainnya", "surat pindah", 1, 0 },
  { "lainnya", "ktp ~ hilang|rusak", 1, 0 },
  { "lainnya", "jam ~ pelayanan|buka|operasional|kerja", 1, 0 },
};

static const Rule institution_rules[] = {
  { "bpjs_ketenagakerjaan", "bpjs ~ ketenagakerjaan|tk|tenaga", 4, 0 },
  { "bpjs_ketenagakerjaan", "bpjstk|bpjsnaker|jamsostek|ketenagakerjaan", 3, 0 },
  { "bpjs_ketenagakerjaan", "jht|bpu", 3, 0 },
  { "bpjs_ketenagakerjaan", "jaminan hari tua", 3, 0 },

  { "bpjs_kesehatan", "bpjs", 2, 0 },
  { "bpjs_kesehatan", "bpjs kesehatan|mandiri", 3, 0 },
  { "bpjs_kesehatan", "bpjskes|jkn|kis|askes|pbi", 3, 0 },
  { "bpjs_kesehatan", "kartu indonesia sehat", 3, 0 },

  { "bank", "bank|rekening|tabungan|brimo|livin|mbanking|perbankan", 3, 0 },
  { "bank", "bri|bni|bca|btn|bsi|brk|bjb|danamon|cimb|btpn|ocbc|permata|muamalat|jenius|seabank|bukopin|maybank|panin", 3, 0 },
  { "bank", "mandiri|atm|teller|kur", 2, 0 },
  { "bank", "m|mobile|internet banking", 3, 0 },
  { "bank", "kredit|pinjaman", 1, 0 },

  { "operator_seluler", "sim card", 4, 0 },
  { "operator_seluler", "simcard|perdana|telkomsel|indosat|smartfren|grapari|im3|4444", 4, 0 },
  { "operator_seluler", "kartu sim|perdana|hp|seluler|tri|xl|axis", 4, 0 },
  { "operator_seluler", "tsel|simpati|xl|axis|byu|provider|operator", 2, 0 },
  { "operator_seluler", "by u", 2, 0 },
  { "operator_seluler", "registrasi ~ kartu|sim|nomor|ulang|prabayar", 2, 0 },

  { "sekolah", "dapodik|ppdb|spmb|pddikti|emis|zonasi|snbp|snbt|utbk", 4, 0 },
  { "sekolah", "sekolah|madrasah|pip|kip|kuliah|kampus|universitas", 3, 0 },
  { "sekolah", "sd|smp|sma|smk|mts|siswa|murid|beasiswa", 2, 0 },

  { "faskes", "puskesmas|rsud|faskes|klinik", 4, 0 },
  { "faskes", "rumah sakit", 4, 0 },
  { "faskes", "rs|dokter|berobat|apotek|bidan|posyandu", 2, 0 },
  { "faskes", "rawat inap|jalan", 2, 0 },

  { "pajak", "pajak|npwp|djp|kpp|efin|coretax|spt", 4, 0 },
  { "pajak", "e fin", 4, 0 },
  { "pajak", "samsat", 2, 0 },

  { "lainnya", "bansos|dtks|pkh|bpnt|blt|kemensos|prakerja|kpu|pemilu|imigrasi|paspor|pegadaian", 3, 0 },
  { "lainnya", "leasing|pinjol|gojek|grab|shopee|tokopedia|ovo|gopay|akulaku|kredivo|pln|kemenag|bpn|kua", 3, 0 },
  { "lainnya", "mypertamina|pertamina|taspen|cpns|pppk|bkn|sscasn|skck|dpt", 3, 0 },
};

/* ---- Words ------------------------------------------------------------------ */

static const char *
respell (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    if (strcmp (spellings[i][0], word) == 0)
      return spellings[i][1];

  return word;
}

static void
add_word (GPtrArray *words,
          GString   *word)
{
  if (word->len == 0)
    return;

  if (words->len < MAX_WORDS)
    g_ptr_array_add (words, g_strdup (respell (word->str)));
  g_string_truncate (word, 0);
}

/* The words of @text: lower case, accents dropped, spelled as the tables. */
static GPtrArray *
split_words (const char *text)
{
  g_autofree char *clean = pdw_text_normalize (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (clean, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) word = g_string_new (NULL);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        g_string_append_unichar (word, g_unichar_tolower (c));
      else
        add_word (words, word);
    }
  add_word (words, word);

  return words;
}

/* ---- Patterns ---------------------------------------------------------------- */

static gboolean
alternative_matches (const char *alternative,
                     gsize       len,
                     const char *word)
{
  gsize word_len = strlen (word);

  if (len > 0 && alternative[len - 1] == '*')
    return strncmp (word, alternative, len - 1) == 0;

  if (word_len == len && strncmp (word, alternative, len) == 0)
    return TRUE;

  /* "datanya", "rekeningnya" */
  return word_len == len + 3 && strncmp (word, alternative, len) == 0 &&
         strcmp (word + len, "nya") == 0;
}

static gboolean
slot_matches (const char *slot,
              const char *word)
{
  while (TRUE)
    {
      const char *bar = strchr (slot, '|');
      gsize len = bar != NULL ? (gsize) (bar - slot) : strlen (slot);

      if (alternative_matches (slot, len, word))
        return TRUE;
      if (bar == NULL)
        return FALSE;
      slot = bar + 1;
    }
}

/* Does @slots[@s..] match from word @w on?  @gap: "~" came before. */
static gboolean
match_from (char      **slots,
            guint       s,
            GPtrArray  *words,
            guint       w,
            gboolean    gap)
{
  guint reach;

  if (slots[s] == NULL)
    return TRUE;

  if (strcmp (slots[s], "~") == 0)
    return match_from (slots, s + 1, words, w, TRUE);

  reach = gap ? MIN (w + MAX_GAP + 1, words->len) : MIN (w + 1, words->len);
  for (guint i = w; i < reach; i++)
    if (slot_matches (slots[s], g_ptr_array_index (words, i)) &&
        match_from (slots, s + 1, words, i + 1, FALSE))
      return TRUE;

  return FALSE;
}

static gboolean
pattern_occurs (const char *pattern,
                GPtrArray  *words)
{
  g_auto(GStrv) slots = g_strsplit (pattern, " ", -1);

  for (guint w = 0; w < words->len; w++)
    if (match_from (slots, 0, words, w, FALSE))
      return TRUE;

  return FALSE;
}

/* ---- Scores ------------------------------------------------------------------ */

/* Adds to @scores (one per rule's code, by the code's first rule) the
 * weight of every rule of @rules that occurs in @words. */
static void
score_rules (const Rule *rules,
             guint       n_rules,
             GPtrArray  *words,
             gboolean    has_institution,
             int        *scores)
{
  for (guint i = 0; i < n_rules; i++)
    {
      if ((rules[i].flags & WITH_INSTITUTION) != 0 && !has_institution)
        continue;
      if (!pattern_occurs (rules[i].pattern, words))
        continue;

      for (guint first = 0; first <= i; first++)
        if (strcmp (rules[first].code, rules[i].code) == 0)
          {
            scores[first] += rules[i].weight;
            break;
          }
    }
}

static const char *
best_code (const Rule *rules,
           guint       n_rules,
           const int  *scores)
{
  const char *best = NULL;
  int best_score = 0;

  for (guint i = 0; i < n_rules; i++)
    if (scores[i] > best_score)
      {
        best_score = scores[i];
        best = rules[i].code;
      }

  return best;
}

void
pdw_classify_texts (const char * const *texts,
                    PdwClassification  *result)
{
  int type_scores[G_N_ELEMENTS (type_rules)] = { 0 };
  int institution_scores[G_N_ELEMENTS (institution_rules)] = { 0 };
  g_autoptr(GPtrArray) all_words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_return_if_fail (result != NULL);

  result->complaint_type = NULL;
  result->institution = NULL;

  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      GPtrArray *words = split_words (texts[i]);

      g_ptr_array_add (all_words, words);
      score_rules (institution_rules, G_N_ELEMENTS (institution_rules), words, FALSE, institution_scores);
    }

  result->institution = best_code (institution_rules, G_N_ELEMENTS (institution_rules), institution_scores);

  for (guint i = 0; i < all_words->len; i++)
    score_rules (type_rules, G_N_ELEMENTS (type_rules), g_ptr_array_index (all_words, i),
                 result->institution != NULL, type_scores);

  result->complaint_type = best_code (type_rules, G_N_ELEMENTS (type_rules), type_scores);
}

void
pdw_classify_text (const char        *text,
                   PdwClassification *result)
{
  const char *texts[] = { text, NULL };

  pdw_classify_texts (texts, result);
}

/* ---- SOP step 2 ------------------------------------------------------------- */

static gboolean
is_blank (const char *str)
{
  return str == NULL || str[strspn (str, " \t\r\n")] == '\0';
}

PdwMissingFields
pdw_classify_missing_for_consolidation (const char *complaint_type,
                                        const char *name,
                                        const char *nik,
                                        const char *kk)
{
  PdwMissingFields missing = PDW_MISSING_NONE;

  if (is_blank (complaint_type))
    missing |= PDW_MISSING_TYPE;
  if (is_blank (nik))
    missing |= PDW_MISSING_NIK;

  /* Data inactive at an institution: the NIK alone is enough. */
  if (g_strcmp0 (complaint_type, "nik_tidak_aktif") == 0)
    return missing;

  if (is_blank (name))
    missing |= PDW_MISSING_NAME;
  if (is_blank (kk))
    missing |= PDW_MISSING_KK;

  return missing;
}

char *
pdw_classify_describe_missing (PdwMissingFields missing)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *head = NULL;
  const char *last;

  if (missing & PDW_MISSING_TYPE)
    g_ptr_array_add (parts, (gpointer) _("the complaint type"));
  if (missing & PDW_MISSING_NIK)
    g_ptr_array_add (parts, (gpointer) _("the NIK"));
  if (missing & PDW_MISSING_NAME)
    g_ptr_array_add (parts, (gpointer) _("the name"));
  if (missing & PDW_MISSING_KK)
    g_ptr_array_add (parts, (gpointer) _("the family card number (KK)"));

  if (parts->len == 0)
    return NULL;
  if (parts->len == 1)
    return g_strdup (g_ptr_array_index (parts, 0));

  last = g_ptr_array_steal_index (parts, parts->len - 1);
  g_ptr_array_add (parts, NULL);
  head = g_strjoinv (", ", (char **) parts->pdata);
  /* Translators: missing fields, e.g. "the NIK, the name and the family card number (KK)" */
  return g_strdup_printf (_("%s and %s"), head, last);
}
