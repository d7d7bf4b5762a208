//! The Xavier cell's exports: layers of different widths, measured and predicted per-layer
//! variances for N(0, σ²), Xavier normal and Xavier uniform (computed by
//! `gradscope_core::xavier`, whose documentation gives the formulas), and their chart.

use super::{engine_error, to_js};
use gradscope_core::xavier::{xavier_compare as compare, XavierSettings};
use wasm_bindgen::prelude::*;

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
