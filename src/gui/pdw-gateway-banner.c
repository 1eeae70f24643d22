/* pdw-gateway-banner.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gui/pdw-resources.h"

#include "core/pdw-send-error.h"

#include "gateway/pdw-gateway-backend.h"
#include "pdw-gateway-banner.h"

struct _PdwGatewayBanner
{
  AdwBin        parent_instance;

  /* Template Widgets */
  GtkRevealer  *setup_revealer;
  GtkLabel     *setup_label;
  GtkWidget    *setup_button;
  GtkRevealer  *error_revealer;
  GtkLabel     *error_label;
  GtkWidget    *error_settings_button;

  /* Owned References */
  PdwContext   *context;
  /* Follows whichever gateway is current. */
  GSignalGroup *gateway_signals;
  char         *start_error;
  char         *subtitle;
};

G_DEFINE_FINAL_TYPE (PdwGatewayBanner, pdw_gateway_banner, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pdw_gateway_banner_sync (PdwGatewayBanner *self)
{
  PdwGatewayService *gateway = self->context != NULL ? pdw_context_get_gateway (self->context) : NULL;
  gboolean configured = gateway != NULL && pdw_gateway_config_can_send (pdw_gateway_service_get_config (gateway));
  const char *error = self->start_error;
  const char *subtitle;
  gboolean settings = FALSE;

  if (gateway == NULL)
    subtitle = _("Gateway off: replies are queued");
  else if (!configured)
    subtitle = _("WhatsApp not connected");
  else if (!pdw_gateway_service_get_listening (gateway))
    subtitle = _("Gateway not running: replies are queued");
  else if (g_strcmp0 (pdw_gateway_backend_get_name (pdw_gateway_service_get_backend (gateway)), "waha") == 0 &&
           pdw_gateway_service_get_session (gateway) != PDW_GATEWAY_SESSION_WORKING)
    /* The office phone unlinked, the session stopped: the popover says which. */
    subtitle = _("WAHA session not ready");
  else
    subtitle = _("Connected to WhatsApp");

  if (g_strcmp0 (subtitle, self->subtitle) != 0)
    {
      g_free (self->subtitle);
      self->subtitle = g_strdup (subtitle);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
    }

  gtk_revealer_set_reveal_child (self->setup_revealer, gateway != NULL && !configured);

  /* Unconfigured, every send fails for that reason: the setup line
   * above already says so, with the same way out. */
  if (error == NULL && gateway != NULL && configured)
    {
      int code = pdw_outbox_get_last_error_code (pdw_gateway_service_get_outbox (gateway));

      error = pdw_gateway_service_get_last_error (gateway);
      /* An expired token (190) and the like: the way out is the settings. */
      settings = error != NULL && pdw_send_error_get_action (code) == PDW_SEND_ACTION_OPEN_SETTINGS;
    }
  gtk_widget_set_visible (self->error_settings_button, settings);
  if (error != NULL)
    gtk_label_set_text (self->error_label, error);
  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);
}

void
pdw_gateway_banner_set_context (PdwGatewayBanner *self,
                                PdwContext       *context)
{
  g_return_if_fail (PDW_IS_GATEWAY_BANNER (self));
  g_return_if_fail (!context || PDW_IS_CONTEXT (context));

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);

  g_signal_group_set_target (self->gateway_signals, context != NULL ? pdw_context_get_gateway (context) : NULL);
  if (context != NULL)
    {
      g_object_bind_property (context, "gateway", self->gateway_signals, "target", G_BINDING_SYNC_CREATE);
      g_signal_connect_swapped (context, "notify::gateway", G_CALLBACK (pdw_gateway_banner_sync), self);
    }
  pdw_gateway_banner_sync (self);
}

void
pdw_gateway_banner_set_start_error (PdwGatewayBanner *self,
                                    const char       *message)
{
  g_return_if_fail (PDW_IS_GATEWAY_BANNER (self));

  g_free (self->start_error);
  self->start_error = g_strdup (message);
  pdw_gateway_banner_sync (self);
}

const char *
pdw_gateway_banner_get_subtitle (PdwGatewayBanner *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_BANNER (self), NULL);
  return self->subtitle;
}

const char *
pdw_gateway_banner_get_error_text (PdwGatewayBanner *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_BANNER (self), NULL);
  return gtk_revealer_get_reveal_child (self->error_revealer) ? gtk_label_get_text (self->error_label) : NULL;
}

GtkWidget *
pdw_gateway_banner_get_error_settings_button (PdwGatewayBanner *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_BANNER (self), NULL);
  return gtk_revealer_get_reveal_child (self->error_revealer) && gtk_widget_get_visible (self->error_settings_button)
         ? self->error_settings_button : NULL;
}

GtkWidget *
pdw_gateway_banner_get_setup_button (PdwGatewayBanner *self)
{
  g_return_val_if_fail (PDW_IS_GATEWAY_BANNER (self), NULL);
  return gtk_revealer_get_reveal_child (self->setup_revealer) ? self->setup_button : NULL;
}

static void
pdw_gateway_banner_dispose (GObject *object)
{
  PdwGatewayBanner *self = PDW_GATEWAY_BANNER (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  if (self->gateway_signals != NULL)
    g_signal_group_set_target (self->gateway_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_GATEWAY_BANNER);

  g_clear_object (&self->gateway_signals);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pdw_gateway_banner_parent_class)->dispose (object);
}

static void
pdw_gateway_banner_finalize (GObject *object)
{
  PdwGatewayBanner *self = PDW_GATEWAY_BANNER (object);

  g_free (self->start_error);
  g_free (self->subtitle);

  G_OBJECT_CLASS (pdw_gateway_banner_parent_class)->finalize (object);
}

static void
pdw_gateway_banner_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PdwGatewayBanner *self = PDW_GATEWAY_BANNER (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_gateway_banner_class_init (PdwGatewayBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_gateway_banner_dispose;
  object_class->finalize = pdw_gateway_banner_finalize;
  object_class->get_property = pdw_gateway_banner_get_property;

  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  (void) pdw_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-gateway-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwGatewayBanner, setup_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdwGatewayBanner, setup_label);
  gtk_widget_class_bind_template_child (widget_class, PdwGatewayBanner, setup_button);
  gtk_widget_class_bind_template_child (widget_class, PdwGatewayBanner, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdwGatewayBanner, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdwGatewayBanner, error_settings_button);
}

static void
pdw_gateway_banner_init (PdwGatewayBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ellipsized on a narrow window: the whole sentence stays in reach. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->setup_label), gtk_label_get_label (self->setup_label));

  self->gateway_signals = g_signal_group_new (PDW_TYPE_GATEWAY_SERVICE);
  g_signal_group_connect_swapped (self->gateway_signals, "notify::listening",
                                  G_CALLBACK (pdw_gateway_banner_sync), self);
  g_signal_group_connect_swapped (self->gateway_signals, "notify::last-error",
                                  G_CALLBACK (pdw_gateway_banner_sync), self);
  g_signal_group_connect_swapped (self->gateway_signals, "config-changed",
                                  G_CALLBACK (pdw_gateway_banner_sync), self);
  g_signal_group_connect_swapped (self->gateway_signals, "notify::session",
                                  G_CALLBACK (pdw_gateway_banner_sync), self);
}
