//! The symmetry chart, drawn to SVG: it draws every unit's weight for every input, survives 0,
//! ∞, NaN and emptiness, and says what it drew.

use gradscope_web::charts::symmetry_chart::{
    draw_symmetry_chart, SymmetryChartLabels, SymmetryHistory, SymmetryOutcome,
};

mod common;
use common::{draw_labelled, draw_with_defaults};

const SIZE: (u32, u32) = (640, 420);

/// The chart of `history` with the default labels and style.
fn symmetry_svg(history: &SymmetryHistory) -> (String, SymmetryOutcome) {
    draw_with_defaults(SIZE, |a, l, s| draw_symmetry_chart(a, history, l, s))
}

#[test]
fn symmetry_chart_draws_every_unit_and_input() {
    let history = SymmetryHistory {
        steps: vec![0.0, 1.0, 2.0, 3.0],
        weights: (0..4)
            .map(|k| {
                (0..3)
                    .map(|i| vec![0.5 + 0.01 * (k * i) as f64, -0.2 * i as f64])
                    .collect()
            })
            .collect(),
        loss: vec![f64::NAN, 0.5, 0.25, 0.125],
    };
    let labels = SymmetryChartLabels {
        unit: "đơn vị {i}".into(),
        ..Default::default()
    };
    let (text, outcome) = draw_labelled(SIZE, &labels, |a, l, s| {
        draw_symmetry_chart(a, &history, l, s)
    });
    assert_eq!(outcome.lines, 6);
    assert_eq!(outcome.non_finite, 0);
    for i in 1..=3 {
        assert!(text.contains(&format!("đơn vị {i}")), "legend for unit {i}");
    }
}

#[test]
fn symmetry_chart_survives_zero_infinity_nan_and_emptiness() {
    let history = SymmetryHistory {
        steps: vec![0.0, 1.0, 2.0, 3.0],
        weights: vec![
            vec![vec![0.0, 0.0], vec![0.0, 0.0]],
            vec![vec![1e300, f64::INFINITY], vec![f64::NAN, 0.0]],
            vec![vec![f64::NAN, f64::NAN], vec![f64::NEG_INFINITY, 0.0]],
            vec![vec![0.0, 1.0], vec![0.0, 1.0]],
        ],
        loss: vec![f64::NAN, 0.0, f64::INFINITY, 1e-300],
    };
    assert_eq!(symmetry_svg(&history).1.non_finite, 5);
    // Nothing at all, and a single snapshot.
    symmetry_svg(&SymmetryHistory::default());
    let one = SymmetryHistory {
        steps: vec![0.0],
        weights: vec![vec![vec![0.5, 0.5], vec![0.5, 0.5]]],
        loss: vec![f64::NAN],
    };
    symmetry_svg(&one);
}
