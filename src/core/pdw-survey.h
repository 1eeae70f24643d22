/* pdw-survey.h: the citizen satisfaction survey (Survei Kepuasan
 * Masyarakat).  The closing message of a file may ask the citizen to rate
 * the service by replying with one number, 1 (not good) to 4 (very good);
 * a reply that is only such a number, within three days of the question,
 * on a file that is still closed and not rated yet, is the rating.  Pure
 * rules: the store applies them to what it holds.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pdw-complaint.h"
#include "pdw-types.h"

G_BEGIN_DECLS

#define PDW_SURVEY_RATING_MIN 1
#define PDW_SURVEY_RATING_MAX 4
/* How long after the question a number still answers it. */
#define PDW_SURVEY_REPLY_WINDOW_SECONDS (3 * 24 * 60 * 60)

/* What the rule needs to know of a complaint. */
typedef struct
{
  PdwComplaintStatus status;
  gint64             asked_at;  /* Unix s; 0: never asked */
  int                rating;    /* 1-4; 0: not rated */
} PdwSurveyState;

/* The rating a text gives when it is nothing but one digit 1-4: white space
 * around it, a final "." or ")" and WhatsApp's keycap emoji ("4️⃣") are
 * allowed; anything else ("12", "0", "4 tolong dicek") is no rating.
 * Returns 1-4, or 0. */
int          pdw_survey_parse_rating          (const char            *text);

/* Whether a file may ask for a rating now: closed as resolved (selesai) and
 * not rated before (a rating stays, even if the file is reopened and closed
 * again). */
gboolean     pdw_survey_can_ask               (PdwComplaintStatus     status,
                                               int                    rating);

/* Whether @state waits for an answer at @time: asked, still selesai, not
 * rated, and @time within PDW_SURVEY_REPLY_WINDOW_SECONDS after the
 * question (not before it). */
gboolean     pdw_survey_awaits_rating         (const PdwSurveyState  *state,
                                               gint64                 time);

/* The rating an inbound @text at @message_time (the citizen's time, Unix s)
 * records on the file in @state, or 0 when it is an ordinary message. */
int          pdw_survey_rating_for_reply      (const PdwSurveyState  *state,
                                               const char            *text,
                                               gint64                 message_time);

/* TRUE when @complaint's rating was given by an inbound @text at
 * @message_time (that message, once stored, is the answer, not a new
 * question for the desk: no automatic reply goes to it). */
gboolean     pdw_survey_is_rating_reply       (PdwComplaint          *complaint,
                                               const char            *text,
                                               gint64                 message_time);

/* The rating's words, translated ("Very good"); NULL outside 1-4. */
const char  *pdw_survey_rating_get_label      (int                    rating);
/* "4 – Very good"; NULL outside 1-4. */
char        *pdw_survey_rating_dup_description (int                   rating);

G_END_DECLS
