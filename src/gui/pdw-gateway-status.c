/* pdw-gateway-status.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-send-error.h"
#include "gui/pdw-resources.h"

#include "pdw-format.h"
#include "pdw-gateway-status.h"

struct _PdwGatewayStatus
{
  GtkWidget          parent_instance;

  /* Template Widgets */
  GtkMenuButton     *button;
  GtkLabel          *service_label;
  GtkLabel          *state_label;
  GtkLabel          *webhook_label;
  GtkLabel          *queue_label;
  GtkLabel          *error_label;
  GtkWidget         *settings_button;
  GtkListBox        *failed_list;

  /* Owned References */
  PdwContext        *context;
  PdwGatewayMonitor *monitor;
};

G_DEFINE_FINAL_TYPE (PdwGatewayStatus, pdw_gateway_status, GTK_TYPE_WIDGET)

/* A linked device (WAHA) says what its session is doing: anything but
 * WORKING is why replies do not go, or may not.  NULL when there is no
 * session to speak of (the Cloud API, or a WAHA session that works). */
static const char *
session_text (PdwGatewayMonitor  *monitor,
              const char        **icon_name)
{
  if (g_strcmp0 (pdw_gateway_monitor_get_backend_name (monitor), "waha") != 0)
    return NULL;

  *icon_name = "dialog-warning-symbolic";
  switch (pdw_gateway_monitor_get_session (monitor))
    {
    case PDW_GATEWAY_SESSION_WORKING:
      return NULL;
    case PDW_GATEWAY_SESSION_SCAN_QR:
      return _("WAHA: waiting for the QR code to be scanned on the office phone");
    case PDW_GATEWAY_SESSION_STARTING:
      return _("WAHA: the session is starting");
    case PDW_GATEWAY_SESSION_STOPPED:
      *icon_name = "network-error-symbolic";
      return _("WAHA: the session is stopped: replies wait in the queue");
    case PDW_GATEWAY_SESSION_FAILED:
      *icon_name = "network-error-symbolic";
      return _("WAHA: the session failed: replies wait in the queue");
    case PDW_GATEWAY_SESSION_UNKNOWN:
    default:
      return _("WAHA: the state of the session is not known yet");
    }
}

/* The state in one line, and the icon that says it in the header bar. */
static const char *
state_text (PdwGatewayMonitor  *monitor,
            const char        **icon_name,
            gboolean           *problem)
{
  const char *session;

  *problem = TRUE;
  *icon_name = "network-error-symbolic";

  if (pdw_gateway_monitor_get_service (monitor) == NULL)
    return _("The gateway is off: replies wait in the queue");
  if (!pdw_gateway_monitor_get_configured (monitor))
    return _("WhatsApp is not set up: replies wait in the queue");
  /* What the provider says of its session is the most precise reason;
   * an unknown session after an unreachable server is less so. */
  session = session_text (monitor, icon_name);
  if (session != NULL && pdw_gateway_monitor_get_session (monitor) != PDW_GATEWAY_SESSION_UNKNOWN)
    return session;
  *icon_name = "network-error-symbolic";
  if (pdw_gateway_monitor_get_reach (monitor) == PDW_GATEWAY_REACH_NO)
    return _("The WhatsApp service cannot be reached: replies wait and are sent when it is back");
  if (pdw_send_error_get_action (pdw_gateway_monitor_get_last_error_code (monitor)) == PDW_SEND_ACTION_OPEN_SETTINGS)
    return _("WhatsApp refuses the connection's settings: replies wait in the queue");
  if (!pdw_gateway_monitor_get_listening (monitor))
    return _("The webhook receiver is not running: citizens' messages do not arrive");
  if (session != NULL)
    return session_text (monitor, icon_name);

  *problem = pdw_gateway_monitor_get_n_failed (monitor) > 0;
  *icon_name = *problem ? "dialog-warning-symbolic" : "network-idle-symbolic";
  if (pdw_gateway_monitor_get_reach (monitor) == PDW_GATEWAY_REACH_YES)
    return _("Connected to WhatsApp");
  if (pdw_gateway_monitor_get_session (monitor) == PDW_GATEWAY_SESSION_WORKING)
    return _("WAHA: the session is ready");
  return _("WhatsApp is set up; nothing sent yet in this session");
}

static void
pdw_gateway_status_sync (PdwGatewayStatus *self)
{
  const char *icon_name = NULL;
  const char *error;
  gboolean problem = FALSE;
  gint64 last_webhook;
  guint n_queued;
  guint n_failed;
  g_autofree char *webhook = NULL;
  g_autofree char *queue = NULL;
  g_autofree char *tooltip = NULL;

  if (self->monitor == NULL)
    return;

  gtk_label_set_text (self->state_label, state_text (self->monitor, &icon_name, &problem));
  if (g_strcmp0 (pdw_gateway_monitor_get_backend_name (self->monitor), "waha") == 0)
    gtk_label_set_text (self->service_label, _("Service: WAHA"));
  else if (pdw_gateway_monitor_get_backend_name (self->monitor) != NULL)
    gtk_label_set_text (self->service_label, _("Service: WhatsApp Cloud API"));
  gtk_widget_set_visible (GTK_WIDGET (self->service_label),
                          pdw_gateway_monitor_get_backend_name (self->monitor) != NULL);
  gtk_menu_button_set_icon_name (self->button, icon_name);
  if (problem)
    gtk_widget_add_css_class (GTK_WIDGET (self->button), "gateway-problem");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), "gateway-problem");

  last_webhook = pdw_gateway_monitor_get_last_webhook_at (self->monitor);
  if (last_webhook > 0)
    {
      g_autofree char *when = pdw_format_date_time (last_webhook);

      /* Translators: %s is a date and time */
      webhook = g_strdup_printf (_("Last webhook: %s"), when);
    }
  else
    webhook = g_strdup (_("No webhook has arrived yet"));
  gtk_label_set_text (self->webhook_label, webhook);

  n_queued = pdw_gateway_monitor_get_n_queued (self->monitor);
  n_failed = pdw_gateway_monitor_get_n_failed (self->monitor);
  queue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reply waiting to be sent", "%u replies waiting to be sent",
                                        n_queued), n_queued);
  gtk_label_set_text (self->queue_label, queue);

  error = pdw_gateway_monitor_get_last_error (self->monitor);
  gtk_label_set_text (self->error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);

  if (n_failed > 0)
    tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "WhatsApp Connection: %u message not sent",
                                            "WhatsApp Connection: %u messages not sent", n_failed), n_failed);
  else
    tooltip = g_strdup (_("WhatsApp Connection"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);
}

static void
retry_clicked_cb (GtkButton        *button,
                  PdwGatewayStatus *self)
{
  GObject *item = g_object_get_data (G_OBJECT (button), "pdw-item");
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL && !pdw_gateway_monitor_retry (self->monitor, item, &error))
    g_warning ("Cannot send again: %s", error->message);
}

/* One row per failed item: a reply that was not sent, or a citizen's
 * photo or document that was not downloaded. */
static GtkWidget *
create_failed_row (gpointer item,
                   gpointer user_data)
{
  PdwGatewayStatus *self = user_data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *reason = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  const char *text;

  if (PDW_IS_MESSAGE (item) && pdw_message_get_direction (item) == PDW_DIRECTION_IN)
    {
      /* A citizen's photo or document that did not arrive. */
      PdwMessage *message = item;
      const char *filename = pdw_message_get_media_filename (message);
      const char *error = pdw_message_get_media_error (message);
      g_autofree char *title = NULL;

      when = pdw_format_date_time (pdw_message_get_timestamp (message));
      if (filename != NULL && *filename != '\0')
        /* Translators: in the gateway's list of failures: a citizen's document that was not downloaded */
        title = g_strdup_printf (_("Not downloaded: %s"), filename);
      else if (g_strcmp0 (pdw_message_get_message_type (message), "image") == 0)
        title = g_strdup (_("Not downloaded: a photo from the citizen"));
      else if (g_strcmp0 (pdw_message_get_message_type (message), "video") == 0)
        title = g_strdup (_("Not downloaded: a video from the citizen"));
      else if (g_strcmp0 (pdw_message_get_message_type (message), "audio") == 0)
        title = g_strdup (_("Not downloaded: a voice message from the citizen"));
      else
        title = g_strdup (_("Not downloaded: a file from the citizen"));
      subtitle = g_strdup_printf ("%s · %s", when, error != NULL ? error : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
    }
  else if (PDW_IS_MESSAGE (item))
    {
      PdwMessage *message = item;

      text = pdw_message_get_text (message);
      reason = pdw_message_get_error_code (message) != 0
               ? pdw_send_error_dup_explanation (pdw_message_get_error_code (message))
               : g_strdup (pdw_message_get_error_title (message));
      when = pdw_format_date_time (pdw_message_get_timestamp (message));
      subtitle = g_strdup_printf ("%s · %s", when, reason != NULL ? reason : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text != NULL ? text : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
    }

  /* An expired file is gone from WhatsApp: nothing to try again. */
  if (PDW_IS_MESSAGE (item) && pdw_message_get_media_state (item) == PDW_MEDIA_EXPIRED)
    return row;

  button = gtk_button_new_with_mnemonic (_("_Retry"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "pdw-item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (retry_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

void
pdw_gateway_status_set_context (PdwGatewayStatus *self,
                                PdwContext       *context)
{
  g_return_if_fail (PDW_IS_GATEWAY_STATUS (self));
  g_return_if_fail (!context || PDW_IS_CONTEXT (context));

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  g_clear_object (&self->monitor);
  gtk_list_box_bind_model (self->failed_list, NULL, NULL, NULL, NULL);

  if (context == NULL)
    return;

  self->monitor = pdw_gateway_monitor_new (pdw_context_get_store (context));
  g_object_bind_property (context, "gateway", self->monitor, "service", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->monitor, "notify", G_CALLBACK (pdw_gateway_status_sync), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->failed_list, pdw_gateway_monitor_get_failed (self->monitor),
                           create_failed_row, self, NULL);
  pdw_gateway_status_sync (self);
}

PdwGatewayMonitor *
pdw_gateway_status_get_monitor (PdwGatewayStatus *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_STATUS (self), NULL);
  return self->monitor;
}

const char *
pdw_gateway_status_get_service_text (PdwGatewayStatus *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_STATUS (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->service_label)) ? gtk_label_get_text (self->service_label) : NULL;
}

const char *
pdw_gateway_status_get_state_text (PdwGatewayStatus *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_STATUS (self), NULL);
  return gtk_label_get_text (self->state_label);
}

GtkWidget *
pdw_gateway_status_get_button (PdwGatewayStatus *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_STATUS (self), NULL);
  return GTK_WIDGET (self->button);
}

GtkListBox *
pdw_gateway_status_get_failed_list (PdwGatewayStatus *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_STATUS (self), NULL);
  return self->failed_list;
}

static void
pdw_gateway_status_dispose (GObject *object)
{
  PdwGatewayStatus *self = PDW_GATEWAY_STATUS (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  if (self->failed_list != NULL)
    gtk_list_box_bind_model (self->failed_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_GATEWAY_STATUS);
  g_clear_object (&self->monitor);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pdw_gateway_status_parent_class)->dispose (object);
}

static void
pdw_gateway_status_class_init (PdwGatewayStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_gateway_status_dispose;

  (void) pdw_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-gateway-status.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwGatewayStatus, button);
  gtk_widget_class_bind_template_child (widget_class, PdwGatewayStatus, service_label);
  gtk_widget_class_bind_template_child (widget_class, PdwGatewayStatus, state_label);
  gtk_widget_class_bind_template_child (widget_class, PdwGatewayStatus, webhook_label);
  gtk_widget_class_bind_template_child (widget_class, PdwGatewayStatus, queue_label);
  gtk_widget_class_bind_template_child (widget_class, PdwGatewayStatus, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdwGatewayStatus, settings_button);
  gtk_widget_class_bind_template_child (widget_class, PdwGatewayStatus, failed_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pdw_gateway_status_init (PdwGatewayStatus *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("Every reply went out"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->failed_list, placeholder);
}
