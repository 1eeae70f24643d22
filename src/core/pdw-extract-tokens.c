/* pdw-extract-tokens.c: cuts a line of a citizen's message into the items
 * pdw-extract.c binds: labels ("NIK", "No. KK", "Tgl lahir", ...), words,
 * numbers, dates and phone numbers.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-extract-private.h"
#include "pdw-identity-private.h"

#define MAX_GROUPS     16

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

gboolean
_pdw_extract_is_stopword (const char *key)
{
  return in_list (stopwords, G_N_ELEMENTS (stopwords), key);
}

guint
_pdw_extract_month_from_word (const char *key)
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

GArray *
_pdw_extract_items_new (void)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  g_array_set_clear_func (items, item_clear);

  return items;
}

Item *
_pdw_extract_item_at (GArray *items,
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

gboolean
_pdw_extract_valid_date (guint day,
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

char *
_pdw_extract_format_date (guint year,
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

  if (g[i].len <= 2 && g[i + 1].len <= 2 && g[i + 2].len == 4 && _pdw_extract_valid_date (a, b, c))
    return _pdw_extract_format_date (c, b, a);

  if (g[i].len == 4 && g[i + 1].len <= 2 && g[i + 2].len <= 2 && _pdw_extract_valid_date (c, b, a))
    return _pdw_extract_format_date (a, b, c);

  return NULL;
}

/* Indonesian numbers as "+62...": national part without the leading 0. */
char *
_pdw_extract_normalize_phone (const char *digits,
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
      candidate = _pdw_extract_normalize_phone (digits->str, plus, TRUE);
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
          item = _pdw_extract_item_at (items, items->len - 1);
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
              _pdw_extract_item_at (items, items->len - 1)->plus = plus && i == 0;
              i = j;
              continue;
            }
          g_string_free (digits, TRUE);
        }

      add_item (items, ITEM_NUMBER, g_strndup (g[i].start, g[i].len), pos);
      _pdw_extract_item_at (items, items->len - 1)->plus = plus && i == 0;
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
  item = _pdw_extract_item_at (items, items->len - 1);
  item->key = word_key (item->text);

  return p;
}

GArray *
_pdw_extract_tokenize_line (const char *line,
                            gsize       line_pos)
{
  GArray *items = _pdw_extract_items_new ();
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
          _pdw_extract_item_at (items, items->len - 1)->punct = ':';
        }
      else if (*p == ' ' || *p == '*' || *p == '_' || *p == '~' || *p == '+')
        {
          /* WhatsApp bold/italic markers and spaces carry nothing. */
          p++;
        }
      else
        {
          add_item (items, ITEM_PUNCT, NULL, line_pos + (gsize) (p - line));
          _pdw_extract_item_at (items, items->len - 1)->punct = *p >= 0x20 && *p < 0x7f ? *p : '?';
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
      item = _pdw_extract_item_at (items, i + n);
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

void
_pdw_extract_recognize_labels (GArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = _pdw_extract_item_at (items, i);
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
      item = _pdw_extract_item_at (items, i);
      item->type = ITEM_LABEL;
      item->label = kind;

      if (i + 1 < items->len)
        {
          Item *next = _pdw_extract_item_at (items, i + 1);

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
void
_pdw_extract_recognize_word_dates (GArray      *items,
                                   const GDate *today)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *day_item = _pdw_extract_item_at (items, i);
      guint k = i + 1;
      guint month, day, year;
      Item *year_item;
      GDate date;

      if (day_item->type != ITEM_NUMBER || strlen (day_item->text) > 2)
        continue;
      if (k < items->len && is_date_punct (_pdw_extract_item_at (items, k)))
        k++;
      if (k >= items->len || _pdw_extract_item_at (items, k)->type != ITEM_WORD)
        continue;
      month = _pdw_extract_month_from_word (_pdw_extract_item_at (items, k)->key);
      if (month == 0)
        continue;
      k++;
      if (k < items->len && is_date_punct (_pdw_extract_item_at (items, k)))
        k++;
      if (k >= items->len)
        continue;
      year_item = _pdw_extract_item_at (items, k);
      if (year_item->type != ITEM_NUMBER)
        continue;

      day = (guint) g_ascii_strtoull (day_item->text, NULL, 10);
      if (strlen (year_item->text) == 4)
        {
          year = (guint) g_ascii_strtoull (year_item->text, NULL, 10);
          if (!_pdw_extract_valid_date (day, month, year))
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
      day_item->text = _pdw_extract_format_date (year, month, day);
      day_item->type = ITEM_DATE;
      g_array_remove_range (items, i + 1, k - i);
    }
}
