/* pdw-report-text.h: how the report view writes the report's numbers,
 * the Indonesian way (pdw_report_format_number(), _duration()): a
 * figure's value, its change against the previous period, shares and
 * duration statistics.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/pdw-report.h"

G_BEGIN_DECLS

/* "1.234", "87,5%", "2 jam 5 menit", "82,31"; "–" without a value. */
char *pdw_report_text_value   (PdwReportUnit               unit,
                               gboolean                    has_value,
                               double                      value);
/* The figure's value as the view shows it. */
char *pdw_report_text_figure  (const PdwReportFigureValue *value);
/* "↑ 12", "↓ 2,5 points", "↓ 1 jam 5 menit", "No change"; NULL when the
 * previous period has no value to compare with. */
char *pdw_report_text_change  (const PdwReportFigureValue *value);
/* "87,5%" */
char *pdw_report_text_percent (double                      percent);
/* "1.234" */
char *pdw_report_text_count   (guint                       count);
/* A duration for a table cell; "–" when @count is 0 (nothing measured). */
char *pdw_report_text_seconds (guint                       count,
                               gint64                      seconds);

G_END_DECLS
