/* pdw-catalog-entry.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-catalog-entry.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_CODE,
  PROP_LABEL,
  PROP_POSITION,
  PROP_ACTIVE,
  PROP_BUILTIN,
  N_PROPS
};

struct _PdwCatalogEntry
{
  GObject         parent_instance;

  gint64          id;
  PdwCatalogKind  kind;
  char           *code;
  /* The officer's label, NULL for the shipped one. */
  char           *label;
  int             position;
  gboolean        active;
  gboolean        builtin;
};

G_DEFINE_FINAL_TYPE (PdwCatalogEntry, pdw_catalog_entry, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
pdw_catalog_entry_finalize (GObject *object)
{
  PdwCatalogEntry *self = PDW_CATALOG_ENTRY (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (pdw_catalog_entry_parent_class)->finalize (object);
}

static void
pdw_catalog_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PdwCatalogEntry *self = PDW_CATALOG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:       g_value_set_int64 (value, self->id); break;
    case PROP_KIND:     g_value_set_int (value, self->kind); break;
    case PROP_CODE:     g_value_set_string (value, self->code); break;
    case PROP_LABEL:    g_value_set_string (value, pdw_catalog_entry_get_label (self)); break;
    case PROP_POSITION: g_value_set_int (value, self->position); break;
    case PROP_ACTIVE:   g_value_set_boolean (value, self->active); break;
    case PROP_BUILTIN:  g_value_set_boolean (value, self->builtin); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_catalog_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PdwCatalogEntry *self = PDW_CATALOG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:       self->id = g_value_get_int64 (value); break;
    case PROP_KIND:     self->kind = g_value_get_int (value); break;
    case PROP_CODE:     g_free (self->code); self->code = g_value_dup_string (value); break;
    case PROP_LABEL:    g_free (self->label); self->label = g_value_dup_string (value); break;
    case PROP_POSITION: self->position = g_value_get_int (value); break;
    case PROP_ACTIVE:   self->active = g_value_get_boolean (value); break;
    case PROP_BUILTIN:  self->builtin = g_value_get_boolean (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_catalog_entry_class_init (PdwCatalogEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pdw_catalog_entry_finalize;
  object_class->get_property = pdw_catalog_entry_get_property;
  object_class->set_property = pdw_catalog_entry_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, PDW_CATALOG_N_KINDS - 1, 0, co);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, co);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, co);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, co);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, co);
  properties[PROP_BUILTIN] = g_param_spec_boolean ("builtin", NULL, NULL, FALSE, co);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pdw_catalog_entry_init (PdwCatalogEntry *self)
{
  self->active = TRUE;
}

gint64
pdw_catalog_entry_get_id (PdwCatalogEntry *self)
{
  g_return_val_if_fail (PDW_IS_CATALOG_ENTRY (self), 0);
  return self->id;
}

PdwCatalogKind
pdw_catalog_entry_get_kind (PdwCatalogEntry *self)
{
  g_return_val_if_fail (PDW_IS_CATALOG_ENTRY (self), 0);
  return self->kind;
}

const char *
pdw_catalog_entry_get_code (PdwCatalogEntry *self)
{
  g_return_val_if_fail (PDW_IS_CATALOG_ENTRY (self), NULL);
  return self->code;
}

const char *
pdw_catalog_entry_get_label (PdwCatalogEntry *self)
{
  const char *shipped;

  g_return_val_if_fail (PDW_IS_CATALOG_ENTRY (self), NULL);

  if (self->label != NULL && self->label[0] != '\0')
    return self->label;

  /* Looked up on each call so that the label follows the UI language. */
  shipped = pdw_catalog_get_default_label (self->kind, self->code);
  return shipped != NULL ? shipped : (self->code != NULL ? self->code : "");
}

const char *
pdw_catalog_entry_get_label_id (PdwCatalogEntry *self)
{
  const char *shipped;

  g_return_val_if_fail (PDW_IS_CATALOG_ENTRY (self), NULL);

  if (self->label != NULL && self->label[0] != '\0')
    return self->label;

  shipped = pdw_catalog_get_default_label_id (self->kind, self->code);
  return shipped != NULL ? shipped : (self->code != NULL ? self->code : "");
}

int
pdw_catalog_entry_get_position (PdwCatalogEntry *self)
{
  g_return_val_if_fail (PDW_IS_CATALOG_ENTRY (self), 0);
  return self->position;
}

gboolean
pdw_catalog_entry_get_active (PdwCatalogEntry *self)
{
  g_return_val_if_fail (PDW_IS_CATALOG_ENTRY (self), FALSE);
  return self->active;
}

gboolean
pdw_catalog_entry_get_builtin (PdwCatalogEntry *self)
{
  g_return_val_if_fail (PDW_IS_CATALOG_ENTRY (self), FALSE);
  return self->builtin;
}
