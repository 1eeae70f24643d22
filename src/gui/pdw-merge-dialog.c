/* pdw-merge-dialog.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-merge-dialog.h"

struct _PdwMergeDialog
{
  AdwMessageDialog  parent_instance;

  GtkSearchEntry   *search_entry;
  GtkListBox       *list;

  PdwContext       *context;
  gint64            into_id;
};

G_DEFINE_FINAL_TYPE (PdwMergeDialog, pdw_merge_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gint64
row_conversation_id (GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "pdw-conversation-id");

  return id != NULL ? *id : 0;
}

static void
selection_changed_cb (PdwMergeDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "merge",
                                           gtk_list_box_get_selected_row (self->list) != NULL);
}

static GtkWidget *
create_row (PdwConversation *conversation)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = pdw_conversation_dup_display_name (conversation);
  const char *wa_id = pdw_conversation_get_wa_id (conversation);
  const char *ticket = pdw_conversation_get_complaint_ticket (conversation);
  g_autofree char *number = g_strconcat ("+", wa_id != NULL ? wa_id : "", NULL);
  g_autofree char *subtitle = NULL;
  gint64 *id = g_new (gint64, 1);

  if (ticket != NULL && *ticket != '\0')
    subtitle = g_strdup_printf ("%s · %s", number, ticket);
  else
    subtitle = g_strdup (number);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : number);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  *id = pdw_conversation_get_id (conversation);
  g_object_set_data_full (G_OBJECT (row), "pdw-conversation-id", id, g_free);

  return row;
}

static void
clear_rows (PdwMergeDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

/* The rows of @results (newest first), but the conversation being merged
 * into: each reads as in the queue (name, number, ticket). */
static void
show_results (PdwMergeDialog *self,
              GPtrArray      *results)
{
  PdwStore *store = pdw_context_get_store (self->context);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) conversations = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < results->len; i++)
    {
      gint64 id = pdw_search_result_get_conversation_id (g_ptr_array_index (results, i));

      if (id != self->into_id)
        g_array_append_val (ids, id);
    }

  conversations = pdw_store_list_conversations_by_id (store, (gint64 *) ids->data, ids->len, &error);
  if (conversations == NULL)
    {
      g_warning ("Cannot read the conversations: %s", error->message);
      return;
    }

  /* The rows come back in no order; a page of results is short. */
  for (guint i = 0; i < ids->len; i++)
    for (guint j = 0; j < conversations->len; j++)
      {
        PdwConversation *conversation = g_ptr_array_index (conversations, j);

        if (pdw_conversation_get_id (conversation) == g_array_index (ids, gint64, i))
          gtk_list_box_append (self->list, create_row (conversation));
      }
}

/* The candidates come from search, not from every conversation ever: on a
 * year of history the dialog opens as fast as on a week. */
static void
search_changed_cb (PdwMergeDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (self);
  if (self->context == NULL || text == NULL || *text == '\0')
    return;

  results = pdw_store_search (pdw_context_get_store (self->context), text, 0, &error);
  if (results == NULL)
    {
      g_warning ("Cannot search the conversations: %s", error->message);
      return;
    }
  show_results (self, results);
}

/* The same citizen's other number most often carries the same name. */
static void
search_for_same_citizen (PdwMergeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwConversation) into = pdw_store_dup_conversation (pdw_context_get_store (self->context),
                                                                self->into_id, &error);
  g_autofree char *name = into != NULL ? pdw_conversation_dup_display_name (into) : NULL;

  if (name != NULL && pdw_conversation_get_profile_name (into) != NULL)
    pdw_merge_dialog_set_search (self, name);
}

PdwMergeDialog *
pdw_merge_dialog_new (GtkWindow  *parent,
                      PdwContext *context,
                      gint64      into_id)
{
  PdwMergeDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PDW_IS_CONTEXT (context), NULL);

  self = g_object_new (PDW_TYPE_MERGE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Merge with Another Conversation"),
                       "body", _("Choose the same citizen's other WhatsApp number. Its messages move into this conversation, which keeps both numbers; replies go to the number the citizen wrote from last."),
                       NULL);
  self->into_id = into_id;

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "merge", _("_Merge"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "merge", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  self->context = g_object_ref (context);
  search_for_same_citizen (self);

  return self;
}

gint64
pdw_merge_dialog_get_into_id (PdwMergeDialog *self)
{
  g_return_val_if_fail (PDW_IS_MERGE_DIALOG (self), 0);
  return self->into_id;
}

gint64
pdw_merge_dialog_get_selected_id (PdwMergeDialog *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (PDW_IS_MERGE_DIALOG (self), 0);

  row = gtk_list_box_get_selected_row (self->list);
  return row != NULL ? row_conversation_id (row) : 0;
}

gboolean
pdw_merge_dialog_select_id (PdwMergeDialog *self,
                            gint64          conversation_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (PDW_IS_MERGE_DIALOG (self), FALSE);

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      if (row_conversation_id (row) == conversation_id)
        {
          gtk_list_box_select_row (self->list, row);
          return TRUE;
        }
    }

  return FALSE;
}

void
pdw_merge_dialog_set_search (PdwMergeDialog *self,
                             const char     *text)
{
  g_return_if_fail (PDW_IS_MERGE_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* The entry's changed signal is delayed; the list follows at once. */
  search_changed_cb (self);
}

guint
pdw_merge_dialog_get_n_visible (PdwMergeDialog *self)
{
  GtkListBoxRow *row;
  guint n = 0;

  g_return_val_if_fail (PDW_IS_MERGE_DIALOG (self), 0);

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    n++;

  return n;
}

static void
pdw_merge_dialog_finalize (GObject *object)
{
  PdwMergeDialog *self = (PdwMergeDialog *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (pdw_merge_dialog_parent_class)->finalize (object);
}

static void
pdw_merge_dialog_class_init (PdwMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pdw_merge_dialog_finalize;
}

static void
pdw_merge_dialog_init (PdwMergeDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *placeholder = gtk_label_new (_("Search for the citizen’s name, other number or ticket"));

  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search name, number or ticket"), -1);
  g_object_set (self->search_entry, "placeholder-text", _("Search name, number or ticket"), NULL);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_placeholder (self->list, placeholder);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_widget_set_size_request (box, 360, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "selected-rows-changed", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
}
