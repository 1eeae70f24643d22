/* pdw-simulator-cast.c: who plays the simulator's script: its own nine
 * citizens, or synthetic people in their place, writing the same texts
 * with their own names and numbers.
 *
 * The citizens' texts are data, written as people type on WhatsApp, and
 * are not translated.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-simulator-private.h"
#include "pdw-synthetic.h"

const PdwSimulatorCitizen _pdw_simulator_citizens[PDW_SIMULATOR_N_CITIZENS] = {
  { "Rahmat Hidayat",  "6280000001001", "terima kasih pak", "4", "1471011508859001", NULL, FALSE },
  { "Siti Aminah",     "6280000001002", "makasih bu 🙏", "4️⃣", "1471056203929002", "1471052001159012", TRUE },
  { "Budi Santoso",    "6280000001003", "terima kasih pak", NULL, "1471081207789003", "1471080503109013", FALSE },
  { "Nurhayati",       "6280000001004", "oke bu terimakasih", "3", "1471074408959004", NULL, TRUE },
  { "Andi Pratama",    "6280000001005", "siap min makasih", NULL, "1471092306909005", "1471090101129015", FALSE },
  { "Dewi Lestari",    "6280000001006", "terima kasih pak", "4.", "1471126112879007", NULL, TRUE },
  { "Joko Susilo",     "6280000001007", NULL, "2", "1471101103809006", NULL, FALSE },
  { "Fitri Handayani", "6280000001008", "alhamdulillah, terima kasih", "4", NULL, "1471110402189016", TRUE },
  { "Yusuf Maulana",   "6280000001009", "terima kasih pak", NULL, "1471152808009008", NULL, FALSE },
};

/* "1471092306909005" as some citizens type it: "1471 0923 0690 9005". */
static char *
spaced (const char *number)
{
  return g_strdup_printf ("%.4s %.4s %.4s %.4s", number, number + 4, number + 8, number + 12);
}

static void
replace_all (GString    *text,
             const char *from,
             const char *to)
{
  if (from != NULL && *from != '\0')
    g_string_replace (text, from, to, 0);
}

/* @text as @person, in the place of @original, writes it. */
char *
_pdw_simulator_personalize (const char                *text,
                            const PdwSimulatorCitizen *original,
                            const PdwSimulatorCitizen *person)
{
  GString *out = g_string_new (text);
  g_autofree char *old_lower = g_utf8_strdown (original->name, -1);
  g_autofree char *new_lower = g_utf8_strdown (person->name, -1);
  g_autofree char *old_first = g_strndup (original->name, strcspn (original->name, " "));
  g_autofree char *new_first = g_strndup (person->name, strcspn (person->name, " "));

  replace_all (out, original->name, person->name);
  replace_all (out, old_lower, new_lower);
  replace_all (out, old_first, new_first);
  if (original->nik != NULL)
    {
      g_autofree char *old_spaced = spaced (original->nik);
      g_autofree char *new_spaced = spaced (person->nik);

      replace_all (out, original->nik, person->nik);
      replace_all (out, old_spaced, new_spaced);
    }
  if (original->kk != NULL)
    replace_all (out, original->kk, person->kk);

  return g_string_free (out, FALSE);
}

static const char *
keep (GPtrArray *strings,
      char      *text)
{
  g_ptr_array_add (strings, text);
  return text;
}

void
_pdw_simulator_cast_draw (guint32              seed,
                          PdwSimulatorCitizen  cast[PDW_SIMULATOR_N_CITIZENS],
                          GPtrArray           *strings)
{
  PdwSynthetic *synthetic = pdw_synthetic_new (seed);

  for (guint i = 0; i < PDW_SIMULATOR_N_CITIZENS; i++)
    {
      PdwSimulatorCitizen *person = &cast[i];
      PdwSyntheticPerson *synth = pdw_synthetic_person_new (synthetic, NULL, i);
      g_autofree char *name = pdw_synthetic_name (synthetic, _pdw_simulator_citizens[i].female);

      person->name = keep (strings, g_strdup (name));
      person->wa_id = keep (strings, g_strdup (synth->phone));
      person->nik = keep (strings, g_strdup (synth->nik));
      person->kk = keep (strings, g_strdup (synth->kk));
      pdw_synthetic_person_free (synth);
    }
  pdw_synthetic_free (synthetic);
}
