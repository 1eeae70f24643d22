/* test-context.c: the one context: its settings, the service calendar it
 * builds from them and announces when they change, and its clock.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gui/pdw-context.h"

/* Monday 2025-11-03, 08:30 WIB (UTC+7). */
#define MONDAY_0830_WIB (G_GINT64_CONSTANT (1762128000) + 90 * 60)

typedef struct
{
  char       *dir;
  PdwStore   *store;
  PdwContext *context;
  guint       n_calendar_notifies;
} Fixture;

static void
calendar_notified_cb (PdwContext *context,
                      GParamSpec *pspec,
                      Fixture    *fixture)
{
  fixture->n_calendar_notifies++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("pandawa-test-context-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "pandawa.db", NULL);
  fixture->store = pdw_store_open (path, &error);
  g_assert_no_error (error);

  fixture->context = pdw_context_new (fixture->store, NULL);
  g_signal_connect (fixture->context, "notify::calendar", G_CALLBACK (calendar_notified_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GSettings *settings = pdw_context_get_settings (fixture->context);
  g_autofree char *db = g_build_filename (fixture->dir, "pandawa.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_settings_reset (settings, "service-hours-start");
  g_settings_reset (settings, "service-days");
  g_settings_reset (settings, "due-soon-hours");
  g_settings_reset (settings, "officer-name");

  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
test_holds_what_it_was_given (Fixture       *fixture,
                              gconstpointer  data)
{
  g_assert_true (pdw_context_get_store (fixture->context) == fixture->store);
  g_assert_null (pdw_context_get_gateway (fixture->context));
  g_assert_true (G_IS_SETTINGS (pdw_context_get_settings (fixture->context)));
  g_assert_true (PDW_IS_CLOCK (pdw_context_get_clock (fixture->context)));
  g_assert_true (PDW_IS_SERVICE_CALENDAR (pdw_context_get_calendar (fixture->context)));
}

static void
test_calendar_follows_settings (Fixture       *fixture,
                                gconstpointer  data)
{
  GSettings *settings = pdw_context_get_settings (fixture->context);
  g_autoptr(PdwServiceCalendar) before = g_object_ref (pdw_context_get_calendar (fixture->context));
  PdwServiceCalendar *after;

  /* The shipped hours: open at 08:30 on a Monday. */
  g_assert_true (pdw_service_calendar_is_open (before, MONDAY_0830_WIB));

  g_settings_set_string (settings, "service-hours-start", "09:00");

  /* Rebuilt as a new object and announced once; the old one is unchanged
   * for whoever still holds it. */
  g_assert_cmpuint (fixture->n_calendar_notifies, ==, 1);
  after = pdw_context_get_calendar (fixture->context);
  g_assert_true (after != before);
  g_assert_false (pdw_service_calendar_is_open (after, MONDAY_0830_WIB));
  g_assert_cmpint (pdw_service_calendar_next_opening (after, MONDAY_0830_WIB), ==, MONDAY_0830_WIB + 30 * 60);
  g_assert_true (pdw_service_calendar_is_open (before, MONDAY_0830_WIB));

  /* Service days too: without Monday, Monday is closed all day. */
  g_settings_set_value (settings, "service-days", g_variant_new_fixed_array (G_VARIANT_TYPE_INT32,
                                                                             (gint32[]) { 2, 3, 4, 5 },
                                                                             4, sizeof (gint32)));
  g_assert_cmpuint (fixture->n_calendar_notifies, ==, 2);
  g_assert_false (pdw_service_calendar_is_open (pdw_context_get_calendar (fixture->context),
                                                MONDAY_0830_WIB + 60 * 60));
}

static void
test_other_keys_leave_calendar (Fixture       *fixture,
                                gconstpointer  data)
{
  GSettings *settings = pdw_context_get_settings (fixture->context);
  PdwServiceCalendar *before = pdw_context_get_calendar (fixture->context);

  g_settings_set_string (settings, "officer-name", "Petugas Uji");
  g_settings_set_uint (settings, "due-soon-hours", 6);

  g_assert_cmpuint (fixture->n_calendar_notifies, ==, 0);
  g_assert_true (pdw_context_get_calendar (fixture->context) == before);
  g_assert_cmpint (pdw_context_get_due_soon_seconds (fixture->context), ==, 6 * 3600);
}

static void
count_cb (PdwClock *clock,
          guint    *count)
{
  (*count)++;
}

static void
test_one_clock (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PdwContext) other = pdw_context_new (fixture->store, NULL);
  PdwClock *clock = pdw_context_get_clock (fixture->context);
  guint count = 0;

  g_assert_true (pdw_context_get_clock (fixture->context) == clock);
  g_assert_true (pdw_context_get_clock (other) != clock);

  g_signal_connect (clock, "minute-changed", G_CALLBACK (count_cb), &count);
  pdw_clock_tick (clock);
  g_assert_cmpuint (count, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/gui/context/holds", Fixture, NULL, fixture_set_up, test_holds_what_it_was_given, fixture_tear_down);
  g_test_add ("/gui/context/calendar-follows-settings", Fixture, NULL,
              fixture_set_up, test_calendar_follows_settings, fixture_tear_down);
  g_test_add ("/gui/context/other-keys", Fixture, NULL, fixture_set_up, test_other_keys_leave_calendar, fixture_tear_down);
  g_test_add ("/gui/context/clock", Fixture, NULL, fixture_set_up, test_one_clock, fixture_tear_down);

  return g_test_run ();
}
