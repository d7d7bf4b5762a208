//! A chart's frame, drawn straight on a plotters drawing area: the caption, the plot rectangle,
//! its grid, axes, tick marks and tick labels, the axis titles, and the linear map from data to
//! the plot's pixels.
//!
//! Every chart draws its frame with this, in one look, with the ticks it chooses itself (whole
//! numbers, whole decades, 1-2-5 steps: [`super::axis`]). It replaces plotters' `ChartBuilder`,
//! coordinate systems, mesh and series labels, which made most of the charts' code in the wasm
//! (issue 10 §3): the main widget's wasm lost about 12 kB (gzipped) when its chart stopped using
//! them.

use super::{palette, ChartError, ChartStyle};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A labelled tick: its position in data units and its text.
pub type Tick = (f64, String);

/// Where a frame's plot goes in its area, in CSS pixels.
#[derive(Debug, Clone, Copy)]
pub struct Layout<'a> {
    /// The caption, centred above the plot ("" for none).
    pub title: &'a str,
    /// The caption's size.
    pub title_size: f64,
    /// The space left empty on each side of the area: top, right, bottom, left.
    pub margin: [f64; 4],
    /// The band below the plot (the x tick labels and title) and the one left of it (the y ones).
    pub bands: (f64, f64),
}

impl<'a> Layout<'a> {
    /// The common layout: `title` in `size` px, a margin of 10 px all round, and `bands`.
    pub fn titled(title: &'a str, size: f64, bands: (f64, f64)) -> Self {
        Layout {
            title,
            title_size: size,
            margin: [10.0; 4],
            bands,
        }
    }
}

/// What a frame's axes show.
#[derive(Debug, Clone, Copy)]
pub struct Axes<'a> {
    /// The x ticks (outside the plot's x range: left out).
    pub x: &'a [Tick],
    /// The y ticks (likewise).
    pub y: &'a [Tick],
    /// The x axis' title ("" for none).
    pub x_title: &'a str,
    /// The y axis' title ("" for none).
    pub y_title: &'a str,
    /// The tick labels' size, CSS px.
    pub label_size: f64,
    /// The axis titles' size, CSS px.
    pub title_size: f64,
    /// Grey grid lines across the plot at the ticks.
    pub grid: bool,
    /// The x axis' line and tick marks (the y axis always has them).
    pub x_axis: bool,
}

impl<'a> Axes<'a> {
    /// Axes with `x` and `y` ticks, titles `x_title` and `y_title`, labels of 12 px, titles of
    /// 13 px, a grid and both axis lines.
    pub fn new(x: &'a [Tick], y: &'a [Tick], x_title: &'a str, y_title: &'a str) -> Self {
        Axes {
            x,
            y,
            x_title,
            y_title,
            label_size: 12.0,
            title_size: 13.0,
            grid: true,
            x_axis: true,
        }
    }
}

/// The plot rectangle of a chart and the linear map from data to its pixels.
///
/// A point (x, y) lands at pixel
/// `(w − 1)·(x − x₀)/(x₁ − x₀)` across and `(h − 1)·(y₁ − y)/(y₁ − y₀)` down the plot area of
/// `w × h` pixels: x₀ on its left edge, x₁ on its right, y₀ on its bottom, y₁ on its top.
pub struct Frame<DB: DrawingBackend> {
    /// The plot rectangle as its own drawing area (the origin is its top left pixel). What is
    /// drawn on it is held inside it (plotters moves every point of an element into the area).
    pub plot: DrawingArea<DB, Shift>,
    /// The plot with its bands: the axes, ticks and labels are drawn on it.
    framed: DrawingArea<DB, Shift>,
    x: (f64, f64),
    y: (f64, f64),
    /// The bands' sizes in pixels: below the plot, left of it.
    bands: (i32, i32),
}

impl<DB: DrawingBackend> Frame<DB> {
    /// Lays a frame out on `area` by `layout` (drawing its caption), the plot spanning x from
    /// `x.0` to `x.1` and y from `y.0` to `y.1`.
    pub fn new(
        area: &DrawingArea<DB, Shift>,
        style: &ChartStyle,
        layout: &Layout,
        x: (f64, f64),
        y: (f64, f64),
    ) -> Result<Self, ChartError> {
        let [top, right, bottom, left] = layout.margin.map(|m| style.px(m));
        let inner = area.margin(top, bottom, left, right);
        let inner = if layout.title.is_empty() {
            inner
        } else {
            let font = style.font(layout.title_size).color(&palette::INK);
            inner.titled(layout.title, font)?
        };
        let bands = (style.px(layout.bands.0), style.px(layout.bands.1));
        let plot = inner.margin(0, bands.0, bands.1, 0);
        Ok(Frame {
            plot,
            framed: inner,
            x,
            y,
            bands,
        })
    }

    /// [`Frame::new`] with [`Layout::titled`]`(title, size, bands)`.
    pub fn titled(
        area: &DrawingArea<DB, Shift>,
        style: &ChartStyle,
        (title, size): (&str, f64),
        bands: (f64, f64),
        x: (f64, f64),
        y: (f64, f64),
    ) -> Result<Self, ChartError> {
        Frame::new(area, style, &Layout::titled(title, size, bands), x, y)
    }

    /// The pixel of data point `(x, y)` in the plot area (see [`Frame`]); a coordinate beyond
    /// the range of an `i32` saturates, NaN lands on 0 (the plot's left or top edge).
    pub fn at(&self, (x, y): (f64, f64)) -> (i32, i32) {
        let (w, h) = self.plot.dim_in_pixel();
        let across = (x - self.x.0) / (self.x.1 - self.x.0) * (f64::from(w) - 1.0);
        let down = (self.y.1 - y) / (self.y.1 - self.y.0) * (f64::from(h) - 1.0);
        (across.round() as i32, down.round() as i32)
    }

    /// The plot's edges in the backend's pixels: `(left, top, right, bottom)`, where x₀, y₁, x₁
    /// and y₀ land (a page inverts [`Frame::at`] with them, for a pointer over the chart).
    pub fn edges(&self) -> (i32, i32, i32, i32) {
        let (x0, y0) = self.plot.get_base_pixel();
        let (w, h) = self.plot.dim_in_pixel();
        (x0, y0, x0 + w as i32 - 1, y0 + h as i32 - 1)
    }

    /// Draws the grid and the axes of `axes`: a grey line across the plot at each tick (if
    /// `grid`), an ink axis just outside the plot's left and bottom edges with a tick mark of 5
    /// CSS px outwards at each tick, the ticks' labels 10 px from the axis, and the axis titles (the x
    /// title centred along the bottom of its band, the y title turned a quarter left and centred
    /// along the left of its band).
    pub fn draw_axes(&self, style: &ChartStyle, axes: &Axes) -> Result<(), ChartError> {
        let (w, h) = self.plot.dim_in_pixel();
        let (w, h) = (w as i32 - 1, h as i32 - 1);
        let inside = |v: f64, (a, b): (f64, f64)| v >= a.min(b) - 1e-9 && v <= a.max(b) + 1e-9;
        let xs: Vec<(i32, &str)> = (axes.x.iter())
            .filter(|(v, _)| inside(*v, self.x))
            .map(|(v, t)| (self.at((*v, self.y.0)).0, t.as_str()))
            .collect();
        let ys: Vec<(i32, &str)> = (axes.y.iter())
            .filter(|(v, _)| inside(*v, self.y))
            .map(|(v, t)| (self.at((self.x.0, *v)).1, t.as_str()))
            .collect();

        // Everything is drawn on the area that holds the plot and its bands (drawn on the plot's
        // own area, a tick mark outside it would be cut to nothing): the plot's pixel (x, y) is
        // its (x + y_band, y).
        let (x_band, y_band) = self.bands;
        let segment = |(x0, y0): (i32, i32), (x1, y1): (i32, i32), style: ShapeStyle| {
            let path = PathElement::new(vec![(x0 + y_band, y0), (x1 + y_band, y1)], style);
            self.framed.draw(&path)
        };
        if axes.grid {
            let grid = palette::GRID.stroke_width(style.stroke(1.0));
            for &(x, _) in &xs {
                segment((x, 0), (x, h), grid)?;
            }
            for &(y, _) in &ys {
                segment((0, y), (w, y), grid)?;
            }
        }
        let ink = palette::INK.stroke_width(style.stroke(1.0));
        let line = |a, b| segment(a, b, ink);
        let text = |text: &str, font: &TextStyle, (x, y): (i32, i32)| {
            self.framed.draw_text(text, font, (x + y_band, y))
        };
        let (tick, gap) = (style.px(5.0), style.px(10.0));
        let font = style.font(axes.label_size).color(&palette::INK);
        // The axes run along the plot, one pixel outside it, so that no data covers them.
        line((-1, 0), (-1, h + 1))?;
        if axes.x_axis {
            line((-1, h + 1), (w, h + 1))?;
            let below = font.pos(Pos::new(HPos::Center, VPos::Top));
            for &(x, label) in &xs {
                line((x, h + 1), (x, h + 1 + tick))?;
                text(label, &below, (x, h + gap))?;
            }
        }
        let left = font.pos(Pos::new(HPos::Right, VPos::Center));
        for &(y, label) in &ys {
            line((-1 - tick, y), (-1, y))?;
            text(label, &left, (-gap, y))?;
        }

        let font = style.font(axes.title_size).color(&palette::INK);
        if !axes.x_title.is_empty() {
            let x_font = font.pos(Pos::new(HPos::Center, VPos::Bottom));
            text(axes.x_title, &x_font, (w / 2, h + 1 + x_band))?;
        }
        if !axes.y_title.is_empty() {
            let y_font = font
                .transform(FontTransform::Rotate270)
                .pos(Pos::new(HPos::Center, VPos::Top));
            text(axes.y_title, &y_font, (-y_band, h / 2))?;
        }
        Ok(())
    }

    /// Draws a polyline through data points `points` (pixels are joined as they come).
    pub fn polyline(
        &self,
        points: impl IntoIterator<Item = (f64, f64)>,
        stroke: ShapeStyle,
    ) -> Result<(), ChartError> {
        let pixels: Vec<(i32, i32)> = points.into_iter().map(|p| self.at(p)).collect();
        self.plot.draw(&PathElement::new(pixels, stroke))?;
        Ok(())
    }

    /// Draws a dashed polyline through data points `points`: dashes of `dash` pixels, gaps of
    /// `gap`.
    pub fn dashed(
        &self,
        points: impl IntoIterator<Item = (f64, f64)>,
        (dash, gap): (i32, i32),
        stroke: ShapeStyle,
    ) -> Result<(), ChartError> {
        let pixels: Vec<(i32, i32)> = points.into_iter().map(|p| self.at(p)).collect();
        self.plot
            .draw(&DashedPathElement::new(pixels, dash, gap, stroke))?;
        Ok(())
    }

    /// Draws the data rectangle with corners `a` and `b` filled with `fill`.
    pub fn rect(&self, a: (f64, f64), b: (f64, f64), fill: ShapeStyle) -> Result<(), ChartError> {
        self.plot
            .draw(&Rectangle::new([self.at(a), self.at(b)], fill))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 400 × 300 SVG with a frame of bands (40, 64) and a margin of 10 px, x from 0 to 10 and
    /// y from −1 to 1; `draw` runs on it and the SVG text comes back.
    fn framed(draw: impl FnOnce(&Frame<SVGBackend>)) -> String {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            let layout = Layout::titled("", 0.0, (40.0, 64.0));
            let frame = Frame::new(
                &area,
                &ChartStyle::default(),
                &layout,
                (0.0, 10.0),
                (-1.0, 1.0),
            )
            .expect("a frame");
            draw(&frame);
        }
        svg
    }

    #[test]
    fn the_corners_of_the_data_land_on_the_edges_of_the_plot() {
        framed(|f| {
            // Left = margin + y band, right = width − margin − 1, top = margin,
            // bottom = height − margin − x band − 1.
            assert_eq!(f.edges(), (74, 10, 389, 249));
            let (left, top, right, bottom) = f.edges();
            let (base_x, base_y) = f.plot.get_base_pixel();
            let absolute = |p| {
                let (x, y) = f.at(p);
                (base_x + x, base_y + y)
            };
            assert_eq!(absolute((0.0, 1.0)), (left, top));
            assert_eq!(absolute((10.0, -1.0)), (right, bottom));
            // The middle of the data is the middle of the plot (to the pixel).
            assert_eq!(
                absolute((5.0, 0.0)),
                ((left + right + 1) / 2, (top + bottom + 1) / 2)
            );
        });
    }

    #[test]
    fn the_axes_run_just_outside_the_plot_and_data_stays_inside() {
        let svg = framed(|f| {
            let ticks = [(0.0, "0".to_string()), (5.0, "5".to_string())];
            let axes = Axes::new(&ticks, &[], "x", "y");
            f.draw_axes(&ChartStyle::default(), &axes).expect("axes");
            // A line far beyond the plot is held inside it.
            f.polyline([(-100.0, 0.0), (100.0, 0.0)], RED.into())
                .expect("a line");
        });
        // The y axis one pixel left of the plot, the x axis one pixel below it, from corner to
        // corner; each x tick's mark goes 5 px down from the axis.
        assert!(svg.contains(r#"points="73,10 73,250 ""#), "{svg}");
        assert!(svg.contains(r#"points="73,250 389,250 ""#), "{svg}");
        assert!(svg.contains(r#"points="74,250 74,255 ""#), "{svg}");
        // The line is cut at the plot's edges (plotters holds a point to x0 ..= x1, x1 being one
        // past the last column).
        assert!(svg.contains(r#"points="74,130 390,130 ""#), "{svg}");
    }
}
