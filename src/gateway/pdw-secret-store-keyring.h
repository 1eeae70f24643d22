/* pdw-secret-store-keyring.h: secrets in the Secret Service (libsecret),
 * schema PDW_SECRET_SCHEMA_NAME with the attributes kind and phone-number-id.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pdw-secret-store.h"

G_BEGIN_DECLS

#define PDW_TYPE_SECRET_STORE_KEYRING (pdw_secret_store_keyring_get_type ())
G_DECLARE_FINAL_TYPE (PdwSecretStoreKeyring, pdw_secret_store_keyring, PDW, SECRET_STORE_KEYRING, GObject)

PdwSecretStore *pdw_secret_store_keyring_new (void);

G_END_DECLS
