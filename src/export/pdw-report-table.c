/* pdw-report-table.c: the report's tables as typed cells, for the CSV and
 * XLSX writers.  Titles are Indonesian: the files are the office's
 * documents, whatever the officer's locale.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/pdw-time-zone.h"
#include "pdw-report-export-private.h"

static const char * const table_ids[] = {
  "figures", "durations", "by_type", "by_institution", "by_kecamatan", "by_officer",
  "days", "hours", "sop_steps", "backlog", "months", "satisfaction", "files", NULL,
};

static const char * const weekdays_id[] = {
  "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
};

const char * const *
pdw_report_csv_list_tables (void)
{
  return table_ids;
}

GDateTime *
_pdw_report_dup_wib_time (gint64 t)
{
  g_autoptr(GTimeZone) wib = pdw_time_zone_new_wib ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);

  return g_date_time_to_timezone (utc, wib);
}

static void
cell_clear (gpointer data)
{
  g_free (((PdwCell *) data)->text);
}

static PdwReportTable *
table_new (const char *id,
           const char *title,
           ...)
{
  PdwReportTable *table = g_new0 (PdwReportTable, 1);
  const char *column;
  va_list args;

  table->id = id;
  table->title = g_strdup (title);
  table->columns = g_ptr_array_new_with_free_func (g_free);
  table->cells = g_array_new (FALSE, TRUE, sizeof (PdwCell));
  g_array_set_clear_func (table->cells, cell_clear);

  va_start (args, title);
  while ((column = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (table->columns, g_strdup (column));
  va_end (args);

  return table;
}

void
_pdw_report_table_free (PdwReportTable *table)
{
  if (table == NULL)
    return;

  g_free (table->title);
  g_ptr_array_unref (table->columns);
  g_array_unref (table->cells);
  g_free (table);
}

guint
_pdw_report_table_get_n_rows (PdwReportTable *table)
{
  return table->columns->len > 0 ? table->cells->len / table->columns->len : 0;
}

PdwCell *
_pdw_report_table_get_cell (PdwReportTable *table,
                            guint           row,
                            guint           column)
{
  g_return_val_if_fail (column < table->columns->len, NULL);
  return &g_array_index (table->cells, PdwCell, row * table->columns->len + column);
}

static void
add_cell (PdwReportTable *table,
          PdwCellKind     kind,
          const char     *text,
          double          number,
          gint64          time)
{
  PdwCell cell = { kind, g_strdup (text), number, time };

  g_array_append_val (table->cells, cell);
}

static void
add_text (PdwReportTable *table,
          const char     *text)
{
  add_cell (table, text != NULL ? PDW_CELL_TEXT : PDW_CELL_EMPTY, text, 0, 0);
}

static void
add_int (PdwReportTable *table,
         gint64          value)
{
  add_cell (table, PDW_CELL_INT, NULL, (double) value, 0);
}

static void
add_number (PdwReportTable *table,
            gboolean        has_value,
            double          value)
{
  add_cell (table, has_value ? PDW_CELL_NUMBER : PDW_CELL_EMPTY, NULL, value, 0);
}

static void
add_duration (PdwReportTable *table,
              gboolean        has_value,
              double          seconds)
{
  add_cell (table, has_value ? PDW_CELL_DURATION : PDW_CELL_EMPTY, NULL, seconds, 0);
}

static void
add_time (PdwReportTable *table,
          gint64          t)
{
  add_cell (table, t > 0 ? PDW_CELL_DATETIME : PDW_CELL_EMPTY, NULL, 0, t);
}

/* A figure's value in its unit. */
static void
add_figure_value (PdwReportTable  *table,
                  PdwReportFigure  figure,
                  gboolean         has_value,
                  double           value)
{
  switch (pdw_report_figure_get_unit (figure))
    {
    case PDW_REPORT_UNIT_COUNT:
      if (has_value)
        add_int (table, (gint64) value);
      else
        add_number (table, FALSE, 0);
      break;
    case PDW_REPORT_UNIT_SECONDS:
      add_duration (table, has_value, value);
      break;
    case PDW_REPORT_UNIT_PERCENT:
    case PDW_REPORT_UNIT_INDEX:
    case PDW_REPORT_UNIT_RATING:
    default:
      add_number (table, has_value, value);
      break;
    }
}

static PdwReportTable *
figures_table (PdwReport *report)
{
  static const char * const units[] = { "jumlah", "persen", "detik", "indeks", "nilai 1-4" };
  PdwReportTable *t = table_new ("figures", "Angka utama", "Kode", "Uraian", "Nilai",
                                 "Periode sebelumnya", "Perubahan", "Satuan", NULL);

  for (guint i = 0; i < PDW_REPORT_N_FIGURES; i++)
    {
      const PdwReportFigureValue *f = pdw_report_get_figure (report, i);

      add_text (t, pdw_report_figure_get_id (i));
      add_text (t, pdw_report_figure_get_label_id (i));
      add_figure_value (t, i, f->has_value, f->value);
      add_figure_value (t, i, f->has_previous, f->previous);
      add_figure_value (t, i, f->has_value && f->has_previous, f->change);
      add_text (t, units[pdw_report_figure_get_unit (i)]);
    }
  return t;
}

static void
add_stats (PdwReportTable               *t,
           const PdwReportDurationStats *stats)
{
  add_int (t, stats->count);
  add_duration (t, stats->count > 0, stats->median);
  add_duration (t, stats->count > 0, stats->p90);
  add_duration (t, stats->count > 0, stats->mean);
  add_duration (t, stats->count > 0, stats->max);
}

static PdwReportTable *
durations_table (PdwReport *report)
{
  PdwReportTable *t = table_new ("durations", "Durasi", "Kode", "Uraian", "Jumlah sampel",
                                 "Median", "P90", "Rata-rata", "Maksimum", NULL);

  for (guint i = 0; i < PDW_REPORT_N_DURATIONS; i++)
    {
      add_text (t, pdw_report_duration_get_id (i));
      add_text (t, pdw_report_duration_get_label_id (i));
      add_stats (t, pdw_report_get_duration (report, i));
    }
  return t;
}

static PdwReportTable *
breakdown_table (PdwReport          *report,
                 PdwReportBreakdown  breakdown)
{
  static const char * const key_titles[] = { "Kode jenis", "Kode instansi", "Kode wilayah", "Petugas" };
  static const char * const titles[] = { "Jenis pengaduan", "Instansi", "Kecamatan", "Nama petugas" };
  PdwReportTable *t = table_new (pdw_report_breakdown_get_id (breakdown),
                                 pdw_report_breakdown_get_label_id (breakdown),
                                 key_titles[breakdown], titles[breakdown], "Diterima", "Selesai",
                                 "Persentase diterima (%)", "Median waktu penyelesaian", NULL);
  GArray *rows = pdw_report_get_breakdown (report, breakdown);

  for (guint i = 0; i < rows->len; i++)
    {
      const PdwReportRow *row = &g_array_index (rows, PdwReportRow, i);

      add_text (t, row->key);
      add_text (t, row->label);
      add_int (t, row->received);
      add_int (t, row->resolved);
      add_number (t, TRUE, row->share);
      add_duration (t, row->resolution.count > 0, row->resolution.median);
    }
  return t;
}

static PdwReportTable *
days_table (PdwReport *report)
{
  PdwReportTable *t = table_new ("days", "Harian", "Tanggal", "Pengaduan diterima", "Selesai",
                                 "Percakapan baru", "Pesan masuk dari warga", NULL);
  GArray *days = pdw_report_get_days (report);
  g_autoptr(GTimeZone) wib = pdw_time_zone_new_wib ();

  for (guint i = 0; i < days->len; i++)
    {
      const PdwReportDay *day = &g_array_index (days, PdwReportDay, i);
      g_autoptr(GDateTime) start = g_date_time_new (wib, day->year, day->month, day->day, 0, 0, 0);

      add_cell (t, PDW_CELL_DATE, NULL, 0, g_date_time_to_unix (start));
      add_int (t, day->received);
      add_int (t, day->resolved);
      add_int (t, day->first_messages);
      add_int (t, day->citizen_messages);
    }
  return t;
}

static PdwReportTable *
hours_table (PdwReport *report)
{
  PdwReportTable *t = table_new ("hours", "Jam dan hari", "Hari", NULL);

  for (guint h = 0; h < 24; h++)
    g_ptr_array_add (t->columns, g_strdup_printf ("%02u.00", h));
  for (guint d = 0; d < 7; d++)
    {
      add_text (t, weekdays_id[d]);
      for (guint h = 0; h < 24; h++)
        add_int (t, pdw_report_get_hour_count (report, d, h));
    }
  return t;
}

static PdwReportTable *
steps_table (PdwReport *report)
{
  PdwReportTable *t = table_new ("sop_steps", "Waktu per langkah SOP", "Langkah", "Uraian", "Waktu baku",
                                 "Jumlah sampel", "Median", "P90", "Rata-rata", "Maksimum",
                                 "Melebihi waktu baku", NULL);

  for (guint s = 1; s <= PDW_REPORT_N_SOP_STEPS; s++)
    {
      const PdwReportSopStep *step = pdw_report_get_sop_step (report, s);

      add_int (t, s);
      add_text (t, pdw_report_sop_step_get_label_id (s));
      add_duration (t, TRUE, step->standard);
      add_stats (t, &step->stats);
      add_int (t, step->over_standard);
    }
  return t;
}

static PdwReportTable *
backlog_table (PdwReport *report)
{
  PdwReportTable *t = table_new ("backlog", "Tunggakan", "Kode", "Umur berkas", "Jumlah", NULL);

  for (guint a = 0; a < PDW_REPORT_N_AGES; a++)
    {
      add_text (t, pdw_report_age_get_id (a));
      add_text (t, pdw_report_age_get_label_id (a));
      add_int (t, pdw_report_get_backlog_count (report, a));
    }
  return t;
}

static PdwReportTable *
months_table (PdwReport *report)
{
  PdwReportTable *t = table_new ("months", "Rekapitulasi bulanan", "Bulan", "Pengaduan diterima",
                                 "Percakapan baru", "Selesai", "Ditolak", "Dirujuk perekaman biometrik",
                                 "Belum selesai di akhir bulan", "Sisa bulan sebelumnya", "Dibuka kembali",
                                 "Janji 2x24 jam jatuh tempo", "Janji 2x24 jam ditepati",
                                 "Median waktu penyelesaian", "Indeks Kepuasan Masyarakat", NULL);
  GArray *months = pdw_report_get_months (report);

  for (guint i = 0; i < months->len; i++)
    {
      const PdwReportMonth *m = &g_array_index (months, PdwReportMonth, i);
      g_autofree char *month = g_strdup_printf ("%04d-%02d", m->year, m->month);

      add_text (t, month);
      add_int (t, m->received);
      add_int (t, m->first_messages);
      add_int (t, m->resolved);
      add_int (t, m->rejected);
      add_int (t, m->referred_biometric);
      add_int (t, m->open_at_end);
      add_int (t, m->carried_over);
      add_int (t, m->reopened);
      add_int (t, m->promise_files);
      add_int (t, m->promise_kept);
      add_duration (t, m->has_resolution_median, m->resolution_median);
      add_number (t, m->has_satisfaction_index, m->satisfaction_index);
    }
  return t;
}

static PdwReportTable *
satisfaction_table (PdwReport *report)
{
  const PdwReportSatisfaction *s = pdw_report_get_satisfaction (report);
  PdwReportTable *t = table_new ("satisfaction", "Survei Kepuasan Masyarakat", "Kode", "Uraian", "Nilai", NULL);
  static const char * const rating_labels[] = {
    "Nilai 1 (tidak baik)", "Nilai 2 (kurang baik)", "Nilai 3 (baik)", "Nilai 4 (sangat baik)",
  };
  char grade[2] = { s->grade, '\0' };

  add_text (t, "asked");
  add_text (t, "Survei dikirim");
  add_int (t, s->asked);
  add_text (t, "answered");
  add_text (t, "Survei dijawab");
  add_int (t, s->answered);
  add_text (t, "response_rate");
  add_text (t, "Tingkat respons (%)");
  add_number (t, s->asked > 0, s->response_rate);
  for (guint r = 0; r < 4; r++)
    {
      g_autofree char *id = g_strdup_printf ("rating_%u", r + 1);

      add_text (t, id);
      add_text (t, rating_labels[r]);
      add_int (t, s->distribution[r]);
    }
  add_text (t, "mean");
  add_text (t, "Nilai rata-rata (1-4)");
  add_number (t, s->has_index, s->mean);
  add_text (t, "index");
  add_text (t, "Indeks Kepuasan Masyarakat");
  add_number (t, s->has_index, s->index);
  add_text (t, "grade");
  add_text (t, "Mutu pelayanan");
  add_text (t, s->grade != '\0' ? grade : NULL);
  return t;
}

static PdwReportTable *
files_table (PdwReport *report)
{
  PdwReportTable *t = table_new ("files", "Daftar berkas", "Nomor tiket", "Diregistrasi", "Ditutup",
                                 "Jenis pengaduan", "Instansi", "Kecamatan", "Petugas", "Status",
                                 "NIK (disamarkan)", "Waktu respons pertama", "Waktu penyelesaian",
                                 "Janji 2x24 jam", "Dibuka kembali", "Nilai survei", NULL);
  GArray *files = pdw_report_get_files (report);

  for (guint i = 0; i < files->len; i++)
    {
      const PdwReportFile *f = &g_array_index (files, PdwReportFile, i);

      add_text (t, f->ticket);
      add_time (t, f->registered_at);
      add_time (t, f->closed_at);
      add_text (t, f->complaint_type);
      add_text (t, f->institution);
      add_text (t, f->kecamatan);
      add_text (t, f->officer);
      add_text (t, f->status_label);
      add_text (t, f->nik_masked);
      add_duration (t, f->has_first_response, f->first_response);
      add_duration (t, f->has_resolution, f->resolution);
      add_text (t, !f->promise_measured ? NULL : f->promise_kept ? "ditepati" : "tidak ditepati");
      add_int (t, f->reopened);
      if (f->rating > 0)
        add_int (t, f->rating);
      else
        add_text (t, NULL);
    }
  return t;
}

PdwReportTable *
_pdw_report_table_new (PdwReport  *report,
                       const char *id)
{
  g_return_val_if_fail (PDW_IS_REPORT (report), NULL);

  if (g_strcmp0 (id, "figures") == 0)
    return figures_table (report);
  if (g_strcmp0 (id, "durations") == 0)
    return durations_table (report);
  for (guint b = 0; b < PDW_REPORT_N_BREAKDOWNS; b++)
    if (g_strcmp0 (id, pdw_report_breakdown_get_id (b)) == 0)
      return breakdown_table (report, b);
  if (g_strcmp0 (id, "days") == 0)
    return days_table (report);
  if (g_strcmp0 (id, "hours") == 0)
    return hours_table (report);
  if (g_strcmp0 (id, "sop_steps") == 0)
    return steps_table (report);
  if (g_strcmp0 (id, "backlog") == 0)
    return backlog_table (report);
  if (g_strcmp0 (id, "months") == 0)
    return months_table (report);
  if (g_strcmp0 (id, "satisfaction") == 0)
    return satisfaction_table (report);
  if (g_strcmp0 (id, "files") == 0)
    return files_table (report);
  return NULL;
}

char *
_pdw_report_dup_period_line (PdwReport *report)
{
  const PdwReportPeriod *period = pdw_report_get_period (report);
  g_autofree char *label = pdw_report_period_dup_label_id (period);
  g_autoptr(GDateTime) first = _pdw_report_dup_wib_time (period->start);
  g_autoptr(GDateTime) last = _pdw_report_dup_wib_time (period->end - 1);

  return g_strdup_printf ("Periode: %s (%d %s %d s.d. %d %s %d, WIB)", label,
                          g_date_time_get_day_of_month (first), pdw_report_month_get_name_id (g_date_time_get_month (first)),
                          g_date_time_get_year (first),
                          g_date_time_get_day_of_month (last), pdw_report_month_get_name_id (g_date_time_get_month (last)),
                          g_date_time_get_year (last));
}
