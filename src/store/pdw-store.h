/* pdw-store.h: the one place that speaks SQL.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/pdw-complaint.h"
#include "core/pdw-complaint-event.h"
#include "core/pdw-conversation.h"
#include "core/pdw-events.h"
#include "core/pdw-message.h"

G_BEGIN_DECLS

#define PDW_STORE_ERROR (pdw_store_error_quark ())

typedef enum
{
  PDW_STORE_ERROR_OPEN,        /* cannot create or open the file */
  PDW_STORE_ERROR_CORRUPT,     /* not a database, or failed integrity check */
  PDW_STORE_ERROR_TOO_NEW,     /* written by a newer PANDAWA (user_version too high) */
  PDW_STORE_ERROR_FULL,        /* disk full (SQLITE_FULL) */
  PDW_STORE_ERROR_BUSY,        /* locked by another process for too long */
  PDW_STORE_ERROR_NOT_FOUND,   /* a row the call names does not exist */
  PDW_STORE_ERROR_INVALID,     /* a constraint was violated */
  PDW_STORE_ERROR_FAILED,      /* any other SQLite error */
} PdwStoreError;

GQuark pdw_store_error_quark (void);

#define PDW_TYPE_STORE (pdw_store_get_type ())
G_DECLARE_FINAL_TYPE (PdwStore, pdw_store, PDW, STORE, GObject)

/* Signals (emitted on the thread that made the change, after COMMIT):
 *   "conversation-changed" (gint64 conversation_id): a row of the queue changed
 *       (new conversation, new or updated message, read marker, complaint).
 *   "message-changed" (gint64 conversation_id, gint64 message_id): a message was
 *       added, or its delivery status changed.
 *   "complaint-changed" (gint64 complaint_id)
 */

/* Opens (creating if needed) the database at @path: parent directories 0700,
 * the file and its -wal/-shm 0600, WAL, foreign keys on, synchronous=FULL,
 * numbered migrations applied on user_version.  Errors are PDW_STORE_ERROR. */
PdwStore   *pdw_store_open                (const char  *path,
                                           GError     **error);
const char *pdw_store_get_path            (PdwStore    *self);
int         pdw_store_get_schema_version  (PdwStore    *self);

/* Where the app keeps its database: $XDG_DATA_HOME/pandawa/pandawa.db, or
 * demo.db for demo mode, so demo data never mixes with real data. */
char       *pdw_store_dup_default_path    (gboolean     demo);

/* ---- Webhook ingestion ---------------------------------------------------- */

typedef struct
{
  guint messages_new;
  guint messages_duplicate;
  guint statuses_applied;    /* moved a message forward */
  guint statuses_ignored;    /* stale or repeated */
  guint statuses_pending;    /* wamid not known yet: kept until it is */
} PdwIngestResult;

/* Stores one webhook delivery in a single transaction: the raw body (for
 * audit and replay), then contacts, conversations, messages (a wamid already
 * present is counted as duplicate and skipped) and statuses (applied only
 * forward, see pdw_delivery_status_can_advance()).  When this returns TRUE
 * the data is on disk and the webhook may be acknowledged. */
gboolean    pdw_store_ingest_webhook      (PdwStore         *self,
                                           const char       *source,
                                           GBytes           *raw_body,
                                           GPtrArray        *messages,   /* PdwInboundMessage */
                                           GPtrArray        *statuses,   /* PdwStatusUpdate */
                                           PdwIngestResult  *result,
                                           GError          **error);

/* ---- Outbox ------------------------------------------------------------- */

/* Stores a reply typed by an officer before anything is sent, so that it
 * survives a crash or a gateway that is down.  Returns the message id. */
gint64      pdw_store_queue_outgoing_text (PdwStore    *self,
                                           gint64       conversation_id,
                                           const char  *text,
                                           const char  *officer_name,
                                           GError     **error);

/* Outgoing messages still QUEUED whose next attempt is due at or before
 * @now (Unix s), oldest first.  Element type PdwMessage. */
GPtrArray  *pdw_store_list_due_outgoing   (PdwStore    *self,
                                           gint64       now,
                                           GError     **error);
/* The recipient wa_id of a conversation. */
char       *pdw_store_dup_conversation_wa_id (PdwStore *self,
                                              gint64    conversation_id,
                                              GError  **error);
gboolean    pdw_store_mark_outgoing_accepted (PdwStore    *self,
                                              gint64       message_id,
                                              const char  *wamid,
                                              GError     **error);
/* A send attempt failed.  @permanent: give up (status FAILED with the code);
 * otherwise the message stays QUEUED and is retried at @next_attempt_at. */
gboolean    pdw_store_mark_outgoing_attempt_failed (PdwStore    *self,
                                                    gint64       message_id,
                                                    int          error_code,
                                                    const char  *error_title,
                                                    gboolean     permanent,
                                                    gint64       next_attempt_at,
                                                    GError     **error);

/* How many send attempts an outgoing message has had (for the retry backoff),
 * or -1 with @error set. */
int         pdw_store_get_outgoing_attempts (PdwStore  *self,
                                             gint64     message_id,
                                             GError   **error);

/* ---- Queries for the window and the CLI ---------------------------------- */

GPtrArray       *pdw_store_list_conversations  (PdwStore *self, GError **error); /* PdwConversation, newest first */
PdwConversation *pdw_store_get_conversation    (PdwStore *self, gint64 conversation_id, GError **error);
GPtrArray       *pdw_store_list_messages       (PdwStore *self, gint64 conversation_id, GError **error); /* PdwMessage, oldest first */
PdwMessage      *pdw_store_get_message         (PdwStore *self, gint64 message_id, GError **error);
gboolean         pdw_store_mark_conversation_read (PdwStore *self, gint64 conversation_id, GError **error);

/* ---- Complaints ---------------------------------------------------------- */

typedef struct
{
  const char *citizen_name;
  const char *nik;
  const char *kk;
  const char *phone;
  const char *complaint_type;
  const char *institution;
} PdwComplaintFields;

typedef struct
{
  const char *name;
  const char *nip;
} PdwActor;

/* Creates the complaint of a conversation with the next ticket number of the
 * month (PDW-YYYY-MM-NNNNN, in WIB), status "terdaftar", assigned to @actor,
 * and its first control-card event ("register", baru -> terdaftar), in one
 * transaction.  Fails with PDW_STORE_ERROR_INVALID if the conversation
 * already has an open complaint. */
PdwComplaint *pdw_store_register_complaint      (PdwStore                 *self,
                                                 gint64                    conversation_id,
                                                 const PdwComplaintFields *fields,
                                                 const PdwActor           *actor,
                                                 GError                  **error);
/* The same, at @now (Unix s UTC) instead of the current time: the ticket's
 * month, created-at and the event time come from it (tests, imports). */
PdwComplaint *pdw_store_register_complaint_at   (PdwStore                 *self,
                                                 gint64                    conversation_id,
                                                 const PdwComplaintFields *fields,
                                                 const PdwActor           *actor,
                                                 gint64                    now,
                                                 GError                  **error);
PdwComplaint *pdw_store_get_complaint           (PdwStore *self, gint64 complaint_id, GError **error);
/* The most recent complaint of a conversation, or NULL without error if none. */
PdwComplaint *pdw_store_get_conversation_complaint (PdwStore *self, gint64 conversation_id, GError **error);
GPtrArray    *pdw_store_list_complaint_events   (PdwStore *self, gint64 complaint_id, GError **error); /* PdwComplaintEvent, oldest first */

/* ---- Export -------------------------------------------------------------- */

/* Calls @func once per row of @table ("contacts", "conversations", "messages",
 * "complaints", "complaint_events"), in id order, with the column names and
 * values as strings (NULL for SQL NULL).  Used by the exporters, so that no
 * SQL leaves src/store/. */
typedef void (*PdwStoreRowFunc) (const char * const *columns,
                                 const char * const *values,
                                 guint               n_columns,
                                 gpointer            user_data);
gboolean      pdw_store_foreach_row             (PdwStore        *self,
                                                 const char      *table,
                                                 PdwStoreRowFunc  func,
                                                 gpointer         user_data,
                                                 GError         **error);

G_END_DECLS
