/* pdw-record-private.h: property plumbing shared by the record GObjects
 * (conversation, message, complaint, complaint event).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Each setter stores @value and notifies @pspec only when the value really
 * changed; it returns whether it did. */
gboolean pdw_record_set_string (GObject     *object,
                                char       **field,
                                const char  *value,
                                GParamSpec  *pspec);
gboolean pdw_record_set_int64  (GObject     *object,
                                gint64      *field,
                                gint64       value,
                                GParamSpec  *pspec);
gboolean pdw_record_set_int    (GObject     *object,
                                int         *field,
                                int          value,
                                GParamSpec  *pspec);
gboolean pdw_record_set_uint   (GObject     *object,
                                guint       *field,
                                guint        value,
                                GParamSpec  *pspec);

/* Copies every writable property of @other into @self (same type).  The
 * setters above keep this to one notification per property that changed. */
void     pdw_record_update_from (GObject *self,
                                 GObject *other);

G_END_DECLS
