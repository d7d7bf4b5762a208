//! Native tests of the exploding product's chart: drawn to SVG in memory, it marks the f32
//! overflow and survives 0, ∞ and NaN.

use gradscope_core::{random_product, NumStatus, Precision, ProductSettings, ProductStep};
use gradscope_web::charts::draw_log_chart;
use gradscope_web::charts::product_chart::product_chart;

mod common;
use common::draw_with_defaults;

const W: u32 = 640;
const H: u32 = 400;

fn product_svg(steps: &[ProductStep]) -> (String, gradscope_web::charts::PlotOutcome) {
    draw_with_defaults((W, H), |a, l, s| {
        draw_log_chart(a, &product_chart(steps, l), s)
    })
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

#[test]
fn a_long_overflow_draws_one_marker_per_pixel_column() {
    // 10,000 steps of which all but the first overflow, over a plot narrower than W pixels:
    // every value is counted, but no two markers of a series share a pixel column.
    let steps: Vec<ProductStep> = (0..10_000)
        .map(|i| ProductStep {
            step: i,
            frobenius: if i == 0 { 1.0 } else { f64::INFINITY },
            max_abs: if i == 0 { 1.0 } else { f64::NAN },
            status: NumStatus::Ok,
        })
        .collect();
    let (svg, o) = product_svg(&steps);
    assert_eq!(o.overflow_markers, 2 * 9_999);
    let polygons = svg.matches("<polygon").count();
    assert!(
        polygons > 2 * 100 && polygons <= 2 * W as usize + 20,
        "{polygons} polygons for {} markers",
        o.overflow_markers
    );
    // The same markers, drawn for only 100 overflowed steps, are one per step: the limit above
    // is the pixel columns', not a cap on the count.
    let (svg, o) = product_svg(&steps[..101]);
    assert_eq!(o.overflow_markers, 200);
    assert!(svg.matches("<polygon").count() >= 200);
}
