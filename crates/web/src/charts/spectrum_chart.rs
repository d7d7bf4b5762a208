//! The spectrum cell's chart (exercise 3): against the index i, the singular values σ_i of A, B
//! and AB and the eigenvalue moduli |λ_i(AB)| (largest first), with the bounds
//! σ_max(A)·σ_max(B) and σ_min(A)·σ_min(B) as horizontal dashed lines, on the shared log₁₀ chart
//! ([`draw_log_chart`]) so that 0, ∞ and NaN become edge markers.

use super::log_chart::{draw_log_chart, LineKind, LogChart, LogLine, Marker, PlotOutcome};
use super::{palette, ChartError, ChartStyle};
use plotters::coord::Shift;
use plotters::prelude::*;
use serde::Deserialize;

/// The numbers the chart draws, as the page's `spectrumCompute` returns them.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct SpectrumView {
    /// σ₁(A) ≥ … ≥ σₙ(A).
    pub sv_a: Vec<f64>,
    /// σ₁(B) ≥ … ≥ σₙ(B).
    pub sv_b: Vec<f64>,
    /// σ₁(AB) ≥ … ≥ σₙ(AB).
    pub sv_ab: Vec<f64>,
    /// |λ₁(AB)| ≥ … ≥ |λₙ(AB)|.
    pub eig_abs_ab: Vec<f64>,
    /// σ_max(A)·σ_max(B).
    pub upper: f64,
    /// σ_min(A)·σ_min(B).
    pub lower: f64,
}

/// Every text of the chart, in the page's language.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct SpectrumChartLabels {
    /// The caption.
    pub title: String,
    /// The x axis (the index i).
    pub x_axis: String,
    /// The y axis.
    pub y_axis: String,
    /// Legend of σ_i(A).
    pub sv_a: String,
    /// Legend of σ_i(B).
    pub sv_b: String,
    /// Legend of σ_i(AB).
    pub sv_ab: String,
    /// Legend of |λ_i(AB)|.
    pub eig_ab: String,
    /// Legend of the upper bound line.
    pub upper: String,
    /// Legend of the lower bound line.
    pub lower: String,
    /// Beside the markers of values that are exactly 0.
    pub underflow: String,
    /// Beside the markers of values that are ∞ or NaN.
    pub overflow: String,
}

impl Default for SpectrumChartLabels {
    fn default() -> Self {
        SpectrumChartLabels {
            title: "Singular values of A, B and AB".into(),
            x_axis: "index i".into(),
            y_axis: "value".into(),
            sv_a: "σᵢ(A)".into(),
            sv_b: "σᵢ(B)".into(),
            sv_ab: "σᵢ(AB)".into(),
            eig_ab: "|λᵢ(AB)|".into(),
            upper: "σ_max(A)·σ_max(B)".into(),
            lower: "σ_min(A)·σ_min(B)".into(),
            underflow: "0".into(),
            overflow: "∞".into(),
        }
    }
}

/// What was drawn: the log chart's outcome and the number of lines.
/// The page receives `{lines, n, zero_markers, overflow_markers}` (the plot's fields flattened).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct SpectrumOutcome {
    /// The shared chart's outcome (y range, edge markers).
    #[serde(flatten)]
    pub plot: PlotOutcome,
    /// How many series were drawn (6: four spectra and two bounds).
    pub lines: usize,
    /// The index range on the x axis: 1 ..= n (n = the longest list, at least 1).
    pub n: usize,
}

/// Draws `view` on `area`: n = the longest of the four lists; the bounds are drawn as constant
/// series over 1..=n. Never fails on 0, ∞, NaN or empty lists; fails only if the backend does.
pub fn draw_spectrum_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &SpectrumView,
    labels: &SpectrumChartLabels,
    style: &ChartStyle,
) -> Result<SpectrumOutcome, ChartError> {
    let n = [&view.sv_a, &view.sv_b, &view.sv_ab, &view.eig_abs_ab]
        .iter()
        .map(|v| v.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let solid = |label: &str, color, values: &[f64], marker| LogLine {
        label: label.to_string(),
        color,
        values: values.to_vec(),
        kind: LineKind::Solid,
        marker,
    };
    let constant = |label: &str, color, value: f64| LogLine {
        label: label.to_string(),
        color,
        values: vec![value; n],
        kind: LineKind::Dashed,
        marker: Marker::None,
    };
    let mut eig = solid(
        &labels.eig_ab,
        palette::PURPLE,
        &view.eig_abs_ab,
        Marker::Diamond,
    );
    eig.kind = LineKind::Dashed;
    let lines = vec![
        constant(&labels.upper, palette::INK, view.upper),
        solid(&labels.sv_a, palette::SKY, &view.sv_a, Marker::Circle),
        solid(&labels.sv_b, palette::ORANGE, &view.sv_b, Marker::Square),
        solid(&labels.sv_ab, palette::BLUE, &view.sv_ab, Marker::Triangle),
        eig,
        constant(&labels.lower, palette::VERMILLION, view.lower),
    ];
    let count = lines.len();
    let chart = LogChart::new(labels, 1.0, lines);
    let plot = draw_log_chart(area, &chart, style)?;
    Ok(SpectrumOutcome {
        plot,
        lines: count,
        n,
    })
}
