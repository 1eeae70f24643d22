/* pdw-consolidation-table.c: the consolidation list as a table: the text
 * every file of it carries, and the rows read back from one.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-consolidation-private.h"
#include "pdw-export-private.h"

/* The list is read by ADB officers working in SIAK, in Indonesian whatever
 * language the desk itself runs in: the file's own text is fixed, not
 * translated.  Only messages to the user of PANDAWA are. */
const char _pdw_consolidation_warning[] =
  "RAHASIA: berisi NIK dan No. KK lengkap, hanya untuk petugas ADB. Jangan dibagikan atau disimpan di tempat umum.";

const char * const _pdw_consolidation_column_titles[N_COLUMNS] = {
  "No", "Tiket", "Tanggal masuk daftar (WIB)", "Nama", "NIK", "No. KK", "No. HP",
  "Jenis pengaduan", "Instansi", "Status", "Hasil", "Catatan",
};

void
_pdw_consolidation_record_free (gpointer data)
{
  Record *record = data;

  g_ptr_array_unref (record->cells);
  g_free (record);
}

Record *
_pdw_consolidation_record_new (guint number)
{
  Record *record = g_new0 (Record, 1);

  record->number = number;
  record->cells = g_ptr_array_new_with_free_func (g_free);
  return record;
}

/* The cell in @column; "" when the row is shorter or the cell empty. */
const char *
_pdw_consolidation_record_get (const Record *record,
                               int           column)
{
  const char *value;

  if (column < 0 || (guint) column >= record->cells->len)
    return "";

  value = g_ptr_array_index (record->cells, column);
  return value != NULL ? value : "";
}

/* Takes @value; the row grows to hold @column. */
void
_pdw_consolidation_record_set (Record *record,
                               guint   column,
                               char   *value)
{
  if (column >= record->cells->len)
    g_ptr_array_set_size (record->cells, column + 1);

  g_free (g_ptr_array_index (record->cells, column));
  g_ptr_array_index (record->cells, column) = value;
}

gboolean
_pdw_consolidation_record_is_blank (const Record *record)
{
  for (guint i = 0; i < record->cells->len; i++)
    {
      const char *value = g_ptr_array_index (record->cells, i);

      for (const char *p = value; p != NULL && *p != '\0'; p++)
        {
          if (!g_ascii_isspace (*p))
            return FALSE;
        }
    }

  return TRUE;
}

char *
_pdw_export_dup_phone (const char *phone)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  if (phone == NULL)
    return g_strdup ("");

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (!(*p == '+' && p == phone) && strchr (" -.()", *p) == NULL)
        return g_strdup (phone);  /* not a number: left as written */
    }

  if (digits->len < 8)
    return g_strdup (phone);
  if (g_str_has_prefix (digits->str, "62"))
    return g_strconcat ("+", digits->str, NULL);
  if (digits->str[0] == '0')
    return g_strconcat ("+62", digits->str + 1, NULL);
  return g_strdup (phone);
}
