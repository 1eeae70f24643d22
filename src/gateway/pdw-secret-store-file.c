/* pdw-secret-store-file.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pdw-secret-store-file.h"

struct _PdwSecretStoreFile
{
  GObject  parent_instance;

  char    *path;
};

static void pdw_secret_store_file_iface_init (PdwSecretStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdwSecretStoreFile, pdw_secret_store_file, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PDW_TYPE_SECRET_STORE, pdw_secret_store_file_iface_init))

/* Every store in the process writes the one file: one writer at a time. */
static GMutex file_lock;

typedef struct
{
  PdwSecretKind  kind;
  char          *group;
  char          *secret;
} Request;

static void
request_free (Request *request)
{
  g_free (request->group);
  if (request->secret != NULL)
    memset (request->secret, 0, strlen (request->secret));
  g_free (request->secret);
  g_free (request);
}

static char *
group_for (const char *phone_number_id)
{
  /* Key file groups cannot hold brackets or control characters. */
  if (phone_number_id == NULL || phone_number_id[0] == '\0')
    return g_strdup ("default");
  return g_strcanon (g_strdup (phone_number_id),
                     "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.", '_');
}

static GKeyFile *
load_key_file (const char  *path,
               GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &local_error) &&
      !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&key_file);
}

static gboolean
save_key_file (const char  *path,
               GKeyFile    *key_file,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  gsize length;
  gboolean ok;

  if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("The folder “%s” cannot be made private: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  data = g_key_file_to_data (key_file, &length, NULL);
  /* Written to a temporary file of mode 0600 and renamed over the old one. */
  ok = g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
  memset (data, 0, length);
  return ok;
}

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PdwSecretStoreFile *self = source_object;
  Request *request = task_data;
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&file_lock);
  GError *error = NULL;
  char *secret;

  if ((key_file = load_key_file (self->path, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  secret = g_key_file_get_string (key_file, request->group, pdw_secret_kind_to_string (request->kind), NULL);
  if (secret != NULL && secret[0] == '\0')
    g_clear_pointer (&secret, g_free);
  g_task_return_pointer (task, secret, g_free);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PdwSecretStoreFile *self = source_object;
  Request *request = task_data;
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&file_lock);
  const char *key = pdw_secret_kind_to_string (request->kind);
  GError *error = NULL;

  if ((key_file = load_key_file (self->path, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (request->secret != NULL)
    g_key_file_set_string (key_file, request->group, key, request->secret);
  else if (!g_key_file_remove_key (key_file, request->group, key, NULL))
    {
      /* Nothing to clear. */
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (!save_key_file (self->path, key_file, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
run (PdwSecretStoreFile  *self,
     gpointer             source_tag,
     GTaskThreadFunc      func,
     PdwSecretKind        kind,
     const char          *phone_number_id,
     const char          *secret,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->kind = kind;
  request->group = group_for (phone_number_id);
  request->secret = g_strdup (secret);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, func);
}

static void
pdw_secret_store_file_lookup_async (PdwSecretStore      *store,
                                    PdwSecretKind        kind,
                                    const char          *phone_number_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  run (PDW_SECRET_STORE_FILE (store), pdw_secret_store_file_lookup_async, lookup_thread,
       kind, phone_number_id, NULL, cancellable, callback, user_data);
}

static char *
pdw_secret_store_file_lookup_finish (PdwSecretStore  *store,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
pdw_secret_store_file_store_async (PdwSecretStore      *store,
                                   PdwSecretKind        kind,
                                   const char          *phone_number_id,
                                   const char          *secret,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  run (PDW_SECRET_STORE_FILE (store), pdw_secret_store_file_store_async, write_thread,
       kind, phone_number_id, secret, cancellable, callback, user_data);
}

static void
pdw_secret_store_file_clear_async (PdwSecretStore      *store,
                                   PdwSecretKind        kind,
                                   const char          *phone_number_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  run (PDW_SECRET_STORE_FILE (store), pdw_secret_store_file_clear_async, write_thread,
       kind, phone_number_id, NULL, cancellable, callback, user_data);
}

static gboolean
pdw_secret_store_file_write_finish (PdwSecretStore  *store,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
pdw_secret_store_file_iface_init (PdwSecretStoreInterface *iface)
{
  iface->lookup_async = pdw_secret_store_file_lookup_async;
  iface->lookup_finish = pdw_secret_store_file_lookup_finish;
  iface->store_async = pdw_secret_store_file_store_async;
  iface->store_finish = pdw_secret_store_file_write_finish;
  iface->clear_async = pdw_secret_store_file_clear_async;
  iface->clear_finish = pdw_secret_store_file_write_finish;
}

static void
pdw_secret_store_file_finalize (GObject *object)
{
  PdwSecretStoreFile *self = (PdwSecretStoreFile *)object;

  g_free (self->path);

  G_OBJECT_CLASS (pdw_secret_store_file_parent_class)->finalize (object);
}

static void
pdw_secret_store_file_class_init (PdwSecretStoreFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pdw_secret_store_file_finalize;
}

static void
pdw_secret_store_file_init (PdwSecretStoreFile *self)
{
}

PdwSecretStore *
pdw_secret_store_file_new (const char *path)
{
  PdwSecretStoreFile *self = g_object_new (PDW_TYPE_SECRET_STORE_FILE, NULL);

  self->path = path != NULL ? g_strdup (path)
                            : g_build_filename (g_get_user_config_dir (), "pandawa", "secrets.ini", NULL);
  return PDW_SECRET_STORE (self);
}

const char *
pdw_secret_store_file_get_path (PdwSecretStoreFile *self)
{
  g_return_val_if_fail (PDW_IS_SECRET_STORE_FILE (self), NULL);

  return self->path;
}
