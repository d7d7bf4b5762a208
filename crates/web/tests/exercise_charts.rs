//! The exercise charts, drawn to SVG: the rescaling chart (exercise 1) and the softmax chart
//! (exercise 2) draw their series with their legends from real engine results, and survive 0,
//! ∞, NaN and empty input.

use gradscope_core::rescaling::{rescale, RescaledLayer, RescalingSettings};
use gradscope_core::softmax_regression::{softmax_regression, SoftmaxSettings, SoftmaxStep};
use gradscope_web::charts::draw_log_chart;
use gradscope_web::charts::rescaling_chart::{
    rescaling_chart, RescalingChartLabels, RescalingView,
};
use gradscope_web::charts::softmax_chart::{softmax_chart, SoftmaxChartLabels, SoftmaxView};

mod common;
use common::{draw_labelled, draw_with_defaults};

const SIZE: (u32, u32) = (640, 420);

#[test]
fn rescaling_chart_draws_the_three_lines_of_a_real_result() {
    let r = rescale(&RescalingSettings::default()).unwrap();
    let view = RescalingView { layers: r.layers };
    let labels = RescalingChartLabels {
        original: "mạng ban đầu".into(),
        rescaled: "mạng đã co giãn".into(),
        ..Default::default()
    };
    let (svg, o) = draw_labelled(SIZE, &labels, |a, l, s| {
        draw_log_chart(a, &rescaling_chart(&view, l), s)
    });
    for text in [
        "mạng ban đầu",
        "mạng đã co giãn",
        "predicted: ×1/α, ×α",
        "layer l",
    ] {
        assert!(svg.contains(text), "{text}");
    }
    assert_eq!((o.zero_markers, o.overflow_markers), (0, 0));
    // The y range holds the smallest and the largest of the three lines.
    let all = view
        .layers
        .iter()
        .flat_map(|l| [l.grad_norm, l.grad_norm_scaled]);
    let (lo, hi) = all.fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    assert!(o.range.lo <= lo.log10() && o.range.hi >= hi.log10());
}

#[test]
fn rescaling_chart_survives_dead_layers_and_non_finite_numbers() {
    let layer = |g: f64, gs: f64, p: f64| RescaledLayer {
        layer: 1,
        weight_norm: 1.0,
        weight_norm_scaled: 1.0,
        grad_norm: g,
        grad_norm_scaled: gs,
        ratio: gs / g,
        predicted: p,
    };
    let view = RescalingView {
        layers: vec![
            layer(0.0, 0.0, 0.1),
            layer(f64::NAN, 1.0, 10.0),
            layer(1.0, f64::INFINITY, 1.0),
        ],
    };
    let (_, o) = draw_with_defaults(SIZE, |a, l, s| {
        draw_log_chart(a, &rescaling_chart(&view, l), s)
    });
    // Zeros: original, rescaled and predicted of layer 1. ∞/NaN: layer 2's original and
    // prediction, layer 3's rescaled.
    assert_eq!((o.zero_markers, o.overflow_markers), (3, 3));
    let (_, empty) = draw_with_defaults(SIZE, |a, l, s| {
        draw_log_chart(a, &rescaling_chart(&RescalingView::default(), l), s)
    });
    assert_eq!((empty.zero_markers, empty.overflow_markers), (0, 0));
}

#[test]
fn softmax_chart_draws_loss_chance_and_spread_with_one_zero_marker() {
    let r = softmax_regression(&SoftmaxSettings::default()).unwrap();
    let view = SoftmaxView {
        history: r.history,
        chance_loss: r.chance_loss,
    };
    let labels = SoftmaxChartLabels {
        loss: "hàm mất mát".into(),
        ..Default::default()
    };
    let (svg, o) = draw_labelled(SIZE, &labels, |a, l, s| {
        draw_log_chart(a, &softmax_chart(&view, l), s)
    });
    for text in ["hàm mất mát", "ln K (equal logits)", "exactly 0"] {
        assert!(svg.contains(text), "{text}");
    }
    // The columns are equal only at step 0: one bottom-edge marker, nothing overflows.
    assert_eq!((o.zero_markers, o.overflow_markers), (1, 0));
}

#[test]
fn softmax_chart_survives_non_finite_and_empty_histories() {
    let step = |loss: f64, spread: f64| SoftmaxStep {
        step: 0,
        loss,
        accuracy: 0.0,
        spread,
    };
    let view = SoftmaxView {
        history: vec![step(1.0, 0.0), step(f64::NAN, f64::INFINITY)],
        chance_loss: 3f64.ln(),
    };
    let (_, o) = draw_with_defaults(SIZE, |a, l, s| {
        draw_log_chart(a, &softmax_chart(&view, l), s)
    });
    assert_eq!((o.zero_markers, o.overflow_markers), (1, 2));
    let (_, empty) = draw_with_defaults(SIZE, |a, l, s| {
        draw_log_chart(a, &softmax_chart(&SoftmaxView::default(), l), s)
    });
    // An empty history still draws one point of the chance line, here ln K = 0 (the default
    // view): one bottom-edge marker.
    assert_eq!((empty.zero_markers, empty.overflow_markers), (1, 0));
}
