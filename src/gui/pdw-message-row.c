/* pdw-message-row.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-send-error.h"

#include "pdw-format.h"
#include "pdw-message-media.h"
#include "pdw-message-row.h"

struct _PdwMessageRow
{
  GtkWidget   parent_instance;

  /* Template Widgets */
  GtkBox     *bubble;
  PdwMessageMedia *media;
  GtkLabel   *text_label;
  GtkLabel   *error_label;
  GtkLabel   *state_label;
  GtkLabel   *time_label;
  GtkImage   *status_image;
  GtkWidget  *actions_box;
  GtkWidget  *template_button;
  GtkWidget  *settings_button;
  GtkWidget  *edit_button;
  GtkWidget  *retry_button;

  /* Owned References */
  PdwMessage *message;
  gulong      notify_handler;
  const char *status_icon;
};

G_DEFINE_FINAL_TYPE (PdwMessageRow, pdw_message_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
status_icon_for (PdwDeliveryStatus status)
{
  switch (status)
    {
    case PDW_DELIVERY_QUEUED:
      return "pdw-clock-symbolic";
    case PDW_DELIVERY_ACCEPTED:
    case PDW_DELIVERY_SENT:
      return "pdw-sent-symbolic";
    case PDW_DELIVERY_DELIVERED:
    case PDW_DELIVERY_READ:
      return "pdw-delivered-symbolic";
    case PDW_DELIVERY_FAILED:
      return "dialog-warning-symbolic";
    case PDW_DELIVERY_NONE:
    default:
      return NULL;
    }
}

/* The state in a word, beside the time (the ticks alone are easy to miss). */
static const char *
status_text_for (PdwDeliveryStatus status)
{
  switch (status)
    {
    case PDW_DELIVERY_QUEUED:
      return C_("message state", "Queued");
    case PDW_DELIVERY_ACCEPTED:
    case PDW_DELIVERY_SENT:
      return C_("message state", "Sent");
    case PDW_DELIVERY_DELIVERED:
      return C_("message state", "Delivered");
    case PDW_DELIVERY_READ:
      return C_("message state", "Read");
    case PDW_DELIVERY_FAILED:
      return C_("message state", "Failed");
    case PDW_DELIVERY_NONE:
    default:
      return NULL;
    }
}

static const char *
status_tooltip_for (PdwDeliveryStatus status)
{
  switch (status)
    {
    case PDW_DELIVERY_QUEUED:
      return _("Waiting to be sent");
    case PDW_DELIVERY_ACCEPTED:
    case PDW_DELIVERY_SENT:
      return _("Sent");
    case PDW_DELIVERY_DELIVERED:
      return _("Delivered");
    case PDW_DELIVERY_READ:
      return _("Read");
    case PDW_DELIVERY_FAILED:
      return _("Not sent");
    case PDW_DELIVERY_NONE:
    default:
      return NULL;
    }
}

/* The reason in the officer's words (pdw-send-error.h) and the buttons
 * that put it right. */
static char *
dup_failure_text (PdwMessage *message)
{
  int code = pdw_message_get_error_code (message);
  const char *title = pdw_message_get_error_title (message);

  if (code != 0)
    return pdw_send_error_dup_explanation (code);
  if (title != NULL && *title != '\0')
    /* Translators: shown under a reply WhatsApp did not deliver; %s is the reason */
    return g_strdup_printf (_("Not sent: %s"), title);
  return g_strdup (_("Not sent"));
}

static void
sync_failed_actions (PdwMessageRow *self,
                     gboolean       failed)
{
  PdwSendAction action = failed ? pdw_send_error_get_action (pdw_message_get_error_code (self->message))
                                : PDW_SEND_ACTION_NONE;
  gboolean is_text = g_strcmp0 (pdw_message_get_message_type (self->message), "text") == 0;
  g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new_int64 (pdw_message_get_id (self->message)));

  /* The name only with its target: a button without one would warn. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->retry_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->retry_button), "chat.retry-message");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->edit_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "chat.edit-message");

  gtk_widget_set_visible (self->template_button, action == PDW_SEND_ACTION_SEND_TEMPLATE);
  gtk_widget_set_visible (self->settings_button, action == PDW_SEND_ACTION_OPEN_SETTINGS);
  /* Outside the window the same text fails again: the template is the way. */
  gtk_widget_set_visible (self->retry_button, failed && action != PDW_SEND_ACTION_SEND_TEMPLATE &&
                                              action != PDW_SEND_ACTION_EDIT);
  gtk_widget_set_visible (self->edit_button, failed && is_text);
  gtk_widget_set_visible (self->actions_box, failed);
}

static void
pdw_message_row_sync_status (PdwMessageRow *self)
{
  PdwDeliveryStatus status = pdw_message_get_status (self->message);
  gboolean outgoing = pdw_message_get_direction (self->message) == PDW_DIRECTION_OUT;
  const char *tooltip;
  const char *state;

  self->status_icon = outgoing ? status_icon_for (status) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->status_image), self->status_icon != NULL);
  if (self->status_icon != NULL)
    gtk_image_set_from_icon_name (self->status_image, self->status_icon);

  if (outgoing && status == PDW_DELIVERY_READ)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_image), "read");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_image), "read");

  state = outgoing ? status_text_for (status) : NULL;
  gtk_label_set_text (self->state_label, state != NULL ? state : "");
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), state != NULL);
  sync_failed_actions (self, outgoing && status == PDW_DELIVERY_FAILED);

  if (outgoing && status == PDW_DELIVERY_FAILED)
    {
      g_autofree char *text = dup_failure_text (self->message);

      gtk_label_set_text (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_image), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_image), text);
      gtk_widget_add_css_class (GTK_WIDGET (self->bubble), "failed");
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_image), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->bubble), "failed");
  tooltip = outgoing ? status_tooltip_for (status) : NULL;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_image), tooltip);
}

static void
pdw_message_row_sync (PdwMessageRow *self)
{
  gboolean outgoing;
  const char *text;
  g_autofree char *clock = NULL;

  g_assert (PDW_IS_MESSAGE_ROW (self));

  if (self->message == NULL)
    return;

  outgoing = pdw_message_get_direction (self->message) == PDW_DIRECTION_OUT;
  gtk_widget_set_halign (GTK_WIDGET (self->bubble), outgoing ? GTK_ALIGN_END : GTK_ALIGN_START);
  if (outgoing)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->bubble), "outgoing");
      gtk_widget_remove_css_class (GTK_WIDGET (self->bubble), "incoming");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->bubble), "incoming");
      gtk_widget_remove_css_class (GTK_WIDGET (self->bubble), "outgoing");
    }

  text = pdw_message_get_text (self->message);
  gtk_label_set_text (self->text_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), text != NULL && *text != '\0');

  clock = pdw_format_clock (pdw_message_get_timestamp (self->message));
  gtk_label_set_text (self->time_label, clock);

  pdw_message_media_set_message (self->media, self->message);
  pdw_message_row_sync_status (self);
}

GtkWidget *
pdw_message_row_new (void)
{
  return g_object_new (PDW_TYPE_MESSAGE_ROW, NULL);
}

PdwMessage *
pdw_message_row_get_message (PdwMessageRow *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE_ROW (self), NULL);

  return self->message;
}

void
pdw_message_row_set_message (PdwMessageRow *self,
                             PdwMessage    *message)
{
  g_return_if_fail (PDW_IS_MESSAGE_ROW (self));
  g_return_if_fail (!message || PDW_IS_MESSAGE (message));

  if (self->message == message)
    return;

  if (self->message != NULL)
    g_clear_signal_handler (&self->notify_handler, self->message);

  g_set_object (&self->message, message);

  if (message != NULL)
    {
      self->notify_handler =
        g_signal_connect_object (message, "notify",
                                 G_CALLBACK (pdw_message_row_sync),
                                 self, G_CONNECT_SWAPPED);
      pdw_message_row_sync (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

const char *
pdw_message_row_get_text (PdwMessageRow *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE_ROW (self), NULL);
  return gtk_label_get_text (self->text_label);
}

const char *
pdw_message_row_get_time_text (PdwMessageRow *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE_ROW (self), NULL);
  return gtk_label_get_text (self->time_label);
}

const char *
pdw_message_row_get_state_text (PdwMessageRow *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE_ROW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->state_label)) ? gtk_label_get_text (self->state_label) : NULL;
}

const char *
pdw_message_row_get_error_text (PdwMessageRow *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE_ROW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

GtkWidget *
pdw_message_row_get_action_button (PdwMessageRow *self,
                                   PdwSendAction  action)
{
  GtkWidget *button;

  g_return_val_if_fail (PDW_IS_MESSAGE_ROW (self), NULL);

  switch (action)
    {
    case PDW_SEND_ACTION_RETRY:         button = self->retry_button; break;
    case PDW_SEND_ACTION_EDIT:          button = self->edit_button; break;
    case PDW_SEND_ACTION_SEND_TEMPLATE: button = self->template_button; break;
    case PDW_SEND_ACTION_OPEN_SETTINGS: button = self->settings_button; break;
    case PDW_SEND_ACTION_NONE:
    case PDW_SEND_ACTION_WAIT:
    default:
      return NULL;
    }
  return gtk_widget_get_visible (self->actions_box) && gtk_widget_get_visible (button) ? button : NULL;
}

const char *
pdw_message_row_get_status_icon (PdwMessageRow *self)
{
  g_return_val_if_fail (PDW_IS_MESSAGE_ROW (self), NULL);
  return self->status_icon;
}

static void
pdw_message_row_dispose (GObject *object)
{
  PdwMessageRow *self = (PdwMessageRow *)object;
  GtkWidget *child;

  if (self->message != NULL)
    g_clear_signal_handler (&self->notify_handler, self->message);
  g_clear_object (&self->message);

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_MESSAGE_ROW);
  /* GTK 4.8 only unparents the children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pdw_message_row_parent_class)->dispose (object);
}

static void
pdw_message_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PdwMessageRow *self = PDW_MESSAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_object (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_message_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PdwMessageRow *self = PDW_MESSAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      pdw_message_row_set_message (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The bubble is as wide as its text wants, at most the row.  A bin
 * layout would measure its height at the row's full width but the bubble
 * is then allocated its narrower natural width, where the text wraps into
 * more lines than were measured: the end of a long reply (its signature)
 * was cut off and the list scrolled short of the last message.  So the
 * height is measured at the width the bubble will really get. */
static int
pdw_message_row_bubble_width (PdwMessageRow *self,
                              int            row_width)
{
  int minimum, natural;

  gtk_widget_measure (GTK_WIDGET (self->bubble), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  if (row_width < 0)
    return natural;
  return MAX (minimum, MIN (natural, row_width));
}

static void
pdw_message_row_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  PdwMessageRow *self = PDW_MESSAGE_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    gtk_widget_measure (GTK_WIDGET (self->bubble), orientation, for_size, minimum, natural, NULL, NULL);
  else
    gtk_widget_measure (GTK_WIDGET (self->bubble), orientation, pdw_message_row_bubble_width (self, for_size),
                        minimum, natural, NULL, NULL);
}

static void
pdw_message_row_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  PdwMessageRow *self = PDW_MESSAGE_ROW (widget);
  int bubble_width = pdw_message_row_bubble_width (self, width);
  int x = gtk_widget_get_halign (GTK_WIDGET (self->bubble)) == GTK_ALIGN_END ? width - bubble_width : 0;

  gtk_widget_size_allocate (GTK_WIDGET (self->bubble), &(GtkAllocation) { x, 0, bubble_width, height }, -1);
}

static GtkSizeRequestMode
pdw_message_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pdw_message_row_class_init (PdwMessageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_message_row_dispose;
  object_class->get_property = pdw_message_row_get_property;
  object_class->set_property = pdw_message_row_set_property;

  properties[PROP_MESSAGE] =
    g_param_spec_object ("message", NULL, NULL,
                         PDW_TYPE_MESSAGE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PDW_TYPE_MESSAGE_MEDIA);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-message-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwMessageRow, bubble);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageRow, media);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageRow, status_image);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageRow, actions_box);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageRow, template_button);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageRow, settings_button);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, PdwMessageRow, retry_button);

  widget_class->measure = pdw_message_row_measure;
  widget_class->size_allocate = pdw_message_row_size_allocate;
  widget_class->get_request_mode = pdw_message_row_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "messagerow");
}

static void
pdw_message_row_init (PdwMessageRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
