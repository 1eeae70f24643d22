/* pdw-test-window.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "pdw-test-util.h"
#include "pdw-test-window.h"

void
pdw_test_desk_open (PdwTestDesk *desk,
                    const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("pandawa-test-%s-XXXXXX", name);
  g_autofree char *path = NULL;

  desk->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  path = g_build_filename (desk->dir, "pandawa.db", NULL);
  desk->store = pdw_store_open (path, &error);
  g_assert_no_error (error);

  desk->settings = g_settings_new (APP_ID);
  g_settings_set_string (desk->settings, "officer-name", "Petugas Uji");
  g_settings_set_string (desk->settings, "officer-nip", "199001012020011001");

  desk->context = pdw_context_new (desk->store, NULL);
}

void
pdw_test_desk_present (PdwTestDesk *desk,
                       GtkWindow   *window)
{
  g_assert_null (desk->window);

  desk->window = g_object_ref_sink (window);
  gtk_window_present (window);
}

void
pdw_test_desk_close (PdwTestDesk *desk)
{
  if (desk->window != NULL)
    gtk_window_destroy (desk->window);
  pdw_test_desk_drain ();
  g_clear_object (&desk->window);
  g_clear_object (&desk->context);
  g_clear_object (&desk->settings);
  g_clear_object (&desk->store);
  pdw_test_remove_tree (desk->dir);
  g_clear_pointer (&desk->dir, g_free);
}

void
pdw_test_desk_drain (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

PdwInboundMessage *
pdw_test_message_new (const char *wamid,
                      const char *wa_id,
                      const char *profile_name,
                      gint64      timestamp,
                      const char *text)
{
  PdwInboundMessage *message = pdw_inbound_message_new ();

  message->wamid = g_strdup (wamid);
  message->wa_id = g_strdup (wa_id);
  message->profile_name = g_strdup (profile_name);
  message->phone_number_id = g_strdup ("100000000000001");
  message->timestamp = timestamp;
  message->type = g_strdup ("text");
  message->text = g_strdup (text);

  return message;
}

gint64
pdw_test_find_conversation (PdwStore   *store,
                            const char *wa_id)
{
  g_autoptr(GPtrArray) conversations = NULL;
  g_autoptr(GError) error = NULL;

  conversations = pdw_store_list_conversations (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < conversations->len; i++)
    {
      PdwConversation *conversation = g_ptr_array_index (conversations, i);

      if (g_strcmp0 (pdw_conversation_get_wa_id (conversation), wa_id) == 0)
        return pdw_conversation_get_id (conversation);
    }

  g_assert_not_reached ();
  return 0;
}

GtkWidget *
pdw_test_find_widget (GtkWidget  *root,
                      GType       type,
                      const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *own = GTK_IS_LABEL (root) ? gtk_label_get_label (GTK_LABEL (root))
                      : ADW_IS_PREFERENCES_ROW (root) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root))
                      : NULL;

      if (text == NULL || g_strcmp0 (own, text) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pdw_test_find_widget (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
pdw_test_screenshot_locale (void)
{
  if (g_getenv ("PDW_TEST_HOLD_SECONDS") == NULL)
    return;
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

void
pdw_test_hold_for_screenshot (void)
{
  const char *hold = g_getenv ("PDW_TEST_HOLD_SECONDS");
  gint64 until;

  if (hold == NULL)
    return;
  until = g_get_monotonic_time () + g_ascii_strtoll (hold, NULL, 10) * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}
