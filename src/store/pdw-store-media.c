/* pdw-store-media.c: the media files of messages: what the fetcher has to
 * download, what it got, what failed; and officers' attachments queued in
 * the outbox.  Calls only the files below it (pdw-store-outbox.c's insert,
 * the query helpers, pdw-store.c).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "pdw-store-media.h"
#include "pdw-store-private.h"

/* Runs @sql, an UPDATE of one message (?1 its id) that ends with
 * "RETURNING conversation_id", then announces the message.  *updated
 * (may be NULL) says whether a row matched. */
static gboolean
update_media (PdwStore         *self,
              const char       *sql,
              const PdwSqlArg  *args,
              guint             n_args,
              gboolean         *updated,
              GError          **error)
{
  g_auto(PdwSqlValue) value = { 0 };

  if (!_pdw_store_query_value (self, sql, args, n_args, &value, error))
    return FALSE;

  if (updated != NULL)
    *updated = value.found;
  if (value.found)
    {
      _pdw_store_emit_message_changed (self, value.number, args[0].number);
      _pdw_store_emit_conversation_changed (self, value.number);
    }
  return TRUE;
}

GPtrArray *
pdw_store_list_due_media (PdwStore  *self,
                          gint64     now,
                          guint      limit,
                          GError   **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pdw_store_query_list (self,
                                MESSAGE_SELECT
                                " WHERE media_state = 'pending' AND media_next_attempt_at <= ?1"
                                "   AND min (timestamp, received_at) >= ?3"
                                " ORDER BY media_next_attempt_at, id LIMIT ?2",
                                PDW_SQL_ARGS (PDW_SQL_INT (now), PDW_SQL_INT (limit),
                                              PDW_SQL_INT (now - PDW_MEDIA_LIFETIME_SECONDS)),
                                (PdwStoreRowBuilder) _pdw_store_message_from_row, error);
}

gint64
pdw_store_get_next_media_attempt (PdwStore  *self,
                                  gint64     now,
                                  GError   **error)
{
  g_auto(PdwSqlValue) value = { 0 };

  g_return_val_if_fail (PDW_IS_STORE (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!_pdw_store_query_value (self,
                               "SELECT min (media_next_attempt_at) FROM messages"
                               " WHERE media_state = 'pending'",
                               PDW_SQL_NO_ARGS, &value, error) ||
      value.is_null)
    return -1;

  return MAX (value.number - now, 0);
}

gboolean
pdw_store_claim_media_fetch (PdwStore  *self,
                             gint64     message_id,
                             gint64     now,
                             gint64     lease_until,
                             gboolean  *claimed,
                             GError   **error)
{
  g_auto(PdwSqlValue) value = { 0 };

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (claimed != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* One statement: the check and the lease are atomic across processes. */
  if (!_pdw_store_query_value (self,
                               "UPDATE messages SET media_next_attempt_at = ?3"
                               " WHERE id = ?1 AND media_state = 'pending'"
                               "   AND media_next_attempt_at <= ?2"
                               " RETURNING id",
                               PDW_SQL_ARGS (PDW_SQL_INT (message_id), PDW_SQL_INT (now),
                                             PDW_SQL_INT (lease_until)),
                               &value, error))
    return FALSE;

  *claimed = value.found;
  return TRUE;
}

gboolean
pdw_store_mark_media_ready (PdwStore    *self,
                            gint64       message_id,
                            const char  *path,
                            gint64       size,
                            GError     **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return update_media (self,
                       "UPDATE messages SET media_state = 'ready', media_path = ?2, media_size = ?3,"
                       "  media_attempts = media_attempts + 1, media_next_attempt_at = NULL,"
                       "  media_error = NULL"
                       " WHERE id = ?1 RETURNING conversation_id",
                       PDW_SQL_ARGS (PDW_SQL_INT (message_id), PDW_SQL_TEXT (path), PDW_SQL_INT (size)),
                       NULL, error);
}

gboolean
pdw_store_mark_media_failed (PdwStore    *self,
                             gint64       message_id,
                             const char  *reason,
                             gint64       next_attempt_at,
                             GError     **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return update_media (self,
                       "UPDATE messages SET media_attempts = media_attempts + 1,"
                       "  media_next_attempt_at = NULLIF (?3, 0), media_error = ?2"
                       " WHERE id = ?1 AND media_state = 'pending' RETURNING conversation_id",
                       PDW_SQL_ARGS (PDW_SQL_INT (message_id), PDW_SQL_TEXT (reason),
                                     PDW_SQL_INT (next_attempt_at)),
                       NULL, error);
}

gboolean
pdw_store_mark_media_corrupt (PdwStore    *self,
                              gint64       message_id,
                              const char  *reason,
                              GError     **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return update_media (self,
                       "UPDATE messages SET media_state = 'corrupt', media_path = NULL,"
                       "  media_attempts = media_attempts + 1, media_next_attempt_at = NULL,"
                       "  media_error = ?2"
                       " WHERE id = ?1 RETURNING conversation_id",
                       PDW_SQL_ARGS (PDW_SQL_INT (message_id), PDW_SQL_TEXT (reason)),
                       NULL, error);
}

/* In one transaction, so that a database opened with years of old media
 * (a generated history) expires it with one fsync. */
static gboolean
expire_media_locked (PdwStore  *self,
                     gint64     before,
                     GArray    *pairs,
                     GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row = FALSE;
  gboolean ok;

  if (!_pdw_store_begin (self, error))
    return FALSE;

  if (!(stmt = _pdw_store_prepare (self,
                                   "UPDATE messages SET media_state = 'expired', media_next_attempt_at = NULL"
                                   " WHERE media_state = 'pending' AND min (timestamp, received_at) < ?1"
                                   " RETURNING conversation_id, id", error)))
    {
      _pdw_store_rollback (self);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, before);
  while ((ok = _pdw_store_step_row (self, stmt, &has_row, error)) && has_row)
    {
      gint64 pair[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_vals (pairs, pair, 2);
    }
  g_clear_pointer (&stmt, _pdw_stmt_release);

  if (!ok || !_pdw_store_commit (self, error))
    {
      _pdw_store_rollback (self);
      g_array_set_size (pairs, 0);
      return FALSE;
    }

  return TRUE;
}

int
pdw_store_expire_media (PdwStore  *self,
                        gint64     now,
                        GError   **error)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok;

  g_return_val_if_fail (PDW_IS_STORE (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  /* The earlier of the message's times: Meta counts the 7 days from the
   * webhook, and a delivery retried late must not stretch them. */
  g_rec_mutex_lock (&self->mutex);
  ok = expire_media_locked (self, now - PDW_MEDIA_LIFETIME_SECONDS, pairs, error);
  g_rec_mutex_unlock (&self->mutex);

  if (!ok)
    return -1;

  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      _pdw_store_emit_message_changed (self, g_array_index (pairs, gint64, i),
                                       g_array_index (pairs, gint64, i + 1));
      _pdw_store_emit_conversation_changed (self, g_array_index (pairs, gint64, i));
    }

  return (int) (pairs->len / 2);
}

gboolean
pdw_store_retry_media (PdwStore  *self,
                       gint64     message_id,
                       gint64     now,
                       GError   **error)
{
  gboolean updated = FALSE;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!update_media (self,
                     "UPDATE messages SET media_state = 'pending', media_attempts = 0,"
                     "  media_next_attempt_at = ?2"
                     " WHERE id = ?1 AND media_state IN ('pending', 'corrupt')"
                     "   AND min (timestamp, received_at) >= ?3"
                     " RETURNING conversation_id",
                     PDW_SQL_ARGS (PDW_SQL_INT (message_id), PDW_SQL_INT (now),
                                   PDW_SQL_INT (now - PDW_MEDIA_LIFETIME_SECONDS)),
                     &updated, error))
    return FALSE;

  if (!updated)
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("This file can no longer be downloaded: WhatsApp keeps it for 7 days only."));
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
pdw_store_list_failed_media (PdwStore  *self,
                             gint64     since,
                             guint      limit,
                             GError   **error)
{
  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pdw_store_query_list (self,
                                MESSAGE_SELECT
                                " WHERE direction = 'in' AND timestamp >= ?2"
                                "   AND (media_state IN ('corrupt', 'expired')"
                                "        OR (media_state = 'pending' AND media_error IS NOT NULL))"
                                " ORDER BY timestamp DESC, id DESC LIMIT ?1",
                                PDW_SQL_ARGS (PDW_SQL_INT (limit), PDW_SQL_INT (since)),
                                (PdwStoreRowBuilder) _pdw_store_message_from_row, error);
}

/* ---- Officers' attachments ---------------------------------------------------- */

static gboolean
queue_media_locked (PdwStore    *self,
                    gint64       conversation_id,
                    const char  *type,
                    const char  *path,
                    const char  *mime_type,
                    const char  *filename,
                    gint64       size,
                    const char  *caption,
                    const char  *officer_name,
                    gint64      *message_id,
                    GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!_pdw_store_begin (self, error))
    return FALSE;

  if (!_pdw_store_insert_outgoing (self, conversation_id, type, caption, officer_name,
                                   NULL, NULL, NULL, message_id, error) ||
      !(stmt = _pdw_store_prepare (self,
                                   "UPDATE messages SET media_state = 'ready', media_path = ?2,"
                                   "  media_mime_type = ?3, media_filename = ?4, media_size = ?5"
                                   " WHERE id = ?1", error)))
    {
      _pdw_store_rollback (self);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, *message_id);
  _pdw_stmt_bind_text (stmt, 2, path);
  _pdw_stmt_bind_text (stmt, 3, mime_type);
  _pdw_stmt_bind_text (stmt, 4, filename);
  sqlite3_bind_int64 (stmt, 5, size);
  if (!_pdw_store_step_done (self, stmt, error) ||
      !_pdw_store_commit (self, error))
    {
      _pdw_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

gint64
pdw_store_queue_outgoing_media (PdwStore    *self,
                                gint64       conversation_id,
                                const char  *type,
                                const char  *path,
                                const char  *mime_type,
                                const char  *filename,
                                gint64       size,
                                const char  *caption,
                                const char  *officer_name,
                                GError     **error)
{
  gint64 message_id = 0;
  gboolean ok;

  g_return_val_if_fail (PDW_IS_STORE (self), 0);
  g_return_val_if_fail (type != NULL, 0);
  g_return_val_if_fail (path != NULL, 0);
  g_return_val_if_fail (mime_type != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!g_str_equal (type, "image") && !g_str_equal (type, "document"))
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   "Attachments are images or documents, not %s", type);
      return 0;
    }

  if (caption != NULL && caption[0] == '\0')
    caption = NULL;

  g_rec_mutex_lock (&self->mutex);
  ok = queue_media_locked (self, conversation_id, type, path, mime_type, filename, size,
                           caption, officer_name, &message_id, error);
  g_rec_mutex_unlock (&self->mutex);

  if (!ok)
    return 0;

  _pdw_store_emit_message_changed (self, conversation_id, message_id);
  _pdw_store_emit_conversation_changed (self, conversation_id);
  return message_id;
}
