/* pdw-search-result-row.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pdw-format.h"
#include "pdw-search-result-row.h"

struct _PdwSearchResultRow
{
  GtkListBoxRow    parent_instance;

  /* Template Widgets */
  GtkLabel        *name_label;
  GtkLabel        *time_label;
  GtkLabel        *field_label;
  GtkLabel        *snippet_label;

  /* Owned References */
  PdwSearchResult *result;
};

G_DEFINE_FINAL_TYPE (PdwSearchResultRow, pdw_search_result_row, GTK_TYPE_LIST_BOX_ROW)

const char *
pdw_search_result_row_get_field_label (PdwSearchField field)
{
  switch (field)
    {
    case PDW_SEARCH_FIELD_TICKET:
      return C_("search field", "Ticket");
    case PDW_SEARCH_FIELD_NIK:
      return C_("search field", "NIK");
    case PDW_SEARCH_FIELD_KK:
      return C_("search field", "KK");
    case PDW_SEARCH_FIELD_PHONE:
      return C_("search field", "Phone number");
    case PDW_SEARCH_FIELD_CITIZEN_NAME:
      return C_("search field", "Name");
    case PDW_SEARCH_FIELD_PROFILE_NAME:
      return C_("search field", "WhatsApp name");
    case PDW_SEARCH_FIELD_MESSAGE:
    case PDW_SEARCH_N_FIELDS:
    default:
      return C_("search field", "Message");
    }
}

/* A mark the citizen typed into a message is text: only a start followed
 * by its end is read as a mark, so the markup always stays valid. */
char *
pdw_search_result_row_dup_snippet_markup (const char *snippet)
{
  GString *markup = g_string_new (NULL);
  const char *p = snippet != NULL ? snippet : "";

  while (*p != '\0')
    {
      const char *start = strstr (p, PDW_SEARCH_MARK_START);
      const char *end = start != NULL ? strstr (start, PDW_SEARCH_MARK_END) : NULL;
      g_autofree char *before = NULL;
      g_autofree char *marked = NULL;

      if (end == NULL)
        {
          g_autofree char *rest = g_markup_escape_text (p, -1);
          g_string_append (markup, rest);
          break;
        }

      before = g_markup_escape_text (p, start - p);
      start += strlen (PDW_SEARCH_MARK_START);
      marked = g_markup_escape_text (start, end - start);
      g_string_append_printf (markup, "%s<b>%s</b>", before, marked);
      p = end + strlen (PDW_SEARCH_MARK_END);
    }

  /* One line, like the queue's previews. */
  g_strdelimit (markup->str, "\r\n\t", ' ');
  return g_string_free (markup, FALSE);
}

static void
pdw_search_result_row_show (PdwSearchResultRow *self)
{
  g_autofree char *markup = pdw_search_result_row_dup_snippet_markup (pdw_search_result_get_snippet (self->result));
  g_autofree char *time = NULL;
  const char *name = pdw_search_result_get_display_name (self->result);
  gint64 when = pdw_search_result_get_time (self->result);

  gtk_label_set_text (self->name_label, name != NULL && *name != '\0' ? name : C_("citizen name", "Unknown"));
  gtk_label_set_text (self->field_label, pdw_search_result_row_get_field_label (pdw_search_result_get_field (self->result)));
  gtk_label_set_markup (self->snippet_label, markup);

  if (when > 0)
    time = pdw_format_list_time (when, 0);
  gtk_label_set_text (self->time_label, time != NULL ? time : "");
  gtk_widget_set_visible (GTK_WIDGET (self->time_label), time != NULL);
}

GtkWidget *
pdw_search_result_row_new (PdwSearchResult *result)
{
  PdwSearchResultRow *self;

  g_return_val_if_fail (PDW_IS_SEARCH_RESULT (result), NULL);

  self = g_object_new (PDW_TYPE_SEARCH_RESULT_ROW, NULL);
  self->result = g_object_ref (result);
  pdw_search_result_row_show (self);
  return GTK_WIDGET (self);
}

PdwSearchResult *
pdw_search_result_row_get_result (PdwSearchResultRow *self)
{
  g_return_val_if_fail (PDW_IS_SEARCH_RESULT_ROW (self), NULL);
  return self->result;
}

const char *
pdw_search_result_row_get_field_text (PdwSearchResultRow *self)
{
  g_return_val_if_fail (PDW_IS_SEARCH_RESULT_ROW (self), NULL);
  return gtk_label_get_text (self->field_label);
}

const char *
pdw_search_result_row_get_snippet_text (PdwSearchResultRow *self)
{
  g_return_val_if_fail (PDW_IS_SEARCH_RESULT_ROW (self), NULL);
  return gtk_label_get_text (self->snippet_label);
}

static void
pdw_search_result_row_dispose (GObject *object)
{
  PdwSearchResultRow *self = (PdwSearchResultRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_SEARCH_RESULT_ROW);
  g_clear_object (&self->result);

  G_OBJECT_CLASS (pdw_search_result_row_parent_class)->dispose (object);
}

static void
pdw_search_result_row_class_init (PdwSearchResultRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_search_result_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-search-result-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwSearchResultRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, PdwSearchResultRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, PdwSearchResultRow, field_label);
  gtk_widget_class_bind_template_child (widget_class, PdwSearchResultRow, snippet_label);
}

static void
pdw_search_result_row_init (PdwSearchResultRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
