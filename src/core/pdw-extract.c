/* pdw-extract.c: finds name, NIK, KK, birth date and phone number in a
 * citizen's WhatsApp message (research/nik.md section 6).
 *
 * The text is cleaned (pdw_text_normalize), cut into lines, and each line
 * into items: labels ("NIK", "No. KK", "Tgl lahir", ...), words, numbers,
 * dates and phone numbers.  Labels are then bound to values: a label with a
 * ':' or '=' binds forward (also to the next line when it stands alone);
 * a line that starts with a number before any label is read "value label",
 * as in "<16d> nik <16d> kk".  A 16-digit number without a label is only a
 * NIK when its shape allows nothing else (day 41-71: a woman's NIK).
 * Lines in the "#NIK#Nama#KK#..." or "Nama/NIK/..." style are records whose
 * fields are read by position.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pdw-extract.h"
#include "pdw-extract-private.h"
#include "pdw-identity-private.h"
#include "pdw-text-normalize.h"

typedef struct
{
  GDate      today;
  GArray    *events;      /* Event */
} Extractor;

/* ------------------------------------------------------------------ */
/* Binding labels to values                                            */

static void
event_clear (gpointer data)
{
  Event *event = data;

  g_clear_pointer (&event->value, g_free);
}

static void
emit (Extractor *self,
      EventKind  kind,
      char      *value,
      gsize      pos)
{
  Event event = { kind, value, pos };

  g_array_append_val (self->events, event);
}

static gboolean
is_value (const Item *item)
{
  return item->type == ITEM_NUM16 || item->type == ITEM_PHONE ||
         item->type == ITEM_DATE || item->type == ITEM_NUMBER;
}

static gboolean
is_identity_label (LabelKind kind)
{
  return kind == LABEL_NIK || kind == LABEL_KK || kind == LABEL_PHONE ||
         kind == LABEL_BIRTH || kind == LABEL_OTHER;
}

static gboolean
compatible (LabelKind   label,
            const Item *item)
{
  switch (label)
    {
    case LABEL_NIK:
    case LABEL_KK:
      return item->type == ITEM_NUM16 || item->type == ITEM_NUMBER;
    case LABEL_PHONE:
      return item->type == ITEM_PHONE || item->type == ITEM_NUMBER;
    case LABEL_BIRTH:
      return item->type == ITEM_DATE ||
             (item->type == ITEM_NUMBER && (strlen (item->text) == 8 || strlen (item->text) == 6));
    case LABEL_OTHER:
      return TRUE;
    case LABEL_NONE:
    case LABEL_NAME:
    default:
      return FALSE;
    }
}

static void
emit_bound (Extractor *self,
            LabelKind  label,
            Item      *item)
{
  char *value;

  item->bound = TRUE;

  switch (label)
    {
    case LABEL_NIK:
    case LABEL_KK:
      /* A leading 0 is an NPWP, whatever the label says. */
      if (item->type == ITEM_NUM16 && item->text[0] != '0')
        emit (self, label == LABEL_NIK ? EV_NIK : EV_KK, g_strdup (item->text), item->pos);
      break;

    case LABEL_PHONE:
      if (item->type == ITEM_PHONE)
        emit (self, EV_PHONE, g_strdup (item->text), item->pos);
      else if ((value = _pdw_extract_normalize_phone (item->text, item->plus, FALSE)) != NULL)
        emit (self, EV_PHONE, value, item->pos);
      break;

    case LABEL_BIRTH:
      if (item->type == ITEM_DATE)
        emit (self, EV_BIRTH, g_strdup (item->text), item->pos);
      else if ((value = _pdw_extract_birth_date_from_number (item->text, &self->today)) != NULL)
        emit (self, EV_BIRTH, value, item->pos);
      break;

    case LABEL_OTHER:
    case LABEL_NAME:
    case LABEL_NONE:
    default:
      break;
    }
}

static gboolean
line_has_stopword (GArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = _pdw_extract_item_at (items, i);

      if (item->type == ITEM_WORD && _pdw_extract_is_stopword (item->key))
        return TRUE;
      if (item->type == ITEM_LABEL && item->label == LABEL_OTHER)
        return TRUE;
    }

  return FALSE;
}

static void
emit_unbound (Extractor *self,
              GArray    *items)
{
  gboolean stopword = line_has_stopword (items);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = _pdw_extract_item_at (items, i);

      if (item->bound)
        continue;

      if (item->type == ITEM_NUM16 && _pdw_extract_is_unambiguous_nik (item->text, &self->today))
        emit (self, EV_NIK, g_strdup (item->text), item->pos);
      else if (item->type == ITEM_PHONE)
        emit (self, EV_PHONE, g_strdup (item->text), item->pos);
      else if (item->type == ITEM_DATE && !stopword &&
               _pdw_extract_date_not_future (item->text, &self->today))
        emit (self, EV_BIRTH, g_strdup (item->text), item->pos);
    }
}

static guint
words_end (GArray *items,
           guint   i)
{
  while (i < items->len && _pdw_extract_item_at (items, i)->type == ITEM_WORD)
    i++;

  return i;
}

/* Skips list markers: "1.", "2)", "-", "•". */
static guint
skip_bullet (GArray *items)
{
  guint i = 0;

  if (items->len >= 2 && _pdw_extract_item_at (items, 0)->type == ITEM_NUMBER &&
      strlen (_pdw_extract_item_at (items, 0)->text) <= 2 &&
      _pdw_extract_item_at (items, 1)->type == ITEM_PUNCT &&
      strchr (".)", _pdw_extract_item_at (items, 1)->punct) != NULL)
    i = 2;

  while (i < items->len && _pdw_extract_item_at (items, i)->type == ITEM_PUNCT &&
         _pdw_extract_item_at (items, i)->punct != '#')
    i++;

  return i;
}

static gboolean
line_has_identity (GArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = _pdw_extract_item_at (items, i);

      if (item->type == ITEM_NUM16)
        return TRUE;
      if (item->type == ITEM_LABEL && (item->label == LABEL_NIK || item->label == LABEL_KK))
        return TRUE;
    }

  return FALSE;
}

/* Whether a 16-digit number follows @from in the line. */
static gboolean
has_number_after (GArray *items,
                  guint   from)
{
  for (guint i = from; i < items->len; i++)
    if (_pdw_extract_item_at (items, i)->type == ITEM_NUM16)
      return TRUE;

  return FALSE;
}

typedef struct
{
  LabelKind  pending;        /* label waiting for its value on the next line */
  gboolean   name_pending;   /* "Nama :" alone, the name is on the next line */
} LineState;

/* Binds labels and values of one line and emits what they say. */
static void
process_line (Extractor *self,
              GArray    *items,
              GArray    *next_items,
              LineState *state)
{
  guint first = skip_bullet (items);
  gint first_label = -1;
  gint first_value = -1;
  gboolean after_mode;
  LabelKind pending = state->pending;
  gboolean pending_from_before = pending != LABEL_NONE;
  gint last_unbound = -1;
  gint last_value = -1;
  gint pending_index = -1;
  guint i;

  state->pending = LABEL_NONE;
  if (first >= items->len)
    {
      state->name_pending = FALSE;
      return;
    }

  /* A line that only holds a name: after "Nama :", or just before a NIK/KK. */
  if (words_end (items, first) == items->len && first < items->len)
    {
      gboolean name_context = state->name_pending ||
                              (next_items != NULL && line_has_identity (next_items));
      char *name = name_context ? _pdw_extract_name_from_words (items, first, items->len) : NULL;

      state->name_pending = FALSE;
      if (name != NULL)
        emit (self, EV_NAME, name, _pdw_extract_item_at (items, first)->pos);
      return;
    }
  state->name_pending = FALSE;

  for (i = first; i < items->len; i++)
    {
      Item *item = _pdw_extract_item_at (items, i);

      if (first_label < 0 && item->type == ITEM_LABEL && is_identity_label (item->label))
        first_label = (gint) i;
      if (first_value < 0 && is_value (item))
        first_value = (gint) i;
    }
  after_mode = first_value >= 0 && (first_label < 0 || first_value < first_label) &&
               !pending_from_before;

  /* "Budi Santoso NIK ..." / "Budi 1471...": the leading words are a name. */
  if (_pdw_extract_item_at (items, first)->type == ITEM_WORD && !pending_from_before)
    {
      guint end = words_end (items, first);
      Item *next = end < items->len ? _pdw_extract_item_at (items, end) : NULL;

      /* A NIK/KK label names an identity only when a number or a ":" goes
       * with it: "kalau ktp hilang …" is a question, not a citizen Kalau. */
      if (next != NULL &&
          ((next->type == ITEM_LABEL && (next->label == LABEL_NIK || next->label == LABEL_KK) &&
            (next->label_sep || has_number_after (items, end))) ||
           next->type == ITEM_NUM16 ||
           (next->type == ITEM_PUNCT && strchr (",/|-", next->punct) != NULL && line_has_identity (items))))
        {
          char *name = _pdw_extract_name_from_words (items, first, end);

          if (name != NULL)
            emit (self, EV_NAME, name, _pdw_extract_item_at (items, first)->pos);
        }
    }

  for (i = first; i < items->len; i++)
    {
      Item *item = _pdw_extract_item_at (items, i);

      if (item->type == ITEM_LABEL && item->label == LABEL_NAME)
        {
          guint start = i + 1;
          guint end;

          /* "Nama saya ...", "Nama lengkap: ..." */
          while (start < items->len && _pdw_extract_item_at (items, start)->type == ITEM_WORD &&
                 _pdw_extract_is_stopword (_pdw_extract_item_at (items, start)->key))
            start++;
          end = words_end (items, start);

          if (end == start && end == items->len)
            {
              state->name_pending = TRUE;
            }
          else if (end > start)
            {
              char *name = _pdw_extract_name_from_words (items, start, end);

              if (name != NULL)
                emit (self, EV_NAME, name, _pdw_extract_item_at (items, start)->pos);
              i = end - 1;
            }
          pending = LABEL_NONE;
          continue;
        }

      if (item->type == ITEM_LABEL)
        {
          if (after_mode && !item->label_sep && last_unbound >= 0 &&
              compatible (item->label, _pdw_extract_item_at (items, (guint) last_unbound)))
            {
              emit_bound (self, item->label, _pdw_extract_item_at (items, (guint) last_unbound));
              last_unbound = -1;
            }
          else
            {
              pending = item->label;
              pending_index = (gint) i;
            }
          continue;
        }

      if (!is_value (item))
        continue;

      last_value = (gint) i;

      if (pending != LABEL_NONE && compatible (pending, item))
        {
          emit_bound (self, pending, item);
          pending = LABEL_NONE;
        }
      else
        {
          last_unbound = (gint) i;
        }
    }

  /* "NIK :" with the number on the next line. */
  if (pending != LABEL_NONE && pending_index > last_value)
    state->pending = pending;

  emit_unbound (self, items);
}

/* ------------------------------------------------------------------ */
/* "#NIK#Nama#KK#Telp#Keluhan" and "Nama/NIK/Kelurahan/..." records      */

static char
record_separator (GArray *items)
{
  static const char seps[] = { '#', '|', '/' };

  for (gsize k = 0; k < G_N_ELEMENTS (seps); k++)
    {
      guint count = 0;
      gboolean starts = FALSE;

      for (guint i = 0; i < items->len; i++)
        {
          Item *item = _pdw_extract_item_at (items, i);

          if (item->type == ITEM_PUNCT && item->punct == seps[k])
            {
              if (count == 0 && i == 0)
                starts = TRUE;
              count++;
            }
        }

      if (seps[k] == '#' && (count >= 2 || (starts && count >= 1)))
        return '#';
      if (count >= 2 && line_has_identity (items))
        return seps[k];
    }

  return 0;
}

static void
process_record_field (Extractor *self,
                      GArray    *field,
                      guint     *n_numbers,
                      gboolean  *have_name,
                      gboolean  *have_birth)
{
  gboolean has_label = FALSE;
  gboolean has_value = FALSE;
  gboolean has_name_label = FALSE;

  for (guint i = 0; i < field->len; i++)
    {
      Item *item = _pdw_extract_item_at (field, i);

      if (item->type == ITEM_LABEL)
        has_label = TRUE;
      if (item->type == ITEM_LABEL && item->label == LABEL_NAME && i + 1 < field->len)
        has_name_label = TRUE;
      if (is_value (item))
        has_value = TRUE;
    }

  /* "#NIK: 1471...#Nama: Budi#": labelled fields read like a line. */
  if ((has_label && has_value) || has_name_label)
    {
      LineState state = { LABEL_NONE, FALSE };

      process_line (self, field, NULL, &state);
      *have_name = *have_name || has_name_label;
      return;
    }

  if (!has_value)
    {
      char *name;

      /* Keywords ("#KTP#", "#SINKRONISASI#") are labels or stopwords. */
      if (*have_name || has_label || field->len == 0)
        return;
      name = _pdw_extract_name_from_words (field, 0, field->len);
      if (name != NULL)
        {
          emit (self, EV_NAME, name, _pdw_extract_item_at (field, 0)->pos);
          *have_name = TRUE;
        }
      return;
    }

  for (guint i = 0; i < field->len; i++)
    {
      Item *item = _pdw_extract_item_at (field, i);
      char *value;

      if (item->type == ITEM_NUM16)
        {
          /* By position: the services always put the NIK before the KK. */
          if (item->text[0] != '0' && !_pdw_extract_is_payment_card (item->text) && *n_numbers < 2)
            emit (self, *n_numbers == 0 ? EV_NIK : EV_KK, g_strdup (item->text), item->pos);
          (*n_numbers)++;
        }
      else if (item->type == ITEM_PHONE)
        {
          emit (self, EV_PHONE, g_strdup (item->text), item->pos);
        }
      else if (item->type == ITEM_DATE && !*have_birth)
        {
          emit (self, EV_BIRTH, g_strdup (item->text), item->pos);
          *have_birth = TRUE;
        }
      else if (item->type == ITEM_NUMBER && !*have_birth &&
               strlen (item->text) == 8 &&
               (value = _pdw_extract_birth_date_from_number (item->text, &self->today)) != NULL)
        {
          emit (self, EV_BIRTH, value, item->pos);
          *have_birth = TRUE;
        }
    }
}

static void
process_record (Extractor *self,
                GArray    *items,
                char       sep)
{
  guint n_numbers = 0;
  gboolean have_name = FALSE;
  gboolean have_birth = FALSE;
  guint start = 0;

  emit (self, EV_NEW_RECORD, NULL, _pdw_extract_item_at (items, 0)->pos);

  for (guint i = 0; i <= items->len; i++)
    {
      Item *item = i < items->len ? _pdw_extract_item_at (items, i) : NULL;

      if (item != NULL && !(item->type == ITEM_PUNCT && item->punct == sep))
        continue;

      if (i > start)
        {
          g_autoptr(GArray) field = _pdw_extract_items_copy (items, start, i);

          process_record_field (self, field, &n_numbers, &have_name, &have_birth);
        }
      start = i + 1;
    }

  emit (self, EV_NEW_RECORD, NULL, _pdw_extract_item_at (items, items->len - 1)->pos);
}


static gint
compare_events (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Event *ea = a;
  const Event *eb = b;

  if (ea->pos != eb->pos)
    return ea->pos < eb->pos ? -1 : 1;

  return 0;
}

GPtrArray *
pdw_extract_people (const char *text)
{
  g_autofree char *clean = NULL;
  g_autofree char *bounded = NULL;
  g_autofree guint *next_nonempty = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) all_items = NULL;
  LineState state = { LABEL_NONE, FALSE };
  gsize length;
  Extractor self;
  gsize pos = 0;
  GPtrArray *people;

  g_return_val_if_fail (text != NULL, g_ptr_array_new_with_free_func ((GDestroyNotify) pdw_extracted_person_free));

  pdw_identity_today_wib (&self.today);
  self.events = g_array_new (FALSE, TRUE, sizeof (Event));
  g_array_set_clear_func (self.events, event_clear);

  /* Only the beginning of a long text, cut at a character's start. */
  length = strnlen (text, PDW_EXTRACT_MAX_TEXT + 1);
  if (length > PDW_EXTRACT_MAX_TEXT)
    {
      const char *cut = text + PDW_EXTRACT_MAX_TEXT;

      while (cut > text && ((guchar) *cut & 0xc0) == 0x80)
        cut--;
      bounded = g_strndup (text, cut - text);
    }

  clean = pdw_text_normalize (bounded != NULL ? bounded : text, -1);
  lines = g_strsplit (clean, "\n", -1);
  all_items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_ptr_array_add (all_items, _pdw_extract_tokenize_line (lines[i], pos, &self.today));
      pos += strlen (lines[i]) + 1;
    }

  /* The next line with something on it, for "name alone on a line":
   * found once from the end, not searched again from every line. */
  next_nonempty = g_new (guint, all_items->len + 1);
  next_nonempty[all_items->len] = G_MAXUINT;
  for (guint i = all_items->len; i > 0; i--)
    next_nonempty[i - 1] = i < all_items->len && ((GArray *) g_ptr_array_index (all_items, i))->len > 0
                           ? i : next_nonempty[i];

  for (guint i = 0; i < all_items->len; i++)
    {
      GArray *items = g_ptr_array_index (all_items, i);
      GArray *next = next_nonempty[i] != G_MAXUINT ? g_ptr_array_index (all_items, next_nonempty[i]) : NULL;
      guint first_event = self.events->len;
      char sep;

      if (items->len == 0)
        continue;

      sep = record_separator (items);
      if (sep != 0)
        {
          state.pending = LABEL_NONE;
          state.name_pending = FALSE;
          process_record (&self, items, sep);
          continue;
        }

      process_line (&self, items, next, &state);

      /* Values bound to labels after them come out of order: sort the line. */
      if (self.events->len - first_event > 1)
        g_qsort_with_data (&g_array_index (self.events, Event, first_event),
                           (gint) (self.events->len - first_event), sizeof (Event),
                           compare_events, NULL);
    }

  people = _pdw_extract_assemble_people (self.events);
  g_array_unref (self.events);

  return people;
}
