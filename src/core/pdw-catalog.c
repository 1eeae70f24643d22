/* pdw-catalog.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pdw-catalog.h"

static const PdwCatalogItem complaint_types[] = {
  { "nik_tidak_aktif",   N_("NIK inactive / not registered"), "NIK tidak aktif / belum terdaftar" },
  { "data_ganda",        N_("Duplicate record"), "Data ganda" },
  { "data_tidak_sesuai", N_("Data mismatch / data correction"), "Data tidak sesuai / perbaikan data" },
  { "sinkronisasi",      N_("Synchronisation / consolidation"), "Sinkronisasi / konsolidasi" },
  { "lainnya",           N_("Other"), "Lainnya" },
};

static const PdwCatalogItem institutions[] = {
  { "bank",                 N_("Bank"), "Bank" },
  { "bpjs_kesehatan",       N_("BPJS Kesehatan"), "BPJS Kesehatan" },
  { "bpjs_ketenagakerjaan", N_("BPJS Ketenagakerjaan"), "BPJS Ketenagakerjaan" },
  { "faskes",               N_("Health facility"), "Fasilitas kesehatan" },
  { "operator_seluler",     N_("Mobile operator (SIM registration)"), "Operator seluler (registrasi kartu SIM)" },
  { "sekolah",              N_("School"), "Sekolah" },
  { "pajak",                N_("Tax office"), "Kantor pajak" },
  { "lainnya",              N_("Other"), "Lainnya" },
};

/* The divisions of a Disdukcapil (Permendagri 14/2020 structure); division
 * names are proper names, so they are not translated. */
static const PdwCatalogItem divisions[] = {
  { "bidang_pdip", "Bidang PDIP", "Bidang PDIP" },
  { "bidang_dafduk", "Bidang Pendaftaran Penduduk", "Bidang Pendaftaran Penduduk" },
  { "bidang_capil", "Bidang Pencatatan Sipil", "Bidang Pencatatan Sipil" },
  { "bidang_piak", "Bidang PIAK", "Bidang PIAK" },
  { "sekretariat", "Sekretariat", "Sekretariat" },
};

static const char * const kind_names[] = { "complaint_type", "institution", "division" };
static const char * const role_names[] = { "fo", "adb", "head" };
static const char * const role_labels[] = {
  N_("Front office"), N_("Database administrator (ADB)"), N_("Head"),
};

const char *
pdw_catalog_kind_to_string (PdwCatalogKind kind)
{
  g_return_val_if_fail ((guint) kind < PDW_CATALOG_N_KINDS, NULL);

  return kind_names[kind];
}

static gboolean
index_of_name (const char * const *names,
               guint               n_names,
               const char         *str,
               guint              *index)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], str) == 0)
      {
        *index = i;
        return TRUE;
      }

  return FALSE;
}

gboolean
pdw_catalog_kind_from_string (const char     *str,
                              PdwCatalogKind *kind)
{
  guint index;

  if (!index_of_name (kind_names, G_N_ELEMENTS (kind_names), str, &index))
    return FALSE;

  *kind = (PdwCatalogKind) index;
  return TRUE;
}

const PdwCatalogItem *
pdw_catalog_get_defaults (PdwCatalogKind  kind,
                          gsize          *n_items)
{
  g_return_val_if_fail (n_items != NULL, NULL);

  switch (kind)
    {
    case PDW_CATALOG_COMPLAINT_TYPE:
      *n_items = G_N_ELEMENTS (complaint_types);
      return complaint_types;
    case PDW_CATALOG_INSTITUTION:
      *n_items = G_N_ELEMENTS (institutions);
      return institutions;
    case PDW_CATALOG_DIVISION:
      *n_items = G_N_ELEMENTS (divisions);
      return divisions;
    default:
      g_return_val_if_reached (NULL);
    }
}

static const PdwCatalogItem *
find_default (PdwCatalogKind  kind,
              const char     *code)
{
  const PdwCatalogItem *items;
  gsize n_items = 0;

  items = pdw_catalog_get_defaults (kind, &n_items);
  for (gsize i = 0; i < n_items; i++)
    if (g_strcmp0 (items[i].code, code) == 0)
      return &items[i];

  return NULL;
}

const char *
pdw_catalog_get_default_label (PdwCatalogKind  kind,
                               const char     *code)
{
  const PdwCatalogItem *item = find_default (kind, code);

  if (item == NULL)
    return NULL;

  return kind == PDW_CATALOG_DIVISION ? item->label : _(item->label);
}

const char *
pdw_catalog_get_default_label_id (PdwCatalogKind  kind,
                                  const char     *code)
{
  const PdwCatalogItem *item = find_default (kind, code);

  return item != NULL ? item->label_id : NULL;
}

char *
pdw_catalog_code_from_label (const char *label)
{
  g_autofree char *ascii = NULL;
  GString *code = g_string_new (NULL);
  gboolean pending_separator = FALSE;

  /* Transliterate so that "Ç" becomes "C" rather than vanishing. */
  ascii = g_str_to_ascii (label != NULL ? label : "", "C");
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (pending_separator && code->len > 0)
            g_string_append_c (code, '_');
          g_string_append_c (code, g_ascii_tolower (*p));
          pending_separator = FALSE;
        }
      else
        pending_separator = TRUE;
    }

  if (code->len == 0)
    g_string_append (code, "entry");

  return g_string_free (code, FALSE);
}

const char *
pdw_officer_role_to_string (PdwOfficerRole role)
{
  g_return_val_if_fail ((guint) role < PDW_OFFICER_N_ROLES, NULL);

  return role_names[role];
}

gboolean
pdw_officer_role_from_string (const char     *str,
                              PdwOfficerRole *role)
{
  guint index;

  if (!index_of_name (role_names, G_N_ELEMENTS (role_names), str, &index))
    return FALSE;

  *role = (PdwOfficerRole) index;
  return TRUE;
}

const char *
pdw_officer_role_get_label (PdwOfficerRole role)
{
  g_return_val_if_fail ((guint) role < PDW_OFFICER_N_ROLES, NULL);

  return _(role_labels[role]);
}

char *
pdw_officer_initials_from_name (const char *name)
{
  g_autofree char *before_titles = NULL;
  g_auto(GStrv) words = NULL;
  GString *initials = g_string_new (NULL);
  const char *comma;

  if (name == NULL)
    return g_string_free (initials, FALSE);

  /* Degrees follow a comma in Indonesian names ("…, S.Kom, M.Si"). */
  comma = strchr (name, ',');
  before_titles = comma != NULL ? g_strndup (name, comma - name) : g_strdup (name);
  words = g_strsplit_set (before_titles, " \t", -1);

  for (guint i = 0; words[i] != NULL && g_utf8_strlen (initials->str, -1) < 3; i++)
    {
      gunichar c = g_utf8_get_char_validated (words[i], -1);

      if (words[i][0] == '\0' || c == (gunichar) -1 || c == (gunichar) -2 || !g_unichar_isalpha (c))
        continue;
      g_string_append_unichar (initials, g_unichar_toupper (c));
    }

  return g_string_free (initials, FALSE);
}
