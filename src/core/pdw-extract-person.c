/* pdw-extract-person.c: the people a message talks about, from the fields
 * found in it in the order they stand.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-extract.h"
#include "pdw-extract-private.h"

void
pdw_extracted_person_free (PdwExtractedPerson *person)
{
  if (person == NULL)
    return;

  g_free (person->name);
  g_free (person->nik);
  g_free (person->kk);
  g_free (person->birth_date);
  g_free (person->phone);
  g_free (person);
}

static char **
person_field (PdwExtractedPerson *person,
              EventKind           kind)
{
  switch (kind)
    {
    case EV_NAME:
      return &person->name;
    case EV_NIK:
      return &person->nik;
    case EV_KK:
      return &person->kk;
    case EV_BIRTH:
      return &person->birth_date;
    case EV_PHONE:
      return &person->phone;
    case EV_NEW_RECORD:
    default:
      return NULL;
    }
}

static gboolean
person_is_empty (const PdwExtractedPerson *person)
{
  return person->name == NULL && person->nik == NULL && person->kk == NULL &&
         person->birth_date == NULL && person->phone == NULL;
}

static void
finish_person (GPtrArray           *people,
               PdwExtractedPerson **current)
{
  if (*current == NULL)
    return;

  if (person_is_empty (*current))
    pdw_extracted_person_free (*current);
  else
    g_ptr_array_add (people, *current);

  *current = NULL;
}

/* One person per run of fields; a field seen twice starts the next person.
 * Steals the values of @events. */
GPtrArray *
_pdw_extract_assemble_people (GArray *events)
{
  GPtrArray *people = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_extracted_person_free);
  PdwExtractedPerson *current = NULL;

  for (guint i = 0; i < events->len; i++)
    {
      Event *event = &g_array_index (events, Event, i);
      char **field;

      if (event->kind == EV_NEW_RECORD)
        {
          finish_person (people, &current);
          continue;
        }

      if (current == NULL)
        current = g_new0 (PdwExtractedPerson, 1);

      field = person_field (current, event->kind);
      if (*field != NULL)
        {
          if (strcmp (*field, event->value) == 0)
            continue;
          finish_person (people, &current);
          current = g_new0 (PdwExtractedPerson, 1);
          field = person_field (current, event->kind);
        }
      *field = g_steal_pointer (&event->value);
    }

  finish_person (people, &current);

  return people;
}
