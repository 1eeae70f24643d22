/* pdw-format.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-format.h"

typedef struct
{
  const char *code;
  const char *label;
} Choice;

static const Choice complaint_types[] = {
  { "nik_tidak_aktif",   N_("NIK inactive / not registered") },
  { "data_ganda",        N_("Duplicate record") },
  { "data_tidak_sesuai", N_("Data mismatch / data correction") },
  { "sinkronisasi",      N_("Synchronisation / consolidation") },
  { "lainnya",           N_("Other") },
};

static const Choice institutions[] = {
  { "bank",                 N_("Bank") },
  { "bpjs_kesehatan",       N_("BPJS Kesehatan") },
  { "bpjs_ketenagakerjaan", N_("BPJS Ketenagakerjaan") },
  { "faskes",               N_("Health facility") },
  { "operator_seluler",     N_("Mobile operator (SIM registration)") },
  { "sekolah",              N_("School") },
  { "pajak",                N_("Tax office") },
  { "lainnya",              N_("Other") },
};

GTimeZone *
pdw_format_dup_wib_zone (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Asia/Jakarta");

  /* Without tzdata the identifier is unknown; WIB has had no DST since 1964. */
  if (tz == NULL)
    tz = g_time_zone_new_offset (7 * 3600);

  return tz;
}

static GDateTime *
wib_from_unix (gint64 unix_time)
{
  g_autoptr(GTimeZone) tz = pdw_format_dup_wib_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  if (utc == NULL)
    return NULL;

  return g_date_time_to_timezone (utc, tz);
}

char *
pdw_format_list_time (gint64 unix_time,
                      gint64 now)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) yesterday = NULL;
  int y, m, d;

  if (unix_time <= 0)
    return g_strdup ("");

  when = wib_from_unix (unix_time);
  today = wib_from_unix (now > 0 ? now : g_get_real_time () / G_USEC_PER_SEC);
  if (when == NULL || today == NULL)
    return g_strdup ("");

  g_date_time_get_ymd (when, &y, &m, &d);
  if (y == g_date_time_get_year (today) &&
      m == g_date_time_get_month (today) &&
      d == g_date_time_get_day_of_month (today))
    return g_date_time_format (when, "%H:%M");

  yesterday = g_date_time_add_days (today, -1);
  if (y == g_date_time_get_year (yesterday) &&
      m == g_date_time_get_month (yesterday) &&
      d == g_date_time_get_day_of_month (yesterday))
    return g_strdup (_("Yesterday"));

  return g_date_time_format (when, "%d/%m");
}

char *
pdw_format_clock (gint64 unix_time)
{
  g_autoptr(GDateTime) when = wib_from_unix (unix_time);

  return when != NULL ? g_date_time_format (when, "%H:%M") : g_strdup ("");
}

char *
pdw_format_date_time (gint64 unix_time)
{
  g_autoptr(GDateTime) when = wib_from_unix (unix_time);

  return when != NULL ? g_date_time_format (when, "%d/%m/%Y %H:%M") : g_strdup ("");
}

static const char * const *
codes_of (const Choice *choices,
          guint         n_choices,
          const char  **storage)
{
  if (storage[0] == NULL)
    {
      for (guint i = 0; i < n_choices; i++)
        storage[i] = choices[i].code;
    }

  return storage;
}

const char * const *
pdw_format_complaint_type_codes (void)
{
  static const char *codes[G_N_ELEMENTS (complaint_types) + 1];

  return codes_of (complaint_types, G_N_ELEMENTS (complaint_types), codes);
}

const char * const *
pdw_format_institution_codes (void)
{
  static const char *codes[G_N_ELEMENTS (institutions) + 1];

  return codes_of (institutions, G_N_ELEMENTS (institutions), codes);
}

static const char *
label_of (const Choice *choices,
          guint         n_choices,
          const char   *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < n_choices; i++)
    {
      if (g_strcmp0 (choices[i].code, code) == 0)
        return _(choices[i].label);
    }

  /* Written by another tool or an older version: show it as it is. */
  return code;
}

const char *
pdw_format_complaint_type_label (const char *code)
{
  return label_of (complaint_types, G_N_ELEMENTS (complaint_types), code);
}

const char *
pdw_format_institution_label (const char *code)
{
  return label_of (institutions, G_N_ELEMENTS (institutions), code);
}
