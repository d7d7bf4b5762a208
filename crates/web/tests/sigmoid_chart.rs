//! Native tests of the sigmoid chart: drawn to SVG in memory, it reports its plot area, marks
//! the derivative's maximum and survives NaN and ±∞.

use gradscope_core::{sigmoid_curve, SigmoidCurve};
use gradscope_web::charts::sigmoid_chart::draw_sigmoid_chart;

mod common;
use common::draw_with_defaults;

const W: u32 = 640;
const H: u32 = 400;

fn sigmoid_svg(
    curve: &SigmoidCurve,
    hover: Option<f64>,
) -> (
    String,
    gradscope_web::charts::sigmoid_chart::SigmoidChartOutcome,
) {
    draw_with_defaults((W, H), |a, l, s| draw_sigmoid_chart(a, curve, l, hover, s))
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
