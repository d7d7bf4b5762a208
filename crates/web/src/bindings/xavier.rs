//! The Xavier cell's exports: layers of different widths, measured and predicted per-layer
//! variances for N(0, σ²), Xavier normal and Xavier uniform (computed by
//! `gradscope_core::xavier`, whose documentation gives the formulas), and their chart.

use super::draw::draw_on_canvas;
use super::{engine_error, from_js, to_js};
use crate::charts::xavier_chart::{draw_xavier_chart, XavierChartLabels, XavierLayerView};
use gradscope_core::xavier::{xavier_compare as compare, XavierSettings};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Runs the network of `settings` = `{widths: [n₀, …, n_L], sigma, activation, batch, seed}`
/// (an absent field takes its declared default) with N(0, σ²), Xavier normal and Xavier uniform
/// (gain 1), on the same inputs, and returns `{widths, batch, runs: [{init, sigma, layers:
/// [{layer, n_in, n_out, weight_var, forward_factor, backward_factor, forward_var,
/// backward_var, forward_var_pred, backward_var_pred}]}]}` with forward_factor = n_in·v,
/// backward_factor = n_out·v (v = weight_var) and backward_var = B²·backward_norm²/n_in (see
/// `gradscope_core::xavier`).
#[wasm_bindgen(js_name = xavierCompare)]
pub fn xavier_compare(settings: JsValue) -> Result<JsValue, JsError> {
    let settings: XavierSettings = super::settings(settings)?;
    to_js(&compare(&settings).map_err(engine_error)?)
}

#[derive(Deserialize)]
struct RunLayers {
    layers: Vec<XavierLayerView>,
}

/// Draws one run (an element of `xavierCompare(…).runs`) on `canvas` with `labels` (`{title,
/// x_axis, y_axis, forward, backward, predicted_suffix, underflow, overflow}`) and `style`.
/// Returns `{zero_markers, overflow_markers}`.
#[wasm_bindgen(js_name = drawXavierChart)]
pub fn draw_xavier(
    canvas: &HtmlCanvasElement,
    run: JsValue,
    labels: JsValue,
    style: JsValue,
) -> Result<JsValue, JsError> {
    let run: RunLayers = from_js("run", run)?;
    draw_on_canvas(
        canvas,
        labels,
        style,
        |area, labels: &XavierChartLabels, style| {
            draw_xavier_chart(area, &run.layers, labels, style)
        },
    )
}
