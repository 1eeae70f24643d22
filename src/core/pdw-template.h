/* pdw-template.h: reply templates with {variables}.  The message texts are
 * Indonesian data sent to citizens (officers may edit them), not UI strings;
 * only the template titles are translated.
 *
 * Syntax: {name} with name made of ASCII letters, digits and '_' is replaced
 * by the variable's value.  An unknown variable stays visible as written and
 * is reported, so the officer sees that something is missing.  "{{" and "}}"
 * write a literal brace.  Any other brace is copied as it is.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pdw-complaint.h"
#include "pdw-conversation.h"

G_BEGIN_DECLS

/* Names of the shipped templates. */
#define PDW_TEMPLATE_STANDARD_REPLY      "standard_reply"
#define PDW_TEMPLATE_CLOSING             "closing"
#define PDW_TEMPLATE_OUT_OF_HOURS        "out_of_hours"
#define PDW_TEMPLATE_BIOMETRIC_REFERRAL  "biometric_referral"
#define PDW_TEMPLATE_REJECTION           "rejection"
/* The satisfaction survey's question, added to the closing message. */
#define PDW_TEMPLATE_SURVEY              "survey"

/* Values for the known variables.  NULL strings and negative times are
 * left out, so the variable shows as missing. */
typedef struct
{
  const char *nama;         /* {nama} citizen's name */
  const char *nik;          /* {nik_masked}: masked here with pdw_identity_mask() */
  const char *tiket;        /* {tiket} ticket number */
  gint64      batas_waktu;  /* {batas_waktu} SLA deadline, Unix s; shown in WIB */
  const char *petugas;      /* {petugas} officer's name */
  gint64      jam_buka;     /* {jam_buka} next opening of the service, Unix s */
  const char *alasan;       /* {alasan} reason of a rejection */
} PdwTemplateVars;

#define PDW_TEMPLATE_VARS_INIT { NULL, NULL, NULL, -1, NULL, -1, NULL }

/* The shipped template names, NULL-terminated, static. */
const char * const *pdw_template_get_default_names (void);
/* Translated title for lists and menus; NULL for an unknown name. */
const char         *pdw_template_get_title         (const char            *name);
/* The shipped Indonesian text; NULL for an unknown name. */
const char         *pdw_template_get_default_text  (const char            *name);

/* Renders @text with @vars (char * -> char *; may be NULL).  If @unknown is
 * not NULL it receives the unknown variable names, each once, in order of
 * appearance (an empty vector when all were known). */
char               *pdw_template_render            (const char            *text,
                                                    GHashTable            *vars,
                                                    GStrv                 *unknown);
/* The variables of @vars as a table for pdw_template_render(). */
GHashTable         *pdw_template_vars_to_table     (const PdwTemplateVars *vars);
char               *pdw_template_render_vars       (const char            *text,
                                                    const PdwTemplateVars *vars,
                                                    GStrv                 *unknown);
/* The variables a template may use, NULL-terminated, static. */
const char * const *pdw_template_get_variable_names (void);
/* The names written as {variables} in @text that are none of the known
 * variables, each once (an empty vector when there is none): typos an
 * officer should see before citizens do. */
GStrv               pdw_template_list_typos        (const char            *text);

/* Renders @text for a reply in @conversation: the citizen's name, masked
 * NIK, ticket and due time from @complaint (NULL before registration, when
 * the WhatsApp name stands in for the name), {petugas} from @officer and
 * {jam_buka} from @next_opening.  A NULL or empty @officer, a negative
 * @next_opening and {alasan} stay missing, for the officer to fill in;
 * @unknown as for pdw_template_render(). */
char               *pdw_template_render_for_conversation (const char      *text,
                                                          PdwConversation *conversation,
                                                          PdwComplaint    *complaint,
                                                          const char      *officer,
                                                          gint64           next_opening,
                                                          GStrv           *unknown);
/* The same for the message of an SOP step not recorded yet: @due_at (> 0)
 * is the due time the step will set ({batas_waktu} of the standard reply,
 * whose clock starts when it is sent), @reason a rejection's ({alasan}). */
char               *pdw_template_render_for_step   (const char      *text,
                                                    PdwConversation *conversation,
                                                    PdwComplaint    *complaint,
                                                    const char      *officer,
                                                    gint64           next_opening,
                                                    gint64           due_at,
                                                    const char      *reason,
                                                    GStrv           *unknown);
/* Renders @text with synthetic sample values for every variable (never a
 * real citizen), as the template editor previews it: a due time two days
 * after @now, @officer (or a placeholder when NULL or empty) and
 * @next_opening (missing when negative). */
char               *pdw_template_render_sample     (const char            *text,
                                                    const char            *officer,
                                                    gint64                 now,
                                                    gint64                 next_opening);

/* "Rabu, 14 Januari 2026 pukul 10.00 WIB": Indonesian whatever the locale,
 * because it goes into messages to citizens. */
char               *pdw_template_format_time       (gint64                 t);

G_END_DECLS
