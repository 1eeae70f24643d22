/* pdw-record.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-record-private.h"

gboolean
pdw_record_set_string (GObject     *object,
                       char       **field,
                       const char  *value,
                       GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

gboolean
pdw_record_set_int64 (GObject    *object,
                      gint64     *field,
                      gint64      value,
                      GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

gboolean
pdw_record_set_int (GObject    *object,
                    int        *field,
                    int         value,
                    GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

gboolean
pdw_record_set_uint (GObject    *object,
                     guint      *field,
                     guint       value,
                     GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

void
pdw_record_update_from (GObject *self,
                        GObject *other)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  g_return_if_fail (G_IS_OBJECT (self));
  g_return_if_fail (G_IS_OBJECT (other));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (other));

  if (self == other)
    return;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);

  /* Frozen so that a handler sees the record whole, not half updated. */
  g_object_freeze_notify (self);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_WRITABLE) == 0 ||
          (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (other, pspecs[i]->name, &value);
      g_object_set_property (self, pspecs[i]->name, &value);
    }
  g_object_thaw_notify (self);
}
