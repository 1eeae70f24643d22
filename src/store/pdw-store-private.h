/* pdw-store-private.h: what the files of src/store/ share to implement
 * PdwStore (pdw-store.c: connection, ingestion, outbox, queries;
 * pdw-store-desk.c: the SOP desk; pdw-store-settings.c: the office's lists
 * and reply templates).  Not installed, not used outside src/store/.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "pdw-store.h"

G_BEGIN_DECLS

struct _PdwStore
{
  GObject        parent_instance;

  sqlite3       *db;
  char          *path;
  int            schema_version;
  /* Prepared statements by SQL text (static strings), reused across calls. */
  GHashTable    *statements;
  /* One connection, used from the main loop and from export threads. */
  GRecMutex      mutex;
  /* pdw_store_set_clock(): simulated time for the generator and tests. */
  PdwStoreClock  clock;
  gpointer       clock_data;
  /* pdw_store_set_sla(): what "send_standard_reply" computes due_at with. */
  PdwServiceCalendar *calendar;
  PdwSlaPolicy   sla_policy;
  /* pdw_store_begin_batch(): one outer transaction; each call inside it
   * is a savepoint, and change signals wait in batch_changes. */
  gboolean       in_batch;
  guint          savepoint_depth;
  struct _PdwStoreBatchChanges *batch_changes;
};

/* A cached statement: the autoptr cleanup resets it for the next caller
 * instead of finalizing it. */
typedef sqlite3_stmt PdwStmt;

/* What a transaction changed, announced only after COMMIT. */
typedef struct
{
  GArray *conversations;  /* gint64 */
  GArray *messages;       /* pairs of gint64: conversation id, message id */
  GArray *complaints;     /* gint64 */
} PdwStoreChanges;

typedef enum
{
  PDW_STORE_ROW_CONVERSATION,
  PDW_STORE_ROW_MESSAGE,
  PDW_STORE_ROW_COMPLAINT,
} PdwStoreRowKind;

typedef gpointer (*PdwStoreRowBuilder) (PdwStmt *stmt);

/* Columns 13-14: the complaint's due time, and how many other numbers
 * were merged into the conversation. */
#define CONVERSATION_SELECT \
  "SELECT c.id, c.contact_id, k.wa_id, k.profile_name," \
  "       m.text, m.type, COALESCE (m.timestamp, c.created_at), m.direction," \
  "       c.last_inbound_time," \
  "       (SELECT count(*) FROM messages u" \
  "         WHERE u.conversation_id = c.id AND u.direction = 'in'" \
  "           AND u.id > c.read_marker_id)," \
  "       c.complaint_id, p.ticket, p.status, COALESCE (p.due_at, 0)," \
  "       (SELECT count(*) FROM conversations mc WHERE mc.merged_into = c.id)" \
  "  FROM conversations c" \
  "  JOIN contacts k ON k.id = c.contact_id" \
  "  LEFT JOIN messages m ON m.id = (SELECT l.id FROM messages l" \
  "                                   WHERE l.conversation_id = c.id" \
  "                                   ORDER BY l.timestamp DESC, l.id DESC LIMIT 1)" \
  "  LEFT JOIN complaints p ON p.id = c.complaint_id"

/* Column 17: the number an inbound message came from (its own contact
 * after a merge, else the conversation's). */
#define MESSAGE_SELECT \
  "SELECT id, conversation_id, wamid, direction, type, text, media_id," \
  "       media_mime_type, media_filename, timestamp, status, error_code," \
  "       error_title, officer_name, template_name, template_language," \
  "       template_params," \
  "       CASE WHEN direction = 'in' THEN COALESCE (" \
  "         (SELECT fk.wa_id FROM contacts fk WHERE fk.id = messages.contact_id)," \
  "         (SELECT ck.wa_id FROM conversations fc JOIN contacts ck ON ck.id = fc.contact_id" \
  "           WHERE fc.id = messages.conversation_id)) END" \
  "  FROM messages"

/* Columns 17-18 come from the control card: when the file was last put on
 * the consolidation list, and the ADB outcome recorded after that. */
#define COMPLAINT_SELECT \
  "SELECT id, ticket, conversation_id, citizen_name, nik, kk, phone," \
  "       complaint_type, institution, status, assigned_officer, created_at," \
  "       updated_at, due_at, sla_started_at, holder, overdue_notified_at," \
  "       COALESCE ((SELECT le.timestamp FROM complaint_events le" \
  "                   WHERE le.complaint_id = complaints.id" \
  "                     AND le.action = 'add_to_consolidation'" \
  "                   ORDER BY le.id DESC LIMIT 1), 0) AS listed_at," \
  "       (SELECT re.action FROM complaint_events re" \
  "         WHERE re.complaint_id = complaints.id" \
  "           AND re.action IN ('consolidation_done', 'consolidation_not_found'," \
  "                             'consolidation_duplicate')" \
  "           AND re.id > (SELECT max (le2.id) FROM complaint_events le2" \
  "                         WHERE le2.complaint_id = complaints.id" \
  "                           AND le2.action = 'add_to_consolidation')" \
  "         ORDER BY re.id DESC LIMIT 1) AS consolidation_result" \
  "  FROM complaints"

#define COMPLAINT_EVENT_SELECT \
  "SELECT id, complaint_id, timestamp, actor_name, actor_nip, action," \
  "       from_status, to_status, from_party, to_party, note, actor_initials" \
  "  FROM complaint_events"

void pdw_stmt_release (PdwStmt *stmt);
gint64 pdw_store_now (PdwStore *self);
PdwStmt *pdw_store_prepare (PdwStore *self, const char *sql, GError **error);
gboolean pdw_store_step_done (PdwStore *self, PdwStmt *stmt, GError **error);
gboolean pdw_store_step_row (PdwStore *self, PdwStmt *stmt, gboolean *has_row, GError **error);
gboolean pdw_store_exec (PdwStore *self, const char *sql, GError **error);
gboolean pdw_store_begin (PdwStore *self, GError **error);
gboolean pdw_store_commit (PdwStore *self, GError **error);
void pdw_store_rollback (PdwStore *self);
void pdw_stmt_bind_text (PdwStmt *stmt, int index, const char *text);
void pdw_stmt_bind_int_or_null (PdwStmt *stmt, int index, gint64 value);
const char *pdw_stmt_column_text (PdwStmt *stmt, int index);
PdwDeliveryStatus pdw_stmt_column_delivery_status (PdwStmt *stmt, int index);
PdwComplaintStatus pdw_stmt_column_complaint_status (PdwStmt *stmt, int index);
void pdw_store_set_error_from_code (PdwStore *self, GError **error, int rc);
void pdw_store_set_not_found (GError **error, PdwStoreRowKind kind, gint64 id);
/* Steps @stmt (bound by the caller) to its end, one object per row. */
GPtrArray *pdw_store_collect_rows (PdwStore *self, PdwStmt *stmt, PdwStoreRowBuilder build, GError **error);
/* Runs a query whose ?1 is @id and leaves the statement on its first row;
 * NULL with NOT_FOUND (naming @kind) when there is none, or the SQL error. */
PdwStmt *pdw_store_select_by_id (PdwStore *self, const char *sql, gint64 id, PdwStoreRowKind kind, GError **error);
void pdw_store_changes_init (PdwStoreChanges *changes);
void pdw_store_changes_clear (PdwStoreChanges *changes);
void pdw_store_add_unique_id (GArray *array, gint64 id);
void pdw_store_changes_add_message (PdwStoreChanges *changes, gint64 conversation_id, gint64 message_id);
void pdw_store_changes_emit (PdwStore *self, PdwStoreChanges *changes);
PdwConversation *pdw_store_conversation_from_row (PdwStmt *stmt);
PdwMessage *pdw_store_message_from_row (PdwStmt *stmt);
PdwComplaint *pdw_store_complaint_from_row (PdwStmt *stmt);
PdwComplaintEvent *pdw_store_complaint_event_from_row (PdwStmt *stmt);
GPtrArray *pdw_store_query_objects (PdwStore *self, const char *sql, gboolean has_param, gint64 param, PdwStoreRowBuilder build, GError **error);
gpointer pdw_store_query_object (PdwStore *self, const char *sql, gint64 id, PdwStoreRowBuilder build, PdwStoreRowKind what, GError **error);
/* Signals, held while a batch runs. */
void pdw_store_emit_conversation_changed (PdwStore *self, gint64 conversation_id);
void pdw_store_emit_message_changed (PdwStore *self, gint64 conversation_id, gint64 message_id);
void pdw_store_emit_complaint_changed (PdwStore *self, gint64 complaint_id);
/* "settings-changed" (@what: "complaint_type", "institution", "division",
 * "officers" or "templates"); for pdw-store-settings.c. */
void pdw_store_emit_settings_changed (PdwStore *self, const char *what);
gboolean pdw_store_conversation_exists (PdwStore *self, gint64 conversation_id, GError **error);
/* Queues an outgoing message (type "text" or "template") inside the
 * caller's transaction. */
gboolean pdw_store_insert_outgoing (PdwStore *self, gint64 conversation_id, const char *type, const char *text, const char *officer_name, const char *template_name, const char *template_language, const char *template_params_json, gint64 *message_id, GError **error);
/* Writes one control-card line; the initials are @actor->initials, else
 * pdw_store_dup_actor_initials(). */
gboolean pdw_store_insert_complaint_event (PdwStore *self, gint64 complaint_id, gint64 now, const PdwActor *actor, const char *action, const char *from_status, const char *to_status, const char *from_party, const char *to_party, const char *note, GError **error);

/* pdw-store-desk.c */
/* The open complaint a conversation works on (linked or its own), 0 if none. */
gboolean pdw_store_find_open_complaint_of_conversation (PdwStore *self, gint64 conversation_id, gint64 *complaint_id, GError **error);
/* Ingestion: links @conversation_id to the open complaint whose NIK an
 * inbound @text carries, when the conversation has none (actor "PANDAWA"). */
gboolean pdw_store_link_by_text (PdwStore *self, gint64 conversation_id, const char *text, gint64 now, PdwStoreChanges *changes, GError **error);

/* pdw-store-settings.c: adds the shipped list entries and reply templates
 * that are not in the database yet (every open, so that a new version's
 * entries appear); never touches what officers edited. */
gboolean pdw_store_seed_settings (PdwStore *self, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwStmt, pdw_stmt_release)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdwStoreChanges, pdw_store_changes_clear)

G_END_DECLS
