/* pdw-extract-private.h: the items and events shared by the files of the
 * extraction.  Each file calls only files below it in this list:
 *
 *   pdw-extract.c           binds labels to values, per line and per record
 *   pdw-extract-person.c    turns the fields found into people
 *   pdw-extract-name.c      the name heuristic
 *   pdw-extract-tokenize.c  cuts a line into labelled items
 *   pdw-extract-numbers.c   what a run of digits is
 *   pdw-extract-items.c     the list of items
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

typedef enum
{
  EV_NAME,
  EV_NIK,
  EV_KK,
  EV_BIRTH,
  EV_PHONE,
  EV_NEW_RECORD,
} EventKind;

/* One field found at byte @pos of the cleaned text. */
typedef struct
{
  EventKind  kind;
  char      *value;
  gsize      pos;
} Event;

/* pdw-extract-items.c */
GArray    *_pdw_extract_items_new              (void);
GArray    *_pdw_extract_items_copy             (GArray      *items,
                                                guint        from,
                                                guint        to);
Item      *_pdw_extract_items_add              (GArray      *items,
                                                ItemType     type,
                                                char        *text,
                                                gsize        pos);

/* An accessor, inline because it runs for every item of every message. */
static inline Item *
_pdw_extract_item_at (GArray *items,
                      guint   i)
{
  return &g_array_index (items, Item, i);
}

/* pdw-extract-numbers.c */
const char *_pdw_extract_scan_number           (GArray      *items,
                                                const char  *p,
                                                const char  *line,
                                                gsize        line_pos);
char      *_pdw_extract_date_from_parts        (guint        day,
                                                guint        month,
                                                const char  *year_digits,
                                                const GDate *today);
char      *_pdw_extract_birth_date_from_number (const char  *digits,
                                                const GDate *today);
gboolean   _pdw_extract_date_not_future        (const char  *iso,
                                                const GDate *today);
char      *_pdw_extract_normalize_phone        (const char  *digits,
                                                gboolean     plus,
                                                gboolean     mobile_only);
gboolean   _pdw_extract_is_payment_card        (const char  *digits);
gboolean   _pdw_extract_is_unambiguous_nik     (const char  *digits,
                                                const GDate *today);

/* pdw-extract-tokenize.c */
GArray    *_pdw_extract_tokenize_line          (const char  *line,
                                                gsize        line_pos,
                                                const GDate *today);
guint      _pdw_extract_month_from_word        (const char  *key);

/* pdw-extract-name.c */
gboolean   _pdw_extract_is_stopword            (const char  *key);
char      *_pdw_extract_name_from_words        (GArray      *items,
                                                guint        first,
                                                guint        last);

/* pdw-extract-person.c */
GPtrArray *_pdw_extract_assemble_people        (GArray      *events);

G_END_DECLS
