/* pdw-connection-page.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gateway/pdw-gateway-service.h"

#include "pdw-connection-page.h"

/* The secrets the page edits; the WAHA API key waits for its backend. */
#define N_ROWS 3

struct _PdwConnectionPage
{
  PdwPreferencesPage    parent_instance;

  /* Template Widgets */
  AdwEntryRow          *phone_number_id_row;
  AdwEntryRow          *graph_url_row;
  AdwEntryRow          *api_version_row;
  AdwEntryRow          *listen_address_row;
  GtkSpinButton        *port_spin;
  AdwPreferencesGroup  *secrets_group;
  GtkWidget            *apply_button;
  AdwEntryRow          *access_token_row;
  AdwEntryRow          *app_secret_row;
  AdwEntryRow          *verify_token_row;

  /* Owned References */
  GCancellable         *cancellable;
  PdwSecretStore       *store;

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

static void
pdw_connection_page_constructed (GObject *object)
{
  PdwConnectionPage *self = (PdwConnectionPage *)object;
  GSettings *settings;

  G_OBJECT_CLASS (pdw_connection_page_parent_class)->constructed (object);

  settings = pdw_preferences_page_get_settings (PDW_PREFERENCES_PAGE (self));
  g_assert (settings != NULL);

  g_settings_bind (settings, "phone-number-id", self->phone_number_id_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "graph-url", self->graph_url_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "api-version", self->api_version_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "webhook-listen-address", self->listen_address_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "webhook-port", self->port_spin, "value", G_SETTINGS_BIND_DEFAULT);
  /* Secrets are kept per phone number id. */
  g_signal_connect_object (settings, "changed::phone-number-id",
                           G_CALLBACK (pdw_connection_page_sync_saved), self, G_CONNECT_SWAPPED);

  pdw_secret_store_new_async (self->cancellable, store_ready_cb, g_object_ref (self));
}

static void
pdw_connection_page_dispose (GObject *object)
{
  PdwConnectionPage *self = (PdwConnectionPage *)object;

  g_cancellable_cancel (self->cancellable);
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
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, phone_number_id_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, graph_url_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, api_version_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, listen_address_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, port_spin);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, secrets_group);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, apply_button);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, access_token_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, app_secret_row);
  gtk_widget_class_bind_template_child (widget_class, PdwConnectionPage, verify_token_row);
}

static void
pdw_connection_page_init (PdwConnectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows[PDW_SECRET_ACCESS_TOKEN] = self->access_token_row;
  self->rows[PDW_SECRET_APP_SECRET] = self->app_secret_row;
  self->rows[PDW_SECRET_VERIFY_TOKEN] = self->verify_token_row;
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
  /* Until the store is known. */
  gtk_widget_set_sensitive (self->apply_button, FALSE);
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
