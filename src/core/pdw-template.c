/* pdw-template.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pdw-identity.h"
#include "pdw-service-calendar.h"
#include "pdw-template.h"

typedef struct
{
  const char *name;
  const char *title;   /* N_() msgid */
  const char *text;    /* Indonesian, sent to citizens */
} DefaultTemplate;

static const DefaultTemplate defaults[] = {
  { PDW_TEMPLATE_STANDARD_REPLY, N_("Standard reply (2×24 hours)"),
    "Terima kasih, Bapak/Ibu {nama}. Permohonan Bapak/Ibu telah kami terima "
    "dan terdaftar dengan nomor tiket {tiket} untuk NIK {nik_masked}. "
    "Data bapak/ibu dapat aktif maksimal dalam waktu 2x24 jam "
    "(paling lambat {batas_waktu}). Kami akan mengabari Bapak/Ibu kembali "
    "setelah data aktif.\n\n"
    "Salam,\n{petugas}\nDisdukcapil Kota Pekanbaru" },
  { PDW_TEMPLATE_CLOSING, N_("Closing message"),
    "Bapak/Ibu {nama}, data kependudukan dengan NIK {nik_masked} "
    "(tiket {tiket}) sudah aktif. Bapak/Ibu sudah dapat kembali menggunakan "
    "layanan publik lainnya, seperti perbankan, BPJS dan operator seluler.\n\n"
    "Terima kasih telah menggunakan layanan PANDAWA.\n"
    "Salam,\n{petugas}\nDisdukcapil Kota Pekanbaru" },
  { PDW_TEMPLATE_OUT_OF_HOURS, N_("Out-of-hours automatic reply"),
    "Terima kasih telah menghubungi layanan PANDAWA Disdukcapil Kota "
    "Pekanbaru. Saat ini di luar jam pelayanan. Pesan Bapak/Ibu sudah kami "
    "terima dan akan dibalas oleh petugas setelah layanan buka kembali pada "
    "{jam_buka}.\n\n"
    "Mohon sertakan Nama, NIK dan Nomor KK agar permohonan dapat segera "
    "diproses." },
  { PDW_TEMPLATE_BIOMETRIC_REFERRAL, N_("Biometric check referral"),
    "Bapak/Ibu {nama}, dari hasil pemeriksaan kami, data dengan NIK "
    "{nik_masked} (tiket {tiket}) terindikasi ganda sehingga perlu "
    "pemeriksaan biometrik. Mohon Bapak/Ibu datang langsung ke kantor "
    "Disdukcapil Kota Pekanbaru pada jam pelayanan dengan membawa KTP-el dan "
    "Kartu Keluarga asli.\n\n"
    "Salam,\n{petugas}\nDisdukcapil Kota Pekanbaru" },
  { PDW_TEMPLATE_REJECTION, N_("Rejection"),
    "Bapak/Ibu {nama}, mohon maaf, permohonan dengan tiket {tiket} untuk NIK "
    "{nik_masked} belum dapat kami proses karena {alasan}.\n\n"
    "Terima kasih atas pengertian Bapak/Ibu.\n"
    "Salam,\n{petugas}\nDisdukcapil Kota Pekanbaru" },
  /* Follows the closing message when the survey is on (pdw-survey.h): the
   * four answers of the SKM questionnaire, one digit each. */
  { PDW_TEMPLATE_SURVEY, N_("Satisfaction survey question"),
    "Bagaimana penilaian Bapak/Ibu atas layanan kami? Mohon balas pesan ini "
    "dalam 3 hari dengan satu angka saja:\n"
    "1 = Tidak baik\n"
    "2 = Kurang baik\n"
    "3 = Baik\n"
    "4 = Sangat baik" },
};

static const char * const default_names[] = {
  PDW_TEMPLATE_STANDARD_REPLY,
  PDW_TEMPLATE_CLOSING,
  PDW_TEMPLATE_OUT_OF_HOURS,
  PDW_TEMPLATE_BIOMETRIC_REFERRAL,
  PDW_TEMPLATE_REJECTION,
  PDW_TEMPLATE_SURVEY,
  NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (default_names) == G_N_ELEMENTS (defaults) + 1);

/* In the order the template editor offers them. */
static const char * const variable_names[] = {
  "nama", "nik_masked", "tiket", "batas_waktu", "petugas", "jam_buka", "alasan",
  NULL,
};

static const DefaultTemplate *
find_default (const char *name)
{
  if (name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      if (strcmp (defaults[i].name, name) == 0)
        return &defaults[i];
    }

  return NULL;
}

const char * const *
pdw_template_get_default_names (void)
{
  return default_names;
}

const char *
pdw_template_get_title (const char *name)
{
  const DefaultTemplate *def = find_default (name);

  return def != NULL ? _(def->title) : NULL;
}

const char *
pdw_template_get_default_text (const char *name)
{
  const DefaultTemplate *def = find_default (name);

  return def != NULL ? def->text : NULL;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Length of the variable name that starts at @p and is closed by '}', or 0
 * when @p does not start a well-formed variable. */
static gsize
variable_name_length (const char *p)
{
  gsize len = 0;

  while (is_name_char (p[len]))
    len++;

  return (len > 0 && p[len] == '}') ? len : 0;
}

static void
add_unknown (GPtrArray  *unknown,
             const char *name)
{
  for (guint i = 0; i < unknown->len; i++)
    {
      if (strcmp (g_ptr_array_index (unknown, i), name) == 0)
        return;
    }

  g_ptr_array_add (unknown, g_strdup (name));
}

char *
pdw_template_render (const char  *text,
                     GHashTable  *vars,
                     GStrv       *unknown)
{
  g_autoptr(GPtrArray) missing = NULL;
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  missing = g_ptr_array_new_with_free_func (g_free);
  out = g_string_sized_new (strlen (text) + 64);

  for (p = text; *p != '\0';)
    {
      if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}'))
        {
          g_string_append_c (out, p[0]);
          p += 2;
        }
      else if (p[0] == '{' && variable_name_length (p + 1) > 0)
        {
          gsize len = variable_name_length (p + 1);
          g_autofree char *name = g_strndup (p + 1, len);
          const char *value = vars != NULL ? g_hash_table_lookup (vars, name) : NULL;

          if (value != NULL)
            {
              g_string_append (out, value);
            }
          else
            {
              g_string_append_len (out, p, len + 2);
              add_unknown (missing, name);
            }
          p += len + 2;
        }
      else
        {
          g_string_append_c (out, p[0]);
          p++;
        }
    }

  if (unknown != NULL)
    {
      g_ptr_array_add (missing, NULL);
      *unknown = (GStrv) g_ptr_array_free (g_steal_pointer (&missing), FALSE);
    }

  return g_string_free (out, FALSE);
}

GHashTable *
pdw_template_vars_to_table (const PdwTemplateVars *vars)
{
  GHashTable *table;

  g_return_val_if_fail (vars != NULL, NULL);

  table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (vars->nama != NULL)
    g_hash_table_insert (table, (gpointer) "nama", g_strdup (vars->nama));
  if (vars->nik != NULL)
    g_hash_table_insert (table, (gpointer) "nik_masked", pdw_identity_mask (vars->nik));
  if (vars->tiket != NULL)
    g_hash_table_insert (table, (gpointer) "tiket", g_strdup (vars->tiket));
  if (vars->batas_waktu >= 0)
    g_hash_table_insert (table, (gpointer) "batas_waktu", pdw_template_format_time (vars->batas_waktu));
  if (vars->petugas != NULL)
    g_hash_table_insert (table, (gpointer) "petugas", g_strdup (vars->petugas));
  if (vars->jam_buka >= 0)
    g_hash_table_insert (table, (gpointer) "jam_buka", pdw_template_format_time (vars->jam_buka));
  if (vars->alasan != NULL)
    g_hash_table_insert (table, (gpointer) "alasan", g_strdup (vars->alasan));

  return table;
}

char *
pdw_template_render_vars (const char            *text,
                          const PdwTemplateVars *vars,
                          GStrv                 *unknown)
{
  g_autoptr(GHashTable) table = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (vars != NULL, NULL);

  table = pdw_template_vars_to_table (vars);
  return pdw_template_render (text, table, unknown);
}

const char * const *
pdw_template_get_variable_names (void)
{
  return variable_names;
}

GStrv
pdw_template_list_typos (const char *text)
{
  g_autoptr(GStrvBuilder) typos = g_strv_builder_new ();
  g_auto(GStrv) unknown = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* With no values every variable is unknown: keep those that are no
   * variable at all. */
  g_free (pdw_template_render (text, NULL, &unknown));
  for (guint i = 0; unknown[i] != NULL; i++)
    {
      if (!g_strv_contains (variable_names, unknown[i]))
        g_strv_builder_add (typos, unknown[i]);
    }

  return g_strv_builder_end (typos);
}

char *
pdw_template_render_for_conversation (const char      *text,
                                      PdwConversation *conversation,
                                      PdwComplaint    *complaint,
                                      const char      *officer,
                                      gint64           next_opening,
                                      GStrv           *unknown)
{
  return pdw_template_render_for_step (text, conversation, complaint, officer, next_opening, 0, NULL, unknown);
}

char *
pdw_template_render_for_step (const char      *text,
                              PdwConversation *conversation,
                              PdwComplaint    *complaint,
                              const char      *officer,
                              gint64           next_opening,
                              gint64           due_at,
                              const char      *reason,
                              GStrv           *unknown)
{
  PdwTemplateVars vars = PDW_TEMPLATE_VARS_INIT;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (PDW_IS_CONVERSATION (conversation), NULL);
  g_return_val_if_fail (complaint == NULL || PDW_IS_COMPLAINT (complaint), NULL);

  if (reason != NULL && *reason != '\0')
    vars.alasan = reason;

  if (officer != NULL && *officer != '\0')
    vars.petugas = officer;
  vars.jam_buka = next_opening;

  if (complaint != NULL)
    {
      vars.nama = pdw_complaint_get_citizen_name (complaint);
      vars.nik = pdw_complaint_get_nik (complaint);
      vars.tiket = pdw_complaint_get_ticket (complaint);
      if (pdw_complaint_get_due_at (complaint) > 0)
        vars.batas_waktu = pdw_complaint_get_due_at (complaint);
    }
  if (due_at > 0)
    vars.batas_waktu = due_at;

  /* Before registration the WhatsApp profile name is all we know. */
  if (vars.nama == NULL || *vars.nama == '\0')
    {
      display_name = pdw_conversation_dup_display_name (conversation);
      vars.nama = display_name;
    }

  return pdw_template_render_vars (text, &vars, unknown);
}

char *
pdw_template_render_sample (const char *text,
                            const char *officer,
                            gint64      now,
                            gint64      next_opening)
{
  PdwTemplateVars vars = PDW_TEMPLATE_VARS_INIT;

  g_return_val_if_fail (text != NULL, NULL);

  /* Synthetic sample values, never a real citizen. */
  vars.nama = "Siti Aminah";
  vars.nik = "1471010101900001";
  vars.tiket = "PDW-2026-01-00042";
  vars.batas_waktu = now + 48 * 60 * 60;
  vars.petugas = officer != NULL && *officer != '\0' ? officer : _("Officer name");
  vars.jam_buka = next_opening;
  vars.alasan = "NIK terdaftar di Disdukcapil kabupaten/kota lain";

  return pdw_template_render_vars (text, &vars, NULL);
}

char *
pdw_template_format_time (gint64 t)
{
  static const char * const days[] = {
    NULL, "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
  };
  static const char * const months[] = {
    NULL, "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
    "Agustus", "September", "Oktober", "November", "Desember",
  };
  g_autoptr(GTimeZone) tz = pdw_time_zone_new_wib ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (utc != NULL, NULL);

  local = g_date_time_to_timezone (utc, tz);
  return g_strdup_printf ("%s, %d %s %d pukul %02d.%02d WIB",
                          days[g_date_time_get_day_of_week (local)],
                          g_date_time_get_day_of_month (local),
                          months[g_date_time_get_month (local)],
                          g_date_time_get_year (local),
                          g_date_time_get_hour (local),
                          g_date_time_get_minute (local));
}
