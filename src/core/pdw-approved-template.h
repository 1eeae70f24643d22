/* pdw-approved-template.h: the WhatsApp message template Meta approved for
 * the office, the only message that may be sent once the 24-hour
 * customer-service window is closed (research/whatsapp.md §1.7, S4).
 *
 * Its name and language come from the GSettings keys wa-template-name and
 * wa-template-language.  Its body takes two positional parameters:
 * {{1}} the citizen's name and {{2}} the ticket ("-" without a complaint).
 * PANDAWA keeps its own copy of the approved body to show in the chat what
 * the citizen reads; the body is Indonesian data, not a UI string.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PDW_APPROVED_TEMPLATE_DEFAULT_NAME     "pandawa_pembaruan_pengaduan"
#define PDW_APPROVED_TEMPLATE_DEFAULT_LANGUAGE "id"
/* The body as submitted to Meta for approval. */
#define PDW_APPROVED_TEMPLATE_DEFAULT_BODY \
  "Yth. Bapak/Ibu {{1}}, ada pembaruan atas pengaduan data Anda (tiket {{2}}) " \
  "di layanan PANDAWA Disdukcapil Kota Pekanbaru. Silakan balas pesan ini agar " \
  "petugas dapat melanjutkan layanan."
/* {{1}} when neither the complaint nor the WhatsApp profile names the
 * citizen: Meta refuses an empty parameter. */
#define PDW_APPROVED_TEMPLATE_NO_NAME          "Pelapor"
/* {{2}} when the conversation has no complaint yet. */
#define PDW_APPROVED_TEMPLATE_NO_TICKET        "-"

#define PDW_TYPE_APPROVED_TEMPLATE (pdw_approved_template_get_type ())
G_DECLARE_FINAL_TYPE (PdwApprovedTemplate, pdw_approved_template, PDW, APPROVED_TEMPLATE, GObject)

/* Properties (construct-only, read-only afterwards): "name", "language",
 * "body" (strings).  NULL or empty values take the defaults above. */
PdwApprovedTemplate *pdw_approved_template_new               (const char          *name,
                                                              const char          *language,
                                                              const char          *body);
/* Name and language from wa-template-name and wa-template-language of
 * @settings (the application's schema), the shipped body. */
PdwApprovedTemplate *pdw_approved_template_new_from_settings (GSettings           *settings);

const char          *pdw_approved_template_get_name          (PdwApprovedTemplate *self);
const char          *pdw_approved_template_get_language      (PdwApprovedTemplate *self);
const char          *pdw_approved_template_get_body          (PdwApprovedTemplate *self);

/* The positional body parameters Meta receives, NULL-terminated: {{1}} the
 * citizen's name (@citizen_name, else @profile_name, else
 * PDW_APPROVED_TEMPLATE_NO_NAME), {{2}} @ticket or "-".  Each is trimmed
 * and its runs of white space (newlines, tabs) become one space, because
 * Meta refuses parameters with newlines, tabs or long runs of spaces. */
GStrv                pdw_approved_template_build_params      (const char          *citizen_name,
                                                              const char          *profile_name,
                                                              const char          *ticket);
/* The text the citizen sees: the body with {{n}} replaced by @params[n-1].
 * A placeholder without a parameter stays as written. */
char                *pdw_approved_template_render            (PdwApprovedTemplate *self,
                                                              const char * const  *params);
/* The same for any body text (the simulator renders what it receives). */
char                *pdw_approved_template_render_body       (const char          *body,
                                                              const char * const  *params);

G_END_DECLS
