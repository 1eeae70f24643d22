/* pdw-report-figures.h: the headline figures of the report view, one card
 * each: the value, and its change against the previous period.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pdw-report.h"

G_BEGIN_DECLS

#define PDW_TYPE_REPORT_FIGURES (pdw_report_figures_get_type ())
G_DECLARE_FINAL_TYPE (PdwReportFigures, pdw_report_figures, PDW, REPORT_FIGURES, GtkBox)

GtkWidget  *pdw_report_figures_new            (void);
/* NULL empties the cards. */
void        pdw_report_figures_set_report     (PdwReportFigures *self,
                                               PdwReport        *report);
/* The value a card shows ("1.234", "–"); NULL for a figure without a
 * card (the counts behind a share are written under the share). */
const char *pdw_report_figures_get_value_text (PdwReportFigures *self,
                                               PdwReportFigure   figure);

G_END_DECLS
