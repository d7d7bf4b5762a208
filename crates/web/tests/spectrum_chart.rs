//! The spectrum chart (exercise 3), drawn to SVG: it draws its six series with their legends,
//! the bounds as horizontal lines across every index, and survives 0, ∞, NaN and empty input.

use gradscope_core::spectrum::{spectrum, SpectrumSettings};
use gradscope_web::charts::spectrum_chart::{
    draw_spectrum_chart, SpectrumChartLabels, SpectrumOutcome, SpectrumView,
};
use gradscope_web::charts::ChartStyle;

mod common;
use common::{draw_labelled, draw_svg, draw_with_defaults};

const SIZE: (u32, u32) = (640, 420);

/// The chart of `view` with the default labels and style.
fn spectrum_svg(view: &SpectrumView) -> (String, SpectrumOutcome) {
    draw_with_defaults(SIZE, |a, l, s| draw_spectrum_chart(a, view, l, s))
}

fn view_of(size: usize, sigma: f64, seed: u64) -> SpectrumView {
    let r = spectrum(&SpectrumSettings { size, sigma, seed }).unwrap();
    SpectrumView {
        sv_a: r.sv_a,
        sv_b: r.sv_b,
        sv_ab: r.sv_ab,
        eig_abs_ab: r.eig_abs_ab,
        upper: r.upper,
        lower: r.lower,
    }
}

#[test]
fn spectrum_chart_draws_every_series_with_its_legend() {
    let view = view_of(4, 1.0, 1);
    let labels = SpectrumChartLabels {
        sv_ab: "giá trị suy biến của AB".into(),
        upper: "cận trên".into(),
        lower: "cận dưới".into(),
        ..Default::default()
    };
    let (text, outcome) =
        draw_labelled(SIZE, &labels, |a, l, s| draw_spectrum_chart(a, &view, l, s));
    assert_eq!(outcome.lines, 6);
    assert_eq!(outcome.n, 4);
    assert_eq!(outcome.plot.zero_markers, 0);
    assert_eq!(outcome.plot.overflow_markers, 0);
    for legend in [
        "giá trị suy biến của AB",
        "cận trên",
        "cận dưới",
        "σᵢ(A)",
        "|λᵢ(AB)|",
    ] {
        assert!(text.contains(legend), "legend {legend}");
    }
    // The y range covers the bounds: the lower bound's decade is at or above the range's floor.
    assert!(outcome.plot.range.lo <= view.lower.log10().floor());
    assert!(outcome.plot.range.hi >= view.upper.log10().ceil() - 1.0);
}

#[test]
fn spectrum_chart_survives_zero_infinity_nan_and_emptiness() {
    let view = SpectrumView {
        sv_a: vec![f64::INFINITY, 1.0, 0.0],
        sv_b: vec![f64::NAN, 1e-300, 0.0],
        sv_ab: vec![1e300, 1.0, 1e-320],
        eig_abs_ab: vec![0.0, 0.0, 0.0],
        upper: f64::INFINITY,
        lower: 0.0,
    };
    let (_, outcome) = spectrum_svg(&view);
    // ∞ and NaN at the top: sv_a[0], sv_b[0] and the upper bound at each of the 3 indices.
    assert_eq!(outcome.plot.overflow_markers, 2 + 3);
    // Exact zeros at the bottom: sv_a[2], sv_b[2], 3 eigenvalues, the lower bound 3 times.
    assert_eq!(outcome.plot.zero_markers, 2 + 3 + 3);
    // Nothing at all, and everything non-finite.
    let (_, o) = spectrum_svg(&SpectrumView::default());
    assert_eq!(o.n, 1);
    draw_svg(SIZE, |a| {
        let nan = SpectrumView {
            sv_a: vec![f64::NAN; 2],
            sv_b: vec![f64::NAN; 2],
            sv_ab: vec![f64::NAN; 2],
            eig_abs_ab: vec![f64::NAN; 2],
            upper: f64::NAN,
            lower: f64::NAN,
        };
        let o = draw_spectrum_chart(
            a,
            &nan,
            &SpectrumChartLabels::default(),
            &ChartStyle {
                scale: 2.0,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(o.plot.overflow_markers, 12);
    });
}

#[test]
fn spectrum_chart_handles_the_largest_and_smallest_settings() {
    for (n, sigma) in [(64, 10.0), (64, 0.01), (1, 1.0)] {
        let view = view_of(n, sigma, 3);
        let (_, o) = spectrum_svg(&view);
        assert_eq!(o.n, n);
        assert_eq!((o.plot.zero_markers, o.plot.overflow_markers), (0, 0));
    }
}
