/* pdw-complaint-status-section.c: the head of the complaint pane.  It shows
 * the complaint's status, ticket, holder and SLA state and offers the SOP
 * steps that the workflow allows from the current status.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/pdw-workflow.h"
#include "gui/pdw-format.h"

#include "pdw-complaint-section-private.h"
#include "pdw-complaint-status-section.h"

struct _PdwComplaintStatusSection
{
  GtkWidget      parent_instance;

  /* Template Widgets */
  GtkLabel      *status_label;
  GtkMenuButton *more_button;
  GtkLabel      *ticket_label;
  GtkLabel      *sla_label;
  GtkLabel      *holder_label;
  GtkWidget     *actions_box;
  GtkButton     *next_button;
  GtkButton     *second_button;
  GtkLabel      *action_message;

  /* Owned References */
  PdwComplaint  *complaint;
  PdwContext    *context;
  GMenu         *more_menu;
  char          *suggested_action;
};

static void pdw_complaint_status_section_iface_init (PdwComplaintSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdwComplaintStatusSection, pdw_complaint_status_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PDW_TYPE_COMPLAINT_SECTION,
                                                      pdw_complaint_status_section_iface_init))

static const char * const sla_classes[] = { "sla-overdue", "sla-due-soon" };

static gboolean
officer_is_blank (PdwComplaintStatusSection *self)
{
  return _pdw_complaint_officer_is_blank (self->context);
}

static void
set_status_tag (PdwComplaintStatusSection *self)
{
  pdw_format_show_status (self->status_label,
                          self->complaint != NULL ? pdw_complaint_get_status (self->complaint)
                                                  : PDW_COMPLAINT_BARU);
}

static void
set_ticket (PdwComplaintStatusSection *self)
{
  const char *ticket = self->complaint != NULL ? pdw_complaint_get_ticket (self->complaint) : NULL;

  gtk_label_set_text (self->ticket_label, ticket != NULL ? ticket : "");
  gtk_widget_set_visible (GTK_WIDGET (self->ticket_label), ticket != NULL);
}

void
pdw_complaint_status_section_update_sla (PdwComplaintStatusSection *self)
{
  g_autofree char *text = NULL;
  PdwComplaintStatus status;
  gint64 due_at;

  g_return_if_fail (PDW_IS_COMPLAINT_STATUS_SECTION (self));

  for (guint i = 0; i < G_N_ELEMENTS (sla_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->sla_label), sla_classes[i]);

  if (self->complaint == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->sla_label), FALSE);
      return;
    }

  status = pdw_complaint_get_status (self->complaint);
  due_at = pdw_complaint_get_due_at (self->complaint);

  if (pdw_workflow_status_waits_on_citizen (status))
    text = g_strdup (_("Waiting for the citizen to come to the office for the biometric check"));
  else if (pdw_workflow_status_is_final (status) || due_at <= 0)
    text = NULL;
  else
    {
      gint64 now = pdw_format_now ();
      PdwSlaState state = pdw_complaint_classify_sla (self->complaint, now,
                                                      pdw_context_get_due_soon_seconds (self->context));
      g_autofree char *when = pdw_format_date_time (due_at);
      g_autofree char *mark = pdw_format_sla_text (state, due_at, now);
      const char *css_class = pdw_format_sla_css_class (state);

      if (mark != NULL)
        /* Translators: "Due 07/11/2025 14:30 WIB · Overdue by 2 h 5 min" */
        text = g_strdup_printf (_("Due %s WIB · %s"), when, mark);
      else
        /* Translators: the 2x24-hour promise, e.g. "Due 07/11/2025 14:30 WIB" */
        text = g_strdup_printf (_("Due %s WIB"), when);

      if (css_class != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->sla_label), css_class);
    }

  gtk_label_set_text (self->sla_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->sla_label), text != NULL);
}

/* The SOP's next step from each status: the suggested button. */
static const char *
next_step_for (PdwComplaintStatus status)
{
  switch (status)
    {
    case PDW_COMPLAINT_TERDAFTAR:
      return "add_to_consolidation";
    case PDW_COMPLAINT_KONSOLIDASI:
      return "send_standard_reply";
    case PDW_COMPLAINT_MENUNGGU:
    case PDW_COMPLAINT_RUJUK_BIOMETRIK:
      return "resolve";
    case PDW_COMPLAINT_KOORDINASI:
      return "return_from_coordination";
    case PDW_COMPLAINT_BARU:
    case PDW_COMPLAINT_SELESAI:
    case PDW_COMPLAINT_DITOLAK:
    default:
      return NULL;
    }
}

static char *
dup_action_label (const PdwWorkflowChoice *choice)
{
  /* An ellipsis says a dialog follows, as GNOME's HIG asks. */
  if (choice->needs != PDW_WORKFLOW_NEEDS_NOTHING)
    return g_strdup_printf ("%s…", choice->label);
  return g_strdup (choice->label);
}

static void
set_button_action (GtkButton  *button,
                   const char *label,
                   const char *action_name,
                   const char *target)
{
  gtk_button_set_label (button, label);
  /* Name last: an action with a parameter must never see a NULL target. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          target != NULL ? g_variant_new_string (target) : NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_visible (GTK_WIDGET (button), TRUE);
}

/* SOP step 2: what is missing before the file can be listed, said where
 * the step is offered. */
static void
show_needs (PdwComplaintStatusSection *self)
{
  g_autofree char *needs = NULL;

  if (g_strcmp0 (self->suggested_action, "add_to_consolidation") == 0)
    needs = _pdw_complaint_dup_consolidation_needs (self->complaint);

  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), needs == NULL);
  if (needs != NULL)
    _pdw_complaint_set_message (self->action_message, needs, "warning");
}

static void
update_actions (PdwComplaintStatusSection *self)
{
  g_autoptr(GArray) choices = NULL;
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenu) conversation_section = g_menu_new ();
  PdwComplaintStatus status;
  gboolean final;
  const char *next;
  const char *second = NULL;

  g_clear_pointer (&self->suggested_action, g_free);
  g_menu_remove_all (self->more_menu);
  gtk_widget_remove_css_class (GTK_WIDGET (self->second_button), "destructive-action");
  gtk_widget_set_visible (GTK_WIDGET (self->second_button), FALSE);

  g_menu_append (conversation_section, _("_Merge with Another Conversation…"), "win.merge-conversation");

  if (self->complaint == NULL)
    {
      gtk_widget_set_visible (self->actions_box, FALSE);
      g_menu_append_section (self->more_menu, NULL, G_MENU_MODEL (conversation_section));
      return;
    }

  status = pdw_complaint_get_status (self->complaint);
  final = pdw_workflow_status_is_final (status);
  next = next_step_for (status);
  choices = pdw_workflow_list_actions (status, pdw_complaint_get_sla_started_at (self->complaint) > 0);

  if (final)
    {
      /* A closed file stays closed: a new request is a new complaint. */
      set_button_action (self->next_button, _("_Start New Complaint"), "pane.new-complaint", NULL);
      second = "reopen";
    }
  else
    second = "reject";

  for (guint i = 0; i < choices->len; i++)
    {
      const PdwWorkflowChoice *choice = &g_array_index (choices, PdwWorkflowChoice, i);
      g_autofree char *label = dup_action_label (choice);

      if (g_strcmp0 (choice->action, next) == 0)
        {
          set_button_action (self->next_button, label, "pane.apply", choice->action);
          self->suggested_action = g_strdup (choice->action);
        }
      else if (g_strcmp0 (choice->action, second) == 0)
        {
          set_button_action (self->second_button, label, "pane.apply", choice->action);
          if (!final)
            gtk_widget_add_css_class (GTK_WIDGET (self->second_button), "destructive-action");
        }
      else
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

          g_menu_item_set_action_and_target_value (item, "pane.apply", g_variant_new_string (choice->action));
          g_menu_append_item (section, item);
        }
    }

  if (!final && self->suggested_action == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->next_button), FALSE);

  show_needs (self);

  g_menu_append_section (self->more_menu, NULL, G_MENU_MODEL (section));
  g_menu_append_section (self->more_menu, NULL, G_MENU_MODEL (conversation_section));

  gtk_widget_set_visible (self->actions_box, TRUE);
  /* Every action is signed on the control card. */
  gtk_widget_set_sensitive (self->actions_box, !officer_is_blank (self));
}

static void
update_holder (PdwComplaintStatusSection *self)
{
  const char *holder = self->complaint != NULL ? pdw_complaint_get_holder (self->complaint) : NULL;
  g_autofree char *text = NULL;

  if (holder != NULL && *holder != '\0' &&
      !pdw_workflow_status_is_final (pdw_complaint_get_status (self->complaint)))
    /* Translators: who holds the complaint file now (an officer or a division) */
    text = g_strdup_printf (_("Held by %s"), holder);

  gtk_label_set_text (self->holder_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->holder_label), text != NULL);
}

/* ---- PdwComplaintSection ------------------------------------------------------ */

static void
pdw_complaint_status_section_attach (PdwComplaintSection *section,
                                     PdwContext          *context)
{
  PdwComplaintStatusSection *self = PDW_COMPLAINT_STATUS_SECTION (section);

  g_set_object (&self->context, context);
}

static void
pdw_complaint_status_section_set_complaint (PdwComplaintSection *section,
                                            PdwConversation     *conversation,
                                            PdwComplaint        *complaint)
{
  PdwComplaintStatusSection *self = PDW_COMPLAINT_STATUS_SECTION (section);

  g_set_object (&self->complaint, complaint);

  set_ticket (self);
  _pdw_complaint_set_message (self->action_message, NULL, NULL);
  set_status_tag (self);
  pdw_complaint_status_section_update_sla (self);
  update_holder (self);
  update_actions (self);
}

static void
pdw_complaint_status_section_iface_init (PdwComplaintSectionInterface *iface)
{
  iface->attach = pdw_complaint_status_section_attach;
  iface->set_complaint = pdw_complaint_status_section_set_complaint;
}

/* ---- Public API ------------------------------------------------------------- */

void
pdw_complaint_status_section_update_officer (PdwComplaintStatusSection *self)
{
  g_return_if_fail (PDW_IS_COMPLAINT_STATUS_SECTION (self));

  if (self->complaint != NULL)
    gtk_widget_set_sensitive (self->actions_box, !officer_is_blank (self));
  if (!officer_is_blank (self))
    {
      _pdw_complaint_set_message (self->action_message, NULL, NULL);
      show_needs (self);
    }
}

void
pdw_complaint_status_section_show_problem (PdwComplaintStatusSection *self,
                                           const char                *message)
{
  g_return_if_fail (PDW_IS_COMPLAINT_STATUS_SECTION (self));

  _pdw_complaint_set_message (self->action_message, message, message != NULL ? "error" : NULL);
}

const char *
pdw_complaint_status_section_get_status_text (PdwComplaintStatusSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_STATUS_SECTION (self), NULL);
  return gtk_label_get_text (self->status_label);
}

const char *
pdw_complaint_status_section_get_ticket_text (PdwComplaintStatusSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_STATUS_SECTION (self), NULL);
  return _pdw_complaint_get_shown_text (self->ticket_label);
}

const char *
pdw_complaint_status_section_get_sla_text (PdwComplaintStatusSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_STATUS_SECTION (self), NULL);
  return _pdw_complaint_get_shown_text (self->sla_label);
}

const char *
pdw_complaint_status_section_get_suggested_action (PdwComplaintStatusSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_STATUS_SECTION (self), NULL);
  return self->suggested_action;
}

gboolean
pdw_complaint_status_section_activate_next (PdwComplaintStatusSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_STATUS_SECTION (self), FALSE);

  /* The button's own visibility: the pane may be folded away. */
  if (self->complaint == NULL || !gtk_widget_get_visible (self->actions_box) ||
      !gtk_widget_get_visible (GTK_WIDGET (self->next_button)) ||
      !gtk_widget_is_sensitive (GTK_WIDGET (self->next_button)))
    return FALSE;

  /* The button's action itself: activating the button would wait for its
   * pressed look to end. */
  return gtk_widget_activate_action_variant (GTK_WIDGET (self->next_button),
                                             gtk_actionable_get_action_name (GTK_ACTIONABLE (self->next_button)),
                                             gtk_actionable_get_action_target_value (GTK_ACTIONABLE (self->next_button)));
}

const char *
pdw_complaint_status_section_get_problem (PdwComplaintStatusSection *self)
{
  g_return_val_if_fail (PDW_IS_COMPLAINT_STATUS_SECTION (self), NULL);
  return _pdw_complaint_get_shown_text (self->action_message);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
pdw_complaint_status_section_dispose (GObject *object)
{
  PdwComplaintStatusSection *self = (PdwComplaintStatusSection *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PDW_TYPE_COMPLAINT_STATUS_SECTION);
  /* GTK 4.8 only unparents the children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->complaint);
  g_clear_object (&self->context);
  g_clear_object (&self->more_menu);
  g_clear_pointer (&self->suggested_action, g_free);

  G_OBJECT_CLASS (pdw_complaint_status_section_parent_class)->dispose (object);
}

static void
pdw_complaint_status_section_class_init (PdwComplaintStatusSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_complaint_status_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-complaint-status-section.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintStatusSection, status_label);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintStatusSection, more_button);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintStatusSection, ticket_label);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintStatusSection, sla_label);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintStatusSection, holder_label);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintStatusSection, actions_box);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintStatusSection, next_button);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintStatusSection, second_button);
  gtk_widget_class_bind_template_child (widget_class, PdwComplaintStatusSection, action_message);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pdw_complaint_status_section_init (PdwComplaintStatusSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->more_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->more_button, G_MENU_MODEL (self->more_menu));
}
