//! The rescaling cell's exports (exercise 1): one layer of a network scaled by α and the next by
//! 1/α; the output difference and the gradient norms per layer (its chart is `drawChart("rescaling", …)`).

use super::{engine_error, to_js};
use gradscope_core::rescaling::{rescale, RescalingSettings};
use wasm_bindgen::prelude::*;

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
