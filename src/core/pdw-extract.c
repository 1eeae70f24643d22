/* pdw-extract.c: finds name, NIK, KK, birth date and phone number in a
 * citizen's WhatsApp message (research/nik.md section 6).
 *
 * The text is cleaned (pdw_text_normalize), cut into lines, and each line
 * into items: labels ("NIK", "No. KK", "Tgl lahir", ...), words, numbers,
 * dates and phone numbers.  Labels are then bound to values: a label with a
 * ':' or '=' binds forward (also to the next line when it stands alone);
 * a line that starts with a number before any label is read "value label",
 * as in "<16d> nik <16d> kk".  A 16-digit number without a label is only a
 * NIK when its shape allows nothing else (day 41-71: a woman's NIK).
 * Lines in the "#NIK#Nama#KK#..." or "Nama/NIK/..." style are records whose
 * fields are read by position.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-extract.h"
#include "pdw-identity.h"
#include "pdw-identity-private.h"
#include "pdw-text-normalize.h"

#define MAX_NAME_WORDS 6
#define MAX_NAME_CHARS 80
#define MAX_GROUPS     16

typedef enum
{
  LABEL_NONE,
  LABEL_NIK,
  LABEL_KK,
  LABEL_NAME,
  LABEL_BIRTH,
  LABEL_PHONE,
  LABEL_OTHER,
} LabelKind;

typedef enum
{
  ITEM_LABEL,
  ITEM_WORD,
  ITEM_PUNCT,
  ITEM_NUM16,
  ITEM_PHONE,
  ITEM_DATE,
  ITEM_NUMBER,
} ItemType;

typedef struct
{
  ItemType   type;
  LabelKind  label;
  gboolean   label_sep;   /* the label was followed by ':' or '=' */
  char      *text;        /* word as typed; digits; "+62..."; "YYYY-MM-DD" */
  char      *key;         /* words: lower case without . - ' */
  char       punct;
  gboolean   plus;        /* numbers: typed after a '+' */
  gboolean   bound;
  gsize      pos;
} Item;

typedef enum
{
  EV_NAME,
  EV_NIK,
  EV_KK,
  EV_BIRTH,
  EV_PHONE,
  EV_NEW_RECORD,
} EventKind;

typedef struct
{
  EventKind  kind;
  char      *value;
  gsize      pos;
} Event;

typedef struct
{
  GDate      today;
  GArray    *events;      /* Event */
} Extractor;

/* ------------------------------------------------------------------ */
/* Vocabulary                                                          */

static const struct
{
  const char *phrase;
  LabelKind   kind;
} label_phrases[] = {
  { "nama lengkap sesuai ktp", LABEL_NAME },
  { "nama sesuai ktp", LABEL_NAME },
  { "nama lengkap", LABEL_NAME },
  { "nama", LABEL_NAME },
  { "nm", LABEL_NAME },
  { "name", LABEL_NAME },
  { "nomor induk kependudukan", LABEL_NIK },
  { "induk kependudukan", LABEL_NIK },
  { "nik", LABEL_NIK },
  { "ktp", LABEL_NIK },
  { "ektp", LABEL_NIK },
  { "ktpel", LABEL_NIK },
  { "noktp", LABEL_NIK },
  { "nonik", LABEL_NIK },
  { "kartu keluarga", LABEL_KK },
  { "kk", LABEL_KK },
  { "nkk", LABEL_KK },
  { "nokk", LABEL_KK },
  { "tempat tanggal lahir", LABEL_BIRTH },
  { "tempat tgl lahir", LABEL_BIRTH },
  { "tanggal lahir", LABEL_BIRTH },
  { "tgl lahir", LABEL_BIRTH },
  { "tgllahir", LABEL_BIRTH },
  { "lahir", LABEL_BIRTH },
  { "ttl", LABEL_BIRTH },
  { "tl", LABEL_BIRTH },
  { "dob", LABEL_BIRTH },
  { "hp", LABEL_PHONE },
  { "nohp", LABEL_PHONE },
  { "handphone", LABEL_PHONE },
  { "ponsel", LABEL_PHONE },
  { "telp", LABEL_PHONE },
  { "telpon", LABEL_PHONE },
  { "telepon", LABEL_PHONE },
  { "telefon", LABEL_PHONE },
  { "tlp", LABEL_PHONE },
  { "tel", LABEL_PHONE },
  { "wa", LABEL_PHONE },
  { "whatsapp", LABEL_PHONE },
  { "phone", LABEL_PHONE },
  { "kontak", LABEL_PHONE },
  { "kjp", LABEL_OTHER },
  { "npwp", LABEL_OTHER },
  { "rek", LABEL_OTHER },
  { "rekening", LABEL_OTHER },
  { "norek", LABEL_OTHER },
  { "atm", LABEL_OTHER },
  { "bpjs", LABEL_OTHER },
  { "kis", LABEL_OTHER },
  { "kip", LABEL_OTHER },
  { "kartu", LABEL_OTHER },
  { "card", LABEL_OTHER },
  { "debit", LABEL_OTHER },
  { "kredit", LABEL_OTHER },
  { "visa", LABEL_OTHER },
  { "mastercard", LABEL_OTHER },
  { "bank", LABEL_OTHER },
  { "bri", LABEL_OTHER },
  { "bca", LABEL_OTHER },
  { "bni", LABEL_OTHER },
  { "btn", LABEL_OTHER },
  { "bsi", LABEL_OTHER },
  { "mandiri", LABEL_OTHER },
  { "paspor", LABEL_OTHER },
  { "passport", LABEL_OTHER },
  { "sim", LABEL_OTHER },
  { "nip", LABEL_OTHER },
  { "nisn", LABEL_OTHER },
  { "va", LABEL_OTHER },
  { "pin", LABEL_OTHER },
  { "otp", LABEL_OTHER },
  { "kode", LABEL_OTHER },
  { "resi", LABEL_OTHER },
  { "tiket", LABEL_OTHER },
  { "antrian", LABEL_OTHER },
};

/* "No. KK", "Nomor KTP", "Nmr HP": optional words in front of a label. */
static const char * const number_prefixes[] = {
  "no", "nomor", "nomer", "nmr", "nr", "nmor", "nomr", "nomber", "number",
};

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
  "perempuan", "pria", "wanita", "kawin", "cerai", "hidup", "mati",
};

static const struct
{
  const char *word;
  guint       month;
} month_names[] = {
  { "januari", 1 }, { "january", 1 }, { "jan", 1 },
  { "februari", 2 }, { "pebruari", 2 }, { "february", 2 }, { "febr", 2 }, { "feb", 2 }, { "peb", 2 },
  { "maret", 3 }, { "march", 3 }, { "mar", 3 }, { "mrt", 3 },
  { "april", 4 }, { "apr", 4 },
  { "mei", 5 }, { "may", 5 },
  { "juni", 6 }, { "june", 6 }, { "jun", 6 },
  { "juli", 7 }, { "july", 7 }, { "jul", 7 },
  { "agustus", 8 }, { "august", 8 }, { "agus", 8 }, { "agst", 8 }, { "agt", 8 }, { "ags", 8 },
  { "agu", 8 }, { "aug", 8 },
  { "september", 9 }, { "sept", 9 }, { "sep", 9 },
  { "oktober", 10 }, { "october", 10 }, { "okt", 10 }, { "oct", 10 },
  { "november", 11 }, { "nopember", 11 }, { "nov", 11 }, { "nop", 11 },
  { "desember", 12 }, { "december", 12 }, { "des", 12 }, { "dec", 12 },
};

static gboolean
in_list (const char * const *list,
         gsize               n,
         const char         *key)
{
  for (gsize i = 0; i < n; i++)
    {
      if (strcmp (list[i], key) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_stopword (const char *key)
{
  return in_list (stopwords, G_N_ELEMENTS (stopwords), key);
}

static guint
month_from_word (const char *key)
{
  for (gsize i = 0; i < G_N_ELEMENTS (month_names); i++)
    {
      if (strcmp (month_names[i].word, key) == 0)
        return month_names[i].month;
    }

  return 0;
}

/* ------------------------------------------------------------------ */
/* Items                                                               */

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_pointer (&item->text, g_free);
  g_clear_pointer (&item->key, g_free);
}

static GArray *
items_new (void)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  g_array_set_clear_func (items, item_clear);

  return items;
}

static Item *
item_at (GArray *items,
         guint   i)
{
  return &g_array_index (items, Item, i);
}

static void
add_item (GArray    *items,
          ItemType   type,
          char      *text,
          gsize      pos)
{
  Item item = { 0 };

  item.type = type;
  item.text = text;
  item.pos = pos;
  g_array_append_val (items, item);
}

static char *
word_key (const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (*p != '.' && *p != '-' && *p != '\'')
        g_string_append_c (key, *p);
    }

  return g_string_free (key, FALSE);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

/* ------------------------------------------------------------------ */
/* Numbers                                                             */

typedef struct
{
  const char *start;
  guint       len;
  char        sep;     /* separator before this group, 0 for the first */
} Group;

static void
append_group_digits (GString     *out,
                     const Group *groups,
                     guint        from,
                     guint        to)
{
  for (guint i = from; i <= to; i++)
    g_string_append_len (out, groups[i].start, groups[i].len);
}

static gboolean
valid_date (guint day,
            guint month,
            guint year)
{
  return year >= 1800 && year <= 2200 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static guint
group_value (const Group *group)
{
  guint value = 0;

  for (guint i = 0; i < group->len && i < 9; i++)
    value = value * 10 + (guint) (group->start[i] - '0');

  return value;
}

static char *
format_date (guint year,
             guint month,
             guint day)
{
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* "15-08-1990", "15/8/1990", "1990-08-15" */
static char *
try_numeric_date (const Group *g,
                  guint        n,
                  guint        i)
{
  guint a, b, c;

  if (i + 2 >= n || g[i + 1].sep != g[i + 2].sep || strchr ("-/.", g[i + 1].sep) == NULL)
    return NULL;

  a = group_value (&g[i]);
  b = group_value (&g[i + 1]);
  c = group_value (&g[i + 2]);

  if (g[i].len <= 2 && g[i + 1].len <= 2 && g[i + 2].len == 4 && valid_date (a, b, c))
    return format_date (c, b, a);

  if (g[i].len == 4 && g[i + 1].len <= 2 && g[i + 2].len <= 2 && valid_date (c, b, a))
    return format_date (a, b, c);

  return NULL;
}

/* Indonesian numbers as "+62...": national part without the leading 0. */
static char *
normalize_phone (const char *digits,
                 gboolean    plus,
                 gboolean    mobile_only)
{
  const char *national;
  gsize len;

  if (g_str_has_prefix (digits, "62"))
    national = digits + 2;
  else if (plus)
    return NULL;
  else if (digits[0] == '0')
    national = digits + 1;
  else if (digits[0] == '8' && !mobile_only)
    national = digits;
  else
    return NULL;

  len = strlen (national);
  if (national[0] == '0' || len < 8 || len > 12)
    return NULL;
  if (mobile_only && (national[0] != '8' || len < 9))
    return NULL;

  return g_strconcat ("+62", national, NULL);
}

static gboolean
looks_like_mobile_start (const Group *group,
                         gboolean     plus)
{
  if (plus)
    return group->len >= 2 && group->start[0] == '6' && group->start[1] == '2';

  if (group->len >= 2 && group->start[0] == '0' && group->start[1] == '8')
    return TRUE;

  return group->len >= 3 && group->start[0] == '6' && group->start[1] == '2' &&
         group->start[2] == '8';
}

/* The longest run of groups from @i that is a mobile number; 0 if none. */
static guint
try_phone (const Group *g,
           guint        n,
           guint        i,
           gboolean     plus,
           char       **phone)
{
  guint best = 0;
  g_autoptr(GString) digits = g_string_new (NULL);

  if (!looks_like_mobile_start (&g[i], plus))
    return 0;

  for (guint j = i; j < n && digits->len + g[j].len <= 14; j++)
    {
      char *candidate;

      g_string_append_len (digits, g[j].start, g[j].len);
      candidate = normalize_phone (digits->str, plus, TRUE);
      if (candidate != NULL)
        {
          g_free (*phone);
          *phone = candidate;
          best = j - i + 1;
        }
    }

  return best;
}

/* Cuts one run of digit groups ("1471 0101 0190 9999 0800-3456-7890") into
 * numbers, dates and phone numbers. */
static void
split_run (GArray      *items,
           const Group *g,
           guint        n,
           gboolean     plus,
           gsize        base)
{
  guint i = 0;

  while (i < n)
    {
      gsize pos = base + (gsize) (g[i].start - g[0].start);
      char *text = NULL;
      guint total = 0;
      guint j;
      guint used;

      if ((text = try_numeric_date (g, n, i)) != NULL)
        {
          add_item (items, ITEM_DATE, text, pos);
          i += 3;
          continue;
        }

      /* 16 digits, possibly grouped with one kind of separator. */
      for (j = i; j < n; j++)
        {
          if (j > i && g[j].sep != g[i + 1].sep)
            break;
          total += g[j].len;
          if (total >= 16)
            break;
        }
      if (total == 16 && j < n && !(plus && i == 0))
        {
          gboolean grouped_mobile = j > i && g[i].len >= 2 && g[i].start[0] == '0' &&
                                    g[i].start[1] == '8';

          if (!grouped_mobile || try_phone (g, n, i, FALSE, &text) == 0)
            {
              GString *digits = g_string_new (NULL);

              g_clear_pointer (&text, g_free);
              append_group_digits (digits, g, i, j);
              add_item (items, ITEM_NUM16, g_string_free (digits, FALSE), pos);
              i = j + 1;
              continue;
            }
          g_clear_pointer (&text, g_free);
        }

      /* "15-08-90": kept as DDMMYY, a date only after a birth-date label. */
      if (i + 2 < n && g[i].len <= 2 && g[i + 1].len <= 2 && g[i + 2].len == 2 &&
          g[i + 1].sep == g[i + 2].sep && strchr ("-/.", g[i + 1].sep) != NULL &&
          group_value (&g[i]) >= 1 && group_value (&g[i]) <= 31 &&
          group_value (&g[i + 1]) >= 1 && group_value (&g[i + 1]) <= 12)
        {
          add_item (items, ITEM_NUMBER,
                    g_strdup_printf ("%02u%02u%02u", group_value (&g[i]),
                                     group_value (&g[i + 1]), group_value (&g[i + 2])),
                    pos);
          i += 3;
          continue;
        }

      used = try_phone (g, n, i, plus && i == 0, &text);
      if (used > 0)
        {
          Item *item;

          add_item (items, ITEM_PHONE, text, pos);
          item = item_at (items, items->len - 1);
          item->plus = plus && i == 0;
          i += used;
          continue;
        }

      /* "0761-123456": a landline, a phone only after a phone label. */
      if (g[i].start[0] == '0' || (plus && i == 0))
        {
          GString *digits = g_string_new (NULL);

          for (j = i; j < n && digits->len + g[j].len <= 13; j++)
            g_string_append_len (digits, g[j].start, g[j].len);
          if (j > i + 1)
            {
              add_item (items, ITEM_NUMBER, g_string_free (digits, FALSE), pos);
              item_at (items, items->len - 1)->plus = plus && i == 0;
              i = j;
              continue;
            }
          g_string_free (digits, TRUE);
        }

      add_item (items, ITEM_NUMBER, g_strndup (g[i].start, g[i].len), pos);
      item_at (items, items->len - 1)->plus = plus && i == 0;
      i++;
    }
}

/* ------------------------------------------------------------------ */
/* Tokenising one line                                                 */

static const char *
scan_number (GArray     *items,
             const char *p,
             const char *line,
             gsize       line_pos)
{
  Group groups[MAX_GROUPS];
  guint n = 0;
  gboolean plus = FALSE;
  const char *q;

  /* "+62 812..." and "+62812...": the '+' may stand one space before. */
  if (p > line && p[-1] == '+')
    plus = TRUE;
  else if (p - line >= 2 && p[-1] == ' ' && p[-2] == '+')
    plus = TRUE;

  q = p;
  for (;;)
    {
      const char *start = q;
      char sep = n == 0 ? 0 : q[-1];

      while (g_ascii_isdigit (*q))
        q++;

      groups[n++] = (Group) { start, (guint) (q - start), sep };

      if (strchr (" .-/", *q) != NULL && *q != '\0' && g_ascii_isdigit (q[1]) && n < MAX_GROUPS)
        q++;
      else
        break;
    }

  split_run (items, groups, n, plus, line_pos + (gsize) (p - line));

  while (g_ascii_isdigit (*q))
    q++;

  return q;
}

static const char *
scan_word (GArray     *items,
           const char *p,
           const char *line,
           gsize       line_pos)
{
  const char *start = p;
  Item *item;

  for (;;)
    {
      gunichar c = g_utf8_get_char (p);

      if (is_word_char (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      /* "No.KK", "e-KTP", "Ma'ruf" stay one word; "Hj." keeps its dot. */
      if ((*p == '.' || *p == '-' || *p == '\'') && p > start)
        {
          gunichar next = g_utf8_get_char (p + 1);

          if (is_word_char (next))
            {
              p++;
              continue;
            }
          if (*p == '.')
            p++;
        }
      break;
    }

  add_item (items, ITEM_WORD, g_strndup (start, (gsize) (p - start)), line_pos + (gsize) (start - line));
  item = item_at (items, items->len - 1);
  item->key = word_key (item->text);

  return p;
}

static GArray *
tokenize_line (const char *line,
               gsize       line_pos)
{
  GArray *items = items_new ();
  const char *p = line;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (*p))
        {
          p = scan_number (items, p, line, line_pos);
        }
      else if (is_word_char (c))
        {
          p = scan_word (items, p, line, line_pos);
        }
      else if (*p == ':' || *p == '=')
        {
          const char *start = p;

          /* "KTP::::" and ":=" are one separator. */
          while (*p == ':' || *p == '=')
            p++;
          add_item (items, ITEM_PUNCT, NULL, line_pos + (gsize) (start - line));
          item_at (items, items->len - 1)->punct = ':';
        }
      else if (*p == ' ' || *p == '*' || *p == '_' || *p == '~' || *p == '+')
        {
          /* WhatsApp bold/italic markers and spaces carry nothing. */
          p++;
        }
      else
        {
          add_item (items, ITEM_PUNCT, NULL, line_pos + (gsize) (p - line));
          item_at (items, items->len - 1)->punct = *p >= 0x20 && *p < 0x7f ? *p : '?';
          p = g_utf8_next_char (p);
        }
    }

  return items;
}

/* ------------------------------------------------------------------ */
/* Recognising labels and word dates                                   */

static guint
match_phrase (GArray     *items,
              guint       i,
              const char *phrase)
{
  guint n = 0;

  /* Word by word, without allocating: this runs for every word of every message. */
  while (*phrase != '\0')
    {
      const char *end = strchr (phrase, ' ');
      gsize len = end != NULL ? (gsize) (end - phrase) : strlen (phrase);
      Item *item;

      if (i + n >= items->len)
        return 0;
      item = item_at (items, i + n);
      if (item->type != ITEM_WORD || strncmp (item->key, phrase, len) != 0 || item->key[len] != '\0')
        return 0;
      n++;
      phrase += len;
      if (*phrase == ' ')
        phrase++;
    }

  return n;
}

static guint
match_label (GArray    *items,
             guint      i,
             LabelKind *kind)
{
  guint best = 0;

  for (gsize k = 0; k < G_N_ELEMENTS (label_phrases); k++)
    {
      guint n = match_phrase (items, i, label_phrases[k].phrase);

      if (n > best)
        {
          best = n;
          *kind = label_phrases[k].kind;
        }
    }

  return best;
}

static void
collapse_items (GArray *items,
                guint   first,
                guint   n)
{
  if (n > 1)
    g_array_remove_range (items, first + 1, n - 1);
}

static void
recognize_labels (GArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = item_at (items, i);
      LabelKind kind = LABEL_NONE;
      guint n = 0;

      if (item->type != ITEM_WORD)
        continue;

      if (in_list (number_prefixes, G_N_ELEMENTS (number_prefixes), item->key))
        {
          n = match_label (items, i + 1, &kind);
          if (n > 0)
            n++;
        }
      if (n == 0)
        n = match_label (items, i, &kind);
      if (n == 0)
        continue;

      collapse_items (items, i, n);
      item = item_at (items, i);
      item->type = ITEM_LABEL;
      item->label = kind;

      if (i + 1 < items->len)
        {
          Item *next = item_at (items, i + 1);

          if (next->type == ITEM_PUNCT && next->punct == ':')
            {
              item->label_sep = TRUE;
              g_array_remove_index (items, i + 1);
            }
        }
    }
}

static gboolean
is_date_punct (const Item *item)
{
  return item->type == ITEM_PUNCT && strchr ("-/.,", item->punct) != NULL;
}

/* "15 Agustus 1990", "15-Agst-1990", "15 agu. 90" */
static void
recognize_word_dates (GArray      *items,
                      const GDate *today)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *day_item = item_at (items, i);
      guint k = i + 1;
      guint month, day, year;
      Item *year_item;
      GDate date;

      if (day_item->type != ITEM_NUMBER || strlen (day_item->text) > 2)
        continue;
      if (k < items->len && is_date_punct (item_at (items, k)))
        k++;
      if (k >= items->len || item_at (items, k)->type != ITEM_WORD)
        continue;
      month = month_from_word (item_at (items, k)->key);
      if (month == 0)
        continue;
      k++;
      if (k < items->len && is_date_punct (item_at (items, k)))
        k++;
      if (k >= items->len)
        continue;
      year_item = item_at (items, k);
      if (year_item->type != ITEM_NUMBER)
        continue;

      day = (guint) g_ascii_strtoull (day_item->text, NULL, 10);
      if (strlen (year_item->text) == 4)
        {
          year = (guint) g_ascii_strtoull (year_item->text, NULL, 10);
          if (!valid_date (day, month, year))
            continue;
        }
      else if (strlen (year_item->text) == 2)
        {
          if (!pdw_identity_resolve_century (day, month,
                                             (guint) g_ascii_strtoull (year_item->text, NULL, 10),
                                             today, &date))
            continue;
          year = g_date_get_year (&date);
        }
      else
        {
          continue;
        }

      g_free (day_item->text);
      day_item->text = format_date (year, month, day);
      day_item->type = ITEM_DATE;
      g_array_remove_range (items, i + 1, k - i);
    }
}

/* ------------------------------------------------------------------ */
/* Events and people                                                   */

static void
event_clear (gpointer data)
{
  Event *event = data;

  g_clear_pointer (&event->value, g_free);
}

static void
emit (Extractor *self,
      EventKind  kind,
      char      *value,
      gsize      pos)
{
  Event event = { kind, value, pos };

  g_array_append_val (self->events, event);
}

static gboolean
is_value (const Item *item)
{
  return item->type == ITEM_NUM16 || item->type == ITEM_PHONE ||
         item->type == ITEM_DATE || item->type == ITEM_NUMBER;
}

static gboolean
is_identity_label (LabelKind kind)
{
  return kind == LABEL_NIK || kind == LABEL_KK || kind == LABEL_PHONE ||
         kind == LABEL_BIRTH || kind == LABEL_OTHER;
}

static gboolean
compatible (LabelKind   label,
            const Item *item)
{
  switch (label)
    {
    case LABEL_NIK:
    case LABEL_KK:
      return item->type == ITEM_NUM16 || item->type == ITEM_NUMBER;
    case LABEL_PHONE:
      return item->type == ITEM_PHONE || item->type == ITEM_NUMBER;
    case LABEL_BIRTH:
      return item->type == ITEM_DATE ||
             (item->type == ITEM_NUMBER && (strlen (item->text) == 8 || strlen (item->text) == 6));
    case LABEL_OTHER:
      return TRUE;
    case LABEL_NONE:
    case LABEL_NAME:
    default:
      return FALSE;
    }
}

static gboolean
luhn_valid (const char *digits)
{
  gsize len = strlen (digits);
  guint sum = 0;

  for (gsize i = 0; i < len; i++)
    {
      guint d = (guint) (digits[len - 1 - i] - '0');

      if (i % 2 == 1)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }

  return sum % 10 == 0;
}

/* Bank and social cards share the 16-digit shape with NIKs. */
static gboolean
is_payment_card (const char *digits)
{
  static const char * const prefixes[] = {
    "4", "51", "52", "53", "54", "55", "35", "6011", "62", "64", "65", "9360",
  };
  guint p4 = (guint) ((digits[0] - '0') * 1000 + (digits[1] - '0') * 100 +
                      (digits[2] - '0') * 10 + (digits[3] - '0'));

  /* KJP and other social cards (prefix 504948) whatever their check digit. */
  if (g_str_has_prefix (digits, "504948"))
    return TRUE;

  if (!luhn_valid (digits))
    return FALSE;

  if (p4 >= 2221 && p4 <= 2720)
    return TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      if (g_str_has_prefix (digits, prefixes[i]))
        return TRUE;
    }

  return FALSE;
}

/* Without a label, only a number that can be nothing but a NIK counts:
 * a woman's NIK (day 41-71) with a known region, valid in every respect. */
static gboolean
is_unambiguous_nik (Extractor  *self,
                    const char *digits)
{
  g_autoptr(PdwIdentityResult) result = NULL;
  guint dd;

  if (digits[0] == '0' || is_payment_card (digits))
    return FALSE;

  dd = (guint) (digits[6] - '0') * 10 + (guint) (digits[7] - '0');
  if (dd < 41 || dd > 71)
    return FALSE;

  result = pdw_identity_parse (PDW_IDENTITY_NIK, digits, &self->today);

  return result->valid && result->district != NULL;
}

static char *
birth_date_from_number (Extractor  *self,
                        const char *digits)
{
  gsize len = strlen (digits);
  guint day, month, year;
  GDate date;

  if (len != 8 && len != 6)
    return NULL;

  day = (guint) (digits[0] - '0') * 10 + (guint) (digits[1] - '0');
  month = (guint) (digits[2] - '0') * 10 + (guint) (digits[3] - '0');

  if (len == 8)
    {
      year = (guint) g_ascii_strtoull (digits + 4, NULL, 10);
      if (!valid_date (day, month, year))
        return NULL;
      return format_date (year, month, day);
    }

  if (!pdw_identity_resolve_century (day, month,
                                     (guint) (digits[4] - '0') * 10 + (guint) (digits[5] - '0'),
                                     &self->today, &date))
    return NULL;

  return format_date (g_date_get_year (&date), month, day);
}

static gboolean
date_not_future (Extractor  *self,
                 const char *iso)
{
  guint year = (guint) g_ascii_strtoull (iso, NULL, 10);
  guint month = (guint) g_ascii_strtoull (iso + 5, NULL, 10);
  guint day = (guint) g_ascii_strtoull (iso + 8, NULL, 10);
  GDate date;

  if (!valid_date (day, month, year))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return g_date_compare (&date, &self->today) <= 0;
}

static void
emit_bound (Extractor *self,
            LabelKind  label,
            Item      *item)
{
  char *value;

  item->bound = TRUE;

  switch (label)
    {
    case LABEL_NIK:
    case LABEL_KK:
      /* A leading 0 is an NPWP, whatever the label says. */
      if (item->type == ITEM_NUM16 && item->text[0] != '0')
        emit (self, label == LABEL_NIK ? EV_NIK : EV_KK, g_strdup (item->text), item->pos);
      break;

    case LABEL_PHONE:
      if (item->type == ITEM_PHONE)
        emit (self, EV_PHONE, g_strdup (item->text), item->pos);
      else if ((value = normalize_phone (item->text, item->plus, FALSE)) != NULL)
        emit (self, EV_PHONE, value, item->pos);
      break;

    case LABEL_BIRTH:
      if (item->type == ITEM_DATE)
        emit (self, EV_BIRTH, g_strdup (item->text), item->pos);
      else if ((value = birth_date_from_number (self, item->text)) != NULL)
        emit (self, EV_BIRTH, value, item->pos);
      break;

    case LABEL_OTHER:
    case LABEL_NAME:
    case LABEL_NONE:
    default:
      break;
    }
}

static gboolean
line_has_stopword (GArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = item_at (items, i);

      if (item->type == ITEM_WORD && is_stopword (item->key))
        return TRUE;
      if (item->type == ITEM_LABEL && item->label == LABEL_OTHER)
        return TRUE;
    }

  return FALSE;
}

static void
emit_unbound (Extractor *self,
              GArray    *items)
{
  gboolean stopword = line_has_stopword (items);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = item_at (items, i);

      if (item->bound)
        continue;

      if (item->type == ITEM_NUM16 && is_unambiguous_nik (self, item->text))
        emit (self, EV_NIK, g_strdup (item->text), item->pos);
      else if (item->type == ITEM_PHONE)
        emit (self, EV_PHONE, g_strdup (item->text), item->pos);
      else if (item->type == ITEM_DATE && !stopword && date_not_future (self, item->text))
        emit (self, EV_BIRTH, g_strdup (item->text), item->pos);
    }
}

/* Words @first..@last-1 as a name, or NULL when they don't look like one. */
static char *
name_from_words (GArray *items,
                 guint   first,
                 guint   last)
{
  g_autoptr(GString) name = g_string_new (NULL);
  guint n_words = 0;

  for (guint i = first; i < last; i++)
    {
      Item *item = item_at (items, i);

      if (item->type != ITEM_WORD || is_stopword (item->key) || month_from_word (item->key) != 0)
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

static guint
words_end (GArray *items,
           guint   i)
{
  while (i < items->len && item_at (items, i)->type == ITEM_WORD)
    i++;

  return i;
}

/* Skips list markers: "1.", "2)", "-", "•". */
static guint
skip_bullet (GArray *items)
{
  guint i = 0;

  if (items->len >= 2 && item_at (items, 0)->type == ITEM_NUMBER &&
      strlen (item_at (items, 0)->text) <= 2 &&
      item_at (items, 1)->type == ITEM_PUNCT && strchr (".)", item_at (items, 1)->punct) != NULL)
    i = 2;

  while (i < items->len && item_at (items, i)->type == ITEM_PUNCT &&
         item_at (items, i)->punct != '#')
    i++;

  return i;
}

static gboolean
line_has_identity (GArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = item_at (items, i);

      if (item->type == ITEM_NUM16)
        return TRUE;
      if (item->type == ITEM_LABEL && (item->label == LABEL_NIK || item->label == LABEL_KK))
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  LabelKind  pending;        /* label waiting for its value on the next line */
  gboolean   name_pending;   /* "Nama :" alone, the name is on the next line */
} LineState;

/* Binds labels and values of one line and emits what they say. */
static void
process_line (Extractor *self,
              GArray    *items,
              GArray    *next_items,
              LineState *state)
{
  guint first = skip_bullet (items);
  gint first_label = -1;
  gint first_value = -1;
  gboolean after_mode;
  LabelKind pending = state->pending;
  gboolean pending_from_before = pending != LABEL_NONE;
  gint last_unbound = -1;
  gint last_value = -1;
  gint pending_index = -1;
  guint i;

  state->pending = LABEL_NONE;
  if (first >= items->len)
    {
      state->name_pending = FALSE;
      return;
    }

  /* A line that only holds a name: after "Nama :", or just before a NIK/KK. */
  if (words_end (items, first) == items->len && first < items->len)
    {
      gboolean name_context = state->name_pending ||
                              (next_items != NULL && line_has_identity (next_items));
      char *name = name_context ? name_from_words (items, first, items->len) : NULL;

      state->name_pending = FALSE;
      if (name != NULL)
        emit (self, EV_NAME, name, item_at (items, first)->pos);
      return;
    }
  state->name_pending = FALSE;

  for (i = first; i < items->len; i++)
    {
      Item *item = item_at (items, i);

      if (first_label < 0 && item->type == ITEM_LABEL && is_identity_label (item->label))
        first_label = (gint) i;
      if (first_value < 0 && is_value (item))
        first_value = (gint) i;
    }
  after_mode = first_value >= 0 && (first_label < 0 || first_value < first_label) &&
               !pending_from_before;

  /* "Budi Santoso NIK ..." / "Budi 1471...": the leading words are a name. */
  if (item_at (items, first)->type == ITEM_WORD && !pending_from_before)
    {
      guint end = words_end (items, first);
      Item *next = end < items->len ? item_at (items, end) : NULL;

      if (next != NULL &&
          ((next->type == ITEM_LABEL && (next->label == LABEL_NIK || next->label == LABEL_KK)) ||
           next->type == ITEM_NUM16 ||
           (next->type == ITEM_PUNCT && strchr (",/|-", next->punct) != NULL && line_has_identity (items))))
        {
          char *name = name_from_words (items, first, end);

          if (name != NULL)
            emit (self, EV_NAME, name, item_at (items, first)->pos);
        }
    }

  for (i = first; i < items->len; i++)
    {
      Item *item = item_at (items, i);

      if (item->type == ITEM_LABEL && item->label == LABEL_NAME)
        {
          guint start = i + 1;
          guint end;

          /* "Nama saya ...", "Nama lengkap: ..." */
          while (start < items->len && item_at (items, start)->type == ITEM_WORD &&
                 is_stopword (item_at (items, start)->key))
            start++;
          end = words_end (items, start);

          if (end == start && end == items->len)
            {
              state->name_pending = TRUE;
            }
          else if (end > start)
            {
              char *name = name_from_words (items, start, end);

              if (name != NULL)
                emit (self, EV_NAME, name, item_at (items, start)->pos);
              i = end - 1;
            }
          pending = LABEL_NONE;
          continue;
        }

      if (item->type == ITEM_LABEL)
        {
          if (after_mode && !item->label_sep && last_unbound >= 0 &&
              compatible (item->label, item_at (items, (guint) last_unbound)))
            {
              emit_bound (self, item->label, item_at (items, (guint) last_unbound));
              last_unbound = -1;
            }
          else
            {
              pending = item->label;
              pending_index = (gint) i;
            }
          continue;
        }

      if (!is_value (item))
        continue;

      last_value = (gint) i;

      if (pending != LABEL_NONE && compatible (pending, item))
        {
          emit_bound (self, pending, item);
          pending = LABEL_NONE;
        }
      else
        {
          last_unbound = (gint) i;
        }
    }

  /* "NIK :" with the number on the next line. */
  if (pending != LABEL_NONE && pending_index > last_value)
    state->pending = pending;

  emit_unbound (self, items);
}

/* ------------------------------------------------------------------ */
/* "#NIK#Nama#KK#Telp#Keluhan" and "Nama/NIK/Kelurahan/..." records      */

static char
record_separator (GArray *items)
{
  static const char seps[] = { '#', '|', '/' };

  for (gsize k = 0; k < G_N_ELEMENTS (seps); k++)
    {
      guint count = 0;
      gboolean starts = FALSE;

      for (guint i = 0; i < items->len; i++)
        {
          Item *item = item_at (items, i);

          if (item->type == ITEM_PUNCT && item->punct == seps[k])
            {
              if (count == 0 && i == 0)
                starts = TRUE;
              count++;
            }
        }

      if (seps[k] == '#' && (count >= 2 || (starts && count >= 1)))
        return '#';
      if (count >= 2 && line_has_identity (items))
        return seps[k];
    }

  return 0;
}

static GArray *
copy_items (GArray *items,
            guint   from,
            guint   to)
{
  GArray *copy = items_new ();

  for (guint i = from; i < to; i++)
    {
      Item item = *item_at (items, i);

      item.text = g_strdup (item.text);
      item.key = g_strdup (item.key);
      g_array_append_val (copy, item);
    }

  return copy;
}

static void
process_record_field (Extractor *self,
                      GArray    *field,
                      guint     *n_numbers,
                      gboolean  *have_name,
                      gboolean  *have_birth)
{
  gboolean has_label = FALSE;
  gboolean has_value = FALSE;
  gboolean has_name_label = FALSE;

  for (guint i = 0; i < field->len; i++)
    {
      Item *item = item_at (field, i);

      if (item->type == ITEM_LABEL)
        has_label = TRUE;
      if (item->type == ITEM_LABEL && item->label == LABEL_NAME && i + 1 < field->len)
        has_name_label = TRUE;
      if (is_value (item))
        has_value = TRUE;
    }

  /* "#NIK: 1471...#Nama: Budi#": labelled fields read like a line. */
  if ((has_label && has_value) || has_name_label)
    {
      LineState state = { LABEL_NONE, FALSE };

      process_line (self, field, NULL, &state);
      *have_name = *have_name || has_name_label;
      return;
    }

  if (!has_value)
    {
      char *name;

      /* Keywords ("#KTP#", "#SINKRONISASI#") are labels or stopwords. */
      if (*have_name || has_label || field->len == 0)
        return;
      name = name_from_words (field, 0, field->len);
      if (name != NULL)
        {
          emit (self, EV_NAME, name, item_at (field, 0)->pos);
          *have_name = TRUE;
        }
      return;
    }

  for (guint i = 0; i < field->len; i++)
    {
      Item *item = item_at (field, i);
      char *value;

      if (item->type == ITEM_NUM16)
        {
          /* By position: the services always put the NIK before the KK. */
          if (item->text[0] != '0' && !is_payment_card (item->text) && *n_numbers < 2)
            emit (self, *n_numbers == 0 ? EV_NIK : EV_KK, g_strdup (item->text), item->pos);
          (*n_numbers)++;
        }
      else if (item->type == ITEM_PHONE)
        {
          emit (self, EV_PHONE, g_strdup (item->text), item->pos);
        }
      else if (item->type == ITEM_DATE && !*have_birth)
        {
          emit (self, EV_BIRTH, g_strdup (item->text), item->pos);
          *have_birth = TRUE;
        }
      else if (item->type == ITEM_NUMBER && !*have_birth &&
               strlen (item->text) == 8 &&
               (value = birth_date_from_number (self, item->text)) != NULL)
        {
          emit (self, EV_BIRTH, value, item->pos);
          *have_birth = TRUE;
        }
    }
}

static void
process_record (Extractor *self,
                GArray    *items,
                char       sep)
{
  guint n_numbers = 0;
  gboolean have_name = FALSE;
  gboolean have_birth = FALSE;
  guint start = 0;

  emit (self, EV_NEW_RECORD, NULL, item_at (items, 0)->pos);

  for (guint i = 0; i <= items->len; i++)
    {
      if (i < items->len && !(item_at (items, i)->type == ITEM_PUNCT && item_at (items, i)->punct == sep))
        continue;

      if (i > start)
        {
          g_autoptr(GArray) field = copy_items (items, start, i);

          process_record_field (self, field, &n_numbers, &have_name, &have_birth);
        }
      start = i + 1;
    }

  emit (self, EV_NEW_RECORD, NULL, item_at (items, items->len - 1)->pos);
}

/* ------------------------------------------------------------------ */

void
pdw_extracted_person_free (PdwExtractedPerson *person)
{
  if (person == NULL)
    return;

  g_free (person->name);
  g_free (person->nik);
  g_free (person->kk);
  g_free (person->birth_date);
  g_free (person->phone);
  g_free (person);
}

static char **
person_field (PdwExtractedPerson *person,
              EventKind           kind)
{
  switch (kind)
    {
    case EV_NAME:
      return &person->name;
    case EV_NIK:
      return &person->nik;
    case EV_KK:
      return &person->kk;
    case EV_BIRTH:
      return &person->birth_date;
    case EV_PHONE:
      return &person->phone;
    case EV_NEW_RECORD:
    default:
      return NULL;
    }
}

static gboolean
person_is_empty (const PdwExtractedPerson *person)
{
  return person->name == NULL && person->nik == NULL && person->kk == NULL &&
         person->birth_date == NULL && person->phone == NULL;
}

static void
finish_person (GPtrArray           *people,
               PdwExtractedPerson **current)
{
  if (*current == NULL)
    return;

  if (person_is_empty (*current))
    pdw_extracted_person_free (*current);
  else
    g_ptr_array_add (people, *current);

  *current = NULL;
}

static gint
compare_events (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Event *ea = a;
  const Event *eb = b;

  if (ea->pos != eb->pos)
    return ea->pos < eb->pos ? -1 : 1;

  return 0;
}

/* One person per run of fields; a field seen twice starts the next person. */
static GPtrArray *
assemble_people (GArray *events)
{
  GPtrArray *people = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_extracted_person_free);
  PdwExtractedPerson *current = NULL;

  for (guint i = 0; i < events->len; i++)
    {
      Event *event = &g_array_index (events, Event, i);
      char **field;

      if (event->kind == EV_NEW_RECORD)
        {
          finish_person (people, &current);
          continue;
        }

      if (current == NULL)
        current = g_new0 (PdwExtractedPerson, 1);

      field = person_field (current, event->kind);
      if (*field != NULL)
        {
          if (strcmp (*field, event->value) == 0)
            continue;
          finish_person (people, &current);
          current = g_new0 (PdwExtractedPerson, 1);
          field = person_field (current, event->kind);
        }
      *field = g_steal_pointer (&event->value);
    }

  finish_person (people, &current);

  return people;
}

static GArray *
line_items (Extractor  *self,
            const char *line,
            gsize       line_pos)
{
  GArray *items = tokenize_line (line, line_pos);

  recognize_word_dates (items, &self->today);
  recognize_labels (items);

  return items;
}

GPtrArray *
pdw_extract_people (const char *text)
{
  g_autofree char *clean = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) all_items = NULL;
  LineState state = { LABEL_NONE, FALSE };
  Extractor self;
  gsize pos = 0;
  GPtrArray *people;

  g_return_val_if_fail (text != NULL, g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_extracted_person_free));

  pdw_identity_today_wib (&self.today);
  self.events = g_array_new (FALSE, TRUE, sizeof (Event));
  g_array_set_clear_func (self.events, event_clear);

  clean = pdw_text_normalize (text, -1);
  lines = g_strsplit (clean, "\n", -1);
  all_items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_ptr_array_add (all_items, line_items (&self, lines[i], pos));
      pos += strlen (lines[i]) + 1;
    }

  for (guint i = 0; i < all_items->len; i++)
    {
      GArray *items = g_ptr_array_index (all_items, i);
      GArray *next = NULL;
      guint first_event = self.events->len;
      char sep;

      /* The next line with something on it, for "name alone on a line". */
      for (guint k = i + 1; k < all_items->len && next == NULL; k++)
        {
          if (((GArray *) g_ptr_array_index (all_items, k))->len > 0)
            next = g_ptr_array_index (all_items, k);
        }

      if (items->len == 0)
        continue;

      sep = record_separator (items);
      if (sep != 0)
        {
          state.pending = LABEL_NONE;
          state.name_pending = FALSE;
          process_record (&self, items, sep);
          continue;
        }

      process_line (&self, items, next, &state);

      /* Values bound to labels after them come out of order: sort the line. */
      if (self.events->len - first_event > 1)
        g_qsort_with_data (&g_array_index (self.events, Event, first_event),
                           (gint) (self.events->len - first_event), sizeof (Event),
                           compare_events, NULL);
    }

  people = assemble_people (self.events);
  g_array_unref (self.events);

  return people;
}
