//! The rescaling cell's chart (exercise 1): against the layer, ‖∂ℓ/∂Wˡ‖ of the original network,
//! of the rescaled one, and the symmetry's prediction (the original times 1/|α| at layer l and
//! |α| at layer l + 1), on the shared log₁₀ chart ([`draw_log_chart`]).

use super::log_chart::{LineKind, LogChart, LogLine, Marker};
use super::palette;
use gradscope_core::rescaling::RescaledLayer;
use serde::Deserialize;

/// The numbers the chart draws: the `layers` of a `rescalingCompute` result.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct RescalingView {
    /// Layers 1 ..= L.
    pub layers: Vec<RescaledLayer>,
}

/// Every text of the chart, in the page's language.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RescalingChartLabels {
    /// The caption.
    pub title: String,
    /// The x axis (the layer).
    pub x_axis: String,
    /// The y axis.
    pub y_axis: String,
    /// Legend of the original network's gradient norms.
    pub original: String,
    /// Legend of the rescaled network's gradient norms.
    pub rescaled: String,
    /// Legend of the prediction.
    pub predicted: String,
    /// Beside the markers of values that are exactly 0.
    pub underflow: String,
    /// Beside the markers of values that are ∞ or NaN.
    pub overflow: String,
}

impl Default for RescalingChartLabels {
    fn default() -> Self {
        RescalingChartLabels {
            title: "Gradient norm per layer, before and after rescaling".into(),
            x_axis: "layer l".into(),
            y_axis: "‖∂ℓ/∂Wˡ‖".into(),
            original: "original".into(),
            rescaled: "rescaled".into(),
            predicted: "predicted: ×1/α, ×α".into(),
            underflow: "0".into(),
            overflow: "∞".into(),
        }
    }
}

/// The chart of `view`: three lines over layers 1 ..= L (the original and rescaled gradient norms,
/// and the prediction ×1/α, ×α). Draw it with [`draw_log_chart`](super::draw_log_chart), which
/// never fails on 0, ∞ or NaN.
pub fn rescaling_chart(view: &RescalingView, labels: &RescalingChartLabels) -> LogChart {
    let series = |f: fn(&RescaledLayer) -> f64| view.layers.iter().map(f).collect::<Vec<f64>>();
    let lines = vec![
        LogLine {
            label: labels.original.clone(),
            color: palette::BLUE,
            values: series(|l| l.grad_norm),
            kind: LineKind::Solid,
            marker: Marker::Circle,
        },
        LogLine {
            label: labels.rescaled.clone(),
            color: palette::VERMILLION,
            values: series(|l| l.grad_norm_scaled),
            kind: LineKind::Solid,
            marker: Marker::Square,
        },
        LogLine {
            label: labels.predicted.clone(),
            color: palette::INK,
            values: series(|l| l.grad_norm * l.predicted),
            kind: LineKind::Dashed,
            marker: Marker::Diamond,
        },
    ];
    LogChart::new(labels, 1.0, lines)
}
