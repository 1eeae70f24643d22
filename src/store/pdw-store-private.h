/* pdw-store-private.h: what the files of src/store/ share to implement
 * the one PdwStore type.  Not installed, not used outside src/store/.
 *
 * One file per aggregate, and calls only run down this list (a file calls
 * the files below it, never one above it, so that no two call each other):
 *
 *   pdw-store-open.c           opening: connection, migrations, then seeding
 *   pdw-store-report.c         the monthly report's facts (reads only)
 *   pdw-store-steps.c          a step that speaks to the citizen and its
 *                              reply as one act; unsent drafts
 *   pdw-store-outbox.c         outgoing messages (uses ingest's statuses)
 *   pdw-store-ingest.c         webhook deliveries and delivery statuses;
 *                              links by NIK as core's desk rules decide
 *   pdw-store-survey.c         the satisfaction survey: asked, answered
 *   pdw-store-corrections.c    "Edit Data": corrections after registration
 *   pdw-store-conversations.c  queue, messages, read marks, numbers, merge
 *   pdw-store-complaints.c     register, actions, due times, consolidation,
 *                              duplicates, links
 *   pdw-store-settings.c       lists, officers, templates, SLA settings
 *   pdw-store-search.c         search by name, number, ticket, NIK, text
 *   pdw-store-export.c         rows for the exporters
 *   pdw-store-rows.c           objects from rows, shared row helpers
 *   pdw-store-query.c          the locked-query helpers (_pdw_store_query_*)
 *   pdw-store.c                object, statements, transactions, batches,
 *                              signals: calls none of the above
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
  /* PDW_STORE_OPEN_MARKER_SUFFIX beside the database while it is open:
   * removed at finalize, so that its presence at open means a crash. */
  char          *open_marker;
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
  /* gint64 ids of inbound texts stored but not yet read for a NIK
   * (pdw_store_link_deferred()); guarded by @mutex. */
  GArray        *deferred_links;
  /* pdw_store_set_link_deferred_by_caller(). */
  gboolean       link_deferred_by_caller;
  struct _PdwStoreBatchChanges *batch_changes;
  /* Where the store was made: change signals are emitted there even when
   * the change was made on a worker thread. */
  GThread       *owner_thread;
  GMainContext  *owner_context;
  /* Changes made on other threads, waiting to be emitted on the owner's
   * context (pdw-store.c): guarded by signal_lock. */
  GMutex         signal_lock;
  GArray        *queued;        /* QueuedSignal */
  guint          queued_next;
  GHashTable    *queued_keys;   /* gint64: what is in queued */
  gboolean       emit_scheduled;
  /* Owner thread only: while non-zero, changes emitted directly wait for
   * one "changes-settled" at the end (emit_changes). */
  guint          settle_held;
  /* pdw_store_open_companion(): the store (a reference) whose clock, SLA
   * and change signals this second connection follows; NULL otherwise. */
  PdwStore      *primary;
  /* Guards clock, clock_data, calendar and sla_policy for a companion's
   * thread, which reads them without taking the primary's @mutex (held for
   * a whole batch). */
  GMutex         follow_lock;
};

#define PDW_STORE_OPEN_MARKER_SUFFIX "-open"

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

/* The id of the officer's last reply in conversation c (0: none).  A
 * message the officer answered is read, whatever the read mark says; the
 * automatic reply (no officer) answers nothing. */
#define LAST_OFFICER_REPLY_ID \
  "COALESCE ((SELECT max (o.id) FROM messages o" \
  "            WHERE o.conversation_id = c.id AND o.direction = 'out'" \
  "              AND o.officer_name IS NOT NULL), 0)"

/* Columns 13-14: the complaint's due time, and how many other numbers
 * were merged into the conversation; 15: the last message is the
 * automatic reply; 16: the step an
 * unsent draft waits to record (by the draft's key, one row per
 * conversation). */
#define CONVERSATION_SELECT \
  "SELECT c.id, c.contact_id, k.wa_id, k.profile_name," \
  "       m.text, m.type, COALESCE (m.timestamp, c.created_at), m.direction," \
  "       c.last_inbound_time," \
  "       (SELECT count(*) FROM messages u" \
  "         WHERE u.conversation_id = c.id AND u.direction = 'in'" \
  "           AND u.id > c.read_marker_id AND u.id > " LAST_OFFICER_REPLY_ID ")," \
  "       c.complaint_id, p.ticket, p.status, COALESCE (p.due_at, 0)," \
  "       (SELECT count(*) FROM conversations mc WHERE mc.merged_into = c.id)," \
  "       m.direction = 'out' AND m.officer_name IS NULL," \
  "       dr.step_action" \
  "  FROM conversations c" \
  "  JOIN contacts k ON k.id = c.contact_id" \
  "  LEFT JOIN messages m ON m.id = (SELECT l.id FROM messages l" \
  "                                   WHERE l.conversation_id = c.id" \
  "                                   ORDER BY l.timestamp DESC, l.id DESC LIMIT 1)" \
  "  LEFT JOIN complaints p ON p.id = c.complaint_id" \
  "  LEFT JOIN conversation_drafts dr ON dr.conversation_id = c.id"

/* Column 17: the number an inbound message came from (its own contact
 * after a merge, else the conversation's); 18-23 the media file (migration 9). */
#define MESSAGE_SELECT \
  "SELECT id, conversation_id, wamid, direction, type, text, media_id," \
  "       media_mime_type, media_filename, timestamp, status, error_code," \
  "       error_title, officer_name, template_name, template_language," \
  "       template_params," \
  "       CASE WHEN direction = 'in' THEN COALESCE (" \
  "         (SELECT fk.wa_id FROM contacts fk WHERE fk.id = messages.contact_id)," \
  "         (SELECT ck.wa_id FROM conversations fc JOIN contacts ck ON ck.id = fc.contact_id" \
  "           WHERE fc.id = messages.conversation_id)) END," \
  "       media_state, media_path, media_size, media_attempts, media_error, media_sha256" \
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
  "         ORDER BY re.id DESC LIMIT 1) AS consolidation_result," \
  "       survey_asked_at, survey_rating, survey_rated_at" \
  "  FROM complaints"

/* Columns 12-13: the reply that carried the step, and why it failed to
 * deliver if it did ("" without a reason, NULL when it did not fail). */
#define COMPLAINT_EVENT_SELECT \
  "SELECT id, complaint_id, timestamp, actor_name, actor_nip, action," \
  "       from_status, to_status, from_party, to_party, note, actor_initials," \
  "       COALESCE (message_id, 0)," \
  "       (SELECT CASE WHEN fm.status = 'failed' THEN COALESCE (fm.error_title, '') END" \
  "          FROM messages fm WHERE fm.id = complaint_events.message_id)" \
  "  FROM complaint_events"

/* ---- pdw-store.c ---------------------------------------------------------- */

void      _pdw_stmt_release                 (PdwStmt *stmt);
void      _pdw_stmt_bind_text               (PdwStmt *stmt, int index, const char *text);
/* Optional integers (error codes): 0 is stored as NULL. */
void      _pdw_stmt_bind_int_or_null        (PdwStmt *stmt, int index, gint64 value);
const char *_pdw_stmt_column_text           (PdwStmt *stmt, int index);
PdwDeliveryStatus _pdw_stmt_column_delivery_status (PdwStmt *stmt, int index);
PdwComplaintStatus _pdw_stmt_column_complaint_status (PdwStmt *stmt, int index);

gint64    _pdw_store_now                    (PdwStore *self);
/* The calendar of pdw_store_set_sla(), else the shipped one (made once). */
PdwStmt  *_pdw_store_prepare                (PdwStore *self, const char *sql, GError **error);
gboolean  _pdw_store_step_done              (PdwStore *self, PdwStmt *stmt, GError **error);
/* Steps an INSERT; *row_id is the new row's id. */
gboolean  _pdw_store_step_insert            (PdwStore *self, PdwStmt *stmt, gint64 *row_id, GError **error);
gboolean  _pdw_store_step_row               (PdwStore *self, PdwStmt *stmt, gboolean *has_row, GError **error);
gboolean  _pdw_store_exec                   (PdwStore *self, const char *sql, GError **error);
/* A transaction, or a savepoint inside a batch. */
gboolean  _pdw_store_begin                  (PdwStore *self, GError **error);
gboolean  _pdw_store_commit                 (PdwStore *self, GError **error);
void      _pdw_store_rollback               (PdwStore *self);
void      _pdw_store_set_error_from_code    (PdwStore *self, GError **error, int rc);
void      _pdw_store_set_not_found          (GError **error, PdwStoreRowKind kind, gint64 id);

/* Runs a query whose ?1 is @id and leaves the statement on its first row;
 * NULL with NOT_FOUND (naming @kind) when there is none, or the SQL error.
 * The caller holds the lock. */
PdwStmt  *_pdw_store_select_by_id           (PdwStore *self, const char *sql, gint64 id, PdwStoreRowKind kind, GError **error);
/* Steps @stmt (bound by the caller, who holds the lock) to its end, one
 * object per row. */
GPtrArray *_pdw_store_collect_rows          (PdwStore *self, PdwStmt *stmt, PdwStoreRowBuilder build, GError **error);

/* The reads of the public API: lock, prepare (cached), bind @args to ?1,
 * ?2..., step, reset, unlock. */
typedef enum
{
  PDW_SQL_ARG_INT,
  PDW_SQL_ARG_TEXT,
} PdwSqlArgKind;

typedef struct
{
  PdwSqlArgKind  kind;
  gint64         number;
  const char    *text;
} PdwSqlArg;

#define PDW_SQL_INT(value)  { PDW_SQL_ARG_INT, (gint64) (value), NULL }
#define PDW_SQL_TEXT(value) { PDW_SQL_ARG_TEXT, 0, (value) }
/* The two arguments args, n_args from a list of PDW_SQL_INT/PDW_SQL_TEXT. */
#define PDW_SQL_ARGS(...) \
  ((const PdwSqlArg[]) { __VA_ARGS__ }), G_N_ELEMENTS (((const PdwSqlArg[]) { __VA_ARGS__ }))
#define PDW_SQL_NO_ARGS NULL, 0

/* One object per row. */
GPtrArray *_pdw_store_query_list            (PdwStore *self, const char *sql, const PdwSqlArg *args, guint n_args, PdwStoreRowBuilder build, GError **error);
/* The first row's object; NULL and *found FALSE without error when none. */
gpointer  _pdw_store_query_first            (PdwStore *self, const char *sql, const PdwSqlArg *args, guint n_args, PdwStoreRowBuilder build, gboolean *found, GError **error);
/* The object of a query by id (?1), or NULL with NOT_FOUND naming @kind. */
gpointer  _pdw_store_query_by_id            (PdwStore *self, const char *sql, gint64 id, PdwStoreRowBuilder build, PdwStoreRowKind kind, GError **error);

/* The object of a query by a text key (?1), or NULL with NOT_FOUND and the
 * message @not_found_format. */
gpointer  _pdw_store_query_by_key           (PdwStore *self, const char *sql, const char *key, PdwStoreRowBuilder build, GError **error, const char *not_found_format, ...) G_GNUC_PRINTF (6, 7);

/* The first column of the first row. */
typedef struct
{
  gboolean  found;
  gboolean  is_null;
  gint64    number;
  char     *text;
} PdwSqlValue;

gboolean  _pdw_store_query_value            (PdwStore *self, const char *sql, const PdwSqlArg *args, guint n_args, PdwSqlValue *value, GError **error);
void      _pdw_sql_value_clear              (PdwSqlValue *value);

/* Change signals: emitted after COMMIT, or held while a batch runs. */
void      _pdw_store_changes_init           (PdwStoreChanges *changes);
void      _pdw_store_changes_clear          (PdwStoreChanges *changes);
void      _pdw_store_add_unique_id          (GArray *array, gint64 id);
void      _pdw_store_changes_add_message    (PdwStoreChanges *changes, gint64 conversation_id, gint64 message_id);
void      _pdw_store_changes_emit           (PdwStore *self, PdwStoreChanges *changes);
void      _pdw_store_emit_conversation_changed (PdwStore *self, gint64 conversation_id);
void      _pdw_store_emit_message_changed   (PdwStore *self, gint64 conversation_id, gint64 message_id);
void      _pdw_store_emit_complaint_changed (PdwStore *self, gint64 complaint_id);
/* "settings-changed" (@what: "complaint_type", "institution", "division",
 * "officers" or "templates"). */
void      _pdw_store_emit_settings_changed  (PdwStore *self, const char *what);


/* ---- pdw-store-rows.c ------------------------------------------------------ */

PdwConversation   *_pdw_store_conversation_from_row    (PdwStmt *stmt);
PdwMessage        *_pdw_store_message_from_row         (PdwStmt *stmt);
PdwComplaint      *_pdw_store_complaint_from_row       (PdwStmt *stmt);
PdwComplaintEvent *_pdw_store_complaint_event_from_row (PdwStmt *stmt);

/* Shared row helpers. */
gboolean  _pdw_store_is_blank               (const char *str);
gboolean  _pdw_store_conversation_exists    (PdwStore *self, gint64 conversation_id, GError **error);
/* The conversation's WhatsApp number, else its user id (what a control
 * card line names), its contact and what it was merged into (0: none). */
gboolean  _pdw_store_dup_conversation_number (PdwStore *self, gint64 conversation_id, char **number, gint64 *contact_id, gint64 *merged_into, GError **error);

/* ---- pdw-store-settings.c -------------------------------------------------- */

/* Adds the shipped list entries and reply templates that are not in the
 * database yet (every open, so that a new version's entries appear); never
 * touches what officers edited. */
gboolean  _pdw_store_seed_settings          (PdwStore *self, GError **error);
/* The calendar and policy due times are computed with (a companion's are
 * its primary's): the shipped calendar until pdw_store_set_sla(). */
PdwServiceCalendar *_pdw_store_dup_sla      (PdwStore *self, PdwSlaPolicy *policy);

/* ---- pdw-store-complaints.c ------------------------------------------------ */

/* Applies an SOP action inside the caller's transaction, as
 * pdw_store_apply_action() describes, at @now; @message_id (0: none) is
 * the reply that carried the step, written on its line. */
gboolean  _pdw_store_apply_action_in_transaction (PdwStore *self, gint64 complaint_id, const char *action, const char *note, const char *to_party, const PdwActor *actor, gint64 now, gint64 message_id, GError **error);
/* Every conversation that shows @complaint_id: its own and the linked ones. */
GArray   *_pdw_store_list_complaint_conversations (PdwStore *self, gint64 complaint_id, GError **error);
/* complaint-changed, then conversation-changed for each of @conversations. */
void      _pdw_store_emit_complaint_and_conversations (PdwStore *self, gint64 complaint_id, GArray *conversations);

/* Refuses an action without the officer's name (INVALID). */
gboolean  _pdw_store_check_actor            (const PdwActor *actor, GError **error);
/* Writes one control-card line; the initials are @actor->initials, else
 * pdw_store_dup_actor_initials(). */
gboolean  _pdw_store_insert_complaint_event (PdwStore *self, gint64 complaint_id, gint64 now, const PdwActor *actor, const char *action, PdwComplaintStatus from_status, PdwComplaintStatus to_status, const char *from_party, const char *to_party, const char *note, GError **error);
/* Appends a line that keeps the complaint's status (@note: e.g. a number). */
gboolean  _pdw_store_append_card_line       (PdwStore *self, gint64 complaint_id, gint64 now, const PdwActor *actor, const char *action, const char *note, GError **error);
/* The open complaint a conversation works on (linked or its own), 0 if none. */
gboolean  _pdw_store_find_open_complaint_of_conversation (PdwStore *self, gint64 conversation_id, gint64 *complaint_id, GError **error);
/* The open complaint carrying @nik, 0 if none. */
gboolean  _pdw_store_find_open_complaint_id_by_nik (PdwStore *self, const char *nik, gint64 *complaint_id, GError **error);
/* Records that @conversation_id shows @complaint_id (no card line). */
gboolean  _pdw_store_set_conversation_complaint (PdwStore *self, gint64 conversation_id, gint64 complaint_id, GError **error);
/* Links a conversation to an open complaint with a "link_conversation"
 * line, inside the caller's transaction. */
gboolean  _pdw_store_link_conversation_locked (PdwStore *self, gint64 conversation_id, gint64 complaint_id, const PdwActor *actor, gint64 now, GError **error);

/* ---- pdw-store-survey.c ---------------------------------------------------- */

/* An inbound @text at @message_time in @conversation_id that answers the
 * satisfaction survey of its complaint (pdw_survey_rating_for_reply())
 * records the rating and a "survey_rating" line, inside the caller's
 * transaction; *recorded says whether it did. */
gboolean  _pdw_store_record_survey_reply    (PdwStore *self, gint64 conversation_id, const char *text, gint64 message_time, PdwStoreChanges *changes, gboolean *recorded, GError **error);
/* Records that a message asked the citizen of @complaint_id for a rating
 * (survey_asked_at and a "survey_asked" line by @actor), when the file may
 * still ask (pdw_survey_can_ask()); *asked says whether it did. */
gboolean  _pdw_store_mark_survey_asked      (PdwStore *self, gint64 complaint_id, gint64 now, const PdwActor *actor, gboolean *asked, GError **error);

/* ---- pdw-store-ingest.c ---------------------------------------------------- */

/* Looks a message up by wamid; *id is 0 when there is none. */
gboolean  _pdw_store_find_message_by_wamid  (PdwStore *self, const char *wamid, gint64 *id, gint64 *conversation_id, PdwDeliveryStatus *status, GError **error);
/* Moves a message to @status if that is forward; a failure keeps its code
 * and title.  Sets *applied. */
gboolean  _pdw_store_apply_status           (PdwStore *self, gint64 message_id, PdwDeliveryStatus current, PdwDeliveryStatus status, gint64 timestamp, int error_code, const char *error_title, const char *error_details, gboolean *applied, GError **error);

/* ---- pdw-store-outbox.c ---------------------------------------------------- */

/* Queues an outgoing message (type "text" or "template") inside the
 * caller's transaction. */
gboolean  _pdw_store_insert_outgoing        (PdwStore *self, gint64 conversation_id, const char *type, const char *text, const char *officer_name, const char *template_name, const char *template_language, const char *template_params_json, gint64 *message_id, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwStmt, _pdw_stmt_release)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdwStoreChanges, _pdw_store_changes_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdwSqlValue, _pdw_sql_value_clear)

G_END_DECLS
