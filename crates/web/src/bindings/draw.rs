//! How chart exports draw on a canvas (the named charts in [`super::charts`], and the symmetry
//! trainer's own history): read the labels and the style (each `undefined`/`null`
//! gives its default), wrap the canvas in our lean canvas backend ([`super::canvas_backend`], as
//! the canvas of [`super::page_backend::PageBackend`]), call the chart function
//! (generic over the backend, in [`crate::charts`]) and return its outcome as a JavaScript
//! object.

use super::canvas_backend::LeanCanvas;
use super::page_backend::PageBackend;
use super::{from_js_or_default, to_js};
use crate::charts::{ChartError, ChartStyle};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// A canvas as plotters' drawing area (on the one backend type the charts are drawn on).
pub(crate) type CanvasArea = DrawingArea<PageBackend<'static>, Shift>;

/// Draws `chart` on `canvas` with `labels` (read as `L`) and `style`, and returns the chart's
/// outcome `O` as a plain object. Fails (never panics) if the labels or the style are not
/// objects of the right shape, if the canvas has no 2D context, or if drawing fails.
#[cfg_attr(not(feature = "all-cells"), allow(dead_code))]
pub(crate) fn draw_on_canvas<L, O, F>(
    canvas: &HtmlCanvasElement,
    labels: JsValue,
    style: JsValue,
    chart: F,
) -> Result<JsValue, JsError>
where
    L: DeserializeOwned + Default,
    O: Serialize,
    F: FnOnce(&CanvasArea, &L, &ChartStyle) -> Result<O, ChartError>,
{
    let labels: L = from_js_or_default("labels", labels)?;
    let style: ChartStyle = from_js_or_default("style", style)?;
    let outcome = chart(&canvas_area(canvas)?, &labels, &style).map_err(chart_error)?;
    to_js(&outcome)
}

/// `canvas` as plotters' drawing area; fails if it has no 2D context.
pub(crate) fn canvas_area(canvas: &HtmlCanvasElement) -> Result<CanvasArea, JsError> {
    let backend =
        LeanCanvas::new(canvas.clone()).ok_or_else(|| JsError::new("canvas: no 2D context"))?;
    Ok(PageBackend::Canvas(backend).into_drawing_area())
}

/// A chart function's error as a JavaScript error.
pub(crate) fn chart_error(e: ChartError) -> JsError {
    JsError::new(&e.to_string())
}
