/* test-workflow.c: the SOP transition table, checked against an explicit
 * expected table over every status x action pair.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-workflow.h"

#define N_STATUS (PDW_COMPLAINT_STATUS_LAST + 1)

/* Short names so that the table reads as a table. */
#define NO  (-1)   /* refused */
#define B   PDW_COMPLAINT_BARU
#define T   PDW_COMPLAINT_TERDAFTAR
#define K   PDW_COMPLAINT_KONSOLIDASI
#define M   PDW_COMPLAINT_MENUNGGU
#define KO  PDW_COMPLAINT_KOORDINASI
#define RB  PDW_COMPLAINT_RUJUK_BIOMETRIK
#define S   PDW_COMPLAINT_SELESAI
#define D   PDW_COMPLAINT_DITOLAK

typedef struct
{
  const char *action;
  int         to[N_STATUS];   /* from: baru terdaftar konsolidasi menunggu koordinasi rujuk selesai ditolak */
} Row;

/* With sla_started = FALSE. */
static const Row expected[] = {
  /*                              B   T   K   M   KO  RB  S   D  */
  { "register",                 { T,  NO, NO, NO, NO, NO, NO, NO } },
  { "add_to_consolidation",     { NO, K,  NO, NO, NO, K,  NO, NO } },
  { "send_standard_reply",      { NO, NO, M,  NO, NO, NO, NO, NO } },
  { "coordinate",               { NO, KO, KO, KO, NO, NO, NO, NO } },
  { "return_from_coordination", { NO, NO, NO, NO, K,  NO, NO, NO } },
  { "consolidation_done",       { NO, NO, K,  M,  NO, NO, NO, NO } },
  { "consolidation_not_found",  { NO, NO, K,  M,  NO, NO, NO, NO } },
  { "consolidation_duplicate",  { NO, NO, RB, RB, NO, NO, NO, NO } },
  { "refer_biometric",          { NO, RB, RB, RB, RB, NO, NO, NO } },
  { "resolve",                  { NO, S,  S,  S,  S,  S,  NO, NO } },
  { "reject",                   { D,  D,  D,  D,  D,  D,  NO, NO } },
  { "reopen",                   { NO, NO, NO, NO, NO, NO, T,  T  } },
  { "hand_over",                { B,  T,  K,  M,  KO, RB, NO, NO } },
  { "add_note",                 { B,  T,  K,  M,  KO, RB, S,  D  } },
  { "link_conversation",        { B,  T,  K,  M,  KO, RB, NO, NO } },
  { "merge_contact",            { B,  T,  K,  M,  KO, RB, NO, NO } },
  { "survey_asked",             { NO, NO, NO, NO, NO, NO, S,  NO } },
  { "survey_rating",            { NO, NO, NO, NO, NO, NO, S,  NO } },
  { "correct_data",             { B,  T,  K,  M,  KO, RB, S,  D  } },
};

static const PdwWorkflowInput full_input = { "alasan tertulis", "Bidang Dafduk", FALSE };

static void
test_table_covers_every_action (void)
{
  const char * const *all = pdw_workflow_get_all_actions ();
  guint n = 0;

  for (; all[n] != NULL; n++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        found |= strcmp (expected[i].action, all[n]) == 0;
      g_assert_true (found);
    }

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
}

static void
test_every_pair (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      for (int from = 0; from < N_STATUS; from++)
        {
          g_autoptr(GError) error = NULL;
          PdwComplaintStatus to = 99;
          gboolean ok;

          ok = pdw_workflow_check (from, expected[i].action, &full_input, &to, &error);

          if (g_test_verbose ())
            g_test_message ("%s from %s: %s", expected[i].action,
                            pdw_complaint_status_to_string (from), ok ? "ok" : error->message);

          if (expected[i].to[from] == NO)
            {
              g_assert_false (ok);
              g_assert_error (error, PDW_WORKFLOW_ERROR, PDW_WORKFLOW_ERROR_NOT_ALLOWED);
              g_assert_cmpint (to, ==, 99);
            }
          else
            {
              g_assert_no_error (error);
              g_assert_true (ok);
              g_assert_cmpint (to, ==, expected[i].to[from]);
            }
        }
    }
}

static void
test_list_matches_check (void)
{
  for (int from = 0; from < N_STATUS; from++)
    {
      g_autoptr(GArray) choices = pdw_workflow_list_actions (from, FALSE);
      guint n_expected = 0;

      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        {
          /* Lines the app writes by itself are not offered as buttons. */
          if (expected[i].to[from] != NO &&
              g_strcmp0 (expected[i].action, "link_conversation") != 0 &&
              g_strcmp0 (expected[i].action, "merge_contact") != 0 &&
              g_strcmp0 (expected[i].action, "correct_data") != 0 &&
              !g_str_has_prefix (expected[i].action, "survey_"))
            {
              const PdwWorkflowChoice *c;

              g_assert_cmpuint (n_expected, <, choices->len);
              c = &g_array_index (choices, PdwWorkflowChoice, n_expected);
              g_assert_cmpstr (c->action, ==, expected[i].action);
              g_assert_cmpint (c->to, ==, expected[i].to[from]);
              g_assert_cmpint (c->changes_status, ==, expected[i].to[from] != from);
              g_assert_cmpstr (c->label, ==, pdw_workflow_action_get_label (c->action));
              g_assert_cmpint (c->needs, ==, pdw_workflow_action_get_needs (c->action));
              n_expected++;
            }
        }

      g_assert_cmpuint (choices->len, ==, n_expected);
    }
}

static void
test_return_from_coordination (void)
{
  PdwWorkflowInput input = { NULL, NULL, FALSE };
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  PdwComplaintStatus to;

  g_assert_true (pdw_workflow_check (KO, "return_from_coordination", &input, &to, NULL));
  g_assert_cmpint (to, ==, PDW_COMPLAINT_KONSOLIDASI);

  input.sla_started = TRUE;
  g_assert_true (pdw_workflow_check (KO, "return_from_coordination", &input, &to, NULL));
  g_assert_cmpint (to, ==, PDW_COMPLAINT_MENUNGGU);

  before = pdw_workflow_list_actions (KO, FALSE);
  after = pdw_workflow_list_actions (KO, TRUE);
  for (guint i = 0; i < before->len; i++)
    {
      const PdwWorkflowChoice *a = &g_array_index (before, PdwWorkflowChoice, i);
      const PdwWorkflowChoice *b = &g_array_index (after, PdwWorkflowChoice, i);

      if (strcmp (a->action, "return_from_coordination") == 0)
        {
          g_assert_cmpint (a->to, ==, PDW_COMPLAINT_KONSOLIDASI);
          g_assert_cmpint (b->to, ==, PDW_COMPLAINT_MENUNGGU);
        }
    }
}

static void
test_needs (void)
{
  struct {
    const char         *action;
    PdwComplaintStatus  from;
    PdwWorkflowNeeds    needs;
  } cases[] = {
    { "coordinate",              K,  PDW_WORKFLOW_NEEDS_PARTY },
    { "hand_over",               T,  PDW_WORKFLOW_NEEDS_PARTY },
    { "reject",                  B,  PDW_WORKFLOW_NEEDS_NOTE },
    { "reject",                  M,  PDW_WORKFLOW_NEEDS_NOTE },
    { "reopen",                  S,  PDW_WORKFLOW_NEEDS_NOTE },
    { "reopen",                  D,  PDW_WORKFLOW_NEEDS_NOTE },
    { "consolidation_not_found", K,  PDW_WORKFLOW_NEEDS_NOTE },
    { "add_note",                S,  PDW_WORKFLOW_NEEDS_NOTE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *blanks[] = { NULL, "", "  \t\n", "\xc2\xa0" /* no-break space */ };
      int code = cases[i].needs == PDW_WORKFLOW_NEEDS_NOTE ? PDW_WORKFLOW_ERROR_NEEDS_NOTE
                                                           : PDW_WORKFLOW_ERROR_NEEDS_PARTY;

      g_assert_cmpint (pdw_workflow_action_get_needs (cases[i].action), ==, cases[i].needs);

      for (guint j = 0; j < G_N_ELEMENTS (blanks); j++)
        {
          g_autoptr(GError) error = NULL;
          PdwWorkflowInput input = full_input;
          PdwComplaintStatus to = 99;

          if (cases[i].needs == PDW_WORKFLOW_NEEDS_NOTE)
            input.note = blanks[j];
          else
            input.to_party = blanks[j];

          g_assert_false (pdw_workflow_check (cases[i].from, cases[i].action, &input, &to, &error));
          g_assert_error (error, PDW_WORKFLOW_ERROR, code);
          g_assert_nonnull (strstr (error->message, pdw_workflow_action_get_label (cases[i].action)));
          g_assert_cmpint (to, ==, 99);
        }

      /* A NULL input counts as all fields empty. */
      {
        g_autoptr(GError) error = NULL;

        g_assert_false (pdw_workflow_check (cases[i].from, cases[i].action, NULL, NULL, &error));
        g_assert_error (error, PDW_WORKFLOW_ERROR, code);
      }
    }

  /* Actions without needs pass with an empty input. */
  g_assert_true (pdw_workflow_check (B, "register", NULL, NULL, NULL));
  g_assert_true (pdw_workflow_check (K, "send_standard_reply", NULL, NULL, NULL));
  g_assert_true (pdw_workflow_check (M, "resolve", NULL, NULL, NULL));
}

static void
test_not_allowed_before_needs (void)
{
  g_autoptr(GError) error = NULL;

  /* The status decides first: a missing note on a refused action says
   * "not possible", not "add a note". */
  g_assert_false (pdw_workflow_check (S, "reject", NULL, NULL, &error));
  g_assert_error (error, PDW_WORKFLOW_ERROR, PDW_WORKFLOW_ERROR_NOT_ALLOWED);
}

static void
test_unknown_action (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (pdw_workflow_check (B, "fly_to_the_moon", &full_input, NULL, &error));
  g_assert_error (error, PDW_WORKFLOW_ERROR, PDW_WORKFLOW_ERROR_UNKNOWN_ACTION);
  g_assert_nonnull (strstr (error->message, "fly_to_the_moon"));
  g_assert_false (pdw_workflow_action_is_known ("fly_to_the_moon"));
  g_assert_true (pdw_workflow_action_is_known ("register"));
  g_assert_null (pdw_workflow_action_get_label ("fly_to_the_moon"));
  g_assert_cmpint (pdw_workflow_action_get_standard_time ("fly_to_the_moon"), ==, 0);
}

static void
test_sop_attributes (void)
{
  const char * const *all = pdw_workflow_get_all_actions ();

  for (guint i = 0; all[i] != NULL; i++)
    {
      g_assert_cmpint (pdw_workflow_action_starts_sla (all[i]), ==,
                       strcmp (all[i], "send_standard_reply") == 0);
      g_assert_nonnull (pdw_workflow_action_get_label (all[i]));
    }

  /* The SOP table's "Waktu" column. */
  g_assert_cmpint (pdw_workflow_action_get_standard_time ("register"), ==, 60);
  g_assert_cmpint (pdw_workflow_action_get_standard_time ("add_to_consolidation"), ==, 120);
  g_assert_cmpint (pdw_workflow_action_get_standard_time ("send_standard_reply"), ==, 2 * 24 * 3600);
  g_assert_cmpint (pdw_workflow_action_get_standard_time ("resolve"), ==, 60);
  g_assert_cmpint (pdw_workflow_action_get_standard_time ("coordinate"), ==, 0);

  g_assert_cmpuint (pdw_workflow_action_get_sop_step ("register"), ==, 3);
  g_assert_cmpuint (pdw_workflow_action_get_sop_step ("add_to_consolidation"), ==, 4);
  g_assert_cmpuint (pdw_workflow_action_get_sop_step ("send_standard_reply"), ==, 5);
  g_assert_cmpuint (pdw_workflow_action_get_sop_step ("resolve"), ==, 6);
  g_assert_cmpuint (pdw_workflow_action_get_sop_step ("hand_over"), ==, 0);

  g_assert_cmpstr (pdw_workflow_action_get_template ("send_standard_reply"), ==, "standard_reply");
  g_assert_cmpstr (pdw_workflow_action_get_template ("resolve"), ==, "closing");
  g_assert_cmpstr (pdw_workflow_action_get_template ("refer_biometric"), ==, "biometric_referral");
  g_assert_cmpstr (pdw_workflow_action_get_template ("consolidation_duplicate"), ==, "biometric_referral");
  g_assert_cmpstr (pdw_workflow_action_get_template ("reject"), ==, "rejection");
  g_assert_null (pdw_workflow_action_get_template ("register"));
}

static void
test_status_helpers (void)
{
  for (int s = 0; s < N_STATUS; s++)
    {
      g_assert_cmpint (pdw_workflow_status_is_final (s), ==, s == S || s == D);
      g_assert_cmpint (pdw_workflow_status_waits_on_citizen (s), ==, s == RB);
    }
}

/* Walks the SOP's happy path and the duplicate path the way an officer would. */
static void
test_paths (void)
{
  const char *happy[] = { "register", "add_to_consolidation", "send_standard_reply",
                          "consolidation_done", "resolve" };
  const char *duplicate[] = { "register", "add_to_consolidation", "send_standard_reply",
                              "consolidation_duplicate", "add_to_consolidation", "resolve" };
  PdwComplaintStatus status = B;

  for (guint i = 0; i < G_N_ELEMENTS (happy); i++)
    g_assert_true (pdw_workflow_check (status, happy[i], NULL, &status, NULL));
  g_assert_cmpint (status, ==, S);

  status = B;
  for (guint i = 0; i < G_N_ELEMENTS (duplicate); i++)
    g_assert_true (pdw_workflow_check (status, duplicate[i], NULL, &status, NULL));
  g_assert_cmpint (status, ==, S);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workflow/table-covers-every-action", test_table_covers_every_action);
  g_test_add_func ("/workflow/every-pair", test_every_pair);
  g_test_add_func ("/workflow/list-matches-check", test_list_matches_check);
  g_test_add_func ("/workflow/return-from-coordination", test_return_from_coordination);
  g_test_add_func ("/workflow/needs", test_needs);
  g_test_add_func ("/workflow/not-allowed-before-needs", test_not_allowed_before_needs);
  g_test_add_func ("/workflow/unknown-action", test_unknown_action);
  g_test_add_func ("/workflow/sop-attributes", test_sop_attributes);
  g_test_add_func ("/workflow/status-helpers", test_status_helpers);
  g_test_add_func ("/workflow/paths", test_paths);

  return g_test_run ();
}
