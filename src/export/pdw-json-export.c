/* pdw-json-export.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "core/pdw-identity.h"
#include "pdw-json-export.h"

#define EXPORT_FORMAT  "pandawa-export"
#define EXPORT_VERSION 1

typedef struct
{
  JsonBuilder        *builder;
  PdwJsonExportFlags  flags;
  GHashTable         *contact_wa_ids;        /* contact id -> wa_id (owned strings) */
  GHashTable         *conversation_contacts; /* conversation id -> contact id */
} ExportContext;

/* One row as handed over by pdw_store_foreach_row(). */
typedef struct
{
  const char * const *columns;
  const char * const *values;
  guint               n_columns;
} Row;

static const char *
row_get (const Row  *row,
         const char *column)
{
  for (guint i = 0; i < row->n_columns; i++)
    if (g_strcmp0 (row->columns[i], column) == 0)
      return row->values[i];

  return NULL;
}

static gint64
row_get_int (const Row  *row,
             const char *column)
{
  const char *value = row_get (row, column);

  return value ? g_ascii_strtoll (value, NULL, 10) : 0;
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);

  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

/* Citizens type their NIK and KK into messages, names, captions and
 * notes: in a masked export every string written has its 16-digit runs
 * masked, identifiers that happen to be 16 digits long (media ids)
 * included, so that no full number can be anywhere in the file.  Only an
 * officer's NIP (18 digits, never typed by a citizen) is written as is. */
static void
add_string (ExportContext *ctx,
            const char    *name,
            const char    *value)
{
  json_builder_set_member_name (ctx->builder, name);
  if (value == NULL)
    json_builder_add_null_value (ctx->builder);
  else if ((ctx->flags & PDW_JSON_EXPORT_UNMASKED) != 0)
    json_builder_add_string_value (ctx->builder, value);
  else
    {
      g_autofree char *masked = pdw_identity_mask_in_text (value);

      json_builder_add_string_value (ctx->builder, masked);
    }
}

static void
add_column (ExportContext *ctx,
            const Row     *row,
            const char    *name,
            const char    *column)
{
  add_string (ctx, name, row_get (row, column));
}

static void
add_nip_column (ExportContext *ctx,
                const Row     *row,
                const char    *name,
                const char    *column)
{
  const char *value = row_get (row, column);

  json_builder_set_member_name (ctx->builder, name);
  if (value == NULL)
    json_builder_add_null_value (ctx->builder);
  else
    json_builder_add_string_value (ctx->builder, value);
}

static void
add_int_column (ExportContext *ctx,
                const Row     *row,
                const char    *name,
                const char    *column)
{
  json_builder_set_member_name (ctx->builder, name);
  if (row_get (row, column) == NULL)
    json_builder_add_null_value (ctx->builder);
  else
    json_builder_add_int_value (ctx->builder, row_get_int (row, column));
}

/* Times of 0 mean "not set" in the schema (due date, no inbound yet). */
static void
add_time_column (ExportContext *ctx,
                 const Row     *row,
                 const char    *name,
                 const char    *column)
{
  gint64 value = row_get_int (row, column);
  g_autofree char *iso = value > 0 ? format_time (value) : NULL;

  add_string (ctx, name, iso);
}

static void
add_identity_column (ExportContext *ctx,
                     const Row     *row,
                     const char    *column)
{
  const char *value = row_get (row, column);
  g_autofree char *masked = NULL;

  if (value != NULL && (ctx->flags & PDW_JSON_EXPORT_UNMASKED) == 0)
    value = masked = pdw_identity_mask (value);

  add_string (ctx, column, value);
}

static void
export_contact (const char * const *columns,
                const char * const *values,
                guint               n_columns,
                gpointer            user_data)
{
  ExportContext *ctx = user_data;
  JsonBuilder *b = ctx->builder;
  Row row = { columns, values, n_columns };
  gint64 id = row_get_int (&row, "id");

  g_hash_table_insert (ctx->contact_wa_ids, g_memdup2 (&id, sizeof id),
                       g_strdup (row_get (&row, "wa_id")));

  json_builder_begin_object (b);
  add_int_column (ctx, &row, "id", "id");
  add_column (ctx, &row, "wa_id", "wa_id");
  add_column (ctx, &row, "user_id", "user_id");
  add_column (ctx, &row, "profile_name", "profile_name");
  add_time_column (ctx, &row, "created_at", "created_at");
  add_time_column (ctx, &row, "updated_at", "updated_at");
  json_builder_end_object (b);
}

static const char *
lookup_conversation_wa_id (ExportContext *ctx,
                           gint64         conversation_id)
{
  gint64 *contact_id = g_hash_table_lookup (ctx->conversation_contacts, &conversation_id);

  return contact_id ? g_hash_table_lookup (ctx->contact_wa_ids, contact_id) : NULL;
}

static void
export_conversation (const char * const *columns,
                     const char * const *values,
                     guint               n_columns,
                     gpointer            user_data)
{
  ExportContext *ctx = user_data;
  JsonBuilder *b = ctx->builder;
  Row row = { columns, values, n_columns };
  gint64 id = row_get_int (&row, "id");
  gint64 contact_id = row_get_int (&row, "contact_id");

  g_hash_table_insert (ctx->conversation_contacts, g_memdup2 (&id, sizeof id),
                       g_memdup2 (&contact_id, sizeof contact_id));

  json_builder_begin_object (b);
  add_int_column (ctx, &row, "id", "id");
  add_int_column (ctx, &row, "contact_id", "contact_id");
  add_string (ctx, "wa_id", lookup_conversation_wa_id (ctx, id));
  add_time_column (ctx, &row, "created_at", "created_at");
  add_time_column (ctx, &row, "last_inbound_time", "last_inbound_time");
  add_int_column (ctx, &row, "complaint_id", "complaint_id");
  json_builder_end_object (b);
}

static void
export_message (const char * const *columns,
                const char * const *values,
                guint               n_columns,
                gpointer            user_data)
{
  ExportContext *ctx = user_data;
  JsonBuilder *b = ctx->builder;
  Row row = { columns, values, n_columns };
  gboolean inbound = g_strcmp0 (row_get (&row, "direction"), "in") == 0;

  json_builder_begin_object (b);
  add_int_column (ctx, &row, "id", "id");
  add_int_column (ctx, &row, "conversation_id", "conversation_id");
  add_column (ctx, &row, "wamid", "wamid");
  add_string (ctx, "wa_id", lookup_conversation_wa_id (ctx, row_get_int (&row, "conversation_id")));
  add_column (ctx, &row, "direction", "direction");
  add_column (ctx, &row, "type", "type");
  add_column (ctx, &row, "text", "text");
  add_time_column (ctx, &row, "timestamp", "timestamp");
  add_string (ctx, "status", inbound ? NULL : row_get (&row, "status"));
  add_time_column (ctx, &row, "status_time", "status_time");
  add_int_column (ctx, &row, "error_code", "error_code");
  add_column (ctx, &row, "error_title", "error_title");
  add_column (ctx, &row, "officer_name", "officer_name");
  add_column (ctx, &row, "context_wamid", "context_wamid");

  json_builder_set_member_name (b, "media");
  if (row_get (&row, "media_id") == NULL)
    json_builder_add_null_value (b);
  else
    {
      json_builder_begin_object (b);
      add_column (ctx, &row, "id", "media_id");
      add_column (ctx, &row, "mime_type", "media_mime_type");
      add_column (ctx, &row, "sha256", "media_sha256");
      add_column (ctx, &row, "filename", "media_filename");
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

static void
export_complaint (const char * const *columns,
                  const char * const *values,
                  guint               n_columns,
                  gpointer            user_data)
{
  ExportContext *ctx = user_data;
  JsonBuilder *b = ctx->builder;
  Row row = { columns, values, n_columns };

  json_builder_begin_object (b);
  add_int_column (ctx, &row, "id", "id");
  add_column (ctx, &row, "ticket", "ticket");
  add_int_column (ctx, &row, "conversation_id", "conversation_id");
  add_column (ctx, &row, "citizen_name", "citizen_name");
  add_identity_column (ctx, &row, "nik");
  add_identity_column (ctx, &row, "kk");
  add_column (ctx, &row, "phone", "phone");
  add_column (ctx, &row, "complaint_type", "complaint_type");
  add_column (ctx, &row, "institution", "institution");
  add_column (ctx, &row, "status", "status");
  add_column (ctx, &row, "assigned_officer", "assigned_officer");
  add_time_column (ctx, &row, "created_at", "created_at");
  add_time_column (ctx, &row, "updated_at", "updated_at");
  add_time_column (ctx, &row, "due_at", "due_at");
  json_builder_end_object (b);
}

static void
export_complaint_event (const char * const *columns,
                        const char * const *values,
                        guint               n_columns,
                        gpointer            user_data)
{
  ExportContext *ctx = user_data;
  JsonBuilder *b = ctx->builder;
  Row row = { columns, values, n_columns };

  json_builder_begin_object (b);
  add_int_column (ctx, &row, "id", "id");
  add_int_column (ctx, &row, "complaint_id", "complaint_id");
  add_time_column (ctx, &row, "timestamp", "timestamp");
  add_column (ctx, &row, "actor_name", "actor_name");
  add_nip_column (ctx, &row, "actor_nip", "actor_nip");
  add_column (ctx, &row, "action", "action");
  add_column (ctx, &row, "from_status", "from_status");
  add_column (ctx, &row, "to_status", "to_status");
  add_column (ctx, &row, "from_party", "from_party");
  add_column (ctx, &row, "to_party", "to_party");
  add_column (ctx, &row, "note", "note");
  json_builder_end_object (b);
}

static gboolean
export_table (PdwStore         *store,
              ExportContext    *ctx,
              const char       *table,
              PdwStoreRowFunc   func,
              GError          **error)
{
  gboolean ok;

  json_builder_set_member_name (ctx->builder, table);
  json_builder_begin_array (ctx->builder);
  ok = pdw_store_foreach_row (store, table, func, ctx, error);
  json_builder_end_array (ctx->builder);

  return ok;
}

static JsonNode *
build_document (PdwStore            *store,
                PdwJsonExportFlags   flags,
                GError             **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exported_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(GHashTable) contact_wa_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) conversation_contacts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ExportContext ctx = { builder, flags, contact_wa_ids, conversation_contacts };

  json_builder_begin_object (builder);
  add_string (&ctx, "format", EXPORT_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, EXPORT_VERSION);
  add_string (&ctx, "exported_at", exported_at);
  json_builder_set_member_name (builder, "identity_masked");
  json_builder_add_boolean_value (builder, (flags & PDW_JSON_EXPORT_UNMASKED) == 0);

  /* Contacts and conversations first: messages look their wa_id up. */
  if (!export_table (store, &ctx, "contacts", export_contact, error) ||
      !export_table (store, &ctx, "conversations", export_conversation, error) ||
      !export_table (store, &ctx, "messages", export_message, error) ||
      !export_table (store, &ctx, "complaints", export_complaint, error) ||
      !export_table (store, &ctx, "complaint_events", export_complaint_event, error))
    return NULL;

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
pdw_json_export_write_full (PdwStore            *store,
                            GOutputStream       *out,
                            PdwJsonExportFlags   flags,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (PDW_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(root = build_document (store, flags, error)))
    return FALSE;

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);

  return json_generator_to_stream (generator, out, cancellable, error) &&
         g_output_stream_write_all (out, "\n", 1, NULL, cancellable, error) &&
         g_output_stream_flush (out, cancellable, error);
}

gboolean
pdw_json_export_write (PdwStore       *store,
                       GOutputStream  *out,
                       GError        **error)
{
  return pdw_json_export_write_full (store, out, PDW_JSON_EXPORT_NONE, NULL, error);
}

gboolean
pdw_json_export_to_file (PdwStore            *store,
                         const char          *path,
                         PdwJsonExportFlags   flags,
                         GError             **error)
{
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PDW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memory = g_memory_output_stream_new_resizable ();
  if (!pdw_json_export_write_full (store, memory, flags, NULL, error) ||
      !g_output_stream_close (memory, NULL, error))
    return FALSE;

  if (!g_file_set_contents_full (path,
                                 g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                                 g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, G_FILE_ERROR, local_error->code,
                   _("Cannot write the export to “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
