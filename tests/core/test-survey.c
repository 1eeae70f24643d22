/* test-survey.c: which citizen reply is a satisfaction rating.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/pdw-survey.h"

/* Fri 2026-11-20 08:00 UTC = 15:00 WIB. */
#define ASKED  G_GINT64_CONSTANT (1795161600)
#define HOUR   3600

static void
test_parse (void)
{
  static const struct { const char *text; int rating; } cases[] = {
    { "4", 4 }, { "1", 1 }, { "2", 2 }, { "3", 3 },
    { " 3 ", 3 }, { "\n\t4\n", 4 }, { "4.", 4 }, { "2)", 2 },
    /* No-break and zero-width spaces from phone keyboards and copy-paste. */
    { "\u00a04\u00a0", 4 }, { "\u200b3", 3 }, { "4\ufeff", 4 },
    /* WhatsApp's keycap emoji, with and without the presentation selector. */
    { "4\ufe0f\u20e3", 4 }, { "1\u20e3", 1 }, { " 3\ufe0f\u20e3 ", 3 }, { "4\ufe0f", 4 },
    /* Not a rating: out of range, more digits, words, nothing. */
    { "0", 0 }, { "5", 0 }, { "9", 0 }, { "12", 0 }, { "44", 0 }, { "4 4", 0 },
    { "4 tolong dicek", 0 }, { "nilai 4", 0 }, { "4..", 0 }, { ".4", 0 },
    { "4.5", 0 }, { "-4", 0 }, { "+4", 0 }, { "empat", 0 }, { "", 0 }, { "   ", 0 },
    { "\u0664", 0 },            /* an Arabic-Indic four is no ASCII digit */
    { "1471010101900001", 0 },  /* a NIK */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (pdw_survey_parse_rating (cases[i].text), ==, cases[i].rating);
    }

  g_assert_cmpint (pdw_survey_parse_rating (NULL), ==, 0);
  g_assert_cmpint (pdw_survey_parse_rating ("\xff" "4"), ==, 0);
}

static void
test_can_ask (void)
{
  g_assert_true (pdw_survey_can_ask (PDW_COMPLAINT_SELESAI, 0));
  /* Rated once: a reopened and closed again file does not ask twice. */
  g_assert_false (pdw_survey_can_ask (PDW_COMPLAINT_SELESAI, 3));
  /* Rejected files and open ones: nothing was resolved to rate. */
  for (int status = PDW_COMPLAINT_BARU; status < PDW_COMPLAINT_STATUS_LAST; status++)
    if (status != PDW_COMPLAINT_SELESAI)
      g_assert_false (pdw_survey_can_ask (status, 0));
}

static void
test_reply_window (void)
{
  PdwSurveyState state = { PDW_COMPLAINT_SELESAI, ASKED, 0 };

  g_assert_cmpint (pdw_survey_rating_for_reply (&state, "4", ASKED), ==, 4);
  g_assert_cmpint (pdw_survey_rating_for_reply (&state, " 3 ", ASKED + 5 * 60), ==, 3);
  g_assert_cmpint (pdw_survey_rating_for_reply (&state, "1", ASKED + 72 * HOUR), ==, 1);
  /* After three days, or a message written before the question (a late
   * webhook): an ordinary message. */
  g_assert_cmpint (pdw_survey_rating_for_reply (&state, "4", ASKED + 72 * HOUR + 1), ==, 0);
  g_assert_cmpint (pdw_survey_rating_for_reply (&state, "4", ASKED - 1), ==, 0);
  g_assert_true (pdw_survey_awaits_rating (&state, ASKED + 71 * HOUR));
  g_assert_false (pdw_survey_awaits_rating (&state, ASKED + 73 * HOUR));

  /* Words within the window are an ordinary message too. */
  g_assert_cmpint (pdw_survey_rating_for_reply (&state, "4 tolong", ASKED + HOUR), ==, 0);
  g_assert_cmpint (pdw_survey_rating_for_reply (&state, "12", ASKED + HOUR), ==, 0);
}

static void
test_reply_state (void)
{
  PdwSurveyState never_asked = { PDW_COMPLAINT_SELESAI, 0, 0 };
  PdwSurveyState rated = { PDW_COMPLAINT_SELESAI, ASKED, 4 };
  PdwSurveyState reopened = { PDW_COMPLAINT_TERDAFTAR, ASKED, 0 };
  PdwSurveyState rejected = { PDW_COMPLAINT_DITOLAK, ASKED, 0 };

  /* A "3" to a file that never asked may be an answer to anything. */
  g_assert_cmpint (pdw_survey_rating_for_reply (&never_asked, "3", ASKED), ==, 0);
  /* Rated already: the second number is an ordinary message. */
  g_assert_cmpint (pdw_survey_rating_for_reply (&rated, "1", ASKED + HOUR), ==, 0);
  g_assert_false (pdw_survey_awaits_rating (&rated, ASKED + HOUR));
  /* Reopened meanwhile: the file is being worked on again. */
  g_assert_cmpint (pdw_survey_rating_for_reply (&reopened, "4", ASKED + HOUR), ==, 0);
  g_assert_cmpint (pdw_survey_rating_for_reply (&rejected, "4", ASKED + HOUR), ==, 0);
}

static void
test_is_rating_reply (void)
{
  g_autoptr(PdwComplaint) rated = g_object_new (PDW_TYPE_COMPLAINT,
                                                "status", PDW_COMPLAINT_SELESAI,
                                                "survey-asked-at", ASKED,
                                                "survey-rating", 4,
                                                "survey-rated-at", ASKED + HOUR,
                                                NULL);
  g_autoptr(PdwComplaint) unrated = g_object_new (PDW_TYPE_COMPLAINT,
                                                  "status", PDW_COMPLAINT_SELESAI,
                                                  "survey-asked-at", ASKED,
                                                  NULL);

  g_assert_true (pdw_survey_is_rating_reply (rated, "4", ASKED + HOUR));
  g_assert_true (pdw_survey_is_rating_reply (rated, " 4. ", ASKED + HOUR));
  /* Another message: a later or other number, words. */
  g_assert_false (pdw_survey_is_rating_reply (rated, "4", ASKED + 2 * HOUR));
  g_assert_false (pdw_survey_is_rating_reply (rated, "3", ASKED + HOUR));
  g_assert_false (pdw_survey_is_rating_reply (rated, "terima kasih", ASKED + HOUR));
  g_assert_false (pdw_survey_is_rating_reply (unrated, "4", ASKED + HOUR));
  g_assert_false (pdw_survey_is_rating_reply (NULL, "4", ASKED + HOUR));
}

static void
test_labels (void)
{
  g_autofree char *four = pdw_survey_rating_dup_description (4);
  g_autofree char *one = pdw_survey_rating_dup_description (1);

  g_assert_cmpstr (pdw_survey_rating_get_label (3), ==, "Good");
  g_assert_cmpstr (four, ==, "4 – Very good");
  g_assert_cmpstr (one, ==, "1 – Not good");
  g_assert_null (pdw_survey_rating_get_label (0));
  g_assert_null (pdw_survey_rating_get_label (5));
  g_assert_null (pdw_survey_rating_dup_description (-1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/survey/parse", test_parse);
  g_test_add_func ("/survey/can-ask", test_can_ask);
  g_test_add_func ("/survey/reply-window", test_reply_window);
  g_test_add_func ("/survey/reply-state", test_reply_state);
  g_test_add_func ("/survey/is-rating-reply", test_is_rating_reply);
  g_test_add_func ("/survey/labels", test_labels);

  return g_test_run ();
}
