/* test-clock.c: the one clock's minute boundaries and its test tick.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/pdw-clock.h"

static void
count_cb (PdwClock *clock,
          guint    *count)
{
  (*count)++;
}

static void
test_seconds_to_next_minute (void)
{
  /* 2025-11-03 08:00:00 UTC and around it. */
  const gint64 minute = G_GINT64_CONSTANT (1762156800) * G_USEC_PER_SEC;

  g_assert_cmpuint (pdw_clock_seconds_to_next_minute (minute), ==, 60);
  g_assert_cmpuint (pdw_clock_seconds_to_next_minute (minute + 1 * G_USEC_PER_SEC), ==, 59);
  g_assert_cmpuint (pdw_clock_seconds_to_next_minute (minute + 59 * G_USEC_PER_SEC), ==, 1);
  /* Part of a second still belongs to the second it started in. */
  g_assert_cmpuint (pdw_clock_seconds_to_next_minute (minute + 59 * G_USEC_PER_SEC + 999999), ==, 1);
  g_assert_cmpuint (pdw_clock_seconds_to_next_minute (minute + 30 * G_USEC_PER_SEC + 500000), ==, 30);
}

static void
test_tick_emits_minute_changed (void)
{
  g_autoptr(PdwClock) clock = pdw_clock_new ();
  guint count = 0;

  g_signal_connect (clock, "minute-changed", G_CALLBACK (count_cb), &count);

  pdw_clock_tick (clock);
  g_assert_cmpuint (count, ==, 1);
  pdw_clock_tick (clock);
  g_assert_cmpuint (count, ==, 2);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* No tick between boundaries: a second of main loop passes without one
 * unless it crosses a minute. */
static void
test_no_tick_inside_a_minute (void)
{
  g_autoptr(PdwClock) clock = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint count = 0;

  /* Start well inside a minute so that a second does not cross one. */
  while (pdw_clock_seconds_to_next_minute (g_get_real_time ()) < 3 ||
         pdw_clock_seconds_to_next_minute (g_get_real_time ()) > 58)
    g_usleep (G_USEC_PER_SEC / 2);

  clock = pdw_clock_new ();
  g_signal_connect (clock, "minute-changed", G_CALLBACK (count_cb), &count);
  g_timeout_add (1000, quit_cb, loop);
  g_main_loop_run (loop);

  g_assert_cmpuint (count, ==, 0);
}

/* Disposed, the clock leaves no timeout behind that would call into it. */
static void
test_dispose_stops (void)
{
  PdwClock *clock = pdw_clock_new ();
  GWeakRef ref;

  g_weak_ref_init (&ref, clock);
  g_object_unref (clock);
  g_assert_null (g_weak_ref_get (&ref));
  g_weak_ref_clear (&ref);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/clock/seconds-to-next-minute", test_seconds_to_next_minute);
  g_test_add_func ("/core/clock/tick", test_tick_emits_minute_changed);
  g_test_add_func ("/core/clock/no-tick-inside-a-minute", test_no_tick_inside_a_minute);
  g_test_add_func ("/core/clock/dispose-stops", test_dispose_stops);

  return g_test_run ();
}
