//! A chart of positive quantities against a whole-number index (a layer, a step) on a log₁₀ y
//! axis, with markers on the edges for values that underflowed to 0 or overflowed to ∞/NaN.

use super::axis::{decade_ticks, place, whole_number_ticks, DecadeRange, Placement};
use super::frame::{Axes, Frame};
use super::legend::{
    draw_legend_below, draw_legend_box, emptiest_corner, Corner, LegendEntry, Swatch,
};
use super::marks::draw_shape;
pub use super::marks::{LineKind, Marker};
use super::{ChartError, ChartStyle};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One series: `values[i]` is drawn at x = `x_start` + i.
#[derive(Debug, Clone)]
pub struct LogLine {
    /// The legend's text.
    pub label: String,
    /// The colour.
    pub color: RGBColor,
    /// The values; 0, ∞ and NaN are allowed and become edge markers.
    pub values: Vec<f64>,
    /// Solid or dashed.
    pub kind: LineKind,
    /// The mark at each point (at most about 20 marks on a long line: every k-th point).
    pub marker: Marker,
}

/// Everything a log chart shows.
#[derive(Debug, Clone)]
pub struct LogChart {
    /// The caption above the chart.
    pub title: String,
    /// The x axis' title.
    pub x_label: String,
    /// The y axis' title.
    pub y_label: String,
    /// The x of each line's first value.
    pub x_start: f64,
    /// The series.
    pub lines: Vec<LogLine>,
    /// The text beside the bottom-edge markers (values that are exactly 0).
    pub underflow_label: String,
    /// The text beside the top-edge markers (values that are ∞ or NaN).
    pub overflow_label: String,
}

/// The texts every log chart shows, which each chart's labels name alike (`title`, `x_axis`,
/// `y_axis`, `underflow`, `overflow`): `[title, x axis, y axis, underflow, overflow]`.
pub trait ChartTexts {
    /// The five texts, in that order.
    fn texts(&self) -> [&str; 5];
}

/// Implements [`ChartTexts`] for labels structs with the five fields.
macro_rules! chart_texts {
    ($($labels:ty),* $(,)?) => {
        $(impl ChartTexts for $labels {
            fn texts(&self) -> [&str; 5] {
                [&self.title, &self.x_axis, &self.y_axis, &self.underflow, &self.overflow]
            }
        })*
    };
}
pub(crate) use chart_texts;

impl LogChart {
    /// The chart of `lines`, whose first values sit at x = `x_start`, with the texts of `labels`.
    pub fn new(labels: &impl ChartTexts, x_start: f64, lines: Vec<LogLine>) -> Self {
        let [title, x_label, y_label, underflow, overflow] = labels.texts().map(str::to_owned);
        LogChart {
            title,
            x_label,
            y_label,
            x_start,
            lines,
            underflow_label: underflow,
            overflow_label: overflow,
        }
    }
}

/// What was drawn, for tests and for the page's text alternative. The page receives
/// `{zero_markers, overflow_markers}` (the range stays on the Rust side).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct PlotOutcome {
    /// The y range, in decades, of the finite positive values.
    #[serde(skip)]
    pub range: DecadeRange,
    /// How many values were marked at the bottom edge ("underflow to 0"); markers that would
    /// fall in the same pixel column are drawn once.
    pub zero_markers: usize,
    /// How many values were marked at the top edge ("overflow": ∞ or NaN), drawn as above.
    pub overflow_markers: usize,
}

/// Draws `chart` on `area`. Never fails on 0, ∞ or NaN values; fails only if the backend does.
pub fn draw_log_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &LogChart,
    style: &ChartStyle,
) -> Result<PlotOutcome, ChartError> {
    area.fill(&WHITE)?;
    let entries = legend_entries(chart);
    // On a narrow canvas (a phone) the legend would cover the data: it goes below the plot.
    let (w_px, h_px) = area.dim_in_pixel();
    let narrow = (w_px as f64) < 560.0 * style.scale;
    let row = style.px(17.0);
    let (plot_area, legend_area) = if narrow {
        let legend_h = row * entries.len() as i32 + style.px(8.0);
        let (upper, lower) = area.split_vertically((h_px as i32 - legend_h).max(h_px as i32 / 2));
        (upper, Some(lower))
    } else {
        (area.clone(), None)
    };
    let area = &plot_area;
    let range = DecadeRange::covering(chart.lines.iter().flat_map(|l| l.values.iter().copied()));
    let pad = 0.06 * (range.hi - range.lo) + 0.25;
    let (y_min, y_max) = (range.lo - pad, range.hi + pad);
    let n = chart
        .lines
        .iter()
        .map(|l| l.values.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let x_min = chart.x_start - 0.5;
    let x_max = chart.x_start + n as f64 - 0.5;
    let frame = Frame::titled(
        area,
        style,
        (&chart.title, 16.0),
        (40.0, 64.0),
        (x_min, x_max),
        (y_min, y_max),
    )?;
    let x_ticks = whole_number_ticks(x_min, x_max, n.min(10) + 1);
    let y_ticks = decade_ticks(&range, 8);
    let axes = Axes::new(&x_ticks, &y_ticks, &chart.x_label, &chart.y_label);
    frame.draw_axes(style, &axes)?;
    let plot = &frame.plot;

    let width = style.stroke(2.0);
    let mut zero_markers = 0;
    let mut overflow_markers = 0;
    for line in &chart.lines {
        let color = line.color;
        let placed: Vec<(f64, Placement)> = line
            .values
            .iter()
            .enumerate()
            .map(|(i, &v)| (chart.x_start + i as f64, place(v)))
            .collect();
        // Runs of consecutive finite positive values are joined; a 0 or ∞ breaks the line.
        let mut run: Vec<(f64, f64)> = Vec::new();
        let mut runs = Vec::new();
        for &(x, p) in &placed {
            match p {
                Placement::At(y) => run.push((x, y)),
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
        for run in &runs {
            let stroke = color.stroke_width(width);
            match line.kind {
                LineKind::Solid => frame.polyline(run.iter().copied(), stroke)?,
                LineKind::Dashed => {
                    let dashes = (style.px(6.0), style.px(4.0));
                    frame.dashed(run.iter().copied(), dashes, stroke)?
                }
            }
            if line.marker != Marker::None {
                let outline = line.marker.outline(style.px(3.0));
                let every = if n <= 80 { 1 } else { n.div_ceil(20) };
                for &p in run
                    .iter()
                    .filter(|p| (p.0 - chart.x_start).round() as usize % every == 0)
                {
                    draw_shape(plot, frame.at(p), &outline, color)?;
                }
            }
        }
        let s = style.px(5.0);
        let down = [(-s, -2 * s), (s, -2 * s), (0, -s / 2)];
        let up = [(-s, 2 * s), (s, 2 * s), (0, s / 2)];
        // One marker per pixel column and edge: a long run of 0s or ∞s (10,000 steps of the
        // product overflow over some 700 pixels) would otherwise draw thousands of triangles on
        // top of each other, which costs the canvas seconds and changes no pixel. Every value
        // is still counted.
        let mut last_column = (None, None); // the column of the last zero and overflow marker
        for &(x, p) in &placed {
            let (last, edge, shape) = match p {
                Placement::Zero => {
                    zero_markers += 1;
                    (&mut last_column.0, y_min, &down)
                }
                Placement::Overflow => {
                    overflow_markers += 1;
                    (&mut last_column.1, y_max, &up)
                }
                Placement::At(_) => continue,
            };
            let at = frame.at((x, edge));
            if last.replace(at.0) != Some(at.0) {
                draw_shape(plot, at, shape, color)?;
            }
        }
    }
    // The edge markers are explained in the legend, so their label never covers the data.
    match &legend_area {
        Some(below) => draw_legend_below(below, &entries, style)?,
        None => {
            let corner = emptiest_corner_of(chart, (x_min, x_max), (y_min, y_max));
            draw_legend_box(plot, &entries, corner, (8.0, 26.0), style)?;
        }
    }
    area.present()?;
    Ok(PlotOutcome {
        range,
        zero_markers,
        overflow_markers,
    })
}

/// One entry per line, then one per kind of edge marker that the chart will draw.
fn legend_entries(chart: &LogChart) -> Vec<LegendEntry> {
    let mut entries: Vec<LegendEntry> = chart
        .lines
        .iter()
        .map(|l| LegendEntry {
            label: l.label.clone(),
            swatch: Swatch::line(l.color, l.kind, l.marker),
        })
        .collect();
    let placements = || {
        chart
            .lines
            .iter()
            .flat_map(|l| l.values.iter().map(|&v| place(v)))
    };
    if placements().any(|p| p == Placement::Zero) {
        entries.push(LegendEntry {
            label: chart.underflow_label.clone(),
            swatch: Swatch::Down,
        });
    }
    if placements().any(|p| p == Placement::Overflow) {
        entries.push(LegendEntry {
            label: chart.overflow_label.clone(),
            swatch: Swatch::Up,
        });
    }
    entries
}

/// The corner of the plot (a box of 45% of the width by 35% of the height) that covers the
/// fewest points, so the legend hides as little as possible.
fn emptiest_corner_of(chart: &LogChart, x_range: (f64, f64), y_range: (f64, f64)) -> Corner {
    let points: Vec<(f64, f64)> = chart
        .lines
        .iter()
        .flat_map(|l| {
            l.values
                .iter()
                .enumerate()
                .filter_map(move |(i, &v)| match place(v) {
                    Placement::At(y) => Some((chart.x_start + i as f64, y)),
                    _ => None,
                })
        })
        .collect();
    emptiest_corner(
        &points,
        (x_range, (0.45, 0.55)),
        y_range,
        [
            Corner::UpperRight,
            Corner::UpperLeft,
            Corner::LowerRight,
            Corner::LowerLeft,
        ],
    )
}
