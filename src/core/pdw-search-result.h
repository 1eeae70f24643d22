/* pdw-search-result.h: one conversation found by a search, and what in
 * it matched.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* In order of strength: when one conversation matches in several ways,
 * the result names the first of these. */
typedef enum
{
  PDW_SEARCH_FIELD_TICKET,
  PDW_SEARCH_FIELD_NIK,
  PDW_SEARCH_FIELD_KK,
  PDW_SEARCH_FIELD_PHONE,
  PDW_SEARCH_FIELD_CITIZEN_NAME,
  PDW_SEARCH_FIELD_PROFILE_NAME,
  PDW_SEARCH_FIELD_MESSAGE,
  PDW_SEARCH_N_FIELDS,
} PdwSearchField;

/* The snippet marks the matched words with these (never in a name). */
#define PDW_SEARCH_MARK_START "\u00ab"
#define PDW_SEARCH_MARK_END   "\u00bb"

/* Where results of a field come in the list: 0 for what names the citizen
 * exactly (ticket, NIK, KK, phone), 1 for a name, 2 for message text; the
 * newest first within a rank.  A name typed as a prefix is then never
 * crowded out by newer messages that contain the same letters. */
guint       pdw_search_field_get_rank (PdwSearchField field);

/* "ticket", "nik", "kk", "phone", "citizen_name", "profile_name",
 * "message": for --json and logs. */
const char *pdw_search_field_to_string (PdwSearchField field);

#define PDW_TYPE_SEARCH_RESULT (pdw_search_result_get_type ())
G_DECLARE_FINAL_TYPE (PdwSearchResult, pdw_search_result, PDW, SEARCH_RESULT, GObject)

/* Properties (construct-only): "conversation-id", "complaint-id" (gint64,
 * 0: none), "display-name", "snippet" (strings), "field" (int,
 * PdwSearchField), "time" (gint64, Unix s: of the matched message, else of
 * the conversation's last activity).  A NIK or KK in the snippet is masked. */
PdwSearchResult *pdw_search_result_new (gint64          conversation_id,
                                        gint64          complaint_id,
                                        const char     *display_name,
                                        PdwSearchField  field,
                                        const char     *snippet,
                                        gint64          time);

gint64          pdw_search_result_get_conversation_id (PdwSearchResult *self);
gint64          pdw_search_result_get_complaint_id    (PdwSearchResult *self);
const char     *pdw_search_result_get_display_name    (PdwSearchResult *self);
PdwSearchField  pdw_search_result_get_field           (PdwSearchResult *self);
const char     *pdw_search_result_get_snippet         (PdwSearchResult *self);
gint64          pdw_search_result_get_time            (PdwSearchResult *self);

/* Rank (pdw_search_field_get_rank()), then time, newest first, then
 * conversation id: the order of a result list. */
int             pdw_search_result_compare             (PdwSearchResult *a,
                                                       PdwSearchResult *b);

G_END_DECLS
