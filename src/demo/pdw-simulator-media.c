/* pdw-simulator-media.c: the media side of the simulated Graph API
 * (research/whatsapp.md §1.8): the files the simulated citizens send, a
 * synthetic photo of a family card (Kartu Keluarga) and a bank letter,
 * drawn here with made-up names and numbers that are obviously not real;
 * GET /{version}/{media-id} answers a short-lived URL, GET of that URL the
 * bytes (Bearer token required), POST /{version}/{phone-number-id}/media
 * takes officers' uploads.  The WAHA wire serves the same files on its
 * /api/files/ (_pdw_simulator_media_dup()).
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <string.h>

#include "gateway/pdw-signature.h"
#include "pdw-simulator-private.h"

typedef struct
{
  GBytes *bytes;
  char   *mime_type;
  char   *url_token;
} Media;

G_LOCK_DEFINE_STATIC (media);
static GHashTable *media_table;   /* media id -> Media */
static guint       n_uploads;

static void
media_free (Media *media)
{
  g_bytes_unref (media->bytes);
  g_free (media->mime_type);
  g_free (media->url_token);
  g_free (media);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
text_at (cairo_t    *cr,
         double      x,
         double      y,
         double      size,
         gboolean    bold,
         const char *text)
{
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
  cairo_move_to (cr, x, y);
  cairo_show_text (cr, text);
}

static void
text_centered (cairo_t    *cr,
               double      center,
               double      y,
               double      size,
               gboolean    bold,
               const char *text)
{
  cairo_text_extents_t extents;

  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
  cairo_text_extents (cr, text, &extents);
  text_at (cr, center - extents.width / 2 - extents.x_bearing, y, size, bold, text);
}

/* A phone photo of a family card lying on a desk: the paper slightly
 * turned, its table of members, every name and number marked as a sample. */
static GBytes *
draw_family_card (void)
{
  static const char * const columns[] = { "No", "Nama Lengkap", "NIK", "Jenis Kelamin", "Tempat Lahir", "Tgl Lahir" };
  static const double column_x[] = { 20, 60, 250, 430, 560, 700 };
  static const char * const rows[][6] = {
    { "1", "NURHAYATI (CONTOH)", "9999 0000 0000 0001", "PEREMPUAN", "KOTA CONTOH", "01-01-1990" },
    { "2", "ANAK SATU (CONTOH)", "9999 0000 0000 0002", "LAKI-LAKI", "KOTA CONTOH", "02-02-2012" },
    { "3", "ANAK DUA (CONTOH)", "9999 0000 0000 0003", "PEREMPUAN", "KOTA CONTOH", "03-03-2016" },
  };
  const int width = 1024;
  const int height = 700;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();
  cairo_pattern_t *desk;

  /* The desk. */
  desk = cairo_pattern_create_linear (0, 0, width, height);
  cairo_pattern_add_color_stop_rgb (desk, 0, 0.55, 0.42, 0.30);
  cairo_pattern_add_color_stop_rgb (desk, 1, 0.38, 0.28, 0.19);
  cairo_set_source (cr, desk);
  cairo_paint (cr);
  cairo_pattern_destroy (desk);

  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_rotate (cr, -0.025);
  cairo_translate (cr, -460, -300);

  /* Shadow, paper, border. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_rectangle (cr, 10, 12, 920, 600);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.93, 0.96, 0.97);
  cairo_rectangle (cr, 0, 0, 920, 600);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.20, 0.45, 0.55);
  cairo_set_line_width (cr, 3);
  cairo_rectangle (cr, 12, 12, 896, 576);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.10, 0.12, 0.15);
  text_centered (cr, 460, 70, 40, TRUE, "KARTU KELUARGA");
  text_centered (cr, 460, 108, 22, TRUE, "No. 9999 0000 0000 0000");
  text_at (cr, 40, 160, 16, FALSE, "Nama Kepala Keluarga : NURHAYATI (CONTOH)");
  text_at (cr, 40, 186, 16, FALSE, "Alamat                       : JL. CONTOH NO. 0");
  text_at (cr, 520, 160, 16, FALSE, "Kecamatan : CONTOH");
  text_at (cr, 520, 186, 16, FALSE, "Kota        : KOTA CONTOH");

  /* The members' table. */
  cairo_set_source_rgb (cr, 0.78, 0.87, 0.90);
  cairo_rectangle (cr, 14, 210, 892, 36);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.10, 0.12, 0.15);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    text_at (cr, column_x[c], 234, 14, TRUE, columns[c]);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      double y = 246 + 44 * (r + 1);

      cairo_set_source_rgb (cr, 0.60, 0.70, 0.74);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, 14, y);
      cairo_line_to (cr, 906, y);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.10, 0.12, 0.15);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        text_at (cr, column_x[c], y - 14, 14, FALSE, rows[r][c]);
    }

  /* Nobody could take this for a real card. */
  cairo_set_source_rgb (cr, 0.75, 0.10, 0.10);
  text_centered (cr, 460, 470, 26, TRUE, "DOKUMEN SINTETIS - BUKAN DATA ASLI");
  cairo_set_source_rgb (cr, 0.10, 0.12, 0.15);
  text_at (cr, 640, 540, 14, FALSE, "KOTA CONTOH, 01-01-2026");
  text_at (cr, 640, 566, 14, FALSE, "KEPALA DINAS (CONTOH)");

  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_cb, png);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (png);
}

static GBytes *
draw_bank_letter (void)
{
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  text_at (cr, 60, 90, 18, TRUE, "BANK CONTOH (SINTETIS)");
  text_at (cr, 60, 150, 12, FALSE, "Perihal: Data kependudukan tidak sinkron");
  text_at (cr, 60, 180, 12, FALSE, "Nasabah atas nama DEWI LESTARI (CONTOH), NIK 9999 0000 0000 0009,");
  text_at (cr, 60, 198, 12, FALSE, "tidak dapat diverifikasi. Mohon pemadanan data ke Disdukcapil.");
  text_at (cr, 60, 260, 12, TRUE, "DOKUMEN SINTETIS - BUKAN DATA ASLI");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (pdf);
}

static void
add_media_locked (const char *media_id,
                  GBytes     *bytes,
                  const char *mime_type)
{
  Media *media = g_new0 (Media, 1);

  media->bytes = bytes;
  media->mime_type = g_strdup (mime_type);
  g_hash_table_replace (media_table, g_strdup (media_id), media);
}

static void
ensure_media_locked (void)
{
  if (media_table != NULL)
    return;

  media_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) media_free);
  add_media_locked (PDW_SIMULATOR_KK_PHOTO_ID, draw_family_card (), "image/png");
  add_media_locked (PDW_SIMULATOR_BANK_LETTER_ID, draw_bank_letter (), "application/pdf");
}

static char *
sha256_of (GBytes *bytes)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;

  g_checksum_update (checksum, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_checksum_get_digest (checksum, digest, &len);
  return g_base64_encode (digest, len);
}

char *
_pdw_simulator_media_dup_sha256 (const char *media_id)
{
  char *sha256 = NULL;
  Media *media;

  G_LOCK (media);
  ensure_media_locked ();
  media = g_hash_table_lookup (media_table, media_id);
  if (media != NULL)
    sha256 = sha256_of (media->bytes);
  G_UNLOCK (media);

  return sha256;
}

static Media *
find_media_locked (const char *media_id)
{
  Media *media = g_hash_table_lookup (media_table, media_id);

  /* The demo's generated history has photos too (pdw-history.c numbers
   * them 9000000000xxxxx): each is the same synthetic card. */
  if (media == NULL && g_str_has_prefix (media_id, "9000000000"))
    {
      Media *card = g_hash_table_lookup (media_table, PDW_SIMULATOR_KK_PHOTO_ID);

      add_media_locked (media_id, g_bytes_ref (card->bytes), card->mime_type);
      media = g_hash_table_lookup (media_table, media_id);
    }
  return media;
}

GBytes *
_pdw_simulator_media_dup (const char  *media_id,
                          char       **mime_type)
{
  GBytes *bytes = NULL;
  Media *media;

  G_LOCK (media);
  ensure_media_locked ();
  media = find_media_locked (media_id);
  if (media != NULL)
    {
      bytes = g_bytes_ref (media->bytes);
      *mime_type = g_strdup (media->mime_type);
    }
  G_UNLOCK (media);

  return bytes;
}

static gboolean
check_token (SoupServerMessage *msg,
             const char        *access_token)
{
  g_autofree char *expected = g_strconcat ("Bearer ", access_token, NULL);
  const char *authorization =
    soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");

  if (pdw_secure_str_equal (authorization, expected))
    return TRUE;

  _pdw_simulator_reply_graph_error (msg, SOUP_STATUS_UNAUTHORIZED, 190,
                                    "Invalid OAuth access token - Cannot parse access token", "OAuthException");
  return FALSE;
}

static void
lookup (SoupServerMessage *msg,
        const char        *media_id,
        const char        *graph_url)
{
  g_autofree char *json = NULL;
  g_autofree char *sha256 = NULL;
  Media *media;

  G_LOCK (media);
  media = find_media_locked (media_id);
  if (media != NULL)
    {
      g_free (media->url_token);
      media->url_token = g_strdup_printf ("%08x%08x", g_random_int (), g_random_int ());
      sha256 = sha256_of (media->bytes);
      json = g_strdup_printf ("{\"messaging_product\":\"whatsapp\",\"url\":\"%s/files/%s?token=%s\","
                              "\"mime_type\":\"%s\",\"sha256\":\"%s\",\"file_size\":%" G_GSIZE_FORMAT ","
                              "\"id\":\"%s\"}",
                              graph_url, media_id, media->url_token, media->mime_type, sha256,
                              g_bytes_get_size (media->bytes), media_id);
    }
  G_UNLOCK (media);

  if (json == NULL)
    _pdw_simulator_reply_graph_error (msg, SOUP_STATUS_BAD_REQUEST, 100,
                                      "(#100) Invalid parameter", "OAuthException");
  else
    _pdw_simulator_reply_json (msg, SOUP_STATUS_OK, json);
}

static void
download (SoupServerMessage *msg,
          const char        *media_id,
          GHashTable        *query)
{
  const char *token = query != NULL ? g_hash_table_lookup (query, "token") : NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *mime_type = NULL;
  Media *media;

  G_LOCK (media);
  media = g_hash_table_lookup (media_table, media_id);
  if (media != NULL && media->url_token != NULL && g_strcmp0 (token, media->url_token) == 0)
    {
      bytes = g_bytes_ref (media->bytes);
      mime_type = g_strdup (media->mime_type);
    }
  G_UNLOCK (media);

  /* A URL from an earlier lookup has expired, as Meta's do. */
  if (bytes == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg), mime_type, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bytes);
}

static void
upload (SoupServerMessage *msg)
{
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(SoupMultipart) multipart =
    soup_multipart_new_from_message (soup_server_message_get_request_headers (msg), body);
  g_autofree char *json = NULL;
  g_autofree char *media_id = NULL;

  for (int i = 0; multipart != NULL && i < soup_multipart_get_length (multipart); i++)
    {
      SoupMessageHeaders *headers = NULL;
      GBytes *part = NULL;
      g_autoptr(GHashTable) params = NULL;

      if (soup_multipart_get_part (multipart, i, &headers, &part) &&
          soup_message_headers_get_content_disposition (headers, NULL, &params) &&
          g_strcmp0 (g_hash_table_lookup (params, "name"), "file") == 0)
        {
          G_LOCK (media);
          media_id = g_strdup_printf ("9100000000%05u", ++n_uploads);
          add_media_locked (media_id, g_bytes_ref (part),
                            soup_message_headers_get_content_type (headers, NULL));
          G_UNLOCK (media);
        }
    }

  if (media_id == NULL)
    {
      _pdw_simulator_reply_graph_error (msg, SOUP_STATUS_BAD_REQUEST, 100,
                                        "(#100) The parameter file is required", "OAuthException");
      return;
    }

  json = g_strdup_printf ("{\"id\":\"%s\"}", media_id);
  _pdw_simulator_reply_json (msg, SOUP_STATUS_OK, json);
}

gboolean
_pdw_simulator_handle_media (SoupServerMessage *msg,
                             const char        *path,
                             GHashTable        *query,
                             const char        *graph_url,
                             const char        *access_token,
                             const char        *phone_number_id)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  guint n = g_strv_length (parts);
  gboolean is_get = soup_server_message_get_method (msg) == SOUP_METHOD_GET;

  G_LOCK (media);
  ensure_media_locked ();
  G_UNLOCK (media);

  /* "/files/{media-id}", "/{version}/{media-id}", "/{version}/{phone}/media" */
  if (n == 3 && is_get && g_str_equal (parts[1], "files"))
    {
      if (check_token (msg, access_token))
        download (msg, parts[2], query);
      return TRUE;
    }
  if (n == 3 && is_get && parts[1][0] == 'v')
    {
      if (check_token (msg, access_token))
        lookup (msg, parts[2], graph_url);
      return TRUE;
    }
  if (n == 4 && !is_get && parts[1][0] == 'v' && g_strcmp0 (parts[2], phone_number_id) == 0 &&
      g_str_equal (parts[3], "media"))
    {
      if (check_token (msg, access_token))
        upload (msg);
      return TRUE;
    }

  return FALSE;
}
