/* pdw-store-rows.c: the objects of core built from the rows of the
 * *_SELECT queries of pdw-store-private.h, and the row helpers the
 * aggregate files share.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "pdw-store-private.h"

/* ---- Records from rows ---------------------------------------------------- */

/* What the queue shows for a message without text (a photo without a
 * caption, a document...). */
static const char *
describe_message_type (const char *type)
{
  if (g_strcmp0 (type, "image") == 0)
    return _("Photo");
  if (g_strcmp0 (type, "document") == 0)
    return _("Document");
  if (g_strcmp0 (type, "audio") == 0)
    return _("Voice message");
  if (g_strcmp0 (type, "video") == 0)
    return _("Video");
  if (g_strcmp0 (type, "sticker") == 0)
    return _("Sticker");
  if (g_strcmp0 (type, "location") == 0)
    return _("Location");
  if (g_strcmp0 (type, "contacts") == 0)
    return _("Contact card");
  return _("Message");
}

PdwConversation *
_pdw_store_conversation_from_row (PdwStmt *stmt)
{
  const char *text = _pdw_stmt_column_text (stmt, 4);
  const char *type = _pdw_stmt_column_text (stmt, 5);
  PdwDirection direction = PDW_DIRECTION_IN;
  PdwComplaintStatus complaint_status = PDW_COMPLAINT_BARU;

  if (text == NULL || *text == '\0')
    text = type != NULL ? describe_message_type (type) : NULL;
  pdw_direction_from_string (_pdw_stmt_column_text (stmt, 7), &direction);
  if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
    complaint_status = _pdw_stmt_column_complaint_status (stmt, 12);

  return g_object_new (PDW_TYPE_CONVERSATION,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "contact-id", (gint64) sqlite3_column_int64 (stmt, 1),
                       "wa-id", _pdw_stmt_column_text (stmt, 2),
                       "profile-name", _pdw_stmt_column_text (stmt, 3),
                       "last-message-text", text,
                       "last-message-time", (gint64) sqlite3_column_int64 (stmt, 6),
                       "last-message-direction", (int) direction,
                       "last-inbound-time", (gint64) sqlite3_column_int64 (stmt, 8),
                       "unread-count", (guint) sqlite3_column_int64 (stmt, 9),
                       "complaint-id", (gint64) sqlite3_column_int64 (stmt, 10),
                       "complaint-ticket", _pdw_stmt_column_text (stmt, 11),
                       "complaint-status", (int) complaint_status,
                       "complaint-due-at", (gint64) sqlite3_column_int64 (stmt, 13),
                       "n-merged-numbers", (guint) sqlite3_column_int64 (stmt, 14),
                       "last-message-automatic", sqlite3_column_int (stmt, 15) != 0,
                       "pending-step", _pdw_stmt_column_text (stmt, 16),
                       NULL);
}

/* template_params: a JSON array of strings; anything else reads as none. */
static GStrv
parse_template_params (const char *json)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonNode *root;
  JsonArray *array;

  if (json == NULL || *json == '\0')
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  array = json_node_get_array (root);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
      else
        g_strv_builder_add (builder, "");
    }

  return g_strv_builder_end (builder);
}

PdwMessage *
_pdw_store_message_from_row (PdwStmt *stmt)
{
  PdwDirection direction = PDW_DIRECTION_IN;
  g_auto(GStrv) params = parse_template_params (_pdw_stmt_column_text (stmt, 16));

  pdw_direction_from_string (_pdw_stmt_column_text (stmt, 3), &direction);

  return g_object_new (PDW_TYPE_MESSAGE,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "conversation-id", (gint64) sqlite3_column_int64 (stmt, 1),
                       "wamid", _pdw_stmt_column_text (stmt, 2),
                       "direction", (int) direction,
                       "message-type", _pdw_stmt_column_text (stmt, 4),
                       "text", _pdw_stmt_column_text (stmt, 5),
                       "media-id", _pdw_stmt_column_text (stmt, 6),
                       "media-mime-type", _pdw_stmt_column_text (stmt, 7),
                       "media-filename", _pdw_stmt_column_text (stmt, 8),
                       "timestamp", (gint64) sqlite3_column_int64 (stmt, 9),
                       "status", (int) _pdw_stmt_column_delivery_status (stmt, 10),
                       "error-code", sqlite3_column_int (stmt, 11),
                       "error-title", _pdw_stmt_column_text (stmt, 12),
                       "officer-name", _pdw_stmt_column_text (stmt, 13),
                       "template-name", _pdw_stmt_column_text (stmt, 14),
                       "template-language", _pdw_stmt_column_text (stmt, 15),
                       "template-params", params,
                       "from-wa-id", _pdw_stmt_column_text (stmt, 17),
                       "media-state", (int) pdw_media_state_from_string (_pdw_stmt_column_text (stmt, 18)),
                       "media-path", _pdw_stmt_column_text (stmt, 19),
                       "media-size", (gint64) sqlite3_column_int64 (stmt, 20),
                       "media-attempts", sqlite3_column_int (stmt, 21),
                       "media-error", _pdw_stmt_column_text (stmt, 22),
                       "media-sha256", _pdw_stmt_column_text (stmt, 23),
                       NULL);
}

PdwComplaint *
_pdw_store_complaint_from_row (PdwStmt *stmt)
{
  return g_object_new (PDW_TYPE_COMPLAINT,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "ticket", _pdw_stmt_column_text (stmt, 1),
                       "conversation-id", (gint64) sqlite3_column_int64 (stmt, 2),
                       "citizen-name", _pdw_stmt_column_text (stmt, 3),
                       "nik", _pdw_stmt_column_text (stmt, 4),
                       "kk", _pdw_stmt_column_text (stmt, 5),
                       "phone", _pdw_stmt_column_text (stmt, 6),
                       "complaint-type", _pdw_stmt_column_text (stmt, 7),
                       "institution", _pdw_stmt_column_text (stmt, 8),
                       "status", (int) _pdw_stmt_column_complaint_status (stmt, 9),
                       "assigned-officer", _pdw_stmt_column_text (stmt, 10),
                       "created-at", (gint64) sqlite3_column_int64 (stmt, 11),
                       "updated-at", (gint64) sqlite3_column_int64 (stmt, 12),
                       "due-at", (gint64) sqlite3_column_int64 (stmt, 13),
                       "sla-started-at", (gint64) sqlite3_column_int64 (stmt, 14),
                       "holder", _pdw_stmt_column_text (stmt, 15),
                       "overdue-notified-at", (gint64) sqlite3_column_int64 (stmt, 16),
                       "listed-at", (gint64) sqlite3_column_int64 (stmt, 17),
                       "consolidation-result", _pdw_stmt_column_text (stmt, 18),
                       "survey-asked-at", (gint64) sqlite3_column_int64 (stmt, 19),
                       "survey-rating", sqlite3_column_int (stmt, 20),
                       "survey-rated-at", (gint64) sqlite3_column_int64 (stmt, 21),
                       NULL);
}

/* The one place a line's stored status names become the enum; a line that
 * recorded none (or a name this version does not know) has none. */
static PdwComplaintStatus
event_status_from_column (PdwStmt *stmt,
                          int      index)
{
  PdwComplaintStatus status;

  if (!pdw_complaint_status_from_string (_pdw_stmt_column_text (stmt, index), &status))
    return PDW_COMPLAINT_EVENT_NO_STATUS;
  return status;
}

PdwComplaintEvent *
_pdw_store_complaint_event_from_row (PdwStmt *stmt)
{
  return g_object_new (PDW_TYPE_COMPLAINT_EVENT,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "complaint-id", (gint64) sqlite3_column_int64 (stmt, 1),
                       "timestamp", (gint64) sqlite3_column_int64 (stmt, 2),
                       "actor-name", _pdw_stmt_column_text (stmt, 3),
                       "actor-nip", _pdw_stmt_column_text (stmt, 4),
                       "action", _pdw_stmt_column_text (stmt, 5),
                       "from-status", (int) event_status_from_column (stmt, 6),
                       "to-status", (int) event_status_from_column (stmt, 7),
                       "from-party", _pdw_stmt_column_text (stmt, 8),
                       "to-party", _pdw_stmt_column_text (stmt, 9),
                       "note", _pdw_stmt_column_text (stmt, 10),
                       "actor-initials", _pdw_stmt_column_text (stmt, 11),
                       "message-id", (gint64) sqlite3_column_int64 (stmt, 12),
                       "message-failure", _pdw_stmt_column_text (stmt, 13),
                       NULL);
}

/* ---- Shared row helpers --------------------------------------------------- */

gboolean
_pdw_store_conversation_exists (PdwStore  *self,
                                gint64     conversation_id,
                                GError   **error)
{
  g_autoptr(PdwStmt) stmt = _pdw_store_select_by_id (self, "SELECT 1 FROM conversations WHERE id = ?1",
                                                     conversation_id, PDW_STORE_ROW_CONVERSATION, error);

  return stmt != NULL;
}

gboolean
_pdw_store_is_blank (const char *str)
{
  if (str == NULL)
    return TRUE;

  for (; *str != '\0'; str++)
    if (!g_ascii_isspace (*str))
      return FALSE;

  return TRUE;
}

gboolean
_pdw_store_dup_conversation_number (PdwStore    *self,
                                    gint64       conversation_id,
                                    char       **number,
                                    gint64      *contact_id,
                                    gint64      *merged_into,
                                    GError     **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = _pdw_store_select_by_id (self,
                                        "SELECT COALESCE (k.wa_id, k.user_id), k.id, COALESCE (c.merged_into, 0)"
                                        "  FROM conversations c JOIN contacts k ON k.id = c.contact_id"
                                        " WHERE c.id = ?1",
                                        conversation_id, PDW_STORE_ROW_CONVERSATION, error)))
    return FALSE;

  if (number != NULL)
    *number = g_strdup (_pdw_stmt_column_text (stmt, 0));
  if (contact_id != NULL)
    *contact_id = sqlite3_column_int64 (stmt, 1);
  if (merged_into != NULL)
    *merged_into = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}
