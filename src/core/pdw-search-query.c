/* pdw-search-query.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-search-query.h"

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
