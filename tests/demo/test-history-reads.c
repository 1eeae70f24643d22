/* test-history-reads.c: officers read what they answer, so a generated
 * history leaves only the last hours' messages unread, and the queue's
 * working set stays today's work rather than every conversation.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "demo/pdw-history.h"
#include "pdw-test-util.h"

#define DAY (24 * 3600)
/* Wednesday 22 January 2025, 15:00 WIB: the office is open and has been
 * all week. */
#define UNTIL 1737532800

static void
test_few_unread (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pandawa-reads-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(PdwStore) store = NULL;
  g_autoptr(GPtrArray) conversations = NULL;
  PdwHistoryOptions opts = PDW_HISTORY_OPTIONS_INIT;
  PdwHistoryReport report = { 0 };
  guint unread = 0, unread_before_today = 0, inbound_last_day = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "reads.db", NULL);
  store = pdw_store_open (path, &error);
  g_assert_no_error (error);

  opts.months = 1;
  opts.seed = 21;
  opts.scale = 12;
  opts.until = UNTIL;
  g_assert_true (pdw_history_generate (store, &opts, &report, &error));
  g_assert_no_error (error);

  conversations = pdw_store_list_conversations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conversations->len, >, 100);

  for (guint i = 0; i < conversations->len; i++)
    {
      PdwConversation *conversation = g_ptr_array_index (conversations, i);
      gboolean recent = pdw_conversation_get_last_inbound_time (conversation) >= UNTIL - DAY;

      if (recent)
        inbound_last_day++;
      if (pdw_conversation_get_unread_count (conversation) > 0)
        {
          unread++;
          if (!recent)
            unread_before_today++;
        }
    }

  g_test_message ("%u conversations, %u unread (%u older than a day), %u with inbound in the last day",
                  conversations->len, unread, unread_before_today, inbound_last_day);
  g_assert_cmpuint (inbound_last_day, >, 0);
  g_assert_cmpuint (unread, <, inbound_last_day);
  /* Now and then a merge leaves a second number's message unread. */
  g_assert_cmpuint (unread_before_today, <=, conversations->len / 100);

  g_clear_object (&store);
  pdw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/few-unread", test_few_unread);

  return g_test_run ();
}
