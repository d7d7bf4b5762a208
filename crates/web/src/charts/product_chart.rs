//! The exploding product's chart: ‖M‖_F and max |M_ij| after each multiplication, on a log₁₀
//! axis (a thin layer over [`draw_log_chart`], so 0, ∞ and NaN become edge markers).

use super::log_chart::{LineKind, LogChart, LogLine, Marker};
use super::palette;
use gradscope_core::ProductStep;
use serde::Deserialize;

/// Every text the product chart draws, in the page's language.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct ProductChartLabels {
    /// The caption.
    pub title: String,
    /// The x axis' title.
    pub x_axis: String,
    /// The y axis' title.
    pub y_axis: String,
    /// Legend: the Frobenius norm.
    pub frobenius: String,
    /// Legend: the largest absolute entry.
    pub max_abs: String,
    /// Beside the bottom-edge markers.
    pub underflow: String,
    /// Beside the top-edge markers (the page passes "overflows to ∞ at step k").
    pub overflow: String,
}

impl Default for ProductChartLabels {
    fn default() -> Self {
        ProductChartLabels {
            title: "Size of the product after each multiplication".into(),
            x_axis: "step k (number of multiplications)".into(),
            y_axis: "size (log scale)".into(),
            frobenius: "‖M‖_F Frobenius norm".into(),
            max_abs: "max |Mᵢⱼ| largest entry".into(),
            underflow: "underflow to 0".into(),
            overflow: "overflow (∞ or NaN)".into(),
        }
    }
}

/// The chart of the steps (step 0 first, one per step): ‖M‖_F and max |Mᵢⱼ| on a log₁₀ axis. Draw it with [`draw_log_chart`](super::draw_log_chart).
pub fn product_chart(steps: &[ProductStep], labels: &ProductChartLabels) -> LogChart {
    let line = |label: &str, color, values: Vec<f64>, marker| LogLine {
        label: label.to_string(),
        color,
        values,
        kind: LineKind::Solid,
        marker,
    };
    LogChart::new(
        labels,
        steps.first().map_or(0.0, |s| s.step as f64),
        vec![
            line(
                &labels.frobenius,
                palette::BLUE,
                steps.iter().map(|s| s.frobenius).collect(),
                Marker::Circle,
            ),
            line(
                &labels.max_abs,
                palette::VERMILLION,
                steps.iter().map(|s| s.max_abs).collect(),
                Marker::Square,
            ),
        ],
    )
}
