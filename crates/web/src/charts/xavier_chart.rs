//! The Xavier cell's chart: per layer, the forward variance Var[zˡ] and the backward signal's
//! mean square (relative to the output's), measured (solid) and predicted (dashed), on the
//! shared log₁₀ chart ([`draw_log_chart`]), so 0, ∞ and NaN become edge markers.

use super::log_chart::{LineKind, LogChart, LogLine, Marker};
use super::palette;
use serde::Deserialize;

/// One layer's numbers, as the page's `xavierCompare` returns them.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct XavierLayerView {
    /// Measured Var[zˡ].
    pub forward_var: f64,
    /// Measured mean square of ∂ℓ/∂hˡ⁻¹, relative to the output's 1/B².
    pub backward_var: f64,
    /// Predicted Var[zˡ].
    pub forward_var_pred: f64,
    /// Predicted relative mean square of ∂ℓ/∂hˡ⁻¹.
    pub backward_var_pred: f64,
}

/// Every text of the chart, in the page's language.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct XavierChartLabels {
    /// The caption.
    pub title: String,
    /// The x axis (layers).
    pub x_axis: String,
    /// The y axis.
    pub y_axis: String,
    /// The forward series.
    pub forward: String,
    /// The backward series.
    pub backward: String,
    /// Appended to a series' name for its prediction.
    pub predicted_suffix: String,
    /// Beside the markers of values that are exactly 0.
    pub underflow: String,
    /// Beside the markers of values that are ∞ or NaN.
    pub overflow: String,
}

impl Default for XavierChartLabels {
    fn default() -> Self {
        XavierChartLabels {
            title: "Variance per layer".into(),
            x_axis: "layer l".into(),
            y_axis: "variance".into(),
            forward: "forward Var[zˡ]".into(),
            backward: "backward Var[∂ℓ/∂hˡ⁻¹]".into(),
            predicted_suffix: " (theory)".into(),
            underflow: "0".into(),
            overflow: "∞".into(),
        }
    }
}

/// The chart of `layers` (layer 1 first): measured and predicted variances on a log₁₀ axis. Draw it with [`draw_log_chart`](super::draw_log_chart).
pub fn xavier_chart(layers: &[XavierLayerView], labels: &XavierChartLabels) -> LogChart {
    // Measured lines are solid with a marker (forward ●, backward ■), predictions dashed.
    let line = |label: String, color, values: Vec<f64>, kind| LogLine {
        label,
        color,
        values,
        kind,
        marker: match (kind, color == palette::GREEN) {
            (LineKind::Dashed, _) => Marker::None,
            (LineKind::Solid, true) => Marker::Circle,
            (LineKind::Solid, false) => Marker::Square,
        },
    };
    let pick = |f: fn(&XavierLayerView) -> f64| layers.iter().map(f).collect::<Vec<f64>>();
    // Per direction: its name, colour, measured and predicted variance; each gives two lines.
    let directions = [
        (
            &labels.forward,
            palette::GREEN,
            pick(|l| l.forward_var),
            pick(|l| l.forward_var_pred),
        ),
        (
            &labels.backward,
            palette::VERMILLION,
            pick(|l| l.backward_var),
            pick(|l| l.backward_var_pred),
        ),
    ];
    LogChart::new(
        labels,
        1.0,
        directions
            .into_iter()
            .flat_map(|(name, color, measured, predicted)| {
                [
                    line(name.clone(), color, measured, LineKind::Solid),
                    line(
                        format!("{name}{}", labels.predicted_suffix),
                        color,
                        predicted,
                        LineKind::Dashed,
                    ),
                ]
            })
            .collect(),
    )
}
