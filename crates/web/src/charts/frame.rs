//! A chart's frame, drawn straight on a plotters drawing area: the caption, the plot rectangle,
//! its grid, axes, tick marks and tick labels, the axis titles, and the linear map from data to
//! the plot's pixels.
//!
//! It does for the log charts what plotters' `ChartBuilder` and mesh did, in the same look, with
//! the ticks chosen by the chart (whole numbers, whole decades) instead of by plotters' key-point
//! search. The wasm of the main widget then carries no chart builder, coordinate system or mesh
//! code: measured on the widget's build, plotters' chart layer was most of the chart's 32 kB
//! (gzipped) of drawing code (issue 10 §3).

use super::{palette, ChartError, ChartStyle};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A labelled tick: its position in data units and its text.
pub type Tick = (f64, String);

/// The plot rectangle of a chart and the linear map from data to its pixels.
///
/// A point (x, y) lands at pixel
/// `(w − 1)·(x − x₀)/(x₁ − x₀)` across and `(h − 1)·(y₁ − y)/(y₁ − y₀)` down the plot area of
/// `w × h` pixels: x₀ on its left edge, x₁ on its right, y₀ on its bottom, y₁ on its top.
pub struct Frame<DB: DrawingBackend> {
    /// The plot rectangle as its own drawing area (the origin is its top left pixel).
    pub plot: DrawingArea<DB, Shift>,
    x: (f64, f64),
    y: (f64, f64),
    /// The bands' sizes in pixels: below the plot, left of it.
    bands: (i32, i32),
}

impl<DB: DrawingBackend> Frame<DB> {
    /// Lays a frame out on `area`: a margin of 10 CSS px all round, `title` centred at the top in
    /// `size` CSS px of ink, a band of `x_axis` CSS px below the plot (the x tick labels and
    /// title) and one of `y_axis` CSS px to its left (the y ones); the plot spans x from
    /// `x.0` to `x.1` and y from `y.0` to `y.1`. Draws the title.
    pub fn titled(
        area: &DrawingArea<DB, Shift>,
        style: &ChartStyle,
        title: &str,
        size: f64,
        (x_axis, y_axis): (f64, f64),
        x: (f64, f64),
        y: (f64, f64),
    ) -> Result<Self, ChartError> {
        let m = style.px(10.0);
        let inner = area.margin(m, m, m, m);
        let inner = if title.is_empty() {
            inner
        } else {
            inner.titled(title, style.font(size).color(&palette::INK))?
        };
        let bands = (style.px(x_axis), style.px(y_axis));
        let plot = inner.margin(0, bands.0, bands.1, 0);
        Ok(Frame { plot, x, y, bands })
    }

    /// The pixel of data point `(x, y)` in the plot area (see [`Frame`]); a non-finite
    /// coordinate saturates to the nearest representable pixel.
    pub fn at(&self, (x, y): (f64, f64)) -> (i32, i32) {
        let (w, h) = self.plot.dim_in_pixel();
        let across = (x - self.x.0) / (self.x.1 - self.x.0) * (f64::from(w) - 1.0);
        let down = (self.y.1 - y) / (self.y.1 - self.y.0) * (f64::from(h) - 1.0);
        (across.round() as i32, down.round() as i32)
    }

    /// Draws the grid and the axes: a grey line across the plot at each tick, an ink axis along
    /// its left and bottom edges with a tick mark of 5 CSS px outside at each tick, the ticks'
    /// labels (`label` CSS px, 10 px from the axis) and the axis titles (`desc` CSS px: the x
    /// title centred along the bottom of its band, the y title turned a quarter left and
    /// centred along the left of its band). Ticks outside the plot's range are left out.
    pub fn draw_axes(
        &self,
        style: &ChartStyle,
        (x_ticks, y_ticks): (&[Tick], &[Tick]),
        (x_title, y_title): (&str, &str),
        (label, desc): (f64, f64),
    ) -> Result<(), ChartError> {
        let (w, h) = self.plot.dim_in_pixel();
        let (w, h) = (w as i32 - 1, h as i32 - 1);
        let (x_band, y_band) = self.bands;
        let inside = |v: f64, (a, b): (f64, f64)| v >= a.min(b) - 1e-9 && v <= a.max(b) + 1e-9;
        let xs: Vec<(i32, &str)> = (x_ticks.iter())
            .filter(|(v, _)| inside(*v, self.x))
            .map(|(v, t)| (self.at((*v, self.y.0)).0, t.as_str()))
            .collect();
        let ys: Vec<(i32, &str)> = (y_ticks.iter())
            .filter(|(v, _)| inside(*v, self.y))
            .map(|(v, t)| (self.at((self.x.0, *v)).1, t.as_str()))
            .collect();

        let grid = palette::GRID.stroke_width(style.stroke(1.0));
        for &(x, _) in &xs {
            self.line((x, 0), (x, h), grid)?;
        }
        for &(y, _) in &ys {
            self.line((0, y), (w, y), grid)?;
        }
        let ink = palette::INK.stroke_width(style.stroke(1.0));
        self.line((0, 0), (0, h), ink)?;
        self.line((0, h), (w, h), ink)?;

        let (tick, gap) = (style.px(5.0), style.px(10.0));
        let font = style.font(label).color(&palette::INK);
        let below = font.pos(Pos::new(HPos::Center, VPos::Top));
        for &(x, text) in &xs {
            self.line((x, h), (x, h + tick), ink)?;
            self.plot.draw_text(text, &below, (x, h + gap))?;
        }
        let left = font.pos(Pos::new(HPos::Right, VPos::Center));
        for &(y, text) in &ys {
            self.line((-tick, y), (0, y), ink)?;
            self.plot.draw_text(text, &left, (-gap, y))?;
        }

        let font = style.font(desc).color(&palette::INK);
        let x_font = font.pos(Pos::new(HPos::Center, VPos::Bottom));
        self.plot
            .draw_text(x_title, &x_font, (w / 2, h + 1 + x_band))?;
        let y_font = font
            .transform(FontTransform::Rotate270)
            .pos(Pos::new(HPos::Center, VPos::Top));
        self.plot.draw_text(y_title, &y_font, (-y_band, h / 2))?;
        Ok(())
    }

    fn line(&self, a: (i32, i32), b: (i32, i32), style: ShapeStyle) -> Result<(), ChartError> {
        self.plot.draw(&PathElement::new(vec![a, b], style))?;
        Ok(())
    }
}
