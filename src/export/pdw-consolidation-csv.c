/* pdw-consolidation-csv.c: the consolidation list as CSV, written as
 * RFC 4180 in UTF-8 with a BOM, and read back as spreadsheet programs save
 * it: any of three separators, UTF-8 or the Windows code page.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-consolidation-private.h"
#include "pdw-export-private.h"

/* ---- Writing ---------------------------------------------------------------- */

void
_pdw_csv_append_field (GString    *out,
                       const char *value)
{
  gboolean quote;

  /* A citizen's name such as "=HYPERLINK(...)" must stay text when the
   * officer opens the file: a leading apostrophe is what spreadsheets
   * themselves use to say so.  A leading TAB or CR is treated the same:
   * some programs skip it and then read the formula behind it. */
  if (value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL)
    {
      g_autofree char *neutral = g_strconcat ("'", value, NULL);

      _pdw_csv_append_field (out, neutral);
      return;
    }

  quote = strpbrk (value, ",;\"\r\n\t") != NULL ||
          g_ascii_isspace (value[0]) ||
          (value[0] != '\0' && g_ascii_isspace (value[strlen (value) - 1]));
  if (!quote)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Digits, after an optional "+" (a phone number written +62…). */
static gboolean
is_number (const char *value)
{
  if (*value == '+')
    value++;
  if (*value == '\0')
    return FALSE;
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* A NIK, KK or phone number as ="1471…": a formula whose value is the
 * text, which both Excel and LibreOffice keep as 16 digits where a bare
 * number would become 1,47E+15 and lose its last digits (and a phone its
 * "+", or its leading 0). */
static void
csv_append_number_as_text (GString    *out,
                           const char *value)
{
  if (!is_number (value))
    {
      _pdw_csv_append_field (out, value);
      return;
    }

  g_string_append_printf (out, "\"=\"\"%s\"\"\"", value);
}

static void
csv_append_record (GString            *out,
                   const char * const *cells,
                   guint               n_cells,
                   char                separator,
                   gboolean            data)
{
  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (out, separator);
      if (data && (i == COL_NIK || i == COL_KK || i == COL_PHONE))
        csv_append_number_as_text (out, cells[i]);
      else
        _pdw_csv_append_field (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

/* The whole file: @rows are GStrvs of N_COLUMNS cells. */
GString *
_pdw_consolidation_csv_build (GPtrArray  *rows,
                              const char *period,
                              char        separator)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  const char *first_line[] = { _pdw_consolidation_warning, period };

  csv_append_record (out, first_line, G_N_ELEMENTS (first_line), separator, FALSE);
  csv_append_record (out, _pdw_consolidation_column_titles, N_COLUMNS, separator, FALSE);
  for (guint i = 0; i < rows->len; i++)
    csv_append_record (out, g_ptr_array_index (rows, i), N_COLUMNS, separator, TRUE);

  return out;
}

/* ---- Reading back ----------------------------------------------------------- */

/* Excel saves "CSV" in the Windows code page unless told "CSV UTF-8". */
char *
_pdw_consolidation_csv_to_utf8 (const char *contents,
                                gsize       length)
{
  if (length >= 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0)
    {
      contents += 3;
      length -= 3;
    }

  if (g_utf8_validate_len (contents, length, NULL))
    return g_strndup (contents, length);

  return g_convert (contents, (gssize) length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
}

/* RFC 4180, plus what spreadsheet programs write: LF or CR line ends and
 * any one-character separator. */
GPtrArray *
_pdw_consolidation_csv_parse (const char *text,
                              char        separator)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (_pdw_consolidation_record_free);
  g_autoptr(GString) field = g_string_new (NULL);
  Record *record = _pdw_consolidation_record_new (1);
  gboolean in_quotes = FALSE;
  gboolean field_started = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      char c = *p++;

      if (in_quotes)
        {
          if (c == '"' && *p == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            in_quotes = FALSE;
          else
            g_string_append_c (field, c);
          continue;
        }

      if (c == '"' && field->len == 0)
        {
          in_quotes = TRUE;
          field_started = TRUE;
        }
      else if (c == separator)
        {
          g_ptr_array_add (record->cells, g_strdup (field->str));
          g_string_truncate (field, 0);
          field_started = TRUE;
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && *p == '\n')
            p++;
          g_ptr_array_add (record->cells, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (records, record);
          record = _pdw_consolidation_record_new (records->len + 1);
          field_started = FALSE;
        }
      else
        {
          g_string_append_c (field, c);
          field_started = TRUE;
        }
    }

  if (field_started || field->len > 0)
    {
      g_ptr_array_add (record->cells, g_strdup (field->str));
      g_ptr_array_add (records, record);
    }
  else
    _pdw_consolidation_record_free (record);

  return records;
}
