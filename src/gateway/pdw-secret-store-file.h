/* pdw-secret-store-file.h: the fallback secret store when no keyring runs:
 * a key file (group: the phone number id, keys: the kinds) of mode 0600 in a
 * directory of mode 0700, by default $XDG_CONFIG_HOME/pandawa/secrets.ini.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pdw-secret-store.h"

G_BEGIN_DECLS

#define PDW_TYPE_SECRET_STORE_FILE (pdw_secret_store_file_get_type ())
G_DECLARE_FINAL_TYPE (PdwSecretStoreFile, pdw_secret_store_file, PDW, SECRET_STORE_FILE, GObject)

/* @path: NULL for the default file. */
PdwSecretStore *pdw_secret_store_file_new      (const char         *path);
const char     *pdw_secret_store_file_get_path (PdwSecretStoreFile *self);

G_END_DECLS
