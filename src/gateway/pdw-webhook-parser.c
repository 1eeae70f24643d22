/* pdw-webhook-parser.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "pdw-webhook-parser.h"
#include "pdw-webhook-parser-private.h"

G_DEFINE_QUARK (pdw-webhook-error-quark, pdw_webhook_error)

typedef struct
{
  const char *wa_id;
  const char *user_id;
  const char *profile_name;
} Contact;

/* Accessors that return NULL/0 for a member that is absent or has another
 * type: a payload that surprises us loses that field, never the batch. */
const char *
_pdw_webhook_get_string (JsonObject *object,
                         const char *member)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, member)) == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonObject *
_pdw_webhook_get_object (JsonObject *object,
                         const char *member)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, member)) == NULL)
    return NULL;
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, member)) == NULL)
    return NULL;
  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
array_object (JsonArray *array,
              guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Timestamps are documented as strings of Unix seconds; accept a number too. */
gint64
_pdw_webhook_get_int (JsonObject *object,
                      const char *member)
{
  JsonNode *node;
  gint64 value = 0;

  if (object == NULL || (node = json_object_get_member (object, member)) == NULL)
    return 0;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return 0;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return json_node_get_int (node);
    case G_TYPE_DOUBLE:
      {
        double d = json_node_get_double (node);

        /* "1e999" parses as infinity; converting that (or NaN, or
         * anything past the range) to an integer is undefined. */
        if (!isfinite (d) || d <= (double) G_MININT64 || d >= (double) G_MAXINT64)
          return 0;
        return (gint64) d;
      }
    case G_TYPE_STRING:
      if (!g_ascii_string_to_signed (json_node_get_string (node), 10, G_MININT64, G_MAXINT64, &value, NULL))
        return 0;
      return value;
    default:
      return 0;
    }
}

char *
_pdw_webhook_dup_nonempty (const char *str)
{
  return (str != NULL && str[0] != '\0') ? g_strdup (str) : NULL;
}

char *
_pdw_webhook_serialize_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_alloc ();

  json_node_init_object (node, object);
  return json_to_string (node, FALSE);
}

static void
read_first_error (JsonObject  *object,
                  int         *code,
                  char       **title,
                  char       **details)
{
  JsonArray *errors = get_array (object, "errors");
  JsonObject *error;
  const char *text;

  if (errors == NULL || json_array_get_length (errors) == 0)
    return;
  if ((error = array_object (errors, 0)) == NULL)
    return;

  *code = (int) _pdw_webhook_get_int (error, "code");
  /* Meta: "message" is the same as "title"; titles are being deprecated. */
  text = _pdw_webhook_get_string (error, "title");
  if (text == NULL)
    text = _pdw_webhook_get_string (error, "message");
  *title = _pdw_webhook_dup_nonempty (text);
  if (details != NULL)
    *details = _pdw_webhook_dup_nonempty (_pdw_webhook_get_string (_pdw_webhook_get_object (error, "error_data"), "details"));
}

static char *
summarize_contacts (JsonArray *cards)
{
  g_autoptr(GString) summary = g_string_new ("Kontak:");
  guint n = cards != NULL ? json_array_get_length (cards) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *card = array_object (cards, i);
      JsonArray *phones = get_array (card, "phones");
      const char *name = _pdw_webhook_get_string (_pdw_webhook_get_object (card, "name"), "formatted_name");

      if (card == NULL)
        continue;
      if (i > 0)
        g_string_append_c (summary, ';');
      if (name != NULL)
        g_string_append_printf (summary, " %s", name);
      for (guint j = 0; phones != NULL && j < json_array_get_length (phones); j++)
        {
          const char *phone = _pdw_webhook_get_string (array_object (phones, j), "phone");

          if (phone == NULL)
            phone = _pdw_webhook_get_string (array_object (phones, j), "wa_id");
          if (phone != NULL)
            g_string_append_printf (summary, " %s", phone);
        }
    }

  return g_string_free (g_steal_pointer (&summary), FALSE);
}

static char *
summarize_location (JsonObject *location)
{
  g_autoptr(GString) summary = g_string_new ("Lokasi:");
  const char *name = _pdw_webhook_get_string (location, "name");
  const char *address = _pdw_webhook_get_string (location, "address");
  JsonNode *lat = location ? json_object_get_member (location, "latitude") : NULL;
  JsonNode *lon = location ? json_object_get_member (location, "longitude") : NULL;

  if (name != NULL)
    g_string_append_printf (summary, " %s", name);
  if (address != NULL)
    g_string_append_printf (summary, "%s %s", name != NULL ? "," : "", address);
  if (lat != NULL && lon != NULL && JSON_NODE_HOLDS_VALUE (lat) && JSON_NODE_HOLDS_VALUE (lon) &&
      json_node_get_value_type (lat) == G_TYPE_DOUBLE && json_node_get_value_type (lon) == G_TYPE_DOUBLE)
    {
      char lat_buf[G_ASCII_DTOSTR_BUF_SIZE];
      char lon_buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (summary, " (%s, %s)",
                              g_ascii_formatd (lat_buf, sizeof lat_buf, "%.6f", json_node_get_double (lat)),
                              g_ascii_formatd (lon_buf, sizeof lon_buf, "%.6f", json_node_get_double (lon)));
    }

  return g_string_free (g_steal_pointer (&summary), FALSE);
}

static gboolean
is_media_type (const char *type)
{
  static const char * const media_types[] = { "image", "document", "video", "audio", "sticker" };

  for (guint i = 0; i < G_N_ELEMENTS (media_types); i++)
    if (g_strcmp0 (type, media_types[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
read_message_content (PdwInboundMessage *message,
                      JsonObject        *object)
{
  const char *type = message->type;

  if (g_strcmp0 (type, "text") == 0)
    {
      message->text = g_strdup (_pdw_webhook_get_string (_pdw_webhook_get_object (object, "text"), "body"));
    }
  else if (is_media_type (type))
    {
      JsonObject *media = _pdw_webhook_get_object (object, type);

      message->text = _pdw_webhook_dup_nonempty (_pdw_webhook_get_string (media, "caption"));
      message->media_id = _pdw_webhook_dup_nonempty (_pdw_webhook_get_string (media, "id"));
      message->media_mime_type = _pdw_webhook_dup_nonempty (_pdw_webhook_get_string (media, "mime_type"));
      message->media_sha256 = _pdw_webhook_dup_nonempty (_pdw_webhook_get_string (media, "sha256"));
      message->media_filename = _pdw_webhook_dup_nonempty (_pdw_webhook_get_string (media, "filename"));
    }
  else if (g_strcmp0 (type, "contacts") == 0)
    {
      message->text = summarize_contacts (get_array (object, "contacts"));
    }
  else if (g_strcmp0 (type, "location") == 0)
    {
      message->text = summarize_location (_pdw_webhook_get_object (object, "location"));
    }
  else if (g_strcmp0 (type, "button") == 0)
    {
      message->text = _pdw_webhook_dup_nonempty (_pdw_webhook_get_string (_pdw_webhook_get_object (object, "button"), "text"));
    }
  else if (g_strcmp0 (type, "interactive") == 0)
    {
      JsonObject *interactive = _pdw_webhook_get_object (object, "interactive");
      JsonObject *reply = _pdw_webhook_get_object (interactive, "button_reply");

      if (reply == NULL)
        reply = _pdw_webhook_get_object (interactive, "list_reply");
      message->text = _pdw_webhook_dup_nonempty (_pdw_webhook_get_string (reply, "title"));
    }
  else if (g_strcmp0 (type, "reaction") == 0)
    {
      message->text = _pdw_webhook_dup_nonempty (_pdw_webhook_get_string (_pdw_webhook_get_object (object, "reaction"), "emoji"));
    }

  /* Anything but plain text keeps its JSON, so that a later version can
   * show what this one does not model. */
  if (g_strcmp0 (type, "text") != 0)
    message->raw_json = _pdw_webhook_serialize_object (object);
}

static const Contact *
find_contact (GArray     *contacts,
              const char *wa_id,
              const char *user_id)
{
  for (guint i = 0; i < contacts->len; i++)
    {
      const Contact *contact = &g_array_index (contacts, Contact, i);

      if ((wa_id != NULL && g_strcmp0 (contact->wa_id, wa_id) == 0) ||
          (user_id != NULL && g_strcmp0 (contact->user_id, user_id) == 0))
        return contact;
    }

  return NULL;
}

static GArray *
read_contacts (JsonObject *value)
{
  GArray *contacts = g_array_new (FALSE, TRUE, sizeof (Contact));
  JsonArray *array = get_array (value, "contacts");
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = array_object (array, i);
      Contact contact;

      if (object == NULL)
        continue;
      contact.wa_id = _pdw_webhook_get_string (object, "wa_id");
      contact.user_id = _pdw_webhook_get_string (object, "user_id");
      contact.profile_name = _pdw_webhook_get_string (_pdw_webhook_get_object (object, "profile"), "name");
      g_array_append_val (contacts, contact);
    }

  return contacts;
}

static PdwInboundMessage *
read_message (JsonObject *object,
              GArray     *contacts,
              const char *phone_number_id)
{
  g_autoptr(PdwInboundMessage) message = NULL;
  const Contact *contact;
  const char *id = _pdw_webhook_get_string (object, "id");
  const char *type = _pdw_webhook_get_string (object, "type");

  /* Without an id a message cannot be deduplicated against Meta's retries. */
  if (id == NULL || id[0] == '\0')
    {
      g_message ("Webhook message without an id skipped");
      return NULL;
    }

  message = pdw_inbound_message_new ();
  message->wamid = g_strdup (id);
  message->wa_id = _pdw_webhook_dup_nonempty (_pdw_webhook_get_string (object, "from"));
  message->user_id = _pdw_webhook_dup_nonempty (_pdw_webhook_get_string (object, "from_user_id"));
  message->timestamp = _pdw_webhook_get_int (object, "timestamp");
  message->type = g_strdup (type != NULL ? type : "unknown");
  message->phone_number_id = g_strdup (phone_number_id);
  message->context_wamid = _pdw_webhook_dup_nonempty (_pdw_webhook_get_string (_pdw_webhook_get_object (object, "context"), "id"));

  contact = find_contact (contacts, message->wa_id, message->user_id);
  if (contact == NULL && contacts->len == 1)
    contact = &g_array_index (contacts, Contact, 0);
  if (contact != NULL)
    {
      message->profile_name = _pdw_webhook_dup_nonempty (contact->profile_name);
      if (message->wa_id == NULL)
        message->wa_id = _pdw_webhook_dup_nonempty (contact->wa_id);
      if (message->user_id == NULL)
        message->user_id = _pdw_webhook_dup_nonempty (contact->user_id);
    }

  if (message->wa_id == NULL && message->user_id == NULL)
    {
      g_message ("Webhook message without a sender skipped");
      return NULL;
    }

  read_message_content (message, object);
  read_first_error (object, &message->error_code, &message->error_title, NULL);

  return g_steal_pointer (&message);
}

static PdwStatusUpdate *
read_status (JsonObject *object)
{
  g_autoptr(PdwStatusUpdate) update = NULL;
  const char *id = _pdw_webhook_get_string (object, "id");
  const char *status = _pdw_webhook_get_string (object, "status");
  PdwDeliveryStatus value;

  if (id == NULL || id[0] == '\0')
    {
      g_message ("Webhook status without an id skipped");
      return NULL;
    }

  /* "played" (a voice note was heard) implies it was read. */
  if (g_strcmp0 (status, "played") == 0)
    value = PDW_DELIVERY_READ;
  else if (!pdw_delivery_status_from_string (status, &value) ||
           value < PDW_DELIVERY_SENT)
    {
      g_debug ("Webhook status of unknown kind skipped");
      return NULL;
    }

  update = pdw_status_update_new ();
  update->wamid = g_strdup (id);
  update->status = value;
  update->timestamp = _pdw_webhook_get_int (object, "timestamp");
  update->recipient_id = _pdw_webhook_dup_nonempty (_pdw_webhook_get_string (object, "recipient_id"));
  if (update->recipient_id == NULL)
    update->recipient_id = _pdw_webhook_dup_nonempty (_pdw_webhook_get_string (object, "recipient_user_id"));
  read_first_error (object, &update->error_code, &update->error_title, &update->error_details);

  return g_steal_pointer (&update);
}

static void
read_change_value (JsonObject *value,
                   GPtrArray  *messages,
                   GPtrArray  *statuses)
{
  g_autoptr(GArray) contacts = read_contacts (value);
  const char *phone_number_id = _pdw_webhook_get_string (_pdw_webhook_get_object (value, "metadata"), "phone_number_id");
  JsonArray *array;

  if ((array = get_array (value, "messages")) != NULL)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *object = array_object (array, i);
          PdwInboundMessage *message;

          if (object != NULL && (message = read_message (object, contacts, phone_number_id)) != NULL)
            g_ptr_array_add (messages, message);
        }
    }

  if ((array = get_array (value, "statuses")) != NULL)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *object = array_object (array, i);
          PdwStatusUpdate *update;

          if (object != NULL && (update = read_status (object)) != NULL)
            g_ptr_array_add (statuses, update);
        }
    }
}

/* The value of the \uXXXX escape at @p (pointing at the backslash), or -1. */
static int
unicode_escape_at (const char *p,
                   const char *end)
{
  int value = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (int i = 2; i < 6; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

guint
pdw_webhook_scan_json (const char  *data,
                       gsize        size,
                       guint        limit,
                       char       **rewritten)
{
  const char *p = data;
  const char *end = data + size;
  char *copy = NULL;
  gboolean in_string = FALSE;
  guint depth = 0;
  guint deepest = 0;

  g_return_val_if_fail (data != NULL || size == 0, 0);

  while (p < end)
    {
      char c = *p;

      if (!in_string)
        {
          if (c == '"')
            in_string = TRUE;
          else if (c == '[' || c == '{')
            {
              depth++;
              deepest = MAX (deepest, depth);
              if (deepest > limit)
                break;
            }
          else if ((c == ']' || c == '}') && depth > 0)
            depth--;
          p++;
          continue;
        }

      if (c == '"')
        {
          in_string = FALSE;
          p++;
          continue;
        }
      if (c != '\\')
        {
          p++;
          continue;
        }

      /* An escape: \uXXXX is looked at, any other is two bytes. */
      {
        int value = unicode_escape_at (p, end);
        gsize length = 6;
        gboolean replace = FALSE;

        if (value < 0)
          {
            p += 2;
            continue;
          }
        if (value == 0 || (value >= 0xDC00 && value <= 0xDFFF))
          replace = TRUE;
        else if (value >= 0xD800 && value <= 0xDBFF)
          {
            int low = unicode_escape_at (p + 6, end);

            if (low >= 0xDC00 && low <= 0xDFFF)
              length = 12;
            else
              replace = TRUE;
          }

        if (replace && rewritten != NULL)
          {
            if (copy == NULL)
              copy = g_memdup2 (data, size);
            memcpy (copy + (p - data), "\\ufffd", 6);
          }
        p += length;
      }
    }

  if (rewritten != NULL)
    *rewritten = copy;
  else
    g_free (copy);
  return deepest;
}

static guint
clamp_timestamp (gint64     *timestamp,
                 gint64      now,
                 const char *what)
{
  if (*timestamp > 0 && *timestamp - now <= PDW_WEBHOOK_MAX_FUTURE_SECONDS)
    return 0;
  if (*timestamp > 0)
    g_debug ("Webhook %s timestamp %" G_GINT64_FORMAT " s in the future, taken as its arrival time",
             what, *timestamp - now);
  *timestamp = now;
  return 1;
}

guint
pdw_webhook_clamp_timestamps (GPtrArray *messages,
                              GPtrArray *statuses,
                              gint64     now)
{
  guint changed = 0;

  for (guint i = 0; messages != NULL && i < messages->len; i++)
    {
      PdwInboundMessage *message = g_ptr_array_index (messages, i);
      gint64 claimed = message->timestamp;

      if (clamp_timestamp (&message->timestamp, now, "message"))
        {
          message->timestamp_clamped = TRUE;
          message->claimed_timestamp = MAX (claimed, 0);
          changed++;
        }
    }
  for (guint i = 0; statuses != NULL && i < statuses->len; i++)
    changed += clamp_timestamp (&((PdwStatusUpdate *) g_ptr_array_index (statuses, i))->timestamp, now, "status");

  return changed;
}

/* json-glib checks the input, but a string it builds from escapes may
 * still not be valid (the scan above handles the known cases). */
static void
make_valid (char **text)
{
  char *valid;

  if (*text == NULL || g_utf8_validate (*text, -1, NULL))
    return;
  valid = g_utf8_make_valid (*text, -1);
  g_free (*text);
  *text = valid;
}

static void
make_message_valid (PdwInboundMessage *message)
{
  char **fields[] = {
    &message->wamid, &message->wa_id, &message->user_id, &message->profile_name,
    &message->phone_number_id, &message->type, &message->text, &message->media_id,
    &message->media_mime_type, &message->media_sha256, &message->media_filename,
    &message->context_wamid, &message->error_title, &message->raw_json,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    make_valid (fields[i]);
}

static void
make_status_valid (PdwStatusUpdate *update)
{
  make_valid (&update->wamid);
  make_valid (&update->recipient_id);
  make_valid (&update->error_title);
  make_valid (&update->error_details);
}

/* json-glib's messages quote the offending token, which can be a citizen's
 * NIK: only "<data>:LINE:COL" is kept. */
static char *
describe_parse_error (const GError *error)
{
  guint line = 0;
  guint column = 0;

  if (error != NULL && sscanf (error->message, "<data>:%u:%u:", &line, &column) == 2)
    return g_strdup_printf ("syntax error at line %u, column %u", line, column);
  return g_strdup ("syntax error");
}

JsonParser *
_pdw_webhook_load_object (GBytes      *body,
                          JsonObject **object,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *rewritten = NULL;
  JsonNode *root;
  gconstpointer data;
  gsize size;

  data = g_bytes_get_data (body, &size);
  if (data == NULL)
    data = "";
  if (size > G_MAXSSIZE)
    {
      g_set_error_literal (error, PDW_WEBHOOK_ERROR, PDW_WEBHOOK_ERROR_INVALID_JSON,
                           "Webhook body is too large to parse");
      return NULL;
    }
  if (pdw_webhook_scan_json (data, size, PDW_WEBHOOK_MAX_DEPTH, &rewritten) > PDW_WEBHOOK_MAX_DEPTH)
    {
      g_set_error (error, PDW_WEBHOOK_ERROR, PDW_WEBHOOK_ERROR_TOO_DEEP,
                   "Webhook body is nested more than %d levels deep", PDW_WEBHOOK_MAX_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, rewritten != NULL ? rewritten : data, (gssize) size, &parse_error))
    {
      g_autofree char *where = describe_parse_error (parse_error);

      g_set_error (error, PDW_WEBHOOK_ERROR, PDW_WEBHOOK_ERROR_INVALID_JSON,
                   "Webhook body is not valid JSON: %s", where);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, PDW_WEBHOOK_ERROR, PDW_WEBHOOK_ERROR_INVALID_JSON,
                           "Webhook body is not a JSON object");
      return NULL;
    }

  *object = json_node_get_object (root);
  return g_steal_pointer (&parser);
}

void
_pdw_webhook_make_valid (GPtrArray *messages,
                         GPtrArray *statuses)
{
  for (guint i = 0; i < messages->len; i++)
    make_message_valid (g_ptr_array_index (messages, i));
  for (guint i = 0; i < statuses->len; i++)
    make_status_valid (g_ptr_array_index (statuses, i));
}

gboolean
pdw_webhook_parse (GBytes     *body,
                   GPtrArray **messages,
                   GPtrArray **statuses,
                   GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) out_messages = NULL;
  g_autoptr(GPtrArray) out_statuses = NULL;
  JsonObject *object = NULL;
  JsonArray *entries;

  g_return_val_if_fail (body != NULL, FALSE);
  g_return_val_if_fail (messages != NULL, FALSE);
  g_return_val_if_fail (statuses != NULL, FALSE);

  if ((parser = _pdw_webhook_load_object (body, &object, error)) == NULL)
    return FALSE;

  if (g_strcmp0 (_pdw_webhook_get_string (object, "object"), "whatsapp_business_account") != 0)
    {
      g_set_error_literal (error, PDW_WEBHOOK_ERROR, PDW_WEBHOOK_ERROR_NOT_WHATSAPP,
                           "Webhook body is not a WhatsApp Business Account notification");
      return FALSE;
    }

  out_messages = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  out_statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_status_update_free);

  entries = get_array (object, "entry");
  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    {
      JsonArray *changes = get_array (array_object (entries, i), "changes");

      for (guint j = 0; changes != NULL && j < json_array_get_length (changes); j++)
        {
          JsonObject *change = array_object (changes, j);
          const char *field = _pdw_webhook_get_string (change, "field");
          JsonObject *value = _pdw_webhook_get_object (change, "value");

          /* Other subscriptions (account_update, templates...) share the
           * endpoint; they carry nothing for the queue. */
          if (value == NULL || (field != NULL && strcmp (field, "messages") != 0))
            continue;
          read_change_value (value, out_messages, out_statuses);
        }
    }

  _pdw_webhook_make_valid (out_messages, out_statuses);

  *messages = g_steal_pointer (&out_messages);
  *statuses = g_steal_pointer (&out_statuses);
  return TRUE;
}
