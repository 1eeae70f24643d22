/* pdw-synthetic.c
 *
 * Every name, number and text below is made up (see pdw-synthetic.h).  The
 * texts are data, written the way citizens type on WhatsApp, and are not
 * translated.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-template.h"
#include "pdw-synthetic.h"

struct _PdwSynthetic
{
  GRand   *rand;
  /* Phone numbers are a bijection of the index on [0, 10^7): distinct
   * without remembering which were given. */
  guint64  phone_a;
  guint64  phone_b;
};

static const char * const male_names[] = {
  "Rahmat", "Budi", "Andi", "Joko", "Yusuf", "Syafrizal", "Zulkifli", "Fadli",
  "Hendra", "Agus", "Rizki", "Dedi", "Irwan", "Arif", "Fauzan", "Hamdani",
  "Doni", "Wahyu", "Teguh", "Ilham", "Rudi", "Eko", "Bayu", "Firman",
  "Hafiz", "Taufik", "Yudi", "Reza", "Syahrul", "Azwar", "Mursyid", "Nanda",
};

static const char * const female_names[] = {
  "Siti", "Nurhayati", "Dewi", "Fitri", "Rina", "Yuliana", "Sri", "Wulan",
  "Nova", "Desi", "Rahmawati", "Intan", "Ayu", "Lestari", "Mega", "Puspita",
  "Rosmawati", "Yanti", "Ratna", "Eka", "Novita", "Zuraida", "Aisyah", "Nabila",
  "Syafitri", "Mardiana", "Hasanah", "Rika", "Melati", "Nurul", "Putri", "Elvi",
};

static const char * const family_names[] = {
  "Hidayat", "Santoso", "Pratama", "Saputra", "Siregar", "Nasution", "Harahap",
  "Lubis", "Rahman", "Syahputra", "Simanjuntak", "Sitompul", "Effendi",
  "Kurniawan", "Setiawan", "Ramadhan", "Hasibuan", "Maulana", "Gunawan",
  "Wijaya", "Putra", "Hamzah", "Syamsuddin", "Batubara", "Tanjung", "Daulay",
  "Ritonga", "Pohan", "Piliang", "Chaniago", "Melayu", "Hakim",
};

static const char * const female_family_names[] = {
  "Lestari", "Handayani", "Wahyuni", "Sari", "Susanti", "Aminah", "Putri",
  "Rahayu", "Kartika", "Anggraini", "Safitri", "Marlina",
};

static const char * const pekanbaru_districts[] = {
  "147101", "147102", "147103", "147104", "147105", "147106", "147107", "147108",
  "147109", "147110", "147111", "147112", "147113", "147114", "147115",
};

/* How people name the place where their NIK failed. */
typedef struct
{
  const char *code;
  const char *names[6];
} InstitutionWords;

static const InstitutionWords institution_words[] = {
  { "bank", { "bank BRI", "bank mandiri", "BNI", "bank riau kepri", "BSI", "BCA" } },
  { "bpjs_kesehatan", { "BPJS kesehatan", "bpjs", "KIS", "BPJS Kesehatan", NULL } },
  { "bpjs_ketenagakerjaan", { "BPJS ketenagakerjaan", "jamsostek", "BPJS TK", NULL } },
  { "faskes", { "puskesmas", "rumah sakit", "RS", "klinik", NULL } },
  { "operator_seluler", { "kartu hp", "registrasi kartu telkomsel", "daftar simcard", "indosat", "registrasi kartu", NULL } },
  { "sekolah", { "sekolah anak", "dapodik", "daftar PPDB", NULL } },
  { "pajak", { "kantor pajak", "NPWP", "coretax", NULL } },
  { "lainnya", { "prakerja", "daftar CPNS", "bansos", "DTKS", NULL } },
};

static const char * const sapaan_words[] = { "min", "kak", "pak", "bu" };

static const char * const greeting_texts[] = {
  "assalamualaikum min", "selamat pagi", "pagi kak", "halo", "permisi min",
  "Assalamu'alaikum wr wb", "siang pak", "malam min, maaf mengganggu",
  "assalamualaikum", "selamat siang bu",
};

static const char * const complaint_with_id_texts[] = {
  "Selamat pagi {sapaan}.\nNama: {nama}\nNIK: {nik}\nNo KK: {kk}\nnik sy tdk aktif di {instansi}, mohon bantuannya",
  "nik sy {nik} data sy tdk aktif di {instansi} mohon bantuannya min",
  "#{nik}#{nama}#{kk}#nik tdk aktif di {instansi}",
  "Nama {nama_kecil} nik {nik} kk {kk} mohon dibantu {sapaan}, kata petugas {instansi} nik sy tdk terdaftar",
  "{sapaan} sy mau urus data yg gak sinkron di {instansi}. NIK {nik_spasi}",
  "Assalamualaikum, saya {nama}. NIK saya {nik} tidak aktif di {instansi}, mohon dibantu",
  "nik:{nik} tolong dicek ya {sapaan}, kata {instansi} data saya ganda",
  "mau tanya knp nik sy gk bs dipakai di {instansi}\nNIK : {nik}\nKK : {kk}\nNama : {nama}",
  "min nik sy {nik} ga bisa dipake daftar {instansi}, katanya nik tdk ditemukan",
  "Selamat siang. Saya {nama}, NIK {nik}, No. KK {kk}. Data saya tidak sesuai di {instansi}, mohon diperbaiki.",
};

static const char * const complaint_without_id_texts[] = {
  "pagi min, sy mau urus data yg gak sinkron di {instansi}",
  "{sapaan} nik sy tdk aktif di {instansi} gmn cara aktifinnya",
  "mohon bantuannya min, data sy di {instansi} tdk sesuai",
  "kata petugas {instansi} nik saya ganda, harus gimana ya {sapaan}",
  "Selamat siang, saya mau lapor NIK tidak aktif untuk {instansi}",
  "min knp nik sy ditolak {instansi} ya",
};

static const char * const identity_texts[] = {
  "Nama: {nama}\nNIK: {nik}\nKK: {kk}",
  "{nik}\n{kk}\n{nama}",
  "nik {nik} kk {kk}",
  "ini {sapaan}, {nama_kecil} {nik}",
  "NIK {nik_spasi}\nkk {kk}",
  "Nama : {nama}\nNIK : {nik}\nNo KK : {kk}\nterima kasih",
};

static const char * const acknowledge_texts[] = {
  "ok min terima kasih", "baik bu", "siap min makasih", "oke pak ditunggu",
  "🙏", "baik terima kasih", "iya min", "ok",
};

static const char * const follow_up_texts[] = {
  "min sdh aktif blm ya?", "{sapaan} gmn data sy sdh bisa blm",
  "sdh 2 hari blm aktif juga min", "permisi, mau tanya perkembangan data sy",
  "nik sy msh blm bisa dipakai di {instansi} min", "min??",
};

static const char * const thanks_texts[] = {
  "terima kasih pak", "makasih bu 🙏", "alhamdulillah, terima kasih",
  "siap min makasih", "oke bu terimakasih", "sdh bisa min, makasih banyak",
  "terima kasih banyak {sapaan}",
};

static const char * const relative_texts[] = {
  "min sy mau tanya data {hubungan} sy nik {nik} sdh aktif blm",
  "assalamualaikum, sy keluarga {nama}, nik {nik}, kmrn sdh lapor dr nomor lain",
  "{sapaan} ini keluarga dari {nama}, nik {hubungan} sy {nik} gimana ya",
  "data {nama_kecil} nik {nik} sdh diproses blm kak",
};

static const char * const other_number_texts[] = {
  "min ini nomor sy yg lain, yg kmrn lapor a.n. {nama}. hp sy yg satu lg mati",
  "{sapaan} sy {nama}, kemarin sdh kirim data dr nomor lain, skrg pakai nomor ini ya",
  "ini {nama_kecil} min, ganti nomor, yg kemarin sdh lapor",
};

static const char * const inquiry_texts[] = {
  "min jam buka kantor disdukcapil jam brp ya",
  "syarat pindah datang apa aja kak",
  "mau tanya cara buat akta kelahiran online",
  "kalau KTP hilang ngurusnya gimana min",
  "apakah sabtu buka?",
  "min cara cetak KK yg pakai TTE gimana",
  "blanko ktp ada gak min",
};

static const char * const photo_captions[] = {
  "foto KK saya", "ini ktp sy min", "ini surat dr {instansi}", "kk",
};

static const char * const ask_data_texts[] = {
  "Selamat datang di layanan PANDAWA. Silakan kirimkan Nama, NIK dan Nomor KK {panggilan} untuk kami proses. Terima kasih.",
  "Waalaikumsalam. Mohon kirimkan nama lengkap, NIK dan nomor KK ya {panggilan}.",
  "Baik {panggilan}, untuk pengecekan mohon dikirim NIK dan No KK nya.",
};

static const char * const received_texts[] = {
  "Baik {panggilan}, data sudah kami terima dan sedang kami proses.",
  "Terima kasih {panggilan}, data kami cek dulu ya.",
};

static const char * const please_wait_texts[] = {
  "Mohon ditunggu {panggilan}, data sedang dalam proses konsolidasi.",
  "Masih kami proses ya {panggilan}, nanti kami kabari.",
  "Mohon maaf atas keterlambatannya {panggilan}, data masih kami koordinasikan dengan bidang terkait.",
};

static const char * const welcome_texts[] = {
  "Sama-sama {panggilan} 🙏", "Sama-sama, semoga membantu.",
};

static const char * const inquiry_answer_texts[] = {
  "Jam pelayanan Senin-Jumat pukul 08.00-16.00 WIB, kecuali hari libur nasional.",
  "Untuk persyaratan silakan datang ke kantor Disdukcapil pada jam pelayanan, atau lihat informasi di website kami.",
  "Silakan datang ke kantor pada jam pelayanan dengan membawa KK asli ya {panggilan}.",
};

static const char * const relative_answer_texts[] = {
  "Baik, data tersebut sedang kami proses. Kami kabari melalui nomor yang melapor.",
  "Data tersebut sudah terdaftar dan sedang kami proses {panggilan}.",
};

#define PICK(self, array) ((array)[g_rand_int_range ((self)->rand, 0, G_N_ELEMENTS (array))])

PdwSynthetic *
pdw_synthetic_new (guint32 seed)
{
  PdwSynthetic *self = g_new0 (PdwSynthetic, 1);

  self->rand = g_rand_new_with_seed (seed);

  /* Coprime to 10^7: odd and not a multiple of 5. */
  do
    self->phone_a = g_rand_int_range (self->rand, 1000001, 9999999);
  while (self->phone_a % 2 == 0 || self->phone_a % 5 == 0);
  self->phone_b = g_rand_int_range (self->rand, 0, PDW_SYNTHETIC_N_PHONES);

  return self;
}

void
pdw_synthetic_free (PdwSynthetic *self)
{
  if (self == NULL)
    return;

  g_rand_free (self->rand);
  g_free (self);
}

GRand *
pdw_synthetic_get_rand (PdwSynthetic *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->rand;
}

char *
pdw_synthetic_name (PdwSynthetic *self,
                    gboolean      female)
{
  const char *given;
  const char *family;

  g_return_val_if_fail (self != NULL, NULL);

  given = female ? PICK (self, female_names) : PICK (self, male_names);

  /* Many Indonesians have one name only. */
  if (g_rand_int_range (self->rand, 0, 100) < 12)
    return g_strdup (given);

  if (female && g_rand_boolean (self->rand))
    family = PICK (self, female_family_names);
  else
    family = PICK (self, family_names);

  return g_strconcat (given, " ", family, NULL);
}

const char *
pdw_synthetic_pekanbaru_district (PdwSynthetic *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return PICK (self, pekanbaru_districts);
}

void
pdw_synthetic_birth_date (PdwSynthetic *self,
                          GDate        *date)
{
  GDate first;

  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, 1950);
  /* 1950-01-01 .. 2007-12-31 */
  g_date_clear (date, 1);
  g_date_set_julian (date, g_date_get_julian (&first) +
                     g_rand_int_range (self->rand, 0, 21184));
}

static void
write_number (char        out[17],
              const char *district,
              guint       day,
              guint       month,
              guint       year,
              guint       serial)
{
  g_snprintf (out, 17, "%.6s%02u%02u%02u%04u", district, day, month, year % 100, serial);
}

static guint
draw_serial (PdwSynthetic *self)
{
  return g_rand_int_range (self->rand, PDW_SYNTHETIC_SERIAL_MIN, PDW_SYNTHETIC_SERIAL_MAX + 1);
}

void
pdw_synthetic_nik (PdwSynthetic *self,
                   const char   *district,
                   const GDate  *birth_date,
                   gboolean      female,
                   char          nik[17])
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (birth_date != NULL && g_date_valid (birth_date));

  if (district == NULL)
    district = pdw_synthetic_pekanbaru_district (self);

  write_number (nik, district,
                g_date_get_day (birth_date) + (female ? 40 : 0),
                g_date_get_month (birth_date),
                g_date_get_year (birth_date),
                draw_serial (self));
}

void
pdw_synthetic_kk (PdwSynthetic *self,
                  const char   *district,
                  const GDate  *not_before,
                  char          kk[17])
{
  GDate issued, first, last;
  guint32 from, to;

  g_return_if_fail (self != NULL);

  if (district == NULL)
    district = pdw_synthetic_pekanbaru_district (self);

  /* KK numbers as SIAK issues them: 2005 at the earliest. */
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, 2005);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, 2024);

  from = g_date_get_julian (&first);
  to = g_date_get_julian (&last);
  if (not_before != NULL && g_date_valid (not_before))
    from = CLAMP (g_date_get_julian (not_before), from, to);

  g_date_clear (&issued, 1);
  g_date_set_julian (&issued, from + g_rand_int_range (self->rand, 0, to - from + 1));

  write_number (kk, district,
                g_date_get_day (&issued),
                g_date_get_month (&issued),
                g_date_get_year (&issued),
                draw_serial (self));
}

void
pdw_synthetic_phone (PdwSynthetic *self,
                     guint         index,
                     char          phone[PDW_SYNTHETIC_PHONE_LEN + 1])
{
  guint64 n;

  g_return_if_fail (self != NULL);

  n = (self->phone_a * (index % PDW_SYNTHETIC_N_PHONES) + self->phone_b) % PDW_SYNTHETIC_N_PHONES;
  g_snprintf (phone, PDW_SYNTHETIC_PHONE_LEN + 1, PDW_SYNTHETIC_PHONE_PREFIX "%07u", (guint) n);
}

PdwSyntheticPerson *
pdw_synthetic_person_new (PdwSynthetic *self,
                          const char   *district,
                          guint         phone_index)
{
  PdwSyntheticPerson *person;
  GDate adult;

  g_return_val_if_fail (self != NULL, NULL);

  person = g_new0 (PdwSyntheticPerson, 1);
  person->female = g_rand_boolean (self->rand);
  person->name = pdw_synthetic_name (self, person->female);
  pdw_synthetic_birth_date (self, &person->birth_date);
  pdw_synthetic_nik (self, district, &person->birth_date, person->female, person->nik);

  /* A KK is issued to an adult, or was re-issued since. */
  adult = person->birth_date;
  g_date_add_years (&adult, 17);
  pdw_synthetic_kk (self, district, &adult, person->kk);
  pdw_synthetic_phone (self, phone_index, person->phone);

  return person;
}

void
pdw_synthetic_person_free (PdwSyntheticPerson *person)
{
  if (person == NULL)
    return;

  g_free (person->name);
  g_free (person);
}

static const char *
institution_word (PdwSynthetic *self,
                  const char   *institution)
{
  for (guint i = 0; i < G_N_ELEMENTS (institution_words); i++)
    {
      const InstitutionWords *w = &institution_words[i];
      guint n = 0;

      if (g_strcmp0 (w->code, institution) != 0)
        continue;

      while (n < G_N_ELEMENTS (w->names) && w->names[n] != NULL)
        n++;
      return w->names[g_rand_int_range (self->rand, 0, n)];
    }

  return "bank";
}

static char *
spaced_number (const char *number)
{
  return g_strdup_printf ("%.4s %.4s %.4s %.4s", number, number + 4, number + 8, number + 12);
}

/* One typo of the kind thumbs make: two neighbouring letters swapped.
 * Digits are never touched, so a NIK in the text stays readable. */
static void
add_typo (PdwSynthetic *self,
          char         *text)
{
  gsize len = strlen (text);
  guint tries;

  if (len < 4)
    return;

  for (tries = 0; tries < 8; tries++)
    {
      gsize i = g_rand_int_range (self->rand, 0, len - 1);

      if (g_ascii_isalpha (text[i]) && g_ascii_isalpha (text[i + 1]) && text[i] != text[i + 1])
        {
          char c = text[i];

          text[i] = text[i + 1];
          text[i + 1] = c;
          return;
        }
    }
}

static char *
render (PdwSynthetic             *self,
        const char               *pattern,
        const PdwSyntheticPerson *person,
        const char               *institution,
        const char               *officer_name,
        gboolean                  casual)
{
  g_autoptr(GHashTable) vars = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  char *text;

  if (person != NULL)
    {
      g_hash_table_insert (vars, (gpointer) "nama", g_strdup (person->name));
      g_hash_table_insert (vars, (gpointer) "nama_kecil", g_ascii_strdown (person->name, -1));
      g_hash_table_insert (vars, (gpointer) "nik", g_strdup (person->nik));
      g_hash_table_insert (vars, (gpointer) "nik_spasi", spaced_number (person->nik));
      g_hash_table_insert (vars, (gpointer) "kk", g_strdup (person->kk));
      g_hash_table_insert (vars, (gpointer) "panggilan", g_strdup (person->female ? "Ibu" : "Bapak"));
      g_hash_table_insert (vars, (gpointer) "hubungan",
                           g_strdup (person->female ? (g_rand_boolean (self->rand) ? "ibu" : "istri")
                                                    : (g_rand_boolean (self->rand) ? "bapak" : "suami")));
    }
  else
    g_hash_table_insert (vars, (gpointer) "panggilan", g_strdup ("Bapak/Ibu"));

  g_hash_table_insert (vars, (gpointer) "instansi", g_strdup (institution_word (self, institution)));
  g_hash_table_insert (vars, (gpointer) "sapaan",
                       g_strdup (PICK (self, sapaan_words)));
  g_hash_table_insert (vars, (gpointer) "petugas", g_strdup (officer_name ? officer_name : ""));

  text = pdw_template_render (pattern, vars, NULL);

  if (casual)
    {
      if (g_rand_int_range (self->rand, 0, 100) < 30)
        {
          char *lower = g_utf8_strdown (text, -1);

          g_free (text);
          text = lower;
        }
      if (g_rand_int_range (self->rand, 0, 100) < 15)
        add_typo (self, text);
    }

  return text;
}

char *
pdw_synthetic_citizen_text (PdwSynthetic             *self,
                            PdwSyntheticCitizenText   kind,
                            const PdwSyntheticPerson *person,
                            const char               *institution,
                            gboolean                  with_identity)
{
  const char *pattern = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (person != NULL, NULL);

  switch (kind)
    {
    case PDW_SYNTHETIC_GREETING:
      pattern = PICK (self, greeting_texts);
      break;
    case PDW_SYNTHETIC_COMPLAINT:
      pattern = with_identity ? PICK (self, complaint_with_id_texts)
                              : PICK (self, complaint_without_id_texts);
      break;
    case PDW_SYNTHETIC_IDENTITY:
      pattern = PICK (self, identity_texts);
      break;
    case PDW_SYNTHETIC_ACKNOWLEDGE:
      pattern = PICK (self, acknowledge_texts);
      break;
    case PDW_SYNTHETIC_FOLLOW_UP:
      pattern = PICK (self, follow_up_texts);
      break;
    case PDW_SYNTHETIC_THANKS:
      pattern = PICK (self, thanks_texts);
      break;
    case PDW_SYNTHETIC_RELATIVE:
      pattern = PICK (self, relative_texts);
      break;
    case PDW_SYNTHETIC_OTHER_NUMBER:
      pattern = PICK (self, other_number_texts);
      break;
    case PDW_SYNTHETIC_INQUIRY:
      pattern = PICK (self, inquiry_texts);
      break;
    case PDW_SYNTHETIC_PHOTO_CAPTION:
      pattern = PICK (self, photo_captions);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  return render (self, pattern, person, institution, NULL, TRUE);
}

char *
pdw_synthetic_officer_text (PdwSynthetic             *self,
                            PdwSyntheticOfficerText   kind,
                            const PdwSyntheticPerson *person,
                            const char               *officer_name)
{
  const char *pattern = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  switch (kind)
    {
    case PDW_SYNTHETIC_ASK_DATA:
      pattern = PICK (self, ask_data_texts);
      break;
    case PDW_SYNTHETIC_RECEIVED:
      pattern = PICK (self, received_texts);
      break;
    case PDW_SYNTHETIC_PLEASE_WAIT:
      pattern = PICK (self, please_wait_texts);
      break;
    case PDW_SYNTHETIC_YOU_ARE_WELCOME:
      pattern = PICK (self, welcome_texts);
      break;
    case PDW_SYNTHETIC_INQUIRY_ANSWER:
      pattern = PICK (self, inquiry_answer_texts);
      break;
    case PDW_SYNTHETIC_RELATIVE_ANSWER:
      pattern = PICK (self, relative_answer_texts);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  return render (self, pattern, person, NULL, officer_name, FALSE);
}
