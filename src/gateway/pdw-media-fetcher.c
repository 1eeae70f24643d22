/* pdw-media-fetcher.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "store/pdw-store-media.h"
#include "pdw-media-fetcher.h"

#define MAX_IN_FLIGHT       2
/* How long a fetch is ours (another process on the database skips it):
 * longer than a 100 MB download on a slow line. */
#define LEASE_SECONDS       (10 * 60)
#define MAX_BACKOFF_SECONDS (15 * 60)
/* Also wakes up for leases that other processes dropped. */
#define MAX_SLEEP_SECONDS   (5 * 60)
/* Expiry is a write: at most once a minute, not on every message change. */
#define EXPIRE_EVERY_SECONDS 60

struct _PdwMediaFetcher
{
  GObject         parent_instance;

  PdwStore       *store;
  PdwGatewayBackend *backend;
  char           *media_dir;
  GCancellable   *cancellable;
  GHashTable     *in_flight;      /* message id set (gint64 *) */
  gulong          changed_id;
  guint           idle_id;
  guint           timer_id;
  gint64          expired_at;     /* when expiry last ran */
  gboolean        running;
};

G_DEFINE_FINAL_TYPE (PdwMediaFetcher, pdw_media_fetcher, G_TYPE_OBJECT)

static void pump (PdwMediaFetcher *self,
                  gboolean         expire_now);

enum {
  FETCH_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char   *path;
  gint64  size;
} Kept;

static void
kept_free (Kept *kept)
{
  g_free (kept->path);
  g_free (kept);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Kept, kept_free)

typedef struct
{
  PdwMediaFetcher *self;
  gint64           message_id;
  int              failures;      /* before this attempt */
  char            *part_path;
  char            *mime_type;
  char            *filename;
  char            *expected;      /* the webhook's sha256 */
  char            *provider_sha256;  /* the provider answer's, if any */
  char            *media_dir;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_clear_object (&fetch->self);
  g_free (fetch->part_path);
  g_free (fetch->mime_type);
  g_free (fetch->filename);
  g_free (fetch->expected);
  g_free (fetch->provider_sha256);
  g_free (fetch->media_dir);
  g_free (fetch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fetch, fetch_free)

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

guint
pdw_media_fetcher_backoff_seconds (guint failures)
{
  guint seconds = 1;

  for (guint i = 1; i < failures && seconds < MAX_BACKOFF_SECONDS; i++)
    seconds *= 4;

  return MIN (seconds, MAX_BACKOFF_SECONDS);
}

gboolean
pdw_media_sha256_matches (const char   *expected,
                          const guint8 *digest,
                          gsize         digest_len)
{
  g_autofree guchar *decoded = NULL;
  gsize len = 0;

  if (expected == NULL || digest_len != 32)
    return FALSE;

  if (strlen (expected) == 64)
    {
      for (guint i = 0; i < 32; i++)
        {
          int high = g_ascii_xdigit_value (expected[2 * i]);
          int low = g_ascii_xdigit_value (expected[2 * i + 1]);

          if (high < 0 || low < 0 || (guint8) (high * 16 + low) != digest[i])
            return FALSE;
        }
      return TRUE;
    }

  /* g_base64_decode() takes any text; only a 32-byte result is a hash. */
  decoded = g_base64_decode (expected, &len);
  return len == 32 && memcmp (decoded, digest, 32) == 0;
}

/* 64 hex digits or base64 of 32 bytes. */
static gboolean
is_sha256 (const char *text)
{
  g_autofree guchar *decoded = NULL;
  gsize len = 0;

  if (text == NULL || *text == '\0')
    return FALSE;
  if (strlen (text) == 64)
    return TRUE;
  decoded = g_base64_decode (text, &len);
  return len == 32;
}

char *
pdw_media_fetcher_dup_dir_for_database (const char *db_path)
{
  g_autofree char *app_db = pdw_store_dup_default_path (FALSE);

  if (db_path == NULL || g_strcmp0 (db_path, app_db) == 0)
    return g_build_filename (g_get_user_data_dir (), "pandawa", "media", NULL);

  return g_strconcat (db_path, "-media", NULL);
}

static const char *
extension_for (const char *mime_type,
               const char *filename)
{
  static const struct { const char *mime; const char *ext; } known[] = {
    { "image/jpeg", "jpg" }, { "image/png", "png" }, { "image/webp", "webp" },
    { "application/pdf", "pdf" }, { "text/plain", "txt" },
    { "application/msword", "doc" },
    { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx" },
    { "application/vnd.ms-excel", "xls" },
    { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx" },
    { "audio/ogg", "ogg" }, { "audio/mpeg", "mp3" }, { "audio/aac", "aac" },
    { "audio/amr", "amr" }, { "audio/mp4", "m4a" }, { "video/mp4", "mp4" },
    { "video/3gpp", "3gp" },
  };
  const char *dot = filename != NULL ? strrchr (filename, '.') : NULL;
  g_autofree char *base = NULL;

  if (mime_type != NULL)
    {
      /* "audio/ogg; codecs=opus" */
      base = g_strndup (mime_type, strcspn (mime_type, "; "));
      for (guint i = 0; i < G_N_ELEMENTS (known); i++)
        if (g_ascii_strcasecmp (base, known[i].mime) == 0)
          return known[i].ext;
    }

  /* An extension of letters and digits only: it becomes part of a path. */
  if (dot != NULL && dot[1] != '\0' && strlen (dot + 1) <= 8)
    {
      for (const char *p = dot + 1; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p))
          return "bin";
      return dot + 1;
    }

  return "bin";
}

/* ---- Verify (a worker thread) ---------------------------------------------- */

/* Hashes the file at @part_path, checks it against @expected (NULL: no
 * check) and moves it to the media directory under its sha256.  The part
 * is gone afterwards, kept or not. */
static Kept *
keep_part_file (const char  *part_path,
                const char  *media_dir,
                const char  *mime_type,
                const char  *filename,
                const char  *expected,
                GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *final_name = NULL;
  g_autofree char *final_path = NULL;
  Kept *kept;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  guint8 buffer[64 * 1024];
  gint64 size = 0;
  gssize n;
  int fd;

  fd = g_open (part_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return NULL;
    }
  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      size += n;
    }
  close (fd);
  if (n < 0)
    {
      g_unlink (part_path);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot read the downloaded file");
      return NULL;
    }
  g_checksum_get_digest (checksum, digest, &digest_len);

  if (expected != NULL && !pdw_media_sha256_matches (expected, digest, digest_len))
    {
      g_unlink (part_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "sha256 mismatch (%" G_GINT64_FORMAT " bytes)", size);
      return NULL;
    }

  /* Named by content: a second copy of the same file is the same file. */
  final_name = g_strdup_printf ("%s.%s", g_checksum_get_string (checksum),
                                extension_for (mime_type, filename));
  final_path = g_build_filename (media_dir, final_name, NULL);
  if (g_chmod (part_path, 0600) != 0 || g_rename (part_path, final_path) != 0)
    {
      int saved = errno;

      g_unlink (part_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot keep the file: %s", g_strerror (saved));
      return NULL;
    }

  kept = g_new0 (Kept, 1);
  kept->path = g_steal_pointer (&final_path);
  kept->size = size;
  return kept;
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Fetch *fetch = task_data;
  GError *error = NULL;
  const char *expected;
  Kept *kept;

  /* The webhook's hash is the one the citizen's phone computed; the Graph
   * answer's only stands in when the webhook had none. */
  expected = is_sha256 (fetch->expected) ? fetch->expected
           : is_sha256 (fetch->provider_sha256) ? fetch->provider_sha256 : NULL;
  kept = keep_part_file (fetch->part_path, fetch->media_dir, fetch->mime_type, fetch->filename,
                         expected, &error);
  if (kept == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, kept, (GDestroyNotify) kept_free);
}

/* ---- One fetch ----------------------------------------------------------- */

static void
finish_fetch (Fetch         *fetch,
              PdwMediaState  state)
{
  PdwMediaFetcher *self = fetch->self;

  g_hash_table_remove (self->in_flight, &fetch->message_id);
  g_signal_emit (self, signals[FETCH_FINISHED], 0, fetch->message_id, (int) state);
  pump (self, FALSE);
}

static void
record_failure (Fetch      *fetch,
                const char *reason,
                gboolean    retry)
{
  g_autoptr(GError) error = NULL;
  guint failures = (guint) MAX (fetch->failures, 0) + 1;
  guint delay = pdw_media_fetcher_backoff_seconds (failures);

  if (retry)
    g_message ("Media: message %" G_GINT64_FORMAT " not fetched (attempt %u), retry in %u s",
               fetch->message_id, failures, delay);
  else
    g_message ("Media: message %" G_GINT64_FORMAT " not fetched (attempt %u), waiting for an officer's retry",
               fetch->message_id, failures);
  if (!pdw_store_mark_media_failed (fetch->self->store, fetch->message_id, reason,
                                    retry ? now_seconds () + delay : 0, &error))
    g_warning ("Media: cannot record the failed fetch: %s", error->message);
}

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) store_error = NULL;
  g_autoptr(Kept) kept = NULL;
  PdwMediaState state = PDW_MEDIA_PENDING;

  kept = g_task_propagate_pointer (G_TASK (result), &error);
  if (kept != NULL)
    {
      if (pdw_store_mark_media_ready (fetch->self->store, fetch->message_id, kept->path, kept->size, &store_error))
        state = PDW_MEDIA_READY;
      else
        g_warning ("Media: cannot record the fetched file: %s", store_error->message);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    {
      g_message ("Media: message %" G_GINT64_FORMAT ": %s; the file was not kept",
                 fetch->message_id, error->message);
      if (pdw_store_mark_media_corrupt (fetch->self->store, fetch->message_id,
                                        _("The file received does not match the one the citizen sent (sha256 check failed); it was not kept."),
                                        &store_error))
        state = PDW_MEDIA_CORRUPT;
      else
        g_warning ("Media: cannot record the corrupt file: %s", store_error->message);
    }
  else
    {
      g_autofree char *reason = g_strdup_printf (_("Cannot store the file: %s"), error->message);

      record_failure (fetch, reason, TRUE);
    }

  finish_fetch (fetch, state);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *mime_type = NULL;

  if (!pdw_gateway_backend_fetch_media_finish (PDW_GATEWAY_BACKEND (object), result, &mime_type,
                                               &fetch->provider_sha256, NULL, &error))
    {
      g_autofree char *officer_text = NULL;

      g_unlink (fetch->part_path);
      /* Stopped: still pending, the lease runs out, the next start fetches. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_hash_table_remove (fetch->self->in_flight, &fetch->message_id);
          return;
        }

      /* What the provider refuses for good (a file it no longer has, a
       * media id that is not its own) would fail the same way every time
       * until it expires: the officer's Retry asks again. */
      officer_text = pdw_graph_error_dup_officer_text (error);
      record_failure (fetch, officer_text, pdw_graph_error_is_transient (error));
      finish_fetch (fetch, PDW_MEDIA_PENDING);
      return;
    }

  if (fetch->mime_type == NULL)
    fetch->mime_type = g_steal_pointer (&mime_type);

  /* Not cancellable: once downloaded, the file is checked and recorded
   * even if the fetcher stops meanwhile.  The callback owns @fetch; the
   * thread only reads it. */
  task = g_task_new (NULL, NULL, verified_cb, fetch);
  g_task_set_source_tag (task, fetched_cb);
  g_task_set_task_data (task, g_steal_pointer (&fetch), NULL);
  g_task_run_in_thread (task, (GTaskThreadFunc) verify_thread);
}

static gboolean
ensure_media_dir (PdwMediaFetcher  *self,
                  GError          **error)
{
  if (g_mkdir_with_parents (self->media_dir, 0700) != 0 || g_chmod (self->media_dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create the media folder %s: %s"), self->media_dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
start_fetch (PdwMediaFetcher *self,
             PdwMessage      *message)
{
  g_autoptr(GError) error = NULL;
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->self = g_object_ref (self);
  fetch->message_id = pdw_message_get_id (message);
  fetch->failures = pdw_message_get_media_attempts (message);
  fetch->mime_type = g_strdup (pdw_message_get_media_mime_type (message));
  fetch->filename = g_strdup (pdw_message_get_media_filename (message));
  fetch->expected = g_strdup (pdw_message_get_media_sha256 (message));
  fetch->media_dir = g_strdup (self->media_dir);
  fetch->part_path = g_strdup_printf ("%s/.part-%" G_GINT64_FORMAT "-%08x",
                                      self->media_dir, fetch->message_id, g_random_int ());
  g_hash_table_add (self->in_flight, g_memdup2 (&fetch->message_id, sizeof (gint64)));

  if (!ensure_media_dir (self, &error))
    {
      record_failure (fetch, error->message, TRUE);
      finish_fetch (fetch, PDW_MEDIA_PENDING);
      fetch_free (fetch);
      return;
    }

  pdw_gateway_backend_fetch_media_async (self->backend, message, fetch->part_path,
                                         self->cancellable, fetched_cb, fetch);
}

/* ---- Scheduling ------------------------------------------------------------ */

static gboolean
timer_cb (gpointer user_data)
{
  PdwMediaFetcher *self = user_data;

  self->timer_id = 0;
  pump (self, FALSE);
  return G_SOURCE_REMOVE;
}

static gboolean
idle_cb (gpointer user_data)
{
  PdwMediaFetcher *self = user_data;

  self->idle_id = 0;
  pump (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
message_changed_cb (PdwMediaFetcher *self)
{
  if (self->running && self->idle_id == 0)
    self->idle_id = g_idle_add (idle_cb, self);
}

static void
pump (PdwMediaFetcher *self,
      gboolean         expire_now)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = now_seconds ();
  gint64 wait;

  if (!self->running)
    return;

  if (expire_now || now - self->expired_at >= EXPIRE_EVERY_SECONDS)
    {
      self->expired_at = now;
      if (pdw_store_expire_media (self->store, now, &error) < 0)
        {
          g_warning ("Media: cannot mark expired media: %s", error->message);
          g_clear_error (&error);
        }
    }

  /* No provider URL yet (demo mode learns it after the start): waiting
   * costs no attempt; pdw_gateway_service_set_api_url() pumps again. */
  if (!pdw_gateway_backend_has_url (self->backend))
    return;

  if (g_hash_table_size (self->in_flight) < MAX_IN_FLIGHT)
    due = pdw_store_list_due_media (self->store, now, MAX_IN_FLIGHT, &error);
  if (error != NULL)
    {
      g_warning ("Media: cannot list the media to fetch: %s", error->message);
      g_clear_error (&error);
    }

  for (guint i = 0; due != NULL && i < due->len && g_hash_table_size (self->in_flight) < MAX_IN_FLIGHT; i++)
    {
      PdwMessage *message = g_ptr_array_index (due, i);
      gint64 id = pdw_message_get_id (message);
      gboolean claimed = FALSE;

      if (g_hash_table_contains (self->in_flight, &id))
        continue;
      if (!pdw_store_claim_media_fetch (self->store, id, now, now + LEASE_SECONDS, &claimed, &error))
        {
          g_warning ("Media: cannot claim message %" G_GINT64_FORMAT ": %s", id, error->message);
          g_clear_error (&error);
          continue;
        }
      if (claimed)
        start_fetch (self, message);
    }

  g_clear_handle_id (&self->timer_id, g_source_remove);
  wait = pdw_store_get_next_media_attempt (self->store, now, NULL);
  if (wait >= 0 && self->running)
    self->timer_id = g_timeout_add_seconds ((guint) CLAMP (wait, 1, MAX_SLEEP_SECONDS), timer_cb, self);
}

void
pdw_media_fetcher_pump (PdwMediaFetcher *self)
{
  g_return_if_fail (PDW_IS_MEDIA_FETCHER (self));

  pump (self, TRUE);
}

/* ---- GObject ------------------------------------------------------------ */

static void
pdw_media_fetcher_dispose (GObject *object)
{
  PdwMediaFetcher *self = (PdwMediaFetcher *)object;

  pdw_media_fetcher_stop (self);
  g_clear_object (&self->store);
  g_clear_object (&self->backend);

  G_OBJECT_CLASS (pdw_media_fetcher_parent_class)->dispose (object);
}

static void
pdw_media_fetcher_finalize (GObject *object)
{
  PdwMediaFetcher *self = (PdwMediaFetcher *)object;

  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_clear_pointer (&self->media_dir, g_free);

  G_OBJECT_CLASS (pdw_media_fetcher_parent_class)->finalize (object);
}

static void
pdw_media_fetcher_class_init (PdwMediaFetcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pdw_media_fetcher_dispose;
  object_class->finalize = pdw_media_fetcher_finalize;

  signals[FETCH_FINISHED] =
    g_signal_new ("fetch-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT);
}

static void
pdw_media_fetcher_init (PdwMediaFetcher *self)
{
  self->in_flight = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

PdwMediaFetcher *
pdw_media_fetcher_new (PdwStore          *store,
                       PdwGatewayBackend *backend,
                       const char        *media_dir)
{
  PdwMediaFetcher *self;

  g_return_val_if_fail (PDW_IS_STORE (store), NULL);
  g_return_val_if_fail (PDW_IS_GATEWAY_BACKEND (backend), NULL);

  self = g_object_new (PDW_TYPE_MEDIA_FETCHER, NULL);
  self->store = g_object_ref (store);
  self->backend = g_object_ref (backend);
  self->media_dir = media_dir != NULL ? g_strdup (media_dir)
                                      : pdw_media_fetcher_dup_dir_for_database (pdw_store_get_path (store));
  return self;
}

void
pdw_media_fetcher_set_backend (PdwMediaFetcher   *self,
                               PdwGatewayBackend *backend)
{
  g_return_if_fail (PDW_IS_MEDIA_FETCHER (self));
  g_return_if_fail (PDW_IS_GATEWAY_BACKEND (backend));

  g_set_object (&self->backend, backend);
  pdw_media_fetcher_pump (self);
}

const char *
pdw_media_fetcher_get_media_dir (PdwMediaFetcher *self)
{
  g_return_val_if_fail (PDW_IS_MEDIA_FETCHER (self), NULL);
  return self->media_dir;
}

void
pdw_media_fetcher_set_media_dir (PdwMediaFetcher *self,
                                 const char      *media_dir)
{
  g_return_if_fail (PDW_IS_MEDIA_FETCHER (self));
  g_return_if_fail (media_dir != NULL);

  g_free (self->media_dir);
  self->media_dir = g_strdup (media_dir);
}

void
pdw_media_fetcher_start (PdwMediaFetcher *self)
{
  g_return_if_fail (PDW_IS_MEDIA_FETCHER (self));

  if (self->running)
    return;

  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  self->changed_id = g_signal_connect_object (self->store, "message-changed",
                                              G_CALLBACK (message_changed_cb), self, G_CONNECT_SWAPPED);
  pdw_media_fetcher_pump (self);
}

void
pdw_media_fetcher_stop (PdwMediaFetcher *self)
{
  g_return_if_fail (PDW_IS_MEDIA_FETCHER (self));

  if (!self->running)
    return;

  self->running = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->timer_id, g_source_remove);
}

guint
pdw_media_fetcher_get_n_in_flight (PdwMediaFetcher *self)
{
  g_return_val_if_fail (PDW_IS_MEDIA_FETCHER (self), 0);
  return g_hash_table_size (self->in_flight);
}

/* ---- An officer's file -------------------------------------------------------- */

typedef struct
{
  GFile *source;
  char  *media_dir;
  char  *mime_type;
} KeepFile;

static void
keep_file_free (KeepFile *keep)
{
  g_clear_object (&keep->source);
  g_free (keep->media_dir);
  g_free (keep->mime_type);
  g_free (keep);
}

static void
keep_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  KeepFile *keep = task_data;
  g_autoptr(GFile) part = NULL;
  g_autofree char *part_path = NULL;
  g_autofree char *basename = g_file_get_basename (keep->source);
  GError *error = NULL;
  Kept *kept;

  if (g_mkdir_with_parents (keep->media_dir, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return;
    }

  part_path = g_strdup_printf ("%s/.part-attach-%08x", keep->media_dir, g_random_int ());
  part = g_file_new_for_path (part_path);
  if (!g_file_copy (keep->source, part, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                    cancellable, NULL, NULL, &error))
    {
      g_unlink (part_path);
      g_task_return_error (task, error);
      return;
    }

  kept = keep_part_file (part_path, keep->media_dir, keep->mime_type, basename, NULL, &error);
  if (kept == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, kept, (GDestroyNotify) kept_free);
}

void
pdw_media_fetcher_keep_file_async (PdwMediaFetcher     *self,
                                   GFile               *source,
                                   const char          *mime_type,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  KeepFile *keep;

  g_return_if_fail (PDW_IS_MEDIA_FETCHER (self));
  g_return_if_fail (G_IS_FILE (source));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_media_fetcher_keep_file_async);
  keep = g_new0 (KeepFile, 1);
  keep->source = g_object_ref (source);
  keep->media_dir = g_strdup (self->media_dir);
  keep->mime_type = g_strdup (mime_type);
  g_task_set_task_data (task, keep, (GDestroyNotify) keep_file_free);
  g_task_run_in_thread (task, keep_file_thread);
}

char *
pdw_media_fetcher_keep_file_finish (PdwMediaFetcher  *self,
                                    GAsyncResult     *result,
                                    gint64           *size,
                                    GError          **error)
{
  g_autoptr(Kept) kept = NULL;

  g_return_val_if_fail (PDW_IS_MEDIA_FETCHER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  kept = g_task_propagate_pointer (G_TASK (result), error);
  if (kept == NULL)
    return NULL;

  if (size != NULL)
    *size = kept->size;
  return g_steal_pointer (&kept->path);
}
