/* pdw-search-query.h: what the text typed in the search bar asks for.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a query looks like.  A number can mean more than one thing (the
 * digits "628123" are the start of a phone number and the end of a NIK):
 * the fields of PdwSearchQuery that are set say everything it may mean. */
typedef enum
{
  PDW_SEARCH_QUERY_EMPTY,
  PDW_SEARCH_QUERY_TEXT,             /* a name prefix, or words of a message */
  PDW_SEARCH_QUERY_PHONE,            /* 0812…, +62 812-…, 62812… */
  PDW_SEARCH_QUERY_TICKET,           /* PDW-2026-11-00042 */
  PDW_SEARCH_QUERY_IDENTITY,         /* 16 digits: a NIK or KK */
  PDW_SEARCH_QUERY_IDENTITY_SUFFIX,  /* 4-15 digits: the end of a NIK or KK */
} PdwSearchQueryKind;

typedef struct
{
  PdwSearchQueryKind  kind;
  /* Digits in the wa_id form (62…), a prefix of the number; or NULL. */
  char               *phone;
  /* "PDW-YYYY-MM-NNNNN"; or NULL. */
  char               *ticket;
  /* All 16 digits, or the 4-15 last ones; or NULL. */
  char               *identity;
  gboolean            identity_is_suffix;
  /* The words, for names and message text; NULL for a number. */
  char               *text;
} PdwSearchQuery;

/* Never NULL: an empty or blank @text gives PDW_SEARCH_QUERY_EMPTY. */
PdwSearchQuery *pdw_search_query_parse (const char     *text);
void            pdw_search_query_free  (PdwSearchQuery *query);

/* The FTS5 MATCH expression for @text: every word as a quoted prefix
 * ("budi"* "sant"*), so that nothing the officer types is read as FTS
 * syntax; NULL when @text has no word. */
char           *pdw_search_query_dup_fts_prefix_match (const char *text);
/* For message text: whole words but the last, which is being typed
 * ("akta" "lah"*).  A prefix of every word would read the index entries of
 * every word starting with "ok" or "min" in a year of chat: too slow. */
char           *pdw_search_query_dup_fts_text_match   (const char *text);

/* FTS5 marks the whole word a prefix matched («Budiman» for "budi"): a copy
 * of @snippet in which each marked word is marked only as far as the
 * longest word of @text that begins it, compared without case or accents
 * («Budi»man, «Aisy»âh for "aisy").  A marked word no query word begins
 * keeps its mark. */
char           *pdw_search_query_dup_narrowed_marks   (const char *text,
                                                       const char *snippet);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwSearchQuery, pdw_search_query_free)

G_END_DECLS
