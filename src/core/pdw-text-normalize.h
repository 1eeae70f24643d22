/* pdw-text-normalize.h: cleans text the way citizens' phones produce it
 * (zero-width characters, NBSP, full-width digits, CRLF) before numbers are
 * looked for in it.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns valid UTF-8 in which:
 *  - invisible format characters (U+200B..U+200F, U+2060..U+2069, U+FEFF,
 *    soft hyphen, ...) are removed;
 *  - every Unicode space (NBSP, U+2000..U+200A, U+3000, tabs) is ' ';
 *  - CRLF, CR, U+2028 and U+2029 are '\n';
 *  - full-width ASCII (U+FF01..U+FF5E) becomes ASCII, every decimal digit
 *    becomes '0'..'9', and Unicode dashes become '-';
 *  - other control characters are removed.
 * Invalid UTF-8 is repaired first. */
char *pdw_text_normalize (const char *text,
                          gssize      length);

G_END_DECLS
