/* pdw-secret-store.h: where the WhatsApp secrets (access token, app secret,
 * verify token, WAHA API key) are kept: the Secret Service when one runs on
 * the session bus (PdwSecretStoreKeyring), else a file only the user can read
 * (PdwSecretStoreFile).  Never GSettings, argv, logs or exports.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pdw-gateway-config.h"

G_BEGIN_DECLS

/* The Secret Service schema and its attributes (kind, phone-number-id). */
#define PDW_SECRET_SCHEMA_NAME  "id.go.pekanbaru.disdukcapil.Pandawa.Secret"
#define PDW_SECRET_SERVICE_NAME "org.freedesktop.secrets"

typedef enum
{
  PDW_SECRET_ACCESS_TOKEN,
  PDW_SECRET_APP_SECRET,
  PDW_SECRET_VERIFY_TOKEN,
  PDW_SECRET_WAHA_API_KEY,
} PdwSecretKind;

#define PDW_SECRET_N_KINDS (PDW_SECRET_WAHA_API_KEY + 1)

#define PDW_TYPE_SECRET_STORE (pdw_secret_store_get_type ())
G_DECLARE_INTERFACE (PdwSecretStore, pdw_secret_store, PDW, SECRET_STORE, GObject)

struct _PdwSecretStoreInterface
{
  GTypeInterface parent_iface;

  void      (*lookup_async) (PdwSecretStore       *self,
                             PdwSecretKind         kind,
                             const char           *phone_number_id,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data);
  char     *(*lookup_finish) (PdwSecretStore      *self,
                              GAsyncResult        *result,
                              GError             **error);
  void      (*store_async)  (PdwSecretStore       *self,
                             PdwSecretKind         kind,
                             const char           *phone_number_id,
                             const char           *secret,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data);
  gboolean  (*store_finish) (PdwSecretStore       *self,
                             GAsyncResult         *result,
                             GError              **error);
  void      (*clear_async)  (PdwSecretStore       *self,
                             PdwSecretKind         kind,
                             const char           *phone_number_id,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data);
  gboolean  (*clear_finish) (PdwSecretStore       *self,
                             GAsyncResult         *result,
                             GError              **error);
};

/* "access-token", "app-secret", "verify-token", "waha-api-key". */
const char *pdw_secret_kind_to_string     (PdwSecretKind kind);
/* The field of @config that holds @kind (pdw_gateway_config_set_secret()). */
char      **pdw_secret_kind_get_config_field (PdwGatewayConfig *config,
                                              PdwSecretKind     kind);

/* Picks the store: the keyring when PDW_SECRET_SERVICE_NAME has an owner on
 * the session bus (or can be activated there), else the file store.  No
 * session bus at all also means the file store. */
void            pdw_secret_store_new_async   (GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
PdwSecretStore *pdw_secret_store_new_finish  (GAsyncResult        *result,
                                              GError             **error);

/* Whether secrets are kept in the fallback file (the page warns). */
gboolean        pdw_secret_store_is_fallback (PdwSecretStore      *self);

/* Resolves to the secret, or NULL without an error when none is stored.
 * @phone_number_id may be NULL or "" (no number configured yet). */
void            pdw_secret_store_lookup_async  (PdwSecretStore       *self,
                                                PdwSecretKind         kind,
                                                const char           *phone_number_id,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
char           *pdw_secret_store_lookup_finish (PdwSecretStore       *self,
                                                GAsyncResult         *result,
                                                GError              **error);
void            pdw_secret_store_store_async   (PdwSecretStore       *self,
                                                PdwSecretKind         kind,
                                                const char           *phone_number_id,
                                                const char           *secret,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean        pdw_secret_store_store_finish  (PdwSecretStore       *self,
                                                GAsyncResult         *result,
                                                GError              **error);
void            pdw_secret_store_clear_async   (PdwSecretStore       *self,
                                                PdwSecretKind         kind,
                                                const char           *phone_number_id,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean        pdw_secret_store_clear_finish  (PdwSecretStore       *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Copies @config and replaces its access token, app secret, verify token and WAHA API key
 * with those the store holds for its phone number id (the ones it does not
 * hold stay as they were: the files of pdw_gateway_config_load_secrets()). */
void              pdw_secret_store_fill_config_async  (PdwSecretStore          *self,
                                                       const PdwGatewayConfig  *config,
                                                       GCancellable            *cancellable,
                                                       GAsyncReadyCallback      callback,
                                                       gpointer                 user_data);
PdwGatewayConfig *pdw_secret_store_fill_config_finish (PdwSecretStore          *self,
                                                       GAsyncResult            *result,
                                                       GError                 **error);

G_END_DECLS
