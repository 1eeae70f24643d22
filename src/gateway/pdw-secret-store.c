/* pdw-secret-store.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-secret-store.h"
#include "pdw-secret-store-file.h"
#include "pdw-secret-store-keyring.h"

G_DEFINE_INTERFACE (PdwSecretStore, pdw_secret_store, G_TYPE_OBJECT)

static void
pdw_secret_store_default_init (PdwSecretStoreInterface *iface)
{
}

const char *
pdw_secret_kind_to_string (PdwSecretKind kind)
{
  static const char *names[PDW_SECRET_N_KINDS] = {
    "access-token", "app-secret", "verify-token", "waha-api-key",
  };

  g_return_val_if_fail ((guint) kind < PDW_SECRET_N_KINDS, NULL);

  return names[kind];
}

/* The choice: NameHasOwner, then ListActivatableNames, on the session bus. */

static void
choose (GTask    *task,
        gboolean  keyring)
{
  g_task_return_pointer (task,
                         keyring ? pdw_secret_store_keyring_new () : pdw_secret_store_file_new (NULL),
                         g_object_unref);
}

static void
list_activatable_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **names = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(^a&s)", &names);
  choose (task, names != NULL && g_strv_contains (names, PDW_SECRET_SERVICE_NAME));
}

static void
name_has_owner_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);
  if (has_owner)
    {
      choose (task, TRUE);
      return;
    }

  g_dbus_connection_call (G_DBUS_CONNECTION (source),
                          "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "ListActivatableNames", NULL, G_VARIANT_TYPE ("(as)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, g_task_get_cancellable (task),
                          list_activatable_cb, g_object_ref (task));
}

static void
bus_get_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, NULL);

  if (bus == NULL)
    {
      /* No session bus (a service account, some CI): no keyring either. */
      choose (task, FALSE);
      return;
    }

  g_dbus_connection_call (bus,
                          "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "NameHasOwner", g_variant_new ("(s)", PDW_SECRET_SERVICE_NAME),
                          G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          g_task_get_cancellable (task), name_has_owner_cb, g_object_ref (task));
}

void
pdw_secret_store_new_async (GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, pdw_secret_store_new_async);
  g_bus_get (G_BUS_TYPE_SESSION, cancellable, bus_get_cb, g_object_ref (task));
}

PdwSecretStore *
pdw_secret_store_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
pdw_secret_store_is_fallback (PdwSecretStore *self)
{
  g_return_val_if_fail (PDW_IS_SECRET_STORE (self), FALSE);

  return PDW_IS_SECRET_STORE_FILE (self);
}

void
pdw_secret_store_lookup_async (PdwSecretStore      *self,
                               PdwSecretKind        kind,
                               const char          *phone_number_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (PDW_IS_SECRET_STORE (self));
  g_return_if_fail ((guint) kind < PDW_SECRET_N_KINDS);

  PDW_SECRET_STORE_GET_IFACE (self)->lookup_async (self, kind, phone_number_id != NULL ? phone_number_id : "",
                                                   cancellable, callback, user_data);
}

char *
pdw_secret_store_lookup_finish (PdwSecretStore  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (PDW_IS_SECRET_STORE (self), NULL);

  return PDW_SECRET_STORE_GET_IFACE (self)->lookup_finish (self, result, error);
}

void
pdw_secret_store_store_async (PdwSecretStore      *self,
                              PdwSecretKind        kind,
                              const char          *phone_number_id,
                              const char          *secret,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (PDW_IS_SECRET_STORE (self));
  g_return_if_fail ((guint) kind < PDW_SECRET_N_KINDS);
  g_return_if_fail (secret != NULL && secret[0] != '\0');

  PDW_SECRET_STORE_GET_IFACE (self)->store_async (self, kind, phone_number_id != NULL ? phone_number_id : "",
                                                  secret, cancellable, callback, user_data);
}

gboolean
pdw_secret_store_store_finish (PdwSecretStore  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (PDW_IS_SECRET_STORE (self), FALSE);

  return PDW_SECRET_STORE_GET_IFACE (self)->store_finish (self, result, error);
}

void
pdw_secret_store_clear_async (PdwSecretStore      *self,
                              PdwSecretKind        kind,
                              const char          *phone_number_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (PDW_IS_SECRET_STORE (self));
  g_return_if_fail ((guint) kind < PDW_SECRET_N_KINDS);

  PDW_SECRET_STORE_GET_IFACE (self)->clear_async (self, kind, phone_number_id != NULL ? phone_number_id : "",
                                                  cancellable, callback, user_data);
}

gboolean
pdw_secret_store_clear_finish (PdwSecretStore  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (PDW_IS_SECRET_STORE (self), FALSE);

  return PDW_SECRET_STORE_GET_IFACE (self)->clear_finish (self, result, error);
}

/* fill_config: the three lookups one after the other. */

static const PdwSecretKind config_kinds[] = {
  PDW_SECRET_ACCESS_TOKEN, PDW_SECRET_APP_SECRET, PDW_SECRET_VERIFY_TOKEN, PDW_SECRET_WAHA_API_KEY,
};

typedef struct
{
  PdwGatewayConfig *config;
  guint             next;
} FillData;

static void
fill_data_free (FillData *data)
{
  pdw_gateway_config_free (data->config);
  g_free (data);
}

char **
pdw_secret_kind_get_config_field (PdwGatewayConfig *config,
                                  PdwSecretKind     kind)
{
  g_return_val_if_fail (config != NULL, NULL);

  switch (kind)
    {
    case PDW_SECRET_ACCESS_TOKEN: return &config->access_token;
    case PDW_SECRET_APP_SECRET:   return &config->app_secret;
    case PDW_SECRET_VERIFY_TOKEN: return &config->verify_token;
    case PDW_SECRET_WAHA_API_KEY: return &config->waha_api_key;
    default:
      g_return_val_if_reached (NULL);
    }
}

static void fill_next (GTask *task);

static void
fill_lookup_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FillData *data = g_task_get_task_data (task);
  GError *error = NULL;
  char *secret = pdw_secret_store_lookup_finish (PDW_SECRET_STORE (source), result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (secret != NULL)
    {
      char **field = pdw_secret_kind_get_config_field (data->config, config_kinds[data->next]);

      pdw_gateway_config_set_secret (field, secret);
    }
  data->next++;
  fill_next (task);
}

static void
fill_next (GTask *task)
{
  FillData *data = g_task_get_task_data (task);

  if (data->next == G_N_ELEMENTS (config_kinds))
    {
      g_task_return_pointer (task, g_steal_pointer (&data->config), (GDestroyNotify) pdw_gateway_config_free);
      return;
    }

  pdw_secret_store_lookup_async (g_task_get_source_object (task), config_kinds[data->next],
                                 data->config->phone_number_id, g_task_get_cancellable (task),
                                 fill_lookup_cb, g_object_ref (task));
}

void
pdw_secret_store_fill_config_async (PdwSecretStore         *self,
                                    const PdwGatewayConfig *config,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  FillData *data;

  g_return_if_fail (PDW_IS_SECRET_STORE (self));
  g_return_if_fail (config != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_secret_store_fill_config_async);
  data = g_new0 (FillData, 1);
  data->config = pdw_gateway_config_copy (config);
  g_task_set_task_data (task, data, (GDestroyNotify) fill_data_free);
  fill_next (task);
}

PdwGatewayConfig *
pdw_secret_store_fill_config_finish (PdwSecretStore  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
