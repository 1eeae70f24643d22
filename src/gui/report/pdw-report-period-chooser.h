/* pdw-report-period-chooser.h: the report window's choice of period: one
 * month (a month and a year, previous/next), a range of months, or a
 * year.  Shows the current WIB month at first.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/pdw-report.h"

G_BEGIN_DECLS

#define PDW_TYPE_REPORT_PERIOD_CHOOSER (pdw_report_period_chooser_get_type ())
G_DECLARE_FINAL_TYPE (PdwReportPeriodChooser, pdw_report_period_chooser, PDW, REPORT_PERIOD_CHOOSER, GtkBox)

/* Signal: changed (): the chosen period changed (once per user action). */
GtkWidget *pdw_report_period_chooser_new        (void);
/* The chosen period; FALSE with the reason (pdw_report_period_init's)
 * when the range's end is before its start or the range is too long. */
gboolean   pdw_report_period_chooser_get_period (PdwReportPeriodChooser *self,
                                                 PdwReportPeriod        *period,
                                                 GError                **error);
/* Chooses @kind from year-month to year-month (MONTH: the first month;
 * YEAR: the first year), emitting changed once when anything changed. */
void       pdw_report_period_chooser_set        (PdwReportPeriodChooser *self,
                                                 PdwReportPeriodKind     kind,
                                                 int                     from_year,
                                                 int                     from_month,
                                                 int                     to_year,
                                                 int                     to_month);
/* Moves to the period before (-1) or after (+1) the chosen one, of the
 * same length. */
void       pdw_report_period_chooser_step       (PdwReportPeriodChooser *self,
                                                 int                     direction);

G_END_DECLS
