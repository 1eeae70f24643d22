/* pdw-csv-private.h: CSV text fields as every export of src/export/ writes
 * them (RFC 4180 quoting; a leading =, +, - or @ made inert so that a
 * spreadsheet never runs a citizen's text as a formula).  Implemented in
 * pdw-consolidation-csv.c.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @value, quoted when it holds a separator (',' or ';'), a quote,
 * a line break or surrounding white space. */
void _pdw_csv_append_field (GString    *out,
                            const char *value);

G_END_DECLS
