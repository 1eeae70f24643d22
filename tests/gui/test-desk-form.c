/* test-desk-form.c: the complaint pane on its own: what the form read in
 * the citizen's text and what it leaves for the officer, SOP step 2 before
 * the consolidation list, and "Edit Data" after registration.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "core/pdw-card-line.h"
#include "gui/pdw-complaint-pane-private.h"
#include "pdw-resources.h"
#include "pdw-test-window.h"

#define NIK_A "1471084101909999"
#define KK_A  "1471011503220007"

typedef struct
{
  PdwTestDesk       desk;
  PdwComplaintPane *pane;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  pdw_test_desk_open (&f->desk, "desk-form");
  f->pane = PDW_COMPLAINT_PANE (pdw_complaint_pane_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->pane));
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  pdw_complaint_pane_set_context (f->pane, f->desk.context);
  pdw_test_desk_present (&f->desk, GTK_WINDOW (window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pdw_test_desk_close (&f->desk);
}

/* The citizen @wa_id writes @text; the pane shows the conversation. */
static gint64
open_conversation (Fixture    *f,
                   const char *wa_id,
                   const char *profile,
                   const char *text)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwConversation) conversation = NULL;
  g_autofree char *wamid = g_strdup_printf ("wamid.%s", wa_id);
  PdwIngestResult result = { 0 };
  gint64 id;

  g_ptr_array_add (messages, pdw_test_message_new (wamid, wa_id, profile, g_get_real_time () / G_USEC_PER_SEC, text));
  g_assert_true (pdw_store_ingest_webhook (f->desk.store, "test", body, messages, NULL, &result, &error));
  g_assert_no_error (error);
  id = pdw_test_find_conversation (f->desk.store, wa_id);
  conversation = pdw_store_dup_conversation (f->desk.store, id, &error);
  g_assert_no_error (error);
  pdw_complaint_pane_set_conversation (f->pane, conversation);
  pdw_test_desk_drain ();
  return id;
}

static void
test_unrecognised_leaves_type_empty (Fixture       *f,
                                     gconstpointer  data)
{
  PdwComplaintFormSection *form = _pdw_complaint_pane_get_form_section (f->pane);
  GtkWidget *button = pdw_complaint_form_section_get_register_button (form);

  open_conversation (f, "6280000000901", "Warga", "Selamat pagi min\nNama: dewi lestari\nNIK: " NIK_A);

  /* Name and NIK were read; nothing says what the complaint is about. */
  g_assert_cmpstr (gtk_editable_get_text (pdw_complaint_form_section_get_name_editable (form)), ==, "Dewi Lestari");
  g_assert_cmpstr (pdw_complaint_form_section_get_mark (form, "name"), ==, "from message");
  g_assert_cmpstr (pdw_complaint_form_section_get_mark (form, "nik"), ==, "from message");
  g_assert_null (pdw_complaint_form_section_get_mark (form, "kk"));
  g_assert_null (pdw_complaint_form_section_get_type_code (form));
  g_assert_null (pdw_complaint_form_section_get_institution_code (form));
  g_assert_null (pdw_complaint_form_section_get_mark (form, "type"));
  g_assert_null (pdw_complaint_form_section_get_mark (form, "institution"));

  /* No registration without a type, and the form says why. */
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_nonnull (strstr (pdw_complaint_form_section_get_register_hint (form), "complaint type"));
  g_signal_emit_by_name (button, "clicked");
  g_assert_null (pdw_complaint_pane_get_complaint (f->pane));

  /* The officer's edit is no longer "from message". */
  gtk_editable_set_text (pdw_complaint_form_section_get_name_editable (form), "Dewi Lestari Putri");
  g_assert_null (pdw_complaint_form_section_get_mark (form, "name"));

  /* A duplicate record needs the name and KK before consolidation. */
  pdw_complaint_form_section_choose_type (form, "data_ganda");
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_nonnull (strstr (pdw_complaint_form_section_get_needs_hint (form), "family card number (KK)"));
  g_assert_null (strstr (pdw_complaint_form_section_get_needs_hint (form), "the name"));
  /* Data inactive at an institution: the NIK alone is enough. */
  pdw_complaint_form_section_choose_type (form, "nik_tidak_aktif");
  g_assert_null (pdw_complaint_form_section_get_needs_hint (form));
}

static void
test_recognised_marks (Fixture       *f,
                       gconstpointer  data)
{
  PdwComplaintFormSection *form = _pdw_complaint_pane_get_form_section (f->pane);

  open_conversation (f, "6280000000902", "Mama Rizky", "nik tdk aktif di bank mandiri " NIK_A);

  g_assert_cmpstr (pdw_complaint_form_section_get_type_code (form), ==, "nik_tidak_aktif");
  g_assert_cmpstr (pdw_complaint_form_section_get_institution_code (form), ==, "bank");
  g_assert_cmpstr (pdw_complaint_form_section_get_mark (form, "type"), ==, "from message");
  g_assert_cmpstr (pdw_complaint_form_section_get_mark (form, "institution"), ==, "from message");
  /* No name in the text: the profile's, said as such. */
  g_assert_cmpstr (gtk_editable_get_text (pdw_complaint_form_section_get_name_editable (form)), ==, "Mama Rizky");
  g_assert_cmpstr (pdw_complaint_form_section_get_mark (form, "name"), ==, "WhatsApp profile");
  g_assert_true (pdw_complaint_form_section_get_prefilled (form));

  /* The officer's choice replaces what was read. */
  pdw_complaint_form_section_choose_type (form, "sinkronisasi");
  g_assert_null (pdw_complaint_form_section_get_mark (form, "type"));
  g_assert_cmpstr (pdw_complaint_form_section_get_mark (form, "institution"), ==, "from message");
}

static GPtrArray *
correction_notes (Fixture *f,
                  gint64   complaint_id)
{
  g_autoptr(GPtrArray) events = pdw_store_list_complaint_events (f->desk.store, complaint_id, NULL);
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; events != NULL && i < events->len; i++)
    if (g_strcmp0 (pdw_complaint_event_get_action (g_ptr_array_index (events, i)), "correct_data") == 0)
      g_ptr_array_add (notes, pdw_card_line_dup_note (g_ptr_array_index (events, i)));

  return notes;
}

static void
test_edit_data (Fixture       *f,
                gconstpointer  data)
{
  PdwComplaintFormSection *form = _pdw_complaint_pane_get_form_section (f->pane);
  PdwComplaintStatusSection *status = _pdw_complaint_pane_get_status_section (f->pane);
  g_autoptr(GPtrArray) notes = NULL;
  PdwComplaintEditDialog *dialog;
  PdwComplaint *complaint;
  gint64 complaint_id;

  open_conversation (f, "6280000000903", "Warga", "data saya dobel\nNama: dewi lestari\nNIK: " NIK_A);
  g_assert_cmpstr (pdw_complaint_form_section_get_type_code (form), ==, "data_ganda");
  g_signal_emit_by_name (pdw_complaint_form_section_get_register_button (form), "clicked");
  complaint = pdw_complaint_pane_get_complaint (f->pane);
  g_assert_nonnull (complaint);
  complaint_id = pdw_complaint_get_id (complaint);
  /* Stored as written. */
  g_assert_cmpstr (pdw_complaint_get_citizen_name (complaint), ==, "Dewi Lestari");

  /* SOP step 2: no KK, so not on the consolidation list yet. */
  g_assert_nonnull (pdw_complaint_status_section_get_problem (status));
  g_assert_nonnull (strstr (pdw_complaint_status_section_get_problem (status), "family card number (KK)"));
  gtk_widget_activate_action (GTK_WIDGET (f->pane), "pane.apply", "s", "add_to_consolidation");
  g_assert_cmpint (pdw_complaint_get_status (pdw_complaint_pane_get_complaint (f->pane)), ==, PDW_COMPLAINT_TERDAFTAR);

  /* Edit Data, with the registration's live NIK check. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "pane.edit-data", NULL));
  dialog = _pdw_complaint_pane_get_edit_dialog (f->pane);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (pdw_complaint_edit_dialog_get_editable (dialog, "name")), ==, "Dewi Lestari");
  gtk_editable_set_text (pdw_complaint_edit_dialog_get_editable (dialog, "nik"), "14710841019O9999");
  g_assert_nonnull (pdw_complaint_edit_dialog_get_nik_message (dialog));
  g_assert_false (pdw_complaint_edit_dialog_get_can_save (dialog));
  gtk_editable_set_text (pdw_complaint_edit_dialog_get_editable (dialog, "nik"), NIK_A);
  gtk_editable_set_text (pdw_complaint_edit_dialog_get_editable (dialog, "kk"), "1471 0115 0322 0007");
  g_assert_true (pdw_complaint_edit_dialog_get_can_save (dialog));
  pdw_complaint_edit_dialog_choose (dialog, "institution", "bank");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  pdw_test_desk_drain ();

  complaint = pdw_complaint_pane_get_complaint (f->pane);
  g_assert_cmpstr (pdw_complaint_get_kk (complaint), ==, KK_A);
  g_assert_cmpstr (pdw_complaint_get_institution (complaint), ==, "bank");
  notes = correction_notes (f, complaint_id);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (notes, 0), ==, "Family card number (KK): — → 1471********0007");
  g_assert_cmpstr (g_ptr_array_index (notes, 1), ==, "Institution: — → Bank");

  /* With the KK the file may go on the consolidation list. */
  g_assert_null (pdw_complaint_status_section_get_problem (status));
  gtk_widget_activate_action (GTK_WIDGET (f->pane), "pane.apply", "s", "add_to_consolidation");
  g_assert_cmpint (pdw_complaint_get_status (pdw_complaint_pane_get_complaint (f->pane)), ==, PDW_COMPLAINT_KONSOLIDASI);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  (void) pdw_get_resource ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/gui/desk-form/unrecognised-leaves-type-empty", test_unrecognised_leaves_type_empty);
  ADD ("/gui/desk-form/recognised-marks", test_recognised_marks);
  ADD ("/gui/desk-form/edit-data", test_edit_data);
#undef ADD

  return g_test_run ();
}
