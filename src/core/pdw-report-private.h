/* pdw-report-private.h: the fields of PdwReport, shared by pdw-report.c
 * (the object and its tables of names) and pdw-report-build.c (the one
 * computation that fills them).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pdw-report.h"

G_BEGIN_DECLS

struct _PdwReport
{
  GObject                 parent_instance;

  PdwReportPeriod         period;
  gint64                  generated_at;
  PdwSlaPolicy            policy;
  char                   *policy_text;
  char                   *policy_label;
  PdwReportFigureValue    figures[PDW_REPORT_N_FIGURES];
  PdwReportDurationStats  durations[PDW_REPORT_N_DURATIONS];
  GArray                 *breakdowns[PDW_REPORT_N_BREAKDOWNS];  /* PdwReportRow */
  GArray                 *days;                                 /* PdwReportDay */
  guint                   hours[7][24];
  PdwReportSopStep        steps[PDW_REPORT_N_SOP_STEPS];
  guint                   backlog[PDW_REPORT_N_AGES];
  PdwReportDurationStats  backlog_ages;
  GArray                 *months;                               /* PdwReportMonth */
  PdwReportSatisfaction   satisfaction;
  GArray                 *files;                                /* PdwReportFile */
};

PdwReport  *_pdw_report_new               (void);
/* Median, P90 (nearest rank), mean and max of @samples (gint64, sorted in
 * place); all zero when empty. */
void        _pdw_report_stats_from_samples (GArray                 *samples,
                                            PdwReportDurationStats *stats);
/* The lower bound of each age bucket, seconds. */
gint64      _pdw_report_age_get_min       (PdwReportAge age);
/* The policy in words: Indonesian (for the documents) and translated. */
char       *_pdw_report_dup_policy_text   (const PdwSlaPolicy *policy,
                                           PdwServiceCalendar *calendar,
                                           gboolean            indonesian);

G_END_DECLS
