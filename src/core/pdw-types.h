/* pdw-types.h: enumerations shared by every layer of PANDAWA.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PDW_DIRECTION_IN,
  PDW_DIRECTION_OUT,
} PdwDirection;

/* Delivery of an outgoing message.  The numeric order is the order in which
 * states may advance (see pdw_delivery_status_can_advance()). */
typedef enum
{
  PDW_DELIVERY_NONE = 0,     /* incoming messages carry no delivery state */
  PDW_DELIVERY_QUEUED,       /* stored in the outbox, not yet accepted by the Graph API */
  PDW_DELIVERY_ACCEPTED,     /* Graph API answered with a wamid */
  PDW_DELIVERY_SENT,
  PDW_DELIVERY_DELIVERED,
  PDW_DELIVERY_READ,
  PDW_DELIVERY_FAILED,
} PdwDeliveryStatus;

/* The SOP states of a complaint (issue: SOP desk).  The string forms are the
 * ones stored in the database and shown in exports. */
typedef enum
{
  PDW_COMPLAINT_BARU = 0,
  PDW_COMPLAINT_TERDAFTAR,
  PDW_COMPLAINT_KONSOLIDASI,
  PDW_COMPLAINT_MENUNGGU,
  PDW_COMPLAINT_KOORDINASI,
  PDW_COMPLAINT_RUJUK_BIOMETRIK,
  PDW_COMPLAINT_SELESAI,
  PDW_COMPLAINT_DITOLAK,
} PdwComplaintStatus;

#define PDW_COMPLAINT_STATUS_LAST PDW_COMPLAINT_DITOLAK

const char        *pdw_direction_to_string          (PdwDirection       direction);
gboolean           pdw_direction_from_string        (const char        *str,
                                                     PdwDirection      *direction);
const char        *pdw_delivery_status_to_string    (PdwDeliveryStatus  status);
gboolean           pdw_delivery_status_from_string  (const char        *str,
                                                     PdwDeliveryStatus *status);
gboolean           pdw_delivery_status_can_advance  (PdwDeliveryStatus  current,
                                                     PdwDeliveryStatus  next);
const char        *pdw_complaint_status_to_string   (PdwComplaintStatus status);
gboolean           pdw_complaint_status_from_string (const char        *str,
                                                     PdwComplaintStatus *status);
const char        *pdw_complaint_status_get_label   (PdwComplaintStatus status);
/* The same in Indonesian whatever the locale, for the office's documents
 * (the control card, the monthly report and its files). */
const char        *pdw_complaint_status_get_label_id (PdwComplaintStatus status);

G_END_DECLS
