/* pdw-report-figures.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-report-figures.h"
#include "pdw-report-text.h"

/* The cards, in the order they show: the files, then the citizens and
 * the speed of the service. */
static const PdwReportFigure card_figures[] = {
  PDW_REPORT_FIGURE_RECEIVED,
  PDW_REPORT_FIGURE_RESOLVED,
  PDW_REPORT_FIGURE_REJECTED,
  PDW_REPORT_FIGURE_REFERRED_BIOMETRIC,
  PDW_REPORT_FIGURE_OPEN_AT_END,
  PDW_REPORT_FIGURE_CARRIED_OVER,
  PDW_REPORT_FIGURE_REOPENED,
  PDW_REPORT_FIGURE_FIRST_MESSAGES,
  PDW_REPORT_FIGURE_CITIZEN_MESSAGES,
  PDW_REPORT_FIGURE_FIRST_RESPONSE_MEDIAN,
  PDW_REPORT_FIGURE_RESOLUTION_MEDIAN,
  PDW_REPORT_FIGURE_PROMISE_KEPT_SHARE,
  PDW_REPORT_FIGURE_SURVEY_RESPONSE_RATE,
  PDW_REPORT_FIGURE_SATISFACTION_INDEX,
};

typedef struct
{
  GtkLabel *value;
  GtkLabel *detail;
  GtkLabel *change;
} Card;

struct _PdwReportFigures
{
  GtkBox      parent_instance;

  /* Template Widgets */
  GtkFlowBox *flow_box;

  Card        cards[PDW_REPORT_N_FIGURES];
};

G_DEFINE_FINAL_TYPE (PdwReportFigures, pdw_report_figures, GTK_TYPE_BOX)

static GtkLabel *
card_label (GtkWidget  *box,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static void
pdw_report_figures_add_card (PdwReportFigures *self,
                             PdwReportFigure   figure)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkLabel *caption;
  Card *card = &self->cards[figure];

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "report-figure");
  gtk_widget_set_name (box, pdw_report_figure_get_id (figure));

  caption = card_label (box, "caption-heading");
  gtk_label_set_label (caption, pdw_report_figure_get_label (figure));
  gtk_label_set_lines (caption, 2);
  gtk_label_set_ellipsize (caption, PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (GTK_WIDGET (caption), pdw_report_figure_get_label (figure));
  gtk_widget_add_css_class (GTK_WIDGET (caption), "dim-label");
  gtk_widget_set_vexpand (GTK_WIDGET (caption), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (caption), GTK_ALIGN_START);

  card->value = card_label (box, "title-3");
  /* "17 jam 58 menit" on one line: the cards are as wide as the widest. */
  gtk_label_set_wrap (card->value, FALSE);
  gtk_label_set_max_width_chars (card->value, -1);
  gtk_widget_add_css_class (GTK_WIDGET (card->value), "numeric");
  card->detail = card_label (box, "caption");
  card->change = card_label (box, "caption");
  gtk_widget_add_css_class (GTK_WIDGET (card->change), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (card->change), "change");

  gtk_flow_box_append (self->flow_box, box);
}

/* A line under the value: what a share or an index is made of. */
static char *
card_detail (PdwReport       *report,
             PdwReportFigure  figure)
{
  const PdwReportFigureValue *value = pdw_report_get_figure (report, figure);

  switch ((int) figure)
    {
    case PDW_REPORT_FIGURE_PROMISE_KEPT_SHARE:
      {
        g_autofree char *kept = pdw_report_text_figure (pdw_report_get_figure (report, PDW_REPORT_FIGURE_PROMISE_KEPT));
        g_autofree char *due = pdw_report_text_figure (pdw_report_get_figure (report, PDW_REPORT_FIGURE_PROMISE_FILES));

        /* TRANSLATORS: under the share of 2x24-hour promises kept: "412 of 450 files" */
        return g_strdup_printf (_("%s of %s files"), kept, due);
      }

    case PDW_REPORT_FIGURE_SURVEY_RESPONSE_RATE:
      {
        g_autofree char *answered = pdw_report_text_figure (pdw_report_get_figure (report, PDW_REPORT_FIGURE_SURVEY_ANSWERED));
        g_autofree char *asked = pdw_report_text_figure (pdw_report_get_figure (report, PDW_REPORT_FIGURE_SURVEY_ASKED));

        /* TRANSLATORS: under the survey response rate: "120 of 400 asked" */
        return g_strdup_printf (_("%s of %s asked"), answered, asked);
      }

    case PDW_REPORT_FIGURE_SATISFACTION_INDEX:
      {
        const PdwReportSatisfaction *satisfaction = pdw_report_get_satisfaction (report);
        const char *label = pdw_report_grade_get_label (satisfaction->grade);

        if (!value->has_value || label == NULL)
          return NULL;
        /* TRANSLATORS: the satisfaction index's quality grade: "Grade B · Good" */
        return g_strdup_printf (_("Grade %c · %s"), satisfaction->grade, label);
      }

    default:
      return NULL;
    }
}

static void
pdw_report_figures_show (PdwReportFigures *self,
                         PdwReport        *report,
                         PdwReportFigure   figure)
{
  const PdwReportFigureValue *value = pdw_report_get_figure (report, figure);
  Card *card = &self->cards[figure];
  g_autofree char *text = pdw_report_text_figure (value);
  g_autofree char *detail = card_detail (report, figure);
  g_autofree char *change = pdw_report_text_change (value);
  g_autofree char *previous = NULL;
  g_autofree char *change_line = NULL;

  if (value->has_previous)
    previous = pdw_report_text_value (pdw_report_figure_get_unit (figure), TRUE, value->previous);

  if (change != NULL)
    /* TRANSLATORS: a headline figure's change and the previous period's value: "↑ 12 (was 100)" */
    change_line = g_strdup_printf (_("%s (was %s)"), change, previous);
  else
    change_line = g_strdup (_("Nothing to compare with"));

  gtk_label_set_label (card->value, text);
  /* Empty for most cards, but there: the values line up across a row. */
  gtk_label_set_label (card->detail, detail);
  gtk_label_set_label (card->change, change_line);
}

GtkWidget *
pdw_report_figures_new (void)
{
  return g_object_new (PDW_TYPE_REPORT_FIGURES, NULL);
}

void
pdw_report_figures_set_report (PdwReportFigures *self,
                               PdwReport        *report)
{
  g_return_if_fail (PDW_IS_REPORT_FIGURES (self));
  g_return_if_fail (!report || PDW_IS_REPORT (report));

  for (guint i = 0; i < G_N_ELEMENTS (card_figures); i++)
    {
      Card *card = &self->cards[card_figures[i]];

      if (report != NULL)
        pdw_report_figures_show (self, report, card_figures[i]);
      else
        {
          gtk_label_set_label (card->value, "–");
          gtk_label_set_label (card->detail, NULL);
          gtk_label_set_label (card->change, NULL);
        }
    }
}

const char *
pdw_report_figures_get_value_text (PdwReportFigures *self,
                                   PdwReportFigure   figure)
{
  g_return_val_if_fail (PDW_IS_REPORT_FIGURES (self), NULL);
  g_return_val_if_fail (figure < PDW_REPORT_N_FIGURES, NULL);

  if (self->cards[figure].value == NULL)
    return NULL;

  return gtk_label_get_label (self->cards[figure].value);
}

static void
pdw_report_figures_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PDW_TYPE_REPORT_FIGURES);

  G_OBJECT_CLASS (pdw_report_figures_parent_class)->dispose (object);
}

static void
pdw_report_figures_class_init (PdwReportFiguresClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_report_figures_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/pdw-report-figures.ui");
  gtk_widget_class_bind_template_child (widget_class, PdwReportFigures, flow_box);
}

static void
pdw_report_figures_init (PdwReportFigures *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (card_figures); i++)
    pdw_report_figures_add_card (self, card_figures[i]);
}
