/* test-store-util.h: synthetic webhook content for the store tests.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>

#include "store/pdw-store.h"
#include "pdw-test-util.h"

static inline char *
test_make_db_path (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pdw-store-XXXXXX", &error);

  g_assert_no_error (error);
  *dir_out = dir;
  return g_build_filename (dir, "data", "pandawa", "pandawa.db", NULL);
}

static inline PdwInboundMessage *
test_inbound (const char *wamid,
              const char *wa_id,
              const char *name,
              gint64      timestamp,
              const char *text)
{
  PdwInboundMessage *m = pdw_inbound_message_new ();

  m->wamid = g_strdup (wamid);
  m->wa_id = g_strdup (wa_id);
  m->profile_name = g_strdup (name);
  m->timestamp = timestamp;
  m->type = g_strdup ("text");
  m->text = g_strdup (text);
  return m;
}

static inline PdwStatusUpdate *
test_status (const char        *wamid,
             PdwDeliveryStatus  status,
             gint64             timestamp)
{
  PdwStatusUpdate *s = pdw_status_update_new ();

  s->wamid = g_strdup (wamid);
  s->status = status;
  s->timestamp = timestamp;
  s->recipient_id = g_strdup ("6280000000001");
  return s;
}

/* Ingests the given messages and statuses (taking ownership) as one
 * delivery; asserts success. */
static inline PdwIngestResult
test_ingest (PdwStore  *store,
             GPtrArray *messages,
             GPtrArray *statuses)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static ("{\"object\":\"whatsapp_business_account\"}", 38);
  PdwIngestResult result = { 0 };
  gboolean ok;

  ok = pdw_store_ingest_webhook (store, "test", body, messages, statuses, &result, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_clear_pointer (&messages, g_ptr_array_unref);
  g_clear_pointer (&statuses, g_ptr_array_unref);
  return result;
}

static inline GPtrArray *
test_messages (PdwInboundMessage *first, ...)
{
  GPtrArray *array = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_inbound_message_free);
  va_list args;

  va_start (args, first);
  for (PdwInboundMessage *m = first; m != NULL; m = va_arg (args, PdwInboundMessage *))
    g_ptr_array_add (array, m);
  va_end (args);
  return array;
}

static inline GPtrArray *
test_statuses (PdwStatusUpdate *first, ...)
{
  GPtrArray *array = g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_status_update_free);
  va_list args;

  va_start (args, first);
  for (PdwStatusUpdate *s = first; s != NULL; s = va_arg (args, PdwStatusUpdate *))
    g_ptr_array_add (array, s);
  va_end (args);
  return array;
}
