/* pdw-composer.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/pdw-reply-template.h"

#include "pdw-composer.h"

/* How many quick replies show before the list scrolls. */
#define QUICK_REPLIES_HEIGHT 280

struct _PdwComposer
{
  GtkWidget    parent_instance;

  /* Template Widgets */
  GtkTextView *text_view;
  GtkLabel    *placeholder_label;
  GtkButton   *send_button;
  GtkWidget   *step_bar;
  GtkLabel    *step_label;

  /* The quick replies ("/" at the start): a popover over the reply box
   * that leaves the keyboard in it. */
  GtkPopover         *quick_popover;
  GtkListView        *quick_list;
  GtkLabel           *quick_empty;
  GtkSingleSelection *quick_selection;
  GtkFilterListModel *quick_filtered;
  GtkCustomFilter    *quick_filter;
  char               *quick_query;
  /* Escape closed the list for this "/…": it stays closed until the
   * text no longer asks. */
  gboolean            quick_dismissed;

  /* The SOP step the text will record when sent (an action id). */
  char        *step;

  gboolean     empty;
};

G_DEFINE_FINAL_TYPE (PdwComposer, pdw_composer, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EMPTY,
  PROP_PLACEHOLDER,
  PROP_STEP,
  N_PROPS
};

enum {
  CHANGED,
  TEMPLATE_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
text_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* ---- Quick replies ------------------------------------------------------ */

static gboolean
quick_filter_func (gpointer item,
                   gpointer user_data)
{
  PdwComposer *self = user_data;

  return pdw_reply_template_matches (PDW_REPLY_TEMPLATE (item), self->quick_query);
}

static void
quick_close (PdwComposer *self)
{
  if (self->quick_popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->quick_popover)))
    gtk_popover_popdown (self->quick_popover);
}

static void
update_quick_replies (PdwComposer *self,
                      const char  *text)
{
  const char *query = pdw_reply_template_get_quick_query (text);
  guint n_items;

  if (self->quick_popover == NULL)
    return;

  if (query == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (self)))
    {
      self->quick_dismissed = FALSE;
      g_clear_pointer (&self->quick_query, g_free);
      quick_close (self);
      return;
    }

  if (g_strcmp0 (query, self->quick_query) != 0)
    {
      g_free (self->quick_query);
      self->quick_query = g_strdup (query);
      gtk_filter_changed (GTK_FILTER (self->quick_filter), GTK_FILTER_CHANGE_DIFFERENT);
    }

  if (self->quick_dismissed || gtk_filter_list_model_get_model (self->quick_filtered) == NULL)
    return;

  /* The best match first, ready for Enter. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->quick_filtered));
  if (n_items > 0)
    {
      gtk_single_selection_set_selected (self->quick_selection, 0);
      gtk_widget_activate_action (GTK_WIDGET (self->quick_list), "list.scroll-to-item", "u", 0);
    }
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->quick_list)), n_items > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->quick_empty), n_items == 0);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->quick_popover)))
    gtk_popover_popup (self->quick_popover);
}

static void
quick_choose (PdwComposer *self,
              guint        position)
{
  g_autoptr(PdwReplyTemplate) template = NULL;

  template = g_list_model_get_item (G_LIST_MODEL (self->quick_filtered), position);
  if (template == NULL)
    return;

  quick_close (self);
  g_signal_emit (self, signals[TEMPLATE_CHOSEN], 0, pdw_reply_template_get_name (template));
}

static void
quick_move (PdwComposer *self,
            int          delta)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->quick_filtered));
  guint selected = gtk_single_selection_get_selected (self->quick_selection);
  guint target;

  if (n_items == 0)
    return;

  if (selected == GTK_INVALID_LIST_POSITION)
    target = delta > 0 ? 0 : n_items - 1;
  else
    target = (guint) ((selected + n_items + delta) % n_items);

  gtk_single_selection_set_selected (self->quick_selection, target);
  gtk_widget_activate_action (GTK_WIDGET (self->quick_list), "list.scroll-to-item", "u", target);
}

static void
quick_activate_cb (PdwComposer *self,
                   guint        position,
                   GtkListView *list)
{
  quick_choose (self, position);
}

/* A quick reply: its title, and the start of its text. */
static void
quick_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *body = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_ellipsize (GTK_LABEL (body), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (body), TRUE);
  gtk_widget_add_css_class (body, "caption");
  gtk_widget_add_css_class (body, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  gtk_widget_add_css_class (box, "quick-reply");
  gtk_list_item_set_child (item, box);
}

static void
quick_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  PdwReplyTemplate *template = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  g_autofree char *body = g_strdup (pdw_reply_template_get_body (template));

  g_strdelimit (body, "\r\n\t", ' ');
  gtk_label_set_text (GTK_LABEL (title), pdw_reply_template_get_title (template));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (title)), g_strstrip (body));
}

static void
setup_quick_replies (PdwComposer *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->quick_filter = gtk_custom_filter_new (quick_filter_func, self, NULL);
  self->quick_filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->quick_filter)));
  self->quick_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->quick_filtered)));
  gtk_single_selection_set_autoselect (self->quick_selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (quick_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (quick_bind_cb), NULL);
  self->quick_list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->quick_selection)),
                                                       g_object_ref (factory)));
  gtk_list_view_set_single_click_activate (self->quick_list, TRUE);
  /* The keyboard stays in the reply: Up/Down/Enter reach the list from there. */
  gtk_widget_set_can_focus (GTK_WIDGET (self->quick_list), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->quick_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->quick_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Quick replies"), -1);
  g_signal_connect_object (self->quick_list, "activate", G_CALLBACK (quick_activate_cb), self, G_CONNECT_SWAPPED);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), QUICK_REPLIES_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->quick_list));

  self->quick_empty = GTK_LABEL (gtk_label_new (_("No reply template matches what follows the “/”.")));
  gtk_widget_add_css_class (GTK_WIDGET (self->quick_empty), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->quick_empty), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->quick_empty), 8);

  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->quick_empty));

  self->quick_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->quick_popover, box);
  gtk_popover_set_autohide (self->quick_popover, FALSE);
  gtk_popover_set_has_arrow (self->quick_popover, FALSE);
  gtk_popover_set_position (self->quick_popover, GTK_POS_TOP);
  gtk_widget_set_halign (GTK_WIDGET (self->quick_popover), GTK_ALIGN_START);
  gtk_widget_set_size_request (box, 360, -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->quick_popover), "quick-replies");
  gtk_widget_set_parent (GTK_WIDGET (self->quick_popover), GTK_WIDGET (self));
}

/* ---- Text ----------------------------------------------------------------- */

static void
buffer_changed_cb (PdwComposer   *self,
                   GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter begin, end;
  gboolean empty;

  g_assert (PDW_IS_COMPOSER (self));

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  text = gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
  empty = text_is_blank (text);

  /* The placeholder goes as soon as anything is typed, even a space. */
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label), *text == '\0');

  if (empty != self->empty)
    {
      self->empty = empty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
    }

  /* An emptied reply is no message: the step it carried is not recorded. */
  if (empty)
    pdw_composer_set_step (self, NULL, NULL);

  update_quick_replies (self, text);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
key_pressed_cb (PdwComposer           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  gboolean enter = keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter;

  g_assert (PDW_IS_COMPOSER (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->quick_popover)) &&
      (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    {
      switch (keyval)
        {
        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
          quick_move (self, -1);
          return TRUE;
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          quick_move (self, 1);
          return TRUE;
        case GDK_KEY_Escape:
          pdw_composer_close_quick_replies (self);
          return TRUE;
        case GDK_KEY_Tab:
        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
        case GDK_KEY_ISO_Enter:
          /* Nothing matches: Enter does not send "/…" as a message. */
          quick_choose (self, gtk_single_selection_get_selected (self->quick_selection));
          return TRUE;
        default:
          break;
        }
    }

  if (!enter)
    return FALSE;

  /* Shift+Enter (and Ctrl+Enter) let the text view insert a line break. */
  if ((state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "chat.send", NULL);
  return TRUE;
}

GtkWidget *
pdw_composer_new (void)
{
  return g_object_new (PDW_TYPE_COMPOSER, NULL);
}

char *
pdw_composer_dup_text (PdwComposer *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter begin, end;

  g_return_val_if_fail (PDW_IS_COMPOSER (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  return gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
}

void
pdw_composer_set_text (PdwComposer *self,
                       const char  *text)
{
  g_return_if_fail (PDW_IS_COMPOSER (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}

void
pdw_composer_clear (PdwComposer *self)
{
  pdw_composer_set_text (self, "");
}

gboolean
pdw_composer_get_empty (PdwComposer *self)
{
  g_return_val_if_fail (PDW_IS_COMPOSER (self), TRUE);

  return self->empty;
}

void
pdw_composer_set_placeholder (PdwComposer *self,
                              const char  *placeholder)
{
  g_return_if_fail (PDW_IS_COMPOSER (self));

  if (g_strcmp0 (gtk_label_get_text (self->placeholder_label), placeholder) == 0)
    return;

  gtk_label_set_text (self->placeholder_label, placeholder ? placeholder : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER]);
}

void
pdw_composer_grab_text_focus (PdwComposer *self)
{
  g_return_if_fail (PDW_IS_COMPOSER (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

GtkWidget *
pdw_composer_get_send_button (PdwComposer *self)
{
  g_return_val_if_fail (PDW_IS_COMPOSER (self), NULL);

  return GTK_WIDGET (self->send_button);
}

void
pdw_composer_set_step (PdwComposer *self,
                       const char  *action,
                       const char  *label)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PDW_IS_COMPOSER (self));

  if (action != NULL && label != NULL)
    /* Translators: above the reply box, e.g. "Step: Send standard reply (2×24 hours) — recorded when the message is sent" */
    text = g_strdup_printf (_("Step: %s — recorded when the message is sent"), label);
  gtk_label_set_text (self->step_label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->step_label), text);
  gtk_widget_set_visible (self->step_bar, action != NULL);

  if (g_strcmp0 (self->step, action) != 0)
    {
      g_free (self->step);
      self->step = g_strdup (action);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
    }
}

const char *
pdw_composer_get_step (PdwComposer *self)
{
  g_return_val_if_fail (PDW_IS_COMPOSER (self), NULL);

  return self->step;
}

void
pdw_composer_set_templates (PdwComposer *self,
                            GListModel  *templates)
{
  g_return_if_fail (PDW_IS_COMPOSER (self));
  g_return_if_fail (templates == NULL || G_IS_LIST_MODEL (templates));

  gtk_filter_list_model_set_model (self->quick_filtered, templates);
}

void
pdw_composer_close_quick_replies (PdwComposer *self)
{
  g_return_if_fail (PDW_IS_COMPOSER (self));

  if (self->quick_query != NULL)
    self->quick_dismissed = TRUE;
  quick_close (self);
}

GtkPopover *
pdw_composer_get_quick_replies (PdwComposer *self)
{
  g_return_val_if_fail (PDW_IS_COMPOSER (self), NULL);

  return self->quick_popover;
}

GListModel *
pdw_composer_get_quick_reply_matches (PdwComposer *self)
{
  g_return_val_if_fail (PDW_IS_COMPOSER (self), NULL);

  return G_LIST_MODEL (self->quick_selection);
}

void
pdw_composer_move_quick_reply (PdwComposer *self,
                               int          delta)
{
  g_return_if_fail (PDW_IS_COMPOSER (self));

  quick_move (self, delta);
}

void
pdw_composer_choose_quick_reply (PdwComposer *self)
{
  g_return_if_fail (PDW_IS_COMPOSER (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->quick_popover)))
    quick_choose (self, gtk_single_selection_get_selected (self->quick_selection));
}

GtkWidget *
pdw_composer_get_step_bar (PdwComposer *self)
{
  g_return_val_if_fail (PDW_IS_COMPOSER (self), NULL);

  return self->step_bar;
}

static void
cancel_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  pdw_composer_set_step (PDW_COMPOSER (widget), NULL, NULL);
}

/* Follows the allocation: the list stays over the reply box. */
static void
pdw_composer_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  PdwComposer *self = PDW_COMPOSER (widget);

  GTK_WIDGET_CLASS (pdw_composer_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->quick_popover != NULL)
    gtk_popover_present (self->quick_popover);
}

static void
pdw_composer_dispose (GObject *object)
{
  PdwComposer *self = PDW_COMPOSER (object);
  GtkWidget *child;

  g_clear_pointer ((GtkWidget **) &self->quick_popover, gtk_widget_unparent);
  g_clear_object (&self->quick_selection);
  g_clear_object (&self->quick_filtered);
  g_clear_object (&self->quick_filter);
  g_clear_pointer (&self->quick_query, g_free);
  g_clear_pointer (&self->step, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (object), PDW_TYPE_COMPOSER);
  /* GTK 4.8 only unparents the children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pdw_composer_parent_class)->dispose (object);
}

static void
pdw_composer_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PdwComposer *self = PDW_COMPOSER (object);

  switch (prop_id)
    {
    case PROP_EMPTY:
      g_value_set_boolean (value, self->empty);
      break;

    case PROP_PLACEHOLDER:
      g_value_set_string (value, gtk_label_get_text (self->placeholder_label));
      break;

    case PROP_STEP:
      g_value_set_string (value, self->step);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_composer_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PdwComposer *self = PDW_COMPOSER (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER:
      pdw_composer_set_placeholder (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_composer_class_init (PdwComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_composer_dispose;
  object_class->get_property = pdw_composer_get_property;
  object_class->set_property = pdw_composer_set_property;

  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[TEMPLATE_CHOSEN] =
    g_signal_new ("template-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  widget_class->size_allocate = pdw_composer_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-composer.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwComposer, text_view);
  gtk_widget_class_bind_template_child (widget_class, PdwComposer, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, PdwComposer, send_button);
  gtk_widget_class_bind_template_child (widget_class, PdwComposer, step_bar);
  gtk_widget_class_bind_template_child (widget_class, PdwComposer, step_label);

  gtk_widget_class_install_action (widget_class, "composer.cancel-step", NULL, cancel_step_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "composer");
}

static void
pdw_composer_init (PdwComposer *self)
{
  GtkEventController *keys;

  self->empty = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  setup_quick_replies (self);

  /* Capture phase: Enter must send before the text view inserts a newline.
   * Connected here rather than in the .ui so the template validates with
   * gtk4-builder-tool, which cannot see static callbacks. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
}
