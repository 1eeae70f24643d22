/* pdw-identity.c: NIK and KK validation and decoding.
 *
 * Layout of both numbers: PP KK CC DD MM YY SSSS (research/nik.md 1-2).
 * A NIK carries the birth date (day + 40 for women), a KK the issue date.
 * Numbers are handled as strings of ASCII digits only, never as doubles:
 * NIKs of provinces 91-96 are above 2^53.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

#include "pdw-identity.h"
#include "pdw-identity-private.h"
#include "pdw-region.h"
#include "pdw-time-zone.h"
#include "pdw-text-normalize.h"

#define PEKANBARU_CODE "1471"

/* Above this age, a person born in 19YY is still plausibly alive, so a
 * 20YY reading of the same digits may be the wrong century. */
#define CENTURY_AMBIGUITY_MAX_AGE 105

typedef enum
{
  ISSUE_INVALID_LENGTH,
  ISSUE_NOT_DIGITS,
  ISSUE_NPWP,
  ISSUE_UNKNOWN_PROVINCE,
  ISSUE_INVALID_REGENCY,
  ISSUE_INVALID_DISTRICT,
  ISSUE_INVALID_DAY_NIK,
  ISSUE_INVALID_DAY_KK,
  ISSUE_INVALID_MONTH,
  ISSUE_INVALID_DATE,
  ISSUE_FUTURE_BIRTH_DATE,
  ISSUE_FUTURE_ISSUE_DATE,
  ISSUE_SERIAL_ZERO,
  ISSUE_REGION_UNKNOWN,
  ISSUE_REGION_RETIRED,
  ISSUE_REGION_RENAMED,
  ISSUE_CENTURY_AMBIGUOUS,
  ISSUE_OUTSIDE_PEKANBARU_NIK,
  ISSUE_OUTSIDE_PEKANBARU_KK,
} IssueId;

/* One table so that the English msgid and the fixed Indonesian text (used
 * by the CLI's JSON whatever the locale) never drift apart.  Both formats
 * take the same arguments, listed in the comment of each row. */
static const struct
{
  const char       *code;
  PdwIssueSeverity  severity;
  const char       *english;
  const char       *indonesian;
} issues[] = {
  /* guint: number of digits */
  [ISSUE_INVALID_LENGTH] = { "invalid_length", PDW_ISSUE_ERROR,
    N_("The number must have 16 digits, not %u."),
    "Nomor harus 16 angka, bukan %u." },
  [ISSUE_NOT_DIGITS] = { "not_digits", PDW_ISSUE_ERROR,
    N_("The number may only contain digits."),
    "Nomor hanya boleh berisi angka." },
  [ISSUE_NPWP] = { "npwp", PDW_ISSUE_ERROR,
    N_("A 16-digit number starting with 0 is an NPWP, not a NIK or family card number."),
    "Nomor 16 angka yang diawali 0 adalah NPWP, bukan NIK atau nomor KK." },
  /* string: two-digit code */
  [ISSUE_UNKNOWN_PROVINCE] = { "unknown_province", PDW_ISSUE_ERROR,
    N_("Province code %s does not exist."),
    "Kode provinsi %s tidak ada." },
  [ISSUE_INVALID_REGENCY] = { "invalid_regency", PDW_ISSUE_ERROR,
    N_("The regency/city code cannot be 00."),
    "Kode kabupaten/kota tidak boleh 00." },
  [ISSUE_INVALID_DISTRICT] = { "invalid_district", PDW_ISSUE_ERROR,
    N_("The district (kecamatan) code cannot be 00."),
    "Kode kecamatan tidak boleh 00." },
  /* string: the two digits */
  [ISSUE_INVALID_DAY_NIK] = { "invalid_day", PDW_ISSUE_ERROR,
    N_("Day %s is impossible: it must be 01–31 for men or 41–71 for women."),
    "Tanggal %s tidak mungkin: harus 01–31 untuk laki-laki atau 41–71 untuk perempuan." },
  [ISSUE_INVALID_DAY_KK] = { "invalid_day", PDW_ISSUE_ERROR,
    N_("Day %s is impossible: it must be 01–31."),
    "Tanggal %s tidak mungkin: harus 01–31." },
  [ISSUE_INVALID_MONTH] = { "invalid_month", PDW_ISSUE_ERROR,
    N_("Month %s is impossible: it must be 01–12."),
    "Bulan %s tidak mungkin: harus 01–12." },
  /* string: DD-MM-YY */
  [ISSUE_INVALID_DATE] = { "invalid_date", PDW_ISSUE_ERROR,
    N_("The date %s does not exist."),
    "Tanggal %s tidak ada di kalender." },
  /* string: DD-MM-YYYY */
  [ISSUE_FUTURE_BIRTH_DATE] = { "future_date", PDW_ISSUE_ERROR,
    N_("The birth date %s is in the future."),
    "Tanggal lahir %s belum terjadi." },
  [ISSUE_FUTURE_ISSUE_DATE] = { "future_date", PDW_ISSUE_ERROR,
    N_("The issue date %s is in the future."),
    "Tanggal penerbitan %s belum terjadi." },
  [ISSUE_SERIAL_ZERO] = { "serial_zero", PDW_ISSUE_ERROR,
    N_("Serial number 0000 is never issued."),
    "Nomor urut 0000 tidak pernah diterbitkan." },
  /* string: six-digit code */
  [ISSUE_REGION_UNKNOWN] = { "region_unknown", PDW_ISSUE_WARNING,
    N_("District code %s is not in the region list: unknown or no longer valid."),
    "Kode wilayah %s tidak dikenal atau sudah tidak berlaku." },
  /* strings: six-digit code, old kecamatan name */
  [ISSUE_REGION_RETIRED] = { "region_retired", PDW_ISSUE_WARNING,
    N_("District code %s (%s) is no longer in use; numbers issued before the change remain valid."),
    "Kode wilayah %s (%s) sudah tidak berlaku; nomor yang terbit sebelum perubahan tetap sah." },
  /* strings: six-digit code, current name, former name */
  [ISSUE_REGION_RENAMED] = { "region_renamed", PDW_ISSUE_WARNING,
    N_("District %s is now called %s (formerly %s)."),
    "Kecamatan %s kini bernama %s (dulu: %s)." },
  /* ints: the year read, the other possible year */
  [ISSUE_CENTURY_AMBIGUOUS] = { "century_ambiguous", PDW_ISSUE_WARNING,
    N_("The birth year could be %d or %d: check the full birth date."),
    "Tahun lahir bisa %d atau %d: periksa tanggal lahir lengkap." },
  /* string: regency name or code */
  [ISSUE_OUTSIDE_PEKANBARU_NIK] = { "outside_pekanbaru", PDW_ISSUE_WARNING,
    N_("The NIK was first registered outside Kota Pekanbaru (%s)."),
    "NIK pertama kali terdaftar di luar Kota Pekanbaru (%s)." },
  [ISSUE_OUTSIDE_PEKANBARU_KK] = { "outside_pekanbaru", PDW_ISSUE_WARNING,
    N_("The family card was issued outside Kota Pekanbaru (%s)."),
    "KK diterbitkan di luar Kota Pekanbaru (%s)." },
};

static void
issue_free (gpointer data)
{
  PdwIdentityIssue *issue = data;

  g_free (issue->message);
  g_free (issue->message_id);
  g_free (issue);
}

static void
add_issue (PdwIdentityResult *result,
           IssueId            id,
           ...)
{
  PdwIdentityIssue *issue = g_new0 (PdwIdentityIssue, 1);
  va_list args;

  issue->severity = issues[id].severity;
  issue->code = issues[id].code;

  va_start (args, id);
  issue->message = g_strdup_vprintf (_(issues[id].english), args);
  va_end (args);

  va_start (args, id);
  issue->message_id = g_strdup_vprintf (issues[id].indonesian, args);
  va_end (args);

  if (issue->severity == PDW_ISSUE_ERROR)
    g_ptr_array_add (result->errors, issue);
  else
    g_ptr_array_add (result->warnings, issue);
}

void
pdw_identity_today_wib (GDate *date)
{
  g_autoptr(GTimeZone) tz = pdw_time_zone_new_wib ();
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

static gboolean
date_for (guint  day,
          guint  month,
          guint  year,
          GDate *date)
{
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

gboolean
pdw_identity_resolve_century (guint        day,
                              guint        month,
                              guint        yy,
                              const GDate *today,
                              GDate       *date)
{
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (yy > 99)
    return FALSE;

  if (date_for (day, month, 2000 + yy, date) && g_date_compare (date, today) <= 0)
    return TRUE;

  if (date_for (day, month, 1900 + yy, date) && g_date_compare (date, today) <= 0)
    return TRUE;

  g_date_clear (date, 1);

  return FALSE;
}

/* Keeps the digits of @input in @digits (at most 16 kept, all counted), skipping
 * the separators people type inside numbers.  FALSE when anything else is there. */
static gboolean
collect_digits (const char *input,
                char        digits[17],
                guint      *n_digits)
{
  g_autofree char *clean = pdw_text_normalize (input, -1);
  gboolean only_digits = TRUE;

  *n_digits = 0;
  memset (digits, 0, 17);

  for (const char *p = clean; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (*n_digits < 16)
            digits[*n_digits] = *p;
          (*n_digits)++;
        }
      else if (*p != ' ' && *p != '.' && *p != '-' && *p != '/' && *p != '\n')
        {
          only_digits = FALSE;
        }
    }

  return only_digits;
}

static guint
two_digits (const char *p)
{
  return (guint) (p[0] - '0') * 10 + (guint) (p[1] - '0');
}

static void
decode_region (PdwIdentityResult *result)
{
  const char *digits = result->digits;
  const char *province = pdw_region_province_name (digits);
  const PdwRegion *region;
  char code2[3] = { digits[0], digits[1], 0 };
  gboolean region_ok = TRUE;

  if (province == NULL)
    {
      add_issue (result, ISSUE_UNKNOWN_PROVINCE, code2);
      region_ok = FALSE;
    }
  if (digits[2] == '0' && digits[3] == '0')
    {
      add_issue (result, ISSUE_INVALID_REGENCY);
      region_ok = FALSE;
    }
  if (digits[4] == '0' && digits[5] == '0')
    {
      add_issue (result, ISSUE_INVALID_DISTRICT);
      region_ok = FALSE;
    }

  memcpy (result->district_code, digits, 6);
  result->district_code[6] = '\0';

  if (!region_ok)
    return;

  region = pdw_region_lookup (digits);
  if (region != NULL)
    {
      result->province = g_strdup (region->province);
      result->regency = g_strdup (region->regency);
      result->district = g_strdup (region->name);
      result->district_former = g_strdup (region->former_name);

      if (region->retired)
        add_issue (result, ISSUE_REGION_RETIRED, result->district_code, region->name);
      if (region->former_name != NULL)
        add_issue (result, ISSUE_REGION_RENAMED, result->district_code,
                   region->name, region->former_name);
    }
  else
    {
      result->province = g_strdup (province);
      result->regency = g_strdup (pdw_region_regency_name (digits));
      add_issue (result, ISSUE_REGION_UNKNOWN, result->district_code);
    }

  if (strncmp (digits, PEKANBARU_CODE, 4) != 0)
    {
      char code4[5] = { digits[0], digits[1], digits[2], digits[3], 0 };
      const char *where = result->regency != NULL ? result->regency : code4;

      add_issue (result,
                 result->kind == PDW_IDENTITY_NIK ? ISSUE_OUTSIDE_PEKANBARU_NIK
                                                  : ISSUE_OUTSIDE_PEKANBARU_KK,
                 where);
    }
}

static void
warn_if_century_ambiguous (PdwIdentityResult *result,
                           guint              day,
                           guint              month,
                           guint              yy,
                           const GDate       *today)
{
  GDate older;
  int age;

  if (g_date_get_year (&result->date) < 2000)
    return;

  if (!date_for (day, month, 1900 + yy, &older))
    return;

  age = (int) g_date_get_year (today) - (int) g_date_get_year (&older);
  if (g_date_get_month (today) < g_date_get_month (&older) ||
      (g_date_get_month (today) == g_date_get_month (&older) &&
       g_date_get_day (today) < g_date_get_day (&older)))
    age--;

  if (age <= CENTURY_AMBIGUITY_MAX_AGE)
    add_issue (result, ISSUE_CENTURY_AMBIGUOUS, (int) (2000 + yy), (int) (1900 + yy));
}

static void
decode_birth_date (PdwIdentityResult *result,
                   const GDate       *today)
{
  const char *digits = result->digits;
  guint dd = two_digits (digits + 6);
  guint mm = two_digits (digits + 8);
  guint yy = two_digits (digits + 10);
  guint day = 0;
  gboolean date_ok = TRUE;
  char text[3] = { 0 };

  if (dd >= 41 && dd <= 71)
    {
      result->sex = 'P';
      day = dd - 40;
    }
  else if (dd >= 1 && dd <= 31)
    {
      result->sex = 'L';
      day = dd;
    }
  else
    {
      memcpy (text, digits + 6, 2);
      add_issue (result, ISSUE_INVALID_DAY_NIK, text);
      date_ok = FALSE;
    }

  if (mm < 1 || mm > 12)
    {
      memcpy (text, digits + 8, 2);
      add_issue (result, ISSUE_INVALID_MONTH, text);
      date_ok = FALSE;
    }

  if (!date_ok)
    return;

  if (pdw_identity_resolve_century (day, mm, yy, today, &result->date))
    {
      warn_if_century_ambiguous (result, day, mm, yy, today);
    }
  else if (g_date_valid_dmy ((GDateDay) day, (GDateMonth) mm, (GDateYear) (1900 + yy)) ||
           g_date_valid_dmy ((GDateDay) day, (GDateMonth) mm, (GDateYear) (2000 + yy)))
    {
      /* Only reachable with a reference date before the 1900s reading. */
      g_autofree char *shown = g_strdup_printf ("%02u-%02u-%04u", day, mm, 1900 + yy);

      add_issue (result, ISSUE_FUTURE_BIRTH_DATE, shown);
    }
  else
    {
      g_autofree char *shown = g_strdup_printf ("%02u-%02u-%02u", day, mm, yy);

      add_issue (result, ISSUE_INVALID_DATE, shown);
    }
}

/* A KK date is when the card was issued, so it cannot be after today.
 * Years up to this year are read as 20YY (a date later this year is an
 * error, not a card from last century); later years as 19YY. */
static void
decode_issue_date (PdwIdentityResult *result,
                   const GDate       *today)
{
  const char *digits = result->digits;
  guint dd = two_digits (digits + 6);
  guint mm = two_digits (digits + 8);
  guint yy = two_digits (digits + 10);
  guint year;
  gboolean date_ok = TRUE;
  char text[3] = { 0 };

  if (dd < 1 || dd > 31)
    {
      memcpy (text, digits + 6, 2);
      add_issue (result, ISSUE_INVALID_DAY_KK, text);
      date_ok = FALSE;
    }

  if (mm < 1 || mm > 12)
    {
      memcpy (text, digits + 8, 2);
      add_issue (result, ISSUE_INVALID_MONTH, text);
      date_ok = FALSE;
    }

  if (!date_ok)
    return;

  year = 2000 + yy;
  if (year > g_date_get_year (today))
    year = 1900 + yy;

  if (!date_for (dd, mm, year, &result->date))
    {
      g_autofree char *shown = g_strdup_printf ("%02u-%02u-%02u", dd, mm, yy);

      add_issue (result, ISSUE_INVALID_DATE, shown);
    }
  else if (g_date_compare (&result->date, today) > 0)
    {
      g_autofree char *shown = g_strdup_printf ("%02u-%02u-%04u", dd, mm, year);

      g_date_clear (&result->date, 1);
      add_issue (result, ISSUE_FUTURE_ISSUE_DATE, shown);
    }
}

PdwIdentityResult *
pdw_identity_parse (PdwIdentityKind  kind,
                    const char      *input,
                    const GDate     *today)
{
  PdwIdentityResult *result;
  GDate reference;
  guint n_digits = 0;

  g_return_val_if_fail (kind == PDW_IDENTITY_NIK || kind == PDW_IDENTITY_KK, NULL);
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);

  result = g_new0 (PdwIdentityResult, 1);
  result->kind = kind;
  result->errors = g_ptr_array_new_with_free_func (issue_free);
  result->warnings = g_ptr_array_new_with_free_func (issue_free);
  g_date_clear (&result->date, 1);

  if (today != NULL)
    reference = *today;
  else
    pdw_identity_today_wib (&reference);

  if (!collect_digits (input, result->digits, &n_digits))
    {
      memset (result->digits, 0, sizeof result->digits);
      add_issue (result, ISSUE_NOT_DIGITS);
      return result;
    }

  if (n_digits != 16)
    {
      memset (result->digits, 0, sizeof result->digits);
      add_issue (result, ISSUE_INVALID_LENGTH, n_digits);
      return result;
    }

  if (result->digits[0] == '0')
    {
      add_issue (result, ISSUE_NPWP);
      return result;
    }

  decode_region (result);

  if (kind == PDW_IDENTITY_NIK)
    decode_birth_date (result, &reference);
  else
    decode_issue_date (result, &reference);

  memcpy (result->serial, result->digits + 12, 4);
  result->serial[4] = '\0';
  if (strcmp (result->serial, "0000") == 0)
    add_issue (result, ISSUE_SERIAL_ZERO);

  result->valid = result->errors->len == 0;

  return result;
}

void
pdw_identity_result_free (PdwIdentityResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->errors, g_ptr_array_unref);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_free (result->province);
  g_free (result->regency);
  g_free (result->district);
  g_free (result->district_former);
  g_free (result);
}

char *
pdw_identity_mask (const char *number)
{
  g_autofree char *clean = NULL;
  char digits[17];
  guint n_digits = 0;
  guint n_chars = 0;

  g_return_val_if_fail (number != NULL, NULL);

  if (collect_digits (number, digits, &n_digits) && n_digits == 16)
    return g_strdup_printf ("%.4s********%.4s", digits, digits + 12);

  /* Not a clean 16-digit number: show nothing of it, only its length. */
  clean = pdw_text_normalize (number, -1);
  for (const char *p = clean; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        n_chars++;
    }

  return g_strnfill (n_chars, '*');
}

static gboolean
is_number_separator (char c)
{
  return c == ' ' || c == '.' || c == '-';
}

char *
pdw_identity_mask_in_text (const char *text)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  p = text;
  while (*p != '\0')
    {
      const char *end = p;
      char digits[17] = { 0 };
      guint n_digits = 0;

      if (!g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p++);
          continue;
        }

      /* The run: digits, with one separator allowed between two of them. */
      for (const char *q = p; *q != '\0'; q++)
        {
          if (g_ascii_isdigit (*q))
            {
              if (n_digits < 16)
                digits[n_digits] = *q;
              n_digits++;
              end = q + 1;
            }
          else if (!is_number_separator (*q) || !g_ascii_isdigit (q[1]))
            break;
        }

      if (n_digits == 16)
        g_string_append_printf (out, "%.4s********%.4s", digits, digits + 12);
      else
        for (const char *q = p; q < end; q++)
          g_string_append_c (out, n_digits > 16 && g_ascii_isdigit (*q) ? '*' : *q);
      p = end;
    }

  return g_string_free (out, FALSE);
}
