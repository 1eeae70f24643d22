/* pdw-search-results.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-search-result.h"

#include "pdw-search-result-row.h"
#include "pdw-search-results.h"

struct _PdwSearchResults
{
  GtkWidget       parent_instance;

  /* Template Widgets */
  GtkStack       *stack;
  GtkListBox     *list;

  /* Owned References */
  PdwStore       *store;
  GtkSearchEntry *entry;
  GCancellable   *cancellable;     /* of the query running now */
  char           *query;           /* that the rows answer */

  /* Counts the queries typed: a result of an older one is dropped. */
  guint           serial;
  /* Enter came before the results of what was typed last. */
  gboolean        activate_when_done;
};

G_DEFINE_FINAL_TYPE (PdwSearchResults, pdw_search_results, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ENTRY,
  N_PROPS
};

enum {
  CONVERSATION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  PdwStore *store;
  char     *query;
  guint     serial;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_clear_object (&data->store);
  g_free (data->query);
  g_free (data);
}

static void
search_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SearchData *data = task_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *results;

  /* Typed over already: skip it. */
  if (g_task_return_error_if_cancelled (task))
    return;

  results = pdw_store_search (data->store, data->query, 0, &error);
  if (results == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

static void
pdw_search_results_show (PdwSearchResults *self,
                         const char       *query,
                         GPtrArray        *results)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; results != NULL && i < results->len; i++)
    gtk_list_box_append (self->list, pdw_search_result_row_new (g_ptr_array_index (results, i)));

  g_free (self->query);
  self->query = g_strdup (query);

  if (*query == '\0')
    gtk_stack_set_visible_child_name (self->stack, "hint");
  else if (results == NULL || results->len == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "results");
}

static void row_activated_cb (PdwSearchResults *self,
                              GtkListBoxRow    *row);

static void
pdw_search_results_activate_first (PdwSearchResults *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->list, 0);
  if (row != NULL)
    row_activated_cb (self, row);
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PdwSearchResults *self = PDW_SEARCH_RESULTS (object);
  SearchData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  results = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || data->serial != self->serial)
    return;

  if (error != NULL)
    g_warning ("The search failed: %s", error->message);

  pdw_search_results_show (self, data->query, results);

  if (self->activate_when_done)
    {
      self->activate_when_done = FALSE;
      pdw_search_results_activate_first (self);
    }
}

static void
pdw_search_results_run (PdwSearchResults *self,
                        const char       *query)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *stripped = g_strstrip (g_strdup (query));
  SearchData *data;

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, cancellable);
  self->serial++;
  self->activate_when_done = FALSE;

  if (self->store == NULL || *stripped == '\0')
    {
      pdw_search_results_show (self, "", NULL);
      return;
    }

  data = g_new0 (SearchData, 1);
  data->store = g_object_ref (self->store);
  data->query = g_strdup (query);
  data->serial = self->serial;

  task = g_task_new (self, cancellable, search_done_cb, NULL);
  g_task_set_source_tag (task, pdw_search_results_run);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_run_in_thread (task, search_in_thread);
}

static void
search_changed_cb (PdwSearchResults *self,
                   GtkSearchEntry   *entry)
{
  pdw_search_results_run (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
row_activated_cb (PdwSearchResults *self,
                  GtkListBoxRow    *row)
{
  PdwSearchResult *result = pdw_search_result_row_get_result (PDW_SEARCH_RESULT_ROW (row));
  gint64 conversation_id = pdw_search_result_get_conversation_id (result);

  /* A complaint registered without a chat has nothing to open. */
  if (conversation_id != 0)
    g_signal_emit (self, signals[CONVERSATION_ACTIVATED], 0, conversation_id);
}

/* Enter opens what the officer sees first, once the results answer what
 * the entry says (not the query before the last keystroke). */
static void
entry_activated_cb (PdwSearchResults *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (g_strcmp0 (self->query, text) == 0)
    {
      pdw_search_results_activate_first (self);
      return;
    }

  pdw_search_results_run (self, text);
  self->activate_when_done = TRUE;
}

static gboolean
entry_key_pressed_cb (PdwSearchResults *self,
                      guint             keyval)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, 0);

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || row == NULL)
    return FALSE;

  gtk_list_box_select_row (self->list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

/* Closed: the next search starts afresh. */
static void
unmapped_cb (PdwSearchResults *self)
{
  if (self->entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

static gboolean
list_key_pressed_cb (PdwSearchResults *self,
                     guint             keyval)
{
  if (keyval != GDK_KEY_Escape || self->entry == NULL)
    return FALSE;

  g_signal_emit_by_name (self->entry, "stop-search");
  return TRUE;
}

void
pdw_search_results_set_store (PdwSearchResults *self,
                              PdwStore         *store)
{
  g_return_if_fail (PDW_IS_SEARCH_RESULTS (self));
  g_return_if_fail (!store || PDW_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
pdw_search_results_set_entry (PdwSearchResults *self,
                              GtkSearchEntry   *entry)
{
  GtkEventController *keys;

  g_return_if_fail (PDW_IS_SEARCH_RESULTS (self));
  g_return_if_fail (!entry || GTK_IS_SEARCH_ENTRY (entry));
  /* One entry for the widget's life: the window's. */
  g_return_if_fail (self->entry == NULL);

  if (entry == NULL)
    return;

  self->entry = g_object_ref (entry);
  g_signal_connect_object (entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "activate", G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (entry), keys);

  /* Typing on in the list goes on in the entry. */
  gtk_search_entry_set_key_capture_widget (entry, GTK_WIDGET (self->list));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}

const char *
pdw_search_results_get_query (PdwSearchResults *self)
{
  g_return_val_if_fail (PDW_IS_SEARCH_RESULTS (self), NULL);
  return self->query;
}

GtkListBox *
pdw_search_results_get_list (PdwSearchResults *self)
{
  g_return_val_if_fail (PDW_IS_SEARCH_RESULTS (self), NULL);
  return self->list;
}

static void
pdw_search_results_dispose (GObject *object)
{
  PdwSearchResults *self = (PdwSearchResults *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_SEARCH_RESULTS);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->entry);
  g_clear_object (&self->store);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (pdw_search_results_parent_class)->dispose (object);
}

static void
pdw_search_results_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PdwSearchResults *self = PDW_SEARCH_RESULTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_search_results_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PdwSearchResults *self = PDW_SEARCH_RESULTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      pdw_search_results_set_store (self, g_value_get_object (value));
      break;

    case PROP_ENTRY:
      pdw_search_results_set_entry (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_search_results_class_init (PdwSearchResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_search_results_dispose;
  object_class->get_property = pdw_search_results_get_property;
  object_class->set_property = pdw_search_results_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PDW_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, GTK_TYPE_SEARCH_ENTRY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CONVERSATION_ACTIVATED] =
    g_signal_new ("conversation-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-search-results.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwSearchResults, stack);
  gtk_widget_class_bind_template_child (widget_class, PdwSearchResults, list);
}

static void
pdw_search_results_init (PdwSearchResults *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->query = g_strdup ("");

  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "unmap", G_CALLBACK (unmapped_cb), NULL);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
}
