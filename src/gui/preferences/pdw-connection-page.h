/* pdw-connection-page.h: the preferences page of the WhatsApp connection:
 * the business number, the webhook receiver and the secrets (kept in the
 * keyring, or in a file only this account can read when none runs).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gateway/pdw-secret-store.h"

#include "pdw-preferences-page.h"

G_BEGIN_DECLS

#define PDW_TYPE_CONNECTION_PAGE (pdw_connection_page_get_type ())
G_DECLARE_FINAL_TYPE (PdwConnectionPage, pdw_connection_page, PDW, CONNECTION_PAGE, PdwPreferencesPage)

/* The store chosen for this session; NULL until known. */
PdwSecretStore *pdw_connection_page_get_secret_store (PdwConnectionPage *self);
/* What the Apply button does: saves the secrets typed (then empties their
 * rows) and reloads the gateway's configuration. */
void            pdw_connection_page_apply            (PdwConnectionPage *self);
/* Whether the page shows @kind as saved (never its value). */
gboolean        pdw_connection_page_get_saved        (PdwConnectionPage *self,
                                                      PdwSecretKind      kind);

G_END_DECLS
