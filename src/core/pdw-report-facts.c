/* pdw-report-facts.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pdw-report-facts.h"

PdwReportFacts *
pdw_report_facts_new (gint64 start,
                      gint64 end)
{
  PdwReportFacts *facts = g_new0 (PdwReportFacts, 1);

  facts->files = g_array_new (FALSE, TRUE, sizeof (PdwReportFileFact));
  facts->events = g_array_new (FALSE, TRUE, sizeof (PdwReportEventFact));
  facts->conversation_starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  facts->citizen_messages = g_array_new (FALSE, FALSE, sizeof (gint64));
  facts->type_labels = g_hash_table_new (g_str_hash, g_str_equal);
  facts->institution_labels = g_hash_table_new (g_str_hash, g_str_equal);
  facts->strings = g_string_chunk_new (64 * 1024);
  facts->start = start;
  facts->end = end;
  return facts;
}

void
pdw_report_facts_free (PdwReportFacts *facts)
{
  if (facts == NULL)
    return;

  g_array_unref (facts->files);
  g_array_unref (facts->events);
  g_array_unref (facts->conversation_starts);
  g_array_unref (facts->citizen_messages);
  g_hash_table_unref (facts->type_labels);
  g_hash_table_unref (facts->institution_labels);
  g_string_chunk_free (facts->strings);
  g_free (facts);
}

const char *
pdw_report_facts_intern (PdwReportFacts *facts,
                         const char     *text)
{
  g_return_val_if_fail (facts != NULL, NULL);

  /* Officers' names, codes and actions repeat on every file: one copy. */
  return text != NULL ? g_string_chunk_insert_const (facts->strings, text) : NULL;
}

PdwReportFileFact *
pdw_report_facts_add_file (PdwReportFacts *facts,
                           gint64          id,
                           gint64          created_at)
{
  PdwReportFileFact file = { 0 };

  g_return_val_if_fail (facts != NULL, NULL);

  file.id = id;
  file.created_at = created_at;
  file.first_event = facts->events->len;
  g_array_append_val (facts->files, file);
  return &g_array_index (facts->files, PdwReportFileFact, facts->files->len - 1);
}

PdwReportEventFact *
pdw_report_facts_add_event (PdwReportFacts *facts,
                            gint64          timestamp,
                            const char     *action,
                            const char     *actor)
{
  PdwReportEventFact event = { 0 };
  PdwReportFileFact *file;

  g_return_val_if_fail (facts != NULL, NULL);
  g_return_val_if_fail (facts->files->len > 0, NULL);

  file = &g_array_index (facts->files, PdwReportFileFact, facts->files->len - 1);
  event.timestamp = timestamp;
  event.action = pdw_report_facts_intern (facts, action);
  event.actor = pdw_report_facts_intern (facts, actor);
  g_array_append_val (facts->events, event);
  file->n_events++;
  return &g_array_index (facts->events, PdwReportEventFact, facts->events->len - 1);
}

void
pdw_report_facts_get_span (const PdwReportPeriod *period,
                           gint64                *start,
                           gint64                *end)
{
  PdwReportPeriod previous;

  g_return_if_fail (period != NULL && start != NULL && end != NULL);

  pdw_report_period_previous (period, &previous);
  *start = previous.start;
  if (period->kind == PDW_REPORT_PERIOD_MONTH)
    *start = MIN (*start, pdw_report_month_start (period->from_year, 1));
  *end = period->end;
}
