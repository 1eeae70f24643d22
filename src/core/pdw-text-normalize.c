/* pdw-text-normalize.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-text-normalize.h"

static gboolean
is_plain_ascii (const char *text,
                gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      /* Tabs, CR and other controls need the slow path as well. */
      if (c >= 0x80 || (c < 0x20 && c != '\n'))
        return FALSE;
      if (c == 0x7f)
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_dash (gunichar c)
{
  return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63;
}

static void
append_normalized_char (GString  *out,
                        gunichar  c,
                        gunichar  next)
{
  int digit;

  if (c == '\r')
    {
      /* CRLF is one line break, a lone CR another. */
      if (next != '\n')
        g_string_append_c (out, '\n');
      return;
    }

  if (c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x85)
    {
      g_string_append_c (out, '\n');
      return;
    }

  if (c >= 0xFF01 && c <= 0xFF5E)
    c -= 0xFEE0;

  if (c < 0x80 && c >= 0x20 && c != 0x7f)
    {
      g_string_append_c (out, (char) c);
      return;
    }

  if (c == '\t' || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
    {
      g_string_append_c (out, ' ');
      return;
    }

  if (is_dash (c))
    {
      g_string_append_c (out, '-');
      return;
    }

  digit = g_unichar_digit_value (c);
  if (digit >= 0)
    {
      g_string_append_c (out, (char) ('0' + digit));
      return;
    }

  switch (g_unichar_type (c))
    {
    case G_UNICODE_FORMAT:
    case G_UNICODE_CONTROL:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
      /* Invisible: dropping them keeps "1471<ZWSP>0101..." one number. */
      return;

    default:
      g_string_append_unichar (out, c);
      return;
    }
}

char *
pdw_text_normalize (const char *text,
                    gssize      length)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (text == NULL)
    return g_strdup ("");

  if (length < 0)
    length = (gssize) strlen (text);

  if (is_plain_ascii (text, (gsize) length))
    return g_strndup (text, (gsize) length);

  valid = g_utf8_make_valid (text, length);
  out = g_string_sized_new ((gsize) length);

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next = g_utf8_get_char (g_utf8_next_char (p));

      append_normalized_char (out, c, next);
    }

  return g_string_free (out, FALSE);
}
