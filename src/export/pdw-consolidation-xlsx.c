/* pdw-consolidation-xlsx.c: the consolidation list as an XLSX workbook,
 * written with libxlsxwriter (text cells, a dropdown for the result) and
 * read back with libarchive and GMarkup: the first sheet's cells, with
 * the shared strings they point to.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#if HAVE_XLSXWRITER
# include <xlsxwriter.h>
#endif

#if HAVE_LIBARCHIVE
# include <archive.h>
# include <archive_entry.h>
#endif

#include "pdw-consolidation-private.h"
#include "pdw-export-private.h"

/* ---- Writing ---------------------------------------------------------------- */

#if HAVE_XLSXWRITER
#define SHEET_NAME "Konsolidasi SIAK"

gboolean
_pdw_xlsx_check (lxw_error   status,
                 GError    **error)
{
  if (status == LXW_NO_ERROR)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Cannot build the spreadsheet: %s"), lxw_strerror (status));
  return FALSE;
}

static gboolean
fill_workbook (lxw_workbook  *workbook,
               GPtrArray     *rows,
               const char    *period,
               GError       **error)
{
  static const double widths[N_COLUMNS] = { 5, 19, 18, 26, 19, 19, 16, 26, 22, 15, 16, 30 };
  char *result_choices[] = { (char *) "selesai", (char *) "tidak ditemukan", (char *) "ganda", NULL };
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, SHEET_NAME);
  lxw_format *warning = workbook_add_format (workbook);
  lxw_format *header = workbook_add_format (workbook);
  lxw_format *text = workbook_add_format (workbook);
  lxw_data_validation validation = { 0 };
  const lxw_row_t header_row = 2;
  lxw_error status = LXW_NO_ERROR;

  if (sheet == NULL || warning == NULL || header == NULL || text == NULL)
    return _pdw_xlsx_check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);

  format_set_bold (warning);
  format_set_font_color (warning, LXW_COLOR_RED);
  format_set_bold (header);
  format_set_bg_color (header, 0xDDDDDD);
  format_set_border (header, LXW_BORDER_THIN);
  /* "@": the cell is text, so a 16-digit NIK never turns into 1.47108E+15. */
  format_set_num_format (text, "@");

  for (guint col = 0; col < N_COLUMNS; col++)
    worksheet_set_column (sheet, (lxw_col_t) col, (lxw_col_t) col, widths[col],
                          col == COL_NO ? NULL : text);

  status = worksheet_merge_range (sheet, 0, 0, 0, N_COLUMNS - 1,
                                  _pdw_consolidation_warning, warning);
  if (status == LXW_NO_ERROR)
    status = worksheet_write_string (sheet, 1, 0, period, NULL);
  for (guint col = 0; status == LXW_NO_ERROR && col < N_COLUMNS; col++)
    status = worksheet_write_string (sheet, header_row, (lxw_col_t) col,
                                     _pdw_consolidation_column_titles[col], header);

  for (guint i = 0; status == LXW_NO_ERROR && i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);
      lxw_row_t row = header_row + 1 + i;

      status = worksheet_write_number (sheet, row, COL_NO, i + 1, NULL);
      for (guint col = COL_NO + 1; status == LXW_NO_ERROR && col < N_COLUMNS; col++)
        {
          if (cells[col][0] == '\0')
            continue;
          status = worksheet_write_string (sheet, row, (lxw_col_t) col, cells[col], text);
        }
    }

  if (status == LXW_NO_ERROR && rows->len > 0)
    {
      validation.validate = LXW_VALIDATION_TYPE_LIST;
      validation.value_list = result_choices;
      validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
      validation.input_title = (char *) "Hasil konsolidasi";
      validation.input_message = (char *) "Pilih: selesai, tidak ditemukan, atau ganda";
      validation.error_title = (char *) "Hasil tidak dikenal";
      validation.error_message = (char *) "Isi dengan selesai, tidak ditemukan, atau ganda";
      status = worksheet_data_validation_range (sheet, header_row + 1, COL_RESULT,
                                                header_row + rows->len, COL_RESULT,
                                                &validation);
    }

  if (status == LXW_NO_ERROR)
    worksheet_freeze_panes (sheet, header_row + 1, 0);

  return _pdw_xlsx_check (status, error);
}

static void
remove_private_dir (const char *dir,
                    const char *file)
{
  g_remove (file);
  g_rmdir (dir);
}

/* The whole file in @contents: @rows are GStrvs of N_COLUMNS cells. */
gboolean
_pdw_consolidation_xlsx_build (GPtrArray   *rows,
                               const char  *period,
                               char       **contents,
                               gsize       *length,
                               GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  lxw_workbook_options options = { 0 };
  lxw_workbook *workbook;
  gboolean ok;

  /* libxlsxwriter only writes to a file name: build the workbook in a
   * directory only we can read, then hand its bytes back for the same
   * atomic 0600 write as the CSV. */
  if (!(dir = g_dir_make_tmp ("pandawa-konsolidasi-XXXXXX", error)))
    return FALSE;
  tmp_path = g_build_filename (dir, "daftar.xlsx", NULL);

  options.tmpdir = dir;
  workbook = workbook_new_opt (tmp_path, &options);
  if (workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot start a spreadsheet in “%s”"), dir);
      remove_private_dir (dir, tmp_path);
      return FALSE;
    }

  ok = fill_workbook (workbook, rows, period, error);
  if (ok)
    ok = _pdw_xlsx_check (workbook_close (workbook), error);
  else
    workbook_close (workbook);

  ok = ok && g_file_get_contents (tmp_path, contents, length, error);

  remove_private_dir (dir, tmp_path);
  return ok;
}
#endif

/* ---- Reading back ----------------------------------------------------------- */

#if HAVE_LIBARCHIVE
#define MAX_XML_SIZE (64 * 1024 * 1024)

/* Writers may prefix the spreadsheet namespace ("x:row"). */
static const char *
local_name (const char *element)
{
  const char *colon = strrchr (element, ':');

  return colon != NULL ? colon + 1 : element;
}

typedef struct
{
  GPtrArray *strings;   /* shared strings */
  GString   *text;
  gboolean   in_text;
  guint      phonetic_depth;
} SharedStringsParser;

static void
shared_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **attribute_names,
              const char          **attribute_values,
              gpointer              user_data,
              GError              **error)
{
  SharedStringsParser *parser = user_data;
  const char *name = local_name (element);

  if (strcmp (name, "si") == 0)
    g_string_truncate (parser->text, 0);
  else if (strcmp (name, "rPh") == 0)
    parser->phonetic_depth++;
  else if (strcmp (name, "t") == 0)
    parser->in_text = parser->phonetic_depth == 0;
}

static void
shared_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  SharedStringsParser *parser = user_data;
  const char *name = local_name (element);

  if (strcmp (name, "si") == 0)
    g_ptr_array_add (parser->strings, g_strdup (parser->text->str));
  else if (strcmp (name, "rPh") == 0 && parser->phonetic_depth > 0)
    parser->phonetic_depth--;
  else if (strcmp (name, "t") == 0)
    parser->in_text = FALSE;
}

static void
shared_text (GMarkupParseContext  *context,
             const char           *text,
             gsize                 length,
             gpointer              user_data,
             GError              **error)
{
  SharedStringsParser *parser = user_data;

  if (parser->in_text)
    g_string_append_len (parser->text, text, (gssize) length);
}

typedef struct
{
  GPtrArray  *strings;     /* borrowed shared strings */
  GPtrArray  *records;
  Record     *row;
  guint       row_number;
  guint       column;      /* 1-based; 0 before the first cell of a row */
  char       *type;
  GString    *value;
  gboolean    in_value;
  gboolean    in_data;     /* inside <sheetData>: extensions elsewhere may reuse names */
} SheetParser;

/* "AB12" -> 28 (1-based column), 0 when it has no letters. */
static guint
column_from_reference (const char *reference)
{
  guint column = 0;

  for (const char *p = reference; g_ascii_isalpha (*p); p++)
    column = column * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);

  return column;
}

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (local_name (names[i]), wanted) == 0)
        return values[i];
    }

  return NULL;
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **attribute_names,
             const char          **attribute_values,
             gpointer              user_data,
             GError              **error)
{
  SheetParser *parser = user_data;
  const char *name = local_name (element);

  if (strcmp (name, "sheetData") == 0)
    parser->in_data = TRUE;
  else if (!parser->in_data)
    return;
  else if (strcmp (name, "row") == 0)
    {
      const char *r = find_attribute (attribute_names, attribute_values, "r");
      guint number = r != NULL ? (guint) atoi (r) : 0;

      parser->row_number = number > 0 ? number : parser->row_number + 1;
      parser->row = _pdw_consolidation_record_new (parser->row_number);
      parser->column = 0;
    }
  else if (strcmp (name, "c") == 0 && parser->row != NULL)
    {
      const char *r = find_attribute (attribute_names, attribute_values, "r");
      guint column = r != NULL ? column_from_reference (r) : 0;

      parser->column = column > 0 ? column : parser->column + 1;
      g_free (parser->type);
      parser->type = g_strdup (find_attribute (attribute_names, attribute_values, "t"));
      g_string_truncate (parser->value, 0);
    }
  else if ((strcmp (name, "v") == 0 || strcmp (name, "t") == 0) && parser->row != NULL)
    parser->in_value = TRUE;
  else if (strcmp (name, "rPh") == 0)
    parser->in_value = FALSE;
}

static char *
sheet_cell_value (SheetParser *parser)
{
  if (g_strcmp0 (parser->type, "s") == 0)
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (parser->value->str, &end, 10);

      if (end == parser->value->str || index >= parser->strings->len)
        return g_strdup ("");
      return g_strdup (g_ptr_array_index (parser->strings, index));
    }

  return g_strdup (parser->value->str);
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  SheetParser *parser = user_data;
  const char *name = local_name (element);

  if (strcmp (name, "sheetData") == 0)
    parser->in_data = FALSE;
  else if (!parser->in_data)
    return;
  else if (strcmp (name, "c") == 0 && parser->row != NULL && parser->column > 0)
    _pdw_consolidation_record_set (parser->row, parser->column - 1, sheet_cell_value (parser));
  else if (strcmp (name, "v") == 0 || strcmp (name, "t") == 0)
    parser->in_value = FALSE;
  else if (strcmp (name, "row") == 0 && parser->row != NULL)
    {
      g_ptr_array_add (parser->records, parser->row);
      parser->row = NULL;
    }
}

static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  SheetParser *parser = user_data;

  if (parser->in_value)
    g_string_append_len (parser->value, text, (gssize) length);
}

static gboolean
parse_markup (const GMarkupParser  *functions,
              gpointer              user_data,
              GBytes               *bytes,
              GError              **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  context = g_markup_parse_context_new (functions, G_MARKUP_DEFAULT_FLAGS, user_data, NULL);
  return g_markup_parse_context_parse (context, data, (gssize) length, error) &&
         g_markup_parse_context_end_parse (context, error);
}

static GBytes *
read_entry (struct archive *archive)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  char buffer[16384];
  la_ssize_t n;

  while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
    {
      /* A list of a few thousand rows is a few megabytes: anything far
       * larger is a damaged or hostile file, not something to inflate. */
      if (data->len > MAX_XML_SIZE)
        return NULL;
      g_byte_array_append (data, (const guint8 *) buffer, (guint) n);
    }

  if (n < 0)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* The rows of the first sheet, or NULL when @contents is not a workbook. */
GPtrArray *
_pdw_consolidation_xlsx_parse (const char  *path,
                               const char  *contents,
                               gsize        length,
                               GError     **error)
{
  static const GMarkupParser shared_functions = { shared_start, shared_end, shared_text, NULL, NULL };
  static const GMarkupParser sheet_functions = { sheet_start, sheet_end, sheet_text, NULL, NULL };
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  g_autoptr(GBytes) shared_xml = NULL;
  g_autoptr(GBytes) sheet_xml = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (_pdw_consolidation_record_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) value = g_string_new (NULL);
  SharedStringsParser shared = { strings, text, FALSE, 0 };
  SheetParser sheet = { strings, records, NULL, 0, 0, NULL, value, FALSE, FALSE };
  gboolean ok = TRUE;
  int status;

  archive_read_support_format_zip (archive);
  status = archive_read_open_memory (archive, contents, length);
  while (status == ARCHIVE_OK &&
         (status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);

      /* The first sheet: every program we know of names it sheet1.xml. */
      if (g_strcmp0 (name, "xl/sharedStrings.xml") == 0)
        shared_xml = read_entry (archive);
      else if (g_strcmp0 (name, "xl/worksheets/sheet1.xml") == 0)
        sheet_xml = read_entry (archive);
    }

  if (status != ARCHIVE_EOF || sheet_xml == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a readable XLSX workbook"), path);
      archive_read_free (archive);
      return NULL;
    }
  archive_read_free (archive);

  if (shared_xml != NULL)
    ok = parse_markup (&shared_functions, &shared, shared_xml, error);
  if (ok)
    ok = parse_markup (&sheet_functions, &sheet, sheet_xml, error);

  g_clear_pointer (&sheet.row, _pdw_consolidation_record_free);
  g_free (sheet.type);

  if (!ok)
    {
      g_prefix_error (error, _("“%s” is not a readable XLSX workbook: "), path);
      return NULL;
    }

  return g_steal_pointer (&records);
}
#endif
