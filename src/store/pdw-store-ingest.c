/* pdw-store-ingest.c: webhook deliveries: contacts, conversations,
 * inbound messages and delivery statuses (also those that arrive before
 * the Graph API answered, kept until the outbox knows the wamid).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "core/pdw-desk-rules.h"
#include "pdw-store-private.h"

/* ---- Webhook ingestion ---------------------------------------------------- */

static gboolean
insert_delivery (PdwStore    *self,
                 const char  *source,
                 GBytes      *raw_body,
                 gint64       now,
                 gint64      *delivery_id,
                 GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (raw_body, &size);

  if (!(stmt = _pdw_store_prepare (self,
                                   "INSERT INTO webhook_deliveries (received_at, source, body)"
                                   " VALUES (?1, ?2, ?3)", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, now);
  _pdw_stmt_bind_text (stmt, 2, source ? source : "unknown");
  if (size == 0)
    sqlite3_bind_zeroblob (stmt, 3, 0);
  else
    sqlite3_bind_blob64 (stmt, 3, data, size, SQLITE_STATIC);

  return _pdw_store_step_insert (self, stmt, delivery_id, error);
}

gboolean
_pdw_store_find_message_by_wamid (PdwStore           *self,
                                  const char         *wamid,
                                  gint64             *id,
                                  gint64             *conversation_id,
                                  PdwDeliveryStatus  *status,
                                  GError            **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row;

  *id = 0;
  if (!(stmt = _pdw_store_prepare (self,
                                   "SELECT id, conversation_id, status FROM messages WHERE wamid = ?1",
                                   error)))
    return FALSE;

  _pdw_stmt_bind_text (stmt, 1, wamid);
  if (!_pdw_store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      if (conversation_id)
        *conversation_id = sqlite3_column_int64 (stmt, 1);
      if (status)
        *status = _pdw_stmt_column_delivery_status (stmt, 2);
    }

  return TRUE;
}

static gboolean
find_contact (PdwStore    *self,
              const char  *sql,
              const char  *key,
              gint64      *contact_id,
              GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row;

  *contact_id = 0;
  if (key == NULL || *key == '\0')
    return TRUE;

  if (!(stmt = _pdw_store_prepare (self, sql, error)))
    return FALSE;

  _pdw_stmt_bind_text (stmt, 1, key);
  if (!_pdw_store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    *contact_id = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

/* A citizen is found by wa_id first, then by business-scoped user id;
 * whichever of the two is new is recorded, unless another contact already
 * holds it. */
static gboolean
upsert_contact (PdwStore                 *self,
                const PdwInboundMessage  *message,
                gint64                    now,
                gint64                   *contact_id,
                GError                  **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!find_contact (self, "SELECT id FROM contacts WHERE wa_id = ?1",
                     message->wa_id, contact_id, error))
    return FALSE;

  if (*contact_id == 0 &&
      !find_contact (self, "SELECT id FROM contacts WHERE user_id = ?1",
                     message->user_id, contact_id, error))
    return FALSE;

  if (*contact_id == 0)
    {
      if (!(stmt = _pdw_store_prepare (self,
                                       "INSERT INTO contacts (wa_id, user_id, profile_name, created_at, updated_at)"
                                       " VALUES (?1, ?2, ?3, ?4, ?4)", error)))
        return FALSE;

      _pdw_stmt_bind_text (stmt, 1, message->wa_id && *message->wa_id ? message->wa_id : NULL);
      _pdw_stmt_bind_text (stmt, 2, message->user_id && *message->user_id ? message->user_id : NULL);
      _pdw_stmt_bind_text (stmt, 3, message->profile_name);
      sqlite3_bind_int64 (stmt, 4, now);
      return _pdw_store_step_insert (self, stmt, contact_id, error);
    }

  if (!(stmt = _pdw_store_prepare (self,
                                   "UPDATE contacts SET"
                                   "  profile_name = COALESCE (?2, profile_name),"
                                   "  wa_id = COALESCE (wa_id, (SELECT ?3 WHERE NOT EXISTS"
                                   "          (SELECT 1 FROM contacts WHERE wa_id = ?3))),"
                                   "  user_id = COALESCE (user_id, (SELECT ?4 WHERE NOT EXISTS"
                                   "          (SELECT 1 FROM contacts WHERE user_id = ?4))),"
                                   "  updated_at = ?5"
                                   " WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, *contact_id);
  _pdw_stmt_bind_text (stmt, 2, message->profile_name);
  _pdw_stmt_bind_text (stmt, 3, message->wa_id && *message->wa_id ? message->wa_id : NULL);
  _pdw_stmt_bind_text (stmt, 4, message->user_id && *message->user_id ? message->user_id : NULL);
  sqlite3_bind_int64 (stmt, 5, now);
  return _pdw_store_step_done (self, stmt, error);
}

static gboolean
ensure_conversation (PdwStore  *self,
                     gint64     contact_id,
                     gint64     now,
                     gint64    *conversation_id,
                     GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  g_autoptr(PdwStmt) insert = NULL;
  gboolean has_row;

  /* A merged number's messages land in the conversation that absorbed it. */
  if (!(stmt = _pdw_store_prepare (self,
                                   "SELECT COALESCE (merged_into, id) FROM conversations WHERE contact_id = ?1",
                                   error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, contact_id);
  if (!_pdw_store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      *conversation_id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }

  if (!(insert = _pdw_store_prepare (self,
                                     "INSERT INTO conversations (contact_id, created_at) VALUES (?1, ?2)",
                                     error)))
    return FALSE;

  sqlite3_bind_int64 (insert, 1, contact_id);
  sqlite3_bind_int64 (insert, 2, now);
  return _pdw_store_step_insert (self, insert, conversation_id, error);
}

static gboolean
insert_inbound_message (PdwStore                 *self,
                        const PdwInboundMessage  *message,
                        gint64                    contact_id,
                        gint64                    conversation_id,
                        gint64                    delivery_id,
                        gint64                    now,
                        gint64                   *message_id,
                        GError                  **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = _pdw_store_prepare (self,
                                   "INSERT INTO messages (conversation_id, wamid, direction, type, text,"
                                   "  media_id, media_mime_type, media_sha256, media_filename,"
                                   "  context_wamid, raw_json, timestamp, received_at, status,"
                                   "  error_code, error_title, webhook_delivery_id, contact_id, claimed_timestamp)"
                                   " VALUES (?1, ?2, 'in', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                                   "  'none', ?13, ?14, ?15, ?16, ?17)", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  _pdw_stmt_bind_text (stmt, 2, message->wamid);
  _pdw_stmt_bind_text (stmt, 3, message->type ? message->type : "unknown");
  _pdw_stmt_bind_text (stmt, 4, message->text);
  _pdw_stmt_bind_text (stmt, 5, message->media_id);
  _pdw_stmt_bind_text (stmt, 6, message->media_mime_type);
  _pdw_stmt_bind_text (stmt, 7, message->media_sha256);
  _pdw_stmt_bind_text (stmt, 8, message->media_filename);
  _pdw_stmt_bind_text (stmt, 9, message->context_wamid);
  _pdw_stmt_bind_text (stmt, 10, message->raw_json);
  /* WhatsApp's time of the message, not ours: ordering and the 24-hour
   * window depend on it. */
  sqlite3_bind_int64 (stmt, 11, message->timestamp > 0 ? message->timestamp : now);
  sqlite3_bind_int64 (stmt, 12, now);
  _pdw_stmt_bind_int_or_null (stmt, 13, message->error_code);
  _pdw_stmt_bind_text (stmt, 14, message->error_title);
  if (delivery_id > 0)
    sqlite3_bind_int64 (stmt, 15, delivery_id);
  sqlite3_bind_int64 (stmt, 16, contact_id);
  if (message->timestamp_clamped)
    sqlite3_bind_int64 (stmt, 17, message->claimed_timestamp);

  return _pdw_store_step_insert (self, stmt, message_id, error);
}

static gboolean
raise_last_inbound_time (PdwStore  *self,
                         gint64     conversation_id,
                         gint64     timestamp,
                         GError   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = _pdw_store_prepare (self,
                                   "UPDATE conversations SET last_inbound_time = ?2"
                                   " WHERE id = ?1 AND last_inbound_time < ?2", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, timestamp);
  return _pdw_store_step_done (self, stmt, error);
}

/* The desk's rule (pdw_desk_rules_find_complaint_to_link()) decides; the
 * store looks complaints up for it and records the link. */
typedef struct
{
  PdwStore *store;
  gint64    conversation_id;
} LinkLookup;

static gboolean
lookup_conversation_complaint (gpointer   user_data,
                               gint64    *complaint_id,
                               GError   **error)
{
  LinkLookup *lookup = user_data;

  return _pdw_store_find_open_complaint_of_conversation (lookup->store, lookup->conversation_id,
                                                         complaint_id, error);
}

static gboolean
lookup_complaint_by_nik (gpointer     user_data,
                         const char  *nik,
                         gint64      *complaint_id,
                         GError     **error)
{
  LinkLookup *lookup = user_data;

  return _pdw_store_find_open_complaint_id_by_nik (lookup->store, nik, complaint_id, error);
}

static gboolean
link_by_nik_in_text (PdwStore         *self,
                     gint64            conversation_id,
                     const char       *text,
                     gint64            now,
                     PdwStoreChanges  *changes,
                     GError          **error)
{
  static const PdwDeskComplaintLookup lookups = {
    lookup_conversation_complaint,
    lookup_complaint_by_nik,
  };
  /* Ingestion acts for nobody: the control card names the system. */
  static const PdwActor automatic = { "PANDAWA", NULL, NULL };
  LinkLookup lookup = { self, conversation_id };
  gint64 complaint_id = 0;

  if (!pdw_desk_rules_find_complaint_to_link (text, &lookups, &lookup, &complaint_id, error))
    return FALSE;

  if (complaint_id == 0)
    return TRUE;

  if (!_pdw_store_link_conversation_locked (self, conversation_id, complaint_id, &automatic, now, error))
    return FALSE;

  _pdw_store_add_unique_id (changes->complaints, complaint_id);
  _pdw_store_add_unique_id (changes->conversations, conversation_id);
  return TRUE;
}

static gboolean
ingest_message (PdwStore                 *self,
                const PdwInboundMessage  *message,
                gint64                    delivery_id,
                gint64                    now,
                PdwIngestResult          *result,
                PdwStoreChanges             *changes,
                GError                  **error)
{
  gint64 existing_id, contact_id, conversation_id, message_id;
  gint64 message_time = message->timestamp > 0 ? message->timestamp : now;
  gboolean rated = FALSE;

  if (message->wamid == NULL || *message->wamid == '\0')
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("A message in the webhook has no message id."));
      return FALSE;
    }

  if ((message->wa_id == NULL || *message->wa_id == '\0') &&
      (message->user_id == NULL || *message->user_id == '\0'))
    {
      g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                   _("Message “%s” has neither a WhatsApp number nor a user id of its sender."),
                   message->wamid);
      return FALSE;
    }

  if (!_pdw_store_find_message_by_wamid (self, message->wamid, &existing_id, NULL, NULL, error))
    return FALSE;

  /* Webhooks are delivered at least once: a retry is not a new message. */
  if (existing_id != 0)
    {
      result->messages_duplicate++;
      return TRUE;
    }

  if (!upsert_contact (self, message, now, &contact_id, error) ||
      !ensure_conversation (self, contact_id, now, &conversation_id, error) ||
      !insert_inbound_message (self, message, contact_id, conversation_id, delivery_id, now,
                               &message_id, error) ||
      !raise_last_inbound_time (self, conversation_id, message_time, error))
    return FALSE;

  /* A citizen's "4" to the closing message's survey is their rating of
   * the service, kept with the message; anything else may link by NIK. */
  if (g_strcmp0 (message->type, "text") == 0 &&
      !_pdw_store_record_survey_reply (self, conversation_id, message->text, message_time,
                                       changes, &rated, error))
    return FALSE;
  /* Reading a NIK out of the text waits until the delivery is committed
   * (pdw_store_link_deferred()): the acknowledgement never waits for the
   * extractor. */
  if (!rated && message->text != NULL)
    g_array_append_val (self->deferred_links, message_id);

  result->messages_new++;
  _pdw_store_changes_add_message (changes, conversation_id, message_id);
  return TRUE;
}

gboolean
_pdw_store_apply_status (PdwStore           *self,
                         gint64              message_id,
                         PdwDeliveryStatus   current,
                         PdwDeliveryStatus   status,
                         gint64              timestamp,
                         int                 error_code,
                         const char         *error_title,
                         const char         *error_details,
                         gboolean           *applied,
                         GError            **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  *applied = FALSE;
  if (!pdw_delivery_status_can_advance (current, status))
    return TRUE;

  if (!(stmt = _pdw_store_prepare (self,
                                   "UPDATE messages SET status = ?2, status_time = ?3,"
                                   "  error_code = CASE WHEN ?2 = 'failed' THEN ?4 ELSE error_code END,"
                                   "  error_title = CASE WHEN ?2 = 'failed' THEN ?5 ELSE error_title END,"
                                   "  error_details = CASE WHEN ?2 = 'failed' THEN ?6 ELSE error_details END,"
                                   "  next_attempt_at = NULL"
                                   " WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, message_id);
  _pdw_stmt_bind_text (stmt, 2, pdw_delivery_status_to_string (status));
  sqlite3_bind_int64 (stmt, 3, timestamp);
  _pdw_stmt_bind_int_or_null (stmt, 4, error_code);
  _pdw_stmt_bind_text (stmt, 5, error_title);
  _pdw_stmt_bind_text (stmt, 6, error_details);
  if (!_pdw_store_step_done (self, stmt, error))
    return FALSE;

  *applied = TRUE;
  return TRUE;
}

static gboolean
keep_pending_status (PdwStore               *self,
                     const PdwStatusUpdate  *update,
                     gint64                  now,
                     gboolean               *kept,
                     GError                **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = _pdw_store_prepare (self,
                                   "INSERT OR IGNORE INTO pending_statuses (wamid, status, timestamp,"
                                   "  recipient_id, error_code, error_title, error_details, received_at)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error)))
    return FALSE;

  _pdw_stmt_bind_text (stmt, 1, update->wamid);
  _pdw_stmt_bind_text (stmt, 2, pdw_delivery_status_to_string (update->status));
  sqlite3_bind_int64 (stmt, 3, update->timestamp);
  _pdw_stmt_bind_text (stmt, 4, update->recipient_id);
  _pdw_stmt_bind_int_or_null (stmt, 5, update->error_code);
  _pdw_stmt_bind_text (stmt, 6, update->error_title);
  _pdw_stmt_bind_text (stmt, 7, update->error_details);
  sqlite3_bind_int64 (stmt, 8, now);
  if (!_pdw_store_step_done (self, stmt, error))
    return FALSE;

  *kept = sqlite3_changes (self->db) > 0;
  return TRUE;
}

static gboolean
ingest_status (PdwStore               *self,
               const PdwStatusUpdate  *update,
               gint64                  now,
               PdwIngestResult        *result,
               PdwStoreChanges           *changes,
               GError                **error)
{
  gint64 message_id, conversation_id = 0;
  PdwDeliveryStatus current = PDW_DELIVERY_NONE;
  gboolean done = FALSE;

  if (update->wamid == NULL || *update->wamid == '\0' ||
      update->status > PDW_DELIVERY_FAILED)
    {
      g_set_error_literal (error, PDW_STORE_ERROR, PDW_STORE_ERROR_INVALID,
                           _("A status in the webhook has no message id or an unknown state."));
      return FALSE;
    }

  if (!_pdw_store_find_message_by_wamid (self, update->wamid, &message_id, &conversation_id, &current, error))
    return FALSE;

  /* Delivery states belong to our own messages; a citizen's has none. */
  if (message_id != 0 && current == PDW_DELIVERY_NONE)
    {
      result->statuses_ignored++;
      return TRUE;
    }

  if (message_id == 0)
    {
      if (!keep_pending_status (self, update, now, &done, error))
        return FALSE;
      if (done)
        result->statuses_pending++;
      else
        result->statuses_ignored++;
      return TRUE;
    }

  if (!_pdw_store_apply_status (self, message_id, current, update->status, update->timestamp,
                     update->error_code, update->error_title, update->error_details,
                     &done, error))
    return FALSE;

  if (done)
    {
      result->statuses_applied++;
      _pdw_store_changes_add_message (changes, conversation_id, message_id);
    }
  else
    result->statuses_ignored++;

  return TRUE;
}

static gboolean
ingest_locked (PdwStore         *self,
               const char       *source,
               GBytes           *raw_body,
               GPtrArray        *messages,
               GPtrArray        *statuses,
               PdwIngestResult  *result,
               PdwStoreChanges     *changes,
               GError          **error)
{
  gint64 now = _pdw_store_now (self);
  gint64 delivery_id = 0;

  if (!_pdw_store_begin (self, error))
    return FALSE;

  if (raw_body != NULL && !insert_delivery (self, source, raw_body, now, &delivery_id, error))
    goto failed;

  for (guint i = 0; messages != NULL && i < messages->len; i++)
    if (!ingest_message (self, g_ptr_array_index (messages, i), delivery_id, now,
                         result, changes, error))
      goto failed;

  for (guint i = 0; statuses != NULL && i < statuses->len; i++)
    if (!ingest_status (self, g_ptr_array_index (statuses, i), now, result, changes, error))
      goto failed;

  if (!_pdw_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  _pdw_store_rollback (self);
  return FALSE;
}

gboolean
pdw_store_ingest_webhook (PdwStore         *self,
                          const char       *source,
                          GBytes           *raw_body,
                          GPtrArray        *messages,
                          GPtrArray        *statuses,
                          PdwIngestResult  *result,
                          GError          **error)
{
  g_auto(PdwStoreChanges) changes = { 0 };
  PdwIngestResult local_result = { 0 };
  gboolean ret;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _pdw_store_changes_init (&changes);

  g_rec_mutex_lock (&self->mutex);
  ret = ingest_locked (self, source, raw_body, messages, statuses, &local_result, &changes, error);
  g_rec_mutex_unlock (&self->mutex);

  if (!ret)
    return FALSE;

  if (result != NULL)
    *result = local_result;

  _pdw_store_changes_emit (self, &changes);

  /* Alone, the delivery is committed now; a batch's waits for its end
   * (the ingest worker links after answering).  The delivery is stored
   * whatever happens here. */
  {
    g_autoptr(GError) link_error = NULL;

    if (!pdw_store_link_deferred (self, &link_error))
      g_warning ("Messages stored, but not linked to complaints by NIK: %s", link_error->message);
  }
  return TRUE;
}


/* ---- Linking by NIK, after the commit ------------------------------------ */

static gboolean
link_deferred_locked (PdwStore         *self,
                      GArray           *ids,
                      PdwStoreChanges  *changes,
                      GError          **error)
{
  gint64 now = _pdw_store_now (self);

  if (!_pdw_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(PdwStmt) stmt = NULL;
      g_autofree char *text = NULL;
      gint64 conversation_id;
      gboolean has_row;

      /* A delivery rolled back since (a failed batch) left no row. */
      if (!(stmt = _pdw_store_prepare (self, "SELECT conversation_id, text FROM messages WHERE id = ?1", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (!_pdw_store_step_row (self, stmt, &has_row, error))
        goto failed;
      if (!has_row)
        continue;

      conversation_id = sqlite3_column_int64 (stmt, 0);
      text = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_clear_pointer (&stmt, _pdw_stmt_release);
      if (!link_by_nik_in_text (self, conversation_id, text, now, changes, error))
        goto failed;
    }

  if (!_pdw_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  _pdw_store_rollback (self);
  return FALSE;
}

gboolean
pdw_store_link_deferred (PdwStore  *self,
                         GError   **error)
{
  g_auto(PdwStoreChanges) changes = { 0 };
  g_autoptr(GArray) ids = NULL;
  gboolean ret;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _pdw_store_changes_init (&changes);

  g_rec_mutex_lock (&self->mutex);
  if (self->in_batch || self->deferred_links->len == 0)
    {
      g_rec_mutex_unlock (&self->mutex);
      return TRUE;
    }
  ids = g_steal_pointer (&self->deferred_links);
  self->deferred_links = g_array_new (FALSE, FALSE, sizeof (gint64));
  ret = link_deferred_locked (self, ids, &changes, error);
  g_rec_mutex_unlock (&self->mutex);

  if (!ret)
    return FALSE;

  _pdw_store_changes_emit (self, &changes);
  return TRUE;
}

/* ---- Retention ------------------------------------------------------------ */

static gboolean
purge_locked (PdwStore  *self,
              gint64     before,
              guint      limit,
              guint     *purged,
              GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PdwStmt) select = NULL;
  g_autoptr(PdwStmt) orphans = NULL;
  gboolean has_row;

  if (!_pdw_store_begin (self, error))
    return FALSE;

  if (!(select = _pdw_store_prepare (self,
                                     "SELECT id FROM webhook_deliveries WHERE received_at < ?1"
                                     " ORDER BY received_at LIMIT ?2", error)))
    goto failed;
  sqlite3_bind_int64 (select, 1, before);
  sqlite3_bind_int64 (select, 2, limit);
  for (;;)
    {
      gint64 id;

      if (!_pdw_store_step_row (self, select, &has_row, error))
        goto failed;
      if (!has_row)
        break;
      id = sqlite3_column_int64 (select, 0);
      g_array_append_val (ids, id);
    }
  g_clear_pointer (&select, _pdw_stmt_release);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(PdwStmt) unlink = NULL;
      g_autoptr(PdwStmt) delete = NULL;

      if (!(unlink = _pdw_store_prepare (self, "UPDATE messages SET webhook_delivery_id = NULL"
                                               " WHERE webhook_delivery_id = ?1", error)))
        goto failed;
      sqlite3_bind_int64 (unlink, 1, g_array_index (ids, gint64, i));
      if (!_pdw_store_step_done (self, unlink, error))
        goto failed;
      g_clear_pointer (&unlink, _pdw_stmt_release);

      if (!(delete = _pdw_store_prepare (self, "DELETE FROM webhook_deliveries WHERE id = ?1", error)))
        goto failed;
      sqlite3_bind_int64 (delete, 1, g_array_index (ids, gint64, i));
      if (!_pdw_store_step_done (self, delete, error))
        goto failed;
    }

  if (!(orphans = _pdw_store_prepare (self,
                                      "DELETE FROM pending_statuses WHERE id IN"
                                      " (SELECT id FROM pending_statuses WHERE received_at < ?1 LIMIT ?2)", error)))
    goto failed;
  sqlite3_bind_int64 (orphans, 1, before);
  sqlite3_bind_int64 (orphans, 2, limit);
  if (!_pdw_store_step_done (self, orphans, error))
    goto failed;

  *purged = ids->len + (guint) sqlite3_changes (self->db);
  if (!_pdw_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  _pdw_store_rollback (self);
  return FALSE;
}

gboolean
pdw_store_purge_webhooks (PdwStore  *self,
                          gint64     before,
                          guint      limit,
                          guint     *purged,
                          GError   **error)
{
  gboolean ret;
  guint n = 0;

  g_return_val_if_fail (PDW_IS_STORE (self), FALSE);
  g_return_val_if_fail (limit > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_rec_mutex_lock (&self->mutex);
  ret = purge_locked (self, before, limit, &n, error);
  g_rec_mutex_unlock (&self->mutex);

  if (purged != NULL)
    *purged = ret ? n : 0;
  return ret;
}
