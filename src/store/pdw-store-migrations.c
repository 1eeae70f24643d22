/* pdw-store-migrations.c
 *
 * Migrations are append-only: once a version has shipped its SQL never
 * changes; a change to the schema is a new entry at the end.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-store-migrations.h"

/* Migration 4: a conversation's queue keys from its messages, when they
 * move or go (an insert only raises them). */
#define RECOMPUTE_QUEUE_KEYS(where) \
  "  UPDATE conversations SET" \
  "    last_message_at = COALESCE ((SELECT max (m.timestamp) FROM messages m" \
  "                                  WHERE m.conversation_id = conversations.id), created_at)," \
  "    last_inbound_id = COALESCE ((SELECT max (m.id) FROM messages m" \
  "                                  WHERE m.conversation_id = conversations.id" \
  "                                    AND m.direction = 'in'), 0)" \
  "   WHERE " where ";"

static const char * const migrations[] = {
  /* 1: the first schema. */
  "CREATE TABLE webhook_deliveries ("
  "  id           INTEGER PRIMARY KEY,"
  "  received_at  INTEGER NOT NULL,"
  "  source       TEXT NOT NULL,"
  "  body         BLOB NOT NULL"
  ");"

  /* A citizen is keyed by wa_id when WhatsApp sends one, else by the
   * business-scoped user id (usernames, 2026); both are kept. */
  "CREATE TABLE contacts ("
  "  id            INTEGER PRIMARY KEY,"
  "  wa_id         TEXT UNIQUE,"
  "  user_id       TEXT UNIQUE,"
  "  profile_name  TEXT,"
  "  created_at    INTEGER NOT NULL,"
  "  updated_at    INTEGER NOT NULL,"
  "  CHECK (wa_id IS NOT NULL OR user_id IS NOT NULL)"
  ");"

  /* read_marker_id: the highest message id the officer has seen.  An id,
   * not a time, so that a late retry of an old message still counts as
   * unread. */
  "CREATE TABLE conversations ("
  "  id                 INTEGER PRIMARY KEY,"
  "  contact_id         INTEGER NOT NULL UNIQUE REFERENCES contacts (id),"
  "  created_at         INTEGER NOT NULL,"
  "  last_inbound_time  INTEGER NOT NULL DEFAULT 0,"
  "  read_marker_id     INTEGER NOT NULL DEFAULT 0,"
  "  complaint_id       INTEGER REFERENCES complaints (id)"
  ");"

  "CREATE TABLE messages ("
  "  id                   INTEGER PRIMARY KEY,"
  "  conversation_id      INTEGER NOT NULL REFERENCES conversations (id),"
  "  wamid                TEXT UNIQUE,"
  "  direction            TEXT NOT NULL CHECK (direction IN ('in', 'out')),"
  "  type                 TEXT NOT NULL,"
  "  text                 TEXT,"
  "  media_id             TEXT,"
  "  media_mime_type      TEXT,"
  "  media_sha256         TEXT,"
  "  media_filename       TEXT,"
  "  context_wamid        TEXT,"
  "  raw_json             TEXT,"
  "  timestamp            INTEGER NOT NULL,"
  "  received_at          INTEGER NOT NULL,"
  "  status               TEXT NOT NULL DEFAULT 'none'"
  "                       CHECK (status IN ('none', 'queued', 'accepted', 'sent',"
  "                                         'delivered', 'read', 'failed')),"
  "  status_time          INTEGER,"
  "  error_code           INTEGER,"
  "  error_title          TEXT,"
  "  error_details        TEXT,"
  "  officer_name         TEXT,"
  "  attempts             INTEGER NOT NULL DEFAULT 0,"
  "  next_attempt_at      INTEGER,"
  "  last_error_code      INTEGER,"
  "  last_error           TEXT,"
  "  webhook_delivery_id  INTEGER REFERENCES webhook_deliveries (id)"
  ");"
  "CREATE INDEX messages_by_conversation ON messages (conversation_id, timestamp, id);"
  "CREATE INDEX messages_outbox ON messages (next_attempt_at, id) WHERE status = 'queued';"

  /* Statuses can arrive before the Graph API response that tells us the
   * wamid; they wait here and are applied when the wamid is stored. */
  "CREATE TABLE pending_statuses ("
  "  id             INTEGER PRIMARY KEY,"
  "  wamid          TEXT NOT NULL,"
  "  status         TEXT NOT NULL,"
  "  timestamp      INTEGER NOT NULL,"
  "  recipient_id   TEXT,"
  "  error_code     INTEGER,"
  "  error_title    TEXT,"
  "  error_details  TEXT,"
  "  received_at    INTEGER NOT NULL,"
  "  UNIQUE (wamid, status)"
  ");"

  "CREATE TABLE complaints ("
  "  id                INTEGER PRIMARY KEY,"
  "  ticket            TEXT NOT NULL UNIQUE,"
  "  ticket_year       INTEGER NOT NULL,"
  "  ticket_month      INTEGER NOT NULL,"
  "  ticket_seq        INTEGER NOT NULL,"
  "  conversation_id   INTEGER REFERENCES conversations (id),"
  "  citizen_name      TEXT,"
  "  nik               TEXT,"
  "  kk                TEXT,"
  "  phone             TEXT,"
  "  complaint_type    TEXT,"
  "  institution       TEXT,"
  "  status            TEXT NOT NULL,"
  "  assigned_officer  TEXT,"
  "  created_at        INTEGER NOT NULL,"
  "  updated_at        INTEGER NOT NULL,"
  "  due_at            INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (ticket_year, ticket_month, ticket_seq)"
  ");"
  "CREATE UNIQUE INDEX complaints_one_open_per_conversation ON complaints (conversation_id)"
  "  WHERE status NOT IN ('selesai', 'ditolak');"

  /* The control card is append-only: a correction is a new line. */
  "CREATE TABLE complaint_events ("
  "  id            INTEGER PRIMARY KEY,"
  "  complaint_id  INTEGER NOT NULL REFERENCES complaints (id),"
  "  timestamp     INTEGER NOT NULL,"
  "  actor_name    TEXT NOT NULL,"
  "  actor_nip     TEXT,"
  "  action        TEXT NOT NULL,"
  "  from_status   TEXT,"
  "  to_status     TEXT,"
  "  from_party    TEXT,"
  "  to_party      TEXT,"
  "  note          TEXT"
  ");"
  "CREATE INDEX complaint_events_by_complaint ON complaint_events (complaint_id, id);"
  "CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events"
  "  BEGIN SELECT RAISE (ABORT, 'complaint events are append-only'); END;"
  "CREATE TRIGGER complaint_events_no_delete BEFORE DELETE ON complaint_events"
  "  BEGIN SELECT RAISE (ABORT, 'complaint events are append-only'); END;",

  /* 2: the SOP desk. */
  /* holder: who has the file now (a division while coordinating). */
  "ALTER TABLE complaints ADD COLUMN sla_started_at INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE complaints ADD COLUMN holder TEXT;"
  "ALTER TABLE complaints ADD COLUMN overdue_notified_at INTEGER NOT NULL DEFAULT 0;"
  "CREATE INDEX complaints_open_by_nik ON complaints (nik)"
  "  WHERE status NOT IN ('selesai', 'ditolak');"
  "CREATE INDEX complaints_by_due ON complaints (due_at)"
  "  WHERE due_at > 0 AND status NOT IN ('selesai', 'ditolak', 'rujuk_biometrik');"
  "CREATE INDEX complaints_by_created ON complaints (created_at);"
  /* A complaint's conversations (linked ones too), and a conversation's
   * complaints: every action looks these up. */
  "CREATE INDEX conversations_by_complaint ON conversations (complaint_id);"
  "CREATE INDEX complaints_by_conversation ON complaints (conversation_id);"
  /* Initials as they were when the line was written: the card must not
   * change when an officer's entry is edited later. */
  "ALTER TABLE complaint_events ADD COLUMN actor_initials TEXT;"
  "CREATE INDEX complaint_events_by_action ON complaint_events (action, timestamp);"
  /* One citizen writing from two numbers: the second contact points at the
   * first and its conversation at the one that absorbed it. */
  "ALTER TABLE contacts ADD COLUMN merged_into INTEGER REFERENCES contacts (id);"
  "ALTER TABLE conversations ADD COLUMN merged_into INTEGER REFERENCES conversations (id);"
  "ALTER TABLE conversations ADD COLUMN last_auto_reply_at INTEGER NOT NULL DEFAULT 0;"
  /* contact_id: the number an inbound message came from (NULL: the
   * conversation's own).  template_*: approved template messages, the
   * parameters as a JSON array of strings. */
  "ALTER TABLE messages ADD COLUMN contact_id INTEGER REFERENCES contacts (id);"
  "ALTER TABLE messages ADD COLUMN template_name TEXT;"
  "ALTER TABLE messages ADD COLUMN template_language TEXT;"
  "ALTER TABLE messages ADD COLUMN template_params TEXT;"
  /* The office's lists.  label NULL: the shipped, translated label. */
  "CREATE TABLE catalog_entries ("
  "  id        INTEGER PRIMARY KEY,"
  "  kind      TEXT NOT NULL CHECK (kind IN ('complaint_type', 'institution', 'division')),"
  "  code      TEXT NOT NULL,"
  "  label     TEXT,"
  "  position  INTEGER NOT NULL,"
  "  active    INTEGER NOT NULL DEFAULT 1,"
  "  builtin   INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (kind, code)"
  ");"
  "CREATE TABLE officers ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL,"
  "  nip         TEXT UNIQUE,"
  "  initials    TEXT,"
  "  role        TEXT NOT NULL CHECK (role IN ('fo', 'adb', 'head')),"
  "  active      INTEGER NOT NULL DEFAULT 1,"
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL"
  ");"
  /* title/body NULL on a shipped template: the shipped text, so that an
   * improved text in a new version reaches offices that never edited it. */
  "CREATE TABLE reply_templates ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL UNIQUE,"
  "  title       TEXT,"
  "  body        TEXT,"
  "  builtin     INTEGER NOT NULL DEFAULT 0,"
  "  updated_at  INTEGER NOT NULL,"
  "  CHECK (builtin = 1 OR (title IS NOT NULL AND body IS NOT NULL))"
  ");",

  /* 3: search, and the indexes a year of history needs. */
  /* The queue counts the numbers merged into each row, and a merge moves
   * everything that pointed at the absorbed contact: without these both
   * read the whole table. */
  "CREATE INDEX conversations_by_merged_into ON conversations (merged_into);"
  "CREATE INDEX contacts_by_merged_into ON contacts (merged_into);"
  /* A new contact makes SQLite look for messages already pointing at its
   * id (the foreign key's parent side): without this, every new citizen
   * would read all messages. */
  "CREATE INDEX messages_by_contact ON messages (contact_id);"
  "CREATE INDEX complaints_by_phone ON complaints (phone);"
  /* A NIK or KK is found by its last digits as a prefix of the reversed
   * number (SQLite has no reverse(): the expression spells it out). */
  "CREATE INDEX complaints_by_nik ON complaints (nik);"
  "CREATE INDEX complaints_by_kk ON complaints (kk);"
  "CREATE INDEX complaints_by_nik_reversed ON complaints (" PDW_REVERSED_16 ("nik") ");"
  "CREATE INDEX complaints_by_kk_reversed ON complaints (" PDW_REVERSED_16 ("kk") ");"
  /* Full-text indexes over the tables' own columns (external content):
   * the triggers keep them in step, the migration fills them once
   * (pdw_store_migrations_get_fills()).  remove_diacritics 2 finds
   * "Zulkifli" for "zulkifli" and "Aisyah" for "Aisyâh"; the prefix indexes
   * make a name found as it is typed. */
  "CREATE VIRTUAL TABLE messages_fts USING fts5 (text, content = 'messages', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE VIRTUAL TABLE contact_names_fts USING fts5 (profile_name, content = 'contacts',"
  "  content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');"
  "CREATE VIRTUAL TABLE complaint_names_fts USING fts5 (citizen_name, content = 'complaints',"
  "  content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');"
  PDW_FTS_TRIGGERS ("messages_fts", "messages", "text")
  PDW_FTS_TRIGGERS ("contact_names_fts", "contacts", "profile_name")
  PDW_FTS_TRIGGERS ("complaint_names_fts", "complaints", "citizen_name"),

  /* 4: the queue as a working set read in pages.  The sort key and the
   * newest inbound message are kept on the conversation by triggers, so
   * that the queue's filter and order come from indexes instead of a
   * subquery per conversation over the whole history. */
  "ALTER TABLE conversations ADD COLUMN last_message_at INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE conversations ADD COLUMN last_inbound_id INTEGER NOT NULL DEFAULT 0;"
  "UPDATE conversations SET"
  "  last_message_at = COALESCE ((SELECT max (m.timestamp) FROM messages m"
  "                                WHERE m.conversation_id = conversations.id), created_at),"
  "  last_inbound_id = COALESCE ((SELECT max (m.id) FROM messages m"
  "                                WHERE m.conversation_id = conversations.id"
  "                                  AND m.direction = 'in'), 0);"
  "CREATE TRIGGER messages_queue_insert AFTER INSERT ON messages BEGIN"
  "  UPDATE conversations SET"
  "    last_message_at = (SELECT max (m.timestamp) FROM messages m"
  "                        WHERE m.conversation_id = new.conversation_id),"
  "    last_inbound_id = CASE WHEN new.direction = 'in' AND new.id > last_inbound_id"
  "                           THEN new.id ELSE last_inbound_id END"
  "   WHERE id = new.conversation_id;"
  "END;"
  /* A merge moves messages between conversations: both get recomputed. */
  "CREATE TRIGGER messages_queue_update AFTER UPDATE OF conversation_id, timestamp, direction ON messages BEGIN"
  RECOMPUTE_QUEUE_KEYS ("id IN (old.conversation_id, new.conversation_id)")
  "END;"
  "CREATE TRIGGER messages_queue_delete AFTER DELETE ON messages BEGIN"
  RECOMPUTE_QUEUE_KEYS ("id = old.conversation_id")
  "END;"
  /* The archive in queue order; the working set's three sources: recent
   * inbound, unread, open complaints. */
  "CREATE INDEX conversations_queue ON conversations (last_message_at DESC, id DESC)"
  "  WHERE merged_into IS NULL;"
  "CREATE INDEX conversations_recent_inbound ON conversations (last_inbound_time)"
  "  WHERE merged_into IS NULL;"
  "CREATE INDEX conversations_unread ON conversations (last_message_at)"
  "  WHERE merged_into IS NULL AND last_inbound_id > read_marker_id;"
  "CREATE INDEX complaints_open ON complaints (id)"
  "  WHERE status NOT IN ('selesai', 'ditolak');",

  /* 5: the citizen satisfaction survey (Survei Kepuasan Masyarakat).  When
   * the closing message asked the citizen to rate the service, and the
   * rating (1-4) their reply gave, kept on the complaint so that the
   * monthly report reads them from the complaints of the period. */
  "ALTER TABLE complaints ADD COLUMN survey_asked_at INTEGER;"
  "ALTER TABLE complaints ADD COLUMN survey_rating INTEGER"
  "  CHECK (survey_rating IS NULL OR survey_rating BETWEEN 1 AND 4);"
  "ALTER TABLE complaints ADD COLUMN survey_rated_at INTEGER;",

  /* 6: the monthly report.  When citizens write (every inbound message of
   * a month, for the hour x weekday table) and how many conversations a
   * month started: without these both read the whole history. */
  "CREATE INDEX messages_inbound_by_time ON messages (timestamp) WHERE direction = 'in';"
  "CREATE INDEX conversations_by_created ON conversations (created_at);",

  /* 7: a step that speaks to the citizen is one act with its message.
   * message_id: the reply that carried the step (the card shows when it
   * failed to deliver).  conversation_drafts: what the officer typed and
   * not sent yet, with the step it will record when it goes (step_action
   * NULL: an ordinary draft) and the due time its text promises (made
   * true when it is sent), kept across restarts; the queue reads the step
   * by the conversation's key. */
  "ALTER TABLE complaint_events ADD COLUMN message_id INTEGER REFERENCES messages (id);"
  /* A new message makes SQLite look for lines already pointing at its id
   * (the foreign key's parent side): without this, every message would
   * read the whole card table. */
  "CREATE INDEX complaint_events_by_message ON complaint_events (message_id);"
  "CREATE TABLE conversation_drafts ("
  "  conversation_id  INTEGER PRIMARY KEY REFERENCES conversations (id),"
  "  text             TEXT NOT NULL,"
  "  step_action      TEXT,"
  "  step_note        TEXT,"
  "  step_party       TEXT,"
  "  step_promise     TEXT,"
  "  updated_at       INTEGER NOT NULL"
  ");",

  /* 8: the outbox across processes.  A sender claims a queued message
   * (claimed_by, until claim_expires_at) in one write transaction before
   * it posts it, so that two gateways on one database never both send it;
   * a claim left by a crashed process expires and the message is claimed
   * again.  failure_handled_at: an officer dealt with a failed message
   * (edited and sent it again), so the list of failures drops it. */
  "ALTER TABLE messages ADD COLUMN claimed_by TEXT;"
  "ALTER TABLE messages ADD COLUMN claim_expires_at INTEGER;"
  "ALTER TABLE messages ADD COLUMN failure_handled_at INTEGER;"
  /* The oldest queued message of each conversation goes first. */
  "CREATE INDEX messages_queued_by_conversation ON messages (conversation_id, id)"
  "  WHERE status = 'queued';"
  "CREATE INDEX messages_failed_out ON messages (status_time)"
  "  WHERE status = 'failed' AND direction = 'out';",

  /* 9: citizens' media, fetched from WhatsApp after the webhook is stored
   * (media ids live 7 days, their URLs 5 minutes), and officers'
   * attachments.  media_state: NULL (no file), 'pending' (to fetch at
   * media_next_attempt_at; media_error says why the last try failed),
   * 'ready' (media_path, media_size), 'corrupt' (the bytes did not match
   * the webhook's sha256; nothing kept), 'expired' (not fetched in 7 days).
   * A trigger marks every new inbound media message pending, whoever
   * stores it; messages stored before this version are pending too, and
   * the fetcher expires those older than 7 days. */
  "ALTER TABLE messages ADD COLUMN media_state TEXT"
  "  CHECK (media_state IS NULL OR media_state IN ('pending', 'ready', 'corrupt', 'expired'));"
  "ALTER TABLE messages ADD COLUMN media_path TEXT;"
  "ALTER TABLE messages ADD COLUMN media_size INTEGER;"
  "ALTER TABLE messages ADD COLUMN media_attempts INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE messages ADD COLUMN media_next_attempt_at INTEGER;"
  "ALTER TABLE messages ADD COLUMN media_error TEXT;"
  "UPDATE messages SET media_state = 'pending', media_next_attempt_at = received_at"
  "  WHERE direction = 'in' AND media_id IS NOT NULL;"
  "CREATE TRIGGER messages_media_insert AFTER INSERT ON messages"
  "  WHEN new.direction = 'in' AND new.media_id IS NOT NULL AND new.media_state IS NULL BEGIN"
  "  UPDATE messages SET media_state = 'pending', media_next_attempt_at = new.received_at"
  "   WHERE id = new.id;"
  "END;"
  "CREATE INDEX messages_media_due ON messages (media_next_attempt_at)"
  "  WHERE media_state = 'pending';",

  /* 10: a message whose webhook timestamp was missing or more than a day
   * ahead is stored at its arrival time; what the webhook claimed is kept
   * beside it (NULL: the timestamp is WhatsApp's own). */
  "ALTER TABLE messages ADD COLUMN claimed_timestamp INTEGER;"
  /* Raw webhook bodies are purged after their retention, oldest first;
   * their messages then forget the delivery (the foreign key's check
   * needs the second index). */
  "CREATE INDEX webhook_deliveries_by_time ON webhook_deliveries (received_at);"
  "CREATE INDEX messages_by_delivery ON messages (webhook_delivery_id);",
};

/* What each migration fills after its SQL, in chunks of ids so that the
 * progress can be reported (?1 < id <= ?2). */
static const PdwMigrationFill fills_3[] = {
  { "messages",
    "INSERT INTO messages_fts (rowid, text)"
    "  SELECT id, text FROM messages WHERE id > ?1 AND id <= ?2 AND text IS NOT NULL" },
  { "contacts",
    "INSERT INTO contact_names_fts (rowid, profile_name)"
    "  SELECT id, profile_name FROM contacts WHERE id > ?1 AND id <= ?2 AND profile_name IS NOT NULL" },
  { "complaints",
    "INSERT INTO complaint_names_fts (rowid, citizen_name)"
    "  SELECT id, citizen_name FROM complaints WHERE id > ?1 AND id <= ?2 AND citizen_name IS NOT NULL" },
};

int
pdw_store_migrations_get_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

const char *
pdw_store_migrations_get (int version)
{
  g_return_val_if_fail (version >= 1 && version <= (int) G_N_ELEMENTS (migrations), NULL);

  return migrations[version - 1];
}

const PdwMigrationFill *
pdw_store_migrations_get_fills (int    version,
                                guint *n_fills)
{
  g_return_val_if_fail (n_fills != NULL, NULL);

  if (version == 3)
    {
      *n_fills = G_N_ELEMENTS (fills_3);
      return fills_3;
    }

  *n_fills = 0;
  return NULL;
}
