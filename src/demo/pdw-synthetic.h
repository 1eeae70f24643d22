/* pdw-synthetic.h: synthetic people and the messages they write, for the
 * office history generator (pandawa-cli generate), the demo and tests.
 *
 * Nobody here is real: names are combinations of common given names and
 * family names; NIKs and KKs are valid in form (Pekanbaru district codes,
 * birth dates 1950-2007, women +40 on the day) but use serials 9000-9999,
 * which SIAK reaches rarely, so a match with a real person is unlikely;
 * phone numbers are 628000 + 7 digits, the non-mobile 0800 range.
 *
 * Everything comes from one GRand seeded by the caller: the same seed gives
 * the same people and texts.  The citizens' texts are Indonesian data, as
 * people type on WhatsApp, and are not translated.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PdwSynthetic PdwSynthetic;

/* "628000" + 7 digits */
#define PDW_SYNTHETIC_PHONE_PREFIX   "628000"
#define PDW_SYNTHETIC_PHONE_LEN      13
/* Distinct phone numbers pdw_synthetic_phone() can give. */
#define PDW_SYNTHETIC_N_PHONES       10000000u
#define PDW_SYNTHETIC_SERIAL_MIN     9000
#define PDW_SYNTHETIC_SERIAL_MAX     9999

typedef struct
{
  char     *name;
  gboolean  female;
  GDate     birth_date;
  char      nik[17];
  char      kk[17];
  char      phone[PDW_SYNTHETIC_PHONE_LEN + 1];
} PdwSyntheticPerson;

/* What a citizen writes. */
typedef enum
{
  PDW_SYNTHETIC_GREETING,      /* "assalamualaikum min" */
  PDW_SYNTHETIC_COMPLAINT,     /* the problem, with name/NIK/KK when asked for */
  PDW_SYNTHETIC_IDENTITY,      /* only the data the officer asked for */
  PDW_SYNTHETIC_ACKNOWLEDGE,   /* "ok min" after the standard reply */
  PDW_SYNTHETIC_FOLLOW_UP,     /* "sdh aktif blm min?" */
  PDW_SYNTHETIC_THANKS,        /* after the closing message */
  PDW_SYNTHETIC_RELATIVE,      /* someone asking about a family member's NIK */
  PDW_SYNTHETIC_OTHER_NUMBER,  /* "ini nomor saya yg lain" (no NIK) */
  PDW_SYNTHETIC_INQUIRY,       /* a question that never becomes a complaint */
  PDW_SYNTHETIC_PHOTO_CAPTION, /* caption of a photo of the KK or KTP */
} PdwSyntheticCitizenText;

/* What an officer types besides the reply templates. */
typedef enum
{
  PDW_SYNTHETIC_ASK_DATA,      /* asks for name, NIK and KK */
  PDW_SYNTHETIC_RECEIVED,      /* "data sudah kami terima, sedang diproses" */
  PDW_SYNTHETIC_PLEASE_WAIT,   /* answer to a follow-up */
  PDW_SYNTHETIC_YOU_ARE_WELCOME,
  PDW_SYNTHETIC_INQUIRY_ANSWER,
  PDW_SYNTHETIC_RELATIVE_ANSWER,
} PdwSyntheticOfficerText;

PdwSynthetic       *pdw_synthetic_new            (guint32                   seed);
void                pdw_synthetic_free           (PdwSynthetic             *self);
/* The generator's random source, for callers that draw from the same
 * sequence (owned by @self). */
GRand              *pdw_synthetic_get_rand       (PdwSynthetic             *self);

/* "Rahmat Hidayat", sometimes one name only ("Nurhayati").  Never empty. */
char               *pdw_synthetic_name           (PdwSynthetic             *self,
                                                  gboolean                  female);
/* A NIK of someone born on @birth_date, first registered in @district (six
 * digits) or, when NULL, in one of Pekanbaru's districts. */
void                pdw_synthetic_nik            (PdwSynthetic             *self,
                                                  const char               *district,
                                                  const GDate              *birth_date,
                                                  gboolean                  female,
                                                  char                      nik[17]);
/* A KK issued in @district (NULL: Pekanbaru) between @not_before and
 * 2024-12-31 (never in the future for a history from 2025 on). */
void                pdw_synthetic_kk             (PdwSynthetic             *self,
                                                  const char               *district,
                                                  const GDate              *not_before,
                                                  char                      kk[17]);
/* A birth date from 1950-01-01 to 2007-12-31. */
void                pdw_synthetic_birth_date     (PdwSynthetic             *self,
                                                  GDate                    *date);
/* The @index-th phone number of this seed: distinct for every @index below
 * PDW_SYNTHETIC_N_PHONES. */
void                pdw_synthetic_phone          (PdwSynthetic             *self,
                                                  guint                     index,
                                                  char                      phone[PDW_SYNTHETIC_PHONE_LEN + 1]);
/* One of Pekanbaru's fifteen district codes, static. */
const char         *pdw_synthetic_pekanbaru_district (PdwSynthetic         *self);

/* A whole person: name, birth date, NIK, KK in @district (NULL: Pekanbaru)
 * and the @phone_index-th phone number. */
PdwSyntheticPerson *pdw_synthetic_person_new     (PdwSynthetic             *self,
                                                  const char               *district,
                                                  guint                     phone_index);
void                pdw_synthetic_person_free    (PdwSyntheticPerson       *person);

/* What @person writes.  @institution is a catalog code ("bank", "bpjs_kesehatan",
 * "operator_seluler", ...) or NULL; @with_identity: the text carries the NIK
 * (and often the name and KK) for COMPLAINT, and is ignored otherwise.  For
 * RELATIVE, @person is the relative the text is about. */
char               *pdw_synthetic_citizen_text   (PdwSynthetic             *self,
                                                  PdwSyntheticCitizenText   kind,
                                                  const PdwSyntheticPerson *person,
                                                  const char               *institution,
                                                  gboolean                  with_identity);
/* What an officer (@officer_name) writes to @person. */
char               *pdw_synthetic_officer_text   (PdwSynthetic             *self,
                                                  PdwSyntheticOfficerText   kind,
                                                  const PdwSyntheticPerson *person,
                                                  const char               *officer_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwSynthetic, pdw_synthetic_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdwSyntheticPerson, pdw_synthetic_person_free)

G_END_DECLS
