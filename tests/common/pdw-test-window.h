/* pdw-test-window.h: the desk a display test opens, a store in a
 * temporary folder, the officer's settings, a context over them and the
 * window under test, with the messages that fill it.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gui/pdw-context.h"
#include "store/pdw-store.h"

G_BEGIN_DECLS

typedef struct
{
  char       *dir;
  PdwStore   *store;
  GSettings  *settings;
  PdwContext *context;
  GtkWindow  *window;
} PdwTestDesk;

/* Opens an empty store in a new folder named after @name and signs in
 * "Petugas Uji" before the context reads the settings. */
void               pdw_test_desk_open         (PdwTestDesk *desk,
                                               const char  *name);

/* Shows @window, which the desk keeps until it is closed. */
void               pdw_test_desk_present      (PdwTestDesk *desk,
                                               GtkWindow   *window);

/* Destroys the window, releases everything and removes the folder. */
void               pdw_test_desk_close        (PdwTestDesk *desk);

/* Runs what is ready now, a bounded number of times: an animating
 * widget is always ready and must not hang the test. */
void               pdw_test_desk_drain        (void);

/* An inbound text message as the gateway hands it to the store. */
PdwInboundMessage *pdw_test_message_new       (const char  *wamid,
                                               const char  *wa_id,
                                               const char  *profile_name,
                                               gint64       timestamp,
                                               const char  *text);

/* The id of the conversation with @wa_id; fails the test if none. */
gint64             pdw_test_find_conversation (PdwStore    *store,
                                               const char  *wa_id);

/* The first widget under @root of @type whose label (a GtkLabel) or title
 * (an AdwPreferencesRow) is @text (NULL: any of @type), or NULL. */
GtkWidget         *pdw_test_find_widget       (GtkWidget   *root,
                                               GType        type,
                                               const char  *text);

/* For a screenshot of a display test: with PDW_TEST_HOLD_SECONDS=N set,
 * the officer's language from the environment (LANGUAGE=id; call before
 * gtk_test_init()), and the window kept on screen for N seconds. */
void               pdw_test_screenshot_locale (void);
void               pdw_test_hold_for_screenshot (void);

G_END_DECLS
