//! The rescaling cell's chart (exercise 1): against the layer, ‖∂ℓ/∂Wˡ‖ of the original network,
//! of the rescaled one, and the symmetry's prediction (the original times 1/|α| at layer l and
//! |α| at layer l + 1), on the shared log₁₀ chart ([`draw_log_chart`]).

use super::log_chart::{draw_log_chart, LineKind, LogChart, LogLine, Marker, PlotOutcome};
use super::{palette, ChartError, ChartStyle};
use gradscope_core::rescaling::RescaledLayer;
use plotters::coord::Shift;
use plotters::prelude::*;
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

/// Draws `view` on `area`: three lines over layers 1 ..= L. Never fails on 0, ∞ or NaN; fails
/// only if the backend does.
pub fn draw_rescaling_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &RescalingView,
    labels: &RescalingChartLabels,
    style: &ChartStyle,
) -> Result<PlotOutcome, ChartError> {
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
    let chart = LogChart {
        title: labels.title.clone(),
        x_label: labels.x_axis.clone(),
        y_label: labels.y_axis.clone(),
        x_start: 1.0,
        lines,
        underflow_label: labels.underflow.clone(),
        overflow_label: labels.overflow.clone(),
    };
    draw_log_chart(area, &chart, style)
}
