/* bench-identity.c: how fast NIKs are validated and messages read.
 * Prints rates only; nothing here asserts on time.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "core/pdw-extract.h"
#include "core/pdw-identity.h"

#define N_NIKS     1000000
#define N_MESSAGES 100000

static const char * const district_codes[] = {
  "147101", "147106", "147108", "147113", "317101", "910101", "147116", "357801",
};

/* Each message is prefix + NIK + suffix. */
static const char * const templates[][2] = {
  { "Nama: Budi Santoso\nNIK: ", "\nKK: 1471011503220007\nHP: 0800-3456-7890" },
  { "", " nik 1471011503220007 kk" },
  { "#", "#Siti Aminah#1471011503220007#080034567890#KTP hilang mohon dibantu" },
  { "Selamat pagi min, saya mau tanya NIK saya ", " kenapa belum aktif ya? Terima kasih" },
  { "NIK :\r\n", "\r\nTTL: Pekanbaru, 15 Agustus 1990" },
};

static void
make_nik (char   nik[17],
          guint  i)
{
  guint day = 1 + i % 31 + (i % 2 ? 40 : 0);
  guint month = 1 + (i / 31) % 12;

  g_snprintf (nik, 17, "%s%02u%02u%02u%04u", district_codes[i % G_N_ELEMENTS (district_codes)],
              day, month, (i / 7) % 100, 1 + i % 9999);
}

int
main (int   argc,
      char *argv[])
{
  GDate today;
  gint64 start, elapsed;
  guint n_valid = 0;
  guint n_people = 0;
  char nik[17];

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 21, G_DATE_NOVEMBER, 2026);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_NIKS; i++)
    {
      g_autoptr(PdwIdentityResult) result = NULL;

      make_nik (nik, i);
      result = pdw_identity_parse (PDW_IDENTITY_NIK, nik, &today);
      n_valid += result->valid;
    }
  elapsed = MAX (g_get_monotonic_time () - start, 1);
  printf ("NIK validation: %u NIKs in %.3f s = %.0f NIKs/s (%u valid)\n",
          N_NIKS, elapsed / 1e6, N_NIKS / (elapsed / 1e6), n_valid);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_MESSAGES; i++)
    {
      g_autoptr(GPtrArray) people = NULL;
      g_autofree char *message = NULL;

      make_nik (nik, i);
      message = g_strconcat (templates[i % G_N_ELEMENTS (templates)][0], nik,
                             templates[i % G_N_ELEMENTS (templates)][1], NULL);
      people = pdw_extract_people (message);
      n_people += people->len;
    }
  elapsed = MAX (g_get_monotonic_time () - start, 1);
  printf ("Extraction: %u messages in %.3f s = %.0f messages/s (%u people)\n",
          N_MESSAGES, elapsed / 1e6, N_MESSAGES / (elapsed / 1e6), n_people);

  return 0;
}
