//! Native tests of the sigmoid and product charts: drawn to SVG in memory, they survive 0, ∞ and
//! NaN, and report what they drew.

use gradscope_core::{random_product, sigmoid_curve, NumStatus, Precision, ProductSettings};
use gradscope_core::{ProductStep, SigmoidCurve};
use gradscope_web::charts::product_chart::{draw_product_chart, ProductChartLabels};
use gradscope_web::charts::sigmoid_chart::{draw_sigmoid_chart, SigmoidChartLabels};
use gradscope_web::charts::ChartStyle;
use plotters::prelude::*;

const W: u32 = 640;
const H: u32 = 400;

fn sigmoid_svg(
    curve: &SigmoidCurve,
    hover: Option<f64>,
) -> (
    String,
    gradscope_web::charts::sigmoid_chart::SigmoidChartOutcome,
) {
    let mut svg = String::new();
    let outcome = {
        let area = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
        draw_sigmoid_chart(
            &area,
            curve,
            &SigmoidChartLabels::default(),
            hover,
            &ChartStyle::default(),
        )
        .unwrap()
    };
    (svg, outcome)
}

#[test]
fn sigmoid_chart_reports_its_plot_area_and_marks_the_maximum() {
    let curve = sigmoid_curve(-8.0, 8.0, 321).unwrap();
    let (svg, o) = sigmoid_svg(&curve, Some(0.0));
    assert_eq!((o.x_min, o.x_max), (-8.0, 8.0));
    assert!(
        o.left > 0 && o.right <= W as i32 && o.left < o.right,
        "{o:?}"
    );
    assert!(
        o.top >= 0 && o.bottom <= H as i32 && o.top < o.bottom,
        "{o:?}"
    );
    assert_eq!(o.hover, Some(0.0));
    assert_eq!(o.skipped, 0);
    assert!(svg.contains("max σ′(0) = 1/4"));
    assert!(svg.contains("sigmoid σ(x)") && svg.contains("derivative σ′(x)"));
    // The hover draws two more circles (σ and σ′) than no hover.
    let (plain, none) = sigmoid_svg(&curve, None);
    assert_eq!(none.hover, None);
    assert_eq!(
        svg.matches("<circle").count(),
        plain.matches("<circle").count() + 2
    );
}

#[test]
fn sigmoid_chart_survives_nan_and_infinity() {
    let mut curve = sigmoid_curve(-8.0, 8.0, 11).unwrap();
    curve.value[3] = f64::NAN;
    curve.derivative[4] = f64::INFINITY;
    curve.value[5] = 0.0;
    let (_, o) = sigmoid_svg(&curve, Some(f64::NAN));
    assert_eq!(o.hover, None);
    assert_eq!(o.skipped, 2);
    // Out-of-range hovers are clamped to the x range; ∞ is no hover.
    assert_eq!(sigmoid_svg(&curve, Some(100.0)).1.hover, Some(8.0));
    assert_eq!(sigmoid_svg(&curve, Some(f64::INFINITY)).1.hover, None);
    // A curve with no finite x falls back to the book's range.
    let broken = SigmoidCurve {
        x: vec![f64::NAN, f64::INFINITY],
        value: vec![0.0, 1.0],
        derivative: vec![f64::NAN, 0.0],
    };
    let (_, o) = sigmoid_svg(&broken, Some(1.0));
    assert_eq!((o.x_min, o.x_max), (-8.0, 8.0));
    assert_eq!(o.skipped, 4);
    let empty = SigmoidCurve {
        x: vec![],
        value: vec![],
        derivative: vec![],
    };
    assert_eq!(sigmoid_svg(&empty, None).1.skipped, 0);
}

fn product_svg(steps: &[ProductStep]) -> (String, gradscope_web::charts::PlotOutcome) {
    let mut svg = String::new();
    let outcome = {
        let area = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
        draw_product_chart(
            &area,
            steps,
            &ProductChartLabels::default(),
            &ChartStyle::default(),
        )
        .unwrap()
    };
    (svg, outcome)
}

#[test]
fn product_chart_marks_the_f32_overflow() {
    let report = random_product(&ProductSettings {
        steps: 60,
        sigma: 10.0,
        precision: Precision::F32,
        ..ProductSettings::default()
    })
    .unwrap();
    let k = report
        .first_overflow
        .expect("σ = 10 overflows f32 within 60 steps");
    let (svg, o) = product_svg(&report.steps);
    // Every step from the overflow on is ∞ or NaN in both series: two markers per step.
    assert_eq!(o.overflow_markers, 2 * (report.steps.len() - k));
    assert_eq!(o.zero_markers, 0);
    assert!(svg.contains("overflow (∞ or NaN)"));
}

#[test]
fn product_chart_survives_zero_infinity_and_nan() {
    let step = |step, v: f64| ProductStep {
        step,
        frobenius: v,
        max_abs: v,
        status: NumStatus::Ok,
    };
    let steps = [
        step(0, 1.0),
        step(1, 0.0),
        step(2, f64::INFINITY),
        step(3, f64::NAN),
        step(4, 1e300),
    ];
    let (_, o) = product_svg(&steps);
    assert_eq!((o.zero_markers, o.overflow_markers), (2, 4));
    assert_eq!(o.range.hi, 300.0);
    let (_, o) = product_svg(&[]);
    assert_eq!((o.zero_markers, o.overflow_markers), (0, 0));
}
