//! The softmax cell's chart (exercise 2): over the gradient-descent steps, the loss from
//! constant weights, the chance level ln K it starts at, and how far apart the classes' weight
//! columns are (exactly 0 at the start, so a bottom-edge marker), on the shared log₁₀ chart
//! ([`draw_log_chart`]).

use super::log_chart::{LineKind, LogChart, LogLine, Marker};
use super::palette;
use gradscope_core::softmax_regression::SoftmaxStep;
use serde::Deserialize;

/// The numbers the chart draws, as `softmaxCompute` returns them.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct SoftmaxView {
    /// Steps 0 ..= T.
    pub history: Vec<SoftmaxStep>,
    /// ln K.
    pub chance_loss: f64,
}

/// Every text of the chart, in the page's language.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct SoftmaxChartLabels {
    /// The caption.
    pub title: String,
    /// The x axis (steps).
    pub x_axis: String,
    /// The y axis.
    pub y_axis: String,
    /// Legend of the loss.
    pub loss: String,
    /// Legend of the chance level ln K.
    pub chance: String,
    /// Legend of the spread between class columns.
    pub spread: String,
    /// Beside the markers of values that are exactly 0.
    pub underflow: String,
    /// Beside the markers of values that are ∞ or NaN.
    pub overflow: String,
}

impl Default for SoftmaxChartLabels {
    fn default() -> Self {
        SoftmaxChartLabels {
            title: "Softmax regression from constant weights".into(),
            x_axis: "step".into(),
            y_axis: "value (log scale)".into(),
            loss: "loss ℓ".into(),
            chance: "ln K (equal logits)".into(),
            spread: "max |W_jk − W_jk′| between classes".into(),
            underflow: "exactly 0".into(),
            overflow: "∞".into(),
        }
    }
}

/// The chart of `view`: the loss, the chance level ln K and the class columns' spread over the
/// steps. Draw it with [`draw_log_chart`](super::draw_log_chart), which never fails on 0, ∞, NaN
/// or an empty history.
pub fn softmax_chart(view: &SoftmaxView, labels: &SoftmaxChartLabels) -> LogChart {
    let series = |f: fn(&SoftmaxStep) -> f64| view.history.iter().map(f).collect::<Vec<f64>>();
    let lines = vec![
        LogLine {
            label: labels.loss.clone(),
            color: palette::BLUE,
            values: series(|s| s.loss),
            kind: LineKind::Solid,
            marker: Marker::Circle,
        },
        LogLine {
            label: labels.chance.clone(),
            color: palette::INK,
            values: vec![view.chance_loss; view.history.len().max(1)],
            kind: LineKind::Dashed,
            marker: Marker::None,
        },
        LogLine {
            label: labels.spread.clone(),
            color: palette::VERMILLION,
            values: series(|s| s.spread),
            kind: LineKind::Solid,
            marker: Marker::Square,
        },
    ];
    LogChart::new(labels, 0.0, lines)
}
