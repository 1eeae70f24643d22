/* pdw-cli-identity.c: `pandawa-cli nik`, `kk` and `extract`.
 *
 * The JSON output carries the fixed Indonesian messages (message_id), so
 * scripts see the same text whatever the locale; the plain output is for
 * people and is translated.  The numbers appear on stdout only because the
 * user typed them; nothing here logs them.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "cli/pdw-cli.h"
#include "core/pdw-catalog.h"
#include "core/pdw-classify.h"
#include "core/pdw-extract.h"
#include "core/pdw-identity.h"

#define MAX_MESSAGE_BYTES (1024 * 1024)

static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  guint64 year, month, day;
  char part[5] = { 0 };

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  memcpy (part, text, 4);
  if (!g_ascii_string_to_unsigned (part, 10, 1, 9999, &year, NULL))
    return FALSE;
  memset (part, 0, sizeof part);
  memcpy (part, text + 5, 2);
  if (!g_ascii_string_to_unsigned (part, 10, 1, 12, &month, NULL))
    return FALSE;
  memcpy (part, text + 8, 2);
  if (!g_ascii_string_to_unsigned (part, 10, 1, 31, &day, NULL))
    return FALSE;

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

static char *
format_iso_date (const GDate *date)
{
  if (!g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static void
print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL && value[0] != '\0')
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_issues (JsonBuilder *builder,
            const char  *member,
            GPtrArray   *issues)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < issues->len; i++)
    {
      PdwIdentityIssue *issue = g_ptr_array_index (issues, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, issue->code);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, issue->message_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_result_json (const PdwIdentityResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *date = format_iso_date (&result->date);
  char sex[2] = { result->sex, 0 };
  gboolean is_nik = result->kind == PDW_IDENTITY_NIK;

  json_builder_begin_object (builder);
  add_string_or_null (builder, is_nik ? "nik" : "kk", result->digits);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, result->valid);
  add_issues (builder, "errors", result->errors);
  add_issues (builder, "warnings", result->warnings);
  add_string_or_null (builder, "province", result->province);
  add_string_or_null (builder, "regency", result->regency);
  add_string_or_null (builder, "district", result->district);
  if (result->district_former != NULL)
    add_string_or_null (builder, "district_former", result->district_former);
  add_string_or_null (builder, "district_code", result->district_code);
  if (is_nik)
    {
      add_string_or_null (builder, "birth_date", date);
      add_string_or_null (builder, "sex", sex);
    }
  else
    {
      add_string_or_null (builder, "issue_date", date);
    }
  add_string_or_null (builder, "serial", result->serial);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  print_json (root);
}

static void
print_field (const char *label,
             const char *value)
{
  if (value != NULL && value[0] != '\0')
    printf ("  %-22s %s\n", label, value);
}

static void
print_result_plain (const PdwIdentityResult *result,
                    const char              *typed)
{
  g_autofree char *date = format_iso_date (&result->date);
  g_autofree char *district = NULL;
  const char *sex = NULL;

  printf ("%s %s: %s\n",
          result->kind == PDW_IDENTITY_NIK ? "NIK" : "KK",
          result->digits[0] != '\0' ? result->digits : typed,
          result->valid ? _("valid") : _("not valid"));

  if (result->district != NULL && result->district_former != NULL)
    /* Translators: a kecamatan and its name before the 2020 reorganisation */
    district = g_strdup_printf (_("%s (formerly %s)"), result->district, result->district_former);
  else
    district = g_strdup (result->district);

  print_field (_("District code:"), result->district_code);
  print_field (_("District (kecamatan):"), district);
  print_field (_("Regency/city:"), result->regency);
  print_field (_("Province:"), result->province);

  if (result->kind == PDW_IDENTITY_NIK)
    {
      print_field (_("Birth date:"), date);
      if (result->sex == 'L')
        sex = _("male (L)");
      else if (result->sex == 'P')
        sex = _("female (P)");
      print_field (_("Sex:"), sex);
    }
  else
    {
      print_field (_("Issue date:"), date);
    }
  print_field (_("Serial number:"), result->serial);

  for (guint i = 0; i < result->errors->len; i++)
    printf (_("Error: %s\n"), ((PdwIdentityIssue *) g_ptr_array_index (result->errors, i))->message);
  for (guint i = 0; i < result->warnings->len; i++)
    printf (_("Warning: %s\n"), ((PdwIdentityIssue *) g_ptr_array_index (result->warnings, i))->message);
}

static int
run_identity (PdwIdentityKind   kind,
              int               argc,
              char            **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdwIdentityResult) result = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *number = NULL;
  gboolean json = FALSE;
  GDate today;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Check against this date instead of today (WIB)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  context = g_option_context_new (_("NUMBER"));
  g_option_context_set_summary (context, kind == PDW_IDENTITY_NIK
                                         ? _("Validate and decode a NIK")
                                         : _("Validate and decode a family card (KK) number"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return PDW_CLI_EXIT_USAGE;
    }

  if (argc < 2)
    {
      fprintf (stderr, "%s\n", _("Give the number to check."));
      return PDW_CLI_EXIT_USAGE;
    }

  if (today_text != NULL && !parse_iso_date (today_text, &today))
    {
      fprintf (stderr, _("Invalid date “%s”: use YYYY-MM-DD.\n"), today_text);
      return PDW_CLI_EXIT_USAGE;
    }

  /* "pandawa-cli nik 1471 0101 0190 9999" without quotes works too. */
  number = g_strjoinv (" ", argv + 1);
  result = pdw_identity_parse (kind, number, today_text != NULL ? &today : NULL);

  if (json)
    print_result_json (result);
  else
    print_result_plain (result, number);

  return result->valid ? PDW_CLI_EXIT_OK : PDW_CLI_EXIT_INVALID;
}

int
pdw_cli_nik (int    argc,
             char **argv)
{
  return run_identity (PDW_IDENTITY_NIK, argc, argv);
}

int
pdw_cli_kk (int    argc,
            char **argv)
{
  return run_identity (PDW_IDENTITY_KK, argc, argv);
}

static char *
read_stdin (GError **error)
{
  GString *text = g_string_new (NULL);
  char buffer[8192];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    {
      if (text->len + n > MAX_MESSAGE_BYTES)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("The message is larger than %d bytes."), MAX_MESSAGE_BYTES);
          g_string_free (text, TRUE);
          return NULL;
        }
      g_string_append_len (text, buffer, (gssize) n);
    }

  if (ferror (stdin))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not read standard input."));
      g_string_free (text, TRUE);
      return NULL;
    }

  return g_string_free (text, FALSE);
}

static void
print_people_json (GPtrArray               *people,
                   const PdwClassification *topic)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "people");
  json_builder_begin_array (builder);
  for (guint i = 0; i < people->len; i++)
    {
      PdwExtractedPerson *person = g_ptr_array_index (people, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "name", person->name);
      add_string_or_null (builder, "nik", person->nik);
      add_string_or_null (builder, "kk", person->kk);
      add_string_or_null (builder, "birth_date", person->birth_date);
      add_string_or_null (builder, "phone", person->phone);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  /* The codes of the office's lists; absent when the text names none. */
  if (topic->complaint_type != NULL)
    {
      json_builder_set_member_name (builder, "complaint_type");
      json_builder_add_string_value (builder, topic->complaint_type);
    }
  if (topic->institution != NULL)
    {
      json_builder_set_member_name (builder, "institution");
      json_builder_add_string_value (builder, topic->institution);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  print_json (root);
}

static void
print_people_plain (GPtrArray               *people,
                    const PdwClassification *topic)
{
  g_autofree char *type = NULL;
  g_autofree char *institution = NULL;

  if (topic->complaint_type != NULL)
    type = g_strdup_printf ("%s (%s)", pdw_catalog_get_default_label (PDW_CATALOG_COMPLAINT_TYPE, topic->complaint_type),
                            topic->complaint_type);
  if (topic->institution != NULL)
    institution = g_strdup_printf ("%s (%s)", pdw_catalog_get_default_label (PDW_CATALOG_INSTITUTION, topic->institution),
                                   topic->institution);
  print_field (_("Complaint type:"), type);
  print_field (_("Institution:"), institution);

  if (people->len == 0)
    {
      printf ("%s\n", _("No name, NIK, KK, birth date or phone number found."));
      return;
    }

  for (guint i = 0; i < people->len; i++)
    {
      PdwExtractedPerson *person = g_ptr_array_index (people, i);

      printf (_("Person %u:\n"), i + 1);
      print_field (_("Name:"), person->name);
      print_field ("NIK:", person->nik);
      print_field ("KK:", person->kk);
      print_field (_("Birth date:"), person->birth_date);
      print_field (_("Phone:"), person->phone);
    }
}

int
pdw_cli_extract (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *text = NULL;
  PdwClassification topic;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Extract names, NIK, KK and phone numbers from a message on standard input"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return PDW_CLI_EXIT_USAGE;
    }

  if (argc > 1)
    {
      fprintf (stderr, "%s\n", _("The message is read from standard input; no arguments are expected."));
      return PDW_CLI_EXIT_USAGE;
    }

  text = read_stdin (&error);
  if (text == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return PDW_CLI_EXIT_INVALID;
    }

  people = pdw_extract_people (text);
  pdw_classify_text (text, &topic);

  if (json)
    print_people_json (people, &topic);
  else
    print_people_plain (people, &topic);

  return PDW_CLI_EXIT_OK;
}
