//! The chapter's first figure: the sigmoid σ(x) and its derivative σ′(x) on linear axes, with the
//! derivative's maximum ¼ at x = 0 marked and an optional crosshair at a hovered x.

use super::axis::nice_ticks;
use super::frame::{Axes, Frame, Tick};
use super::legend::{draw_legend_box, Corner, LegendEntry, Swatch};
use super::marks::{LineKind, Marker};
use super::{palette, ChartError, ChartStyle};
use gradscope_core::{Activation, SigmoidCurve};
use plotters::coord::Shift;
use plotters::prelude::*;
use serde::{Deserialize, Serialize};

/// Every text the sigmoid chart draws, in the page's language.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct SigmoidChartLabels {
    /// The caption.
    pub title: String,
    /// The x axis' title.
    pub x_axis: String,
    /// The y axis' title.
    pub y_axis: String,
    /// Legend: σ(x).
    pub value: String,
    /// Legend: σ′(x).
    pub derivative: String,
    /// Beside the marked maximum of σ′.
    pub max_note: String,
}

impl Default for SigmoidChartLabels {
    fn default() -> Self {
        SigmoidChartLabels {
            title: "The sigmoid and its derivative".into(),
            x_axis: "x".into(),
            y_axis: "y".into(),
            value: "sigmoid σ(x)".into(),
            derivative: "derivative σ′(x)".into(),
            max_note: "max σ′(0) = 1/4".into(),
        }
    }
}

/// Where the plot landed, so the page can map a pointer position to a data x: the backend pixels
/// where the plot's edges are (`left` shows `x_min`, `right` shows `x_max`, `top` shows `y_max`,
/// `bottom` shows `y_min`; see `Frame::edges`) and those data ranges.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SigmoidChartOutcome {
    /// Left edge of the plotting area, in backend pixels.
    pub left: i32,
    /// Right edge of the plotting area, in backend pixels.
    pub right: i32,
    /// Top edge of the plotting area, in backend pixels.
    pub top: i32,
    /// Bottom edge of the plotting area, in backend pixels.
    pub bottom: i32,
    /// The x at the left edge.
    pub x_min: f64,
    /// The x at the right edge.
    pub x_max: f64,
    /// The y at the bottom edge.
    pub y_min: f64,
    /// The y at the top edge.
    pub y_max: f64,
    /// The hovered x that the crosshair was drawn at (clamped to the x range), if any.
    pub hover: Option<f64>,
    /// How many curve points were skipped because they were not finite.
    pub skipped: usize,
}

/// Draws `curve` on `area`; `hover` (if finite) gets a crosshair and markers on both curves, at
/// σ and σ′ computed by the engine. Points that are not finite are skipped (breaking the line).
pub fn draw_sigmoid_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    curve: &SigmoidCurve,
    labels: &SigmoidChartLabels,
    hover: Option<f64>,
    style: &ChartStyle,
) -> Result<SigmoidChartOutcome, ChartError> {
    area.fill(&WHITE)?;
    let finite_x = curve.x.iter().copied().filter(|v| v.is_finite());
    let (mut x_min, mut x_max) = finite_x.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if x_min.partial_cmp(&x_max) != Some(std::cmp::Ordering::Less) {
        (x_min, x_max) = (-8.0, 8.0);
    }
    let (y_min, y_max) = (-0.05, 1.05);

    let frame = Frame::titled(
        area,
        style,
        (&labels.title, 16.0),
        (40.0, 48.0),
        (x_min, x_max),
        (y_min, y_max),
    )?;
    let hundredths = |lo: f64, hi: f64, max: usize| -> Vec<Tick> {
        (nice_ticks(lo, hi, max, 0.0).into_iter())
            .map(|v| (v, format!("{}", (v * 100.0).round() / 100.0)))
            .collect()
    };
    let (x_ticks, y_ticks) = (hundredths(x_min, x_max, 9), hundredths(y_min, y_max, 6));
    let axes = Axes::new(&x_ticks, &y_ticks, &labels.x_axis, &labels.y_axis);
    frame.draw_axes(style, &axes)?;

    let width = style.stroke(2.0);
    let mut legend = Vec::with_capacity(3);
    let mut skipped = 0;
    for (ys, color, label) in [
        (&curve.value, palette::BLUE, &labels.value),
        (&curve.derivative, palette::VERMILLION, &labels.derivative),
    ] {
        let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for (&x, &y) in curve.x.iter().zip(ys.iter()) {
            if x.is_finite() && y.is_finite() {
                if let Some(r) = runs.last_mut() {
                    r.push((x, y.clamp(y_min, y_max)));
                }
            } else {
                skipped += 1;
                if runs.last().is_some_and(|r| !r.is_empty()) {
                    runs.push(Vec::new());
                }
            }
        }
        legend.push(LegendEntry {
            label: label.clone(),
            swatch: Swatch::line(color, LineKind::Solid, Marker::None),
        });
        for run in runs.into_iter().filter(|r| !r.is_empty()) {
            frame.polyline(run, color.stroke_width(width))?;
        }
    }

    // σ′ is largest at x = 0, where it is exactly ¼.
    if x_min <= 0.0 && 0.0 <= x_max {
        // Its label goes in the legend, where it never covers a curve, whatever the width.
        let dot = Circle::new(
            frame.at((0.0, 0.25)),
            style.px(4.0),
            palette::VERMILLION.filled(),
        );
        frame.plot.draw(&dot)?;
        legend.push(LegendEntry {
            label: labels.max_note.clone(),
            swatch: Swatch::Mark(palette::VERMILLION, Marker::Circle),
        });
    }

    let hover = hover
        .filter(|h| h.is_finite())
        .map(|h| h.clamp(x_min, x_max));
    if let Some(h) = hover {
        let s = Activation::Sigmoid.apply(h);
        let d = Activation::Sigmoid.derivative(h);
        frame.dashed(
            [(h, y_min), (h, y_max)],
            (style.px(4.0), style.px(3.0)),
            palette::INK.stroke_width(style.stroke(1.0)),
        )?;
        for (y, color) in [(s, palette::BLUE), (d, palette::VERMILLION)] {
            let ring = Circle::new(
                frame.at((h, y)),
                style.px(5.0),
                color.stroke_width(style.stroke(2.0)),
            );
            frame.plot.draw(&ring)?;
        }
    }

    draw_legend_box(&frame.plot, &legend, Corner::UpperLeft, (8.0, 26.0), style)?;

    let (left, top, right, bottom) = frame.edges();
    area.present()?;
    Ok(SigmoidChartOutcome {
        left,
        right,
        top,
        bottom,
        x_min,
        x_max,
        y_min,
        y_max,
        hover,
        skipped,
    })
}
