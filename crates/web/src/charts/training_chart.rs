//! Loss curves of several training runs on one log₁₀ y axis (x = the step), built on
//! [`draw_log_chart`]: a loss that overflows to ∞/NaN becomes a top-edge marker.

use super::log_chart::{LineKind, LogChart, LogLine, Marker};
use super::palette;
use plotters::style::RGBColor;
use serde::Deserialize;

/// One run: its legend text and its loss after 0, 1, 2, … steps.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct LossSeries {
    /// The legend's text.
    pub label: String,
    /// The loss after k steps at index k (x = k).
    pub values: Vec<f64>,
}

/// Every text of the chart, in the page's language.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct TrainingChartLabels {
    /// The caption.
    pub title: String,
    /// The x axis.
    pub x_axis: String,
    /// The y axis.
    pub y_axis: String,
    /// Beside bottom-edge markers (a loss of exactly 0).
    pub underflow: String,
    /// Beside top-edge markers (a loss of ∞ or NaN).
    pub overflow: String,
}

impl Default for TrainingChartLabels {
    fn default() -> Self {
        TrainingChartLabels {
            title: "Training loss".into(),
            x_axis: "step".into(),
            y_axis: "loss (log scale)".into(),
            underflow: "0".into(),
            overflow: "overflow".into(),
        }
    }
}

/// The colours of the series, in order (Okabe–Ito, then black).
pub const SERIES_COLORS: [RGBColor; 7] = [
    palette::BLUE,
    palette::VERMILLION,
    palette::GREEN,
    palette::PURPLE,
    palette::ORANGE,
    palette::SKY,
    palette::INK,
];

/// The markers of series 0, 1, 2, …; series 4 to 7 repeat them on dashed lines, so that every
/// series differs from the others by its stroke or mark, not only by its colour.
pub const MARKERS: [Marker; 4] = [
    Marker::Circle,
    Marker::Square,
    Marker::Triangle,
    Marker::Diamond,
];

/// The loss curves of `series` on a log₁₀ axis (colour i for series i, cycling). Draw it with [`draw_log_chart`](super::draw_log_chart).
pub fn training_chart(series: &[LossSeries], labels: &TrainingChartLabels) -> LogChart {
    LogChart::new(
        labels,
        0.0,
        series
            .iter()
            .enumerate()
            .map(|(i, s)| LogLine {
                label: s.label.clone(),
                color: SERIES_COLORS[i % SERIES_COLORS.len()],
                values: s.values.clone(),
                kind: if (i / MARKERS.len()) % 2 == 0 {
                    LineKind::Solid
                } else {
                    LineKind::Dashed
                },
                marker: MARKERS[i % MARKERS.len()],
            })
            .collect(),
    )
}
