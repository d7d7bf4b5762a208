//! The rescaling cell's exports (exercise 1): one layer of a network scaled by α and the next by
//! 1/α; the output difference, the gradient norms per layer, and the chart.

use super::draw::draw_on_canvas;
use super::{engine_error, from_js, to_js};
use crate::charts::rescaling_chart::{draw_rescaling_chart, RescalingChartLabels, RescalingView};
use gradscope_core::rescaling::{rescale, RescalingSettings};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Computes, for `settings` = `{activation, alpha, negative, layer, width, seed}` (an absent
/// field takes its declared default, see `gradscope_core::rescaling::rescaling_fields`), the
/// report `{settings, alpha, commutes, output_difference, output_scale, rounding_bound, loss,
/// loss_scaled, layers: [{layer, weight_norm, weight_norm_scaled, grad_norm, grad_norm_scaled,
/// ratio, predicted}], step_difference, step_change, step_size}`. An invalid setting is an error
/// that starts with the field's name.
#[wasm_bindgen(js_name = rescalingCompute)]
pub fn rescaling_compute(settings: JsValue) -> Result<JsValue, JsError> {
    let s: RescalingSettings = super::settings(settings)?;
    to_js(&rescale(&s).map_err(engine_error)?)
}

/// Draws a `rescalingCompute` result on `canvas` with `labels` (`{title, x_axis, y_axis,
/// original, rescaled, predicted, underflow, overflow}`) and `style`; returns `{zero_markers,
/// overflow_markers}`.
#[wasm_bindgen(js_name = drawRescalingChart)]
pub fn draw_rescaling(
    canvas: &HtmlCanvasElement,
    report: JsValue,
    labels: JsValue,
    style: JsValue,
) -> Result<JsValue, JsError> {
    let view: RescalingView = from_js("report", report)?;
    draw_on_canvas(
        canvas,
        labels,
        style,
        |area, labels: &RescalingChartLabels, style| {
            draw_rescaling_chart(area, &view, labels, style)
        },
    )
}
