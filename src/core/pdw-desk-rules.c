/* pdw-desk-rules.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-desk-rules.h"
#include "pdw-extract.h"
#include "pdw-identity.h"

/* A cheap test before the extractor runs on every inbound text: a NIK
 * needs 16 digits. */
static gboolean
may_carry_nik (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) && ++digits >= 16)
      return TRUE;

  return FALSE;
}

gboolean
pdw_desk_rules_find_complaint_to_link (const char                    *text,
                                       const PdwDeskComplaintLookup  *lookup,
                                       gpointer                       user_data,
                                       gint64                        *complaint_id,
                                       GError                       **error)
{
  g_autoptr(GPtrArray) people = NULL;
  gint64 current = 0;

  g_return_val_if_fail (lookup != NULL, FALSE);
  g_return_val_if_fail (complaint_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *complaint_id = 0;
  if (text == NULL || !may_carry_nik (text))
    return TRUE;

  if (!lookup->find_conversation_complaint (user_data, &current, error))
    return FALSE;

  if (current != 0)
    return TRUE;

  people = pdw_extract_people (text);
  for (guint i = 0; i < people->len; i++)
    {
      PdwExtractedPerson *person = g_ptr_array_index (people, i);
      g_autoptr(PdwIdentityResult) nik = NULL;
      gint64 found = 0;

      if (person->nik == NULL)
        continue;

      nik = pdw_identity_parse (PDW_IDENTITY_NIK, person->nik, NULL);
      if (!nik->valid)
        continue;

      if (!lookup->find_complaint_by_nik (user_data, nik->digits, &found, error))
        return FALSE;

      if (found != 0)
        {
          *complaint_id = found;
          return TRUE;
        }
    }

  return TRUE;
}
