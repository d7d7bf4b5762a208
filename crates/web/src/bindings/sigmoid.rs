//! The sigmoid figure's exports: the curve, σ and σ′ at one x, and the chart with its crosshair.

use super::draw::draw_on_canvas;
use super::{engine_error, from_js, to_js};
use crate::charts::sigmoid_chart::{draw_sigmoid_chart, SigmoidChartLabels};
use gradscope_core::{sigmoid_curve, Activation, SigmoidCurve};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// σ and σ′ at `points` evenly spaced x from `lo` to `hi`: `{x, value, derivative}`.
#[wasm_bindgen(js_name = sigmoidCurve)]
pub fn sigmoid_curve_js(lo: f64, hi: f64, points: f64) -> Result<JsValue, JsError> {
    let points = gradscope_core::whole_number(
        "points",
        points,
        (2, gradscope_core::sigmoid_curve::MAX_POINTS),
    )
    .map_err(engine_error)?;
    to_js(&sigmoid_curve(lo, hi, points).map_err(engine_error)?)
}

#[derive(Serialize)]
struct Point {
    x: f64,
    value: f64,
    derivative: f64,
}

/// σ(x) and σ′(x) at one finite `x`: `{x, value, derivative}`.
#[wasm_bindgen(js_name = sigmoidAt)]
pub fn sigmoid_at(x: f64) -> Result<JsValue, JsError> {
    if !x.is_finite() {
        return Err(JsError::new(&format!("x: {x} is not a finite number")));
    }
    to_js(&Point {
        x,
        value: Activation::Sigmoid.apply(x),
        derivative: Activation::Sigmoid.derivative(x),
    })
}

/// Draws `curve` (as [`sigmoid_curve_js`] returned it) on `canvas` with `labels` (`{title,
/// x_axis, y_axis, value, derivative, max_note}`), a crosshair at `hover` (a number, or
/// `undefined`/`null`/NaN for none) and `style`. Returns `{left, right, top, bottom, x_min,
/// x_max, y_min, y_max, hover, skipped}`: the plotting area in canvas pixels and the data range
/// it shows, so the page maps a pointer to x.
#[wasm_bindgen(js_name = drawSigmoidChart)]
pub fn draw_sigmoid_chart_js(
    canvas: &HtmlCanvasElement,
    curve: JsValue,
    labels: JsValue,
    hover: Option<f64>,
    style: JsValue,
) -> Result<JsValue, JsError> {
    let curve: SigmoidCurve = from_js("curve", curve)?;
    draw_on_canvas(
        canvas,
        labels,
        style,
        |area, labels: &SigmoidChartLabels, style| {
            draw_sigmoid_chart(area, &curve, labels, hover, style)
        },
    )
}
