/* pdw-report-document-content.c: what the report document says, in
 * Indonesian, from the PdwReport (and nothing else, so that it cannot
 * disagree with the view or the other exports).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pdw-pdf-common.h"
#include "pdw-report-document-private.h"

/* Kecamatan rows shown before the rest is summed up as "Lainnya". */
#define TOP_KECAMATAN 10

/* Space after a paragraph. */
#define SPACE PDW_PDF_MM (3)

#define L PANGO_ALIGN_LEFT
#define R PANGO_ALIGN_RIGHT
#define C PANGO_ALIGN_CENTER

static char *
count_text (double value)
{
  return pdw_report_format_number (value, 0);
}

static char *
percent_text (double value)
{
  g_autofree char *number = pdw_report_format_number (value, 1);

  return g_strdup_printf ("%s%%", number);
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

char *
doc_format_figure_value (PdwReportUnit unit,
                         gboolean      has_value,
                         double        value)
{
  if (!has_value || !isfinite (value))
    return g_strdup ("–");

  switch (unit)
    {
    case PDW_REPORT_UNIT_PERCENT:
      return percent_text (value);
    case PDW_REPORT_UNIT_SECONDS:
      return pdw_report_format_duration ((gint64) llround (value));
    case PDW_REPORT_UNIT_INDEX:
    case PDW_REPORT_UNIT_RATING:
      return pdw_report_format_number (value, 2);
    case PDW_REPORT_UNIT_COUNT:
    default:
      return count_text (value);
    }
}

/* "+64", "−12", "+1,2 poin", "+1 jam 5 menit", "0"; "–" without both values. */
static char *
change_text (PdwReportUnit               unit,
             const PdwReportFigureValue *figure)
{
  const char *sign;
  double magnitude;
  g_autofree char *number = NULL;

  if (!figure->has_value || !figure->has_previous || !isfinite (figure->change))
    return g_strdup ("–");

  magnitude = fabs (figure->change);
  sign = figure->change > 0 ? "+" : figure->change < 0 ? "−" : "";

  switch (unit)
    {
    case PDW_REPORT_UNIT_PERCENT:
      number = pdw_report_format_number (magnitude, 1);
      return g_strdup_printf ("%s%s poin", sign, number);
    case PDW_REPORT_UNIT_SECONDS:
      number = magnitude >= 1 ? pdw_report_format_duration ((gint64) llround (magnitude)) : g_strdup ("0");
      break;
    case PDW_REPORT_UNIT_INDEX:
    case PDW_REPORT_UNIT_RATING:
      number = pdw_report_format_number (magnitude, 2);
      break;
    case PDW_REPORT_UNIT_COUNT:
    default:
      number = count_text (magnitude);
      break;
    }

  return g_strdup_printf ("%s%s", sign, number);
}

static const PdwReportFigureValue *
figure (PdwReport       *report,
        PdwReportFigure  which)
{
  return pdw_report_get_figure (report, which);
}

static char *
figure_text (PdwReport       *report,
             PdwReportFigure  which)
{
  const PdwReportFigureValue *value = figure (report, which);

  return doc_format_figure_value (pdw_report_figure_get_unit (which), value->has_value, value->value);
}

/* ---- Summary ------------------------------------------------------------------- */

static void
append_change_clause (GString                    *text,
                      const PdwReportFigureValue *received,
                      const char                 *previous_label)
{
  if (!received->has_previous || !received->has_value)
    return;

  if (received->change == 0)
    {
      g_string_append_printf (text, ", sama dengan %s", previous_label);
    }
  else
    {
      g_autofree char *change = count_text (fabs (received->change));

      g_string_append_printf (text, ", %s %s pengaduan", received->change > 0 ? "naik" : "turun", change);
      if (received->previous > 0)
        {
          g_autofree char *share = pdw_report_format_number (fabs (received->change) / received->previous * 100, 1);

          g_string_append_printf (text, " (%s%%)", share);
        }
      g_string_append_printf (text, " dibanding %s", previous_label);
    }
}

/* A paragraph from the figures, with only the sentences that have
 * something to say. */
static char *
summary_markup (PdwReport *report)
{
  const PdwReportPeriod *period = pdw_report_get_period (report);
  PdwReportPeriod previous;
  g_autofree char *period_label = pdw_report_period_dup_label_id (period);
  g_autofree char *previous_label = NULL;
  g_autofree char *received = figure_text (report, PDW_REPORT_FIGURE_RECEIVED);
  g_autofree char *conversations = figure_text (report, PDW_REPORT_FIGURE_FIRST_MESSAGES);
  g_autofree char *resolved = figure_text (report, PDW_REPORT_FIGURE_RESOLVED);
  g_autofree char *rejected = figure_text (report, PDW_REPORT_FIGURE_REJECTED);
  g_autofree char *open = figure_text (report, PDW_REPORT_FIGURE_OPEN_AT_END);
  const PdwReportFigureValue *share = figure (report, PDW_REPORT_FIGURE_PROMISE_KEPT_SHARE);
  const PdwReportFigureValue *first_response = figure (report, PDW_REPORT_FIGURE_FIRST_RESPONSE_MEDIAN);
  const PdwReportFigureValue *resolution = figure (report, PDW_REPORT_FIGURE_RESOLUTION_MEDIAN);
  const PdwReportSatisfaction *survey = pdw_report_get_satisfaction (report);
  GString *text = g_string_new (NULL);

  pdw_report_period_previous (period, &previous);
  previous_label = pdw_report_period_dup_label_id (&previous);

  g_string_append_printf (text, "Selama periode %s, layanan PANDAWA menerima <b>%s pengaduan</b>",
                          period_label, received);
  append_change_clause (text, figure (report, PDW_REPORT_FIGURE_RECEIVED), previous_label);
  g_string_append_printf (text, ", dari %s percakapan baru melalui WhatsApp. ", conversations);
  g_string_append_printf (text, "Sebanyak <b>%s pengaduan selesai</b> dan %s ditolak pada periode ini",
                          resolved, rejected);
  g_string_append_printf (text, "; %s pengaduan masih dalam proses pada akhir periode. ", open);

  if (share->has_value)
    {
      g_autofree char *kept = percent_text (share->value);
      g_autofree char *files = figure_text (report, PDW_REPORT_FIGURE_PROMISE_FILES);

      g_string_append_printf (text, "Janji layanan 2x24 jam ditepati pada <b>%s</b> dari %s berkas yang diukur. ",
                              kept, files);
    }

  if (first_response->has_value && resolution->has_value)
    {
      g_autofree char *first = pdw_report_format_duration ((gint64) llround (first_response->value));
      g_autofree char *resolve = pdw_report_format_duration ((gint64) llround (resolution->value));

      g_string_append_printf (text, "Median waktu respons pertama %s dan median waktu penyelesaian %s. ",
                              first, resolve);
    }
  else if (first_response->has_value)
    {
      g_autofree char *first = pdw_report_format_duration ((gint64) llround (first_response->value));

      g_string_append_printf (text, "Median waktu respons pertama %s. ", first);
    }

  if (survey->has_index)
    {
      g_autofree char *index = pdw_report_format_number (survey->index, 2);
      g_autofree char *answered = count_text (survey->answered);
      const char *grade = pdw_report_grade_get_label_id (survey->grade);

      g_string_append_printf (text, "Indeks Kepuasan Masyarakat <b>%s</b>", index);
      if (grade != NULL)
        g_string_append_printf (text, " (mutu %c, %s)", survey->grade, grade);
      g_string_append_printf (text, " dari %s jawaban survei.", answered);
    }
  else
    {
      g_string_append (text, "Belum ada jawaban survei kepuasan pada periode ini.");
    }

  return g_string_free (text, FALSE);
}

/* ---- Tables --------------------------------------------------------------------- */

static void
add_figures_table (DocLayout *layout)
{
  PdwReport *report = doc_layout_get_report (layout);
  const PdwReportPeriod *period = pdw_report_get_period (report);
  PdwReportPeriod previous;
  g_autofree char *previous_label = NULL;
  g_autoptr(DocTable) table = doc_table_new (DOC_FONT_TABLE);

  pdw_report_period_previous (period, &previous);
  previous_label = pdw_report_period_dup_label_id (&previous);

  doc_table_add_column (table, "No", 0.06, C);
  doc_table_add_column (table, "Uraian", 0.44, L);
  doc_table_add_column (table, "Periode ini", 0.18, R);
  doc_table_add_column (table, "Periode sebelumnya", 0.18, R);
  doc_table_add_column (table, "Perubahan", 0.14, R);

  for (PdwReportFigure f = 0; f < PDW_REPORT_N_FIGURES; f++)
    {
      const PdwReportFigureValue *value = figure (report, f);
      PdwReportUnit unit = pdw_report_figure_get_unit (f);

      doc_table_add_row (table, FALSE,
                         g_strdup_printf ("%u", f + 1),
                         escape (pdw_report_figure_get_label_id (f)),
                         doc_format_figure_value (unit, value->has_value, value->value),
                         doc_format_figure_value (unit, value->has_previous, value->previous),
                         change_text (unit, value),
                         NULL);
    }

  doc_add_heading (layout, "A. Angka Utama");
  {
    g_autofree char *compared = g_markup_printf_escaped ("Periode sebelumnya: %s.", previous_label);

    doc_add_paragraph (layout, compared, DOC_FONT_SMALL, L, PDW_PDF_MM (1));
  }
  doc_add_table (layout, g_steal_pointer (&table));
}

static char *
row_label (const PdwReportRow *row)
{
  if (row->key == NULL || *row->key == '\0')
    return g_strdup ("Tidak tercatat");
  if (g_strcmp0 (row->key, "unknown") == 0)
    return g_strdup ("Wilayah tidak dikenal");
  return escape (row->label);
}

static char *
median_text (const PdwReportDurationStats *stats)
{
  return stats->count > 0 ? pdw_report_format_duration (stats->median) : g_strdup ("–");
}

static void
add_breakdown_table (DocLayout          *layout,
                     PdwReportBreakdown  breakdown,
                     const char         *heading,
                     const char         *name_column,
                     const char         *received_column,
                     guint               limit)
{
  PdwReport *report = doc_layout_get_report (layout);
  GArray *rows = pdw_report_get_breakdown (report, breakdown);
  g_autoptr(DocTable) table = doc_table_new (DOC_FONT_TABLE);
  guint other_received = 0, other_resolved = 0, total_received = 0, total_resolved = 0, n_other = 0;
  double other_share = 0;

  doc_table_add_column (table, "No", 0.06, C);
  doc_table_add_column (table, name_column, 0.40, L);
  doc_table_add_column (table, received_column, 0.14, R);
  doc_table_add_column (table, "Selesai", 0.12, R);
  doc_table_add_column (table, "Porsi", 0.10, R);
  doc_table_add_column (table, "Median penyelesaian", 0.18, R);

  for (guint i = 0; i < rows->len; i++)
    {
      const PdwReportRow *row = &g_array_index (rows, PdwReportRow, i);

      total_received += row->received;
      total_resolved += row->resolved;
      if (limit > 0 && i >= limit)
        {
          other_received += row->received;
          other_resolved += row->resolved;
          other_share += row->share;
          n_other++;
          continue;
        }
      doc_table_add_row (table, FALSE,
                         g_strdup_printf ("%u", i + 1),
                         row_label (row),
                         count_text (row->received),
                         count_text (row->resolved),
                         percent_text (row->share),
                         median_text (&row->resolution),
                         NULL);
    }

  if (n_other > 0)
    doc_table_add_row (table, FALSE, g_strdup (""),
                       g_strdup_printf ("Lainnya (%u kecamatan/wilayah)", n_other),
                       count_text (other_received), count_text (other_resolved),
                       percent_text (other_share), g_strdup ("–"), NULL);

  if (rows->len == 0)
    doc_table_add_row (table, FALSE, g_strdup (""), g_strdup ("<i>Tidak ada data</i>"), NULL);
  else
    doc_table_add_row (table, TRUE, g_strdup (""), g_strdup ("<b>Jumlah</b>"),
                       count_text (total_received), count_text (total_resolved),
                       g_strdup (total_received > 0 ? "100,0%" : "–"), g_strdup (""), NULL);

  doc_add_heading (layout, heading);
  doc_add_table (layout, g_steal_pointer (&table));
}

static void
add_sop_table (DocLayout *layout)
{
  PdwReport *report = doc_layout_get_report (layout);
  g_autoptr(DocTable) table = doc_table_new (DOC_FONT_SMALL);

  doc_table_add_column (table, "Langkah SOP", 0.27, L);
  doc_table_add_column (table, "Standar", 0.08, R);
  doc_table_add_column (table, "Sampel", 0.08, R);
  doc_table_add_column (table, "Median", 0.15, R);
  doc_table_add_column (table, "P90", 0.15, R);
  doc_table_add_column (table, "Rata-rata", 0.15, R);
  doc_table_add_column (table, "Lewat standar", 0.12, R);

  for (guint step = 1; step <= PDW_REPORT_N_SOP_STEPS; step++)
    {
      const PdwReportSopStep *sop = pdw_report_get_sop_step (report, step);
      const PdwReportDurationStats *stats = &sop->stats;
      gboolean has = stats->count > 0;

      doc_table_add_row (table, FALSE,
                         g_markup_printf_escaped ("%u. %s", step, pdw_report_sop_step_get_label_id (step)),
                         pdw_report_format_duration (sop->standard),
                         count_text (stats->count),
                         has ? pdw_report_format_duration (stats->median) : g_strdup ("–"),
                         has ? pdw_report_format_duration (stats->p90) : g_strdup ("–"),
                         has ? pdw_report_format_duration ((gint64) llround (stats->mean)) : g_strdup ("–"),
                         has ? percent_text (100.0 * sop->over_standard / stats->count) : g_strdup ("–"),
                         NULL);
    }

  doc_add_heading (layout, "G. Waktu per Langkah SOP terhadap Waktu Standar");
  doc_add_table (layout, g_steal_pointer (&table));
  doc_add_paragraph (layout,
                     "Waktu setiap langkah diukur dari kartu kendali: dari langkah sebelumnya sampai langkah "
                     "tersebut dicatat. Langkah 5 (janji 2x24 jam) diukur sampai data aktif atau berkas ditutup.",
                     DOC_FONT_SMALL, L, SPACE);
}

static void
add_months_table (DocLayout *layout)
{
  PdwReport *report = doc_layout_get_report (layout);
  GArray *months = pdw_report_get_months (report);
  g_autoptr(DocTable) table = doc_table_new (DOC_FONT_SMALL);
  guint totals[7] = { 0 };

  doc_table_add_column (table, "Bulan", 0.16, L);
  doc_table_add_column (table, "Diterima", 0.09, R);
  doc_table_add_column (table, "Percakapan", 0.10, R);
  doc_table_add_column (table, "Selesai", 0.08, R);
  doc_table_add_column (table, "Ditolak", 0.08, R);
  doc_table_add_column (table, "Biometrik", 0.09, R);
  doc_table_add_column (table, "Sisa akhir bulan", 0.09, R);
  doc_table_add_column (table, "Janji 2x24 jam", 0.09, R);
  doc_table_add_column (table, "Median selesai", 0.14, R);
  doc_table_add_column (table, "IKM", 0.08, R);

  for (guint i = 0; i < months->len; i++)
    {
      const PdwReportMonth *month = &g_array_index (months, PdwReportMonth, i);
      PdwReportPeriod period;
      g_autofree char *label = NULL;

      if (pdw_report_period_init (&period, month->year, month->month, month->year, month->month, NULL))
        label = pdw_report_period_dup_label_id (&period);

      totals[0] += month->received;
      totals[1] += month->first_messages;
      totals[2] += month->resolved;
      totals[3] += month->rejected;
      totals[4] += month->referred_biometric;
      totals[5] += month->promise_files;
      totals[6] += month->promise_kept;

      doc_table_add_row (table, FALSE,
                         escape (label),
                         count_text (month->received),
                         count_text (month->first_messages),
                         count_text (month->resolved),
                         count_text (month->rejected),
                         count_text (month->referred_biometric),
                         count_text (month->open_at_end),
                         month->promise_files > 0 ? percent_text (100.0 * month->promise_kept / month->promise_files)
                                                  : g_strdup ("–"),
                         month->has_resolution_median ? pdw_report_format_duration (month->resolution_median)
                                                      : g_strdup ("–"),
                         month->has_satisfaction_index ? pdw_report_format_number (month->satisfaction_index, 2)
                                                       : g_strdup ("–"),
                         NULL);
    }

  if (months->len > 1)
    doc_table_add_row (table, TRUE, g_strdup ("<b>Jumlah</b>"),
                       count_text (totals[0]), count_text (totals[1]), count_text (totals[2]),
                       count_text (totals[3]), count_text (totals[4]), g_strdup (""),
                       totals[5] > 0 ? percent_text (100.0 * totals[6] / totals[5]) : g_strdup ("–"),
                       g_strdup (""), g_strdup (""), NULL);

  doc_add_heading (layout, "H. Rekapitulasi Bulanan");
  doc_add_table (layout, g_steal_pointer (&table));
}

static void
add_backlog_table (DocLayout *layout)
{
  PdwReport *report = doc_layout_get_report (layout);
  const PdwReportDurationStats *ages = pdw_report_get_backlog_ages (report);
  g_autoptr(DocTable) table = doc_table_new (DOC_FONT_TABLE);
  guint total = 0;

  doc_table_add_column (table, "Umur berkas", 0.60, L);
  doc_table_add_column (table, "Jumlah", 0.20, R);
  doc_table_add_column (table, "Porsi", 0.20, R);

  for (PdwReportAge age = 0; age < PDW_REPORT_N_AGES; age++)
    total += pdw_report_get_backlog_count (report, age);

  for (PdwReportAge age = 0; age < PDW_REPORT_N_AGES; age++)
    {
      guint count = pdw_report_get_backlog_count (report, age);

      doc_table_add_row (table, FALSE,
                         escape (pdw_report_age_get_label_id (age)),
                         count_text (count),
                         total > 0 ? percent_text (100.0 * count / total) : g_strdup ("–"),
                         NULL);
    }
  doc_table_add_row (table, TRUE, g_strdup ("<b>Jumlah berkas belum selesai</b>"), count_text (total),
                     g_strdup (total > 0 ? "100,0%" : "–"), NULL);

  doc_add_heading (layout, "I. Berkas Belum Selesai di Akhir Periode");
  doc_add_table (layout, g_steal_pointer (&table));

  if (ages->count > 0)
    {
      g_autofree char *median = pdw_report_format_duration (ages->median);
      g_autofree char *p90 = pdw_report_format_duration (ages->p90);
      g_autofree char *max = pdw_report_format_duration (ages->max);
      g_autofree char *line = g_strdup_printf ("Umur median %s, P90 %s, tertua %s.", median, p90, max);

      doc_add_paragraph (layout, line, DOC_FONT_SMALL, L, SPACE);
    }
}

static void
add_policy (DocLayout *layout)
{
  PdwReport *report = doc_layout_get_report (layout);
  g_autofree char *plain = g_strdup (pdw_report_get_policy_text (report));
  g_autofree char *policy = NULL;
  g_autofree char *text = NULL;

  /* The sentence goes on after the policy: no full stop of its own. */
  g_strstrip (plain);
  if (g_str_has_suffix (plain, "."))
    plain[strlen (plain) - 1] = '\0';
  policy = escape (plain);
  text = g_strdup_printf (
    "Janji layanan 2x24 jam dihitung menurut kebijakan: <b>%s</b>. "
    "Semua waktu dalam WIB. Pengaduan dihitung <i>diterima</i> pada bulan didaftarkan dan "
    "<i>selesai</i> pada bulan ditutup. Waktu respons pertama dihitung dari pesan pertama warga sampai "
    "balasan pertama yang ditulis petugas (balasan otomatis tidak dihitung); untuk berkas yang dibuka "
    "kembali, dihitung dari saat dibuka kembali. Median dan P90 adalah nilai pengamatan (peringkat terdekat). "
    "Indeks Kepuasan Masyarakat = rata-rata nilai (1–4) / 4 × 100, mutu menurut PermenPAN-RB Nomor 14 "
    "Tahun 2017 (A 88,31–100; B 76,61–88,30; C 65,00–76,60; D 25,00–64,99).", policy);

  /* The last section goes with the signature: a signature alone on a page
   * would sign nothing. */
  doc_keep_together (layout, PDW_PDF_MM (12) + doc_measure_paragraph (layout, text, DOC_FONT_BODY) + SPACE +
                     doc_measure_signature (layout));
  doc_add_heading (layout, "J. Kebijakan Layanan dan Definisi");
  doc_add_paragraph (layout, text, DOC_FONT_BODY, L, SPACE);
}

/* ---- The whole ------------------------------------------------------------------- */

void
doc_build_content (DocLayout *layout)
{
  PdwReport *report = doc_layout_get_report (layout);
  g_autofree char *summary = summary_markup (report);

  doc_add_heading (layout, "Ringkasan");
  doc_add_paragraph (layout, summary, DOC_FONT_BODY, L, SPACE);

  add_figures_table (layout);

  doc_add_heading (layout, "B. Grafik");
  doc_add_charts (layout, PDW_REPORT_CHART_PROMISE, PDW_REPORT_CHART_SATISFACTION);
  doc_add_charts (layout, PDW_REPORT_CHART_DAILY_VOLUME, PDW_REPORT_N_CHARTS);
  doc_add_charts (layout, PDW_REPORT_CHART_TYPES, PDW_REPORT_N_CHARTS);
  doc_add_charts (layout, PDW_REPORT_CHART_INSTITUTIONS, PDW_REPORT_N_CHARTS);
  doc_add_charts (layout, PDW_REPORT_CHART_SOP_STEPS, PDW_REPORT_N_CHARTS);
  doc_add_charts (layout, PDW_REPORT_CHART_HOURS, PDW_REPORT_N_CHARTS);

  add_breakdown_table (layout, PDW_REPORT_BY_TYPE, "C. Pengaduan Menurut Jenis", "Jenis pengaduan",
                       "Diterima", 0);
  add_breakdown_table (layout, PDW_REPORT_BY_INSTITUTION, "D. Pengaduan Menurut Instansi",
                       "Instansi tempat data ditolak", "Diterima", 0);
  add_breakdown_table (layout, PDW_REPORT_BY_KECAMATAN, "E. Pengaduan Menurut Kecamatan (10 terbanyak)",
                       "Kecamatan", "Diterima", TOP_KECAMATAN);
  add_breakdown_table (layout, PDW_REPORT_BY_OFFICER, "F. Pengaduan Menurut Petugas", "Petugas", "Didaftarkan", 0);
  add_sop_table (layout);
  add_months_table (layout);
  add_backlog_table (layout);
  add_policy (layout);

  doc_add_signature (layout);
}
