//! The stability map: a heatmap over σ (log axis) × depth of D(σ, L), the decades the backward
//! signal gains (> 0) or loses (< 0) between layer L and layer 1 (`gradscope_core::stability_map`),
//! with the theory's critical line, the edges of the Goldilocks zone (|D| ≤ 2) and the
//! asymptotic σ* of mean-field theory.
//!
//! Colours: a diverging blue (vanishing) – white (stable) – orange (exploding) scale, saturated
//! at ±[`SATURATION`] decades; it stays readable under the common colour-vision deficiencies
//! because it varies in lightness, not only in hue. Columns not computed yet are light grey;
//! overflow and underflow saturate to the ends of the scale.

use super::axis::{nice_ticks, power_of_ten};
use super::frame::{Axes, Frame, Layout, Tick};
use super::legend::{draw_legend_box, Corner, LegendEntry, Swatch};
use super::marks::{LineKind, Marker};
use super::{palette, ChartError, ChartStyle};
use gradscope_core::stability_map::MapColumn;
use gradscope_core::STABLE_DECADES;
use plotters::coord::Shift;
use plotters::prelude::*;
use serde::{Deserialize, Serialize};

/// |D| beyond which the colour no longer changes.
pub const SATURATION: f64 = 20.0;

/// The map to draw.
#[derive(Debug, Clone, Deserialize)]
pub struct StabilityView {
    /// The σ of every column, increasing (log-spaced).
    pub sigmas: Vec<f64>,
    /// One entry per σ: the column, or `None` while it is not computed yet.
    pub columns: Vec<Option<MapColumn>>,
    /// The deepest network (rows L = 1 … depth).
    pub depth: usize,
    /// The asymptotic critical σ* (χ = 1), if it lies on the map.
    #[serde(default)]
    pub critical: Option<f64>,
    /// A point to mark (the main widget's σ and depth), if any.
    #[serde(default)]
    pub marker: Option<(f64, usize)>,
    /// A narrow canvas (a phone): no legend over the map (the cell's text names the lines) and
    /// a narrower colour bar, so the map keeps most of the width.
    #[serde(default)]
    pub compact: bool,
}

/// Every text the map draws, in the page's language.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct StabilityChartLabels {
    /// The caption.
    pub title: String,
    /// The x axis' title.
    pub x_axis: String,
    /// The y axis' title.
    pub y_axis: String,
    /// Legend: the theory's critical line.
    pub critical_line: String,
    /// Legend: the Goldilocks zone's edges.
    pub band: String,
    /// Legend: σ* of mean-field theory.
    pub asymptote: String,
    /// Colour bar: the vanishing end.
    pub vanishing: String,
    /// Colour bar: the exploding end.
    pub exploding: String,
}

impl Default for StabilityChartLabels {
    fn default() -> Self {
        StabilityChartLabels {
            title: "Decades gained by the backward signal from layer L down to layer 1".into(),
            x_axis: "σ (log scale)".into(),
            y_axis: "depth L".into(),
            critical_line: "critical line (theory)".into(),
            band: "|D| = 2: edges of the Goldilocks zone (theory)".into(),
            asymptote: "σ* where n·σ²·E[φ′(z)²] = 1".into(),
            vanishing: "vanishing".into(),
            exploding: "exploding".into(),
        }
    }
}

/// Where the plot landed, so the page can map a pointer to (σ, L): the plotting area in backend
/// pixels and the data ranges it shows (x in log₁₀ σ).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StabilityOutcome {
    /// Left edge of the plotting area, in backend pixels.
    pub left: i32,
    /// Right edge.
    pub right: i32,
    /// Top edge.
    pub top: i32,
    /// Bottom edge.
    pub bottom: i32,
    /// log₁₀ σ at the left edge.
    pub log_sigma_min: f64,
    /// log₁₀ σ at the right edge.
    pub log_sigma_max: f64,
    /// Depth at the bottom edge.
    pub depth_min: f64,
    /// Depth at the top edge.
    pub depth_max: f64,
    /// Cells drawn from computed columns.
    pub cells: usize,
    /// Of those, cells in the Goldilocks zone (|D| ≤ 2).
    pub stable_cells: usize,
}

/// Steps of the colour scale on each side of 0. Neighbouring steps differ by at most 6 in a
/// channel, too little to see, and a map then holds at most 2·`COLOR_LEVELS` + 3 colours, so
/// the canvas fills all the cells of one colour as one path: one `fill()` per colour instead of
/// one per cell (48 × 200 of them at depth 200).
pub const COLOR_LEVELS: f64 = 40.0;

/// The colour of D: blue below 0, white at 0, orange above, by t = √(|D|/[`SATURATION`]) rounded
/// to a step of 1/[`COLOR_LEVELS`] (NaN: grey).
pub fn decade_color(d: f64) -> RGBColor {
    if d.is_nan() {
        return RGBColor(150, 150, 150);
    }
    let t = ((d.abs() / SATURATION).clamp(0.0, 1.0).sqrt() * COLOR_LEVELS).round() / COLOR_LEVELS;
    let (end_r, end_g, end_b) = if d < 0.0 {
        (0.0, 90.0, 160.0)
    } else {
        (200.0, 80.0, 0.0)
    };
    let mix = |white: f64, end: f64| (white + (end - white) * t).round() as u8;
    RGBColor(mix(255.0, end_r), mix(255.0, end_g), mix(255.0, end_b))
}

/// Where D crosses `level` between two adjacent columns, in log₁₀ σ, by linear interpolation.
fn crossing(a: (f64, f64), b: (f64, f64), level: f64) -> Option<f64> {
    let (xa, da) = a;
    let (xb, db) = b;
    if !(da.is_finite() && db.is_finite()) || (da - level) * (db - level) > 0.0 || da == db {
        return None;
    }
    Some(xa + (xb - xa) * (level - da) / (db - da))
}

/// For each depth, the log₁₀ σ at which the theory's D first crosses `level` (left to right).
fn theory_line(view: &StabilityView, level: f64) -> Vec<(f64, f64)> {
    let mut line = Vec::new();
    for l in 2..=view.depth {
        let points: Vec<(f64, f64)> = view
            .sigmas
            .iter()
            .zip(&view.columns)
            .filter_map(|(&s, c)| {
                let c = c.as_ref()?;
                Some((s.log10(), *c.theory.get(l - 1)?))
            })
            .collect();
        if let Some(x) = points.windows(2).find_map(|w| crossing(w[0], w[1], level)) {
            line.push((x, l as f64));
        }
    }
    line
}

/// Draws the map on `area`.
pub fn draw_stability_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &StabilityView,
    labels: &StabilityChartLabels,
    style: &ChartStyle,
) -> Result<StabilityOutcome, ChartError> {
    area.fill(&WHITE)?;
    let logs: Vec<f64> = view
        .sigmas
        .iter()
        .map(|s| s.log10())
        .filter(|x| x.is_finite())
        .collect();
    let (mut x_min, mut x_max) = logs
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    if x_min.partial_cmp(&x_max) != Some(std::cmp::Ordering::Less) {
        (x_min, x_max) = (-3.0, 1.0);
    }
    // Each column covers half the gap to its neighbours.
    let half = if logs.len() > 1 {
        0.5 * (x_max - x_min) / (logs.len() - 1) as f64
    } else {
        0.5
    };
    let (x_lo, x_hi) = (x_min - half, x_max + half);
    let depth = view.depth.max(1);
    let (y_lo, y_hi) = (0.5, depth as f64 + 0.5);

    let bar_width = if view.compact { 52.0 } else { 76.0 };
    let (plot, bar) = area.split_horizontally(area.dim_in_pixel().0 as i32 - style.px(bar_width));
    let frame = Frame::titled(
        &plot,
        style,
        (&labels.title, 15.0),
        (40.0, 48.0),
        (x_lo, x_hi),
        (y_lo, y_hi),
    )?;
    // σ at whole decades, layers at whole numbers.
    let x_ticks: Vec<Tick> = (nice_ticks(x_lo, x_hi, (x_hi - x_lo).ceil() as usize + 1, 1.0))
        .into_iter()
        .map(|x| (x, power_of_ten(x)))
        .collect();
    let y_ticks: Vec<Tick> = (nice_ticks(y_lo, y_hi, 8, 1.0).into_iter())
        .map(|y| (y, format!("{}", y as i64)))
        .collect();
    let mut axes = Axes::new(&x_ticks, &y_ticks, &labels.x_axis, &labels.y_axis);
    axes.grid = false;
    frame.draw_axes(style, &axes)?;

    let mut cells = 0;
    let mut stable_cells = 0;
    let mut rects = Vec::new();
    for (&s, column) in view.sigmas.iter().zip(&view.columns) {
        let x = s.log10();
        if !x.is_finite() {
            continue;
        }
        let (left, right) = (x - half, x + half);
        // A rectangle of colour c over this column's rows from..to.
        let strip = |c: RGBColor, from: f64, to: f64| (c, (left, from), (right, to));
        match column {
            None => rects.push(strip(RGBColor(236, 236, 236), y_lo, y_hi)),
            Some(c) => {
                // Rows of one colour next to each other in a column are one rectangle (a deep
                // map is mostly saturated runs).
                let mut run: Option<(RGBColor, f64, f64)> = None; // (colour, from, to)
                for (l, &d) in c.decades.iter().enumerate().take(depth) {
                    let y = (l + 1) as f64;
                    cells += 1;
                    if d.abs() <= STABLE_DECADES {
                        stable_cells += 1;
                    }
                    let color = decade_color(d);
                    match &mut run {
                        Some((c, _, to)) if *c == color => *to = y + 0.5,
                        _ => {
                            if let Some((c, from, to)) = run.replace((color, y - 0.5, y + 0.5)) {
                                rects.push(strip(c, from, to));
                            }
                        }
                    }
                }
                if let Some((c, from, to)) = run {
                    rects.push(strip(c, from, to));
                }
            }
        }
    }
    // Cells of one colour one after the other: the canvas joins them into one path.
    rects.sort_by_key(|(c, _, _)| (c.0, c.1, c.2));
    for (c, a, b) in rects {
        frame.rect(a, b, c.filled())?;
    }

    let line = |color, kind, width| Swatch::Line {
        color,
        kind,
        marker: Marker::None,
        width,
    };
    let mut legend = vec![LegendEntry {
        label: labels.critical_line.clone(),
        swatch: line(palette::INK, LineKind::Solid, 3.0),
    }];
    frame.polyline(
        theory_line(view, 0.0),
        palette::INK.stroke_width(style.stroke(2.5)),
    )?;
    let dash = style.px(6.0).max(2);
    for level in [-STABLE_DECADES, STABLE_DECADES] {
        let stroke = palette::INK.stroke_width(style.stroke(1.5));
        frame.dashed(theory_line(view, level), (dash, dash), stroke)?;
    }
    legend.push(LegendEntry {
        label: labels.band.clone(),
        swatch: line(palette::INK, LineKind::Dashed, 1.5),
    });
    if let Some(star) = view.critical.filter(|s| *s > 0.0) {
        let x = star.log10();
        if x > x_lo && x < x_hi {
            frame.dashed(
                [(x, y_lo), (x, y_hi)],
                (style.px(2.0).max(1), style.px(4.0).max(2)),
                palette::PURPLE.stroke_width(style.stroke(2.0)),
            )?;
            legend.push(LegendEntry {
                label: labels.asymptote.clone(),
                swatch: line(palette::PURPLE, LineKind::Dashed, 3.0),
            });
        }
    }
    if let Some((s, l)) = view.marker {
        let (x, y) = (s.log10(), l as f64);
        if x.is_finite() && x > x_lo && x < x_hi && y >= y_lo && y <= y_hi {
            let ring = Circle::new(
                frame.at((x, y)),
                style.px(6.0),
                palette::INK.stroke_width(style.stroke(2.0)),
            );
            frame.plot.draw(&ring)?;
        }
    }
    if !view.compact {
        draw_legend_box(&frame.plot, &legend, Corner::UpperLeft, (8.0, 26.0), style)?;
    }

    draw_color_bar(&bar, labels, style)?;

    let (left, top, right, bottom) = frame.edges();
    Ok(StabilityOutcome {
        left,
        right,
        top,
        bottom,
        log_sigma_min: x_lo,
        log_sigma_max: x_hi,
        depth_min: y_lo,
        depth_max: y_hi,
        cells,
        stable_cells,
    })
}

/// The colour bar: D from −[`SATURATION`] (bottom) to +[`SATURATION`] (top), labelled.
fn draw_color_bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    labels: &StabilityChartLabels,
    style: &ChartStyle,
) -> Result<(), ChartError> {
    let layout = Layout {
        title: "",
        title_size: 0.0,
        margin: [40.0, 6.0, 40.0, 0.0],
        bands: (0.0, 36.0),
    };
    let frame = Frame::new(area, style, &layout, (0.0, 1.0), (-SATURATION, SATURATION))?;
    let y_ticks: Vec<Tick> = (nice_ticks(-SATURATION, SATURATION, 5, 1.0).into_iter())
        .map(|d| {
            (
                d,
                if d == 0.0 {
                    "0".into()
                } else {
                    format!("{d:+}")
                },
            )
        })
        .collect();
    let mut axes = Axes::new(&[], &y_ticks, "", "");
    (axes.label_size, axes.grid, axes.x_axis) = (11.0, false, false);
    frame.draw_axes(style, &axes)?;
    let steps = 80;
    for k in 0..steps {
        let lo = -SATURATION + 2.0 * SATURATION * k as f64 / steps as f64;
        let hi = lo + 2.0 * SATURATION / steps as f64;
        frame.rect((0.0, lo), (1.0, hi), decade_color(0.5 * (lo + hi)).filled())?;
    }
    // The ends' names go above and below the bar, in the margins left for them.
    let font = style.font(11.0).color(&palette::INK);
    let height = area.dim_in_pixel().1 as i32;
    area.draw_text(&labels.exploding, &font, (style.px(2.0), style.px(22.0)))?;
    area.draw_text(
        &labels.vanishing,
        &font,
        (style.px(2.0), height - style.px(30.0)),
    )?;
    Ok(())
}
