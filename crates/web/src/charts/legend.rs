//! A chart's legend: rows of a swatch (a short line, a marker, an edge marker) and a text, in a
//! box in one corner of the plot or below it. Drawn with the backend's own text measure, not
//! plotters' series labels (which measure text through the font code: in the browser, a `<span>`
//! added to the page and a forced layout per line).

use super::marks::{LineKind, Marker};
use super::{palette, ChartError, ChartStyle};
use plotters::coord::Shift;
use plotters::prelude::*;

/// What a legend entry shows beside its text.
#[derive(Debug, Clone, Copy)]
pub enum Swatch {
    /// A short solid or dashed line in a series' colour, `width` CSS px thick, with its marker.
    Line {
        /// The series' colour.
        color: RGBColor,
        /// Solid or dashed.
        kind: LineKind,
        /// The mark in the middle ([`Marker::None`] for none).
        marker: Marker,
        /// The line's thickness, CSS px.
        width: f64,
    },
    /// A marker alone (a point drawn on the chart).
    Mark(RGBColor, Marker),
    /// The bottom-edge marker (a value that is exactly 0).
    Down,
    /// The top-edge marker (∞ or NaN).
    Up,
}

impl Swatch {
    /// A line of 2 CSS px.
    pub fn line(color: RGBColor, kind: LineKind, marker: Marker) -> Self {
        Swatch::Line {
            color,
            kind,
            marker,
            width: 2.0,
        }
    }

    fn color(self) -> RGBColor {
        match self {
            Swatch::Line { color, .. } | Swatch::Mark(color, _) => color,
            Swatch::Down | Swatch::Up => palette::ALERT,
        }
    }

    /// The swatch as three filled polygons around (0, 0): edge markers of half-size `sc`, line
    /// samples of half-length `sw` (a dashed sample is two pieces) with the series' marker in
    /// the middle (an empty polygon when it has none).
    fn shapes(self, sc: i32, sw: i32, style: &ChartStyle) -> [Vec<(i32, i32)>; 3] {
        let bar = |width: f64, x0: i32, x1: i32| {
            let t = (style.stroke(width) as i32).max(2) / 2;
            vec![(x0, -t), (x1, -t), (x1, t), (x0, t)]
        };
        let mark = |m: Marker| m.outline(sc * 3 / 4);
        match self {
            Swatch::Line {
                kind: LineKind::Solid,
                marker,
                width,
                ..
            } => [bar(width, -sw, 0), bar(width, 0, sw), mark(marker)],
            Swatch::Line {
                kind: LineKind::Dashed,
                marker,
                width,
                ..
            } => [
                bar(width, -sw, -sw / 3),
                bar(width, sw / 3, sw),
                mark(marker),
            ],
            Swatch::Mark(_, marker) => [Vec::new(), Vec::new(), marker.outline(sc)],
            Swatch::Down => {
                let tri = vec![(-sc, -sc), (sc, -sc), (0, sc)];
                [tri.clone(), tri, Vec::new()]
            }
            Swatch::Up => {
                let tri = vec![(-sc, sc), (sc, sc), (0, -sc)];
                [tri.clone(), tri, Vec::new()]
            }
        }
    }
}

/// One row of a legend.
#[derive(Debug, Clone)]
pub struct LegendEntry {
    /// The text.
    pub label: String,
    /// What is drawn before it.
    pub swatch: Swatch,
}

/// A corner of the plot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corner {
    /// Top left.
    UpperLeft,
    /// Top right.
    UpperRight,
    /// Bottom left.
    LowerLeft,
    /// Bottom right.
    LowerRight,
}

/// One legend row: the entry's swatch centred at `centre`, its text from `text_at` (top left).
fn draw_row<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entry: &LegendEntry,
    centre: (i32, i32),
    text_at: (i32, i32),
    font: &TextStyle,
    style: &ChartStyle,
) -> Result<(), ChartError> {
    let [a, b, m] = entry.swatch.shapes(style.px(5.0), style.px(9.0), style);
    let fill = entry.swatch.color().filled();
    area.draw(
        &(EmptyElement::at(centre)
            + Polygon::new(a, fill)
            + Polygon::new(b, fill)
            + Polygon::new(m, fill)),
    )?;
    area.draw(&Text::new(entry.label.clone(), text_at, font.clone()))?;
    Ok(())
}

/// The legend as rows of swatch + text in `area` (below a narrow plot).
pub fn draw_legend_below<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[LegendEntry],
    style: &ChartStyle,
) -> Result<(), ChartError> {
    let row = style.px(17.0);
    let font = style.font(12.0).color(&palette::INK);
    for (i, e) in entries.iter().enumerate() {
        let y = style.px(4.0) + row * i as i32 + row / 2;
        let x = style.px(22.0);
        draw_row(
            area,
            e,
            (x, y),
            (x + style.px(16.0), y - style.px(7.0)),
            &font,
            style,
        )?;
    }
    Ok(())
}

/// The legend as a box of rows (swatch + text) in `corner` of the plot `area`: `margin` CSS px
/// of space inside a translucent white box with a grey border, a swatch column `swatch` px
/// wide, 12 px ink text, 5 px from the plot's edges.
pub fn draw_legend_box<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[LegendEntry],
    corner: Corner,
    (margin, swatch): (f64, f64),
    style: &ChartStyle,
) -> Result<(), ChartError> {
    if entries.is_empty() {
        return Ok(());
    }
    let font = style.font(12.0).color(&palette::INK);
    let line_height = 1.25 * 12.0 * style.scale;
    let top = |i: usize| (i as f64 * line_height).round() as i32;
    let heights = entries
        .iter()
        .map(|e| area.estimate_text_size(&e.label, &font))
        .collect::<Result<Vec<_>, _>>()?;
    let text_w = heights.iter().map(|&(w, _)| w as i32).max().unwrap_or(0);
    let text_h = (heights.iter().enumerate())
        .map(|(i, &(_, h))| top(i) + h as i32)
        .max()
        .unwrap_or(0);
    let (margin, swatch) = (style.px(margin), style.px(swatch));
    let (w, h) = (text_w + swatch + 2 * margin, text_h + 2 * margin);
    let (area_w, area_h) = area.dim_in_pixel();
    let (area_w, area_h) = (area_w as i32, area_h as i32);
    let x = match corner {
        Corner::UpperLeft | Corner::LowerLeft => 5,
        _ => area_w - w - 5,
    };
    let y = match corner {
        Corner::LowerLeft | Corner::LowerRight => area_h - h - 5,
        _ => 5,
    };
    area.draw(&Rectangle::new(
        [(x, y), (x + w, y + h)],
        WHITE.mix(0.85).filled(),
    ))?;
    area.draw(&Rectangle::new([(x, y), (x + w, y + h)], palette::GRID))?;
    // Each row: its swatch centred in the swatch column, its text after it.
    for (i, (e, &(_, text_h))) in entries.iter().zip(&heights).enumerate() {
        let y0 = y + margin + top(i);
        let centre = (x + margin + swatch / 2, y0 + text_h as i32 / 2);
        draw_row(area, e, centre, (x + margin + swatch, y0), &font, style)?;
    }
    Ok(())
}

/// Of the four `corners` (the first wins a tie), the one whose box holds the fewest `points`,
/// for a legend to hide as little as possible. A box spans the plot's `x0..x1` below its
/// `left` fraction (left corners) or above its `right` fraction (right corners), and
/// `y0..y1` below 0.35 (lower corners) or above 0.65 (upper corners).
pub fn emptiest_corner(
    points: &[(f64, f64)],
    ((x0, x1), (left, right)): ((f64, f64), (f64, f64)),
    (y0, y1): (f64, f64),
    corners: [Corner; 4],
) -> Corner {
    let count = |right_side: bool, top: bool| {
        points
            .iter()
            .filter(|&&(x, y)| {
                let fx = (x - x0) / (x1 - x0);
                let fy = (y - y0) / (y1 - y0);
                (if right_side { fx > right } else { fx < left })
                    && (if top { fy > 0.65 } else { fy < 0.35 })
            })
            .count()
    };
    corners
        .into_iter()
        .min_by_key(|p| match p {
            Corner::UpperRight => count(true, true),
            Corner::UpperLeft => count(false, true),
            Corner::LowerRight => count(true, false),
            Corner::LowerLeft => count(false, false),
        })
        .unwrap_or(Corner::UpperRight)
}
