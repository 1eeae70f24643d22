/* pdw-extract-tokenize.c: cuts one line of a message into items: labels
 * ("NIK", "No. KK", "Tgl lahir", ...), words, punctuation, and what runs
 * of digits are (pdw-extract-numbers.c); dates written with a month name
 * become one item.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-extract-private.h"

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
  "no", "nomor", "nomer", "nmr", "nr", "nmor", "nomr", "nomber", "number", NULL,
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
/* Tokenising one line                                                 */

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

  item = _pdw_extract_items_add (items, ITEM_WORD, g_strndup (start, (gsize) (p - start)),
                                 line_pos + (gsize) (start - line));
  item->key = word_key (item->text);

  return p;
}

static GArray *
tokenize_line (const char *line,
               gsize       line_pos)
{
  GArray *items = _pdw_extract_items_new ();
  const char *p = line;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (*p))
        {
          p = _pdw_extract_scan_number (items, p, line, line_pos);
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
          _pdw_extract_items_add (items, ITEM_PUNCT, NULL,
                                  line_pos + (gsize) (start - line))->punct = ':';
        }
      else if (*p == ' ' || *p == '*' || *p == '_' || *p == '~' || *p == '+')
        {
          /* WhatsApp bold/italic markers and spaces carry nothing. */
          p++;
        }
      else
        {
          Item *item = _pdw_extract_items_add (items, ITEM_PUNCT, NULL,
                                               line_pos + (gsize) (p - line));

          item->punct = *p >= 0x20 && *p < 0x7f ? *p : '?';
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

static void
recognize_labels (GArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = _pdw_extract_item_at (items, i);
      LabelKind kind = LABEL_NONE;
      guint n = 0;

      if (item->type != ITEM_WORD)
        continue;

      if (g_strv_contains (number_prefixes, item->key))
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
static void
recognize_word_dates (GArray      *items,
                      const GDate *today)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *day_item = _pdw_extract_item_at (items, i);
      guint k = i + 1;
      guint month, day;
      Item *year_item;
      char *iso;

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
      iso = _pdw_extract_date_from_parts (day, month, year_item->text, today);
      if (iso == NULL)
        continue;

      g_free (day_item->text);
      day_item->text = iso;
      day_item->type = ITEM_DATE;
      g_array_remove_range (items, i + 1, k - i);
    }
}

/* The items of the line that starts at byte @line_pos of the cleaned text. */
GArray *
_pdw_extract_tokenize_line (const char  *line,
                            gsize        line_pos,
                            const GDate *today)
{
  GArray *items = tokenize_line (line, line_pos);

  recognize_word_dates (items, today);
  recognize_labels (items);

  return items;
}
