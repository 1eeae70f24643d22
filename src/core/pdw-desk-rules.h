/* pdw-desk-rules.h: decisions the desk takes by itself, without an officer.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the rule asks of whoever keeps the complaints (the store): each
 * returns FALSE with @error on failure, else TRUE with *complaint_id set
 * (0 when there is none). */
typedef struct
{
  /* The open complaint the conversation already works on. */
  gboolean (*find_conversation_complaint) (gpointer   user_data,
                                           gint64    *complaint_id,
                                           GError   **error);
  /* The open complaint carrying @nik (16 valid digits). */
  gboolean (*find_complaint_by_nik)       (gpointer     user_data,
                                           const char  *nik,
                                           gint64      *complaint_id,
                                           GError     **error);
} PdwDeskComplaintLookup;

/* An inbound @text that names the NIK of an open complaint links its
 * conversation to that complaint, unless the conversation already has an
 * open complaint: the citizen (or a relative, from another number) writes
 * about a file the desk already holds.  The first valid NIK of the text
 * that has an open complaint wins.  Sets *complaint_id to the complaint to
 * link to, or 0 for none; FALSE with @error when a lookup failed.  The
 * lookups run only when the text may carry a NIK at all. */
gboolean pdw_desk_rules_find_complaint_to_link (const char                    *text,
                                                const PdwDeskComplaintLookup  *lookup,
                                                gpointer                       user_data,
                                                gint64                        *complaint_id,
                                                GError                       **error);

G_END_DECLS
