//! The sigmoid figure's exports: the curve and σ and σ′ at one x (its chart is `drawChart("sigmoid", …)`).

use super::{engine_error, to_js};
use gradscope_core::{sigmoid_curve, Activation};
use serde::Serialize;
use wasm_bindgen::prelude::*;

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
