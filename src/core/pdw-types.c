/* pdw-types.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pdw-types.h"

static const char * const direction_names[] = { "in", "out" };

static const char * const delivery_names[] = {
  "none", "queued", "accepted", "sent", "delivered", "read", "failed",
};

static const char * const complaint_names[] = {
  "baru", "terdaftar", "konsolidasi", "menunggu", "koordinasi",
  "rujuk_biometrik", "selesai", "ditolak",
};

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *str,
             guint              *index)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (strcmp (names[i], str) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
pdw_direction_to_string (PdwDirection direction)
{
  g_return_val_if_fail (direction <= PDW_DIRECTION_OUT, NULL);
  return direction_names[direction];
}

gboolean
pdw_direction_from_string (const char   *str,
                           PdwDirection *direction)
{
  guint i;

  if (!lookup_name (direction_names, G_N_ELEMENTS (direction_names), str, &i))
    return FALSE;
  *direction = i;
  return TRUE;
}

const char *
pdw_delivery_status_to_string (PdwDeliveryStatus status)
{
  g_return_val_if_fail (status <= PDW_DELIVERY_FAILED, NULL);
  return delivery_names[status];
}

gboolean
pdw_delivery_status_from_string (const char        *str,
                                 PdwDeliveryStatus *status)
{
  guint i;

  if (!lookup_name (delivery_names, G_N_ELEMENTS (delivery_names), str, &i))
    return FALSE;
  *status = i;
  return TRUE;
}

/* Status webhooks arrive out of order and more than once, so a state only
 * moves forward.  "failed" ends a message that never reached the phone; once
 * the phone has it (delivered or read) a late "failed" cannot undo that, and
 * nothing revives a failed message. */
gboolean
pdw_delivery_status_can_advance (PdwDeliveryStatus current,
                                 PdwDeliveryStatus next)
{
  if (current == PDW_DELIVERY_FAILED)
    return FALSE;

  if (next == PDW_DELIVERY_FAILED)
    return current < PDW_DELIVERY_DELIVERED;

  return next > current;
}

const char *
pdw_complaint_status_to_string (PdwComplaintStatus status)
{
  g_return_val_if_fail (status <= PDW_COMPLAINT_STATUS_LAST, NULL);
  return complaint_names[status];
}

gboolean
pdw_complaint_status_from_string (const char         *str,
                                  PdwComplaintStatus *status)
{
  guint i;

  if (!lookup_name (complaint_names, G_N_ELEMENTS (complaint_names), str, &i))
    return FALSE;
  *status = i;
  return TRUE;
}

const char *
pdw_complaint_status_get_label (PdwComplaintStatus status)
{
  switch (status)
    {
    case PDW_COMPLAINT_BARU:             return _("New");
    case PDW_COMPLAINT_TERDAFTAR:        return _("Registered");
    case PDW_COMPLAINT_KONSOLIDASI:      return _("On consolidation list");
    case PDW_COMPLAINT_MENUNGGU:         return _("Waiting for update");
    case PDW_COMPLAINT_KOORDINASI:       return _("Coordinating with division");
    case PDW_COMPLAINT_RUJUK_BIOMETRIK:  return _("Referred for biometric check");
    case PDW_COMPLAINT_SELESAI:          return _("Resolved");
    case PDW_COMPLAINT_DITOLAK:          return _("Rejected");
    default:                             g_return_val_if_reached (NULL);
    }
}

const char *
pdw_complaint_status_get_label_id (PdwComplaintStatus status)
{
  switch (status)
    {
    case PDW_COMPLAINT_BARU:             return "Baru";
    case PDW_COMPLAINT_TERDAFTAR:        return "Terdaftar";
    case PDW_COMPLAINT_KONSOLIDASI:      return "Dalam daftar konsolidasi";
    case PDW_COMPLAINT_MENUNGGU:         return "Menunggu pembaruan data";
    case PDW_COMPLAINT_KOORDINASI:       return "Koordinasi dengan bidang";
    case PDW_COMPLAINT_RUJUK_BIOMETRIK:  return "Dirujuk cek biometrik";
    case PDW_COMPLAINT_SELESAI:          return "Selesai";
    case PDW_COMPLAINT_DITOLAK:          return "Ditolak";
    default:                             g_return_val_if_reached (NULL);
    }
}
