/* pdw-complaint-identity.c: the live NIK/KK check under a field, shared by
 * the registration form and the "Edit Data" dialog so that both say the
 * same about the same number.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pdw-complaint-section-private.h"



static char *
join_issues (GPtrArray *issues)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      PdwIdentityIssue *issue = g_ptr_array_index (issues, i);

      if (str->len > 0)
        g_string_append_c (str, '\n');
      g_string_append (str, issue->message);
    }

  return g_string_free (str, FALSE);
}

static char *
describe_identity (const PdwIdentityResult *result)
{
  GString *str = g_string_new (NULL);

  if (result->district != NULL)
    {
      g_autofree char *district = NULL;

      if (result->district_former != NULL)
        /* Translators: a kecamatan whose code carried another name before, e.g. "Binawidya (formerly Tampan)" */
        district = g_strdup_printf (_("%s (formerly %s)"), result->district, result->district_former);
      else
        district = g_strdup (result->district);

      if (result->regency != NULL)
        /* Translators: district, then regency or city */
        g_string_append_printf (str, _("District: %s, %s"), district, result->regency);
      else
        g_string_append_printf (str, _("District: %s"), district);
    }

  if (g_date_valid (&result->date))
    {
      char date[32];

      g_date_strftime (date, sizeof date, "%d/%m/%Y", &result->date);
      if (str->len > 0)
        g_string_append_c (str, '\n');

      if (result->kind == PDW_IDENTITY_KK)
        g_string_append_printf (str, _("Issued on %s"), date);
      else if (result->sex == 'P')
        g_string_append_printf (str, _("Born on %s · female"), date);
      else if (result->sex == 'L')
        g_string_append_printf (str, _("Born on %s · male"), date);
      else
        g_string_append_printf (str, _("Born on %s"), date);
    }

  return g_string_free (str, FALSE);
}

PdwFieldState
_pdw_complaint_validate_identity (PdwIdentityKind  kind,
                   AdwEntryRow     *row,
                   GtkLabel        *message,
                   GtkLabel        *details)
{
  g_autoptr(PdwIdentityResult) result = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *decoded = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  PdwFieldState state;

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "warning");

  if (_pdw_complaint_text_is_blank (text))
    {
      _pdw_complaint_set_message (message, NULL, NULL);
      _pdw_complaint_set_message (details, NULL, NULL);
      return PDW_FIELD_EMPTY;
    }

  result = pdw_identity_parse (kind, text, NULL);
  if (result == NULL)
    {
      _pdw_complaint_set_message (message, NULL, NULL);
      _pdw_complaint_set_message (details, NULL, NULL);
      return PDW_FIELD_EMPTY;
    }

  if (!result->valid && result->errors != NULL && result->errors->len > 0)
    {
      errors = join_issues (result->errors);
      _pdw_complaint_set_message (message, errors, "error");
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      state = PDW_FIELD_ERROR;
    }
  else if (result->warnings != NULL && result->warnings->len > 0)
    {
      warnings = join_issues (result->warnings);
      _pdw_complaint_set_message (message, warnings, "warning");
      gtk_widget_add_css_class (GTK_WIDGET (row), "warning");
      state = PDW_FIELD_WARNING;
    }
  else
    {
      _pdw_complaint_set_message (message,
                                  kind == PDW_IDENTITY_NIK ? _("Valid NIK") : _("Valid family card number"),
                                  "success");
      state = PDW_FIELD_VALID;
    }

  decoded = describe_identity (result);
  _pdw_complaint_set_message (details, decoded, "dim-label");

  return state;
}

char *
_pdw_complaint_dup_identity_digits (PdwIdentityKind  kind,
                                    const char      *text)
{
  g_autoptr(PdwIdentityResult) result = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped == '\0')
    return NULL;

  /* The 16 digits, not "1471 0841 ..." as typed. */
  result = pdw_identity_parse (kind, stripped, NULL);
  if (result != NULL && result->digits[0] != '\0')
    return g_strdup (result->digits);

  return g_steal_pointer (&stripped);
}
