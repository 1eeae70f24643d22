/* pdw-simulator.c
 *
 * All people, numbers, NIKs and KKs below are synthetic.  Phone numbers use
 * the +62 800 range, which is not a mobile range; NIKs and KKs are built
 * from Pekanbaru district codes (1471xx), made-up dates and 9xxx serials.
 * The citizens' texts are data, written as people type on WhatsApp, and are
 * not translated.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "core/pdw-approved-template.h"
#include "pdw-simulator-private.h"

#define MAX_RETRY_DELAY_MS    5000

/* How a simulated citizen recognises the survey question: the answers the
 * shipped template (pdw-template.c) lists. */
#define SURVEY_MARK "4 = Sangat baik"

typedef struct
{
  guint       citizen;
  guint       delay_ms;   /* after the previous step, at speed 1 */
  PdwSimulatorKind kind;
  const char *text;       /* body, or caption */
} ScriptStep;

static const ScriptStep script[] = {
  { 0, 1200, PDW_SIMULATOR_TEXT, "assalamualaikum min" },
  { 1, 1500, PDW_SIMULATOR_TEXT, "#1471056203929002#Siti Aminah#1471052001159012#nik sy tdk aktif di bpjs kesehatan" },
  { 0, 2500, PDW_SIMULATOR_TEXT, "nik sy 1471011508859001 data sy tdk aktif di bank mohon bantuannya min" },
  { 2, 3000, PDW_SIMULATOR_TEXT, "Selamat pagi pak.\nNama: Budi Santoso\nNIK: 1471081207789003\nNo KK 1471080503109013\nmau tanya knp nik sy gk bs dipakai daftar kartu hp" },
  { 3, 2500, PDW_SIMULATOR_IMAGE, "foto KK saya" },
  { 4, 2000, PDW_SIMULATOR_TEXT, "pagi min, sy mau urus data yg gak sinkron di bank BRI" },
  { 3, 3000, PDW_SIMULATOR_TEXT, "nik:1471074408959004 tolong dicek ya bu, kata petugas bank data saya ganda" },
  { 5, 2500, PDW_SIMULATOR_DOCUMENT, "ini surat dari bank min" },
  { 4, 2000, PDW_SIMULATOR_TEXT, "NIK 1471 0923 0690 9005\nkk 1471090101129015" },
  { 6, 3000, PDW_SIMULATOR_UNSUPPORTED, NULL },
  { 6, 2500, PDW_SIMULATOR_TEXT, "maaf td pesan sy tdk terkirim. nik 1471101103809006 tdk aktif utk bpjs" },
  { 7, 3000, PDW_SIMULATOR_TEXT, "halo" },
  { 5, 1500, PDW_SIMULATOR_TEXT, "nama dewi lestari nik 1471126112879007 mohon bantuannya" },
  { 7, 2500, PDW_SIMULATOR_TEXT, "mohon bantuannya min, data kk sy blm update stlh pindah, no kk 1471110402189016" },
  { 8, 3000, PDW_SIMULATOR_TEXT, "Selamat siang, saya Yusuf. Nik saya 1471152808009008 tidak aktif di bank mandiri, mohon dibantu" },
  { 8, 2000, PDW_SIMULATOR_CONTACTS, NULL },
};

typedef struct
{
  char    *body;
  char    *wamid;      /* scripted message: reported once acknowledged */
  char    *wa_id;
  char    *type;
  guint    attempts;
} PendingPost;


G_DEFINE_FINAL_TYPE (PdwSimulator, pdw_simulator, G_TYPE_OBJECT)

enum {
  MESSAGE_POSTED,
  REPLY_RECEIVED,
  TEMPLATE_RECEIVED,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void post_next (PdwSimulator *self);

static void
pending_post_free (PendingPost *post)
{
  g_free (post->body);
  g_free (post->wamid);
  g_free (post->wa_id);
  g_free (post->type);
  g_free (post);
}

static guint
scaled (PdwSimulator *self,
        guint         ms)
{
  return (guint) MAX (1.0, ms / self->speed);
}

static guint
jitter_ms (PdwSimulator *self,
           guint         low,
           guint         high)
{
  return scaled (self, g_rand_int_range (self->rand, low, high + 1));
}

gint64
_pdw_simulator_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static const PdwSimulatorCitizen *
find_citizen (PdwSimulator *self,
              const char   *wa_id)
{
  for (guint i = 0; i < PDW_SIMULATOR_N_CITIZENS; i++)
    if (g_strcmp0 (self->cast[i].wa_id, wa_id) == 0)
      return &self->cast[i];
  return NULL;
}

static void
check_finished (PdwSimulator *self)
{
  if (self->finished)
    return;
  if (self->next_step < G_N_ELEMENTS (script) || self->n_timers > 0 ||
      self->posting || !g_queue_is_empty (&self->posts) ||
      self->n_replies < self->expected_replies)
    return;

  self->finished = TRUE;
  g_signal_emit (self, signals[FINISHED], 0);
}

/* ---- Webhook posting -------------------------------------------------- */

void
_pdw_simulator_queue_post (PdwSimulator *self,
                           char         *body,
                           const char   *wamid,
                           const char   *wa_id,
                           const char   *type)
{
  PendingPost *post = g_new0 (PendingPost, 1);

  post->body = body;
  post->wamid = g_strdup (wamid);
  post->wa_id = g_strdup (wa_id);
  post->type = g_strdup (type);
  g_queue_push_tail (&self->posts, post);
  post_next (self);
}

static gboolean
retry_cb (gpointer user_data)
{
  PdwSimulator *self = user_data;

  self->retry_id = 0;
  post_next (self);
  return G_SOURCE_REMOVE;
}

static void
post_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PdwSimulator) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *msg;
  PendingPost *post;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->session == NULL)
    return;

  self->posting = FALSE;
  post = g_queue_peek_head (&self->posts);
  msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  status = bytes != NULL ? soup_message_get_status (msg) : 0;

  if (status != SOUP_STATUS_OK)
    {
      /* Like Meta: anything but 200 is delivered again, later. */
      guint delay = MIN (250u << MIN (post->attempts, 5u), (guint) MAX_RETRY_DELAY_MS);

      post->attempts++;
      if (post->attempts == 1 || post->attempts % 10 == 0)
        g_message ("Webhook post failed (%s), retrying", error != NULL ? error->message : soup_status_get_phrase (status));
      self->retry_id = g_timeout_add (delay, retry_cb, self);
      return;
    }

  post = g_queue_pop_head (&self->posts);
  if (post->wamid != NULL)
    g_signal_emit (self, signals[MESSAGE_POSTED], 0, post->wamid, post->wa_id, post->type);
  pending_post_free (post);

  post_next (self);
  check_finished (self);
}

static void
post_next (PdwSimulator *self)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  PendingPost *post;

  if (self->posting || self->retry_id != 0 || self->session == NULL)
    return;
  if ((post = g_queue_peek_head (&self->posts)) == NULL)
    return;

  msg = soup_message_new (SOUP_METHOD_POST, self->webhook_url);
  if (msg == NULL)
    {
      g_warning ("Invalid webhook URL");
      return;
    }

  body = g_bytes_new (post->body, strlen (post->body));
  self->wire->add_headers (self, soup_message_get_request_headers (msg), body);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);

  self->posting = TRUE;
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, NULL,
                                    post_cb, g_object_ref (self));
}

/* ---- Citizens' messages ---------------------------------------------- */

void
_pdw_simulator_add_string (JsonBuilder *b,
                           const char  *name,
                           const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

char *
_pdw_simulator_builder_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

const char *
_pdw_simulator_kind_type (PdwSimulatorKind kind)
{
  switch (kind)
    {
    case PDW_SIMULATOR_TEXT: return "text";
    case PDW_SIMULATOR_IMAGE: return "image";
    case PDW_SIMULATOR_DOCUMENT: return "document";
    case PDW_SIMULATOR_CONTACTS: return "contacts";
    case PDW_SIMULATOR_UNSUPPORTED: return "unsupported";
    default: g_assert_not_reached ();
    }
}

static void
send_citizen_message (PdwSimulator              *self,
                      const PdwSimulatorCitizen *citizen,
                      PdwSimulatorKind           kind,
                      const char                *text)
{
  g_autofree char *id = self->wire->new_id (self, citizen->wa_id, FALSE);

  _pdw_simulator_queue_post (self, self->wire->message_body (self, citizen, id, kind, text),
                             id, citizen->wa_id, _pdw_simulator_kind_type (kind));
}

static void schedule_step (PdwSimulator *self);

static gboolean
step_cb (gpointer user_data)
{
  PdwSimulator *self = user_data;
  const ScriptStep *step = &script[self->next_step];

  self->step_id = 0;
  self->next_step++;
  send_citizen_message (self, &self->cast[step->citizen], step->kind,
                        self->step_texts != NULL && step->text != NULL ? self->step_texts[self->next_step - 1] : step->text);
  schedule_step (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_step (PdwSimulator *self)
{
  guint delay;

  if (self->next_step >= G_N_ELEMENTS (script))
    {
      check_finished (self);
      return;
    }

  /* Real people do not type on a metronome. */
  delay = script[self->next_step].delay_ms + g_rand_int_range (self->rand, 0, 800);
  self->step_id = g_timeout_add (scaled (self, delay), step_cb, self);
}

/* ---- Statuses and answers to replies ----------------------------------- */

typedef struct
{
  PdwSimulator *self;
  char         *wamid;
  char         *wa_id;
  PdwSimulatorStatus status;
  guint         source_id;
} TimerData;

static void
timer_data_free (gpointer user_data)
{
  TimerData *data = user_data;

  g_free (data->wamid);
  g_free (data->wa_id);
  g_free (data);
}

static gboolean
status_cb (gpointer user_data)
{
  TimerData *data = user_data;
  PdwSimulator *self = data->self;

  g_hash_table_remove (self->timers, GUINT_TO_POINTER (data->source_id));
  self->n_timers--;
  _pdw_simulator_queue_post (self, self->wire->status_body (self, data->wamid, data->wa_id, data->status),
                             NULL, NULL, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
answer_cb (gpointer user_data)
{
  TimerData *data = user_data;
  PdwSimulator *self = data->self;
  const PdwSimulatorCitizen *citizen = find_citizen (self, data->wa_id);

  g_hash_table_remove (self->timers, GUINT_TO_POINTER (data->source_id));
  self->n_timers--;
  send_citizen_message (self, citizen, PDW_SIMULATOR_TEXT, citizen->thanks);
  return G_SOURCE_REMOVE;
}

static gboolean
rate_cb (gpointer user_data)
{
  TimerData *data = user_data;
  PdwSimulator *self = data->self;
  const PdwSimulatorCitizen *citizen = find_citizen (self, data->wa_id);

  g_hash_table_remove (self->timers, GUINT_TO_POINTER (data->source_id));
  self->n_timers--;
  send_citizen_message (self, citizen, PDW_SIMULATOR_TEXT, citizen->rating);
  return G_SOURCE_REMOVE;
}

static void
add_timer (PdwSimulator       *self,
           guint               delay_ms,
           GSourceFunc         func,
           const char         *wamid,
           const char         *wa_id,
           PdwSimulatorStatus  status)
{
  TimerData *data = g_new0 (TimerData, 1);

  data->self = self;
  data->wamid = g_strdup (wamid);
  data->wa_id = g_strdup (wa_id);
  data->status = status;
  data->source_id = g_timeout_add_full (G_PRIORITY_DEFAULT, delay_ms, func, data, timer_data_free);
  g_hash_table_add (self->timers, GUINT_TO_POINTER (data->source_id));
  self->n_timers++;
}

#define SYNTHETIC_HISTORY_PREFIX "628000"

static void
schedule_reply_effects (PdwSimulator *self,
                        const char   *wamid,
                        const char   *wa_id,
                        const char   *text)
{
  const PdwSimulatorCitizen *citizen = find_citizen (self, wa_id);
  guint at;

  /* Not a WhatsApp user we know: accepted, then failed, as Meta does.  The
   * synthetic office history's citizens (0800 numbers, pdw-synthetic) are
   * users: the demo's officers answer them too. */
  if (citizen == NULL && !g_str_has_prefix (wa_id, SYNTHETIC_HISTORY_PREFIX))
    {
      add_timer (self, jitter_ms (self, 1000, 3000), status_cb, wamid, wa_id, PDW_SIMULATOR_FAILED);
      return;
    }

  at = jitter_ms (self, 1000, 3000);
  add_timer (self, at, status_cb, wamid, wa_id, PDW_SIMULATOR_SENT);
  at += jitter_ms (self, 1000, 3000);
  add_timer (self, at, status_cb, wamid, wa_id, PDW_SIMULATOR_DELIVERED);
  at += jitter_ms (self, 1000, 3000);
  add_timer (self, at, status_cb, wamid, wa_id, PDW_SIMULATOR_READ);

  if (citizen != NULL && citizen->thanks != NULL && !g_hash_table_contains (self->thanked, citizen->wa_id))
    {
      g_hash_table_add (self->thanked, (gpointer) citizen->wa_id);
      at += jitter_ms (self, 1500, 4000);
      add_timer (self, at, answer_cb, NULL, wa_id, PDW_SIMULATOR_SENT);
    }

  /* The closing message asked for a rating: most answer it. */
  if (citizen != NULL && citizen->rating != NULL && text != NULL && strstr (text, SURVEY_MARK) != NULL)
    {
      at += jitter_ms (self, 2000, 6000);
      add_timer (self, at, rate_cb, NULL, wa_id, PDW_SIMULATOR_SENT);
    }
}

char *
_pdw_simulator_accept_reply (PdwSimulator *self,
                             const char   *wa_id,
                             const char   *text,
                             const char   *template_name)
{
  char *id = self->wire->new_id (self, wa_id, TRUE);

  self->n_replies++;
  g_message ("Simulator: %s received for a citizen (%u so far)",
             template_name != NULL ? "template" : "reply", self->n_replies);
  g_signal_emit (self, signals[REPLY_RECEIVED], 0, id, wa_id, text);
  if (template_name != NULL)
    g_signal_emit (self, signals[TEMPLATE_RECEIVED], 0, id, wa_id, template_name);
  schedule_reply_effects (self, id, wa_id, text);

  return id;
}

static void
api_cb (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  PdwSimulator *self = user_data;

  self->wire->handle_request (self, msg, path, query);
}

/* ---- GObject ---------------------------------------------------------- */

static void
remove_timer (gpointer key,
              gpointer value,
              gpointer user_data)
{
  g_source_remove (GPOINTER_TO_UINT (key));
}

static void
pdw_simulator_dispose (GObject *object)
{
  PdwSimulator *self = (PdwSimulator *)object;

  g_clear_handle_id (&self->step_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->timers != NULL)
    {
      g_hash_table_foreach (self->timers, remove_timer, NULL);
      g_hash_table_remove_all (self->timers);
    }
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_queue_clear_full (&self->posts, (GDestroyNotify) pending_post_free);

  G_OBJECT_CLASS (pdw_simulator_parent_class)->dispose (object);
}

static void
pdw_simulator_finalize (GObject *object)
{
  PdwSimulator *self = (PdwSimulator *)object;

  g_clear_pointer (&self->webhook_url, g_free);
  g_clear_pointer (&self->hmac_key, g_free);
  g_clear_pointer (&self->api_key, g_free);
  g_clear_pointer (&self->account, g_free);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->run_id, g_free);
  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_pointer (&self->thanked, g_hash_table_unref);
  g_clear_pointer (&self->timers, g_hash_table_unref);
  g_clear_pointer (&self->templates, g_hash_table_unref);
  g_clear_pointer (&self->files, g_hash_table_unref);
  g_clear_pointer (&self->cast_strings, g_ptr_array_unref);
  g_clear_pointer (&self->step_texts, g_strfreev);

  G_OBJECT_CLASS (pdw_simulator_parent_class)->finalize (object);
}

static void
pdw_simulator_class_init (PdwSimulatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pdw_simulator_dispose;
  object_class->finalize = pdw_simulator_finalize;

  signals[MESSAGE_POSTED] =
    g_signal_new ("message-posted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  signals[REPLY_RECEIVED] =
    g_signal_new ("reply-received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  signals[TEMPLATE_RECEIVED] =
    g_signal_new ("template-received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pdw_simulator_init (PdwSimulator *self)
{
  self->speed = 1.0;
  memcpy (self->cast, _pdw_simulator_citizens, sizeof self->cast);
  self->cast_strings = g_ptr_array_new_with_free_func (g_free);
  self->rand = g_rand_new ();
  self->run_id = g_strdup_printf ("%08X", g_rand_int (self->rand));
  self->thanked = g_hash_table_new (g_str_hash, g_str_equal);
  self->timers = g_hash_table_new (NULL, NULL);
  self->templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (self->templates,
                       _pdw_simulator_template_key (PDW_APPROVED_TEMPLATE_DEFAULT_NAME,
                                                    PDW_APPROVED_TEMPLATE_DEFAULT_LANGUAGE),
                       g_strdup (PDW_APPROVED_TEMPLATE_DEFAULT_BODY));
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->session = soup_session_new_with_options ("timeout", 10, NULL);
  g_queue_init (&self->posts);
}

PdwSimulator *
pdw_simulator_new_for_backend (const char *backend,
                               const char *webhook_url,
                               const char *hmac_key,
                               const char *api_key,
                               const char *account)
{
  static const PdwSimulatorWire *wires[] = { &_pdw_simulator_wire_graph, &_pdw_simulator_wire_waha };
  const PdwSimulatorWire *wire = NULL;
  PdwSimulator *self;

  for (guint i = 0; i < G_N_ELEMENTS (wires); i++)
    if (g_strcmp0 (wires[i]->name, backend) == 0)
      wire = wires[i];

  g_return_val_if_fail (wire != NULL, NULL);
  g_return_val_if_fail (webhook_url != NULL, NULL);
  /* Meta always signs; a WAHA without an HMAC key does not. */
  g_return_val_if_fail (hmac_key != NULL || wire != &_pdw_simulator_wire_graph, NULL);
  g_return_val_if_fail (api_key != NULL, NULL);
  g_return_val_if_fail (account != NULL, NULL);

  self = g_object_new (PDW_TYPE_SIMULATOR, NULL);
  self->wire = wire;
  self->webhook_url = g_strdup (webhook_url);
  self->hmac_key = g_strdup (hmac_key);
  self->api_key = g_strdup (api_key);
  self->account = g_strdup (account);

  return self;
}

PdwSimulator *
pdw_simulator_new (const char *webhook_url,
                   const char *app_secret,
                   const char *access_token,
                   const char *phone_number_id)
{
  return pdw_simulator_new_for_backend ("graph", webhook_url, app_secret, access_token, phone_number_id);
}

const char *
pdw_simulator_get_backend (PdwSimulator *self)
{
  g_return_val_if_fail (PDW_IS_SIMULATOR (self), NULL);

  return self->wire->name;
}

void
pdw_simulator_set_speed (PdwSimulator *self,
                         double        speed)
{
  g_return_if_fail (PDW_IS_SIMULATOR (self));
  g_return_if_fail (speed > 0);

  self->speed = speed;
}

void
pdw_simulator_set_expected_replies (PdwSimulator *self,
                                    guint         n_replies)
{
  g_return_if_fail (PDW_IS_SIMULATOR (self));

  self->expected_replies = n_replies;
  check_finished (self);
}

gboolean
pdw_simulator_listen (PdwSimulator  *self,
                      const char    *address,
                      guint          port,
                      GError       **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autofree char *host = NULL;
  GSList *listeners;

  g_return_val_if_fail (PDW_IS_SIMULATOR (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  inet = g_inet_address_new_from_string (address != NULL ? address : "127.0.0.1");
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not a numeric IP address", address);
      return FALSE;
    }

  self->server = soup_server_new ("server-header", "PANDAWA-simulator ", NULL);
  soup_server_add_handler (self->server, NULL, api_cb, self, NULL);
  socket_address = g_inet_socket_address_new (inet, (guint16) port);
  if (!soup_server_listen (self->server, socket_address, 0, error))
    {
      g_clear_object (&self->server);
      return FALSE;
    }

  listeners = soup_server_get_listeners (self->server);
  local = g_socket_get_local_address (listeners->data, error);
  g_slist_free (listeners);
  if (local == NULL)
    return FALSE;

  host = g_inet_address_to_string (inet);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  g_free (self->base_url);
  if (strchr (host, ':') != NULL)
    self->base_url = g_strdup_printf ("http://[%s]:%u", host, port);
  else
    self->base_url = g_strdup_printf ("http://%s:%u", host, port);

  return TRUE;
}

char *
pdw_simulator_dup_api_url (PdwSimulator *self)
{
  g_return_val_if_fail (PDW_IS_SIMULATOR (self), NULL);

  return g_strdup (self->base_url);
}

void
pdw_simulator_start (PdwSimulator *self)
{
  g_return_if_fail (PDW_IS_SIMULATOR (self));

  if (self->next_step > 0 || self->step_id != 0)
    return;

  if (self->wire->start != NULL)
    self->wire->start (self);
  schedule_step (self);
}

void
pdw_simulator_add_template (PdwSimulator *self,
                            const char   *name,
                            const char   *language,
                            const char   *body)
{
  g_return_if_fail (PDW_IS_SIMULATOR (self));
  g_return_if_fail (name != NULL && language != NULL && body != NULL);

  g_hash_table_insert (self->templates, _pdw_simulator_template_key (name, language), g_strdup (body));
}

guint
pdw_simulator_get_n_script_messages (void)
{
  return G_N_ELEMENTS (script);
}

void
pdw_simulator_set_seed (PdwSimulator *self,
                        guint32       seed)
{
  g_return_if_fail (PDW_IS_SIMULATOR (self));

  if (seed == 0)
    return;

  _pdw_simulator_cast_draw (seed, self->cast, self->cast_strings);

  g_clear_pointer (&self->step_texts, g_strfreev);
  self->step_texts = g_new0 (char *, G_N_ELEMENTS (script) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (script); i++)
    self->step_texts[i] = script[i].text != NULL
                          ? _pdw_simulator_personalize (script[i].text, &_pdw_simulator_citizens[script[i].citizen],
                                                        &self->cast[script[i].citizen])
                          : g_strdup ("");
}

guint
pdw_simulator_get_n_citizens (void)
{
  return PDW_SIMULATOR_N_CITIZENS;
}
