//! The softmax cell's exports (exercise 2): softmax regression trained from constant weights,
//! its history, and the chart.

use super::draw::draw_on_canvas;
use super::{engine_error, from_js, to_js};
use crate::charts::softmax_chart::{draw_softmax_chart, SoftmaxChartLabels, SoftmaxView};
use gradscope_core::softmax_regression::{softmax_regression, SoftmaxSettings};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Computes, for `settings` = `{classes, per_class, spread, value, learning_rate, steps, seed}`
/// (an absent field takes its declared default, see
/// `gradscope_core::softmax_regression::softmax_fields`), the report `{settings, history:
/// [{step, loss, accuracy, spread}], first_gradient, class_means, weights, bias, chance_loss}`
/// (matrices as one list per class). An invalid setting is an error that starts with the
/// field's name.
#[wasm_bindgen(js_name = softmaxCompute)]
pub fn softmax_compute(settings: JsValue) -> Result<JsValue, JsError> {
    let s: SoftmaxSettings = super::settings(settings)?;
    to_js(&softmax_regression(&s).map_err(engine_error)?)
}

/// Draws a `softmaxCompute` result on `canvas` with `labels` (`{title, x_axis, y_axis, loss,
/// chance, spread, underflow, overflow}`) and `style`; returns `{zero_markers,
/// overflow_markers}`.
#[wasm_bindgen(js_name = drawSoftmaxChart)]
pub fn draw_softmax(
    canvas: &HtmlCanvasElement,
    report: JsValue,
    labels: JsValue,
    style: JsValue,
) -> Result<JsValue, JsError> {
    let view: SoftmaxView = from_js("report", report)?;
    draw_on_canvas(
        canvas,
        labels,
        style,
        |area, labels: &SoftmaxChartLabels, style| draw_softmax_chart(area, &view, labels, style),
    )
}
