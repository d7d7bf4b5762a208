//! Charts, generic over plotters' [`DrawingBackend`]: the same function draws on a canvas in the
//! browser (our lean canvas backend, `bindings::canvas_backend`) and to SVG in the CLI and in native tests.
//!
//! Every chart lays out and draws its caption and axes with [`frame`] (ticks from [`axis`]), its
//! series' marks with [`marks`] and its legend with [`legend`], on plotters' drawing areas and
//! elements; none uses plotters' chart builder, coordinate systems or mesh.

pub mod axis;
pub mod frame;
pub mod gradient_chart;
pub mod histogram_chart;
pub mod legend;
pub mod log_chart;
pub mod marks;
pub mod product_chart;
pub mod rescaling_chart;
pub mod sigmoid_chart;
pub mod softmax_chart;
pub mod spectrum_chart;
pub mod stability_chart;
pub mod symmetry_chart;
pub mod training_chart;
pub mod xavier_chart;

pub use gradient_chart::{draw_gradient_chart, GradientChartLabels, GradientChartOptions};
pub use log_chart::{draw_log_chart, ChartTexts, LineKind, LogChart, LogLine, Marker, PlotOutcome};

use plotters::prelude::*;
use serde::Deserialize;
use std::fmt;

/// How charts look: the font family and a scale factor for text and strokes (the device-pixel
/// ratio on a canvas, 1 for SVG).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct ChartStyle {
    /// A CSS font-family list; the page passes its bundled Vietnamese-capable font first.
    pub font_family: String,
    /// Multiplies every font size, line width and marker size.
    pub scale: f64,
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle {
            font_family: "'Be Vietnam Pro', 'DejaVu Sans', sans-serif".to_string(),
            scale: 1.0,
        }
    }
}

impl ChartStyle {
    /// A font of `size` CSS pixels, scaled.
    pub fn font(&self, size: f64) -> FontDesc<'_> {
        FontDesc::new(
            FontFamily::Name(&self.font_family),
            size * self.scale,
            FontStyle::Normal,
        )
    }

    /// `px` CSS pixels in backend pixels.
    pub fn px(&self, px: f64) -> i32 {
        (px * self.scale).round() as i32
    }

    /// `px` CSS pixels as a stroke width.
    pub fn stroke(&self, px: f64) -> u32 {
        (px * self.scale).round().max(1.0) as u32
    }
}

/// A drawing failure, as text (plotters' errors are generic over the backend).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartError(pub String);

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "chart: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError(e.to_string())
    }
}

/// The series colours, chosen to stay distinct for the common colour-vision deficiencies
/// (Okabe–Ito palette).
pub mod palette {
    use plotters::style::RGBColor;
    /// Blue: the weight gradient.
    pub const BLUE: RGBColor = RGBColor(0, 114, 178);
    /// Vermillion: the backward signal.
    pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
    /// Bluish green: the forward signal.
    pub const GREEN: RGBColor = RGBColor(0, 158, 115);
    /// Reddish purple.
    pub const PURPLE: RGBColor = RGBColor(204, 121, 167);
    /// Orange.
    pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
    /// Sky blue.
    pub const SKY: RGBColor = RGBColor(86, 180, 233);
    /// Text and axes.
    pub const INK: RGBColor = RGBColor(33, 37, 41);
    /// Grid lines.
    pub const GRID: RGBColor = RGBColor(222, 226, 230);
    /// Over- and underflow markers' labels.
    pub const ALERT: RGBColor = RGBColor(176, 0, 32);
}

log_chart::chart_texts!(
    gradient_chart::GradientChartLabels,
    product_chart::ProductChartLabels,
    rescaling_chart::RescalingChartLabels,
    softmax_chart::SoftmaxChartLabels,
    spectrum_chart::SpectrumChartLabels,
    training_chart::TrainingChartLabels,
    xavier_chart::XavierChartLabels,
);
