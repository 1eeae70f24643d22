/* pdw-secret-store-keyring.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "pdw-secret-store-keyring.h"

struct _PdwSecretStoreKeyring
{
  GObject  parent_instance;
};

static void pdw_secret_store_keyring_iface_init (PdwSecretStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdwSecretStoreKeyring, pdw_secret_store_keyring, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PDW_TYPE_SECRET_STORE, pdw_secret_store_keyring_iface_init))

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    PDW_SECRET_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "phone-number-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
}

static void
pdw_secret_store_keyring_lookup_async (PdwSecretStore      *store,
                                       PdwSecretKind        kind,
                                       const char          *phone_number_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, pdw_secret_store_keyring_lookup_async);
  secret_password_lookup (get_schema (), cancellable, lookup_cb, task,
                          "kind", pdw_secret_kind_to_string (kind),
                          "phone-number-id", phone_number_id,
                          NULL);
}

static char *
pdw_secret_store_keyring_lookup_finish (PdwSecretStore  *store,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  char *secret;
  char *copy;

  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  /* Handed out as ordinary memory, so that callers free it with g_free();
   * secret_password_free() wipes libsecret's copy. */
  secret = g_task_propagate_pointer (G_TASK (result), error);
  copy = g_strdup (secret);
  secret_password_free (secret);
  return copy;
}

static void
write_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* Clearing what was never stored is no failure: only the error counts. */
  if (GPOINTER_TO_INT (g_task_get_task_data (task)))
    secret_password_clear_finish (result, &error);
  else
    secret_password_store_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
pdw_secret_store_keyring_store_async (PdwSecretStore      *store,
                                      PdwSecretKind        kind,
                                      const char          *phone_number_id,
                                      const char          *secret,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  g_autofree char *label = NULL;

  g_task_set_source_tag (task, pdw_secret_store_keyring_store_async);
  g_task_set_task_data (task, GINT_TO_POINTER (FALSE), NULL);
  /* TRANSLATORS: the label of a secret in the keyring; %s is e.g. "access-token" */
  label = g_strdup_printf (_("PANDAWA WhatsApp %s"), pdw_secret_kind_to_string (kind));
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                         cancellable, write_cb, task,
                         "kind", pdw_secret_kind_to_string (kind),
                         "phone-number-id", phone_number_id,
                         NULL);
}

static void
pdw_secret_store_keyring_clear_async (PdwSecretStore      *store,
                                      PdwSecretKind        kind,
                                      const char          *phone_number_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, pdw_secret_store_keyring_clear_async);
  g_task_set_task_data (task, GINT_TO_POINTER (TRUE), NULL);
  secret_password_clear (get_schema (), cancellable, write_cb, task,
                         "kind", pdw_secret_kind_to_string (kind),
                         "phone-number-id", phone_number_id,
                         NULL);
}

static gboolean
pdw_secret_store_keyring_write_finish (PdwSecretStore  *store,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
pdw_secret_store_keyring_iface_init (PdwSecretStoreInterface *iface)
{
  iface->lookup_async = pdw_secret_store_keyring_lookup_async;
  iface->lookup_finish = pdw_secret_store_keyring_lookup_finish;
  iface->store_async = pdw_secret_store_keyring_store_async;
  iface->store_finish = pdw_secret_store_keyring_write_finish;
  iface->clear_async = pdw_secret_store_keyring_clear_async;
  iface->clear_finish = pdw_secret_store_keyring_write_finish;
}

static void
pdw_secret_store_keyring_class_init (PdwSecretStoreKeyringClass *klass)
{
}

static void
pdw_secret_store_keyring_init (PdwSecretStoreKeyring *self)
{
}

PdwSecretStore *
pdw_secret_store_keyring_new (void)
{
  return g_object_new (PDW_TYPE_SECRET_STORE_KEYRING, NULL);
}
