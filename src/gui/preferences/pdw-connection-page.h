/* pdw-connection-page.h: the preferences page of the WhatsApp connection:
 * the service (Meta's Cloud API or a WAHA server) with its own rows, the
 * webhook receiver, the secrets (kept in the keyring, or in a file only
 * this account can read when none runs) and "Tes koneksi".
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gateway/pdw-secret-store.h"

#include "pdw-preferences-page.h"

G_BEGIN_DECLS

/* What the last connection test found. */
typedef enum
{
  PDW_CONNECTION_TEST_NONE,      /* not tried since the service was chosen */
  PDW_CONNECTION_TEST_RUNNING,
  PDW_CONNECTION_TEST_OK,
  PDW_CONNECTION_TEST_WARNING,   /* the provider answers, its session is not ready */
  PDW_CONNECTION_TEST_FAILED,
} PdwConnectionTestResult;

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

/* "Tes koneksi": asks the provider, with the page's values (saved or not)
 * and its secrets (typed, else saved), whether they work; the result shows
 * on the page.  Does nothing while one runs or before the store is known. */
void            pdw_connection_page_test_connection  (PdwConnectionPage *self);
PdwConnectionTestResult
                pdw_connection_page_get_test_result  (PdwConnectionPage *self);
/* The result in the officer's words (the test row's subtitle). */
const char     *pdw_connection_page_get_test_text    (PdwConnectionPage *self);

G_END_DECLS
