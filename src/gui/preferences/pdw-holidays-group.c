/* pdw-holidays-group.c
 *
 * The built-in list stops at the last year whose SKB could be checked; the
 * office adds the next one here when it is published.  The loaded file is
 * copied into the user's configuration, so the list does not depend on the
 * USB stick or download folder it came from.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-holidays-group.h"

struct _PdwHolidaysGroup
{
  AdwPreferencesGroup   parent_instance;

  /* Template Widgets */
  AdwActionRow         *list_row;
  AdwActionRow         *missing_row;
  GtkWidget            *builtin_button;

  /* Owned References */
  PdwContext           *context;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  gulong                calendar_handler;
};

G_DEFINE_FINAL_TYPE (PdwHolidaysGroup, pdw_holidays_group, ADW_TYPE_PREFERENCES_GROUP)

static GSettings *
pdw_holidays_group_get_settings (PdwHolidaysGroup *self)
{
  return self->context != NULL ? pdw_context_get_settings (self->context) : NULL;
}

static void
pdw_holidays_group_toast (PdwHolidaysGroup *self,
                          const char       *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static char *
describe_years (PdwServiceCalendar *calendar)
{
  guint first, last, n = pdw_service_calendar_get_n_holidays (calendar);

  if (!pdw_service_calendar_get_holiday_years (calendar, &first, &last))
    return g_strdup (_("No holidays listed"));
  if (first == last)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u: %u day", "%u: %u days", n), first, n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u–%u: %u day", "%u–%u: %u days", n),
                          first, last, n);
}

static void
pdw_holidays_group_sync (PdwHolidaysGroup *self)
{
  GSettings *settings = pdw_holidays_group_get_settings (self);
  PdwServiceCalendar *calendar;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *years = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *file = NULL;
  guint missing;

  if (settings == NULL)
    return;

  calendar = pdw_context_get_calendar (self->context);
  years = describe_years (calendar);
  file = g_settings_get_string (settings, "holidays-file");
  if (file[0] != '\0')
    subtitle = g_strdup_printf (_("%s (built-in list and %s)"), years, file);
  else
    subtitle = g_strdup_printf (_("%s (built-in list)"), years);
  adw_action_row_set_subtitle (self->list_row, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "holidays.use-builtin", file[0] != '\0');
  gtk_widget_set_visible (self->builtin_button, file[0] != '\0');

  missing = pdw_service_calendar_find_uncovered_year (calendar, now);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_row), missing != 0);
  if (missing != 0)
    {
      g_autofree char *title = g_strdup_printf (_("The holidays of %u are not listed yet"), missing);
      g_autofree char *detail =
        g_strdup_printf (_("Until the SKB’s list for %u is loaded, its holidays count as service days: "
                           "citizens who write on them get no out-of-hours reply, and working-day "
                           "deadlines fall on them."), missing);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->missing_row), title);
      adw_action_row_set_subtitle (self->missing_row, detail);
    }
}

void
pdw_holidays_group_set_context (PdwHolidaysGroup *self,
                                PdwContext       *context)
{
  g_return_if_fail (PDW_IS_HOLIDAYS_GROUP (self));
  g_return_if_fail (context == NULL || PDW_IS_CONTEXT (context));

  if (self->context != NULL)
    g_clear_signal_handler (&self->calendar_handler, self->context);
  if (!g_set_object (&self->context, context) || context == NULL)
    return;

  self->calendar_handler = g_signal_connect_object (context, "notify::calendar",
                                                    G_CALLBACK (pdw_holidays_group_sync), self,
                                                    G_CONNECT_SWAPPED);
  pdw_holidays_group_sync (self);
}

/* ---- Loading a list ------------------------------------------------------- */

static GFile *
dup_office_list_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "pandawa", "holidays.ini", NULL);

  return g_file_new_for_path (path);
}

static void
list_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PdwHolidaysGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("The holiday list could not be kept: %s"), error->message);
      pdw_holidays_group_toast (self, message);
      return;
    }

  path = g_file_get_path (G_FILE (source));
  /* Setting the same path again still re-reads the new contents. */
  g_settings_set_string (pdw_holidays_group_get_settings (self), "holidays-file", "");
  g_settings_set_string (pdw_holidays_group_get_settings (self), "holidays-file", path);
  pdw_holidays_group_toast (self, _("Holiday list loaded"));
}

static void
list_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PdwHolidaysGroup) self = user_data;
  g_autoptr(PdwServiceCalendar) check = pdw_service_calendar_new ();
  g_autoptr(GFile) target = dup_office_list_file ();
  g_autoptr(GFile) parent = g_file_get_parent (target);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error) ||
      !pdw_service_calendar_load_holidays (check, (bytes = g_bytes_new (contents, length)), &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("Not loaded: %s"), error->message);
      pdw_holidays_group_toast (self, message);
      return;
    }

  if (!g_file_make_directory_with_parents (parent, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *message = g_strdup_printf (_("The holiday list could not be kept: %s"), error->message);

      pdw_holidays_group_toast (self, message);
      return;
    }

  g_file_replace_contents_bytes_async (target, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, list_saved_cb, g_object_ref (self));
}

void
pdw_holidays_group_load_file (PdwHolidaysGroup *self,
                              GFile            *file)
{
  g_return_if_fail (PDW_IS_HOLIDAYS_GROUP (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_contents_async (file, self->cancellable, list_read_cb, g_object_ref (self));
}

static void
file_chosen_cb (PdwHolidaysGroup     *self,
                int                   response,
                GtkFileChooserNative *native)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL)
    pdw_holidays_group_load_file (self, file);

  if (self->chooser == native)
    g_clear_object (&self->chooser);
}

static void
clear_chooser (PdwHolidaysGroup *self)
{
  if (self->chooser == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->chooser, file_chosen_cb, self);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
}

static void
holidays_load (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PdwHolidaysGroup *self = PDW_HOLIDAYS_GROUP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  clear_chooser (self);
  self->chooser = gtk_file_chooser_native_new (_("Load Holiday List"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Load"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Holiday lists (*.ini)"));
  gtk_file_filter_add_pattern (filter, "*.ini");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (file_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
holidays_use_builtin (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PdwHolidaysGroup *self = PDW_HOLIDAYS_GROUP (widget);
  GSettings *settings = pdw_holidays_group_get_settings (self);

  if (settings != NULL)
    g_settings_reset (settings, "holidays-file");
}

static void
pdw_holidays_group_dispose (GObject *object)
{
  PdwHolidaysGroup *self = (PdwHolidaysGroup *)object;

  g_cancellable_cancel (self->cancellable);
  clear_chooser (self);
  pdw_holidays_group_set_context (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_HOLIDAYS_GROUP);

  G_OBJECT_CLASS (pdw_holidays_group_parent_class)->dispose (object);
}

static void
pdw_holidays_group_finalize (GObject *object)
{
  PdwHolidaysGroup *self = (PdwHolidaysGroup *)object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pdw_holidays_group_parent_class)->finalize (object);
}

static void
pdw_holidays_group_class_init (PdwHolidaysGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_holidays_group_dispose;
  object_class->finalize = pdw_holidays_group_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-holidays-group.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwHolidaysGroup, list_row);
  gtk_widget_class_bind_template_child (widget_class, PdwHolidaysGroup, missing_row);
  gtk_widget_class_bind_template_child (widget_class, PdwHolidaysGroup, builtin_button);

  gtk_widget_class_install_action (widget_class, "holidays.load", NULL, holidays_load);
  gtk_widget_class_install_action (widget_class, "holidays.use-builtin", NULL, holidays_use_builtin);
}

static void
pdw_holidays_group_init (PdwHolidaysGroup *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
