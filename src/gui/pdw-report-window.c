/* pdw-report-window.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "export/pdw-report-document.h"
#include "export/pdw-report-export.h"

#include "pdw-report-window.h"
#include "pdw-resources.h"

struct _PdwReportWindow
{
  AdwWindow               parent_instance;

  /* Template Widgets */
  AdwToastOverlay        *toast_overlay;
  AdwWindowTitle         *window_title;
  PdwReportPeriodChooser *chooser;
  GtkStack               *stack;
  AdwStatusPage          *error_page;
  AdwStatusPage          *empty_page;
  PdwReportView          *view;

  /* Owned References */
  PdwContext             *context;
  GCancellable           *cancellable;   /* the computation running, if any */
  GtkNativeDialog        *file_chooser;
  GtkPrintSettings       *print_settings;
};

G_DEFINE_FINAL_TYPE (PdwReportWindow, pdw_report_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The ways to save a report: the export formats and the PDF. */
typedef struct
{
  const char *name;
  const char *title;       /* N_() */
  const char *extension;   /* "" for the CSV folder */
} SaveFormat;

static const SaveFormat save_formats[] = {
  { "pdf", N_("Save Report as PDF"), ".pdf" },
  { "xlsx", N_("Save Report as XLSX"), ".xlsx" },
  { "csv", N_("Save Report as CSV Files"), "" },
  { "json", N_("Save Report as JSON"), ".json" },
};

static const SaveFormat *
find_save_format (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (save_formats); i++)
    if (g_strcmp0 (save_formats[i].name, name) == 0)
      return &save_formats[i];
  return NULL;
}

static void
pdw_report_window_toast (PdwReportWindow *self,
                         AdwToast        *toast)
{
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
pdw_report_window_set_ready (PdwReportWindow *self,
                             gboolean         ready)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", ready);
}

/* ---- Computing ------------------------------------------------------------ */

/* Nothing happened in the period: no file, no conversation, nothing open. */
static gboolean
report_is_empty (PdwReport *report)
{
  static const PdwReportFigure figures[] = {
    PDW_REPORT_FIGURE_RECEIVED, PDW_REPORT_FIGURE_RESOLVED, PDW_REPORT_FIGURE_REJECTED,
    PDW_REPORT_FIGURE_OPEN_AT_END, PDW_REPORT_FIGURE_CARRIED_OVER,
    PDW_REPORT_FIGURE_FIRST_MESSAGES, PDW_REPORT_FIGURE_CITIZEN_MESSAGES,
  };

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      const PdwReportFigureValue *value = pdw_report_get_figure (report, figures[i]);

      if (value->has_value && value->value != 0)
        return FALSE;
    }

  return TRUE;
}

static void
pdw_report_window_show_error (PdwReportWindow *self,
                              const char      *title,
                              const char      *reason)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, reason);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
pdw_report_window_show_report (PdwReportWindow *self,
                               PdwReport       *report)
{
  pdw_report_view_set_report (self->view, report);
  pdw_report_window_set_ready (self, report != NULL);

  if (report != NULL && report_is_empty (report))
    {
      g_autofree char *label = pdw_report_period_dup_label (pdw_report_get_period (report));
      /* TRANSLATORS: %s is the period, "November 2026" */
      g_autofree char *description = g_strdup_printf (_("No complaint or message was received in %s, and none was open. "
                                                        "Choose another period."), label);

      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else if (report != NULL)
    gtk_stack_set_visible_child_name (self->stack, "report");
}

typedef struct
{
  PdwReportWindow *self;
  GCancellable    *cancellable;
} Computation;

static void
computation_free (Computation *computation)
{
  g_clear_object (&computation->self);
  g_clear_object (&computation->cancellable);
  g_free (computation);
}

static void
report_computed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Computation *computation = user_data;
  PdwReportWindow *self = computation->self;
  g_autoptr(PdwReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = pdw_store_compute_report_finish (PDW_STORE (object), result, &error);

  /* A newer period (or the window closing) replaced this computation. */
  if (g_cancellable_is_cancelled (computation->cancellable) || computation->cancellable != self->cancellable)
    {
      computation_free (computation);
      return;
    }

  g_clear_object (&self->cancellable);

  if (report == NULL)
    pdw_report_window_show_error (self, _("The Report Cannot Be Computed"), error->message);
  else
    pdw_report_window_show_report (self, report);

  computation_free (computation);
}

static void
pdw_report_window_stop (PdwReportWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/* Computes the chosen period's report on a worker thread; the window
 * shows a spinner meanwhile and stays usable: choosing another period
 * cancels this one. */
static void
pdw_report_window_recompute (PdwReportWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  PdwReportPeriod period;
  Computation *computation;

  pdw_report_window_stop (self);
  pdw_report_view_set_report (self->view, NULL);
  pdw_report_window_set_ready (self, FALSE);

  if (!pdw_report_period_chooser_get_period (self->chooser, &period, &error))
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
      pdw_report_window_show_error (self, _("This Period Cannot Be Reported"), error->message);
      return;
    }

  label = pdw_report_period_dup_label (&period);
  adw_window_title_set_subtitle (self->window_title, label);
  gtk_stack_set_visible_child_name (self->stack, "computing");

  self->cancellable = g_cancellable_new ();
  computation = g_new0 (Computation, 1);
  computation->self = g_object_ref (self);
  computation->cancellable = g_object_ref (self->cancellable);
  pdw_store_compute_report_async (pdw_context_get_store (self->context), &period,
                                  pdw_context_get_calendar (self->context), NULL,
                                  self->cancellable, report_computed_cb, computation);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  pdw_report_window_recompute (PDW_REPORT_WINDOW (widget));
}

/* ---- Saving ----------------------------------------------------------------- */

typedef struct
{
  PdwReport          *report;
  const SaveFormat   *format;
  char               *path;
  PdwReportSignature  signature;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->report);
  g_free (job->path);
  pdw_report_signature_clear (&job->signature);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (job->format->name, "pdf") == 0)
    ok = pdw_report_pdf_write (job->report, &job->signature, job->path, &error);
  else
    {
      const PdwReportFormat *format = pdw_report_export_find_format (job->format->name);
      PdwReportExportOptions options = PDW_REPORT_EXPORT_OPTIONS_INIT;

      g_assert (format != NULL);
      ok = format->write (job->report, job->path, &options, &error);
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
report_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PdwReportWindow *self = PDW_REPORT_WINDOW (object);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (job->path);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      message = g_strdup_printf (_("The report was not saved: %s"), error->message);
      pdw_report_window_toast (self, adw_toast_new (message));
      return;
    }

  if (*job->format->extension == '\0')
    /* TRANSLATORS: %s is a folder name */
    message = g_strdup_printf (_("Report saved as CSV files in “%s”"), basename);
  else
    /* TRANSLATORS: %s is a file name */
    message = g_strdup_printf (_("Report saved as “%s”"), basename);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "report.open");
  adw_toast_set_action_target_value (toast, g_variant_new_take_string (g_filename_to_uri (job->path, NULL, NULL)));
  pdw_report_window_toast (self, toast);
}

gboolean
pdw_report_window_save (PdwReportWindow *self,
                        const char      *format,
                        const char      *path)
{
  g_autoptr(GTask) task = NULL;
  PdwReport *report;
  SaveJob *job;

  g_return_val_if_fail (PDW_IS_REPORT_WINDOW (self), FALSE);
  g_return_val_if_fail (find_save_format (format) != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  report = pdw_report_view_get_report (self->view);
  if (report == NULL)
    return FALSE;

  job = g_new0 (SaveJob, 1);
  job->report = g_object_ref (report);
  job->format = find_save_format (format);
  job->path = g_strdup (path);
  pdw_report_signature_init_from_settings (&job->signature, pdw_context_get_settings (self->context));

  task = g_task_new (self, NULL, report_saved_cb, NULL);
  g_task_set_source_tag (task, pdw_report_window_save);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
  return TRUE;
}

static void
save_response_cb (PdwReportWindow *self,
                  int              response,
                  GtkNativeDialog *chooser)
{
  const char *format = g_object_get_data (G_OBJECT (chooser), "format");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }

  if (path != NULL)
    pdw_report_window_save (self, format, path);

  if (self->file_chooser == chooser)
    g_clear_object (&self->file_chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PdwReportWindow *self = PDW_REPORT_WINDOW (widget);
  const SaveFormat *format = find_save_format (g_variant_get_string (param, NULL));
  PdwReport *report = pdw_report_view_get_report (self->view);
  g_autofree char *period = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (format == NULL || report == NULL)
    return;

  period = pdw_report_period_dup_id (pdw_report_get_period (report));
  if (*format->extension == '\0')
    name = g_strdup_printf ("laporan-pandawa-%s-%s", period, format->name);
  else
    name = g_strdup_printf ("laporan-pandawa-%s%s", period, format->extension);

  chooser = gtk_file_chooser_native_new (_(format->title), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "format", (gpointer) format->name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_response_cb), self, G_CONNECT_SWAPPED);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

/* ---- Printing ----------------------------------------------------------------- */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PdwReportDocument *document)
{
  guint n_pages = pdw_report_document_paginate (document, gtk_print_context_get_cairo_context (context),
                                                gtk_print_context_get_width (context),
                                                gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PdwReportDocument *document)
{
  pdw_report_document_draw_page (document, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
print_done_cb (PdwReportWindow         *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      message = g_strdup_printf (_("The report was not printed: %s"), error ? error->message : "");
      pdw_report_window_toast (self, adw_toast_new (message));
    }
}

static GtkPageSetup *
a4_portrait (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

/* Prints the report shown through the print dialog (with its preview),
 * or, given @export_path, straight to that PDF file through the same
 * pages (what tests use). */
static gboolean
pdw_report_window_print (PdwReportWindow *self,
                         const char      *export_path)
{
  PdwReport *report = pdw_report_view_get_report (self->view);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(PdwReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *period = NULL;
  g_autofree char *job_name = NULL;
  PdwReportSignature signature = { NULL };
  GtkPrintOperationResult result;

  if (report == NULL)
    return FALSE;

  pdw_report_signature_init_from_settings (&signature, pdw_context_get_settings (self->context));
  document = pdw_report_document_new (report, &signature);
  pdw_report_signature_clear (&signature);
  period = pdw_report_period_dup_id (pdw_report_get_period (report));
  job_name = g_strdup_printf ("laporan-pandawa-%s", period);
  setup = a4_portrait ();

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The document draws its own margins from the paper's corner. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, export_path == NULL);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);

  g_object_set_data_full (G_OBJECT (operation), "document", g_object_ref (document), g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), document);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);

  result = gtk_print_operation_run (operation,
                                    export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                        : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("The report was not printed: %s"), error->message);

      pdw_report_window_toast (self, adw_toast_new (message));
      return FALSE;
    }

  return TRUE;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  pdw_report_window_print (PDW_REPORT_WINDOW (widget), NULL);
}

gboolean
pdw_report_window_print_to_file (PdwReportWindow *self,
                                 const char      *path)
{
  g_return_val_if_fail (PDW_IS_REPORT_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return pdw_report_window_print (self, path);
}

/* ---- Public API ------------------------------------------------------------------ */

GtkWindow *
pdw_report_window_new (GtkWindow  *parent,
                       PdwContext *context)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PDW_IS_CONTEXT (context), NULL);

  return g_object_new (PDW_TYPE_REPORT_WINDOW,
                       "transient-for", parent,
                       "context", context,
                       NULL);
}

PdwReport *
pdw_report_window_get_report (PdwReportWindow *self)
{
  g_return_val_if_fail (PDW_IS_REPORT_WINDOW (self), NULL);

  return pdw_report_view_get_report (self->view);
}

gboolean
pdw_report_window_is_busy (PdwReportWindow *self)
{
  g_return_val_if_fail (PDW_IS_REPORT_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

PdwReportPeriodChooser *
pdw_report_window_get_chooser (PdwReportWindow *self)
{
  g_return_val_if_fail (PDW_IS_REPORT_WINDOW (self), NULL);

  return self->chooser;
}

PdwReportView *
pdw_report_window_get_view (PdwReportWindow *self)
{
  g_return_val_if_fail (PDW_IS_REPORT_WINDOW (self), NULL);

  return self->view;
}

const char *
pdw_report_window_get_state (PdwReportWindow *self)
{
  g_return_val_if_fail (PDW_IS_REPORT_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
pdw_report_window_constructed (GObject *object)
{
  PdwReportWindow *self = (PdwReportWindow *)object;

  G_OBJECT_CLASS (pdw_report_window_parent_class)->constructed (object);

  g_assert (PDW_IS_CONTEXT (self->context));

  g_signal_connect_object (self->chooser, "changed", G_CALLBACK (pdw_report_window_recompute),
                           self, G_CONNECT_SWAPPED);
  pdw_report_window_recompute (self);
}

static void
pdw_report_window_dispose (GObject *object)
{
  PdwReportWindow *self = (PdwReportWindow *)object;

  pdw_report_window_stop (self);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  g_clear_object (&self->print_settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_REPORT_WINDOW);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (pdw_report_window_parent_class)->dispose (object);
}

static void
pdw_report_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PdwReportWindow *self = PDW_REPORT_WINDOW (object);

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
pdw_report_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PdwReportWindow *self = PDW_REPORT_WINDOW (object);

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
pdw_report_window_class_init (PdwReportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pdw_report_window_constructed;
  object_class->dispose = pdw_report_window_dispose;
  object_class->get_property = pdw_report_window_get_property;
  object_class->set_property = pdw_report_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PDW_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Referencing the resource keeps its object file (whose constructor
   * registers it) linked in from the static library. */
  (void) pdw_get_resource ();

  g_type_ensure (PDW_TYPE_REPORT_PERIOD_CHOOSER);
  g_type_ensure (PDW_TYPE_REPORT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-report-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwReportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PdwReportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PdwReportWindow, chooser);
  gtk_widget_class_bind_template_child (widget_class, PdwReportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PdwReportWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, PdwReportWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PdwReportWindow, view);

  gtk_widget_class_install_action (widget_class, "report.save", "s", save_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "report.open", "s", open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "report.save", "s", "pdf");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "report.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
pdw_report_window_init (PdwReportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
