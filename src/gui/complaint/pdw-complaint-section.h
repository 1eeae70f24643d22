/* pdw-complaint-section.h: what every part of the complaint pane is told.
 *
 * The pane holds the context (store, settings, clock) and the selected
 * conversation and complaint; each section shows its share of them, as GNOME
 * Calendar's event editor hands its event to every GcalEventEditorSection.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gui/pdw-context.h"
#include "store/pdw-store.h"

G_BEGIN_DECLS

#define PDW_TYPE_COMPLAINT_SECTION (pdw_complaint_section_get_type ())
G_DECLARE_INTERFACE (PdwComplaintSection, pdw_complaint_section, PDW, COMPLAINT_SECTION, GtkWidget)

/* Signals:
 *   "complaint-changed" (PdwComplaint *complaint): the section recorded a
 *       step that gave the conversation this complaint (registered, linked);
 *       the pane makes it the one every section shows. */
struct _PdwComplaintSectionInterface
{
  GTypeInterface parent_iface;

  /* The pane's context (NULL until it has one); called again when the
   * context changes. */
  void (* attach)        (PdwComplaintSection *self,
                          PdwContext          *context);
  /* @complaint is NULL while the conversation has none (or the officer
   * starts a new one after a closed file). */
  void (* set_complaint) (PdwComplaintSection *self,
                          PdwConversation     *conversation,
                          PdwComplaint        *complaint);
};

void pdw_complaint_section_attach            (PdwComplaintSection *self,
                                              PdwContext          *context);
void pdw_complaint_section_set_complaint     (PdwComplaintSection *self,
                                              PdwConversation     *conversation,
                                              PdwComplaint        *complaint);
void pdw_complaint_section_complaint_changed (PdwComplaintSection *self,
                                              PdwComplaint        *complaint);

G_END_DECLS
