//! The symmetry cell's chart: every hidden unit's incoming weights over the training steps (one
//! colour per unit, one dash pattern per input), and the loss below on a log₁₀ axis.
//!
//! Units are drawn first to last with decreasing stroke widths, so units whose weights are
//! exactly equal show as one line edged with every unit's colour. Non-finite values (a learning
//! rate that blows the weights up) break the lines and are counted, never drawn.

use super::axis::{decade_ticks, nice_ticks, place, whole_number_ticks, DecadeRange, Placement};
use super::frame::{Axes, Frame, Layout, Tick};
use super::legend::{draw_legend_box, emptiest_corner, Corner, LegendEntry, Swatch};
use super::marks::{LineKind, Marker};
use super::{palette, ChartError, ChartStyle};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::RGBColor;
use serde::{Deserialize, Serialize};

/// The training history: `steps[k]` is the step of snapshot k, `weights[k][i][j]` the weight
/// from input j to hidden unit i after that step, `loss[k]` the loss of that step (NaN at
/// step 0, when no forward pass has been made).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SymmetryHistory {
    /// The step of each snapshot.
    pub steps: Vec<f64>,
    /// One h × d weight table per snapshot.
    pub weights: Vec<Vec<Vec<f64>>>,
    /// The loss of each snapshot.
    pub loss: Vec<f64>,
}

/// Every text of the chart, in the page's language.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct SymmetryChartLabels {
    /// The caption of the weights panel.
    pub title: String,
    /// The x axis (steps).
    pub x_axis: String,
    /// The y axis of the weights panel.
    pub weights_axis: String,
    /// The y axis of the loss panel.
    pub loss_axis: String,
    /// The legend's text for a unit; `{i}` becomes the unit's number (from 1).
    pub unit: String,
}

impl Default for SymmetryChartLabels {
    fn default() -> Self {
        SymmetryChartLabels {
            title: "Incoming weights of each hidden unit".into(),
            x_axis: "step".into(),
            weights_axis: "weight".into(),
            loss_axis: "loss".into(),
            unit: "unit {i}".into(),
        }
    }
}

/// What was drawn.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct SymmetryOutcome {
    /// How many weight lines (units × inputs) were drawn.
    pub lines: usize,
    /// How many weight values were not finite (and left out).
    pub non_finite: usize,
}

/// The colour of unit `i` (cycling through the palette).
pub fn unit_color(i: usize) -> RGBColor {
    const COLORS: [RGBColor; 6] = [
        palette::BLUE,
        palette::ORANGE,
        palette::GREEN,
        palette::PURPLE,
        palette::VERMILLION,
        palette::SKY,
    ];
    COLORS[i % COLORS.len()]
}

fn finite_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() {
        return (-1.0, 1.0);
    }
    let span = hi - lo;
    let pad = if span > 0.0 {
        0.08 * span
    } else {
        0.1 * lo.abs().max(0.1)
    };
    (lo - pad, hi + pad)
}

/// Draws `history` on `area`: the weights on top (about 65% of the height), the loss below.
pub fn draw_symmetry_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    history: &SymmetryHistory,
    labels: &SymmetryChartLabels,
    style: &ChartStyle,
) -> Result<SymmetryOutcome, ChartError> {
    area.fill(&WHITE)?;
    let (_, height) = area.dim_in_pixel();
    let (top, bottom) = area.split_vertically((height as f64 * 0.64).round() as u32);
    let n = history.steps.len();
    let x_min = history.steps.first().copied().unwrap_or(0.0);
    let x_max = history
        .steps
        .last()
        .copied()
        .unwrap_or(1.0)
        .max(x_min + 1.0);
    let units = history.weights.first().map_or(0, |w| w.len());
    let inputs = history
        .weights
        .first()
        .and_then(|w| w.first())
        .map_or(0, |r| r.len());
    let mut outcome = SymmetryOutcome::default();
    let all = history
        .weights
        .iter()
        .flat_map(|w| w.iter().flat_map(|r| r.iter().copied()));
    outcome.non_finite = all.clone().filter(|v| !v.is_finite()).count();
    let (y_min, y_max) = finite_range(all);

    // The caption shrinks (down to 10 px) rather than run off a narrow canvas.
    let (width_px, _) = area.dim_in_pixel();
    let chars = labels.title.chars().count().max(1) as f64;
    let caption_size =
        (0.92 * width_px as f64 / (0.56 * chars * style.scale.max(0.1))).clamp(10.0, 16.0);
    let frame = Frame::titled(
        &top,
        style,
        (&labels.title, caption_size),
        (22.0, 64.0),
        (x_min, x_max),
        (y_min, y_max),
    )?;
    // Steps are whole numbers: no tick between two of them (a short run).
    let x_ticks = whole_number_ticks(x_min, x_max, 6);
    let y_ticks: Vec<Tick> = (nice_ticks(y_min, y_max, 6, 0.0).into_iter())
        .map(|y| (y, format!("{y:.3}")))
        .collect();
    frame.draw_axes(
        style,
        &Axes::new(&x_ticks, &y_ticks, "", &labels.weights_axis),
    )?;
    let mut legend = Vec::with_capacity(units);

    for i in 0..units {
        let color = unit_color(i);
        // The first unit widest, so that identical later units leave its colour visible.
        let extra = if units > 1 {
            3.0 * (units - 1 - i) as f64 / (units - 1) as f64
        } else {
            0.0
        };
        let width = style.stroke(2.0 + extra);
        legend.push(LegendEntry {
            label: labels.unit.replace("{i}", &(i + 1).to_string()),
            swatch: Swatch::Line {
                color,
                kind: LineKind::Solid,
                marker: Marker::None,
                width: (2.0 + extra).min(4.0),
            },
        });
        for j in 0..inputs {
            let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
            for k in 0..n {
                let v = history
                    .weights
                    .get(k)
                    .and_then(|w| w.get(i))
                    .and_then(|r| r.get(j))
                    .copied()
                    .unwrap_or(f64::NAN);
                if v.is_finite() {
                    runs.last_mut()
                        .expect("non-empty")
                        .push((history.steps[k], v));
                } else if !runs.last().expect("non-empty").is_empty() {
                    runs.push(Vec::new());
                }
            }
            for run in runs.into_iter().filter(|r| !r.is_empty()) {
                if run.len() == 1 {
                    let dot = Circle::new(frame.at(run[0]), style.px(3.0), color.filled());
                    frame.plot.draw(&dot)?;
                } else if j == 0 {
                    frame.polyline(run, color.stroke_width(width))?;
                } else {
                    let dashes = (style.px(4.0 + 3.0 * j as f64), style.px(4.0));
                    frame.dashed(run, dashes, color.stroke_width(width))?;
                }
            }
            outcome.lines += 1;
        }
    }
    let corner = emptiest_corner_of(history, (x_min, x_max), (y_min, y_max));
    draw_legend_box(&frame.plot, &legend, corner, (6.0, 22.0), style)?;

    // The loss, on a log₁₀ axis (0, ∞ and NaN are left out).
    let range = DecadeRange::covering(history.loss.iter().copied());
    let (l_min, l_max) = (range.lo - 0.1, range.hi + 0.1);
    let layout = Layout::titled("", 0.0, (36.0, 64.0));
    let lc = Frame::new(&bottom, style, &layout, (x_min, x_max), (l_min, l_max))?;
    let y_ticks = decade_ticks(&range, 4);
    let axes = Axes::new(&x_ticks, &y_ticks, &labels.x_axis, &labels.loss_axis);
    lc.draw_axes(style, &axes)?;
    let mut run = Vec::new();
    let mut runs = Vec::new();
    for (k, &v) in history.loss.iter().enumerate() {
        match (history.steps.get(k), place(v)) {
            (Some(&x), Placement::At(y)) => run.push((x, y)),
            _ => {
                if !run.is_empty() {
                    runs.push(std::mem::take(&mut run));
                }
            }
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    for run in runs {
        lc.polyline(run, palette::INK.stroke_width(style.stroke(1.5)))?;
    }
    area.present()?;
    Ok(outcome)
}

/// The corner (a box of 35% of the width by 35% of the height) holding the fewest weight points,
/// so the legend hides as little as possible.
fn emptiest_corner_of(
    history: &SymmetryHistory,
    x_range: (f64, f64),
    y_range: (f64, f64),
) -> Corner {
    let points: Vec<(f64, f64)> = history
        .weights
        .iter()
        .enumerate()
        .flat_map(|(k, w)| {
            let x = history.steps.get(k).copied().unwrap_or(0.0);
            w.iter()
                .flatten()
                .filter(|v| v.is_finite())
                .map(move |&v| (x, v))
        })
        .collect();
    emptiest_corner(
        &points,
        (x_range, (0.35, 0.65)),
        y_range,
        [
            Corner::UpperRight,
            Corner::LowerRight,
            Corner::UpperLeft,
            Corner::LowerLeft,
        ],
    )
}
