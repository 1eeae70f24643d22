/* pdw-report-chart-view.c
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "pdw-report-chart-view.h"

struct _PdwReportChartView
{
  GtkDrawingArea  parent_instance;

  PdwReport      *report;
  PdwReportChart  chart;
};

G_DEFINE_FINAL_TYPE (PdwReportChartView, pdw_report_chart_view, GTK_TYPE_DRAWING_AREA)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Narrower than this a chart's labels no longer fit. */
#define MIN_WIDTH 280
/* A chart across a wide window would not fit the screen at its aspect:
 * it gets wider, not taller, past this. */
#define MAX_HEIGHT 360
/* Between the chart and the edge of its card. */
#define PADDING 12

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  PdwReportChartView *self = PDW_REPORT_CHART_VIEW (area);
  PdwChartStyle style;

  if (self->report == NULL)
    return;

  pdw_chart_style_init_screen (&style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  cairo_translate (cr, PADDING, PADDING);
  pdw_report_chart_draw (self->report, self->chart, cr, width - 2 * PADDING, height - 2 * PADDING, &style);
}

static GtkSizeRequestMode
pdw_report_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pdw_report_chart_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  PdwReportChartView *self = PDW_REPORT_CHART_VIEW (widget);
  double aspect = pdw_report_chart_get_aspect (self->chart);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = MAX (MIN_WIDTH, 480);
    }
  else
    {
      int width = (for_size > 0 ? for_size : 480) - 2 * PADDING;

      *minimum = *natural = MIN ((int) (width * aspect + 0.5), MAX_HEIGHT) + 2 * PADDING;
    }
}

GtkWidget *
pdw_report_chart_view_new (PdwReportChart chart)
{
  return g_object_new (PDW_TYPE_REPORT_CHART_VIEW, "chart", chart, NULL);
}

PdwReportChart
pdw_report_chart_view_get_chart (PdwReportChartView *self)
{
  g_return_val_if_fail (PDW_IS_REPORT_CHART_VIEW (self), 0);

  return self->chart;
}

PdwReport *
pdw_report_chart_view_get_report (PdwReportChartView *self)
{
  g_return_val_if_fail (PDW_IS_REPORT_CHART_VIEW (self), NULL);

  return self->report;
}

void
pdw_report_chart_view_set_report (PdwReportChartView *self,
                                  PdwReport          *report)
{
  g_return_if_fail (PDW_IS_REPORT_CHART_VIEW (self));
  g_return_if_fail (!report || PDW_IS_REPORT (report));

  if (g_set_object (&self->report, report))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
    }
}

static void
pdw_report_chart_view_dispose (GObject *object)
{
  PdwReportChartView *self = (PdwReportChartView *)object;

  g_clear_object (&self->report);

  G_OBJECT_CLASS (pdw_report_chart_view_parent_class)->dispose (object);
}

static void
pdw_report_chart_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PdwReportChartView *self = PDW_REPORT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    case PROP_CHART:
      g_value_set_int (value, self->chart);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_report_chart_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PdwReportChartView *self = PDW_REPORT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      pdw_report_chart_view_set_report (self, g_value_get_object (value));
      break;

    case PROP_CHART:
      self->chart = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pdw_report_chart_view_class_init (PdwReportChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pdw_report_chart_view_dispose;
  object_class->get_property = pdw_report_chart_view_get_property;
  object_class->set_property = pdw_report_chart_view_set_property;

  widget_class->get_request_mode = pdw_report_chart_view_get_request_mode;
  widget_class->measure = pdw_report_chart_view_measure;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, PDW_TYPE_REPORT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHART] =
    g_param_spec_int ("chart", NULL, NULL, 0, PDW_REPORT_N_CHARTS - 1, 0,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "reportchart");
}

static void
pdw_report_chart_view_init (PdwReportChartView *self)
{
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);

  /* The colours follow the light or dark style. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}
