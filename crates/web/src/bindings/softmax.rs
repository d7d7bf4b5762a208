//! The softmax cell's exports (exercise 2): softmax regression trained from constant weights,
//! its history (its chart is `drawChart("softmax", …)`).

use super::{engine_error, to_js};
use gradscope_core::softmax_regression::{softmax_regression, SoftmaxSettings};
use wasm_bindgen::prelude::*;

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
