//! A lean plotters [`DrawingBackend`] over a canvas' 2D context, in place of plotters-canvas.
//!
//! Measured in Chromium on the main chart (issue 10 §4), plotters-canvas spent most of a redraw
//! outside the canvas: plotters' wasm font code measures every text by appending a `<span>` to
//! the document and reading its `offsetHeight`, which forces a layout of the whole page, several
//! times per chart. This backend
//!
//! - measures text with the canvas' own `measureText`, and remembers each (font, text) size;
//! - joins consecutive strokes of one style, and consecutive opaque fills of one colour, into
//!   one path with a single `stroke()` or `fill()` (the mesh's grid lines, a series' dashes,
//!   its markers);
//! - sets `fillStyle`, `strokeStyle`, `lineWidth`, `font`, `textAlign` and `textBaseline` only
//!   when they change.
//!
//! The chart functions are unchanged and stay generic over the backend: the SVG export draws
//! the same functions with plotters' SVG backend.

use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform,
};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A canvas drawing failure, as text.
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "canvas: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

fn js_error(e: JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(
        e.as_string()
            .or_else(|| js_sys::JSON::stringify(&e).ok().and_then(|s| s.as_string()))
            .unwrap_or_else(|| "unknown error".into()),
    ))
}

/// What the open path will be painted with when it is flushed.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    /// Nothing is open.
    None,
    /// Stroke with the current `strokeStyle` and `lineWidth`.
    Stroke,
    /// Fill with the current `fillStyle`.
    Fill,
}

/// The context state last set by this backend (so that an unchanged value is not set again).
#[derive(Default)]
struct Set {
    fill: String,
    stroke: String,
    width: Option<u32>,
    font: String,
    align: &'static str,
    baseline: &'static str,
}

/// Draws on an HTML canvas through its 2D context; see the module's documentation.
pub struct LeanCanvas {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    pending: Pending,
    set: Set,
}

thread_local! {
    /// The measured size of each (font, text) pair: a chart's labels repeat from one redraw to
    /// the next. A list searched from the end (a chart's few dozen texts; the most recent are
    /// found first), cleared when it grows past 512 entries.
    static TEXT_SIZES: RefCell<Vec<(String, (u32, u32))>> = const { RefCell::new(Vec::new()) };
}

fn css_color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    if c.alpha >= 1.0 {
        format!("rgb({r},{g},{b})")
    } else {
        format!("rgba({r},{g},{b},{})", c.alpha)
    }
}

fn css_font<S: BackendTextStyle>(style: &S) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        style.size(),
        style.family().as_str()
    )
}

impl LeanCanvas {
    /// The backend for `canvas`, or `None` if it has no 2D context.
    ///
    /// An `OffscreenCanvas` (in a Worker) is drawn on too: `getContext("2d")` gives a 2D context
    /// or null, and an `OffscreenCanvasRenderingContext2D` has the same methods and properties,
    /// which the backend reaches by name (web-sys' calls are structural). So the context is not
    /// checked against the on-screen class.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Self> {
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.unchecked_into();
        Some(LeanCanvas {
            canvas,
            context,
            pending: Pending::None,
            set: Set::default(),
        })
    }

    /// Paints the open path, if any.
    fn flush(&mut self) {
        match std::mem::replace(&mut self.pending, Pending::None) {
            Pending::None => {}
            Pending::Stroke => self.context.stroke(),
            Pending::Fill => self.context.fill(),
        }
    }

    fn fill_style(&mut self, color: &str) {
        if self.set.fill != color {
            self.context.set_fill_style_str(color);
            self.set.fill = color.to_string();
        }
    }

    fn line_style(&mut self, color: &str, width: u32) {
        if self.set.stroke != color {
            self.context.set_stroke_style_str(color);
            self.set.stroke = color.to_string();
        }
        if self.set.width != Some(width) {
            self.context.set_line_width(f64::from(width));
            self.set.width = Some(width);
        }
    }

    fn font(&mut self, font: String) {
        if self.set.font != font {
            self.context.set_font(&font);
            self.set.font = font;
        }
    }

    /// Opens a path to be stroked with `style`, or continues the open one if it is stroked the
    /// same way. Translucent strokes are never joined (overlaps would blend once, not twice).
    fn begin_stroke<S: BackendStyle>(&mut self, style: &S) {
        let color = css_color(style.color());
        let width = style.stroke_width();
        let same = self.pending == Pending::Stroke
            && style.color().alpha >= 1.0
            && self.set.stroke == color
            && self.set.width == Some(width);
        if !same {
            self.flush();
            self.line_style(&color, width);
            self.context.begin_path();
            self.pending = Pending::Stroke;
        }
    }

    /// Opens a path to be filled with `color`, or continues the open one if it has that colour
    /// and is opaque.
    fn begin_fill(&mut self, color: BackendColor) {
        let css = css_color(color);
        let same = self.pending == Pending::Fill && color.alpha >= 1.0 && self.set.fill == css;
        if !same {
            self.flush();
            self.fill_style(&css);
            self.context.begin_path();
            self.pending = Pending::Fill;
        }
    }

    /// Ends the open path now if it must not be joined by what follows (a translucent one).
    fn close_translucent(&mut self, color: BackendColor) {
        if color.alpha < 1.0 {
            self.flush();
        }
    }

    /// Joins the open path if it has the same style (see `begin_stroke`, `begin_fill`).
    fn begin<S: BackendStyle>(&mut self, style: &S, fill: bool) {
        if fill {
            self.begin_fill(style.color());
        } else {
            self.begin_stroke(style);
        }
    }

    /// Strokes the polyline `path` with `style`, or fills the polygon it closes (`fill`);
    /// nothing for an empty path or a transparent style.
    fn polyline<S: BackendStyle>(
        &mut self,
        path: impl IntoIterator<Item = BackendCoord>,
        style: &S,
        fill: bool,
    ) {
        let mut path = path.into_iter().peekable();
        if style.color().alpha == 0.0 || path.peek().is_none() {
            return;
        }
        self.begin(style, fill);
        self.trace(path);
        if fill {
            self.context.close_path();
        }
        self.close_translucent(style.color());
    }

    /// Adds the polyline `path` to the open path: a move to its first point, lines to the rest.
    fn trace(&self, path: impl Iterator<Item = BackendCoord>) {
        for (i, (x, y)) in path.enumerate() {
            if i == 0 {
                self.context.move_to(f64::from(x), f64::from(y));
            } else {
                self.context.line_to(f64::from(x), f64::from(y));
            }
        }
    }
}

impl Drop for LeanCanvas {
    fn drop(&mut self) {
        self.flush();
    }
}

/// Moves a horizontal or vertical line by half a pixel so that a 1-pixel line stays sharp (as
/// plotters-canvas does).
fn sharp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

impl DrawingBackend for LeanCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.flush();
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.begin_fill(color);
        self.context
            .rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        self.close_translucent(color);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (a, b) = sharp(from, to);
        self.begin_stroke(style);
        self.context.move_to(a.0, a.1);
        self.context.line_to(b.0, b.1);
        self.close_translucent(style.color());
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (
            f64::from(bottom_right.0 - upper_left.0),
            f64::from(bottom_right.1 - upper_left.1),
        );
        self.begin(style, fill);
        self.context.rect(x, y, w, h);
        self.close_translucent(style.color());
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.polyline(path, style, false);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.polyline(path, style, true);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y, r) = (f64::from(center.0), f64::from(center.1), f64::from(radius));
        self.begin(style, fill);
        // A circle is its own subpath: without this move, the arc would be joined to the end of
        // the previous one by a line.
        self.context.move_to(x + r, y);
        self.context
            .arc(x, y, r, 0.0, std::f64::consts::TAU)
            .map_err(js_error)?;
        self.close_translucent(style.color());
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        let font = css_font(style);
        // The text first: two keys that differ mostly differ in their first bytes.
        let key = format!("{text}\u{0}{font}");
        let known = |m: &RefCell<Vec<(String, (u32, u32))>>| {
            (m.borrow().iter().rev())
                .find(|(k, _)| *k == key)
                .map(|&(_, size)| size)
        };
        if let Some(size) = TEXT_SIZES.with(known) {
            return Ok(size);
        }
        // Measuring needs the font on the context; the one being drawn with is put back (the
        // state cache stays right) and nothing is painted, so an open path is not disturbed.
        self.context.set_font(&font);
        let m = self.context.measure_text(text).map_err(js_error)?;
        if !self.set.font.is_empty() {
            self.context.set_font(&self.set.font);
        }
        let size = (
            m.width().round().max(0.0) as u32,
            (m.font_bounding_box_ascent() + m.font_bounding_box_descent())
                .round()
                .max(0.0) as u32,
        );
        TEXT_SIZES.with(|m| {
            let mut m = m.borrow_mut();
            if m.len() >= 512 {
                m.clear();
            }
            m.push((key, size));
        });
        Ok(size)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha == 0.0 || text.is_empty() {
            return Ok(());
        }
        self.flush();
        let angle = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        } / 180.0
            * std::f64::consts::PI;
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.set.baseline != baseline {
            self.context.set_text_baseline(baseline);
            self.set.baseline = baseline;
        }
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.set.align != align {
            self.context.set_text_align(align);
            self.set.align = align;
        }
        self.fill_style(&css_color(color));
        self.font(css_font(style));
        let (x, y) = (f64::from(pos.0), f64::from(pos.1));
        if angle == 0.0 {
            self.context.fill_text(text, x, y).map_err(js_error)?;
        } else {
            // save/restore keeps the fill style, font, alignment (what the cache knows).
            self.context.save();
            self.context.translate(x, y).map_err(js_error)?;
            self.context.rotate(angle).map_err(js_error)?;
            let drawn = self.context.fill_text(text, 0.0, 0.0).map_err(js_error);
            self.context.restore();
            drawn?;
        }
        Ok(())
    }
}
