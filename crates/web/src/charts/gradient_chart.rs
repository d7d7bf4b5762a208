//! The main chart: per layer, ‖∂ℓ/∂Wˡ‖, the backward signal and the forward signal on a log₁₀
//! axis, with an optional theory overlay.

use super::log_chart::{draw_log_chart, LineKind, LogChart, LogLine, Marker, PlotOutcome};
use super::{palette, ChartError, ChartStyle};
use gradscope_core::LayerStats;
use plotters::coord::Shift;
use plotters::prelude::*;
use serde::Deserialize;

/// Every text the gradient chart draws, in the page's language.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct GradientChartLabels {
    /// The caption.
    pub title: String,
    /// The x axis' title.
    pub x_axis: String,
    /// The y axis' title.
    pub y_axis: String,
    /// Legend: ‖∂ℓ/∂Wˡ‖.
    pub grad: String,
    /// Legend: the backward signal.
    pub backward: String,
    /// Legend: the forward signal.
    pub forward: String,
    /// Appended to a series' legend for its theory line.
    pub theory_suffix: String,
    /// Beside the bottom-edge markers.
    pub underflow: String,
    /// Beside the top-edge markers.
    pub overflow: String,
}

impl Default for GradientChartLabels {
    fn default() -> Self {
        GradientChartLabels {
            title: "Gradient magnitude per layer".into(),
            x_axis: "layer l (1 = nearest the input)".into(),
            y_axis: "magnitude (log scale)".into(),
            grad: "‖∂ℓ/∂Wˡ‖ weight gradient".into(),
            backward: "‖∂ℓ/∂hˡ⁻¹‖/√B backward signal".into(),
            forward: "std(zˡ) forward signal".into(),
            theory_suffix: " (theory)".into(),
            underflow: "underflow to 0".into(),
            overflow: "overflow (∞ or NaN)".into(),
        }
    }
}

/// Per-layer predictions to draw as dashed lines over the measured ones (index l − 1).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TheoryLines {
    /// Predicted ‖∂ℓ/∂Wˡ‖.
    pub grad_norm: Vec<f64>,
    /// Predicted ‖∂ℓ/∂hˡ⁻¹‖/√B.
    pub backward_norm: Vec<f64>,
    /// Predicted std(zˡ).
    pub preact_std: Vec<f64>,
}

/// Which series to show.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct GradientChartOptions {
    /// Show the backward signal.
    pub show_backward: bool,
    /// Show the forward signal.
    pub show_forward: bool,
    /// The theory overlay, if any.
    pub theory: Option<TheoryLines>,
    /// When the numbers are a preview (from a part of the batch, the exact ones on their way):
    /// the label that says so, drawn in the chart's top right corner.
    pub preview: Option<String>,
}

impl Default for GradientChartOptions {
    fn default() -> Self {
        GradientChartOptions {
            show_backward: true,
            show_forward: true,
            theory: None,
            preview: None,
        }
    }
}

/// Draws the per-layer chart of `layers` (layer 1 first).
pub fn draw_gradient_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layers: &[LayerStats],
    labels: &GradientChartLabels,
    options: &GradientChartOptions,
    style: &ChartStyle,
) -> Result<PlotOutcome, ChartError> {
    let measured = |label: &str, color, values: Vec<f64>, marker| LogLine {
        label: label.to_string(),
        color,
        values,
        kind: LineKind::Solid,
        marker,
    };
    let predicted = |label: &str, color, values: &[f64]| LogLine {
        label: format!("{label}{}", labels.theory_suffix),
        color,
        values: values.to_vec(),
        kind: LineKind::Dashed,
        marker: Marker::None,
    };
    let mut lines = vec![measured(
        &labels.grad,
        palette::BLUE,
        layers.iter().map(|s| s.grad_norm).collect(),
        Marker::Circle,
    )];
    if options.show_backward {
        lines.push(measured(
            &labels.backward,
            palette::VERMILLION,
            layers.iter().map(|s| s.backward_norm).collect(),
            Marker::Square,
        ));
    }
    if options.show_forward {
        lines.push(measured(
            &labels.forward,
            palette::GREEN,
            layers.iter().map(|s| s.preact_std).collect(),
            Marker::Triangle,
        ));
    }
    if let Some(t) = &options.theory {
        lines.push(predicted(&labels.grad, palette::BLUE, &t.grad_norm));
        if options.show_backward {
            lines.push(predicted(
                &labels.backward,
                palette::VERMILLION,
                &t.backward_norm,
            ));
        }
        if options.show_forward {
            lines.push(predicted(&labels.forward, palette::GREEN, &t.preact_std));
        }
    }
    let chart = LogChart::new(labels, 1.0, lines);
    let outcome = draw_log_chart(area, &chart, style)?;
    if let Some(text) = options.preview.as_deref().filter(|t| !t.is_empty()) {
        draw_preview_mark(area, text, style)?;
    }
    Ok(outcome)
}

/// The preview mark: `text` in a dark amber box at the area's top right corner.
fn draw_preview_mark<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &ChartStyle,
) -> Result<(), ChartError> {
    let amber = RGBColor(0x8a, 0x4b, 0x00);
    let font = style.font(13.0).color(&amber);
    let (w, h) = area
        .estimate_text_size(text, &font)
        .map_err(|e| ChartError(e.to_string()))?;
    let (width, _) = area.dim_in_pixel();
    let pad = style.px(5.0);
    let right = width as i32 - style.px(8.0);
    let (x0, y0) = (right - w as i32 - 2 * pad, style.px(6.0));
    let (x1, y1) = (right, y0 + h as i32 + 2 * pad);
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], WHITE.filled()))
        .and_then(|_| {
            area.draw(&Rectangle::new(
                [(x0, y0), (x1, y1)],
                amber.stroke_width(style.stroke(1.5)),
            ))
        })
        .and_then(|_| {
            area.draw(&Text::new(
                text.to_string(),
                (x0 + pad, y0 + pad),
                font.clone(),
            ))
        })
        .map_err(|e| ChartError(e.to_string()))
}
