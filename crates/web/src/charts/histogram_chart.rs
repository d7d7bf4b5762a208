//! Small multiples of histograms: one panel per hidden layer, bars of counts over bin edges.
//! Non-finite edges or counts never reach the backend: such a panel shows its caption only.

use super::axis::nice_ticks;
use super::frame::{Axes, Frame, Layout, Tick};
use super::{palette, ChartError, ChartStyle};
use plotters::coord::Shift;
use plotters::prelude::*;
use serde::Deserialize;

/// One panel: bin k spans [edges[k], edges[k+1]] and holds counts[k] values.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct HistogramPanel {
    /// The panel's caption (e.g. "layer 2").
    pub title: String,
    /// bins + 1 increasing edges.
    pub edges: Vec<f64>,
    /// The count of each bin.
    pub counts: Vec<f64>,
}

/// The texts and layout of the small multiples.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct HistogramLabels {
    /// The caption above all panels.
    pub title: String,
    /// The x axis of every panel.
    pub x_axis: String,
    /// Panels per row (at least 1).
    pub columns: usize,
}

impl Default for HistogramLabels {
    fn default() -> Self {
        HistogramLabels {
            title: "Activations per hidden layer".into(),
            x_axis: "activation".into(),
            columns: 3,
        }
    }
}

/// What was drawn.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct HistogramOutcome {
    /// Panels drawn with bars.
    pub panels: usize,
    /// Panels skipped because their edges or counts were not finite (or empty).
    pub skipped: usize,
    /// Bars drawn (bins with a count > 0).
    pub bars: usize,
}

/// Draws `panels` as a grid of `labels.columns` columns on `area`.
pub fn draw_histograms<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    panels: &[HistogramPanel],
    labels: &HistogramLabels,
    style: &ChartStyle,
) -> Result<HistogramOutcome, ChartError> {
    area.fill(&WHITE)?;
    let mut outcome = HistogramOutcome::default();
    let area = area.titled(&labels.title, style.font(15.0).color(&palette::INK))?;
    if panels.is_empty() {
        return Ok(outcome);
    }
    let cols = labels.columns.clamp(1, panels.len());
    let rows = panels.len().div_ceil(cols);
    let cells = area.split_evenly((rows, cols));
    for (panel, cell) in panels.iter().zip(cells.iter()) {
        let ok = panel.edges.len() == panel.counts.len() + 1
            && !panel.counts.is_empty()
            && panel.edges.iter().all(|e| e.is_finite())
            && panel.edges.windows(2).all(|w| w[0] < w[1])
            && panel.counts.iter().all(|c| c.is_finite() && *c >= 0.0);
        if !ok {
            cell.draw(&Text::new(
                panel.title.clone(),
                (style.px(8.0), style.px(8.0)),
                style.font(12.0).color(&palette::INK),
            ))?;
            outcome.skipped += 1;
            continue;
        }
        let lo = panel.edges[0];
        let hi = *panel.edges.last().expect("non-empty");
        let top = panel.counts.iter().copied().fold(0.0, f64::max).max(1.0) * 1.08;
        let layout = Layout {
            title: &panel.title,
            title_size: 12.0,
            margin: [4.0; 4],
            bands: (28.0, 40.0),
        };
        let frame = Frame::new(cell, style, &layout, (lo, hi), (0.0, top))?;
        let x_ticks: Vec<Tick> = (nice_ticks(lo, hi, 4, 0.0).into_iter())
            .map(|x| (x, format!("{x:.2}")))
            .collect();
        // Counts are whole numbers.
        let y_ticks: Vec<Tick> = (nice_ticks(0.0, top, 3, 1.0).into_iter())
            .map(|y| (y, format!("{}", y as i64)))
            .collect();
        let mut axes = Axes::new(&x_ticks, &y_ticks, &labels.x_axis, "");
        (axes.label_size, axes.title_size) = (10.0, 10.0);
        frame.draw_axes(style, &axes)?;
        let fill = palette::BLUE.mix(0.8).filled();
        for (k, &c) in panel.counts.iter().enumerate().filter(|(_, &c)| c > 0.0) {
            frame.rect((panel.edges[k], 0.0), (panel.edges[k + 1], c), fill)?;
            outcome.bars += 1;
        }
        outcome.panels += 1;
    }
    Ok(outcome)
}
