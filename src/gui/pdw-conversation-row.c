/* pdw-conversation-row.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-workflow.h"

#include "pdw-conversation-row.h"
#include "pdw-format.h"

struct _PdwConversationRow
{
  GtkWidget        parent_instance;

  /* Template Widgets */
  GtkLabel        *name_label;
  GtkLabel        *time_label;
  GtkLabel        *preview_label;
  GtkLabel        *unread_label;
  GtkLabel        *status_label;
  GtkLabel        *ticket_label;
  GtkLabel        *sla_label;

  /* Owned References */
  PdwContext      *context;
  PdwConversation *conversation;
  GSignalGroup    *conversation_signals;
};

G_DEFINE_FINAL_TYPE (PdwConversationRow, pdw_conversation_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CONVERSATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const sla_classes[] = { "sla-overdue", "sla-due-soon" };

/* Before registration the row reads as a new complaint. */
static PdwComplaintStatus
status_of (PdwConversation *conversation)
{
  if (pdw_conversation_get_complaint_id (conversation) == 0)
    return PDW_COMPLAINT_BARU;
  return pdw_conversation_get_complaint_status (conversation);
}

/* A preview is one line: a citizen's multi-line message would otherwise
 * show a paragraph glyph or grow the row. */
static char *
flatten_preview (const char *text)
{
  char *flat = g_strdup (text != NULL ? text : "");

  g_strdelimit (flat, "\r\n\t", ' ');
  return g_strstrip (flat);
}

/* Puts @css_class (or none) on @widget and takes the others of @classes
 * off, leaving alone the one it keeps: no restyle for what did not change. */
static void
set_one_css_class (GtkWidget          *widget,
                   const char * const *classes,
                   guint               n_classes,
                   const char         *css_class)
{
  for (guint i = 0; i < n_classes; i++)
    if (g_strcmp0 (classes[i], css_class) != 0)
      gtk_widget_remove_css_class (widget, classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (widget, css_class);
}

/* Overdue (error) and due-soon (warning) marks with the time left or
 * past; time passes without any store change, hence the minute tick. */
static void
pdw_conversation_row_sync_sla (PdwConversationRow *self)
{
  g_autofree char *text = NULL;
  gint64 now = pdw_format_now ();
  PdwSlaState state;

  if (self->conversation == NULL || pdw_conversation_get_complaint_id (self->conversation) == 0)
    {
      set_one_css_class (GTK_WIDGET (self->sla_label), sla_classes, G_N_ELEMENTS (sla_classes), NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->sla_label), FALSE);
      return;
    }

  state = pdw_conversation_classify_sla (self->conversation, now,
                                         pdw_context_get_due_soon_seconds (self->context));
  text = pdw_format_sla_short_text (state, pdw_conversation_get_complaint_due_at (self->conversation), now);

  gtk_label_set_text (self->sla_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->sla_label), text != NULL);
  set_one_css_class (GTK_WIDGET (self->sla_label), sla_classes, G_N_ELEMENTS (sla_classes),
                     pdw_format_sla_css_class (state));
}

static void
pdw_conversation_row_sync_name (PdwConversationRow *self)
{
  g_autofree char *name = pdw_conversation_dup_display_name (self->conversation);

  gtk_label_set_text (self->name_label, name != NULL ? name : "");
}

static void
pdw_conversation_row_sync_preview (PdwConversationRow *self)
{
  g_autofree char *preview = flatten_preview (pdw_conversation_get_last_message_text (self->conversation));
  const char *step = pdw_conversation_get_pending_step (self->conversation);

  /* A step waits for its message: the row says so until it is sent. */
  if (step != NULL)
    {
      const char *label = pdw_workflow_action_get_label (step);
      /* Translators: in the queue, a step's message not sent yet, e.g. "Unsent draft: Resolve and tell the citizen" */
      g_autofree char *draft = g_strdup_printf (_("Unsent draft: %s"), label != NULL ? label : step);

      gtk_label_set_text (self->preview_label, draft);
      gtk_widget_add_css_class (GTK_WIDGET (self->preview_label), "draft");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->preview_label), "draft");
  if (pdw_conversation_get_last_message_automatic (self->conversation))
    {
      /* Translators: preview of the last message in the queue when it is the out-of-hours automatic reply */
      g_autofree char *automatic = g_strdup_printf (_("Automatic reply: %s"), preview);
      gtk_label_set_text (self->preview_label, automatic);
    }
  else if (pdw_conversation_get_last_message_direction (self->conversation) == PDW_DIRECTION_OUT)
    {
      /* Translators: preview of the last message in the queue when the office sent it */
      g_autofree char *mine = g_strdup_printf (_("You: %s"), preview);
      gtk_label_set_text (self->preview_label, mine);
    }
  else
    gtk_label_set_text (self->preview_label, preview);
}

static void
pdw_conversation_row_sync_time (PdwConversationRow *self)
{
  g_autofree char *when = pdw_format_list_time (pdw_conversation_get_last_message_time (self->conversation), 0);

  gtk_label_set_text (self->time_label, when);
}

static void
pdw_conversation_row_sync_unread (PdwConversationRow *self)
{
  guint n_unread = pdw_conversation_get_unread_count (self->conversation);
  char unread[16];

  g_snprintf (unread, sizeof unread, "%u", n_unread);
  gtk_label_set_text (self->unread_label, unread);
  gtk_widget_set_visible (GTK_WIDGET (self->unread_label), n_unread > 0);
  if (n_unread > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "unread");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "unread");
}

static void
pdw_conversation_row_sync_complaint (PdwConversationRow *self)
{
  const char *ticket = NULL;

  pdw_format_show_status (self->status_label, status_of (self->conversation));
  /* A long status may be shortened in the narrow queue: whole on hover. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), gtk_label_get_text (self->status_label));

  if (pdw_conversation_get_complaint_id (self->conversation) != 0)
    ticket = pdw_conversation_get_complaint_ticket (self->conversation);

  gtk_label_set_text (self->ticket_label, ticket != NULL ? ticket : "");
  gtk_widget_set_visible (GTK_WIDGET (self->ticket_label), ticket != NULL && *ticket != '\0');

  pdw_conversation_row_sync_sla (self);
}

static void
pdw_conversation_row_sync (PdwConversationRow *self)
{
  g_assert (PDW_IS_CONVERSATION_ROW (self));

  if (self->conversation == NULL)
    return;

  pdw_conversation_row_sync_name (self);
  pdw_conversation_row_sync_preview (self);
  pdw_conversation_row_sync_time (self);
  pdw_conversation_row_sync_unread (self);
  pdw_conversation_row_sync_complaint (self);
}

/* A new message changes four properties of the row: each redraws only
 * its own labels. */
static void
conversation_notify_cb (PdwConversationRow *self,
                        GParamSpec         *pspec)
{
  static const struct {
    const char *property;
    void      (*sync) (PdwConversationRow *self);
  } syncs[] = {
    { "display-name", pdw_conversation_row_sync_name },
    { "last-message-text", pdw_conversation_row_sync_preview },
    { "last-message-direction", pdw_conversation_row_sync_preview },
    { "last-message-automatic", pdw_conversation_row_sync_preview },
    { "pending-step", pdw_conversation_row_sync_preview },
    { "last-message-time", pdw_conversation_row_sync_time },
    { "unread-count", pdw_conversation_row_sync_unread },
    { "complaint-id", pdw_conversation_row_sync_complaint },
    { "complaint-status", pdw_conversation_row_sync_complaint },
    { "complaint-ticket", pdw_conversation_row_sync_complaint },
    { "complaint-due-at", pdw_conversation_row_sync_sla },
  };

  if (self->conversation == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (syncs); i++)
    if (g_str_equal (pspec->name, syncs[i].property))
      {
        syncs[i].sync (self);
        return;
      }
}

GtkWidget *
pdw_conversation_row_new (PdwContext *context)
{
  g_return_val_if_fail (PDW_IS_CONTEXT (context), NULL);

  return g_object_new (PDW_TYPE_CONVERSATION_ROW,
                       "context", context,
                       NULL);
}

PdwConversation *
pdw_conversation_row_get_conversation (PdwConversationRow *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION_ROW (self), NULL);

  return self->conversation;
}

void
pdw_conversation_row_set_conversation (PdwConversationRow *self,
                                       PdwConversation    *conversation)
{
  g_return_if_fail (PDW_IS_CONVERSATION_ROW (self));
  g_return_if_fail (!conversation || PDW_IS_CONVERSATION (conversation));

  if (!g_set_object (&self->conversation, conversation))
    return;

  g_signal_group_set_target (self->conversation_signals, conversation);
  pdw_conversation_row_sync (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSATION]);
}

static const char *
visible_text (GtkLabel *label)
{
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : NULL;
}

const char *
pdw_conversation_row_get_name_text (PdwConversationRow *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION_ROW (self), NULL);
  return gtk_label_get_text (self->name_label);
}

const char *
pdw_conversation_row_get_preview_text (PdwConversationRow *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION_ROW (self), NULL);
  return gtk_label_get_text (self->preview_label);
}

const char *
pdw_conversation_row_get_time_text (PdwConversationRow *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION_ROW (self), NULL);
  return gtk_label_get_text (self->time_label);
}

const char *
pdw_conversation_row_get_unread_text (PdwConversationRow *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION_ROW (self), NULL);
  return visible_text (self->unread_label);
}

const char *
pdw_conversation_row_get_status_text (PdwConversationRow *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION_ROW (self), NULL);
  return gtk_label_get_text (self->status_label);
}

const char *
pdw_conversation_row_get_ticket_text (PdwConversationRow *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION_ROW (self), NULL);
  return visible_text (self->ticket_label);
}

const char *
pdw_conversation_row_get_sla_text (PdwConversationRow *self)
{
  g_return_val_if_fail (PDW_IS_CONVERSATION_ROW (self), NULL);
  return visible_text (self->sla_label);
}

/* Every row follows the one clock and the one settings object of the
 * context rather than keeping a timer and a GSettings of its own. */
static void
pdw_conversation_row_constructed (GObject *object)
{
  PdwConversationRow *self = (PdwConversationRow *)object;

  G_OBJECT_CLASS (pdw_conversation_row_parent_class)->constructed (object);

  g_assert (PDW_IS_CONTEXT (self->context));

  g_signal_connect_object (pdw_context_get_settings (self->context), "changed::due-soon-hours",
                           G_CALLBACK (pdw_conversation_row_sync_sla), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pdw_context_get_clock (self->context), "minute-changed",
                           G_CALLBACK (pdw_conversation_row_sync_sla), self, G_CONNECT_SWAPPED);
}

static void
pdw_conversation_row_dispose (GObject *object)
{
  PdwConversationRow *self = (PdwConversationRow *)object;
  GtkWidget *child;

  g_clear_object (&self->conversation_signals);
  g_clear_object (&self->conversation);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_CONVERSATION_ROW);
  /* GTK 4.8 only unparents the children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pdw_conversation_row_parent_class)->dispose (object);
}

static void
pdw_conversation_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PdwConversationRow *self = PDW_CONVERSATION_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_CONVERSATION:
      g_value_set_object (value, self->conversation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_conversation_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PdwConversationRow *self = PDW_CONVERSATION_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_CONVERSATION:
      pdw_conversation_row_set_conversation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_conversation_row_class_init (PdwConversationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pdw_conversation_row_constructed;
  object_class->dispose = pdw_conversation_row_dispose;
  object_class->get_property = pdw_conversation_row_get_property;
  object_class->set_property = pdw_conversation_row_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PDW_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONVERSATION] =
    g_param_spec_object ("conversation", NULL, NULL,
                         PDW_TYPE_CONVERSATION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-conversation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwConversationRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, PdwConversationRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, PdwConversationRow, preview_label);
  gtk_widget_class_bind_template_child (widget_class, PdwConversationRow, unread_label);
  gtk_widget_class_bind_template_child (widget_class, PdwConversationRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, PdwConversationRow, ticket_label);
  gtk_widget_class_bind_template_child (widget_class, PdwConversationRow, sla_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "conversationrow");
}

static void
pdw_conversation_row_init (PdwConversationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->conversation_signals = g_signal_group_new (PDW_TYPE_CONVERSATION);
  g_signal_group_connect_object (self->conversation_signals, "notify",
                                 G_CALLBACK (conversation_notify_cb), self, G_CONNECT_SWAPPED);
}
