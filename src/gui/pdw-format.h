/* pdw-format.h: how the window writes times (always in WIB) and the labels of
 * the complaint form's fixed choices.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GTimeZone  *pdw_format_dup_wib_zone       (void);
/* "HH:MM" today, "Yesterday", else "dd/mm"; @now is Unix seconds (0 = now). */
char       *pdw_format_list_time          (gint64      unix_time,
                                           gint64      now);
/* "HH:MM" in WIB. */
char       *pdw_format_clock              (gint64      unix_time);
/* "dd/mm/yyyy HH:MM" in WIB. */
char       *pdw_format_date_time          (gint64      unix_time);

/* The SOP's complaint types and the institutions where data is inactive.
 * The complaint record stores the stable code; the form shows the label. */
const char * const *pdw_format_complaint_type_codes (void);
const char * const *pdw_format_institution_codes    (void);
const char         *pdw_format_complaint_type_label (const char *code);
const char         *pdw_format_institution_label    (const char *code);

G_END_DECLS
