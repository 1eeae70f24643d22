/* pdw-identity-private.h: helpers shared by pdw-identity.c and the extraction
 * (pdw-extract*.c).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Today's date in WIB (Asia/Jakarta), the reference for century and future checks. */
void     pdw_identity_today_wib      (GDate      *date);

/* The century rule: TRUE and @date set when @day/@month/@yy is a real date
 * not after @today, 20YY preferred.  Used for birth dates typed with two digits. */
gboolean pdw_identity_resolve_century (guint        day,
                                       guint        month,
                                       guint        yy,
                                       const GDate *today,
                                       GDate       *date);

G_END_DECLS
