/* pdw-search-query.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-search-query.h"
#include "pdw-search-result.h"

#define NIK_DIGITS 16
#define MIN_SUFFIX_DIGITS 4
#define MIN_PHONE_DIGITS 4

/* The digits of @text when it holds nothing but digits and the separators
 * people write numbers with; NULL otherwise.  *plus: it began with '+'. */
static char *
dup_number_digits (const char *text,
                   gboolean   *plus)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  *plus = FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '+' && digits->len == 0 && !*plus)
        *plus = TRUE;
      else if (strchr (" -.()/", *p) == NULL)
        return NULL;
    }

  if (digits->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/* 0812… and 812… are national forms of 62812…: wa_id keeps the country
 * code.  Anything else with a '+' is some other country, kept as written. */
static char *
dup_phone_from_digits (const char *digits,
                       gboolean    plus)
{
  if (strlen (digits) < MIN_PHONE_DIGITS)
    return NULL;

  if (plus || g_str_has_prefix (digits, "62"))
    return g_strdup (digits);
  if (digits[0] == '0')
    return g_strconcat ("62", digits + 1, NULL);
  if (digits[0] == '8')
    return g_strconcat ("62", digits, NULL);

  return NULL;
}

static char *
dup_ticket (const char *text)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *year = NULL;
  g_autofree char *month = NULL;
  g_autofree char *seq = NULL;

  regex = g_regex_new ("^\\s*(?:PDW\\s*[-/ ]?\\s*)?(\\d{4})\\s*[-/ ]\\s*(\\d{1,2})\\s*[-/ ]\\s*(\\d{1,5})\\s*$"
                       "|^\\s*PDW\\s*[-/ ]?(\\d{4})(\\d{2})(\\d{5})\\s*$",
                       G_REGEX_CASELESS, 0, NULL);
  if (!g_regex_match (regex, text, 0, &match))
    return NULL;

  year = g_match_info_fetch (match, 1);
  if (year == NULL || *year == '\0')
    {
      g_free (year);
      year = g_match_info_fetch (match, 4);
      month = g_match_info_fetch (match, 5);
      seq = g_match_info_fetch (match, 6);
    }
  else
    {
      month = g_match_info_fetch (match, 2);
      seq = g_match_info_fetch (match, 3);
    }

  return g_strdup_printf ("PDW-%s-%02d-%05d", year,
                          (int) g_ascii_strtoll (month, NULL, 10),
                          (int) g_ascii_strtoll (seq, NULL, 10));
}

static void
classify_number (PdwSearchQuery *query,
                 const char     *digits,
                 gboolean        plus)
{
  gsize len = strlen (digits);

  query->phone = dup_phone_from_digits (digits, plus);

  /* A NIK never starts with 0 (it starts with a province code) and is
   * never written with a '+'. */
  if (!plus && len == NIK_DIGITS && digits[0] != '0')
    {
      query->identity = g_strdup (digits);
      query->kind = PDW_SEARCH_QUERY_IDENTITY;
    }
  else if (!plus && len >= MIN_SUFFIX_DIGITS && len < NIK_DIGITS)
    {
      query->identity = g_strdup (digits);
      query->identity_is_suffix = TRUE;
      query->kind = PDW_SEARCH_QUERY_IDENTITY_SUFFIX;
    }

  /* A written-out phone form (0812…, +62…, 62 8…) is read as a phone
   * first; the digits still find a NIK or KK that ends with them. */
  if (query->phone != NULL &&
      (plus || digits[0] == '0' || g_str_has_prefix (digits, "628") ||
       query->kind == PDW_SEARCH_QUERY_EMPTY))
    query->kind = PDW_SEARCH_QUERY_PHONE;
}

PdwSearchQuery *
pdw_search_query_parse (const char *text)
{
  g_autoptr(PdwSearchQuery) query = g_new0 (PdwSearchQuery, 1);
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *digits = NULL;
  gboolean plus = FALSE;

  query->kind = PDW_SEARCH_QUERY_EMPTY;
  if (*stripped == '\0')
    return g_steal_pointer (&query);

  if ((query->ticket = dup_ticket (stripped)) != NULL)
    {
      query->kind = PDW_SEARCH_QUERY_TICKET;
      return g_steal_pointer (&query);
    }

  if ((digits = dup_number_digits (stripped, &plus)) != NULL)
    {
      classify_number (query, digits, plus);
      if (query->kind != PDW_SEARCH_QUERY_EMPTY)
        return g_steal_pointer (&query);
    }

  query->text = g_steal_pointer (&stripped);
  query->kind = PDW_SEARCH_QUERY_TEXT;
  return g_steal_pointer (&query);
}

void
pdw_search_query_free (PdwSearchQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->phone);
  g_free (query->ticket);
  g_free (query->identity);
  g_free (query->text);
  g_free (query);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
has_word_after (const char *p)
{
  for (; *p != '\0'; p = g_utf8_next_char (p))
    if (is_word_char (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Words as FTS5's unicode61 tokenizer cuts them (letters and digits);
 * each one quoted, so that AND, NEAR, '-' or '*' typed by an officer are
 * only text. */
typedef enum
{
  PREFIX_EVERY_WORD,
  PREFIX_LAST_WORD,
} PrefixMode;

static char *
dup_fts_match (const char *text,
               PrefixMode  mode)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && is_word_char (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          if (match->len > 0)
            g_string_append_c (match, ' ');
          g_string_append_printf (match, "\"%s\"", word->str);
          if (mode == PREFIX_EVERY_WORD || !has_word_after (p))
            g_string_append_c (match, '*');
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  if (match->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&match), FALSE);
}

char *
pdw_search_query_dup_fts_prefix_match (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  return dup_fts_match (text, PREFIX_EVERY_WORD);
}

char *
pdw_search_query_dup_fts_text_match (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  return dup_fts_match (text, PREFIX_LAST_WORD);
}

/* ---- Marks on the matched prefix ------------------------------------------ */

/* A letter as the index compares it: lower case, without its accents. */
static gunichar
fold_char (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));

  return g_unichar_tolower (n > 0 ? decomposed[0] : c);
}

/* The words of @text, folded, as arrays of gunichar. */
static GPtrArray *
dup_folded_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GArray *word = NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_word_char (c))
        {
          word = NULL;
          continue;
        }
      if (g_unichar_ismark (c))
        continue;
      if (word == NULL)
        {
          word = g_array_new (FALSE, FALSE, sizeof (gunichar));
          g_ptr_array_add (words, word);
        }
      c = fold_char (c);
      g_array_append_val (word, c);
    }

  return words;
}

/* The end of the longest prefix of the word at @start (up to @end) that
 * one of @words spells, or NULL. */
static const char *
find_prefix_end (GPtrArray  *words,
                 const char *start,
                 const char *end)
{
  const char *best = NULL;

  for (guint i = 0; i < words->len; i++)
    {
      GArray *word = g_ptr_array_index (words, i);
      const char *p = start;
      guint matched = 0;

      while (p < end && matched < word->len)
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_unichar_ismark (c))
            {
              if (fold_char (c) != g_array_index (word, gunichar, matched))
                break;
              matched++;
            }
          p = g_utf8_next_char (p);
        }
      if (matched < word->len)
        continue;

      /* The accents of the last letter belong to it. */
      while (p < end && g_unichar_ismark (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (best == NULL || p > best)
        best = p;
    }

  return best;
}

static void
append_narrowed_span (GString    *out,
                      GPtrArray  *words,
                      const char *span,
                      const char *span_end)
{
  const char *p = span;

  while (p < span_end)
    {
      const char *word_end = p;
      const char *prefix_end;

      if (!is_word_char (g_utf8_get_char (p)))
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
          continue;
        }

      while (word_end < span_end && is_word_char (g_utf8_get_char (word_end)))
        word_end = g_utf8_next_char (word_end);

      prefix_end = find_prefix_end (words, p, word_end);
      if (prefix_end == NULL)
        prefix_end = word_end;

      g_string_append (out, PDW_SEARCH_MARK_START);
      g_string_append_len (out, p, prefix_end - p);
      g_string_append (out, PDW_SEARCH_MARK_END);
      g_string_append_len (out, prefix_end, word_end - prefix_end);
      p = word_end;
    }
}

char *
pdw_search_query_dup_narrowed_marks (const char *text,
                                     const char *snippet)
{
  g_autoptr(GPtrArray) words = NULL;
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  if (snippet == NULL)
    return NULL;

  words = dup_folded_words (text);
  out = g_string_new (NULL);
  for (p = snippet; *p != '\0'; )
    {
      const char *start = strstr (p, PDW_SEARCH_MARK_START);
      const char *span, *span_end;

      if (start == NULL)
        break;
      span = start + strlen (PDW_SEARCH_MARK_START);
      span_end = strstr (span, PDW_SEARCH_MARK_END);
      if (span_end == NULL)
        break;

      g_string_append_len (out, p, start - p);
      append_narrowed_span (out, words, span, span_end);
      p = span_end + strlen (PDW_SEARCH_MARK_END);
    }
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}
