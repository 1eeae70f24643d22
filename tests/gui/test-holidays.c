/* test-holidays.c: Preferences → Service → National Holidays on a real
 * display: the years the list covers, loading the next year's list (kept
 * in the user's configuration and followed by the desk's calendar), a
 * broken file refused with nothing changed, and back to the built-in list.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gui/pdw-preferences-window.h"
#include "gui/preferences/pdw-holidays-group.h"
#include "pdw-resources.h"

#include "pdw-test-window.h"

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
write_list (PdwTestDesk *desk,
            const char  *name,
            const char  *contents)
{
  char *path = g_build_filename (desk->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* Loads @path through the group and waits for the setting to follow, or
 * for the toast that refuses it. */
static void
load_and_wait (PdwHolidaysGroup *group,
               const char       *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  pdw_holidays_group_load_file (group, file);
  for (guint i = 0; i < 200; i++)
    {
      pdw_test_desk_drain ();
      g_usleep (5000);
    }
}

static gboolean
is_holiday (PdwTestDesk *desk,
            int          y,
            int          m,
            int          d)
{
  g_autoptr(GDate) date = g_date_new_dmy (d, m, y);

  return pdw_service_calendar_get_holiday (pdw_context_get_calendar (desk->context), date) != NULL;
}

static void
test_load_next_year (void)
{
  PdwTestDesk desk = { 0 };
  g_autofree char *good = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *setting = NULL;
  GtkWindow *prefs;
  PdwHolidaysGroup *group;
  GtkWidget *service;
  guint first, last;

  pdw_test_desk_open (&desk, "holidays");
  pdw_test_desk_present (&desk, GTK_WINDOW (gtk_window_new ()));
  prefs = pdw_preferences_window_new (desk.window, desk.context);
  gtk_window_present (prefs);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "service");
  pdw_test_desk_drain ();
  service = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs)));
  group = PDW_HOLIDAYS_GROUP (find_descendant (service, PDW_TYPE_HOLIDAYS_GROUP));
  g_assert_nonnull (group);

  g_assert_true (pdw_service_calendar_get_holiday_years (pdw_context_get_calendar (desk.context), &first, &last));
  g_assert_cmpuint (last, ==, 2026);
  g_assert_false (is_holiday (&desk, 2027, 1, 1));

  /* A broken list is refused whole: the setting and the calendar stay. */
  broken = write_list (&desk, "rusak.ini", "[holidays]\n2027-01-01=Tahun Baru\n2027-13-01=Tidak Ada\n");
  load_and_wait (group, broken);
  setting = g_settings_get_string (desk.settings, "holidays-file");
  g_assert_cmpstr (setting, ==, "");
  g_assert_false (is_holiday (&desk, 2027, 1, 1));
  g_clear_pointer (&setting, g_free);

  /* The list is copied into the configuration: deleting the original
   * (the USB stick taken away) does not lose it. */
  good = write_list (&desk, "libur-2027.ini",
                     "[holidays]\n2027-01-01=Tahun Baru 2027 Masehi\n2027-08-17=Proklamasi Kemerdekaan\n");
  load_and_wait (group, good);
  g_assert_cmpint (g_unlink (good), ==, 0);
  setting = g_settings_get_string (desk.settings, "holidays-file");
  kept = g_build_filename (g_get_user_config_dir (), "pandawa", "holidays.ini", NULL);
  g_assert_cmpstr (setting, ==, kept);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_assert_true (is_holiday (&desk, 2027, 1, 1));
  g_assert_true (is_holiday (&desk, 2027, 8, 17));
  g_assert_true (is_holiday (&desk, 2026, 8, 17));
  g_assert_true (pdw_service_calendar_get_holiday_years (pdw_context_get_calendar (desk.context), &first, &last));
  g_assert_cmpuint (last, ==, 2027);

  /* Built-in only: the loaded days are gone again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "holidays.use-builtin", NULL));
  pdw_test_desk_drain ();
  g_assert_false (is_holiday (&desk, 2027, 1, 1));
  g_assert_true (is_holiday (&desk, 2026, 8, 17));

  gtk_window_destroy (prefs);
  pdw_test_desk_drain ();
  pdw_test_desk_close (&desk);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  (void) pdw_get_resource ();

  g_test_add_func ("/holidays/load-next-year", test_load_next_year);

  return g_test_run ();
}
