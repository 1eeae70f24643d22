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

#define CONVERSATION_SELECT \
  "SELECT c.id, c.contact_id, k.wa_id, k.profile_name," \
  "       m.text, m.type, COALESCE (m.timestamp, c.created_at), m.direction," \
  "       c.last_inbound_time," \
  "       (SELECT count(*) FROM messages u" \
  "         WHERE u.conversation_id = c.id AND u.direction = 'in'" \
  "           AND u.id > c.read_marker_id)," \
  "       c.complaint_id, p.ticket, p.status" \
  "  FROM conversations c" \
  "  JOIN contacts k ON k.id = c.contact_id" \
  "  LEFT JOIN messages m ON m.id = (SELECT l.id FROM messages l" \
  "                                   WHERE l.conversation_id = c.id" \
  "                                   ORDER BY l.timestamp DESC, l.id DESC LIMIT 1)" \
  "  LEFT JOIN complaints p ON p.id = c.complaint_id"

#define MESSAGE_SELECT \
  "SELECT id, conversation_id, wamid, direction, type, text, media_id," \
  "       media_mime_type, media_filename, timestamp, status, error_code," \
  "       error_title, officer_name" \
  "  FROM messages"

#define COMPLAINT_SELECT \
  "SELECT id, ticket, conversation_id, citizen_name, nik, kk, phone," \
  "       complaint_type, institution, status, assigned_officer, created_at," \
  "       updated_at, due_at" \
  "  FROM complaints"

#define COMPLAINT_EVENT_SELECT \
  "SELECT id, complaint_id, timestamp, actor_name, actor_nip, action," \
  "       from_status, to_status, from_party, to_party, note" \
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
gboolean pdw_store_insert_complaint_event (PdwStore *self, gint64 complaint_id, gint64 now, const PdwActor *actor, const char *action, const char *from_status, const char *to_status, const char *from_party, const char *to_party, const char *note, GError **error);

/* pdw-store-settings.c: adds the shipped list entries and reply templates
 * that are not in the database yet (every open, so that a new version's
 * entries appear); never touches what officers edited. */
gboolean pdw_store_seed_settings (PdwStore *self, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwStmt, pdw_stmt_release)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdwStoreChanges, pdw_store_changes_clear)

G_END_DECLS
