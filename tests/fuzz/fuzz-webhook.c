/* fuzz-webhook.c: libFuzzer target for the webhook parser, which reads
 * whatever a stranger posts once its signature holds (or Meta's own
 * surprises): depth limit, NUL and surrogate escapes, every item.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "gateway/pdw-webhook-parser.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_text (const char *text)
{
  /* What the store, the exports and the window rely on. */
  g_assert_true (text == NULL || g_utf8_validate (text, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rewritten = NULL;
  guint depth;

  depth = pdw_webhook_scan_json ((const char *) data, size, PDW_WEBHOOK_MAX_DEPTH, &rewritten);
  g_assert_cmpuint (depth, <=, PDW_WEBHOOK_MAX_DEPTH + 1);

  if (!pdw_webhook_parse (body, &messages, &statuses, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (depth, <=, PDW_WEBHOOK_MAX_DEPTH);
  for (guint i = 0; i < messages->len; i++)
    {
      PdwInboundMessage *message = g_ptr_array_index (messages, i);

      check_text (message->wamid);
      check_text (message->wa_id);
      check_text (message->user_id);
      check_text (message->profile_name);
      check_text (message->type);
      check_text (message->text);
      check_text (message->media_filename);
      check_text (message->raw_json);
    }
  for (guint i = 0; i < statuses->len; i++)
    check_text (((PdwStatusUpdate *) g_ptr_array_index (statuses, i))->wamid);

  /* Nothing ends more than a day ahead of now. */
  pdw_webhook_clamp_timestamps (messages, statuses, 1767225600);
  for (guint i = 0; i < messages->len; i++)
    g_assert_cmpint (((PdwInboundMessage *) g_ptr_array_index (messages, i))->timestamp, <=,
                     1767225600 + PDW_WEBHOOK_MAX_FUTURE_SECONDS);

  return 0;
}
