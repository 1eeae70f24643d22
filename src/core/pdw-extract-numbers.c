/* pdw-extract-numbers.c: what a run of digits in a message is: a date, a
 * mobile or landline number, a 16-digit number (a NIK, a KK, or a bank
 * card that only looks like one), or just a number.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-extract-private.h"
#include "pdw-identity.h"
#include "pdw-identity-private.h"

#define MAX_GROUPS 16

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
          _pdw_extract_items_add (items, ITEM_DATE, text, pos);
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
              _pdw_extract_items_add (items, ITEM_NUM16, g_string_free (digits, FALSE), pos);
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
          char *ddmmyy = g_strdup_printf ("%02u%02u%02u", group_value (&g[i]),
                                          group_value (&g[i + 1]), group_value (&g[i + 2]));

          _pdw_extract_items_add (items, ITEM_NUMBER, ddmmyy, pos);
          i += 3;
          continue;
        }

      used = try_phone (g, n, i, plus && i == 0, &text);
      if (used > 0)
        {
          _pdw_extract_items_add (items, ITEM_PHONE, text, pos)->plus = plus && i == 0;
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
              _pdw_extract_items_add (items, ITEM_NUMBER, g_string_free (digits, FALSE),
                                      pos)->plus = plus && i == 0;
              i = j;
              continue;
            }
          g_string_free (digits, TRUE);
        }

      _pdw_extract_items_add (items, ITEM_NUMBER, g_strndup (g[i].start, g[i].len),
                              pos)->plus = plus && i == 0;
      i++;
    }
}

/* Reads the run of digit groups starting at @p in @line into @items;
 * returns where the run ends. */
const char *
_pdw_extract_scan_number (GArray     *items,
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

/* ------------------------------------------------------------------ */
/* Judging a value                                                     */

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
gboolean
_pdw_extract_is_payment_card (const char *digits)
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
gboolean
_pdw_extract_is_unambiguous_nik (const char  *digits,
                                 const GDate *today)
{
  g_autoptr(PdwIdentityResult) result = NULL;
  guint dd;

  if (digits[0] == '0' || _pdw_extract_is_payment_card (digits))
    return FALSE;

  dd = (guint) (digits[6] - '0') * 10 + (guint) (digits[7] - '0');
  if (dd < 41 || dd > 71)
    return FALSE;

  result = pdw_identity_parse (PDW_IDENTITY_NIK, digits, today);

  return result->valid && result->district != NULL;
}

/* @year_digits holds four digits, or two read by the century rule. */
char *
_pdw_extract_date_from_parts (guint        day,
                              guint        month,
                              const char  *year_digits,
                              const GDate *today)
{
  guint year = (guint) g_ascii_strtoull (year_digits, NULL, 10);
  GDate date;

  switch (strlen (year_digits))
    {
    case 4:
      return valid_date (day, month, year) ? format_date (year, month, day) : NULL;

    case 2:
      if (!pdw_identity_resolve_century (day, month, year, today, &date))
        return NULL;
      return format_date (g_date_get_year (&date), month, day);

    default:
      return NULL;
    }
}

/* "15081990" and "150890" */
char *
_pdw_extract_birth_date_from_number (const char  *digits,
                                     const GDate *today)
{
  gsize len = strlen (digits);
  guint day, month;

  if (len != 8 && len != 6)
    return NULL;

  day = (guint) (digits[0] - '0') * 10 + (guint) (digits[1] - '0');
  month = (guint) (digits[2] - '0') * 10 + (guint) (digits[3] - '0');

  return _pdw_extract_date_from_parts (day, month, digits + 4, today);
}

gboolean
_pdw_extract_date_not_future (const char  *iso,
                              const GDate *today)
{
  guint year = (guint) g_ascii_strtoull (iso, NULL, 10);
  guint month = (guint) g_ascii_strtoull (iso + 5, NULL, 10);
  guint day = (guint) g_ascii_strtoull (iso + 8, NULL, 10);
  GDate date;

  if (!valid_date (day, month, year))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return g_date_compare (&date, today) <= 0;
}

