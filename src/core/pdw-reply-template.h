/* pdw-reply-template.h: a prepared answer officers insert in the composer
 * (pdw-template.h renders its variables).  The shipped ones
 * (pdw_template_get_default_names()) can be edited and reset but not
 * deleted; officers add their own.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PDW_TYPE_REPLY_TEMPLATE (pdw_reply_template_get_type ())
G_DECLARE_FINAL_TYPE (PdwReplyTemplate, pdw_reply_template, PDW, REPLY_TEMPLATE, GObject)

/* Properties: "id" (gint64), "name", "title", "body" (strings), "builtin"
 * (boolean), "updated-at" (gint64). */
gint64      pdw_reply_template_get_id         (PdwReplyTemplate *self);
/* Stable id: "standard_reply", "closing", ... or one derived from the title. */
const char *pdw_reply_template_get_name       (PdwReplyTemplate *self);
const char *pdw_reply_template_get_title      (PdwReplyTemplate *self);
const char *pdw_reply_template_get_body       (PdwReplyTemplate *self);
gboolean    pdw_reply_template_get_builtin    (PdwReplyTemplate *self);
gint64      pdw_reply_template_get_updated_at (PdwReplyTemplate *self);

/* Quick replies: the composer's text "/query" (the text starts with "/"
 * and is one line) asks for the templates matching "query".  Returns what
 * follows the slash (may be ""), or NULL when the text is a message. */
const char *pdw_reply_template_get_quick_query (const char       *composer_text);
/* Whether every word of @query is found in the template's title, name or
 * text, in any case and with or without accents.  An empty or NULL @query
 * matches every template. */
gboolean    pdw_reply_template_matches        (PdwReplyTemplate *self,
                                               const char       *query);

G_END_DECLS
