/* pdw-json-export.h: the whole database as one JSON document, for backup,
 * audit and hand-over to other systems.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/pdw-store.h"

G_BEGIN_DECLS

typedef enum
{
  PDW_JSON_EXPORT_NONE     = 0,
  /* Full NIK and KK numbers (the SIAK consolidation list needs them);
   * otherwise they are masked as 1471********0001. */
  PDW_JSON_EXPORT_UNMASKED = 1 << 0,
} PdwJsonExportFlags;

/* Writes {"format":"pandawa-export","version":1,"exported_at":...,
 * "identity_masked":bool,"contacts":[...],"conversations":[...],
 * "messages":[...],"complaints":[...],"complaint_events":[...]}.
 * Times are ISO 8601 UTC strings ("2026-11-21T08:15:00Z"), or null when
 * unset.  A message's "status" is its delivery status ("queued", "sent",
 * "read", "failed", ...) for outgoing messages and null for incoming ones,
 * which have no delivery state. */
gboolean pdw_json_export_write      (PdwStore            *store,
                                     GOutputStream       *out,
                                     GError             **error);
gboolean pdw_json_export_write_full (PdwStore            *store,
                                     GOutputStream       *out,
                                     PdwJsonExportFlags   flags,
                                     GCancellable        *cancellable,
                                     GError             **error);
/* Writes the document to @path atomically (a partial file never replaces a
 * previous export), readable by the user only (0600). */
gboolean pdw_json_export_to_file    (PdwStore            *store,
                                     const char          *path,
                                     PdwJsonExportFlags   flags,
                                     GError             **error);

G_END_DECLS
