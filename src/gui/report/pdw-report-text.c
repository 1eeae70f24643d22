/* pdw-report-text.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pdw-report-text.h"

#define NO_VALUE "–"

char *
pdw_report_text_percent (double percent)
{
  g_autofree char *number = pdw_report_format_number (percent, 1);

  /* TRANSLATORS: a percentage, "87,5%" */
  return g_strdup_printf (_("%s%%"), number);
}

char *
pdw_report_text_count (guint count)
{
  return pdw_report_format_number (count, 0);
}

char *
pdw_report_text_seconds (guint  count,
                         gint64 seconds)
{
  if (count == 0)
    return g_strdup (NO_VALUE);

  return pdw_report_format_duration (seconds);
}

char *
pdw_report_text_value (PdwReportUnit unit,
                       gboolean      has_value,
                       double        value)
{
  if (!has_value)
    return g_strdup (NO_VALUE);

  switch (unit)
    {
    case PDW_REPORT_UNIT_PERCENT:
      return pdw_report_text_percent (value);

    case PDW_REPORT_UNIT_SECONDS:
      return pdw_report_format_duration ((gint64) llround (value));

    case PDW_REPORT_UNIT_INDEX:
    case PDW_REPORT_UNIT_RATING:
      return pdw_report_format_number (value, 2);

    case PDW_REPORT_UNIT_COUNT:
    default:
      return pdw_report_format_number (value, 0);
    }
}

char *
pdw_report_text_figure (const PdwReportFigureValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  return pdw_report_text_value (pdw_report_figure_get_unit (value->figure), value->has_value, value->value);
}

char *
pdw_report_text_change (const PdwReportFigureValue *value)
{
  PdwReportUnit unit;
  g_autofree char *amount = NULL;
  double change;

  g_return_val_if_fail (value != NULL, NULL);

  if (!value->has_value || !value->has_previous)
    return NULL;

  unit = pdw_report_figure_get_unit (value->figure);
  change = value->change;

  switch (unit)
    {
    case PDW_REPORT_UNIT_PERCENT:
      if (fabs (change) < 0.05)
        return g_strdup (_("No change"));
      amount = pdw_report_format_number (fabs (change), 1);
      /* TRANSLATORS: a change of a percentage, in percentage points: "↑ 2,5 points" */
      return g_strdup_printf (change > 0 ? _("↑ %s points") : _("↓ %s points"), amount);

    case PDW_REPORT_UNIT_SECONDS:
      if (llround (change) == 0)
        return g_strdup (_("No change"));
      amount = pdw_report_format_duration (llabs (llround (change)));
      break;

    case PDW_REPORT_UNIT_INDEX:
    case PDW_REPORT_UNIT_RATING:
      if (fabs (change) < 0.005)
        return g_strdup (_("No change"));
      amount = pdw_report_format_number (fabs (change), 2);
      break;

    case PDW_REPORT_UNIT_COUNT:
    default:
      if (llround (change) == 0)
        return g_strdup (_("No change"));
      amount = pdw_report_format_number (fabs (change), 0);
      break;
    }

  return g_strdup_printf ("%s %s", change > 0 ? "↑" : "↓", amount);
}
