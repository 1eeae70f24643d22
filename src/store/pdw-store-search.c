/* pdw-store-search.c: finding conversations by name, phone number,
 * ticket, NIK or KK (whole or its last digits) and message text.  Each
 * kind is one indexed statement (the query-plan test holds them to it);
 * what a query means is decided in core (pdw-search-query.c).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "core/pdw-identity.h"
#include "core/pdw-search-query.h"
#include "pdw-store-migrations.h"
#include "pdw-store-private.h"

#define DEFAULT_LIMIT 50
/* A common word is in thousands of messages: stop reading them once this
 * many per wanted result gave no new conversation. */
#define MESSAGE_ROWS_PER_RESULT 20

/* Every statement returns the same columns: the conversation (after
 * merges; NULL for a complaint without one), the complaint (or NULL), the
 * name the hit itself carries (or NULL), the snippet and the time. */
#define RESOLVED_CONVERSATION(id) \
  "(SELECT COALESCE (rc.merged_into, rc.id) FROM conversations rc WHERE rc.id = " id ")"
#define CONVERSATION_OF_CONTACT(contact) \
  "(SELECT COALESCE (rc.merged_into, rc.id) FROM conversations rc WHERE rc.contact_id = " contact ")"

static const char ticket_sql[] =
  "SELECT " RESOLVED_CONVERSATION ("p.conversation_id") ", p.id, p.citizen_name, p.ticket, p.updated_at"
  "  FROM complaints p WHERE p.ticket = ?1";

static const char nik_sql[] =
  "SELECT " RESOLVED_CONVERSATION ("p.conversation_id") ", p.id, p.citizen_name, p.nik, p.updated_at"
  "  FROM complaints p WHERE p.nik = ?1 ORDER BY p.id DESC LIMIT ?2";
static const char kk_sql[] =
  "SELECT " RESOLVED_CONVERSATION ("p.conversation_id") ", p.id, p.citizen_name, p.kk, p.updated_at"
  "  FROM complaints p WHERE p.kk = ?1 ORDER BY p.id DESC LIMIT ?2";
/* ?1 ≤ reversed < ?2: the numbers ending with the digits. */
static const char nik_suffix_sql[] =
  "SELECT " RESOLVED_CONVERSATION ("p.conversation_id") ", p.id, p.citizen_name, p.nik, p.updated_at"
  "  FROM complaints p"
  " WHERE " PDW_REVERSED_16 ("p.nik") " >= ?1 AND " PDW_REVERSED_16 ("p.nik") " < ?2"
  "   AND length (p.nik) = 16 LIMIT ?3";
static const char kk_suffix_sql[] =
  "SELECT " RESOLVED_CONVERSATION ("p.conversation_id") ", p.id, p.citizen_name, p.kk, p.updated_at"
  "  FROM complaints p"
  " WHERE " PDW_REVERSED_16 ("p.kk") " >= ?1 AND " PDW_REVERSED_16 ("p.kk") " < ?2"
  "   AND length (p.kk) = 16 LIMIT ?3";

/* ?1 ≤ number < ?2: the numbers starting with the digits. */
static const char contact_phone_sql[] =
  "SELECT " CONVERSATION_OF_CONTACT ("k.id") ", NULL, NULL, k.wa_id, k.updated_at"
  "  FROM contacts k WHERE k.wa_id >= ?1 AND k.wa_id < ?2 LIMIT ?3";
static const char complaint_phone_sql[] =
  "SELECT " RESOLVED_CONVERSATION ("p.conversation_id") ", p.id, p.citizen_name, p.phone, p.updated_at"
  "  FROM complaints p WHERE p.phone >= ?1 AND p.phone < ?2 LIMIT ?3";

/* Newest rows first: ids grow with time. */
static const char profile_name_sql[] =
  "SELECT " CONVERSATION_OF_CONTACT ("contact_names_fts.rowid") ", NULL, NULL,"
  "       highlight (contact_names_fts, 0, '" PDW_SEARCH_MARK_START "', '" PDW_SEARCH_MARK_END "'), 0"
  "  FROM contact_names_fts WHERE contact_names_fts MATCH ?1"
  " ORDER BY contact_names_fts.rowid DESC LIMIT ?2";
static const char citizen_name_sql[] =
  "SELECT " RESOLVED_CONVERSATION ("p.conversation_id") ", p.id, p.citizen_name,"
  "       highlight (complaint_names_fts, 0, '" PDW_SEARCH_MARK_START "', '" PDW_SEARCH_MARK_END "'),"
  "       p.updated_at"
  "  FROM complaint_names_fts JOIN complaints p ON p.id = complaint_names_fts.rowid"
  " WHERE complaint_names_fts MATCH ?1"
  " ORDER BY complaint_names_fts.rowid DESC LIMIT ?2";
static const char message_sql[] =
  "SELECT m.conversation_id, NULL, NULL,"
  "       snippet (messages_fts, 0, '" PDW_SEARCH_MARK_START "', '" PDW_SEARCH_MARK_END "', '…', 12),"
  "       m.timestamp"
  "  FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid"
  " WHERE messages_fts MATCH ?1"
  " ORDER BY messages_fts.rowid DESC";

/* What a conversation is called in the results, and when it was last
 * active. */
static const char conversation_summary_sql[] =
  "SELECT COALESCE (p.citizen_name, k.profile_name, k.wa_id, k.user_id), c.complaint_id,"
  "       max (c.last_inbound_time, c.created_at)"
  "  FROM conversations c JOIN contacts k ON k.id = c.contact_id"
  "  LEFT JOIN complaints p ON p.id = c.complaint_id"
  " WHERE c.id = ?1";

typedef struct
{
  gint64          conversation_id;
  gint64          complaint_id;
  char           *name;
  PdwSearchField  field;
  char           *snippet;
  gint64          time;
} Hit;

static void
hit_free (Hit *hit)
{
  g_free (hit->name);
  g_free (hit->snippet);
  g_free (hit);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Hit, hit_free)

typedef struct
{
  PdwStore   *store;
  guint       limit;
  /* The words typed, for the marks of a name or message snippet. */
  const char *text;
  /* Hits by conversation id, or by the negated complaint id for a
   * complaint without a conversation. */
  GHashTable *hits;
} Search;

static gint64
hit_key (const Hit *hit)
{
  return hit->conversation_id != 0 ? hit->conversation_id : -hit->complaint_id;
}

/* One result per conversation: the strongest field, then the newest. */
static void
add_hit (Search *search,
         Hit    *hit)
{
  g_autoptr(Hit) owned = hit;
  gint64 key = hit_key (hit);
  Hit *existing;

  if (key == 0)
    return;

  existing = g_hash_table_lookup (search->hits, &key);
  if (existing != NULL &&
      (existing->field < hit->field ||
       (existing->field == hit->field && existing->time >= hit->time)))
    return;

  g_hash_table_insert (search->hits, g_memdup2 (&key, sizeof key), g_steal_pointer (&owned));
}

/* The NIK and KK never leave the store whole: the GUI, the CLI and any log
 * see the masked form.  A name or message marks only what was typed. */
static char *
dup_snippet (Search         *search,
             PdwStmt        *stmt,
             PdwSearchField  field)
{
  const char *text = _pdw_stmt_column_text (stmt, 3);

  if (field == PDW_SEARCH_FIELD_NIK || field == PDW_SEARCH_FIELD_KK)
    return pdw_identity_mask (text);
  if (field == PDW_SEARCH_FIELD_PHONE && text != NULL)
    return g_strconcat ("+", text, NULL);
  if (pdw_search_field_get_rank (field) > 0 && search->text != NULL)
    return pdw_search_query_dup_narrowed_marks (search->text, text);

  return g_strdup (text);
}

static Hit *
hit_from_row (Search         *search,
              PdwStmt        *stmt,
              PdwSearchField  field)
{
  Hit *hit = g_new0 (Hit, 1);

  hit->conversation_id = sqlite3_column_int64 (stmt, 0);
  hit->complaint_id = sqlite3_column_int64 (stmt, 1);
  hit->name = g_strdup (_pdw_stmt_column_text (stmt, 2));
  hit->field = field;
  hit->snippet = dup_snippet (search, stmt, field);
  hit->time = sqlite3_column_int64 (stmt, 4);
  return hit;
}

/* Binds ?1 (text), then ?2 (text) when @second is set, then the limit. */
static gboolean
collect (Search          *search,
         const char      *sql,
         PdwSearchField   field,
         const char      *first,
         const char      *second,
         GError         **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row = FALSE;
  gboolean ok;
  int limit_index = second != NULL ? 3 : 2;

  if (!(stmt = _pdw_store_prepare (search->store, sql, error)))
    return FALSE;

  _pdw_stmt_bind_text (stmt, 1, first);
  if (second != NULL)
    _pdw_stmt_bind_text (stmt, 2, second);
  if (sqlite3_bind_parameter_count (stmt) >= limit_index)
    sqlite3_bind_int64 (stmt, limit_index, search->limit);

  while ((ok = _pdw_store_step_row (search->store, stmt, &has_row, error)) && has_row)
    add_hit (search, hit_from_row (search, stmt, field));

  return ok;
}

/* The upper end of the range of strings starting with @prefix (digits). */
static char *
dup_prefix_end (const char *prefix)
{
  char *end = g_strdup (prefix);
  gsize len = strlen (end);

  if (len > 0)
    end[len - 1]++;
  return end;
}

static gboolean
collect_prefix (Search          *search,
                const char      *sql,
                PdwSearchField   field,
                const char      *prefix,
                GError         **error)
{
  g_autofree char *end = dup_prefix_end (prefix);

  return collect (search, sql, field, prefix, end, error);
}

static gboolean
search_identity (Search                *search,
                 const PdwSearchQuery  *query,
                 GError               **error)
{
  g_autofree char *reversed = NULL;

  if (!query->identity_is_suffix)
    return collect (search, nik_sql, PDW_SEARCH_FIELD_NIK, query->identity, NULL, error) &&
           collect (search, kk_sql, PDW_SEARCH_FIELD_KK, query->identity, NULL, error);

  reversed = g_strreverse (g_strdup (query->identity));
  return collect_prefix (search, nik_suffix_sql, PDW_SEARCH_FIELD_NIK, reversed, error) &&
         collect_prefix (search, kk_suffix_sql, PDW_SEARCH_FIELD_KK, reversed, error);
}

static gboolean
search_names (Search      *search,
              const char  *text,
              GError     **error)
{
  g_autofree char *match = pdw_search_query_dup_fts_prefix_match (text);

  if (match == NULL)
    return TRUE;

  return collect (search, citizen_name_sql, PDW_SEARCH_FIELD_CITIZEN_NAME, match, NULL, error) &&
         collect (search, profile_name_sql, PDW_SEARCH_FIELD_PROFILE_NAME, match, NULL, error);
}

/* Newest messages first, one per conversation, until @limit conversations
 * are found or a common word has given enough rows. */
static gboolean
search_messages (Search      *search,
                 const char  *text,
                 GError     **error)
{
  g_autofree char *match = pdw_search_query_dup_fts_text_match (text);
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row = FALSE;
  gint64 conversation_id;
  guint rows = 0;

  if (match == NULL)
    return TRUE;

  if (!(stmt = _pdw_store_prepare (search->store, message_sql, error)))
    return FALSE;

  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  _pdw_stmt_bind_text (stmt, 1, match);
  while (g_hash_table_size (seen) < search->limit &&
         rows++ < search->limit * MESSAGE_ROWS_PER_RESULT)
    {
      if (!_pdw_store_step_row (search->store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      conversation_id = sqlite3_column_int64 (stmt, 0);
      if (g_hash_table_contains (seen, &conversation_id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&conversation_id, sizeof conversation_id));
      add_hit (search, hit_from_row (search, stmt, PDW_SEARCH_FIELD_MESSAGE));
    }

  return TRUE;
}

static gboolean
run_query (Search                *search,
           const PdwSearchQuery  *query,
           GError               **error)
{
  if (query->ticket != NULL &&
      !collect (search, ticket_sql, PDW_SEARCH_FIELD_TICKET, query->ticket, NULL, error))
    return FALSE;

  if (query->identity != NULL && !search_identity (search, query, error))
    return FALSE;

  if (query->phone != NULL &&
      (!collect_prefix (search, contact_phone_sql, PDW_SEARCH_FIELD_PHONE, query->phone, error) ||
       !collect_prefix (search, complaint_phone_sql, PDW_SEARCH_FIELD_PHONE, query->phone, error)))
    return FALSE;

  if (query->text != NULL &&
      (!search_names (search, query->text, error) ||
       !search_messages (search, query->text, error)))
    return FALSE;

  return TRUE;
}

/* Fills what a hit does not carry itself from its conversation. */
static gboolean
complete_hit (Search  *search,
              Hit     *hit,
              GError **error)
{
  g_autoptr(PdwStmt) stmt = NULL;
  gboolean has_row = FALSE;

  if (hit->conversation_id == 0)
    return TRUE;

  if (!(stmt = _pdw_store_prepare (search->store, conversation_summary_sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, hit->conversation_id);
  if (!_pdw_store_step_row (search->store, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;

  if (hit->name == NULL)
    hit->name = g_strdup (_pdw_stmt_column_text (stmt, 0));
  if (hit->complaint_id == 0)
    hit->complaint_id = sqlite3_column_int64 (stmt, 1);
  if (hit->time == 0)
    hit->time = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* What names the citizen first, then names, then message text; the newest
 * first within each. */
static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  return pdw_search_result_compare (*(PdwSearchResult **) a, *(PdwSearchResult **) b);
}

static GPtrArray *
build_results (Search  *search,
               GError **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  Hit *hit;

  g_hash_table_iter_init (&iter, search->hits);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &hit))
    {
      if (!complete_hit (search, hit, error))
        return NULL;
      g_ptr_array_add (results,
                       pdw_search_result_new (hit->conversation_id, hit->complaint_id, hit->name,
                                              hit->field, hit->snippet, hit->time));
    }

  g_ptr_array_sort (results, compare_results);
  if (results->len > search->limit)
    g_ptr_array_set_size (results, search->limit);
  return g_steal_pointer (&results);
}

GPtrArray *
pdw_store_search (PdwStore    *self,
                  const char  *query_text,
                  guint        limit,
                  GError     **error)
{
  g_autoptr(PdwSearchQuery) query = NULL;
  g_autoptr(GHashTable) hits = NULL;
  Search search;
  GPtrArray *results = NULL;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (query_text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  query = pdw_search_query_parse (query_text);
  if (query->kind == PDW_SEARCH_QUERY_EMPTY)
    return g_ptr_array_new_with_free_func (g_object_unref);

  hits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) hit_free);
  search = (Search) { self, limit > 0 ? limit : DEFAULT_LIMIT, query->text, hits };

  g_rec_mutex_lock (&self->mutex);
  if (run_query (&search, query, error))
    results = build_results (&search, error);
  g_rec_mutex_unlock (&self->mutex);

  return results;
}
