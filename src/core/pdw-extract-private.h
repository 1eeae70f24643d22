/* pdw-extract-private.h: the items a line of a message is cut into, shared
 * by the tokenizer (pdw-extract-tokens.c) and the extractor that binds
 * labels to values (pdw-extract.c).  Not used outside these two files.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LABEL_NONE,
  LABEL_NIK,
  LABEL_KK,
  LABEL_NAME,
  LABEL_BIRTH,
  LABEL_PHONE,
  LABEL_OTHER,
} LabelKind;

typedef enum
{
  ITEM_LABEL,
  ITEM_WORD,
  ITEM_PUNCT,
  ITEM_NUM16,
  ITEM_PHONE,
  ITEM_DATE,
  ITEM_NUMBER,
} ItemType;

typedef struct
{
  ItemType   type;
  LabelKind  label;
  gboolean   label_sep;   /* the label was followed by ':' or '=' */
  char      *text;        /* word as typed; digits; "+62..."; "YYYY-MM-DD" */
  char      *key;         /* words: lower case without . - ' */
  char       punct;
  gboolean   plus;        /* numbers: typed after a '+' */
  gboolean   bound;
  gsize      pos;
} Item;

GArray   *_pdw_extract_items_new            (void);
Item     *_pdw_extract_item_at              (GArray *items, guint i);
gboolean  _pdw_extract_is_stopword          (const char *key);
guint     _pdw_extract_month_from_word      (const char *key);
gboolean  _pdw_extract_valid_date           (guint day, guint month, guint year);
char     *_pdw_extract_format_date          (guint year, guint month, guint day);
char     *_pdw_extract_normalize_phone      (const char *digits, gboolean plus, gboolean mobile_only);
/* Cuts one line (at @line_pos in the text) into items. */
GArray   *_pdw_extract_tokenize_line        (const char *line, gsize line_pos);
/* Turns the words of known label phrases into label items. */
void      _pdw_extract_recognize_labels     (GArray *items);
/* Turns dates written with month names into date items. */
void      _pdw_extract_recognize_word_dates (GArray *items, const GDate *today);

G_END_DECLS
