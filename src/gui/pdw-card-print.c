/* pdw-card-print.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pdw-card-print.h"

/* The printer and options the officer chose last, offered again. */
static GtkPrintSettings *last_settings;

static void
show_toast (GtkWidget  *widget,
            const char *message)
{
  GtkWidget *overlay = widget != NULL ? gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY) : NULL;

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PdwCardDocument   *card)
{
  guint n_pages = pdw_card_document_paginate (card, gtk_print_context_get_cairo_context (context));

  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PdwCardDocument   *card)
{
  pdw_card_document_draw_page (card, gtk_print_context_get_cairo_context (context), (guint) page_nr,
                               gtk_print_context_get_width (context),
                               gtk_print_context_get_height (context));
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  GtkWidget *widget = g_weak_ref_get (user_data);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      message = g_strdup_printf (_("The control card was not printed: %s"), error ? error->message : "");
      show_toast (widget, message);
    }

  g_clear_object (&widget);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static GtkPageSetup *
a4_landscape (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  return setup;
}

gboolean
pdw_card_print (GtkWidget            *widget,
                PdwStore             *store,
                gint64                complaint_id,
                const PdwCardOptions *options,
                const char           *export_path)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = NULL;
  PdwCardDocument *card;
  GtkRoot *root;
  GWeakRef *widget_ref;
  GtkPrintOperationResult result;

  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (PDW_IS_STORE (store), FALSE);

  if ((card = pdw_card_document_load (store, complaint_id, options, &error)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The control card was not printed: %s"), error->message);

      show_toast (widget, message);
      return FALSE;
    }

  job_name = g_strdup_printf ("Kartu-Kendali-%s", pdw_card_document_get_ticket (card));
  setup = a4_landscape ();
  root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The card draws its own margins from the paper's corner. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, export_path == NULL);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);

  widget_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (widget_ref, widget);
  g_object_set_data_full (G_OBJECT (operation), "card", card, (GDestroyNotify) pdw_card_document_free);
  g_object_set_data_full (G_OBJECT (operation), "widget", widget_ref, weak_ref_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), card);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), card);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), widget_ref);

  result = gtk_print_operation_run (operation,
                                    export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                        : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("The control card was not printed: %s"), error->message);

      show_toast (widget, message);
      return FALSE;
    }

  return TRUE;
}
