/* pdw-store-corrections.c: "Edit Data", a registered complaint's citizen
 * data corrected after registration, each change a line of its control
 * card with the old and new value.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "core/pdw-card-line.h"
#include "core/pdw-identity.h"
#include "pdw-store-private.h"

typedef struct
{
  const char *field;           /* pdw_card_line_new_correction_note()'s */
  const char *old_value;
  const char *new_value;
  int         catalog_kind;    /* -1: the value itself is written */
} Change;

static const char *
blank_to_null (const char *str)
{
  return _pdw_store_is_blank (str) ? NULL : str;
}

/* The card says what the officer saw: the list's label, not its code. */
static char *
dup_shown_value (PdwStore     *self,
                 const Change *change,
                 const char   *value)
{
  if (value == NULL)
    return NULL;
  if (change->catalog_kind < 0)
    return g_strdup (value);

  return pdw_store_dup_catalog_label (self, (PdwCatalogKind) change->catalog_kind, value);
}

static gboolean
check_nik_free (PdwStore    *self,
                gint64       complaint_id,
                const char  *nik,
                GError     **error)
{
  g_autofree char *masked = NULL;
  g_autoptr(PdwComplaint) other = NULL;
  gint64 other_id = 0;

  if (nik == NULL)
    return TRUE;
  if (!_pdw_store_find_open_complaint_id_by_nik (self, nik, &other_id, error))
    return FALSE;
  if (other_id == 0 || other_id == complaint_id)
    return TRUE;

  other = pdw_store_dup_complaint (self, other_id, NULL);
  masked = pdw_identity_mask (nik);
  g_set_error (error, PDW_STORE_ERROR, PDW_STORE_ERROR_DUPLICATE_NIK,
               _("The NIK %s already has an open complaint, %s: link this conversation to it."),
               masked, other != NULL ? pdw_complaint_get_ticket (other) : "");
  return FALSE;
}

static gboolean
update_fields (PdwStore                  *self,
               gint64                     complaint_id,
               const PdwComplaintFields  *fields,
               gint64                     now,
               GError                   **error)
{
  g_autoptr(PdwStmt) stmt = NULL;

  if (!(stmt = _pdw_store_prepare (self,
                                   "UPDATE complaints SET citizen_name = ?2, nik = ?3, kk = ?4, phone = ?5,"
                                   "  complaint_type = ?6, institution = ?7, updated_at = ?8"
                                   " WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, complaint_id);
  _pdw_stmt_bind_text (stmt, 2, blank_to_null (fields->citizen_name));
  _pdw_stmt_bind_text (stmt, 3, blank_to_null (fields->nik));
  _pdw_stmt_bind_text (stmt, 4, blank_to_null (fields->kk));
  _pdw_stmt_bind_text (stmt, 5, blank_to_null (fields->phone));
  _pdw_stmt_bind_text (stmt, 6, blank_to_null (fields->complaint_type));
  _pdw_stmt_bind_text (stmt, 7, blank_to_null (fields->institution));
  sqlite3_bind_int64 (stmt, 8, now);
  return _pdw_store_step_done (self, stmt, error);
}

static gboolean
correct_complaint_locked (PdwStore                  *self,
                          PdwComplaint              *complaint,
                          const PdwComplaintFields  *fields,
                          const PdwActor            *actor,
                          guint                     *n_changes,
                          GError                   **error)
{
  gint64 complaint_id = pdw_complaint_get_id (complaint);
  gint64 now = _pdw_store_now (self);
  const Change changes[] = {
    { "name", pdw_complaint_get_citizen_name (complaint), fields->citizen_name, -1 },
    { "nik", pdw_complaint_get_nik (complaint), fields->nik, -1 },
    { "kk", pdw_complaint_get_kk (complaint), fields->kk, -1 },
    { "phone", pdw_complaint_get_phone (complaint), fields->phone, -1 },
    { "complaint_type", pdw_complaint_get_complaint_type (complaint), fields->complaint_type,
      PDW_CATALOG_COMPLAINT_TYPE },
    { "institution", pdw_complaint_get_institution (complaint), fields->institution, PDW_CATALOG_INSTITUTION },
  };

  *n_changes = 0;

  if (!_pdw_store_begin (self, error))
    return FALSE;

  if (g_strcmp0 (blank_to_null (pdw_complaint_get_nik (complaint)), blank_to_null (fields->nik)) != 0 &&
      !check_nik_free (self, complaint_id, blank_to_null (fields->nik), error))
    goto failed;

  if (!update_fields (self, complaint_id, fields, now, error))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      const char *old_value = blank_to_null (changes[i].old_value);
      const char *new_value = blank_to_null (changes[i].new_value);
      g_autofree char *old_shown = NULL;
      g_autofree char *new_shown = NULL;
      g_autofree char *note = NULL;

      if (g_strcmp0 (old_value, new_value) == 0)
        continue;

      old_shown = dup_shown_value (self, &changes[i], old_value);
      new_shown = dup_shown_value (self, &changes[i], new_value);
      note = pdw_card_line_new_correction_note (changes[i].field, old_shown, new_shown);
      if (!_pdw_store_append_card_line (self, complaint_id, now, actor, "correct_data", note, error))
        goto failed;
      (*n_changes)++;
    }

  if (!_pdw_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  _pdw_store_rollback (self);
  return FALSE;
}

PdwComplaint *
pdw_store_correct_complaint (PdwStore                  *self,
                             gint64                     complaint_id,
                             const PdwComplaintFields  *fields,
                             const PdwActor            *actor,
                             GError                   **error)
{
  g_autoptr(PdwComplaint) complaint = NULL;
  guint n_changes = 0;
  gboolean ok;

  g_return_val_if_fail (PDW_IS_STORE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_pdw_store_check_actor (actor, error))
    return NULL;

  g_rec_mutex_lock (&self->mutex);
  complaint = pdw_store_dup_complaint (self, complaint_id, error);
  ok = complaint != NULL &&
       correct_complaint_locked (self, complaint, fields, actor, &n_changes, error);
  g_rec_mutex_unlock (&self->mutex);

  if (!ok)
    return NULL;
  if (n_changes == 0)
    return g_steal_pointer (&complaint);

  _pdw_store_emit_complaint_changed (self, complaint_id);
  _pdw_store_emit_conversation_changed (self, pdw_complaint_get_conversation_id (complaint));
  return pdw_store_dup_complaint (self, complaint_id, error);
}
