/* pdw-store.h: the one place that speaks SQL.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/pdw-catalog.h"
#include "core/pdw-catalog-entry.h"
#include "core/pdw-complaint.h"
#include "core/pdw-complaint-event.h"
#include "core/pdw-conversation.h"
#include "core/pdw-events.h"
#include "core/pdw-message.h"
#include "core/pdw-officer.h"
#include "core/pdw-reply-template.h"
#include "core/pdw-report-facts.h"
#include "core/pdw-search-result.h"
#include "core/pdw-service-calendar.h"

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
  PDW_STORE_ERROR_DUPLICATE_NIK, /* the NIK already has an open complaint: link to it */
} PdwStoreError;

GQuark pdw_store_error_quark (void);

#define PDW_TYPE_STORE (pdw_store_get_type ())
G_DECLARE_FINAL_TYPE (PdwStore, pdw_store, PDW, STORE, GObject)

/* Signals (emitted after COMMIT on the thread that made the store, also
 * for changes made on a worker thread):
 *   "conversation-changed" (gint64 conversation_id): a row of the queue changed
 *       (new conversation, new or updated message, read marker, complaint).
 *   "message-changed" (gint64 conversation_id, gint64 message_id): a message was
 *       added, or its delivery status changed.
 *   "complaint-changed" (gint64 complaint_id)
 *   "settings-changed" (const char *what): "complaint_type", "institution",
 *       "division", "officers" or "templates" changed.
 *   "changes-settled": ends a run of the change signals above (a commit's,
 *       or one dispatch of changes made on another thread): a listener that
 *       gathers them (the queue) does its work once per run.
 */

/* Opens (creating if needed) the database at @path: parent directories 0700,
 * the file and its -wal/-shm 0600, WAL, foreign keys on, synchronous=FULL,
 * numbered migrations applied on user_version.  Errors are PDW_STORE_ERROR.
 * The integrity check runs only after an unclean shutdown (a marker file
 * "PATH-open" exists while a store has the database open). */
PdwStore   *pdw_store_open                (const char  *path,
                                           GError     **error);
/* Progress of a long migration (the full-text index of a year of
 * messages), @fraction from 0 to 1, called on the opening thread only while
 * such a migration runs: a GUI opens the store in a thread and shows a
 * progress window from the first call.  Returning FALSE, or cancelling
 * @cancellable (from any thread; a running statement stops within a few
 * milliseconds), cancels: the open fails with G_IO_ERROR_CANCELLED, the
 * database keeps its previous schema version and the next open starts the
 * migration again. */
typedef gboolean (*PdwStoreProgressFunc) (double   fraction,
                                          gpointer user_data);
PdwStore   *pdw_store_open_with_progress  (const char            *path,
                                           PdwStoreProgressFunc   progress_func,
                                           gpointer               user_data,
                                           GCancellable          *cancellable,
                                           GError               **error);
/* PRAGMA quick_check: reads the whole file (seconds on a year).  Open runs
 * it only when the last session ended without closing the store; this is
 * the on-demand check (`pandawa-cli check`).  PDW_STORE_ERROR_CORRUPT when
 * it fails. */
gboolean    pdw_store_check_integrity     (PdwStore    *self,
                                           GError     **error);
/* A second connection to @primary's file, for a writer thread (webhook
 * ingestion) while the GUI reads through @primary: WAL lets both work at
 * once.  No migrations and no seeding (@primary did them).  Its change
 * signals are emitted as @primary's, on @primary's thread; its clock and
 * SLA are @primary's (setting them on the companion has no effect).  Use
 * it from one thread.  For a database without a file (":memory:") it is
 * @primary itself, with a new reference. */
PdwStore   *pdw_store_open_companion      (PdwStore    *primary,
                                           GError     **error);
const char *pdw_store_get_path            (PdwStore    *self);
int         pdw_store_get_schema_version  (PdwStore    *self);

/* Simulated time: every "now" the store takes (received-at, created-at,
 * event times, ticket months) comes from @clock while it is set.  For the
 * history generator and tests; NULL restores the real clock. */
typedef gint64 (*PdwStoreClock) (gpointer user_data);
void        pdw_store_set_clock           (PdwStore      *self,
                                           PdwStoreClock  clock,
                                           gpointer       user_data);

/* Batches: between begin and end every call joins one transaction (each
 * call still all-or-nothing, through a savepoint), and change signals are
 * held and emitted once at the end.  For bulk writers such as
 * `pandawa-cli generate`; batches do not nest. */
gboolean    pdw_store_begin_batch         (PdwStore  *self,
                                           GError   **error);
gboolean    pdw_store_end_batch           (PdwStore  *self,
                                           GError   **error);

/* Where the app keeps its database: $XDG_DATA_HOME/pandawa/pandawa.db, or
 * demo.db for demo mode, so demo data never mixes with real data. */
char       *pdw_store_dup_default_path    (gboolean     demo);

/* Who acts: from the officer settings (GSettings officer-name and
 * officer-nip).  @initials may be NULL: the store then takes the officers
 * list's initials for that NIP or name, else pdw_officer_initials_from_name(). */
typedef struct
{
  const char *name;
  const char *nip;
  const char *initials;
} PdwActor;

/* ---- Search (pdw-store-search.c) ------------------------------------------ */

/* The conversations @query finds (see pdw_search_query_parse()): by
 * citizen or WhatsApp name (prefix, any case and accents), phone number in
 * any form, ticket, NIK or KK (whole or the last 4+ digits) and message
 * text.  One result per conversation (the strongest field that matched),
 * newest first, at most @limit (0: 50).  Element type PdwSearchResult; an
 * empty query finds nothing. */
GPtrArray  *pdw_store_search              (PdwStore    *self,
                                           const char  *query,
                                           guint        limit,
                                           GError     **error);

/* ---- Webhook ingestion (pdw-store-ingest.c) ------------------------------- */

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
 * the data is on disk and the webhook may be acknowledged.  Texts are
 * read for a NIK afterwards (pdw_store_link_deferred()). */
gboolean    pdw_store_ingest_webhook      (PdwStore         *self,
                                           const char       *source,
                                           GBytes           *raw_body,
                                           GPtrArray        *messages,   /* PdwInboundMessage */
                                           GPtrArray        *statuses,   /* PdwStatusUpdate */
                                           PdwIngestResult  *result,
                                           GError          **error);

/* Reads the inbound texts stored since the last call for a NIK of an open
 * complaint and links their conversations (pdw_desk_rules_find_complaint_to_link()),
 * in a transaction of its own: run by pdw_store_ingest_webhook() after its
 * commit, and by pdw_store_end_batch() after a batch's.  Nothing inside
 * a batch. */
gboolean    pdw_store_link_deferred       (PdwStore         *self,
                                           GError          **error);
/* Deletes at most @limit raw webhook deliveries received before @before
 * (Unix seconds; their messages stay, without the link to them), and at
 * most @limit statuses still waiting for a message they name, in one
 * transaction.  *@purged: how many rows went (0: nothing older is left). */
gboolean    pdw_store_purge_webhooks      (PdwStore         *self,
                                           gint64            before,
                                           guint             limit,
                                           guint            *purged,
                                           GError          **error);
/* pdw_store_end_batch() runs pdw_store_link_deferred() after its commit,
 * unless @by_caller: the ingest worker answers a batch's webhooks first. */
void        pdw_store_set_link_deferred_by_caller (PdwStore *self,
                                                   gboolean  by_caller);

/* ---- Outbox (pdw-store-outbox.c) ------------------------------------------ */

/* Stores a reply typed by an officer before anything is sent, so that it
 * survives a crash or a gateway that is down.  Returns the message id. */
gint64      pdw_store_queue_outgoing_text (PdwStore    *self,
                                           gint64       conversation_id,
                                           const char  *text,
                                           const char  *officer_name,
                                           GError     **error);

/* Queues @text like pdw_store_queue_outgoing_text() (signed by @actor's
 * name) when it asks the citizen to rate the service (the closing message
 * with the survey question, pdw-survey.h), and in the same transaction
 * records on @complaint_id's control card that the survey was asked, if the
 * file can still ask (resolved and not rated); *asked (may be NULL) says
 * whether it was.  Returns the message id, 0 with @error. */
gint64      pdw_store_queue_survey_question (PdwStore        *self,
                                             gint64           conversation_id,
                                             gint64           complaint_id,
                                             const char      *text,
                                             const PdwActor  *actor,
                                             gboolean        *asked,
                                             GError         **error);

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

/* Claims for @claimer (an id unique to one sender in one process) up to
 * @limit queued messages due at @now, each the oldest queued message of
 * its conversation and not claimed by a live claim, until @now +
 * @lease_seconds; in one write transaction, so that two processes on one
 * database never both claim one message.  A claim that ran out (its
 * sender died) is claimed again; a message that has a wamid never is.
 * Marking the message accepted or failed ends the claim.  Element type
 * PdwMessage, by id. */
GPtrArray  *pdw_store_claim_due_outgoing  (PdwStore    *self,
                                           const char  *claimer,
                                           gint64       now,
                                           guint        lease_seconds,
                                           guint        limit,
                                           GError     **error);
/* Gives a claimed message back (the sender stopped before an answer). */
gboolean    pdw_store_release_outgoing_claim (PdwStore    *self,
                                              gint64       message_id,
                                              const char  *claimer,
                                              GError     **error);
/* When the next queued message is due (its next attempt, or the end of
 * its claim), Unix s; 0 when nothing is queued. */
gint64      pdw_store_get_next_outgoing_due (PdwStore  *self,
                                             GError   **error);
/* SQLite's data_version: changes when another connection commits (another
 * process queued a message). */
gint64      pdw_store_get_data_version    (PdwStore    *self);
guint       pdw_store_count_queued_outgoing (PdwStore  *self,
                                             GError   **error);
/* When the last webhook delivery was stored (by any process), Unix s; 0
 * if never. */
gint64      pdw_store_get_last_webhook_time (PdwStore  *self,
                                             GError   **error);
/* An officer sends a FAILED message again: it is queued as it was (a
 * failure after WhatsApp accepted it drops the old wamid). */
gboolean    pdw_store_retry_failed_outgoing (PdwStore    *self,
                                             gint64       message_id,
                                             GError     **error);
/* An officer dealt with a FAILED message otherwise (edited it and sent
 * the new text): it leaves the list of failures. */
gboolean    pdw_store_set_failure_handled (PdwStore    *self,
                                           gint64       message_id,
                                           GError     **error);
/* Outgoing messages that failed since @since (Unix s) and were not dealt
 * with, newest first.  Element type PdwMessage. */
GPtrArray  *pdw_store_list_failed_outgoing (PdwStore  *self,
                                            gint64     since,
                                            GError   **error);
/* Like pdw_store_queue_outgoing_text() for an approved WhatsApp template
 * (the only message allowed outside the 24-hour window): type "template",
 * @display_text is what the chat shows. */
gint64        pdw_store_queue_outgoing_template (PdwStore            *self,
                                                 gint64               conversation_id,
                                                 const char          *template_name,
                                                 const char          *language,
                                                 const char * const  *body_params,
                                                 const char          *display_text,
                                                 const char          *officer_name,
                                                 GError             **error);
/* When the last automatic reply went to a conversation; 0 if never. */
gint64        pdw_store_get_last_auto_reply_time (PdwStore *self, gint64 conversation_id, GError **error);
/* Queues the out-of-hours reply (officer name NULL: shown as automatic)
 * and records its time, in one transaction.  Returns the message id. */
gint64        pdw_store_queue_auto_reply        (PdwStore    *self,
                                                 gint64       conversation_id,
                                                 const char  *text,
                                                 GError     **error);

/* ---- Steps that speak to the citizen, and drafts (pdw-store-steps.c) ------ */

/* A step of the SOP that is a message to the citizen
 * (pdw_workflow_action_speaks_to_citizen()), as the composer carries it. */
typedef struct
{
  const char *action;       /* "send_standard_reply", "refer_biometric", "resolve", "reject" */
  const char *note;         /* the reason a rejection needs, else optional */
  const char *to_party;
  gboolean    asks_survey;  /* the text carries the survey question (the closing message) */
  /* The due time as the text states it (pdw_template_format_time() of
   * pdw_store_compute_due() when the step was chosen): replaced in the
   * message by the due time the step records, if they differ. */
  const char *promised_due;
} PdwStepMessage;

/* The step and its message as one act, in one transaction: queues @text to
 * @conversation_id (signed by @actor's name, like
 * pdw_store_queue_outgoing_text()), applies @step->action to @complaint_id
 * (which the conversation must show) as pdw_store_apply_action() does, at
 * the message's queued time and with its id on the card line (the SLA of
 * the standard reply starts then), records the survey question when
 * @step->asks_survey, and deletes the conversation's draft.  Nothing is
 * written when any part fails (a step no longer allowed from the file's
 * status: PDW_WORKFLOW_ERROR).  Returns the message id, 0 with @error. */
gint64      pdw_store_queue_step_message  (PdwStore              *self,
                                           gint64                 conversation_id,
                                           gint64                 complaint_id,
                                           const PdwStepMessage  *step,
                                           const char            *text,
                                           const PdwActor        *actor,
                                           GError               **error);

/* When the SLA clock of a step started at @start (Unix s) falls due, with
 * the calendar and policy of pdw_store_set_sla(); 0 when it cannot. */
gint64      pdw_store_compute_due         (PdwStore    *self,
                                           gint64       start);
/* The store's "now" (pdw_store_set_clock()). */
gint64      pdw_store_get_now             (PdwStore    *self);

/* What the officer typed and did not send, kept across restarts. */
typedef struct
{
  char   *text;          /* NULL: no draft */
  char   *step_action;   /* the step it records when sent; NULL: an ordinary draft */
  char   *step_note;
  char   *step_party;
  char   *step_promise;  /* PdwStepMessage.promised_due */
  gint64  updated_at;
} PdwDraft;

void        pdw_draft_clear               (PdwDraft    *draft);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdwDraft, pdw_draft_clear)

/* Keeps @text (and the step it carries, NULL for none; @step_promise as
 * PdwStepMessage.promised_due) as the draft of
 * @conversation_id; blank @text deletes the draft and its step.  Emits
 * conversation-changed when the pending step changes (the queue's "Draf
 * belum dikirim", pdw_conversation_get_pending_step()). */
gboolean    pdw_store_save_draft          (PdwStore    *self,
                                           gint64       conversation_id,
                                           const char  *text,
                                           const char  *step_action,
                                           const char  *step_note,
                                           const char  *step_party,
                                           const char  *step_promise,
                                           GError     **error);
/* Fills @draft (cleared first; text NULL when there is none). */
gboolean    pdw_store_read_draft          (PdwStore    *self,
                                           gint64       conversation_id,
                                           PdwDraft    *draft,
                                           GError     **error);

/* ---- Conversations and messages (pdw-store-conversations.c) -------------- */

GPtrArray       *pdw_store_list_conversations  (PdwStore *self, GError **error); /* PdwConversation, newest first */
PdwConversation *pdw_store_dup_conversation    (PdwStore *self, gint64 conversation_id, GError **error);

/* The queue, read in pages (PdwConversationList): which conversations a
 * filter shows, in queue order (newest message first, then id), as keys;
 * then the rows of the few on screen. */
typedef enum
{
  /* What needs the desk: an open complaint, an inbound message since
   * @inbound_since, or anything unread. */
  PDW_CONVERSATION_FILTER_WORKING_SET,
  PDW_CONVERSATION_FILTER_OPEN,        /* a complaint that is not selesai/ditolak */
  PDW_CONVERSATION_FILTER_DUE_SOON,    /* as pdw_conversation_classify_sla() */
  PDW_CONVERSATION_FILTER_OVERDUE,
  PDW_CONVERSATION_FILTER_ARCHIVE,     /* every conversation, closed and old ones too */
  /* The inbox tabs: the working set's conversations whose citizen wrote
   * after the officer's last reply (Belum dibalas); open files held by
   * @officer (Milik saya); files due soon or overdue. */
  PDW_CONVERSATION_FILTER_UNANSWERED,
  PDW_CONVERSATION_FILTER_MINE,
  PDW_CONVERSATION_FILTER_ATTENTION,
  PDW_N_CONVERSATION_FILTERS
} PdwConversationFilter;

typedef struct
{
  PdwConversationFilter filter;
  gint64 now;                /* Unix s: due soon / overdue */
  gint64 inbound_since;      /* Unix s: the working set's recent inbound */
  gint64 due_soon_seconds;
  gint64 pinned_id;          /* shown whatever the filter (the open one); 0: none */
  const char *officer;       /* the duty officer (Milik saya); NULL: nobody */
} PdwConversationQuery;

typedef struct
{
  gint64 id;
  gint64 time;               /* last message time, else created-at: the sort key */
} PdwConversationKey;

/* PdwConversationKey, queue order. */
GArray          *pdw_store_list_conversation_keys (PdwStore *self, const PdwConversationQuery *query, GError **error);
/* Whether one conversation is in the filter, and its key (*matches FALSE
 * for an unknown or merged conversation). */
gboolean         pdw_store_match_conversation  (PdwStore *self, const PdwConversationQuery *query,
                                                gint64 conversation_id, PdwConversationKey *key,
                                                gboolean *matches, GError **error);
/* The inbox tabs' counts (one indexed count each, @query's filter and
 * pinned conversation aside) and how many conversations are unread. */
typedef struct
{
  guint all;
  guint unanswered;
  guint mine;
  guint attention;
  guint unread;
} PdwInboxCounts;

gboolean         pdw_store_count_inbox         (PdwStore *self, const PdwConversationQuery *query,
                                                PdwInboxCounts *counts, GError **error);
void             pdw_store_count_inbox_async   (PdwStore *self, const PdwConversationQuery *query,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);
gboolean         pdw_store_count_inbox_finish  (PdwStore *self, GAsyncResult *result,
                                                PdwInboxCounts *counts, GError **error);
/* The newest message's id (0: none): what came after it is new. */
gint64           pdw_store_get_last_message_id (PdwStore *self, GError **error);
/* The rows of @ids that exist and are not merged, in no particular order. */
GPtrArray       *pdw_store_list_conversations_by_id (PdwStore *self, const gint64 *ids, guint n_ids, GError **error);
GPtrArray       *pdw_store_list_messages       (PdwStore *self, gint64 conversation_id, GError **error); /* PdwMessage, oldest first */
/* The @limit messages that come just before (@before_timestamp, @before_id)
 * in the conversation's order (G_MAXINT64 for both: its newest), oldest
 * first: a page of a long conversation. */
GPtrArray       *pdw_store_list_messages_before (PdwStore *self, gint64 conversation_id,
                                                 gint64 before_timestamp, gint64 before_id,
                                                 guint limit, GError **error);
PdwMessage      *pdw_store_dup_message         (PdwStore *self, gint64 message_id, GError **error);
gboolean         pdw_store_mark_conversation_read (PdwStore *self, gint64 conversation_id, GError **error);

/* Merges conversation @from_id into @into_id (one citizen writing from two
 * WhatsApp numbers): @from's messages move to @into (each keeps the number
 * it came from), new messages from @from's number land in @into, @from
 * leaves the queue, and replies go to the number the citizen wrote from
 * last.  Fails INVALID when both have open complaints (link instead) or
 * when @from_id == @into_id.  If @into has an open complaint a
 * "merge_contact" event records it. */
gboolean      pdw_store_merge_conversations     (PdwStore       *self,
                                                 gint64          into_id,
                                                 gint64          from_id,
                                                 const PdwActor *actor,
                                                 GError        **error);
/* The conversation of a WhatsApp number (the absorbing one for a merged
 * number): its id, 0 when the number never wrote, -1 with @error. */
gint64        pdw_store_find_conversation_by_wa_id (PdwStore *self, const char *wa_id, GError **error);
/* Every WhatsApp number of a conversation, its own first.  NULL-terminated. */
GStrv         pdw_store_dup_conversation_numbers (PdwStore *self, gint64 conversation_id, GError **error);

/* ---- Complaints and the SOP desk (pdw-store-complaints.c) ----------------- */

typedef struct
{
  const char *citizen_name;
  const char *nik;
  const char *kk;
  const char *phone;
  const char *complaint_type;
  const char *institution;
} PdwComplaintFields;

/* Creates the complaint of a conversation with the next ticket number of the
 * month (PDW-YYYY-MM-NNNNN, in WIB), status "terdaftar", assigned to @actor,
 * and its first control-card event ("register", baru -> terdaftar), in one
 * transaction.  Fails with PDW_STORE_ERROR_INVALID if the conversation
 * already has an open complaint, and with PDW_STORE_ERROR_DUPLICATE_NIK
 * (the message names the ticket) when @fields->nik already has an open
 * complaint: the caller offers pdw_store_link_conversation() instead. */
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
PdwComplaint *pdw_store_dup_complaint           (PdwStore *self, gint64 complaint_id, GError **error);
/* "Edit Data" (pdw-store-corrections.c): sets the complaint's name, NIK,
 * KK, phone, type and institution to @fields (NULL or blank: empty) and
 * writes one "correct_data" line per changed field with its old and new
 * value (NIK/KK masked, type and institution as their labels), in one
 * transaction; the name search follows by trigger.  Fails with
 * PDW_STORE_ERROR_DUPLICATE_NIK when the new NIK has another open
 * complaint.  Returns the complaint, as it was when nothing differed. */
PdwComplaint *pdw_store_correct_complaint       (PdwStore                 *self,
                                                 gint64                    complaint_id,
                                                 const PdwComplaintFields *fields,
                                                 const PdwActor           *actor,
                                                 GError                  **error);
/* The most recent complaint of a conversation, or NULL without error if none. */
PdwComplaint *pdw_store_dup_conversation_complaint (PdwStore *self, gint64 conversation_id, GError **error);
GPtrArray    *pdw_store_list_complaint_events   (PdwStore *self, gint64 complaint_id, GError **error); /* PdwComplaintEvent, oldest first */
PdwComplaint *pdw_store_dup_complaint_by_ticket (PdwStore *self, const char *ticket, GError **error);

/* Applies one SOP action (pdw-workflow.h) to a complaint, in one
 * transaction: checks it with pdw_workflow_check() (errors are
 * PDW_WORKFLOW_ERROR, untouched), appends one control-card event
 * (time, actor name/NIP/initials, action, from/to status, from-party = the
 * current holder, @to_party, @note; actions that keep the status write
 * from = to), and updates the complaint: status, updated_at, holder (to
 * @to_party for coordinate/hand_over, back to the actor for
 * return_from_coordination), sla_started_at and due_at (computed with the
 * calendar and policy) when the action starts the SLA, both cleared by
 * "reopen".  Emits complaint-changed and conversation-changed for every
 * conversation linked to it.  Returns the updated complaint. */
PdwComplaint *pdw_store_apply_action            (PdwStore                 *self,
                                                 gint64                    complaint_id,
                                                 const char               *action,
                                                 const char               *note,
                                                 const char               *to_party,
                                                 const PdwActor           *actor,
                                                 GError                  **error);

/* Open complaints (not selesai/ditolak, not waiting on the citizen) whose
 * due time is set and at or before @before, earliest first: the overdue
 * (before = now) and due-soon (before = now + threshold) lists. */
GPtrArray    *pdw_store_list_complaints_due_before (PdwStore *self, gint64 before, GError **error);
/* Records that the overdue notification of @complaint_id went out (once:
 * returns FALSE without error when it was already recorded). */
gboolean      pdw_store_mark_overdue_notified   (PdwStore *self, gint64 complaint_id, GError **error);

/* The SIAK consolidation list: complaints put on it (latest
 * "add_to_consolidation" event) in [@from, @to) (Unix s), oldest first.
 * Without @include_processed only those still waiting for the ADB officer:
 * status konsolidasi or menunggu and no outcome since they were listed
 * (pdw_complaint_get_consolidation_result() == NULL). */
GPtrArray    *pdw_store_list_consolidation      (PdwStore *self,
                                                 gint64    from,
                                                 gint64    to,
                                                 gboolean  include_processed,
                                                 GError  **error);
/* The same list, @limit rows (-1: all) from @offset: what a window shows. */
GPtrArray    *pdw_store_list_consolidation_page (PdwStore *self,
                                                 gint64    from,
                                                 gint64    to,
                                                 gboolean  include_processed,
                                                 guint     offset,
                                                 gint      limit,
                                                 GError  **error);
/* The number of rows pdw_store_list_consolidation() returns; -1 on error. */
gint64        pdw_store_count_consolidation     (PdwStore *self,
                                                 gint64    from,
                                                 gint64    to,
                                                 gboolean  include_processed,
                                                 GError  **error);

/* Duplicates.  The open complaint carrying @nik (exact 16 digits), or NULL
 * without error when there is none. */
PdwComplaint *pdw_store_find_open_complaint_by_nik (PdwStore *self, const char *nik, GError **error);
/* Attaches a conversation (another number, a relative writing about the
 * same NIK) to an open complaint instead of opening a second file, and
 * appends a "link_conversation" event (note: the conversation's number).
 * Fails INVALID when the conversation already has an open complaint of its
 * own or the complaint is closed.  Ingestion does this by itself, with the
 * actor "PANDAWA", when pdw_desk_rules_find_complaint_to_link() names a
 * complaint for an inbound text. */
PdwComplaint *pdw_store_link_conversation       (PdwStore       *self,
                                                 gint64          conversation_id,
                                                 gint64          complaint_id,
                                                 const PdwActor *actor,
                                                 GError        **error);
/* ---- The office's lists, templates and SLA (pdw-store-settings.c) --------- */

/* The service calendar and SLA policy used when an action starts the SLA
 * clock (pdw_workflow_action_starts_sla()).  Until set: the shipped
 * calendar (pdw_service_calendar_new(): Monday-Friday 08:00-16:00 WIB, with
 * the default holidays loaded) and 48 clock hours. */
void          pdw_store_set_sla                 (PdwStore                 *self,
                                                 PdwServiceCalendar       *calendar,
                                                 const PdwSlaPolicy       *policy);

/* Entries of @kind by position; inactive ones only with @include_inactive.
 * Seeded from pdw_catalog_get_defaults() when the table is created. */
GPtrArray    *pdw_store_list_catalog            (PdwStore        *self,
                                                 PdwCatalogKind   kind,
                                                 gboolean         include_inactive,
                                                 GError         **error); /* PdwCatalogEntry */
/* Adds (@code NULL: derived from @label, made unique) or updates an entry.
 * An empty @label on a shipped entry restores its shipped label.  Returns
 * the entry's code (new string) or NULL with @error. */
char         *pdw_store_save_catalog_entry      (PdwStore        *self,
                                                 PdwCatalogKind   kind,
                                                 const char      *code,
                                                 const char      *label,
                                                 gboolean         active,
                                                 GError         **error);
/* The label to show for @code: never NULL (the code itself when unknown). */
char         *pdw_store_dup_catalog_label       (PdwStore        *self,
                                                 PdwCatalogKind   kind,
                                                 const char      *code);
/* The same for official documents and exports: a shipped label in
 * Indonesian whatever the locale. */
char         *pdw_store_dup_catalog_label_id    (PdwStore        *self,
                                                 PdwCatalogKind   kind,
                                                 const char      *code);

GPtrArray    *pdw_store_list_officers           (PdwStore        *self,
                                                 gboolean         include_inactive,
                                                 GError         **error); /* PdwOfficer, by name */
/* Adds (@id 0) or updates an officer; returns the id or 0 with @error.
 * The name must not be empty (INVALID); the NIP, when given, is 18 digits
 * and unique (INVALID otherwise). */
gint64        pdw_store_save_officer            (PdwStore        *self,
                                                 gint64           id,
                                                 const char      *name,
                                                 const char      *nip,
                                                 const char      *initials,
                                                 PdwOfficerRole   role,
                                                 gboolean         active,
                                                 GError         **error);
/* The initials the control card shows for an actor: see PdwActor. */
char         *pdw_store_dup_actor_initials      (PdwStore        *self,
                                                 const char      *name,
                                                 const char      *nip);

/* Templates by title, shipped ones seeded from pdw-template.h. */
GPtrArray    *pdw_store_list_reply_templates    (PdwStore        *self,
                                                 GError         **error); /* PdwReplyTemplate */
PdwReplyTemplate *pdw_store_dup_reply_template  (PdwStore        *self,
                                                 const char      *name,
                                                 GError         **error); /* NOT_FOUND */
/* Adds (@name NULL: derived from @title, made unique) or updates a
 * template; returns its name or NULL with @error (empty title or body:
 * INVALID). */
char         *pdw_store_save_reply_template     (PdwStore        *self,
                                                 const char      *name,
                                                 const char      *title,
                                                 const char      *body,
                                                 GError         **error);
/* Shipped templates cannot be deleted (INVALID); reset restores their text. */
gboolean      pdw_store_delete_reply_template   (PdwStore        *self,
                                                 const char      *name,
                                                 GError         **error);
gboolean      pdw_store_reset_reply_template    (PdwStore        *self,
                                                 const char      *name,
                                                 GError         **error);

/* ---- Export (pdw-store-export.c) ------------------------------------------ */

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

/* ---- The monthly report (pdw-store-report.c) -------------------------------- */

/* Reads the facts the report needs for [@start, @end) (see
 * pdw-report-facts.h), through indexed queries only. */
PdwReportFacts *pdw_store_read_report_facts     (PdwStore        *self,
                                                 gint64           start,
                                                 gint64           end,
                                                 GError         **error);
/* The facts of pdw_report_facts_get_span (@period), then
 * pdw_report_build() with @calendar and @policy (NULL: the store's, see
 * pdw_store_set_sla()) at the store's now. */
PdwReport     *pdw_store_compute_report         (PdwStore               *self,
                                                 const PdwReportPeriod  *period,
                                                 PdwServiceCalendar     *calendar,
                                                 const PdwSlaPolicy     *policy,
                                                 GError                **error);
/* The same in a worker thread, for the window: the report is immutable
 * and can be used from the main loop. */
void           pdw_store_compute_report_async   (PdwStore               *self,
                                                 const PdwReportPeriod  *period,
                                                 PdwServiceCalendar     *calendar,
                                                 const PdwSlaPolicy     *policy,
                                                 GCancellable           *cancellable,
                                                 GAsyncReadyCallback     callback,
                                                 gpointer                user_data);
PdwReport     *pdw_store_compute_report_finish  (PdwStore               *self,
                                                 GAsyncResult           *result,
                                                 GError                **error);

G_END_DECLS
