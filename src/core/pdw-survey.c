/* pdw-survey.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pdw-survey.h"

/* Spaces WhatsApp keyboards and copy-paste leave around a number: the
 * Unicode spaces, and the zero-width ones that g_unichar_isspace() does not
 * count. */
static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B || c == 0x200C || c == 0x200D ||
         c == 0x2060 || c == 0xFEFF;
}

int
pdw_survey_parse_rating (const char *text)
{
  const char *p;
  const char *end;
  int rating;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return 0;

  for (p = text; *p != '\0' && is_blank (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    ;
  for (end = p + strlen (p); end > p; )
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  if (p == end || *p < '0' + PDW_SURVEY_RATING_MIN || *p > '0' + PDW_SURVEY_RATING_MAX)
    return 0;
  rating = *p - '0';
  p++;

  /* "4." and "4)" as in a numbered list; "4️⃣" is the digit, an optional
   * emoji presentation selector and the combining keycap. */
  if (p < end && (*p == '.' || *p == ')'))
    p++;
  else
    {
      if (p < end && g_utf8_get_char (p) == 0xFE0F)
        p = g_utf8_next_char (p);
      if (p < end && g_utf8_get_char (p) == 0x20E3)
        p = g_utf8_next_char (p);
    }

  return p == end ? rating : 0;
}

gboolean
pdw_survey_can_ask (PdwComplaintStatus status,
                    int                rating)
{
  return status == PDW_COMPLAINT_SELESAI && rating == 0;
}

gboolean
pdw_survey_awaits_rating (const PdwSurveyState *state,
                          gint64                time)
{
  g_return_val_if_fail (state != NULL, FALSE);

  return state->asked_at > 0 &&
         pdw_survey_can_ask (state->status, state->rating) &&
         time >= state->asked_at &&
         time - state->asked_at <= PDW_SURVEY_REPLY_WINDOW_SECONDS;
}

int
pdw_survey_rating_for_reply (const PdwSurveyState *state,
                             const char           *text,
                             gint64                message_time)
{
  g_return_val_if_fail (state != NULL, 0);

  if (!pdw_survey_awaits_rating (state, message_time))
    return 0;
  return pdw_survey_parse_rating (text);
}

gboolean
pdw_survey_is_rating_reply (PdwComplaint *complaint,
                            const char   *text,
                            gint64        message_time)
{
  int rating;

  g_return_val_if_fail (complaint == NULL || PDW_IS_COMPLAINT (complaint), FALSE);

  if (complaint == NULL)
    return FALSE;

  rating = pdw_complaint_get_survey_rating (complaint);
  return rating != 0 &&
         pdw_complaint_get_survey_rated_at (complaint) == message_time &&
         pdw_survey_parse_rating (text) == rating;
}

const char *
pdw_survey_rating_get_label (int rating)
{
  /* The four answers of the SKM questionnaire (PermenPAN-RB 14/2017). */
  static const char * const labels[] = {
    N_("Not good"), N_("Less than good"), N_("Good"), N_("Very good"),
  };

  if (rating < PDW_SURVEY_RATING_MIN || rating > PDW_SURVEY_RATING_MAX)
    return NULL;
  return _(labels[rating - PDW_SURVEY_RATING_MIN]);
}

char *
pdw_survey_rating_dup_description (int rating)
{
  const char *label = pdw_survey_rating_get_label (rating);

  if (label == NULL)
    return NULL;
  /* Translators: a citizen's satisfaction rating, e.g. "4 – Very good" */
  return g_strdup_printf (_("%d – %s"), rating, label);
}
