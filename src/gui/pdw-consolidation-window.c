/* pdw-consolidation-window.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-service-calendar.h"
#include "core/pdw-workflow.h"
#include "export/pdw-consolidation.h"

#include "pdw-consolidation-window.h"
#include "pdw-toast.h"
#include "pdw-date-picker.h"
#include "pdw-duty-officer.h"
#include "pdw-resources.h"
#include "pdw-format.h"

struct _PdwConsolidationWindow
{
  AdwWindow        parent_instance;

  /* Template Widgets */
  AdwToastOverlay *toast_overlay;
  GtkBox          *from_box;
  GtkEntry        *from_entry;
  GtkBox          *to_box;
  GtkEntry        *to_entry;
  GtkButton       *today_button;
  GtkButton       *week_button;
  GtkCheckButton  *processed_check;
  GtkLabel        *summary_label;
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  GtkListBox      *list_box;
  GtkButton       *more_button;
  GtkSpinner      *spinner;
  GtkProgressBar  *import_progress;

  /* Owned References */
  PdwContext      *context;
  PdwStore        *store;      /* the context's */
  GtkNativeDialog *chooser;
  GCancellable    *list_cancellable;    /* the page being read, if any */
  GCancellable    *import_cancellable;  /* the import running, if any */

  gint64           start;
  gint64           end;
  guint            reload_id;
  guint            n_shown;
  guint            n_waiting;   /* the list's rows still to consolidate */
};

/* Rows read at a time: a list of two months must not cost its thousands
 * of rows before the first ones show. */
#define PAGE_SIZE 50

G_DEFINE_FINAL_TYPE (PdwConsolidationWindow, pdw_consolidation_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void pdw_consolidation_window_reload (PdwConsolidationWindow *self);

static void
pdw_consolidation_window_toast (PdwConsolidationWindow *self,
                                const char             *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
format_wib_date (GDateTime *dt)
{
  return g_date_time_format (dt, "%Y-%m-%d");
}

static GDateTime *
now_wib (void)
{
  g_autoptr(GTimeZone) tz = pdw_time_zone_new_wib ();

  return g_date_time_new_now (tz);
}

/* ---- Outcomes ------------------------------------------------------------- */

static void
pdw_consolidation_window_apply (PdwConsolidationWindow *self,
                                gint64                  complaint_id,
                                const char             *action,
                                const char             *note)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PdwDutyOfficer) officer = { { NULL, NULL, NULL }, NULL, NULL, NULL };

  pdw_duty_officer_load_from_context (&officer, self->context);

  complaint = pdw_store_apply_action (self->store, complaint_id, action, note, NULL, &officer.actor, &error);
  if (complaint == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Not recorded: %s"), error->message);

      pdw_consolidation_window_toast (self, message);
      return;
    }

  {
    g_autofree char *message = g_strdup_printf (_("%s: %s recorded"),
                                                pdw_complaint_get_ticket (complaint),
                                                pdw_workflow_action_get_label (action));

    pdw_consolidation_window_toast (self, message);
  }

  pdw_consolidation_window_reload (self);
}

static gint64
row_get_complaint_id (GtkWidget *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  gint64 *id = g_object_get_data (G_OBJECT (row), "complaint-id");

  return id != NULL ? *id : 0;
}

static void
done_clicked_cb (PdwConsolidationWindow *self,
                 GtkButton              *button)
{
  pdw_consolidation_window_apply (self, row_get_complaint_id (GTK_WIDGET (button)), "consolidation_done", NULL);
}

static void
duplicate_clicked_cb (PdwConsolidationWindow *self,
                      GtkButton              *button)
{
  pdw_consolidation_window_apply (self, row_get_complaint_id (GTK_WIDGET (button)), "consolidation_duplicate", NULL);
}

static void
not_found_response_cb (AdwMessageDialog       *dialog,
                       const char             *response,
                       PdwConsolidationWindow *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "complaint-id");

  if (g_strcmp0 (response, "record") == 0)
    pdw_consolidation_window_apply (self, *id, "consolidation_not_found", gtk_editable_get_text (entry));
}

static void
note_changed_cb (AdwMessageDialog *dialog,
                 GtkEditable      *entry)
{
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "record", *note != '\0');
}

static void
not_found_clicked_cb (PdwConsolidationWindow *self,
                      GtkButton              *button)
{
  gint64 id = row_get_complaint_id (GTK_WIDGET (button));
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Not Found in SIAK"),
                                   _("Note what was searched and what SIAK said, for the officer who tells the citizen."));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("e.g. NIK not in SIAK; KK number differs"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "complaint-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (entry, "changed", G_CALLBACK (note_changed_cb), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (not_found_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- The list ------------------------------------------------------------- */

static GtkWidget *
outcome_button (const char *name,
                const char *label,
                const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static GtkWidget *
pdw_consolidation_window_create_row (PdwConsolidationWindow *self,
                                     PdwComplaint           *complaint,
                                     const char             *type,
                                     const char             *institution)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *listed = NULL;
  const char *result = pdw_complaint_get_consolidation_result (complaint);
  const char *kk = pdw_complaint_get_kk (complaint);
  gint64 id = pdw_complaint_get_id (complaint);

  listed = pdw_format_date_time (pdw_complaint_get_listed_at (complaint));

  title = g_strdup_printf ("%s · %s", pdw_complaint_get_ticket (complaint),
                           pdw_complaint_get_citizen_name (complaint) ? pdw_complaint_get_citizen_name (complaint) : "—");
  /* TRANSLATORS: NIK and KK are the Indonesian identity and family-card numbers */
  subtitle = g_strdup_printf (_("NIK %s · KK %s\n%s · %s · listed %s"),
                              pdw_complaint_get_nik (complaint) ? pdw_complaint_get_nik (complaint) : "—",
                              kk != NULL && *kk != '\0' ? kk : "—",
                              type, institution, listed);

  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (row, "numeric");
  g_object_set_data_full (G_OBJECT (row), "complaint-id", g_memdup2 (&id, sizeof id), g_free);

  if (result != NULL)
    {
      GtkWidget *label = gtk_label_new (pdw_workflow_action_get_label (result));

      gtk_widget_add_css_class (label, g_strcmp0 (result, "consolidation_done") == 0 ? "success" : "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *done = outcome_button ("done", _("_Done"), _("Consolidated in SIAK: the data is active"));
      GtkWidget *not_found = outcome_button ("not-found", _("_Not Found…"), _("SIAK has no such record: asks for a note"));
      GtkWidget *duplicate = outcome_button ("duplicate", _("D_uplicate"), _("SIAK shows a duplicate record: the citizen is referred for a biometric check"));

      gtk_widget_add_css_class (box, "linked");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (done, "suggested-action");
      g_signal_connect_object (done, "clicked", G_CALLBACK (done_clicked_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (not_found, "clicked", G_CALLBACK (not_found_clicked_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (duplicate, "clicked", G_CALLBACK (duplicate_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), done);
      gtk_box_append (GTK_BOX (box), not_found);
      gtk_box_append (GTK_BOX (box), duplicate);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
    }

  return row;
}

static void
pdw_consolidation_window_clear_list (PdwConsolidationWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  self->n_shown = 0;
}

/* One page of the list, read on whatever thread runs it: the rows, their
 * catalog labels and the length of the whole list. */
typedef struct
{
  PdwStore  *store;
  gint64     start;
  gint64     end;
  gboolean   processed;
  guint      offset;
  GPtrArray *complaints;
  GPtrArray *labels;      /* char*: type, institution for each complaint */
  gint64     total;       /* rows of the list shown */
  gint64     waiting;     /* of them, still to consolidate: what the CLI writes without --all */
} ListPage;

static void
list_page_free (ListPage *page)
{
  g_clear_object (&page->store);
  g_clear_pointer (&page->complaints, g_ptr_array_unref);
  g_clear_pointer (&page->labels, g_ptr_array_unref);
  g_free (page);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ListPage, list_page_free)

static ListPage *
list_page_new (PdwConsolidationWindow *self,
               guint                   offset)
{
  ListPage *page = g_new0 (ListPage, 1);

  page->store = g_object_ref (self->store);
  page->start = self->start;
  page->end = self->end;
  page->processed = gtk_check_button_get_active (self->processed_check);
  page->offset = offset;
  return page;
}

static gboolean
list_page_read (ListPage  *page,
                GError   **error)
{
  page->complaints = pdw_store_list_consolidation_page (page->store, page->start, page->end, page->processed,
                                                        page->offset, PAGE_SIZE, error);
  if (page->complaints == NULL)
    return FALSE;

  page->total = pdw_store_count_consolidation (page->store, page->start, page->end, page->processed, error);
  if (page->total < 0)
    return FALSE;

  /* "Show processed" adds rows, it does not change what is left to do. */
  page->waiting = page->processed ? pdw_store_count_consolidation (page->store, page->start, page->end, FALSE, error)
                                  : page->total;
  if (page->waiting < 0)
    return FALSE;

  page->labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < page->complaints->len; i++)
    {
      PdwComplaint *complaint = g_ptr_array_index (page->complaints, i);

      g_ptr_array_add (page->labels, pdw_store_dup_catalog_label (page->store, PDW_CATALOG_COMPLAINT_TYPE,
                                                                  pdw_complaint_get_complaint_type (complaint)));
      g_ptr_array_add (page->labels, pdw_store_dup_catalog_label (page->store, PDW_CATALOG_INSTITUTION,
                                                                  pdw_complaint_get_institution (complaint)));
    }

  return TRUE;
}

static void
pdw_consolidation_window_show_error (PdwConsolidationWindow *self,
                                     const GError           *error)
{
  g_autofree char *message = g_strdup_printf (_("The list cannot be read: %s"), error->message);

  pdw_consolidation_window_clear_list (self);
  gtk_label_set_text (self->summary_label, message);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Appends @page's rows (a first page replaces the list). */
static void
pdw_consolidation_window_show_page (PdwConsolidationWindow *self,
                                    ListPage               *page)
{
  g_autofree char *summary = NULL;
  guint total = (guint) page->total;
  guint waiting = (guint) page->waiting;

  if (page->offset == 0)
    pdw_consolidation_window_clear_list (self);

  for (guint i = 0; i < page->complaints->len; i++)
    gtk_list_box_append (self->list_box,
                         pdw_consolidation_window_create_row (self, g_ptr_array_index (page->complaints, i),
                                                              g_ptr_array_index (page->labels, 2 * i),
                                                              g_ptr_array_index (page->labels, 2 * i + 1)));
  self->n_shown += page->complaints->len;

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u complaint to consolidate. Keep these numbers on this computer: do not forward or print them.",
                                          "%u complaints to consolidate. Keep these numbers on this computer: do not forward or print them.",
                                          waiting),
                             waiting);
  self->n_waiting = waiting;
  gtk_label_set_text (self->summary_label, summary);
  adw_status_page_set_description (self->empty_page,
                                   page->processed ? _("No complaint was put on the list in these days.")
                                                   : _("Every complaint listed in these days has an outcome. Switch on “Show processed” to see them."));
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), self->n_shown < total && page->complaints->len > 0);
  gtk_stack_set_visible_child_name (self->stack, self->n_shown > 0 ? "list" : "empty");
}

static void
pdw_consolidation_window_stop_reading (PdwConsolidationWindow *self)
{
  if (self->list_cancellable != NULL)
    g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
}

static void
pdw_consolidation_window_update_spinner (PdwConsolidationWindow *self)
{
  gboolean busy = self->list_cancellable != NULL || self->import_cancellable != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

/* The first page at once: after a range is set or an outcome recorded the
 * caller sees the rows (a page costs its own rows, not the history). */
static void
pdw_consolidation_window_reload (PdwConsolidationWindow *self)
{
  g_autoptr(ListPage) page = list_page_new (self, 0);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  pdw_consolidation_window_stop_reading (self);
  pdw_consolidation_window_update_spinner (self);

  if (!list_page_read (page, &error))
    pdw_consolidation_window_show_error (self, error);
  else
    pdw_consolidation_window_show_page (self, page);
}

static void
read_page_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (list_page_read (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
page_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PdwConsolidationWindow *self = PDW_CONSOLIDATION_WINDOW (object);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* A newer read (or the window closing) replaced this one. */
  if (g_cancellable_is_cancelled (cancellable) || cancellable != self->list_cancellable)
    return;

  g_clear_object (&self->list_cancellable);
  pdw_consolidation_window_update_spinner (self);
  if (!ok)
    pdw_consolidation_window_show_error (self, error);
  else
    pdw_consolidation_window_show_page (self, g_task_get_task_data (G_TASK (result)));
}

/* Reads a page on a worker thread; the window stays responsive meanwhile. */
static void
pdw_consolidation_window_read_page_async (PdwConsolidationWindow *self,
                                          guint                   offset)
{
  g_autoptr(GTask) task = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  pdw_consolidation_window_stop_reading (self);
  self->list_cancellable = g_cancellable_new ();
  pdw_consolidation_window_update_spinner (self);

  task = g_task_new (self, self->list_cancellable, page_read_cb, NULL);
  g_task_set_source_tag (task, pdw_consolidation_window_read_page_async);
  g_task_set_task_data (task, list_page_new (self, offset), (GDestroyNotify) list_page_free);
  g_task_run_in_thread (task, read_page_thread);
}

static void
processed_toggled_cb (PdwConsolidationWindow *self)
{
  pdw_consolidation_window_read_page_async (self, 0);
}

static void
more_clicked_cb (PdwConsolidationWindow *self)
{
  pdw_consolidation_window_read_page_async (self, self->n_shown);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  PdwConsolidationWindow *self = user_data;

  self->reload_id = 0;
  pdw_consolidation_window_read_page_async (self, 0);
  return G_SOURCE_REMOVE;
}

/* Other windows move complaints too (the pane, an import): redraw once
 * after a burst of changes, not once per complaint. */
static void
store_complaint_changed_cb (PdwConsolidationWindow *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

static void
range_entry_activate_cb (PdwConsolidationWindow *self)
{
  pdw_consolidation_window_set_range (self,
                                      gtk_editable_get_text (GTK_EDITABLE (self->from_entry)),
                                      gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
}

static void
today_clicked_cb (PdwConsolidationWindow *self)
{
  g_autoptr(GDateTime) now = now_wib ();
  g_autofree char *today = format_wib_date (now);

  pdw_consolidation_window_set_range (self, today, today);
}

static void
week_clicked_cb (PdwConsolidationWindow *self)
{
  g_autoptr(GDateTime) now = now_wib ();
  g_autoptr(GDateTime) monday = g_date_time_add_days (now, 1 - g_date_time_get_day_of_week (now));
  g_autofree char *from = format_wib_date (monday);
  g_autofree char *to = format_wib_date (now);

  pdw_consolidation_window_set_range (self, from, to);
}

/* ---- Export and import ---------------------------------------------------- */

static void
export_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PdwConsolidationWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;
  g_autofree char *message = NULL;
  const char *path = g_object_get_data (G_OBJECT (self), "pdw-export-path");
  AdwToast *toast;

  if (!pdw_consolidation_export_finish (result, &n_rows, &error))
    message = g_strdup_printf (_("The list was not exported: %s"), error->message);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u complaint exported. The file holds full NIK and KK numbers: keep it on this computer and delete it after use.",
                                            "%u complaints exported. The file holds full NIK and KK numbers: keep it on this computer and delete it after use.",
                                            n_rows),
                               n_rows);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  if (error == NULL && path != NULL)
    pdw_toast_add_open_button (toast, path);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_response_cb (PdwConsolidationWindow *self,
                    int                     response,
                    GtkNativeDialog        *chooser)
{
  PdwConsolidationFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      const char *separator = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "separator");

      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (format != PDW_CONSOLIDATION_FORMAT_XLSX && separator != NULL)
        format = g_strcmp0 (separator, "comma") == 0 ? PDW_CONSOLIDATION_FORMAT_CSV
                                                     : PDW_CONSOLIDATION_FORMAT_CSV_SEMICOLON;
    }

  g_clear_object (&self->chooser);

  if (path == NULL)
    return;

  /* For the toast's Open: the last export's file. */
  g_object_set_data_full (G_OBJECT (self), "pdw-export-path", g_strdup (path), g_free);
  pdw_consolidation_export_async (self->store, self->start, self->end,
                                  gtk_check_button_get_active (self->processed_check),
                                  format, path, NULL, export_finished_cb, g_object_ref (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PdwConsolidationWindow *self = PDW_CONSOLIDATION_WINDOW (widget);
  gboolean xlsx = g_strcmp0 (g_variant_get_string (param, NULL), "xlsx") == 0;
  g_autofree char *from = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  PdwConsolidationFormat format = xlsx ? PDW_CONSOLIDATION_FORMAT_XLSX : pdw_consolidation_default_csv_format ();
  GtkFileChooserNative *chooser;

  name = g_strdup_printf ("konsolidasi-%s.%s", from, xlsx ? "xlsx" : "csv");
  chooser = gtk_file_chooser_native_new (xlsx ? _("Export for Spreadsheets (XLSX)") : _("Export for Import Tools (CSV)"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, xlsx ? _("XLSX workbook, for Excel and LibreOffice Calc")
                                         : _("CSV text, for import tools (NIK and KK kept as text)"));
  gtk_file_filter_add_suffix (filter, xlsx ? "xlsx" : "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (!xlsx)
    {
      const char *ids[] = { "semicolon", "comma", NULL };
      const char *labels[] = { _("Semicolon (;)"), _("Comma (,)"), NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "separator", _("Separator"), ids, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "separator",
                                   format == PDW_CONSOLIDATION_FORMAT_CSV ? "comma" : "semicolon");
    }
  g_object_set_data (G_OBJECT (chooser), "format", GINT_TO_POINTER (format));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, G_CONNECT_SWAPPED);

  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
pdw_consolidation_window_show_import_result (PdwConsolidationWindow             *self,
                                             const PdwConsolidationImportResult *result)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  g_string_append_printf (body, _("Recorded: %u · Skipped (empty or already marked): %u · Refused: %u"),
                          result->applied, result->skipped, result->refused);

  for (guint i = 0; result->problems != NULL && i < result->problems->len; i++)
    g_string_append_printf (body, "\n%s", (const char *)g_ptr_array_index (result->problems, i));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Results Imported"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  PdwConsolidationWindow *self = user_data;
  g_autofree char *text = NULL;

  /* The window was closed: the import is being cancelled. */
  if (self->import_cancellable == NULL)
    return;

  /* TRANSLATORS: import progress, "row 120 of 800" */
  text = g_strdup_printf (_("Importing: row %u of %u"), done, total);
  gtk_progress_bar_set_fraction (self->import_progress, total > 0 ? (double) done / total : 1.0);
  gtk_progress_bar_set_text (self->import_progress, text);
}

static void
import_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PdwConsolidationWindow) self = user_data;
  PdwConsolidationImportResult imported = { 0, 0, 0, NULL };
  g_autoptr(GError) error = NULL;
  gboolean ok = pdw_consolidation_import_finish (result, &imported, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->import_cancellable == NULL)
    {
      pdw_consolidation_import_result_clear (&imported);
      return;
    }

  g_clear_object (&self->import_cancellable);
  pdw_consolidation_window_update_spinner (self);
  gtk_widget_set_visible (GTK_WIDGET (self->import_progress), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consolidation.import", TRUE);

  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("The file cannot be imported: %s"), error->message);

      pdw_consolidation_window_toast (self, message);
    }
  else
    pdw_consolidation_window_show_import_result (self, &imported);

  pdw_consolidation_import_result_clear (&imported);
  pdw_consolidation_window_read_page_async (self, 0);
}

static void
import_response_cb (PdwConsolidationWindow *self,
                    int                     response,
                    GtkNativeDialog        *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }

  g_clear_object (&self->chooser);

  if (path != NULL)
    pdw_consolidation_window_import (self, path);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PdwConsolidationWindow *self = PDW_CONSOLIDATION_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("Consolidation lists (CSV, XLSX)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "xlsx");

  chooser = gtk_file_chooser_native_new (_("Import Consolidation Results"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, G_CONNECT_SWAPPED);

  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* ---- Public API ----------------------------------------------------------- */

GtkWindow *
pdw_consolidation_window_new (GtkWindow  *parent,
                              PdwContext *context)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PDW_IS_CONTEXT (context), NULL);

  return g_object_new (PDW_TYPE_CONSOLIDATION_WINDOW,
                       "transient-for", parent,
                       "context", context,
                       NULL);
}

gboolean
pdw_consolidation_window_set_range (PdwConsolidationWindow *self,
                                    const char             *from,
                                    const char             *to)
{
  g_autoptr(GError) error = NULL;
  gint64 start, end;

  g_return_val_if_fail (PDW_IS_CONSOLIDATION_WINDOW (self), FALSE);
  g_return_val_if_fail (from != NULL, FALSE);

  if (to != NULL && *to == '\0')
    to = NULL;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)), from) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), to ? to : from) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to ? to : from);

  if (!pdw_consolidation_parse_range (from, to, &start, &end, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      gtk_label_set_text (self->summary_label, error->message);
      return FALSE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  self->start = start;
  self->end = end;
  pdw_consolidation_window_reload (self);
  return TRUE;
}

/* The rows are recorded on a worker thread, with a progress bar: a list
 * of thousands of rows takes a while and the window stays usable. */
gboolean
pdw_consolidation_window_import (PdwConsolidationWindow *self,
                                 const char             *path)
{
  g_auto(PdwDutyOfficer) officer = { { NULL, NULL, NULL }, NULL, NULL, NULL };

  g_return_val_if_fail (PDW_IS_CONSOLIDATION_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->import_cancellable != NULL)
    return FALSE;

  pdw_duty_officer_load_from_context (&officer, self->context);
  self->import_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consolidation.import", FALSE);
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  gtk_progress_bar_set_text (self->import_progress, _("Reading the file…"));
  gtk_widget_set_visible (GTK_WIDGET (self->import_progress), TRUE);
  pdw_consolidation_window_update_spinner (self);

  pdw_consolidation_import_async (self->store, path, &officer.actor, import_progress_cb, self,
                                  self->import_cancellable, import_finished_cb, g_object_ref (self));
  return TRUE;
}

guint
pdw_consolidation_window_get_n_waiting (PdwConsolidationWindow *self)
{
  g_return_val_if_fail (PDW_IS_CONSOLIDATION_WINDOW (self), 0);

  return self->n_waiting;
}

GtkListBox *
pdw_consolidation_window_get_list (PdwConsolidationWindow *self)
{
  g_return_val_if_fail (PDW_IS_CONSOLIDATION_WINDOW (self), NULL);

  return self->list_box;
}

/* ---- GObject -------------------------------------------------------------- */

static void
pdw_consolidation_window_constructed (GObject *object)
{
  PdwConsolidationWindow *self = (PdwConsolidationWindow *)object;

  G_OBJECT_CLASS (pdw_consolidation_window_parent_class)->constructed (object);

  g_assert (PDW_IS_CONTEXT (self->context));
  self->store = pdw_context_get_store (self->context);

  g_signal_connect_object (self->store, "complaint-changed",
                           G_CALLBACK (store_complaint_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_entry, "activate", G_CALLBACK (range_entry_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_entry, "activate", G_CALLBACK (range_entry_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->today_button, "clicked", G_CALLBACK (today_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->week_button, "clicked", G_CALLBACK (week_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->processed_check, "toggled",
                           G_CALLBACK (processed_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->more_button, "clicked", G_CALLBACK (more_clicked_cb), self, G_CONNECT_SWAPPED);

  today_clicked_cb (self);
}

static void
pdw_consolidation_window_dispose (GObject *object)
{
  PdwConsolidationWindow *self = (PdwConsolidationWindow *)object;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  pdw_consolidation_window_stop_reading (self);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_CONSOLIDATION_WINDOW);

  self->store = NULL;
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pdw_consolidation_window_parent_class)->dispose (object);
}

static void
pdw_consolidation_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  PdwConsolidationWindow *self = PDW_CONSOLIDATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_consolidation_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  PdwConsolidationWindow *self = PDW_CONSOLIDATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_consolidation_window_class_init (PdwConsolidationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pdw_consolidation_window_constructed;
  object_class->dispose = pdw_consolidation_window_dispose;
  object_class->get_property = pdw_consolidation_window_get_property;
  object_class->set_property = pdw_consolidation_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PDW_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Referencing the resource keeps its object file (whose constructor
   * registers it) linked in from the static library. */
  (void) pdw_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-consolidation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwConsolidationWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PdwConsolidationWindow, from_box);
  gtk_widget_class_bind_template_child (widget_class, PdwConsolidationWindow, from_entry);
  gtk_widget_class_bind_template_child (widget_class, PdwConsolidationWindow, to_box);
  gtk_widget_class_bind_template_child (widget_class, PdwConsolidationWindow, to_entry);
  gtk_widget_class_bind_template_child (widget_class, PdwConsolidationWindow, today_button);
  gtk_widget_class_bind_template_child (widget_class, PdwConsolidationWindow, week_button);
  gtk_widget_class_bind_template_child (widget_class, PdwConsolidationWindow, processed_check);
  gtk_widget_class_bind_template_child (widget_class, PdwConsolidationWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PdwConsolidationWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PdwConsolidationWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PdwConsolidationWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, PdwConsolidationWindow, more_button);
  gtk_widget_class_bind_template_child (widget_class, PdwConsolidationWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, PdwConsolidationWindow, import_progress);

  gtk_widget_class_install_action (widget_class, "consolidation.export", "s", export_action);
  pdw_toast_install_open_action (widget_class);
  gtk_widget_class_install_action (widget_class, "consolidation.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
pdw_consolidation_window_init (PdwConsolidationWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Typed, or picked on a calendar. */
  gtk_box_append (self->from_box, pdw_date_picker_new (self->from_entry));
  gtk_box_append (self->to_box, pdw_date_picker_new (self->to_entry));
}
