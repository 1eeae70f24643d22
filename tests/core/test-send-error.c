/* test-send-error.c: the table of Graph error codes an officer meets:
 * retried or not, the action offered, the wait, and a sentence for each.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-send-error.h"

static void
test_actions (void)
{
  static const struct {
    int           code;
    gboolean      transient;
    PdwSendAction action;
  } cases[] = {
    { 131047, FALSE, PDW_SEND_ACTION_SEND_TEMPLATE },   /* outside the 24-hour window */
    { 131026, FALSE, PDW_SEND_ACTION_RETRY },           /* undeliverable */
    { 131052, FALSE, PDW_SEND_ACTION_NONE },            /* the citizen's media */
    { 131053, FALSE, PDW_SEND_ACTION_EDIT },            /* our media upload */
    { 190, TRUE, PDW_SEND_ACTION_OPEN_SETTINGS },       /* token expired: kept queued */
    { 368, FALSE, PDW_SEND_ACTION_NONE },               /* policy block */
    { 100, FALSE, PDW_SEND_ACTION_EDIT },               /* bad parameter */
    { 130429, TRUE, PDW_SEND_ACTION_WAIT },             /* throughput */
    { 131056, TRUE, PDW_SEND_ACTION_WAIT },             /* pair rate */
    { PDW_SEND_ERROR_NETWORK, TRUE, PDW_SEND_ACTION_WAIT },
    { PDW_SEND_ERROR_SERVER, TRUE, PDW_SEND_ACTION_WAIT },
    { PDW_SEND_ERROR_NOT_CONFIGURED, TRUE, PDW_SEND_ACTION_OPEN_SETTINGS },
    { PDW_SEND_ERROR_NO_RECIPIENT, FALSE, PDW_SEND_ACTION_NONE },
    { 250, FALSE, PDW_SEND_ACTION_OPEN_SETTINGS },      /* a permission (200-299) */
    { 999999, FALSE, PDW_SEND_ACTION_RETRY },           /* unknown */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("code %d", cases[i].code);
      g_assert_cmpint (pdw_send_error_is_transient (cases[i].code), ==, cases[i].transient);
      g_assert_cmpint (pdw_send_error_get_action (cases[i].code), ==, cases[i].action);
    }

  /* A message's own problems stay on the message. */
  g_assert_true (pdw_send_error_is_about_message (131047));
  g_assert_true (pdw_send_error_is_about_message (131026));
  g_assert_true (pdw_send_error_is_about_message (100));
  g_assert_false (pdw_send_error_is_about_message (190));
  g_assert_false (pdw_send_error_is_about_message (368));
  g_assert_false (pdw_send_error_is_about_message (PDW_SEND_ERROR_NETWORK));
}

static void
test_rate_limits_wait (void)
{
  g_assert_cmpuint (pdw_send_error_get_min_wait (131056), >=, 6);
  g_assert_cmpuint (pdw_send_error_get_min_wait (130429), >, 0);
  g_assert_cmpuint (pdw_send_error_get_min_wait (PDW_SEND_ERROR_SERVER), ==, 0);
  g_assert_cmpuint (pdw_send_error_get_min_wait (131026), ==, 0);
}

static void
test_explanations (void)
{
  static const int known[] = { 131047, 131026, 131052, 131053, 190, 368, 100, 130429, 131056,
                               PDW_SEND_ERROR_NETWORK, PDW_SEND_ERROR_NOT_CONFIGURED };
  g_autofree char *unknown = pdw_send_error_dup_explanation (424242);
  g_autofree char *permission = pdw_send_error_dup_explanation (250);
  g_autofree char *window = pdw_send_error_dup_explanation (131047);
  g_autofree char *rate = pdw_send_error_dup_explanation (130429);
  g_autofree char *token = pdw_send_error_dup_explanation (190);

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autofree char *text = pdw_send_error_dup_explanation (known[i]);

      g_assert_true (pdw_send_error_is_known (known[i]));
      /* A sentence, not a code. */
      g_assert_cmpuint (strlen (text), >, 40);
      g_assert_null (strstr (text, "Graph"));
    }

  g_assert_false (pdw_send_error_is_known (424242));
  g_assert_nonnull (strstr (unknown, "424242"));
  g_assert_nonnull (strstr (permission, "250"));
  g_assert_nonnull (strstr (window, "24"));
  g_assert_nonnull (strstr (window, "template"));
  /* Retried by itself: the officer is told so. */
  g_assert_nonnull (strstr (rate, "automatically"));
  g_assert_nonnull (strstr (token, "settings"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/send-error/actions", test_actions);
  g_test_add_func ("/send-error/rate-limits-wait", test_rate_limits_wait);
  g_test_add_func ("/send-error/explanations", test_explanations);

  return g_test_run ();
}
