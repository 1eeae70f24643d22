/* pdw-connection-page.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gateway/pdw-gateway-backend.h"
#include "gateway/pdw-gateway-service.h"
#include "gateway/pdw-graph-client.h"

#include "pdw-connection-page.h"

/* The secrets the page edits, by PdwSecretKind. */
#define N_ROWS PDW_SECRET_N_KINDS

/* The choices of the Service row, in its order: the values of the
 * gateway-backend setting. */
static const char * const backend_names[] = { "graph", "waha" };

struct _PdwConnectionPage
{
  PdwPreferencesPage    parent_instance;

  /* Template Widgets */
  AdwComboRow          *backend_row;
  AdwPreferencesGroup  *graph_group;
  AdwEntryRow          *phone_number_id_row;
  AdwEntryRow          *graph_url_row;
  AdwEntryRow          *api_version_row;
  AdwPreferencesGroup  *waha_group;
  AdwEntryRow          *waha_url_row;
  AdwEntryRow          *waha_session_row;
  AdwPreferencesGroup  *webhook_group;
  AdwEntryRow          *listen_address_row;
  GtkSpinButton        *port_spin;
  AdwPreferencesGroup  *secrets_group;
  GtkWidget            *apply_button;
  AdwEntryRow          *access_token_row;
  AdwEntryRow          *waha_api_key_row;
  AdwEntryRow          *app_secret_row;
  AdwEntryRow          *verify_token_row;
  AdwActionRow         *test_row;
  GtkImage             *test_icon;
  GtkSpinner           *test_spinner;
  GtkWidget            *test_button;

  /* Owned References */
  GCancellable         *cancellable;
  PdwSecretStore       *store;
  /* The connection test under way (NULL when none). */
  GCancellable         *test_cancellable;
  PdwGatewayBackend    *test_backend;
  PdwConnectionTestResult test_result;

  /* Borrowed References */
  AdwEntryRow          *rows[N_ROWS];          /* by PdwSecretKind */
  GtkWidget            *saved_labels[N_ROWS];

  guint                 pending;              /* stores in flight */
  gboolean              failed;
};

G_DEFINE_FINAL_TYPE (PdwConnectionPage, pdw_connection_page, PDW_TYPE_PREFERENCES_PAGE)

static void
set_saved (PdwConnectionPage *self,
           PdwSecretKind      kind,
           gboolean           saved)
{
  gtk_widget_set_visible (self->saved_labels[kind], saved);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PdwConnectionPage *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = pdw_secret_store_lookup_finish (PDW_SECRET_STORE (source), result, &error);
  PdwSecretKind kind = GPOINTER_TO_UINT (g_task_get_task_data (task));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Only whether one is saved shows, never the secret itself. */
  set_saved (self, kind, secret != NULL);
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_task_return_boolean (task, TRUE);
}

static void
pdw_connection_page_sync_saved (PdwConnectionPage *self)
{
  g_autofree char *phone_number_id = NULL;

  if (self->store == NULL)
    return;

  phone_number_id = g_settings_get_string (pdw_preferences_page_get_settings (PDW_PREFERENCES_PAGE (self)),
                                           "phone-number-id");
  for (guint kind = 0; kind < N_ROWS; kind++)
    {
      GTask *task = g_task_new (self, self->cancellable, NULL, NULL);

      g_task_set_task_data (task, GUINT_TO_POINTER (kind), NULL);
      pdw_secret_store_lookup_async (self->store, kind, phone_number_id, self->cancellable, lookup_cb, task);
    }
}

static void
store_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PdwConnectionPage) self = user_data;
  g_autoptr(PdwSecretStore) store = pdw_secret_store_new_finish (result, NULL);

  if (store == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  self->store = g_steal_pointer (&store);
  if (pdw_secret_store_is_fallback (self->store))
    adw_preferences_group_set_description (self->secrets_group,
                                           _("No keyring: the secrets are kept in a file only this account can read"));
  gtk_widget_set_sensitive (self->apply_button, TRUE);
  gtk_widget_set_sensitive (self->test_button, self->test_cancellable == NULL);
  pdw_connection_page_sync_saved (self);
}

static void
reload_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PdwConnectionPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pdw_gateway_service_reload_finish (PDW_GATEWAY_SERVICE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        pdw_preferences_page_show_row_error (PDW_PREFERENCES_PAGE (self), self->apply_button, error);
      return;
    }
  pdw_preferences_page_toast (PDW_PREFERENCES_PAGE (self), _("WhatsApp connection settings applied"));
}

/* Every secret typed is saved: the gateway reads them all again. */
static void
pdw_connection_page_finish_apply (PdwConnectionPage *self)
{
  PdwPreferencesPage *page = PDW_PREFERENCES_PAGE (self);
  PdwGatewayService *gateway = pdw_context_get_gateway (pdw_preferences_page_get_context (page));

  gtk_widget_set_sensitive (self->apply_button, TRUE);
  if (self->failed)
    return;
  if (gateway == NULL)
    {
      pdw_preferences_page_toast (page, _("WhatsApp connection settings saved"));
      return;
    }
  pdw_gateway_service_reload_async (gateway, pdw_preferences_page_get_settings (page), self->store,
                                    self->cancellable, reload_cb, g_object_ref (self));
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PdwConnectionPage *self = g_task_get_source_object (task);
  PdwSecretKind kind = GPOINTER_TO_UINT (g_task_get_task_data (task));
  g_autoptr(GError) error = NULL;

  if (!pdw_secret_store_store_finish (PDW_SECRET_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->failed = TRUE;
      pdw_preferences_page_show_row_error (PDW_PREFERENCES_PAGE (self), GTK_WIDGET (self->rows[kind]), error);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->rows[kind]), "");
      set_saved (self, kind, TRUE);
    }
  g_task_return_boolean (task, TRUE);

  if (--self->pending == 0)
    pdw_connection_page_finish_apply (self);
}

void
pdw_connection_page_apply (PdwConnectionPage *self)
{
  g_autofree char *phone_number_id = NULL;

  g_return_if_fail (PDW_IS_CONNECTION_PAGE (self));

  if (self->store == NULL || self->pending > 0)
    return;

  phone_number_id = g_settings_get_string (pdw_preferences_page_get_settings (PDW_PREFERENCES_PAGE (self)),
                                           "phone-number-id");
  self->failed = FALSE;
  gtk_widget_set_sensitive (self->apply_button, FALSE);
  /* Held while the stores run, so that the last one finishes the apply. */
  self->pending = 1;
  for (guint kind = 0; kind < N_ROWS; kind++)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[kind]))));
      GTask *task;

      if (text[0] == '\0')
        continue;
      task = g_task_new (self, self->cancellable, NULL, NULL);
      g_task_set_task_data (task, GUINT_TO_POINTER (kind), NULL);
      self->pending++;
      pdw_secret_store_store_async (self->store, kind, phone_number_id, text, self->cancellable, store_cb, task);
      memset (text, 0, strlen (text));
    }
  if (--self->pending == 0)
    pdw_connection_page_finish_apply (self);
}

/* ---- The service chosen ---------------------------------------------------- */

static gboolean
backend_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  const char *name = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (backend_names); i++)
    if (g_str_equal (name, backend_names[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
backend_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (backend_names))
    return NULL;
  return g_variant_new_string (backend_names[selected]);
}

static gboolean
pdw_connection_page_is_waha (PdwConnectionPage *self)
{
  return adw_combo_row_get_selected (self->backend_row) == 1;
}

static void
set_test_result (PdwConnectionPage       *self,
                 PdwConnectionTestResult  result,
                 const char              *text)
{
  static const char * const classes[] = { "success", "warning", "error", "dim-label" };
  const char *icon_name = "network-transmit-receive-symbolic";
  const char *css_class = "dim-label";

  self->test_result = result;
  switch (result)
    {
    case PDW_CONNECTION_TEST_OK:      icon_name = "emblem-ok-symbolic";      css_class = "success"; break;
    case PDW_CONNECTION_TEST_WARNING: icon_name = "dialog-warning-symbolic"; css_class = "warning"; break;
    case PDW_CONNECTION_TEST_FAILED:  icon_name = "dialog-error-symbolic";   css_class = "error";   break;
    case PDW_CONNECTION_TEST_NONE:
    case PDW_CONNECTION_TEST_RUNNING:
    default:
      break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->test_icon), classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->test_icon), css_class);
  gtk_image_set_from_icon_name (self->test_icon, icon_name);

  gtk_spinner_set_spinning (self->test_spinner, result == PDW_CONNECTION_TEST_RUNNING);
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), result == PDW_CONNECTION_TEST_RUNNING);
  gtk_widget_set_sensitive (self->test_button, result != PDW_CONNECTION_TEST_RUNNING && self->store != NULL);
  adw_action_row_set_subtitle (self->test_row, text);
}

static void
pdw_connection_page_cancel_test (PdwConnectionPage *self)
{
  g_cancellable_cancel (self->test_cancellable);
  g_clear_object (&self->test_cancellable);
  g_clear_object (&self->test_backend);
}

/* Shows the rows of the service chosen, and says what the shared ones
 * mean for it. */
static void
pdw_connection_page_sync_backend (PdwConnectionPage *self)
{
  gboolean waha = pdw_connection_page_is_waha (self);

  gtk_widget_set_visible (GTK_WIDGET (self->graph_group), !waha);
  gtk_widget_set_visible (GTK_WIDGET (self->waha_group), waha);
  gtk_widget_set_visible (GTK_WIDGET (self->access_token_row), !waha);
  gtk_widget_set_visible (GTK_WIDGET (self->verify_token_row), !waha);
  gtk_widget_set_visible (GTK_WIDGET (self->waha_api_key_row), waha);

  if (waha)
    {
      /* Translators: the key WAHA signs its webhooks with: "hmac.key" is the name of WAHA's setting, keep it */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->app_secret_row), _("Webhook HMAC key (WAHA's hmac.key)"));
      adw_preferences_group_set_description (self->webhook_group,
                                             _("Where WAHA delivers the citizens' messages: set http://ADDRESS:PORT/webhook as "
                                               "the session's webhook URL in WAHA, and the webhook HMAC key below as its "
                                               "hmac.key (or WHATSAPP_HOOK_URL and WHATSAPP_HOOK_HMAC_KEY)"));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->app_secret_row), _("App secret"));
      adw_preferences_group_set_description (self->webhook_group,
                                             _("Where Meta delivers the citizens' messages (behind a reverse proxy that terminates HTTPS)"));
    }

  /* A result about the other service would mislead. */
  pdw_connection_page_cancel_test (self);
  set_test_result (self, PDW_CONNECTION_TEST_NONE,
                   _("Tries the values on this page, applied or not, without changing the running connection"));
}

/* ---- Tes koneksi -------------------------------------------------------------- */

static char *
dup_session_text (PdwGatewaySession        session,
                  const PdwGatewayConfig  *config,
                  PdwConnectionTestResult *result)
{
  *result = session == PDW_GATEWAY_SESSION_WORKING ? PDW_CONNECTION_TEST_OK : PDW_CONNECTION_TEST_WARNING;

  if (!pdw_gateway_config_is_waha (config))
    /* Translators: %s is the WhatsApp Cloud API's phone number ID */
    return g_strdup_printf (_("Connected: number %s can be used"), config->phone_number_id);

  switch (session)
    {
    case PDW_GATEWAY_SESSION_WORKING:
      return g_strdup (_("The WAHA session is ready: replies can be sent"));
    case PDW_GATEWAY_SESSION_SCAN_QR:
      return g_strdup (_("WAHA answers, but the session waits for its QR code to be scanned on the office phone "
                         "(the code is on WAHA's dashboard)"));
    case PDW_GATEWAY_SESSION_STARTING:
      return g_strdup (_("The WAHA session is starting: test again in a moment"));
    case PDW_GATEWAY_SESSION_STOPPED:
      return g_strdup (_("The WAHA session is stopped: start it on WAHA's dashboard"));
    case PDW_GATEWAY_SESSION_FAILED:
      return g_strdup (_("The WAHA session failed: restart it on WAHA's dashboard, or link the office phone again"));
    case PDW_GATEWAY_SESSION_UNKNOWN:
    default:
      /* Translators: %s is the name of the WAHA session, e.g. "default" */
      return g_strdup_printf (_("WAHA answers, but does not say the state of session “%s”"), config->waha_session);
    }
}

static char *
dup_failure_text (const GError           *error,
                  const PdwGatewayConfig *config)
{
  g_autofree char *reason = NULL;

  if (error->domain == PDW_GRAPH_ERROR)
    reason = pdw_graph_error_dup_officer_text (error);
  else if (error->domain == PDW_GATEWAY_BACKEND_ERROR)
    reason = g_strdup (error->message);
  else
    /* Translators: the first %s is a URL, the second why it cannot be reached */
    reason = g_strdup_printf (_("%s cannot be reached: %s"),
                              pdw_gateway_config_is_waha (config) ? config->waha_url : config->graph_url,
                              error->message);

  /* Translators: the result of the connection test; %s says why */
  return g_strdup_printf (_("Not connected. %s"), reason);
}

static void
probe_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PdwConnectionPage *self = g_task_get_source_object (task);
  const PdwGatewayConfig *config = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PdwConnectionTestResult outcome = PDW_CONNECTION_TEST_FAILED;
  PdwGatewaySession session;

  session = pdw_gateway_backend_probe_finish (PDW_GATEWAY_BACKEND (source), result, &error);
  /* Cancelled: the page went away or the service changed. */
  if (g_task_return_error_if_cancelled (task))
    return;

  g_clear_object (&self->test_backend);
  g_clear_object (&self->test_cancellable);
  if (error != NULL)
    text = dup_failure_text (error, config);
  else
    text = dup_session_text (session, config, &outcome);
  set_test_result (self, outcome, text);
  g_task_return_boolean (task, TRUE);
}

static void
test_fill_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PdwConnectionPage *self = g_task_get_source_object (task);
  g_autoptr(PdwGatewayConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  config = pdw_secret_store_fill_config_finish (PDW_SECRET_STORE (source), result, &error);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (config == NULL)
    /* Translators: the result of the connection test; %s says why */
    text = g_strdup_printf (_("Not connected. The saved secrets cannot be read: %s"), error->message);
  else
    {
      /* What is typed and not yet applied goes before what is saved. */
      for (guint kind = 0; kind < N_ROWS; kind++)
        {
          const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->rows[kind]));

          if (typed[0] != '\0')
            pdw_gateway_config_set_secret (pdw_secret_kind_get_config_field (config, kind),
                                           g_strstrip (g_strdup (typed)));
        }
      self->test_backend = pdw_gateway_backend_new_for_config (config, &error);
      if (self->test_backend == NULL)
        text = dup_failure_text (error, config);
    }

  if (self->test_backend == NULL)
    {
      g_clear_object (&self->test_cancellable);
      set_test_result (self, PDW_CONNECTION_TEST_FAILED, text);
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_task_set_task_data (task, g_steal_pointer (&config), (GDestroyNotify) pdw_gateway_config_free);
  pdw_gateway_backend_probe_async (self->test_backend, self->test_cancellable, probe_cb, g_steal_pointer (&task));
}

void
pdw_connection_page_test_connection (PdwConnectionPage *self)
{
  g_autoptr(PdwGatewayConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  GTask *task;

  g_return_if_fail (PDW_IS_CONNECTION_PAGE (self));

  if (self->store == NULL || self->test_cancellable != NULL)
    return;

  /* The settings as the page shows them, the secret files serve reads,
   * then the secrets saved, then those typed. */
  config = pdw_gateway_config_new ();
  pdw_gateway_config_load_settings (config, pdw_preferences_page_get_settings (PDW_PREFERENCES_PAGE (self)));
  if (!pdw_gateway_config_load_secrets (config, &error))
    g_debug ("Connection test without the secret files: %s", error->message);

  self->test_cancellable = g_cancellable_new ();
  set_test_result (self, PDW_CONNECTION_TEST_RUNNING, _("Trying the connection…"));
  task = g_task_new (self, self->test_cancellable, NULL, NULL);
  g_task_set_source_tag (task, pdw_connection_page_test_connection);
  pdw_secret_store_fill_config_async (self->store, config, self->test_cancellable, test_fill_cb, task);
}

PdwConnectionTestResult
pdw_connection_page_get_test_result (PdwConnectionPage *self)
{
  g_return_val_if_fail (PDW_IS_CONNECTION_PAGE (self), PDW_CONNECTION_TEST_NONE);

  return self->test_result;
}

const char *
pdw_connection_page_get_test_text (PdwConnectionPage *self)
{
  g_return_val_if_fail (PDW_IS_CONNECTION_PAGE (self), NULL);

  return adw_action_row_get_subtitle (self->test_row);
}

static void
pdw_connection_page_constructed (GObject *object)
{
  PdwConnectionPage *self = (PdwConnectionPage *)object;
  GSettings *settings;

  G_OBJECT_CLASS (pdw_connection_page_parent_class)->constructed (object);

  settings = pdw_preferences_page_get_settings (PDW_PREFERENCES_PAGE (self));
  g_assert (settings != NULL);

  g_settings_bind_with_mapping (settings, "gateway-backend", self->backend_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                backend_get_mapping, backend_set_mapping, NULL, NULL);
  g_settings_bind (settings, "phone-number-id", self->phone_number_id_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "graph-url", self->graph_url_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "api-version", self->api_version_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "waha-url", self->waha_url_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "waha-session", self->waha_session_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "webhook-listen-address", self->listen_address_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "webhook-port", self->port_spin, "value", G_SETTINGS_BIND_DEFAULT);
  /* Secrets are kept per phone number id. */
  g_signal_connect_object (settings, "changed::phone-number-id",
                           G_CALLBACK (pdw_connection_page_sync_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->backend_row, "notify::selected",
                           G_CALLBACK (pdw_connection_page_sync_backend), self, G_CONNECT_SWAPPED);
  pdw_connection_page_sync_backend (self);

  pdw_secret_store_new_async (self->cancellable, store_ready_cb, g_object_ref (self));
}

static void
pdw_connection_page_dispose (GObject *object)
{
  PdwConnectionPage *self = (PdwConnectionPage *)object;

  g_cancellable_cancel (self->cancellable);
  pdw_connection_page_cancel_test (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), PDW_TYPE_CONNECTION_PAGE);

  G_OBJECT_CLASS (pdw_connection_page_parent_class)->dispose (object);
}

static void
pdw_connection_page_finalize (GObject *object)
{
  PdwConnectionPage *self = (PdwConnectionPage *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pdw_connection_page_parent_class)->finalize (object);
}

static void
pdw_connection_page_class_init (PdwConnectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pdw_connection_page_constructed;
  object_class->dispose = pdw_connection_page_dispose;
  object_class->finalize = pdw_connection_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-connection-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, backend_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, graph_group);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, phone_number_id_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, graph_url_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, api_version_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, waha_group);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, waha_url_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, waha_session_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, webhook_group);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, listen_address_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, port_spin);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, secrets_group);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, apply_button);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, access_token_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, app_secret_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, verify_token_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, waha_api_key_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, test_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, test_icon);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, test_button);
}

static void
pdw_connection_page_init (PdwConnectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows[PDW_SECRET_ACCESS_TOKEN] = self->access_token_row;
  self->rows[PDW_SECRET_APP_SECRET] = self->app_secret_row;
  self->rows[PDW_SECRET_VERIFY_TOKEN] = self->verify_token_row;
  self->rows[PDW_SECRET_WAHA_API_KEY] = self->waha_api_key_row;
  for (guint kind = 0; kind < N_ROWS; kind++)
    {
      /* TRANSLATORS: beside a secret that is stored (its value is never shown) */
      self->saved_labels[kind] = gtk_label_new (_("Saved"));
      gtk_widget_add_css_class (self->saved_labels[kind], "dim-label");
      gtk_widget_set_visible (self->saved_labels[kind], FALSE);
      adw_entry_row_add_suffix (self->rows[kind], self->saved_labels[kind]);
    }
  g_signal_connect_object (self->apply_button, "clicked",
                           G_CALLBACK (pdw_connection_page_apply), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->test_button, "clicked",
                           G_CALLBACK (pdw_connection_page_test_connection), self, G_CONNECT_SWAPPED);
  /* Until the store is known. */
  gtk_widget_set_sensitive (self->apply_button, FALSE);
  gtk_widget_set_sensitive (self->test_button, FALSE);
}

PdwSecretStore *
pdw_connection_page_get_secret_store (PdwConnectionPage *self)
{
  g_return_val_if_fail (PDW_IS_CONNECTION_PAGE (self), NULL);

  return self->store;
}

gboolean
pdw_connection_page_get_saved (PdwConnectionPage *self,
                               PdwSecretKind      kind)
{
  g_return_val_if_fail (PDW_IS_CONNECTION_PAGE (self), FALSE);
  g_return_val_if_fail ((guint) kind < N_ROWS, FALSE);

  return gtk_widget_get_visible (self->saved_labels[kind]);
}
