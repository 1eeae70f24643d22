/* pdw-catalog.h: the office's lists as shipped: complaint types (jenis
 * pengaduan), institutions where the problem appeared, divisions (bidang)
 * and officer roles.  The store seeds its editable tables from these; a
 * shipped entry keeps its translated label until an officer renames it.
 * Codes are stable ids stored in complaints and events; never reuse one.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PDW_CATALOG_COMPLAINT_TYPE,
  PDW_CATALOG_INSTITUTION,
  PDW_CATALOG_DIVISION,
} PdwCatalogKind;

#define PDW_CATALOG_N_KINDS 3

typedef struct
{
  const char *code;
  const char *label;     /* msgid: pass through _() (pdw_catalog_get_default_label does) */
  const char *label_id;  /* the Indonesian label, for official documents in any locale */
} PdwCatalogItem;

typedef enum
{
  PDW_OFFICER_ROLE_FO,     /* front office / admin: answers the queue */
  PDW_OFFICER_ROLE_ADB,    /* administrator database: runs SIAK consolidation */
  PDW_OFFICER_ROLE_HEAD,   /* head of division or of the office */
} PdwOfficerRole;

#define PDW_OFFICER_N_ROLES 3

/* "complaint_type", "institution", "division" */
const char            *pdw_catalog_kind_to_string    (PdwCatalogKind  kind);
gboolean               pdw_catalog_kind_from_string  (const char     *str,
                                                      PdwCatalogKind *kind);

/* The shipped entries of @kind, in display order. */
const PdwCatalogItem  *pdw_catalog_get_defaults      (PdwCatalogKind  kind,
                                                      gsize          *n_items);
/* The translated shipped label of @code, or NULL when @code is not shipped. */
const char            *pdw_catalog_get_default_label (PdwCatalogKind  kind,
                                                      const char     *code);
/* The shipped label of @code in Indonesian whatever the locale (the
 * office's documents and exports are Indonesian), or NULL when @code is
 * not shipped. */
const char            *pdw_catalog_get_default_label_id (PdwCatalogKind  kind,
                                                         const char     *code);
/* A code for a new entry an officer adds: lower case ASCII letters, digits
 * and "_" from @label ("Bidang PIAK" -> "bidang_piak").  Never empty: a
 * label with nothing usable gives "entry". */
char                  *pdw_catalog_code_from_label   (const char     *label);

/* "fo", "adb", "head" */
const char            *pdw_officer_role_to_string    (PdwOfficerRole  role);
gboolean               pdw_officer_role_from_string  (const char     *str,
                                                      PdwOfficerRole *role);
/* Translated: "Front office", "Database administrator (ADB)", "Head" */
const char            *pdw_officer_role_get_label    (PdwOfficerRole  role);
/* Initials for the control card when none were entered: the first letter of
 * each word of the name, academic titles after a comma left out, upper
 * case, at most 3 letters ("Siti Rahmawati, S.Kom" -> "SR"). */
char                  *pdw_officer_initials_from_name (const char    *name);

G_END_DECLS
