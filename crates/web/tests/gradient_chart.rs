//! The main chart drawn natively to SVG: it must survive 0, ∞ and NaN, say what happened, and
//! put its legend below the plot on a narrow canvas.

use gradscope_core::{GradSettings, GradientProbe, LayerStats, NumStatus};
use gradscope_web::charts::{
    draw_gradient_chart, ChartStyle, GradientChartLabels, GradientChartOptions, PlotOutcome,
};

mod common;
use common::draw_svg;

fn draw(layers: &[LayerStats], size: (u32, u32)) -> (String, PlotOutcome) {
    draw_svg(size, |area| {
        draw_gradient_chart(
            area,
            layers,
            &GradientChartLabels::default(),
            &GradientChartOptions::default(),
            &ChartStyle::default(),
        )
        .expect("the chart draws")
    })
}

fn layer(l: usize, g: f64, b: f64, s: f64) -> LayerStats {
    LayerStats {
        layer: l,
        grad_norm: g,
        backward_norm: b,
        preact_std: s,
        grad_status: NumStatus::Ok,
        backward_status: NumStatus::Ok,
        forward_status: NumStatus::Ok,
    }
}

#[test]
fn a_real_report_draws_every_series_and_no_marker() {
    let report = GradientProbe::new().run(&GradSettings::default()).unwrap();
    let (svg, outcome) = draw(&report.layers, (900, 500));
    assert_eq!((outcome.zero_markers, outcome.overflow_markers), (0, 0));
    let labels = GradientChartLabels::default();
    for text in [
        &labels.title,
        &labels.grad,
        &labels.backward,
        &labels.forward,
    ] {
        assert!(svg.contains(text.as_str()), "missing {text}");
    }
    assert!(
        !svg.contains(&labels.overflow),
        "no overflow, no overflow legend"
    );
    // The range covers the data: the smallest value of the three series sets the bottom decade.
    let smallest = report
        .layers
        .iter()
        .flat_map(|l| [l.grad_norm, l.backward_norm, l.preact_std])
        .fold(f64::INFINITY, f64::min);
    assert_eq!(outcome.range.lo, smallest.log10().floor());
}

#[test]
fn zero_infinity_and_nan_become_labelled_edge_markers() {
    let layers = vec![
        layer(1, 0.0, 0.0, 1.0),
        layer(2, 1e-3, f64::INFINITY, 2.0),
        layer(3, f64::NAN, f64::NAN, f64::INFINITY),
        layer(4, 5.0, 1e300, 1e-300),
    ];
    let (svg, outcome) = draw(&layers, (900, 500));
    assert_eq!(outcome.zero_markers, 2);
    assert_eq!(outcome.overflow_markers, 4);
    let labels = GradientChartLabels::default();
    assert!(svg.contains(&labels.underflow) && svg.contains(&labels.overflow));
    assert!(outcome.range.lo <= -300.0 && outcome.range.hi >= 300.0);
}

#[test]
fn nothing_finite_and_no_layer_at_all_still_draw() {
    let (_, outcome) = draw(&[layer(1, f64::NAN, 0.0, f64::INFINITY)], (600, 400));
    assert_eq!((outcome.zero_markers, outcome.overflow_markers), (1, 2));
    let (svg, outcome) = draw(&[], (600, 400));
    assert_eq!((outcome.zero_markers, outcome.overflow_markers), (0, 0));
    assert!(svg.starts_with("<svg"));
}

/// The y position of the first `<text>` element whose content is `label`.
fn text_y(svg: &str, label: &str) -> f64 {
    let end = svg.find(label).expect("label drawn");
    let start = svg[..end].rfind("<text").expect("a text element");
    let attrs = &svg[start..end];
    let y = attrs.find(" y=\"").expect("a y attribute") + 4;
    attrs[y..].split('"').next().unwrap().parse().unwrap()
}

#[test]
fn on_a_narrow_canvas_the_legend_goes_below_the_plot() {
    let report = GradientProbe::new().run(&GradSettings::default()).unwrap();
    let labels = GradientChartLabels::default();
    let (narrow, _) = draw(&report.layers, (360, 420));
    let (wide, _) = draw(&report.layers, (900, 420));
    // Below the x axis' title in the narrow chart, inside the plot in the wide one.
    assert!(text_y(&narrow, &labels.grad) > text_y(&narrow, &labels.x_axis));
    assert!(text_y(&wide, &labels.grad) < text_y(&wide, &labels.x_axis));
}
