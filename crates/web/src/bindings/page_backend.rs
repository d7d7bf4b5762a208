//! [`PageBackend`]: the one drawing backend every chart of this wasm is drawn on, a canvas
//! ([`LeanCanvas`]) or, with the feature `svg-export`, an SVG document (plotters' SVG backend).
//!
//! The chart functions are generic over plotters' `DrawingBackend`, and each backend type they
//! are called with is a copy of every one of them in the wasm. Drawn on two types (the canvas
//! and SVG), the full build held the chart code twice; behind this enum it holds it once, and a
//! call picks its target with one `match` (nothing next to the drawing itself).

use super::canvas_backend::{CanvasError, LeanCanvas};
use plotters::prelude::DrawingBackend;
#[cfg(feature = "svg-export")]
use plotters::prelude::SVGBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use std::fmt;

/// A canvas, or an SVG document being written.
pub enum PageBackend<'a> {
    /// The page's canvas.
    Canvas(LeanCanvas),
    /// An SVG document, written into a string (the "download SVG" buttons).
    #[cfg(feature = "svg-export")]
    Svg(SVGBackend<'a>),
    /// Never built: keeps the lifetime without the SVG variant.
    #[cfg(not(feature = "svg-export"))]
    #[allow(dead_code)]
    Never(std::marker::PhantomData<&'a ()>, std::convert::Infallible),
}

/// A drawing failure of either target.
#[derive(Debug)]
pub enum PageError {
    /// The canvas' context refused a call.
    Canvas(CanvasError),
    /// Writing the SVG failed.
    Svg(std::io::Error),
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageError::Canvas(e) => e.fmt(f),
            PageError::Svg(e) => write!(f, "svg: {e}"),
        }
    }
}

impl std::error::Error for PageError {}

impl From<CanvasError> for PageError {
    fn from(e: CanvasError) -> Self {
        PageError::Canvas(e)
    }
}

impl From<std::io::Error> for PageError {
    fn from(e: std::io::Error) -> Self {
        PageError::Svg(e)
    }
}

/// A target's error as this backend's.
fn lift<E: std::error::Error + Send + Sync + Into<PageError>>(
    e: DrawingErrorKind<E>,
) -> DrawingErrorKind<PageError> {
    match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(e.into()),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// `$call` on the target `$b` of `$self`.
macro_rules! on {
    ($self:expr, $b:ident => $call:expr) => {
        match $self {
            PageBackend::Canvas($b) => $call,
            #[cfg(feature = "svg-export")]
            PageBackend::Svg($b) => $call,
            #[cfg(not(feature = "svg-export"))]
            PageBackend::Never(_, never) => match *never {},
        }
    };
}

/// `$call` on the target `$b` of `$self`, its error lifted to [`PageError`].
macro_rules! each {
    ($self:expr, $b:ident => $call:expr) => {
        on!($self, $b => $call.map_err(lift))
    };
}

impl DrawingBackend for PageBackend<'_> {
    type ErrorType = PageError;

    fn get_size(&self) -> (u32, u32) {
        on!(self, b => b.get_size())
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<PageError>> {
        each!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<PageError>> {
        each!(self, b => b.present())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<PageError>> {
        each!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<PageError>> {
        each!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<PageError>> {
        each!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<PageError>> {
        each!(self, b => b.draw_path(path, style))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<PageError>> {
        each!(self, b => b.fill_polygon(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<PageError>> {
        each!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<PageError>> {
        each!(self, b => b.estimate_text_size(text, style))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<PageError>> {
        each!(self, b => b.draw_text(text, style, pos))
    }
}
